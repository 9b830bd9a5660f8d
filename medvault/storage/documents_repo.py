"""Document metadata (the documents table of admin.db or clinical.db) and the full-text index of
clinical titles. Callers own the transaction. Listing never touches document_chunks."""

from __future__ import annotations

import re
from datetime import date

from medvault.core.documents import (
    DocumentCategory,
    DocumentFields,
    DocumentInfo,
    DocumentKind,
)
from medvault.storage.blob_store import BlobSummary
from medvault.storage.database import Connection, mapped_errors

_COLUMNS = (
    "id, patient_id, title, document_date, category, source, original_name, media_type, size, "
    "sha256, chunk_count, created_at, created_by, deleted_at, deleted_by, deletion_reason"
)


def file_label(kind: DocumentKind) -> str:
    return "admin.db" if kind is DocumentKind.ADMINISTRATIVE else "clinical.db"


def _int(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError("integer column expected")
    return value


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def _row_to_info(kind: DocumentKind, row: tuple[object, ...]) -> DocumentInfo:
    (doc_id, patient_id, title, doc_date, category, source, name, media, size, sha, chunks) = row[
        :11
    ]
    created_at, created_by, deleted_at, deleted_by, reason = row[11:]
    return DocumentInfo(
        id=_int(doc_id),
        kind=kind,
        patient_id=_int(patient_id),
        title=str(title),
        document_date=date.fromisoformat(str(doc_date)),
        category=DocumentCategory(str(category)),
        source=str(source),
        original_name=str(name),
        media_type=str(media),
        size=_int(size),
        sha256=str(sha),
        chunk_count=_int(chunks),
        created_at=str(created_at),
        created_by=_optional(created_by),
        deleted_at=_optional(deleted_at),
        deleted_by=_optional(deleted_by),
        deletion_reason=_optional(reason),
    )


def insert_pending(
    conn: Connection,
    kind: DocumentKind,
    *,
    patient_id: int,
    fields: DocumentFields,
    created_at: str,
    created_by: str | None,
) -> int:
    """The metadata row first (the chunks refer to it); size and hash follow in finish()."""
    with mapped_errors(file_label(kind)):
        cursor = conn.execute(
            "INSERT INTO documents (patient_id, title, document_date, category, source, "
            "original_name, media_type, size, sha256, chunk_count, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?, '', 0, '', 0, ?, ?) RETURNING id",
            (
                patient_id,
                fields.title,
                fields.document_date.isoformat(),
                fields.category.value,
                fields.source,
                fields.original_name,
                created_at,
                created_by,
            ),
        )
        return _int(cursor.fetchall()[0][0])


def finish(
    conn: Connection, kind: DocumentKind, document_id: int, *, media_type: str, blob: BlobSummary
) -> None:
    with mapped_errors(file_label(kind)):
        conn.execute(
            "UPDATE documents SET media_type = ?, size = ?, sha256 = ?, chunk_count = ? "
            "WHERE id = ?",
            (media_type, blob.size, blob.sha256, blob.chunk_count, document_id),
        )


def get(conn: Connection, kind: DocumentKind, document_id: int) -> DocumentInfo | None:
    with mapped_errors(file_label(kind)):
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE id = ?",  # noqa: S608
            (document_id,),
        ).fetchone()
    return None if row is None else _row_to_info(kind, tuple(row))


def list_for_patient(
    conn: Connection, kind: DocumentKind, patient_id: int, *, include_deleted: bool = False
) -> list[DocumentInfo]:
    """Newest document first; metadata only."""
    where = "patient_id = ?" if include_deleted else "patient_id = ? AND deleted_at IS NULL"
    with mapped_errors(file_label(kind)):
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE {where} "  # noqa: S608
            "ORDER BY document_date DESC, id DESC",
            (patient_id,),
        ).fetchall()
    return [_row_to_info(kind, tuple(r)) for r in rows]


def mark_deleted(
    conn: Connection, kind: DocumentKind, document_id: int, *, at: str, by: str | None, reason: str
) -> None:
    with mapped_errors(file_label(kind)):
        conn.execute(
            "UPDATE documents SET deleted_at = ?, deleted_by = ?, deletion_reason = ? "
            "WHERE id = ? AND deleted_at IS NULL",
            (at, by, reason, document_id),
        )


# -- full-text index of clinical titles (clinical.db only) -----------------------------------------
def index_title(conn: Connection, document_id: int, title: str) -> None:
    with mapped_errors("clinical.db"):
        conn.execute(
            "INSERT INTO document_titles (rowid, title) VALUES (?, ?)", (document_id, title)
        )


def unindex_title(conn: Connection, document_id: int) -> None:
    with mapped_errors("clinical.db"):
        conn.execute("DELETE FROM document_titles WHERE rowid = ?", (document_id,))


_WORD = re.compile(r"\w+")


def match_expression(query: str) -> str | None:
    """Every word of the query as a quoted prefix term (so no FTS5 syntax from the user is ever
    interpreted); None when the query has no word."""
    words = _WORD.findall(query)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:16])


def search_titles(
    conn: Connection, query: str, *, patient_id: int | None, limit: int
) -> list[DocumentInfo]:
    """The newest `limit` live documents whose title has every word of the query as a prefix
    (accents and case ignored). LIMIT applies inside the index query: common words never rank
    the whole index."""
    expression = match_expression(query)
    if expression is None or limit <= 0:
        return []
    patient_filter = "" if patient_id is None else "AND d.patient_id = ? "
    parameters: tuple[object, ...] = (expression,)
    if patient_id is not None:
        parameters += (patient_id,)
    columns = ", ".join(f"d.{c.strip()}" for c in _COLUMNS.split(","))
    with mapped_errors("clinical.db"):
        rows = conn.execute(
            f"SELECT {columns} FROM document_titles AS t "  # noqa: S608
            "JOIN documents AS d ON d.id = t.rowid "
            f"WHERE document_titles MATCH ? {patient_filter}"
            "AND d.deleted_at IS NULL ORDER BY t.rowid DESC LIMIT ?",
            (*parameters, limit),
        ).fetchall()
    return [_row_to_info(DocumentKind.CLINICAL, tuple(r)) for r in rows]


def move_to_patient(conn: Connection, from_id: int, to_id: int) -> int:
    """Give every document of a merged record to the surviving one (administrative documents
    in admin.db; the clinical ones move with the clinical record); how many moved."""
    with mapped_errors("admin.db"):
        rows = conn.execute(
            "UPDATE documents SET patient_id = ? WHERE patient_id = ? RETURNING id",
            (to_id, from_id),
        ).fetchall()
    return len(rows)
