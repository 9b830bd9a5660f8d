"""Patient records through the services, for both roles: create, open, update, soft delete,
merge; refusals and their audit records."""

from __future__ import annotations

import dataclasses
from datetime import date, time

import pytest

from medvault.core.errors import (
    FieldError,
    PatientDeletedError,
    PermissionDeniedError,
    StaleWriteError,
    UnknownPatientError,
)
from medvault.core.patient import PatientForm
from medvault.core.permissions import DEFAULT_RULES, Permission, Policy, Role
from medvault.services import appointments, patients
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock
from tests.conftest import RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, VaultInfo

AuditRow = tuple[str, str, str | None, str | None, str, str | None]


def form(**changes: object) -> PatientForm:
    base = PatientForm(
        birth_name="Dupont",
        first_names=("Éloïse", "Marie"),
        sex="F",
        birth_date="05/11/1984",
        phone_mobile="06 12 34 56 78",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def audit_rows(session: Session, count: int) -> list[AuditRow]:
    rows = session.admin_db.execute(
        "SELECT action, area, patient_id, target, outcome, user_login FROM audit_log "
        "ORDER BY seq DESC LIMIT ?",
        (count,),
    ).fetchall()
    return [tuple(r) for r in reversed(rows)]


def audit_count(session: Session) -> int:
    return int(session.admin_db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def patient_count(session: Session) -> int:
    return int(session.admin_db.execute("SELECT count(*) FROM patients").fetchone()[0])


@pytest.fixture(params=["practitioner", "receptionist"])
def desk(request: pytest.FixtureRequest) -> Session:
    """Both roles do all of the administrative work."""
    session: Session = request.getfixturevalue(request.param)
    return session


def test_create_then_open_is_audited(desk: Session) -> None:
    saved = patients.create_patient(desk, form(nir="2 84 05 2A 004 018 63"))
    patient = saved.patient
    assert saved.possible_duplicates == ()
    assert patient.version == 1 and patient.created_by == desk.login
    assert patient.data.phone_mobile == "+33612345678"
    assert patient.data.nir == "284052A00401863"
    assert audit_rows(desk, 1) == [
        ("create", "administrative", str(patient.id), None, "success", desk.login)
    ]
    opened = patients.get_patient(desk, patient.id)
    assert opened == patient
    assert audit_rows(desk, 1)[0][:3] == ("read", "administrative", str(patient.id))


def test_audit_records_hold_no_identity(practitioner: Session) -> None:
    saved = patients.create_patient(practitioner, form(birth_name="Zorglub"))
    patients.get_patient(practitioner, saved.patient.id)
    dump = repr(audit_rows(practitioner, 10))
    assert "Zorglub" not in dump and "1984" not in dump and "+336" not in dump


def test_invalid_field_writes_nothing(desk: Session) -> None:
    before = (patient_count(desk), audit_count(desk))
    with pytest.raises(FieldError) as caught:
        patients.create_patient(desk, form(email="pas-un-email"))
    assert caught.value.field == "email"
    assert (patient_count(desk), audit_count(desk)) == before


def test_future_birth_date_is_refused(desk: Session) -> None:
    with pytest.raises(FieldError) as caught:
        patients.create_patient(
            desk, form(birth_date=date.today().replace(year=date.today().year + 1))
        )
    assert caught.value.field == "birth_date"


def test_likely_duplicates_are_flagged_not_refused(desk: Session) -> None:
    first = patients.create_patient(desk, form()).patient
    # Same name once folded, same birth date.
    second = patients.create_patient(desk, form(birth_name="DUPONT", first_names="Eloise"))
    assert [d.id for d in second.possible_duplicates] == [first.id]
    # The used name of one matching the birth name of the other counts too.
    third = patients.create_patient(
        desk, form(birth_name="Martin", used_name="Dupont", first_names="Anne")
    )
    assert {d.id for d in third.possible_duplicates} == {first.id, second.patient.id}
    # Same NIR, whatever the name.
    with_nir = patients.create_patient(desk, form(birth_name="Durand", nir="185057800608491"))
    assert with_nir.possible_duplicates == ()
    other = patients.create_patient(
        desk, form(birth_name="Leroy", birth_date="01/01/1950", nir="1 85 05 78 006 084 91")
    )
    assert [d.id for d in other.possible_duplicates] == [with_nir.patient.id]
    # A different birth date is not a duplicate.
    assert patients.create_patient(desk, form(birth_date="06/11/1984")).possible_duplicates == ()


def test_update_with_the_current_version(desk: Session) -> None:
    patient = patients.create_patient(desk, form()).patient
    changed = dataclasses.replace(PatientForm.from_data(patient.data), city="Ajaccio")
    saved = patients.update_patient(desk, patient.id, changed, expected_version=1)
    assert saved.patient.version == 2
    assert saved.patient.data.city == "Ajaccio"
    assert saved.patient.data.birth_name == "Dupont"
    assert audit_rows(desk, 1)[0][:3] == ("update", "administrative", str(patient.id))


def test_stale_write_is_refused_and_writes_nothing(desk: Session) -> None:
    # Two windows opened the same record at version 1; the second save comes too late.
    patient = patients.create_patient(desk, form()).patient
    patients.update_patient(desk, patient.id, form(city="Bastia"), expected_version=1)
    before = audit_count(desk)
    with pytest.raises(StaleWriteError):
        patients.update_patient(desk, patient.id, form(city="Corte"), expected_version=1)
    with pytest.raises(StaleWriteError):
        patients.delete_patient(desk, patient.id, expected_version=1, reason="doublon")
    assert audit_count(desk) == before
    current = patients.get_patient(desk, patient.id)
    assert (current.version, current.data.city, current.deleted_at) == (2, "Bastia", None)


def test_unknown_patient_id(desk: Session) -> None:
    for bad in (9999, -1, True, "1"):
        with pytest.raises(UnknownPatientError):
            patients.get_patient(desk, bad)  # type: ignore[arg-type]
    with pytest.raises(UnknownPatientError):
        patients.update_patient(desk, 9999, form(), expected_version=1)
    with pytest.raises(UnknownPatientError):
        patients.delete_patient(desk, 9999, expected_version=1, reason="doublon")


def test_soft_delete_keeps_the_record_readable_on_request(desk: Session) -> None:
    patient = patients.create_patient(desk, form()).patient
    with pytest.raises(FieldError) as caught:
        patients.delete_patient(desk, patient.id, expected_version=1, reason="  ")
    assert caught.value.field == "deletion_reason"
    deleted = patients.delete_patient(
        desk, patient.id, expected_version=1, reason="Créé par erreur"
    )
    assert deleted.deleted_at is not None
    assert (deleted.deleted_by, deleted.deletion_reason) == (desk.login, "Créé par erreur")
    assert audit_rows(desk, 1)[0][:3] == ("delete", "administrative", str(patient.id))
    assert patient_count(desk) == 1  # never removed
    with pytest.raises(PatientDeletedError):
        patients.get_patient(desk, patient.id)
    read = patients.get_patient(desk, patient.id, include_deleted=True)
    assert read.deleted_at == deleted.deleted_at
    assert audit_rows(desk, 1)[0][:3] == ("read", "administrative", str(patient.id))
    with pytest.raises(PatientDeletedError):
        patients.update_patient(desk, patient.id, form(), expected_version=deleted.version)
    with pytest.raises(PatientDeletedError):
        patients.delete_patient(desk, patient.id, expected_version=deleted.version, reason="x")


def test_merge_moves_appointments_and_hides_the_duplicate(desk: Session) -> None:
    keep = patients.create_patient(desk, form()).patient
    duplicate = patients.create_patient(desk, form(birth_name="DUPONT")).patient
    booked = appointments.book_appointment(
        desk, patient_id=duplicate.id, day=date(2030, 1, 7), start=time(9, 0), duration_minutes=15
    ).appointment
    survivor = patients.merge_patients(
        desk, duplicate_id=duplicate.id, surviving_id=keep.id, expected_version=1
    )
    assert survivor.id == keep.id
    merged = patients.get_patient(desk, duplicate.id, include_deleted=True)
    assert merged.merged_into == keep.id
    assert appointments.get_appointment(desk, booked.id).patient_id == keep.id
    merge_rows = [
        row[:4]
        for row in desk.admin_db.execute(
            "SELECT action, area, patient_id, target FROM audit_log WHERE target LIKE 'merged%' "
            "AND area = 'administrative' ORDER BY seq"
        ).fetchall()
    ]
    assert merge_rows == [
        ("update", "administrative", str(duplicate.id), f"merged_into:{keep.id}"),
        ("update", "administrative", str(keep.id), f"merged_from:{duplicate.id};appts:1;docs:0"),
    ]
    with pytest.raises(PatientDeletedError):
        patients.get_patient(desk, duplicate.id)
    with pytest.raises(PatientDeletedError):
        patients.update_patient(desk, duplicate.id, form(), expected_version=merged.version)


def test_merge_refusals(desk: Session) -> None:
    keep = patients.create_patient(desk, form()).patient
    duplicate = patients.create_patient(desk, form()).patient
    gone = patients.create_patient(desk, form()).patient
    patients.delete_patient(desk, gone.id, expected_version=1, reason="doublon")
    with pytest.raises(FieldError):
        patients.merge_patients(
            desk, duplicate_id=keep.id, surviving_id=keep.id, expected_version=1
        )
    with pytest.raises(FieldError):
        patients.merge_patients(
            desk, duplicate_id=duplicate.id, surviving_id=gone.id, expected_version=1
        )
    with pytest.raises(StaleWriteError):
        patients.merge_patients(
            desk, duplicate_id=duplicate.id, surviving_id=keep.id, expected_version=5
        )
    with pytest.raises(UnknownPatientError):
        patients.merge_patients(
            desk, duplicate_id=duplicate.id, surviving_id=999, expected_version=1
        )
    assert patients.get_patient(desk, duplicate.id).merged_into is None


def _session_without(vault: VaultInfo, *denied: Permission) -> Session:
    rules = tuple(r for r in DEFAULT_RULES if r.permission not in denied)
    config = dataclasses.replace(vault.config, policy=Policy(rules))
    return unlock(vault.directory, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, config=config)


def test_denied_paths_are_refused_and_audited(vault: VaultInfo) -> None:
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as allowed:
        patient = patients.create_patient(allowed, form()).patient
    with _session_without(vault, Permission.PATIENT_READ, Permission.PATIENT_WRITE) as session:
        assert session.role is Role.RECEPTIONIST
        calls = [
            (lambda: patients.create_patient(session, form()), "patient_write"),
            (lambda: patients.get_patient(session, patient.id), "patient_read"),
            (
                lambda: patients.update_patient(session, patient.id, form(), expected_version=1),
                "patient_write",
            ),
            (
                lambda: patients.delete_patient(
                    session, patient.id, expected_version=1, reason="x"
                ),
                "patient_write",
            ),
            (
                lambda: patients.merge_patients(
                    session, duplicate_id=patient.id, surviving_id=patient.id, expected_version=1
                ),
                "patient_write",
            ),
        ]
        for call, code in calls:
            with pytest.raises(PermissionDeniedError):
                call()
            action, area, patient_id, target, outcome, login = audit_rows(session, 1)[0]
            assert (area, patient_id, target, outcome, login) == (
                "administrative",
                None,
                code,
                "denied",
                RECEPTIONIST_LOGIN,
            )
            assert action == ("read" if code.endswith("read") else "update")
        assert session.admin_db.execute(
            "SELECT version, deleted_at, merged_into FROM patients WHERE id = ?", (patient.id,)
        ).fetchone() == (1, None, None)


def test_service_config_policy_is_what_decides(vault: VaultInfo) -> None:
    assert isinstance(vault.config, ServiceConfig)
    with _session_without(vault, Permission.PATIENT_WRITE) as session:
        with pytest.raises(PermissionDeniedError):
            patients.create_patient(session, form())
        assert patient_count(session) == 0
