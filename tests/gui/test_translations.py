from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from medvault.core.appointment import AppointmentStatus
from medvault.core.documents import CATEGORY_LABELS, DocumentCategory
from medvault.core.errors import FieldError
from medvault.core.patient import validate_patient
from medvault.gui import messages
from medvault.gui.agenda_actions import long_day, short_day, status_label
from medvault.gui.agenda_window import AgendaWindow
from medvault.gui.app import install_translations, translations_dir
from medvault.gui.document_labels import category_label, category_source_text
from medvault.gui.document_task import human_size
from medvault.gui.documents_tab import DocumentsTab
from medvault.gui.patient_identity_form import PatientIdentityForm
from medvault.gui.patient_list_model import PatientListModel
from medvault.gui.settings_dialog import SettingsDialog
from medvault.gui.settings_store import SettingsStore, interface_language
from medvault.services import appointments
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from tests.gui.conftest import RecordingDialogs
from tests.gui.test_appointments_tab import AnsweringDialogs, add_patient

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


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_translated_text_is_a_literal_lupdate_can_read() -> None:
    """A translate()/tr() call given a variable (a helper wrapping it, say) is invisible to
    lupdate: its French would show in the English interface. The only variables allowed are
    texts of a context whose strings are declared with QT_TRANSLATE_NOOP."""
    calls: list[tuple[str, int, ast.Call]] = []
    declared: set[str] = set()
    for path in sorted(Path("medvault/gui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name == "QT_TRANSLATE_NOOP" and node.args:
                declared.add(_literal(node.args[0]) or "")
            elif name in ("translate", "tr"):
                calls.append((path.name, node.lineno, node))
    hidden = []
    for module, line, call in calls:
        is_tr = getattr(call.func, "attr", "") == "tr"
        text = call.args[0] if is_tr else (call.args[1] if len(call.args) > 1 else None)
        if text is None or _literal(text) is not None:
            continue
        context = None if is_tr else _literal(call.args[0])
        if context is None or context not in declared:
            hidden.append(f"{module}:{line}")
    assert len(calls) > 300  # the whole interface was read
    assert hidden == []


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


def test_agenda_statuses_and_dates_speak_english(
    qtbot: QtBot, english: str, receptionist: Session
) -> None:
    assert status_label(AppointmentStatus.NO_SHOW) == "No-show"
    assert [status_label(s) for s in AppointmentStatus] == [
        "Booked", "Arrived", "Seen", "Cancelled", "No-show"]  # fmt: skip
    assert short_day(date(2030, 1, 7)) == "Mon 07/01"
    assert long_day(date(2030, 8, 4)) == "Sunday 4 August 2030"
    patient_id = add_patient(receptionist)
    appointments.book_appointment(
        receptionist, patient_id=patient_id, day=date(2030, 1, 8), start=time(9),
        duration_minutes=20,
    )  # fmt: skip
    agenda = AgendaWindow(receptionist, AnsweringDialogs(), today=date(2030, 1, 8))
    qtbot.addWidget(agenda)
    assert agenda.day_view.item(0, 3).text() == "Booked"
    assert agenda.period_text().startswith("Tuesday 8 January 2030")
    agenda.show_week(date(2030, 1, 8))
    assert [b.text().split(" ")[0] for b in agenda.week_view.day_buttons] == [
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]  # fmt: skip


def test_document_categories_and_sizes_speak_english(
    qtbot: QtBot, english: str, practitioner: Session
) -> None:
    for category, (french, english_label) in CATEGORY_LABELS.items():
        assert category_source_text(category) == french  # the same words as core
        assert category_label(category) == english_label
    assert human_size(2048) == "2.0 KiB"
    patient_id = add_patient(practitioner)
    tab = DocumentsTab(practitioner, patient_id, "clinical", AnsweringDialogs())
    qtbot.addWidget(tab)
    combo = tab.category_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Lab result" in labels and "Prescription" in labels
    assert not any(label in labels for label in ("Ordonnance", "Imagerie"))


def test_document_categories_stay_french_in_french(qapp: QApplication) -> None:
    assert install_translations(qapp, "fr") == "fr"
    assert category_label(DocumentCategory.LAB_RESULT) == "Résultat de laboratoire"
    assert status_label(AppointmentStatus.BOOKED) == "Prévu"
    assert human_size(2048) == "2,0 Kio"
