"""Opening a vault's two databases with a key bundle, shared by creation, unlock and rotation."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from medvault.core.errors import DatabaseKeyMismatchError, HeaderDamagedError
from medvault.core.header import VaultHeader
from medvault.core.keys import KeyBundle
from medvault.storage import meta_repo
from medvault.storage.database import Connection, close_database, open_database
from medvault.storage.migrations import ADMIN_MIGRATIONS, CLINICAL_MIGRATIONS, migrate

ADMIN_DB = "admin.db"
CLINICAL_DB = "clinical.db"
VAULT_ID_KEY = "vault_id"
BACKUP_RECIPIENT_KEY = "backup_recipient"


@dataclass
class OpenDatabases:
    admin: Connection
    clinical: Connection | None

    def close(self) -> None:
        for conn in (self.clinical, self.admin):
            if conn is not None:
                with contextlib.suppress(Exception):
                    close_database(conn)


def _check_vault_id(conn: Connection, table: meta_repo.Table, vault_id: str) -> None:
    # The keys opened the file, yet it must also be this vault's file, not a stray copy.
    if meta_repo.get(conn, table, VAULT_ID_KEY) != vault_id:
        raise DatabaseKeyMismatchError()


def open_vault_databases(directory: Path, bundle: KeyBundle, header: VaultHeader) -> OpenDatabases:
    """Open admin.db, and clinical.db when the bundle holds its key; migrate both; check that
    both belong to this vault and that the header's backup recipient is the vault's own."""
    admin = open_database(directory / ADMIN_DB, bundle.admin_key)
    clinical: Connection | None = None
    vault_id = header.vault_id
    try:
        migrate(admin, ADMIN_MIGRATIONS, ADMIN_DB)
        _check_vault_id(admin, "settings", vault_id)
        recipient = meta_repo.get(admin, "settings", BACKUP_RECIPIENT_KEY)
        if recipient != header.backup_recipient.hex():
            # Backups must never be encrypted to a key someone slipped into the header.
            raise HeaderDamagedError(
                fr="L'en-tête du coffre a été modifié : sa clé de sauvegarde n'est pas celle du "
                "coffre. Restaurez vault.json depuis une sauvegarde.",
                en="The vault header was altered: its backup key is not the vault's own. "
                "Restore vault.json from a backup.",
            )
        if bundle.clinical_key is not None:
            clinical = open_database(directory / CLINICAL_DB, bundle.clinical_key)
            migrate(clinical, CLINICAL_MIGRATIONS, CLINICAL_DB)
            _check_vault_id(clinical, "clinical_meta", vault_id)
    except BaseException:
        OpenDatabases(admin, clinical).close()
        raise
    return OpenDatabases(admin, clinical)
