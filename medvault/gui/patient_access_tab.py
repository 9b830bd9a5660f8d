"""The "who accessed this file" tab (practitioners): every audit record naming this patient's
file number — reads, changes, exports, refusals — newest first, live log and archive.

The history is read when the tab is first shown, not when the file opens: opening it is itself
audited against the patient, and a file opened for something else should not record that."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from medvault.core.errors import KnownError
from medvault.core.permissions import Permission
from medvault.gui.audit_model import COLUMN_KEYS, AuditTableModel, audit_table_view
from medvault.gui.messages import language
from medvault.gui.widgets import message_label
from medvault.services import audit_view
from medvault.services.session import Session


class PatientAccessTab(QWidget):
    def __init__(self, session: Session, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patient_access_tab")
        self._session = session
        self._patient_id = patient_id
        self._loaded = False
        self.model = AuditTableModel(session, self)
        self.table = audit_table_view(self.model, "access_table")
        self.table.setColumnHidden(COLUMN_KEYS.index("patient"), True)
        note = QLabel(
            self.tr(
                "Qui a consulté, modifié ou exporté ce dossier, du plus récent au plus ancien "
                "(journal d'audit, archive comprise). L'ouverture de cet onglet est elle-même "
                "enregistrée."
            )
        )
        note.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.setObjectName("refresh_button")
        self.error_label = message_label("error_label")
        top = QHBoxLayout()
        top.addWidget(note, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.model.load_failed.connect(self.error_label.setText)

    @staticmethod
    def available_to(session: Session) -> bool:
        return session.config.policy.is_allowed(session.role, Permission.AUDIT_READ)

    @property
    def loaded(self) -> bool:
        return self._loaded

    def load(self) -> None:
        """Open the history (audited) and show its first page."""
        self.error_label.clear()
        try:
            cursor = audit_view.open_access_history(self._session, self._patient_id)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            return
        self._loaded = True
        self.model.set_cursor(cursor)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def _on_refresh_button_clicked(self) -> None:
        self.load()
