"""The few preferences kept outside the vault, in QSettings: where the vault is, the auto-lock
delay, the interface language and the automatic backups (folder, retention, warning age).
Never any patient data: these files are not encrypted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from medvault.core.backup_retention import RetentionPolicy

ORGANIZATION = "medvault"
APPLICATION = "medvault"


LANGUAGE_SYSTEM = ""  # follow the system: French when it is French, English otherwise
LANGUAGES = ("fr", "en")

# Automatic backups: how many of each period to keep, and when the status line warns.
KEEP_RANGES = {"daily": (1, 90), "weekly": (0, 52), "monthly": (0, 120)}
MAX_AGE_MIN = 1
MAX_AGE_MAX = 60
MAX_AGE_DEFAULT = 2

_VAULT_KEY = "vault/last_location"
_BACKUP_FOLDER_KEY = "backup/folder"
_BACKUP_KEEP_KEY = "backup/keep_{period}"
_BACKUP_MAX_AGE_KEY = "backup/max_age_days"
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

    # -- automatic backups ----------------------------------------------------------------------
    def backup_folder(self) -> Path | None:
        value = self._settings.value(_BACKUP_FOLDER_KEY, "")
        return Path(value) if isinstance(value, str) and value else None

    def set_backup_folder(self, folder: Path | None) -> None:
        self._settings.setValue(_BACKUP_FOLDER_KEY, str(folder) if folder is not None else "")
        self._settings.sync()

    def backup_retention(self) -> RetentionPolicy:
        defaults = RetentionPolicy()
        counts: dict[str, int] = {}
        for period, (low, high) in KEEP_RANGES.items():
            counts[period] = _int_in_range(
                self._settings.value(_BACKUP_KEEP_KEY.format(period=period)),
                low,
                high,
                getattr(defaults, period),
            )
        return RetentionPolicy(**counts)

    def set_backup_retention(self, policy: RetentionPolicy) -> None:
        for period, (low, high) in KEEP_RANGES.items():
            if not low <= getattr(policy, period) <= high:
                raise ValueError("backup retention count out of range")
        for period in KEEP_RANGES:
            self._settings.setValue(_BACKUP_KEEP_KEY.format(period=period), getattr(policy, period))
        self._settings.sync()

    def backup_max_age_days(self) -> int:
        value = self._settings.value(_BACKUP_MAX_AGE_KEY)
        return _int_in_range(value, MAX_AGE_MIN, MAX_AGE_MAX, MAX_AGE_DEFAULT)

    def set_backup_max_age_days(self, days: int) -> None:
        if not MAX_AGE_MIN <= days <= MAX_AGE_MAX:
            raise ValueError("backup warning age out of range")
        self._settings.setValue(_BACKUP_MAX_AGE_KEY, days)
        self._settings.sync()


def _int_in_range(value: object, low: int, high: int, default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if low <= number <= high else default


def interface_language() -> str:
    """'fr' or 'en': the language the installed translation speaks, for KnownError messages.

    The English translation renders this marker as "en" (Qt identifies layout direction the same
    way), so the messages always match the rest of the interface."""
    marker = QCoreApplication.translate("interface_language", "fr")
    return marker if marker in LANGUAGES else "fr"
