"""The lock delays of the practice, kept in admin.db so that every workstation applies the same
ones and a receptionist cannot lengthen her own (only a practitioner changes them)."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.permissions import Area, Permission
from medvault.core.session_lock import (
    DEFAULT_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
    LockDelays,
    validate_lock_delays,
)
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.storage import meta_repo

_KEYS = {
    "practitioner_minutes": "lock.practitioner_minutes",
    "receptionist_minutes": "lock.receptionist_minutes",
    "lock_on_minimise": "lock.on_minimise",
}


def _minutes(stored: str | None) -> int:
    # A value out of range (edited by hand, older version) falls back to the default, never
    # to "never lock".
    if stored is None or not stored.isdigit():
        return DEFAULT_MINUTES
    value = int(stored)
    return value if MIN_MINUTES <= value <= MAX_MINUTES else DEFAULT_MINUTES


@requires(Permission.OWN_SESSION)
def lock_delays(session: Session) -> LockDelays:
    conn = session.admin_db
    return LockDelays(
        practitioner_minutes=_minutes(
            meta_repo.get(conn, "settings", _KEYS["practitioner_minutes"])
        ),
        receptionist_minutes=_minutes(
            meta_repo.get(conn, "settings", _KEYS["receptionist_minutes"])
        ),
        lock_on_minimise=meta_repo.get(conn, "settings", _KEYS["lock_on_minimise"]) == "1",
    )


@requires(Permission.OWN_SESSION)
def my_lock_minutes(session: Session) -> int:
    """The delay that applies to this session's role."""
    return lock_delays(session).minutes_for(session.role)


@requires(Permission.SESSION_SETTINGS)
def set_lock_delays(session: Session, delays: LockDelays) -> None:
    validate_lock_delays(delays)
    with session.admin_transaction() as conn:
        meta_repo.put(
            conn, "settings", _KEYS["practitioner_minutes"], str(delays.practitioner_minutes)
        )
        meta_repo.put(
            conn, "settings", _KEYS["receptionist_minutes"], str(delays.receptionist_minutes)
        )
        meta_repo.put(
            conn, "settings", _KEYS["lock_on_minimise"], "1" if delays.lock_on_minimise else "0"
        )
        session.audit(AuditEvent(AuditAction.SETTINGS_CHANGE, Area.SYSTEM, target="lock_delays"))
