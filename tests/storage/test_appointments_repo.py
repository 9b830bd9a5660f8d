"""Appointments repository on a real encrypted admin.db."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from medvault.core.appointment import AppointmentStatus, Slot
from medvault.core.patient import PatientForm, validate_patient
from medvault.core.secrets import SecretKey
from medvault.storage import appointments_repo, patients_repo
from medvault.storage.database import (
    Connection,
    StorageError,
    close_database,
    open_database,
    transaction,
)
from medvault.storage.migrations import ADMIN_MIGRATIONS, migrate

WHEN = "2030-01-01T00:00:00.000000Z"
DAY = date(2030, 1, 7)


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Connection]:
    conn = open_database(tmp_path / "admin.db", SecretKey.generate(), create=True)
    migrate(conn, ADMIN_MIGRATIONS)
    yield conn
    close_database(conn)


def patient(conn: Connection, name: str) -> int:
    data = validate_patient(
        PatientForm(birth_name=name, first_names="Anne", sex="F", birth_date="01/01/1980"),
        today=date(2030, 1, 1),
    )
    with transaction(conn):
        return patients_repo.insert_patient(conn, data, when=WHEN, by="t")


def book(conn: Connection, patient_id: int, start: time, minutes: int, day: date = DAY) -> int:
    with transaction(conn):
        return appointments_repo.insert_appointment(
            conn,
            patient_id=patient_id,
            slot=Slot(day, start, minutes),
            reason="",
            when=WHEN,
            by="t",
        ).id


def test_overlap_bounds(admin: Connection) -> None:
    pid = patient(admin, "Dupont")
    nine = book(admin, pid, time(9, 0), 30)
    cancelled = book(admin, pid, time(9, 0), 30)
    with transaction(admin):
        appointments_repo.set_status(
            admin, cancelled, AppointmentStatus.CANCELLED, expected_version=1, when=WHEN, by="t"
        )
    ids = lambda start, minutes: [  # noqa: E731
        a.id for a in appointments_repo.overlapping(admin, Slot(DAY, start, minutes))
    ]
    assert ids(time(8, 45), 15) == []  # ends when it starts
    assert ids(time(9, 30), 15) == []  # starts when it ends
    assert ids(time(8, 50), 15) == [nine]
    assert ids(time(9, 29), 5) == [nine]
    assert appointments_repo.overlapping(admin, Slot(DAY, time(9), 30), exclude_id=nine) == []


def test_agenda_order_and_patient_names(admin: Connection) -> None:
    dupont, martin = patient(admin, "Dupont"), patient(admin, "Martin")
    late = book(admin, dupont, time(11, 0), 15)
    early = book(admin, martin, time(8, 0), 15)
    next_day = book(admin, dupont, time(7, 0), 15, day=date(2030, 1, 8))
    rows = appointments_repo.agenda(admin, DAY, date(2030, 1, 8), include_cancelled=False)
    assert [(a.id, name) for a, name, _used, _first in rows] == [
        (early, "Martin"),
        (late, "Dupont"),
        (next_day, "Dupont"),
    ]


def test_move_to_patient_and_stale_versions(admin: Connection) -> None:
    old, new = patient(admin, "Dupont"), patient(admin, "Dupond")
    first = book(admin, old, time(9, 0), 15)
    book(admin, old, time(10, 0), 15)
    with transaction(admin):
        assert appointments_repo.move_to_patient(admin, old, new, when=WHEN, by="t") == 2
    assert appointments_repo.for_patient(admin, old) == []
    moved = appointments_repo.for_patient(admin, new)
    assert [a.version for a in moved] == [2, 2]
    with transaction(admin):
        stale = appointments_repo.set_status(
            admin, first, AppointmentStatus.SEEN, expected_version=1, when=WHEN, by="t"
        )
    assert stale is None


def test_database_refuses_what_validation_would_refuse(admin: Connection) -> None:
    pid = patient(admin, "Dupont")
    for start, minutes in ((time(23, 50), 15), (time(9, 0), 481), (time(9, 0), 4)):
        with pytest.raises(StorageError):
            book(admin, pid, start, minutes)
    with pytest.raises(StorageError):
        book(admin, 999, time(9, 0), 15)  # foreign key
    assert admin.execute("SELECT count(*) FROM appointments").fetchone()[0] == 0
