"""The new-recovery-code wizard: practitioners only; the password first; the code shown once
and typed back; nothing changed before Finish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from medvault.gui.main_window import MainWindow
from medvault.gui.recovery_code_wizard import RecoveryCodeWizard
from medvault.services.session import Session
from medvault.storage import audit_repo
from tests.conftest import PRACTITIONER_PASSWORD
from tests.gui.conftest import RecordingDialogs

Button = QWizard.WizardButton


def _recovery_slot_id(session: Session) -> str:
    slot = session.header.recovery_slot()
    assert slot is not None
    return slot.slot_id


def _shown_code(wizard: RecoveryCodeWizard) -> list[str]:
    labels = [wizard.findChild(QLabel, f"code_group_{index}") for index in range(8)]
    return [label.text() for label in labels if label is not None]


def _to_code_page(qtbot: QtBot, wizard: RecoveryCodeWizard) -> list[str]:
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.password_page.password_edit.setText(PRACTITIONER_PASSWORD)
    wizard.button(Button.NextButton).click()
    assert wizard.currentPage() is wizard.recovery_page
    groups = _shown_code(wizard)
    assert len(groups) == 8 and all(len(group) == 4 for group in groups)
    return groups


def test_a_wrong_password_stays_on_the_first_page(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    wizard = RecoveryCodeWizard(practitioner, dialogs)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.password_page.password_edit.setText("pas-le-bon")
    wizard.button(Button.NextButton).click()
    assert wizard.currentPage() is wizard.password_page
    assert "mot de passe" in wizard.password_page.error_label.text().lower()
    assert _shown_code(wizard) == []  # no code made, none shown


def test_the_code_is_in_force_only_after_it_is_typed_back(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    before = _recovery_slot_id(practitioner)
    wizard = RecoveryCodeWizard(practitioner, dialogs)
    qtbot.addWidget(wizard)
    groups = _to_code_page(qtbot, wizard)
    page = wizard.recovery_page
    assert not wizard.button(Button.FinishButton).isEnabled()
    assert _recovery_slot_id(practitioner) == before  # shown, not yet in force
    first, second = page.asked_groups
    page.check_edits[0].setText(groups[first])
    page.check_edits[1].setText(groups[second].lower())
    assert wizard.button(Button.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.replaced, timeout=10000):
        wizard.button(Button.FinishButton).click()
    assert _recovery_slot_id(practitioner) != before
    last = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (last.action, last.target) == ("key_rotation", "recovery_code")
    assert dialogs.shown and dialogs.shown[-1][0] == "inform"
    assert "".join(groups) not in repr(dialogs.shown)  # the code is never repeated elsewhere


def test_cancelled_on_the_code_page_nothing_changes(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    before = _recovery_slot_id(practitioner)
    wizard = RecoveryCodeWizard(practitioner, dialogs)
    qtbot.addWidget(wizard)
    _to_code_page(qtbot, wizard)
    wizard.button(Button.CancelButton).click()
    assert _recovery_slot_id(practitioner) == before


@pytest.mark.parametrize(("role", "offered"), [("practitioner", True), ("receptionist", False)])
def test_the_menu_offers_it_to_practitioners_only(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    dialogs: RecordingDialogs,
    role: str,
    offered: bool,
) -> None:
    session: Session = request.getfixturevalue(role)
    window = MainWindow(session, dialogs=dialogs, settings=None)
    qtbot.addWidget(window)
    assert (window.menu.recovery_code_action is not None) is offered


def test_a_lock_on_the_code_page_leaves_the_code_in_force_and_nothing_shown(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    before = _recovery_slot_id(practitioner)
    window = MainWindow(practitioner, dialogs=dialogs, settings=None)
    qtbot.addWidget(window)
    assert window.menu.recovery_code_action is not None
    window.menu.recovery_code_action.trigger()
    [wizard] = [w for w in window.menu._opened if isinstance(w, RecoveryCodeWizard)]
    groups = _to_code_page(qtbot, wizard)
    window.menu.close_windows()  # what a lock does first
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    texts = [w.text() for w in QApplication.allWidgets() if isinstance(w, QLabel | QLineEdit)]
    assert not any(group in text for group in groups for text in texts)
    assert _recovery_slot_id(practitioner) == before
