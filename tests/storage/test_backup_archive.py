"""Backup files: snapshots stay encrypted, the age container rejects every alteration before
anything is written, and a failed write leaves no file under the final name."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyrage import x25519

from medvault.core.backup_errors import (
    BackupDamagedError,
    BackupFileExistsError,
    BackupFolderUnavailableError,
    BackupKeyError,
    KnownError,
    NotABackupError,
)
from medvault.core.backup_manifest import MAX_MANIFEST_BYTES
from medvault.core.errors import DiskFullError
from medvault.services.session import Session
from medvault.storage import backup_archive
from medvault.storage.backup_archive import Member, private_work_dir, write_backup_file
from medvault.storage.backup_archive_reader import (
    ExtractedMember,
    decrypt_members,
    extract_members,
)
from medvault.storage.database import open_database
from medvault.storage.snapshot import snapshot_database

_IDENTITY = x25519.Identity.generate()
_RECIPIENT = str(_IDENTITY.to_public())
_NAMES = ("manifest.json", "vault.json", "admin.db", "clinical.db")


def _members(tag: bytes) -> list[Member]:
    return [Member(n, data=tag + n.encode() * 300) for n in _NAMES]


@pytest.fixture(scope="module")
def backup_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    target = tmp_path_factory.mktemp("b") / "a.mvbackup"
    write_backup_file(target, _members(b"A"), mtime=0, recipients=[_RECIPIENT])
    return target.read_bytes()


def _open(data: bytes, tmp: Path) -> list[ExtractedMember]:
    source = tmp / "in.mvbackup"
    source.write_bytes(data)
    with private_work_dir(tmp) as work:
        return decrypt_members(source, work, identities=[str(_IDENTITY)])


def test_tar_is_standard_and_in_fixed_order(backup_bytes: bytes) -> None:
    plain = pyrage.decrypt(backup_bytes, [_IDENTITY])
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        assert archive.getnames() == list(_NAMES)
        member = archive.extractfile("admin.db")
        assert member is not None and member.read() == b"A" + b"admin.db" * 300


def test_wrong_identity_and_non_backup(backup_bytes: bytes, tmp_path: Path) -> None:
    source = tmp_path / "x"
    source.write_bytes(backup_bytes)
    with private_work_dir(tmp_path) as work, pytest.raises(BackupKeyError):
        decrypt_members(source, work, identities=[str(x25519.Identity.generate())])
    source.write_bytes(b"PK\x03\x04 a zip file")
    with private_work_dir(tmp_path) as work, pytest.raises(NotABackupError):
        decrypt_members(source, work, identities=[str(_IDENTITY)])


def _no_leftovers(tmp: Path) -> None:
    assert sorted(p.name for p in tmp.iterdir()) == ["in.mvbackup"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(min_value=0), bit=st.integers(0, 7))
def test_any_flipped_bit_is_rejected(
    backup_bytes: bytes, tmp_path_factory: pytest.TempPathFactory, position: int, bit: int
) -> None:
    tmp = tmp_path_factory.mktemp("flip")
    data = bytearray(backup_bytes)
    data[position % len(data)] ^= 1 << bit
    with pytest.raises(KnownError):
        _open(bytes(data), tmp)
    _no_leftovers(tmp)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=1), garbage=st.binary(min_size=1, max_size=64))
def test_truncation_and_appended_garbage_are_rejected(
    backup_bytes: bytes, tmp_path_factory: pytest.TempPathFactory, cut: int, garbage: bytes
) -> None:
    tmp = tmp_path_factory.mktemp("cut")
    with pytest.raises(KnownError):
        _open(backup_bytes[: len(backup_bytes) - cut % len(backup_bytes)], tmp)
    with pytest.raises(BackupDamagedError):
        _open(backup_bytes + garbage, tmp)
    _no_leftovers(tmp)


def test_spliced_chunks_from_another_backup_are_rejected(
    backup_bytes: bytes, tmp_path: Path
) -> None:
    other = tmp_path / "b.mvbackup"
    write_backup_file(other, _members(b"B"), mtime=0, recipients=[_RECIPIENT])
    theirs = other.read_bytes()
    header_end = backup_bytes.index(b"\n---") + 1
    header_end = backup_bytes.index(b"\n", header_end) + 1
    for spliced in (
        backup_bytes[:header_end] + theirs[header_end:],
        theirs[: theirs.index(b"\n---")] + backup_bytes[backup_bytes.index(b"\n---") :],
    ):
        with pytest.raises(KnownError):
            _open(spliced, tmp_path)


def test_strict_tar_reader(tmp_path: Path) -> None:
    def payload(names: list[str], trailer: bytes = b"") -> Path:
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
            for name in names:
                info = tarfile.TarInfo(name)
                info.size = 3
                archive.addfile(info, io.BytesIO(b"abc"))
        path = tmp_path / "p.tar"
        path.write_bytes(buffer.getvalue() + trailer)
        return path

    for names, trailer in (
        (["admin.db"], b""),  # manifest must come first
        (["manifest.json", "../evil"], b""),
        (["manifest.json", "admin.db", "admin.db"], b""),
        (["manifest.json"], b"hidden data"),
    ):
        work = tmp_path / f"w{len(list(tmp_path.iterdir()))}"
        work.mkdir()
        with pytest.raises(BackupDamagedError):
            extract_members(payload(names, trailer), work)


def test_existing_target_and_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "a.mvbackup"
    target.write_bytes(b"keep me")
    with pytest.raises(BackupFileExistsError):
        write_backup_file(target, _members(b"A"), mtime=0, recipients=[_RECIPIENT])
    assert target.read_bytes() == b"keep me"
    with pytest.raises(BackupFolderUnavailableError):
        write_backup_file(
            tmp_path / "gone" / "a.mvbackup", _members(b"A"), mtime=0, recipients=[_RECIPIENT]
        )


def test_disk_full_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = {"n": 0}

    def full_after_a_while(handle: io.BufferedWriter, data: bytes) -> int:
        written["n"] += len(data)
        if written["n"] > 2000:
            raise OSError(errno.ENOSPC, "No space left on device")
        return handle.write(data)

    monkeypatch.setattr(backup_archive, "_write_chunk", full_after_a_while)
    target = tmp_path / "a.mvbackup"
    with pytest.raises(DiskFullError):
        write_backup_file(target, _members(b"A" * 5000), mtime=0, recipients=[_RECIPIENT])
    assert list(tmp_path.iterdir()) == []


def _walk(directory: Path) -> Iterator[Path]:
    yield from (p for p in directory.rglob("*") if p.is_file())


def test_snapshot_is_encrypted_and_opens_with_the_same_key(
    practitioner: Session, tmp_path: Path
) -> None:
    destination = tmp_path / "copy.db"
    snapshot_database(practitioner.admin_db, destination, practitioner.bundle.admin_key, "admin.db")
    data = destination.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"dr.martin" not in data and b"CREATE TABLE" not in data
    assert destination.stat().st_mode & 0o077 == 0
    conn = open_database(destination, practitioner.bundle.admin_key)
    try:
        (count,) = conn.execute("SELECT count(*) FROM users").fetchone()
        assert count == 2
    finally:
        conn.close()


def test_decryption_writes_the_members_and_nothing_else(
    backup_bytes: bytes, tmp_path: Path
) -> None:
    source = tmp_path / "in.mvbackup"
    source.write_bytes(backup_bytes)
    work = tmp_path / "work"
    work.mkdir()
    found = decrypt_members(source, work, identities=[str(_IDENTITY)])
    # No decrypted copy of the whole archive: only the members, hashed as they were written.
    assert sorted(p.name for p in work.iterdir()) == sorted(_NAMES)
    for member in found:
        data = member.path.read_bytes()
        assert data == b"A" + member.name.encode() * 300
        assert member.sha256 == hashlib.sha256(data).hexdigest() and member.size == len(data)
        assert member.path.stat().st_mode & 0o077 == 0


def _tar(entries: list[tuple[str, bytes]], *, padding: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    raw = buffer.getvalue()
    if padding:  # overwrite the zero padding after the first member
        first = 512 + len(entries[0][1])
        raw = raw[:first] + padding + raw[first + len(padding) :]
    return raw


def test_strict_reader_refuses_odd_padding_and_a_huge_manifest(tmp_path: Path) -> None:
    for number, payload in enumerate(
        (
            _tar([("manifest.json", b"{}"), ("vault.json", b"x")], padding=b"hidden"),
            _tar([("manifest.json", b" " * (MAX_MANIFEST_BYTES + 1))]),
        )
    ):
        path = tmp_path / f"p{number}.tar"
        path.write_bytes(payload)
        work = tmp_path / f"w{number}"
        work.mkdir()
        with pytest.raises(BackupDamagedError):
            extract_members(path, work)
        assert not (work / "vault.json").exists()  # refused before anything after it


def test_disk_full_while_extracting_is_said_so(
    backup_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.mvbackup"
    source.write_bytes(backup_bytes)

    class FullDisk(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_fdopen(fd: int, *args: object, **kwargs: object) -> object:
        os.close(fd)
        return FullDisk()

    monkeypatch.setattr(os, "fdopen", full_fdopen)
    with private_work_dir(tmp_path) as work, pytest.raises(DiskFullError):
        decrypt_members(source, work, identities=[str(_IDENTITY)])
