"""Checks that a patient id names a live patient, for every service that attaches data to one
(clinical data lives in clinical.db, which cannot hold a foreign key to admin.db)."""

from __future__ import annotations

from medvault.core.errors import PatientDeletedError, UnknownPatientError
from medvault.storage import patients_repo
from medvault.storage.database import Connection


def require_patient(admin: Connection, patient_id: int, *, allow_deleted: bool = False) -> None:
    """UnknownPatientError for an unknown id; PatientDeletedError for a deleted (or merged) one
    unless allow_deleted (reading history of a deleted file stays possible)."""
    if isinstance(patient_id, bool) or not isinstance(patient_id, int):
        raise UnknownPatientError()
    live = patients_repo.is_live(admin, patient_id)
    if live is None:
        raise UnknownPatientError()
    if not live and not allow_deleted:
        raise PatientDeletedError()
