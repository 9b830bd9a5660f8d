"""What the desktop sweep finds in a folder, and why it leaves some files alone. Reads only
(file metadata and the first bytes of each file, for its type); never writes."""

from __future__ import annotations

import enum
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from medvault.core.documents import MAGIC_BYTES_NEEDED, MAX_DOCUMENT_BYTES, guess_media_type


class SkipReason(enum.StrEnum):
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    SYMLINK = "symlink"
    TOO_LARGE = "too_large"
    HIDDEN = "hidden"
    SYSTEM = "system"
    NOT_A_FILE = "not_a_file"
    VAULT = "vault"
    NO_PATIENT = "no_patient"
    PATIENT_UNAVAILABLE = "patient_unavailable"


SKIP_LABELS: dict[SkipReason, tuple[str, str]] = {
    SkipReason.EMPTY: ("Fichier vide", "Empty file"),
    SkipReason.UNREADABLE: ("Fichier illisible (protégé ou en cours d'utilisation)", "Unreadable"),
    SkipReason.SYMLINK: ("Lien symbolique (non suivi)", "Symbolic link (not followed)"),
    SkipReason.TOO_LARGE: ("Fichier de plus de 2 Gio", "File larger than 2 GiB"),
    SkipReason.HIDDEN: ("Fichier ou dossier caché", "Hidden file or folder"),
    SkipReason.SYSTEM: ("Fichier système ou temporaire", "System or temporary file"),
    SkipReason.NOT_A_FILE: ("Pas un fichier ordinaire", "Not a regular file"),
    SkipReason.VAULT: ("Fichier d'un coffre medvault", "A medvault vault's file"),
    SkipReason.NO_PATIENT: ("Aucun patient désigné", "No patient given for this file"),
    SkipReason.PATIENT_UNAVAILABLE: (
        "Patient inconnu ou supprimé",
        "Unknown or deleted patient",
    ),
}

# Files every desktop collects that are nobody's document.
_SYSTEM_FILE_NAMES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
_SYSTEM_DIR_NAMES = frozenset(
    {"$recycle.bin", "system volume information", "__macosx", "recycler", "found.000"}
)
_WINDOWS_HIDDEN = 0x2
_WINDOWS_SYSTEM = 0x4
_MACOS_UF_HIDDEN = 0x8000
VAULT_SUFFIX = ".medvault"


@dataclass(frozen=True)
class ScannedFile:
    path: Path
    size: int
    media_type: str
    skip: SkipReason | None


def _hidden_or_system(name: str, info: os.stat_result, *, is_dir: bool) -> SkipReason | None:
    lowered = name.lower()
    attributes = getattr(info, "st_file_attributes", 0)
    if lowered in (_SYSTEM_DIR_NAMES if is_dir else _SYSTEM_FILE_NAMES) or name.startswith("~$"):
        return SkipReason.SYSTEM  # ~$name.docx: an office lock file
    if attributes & _WINDOWS_SYSTEM:
        return SkipReason.SYSTEM
    if name.startswith(".") or attributes & _WINDOWS_HIDDEN:
        return SkipReason.HIDDEN  # .DS_Store, ._name (AppleDouble), .~lock files
    if getattr(info, "st_flags", 0) & _MACOS_UF_HIDDEN:
        return SkipReason.HIDDEN
    return None


def _read_head(path: Path) -> bytes | None:
    try:
        with path.open("rb") as stream:
            return stream.read(MAGIC_BYTES_NEEDED)
    except OSError:
        return None


def _classify_file(path: Path, info: os.stat_result) -> ScannedFile:
    size = info.st_size
    if not stat.S_ISREG(info.st_mode):
        return ScannedFile(path, 0, "", SkipReason.NOT_A_FILE)
    if size == 0:
        return ScannedFile(path, 0, "", SkipReason.EMPTY)
    if size > MAX_DOCUMENT_BYTES:
        return ScannedFile(path, size, "", SkipReason.TOO_LARGE)
    head = _read_head(path)
    if head is None:
        return ScannedFile(path, size, "", SkipReason.UNREADABLE)
    return ScannedFile(path, size, guess_media_type(path.name, head), None)


def _is_vault_dir(path: Path, vault_directory: Path) -> bool:
    return path.name.lower().endswith(VAULT_SUFFIX) or path == vault_directory


def scan_folder(folder: Path, *, recursive: bool, vault_directory: Path) -> list[ScannedFile]:
    """Every entry worth reporting, sorted by path. Links are never followed; hidden, system and
    vault folders are reported once and not entered."""
    found: list[ScannedFile] = []
    pending = [folder]
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            found.append(ScannedFile(directory, 0, "", SkipReason.UNREADABLE))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                found.append(ScannedFile(path, 0, "", SkipReason.UNREADABLE))
                continue
            is_dir = stat.S_ISDIR(info.st_mode)
            if is_dir and not recursive:
                continue
            reason = _hidden_or_system(entry.name, info, is_dir=is_dir)
            if reason is None and stat.S_ISLNK(info.st_mode):
                reason = SkipReason.SYMLINK
            if reason is None and is_dir and _is_vault_dir(path, vault_directory):
                reason = SkipReason.VAULT
            if reason is not None:
                found.append(ScannedFile(path, 0 if is_dir else info.st_size, "", reason))
            elif is_dir:
                pending.append(path)
            else:
                found.append(_classify_file(path, info))
    return sorted(found, key=lambda f: str(f.path))
