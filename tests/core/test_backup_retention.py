"""The retention policy of automatic backups, as properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from medvault.core.backup_retention import (
    RetentionPolicy,
    backup_file_name,
    backups_to_keep,
    parse_backup_time,
    practice_slug,
)

_times = st.lists(
    st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
    ).map(lambda t: t.replace(microsecond=0)),
    max_size=80,
)
_policies = st.builds(
    RetentionPolicy,
    daily=st.integers(0, 10),
    weekly=st.integers(0, 6),
    monthly=st.integers(0, 14),
)


@given(_times, _policies)
def test_policy_properties(times: list[datetime], policy: RetentionPolicy) -> None:
    kept = backups_to_keep(times, policy)
    assert kept <= set(times)
    if times:
        assert max(times) in kept  # never deletes the newest
    assert len(kept) <= max(1, policy.daily + policy.weekly + policy.monthly)
    assert backups_to_keep(kept, policy) == kept  # applying it again deletes nothing more


@given(_times)
def test_default_policy_keeps_one_per_recent_day(times: list[datetime]) -> None:
    kept = backups_to_keep(times, RetentionPolicy())
    recent_days = sorted({t.date() for t in times}, reverse=True)[:7]
    for day in recent_days:
        newest_that_day = max(t for t in times if t.date() == day)
        assert newest_that_day in kept


def test_daily_backups_for_a_year() -> None:
    start = datetime(2024, 1, 1, 12, tzinfo=UTC)
    times = [start + timedelta(days=i) for i in range(366)]
    kept = backups_to_keep(times, RetentionPolicy())
    assert len(kept) <= 7 + 4 + 12
    assert sorted(kept)[-7:] == times[-7:]
    assert len({(t.year, t.month) for t in kept}) == 12


def test_names_round_trip_and_foreign_files_are_ignored() -> None:
    when = datetime(2025, 3, 1, 9, 15, 2, tzinfo=UTC)
    slug = practice_slug("Cabinet du Dr Lévy & Associés")
    assert slug == "cabinet-du-dr-levy-associes"
    name = backup_file_name(slug, when)
    assert name == "cabinet-du-dr-levy-associes-20250301T091502Z.mvbackup"
    assert parse_backup_time(name, slug) == when
    assert parse_backup_time(name, "other") is None
    assert parse_backup_time("notes.txt", slug) is None
    assert parse_backup_time(name + ".tmp", slug) is None
    assert practice_slug("***") == "medvault"
