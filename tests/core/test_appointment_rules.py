"""Appointment slots, reasons, status transitions and overlap flags."""

from __future__ import annotations

from datetime import date, time

import pytest

from medvault.core.appointment import (
    TRANSITIONS,
    Appointment,
    AppointmentStatus,
    AppointmentTransitionError,
    Slot,
    check_transition,
    flag_overlaps,
    validate_reason,
    validate_slot,
    week_monday,
)
from medvault.core.errors import FieldError

DAY = date(2025, 3, 14)


def test_a_slot_has_minute_precision_and_an_end() -> None:
    slot = validate_slot(DAY, time(9, 30), 20)
    assert (slot.start_minute, slot.end_minute) == (570, 590)


@pytest.mark.parametrize(
    ("start", "duration", "field"),
    [
        (time(9, 30), 4, "duration_minutes"),
        (time(9, 30), 481, "duration_minutes"),
        (time(9, 30), True, "duration_minutes"),
        (time(23, 50), 15, "duration_minutes"),  # past midnight
        (time(9, 30, 15), 15, "start"),
    ],
)
def test_bad_slots_are_refused(start: time, duration: int, field: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_slot(DAY, start, duration)
    assert caught.value.field == field
    assert caught.value.fr != caught.value.en


def test_bounds_are_accepted() -> None:
    assert validate_slot(DAY, time(0, 0), 5).duration_minutes == 5
    assert validate_slot(DAY, time(16, 0), 480).end_minute == 24 * 60


def test_reason_is_short_and_trimmed() -> None:
    assert validate_reason("  certificat   sport ") == "certificat sport"
    assert validate_reason("x" * 120) == "x" * 120
    with pytest.raises(FieldError) as caught:
        validate_reason("x" * 121)
    assert caught.value.field == "reason"


def test_transitions() -> None:
    check_transition(AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED)
    check_transition(AppointmentStatus.ARRIVED, AppointmentStatus.SEEN)
    check_transition(AppointmentStatus.NO_SHOW, AppointmentStatus.BOOKED)
    for final in (AppointmentStatus.SEEN, AppointmentStatus.CANCELLED):
        assert not TRANSITIONS[final]
        for wanted in AppointmentStatus:
            with pytest.raises(AppointmentTransitionError):
                check_transition(final, wanted)
    with pytest.raises(AppointmentTransitionError) as caught:
        check_transition(AppointmentStatus.ARRIVED, AppointmentStatus.NO_SHOW)
    assert "arrivé" in caught.value.fr and "arrived" in caught.value.en


def _appointment(ident: int, start: time, minutes: int, status: AppointmentStatus) -> Appointment:
    return Appointment(ident, 1, Slot(DAY, start, minutes), "", status, 1, "", "", "", "")


def test_overlap_flags_ignore_cancelled_and_no_show() -> None:
    booked = AppointmentStatus.BOOKED
    items = [
        _appointment(1, time(9, 0), 60, booked),
        _appointment(2, time(9, 15), 15, booked),  # inside the first
        _appointment(3, time(10, 0), 15, booked),  # starts when the first ends
        _appointment(4, time(10, 5), 10, AppointmentStatus.CANCELLED),
        _appointment(5, time(11, 0), 15, AppointmentStatus.NO_SHOW),
        _appointment(6, time(11, 5), 15, booked),
    ]
    assert flag_overlaps(items) == [True, True, False, False, False, False]


def test_week_starts_on_monday() -> None:
    assert week_monday(date(2025, 3, 16)) == date(2025, 3, 10)  # a Sunday
    assert week_monday(date(2025, 3, 10)) == date(2025, 3, 10)
