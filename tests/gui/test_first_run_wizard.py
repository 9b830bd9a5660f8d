from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from medvault.gui.first_run_common import PageId, vault_path_in
from medvault.gui.first_run_wizard import FirstRunWizard
from medvault.services.backup import create_backup
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock, unlock_with_recovery_code
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.gui.conftest import RecordingDialogs

STRONG = "Ortie-Gravier-7-Lune!"
Button = QWizard.WizardButton


def wizard_at(
    qtbot: QtBot, config: ServiceConfig, dialogs: RecordingDialogs, start: PageId
) -> FirstRunWizard:
    wizard = FirstRunWizard(config=config, dialogs=dialogs, start=start)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_create_page(
    wizard: FirstRunWizard, dialogs: RecordingDialogs, folder: Path, password: str = STRONG
) -> None:
    page = wizard.create_page
    dialogs.queue_answers(folder)
    page.location.button.click()
    page.practice_edit.setText("Cabinet du Parc")
    page.login_edit.setText(PRACTITIONER_LOGIN)
    page.name_edit.setText("Dr Claire Martin")
    page.password_edit.setText(password)
    page.confirm_edit.setText(password)


def create_vault_through(
    qtbot: QtBot, wizard: FirstRunWizard, dialogs: RecordingDialogs, folder: Path
) -> None:
    wizard.button(Button.NextButton).click()  # from the choice page, "create" is the default
    assert wizard.currentId() == PageId.CREATE
    fill_create_page(wizard, dialogs, folder)
    commit = wizard.button(Button.CommitButton)
    assert commit.isVisible() and commit.isEnabled()
    commit.click()
    assert wizard.currentId() == PageId.RECOVERY


def test_create_path_end_to_end(
    qtbot: QtBot, tmp_path: Path, config: ServiceConfig, dialogs: RecordingDialogs
) -> None:
    wizard = wizard_at(qtbot, config, dialogs, PageId.CHOICE)
    create_vault_through(qtbot, wizard, dialogs, tmp_path)
    directory = wizard.vault_directory
    assert directory == tmp_path  # an empty folder is used as is
    assert (tmp_path / "vault.json").is_file()

    page = wizard.recovery_page
    code = wizard.outcome.recovery_code
    shown = [page.findChild(QLabel, f"code_group_{i}") for i in range(8)]
    assert "-".join(label.text() for label in shown if label is not None) == code
    finish = wizard.button(Button.FinishButton)
    assert not finish.isEnabled()
    groups = code.split("-")
    first, second = page.asked_groups
    page.check_edits[0].setText(groups[first])
    wrong = groups[(second + 1) % 8] if groups[(second + 1) % 8] != groups[second] else "0000"
    page.check_edits[1].setText(wrong)
    assert not finish.isEnabled()
    assert page.check_label.text() == "Ce groupe ne correspond pas au code affiché."
    page.check_edits[1].setText(groups[second].lower())  # case does not matter
    assert finish.isEnabled()
    assert page.check_label.text() == ""

    with qtbot.waitSignal(wizard.vault_chosen) as chosen:
        finish.click()
    assert chosen.args == [tmp_path]
    assert wizard.outcome.recovery_code == ""  # not kept once shown
    # The code the wizard showed really opens the vault, and so does the password.
    with unlock_with_recovery_code(directory, code, config=config) as session:
        assert session.is_recovery
    with unlock(directory, PRACTITIONER_LOGIN, STRONG, config=config) as session:
        assert not session.must_change_password


def test_create_needs_a_strong_matching_password(
    qtbot: QtBot, tmp_path: Path, config: ServiceConfig, dialogs: RecordingDialogs
) -> None:
    wizard = wizard_at(qtbot, config, dialogs, PageId.CREATE)
    fill_create_page(wizard, dialogs, tmp_path, password="martin2024")
    page = wizard.create_page
    commit = wizard.button(Button.CommitButton)
    assert not commit.isEnabled()
    assert page.verdict_label.text().startswith("Robustesse : insuffisante.")
    assert "CNIL" in page.verdict_label.text()
    assert page.meter.value() < 4
    page.password_edit.setText(STRONG)
    assert not commit.isEnabled()  # the confirmation still holds the weak one
    assert page.match_label.text() == "Les deux mots de passe diffèrent."
    page.confirm_edit.setText(STRONG)
    assert commit.isEnabled()
    assert page.verdict_label.text() == "Robustesse : suffisante."
    assert page.meter.value() == 4
    assert not any(tmp_path.iterdir())  # nothing written before the commit


def test_create_refusal_is_plain_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, config: ServiceConfig, dialogs: RecordingDialogs
) -> None:
    wizard = wizard_at(qtbot, config, dialogs, PageId.CREATE)
    fill_create_page(wizard, dialogs, tmp_path)
    wizard.create_page.login_edit.setText("Dr Martin")  # capitals and a space
    wizard.button(Button.CommitButton).click()
    assert wizard.currentId() == PageId.CREATE
    assert wizard.create_page.error_label.text().startswith("L'identifiant doit faire 2 à 32")
    assert not any(tmp_path.iterdir())


def test_vault_goes_in_a_new_subfolder_of_a_used_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "Cabinet du Parc.medvault").mkdir()
    assert vault_path_in(tmp_path, "Cabinet du Parc") == tmp_path / "Cabinet du Parc-2.medvault"
    assert vault_path_in(tmp_path, "C/../x") == tmp_path / "Cx.medvault"


def test_cancelling_before_the_code_is_checked_asks_first(
    qtbot: QtBot, tmp_path: Path, config: ServiceConfig, dialogs: RecordingDialogs
) -> None:
    wizard = wizard_at(qtbot, config, dialogs, PageId.CHOICE)
    create_vault_through(qtbot, wizard, dialogs, tmp_path)
    dialogs.queue_answers(QMessageBox.StandardButton.No)
    wizard.button(Button.CancelButton).click()
    assert wizard.isVisible()
    assert wizard.outcome.recovery_code  # still shown
    dialogs.queue_answers(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(wizard.vault_chosen) as chosen:
        wizard.button(Button.CancelButton).click()
    assert chosen.args == [tmp_path]  # the vault exists: it is opened, not forgotten
    assert [kind for kind, _title in dialogs.answered] == ["folder", "question", "question"]


def test_open_refuses_a_folder_that_is_not_a_vault(
    qtbot: QtBot, tmp_path: Path, vault: VaultInfo, dialogs: RecordingDialogs
) -> None:
    wizard = wizard_at(qtbot, vault.config, dialogs, PageId.CHOICE)
    wizard.choice_page.open_radio.setChecked(True)
    wizard.button(Button.NextButton).click()
    assert wizard.currentId() == PageId.OPEN
    page = wizard.open_page
    finish = wizard.button(Button.FinishButton)
    assert not finish.isEnabled()
    dialogs.queue_answers(tmp_path)  # the folder holding the vault, not the vault
    page.folder.button.click()
    finish.click()
    assert wizard.isVisible()
    assert page.error_label.text().startswith("Ce dossier n'est pas un coffre medvault")
    assert "Traceback" not in page.error_label.text()

    dialogs.queue_answers(vault.directory)
    page.folder.button.click()
    assert page.error_label.text() == ""
    with qtbot.waitSignal(wizard.vault_chosen) as chosen:
        finish.click()
    assert chosen.args == [vault.directory]
    assert wizard.outcome.practice_name == "Cabinet du Parc"


@pytest.fixture
def backup_file(practitioner: Session, tmp_path: Path) -> Path:
    target = tmp_path / "backups" / "cabinet.mvbackup"
    target.parent.mkdir()
    create_backup(practitioner, target)
    return target


def test_restore_from_a_backup_with_the_recovery_code(
    qtbot: QtBot,
    tmp_path: Path,
    vault: VaultInfo,
    backup_file: Path,
    dialogs: RecordingDialogs,
) -> None:
    target_folder = tmp_path / "restored"
    target_folder.mkdir()
    wizard = wizard_at(qtbot, vault.config, dialogs, PageId.RESTORE)
    page = wizard.restore_page
    finish = wizard.button(Button.FinishButton)
    dialogs.queue_answers(backup_file, target_folder)
    page.backup.button.click()
    page.target.button.click()
    assert not finish.isEnabled()  # no code yet

    page.code_edit.setText("0000-0000-0000-0000-0000-0000-0000-0000")
    finish.click()
    assert wizard.isVisible()
    assert page.error_label.text()  # a plain refusal, nothing restored
    assert not any(target_folder.iterdir())

    page.code_edit.setText(vault.recovery_code.lower().replace("-", " "))
    with qtbot.waitSignal(wizard.vault_chosen) as chosen:
        finish.click()
    assert chosen.args == [target_folder]
    assert (target_folder / "vault.json").is_file()
    assert page.code_edit.text() == ""
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("inform", "Sauvegarde restaurée")
    assert str(target_folder) in text
    with unlock(
        target_folder, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=vault.config
    ) as session:
        assert session.must_change_password  # every account, after a restore by code
