"""The likely duplicates found when an identity is saved: each with a button to open it and, for
a profile allowed to change patient records, a button to merge the two files after a side by
side confirmation (PatientMergeDialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from medvault.core.errors import KnownError
from medvault.core.patient import Patient, PatientSummary
from medvault.core.permissions import Permission
from medvault.gui.messages import language
from medvault.gui.patient_merge_dialog import PatientMergeDialog
from medvault.gui.widgets import ERROR_STYLE, WARNING_STYLE, message_label
from medvault.services import patients
from medvault.services.session import Session


def may_merge(session: Session) -> bool:
    """The right merge_patients checks: the button is absent (not greyed) without it."""
    return session.config.policy.is_allowed(session.role, Permission.PATIENT_WRITE)


class DuplicatesPanel(QFrame):
    """`open_requested(id)`: show that file; `merge_requested(id)`: the owner checks nothing
    typed would be lost, then calls ask_merge; `merged(kept_id)` after a merge was written."""

    open_requested = Signal(int)
    merge_requested = Signal(int)
    merged = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates_frame")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._session = session
        self._current: Patient | None = None
        self.merge_dialog: PatientMergeDialog | None = None
        self._list = QWidget()
        self.error_label = message_label("merge_error_label")
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._list)
        self._layout.addWidget(self.error_label)
        self.hide()

    def show_duplicates(
        self, current: Patient | None, duplicates: tuple[PatientSummary, ...]
    ) -> None:
        self._current = current
        self.error_label.clear()
        listing = QWidget()
        rows = QVBoxLayout(listing)
        rows.setContentsMargins(0, 0, 0, 0)
        if duplicates:
            title = QLabel(
                self.tr(
                    "Attention : ces fiches pourraient concerner la même personne. "
                    "Vérifiez-les avant de continuer."
                )
            )
            title.setObjectName("duplicates_label")
            title.setWordWrap(True)
            title.setStyleSheet(WARNING_STYLE)
            rows.addWidget(title)
            mergeable = current is not None and may_merge(self._session)
            for summary in duplicates:
                rows.addLayout(self._row(summary, mergeable))
        self._layout.replaceWidget(self._list, listing)
        self._list.deleteLater()
        self._list = listing
        listing.show()
        self.setVisible(bool(duplicates))

    def _row(self, summary: PatientSummary, mergeable: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        opener = QPushButton(
            self.tr("Ouvrir : {name}, né(e) le {date}").format(
                name=summary.display_name, date=summary.birth_date.strftime("%d/%m/%Y")
            )
        )
        opener.setObjectName(f"open_duplicate_{summary.id}")
        opener.setProperty("patient_id", summary.id)
        opener.clicked.connect(self._on_open_button_clicked)
        row.addWidget(opener, 0, Qt.AlignmentFlag.AlignLeft)
        if mergeable:
            merger = QPushButton(self.tr("Fusionner…"))
            merger.setObjectName(f"merge_duplicate_{summary.id}")
            merger.setToolTip(self.tr("Fusionner les deux dossiers, après vérification"))
            merger.setProperty("patient_id", summary.id)
            merger.clicked.connect(self._on_merge_button_clicked)
            row.addWidget(merger, 0, Qt.AlignmentFlag.AlignLeft)
        row.addStretch(1)
        return row

    def _sender_patient_id(self) -> int | None:
        button = self.sender()
        patient_id = button.property("patient_id") if button is not None else None
        return patient_id if isinstance(patient_id, int) else None

    def _on_open_button_clicked(self) -> None:
        patient_id = self._sender_patient_id()
        if patient_id is not None:
            self.open_requested.emit(patient_id)

    # -- merging -------------------------------------------------------------------------------
    def _on_merge_button_clicked(self) -> None:
        patient_id = self._sender_patient_id()
        if patient_id is not None:
            self.merge_requested.emit(patient_id)

    def ask_merge(self, found_id: int) -> PatientMergeDialog | None:
        """Show both identities side by side; the merge is written once confirmed."""
        current = self._current
        if current is None:
            return None
        self.error_label.clear()
        try:
            current = patients.get_patient(self._session, current.id)
            found = patients.get_patient(self._session, found_id)
        except KnownError as error:
            self._show_error(error)
            return None
        dialog = PatientMergeDialog(
            current, found, with_clinical=self._session.has_clinical_access, parent=self
        )
        dialog.accepted.connect(self._on_merge_dialog_accepted)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _on_merge_dialog_accepted(self) -> None:
        dialog, self.merge_dialog = self.merge_dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        merged = dialog.merged
        try:
            kept = patients.merge_patients(
                self._session,
                duplicate_id=merged.id,
                surviving_id=dialog.kept_id,
                expected_version=merged.version,
            )
        except KnownError as error:
            self._show_error(error)
            return
        self.merged.emit(kept.id)

    def _show_error(self, error: KnownError) -> None:
        self.show_error(error.message(language()))

    def show_error(self, text: str) -> None:
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setText(text)
