"""History, allergies, treatments and vaccinations through the services: both roles, audit
records, stale writes, unknown and deleted patients."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from medvault.core.clinical import (
    AllergyData,
    HistoryData,
    HistoryKind,
    Severity,
    TreatmentData,
    VaccinationData,
)
from medvault.core.clinical_consultation import ConsultationData
from medvault.core.errors import (
    FieldError,
    PatientDeletedError,
    PermissionDeniedError,
    StaleWriteError,
    UnknownPatientError,
    UnknownRecordError,
)
from medvault.services import clinical
from medvault.services.clinical_consultations import create_consultation
from medvault.services.session import Session
from tests.conftest import PRACTITIONER_LOGIN
from tests.services.clinical_helpers import (
    add_patient,
    audit_count,
    audit_rows,
    delete_patient,
    last_audit,
    merge_patient,
)

EXAMPLES: list[tuple[Any, Any]] = [
    (
        HistoryData(HistoryKind.SURGICAL, "Appendicectomie", year=2001),
        HistoryData(HistoryKind.SURGICAL, "Appendicectomie (cœlioscopie)", year=2001),
    ),
    (
        AllergyData("Pénicilline", severity=Severity.MODERATE),
        AllergyData("Pénicilline", reaction="Œdème de Quincke", severity=Severity.SEVERE),
    ),
    (
        TreatmentData("Metformine", "500 mg", "2/j", date(2023, 1, 5), prescriber="Dr Martin"),
        TreatmentData("Metformine", "1000 mg", "2/j", date(2023, 1, 5), prescriber="Dr Martin"),
    ),
    (
        VaccinationData("Grippe", date(2024, 10, 20), "X1"),
        VaccinationData("Grippe", date(2024, 10, 20), "X2", "1"),
    ),
]
IDS = [type(first).code for first, _ in EXAMPLES]


@pytest.mark.parametrize(("first", "second"), EXAMPLES, ids=IDS)
def test_add_update_remove_list(practitioner: Session, first: Any, second: Any) -> None:
    kind = type(first)
    patient = add_patient(practitioner)
    other = add_patient(practitioner, "MARTIN")
    entry = clinical.add_entry(practitioner, patient, first)
    assert (entry.data, entry.version, entry.patient_id) == (first, 1, patient)
    assert entry.created_by == PRACTITIONER_LOGIN
    target = f"{kind.code}:{entry.id}"
    assert last_audit(practitioner) == ("create", "clinical", "success", str(patient), target)
    clinical.add_entry(practitioner, other, first)

    updated = clinical.update_entry(practitioner, entry.id, second, expected_version=1)
    assert (updated.data, updated.version) == (second, 2)
    assert last_audit(practitioner) == ("update", "clinical", "success", str(patient), target)
    listed = clinical.list_entries(practitioner, patient, kind)
    assert [(e.id, e.data) for e in listed] == [(entry.id, second)]
    assert last_audit(practitioner) == ("read", "clinical", "success", str(patient), kind.code)

    clinical.remove_entry(practitioner, kind, entry.id, expected_version=2, reason="Erreur")
    assert last_audit(practitioner) == ("delete", "clinical", "success", str(patient), target)
    assert clinical.list_entries(practitioner, patient, kind) == []
    kept = clinical.list_entries(practitioner, patient, kind, include_removed=True)
    assert len(kept) == 1 and kept[0].data == second
    assert kept[0].removal is not None
    assert (kept[0].removal.removed_by, kept[0].removal.reason) == (PRACTITIONER_LOGIN, "Erreur")
    # The other patient's file is untouched.
    assert len(clinical.list_entries(practitioner, other, kind)) == 1


@pytest.mark.parametrize(("first", "second"), EXAMPLES, ids=IDS)
def test_stale_writes_are_refused_and_write_nothing(
    practitioner: Session, first: Any, second: Any
) -> None:
    kind = type(first)
    patient = add_patient(practitioner)
    entry = clinical.add_entry(practitioner, patient, first)
    clinical.update_entry(practitioner, entry.id, second, expected_version=1)
    before = audit_count(practitioner)
    with pytest.raises(StaleWriteError):
        clinical.update_entry(practitioner, entry.id, first, expected_version=1)
    with pytest.raises(StaleWriteError):
        clinical.remove_entry(practitioner, kind, entry.id, expected_version=1, reason="x")
    assert audit_count(practitioner) == before
    (current,) = clinical.list_entries(practitioner, patient, kind)
    assert (current.data, current.version) == (second, 2)


def test_removed_or_unknown_entries_cannot_be_changed(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    data = AllergyData("Latex")
    entry = clinical.add_entry(practitioner, patient, data)
    clinical.remove_entry(practitioner, AllergyData, entry.id, expected_version=1, reason="x")
    with pytest.raises(UnknownRecordError):
        clinical.update_entry(practitioner, entry.id, data, expected_version=2)
    with pytest.raises(UnknownRecordError):
        clinical.remove_entry(practitioner, AllergyData, entry.id, expected_version=2, reason="x")
    with pytest.raises(UnknownRecordError):
        clinical.update_entry(practitioner, 999, data, expected_version=1)
    # Ids are per kind: an allergy id does not reach a treatment.
    with pytest.raises(UnknownRecordError):
        clinical.remove_entry(practitioner, TreatmentData, entry.id, expected_version=1, reason="x")


def test_validation_errors_name_the_field_and_write_nothing(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    before = audit_count(practitioner)
    bad: list[tuple[Any, str]] = [
        (HistoryData(HistoryKind.MEDICAL, "  "), "label"),
        (AllergyData("Latex", severity="deadly"), "severity"),  # type: ignore[arg-type]
        (TreatmentData("X", start_date=date(2024, 2, 1), end_date=date(2024, 1, 1)), "end_date"),
        (VaccinationData("DTP", date(2999, 1, 1)), "given_on"),
    ]
    for data, field in bad:
        with pytest.raises(FieldError) as caught:
            clinical.add_entry(practitioner, patient, data)
        assert caught.value.field == field
    entry = clinical.add_entry(practitioner, patient, AllergyData("Latex"))
    with pytest.raises(FieldError) as caught:
        clinical.remove_entry(practitioner, AllergyData, entry.id, expected_version=1, reason=" ")
    assert caught.value.field == "reason"
    with pytest.raises(FieldError) as caught:
        clinical.update_entry(practitioner, entry.id, AllergyData("Latex"), expected_version=0)
    assert caught.value.field == "version"
    assert audit_count(practitioner) == before + 1  # only the valid add
    counts = {
        table: practitioner.clinical_db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("history_entries", "allergies", "treatments", "vaccinations")
    }
    assert counts == {"history_entries": 0, "allergies": 1, "treatments": 0, "vaccinations": 0}


def test_other_types_are_not_entries(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    with pytest.raises(TypeError):
        clinical.add_entry(practitioner, patient, ConsultationData(date(2024, 1, 1), "x"))  # type: ignore[type-var]


def test_unknown_and_deleted_patients(practitioner: Session) -> None:
    with pytest.raises(UnknownPatientError):
        clinical.add_entry(practitioner, 404, AllergyData("Latex"))
    with pytest.raises(UnknownPatientError):
        clinical.open_clinical_file(practitioner, 404)
    with pytest.raises(UnknownPatientError):
        clinical.list_entries(practitioner, 404, AllergyData)

    patient = add_patient(practitioner)
    entry = clinical.add_entry(practitioner, patient, AllergyData("Latex"))
    delete_patient(practitioner, patient)
    before = audit_count(practitioner)
    with pytest.raises(PatientDeletedError):
        clinical.add_entry(practitioner, patient, AllergyData("Iode"))
    with pytest.raises(PatientDeletedError):
        clinical.update_entry(practitioner, entry.id, AllergyData("Iode"), expected_version=1)
    with pytest.raises(PatientDeletedError):
        clinical.remove_entry(practitioner, AllergyData, entry.id, expected_version=1, reason="x")
    assert audit_count(practitioner) == before
    # A deleted patient's file can still be read.
    assert [
        e.data.substance for e in clinical.list_entries(practitioner, patient, AllergyData)
    ] == ["Latex"]

    merged = add_patient(practitioner, "DOUBLON")
    merge_patient(practitioner, merged, into=add_patient(practitioner, "GARDE"))
    with pytest.raises(PatientDeletedError):
        clinical.add_entry(practitioner, merged, AllergyData("Iode"))


def test_open_clinical_file_shows_the_current_view_and_is_audited(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    clinical.add_entry(practitioner, patient, HistoryData(HistoryKind.MEDICAL, "Asthme"))
    allergy = clinical.add_entry(practitioner, patient, AllergyData("Latex"))
    clinical.add_entry(practitioner, patient, AllergyData("Iode"))
    clinical.remove_entry(practitioner, AllergyData, allergy.id, expected_version=1, reason="x")
    clinical.add_entry(practitioner, patient, TreatmentData("Ventoline"))
    clinical.add_entry(practitioner, patient, VaccinationData("DTP", date(2024, 1, 1)))
    create_consultation(practitioner, patient, ConsultationData(date(2024, 1, 2), "Toux"))

    opened = clinical.open_clinical_file(practitioner, patient)
    assert opened.patient_id == patient
    assert [e.data.label for e in opened.history] == ["Asthme"]
    assert [e.data.substance for e in opened.allergies] == ["Iode"]
    assert [e.data.drug_name for e in opened.treatments] == ["Ventoline"]
    assert [e.data.vaccine for e in opened.vaccinations] == ["DTP"]
    assert [c.data.reason for c in opened.consultations.items] == ["Toux"]
    assert not opened.consultations.has_more
    assert last_audit(practitioner) == (
        "read",
        "clinical",
        "success",
        str(patient),
        "clinical_file",
    )


def test_reception_is_denied_every_clinical_call_and_audited(receptionist: Session) -> None:
    patient = add_patient(receptionist)  # reception may create the administrative record
    calls: list[tuple[str, Callable[[], object]]] = [
        ("clinical_write", lambda: clinical.add_entry(receptionist, patient, AllergyData("x"))),
        (
            "clinical_write",
            lambda: clinical.update_entry(receptionist, 1, AllergyData("x"), expected_version=1),
        ),
        (
            "clinical_write",
            lambda: clinical.remove_entry(
                receptionist, AllergyData, 1, expected_version=1, reason="x"
            ),
        ),
        ("clinical_read", lambda: clinical.list_entries(receptionist, patient, AllergyData)),
        ("clinical_read", lambda: clinical.open_clinical_file(receptionist, patient)),
    ]
    for code, call in calls:
        before = audit_count(receptionist)
        with pytest.raises(PermissionDeniedError):
            call()
        action = "read" if code.endswith("read") else "update"
        assert audit_rows(receptionist)[before:] == [(action, "clinical", "denied", None, code)]
