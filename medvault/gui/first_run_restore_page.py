"""Restoring a backup as a new vault: the backup file, the recovery code and a target folder.
The service checks everything in a temporary folder first: nothing half-restored is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from medvault.core.backup_retention import BACKUP_SUFFIX
from medvault.core.errors import KnownError
from medvault.gui.dialogs import Dialogs
from medvault.gui.first_run_common import (
    FolderField,
    WizardOutcome,
    busy,
    default_folder,
    stacked,
    vault_path_in,
)
from medvault.gui.settings_store import interface_language
from medvault.gui.widgets import message_label, muted_label
from medvault.services.backup_restore import restore_backup
from medvault.services.backup_verify import BackupSecrets
from medvault.services.config import ServiceConfig
from medvault.services.vault_info import read_practice_name


class RestorePage(QWizardPage):
    def __init__(
        self,
        outcome: WizardOutcome,
        *,
        config: ServiceConfig,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._outcome = outcome
        self._config = config
        self._dialogs = dialogs
        self.setObjectName("restore_page")
        self.setTitle(self.tr("Restaurer une sauvegarde"))
        self.setSubTitle(
            self.tr(
                "La sauvegarde devient un nouveau coffre. Le code de secours figure sur la "
                "feuille imprimée à la création du coffre."
            )
        )
        self.setFinalPage(True)
        self.backup = FolderField(
            dialogs,
            title=self.tr("Fichier de sauvegarde"),
            name="backup_file",
            choose_file=self.tr("Sauvegardes medvault (*{suffix});;Tous les fichiers (*)").format(
                suffix=BACKUP_SUFFIX
            ),
        )
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setMaxLength(64)
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.target = FolderField(
            dialogs, title=self.tr("Dossier où restaurer le coffre"), name="target_folder"
        )
        self.target.set_path(default_folder())
        self._target_label = muted_label("", "restore_target_label")
        self.error_label = message_label("error_label")
        note = QLabel(
            self.tr(
                "Après une restauration par le code de secours, chaque utilisateur garde son "
                "mot de passe de l'époque de la sauvegarde mais devra en choisir un nouveau "
                "à sa prochaine connexion."
            )
        )
        note.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("Sauvegarde"), self.backup)
        form.addRow(self.tr("Code de secours"), self.code_edit)
        form.addRow(self.tr("Restaurer dans"), stacked(self.target, self._target_label))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.backup.path_changed.connect(self._on_field_changed)
        self.target.path_changed.connect(self._on_field_changed)
        self.code_edit.textChanged.connect(self._on_field_changed)
        self._update_target()

    def target_path(self) -> Path | None:
        folder = self.target.path
        return vault_path_in(folder, "Cabinet-restaure") if folder is not None else None

    def _update_target(self) -> None:
        target = self.target_path()
        self._target_label.setText(
            self.tr("Le coffre restauré sera : {path}").format(path=target)
            if target is not None
            else ""
        )

    def _on_field_changed(self, _value: object) -> None:
        self.error_label.clear()
        self._update_target()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (
            self.backup.path is not None
            and self.target.path is not None
            and bool(self.code_edit.text().strip())
        )

    def validatePage(self) -> bool:
        backup, target = self.backup.path, self.target_path()
        if backup is None or target is None:
            return False
        secrets = BackupSecrets(recovery_code=self.code_edit.text())
        try:
            with busy(self.wizard()):
                report = restore_backup(backup, target, secrets, config=self._config)
            practice_name = read_practice_name(report.directory)
        except KnownError as error:
            self.error_label.setText(error.message(interface_language()))
            return False
        self.code_edit.clear()
        self._outcome.directory = report.directory
        self._outcome.practice_name = practice_name
        self._dialogs.inform(
            self.tr("Sauvegarde restaurée"),
            self.tr(
                "Le coffre a été restauré dans {path}.\n\n"
                "Connectez-vous avec votre identifiant et le mot de passe que vous aviez à la "
                "date de la sauvegarde ; medvault vous demandera d'en choisir un nouveau."
            ).format(path=report.directory),
        )
        return True

    def nextId(self) -> int:
        return -1
