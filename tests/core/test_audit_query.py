"""Pure parts of audit viewing and retention: calendar months back, CSV cells, checkpoints."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from medvault.core.audit import AuditRecord
from medvault.core.audit_query import CSV_COLUMNS, AuditEntry, csv_row
from medvault.core.audit_retention import (
    DEFAULT_RETENTION_MONTHS,
    ArchivedRange,
    months_before,
    stored_retention_months,
)
from medvault.core.permissions import Role


def test_months_before_clamps_to_the_end_of_shorter_months() -> None:
    assert months_before(datetime(2025, 3, 31, 8, tzinfo=UTC), 1) == datetime(
        2025, 2, 28, 8, tzinfo=UTC
    )
    assert months_before(datetime(2024, 2, 29, tzinfo=UTC), 12) == datetime(2023, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2025, 1, 15, tzinfo=UTC), 13) == datetime(
        2023, 12, 15, tzinfo=UTC
    )


@given(
    st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2200, 1, 1)),
    st.integers(min_value=6, max_value=36),
)
def test_months_before_is_always_earlier_by_about_that_many_months(
    moment: datetime, months: int
) -> None:
    earlier = months_before(moment.replace(tzinfo=UTC), months)
    days = (moment.replace(tzinfo=UTC) - earlier).days
    assert 28 * months - 3 <= days <= 31 * months


def test_stored_retention_falls_back_to_the_default_when_out_of_range() -> None:
    assert stored_retention_months("24") == 24
    for stored in (None, "", "5", "37", "-1", "douze"):
        assert stored_retention_months(stored) == DEFAULT_RETENTION_MONTHS


def test_checkpoint_target_round_trips_and_rejects_anything_else() -> None:
    moved = ArchivedRange(1, 250, bytes(range(32)))
    assert ArchivedRange.from_checkpoint(moved.checkpoint_target()) == moved
    assert moved.count == 250
    for other in (None, "", "archive:1-2:zz", "audit_retention:12"):
        assert ArchivedRange.from_checkpoint(other) is None


def test_csv_cells_cannot_start_a_formula() -> None:
    record = AuditRecord(
        7,
        "2025-01-01T00:00:00.000000Z",
        "=cmd",
        Role.PRACTITIONER,
        "read",
        "system",
        "12",
        "+SUM(A1)",
        "success",
        b"\x01" * 32,
    )
    row = csv_row(AuditEntry(record, archived=True))
    assert len(row) == len(CSV_COLUMNS)
    assert row[2] == "'=cmd" and row[7] == "'+SUM(A1)" and row[9] == "1"
    assert row[10] == "01" * 32
