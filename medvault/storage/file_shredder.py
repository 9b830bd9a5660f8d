"""Overwrite-then-unlink of a plaintext file (an original swept into the vault, an unfinished
export). A disk-level operation like header_store's atomic writes, so it lives in storage, beside
them; services decide when a file may go.

Best effort only: SSD wear levelling, copy-on-write filesystems, snapshots, backups and cloud
sync can keep earlier copies of the content (see docs/DESKTOP_SWEEP.md)."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

_BLOCK = 1024 * 1024


def _open_flags() -> int:
    flags = os.O_WRONLY
    # Never follow a link planted in place of the file: only the file itself is overwritten.
    flags |= getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    return flags


def fsync_directory(directory: Path) -> None:
    """Make a rename or unlink durable (not possible, nor needed, on Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def shred_file(path: Path) -> None:
    """Overwrite the whole content once with random bytes, fsync, then unlink.

    Raises OSError (the file is then left in place, possibly partly overwritten) if it cannot be
    opened for writing, is not a regular file, or the write fails."""
    fd = os.open(path, _open_flags())
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise IsADirectoryError("not a regular file")
        remaining = info.st_size
        while remaining > 0:
            block = os.urandom(min(_BLOCK, remaining))
            written = os.write(fd, block)
            if written <= 0:
                raise OSError("write failed")
            remaining -= written
        os.fsync(fd)
    finally:
        os.close(fd)
    os.unlink(path)
    fsync_directory(path.parent)
