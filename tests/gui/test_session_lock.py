"""Automatic locking: the idle timer, what a lock leaves behind (nothing of the patient), the
lock screen, switching user, and the unsaved consultation kept as an encrypted draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from medvault.core.errors import VaultLockedError
from medvault.core.patient import PatientForm
from medvault.core.session_lock import LockDelays
from medvault.gui.dialogs import Button
from medvault.gui.idle_lock import IdleLock
from medvault.gui.lock_settings_dialog import LockSettingsDialog
from medvault.gui.main_window import MainWindow
from medvault.gui.patient_file_window import PatientFileWindow
from medvault.gui.vault_controller import VaultController
from medvault.services import drafts, lock_settings, patients, patients_search
from medvault.services.session import Session
from medvault.storage import audit_repo
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.gui.conftest import RecordingDialogs, field, submit_login

SURNAME = "Quenouillard"  # a marker: must never be found after a lock
NOTE = "Douleur thoracique atypique, marqueur Zéphyrin-4417"
IDLE_MS = 400


def add_patient(vault: VaultInfo) -> int:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        form = PatientForm(
            birth_name=SURNAME, first_names="Aurèle", sex="M", birth_date="14/07/1961"
        )
        return patients.create_patient(session, form).patient.id


@pytest.fixture
def patient_id(vault: VaultInfo) -> int:
    return add_patient(vault)


@pytest.fixture
def idle_controller(vault: VaultInfo, dialogs: RecordingDialogs) -> Iterator[VaultController]:
    built = VaultController(
        vault.directory, config=vault.config, dialogs=dialogs, lock_delay_ms=IDLE_MS
    )
    built.start()
    yield built
    if built.main_window is not None:
        built.main_window.lock()  # never asks, whatever is left unsaved
    built.login_window.close()


def log_in(qtbot: QtBot, controller: VaultController, login: str, password: str) -> MainWindow:
    with qtbot.waitSignal(controller.login_window.unlocked, timeout=5000):
        submit_login(qtbot, controller.login_window, login, password)
    window = controller.main_window
    assert window is not None
    return window


def flush_deletions() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def visible_texts() -> list[str]:
    """Every string a widget of the application holds: titles, labels, fields, item models."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        texts.append(widget.windowTitle())
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    texts.append(str(model.data(model.index(row, column))))
    return texts


def type_note(window: PatientFileWindow, qtbot: QtBot) -> None:
    assert window.clinical_tabs is not None
    tab = window.clinical_tabs.consultations
    window.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.editor.findChild(QLineEdit, "consultation_reason_edit"), "Douleur")
    subjective = tab.editor.findChild(QPlainTextEdit, "consultation_subjective_edit")
    assert subjective is not None
    subjective.setPlainText(NOTE)
    assert tab.editor.has_unsaved_changes()


# -- the idle timer ------------------------------------------------------------------------------
def test_idle_timer_fires_once_after_the_delay(qtbot: QtBot) -> None:
    idle = IdleLock(150)
    idle.start()
    with qtbot.waitSignal(idle.expired, timeout=3000):
        pass
    assert not idle.running


def test_input_postpones_the_lock(qtbot: QtBot) -> None:
    target = QLineEdit()
    qtbot.addWidget(target)
    target.show()
    idle = IdleLock(IDLE_MS)
    fired: list[bool] = []
    idle.expired.connect(lambda: fired.append(True))
    idle.start()
    for _ in range(6):  # typing for 1.5 times the delay, a keystroke every 100 ms
        qtbot.wait(100)
        qtbot.keyClick(target, Qt.Key.Key_A)
    assert fired == []
    qtbot.waitUntil(lambda: fired == [True], timeout=3000)
    idle.stop()


# -- what a lock leaves ------------------------------------------------------------------------
def test_auto_lock_leaves_no_patient_text_and_the_services_refuse(
    qtbot: QtBot, idle_controller: VaultController, patient_id: int
) -> None:
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    session = window.session
    window.search_bar.setText(SURNAME[:5])
    window.search_bar.query_changed.emit(SURNAME[:5])
    assert window.model.rowCount() == 1
    file_window = window.open_patient(patient_id)
    assert file_window is not None
    type_note(file_window, qtbot)
    assert any(SURNAME in text for text in visible_texts())
    file_window.activateWindow()
    qtbot.waitUntil(file_window.isActiveWindow)
    QGuiApplication.clipboard().setText(f"{SURNAME} Aurèle")  # copied from the file

    with qtbot.waitSignal(window.locked, timeout=5000):
        pass  # no input: the idle delay elapses
    flush_deletions()

    assert QGuiApplication.clipboard().text() == ""
    assert window.lock_reason == "idle"
    leaked = [text for text in visible_texts() if SURNAME in text or "Zéphyrin" in text]
    assert leaked == []
    assert idle_controller.login_window.isVisible()
    assert not session.is_open
    with pytest.raises(VaultLockedError):
        patients_search.count_patients(session)


def test_draft_is_encrypted_and_given_back_after_unlock_by_the_same_user(
    qtbot: QtBot,
    idle_controller: VaultController,
    vault: VaultInfo,
    patient_id: int,
    dialogs: RecordingDialogs,
) -> None:
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    file_window = window.open_patient(patient_id)
    assert file_window is not None
    type_note(file_window, qtbot)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    flush_deletions()
    login_window = idle_controller.login_window
    assert field(login_window, "login_edit").isReadOnly()  # the lock screen: same user
    assert "Session verrouillée" in login_window.findChild(QLabel, "locked_label").text()
    marker = "Zéphyrin-4417"
    for path in Path(vault.directory).rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert marker.encode("utf-8") not in content, path.name
            assert marker.encode("utf-16-le") not in content, path.name

    dialogs.queue_answers(Button.Yes)  # "reopen the unsaved work?"
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)

    reopened = window.file_windows
    assert [w.patient_id for w in reopened] == [patient_id]
    tabs = reopened[0].clinical_tabs
    assert tabs is not None
    editor = tabs.consultations.editor
    subjective = editor.findChild(QPlainTextEdit, "consultation_subjective_edit")
    assert subjective is not None and subjective.toPlainText() == NOTE
    assert editor.has_unsaved_changes()  # put back, not saved behind the user's back
    assert drafts.list_drafts(window.session) == []  # taken out of the vault
    assert editor.save()


def test_switch_user_gives_the_desk_nothing_of_the_practitioner(
    qtbot: QtBot,
    idle_controller: VaultController,
    patient_id: int,
    dialogs: RecordingDialogs,
) -> None:
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    file_window = window.open_patient(patient_id)
    assert file_window is not None
    type_note(file_window, qtbot)
    window.lock()
    flush_deletions()
    login_window = idle_controller.login_window
    switch = login_window.findChild(QAbstractButton, "switch_user_button")
    assert switch is not None and switch.isVisible()
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert not field(login_window, "login_edit").isReadOnly()
    assert field(login_window, "login_edit").text() == ""

    desk = log_in(qtbot, idle_controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)

    assert desk.file_windows == []  # the practitioner's file is not reopened for her
    assert drafts.list_drafts(desk.session) == []  # and the clinical draft is not hers
    assert dialogs.answered == []  # nothing was even offered
    desk.lock()
    flush_deletions()
    qtbot.mouseClick(
        login_window.findChild(QAbstractButton, "switch_user_button"), Qt.MouseButton.LeftButton
    )
    dialogs.queue_answers(Button.No)  # later: the draft stays kept
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    kept = drafts.list_drafts(window.session)
    assert [(d.patient_id, d.editor_key) for d in kept] == [(patient_id, "consultation:new")]
    assert window.file_windows == []  # another user came in between: the view is not restored


def test_lock_button_keeps_working_while_the_window_is_idle(
    qtbot: QtBot, vault: VaultInfo, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = MainWindow(practitioner, dialogs=dialogs, lock_delay_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    assert window.guard.idle.running
    with qtbot.waitSignal(window.locked, timeout=5000):
        window.lock("user")
    assert not window.guard.idle.running
    assert window.lock_reason == "user"
    assert not practitioner.is_open


# -- the practice's delays -----------------------------------------------------------------------
def test_practitioner_sets_the_delays_and_the_open_session_follows(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = MainWindow(practitioner, dialogs=dialogs)
    qtbot.addWidget(window)
    assert window.guard.idle.delay_ms == 5 * 60_000  # the default, from the vault
    action = window.menu.lock_settings_action
    assert action is not None
    action.trigger()
    dialog = window.findChild(LockSettingsDialog, "lock_settings_dialog")
    assert dialog is not None
    dialog.practitioner_spin.setValue(12)
    dialog.receptionist_spin.setValue(2)
    dialog.minimise_check.setChecked(True)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert window.guard.idle.delay_ms == 12 * 60_000
    assert lock_settings.lock_delays(practitioner) == LockDelays(12, 2, True)
    with qtbot.waitSignal(window.locked, timeout=5000):
        window.showMinimized()  # now asked for: minimising locks
    assert window.lock_reason == "minimised"


def test_reception_has_no_lock_settings_and_gets_her_own_delay(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        lock_settings.set_lock_delays(session, LockDelays(20, 3))
    desk = vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    window = MainWindow(desk, dialogs=dialogs)
    qtbot.addWidget(window)
    assert window.menu.lock_settings_action is None
    assert window.guard.idle.delay_ms == 3 * 60_000
    window.showMinimized()  # not asked for: minimising does not lock
    assert desk.is_open
    window.close()


def test_lock_cancels_an_open_question_first(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = MainWindow(practitioner, dialogs=dialogs, lock_delay_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    question = QDialog(window)
    question.setModal(True)
    QTimer.singleShot(50, window.lock)  # the idle delay elapses while the question is open
    with qtbot.waitSignal(window.locked, timeout=5000):
        result = question.exec()
    assert result == QDialog.DialogCode.Rejected
    assert not practitioner.is_open


def test_unlocking_from_the_lock_screen_is_audited_as_an_unlock(
    qtbot: QtBot, idle_controller: VaultController
) -> None:
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    window.lock()
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    actions = [r.action for r in audit_repo.recent(window.session.admin_db, 10)]
    assert "unlock" in actions
    assert actions.index("unlock") < actions.index("lock")  # newest first: lock, then unlock


def test_too_many_failures_hold_the_login_button_with_a_plain_message(
    qtbot: QtBot, idle_controller: VaultController
) -> None:
    login_window = idle_controller.login_window
    button = login_window.findChild(QAbstractButton, "login_button")
    assert button is not None
    for _ in range(5):
        submit_login(qtbot, login_window, PRACTITIONER_LOGIN, "Mauvais-Mot-De-Passe-1")
    assert button.isEnabled()
    submit_login(qtbot, login_window, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    error = login_window.findChild(QLabel, "error_label")
    assert error is not None and "attendez" in error.text()
    assert not button.isEnabled()
    assert idle_controller.main_window is None  # even the right password waits


def test_the_desk_keeps_a_half_changed_identity_and_the_practitioner_an_allergy(
    qtbot: QtBot,
    idle_controller: VaultController,
    patient_id: int,
    dialogs: RecordingDialogs,
) -> None:
    desk = log_in(qtbot, idle_controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    file_window = desk.open_patient(patient_id)
    assert file_window is not None
    field(file_window, "city_edit").setText("Saint-Quentin-Fallavier")
    desk.lock()
    flush_deletions()
    dialogs.queue_answers(Button.Yes)
    desk = log_in(qtbot, idle_controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    reopened = desk.file_windows[0]
    assert field(reopened, "city_edit").text() == "Saint-Quentin-Fallavier"
    assert reopened.identity_form.has_unsaved_changes()
    assert reopened.clinical_tabs is None
    desk.lock()
    flush_deletions()
    qtbot.mouseClick(
        idle_controller.login_window.findChild(QAbstractButton, "switch_user_button"),
        Qt.MouseButton.LeftButton,
    )

    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    file_window = window.open_patient(patient_id)
    assert file_window is not None and file_window.clinical_tabs is not None
    allergies = file_window.clinical_tabs.allergies
    label = allergies.grid().editor("substance")
    assert isinstance(label, QLineEdit)
    label.setText("Pénicilline")
    window.lock()
    flush_deletions()
    dialogs.queue_answers(Button.Yes)
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    tabs = window.file_windows[0].clinical_tabs
    assert tabs is not None
    restored = tabs.allergies.grid().editor("substance")
    assert isinstance(restored, QLineEdit) and restored.text() == "Pénicilline"
    assert tabs.allergies.has_unsaved_changes()


# -- privacy -------------------------------------------------------------------------------------
def test_hide_screen_covers_every_window_and_a_key_brings_them_back(
    qtbot: QtBot, idle_controller: VaultController, patient_id: int
) -> None:
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    file_window = window.open_patient(patient_id)
    assert file_window is not None
    button = window.findChild(QAbstractButton, "hide_screen_button")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    curtain = window.privacy.curtain
    assert curtain.is_covering
    assert not window.isVisible() and not file_window.isVisible()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [curtain]
    curtain_texts = [label.text() for label in curtain.findChildren(QLabel)]
    assert curtain_texts and all(SURNAME not in text for text in curtain_texts)
    qtbot.keyClick(curtain, Qt.Key.Key_Space)
    assert window.isVisible() and file_window.isVisible()
    assert window.session.is_open  # nothing asked, nothing lost


def test_a_lock_while_hidden_shows_the_lock_screen_not_the_files(
    qtbot: QtBot, idle_controller: VaultController, patient_id: int
) -> None:
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert window.open_patient(patient_id) is not None
    window.privacy.hide_screen()
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass  # the idle delay runs on behind the curtain
    flush_deletions()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [idle_controller.login_window]


def test_copying_a_phone_from_the_list_is_marked_secret_and_wiped_at_lock(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    form = PatientForm(
        birth_name=SURNAME,
        first_names="Aurèle",
        sex="M",
        birth_date="14/07/1961",
        phone_mobile="06 12 34 56 78",
    )
    patients.create_patient(practitioner, form)
    window = MainWindow(practitioner, dialogs=dialogs, lock_delay_ms=60_000)
    qtbot.addWidget(window)
    window.model.refresh()
    assert window.privacy.copy_phone(0)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "+33612345678"
    mime = clipboard.mimeData()
    assert mime is not None and mime.hasFormat("x-kde-passwordManagerHint")
    window.lock()
    assert clipboard.text() == ""
