"""I/O fault injection for the parent side: run an operation in a child process under a fault
and look at what it left; a small real filesystem that fills up."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo

REPO_ROOT = Path(__file__).resolve().parents[2]
VAULT_NAMES = {"vault.json", "vault.json.copy", "admin.db", "clinical.db", "vault.lock"}
VAULT_NAMES |= {
    f"{db}{suffix}" for db in ("admin.db", "clinical.db") for suffix in ("-wal", "-shm")
}


def run_operation(
    fault: str, operation: str, vault: VaultInfo, scratch: Path, backups: Path
) -> dict[str, Any]:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.reliability.fault_child",
            fault,
            operation,
            str(vault.directory),
            str(scratch),
            str(backups),
            PRACTITIONER_PASSWORD,
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return dict(json.loads(completed.stdout.splitlines()[-1]))


@dataclass(frozen=True)
class VaultState:
    patients: frozenset[tuple[int, str]]
    consultations: int
    documents: int
    check_ok: bool


def vault_state(vault: VaultInfo) -> VaultState:
    """What the vault holds, after a full check (opened and closed again)."""
    from medvault.services.checks import check_vault

    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        rows = session.admin_db.execute("SELECT id, birth_name FROM patients").fetchall()
        clinical = session.clinical_db
        notes = clinical.execute("SELECT count(*) FROM consultations").fetchone()[0]
        docs = clinical.execute("SELECT count(*) FROM documents").fetchone()[0]
        ok = check_vault(session).ok
    return VaultState(frozenset((int(i), str(n)) for i, n in rows), int(notes), int(docs), ok)


def stray_files(vault: VaultInfo) -> list[str]:
    """Files in the vault folder that are not the vault's own (temp files left behind)."""
    return sorted(p.name for p in vault.directory.iterdir() if p.name not in VAULT_NAMES)


def can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


@contextlib.contextmanager
def small_disk(mount_point: Path, size_kib: int) -> Iterator[Path]:
    """A real tmpfs of `size_kib`, so writes fail with ENOSPC as on a full disk (root only)."""
    mount_point.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(mount_point)],
        check=True,
        capture_output=True,
    )
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)


def fill(disk: Path, leave_kib: int) -> Path:
    """Fill the filesystem but `leave_kib`; returns the filler file (delete it to free space)."""
    filler = disk / "filler.bin"
    stats = os.statvfs(disk)
    free = stats.f_bavail * stats.f_frsize
    with filler.open("wb") as out:
        out.write(b"\0" * max(free - leave_kib * 1024, 0))
    return filler
