"""Merging likely duplicates from a patient's file: the side by side confirmation, the merge
itself for a profile allowed to change records, the window then showing the kept file, and no
merge button at all for a profile that may not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from medvault.core.appointment import AppointmentStatus
from medvault.core.permissions import Effect, Permission, Role, Rule
from medvault.gui.patient_file_window import PatientFileWindow, open_patient_file
from medvault.gui.patient_merge_dialog import PatientMergeDialog
from medvault.services import appointments, patients, patients_search
from medvault.services.session import Session
from medvault.services.unlock import unlock
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.gui.conftest import RecordingDialogs
from tests.gui.test_patient_list_model import add_patient

BIRTH = date(1990, 5, 4)


def new_duplicate(qtbot: QtBot, session: Session, dialogs: RecordingDialogs) -> PatientFileWindow:
    """A new file typed for someone already in the vault, saved: the duplicate is listed."""
    window = PatientFileWindow(session, dialogs)
    qtbot.addWidget(window)
    window.show()
    form = window.identity_form
    form.editor("birth_name").setProperty("text", "MARTIN")
    form.editor("first_names").setProperty("text", "Louise")
    form.editor("sex").setProperty("currentIndex", 1)
    form.editor("birth_date").setProperty("text", "04/05/1990")
    assert form.save()
    return window


def merge_dialog(window: PatientFileWindow, found_id: int) -> PatientMergeDialog:
    button = window.findChild(QPushButton, f"merge_duplicate_{found_id}")
    assert button is not None and button.isVisible()
    button.click()
    dialog = window.identity_form.duplicates.merge_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def texts(dialog: PatientMergeDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_practitioner_merges_into_the_older_file_and_sees_it(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    first = add_patient(practitioner, "Martin", "Louise", BIRTH, city="Lyon")
    window = new_duplicate(qtbot, practitioner, dialogs)
    duplicate = window.patient_id
    assert duplicate is not None and duplicate != first
    booked = appointments.book_appointment(
        practitioner, patient_id=duplicate, day=date(2030, 1, 8), start=time(9),
        duration_minutes=20, reason="Vaccin",
    )  # fmt: skip
    dialog = merge_dialog(window, first)
    # Both identities side by side; the older file is kept unless told otherwise.
    assert "Lyon" in texts(dialog) and "MARTIN" in texts(dialog)
    assert dialog.keep_found_radio.isChecked() and dialog.kept_id == first
    assert "dossier médical" in dialog.outcome_label.text()
    assert f"n° {first} est conservée" in dialog.outcome_label.text()
    with qtbot.waitSignal(window.patient_saved) as saved:
        dialog.merge_button.click()
    assert saved.args == [first]
    assert window.patient_id == first  # the window now shows the kept file
    assert window.findChild(QLabel, "patient_header_label").text() == "Martin Louise"
    assert window.identity_form.editor("city").property("text") == "Lyon"
    assert patients.get_patient(practitioner, duplicate, include_deleted=True).merged_into == first
    moved = appointments.patient_appointments(practitioner, first)
    assert [a.id for a in moved] == [booked.appointment.id]
    assert moved[0].status is AppointmentStatus.BOOKED
    found = patients_search.search_patients(practitioner, "martin").patients
    assert [p.id for p in found] == [first]
    assert window.documents_tabs() and window.clinical_tabs is not None  # rebuilt for `first`


def test_reception_may_keep_the_new_file_and_cancel_changes_nothing(
    qtbot: QtBot, receptionist: Session, dialogs: RecordingDialogs
) -> None:
    first = add_patient(receptionist, "Martin", "Louise", BIRTH)
    window = new_duplicate(qtbot, receptionist, dialogs)
    current = window.patient_id
    assert current is not None
    dialog = merge_dialog(window, first)
    assert "suivra à la prochaine connexion d'un praticien" in dialog.outcome_label.text()
    dialog.reject()  # nothing is written when the confirmation is declined
    assert patients.get_patient(receptionist, first).is_active
    dialog = merge_dialog(window, first)
    dialog.keep_current_radio.setChecked(True)
    assert dialog.kept_id == current and f"n° {first} y est fusionnée" in (
        dialog.outcome_label.text()
    )
    with qtbot.waitSignal(window.patient_saved):
        dialog.merge_button.click()
    assert window.patient_id == current
    assert window.identity_form.duplicates.isHidden()  # the file was read afresh
    assert patients.get_patient(receptionist, first, include_deleted=True).merged_into == current
    rows = receptionist.admin_db.execute(
        "SELECT user_login, patient_id, target FROM audit_log "
        "WHERE target LIKE 'merged%' ORDER BY seq"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        (RECEPTIONIST_LOGIN, str(first), f"merged_into:{current}"),
        (RECEPTIONIST_LOGIN, str(current), f"merged_from:{first};appts:0;docs:0"),
    ]


def test_unsaved_changes_block_the_merge(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    first = add_patient(practitioner, "Martin", "Louise", BIRTH)
    window = new_duplicate(qtbot, practitioner, dialogs)
    window.identity_form.editor("city").setProperty("text", "Paris")
    window.findChild(QPushButton, f"merge_duplicate_{first}").click()
    assert window.identity_form.duplicates.merge_dialog is None
    error = window.findChild(QLabel, "merge_error_label")
    assert error is not None and "Enregistrez" in error.text()
    assert patients.get_patient(practitioner, first).is_active
    window.identity_form.editor("city").setProperty("text", "")  # back as saved


def test_no_merge_button_for_a_profile_that_may_not_change_records(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        first = add_patient(session, "Martin", "Louise", BIRTH)
        second = add_patient(session, "MARTIN", "Louise", BIRTH, city="Paris")
    read_only = vault.config.policy.with_rules(
        Rule(Effect.DENY, Role.RECEPTIONIST, permission=Permission.PATIENT_WRITE)
    )
    config = replace(vault.config, policy=read_only)
    session = unlock(vault.directory, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, config=config)
    try:
        window = open_patient_file(session, second, dialogs)
        assert window is not None
        qtbot.addWidget(window)
        (summary,) = [
            p for p in patients_search.search_patients(session, "martin").patients if p.id == first
        ]
        duplicates = window.identity_form.duplicates
        duplicates.show_duplicates(window.identity_form.patient, (summary,))
        assert not duplicates.isHidden()
        assert window.findChild(QPushButton, f"open_duplicate_{first}") is not None
        assert window.findChild(QPushButton, f"merge_duplicate_{first}") is None
        assert duplicates.ask_merge(first) is not None  # the check is the service's too:
        dialog = duplicates.merge_dialog
        assert dialog is not None
        dialog.merge_button.click()
        assert "profil ne permet" in window.findChild(QLabel, "merge_error_label").text()
        denied = session.admin_db.execute(
            "SELECT action, outcome FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        assert tuple(denied)[1] == "denied"
        assert patients.get_patient(session, first).is_active
    finally:
        session.close()
