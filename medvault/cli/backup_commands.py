"""medvault-admin backup commands: backup, verify-backup, restore, backup-recovery-key.

Secrets are never taken from arguments: on a terminal they are typed without echo; otherwise
--password-stdin / --passphrase-stdin / --recovery-code-stdin read one line each, in the order
password, passphrase, recovery code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TextIO

from medvault.cli.output import printable, report_error, say
from medvault.cli.passwords import PasswordReader
from medvault.core.backup_errors import BackupCheckFailedError, BackupDamagedError
from medvault.core.errors import KnownError
from medvault.services.backup import create_backup
from medvault.services.backup_recovery import ensure_recovery_recipient
from medvault.services.backup_restore import restore_backup
from medvault.services.backup_verify import (
    BackupSecrets,
    VerifyReport,
    record_verification,
    verify_backup,
)
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock_with_recovery_code

EXIT_OK = 0
EXIT_CHECK_FAILED = 1


class CommandRun(Protocol):
    args: argparse.Namespace
    config: ServiceConfig
    passwords: PasswordReader
    out: TextIO
    err: TextIO


Unlock = Callable[..., Session]  # medvault-admin's _unlock(run)
_CODE_PROMPT = "Code de secours / Recovery code: "
_PHRASE_PROMPT = "Phrase de passe de la copie / Copy passphrase: "


def _reader(args: argparse.Namespace) -> PasswordReader:
    piped = args.passphrase_stdin or args.recovery_code_stdin
    return PasswordReader(sys.stdin, allow_stdin=piped)


def _secrets(args: argparse.Namespace, reader: PasswordReader) -> BackupSecrets:
    """A passphrase when asked; the recovery code when asked, or on a terminal by default."""
    phrase = reader.read(_PHRASE_PROMPT) if args.passphrase_stdin else None
    wants_code = args.recovery_code_stdin or (phrase is None and not args.passphrase_stdin)
    code = reader.read(_CODE_PROMPT) if wants_code else None
    return BackupSecrets(recovery_code=code, passphrase=phrase, live_vault=args.vault)


def _print_report(out: TextIO, report: VerifyReport) -> None:
    manifest = report.manifest
    print(f"Coffre / Vault: {printable(manifest.practice_name)} ({manifest.vault_id})", file=out)
    print(f"Créée le / Created: {manifest.created}", file=out)
    for member in manifest.members:
        print(f"  {member.name}: {member.size} o/bytes, SHA-256 OK", file=out)
    if not report.deep_checked:
        say(
            out,
            "Empreintes vérifiées ; bases non ouvertes (donnez aussi le code de secours).",
            "Hashes verified; databases not opened (also give the recovery code).",
        )
        return
    for label, problems in (
        ("admin.db", report.admin_problems),
        ("clinical.db", report.clinical_problems),
    ):
        print(
            f"{label} : {'OK' if not problems else f'{len(problems)} problème(s)/problem(s)'}",
            file=out,
        )
    if report.audit is not None:
        print(printable(report.audit.describe()), file=out)


def _cmd_backup(run: CommandRun, unlock: Unlock) -> int:
    args = run.args
    with unlock(run) as session:
        phrase = None
        if args.with_passphrase:
            phrase = run.passwords.read_new(
                _PHRASE_PROMPT,
                "Confirmez la phrase de passe / Confirm passphrase: ",
                confirm_piped=False,
            )
        result = create_backup(session, args.out, passphrase=phrase)
    say(run.out, f"Sauvegarde écrite : {result.path}", f"Backup written: {result.path}")
    if not result.passphrase_protected and not result.recovery_recipient_included:
        say(
            run.err,
            "Attention : cette sauvegarde ne s'ouvre pas avec le seul code de secours ; lancez "
            "`medvault-admin backup-recovery-key`.",
            "Warning: this backup cannot be opened with the recovery code alone; run "
            "`medvault-admin backup-recovery-key`.",
        )
    return EXIT_OK


def _cmd_recovery_key(run: CommandRun, unlock: Unlock) -> int:
    with unlock(run) as session:
        ensure_recovery_recipient(session, run.passwords.read(_CODE_PROMPT))
    say(
        run.out,
        "Les prochaines sauvegardes s'ouvriront aussi avec le code de secours.",
        "Future backups will also open with the recovery code.",
    )
    return EXIT_OK


def _record_in_vault(run: CommandRun, report: VerifyReport, code: str | None) -> None:
    """With --vault and the recovery code, a full check that passed becomes that vault's last
    verification (its status line), as a check made in the app does."""
    vault = run.args.vault
    if vault is None or code is None or not (report.ok and report.deep_checked):
        return
    try:
        with unlock_with_recovery_code(vault, code, config=run.config) as session:
            if session.header.vault_id != report.manifest.vault_id:
                say(
                    run.err,
                    "Vérification non enregistrée : la sauvegarde est d'un autre coffre.",
                    "Verification not recorded: the backup belongs to another vault.",
                )
                return
            record_verification(session, run.args.file.resolve(), report)
    except KnownError as error:
        say(
            run.err,
            f"Vérification non enregistrée dans le coffre : {error.message('fr')}",
            f"Verification not recorded in the vault: {error.message('en')}",
        )
        return
    say(
        run.out,
        "Date de vérification enregistrée dans le coffre.",
        "Verification date recorded in the vault.",
    )


def _cmd_verify(run: CommandRun) -> int:
    args = run.args
    reader = _reader(args)
    reader.check_available()
    secrets = _secrets(args, reader)
    try:
        report = verify_backup(args.file, secrets, expected_vault_id=args.vault_id)
    except (BackupDamagedError, BackupCheckFailedError) as error:
        report_error(run.err, error)
        return EXIT_CHECK_FAILED
    _print_report(run.out, report)
    if report.ok:
        say(run.out, "Sauvegarde vérifiée.", "Backup verified.")
        _record_in_vault(run, report, secrets.recovery_code)
        return EXIT_OK
    say(run.err, "Erreur : la sauvegarde est endommagée.", "Error: the backup is damaged.")
    return EXIT_CHECK_FAILED


def _cmd_restore(run: CommandRun) -> int:
    args = run.args
    reader = _reader(args)
    reader.check_available()
    secrets = _secrets(args, reader)
    report = restore_backup(args.file, args.to, secrets, config=run.config)
    _print_report(run.out, report.verify)
    say(run.out, f"Coffre restauré : {report.directory}", f"Vault restored: {report.directory}")
    if report.users_must_change_password:
        say(
            run.out,
            "Chaque compte devra choisir un nouveau mot de passe à sa prochaine connexion "
            "(mot de passe valable à la date de la sauvegarde).",
            "Every account must set a new password at next login "
            "(using the password valid at the backup date).",
        )
    return EXIT_OK


def _secret_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="fichier .mvbackup / backup file")
    parser.add_argument(
        "--recovery-code-stdin",
        action="store_true",
        help="lire le code de secours sur l'entrée standard / read the recovery code from stdin",
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="lire la phrase de passe d'une copie sur l'entrée standard (avant le code) / "
        "read a copy's passphrase from stdin (before the code)",
    )
    parser.add_argument(
        "--vault",
        type=Path,
        help="coffre d'origine s'il existe encore (ouvre les anciennes sauvegardes ; avec le "
        "code de secours, une vérification réussie y est enregistrée) / the original vault if "
        "it still exists (opens older backups; with the recovery code, a passed verification "
        "is recorded in it)",
    )
    parser.set_defaults(password_stdin=False)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    add: Callable[..., argparse.ArgumentParser],
    unlock: Unlock,
) -> None:
    """Add the backup commands; `add` and `unlock` are medvault-admin's own helpers."""
    backup = add(
        commands,
        "backup",
        lambda run: _cmd_backup(run, unlock),
        "sauvegarde chiffrée du coffre (tout rôle) / encrypted backup of the vault (any role)",
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FILE", help="fichier / file")
    backup.add_argument(
        "--with-passphrase",
        action="store_true",
        help="copie protégée par une phrase de passe seule (pour un tiers) / copy protected "
        "by a passphrase only (for someone else)",
    )
    add(
        commands,
        "backup-recovery-key",
        lambda run: _cmd_recovery_key(run, unlock),
        "permettre d'ouvrir les sauvegardes avec le code de secours (lu après le mot de passe) / "
        "let backups open with the recovery code (read after the password)",
    )
    verify = commands.add_parser(
        "verify-backup",
        help="vérifier une sauvegarde sans toucher au coffre / verify a backup",
        description="vérifier une sauvegarde sans toucher au coffre / verify a backup",
    )
    _secret_flags(verify)
    verify.add_argument("--vault-id", help="refuser une sauvegarde d'un autre coffre / expected id")
    verify.set_defaults(handler=_cmd_verify)
    restore = commands.add_parser(
        "restore",
        help="restaurer dans un nouveau dossier / restore into a new folder",
        description="restaurer dans un nouveau dossier / restore into a new folder",
    )
    _secret_flags(restore)
    restore.add_argument("--to", type=Path, required=True, metavar="NEWDIR", help="dossier")
    restore.set_defaults(handler=_cmd_restore)
