"""Creating backups: one age-encrypted file holding a consistent snapshot of the vault.

Any role may back up: the file is encrypted to the vault's backup recipient (public key in the
header) and to the recovery recipient when set, so nobody needs a private key to write one.
An export copy for someone else can instead be protected by a passphrase alone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from medvault import __version__
from medvault.core.audit import AuditAction, AuditEvent, Outcome
from medvault.core.backup_keys import age_recipient
from medvault.core.backup_manifest import (
    ADMIN_MEMBER,
    CLINICAL_MEMBER,
    CLINICAL_WAL_MEMBER,
    HEADER_MEMBER,
    MANIFEST_NAME,
    AuditHeadInfo,
    Manifest,
    MemberInfo,
)
from medvault.core.errors import MedVaultError
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.backup_recovery import stored_recovery_recipient
from medvault.services.session import Session
from medvault.services.vault_create import check_new_password
from medvault.storage import meta_repo
from medvault.storage.backup_archive import Member, private_work_dir, write_backup_file
from medvault.storage.snapshot import (
    copy_raw,
    digest,
    read_audit_head,
    snapshot_database,
    wal_has_frames,
)

# Backup status, in admin.db settings.
LAST_ATTEMPT_KEY = "backup_last_attempt_at"
LAST_OK_KEY = "backup_last_ok_at"
LAST_FILE_KEY = "backup_last_file"
LAST_ERROR_KEY = "backup_last_error_at"
LAST_VERIFIED_KEY = "backup_last_verified_at"
LAST_VERIFIED_FILE_KEY = "backup_last_verified_file"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    manifest: Manifest
    recovery_recipient_included: bool
    passphrase_protected: bool


def _snapshot(session: Session, work: Path) -> list[Path]:
    """Encrypted copies of the session's header and databases in the private work folder."""
    (work / HEADER_MEMBER).write_bytes(session.header.to_bytes())
    bundle = session.bundle
    snapshot_database(session.admin_db, work / ADMIN_MEMBER, bundle.admin_key, ADMIN_MEMBER)
    paths = [work / HEADER_MEMBER, work / ADMIN_MEMBER, work / CLINICAL_MEMBER]
    if session.has_clinical_access:
        assert bundle.clinical_key is not None
        snapshot_database(
            session.clinical_db, work / CLINICAL_MEMBER, bundle.clinical_key, CLINICAL_MEMBER
        )
    else:
        # No key for clinical.db: its bytes as they are (this session holds the vault lock).
        live = session.directory / CLINICAL_MEMBER
        copy_raw(live, work / CLINICAL_MEMBER)
        if wal_has_frames(live):  # committed pages not yet checkpointed after a crash
            copy_raw(live.with_name(CLINICAL_WAL_MEMBER), work / CLINICAL_WAL_MEMBER)
            paths.append(work / CLINICAL_WAL_MEMBER)
    return paths


def _manifest(session: Session, paths: list[Path], created: str) -> Manifest:
    head = read_audit_head(paths[1], session.bundle.admin_key)
    members = []
    for path in paths:
        info = digest(path)
        members.append(MemberInfo(path.name, info.size, info.sha256))
    header = session.header
    return Manifest(
        vault_id=header.vault_id,
        practice_name=header.practice_name,
        created=created,
        key_generation=header.key_generation,
        app_version=__version__,
        audit_head=None if head is None else AuditHeadInfo(head.seq, head.mac.hex()),
        members=tuple(members),
    )


def _record_failure(session: Session, when: str) -> None:
    try:
        with session.admin_transaction():
            meta_repo.put(session.admin_db, "settings", LAST_ATTEMPT_KEY, when)
            meta_repo.put(session.admin_db, "settings", LAST_ERROR_KEY, when)
            session.audit(AuditEvent(AuditAction.BACKUP, Area.SYSTEM, Outcome.ERROR))
    except MedVaultError:
        pass  # the backup error itself is what the user must see


@requires(Permission.BACKUP_CREATE)
def create_backup(
    session: Session,
    target: Path,
    *,
    passphrase: str | None = None,
    work_dir: Path | None = None,
) -> BackupResult:
    """Write `target` (never over an existing file). `passphrase` makes an export copy that only
    the passphrase opens; it must be as strong as a password."""
    if passphrase is not None:
        check_new_password(passphrase)
    created = session.now()
    try:
        with private_work_dir(work_dir) as work:
            paths = _snapshot(session, work)
            manifest = _manifest(session, paths, created)
            members = [Member(MANIFEST_NAME, data=manifest.to_bytes())]
            members += [Member(p.name, path=p) for p in paths]
            recovery = stored_recovery_recipient(session.admin_db)
            recipients = [age_recipient(session.header.backup_recipient)]
            if recovery is not None:
                recipients.append(age_recipient(recovery))
            size = write_backup_file(
                target,
                members,
                mtime=int(session.config.clock.now().timestamp()),
                recipients=() if passphrase is not None else recipients,
                passphrase=passphrase,
            )
    except MedVaultError:
        _record_failure(session, created)
        raise
    with session.admin_transaction() as conn:
        for key, value in (
            (LAST_ATTEMPT_KEY, created),
            (LAST_OK_KEY, created),
            (LAST_FILE_KEY, str(target)),
        ):
            meta_repo.put(conn, "settings", key, value)
        session.audit(
            AuditEvent(
                AuditAction.BACKUP,
                Area.SYSTEM,
                target="passphrase" if passphrase is not None else None,
            )
        )
    return BackupResult(
        target,
        size,
        manifest,
        recovery_recipient_included=passphrase is None and recovery is not None,
        passphrase_protected=passphrase is not None,
    )
