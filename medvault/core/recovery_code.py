"""Recovery codes: 160 random bits in Crockford base32, typed in groups of four.

Crockford's alphabet has no I, L, O or U, and reading back is forgiving: case, spaces and
dashes are ignored, O reads as 0, I and L as 1."""

from __future__ import annotations

import secrets

from medvault.core.errors import InvalidInputError

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CHARS = 32  # 32 x 5 bits = 160 bits
_GROUP = 4
_TRANSLATE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def generate_recovery_code() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(_CODE_CHARS))
    return "-".join(chars[i : i + _GROUP] for i in range(0, _CODE_CHARS, _GROUP))


def normalize_recovery_code(text: str) -> bytes:
    """Canonical bytes of a typed code; a specific error when it cannot be a code."""
    cleaned = "".join(ch for ch in text.upper() if ch != "-" and not ch.isspace())
    cleaned = cleaned.translate(_TRANSLATE)
    if len(cleaned) != _CODE_CHARS or any(ch not in _ALPHABET for ch in cleaned):
        raise InvalidInputError(
            fr="Le code de secours comporte 32 caractères (8 groupes de 4) : vérifiez la saisie.",
            en="A recovery code has 32 characters (8 groups of 4): please check what you typed.",
        )
    return cleaned.encode("ascii")
