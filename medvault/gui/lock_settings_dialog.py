"""The practice's lock delays (practitioners only): how long an unattended session stays open,
one delay per role, and whether minimising the window locks it. Kept in the vault, so every
workstation applies them and a receptionist cannot lengthen her own."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from medvault.core.errors import KnownError
from medvault.core.permissions import Permission
from medvault.core.session_lock import MAX_MINUTES, MIN_MINUTES, LockDelays
from medvault.gui.messages import language
from medvault.gui.widgets import message_label
from medvault.services import lock_settings
from medvault.services.session import Session


class LockSettingsDialog(QDialog):
    """`delays_saved(LockDelays)` once the vault holds the new delays."""

    delays_saved = Signal(object)

    @staticmethod
    def available_to(session: Session) -> bool:
        return session.config.policy.is_allowed(session.role, Permission.SESSION_SETTINGS)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("lock_settings_dialog")
        self.setWindowTitle(self.tr("Verrouillage automatique"))
        current = lock_settings.lock_delays(session)
        self.practitioner_spin = self._spin("practitioner_minutes", current.practitioner_minutes)
        self.receptionist_spin = self._spin("receptionist_minutes", current.receptionist_minutes)
        self.minimise_check = QCheckBox(self.tr("Verrouiller aussi quand la fenêtre est réduite"))
        self.minimise_check.setObjectName("lock_on_minimise_check")
        self.minimise_check.setChecked(current.lock_on_minimise)
        intro = QLabel(
            self.tr(
                "Sans clavier ni souris pendant ce délai, medvault verrouille le coffre : les "
                "clés sont effacées de la mémoire et les saisies en cours sont conservées, "
                "chiffrées. Le poste d'accueil, vu des patients, peut se verrouiller plus tôt. "
                "S'applique à tous les postes."
            )
        )
        intro.setWordWrap(True)
        self._error = message_label("lock_settings_error")
        form = QFormLayout()
        form.addRow(self.tr("Praticiens"), self.practitioner_spin)
        form.addRow(self.tr("Secrétariat-accueil"), self.receptionist_spin)
        form.addRow("", self.minimise_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

    def _spin(self, name: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(f"{name}_spin")
        spin.setRange(MIN_MINUTES, MAX_MINUTES)
        spin.setSuffix(self.tr(" min"))
        spin.setValue(value)
        spin.setMaximumWidth(120)
        return spin

    def delays(self) -> LockDelays:
        return LockDelays(
            practitioner_minutes=self.practitioner_spin.value(),
            receptionist_minutes=self.receptionist_spin.value(),
            lock_on_minimise=self.minimise_check.isChecked(),
        )

    def _on_buttons_accepted(self) -> None:
        delays = self.delays()
        try:
            lock_settings.set_lock_delays(self._session, delays)
        except KnownError as error:
            self._error.setText(error.message(language()))
            return
        self.delays_saved.emit(delays)
        self.accept()
