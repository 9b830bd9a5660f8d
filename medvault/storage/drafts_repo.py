"""Drafts of unsaved edits. admin.db and clinical.db have the same `drafts` table (administrative
drafts in the first, clinical ones in the second); the caller passes the right connection and
the kind it holds. Every function runs inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence

from medvault.core.drafts import Draft, DraftKind, DraftSummary
from medvault.storage.database import Connection, mapped_errors


def _label(kind: DraftKind) -> str:
    return "clinical.db" if kind is DraftKind.CLINICAL else "admin.db"


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def save(
    conn: Connection,
    kind: DraftKind,
    *,
    owner: str,
    patient_id: int,
    editor_key: str,
    content: str,
    saved_at: str,
) -> None:
    """Insert or replace the owner's draft for this patient and editor."""
    with mapped_errors(_label(kind)):
        conn.execute(
            """INSERT INTO drafts (owner, patient_id, editor_key, content, saved_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (owner, patient_id, editor_key)
               DO UPDATE SET content = excluded.content, saved_at = excluded.saved_at""",
            (owner, patient_id, editor_key, content, saved_at),
        )


def list_for(conn: Connection, kind: DraftKind, owner: str) -> list[DraftSummary]:
    """The owner's drafts, newest first (no content)."""
    with mapped_errors(_label(kind)):
        rows = conn.execute(
            """SELECT patient_id, editor_key, saved_at FROM drafts WHERE owner = ?
               ORDER BY saved_at DESC, id DESC""",
            (owner,),
        ).fetchall()
    return [DraftSummary(kind, int(r[0]), str(r[1]), str(r[2])) for r in rows]


def find(
    conn: Connection,
    kind: DraftKind,
    *,
    owner: str,
    patient_ids: Sequence[int],
    editor_key: str,
) -> Draft | None:
    """The newest of the owner's drafts for this editor under any of `patient_ids` (a patient
    and the records merged into it)."""
    if not patient_ids:
        return None
    with mapped_errors(_label(kind)):
        row = conn.execute(
            f"""SELECT patient_id, saved_at, content FROM drafts
                WHERE owner = ? AND editor_key = ? AND patient_id IN ({_marks(patient_ids)})
                ORDER BY saved_at DESC, id DESC LIMIT 1""",  # noqa: S608 - placeholders only
            (owner, editor_key, *patient_ids),
        ).fetchone()
    if row is None:
        return None
    return Draft(kind, int(row[0]), editor_key, str(row[1]), str(row[2]))


def delete_matching(
    conn: Connection,
    kind: DraftKind,
    *,
    owner: str,
    patient_ids: Sequence[int],
    editor_key: str,
) -> int:
    """Remove the owner's drafts for this editor under any of `patient_ids`."""
    if not patient_ids:
        return 0
    with mapped_errors(_label(kind)):
        cursor = conn.execute(
            f"""DELETE FROM drafts WHERE owner = ? AND editor_key = ?
                AND patient_id IN ({_marks(patient_ids)})""",  # noqa: S608 - placeholders only
            (owner, editor_key, *patient_ids),
        )
    return max(int(getattr(cursor, "rowcount", 0)), 0)


def delete_for_patients(conn: Connection, kind: DraftKind, patient_ids: Sequence[int]) -> int:
    """Every user's drafts of these patients (erasure, or a merged duplicate's identity form)."""
    if not patient_ids:
        return 0
    with mapped_errors(_label(kind)):
        cursor = conn.execute(
            f"DELETE FROM drafts WHERE patient_id IN ({_marks(patient_ids)})",  # noqa: S608
            tuple(patient_ids),
        )
    return max(int(getattr(cursor, "rowcount", 0)), 0)


def move_to_patient(conn: Connection, kind: DraftKind, from_id: int, to_id: int) -> int:
    """Give a merged duplicate's drafts to the surviving record. Where one user has a draft of
    the same editor on both, the newer is kept. Returns how many drafts moved."""
    with mapped_errors(_label(kind)):
        # Older surviving drafts that a duplicate's draft supersedes ...
        conn.execute(
            """DELETE FROM drafts WHERE patient_id = ? AND EXISTS (
                   SELECT 1 FROM drafts AS d WHERE d.patient_id = ? AND d.owner = drafts.owner
                   AND d.editor_key = drafts.editor_key AND d.saved_at > drafts.saved_at)""",
            (to_id, from_id),
        )
        # ... and duplicate's drafts that a surviving one supersedes.
        conn.execute(
            """DELETE FROM drafts WHERE patient_id = ? AND EXISTS (
                   SELECT 1 FROM drafts AS d WHERE d.patient_id = ? AND d.owner = drafts.owner
                   AND d.editor_key = drafts.editor_key)""",
            (from_id, to_id),
        )
        cursor = conn.execute(
            "UPDATE drafts SET patient_id = ? WHERE patient_id = ?", (to_id, from_id)
        )
    return max(int(getattr(cursor, "rowcount", 0)), 0)
