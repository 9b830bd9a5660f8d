"""Backup files on disk: a tar stream of the members inside the standard age format.

Writing streams the tar straight into the age encryptor, into a temp file next to the target
that is fsynced and renamed only when complete: a full disk or a vanished folder leaves no file
under the final name. Reading decrypts into a private temp folder and parses the tar strictly
(fixed names, regular files only, nothing after the end) while hashing each member."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from medvault.core.backup_errors import (
    BackupDamagedError,
    BackupFileExistsError,
    BackupFolderUnavailableError,
    BackupKeyError,
    BackupNeedsKeyError,
    BackupNeedsPassphraseError,
    NotABackupError,
)
from medvault.core.backup_manifest import (
    MANIFEST_NAME,
    OPTIONAL_MEMBERS,
    REQUIRED_MEMBERS,
)
from medvault.core.errors import DiskFullError

AGE_MAGIC = b"age-encryption.org/v1\n"
_BLOCK = 512
_CHUNK = 1024 * 1024
_MAX_AGE_HEADER = 64 * 1024
_ALLOWED_NAMES = {MANIFEST_NAME, *REQUIRED_MEMBERS, *OPTIONAL_MEMBERS}


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


@dataclass(frozen=True)
class ExtractedMember:
    name: str
    path: Path
    size: int
    sha256: str


# -- tar stream -------------------------------------------------------------------------------


def _tar_header(name: str, size: int, mtime: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode, info.type = size, mtime, 0o600, tarfile.REGTYPE
    return info.tobuf(format=tarfile.USTAR_FORMAT, encoding="ascii", errors="strict")


def _tar_pieces(members: Sequence[Member], mtime: int) -> Iterator[bytes]:
    for member in members:
        size = member.size()
        yield _tar_header(member.name, size, mtime)
        written = 0
        for chunk in member.chunks():
            written += len(chunk)
            yield chunk
        if written != size:  # members are private copies or live files held still: a bug
            raise BackupDamagedError()
        yield b"\0" * (-size % _BLOCK)
    yield b"\0" * (2 * _BLOCK)  # end of archive


class _TarReader(io.RawIOBase):
    """A readable stream producing the tar on demand, so the age encryptor can pull from it."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
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
    return BackupFolderUnavailableError()


def write_backup_file(
    target: Path,
    members: Sequence[Member],
    *,
    mtime: int,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
) -> int:
    """Encrypt the tar of `members` to the age recipients (or to a passphrase alone: age
    allows no other recipient beside one) into `target`; returns the file size."""
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
            try:
                _encrypt(members, mtime, recipients, passphrase, sink)
            except (pyrage.EncryptError, OSError, ValueError) as exc:
                if sink.error is not None:
                    raise sink.error from None
                if isinstance(exc, OSError):
                    raise
                raise BackupFolderUnavailableError() from None
            handle.flush()
            os.fsync(handle.fileno())
        size = tmp.stat().st_size
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
    members: Sequence[Member],
    mtime: int,
    recipients: Sequence[str],
    passphrase: str | None,
    sink: _Sink,
) -> None:
    stream = io.BufferedReader(_TarReader(_tar_pieces(members, mtime)), _CHUNK)
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


def _stanza_types(source: Path) -> set[str]:
    """Recipient types named in the age header, to say which secret the file wants."""
    try:
        with source.open("rb") as handle:
            head = handle.read(_MAX_AGE_HEADER)
    except FileNotFoundError:
        raise BackupFolderUnavailableError(
            fr="Le fichier de sauvegarde est introuvable.", en="The backup file was not found."
        ) from None
    except OSError:
        raise BackupFolderUnavailableError() from None
    if not head.startswith(AGE_MAGIC):
        raise NotABackupError()
    types: set[str] = set()
    for line in head.split(b"\n")[1:]:
        if line.startswith(b"---"):
            return types
        if line.startswith(b"-> "):
            types.add(line[3:].split(b" ", 1)[0].decode("ascii", "replace"))
    raise BackupDamagedError()


def decrypt_backup_file(
    source: Path,
    payload: Path,
    *,
    identities: Sequence[str] = (),
    passphrase: str | None = None,
) -> None:
    """Decrypt `source` into the new file `payload` (inside a private work folder). The payload
    is only trusted once this returns: age authenticates each chunk and the end of the file."""
    types = _stanza_types(source)
    if "scrypt" in types and passphrase is None:
        raise BackupNeedsPassphraseError()
    if "scrypt" not in types and passphrase is not None:
        raise BackupNeedsKeyError()
    keys = [x25519.Identity.from_str(i) for i in identities]
    fd = os.open(payload, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        try:
            if passphrase is not None:
                out.write(age_passphrase.decrypt(source.read_bytes(), passphrase))
            else:
                with source.open("rb") as inp:
                    pyrage.decrypt_io(inp, out, keys)
        except pyrage.DecryptError:
            # A wrong key, or a damaged header the identities cannot open: age cannot tell;
            # for passphrase copies (decrypted in one piece) neither can a damaged body.
            if passphrase is not None:
                raise BackupKeyError(
                    fr="Phrase de passe incorrecte, ou copie endommagée. Rien n'a été écrit.",
                    en="Wrong passphrase, or the copy is damaged. Nothing was written.",
                ) from None
            raise BackupKeyError() from None
        except (OSError, ValueError):
            raise BackupDamagedError() from None


def _read_exact(handle: io.BufferedReader, count: int) -> bytes:
    data = handle.read(count)
    if len(data) != count:
        raise BackupDamagedError()
    return data


def _copy_member(handle: io.BufferedReader, size: int, path: Path) -> str:
    sha = hashlib.sha256()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        left = size
        while left:
            chunk = _read_exact(handle, min(left, _CHUNK))
            sha.update(chunk)
            out.write(chunk)
            left -= len(chunk)
    return sha.hexdigest()


def extract_members(payload: Path, directory: Path) -> list[ExtractedMember]:
    """The members of a decrypted payload, written into `directory`, with their hashes."""
    found: list[ExtractedMember] = []
    with payload.open("rb") as handle:
        while True:
            block = _read_exact(handle, _BLOCK)
            if block == b"\0" * _BLOCK:
                break
            try:
                info = tarfile.TarInfo.frombuf(block, "ascii", "strict")
            except (tarfile.TarError, UnicodeDecodeError):
                raise BackupDamagedError() from None
            names = {m.name for m in found}
            if (
                info.type != tarfile.REGTYPE
                or info.name not in _ALLOWED_NAMES
                or info.name in names
            ):
                raise BackupDamagedError()
            if not found and info.name != MANIFEST_NAME:
                raise BackupDamagedError()
            path = directory / info.name
            digest = _copy_member(handle, info.size, path)
            _read_exact(handle, -info.size % _BLOCK)
            found.append(ExtractedMember(info.name, path, info.size, digest))
        # The end: zero blocks only, nothing hidden after them.
        while chunk := handle.read(_CHUNK):
            if chunk.count(0) != len(chunk):
                raise BackupDamagedError()
    return found
