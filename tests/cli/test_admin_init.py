"""medvault-admin init, --version, and the refusals that must leave files untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from medvault.cli.admin import main
from medvault.core.errors import WrongCredentialsError
from medvault.services import users
from medvault.services.config import ServiceConfig
from medvault.services.unlock import unlock, unlock_with_recovery_code
from tests.cli.helpers import RunCli, snapshot
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo

QUOTED_PASSPHRASE = 'l\'été "chaud" \\ sept mots de passe ici'


def _init_argv(directory: Path, *extra: str) -> list[str]:
    return [
        "init",
        str(directory),
        "--user",
        PRACTITIONER_LOGIN,
        "--name",
        "Dr Claire Martin",
        "--password-stdin",
        *extra,
    ]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import medvault

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"medvault-admin {medvault.__version__}"


def test_usage_error_returns_two_without_exiting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["user", "add", "somewhere"]) == 2
    assert "--as" in capsys.readouterr().err


def test_init_shows_recovery_code_once_and_the_vault_opens(
    tmp_path: Path, run_cli: RunCli, config: ServiceConfig
) -> None:
    directory = tmp_path / "Cabinet du Parc.medvault"
    result = run_cli(_init_argv(directory), stdin=PRACTITIONER_PASSWORD + "\n")

    assert result.code == 0, result.err
    code = result.line_after("Recovery code: ")
    lines = result.out.splitlines()
    assert lines.index(f"Code de secours : {code}") < lines.index(f"Recovery code: {code}")
    assert "une seule fois" in result.out
    assert "only once" in result.out
    assert result.out.count(code) == 2
    assert PRACTITIONER_PASSWORD not in result.out + result.err

    with unlock(directory, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=config) as session:
        assert session.header.practice_name == "Cabinet du Parc"  # default: the folder name
        [user] = users.list_users(session)
        assert (user.login, user.display_name, user.role.value) == (
            PRACTITIONER_LOGIN,
            "Dr Claire Martin",
            "practitioner",
        )
        assert not session.must_change_password
    with unlock_with_recovery_code(directory, code, config=config) as session:
        assert session.is_recovery
        assert session.has_clinical_access


def test_init_uses_the_practice_name_given(
    tmp_path: Path, run_cli: RunCli, config: ServiceConfig
) -> None:
    directory = tmp_path / "vault"
    result = run_cli(
        _init_argv(directory, "--practice", "Cabinet des Tilleuls"),
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert result.code == 0, result.err
    with unlock(directory, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=config) as session:
        assert session.header.practice_name == "Cabinet des Tilleuls"


def test_passphrase_with_quotes_backslashes_and_spaces_is_taken_verbatim(
    tmp_path: Path, run_cli: RunCli, config: ServiceConfig
) -> None:
    directory = tmp_path / "Cabinet.medvault"
    passphrase = QUOTED_PASSPHRASE + " "  # the trailing space is part of it
    result = run_cli(_init_argv(directory), stdin=passphrase + "\r\n")
    assert result.code == 0, result.err
    assert QUOTED_PASSPHRASE not in result.out + result.err

    with unlock(directory, PRACTITIONER_LOGIN, passphrase, config=config):
        pass
    with pytest.raises(WrongCredentialsError):
        unlock(directory, PRACTITIONER_LOGIN, QUOTED_PASSPHRASE, config=config)

    check = run_cli(
        ["check", str(directory), "--as", PRACTITIONER_LOGIN, "--password-stdin"],
        stdin=passphrase + "\n",
    )
    assert check.code == 0, check.err


def test_init_refuses_a_non_empty_directory_and_touches_nothing(
    tmp_path: Path, run_cli: RunCli
) -> None:
    directory = tmp_path / "Documents"
    directory.mkdir()
    (directory / "notes.txt").write_text("ne pas effacer")
    before = snapshot(directory)

    result = run_cli(_init_argv(directory), stdin=PRACTITIONER_PASSWORD + "\n")

    assert result.code == 2
    assert "Erreur : Un coffre ou des fichiers existent déjà" in result.err
    assert "Error: A vault or other files already exist" in result.err
    assert "Recovery code" not in result.out
    assert snapshot(directory) == before
    assert sorted(p.name for p in directory.iterdir()) == ["notes.txt"]


def test_init_over_an_existing_vault_changes_nothing(vault: VaultInfo, run_cli: RunCli) -> None:
    before = snapshot(vault.directory)
    result = run_cli(_init_argv(vault.directory), stdin=PRACTITIONER_PASSWORD + "\n")
    assert result.code == 2
    assert snapshot(vault.directory) == before
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD):
        pass


def test_init_with_a_weak_password_creates_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    directory = tmp_path / "Cabinet.medvault"
    result = run_cli(_init_argv(directory), stdin="azerty\n")
    assert result.code == 2
    assert result.err.startswith("Erreur : ")
    assert "\nError: " in result.err
    assert "azerty" not in result.out + result.err
    assert not directory.exists()


def test_init_without_input_fails_clearly(tmp_path: Path, run_cli: RunCli) -> None:
    directory = tmp_path / "Cabinet.medvault"
    result = run_cli(_init_argv(directory), stdin="")
    assert result.code == 2
    assert "Error: A password was expected" in result.err
    assert not directory.exists()


def test_no_password_stdin_and_no_terminal_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    directory = tmp_path / "Cabinet.medvault"
    argv = _init_argv(directory)
    argv.remove("--password-stdin")
    result = run_cli(argv, stdin=PRACTITIONER_PASSWORD + "\n")
    assert result.code == 2
    assert "--password-stdin" in result.err
    assert not directory.exists()


def test_no_password_stdin_is_refused_before_unlocking(vault: VaultInfo, run_cli: RunCli) -> None:
    before = snapshot(vault.directory)
    result = run_cli(
        ["user", "list", str(vault.directory), "--as", PRACTITIONER_LOGIN],
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert result.code == 2
    assert "--password-stdin" in result.err
    assert snapshot(vault.directory) == before
