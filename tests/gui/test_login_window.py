from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from medvault.core.errors import VaultInUseError, WrongCredentialsError
from medvault.gui.login_window import LoginWindow
from medvault.services.demo_accounts import DEMO_RECEPTIONIST
from medvault.services.session import Session
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.gui.conftest import field, submit_login


def make_window(qtbot: QtBot, vault: VaultInfo, **kwargs: object) -> LoginWindow:
    window = LoginWindow(
        vault.directory, practice_name="Cabinet du Parc", config=vault.config, **kwargs
    )
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def sessions() -> Iterator[list[Session]]:
    opened: list[Session] = []
    yield opened
    for session in opened:
        session.close()


def label_text(window: LoginWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_shows_practice_and_vault_path(qtbot: QtBot, vault: VaultInfo) -> None:
    window = make_window(qtbot, vault)
    assert label_text(window, "practice_label") == "Cabinet du Parc"
    assert label_text(window, "path_label") == str(vault.directory)
    assert window.windowTitle() == "medvault — Cabinet du Parc"
    assert field(window, "password_edit").echoMode() is QLineEdit.EchoMode.Password
    assert window.findChild(QLabel, "demo_label") is None


def test_successful_login_emits_session(
    qtbot: QtBot, vault: VaultInfo, sessions: list[Session]
) -> None:
    window = make_window(qtbot, vault)
    with qtbot.waitSignal(window.unlocked, timeout=5000) as blocker:
        submit_login(qtbot, window, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    session = blocker.args[0]
    sessions.append(session)
    assert isinstance(session, Session)
    assert session.is_open
    assert session.login == PRACTITIONER_LOGIN
    assert field(window, "password_edit").text() == ""
    assert label_text(window, "error_label") == ""


def test_wrong_password_shows_generic_error(qtbot: QtBot, vault: VaultInfo) -> None:
    window = make_window(qtbot, vault)
    title_before = window.windowTitle()
    with qtbot.assertNotEmitted(window.unlocked):
        submit_login(qtbot, window, PRACTITIONER_LOGIN, "Pas-le-bon-mot-de-passe-9")
    assert label_text(window, "error_label") == "Identifiant ou mot de passe incorrect."
    assert label_text(window, "error_label") == WrongCredentialsError().message("fr")
    assert field(window, "password_edit").text() == ""
    assert field(window, "login_edit").text() == PRACTITIONER_LOGIN
    assert "Pas-le-bon" not in window.windowTitle()
    assert window.windowTitle() == title_before
    button = window.findChild(QPushButton, "login_button")
    assert button is not None
    assert button.isEnabled()


def test_unknown_login_gets_the_same_message(qtbot: QtBot, vault: VaultInfo) -> None:
    window = make_window(qtbot, vault)
    submit_login(qtbot, window, "personne", PRACTITIONER_PASSWORD)
    assert label_text(window, "error_label") == "Identifiant ou mot de passe incorrect."


def test_empty_fields_are_not_submitted(qtbot: QtBot, vault: VaultInfo) -> None:
    window = make_window(qtbot, vault)
    with qtbot.assertNotEmitted(window.unlocked):
        qtbot.keyClick(field(window, "login_edit"), Qt.Key.Key_Return)
    assert "identifiant" in label_text(window, "error_label")


def test_second_window_on_an_open_vault_says_in_use(
    qtbot: QtBot, vault: VaultInfo, sessions: list[Session]
) -> None:
    first = make_window(qtbot, vault)
    second = make_window(qtbot, vault)
    with qtbot.waitSignal(first.unlocked, timeout=5000) as blocker:
        submit_login(qtbot, first, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    sessions.append(blocker.args[0])
    with qtbot.assertNotEmitted(second.unlocked):
        submit_login(qtbot, second, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert label_text(second, "error_label") == VaultInUseError().message("fr")
    assert field(second, "password_edit").text() == ""


def test_demo_line_and_prefilled_login(qtbot: QtBot, vault: VaultInfo) -> None:
    window = make_window(qtbot, vault, login="demo", demo_password="Mot-De-Passe-Public-1!")
    assert field(window, "login_edit").text() == "demo"
    assert label_text(window, "demo_label") == (
        "Coffre de démonstration (patients fictifs, effacé à la fermeture)\n"
        "Praticien : demo / Mot-De-Passe-Public-1!\n"
        f"Accueil : {DEMO_RECEPTIONIST.login} / {DEMO_RECEPTIONIST.password}"
    )


def test_escape_closes_the_window(qtbot: QtBot, vault: VaultInfo) -> None:
    window = make_window(qtbot, vault)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(field(window, "password_edit"), Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_missing_directory_is_a_plain_error(qtbot: QtBot, tmp_path: Path, vault: VaultInfo) -> None:
    window = LoginWindow(tmp_path / "absent", practice_name="X", config=vault.config)
    qtbot.addWidget(window)
    submit_login(qtbot, window, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert label_text(window, "error_label") == "Aucun coffre medvault à cet emplacement."
