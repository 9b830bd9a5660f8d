"""The practitioner's clinical tabs: entries written through the lists, the allergy banner kept
current, the consultation editor with its live body mass index and field messages."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from medvault.core.clinical import AllergyData, HistoryData, HistoryKind
from medvault.core.errors import StaleWriteError
from medvault.gui.clinical_entries import EntryListTab
from medvault.gui.patient_file_window import PatientFileWindow, open_patient_file
from medvault.services import clinical, clinical_consultations
from medvault.services.session import Session
from tests.gui.conftest import RecordingDialogs
from tests.gui.test_patient_list_model import add_patient

Button = QMessageBox.StandardButton


def file_window(qtbot: QtBot, session: Session, dialogs: RecordingDialogs) -> PatientFileWindow:
    patient_id = add_patient(session, "Garnier")
    window = open_patient_file(session, patient_id, dialogs)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    return window


def type_in(parent: QWidget, name: str, text: str) -> None:
    editor = parent.findChild(QWidget, name)
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    else:
        assert isinstance(editor, QLineEdit), name
        editor.setText(text)


def label_text(parent: QWidget, name: str) -> str:
    label = parent.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if not label.isHidden() else ""


def test_adding_and_removing_an_allergy_updates_the_banner(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = file_window(qtbot, practitioner, dialogs)
    assert window.clinical_tabs is not None and window.allergy_banner is not None
    tab = window.clinical_tabs.allergies
    assert not window.allergy_banner.isVisible()
    type_in(tab, "allergy_substance_edit", "Aspirine")
    assert tab.save()
    assert window.allergy_banner.isVisible()
    assert "Aspirine" in window.allergy_banner.text()
    stored = clinical.list_entries(practitioner, window.patient_id or 0, AllergyData)
    assert [e.data.substance for e in stored] == ["Aspirine"]
    tab.select_row(0)
    remove = tab.findChild(QPushButton, "allergy_remove_button")
    assert remove is not None and remove.isEnabled()
    remove.click()  # no reason given: refused beside the reason field
    assert label_text(tab, "allergy_reason_error") != ""
    assert len(tab.entries) == 1
    type_in(tab, "allergy_reason_edit", "Saisie en double")
    remove.click()
    assert tab.entries == []
    assert not window.allergy_banner.isVisible()
    assert clinical.list_entries(practitioner, window.patient_id or 0, AllergyData) == []


def test_a_badly_typed_date_is_shown_beside_its_field(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = file_window(qtbot, practitioner, dialogs)
    assert window.clinical_tabs is not None
    tab: EntryListTab = window.clinical_tabs.history
    type_in(tab, "history_label_edit", "Appendicectomie")
    type_in(tab, "history_on_date_edit", "32/13/2004")
    assert not tab.save()
    assert label_text(tab, "history_on_date_error").startswith("La date s'écrit jj/mm/aaaa")
    assert clinical.list_entries(practitioner, window.patient_id or 0, HistoryData) == []
    type_in(tab, "history_on_date_edit", "")
    type_in(tab, "history_year_edit", "2004")
    assert tab.save()
    assert label_text(tab, "history_on_date_error") == ""


def test_an_entry_changed_elsewhere_is_refused(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = file_window(qtbot, practitioner, dialogs)
    assert window.clinical_tabs is not None
    tab = window.clinical_tabs.history
    type_in(tab, "history_label_edit", "Asthme")
    assert tab.save()
    entry = tab.entries[0]
    clinical.update_entry(
        practitioner,
        entry.id,
        HistoryData(kind=HistoryKind.MEDICAL, label="Asthme allergique"),
        expected_version=entry.version,
    )
    type_in(tab, "history_label_edit", "Asthme d'effort")
    assert not tab.save()
    assert label_text(tab, "history_message") == StaleWriteError().message("fr")


def test_consultation_editor_computes_bmi_while_typing_and_saves(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = file_window(qtbot, practitioner, dialogs)
    assert window.clinical_tabs is not None
    tab = window.clinical_tabs.consultations
    editor = tab.editor
    assert editor.bmi_text() == "—"
    qtbot.keyClicks(editor.findChild(QLineEdit, "consultation_weight_kg_edit"), "70")
    assert editor.bmi_text() == "—"  # height still missing
    qtbot.keyClicks(editor.findChild(QLineEdit, "consultation_height_cm_edit"), "175")
    assert editor.bmi_text() == "22,9 kg/m²"
    type_in(editor, "consultation_weight_kg_edit", "72,5")
    assert editor.bmi_text() == "23,7 kg/m²"
    type_in(editor, "consultation_reason_edit", "Contrôle tensionnel")
    type_in(editor, "consultation_systolic_mmhg_edit", "135")
    assert not editor.save()  # diastolic missing: said beside it
    assert "deux valeurs" in label_text(editor, "consultation_diastolic_mmhg_error")
    assert (
        clinical_consultations.list_consultations(practitioner, window.patient_id or 0).items == ()
    )
    type_in(editor, "consultation_diastolic_mmhg_edit", "85")
    type_in(editor, "consultation_plan_edit", "Revoir dans 3 mois")
    assert editor.save()
    saved = clinical_consultations.list_consultations(practitioner, window.patient_id or 0).items
    assert len(saved) == 1
    assert saved[0].data.vitals.weight_kg == 72.5
    assert saved[0].data.notes.plan == "Revoir dans 3 mois"
    assert saved[0].bmi == 23.7
    assert [c.id for c in tab.consultations] == [saved[0].id]
    assert not editor.has_unsaved_changes()


def test_a_dirty_consultation_triggers_the_question_on_close(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = file_window(qtbot, practitioner, dialogs)
    assert window.clinical_tabs is not None
    patient_id = window.patient_id or 0
    type_in(window.clinical_tabs.consultations.editor, "consultation_reason_edit", "Fièvre")
    dialogs.queue_answers(QMessageBox.StandardButton.Discard)
    assert window.close()
    assert dialogs.answered == [("question", "Modifications non enregistrées")]
    assert clinical_consultations.list_consultations(practitioner, patient_id).items == ()


def test_opening_date_defaults_to_today(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = file_window(qtbot, practitioner, dialogs)
    assert window.clinical_tabs is not None
    date_edit = window.clinical_tabs.consultations.editor.findChild(
        QLineEdit, "consultation_consulted_on_edit"
    )
    assert date_edit is not None
    today = practitioner.config.clock.now().astimezone().date()
    assert date_edit.text() == today.strftime("%d/%m/%Y")
    assert isinstance(today, date)


def line_text(parent: QWidget, name: str) -> str:
    edit = parent.findChild(QLineEdit, name)
    assert edit is not None, name
    return edit.text()


def selected_rows(parent: QWidget, name: str) -> set[int]:
    table = parent.findChild(QTableWidget, name)
    assert table is not None, name
    return {index.row() for index in table.selectedIndexes()}


def test_switching_entries_asks_before_dropping_unsaved_changes(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = file_window(qtbot, practitioner, dialogs)
    assert window.clinical_tabs is not None
    tab = window.clinical_tabs.history
    for label in ("Asthme", "Diabète"):
        tab.findChild(QPushButton, "history_new_button").click()
        type_in(tab, "history_label_edit", label)
        assert tab.save()
    assert dialogs.answered == []  # a saved entry is left without a question
    tab.select_row(0)
    tab.select_row(1)  # clean: no question
    assert line_text(tab, "history_label_edit") == "Diabète"
    type_in(tab, "history_label_edit", "Diabète de type 2")

    dialogs.queue_answers(Button.Cancel)
    tab.select_row(0)
    assert dialogs.answered == [("question", "Modifications non enregistrées")]
    assert line_text(tab, "history_label_edit") == "Diabète de type 2"
    assert selected_rows(tab, "history_table") == {1}

    dialogs.queue_answers(Button.Save)
    tab.select_row(0)
    assert line_text(tab, "history_label_edit") == "Asthme"
    assert selected_rows(tab, "history_table") == {0}
    stored = clinical.list_entries(practitioner, window.patient_id or 0, HistoryData)
    assert sorted(e.data.label for e in stored) == ["Asthme", "Diabète de type 2"]

    type_in(tab, "history_label_edit", "Asthme sévère")
    dialogs.queue_answers(Button.Discard)
    tab.findChild(QPushButton, "history_new_button").click()
    assert line_text(tab, "history_label_edit") == ""
    assert selected_rows(tab, "history_table") == set()
    assert len(dialogs.answered) == 3
    stored = clinical.list_entries(practitioner, window.patient_id or 0, HistoryData)
    assert "Asthme sévère" not in {e.data.label for e in stored}


def test_new_consultation_asks_before_dropping_unsaved_changes(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = file_window(qtbot, practitioner, dialogs)
    assert window.clinical_tabs is not None
    tab = window.clinical_tabs.consultations
    new_button = tab.findChild(QPushButton, "consultation_new_button")
    assert new_button is not None
    for reason in ("Angine", "Contrôle"):
        new_button.click()
        type_in(tab.editor, "consultation_reason_edit", reason)
        assert tab.editor.save()
    assert dialogs.answered == []
    # Newest first; both on the same day, so the later one (Contrôle) is on top.
    table = tab.findChild(QTableWidget, "consultations_table")
    assert table is not None
    table.selectRow(1)
    assert line_text(tab.editor, "consultation_reason_edit") == "Angine"
    type_in(tab.editor, "consultation_reason_edit", "Angine virale")

    dialogs.queue_answers(Button.Cancel)
    new_button.click()
    assert line_text(tab.editor, "consultation_reason_edit") == "Angine virale"
    assert tab.editor.has_unsaved_changes()
    assert selected_rows(tab, "consultations_table") == {1}

    dialogs.queue_answers(Button.Cancel)
    table.selectRow(0)
    assert line_text(tab.editor, "consultation_reason_edit") == "Angine virale"
    assert selected_rows(tab, "consultations_table") == {1}

    dialogs.queue_answers(Button.Save)
    table.selectRow(0)
    assert line_text(tab.editor, "consultation_reason_edit") == "Contrôle"
    reasons = [
        c.data.reason
        for c in clinical_consultations.list_consultations(
            practitioner, window.patient_id or 0
        ).items
    ]
    assert sorted(reasons) == ["Angine virale", "Contrôle"]

    type_in(tab.editor, "consultation_reason_edit", "Contrôle annuel")
    dialogs.queue_answers(Button.Discard)
    new_button.click()
    assert tab.editor.current is None
    assert line_text(tab.editor, "consultation_reason_edit") == ""
    assert selected_rows(tab, "consultations_table") == set()
    assert len(dialogs.answered) == 4
