"""Keys of backups in the age format.

age writes X25519 keys as Bech32 strings (BIP 173 checksum, no length limit): recipients as
"age1...", identities as "AGE-SECRET-KEY-1..." in upper case. The vault stores raw 32-byte keys,
so this module converts them. It also derives the *recovery identity*: an X25519 key computed
from the recovery code alone, so the printed sheet can open a backup without anything else."""

from __future__ import annotations

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from medvault.core.secrets import KEY_BYTES, SecretKey

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
RECIPIENT_HRP = "age"
IDENTITY_HRP = "age-secret-key-"

# Recovery identity = Argon2id(normalised recovery code, RECOVERY_SALT) with these fixed
# parameters (RFC 9106, second recommended option). Fixed because nothing but the code is known
# when a backup must be opened; the salt cannot hold the vault id, which is inside the backup.
RECOVERY_SALT = b"medvault backup recovery identity v1"
RECOVERY_TIME_COST = 3
RECOVERY_MEMORY_KIB = 64 * 1024
RECOVERY_PARALLELISM = 4


def _polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for i, generator in enumerate(_GENERATOR):
            if (top >> i) & 1:
                checksum ^= generator
    return checksum


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], source: int, target: int, *, pad: bool) -> list[int]:
    accumulator, bits, out = 0, 0, []
    mask = (1 << target) - 1
    for value in data:
        if value >> source:
            raise ValueError("value out of range")
        accumulator = (accumulator << source) | value
        bits += source
        while bits >= target:
            bits -= target
            out.append((accumulator >> bits) & mask)
    if pad and bits:
        out.append((accumulator << (target - bits)) & mask)
    elif not pad and (bits >= source or (accumulator << (target - bits)) & mask):
        raise ValueError("invalid padding")
    return out


def bech32_encode(hrp: str, data: bytes) -> str:
    """Lower-case Bech32 of `data` (8-bit bytes) under the human-readable part `hrp`."""
    words = _convert_bits(data, 8, 5, pad=True)
    polymod = _polymod([*_hrp_expand(hrp), *words, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[w] for w in words + checksum)


def bech32_decode(text: str) -> tuple[str, bytes]:
    """(hrp, data); ValueError for mixed case, a bad character or a bad checksum."""
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case")
    text = text.lower()
    separator = text.rfind("1")
    if separator < 1 or separator + 7 > len(text):
        raise ValueError("no separator")
    hrp, rest = text[:separator], text[separator + 1 :]
    if any(c not in _CHARSET for c in rest) or any(not 33 <= ord(c) <= 126 for c in hrp):
        raise ValueError("bad character")
    words = [_CHARSET.index(c) for c in rest]
    if _polymod([*_hrp_expand(hrp), *words]) != 1:
        raise ValueError("bad checksum")
    return hrp, bytes(_convert_bits(words[:-6], 5, 8, pad=False))


def age_recipient(public_key: bytes) -> str:
    if len(public_key) != KEY_BYTES:
        raise ValueError("an X25519 public key has 32 bytes")
    return bech32_encode(RECIPIENT_HRP, public_key)


def age_identity(private_key: SecretKey) -> str:
    """The age identity string of a raw X25519 private key (a secret: never log it)."""
    return bech32_encode(IDENTITY_HRP, bytes(private_key.buffer)).upper()


def public_key_of(private_key: SecretKey) -> bytes:
    private = X25519PrivateKey.from_private_bytes(bytes(private_key.buffer))
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def recovery_identity(normalized_code: bytes) -> SecretKey:
    """The X25519 private key of backups' recovery recipient, from the normalised code."""
    raw = hash_secret_raw(
        secret=normalized_code,
        salt=RECOVERY_SALT,
        time_cost=RECOVERY_TIME_COST,
        memory_cost=RECOVERY_MEMORY_KIB,
        parallelism=RECOVERY_PARALLELISM,
        hash_len=KEY_BYTES,
        type=Type.ID,
        version=19,
    )
    return SecretKey(raw)
