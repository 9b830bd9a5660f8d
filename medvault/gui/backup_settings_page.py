"""The 'Sauvegardes' tab of the preferences: the folder for automatic backups (a USB disk, a
network share), how many to keep, and when the status line warns. Kept in QSettings: a folder
path and numbers, never patient data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from medvault.core.backup_retention import RetentionPolicy
from medvault.gui.dialogs import Dialogs
from medvault.gui.settings_store import KEEP_RANGES, MAX_AGE_MAX, MAX_AGE_MIN, SettingsStore


class BackupSettingsPage(QWidget):
    def __init__(
        self, settings: SettingsStore, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._dialogs = dialogs
        self._folder = settings.backup_folder()
        self.setObjectName("backup_settings_page")

        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("backup_folder_edit")
        self.folder_edit.setReadOnly(True)
        self.folder_button = QPushButton(self.tr("Choisir…"))
        self.folder_button.setObjectName("backup_folder_button")
        self.clear_button = QPushButton(self.tr("Aucun"))
        self.clear_button.setObjectName("backup_folder_clear_button")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        folder_row.addWidget(self.clear_button)

        policy = settings.backup_retention()
        self.daily_spin = self._spin("keep_daily_spin", "daily", policy.daily)
        self.weekly_spin = self._spin("keep_weekly_spin", "weekly", policy.weekly)
        self.monthly_spin = self._spin("keep_monthly_spin", "monthly", policy.monthly)
        self.max_age_spin = QSpinBox()
        self.max_age_spin.setObjectName("max_age_spin")
        self.max_age_spin.setRange(MAX_AGE_MIN, MAX_AGE_MAX)
        self.max_age_spin.setSuffix(self.tr(" jour(s)"))
        self.max_age_spin.setValue(settings.backup_max_age_days())
        self.max_age_spin.setMaximumWidth(140)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("Dossier"), folder_row)
        form.addRow(
            "",
            self._hint(
                self.tr(
                    "Une sauvegarde chiffrée y est écrite à la fermeture de medvault et au moins "
                    "une fois par jour. Choisissez un disque externe ou un partage réseau, pas "
                    "le disque de l'ordinateur."
                )
            ),
        )
        form.addRow(self.tr("Garder (quotidiennes)"), self.daily_spin)
        form.addRow(self.tr("Garder (hebdomadaires)"), self.weekly_spin)
        form.addRow(self.tr("Garder (mensuelles)"), self.monthly_spin)
        form.addRow(
            "",
            self._hint(
                self.tr(
                    "Les plus anciennes sauvegardes automatiques de ce cabinet sont supprimées "
                    "au-delà ; aucun autre fichier du dossier n'est touché."
                )
            ),
        )
        form.addRow(self.tr("Alerte après"), self.max_age_spin)
        form.addRow(
            "",
            self._hint(self.tr("La barre d'état signale une sauvegarde plus ancienne que cela.")),
        )
        self._show_folder()
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)

    def _spin(self, name: str, period: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        low, high = KEEP_RANGES[period]
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setMaximumWidth(140)
        return spin

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
        return label

    @property
    def folder(self) -> Path | None:
        return self._folder

    def _show_folder(self) -> None:
        text = str(self._folder) if self._folder is not None else self.tr("(aucun)")
        self.folder_edit.setText(text)
        self.folder_edit.setToolTip(text)
        self.clear_button.setEnabled(self._folder is not None)

    def _on_folder_button_clicked(self) -> None:
        chosen = self._dialogs.get_folder(self.tr("Dossier des sauvegardes"), self._folder)
        if chosen is not None:
            self._folder = chosen
            self._show_folder()

    def _on_clear_button_clicked(self) -> None:
        self._folder = None
        self._show_folder()

    def save(self) -> None:
        self._settings.set_backup_folder(self._folder)
        self._settings.set_backup_retention(
            RetentionPolicy(
                daily=self.daily_spin.value(),
                weekly=self.weekly_spin.value(),
                monthly=self.monthly_spin.value(),
            )
        )
        self._settings.set_backup_max_age_days(self.max_age_spin.value())
