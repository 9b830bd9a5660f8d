"""The agenda's day view: one line per appointment, by start time, with the patient's name
and an overlap mark."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from medvault.core.appointment import AgendaEntry, Appointment, AppointmentStatus
from medvault.gui.agenda_actions import status_label, time_range

_MUTED_STATUSES = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW})
_DONE_STATUSES = frozenset({AppointmentStatus.ARRIVED, AppointmentStatus.SEEN})
OVERLAP_MARK = "⚠"


class AgendaDayView(QTableWidget):
    """`selection_changed` carries the selected appointment, or None."""

    selection_changed = Signal(object)
    activated_entry = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("day_view")
        self._entries: tuple[AgendaEntry, ...] = ()
        self.setHorizontalHeaderLabels(
            [self.tr("Horaire"), self.tr("Patient"), self.tr("Motif"), self.tr("Statut"),
             self.tr("Chevauchement")]
        )  # fmt: skip
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column in (0, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 220)
        self.itemSelectionChanged.connect(self._on_self_item_selection_changed)
        self.itemDoubleClicked.connect(self._on_self_item_double_clicked)

    @property
    def entries(self) -> tuple[AgendaEntry, ...]:
        return self._entries

    def set_entries(self, entries: tuple[AgendaEntry, ...]) -> None:
        selected = self.selected_appointment()
        self._entries = entries
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            appointment = entry.appointment
            cells = (
                time_range(appointment),
                entry.patient_display_name,
                appointment.reason,
                status_label(appointment.status),
                OVERLAP_MARK if entry.overlaps else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if appointment.status in _MUTED_STATUSES:
                    item.setForeground(QColor("#777777"))
                elif appointment.status in _DONE_STATUSES:
                    item.setForeground(QColor("#1b5e20"))
                if column == 4 and entry.overlaps:
                    item.setForeground(QColor("#8a4b00"))
                    item.setToolTip(self.tr("Chevauche un autre rendez-vous"))
                self.setItem(row, column, item)
        if selected is not None:
            self.select_appointment(selected.id)
        self._on_self_item_selection_changed()

    def selected_appointment(self) -> Appointment | None:
        rows = self.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._entries):
            return None
        return self._entries[rows[0].row()].appointment

    def select_appointment(self, appointment_id: int) -> bool:
        for row, entry in enumerate(self._entries):
            if entry.appointment.id == appointment_id:
                self.selectRow(row)
                return True
        return False

    def _on_self_item_selection_changed(self) -> None:
        self.selection_changed.emit(self.selected_appointment())

    def _on_self_item_double_clicked(self, item: QTableWidgetItem) -> None:
        if 0 <= item.row() < len(self._entries):
            self.activated_entry.emit(self._entries[item.row()].appointment)
