"""The users screen's rights review: unused accounts flagged, the yearly reminder, and marking
the review done (audited)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from medvault.gui.users_dialog import UsersDialog
from medvault.services.unlock import unlock
from medvault.storage import audit_repo
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, RECEPTIONIST_LOGIN, VaultInfo
from tests.gui.conftest import RecordingDialogs


class ShiftedClock:
    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(days=400)


def _flag(dialog: UsersDialog, login: str) -> str:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).text() == login:
            return dialog.table.item(row, 6).text()
    raise AssertionError(login)


def test_fresh_vault_shows_no_reminder(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        dialog = UsersDialog(session, dialogs=dialogs)
        qtbot.addWidget(dialog)
        assert "annuelle" not in dialog.review_label.text()
        assert _flag(dialog, RECEPTIONIST_LOGIN) == ""
        assert dialog.unused_days_spin.value() == 90


def test_reminder_flags_and_review_done(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs
) -> None:
    config = replace(vault.config, clock=ShiftedClock())
    with unlock(vault.directory, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=config) as s:
        dialog = UsersDialog(s, dialogs=dialogs)
        qtbot.addWidget(dialog)
        assert "annuelle est due" in dialog.review_label.text()
        assert "1 compte(s) inutilisé(s)" in dialog.review_label.text()
        assert "90" in _flag(dialog, RECEPTIONIST_LOGIN)
        assert _flag(dialog, PRACTITIONER_LOGIN) == ""  # just logged in
        dialog.review_done_button.click()
        assert audit_repo.recent(s.admin_db, 1)[0].action == "rights_review"
        assert "annuelle" not in dialog.review_label.text()
        assert "Dernière revue" in dialog.review_label.text()
        head = audit_repo.read_head(s.admin_db)
        dialog.unused_days_spin.editingFinished.emit()  # unchanged: nothing recorded
        assert audit_repo.read_head(s.admin_db) == head
        dialog.unused_days_spin.setValue(365)
        dialog.unused_days_spin.editingFinished.emit()
        assert audit_repo.recent(s.admin_db, 1)[0].target == "unused_days:365"
        assert "365" in _flag(dialog, RECEPTIONIST_LOGIN)  # 400 days without a login
        assert dialog.unused_days_spin.value() == 365
        dialog.close()
