"""Helpers for the document and desktop sweep tests: minimal patients, files, audit rows, and a
scan of every file under a directory for a plaintext marker."""

from __future__ import annotations

import json
import os
from pathlib import Path

from medvault.services.session import Session
from medvault.storage.database import transaction

PDF_HEAD = b"%PDF-1.7\n"
PNG_HEAD = b"\x89PNG\r\n\x1a\n"
JPEG_HEAD = b"\xff\xd8\xff\xe0"


def add_patient(session: Session, birth_name: str = "DUPONT") -> int:
    """A minimal valid patient row (the patients service is not needed for document tests)."""
    now = session.now()
    with transaction(session.admin_db, "admin.db") as conn:
        row = conn.execute(
            "INSERT INTO patients (birth_name, first_names, sex, birth_date, identity_status, "
            "search_name, created_at, created_by, updated_at, updated_by) "
            "VALUES (?, ?, 'F', '1980-04-02', 'provisional', ?, ?, 'test', ?, 'test') "
            "RETURNING id",
            (birth_name, json.dumps(["Marie"]), birth_name.lower(), now, now),
        ).fetchall()
    return int(row[0][0])


def delete_patient(session: Session, patient_id: int) -> None:
    with transaction(session.admin_db, "admin.db") as conn:
        conn.execute(
            "UPDATE patients SET deleted_at = ?, deleted_by = 'test' WHERE id = ?",
            (session.now(), patient_id),
        )


def write_file(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def write_random_file(path: Path, size: int, block: int = 1024 * 1024) -> Path:
    """A large file written block by block (never whole in memory)."""
    with path.open("wb") as out:
        remaining = size
        while remaining:
            n = min(block, remaining)
            out.write(os.urandom(n))
            remaining -= n
    return path


def last_audit(session: Session) -> tuple[str, str, str | None, str | None, str]:
    row = session.admin_db.execute(
        "SELECT action, area, patient_id, target, outcome FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return tuple(row)  # type: ignore[return-value]


def audit_rows(session: Session) -> list[tuple[str, str, str | None, str | None, str]]:
    rows = session.admin_db.execute(
        "SELECT action, area, patient_id, target, outcome FROM audit_log ORDER BY seq"
    ).fetchall()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def audit_count(session: Session) -> int:
    return int(session.admin_db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def files_containing(
    marker: bytes, *directories: Path, exclude: tuple[Path, ...] = ()
) -> list[Path]:
    """Every regular file under the directories whose bytes contain the marker."""
    hits: list[Path] = []
    excluded = {p.resolve() for p in exclude}
    for directory in directories:
        for path in directory.rglob("*"):
            if path.is_symlink() or not path.is_file() or path.resolve() in excluded:
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if marker in data:
                hits.append(path)
    return hits


def document_counts(session: Session, *, clinical: bool) -> tuple[int, int]:
    conn = session.clinical_db if clinical else session.admin_db
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    chunks = conn.execute("SELECT count(*) FROM document_chunks").fetchone()[0]
    return int(docs), int(chunks)
