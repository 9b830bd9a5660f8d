"""Document metadata and the clinical title index on a real SQLCipher database."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from medvault.core.documents import DocumentCategory, DocumentFields, DocumentKind
from medvault.core.secrets import SecretKey
from medvault.storage import blob_store, documents_repo
from medvault.storage.database import Connection, close_database, open_database, transaction
from medvault.storage.migrations import CLINICAL_MIGRATIONS, migrate

KIND = DocumentKind.CLINICAL


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_database(tmp_path / "clinical.db", SecretKey.generate(), create=True)
    migrate(connection, CLINICAL_MIGRATIONS, "clinical.db")
    yield connection
    close_database(connection)


def _add(conn: Connection, title: str, *, patient_id: int = 1, day: int = 1) -> int:
    fields = DocumentFields(title, date(2024, 5, day), DocumentCategory.LETTER, "CHU", "x.pdf")
    with transaction(conn, "clinical.db"):
        doc_id = documents_repo.insert_pending(
            conn, KIND, patient_id=patient_id, fields=fields, created_at="t", created_by="dr"
        )
        blob = blob_store.write_chunks(
            conn, doc_id, io.BytesIO(b"%PDF-1.4 content"), max_size=100, file_label="clinical.db"
        )
        documents_repo.finish(conn, KIND, doc_id, media_type="application/pdf", blob=blob)
        documents_repo.index_title(conn, doc_id, title)
    return doc_id


def test_metadata_round_trip(conn: Connection) -> None:
    doc_id = _add(conn, "Compte rendu opératoire")
    info = documents_repo.get(conn, KIND, doc_id)
    assert info is not None
    assert (info.title, info.source, info.original_name) == (
        "Compte rendu opératoire",
        "CHU",
        "x.pdf",
    )
    assert (info.size, info.chunk_count, info.media_type) == (16, 1, "application/pdf")
    assert info.document_date == date(2024, 5, 1)
    assert info.category is DocumentCategory.LETTER
    assert not info.is_deleted
    assert documents_repo.get(conn, KIND, doc_id + 1) is None


def test_list_newest_first_without_deleted(conn: Connection) -> None:
    old = _add(conn, "Ancien", day=1)
    new = _add(conn, "Récent", day=9)
    _add(conn, "Autre patient", patient_id=2)
    assert [d.id for d in documents_repo.list_for_patient(conn, KIND, 1)] == [new, old]
    with transaction(conn, "clinical.db"):
        documents_repo.mark_deleted(conn, KIND, old, at="t2", by="dr", reason="doublon")
    assert [d.id for d in documents_repo.list_for_patient(conn, KIND, 1)] == [new]
    every = documents_repo.list_for_patient(conn, KIND, 1, include_deleted=True)
    deleted = next(d for d in every if d.id == old)
    assert (deleted.deleted_at, deleted.deleted_by, deleted.deletion_reason) == (
        "t2",
        "dr",
        "doublon",
    )


def test_search_prefix_accents_and_case(conn: Connection) -> None:
    hemo = _add(conn, "Hémogramme complet")
    _add(conn, "Radio du thorax")
    assert [d.id for d in documents_repo.search_titles(conn, "hemo", patient_id=None, limit=5)] == [
        hemo
    ]
    assert [
        d.id for d in documents_repo.search_titles(conn, "COMPL hémo", patient_id=None, limit=5)
    ] == [hemo]
    assert documents_repo.search_titles(conn, "hemo thorax", patient_id=None, limit=5) == []


def test_search_limit_first_newest_first_and_patient_filter(conn: Connection) -> None:
    ids = [_add(conn, f"Bilan {i}", patient_id=1 + i % 2) for i in range(10)]
    top = documents_repo.search_titles(conn, "bilan", patient_id=None, limit=3)
    assert [d.id for d in top] == ids[::-1][:3]
    mine = documents_repo.search_titles(conn, "bilan", patient_id=2, limit=100)
    assert [d.id for d in mine] == [i for i in ids[::-1] if (i - ids[0]) % 2 == 1]
    assert documents_repo.search_titles(conn, "bilan", patient_id=None, limit=0) == []


def test_unindexed_title_is_not_found(conn: Connection) -> None:
    doc_id = _add(conn, "Échographie")
    with transaction(conn, "clinical.db"):
        documents_repo.unindex_title(conn, doc_id)
    assert documents_repo.search_titles(conn, "echo", patient_id=None, limit=5) == []


@pytest.mark.parametrize(
    "query", ['"', "NEAR(a b)", "a OR", "*", "title:x", "-x", "^", "(((", "' OR 1=1 --", ""]
)
def test_user_query_is_never_fts_syntax(conn: Connection, query: str) -> None:
    _add(conn, "Bilan")
    documents_repo.search_titles(conn, query, patient_id=None, limit=5)  # no syntax error
    assert documents_repo.match_expression("   ") is None
