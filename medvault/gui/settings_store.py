"""The few preferences kept outside the vault, in QSettings: where the vault is, the auto-lock
delay and the interface language. Never any patient data: these files are not encrypted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

ORGANIZATION = "medvault"
APPLICATION = "medvault"

AUTO_LOCK_MIN = 1
AUTO_LOCK_MAX = 30
AUTO_LOCK_DEFAULT = 5

LANGUAGE_SYSTEM = ""  # follow the system: French when it is French, English otherwise
LANGUAGES = ("fr", "en")

_VAULT_KEY = "vault/last_location"
_AUTO_LOCK_KEY = "security/auto_lock_minutes"
_LANGUAGE_KEY = "interface/language"


class SettingsStore:
    """Typed access to one QSettings; tests pass a QSettings on a temporary file."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def for_user(cls) -> SettingsStore:
        """The user's own settings (the platform's usual place)."""
        return cls(QSettings(ORGANIZATION, APPLICATION))

    @property
    def qsettings(self) -> QSettings:
        return self._settings

    # -- vault location -------------------------------------------------------------------------
    def last_vault(self) -> Path | None:
        value = self._settings.value(_VAULT_KEY, "")
        return Path(value) if isinstance(value, str) and value else None

    def remember_vault(self, directory: Path) -> None:
        self._settings.setValue(_VAULT_KEY, str(directory.resolve()))
        self._settings.sync()

    # -- auto-lock ------------------------------------------------------------------------------
    def auto_lock_minutes(self) -> int:
        value = self._settings.value(_AUTO_LOCK_KEY, AUTO_LOCK_DEFAULT)
        try:
            minutes = int(str(value))
        except ValueError:
            return AUTO_LOCK_DEFAULT
        if not AUTO_LOCK_MIN <= minutes <= AUTO_LOCK_MAX:
            return AUTO_LOCK_DEFAULT
        return minutes

    def set_auto_lock_minutes(self, minutes: int) -> None:
        if not AUTO_LOCK_MIN <= minutes <= AUTO_LOCK_MAX:
            raise ValueError("auto-lock delay out of range")
        self._settings.setValue(_AUTO_LOCK_KEY, minutes)
        self._settings.sync()

    # -- language -------------------------------------------------------------------------------
    def language(self) -> str:
        """'fr', 'en', or LANGUAGE_SYSTEM when the user has not chosen."""
        value = self._settings.value(_LANGUAGE_KEY, LANGUAGE_SYSTEM)
        return value if isinstance(value, str) and value in LANGUAGES else LANGUAGE_SYSTEM

    def set_language(self, language: str) -> None:
        if language not in (*LANGUAGES, LANGUAGE_SYSTEM):
            raise ValueError("unknown interface language")
        self._settings.setValue(_LANGUAGE_KEY, language)
        self._settings.sync()


def interface_language() -> str:
    """'fr' or 'en': the language the installed translation speaks, for KnownError messages.

    The English translation renders this marker as "en" (Qt identifies layout direction the same
    way), so the messages always match the rest of the interface."""
    marker = QCoreApplication.translate("interface_language", "fr")
    return marker if marker in LANGUAGES else "fr"
