"""The legal erasure: practitioner only, everything about the patient gone from both databases,
a minimal trace (ids, date, who, legal basis) left in the audit trail."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from medvault.core.clinical import AllergyData
from medvault.core.clinical_consultation import ConsultationData, SoapNotes
from medvault.core.erasure import ErasureBasis
from medvault.core.errors import ErasureBasisError, PermissionDeniedError, UnknownPatientError
from medvault.core.patient import PatientForm
from medvault.services import checks
from medvault.services.appointments import book_appointment
from medvault.services.clinical import add_entry
from medvault.services.clinical_consultations import create_consultation, search_consultations
from medvault.services.documents import import_admin_document, import_clinical_document
from medvault.services.patient_erasure import erase_patient
from medvault.services.patients import create_patient, merge_patients
from medvault.services.patients_search import search_patients
from medvault.services.session import Session
from medvault.storage.database import Connection

MARK = "Zéphyrinâ"  # in every field that can hold text


def _dump(conn: Connection) -> str:
    """Every value of every table, index shadow tables and document chunks included."""
    parts: list[str] = []
    names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    for (name,) in names:
        quoted = '"' + str(name).replace('"', '""') + '"'
        for row in conn.execute(f"SELECT * FROM {quoted}").fetchall():
            for value in row:
                if isinstance(value, bytes):
                    parts.append(value.decode("utf-8", errors="replace"))
                else:
                    parts.append(str(value))
    return "\n".join(parts)


def _patient_with_everything(session: Session, tmp_path: Path, name: str) -> int:
    tag = f"{MARK}{name}"  # this patient's own marker, in every text of its file
    saved = create_patient(
        session,
        PatientForm(birth_name=name, first_names=(tag,), sex="F", birth_date="05/11/1984"),
    )
    pid = saved.patient.id
    book_appointment(
        session,
        patient_id=pid,
        day=date(2030, 1, 7),
        start=time(9),
        duration_minutes=15,
        reason=f"Renouvellement {tag}",
    )
    scan = tmp_path / f"{name}.txt"
    scan.write_text(f"attestation {tag}")
    import_admin_document(
        session,
        patient_id=pid,
        path=scan,
        title=f"Mutuelle {tag}",
        document_date=date(2024, 1, 2),
        category="insurance",
    )
    import_clinical_document(
        session,
        patient_id=pid,
        path=scan,
        title=f"Bilan {tag}",
        document_date=date(2024, 1, 3),
        category="lab_result",
    )
    add_entry(session, pid, AllergyData(substance=f"Pénicilline {tag}"))
    create_consultation(
        session,
        pid,
        ConsultationData(
            consulted_on=date(2024, 2, 1),
            reason=f"Toux {tag}",
            notes=SoapNotes(subjective=f"{tag} tousse depuis huit jours"),
        ),
    )
    return pid


def test_erasure_removes_everything_and_keeps_a_minimal_trace(
    practitioner: Session, tmp_path: Path
) -> None:
    keep = _patient_with_everything(practitioner, tmp_path, "Garde")
    erase = _patient_with_everything(practitioner, tmp_path, "Efface")
    duplicate = _patient_with_everything(practitioner, tmp_path, "Doublon")
    merge_patients(practitioner, duplicate_id=duplicate, surviving_id=erase, expected_version=1)

    erased = erase_patient(practitioner, patient_id=erase, basis=ErasureBasis.PATIENT_REQUEST)

    assert sorted(erased) == sorted([erase, duplicate])
    admin, clinical = _dump(practitioner.admin_db), _dump(practitioner.clinical_db)
    for gone in ("Efface", "Doublon"):
        for text in (f"{MARK}{gone}", gone.upper()):
            assert text not in admin and text not in clinical, text
    # the kept patient is untouched, in both databases and in searches
    assert f"{MARK}Garde" in admin and f"{MARK}Garde" in clinical
    assert [p.id for p in search_patients(practitioner, "garde").patients] == [keep]
    assert search_patients(practitioner, "efface").patients == ()
    hits = search_consultations(practitioner, "tousse")
    assert {h.patient_id for h in hits} == {keep}
    trace = practitioner.admin_db.execute(
        "SELECT patient_id, user_login, target FROM audit_log WHERE target LIKE 'erasure:%'"
    ).fetchall()
    assert sorted(trace) == sorted(
        (str(i), "dr.martin", "erasure:patient_request") for i in (erase, duplicate)
    )
    report = checks.check_vault(practitioner)
    assert report.ok, report
    with pytest.raises(UnknownPatientError):
        erase_patient(practitioner, patient_id=erase, basis=ErasureBasis.PATIENT_REQUEST)


def test_erasure_needs_a_legal_basis(practitioner: Session, tmp_path: Path) -> None:
    pid = _patient_with_everything(practitioner, tmp_path, "Base")
    with pytest.raises(ErasureBasisError):
        erase_patient(practitioner, patient_id=pid, basis="because")  # type: ignore[arg-type]
    assert f"{MARK}Base" in _dump(practitioner.clinical_db)


def test_reception_cannot_erase(receptionist: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        erase_patient(receptionist, patient_id=1, basis=ErasureBasis.CREATED_IN_ERROR)
    row = receptionist.admin_db.execute(
        "SELECT outcome, target FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert tuple(row) == ("denied", "patient_erase")
