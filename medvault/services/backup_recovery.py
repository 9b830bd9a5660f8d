"""The recovery recipient: backups are also encrypted to a key derived from the recovery code
alone, so that the printed recovery sheet opens a backup when the vault and every password are
lost. Its public key is kept in admin.db (settings key `backup_recovery_recipient`), written at
vault creation or later by `ensure_recovery_recipient` with the code."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.backup_keys import public_key_of, recovery_identity
from medvault.core.errors import WrongCredentialsError
from medvault.core.keyslots import open_slot
from medvault.core.permissions import Area, Permission
from medvault.core.recovery_code import normalize_recovery_code
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.storage import meta_repo
from medvault.storage.database import Connection

RECOVERY_RECIPIENT_KEY = "backup_recovery_recipient"


def recovery_recipient_from_code(code: str) -> bytes:
    """The 32-byte X25519 public key of the recovery identity (one Argon2id run, 64 MiB)."""
    identity = recovery_identity(normalize_recovery_code(code))
    try:
        return public_key_of(identity)
    finally:
        identity.wipe()


def stored_recovery_recipient(conn: Connection) -> bytes | None:
    value = meta_repo.get(conn, "settings", RECOVERY_RECIPIENT_KEY)
    if value is None:
        return None
    try:
        raw = bytes.fromhex(value)
    except ValueError:
        return None
    return raw if len(raw) == 32 else None


def store_recovery_recipient(conn: Connection, public_key: bytes) -> None:
    """Inside the caller's admin transaction (vault creation uses this)."""
    meta_repo.put(conn, "settings", RECOVERY_RECIPIENT_KEY, public_key.hex())


@requires(Permission.BACKUP_CREATE)
def ensure_recovery_recipient(session: Session, code: str) -> bool:
    """Store the recovery recipient of `code` after proving the code opens this vault's recovery
    slot; True when it was missing or different. A wrong code changes nothing."""
    secret = normalize_recovery_code(code)
    slot = session.header.recovery_slot()
    if slot is None:
        raise WrongCredentialsError()
    bundle = open_slot(
        slot,
        vault_id=session.header.vault_id,
        secret=secret,
        generation=session.header.key_generation,
    )
    bundle.wipe()
    public_key = recovery_recipient_from_code(code)
    if stored_recovery_recipient(session.admin_db) == public_key:
        return False
    with session.admin_transaction() as conn:
        store_recovery_recipient(conn, public_key)
        session.audit(AuditEvent(AuditAction.BACKUP, Area.SYSTEM, target="recovery_recipient"))
    return True
