"""The main window: search as you type, SQL sorting from the header, opening and creating
files, the keyboard shortcuts, and what the title and status bar show."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from medvault.core.audit import AuditAction
from medvault.core.permissions import Area
from medvault.gui.main_window import MainWindow
from medvault.gui.patient_file_window import PatientFileWindow
from medvault.gui.patient_list_model import PATIENT_ID_ROLE
from medvault.services.session import Session
from medvault.storage import audit_repo
from tests.gui.conftest import RecordingDialogs
from tests.gui.test_patient_list_model import add_many, add_patient, letters


@pytest.fixture
def window(qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs) -> Iterator[MainWindow]:
    add_many(practitioner, 25)
    add_patient(practitioner, "Lefèvre", "Éloïse", date(1975, 6, 15), "Nantes")
    built = MainWindow(practitioner, dialogs=dialogs)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    yield built
    for file_window in built.file_windows:
        file_window.discard_and_close()


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def first_names_shown(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_typing_filters_the_list_after_a_pause(qtbot: QtBot, window: MainWindow) -> None:
    assert window.model.rowCount() == 26
    qtbot.keyClicks(window.search_bar, "lefe")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert first_names_shown(window) == ["Lefèvre"]
    count = window.findChild(QLabel, "count_label")
    assert count is not None
    assert count.text() == "1 résultat(s)"
    window.search_bar.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 26)
    assert count.text() == "26 patient(s)"


def test_clicking_a_header_sorts_in_sql(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    birth_date = window.model.column_keys().index("birth_date")
    x = header.sectionViewportPosition(birth_date) + header.sectionSize(birth_date) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    # add_many gives later names earlier birth dates; Lefèvre (1975) is the oldest.
    assert first_names_shown(window)[:2] == ["Lefèvre", letters(24)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert first_names_shown(window)[0] == letters(0)


def test_double_click_opens_the_file_and_audits_the_read(
    qtbot: QtBot, window: MainWindow, practitioner: Session
) -> None:
    index = window.model.index(3, 0)
    patient_id = window.model.data(index, PATIENT_ID_ROLE)
    rect = window.table.visualRect(index)
    # Qt 6 sees a double click only after a first click.
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    files = window.file_windows
    assert [f.patient_id for f in files] == [patient_id]
    assert patient_id is not None
    reads = [
        r
        for r in audit_repo.recent(practitioner.admin_db, 10)
        if r.patient_id == str(patient_id) and r.action == AuditAction.READ
    ]
    assert {r.area for r in reads} == {Area.ADMINISTRATIVE, Area.CLINICAL}
    assert files[0].windowTitle() == "Dossier patient — medvault"
    # Opening it again brings the same window forward.
    assert window.open_patient(patient_id) is files[0]


def test_enter_in_the_list_opens_the_selected_file(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert [f.patient_id for f in window.file_windows] == [window.model.patient_id(0)]


def test_ctrl_n_opens_an_empty_file(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    files = window.file_windows
    assert len(files) == 1
    assert files[0].patient_id is None
    assert files[0].tabs.count() == 1


def test_ctrl_f_focuses_the_search(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_bar.hasFocus)


def test_ctrl_l_locks_and_closes_open_files(
    qtbot: QtBot, window: MainWindow, practitioner: Session
) -> None:
    opened = window.open_patient(window.model.patient_id(0) or 0)
    assert opened is not None
    opened.identity_form.editor("city").setProperty("text", "Brest")  # unsaved, no question
    activate(qtbot, window)
    with qtbot.waitSignal(window.locked, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not practitioner.is_open
    assert not window.isVisible()
    assert window.file_windows == []


def test_status_bar_and_title_name_the_user_not_a_patient(window: MainWindow) -> None:
    user = window.findChild(QLabel, "user_label")
    role = window.findChild(QLabel, "role_label")
    assert user is not None and role is not None
    assert (user.text(), role.text()) == ("dr.martin", "Praticien")
    assert window.windowTitle() == "medvault — Cabinet du Parc"
    assert "Lefèvre" not in window.statusBar().currentMessage()


def test_saving_a_new_patient_refreshes_the_list(qtbot: QtBot, window: MainWindow) -> None:
    created: PatientFileWindow = window.new_patient()
    form = created.identity_form
    for name, text in (
        ("birth_name", "Aaron"),
        ("first_names", "Paul"),
        ("birth_date", "03/04/1990"),
    ):
        form.editor(name).setProperty("text", text)
    form.editor("sex").setProperty("currentIndex", 2)
    assert form.save()
    assert window.model.rowCount() == 27
    assert first_names_shown(window)[0] == "Aaron"
    assert created.tabs.count() > 1
