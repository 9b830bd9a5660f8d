from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from medvault.gui.app import install_translations, translations_dir
from medvault.gui.settings_dialog import SettingsDialog
from medvault.gui.settings_store import SettingsStore, interface_language
from medvault.services.config import ServiceConfig
from tests.gui.conftest import RecordingDialogs

# Screens whose English must be complete (the rest is translated as it is written).
COMPLETE_CONTEXTS = {
    "ChoicePage",
    "CreatePage",
    "RecoveryPage",
    "OpenPage",
    "RestorePage",
    "FirstRunWizard",
    "FolderField",
    "UsersDialog",
    "SettingsDialog",
    "LoginWindow",
    "ChangePasswordDialog",
    "app",
    "interface_language",
    "roles",
}


@pytest.fixture
def english(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "en")
    yield language
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_english_is_loaded_and_translates(english: str) -> None:
    assert english == "en"
    assert QCoreApplication.translate("LoginWindow", "Identifiant") == "Login"
    assert QCoreApplication.translate("roles", "Secrétariat-accueil") == "Reception"
    assert interface_language() == "en"


def test_french_needs_no_translation(qapp: QApplication) -> None:
    assert install_translations(qapp, "fr") == "fr"
    try:
        assert QCoreApplication.translate("LoginWindow", "Identifiant") == "Identifiant"
        assert interface_language() == "fr"
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()


def test_a_screen_speaks_english(
    qtbot: QtBot, english: str, tmp_path: Path, config: ServiceConfig
) -> None:
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = SettingsDialog(store, config=config, dialogs=RecordingDialogs())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Preferences"
    assert dialog.vault_edit.text() == "(none)"


def test_translation_source_is_complete_for_these_screens() -> None:
    tree = ET.parse(translations_dir() / "medvault_en.ts")
    unfinished = [
        (context.findtext("name"), message.findtext("source"))
        for context in tree.getroot().iter("context")
        if context.findtext("name") in COMPLETE_CONTEXTS
        for message in context.iter("message")
        if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert unfinished == []
    assert (translations_dir() / "medvault_en.qm").stat().st_size > 0
