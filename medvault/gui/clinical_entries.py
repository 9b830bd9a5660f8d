"""One list of the clinical file (history, allergies, treatments or vaccinations): the current
entries on the left, the selected one's editor on the right.

Entries come from the opened clinical file and are kept up to date from what each write
returns, so browsing the tab reads nothing more. Removing asks for a reason (kept with the
entry); a change made meanwhile elsewhere is refused in plain words. Leaving an entry with
unsaved changes (another row, or a new entry) asks first."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medvault.core.errors import FieldError, KnownError
from medvault.gui.clinical_fields import FieldGrid, FieldSpec
from medvault.gui.dialogs import Dialogs
from medvault.gui.editor_drafts import decode_fields, encode_fields
from medvault.gui.messages import language
from medvault.gui.unsaved_changes import may_leave
from medvault.gui.widgets import (
    ERROR_STYLE,
    SUCCESS_STYLE,
    WARNING_STYLE,
    message_label,
    select_row_quietly,
)
from medvault.services import clinical
from medvault.services.session import Session


@dataclass(frozen=True)
class EntrySpec:
    kind: type[Any]  # one of medvault.core.clinical.ENTRY_TYPES
    name: str  # object names: "allergy", "history"...
    fields: tuple[FieldSpec, ...]
    columns: tuple[tuple[str, Callable[[Any], str]], ...]  # header, text of an entry's data
    new_label: str


class EntryListTab(QWidget):
    """Emits entries_changed(list of Entry) after every successful write."""

    entries_changed = Signal(list)

    def __init__(
        self,
        session: Session,
        patient_id: int,
        spec: EntrySpec,
        entries: tuple[Any, ...],
        *,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{spec.name}_tab")
        self._session = session
        self._patient_id = patient_id
        self._spec = spec
        self._dialogs = dialogs
        self._entries: list[Any] = list(entries)
        self._current: Any | None = None
        self._asking = False  # the unsaved-changes question is open: ignore selection echoes

        self._table = QTableWidget(0, len(spec.columns))
        self._table.setObjectName(f"{spec.name}_table")
        self._table.setHorizontalHeaderLabels([header for header, _ in spec.columns])
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.verticalHeader().hide()
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        new_button = QPushButton(spec.new_label)
        new_button.setObjectName(f"{spec.name}_new_button")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._table)
        left_layout.addWidget(new_button)

        right = self._build_editor(spec)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        new_button.clicked.connect(self._on_new_button_clicked)
        self._save_button.clicked.connect(self._on_save_button_clicked)
        self._remove_button.clicked.connect(self._on_remove_button_clicked)
        self._table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self._fill_table()
        self._edit(None)

    def _build_editor(self, spec: EntrySpec) -> QWidget:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._grid = FieldGrid(form, spec.fields, spec.name)
        self._editor_title = QLabel()
        self._editor_title.setObjectName(f"{spec.name}_editor_title")
        font = self._editor_title.font()
        font.setBold(True)
        self._editor_title.setFont(font)
        self._message = message_label(f"{spec.name}_message")
        self._save_button = QPushButton(self.tr("Enregistrer"))
        self._save_button.setObjectName(f"{spec.name}_save_button")
        self._reason_edit = QLineEdit()
        self._reason_edit.setObjectName(f"{spec.name}_reason_edit")
        self._reason_edit.setPlaceholderText(self.tr("Motif du retrait (obligatoire)"))
        self._reason_error = message_label(f"{spec.name}_reason_error")
        self._reason_error.hide()
        self._remove_button = QPushButton(self.tr("Retirer"))
        self._remove_button.setObjectName(f"{spec.name}_remove_button")
        removal = QHBoxLayout()
        removal.addWidget(self._reason_edit, 1)
        removal.addWidget(self._remove_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._editor_title)
        right_layout.addLayout(form)
        right_layout.addWidget(self._message)
        right_layout.addWidget(self._save_button)
        right_layout.addStretch(1)
        right_layout.addLayout(removal)
        right_layout.addWidget(self._reason_error)
        return right

    # -- state ---------------------------------------------------------------------------------
    @property
    def entries(self) -> list[Any]:
        return list(self._entries)

    def grid(self) -> FieldGrid:
        return self._grid

    def select_row(self, row: int) -> None:
        self._table.selectRow(row)

    def has_unsaved_changes(self) -> bool:
        return self._grid.raw() != self._baseline

    # -- drafts (kept encrypted when the session locks mid-edit) --------------------------------
    def pending_draft(self) -> tuple[str, str] | None:
        """(editor key, typed fields) of the entry being edited, if unsaved."""
        if not self.has_unsaved_changes():
            return None
        which = "new" if self._current is None else str(self._current.id)
        return f"{self._spec.name}:{which}", encode_fields({"fields": self._grid.raw()})

    def restore_draft(self, editor_key: str, content: str) -> bool:
        name, _, which = editor_key.partition(":")
        groups = decode_fields(content, ("fields",))
        if name != self._spec.name or groups is None:
            return False
        target = None
        if which != "new":
            target = next((e for e in self._entries if str(e.id) == which), None)
            if target is None:
                return False  # removed since: nothing to put the text back over
        self._select_quietly(target)
        self._edit(target)
        self._grid.set_values(groups["fields"])
        self._show(self.tr("Brouillon restauré : relisez puis enregistrez."), WARNING_STYLE)
        return True

    def _fill_table(self) -> None:
        self._table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            for column, (_, text_of) in enumerate(self._spec.columns):
                self._table.setItem(row, column, QTableWidgetItem(text_of(entry.data)))

    def _edit(self, entry: Any | None) -> None:
        self._current = entry
        if entry is None:
            self._editor_title.setText(self._spec.new_label)
            defaults = {f.name: f.default for f in dataclasses.fields(self._spec.kind)}
            self._grid.set_values({k: v for k, v in defaults.items() if isinstance(v, str)})
        else:
            self._editor_title.setText(self.tr("Modifier l'élément sélectionné"))
            self._grid.set_values(dataclasses.asdict(entry.data))
        self._baseline = self._grid.raw()
        self._grid.clear_errors()
        self._message.clear()
        self._reason_edit.clear()
        self._reason_error.hide()
        self._reason_edit.setEnabled(entry is not None)
        self._remove_button.setEnabled(entry is not None)

    def _show(self, text: str, style: str = ERROR_STYLE) -> None:
        self._message.setStyleSheet(style)
        self._message.setText(text)

    def _changed(self, message: str) -> None:
        self._fill_table()
        self._show(message, SUCCESS_STYLE)
        self.entries_changed.emit(list(self._entries))

    # -- writing -------------------------------------------------------------------------------
    def save(self) -> bool:
        self._grid.clear_errors()
        self._message.clear()
        try:
            data = self._spec.kind(**self._grid.values())
            if self._current is None:
                saved = clinical.add_entry(self._session, self._patient_id, data)
                self._entries.append(saved)
            else:
                saved = clinical.update_entry(
                    self._session, self._current.id, data, expected_version=self._current.version
                )
                self._entries = [saved if e.id == saved.id else e for e in self._entries]
        except FieldError as error:
            if not self._grid.show_error(error):
                self._show(error.message(language()))
            return False
        except KnownError as error:
            self._show(error.message(language()))
            return False
        self._table.blockSignals(True)
        self._changed(self.tr("Enregistré."))
        self._table.blockSignals(False)
        self._edit(saved)
        self._table.selectRow(self._entries.index(saved))
        return True

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _on_remove_button_clicked(self) -> None:
        entry = self._current
        if entry is None:
            return
        self._reason_error.hide()
        try:
            clinical.remove_entry(
                self._session,
                self._spec.kind,
                entry.id,
                expected_version=entry.version,
                reason=self._reason_edit.text(),
            )
        except FieldError as error:
            self._reason_error.setText(error.message(language()))
            self._reason_error.show()
            return
        except KnownError as error:
            self._show(error.message(language()))
            return
        self._entries = [e for e in self._entries if e.id != entry.id]
        self._table.clearSelection()
        self._changed(self.tr("Élément retiré (conservé dans l'historique du dossier)."))
        self._edit(None)
        self._show(self.tr("Élément retiré."), SUCCESS_STYLE)

    def _may_leave_current(self) -> bool:
        """Asks before unsaved changes are dropped; saving from the question may refuse."""
        self._asking = True
        try:
            return may_leave([self], self._dialogs)
        finally:
            self._asking = False

    def _select_quietly(self, entry: Any | None) -> None:
        """Highlight the row of the entry being edited (none for a new one)."""
        wanted = entry.id if entry is not None else None
        select_row_quietly(self._table, [e.id for e in self._entries], wanted)

    def _on_new_button_clicked(self) -> None:
        if not self._may_leave_current():
            self._select_quietly(self._current)
            return
        self._select_quietly(None)
        self._edit(None)
        self._grid.editor(self._spec.fields[0].name).setFocus()

    def _on_table_item_selection_changed(self) -> None:
        rows = {index.row() for index in self._table.selectedIndexes()}
        if self._asking or len(rows) != 1:
            return
        target = self._entries[rows.pop()]
        if self._current is not None and target.id == self._current.id:
            return
        if not self._may_leave_current():
            self._select_quietly(self._current)  # stay on the entry being edited
            return
        # Saving may have replaced entries: take the target's latest version.
        target = next(e for e in self._entries if e.id == target.id)
        self._select_quietly(target)
        self._edit(target)
