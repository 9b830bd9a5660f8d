"""The login window: one vault, login and password, one generic error on failure."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medvault.core.errors import KnownError
from medvault.gui.messages import language
from medvault.gui.widgets import message_label, muted_label, title_label
from medvault.services.config import ServiceConfig
from medvault.services.demo_accounts import DEMO_RECEPTIONIST

if TYPE_CHECKING:
    from medvault.services.unlock import LoginAttempts


class LoginWindow(QWidget):
    """Emits `unlocked` with the open Session; the receiver owns it from then on."""

    unlocked = Signal(object)

    def __init__(
        self,
        directory: Path,
        *,
        practice_name: str,
        config: ServiceConfig,
        login: str = "",
        demo_password: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._config = config
        # One per window: failures seen here go to the audit log at the next successful login.
        self._attempts: LoginAttempts | None = None  # made at the first login
        self.setObjectName("login_window")
        self.setWindowTitle(self.tr("medvault — {name}").format(name=practice_name))

        title = title_label(practice_name, "practice_label")
        path_label = muted_label(str(directory), "path_label")

        self._login_edit = QLineEdit(login)
        self._login_edit.setObjectName("login_edit")
        self._login_edit.setMaxLength(64)
        self._password_edit = QLineEdit()
        self._password_edit.setObjectName("password_edit")
        self._password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Identifiant"), self._login_edit)
        form.addRow(self.tr("Mot de passe"), self._password_edit)

        self._error_label = message_label("error_label")
        self._error_label.setAccessibleName(self.tr("Message d'erreur"))

        self._login_button = QPushButton(self.tr("Se connecter / Log in"))
        self._login_button.setObjectName("login_button")
        self._login_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(path_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        if demo_password is not None:
            demo_label = QLabel(
                self.tr(
                    "Coffre de démonstration (patients fictifs, effacé à la fermeture)\n"
                    "Praticien : {login} / {password}\n"
                    "Accueil : {desk_login} / {desk_password}"
                ).format(
                    login=login or "demo",
                    password=demo_password,
                    desk_login=DEMO_RECEPTIONIST.login,
                    desk_password=DEMO_RECEPTIONIST.password,
                )
            )
            demo_label.setObjectName("demo_label")
            demo_label.setWordWrap(True)
            demo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(demo_label)
        layout.addWidget(self._error_label)
        layout.addStretch(1)
        layout.addWidget(self._login_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(500)

        self._login_button.clicked.connect(self._on_login_button_clicked)
        self._login_edit.returnPressed.connect(self._on_login_button_clicked)
        self._password_edit.returnPressed.connect(self._on_login_button_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self._focus_first_empty_field()

    def reset(self, login: str | None = None, message: str = "") -> None:
        """Ready for the next login (after a lock): no password, no stale error."""
        if login is not None:
            self._login_edit.setText(login)
        self._password_edit.clear()
        self._error_label.setText(message)
        self._focus_first_empty_field()

    def _focus_first_empty_field(self) -> None:
        if self._login_edit.text():
            self._password_edit.setFocus()
        else:
            self._login_edit.setFocus()

    def _show_error(self, text: str) -> None:
        self._error_label.setText(text)

    def _set_busy(self, busy: bool) -> None:
        # Unlocking runs Argon2id on purpose (about half a second): say so, and refuse a
        # second click meanwhile.
        self._login_button.setEnabled(not busy)
        self._login_edit.setReadOnly(busy)
        self._password_edit.setReadOnly(busy)
        if busy:
            self._error_label.setText(self.tr("Vérification…"))
            self._error_label.repaint()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _on_login_button_clicked(self) -> None:
        if not self._login_button.isEnabled():
            return
        login = self._login_edit.text().strip()
        password = self._password_edit.text()
        if not login or not password:
            self._show_error(self.tr("Saisissez votre identifiant et votre mot de passe."))
            self._focus_first_empty_field()
            return
        # Loaded on first use (or by the preload after the window shows): start time.
        from medvault.services.unlock import LoginAttempts, unlock

        if self._attempts is None:
            self._attempts = LoginAttempts()
        self._set_busy(True)
        try:
            session = unlock(
                self._directory,
                login,
                password,
                config=self._config,
                attempts=self._attempts,
            )
        except KnownError as error:
            self._password_edit.clear()
            self._show_error(error.message(language()))
            self._password_edit.setFocus()
            return
        finally:
            self._set_busy(False)
        self._password_edit.clear()
        self._error_label.clear()
        self.unlocked.emit(session)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._password_edit.clear()
        super().closeEvent(event)
