"""The patient list: a lazily fetched table over the patient services.

An empty query pages through every live record (list_patients, sorted in SQL, PAGE_SIZE rows
per fetchMore); a query shows the first page of search_patients. Nothing is ever sorted or
filtered over the whole table in Python, so the list stays smooth at 100,000 records."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from medvault.core.errors import KnownError
from medvault.core.patient import PatientSummary, Sex
from medvault.core.text_search import fold
from medvault.gui.messages import language
from medvault.services import patients_search
from medvault.services.session import Session

PAGE_SIZE = 200
SEARCH_LIMIT = 200
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    sort_key: str | None  # a column of patients_search.SORTABLE_COLUMNS, None if not sortable


# Called by this name with literal arguments so that lupdate extracts every string.
translate = QCoreApplication.translate


def _columns() -> tuple[Column, ...]:
    return (
        Column("birth_name", translate("patient_list", "Nom de naissance"), "birth_name"),
        Column("used_name", translate("patient_list", "Nom d'usage"), "used_name"),
        Column("first_names", translate("patient_list", "Prénoms"), "first_names"),
        Column("birth_date", translate("patient_list", "Date de naissance"), "birth_date"),
        Column("sex", translate("patient_list", "Sexe"), "sex"),
        Column("city", translate("patient_list", "Ville"), "city"),
        Column("phone_mobile", translate("patient_list", "Téléphone"), "phone_mobile"),
    )


def _sex_label(sex: Sex) -> str:
    return {Sex.FEMALE: "F", Sex.MALE: "M", Sex.INDETERMINATE: translate("patient_list", "Indét.")}[
        sex
    ]


def phone_for_display(e164: str | None) -> str:
    """A stored E.164 number as people write it (national format for French numbers)."""
    if e164 is None or not e164.startswith("+"):
        return e164 or ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    national = phonenumbers.region_code_for_number(number) == "FR"
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if national
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def cell_text(summary: PatientSummary, key: str) -> str:
    if key == "birth_name":
        return summary.birth_name
    if key == "used_name":
        return summary.used_name or ""
    if key == "first_names":
        return " ".join(summary.first_names)
    if key == "birth_date":
        return summary.birth_date.strftime("%d/%m/%Y")
    if key == "sex":
        return _sex_label(summary.sex)
    if key == "city":
        return summary.city or ""
    if key == "phone_mobile":
        return phone_for_display(summary.phone_mobile)
    raise KeyError(key)


def _search_sort_key(summary: PatientSummary, key: str) -> tuple[str, int]:
    # Search results are one bounded page: ordering them here costs nothing.
    if key == "birth_date":
        return summary.birth_date.isoformat(), summary.id
    return fold(cell_text(summary, key)), summary.id


class PatientListModel(QAbstractTableModel):
    """Rows are PatientSummary; PATIENT_ID_ROLE gives a row's patient id."""

    load_failed = Signal(str)  # a known error's message, in the interface language

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._columns = _columns()
        self._rows: list[PatientSummary] = []
        self._query = ""
        self._sort_column = 0
        self._descending = False
        self._has_more = False
        self._fetching = False
        self._load_first_page()

    # -- what the view reads ---------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(summary, self._columns[index.column()].key)
        if role == PATIENT_ID_ROLE:
            return summary.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def phone(self, row: int) -> str | None:
        """The mobile number of a row, E.164 as stored (what the copy action puts out)."""
        if not 0 <= row < len(self._rows):
            return None
        return self._rows[row].phone_mobile

    def patient_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    @property
    def query(self) -> str:
        return self._query

    @property
    def is_searching(self) -> bool:
        return bool(self._query.strip())

    def column_keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self._columns)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    # -- lazy fetching ---------------------------------------------------------------------------
    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: ModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True  # a view may ask again while rows are being inserted
        try:
            page = self._list_page(len(self._rows))
            if page is None:
                return
            self._has_more = page.has_more
            if page.patients:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page.patients) - 1)
                self._rows.extend(page.patients)
                self.endInsertRows()
        finally:
            self._fetching = False

    # -- query and order -------------------------------------------------------------------------
    def set_query(self, query: str) -> None:
        if query == self._query:
            return
        self._query = query
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.refresh()

    def refresh(self) -> None:
        """Read the first page again (after a sort, a new query, or a saved record)."""
        self.beginResetModel()
        try:
            self._load_first_page()
        finally:
            self.endResetModel()

    def clear(self) -> None:
        """Forget every row and the query (the session is locking): nothing read stays."""
        self.beginResetModel()
        self._rows, self._has_more, self._query = [], False, ""
        self.endResetModel()

    def _load_first_page(self) -> None:
        self._rows, self._has_more = [], False
        if self.is_searching:
            self._rows = self._search()
            return
        page = self._list_page(0)
        if page is not None:
            self._rows, self._has_more = list(page.patients), page.has_more

    def _search(self) -> list[PatientSummary]:
        try:
            found = patients_search.search_patients(
                self._session, self._query, limit=SEARCH_LIMIT
            ).patients
        except KnownError as error:
            self.load_failed.emit(error.message(language()))
            return []
        key = self._columns[self._sort_column].key
        return sorted(
            found, key=lambda summary: _search_sort_key(summary, key), reverse=self._descending
        )

    def _list_page(self, offset: int) -> patients_search.PatientPage | None:
        sort_key = self._columns[self._sort_column].sort_key or "birth_name"
        try:
            return patients_search.list_patients(
                self._session,
                sort=sort_key,
                descending=self._descending,
                limit=PAGE_SIZE,
                offset=offset,
            )
        except KnownError as error:
            self.load_failed.emit(error.message(language()))
            return None
