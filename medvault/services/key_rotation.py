"""Key rotation: new K_admin and K_clinical, every page re-encrypted (PRAGMA rekey), the new keys
sealed to every remaining trusted slot. Needed after revoking a user who may still know the keys.

Crash safety: the new header is first written as vault.json.pending; then admin.db and
clinical.db are rekeyed; then the pending header is installed. An interrupted rotation is finished
by the next practitioner unlock: each database is opened with whichever key it has. A pending
header is only believed when its keys carry the vault's audit key and backup identity, which
someone who merely writes files (or a receptionist) cannot know."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.errors import DatabaseKeyMismatchError, HeaderDamagedError, MedVaultError
from medvault.core.header import VaultHeader, parse_header
from medvault.core.keys import KeyBundle
from medvault.core.keyslot_format import KeySlot
from medvault.core.keyslots import open_slot, reseal_slot
from medvault.core.permissions import Area, Permission
from medvault.core.secrets import SecretKey
from medvault.services import slot_registry
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.services.vault_files import ADMIN_DB, CLINICAL_DB, open_vault_databases
from medvault.storage.database import close_database, open_database, rekey
from medvault.storage.header_store import save_header, write_atomically

PENDING_NAME = "vault.json.pending"


def _rekey_if_old(path: Path, old: SecretKey, new: SecretKey) -> None:
    """Bring one database to the new key, whether or not it already has it."""
    try:
        conn = open_database(path, old)
    except DatabaseKeyMismatchError:
        close_database(open_database(path, new))  # already rekeyed: just prove it
        return
    try:
        rekey(conn, new, path.name)
    finally:
        close_database(conn)


def _complete(directory: Path, old: KeyBundle, new: KeyBundle, header: VaultHeader) -> None:
    _rekey_if_old(directory / ADMIN_DB, old.admin_key, new.admin_key)
    if old.clinical_key is not None and new.clinical_key is not None:
        _rekey_if_old(directory / CLINICAL_DB, old.clinical_key, new.clinical_key)
    save_header(directory, header)
    (directory / PENDING_NAME).unlink(missing_ok=True)


def _authentic(current: KeyBundle, pending: KeyBundle) -> bool:
    if not pending.audit_key.equals(current.audit_key):
        return False
    if current.backup_identity is None:
        return True  # a receptionist cannot check more; it will not install the header either
    return pending.backup_identity is not None and pending.backup_identity.equals(
        current.backup_identity
    )


def _read_pending(
    directory: Path, header: VaultHeader, slot: KeySlot
) -> tuple[VaultHeader, KeySlot] | None:
    path = directory / PENDING_NAME
    if not path.exists():
        return None
    try:
        pending = parse_header(path.read_bytes())
    except (HeaderDamagedError, OSError):
        return None  # the rotation never got past writing this file
    pending_slot = next((s for s in pending.slots if s.slot_id == slot.slot_id), None)
    if pending.vault_id != header.vault_id or pending_slot is None:
        return None
    return pending, pending_slot


def finish_pending_rotation(
    directory: Path, header: VaultHeader, slot: KeySlot, secret: bytes, bundle: KeyBundle
) -> tuple[VaultHeader, KeyBundle]:
    """At unlock: finish a rotation a crash interrupted. Returns the header and keys to use."""
    found = _read_pending(directory, header, slot)
    if found is None:
        return header, bundle
    pending, pending_slot = found
    try:
        new = open_slot(
            pending_slot,
            vault_id=pending.vault_id,
            secret=secret,
            generation=pending.key_generation,
        )
    except MedVaultError:
        return header, bundle
    if not _authentic(bundle, new):
        new.wipe()
        return header, bundle
    if bundle.clinical_key is None:
        # Without the clinical key this user cannot finish the rotation: keep the current header
        # (so no practitioner loses the clinical key) and use whichever admin key fits now.
        try:
            close_database(open_database(directory / ADMIN_DB, bundle.admin_key))
        except DatabaseKeyMismatchError:
            bundle.wipe()
            return header, new
        new.wipe()
        return header, bundle
    _complete(directory, bundle, new, pending)
    bundle.wipe()
    return pending, new


def plan_rotation(session: Session) -> tuple[KeyBundle, VaultHeader]:
    """New keys (the audit key and backup identity kept) and the header sealing them to every
    slot the registry in clinical.db vouches for; others are dropped, not re-sealed."""
    old = session.bundle
    if old.clinical_key is None or old.backup_identity is None:
        raise DatabaseKeyMismatchError()
    new = KeyBundle(
        SecretKey.generate(),
        old.audit_key.copy(),
        SecretKey.generate(),
        old.backup_identity.copy(),
    )
    header = session.header
    generation = header.key_generation + 1
    trusted = [s for s in header.slots if slot_registry.is_trusted(session.clinical_db, s)]
    slots = tuple(
        reseal_slot(s, vault_id=header.vault_id, bundle=new, generation=generation) for s in trusted
    )
    return new, replace(header, key_generation=generation, slots=slots)


@requires(Permission.KEYS_ROTATE)
def rotate_keys(session: Session) -> None:
    """Rotate K_admin and K_clinical (see plan_rotation)."""
    old = session.bundle
    new, pending = plan_rotation(session)
    directory = session.directory
    session.close_databases()
    try:
        write_atomically(directory / PENDING_NAME, pending.to_bytes())
        _complete(directory, old, new, pending)
    except BaseException:
        # Reopen with whatever keys the files now have, so the session stays usable.
        if not _reopen_after_failure(session, old, new, pending):
            session.abandon()
        new.wipe()
        raise
    databases = open_vault_databases(directory, new, pending)
    session.replace_keys(pending, new, databases.admin, databases.clinical)
    session.record(AuditEvent(AuditAction.KEY_ROTATION, Area.SYSTEM))


def _reopen_after_failure(
    session: Session, old: KeyBundle, new: KeyBundle, pending: VaultHeader
) -> bool:
    for header, bundle in ((session.header, old), (pending, new)):
        try:
            databases = open_vault_databases(session.directory, bundle, header)
        except Exception:  # noqa: S112 - try the other key set
            continue
        keep = bundle.for_role(session.role)
        session.replace_keys(header, keep, databases.admin, databases.clinical)
        return True
    return False
