"""Reception against clinical data, directly: no clinical table is reachable through the
receptionist's connection, clinical.db does not open or attach with any key she holds, and no
clinical text is found in what her connection can read. (Every refused service call, denied and
audited: tests/services/test_users_and_roles.py.)"""

from __future__ import annotations

from datetime import date

import pytest
from sqlcipher3 import dbapi2

from medvault.core.clinical_consultation import ConsultationData, SoapNotes
from medvault.core.errors import DatabaseKeyMismatchError, PermissionDeniedError
from medvault.services import clinical_consultations
from medvault.services.session import Session
from medvault.storage.database import open_database
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.reliability.damage import patient_form

pytestmark = pytest.mark.reliability

MARKER = "Hemoptysie-marqueur-Quetzal-5521"


def _tables(conn: object) -> set[str]:
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
    ).fetchall()
    return {str(r[0]) for r in rows}


def _clinical_note(practitioner: Session) -> None:
    from medvault.services import patients

    patient_id = patients.create_patient(practitioner, patient_form("ROLES")).patient.id
    clinical_consultations.create_consultation(
        practitioner,
        patient_id,
        ConsultationData(date.today(), "Toux", SoapNotes(subjective=MARKER)),
    )


def test_no_clinical_table_is_reachable_through_the_receptionist_connection(
    vault: VaultInfo,
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as practitioner:
        _clinical_note(practitioner)
        clinical_tables = _tables(practitioner.clinical_db)
    receptionist = vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    try:
        _check_reception_reaches_nothing(receptionist, clinical_tables)
    finally:
        receptionist.close()


def _check_reception_reaches_nothing(receptionist: Session, clinical_tables: set[str]) -> None:
    clinical_only = clinical_tables - _tables(receptionist.admin_db)
    assert {"consultations", "allergies", "treatments"} <= clinical_only
    for table in sorted(clinical_only):
        if table.startswith("sqlite_"):
            continue
        with pytest.raises(dbapi2.OperationalError):
            receptionist.admin_db.execute(f'SELECT * FROM "{table}"').fetchall()
    with pytest.raises(PermissionDeniedError):
        _ = receptionist.clinical_db
    # Nothing of the clinical note in any table her connection reads.
    for table in sorted(_tables(receptionist.admin_db)):
        for row in receptionist.admin_db.execute(f'SELECT * FROM "{table}"').fetchall():
            assert not any(isinstance(v, str) and MARKER in v for v in row), table


def test_clinical_db_neither_attaches_nor_opens_with_any_key_she_holds(
    vault: VaultInfo, receptionist: Session
) -> None:
    bundle = receptionist.bundle
    held = [k for k in (bundle.admin_key, bundle.audit_key, bundle.clinical_key) if k is not None]
    assert bundle.clinical_key is None and bundle.backup_identity is None
    clinical_path = vault.directory / "clinical.db"
    for key in held:
        with pytest.raises(DatabaseKeyMismatchError):
            open_database(clinical_path, key)
        with pytest.raises(dbapi2.DatabaseError):
            receptionist.admin_db.execute(
                f"ATTACH DATABASE '{clinical_path}' AS c KEY \"{key.hex_literal()}\""
            )
            receptionist.admin_db.execute("SELECT count(*) FROM c.sqlite_master").fetchone()
        # Without KEY, ATTACH reuses the main (admin) key: no better.
        with pytest.raises(dbapi2.DatabaseError):
            receptionist.admin_db.execute(f"ATTACH DATABASE '{clinical_path}' AS c2")
            receptionist.admin_db.execute("SELECT count(*) FROM c2.sqlite_master").fetchone()
