"""Preferences kept on this computer (QSettings, never patient data): interface language, which
vault opens at start, and automatic backups (their own tab). The lock delays are the practice's,
kept in the vault (see lock_settings_dialog)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medvault.gui.backup_settings_page import BackupSettingsPage
from medvault.gui.dialogs import Dialogs
from medvault.gui.first_run_common import PageId
from medvault.gui.first_run_wizard import FirstRunWizard
from medvault.gui.settings_store import LANGUAGE_SYSTEM, SettingsStore
from medvault.services.config import ServiceConfig


class SettingsDialog(QDialog):
    """Saves on OK only; the language and vault location apply at the next start."""

    def __init__(
        self,
        settings: SettingsStore,
        *,
        config: ServiceConfig,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._config = config
        self._dialogs = dialogs
        self._vault = settings.last_vault()
        self.wizard: FirstRunWizard | None = None
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Préférences"))

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.addItem(self.tr("Langue du système"), LANGUAGE_SYSTEM)
        self.language_combo.addItem("Français", "fr")  # each language in its own words
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(self.language_combo.findData(settings.language()))
        language_hint = self._hint(self.tr("S'applique au prochain démarrage de medvault."))

        vault_row = self._vault_row()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("Langue"), self.language_combo)
        form.addRow("", language_hint)
        form.addRow(self.tr("Coffre"), vault_row)
        form.addRow("", self.vault_hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self._tabs(form, settings, dialogs), 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _tabs(self, form: QFormLayout, settings: SettingsStore, dialogs: Dialogs) -> QTabWidget:
        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addStretch(1)
        self.backup_page = BackupSettingsPage(settings, dialogs)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.tabs.addTab(general, self.tr("Général"))
        self.tabs.addTab(self.backup_page, self.tr("Sauvegardes"))
        return self.tabs

    def _vault_row(self) -> QHBoxLayout:
        self.vault_edit = QLineEdit()
        self.vault_edit.setObjectName("vault_edit")
        self.vault_edit.setReadOnly(True)
        self.change_button = QPushButton(self.tr("Changer…"))
        self.change_button.setObjectName("change_vault_button")
        row = QHBoxLayout()
        row.addWidget(self.vault_edit, 1)
        row.addWidget(self.change_button)
        self.vault_hint = self._hint(self.tr("Le coffre ouvert au démarrage de medvault."))
        self._show_vault()
        return row

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
        return label

    def _show_vault(self) -> None:
        text = str(self._vault) if self._vault is not None else self.tr("(aucun)")
        self.vault_edit.setText(text)
        self.vault_edit.setToolTip(text)

    def _on_change_button_clicked(self) -> None:
        wizard = FirstRunWizard(
            config=self._config, dialogs=self._dialogs, start=PageId.OPEN, parent=self
        )
        wizard.vault_chosen.connect(self._on_wizard_vault_chosen)
        self.wizard = wizard
        wizard.open()

    def _on_wizard_vault_chosen(self, directory: Path) -> None:
        self._vault = directory
        self._show_vault()
        self.vault_hint.setText(self.tr("Ce coffre sera ouvert au prochain démarrage de medvault."))

    def _on_buttons_accepted(self) -> None:
        self._settings.set_language(str(self.language_combo.currentData()))
        if self._vault is not None and self._vault != self._settings.last_vault():
            self._settings.remember_vault(self._vault)
        self.backup_page.save()
        self.accept()
