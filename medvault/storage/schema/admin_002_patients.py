"""admin.db step 2: patient identity (French INS model) and contact details."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(
    2,
    "patients: identity, contact details, soft delete and merge",
    (
        """CREATE TABLE patients (
            id INTEGER PRIMARY KEY,
            birth_name TEXT NOT NULL,
            used_name TEXT,
            first_names TEXT NOT NULL,
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
            country TEXT,
            phone_mobile TEXT,
            phone_other TEXT,
            email TEXT,
            referring_physician TEXT,
            admin_notes TEXT,
            search_name TEXT NOT NULL,
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
    ),
)
