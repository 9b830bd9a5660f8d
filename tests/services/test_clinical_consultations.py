"""Consultations through the services: create, update, get, list, search; both roles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from medvault.core.clinical_consultation import ConsultationData, SoapNotes, Vitals
from medvault.core.errors import (
    FieldError,
    PatientDeletedError,
    PermissionDeniedError,
    StaleWriteError,
    UnknownPatientError,
    UnknownRecordError,
)
from medvault.services import clinical_consultations as consultations
from medvault.services.checks import check_vault
from medvault.services.key_rotation import rotate_keys
from medvault.services.session import Session
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.services.clinical_helpers import (
    add_patient,
    audit_count,
    audit_rows,
    delete_patient,
    last_audit,
)

DAY = date(2024, 6, 3)


def _visit(
    reason: str = "Toux", day: date = DAY, vitals: Vitals | None = None, **notes: str
) -> ConsultationData:
    return ConsultationData(day, reason, SoapNotes(**notes), vitals or Vitals())


def test_create_get_update(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    vitals = Vitals(weight_kg=82.5, height_cm=180, systolic_mmhg=128, diastolic_mmhg=79)
    created = consultations.create_consultation(
        practitioner, patient, _visit("  Toux  ", vitals=vitals, subjective="Tousse la nuit")
    )
    assert (created.version, created.patient_id, created.created_by) == (
        1,
        patient,
        PRACTITIONER_LOGIN,
    )
    assert created.data.reason == "Toux"
    assert created.bmi == 25.5
    target = f"consultation:{created.id}"
    assert last_audit(practitioner) == ("create", "clinical", "success", str(patient), target)

    fetched = consultations.get_consultation(practitioner, created.id)
    assert fetched == created
    assert last_audit(practitioner) == ("read", "clinical", "success", str(patient), target)

    changed = _visit("Toux", vitals=Vitals(weight_kg=80, height_cm=180), plan="Sirop")
    updated = consultations.update_consultation(
        practitioner, created.id, changed, expected_version=1
    )
    assert (updated.version, updated.data, updated.bmi) == (2, changed, 24.7)
    assert last_audit(practitioner) == ("update", "clinical", "success", str(patient), target)


def test_stale_update_is_refused_and_writes_nothing(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    created = consultations.create_consultation(practitioner, patient, _visit(plan="A"))
    consultations.update_consultation(
        practitioner, created.id, _visit(plan="B"), expected_version=1
    )
    before = audit_count(practitioner)
    with pytest.raises(StaleWriteError):
        consultations.update_consultation(
            practitioner, created.id, _visit(plan="C"), expected_version=1
        )
    assert audit_count(practitioner) == before
    current = consultations.get_consultation(practitioner, created.id)
    assert (current.version, current.data.notes.plan) == (2, "B")
    assert consultations.search_consultations(practitioner, "C") == []


@pytest.mark.parametrize(
    ("vitals", "field"),
    [
        (Vitals(weight_kg=0.2), "weight_kg"),
        (Vitals(weight_kg=401), "weight_kg"),
        (Vitals(height_cm=19), "height_cm"),
        (Vitals(height_cm=251), "height_cm"),
        (Vitals(systolic_mmhg=310, diastolic_mmhg=80), "systolic_mmhg"),
        (Vitals(systolic_mmhg=120, diastolic_mmhg=201), "diastolic_mmhg"),
        (Vitals(systolic_mmhg=80, diastolic_mmhg=85), "diastolic_mmhg"),
        (Vitals(systolic_mmhg=120), "diastolic_mmhg"),
        (Vitals(pulse_bpm=19), "pulse_bpm"),
        (Vitals(pulse_bpm=301), "pulse_bpm"),
        (Vitals(temperature_c=29.9), "temperature_c"),
        (Vitals(temperature_c=45.1), "temperature_c"),
    ],
)
def test_vitals_out_of_range_are_refused_with_their_field(
    practitioner: Session, vitals: Vitals, field: str
) -> None:
    patient = add_patient(practitioner)
    before = audit_count(practitioner)
    with pytest.raises(FieldError) as caught:
        consultations.create_consultation(practitioner, patient, _visit(vitals=vitals))
    assert caught.value.field == field
    assert caught.value.fr and caught.value.en
    assert audit_count(practitioner) == before
    assert practitioner.clinical_db.execute("SELECT count(*) FROM consultations").fetchone() == (0,)


def test_other_validation_errors(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    with pytest.raises(FieldError) as caught:
        consultations.create_consultation(practitioner, patient, _visit(reason=" "))
    assert caught.value.field == "reason"
    with pytest.raises(FieldError) as caught:
        consultations.create_consultation(
            practitioner, patient, _visit(day=date.today() + timedelta(days=2))
        )
    assert caught.value.field == "consulted_on"
    created = consultations.create_consultation(practitioner, patient, _visit())
    with pytest.raises(FieldError) as caught:
        consultations.update_consultation(
            practitioner, created.id, _visit(objective="\x00"), expected_version=1
        )
    assert caught.value.field == "objective"
    with pytest.raises(FieldError) as caught:
        consultations.list_consultations(practitioner, patient, limit=0)
    assert caught.value.field == "limit"
    with pytest.raises(FieldError) as caught:
        consultations.search_consultations(practitioner, "toux", limit=501)
    assert caught.value.field == "limit"


def test_unknown_and_deleted_patients_and_records(practitioner: Session) -> None:
    with pytest.raises(UnknownPatientError):
        consultations.create_consultation(practitioner, 404, _visit())
    with pytest.raises(UnknownPatientError):
        consultations.list_consultations(practitioner, 404)
    with pytest.raises(UnknownRecordError):
        consultations.get_consultation(practitioner, 404)
    with pytest.raises(UnknownRecordError):
        consultations.update_consultation(practitioner, 404, _visit(), expected_version=1)
    patient = add_patient(practitioner)
    created = consultations.create_consultation(practitioner, patient, _visit())
    delete_patient(practitioner, patient)
    before = audit_count(practitioner)
    with pytest.raises(PatientDeletedError):
        consultations.create_consultation(practitioner, patient, _visit())
    with pytest.raises(PatientDeletedError):
        consultations.update_consultation(practitioner, created.id, _visit(), expected_version=1)
    assert audit_count(practitioner) == before
    assert [c.id for c in consultations.list_consultations(practitioner, patient).items] == [
        created.id
    ]


def test_list_is_newest_first_and_paged(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    other = add_patient(practitioner, "MARTIN")
    days = [DAY - timedelta(days=d) for d in (5, 0, 9, 3, 0, 7, 1)]
    made = [consultations.create_consultation(practitioner, patient, _visit(day=d)) for d in days]
    consultations.create_consultation(practitioner, other, _visit())
    expected = [c.id for c in sorted(made, key=lambda c: (c.data.consulted_on, c.id), reverse=True)]
    first = consultations.list_consultations(practitioner, patient, limit=3)
    second = consultations.list_consultations(practitioner, patient, limit=3, offset=3)
    last = consultations.list_consultations(practitioner, patient, limit=3, offset=6)
    assert (first.has_more, second.has_more, last.has_more) == (True, True, False)
    assert [c.id for p in (first, second, last) for c in p.items] == expected
    assert (first.offset, last.offset) == (0, 6)
    exact = consultations.list_consultations(practitioner, patient, limit=7)
    assert len(exact.items) == 7 and not exact.has_more
    assert last_audit(practitioner) == (
        "read",
        "clinical",
        "success",
        str(patient),
        "consultations",
    )


def test_search_folds_accents_and_is_audited_without_the_words(practitioner: Session) -> None:
    anna = add_patient(practitioner, "ANNA")
    bert = add_patient(practitioner, "BERT")
    a = consultations.create_consultation(
        practitioner, anna, _visit("Céphalées", assessment="Migraine ophtalmique")
    )
    b = consultations.create_consultation(
        practitioner, bert, _visit("Fièvre", day=DAY + timedelta(days=1), plan="Paracétamol")
    )
    assert [
        h.consultation_id for h in consultations.search_consultations(practitioner, "cephalee")
    ] == [a.id]
    assert last_audit(practitioner) == ("read", "clinical", "success", None, "consultation_search")
    hits = consultations.search_consultations(practitioner, "PARACETAMOL fievre")
    assert [(h.consultation_id, h.patient_id, h.reason) for h in hits] == [(b.id, bert, "Fièvre")]
    assert {
        h.consultation_id for h in consultations.search_consultations(practitioner, "MIGR")
    } == {a.id}
    assert consultations.search_consultations(practitioner, "   ") == []
    assert consultations.search_consultations(practitioner, 'OR "') == []
    log = " ".join(str(v) for row in audit_rows(practitioner) for v in row)
    assert "cephal" not in log.lower() and "paracetamol" not in log.lower()


def test_search_returns_at_most_the_limit_newest_first(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    made = [
        consultations.create_consultation(
            practitioner, patient, _visit("Renouvellement", day=DAY - timedelta(days=i))
        )
        for i in range(12)
    ]
    hits = consultations.search_consultations(practitioner, "renouvellement", limit=5)
    # The five most recently written (entered here oldest date last), shown by date, newest first.
    assert [h.consultation_id for h in hits] == [c.id for c in made[-5:]]
    assert [h.consulted_on for h in hits] == sorted((h.consulted_on for h in hits), reverse=True)
    assert len(consultations.search_consultations(practitioner, "renouv")) == 12


def test_reception_is_denied_and_audited(receptionist: Session) -> None:
    patient = add_patient(receptionist)
    calls: dict[str, list[Callable[[], object]]] = {
        "clinical_write": [
            lambda: consultations.create_consultation(receptionist, patient, _visit()),
            lambda: consultations.update_consultation(
                receptionist, 1, _visit(), expected_version=1
            ),
        ],
        "clinical_read": [
            lambda: consultations.get_consultation(receptionist, 1),
            lambda: consultations.list_consultations(receptionist, patient),
            lambda: consultations.search_consultations(receptionist, "toux"),
        ],
    }
    for code, functions in calls.items():
        for call in functions:
            before = audit_count(receptionist)
            with pytest.raises(PermissionDeniedError):
                call()
            action = "read" if code == "clinical_read" else "update"
            assert audit_rows(receptionist)[before:] == [(action, "clinical", "denied", None, code)]


def test_record_and_its_index_survive_key_rotation_and_reopening(vault: VaultInfo) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        patient = add_patient(session)
        created = consultations.create_consultation(
            session, patient, _visit("Lombalgie", plan="Kinésithérapie")
        )
        rotate_keys(session)
        assert [h.consultation_id for h in consultations.search_consultations(session, "kine")] == [
            created.id
        ]
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert consultations.get_consultation(session, created.id).data.notes.plan == (
            "Kinésithérapie"
        )
        assert len(consultations.search_consultations(session, "lombalgie")) == 1
        assert check_vault(session).ok
