"""Appointments: a slot in the practice's local time, a short administrative reason and a status
that moves along a small set of allowed transitions."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, time, timedelta

from medvault.core.errors import FieldError, KnownError, UnknownRecordError

MIN_DURATION = 5
MAX_DURATION = 480
MAX_REASON = 120
_MINUTES_PER_DAY = 24 * 60


class AppointmentStatus(enum.StrEnum):
    BOOKED = "booked"
    ARRIVED = "arrived"
    SEEN = "seen"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


# Undo paths are kept for the desk's slips (an arrival marked on the wrong line, a late patient).
TRANSITIONS: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    AppointmentStatus.BOOKED: frozenset(
        {
            AppointmentStatus.ARRIVED,
            AppointmentStatus.SEEN,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.NO_SHOW,
        }
    ),
    AppointmentStatus.ARRIVED: frozenset({AppointmentStatus.SEEN, AppointmentStatus.BOOKED}),
    AppointmentStatus.NO_SHOW: frozenset({AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED}),
    AppointmentStatus.SEEN: frozenset(),
    AppointmentStatus.CANCELLED: frozenset(),
}

# Statuses that occupy the practitioner's time (and so can overlap).
OCCUPYING = frozenset({AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED, AppointmentStatus.SEEN})


class UnknownAppointmentError(UnknownRecordError):
    fr = "Ce rendez-vous n'existe pas dans le coffre."
    en = "This appointment does not exist in the vault."


class AppointmentTransitionError(KnownError):
    """A status change that the appointment's current status does not allow."""

    def __init__(self, current: AppointmentStatus, wanted: AppointmentStatus) -> None:
        self.current = current
        self.wanted = wanted
        super().__init__(
            fr=f"Un rendez-vous « {_FR[current]} » ne peut pas passer à « {_FR[wanted]} ».",
            en=f"A {_EN[current]} appointment cannot become {_EN[wanted]}.",
        )


class AppointmentNotMovableError(KnownError):
    fr = "Seul un rendez-vous prévu peut être déplacé ; prenez un nouveau rendez-vous."
    en = "Only a booked appointment can be moved; book a new one instead."


_FR = {
    AppointmentStatus.BOOKED: "prévu",
    AppointmentStatus.ARRIVED: "arrivé",
    AppointmentStatus.SEEN: "vu",
    AppointmentStatus.CANCELLED: "annulé",
    AppointmentStatus.NO_SHOW: "absent",
}
_EN = {
    AppointmentStatus.BOOKED: "booked",
    AppointmentStatus.ARRIVED: "arrived",
    AppointmentStatus.SEEN: "seen",
    AppointmentStatus.CANCELLED: "cancelled",
    AppointmentStatus.NO_SHOW: "no-show",
}


@dataclass(frozen=True)
class Slot:
    """A day and start time (practice local time, minute precision) and a duration."""

    day: date
    start: time
    duration_minutes: int

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def end_minute(self) -> int:
        return self.start_minute + self.duration_minutes

    def overlaps(self, other: Slot) -> bool:
        return (
            self.day == other.day
            and self.start_minute < other.end_minute
            and other.start_minute < self.end_minute
        )


@dataclass(frozen=True)
class Appointment:
    id: int
    patient_id: int
    slot: Slot
    reason: str
    status: AppointmentStatus
    version: int
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class BookingResult:
    """A booked or moved appointment, with the appointments it overlaps (allowed, flagged)."""

    appointment: Appointment
    overlapping: tuple[Appointment, ...]


@dataclass(frozen=True)
class AgendaEntry:
    appointment: Appointment
    patient_display_name: str
    overlaps: bool


@dataclass(frozen=True)
class WeekView:
    monday: date
    days: tuple[tuple[date, tuple[AgendaEntry, ...]], ...]  # Monday to Sunday


def validate_slot(day: date, start: time, duration_minutes: int) -> Slot:
    if not isinstance(day, date):
        raise FieldError(
            "day", "La date du rendez-vous est obligatoire.", "The appointment date is required."
        )
    if not isinstance(start, time) or start.second or start.microsecond or start.tzinfo:
        raise FieldError(
            "start",
            "L'heure de début est obligatoire, à la minute (hh:mm).",
            "The start time is required, to the minute (hh:mm).",
        )
    if (
        isinstance(duration_minutes, bool)
        or not isinstance(duration_minutes, int)
        or not MIN_DURATION <= duration_minutes <= MAX_DURATION
    ):
        raise FieldError(
            "duration_minutes",
            f"La durée doit être comprise entre {MIN_DURATION} et {MAX_DURATION} minutes.",
            f"The duration must be between {MIN_DURATION} and {MAX_DURATION} minutes.",
        )
    slot = Slot(day, start, duration_minutes)
    if slot.end_minute > _MINUTES_PER_DAY:
        raise FieldError(
            "duration_minutes",
            "Le rendez-vous doit se terminer avant minuit.",
            "The appointment must end by midnight.",
        )
    return slot


def validate_reason(reason: str) -> str:
    """A short administrative reason ("renouvellement", "certificat"), never clinical detail."""
    cleaned = " ".join(reason.split())
    if len(cleaned) > MAX_REASON:
        raise FieldError(
            "reason",
            f"Le motif administratif doit faire {MAX_REASON} caractères au plus.",
            f"The administrative reason must be at most {MAX_REASON} characters.",
        )
    return cleaned


def check_transition(current: AppointmentStatus, wanted: AppointmentStatus) -> None:
    if wanted not in TRANSITIONS[current]:
        raise AppointmentTransitionError(current, wanted)


def minute_to_time(minute: int) -> time:
    return time(minute // 60, minute % 60)


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def flag_overlaps(appointments: list[Appointment]) -> list[bool]:
    """For appointments of one day sorted by start: does each overlap another occupying one?"""
    flags = [False] * len(appointments)
    latest_end = -1
    latest_index = -1
    for index, appointment in enumerate(appointments):
        if appointment.status not in OCCUPYING:
            continue
        if appointment.slot.start_minute < latest_end:
            flags[index] = True
            flags[latest_index] = True
        if appointment.slot.end_minute > latest_end:
            latest_end = appointment.slot.end_minute
            latest_index = index
    return flags
