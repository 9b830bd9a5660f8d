"""The demo practice's agenda: weekday appointments over the weeks around today, with the
statuses a real desk leaves behind (seen, no-show, cancelled, arrived, booked) and the odd
double booking. Only a plan: the appointment services book it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from medvault.core.appointment import AppointmentStatus, minute_to_time

AGENDA_WEEKS = 3  # before and after today
_SLOT_MINUTES = 20
_MORNING = range(8 * 60 + 30, 12 * 60, _SLOT_MINUTES)
_AFTERNOON = range(14 * 60, 18 * 60 + 40, _SLOT_MINUTES)
SLOTS_PER_DAY = len(_MORNING) + len(_AFTERNOON)
# Administrative reasons only (what the desk may know), with their usual length.
_REASONS = (
    ("Consultation", 20, 50),
    ("Suivi", 20, 15),
    ("Renouvellement d'ordonnance", 15, 12),
    ("Première consultation", 40, 8),
    ("Certificat", 20, 5),
    ("Vaccination", 15, 5),
    ("", 20, 5),
)


@dataclass(frozen=True)
class PlannedAppointment:
    patient: int  # index in the list of patients the agenda draws from
    day: date
    start: time
    duration_minutes: int
    reason: str
    status: AppointmentStatus


def _past_status(rng: random.Random) -> AppointmentStatus:
    return rng.choices(
        (
            AppointmentStatus.SEEN,
            AppointmentStatus.NO_SHOW,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.BOOKED,  # never updated by the desk
        ),
        weights=(82, 6, 9, 3),
    )[0]


def _status(
    rng: random.Random, day: date, *, start: int, end: int, today: date, now: int
) -> AppointmentStatus:
    if day < today or (day == today and end <= now):
        return _past_status(rng)
    if day == today and start <= now:
        return AppointmentStatus.ARRIVED
    return AppointmentStatus.CANCELLED if rng.random() < 0.08 else AppointmentStatus.BOOKED


def plan_agenda(
    rng: random.Random, *, patients: int, practice_size: int, today: date, now_minute: int
) -> list[PlannedAppointment]:
    """Appointments for `patients` people (indexes 0..patients-1) on the weekdays of the weeks
    around `today`, as busy as a practice of `practice_size` patients: full days from about
    600 patients on."""
    if patients <= 0:
        return []
    per_day = min(SLOTS_PER_DAY, max(2, round(practice_size / 25)))
    starts = [*_MORNING, *_AFTERNOON]
    labels = [r[0] for r in _REASONS]
    durations = {r[0]: r[1] for r in _REASONS}
    weights = [r[2] for r in _REASONS]
    planned: list[PlannedAppointment] = []
    first = today - timedelta(days=7 * AGENDA_WEEKS)
    for offset in range(14 * AGENDA_WEEKS + 1):
        day = first + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        chosen = sorted(rng.sample(starts, per_day))
        if rng.random() < 0.3:
            chosen.append(rng.choice(chosen))  # a double booking, allowed and flagged
        for start in chosen:
            reason = rng.choices(labels, weights=weights)[0]
            duration = durations[reason]
            planned.append(
                PlannedAppointment(
                    patient=rng.randrange(patients),
                    day=day,
                    start=minute_to_time(start),
                    duration_minutes=duration,
                    reason=reason,
                    status=_status(
                        rng, day, start=start, end=start + duration, today=today, now=now_minute
                    ),
                )
            )
    return planned
