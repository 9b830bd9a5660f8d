"""After a practitioner's login, audit records past the retention period move to the archive
without anyone having to think of it; a receptionist's login leaves them where they are."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.permissions import Area
from medvault.gui.vault_controller import VaultController
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.gui.conftest import RecordingDialogs, submit_login


class ShiftedClock:
    def __init__(self, delta: timedelta) -> None:
        self.delta = delta

    def now(self) -> datetime:
        return datetime.now(UTC) + self.delta


def archived(vault: VaultInfo) -> int:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        return int(session.admin_db.execute("SELECT count(*) FROM audit_archive").fetchone()[0])


@pytest.mark.parametrize(
    ("login", "password", "expect_archive"),
    [
        (PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, True),
        (RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, False),
    ],
)
def test_a_login_thirteen_months_later_archives_for_a_practitioner_only(
    qtbot: QtBot,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
    login: str,
    password: str,
    expect_archive: bool,
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        session.record(AuditEvent(AuditAction.READ, Area.ADMINISTRATIVE, patient_id="1"))
    later = replace(vault.config, clock=ShiftedClock(timedelta(days=400)))
    controller = VaultController(vault.directory, config=later, dialogs=dialogs)
    controller.start()
    with qtbot.waitSignal(controller.login_window.unlocked, timeout=5000):
        submit_login(qtbot, controller.login_window, login, password)
    window = controller.main_window
    assert window is not None
    window.lock()
    controller.login_window.close()
    assert (archived(vault) > 0) is expect_archive
