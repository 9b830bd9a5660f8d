"""Merging duplicates: a practitioner's merge brings the clinical record along."""

from __future__ import annotations

from medvault.core.clinical import AllergyData
from medvault.core.patient import PatientForm
from medvault.services.clinical import add_entry, open_clinical_file
from medvault.services.patients import create_patient, merge_patients
from medvault.services.session import Session
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo


def _two_records(session: Session) -> tuple[int, int]:
    form = PatientForm(
        birth_name="Lemaire", first_names=("Anaïs",), sex="F", birth_date="02/03/1990"
    )
    keep = create_patient(session, form).patient.id
    duplicate = create_patient(session, form).patient.id
    return keep, duplicate


def test_practitioner_merge_moves_the_clinical_record(practitioner: Session) -> None:
    keep, duplicate = _two_records(practitioner)
    add_entry(practitioner, duplicate, AllergyData(substance="Arachide"))
    merge_patients(practitioner, duplicate_id=duplicate, surviving_id=keep, expected_version=1)
    allergies = open_clinical_file(practitioner, keep).allergies
    assert [a.data.substance for a in allergies] == ["Arachide"]
    assert open_clinical_file(practitioner, duplicate).allergies == ()
    target = practitioner.admin_db.execute(
        "SELECT target FROM audit_log WHERE area = 'clinical' AND target LIKE 'merged_from:%'"
    ).fetchone()[0]
    assert target == f"merged_from:{duplicate};clinical:1"


def test_reception_merge_leaves_clinical_rows_where_they_were(
    vault: VaultInfo, receptionist: Session
) -> None:
    keep, duplicate = _two_records(receptionist)
    receptionist.close()
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        add_entry(session, duplicate, AllergyData(substance="Latex"))
    with vault.unlock("accueil", "Saule+Brique+42+Nuage") as session:
        merge_patients(session, duplicate_id=duplicate, surviving_id=keep, expected_version=1)
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        # still readable under the duplicate's id, which points to the survivor
        assert [a.data.substance for a in open_clinical_file(session, duplicate).allergies] == [
            "Latex"
        ]
