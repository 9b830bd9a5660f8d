"""Demo vaults filled with synthetic French patients, to try medvault or show it at scale.

`create_demo_vault` makes a new vault (never over an existing vault or a non-empty folder) with
a practitioner and a receptionist whose passwords are public constants, then fills it through
the services, each write checked and audited as usual: patients, appointments over the weeks
around today, clinical files, consultations, and a few PDF and PNG documents.

Patients are stored by `import_demo_patients`, the one bulk write: every record is validated
like a record typed at the desk, then all are inserted in one transaction with one audit record
(one transaction per record would make 100,000 patients take minutes). Clinical files go to a
bounded share of them, through the per-record clinical services."""

from __future__ import annotations

import contextlib
import math
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.errors import InvalidInputError
from medvault.core.patient import PatientForm, validate_patient
from medvault.core.permissions import Area, Permission
from medvault.services import users
from medvault.services.authz import requires
from medvault.services.config import ServiceConfig
from medvault.services.demo_accounts import (
    DEMO_PRACTICE_NAME,
    DEMO_PRACTITIONER,
    DEMO_RECEPTIONIST,
    DemoAccount,
)
from medvault.services.session import Session
from medvault.services.unlock import unlock
from medvault.services.vault_create import create_vault
from medvault.storage import patients_repo

DEFAULT_PATIENTS = 200
DEFAULT_SEED = 2026
MAX_PATIENTS = 1_000_000
ACTIVE_SHARE = 0.6  # patients seen at the practice lately: agenda and clinical files
MAX_ACTIVE_PATIENTS = 300  # one audited transaction per clinical record: keep it to seconds
DOCUMENT_PATIENTS = 5  # patients given a lab report, and patients given a carte Vitale scan
BULK_TARGET = "demo:bulk:{count}"


@dataclass(frozen=True)
class DemoContents:
    patients: int
    appointments: int
    clinical_entries: int
    consultations: int
    admin_documents: int
    clinical_documents: int


@dataclass(frozen=True)
class DemoVault:
    directory: Path
    recovery_code: str  # shown once, never stored
    practitioner: DemoAccount
    receptionist: DemoAccount
    contents: DemoContents


def check_patient_count(count: object) -> int:
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_PATIENTS:
        limit_fr = f"{MAX_PATIENTS:,}".replace(",", " ")
        raise InvalidInputError(
            fr=f"Le nombre de patients doit être compris entre 1 et {limit_fr}.",
            en=f"The number of patients must be between 1 and {MAX_PATIENTS:,}.",
        )
    return count


def active_patient_count(count: int) -> int:
    """How many patients get appointments and a clinical file."""
    return max(1, min(MAX_ACTIVE_PATIENTS, math.ceil(count * ACTIVE_SHARE)))


@requires(Permission.PATIENT_WRITE)
def import_demo_patients(session: Session, forms: Sequence[PatientForm]) -> list[int]:
    """Store many records at once (demo vaults). Each form is validated as create_patient does,
    all of them before anything is written; then one transaction inserts them all with a single
    audit record, `demo:bulk:<count>`. No duplicate check: a demo keeps its look-alikes."""
    today = session.config.clock.now().astimezone().date()
    rows = [validate_patient(form, today=today) for form in forms]
    if not rows:
        return []
    when, by = session.now(), session.login or "recovery"
    with session.admin_transaction() as conn:
        ids = patients_repo.insert_patients(conn, rows, when=when, by=by)
        session.audit(
            AuditEvent(
                AuditAction.CREATE, Area.ADMINISTRATIVE, target=BULK_TARGET.format(count=len(ids))
            )
        )
    return ids


def _remove_created(directory: Path, *, existed: bool) -> None:
    """Undo a failed demo: the folder was empty or absent before, so all of it is ours."""
    if not existed:
        shutil.rmtree(directory, ignore_errors=True)
        return
    for child in directory.iterdir():
        with contextlib.suppress(OSError):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()


def _add_receptionist(
    directory: Path, config: ServiceConfig, practitioner: DemoAccount, receptionist: DemoAccount
) -> Session:
    """Add the receptionist, then set the documented password as they would at first login,
    so the account is ready to use. Returns the receptionist's open session."""
    with unlock(directory, practitioner.login, practitioner.password, config=config) as session:
        initial = users.add_user(
            session,
            login=receptionist.login,
            display_name=receptionist.display_name,
            role=receptionist.role,
        )
    desk = unlock(directory, receptionist.login, initial, config=config)
    try:
        users.change_own_password(desk, current=initial, new=receptionist.password)
    except BaseException:
        desk.close()
        raise
    return desk


def _populate(
    directory: Path,
    config: ServiceConfig,
    *,
    count: int,
    seed: int,
    practitioner: DemoAccount,
    receptionist: DemoAccount,
) -> DemoContents:
    # Generators load Faker, fpdf2 and Pillow: only when a demo is actually made.
    from medvault.services import demo_data_fill
    from medvault.services.demo_data_people import PatientGenerator

    today = config.clock.now().astimezone().date()
    forms = PatientGenerator(seed, today).patients(count)
    with _add_receptionist(directory, config, practitioner, receptionist) as desk:
        ids = import_demo_patients(desk, forms)
        active = active_patient_count(count)
        agenda = demo_data_fill.book_agenda(desk, forms, ids[:active], seed=seed, size=count)
        admin_documents = demo_data_fill.scan_vitale_cards(
            desk, forms, ids, limit=DOCUMENT_PATIENTS
        )
    with unlock(directory, practitioner.login, practitioner.password, config=config) as doctor:
        clinical = demo_data_fill.write_clinical_files(doctor, forms, ids[:active], agenda, seed)
        clinical_documents = demo_data_fill.file_lab_reports(
            doctor, forms, ids[:active], limit=DOCUMENT_PATIENTS, seed=seed
        )
    return DemoContents(
        patients=len(ids),
        appointments=len(agenda),
        clinical_entries=clinical.entries,
        consultations=clinical.consultations,
        admin_documents=admin_documents,
        clinical_documents=clinical_documents,
    )


def create_demo_vault(
    directory: Path,
    *,
    config: ServiceConfig,
    patients: int = DEFAULT_PATIENTS,
    seed: int = DEFAULT_SEED,
    practitioner: DemoAccount = DEMO_PRACTITIONER,
    receptionist: DemoAccount = DEMO_RECEPTIONIST,
    practice_name: str = DEMO_PRACTICE_NAME,
) -> DemoVault:
    """A new vault filled with `patients` synthetic patients drawn from `seed` (the same seed
    gives the same people). Refuses an existing vault or a non-empty folder (VaultExistsError);
    if filling fails, what was created is removed."""
    count = check_patient_count(patients)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InvalidInputError(
            fr="La graine doit être un nombre entier.", en="The seed must be a whole number."
        )
    existed = directory.exists()
    created = create_vault(
        directory,
        practice_name=practice_name,
        login=practitioner.login,
        display_name=practitioner.display_name,
        password=practitioner.password,
        config=config,
    )
    try:
        contents = _populate(
            directory,
            config,
            count=count,
            seed=seed,
            practitioner=practitioner,
            receptionist=receptionist,
        )
    except BaseException:
        _remove_created(directory, existed=existed)
        raise
    return DemoVault(directory, created.recovery_code, practitioner, receptionist, contents)
