"""Merging duplicates: a practitioner's merge brings the clinical record along."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from medvault.core.clinical import AllergyData
from medvault.core.documents import DocumentCategory
from medvault.core.patient import PatientForm
from medvault.services.clinical import add_entry, open_clinical_file
from medvault.services.documents import import_admin_document, list_admin_documents
from medvault.services.patients import create_patient, merge_patients
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)


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


def test_reception_merge_is_completed_by_the_next_practitioner_login(
    vault: VaultInfo, receptionist: Session
) -> None:
    keep, duplicate = _two_records(receptionist)
    receptionist.close()
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        add_entry(session, duplicate, AllergyData(substance="Latex"))
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        merge_patients(session, duplicate_id=duplicate, surviving_id=keep, expected_version=1)
        # reception holds no clinical key: the allergy is still under the duplicate's id
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert [a.data.substance for a in open_clinical_file(session, keep).allergies] == ["Latex"]
        assert open_clinical_file(session, duplicate).allergies == ()
        targets = [
            row[0]
            for row in session.admin_db.execute(
                "SELECT target FROM audit_log WHERE area = 'clinical' "
                "AND target LIKE 'merged_from:%'"
            )
        ]
        assert targets == [f"merged_from:{duplicate};clinical:1"]
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        count = session.admin_db.execute(
            "SELECT count(*) FROM audit_log WHERE target LIKE 'merged_from:%;clinical:%'"
        ).fetchone()[0]
        assert count == 1  # done once, not at every login


def test_a_merge_brings_the_administrative_documents_along(
    receptionist: Session, tmp_path: Path
) -> None:
    keep, duplicate = _two_records(receptionist)
    scan = tmp_path / "carte-vitale.pdf"
    scan.write_bytes(b"%PDF-1.4 attestation")
    import_admin_document(
        receptionist,
        patient_id=duplicate,
        path=scan,
        title="Attestation",
        document_date=date(2025, 1, 6),
        category=DocumentCategory.INSURANCE,
    )
    merge_patients(receptionist, duplicate_id=duplicate, surviving_id=keep, expected_version=1)
    assert [d.title for d in list_admin_documents(receptionist, keep)] == ["Attestation"]
