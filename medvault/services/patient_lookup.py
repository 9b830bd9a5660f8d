"""Checks that a patient id names a live patient, for every service that attaches data to one
(clinical data lives in clinical.db, which cannot hold a foreign key to admin.db)."""

from __future__ import annotations

from medvault.core.errors import PatientDeletedError, UnknownPatientError
from medvault.storage.database import Connection, mapped_errors


def require_patient(admin: Connection, patient_id: int, *, allow_deleted: bool = False) -> None:
    """UnknownPatientError for an unknown id; PatientDeletedError for a deleted (or merged) one
    unless allow_deleted (reading history of a deleted file stays possible)."""
    if isinstance(patient_id, bool) or not isinstance(patient_id, int):
        raise UnknownPatientError()
    with mapped_errors("admin.db"):
        row = admin.execute(
            "SELECT deleted_at, merged_into FROM patients WHERE id = ?", (patient_id,)
        ).fetchone()
    if row is None:
        raise UnknownPatientError()
    if not allow_deleted and (row[0] is not None or row[1] is not None):
        raise PatientDeletedError()
