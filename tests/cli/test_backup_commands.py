"""medvault-admin backup, verify-backup, restore and backup-recovery-key."""

from __future__ import annotations

from pathlib import Path

from medvault.services.backup import create_backup
from medvault.services.backup_schedule import backup_status
from medvault.storage import audit_repo
from tests.cli.helpers import RunCli
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)


def _register_code(run_cli: RunCli, vault: VaultInfo) -> None:
    result = run_cli(
        [
            "backup-recovery-key",
            str(vault.directory),
            "--as",
            PRACTITIONER_LOGIN,
            "--password-stdin",
        ],
        f"{PRACTITIONER_PASSWORD}\n{vault.recovery_code}\n",
    )
    assert result.code == 0, result.err


def _forget_recovery_key(vault: VaultInfo) -> None:
    """A vault made before the recovery recipient was registered at creation."""
    session = vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    with session, session.admin_transaction() as conn:
        conn.execute("DELETE FROM settings WHERE key = 'backup_recovery_recipient'")


def test_receptionist_backup_then_verify_and_restore_with_code(
    run_cli: RunCli, vault: VaultInfo, tmp_path: Path
) -> None:
    # Vault creation registered the recovery recipient: the code alone opens the backup.
    out = tmp_path / "b.mvbackup"
    result = run_cli(
        [
            "backup",
            str(vault.directory),
            "--as",
            RECEPTIONIST_LOGIN,
            "--out",
            str(out),
            "--password-stdin",
        ],
        f"{RECEPTIONIST_PASSWORD}\n",
    )
    assert result.code == 0, result.err
    assert "Backup written" in result.out and "Warning" not in result.err
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n")

    verified = run_cli(
        ["verify-backup", str(out), "--recovery-code-stdin"], f"{vault.recovery_code}\n"
    )
    assert verified.code == 0, verified.err
    assert "Backup verified." in verified.out and "clinical.db : OK" in verified.out

    target = tmp_path / "Restored.medvault"
    restored = run_cli(
        ["restore", str(out), "--to", str(target), "--recovery-code-stdin"],
        f"{vault.recovery_code}\n",
    )
    assert restored.code == 0, restored.err
    assert "Every account must set a new password" in restored.out
    checked = run_cli(
        ["check", str(target), "--as", PRACTITIONER_LOGIN, "--password-stdin"],
        f"{PRACTITIONER_PASSWORD}\n",
    )
    # The password of the backup date works, but must be replaced before anything else.
    assert checked.code == 2 and "replace your initial password" in checked.err


def test_backup_without_recovery_key_warns(
    run_cli: RunCli, vault: VaultInfo, tmp_path: Path
) -> None:
    _forget_recovery_key(vault)
    out = tmp_path / "b.mvbackup"
    result = run_cli(
        [
            "backup",
            str(vault.directory),
            "--as",
            PRACTITIONER_LOGIN,
            "--out",
            str(out),
            "--password-stdin",
        ],
        f"{PRACTITIONER_PASSWORD}\n",
    )
    assert result.code == 0 and "backup-recovery-key" in result.err
    # Only the live vault's recovery slot can then give the key.
    alone = run_cli(
        ["verify-backup", str(out), "--recovery-code-stdin"], f"{vault.recovery_code}\n"
    )
    assert alone.code == 2 and "wrong recovery code or passphrase" in alone.err
    with_vault = run_cli(
        ["verify-backup", str(out), "--recovery-code-stdin", "--vault", str(vault.directory)],
        f"{vault.recovery_code}\n",
    )
    assert with_vault.code == 0, with_vault.err


def test_passphrase_copy_and_damaged_file(
    run_cli: RunCli, vault: VaultInfo, tmp_path: Path
) -> None:
    out = tmp_path / "copy.mvbackup"
    phrase = "Copie-pour-le-Dr-Durand-2025!"
    result = run_cli(
        [
            "backup",
            str(vault.directory),
            "--as",
            PRACTITIONER_LOGIN,
            "--out",
            str(out),
            "--password-stdin",
            "--with-passphrase",
        ],
        f"{PRACTITIONER_PASSWORD}\n{phrase}\n",
    )
    assert result.code == 0, result.err
    ok = run_cli(["verify-backup", str(out), "--passphrase-stdin"], f"{phrase}\n")
    assert ok.code == 0 and "Hashes verified" in ok.out
    needs = run_cli(
        ["verify-backup", str(out), "--recovery-code-stdin"], f"{vault.recovery_code}\n"
    )
    assert needs.code == 2 and "export passphrase" in needs.err
    data = bytearray(out.read_bytes())
    data[-40] ^= 0x01
    out.write_bytes(bytes(data))
    damaged = run_cli(["verify-backup", str(out), "--passphrase-stdin"], f"{phrase}\n")
    assert damaged.code == 2 and "Wrong passphrase, or the copy is damaged" in damaged.err


def test_restore_refuses_non_empty_target_and_needs_a_secret(
    run_cli: RunCli, vault: VaultInfo, tmp_path: Path
) -> None:
    _register_code(run_cli, vault)
    out = tmp_path / "b.mvbackup"
    run_cli(
        [
            "backup",
            str(vault.directory),
            "--as",
            PRACTITIONER_LOGIN,
            "--out",
            str(out),
            "--password-stdin",
        ],
        f"{PRACTITIONER_PASSWORD}\n",
    )
    refused = run_cli(
        ["restore", str(out), "--to", str(vault.directory), "--recovery-code-stdin"],
        f"{vault.recovery_code}\n",
    )
    assert refused.code == 2 and "only goes into a new folder" in refused.err
    no_secret = run_cli(["restore", str(out), "--to", str(tmp_path / "new")])
    assert no_secret.code == 2 and "--password-stdin" in no_secret.err
    assert not (tmp_path / "new").exists()


def test_verify_with_the_code_and_the_vault_records_the_verification(
    run_cli: RunCli, vault: VaultInfo, tmp_path: Path
) -> None:
    out = tmp_path / "b.mvbackup"
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        create_backup(session, out)
        assert backup_status(session).last_verified_at is None
    verified = run_cli(
        ["verify-backup", str(out), "--recovery-code-stdin", "--vault", str(vault.directory)],
        f"{vault.recovery_code}\n",
    )
    assert verified.code == 0, verified.err
    assert "Verification date recorded in the vault." in verified.out
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        status = backup_status(session)
        assert status.last_verified_at is not None
        assert status.last_verified_file == str(out.resolve())
        actions = [(r.action, r.target) for r in audit_repo.recent(session.admin_db, 5)]
        assert ("vault_check", "backup") in actions

    # With the vault open elsewhere the check still passes and says the date was not kept.
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD):
        busy = run_cli(
            ["verify-backup", str(out), "--recovery-code-stdin", "--vault", str(vault.directory)],
            f"{vault.recovery_code}\n",
        )
    assert busy.code == 0 and "Backup verified." in busy.out
    assert "Verification not recorded in the vault" in busy.err
