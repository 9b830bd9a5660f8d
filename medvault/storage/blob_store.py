"""Document content inside an encrypted database, in chunks of 256 KiB keyed by (document_id,
seq). Works on either database (both have a document_chunks table). Writing streams the source:
read a chunk, hash it, insert it, go on; at no point is the whole file in memory. Callers own the
transaction, so a failure half-way leaves no chunk behind."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from medvault.core.documents import (
    MAGIC_BYTES_NEEDED,
    DocumentIntegrityError,
    DocumentTooLargeError,
)
from medvault.storage.database import Connection, mapped_errors

CHUNK_SIZE = 256 * 1024


@dataclass(frozen=True)
class BlobSummary:
    size: int
    sha256: str
    chunk_count: int
    head: bytes  # the first bytes, for the media type signature


def write_chunks(
    conn: Connection,
    document_id: int,
    stream: BinaryIO,
    *,
    max_size: int,
    file_label: str,
    chunk_size: int = CHUNK_SIZE,
) -> BlobSummary:
    """Copy the stream into chunks. OSError from the stream is left to the caller to map."""
    digest = hashlib.sha256()
    size = 0
    seq = 0
    head = b""
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        size += len(chunk)
        if size > max_size:
            raise DocumentTooLargeError()
        if seq == 0:
            head = chunk[:MAGIC_BYTES_NEEDED]
        digest.update(chunk)
        with mapped_errors(file_label):
            conn.execute(
                "INSERT INTO document_chunks (document_id, seq, data) VALUES (?, ?, ?)",
                (document_id, seq, chunk),
            )
        seq += 1
        del chunk  # let the buffer go before the next read
    return BlobSummary(size=size, sha256=digest.hexdigest(), chunk_count=seq, head=head)


def _raw_chunks(
    conn: Connection, document_id: int, chunk_count: int, file_label: str
) -> Iterator[bytes]:
    with mapped_errors(file_label):
        (stored,) = conn.execute(
            "SELECT count(*) FROM document_chunks WHERE document_id = ?", (document_id,)
        ).fetchone()
    if int(stored) != chunk_count:
        raise DocumentIntegrityError()
    for seq in range(chunk_count):
        with mapped_errors(file_label):
            row = conn.execute(
                "SELECT data FROM document_chunks WHERE document_id = ? AND seq = ?",
                (document_id, seq),
            ).fetchone()
        if row is None:
            raise DocumentIntegrityError()
        yield bytes(row[0])


def iter_chunks(
    conn: Connection,
    document_id: int,
    *,
    chunk_count: int,
    size: int,
    sha256: str,
    file_label: str,
) -> Iterator[bytes]:
    """Yield the chunks in order, one query each (nothing else held in memory). The SHA-256 and
    size are checked at the end: DocumentIntegrityError if they do not match, so a consumer
    must not trust the content before the iteration has finished."""
    digest = hashlib.sha256()
    total = 0
    for data in _raw_chunks(conn, document_id, chunk_count, file_label):
        digest.update(data)
        total += len(data)
        yield data
    if total != size or digest.hexdigest() != sha256:
        raise DocumentIntegrityError()


def stored_digest(
    conn: Connection, document_id: int, *, chunk_count: int, file_label: str
) -> tuple[int, str]:
    """Size and SHA-256 recomputed from what is stored (to verify a copy before trusting it)."""
    digest = hashlib.sha256()
    total = 0
    for data in _raw_chunks(conn, document_id, chunk_count, file_label):
        digest.update(data)
        total += len(data)
    return total, digest.hexdigest()
