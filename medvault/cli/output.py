"""Plain-text output for medvault-admin: bilingual messages and the user table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from medvault.core.errors import KnownError
from medvault.core.users import User


def printable(text: str) -> str:
    """Stored names are shown on a terminal: control characters could drive it, so hide them."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def say(stream: TextIO, fr: str, en: str) -> None:
    """French first, then English, as everywhere in medvault."""
    print(fr, file=stream)
    print(en, file=stream)


def report_error(stream: TextIO, error: KnownError) -> None:
    say(stream, f"Erreur : {error.message('fr')}", f"Error: {error.message('en')}")


def _yes_no(value: bool) -> str:
    return "oui/yes" if value else "non/no"


USER_COLUMNS = (
    "Identifiant/Login",
    "Nom/Name",
    "Rôle/Role",
    "Actif/Active",
    "Mot de passe à changer/Must change password",
    "Dernière connexion/Last login",
)


def user_rows(users: Sequence[User]) -> list[tuple[str, ...]]:
    return [
        (
            user.login,
            printable(user.display_name),
            user.role.value,
            _yes_no(user.active),
            _yes_no(user.must_change_password),
            user.last_login_at or "-",
        )
        for user in users
    ]


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


MAX_PROBLEMS_SHOWN = 20


def print_problems(out: TextIO, label: str, problems: tuple[str, ...]) -> None:
    """One check's findings: OK, or the count and the first few problems."""
    if not problems:
        print(f"{label} : OK", file=out)
        return
    print(f"{label} : {len(problems)} problème(s) / problem(s)", file=out)
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        print(f"  {printable(problem)}", file=out)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        print(f"  ... (+{len(problems) - MAX_PROBLEMS_SHOWN})", file=out)
