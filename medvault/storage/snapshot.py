"""Consistent copies of the vault's databases while the app may be writing.

The fast path freezes a keyed database: a connection of its own folds the WAL back into the main
file (checkpoint TRUNCATE) and takes the write lock (BEGIN IMMEDIATE). While the lock is held
and the WAL is empty, nothing can change the main file (only a commit or a checkpoint of WAL
frames writes it), so its bytes, already SQLCipher-encrypted, are the whole database as of that
moment and can be read as they are: never torn, never plaintext. A writer on another connection
waits (busy timeout) and then fails cleanly rather than joining the snapshot.

When the WAL cannot be emptied (a reader holds it back), the database is copied with SQLite's
online backup API instead, into a new file keyed with the same raw key: SQLCipher decrypts each
page with the source key and encrypts it again for the copy, under one read of the source.

A database this session has no key for (clinical.db for a receptionist) is read as raw bytes,
with its WAL when it has frames: the session holds the vault lock, so no other medvault process
writes it, and this session never opens it."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
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
    mapped_errors,
    open_database,
    rollback,
)

_HASH_CHUNK = 4 * 1024 * 1024
# A commit landing between the checkpoint and the lock refills the WAL: checkpoint again.
_FREEZE_ATTEMPTS = 3
# How long the checkpoint waits for readers of the WAL before the backup API is used instead.
READER_WAIT_MS = 5000


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


@contextlib.contextmanager
def frozen_database(path: Path, key: SecretKey, label: str) -> Iterator[Connection | None]:
    """Hold the database at `path` still: inside, its main file is the whole database and
    cannot change, and the yielded connection reads that same state. Yields None when the WAL
    could not be folded into the main file; the caller then uses `snapshot_database`."""
    conn = open_database(path, key)
    try:
        with mapped_errors(label):
            conn.execute(f"PRAGMA busy_timeout = {int(READER_WAIT_MS)}")
            locked = _lock_with_empty_wal(conn, path)
        try:
            yield conn if locked else None
        finally:
            rollback(conn)  # nothing was written: this only releases the lock
    finally:
        conn.close()  # no checkpoint on the way out: the WAL is empty or another's to fold


def _lock_with_empty_wal(conn: Connection, path: Path) -> bool:
    for _ in range(_FREEZE_ATTEMPTS):
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            return False  # a reader kept it back past the busy timeout: do not wait again
        conn.execute("BEGIN IMMEDIATE")
        # With the write lock held nobody can append to the WAL; empty now means empty until
        # the lock is released.
        if not wal_has_frames(path):
            return True
        conn.execute("ROLLBACK")
    return False


def wal_has_frames(database: Path) -> bool:
    wal = database.with_name(database.name + "-wal")
    return wal.is_file() and wal.stat().st_size > 0


def digest(path: Path) -> FileDigest:
    sha = hashlib.sha256()
    size = 0
    buffer = bytearray(_HASH_CHUNK)
    view = memoryview(buffer)
    with path.open("rb", buffering=0) as handle:
        while count := handle.readinto(view):
            sha.update(view[:count])
            size += count
    return FileDigest(size, sha.hexdigest())


def digest_bytes(data: bytes) -> FileDigest:
    return FileDigest(len(data), hashlib.sha256(data).hexdigest())


def audit_head(conn: Connection) -> ChainHead | None:
    """The audit chain head as `conn` sees it (a frozen admin.db: the state being copied)."""
    return audit_repo.read_head(conn)


def read_audit_head(admin_copy: Path, key: SecretKey) -> ChainHead | None:
    """The audit chain head of a copied admin.db (this also proves the copy opens)."""
    conn = open_database(admin_copy, key)
    try:
        return audit_repo.read_head(conn)
    finally:
        close_database(conn)
