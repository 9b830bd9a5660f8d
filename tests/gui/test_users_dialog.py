from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from medvault.core.errors import PermissionDeniedError, WrongCredentialsError
from medvault.core.permissions import Role
from medvault.gui.users_dialog import UsersDialog
from medvault.services.session import Session
from medvault.storage import audit_repo
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.gui.conftest import RecordingDialogs

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


class SecretDialogs(RecordingDialogs):
    def __init__(self) -> None:
        super().__init__()
        self.secrets: list[str] = []

    def show_secret(self, title: str, text: str, secret: str) -> None:
        self.secrets.append(secret)
        self.shown.append(("secret", title, text))


@pytest.fixture
def secret_dialogs() -> SecretDialogs:
    return SecretDialogs()


@pytest.fixture
def users_dialog(qtbot: QtBot, practitioner: Session, secret_dialogs: SecretDialogs) -> UsersDialog:
    dialog = UsersDialog(practitioner, dialogs=secret_dialogs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def close_session(dialog: UsersDialog) -> None:
    """One session per vault at a time: end the dialog's before unlocking again."""
    dialog.close()
    dialog.session.close()


def table_rows(dialog: UsersDialog) -> dict[str, list[str]]:
    rows = {}
    for row in range(dialog.table.rowCount()):
        cells = [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]
        rows[cells[0]] = cells
    return rows


def test_lists_every_account(users_dialog: UsersDialog) -> None:
    rows = table_rows(users_dialog)
    assert rows[PRACTITIONER_LOGIN][:5] == [
        "dr.martin",
        "Dr Claire Martin",
        "Praticien",
        "oui",
        "non",
    ]
    assert rows[RECEPTIONIST_LOGIN][:5] == [
        "accueil",
        "Accueil",
        "Secrétariat-accueil",
        "oui",
        "non",
    ]
    assert rows[PRACTITIONER_LOGIN][5] != "jamais"  # logged in by the fixture


def test_own_account_cannot_be_reset_or_disabled_here(users_dialog: UsersDialog) -> None:
    users_dialog.select_login(PRACTITIONER_LOGIN)
    assert not users_dialog.reset_button.isEnabled()
    assert not users_dialog.disable_button.isEnabled()
    users_dialog.select_login(RECEPTIONIST_LOGIN)
    assert users_dialog.reset_button.isEnabled()
    assert users_dialog.disable_button.isEnabled()


def test_add_user_shows_the_one_time_password_once(
    users_dialog: UsersDialog, secret_dialogs: SecretDialogs, vault: VaultInfo
) -> None:
    users_dialog.login_edit.setText("accueil2")
    users_dialog.name_edit.setText("Sophie Bernard")
    users_dialog.role_combo.setCurrentIndex(
        users_dialog.role_combo.findData(Role.RECEPTIONIST.value)
    )
    users_dialog.add_button.click()
    [initial] = secret_dialogs.secrets
    [(kind, _title, text)] = secret_dialogs.shown
    assert kind == "secret"
    assert "accueil2" in text and initial not in text
    assert table_rows(users_dialog)["accueil2"][2:5] == ["Secrétariat-accueil", "oui", "oui"]
    assert users_dialog.login_edit.text() == ""
    close_session(users_dialog)
    with vault.unlock("accueil2", initial) as session:
        assert session.must_change_password
        assert not session.has_clinical_access


def test_add_user_errors_are_plain(
    users_dialog: UsersDialog, secret_dialogs: SecretDialogs
) -> None:
    users_dialog.login_edit.setText(RECEPTIONIST_LOGIN)
    users_dialog.name_edit.setText("Autre")
    users_dialog.add_button.click()
    assert users_dialog.error_label.text() == "Cet identifiant est déjà utilisé."
    users_dialog.login_edit.setText("Sophie B")
    users_dialog.add_button.click()
    assert users_dialog.error_label.text().startswith("L'identifiant doit faire 2 à 32")
    assert secret_dialogs.secrets == []
    assert len(table_rows(users_dialog)) == 2


def test_reset_password_after_confirmation(
    users_dialog: UsersDialog, secret_dialogs: SecretDialogs, vault: VaultInfo
) -> None:
    users_dialog.select_login(RECEPTIONIST_LOGIN)
    secret_dialogs.queue_answers(NO)
    users_dialog.reset_button.click()
    assert secret_dialogs.secrets == []
    secret_dialogs.queue_answers(YES)
    users_dialog.reset_button.click()
    [initial] = secret_dialogs.secrets
    assert table_rows(users_dialog)[RECEPTIONIST_LOGIN][4] == "oui"
    close_session(users_dialog)
    with pytest.raises(WrongCredentialsError):
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    with vault.unlock(RECEPTIONIST_LOGIN, initial) as session:
        assert session.must_change_password


def test_disable_then_decline_rotation(
    users_dialog: UsersDialog, secret_dialogs: SecretDialogs, vault: VaultInfo
) -> None:
    users_dialog.select_login(RECEPTIONIST_LOGIN)
    secret_dialogs.queue_answers(YES, NO)
    users_dialog.disable_button.click()
    assert table_rows(users_dialog)[RECEPTIONIST_LOGIN][3] == "non"
    assert users_dialog.status_label.text() == "« accueil » est désactivé."
    assert [title for _kind, title in secret_dialogs.answered] == [
        "Désactiver un utilisateur",
        "Renouveler les clés",
    ]
    close_session(users_dialog)
    with pytest.raises(WrongCredentialsError):
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)


def test_disable_with_rotation_keeps_the_vault_usable(
    users_dialog: UsersDialog,
    practitioner: Session,
    secret_dialogs: SecretDialogs,
    vault: VaultInfo,
) -> None:
    generation = practitioner.header.key_generation
    users_dialog.select_login(RECEPTIONIST_LOGIN)
    secret_dialogs.queue_answers(YES, YES)
    users_dialog.disable_button.click()
    assert users_dialog.error_label.text() == ""
    assert users_dialog.status_label.text() == "Les clés du coffre ont été renouvelées."
    assert practitioner.header.key_generation == generation + 1
    users_dialog.select_login(RECEPTIONIST_LOGIN)
    secret_dialogs.queue_answers(YES)
    users_dialog.reset_button.click()  # the session still writes after rotation
    assert users_dialog.error_label.text() == ""
    close_session(users_dialog)
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.header.key_generation == generation + 1


def test_rotate_button_asks_first(
    users_dialog: UsersDialog, practitioner: Session, secret_dialogs: SecretDialogs
) -> None:
    generation = practitioner.header.key_generation
    secret_dialogs.queue_answers(NO)
    users_dialog.rotate_button.click()
    assert practitioner.header.key_generation == generation
    secret_dialogs.queue_answers(YES)
    users_dialog.rotate_button.click()
    assert practitioner.header.key_generation == generation + 1


def test_receptionist_gets_no_users_screen(
    qtbot: QtBot, vault: VaultInfo, receptionist: Session, secret_dialogs: SecretDialogs
) -> None:
    assert not UsersDialog.available_to(receptionist)
    with pytest.raises(PermissionDeniedError):
        UsersDialog(receptionist, dialogs=secret_dialogs)
    receptionist.close()
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as practitioner:
        assert UsersDialog.available_to(practitioner)
        records = list(audit_repo.iter_records(practitioner.admin_db))
    denied = [(r.user_login, r.target) for r in records if r.outcome == "denied"]
    assert denied == [(RECEPTIONIST_LOGIN, "users_list")]
