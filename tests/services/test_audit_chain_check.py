"""The audit chain check run on a worker thread with its own read-only connection: the same
verdict as the check on the session's connection, cancellable, practitioners only."""

from __future__ import annotations

import threading

import pytest

from medvault.core.audit import AuditAction, AuditEvent, ChainReport
from medvault.core.errors import PermissionDeniedError
from medvault.core.permissions import Area
from medvault.services import audit_view
from medvault.services.audit_chain_check import ChainCheck, prepare_chain_check
from medvault.services.session import Session
from medvault.storage import audit_repo


def _reads(session: Session, count: int) -> None:
    for _ in range(count):
        session.record(AuditEvent(AuditAction.READ, Area.ADMINISTRATIVE, patient_id="7"))


def _run_on_worker(check: ChainCheck, cancelled: threading.Event) -> list[ChainReport | None]:
    result: list[ChainReport | None] = []
    worker = threading.Thread(target=lambda: result.append(check.run(cancelled.is_set)))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    return result


def test_same_verdict_as_the_session_check_while_the_session_writes(
    practitioner: Session,
) -> None:
    _reads(practitioner, 30)
    check = prepare_chain_check(practitioner)
    result: list[ChainReport | None] = []
    worker = threading.Thread(target=lambda: result.append(check.run()))
    worker.start()
    _reads(practitioner, 30)  # the session keeps writing on its own connection meanwhile
    worker.join(timeout=60)
    [report] = result
    assert report is not None and report.ok
    assert report.records_checked >= 30  # a consistent state, at least the first 30 reads
    assert audit_view.verify_audit_trail(practitioner).records_checked >= report.records_checked


def test_a_forged_record_is_reported_where_it_is(practitioner: Session) -> None:
    _reads(practitioner, 5)
    conn = practitioner.admin_db
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET target = 'x' WHERE seq = 3")
    [report] = _run_on_worker(prepare_chain_check(practitioner), threading.Event())
    assert report is not None and not report.ok
    assert report.first_bad_seq == 3
    assert report == audit_view.verify_audit_trail(practitioner)


def test_cancelled_gives_no_verdict(practitioner: Session) -> None:
    cancelled = threading.Event()
    cancelled.set()
    assert _run_on_worker(prepare_chain_check(practitioner), cancelled) == [None]


def test_the_copied_keys_are_wiped_after_the_run(practitioner: Session) -> None:
    check = prepare_chain_check(practitioner)
    keys = (check._admin_key, check._audit_key)
    assert not any(key.wiped for key in keys)
    check.run()
    assert all(key.wiped for key in keys)
    assert not practitioner.bundle.admin_key.wiped  # the session's own keys are untouched


def test_reception_cannot_check_the_chain_and_the_refusal_is_audited(
    receptionist: Session,
) -> None:
    with pytest.raises(PermissionDeniedError):
        prepare_chain_check(receptionist)
    last = audit_repo.recent(receptionist.admin_db, 1)[0]
    assert last.outcome == "denied"
