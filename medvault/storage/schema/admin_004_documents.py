"""admin.db step 4: administrative documents."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(4, "administrative documents", ())
