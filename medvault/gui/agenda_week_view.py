"""The agenda's week view: Monday to Sunday side by side, each day a list of its appointments.
A click on a day's title opens that day in the day view."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from medvault.core.appointment import Appointment, AppointmentStatus, WeekView
from medvault.gui.agenda_actions import short_day, status_label, time_range
from medvault.gui.agenda_day_view import OVERLAP_MARK

_MUTED_STATUSES = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW})
_DONE_STATUSES = frozenset({AppointmentStatus.ARRIVED, AppointmentStatus.SEEN})
_DAYS = 7


class AgendaWeekView(QWidget):
    """`selection_changed` carries the selected appointment (or None); `day_chosen` a date."""

    selection_changed = Signal(object)
    day_chosen = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week_view")
        self._today = today
        self._days: tuple[date, ...] = ()
        self._appointments: dict[tuple[int, int], Appointment] = {}
        self._selected: Appointment | None = None
        self.day_buttons: list[QPushButton] = []
        self.day_lists: list[QListWidget] = []
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(4)
        for column in range(_DAYS):
            button = QPushButton()
            button.setObjectName(f"day_button_{column}")
            button.setFlat(True)
            button.setToolTip(self.tr("Afficher cette journée"))
            day_list = QListWidget()
            day_list.setObjectName(f"day_list_{column}")
            day_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            day_list.setWordWrap(True)
            # Each appointment spans two or three lines: bands and a gap keep them apart.
            day_list.setAlternatingRowColors(True)
            day_list.setSpacing(2)
            day_list.setMinimumWidth(110)
            layout.addWidget(button, 0, column)
            layout.addWidget(day_list, 1, column)
            layout.setColumnStretch(column, 1)
            self.day_buttons.append(button)
            self.day_lists.append(day_list)
            button.clicked.connect(self._on_day_button_clicked)
            day_list.itemSelectionChanged.connect(self._on_day_list_item_selection_changed)

    @property
    def days(self) -> tuple[date, ...]:
        return self._days

    def set_today(self, today: date) -> None:
        self._today = today

    def set_week(self, week: WeekView) -> None:
        selected = self._selected
        self._days = tuple(day for day, _entries in week.days)
        self._appointments.clear()
        for column, (day, entries) in enumerate(week.days):
            button = self.day_buttons[column]
            text = short_day(day)
            font = button.font()
            font.setBold(day == self._today)
            button.setFont(font)
            count = sum(1 for e in entries if e.appointment.status not in _MUTED_STATUSES)
            button.setText(f"{text} ({count})" if count else text)
            day_list = self.day_lists[column]
            day_list.blockSignals(True)
            day_list.clear()
            for row, entry in enumerate(entries):
                appointment = entry.appointment
                mark = f" {OVERLAP_MARK}" if entry.overlaps else ""
                lines = [f"{time_range(appointment)}{mark}", entry.patient_display_name]
                if appointment.status is not AppointmentStatus.BOOKED:
                    lines.append(status_label(appointment.status))
                item = QListWidgetItem("\n".join(lines))
                tooltip = [entry.patient_display_name, appointment.reason]
                item.setToolTip("\n".join(t for t in tooltip if t))
                if appointment.status in _MUTED_STATUSES:
                    item.setForeground(QColor("#777777"))
                elif appointment.status in _DONE_STATUSES:
                    item.setForeground(QColor("#1b5e20"))
                elif entry.overlaps:
                    item.setForeground(QColor("#8a4b00"))
                item.setData(Qt.ItemDataRole.UserRole, appointment.id)
                day_list.addItem(item)
                self._appointments[(column, row)] = appointment
            day_list.blockSignals(False)
        self._selected = None
        if selected is not None:
            self.select_appointment(selected.id)
        self.selection_changed.emit(self._selected)

    def selected_appointment(self) -> Appointment | None:
        return self._selected

    def select_appointment(self, appointment_id: int) -> bool:
        for (column, row), appointment in self._appointments.items():
            if appointment.id == appointment_id:
                self.day_lists[column].setCurrentRow(row)
                return True
        return False

    def _on_day_list_item_selection_changed(self) -> None:
        source = self.sender()
        selected: Appointment | None = None
        for column, day_list in enumerate(self.day_lists):
            if day_list is source:
                row = day_list.currentRow()
                selected = (
                    self._appointments.get((column, row)) if day_list.selectedItems() else None
                )
            elif source is not None and day_list.selectedItems():
                # One selection across the week: picking in one day clears the others.
                day_list.blockSignals(True)
                day_list.clearSelection()
                day_list.setCurrentRow(-1)
                day_list.blockSignals(False)
        self._selected = selected
        self.selection_changed.emit(selected)

    def _on_day_button_clicked(self) -> None:
        source = self.sender()
        for column, button in enumerate(self.day_buttons):
            if button is source and column < len(self._days):
                self.day_chosen.emit(self._days[column])
