"""Asks for the recovery code, to verify a backup made before the vault keys were rotated
(the session's keys no longer open it). The code is typed hidden and never stored."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class BackupRecoveryCodeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_recovery_code_dialog")
        self.setWindowTitle(self.tr("Vérifier avec le code de secours"))
        intro = QLabel(
            self.tr(
                "Les clés du coffre ont été renouvelées depuis cette sauvegarde. Saisissez le "
                "code de secours imprimé à la création du coffre (les tirets et les majuscules "
                "ne comptent pas)."
            )
        )
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("recovery_code_edit")
        self.code_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Vérifier"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(intro)
        layout.addWidget(self.code_edit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def code(self) -> str:
        return self.code_edit.text()

    def _on_buttons_accepted(self) -> None:
        if self.code_edit.text().strip():
            self.accept()
