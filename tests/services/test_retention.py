"""The retention review: 20 years after the last consultation, not before the 28th birthday,
the file's creation date when there was no consultation, extensions, erasure past term."""

from __future__ import annotations

from datetime import date

import pytest

from medvault.core.clinical_consultation import ConsultationData
from medvault.core.errors import FieldError, PermissionDeniedError
from medvault.core.retention import ReferenceKind, RetentionExtension, RetentionNotDueError
from medvault.services.clinical_consultations import create_consultation
from medvault.services.patients import delete_patient
from medvault.services.retention import (
    erase_past_term,
    extend_retention,
    retention_case,
    review_past_term,
)
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.services.rights_helpers import MovableClock, new_patient, open_with_clock


def _consult(session: Session, patient_id: int, day: date) -> None:
    create_consultation(session, patient_id, ConsultationData(consulted_on=day, reason="Suivi"))


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(date(2001, 6, 1))


@pytest.fixture
def doctor(vault: VaultInfo, clock: MovableClock) -> Session:
    session = open_with_clock(vault, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, clock)
    yield session  # type: ignore[misc]
    session.close()


def _due_ids(session: Session) -> list[int]:
    return [case.patient_id for case in review_past_term(session).cases]


def test_adult_file_is_due_twenty_years_after_the_last_consultation(
    doctor: Session, clock: MovableClock
) -> None:
    adult = new_patient(doctor, "ADULTE", date(1950, 3, 10))
    _consult(doctor, adult, date(2001, 5, 2))
    _consult(doctor, adult, date(2000, 1, 15))

    clock.set(date(2021, 5, 1))
    assert _due_ids(doctor) == []
    clock.set(date(2021, 5, 2))
    (case,) = review_past_term(doctor).cases
    assert case.patient_id == adult
    assert case.reference == date(2001, 5, 2)
    assert case.reference_kind is ReferenceKind.CONSULTATION
    assert case.term == date(2021, 5, 2)
    assert case.display_name.startswith("ADULTE")


def test_a_young_minor_is_kept_until_the_28th_birthday(
    doctor: Session, clock: MovableClock
) -> None:
    young = new_patient(doctor, "ENFANT", date(1997, 9, 20))  # 3 years old at the visit
    teen = new_patient(doctor, "ADO", date(1984, 2, 1))  # 17 at the visit: 20 years is later
    _consult(doctor, young, date(2001, 1, 10))
    _consult(doctor, teen, date(2001, 1, 10))

    clock.set(date(2021, 1, 10))
    assert _due_ids(doctor) == [teen]  # young would be only 23
    clock.set(date(2025, 9, 19))
    assert retention_case(doctor, young).term == date(2025, 9, 20)
    assert _due_ids(doctor) == [teen]
    clock.set(date(2025, 9, 20))
    assert _due_ids(doctor) == [teen, young]  # longest overdue first


def test_a_file_without_consultation_counts_from_its_creation(
    doctor: Session, clock: MovableClock
) -> None:
    quiet = new_patient(doctor, "SANSVISITE", date(1960, 1, 1))  # created 2001-06-01
    clock.set(date(2021, 5, 31))
    assert _due_ids(doctor) == []
    clock.set(date(2021, 6, 1))
    (case,) = review_past_term(doctor).cases
    assert (case.patient_id, case.reference_kind) == (quiet, ReferenceKind.CREATION)
    assert case.reference == date(2001, 6, 1)


def test_extension_postpones_and_is_audited_and_stored(
    doctor: Session, clock: MovableClock
) -> None:
    pid = new_patient(doctor, "PROLONGE", date(1950, 1, 1))
    clock.set(date(2030, 1, 1))
    assert _due_ids(doctor) == [pid]

    case = extend_retention(doctor, pid, RetentionExtension(date(2035, 1, 1), "Contentieux"))
    assert case.extended_until == date(2035, 1, 1) and not case.is_past_term(date(2030, 1, 1))
    assert _due_ids(doctor) == []
    row = doctor.admin_db.execute(
        "SELECT action, area, patient_id, target FROM audit_log WHERE action = 'retention_extend'"
    ).fetchone()
    assert tuple(row) == ("retention_extend", "clinical", str(pid), "retention:2035-01-01")
    reason = doctor.clinical_db.execute("SELECT reason FROM retention_extensions").fetchone()
    assert reason[0] == "Contentieux"
    clock.set(date(2035, 1, 1))
    assert _due_ids(doctor) == [pid]


@pytest.mark.parametrize(
    ("until", "reason", "field"),
    [
        (date(2029, 12, 31), "x", "until"),
        (date(2070, 1, 1), "x", "until"),
        (date(2031, 1, 1), "   ", "reason"),
    ],
)
def test_extension_refused_with_field(
    doctor: Session, clock: MovableClock, until: date, reason: str, field: str
) -> None:
    pid = new_patient(doctor, "REFUS", date(1950, 1, 1))
    clock.set(date(2030, 1, 1))
    with pytest.raises(FieldError) as caught:
        extend_retention(doctor, pid, RetentionExtension(until, reason))
    assert caught.value.field == field
    assert (
        doctor.clinical_db.execute("SELECT count(*) FROM retention_extensions").fetchone()[0] == 0
    )


def test_soft_deleted_files_are_still_reviewed(doctor: Session, clock: MovableClock) -> None:
    pid = new_patient(doctor, "SUPPRIME", date(1950, 1, 1))
    delete_patient(doctor, pid, expected_version=1, reason="Doublon")
    clock.set(date(2030, 1, 1))
    (case,) = review_past_term(doctor).cases
    assert case.patient_id == pid and case.deleted


def test_erase_past_term_refuses_early_then_erases(doctor: Session, clock: MovableClock) -> None:
    pid = new_patient(doctor, "EFFACE", date(1950, 1, 1))
    keep = new_patient(doctor, "GARDE", date(1950, 1, 1))
    _consult(doctor, keep, date(2001, 6, 1))
    clock.set(date(2020, 1, 1))
    with pytest.raises(RetentionNotDueError):
        erase_past_term(doctor, pid)
    clock.set(date(2030, 1, 1))
    extend_retention(doctor, pid, RetentionExtension(date(2030, 6, 1), "Vérification"))
    with pytest.raises(RetentionNotDueError):
        erase_past_term(doctor, pid)
    clock.set(date(2030, 6, 1))

    assert erase_past_term(doctor, pid) == [pid]

    assert (
        doctor.admin_db.execute("SELECT count(*) FROM patients WHERE id = ?", (pid,)).fetchone()[0]
        == 0
    )
    assert (
        doctor.clinical_db.execute("SELECT count(*) FROM retention_extensions").fetchone()[0] == 0
    )
    assert _due_ids(doctor) == [keep]
    trace = doctor.admin_db.execute(
        "SELECT target FROM audit_log WHERE patient_id = ? AND action = 'delete'", (str(pid),)
    ).fetchall()
    assert [t[0] for t in trace] == ["erasure:retention_expired"]


def test_receptionist_is_refused_and_the_refusal_audited(vault: VaultInfo) -> None:
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as desk:
        with pytest.raises(PermissionDeniedError):
            review_past_term(desk)
        with pytest.raises(PermissionDeniedError):
            extend_retention(desk, 1, RetentionExtension(date(2099, 1, 1), "x"))
        rows = desk.admin_db.execute(
            "SELECT outcome, target FROM audit_log WHERE outcome = 'denied'"
        ).fetchall()
    assert [tuple(r) for r in rows] == [("denied", "retention_review")] * 2


def test_opening_the_review_is_audited_without_patient_ids(
    doctor: Session, clock: MovableClock
) -> None:
    new_patient(doctor, "AUDIT", date(1950, 1, 1))
    clock.set(date(2030, 1, 1))
    review_past_term(doctor)
    row = doctor.admin_db.execute(
        "SELECT action, patient_id, target FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert tuple(row) == ("read", None, "retention_review")
