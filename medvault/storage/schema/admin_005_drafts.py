"""admin.db step 5: drafts of unsaved administrative edits (the identity form), kept when the
session locks in the middle of an edit and offered back to the same user after unlock."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    5,
    "drafts",
    (
        # owner: the login that typed it ("*recovery*" for a recovery-code session).
        # content: the editor's fields as JSON text. Erasure and merges remove a patient's rows.
        """CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
            editor_key TEXT NOT NULL,
            content TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            UNIQUE (owner, patient_id, editor_key)
        ) STRICT""",
        "CREATE INDEX drafts_by_patient ON drafts (patient_id)",
    ),
)
