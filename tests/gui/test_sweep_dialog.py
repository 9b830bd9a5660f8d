"""The desktop sweep dialog: the dry run listed first (nothing written), then the sweep on a
worker thread with the originals kept or deleted, and a cancel between two files or within one."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from medvault.core.documents import DocumentKind
from medvault.gui.document_task import DocumentTask, TaskProgress
from medvault.gui.sweep_dialog import SweepDialog, human_size
from medvault.services import documents
from medvault.services.session import Session
from medvault.storage.blob_store import CHUNK_SIZE
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
    with qtbot.waitSignal(dialog.sweep_finished):
        dialog.run_button.click()
    assert dialog.sweep_result is not None and dialog.sweep_result.deleted == 3
    assert results(dialog)["scan_2.pdf"] == "Importé, vérifié, original supprimé"
    assert not any((folder / f"scan_{i}.pdf").exists() for i in range(3))
    assert (folder / "vide.txt").exists()  # skipped files are never touched
    assert len(documents.list_clinical_documents(practitioner, patient_id)) == 3
    assert documents.list_admin_documents(practitioner, patient_id) == []
    assert "3 original(aux) supprimé(s)" in dialog.summary_label.text()


def on_worker(dialog: SweepDialog, callback: Callable[[DocumentTask, TaskProgress], None]) -> None:
    def started(task: DocumentTask) -> None:
        task.progressed.connect(
            lambda progress: callback(task, progress), Qt.ConnectionType.DirectConnection
        )

    dialog.work_started.connect(started)


def test_cancel_between_two_files(qtbot: QtBot, receptionist: Session, tmp_path: Path) -> None:
    patient_id = add_patient(receptionist)
    folder = make_folder(tmp_path, count=4)
    dialog = make_dialog(qtbot, receptionist, folder, patient_id, DocumentKind.ADMINISTRATIVE)
    dialog.delete_check.setChecked(True)
    second_file, go_on = threading.Event(), threading.Event()

    def hold_at_second_file(_task: DocumentTask, progress: TaskProgress) -> None:
        if progress.file_number == 2 and not second_file.is_set():
            second_file.set()
            go_on.wait(10)

    on_worker(dialog, hold_at_second_file)
    with qtbot.waitSignal(dialog.sweep_finished):
        dialog.run_button.click()
        qtbot.waitUntil(second_file.is_set)
        assert dialog.busy and not dialog.close()  # the dialog stays while the sweep runs
        progress_dialog = dialog.progress_dialog
        assert progress_dialog is not None and progress_dialog.isModal()
        progress_dialog.findChild(QPushButton).click()
        go_on.set()
    result = dialog.sweep_result
    assert result is not None and result.cancelled
    assert result.imported == 1
    assert len(documents.list_admin_documents(receptionist, patient_id)) == 1
    remaining = sorted(p.name for p in folder.glob("scan_*.pdf"))
    assert len(remaining) == 3  # one imported and deleted, the others untouched
    assert list(results(dialog).values()).count("Non traité (interrompu)") == 3
    assert dialog.summary_label.text().startswith("Interrompu.")
    assert not dialog.busy and dialog.close_button.text() == "Terminer"


def test_cancel_within_a_big_file_keeps_it_whole_on_disk(
    qtbot: QtBot, practitioner: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(practitioner)
    folder = tmp_path / "Bureau"
    folder.mkdir()
    big = folder / "scanner.pdf"
    big.write_bytes(b"%PDF-1.4 " + b"s" * (4 * CHUNK_SIZE))
    dialog = make_dialog(qtbot, practitioner, folder, patient_id, DocumentKind.CLINICAL)
    dialog.delete_check.setChecked(True)

    def cancel_half_way(task: DocumentTask, progress: TaskProgress) -> None:
        if progress.done_bytes >= 2 * CHUNK_SIZE:
            task.cancel()

    on_worker(dialog, cancel_half_way)
    with qtbot.waitSignal(dialog.sweep_finished) as finished:
        dialog.run_button.click()
    result = finished.args[0]
    assert result.cancelled and result.imported == 0
    assert documents.list_clinical_documents(practitioner, patient_id) == []
    assert practitioner.clinical_db.execute("SELECT count(*) FROM document_chunks").fetchone() == (
        0,
    )
    assert big.exists()  # never deleted: it was not imported
    assert results(dialog)["scanner.pdf"] == "Non traité (interrompu)"


def test_stop_work_waits_for_the_worker(
    qtbot: QtBot, practitioner: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(practitioner)
    folder = make_folder(tmp_path, count=2)
    dialog = make_dialog(qtbot, practitioner, folder, patient_id, DocumentKind.CLINICAL)
    started = threading.Event()

    def hold_until_cancelled(task: DocumentTask, _progress: TaskProgress) -> None:
        started.set()
        assert task.wait_cancelled(10)

    on_worker(dialog, hold_until_cancelled)
    dialog.run_button.click()
    qtbot.waitUntil(started.is_set)
    dialog.stop_work()
    assert not dialog.busy
    assert documents.list_clinical_documents(practitioner, patient_id) == []
    assert not practitioner.clinical_db.in_transaction
    assert dialog.close()


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
