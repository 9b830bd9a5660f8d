"""GUI fixtures: windows built with the cheap-KDF config, dialogs that record instead of block."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from medvault.gui.dialogs import Dialogs
from medvault.gui.vault_controller import VaultController
from tests.conftest import VaultInfo


@pytest.fixture(autouse=True)
def _gui_garbage_on_main_thread(collect_on_main_thread: None) -> None:
    """Every GUI test frees its widgets on the GUI thread (see collect_on_main_thread)."""


class RecordingDialogs(Dialogs):
    """Answers every message box at once and remembers what it was asked to show."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[str, str, str]] = []

    def warn(self, title: str, text: str) -> None:
        self.shown.append(("warn", title, text))

    def inform(self, title: str, text: str) -> None:
        self.shown.append(("inform", title, text))


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


def field(window: QWidget, name: str) -> QLineEdit:
    edit = window.findChild(QLineEdit, name)
    assert edit is not None, name
    return edit


def submit_login(qtbot: QtBot, window: QWidget, login: str, password: str) -> None:
    field(window, "login_edit").setText(login)
    password_edit = field(window, "password_edit")
    password_edit.clear()
    qtbot.keyClicks(password_edit, password)
    qtbot.keyClick(password_edit, Qt.Key.Key_Return)


@pytest.fixture
def controller(vault: VaultInfo) -> Iterator[VaultController]:
    built = VaultController(vault.directory, config=vault.config)
    built.start()
    yield built
    # Close whatever is still open, so no session (and no vault lock) outlives the test.
    if built.password_dialog is not None:
        built.password_dialog.reject()
    if built.main_window is not None:
        built.main_window.close()
    built.login_window.close()
    built.deleteLater()
