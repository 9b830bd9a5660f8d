"""clinical.db step 4: drafts of unsaved clinical edits (a consultation note half written when
the session locked), offered back to the same user after unlock. They hold clinical text, so
they live here, under K_clinical, never in admin.db. patient_id refers to admin.db (no foreign
key can cross files: services check it)."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    4,
    "drafts",
    (
        """CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            patient_id INTEGER NOT NULL,
            editor_key TEXT NOT NULL,
            content TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            UNIQUE (owner, patient_id, editor_key)
        ) STRICT""",
        "CREATE INDEX drafts_by_patient ON drafts (patient_id)",
    ),
)
