"""admin.db step 3: appointments, in the practice's local time (a day and a start minute)."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    3,
    "appointments",
    (
        """CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patients (id),
            day TEXT NOT NULL,
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
            reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 120),
            status TEXT NOT NULL CHECK (
                status IN ('booked', 'arrived', 'seen', 'cancelled', 'no_show')
            ),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            CHECK (start_minute + duration_minutes <= 1440)
        ) STRICT""",
        "CREATE INDEX appointments_by_day ON appointments (day, start_minute)",
        "CREATE INDEX appointments_by_patient ON appointments (patient_id, day)",
    ),
)
