"""Holding a live database still for a backup: the WAL is folded into the main file, writers
are kept out while it is held, and a reader that keeps the WAL busy sends the caller to the
backup API instead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from medvault.core.errors import VaultInUseError
from medvault.services.session import Session
from medvault.storage import meta_repo, snapshot
from medvault.storage.database import (
    close_database,
    integrity_problems,
    open_database,
    transaction,
)
from medvault.storage.snapshot import digest, digest_bytes, frozen_database, wal_has_frames


def _put(session: Session, key: str, value: str) -> None:
    with transaction(session.admin_db, "admin.db") as conn:
        meta_repo.put(conn, "settings", key, value)


def test_frozen_file_holds_the_writes_committed_before(
    practitioner: Session, tmp_path: Path
) -> None:
    live = practitioner.directory / "admin.db"
    _put(practitioner, "snapshot_probe", "avant")
    assert wal_has_frames(live)  # the write is only in the WAL so far
    copy = tmp_path / "admin.db"
    with frozen_database(live, practitioner.bundle.admin_key, "admin.db") as frozen:
        assert frozen is not None
        assert not wal_has_frames(live)
        shutil.copyfile(live, copy)
        assert meta_repo.get(frozen, "settings", "snapshot_probe") == "avant"
    data = copy.read_bytes()
    assert not data.startswith(b"SQLite format 3") and b"avant" not in data
    conn = open_database(copy, practitioner.bundle.admin_key)
    try:
        assert meta_repo.get(conn, "settings", "snapshot_probe") == "avant"
        assert integrity_problems(conn) == []
    finally:
        close_database(conn)


def test_no_write_lands_while_frozen_and_writes_resume_after(practitioner: Session) -> None:
    live = practitioner.directory / "admin.db"
    practitioner.admin_db.execute("PRAGMA busy_timeout = 50")
    with frozen_database(live, practitioner.bundle.admin_key, "admin.db") as frozen:
        assert frozen is not None
        before = digest(live)
        with pytest.raises(VaultInUseError):
            _put(practitioner, "snapshot_probe", "pendant")
        assert not practitioner.admin_db.in_transaction  # rolled back, nothing half-written
        assert digest(live) == before and not wal_has_frames(live)
    assert meta_repo.get(practitioner.admin_db, "settings", "snapshot_probe") is None
    _put(practitioner, "snapshot_probe", "après")
    assert meta_repo.get(practitioner.admin_db, "settings", "snapshot_probe") == "après"


def test_a_reader_holding_the_wal_gives_no_frozen_file(
    practitioner: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "READER_WAIT_MS", 50)
    live = practitioner.directory / "admin.db"
    _put(practitioner, "snapshot_probe", "lu")
    reader = open_database(live, practitioner.bundle.admin_key)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM settings").fetchone()  # a read mark on the WAL
        with frozen_database(live, practitioner.bundle.admin_key, "admin.db") as frozen:
            assert frozen is None
        reader.execute("COMMIT")
        # No lock was left behind: the session still writes.
        _put(practitioner, "snapshot_probe", "écrit")
    finally:
        reader.close()
    assert meta_repo.get(practitioner.admin_db, "settings", "snapshot_probe") == "écrit"


def test_digest_of_a_file_and_of_bytes_agree(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40_000  # more than one read buffer
    path = tmp_path / "f"
    path.write_bytes(data)
    assert digest(path) == digest_bytes(data)
    assert digest(path).size == len(data)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert digest(empty) == digest_bytes(b"")
    assert digest(empty).sha256.startswith("e3b0c44298fc1c14")
