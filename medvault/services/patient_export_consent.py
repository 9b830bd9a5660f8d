"""The sharing consent shown before a file goes to a third party, and the decision the user
takes on seeing it: both audited (CONSENT_CHECK: status, decision, recipient label)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.consent import ConsentDecision, ConsentRecord, sharing_status
from medvault.core.patient_export_request import ConsentCheck, ExportRequest, RecipientKind
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import consent_repo


@dataclass(frozen=True)
class ConsentReport:
    check: ConsentCheck
    sharing: tuple[ConsentRecord, ...]  # every current sharing record, to show in full


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch if ch.isalnum() else " " for ch in folded if not unicodedata.combining(ch))
    return set(plain.split())


def _names_recipient(record: ConsentRecord, recipient: str) -> bool:
    """Every word of the export's recipient label is in the consent's recipient."""
    wanted = _words(recipient)
    return bool(wanted) and wanted <= _words(record.form.recipient)


def consent_report(session: Session, request: ExportRequest) -> ConsentReport:
    """For a validated request (no permission check: callers are guarded)."""
    if request.recipient_kind is RecipientKind.PATIENT:
        return ConsentReport(ConsentCheck.NOT_NEEDED, ())
    records = sharing_status(consent_repo.list_for_patient(session.admin_db, request.patient_id))
    matching = [r for r in records if _names_recipient(r, request.recipient)]
    check = ConsentCheck.NONE
    if matching:
        latest = max(matching, key=lambda r: (r.form.decided_on, r.id))
        granted = latest.form.decision is ConsentDecision.GRANTED
        check = ConsentCheck.GRANTED if granted else ConsentCheck.REFUSED
    return ConsentReport(check, tuple(records))


def consent_event(request: ExportRequest, check: ConsentCheck, decision: str) -> AuditEvent:
    return AuditEvent(
        AuditAction.CONSENT_CHECK,
        Area.ADMINISTRATIVE,
        patient_id=str(request.patient_id),
        target=f"{check.value}:{decision}:{request.recipient}",
    )


@requires(Permission.PATIENT_EXPORT)
def check_export_consent(session: Session, request: ExportRequest) -> ConsentReport:
    """What to show before exporting: for a third party, the sharing consents on file and
    whether one names this recipient."""
    clean = request.validated()
    require_patient(session.admin_db, clean.patient_id, allow_deleted=True)
    return consent_report(session, clean)


@requires(Permission.PATIENT_EXPORT)
def decline_export(session: Session, request: ExportRequest, shown: ConsentCheck) -> None:
    """The user saw the consent status and chose not to export: recorded as such."""
    clean = request.validated()
    require_patient(session.admin_db, clean.patient_id, allow_deleted=True)
    session.record(consent_event(clean, ConsentCheck(shown), "declined"))
