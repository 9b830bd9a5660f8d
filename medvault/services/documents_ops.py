"""The document use cases for either kind, behind the permission-checked calls of documents.py
and desktop_sweep.py. Nothing here checks permissions: do not call it from outside services.

Administrative documents are written in an admin transaction; clinical documents in a clinical
transaction whose audit record commits first in admin.db. Nothing clinical (title, file name,
source) is ever written to admin.db: the audit names the document by kind and id."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.documents import (
    MAX_DOCUMENT_BYTES,
    DocumentDeletedError,
    DocumentInfo,
    DocumentKind,
    DocumentTooLargeError,
    EmptyDocumentError,
    SourceChangedError,
    SourceFileError,
    UnknownDocumentError,
    audit_target,
    guess_media_type,
    validate_deletion_reason,
    validate_fields,
)
from medvault.core.errors import DocumentImportCancelledError
from medvault.core.permissions import Area
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import blob_store, documents_repo
from medvault.storage.database import Connection

ByteProgress = Callable[[int, int], bool | None]
"""progress(bytes_read, total_bytes), called before the first chunk and after each one;
returning False cancels the import (DocumentImportCancelledError, nothing written)."""


class _WatchedStream:
    """The source as blob_store reads it, reporting each chunk and stopping when told to:
    the error raised here aborts the open transaction, so a cancelled import leaves nothing."""

    def __init__(self, raw: BinaryIO, total: int, progress: ByteProgress) -> None:
        self._raw = raw
        self._total = total
        self._progress = progress
        self._read = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(size)
        self._read += len(chunk)
        if self._progress(self._read, self._total) is False:
            raise DocumentImportCancelledError()
        return chunk


def area_of(kind: DocumentKind) -> Area:
    return Area.ADMINISTRATIVE if kind is DocumentKind.ADMINISTRATIVE else Area.CLINICAL


def connection(session: Session, kind: DocumentKind) -> Connection:
    return session.admin_db if kind is DocumentKind.ADMINISTRATIVE else session.clinical_db


@contextlib.contextmanager
def write_transaction(session: Session, kind: DocumentKind) -> Iterator[Connection]:
    """admin.db alone, or clinical.db with its audit record in admin.db (audit first)."""
    if kind is DocumentKind.ADMINISTRATIVE:
        with session.admin_transaction() as conn:
            yield conn
    else:
        with session.clinical_transaction() as conn:
            yield conn


def _open_source(path: Path, *, follow_symlinks: bool) -> tuple[int, int]:
    """An open descriptor on a regular file, and its size; SourceFileError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        raise SourceFileError() from None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise SourceFileError() from None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise SourceFileError()
    return fd, info.st_size


def import_file(
    session: Session,
    kind: DocumentKind,
    *,
    patient_id: int,
    path: Path,
    title: object,
    document_date: object,
    category: object,
    source: object = "",
    original_name: object | None = None,
    expected_sha256: str | None = None,
    follow_symlinks: bool = True,
    progress: ByteProgress | None = None,
) -> DocumentInfo:
    """One transaction: metadata, chunks streamed from the file, title index, audit record.
    Any failure (unreadable file, too large, disk full, hash mismatch, cancelled through
    `progress`) rolls all of it back."""
    path = Path(path)
    fields = validate_fields(
        kind,
        title=title,
        document_date=document_date,
        category=category,
        source=source,
        original_name=path.name if original_name is None else original_name,
        today=session.config.clock.now().date(),
    )
    fd, announced_size = _open_source(path, follow_symlinks=follow_symlinks)
    with os.fdopen(fd, "rb", buffering=0) as stream:
        if announced_size == 0:
            raise EmptyDocumentError()
        if announced_size > MAX_DOCUMENT_BYTES:
            raise DocumentTooLargeError()
        reader: BinaryIO = stream
        if progress is not None:
            if progress(0, announced_size) is False:
                raise DocumentImportCancelledError()
            # Duck-typed: blob_store only calls read().
            reader = cast(BinaryIO, _WatchedStream(stream, announced_size, progress))
        with write_transaction(session, kind) as conn:
            # Checked inside the transaction: the patient cannot be deleted half-way.
            require_patient(session.admin_db, patient_id)
            document_id = documents_repo.insert_pending(
                conn,
                kind,
                patient_id=patient_id,
                fields=fields,
                created_at=session.now(),
                created_by=session.login,
            )
            try:
                blob = blob_store.write_chunks(
                    conn,
                    document_id,
                    reader,
                    max_size=MAX_DOCUMENT_BYTES,
                    file_label=documents_repo.file_label(kind),
                )
            except OSError:
                raise SourceFileError() from None
            if blob.size == 0:
                raise EmptyDocumentError()
            if expected_sha256 is not None and blob.sha256 != expected_sha256.lower():
                raise SourceChangedError()
            media_type = guess_media_type(fields.original_name, blob.head)
            documents_repo.finish(conn, kind, document_id, media_type=media_type, blob=blob)
            if kind is DocumentKind.CLINICAL:
                documents_repo.index_title(conn, document_id, fields.title)
            session.audit(
                AuditEvent(
                    AuditAction.CREATE,
                    area_of(kind),
                    patient_id=str(patient_id),
                    target=audit_target(kind, document_id),
                )
            )
    return require_document(session, kind, document_id, allow_deleted=True)


def require_document(
    session: Session, kind: DocumentKind, document_id: int, *, allow_deleted: bool = False
) -> DocumentInfo:
    if isinstance(document_id, bool) or not isinstance(document_id, int):
        raise UnknownDocumentError()
    info = documents_repo.get(connection(session, kind), kind, document_id)
    if info is None:
        raise UnknownDocumentError()
    if info.is_deleted and not allow_deleted:
        raise DocumentDeletedError()
    return info


def content_chunks(session: Session, info: DocumentInfo) -> Iterator[bytes]:
    """The stored chunks, checked against the SHA-256 at the end (no audit: callers do)."""
    return blob_store.iter_chunks(
        connection(session, info.kind),
        info.id,
        chunk_count=info.chunk_count,
        size=info.size,
        sha256=info.sha256,
        file_label=documents_repo.file_label(info.kind),
    )


def stored_digest(session: Session, info: DocumentInfo) -> tuple[int, str]:
    """Size and SHA-256 recomputed from the stored chunks, not taken from the metadata."""
    return blob_store.stored_digest(
        connection(session, info.kind),
        info.id,
        chunk_count=info.chunk_count,
        file_label=documents_repo.file_label(info.kind),
    )


def audit_access(session: Session, info: DocumentInfo, action: AuditAction) -> None:
    session.record(
        AuditEvent(
            action, area_of(info.kind), patient_id=str(info.patient_id), target=info.audit_target
        )
    )


def open_for_reading(session: Session, kind: DocumentKind, document_id: int) -> Iterator[bytes]:
    """Audited at once (not when iteration starts), then streamed and checked at the end."""
    info = require_document(session, kind, document_id)
    audit_access(session, info, AuditAction.READ)
    return content_chunks(session, info)


def read_all(session: Session, kind: DocumentKind, document_id: int) -> bytes:
    """The whole content in memory, for a viewer; never a plaintext file on disk."""
    chunks = list(open_for_reading(session, kind, document_id))
    content = b"".join(chunks)
    chunks.clear()
    return content


def delete(session: Session, kind: DocumentKind, document_id: int, *, reason: object) -> None:
    """Soft delete: hidden from lists and search, content kept, who/when/why recorded."""
    cleaned = validate_deletion_reason(reason)
    with write_transaction(session, kind) as conn:
        info = require_document(session, kind, document_id)
        documents_repo.mark_deleted(
            conn, kind, document_id, at=session.now(), by=session.login, reason=cleaned
        )
        if kind is DocumentKind.CLINICAL:
            documents_repo.unindex_title(conn, document_id)
        session.audit(
            AuditEvent(
                AuditAction.DELETE,
                area_of(kind),
                patient_id=str(info.patient_id),
                target=info.audit_target,
            )
        )


def list_for_patient(
    session: Session, kind: DocumentKind, patient_id: int, *, include_deleted: bool
) -> list[DocumentInfo]:
    require_patient(session.admin_db, patient_id, allow_deleted=True)
    return documents_repo.list_for_patient(
        connection(session, kind), kind, patient_id, include_deleted=include_deleted
    )
