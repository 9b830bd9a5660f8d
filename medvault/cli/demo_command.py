"""medvault-admin demo: a new vault filled with synthetic patients, to try medvault or to see it
at the scale of a large practice. Its two accounts have public passwords, printed here and
written in the README: a demo vault must never receive real data."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Protocol, TextIO

from medvault.cli.output import printable, say
from medvault.core.errors import VaultExistsError
from medvault.services.config import ServiceConfig
from medvault.services.demo_accounts import DemoAccount
from medvault.services.demo_data import (
    DEFAULT_PATIENTS,
    DEFAULT_SEED,
    MAX_PATIENTS,
    create_demo_vault,
)

EXIT_OK = 0


class CommandRun(Protocol):
    args: argparse.Namespace
    config: ServiceConfig
    out: TextIO


def _patient_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_PATIENTS:
        raise argparse.ArgumentTypeError(
            f"entier de 1 à {MAX_PATIENTS} attendu / a whole number from 1 to {MAX_PATIENTS}"
        )
    return value


def _account_line(label: str, account: DemoAccount) -> str:
    return f"  {label:<28} {account.login:<14} {account.password}"


def _cmd_demo(run: CommandRun) -> int:
    args = run.args
    directory: Path = args.vault
    # Refuse at once, before minutes of work; create_demo_vault checks again.
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise VaultExistsError()
    started = time.perf_counter()
    demo = create_demo_vault(directory, config=run.config, patients=args.patients, seed=args.seed)
    elapsed = time.perf_counter() - started
    out, contents = run.out, demo.contents
    say(
        out,
        f"Coffre de démonstration créé : {printable(str(demo.directory))}",
        f"Demo vault created: {printable(str(demo.directory))}",
    )
    print(file=out)
    print(f"Code de secours : {demo.recovery_code}", file=out)
    print(f"Recovery code: {demo.recovery_code}", file=out)
    print(file=out)
    say(
        out,
        "Ce code n'est affiché qu'une seule fois et n'est enregistré nulle part.",
        "This code is shown only once and is not stored anywhere.",
    )
    print(file=out)
    print(
        "Comptes de démonstration / Demo accounts (identifiant / login, mot de passe / password):",
        file=out,
    )
    print(_account_line("Praticien / Practitioner:", demo.practitioner), file=out)
    print(_account_line("Accueil / Receptionist:", demo.receptionist), file=out)
    say(
        out,
        "Ces mots de passe sont publics : n'enregistrez jamais de vraies données dans ce coffre.",
        "These passwords are public: never put real data in this vault.",
    )
    print(file=out)
    say(
        out,
        f"{contents.patients} patients, {contents.appointments} rendez-vous, "
        f"{contents.clinical_entries} éléments cliniques, {contents.consultations} consultations, "
        f"{contents.admin_documents + contents.clinical_documents} documents "
        f"(graine {args.seed}) en {elapsed:.1f} s.",
        f"{contents.patients} patients, {contents.appointments} appointments, "
        f"{contents.clinical_entries} clinical entries, {contents.consultations} consultations, "
        f"{contents.admin_documents + contents.clinical_documents} documents "
        f"(seed {args.seed}) in {elapsed:.1f} s.",
    )
    out.flush()
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `demo` to medvault-admin (it needs no session: it makes a new vault)."""
    help_text = (
        "créer un NOUVEAU coffre de démonstration rempli de patients fictifs, avec deux comptes "
        "aux mots de passe publics / create a NEW demo vault filled with synthetic patients, "
        "with two accounts whose passwords are public"
    )
    demo = commands.add_parser("demo", help=help_text, description=help_text)
    demo.add_argument("vault", type=Path, metavar="VAULT", help="nouveau dossier / new folder")
    demo.add_argument(
        "--patients",
        type=_patient_count,
        default=DEFAULT_PATIENTS,
        metavar="N",
        help=f"nombre de patients / number of patients (défaut / default {DEFAULT_PATIENTS})",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help="graine : la même graine donne les mêmes patients / seed: the same seed gives the "
        f"same patients (défaut / default {DEFAULT_SEED})",
    )
    demo.set_defaults(handler=_cmd_demo, password_stdin=False)
