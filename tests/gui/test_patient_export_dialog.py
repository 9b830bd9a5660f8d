"""The patient export on its worker thread: the dialog shows a busy state and keeps off the
session while the job runs elsewhere, the file opens with the password shown once, a failure
or a cancel is said plainly and leaves no file, and closing the file window or locking the
vault during an export ends cleanly."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from medvault.core.documents import ExportTargetExistsError
from medvault.core.patient_export_archive import read_export
from medvault.gui.consent_tab import ConsentTab
from medvault.gui.document_task import DocumentTask, TaskProgress
from medvault.gui.main_window import MainWindow
from medvault.gui.patient_export_dialog import PatientExportDialog
from medvault.services import documents
from medvault.services.session import Session
from medvault.storage.blob_store import CHUNK_SIZE
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.gui.conftest import RecordingDialogs
from tests.gui.test_patient_list_model import add_patient

BIG = 2 * CHUNK_SIZE + 17  # a few chunks per document: progress and cancel within one


def with_documents(session: Session, tmp_path: Path, count: int = 2) -> int:
    patient_id = add_patient(session, "Export")
    source = tmp_path / "scan.txt"
    for number in range(count):
        source.write_bytes(bytes([65 + number]) * BIG)
        documents.import_admin_document(
            session,
            patient_id=patient_id,
            path=source,
            title=f"Courrier {number}",
            document_date=date(2024, 1, 2),
            category="insurance",
        )
    source.unlink()
    return patient_id


def on_worker(
    dialog: PatientExportDialog, callback: Callable[[DocumentTask, TaskProgress], None]
) -> None:
    """Run `callback` on the worker thread at each progress report of the next export."""

    def started(task: DocumentTask) -> None:
        task.progressed.connect(
            lambda progress: callback(task, progress), Qt.ConnectionType.DirectConnection
        )

    dialog.exporter.work_started.connect(started)


def hold_until_cancelled(dialog: PatientExportDialog) -> threading.Event:
    """The export stops at its first report and waits there for a cancel."""
    started = threading.Event()

    def hold(task: DocumentTask, _progress: TaskProgress) -> None:
        started.set()
        assert task.wait_cancelled(10)

    on_worker(dialog, hold)
    return started


def exports(session: Session) -> list[str]:
    rows = session.admin_db.execute(
        "SELECT target FROM audit_log WHERE action = 'export' ORDER BY seq"
    ).fetchall()
    return [str(r[0]) for r in rows]


def test_export_runs_on_a_worker_thread_and_opens_with_its_password(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    patient_id = with_documents(practitioner, tmp_path)
    dialog = PatientExportDialog(practitioner, patient_id, dialogs)
    qtbot.addWidget(dialog)
    dialog.show()
    gui_thread = QThread.currentThread()
    threads: list[bool] = []
    reports: list[TaskProgress] = []

    def record(_task: DocumentTask, progress: TaskProgress) -> None:
        threads.append(QThread.currentThread() is gui_thread)
        reports.append(progress)

    on_worker(dialog, record)
    busy: list[bool] = []
    dialog.busy_changed.connect(busy.append)
    dialogs.queue_answers(tmp_path / "dossier")
    with qtbot.waitSignal(dialog.exporter.export_finished) as finished:
        dialog.export_button.click()
        # Until `finished` comes back to this thread, the dialog shows its busy state.
        assert dialog.busy and not dialog.choice_page.isEnabled()
        progress = dialog.exporter.progress_dialog
        assert progress is not None and progress.isVisible()
        assert progress.windowModality() == Qt.WindowModality.ApplicationModal
    assert threads and not any(threads)  # every report came from the worker thread
    assert {(r.file_count, r.total_bytes) for r in reports} == {(2, 2 * BIG)}
    assert reports[-1].done_bytes == 2 * BIG
    assert busy == [True, False] and not dialog.busy and dialog.choice_page.isEnabled()

    assert finished.args is not None and finished.args[0] is dialog.result_info
    password = dialog.password_label.text()
    assert dialog.pages.currentIndex() == 1 and dialog.result_info.password == password
    files = read_export(io.BytesIO((tmp_path / "dossier.zip").read_bytes()), password)
    attached = sorted(name for name in files if name.startswith("documents/"))
    assert [files[name] for name in attached] == [b"A" * BIG, b"B" * BIG]
    assert "2 document(s)" in dialog.done_label.text()
    assert len(exports(practitioner)) == 1


def test_a_failing_export_shows_its_error_and_keeps_the_existing_file(
    qtbot: QtBot, receptionist: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    patient_id = with_documents(receptionist, tmp_path, count=1)
    taken = tmp_path / "pris.zip"
    taken.write_bytes(b"keep")
    dialog = PatientExportDialog(receptionist, patient_id, dialogs)
    qtbot.addWidget(dialog)
    dialogs.queue_answers(taken)
    with qtbot.waitSignal(dialog.exporter.export_failed):
        dialog.export_button.click()
    assert dialog.error_label.text() == ExportTargetExistsError().message("fr")
    assert dialog.pages.currentIndex() == 0 and dialog.choice_page.isEnabled()
    assert taken.read_bytes() == b"keep" and exports(receptionist) == []

    dialogs.queue_answers(tmp_path / "libre.zip")  # the dialog is usable again
    with qtbot.waitSignal(dialog.exporter.export_finished):
        dialog.export_button.click()
    assert dialog.error_label.text() == "" and dialog.pages.currentIndex() == 1


def test_cancel_from_the_progress_dialog_keeps_no_file(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    patient_id = with_documents(practitioner, tmp_path)
    folder = tmp_path / "envoi"
    folder.mkdir()
    dialog = PatientExportDialog(practitioner, patient_id, dialogs)
    qtbot.addWidget(dialog)
    dialog.show()
    started = hold_until_cancelled(dialog)
    dialogs.queue_answers(folder / "dossier.zip")
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set)
    dialog.reject()  # Esc on the export dialog does not pull the session from the worker
    assert dialog.isVisible() and dialog.busy
    progress = dialog.exporter.progress_dialog
    assert progress is not None
    (cancel_button,) = progress.findChildren(QPushButton)
    assert cancel_button.text() == "Interrompre"
    with qtbot.waitSignal(dialog.exporter.export_failed):
        cancel_button.click()
    assert dialog.error_label.text().startswith("Export interrompu")
    assert list(folder.iterdir()) == []  # neither the file nor its temp file
    assert exports(practitioner) == [] and not dialog.busy
    assert dialog.pages.currentIndex() == 0 and dialog.choice_page.isEnabled()


def test_closing_the_file_window_stops_the_export_and_frees_the_session(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    patient_id = with_documents(practitioner, tmp_path)
    window = MainWindow(practitioner, dialogs=dialogs)
    qtbot.addWidget(window)
    file_window = window.open_patient(patient_id)
    assert file_window is not None
    (consent_tab,) = file_window.findChildren(ConsentTab)
    consent_tab.export_button.click()
    dialog = consent_tab.export_dialog
    assert dialog is not None
    started = hold_until_cancelled(dialog)
    window_busy: list[bool] = []
    file_window.session_busy_changed.connect(window_busy.append)
    failed: list[object] = []
    dialog.exporter.export_failed.connect(failed.append)
    dialogs.queue_answers(tmp_path / "dossier.zip")
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set)
    # The file window passes the busy state on: no automatic backup starts meanwhile.
    assert window_busy == [True] and window.backup_scheduler.held

    file_window.discard_and_close()  # what a lock does to every file window
    assert window_busy == [True, False] and not window.backup_scheduler.held
    assert not (tmp_path / "dossier.zip").exists() and exports(practitioner) == []
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]
    practitioner.lock()  # the worker has let go of the databases
    QCoreApplication.processEvents()  # nothing queued may reach the closed session
    assert failed == []


def test_locking_during_an_export_cancels_it_and_locks(
    qtbot: QtBot,
    vault: VaultInfo,
    practitioner: Session,
    dialogs: RecordingDialogs,
    tmp_path: Path,
) -> None:
    patient_id = with_documents(practitioner, tmp_path)
    window = MainWindow(practitioner, dialogs=dialogs)
    qtbot.addWidget(window)
    window.show()
    file_window = window.open_patient(patient_id)
    assert file_window is not None
    (consent_tab,) = file_window.findChildren(ConsentTab)
    consent_tab.export_button.click()
    dialog = consent_tab.export_dialog
    assert dialog is not None
    started = hold_until_cancelled(dialog)
    dialogs.queue_answers(tmp_path / "dossier.zip")
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set)

    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock("idle")
    assert not practitioner.is_open and window.file_windows == []
    assert not (tmp_path / "dossier.zip").exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as again:
        assert exports(again) == []  # a cancelled export is not recorded as done
