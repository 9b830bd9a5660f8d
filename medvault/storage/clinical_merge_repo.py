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


def patients_with_rows(clinical: Connection, patient_ids: list[int]) -> set[int]:
    """Which of these patient ids still own clinical rows (in chunks: SQLite caps parameters)."""
    found: set[int] = set()
    with mapped_errors("clinical.db"):
        for start in range(0, len(patient_ids), 500):
            chunk = patient_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for table in _TABLES:
                rows = clinical.execute(
                    f"SELECT DISTINCT patient_id FROM {table} "  # noqa: S608 - fixed names
                    f"WHERE patient_id IN ({marks})",
                    chunk,
                ).fetchall()
                found.update(int(row[0]) for row in rows)
    return found
