from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medvault.core.errors import HeaderDamagedError, WrongCredentialsError
from medvault.core.header import VaultHeader, parse_header
from medvault.core.kdf import Argon2Params, normalize_password
from medvault.core.keys import KeyBundle
from medvault.core.keyslot_format import SlotKind
from medvault.core.keyslots import create_slot, open_slot, reseal_slot, rewrap_slot
from medvault.core.permissions import Role

KDF = Argon2Params(1, 64, 1)
VAULT = "3f1c7a52-0000-4000-8000-000000000001"


def _slot(role: Role, secret: bytes, bundle: KeyBundle, login: str = "doc"):  # type: ignore[no-untyped-def]
    return create_slot(
        vault_id=VAULT,
        kind=SlotKind.USER,
        login=login,
        role=role,
        secret=secret,
        kdf=KDF,
        bundle=bundle,
        generation=1,
    )


@pytest.fixture(scope="module")
def header() -> VaultHeader:
    bundle = KeyBundle.generate()
    return VaultHeader(
        vault_id=VAULT,
        created="2026-11-23T10:00:00.000000Z",
        practice_name="Cabinet d'Été",
        key_generation=1,
        backup_recipient=b"\x01" * 32,
        slots=(
            _slot(Role.PRACTITIONER, b"secret", bundle),
            _slot(Role.RECEPTIONIST, b"other", bundle, login="accueil"),
        ),
    )


def test_header_round_trip(header: VaultHeader) -> None:
    assert parse_header(header.to_bytes()) == header


def test_header_holds_no_key_material(header: VaultHeader) -> None:
    body = json.loads(header.to_bytes())["body"]
    assert set(body["slots"][0]) == {
        "slot_id",
        "kind",
        "login",
        "role",
        "kdf",
        "salt",
        "public_key",
        "wrapped_private",
        "sealed_bundle",
    }


def test_every_flipped_byte_is_detected(header: VaultHeader) -> None:
    data = header.to_bytes()
    for index in range(len(data)):
        for mask in (0x01, 0x20, 0x80):
            damaged = bytearray(data)
            damaged[index] ^= mask
            with pytest.raises(HeaderDamagedError):
                parse_header(bytes(damaged))


def test_a_consistent_edit_with_a_fixed_checksum_still_fails_at_unlock(
    header: VaultHeader,
) -> None:
    """Someone who recomputes the checksum (it is not a MAC) cannot turn a receptionist slot
    into a practitioner one: the slot metadata is bound to the wrapped key."""
    slot = header.slots[1]
    from dataclasses import replace

    forged = replace(slot, role=Role.PRACTITIONER)
    with pytest.raises(WrongCredentialsError):
        open_slot(forged, vault_id=VAULT, secret=b"other", generation=1)
    with pytest.raises(WrongCredentialsError):
        open_slot(slot, vault_id="another-vault", secret=b"other", generation=1)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_random_bytes_only_ever_give_header_damaged(data: bytes) -> None:
    with pytest.raises(HeaderDamagedError):
        parse_header(data)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=12), c, max_size=6),
    )
)
def test_random_json_only_ever_gives_header_damaged(value: object) -> None:
    with pytest.raises(HeaderDamagedError):
        parse_header(
            json.dumps(
                {"format": "medvault-vault", "version": 1, "body": value, "sha256": "0" * 64}
            ).encode()
        )


def test_slot_releases_the_role_keys_only() -> None:
    bundle = KeyBundle.generate()
    practitioner = open_slot(
        _slot(Role.PRACTITIONER, b"a", bundle), vault_id=VAULT, secret=b"a", generation=1
    )
    receptionist = open_slot(
        _slot(Role.RECEPTIONIST, b"b", bundle), vault_id=VAULT, secret=b"b", generation=1
    )
    assert practitioner.clinical_key is not None and bundle.clinical_key is not None
    assert practitioner.clinical_key.equals(bundle.clinical_key)
    assert receptionist.clinical_key is None and receptionist.backup_identity is None
    assert receptionist.admin_key.equals(bundle.admin_key)
    assert receptionist.audit_key.equals(bundle.audit_key)


def test_nfc_and_nfd_passwords_open_the_same_slot() -> None:
    text = "Crème brûlée à l'île"
    nfd = normalize_password(unicodedata.normalize("NFD", text))
    assert nfd == normalize_password(unicodedata.normalize("NFC", text))
    slot = _slot(Role.PRACTITIONER, nfd, KeyBundle.generate())
    open_slot(slot, vault_id=VAULT, secret=normalize_password(text), generation=1)


def test_rewrap_keeps_keys_and_changes_the_password() -> None:
    bundle = KeyBundle.generate()
    slot = _slot(Role.PRACTITIONER, b"old", bundle)
    fresh = rewrap_slot(slot, vault_id=VAULT, old_secret=b"old", new_secret=b"new", kdf=KDF)
    assert fresh.sealed_bundle == slot.sealed_bundle and fresh.salt != slot.salt
    with pytest.raises(WrongCredentialsError):
        open_slot(fresh, vault_id=VAULT, secret=b"old", generation=1)
    opened = open_slot(fresh, vault_id=VAULT, secret=b"new", generation=1)
    assert opened.admin_key.equals(bundle.admin_key)
    with pytest.raises(WrongCredentialsError):
        rewrap_slot(slot, vault_id=VAULT, old_secret=b"bad", new_secret=b"x", kdf=KDF)


def test_reseal_gives_new_keys_without_the_password() -> None:
    slot = _slot(Role.RECEPTIONIST, b"pw", KeyBundle.generate())
    newer = KeyBundle.generate()
    resealed = reseal_slot(slot, vault_id=VAULT, bundle=newer, generation=2)
    assert open_slot(resealed, vault_id=VAULT, secret=b"pw", generation=2).admin_key.equals(
        newer.admin_key
    )
    # An old sealed bundle replayed under the new generation is refused as damage.
    with pytest.raises(HeaderDamagedError):
        open_slot(slot, vault_id=VAULT, secret=b"pw", generation=2)
