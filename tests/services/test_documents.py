"""Document use cases for both roles: import, list, read, search, delete, permissions, audit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from medvault.core.documents import (
    DocumentCategory,
    DocumentDeletedError,
    DocumentIntegrityError,
    DocumentKind,
    EmptyDocumentError,
    SourceChangedError,
    SourceFileError,
    UnknownDocumentError,
)
from medvault.core.errors import (
    FieldError,
    PatientDeletedError,
    PermissionDeniedError,
    UnknownPatientError,
)
from medvault.services import documents
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.services.document_helpers import (
    PDF_HEAD,
    PNG_HEAD,
    add_patient,
    audit_count,
    delete_patient,
    document_counts,
    last_audit,
    write_file,
)


def _import_admin(
    session: Session, patient_id: int, path: Path, **kw: object
) -> documents.DocumentInfo:
    values: dict[str, object] = {
        "title": "Attestation mutuelle",
        "document_date": "2025-01-10",
        "category": DocumentCategory.INSURANCE,
        "source": "Mutuelle MGEN",
    }
    values.update(kw)
    return documents.import_admin_document(session, patient_id=patient_id, path=path, **values)  # type: ignore[arg-type]


def _import_clinical(
    session: Session, patient_id: int, path: Path, **kw: object
) -> documents.DocumentInfo:
    values: dict[str, object] = {
        "title": "Hémogramme et ferritine",
        "document_date": "2025-02-03",
        "category": DocumentCategory.LAB_RESULT,
        "source": "Laboratoire du Parc",
    }
    values.update(kw)
    return documents.import_clinical_document(session, patient_id=patient_id, path=path, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", ["practitioner", "receptionist"])
def test_admin_document_round_trip_for_both_roles(
    role: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    session: Session = request.getfixturevalue(role)
    patient = add_patient(session)
    content = PDF_HEAD + bytes(range(256)) * 3000
    source = write_file(tmp_path / "in" / "mutuelle.scan", content)
    info = _import_admin(session, patient, source)
    assert (info.kind, info.patient_id, info.size) == (
        DocumentKind.ADMINISTRATIVE,
        patient,
        len(content),
    )
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert info.media_type == "application/pdf"
    assert (info.original_name, info.source, info.created_by) == (
        "mutuelle.scan",
        "Mutuelle MGEN",
        session.login,
    )
    assert info.chunk_count == 3
    assert last_audit(session) == (
        "create",
        "administrative",
        str(patient),
        f"admin_document:{info.id}",
        "success",
    )
    assert documents.read_admin_document(session, info.id) == content
    assert last_audit(session) == (
        "read",
        "administrative",
        str(patient),
        f"admin_document:{info.id}",
        "success",
    )
    assert b"".join(documents.iter_admin_document_chunks(session, info.id)) == content
    assert [d.id for d in documents.list_admin_documents(session, patient)] == [info.id]
    assert documents.get_admin_document(session, info.id) == info


def test_clinical_document_round_trip_and_search(practitioner: Session, tmp_path: Path) -> None:
    patient = add_patient(practitioner)
    other = add_patient(practitioner, "MARTIN")
    content = PNG_HEAD + b"\x00" * 1000
    info = _import_clinical(practitioner, patient, write_file(tmp_path / "ecg.bin", content))
    _import_clinical(
        practitioner, other, write_file(tmp_path / "b.pdf", PDF_HEAD), title="Hémoculture"
    )
    assert info.media_type == "image/png"
    assert last_audit(practitioner) == (
        "create",
        "clinical",
        str(other),
        "clinical_document:2",
        "success",
    )
    assert documents.read_clinical_document(practitioner, info.id) == content
    assert [d.id for d in documents.list_clinical_documents(practitioner, patient)] == [info.id]
    found = documents.search_clinical_documents(practitioner, "hemo")
    assert [d.patient_id for d in found] == [other, patient]
    assert [
        d.id for d in documents.search_clinical_documents(practitioner, "hemo", patient_id=patient)
    ] == [info.id]
    assert len(documents.search_clinical_documents(practitioner, "hemo", limit=1)) == 1


def test_clinical_text_never_reaches_admin_db(practitioner: Session, tmp_path: Path) -> None:
    patient = add_patient(practitioner)
    info = _import_clinical(
        practitioner,
        patient,
        write_file(tmp_path / "vih_serologie.pdf", PDF_HEAD),
        title="Sérologie VIH",
        source="Institut Pasteur",
    )
    documents.export_clinical_document(practitioner, info.id, tmp_path / "out.pdf")
    documents.delete_clinical_document(practitioner, info.id, reason="Erreur de patient VIH")
    admin = practitioner.admin_db
    tables = [r[0] for r in admin.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in admin.execute(f"SELECT * FROM {table}").fetchall():
            text = " ".join(str(v) for v in row)
            for secret in ("VIH", "Pasteur", "vih_serologie", "Sérologie"):
                assert secret not in text, table


def test_receptionist_is_denied_clinical_documents_and_audited(
    vault: VaultInfo, tmp_path: Path
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as practitioner:
        patient = add_patient(practitioner)
        info = _import_clinical(practitioner, patient, write_file(tmp_path / "a.pdf", PDF_HEAD))
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as receptionist:
        source = write_file(tmp_path / "b.pdf", PDF_HEAD)
        calls = {
            "clinical_document_write": [
                lambda: _import_clinical(receptionist, patient, source),
                lambda: documents.delete_clinical_document(receptionist, info.id, reason="x"),
            ],
            "clinical_document_read": [
                lambda: documents.read_clinical_document(receptionist, info.id),
                lambda: documents.iter_clinical_document_chunks(receptionist, info.id),
                lambda: documents.list_clinical_documents(receptionist, patient),
                lambda: documents.get_clinical_document(receptionist, info.id),
                lambda: documents.search_clinical_documents(receptionist, "a"),
                lambda: documents.export_clinical_document(
                    receptionist, info.id, tmp_path / "x.pdf"
                ),
            ],
        }
        for code, attempts in calls.items():
            for attempt in attempts:
                with pytest.raises(PermissionDeniedError):
                    attempt()
                assert last_audit(receptionist) == (
                    "read" if code.endswith("read") else "update",
                    "clinical",
                    None,
                    code,
                    "denied",
                )
        assert not (tmp_path / "x.pdf").exists()


def test_import_needs_a_live_patient(practitioner: Session, tmp_path: Path) -> None:
    source = write_file(tmp_path / "a.pdf", PDF_HEAD)
    before = audit_count(practitioner)
    with pytest.raises(UnknownPatientError):
        _import_admin(practitioner, 999, source)
    with pytest.raises(UnknownPatientError):
        _import_clinical(practitioner, 999, source)
    patient = add_patient(practitioner)
    delete_patient(practitioner, patient)
    with pytest.raises(PatientDeletedError):
        _import_clinical(practitioner, patient, source)
    assert document_counts(practitioner, clinical=False) == (0, 0)
    assert document_counts(practitioner, clinical=True) == (0, 0)
    assert audit_count(practitioner) == before


@pytest.mark.parametrize("clinical", [False, True])
def test_failed_imports_leave_nothing(
    practitioner: Session, tmp_path: Path, clinical: bool
) -> None:
    patient = add_patient(practitioner)
    run = _import_clinical if clinical else _import_admin
    content = PDF_HEAD + b"y" * 600_000
    source = write_file(tmp_path / "a.pdf", content)
    empty = write_file(tmp_path / "empty.pdf", b"")
    before = audit_count(practitioner)
    with pytest.raises(SourceFileError):
        run(practitioner, patient, tmp_path / "missing.pdf")
    with pytest.raises(SourceFileError):
        run(practitioner, patient, tmp_path)  # a folder
    with pytest.raises(EmptyDocumentError):
        run(practitioner, patient, empty)
    with pytest.raises(SourceChangedError):  # the hash read is not the one expected
        run(practitioner, patient, source, expected_sha256="0" * 64)
    with pytest.raises(FieldError):
        run(practitioner, patient, source, title="")
    assert document_counts(practitioner, clinical=clinical) == (0, 0)
    assert audit_count(practitioner) == before
    assert not practitioner.admin_db.in_transaction
    good = run(practitioner, patient, source, expected_sha256=hashlib.sha256(content).hexdigest())
    assert document_counts(practitioner, clinical=clinical) == (1, good.chunk_count)


@pytest.mark.parametrize("clinical", [False, True])
def test_soft_delete_keeps_who_when_why(
    practitioner: Session, tmp_path: Path, clinical: bool
) -> None:
    patient = add_patient(practitioner)
    run = _import_clinical if clinical else _import_admin
    info = run(practitioner, patient, write_file(tmp_path / "a.pdf", PDF_HEAD))
    kept = run(practitioner, patient, write_file(tmp_path / "b.pdf", PDF_HEAD))
    delete = documents.delete_clinical_document if clinical else documents.delete_admin_document
    listing = documents.list_clinical_documents if clinical else documents.list_admin_documents
    read = documents.read_clinical_document if clinical else documents.read_admin_document
    get = documents.get_clinical_document if clinical else documents.get_admin_document
    with pytest.raises(FieldError):
        delete(practitioner, info.id, reason=" ")
    delete(practitioner, info.id, reason="Doublon")
    area = "clinical" if clinical else "administrative"
    assert last_audit(practitioner) == ("delete", area, str(patient), info.audit_target, "success")
    assert [d.id for d in listing(practitioner, patient)] == [kept.id]
    gone = get(practitioner, info.id)
    assert (gone.deletion_reason, gone.deleted_by) == ("Doublon", practitioner.login)
    assert gone.deleted_at is not None
    assert [d.id for d in listing(practitioner, patient, include_deleted=True)] == [
        kept.id,
        info.id,
    ]
    with pytest.raises(DocumentDeletedError):
        read(practitioner, info.id)
    with pytest.raises(DocumentDeletedError):
        delete(practitioner, info.id, reason="encore")
    with pytest.raises(UnknownDocumentError):
        read(practitioner, 12345)
    if clinical:
        assert [d.id for d in documents.search_clinical_documents(practitioner, "hemo")] == [
            kept.id
        ]


def test_damaged_content_is_reported(practitioner: Session, tmp_path: Path) -> None:
    patient = add_patient(practitioner)
    info = _import_admin(
        practitioner, patient, write_file(tmp_path / "a.pdf", PDF_HEAD + b"z" * 10)
    )
    practitioner.admin_db.execute(
        "UPDATE document_chunks SET data = ? WHERE document_id = ?", (PDF_HEAD + b"Z" * 10, info.id)
    )
    with pytest.raises(DocumentIntegrityError) as caught:
        documents.read_admin_document(practitioner, info.id)
    assert "SHA-256" in caught.value.fr and "SHA-256" in caught.value.en
    with pytest.raises(DocumentIntegrityError):
        b"".join(documents.iter_admin_document_chunks(practitioner, info.id))


def test_documents_of_a_deleted_patient_stay_listed(practitioner: Session, tmp_path: Path) -> None:
    patient = add_patient(practitioner)
    info = _import_admin(practitioner, patient, write_file(tmp_path / "a.pdf", PDF_HEAD))
    delete_patient(practitioner, patient)
    assert [d.id for d in documents.list_admin_documents(practitioner, patient)] == [info.id]
    with pytest.raises(UnknownPatientError):
        documents.list_admin_documents(practitioner, 999)
