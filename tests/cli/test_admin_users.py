"""medvault-admin user add / passwd / reset / disable / list, and wrong credentials."""

from __future__ import annotations

import pytest

from medvault.core.errors import WrongCredentialsError
from medvault.services import users
from medvault.storage.header_store import load_header
from tests.cli.helpers import RunCli, snapshot
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)

NEW_PASSWORD = "Tilleul-Cascade-93-Orage"


def _argv(vault: VaultInfo, *command: str, login: str = PRACTITIONER_LOGIN) -> list[str]:
    return [*command[:2], str(vault.directory), "--as", login, "--password-stdin", *command[2:]]


def test_wrong_password_is_generic_and_only_counts_the_failure(
    vault: VaultInfo, run_cli: RunCli
) -> None:
    before = snapshot(vault.directory)
    for login, password in ((PRACTITIONER_LOGIN, "pas-le-bon"), ("inconnu", "pas-le-bon")):
        result = run_cli(_argv(vault, "user", "list", login=login), stdin=password + "\n")
        assert result.code == 2
        assert "Erreur : Identifiant ou mot de passe incorrect" in result.err
        assert "Error: Incorrect login or password" in result.err
        assert "Traceback" not in result.err
        assert "pas-le-bon" not in result.out + result.err
        assert result.out == ""
    after = snapshot(vault.directory)
    headers = ("vault.json", "vault.json.copy")
    # No database touched; the header counts the failures without what was typed.
    assert {k: v for k, v in after.items() if k not in headers} == {
        k: v for k, v in before.items() if k not in headers
    }
    failures = load_header(vault.directory).header.login_failures
    assert [(r.login, r.count) for r in failures.records] == [(PRACTITIONER_LOGIN, 1), (None, 1)]
    assert b"inconnu" not in after["vault.json"]


def test_missing_vault_is_a_known_error(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        ["check", str(vault.directory / "absent"), "--as", PRACTITIONER_LOGIN, "--password-stdin"],
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert result.code == 2
    assert "Error: There is no medvault vault" in result.err


def test_list_shows_every_account(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(_argv(vault, "user", "list"), stdin=PRACTITIONER_PASSWORD + "\n")
    assert result.code == 0, result.err
    header, rule, *rows = result.out.splitlines()
    for column in ("Login", "Name", "Role", "Active", "Must change password", "Last login"):
        assert column in header
    assert set(rule) <= {"-", " "}
    by_login = {row.split()[0]: row for row in rows}
    assert set(by_login) == {PRACTITIONER_LOGIN, RECEPTIONIST_LOGIN}
    doctor = by_login[PRACTITIONER_LOGIN]
    assert "Dr Claire Martin" in doctor
    assert "practitioner" in doctor
    assert "receptionist" in by_login[RECEPTIONIST_LOGIN]
    # Active, password already changed, and a last login time (this very command).
    assert doctor.split("  ")[-1].strip().startswith("20")
    assert "oui/yes" in doctor
    assert "non/no" in doctor
    assert PRACTITIONER_PASSWORD not in result.out + result.err


def test_add_then_first_login_must_change_password(vault: VaultInfo, run_cli: RunCli) -> None:
    added = run_cli(
        _argv(
            vault,
            "user",
            "add",
            "--login",
            "dr.petit",
            "--name",
            "Dr Paul Petit",
            "--role",
            "practitioner",
        ),
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert added.code == 0, added.err
    initial = added.line_after("Initial password: ")
    assert len(initial) >= 20

    added_role = run_cli(
        _argv(
            vault,
            "user",
            "add",
            "--login",
            "secretariat",
            "--name",
            "Secrétariat",
            "--role",
            "receptionist",
        ),
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert added_role.code == 0, added_role.err

    # Anything but `user passwd` is refused until the initial password is replaced.
    refused = run_cli(_argv(vault, "user", "list", login="dr.petit"), stdin=initial + "\n")
    assert refused.code == 2
    assert "Erreur : Vous devez d'abord remplacer votre mot de passe initial" in refused.err
    assert "Error: You must first replace your initial password" in refused.err

    changed = run_cli(
        _argv(vault, "user", "passwd", login="dr.petit"),
        stdin=f"{initial}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert changed.code == 0, changed.err
    assert "Password changed" in changed.out
    assert NEW_PASSWORD not in changed.out + changed.err
    assert initial not in changed.out + changed.err

    with vault.unlock("dr.petit", NEW_PASSWORD) as session:
        assert not session.must_change_password
        assert session.has_clinical_access
        roles = {u.login: u.role.value for u in users.list_users(session)}
    assert roles["dr.petit"] == "practitioner"
    assert roles["secretariat"] == "receptionist"
    with pytest.raises(WrongCredentialsError):
        vault.unlock("dr.petit", initial)


def test_add_requires_a_valid_role(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "add", "--login", "x.y", "--name", "X", "--role", "admin"),
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert result.code == 2
    assert "invalid choice" in result.err


def test_add_role_defaults_are_not_guessed(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "add", "--login", "x.y", "--name", "X"),
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert result.code == 2
    assert "--role" in result.err


def test_receptionist_cannot_manage_accounts(vault: VaultInfo, run_cli: RunCli) -> None:
    argv = _argv(
        vault,
        "user",
        "add",
        "--login",
        "intrus",
        "--name",
        "Intrus",
        "--role",
        "practitioner",
        login=RECEPTIONIST_LOGIN,
    )
    result = run_cli(argv, stdin=RECEPTIONIST_PASSWORD + "\n")
    assert result.code == 2
    assert "Error: Your profile does not allow this action" in result.err
    with pytest.raises(WrongCredentialsError):
        vault.unlock("intrus", "anything")


def test_passwd_confirmation_mismatch_changes_nothing(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "passwd"),
        stdin=f"{PRACTITIONER_PASSWORD}\n{NEW_PASSWORD}\n{NEW_PASSWORD}x\n",
    )
    assert result.code == 2
    assert "Error: The two entries of the new password differ" in result.err
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD):
        pass


def test_passwd_needs_three_lines(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "passwd"), stdin=f"{PRACTITIONER_PASSWORD}\n{NEW_PASSWORD}\n"
    )
    assert result.code == 2
    assert "Error: A password was expected" in result.err
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD):
        pass


def test_passwd_wrong_current_password(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "passwd"),
        stdin=f"pas-le-bon\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert result.code == 2
    assert "Identifiant ou mot de passe incorrect" in result.err
    with pytest.raises(WrongCredentialsError):
        vault.unlock(PRACTITIONER_LOGIN, NEW_PASSWORD)


def test_passwd_rejects_a_weak_new_password(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "passwd"), stdin=f"{PRACTITIONER_PASSWORD}\nazerty\nazerty\n"
    )
    assert result.code == 2
    assert "azerty" not in result.out + result.err
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD):
        pass


def test_receptionist_changes_own_password(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "passwd", login=RECEPTIONIST_LOGIN),
        stdin=f"{RECEPTIONIST_PASSWORD}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert result.code == 0, result.err
    with vault.unlock(RECEPTIONIST_LOGIN, NEW_PASSWORD) as session:
        assert not session.has_clinical_access


def test_reset_gives_a_new_one_time_password(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "reset", "--login", RECEPTIONIST_LOGIN),
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert result.code == 0, result.err
    one_time = result.line_after("Initial password: ")
    assert PRACTITIONER_PASSWORD not in result.out + result.err

    with pytest.raises(WrongCredentialsError):
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    with vault.unlock(RECEPTIONIST_LOGIN, one_time) as session:
        assert session.must_change_password


def test_reset_unknown_login(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "reset", "--login", "personne"), stdin=PRACTITIONER_PASSWORD + "\n"
    )
    assert result.code == 2
    assert "Error: No user has this login" in result.err


def test_disable_removes_access_and_suggests_rotation(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "disable", "--login", RECEPTIONIST_LOGIN),
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert result.code == 0, result.err
    assert "medvault-admin rotate-keys" in result.out

    with pytest.raises(WrongCredentialsError):
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    listed = run_cli(_argv(vault, "user", "list"), stdin=PRACTITIONER_PASSWORD + "\n")
    [row] = [r for r in listed.out.splitlines() if r.startswith(RECEPTIONIST_LOGIN)]
    assert row.split()[3] == "non/no"


def test_disable_the_last_practitioner_is_refused(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "user", "disable", "--login", PRACTITIONER_LOGIN),
        stdin=PRACTITIONER_PASSWORD + "\n",
    )
    assert result.code == 2
    assert "Error: The last active practitioner cannot be disabled" in result.err
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD):
        pass
