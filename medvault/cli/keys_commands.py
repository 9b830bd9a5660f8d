"""medvault-admin key commands: rotate-keys (new database keys, after an account is disabled)
and new-recovery-code (a lost or exposed recovery sheet).

For new-recovery-code the acting practitioner's password is read once: it opens the session and
is checked again by the service. The new code is printed once, like the one `init` printed; the
old code no longer opens the vault, nor the backups made from now on (older backups keep their
sheet)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from medvault.cli.backup_commands import CommandRun, Unlock
from medvault.cli.output import say
from medvault.core.recovery_code import generate_recovery_code
from medvault.services.key_rotation import rotate_keys
from medvault.services.recovery_code import replace_recovery_code

EXIT_OK = 0


def _cmd_rotate_keys(run: CommandRun, unlock: Unlock) -> int:
    with unlock(run) as session:
        rotate_keys(session)
    say(
        run.out,
        "Clés du coffre renouvelées : les anciennes clés n'ouvrent plus les bases.",
        "Vault keys rotated: the old keys no longer open the databases.",
    )
    return EXIT_OK


def _cmd_new_recovery_code(run: CommandRun, unlock: Unlock) -> int:
    login = run.args.as_login
    password = run.passwords.read(f"Mot de passe de {login} / Password: ")
    code = generate_recovery_code()
    with unlock(run, password) as session:
        replace_recovery_code(session, password=password, new_code=code)
    out = run.out
    say(out, "Nouveau code de secours enregistré.", "New recovery code saved.")
    print(file=out)
    print(f"Code de secours : {code}", file=out)
    print(f"Recovery code: {code}", file=out)
    print(file=out)
    say(
        out,
        "Ce code n'est affiché qu'une seule fois. Imprimez-le ou recopiez-le et gardez-le loin "
        "de cet ordinateur. L'ancien code n'ouvre plus le coffre ; gardez l'ancienne feuille "
        "tant que vous gardez les sauvegardes faites avant aujourd'hui. Faites une sauvegarde "
        "maintenant.",
        "This code is shown only once. Print it or write it down and keep it away from this "
        "computer. The old code no longer opens the vault; keep the old sheet as long as you "
        "keep the backups made before today. Make a backup now.",
    )
    out.flush()
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    add: Callable[..., argparse.ArgumentParser],
    unlock: Unlock,
) -> None:
    """Add the key commands; `add` and `unlock` are medvault-admin's own helpers."""
    add(
        commands,
        "rotate-keys",
        lambda run: _cmd_rotate_keys(run, unlock),
        "renouveler les clés des bases (après une désactivation) / rotate the database keys "
        "(after disabling an account)",
    )
    add(
        commands,
        "new-recovery-code",
        lambda run: _cmd_new_recovery_code(run, unlock),
        "remplacer le code de secours (feuille perdue ou vue) ; affiche une seule fois le "
        "nouveau code (praticien) / replace the recovery code (sheet lost or seen); shows the "
        "new code once (practitioner)",
    )
