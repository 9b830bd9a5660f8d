"""Helpers for clinical service tests: minimal patients written straight into admin.db (the
patient services are tested on their own), and audit log readers."""

from __future__ import annotations

import json

from medvault.services.session import Session

_CREATED = "2025-01-01T00:00:00.000000Z"


def add_patient(session: Session, birth_name: str = "DURAND") -> int:
    """A minimal valid patient row; returns its id."""
    with session.admin_transaction() as conn:
        row = conn.execute(
            "INSERT INTO patients (birth_name, first_names, sex, birth_date, identity_status, "
            "search_name, created_at, created_by, updated_at, updated_by) "
            "VALUES (?, ?, 'F', '1980-04-02', 'provisional', ?, ?, 'test', ?, 'test') "
            "RETURNING id",
            (birth_name, json.dumps(["Alice"]), birth_name.lower(), _CREATED, _CREATED),
        ).fetchone()
    return int(row[0])


def delete_patient(session: Session, patient_id: int) -> None:
    with session.admin_transaction() as conn:
        conn.execute(
            "UPDATE patients SET deleted_at = ?, deleted_by = 'test' WHERE id = ?",
            (_CREATED, patient_id),
        )


def merge_patient(session: Session, patient_id: int, into: int) -> None:
    with session.admin_transaction() as conn:
        conn.execute("UPDATE patients SET merged_into = ? WHERE id = ?", (into, patient_id))


AuditRow = tuple[str, str, str, str | None, str | None]


def audit_rows(session: Session) -> list[AuditRow]:
    """(action, area, outcome, patient_id, target) of every audit record, oldest first."""
    rows = session.admin_db.execute(
        "SELECT action, area, outcome, patient_id, target FROM audit_log ORDER BY seq"
    ).fetchall()
    return [tuple(r) for r in rows]


def audit_count(session: Session) -> int:
    return int(session.admin_db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def last_audit(session: Session) -> AuditRow:
    return audit_rows(session)[-1]


def admin_text_dump(session: Session) -> str:
    """Every value of every table of admin.db, decrypted, as one text (plus iterdump when the
    connection offers it)."""
    conn = session.admin_db
    parts: list[str] = []
    tables = [
        str(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    ]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        for row in conn.execute(f"SELECT * FROM {quoted}").fetchall():
            for value in row:
                if isinstance(value, bytes | bytearray | memoryview):
                    parts.append(bytes(value).decode("utf-8", errors="replace"))
                else:
                    parts.append(str(value))
    iterdump = getattr(conn, "iterdump", None)
    if callable(iterdump):
        parts.extend(str(line) for line in iterdump())
    return "\n".join(parts)


def clinical_text_dump(session: Session) -> str:
    conn = session.clinical_db
    parts: list[str] = []
    for table in ("history_entries", "allergies", "treatments", "vaccinations", "consultations"):
        for row in conn.execute(f"SELECT * FROM {table}").fetchall():
            parts.extend(str(v) for v in row)
    return "\n".join(parts)
