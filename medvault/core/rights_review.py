"""The periodic review of who may open the vault: accounts unused for a while are flagged, and
the practitioner is reminded to review rights once a year (the date of the last review is kept
in the vault)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from medvault.core.errors import FieldError
from medvault.core.users import User

DEFAULT_UNUSED_DAYS = 90
MIN_UNUSED_DAYS = 30
MAX_UNUSED_DAYS = 365
REVIEW_INTERVAL = timedelta(days=365)


@dataclass(frozen=True)
class AccountReview:
    user: User
    unused: bool  # active, and no login (or creation) within the unused period


@dataclass(frozen=True)
class RightsReviewStatus:
    accounts: tuple[AccountReview, ...]
    unused_days: int
    last_review_at: str | None
    review_due: bool

    @property
    def unused_logins(self) -> tuple[str, ...]:
        return tuple(a.user.login for a in self.accounts if a.unused)


def validate_unused_days(days: object) -> int:
    if isinstance(days, bool) or not isinstance(days, int):
        raise FieldError(
            "unused_days",
            "Le délai d'inactivité d'un compte est un nombre entier de jours.",
            "The account inactivity period is a whole number of days.",
        )
    if not MIN_UNUSED_DAYS <= days <= MAX_UNUSED_DAYS:
        raise FieldError(
            "unused_days",
            f"Le délai d'inactivité d'un compte doit être compris entre {MIN_UNUSED_DAYS} et "
            f"{MAX_UNUSED_DAYS} jours.",
            f"The account inactivity period must be between {MIN_UNUSED_DAYS} and "
            f"{MAX_UNUSED_DAYS} days.",
        )
    return days


def stored_unused_days(stored: str | None) -> int:
    if stored is None or not stored.isdigit():
        return DEFAULT_UNUSED_DAYS
    value = int(stored)
    return value if MIN_UNUSED_DAYS <= value <= MAX_UNUSED_DAYS else DEFAULT_UNUSED_DAYS


def _moment(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def assess(
    users: list[User], *, now: datetime, unused_days: int, last_review_at: str | None
) -> RightsReviewStatus:
    """Flag active accounts with no login for `unused_days` (an account never used counts from
    its creation); the review is due a year after the last one, or after the vault's first
    account was created when there was none yet."""
    limit = now - timedelta(days=unused_days)
    accounts = []
    for user in users:
        last = _moment(user.last_login_at) or _moment(user.created_at)
        accounts.append(AccountReview(user, user.active and last is not None and last < limit))
    reference = _moment(last_review_at)
    if reference is None:
        created = [m for m in (_moment(u.created_at) for u in users) if m is not None]
        reference = min(created) if created else None
    due = reference is not None and now - reference > REVIEW_INTERVAL
    return RightsReviewStatus(tuple(accounts), unused_days, last_review_at, due)
