"""The main window (first version): who is logged in, and the Lock button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medvault.gui.messages import role_label
from medvault.gui.widgets import title_label
from medvault.services.session import Session


class MainWindow(QMainWindow):
    """Owns the session it is given: Lock locks it, closing the window closes it."""

    locked = Signal()

    def __init__(self, session: Session, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        practice_name = session.header.practice_name
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("medvault — {name}").format(name=practice_name))

        title = title_label(practice_name, "practice_label")

        user_label = QLabel(session.login or self.tr("(code de secours)"))
        user_label.setObjectName("user_label")
        role = QLabel(role_label(session.role))
        role.setObjectName("role_label")
        identity = QFormLayout()
        identity.addRow(self.tr("Connecté en tant que :"), user_label)
        identity.addRow(self.tr("Profil :"), role)

        note = QLabel(
            self.tr(
                "Les dossiers patients arriveront dans la prochaine version de medvault.\n"
                "Patient files will come in the next version of medvault."
            )
        )
        note.setObjectName("note_label")
        note.setWordWrap(True)
        note.setFrameShape(QFrame.Shape.StyledPanel)
        note.setMargin(12)

        self._lock_action = QAction(self.tr("Verrouiller / Lock"), self)
        self._lock_action.setObjectName("lock_action")
        self._lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self._lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self._lock_action)
        lock_button = QPushButton(self.tr("Verrouiller / Lock"))
        lock_button.setObjectName("lock_button")
        lock_button.setToolTip(self.tr("Verrouiller le coffre (Ctrl+L)"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(lock_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(identity)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.resize(640, 360)

        lock_button.clicked.connect(self._on_lock_button_clicked)
        self._lock_action.triggered.connect(self._on_lock_action_triggered)

    @property
    def session(self) -> Session:
        return self._session

    def _on_lock_button_clicked(self) -> None:
        self._lock()

    def _on_lock_action_triggered(self) -> None:
        self._lock()

    def _lock(self) -> None:
        self._session.lock()
        # Announce first so the login window is visible before this one closes: Qt would
        # otherwise quit on the last window closed.
        self.locked.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._session.close()  # no-op after a lock
        super().closeEvent(event)
