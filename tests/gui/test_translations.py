from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from medvault.core.errors import FieldError
from medvault.core.patient import validate_patient
from medvault.gui import messages
from medvault.gui.app import install_translations, translations_dir
from medvault.gui.patient_identity_form import PatientIdentityForm
from medvault.gui.patient_list_model import PatientListModel
from medvault.gui.settings_dialog import SettingsDialog
from medvault.gui.settings_store import SettingsStore, interface_language
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from tests.gui.conftest import RecordingDialogs

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def ts_messages() -> list[tuple[str, ET.Element]]:
    """(context name, message) for every entry of the translation source, as committed."""
    tree = ET.parse(translations_dir() / "medvault_en.ts")
    return [
        (context.findtext("name") or "", message)
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    ]


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
        assert messages.language() == "fr"  # error labels stay French
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


def test_every_entry_is_translated() -> None:
    """Unfinished, empty, obsolete or vanished entries show French in the English interface."""
    messages = ts_messages()
    assert len(messages) > 400  # the whole interface, not an empty file
    untranslated = [
        (context, message.findtext("source"))
        for context, message in messages
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not (translation.text or "").strip()
    ]
    assert untranslated == []
    assert (translations_dir() / "medvault_en.qm").stat().st_size > 0


def test_translations_keep_placeholders_and_accelerators() -> None:
    mismatched = []
    for context, message in messages_with_text():
        source, english = message
        if sorted(PLACEHOLDER.findall(source)) != sorted(
            PLACEHOLDER.findall(english)
        ) or source.count("&") != english.count("&"):
            mismatched.append((context, source, english))
    assert mismatched == []


def messages_with_text() -> list[tuple[str, tuple[str, str]]]:
    return [
        (context, (message.findtext("source") or "", message.findtext("translation") or ""))
        for context, message in ts_messages()
    ]


def test_no_string_hides_from_extraction() -> None:
    """lupdate files a string under an empty context when tr is called through an alias."""
    assert "" not in {context for context, _ in ts_messages()}


def test_error_labels_follow_the_interface_language(
    qtbot: QtBot, english: str, practitioner: Session
) -> None:
    assert messages.language() == "en"
    form = PatientIdentityForm(practitioner, None)
    qtbot.addWidget(form)
    assert not form.save()  # nothing typed: the birth name is refused first
    with pytest.raises(FieldError) as refused:
        validate_patient(form.form(), today=date(2025, 1, 1))
    error_label = form.findChild(QLabel, "birth_name_error")
    assert error_label is not None
    assert error_label.text() == refused.value.message("en") != refused.value.message("fr")
    model = PatientListModel(practitioner)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-1] == "Phone"
