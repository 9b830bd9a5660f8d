"""The demo vault: a throwaway vault with no real data, so a practice can try medvault.

Its password is public on purpose (the login screen shows it); nothing else may use it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from medvault.core.errors import VaultExistsError
from medvault.services.config import ServiceConfig
from medvault.services.vault_create import create_vault
from medvault.storage.header_store import is_vault_dir

DEMO_LOGIN = "demo"
DEMO_PASSWORD = "Cabinet-Demo-Soleil-2026!"  # noqa: S105 - public on purpose, see above
DEMO_PRACTICE_NAME = "Cabinet de démonstration"
DEMO_DISPLAY_NAME = "Dr Démo"
DEMO_DIR_NAME = "Demo.medvault"


def default_demo_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME/medvault/demo/Demo.medvault, or ~/.local/share/... when unset."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME", "")
    # The XDG spec says relative values are invalid and must be ignored.
    data_home = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local/share"
    return data_home / "medvault" / "demo" / DEMO_DIR_NAME


def ensure_demo_vault(directory: Path, config: ServiceConfig) -> Path:
    """Create the demo vault the first time; afterwards return it untouched. Never writes over
    anything: an existing path that is not a vault raises VaultExistsError."""
    if directory.exists() or directory.is_symlink():
        if directory.is_dir() and is_vault_dir(directory):
            return directory
        raise VaultExistsError()
    directory.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    create_vault(
        directory,
        practice_name=DEMO_PRACTICE_NAME,
        login=DEMO_LOGIN,
        display_name=DEMO_DISPLAY_NAME,
        password=DEMO_PASSWORD,
        config=config,
    )
    return directory
