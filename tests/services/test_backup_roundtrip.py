"""Backup -> restore round trips on real vaults: every record and audit record identical,
schema version kept, checks clean, restore audited, both roles."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from medvault.core.audit import AuditAction
from medvault.core.backup_errors import (
    BackupCheckFailedError,
    BackupKeyError,
    BackupNeedsPassphraseError,
    BackupTargetExistsError,
    BackupWrongVaultError,
)
from medvault.core.errors import PasswordChangeRequiredError, PermissionDeniedError
from medvault.services.backup import create_backup
from medvault.services.backup_recovery import ensure_recovery_recipient
from medvault.services.backup_restore import restore_backup
from medvault.services.backup_verify import BackupSecrets, verify_backup, verify_backup_in_session
from medvault.services.session import Session
from medvault.services.unlock import unlock, unlock_with_recovery_code
from medvault.storage import audit_repo, users_repo
from medvault.storage.migrations import schema_version
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.services.backup_helpers import all_rows


def _backup(session: Session, tmp_path: Path, code: str) -> Path:
    ensure_recovery_recipient(session, code)
    target = tmp_path / "out" / "vault.mvbackup"
    target.parent.mkdir(exist_ok=True)
    create_backup(session, target)
    return target


@pytest.mark.parametrize("role", ["practitioner", "receptionist"])
def test_round_trip_restores_identical_records(vault: VaultInfo, tmp_path: Path, role: str) -> None:
    login, password = (
        (PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
        if role == "practitioner"
        else (RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    )
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        ensure_recovery_recipient(session, vault.recovery_code)
    with vault.unlock(login, password) as session:
        target = tmp_path / "b.mvbackup"
        before_admin = all_rows(session.admin_db)
        before_version = schema_version(session.admin_db)
        before_audit = list(audit_repo.iter_records(session.admin_db))
        result = create_backup(session, target)
        assert result.recovery_recipient_included
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        before_clinical = all_rows(session.clinical_db)
        clinical_version = schema_version(session.clinical_db)
        audit_count = len(list(audit_repo.iter_records(session.admin_db)))
    assert audit_count > len(before_audit)  # the backup itself was audited in the live vault

    restored = tmp_path / "Restored.medvault"
    report = restore_backup(
        target, restored, BackupSecrets(recovery_code=vault.recovery_code), config=vault.config
    )
    assert report.verify.ok and report.verify.clinical_checked
    assert set(report.users_must_change_password) == {PRACTITIONER_LOGIN, RECEPTIONIST_LOGIN}
    assert not list(tmp_path.glob(".Restored.medvault*"))  # temp folder gone

    with unlock_with_recovery_code(restored, vault.recovery_code, config=vault.config) as s:
        after_audit = list(audit_repo.iter_records(s.admin_db))
        assert after_audit[: len(before_audit)] == before_audit
        assert after_audit[len(before_audit)].action == AuditAction.RESTORE
        assert after_audit[len(before_audit)].user_login is None
        after_admin = all_rows(s.admin_db)
        for table, rows in before_admin.items():
            if table not in ("users", "audit_log", "audit_head"):
                assert after_admin[table] == rows, table
        assert len(after_admin["users"]) == len(before_admin["users"])
        assert all_rows(s.clinical_db) == before_clinical
        assert schema_version(s.admin_db) == before_version
        assert schema_version(s.clinical_db) == clinical_version
        user = users_repo.get_user(s.admin_db, PRACTITIONER_LOGIN)
        assert user is not None and user.must_change_password

    # A password valid at backup time opens the restored vault, and must then be replaced.
    with unlock(restored, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=vault.config) as s:
        assert s.must_change_password
        with pytest.raises(PasswordChangeRequiredError):
            create_backup(s, tmp_path / "other.mvbackup")


def test_verify_with_code_checks_databases_and_audit(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    target = _backup(practitioner, tmp_path, vault.recovery_code)
    report = verify_backup(target, BackupSecrets(recovery_code=vault.recovery_code))
    assert report.ok and report.deep_checked and report.clinical_checked
    assert report.audit is not None and report.audit.records_checked > 3
    assert report.manifest.vault_id == practitioner.header.vault_id
    with pytest.raises(BackupWrongVaultError):
        verify_backup(
            target,
            BackupSecrets(recovery_code=vault.recovery_code),
            expected_vault_id="00000000-0000-4000-8000-000000000000",
        )


def test_verify_in_session_records_status_and_is_denied_to_reception(
    vault: VaultInfo, practitioner: Session, tmp_path: Path
) -> None:
    target = _backup(practitioner, tmp_path, vault.recovery_code)
    report = verify_backup_in_session(practitioner, target)
    assert report.ok and report.clinical_checked
    last = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (last.action, last.target, last.outcome) == ("vault_check", "backup", "success")
    practitioner.close()
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        with pytest.raises(PermissionDeniedError):
            verify_backup_in_session(session, target)
        denied = audit_repo.recent(session.admin_db, 1)[0]
        assert (denied.target, denied.outcome) == ("backup_restore", "denied")


def test_passphrase_copy_opens_only_with_the_passphrase(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    ensure_recovery_recipient(practitioner, vault.recovery_code)
    target = tmp_path / "copy.mvbackup"
    result = create_backup(practitioner, target, passphrase="Copie-pour-le-Dr-Durand-2025!")
    assert result.passphrase_protected and not result.recovery_recipient_included
    with pytest.raises(BackupNeedsPassphraseError):
        verify_backup(target, BackupSecrets(recovery_code=vault.recovery_code))
    with pytest.raises(BackupKeyError):
        verify_backup(target, BackupSecrets(passphrase="Copie-pour-le-Dr-Durand-2026!"))
    shallow = verify_backup(target, BackupSecrets(passphrase="Copie-pour-le-Dr-Durand-2025!"))
    assert shallow.ok and not shallow.deep_checked
    deep = verify_backup(
        target,
        BackupSecrets(
            passphrase="Copie-pour-le-Dr-Durand-2025!", recovery_code=vault.recovery_code
        ),
    )
    assert deep.deep_checked and deep.ok


def test_wrong_code_is_rejected_and_nothing_written(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    target = _backup(practitioner, tmp_path, vault.recovery_code)
    wrong = "0000-0000-0000-0000-0000-0000-0000-0000"
    restored = tmp_path / "R.medvault"
    with pytest.raises(BackupKeyError):
        restore_backup(target, restored, BackupSecrets(recovery_code=wrong), config=vault.config)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["Cabinet.medvault", "out"])


def test_restore_refuses_existing_folder(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    target = _backup(practitioner, tmp_path, vault.recovery_code)
    with pytest.raises(BackupTargetExistsError):
        restore_backup(
            target,
            vault.directory,
            BackupSecrets(recovery_code=vault.recovery_code),
            config=vault.config,
        )
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "note.txt").write_text("x")
    with pytest.raises(BackupTargetExistsError):
        restore_backup(
            target, occupied, BackupSecrets(recovery_code=vault.recovery_code), config=vault.config
        )
    assert [p.name for p in occupied.iterdir()] == ["note.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    restore_backup(
        target, empty, BackupSecrets(recovery_code=vault.recovery_code), config=vault.config
    )
    assert (empty / "vault.json").is_file() and (empty / "vault.json.copy").is_file()


def test_restore_with_practitioner_password_keeps_passwords(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    target = _backup(practitioner, tmp_path, vault.recovery_code)
    restored = tmp_path / "R.medvault"
    report = restore_backup(
        target,
        restored,
        BackupSecrets(
            login=PRACTITIONER_LOGIN, password=PRACTITIONER_PASSWORD, live_vault=vault.directory
        ),
        config=vault.config,
    )
    assert report.users_must_change_password == ()
    with unlock(restored, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=vault.config) as s:
        assert not s.must_change_password
        last = audit_repo.recent(s.admin_db, 2)
        assert [r.action for r in last] == ["login", "restore"]
        assert last[1].user_login == PRACTITIONER_LOGIN


def test_restore_refuses_a_backup_whose_audit_chain_is_broken(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    # Someone holding the keys rewrites one audit record: the restore refuses it.
    practitioner.admin_db.execute("DROP TRIGGER audit_log_no_update")
    practitioner.admin_db.execute("UPDATE audit_log SET target = 'x' WHERE seq = 1")
    target = _backup(practitioner, tmp_path, vault.recovery_code)
    restored = tmp_path / "R.medvault"
    with pytest.raises(BackupCheckFailedError):
        restore_backup(
            target, restored, BackupSecrets(recovery_code=vault.recovery_code), config=vault.config
        )
    assert not restored.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_backup_time_is_in_the_manifest(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    target = _backup(practitioner, tmp_path, vault.recovery_code)
    report = verify_backup(target, BackupSecrets(recovery_code=vault.recovery_code))
    created = datetime.fromisoformat(report.manifest.created.replace("Z", "+00:00"))
    assert abs((datetime.now(UTC) - created).total_seconds()) < 3600
    names = report.manifest.member_names()
    assert names == ("vault.json", "admin.db", "clinical.db")
