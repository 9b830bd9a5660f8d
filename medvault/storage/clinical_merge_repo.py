"""Moving a patient's clinical rows to another patient id, when duplicates are merged."""

from __future__ import annotations

from medvault.storage.database import Connection, mapped_errors

_TABLES = (
    "history_entries",
    "allergies",
    "treatments",
    "vaccinations",
    "consultations",
    "documents",
)


def move_clinical(clinical: Connection, from_id: int, to_id: int) -> int:
    """Inside the caller's transaction; returns how many rows moved."""
    moved = 0
    with mapped_errors("clinical.db"):
        for table in _TABLES:
            cursor = clinical.execute(
                f"UPDATE {table} SET patient_id = ? WHERE patient_id = ?",  # noqa: S608
                (to_id, from_id),
            )
            moved += max(int(getattr(cursor, "rowcount", 0)), 0)
    return moved
