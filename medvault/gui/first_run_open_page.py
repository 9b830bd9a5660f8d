"""Opening an existing vault: a folder, checked to be a medvault vault before it is kept."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget, QWizardPage

from medvault.core.errors import KnownError, VaultNotFoundError
from medvault.gui.dialogs import Dialogs
from medvault.gui.first_run_common import FolderField, WizardOutcome
from medvault.gui.settings_store import interface_language
from medvault.gui.widgets import message_label
from medvault.services.vault_info import read_practice_name


class OpenPage(QWizardPage):
    def __init__(
        self, outcome: WizardOutcome, *, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._outcome = outcome
        self.setObjectName("open_page")
        self.setTitle(self.tr("Ouvrir un coffre existant"))
        self.setSubTitle(
            self.tr(
                "Choisissez le dossier du coffre (son nom finit en général par .medvault). "
                "Il peut être sur ce poste, un disque externe ou un partage du cabinet."
            )
        )
        self.setFinalPage(True)
        self.folder = FolderField(dialogs, title=self.tr("Dossier du coffre"), name="vault_folder")
        hint = QLabel(
            self.tr(
                "Le coffre reste chiffré : vous vous connecterez ensuite avec votre identifiant "
                "et votre mot de passe."
            )
        )
        hint.setWordWrap(True)
        self.error_label = message_label("error_label")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Dossier du coffre"), self.folder)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.folder.path_changed.connect(self._on_folder_path_changed)

    def _on_folder_path_changed(self, _path: object) -> None:
        self.error_label.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.folder.path is not None

    def validatePage(self) -> bool:
        directory = self.folder.path
        if directory is None:
            return False
        try:
            practice_name = read_practice_name(directory)
        except VaultNotFoundError:
            self.error_label.setText(
                self.tr(
                    "Ce dossier n'est pas un coffre medvault : il ne contient pas de fichier "
                    "vault.json. Choisissez le dossier du coffre lui-même (par exemple "
                    "Cabinet.medvault), pas le dossier qui le contient."
                )
            )
            return False
        except KnownError as error:
            self.error_label.setText(error.message(interface_language()))
            return False
        self._outcome.directory = directory
        self._outcome.practice_name = practice_name
        return True

    def nextId(self) -> int:
        return -1
