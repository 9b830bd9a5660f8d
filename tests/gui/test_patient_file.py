"""The patient file window: creating with field messages, stale writes, duplicates, the
unsaved-changes question, and what each role sees (and reads)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from medvault.core.clinical import AllergyData, Severity
from medvault.core.errors import StaleWriteError
from medvault.core.patient import PatientForm
from medvault.core.permissions import Area
from medvault.gui.clinical_allergy_banner import AllergyBanner
from medvault.gui.clinical_consultation_editor import ConsultationEditor
from medvault.gui.clinical_consultations_tab import ConsultationsTab
from medvault.gui.clinical_entries import EntryListTab
from medvault.gui.document_task import DocumentTask
from medvault.gui.patient_file_window import PatientFileWindow, open_patient_file
from medvault.services import clinical, documents, patients, patients_search
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
from tests.gui.test_patient_list_model import add_patient

Button = QMessageBox.StandardButton
CLINICAL_CLASSES = (AllergyBanner, EntryListTab, ConsultationsTab, ConsultationEditor)


def label(window: QWidget, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found


def set_text(window: PatientFileWindow, name: str, text: str) -> None:
    window.identity_form.editor(name).setProperty("text", text)


def opened(
    qtbot: QtBot, session: Session, patient_id: int, dialogs: RecordingDialogs
) -> PatientFileWindow:
    window = open_patient_file(session, patient_id, dialogs)
    assert window is not None
    qtbot.addWidget(window)
    return window


def test_a_refused_field_shows_its_message_beside_it_and_writes_nothing(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = PatientFileWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    set_text(window, "birth_name", "Durand")
    set_text(window, "first_names", "Anne")
    window.identity_form.editor("sex").setProperty("currentIndex", 1)
    set_text(window, "birth_date", "31/02/1980")
    assert not window.identity_form.save()
    error = label(window, "birth_date_error")
    assert not error.isHidden()
    assert error.text().startswith("La date de naissance est obligatoire")
    assert label(window, "birth_name_error").isHidden()
    assert patients_search.count_patients(practitioner) == 0
    assert window.tabs.count() == 1  # nothing else before the record exists
    set_text(window, "birth_date", "28/02/1980")
    with qtbot.waitSignal(window.patient_saved) as saved:
        assert window.identity_form.save()
    assert label(window, "birth_date_error").isHidden()
    assert patients.get_patient(practitioner, saved.args[0]).data.birth_name == "Durand"
    assert window.windowTitle() == "Dossier patient — medvault"


def test_duplicates_on_creation_are_listed_with_a_way_to_open_them(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    first = add_patient(practitioner, "Martin", "Louise", date(1990, 5, 4))
    window = PatientFileWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    set_text(window, "birth_name", "MARTIN")
    set_text(window, "first_names", "Louise")
    window.identity_form.editor("sex").setProperty("currentIndex", 1)
    set_text(window, "birth_date", "04/05/1990")
    assert window.identity_form.save()
    assert not label(window, "duplicates_label").isHidden()
    button = window.findChild(QPushButton, f"open_duplicate_{first}")
    assert button is not None
    with qtbot.waitSignal(window.open_patient_requested) as requested:
        button.click()
    assert requested.args == [first]


def test_a_change_made_elsewhere_is_refused_in_plain_words(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    patient_id = add_patient(practitioner, "Petit", city="Lyon")
    window = opened(qtbot, practitioner, patient_id, dialogs)
    current = patients.get_patient(practitioner, patient_id)
    other = PatientForm.from_data(current.data)
    patients.update_patient(
        practitioner,
        patient_id,
        PatientForm(**{**other.__dict__, "city": "Nice"}),
        expected_version=current.version,
    )
    set_text(window, "city", "Brest")
    assert not window.identity_form.save()
    assert label(window, "form_message_label").text() == StaleWriteError().message("fr")
    assert patients.get_patient(practitioner, patient_id).data.city == "Nice"
    reload_button = window.findChild(QPushButton, "reload_button")
    assert reload_button is not None and not reload_button.isHidden()
    reload_button.click()
    assert window.identity_form.editor("city").property("text") == "Nice"
    set_text(window, "city", "Brest")
    assert window.identity_form.save()  # now on the current version


def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    patient_id = add_patient(practitioner, "Roux", city="Lyon")
    window = opened(qtbot, practitioner, patient_id, dialogs)
    window.show()
    assert window.close()  # nothing changed: no question
    window = opened(qtbot, practitioner, patient_id, dialogs)
    window.show()
    set_text(window, "city", "Brest")
    dialogs.queue_answers(Button.Cancel)
    assert not window.close()
    assert dialogs.answered == [("question", "Modifications non enregistrées")]
    dialogs.queue_answers(Button.Save)
    assert window.close()
    assert patients.get_patient(practitioner, patient_id).data.city == "Brest"
    window = opened(qtbot, practitioner, patient_id, dialogs)
    window.show()
    set_text(window, "city", "Vannes")
    dialogs.queue_answers(Button.Discard)
    assert window.close()
    assert patients.get_patient(practitioner, patient_id).data.city == "Brest"


def test_saving_from_the_question_keeps_the_window_when_refused(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    patient_id = add_patient(practitioner, "Roux")
    window = opened(qtbot, practitioner, patient_id, dialogs)
    window.show()
    set_text(window, "email", "pas-une-adresse")
    dialogs.queue_answers(Button.Save)
    assert not window.close()
    assert not label(window, "email_error").isHidden()


def test_reception_sees_no_clinical_tab_and_reads_nothing_clinical(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as practitioner:
        patient_id = add_patient(practitioner, "Blanc")
        clinical.add_entry(practitioner, patient_id, AllergyData(substance="Latex"))
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as receptionist:
        before = audit_repo.read_head(receptionist.admin_db)
        assert before is not None
        window = opened(qtbot, receptionist, patient_id, dialogs)
        window.show()
        for kind in CLINICAL_CLASSES:
            assert window.findChildren(kind) == []
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs == [
            "Identité et coordonnées",
            "Rendez-vous",
            "Documents administratifs",
            "Consentements",
        ]
        assert window.findChild(QWidget, "clinical_documents_tab") is None
        assert window.clinical_tabs is None
        records = [r for r in audit_repo.iter_records(receptionist.admin_db) if r.seq > before.seq]
        assert records  # the audited get_patient read at least
        assert {r.area for r in records} == {Area.ADMINISTRATIVE}
        assert all(r.patient_id in (None, str(patient_id)) for r in records)
        assert "Latex" not in " ".join(w.text() for w in window.findChildren(QLabel))


def test_practitioner_gets_the_clinical_tabs_and_the_allergy_banner(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    patient_id = add_patient(practitioner, "Noir")
    window = opened(qtbot, practitioner, patient_id, dialogs)
    window.show()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == [
        "Identité et coordonnées",
        "Rendez-vous",
        "Documents administratifs",
        "Consultations",
        "Antécédents",
        "Allergies (0)",
        "Traitements",
        "Vaccinations",
        "Documents médicaux",
        "Consentements",
        "Accès au dossier",
    ]
    assert window.allergy_banner is not None
    assert not window.allergy_banner.isVisible()
    window.close()
    clinical.add_entry(
        practitioner, patient_id, AllergyData(substance="Pénicilline", severity=Severity.SEVERE)
    )
    window = opened(qtbot, practitioner, patient_id, dialogs)
    window.show()
    banner = window.allergy_banner
    assert banner is not None and banner.isVisible()
    assert "Pénicilline (SÉVÈRE)" in banner.text()
    records = audit_repo.recent(practitioner.admin_db, 2)
    assert {(r.area, r.target) for r in records} >= {(Area.CLINICAL, "clinical_file")}


def tab_chain(start: QWidget) -> list[str]:
    """Object names in the order Tab visits them (visible, enabled, taking Tab focus)."""
    names: list[str] = []
    widget = start
    while True:
        if (
            widget.isVisibleTo(start.window())
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is start:
            return names


def test_tab_follows_the_identity_form_as_laid_out(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = PatientFileWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    window.show()
    form = window.identity_form
    chain = tab_chain(form.editor("birth_name"))
    expected = [
        "birth_name_edit",
        "used_name_edit",
        "first_names_edit",
        "used_first_name_edit",
        "sex_combo",
        "birth_date_edit",
        "birth_place_insee_edit",
        "nir_edit",
        "nir_kind_combo",
        "identity_status_combo",
        "address_edit",
        "postal_code_edit",
        "city_edit",
        "country_edit",
        "phone_mobile_edit",
        "phone_other_edit",
        "email_edit",
        "referring_physician_edit",
        "admin_notes_edit",
        "save_button",
    ]
    assert chain[: len(expected)] == expected


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_escape_and_ctrl_w_close_the_file_asking_about_unsaved_changes(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    patient_id = add_patient(practitioner, "Roux", city="Lyon")
    window = opened(qtbot, practitioner, patient_id, dialogs)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # nothing changed: closes without a question
    assert not window.isVisible() and dialogs.answered == []

    window = opened(qtbot, practitioner, patient_id, dialogs)
    activate(qtbot, window)
    set_text(window, "city", "Brest")
    dialogs.queue_answers(Button.Cancel)
    qtbot.keyClick(window.identity_form.editor("city"), Qt.Key.Key_Escape)
    assert window.isVisible()
    assert dialogs.answered == [("question", "Modifications non enregistrées")]
    dialogs.queue_answers(Button.Discard)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert len(dialogs.answered) == 2
    assert patients.get_patient(practitioner, patient_id).data.city == "Lyon"


def test_closing_the_file_stops_an_import_under_way(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    """What a lock does to a file window whose documents tab is importing on a worker thread."""
    patient_id = add_patient(practitioner, "Roux")
    window = opened(qtbot, practitioner, patient_id, dialogs)
    window.show()
    (admin_tab, clinical_tab) = window.documents_tabs()
    started = threading.Event()

    def hold_until_cancelled(task: DocumentTask) -> None:
        def on_progress(_progress: object) -> None:
            started.set()
            assert task.wait_cancelled(10)

        task.progressed.connect(on_progress, Qt.ConnectionType.DirectConnection)

    clinical_tab.work_started.connect(hold_until_cancelled)
    busy: list[bool] = []
    window.session_busy_changed.connect(busy.append)
    source = tmp_path / "scanner.pdf"
    source.write_bytes(b"%PDF-1.4 " + b"r" * 3_000_000)
    assert clinical_tab.import_files([source]) is not None
    qtbot.waitUntil(started.is_set)
    assert busy == [True] and clinical_tab.busy and not admin_tab.busy
    window.discard_and_close()
    assert busy == [True, False] and not clinical_tab.busy
    assert not practitioner.clinical_db.in_transaction
    assert documents.list_clinical_documents(practitioner, patient_id) == []
    practitioner.lock()  # the worker has let go of the databases
    assert source.exists()
