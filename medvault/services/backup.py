"""Creating backups: one age-encrypted file holding a consistent snapshot of the vault.

Any role may back up: the file is encrypted to the vault's backup recipient (public key in the
header) and to the recovery recipient when set, so nobody needs a private key to write one.
An export copy for someone else can instead be protected by a passphrase alone."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from medvault import __version__
from medvault.core.audit import AuditAction, AuditEvent, ChainHead, Outcome
from medvault.core.backup_errors import BackupCancelledError
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
from medvault.core.secrets import SecretKey
from medvault.services.authz import requires
from medvault.services.backup_recovery import stored_recovery_recipient
from medvault.services.session import Session
from medvault.services.vault_create import check_new_password
from medvault.storage import meta_repo
from medvault.storage.backup_archive import Member, Progress, private_work_dir, write_backup_file
from medvault.storage.snapshot import (
    FileDigest,
    audit_head,
    digest,
    digest_bytes,
    frozen_database,
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


@dataclass(frozen=True)
class _Snapshot:
    """The members to archive (live files held still, or copies) and the audit head."""

    members: list[Member]
    audit_head: ChainHead | None


def _database_member(
    stack: contextlib.ExitStack, session: Session, name: str, key: SecretKey, work: Path
) -> tuple[Member, ChainHead | None]:
    """The live file while it is held still, else a copy through the backup API; and the
    audit chain head of that same state (read for admin.db only)."""
    live = session.directory / name
    frozen = stack.enter_context(frozen_database(live, key, name))
    if frozen is not None:
        return Member(name, path=live), audit_head(frozen) if name == ADMIN_MEMBER else None
    source = session.admin_db if name == ADMIN_MEMBER else session.clinical_db
    copy = work / name
    snapshot_database(source, copy, key, name)
    return Member(name, path=copy), read_audit_head(copy, key) if name == ADMIN_MEMBER else None


def _snapshot(stack: contextlib.ExitStack, session: Session, work: Path) -> _Snapshot:
    """Both databases held still at once (one consistent state of the vault) for as long as
    `stack` is open; the archive is written from them meanwhile, while the session goes on
    writing (into the write-ahead logs)."""
    bundle = session.bundle
    header = Member(HEADER_MEMBER, data=session.header.to_bytes())
    if session.has_clinical_access:
        assert bundle.clinical_key is not None
        # clinical.db first: a clinical write commits its audit record (admin.db) before its
        # change, so the backup may hold the record of a change it lacks (as after a crash),
        # never a change without its record.
        clinical, _ = _database_member(stack, session, CLINICAL_MEMBER, bundle.clinical_key, work)
        clinical_members = [clinical]
    else:
        # No key for clinical.db: its bytes as they are (this session holds the vault lock and
        # never opens it, so nothing writes it).
        live = session.directory / CLINICAL_MEMBER
        clinical_members = [Member(CLINICAL_MEMBER, path=live)]
        if wal_has_frames(live):  # committed pages not yet checkpointed after a crash
            wal = live.with_name(CLINICAL_WAL_MEMBER)
            clinical_members.append(Member(CLINICAL_WAL_MEMBER, path=wal))
    admin, head = _database_member(stack, session, ADMIN_MEMBER, bundle.admin_key, work)
    return _Snapshot([header, admin, *clinical_members], head)


def _member_digest(member: Member) -> FileDigest:
    if member.data is not None:
        return digest_bytes(member.data)
    assert member.path is not None
    return digest(member.path)


def _manifest(session: Session, snapshot: _Snapshot, created: str) -> Manifest:
    members = []
    for member in snapshot.members:
        info = _member_digest(member)
        members.append(MemberInfo(member.name, info.size, info.sha256))
    header = session.header
    head = snapshot.audit_head
    return Manifest(
        vault_id=header.vault_id,
        practice_name=header.practice_name,
        created=created,
        key_generation=header.key_generation,
        app_version=__version__,
        audit_head=None if head is None else AuditHeadInfo(head.seq, head.mac.hex()),
        members=tuple(members),
    )


def _record(session: Session, event: AuditEvent) -> None:
    with contextlib.suppress(MedVaultError):  # the backup's own outcome is what matters
        session.record(event)


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
    progress: Progress | None = None,
) -> BackupResult:
    """Write `target` (never over an existing file). `passphrase` makes an export copy that only
    the passphrase opens; it must be as strong as a password. `progress(done, total)` is told
    the bytes archived so far (on the thread running the backup) and stops the backup by returning
    False: BackupCancelledError, no file left, nothing recorded as done."""
    if passphrase is not None:
        check_new_password(passphrase)
    created = session.now()
    try:
        recovery = stored_recovery_recipient(session.admin_db)
        recipients = [age_recipient(session.header.backup_recipient)]
        if recovery is not None:
            recipients.append(age_recipient(recovery))
        with private_work_dir(work_dir) as work, contextlib.ExitStack() as held:
            snapshot = _snapshot(held, session, work)
            manifest = _manifest(session, snapshot, created)
            members = [Member(MANIFEST_NAME, data=manifest.to_bytes()), *snapshot.members]
            size = write_backup_file(
                target,
                members,
                mtime=int(session.config.clock.now().timestamp()),
                recipients=() if passphrase is not None else recipients,
                passphrase=passphrase,
                progress=progress,
            )
    except BackupCancelledError:
        # The user's choice, not a failure: the status keeps the last real attempt.
        _record(
            session,
            AuditEvent(AuditAction.BACKUP, Area.SYSTEM, Outcome.ERROR, target="cancelled"),
        )
        raise
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
