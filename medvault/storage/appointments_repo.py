"""Appointments table (admin.db). Callers own the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from medvault.core.appointment import (
    OCCUPYING,
    Appointment,
    AppointmentStatus,
    Slot,
    minute_to_time,
)
from medvault.storage.database import Connection, mapped_errors

_COLUMNS = (
    "a.id, a.patient_id, a.day, a.start_minute, a.duration_minutes, a.reason, a.status, "
    "a.version, a.created_at, a.created_by, a.updated_at, a.updated_by"
)
_RETURNING = _COLUMNS.replace("a.", "")
_OCCUPYING = ", ".join(f"'{s.value}'" for s in sorted(OCCUPYING))


def _row_to_appointment(row: Sequence[object]) -> Appointment:
    return Appointment(
        id=int(str(row[0])),
        patient_id=int(str(row[1])),
        slot=Slot(
            day=date.fromisoformat(str(row[2])),
            start=minute_to_time(int(str(row[3]))),
            duration_minutes=int(str(row[4])),
        ),
        reason=str(row[5]),
        status=AppointmentStatus(str(row[6])),
        version=int(str(row[7])),
        created_at=str(row[8]),
        created_by=str(row[9]),
        updated_at=str(row[10]),
        updated_by=str(row[11]),
    )


def insert_appointment(
    conn: Connection, *, patient_id: int, slot: Slot, reason: str, when: str, by: str
) -> Appointment:
    with mapped_errors("admin.db"):
        row = conn.execute(
            "INSERT INTO appointments (patient_id, day, start_minute, duration_minutes, "  # noqa: S608
            "reason, status, created_at, created_by, updated_at, updated_by) "
            f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_RETURNING}",
            (
                patient_id,
                slot.day.isoformat(),
                slot.start_minute,
                slot.duration_minutes,
                reason,
                AppointmentStatus.BOOKED.value,
                when,
                by,
                when,
                by,
            ),
        ).fetchone()
    return _row_to_appointment(row)


def get_appointment(conn: Connection, appointment_id: int) -> Appointment | None:
    with mapped_errors("admin.db"):
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM appointments AS a WHERE a.id = ?",  # noqa: S608
            (appointment_id,),
        ).fetchone()
    return None if row is None else _row_to_appointment(row)


def reschedule(
    conn: Connection,
    appointment_id: int,
    *,
    slot: Slot,
    reason: str,
    expected_version: int,
    when: str,
    by: str,
) -> Appointment | None:
    """The moved appointment, or None when it is not at `expected_version`."""
    with mapped_errors("admin.db"):
        row = conn.execute(
            "UPDATE appointments AS a SET day = ?, start_minute = ?, duration_minutes = ?, "  # noqa: S608
            "reason = ?, updated_at = ?, updated_by = ?, version = version + 1 "
            f"WHERE a.id = ? AND a.version = ? RETURNING {_RETURNING}",
            (
                slot.day.isoformat(),
                slot.start_minute,
                slot.duration_minutes,
                reason,
                when,
                by,
                appointment_id,
                expected_version,
            ),
        ).fetchone()
    return None if row is None else _row_to_appointment(row)


def set_status(
    conn: Connection,
    appointment_id: int,
    status: AppointmentStatus,
    *,
    expected_version: int,
    when: str,
    by: str,
) -> Appointment | None:
    with mapped_errors("admin.db"):
        row = conn.execute(
            "UPDATE appointments AS a SET status = ?, updated_at = ?, updated_by = ?, "  # noqa: S608
            "version = version + 1 "
            f"WHERE a.id = ? AND a.version = ? RETURNING {_RETURNING}",
            (status.value, when, by, appointment_id, expected_version),
        ).fetchone()
    return None if row is None else _row_to_appointment(row)


def overlapping(
    conn: Connection, slot: Slot, *, exclude_id: int | None = None
) -> list[Appointment]:
    """Appointments that occupy time overlapping the slot (cancelled and no-shows do not)."""
    with mapped_errors("admin.db"):
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM appointments AS a WHERE a.day = ? "  # noqa: S608
            "AND a.start_minute < ? AND a.start_minute + a.duration_minutes > ? "
            f"AND a.status IN ({_OCCUPYING}) AND a.id != ? ORDER BY a.start_minute, a.id",
            (
                slot.day.isoformat(),
                slot.end_minute,
                slot.start_minute,
                -1 if exclude_id is None else exclude_id,
            ),
        ).fetchall()
    return [_row_to_appointment(r) for r in rows]


def agenda(
    conn: Connection, first_day: date, last_day: date, *, include_cancelled: bool
) -> list[tuple[Appointment, str, str | None, str]]:
    """Appointments from first_day to last_day (inclusive), by day and start, each with the
    patient's birth name, used name and first names."""
    cancelled = "" if include_cancelled else "AND a.status != 'cancelled' "
    with mapped_errors("admin.db"):
        rows = conn.execute(
            f"SELECT {_COLUMNS}, p.birth_name, p.used_name, p.first_names "  # noqa: S608
            "FROM appointments AS a JOIN patients AS p ON p.id = a.patient_id "
            f"WHERE a.day >= ? AND a.day <= ? {cancelled}"
            "ORDER BY a.day, a.start_minute, a.id",
            (first_day.isoformat(), last_day.isoformat()),
        ).fetchall()
    return [
        (_row_to_appointment(r[:12]), str(r[12]), None if r[13] is None else str(r[13]), str(r[14]))
        for r in rows
    ]


def for_patient(conn: Connection, patient_id: int) -> list[Appointment]:
    with mapped_errors("admin.db"):
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM appointments AS a WHERE a.patient_id = ? "  # noqa: S608
            "ORDER BY a.day, a.start_minute, a.id",
            (patient_id,),
        ).fetchall()
    return [_row_to_appointment(r) for r in rows]


def move_to_patient(conn: Connection, from_id: int, to_id: int, *, when: str, by: str) -> int:
    """Give every appointment of a merged record to the surviving one; how many moved."""
    with mapped_errors("admin.db"):
        rows = conn.execute(
            "UPDATE appointments SET patient_id = ?, updated_at = ?, updated_by = ?, "
            "version = version + 1 WHERE patient_id = ? RETURNING id",
            (to_id, when, by, from_id),
        ).fetchall()
    return len(rows)
