"""The desktop sweep dialog: the dry run listed first (nothing written), then the sweep with
the originals kept or deleted, and a cancel between two files."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from medvault.core.documents import DocumentKind
from medvault.gui.sweep_dialog import SweepDialog, human_size
from medvault.services import documents
from medvault.services.session import Session
from tests.gui.test_appointments_tab import add_patient


def make_folder(root: Path, count: int = 3) -> Path:
    folder = root / "Bureau"
    folder.mkdir()
    for index in range(count):
        (folder / f"scan_{index}.pdf").write_bytes(b"%PDF-1.4 scan " + bytes([48 + index]))
    (folder / "vide.txt").write_bytes(b"")
    (folder / "desktop.ini").write_bytes(b"[.ShellClassInfo]")
    return folder


def make_dialog(
    qtbot: QtBot, session: Session, folder: Path, patient_id: int, kind: DocumentKind
) -> SweepDialog:
    dialog = SweepDialog(session, folder, patient_id, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def results(dialog: SweepDialog) -> dict[str, str]:
    return {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 3).text()
        for row in range(dialog.table.rowCount())
    }


def test_dry_run_then_keep_originals(qtbot: QtBot, receptionist: Session, tmp_path: Path) -> None:
    patient_id = add_patient(receptionist)
    folder = make_folder(tmp_path)
    dialog = make_dialog(qtbot, receptionist, folder, patient_id, DocumentKind.ADMINISTRATIVE)
    planned = results(dialog)
    assert planned["scan_0.pdf"] == "Sera importé"
    assert planned["vide.txt"] == "Fichier vide"
    assert planned["desktop.ini"] == "Fichier système ou temporaire"
    assert dialog.run_button.text() == "Importer 3 fichier(s)"
    assert "au mieux" in dialog.delete_warning.text()
    assert "SSD" in dialog.delete_warning.text()
    assert documents.list_admin_documents(receptionist, patient_id) == []
    with qtbot.waitSignal(dialog.sweep_finished) as finished:
        dialog.run_button.click()
    result = finished.args[0]
    assert (result.imported, result.verified, result.deleted, result.cancelled) == (3, 3, 0, False)
    assert results(dialog)["scan_1.pdf"] == "Importé et vérifié"
    assert all((folder / f"scan_{i}.pdf").exists() for i in range(3))
    assert len(documents.list_admin_documents(receptionist, patient_id)) == 3
    assert not dialog.run_button.isEnabled()


def test_delete_originals_after_verification(
    qtbot: QtBot, practitioner: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(practitioner)
    folder = make_folder(tmp_path)
    dialog = make_dialog(qtbot, practitioner, folder, patient_id, DocumentKind.CLINICAL)
    dialog.delete_check.setChecked(True)
    dialog.run_button.click()
    assert dialog.sweep_result is not None and dialog.sweep_result.deleted == 3
    assert results(dialog)["scan_2.pdf"] == "Importé, vérifié, original supprimé"
    assert not any((folder / f"scan_{i}.pdf").exists() for i in range(3))
    assert (folder / "vide.txt").exists()  # skipped files are never touched
    assert len(documents.list_clinical_documents(practitioner, patient_id)) == 3
    assert documents.list_admin_documents(practitioner, patient_id) == []
    assert "3 original(aux) supprimé(s)" in dialog.summary_label.text()


def test_cancel_between_two_files(qtbot: QtBot, receptionist: Session, tmp_path: Path) -> None:
    patient_id = add_patient(receptionist)
    folder = make_folder(tmp_path, count=4)
    dialog = make_dialog(qtbot, receptionist, folder, patient_id, DocumentKind.ADMINISTRATIVE)
    dialog.delete_check.setChecked(True)

    def cancel_after_first(done: int, _total: int) -> None:
        if done == 1 and dialog.progress_dialog is not None:
            dialog.progress_dialog.cancel()

    dialog.file_progress.connect(cancel_after_first)
    dialog.run_button.click()
    result = dialog.sweep_result
    assert result is not None and result.cancelled
    assert result.imported == 1
    assert len(documents.list_admin_documents(receptionist, patient_id)) == 1
    remaining = sorted(p.name for p in folder.glob("scan_*.pdf"))
    assert len(remaining) == 3  # one imported and deleted, the others untouched
    assert list(results(dialog).values()).count("Non traité (interrompu)") == 3
    assert dialog.summary_label.text().startswith("Interrompu.")


def test_clinical_sweep_refused_to_receptionist(
    qtbot: QtBot, receptionist: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(receptionist)
    folder = make_folder(tmp_path)
    dialog = make_dialog(qtbot, receptionist, folder, patient_id, DocumentKind.CLINICAL)
    assert dialog.plan is None
    assert not dialog.run_button.isEnabled()
    assert "profil" in dialog.error_label.text()


def test_human_size() -> None:
    assert human_size(512) == "512 o"
    assert human_size(2048) == "2,0 Kio"
    assert human_size(5 * 1024**3) == "5,0 Gio"
