"""The first-run wizard: create a vault (then its recovery code), open one, or restore a
backup. Emits `vault_chosen` with the vault's folder just before it closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from medvault.gui.dialogs import Dialogs
from medvault.gui.first_run_choice_page import ChoicePage
from medvault.gui.first_run_common import PageId, WizardOutcome
from medvault.gui.first_run_create_page import CreatePage
from medvault.gui.first_run_open_page import OpenPage
from medvault.gui.first_run_recovery_page import RecoveryPage
from medvault.gui.first_run_restore_page import RestorePage
from medvault.services.config import ServiceConfig


class FirstRunWizard(QWizard):
    vault_chosen = Signal(object)  # Path of the vault to use

    def __init__(
        self,
        *,
        config: ServiceConfig,
        dialogs: Dialogs,
        start: PageId = PageId.CHOICE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dialogs = dialogs
        self.outcome = WizardOutcome()
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("medvault — premier démarrage"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.choice_page = ChoicePage()
        self.create_page = CreatePage(self.outcome, config=config, dialogs=dialogs)
        self.recovery_page = RecoveryPage(self.outcome, config=config, dialogs=dialogs)
        self.open_page = OpenPage(self.outcome, dialogs=dialogs)
        self.restore_page = RestorePage(self.outcome, config=config, dialogs=dialogs)
        self.setPage(int(PageId.CHOICE), self.choice_page)
        self.setPage(int(PageId.CREATE), self.create_page)
        self.setPage(int(PageId.RECOVERY), self.recovery_page)
        self.setPage(int(PageId.OPEN), self.open_page)
        self.setPage(int(PageId.RESTORE), self.restore_page)
        self.setStartId(int(start))
        for which, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Précédent")),
            (QWizard.WizardButton.NextButton, self.tr("Suivant >")),
            (QWizard.WizardButton.FinishButton, self.tr("Terminer")),
            (QWizard.WizardButton.CancelButton, self.tr("Annuler")),
        ):
            self.setButtonText(which, text)
        self.setMinimumSize(720, 640)

    @property
    def vault_directory(self) -> Path | None:
        return self.outcome.directory

    def _code_not_confirmed(self) -> bool:
        return bool(self.outcome.recovery_code) and self.currentId() == int(PageId.RECOVERY)

    def done(self, result: int) -> None:
        if result != int(QDialog.DialogCode.Accepted):
            super().done(result)  # QWizard resets its pages on cancel
            return
        # QWizard.done would validate the page itself, after the point where the next window
        # must already be up; validate here instead, once.
        if not self.validateCurrentPage():
            return
        directory = self.outcome.directory
        self.outcome.recovery_code = ""  # shown once: forget it now
        if directory is not None:
            # Announced before closing, so Qt never sees zero windows and quits.
            self.vault_chosen.emit(directory)
        QDialog.done(self, result)

    def reject(self) -> None:
        """Cancel, Escape and closing the window all come here (QDialog.closeEvent too)."""
        if not self._code_not_confirmed():
            super().reject()
            return
        if self._dialogs.confirm(
            self.tr("Code de secours"),
            self.tr(
                "Le coffre est créé, mais le code de secours ne sera plus jamais affiché. "
                "Sans lui, un mot de passe de praticien oublié ne peut pas être remplacé.\n\n"
                "Continuer sans avoir vérifié le code ?"
            ),
        ):
            self.accept()  # the vault exists: open it rather than lose track of it
