"""admin.db step 4: administrative documents (insurance papers, identity copies), their content
kept inside the encrypted database in chunks."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    4,
    "administrative documents",
    (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patients (id),
            title TEXT NOT NULL,
            document_date TEXT NOT NULL,
            category TEXT NOT NULL,
            source TEXT NOT NULL,
            original_name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            sha256 TEXT NOT NULL,
            chunk_count INTEGER NOT NULL CHECK (chunk_count >= 0),
            created_at TEXT NOT NULL,
            created_by TEXT,
            deleted_at TEXT,
            deleted_by TEXT,
            deletion_reason TEXT
        ) STRICT""",
        "CREATE INDEX documents_by_patient ON documents (patient_id, document_date)",
        # A rowid table, not WITHOUT ROWID: rows of 256 KiB belong in overflow pages.
        """CREATE TABLE document_chunks (
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            data BLOB NOT NULL,
            PRIMARY KEY (document_id, seq)
        ) STRICT""",
    ),
)
