"""The round trip for one vault: login, password change when required, main window, lock.

Start time: only the login window is imported before it is shown; the windows of an unlocked
session (main window, patient files, agenda...) are imported just after, while the user types."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from medvault.core.errors import PasswordChangeRequiredError
from medvault.gui.dialogs import Dialogs
from medvault.gui.login_window import LoginWindow
from medvault.gui.messages import LANGUAGE
from medvault.gui.settings_store import SettingsStore
from medvault.services.config import ServiceConfig
from medvault.services.vault_info import read_practice_name

if TYPE_CHECKING:
    from medvault.gui.change_password_dialog import ChangePasswordDialog
    from medvault.gui.main_window import MainWindow
    from medvault.gui.secure_clipboard import SecureClipboard
    from medvault.gui.system_lock_signals import SystemLockSignals
    from medvault.services.session import Session

# Loaded once the login window has painted; a login before that simply loads them itself.
SESSION_MODULES = (
    "medvault.services.unlock",
    "medvault.gui.main_window",
    "medvault.gui.change_password_dialog",
    "medvault.gui.draft_offer",
    "medvault.gui.housekeeping",
    "medvault.gui.secure_clipboard",
    "medvault.gui.system_lock_signals",
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
        dialogs: Dialogs | None = None,
        lock_delay_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._dialogs = dialogs
        self._lock_delay_ms = lock_delay_ms  # tests; else the practice's delay for the role
        # Who was locked out and which files they had open (ids only, never patient text).
        self._locked_login: str | None = None
        self._locked_files: list[int] = []
        # Made at the first login (start time): they outlive each session.
        self.clipboard: SecureClipboard | None = None
        self.system_lock: SystemLockSignals | None = None
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
        from medvault.gui.draft_offer import offer_drafts, reopen_files
        from medvault.gui.housekeeping import archive_expired_audit
        from medvault.gui.secure_clipboard import SecureClipboard
        from medvault.gui.system_lock_signals import SystemLockSignals

        if self.clipboard is None:
            self.clipboard = SecureClipboard(parent=self)
            self.clipboard.watch_application_copies()
        if self.system_lock is None:
            # The system's screen lock, session switch or suspend locks the session too.
            self.system_lock = SystemLockSignals(parent=self)
            self.system_lock.lock_requested.connect(self._on_system_lock_lock_requested)
        # Suspend waits (briefly) for this session to lock: released in _on_main_window_locked.
        self.system_lock.session_opened()
        from medvault.gui.main_window import MainWindow  # deferred: see SESSION_MODULES

        # Before any window can start a worker thread on the session (an import, a backup):
        # nothing else uses the connections yet. Usually a single indexed query, nothing to move.
        archive_expired_audit(session)

        window = MainWindow(
            session,
            settings=self._settings,
            dialogs=self._dialogs,
            lock_delay_ms=self._lock_delay_ms,
            clipboard=self.clipboard,
        )
        window.locked.connect(self._on_main_window_locked)
        self.main_window = window
        window.show()
        # The view comes back only for the user who was locked out, never for another one.
        if self._locked_login is not None and session.login == self._locked_login:
            reopen_files(window, self._locked_files)
        self._locked_login, self._locked_files = None, []
        offer_drafts(window, session, window.dialogs)

    def _on_system_lock_lock_requested(self, _reason: str) -> None:
        if self.main_window is not None:
            self.main_window.lock("system")

    def _on_main_window_locked(self) -> None:
        if self.system_lock is not None:
            self.system_lock.session_locked()  # the keys are gone: the machine may sleep
        session, self._session = self._session, None
        login = session.login if session is not None else None
        if login:
            window = self.main_window
            self._locked_login = login
            self._locked_files = list(window.open_patient_ids) if window is not None else []
            self.login_window.show_locked(login)
        else:  # a recovery-code session: nobody to give the screen back to
            self.login_window.reset(None)
        self._show_login_window()
        if self.main_window is not None:
            self.main_window.deleteLater()  # after it has closed: deletion is deferred
            self.main_window = None

    def _show_login_window(self) -> None:
        self.login_window.show()
        self.login_window.raise_()
        self.login_window.activateWindow()
