"""Making torn and damaged vault files: crash images (the files as a power cut leaves them,
write-ahead logs included) and damaged bytes."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from medvault.core.errors import KnownError, WrongCredentialsError
from medvault.core.patient import PatientForm
from medvault.services import patients
from medvault.services.checks import check_vault
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo

PAGE = 4096
WAL_HEADER = 32
VAULT_FILES = (
    "vault.json",
    "vault.json.copy",
    "admin.db",
    "admin.db-wal",
    "clinical.db",
    "clinical.db-wal",
)


def patient_form(name: str) -> PatientForm:
    return PatientForm(birth_name=name, first_names=("Alice",), sex="F", birth_date="1980-04-02")


@dataclass(frozen=True)
class CrashImage:
    """A vault's files copied while a session had written `patient_ids` (in that order) and
    not checkpointed: what a power cut leaves on disk."""

    vault: VaultInfo
    patient_ids: tuple[int, ...]


def crash_image(vault: VaultInfo, target: Path, *, patients_to_write: int = 12) -> CrashImage:
    target.mkdir()
    session = vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    try:
        ids = tuple(
            patients.create_patient(session, patient_form(_letters("TORN", i))).patient.id
            for i in range(patients_to_write)
        )
        for name in VAULT_FILES:
            source = vault.directory / name
            if source.exists():
                shutil.copy2(source, target / name)
    finally:
        session.close()
    return CrashImage(VaultInfo(target, vault.recovery_code, vault.config), ids)


def _letters(prefix: str, number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 26)
        digits += chr(65 + rest)
        if not number:
            return prefix + digits


def copy_vault(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("vault.lock"))
    return target


def flip_bytes(path: Path, rng: random.Random, *, start: int = 0, end: int | None = None) -> int:
    """Change 1 to 8 bytes at random within [start, end); returns the first offset changed."""
    data = bytearray(path.read_bytes())
    end = len(data) if end is None else min(end, len(data))
    first = rng.randrange(start, end)
    for offset in range(first, min(first + rng.randint(1, 8), end)):
        data[offset] ^= rng.randint(1, 255)
    path.write_bytes(bytes(data))
    return first


@dataclass(frozen=True)
class Outcome:
    """How a damaged vault behaved: it opened (and what its check said), or our own error."""

    opened: bool
    check_ok: bool | None
    error: KnownError | None
    patient_ids: frozenset[int]


def open_and_check(vault: VaultInfo) -> Outcome:
    """Unlock and run the vault check. Any error other than our own escapes (a test failure)."""
    try:
        session = vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    except WrongCredentialsError:
        raise
    except KnownError as exc:
        return Outcome(False, None, exc, frozenset())
    try:
        try:
            report = check_vault(session)
        except KnownError as exc:
            return Outcome(True, False, exc, frozenset())
        try:
            rows = session.admin_db.execute("SELECT id FROM patients").fetchall()
        except Exception:
            rows = []
        return Outcome(True, report.ok, None, frozenset(int(r[0]) for r in rows))
    finally:
        session.close()


def says_restore(error: KnownError) -> bool:
    return "Restaurez une sauvegarde" in error.fr and "Restore" in error.en
