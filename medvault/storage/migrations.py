"""Schema migrations through PRAGMA user_version: one numbered step each, each in its own
transaction together with the version bump, so a crash leaves the previous version intact."""

from __future__ import annotations

from collections.abc import Sequence

from medvault.core.errors import VaultTooNewError
from medvault.storage.database import Connection, mapped_errors, transaction
from medvault.storage.migration_step import Migration
from medvault.storage.schema import (
    admin_001_core,
    admin_002_patients,
    admin_003_appointments,
    admin_004_documents,
    admin_005_drafts,
    admin_006_audit_archive,
    admin_007_consents,
    admin_008_new_patient_drafts,
    clinical_001_meta,
    clinical_002_record,
    clinical_003_documents,
    clinical_004_drafts,
    clinical_005_retention,
)

ADMIN_MIGRATIONS: tuple[Migration, ...] = (
    admin_001_core.MIGRATION,
    admin_002_patients.MIGRATION,
    admin_003_appointments.MIGRATION,
    admin_004_documents.MIGRATION,
    admin_005_drafts.MIGRATION,
    admin_006_audit_archive.MIGRATION,
    admin_007_consents.MIGRATION,
    admin_008_new_patient_drafts.MIGRATION,
)

CLINICAL_MIGRATIONS: tuple[Migration, ...] = (
    clinical_001_meta.MIGRATION,
    clinical_002_record.MIGRATION,
    clinical_003_documents.MIGRATION,
    clinical_004_drafts.MIGRATION,
    clinical_005_retention.MIGRATION,
)


def schema_version(conn: Connection) -> int:
    with mapped_errors():
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, steps: Sequence[Migration], file_label: str = "") -> int:
    """Bring the database up to the last step; refuse a database newer than this code."""
    for index, step in enumerate(steps, start=1):
        if step.version != index:
            raise ValueError("migrations must be numbered 1, 2, 3 ...")
    current = schema_version(conn)
    if current > len(steps):
        raise VaultTooNewError()
    for step in steps[current:]:
        with transaction(conn, file_label), mapped_errors(file_label):
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
    return schema_version(conn)
