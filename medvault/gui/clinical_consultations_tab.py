"""A patient's consultations: newest first on the left (more pages on request), the selected
or new consultation in the editor on the right. Leaving a consultation with unsaved changes
(another row, or a new consultation) asks first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medvault.core.clinical_consultation import Consultation, ConsultationPage
from medvault.core.errors import KnownError
from medvault.gui.clinical_consultation_editor import ConsultationEditor
from medvault.gui.clinical_fields import format_number
from medvault.gui.dialogs import Dialogs
from medvault.gui.messages import language
from medvault.gui.unsaved_changes import may_leave
from medvault.gui.widgets import select_row_quietly
from medvault.services import clinical_consultations
from medvault.services.session import Session


class ConsultationsTab(QWidget):
    def __init__(
        self,
        session: Session,
        patient_id: int,
        first_page: ConsultationPage,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consultations_tab")
        self._session = session
        self._patient_id = patient_id
        self._dialogs = dialogs
        self._items: list[Consultation] = list(first_page.items)
        self._has_more = first_page.has_more
        self._asking = False  # the unsaved-changes question is open: ignore selection echoes

        self._table = QTableWidget(0, 3)
        self._table.setObjectName("consultations_table")
        self._table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Motif"), self.tr("IMC")])
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.verticalHeader().hide()
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        new_button = QPushButton(self.tr("Nouvelle consultation"))
        new_button.setObjectName("consultation_new_button")
        self._more_button = QPushButton(self.tr("Consultations plus anciennes…"))
        self._more_button.setObjectName("consultation_more_button")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(new_button)
        left_layout.addWidget(self._table)
        left_layout.addWidget(self._more_button)
        self.editor = ConsultationEditor(session, patient_id)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        new_button.clicked.connect(self._on_new_button_clicked)
        self._more_button.clicked.connect(self._on_more_button_clicked)
        self._table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.editor.consultation_saved.connect(self._on_editor_consultation_saved)
        self._fill()

    @property
    def consultations(self) -> list[Consultation]:
        return list(self._items)

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def save(self) -> bool:
        return self.editor.save()

    def pending_draft(self) -> tuple[str, str] | None:
        """(editor key, typed fields) of the consultation being edited, if unsaved."""
        if not self.editor.has_unsaved_changes():
            return None
        return self.editor.draft_key(), self.editor.draft_content()

    def restore_draft(self, editor_key: str, content: str) -> bool:
        """Open the consultation the draft was typed over (or a new one), then the draft;
        False when the key is not a consultation's."""
        if not editor_key.startswith("consultation:"):
            return False
        if editor_key == "consultation:new":
            target = None
        else:
            wanted = int(editor_key.partition(":")[2])
            target = next((item for item in self._items if item.id == wanted), None)
            if target is None:
                try:  # on a page not loaded yet
                    target = clinical_consultations.get_consultation(self._session, wanted)
                except KnownError:
                    return False
                if target.patient_id != self._patient_id:
                    return False
        self._select_quietly(target)
        self.editor.edit(target)
        return self.editor.apply_draft(content)

    def _fill(self) -> None:
        self._table.blockSignals(True)
        self._table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            bmi = item.bmi
            cells = (
                item.data.consulted_on.strftime("%d/%m/%Y"),
                item.data.reason,
                "" if bmi is None else format_number(bmi),
            )
            for column, text in enumerate(cells):
                self._table.setItem(row, column, QTableWidgetItem(text))
        self._table.resizeColumnToContents(0)
        self._table.blockSignals(False)
        self._more_button.setVisible(self._has_more)

    def _may_leave_current(self) -> bool:
        """Asks before unsaved changes are dropped; saving from the question may refuse."""
        self._asking = True
        try:
            return may_leave([self.editor], self._dialogs)
        finally:
            self._asking = False

    def _select_quietly(self, consultation: Consultation | None) -> None:
        """Highlight the row of the consultation being edited (none for a new one)."""
        wanted = consultation.id if consultation is not None else None
        select_row_quietly(self._table, [item.id for item in self._items], wanted)

    def _on_new_button_clicked(self) -> None:
        if not self._may_leave_current():
            self._select_quietly(self.editor.current)
            return
        self._select_quietly(None)
        self.editor.edit(None)

    def _on_more_button_clicked(self) -> None:
        try:
            page = clinical_consultations.list_consultations(
                self._session, self._patient_id, offset=len(self._items)
            )
        except KnownError as error:
            self._dialogs.warn(self.tr("Consultations"), error.message(language()))
            return
        self._items.extend(page.items)
        self._has_more = page.has_more
        self._fill()

    def _on_table_item_selection_changed(self) -> None:
        rows = {index.row() for index in self._table.selectedIndexes()}
        if self._asking or len(rows) != 1:
            return
        target = self._items[rows.pop()]
        current = self.editor.current
        if current is not None and target.id == current.id:
            return
        if not self._may_leave_current():
            self._select_quietly(self.editor.current)  # stay on the consultation being edited
            return
        # Saving re-sorts the list and may replace items: find the target again.
        target = next(item for item in self._items if item.id == target.id)
        self._select_quietly(target)
        self.editor.edit(target)

    def _on_editor_consultation_saved(self, saved: Consultation) -> None:
        others = [item for item in self._items if item.id != saved.id]
        # Newest first, as the service lists them.
        self._items = sorted(
            [saved, *others], key=lambda c: (c.data.consulted_on, c.id), reverse=True
        )
        self._fill()
