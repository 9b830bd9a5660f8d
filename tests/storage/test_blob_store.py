"""Chunked document content in a real SQLCipher database: round trip, integrity, rollback."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from medvault.core.documents import (
    DocumentCategory,
    DocumentFields,
    DocumentIntegrityError,
    DocumentKind,
    DocumentTooLargeError,
)
from medvault.core.secrets import SecretKey
from medvault.storage import blob_store, documents_repo
from medvault.storage.database import Connection, close_database, open_database, transaction
from medvault.storage.migrations import CLINICAL_MIGRATIONS, migrate

KIND = DocumentKind.CLINICAL
FIELDS = DocumentFields("Bilan", date(2025, 1, 2), DocumentCategory.LAB_RESULT, "", "b.pdf")


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_database(tmp_path / "clinical.db", SecretKey.generate(), create=True)
    migrate(connection, CLINICAL_MIGRATIONS, "clinical.db")
    yield connection
    close_database(connection)


def _new_document(conn: Connection) -> int:
    return documents_repo.insert_pending(
        conn, KIND, patient_id=1, fields=FIELDS, created_at="2025-01-02T00:00:00Z", created_by="x"
    )


def _store(
    conn: Connection, content: bytes, chunk_size: int = 1000
) -> tuple[int, blob_store.BlobSummary]:
    with transaction(conn, "clinical.db"):
        doc_id = _new_document(conn)
        summary = blob_store.write_chunks(
            conn,
            doc_id,
            io.BytesIO(content),
            max_size=10**9,
            file_label="clinical.db",
            chunk_size=chunk_size,
        )
    return doc_id, summary


def _read(conn: Connection, doc_id: int, summary: blob_store.BlobSummary) -> bytes:
    return b"".join(
        blob_store.iter_chunks(
            conn,
            doc_id,
            chunk_count=summary.chunk_count,
            size=summary.size,
            sha256=summary.sha256,
            file_label="clinical.db",
        )
    )


@pytest.mark.parametrize("size", [1, 999, 1000, 1001, 4567])
def test_round_trip_in_chunks(conn: Connection, size: int) -> None:
    content = bytes(range(256)) * (size // 256 + 1)
    content = content[:size]
    doc_id, summary = _store(conn, content)
    assert summary.size == size
    assert summary.chunk_count == -(-size // 1000)
    assert summary.sha256 == hashlib.sha256(content).hexdigest()
    assert summary.head == content[:16]
    assert _read(conn, doc_id, summary) == content
    assert blob_store.stored_digest(
        conn, doc_id, chunk_count=summary.chunk_count, file_label="clinical.db"
    ) == (size, summary.sha256)


def test_default_chunks_are_256_kib(conn: Connection) -> None:
    doc_id, _summary = _store(conn, b"a" * (blob_store.CHUNK_SIZE + 1), blob_store.CHUNK_SIZE)
    sizes = conn.execute(
        "SELECT length(data) FROM document_chunks WHERE document_id = ? ORDER BY seq", (doc_id,)
    ).fetchall()
    assert [s[0] for s in sizes] == [blob_store.CHUNK_SIZE, 1]


def test_altered_chunk_is_detected_at_the_end(conn: Connection) -> None:
    doc_id, summary = _store(conn, b"x" * 2500)
    conn.execute(
        "UPDATE document_chunks SET data = ? WHERE document_id = ? AND seq = 1",
        (b"y" * 1000, doc_id),
    )
    with pytest.raises(DocumentIntegrityError):
        _read(conn, doc_id, summary)


def test_missing_or_extra_chunk_is_detected(conn: Connection) -> None:
    doc_id, summary = _store(conn, b"x" * 2500)
    conn.execute("DELETE FROM document_chunks WHERE document_id = ? AND seq = 2", (doc_id,))
    with pytest.raises(DocumentIntegrityError):
        _read(conn, doc_id, summary)
    with pytest.raises(DocumentIntegrityError):
        blob_store.stored_digest(conn, doc_id, chunk_count=3, file_label="clinical.db")


def test_wrong_expected_hash_is_detected(conn: Connection) -> None:
    doc_id, _summary = _store(conn, b"x" * 10)
    with pytest.raises(DocumentIntegrityError):
        b"".join(
            blob_store.iter_chunks(
                conn, doc_id, chunk_count=1, size=10, sha256="0" * 64, file_label="clinical.db"
            )
        )


class _FailingStream(io.RawIOBase):
    """Gives two chunks, then fails as an unplugged USB drive would."""

    def __init__(self) -> None:
        self.calls = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.calls += 1
        if self.calls > 2:
            raise OSError("device gone")
        return b"z" * size


def test_failure_half_way_leaves_no_chunk(conn: Connection) -> None:
    with pytest.raises(OSError, match="device gone"), transaction(conn, "clinical.db"):
        doc_id = _new_document(conn)
        blob_store.write_chunks(
            conn,
            doc_id,
            _FailingStream(),
            max_size=10**9,
            file_label="clinical.db",  # type: ignore[arg-type]
            chunk_size=100,
        )
    assert conn.execute("SELECT count(*) FROM document_chunks").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_too_large_stops_while_streaming(conn: Connection) -> None:
    with pytest.raises(DocumentTooLargeError), transaction(conn, "clinical.db"):
        doc_id = _new_document(conn)
        blob_store.write_chunks(
            conn,
            doc_id,
            io.BytesIO(b"a" * 350),
            max_size=300,
            file_label="clinical.db",
            chunk_size=100,
        )
    assert conn.execute("SELECT count(*) FROM document_chunks").fetchone()[0] == 0
