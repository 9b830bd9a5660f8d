"""The recovery code, shown once: print it (or save the sheet as PDF), then type back two
groups chosen at random before the wizard can finish."""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from medvault.gui.dialogs import Dialogs
from medvault.gui.first_run_common import WizardOutcome
from medvault.gui.recovery_sheet import RecoverySheet
from medvault.gui.widgets import SUCCESS_STYLE, WARNING_STYLE, message_label, muted_label
from medvault.services.config import ServiceConfig

GROUPS_TO_CHECK = 2
_READ_BACK = str.maketrans({"O": "0", "I": "1", "L": "1"})  # as the code is read at unlock


def _same_group(typed: str, expected: str) -> bool:
    cleaned = "".join(typed.split()).upper().translate(_READ_BACK)
    return cleaned == expected


class RecoveryPage(QWizardPage):
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
        self._groups: list[str] = []
        self.asked_groups: tuple[int, ...] = ()  # 0-based indexes of the groups to type back
        self.setObjectName("recovery_page")
        self.setTitle(self.tr("Votre code de secours"))
        self.setSubTitle(
            self.tr(
                "Ce code ouvre tout le coffre si les mots de passe sont perdus. Il ne sera plus "
                "jamais affiché : imprimez la feuille de secours et rangez-la sous clé."
            )
        )
        self.setFinalPage(True)

        self._code_frame = QFrame()
        self._code_frame.setObjectName("code_frame")
        self._code_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self._code_grid = QGridLayout(self._code_frame)
        self._code_grid.setHorizontalSpacing(24)
        self._code_grid.setVerticalSpacing(4)

        self.print_button = QPushButton(self.tr("Imprimer / Print"))
        self.print_button.setObjectName("print_button")
        self.pdf_button = QPushButton(self.tr("Enregistrer en PDF…"))
        self.pdf_button.setObjectName("pdf_button")
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button)
        print_row.addWidget(self.pdf_button)
        print_row.addStretch(1)
        self.print_status = message_label("print_status", SUCCESS_STYLE)

        self._check_intro = QLabel()
        self._check_intro.setObjectName("check_intro")
        self._check_intro.setWordWrap(True)
        self.check_edits = [QLineEdit() for _ in range(GROUPS_TO_CHECK)]
        self._check_labels = [QLabel() for _ in range(GROUPS_TO_CHECK)]
        self._check_form = QFormLayout()
        for number, (label, edit) in enumerate(
            zip(self._check_labels, self.check_edits, strict=True)
        ):
            edit.setObjectName(f"check_edit_{number}")
            edit.setMaxLength(8)
            edit.setMaximumWidth(140)
            edit.setFont(self._mono(1.2))
            edit.textChanged.connect(self._on_check_edit_text_changed)
            self._check_form.addRow(label, edit)
        self.check_label = message_label("check_label", WARNING_STYLE)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self._code_frame)
        layout.addLayout(print_row)
        layout.addWidget(self.print_status)
        layout.addSpacing(6)
        layout.addWidget(self._check_intro)
        layout.addLayout(self._check_form)
        layout.addWidget(self.check_label)
        layout.addStretch(1)

        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)

    @staticmethod
    def _mono(scale: float) -> QFont:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * scale)
        return font

    def initializePage(self) -> None:
        self._groups = self._outcome.recovery_code.split("-")
        while self._code_grid.count():
            item = self._code_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, group in enumerate(self._groups):
            row, column = divmod(index, 4)
            number = muted_label(str(index + 1), f"group_number_{index}")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = QLabel(group)
            label.setObjectName(f"code_group_{index}")
            label.setFont(self._mono(2.0))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._code_grid.addWidget(number, row * 2, column)
            self._code_grid.addWidget(label, row * 2 + 1, column)
        chooser = secrets.SystemRandom()
        self.asked_groups = tuple(sorted(chooser.sample(range(len(self._groups)), 2)))
        self._check_intro.setText(
            self.tr(
                "Pour vérifier que le code est bien noté, recopiez les groupes n° {first} et "
                "n° {second} depuis la feuille imprimée."
            ).format(first=self.asked_groups[0] + 1, second=self.asked_groups[1] + 1)
        )
        for label, index in zip(self._check_labels, self.asked_groups, strict=True):
            label.setText(self.tr("Groupe n° {number}").format(number=index + 1))
        for edit in self.check_edits:
            edit.clear()

    def _sheet(self) -> RecoverySheet:
        assert self._outcome.directory is not None
        return RecoverySheet(
            practice_name=self._outcome.practice_name,
            vault_path=self._outcome.directory,
            recovery_code=self._outcome.recovery_code,
            date=self._config.clock.now().date(),
        )

    def _on_print_button_clicked(self) -> None:
        if not QPrinterInfo.availablePrinters():
            self._save_pdf()
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._sheet().print_to(printer)
            self.print_status.setText(self.tr("Feuille de secours envoyée à l'imprimante."))

    def _on_pdf_button_clicked(self) -> None:
        self._save_pdf()

    def _save_pdf(self) -> None:
        path = self._dialogs.get_save_path(
            self.tr("Enregistrer la feuille de secours"),
            Path.home() / "code-de-secours-medvault.pdf",
            self.tr("Document PDF (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._sheet().save_pdf(path)
        self.print_status.setText(
            self.tr(
                "Feuille enregistrée dans {path}. Imprimez-la, puis supprimez ce fichier : "
                "le code ne doit pas rester sur l'ordinateur."
            ).format(path=path)
        )

    def _on_check_edit_text_changed(self, _text: str) -> None:
        typed = [edit.text() for edit in self.check_edits]
        wrong = any(
            len(text.strip()) >= 4 and not _same_group(text, self._groups[index])
            for text, index in zip(typed, self.asked_groups, strict=True)
        )
        self.check_label.setText(
            self.tr("Ce groupe ne correspond pas au code affiché.") if wrong else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if len(self.asked_groups) != GROUPS_TO_CHECK:
            return False
        return all(
            _same_group(edit.text(), self._groups[index])
            for edit, index in zip(self.check_edits, self.asked_groups, strict=True)
        )

    def cleanupPage(self) -> None:
        self._groups = []

    def nextId(self) -> int:
        return -1
