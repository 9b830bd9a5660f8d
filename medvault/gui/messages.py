"""Words shared by several windows: role names and how known errors are put to the user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from medvault.core.errors import KnownError
from medvault.core.permissions import Role
from medvault.gui.settings_store import interface_language

# Fixed French, read once at import: kept only for modules not yet moved to language().
LANGUAGE = "fr"


def language() -> str:
    """'fr' or 'en': the language of the installed translation, read at each call so error
    labels follow the interface (message boxes shown before any choice use bilingual())."""
    return interface_language()


def role_label(role: Role) -> str:
    if role is Role.PRACTITIONER:
        return QCoreApplication.translate("roles", "Praticien")
    return QCoreApplication.translate("roles", "Secrétariat-accueil")


def bilingual(error: KnownError) -> str:
    """Both languages, for message boxes shown before the user has chosen anything."""
    french, english = error.message("fr"), error.message("en")
    return french if french == english else f"{french}\n\n{english}"
