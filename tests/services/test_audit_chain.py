"""The audit trail: append-only, HMAC-chained, and the verifier names the first bad record."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.permissions import Area
from medvault.services import checks
from medvault.services.session import Session
from medvault.storage.database import Connection

Tamper = Callable[[Connection, int], None]


@pytest.fixture
def logged(practitioner: Session) -> tuple[Session, int]:
    """A session whose audit log holds a dozen records or more."""
    for index in range(8):
        practitioner.record(
            AuditEvent(AuditAction.READ, Area.ADMINISTRATIVE, patient_id=f"p{index}")
        )
    count = practitioner.admin_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    assert count >= 12
    return practitioner, int(count)


def _unprotect(conn: Connection) -> None:
    # Someone editing the file with the key can drop the triggers; the chain still tells.
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")


def test_untouched_chain_verifies(logged: tuple[Session, int]) -> None:
    session, count = logged
    report = checks.verify_audit_chain(session)
    assert report.ok and report.records_checked == count + 0


def test_application_cannot_update_or_delete_audit_records(logged: tuple[Session, int]) -> None:
    session, _ = logged
    with pytest.raises(Exception, match="append-only"):
        session.admin_db.execute("UPDATE audit_log SET outcome = 'success' WHERE seq = 2")
    with pytest.raises(Exception, match="append-only"):
        session.admin_db.execute("DELETE FROM audit_log WHERE seq = 2")


def _edit(conn: Connection, count: int) -> None:
    conn.execute("UPDATE audit_log SET patient_id = 'autre' WHERE seq = 7")


def _delete(conn: Connection, count: int) -> None:
    conn.execute("DELETE FROM audit_log WHERE seq = 7")


def _reorder(conn: Connection, count: int) -> None:
    cols = "ts, user_login, role, action, area, patient_id, target, outcome, mac"
    six = conn.execute(f"SELECT {cols} FROM audit_log WHERE seq = 6").fetchone()
    seven = conn.execute(f"SELECT {cols} FROM audit_log WHERE seq = 7").fetchone()
    assignments = ", ".join(f"{c.strip()} = ?" for c in cols.split(","))
    conn.execute(f"UPDATE audit_log SET {assignments} WHERE seq = 6", seven)
    conn.execute(f"UPDATE audit_log SET {assignments} WHERE seq = 7", six)


def _insert(conn: Connection, count: int) -> None:
    conn.execute("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 7")
    conn.execute("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000")
    conn.execute(
        "INSERT INTO audit_log (seq, ts, user_login, role, action, area, patient_id, target,"
        " outcome, mac) SELECT 7, ts, user_login, role, action, area, 'faux', target, outcome,"
        " randomblob(32) FROM audit_log WHERE seq = 6"
    )
    conn.execute("UPDATE audit_head SET seq = seq + 1")


def _truncate(conn: Connection, count: int) -> None:
    conn.execute("DELETE FROM audit_log WHERE seq >= 7")


def _append_past_head(conn: Connection, count: int) -> None:
    conn.execute(
        "INSERT INTO audit_log (seq, ts, user_login, role, action, area, patient_id, target,"
        " outcome, mac) SELECT seq + 1, ts, user_login, role, action, area, patient_id, target,"
        " outcome, mac FROM audit_log WHERE seq = ?",
        (count,),
    )


@pytest.mark.parametrize(
    ("tamper", "first_bad"),
    [
        (_edit, 7),
        (_delete, 8),
        (_reorder, 6),
        (_insert, 7),
        (_truncate, 7),
        (_append_past_head, "count+1"),
    ],
    ids=["edited", "deleted", "reordered", "inserted", "truncated", "appended-past-head"],
)
def test_verifier_names_the_first_bad_record(
    logged: tuple[Session, int], tamper: Tamper, first_bad: int | str
) -> None:
    session, count = logged
    conn = session.admin_db
    _unprotect(conn)
    tamper(conn, count)
    report = checks.verify_audit_chain(session)
    expected = count + 1 if first_bad == "count+1" else first_bad
    assert not report.ok
    assert report.first_bad_seq == expected
    assert f"#{expected}" in report.reason_en and f"n°{expected}" in report.reason_fr
    check = checks.check_vault(session)
    assert not check.ok and check.admin_problems == () and check.clinical_problems == ()


def test_missing_chain_head_is_reported(logged: tuple[Session, int]) -> None:
    session, _ = logged
    session.admin_db.execute("DELETE FROM audit_head")
    report = checks.verify_audit_chain(session)
    assert not report.ok and "head" in report.reason_en
