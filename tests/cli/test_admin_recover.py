"""medvault-admin recover: the forgotten-password path through the recovery code."""

from __future__ import annotations

import pytest

from medvault.core.errors import WrongCredentialsError
from tests.cli.helpers import RunCli, snapshot
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo


def test_recovery_code_gives_a_new_one_time_password(vault: VaultInfo, run_cli: RunCli) -> None:
    argv = ["recover", str(vault.directory), "--password-stdin", "--login", PRACTITIONER_LOGIN]
    result = run_cli(argv, stdin=vault.recovery_code.lower() + "\n")
    assert result.code == 0, result.err
    initial = result.line_after("Initial password: ")
    with pytest.raises(WrongCredentialsError):
        vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    with vault.unlock(PRACTITIONER_LOGIN, initial) as session:
        assert session.must_change_password
        actions = session.admin_db.execute(
            "SELECT action, user_login, target FROM audit_log WHERE action LIKE 'recovery%'"
            " OR action = 'user_password_reset'"
        ).fetchall()
    assert actions == [
        ("recovery_unlock", None, None),
        ("user_password_reset", None, PRACTITIONER_LOGIN),
    ]


def test_wrong_recovery_code_changes_nothing(vault: VaultInfo, run_cli: RunCli) -> None:
    before = snapshot(vault.directory)
    argv = ["recover", str(vault.directory), "--password-stdin", "--login", PRACTITIONER_LOGIN]
    result = run_cli(argv, stdin="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\n")
    assert result.code == 2
    assert "Identifiant ou mot de passe incorrect" in result.err
    result = run_cli(argv, stdin="trop court\n")
    assert result.code == 2 and "32" in result.err
    assert snapshot(vault.directory) == before
