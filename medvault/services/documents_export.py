"""Export of a stored document to a file the user chose: the one deliberate way plaintext leaves
the vault, so it is audited (EXPORT) and never overwrites anything.

The content goes to a private temp file in the target folder, is checked against its SHA-256,
synced, then linked to the chosen name, which fails if that name exists. An unfinished temp file
is overwritten and removed."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.documents import (
    DocumentInfo,
    DocumentKind,
    ExportTargetError,
    ExportTargetExistsError,
)
from medvault.core.errors import DiskFullError, DiskWriteError, KnownError
from medvault.services import documents_ops
from medvault.services.session import Session
from medvault.storage.file_shredder import fsync_directory, shred_file


def place_without_overwrite(temp: Path, target: Path) -> None:
    """Give the finished temp file its final name unless that name is taken."""
    if os.name == "nt":
        os.rename(temp, target)  # refuses an existing target on Windows
        return
    try:
        os.link(temp, target)  # atomic, and fails if the target exists
    except FileExistsError:
        raise
    except OSError:
        # Filesystems without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "target exists") from None
        os.rename(temp, target)
        return
    os.unlink(temp)


def _write_temp(session: Session, info: DocumentInfo, folder: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".medvault-export-", suffix=".part")
    except OSError:
        raise ExportTargetError() from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in documents_ops.content_chunks(session, info):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        _discard(temp)
        raise
    return temp


def _discard(temp: Path) -> None:
    # Plaintext, possibly partial: overwrite before removing; at worst just remove.
    try:
        shred_file(temp)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def export_os_error(exc: OSError) -> KnownError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError()
    if exc.errno in (errno.EFBIG, errno.EIO):  # a FAT drive's 4 GiB limit, a failing drive
        return DiskWriteError()
    return ExportTargetError()


def export(session: Session, kind: DocumentKind, document_id: int, target: Path) -> Path:
    """Write the document to `target` (a new file) and return its path."""
    target = Path(target)
    info = documents_ops.require_document(session, kind, document_id)
    if os.path.lexists(target):
        raise ExportTargetExistsError()
    folder = target.parent
    if not folder.is_dir():
        raise ExportTargetError()
    try:
        temp = _write_temp(session, info, folder)
    except OSError as exc:
        raise export_os_error(exc) from None
    event = AuditEvent(
        AuditAction.EXPORT,
        documents_ops.area_of(kind),
        patient_id=str(info.patient_id),
        target=info.audit_target,
    )
    placed = False
    try:
        # The audit record and the file appear together: if either fails, neither stays.
        with session.admin_transaction():
            session.audit(event)
            place_without_overwrite(temp, target)
            placed = True
    except FileExistsError:
        raise ExportTargetExistsError() from None
    except OSError as exc:
        raise export_os_error(exc) from None
    except BaseException:
        if placed:
            _discard(target)
        raise
    finally:
        if temp.exists():
            _discard(temp)
    fsync_directory(folder)
    return target
