"""What the desk does to one appointment (arrived, seen, no-show, cancel, move), as a row of
buttons shared by the patient's appointments tab and the practice agenda.

Each button is enabled only when the appointment's status allows the change, so the desk never
meets a refusal it could have been spared; a stale version still gets a plain message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from medvault.core.appointment import (
    TRANSITIONS,
    Appointment,
    AppointmentStatus,
    BookingResult,
)
from medvault.core.errors import KnownError
from medvault.gui.agenda_booking_dialog import AppointmentDialog
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.services import appointments
from medvault.services.session import Session

# Written out with QT_TRANSLATE_NOOP so that lupdate extracts them; translated when shown.
_STATUS_LABELS = {
    AppointmentStatus.BOOKED: str(QT_TRANSLATE_NOOP("appointments", "Prévu")),
    AppointmentStatus.ARRIVED: str(QT_TRANSLATE_NOOP("appointments", "Arrivé")),
    AppointmentStatus.SEEN: str(QT_TRANSLATE_NOOP("appointments", "Vu")),
    AppointmentStatus.CANCELLED: str(QT_TRANSLATE_NOOP("appointments", "Annulé")),
    AppointmentStatus.NO_SHOW: str(QT_TRANSLATE_NOOP("appointments", "Absent")),
}
_WEEKDAYS = tuple(
    str(day)
    for day in (
        QT_TRANSLATE_NOOP("appointments", "lun."),
        QT_TRANSLATE_NOOP("appointments", "mar."),
        QT_TRANSLATE_NOOP("appointments", "mer."),
        QT_TRANSLATE_NOOP("appointments", "jeu."),
        QT_TRANSLATE_NOOP("appointments", "ven."),
        QT_TRANSLATE_NOOP("appointments", "sam."),
        QT_TRANSLATE_NOOP("appointments", "dim."),
    )
)
_LONG_WEEKDAYS = tuple(
    str(day)
    for day in (
        QT_TRANSLATE_NOOP("appointments", "lundi"),
        QT_TRANSLATE_NOOP("appointments", "mardi"),
        QT_TRANSLATE_NOOP("appointments", "mercredi"),
        QT_TRANSLATE_NOOP("appointments", "jeudi"),
        QT_TRANSLATE_NOOP("appointments", "vendredi"),
        QT_TRANSLATE_NOOP("appointments", "samedi"),
        QT_TRANSLATE_NOOP("appointments", "dimanche"),
    )
)
_MONTHS = tuple(
    str(month)
    for month in (
        QT_TRANSLATE_NOOP("appointments", "janvier"),
        QT_TRANSLATE_NOOP("appointments", "février"),
        QT_TRANSLATE_NOOP("appointments", "mars"),
        QT_TRANSLATE_NOOP("appointments", "avril"),
        QT_TRANSLATE_NOOP("appointments", "mai"),
        QT_TRANSLATE_NOOP("appointments", "juin"),
        QT_TRANSLATE_NOOP("appointments", "juillet"),
        QT_TRANSLATE_NOOP("appointments", "août"),
        QT_TRANSLATE_NOOP("appointments", "septembre"),
        QT_TRANSLATE_NOOP("appointments", "octobre"),
        QT_TRANSLATE_NOOP("appointments", "novembre"),
        QT_TRANSLATE_NOOP("appointments", "décembre"),
    )
)


def status_label(status: AppointmentStatus) -> str:
    return QCoreApplication.translate("appointments", _STATUS_LABELS[status])


def short_day(day: date) -> str:
    weekday = QCoreApplication.translate("appointments", _WEEKDAYS[day.weekday()])
    return f"{weekday} {day:%d/%m}"


def long_day(day: date) -> str:
    weekday = QCoreApplication.translate("appointments", _LONG_WEEKDAYS[day.weekday()])
    month = QCoreApplication.translate("appointments", _MONTHS[day.month - 1])
    # The order of the parts is the translator's: "lundi 8 janvier 2030", "Monday 8 January 2030".
    return QCoreApplication.translate("appointments", "{weekday} {day} {month} {year}").format(
        weekday=weekday, day=day.day, month=month, year=day.year
    )


def time_range(appointment: Appointment) -> str:
    start = appointment.slot.start_minute
    end = appointment.slot.end_minute
    return f"{start // 60:02d}:{start % 60:02d}–{end // 60:02d}:{end % 60:02d}"  # noqa: RUF001


def warn_overlap(dialogs: Dialogs, result: BookingResult) -> None:
    """Overlaps are allowed (double-booking on purpose happens) but never silent."""
    if not result.overlapping:
        return
    slots = ", ".join(time_range(a) for a in result.overlapping)
    dialogs.warn(
        QCoreApplication.translate("appointments", "Chevauchement"),
        QCoreApplication.translate(
            "appointments",
            "Ce rendez-vous chevauche {count} autre(s) rendez-vous ({slots}). "
            "Il est enregistré ; déplacez-le si ce n'était pas voulu.",
        ).format(count=len(result.overlapping), slots=slots),
    )


class AppointmentActionBar(QWidget):
    """Buttons acting on the selected appointment; `changed` after every successful change."""

    changed = Signal()

    def __init__(self, session: Session, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._dialogs = dialogs
        self._appointment: Appointment | None = None
        self.booking_dialog: AppointmentDialog | None = None

        self._move_button = self._button("move_button", self.tr("Déplacer…"))
        self._arrived_button = self._button("arrived_button", self.tr("Arrivé"))
        self._seen_button = self._button("seen_button", self.tr("Vu"))
        self._no_show_button = self._button("no_show_button", self.tr("Absent"))
        self._restore_button = self._button("restore_button", self.tr("Remettre prévu"))
        self._cancel_button = self._button("cancel_button", self.tr("Annuler le RDV"))
        self._arrived_button.setToolTip(self.tr("Le patient est arrivé en salle d'attente"))
        self._no_show_button.setToolTip(self.tr("Le patient n'est pas venu"))
        self._restore_button.setToolTip(self.tr("Annuler une arrivée ou une absence notée à tort"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (
            self._move_button,
            self._arrived_button,
            self._seen_button,
            self._no_show_button,
            self._restore_button,
        ):
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self._cancel_button)

        self._move_button.clicked.connect(self._on_move_button_clicked)
        self._arrived_button.clicked.connect(self._on_arrived_button_clicked)
        self._seen_button.clicked.connect(self._on_seen_button_clicked)
        self._no_show_button.clicked.connect(self._on_no_show_button_clicked)
        self._restore_button.clicked.connect(self._on_restore_button_clicked)
        self._cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.set_appointment(None)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    def set_appointment(self, appointment: Appointment | None) -> None:
        self._appointment = appointment
        allowed = TRANSITIONS[appointment.status] if appointment else frozenset()
        booked = appointment is not None and appointment.status is AppointmentStatus.BOOKED
        self._move_button.setEnabled(booked)
        self._arrived_button.setEnabled(AppointmentStatus.ARRIVED in allowed)
        self._seen_button.setEnabled(AppointmentStatus.SEEN in allowed)
        self._no_show_button.setEnabled(AppointmentStatus.NO_SHOW in allowed)
        self._restore_button.setEnabled(AppointmentStatus.BOOKED in allowed)
        self._cancel_button.setEnabled(AppointmentStatus.CANCELLED in allowed)

    def _on_arrived_button_clicked(self) -> None:
        self._change(appointments.mark_arrived)

    def _on_seen_button_clicked(self) -> None:
        self._change(appointments.mark_seen)

    def _on_no_show_button_clicked(self) -> None:
        self._change(appointments.mark_no_show)

    def _on_restore_button_clicked(self) -> None:
        self._change(appointments.restore_booked)

    def _on_cancel_button_clicked(self) -> None:
        appointment = self._appointment
        if appointment is None:
            return
        question = self.tr("Annuler le rendez-vous du {day} ({slot}) ?").format(
            day=long_day(appointment.slot.day), slot=time_range(appointment)
        )
        if self._dialogs.confirm(self.tr("Annuler le rendez-vous"), question):
            self._change(appointments.cancel_appointment)

    def _change(self, action: Callable[..., Appointment]) -> None:
        appointment = self._appointment
        if appointment is None:
            return
        try:
            action(self._session, appointment.id, expected_version=appointment.version)
        except KnownError as error:
            self._dialogs.warn(self.tr("Rendez-vous"), error.message(language()))
        # Refresh in every case: after a refusal the list shows what is really stored.
        self.changed.emit()

    def _on_move_button_clicked(self) -> None:
        if self._appointment is None:
            return
        dialog = AppointmentDialog(self._session, appointment=self._appointment, parent=self)
        self.booking_dialog = dialog
        dialog.saved.connect(self._on_booking_dialog_saved)
        dialog.open()

    def _on_booking_dialog_saved(self, result: BookingResult) -> None:
        warn_overlap(self._dialogs, result)
        self.changed.emit()
