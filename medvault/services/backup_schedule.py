"""Automatic backups: one file per run in a chosen folder, old ones rotated away, and a status
the app can show (last backup, last verification, warnings)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from medvault.core.backup_errors import BackupFolderUnavailableError
from medvault.core.backup_retention import (
    RetentionPolicy,
    backup_file_name,
    backups_to_keep,
    parse_backup_time,
    practice_slug,
)
from medvault.core.permissions import Permission
from medvault.services.authz import requires
from medvault.services.backup import (
    LAST_ATTEMPT_KEY,
    LAST_ERROR_KEY,
    LAST_FILE_KEY,
    LAST_OK_KEY,
    LAST_VERIFIED_FILE_KEY,
    LAST_VERIFIED_KEY,
    BackupResult,
    create_backup,
)
from medvault.services.backup_recovery import stored_recovery_recipient
from medvault.services.session import Session
from medvault.storage import meta_repo

DEFAULT_MAX_AGE = timedelta(days=2)


@dataclass(frozen=True)
class ScheduledBackup:
    result: BackupResult
    deleted: tuple[Path, ...]


@dataclass(frozen=True)
class Warning:
    fr: str
    en: str


@dataclass(frozen=True)
class BackupStatus:
    last_attempt_at: str | None
    last_ok_at: str | None
    last_file: str | None
    last_error_at: str | None
    last_verified_at: str | None
    last_verified_file: str | None
    warnings: tuple[Warning, ...]

    @property
    def ok(self) -> bool:
        return not self.warnings


def _own_backups(folder: Path, slug: str) -> dict[datetime, Path]:
    found: dict[datetime, Path] = {}
    for path in folder.iterdir():
        moment = parse_backup_time(path.name, slug)
        if moment is not None and path.is_file():
            found[moment] = path
    return found


@requires(Permission.BACKUP_CREATE)
def run_scheduled_backup(
    session: Session,
    folder: Path,
    now: datetime,
    *,
    policy: RetentionPolicy | None = None,
    work_dir: Path | None = None,
) -> ScheduledBackup:
    """Write `<practice-slug>-<UTC time>.mvbackup` into `folder`, then delete this practice's
    automatic backups that the retention policy no longer keeps (never other files)."""
    policy = policy or RetentionPolicy()
    slug = practice_slug(session.header.practice_name)
    target = folder / backup_file_name(slug, now)
    result = create_backup(session, target, work_dir=work_dir)
    deleted: list[Path] = []
    try:
        backups = _own_backups(folder, slug)
    except OSError:
        return ScheduledBackup(result, ())
    keep = backups_to_keep(backups, policy)
    for moment, path in sorted(backups.items()):
        if moment not in keep and path != target:
            with contextlib.suppress(OSError):
                path.unlink()
                deleted.append(path)
    _remove_stale_temp_files(folder, slug, now)
    return ScheduledBackup(result, tuple(deleted))


STALE_TEMP_AGE = timedelta(hours=6)


def _remove_stale_temp_files(folder: Path, slug: str, now: datetime) -> None:
    """A backup interrupted by a crash or a power cut leaves its temp file (encrypted, never
    under a final name): this practice's ones older than a few hours are removed."""
    with contextlib.suppress(OSError):
        for path in folder.glob(f".{slug}-*.mvbackup.*.tmp"):
            with contextlib.suppress(OSError):
                modified = datetime.fromtimestamp(path.stat().st_mtime, tz=now.tzinfo)
                if path.is_file() and now - modified > STALE_TEMP_AGE:
                    path.unlink()


def _parse_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _warnings(
    session: Session, values: dict[str, str | None], folder: Path | None, max_age: timedelta
) -> list[Warning]:
    warnings: list[Warning] = []
    last_ok = _parse_time(values[LAST_OK_KEY])
    now = session.config.clock.now()
    if last_ok is None:
        warnings.append(
            Warning("Aucune sauvegarde n'a encore été faite.", "No backup was made yet.")
        )
    elif now - last_ok > max_age:
        days = (now - last_ok).days
        warnings.append(
            Warning(
                f"La dernière sauvegarde réussie date de {days} jour(s).",
                f"The last successful backup is {days} day(s) old.",
            )
        )
    last_error = _parse_time(values[LAST_ERROR_KEY])
    if last_error is not None and (last_ok is None or last_error > last_ok):
        warnings.append(
            Warning("La dernière sauvegarde a échoué.", "The last backup attempt failed.")
        )
    if folder is not None and not folder.is_dir():
        warnings.append(Warning(BackupFolderUnavailableError.fr, BackupFolderUnavailableError.en))
    if stored_recovery_recipient(session.admin_db) is None:
        warnings.append(
            Warning(
                "Les sauvegardes ne s'ouvrent pas encore avec le seul code de secours : "
                "enregistrez-le pour les sauvegardes.",
                "Backups cannot yet be opened with the recovery code alone: register it for "
                "backups.",
            )
        )
    return warnings


@requires(Permission.BACKUP_CREATE)
def backup_status(
    session: Session, folder: Path | None = None, *, max_age: timedelta = DEFAULT_MAX_AGE
) -> BackupStatus:
    conn = session.admin_db
    keys = (
        LAST_ATTEMPT_KEY,
        LAST_OK_KEY,
        LAST_FILE_KEY,
        LAST_ERROR_KEY,
        LAST_VERIFIED_KEY,
        LAST_VERIFIED_FILE_KEY,
    )
    values = {key: meta_repo.get(conn, "settings", key) for key in keys}
    return BackupStatus(
        last_attempt_at=values[LAST_ATTEMPT_KEY],
        last_ok_at=values[LAST_OK_KEY],
        last_file=values[LAST_FILE_KEY],
        last_error_at=values[LAST_ERROR_KEY],
        last_verified_at=values[LAST_VERIFIED_KEY],
        last_verified_file=values[LAST_VERIFIED_FILE_KEY],
        warnings=tuple(_warnings(session, values, folder, max_age)),
    )
