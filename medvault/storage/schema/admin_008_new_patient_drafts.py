"""admin.db step 8: drafts of new-patient forms, typed before the file exists (so no patient id
to keep them under), kept when the session locks and offered back to the same user."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    8,
    "new_patient_drafts",
    (
        # owner: the login that typed it ("*recovery*" for a recovery-code session).
        # content: the identity form's fields as JSON text. One row per form left open.
        """CREATE TABLE new_patient_drafts (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            content TEXT NOT NULL,
            saved_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX new_patient_drafts_by_owner ON new_patient_drafts (owner, saved_at)",
    ),
)
