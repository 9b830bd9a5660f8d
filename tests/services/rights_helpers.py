"""Helpers for the patient-rights tests: a clock the test moves, sessions opened with it, and
patients made through the real services."""

from __future__ import annotations

from datetime import UTC, date, datetime

from medvault.core.patient import PatientForm
from medvault.services.config import ServiceConfig
from medvault.services.patients import create_patient
from medvault.services.session import Session
from medvault.services.unlock import unlock
from tests.conftest import VaultInfo


class MovableClock:
    def __init__(self, day: date) -> None:
        self.moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def set(self, day: date) -> None:
        self.moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def open_with_clock(vault: VaultInfo, login: str, password: str, clock: MovableClock) -> Session:
    config = ServiceConfig(kdf=vault.config.kdf, clock=clock, policy=vault.config.policy)
    return unlock(vault.directory, login, password, config=config)


def new_patient(session: Session, name: str, birth: date, first: str = "Alice") -> int:
    saved = create_patient(
        session,
        PatientForm(birth_name=name, first_names=(first,), sex="F", birth_date=birth),
    )
    return saved.patient.id
