"""Book or move one appointment: patient (when booking from the agenda), date, start, duration
and a short administrative reason. The reason field says plainly that it is not for medical
information, since the desk and the whole practice see it."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from medvault.core.appointment import (
    MAX_DURATION,
    MAX_REASON,
    MIN_DURATION,
    Appointment,
    BookingResult,
)
from medvault.core.errors import FieldError, KnownError
from medvault.gui.messages import language
from medvault.gui.widgets import message_label
from medvault.services import appointments, patients_search
from medvault.services.session import Session

DEFAULT_DURATION = 15
_PATIENT_RESULTS = 20


class AppointmentDialog(QDialog):
    """Saves through the services itself; `saved` carries the BookingResult (with overlaps)."""

    saved = Signal(object)

    def __init__(
        self,
        session: Session,
        *,
        patient_id: int | None = None,
        appointment: Appointment | None = None,
        day: date | None = None,
        start: time | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._appointment = appointment
        self._patient_id = appointment.patient_id if appointment else patient_id
        self.setObjectName("appointment_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            self.tr("Déplacer le rendez-vous") if appointment else self.tr("Nouveau rendez-vous")
        )

        form = QFormLayout()
        self._patient_edit: QLineEdit | None = None
        self._patient_list: QListWidget | None = None
        if self._patient_id is None:
            self._add_patient_picker(form)
        self._add_slot_fields(form)

        if appointment is not None:
            slot = appointment.slot
            self._set_values(slot.day, slot.start, slot.duration_minutes)
            self.reason_edit.setText(appointment.reason)
        else:
            self._set_values(day or date.today(), start or time(9, 0), DEFAULT_DURATION)

        self.error_label = message_label("error_label")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("close_button")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

        self.save_button.clicked.connect(self._on_save_button_clicked)
        cancel.clicked.connect(self.reject)

    def _add_patient_picker(self, form: QFormLayout) -> None:
        """Booking from the agenda: find the patient as in the main search."""
        self._patient_edit = QLineEdit()
        self._patient_edit.setObjectName("patient_search_edit")
        self._patient_edit.setPlaceholderText(self.tr("Nom, date de naissance, téléphone ou NIR"))
        self._patient_list = QListWidget()
        self._patient_list.setObjectName("patient_list")
        self._patient_list.setMinimumHeight(110)
        form.addRow(self.tr("Patient :"), self._patient_edit)
        form.addRow("", self._patient_list)
        self._patient_edit.textChanged.connect(self._on_patient_edit_text_changed)

    def _add_slot_fields(self, form: QFormLayout) -> None:
        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("day_edit")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.start_edit = QTimeEdit()
        self.start_edit.setObjectName("start_edit")
        self.start_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setObjectName("duration_spin")
        self.duration_spin.setRange(MIN_DURATION, MAX_DURATION)
        self.duration_spin.setSingleStep(5)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("ex. : renouvellement, certificat, vaccin"))
        reason_note = QLabel(self.tr("Motif administratif, visible par tout le cabinet."))
        reason_note.setObjectName("reason_note")
        reason_note.setWordWrap(True)
        form.addRow(self.tr("Date :"), self.day_edit)
        form.addRow(self.tr("Début :"), self.start_edit)
        form.addRow(self.tr("Durée :"), self.duration_spin)
        form.addRow(self.tr("Motif :"), self.reason_edit)
        form.addRow("", reason_note)

    def _set_values(self, day: date, start: time, duration: int) -> None:
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.start_edit.setTime(QTime(start.hour, start.minute))
        self.duration_spin.setValue(duration)

    def _on_patient_edit_text_changed(self, text: str) -> None:
        assert self._patient_list is not None
        self._patient_list.clear()
        if not text.strip():
            return
        try:
            found = patients_search.search_patients(
                self._session, text, limit=_PATIENT_RESULTS
            ).patients
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            return
        self.error_label.clear()
        for summary in found:
            label = f"{summary.display_name} — {summary.birth_date:%d/%m/%Y}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self._patient_list.addItem(item)
        if found:
            self._patient_list.setCurrentRow(0)

    def _chosen_patient(self) -> int | None:
        if self._patient_id is not None:
            return self._patient_id
        assert self._patient_list is not None
        item = self._patient_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _on_save_button_clicked(self) -> None:
        patient_id = self._chosen_patient()
        if patient_id is None:
            self.error_label.setText(self.tr("Choisissez d'abord le patient."))
            return
        qdate, qtime = self.day_edit.date(), self.start_edit.time()
        day = date(qdate.year(), qdate.month(), qdate.day())
        start = time(qtime.hour(), qtime.minute())
        try:
            result = self._save(patient_id, day, start)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            if isinstance(error, FieldError):
                self._focus(error.field)
            return
        self.saved.emit(result)
        self.accept()

    def _save(self, patient_id: int, day: date, start: time) -> BookingResult:
        if self._appointment is None:
            return appointments.book_appointment(
                self._session,
                patient_id=patient_id,
                day=day,
                start=start,
                duration_minutes=self.duration_spin.value(),
                reason=self.reason_edit.text(),
            )
        return appointments.reschedule_appointment(
            self._session,
            self._appointment.id,
            expected_version=self._appointment.version,
            day=day,
            start=start,
            duration_minutes=self.duration_spin.value(),
            reason=self.reason_edit.text(),
        )

    def _focus(self, field: str) -> None:
        widgets: dict[str, QWidget] = {
            "day": self.day_edit,
            "start": self.start_edit,
            "duration_minutes": self.duration_spin,
            "reason": self.reason_edit,
        }
        widget = widgets.get(field)
        if widget is not None:
            widget.setFocus()
