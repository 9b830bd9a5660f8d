"""clinical.db step 2: clinical record (history, allergies, treatments, vaccinations,
consultations) and the full-text index of consultation notes.

patient_id refers to admin.db's patients table, which another file cannot enforce: services check
it (require_patient). Entries are never deleted, only marked removed (who, when, why)."""

from medvault.storage.migration_step import Migration

# Columns every list entry shares: version for stale-write checks, who wrote it, and removal.
_TRAIL = """
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            removed_at TEXT,
            removed_by TEXT,
            removal_reason TEXT,
            CHECK ((removed_at IS NULL) = (removed_by IS NULL)),
            CHECK ((removed_at IS NULL) = (removal_reason IS NULL))"""

MIGRATION = Migration(
    2,
    "clinical record and consultation full-text index",
    (
        f"""CREATE TABLE history_entries (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('medical', 'surgical', 'family')),
            label TEXT NOT NULL CHECK (label <> ''),
            description TEXT NOT NULL,
            on_date TEXT,
            year INTEGER,
            notes TEXT NOT NULL,{_TRAIL}
        ) STRICT""",
        f"""CREATE TABLE allergies (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL,
            substance TEXT NOT NULL CHECK (substance <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('allergy', 'intolerance')),
            reaction TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe', 'unknown')),
            recorded_on TEXT,
            notes TEXT NOT NULL,{_TRAIL}
        ) STRICT""",
        f"""CREATE TABLE treatments (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL,
            drug_name TEXT NOT NULL CHECK (drug_name <> ''),
            dosage TEXT NOT NULL,
            frequency TEXT NOT NULL,
            start_date TEXT,
            end_date TEXT,
            stopped INTEGER NOT NULL CHECK (stopped IN (0, 1)),
            prescriber TEXT NOT NULL,
            notes TEXT NOT NULL,{_TRAIL}
        ) STRICT""",
        f"""CREATE TABLE vaccinations (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL,
            vaccine TEXT NOT NULL CHECK (vaccine <> ''),
            given_on TEXT NOT NULL,
            lot_number TEXT NOT NULL,
            dose TEXT NOT NULL,
            notes TEXT NOT NULL,{_TRAIL}
        ) STRICT""",
        "CREATE INDEX history_entries_by_patient ON history_entries (patient_id)",
        "CREATE INDEX allergies_by_patient ON allergies (patient_id)",
        "CREATE INDEX treatments_by_patient ON treatments (patient_id)",
        "CREATE INDEX vaccinations_by_patient ON vaccinations (patient_id)",
        # No BMI column: it is computed from weight and height whenever shown.
        """CREATE TABLE consultations (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL,
            consulted_on TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason <> ''),
            subjective TEXT NOT NULL,
            objective TEXT NOT NULL,
            assessment TEXT NOT NULL,
            plan TEXT NOT NULL,
            weight_kg REAL,
            height_cm REAL,
            systolic_mmhg INTEGER,
            diastolic_mmhg INTEGER,
            pulse_bpm INTEGER,
            temperature_c REAL,
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT""",
        # A patient's consultations, newest first, straight from the index (paging).
        """CREATE INDEX consultations_by_patient
           ON consultations (patient_id, consulted_on DESC, id DESC)""",
        # Words with accents folded (diabète = diabete), prefix indexes for search-as-you-type;
        # the text itself stays in consultations (external content), kept in step by triggers.
        """CREATE VIRTUAL TABLE consultation_fts USING fts5(
            reason, subjective, objective, assessment, plan,
            content = 'consultations',
            content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3'
        )""",
        """CREATE TRIGGER consultations_fts_insert AFTER INSERT ON consultations BEGIN
            INSERT INTO consultation_fts (rowid, reason, subjective, objective, assessment, plan)
            VALUES (new.id, new.reason, new.subjective, new.objective, new.assessment, new.plan);
        END""",
        """CREATE TRIGGER consultations_fts_delete AFTER DELETE ON consultations BEGIN
            INSERT INTO consultation_fts
                (consultation_fts, rowid, reason, subjective, objective, assessment, plan)
            VALUES ('delete', old.id, old.reason, old.subjective, old.objective, old.assessment,
                    old.plan);
        END""",
        """CREATE TRIGGER consultations_fts_update
            AFTER UPDATE OF reason, subjective, objective, assessment, plan ON consultations BEGIN
            INSERT INTO consultation_fts
                (consultation_fts, rowid, reason, subjective, objective, assessment, plan)
            VALUES ('delete', old.id, old.reason, old.subjective, old.objective, old.assessment,
                    old.plan);
            INSERT INTO consultation_fts (rowid, reason, subjective, objective, assessment, plan)
            VALUES (new.id, new.reason, new.subjective, new.objective, new.assessment, new.plan);
        END""",
    ),
)
