"""The round trip for one vault: login, password change when required, main window, lock.

Start time: only the login window is imported before it is shown; the windows of an unlocked
session (main window, patient files, agenda...) are imported just after, while the user types."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from medvault.core.errors import PasswordChangeRequiredError
from medvault.gui.login_window import LoginWindow
from medvault.gui.messages import LANGUAGE
from medvault.gui.settings_store import SettingsStore
from medvault.services.config import ServiceConfig
from medvault.services.vault_info import read_practice_name

if TYPE_CHECKING:
    from medvault.gui.change_password_dialog import ChangePasswordDialog
    from medvault.gui.main_window import MainWindow
    from medvault.services.session import Session

# Loaded once the login window has painted; a login before that simply loads them itself.
SESSION_MODULES = (
    "medvault.services.unlock",
    "medvault.gui.main_window",
    "medvault.gui.change_password_dialog",
)
PRELOAD_DELAY_MS = 50


def preload_session_windows() -> None:
    for name in SESSION_MODULES:
        importlib.import_module(name)


class VaultController(QObject):
    """Builds the windows and moves the session between them; holds no vault data itself.

    Raises a KnownError (e.g. VaultNotFoundError) when the vault header cannot be read."""

    def __init__(
        self,
        directory: Path,
        *,
        config: ServiceConfig,
        login: str = "",
        demo_password: str | None = None,
        settings: SettingsStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.login_window = LoginWindow(
            directory,
            practice_name=read_practice_name(directory),
            config=config,
            login=login,
            demo_password=demo_password,
        )
        self.main_window: MainWindow | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self._session: Session | None = None
        self.login_window.unlocked.connect(self._on_login_window_unlocked)

    def start(self) -> None:
        self.login_window.show()
        QTimer.singleShot(PRELOAD_DELAY_MS, preload_session_windows)

    def _on_login_window_unlocked(self, session: Session) -> None:
        self._session = session
        if session.must_change_password:
            from medvault.gui.change_password_dialog import ChangePasswordDialog

            dialog = ChangePasswordDialog(session)
            dialog.accepted.connect(self._on_password_dialog_accepted)
            dialog.rejected.connect(self._on_password_dialog_rejected)
            self.password_dialog = dialog
            # Show the next window before hiding this one, so Qt never sees zero windows.
            dialog.open()
        else:
            self._show_main_window(session)
        self.login_window.hide()

    def _on_password_dialog_accepted(self) -> None:
        self._drop_password_dialog()
        if self._session is not None:
            self._show_main_window(self._session)

    def _on_password_dialog_rejected(self) -> None:
        self._drop_password_dialog()
        session, self._session = self._session, None
        login = None
        if session is not None:
            login = session.login
            session.close()
        self.login_window.reset(login, PasswordChangeRequiredError().message(LANGUAGE))
        self._show_login_window()

    def _drop_password_dialog(self) -> None:
        if self.password_dialog is not None:
            self.password_dialog.deleteLater()
            self.password_dialog = None

    def _show_main_window(self, session: Session) -> None:
        from medvault.gui.main_window import MainWindow  # deferred: see SESSION_MODULES

        window = MainWindow(session, settings=self._settings)
        window.locked.connect(self._on_main_window_locked)
        self.main_window = window
        window.show()

    def _on_main_window_locked(self) -> None:
        session, self._session = self._session, None
        self.login_window.reset(session.login if session is not None else None)
        self._show_login_window()
        if self.main_window is not None:
            self.main_window.deleteLater()  # after it has closed: deletion is deferred
            self.main_window = None

    def _show_login_window(self) -> None:
        self.login_window.show()
        self.login_window.raise_()
        self.login_window.activateWindow()
