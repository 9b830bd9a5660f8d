"""Appointments through the services, for both roles: book, move, cancel, statuses, views."""

from __future__ import annotations

import dataclasses
from datetime import date, time

import pytest

from medvault.core.appointment import (
    AppointmentNotMovableError,
    AppointmentStatus,
    AppointmentTransitionError,
    UnknownAppointmentError,
)
from medvault.core.errors import (
    FieldError,
    PatientDeletedError,
    PermissionDeniedError,
    StaleWriteError,
    UnknownPatientError,
)
from medvault.core.patient import PatientForm
from medvault.core.permissions import DEFAULT_RULES, Permission, Policy
from medvault.services import appointments, patients
from medvault.services.session import Session
from medvault.services.unlock import unlock
from tests.conftest import RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, VaultInfo

MONDAY = date(2030, 1, 7)


@pytest.fixture(params=["practitioner", "receptionist"])
def desk(request: pytest.FixtureRequest) -> Session:
    session: Session = request.getfixturevalue(request.param)
    return session


def add_patient(session: Session, birth_name: str = "Dupont", used_name: str = "") -> int:
    form = PatientForm(
        birth_name=birth_name,
        used_name=used_name,
        first_names="Anne",
        sex="F",
        birth_date="05/11/1984",
    )
    return patients.create_patient(session, form).patient.id


def book(session: Session, patient_id: int, day: date, start: time, minutes: int = 15) -> int:
    result = appointments.book_appointment(
        session, patient_id=patient_id, day=day, start=start, duration_minutes=minutes
    )
    return result.appointment.id


def last_audit(session: Session) -> tuple[str, str, str | None, str | None, str]:
    row = session.admin_db.execute(
        "SELECT action, area, patient_id, target, outcome FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return tuple(row)


def test_book_is_audited_and_overlaps_are_flagged(desk: Session) -> None:
    patient = add_patient(desk)
    first = appointments.book_appointment(
        desk,
        patient_id=patient,
        day=MONDAY,
        start=time(9, 0),
        duration_minutes=30,
        reason="  Certificat sport ",
    )
    booked = first.appointment
    assert (booked.status, booked.reason, booked.version) == (
        AppointmentStatus.BOOKED,
        "Certificat sport",
        1,
    )
    assert first.overlapping == ()
    assert last_audit(desk) == (
        "create",
        "administrative",
        str(patient),
        f"appointment:{booked.id}",
        "success",
    )
    second = appointments.book_appointment(
        desk, patient_id=patient, day=MONDAY, start=time(9, 15), duration_minutes=15
    )
    assert [a.id for a in second.overlapping] == [booked.id]
    back_to_back = appointments.book_appointment(
        desk, patient_id=patient, day=MONDAY, start=time(9, 30), duration_minutes=15
    )
    assert back_to_back.overlapping == ()


def test_bad_input_and_unknown_or_deleted_patient_write_nothing(desk: Session) -> None:
    patient = add_patient(desk)
    count = "SELECT count(*) FROM appointments"
    with pytest.raises(FieldError):
        book(desk, patient, MONDAY, time(9, 0), minutes=500)
    with pytest.raises(FieldError):
        appointments.book_appointment(
            desk,
            patient_id=patient,
            day=MONDAY,
            start=time(9),
            duration_minutes=15,
            reason="x" * 121,
        )
    with pytest.raises(UnknownPatientError):
        book(desk, 999, MONDAY, time(9, 0))
    patients.delete_patient(desk, patient, expected_version=1, reason="erreur")
    with pytest.raises(PatientDeletedError):
        book(desk, patient, MONDAY, time(9, 0))
    assert desk.admin_db.execute(count).fetchone()[0] == 0


def test_reschedule_with_version_and_overlap(desk: Session) -> None:
    patient = add_patient(desk)
    other = book(desk, patient, MONDAY, time(10, 0), minutes=30)
    moving = book(desk, patient, MONDAY, time(8, 0))
    moved = appointments.reschedule_appointment(
        desk,
        moving,
        expected_version=1,
        day=MONDAY,
        start=time(10, 15),
        duration_minutes=20,
        reason="Renouvellement",
    )
    assert moved.appointment.slot.start == time(10, 15)
    assert (moved.appointment.version, moved.appointment.reason) == (2, "Renouvellement")
    assert [a.id for a in moved.overlapping] == [other]
    assert last_audit(desk)[3] == f"appointment:{moving}:moved"
    with pytest.raises(StaleWriteError):
        appointments.reschedule_appointment(
            desk, moving, expected_version=1, day=MONDAY, start=time(11, 0), duration_minutes=15
        )
    assert appointments.get_appointment(desk, moving).slot.start == time(10, 15)


def test_status_transitions(desk: Session) -> None:
    patient = add_patient(desk)
    ident = book(desk, patient, MONDAY, time(9, 0))
    arrived = appointments.mark_arrived(desk, ident, expected_version=1)
    assert arrived.status is AppointmentStatus.ARRIVED
    assert last_audit(desk)[3] == f"appointment:{ident}:arrived"
    with pytest.raises(AppointmentNotMovableError):
        appointments.reschedule_appointment(
            desk, ident, expected_version=2, day=MONDAY, start=time(11, 0), duration_minutes=15
        )
    with pytest.raises(AppointmentTransitionError):
        appointments.mark_no_show(desk, ident, expected_version=2)
    seen = appointments.mark_seen(desk, ident, expected_version=2)
    assert (seen.status, seen.version) == (AppointmentStatus.SEEN, 3)
    with pytest.raises(AppointmentTransitionError):
        appointments.cancel_appointment(desk, ident, expected_version=3)

    late = book(desk, patient, MONDAY, time(14, 0))
    appointments.mark_no_show(desk, late, expected_version=1)
    restored = appointments.restore_booked(desk, late, expected_version=2)
    assert restored.status is AppointmentStatus.BOOKED
    cancelled = appointments.cancel_appointment(desk, late, expected_version=3)
    assert cancelled.status is AppointmentStatus.CANCELLED
    with pytest.raises(StaleWriteError):
        appointments.mark_arrived(desk, late, expected_version=3)
    with pytest.raises(UnknownAppointmentError):
        appointments.mark_arrived(desk, 999, expected_version=1)


def test_day_and_week_views(desk: Session) -> None:
    dupont = add_patient(desk, "Dupont")
    martin = add_patient(desk, "Martin", used_name="Leroy")
    late = book(desk, dupont, MONDAY, time(11, 0))
    early = book(desk, martin, MONDAY, time(9, 0), minutes=60)
    double = book(desk, dupont, MONDAY, time(9, 30))
    gone = book(desk, martin, MONDAY, time(10, 0))
    appointments.cancel_appointment(desk, gone, expected_version=1)
    friday = book(desk, martin, date(2030, 1, 11), time(8, 0))
    book(desk, martin, date(2030, 1, 14), time(8, 0))  # the next week

    day = appointments.day_view(desk, MONDAY)
    assert [e.appointment.id for e in day] == [early, double, late]
    assert [e.patient_display_name for e in day] == ["Leroy Anne", "Dupont Anne", "Dupont Anne"]
    assert [e.overlaps for e in day] == [True, True, False]
    with_cancelled = appointments.day_view(desk, MONDAY, include_cancelled=True)
    assert [e.appointment.id for e in with_cancelled] == [early, double, gone, late]
    assert appointments.day_view(desk, date(2030, 1, 8)) == ()

    week = appointments.week_view(desk, date(2030, 1, 9))  # a Wednesday
    assert week.monday == MONDAY
    assert [d for d, _ in week.days] == [date(2030, 1, 7 + i) for i in range(7)]
    assert [len(entries) for _, entries in week.days] == [3, 0, 0, 0, 1, 0, 0]
    assert week.days[4][1][0].appointment.id == friday


def test_views_are_not_audited_but_a_patients_list_is(desk: Session) -> None:
    patient = add_patient(desk)
    book(desk, patient, MONDAY, time(9, 0))
    before = desk.admin_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    appointments.day_view(desk, MONDAY)
    appointments.week_view(desk, MONDAY)
    assert desk.admin_db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
    assert len(appointments.patient_appointments(desk, patient)) == 1
    assert last_audit(desk) == ("read", "administrative", str(patient), "appointments", "success")


def test_denied_without_appointment_permissions(vault: VaultInfo) -> None:
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as allowed:
        patient = add_patient(allowed)
        ident = book(allowed, patient, MONDAY, time(9, 0))
    denied = (Permission.APPOINTMENT_READ, Permission.APPOINTMENT_WRITE)
    rules = tuple(r for r in DEFAULT_RULES if r.permission not in denied)
    config = dataclasses.replace(vault.config, policy=Policy(rules))
    with unlock(vault.directory, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, config=config) as s:
        calls = [
            (lambda: book(s, patient, MONDAY, time(10, 0)), "appointment_write"),
            (
                lambda: appointments.cancel_appointment(s, ident, expected_version=1),
                "appointment_write",
            ),
            (lambda: appointments.mark_arrived(s, ident, expected_version=1), "appointment_write"),
            (
                lambda: appointments.reschedule_appointment(
                    s, ident, expected_version=1, day=MONDAY, start=time(8), duration_minutes=15
                ),
                "appointment_write",
            ),
            (lambda: appointments.day_view(s, MONDAY), "appointment_read"),
            (lambda: appointments.week_view(s, MONDAY), "appointment_read"),
            (lambda: appointments.get_appointment(s, ident), "appointment_read"),
            (lambda: appointments.patient_appointments(s, patient), "appointment_read"),
        ]
        for call, code in calls:
            with pytest.raises(PermissionDeniedError):
                call()
            _action, area, patient_id, target, outcome = last_audit(s)
            assert (area, patient_id, target, outcome) == ("administrative", None, code, "denied")
        row = s.admin_db.execute(
            "SELECT status, version FROM appointments WHERE id = ?", (ident,)
        ).fetchone()
        assert tuple(row) == ("booked", 1)
