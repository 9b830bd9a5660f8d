"""medvault-admin: headless administration of a vault (creation, accounts, keys, checks).

Exit codes: 0 success; 1 the vault check found a problem; 2 any other error the user can fix
(wrong password, bad input, vault busy...). Passwords are never taken from arguments or the
environment: see medvault.cli.passwords."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from medvault import __version__
from medvault.cli import backup_commands, demo_command, keys_commands
from medvault.cli.output import (
    USER_COLUMNS,
    format_table,
    print_problems,
    printable,
    report_error,
    say,
    user_rows,
)
from medvault.cli.passwords import PasswordReader
from medvault.core.errors import (
    AuditChainBrokenError,
    DatabaseDamagedError,
    DatabaseKeyMismatchError,
    HeaderDamagedError,
    KnownError,
    VaultExistsError,
)
from medvault.core.permissions import Role
from medvault.core.process_hardening import disable_core_dumps
from medvault.services import users
from medvault.services.checks import check_vault
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock, unlock_with_recovery_code
from medvault.services.vault_create import create_vault

PROG = "medvault-admin"
EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_ERROR = 2

# When the vault cannot even be opened because of these, `check` reports a failed check.
_DAMAGE_ERRORS = (
    DatabaseDamagedError,
    DatabaseKeyMismatchError,
    HeaderDamagedError,
    AuditChainBrokenError,
)


@dataclass
class _Run:
    args: argparse.Namespace
    config: ServiceConfig
    passwords: PasswordReader
    out: TextIO
    err: TextIO


Handler = Callable[[_Run], int]


def _unlock(run: _Run, password: str | None = None) -> Session:
    args = run.args
    if password is None:
        password = run.passwords.read(f"Mot de passe de {args.as_login} / Password: ")
    return unlock(args.vault, args.as_login, password, config=run.config)


# -- commands ------------------------------------------------------------------------------------


def _default_practice(directory: Path) -> str:
    name = directory.name.removesuffix(".medvault").strip()
    return name or "Cabinet"


def _cmd_init(run: _Run) -> int:
    args = run.args
    directory: Path = args.vault
    # Refuse before asking for a password; create_vault checks again.
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise VaultExistsError()
    run.passwords.check_available()
    password = run.passwords.read_new(
        f"Mot de passe de {args.user} / Password: ",
        "Confirmez le mot de passe / Confirm password: ",
        confirm_piped=False,
    )
    created = create_vault(
        directory,
        practice_name=args.practice if args.practice is not None else _default_practice(directory),
        login=args.user,
        display_name=args.name,
        password=password,
        config=run.config,
    )
    out = run.out
    say(out, f"Coffre créé : {created.directory}", f"Vault created: {created.directory}")
    print(file=out)
    print(f"Code de secours : {created.recovery_code}", file=out)
    print(f"Recovery code: {created.recovery_code}", file=out)
    print(file=out)
    say(
        out,
        "Ce code n'est affiché qu'une seule fois et n'est enregistré nulle part. Imprimez-le ou "
        "recopiez-le et gardez-le en lieu sûr, loin de cet ordinateur : il ouvre tout le coffre "
        "si un mot de passe est oublié.",
        "This code is shown only once and is not stored anywhere. Print it or write it down and "
        "keep it somewhere safe, away from this computer: it opens the whole vault if a password "
        "is forgotten.",
    )
    out.flush()
    return EXIT_OK


def _show_one_time_password(run: _Run, login: str, password: str) -> None:
    say(
        run.out,
        f"Mot de passe initial de {login} (à usage unique) : {password}",
        f"Initial password: {password}",
    )
    say(
        run.out,
        f"Remettez-le à {login} en main propre ; il devra le remplacer à sa première connexion.",
        f"Hand it to {login} in person; it must be replaced at first login.",
    )


def _cmd_user_add(run: _Run) -> int:
    args = run.args
    with _unlock(run) as session:
        initial = users.add_user(
            session, login=args.login, display_name=args.name, role=Role(args.role)
        )
    _show_one_time_password(run, args.login, initial)
    return EXIT_OK


def _cmd_user_passwd(run: _Run) -> int:
    reader = run.passwords
    current = reader.read(f"Mot de passe actuel de {run.args.as_login} / Current password: ")
    with _unlock(run, current) as session:
        new = reader.read_new(
            "Nouveau mot de passe / New password: ",
            "Confirmez le nouveau mot de passe / Confirm new password: ",
            confirm_piped=True,
        )
        users.change_own_password(session, current=current, new=new)
    say(run.out, "Mot de passe changé.", "Password changed.")
    return EXIT_OK


def _cmd_user_reset(run: _Run) -> int:
    login = run.args.login
    with _unlock(run) as session:
        initial = users.reset_password(session, login=login)
    _show_one_time_password(run, login, initial)
    return EXIT_OK


def _cmd_recover(run: _Run) -> int:
    """Forgotten password: the recovery code from the sheet printed at creation opens the vault
    and gives the account a new one-time password."""
    login = run.args.login
    code = run.passwords.read("Code de secours / Recovery code: ")
    with unlock_with_recovery_code(run.args.vault, code, config=run.config) as session:
        initial = users.reset_password(session, login=login)
    _show_one_time_password(run, login, initial)
    return EXIT_OK


def _cmd_user_disable(run: _Run) -> int:
    args = run.args
    with _unlock(run) as session:
        users.disable_user(session, login=args.login)
    say(run.out, f"Compte {args.login} désactivé.", f"Account {args.login} disabled.")
    rotate = f"{PROG} rotate-keys {shlex.quote(str(args.vault))} --as {args.as_login}"
    say(
        run.out,
        "Conseil : cette personne a pu retenir les clés du coffre ; renouvelez-les avec "
        f"`{rotate}`.",
        f"Hint: this person may still know the vault keys; renew them with `{rotate}`.",
    )
    return EXIT_OK


def _cmd_user_list(run: _Run) -> int:
    with _unlock(run) as session:
        accounts = users.list_users(session)
    for line in format_table(USER_COLUMNS, user_rows(accounts)):
        print(line, file=run.out)
    return EXIT_OK


def _cmd_check(run: _Run) -> int:
    with _unlock(run) as session:
        report = check_vault(session)
    print_problems(run.out, "admin.db", report.admin_problems)
    print_problems(run.out, "clinical.db", report.clinical_problems)
    print(printable(report.audit.describe()), file=run.out)
    if report.ok:
        say(run.out, "Vérification réussie.", "Check passed.")
        return EXIT_OK
    say(
        run.err,
        "Erreur : la vérification a trouvé des problèmes (voir ci-dessus). Restaurez une "
        "sauvegarde ou faites examiner le coffre.",
        "Error: the check found problems (see above). Restore a backup or have the vault examined.",
    )
    return EXIT_CHECK_FAILED


# -- arguments -----------------------------------------------------------------------------------

_STDIN_HELP = (
    "lire chaque mot de passe sur une ligne de l'entrée standard / read each password as one "
    "line of standard input (on a terminal, passwords are typed without echo)"
)


def _common(*, needs_session: bool) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "vault", type=Path, metavar="VAULT", help="dossier du coffre / vault folder"
    )
    if needs_session:
        parent.add_argument(
            "--as",
            dest="as_login",
            required=True,
            metavar="LOGIN",
            help="identifiant de la personne qui agit / login of the acting user",
        )
    parent.add_argument("--password-stdin", action="store_true", help=_STDIN_HELP)
    return parent


def _add(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    help_text: str,
    *,
    needs_session: bool = True,
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        name,
        parents=[_common(needs_session=needs_session)],
        help=help_text,
        description=help_text,
    )
    parser.set_defaults(handler=handler)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Administration d'un coffre medvault / medvault vault administration.",
        epilog=(
            "Codes de sortie / exit codes: 0 = succès / success, 1 = vérification échouée / "
            "check failed, 2 = erreur / error."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = _add(
        commands,
        "init",
        _cmd_init,
        "créer un coffre et son premier praticien ; affiche une seule fois le code de secours / "
        "create a vault and its first practitioner; shows the recovery code once",
        needs_session=False,
    )
    init.add_argument("--user", required=True, metavar="LOGIN", help="identifiant / login")
    init.add_argument("--name", required=True, help="nom affiché / display name")
    init.add_argument(
        "--practice",
        help="nom du cabinet (par défaut : nom du dossier sans .medvault) / practice name "
        "(default: the folder name without .medvault)",
    )

    user = commands.add_parser("user", help="comptes / user accounts")
    user_commands = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    add = _add(
        user_commands,
        "add",
        _cmd_user_add,
        "ajouter un compte ; affiche son mot de passe initial / add an account; shows its "
        "initial password",
    )
    add.add_argument("--login", required=True, help="identifiant du compte / new login")
    add.add_argument("--name", required=True, help="nom affiché / display name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role], help="rôle / role")
    _add(
        user_commands,
        "passwd",
        _cmd_user_passwd,
        "changer son mot de passe (actuel, nouveau, confirmation) / change your own password "
        "(current, new, confirmation)",
    )
    reset = _add(
        user_commands,
        "reset",
        _cmd_user_reset,
        "nouveau mot de passe à usage unique pour un compte / new one-time password for an account",
    )
    reset.add_argument("--login", required=True, help="compte concerné / account")
    disable = _add(
        user_commands,
        "disable",
        _cmd_user_disable,
        "désactiver un compte et retirer son accès / disable an account and remove its access",
    )
    disable.add_argument("--login", required=True, help="compte concerné / account")
    _add(user_commands, "list", _cmd_user_list, "lister les comptes / list accounts")

    recover = _add(
        commands,
        "recover",
        _cmd_recover,
        "mot de passe oublié : ouvrir avec le code de secours (lu comme un mot de passe) et "
        "donner un mot de passe à usage unique / forgotten password: open with the recovery "
        "code (read like a password) and set a one-time password",
        needs_session=False,
    )
    recover.add_argument("--login", required=True, help="compte concerné / account")
    keys_commands.register(commands, _add, _unlock)
    _add(
        commands,
        "check",
        _cmd_check,
        "vérifier l'intégrité des deux bases et du journal d'audit / check both databases and "
        "the audit chain",
    )
    backup_commands.register(commands, _add, _unlock)
    demo_command.register(commands)
    return parser


def main(argv: list[str] | None = None, *, config: ServiceConfig | None = None) -> int:
    """Run one command. `config` lets tests use a cheap KDF; the product calibrates Argon2id."""
    disable_core_dumps()  # before anything decrypted can reach memory
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors: return, do not exit
        code = exit_.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_ERROR)
    run = _Run(
        args=args,
        config=config if config is not None else ServiceConfig(),
        passwords=PasswordReader(sys.stdin, allow_stdin=args.password_stdin),
        out=sys.stdout,
        err=sys.stderr,
    )
    handler: Handler = args.handler
    try:
        return handler(run)
    except KnownError as error:
        report_error(run.err, error)
        if args.command == "check" and isinstance(error, _DAMAGE_ERRORS):
            return EXIT_CHECK_FAILED
        return EXIT_ERROR
    except KeyboardInterrupt:
        say(run.err, "Interrompu.", "Interrupted.")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
