"""Erasing every row of some patients from a database, for the legal erasure. Deleted pages are
overwritten (secure_delete) and the full-text indexes merged, so erased text does not linger in
free pages or index segments for someone who holds the key; the caller checkpoints the WAL."""

from __future__ import annotations

from collections.abc import Sequence

from medvault.storage.database import Connection, mapped_errors

_CLINICAL_TABLES = (
    "history_entries",
    "allergies",
    "treatments",
    "vaccinations",
    "consultations",
    "drafts",
    "retention_extensions",
)


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def merge_group(admin: Connection, patient_id: int) -> list[int]:
    """The patient and every record merged into it, directly or through others."""
    with mapped_errors("admin.db"):
        rows = admin.execute(
            """WITH RECURSIVE grp(id) AS (
                   SELECT id FROM patients WHERE id = ?
                   UNION SELECT p.id FROM patients AS p JOIN grp ON p.merged_into = grp.id
               ) SELECT id FROM grp ORDER BY id""",
            (patient_id,),
        ).fetchall()
    return [int(r[0]) for r in rows]


def erase_admin(admin: Connection, ids: Sequence[int]) -> None:
    """Inside the caller's transaction: appointments, documents (chunks cascade), every user's
    drafts, patients (name keys cascade, the trigram index follows by trigger)."""
    if not ids:
        return
    marks = _marks(ids)
    with mapped_errors("admin.db"):
        admin.execute("PRAGMA secure_delete = ON")
        admin.execute(f"DELETE FROM appointments WHERE patient_id IN ({marks})", ids)  # noqa: S608
        admin.execute(f"DELETE FROM documents WHERE patient_id IN ({marks})", ids)  # noqa: S608
        admin.execute(f"DELETE FROM drafts WHERE patient_id IN ({marks})", ids)  # noqa: S608
        admin.execute(f"UPDATE patients SET merged_into = NULL WHERE id IN ({marks})", ids)  # noqa: S608
        admin.execute(f"DELETE FROM patients WHERE id IN ({marks})", ids)  # noqa: S608


def erase_clinical(clinical: Connection, ids: Sequence[int]) -> int:
    """Inside the caller's transaction; returns how many rows were removed."""
    if not ids:
        return 0
    marks = _marks(ids)
    removed = 0
    with mapped_errors("clinical.db"):
        clinical.execute("PRAGMA secure_delete = ON")
        clinical.execute(
            f"DELETE FROM document_titles WHERE rowid IN "  # noqa: S608
            f"(SELECT id FROM documents WHERE patient_id IN ({marks}))",
            ids,
        )
        for table in (*_CLINICAL_TABLES, "documents"):
            cursor = clinical.execute(
                f"DELETE FROM {table} WHERE patient_id IN ({marks})",  # noqa: S608 - fixed names
                ids,
            )
            removed += max(int(getattr(cursor, "rowcount", 0)), 0)
        clinical.execute("INSERT INTO consultation_fts (consultation_fts) VALUES ('optimize')")
        clinical.execute("INSERT INTO document_titles (document_titles) VALUES ('optimize')")
    return removed


def clinical_rows_of(clinical: Connection, patient_id: int) -> int:
    with mapped_errors("clinical.db"):
        return sum(
            int(
                clinical.execute(
                    f"SELECT count(*) FROM {table} WHERE patient_id = ?",  # noqa: S608
                    (patient_id,),
                ).fetchone()[0]
            )
            for table in (*_CLINICAL_TABLES, "documents")
        )


def checkpoint(conn: Connection) -> None:
    with mapped_errors():
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
