from __future__ import annotations

import pytest

from medvault.core.audit import AuditAction
from medvault.core.errors import FieldError, PermissionDeniedError
from medvault.core.permissions import Role
from medvault.core.session_lock import DEFAULT_MINUTES, LockDelays
from medvault.services import lock_settings
from medvault.storage import audit_repo, meta_repo
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)


def test_a_new_vault_locks_after_five_minutes_for_everyone(vault: VaultInfo) -> None:
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        assert lock_settings.lock_delays(session) == LockDelays(5, 5, False)
        assert lock_settings.my_lock_minutes(session) == DEFAULT_MINUTES == 5


def test_the_practitioner_sets_a_shorter_delay_for_the_desk(vault: VaultInfo) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        lock_settings.set_lock_delays(session, LockDelays(15, 2, True))
        assert lock_settings.my_lock_minutes(session) == 15
        last = audit_repo.recent(session.admin_db, 1)[0]
        assert (last.action, last.target) == (AuditAction.SETTINGS_CHANGE.value, "lock_delays")
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        assert session.role is Role.RECEPTIONIST
        assert lock_settings.my_lock_minutes(session) == 2
        assert lock_settings.lock_delays(session).lock_on_minimise is True


def test_the_receptionist_cannot_change_the_delays_and_is_audited(vault: VaultInfo) -> None:
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        with pytest.raises(PermissionDeniedError):
            lock_settings.set_lock_delays(session, LockDelays(30, 30))
        last = audit_repo.recent(session.admin_db, 1)[0]
        assert last.outcome == "denied"
        assert lock_settings.lock_delays(session) == LockDelays()


@pytest.mark.parametrize(
    ("delays", "field"),
    [
        (LockDelays(0, 5), "practitioner_minutes"),
        (LockDelays(5, 31), "receptionist_minutes"),
        (LockDelays(5, True), "receptionist_minutes"),  # type: ignore[arg-type]
        (LockDelays(5, 5, "yes"), "lock_on_minimise"),  # type: ignore[arg-type]
    ],
)
def test_delays_out_of_range_are_refused_and_nothing_is_written(
    vault: VaultInfo, delays: LockDelays, field: str
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        with pytest.raises(FieldError) as raised:
            lock_settings.set_lock_delays(session, delays)
        assert raised.value.field == field
        assert "minutes" in raised.value.message("en") or field == "lock_on_minimise"
        assert lock_settings.lock_delays(session) == LockDelays()


def test_a_damaged_stored_value_falls_back_to_the_default_not_to_never(
    vault: VaultInfo,
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        with session.admin_transaction() as conn:
            meta_repo.put(conn, "settings", "lock.practitioner_minutes", "0")
            meta_repo.put(conn, "settings", "lock.receptionist_minutes", "beaucoup")
        assert lock_settings.lock_delays(session) == LockDelays(5, 5)
