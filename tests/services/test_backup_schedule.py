"""Automatic backups: naming, rotation that touches only its own files, status and warnings,
audit records of both roles, and a failing folder that leaves the vault untouched."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from medvault.core.backup_errors import BackupFolderUnavailableError
from medvault.core.backup_retention import RetentionPolicy
from medvault.core.clock import Clock
from medvault.core.kdf import KdfProfile
from medvault.services.backup_recovery import ensure_recovery_recipient
from medvault.services.backup_schedule import backup_status, run_scheduled_backup
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock
from medvault.storage import audit_repo
from tests.conftest import CHEAP_KDF, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, VaultInfo
from tests.helpers import snapshot


class FixedClock(Clock):
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def test_rotation_keeps_policy_and_foreign_files(practitioner: Session, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a backup")
    start = datetime(2025, 1, 1, 22, tzinfo=UTC)
    policy = RetentionPolicy(daily=2, weekly=1, monthly=1)
    for day in range(10):
        run_scheduled_backup(practitioner, folder, start + timedelta(days=day), policy=policy)
    names = sorted(p.name for p in folder.iterdir())
    assert "notes.txt" in names
    backups = [n for n in names if n.endswith(".mvbackup")]
    # daily: 10th and 9th; weekly (ISO week 2) and monthly (January): the 10th again.
    assert backups == [
        "cabinet-du-parc-20250109T220000Z.mvbackup",
        "cabinet-du-parc-20250110T220000Z.mvbackup",
    ]
    assert not list(folder.glob(".*"))  # no temp files left


def test_status_and_warnings(vault: VaultInfo, tmp_path: Path) -> None:
    clock = FixedClock(datetime(2025, 6, 1, 8, tzinfo=UTC))
    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF), clock=clock)
    folder = tmp_path / "backups"
    folder.mkdir()
    with unlock(vault.directory, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, config=config) as s:
        fresh = backup_status(s, folder)
        assert fresh.last_ok_at is None
        assert any("No backup" in w.en for w in fresh.warnings)
        # registered at vault creation: no warning, and registering again changes nothing
        assert not any("recovery code" in w.en for w in fresh.warnings)
        assert ensure_recovery_recipient(s, vault.recovery_code) is False
        result = run_scheduled_backup(s, folder, clock.now())
        assert result.result.path.parent == folder
        status = backup_status(s, folder)
        assert status.ok and status.last_ok_at == "2025-06-01T08:00:00.000000Z"
        assert status.last_file == str(result.result.path)
        records = audit_repo.recent(s.admin_db, 2)
        assert [(r.action, r.user_login, r.outcome) for r in records] == [
            ("backup", RECEPTIONIST_LOGIN, "success"),
            ("login", RECEPTIONIST_LOGIN, "success"),
        ]
        clock.moment += timedelta(days=3)
        stale = backup_status(s, folder, max_age=timedelta(days=2))
        assert [w.en for w in stale.warnings] == ["The last successful backup is 3 day(s) old."]
        missing = backup_status(s, tmp_path / "unplugged")
        assert any("missing or not writable" in w.en for w in missing.warnings)


def test_unreachable_folder_fails_cleanly_and_is_audited(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    before = snapshot(vault.directory)
    with pytest.raises(BackupFolderUnavailableError):
        run_scheduled_backup(practitioner, tmp_path / "unplugged", datetime.now(UTC))
    last = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (last.action, last.outcome) == ("backup", "error")
    status = backup_status(practitioner, tmp_path)
    assert any("last backup attempt failed" in w.en for w in status.warnings)
    assert not (tmp_path / "unplugged").exists()
    practitioner.close()
    after = snapshot(vault.directory)
    assert after["clinical.db"] == before["clinical.db"]


def test_temp_files_left_by_an_interrupted_backup_are_cleaned_up(
    practitioner: Session, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    now = datetime.now(UTC)
    stale = folder / ".cabinet-du-parc-20251001T080000Z.mvbackup.abc123.tmp"
    recent = folder / ".cabinet-du-parc-20251001T090000Z.mvbackup.def456.tmp"
    foreign = folder / ".autre-cabinet-20251001T080000Z.mvbackup.ghi789.tmp"
    for path in (stale, recent, foreign):
        path.write_bytes(b"age-encryption.org/v1 (interrupted)")
    old = (now - timedelta(days=2)).timestamp()
    os.utime(stale, (old, old))
    os.utime(foreign, (old, old))

    run_scheduled_backup(practitioner, folder, now)

    assert not stale.exists()
    assert recent.exists()  # may still be written by a backup running right now
    assert foreign.exists()  # another practice's: never ours to remove
