"""'Sauvegarder maintenant…': one encrypted backup file where the user chooses, optionally as a
copy protected by a passphrase alone (to hand to someone else: an accountant's IT service, a
successor). Any role may back up.

The file is written on a worker thread; the progress bar follows the bytes archived, and Cancel
stops the writing: the temp file is removed, no file is left under the chosen name, the vault
is untouched and the backup status does not count it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medvault.core.backup_errors import BackupCancelledError
from medvault.core.backup_retention import backup_file_name, practice_slug
from medvault.core.errors import KnownError
from medvault.gui.backup_scheduler import BackupScheduler
from medvault.gui.backup_task import BackupProgress, BackupTask
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.gui.widgets import WARNING_STYLE, message_label
from medvault.services.backup import BackupResult, create_backup
from medvault.services.session import Session
from medvault.services.vault_create import check_new_password


class BackupExportDialog(QDialog):
    backup_written = Signal(object)  # the Path of the file

    def __init__(
        self,
        session: Session,
        scheduler: BackupScheduler,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._scheduler = scheduler
        self._dialogs = dialogs
        self._target: Path | None = None
        self._hook: BackupProgress | None = None
        self.setObjectName("backup_export_dialog")
        self.setWindowTitle(self.tr("Sauvegarder maintenant"))

        self._build_form()
        self._build_buttons()
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.passphrase_check.toggled.connect(self._on_passphrase_check_toggled)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self._on_passphrase_check_toggled(False)
        self._update_start_button()

    def _build_form(self) -> None:
        intro = QLabel(
            self.tr(
                "La sauvegarde est un seul fichier chiffré. Elle s'ouvre avec les clés du coffre "
                "ou le code de secours ; sans eux, elle est illisible."
            )
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("backup_path_edit")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Choisissez où écrire le fichier"))
        self.choose_button = QPushButton(self.tr("Choisir…"))
        self.choose_button.setObjectName("choose_path_button")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)

        self.passphrase_check = QCheckBox(
            self.tr("Copie à remettre à un tiers, protégée par une phrase de passe")
        )
        self.passphrase_check.setObjectName("passphrase_check")
        self.passphrase_edit = self._secret_field("passphrase_edit")
        self.confirm_edit = self._secret_field("confirm_edit")
        phrase_hint = self._hint(
            self.tr(
                "Seule cette phrase ouvrira la copie (pas le code de secours) : "
                "transmettez-la séparément du fichier."
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Fichier"), path_row)
        form.addRow("", self.passphrase_check)
        form.addRow(self.tr("Phrase de passe"), self.passphrase_edit)
        form.addRow(self.tr("Confirmation"), self.confirm_edit)
        form.addRow("", phrase_hint)
        self._form_widgets: list[QWidget] = [
            self.choose_button,
            self.passphrase_check,
            self.passphrase_edit,
            self.confirm_edit,
        ]
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 16, 20, 16)
        self._layout.setSpacing(10)
        self._layout.addWidget(intro)
        self._layout.addLayout(form)

    def _build_buttons(self) -> None:
        self.progress = QProgressBar()
        self.progress.setObjectName("backup_progress")
        self.progress.setRange(0, 1000)  # per mille of the archive written
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.state_label = message_label("backup_state_label", WARNING_STYLE)
        self.error_label = message_label("backup_error_label")

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("Sauvegarder"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("start_backup_button")
        self.cancel_button = self.buttons.addButton(
            self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("cancel_backup_button")

        layout = self._layout
        layout.addWidget(self.progress)
        layout.addWidget(self.state_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _secret_field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    @property
    def running(self) -> bool:
        return not self.progress.isHidden()

    def _update_start_button(self) -> None:
        self.start_button.setEnabled(self._target is not None and not self.running)

    # -- slots -----------------------------------------------------------------------------------
    def _on_choose_button_clicked(self) -> None:
        start_dir = self._scheduler.folder() or Path.home()
        name = backup_file_name(
            practice_slug(self._session.header.practice_name), self._session.config.clock.now()
        )
        chosen = self._dialogs.get_save_path(
            self.tr("Enregistrer la sauvegarde"),
            start_dir / name,
            self.tr("Sauvegardes medvault (*.mvbackup)"),
        )
        if chosen is None:
            return
        if chosen.suffix != ".mvbackup":
            chosen = chosen.with_name(chosen.name + ".mvbackup")
        self._target = chosen
        self.path_edit.setText(str(chosen))
        self.path_edit.setToolTip(str(chosen))
        self.error_label.clear()
        self._update_start_button()

    def _on_passphrase_check_toggled(self, checked: bool) -> None:
        for edit in (self.passphrase_edit, self.confirm_edit):
            edit.setEnabled(checked)
            if not checked:
                edit.clear()

    def _passphrase(self) -> tuple[bool, str | None]:
        """(valid, passphrase or None); shows why when not valid."""
        if not self.passphrase_check.isChecked():
            return True, None
        phrase = self.passphrase_edit.text()
        if phrase != self.confirm_edit.text():
            self.error_label.setText(self.tr("Les deux phrases de passe ne sont pas identiques."))
            return False, None
        try:
            check_new_password(phrase)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            return False, None
        return True, phrase

    def _on_start_button_clicked(self) -> None:
        self.error_label.clear()
        target = self._target
        valid, phrase = self._passphrase()
        if target is None or not valid:
            return
        session = self._session
        # Not a child of the dialog: the worker may still call it if the dialog is gone.
        hook = BackupProgress()
        hook.advanced.connect(self.progress.setValue)

        def job() -> BackupResult:
            return create_backup(session, target, passphrase=phrase, progress=hook)

        if not self._scheduler.start(job, self._on_task_done):
            self.error_label.setText(
                self.tr("Une sauvegarde est déjà en cours ; réessayez dans un instant.")
            )
            return
        self._hook = hook
        self.progress.setValue(0)
        self._set_running(True)
        self.state_label.setText(
            self.tr("Sauvegarde en cours… « Annuler » l'arrête sans laisser de fichier incomplet.")
        )

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        for widget in self._form_widgets:
            widget.setEnabled(not running)
        if not running:
            self._on_passphrase_check_toggled(self.passphrase_check.isChecked())
        self.cancel_button.setEnabled(True)
        self._update_start_button()

    def _on_cancel_button_clicked(self) -> None:
        if not self.running:
            self.reject()
            return
        if self._hook is not None:
            self._hook.cancel()
        self.cancel_button.setEnabled(False)
        self.state_label.setText(self.tr("Annulation en cours…"))

    @property
    def cancel_requested(self) -> bool:
        return self._hook is not None and self._hook.cancelled

    def _on_task_done(self, task: BackupTask) -> None:
        cancelled = self.cancel_requested
        self._set_running(False)
        self.state_label.clear()
        result = task.result
        if isinstance(task.error, BackupCancelledError):
            if not self._scheduler.locking:
                self._dialogs.inform(self.windowTitle(), task.error.message(language()))
            self.reject()
            return
        if task.error is not None:
            self.error_label.setText(task.error.message(language()))
            return
        if not isinstance(result, BackupResult):
            return  # a bug: re-raised by the scheduler
        self.backup_written.emit(result.path)
        if not self._scheduler.locking:
            text = self._written_text(result)
            if cancelled:  # the file was complete before Cancel could stop it: kept
                text = self.tr("La sauvegarde était déjà terminée ; elle est conservée.") + (
                    "\n\n" + text
                )
            self._dialogs.inform(self.windowTitle(), text)
        self.accept()

    def _written_text(self, result: BackupResult) -> str:
        text = self.tr("Sauvegarde écrite : {path}").format(path=result.path)
        if result.passphrase_protected:
            text += "\n\n" + self.tr(
                "Cette copie ne s'ouvre qu'avec sa phrase de passe : sans elle, personne ne "
                "pourra la restaurer."
            )
        elif not result.recovery_recipient_included:
            text += "\n\n" + self.tr(
                "Attention : cette sauvegarde ne s'ouvre pas avec le seul code de secours."
            )
        return text

    def reject(self) -> None:
        if self.running:  # Escape or the close button while writing: same as Cancel
            self._on_cancel_button_clicked()
            return
        super().reject()
