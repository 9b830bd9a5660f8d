from __future__ import annotations

from pathlib import Path

import pytest

from medvault.core.errors import HeaderDamagedError, VaultInUseError, VaultNotFoundError
from medvault.core.header import VaultHeader
from medvault.storage.header_store import (
    HEADER_COPY_NAME,
    HEADER_NAME,
    load_header,
    save_header,
    write_atomically,
)
from medvault.storage.vault_lock import VaultLock

HEADER = VaultHeader("v-1", "2026-01-01T00:00:00.000000Z", "Cabinet", 1, b"\x02" * 32, ())


def test_saved_twice_and_loaded(tmp_path: Path) -> None:
    save_header(tmp_path, HEADER)
    loaded = load_header(tmp_path)
    assert loaded.header == HEADER and not loaded.needs_repair
    assert (tmp_path / HEADER_NAME).read_bytes() == (tmp_path / HEADER_COPY_NAME).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [HEADER_NAME, HEADER_COPY_NAME]


def test_copy_used_when_primary_damaged_and_error_when_both(tmp_path: Path) -> None:
    save_header(tmp_path, HEADER)
    (tmp_path / HEADER_NAME).write_bytes(b"garbage")
    loaded = load_header(tmp_path)
    assert loaded.header == HEADER and not loaded.primary_ok and loaded.needs_repair
    (tmp_path / HEADER_COPY_NAME).unlink()
    with pytest.raises(HeaderDamagedError):
        load_header(tmp_path)


def test_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        load_header(tmp_path)


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    first = VaultLock(tmp_path)
    first.acquire()
    with pytest.raises(VaultInUseError):
        VaultLock(tmp_path).acquire()
    first.release()
    second = VaultLock(tmp_path)
    second.acquire()
    assert second.held
    second.release()
