"""clinical.db step 3: clinical documents (lab results, letters, reports), their content in
chunks and a full-text index of their titles. Everything about a clinical document, its title
and file name included, stays in clinical.db; patient_id refers to admin.db (no foreign key can
cross files: services check it)."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    3,
    "clinical documents",
    (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL,
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
        """CREATE TABLE document_chunks (
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            data BLOB NOT NULL,
            PRIMARY KEY (document_id, seq)
        ) STRICT""",
        # rowid = documents.id; only live documents are indexed.
        """CREATE VIRTUAL TABLE document_titles USING fts5(
            title, tokenize = 'unicode61 remove_diacritics 2'
        )""",
    ),
)
