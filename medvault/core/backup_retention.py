"""Which automatic backups to keep: the newest of each of the last N days, weeks and months.

Like the "keep daily/weekly/monthly" rules of common backup tools: for each period kind, walk
the backups from newest to oldest and keep the newest one of each distinct period until the
count is reached. The union of the three is kept; the newest backup is always kept. Only files
named by `backup_file_name` for the same practice are ever considered."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

BACKUP_SUFFIX = ".mvbackup"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"(?P<slug>[a-z0-9-]+)-(?P<stamp>\d{8}T\d{6}Z)\.mvbackup")


@dataclass(frozen=True)
class RetentionPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def __post_init__(self) -> None:
        if min(self.daily, self.weekly, self.monthly) < 0:
            raise ValueError("retention counts cannot be negative")


def practice_slug(practice_name: str) -> str:
    """ASCII, lower case, dashes: 'Cabinet du Dr Lévy' -> 'cabinet-du-dr-levy'."""
    ascii_name = unicodedata.normalize("NFKD", practice_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:60].strip("-") or "medvault"


def backup_file_name(slug: str, when: datetime) -> str:
    return f"{slug}-{when.astimezone(UTC).strftime(_STAMP)}{BACKUP_SUFFIX}"


def parse_backup_time(name: str, slug: str) -> datetime | None:
    """The UTC time in an automatic backup's name, or None for any other file."""
    match = _NAME.fullmatch(name)
    if match is None or match["slug"] != slug:
        return None
    try:
        return datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _newest_per_period(
    newest_first: list[datetime], count: int, period: Callable[[datetime], object]
) -> set[datetime]:
    kept: set[datetime] = set()
    seen: set[object] = set()
    for moment in newest_first:
        if len(seen) >= count:
            break
        key = period(moment)
        if key not in seen:
            seen.add(key)
            kept.add(moment)
    return kept


def backups_to_keep(times: Iterable[datetime], policy: RetentionPolicy) -> set[datetime]:
    newest_first = sorted(set(times), reverse=True)
    if not newest_first:
        return set()
    utc = [t.astimezone(UTC) for t in newest_first]
    by_original = dict(zip(utc, newest_first, strict=True))
    kept = {utc[0]}
    kept |= _newest_per_period(utc, policy.daily, lambda t: t.date())
    kept |= _newest_per_period(utc, policy.weekly, lambda t: t.isocalendar()[:2])
    kept |= _newest_per_period(utc, policy.monthly, lambda t: (t.year, t.month))
    return {by_original[t] for t in kept}
