"""The practice agenda: day and week views, navigation, and booking / moving / cancelling /
arrivals for both roles, through the real services."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from medvault.core.appointment import AppointmentStatus
from medvault.gui.agenda_window import DAY, WEEK, AgendaWindow
from medvault.services import appointments
from medvault.services.session import Session
from tests.gui.test_appointments_tab import AnsweringDialogs, add_patient

TODAY = date(2030, 1, 9)  # a Wednesday
MONDAY = date(2030, 1, 7)


@pytest.fixture(params=["practitioner", "receptionist"])
def desk(request: pytest.FixtureRequest) -> Session:
    session: Session = request.getfixturevalue(request.param)
    return session


def make_agenda(qtbot: QtBot, session: Session, dialogs: AnsweringDialogs) -> AgendaWindow:
    window = AgendaWindow(session, dialogs, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def click(window: AgendaWindow, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isEnabled(), name
    button.click()


def book(session: Session, patient_id: int, day: date, start: time, reason: str = "") -> int:
    result = appointments.book_appointment(
        session, patient_id=patient_id, day=day, start=start, duration_minutes=20, reason=reason
    )
    return result.appointment.id


def test_day_view_lists_the_day_with_names_and_overlaps(qtbot: QtBot, desk: Session) -> None:
    dupont = add_patient(desk, "Dupont")
    leroy = add_patient(desk, "Leroy")
    book(desk, dupont, TODAY, time(9, 0), "Certificat")
    book(desk, leroy, TODAY, time(9, 10))
    book(desk, leroy, TODAY + timedelta(days=1), time(9, 0))
    window = make_agenda(qtbot, desk, AnsweringDialogs())
    assert window.mode == DAY
    assert window.period_text() == "Mercredi 9 janvier 2030"
    view = window.day_view
    assert view.rowCount() == 2
    assert [view.item(r, 1).text() for r in range(2)] == ["Dupont Anne", "Leroy Anne"]
    assert view.item(0, 2).text() == "Certificat"
    assert [view.item(r, 4).text() for r in range(2)] == ["⚠", "⚠"]
    click(window, "next_button")
    assert window.current_day == TODAY + timedelta(days=1)
    assert view.rowCount() == 1
    assert view.item(0, 4).text() == ""
    click(window, "previous_button")
    click(window, "previous_button")
    assert view.rowCount() == 0
    click(window, "today_button")
    assert window.current_day == TODAY and view.rowCount() == 2


def test_week_view_shows_monday_to_sunday(qtbot: QtBot, desk: Session) -> None:
    patient_id = add_patient(desk)
    book(desk, patient_id, MONDAY, time(8, 30))
    book(desk, patient_id, MONDAY + timedelta(days=6), time(10, 0))  # Sunday
    book(desk, patient_id, MONDAY + timedelta(days=7), time(10, 0))  # next Monday
    window = make_agenda(qtbot, desk, AnsweringDialogs())
    click(window, "week_mode_button")
    assert window.mode == WEEK
    week = window.week_view
    assert week.days == tuple(MONDAY + timedelta(days=i) for i in range(7))
    assert [b.text() for b in week.day_buttons] == [
        "lun. 07/01 (1)", "mar. 08/01", "mer. 09/01", "jeu. 10/01", "ven. 11/01", "sam. 12/01",
        "dim. 13/01 (1)",
    ]  # fmt: skip
    assert [lst.count() for lst in week.day_lists] == [1, 0, 0, 0, 0, 0, 1]
    assert week.day_lists[0].item(0).text().startswith("08:30–08:50")  # noqa: RUF001
    assert week.day_buttons[2].font().bold()  # today
    assert window.period_text() == "Semaine du 07/01 au 13/01/2030"
    click(window, "next_button")
    assert week.days[0] == MONDAY + timedelta(days=7)
    assert [lst.count() for lst in week.day_lists] == [1, 0, 0, 0, 0, 0, 0]
    # A day's title opens that day.
    week.day_buttons[0].click()
    assert window.mode == DAY
    assert window.current_day == MONDAY + timedelta(days=7)
    assert window.day_view.rowCount() == 1


def test_book_from_agenda_with_patient_search(qtbot: QtBot, desk: Session) -> None:
    patient_id = add_patient(desk, "Leroy")
    add_patient(desk, "Martin")
    dialogs = AnsweringDialogs()
    window = make_agenda(qtbot, desk, dialogs)
    click(window, "new_button")
    dialog = window.booking_dialog
    assert dialog is not None
    assert dialog.day_edit.date() == QDate(2030, 1, 9)  # the day on screen
    dialog.save_button.click()
    assert "patient" in dialog.error_label.text()
    assert dialog._patient_edit is not None and dialog._patient_list is not None
    dialog._patient_edit.setText("ler")
    assert dialog._patient_list.count() == 1
    dialog.start_edit.setTime(QTime(11, 15))
    dialog.reason_edit.setText("Vaccin")
    with qtbot.waitSignal(window.appointments_changed):
        dialog.save_button.click()
    (stored,) = appointments.patient_appointments(desk, patient_id)
    assert (stored.slot.day, stored.slot.start, stored.reason) == (TODAY, time(11, 15), "Vaccin")
    assert window.day_view.rowCount() == 1
    assert window.selected_appointment() == stored


def test_move_cancel_and_arrivals_from_week_view(qtbot: QtBot, desk: Session) -> None:
    patient_id = add_patient(desk)
    first = book(desk, patient_id, TODAY, time(9, 0))
    second = book(desk, patient_id, TODAY, time(10, 0))
    dialogs = AnsweringDialogs(answers=[True])
    window = make_agenda(qtbot, desk, dialogs)
    click(window, "week_mode_button")
    week = window.week_view
    assert week.select_appointment(first)
    click(window.action_bar, "move_button")
    move = window.action_bar.booking_dialog
    assert move is not None
    move.day_edit.setDate(QDate(2030, 1, 10))
    move.save_button.click()
    assert [lst.count() for lst in week.day_lists] == [0, 0, 1, 1, 0, 0, 0]
    assert appointments.get_appointment(desk, first).slot.day == date(2030, 1, 10)
    # Selecting in one day clears the selection of the others.
    assert week.select_appointment(second)
    assert week.day_lists[3].selectedItems() == []
    click(window.action_bar, "cancel_button")
    assert appointments.get_appointment(desk, second).status is AppointmentStatus.CANCELLED
    assert [lst.count() for lst in week.day_lists] == [0, 0, 0, 1, 0, 0, 0]
    window.findChild(type(window._show_cancelled), "show_cancelled_check").setChecked(True)
    assert week.day_lists[2].count() == 1
    assert "Annulé" in week.day_lists[2].item(0).text()
    assert week.select_appointment(first)
    click(window.action_bar, "arrived_button")
    click(window.action_bar, "seen_button")
    assert appointments.get_appointment(desk, first).status is AppointmentStatus.SEEN
    assert "Vu" in week.day_lists[3].item(0).text()


def test_no_show_from_day_view(qtbot: QtBot, receptionist: Session) -> None:
    patient_id = add_patient(receptionist)
    appointment_id = book(receptionist, patient_id, TODAY, time(9, 0))
    window = make_agenda(qtbot, receptionist, AnsweringDialogs())
    assert window.day_view.select_appointment(appointment_id)
    click(window.action_bar, "no_show_button")
    assert window.day_view.item(0, 3).text() == "Absent"
    assert window.findChild(QPushButton, "restore_button").isEnabled()
    assert not window.findChild(QPushButton, "no_show_button").isEnabled()


def test_escape_and_ctrl_w_close_the_agenda_window(qtbot: QtBot, desk: Session) -> None:
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ):
        window = make_agenda(qtbot, desk, AnsweringDialogs())
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, key, modifier)
        assert not window.isVisible()


def test_escape_leaves_an_embedded_agenda_alone(qtbot: QtBot, desk: Session) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    agenda = AgendaWindow(desk, AnsweringDialogs(), today=TODAY, parent=host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    qtbot.keyClick(agenda, Qt.Key.Key_Escape)
    assert agenda.isVisible()
