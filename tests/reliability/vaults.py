"""Vaults for the reliability suite, made the same way as the `vault` fixture but usable outside
pytest too (the long profile and the writer process)."""

from __future__ import annotations

from pathlib import Path

from medvault.core.kdf import KdfProfile
from medvault.core.permissions import Role
from medvault.services import users
from medvault.services.config import ServiceConfig
from medvault.services.vault_create import create_vault
from tests.conftest import (
    CHEAP_KDF,
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)


def cheap_config() -> ServiceConfig:
    return ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))


def make_vault(directory: Path) -> VaultInfo:
    """A fresh vault with one practitioner and one receptionist (password already changed)."""
    config = cheap_config()
    created = create_vault(
        directory,
        practice_name="Cabinet du Parc",
        login=PRACTITIONER_LOGIN,
        display_name="Dr Claire Martin",
        password=PRACTITIONER_PASSWORD,
        config=config,
    )
    info = VaultInfo(directory, created.recovery_code, config)
    with info.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        initial = users.add_user(
            session, login=RECEPTIONIST_LOGIN, display_name="Accueil", role=Role.RECEPTIONIST
        )
    with info.unlock(RECEPTIONIST_LOGIN, initial) as session:
        users.change_own_password(session, current=initial, new=RECEPTIONIST_PASSWORD)
    return info
