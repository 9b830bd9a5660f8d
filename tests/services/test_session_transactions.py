"""A clinical change and its audit record commit together, audit first."""

from __future__ import annotations

import pytest

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.permissions import Area
from medvault.services.session import Session


def _prepare(session: Session) -> None:
    session.clinical_db.execute("CREATE TABLE probe (v TEXT)")


def _audit_count(session: Session) -> int:
    return int(session.admin_db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_clinical_change_and_audit_commit_together(practitioner: Session) -> None:
    _prepare(practitioner)
    before = _audit_count(practitioner)
    with practitioner.clinical_transaction() as conn:
        conn.execute("INSERT INTO probe VALUES ('note')")
        practitioner.audit(AuditEvent(AuditAction.CREATE, Area.CLINICAL, patient_id="1"))
    assert not practitioner.admin_db.in_transaction
    assert not practitioner.clinical_db.in_transaction
    assert practitioner.clinical_db.execute("SELECT v FROM probe").fetchall() == [("note",)]
    assert _audit_count(practitioner) == before + 1


def test_failure_leaves_neither(practitioner: Session) -> None:
    _prepare(practitioner)
    before = _audit_count(practitioner)
    with pytest.raises(ValueError, match="invalid"), practitioner.clinical_transaction() as conn:
        conn.execute("INSERT INTO probe VALUES ('note')")
        practitioner.audit(AuditEvent(AuditAction.CREATE, Area.CLINICAL, patient_id="1"))
        raise ValueError("invalid input")
    assert practitioner.clinical_db.execute("SELECT count(*) FROM probe").fetchone()[0] == 0
    assert _audit_count(practitioner) == before
