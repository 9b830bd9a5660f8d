"""Audit retention: old records move into the archive unchanged, the chain archive + live still
verifies as one, tampering in the archive is named, bounds are refused, backups keep it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.audit_retention import ArchivedRange
from medvault.core.clock import iso_utc
from medvault.core.errors import FieldError, PermissionDeniedError
from medvault.core.permissions import Area
from medvault.services import audit_retention, audit_view, checks
from medvault.services.backup import create_backup
from medvault.services.backup_recovery import ensure_recovery_recipient
from medvault.services.backup_restore import restore_backup
from medvault.services.backup_verify import BackupSecrets, verify_backup
from medvault.services.session import Session
from medvault.services.unlock import unlock, unlock_with_recovery_code
from medvault.storage import audit_repo
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo


class ShiftedClock:
    def __init__(self, delta: timedelta) -> None:
        self.delta = delta

    def now(self) -> datetime:
        return datetime.now(UTC) + self.delta


def _later(vault: VaultInfo, days: int) -> Session:
    config = replace(vault.config, clock=ShiftedClock(timedelta(days=days)))
    return unlock(vault.directory, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=config)


@pytest.fixture
def year_later(vault: VaultInfo) -> Iterator[Session]:
    """A practitioner's session some 13 months after the vault was created and used."""
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        for index in range(6):
            session.record(AuditEvent(AuditAction.READ, Area.ADMINISTRATIVE, patient_id=str(index)))
    session = _later(vault, 400)
    yield session
    session.close()


def _seqs(session: Session, table: str) -> list[int]:
    rows = session.admin_db.execute(f"SELECT seq FROM {table} ORDER BY seq").fetchall()
    return [int(r[0]) for r in rows]


def test_archive_moves_old_records_and_the_chain_still_verifies(year_later: Session) -> None:
    session = year_later
    before = list(audit_repo.iter_records(session.admin_db))
    halfway = iso_utc(datetime.now(UTC) + timedelta(days=200))
    old = [r for r in before if r.timestamp < halfway]  # stamped 400 days earlier
    assert len(old) >= 10

    moved = audit_retention.archive_expired(session)

    assert moved is not None and moved.first_seq == 1
    archived = _seqs(session, "audit_archive")
    assert archived == list(range(1, moved.last_seq + 1))
    assert len(archived) == len(old)  # the login at the later date stays live
    live = _seqs(session, "audit_log")
    assert live[0] == moved.last_seq + 1
    # Records moved unchanged: same seq, same content, same MAC.
    assert list(audit_repo.iter_archived(session.admin_db)) == before[: moved.last_seq]
    checkpoint = audit_repo.recent(session.admin_db, 1)[0]
    assert checkpoint.action == AuditAction.AUDIT_ARCHIVE
    assert checkpoint.user_login == PRACTITIONER_LOGIN
    assert ArchivedRange.from_checkpoint(checkpoint.target) == moved
    assert moved.last_mac == before[moved.last_seq - 1].mac

    report = audit_view.verify_audit_trail(session)
    assert report.ok and report.records_checked == len(before) + 1
    legacy = checks.verify_audit_chain(session)  # checks and backups walk archive + live too
    assert legacy.ok and legacy.records_checked == len(before) + 1


def test_nothing_old_enough_writes_nothing(practitioner: Session) -> None:
    head = audit_repo.read_head(practitioner.admin_db)
    assert audit_retention.archive_expired(practitioner) is None
    assert audit_repo.read_head(practitioner.admin_db) == head
    assert _seqs(practitioner, "audit_archive") == []


def test_a_second_archive_extends_the_first(vault: VaultInfo, year_later: Session) -> None:
    first = audit_retention.archive_expired(year_later)
    assert first is not None
    year_later.close()
    with _later(vault, 800) as session:
        second = audit_retention.archive_expired(session)
        assert second is not None and second.first_seq == first.last_seq + 1
        assert _seqs(session, "audit_archive") == list(range(1, second.last_seq + 1))
        assert audit_view.verify_audit_trail(session).ok


def test_live_records_leave_only_into_the_archive(year_later: Session) -> None:
    conn = year_later.admin_db
    with pytest.raises(Exception, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq = 1")
    audit_retention.archive_expired(year_later)
    with pytest.raises(Exception, match="append-only"):
        conn.execute("DELETE FROM audit_archive WHERE seq = 1")
    with pytest.raises(Exception, match="append-only"):
        conn.execute("UPDATE audit_archive SET outcome = 'denied' WHERE seq = 1")


@pytest.mark.parametrize(
    ("tamper", "bad_seq"),
    [
        ("UPDATE audit_archive SET target = 'x' WHERE seq = 4", 4),
        ("DELETE FROM audit_archive WHERE seq = 3", 4),
    ],
)
def test_tampering_in_the_archive_is_named(year_later: Session, tamper: str, bad_seq: int) -> None:
    assert audit_retention.archive_expired(year_later) is not None
    conn = year_later.admin_db
    conn.execute("DROP TRIGGER audit_archive_no_update")
    conn.execute("DROP TRIGGER audit_archive_no_delete")
    conn.execute(tamper)

    report = audit_view.verify_audit_trail(year_later)
    assert not report.ok and report.first_bad_seq == bad_seq
    assert "archive" in report.reason_fr and f"{bad_seq}" in report.reason_en
    assert checks.verify_audit_chain(year_later).first_bad_seq == bad_seq


def test_records_moved_back_out_of_the_archive_are_seen(year_later: Session) -> None:
    moved = audit_retention.archive_expired(year_later)
    assert moved is not None
    conn = year_later.admin_db
    conn.execute("DROP TRIGGER audit_archive_no_delete")
    last = moved.last_seq
    # The last archived record put back into the live log: the order still chains ...
    conn.execute("INSERT INTO audit_log SELECT * FROM audit_archive WHERE seq = ?", (last,))
    conn.execute("DELETE FROM audit_archive WHERE seq = ?", (last,))
    assert checks.verify_audit_chain(year_later).ok
    # ... but the archive no longer ends where the checkpoint says.
    report = audit_view.verify_audit_trail(year_later)
    assert not report.ok and report.first_bad_seq == last


@pytest.mark.parametrize("months", [5, 37, 0, -12, "12", 12.0, True])
def test_retention_out_of_bounds_is_refused_in_both_languages(
    practitioner: Session, months: object
) -> None:
    head = audit_repo.read_head(practitioner.admin_db)
    with pytest.raises(FieldError) as caught:
        audit_retention.set_retention_months(practitioner, months)  # type: ignore[arg-type]
    assert caught.value.field == "retention_months"
    assert "mois" in caught.value.message("fr") and "month" in caught.value.message("en")
    assert audit_repo.read_head(practitioner.admin_db) == head  # nothing written
    assert audit_retention.retention_months(practitioner) == 12


def test_retention_setting_is_kept_audited_and_applied(
    vault: VaultInfo, year_later: Session
) -> None:
    assert audit_retention.set_retention_months(year_later, 24) == 24
    last = audit_repo.recent(year_later.admin_db, 1)[0]
    assert (last.action, last.target) == ("settings_change", "audit_retention:24")
    assert audit_retention.retention_months(year_later) == 24
    assert audit_retention.archive_expired(year_later) is None  # 13 months < 24
    assert audit_retention.set_retention_months(year_later, 6) == 6
    assert audit_retention.archive_expired(year_later) is not None


def test_reception_may_neither_read_nor_archive_the_log(receptionist: Session) -> None:
    for call in (
        lambda: audit_retention.archive_expired(receptionist),
        lambda: audit_retention.set_retention_months(receptionist, 12),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
        denied = audit_repo.recent(receptionist.admin_db, 1)[0]
        assert (denied.outcome, denied.target) == ("denied", "audit_retention")
    with pytest.raises(PermissionDeniedError):
        audit_retention.retention_months(receptionist)
    assert audit_repo.recent(receptionist.admin_db, 1)[0].target == "audit_read"
    assert _seqs(receptionist, "audit_archive") == []


def test_backup_round_trip_keeps_the_archive(
    vault: VaultInfo, year_later: Session, tmp_path: Path
) -> None:
    moved = audit_retention.archive_expired(year_later)
    assert moved is not None
    archived = list(audit_repo.iter_archived(year_later.admin_db))
    ensure_recovery_recipient(year_later, vault.recovery_code)
    target = tmp_path / "b.mvbackup"
    create_backup(year_later, target)
    year_later.close()

    secrets = BackupSecrets(recovery_code=vault.recovery_code)
    verified = verify_backup(target, secrets)
    assert verified.ok and verified.audit is not None
    restored = tmp_path / "Restored.medvault"
    assert restore_backup(target, restored, secrets, config=vault.config).verify.ok
    with unlock_with_recovery_code(restored, vault.recovery_code, config=vault.config) as s:
        assert list(audit_repo.iter_archived(s.admin_db)) == archived
        report = audit_view.verify_audit_trail(s)
        assert report.ok and report.records_checked > len(archived)
