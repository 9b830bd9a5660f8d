"""Restoring a backup into a new folder: everything is checked in a temp folder next to the
target, and only a vault that passed every check is renamed to the final name."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.backup_errors import (
    BackupCheckFailedError,
    BackupFolderUnavailableError,
    BackupTargetExistsError,
)
from medvault.core.clock import iso_utc
from medvault.core.errors import InvalidInputError, PermissionDeniedError
from medvault.core.permissions import Area, Role
from medvault.services.backup_verify import (
    BackupSecrets,
    VerifyReport,
    deep_check,
    open_backup,
    open_bundle,
    open_databases,
)
from medvault.services.config import ServiceConfig
from medvault.storage import audit_repo, users_repo
from medvault.storage.database import transaction
from medvault.storage.header_store import save_header


@dataclass(frozen=True)
class RestoreReport:
    directory: Path
    verify: VerifyReport
    users_must_change_password: tuple[str, ...]  # every active account, after a code restore


def _check_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupTargetExistsError()
    if not target.parent.is_dir():
        raise BackupFolderUnavailableError(
            fr="Le dossier parent de la restauration n'existe pas.",
            en="The restore target's parent folder does not exist.",
        )


def _failure(report: VerifyReport) -> BackupCheckFailedError:
    audit = report.audit
    detail_fr = audit.reason_fr if audit is not None and not audit.ok else "bases endommagées"
    detail_en = audit.reason_en if audit is not None and not audit.ok else "damaged databases"
    return BackupCheckFailedError(
        fr=f"La sauvegarde ne passe pas les vérifications ({detail_fr}) ; rien n'a été restauré.",
        en=f"The backup fails its checks ({detail_en}); nothing was restored.",
    )


def _fsync_dir(directory: Path) -> None:
    if os.name == "posix":
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def restore_backup(
    path: Path, target: Path, secrets: BackupSecrets, *, config: ServiceConfig
) -> RestoreReport:
    """Restore into `target` (absent or empty). A slot secret is needed (recovery code, or a
    login and password valid at backup time) to check the databases before anything is kept."""
    if secrets.recovery_code is None and (secrets.login is None or secrets.password is None):
        raise InvalidInputError(
            fr="La restauration demande le code de secours (ou un mot de passe du coffre).",
            en="A restore needs the recovery code (or a password of the vault).",
        )
    _check_target(target)
    by_code = secrets.recovery_code is not None
    with open_backup(path, secrets, work_parent=target.parent) as opened:
        bundle = open_bundle(opened, secrets)
        assert bundle is not None
        if bundle.clinical_key is None:
            bundle.wipe()
            raise PermissionDeniedError()  # a receptionist's password cannot check clinical.db
        try:
            databases = open_databases(opened, bundle)
            try:
                report = deep_check(opened, bundle, databases)
                if not report.ok or not report.clinical_checked:
                    raise _failure(report)
                admin = databases.admin
                flagged: list[str] = []
                with transaction(admin, "admin.db"):
                    if by_code:
                        for user in users_repo.list_users(admin):
                            if user.active:
                                users_repo.set_password_state(
                                    admin, user.login, must_change=True, active=True
                                )
                                flagged.append(user.login)
                    audit_repo.append(
                        admin,
                        key=bundle.audit_key,
                        vault_id=opened.header.vault_id,
                        timestamp=iso_utc(config.clock.now()),
                        user_login=None if by_code else secrets.login,
                        role=Role.PRACTITIONER,  # only practitioner keys can restore
                        event=AuditEvent(
                            AuditAction.RESTORE, Area.SYSTEM, target=opened.manifest.created
                        ),
                    )
            finally:
                databases.close()
        finally:
            bundle.wipe()
        save_header(opened.directory, opened.header)  # vault.json and its twin
        # Every restored file reaches the disk before the folder takes its final name.
        for restored in opened.directory.iterdir():
            if restored.is_file():
                _fsync_file(restored)
        _fsync_dir(opened.directory)
        opened.directory.chmod(0o700)
        if target.exists():
            target.rmdir()  # empty, checked above
        try:
            os.rename(opened.directory, target)
        except OSError:
            raise BackupTargetExistsError() from None
        _fsync_dir(target.parent)
    with contextlib.suppress(OSError):
        target.chmod(0o700)
    return RestoreReport(target, report, tuple(flagged))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
