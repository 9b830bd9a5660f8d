"""Shared fixtures: real SQLCipher vaults on tmp_path, real Argon2id with a cheap profile."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from medvault.core.kdf import Argon2Params, KdfProfile
from medvault.core.permissions import Role
from medvault.services import users
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock
from medvault.services.vault_create import create_vault

# Argon2id at 64 KiB / 1 pass: the same code path as the product, at a cost tests can afford.
CHEAP_KDF = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)
PRACTITIONER_LOGIN = "dr.martin"
PRACTITIONER_PASSWORD = "Ortie-Gravier-7-Lune!"
RECEPTIONIST_LOGIN = "accueil"
RECEPTIONIST_PASSWORD = "Saule+Brique+42+Nuage"


@pytest.fixture
def config() -> ServiceConfig:
    return ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))


@pytest.fixture
def collect_on_main_thread() -> Iterator[None]:
    """What the application's MainThreadCollector does, for one test that builds widgets:
    widgets left in reference cycles are freed here, on the GUI thread, never by a collection
    that a worker thread (of this test or of a later one) happens to trigger."""
    enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if enabled:
        gc.enable()


@dataclass
class VaultInfo:
    directory: Path
    recovery_code: str
    config: ServiceConfig

    def unlock(self, login: str, password: str) -> Session:
        return unlock(self.directory, login, password, config=self.config)


@pytest.fixture
def vault(tmp_path: Path, config: ServiceConfig) -> VaultInfo:
    """A fresh vault with one practitioner and one receptionist (password already changed)."""
    directory = tmp_path / "Cabinet.medvault"
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


@pytest.fixture
def practitioner(vault: VaultInfo) -> Iterator[Session]:
    session = vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    yield session
    session.close()


@pytest.fixture
def receptionist(vault: VaultInfo) -> Iterator[Session]:
    session = vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    yield session
    session.close()
