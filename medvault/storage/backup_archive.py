"""Backup files on disk: a tar stream of the members inside the standard age format.

Writing streams the tar straight into the age encryptor, into a temp file next to the target
that is fsynced and renamed only when complete: a full disk or a vanished folder leaves no file
under the final name; a progress hook may stop it. Reading is in `backup_archive_reader`."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from medvault.core.backup_errors import (
    BackupCancelledError,
    BackupDamagedError,
    BackupFileExistsError,
    BackupFolderUnavailableError,
)
from medvault.core.errors import DiskFullError, DiskWriteError

_BLOCK = 512
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Member:
    """What goes into the tar: a name and either a file or small in-memory bytes."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def size(self) -> int:
        return len(self.data) if self.data is not None else self._path().stat().st_size

    def _path(self) -> Path:
        assert self.path is not None
        return self.path

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
            return
        with self._path().open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk


# -- tar stream -------------------------------------------------------------------------------


def _tar_header(name: str, size: int, mtime: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode, info.type = size, mtime, 0o600, tarfile.REGTYPE
    return info.tobuf(format=tarfile.USTAR_FORMAT, encoding="ascii", errors="strict")


# Told (bytes done, bytes in all) after each piece of the archive; False stops the writing.
Progress = Callable[[int, int], bool]


def _tar_pieces(
    members: Sequence[Member], mtime: int, progress: Progress | None = None
) -> Iterator[bytes]:
    sizes = [member.size() for member in members]
    total = sum(sizes)
    done = 0
    for member, size in zip(members, sizes, strict=True):
        yield _tar_header(member.name, size, mtime)
        written = 0
        for chunk in member.chunks():
            written += len(chunk)
            yield chunk
            done += len(chunk)
            if progress is not None and not progress(done, total):
                raise BackupCancelledError()
        if written != size:  # members are private copies or live files held still: a bug
            raise BackupDamagedError()
        yield b"\0" * (-size % _BLOCK)
    yield b"\0" * (2 * _BLOCK)  # end of archive


class _TarReader(io.RawIOBase):
    """A readable stream producing the tar on demand, so the age encryptor can pull from it."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._pending = b""
        # The first error while producing the tar (a cancel, a read error), which the age
        # library would otherwise turn into a message-only exception.
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            return self._readinto(buffer)
        except BaseException as exc:
            self.error = self.error or exc
            raise

    def _readinto(self, buffer: memoryview) -> int:
        while not self._pending:
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._pending = piece
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


class _Sink(io.RawIOBase):
    """Writes to the temp file and remembers the first OS error, which the age library would
    otherwise turn into a message-only exception."""

    def __init__(self, handle: io.BufferedWriter) -> None:
        self._handle = handle
        self.error: OSError | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        try:
            return _write_chunk(self._handle, data)
        except OSError as exc:
            self.error = self.error or exc
            raise


def _write_chunk(handle: io.BufferedWriter, data: bytes) -> int:
    return handle.write(data)


# -- writing ------------------------------------------------------------------------------------


def total_size(members: Sequence[Member]) -> int:
    return sum(member.size() for member in members)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _os_error(exc: OSError) -> Exception:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError()
    if exc.errno in (errno.EFBIG, errno.EIO):  # a FAT drive's 4 GiB limit, a failing drive
        return DiskWriteError()
    return BackupFolderUnavailableError()


def write_backup_file(
    target: Path,
    members: Sequence[Member],
    *,
    mtime: int,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Encrypt the tar of `members` to the age recipients (or to a passphrase alone: age
    allows no other recipient beside one) into `target`; returns the file size. `progress`
    may stop the writing (BackupCancelledError) up to the moment the file takes its name: the
    temp file is then removed and nothing is left."""
    if (passphrase is None) == (not recipients):
        raise ValueError("either recipients or a passphrase")
    if not target.parent.is_dir():
        raise BackupFolderUnavailableError()
    if target.exists():
        raise BackupFileExistsError()
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _os_error(exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            sink = _Sink(handle)
            tar = _TarReader(_tar_pieces(members, mtime, progress))
            try:
                _encrypt(tar, recipients, passphrase, sink)
            except (pyrage.EncryptError, OSError, ValueError) as exc:
                if tar.error is not None:
                    raise tar.error from None
                if sink.error is not None:
                    raise sink.error from None
                if isinstance(exc, OSError):
                    raise
                raise BackupFolderUnavailableError() from None
            handle.flush()
            os.fsync(handle.fileno())
        size = tmp.stat().st_size
        total = total_size(members)
        if progress is not None and not progress(total, total):
            raise BackupCancelledError()  # a last chance, before the file takes its name
        if target.exists():
            raise BackupFileExistsError()
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _os_error(exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return size


def _encrypt(
    tar: _TarReader, recipients: Sequence[str], passphrase: str | None, sink: _Sink
) -> None:
    stream = io.BufferedReader(tar, _CHUNK)
    if passphrase is not None:
        # The age library encrypts passphrase files in memory only: such copies are held whole.
        sink.write(age_passphrase.encrypt(stream.read(), passphrase))
        return
    keys = [x25519.Recipient.from_str(r) for r in recipients]
    pyrage.encrypt_io(stream, sink, keys)  # type: ignore[arg-type]


# -- reading ------------------------------------------------------------------------------------


@contextlib.contextmanager
def private_work_dir(
    parent: Path | None = None, prefix: str = ".medvault-backup-"
) -> Iterator[Path]:
    """A folder only this user can read, removed with everything in it afterwards."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        path.chmod(0o700)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
