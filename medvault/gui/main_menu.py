"""The main window's "Cabinet" menu: agenda, users (practitioners), settings, backups. The
windows it opens belong to the session and are closed when the main window locks or closes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from medvault.core.errors import KnownError
from medvault.gui.agenda_window import AgendaWindow
from medvault.gui.audit_window import AuditWindow
from medvault.gui.backup_actions import BackupActions
from medvault.gui.dialogs import Dialogs
from medvault.gui.lock_settings_dialog import LockSettingsDialog
from medvault.gui.messages import language
from medvault.gui.recovery_code_wizard import RecoveryCodeWizard
from medvault.gui.retention_window import RetentionWindow
from medvault.gui.settings_dialog import SettingsDialog
from medvault.gui.settings_store import SettingsStore
from medvault.gui.users_dialog import UsersDialog
from medvault.services.session import Session


class MainMenu(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        dialogs: Dialogs,
        settings: SettingsStore | None,
        *,
        backups: BackupActions | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._dialogs = dialogs
        self._settings = settings
        self._opened: list[QWidget] = []
        menu = window.menuBar().addMenu(self.tr("&Cabinet"))
        menu.setObjectName("practice_menu")
        self.agenda_action = self._add(menu, "agenda_action", self.tr("Agenda…"), "Ctrl+D")
        self.agenda_action.triggered.connect(self._on_agenda_action_triggered)
        self.users_action: QAction | None = None
        if UsersDialog.available_to(session):
            self.users_action = self._add(menu, "users_action", self.tr("Utilisateurs…"), "")
            self.users_action.triggered.connect(self._on_users_action_triggered)
        self.audit_action: QAction | None = None
        if AuditWindow.available_to(session):
            self.audit_action = self._add(menu, "audit_action", self.tr("Journal d'audit…"), "")
            self.audit_action.triggered.connect(self._on_audit_action_triggered)
        self.retention_action: QAction | None = None
        if RetentionWindow.available_to(session):
            self.retention_action = self._add(
                menu, "retention_action", self.tr("Conservation des dossiers…"), ""
            )
            self.retention_action.triggered.connect(self._on_retention_action_triggered)
        self.lock_settings_action: QAction | None = None
        if LockSettingsDialog.available_to(session):
            self.lock_settings_action = self._add(
                menu, "lock_settings_action", self.tr("Verrouillage automatique…"), ""
            )
            self.lock_settings_action.triggered.connect(self._on_lock_settings_action_triggered)
        self.recovery_code_action: QAction | None = None
        if RecoveryCodeWizard.available_to(session):
            self.recovery_code_action = self._add(
                menu, "recovery_code_action", self.tr("Nouveau code de secours…"), ""
            )
            self.recovery_code_action.triggered.connect(self._on_recovery_code_action_triggered)
        self.settings_action: QAction | None = None
        if settings is not None:
            self.settings_action = self._add(
                menu, "settings_action", self.tr("Paramètres…"), "Ctrl+,"
            )
            self.settings_action.triggered.connect(self._on_settings_action_triggered)
        if backups is not None:
            backups.add_to(menu)

    def _add(self, menu: QObject, name: str, text: str, key: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _keep(self, widget: QWidget) -> None:
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._opened.append(widget)
        widget.destroyed.connect(lambda: self._forget(widget))
        widget.show()

    def _forget(self, widget: QWidget) -> None:
        if widget in self._opened:
            self._opened.remove(widget)

    def set_session_windows_enabled(self, enabled: bool) -> None:
        """Off while a backup job has the session (they would read it meanwhile)."""
        for widget in self._opened:
            widget.setEnabled(enabled)

    def close_windows(self) -> None:
        """On lock: nothing opened from the session may outlive it."""
        for widget in list(self._opened):
            widget.close()
        self._opened.clear()

    def _on_agenda_action_triggered(self) -> None:
        agenda = AgendaWindow(self._session, self._dialogs)
        agenda.setWindowFlag(Qt.WindowType.Window)
        agenda.setWindowTitle(self.tr("Agenda — medvault"))
        if hasattr(self._window, "open_patient"):
            agenda.patient_opened.connect(self._window.open_patient)
        self._keep(agenda)

    def _on_recovery_code_action_triggered(self) -> None:
        self._keep(RecoveryCodeWizard(self._session, self._dialogs, parent=self._window))

    def _on_users_action_triggered(self) -> None:
        self._keep(UsersDialog(self._session, dialogs=self._dialogs, parent=self._window))

    def _on_audit_action_triggered(self) -> None:
        try:
            window = AuditWindow(self._session, self._dialogs, parent=self._window)
        except KnownError as error:
            self._dialogs.warn(self.tr("Journal d'audit"), error.message(language()))
            return
        self._keep(window)

    def _on_retention_action_triggered(self) -> None:
        window = RetentionWindow(self._session, self._dialogs)
        self._keep(window)

    def _on_lock_settings_action_triggered(self) -> None:
        dialog = LockSettingsDialog(self._session, parent=self._window)
        guard = getattr(self._window, "guard", None)
        if guard is not None:
            dialog.delays_saved.connect(guard.apply_delays)
        self._keep(dialog)

    def _on_settings_action_triggered(self) -> None:
        assert self._settings is not None
        dialog = SettingsDialog(
            self._settings, config=self._session.config, dialogs=self._dialogs, parent=self._window
        )
        self._keep(dialog)
