"""Reading backup files: the age stream is decrypted straight into a strict tar reader (fixed
names, regular files only, zero padding, nothing after the end) that writes each member into a
private temp folder and hashes it on the way. No decrypted copy of the whole archive is
written; the members are trusted only once age has authenticated the end of the stream."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from medvault.core.backup_errors import (
    BackupDamagedError,
    BackupFolderUnavailableError,
    BackupKeyError,
    BackupNeedsKeyError,
    BackupNeedsPassphraseError,
    NotABackupError,
)
from medvault.core.backup_manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
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
class ExtractedMember:
    name: str
    path: Path
    size: int
    sha256: str


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


def decrypt_members(
    source: Path,
    directory: Path,
    *,
    identities: Sequence[str] = (),
    passphrase: str | None = None,
) -> list[ExtractedMember]:
    """Decrypt `source` and write its members into `directory` (a private work folder) in one
    pass: the decrypted stream goes straight into the strict tar reader, which hashes each
    member as it writes it; no decrypted copy of the whole archive is ever written. The members
    are only trusted once this returns: age authenticates each chunk as it goes, and the end
    of the file (no truncation) only at the end."""
    types = _stanza_types(source)
    if "scrypt" in types and passphrase is None:
        raise BackupNeedsPassphraseError()
    if "scrypt" not in types and passphrase is not None:
        raise BackupNeedsKeyError()
    keys = [x25519.Identity.from_str(i) for i in identities]
    extractor = _TarExtractor(directory)
    try:
        if passphrase is not None:
            # The age library decrypts passphrase files in memory only.
            extractor.write(age_passphrase.decrypt(source.read_bytes(), passphrase))
        else:
            with source.open("rb", buffering=_CHUNK) as inp:
                pyrage.decrypt_io(inp, extractor, keys)  # type: ignore[arg-type]
    except pyrage.DecryptError:
        if extractor.error is not None:
            raise extractor.error from None
        # A wrong key, or a damaged header the identities cannot open: age cannot tell;
        # for passphrase copies (decrypted in one piece) neither can a damaged body.
        if passphrase is not None:
            raise BackupKeyError(
                fr="Phrase de passe incorrecte, ou copie endommagée. Rien n'a été écrit.",
                en="Wrong passphrase, or the copy is damaged. Nothing was written.",
            ) from None
        raise BackupKeyError() from None
    except (OSError, ValueError) as exc:
        if extractor.error is not None:
            raise extractor.error from None
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError() from None
        raise BackupDamagedError() from None
    finally:
        extractor.close_member()
    return extractor.finish()


def extract_members(payload: Path, directory: Path) -> list[ExtractedMember]:
    """The members of an already decrypted tar file, written into `directory`, with their
    hashes (the same strict reader as `decrypt_members`)."""
    extractor = _TarExtractor(directory)
    try:
        with payload.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                extractor.write(chunk)
    finally:
        extractor.close_member()
    return extractor.finish()


class _TarExtractor(io.RawIOBase):
    """A writable stream that parses the tar as it arrives: fixed names, regular files only,
    the manifest first and small, nothing but zero blocks after the end. Each member goes to
    its own new file, hashed on the way. The first error is kept in `error` (the age library
    would turn it into a message-only exception) and raised again by the caller."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._header = bytearray()  # the next 512-byte block, while incomplete
        self._skip = 0  # zero padding after a member, still to come
        self._left = 0  # bytes of the current member still to come
        self._out: BinaryIO | None = None
        self._sha = hashlib.sha256()
        self._current: tarfile.TarInfo | None = None
        self._ended = False
        self.found: list[ExtractedMember] = []
        self.error: BaseException | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.error is not None:
            raise self.error
        try:
            self._feed(memoryview(data).cast("B"))
        except BaseException as exc:
            self.error = _known(exc)
            raise self.error from None
        return len(data)

    def _feed(self, view: memoryview) -> None:
        while view:
            if self._ended:
                if view.tobytes().count(0) != len(view):  # something hidden after the end
                    raise BackupDamagedError()
                return
            if self._left:
                count = min(self._left, len(view))
                piece = view[:count]
                self._sha.update(piece)
                assert self._out is not None
                self._out.write(piece)
                self._left -= count
                view = view[count:]
                if not self._left:
                    self._end_member()
            elif self._skip:
                count = min(self._skip, len(view))
                if view[:count].tobytes().count(0) != count:
                    raise BackupDamagedError()
                self._skip -= count
                view = view[count:]
            else:
                count = min(_BLOCK - len(self._header), len(view))
                self._header += view[:count]
                view = view[count:]
                if len(self._header) == _BLOCK:
                    block, self._header = bytes(self._header), bytearray()
                    self._start_member(block)

    def _start_member(self, block: bytes) -> None:
        if block == b"\0" * _BLOCK:
            self._ended = True
            return
        try:
            info = tarfile.TarInfo.frombuf(block, "ascii", "strict")
        except (tarfile.TarError, UnicodeDecodeError):
            raise BackupDamagedError() from None
        if (
            info.type != tarfile.REGTYPE
            or info.name not in _ALLOWED_NAMES
            or info.name in {m.name for m in self.found}
            or (not self.found and info.name != MANIFEST_NAME)
            or (info.name == MANIFEST_NAME and info.size > MAX_MANIFEST_BYTES)
        ):
            raise BackupDamagedError()
        fd = os.open(self._directory / info.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._out = os.fdopen(fd, "wb", buffering=_CHUNK)
        self._sha = hashlib.sha256()
        self._current = info
        self._left = info.size
        if not self._left:
            self._end_member()

    def _end_member(self) -> None:
        info = self._current
        assert info is not None
        self.close_member()
        self.found.append(
            ExtractedMember(
                info.name, self._directory / info.name, info.size, self._sha.hexdigest()
            )
        )
        self._current = None
        self._skip = -info.size % _BLOCK

    def close_member(self) -> None:
        if self._out is not None:
            out, self._out = self._out, None
            out.close()

    def finish(self) -> list[ExtractedMember]:
        """The members, once the whole stream was written: it must have ended properly."""
        if self.error is not None:
            raise self.error
        if not self._ended or self._current is not None:
            raise BackupDamagedError()
        return self.found


def _known(exc: BaseException) -> BaseException:
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFullError()
        return BackupFolderUnavailableError()
    return exc
