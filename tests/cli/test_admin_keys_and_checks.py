"""medvault-admin rotate-keys and check, on good, damaged and tampered vaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from medvault.core.kdf import MIN_PRODUCT_MEMORY_KIB
from medvault.services.config import ServiceConfig
from medvault.services.unlock import unlock
from tests.cli.helpers import RunCli
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)


def _argv(vault: VaultInfo, command: str, login: str = PRACTITIONER_LOGIN) -> list[str]:
    return [command, str(vault.directory), "--as", login, "--password-stdin"]


def test_check_passes_on_a_good_vault(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(_argv(vault, "check"), stdin=PRACTITIONER_PASSWORD + "\n")
    assert result.code == 0, result.err
    assert "admin.db : OK" in result.out
    assert "clinical.db : OK" in result.out
    assert "Audit chain verified" in result.out
    assert "Check passed" in result.out
    assert result.err == ""


def test_check_is_refused_to_reception(vault: VaultInfo, run_cli: RunCli) -> None:
    result = run_cli(
        _argv(vault, "check", login=RECEPTIONIST_LOGIN), stdin=RECEPTIONIST_PASSWORD + "\n"
    )
    assert result.code == 2
    assert "Error: Your profile does not allow this action" in result.err


def test_check_fails_on_a_damaged_admin_database(vault: VaultInfo, run_cli: RunCli) -> None:
    path = vault.directory / "admin.db"
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16] = bytes(b ^ 0xFF for b in data[middle : middle + 16])
    path.write_bytes(bytes(data))

    result = run_cli(_argv(vault, "check"), stdin=PRACTITIONER_PASSWORD + "\n")

    # The damaged page may or may not be one that unlocking reads: either way the check fails,
    # names admin.db and says what is wrong in plain words.
    assert result.code == 1
    assert "Erreur : " in result.err
    output = result.out + result.err
    assert "admin.db" in output
    assert "damaged" in output or "problem" in output
    assert "Traceback" not in result.err
    assert "Check passed" not in result.out


def test_check_reports_a_tampered_audit_log(vault: VaultInfo, run_cli: RunCli) -> None:
    # An attacker with the keys edits the log directly, bypassing the append-only triggers.
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        conn = session.admin_db
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET target = 'falsifié' WHERE seq = 2")

    result = run_cli(_argv(vault, "check"), stdin=PRACTITIONER_PASSWORD + "\n")

    assert result.code == 1
    assert "admin.db : OK" in result.out
    assert "Audit chain verified" not in result.out
    assert "Check passed" not in result.out
    assert "Error: the check found problems" in result.err


def test_rotate_keys_reencrypts_and_keeps_every_account(vault: VaultInfo, run_cli: RunCli) -> None:
    before = {name: (vault.directory / name).read_bytes() for name in ("admin.db", "clinical.db")}
    result = run_cli(_argv(vault, "rotate-keys"), stdin=PRACTITIONER_PASSWORD + "\n")
    assert result.code == 0, result.err
    assert "Vault keys rotated" in result.out

    for name, old in before.items():
        assert (vault.directory / name).read_bytes() != old
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.header.key_generation == 2
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD):
        pass
    check = run_cli(_argv(vault, "check"), stdin=PRACTITIONER_PASSWORD + "\n")
    assert check.code == 0, check.out + check.err


def test_console_script_with_calibrated_argon2(tmp_path: Path) -> None:
    """The installed entry point, with the product's own Argon2id calibration."""
    directory = tmp_path / "Cabinet.medvault"
    passphrase = 'l\'été "chaud" \\ sept mots de passe ici'
    command = [sys.executable, "-m", "medvault.cli.admin"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *args],
            input=passphrase + "\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )

    created = run(
        "init", str(directory), "--user", "dr.martin", "--name", "Dr Martin", "--password-stdin"
    )
    assert created.returncode == 0, created.stderr
    assert any(line.startswith("Recovery code: ") for line in created.stdout.splitlines())
    assert passphrase not in created.stdout + created.stderr

    checked = run("check", str(directory), "--as", "dr.martin", "--password-stdin")
    assert checked.returncode == 0, checked.stderr
    assert "Check passed" in checked.stdout

    # The slots were made with the calibrated profile, not a test one.
    with unlock(directory, "dr.martin", passphrase, config=ServiceConfig()) as session:
        assert all(s.kdf.memory_kib >= MIN_PRODUCT_MEMORY_KIB for s in session.header.slots)

    wrong = subprocess.run(
        [*command, "check", str(directory), "--as", "dr.martin", "--password-stdin"],
        input="pas-le-bon\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert wrong.returncode == 2
    assert "Identifiant ou mot de passe incorrect" in wrong.stderr
    assert "Traceback" not in wrong.stderr
