"""admin.db step 6: the audit archive and the indexes the audit viewer filters on.

Records older than the retention period move, unchanged, from audit_log to audit_archive (same
seq, same MAC): the chain still runs from genesis through the archive into the live log. Both
tables are append-only; the only way out of audit_log is a copy already in the archive."""

from medvault.storage.migration_step import Migration

_COLUMNS = """
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
"""


def _viewer_indexes(table: str) -> tuple[str, ...]:
    # Newest first within each criterion: keyset pages walk (criterion, seq) backwards.
    return (
        f"CREATE INDEX {table}_by_patient ON {table} (patient_id, seq) "
        "WHERE patient_id IS NOT NULL",
        f"CREATE INDEX {table}_by_user ON {table} (user_login, seq)",
        f"CREATE INDEX {table}_by_action ON {table} (action, seq)",
        # Resolves a date range to a seq range once per filter.
        f"CREATE INDEX {table}_by_ts ON {table} (ts)",
    )


MIGRATION = Migration(
    6,
    "audit archive and audit viewer indexes",
    (
        f"CREATE TABLE audit_archive ({_COLUMNS}) STRICT",
        """CREATE TRIGGER audit_archive_no_update BEFORE UPDATE ON audit_archive
           BEGIN SELECT RAISE(ABORT, 'audit archive is append-only'); END""",
        """CREATE TRIGGER audit_archive_no_delete BEFORE DELETE ON audit_archive
           BEGIN SELECT RAISE(ABORT, 'audit archive is append-only'); END""",
        # A record leaves the live log only once the very same record is in the archive.
        "DROP TRIGGER audit_log_no_delete",
        """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
           WHEN NOT EXISTS (
               SELECT 1 FROM audit_archive AS a WHERE a.seq = old.seq AND a.mac = old.mac
           )
           BEGIN
             SELECT RAISE(ABORT, 'audit log is append-only (leaves only into the archive)');
           END""",
        *_viewer_indexes("audit_log"),
        *_viewer_indexes("audit_archive"),
    ),
)
