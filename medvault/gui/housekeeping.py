"""Upkeep run at a practitioner's login, before the main window (and any worker thread it may
start) uses the session: audit records past the practice's retention period move to the archive
(still verifiable, still in backups). Quietly skipped for a profile not allowed to archive; a
failure is logged (no data) and tried again at the next login."""

from __future__ import annotations

import logging

from medvault.core.errors import KnownError
from medvault.core.permissions import Permission
from medvault.services import audit_retention
from medvault.services.session import Session

log = logging.getLogger(__name__)


def archive_expired_audit(session: Session) -> None:
    allowed = session.config.policy.is_allowed(session.role, Permission.AUDIT_RETENTION)
    if not allowed or not session.is_open or session.must_change_password:
        return
    try:
        audit_retention.archive_expired(session)
    except KnownError as error:
        log.warning("audit archiving not done: %s", type(error).__name__)
