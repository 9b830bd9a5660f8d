"""The practice agenda, the desk's daily tool: a day or a week of appointments, previous / next
/ today, booking, moving, cancelling and marking arrivals. Administrative data only: the
patient's name and an administrative reason, never clinical content."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from medvault.core.appointment import Appointment, BookingResult, week_monday
from medvault.core.errors import KnownError
from medvault.gui.agenda_actions import AppointmentActionBar, long_day, warn_overlap
from medvault.gui.agenda_booking_dialog import AppointmentDialog
from medvault.gui.agenda_day_view import AgendaDayView
from medvault.gui.agenda_week_view import AgendaWeekView
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.gui.widgets import message_label, title_label
from medvault.services import appointments
from medvault.services.session import Session

DAY = "day"
WEEK = "week"


class AgendaWindow(QWidget):
    """Usable on its own (a top-level window) or embedded; `appointments_changed` after any
    change made here, so other views of the same appointments can refresh."""

    appointments_changed = Signal()
    patient_opened = Signal(int)

    def __init__(
        self,
        session: Session,
        dialogs: Dialogs,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._dialogs = dialogs
        self._today = today or date.today()
        self._day = self._today
        self._mode = DAY
        self.booking_dialog: AppointmentDialog | None = None
        self.setObjectName("agenda_window")
        self.setWindowTitle(self.tr("Agenda — medvault"))

        navigation = self._build_navigation()

        self.day_view = AgendaDayView()
        self.week_view = AgendaWeekView(self._today)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.day_view)
        self._stack.addWidget(self.week_view)

        self._new_button = self._button("new_button", self.tr("Nouveau rendez-vous…"), "")
        self.action_bar = AppointmentActionBar(session, dialogs)
        actions = QHBoxLayout()
        actions.addWidget(self._new_button)
        actions.addWidget(self.action_bar, 1)
        self._summary_label = QLabel()
        self._summary_label.setObjectName("summary_label")
        self.error_label = message_label("error_label")

        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._summary_label)
        layout.addWidget(self.error_label)
        layout.addLayout(actions)
        self.resize(1100, 640)

        self._previous_button.clicked.connect(self._on_previous_button_clicked)
        self._next_button.clicked.connect(self._on_next_button_clicked)
        self._today_button.clicked.connect(self._on_today_button_clicked)
        self._day_mode_button.clicked.connect(self._on_day_mode_button_clicked)
        self._week_mode_button.clicked.connect(self._on_week_mode_button_clicked)
        self._show_cancelled.toggled.connect(self._on_show_cancelled_toggled)
        self._new_button.clicked.connect(self._on_new_button_clicked)
        self.action_bar.changed.connect(self._on_action_bar_changed)
        self.day_view.selection_changed.connect(self._on_view_selection_changed)
        self.week_view.selection_changed.connect(self._on_view_selection_changed)
        self.week_view.day_chosen.connect(self._on_week_view_day_chosen)
        self.day_view.activated_entry.connect(self._on_day_view_activated_entry)
        QShortcut(QKeySequence.StandardKey.Close, self, self._on_close_shortcut_activated)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_close_shortcut_activated)
        self.refresh()

    def _build_navigation(self) -> QHBoxLayout:
        self._period_label = title_label("", "period_label")
        self._previous_button = self._button("previous_button", "◀", self.tr("Précédent"))
        self._today_button = self._button("today_button", self.tr("Aujourd'hui"), "")
        self._next_button = self._button("next_button", "▶", self.tr("Suivant"))
        self._day_mode_button = self._button("day_mode_button", self.tr("Jour"), "")
        self._week_mode_button = self._button("week_mode_button", self.tr("Semaine"), "")
        modes = QButtonGroup(self)
        for button in (self._day_mode_button, self._week_mode_button):
            button.setCheckable(True)
            modes.addButton(button)
        self._day_mode_button.setChecked(True)
        self._show_cancelled = QCheckBox(self.tr("Afficher les annulés"))
        self._show_cancelled.setObjectName("show_cancelled_check")

        navigation = QHBoxLayout()
        navigation.addWidget(self._previous_button)
        navigation.addWidget(self._today_button)
        navigation.addWidget(self._next_button)
        navigation.addSpacing(12)
        navigation.addWidget(self._period_label, 1)
        navigation.addWidget(self._show_cancelled)
        navigation.addWidget(self._day_mode_button)
        navigation.addWidget(self._week_mode_button)
        return navigation

    def _button(self, name: str, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        if tooltip:
            button.setToolTip(tooltip)
        return button

    # -- state -------------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self._mode

    @property
    def current_day(self) -> date:
        return self._day

    def period_text(self) -> str:
        return self._period_label.text()

    def show_day(self, day: date) -> None:
        self._day = day
        self._set_mode(DAY)

    def show_week(self, day: date) -> None:
        self._day = day
        self._set_mode(WEEK)

    def _set_mode(self, mode: str) -> None:
        self._mode = mode
        self._day_mode_button.setChecked(mode == DAY)
        self._week_mode_button.setChecked(mode == WEEK)
        self._stack.setCurrentWidget(self.day_view if mode == DAY else self.week_view)
        self.refresh()

    def selected_appointment(self) -> Appointment | None:
        view = self.day_view if self._mode == DAY else self.week_view
        return view.selected_appointment()

    def refresh(self) -> None:
        include_cancelled = self._show_cancelled.isChecked()
        try:
            if self._mode == DAY:
                entries = appointments.day_view(
                    self._session, self._day, include_cancelled=include_cancelled
                )
                self.day_view.set_entries(entries)
                text = long_day(self._day)
                # Only the first letter: capitalize() would lower "January" in English.
                self._period_label.setText(text[:1].upper() + text[1:])
                count = len(entries)
            else:
                week = appointments.week_view(
                    self._session, self._day, include_cancelled=include_cancelled
                )
                self.week_view.set_today(self._today)
                self.week_view.set_week(week)
                sunday = week.monday + timedelta(days=6)
                self._period_label.setText(
                    self.tr("Semaine du {first} au {last}").format(
                        first=f"{week.monday:%d/%m}", last=f"{sunday:%d/%m/%Y}"
                    )
                )
                count = sum(len(entries) for _day, entries in week.days)
        except KnownError as error:
            self.error_label.setText(error.message(language()))
            return
        self.error_label.clear()
        self._summary_label.setText(self.tr("{count} rendez-vous").format(count=count))
        self.action_bar.set_appointment(self.selected_appointment())

    # -- navigation ----------------------------------------------------------------------------
    def _on_close_shortcut_activated(self) -> None:
        # Esc and Ctrl+W close the agenda when it is a window of its own, never when embedded.
        # Nothing is edited here (booking happens in its own dialog), so nothing to ask.
        if self.isWindow():
            self.close()

    def _step(self) -> timedelta:
        return timedelta(days=1 if self._mode == DAY else 7)

    def _on_previous_button_clicked(self) -> None:
        self._day -= self._step()
        self.refresh()

    def _on_next_button_clicked(self) -> None:
        self._day += self._step()
        self.refresh()

    def _on_today_button_clicked(self) -> None:
        self._day = self._today
        self.refresh()

    def _on_day_mode_button_clicked(self) -> None:
        self._set_mode(DAY)

    def _on_week_mode_button_clicked(self) -> None:
        self._day = week_monday(self._day) if self._mode == DAY else self._day
        self._set_mode(WEEK)

    def _on_show_cancelled_toggled(self, _checked: bool) -> None:
        self.refresh()

    def _on_week_view_day_chosen(self, day: date) -> None:
        self.show_day(day)

    def _on_day_view_activated_entry(self, appointment: Appointment) -> None:
        self.patient_opened.emit(appointment.patient_id)

    # -- changes -------------------------------------------------------------------------------
    def _on_view_selection_changed(self, appointment: Appointment | None) -> None:
        self.action_bar.set_appointment(appointment)

    def _on_new_button_clicked(self) -> None:
        dialog = AppointmentDialog(self._session, day=self._day, parent=self)
        self.booking_dialog = dialog
        dialog.saved.connect(self._on_booking_dialog_saved)
        dialog.open()

    def _on_booking_dialog_saved(self, result: BookingResult) -> None:
        self._day = result.appointment.slot.day
        self.refresh()
        view = self.day_view if self._mode == DAY else self.week_view
        view.select_appointment(result.appointment.id)
        warn_overlap(self._dialogs, result)
        self.appointments_changed.emit()

    def _on_action_bar_changed(self) -> None:
        self.refresh()
        self.appointments_changed.emit()
