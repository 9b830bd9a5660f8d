"""Rights review (practitioners): unused accounts and the yearly reminder to review who may open
the vault. Marking the review done is audited and stored in admin.db settings."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.permissions import Area, Permission
from medvault.core.rights_review import (
    RightsReviewStatus,
    assess,
    stored_unused_days,
    validate_unused_days,
)
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.storage import meta_repo, users_repo

LAST_REVIEW_KEY = "rights.last_review_at"
UNUSED_DAYS_KEY = "rights.unused_days"


@requires(Permission.USERS_MANAGE)
def rights_review_status(session: Session) -> RightsReviewStatus:
    conn = session.admin_db
    return assess(
        users_repo.list_users(conn),
        now=session.config.clock.now(),
        unused_days=stored_unused_days(meta_repo.get(conn, "settings", UNUSED_DAYS_KEY)),
        last_review_at=meta_repo.get(conn, "settings", LAST_REVIEW_KEY),
    )


@requires(Permission.USERS_MANAGE)
def set_unused_days(session: Session, days: int) -> int:
    days = validate_unused_days(days)
    with session.admin_transaction() as conn:
        meta_repo.put(conn, "settings", UNUSED_DAYS_KEY, str(days))
        session.audit(
            AuditEvent(AuditAction.SETTINGS_CHANGE, Area.SYSTEM, target=f"unused_days:{days}")
        )
    return days


@requires(Permission.USERS_MANAGE)
def record_rights_review(session: Session) -> str:
    """The practitioner has reviewed the accounts and their profiles: keep the date (returned)."""
    when = session.now()
    with session.admin_transaction() as conn:
        meta_repo.put(conn, "settings", LAST_REVIEW_KEY, when)
        session.audit(AuditEvent(AuditAction.RIGHTS_REVIEW, Area.SYSTEM))
    return when
