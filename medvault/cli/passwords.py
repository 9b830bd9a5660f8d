"""Reading passwords for medvault-admin: never from arguments or the environment.

On a terminal the password is typed without echo (getpass). Otherwise, with --password-stdin,
each password needed is one line of standard input, taken exactly as written except for the
line ending, so that spaces, quotes and backslashes in a passphrase survive."""

from __future__ import annotations

import getpass
from typing import IO

from medvault.core.errors import InvalidInputError, KnownError


class NoPasswordSourceError(KnownError):
    fr = (
        "Aucun terminal pour saisir le mot de passe : ajoutez --password-stdin et envoyez "
        "un mot de passe par ligne sur l'entrée standard."
    )
    en = (
        "No terminal to type the password: add --password-stdin and send one password "
        "per line on standard input."
    )


class MissingPasswordError(KnownError):
    fr = "Mot de passe attendu, mais l'entrée est terminée ; rien n'a été modifié."
    en = "A password was expected, but the input has ended; nothing was changed."


class PasswordMismatchError(KnownError):
    fr = "Les deux saisies du nouveau mot de passe diffèrent ; rien n'a été modifié."
    en = "The two entries of the new password differ; nothing was changed."


def _strip_line_ending(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith("\n"):
        return line[:-1]
    return line


class PasswordReader:
    """Where passwords come from for one command run."""

    def __init__(self, stdin: IO[str], *, allow_stdin: bool) -> None:
        self._stdin = stdin
        self._allow_stdin = allow_stdin

    def _interactive(self) -> bool:
        isatty = getattr(self._stdin, "isatty", None)
        return bool(isatty is not None and isatty())

    def check_available(self) -> None:
        """Fail before any slow work when no password can be obtained at all."""
        if not self._interactive() and not self._allow_stdin:
            raise NoPasswordSourceError()

    def read(self, prompt: str) -> str:
        self.check_available()
        if self._interactive():
            try:
                return getpass.getpass(prompt)
            except EOFError:
                raise MissingPasswordError() from None
        return self._read_line()

    def read_new(self, prompt: str, confirm_prompt: str, *, confirm_piped: bool) -> str:
        """A new password, typed twice on a terminal (and on stdin when confirm_piped)."""
        first = self.read(prompt)
        if (self._interactive() or confirm_piped) and self.read(confirm_prompt) != first:
            raise PasswordMismatchError()
        return first

    def _read_line(self) -> str:
        # The binary layer avoids newline translation, so a lone "\r" inside a line is kept.
        buffer = getattr(self._stdin, "buffer", None)
        if buffer is not None:
            raw: bytes = buffer.readline()
            if not raw:
                raise MissingPasswordError()
            encoding = getattr(self._stdin, "encoding", None) or "utf-8"
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError:
                raise InvalidInputError(
                    fr=f"L'entrée standard n'est pas en {encoding}.",
                    en=f"Standard input is not valid {encoding}.",
                ) from None
        else:
            line = self._stdin.readline()
            if not line:
                raise MissingPasswordError()
        return _strip_line_ending(line)
