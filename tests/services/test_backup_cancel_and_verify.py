"""Cancelling a backup leaves nothing and is not counted as one; verification with the session's
keys or with the recovery code is recorded alike; a backup made before a key rotation says so
in its own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from medvault.core.backup_errors import BackupCancelledError, BackupKeysRotatedError
from medvault.core.errors import PermissionDeniedError
from medvault.services import patients
from medvault.services.backup import create_backup
from medvault.services.backup_schedule import backup_status
from medvault.services.backup_verify import (
    BackupSecrets,
    record_verification,
    verify_backup,
    verify_backup_in_session,
)
from medvault.services.key_rotation import rotate_keys
from medvault.services.session import Session
from medvault.storage import audit_repo
from tests.conftest import RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, VaultInfo
from tests.services.document_helpers import add_patient

PHRASE = "Violette-Chaloupe-Granit-58"


def test_progress_is_told_every_byte_up_to_the_end(practitioner: Session, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    result = create_backup(practitioner, tmp_path / "b.mvbackup", progress=progress)
    totals = {total for _, total in seen}
    assert len(totals) == 1 and seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert sum(m.size for m in result.manifest.members) < seen[-1][1]  # + the manifest


@pytest.mark.parametrize("stop_at", ["first", "last"])
def test_a_cancelled_backup_leaves_nothing_and_is_not_counted(
    practitioner: Session, tmp_path: Path, stop_at: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    finished: list[int] = []

    def progress(done: int, total: int) -> bool:
        if stop_at == "first":
            return False
        # "last": told twice of the end; the second time every byte is written and fsynced
        # but the file has not taken its name yet.
        if done == total:
            finished.append(done)
        return len(finished) < 2

    patient = add_patient(practitioner)
    with pytest.raises(BackupCancelledError) as caught:
        create_backup(practitioner, folder / "b.mvbackup", progress=progress)
    assert "annulée" in caught.value.message("fr") and "cancelled" in caught.value.message("en")
    assert list(folder.iterdir()) == []  # no file, no temp file
    status = backup_status(practitioner)
    assert (status.last_ok_at, status.last_attempt_at, status.last_error_at) == (None,) * 3
    assert status.last_file is None
    last = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (last.action, last.outcome, last.target) == ("backup", "error", "cancelled")
    # The live vault is untouched and goes on working; the next backup is a normal one.
    assert patients.get_patient(practitioner, patient).id == patient
    create_backup(practitioner, folder / "b.mvbackup")
    assert backup_status(practitioner).last_ok_at is not None


def test_backup_before_a_rotation_has_its_own_error_then_the_code_verifies_and_records(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    backup = tmp_path / "avant.mvbackup"
    create_backup(practitioner, backup)
    rotate_keys(practitioner)
    with pytest.raises(BackupKeysRotatedError) as caught:
        verify_backup_in_session(practitioner, backup)
    assert "renouvelées" in caught.value.message("fr")
    assert "code de secours" in caught.value.message("fr")
    assert "rotated" in caught.value.message("en")
    failed = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (failed.action, failed.outcome, failed.target) == ("vault_check", "error", "backup")
    assert backup_status(practitioner).last_verified_at is None

    before = practitioner.now()
    report = verify_backup_in_session(
        practitioner, backup, secrets=BackupSecrets(recovery_code=vault.recovery_code)
    )
    assert report.ok and report.deep_checked
    status = backup_status(practitioner)
    assert status.last_verified_at is not None
    assert before <= status.last_verified_at <= practitioner.now()
    assert status.last_verified_file == str(backup)
    done = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (done.action, done.outcome, done.target) == ("vault_check", "success", "backup")


def test_hashes_alone_are_not_recorded_as_a_verification(
    practitioner: Session, tmp_path: Path
) -> None:
    copy = tmp_path / "tiers.mvbackup"
    create_backup(practitioner, copy, passphrase=PHRASE)
    report = verify_backup_in_session(practitioner, copy, secrets=BackupSecrets(passphrase=PHRASE))
    assert report.ok and not report.deep_checked
    assert backup_status(practitioner).last_verified_at is None


def test_recording_is_for_this_vaults_backups_and_practitioners(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    backup = tmp_path / "b.mvbackup"
    create_backup(practitioner, backup)
    report = verify_backup(backup, BackupSecrets(recovery_code=vault.recovery_code))
    practitioner.close()
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        with pytest.raises(PermissionDeniedError):
            record_verification(session, backup, report)
        with pytest.raises(PermissionDeniedError):
            verify_backup_in_session(
                session, backup, secrets=BackupSecrets(recovery_code=vault.recovery_code)
            )
        assert backup_status(session).last_verified_at is None
        denied = audit_repo.recent(session.admin_db, 1)[0]
        assert (denied.target, denied.outcome) == ("backup_restore", "denied")
