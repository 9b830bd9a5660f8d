from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from medvault.gui.first_run_common import PageId
from medvault.gui.settings_dialog import SettingsDialog
from medvault.gui.settings_store import SettingsStore
from medvault.services.config import ServiceConfig
from tests.conftest import VaultInfo
from tests.gui.conftest import RecordingDialogs


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "medvault.ini"


@pytest.fixture
def store(settings_file: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(settings_file), QSettings.Format.IniFormat))


def reread(settings_file: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(settings_file), QSettings.Format.IniFormat))


def test_defaults_when_nothing_is_stored(store: SettingsStore) -> None:
    assert store.last_vault() is None
    assert store.language() == ""


def test_values_persist_and_are_checked(
    store: SettingsStore, settings_file: Path, vault: VaultInfo
) -> None:
    store.remember_vault(vault.directory)
    store.set_language("en")
    again = reread(settings_file)
    assert again.last_vault() == vault.directory.resolve()
    assert again.language() == "en"
    with pytest.raises(ValueError):
        store.set_language("de")


def test_out_of_range_values_on_disk_fall_back(store: SettingsStore) -> None:
    store.qsettings.setValue("interface/language", "xx")
    assert store.language() == ""


def test_settings_file_holds_only_the_two_preferences(
    store: SettingsStore, settings_file: Path, vault: VaultInfo
) -> None:
    store.remember_vault(vault.directory)
    store.set_language("fr")
    assert sorted(store.qsettings.allKeys()) == [
        "interface/language",
        "vault/last_location",
    ]
    text = settings_file.read_text()
    assert "Cabinet du Parc" not in text  # not even the practice name
    assert "dr.martin" not in text


def test_dialog_saves_on_ok_only(
    qtbot: QtBot, store: SettingsStore, settings_file: Path, config: ServiceConfig
) -> None:
    dialog = SettingsDialog(store, config=config, dialogs=RecordingDialogs())
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert reread(settings_file).language() == ""

    dialog = SettingsDialog(store, config=config, dialogs=RecordingDialogs())
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    again = reread(settings_file)
    assert again.language() == "en"


def test_change_vault_goes_through_the_open_page(
    qtbot: QtBot, store: SettingsStore, settings_file: Path, vault: VaultInfo, tmp_path: Path
) -> None:
    dialogs = RecordingDialogs()
    dialog = SettingsDialog(store, config=vault.config, dialogs=dialogs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.vault_edit.text() == "(aucun)"
    assert dialog.vault_edit.isReadOnly()
    dialog.change_button.click()
    wizard = dialog.wizard
    assert wizard is not None
    assert wizard.currentId() == PageId.OPEN
    dialogs.queue_answers(tmp_path)  # not a vault: refused, nothing changes
    wizard.open_page.folder.button.click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert dialog.vault_edit.text() == "(aucun)"
    dialogs.queue_answers(vault.directory)
    wizard.open_page.folder.button.click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert dialog.vault_edit.text() == str(vault.directory)
    assert reread(settings_file).last_vault() is None  # saved with OK only
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert reread(settings_file).last_vault() == vault.directory.resolve()
