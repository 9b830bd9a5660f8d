"""Demo vaults (medvault.services.demo_data): a small vault built once for the module, read by
both demo accounts; refusals and failures on vaults of their own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import phonenumbers
import pytest
from stdnum.fr import nir as stdnum_nir

from medvault.core.appointment import week_monday
from medvault.core.audit import AuditAction
from medvault.core.errors import (
    FieldError,
    InvalidInputError,
    PermissionDeniedError,
    VaultExistsError,
    WeakPasswordError,
)
from medvault.core.kdf import KdfProfile
from medvault.core.password_policy import evaluate_password
from medvault.core.patient import Patient, PatientForm, Sex
from medvault.core.permissions import DEFAULT_POLICY, Effect, Permission, Role, Rule
from medvault.core.text_search import fold
from medvault.services import (
    appointments,
    clinical,
    documents,
    patients,
    patients_search,
    users,
)
from medvault.services.config import ServiceConfig
from medvault.services.demo_accounts import (
    DEMO_PRACTICE_NAME,
    DEMO_PRACTITIONER,
    DEMO_RECEPTIONIST,
    DemoAccount,
)
from medvault.services.demo_data import (
    DemoVault,
    active_patient_count,
    create_demo_vault,
    import_demo_patients,
)
from medvault.services.demo_data_agenda import AGENDA_WEEKS
from medvault.services.demo_data_people import PatientGenerator
from medvault.services.session import Session
from medvault.services.unlock import unlock, unlock_with_recovery_code
from medvault.storage import audit_repo
from tests.conftest import CHEAP_KDF, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, VaultInfo

COUNT = 30
SEED = 7


@dataclass(frozen=True)
class Built:
    demo: DemoVault
    config: ServiceConfig

    def open(self, account: DemoAccount) -> Session:
        return unlock(self.demo.directory, account.login, account.password, config=self.config)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))
    directory = tmp_path_factory.mktemp("demo") / "Demo.medvault"
    demo = create_demo_vault(directory, config=config, patients=COUNT, seed=SEED)
    return Built(demo, config)


@pytest.fixture
def doctor(built: Built) -> Iterator[Session]:
    with built.open(DEMO_PRACTITIONER) as session:
        yield session


@pytest.fixture
def desk(built: Built) -> Iterator[Session]:
    with built.open(DEMO_RECEPTIONIST) as session:
        yield session


def all_patients(session: Session) -> list[Patient]:
    page = patients_search.list_patients(session, limit=500)
    assert not page.has_more
    return [patients.get_patient(session, s.id) for s in page.patients]


def test_demo_passwords_pass_the_policy() -> None:
    for account in (DEMO_PRACTITIONER, DEMO_RECEPTIONIST):
        context = (account.login, account.display_name, DEMO_PRACTICE_NAME)
        verdict = evaluate_password(account.password, context)
        assert verdict.accepted, verdict.explain("en")


def test_both_accounts_log_in_without_a_forced_password_change(
    built: Built, doctor: Session
) -> None:
    assert not doctor.must_change_password
    accounts = {u.login: u for u in users.list_users(doctor)}
    assert accounts[DEMO_PRACTITIONER.login].role is Role.PRACTITIONER
    assert accounts[DEMO_RECEPTIONIST.login].role is Role.RECEPTIONIST
    assert not any(u.must_change_password for u in accounts.values())
    doctor.close()
    with built.open(DEMO_RECEPTIONIST) as desk:
        assert not desk.must_change_password
        assert patients_search.count_patients(desk) == COUNT


def test_the_recovery_code_opens_the_vault(built: Built) -> None:
    with unlock_with_recovery_code(
        built.demo.directory, built.demo.recovery_code, config=built.config
    ) as session:
        assert patients_search.count_patients(session) == COUNT


def test_receptionist_sees_identity_and_agenda_but_no_clinical_data(desk: Session) -> None:
    assert not desk.has_clinical_access
    first = patients_search.list_patients(desk, limit=1).patients[0]
    assert patients.get_patient(desk, first.id).data.birth_name == first.birth_name
    today = desk.config.clock.now().astimezone().date()
    week = appointments.week_view(desk, today - timedelta(days=7), include_cancelled=True)
    assert any(entries for _, entries in week.days)
    with pytest.raises(PermissionDeniedError):
        clinical.open_clinical_file(desk, first.id)
    with pytest.raises(PermissionDeniedError):
        documents.list_clinical_documents(desk, first.id)


def test_counts_match_what_was_reported(built: Built, doctor: Session) -> None:
    contents = built.demo.contents
    assert contents.patients == patients_search.count_patients(doctor) == COUNT
    today = doctor.config.clock.now().astimezone().date()
    monday = week_monday(today - timedelta(days=7 * AGENDA_WEEKS))
    booked = sum(
        len(entries)
        for week in range(2 * AGENDA_WEEKS + 1)
        for _, entries in appointments.week_view(
            doctor, monday + timedelta(days=7 * week), include_cancelled=True
        ).days
    )
    assert booked == contents.appointments > 0
    entries = consultations = admin_docs = clinical_docs = 0
    for patient in patients_search.list_patients(doctor, limit=500).patients:
        opened = clinical.open_clinical_file(doctor, patient.id)
        entries += sum(
            map(len, (opened.history, opened.allergies, opened.treatments, opened.vaccinations))
        )
        assert not opened.consultations.has_more
        consultations += len(opened.consultations.items)
        admin_docs += len(documents.list_admin_documents(doctor, patient.id))
        clinical_docs += len(documents.list_clinical_documents(doctor, patient.id))
    assert entries == contents.clinical_entries > 0
    assert consultations == contents.consultations > 0
    assert admin_docs == contents.admin_documents == 5
    assert clinical_docs == contents.clinical_documents == 5
    assert 0 < active_patient_count(COUNT) < COUNT


def test_documents_are_a_real_pdf_and_png(doctor: Session) -> None:
    kinds = set()
    for patient in patients_search.list_patients(doctor, limit=500).patients:
        for info in documents.list_clinical_documents(doctor, patient.id):
            assert documents.read_clinical_document(doctor, info.id).startswith(b"%PDF-")
            kinds.add("pdf")
        for info in documents.list_admin_documents(doctor, patient.id):
            assert documents.read_admin_document(doctor, info.id).startswith(b"\x89PNG\r\n\x1a\n")
            kinds.add("png")
    assert kinds == {"pdf", "png"}


def test_identities_are_valid_and_consistent(doctor: Session) -> None:
    stored = all_patients(doctor)
    with_nir = [p.data for p in stored if p.data.nir]
    assert len(with_nir) >= COUNT // 2
    for data in with_nir:
        assert data.nir is not None
        assert stdnum_nir.is_valid(data.nir)
        assert data.nir[0] == ("1" if data.sex is Sex.MALE else "2")
        assert data.nir[1:5] == data.birth_date.strftime("%y%m")
        place = data.birth_place_insee
        assert place is not None
        corsica_before_1976 = place[:2] in ("2A", "2B") and data.birth_date.year < 1976
        assert data.nir[5:10] == ("20" + place[2:] if corsica_before_1976 else place)
    for data in (p.data for p in stored):
        for phone in (data.phone_mobile, data.phone_other):
            if phone is not None:
                assert phonenumbers.is_valid_number(phonenumbers.parse(phone))
    assert any(p.data.phone_mobile for p in stored)
    assert any(p.data.used_name for p in stored)


def test_the_vault_holds_the_people_of_its_seed(built: Built, doctor: Session) -> None:
    today = doctor.config.clock.now().astimezone().date()
    expected = sorted(
        (fold(f.birth_name), f.first_names) for f in PatientGenerator(SEED, today).patients(COUNT)
    )
    stored = sorted((fold(p.data.birth_name), p.data.first_names) for p in all_patients(doctor))
    assert stored == expected


def test_search_finds_a_patient_by_an_accent_folded_prefix(doctor: Session) -> None:
    stored = all_patients(doctor)
    accented = [
        (p.id, name)
        for p in stored
        for name in (p.data.birth_name, *p.data.first_names)
        if fold(name) != name.lower()
    ]
    assert accented, "the demo has accented names"
    patient_id, name = accented[0]
    prefix = fold(name)[:4]
    assert prefix.isascii()
    found = patients_search.search_patients(doctor, prefix, limit=500)
    assert patient_id in {p.id for p in found.patients}


def test_one_audit_record_for_the_bulk_import(doctor: Session) -> None:
    records = list(audit_repo.iter_records(doctor.admin_db))
    bulk = [r for r in records if r.target == f"demo:bulk:{COUNT}"]
    assert len(bulk) == 1
    assert bulk[0].action == AuditAction.CREATE
    assert bulk[0].user_login == DEMO_RECEPTIONIST.login
    assert bulk[0].patient_id is None
    creates = [r for r in records if r.action == AuditAction.CREATE and r.area == "administrative"]
    # One per appointment and carte Vitale scan, one for all the patients: none per patient.
    assert not any(r.target is None for r in creates)


def test_a_non_empty_folder_is_refused_untouched(tmp_path: Path, config: ServiceConfig) -> None:
    folder = tmp_path / "Demo.medvault"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(b"keep me")
    with pytest.raises(VaultExistsError):
        create_demo_vault(folder, config=config, patients=5)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_an_existing_vault_is_refused_untouched(built: Built, config: ServiceConfig) -> None:
    directory = built.demo.directory
    before = {p.name: p.read_bytes() for p in directory.iterdir() if p.name != "vault.lock"}
    with pytest.raises(VaultExistsError):
        create_demo_vault(directory, config=config, patients=5)
    after = {p.name: p.read_bytes() for p in directory.iterdir() if p.name != "vault.lock"}
    assert after == before


@pytest.mark.parametrize("existed", [False, True])
def test_a_failure_while_filling_leaves_nothing(
    tmp_path: Path, config: ServiceConfig, existed: bool
) -> None:
    directory = tmp_path / "Demo.medvault"
    if existed:
        directory.mkdir()
    weak = DemoAccount("accueil.demo", "Accueil", "accueil", Role.RECEPTIONIST)
    with pytest.raises(WeakPasswordError):
        create_demo_vault(directory, config=config, patients=5, receptionist=weak)
    assert directory.exists() is existed
    if existed:
        assert list(directory.iterdir()) == []


@pytest.mark.parametrize("count", [0, -1, 1_000_001, True])
def test_patient_count_out_of_range_is_refused(
    tmp_path: Path, config: ServiceConfig, count: int
) -> None:
    directory = tmp_path / "Demo.medvault"
    with pytest.raises(InvalidInputError) as caught:
        create_demo_vault(directory, config=config, patients=count)
    assert "1 000 000" in caught.value.message("fr")
    assert "1,000,000" in caught.value.message("en")
    assert not directory.exists()


def test_same_seed_same_people_other_seed_other_people() -> None:
    today = date(2026, 3, 2)
    first = PatientGenerator(11, today).patients(60)
    assert PatientGenerator(11, today).patients(60) == first
    other = PatientGenerator(12, today).patients(60)
    assert [f.birth_name for f in other] != [f.birth_name for f in first]


# -- the bulk import on an ordinary vault -------------------------------------------------------
def _forms(count: int) -> list[PatientForm]:
    return PatientGenerator(21, date(2026, 3, 2)).patients(count)


def test_bulk_import_stores_every_form_with_one_audit_record(receptionist: Session) -> None:
    before = len(list(audit_repo.iter_records(receptionist.admin_db)))
    forms = _forms(12)
    ids = import_demo_patients(receptionist, forms)
    assert len(set(ids)) == 12
    for form, patient_id in zip(forms, ids, strict=True):
        stored = patients.get_patient(receptionist, patient_id)
        assert stored.data.birth_name == form.birth_name.strip()
        assert stored.created_by == RECEPTIONIST_LOGIN
    records = list(audit_repo.iter_records(receptionist.admin_db))[before:]
    assert [(r.action, r.target) for r in records if r.action == AuditAction.CREATE] == [
        (AuditAction.CREATE, "demo:bulk:12")
    ]
    assert patients_search.count_patients(receptionist) == 12


def test_bulk_import_writes_nothing_when_one_form_is_invalid(receptionist: Session) -> None:
    head = audit_repo.read_head(receptionist.admin_db)
    forms = _forms(5)
    forms[3] = replace(forms[3], phone_mobile="06 12")
    with pytest.raises(FieldError) as caught:
        import_demo_patients(receptionist, forms)
    assert caught.value.field == "phone_mobile"
    assert patients_search.count_patients(receptionist) == 0
    assert audit_repo.read_head(receptionist.admin_db) == head


def test_bulk_import_needs_patient_write(vault: VaultInfo) -> None:
    restricted = replace(
        vault.config,
        policy=DEFAULT_POLICY.with_rules(
            Rule(Effect.DENY, Role.RECEPTIONIST, permission=Permission.PATIENT_WRITE)
        ),
    )
    with unlock(
        vault.directory, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, config=restricted
    ) as session:
        with pytest.raises(PermissionDeniedError):
            import_demo_patients(session, _forms(3))
        last = audit_repo.recent(session.admin_db, 1)[0]
        assert (last.outcome, last.target) == ("denied", "patient_write")
        assert patients_search.count_patients(session) == 0
