"""clinical.db step 5: extensions of a file's retention term, decided by a practitioner with a
reason. The reason may touch on care ("suivi en cours"), so it lives here under K_clinical.
Rows are only added; the latest one of a patient holds. patient_id refers to admin.db (no
foreign key can cross files: services check it). An index on consultation dates per patient
already exists (consultations_by_patient): the review reads each patient's last one from it."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    5,
    "retention extensions",
    (
        """CREATE TABLE retention_extensions (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL,
            until TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason <> ''),
            decided_at TEXT NOT NULL,
            decided_by TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX retention_extensions_by_patient ON retention_extensions (patient_id, id)",
    ),
)
