"""Opening and checking a backup without touching any live vault.

The file is decrypted into a private temp folder (the databases stay SQLCipher-encrypted there),
every member is checked against the manifest, and, when a secret that opens a key slot is given,
both databases get SQLCipher and SQLite integrity checks and the audit chain is verified."""

from __future__ import annotations

import contextlib
import hmac
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent, ChainReport, Outcome, verify_chain
from medvault.core.backup_errors import (
    BackupDamagedError,
    BackupKeysRotatedError,
    BackupWrongVaultError,
)
from medvault.core.backup_keys import age_identity, recovery_identity
from medvault.core.backup_manifest import (
    HEADER_MEMBER,
    Manifest,
    parse_manifest,
)
from medvault.core.errors import (
    DatabaseDamagedError,
    DatabaseKeyMismatchError,
    HeaderDamagedError,
    InvalidInputError,
    KnownError,
    WrongCredentialsError,
)
from medvault.core.header import VaultHeader, parse_header
from medvault.core.kdf import normalize_password
from medvault.core.keys import KeyBundle
from medvault.core.keyslots import open_slot
from medvault.core.permissions import Area, Permission
from medvault.core.recovery_code import normalize_recovery_code
from medvault.services.authz import requires
from medvault.services.backup import LAST_VERIFIED_FILE_KEY, LAST_VERIFIED_KEY
from medvault.services.session import Session
from medvault.services.vault_files import OpenDatabases, open_vault_databases
from medvault.storage import audit_repo, meta_repo
from medvault.storage.backup_archive import private_work_dir
from medvault.storage.backup_archive_reader import decrypt_members
from medvault.storage.database import Connection
from medvault.storage.header_store import load_header
from medvault.storage.snapshot import copy_problems


@dataclass(frozen=True)
class BackupSecrets:
    """What the user has: the recovery code (opens the backup and the recovery slot), an export
    passphrase (opens the age layer of a copy), or a login and password valid at backup time."""

    recovery_code: str | None = None
    passphrase: str | None = None
    login: str | None = None
    password: str | None = None
    # The live vault's folder, when it still exists: its header's slots give the backup
    # identity, for backups made before the recovery recipient was registered.
    live_vault: Path | None = None


@dataclass(frozen=True)
class OpenedBackup:
    manifest: Manifest
    header: VaultHeader
    directory: Path  # vault.json, admin.db, clinical.db[, clinical.db-wal]


@dataclass(frozen=True)
class VerifyReport:
    manifest: Manifest
    deep_checked: bool  # False when only the passphrase was given: hashes only
    clinical_checked: bool
    admin_problems: tuple[str, ...] = ()
    clinical_problems: tuple[str, ...] = ()
    audit: ChainReport | None = None

    @property
    def ok(self) -> bool:
        audit_ok = self.audit is None or self.audit.ok
        return not self.admin_problems and not self.clinical_problems and audit_ok


def _live_identity(secrets: BackupSecrets) -> str | None:
    if secrets.live_vault is None:
        return None
    header = load_header(secrets.live_vault).header
    bundle = _bundle_from(header, secrets)
    if bundle is None:
        return None
    try:
        return None if bundle.backup_identity is None else age_identity(bundle.backup_identity)
    finally:
        bundle.wipe()


def _identities(secrets: BackupSecrets, backup_identity: str | None) -> list[str]:
    identities = [backup_identity] if backup_identity else []
    live = _live_identity(secrets)
    if live is not None:
        identities.append(live)
    if secrets.recovery_code is not None:
        derived = recovery_identity(normalize_recovery_code(secrets.recovery_code))
        try:
            identities.append(age_identity(derived))
        finally:
            derived.wipe()
    return identities


@contextlib.contextmanager
def open_backup(
    path: Path,
    secrets: BackupSecrets,
    *,
    expected_vault_id: str | None = None,
    backup_identity: str | None = None,
    work_parent: Path | None = None,
) -> Iterator[OpenedBackup]:
    """Decrypt and check the members against the manifest; the temp folder goes on exit."""
    identities = _identities(secrets, backup_identity)
    if not identities and secrets.passphrase is None:
        raise InvalidInputError(
            fr="Donnez le code de secours ou la phrase de passe de la copie.",
            en="Give the recovery code or the copy's passphrase.",
        )
    with private_work_dir(work_parent) as work:
        members_dir = work / "vault"
        members_dir.mkdir(mode=0o700)
        members = decrypt_members(
            path,
            members_dir,
            identities=() if secrets.passphrase is not None else identities,
            passphrase=secrets.passphrase,
        )
        manifest = parse_manifest(members[0].path.read_bytes())
        members[0].path.unlink()
        found = members[1:]
        if tuple(m.name for m in found) != manifest.member_names():
            raise BackupDamagedError()
        for member, expected in zip(found, manifest.members, strict=True):
            if member.size != expected.size or not hmac.compare_digest(
                member.sha256, expected.sha256
            ):
                raise BackupDamagedError()
        try:
            header = parse_header((members_dir / HEADER_MEMBER).read_bytes())
        except HeaderDamagedError:
            raise BackupDamagedError() from None
        if header.vault_id != manifest.vault_id:
            raise BackupDamagedError()
        if expected_vault_id is not None and manifest.vault_id != expected_vault_id:
            raise BackupWrongVaultError()
        yield OpenedBackup(manifest, header, members_dir)


def open_bundle(opened: OpenedBackup, secrets: BackupSecrets) -> KeyBundle | None:
    """The keys of the backup's header, from the recovery slot or a user slot; None when the
    secrets open no slot (a passphrase alone)."""
    return _bundle_from(opened.header, secrets)


def _bundle_from(header: VaultHeader, secrets: BackupSecrets) -> KeyBundle | None:
    if secrets.recovery_code is not None:
        slot = header.recovery_slot()
        secret = normalize_recovery_code(secrets.recovery_code)
    elif secrets.login is not None and secrets.password is not None:
        slot = header.user_slot(secrets.login)
        secret = normalize_password(secrets.password)
    else:
        return None
    if slot is None:
        raise WrongCredentialsError()
    return open_slot(
        slot, vault_id=header.vault_id, secret=secret, generation=header.key_generation
    )


def open_databases(opened: OpenedBackup, bundle: KeyBundle) -> OpenDatabases:
    try:
        return open_vault_databases(opened.directory, bundle, opened.header)
    except (DatabaseKeyMismatchError, DatabaseDamagedError, HeaderDamagedError):
        raise BackupDamagedError() from None


def deep_check(opened: OpenedBackup, bundle: KeyBundle, databases: OpenDatabases) -> VerifyReport:
    """Integrity of both copies and the audit chain. clinical.db (the larger, documents) is
    checked on a worker thread while admin.db and the chain are checked here: SQLite releases
    the GIL, so the two run on two processors. Each connection is used by one thread only."""
    clinical = databases.clinical
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-check") as pool:
        clinical_check = None if clinical is None else pool.submit(copy_problems, clinical)
        admin = databases.admin
        admin_problems = tuple(copy_problems(admin))
        chain = _audit_chain(opened, bundle, admin)
        clinical_problems = () if clinical_check is None else tuple(clinical_check.result())
    return VerifyReport(
        manifest=opened.manifest,
        deep_checked=True,
        clinical_checked=clinical is not None,
        admin_problems=admin_problems,
        clinical_problems=clinical_problems,
        audit=chain,
    )


def _audit_chain(opened: OpenedBackup, bundle: KeyBundle, admin: Connection) -> ChainReport:
    records = audit_repo.iter_records(admin)
    head = audit_repo.read_head(admin)
    chain = verify_chain(bundle.audit_key, opened.header.vault_id, records, head)
    expected = opened.manifest.audit_head
    same_head = (head is None and expected is None) or (
        head is not None
        and expected is not None
        and head.seq == expected.seq
        and hmac.compare_digest(head.mac.hex(), expected.mac)
    )
    if chain.ok and not same_head:
        chain = ChainReport(
            False,
            chain.records_checked,
            None,
            "La tête du journal d'audit ne correspond pas au manifeste de la sauvegarde.",
            "The audit chain head does not match the backup manifest.",
        )
    return chain


def _check(opened: OpenedBackup, bundle: KeyBundle | None) -> VerifyReport:
    if bundle is None:
        return VerifyReport(opened.manifest, deep_checked=False, clinical_checked=False)
    try:
        databases = open_databases(opened, bundle)
        try:
            return deep_check(opened, bundle, databases)
        finally:
            databases.close()
    finally:
        bundle.wipe()


def verify_backup(
    path: Path,
    secrets: BackupSecrets,
    *,
    expected_vault_id: str | None = None,
    work_parent: Path | None = None,
) -> VerifyReport:
    """Check a backup with what the sheet or the recipient of a copy has; writes nothing
    outside a private temp folder, which is removed."""
    with open_backup(
        path, secrets, expected_vault_id=expected_vault_id, work_parent=work_parent
    ) as opened:
        return _check(opened, open_bundle(opened, secrets))


@requires(Permission.BACKUP_RESTORE)
def verify_backup_in_session(
    session: Session,
    path: Path,
    *,
    secrets: BackupSecrets | None = None,
    work_parent: Path | None = None,
) -> VerifyReport:
    """A practitioner checks one of this vault's backups, with the keys of the session (the
    backup identity opens the file; the databases open with the current keys unless rotated
    since: BackupKeysRotatedError) or with `secrets` (the recovery code, for a backup made
    before a rotation). Either way a full check that passes is recorded as the vault's last
    verification, and the check is audited."""
    try:
        if secrets is not None:
            report = verify_backup(
                path,
                secrets,
                expected_vault_id=session.header.vault_id,
                work_parent=work_parent,
            )
        else:
            report = _verify_with_session_keys(session, path, work_parent)
    except KnownError:
        session.record(
            AuditEvent(AuditAction.VAULT_CHECK, Area.SYSTEM, Outcome.ERROR, target="backup")
        )
        raise
    record_verification(session, path, report)
    return report


def _verify_with_session_keys(
    session: Session, path: Path, work_parent: Path | None
) -> VerifyReport:
    backup_key = session.bundle.backup_identity
    assert backup_key is not None  # practitioners and recovery hold it
    with open_backup(
        path,
        BackupSecrets(),
        expected_vault_id=session.header.vault_id,
        backup_identity=age_identity(backup_key),
        work_parent=work_parent,
    ) as opened:
        if opened.header.key_generation != session.header.key_generation:
            raise BackupKeysRotatedError()
        return _check(opened, session.bundle.for_role(session.role))


@requires(Permission.BACKUP_RESTORE)
def record_verification(session: Session, path: Path, report: VerifyReport) -> None:
    """Audit a check of one of this vault's backups; a full check that passed (databases and
    audit chain, not hashes alone) becomes the last verification of the status line."""
    if report.manifest.vault_id != session.header.vault_id:
        raise BackupWrongVaultError()
    verified = report.ok and report.deep_checked
    outcome = Outcome.SUCCESS if report.ok else Outcome.ERROR
    with session.admin_transaction() as conn:
        if verified:
            meta_repo.put(conn, "settings", LAST_VERIFIED_KEY, session.now())
            meta_repo.put(conn, "settings", LAST_VERIFIED_FILE_KEY, str(path))
        session.audit(AuditEvent(AuditAction.VAULT_CHECK, Area.SYSTEM, outcome, target="backup"))
