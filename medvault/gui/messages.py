"""Words shared by several windows: role names and how known errors are put to the user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from medvault.core.errors import KnownError
from medvault.core.permissions import Role

# French first: the error label speaks the interface language; message boxes show both.
LANGUAGE = "fr"


def role_label(role: Role) -> str:
    if role is Role.PRACTITIONER:
        return QCoreApplication.translate("roles", "Praticien")
    return QCoreApplication.translate("roles", "Secrétariat-accueil")


def bilingual(error: KnownError) -> str:
    """Both languages, for message boxes shown before the user has chosen anything."""
    french, english = error.message("fr"), error.message("en")
    return french if french == english else f"{french}\n\n{english}"
