"""admin.db step 1: users, settings, audit log and its chain head."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
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
)
