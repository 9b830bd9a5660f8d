"""Patient export: one AES-256 ZIP that opens with its password only, a PDF and a FHIR R4B
bundle that validates, the documents attached, nothing in plaintext on disk, the consent
status checked for a third party and every decision audited; reception exports no clinical
part."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest

from medvault.core.clinical import AllergyData, HistoryData, HistoryKind, Severity, TreatmentData
from medvault.core.clinical_consultation import ConsultationData, SoapNotes, Vitals
from medvault.core.consent import CollectionMethod, ConsentDecision, ConsentForm, ConsentScope
from medvault.core.documents import ExportTargetExistsError
from medvault.core.errors import FieldError, PermissionDeniedError
from medvault.core.patient_export_archive import read_export
from medvault.core.patient_export_content import FHIR_NAME, PDF_NAME
from medvault.core.patient_export_fhir import validate_bundle
from medvault.core.patient_export_request import (
    ADMIN_SECTIONS,
    ConsentCheck,
    ExportRequest,
    RecipientKind,
)
from medvault.services.clinical import add_entry
from medvault.services.clinical_consultations import create_consultation
from medvault.services.consent import record_consent
from medvault.services.documents import import_admin_document, import_clinical_document
from medvault.services.patient_export import (
    ConsentChangedError,
    ExportCancelledError,
    export_patient,
)
from medvault.services.patient_export_consent import check_export_consent, decline_export
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.services.rights_helpers import new_patient

MARK = "Zéphyrinâ"


def _full_file(session: Session, tmp_path: Path) -> int:
    pid = new_patient(session, "LEFEBVRE", date(1975, 4, 12), first=MARK)
    add_entry(session, pid, HistoryData(kind=HistoryKind.MEDICAL, label=f"Asthme {MARK}"))
    add_entry(session, pid, HistoryData(kind=HistoryKind.FAMILY, label="Diabète", year=1990))
    add_entry(
        session,
        pid,
        AllergyData(substance="Pénicilline", severity=Severity.SEVERE, reaction="Urticaire"),
    )
    add_entry(
        session,
        pid,
        TreatmentData(
            drug_name="Ventoline",
            dosage="100 µg",
            frequency="si besoin",
            start_date=date(2020, 1, 1),
        ),
    )
    create_consultation(
        session,
        pid,
        ConsultationData(
            consulted_on=date(2024, 2, 1),
            reason=f"Toux {MARK}",
            notes=SoapNotes(subjective="Tousse <depuis> 8 jours & fièvre", plan="Repos"),
            vitals=Vitals(
                weight_kg=61.5,
                height_cm=168,
                systolic_mmhg=125,
                diastolic_mmhg=80,
                pulse_bpm=72,
                temperature_c=38.2,
            ),
        ),
    )
    scan = tmp_path / "scan.txt"
    scan.write_bytes(f"attestation {MARK}".encode())
    import_admin_document(
        session,
        patient_id=pid,
        path=scan,
        title="Mutuelle",
        document_date=date(2024, 1, 2),
        category="insurance",
    )
    scan.write_bytes(f"bilan sanguin {MARK}".encode())
    import_clinical_document(
        session,
        patient_id=pid,
        path=scan,
        title="Bilan",
        document_date=date(2024, 1, 3),
        category="lab_result",
    )
    scan.unlink()
    return pid


def _request(pid: int, **changes: object) -> ExportRequest:
    values: dict[str, object] = {"recipient_kind": RecipientKind.PATIENT, "recipient": "patient"}
    values.update(changes)
    return ExportRequest(pid, **values)  # type: ignore[arg-type]


def test_export_opens_with_its_password_and_holds_pdf_fhir_and_documents(
    practitioner: Session, tmp_path: Path
) -> None:
    pid = _full_file(practitioner, tmp_path)
    out = tmp_path / "out" / "export.zip"
    out.parent.mkdir()

    result = export_patient(practitioner, _request(pid), out, shown_consent=ConsentCheck.NOT_NEEDED)

    assert result.path_name == "export.zip" and result.document_count == 2
    assert len(result.password.replace("-", "")) == 25
    assert os.listdir(out.parent) == ["export.zip"]  # no temp file left behind
    raw = out.read_bytes()
    for plain in (
        MARK.encode(),
        "Zéphyrinâ".encode("latin-1"),
        b"LEFEBVRE",
        b"dossier.pdf",
        b"scan",
    ):
        assert plain not in raw
    with pytest.raises(RuntimeError):
        read_export(io.BytesIO(raw), "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    files = read_export(io.BytesIO(raw), result.password)
    assert set(files) == {
        PDF_NAME,
        FHIR_NAME,
        f"documents/administratifs/{_id(files, 'administratifs')}-scan.txt",
        f"documents/medicaux/{_id(files, 'medicaux')}-scan.txt",
    }
    assert files[PDF_NAME].startswith(b"%PDF")
    bundle = json.loads(files[FHIR_NAME])
    validate_bundle(bundle)
    kinds = sorted(e["resource"]["resourceType"] for e in bundle["entry"])
    assert kinds == sorted(
        [
            "Patient",
            "Condition",
            "FamilyMemberHistory",
            "AllergyIntolerance",
            "MedicationStatement",
            "Encounter",
            "DocumentReference",
            "DocumentReference",
        ]
        + ["Observation"] * 5
    )
    patient = bundle["entry"][0]["resource"]
    assert patient["name"][0] == {"use": "official", "family": "LEFEBVRE", "given": [MARK]}
    assert patient["gender"] == "female" and patient["birthDate"] == "1975-04-12"
    refs = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference"]
    for entry in refs:
        attachment = entry["resource"]["content"][0]["attachment"]
        content = files[attachment["url"]]
        assert attachment["size"] == len(content)
        assert attachment["hash"] == base64.b64encode(hashlib.sha1(content).digest()).decode()
    encounter = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter"
    )
    assert "&lt;depuis&gt; 8 jours &amp; fièvre" in encounter["text"]["div"]
    pressure = next(
        e["resource"]
        for e in bundle["entry"]
        if e["resource"].get("code", {}).get("coding", [{}])[0].get("code") == "85354-9"
    )
    assert [c["valueQuantity"]["value"] for c in pressure["component"]] == [125, 80]
    audit = practitioner.admin_db.execute(
        "SELECT action, area, patient_id, target FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert tuple(audit) == (
        "export",
        "clinical",
        str(pid),
        "patient_export:patient:patient:admin_documents,allergies,clinical_documents,"
        "consultations,history,treatments,vaccinations",
    )


def _id(files: dict[str, bytes], folder: str) -> str:
    (name,) = [n for n in files if n.startswith(f"documents/{folder}/")]
    return name.rsplit("/", 1)[1].split("-", 1)[0]


def test_nothing_in_plaintext_reaches_the_temp_folder(
    practitioner: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = _full_file(practitioner, tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    out = tmp_path / "export.zip"
    export_patient(practitioner, _request(pid), out, shown_consent=ConsentCheck.NOT_NEEDED)
    for path in [*temp.rglob("*"), *tmp_path.glob("*")]:
        if path.is_file() and path.suffix not in (".db", ".json", ".lock", ".wal", ".shm"):
            assert MARK.encode() not in path.read_bytes(), path


def test_third_party_shows_the_consent_and_records_the_decision(
    practitioner: Session, tmp_path: Path
) -> None:
    pid = _full_file(practitioner, tmp_path)
    third = _request(pid, recipient_kind=RecipientKind.THIRD_PARTY, recipient="Dr Lefevre")
    assert check_export_consent(practitioner, third).check is ConsentCheck.NONE
    decline_export(practitioner, third, ConsentCheck.NONE)

    record_consent(
        practitioner,
        pid,
        ConsentForm(
            ConsentScope.SHARING,
            ConsentDecision.GRANTED,
            date(2024, 3, 1),
            CollectionMethod.WRITTEN,
            recipient="Dr Lefèvre, cardiologue",
        ),
    )
    report = check_export_consent(practitioner, third)
    assert report.check is ConsentCheck.GRANTED
    assert [r.form.recipient for r in report.sharing] == ["Dr Lefèvre, cardiologue"]
    with pytest.raises(ConsentChangedError):
        export_patient(practitioner, third, tmp_path / "x.zip", shown_consent=ConsentCheck.NONE)
    assert not (tmp_path / "x.zip").exists()

    export_patient(practitioner, third, tmp_path / "x.zip", shown_consent=ConsentCheck.GRANTED)
    rows = practitioner.admin_db.execute(
        "SELECT action, target FROM audit_log WHERE action IN ('consent_check', 'export') "
        "ORDER BY seq"
    ).fetchall()
    assert [tuple(r)[:2] for r in rows][:3] == [
        ("consent_check", "none:declined:Dr Lefevre"),
        ("consent_check", "granted:proceeded:Dr Lefevre"),
        ("export", rows[2][1]),
    ]

    record_consent(
        practitioner,
        pid,
        ConsentForm(
            ConsentScope.SHARING,
            ConsentDecision.WITHDRAWN,
            date(2024, 4, 1),
            CollectionMethod.ORAL,
            recipient="Dr Lefèvre, cardiologue",
        ),
    )
    assert check_export_consent(practitioner, third).check is ConsentCheck.REFUSED


def test_receptionist_exports_administrative_parts_only(
    vault: VaultInfo, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as practitioner:
        pid = _full_file(practitioner, tmp_path)
    receptionist = vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    request.addfinalizer(receptionist.close)
    with pytest.raises(PermissionDeniedError):
        export_patient(
            receptionist, _request(pid), tmp_path / "all.zip", shown_consent=ConsentCheck.NOT_NEEDED
        )
    assert not (tmp_path / "all.zip").exists()
    denied = receptionist.admin_db.execute(
        "SELECT outcome, target FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert tuple(denied) == ("denied", "clinical_export")

    result = export_patient(
        receptionist,
        _request(pid, sections=ADMIN_SECTIONS),
        tmp_path / "admin.zip",
        shown_consent=ConsentCheck.NOT_NEEDED,
    )
    files = read_export(io.BytesIO((tmp_path / "admin.zip").read_bytes()), result.password)
    (document,) = [n for n in files if n.startswith("documents/")]
    assert document.startswith("documents/administratifs/")
    kinds = {e["resource"]["resourceType"] for e in json.loads(files[FHIR_NAME])["entry"]}
    assert kinds == {"Patient", "DocumentReference"}


def test_existing_target_and_bad_recipient_are_refused(
    practitioner: Session, tmp_path: Path
) -> None:
    pid = new_patient(practitioner, "CIBLE", date(1980, 1, 1))
    taken = tmp_path / "taken.zip"
    taken.write_bytes(b"keep")
    with pytest.raises(ExportTargetExistsError):
        export_patient(practitioner, _request(pid), taken, shown_consent=ConsentCheck.NOT_NEEDED)
    assert taken.read_bytes() == b"keep"
    for bad in ("", "x" * 41, "a@b.fr", "nom\x07"):
        with pytest.raises(FieldError) as caught:
            export_patient(
                practitioner,
                _request(pid, recipient=bad),
                tmp_path / "n.zip",
                shown_consent=ConsentCheck.NOT_NEEDED,
            )
        assert caught.value.field == "recipient"
    assert sorted(os.listdir(tmp_path)) == ["Cabinet.medvault", "taken.zip"]


def _audit_actions(session: Session) -> list[str]:
    rows = session.admin_db.execute("SELECT action FROM audit_log ORDER BY seq").fetchall()
    return [str(r[0]) for r in rows]


def test_progress_follows_the_document_bytes(practitioner: Session, tmp_path: Path) -> None:
    pid = _full_file(practitioner, tmp_path)
    reports: list[tuple[int, int, int, int]] = []

    def progress(number: int, count: int, done: int, total: int) -> None:
        reports.append((number, count, done, total))  # None: go on

    result = export_patient(
        practitioner,
        _request(pid),
        tmp_path / "suivi.zip",
        shown_consent=ConsentCheck.NOT_NEEDED,
        progress=progress,
    )
    sizes = [len(f"attestation {MARK}".encode()), len(f"bilan sanguin {MARK}".encode())]
    total = sum(sizes)
    assert result.document_count == 2
    assert {r[1] for r in reports} == {2} and {r[3] for r in reports} == {total}
    assert [r[0] for r in reports] == sorted(r[0] for r in reports)  # documents in order
    assert reports[0] == (1, 2, 0, total)
    assert (2, 2, sizes[0], total) in reports  # the second starts where the first ended
    assert reports[-1] == (2, 2, total, total)
    done = [r[2] for r in reports]
    assert done == sorted(done)


@pytest.mark.parametrize("stop_at", [1, 2, 3])
def test_a_cancelled_export_leaves_no_file_and_no_export_record(
    practitioner: Session, tmp_path: Path, stop_at: int
) -> None:
    """Cancelled before the first byte, within the documents, or after them."""
    pid = _full_file(practitioner, tmp_path)
    record_consent(
        practitioner,
        pid,
        ConsentForm(
            ConsentScope.SHARING,
            ConsentDecision.GRANTED,
            date(2024, 3, 1),
            CollectionMethod.WRITTEN,
            recipient="Dr Lefevre",
        ),
    )
    third = _request(pid, recipient_kind=RecipientKind.THIRD_PARTY, recipient="Dr Lefevre")
    out = tmp_path / "out"
    out.mkdir()
    before = _audit_actions(practitioner)
    calls: list[int] = []

    def progress(_number: int, _count: int, done: int, total: int) -> bool:
        calls.append(done)
        if stop_at == 3:  # the last check, once everything is written
            return calls.count(total) < 2
        return len(calls) < stop_at

    with pytest.raises(ExportCancelledError) as caught:
        export_patient(
            practitioner,
            third,
            out / "envoi.zip",
            shown_consent=ConsentCheck.GRANTED,
            progress=progress,
        )
    assert caught.value.message("fr").startswith("Export interrompu")
    assert len(calls) == {1: 1, 2: 2, 3: 5}[stop_at]  # one chunk per document here
    assert os.listdir(out) == []  # neither the file nor its temp file
    assert _audit_actions(practitioner) == before  # no export, no "proceeded" either
    assert not practitioner.admin_db.in_transaction

    result = export_patient(
        practitioner, third, out / "envoi.zip", shown_consent=ConsentCheck.GRANTED
    )
    assert os.listdir(out) == ["envoi.zip"] and result.document_count == 2


def test_a_file_without_documents_can_still_be_cancelled_before_it_is_named(
    practitioner: Session, tmp_path: Path
) -> None:
    pid = new_patient(practitioner, "SANSDOC", date(1990, 6, 1))
    reports: list[tuple[int, int, int, int]] = []

    def refuse(number: int, count: int, done: int, total: int) -> bool:
        reports.append((number, count, done, total))
        return False

    with pytest.raises(ExportCancelledError):
        export_patient(
            practitioner,
            _request(pid),
            tmp_path / "vide.zip",
            shown_consent=ConsentCheck.NOT_NEEDED,
            progress=refuse,
        )
    assert reports == [(0, 0, 0, 0)]
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".zip", ".part")]
