"""Progress and cancel hooks of document imports and of the desktop sweep: a cancelled import,
even half-way through a big file, leaves no document, no chunk and no audit record."""

from __future__ import annotations

from pathlib import Path

import pytest

from medvault.core.documents import DocumentCategory, DocumentKind
from medvault.core.errors import DocumentImportCancelledError
from medvault.services import desktop_sweep, documents
from medvault.services.session import Session
from medvault.storage.blob_store import CHUNK_SIZE
from tests.services.document_helpers import (
    PDF_HEAD,
    add_patient,
    audit_count,
    document_counts,
    write_file,
)

SIZE = 5 * CHUNK_SIZE + 123


def _import(
    session: Session, patient: int, path: Path, *, clinical: bool, **hooks: object
) -> object:
    run = documents.import_clinical_document if clinical else documents.import_admin_document
    category = DocumentCategory.LAB_RESULT if clinical else DocumentCategory.BILLING
    return run(
        session,
        patient_id=patient,
        path=path,
        title="Relevé",
        document_date="2025-01-01",
        category=category,
        **hooks,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("clinical", [False, True])
def test_progress_follows_every_chunk(
    practitioner: Session, tmp_path: Path, clinical: bool
) -> None:
    patient = add_patient(practitioner)
    source = write_file(tmp_path / "scan.pdf", PDF_HEAD + b"x" * (SIZE - len(PDF_HEAD)))
    seen: list[tuple[int, int]] = []
    _import(practitioner, patient, source, clinical=clinical,
            progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen[0] == (0, SIZE)
    assert seen[-1] == (SIZE, SIZE)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert len({done for done, _ in seen}) == 7  # 0, five full chunks, the tail
    assert document_counts(practitioner, clinical=clinical)[0] == 1


@pytest.mark.parametrize("clinical", [False, True])
@pytest.mark.parametrize("stop_at", [0, 2 * CHUNK_SIZE, SIZE])
def test_cancelled_import_leaves_nothing(
    practitioner: Session, tmp_path: Path, clinical: bool, stop_at: int
) -> None:
    patient = add_patient(practitioner)
    source = write_file(tmp_path / "scan.pdf", PDF_HEAD + b"y" * (SIZE - len(PDF_HEAD)))
    before = audit_count(practitioner)
    with pytest.raises(DocumentImportCancelledError) as cancelled:
        _import(practitioner, patient, source, clinical=clinical,
                progress=lambda done, _total: done < stop_at)  # fmt: skip
    assert "interrompu" in cancelled.value.message("fr")
    assert "cancelled" in cancelled.value.message("en")
    assert document_counts(practitioner, clinical=clinical) == (0, 0)
    assert audit_count(practitioner) == before
    assert not practitioner.admin_db.in_transaction
    assert not practitioner.clinical_db.in_transaction
    assert source.exists()  # the source is never touched by an import


def test_receptionist_import_cancels_the_same_way(receptionist: Session, tmp_path: Path) -> None:
    patient = add_patient(receptionist)
    source = write_file(tmp_path / "mutuelle.pdf", PDF_HEAD + b"z" * SIZE)
    with pytest.raises(DocumentImportCancelledError):
        _import(receptionist, patient, source, clinical=False,
                progress=lambda done, _total: done == 0)  # fmt: skip
    assert document_counts(receptionist, clinical=False) == (0, 0)
    info = _import(receptionist, patient, source, clinical=False)
    assert document_counts(receptionist, clinical=False)[0] == 1 and info is not None


def test_sweep_cancelled_within_a_big_file_rolls_that_file_back(
    practitioner: Session, tmp_path: Path
) -> None:
    root = tmp_path / "Bureau"
    write_file(root / "a_petit.pdf", PDF_HEAD + b"a")
    write_file(root / "b_gros.pdf", PDF_HEAD + b"b" * SIZE)
    write_file(root / "c_petit.pdf", PDF_HEAD + b"c")
    patient = add_patient(practitioner)
    plan = desktop_sweep.plan_sweep(practitioner, root, patient, kind=DocumentKind.CLINICAL)
    before_files = sorted(p.name for p in root.iterdir())

    def stop_in_the_big_one(done: int, total: int) -> bool:
        return not (total > CHUNK_SIZE and done >= 2 * CHUNK_SIZE)

    result = desktop_sweep.run_sweep(
        practitioner, plan, delete_originals=True, file_progress=stop_in_the_big_one
    )
    assert result.cancelled
    outcomes = {f.path.name: f for f in result.files}
    assert (outcomes["a_petit.pdf"].imported, outcomes["a_petit.pdf"].deleted) == (True, True)
    assert outcomes["b_gros.pdf"].not_processed and not outcomes["b_gros.pdf"].imported
    assert not outcomes["b_gros.pdf"].failed
    assert outcomes["c_petit.pdf"].not_processed
    assert result.imported == 1
    # Only the first file is in the vault; the big one left no chunk behind.
    (stored,) = documents.list_clinical_documents(practitioner, patient)
    assert stored.original_name == "a_petit.pdf"
    assert document_counts(practitioner, clinical=True) == (1, stored.chunk_count)
    assert sorted(p.name for p in root.iterdir()) == [n for n in before_files if n != "a_petit.pdf"]
    assert not practitioner.clinical_db.in_transaction
