from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from medvault.core.permissions import Role
from medvault.gui.main_window import MainWindow
from medvault.gui.vault_controller import VaultController
from medvault.services import users
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.gui.conftest import field, submit_login

NEW_PASSWORD = "Lavande-Phare-Maree-73!"


def label_text(window: QWidget, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def log_in(qtbot: QtBot, controller: VaultController, login: str, password: str) -> Session:
    with qtbot.waitSignal(controller.login_window.unlocked, timeout=5000) as blocker:
        submit_login(qtbot, controller.login_window, login, password)
    session = blocker.args[0]
    assert isinstance(session, Session)
    return session


def shown_main_window(controller: VaultController) -> MainWindow:
    window = controller.main_window
    assert window is not None
    assert window.isVisible()
    return window


@pytest.mark.parametrize(
    ("login", "password", "role_text"),
    [
        (PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, "Praticien"),
        (RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, "Secrétariat-accueil"),
    ],
)
def test_login_opens_main_window(
    qtbot: QtBot, controller: VaultController, login: str, password: str, role_text: str
) -> None:
    session = log_in(qtbot, controller, login, password)
    window = shown_main_window(controller)
    assert session.login == login
    assert not controller.login_window.isVisible()
    assert label_text(window, "practice_label") == "Cabinet du Parc"
    assert label_text(window, "user_label") == login
    assert label_text(window, "role_label") == role_text
    assert window.model.rowCount() == 0  # the patient list, empty in a new vault
    assert window.windowTitle() == "medvault — Cabinet du Parc"


def test_ctrl_l_locks_and_shows_login_again(qtbot: QtBot, controller: VaultController) -> None:
    session = log_in(qtbot, controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    window = shown_main_window(controller)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.locked, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not session.is_open
    assert controller.main_window is None
    login_window = controller.login_window
    qtbot.waitUntil(login_window.isVisible)
    assert field(login_window, "login_edit").text() == PRACTITIONER_LOGIN
    assert field(login_window, "password_edit").text() == ""
    # The lock released the vault: logging in again works.
    again = log_in(qtbot, controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert again.is_open


def test_lock_button_locks(qtbot: QtBot, controller: VaultController) -> None:
    session = log_in(qtbot, controller, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    window = shown_main_window(controller)
    button = window.findChild(QPushButton, "lock_button")
    assert button is not None
    with qtbot.waitSignal(window.locked, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not session.is_open
    assert controller.login_window.isVisible()


def test_closing_main_window_closes_session(qtbot: QtBot, controller: VaultController) -> None:
    session = log_in(qtbot, controller, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    shown_main_window(controller).close()
    assert not session.is_open


@pytest.fixture
def new_user_password(vault: VaultInfo) -> str:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        return users.add_user(
            session, login="remplacant", display_name="Dr Remplaçant", role=Role.PRACTITIONER
        )


def test_initial_password_must_be_changed_first(
    qtbot: QtBot, controller: VaultController, new_user_password: str
) -> None:
    session = log_in(qtbot, controller, "remplacant", new_user_password)
    assert session.must_change_password
    dialog = controller.password_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert controller.main_window is None
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(field(dialog, "current_edit"), new_user_password)
    qtbot.keyClicks(field(dialog, "new_edit"), NEW_PASSWORD)
    qtbot.keyClicks(field(dialog, "confirm_edit"), NEW_PASSWORD)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not session.must_change_password
    assert session.is_open
    window = shown_main_window(controller)
    assert label_text(window, "user_label") == "remplacant"
    assert controller.password_dialog is None
    # The new password is now the one that opens the vault.
    window.close()
    controller.login_window.show()
    again = log_in(qtbot, controller, "remplacant", NEW_PASSWORD)
    assert not again.must_change_password


def test_cancelling_the_password_change_closes_the_session(
    qtbot: QtBot, controller: VaultController, new_user_password: str
) -> None:
    session = log_in(qtbot, controller, "remplacant", new_user_password)
    dialog = controller.password_dialog
    assert dialog is not None
    dialog.reject()
    assert not session.is_open
    assert controller.main_window is None
    assert controller.login_window.isVisible()
    assert label_text(controller.login_window, "error_label") == (
        "Vous devez d'abord remplacer votre mot de passe initial."
    )
