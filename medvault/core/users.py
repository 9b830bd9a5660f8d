"""User accounts as the services show them."""

from __future__ import annotations

from dataclasses import dataclass

from medvault.core.errors import InvalidInputError
from medvault.core.permissions import Role

_LOGIN_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


@dataclass(frozen=True)
class User:
    login: str
    display_name: str
    role: Role
    active: bool
    must_change_password: bool
    created_at: str
    last_login_at: str | None


def validate_login(login: str) -> str:
    """Logins are short, lowercase ASCII: they appear in the header and the audit log."""
    if not 2 <= len(login) <= 32 or not set(login) <= _LOGIN_CHARS or not login[0].isalnum():
        raise InvalidInputError(
            fr=(
                "L'identifiant doit faire 2 à 32 caractères : lettres minuscules sans accent, "
                "chiffres, point, tiret ou souligné, en commençant par une lettre ou un chiffre."
            ),
            en=(
                "The login must be 2 to 32 characters: lowercase letters without accents, digits, "
                "dot, dash or underscore, starting with a letter or digit."
            ),
        )
    return login


def validate_display_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not 1 <= len(cleaned) <= 100:
        raise InvalidInputError(
            fr="Le nom affiché doit faire 1 à 100 caractères.",
            en="The display name must be 1 to 100 characters long.",
        )
    return cleaned
