"""admin.db step 7: patients' consents and refusals (sharing, telehealth, research ...).

In admin.db, under K_admin, because the desk collects and records consent forms; the rows hold
codes, a date, a recipient's label and a short note, no clinical content (docs/SECURITY.md,
"Patient rights"). Rows are only ever added: a withdrawal is a new row, the history stays.
The legal erasure removes them with the patient (ON DELETE CASCADE)."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    7,
    "consents",
    (
        """CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
            scope TEXT NOT NULL CHECK (
                scope IN ('sharing', 'telehealth', 'research', 'shared_record', 'other')
            ),
            decision TEXT NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
            decided_on TEXT NOT NULL,
            method TEXT NOT NULL CHECK (
                method IN ('oral', 'written', 'electronic', 'representative')
            ),
            recipient TEXT NOT NULL,
            note TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX consents_by_patient ON consents (patient_id, decided_on, id)",
    ),
)
