"""Small helpers shared by the medvault-admin tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def line_after(self, prefix: str) -> str:
        """The rest of the one output line that starts with prefix."""
        found = [ln[len(prefix) :] for ln in self.out.splitlines() if ln.startswith(prefix)]
        assert len(found) == 1, self.out
        return found[0]


RunCli = Callable[..., Result]


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file of a vault but the lock file, whose presence says nothing about the data."""
    return {
        p.name: p.read_bytes()
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != "vault.lock"
    }
