"""Small helpers shared by tests."""

from __future__ import annotations

from pathlib import Path

from medvault.storage.vault_lock import LOCK_NAME


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file's bytes (the lock file excluded: it is only an OS lock handle)."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != LOCK_NAME
    }
