"""A process that runs one vault operation under an injected I/O fault and reports, as one
JSON line, how it ended: the faults are real (the kernel refuses the writes), not mocks.

    python -m tests.reliability.fault_child <fault> <operation> <vault> <scratch> <backups>
        <password>

fault: `fsize` (RLIMIT_FSIZE at the largest vault file plus a little: every write past it
fails with EFBIG) or `none` (the vault is on a full filesystem, set up by the caller)."""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import traceback
from datetime import date
from pathlib import Path

from medvault.core.clinical_consultation import ConsultationData, SoapNotes
from medvault.core.documents import DocumentCategory
from medvault.core.errors import KnownError
from medvault.services import clinical_consultations, documents, patients
from medvault.services.backup import create_backup
from medvault.services.session import Session
from medvault.services.unlock import unlock
from tests.conftest import PRACTITIONER_LOGIN
from tests.reliability.damage import patient_form
from tests.reliability.vaults import cheap_config

MARGIN = 64 * 1024
BIG = 4 * 1024 * 1024


def _limit_file_size(vault: Path) -> None:
    largest = max(p.stat().st_size for p in vault.iterdir() if p.is_file())
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failing write, not a dead process
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest + MARGIN, resource.RLIM_INFINITY))


def _save(session: Session, _scratch: Path) -> None:
    pid = patients.create_patient(session, patient_form("FAULTE")).patient.id
    note = "x" * 19_000
    for _ in range(400):  # until the log cannot grow
        clinical_consultations.create_consultation(
            session,
            pid,
            ConsultationData(date.today(), "Suivi", SoapNotes(subjective=note)),
        )


def _import(session: Session, scratch: Path) -> None:
    pid = patients.create_patient(session, patient_form("FAULTI")).patient.id
    source = scratch / "big.pdf"  # written before the limit is set
    documents.import_clinical_document(
        session,
        patient_id=pid,
        path=source,
        title="Scanner",
        document_date=date.today().isoformat(),
        category=DocumentCategory.IMAGING,
    )


def _backup(session: Session, backups: Path) -> None:
    create_backup(session, backups / "vault.medvault-backup")


OPERATIONS = {"save": _save, "import": _import, "backup": _backup}


def prepare(scratch: Path) -> None:
    """Files the operations read, made before any limit applies."""
    with (scratch / "big.pdf").open("wb") as out:
        out.write(b"%PDF-1.7\n" + os.urandom(BIG))


def main() -> None:
    fault, operation, vault, scratch, backups, password = sys.argv[1:7]
    vault_dir, scratch_dir = Path(vault), Path(scratch)
    work_dir = Path(backups) if operation == "backup" else scratch_dir
    session = unlock(vault_dir, PRACTITIONER_LOGIN, password, config=cheap_config())
    if fault == "fsize":
        _limit_file_size(vault_dir)
    try:
        OPERATIONS[operation](session, work_dir)
        result = {"error": None}
    except KnownError as exc:
        result = {"error": type(exc).__name__, "known": True, "en": exc.en}
    except Exception as exc:
        result = {"error": type(exc).__name__, "known": False, "trace": traceback.format_exc()}
    try:
        session.close()
    except Exception as exc:
        result["close_error"] = f"{type(exc).__name__}: {exc}"
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
