"""The login window: one vault, login and password, one generic error on failure."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medvault.core.errors import KnownError, LoginThrottledError
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
        self._locked_login: str | None = None
        self._throttled = False
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
        self._locked_label, self._switch_button = self._lock_screen_widgets()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(path_label)
        layout.addSpacing(8)
        layout.addWidget(self._locked_label)
        layout.addLayout(form)
        if demo_password is not None:
            layout.addWidget(self._demo_label(login, demo_password))
        layout.addWidget(self._error_label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self._login_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(500)

        self._connect()
        self._focus_first_empty_field()

    def _lock_screen_widgets(self) -> tuple[QLabel, QPushButton]:
        # The lock screen: who is locked, nothing else; another user may take over.
        label = QLabel()
        label.setObjectName("locked_label")
        label.setWordWrap(True)
        label.hide()
        switch = QPushButton(self.tr("Changer d'utilisateur"))
        switch.setObjectName("switch_user_button")
        switch.hide()
        return label, switch

    def _connect(self) -> None:
        self._login_button.clicked.connect(self._on_login_button_clicked)
        self._switch_button.clicked.connect(self._on_switch_button_clicked)
        self._login_edit.returnPressed.connect(self._on_login_button_clicked)
        self._password_edit.returnPressed.connect(self._on_login_button_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def _demo_label(self, login: str, demo_password: str) -> QLabel:
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
        return demo_label

    def reset(self, login: str | None = None, message: str = "") -> None:
        """Ready for the next login: no password, no stale error, not a lock screen."""
        self._set_locked_mode(None)
        if login is not None:
            self._login_edit.setText(login)
        self._password_edit.clear()
        self._error_label.setText(message)
        self._focus_first_empty_field()

    def show_locked(self, login: str) -> None:
        """The lock screen: the practice and who is locked. Only that user's password
        unlocks, unless "switch user" is chosen (which starts an ordinary login)."""
        self.reset(login)
        self._set_locked_mode(login)
        self._password_edit.setFocus()

    @property
    def locked_login(self) -> str | None:
        return self._locked_login

    def _set_locked_mode(self, login: str | None) -> None:
        self._locked_login = login
        locked = login is not None
        self._locked_label.setText(
            self.tr(
                "Session verrouillée. Saisissez le mot de passe de {login} pour reprendre, "
                "ou changez d'utilisateur."
            ).format(login=login)
            if locked
            else ""
        )
        self._locked_label.setVisible(locked)
        self._switch_button.setVisible(locked)
        self._login_edit.setReadOnly(locked)
        self._login_button.setText(
            self.tr("Déverrouiller / Unlock") if locked else self.tr("Se connecter / Log in")
        )

    def _hold_login_button(self, seconds: int) -> None:
        """After too many failures: the button waits out the delay the vault imposes (the
        vault refuses earlier attempts anyway; this only spares a pointless click)."""
        self._throttled = True
        self._login_button.setEnabled(False)
        QTimer.singleShot(seconds * 1000, self._on_throttle_timeout)

    def _on_throttle_timeout(self) -> None:
        self._throttled = False
        self._login_button.setEnabled(True)

    def _on_switch_button_clicked(self) -> None:
        self._set_locked_mode(None)
        self._login_edit.clear()
        self._password_edit.clear()
        self._error_label.clear()
        self._login_edit.setFocus()

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
        self._login_button.setEnabled(not busy and not self._throttled)
        self._login_edit.setReadOnly(busy or self._locked_login is not None)
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
                # The locked user coming back: audited as an unlock, not a new login.
                resuming=login == self._locked_login,
            )
        except KnownError as error:
            self._password_edit.clear()
            self._show_error(error.message(language()))
            self._password_edit.setFocus()
            if isinstance(error, LoginThrottledError):
                self._hold_login_button(error.wait_seconds)
            return
        finally:
            self._set_busy(False)
        self._password_edit.clear()
        self._error_label.clear()
        self.unlocked.emit(session)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._password_edit.clear()
        super().closeEvent(event)
