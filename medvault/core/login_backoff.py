"""Failed-login back-off, kept in the vault header so that restarting the app does not reset it.

Per existing login: how many failures in a row, when the last one happened, and how many are not
yet in the audit trail (the trail is encrypted: it can only be written after the next successful
unlock). Unknown logins share ONE anonymous bucket: the typed text is never stored, since a user
may type a password into the login field.

From the 5th failure in a row each attempt waits 30 s, doubling, capped at 15 minutes: never a
permanent lockout. Whatever is read from the file is checked leniently: an entry that does not
make sense is ignored (no wait), so a damaged or edited counter can neither lock anyone out nor
break the unlock. Resetting the counter by editing the file gains an attacker nothing they could
not do offline anyway, where each guess costs a full Argon2id derivation."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from medvault.core.clock import iso_utc

FREE_ATTEMPTS = 4  # the 5th failure in a row starts the delay
FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=15)
# Failures waiting for the audit trail, per bucket: beyond this only the counter grows (with the
# back-off, reaching it takes more than a week of attempts).
MAX_UNAUDITED = 1000
_MAX_COUNT = 1_000_000
_ENTRY_KEYS = {"login", "count", "last", "unaudited"}
_MAX_LOGIN_CHARS = 64


def delay_after(count: int) -> timedelta:
    """The wait imposed after `count` failures in a row."""
    if count <= FREE_ATTEMPTS:
        return timedelta(0)
    doublings = count - FREE_ATTEMPTS - 1
    if doublings >= 10:  # 30 s x 2^5 already exceeds the cap; avoid huge powers
        return MAX_DELAY
    return min(FIRST_DELAY * (1 << doublings), MAX_DELAY)


@dataclass(frozen=True)
class FailureRecord:
    login: str | None  # None: the anonymous bucket of unknown logins
    count: int  # failures in a row (drives the delay)
    last: datetime  # time of the last failure, timezone-aware
    unaudited: int  # failures not yet written to the audit trail

    def remaining_wait(self, now: datetime) -> timedelta:
        """How long before the next attempt may run; zero when it may run now.

        A last failure in the future (clock set back, or an edited file) imposes no wait: the
        other choice would let a wrong clock lock a practice out of its files."""
        delay = delay_after(self.count)
        if delay <= timedelta(0) or self.last > now:
            return timedelta(0)
        return max(self.last + delay - now, timedelta(0))

    def to_json(self) -> dict[str, Any]:
        return {
            "login": self.login,
            "count": self.count,
            "last": iso_utc(self.last),
            "unaudited": self.unaudited,
        }


@dataclass(frozen=True)
class LoginFailures:
    """Every bucket with failures; records kept in a stable order (known logins, then unknown)."""

    records: tuple[FailureRecord, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.records)

    def get(self, login: str | None) -> FailureRecord | None:
        return next((r for r in self.records if r.login == login), None)

    def remaining_wait(self, login: str | None, now: datetime) -> timedelta:
        record = self.get(login)
        return record.remaining_wait(now) if record is not None else timedelta(0)

    def after_failure(self, login: str | None, when: datetime) -> LoginFailures:
        previous = self.get(login)
        count = previous.count if previous is not None else 0
        unaudited = previous.unaudited if previous is not None else 0
        record = FailureRecord(
            login=login,
            count=min(count + 1, _MAX_COUNT),
            last=when.astimezone(UTC),
            unaudited=min(unaudited + 1, MAX_UNAUDITED),
        )
        return self._with(record)

    def after_success(self, login: str) -> LoginFailures:
        """The login's counter restarts; every pending failure has just been audited."""
        return self.without(login).audited()

    def audited(self) -> LoginFailures:
        """Pending failures written to the audit trail; the counters (and delays) remain."""
        return LoginFailures(tuple(replace(r, unaudited=0) for r in self.records))

    def without(self, login: str | None) -> LoginFailures:
        return LoginFailures(tuple(r for r in self.records if r.login != login))

    def _with(self, record: FailureRecord) -> LoginFailures:
        kept = [r for r in self.records if r.login != record.login]
        kept.append(record)
        # Known logins sorted, the anonymous bucket last: the same failures always give the
        # same header bytes.
        kept.sort(key=lambda r: (r.login is None, r.login or ""))
        return LoginFailures(tuple(kept))

    def to_json(self) -> list[dict[str, Any]]:
        return [r.to_json() for r in self.records]


def _read_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_COUNT:
        raise ValueError("bad count")
    return value


def _read_time(value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("bad time")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("naive time")
    return moment.astimezone(UTC)


def _read_record(value: Any, known_logins: Collection[str]) -> FailureRecord:
    if not isinstance(value, dict) or set(value) != _ENTRY_KEYS:
        raise ValueError("bad entry")
    login = value["login"]
    if login is not None and (
        not isinstance(login, str) or len(login) > _MAX_LOGIN_CHARS or login not in known_logins
    ):
        raise ValueError("not a login of this vault")
    return FailureRecord(
        login=login,
        count=_read_count(value["count"]),
        last=_read_time(value["last"]),
        unaudited=min(_read_count(value["unaudited"]), MAX_UNAUDITED),
    )


def parse_login_failures(value: Any, known_logins: Collection[str]) -> LoginFailures:
    """Lenient on purpose: an entry that does not make sense is dropped, never an error."""
    if not isinstance(value, list):
        return LoginFailures()
    records: list[FailureRecord] = []
    seen: set[str | None] = set()
    for item in value[: len(known_logins) + 1]:
        try:
            record = _read_record(item, known_logins)
        except (ValueError, TypeError, OverflowError):
            continue
        if record.login in seen:
            continue
        seen.add(record.login)
        records.append(record)
    result = LoginFailures()
    for record in records:
        result = result._with(record)
    return result
