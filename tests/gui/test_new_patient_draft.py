"""A new patient's identity typed at the desk when the session locks (the file does not exist
yet): kept encrypted, offered back to the same user in a new file window, never saved for them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from medvault.gui.dialogs import Button
from medvault.gui.vault_controller import VaultController
from medvault.services import new_patient_drafts, patients_search
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.gui.conftest import RecordingDialogs, field
from tests.gui.test_session_lock import flush_deletions, idle_controller, log_in, visible_texts
from tests.helpers import snapshot

__all__ = ["idle_controller"]  # the fixture, used by name below

NAME = "Quenouillard"


def _type_new_patient(qtbot: QtBot, controller: VaultController) -> None:
    window = log_in(qtbot, controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    file_window = window.new_patient()
    qtbot.keyClicks(field(file_window, "birth_name_edit"), NAME)
    field(file_window, "first_names_edit").setText("Zélie")
    assert file_window.patient_id is None and file_window.has_unsaved_changes()
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass  # no input: the idle delay elapses
    flush_deletions()


def test_a_new_patient_form_is_kept_at_lock_and_given_back(
    qtbot: QtBot,
    idle_controller: VaultController,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
) -> None:
    _type_new_patient(qtbot, idle_controller)
    assert [text for text in visible_texts() if NAME in text] == []
    for name, data in snapshot(vault.directory).items():
        assert NAME.encode() not in data, name
        assert NAME.encode("utf-16-le") not in data, name

    dialogs.queue_answers(Button.Yes)  # "reopen the unsaved work?"
    window = log_in(qtbot, idle_controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    [reopened] = window.file_windows
    assert reopened.patient_id is None  # still a new file: nothing was created behind her back
    assert field(reopened, "birth_name_edit").text() == NAME
    assert field(reopened, "first_names_edit").text() == "Zélie"
    assert reopened.has_unsaved_changes()
    assert patients_search.count_patients(window.session) == 0
    assert new_patient_drafts.list_new_patient_drafts(window.session) == []  # taken out


def test_declined_it_stays_for_later_and_only_for_its_author(
    qtbot: QtBot,
    idle_controller: VaultController,
    dialogs: RecordingDialogs,
) -> None:
    _type_new_patient(qtbot, idle_controller)
    dialogs.queue_answers(Button.No)  # later
    window = log_in(qtbot, idle_controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    assert window.file_windows == []
    assert len(new_patient_drafts.list_new_patient_drafts(window.session)) == 1
    window.lock()
    flush_deletions()
    qtbot.mouseClick(
        idle_controller.login_window.findChild(QAbstractButton, "switch_user_button"),
        Qt.MouseButton.LeftButton,
    )
    # The practitioner is offered nothing (an unqueued question would fail loudly offscreen).
    window = log_in(qtbot, idle_controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert window.file_windows == []
    assert new_patient_drafts.list_new_patient_drafts(window.session) == []
