"""The appointments tab of a patient's file: the patient's appointments, booking a new one and
the desk's status changes. Administrative only, so both roles get it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medvault.core.appointment import Appointment, AppointmentStatus, BookingResult
from medvault.core.errors import KnownError
from medvault.gui.agenda_actions import (
    AppointmentActionBar,
    short_day,
    status_label,
    time_range,
    warn_overlap,
)
from medvault.gui.agenda_booking_dialog import AppointmentDialog
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.gui.widgets import message_label
from medvault.services import appointments
from medvault.services.session import Session

_MUTED_STATUSES = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW})


class AppointmentsTab(QWidget):
    """`appointments_changed` after a booking, a move or a status change."""

    appointments_changed = Signal()

    def __init__(
        self,
        session: Session,
        patient_id: int,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._patient_id = patient_id
        self._dialogs = dialogs
        self._appointments: tuple[Appointment, ...] = ()
        self.booking_dialog: AppointmentDialog | None = None
        self.setObjectName("appointments_tab")

        self._new_button = QPushButton(self.tr("Nouveau rendez-vous…"))
        self._new_button.setObjectName("new_button")
        self.action_bar = AppointmentActionBar(session, dialogs)
        top = QHBoxLayout()
        top.addWidget(self._new_button)
        top.addWidget(self.action_bar, 1)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("appointments_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Horaire"), self.tr("Durée"), self.tr("Motif"),
             self.tr("Statut")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.error_label = message_label("error_label")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)

        self._new_button.clicked.connect(self._on_new_button_clicked)
        self.action_bar.changed.connect(self._on_action_bar_changed)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.refresh()

    @property
    def appointments(self) -> tuple[Appointment, ...]:
        return self._appointments

    def refresh(self) -> None:
        """Reload from the vault, keeping the selected appointment selected."""
        selected = self.selected_appointment()
        try:
            self._appointments = appointments.patient_appointments(self._session, self._patient_id)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            self._appointments = ()
        else:
            self.error_label.clear()
        self.table.setRowCount(len(self._appointments))
        for row, appointment in enumerate(self._appointments):
            self._fill_row(row, appointment)
        if selected is not None:
            self.select_appointment(selected.id)
        self._on_table_item_selection_changed()

    def _fill_row(self, row: int, appointment: Appointment) -> None:
        slot = appointment.slot
        cells = (
            f"{short_day(slot.day)} {slot.day:%Y}",
            time_range(appointment),
            self.tr("{minutes} min").format(minutes=slot.duration_minutes),
            appointment.reason,
            status_label(appointment.status),
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, appointment.id)
            if appointment.status in _MUTED_STATUSES:
                item.setForeground(QColor("#777777"))
            self.table.setItem(row, column, item)

    def selected_appointment(self) -> Appointment | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._appointments):
            return None
        return self._appointments[rows[0].row()]

    def select_appointment(self, appointment_id: int) -> None:
        for row, appointment in enumerate(self._appointments):
            if appointment.id == appointment_id:
                self.table.selectRow(row)
                return

    def _on_table_item_selection_changed(self) -> None:
        self.action_bar.set_appointment(self.selected_appointment())

    def _on_new_button_clicked(self) -> None:
        dialog = AppointmentDialog(self._session, patient_id=self._patient_id, parent=self)
        self.booking_dialog = dialog
        dialog.saved.connect(self._on_booking_dialog_saved)
        dialog.open()

    def _on_booking_dialog_saved(self, result: BookingResult) -> None:
        self.refresh()
        self.select_appointment(result.appointment.id)
        warn_overlap(self._dialogs, result)
        self.appointments_changed.emit()

    def _on_action_bar_changed(self) -> None:
        self.refresh()
        self.appointments_changed.emit()
