"""A new recovery code (Cabinet menu, practitioners): for a lost recovery sheet, or one that
someone may have seen. First the consequences and the user's password; then the new code, shown
once, printed or saved as PDF, with two groups typed back. Nothing changes in the vault before
Finish: closing the wizard earlier (or a lock) leaves the current code in force."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from medvault.core.errors import KnownError
from medvault.core.permissions import Permission
from medvault.core.recovery_code import generate_recovery_code
from medvault.gui.dialogs import Dialogs
from medvault.gui.first_run_common import WizardOutcome
from medvault.gui.first_run_recovery_page import RecoveryPage
from medvault.gui.messages import language
from medvault.gui.widgets import message_label
from medvault.services.recovery_code import (
    check_password_for_recovery_code,
    replace_recovery_code,
)
from medvault.services.session import Session


class _PasswordPage(QWizardPage):
    """What a new code changes, and the user's password (checked before the code is made)."""

    def __init__(self, session: Session, outcome: WizardOutcome) -> None:
        super().__init__()
        self._session = session
        self._outcome = outcome
        self.setObjectName("recovery_password_page")
        self.setTitle(self.tr("Nouveau code de secours"))
        explanation = QLabel(
            self.tr(
                "À faire si la feuille de secours est perdue, ou si quelqu'un a pu la voir.\n\n"
                "Le nouveau code remplace l'actuel : l'ancienne feuille n'ouvrira plus le "
                "coffre, ni les sauvegardes faites à partir de maintenant. Les sauvegardes déjà "
                "faites s'ouvrent toujours avec l'ancienne feuille : gardez-la sous clé tant "
                "que vous gardez ces sauvegardes.\n\n"
                "Rien ne change avant la dernière étape, où le nouveau code est enregistré."
            )
        )
        explanation.setObjectName("recovery_explanation")
        explanation.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Votre mot de passe"))
        self.error_label = message_label("password_error_label")
        form = QFormLayout()
        form.addRow(self.tr("Votre mot de passe :"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    @property
    def password(self) -> str:
        return self.password_edit.text()

    def validatePage(self) -> bool:
        try:
            check_password_for_recovery_code(self._session, password=self.password)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return False
        self.error_label.clear()
        self._outcome.recovery_code = generate_recovery_code()
        return True


class RecoveryCodeWizard(QWizard):
    """`replaced`: the new code is in force (emitted once, before the wizard closes)."""

    replaced = Signal()

    @staticmethod
    def available_to(session: Session) -> bool:
        return session.has_clinical_access and session.config.policy.is_allowed(
            session.role, Permission.KEYS_ROTATE
        )

    def __init__(self, session: Session, dialogs: Dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._dialogs = dialogs
        self.setObjectName("recovery_code_wizard")
        self.setWindowTitle(self.tr("Nouveau code de secours — medvault"))
        self._outcome = WizardOutcome(
            directory=session.directory, practice_name=session.header.practice_name
        )
        self.password_page = _PasswordPage(session, self._outcome)
        self.recovery_page = RecoveryPage(self._outcome, config=session.config, dialogs=dialogs)
        self.addPage(self.password_page)
        self.addPage(self.recovery_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(720, 600)

    def accept(self) -> None:
        # Three Argon2id runs (password, new slot, backup recipient): about a second or two.
        failure: KnownError | None = None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            replace_recovery_code(
                self._session,
                password=self.password_page.password,
                new_code=self._outcome.recovery_code,
            )
        except KnownError as error:
            failure = error
        finally:
            QGuiApplication.restoreOverrideCursor()
        if failure is not None:
            self._dialogs.warn(self.tr("Nouveau code de secours"), failure.message(language()))
            return
        self._forget_secrets()
        self.replaced.emit()
        self._dialogs.inform(
            self.tr("Nouveau code de secours"),
            self.tr(
                "Le nouveau code de secours est enregistré : l'ancienne feuille n'ouvre plus "
                "le coffre. Faites maintenant une sauvegarde, qui s'ouvrira avec la nouvelle "
                "feuille."
            ),
        )
        super().accept()

    def reject(self) -> None:
        self._forget_secrets()  # nothing was changed: the current code stays in force
        super().reject()

    def _forget_secrets(self) -> None:
        self._outcome.recovery_code = ""
        self.password_page.password_edit.clear()
        self.recovery_page.cleanupPage()
