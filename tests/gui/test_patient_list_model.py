"""The patient list model: Qt's model checks, lazy pages, SQL sorting, search."""

from __future__ import annotations

import string
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from medvault.core.patient import PatientForm
from medvault.gui.patient_list_model import PAGE_SIZE, PATIENT_ID_ROLE, PatientListModel
from medvault.services import patients, patients_search
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)


def letters(number: int) -> str:
    """A name made of letters only, distinct for each number ("Baaa", "Baab"...)."""
    word = ""
    for _ in range(3):
        number, digit = divmod(number, 26)
        word = string.ascii_lowercase[digit] + word
    return "B" + word


def add_patient(
    session: Session,
    birth_name: str,
    first_names: str = "Jeanne",
    birth_date: date = date(1980, 2, 1),
    city: str = "Lyon",
    **extra: str,
) -> int:
    form = PatientForm(
        birth_name=birth_name,
        first_names=first_names,
        sex="F",
        birth_date=birth_date,
        city=city,
        **extra,
    )
    return patients.create_patient(session, form).patient.id


def add_many(session: Session, count: int) -> list[int]:
    # Birth dates run backwards while names run forwards, so the two orders differ.
    return [
        add_patient(session, letters(i), birth_date=date(2020, 1, 1) - timedelta(days=i))
        for i in range(count)
    ]


def column(model: PatientListModel, key: str) -> int:
    return model.column_keys().index(key)


def ids(model: PatientListModel) -> list[int]:
    return [model.data(model.index(row, 0), PATIENT_ID_ROLE) for row in range(model.rowCount())]


def test_model_passes_qt_checks_while_paging_and_sorting(
    qtbot: QtBot, practitioner: Session
) -> None:
    add_many(practitioner, PAGE_SIZE + 30)
    model = PatientListModel(practitioner)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    model.sort(column(model, "birth_date"), Qt.SortOrder.DescendingOrder)
    model.set_query("Baa")
    model.set_query("")
    assert model.rowCount() == PAGE_SIZE


def test_rows_arrive_in_pages(practitioner: Session) -> None:
    add_many(practitioner, 2 * PAGE_SIZE + 50)
    model = PatientListModel(practitioner)
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE + 50
    assert not model.canFetchMore(QModelIndex())
    assert len(set(ids(model))) == model.rowCount()  # no row twice across pages
    assert model.data(model.index(0, column(model, "birth_name"))) == letters(0)


def test_fetch_more_ignores_a_nested_call(practitioner: Session) -> None:
    add_many(practitioner, 2 * PAGE_SIZE + 10)
    model = PatientListModel(practitioner)
    nested: list[bool] = []

    def fetch_again() -> None:
        nested.append(model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex())  # a view asking again mid-insert

    model.rowsAboutToBeInserted.connect(fetch_again)
    model.fetchMore(QModelIndex())
    assert nested == [False]
    assert model.rowCount() == 2 * PAGE_SIZE


def test_sorting_re_queries_in_sql(practitioner: Session) -> None:
    add_many(practitioner, 30)
    model = PatientListModel(practitioner)
    model.sort(column(model, "birth_date"), Qt.SortOrder.AscendingOrder)
    expected = patients_search.list_patients(practitioner, sort="birth_date", limit=30)
    assert ids(model) == [p.id for p in expected.patients]
    assert model.data(model.index(0, column(model, "birth_name"))) == letters(29)
    model.sort(column(model, "birth_name"), Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, column(model, "birth_name"))) == letters(29)
    model.sort(column(model, "birth_name"), Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, column(model, "birth_name"))) == letters(0)


def test_a_query_shows_search_results_and_clearing_it_lists_again(
    practitioner: Session,
) -> None:
    add_many(practitioner, 40)
    wanted = add_patient(practitioner, "Lefèvre", "Éloïse", date(1975, 6, 15))
    model = PatientListModel(practitioner)
    model.set_query("lefevre elo")
    assert ids(model) == [wanted]
    assert model.data(model.index(0, column(model, "birth_date"))) == "15/06/1975"
    assert not model.canFetchMore(QModelIndex())
    model.set_query("15/06/1975")
    assert ids(model) == [wanted]
    model.set_query("Zzzz")
    assert model.rowCount() == 0
    model.set_query("")
    assert model.rowCount() == 41


def test_receptionist_lists_patients_too(vault: VaultInfo) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as practitioner:
        add_patient(practitioner, "Durand")
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as receptionist:
        model = PatientListModel(receptionist)
        assert model.rowCount() == 1
        assert model.data(model.index(0, column(model, "sex"))) == "F"
        assert model.data(model.index(0, column(model, "city"))) == "Lyon"


def test_phone_column_shows_the_mobile_in_national_format_and_sorts_in_sql(
    practitioner: Session,
) -> None:
    later = add_patient(practitioner, "Arnaud", phone_mobile="07 81 23 45 67")
    earlier = add_patient(practitioner, "Bernard", phone_mobile="+33 6 12 34 56 78")
    abroad = add_patient(practitioner, "Carpentier", phone_mobile="+32 470 12 34 56")
    without = add_patient(practitioner, "Dubois")
    model = PatientListModel(practitioner)
    phone = column(model, "phone_mobile")
    assert model.headerData(phone, Qt.Orientation.Horizontal) == "Téléphone"
    shown = {model.data(model.index(row, phone)) for row in range(model.rowCount())}
    assert shown == {"07 81 23 45 67", "06 12 34 56 78", "+32 470 12 34 56", ""}
    assert model.is_sortable(phone)
    model.sort(phone, Qt.SortOrder.AscendingOrder)
    # Records without a mobile come first, then E.164 order (+32 before +33).
    assert ids(model) == [without, abroad, earlier, later]
    model.sort(phone, Qt.SortOrder.DescendingOrder)
    assert ids(model) == [later, earlier, abroad, without]
