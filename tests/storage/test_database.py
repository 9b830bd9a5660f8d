from __future__ import annotations

from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from medvault.core.errors import (
    DatabaseDamagedError,
    DatabaseKeyMismatchError,
    DiskFullError,
    VaultExistsError,
    VaultInUseError,
    VaultTooNewError,
)
from medvault.core.secrets import SecretKey
from medvault.storage.database import (
    StorageError,
    close_database,
    integrity_problems,
    map_error,
    open_database,
    rekey,
    transaction,
)
from medvault.storage.migrations import ADMIN_MIGRATIONS, Migration, migrate, schema_version


@pytest.fixture
def key() -> SecretKey:
    return SecretKey.generate()


def test_create_then_reopen_with_pragmas(tmp_path: Path, key: SecretKey) -> None:
    path = tmp_path / "a.db"
    conn = open_database(path, key, create=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    conn.execute("CREATE TABLE t (v)")
    close_database(conn)
    assert not path.read_bytes().startswith(b"SQLite format 3")
    close_database(open_database(path, key))


def test_wrong_key_is_reported_and_the_file_is_untouched(tmp_path: Path, key: SecretKey) -> None:
    path = tmp_path / "a.db"
    conn = open_database(path, key, create=True)
    conn.execute("CREATE TABLE t (v)")
    close_database(conn)
    before = path.read_bytes()
    with pytest.raises(DatabaseKeyMismatchError):
        open_database(path, SecretKey.generate())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


def test_missing_file_is_never_created(tmp_path: Path, key: SecretKey) -> None:
    with pytest.raises(DatabaseDamagedError):
        open_database(tmp_path / "absent.db", key)
    assert not (tmp_path / "absent.db").exists()


def test_create_refuses_an_existing_file(tmp_path: Path, key: SecretKey) -> None:
    (tmp_path / "a.db").write_bytes(b"keep me")
    with pytest.raises(VaultExistsError):
        open_database(tmp_path / "a.db", key, create=True)
    assert (tmp_path / "a.db").read_bytes() == b"keep me"


def test_errors_are_mapped_by_code() -> None:
    def error(code: int) -> dbapi2.Error:
        exc = dbapi2.OperationalError("some text that is not looked at")
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
        return exc

    assert isinstance(map_error(error(13)), DiskFullError)
    assert isinstance(map_error(error(5)), VaultInUseError)
    assert isinstance(map_error(error(11), "admin.db"), DatabaseDamagedError)
    assert "admin.db" in map_error(error(26), "admin.db").args[0]
    assert isinstance(map_error(error(1)), StorageError)


def test_transaction_rolls_back_on_error(tmp_path: Path, key: SecretKey) -> None:
    conn = open_database(tmp_path / "a.db", key, create=True)
    conn.execute("CREATE TABLE t (v)")
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        raise RuntimeError("boom")
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    close_database(conn)


def test_integrity_problems_find_a_damaged_page(tmp_path: Path, key: SecretKey) -> None:
    path = tmp_path / "a.db"
    conn = open_database(path, key, create=True)
    conn.execute("CREATE TABLE t (v)")
    conn.executemany("INSERT INTO t VALUES (randomblob(2000))", [()] * 50)
    assert integrity_problems(conn) == []
    close_database(conn)
    data = bytearray(path.read_bytes())
    data[4096 * 5 + 100] ^= 0x01
    path.write_bytes(bytes(data))
    conn = open_database(path, key)
    assert any("page 6" in p or "HMAC" in p for p in integrity_problems(conn))
    close_database(conn)


def test_rekey_changes_the_key(tmp_path: Path, key: SecretKey) -> None:
    path = tmp_path / "a.db"
    conn = open_database(path, key, create=True)
    conn.execute("CREATE TABLE t (v)")
    conn.execute("INSERT INTO t VALUES ('x')")
    new = SecretKey.generate()
    rekey(conn, new)
    close_database(conn)
    with pytest.raises(DatabaseKeyMismatchError):
        open_database(path, key)
    conn = open_database(path, new)
    assert conn.execute("SELECT v FROM t").fetchall() == [("x",)]
    close_database(conn)


def test_migrations_from_empty_one_step_at_a_time(tmp_path: Path, key: SecretKey) -> None:
    conn = open_database(tmp_path / "a.db", key, create=True)
    assert schema_version(conn) == 0
    for upto in range(1, len(ADMIN_MIGRATIONS) + 1):
        assert migrate(conn, ADMIN_MIGRATIONS[:upto]) == upto
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"users", "audit_log", "audit_head", "settings"} <= tables
    assert migrate(conn, ADMIN_MIGRATIONS) == len(ADMIN_MIGRATIONS)  # idempotent
    close_database(conn)


def test_failed_migration_step_leaves_the_previous_version(tmp_path: Path, key: SecretKey) -> None:
    conn = open_database(tmp_path / "a.db", key, create=True)
    steps = (
        Migration(1, "ok", ("CREATE TABLE a (x)",)),
        Migration(2, "broken", ("CREATE TABLE b (x)", "THIS IS NOT SQL")),
    )
    with pytest.raises(StorageError):
        migrate(conn, steps)
    assert schema_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "a" in names and "b" not in names
    close_database(conn)


def test_database_from_a_newer_version_is_refused(tmp_path: Path, key: SecretKey) -> None:
    conn = open_database(tmp_path / "a.db", key, create=True)
    conn.execute("PRAGMA user_version = 99")
    with pytest.raises(VaultTooNewError):
        migrate(conn, ADMIN_MIGRATIONS)
    close_database(conn)
