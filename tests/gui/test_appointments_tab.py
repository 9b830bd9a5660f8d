"""The appointments tab of a patient's file, for both roles: booking (with the overlap warning),
moving, cancelling and the desk's status changes, all through the real services."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from medvault.core.appointment import AppointmentStatus
from medvault.core.patient import PatientForm
from medvault.gui.agenda_booking_dialog import AppointmentDialog
from medvault.gui.appointments_tab import AppointmentsTab
from medvault.services import appointments, patients
from medvault.services.session import Session
from tests.gui.conftest import RecordingDialogs

DAY = date(2030, 1, 8)


class AnsweringDialogs(RecordingDialogs):
    """Also answers yes/no questions, from a queue of pre-set answers."""

    def __init__(self, answers: list[bool] | None = None) -> None:
        super().__init__()
        self.answers = list(answers or [])
        self.questions: list[str] = []

    def confirm(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answers.pop(0)


def add_patient(session: Session, birth_name: str = "Dupont") -> int:
    form = PatientForm(birth_name=birth_name, first_names="Anne", sex="F", birth_date="05/11/1984")
    return patients.create_patient(session, form).patient.id


@pytest.fixture(params=["practitioner", "receptionist"])
def desk(request: pytest.FixtureRequest) -> Session:
    session: Session = request.getfixturevalue(request.param)
    return session


def make_tab(
    qtbot: QtBot, session: Session, patient_id: int, dialogs: RecordingDialogs
) -> AppointmentsTab:
    tab = AppointmentsTab(session, patient_id, dialogs)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def fill(dialog: AppointmentDialog, day: date, start: time, minutes: int, reason: str) -> None:
    dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.start_edit.setTime(QTime(start.hour, start.minute))
    dialog.duration_spin.setValue(minutes)
    dialog.reason_edit.setText(reason)


def book_through_tab(tab: AppointmentsTab, start: time, minutes: int = 20) -> None:
    tab.findChild(QPushButton, "new_button").click()
    dialog = tab.booking_dialog
    assert dialog is not None and dialog.isVisible()
    fill(dialog, DAY, start, minutes, "Renouvellement")
    dialog.save_button.click()


def test_books_and_lists_for_both_roles(qtbot: QtBot, desk: Session) -> None:
    patient_id = add_patient(desk)
    dialogs = AnsweringDialogs()
    tab = make_tab(qtbot, desk, patient_id, dialogs)
    assert tab.table.rowCount() == 0
    with qtbot.waitSignal(tab.appointments_changed):
        book_through_tab(tab, time(9, 0))
    stored = appointments.patient_appointments(desk, patient_id)
    assert [(a.slot.day, a.slot.start, a.slot.duration_minutes, a.reason) for a in stored] == [
        (DAY, time(9, 0), 20, "Renouvellement")
    ]
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == "09:00–09:20"  # noqa: RUF001
    assert tab.table.item(0, 4).text() == "Prévu"
    assert tab.selected_appointment() == stored[0]
    assert dialogs.shown == []  # no overlap, no warning


def test_overlap_is_saved_and_warned(qtbot: QtBot, desk: Session) -> None:
    patient_id = add_patient(desk)
    dialogs = AnsweringDialogs()
    tab = make_tab(qtbot, desk, patient_id, dialogs)
    book_through_tab(tab, time(9, 0))
    book_through_tab(tab, time(9, 10))
    assert tab.table.rowCount() == 2
    assert len(dialogs.shown) == 1
    kind, title, text = dialogs.shown[0]
    assert (kind, title) == ("warn", "Chevauchement")
    assert "09:00–09:20" in text  # noqa: RUF001


def test_field_error_stays_in_the_dialog(qtbot: QtBot, practitioner: Session) -> None:
    patient_id = add_patient(practitioner)
    tab = make_tab(qtbot, practitioner, patient_id, AnsweringDialogs())
    tab.findChild(QPushButton, "new_button").click()
    dialog = tab.booking_dialog
    assert dialog is not None
    fill(dialog, DAY, time(23, 50), 30, "")  # ends after midnight
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "minuit" in dialog.error_label.text()
    assert appointments.patient_appointments(practitioner, patient_id) == ()


def test_move_then_status_changes(qtbot: QtBot, desk: Session) -> None:
    patient_id = add_patient(desk)
    dialogs = AnsweringDialogs()
    tab = make_tab(qtbot, desk, patient_id, dialogs)
    book_through_tab(tab, time(9, 0))
    bar = tab.action_bar
    bar.findChild(QPushButton, "move_button").click()
    move = bar.booking_dialog
    assert move is not None
    assert move.reason_edit.text() == "Renouvellement"
    fill(move, date(2030, 1, 9), time(14, 30), 15, "Certificat")
    move.save_button.click()
    (moved,) = appointments.patient_appointments(desk, patient_id)
    assert (moved.slot.day, moved.slot.start, moved.reason) == (
        date(2030, 1, 9),
        time(14, 30),
        "Certificat",
    )
    tab.select_appointment(moved.id)
    names = ("arrived_button", "seen_button", "no_show_button", "cancel_button", "move_button")
    buttons = {name: bar.findChild(QPushButton, name) for name in names}
    assert all(b.isEnabled() for b in buttons.values())
    buttons["arrived_button"].click()
    assert tab.selected_appointment().status is AppointmentStatus.ARRIVED
    # An arrived patient cannot be moved or cancelled; only seen (or back to booked).
    assert not buttons["move_button"].isEnabled()
    assert not buttons["cancel_button"].isEnabled()
    buttons["seen_button"].click()
    assert tab.table.item(0, 4).text() == "Vu"
    assert not any(b.isEnabled() for b in buttons.values())


def test_cancel_asks_first(qtbot: QtBot, desk: Session) -> None:
    patient_id = add_patient(desk)
    dialogs = AnsweringDialogs(answers=[False, True])
    tab = make_tab(qtbot, desk, patient_id, dialogs)
    book_through_tab(tab, time(9, 0))
    cancel = tab.action_bar.findChild(QPushButton, "cancel_button")
    cancel.click()  # answered no
    assert tab.selected_appointment().status is AppointmentStatus.BOOKED
    cancel.click()  # answered yes
    (stored,) = appointments.patient_appointments(desk, patient_id)
    assert stored.status is AppointmentStatus.CANCELLED
    assert len(dialogs.questions) == 2
    assert tab.table.item(0, 4).text() == "Annulé"


def test_stale_copy_is_refused_plainly(qtbot: QtBot, receptionist: Session) -> None:
    patient_id = add_patient(receptionist)
    dialogs = AnsweringDialogs()
    tab = make_tab(qtbot, receptionist, patient_id, dialogs)
    book_through_tab(tab, time(9, 0))
    (booked,) = appointments.patient_appointments(receptionist, patient_id)
    # Changed elsewhere (the agenda) first: the tab's copy is now stale.
    appointments.mark_no_show(receptionist, booked.id, expected_version=booked.version)
    tab.action_bar.findChild(QPushButton, "arrived_button").click()
    assert dialogs.shown and dialogs.shown[-1][0] == "warn"
    assert tab.selected_appointment().status is AppointmentStatus.NO_SHOW  # refreshed
