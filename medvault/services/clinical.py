"""The clinical file's list entries (history, allergies, treatments, vaccinations) and opening a
patient's clinical file. Practitioner only (CLINICAL_READ / CLINICAL_WRITE).

Every write checks the patient (exists, not deleted), runs in session.clinical_transaction() and
writes its audit record there: ids and entry kinds only, never clinical text. Reading clinical
content is audited as READ."""

from __future__ import annotations

from medvault.core.audit import AuditAction
from medvault.core.clinical import (
    ENTRY_TYPES,
    AllergyData,
    ClinicalFile,
    D,
    Entry,
    HistoryData,
    TreatmentData,
    VaccinationData,
    check_version,
    clean_removal_reason,
)
from medvault.core.errors import StaleWriteError, UnknownRecordError
from medvault.core.permissions import Permission
from medvault.services.authz import requires
from medvault.services.clinical_consultations import first_page
from medvault.services.clinical_support import actor, clinical_event, today
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import clinical_repo
from medvault.storage.database import Connection


def _check_kind(kind: type[D]) -> type[D]:
    # Exactly one of the four kinds: a subclass could override validated().
    if kind not in ENTRY_TYPES:
        raise TypeError("unknown clinical entry kind")
    return kind


def _current_entry(
    conn: Connection, kind: type[D], entry_id: int, expected_version: int
) -> Entry[D]:
    """The entry to change, if it is still the version the caller saw."""
    expected_version = check_version(expected_version)
    entry = clinical_repo.get_entry(conn, kind, entry_id)
    if entry is None or entry.is_removed:
        raise UnknownRecordError()
    if entry.version != expected_version:
        raise StaleWriteError()
    return entry


@requires(Permission.CLINICAL_WRITE)
def add_entry(session: Session, patient_id: int, data: D) -> Entry[D]:
    """Add a history entry, an allergy, a treatment or a vaccination to a patient's file."""
    _check_kind(type(data))
    clean = data.validated(today(session))
    with session.clinical_transaction() as conn:
        require_patient(session.admin_db, patient_id)
        entry_id = clinical_repo.insert_entry(
            conn, patient_id, clean, when=session.now(), who=actor(session)
        )
        session.audit(clinical_event(AuditAction.CREATE, patient_id, f"{clean.code}:{entry_id}"))
        entry = clinical_repo.get_entry(conn, type(clean), entry_id)
    assert entry is not None  # just written in this transaction
    return entry


@requires(Permission.CLINICAL_WRITE)
def update_entry(session: Session, entry_id: int, data: D, *, expected_version: int) -> Entry[D]:
    """Replace an entry's data; StaleWriteError if it changed since `expected_version`."""
    kind = _check_kind(type(data))
    clean = data.validated(today(session))
    with session.clinical_transaction() as conn:
        entry = _current_entry(conn, kind, entry_id, expected_version)
        require_patient(session.admin_db, entry.patient_id)
        clinical_repo.update_entry(conn, entry_id, clean, when=session.now(), who=actor(session))
        session.audit(
            clinical_event(AuditAction.UPDATE, entry.patient_id, f"{clean.code}:{entry_id}")
        )
        updated = clinical_repo.get_entry(conn, kind, entry_id)
    assert updated is not None  # just written in this transaction
    return updated


@requires(Permission.CLINICAL_WRITE)
def remove_entry(
    session: Session, kind: type[D], entry_id: int, *, expected_version: int, reason: str
) -> None:
    """Take an entry out of the current view; it is kept with who removed it, when and why."""
    kind = _check_kind(kind)
    reason = clean_removal_reason(reason)
    with session.clinical_transaction() as conn:
        entry = _current_entry(conn, kind, entry_id, expected_version)
        require_patient(session.admin_db, entry.patient_id)
        clinical_repo.mark_removed(
            conn, kind, entry_id, when=session.now(), who=actor(session), reason=reason
        )
        session.audit(
            clinical_event(AuditAction.DELETE, entry.patient_id, f"{kind.code}:{entry_id}")
        )


@requires(Permission.CLINICAL_READ)
def list_entries(
    session: Session, patient_id: int, kind: type[D], *, include_removed: bool = False
) -> list[Entry[D]]:
    """A patient's entries of one kind; removed ones only when asked (the file's history)."""
    kind = _check_kind(kind)
    require_patient(session.admin_db, patient_id, allow_deleted=True)
    entries = clinical_repo.list_entries(
        session.clinical_db, kind, patient_id, include_removed=include_removed
    )
    session.record(clinical_event(AuditAction.READ, patient_id, kind.code))
    return entries


@requires(Permission.CLINICAL_READ)
def open_clinical_file(session: Session, patient_id: int) -> ClinicalFile:
    """Everything current in a patient's clinical file and the latest consultations; audited."""
    require_patient(session.admin_db, patient_id, allow_deleted=True)
    conn = session.clinical_db
    clinical_file = ClinicalFile(
        patient_id=patient_id,
        history=tuple(clinical_repo.list_entries(conn, HistoryData, patient_id)),
        allergies=tuple(clinical_repo.list_entries(conn, AllergyData, patient_id)),
        treatments=tuple(clinical_repo.list_entries(conn, TreatmentData, patient_id)),
        vaccinations=tuple(clinical_repo.list_entries(conn, VaccinationData, patient_id)),
        consultations=first_page(conn, patient_id),
    )
    session.record(clinical_event(AuditAction.READ, patient_id, "clinical_file"))
    return clinical_file
