"""The backup commands of the main window: 'Sauvegarder maintenant…', 'Vérifier la dernière
sauvegarde', the automatic backup when the app closes, and what a lock does to a running job."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QProgressDialog, QWidget
from shiboken6 import isValid

from medvault.core.backup_errors import BackupKeysRotatedError
from medvault.core.errors import KnownError
from medvault.core.permissions import Permission
from medvault.gui.backup_export_dialog import BackupExportDialog
from medvault.gui.backup_recovery_code_dialog import BackupRecoveryCodeDialog
from medvault.gui.backup_scheduler import BackupScheduler
from medvault.gui.backup_task import BackupTask
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.services.backup_schedule import backup_status
from medvault.services.backup_verify import (
    BackupSecrets,
    VerifyReport,
    verify_backup_in_session,
)
from medvault.services.session import Session


def can_verify(session: Session) -> bool:
    """Whether this session's keys open the vault's backups (the verify entry is shown)."""
    return session.config.policy.is_allowed(session.role, Permission.BACKUP_RESTORE)


class BackupActions(QObject):
    def __init__(
        self,
        window: QWidget,
        session: Session,
        scheduler: BackupScheduler,
        dialogs: Dialogs,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self.scheduler = scheduler
        self._dialogs = dialogs
        self.export_dialog: BackupExportDialog | None = None
        self.code_dialog: BackupRecoveryCodeDialog | None = None
        self.close_progress: QProgressDialog | None = None
        self._close_backup_done = False
        self.export_action = QAction(self.tr("Sauvegarder maintenant…"), window)
        self.export_action.setObjectName("backup_now_action")
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.verify_action: QAction | None = None
        # Verifying needs the backup identity, which only practitioner (and recovery) keys
        # hold: a receptionist has no entry (the status line's tooltip says why) rather than
        # one asking for the recovery code, which opens the clinical files too.
        if can_verify(session):
            self.verify_action = QAction(self.tr("Vérifier la dernière sauvegarde"), window)
            self.verify_action.setObjectName("verify_backup_action")
            self.verify_action.triggered.connect(self._on_verify_action_triggered)

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.export_action)
        if self.verify_action is not None:
            menu.addAction(self.verify_action)

    def set_busy(self, busy: bool) -> None:
        self.export_action.setEnabled(not busy)
        if self.verify_action is not None:
            self.verify_action.setEnabled(not busy)

    def _title(self) -> str:
        return self.tr("Sauvegardes")

    # -- export now -------------------------------------------------------------------------------
    def _on_export_action_triggered(self) -> None:
        if self.export_dialog is not None and isValid(self.export_dialog):
            self.export_dialog.raise_()
            return
        dialog = BackupExportDialog(self._session, self.scheduler, self._dialogs, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog = dialog
        dialog.show()

    # -- verify -----------------------------------------------------------------------------------
    def _last_backup(self) -> Path | None:
        try:
            status = backup_status(self._session, self.scheduler.folder())
        except KnownError as error:
            self._dialogs.warn(self._title(), error.message(language()))
            return None
        if status.last_file is None:
            self._dialogs.inform(self._title(), self.tr("Aucune sauvegarde n'a encore été faite."))
            return None
        return Path(status.last_file)

    def _on_verify_action_triggered(self) -> None:
        path = self._last_backup()
        if path is None:
            return
        session = self._session

        def job() -> VerifyReport:
            return verify_backup_in_session(session, path)

        self.scheduler.start(job, lambda task: self._on_verify_done(task, path))

    def _on_verify_done(self, task: BackupTask, path: Path) -> None:
        if self.scheduler.locking:
            return
        error = task.error
        if isinstance(error, BackupKeysRotatedError):
            self._ask_recovery_code(path, error)
            return
        self._show_verify_result(task, path)

    def _show_verify_result(self, task: BackupTask, path: Path) -> None:
        if task.error is not None:
            self._dialogs.warn(self._title(), task.error.message(language()))
            return
        report = task.result
        if not isinstance(report, VerifyReport):
            return  # a bug: re-raised by the scheduler
        if report.ok:
            self._dialogs.inform(
                self._title(), self.tr("Sauvegarde vérifiée : {path}").format(path=path)
            )
        else:
            self._dialogs.warn(
                self._title(),
                self.tr(
                    "La sauvegarde {path} est endommagée : faites-en une nouvelle et gardez "
                    "les précédentes."
                ).format(path=path),
            )

    def _ask_recovery_code(self, path: Path, error: KnownError) -> None:
        dialog = BackupRecoveryCodeDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setToolTip(error.message(language()))
        dialog.accepted.connect(lambda: self._verify_with_code(path, dialog.code()))
        self.code_dialog = dialog
        dialog.open()

    def _verify_with_code(self, path: Path, code: str) -> None:
        session = self._session

        def job() -> VerifyReport:
            # In the session: a pass is recorded as the last verification, as with the keys.
            secrets = BackupSecrets(recovery_code=code)
            return verify_backup_in_session(session, path, secrets=secrets)

        self.scheduler.start(job, lambda task: self._show_verify_result(task, path))

    # -- closing and locking ----------------------------------------------------------------------
    def backup_before_close(self, then: Callable[[], object]) -> bool:
        """True when closing must wait: for a running job, or for the automatic backup just
        started; `then` is called once it is over (the window closes then)."""
        if self._close_backup_done:
            return False
        self._close_backup_done = True
        if self.scheduler.busy:
            self.scheduler.when_idle(then)
            return True
        if not self.scheduler.run_automatic(lambda task: self._on_close_backup_done(task, then)):
            return False
        progress = QProgressDialog(
            self.tr("Sauvegarde automatique avant fermeture…"), "", 0, 0, self._window
        )
        progress.setObjectName("close_backup_progress")
        progress.setWindowTitle(self._title())
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(420)
        progress.show()
        self.close_progress = progress
        return True

    def _on_close_backup_done(self, task: BackupTask, then: Callable[[], object]) -> None:
        if self.close_progress is not None:
            self.close_progress.close()
            self.close_progress.deleteLater()
            self.close_progress = None
        if task.error is not None:
            # The vault itself is intact: say so, then close as asked.
            self._dialogs.warn(
                self._title(),
                self.tr(
                    "La sauvegarde automatique n'a pas pu être faite : {reason}\n\nVotre travail "
                    "est enregistré dans le coffre ; faites une sauvegarde à la prochaine "
                    "ouverture."
                ).format(reason=task.error.message(language())),
            )
        then()

    def prepare_lock(self) -> None:
        """No new job; a running export finishes out of sight and keeps its file."""
        self.scheduler.begin_lock()
        for dialog in (self.export_dialog, self.code_dialog):
            if dialog is not None and isValid(dialog):
                if self.scheduler.busy and dialog is self.export_dialog:
                    dialog.hide()
                else:
                    dialog.close()
