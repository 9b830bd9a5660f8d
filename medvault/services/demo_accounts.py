"""The demo vault's accounts, apart from the demo data generator so that the login window can
show them without loading it."""

from __future__ import annotations

from dataclasses import dataclass

from medvault.core.permissions import Role


@dataclass(frozen=True)
class DemoAccount:
    login: str
    display_name: str
    password: str
    role: Role


# Public on purpose (README, command output): a demo vault holds no real data.
DEMO_PRACTITIONER = DemoAccount(
    "dr.demo", "Dr Camille Démo", "Tilleul-Braise-Corail-48!", Role.PRACTITIONER
)
DEMO_RECEPTIONIST = DemoAccount(
    "accueil.demo", "Accueil (démo)", "Mimosa+Ardoise+Falaise+73", Role.RECEPTIONIST
)
DEMO_PRACTICE_NAME = "Cabinet de démonstration"
