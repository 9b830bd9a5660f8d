"""Consistent copies of the vault's databases while the app may be writing.

The fast path freezes a keyed database: a connection of its own folds the WAL back into the main
file (checkpoint TRUNCATE) and then begins a read transaction on the empty WAL. Such a reader
reads the main file alone, and while it lasts SQLite lets no checkpoint copy frames into that
file (WAL read lock 0); commits only append to the WAL. So the main file's bytes, already
SQLCipher-encrypted, are the whole database as of that moment and can be read as they are:
never torn, never plaintext. Writers on other connections are not held up: what they commit
meanwhile goes to the WAL and is simply not in the backup.

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
    cannot change (writers still commit, into the WAL), and the yielded connection reads that
    same state. Yields None when the WAL could not be folded into the main file; the caller
    then uses `snapshot_database`."""
    conn = open_database(path, key)
    try:
        with mapped_errors(label):
            conn.execute(f"PRAGMA busy_timeout = {int(READER_WAIT_MS)}")
            frozen = _read_with_empty_wal(conn, path)
        try:
            yield conn if frozen else None
        finally:
            rollback(conn)  # nothing was written: this only ends the read
    finally:
        conn.close()  # no checkpoint here: what was written meanwhile is the session's to fold


def _read_with_empty_wal(conn: Connection, path: Path) -> bool:
    for _ in range(_FREEZE_ATTEMPTS):
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            return False  # a reader kept it back past the busy timeout: do not wait again
        # A read transaction begun on an empty WAL reads the main file alone, and while it
        # lasts no checkpoint may copy anything into that file (SQLite's WAL read lock 0):
        # writers go on committing into the WAL, the main file stays as it is.
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # Empty now means it was empty when the read began (only a checkpoint empties it,
        # and none can while this read lasts).
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


def copy_problems(conn: Connection) -> list[str]:
    """What is wrong with a database restored from a backup (empty when nothing).

    `integrity_check` reads every page in use (b-trees, overflow chains, freelist trunks) and
    SQLCipher verifies each page's HMAC as it decrypts it, so a forged or damaged page in use is
    reported; `cipher_integrity_check` would only add the HMACs of free pages, which hold no
    data, for as much time again. Safe to call on another thread (SQLite releases the GIL)."""
    problems: list[str] = []
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
        problems += [r for r in rows if r != "ok"]
        problems += [f"foreign key: {row[0]}" for row in conn.execute("PRAGMA foreign_key_check")]
    except dbapi2.DatabaseError as exc:
        problems.append(f"unreadable: {getattr(exc, 'sqlite_errorname', 'error')}")
    return problems


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
