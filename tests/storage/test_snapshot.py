"""Holding a live database still for a backup: the WAL is folded into the main file, which then
does not change while it is held (writers go on, into the WAL), and a reader that keeps the WAL
busy sends the caller to the backup API instead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from medvault.services.session import Session
from medvault.storage import meta_repo, snapshot
from medvault.storage.database import (
    close_database,
    integrity_problems,
    open_database,
    transaction,
)
from medvault.storage.snapshot import (
    copy_problems,
    digest,
    digest_bytes,
    frozen_database,
    wal_has_frames,
)


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


def test_writes_go_on_while_frozen_and_never_touch_the_frozen_file(
    practitioner: Session,
) -> None:
    live = practitioner.directory / "admin.db"
    key = practitioner.bundle.admin_key
    with frozen_database(live, key, "admin.db") as frozen:
        assert frozen is not None
        before = digest(live)
        # Enough commits to trigger automatic checkpoints, then explicit ones: none may copy
        # anything into the main file while it is frozen.
        for index in range(1500):
            _put(practitioner, f"snapshot_probe_{index}", "pendant" * 80)
        assert wal_has_frames(live)
        practitioner.admin_db.execute("PRAGMA busy_timeout = 50")
        practitioner.admin_db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        practitioner.admin_db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert digest(live) == before
        assert meta_repo.get(frozen, "settings", "snapshot_probe_0") is None  # its own state
    assert meta_repo.get(practitioner.admin_db, "settings", "snapshot_probe_1499") is not None
    practitioner.admin_db.execute("PRAGMA busy_timeout = 5000")
    practitioner.admin_db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert not wal_has_frames(live) and digest(live) != before  # folded in once released


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


def test_copy_problems_finds_a_damaged_page_in_use(practitioner: Session, tmp_path: Path) -> None:
    for index in range(40):  # a few pages of rows
        _put(practitioner, f"filler_{index}", "rempli" * 200)
    live = practitioner.directory / "admin.db"
    key = practitioner.bundle.admin_key
    copy = tmp_path / "admin.db"
    with frozen_database(live, key, "admin.db") as frozen:
        assert frozen is not None
        shutil.copyfile(live, copy)
    conn = open_database(copy, key)
    try:
        assert copy_problems(conn) == []
    finally:
        conn.close()
    # One bit flipped in the last page (settings rows): its HMAC no longer matches.
    data = bytearray(copy.read_bytes())
    data[len(data) - 4096 + 100] ^= 0x01
    copy.write_bytes(bytes(data))
    conn = open_database(copy, key)
    try:
        assert copy_problems(conn) != []
    finally:
        conn.close()
