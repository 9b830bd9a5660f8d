"""What the retention review reads: candidate files in admin.db (old enough by birth date), each
patient's last consultation and latest extension in clinical.db, and writing extensions.

The two databases are read separately (no ATTACH: each keeps its own key and connection) and
joined by the service; each read is one pass over an index."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from medvault.core.patient import display_name
from medvault.storage.database import Connection, mapped_errors


class Candidate(NamedTuple):
    patient_id: int
    display_name: str
    birth_date: date
    created_on: date
    deleted: bool


_CANDIDATE_COLUMNS = (
    "id, birth_name, used_name, first_names, birth_date, created_at, deleted_at IS NOT NULL"
)


def _candidate(row: Sequence[object]) -> Candidate:
    used_name = None if row[2] is None else str(row[2])
    return Candidate(
        int(str(row[0])),
        display_name(str(row[1]), used_name, tuple(str(row[3]).split())),
        date.fromisoformat(str(row[4])),
        date.fromisoformat(str(row[5])[:10]),  # created_at is an ISO UTC timestamp
        bool(row[6]),
    )


def candidates(admin: Connection, *, born_on_or_before: date) -> list[Candidate]:
    """Files not merged into another (merged records go with the file they were merged into),
    soft-deleted ones included: they are still kept, so they still reach their term."""
    with mapped_errors("admin.db"):
        rows = admin.execute(
            f"SELECT {_CANDIDATE_COLUMNS} FROM patients "  # noqa: S608 - fixed columns
            "WHERE merged_into IS NULL AND birth_date <= ?",
            (born_on_or_before.isoformat(),),
        ).fetchall()
    return [_candidate(row) for row in rows]


def candidate(admin: Connection, patient_id: int) -> Candidate | None:
    with mapped_errors("admin.db"):
        row = admin.execute(
            f"SELECT {_CANDIDATE_COLUMNS} FROM patients "  # noqa: S608 - fixed columns
            "WHERE merged_into IS NULL AND id = ?",
            (patient_id,),
        ).fetchone()
    return None if row is None else _candidate(row)


def last_consultations(clinical: Connection) -> dict[int, date]:
    """Each patient's latest consultation date: one index-only pass (consultations_by_patient)."""
    with mapped_errors("clinical.db"):
        rows = clinical.execute(
            "SELECT patient_id, max(consulted_on) FROM consultations GROUP BY patient_id"
        ).fetchall()
    return {int(row[0]): date.fromisoformat(str(row[1])) for row in rows}


def last_consultation_of(clinical: Connection, patient_id: int) -> date | None:
    with mapped_errors("clinical.db"):
        row = clinical.execute(
            "SELECT max(consulted_on) FROM consultations WHERE patient_id = ?", (patient_id,)
        ).fetchone()
    return None if row is None or row[0] is None else date.fromisoformat(str(row[0]))


def extensions(clinical: Connection) -> dict[int, date]:
    """Each patient's latest extension (the one recorded last holds, shorter or longer)."""
    with mapped_errors("clinical.db"):
        rows = clinical.execute(
            "SELECT patient_id, until FROM retention_extensions WHERE id IN "
            "(SELECT max(id) FROM retention_extensions GROUP BY patient_id)"
        ).fetchall()
    return {int(row[0]): date.fromisoformat(str(row[1])) for row in rows}


def extension_of(clinical: Connection, patient_id: int) -> date | None:
    with mapped_errors("clinical.db"):
        row = clinical.execute(
            "SELECT until FROM retention_extensions WHERE patient_id = ? ORDER BY id DESC LIMIT 1",
            (patient_id,),
        ).fetchone()
    return None if row is None else date.fromisoformat(str(row[0]))


def insert_extension(
    clinical: Connection, patient_id: int, *, until: date, reason: str, when: str, who: str
) -> int:
    with mapped_errors("clinical.db"):
        row = clinical.execute(
            "INSERT INTO retention_extensions (patient_id, until, reason, decided_at, decided_by)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            (patient_id, until.isoformat(), reason, when, who),
        ).fetchone()
    return int(row[0])


def delete_extensions(clinical: Connection, patient_ids: list[int]) -> None:
    """Inside the caller's transaction, for the legal erasure."""
    if not patient_ids:
        return
    marks = ",".join("?" * len(patient_ids))
    with mapped_errors("clinical.db"):
        clinical.execute("PRAGMA secure_delete = ON")
        clinical.execute(
            f"DELETE FROM retention_extensions WHERE patient_id IN ({marks})",  # noqa: S608
            patient_ids,
        )
