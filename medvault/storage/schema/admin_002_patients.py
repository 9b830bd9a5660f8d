"""admin.db step 2: patient identity (French INS model), contact details and search keys.

Search keys are folded in Python (medvault.core.text_search) and stored beside the record:
prefix searches are index range scans, listings are read in index order, never sorted in full.
Partial indexes cover live records only (not deleted, not merged), which is what the desk sees."""

from medvault.storage.migration_step import Migration

_LIVE = "WHERE deleted_at IS NULL AND merged_into IS NULL"

MIGRATION = Migration(
    2,
    "patients: identity, contact details, soft delete and merge, search keys",
    (
        """CREATE TABLE patients (
            id INTEGER PRIMARY KEY,
            birth_name TEXT NOT NULL,
            used_name TEXT,
            first_names TEXT NOT NULL,
            used_first_name TEXT,
            sex TEXT NOT NULL CHECK (sex IN ('F', 'M', 'I')),
            birth_date TEXT NOT NULL,
            birth_place_insee TEXT,
            nir TEXT,
            nir_kind TEXT CHECK (nir_kind IN ('NIR', 'NIA')),
            identity_status TEXT NOT NULL CHECK (
                identity_status IN ('provisional', 'retrieved', 'validated', 'qualified')
            ),
            address TEXT,
            postal_code TEXT,
            city TEXT,
            country TEXT NOT NULL DEFAULT 'FR',
            phone_mobile TEXT,
            phone_other TEXT,
            email TEXT,
            referring_physician TEXT,
            admin_notes TEXT,
            search_name TEXT NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            used_name_key TEXT,
            first_names_key TEXT NOT NULL DEFAULT '',
            city_key TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            deleted_at TEXT,
            deleted_by TEXT,
            deletion_reason TEXT,
            merged_into INTEGER REFERENCES patients (id)
        ) STRICT""",
        # Every folded name of a live record, from each of its words on; rank 0 = whole birth or
        # used name, 1 = a later word of it, 2 = a first name. The key order is the result order.
        """CREATE TABLE patient_name_keys (
            rank INTEGER NOT NULL CHECK (rank IN (0, 1, 2)),
            key TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
            PRIMARY KEY (rank, key, sort_key, patient_id)
        ) STRICT, WITHOUT ROWID""",
        "CREATE INDEX patient_name_keys_by_patient ON patient_name_keys (patient_id)",
        # Exact and prefix look-ups.
        f"CREATE INDEX patients_by_nir ON patients (nir) {_LIVE} AND nir IS NOT NULL",
        # Prefix look-up, and the listing order by mobile phone.
        f"CREATE INDEX patients_by_mobile ON patients (phone_mobile, sort_key, id) {_LIVE}",
        f"CREATE INDEX patients_by_other_phone ON patients (phone_other) {_LIVE}",
        f"CREATE INDEX patients_by_birth_date ON patients (birth_date, sort_key, id) {_LIVE}",
        # Listing orders (one per sortable column, ties broken by name then id).
        f"CREATE INDEX patients_by_sort_key ON patients (sort_key, id) {_LIVE}",
        f"CREATE INDEX patients_by_used_name ON patients (used_name_key, sort_key, id) {_LIVE}",
        f"CREATE INDEX patients_by_first_names ON patients (first_names_key, sort_key, id) {_LIVE}",
        f"CREATE INDEX patients_by_sex ON patients (sex, sort_key, id) {_LIVE}",
        f"CREATE INDEX patients_by_status ON patients (identity_status, sort_key, id) {_LIVE}",
        f"CREATE INDEX patients_by_postal_code ON patients (postal_code, sort_key, id) {_LIVE}",
        f"CREATE INDEX patients_by_city ON patients (city_key, sort_key, id) {_LIVE}",
        f"CREATE INDEX patients_by_updated ON patients (updated_at, id) {_LIVE}",
        "CREATE INDEX patients_by_merged_into ON patients (merged_into) "
        "WHERE merged_into IS NOT NULL",
        # Substring search over names; the trigram tokenizer folds case and, here, accents.
        """CREATE VIRTUAL TABLE patients_fts USING fts5(
            birth_name, used_name, first_names, used_first_name,
            content='patients', content_rowid='id',
            tokenize='trigram remove_diacritics 1'
        )""",
        """CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
            INSERT INTO patients_fts (rowid, birth_name, used_name, first_names, used_first_name)
            VALUES (new.id, new.birth_name, new.used_name, new.first_names, new.used_first_name);
        END""",
        """CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
            INSERT INTO patients_fts (
                patients_fts, rowid, birth_name, used_name, first_names, used_first_name
            ) VALUES (
                'delete', old.id, old.birth_name, old.used_name, old.first_names,
                old.used_first_name
            );
        END""",
        """CREATE TRIGGER patients_fts_update
        AFTER UPDATE OF birth_name, used_name, first_names, used_first_name ON patients BEGIN
            INSERT INTO patients_fts (
                patients_fts, rowid, birth_name, used_name, first_names, used_first_name
            ) VALUES (
                'delete', old.id, old.birth_name, old.used_name, old.first_names,
                old.used_first_name
            );
            INSERT INTO patients_fts (rowid, birth_name, used_name, first_names, used_first_name)
            VALUES (new.id, new.birth_name, new.used_name, new.first_names, new.used_first_name);
        END""",
    ),
)
