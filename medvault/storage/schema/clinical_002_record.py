"""clinical.db step 2: clinical record."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(2, "clinical record", ())
