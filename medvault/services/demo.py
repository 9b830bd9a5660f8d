"""The demo vault: a throwaway vault of synthetic patients, so a practice can try medvault.

Its passwords are public on purpose (the login screen shows the practitioner's, the README lists
both accounts); nothing else may use them."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from medvault.core.errors import VaultExistsError
from medvault.core.permissions import Role
from medvault.services import demo_accounts
from medvault.services.config import ServiceConfig
from medvault.services.demo_accounts import DEMO_RECEPTIONIST, DemoAccount
from medvault.services.demo_data import create_demo_vault
from medvault.storage.header_store import is_vault_dir

DEMO_LOGIN = "demo"
DEMO_PASSWORD = "Cabinet-Demo-Soleil-2026!"  # noqa: S105 - public on purpose, see above
DEMO_PRACTICE_NAME = demo_accounts.DEMO_PRACTICE_NAME
DEMO_DISPLAY_NAME = "Dr Démo"
DEMO_DIR_NAME = "Demo.medvault"
DEMO_PATIENTS = 300  # enough to scroll, search and fill an agenda; made in a few seconds
DEMO_SEED = 2026
DEMO_PRACTITIONER = DemoAccount(DEMO_LOGIN, DEMO_DISPLAY_NAME, DEMO_PASSWORD, Role.PRACTITIONER)


def default_demo_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME/medvault/demo/Demo.medvault, or ~/.local/share/... when unset."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME", "")
    # The XDG spec says relative values are invalid and must be ignored.
    data_home = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local/share"
    return data_home / "medvault" / "demo" / DEMO_DIR_NAME


def ensure_demo_vault(
    directory: Path, config: ServiceConfig, *, patients: int = DEMO_PATIENTS
) -> Path:
    """Create the demo vault the first time, filled with `patients` synthetic patients and a
    receptionist account; afterwards return it untouched. Never writes over anything: an
    existing path that is not a vault raises VaultExistsError."""
    if directory.exists() or directory.is_symlink():
        if directory.is_dir() and is_vault_dir(directory):
            return directory
        raise VaultExistsError()
    directory.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    create_demo_vault(
        directory,
        config=config,
        patients=patients,
        seed=DEMO_SEED,
        practitioner=DEMO_PRACTITIONER,
        receptionist=DEMO_RECEPTIONIST,  # the same desk account as medvault-admin demo
        practice_name=DEMO_PRACTICE_NAME,
    )
    return directory


_TEMP_PREFIX = "medvault-demo-"


def create_temporary_demo_vault(config: ServiceConfig, *, root: Path | None = None) -> Path:
    """A fresh demo vault in a new private temporary folder (what `medvault --demo` opens);
    remove it with remove_temporary_demo_vault when the application quits."""
    parent = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=root))  # created 0700
    try:
        return ensure_demo_vault(parent / DEMO_DIR_NAME, config)
    except BaseException:
        shutil.rmtree(parent, ignore_errors=True)
        raise


def remove_temporary_demo_vault(directory: Path) -> None:
    """Delete a vault made by create_temporary_demo_vault, and only such a vault."""
    parent = directory.parent
    if directory.name == DEMO_DIR_NAME and parent.name.startswith(_TEMP_PREFIX):
        shutil.rmtree(parent, ignore_errors=True)
