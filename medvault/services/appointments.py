"""Appointments (admin.db): book, move, cancel, mark arrived / seen / no-show; day and week views.

Both roles hold APPOINTMENT_READ / APPOINTMENT_WRITE. Every change runs in one admin
transaction with its audit record (Area.ADMINISTRATIVE, the patient's id, the appointment id as
target). Overlaps are allowed (a practice may double-book on purpose) and returned as a flag.
The day and week views are not audited, like patient searches: they are the desk's working
screen, refreshed all day; opening a patient's own appointment list is audited."""

from __future__ import annotations

from datetime import date, time, timedelta

from medvault.core.appointment import (
    AgendaEntry,
    Appointment,
    AppointmentNotMovableError,
    AppointmentStatus,
    BookingResult,
    UnknownAppointmentError,
    WeekView,
    check_transition,
    flag_overlaps,
    validate_reason,
    validate_slot,
    week_monday,
)
from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.errors import StaleWriteError
from medvault.core.patient import display_name
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import appointments_repo
from medvault.storage.database import Connection


def _author(session: Session) -> str:
    return session.login or "recovery"


def _event(action: AuditAction, appointment: Appointment, what: str = "") -> AuditEvent:
    target = f"appointment:{appointment.id}" + (f":{what}" if what else "")
    return AuditEvent(
        action, Area.ADMINISTRATIVE, patient_id=str(appointment.patient_id), target=target
    )


def _load(conn: Connection, appointment_id: int, expected_version: int) -> Appointment:
    if isinstance(appointment_id, bool) or not isinstance(appointment_id, int):
        raise UnknownAppointmentError()
    appointment = appointments_repo.get_appointment(conn, appointment_id)
    if appointment is None:
        raise UnknownAppointmentError()
    if appointment.version != expected_version:
        raise StaleWriteError()
    return appointment


@requires(Permission.APPOINTMENT_WRITE)
def book_appointment(
    session: Session,
    *,
    patient_id: int,
    day: date,
    start: time,
    duration_minutes: int,
    reason: str = "",
) -> BookingResult:
    """Book a slot for a live patient; appointments it overlaps are returned, not refused."""
    slot = validate_slot(day, start, duration_minutes)
    reason = validate_reason(reason)
    with session.admin_transaction() as conn:
        require_patient(conn, patient_id)
        overlapping = appointments_repo.overlapping(conn, slot)
        appointment = appointments_repo.insert_appointment(
            conn,
            patient_id=patient_id,
            slot=slot,
            reason=reason,
            when=session.now(),
            by=_author(session),
        )
        session.audit(_event(AuditAction.CREATE, appointment))
    return BookingResult(appointment, tuple(overlapping))


@requires(Permission.APPOINTMENT_WRITE)
def reschedule_appointment(
    session: Session,
    appointment_id: int,
    *,
    expected_version: int,
    day: date,
    start: time,
    duration_minutes: int,
    reason: str | None = None,
) -> BookingResult:
    """Move a booked appointment (and change its reason when one is given)."""
    slot = validate_slot(day, start, duration_minutes)
    new_reason = None if reason is None else validate_reason(reason)
    with session.admin_transaction() as conn:
        current = _load(conn, appointment_id, expected_version)
        if current.status is not AppointmentStatus.BOOKED:
            raise AppointmentNotMovableError()
        require_patient(conn, current.patient_id)
        moved = appointments_repo.reschedule(
            conn,
            appointment_id,
            slot=slot,
            reason=current.reason if new_reason is None else new_reason,
            expected_version=expected_version,
            when=session.now(),
            by=_author(session),
        )
        if moved is None:
            raise StaleWriteError()
        overlapping = appointments_repo.overlapping(conn, slot, exclude_id=appointment_id)
        session.audit(_event(AuditAction.UPDATE, moved, "moved"))
    return BookingResult(moved, tuple(overlapping))


def _change_status(
    session: Session, appointment_id: int, status: AppointmentStatus, expected_version: int
) -> Appointment:
    with session.admin_transaction() as conn:
        current = _load(conn, appointment_id, expected_version)
        check_transition(current.status, status)
        changed = appointments_repo.set_status(
            conn,
            appointment_id,
            status,
            expected_version=expected_version,
            when=session.now(),
            by=_author(session),
        )
        if changed is None:
            raise StaleWriteError()
        session.audit(_event(AuditAction.UPDATE, changed, status.value))
    return changed


@requires(Permission.APPOINTMENT_WRITE)
def cancel_appointment(
    session: Session, appointment_id: int, *, expected_version: int
) -> Appointment:
    """Cancelled appointments are kept (and shown in the views on request)."""
    return _change_status(session, appointment_id, AppointmentStatus.CANCELLED, expected_version)


@requires(Permission.APPOINTMENT_WRITE)
def mark_arrived(session: Session, appointment_id: int, *, expected_version: int) -> Appointment:
    return _change_status(session, appointment_id, AppointmentStatus.ARRIVED, expected_version)


@requires(Permission.APPOINTMENT_WRITE)
def mark_seen(session: Session, appointment_id: int, *, expected_version: int) -> Appointment:
    return _change_status(session, appointment_id, AppointmentStatus.SEEN, expected_version)


@requires(Permission.APPOINTMENT_WRITE)
def mark_no_show(session: Session, appointment_id: int, *, expected_version: int) -> Appointment:
    return _change_status(session, appointment_id, AppointmentStatus.NO_SHOW, expected_version)


@requires(Permission.APPOINTMENT_WRITE)
def restore_booked(session: Session, appointment_id: int, *, expected_version: int) -> Appointment:
    """Undo an arrival or a no-show marked by mistake."""
    return _change_status(session, appointment_id, AppointmentStatus.BOOKED, expected_version)


@requires(Permission.APPOINTMENT_READ)
def get_appointment(session: Session, appointment_id: int) -> Appointment:
    if isinstance(appointment_id, bool) or not isinstance(appointment_id, int):
        raise UnknownAppointmentError()
    appointment = appointments_repo.get_appointment(session.admin_db, appointment_id)
    if appointment is None:
        raise UnknownAppointmentError()
    return appointment


def _entries(
    session: Session, first: date, last: date, include_cancelled: bool
) -> dict[date, tuple[AgendaEntry, ...]]:
    rows = appointments_repo.agenda(
        session.admin_db, first, last, include_cancelled=include_cancelled
    )
    by_day: dict[date, list[tuple[Appointment, str]]] = {}
    for appointment, birth_name, used_name, first_names in rows:
        name = display_name(birth_name, used_name, tuple(first_names.split()))
        by_day.setdefault(appointment.slot.day, []).append((appointment, name))
    result: dict[date, tuple[AgendaEntry, ...]] = {}
    for day, items in by_day.items():
        flags = flag_overlaps([a for a, _ in items])
        result[day] = tuple(
            AgendaEntry(a, name, flag) for (a, name), flag in zip(items, flags, strict=True)
        )
    return result


@requires(Permission.APPOINTMENT_READ)
def day_view(
    session: Session, day: date, *, include_cancelled: bool = False
) -> tuple[AgendaEntry, ...]:
    """The day's appointments by start time, with the patient's name and an overlap flag."""
    return _entries(session, day, day, include_cancelled).get(day, ())


@requires(Permission.APPOINTMENT_READ)
def week_view(session: Session, day: date, *, include_cancelled: bool = False) -> WeekView:
    """Monday to Sunday of the week holding `day`."""
    monday = week_monday(day)
    days = [monday + timedelta(days=i) for i in range(7)]
    entries = _entries(session, days[0], days[-1], include_cancelled)
    return WeekView(monday, tuple((d, entries.get(d, ())) for d in days))


@requires(Permission.APPOINTMENT_READ)
def patient_appointments(session: Session, patient_id: int) -> tuple[Appointment, ...]:
    """All appointments of one patient (part of the patient's file: audited as a read)."""
    with session.admin_transaction() as conn:
        require_patient(conn, patient_id, allow_deleted=True)
        appointments = appointments_repo.for_patient(conn, patient_id)
        session.audit(
            AuditEvent(
                AuditAction.READ,
                Area.ADMINISTRATIVE,
                patient_id=str(patient_id),
                target="appointments",
            )
        )
    return tuple(appointments)
