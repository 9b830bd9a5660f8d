"""The retention review (practitioner only): files past their term, extending a term with a
reason, erasing a file whose term has passed.

The review reads three things, each in one pass: candidate files by birth date in admin.db
(through its index), each patient's last consultation and latest extension in clinical.db; the
term of each candidate is then computed here (core.retention). Opening the review is audited
once, without patient ids (it lists many files); each extension and erasure is audited with the
patient's id."""

from __future__ import annotations

from datetime import date

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.erasure import ErasureBasis
from medvault.core.errors import UnknownPatientError
from medvault.core.permissions import Area, Permission
from medvault.core.retention import (
    MINIMUM_AGE_YEARS,
    ReferenceKind,
    RetentionCase,
    RetentionExtension,
    RetentionNotDueError,
    RetentionReview,
    retention_term,
    subtract_years,
)
from medvault.services.authz import requires
from medvault.services.clinical_support import actor, today
from medvault.services.patient_erasure import erase_patient
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import retention_repo
from medvault.storage.retention_repo import Candidate

REVIEW_LIMIT = 500


def _case(
    candidate: Candidate, last_visit: date | None, extended_until: date | None
) -> RetentionCase:
    if last_visit is None:
        reference, kind = candidate.created_on, ReferenceKind.CREATION
    else:
        reference, kind = last_visit, ReferenceKind.CONSULTATION
    return RetentionCase(
        patient_id=candidate.patient_id,
        display_name=candidate.display_name,
        birth_date=candidate.birth_date,
        reference=reference,
        reference_kind=kind,
        term=retention_term(candidate.birth_date, reference),
        extended_until=extended_until,
        deleted=candidate.deleted,
    )


@requires(Permission.RETENTION_REVIEW)
def review_past_term(session: Session, *, limit: int = REVIEW_LIMIT) -> RetentionReview:
    """Files whose term (or extension) has passed, the longest overdue first."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError("limit must be a positive int")
    day = today(session)
    found = retention_repo.candidates(
        session.admin_db, born_on_or_before=subtract_years(day, MINIMUM_AGE_YEARS)
    )
    last_visits = retention_repo.last_consultations(session.clinical_db)
    extended = retention_repo.extensions(session.clinical_db)
    cases = [
        case
        for case in (
            _case(c, last_visits.get(c.patient_id), extended.get(c.patient_id)) for c in found
        )
        if case.is_past_term(day)
    ]
    cases.sort(key=lambda c: (c.due, c.patient_id))
    session.record(AuditEvent(AuditAction.READ, Area.CLINICAL, target="retention_review"))
    return RetentionReview(tuple(cases[:limit]), len(cases))


def _current_case(session: Session, patient_id: int) -> RetentionCase:
    require_patient(session.admin_db, patient_id, allow_deleted=True)
    found = retention_repo.candidate(session.admin_db, patient_id)
    if found is None:
        raise UnknownPatientError()  # merged into another file: review that one
    clinical = session.clinical_db
    return _case(
        found,
        retention_repo.last_consultation_of(clinical, patient_id),
        retention_repo.extension_of(clinical, patient_id),
    )


@requires(Permission.RETENTION_REVIEW)
def retention_case(session: Session, patient_id: int) -> RetentionCase:
    """One file's term, whether past or not."""
    return _current_case(session, patient_id)


@requires(Permission.RETENTION_REVIEW)
def extend_retention(
    session: Session, patient_id: int, extension: RetentionExtension
) -> RetentionCase:
    """Keep the file until a later date, for a stated reason (kept in clinical.db)."""
    if not isinstance(extension, RetentionExtension):
        raise TypeError("a RetentionExtension is expected")
    clean = extension.validated(today(session))
    with session.clinical_transaction() as clinical:
        require_patient(session.admin_db, patient_id, allow_deleted=True)
        retention_repo.insert_extension(
            clinical,
            patient_id,
            until=clean.until,
            reason=clean.reason,
            when=session.now(),
            who=actor(session),
        )
        session.audit(
            AuditEvent(
                AuditAction.RETENTION_EXTEND,
                Area.CLINICAL,
                patient_id=str(patient_id),
                target=f"retention:{clean.until.isoformat()}",
            )
        )
    return _current_case(session, patient_id)


@requires(Permission.RETENTION_REVIEW)
def erase_past_term(session: Session, patient_id: int) -> list[int]:
    """Erase a file whose term has passed (checked again now); returns the erased ids."""
    case = _current_case(session, patient_id)
    if not case.is_past_term(today(session)):
        raise RetentionNotDueError()
    erased = erase_patient(session, patient_id=patient_id, basis=ErasureBasis.RETENTION_EXPIRED)
    # The extensions' reasons go with the file (the erasure covers the other clinical tables).
    with session.clinical_transaction() as clinical:
        retention_repo.delete_extensions(clinical, erased)
    return erased
