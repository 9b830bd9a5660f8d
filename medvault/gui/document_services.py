"""The document services of each kind, so a documents tab never mixes administrative and
clinical calls: a tab is given the calls of its own kind and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from medvault.core.documents import DocumentInfo, DocumentKind
from medvault.services import documents
from medvault.services.session import Session


@dataclass(frozen=True)
class KindServices:
    import_document: Callable[..., DocumentInfo]
    list_documents: Callable[[Session, int], list[DocumentInfo]]
    read_document: Callable[[Session, int], bytes]
    export_document: Callable[[Session, int, Path], Path]


def services_for(kind: DocumentKind) -> KindServices:
    if DocumentKind(kind) is DocumentKind.CLINICAL:
        return KindServices(
            documents.import_clinical_document,
            documents.list_clinical_documents,
            documents.read_clinical_document,
            documents.export_clinical_document,
        )
    return KindServices(
        documents.import_admin_document,
        documents.list_admin_documents,
        documents.read_admin_document,
        documents.export_admin_document,
    )
