"""The desktop sweep: dry-run plan, import with verification, deletion of originals only after
verification, skipped files, cancellation, permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from medvault.core.documents import DocumentKind
from medvault.core.errors import FieldError, PatientDeletedError, PermissionDeniedError
from medvault.services import desktop_sweep, documents
from medvault.services.desktop_sweep import SkipReason
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.helpers import snapshot
from tests.services.document_helpers import (
    JPEG_HEAD,
    PDF_HEAD,
    add_patient,
    audit_count,
    audit_rows,
    delete_patient,
    document_counts,
    last_audit,
    write_file,
)

CLINICAL = DocumentKind.CLINICAL
ADMIN = DocumentKind.ADMINISTRATIVE


def _desktop(root: Path) -> dict[str, bytes]:
    """A realistic desktop: documents, and what must be left alone."""
    files = {
        "bilan_dupont.pdf": PDF_HEAD + b"bilan" * 1000,
        "photo_plaie.jpg": JPEG_HEAD + b"\x00" * 5000,
        "courrier.txt": b"Cher confrere,\n",
        "vide.pdf": b"",
        ".DS_Store": b"\x00\x00\x00\x01Bud1",
        "Thumbs.db": b"thumbs",
        "desktop.ini": b"[.ShellClassInfo]",
        "~$lettre.docx": b"lock",
        "sous-dossier/ordonnance.pdf": PDF_HEAD + b"ordo",
        ".cache/secret.pdf": PDF_HEAD + b"cache",
    }
    for name, content in files.items():
        write_file(root / name, content)
    (root / "raccourci.pdf").symlink_to(root / "bilan_dupont.pdf")
    return files


def _stored(directory: Path) -> dict[str, bytes]:
    """The vault's files, without the -shm index (readers update it; it holds no data)."""
    return {k: v for k, v in snapshot(directory).items() if not k.endswith("-shm")}


def _reason(plan: desktop_sweep.SweepPlan, name: str) -> SkipReason | None:
    return next(f.skip for f in plan.files if f.path.name == name)


def test_plan_is_a_dry_run_with_reasons(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    root = tmp_path / "Bureau"
    files = _desktop(root)
    patient = add_patient(practitioner)
    before_vault = _stored(vault.directory)
    before_desk = snapshot(root)
    before_audit = audit_count(practitioner)
    plan = desktop_sweep.plan_sweep(practitioner, root, patient, kind=CLINICAL, recursive=True)
    assert _stored(vault.directory) == before_vault
    assert snapshot(root) == before_desk
    assert audit_count(practitioner) == before_audit
    planned = {f.path.name: f for f in plan.to_import}
    assert set(planned) == {"bilan_dupont.pdf", "photo_plaie.jpg", "courrier.txt", "ordonnance.pdf"}
    assert planned["bilan_dupont.pdf"].size == len(files["bilan_dupont.pdf"])
    assert planned["bilan_dupont.pdf"].media_type == "application/pdf"
    assert planned["photo_plaie.jpg"].media_type == "image/jpeg"
    assert all(f.patient_id == patient for f in plan.to_import)
    assert _reason(plan, "vide.pdf") is SkipReason.EMPTY
    assert _reason(plan, ".DS_Store") is SkipReason.HIDDEN
    assert _reason(plan, ".cache") is SkipReason.HIDDEN  # reported once, not entered
    assert _reason(plan, "Thumbs.db") is SkipReason.SYSTEM
    assert _reason(plan, "desktop.ini") is SkipReason.SYSTEM
    assert _reason(plan, "~$lettre.docx") is SkipReason.SYSTEM
    assert _reason(plan, "raccourci.pdf") is SkipReason.SYMLINK
    assert "secret.pdf" not in {f.path.name for f in plan.files}
    flat = desktop_sweep.plan_sweep(practitioner, root, patient, kind=CLINICAL)
    assert "ordonnance.pdf" not in {f.path.name for f in flat.files}
    assert desktop_sweep.describe_skip(SkipReason.EMPTY) == "Fichier vide"
    assert desktop_sweep.describe_skip(SkipReason.EMPTY, "en") == "Empty file"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_unreadable_file_is_skipped(practitioner: Session, tmp_path: Path) -> None:
    secret = write_file(tmp_path / "d" / "protege.pdf", PDF_HEAD)
    secret.chmod(0)
    try:
        plan = desktop_sweep.plan_sweep(
            practitioner, tmp_path / "d", add_patient(practitioner), kind=ADMIN
        )
    finally:
        secret.chmod(0o600)
    assert _reason(plan, "protege.pdf") is SkipReason.UNREADABLE


def test_too_large_file_is_skipped(practitioner: Session, tmp_path: Path) -> None:
    big = tmp_path / "d" / "enorme.iso"
    big.parent.mkdir()
    with big.open("wb") as out:  # sparse: no disk space used
        out.truncate(2 * 1024**3 + 1)
    plan = desktop_sweep.plan_sweep(practitioner, big.parent, add_patient(practitioner), kind=ADMIN)
    assert _reason(plan, "enorme.iso") is SkipReason.TOO_LARGE


def test_vault_folder_is_never_swept(practitioner: Session, vault: VaultInfo) -> None:
    patient = add_patient(practitioner)
    plan = desktop_sweep.plan_sweep(
        practitioner, vault.directory.parent, patient, kind=ADMIN, recursive=True
    )
    assert _reason(plan, vault.directory.name) is SkipReason.VAULT
    assert not any(vault.directory in f.path.parents for f in plan.files)
    with pytest.raises(FieldError):
        desktop_sweep.plan_sweep(practitioner, vault.directory, patient, kind=ADMIN)


def test_run_with_delete_imports_verifies_then_shreds(
    practitioner: Session, tmp_path: Path
) -> None:
    root = tmp_path / "Bureau"
    files = _desktop(root)
    patient = add_patient(practitioner)
    plan = desktop_sweep.plan_sweep(practitioner, root, patient, kind=CLINICAL, recursive=True)
    seen: list[tuple[int, int]] = []
    result = desktop_sweep.run_sweep(
        practitioner, plan, delete_originals=True, progress=lambda d, t: seen.append((d, t)) or True
    )
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert not result.cancelled
    assert (result.imported, result.verified, result.deleted, result.failed) == (4, 4, 4, 0)
    assert result.skipped == len(plan.skipped)
    for name in (
        "bilan_dupont.pdf",
        "photo_plaie.jpg",
        "courrier.txt",
        "sous-dossier/ordonnance.pdf",
    ):
        assert not (root / name).exists()
    for name in ("vide.pdf", ".DS_Store", "Thumbs.db", ".cache/secret.pdf"):
        assert (root / name).read_bytes() == files[name]
    assert (root / "raccourci.pdf").is_symlink()
    stored = {d.original_name: d for d in documents.list_clinical_documents(practitioner, patient)}
    assert set(stored) == {"bilan_dupont.pdf", "photo_plaie.jpg", "courrier.txt", "ordonnance.pdf"}
    bilan = stored["bilan_dupont.pdf"]
    assert bilan.title == "bilan dupont"
    assert documents.read_clinical_document(practitioner, bilan.id) == files["bilan_dupont.pdf"]
    creates = [r for r in audit_rows(practitioner) if r[0] == "create"]
    originals = [r for r in audit_rows(practitioner) if r[3] and r[3].endswith(":original")]
    assert len(creates) == len(originals) == 4
    assert all(r[1] == "clinical" and r[2] == str(patient) for r in creates + originals)


def test_run_without_delete_keeps_originals(practitioner: Session, tmp_path: Path) -> None:
    root = tmp_path / "Bureau"
    files = _desktop(root)
    plan = desktop_sweep.plan_sweep(practitioner, root, add_patient(practitioner), kind=ADMIN)
    before = snapshot(root)
    result = desktop_sweep.run_sweep(practitioner, plan)
    assert (result.imported, result.verified, result.deleted) == (3, 3, 0)
    assert snapshot(root) == before
    assert files


def test_verification_failure_keeps_the_original(
    practitioner: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_file(tmp_path / "d" / "a.pdf", PDF_HEAD + b"a" * 100)
    plan = desktop_sweep.plan_sweep(
        practitioner, source.parent, add_patient(practitioner), kind=ADMIN
    )
    # The stored copy is damaged between the import and its check (as a failing disk would).
    real_digest = desktop_sweep.documents_ops.stored_digest

    def damaged(session: Session, info: object) -> tuple[int, str]:
        session.admin_db.execute("UPDATE document_chunks SET data = x'00'")
        return real_digest(session, info)  # type: ignore[arg-type]

    monkeypatch.setattr(desktop_sweep.documents_ops, "stored_digest", damaged)
    result = desktop_sweep.run_sweep(practitioner, plan, delete_originals=True)
    (outcome,) = result.files
    assert (outcome.imported, outcome.verified, outcome.deleted, outcome.failed) == (
        True,
        False,
        False,
        True,
    )
    assert "original" in outcome.problem_en
    assert source.read_bytes() == PDF_HEAD + b"a" * 100


def test_original_changed_after_import_is_kept(
    practitioner: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_file(tmp_path / "d" / "a.pdf", PDF_HEAD + b"a" * 100)
    plan = desktop_sweep.plan_sweep(
        practitioner, source.parent, add_patient(practitioner), kind=ADMIN
    )
    real_digest = desktop_sweep.documents_ops.stored_digest

    def edited_meanwhile(session: Session, info: object) -> tuple[int, str]:
        source.write_bytes(PDF_HEAD + b"edited")
        return real_digest(session, info)  # type: ignore[arg-type]

    monkeypatch.setattr(desktop_sweep.documents_ops, "stored_digest", edited_meanwhile)
    result = desktop_sweep.run_sweep(practitioner, plan, delete_originals=True)
    (outcome,) = result.files
    assert (outcome.imported, outcome.verified, outcome.deleted) == (True, True, False)
    assert outcome.failed
    assert source.read_bytes() == PDF_HEAD + b"edited"


def test_cancel_stops_between_files(practitioner: Session, tmp_path: Path) -> None:
    root = tmp_path / "d"
    for i in range(5):
        write_file(root / f"doc{i}.pdf", PDF_HEAD + bytes([i]))
    plan = desktop_sweep.plan_sweep(practitioner, root, add_patient(practitioner), kind=CLINICAL)
    result = desktop_sweep.run_sweep(
        practitioner, plan, delete_originals=True, progress=lambda done, total: done < 2
    )
    assert result.cancelled
    assert (result.imported, result.deleted) == (2, 2)
    assert [f.not_processed for f in result.files] == [False, False, True, True, True]
    assert sorted(p.name for p in root.iterdir()) == ["doc2.pdf", "doc3.pdf", "doc4.pdf"]
    assert document_counts(practitioner, clinical=True)[0] == 2
    assert not practitioner.clinical_db.in_transaction


def test_mapping_of_files_to_patients(practitioner: Session, tmp_path: Path) -> None:
    root = tmp_path / "d"
    a, b, gone = (
        add_patient(practitioner),
        add_patient(practitioner, "B"),
        add_patient(practitioner, "C"),
    )
    delete_patient(practitioner, gone)
    for name in ("a.pdf", "b.pdf", "c.pdf", "orphan.pdf"):
        write_file(root / name, PDF_HEAD + name.encode())
    plan = desktop_sweep.plan_sweep(
        practitioner, root, {"a.pdf": a, root / "b.pdf": b, "c.pdf": gone}, kind=ADMIN
    )
    targets = {f.path.name: (f.patient_id, f.skip) for f in plan.files}
    assert targets == {
        "a.pdf": (a, None),
        "b.pdf": (b, None),
        "c.pdf": (gone, SkipReason.PATIENT_UNAVAILABLE),
        "orphan.pdf": (None, SkipReason.NO_PATIENT),
    }
    desktop_sweep.run_sweep(practitioner, plan)
    assert [d.original_name for d in documents.list_admin_documents(practitioner, a)] == ["a.pdf"]
    assert [d.original_name for d in documents.list_admin_documents(practitioner, b)] == ["b.pdf"]


def test_single_deleted_patient_is_refused(practitioner: Session, tmp_path: Path) -> None:
    patient = add_patient(practitioner)
    delete_patient(practitioner, patient)
    with pytest.raises(PatientDeletedError):
        desktop_sweep.plan_sweep(practitioner, tmp_path, patient, kind=ADMIN)


def test_plan_for_another_vault_is_refused(practitioner: Session, tmp_path: Path) -> None:
    write_file(tmp_path / "d" / "a.pdf", PDF_HEAD)
    plan = desktop_sweep.plan_sweep(
        practitioner, tmp_path / "d", add_patient(practitioner), kind=ADMIN
    )
    forged = desktop_sweep.SweepPlan(
        "other-vault", plan.folder, plan.kind, plan.category, False, plan.files
    )
    with pytest.raises(Exception, match="another vault"):
        desktop_sweep.run_sweep(practitioner, forged, delete_originals=True)
    assert (tmp_path / "d" / "a.pdf").exists()


def test_receptionist_sweeps_admin_documents_only(vault: VaultInfo, tmp_path: Path) -> None:
    root = tmp_path / "d"
    write_file(root / "mutuelle.pdf", PDF_HEAD + b"mutuelle")
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as practitioner:
        patient = add_patient(practitioner)
        clinical_plan = desktop_sweep.plan_sweep(practitioner, root, patient, kind=CLINICAL)
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as receptionist:
        with pytest.raises(PermissionDeniedError):
            desktop_sweep.plan_sweep(receptionist, root, patient, kind=CLINICAL)
        assert last_audit(receptionist) == (
            "update",
            "clinical",
            None,
            "clinical_document_write",
            "denied",
        )
        with pytest.raises(PermissionDeniedError):
            desktop_sweep.run_sweep(receptionist, clinical_plan, delete_originals=True)
        assert last_audit(receptionist)[4] == "denied"
        assert (root / "mutuelle.pdf").exists()
        plan = desktop_sweep.plan_sweep(receptionist, root, patient, kind=ADMIN)
        result = desktop_sweep.run_sweep(receptionist, plan, delete_originals=True)
        assert (result.imported, result.verified, result.deleted) == (1, 1, 1)
        assert not (root / "mutuelle.pdf").exists()
        (doc,) = documents.list_admin_documents(receptionist, patient)
        assert documents.read_admin_document(receptionist, doc.id) == PDF_HEAD + b"mutuelle"


def test_file_replaced_by_a_link_after_the_plan_is_not_followed(
    practitioner: Session, tmp_path: Path
) -> None:
    root = tmp_path / "d"
    planned = write_file(root / "a.pdf", PDF_HEAD + b"a")
    elsewhere = write_file(tmp_path / "elsewhere" / "other.pdf", PDF_HEAD + b"other")
    plan = desktop_sweep.plan_sweep(practitioner, root, add_patient(practitioner), kind=ADMIN)
    planned.unlink()
    planned.symlink_to(elsewhere)
    result = desktop_sweep.run_sweep(practitioner, plan, delete_originals=True)
    (outcome,) = result.files
    assert (outcome.imported, outcome.deleted, outcome.failed) == (False, False, True)
    assert elsewhere.read_bytes() == PDF_HEAD + b"other"
    assert planned.is_symlink()
    assert document_counts(practitioner, clinical=False) == (0, 0)
