"""The audit viewer's services: filtered keyset pages newest first (live then archive), one
patient's access history, the CSV export; practitioners only, and each opening audited."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from medvault.core.audit import AuditAction, AuditEvent, Outcome
from medvault.core.audit_query import CSV_COLUMNS, AuditFilter
from medvault.core.documents import ExportTargetError
from medvault.core.errors import FieldError, PermissionDeniedError, UnknownPatientError
from medvault.core.permissions import Area
from medvault.services import audit_view
from medvault.services.session import Session
from medvault.storage import audit_repo
from tests.conftest import PRACTITIONER_LOGIN, RECEPTIONIST_LOGIN
from tests.services.clinical_helpers import add_patient, delete_patient


def _fill(session: Session, patient: int, other: int) -> None:
    for _ in range(5):
        session.record(AuditEvent(AuditAction.READ, Area.ADMINISTRATIVE, patient_id=str(patient)))
    session.record(AuditEvent(AuditAction.UPDATE, Area.CLINICAL, patient_id=str(patient)))
    session.record(AuditEvent(AuditAction.EXPORT, Area.CLINICAL, patient_id=str(patient)))
    session.record(AuditEvent(AuditAction.READ, Area.ADMINISTRATIVE, patient_id=str(other)))
    session.record(
        AuditEvent(AuditAction.UPDATE, Area.SYSTEM, Outcome.DENIED, target="users_manage")
    )


def _all(session: Session, audit_filter: AuditFilter, page: int = 3) -> list[int]:
    cursor = audit_view.query_audit(session, audit_filter)
    seqs: list[int] = []
    while rows := audit_view.audit_page(session, cursor, page):
        seqs.extend(entry.record.seq for entry in rows)
        cursor = cursor.after(rows)
    return seqs


def test_pages_walk_every_match_newest_first(practitioner: Session) -> None:
    patient, other = add_patient(practitioner), add_patient(practitioner, "MOREAU")
    _fill(practitioner, patient, other)
    everything = [r.seq for r in audit_repo.recent(practitioner.admin_db, 10_000)]
    assert _all(practitioner, AuditFilter()) == everything

    mine = _all(practitioner, AuditFilter(patient_id=str(patient)))
    assert len(mine) == 7 and mine == sorted(mine, reverse=True)
    reads = _all(practitioner, AuditFilter(patient_id=str(patient), action="read"))
    assert len(reads) == 5
    denied = _all(practitioner, AuditFilter(outcome="denied", user_login=PRACTITIONER_LOGIN))
    assert len(denied) == 1
    assert _all(practitioner, AuditFilter(user_login=RECEPTIONIST_LOGIN))  # her earlier logins


def test_date_range_is_exact(practitioner: Session) -> None:
    records = audit_repo.recent(practitioner.admin_db, 10_000)
    middle = records[len(records) // 2]
    moment = datetime.fromisoformat(middle.timestamp)
    after = _all(practitioner, AuditFilter(since=moment))
    before = _all(practitioner, AuditFilter(until=moment))
    assert after[-1] == middle.seq and middle.seq not in before
    assert sorted(after + before, reverse=True) == [r.seq for r in records]
    future = datetime.now(UTC) + timedelta(days=1)
    assert _all(practitioner, AuditFilter(since=future)) == []
    assert _all(practitioner, AuditFilter(until=moment - timedelta(days=365))) == []


@pytest.mark.parametrize(
    ("audit_filter", "field"),
    [
        (AuditFilter(patient_id="DUPONT"), "patient_id"),
        (AuditFilter(action="drop_table"), "action"),
        (AuditFilter(outcome="maybe"), "outcome"),
        (AuditFilter(since=datetime(2025, 1, 1)), "since"),
        (
            AuditFilter(
                since=datetime(2025, 2, 1, tzinfo=UTC), until=datetime(2025, 1, 1, tzinfo=UTC)
            ),
            "until",
        ),
    ],
)
def test_bad_filters_are_refused_by_field(
    practitioner: Session, audit_filter: AuditFilter, field: str
) -> None:
    with pytest.raises(FieldError) as caught:
        audit_view.query_audit(practitioner, audit_filter)
    assert caught.value.field == field
    assert caught.value.message("fr") != caught.value.message("en")


def test_access_history_is_the_patients_records_and_is_audited(practitioner: Session) -> None:
    patient, other = add_patient(practitioner), add_patient(practitioner, "MOREAU")
    _fill(practitioner, patient, other)
    cursor = audit_view.open_access_history(practitioner, patient)
    opened = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (opened.action, opened.patient_id, opened.target) == (
        "read",
        str(patient),
        "access_history",
    )
    rows = audit_view.audit_page(practitioner, cursor, 100)
    assert rows[0].record.seq == opened.seq  # newest first, the opening included
    assert {e.record.patient_id for e in rows} == {str(patient)}
    assert {e.record.action for e in rows} == {"read", "update", "export"}
    delete_patient(practitioner, patient)  # a deleted file's history stays readable
    assert audit_view.open_access_history(practitioner, patient).audit_filter.patient_id
    with pytest.raises(UnknownPatientError):
        audit_view.open_access_history(practitioner, 999_999)


def test_opening_the_viewer_is_audited_and_lists_logins(practitioner: Session) -> None:
    overview = audit_view.open_audit_log(practitioner)
    assert overview.logins == (RECEPTIONIST_LOGIN, PRACTITIONER_LOGIN)
    assert overview.archived is None
    last = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (last.action, last.area, last.target) == ("read", "system", "audit_log")


def test_csv_export_holds_ids_and_codes_and_is_audited(
    practitioner: Session, tmp_path: Path
) -> None:
    patient = add_patient(practitioner, "BERTRANDSECRET")
    _fill(practitioner, patient, patient)
    target = tmp_path / "journal.csv"
    target.write_text("old content")  # the file chooser asked before replacing
    count = audit_view.export_audit_csv(practitioner, AuditFilter(patient_id=str(patient)), target)
    assert count == 8
    text = target.read_text(encoding="utf-8")
    assert "BERTRANDSECRET" not in text.upper() and "old content" not in text
    rows = list(csv.reader(text.splitlines()))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 9
    assert {row[6] for row in rows[1:]} == {str(patient)}
    assert not list(tmp_path.glob(".medvault-audit-*"))
    last = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (last.action, last.target, last.patient_id) == ("export", "audit_log", str(patient))


def test_csv_export_to_a_missing_folder_writes_nothing(
    practitioner: Session, tmp_path: Path
) -> None:
    head = audit_repo.read_head(practitioner.admin_db)
    with pytest.raises(ExportTargetError):
        audit_view.export_audit_csv(practitioner, AuditFilter(), tmp_path / "no" / "x.csv")
    assert audit_repo.read_head(practitioner.admin_db) == head


def test_reception_sees_no_audit(receptionist: Session, tmp_path: Path) -> None:
    calls = [
        lambda: audit_view.open_audit_log(receptionist),
        lambda: audit_view.verify_audit_trail(receptionist),
        lambda: audit_view.query_audit(receptionist, AuditFilter()),
        lambda: audit_view.open_access_history(receptionist, 1),
        lambda: audit_view.export_audit_csv(receptionist, AuditFilter(), tmp_path / "x.csv"),
    ]
    for call in calls:
        with pytest.raises(PermissionDeniedError):
            call()
        denied = audit_repo.recent(receptionist.admin_db, 1)[0]
        assert (denied.outcome, denied.target) == ("denied", "audit_read")
    assert not (tmp_path / "x.csv").exists()
