"""Reading the audit trail (practitioners): filtered pages newest first over the live log and the
archive, one patient's access history, the chain check, and the CSV export of a filtered view.

Opening the viewer, opening a patient's access history and exporting are themselves audited;
paging through an opened view is not (it would add a record per scroll)."""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent, ChainReport
from medvault.core.audit_query import (
    CSV_COLUMNS,
    AuditCursor,
    AuditEntry,
    AuditFilter,
    csv_row,
    validate_filter,
)
from medvault.core.audit_retention import ArchivedRange
from medvault.core.documents import ExportTargetError
from medvault.core.permissions import Area, Permission
from medvault.services.audit_chain_check import chain_report
from medvault.services.authz import requires
from medvault.services.documents_export import export_os_error
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import audit_repo, users_repo

MAX_PAGE = 1000
_EXPORT_BATCH = 1000
AUDIT_LOG_TARGET = "audit_log"
ACCESS_HISTORY_TARGET = "access_history"


@dataclass(frozen=True)
class AuditOverview:
    """What the viewer needs besides the records: the logins to filter on, and the archive."""

    logins: tuple[str, ...]
    archived: ArchivedRange | None


@requires(Permission.AUDIT_READ)
def open_audit_log(session: Session) -> AuditOverview:
    """Audited (READ of the audit log) once per opened viewer."""
    session.record(AuditEvent(AuditAction.READ, Area.SYSTEM, target=AUDIT_LOG_TARGET))
    conn = session.admin_db
    logins = tuple(sorted(user.login for user in users_repo.list_users(conn)))
    return AuditOverview(logins, audit_repo.archived_range(conn))


@requires(Permission.AUDIT_READ)
def archived_range(session: Session) -> ArchivedRange | None:
    return audit_repo.archived_range(session.admin_db)


@requires(Permission.AUDIT_READ)
def verify_audit_trail(session: Session) -> ChainReport:
    """The whole chain, archive then live, with the archive's end checked against the latest
    checkpoint; a bad record in the archive is said to be there."""
    return chain_report(session.admin_db, session.bundle.audit_key, session.header.vault_id)


@requires(Permission.AUDIT_READ)
def query_audit(session: Session, audit_filter: AuditFilter) -> AuditCursor:
    """Check a filter and resolve its dates; pass the cursor to audit_page."""
    return audit_repo.resolve_cursor(session.admin_db, validate_filter(audit_filter))


@requires(Permission.AUDIT_READ)
def audit_page(session: Session, cursor: AuditCursor, limit: int = 200) -> list[AuditEntry]:
    """The next records of a view, newest first; continue with cursor.after(page)."""
    return audit_repo.find_page(session.admin_db, cursor, max(1, min(int(limit), MAX_PAGE)))


@requires(Permission.AUDIT_READ)
def open_access_history(session: Session, patient_id: int) -> AuditCursor:
    """Who read, changed or exported this patient's file: a cursor over the records naming the
    patient id. Opening it is audited against the same patient."""
    require_patient(session.admin_db, patient_id, allow_deleted=True)
    session.record(
        AuditEvent(
            AuditAction.READ,
            Area.SYSTEM,
            patient_id=str(patient_id),
            target=ACCESS_HISTORY_TARGET,
        )
    )
    return audit_repo.resolve_cursor(session.admin_db, AuditFilter(patient_id=str(patient_id)))


def _write_csv(session: Session, cursor: AuditCursor, temp_fd: int) -> int:
    count = 0
    with os.fdopen(temp_fd, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        while True:
            page = audit_repo.find_page(session.admin_db, cursor, _EXPORT_BATCH)
            if not page:
                break
            writer.writerows(csv_row(entry) for entry in page)
            count += len(page)
            cursor = cursor.after(page)
        out.flush()
        os.fsync(out.fileno())
    return count


@requires(Permission.AUDIT_READ)
def export_audit_csv(session: Session, audit_filter: AuditFilter, target: Path) -> int:
    """Write the filtered view (ids and codes, never names) to `target`, replacing it (the file
    chooser asked first); the number of records written. The file appears together with its
    EXPORT audit record, or not at all."""
    cursor = audit_repo.resolve_cursor(session.admin_db, validate_filter(audit_filter))
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise ExportTargetError()
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".medvault-audit-", suffix=".part")
    except OSError as exc:
        raise export_os_error(exc) from None
    temp = Path(name)
    placed = False
    try:
        count = _write_csv(session, cursor, fd)
        with session.admin_transaction():
            session.audit(
                AuditEvent(
                    AuditAction.EXPORT,
                    Area.SYSTEM,
                    patient_id=audit_filter.patient_id,
                    target=AUDIT_LOG_TARGET,
                )
            )
            os.replace(temp, target)
            placed = True
    except OSError as exc:
        raise export_os_error(exc) from None
    except BaseException:
        if placed:  # the audit record did not commit: the file must not stay
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return count
