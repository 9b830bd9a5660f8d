"""Rights review: unused accounts flagged, the yearly reminder, the review date kept and
audited; practitioners only."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from medvault.core.errors import FieldError, PermissionDeniedError
from medvault.core.permissions import Role
from medvault.services import rights_review, users
from medvault.services.session import Session
from medvault.services.unlock import unlock
from medvault.storage import audit_repo
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    VaultInfo,
)


class ShiftedClock:
    def __init__(self, days: int) -> None:
        self.delta = timedelta(days=days)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.delta


def _later(vault: VaultInfo, days: int) -> Session:
    config = replace(vault.config, clock=ShiftedClock(days))
    return unlock(vault.directory, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=config)


def test_fresh_vault_needs_no_review_and_has_no_unused_account(practitioner: Session) -> None:
    status = rights_review.rights_review_status(practitioner)
    assert not status.review_due and status.unused_logins == ()
    assert status.unused_days == 90 and status.last_review_at is None


def test_unused_accounts_and_the_yearly_reminder(vault: VaultInfo) -> None:
    with _later(vault, 100) as session:
        status = rights_review.rights_review_status(session)
        # The practitioner just logged in (at the later date); reception did not.
        assert status.unused_logins == (RECEPTIONIST_LOGIN,)
        assert not status.review_due
        users.add_user(session, login="remplacant", display_name="Dr R", role=Role.PRACTITIONER)
        users.disable_user(session, login=RECEPTIONIST_LOGIN)
        status = rights_review.rights_review_status(session)
        assert status.unused_logins == ()  # disabled, and just created
        assert rights_review.set_unused_days(session, 30) == 30
    with _later(vault, 370) as session:
        status = rights_review.rights_review_status(session)
        assert status.review_due and status.unused_days == 30
        assert status.unused_logins == ("remplacant",)
        when = rights_review.record_rights_review(session)
        last = audit_repo.recent(session.admin_db, 1)[0]
        assert (last.action, last.user_login) == ("rights_review", PRACTITIONER_LOGIN)
        status = rights_review.rights_review_status(session)
        assert not status.review_due and status.last_review_at == when
    with _later(vault, 370 + 366) as session:
        assert rights_review.rights_review_status(session).review_due


@pytest.mark.parametrize("days", [29, 366, 0, "90", True])
def test_unused_period_bounds(practitioner: Session, days: object) -> None:
    head = audit_repo.read_head(practitioner.admin_db)
    with pytest.raises(FieldError) as caught:
        rights_review.set_unused_days(practitioner, days)  # type: ignore[arg-type]
    assert caught.value.field == "unused_days"
    assert "jours" in caught.value.message("fr") and "days" in caught.value.message("en")
    assert audit_repo.read_head(practitioner.admin_db) == head


def test_reception_cannot_review_rights(receptionist: Session) -> None:
    for call in (
        lambda: rights_review.rights_review_status(receptionist),
        lambda: rights_review.record_rights_review(receptionist),
        lambda: rights_review.set_unused_days(receptionist, 60),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
        denied = audit_repo.recent(receptionist.admin_db, 1)[0]
        assert (denied.outcome, denied.target) == ("denied", "users_manage")
