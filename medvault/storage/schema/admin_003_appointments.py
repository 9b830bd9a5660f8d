"""admin.db step 3: appointments."""

from medvault.storage.migration_step import Migration

MIGRATION = Migration(3, "appointments", ())
