"""Schema migrations through PRAGMA user_version: one numbered step each, each in its own
transaction together with the version bump, so a crash leaves the previous version intact."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medvault.core.errors import VaultTooNewError
from medvault.storage.database import Connection, mapped_errors, transaction


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


ADMIN_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "users, settings, audit log and its chain head",
        (
            """CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT""",
            """CREATE TABLE users (
                login TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('practitioner', 'receptionist')),
                active INTEGER NOT NULL CHECK (active IN (0, 1)),
                must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
                created_at TEXT NOT NULL,
                last_login_at TEXT,
                disabled_at TEXT
            ) STRICT""",
            """CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY,
                ts TEXT NOT NULL,
                user_login TEXT,
                role TEXT,
                action TEXT NOT NULL,
                area TEXT NOT NULL,
                patient_id TEXT,
                target TEXT,
                outcome TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
                mac BLOB NOT NULL
            ) STRICT""",
            # Append-only: the application never updates or deletes audit records.
            """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
               BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
            """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
               BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
            # The chain head, kept outside audit_log so that a cut-off tail is detected.
            """CREATE TABLE audit_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                seq INTEGER NOT NULL,
                mac BLOB NOT NULL
            ) STRICT""",
        ),
    ),
)

CLINICAL_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "clinical metadata (binds the file to its vault)",
        (
            """CREATE TABLE clinical_meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT""",
        ),
    ),
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
