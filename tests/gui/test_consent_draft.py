"""A consent entry half typed when the session locks is kept (encrypted) and put back."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from medvault.gui.consent_tab import ConsentTab
from medvault.gui.dialogs import Button
from medvault.gui.vault_controller import VaultController
from medvault.services import consent, drafts
from tests.conftest import RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, VaultInfo
from tests.gui.conftest import RecordingDialogs
from tests.gui.test_session_lock import (
    flush_deletions,
    idle_controller,
    log_in,
    patient_id,
    visible_texts,
)
from tests.helpers import snapshot

__all__ = ["idle_controller", "patient_id"]  # fixtures, used by name below

NOTE = "Accord oral du fils, marqueur Quiberon-7781"


def _consent_tab(qtbot: QtBot, controller: VaultController, patient: int) -> ConsentTab:
    window = log_in(qtbot, controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    file_window = window.open_patient(patient)
    assert file_window is not None
    tab = file_window.findChild(ConsentTab)
    assert tab is not None
    return tab


def test_a_half_typed_consent_is_kept_at_lock_and_put_back(
    qtbot: QtBot,
    idle_controller: VaultController,
    vault: VaultInfo,
    patient_id: int,
    dialogs: RecordingDialogs,
) -> None:
    tab = _consent_tab(qtbot, idle_controller, patient_id)
    scope = tab.findChild(QComboBox, "scope_combo")
    assert scope is not None
    scope.setCurrentIndex(scope.count() - 1)
    chosen = str(scope.currentData())
    tab.findChild(QLineEdit, "recipient_edit").setText("Dr Lenoir")  # type: ignore[union-attr]
    tab.findChild(QLineEdit, "note_edit").setText(NOTE)  # type: ignore[union-attr]
    main = idle_controller.main_window
    assert main is not None
    with qtbot.waitSignal(main.locked, timeout=5000):
        pass  # no input: the idle delay elapses
    flush_deletions()
    assert [text for text in visible_texts() if "Quiberon" in text] == []
    for name, data in snapshot(vault.directory).items():
        assert b"Quiberon" not in data and "Quiberon".encode("utf-16-le") not in data, name

    dialogs.queue_answers(Button.Yes)
    tab = _restored_tab(qtbot, idle_controller)
    assert str(tab.scope_combo.currentData()) == chosen
    assert tab.recipient_edit.text() == "Dr Lenoir" and tab.note_edit.text() == NOTE
    main = idle_controller.main_window
    assert main is not None
    assert consent.list_consents(main.session, patient_id) == []  # put back, not recorded
    assert drafts.list_drafts(main.session) == []  # taken out of the vault


def _restored_tab(qtbot: QtBot, controller: VaultController) -> ConsentTab:
    window = log_in(qtbot, controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    [file_window] = window.file_windows
    tab = file_window.findChild(ConsentTab)
    assert tab is not None and file_window.tabs.currentWidget() is tab
    return tab


def test_an_empty_consent_form_keeps_nothing(
    qtbot: QtBot, idle_controller: VaultController, patient_id: int
) -> None:
    tab = _consent_tab(qtbot, idle_controller, patient_id)
    assert tab.pending_draft() is None
