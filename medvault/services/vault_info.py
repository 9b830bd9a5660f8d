"""What the login screen may show before unlocking: only what the header holds in clear."""

from __future__ import annotations

from pathlib import Path

from medvault.storage.header_store import load_header


def read_practice_name(directory: Path) -> str:
    """The practice name from vault.json (or its copy); raises VaultNotFoundError or
    HeaderDamagedError, both known errors."""
    return load_header(directory).header.practice_name
