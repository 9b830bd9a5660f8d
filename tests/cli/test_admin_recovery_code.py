"""medvault-admin new-recovery-code: the new code printed once opens the vault, the old one no
longer does; a wrong password or a receptionist changes nothing."""

from __future__ import annotations

import pytest

from medvault.core.errors import WrongCredentialsError
from medvault.core.keyslot_format import KeySlot
from medvault.services.unlock import unlock_with_recovery_code
from medvault.storage.header_store import load_header
from tests.cli.helpers import RunCli
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)


def _recovery_slot(vault: VaultInfo) -> KeySlot | None:
    return load_header(vault.directory).header.recovery_slot()


def _argv(vault: VaultInfo, login: str) -> list[str]:
    return ["new-recovery-code", str(vault.directory), "--as", login, "--password-stdin"]


def test_the_new_code_is_printed_once_and_replaces_the_old(
    vault: VaultInfo, run_cli: RunCli
) -> None:
    result = run_cli(_argv(vault, PRACTITIONER_LOGIN), stdin=PRACTITIONER_PASSWORD + "\n")
    assert result.code == 0, result.err
    code = result.line_after("Recovery code: ")
    assert result.line_after("Code de secours : ") == code
    assert result.out.count(code) == 2  # French and English lines, nowhere else
    with unlock_with_recovery_code(vault.directory, code, config=vault.config) as session:
        assert session.is_recovery
    with pytest.raises(WrongCredentialsError):
        unlock_with_recovery_code(vault.directory, vault.recovery_code, config=vault.config)


@pytest.mark.parametrize(
    ("login", "password", "message"),
    [
        (PRACTITIONER_LOGIN, "pas-le-bon", "mot de passe incorrect"),
        (RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, "ne permet pas"),
    ],
)
def test_refused_without_changing_anything(
    vault: VaultInfo, run_cli: RunCli, login: str, password: str, message: str
) -> None:
    before = _recovery_slot(vault)
    result = run_cli(_argv(vault, login), stdin=password + "\n")
    assert result.code == 2
    assert message in result.err.lower()
    assert "Recovery code" not in result.out
    assert _recovery_slot(vault) == before  # (a failed login is counted in vault.json)
    with unlock_with_recovery_code(vault.directory, vault.recovery_code, config=vault.config):
        pass
