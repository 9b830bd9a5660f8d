"""vault.json on disk: written atomically (temp file, fsync, rename, fsync of the directory) and
kept twice, as a LUKS header is, because losing it loses every key."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from medvault.core.errors import (
    DiskFullError,
    HeaderDamagedError,
    KnownError,
    VaultNotFoundError,
)
from medvault.core.header import VaultHeader, parse_header

HEADER_NAME = "vault.json"
HEADER_COPY_NAME = "vault.json.copy"
_MAX_HEADER_BYTES = 1024 * 1024


@dataclass(frozen=True)
class LoadedHeader:
    header: VaultHeader
    primary_ok: bool
    copy_ok: bool

    @property
    def needs_repair(self) -> bool:
        return not (self.primary_ok and self.copy_ok)


def _read(path: Path) -> VaultHeader | None:
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_HEADER_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError:
        return None
    if len(data) > _MAX_HEADER_BYTES:
        return None
    try:
        return parse_header(data)
    except HeaderDamagedError:
        return None


def is_vault_dir(directory: Path) -> bool:
    return (directory / HEADER_NAME).exists() or (directory / HEADER_COPY_NAME).exists()


def load_header(directory: Path) -> LoadedHeader:
    """The primary header, or its copy when the primary is damaged; a clear error if neither."""
    if not directory.is_dir() or not is_vault_dir(directory):
        raise VaultNotFoundError()
    primary = _read(directory / HEADER_NAME)
    copy = _read(directory / HEADER_COPY_NAME)
    if primary is not None:
        return LoadedHeader(primary, True, copy == primary)
    if copy is not None:
        return LoadedHeader(copy, False, True)
    raise HeaderDamagedError()


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return  # directories cannot be opened for fsync on Windows
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_error(exc: OSError) -> KnownError:
    if exc.errno == errno.ENOSPC:
        return DiskFullError()
    return KnownError(
        fr="Impossible d'écrire l'en-tête du coffre (droits ou disque).",
        en="Could not write the vault header (permissions or disk).",
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Temp file in the same directory, fsync, rename over the target, fsync the directory."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # a read-only folder fails here already
        raise _write_error(exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _write_error(exc) from exc


def save_header(directory: Path, header: VaultHeader) -> None:
    """Primary first, then the copy: after a crash the primary is never older than the copy."""
    data = header.to_bytes()
    write_atomically(directory / HEADER_NAME, data)
    write_atomically(directory / HEADER_COPY_NAME, data)
