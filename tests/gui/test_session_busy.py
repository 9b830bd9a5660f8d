"""One worker at a time on the session: while a patient file imports documents on its worker
thread, no automatic or close-time backup may start (both would use the same connections)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from medvault.core.patient import PatientForm
from medvault.gui.main_window import MainWindow
from medvault.services import patients
from medvault.services.session import Session
from tests.gui.conftest import RecordingDialogs


def test_a_file_importing_documents_holds_the_backups(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    form = PatientForm(birth_name="Durand", first_names="Anne", sex="F", birth_date="02/03/1970")
    patient_id = patients.create_patient(practitioner, form).patient.id
    window = MainWindow(practitioner, dialogs=dialogs)
    qtbot.addWidget(window)
    scheduler = window.backup_scheduler
    file_window = window.open_patient(patient_id)
    assert file_window is not None

    file_window.session_busy_changed.emit(True)
    assert scheduler.held
    assert not scheduler.is_due()
    assert not scheduler.start(lambda: None, lambda _task: None)

    file_window.session_busy_changed.emit(False)
    assert not scheduler.held

    file_window.session_busy_changed.emit(True)
    file_window.discard_and_close()  # closed (and deleted) while still marked busy
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not scheduler.held
    window.lock()
