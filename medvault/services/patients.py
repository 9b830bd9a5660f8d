"""Patient records (admin.db): create, open, update, soft delete, merge duplicates.

Both roles may do all of this (PATIENT_READ / PATIENT_WRITE); each call runs in one admin
transaction together with its audit record (Area.ADMINISTRATIVE, patient id only).
Opening a file is audited (CNIL traceability of access to a file); searches and listings are
not, see medvault.services.patients_search. Legal erasure is a separate, practitioner-only act."""

from __future__ import annotations

from datetime import date

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.drafts import DraftKind
from medvault.core.errors import PatientDeletedError, StaleWriteError, UnknownPatientError
from medvault.core.messages_patient import field_error
from medvault.core.patient import (
    Patient,
    PatientForm,
    SavedPatient,
    validate_deletion_reason,
    validate_patient,
)
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.merge_completion import move_clinical_record
from medvault.services.session import Session
from medvault.storage import (
    appointments_repo,
    documents_repo,
    drafts_repo,
    patients_repo,
)
from medvault.storage.database import Connection


def _author(session: Session) -> str:
    return session.login or "recovery"


def _event(action: AuditAction, patient_id: int, target: str | None = None) -> AuditEvent:
    return AuditEvent(action, Area.ADMINISTRATIVE, patient_id=str(patient_id), target=target)


def _load(conn: Connection, patient_id: int) -> Patient:
    if isinstance(patient_id, bool) or not isinstance(patient_id, int):
        raise UnknownPatientError()
    patient = patients_repo.get_patient(conn, patient_id)
    if patient is None:
        raise UnknownPatientError()
    return patient


def _live(conn: Connection, patient_id: int) -> Patient:
    patient = _load(conn, patient_id)
    if not patient.is_active:
        raise PatientDeletedError()
    return patient


def _refuse_write(conn: Connection, patient_id: int) -> StaleWriteError:
    """Why a guarded write touched nothing: unknown or deleted record, else a stale version."""
    _live(conn, patient_id)
    return StaleWriteError()


def _today(session: Session) -> date:
    # The practice's local date: a child born after midnight local time is not "in the future".
    return session.config.clock.now().astimezone().date()


@requires(Permission.PATIENT_WRITE)
def create_patient(session: Session, form: PatientForm) -> SavedPatient:
    """Create a record. Likely duplicates (same folded name and birth date, or same NIR) are
    returned with it for the user to review and merge; they do not stop the creation."""
    data = validate_patient(form, today=_today(session))
    with session.admin_transaction() as conn:
        duplicates = patients_repo.find_duplicates(conn, data)
        patient_id = patients_repo.insert_patient(
            conn, data, when=session.now(), by=_author(session)
        )
        session.audit(_event(AuditAction.CREATE, patient_id))
        patient = _load(conn, patient_id)
    return SavedPatient(patient, tuple(duplicates))


@requires(Permission.PATIENT_READ)
def get_patient(session: Session, patient_id: int, *, include_deleted: bool = False) -> Patient:
    """Open a file (audited). A deleted or merged record is only returned when asked for
    explicitly (include_deleted); its `merged_into` names the record to open instead."""
    with session.admin_transaction() as conn:
        patient = _load(conn, patient_id)
        if not patient.is_active and not include_deleted:
            raise PatientDeletedError()
        session.audit(_event(AuditAction.READ, patient_id))
    return patient


@requires(Permission.PATIENT_WRITE)
def update_patient(
    session: Session, patient_id: int, form: PatientForm, *, expected_version: int
) -> SavedPatient:
    """Replace identity and contact details if the record is still at `expected_version`
    (StaleWriteError otherwise, nothing written)."""
    data = validate_patient(form, today=_today(session))
    with session.admin_transaction() as conn:
        version = patients_repo.update_patient(
            conn,
            patient_id,
            data,
            expected_version=expected_version,
            when=session.now(),
            by=_author(session),
        )
        if version is None:
            raise _refuse_write(conn, patient_id)
        session.audit(_event(AuditAction.UPDATE, patient_id))
        duplicates = patients_repo.find_duplicates(conn, data, exclude_id=patient_id)
        patient = _load(conn, patient_id)
    return SavedPatient(patient, tuple(duplicates))


@requires(Permission.PATIENT_WRITE)
def delete_patient(
    session: Session, patient_id: int, *, expected_version: int, reason: str
) -> Patient:
    """Soft delete: the record stays (with who, when and why), leaves searches and listings,
    and can no longer be changed. Its appointments are kept as they are."""
    reason = validate_deletion_reason(reason)
    with session.admin_transaction() as conn:
        version = patients_repo.soft_delete(
            conn,
            patient_id,
            expected_version=expected_version,
            when=session.now(),
            by=_author(session),
            reason=reason,
        )
        if version is None:
            raise _refuse_write(conn, patient_id)
        session.audit(_event(AuditAction.DELETE, patient_id))
        return _load(conn, patient_id)


@requires(Permission.PATIENT_WRITE)
def merge_patients(
    session: Session, *, duplicate_id: int, surviving_id: int, expected_version: int
) -> Patient:
    """Merge a duplicate into the record that stays. The duplicate (at `expected_version`)
    gets `merged_into`, leaves searches, and its appointments move to the surviving record.
    An administrative act open to both roles, audited on both records.

    A practitioner's merge also moves the duplicate's clinical record in the same transaction.
    Reception holds no clinical key: after its merge the clinical rows stay under the
    duplicate's id until the next practitioner login moves them
    (services/merge_completion.py)."""
    if duplicate_id == surviving_id:
        raise field_error("merge")
    if session.has_clinical_access:
        with session.clinical_transaction() as clinical:
            merged = _merge(session, duplicate_id, surviving_id, expected_version)
            move_clinical_record(session, clinical, duplicate_id, surviving_id)
        return merged
    with session.admin_transaction():
        return _merge(session, duplicate_id, surviving_id, expected_version)


def _merge(
    session: Session, duplicate_id: int, surviving_id: int, expected_version: int
) -> Patient:
    """The admin.db part of a merge, inside the caller's open admin transaction."""
    conn = session.admin_db
    _live(conn, duplicate_id)
    try:
        _live(conn, surviving_id)
    except PatientDeletedError:
        raise field_error("merge") from None
    when, by = session.now(), _author(session)
    version = patients_repo.mark_merged(
        conn, duplicate_id, surviving_id, expected_version=expected_version, when=when, by=by
    )
    if version is None:
        raise StaleWriteError()
    moved = appointments_repo.move_to_patient(conn, duplicate_id, surviving_id, when=when, by=by)
    documents = documents_repo.move_to_patient(conn, duplicate_id, surviving_id)
    # An unsaved identity form of the duplicate can no longer apply to anything.
    drafts_repo.delete_for_patients(conn, DraftKind.ADMINISTRATIVE, [duplicate_id])
    session.audit(_event(AuditAction.UPDATE, duplicate_id, f"merged_into:{surviving_id}"))
    session.audit(
        _event(
            AuditAction.UPDATE,
            surviving_id,
            f"merged_from:{duplicate_id};appts:{moved};docs:{documents}",
        )
    )
    return _load(conn, surviving_id)
