"""Documents stored encrypted inside the vault, one permission-checked call per use case and
kind: administrative documents (admin.db, both roles) and clinical documents (clinical.db,
practitioner only).

Content never touches the disk in clear: read_* returns bytes for an in-memory viewer, iter_*
streams chunks; both check the SHA-256 (DocumentIntegrityError at the end of a damaged
stream). export_* is the one way out to a file, audited as EXPORT. import_* take an optional
progress(bytes_read, total) callback that can cancel: nothing of a cancelled import is kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from medvault.core.documents import (
    DocumentCategory,
    DocumentInfo,
    DocumentKind,
)
from medvault.core.permissions import Permission
from medvault.services import documents_export, documents_ops
from medvault.services.authz import requires
from medvault.services.documents_ops import ByteProgress
from medvault.services.session import Session
from medvault.storage import documents_repo

ADMIN = DocumentKind.ADMINISTRATIVE
CLINICAL = DocumentKind.CLINICAL
MAX_SEARCH_RESULTS = 200


# -- administrative documents --------------------------------------------------------------------
@requires(Permission.ADMIN_DOCUMENT_WRITE)
def import_admin_document(
    session: Session,
    *,
    patient_id: int,
    path: Path,
    title: str,
    document_date: object,
    category: DocumentCategory | str,
    source: str = "",
    original_name: str | None = None,
    expected_sha256: str | None = None,
    progress: ByteProgress | None = None,
) -> DocumentInfo:
    return documents_ops.import_file(
        session,
        ADMIN,
        patient_id=patient_id,
        path=path,
        title=title,
        document_date=document_date,
        category=category,
        source=source,
        original_name=original_name,
        expected_sha256=expected_sha256,
        progress=progress,
    )


@requires(Permission.ADMIN_DOCUMENT_READ)
def list_admin_documents(
    session: Session, patient_id: int, *, include_deleted: bool = False
) -> list[DocumentInfo]:
    return documents_ops.list_for_patient(
        session, ADMIN, patient_id, include_deleted=include_deleted
    )


@requires(Permission.ADMIN_DOCUMENT_READ)
def get_admin_document(session: Session, document_id: int) -> DocumentInfo:
    return documents_ops.require_document(session, ADMIN, document_id, allow_deleted=True)


@requires(Permission.ADMIN_DOCUMENT_READ)
def read_admin_document(session: Session, document_id: int) -> bytes:
    return documents_ops.read_all(session, ADMIN, document_id)


@requires(Permission.ADMIN_DOCUMENT_READ)
def iter_admin_document_chunks(session: Session, document_id: int) -> Iterator[bytes]:
    return documents_ops.open_for_reading(session, ADMIN, document_id)


@requires(Permission.ADMIN_DOCUMENT_READ)
def export_admin_document(session: Session, document_id: int, target_path: Path) -> Path:
    return documents_export.export(session, ADMIN, document_id, target_path)


@requires(Permission.ADMIN_DOCUMENT_WRITE)
def delete_admin_document(session: Session, document_id: int, *, reason: str) -> None:
    documents_ops.delete(session, ADMIN, document_id, reason=reason)


# -- clinical documents ----------------------------------------------------------------------------
@requires(Permission.CLINICAL_DOCUMENT_WRITE)
def import_clinical_document(
    session: Session,
    *,
    patient_id: int,
    path: Path,
    title: str,
    document_date: object,
    category: DocumentCategory | str,
    source: str = "",
    original_name: str | None = None,
    expected_sha256: str | None = None,
    progress: ByteProgress | None = None,
) -> DocumentInfo:
    return documents_ops.import_file(
        session,
        CLINICAL,
        patient_id=patient_id,
        path=path,
        title=title,
        document_date=document_date,
        category=category,
        source=source,
        original_name=original_name,
        expected_sha256=expected_sha256,
        progress=progress,
    )


@requires(Permission.CLINICAL_DOCUMENT_READ)
def list_clinical_documents(
    session: Session, patient_id: int, *, include_deleted: bool = False
) -> list[DocumentInfo]:
    return documents_ops.list_for_patient(
        session, CLINICAL, patient_id, include_deleted=include_deleted
    )


@requires(Permission.CLINICAL_DOCUMENT_READ)
def get_clinical_document(session: Session, document_id: int) -> DocumentInfo:
    return documents_ops.require_document(session, CLINICAL, document_id, allow_deleted=True)


@requires(Permission.CLINICAL_DOCUMENT_READ)
def read_clinical_document(session: Session, document_id: int) -> bytes:
    return documents_ops.read_all(session, CLINICAL, document_id)


@requires(Permission.CLINICAL_DOCUMENT_READ)
def iter_clinical_document_chunks(session: Session, document_id: int) -> Iterator[bytes]:
    return documents_ops.open_for_reading(session, CLINICAL, document_id)


@requires(Permission.CLINICAL_DOCUMENT_READ)
def export_clinical_document(session: Session, document_id: int, target_path: Path) -> Path:
    return documents_export.export(session, CLINICAL, document_id, target_path)


@requires(Permission.CLINICAL_DOCUMENT_WRITE)
def delete_clinical_document(session: Session, document_id: int, *, reason: str) -> None:
    documents_ops.delete(session, CLINICAL, document_id, reason=reason)


@requires(Permission.CLINICAL_DOCUMENT_READ)
def search_clinical_documents(
    session: Session, query: str, *, patient_id: int | None = None, limit: int = 20
) -> list[DocumentInfo]:
    """Live clinical documents whose title holds every word of the query as a word prefix
    (accents and case ignored), newest first, at most `limit`."""
    limit = max(0, min(int(limit), MAX_SEARCH_RESULTS))
    return documents_repo.search_titles(
        session.clinical_db, query, patient_id=patient_id, limit=limit
    )
