"""Drafts of new-patient forms (admin.db `new_patient_drafts`): a form typed before the file
exists has no patient id, so these rows are keyed by their own id and their owner. Every
function runs inside the caller's transaction."""

from __future__ import annotations

from medvault.core.drafts import NewPatientDraftSummary
from medvault.storage.database import Connection, mapped_errors


def save(conn: Connection, *, owner: str, content: str, saved_at: str) -> int:
    """A new row (two forms left open are two drafts); its id."""
    with mapped_errors("admin.db"):
        row = conn.execute(
            """INSERT INTO new_patient_drafts (owner, content, saved_at) VALUES (?, ?, ?)
               RETURNING id""",
            (owner, content, saved_at),
        ).fetchone()
    return int(row[0])


def list_for(conn: Connection, owner: str) -> list[NewPatientDraftSummary]:
    """The owner's drafts, newest first (no content)."""
    with mapped_errors("admin.db"):
        rows = conn.execute(
            """SELECT id, saved_at FROM new_patient_drafts WHERE owner = ?
               ORDER BY saved_at DESC, id DESC""",
            (owner,),
        ).fetchall()
    return [NewPatientDraftSummary(int(r[0]), str(r[1])) for r in rows]


def take(conn: Connection, *, owner: str, draft_id: int) -> str | None:
    """The content of the owner's draft, removed; None if the owner has no such draft."""
    with mapped_errors("admin.db"):
        row = conn.execute(
            "SELECT content FROM new_patient_drafts WHERE id = ? AND owner = ?",
            (draft_id, owner),
        ).fetchone()
        if row is None:
            return None
        conn.execute("DELETE FROM new_patient_drafts WHERE id = ?", (draft_id,))
    return str(row[0])
