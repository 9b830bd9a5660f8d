"""Audit log retention (practitioners): how many months records stay in the live log, and the
move of older ones into the archive segment of admin.db (kept, verifiable, in every backup).

The move and its checkpoint record commit together: the checkpoint names the archived range and
the MAC of its last record, and says who archived it and when."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.audit_retention import (
    ArchivedRange,
    months_before,
    stored_retention_months,
    validate_retention_months,
)
from medvault.core.clock import iso_utc
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.storage import audit_repo, meta_repo

RETENTION_KEY = "audit.retention_months"


@requires(Permission.AUDIT_READ)
def retention_months(session: Session) -> int:
    return stored_retention_months(meta_repo.get(session.admin_db, "settings", RETENTION_KEY))


@requires(Permission.AUDIT_RETENTION)
def set_retention_months(session: Session, months: int) -> int:
    months = validate_retention_months(months)
    with session.admin_transaction() as conn:
        meta_repo.put(conn, "settings", RETENTION_KEY, str(months))
        session.audit(
            AuditEvent(AuditAction.SETTINGS_CHANGE, Area.SYSTEM, target=f"audit_retention:{months}")
        )
    return months


@requires(Permission.AUDIT_RETENTION)
def archive_expired(session: Session) -> ArchivedRange | None:
    """Move the records older than the retention period into the archive; the range moved, or
    None when no record is old enough (then nothing is written, not even a checkpoint)."""
    conn = session.admin_db
    months = stored_retention_months(meta_repo.get(conn, "settings", RETENTION_KEY))
    cutoff = iso_utc(months_before(session.config.clock.now(), months))
    with session.admin_transaction() as conn:
        moved = audit_repo.archive_older_than(conn, cutoff)
        if moved is not None:
            session.audit(
                AuditEvent(AuditAction.AUDIT_ARCHIVE, Area.SYSTEM, target=moved.checkpoint_target())
            )
    return moved
