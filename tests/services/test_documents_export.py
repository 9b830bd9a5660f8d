"""Export to a user-chosen file, and no plaintext left anywhere by import, read or export."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from medvault.core.documents import (
    DocumentCategory,
    DocumentIntegrityError,
    ExportTargetError,
    ExportTargetExistsError,
)
from medvault.services import documents
from medvault.services.session import Session
from tests.services.document_helpers import (
    PDF_HEAD,
    add_patient,
    audit_count,
    files_containing,
    last_audit,
    write_file,
)

MARKER = b"MARQUEUR-EN-CLAIR-7f3c9a1e-" * 50


def _admin_doc(session: Session, tmp_path: Path, content: bytes) -> documents.DocumentInfo:
    patient = add_patient(session)
    return documents.import_admin_document(
        session,
        patient_id=patient,
        path=write_file(tmp_path / "src" / "carte.pdf", content),
        title="Carte Vitale",
        document_date="2024-12-01",
        category=DocumentCategory.INSURANCE,
    )


@pytest.mark.parametrize("role", ["practitioner", "receptionist"])
def test_export_writes_the_exact_bytes_and_is_audited(
    role: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    session: Session = request.getfixturevalue(role)
    content = PDF_HEAD + os.urandom(700_000)
    info = _admin_doc(session, tmp_path, content)
    out = tmp_path / "export"
    out.mkdir()
    target = documents.export_admin_document(session, info.id, out / "carte.pdf")
    assert target.read_bytes() == content
    assert sorted(p.name for p in out.iterdir()) == ["carte.pdf"]  # no temp file left
    assert last_audit(session) == (
        "export",
        "administrative",
        str(info.patient_id),
        info.audit_target,
        "success",
    )


def test_export_never_overwrites(practitioner: Session, tmp_path: Path) -> None:
    info = _admin_doc(practitioner, tmp_path, PDF_HEAD + b"new")
    target = write_file(tmp_path / "out" / "existing.pdf", b"precious")
    link = tmp_path / "out" / "dangling.pdf"
    link.symlink_to(tmp_path / "nowhere")
    before = audit_count(practitioner)
    for path in (target, link):
        with pytest.raises(ExportTargetExistsError) as caught:
            documents.export_admin_document(practitioner, info.id, path)
        assert "écrasé" in caught.value.fr and "overwritten" in caught.value.en
    assert target.read_bytes() == b"precious"
    assert not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in target.parent.iterdir()) == ["dangling.pdf", "existing.pdf"]
    assert audit_count(practitioner) == before


def test_export_to_a_missing_folder_is_refused(practitioner: Session, tmp_path: Path) -> None:
    info = _admin_doc(practitioner, tmp_path, PDF_HEAD)
    with pytest.raises(ExportTargetError):
        documents.export_admin_document(practitioner, info.id, tmp_path / "no" / "x.pdf")


def test_damaged_document_is_not_exported(practitioner: Session, tmp_path: Path) -> None:
    info = _admin_doc(practitioner, tmp_path, PDF_HEAD + b"a" * 100)
    practitioner.admin_db.execute(
        "UPDATE document_chunks SET data = ? WHERE document_id = ?",
        (PDF_HEAD + b"b" * 100, info.id),
    )
    out = tmp_path / "out"
    out.mkdir()
    before = audit_count(practitioner)
    with pytest.raises(DocumentIntegrityError):
        documents.export_admin_document(practitioner, info.id, out / "x.pdf")
    assert list(out.iterdir()) == []  # neither the target nor the temp file
    assert audit_count(practitioner) == before


def test_no_plaintext_under_vault_or_temp_after_import_and_read(
    practitioner: Session, vault: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp_dir = tmp_path / "tmp"
    temp_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp_dir))
    source = write_file(tmp_path / "src" / "note.txt", MARKER)
    patient = add_patient(practitioner)
    admin = documents.import_admin_document(
        practitioner,
        patient_id=patient,
        path=source,
        title="Attestation",
        document_date="2024-01-01",
        category=DocumentCategory.INSURANCE,
    )
    clinical = documents.import_clinical_document(
        practitioner,
        patient_id=patient,
        path=source,
        title="Compte rendu",
        document_date="2024-01-01",
        category=DocumentCategory.REPORT,
    )
    assert documents.read_admin_document(practitioner, admin.id) == MARKER
    assert b"".join(documents.iter_clinical_document_chunks(practitioner, clinical.id)) == MARKER
    # The scan is meaningful: the marker is found where it is in clear.
    assert files_containing(MARKER[:40], tmp_path) == [source]
    assert files_containing(MARKER[:40], practitioner.directory, temp_dir) == []
    practitioner.close()
    assert files_containing(MARKER[:40], tmp_path, exclude=(source,)) == []
