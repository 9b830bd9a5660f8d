"""Consents and refusals: recorded by the desk or the practitioner, listed with their history.
Each record is its own audited write (ids and codes only: the note stays out of the audit)."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.consent import ConsentForm, ConsentRecord, current_status
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.clinical_support import actor, today
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import consent_repo


@requires(Permission.CONSENT_WRITE)
def record_consent(session: Session, patient_id: int, form: ConsentForm) -> ConsentRecord:
    """Add a consent, a refusal or a withdrawal (a new dated record; the history is kept)."""
    if not isinstance(form, ConsentForm):
        raise TypeError("a ConsentForm is expected")
    clean = form.validated(today(session))
    with session.admin_transaction() as conn:
        require_patient(conn, patient_id)
        consent_id = consent_repo.insert(
            conn, patient_id, clean, when=session.now(), who=actor(session)
        )
        session.audit(
            AuditEvent(
                AuditAction.CREATE,
                Area.ADMINISTRATIVE,
                patient_id=str(patient_id),
                target=f"consent:{consent_id}:{clean.scope.value}:{clean.decision.value}",
            )
        )
        record = consent_repo.get(conn, consent_id)
    assert record is not None  # just written in this transaction
    return record


@requires(Permission.CONSENT_READ)
def list_consents(session: Session, patient_id: int) -> list[ConsentRecord]:
    """The whole history, newest decision first."""
    require_patient(session.admin_db, patient_id, allow_deleted=True)
    return consent_repo.list_for_patient(session.admin_db, patient_id)


@requires(Permission.CONSENT_READ)
def consent_status(session: Session, patient_id: int) -> list[ConsentRecord]:
    """The record in force for each scope and recipient."""
    return current_status(list_consents(session, patient_id))
