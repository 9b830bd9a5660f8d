"""First page of the wizard: create a vault, open an existing one, or restore a backup."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget, QWizardPage

from medvault.gui.first_run_common import PageId


class ChoicePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choice_page")
        self.setTitle(self.tr("Bienvenue dans medvault"))
        self.setSubTitle(
            self.tr(
                "medvault range les dossiers patients du cabinet dans un coffre chiffré. "
                "Que souhaitez-vous faire ?"
            )
        )
        self.create_radio = self._radio(
            "create_radio", self.tr("Créer un nouveau coffre pour le cabinet")
        )
        self.open_radio = self._radio(
            "open_radio", self.tr("Ouvrir un coffre existant (sur ce poste ou un disque)")
        )
        self.restore_radio = self._radio(
            "restore_radio", self.tr("Restaurer une sauvegarde avec le code de secours")
        )
        self.create_radio.setChecked(True)
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for radio, hint in (
            (
                self.create_radio,
                self.tr("Premier démarrage : vous serez le premier praticien du coffre."),
            ),
            (self.open_radio, self.tr("Le coffre est un dossier dont le nom finit par .medvault.")),
            (
                self.restore_radio,
                self.tr("Après une panne ou un vol : la sauvegarde devient un nouveau coffre."),
            ),
        ):
            group.addButton(radio)
            layout.addWidget(radio)
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setContentsMargins(28, 0, 0, 6)
            layout.addWidget(note)
        layout.addStretch(1)

    def _radio(self, name: str, text: str) -> QRadioButton:
        radio = QRadioButton(text)
        radio.setObjectName(name)
        return radio

    def nextId(self) -> int:
        if self.open_radio.isChecked():
            return int(PageId.OPEN)
        if self.restore_radio.isChecked():
            return int(PageId.RESTORE)
        return int(PageId.CREATE)
