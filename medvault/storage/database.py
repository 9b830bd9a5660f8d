"""SQLCipher connections: keyed with raw 256-bit keys, verified by a first read, errors mapped
by code to our own errors. The only module family that touches sqlcipher3."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, cast

import sqlcipher3
from sqlcipher3 import dbapi2

from medvault.core.errors import (
    DatabaseDamagedError,
    DatabaseKeyMismatchError,
    DiskFullError,
    DiskWriteError,
    MedVaultError,
    VaultExistsError,
    VaultInUseError,
    VaultNotFoundError,
)
from medvault.core.secrets import SecretKey


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a DB-API connection the storage layer uses (sqlcipher3 ships no types)."""

    @property
    def in_transaction(self) -> bool: ...
    def execute(self, sql: str, parameters: Sequence[object] = ..., /) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Sequence[object]], /) -> Cursor: ...
    def close(self) -> None: ...
    def __enter__(self) -> Connection: ...
    def __exit__(self, *exc: object) -> bool | None: ...


_CACHE_KIB = 64 * 1024  # keep the working set decrypted in memory: SQLCipher is cheap when cached


class StorageError(MedVaultError):
    """An unexpected database error (a bug, not a user problem); carries no SQL or data."""


def map_error(exc: dbapi2.Error, file_label: str = "") -> MedVaultError:
    """Our error for an sqlite error, chosen by its primary result code, never by its text."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == dbapi2.SQLITE_FULL:
        return DiskFullError()
    if primary == dbapi2.SQLITE_IOERR:
        return DiskWriteError()
    if primary in (dbapi2.SQLITE_BUSY, dbapi2.SQLITE_LOCKED):
        return VaultInUseError()
    if primary in (dbapi2.SQLITE_CORRUPT, dbapi2.SQLITE_NOTADB):
        return _damaged(file_label)
    if primary == dbapi2.SQLITE_CANTOPEN:
        return VaultNotFoundError()
    name = getattr(exc, "sqlite_errorname", type(exc).__name__)
    return StorageError(f"database error {name}")


def _damaged(file_label: str) -> DatabaseDamagedError:
    if not file_label:
        return DatabaseDamagedError()
    return DatabaseDamagedError(
        fr=f"La base {file_label} du coffre est endommagée ou illisible. Restaurez une sauvegarde.",
        en=f"The vault database {file_label} is damaged or unreadable. Restore a backup.",
    )


@contextlib.contextmanager
def mapped_errors(file_label: str = "") -> Iterator[None]:
    try:
        yield
    except dbapi2.Error as exc:
        raise map_error(exc, file_label) from None


def open_database(path: Path, key: SecretKey, *, create: bool = False) -> Connection:
    """Open (or, only when asked, create) an encrypted database and prove the key by a read.

    A wrong key is reported as such and never leads to creating a new file."""
    label = path.name
    if create and path.exists():
        raise VaultExistsError()
    if not create and not path.is_file():
        raise DatabaseDamagedError(
            fr=f"Le fichier {label} du coffre est absent. Restaurez une sauvegarde.",
            en=f"The vault file {label} is missing. Restore a backup.",
        )
    if create:
        # Owner-only from the first byte; SQLite gives -wal and -shm the same permissions.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise VaultExistsError() from None
    uri = path.resolve().as_uri() + "?mode=rw"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except dbapi2.Error as exc:
        raise map_error(exc, label) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        # PRAGMA key takes no bound parameter; only the hex of a random key is ever put here.
        conn.execute(f'PRAGMA key = "{key.hex_literal()}"')
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi2.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) == dbapi2.SQLITE_NOTADB:
                raise DatabaseKeyMismatchError() from None
            raise
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        conn.execute("PRAGMA busy_timeout = 5000")
    except MedVaultError:
        conn.close()
        raise
    except dbapi2.Error as exc:
        conn.close()
        raise map_error(exc, label) from None
    return cast(Connection, conn)


def close_database(conn: Connection) -> None:
    """Checkpoint the WAL into the main file, then close: nothing left behind in -wal."""
    try:
        with contextlib.suppress(dbapi2.Error):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def open_reader(path: Path, key: SecretKey) -> Connection:
    """A second connection that only reads: a long check on a worker thread, while the
    session's own connection keeps serving the window (WAL lets both read at once)."""
    conn = open_database(path, key)
    conn.execute("PRAGMA query_only = ON")
    return conn


def close_reader(conn: Connection) -> None:
    """A reader wrote nothing: closed without the checkpoint that could wait on a writer."""
    conn.close()


@contextlib.contextmanager
def read_snapshot(conn: Connection, file_label: str = "") -> Iterator[Connection]:
    """One read transaction: every read inside sees the same committed state."""
    with mapped_errors(file_label):
        conn.execute("BEGIN")
    try:
        yield conn
    finally:
        rollback(conn)


def begin(conn: Connection, file_label: str = "") -> None:
    """Take the write lock at once (IMMEDIATE) so the work cannot fail half-way on a lock."""
    with mapped_errors(file_label):
        conn.execute("BEGIN IMMEDIATE")


def commit(conn: Connection, file_label: str = "") -> None:
    with mapped_errors(file_label):
        if conn.in_transaction:
            conn.execute("COMMIT")


def rollback(conn: Connection) -> None:
    with contextlib.suppress(dbapi2.Error):
        if conn.in_transaction:
            conn.execute("ROLLBACK")


@contextlib.contextmanager
def transaction(conn: Connection, file_label: str = "") -> Iterator[Connection]:
    """One write transaction: committed on normal exit, rolled back on any exception."""
    begin(conn, file_label)
    try:
        yield conn
    except BaseException:
        rollback(conn)
        raise
    commit(conn, file_label)


def integrity_problems(conn: Connection) -> list[str]:
    """Page HMACs (cipher_integrity_check) and SQLite structure (integrity_check)."""
    problems: list[str] = []
    try:
        problems += [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
        problems += [r for r in rows if r != "ok"]
        problems += [f"foreign key: {row[0]}" for row in conn.execute("PRAGMA foreign_key_check")]
    except dbapi2.DatabaseError as exc:
        problems.append(f"unreadable: {getattr(exc, 'sqlite_errorname', 'error')}")
    return problems


def rekey(conn: Connection, new_key: SecretKey, file_label: str = "") -> None:
    """Re-encrypt every page under a new raw key (PRAGMA rekey)."""
    with mapped_errors(file_label):
        conn.execute(f'PRAGMA rekey = "{new_key.hex_literal()}"')
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
