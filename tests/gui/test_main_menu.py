"""The main window's menu: agenda for everyone, users for practitioners, settings; what it
opened closes when the session locks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from medvault.gui.agenda_window import AgendaWindow
from medvault.gui.main_window import MainWindow
from medvault.gui.settings_dialog import SettingsDialog
from medvault.gui.settings_store import SettingsStore
from medvault.gui.users_dialog import UsersDialog
from medvault.services.session import Session
from tests.gui.conftest import RecordingDialogs


def _store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def _window(
    qtbot: QtBot, session: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> MainWindow:
    window = MainWindow(session, dialogs=dialogs, settings=_store(tmp_path))
    qtbot.addWidget(window)
    window.show()
    return window


def test_practitioner_menu_opens_agenda_users_and_settings(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    window = _window(qtbot, practitioner, dialogs, tmp_path)
    assert window.menu.users_action is not None and window.menu.settings_action is not None
    window.menu.agenda_action.trigger()
    window.menu.users_action.trigger()
    window.menu.settings_action.trigger()
    opened = {type(w) for w in window.menu._opened}
    assert opened == {AgendaWindow, UsersDialog, SettingsDialog}
    agenda = next(w for w in window.menu._opened if isinstance(w, AgendaWindow))
    assert agenda.isVisible()
    with qtbot.waitSignal(window.locked):
        window.findChild(QAction, "lock_action").trigger()
    assert window.menu._opened == []
    assert not practitioner.is_open


def test_reception_menu_has_no_users_screen(
    qtbot: QtBot, receptionist: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    window = _window(qtbot, receptionist, dialogs, tmp_path)
    assert window.menu.users_action is None
    window.menu.agenda_action.trigger()
    assert [type(w) for w in window.menu._opened] == [AgendaWindow]
    window.close()
