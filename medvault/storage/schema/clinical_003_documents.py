"""clinical.db step 3: clinical documents."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(3, "clinical documents", ())
