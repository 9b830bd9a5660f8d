"""Consistent copies of the vault's databases while the app may be writing.

A keyed database is copied with SQLite's online backup API into a new file keyed with the same
raw key: SQLCipher decrypts each page with the source key and encrypts it again for the copy, so
the copy is never plaintext on disk, and the API restarts if a write lands during the copy, so it
is never torn. A database this session has no key for (clinical.db for a receptionist) is copied
as raw bytes: the session holds the vault lock, so no other medvault process writes it, and this
session never opens it."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import sqlcipher3
from sqlcipher3 import dbapi2

from medvault.core.audit import ChainHead
from medvault.core.secrets import SecretKey
from medvault.storage import audit_repo
from medvault.storage.database import (
    Connection,
    close_database,
    map_error,
    open_database,
)

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class FileDigest:
    size: int
    sha256: str


def _create_private(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def snapshot_database(source: Connection, destination: Path, key: SecretKey, label: str) -> None:
    """Copy `source` into the new file `destination`, encrypted under the same raw key."""
    _create_private(destination)
    uri = destination.resolve().as_uri() + "?mode=rw"
    try:
        target = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    except dbapi2.Error as exc:
        raise map_error(exc, label) from None
    try:
        target.execute("PRAGMA cipher_log_level = NONE")
        target.execute(f'PRAGMA key = "{key.hex_literal()}"')
        # pages=-1: the whole database in one step, under one read of the source.
        cast(dbapi2.Connection, source).backup(target, pages=-1)
    except dbapi2.Error as exc:
        raise map_error(exc, label) from None
    finally:
        target.close()


def copy_raw(source: Path, destination: Path) -> None:
    """Byte copy (for a database this session cannot open); owner-only from the first byte."""
    _create_private(destination)
    with source.open("rb") as src, destination.open("wb") as dst:
        shutil.copyfileobj(src, dst, _CHUNK)


def wal_has_frames(database: Path) -> bool:
    wal = database.with_name(database.name + "-wal")
    return wal.is_file() and wal.stat().st_size > 0


def digest(path: Path) -> FileDigest:
    sha = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return FileDigest(size, sha.hexdigest())


def read_audit_head(admin_copy: Path, key: SecretKey) -> ChainHead | None:
    """The audit chain head of a copied admin.db (this also proves the copy opens)."""
    conn = open_database(admin_copy, key)
    try:
        return audit_repo.read_head(conn)
    finally:
        close_database(conn)
