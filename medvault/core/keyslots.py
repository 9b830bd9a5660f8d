"""Key slots (LUKS-style envelopes).

A slot has an X25519 key pair. Its private key is wrapped with AES-256-GCM under
KEK = Argon2id(password, salt), the slot's metadata bound as associated data. The key bundle is
sealed to the slot's public key (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM). Opening a slot is
therefore: password -> KEK -> private key -> bundle; a successful unwrap is the password check.

Why the key pair: a practitioner can re-seal new keys to every remaining slot after a rotation
without knowing the other users' passwords, and a former user's old slot gives nothing new."""

from __future__ import annotations

import secrets
from dataclasses import replace

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from medvault.core.errors import HeaderDamagedError, WrongCredentialsError
from medvault.core.kdf import SALT_BYTES, Argon2Params, derive_kek
from medvault.core.keys import KeyBundle
from medvault.core.keyslot_format import KeySlot, SlotKind, canonical_json
from medvault.core.permissions import Role
from medvault.core.secrets import wipe_bytearray

NONCE_BYTES = 12
_SEAL_INFO = b"medvault key slot seal v1"


def _seal_aad(vault_id: str, slot_id: str, role: Role, generation: int) -> bytes:
    return canonical_json(
        {"vault_id": vault_id, "slot_id": slot_id, "role": role.value, "generation": generation}
    )


def _public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _shared_key(private: X25519PrivateKey, peer: bytes, salt: bytes) -> bytearray:
    shared = private.exchange(X25519PublicKey.from_public_bytes(peer))
    return bytearray(HKDF(hashes.SHA256(), 32, salt, _SEAL_INFO).derive(shared))


def _seal(public_key: bytes, bundle: KeyBundle, aad: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_bytes(ephemeral.public_key())
    key = _shared_key(ephemeral, public_key, ephemeral_public + public_key)
    nonce = secrets.token_bytes(NONCE_BYTES)
    plain = bundle.serialize()
    try:
        return ephemeral_public + nonce + AESGCM(bytes(key)).encrypt(nonce, bytes(plain), aad)
    finally:
        wipe_bytearray(plain)
        wipe_bytearray(key)


def _unseal(private: X25519PrivateKey, slot: KeySlot, aad: bytes) -> KeyBundle:
    sealed = slot.sealed_bundle
    ephemeral_public, nonce, body = sealed[:32], sealed[32:44], sealed[44:]
    key = bytearray()
    try:
        if len(body) < 16:
            raise ValueError("sealed bundle too short")
        key = _shared_key(private, ephemeral_public, ephemeral_public + slot.public_key)
        plain = bytearray(AESGCM(bytes(key)).decrypt(nonce, body, aad))
    except (InvalidTag, ValueError) as exc:
        # The password was right (the private key opened), so the header was altered.
        raise HeaderDamagedError() from exc
    finally:
        wipe_bytearray(key)
    return KeyBundle.deserialize(plain)


def _wrap_private(private: X25519PrivateKey, kek: bytearray, aad: bytes) -> bytes:
    raw = bytearray(private.private_bytes_raw())
    nonce = secrets.token_bytes(NONCE_BYTES)
    try:
        return nonce + AESGCM(bytes(kek)).encrypt(nonce, bytes(raw), aad)
    finally:
        wipe_bytearray(raw)


def _unwrap_private(slot: KeySlot, vault_id: str, secret: bytes) -> X25519PrivateKey:
    kek = derive_kek(secret, slot.salt, slot.kdf)
    nonce, body = slot.wrapped_private[:NONCE_BYTES], slot.wrapped_private[NONCE_BYTES:]
    try:
        raw = bytearray(AESGCM(bytes(kek)).decrypt(nonce, body, slot.metadata(vault_id)))
    except (InvalidTag, ValueError):
        raise WrongCredentialsError() from None
    finally:
        wipe_bytearray(kek)
    try:
        return X25519PrivateKey.from_private_bytes(bytes(raw))
    finally:
        wipe_bytearray(raw)


def create_slot(
    *,
    vault_id: str,
    kind: SlotKind,
    login: str | None,
    role: Role,
    secret: bytes,
    kdf: Argon2Params,
    bundle: KeyBundle,
    generation: int,
) -> KeySlot:
    """A new slot for `secret` (normalised password or recovery code) holding `bundle`."""
    private = X25519PrivateKey.generate()
    slot = KeySlot(
        slot_id=secrets.token_hex(8),
        kind=kind,
        login=login,
        role=role,
        kdf=kdf,
        salt=secrets.token_bytes(SALT_BYTES),
        public_key=_public_bytes(private.public_key()),
        wrapped_private=b"",
        sealed_bundle=b"",
    )
    kek = derive_kek(secret, slot.salt, kdf)
    try:
        wrapped = _wrap_private(private, kek, slot.metadata(vault_id))
    finally:
        wipe_bytearray(kek)
    slot = replace(slot, wrapped_private=wrapped)
    return reseal_slot(slot, vault_id=vault_id, bundle=bundle, generation=generation)


def open_slot(slot: KeySlot, *, vault_id: str, secret: bytes, generation: int) -> KeyBundle:
    """Unwrap; WrongCredentialsError when the secret is wrong."""
    private = _unwrap_private(slot, vault_id, secret)
    bundle = _unseal(private, slot, _seal_aad(vault_id, slot.slot_id, slot.role, generation))
    if slot.role is Role.RECEPTIONIST and (
        bundle.clinical_key is not None or bundle.backup_identity is not None
    ):
        bundle.wipe()
        raise HeaderDamagedError()  # a receptionist slot never holds practitioner keys
    return bundle


def rewrap_slot(
    slot: KeySlot, *, vault_id: str, old_secret: bytes, new_secret: bytes, kdf: Argon2Params
) -> KeySlot:
    """Password change: the same key pair and sealed bundle under a new KEK and salt."""
    private = _unwrap_private(slot, vault_id, old_secret)
    fresh = replace(slot, kdf=kdf, salt=secrets.token_bytes(SALT_BYTES), wrapped_private=b"")
    kek = derive_kek(new_secret, fresh.salt, kdf)
    try:
        return replace(fresh, wrapped_private=_wrap_private(private, kek, fresh.metadata(vault_id)))
    finally:
        wipe_bytearray(kek)


def reseal_slot(slot: KeySlot, *, vault_id: str, bundle: KeyBundle, generation: int) -> KeySlot:
    """Seal (new) keys to the slot's public key: no password needed, used by key rotation."""
    role_bundle = bundle.for_role(slot.role)
    try:
        aad = _seal_aad(vault_id, slot.slot_id, slot.role, generation)
        return replace(slot, sealed_bundle=_seal(slot.public_key, role_bundle, aad))
    finally:
        role_bundle.wipe()


def burn_kdf(secret: bytes, kdf: Argon2Params) -> None:
    """Spend the same Argon2id time for an unknown login, so timing does not reveal logins."""
    wipe_bytearray(derive_kek(secret, b"\x00" * SALT_BYTES, kdf))
