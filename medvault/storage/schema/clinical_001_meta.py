"""clinical.db step 1: metadata that binds the file to its vault, and the slot registry."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    1,
    "clinical metadata (binds the file to its vault)",
    (
        """CREATE TABLE clinical_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT""",
    ),
)
