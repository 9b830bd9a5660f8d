"""Where medvault-admin gets passwords: stdin lines taken verbatim, or getpass on a terminal."""

from __future__ import annotations

import io
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from medvault.cli.passwords import (
    MissingPasswordError,
    NoPasswordSourceError,
    PasswordMismatchError,
    PasswordReader,
)
from medvault.core.errors import InvalidInputError
from tests.cli.helpers import RunCli
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _piped_bytes(data: bytes) -> io.TextIOWrapper:
    """Like a real piped sys.stdin: a text layer over a binary buffer."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers for getpass, consumed in order; none left means the user pressed Ctrl-D."""
    answers: list[str] = []

    def fake_getpass(prompt: str = "Password: ", stream: object = None) -> str:
        if not answers:
            raise EOFError
        return answers.pop(0)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    return answers


def test_lines_are_taken_verbatim_but_for_the_line_ending() -> None:
    stdin = io.StringIO(' a "b" \\c \n\tx\r\nlast')
    reader = PasswordReader(stdin, allow_stdin=True)
    assert reader.read("?") == ' a "b" \\c '
    assert reader.read("?") == "\tx"
    assert reader.read("?") == "last"
    with pytest.raises(MissingPasswordError):
        reader.read("?")


def test_binary_stdin_keeps_inner_carriage_returns_and_decodes_utf8() -> None:
    reader = PasswordReader(_piped_bytes("é\rà\r\n€\n".encode()), allow_stdin=True)
    assert reader.read("?") == "é\rà"
    assert reader.read("?") == "€"


def test_binary_stdin_that_is_not_utf8_is_refused() -> None:
    reader = PasswordReader(_piped_bytes(b"\xff\xfe\n"), allow_stdin=True)
    with pytest.raises(InvalidInputError):
        reader.read("?")


def test_without_flag_and_without_terminal_nothing_is_read() -> None:
    stdin = io.StringIO("secret\n")
    reader = PasswordReader(stdin, allow_stdin=False)
    with pytest.raises(NoPasswordSourceError):
        reader.read("?")
    assert stdin.read() == "secret\n"


def test_new_password_from_stdin_is_confirmed_only_when_asked() -> None:
    reader = PasswordReader(io.StringIO("one\nother\n"), allow_stdin=True)
    assert reader.read_new("?", "?", confirm_piped=False) == "one"
    reader = PasswordReader(io.StringIO("one\nother\n"), allow_stdin=True)
    with pytest.raises(PasswordMismatchError):
        reader.read_new("?", "?", confirm_piped=True)


def test_terminal_uses_getpass_even_with_the_flag(typed: list[str]) -> None:
    typed.extend(["typed", "typed"])
    stdin = FakeTerminal("piped\n")
    reader = PasswordReader(stdin, allow_stdin=True)
    assert reader.read_new("New: ", "Again: ", confirm_piped=False) == "typed"
    assert stdin.read() == "piped\n"


def test_terminal_end_of_input_is_a_known_error(typed: list[str]) -> None:
    reader = PasswordReader(FakeTerminal(), allow_stdin=False)
    with pytest.raises(MissingPasswordError):
        reader.read("?")


def test_init_on_a_terminal_asks_twice(tmp_path: Path, run_cli: RunCli, typed: list[str]) -> None:
    directory = tmp_path / "Cabinet.medvault"
    argv = ["init", str(directory), "--user", PRACTITIONER_LOGIN, "--name", "Dr Martin"]

    typed.extend([PRACTITIONER_PASSWORD, PRACTITIONER_PASSWORD + "x"])
    mismatch = run_cli(argv, stdin=FakeTerminal())
    assert mismatch.code == 2
    assert "Error: The two entries of the new password differ" in mismatch.err
    assert not directory.exists()

    typed.extend([PRACTITIONER_PASSWORD, PRACTITIONER_PASSWORD])
    created = run_cli(argv, stdin=FakeTerminal())
    assert created.code == 0, created.err
    assert created.line_after("Recovery code: ")
    assert PRACTITIONER_PASSWORD not in created.out + created.err


def test_check_on_a_terminal(vault: VaultInfo, run_cli: RunCli, typed: list[str]) -> None:
    typed.append(PRACTITIONER_PASSWORD)
    result = run_cli(
        ["check", str(vault.directory), "--as", PRACTITIONER_LOGIN], stdin=FakeTerminal()
    )
    assert result.code == 0, result.err


def test_interrupt_while_typing_is_not_a_traceback(
    vault: VaultInfo, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(prompt: str = "", stream: object = None) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("getpass.getpass", interrupted)
    result = run_cli(
        ["check", str(vault.directory), "--as", PRACTITIONER_LOGIN], stdin=FakeTerminal()
    )
    assert result.code == 130
    assert "Interrupted" in result.err


def test_console_script_is_declared() -> None:
    [script] = entry_points(group="console_scripts", name="medvault-admin")
    assert script.value == "medvault.cli.admin:main"
