"""The failed-login back-off rules and their lenient reading from the header."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medvault.core.errors import LoginThrottledError
from medvault.core.login_backoff import (
    MAX_DELAY,
    MAX_UNAUDITED,
    FailureRecord,
    LoginFailures,
    delay_after,
    parse_login_failures,
)

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
LOGINS = {"dr.martin", "accueil"}


@pytest.mark.parametrize(
    ("count", "seconds"),
    [(0, 0), (1, 0), (4, 0), (5, 30), (6, 60), (7, 120), (9, 480), (10, 900), (11, 900)],
)
def test_delay_starts_at_the_fifth_failure_doubles_and_is_capped(count: int, seconds: int) -> None:
    assert delay_after(count) == timedelta(seconds=seconds)


def test_huge_counts_never_wait_more_than_the_cap() -> None:
    assert delay_after(10**12) == MAX_DELAY == timedelta(minutes=15)


def _record(count: int, last: datetime, login: str | None = "dr.martin") -> FailureRecord:
    return FailureRecord(login=login, count=count, last=last, unaudited=count)


def test_remaining_wait_counts_from_the_last_failure() -> None:
    record = _record(5, NOW)
    assert record.remaining_wait(NOW) == timedelta(seconds=30)
    assert record.remaining_wait(NOW + timedelta(seconds=20)) == timedelta(seconds=10)
    assert record.remaining_wait(NOW + timedelta(seconds=30)) == timedelta(0)
    assert _record(4, NOW).remaining_wait(NOW) == timedelta(0)


def test_a_last_failure_in_the_future_imposes_no_wait() -> None:
    # A clock set back (or an edited file) must not lock the practice out.
    assert _record(50, NOW + timedelta(days=365)).remaining_wait(NOW) == timedelta(0)


@given(
    count=st.integers(min_value=0, max_value=10**6),
    offset=st.integers(min_value=-(10**9), max_value=10**9),
)
def test_no_record_ever_asks_for_more_than_fifteen_minutes(count: int, offset: int) -> None:
    wait = _record(count, NOW + timedelta(seconds=offset)).remaining_wait(NOW)
    assert timedelta(0) <= wait <= MAX_DELAY


def test_failures_are_counted_per_login_and_success_resets_only_that_login() -> None:
    failures = LoginFailures()
    for _ in range(5):
        failures = failures.after_failure("dr.martin", NOW)
    failures = failures.after_failure(None, NOW).after_failure("accueil", NOW)
    assert [(r.login, r.count, r.unaudited) for r in failures.records] == [
        ("accueil", 1, 1),
        ("dr.martin", 5, 5),
        (None, 1, 1),
    ]
    after = failures.after_success("accueil")
    assert after.get("accueil") is None
    # the others keep their counters (and delay) but are no longer pending for the audit
    assert [(r.login, r.count, r.unaudited) for r in after.records] == [
        ("dr.martin", 5, 0),
        (None, 1, 0),
    ]
    assert after.remaining_wait("dr.martin", NOW) == timedelta(seconds=30)
    assert not LoginFailures().after_failure("x", NOW).after_success("x")


def test_pending_audit_count_is_bounded() -> None:
    failures = LoginFailures()
    for _ in range(MAX_UNAUDITED + 5):
        failures = failures.after_failure(None, NOW)
    record = failures.get(None)
    assert record is not None
    assert (record.count, record.unaudited) == (MAX_UNAUDITED + 5, MAX_UNAUDITED)


def test_json_round_trip() -> None:
    failures = LoginFailures().after_failure("dr.martin", NOW).after_failure(None, NOW)
    assert parse_login_failures(failures.to_json(), LOGINS) == failures


def _entry(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "login": "dr.martin",
        "count": 6,
        "last": "2026-03-02T09:30:00.000000Z",
        "unaudited": 6,
    }
    entry.update(changes)
    return entry


@pytest.mark.parametrize(
    "bad",
    [
        _entry(count=-1),
        _entry(count=True),
        _entry(count=1.5),
        _entry(count=10**30),
        _entry(unaudited="3"),
        _entry(last="yesterday"),
        _entry(last="2026-03-02T09:30:00"),  # no time zone
        _entry(last=12),
        _entry(login="someone.removed"),
        _entry(login=["dr.martin"]),
        _entry(extra=1),
        {"login": "dr.martin"},
        "dr.martin",
        None,
    ],
)
def test_a_nonsensical_entry_is_ignored_not_an_error(bad: object) -> None:
    good = _entry(login="accueil")
    parsed = parse_login_failures([bad, good], LOGINS)
    assert [r.login for r in parsed.records] == ["accueil"]


@pytest.mark.parametrize("value", [None, {}, "x", 3, {"dr.martin": 5}])
def test_a_value_that_is_not_a_list_means_no_failures(value: object) -> None:
    assert parse_login_failures(value, LOGINS) == LoginFailures()


def test_duplicate_entries_keep_the_first() -> None:
    parsed = parse_login_failures([_entry(count=7), _entry(count=1)], LOGINS)
    assert [(r.login, r.count) for r in parsed.records] == [("dr.martin", 7)]


@pytest.mark.parametrize(
    ("seconds", "fr", "en"),
    [
        (1, "attendez 1 seconde avant", "wait 1 second before"),
        (30, "attendez 30 secondes avant", "wait 30 seconds before"),
        (60, "attendez 1 minute avant", "wait 1 minute before"),
        (61, "attendez 2 minutes avant", "wait 2 minutes before"),
        (900, "attendez 15 minutes avant", "wait 15 minutes before"),
    ],
)
def test_throttled_error_says_how_long_in_plain_words(seconds: int, fr: str, en: str) -> None:
    error = LoginThrottledError(seconds)
    assert error.wait_seconds == seconds
    assert fr in error.message("fr")
    assert en in error.message("en")
