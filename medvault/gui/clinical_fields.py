"""Form fields shared by the clinical editors: one editor per field, its message right under it,
and the conversions from typed text to the values the clinical types expect."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from medvault.core.errors import FieldError
from medvault.core.patient import parse_date
from medvault.gui.messages import language
from medvault.gui.widgets import message_label


class FieldKind(enum.Enum):
    LINE = "line"
    TEXT = "text"
    DATE = "date"
    YEAR = "year"
    NUMBER = "number"
    CHOICE = "choice"
    CHECK = "check"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind = FieldKind.LINE
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, label) for CHOICE


def format_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def format_number(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def parse_date_text(name: str, text: str) -> date | None:
    if not text.strip():
        return None
    parsed = parse_date(text)
    if parsed is None:
        raise FieldError(
            name, "La date s'écrit jj/mm/aaaa (ex. 14/03/2024).", "Write the date as dd/mm/yyyy."
        )
    return parsed


def parse_number_text(name: str, text: str) -> float | None:
    cleaned = text.strip().replace(",", ".").replace(" ", "")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise FieldError(
            name, "Ce champ doit être un nombre (ex. 72,5).", "This field must be a number."
        ) from None


def parse_year_text(name: str, text: str) -> int | None:
    if not text.strip():
        return None
    if not text.strip().isdigit():
        raise FieldError(name, "L'année s'écrit avec 4 chiffres.", "Write the year with 4 digits.")
    return int(text.strip())


class FieldGrid:
    """The editors of a list of fields in a QFormLayout, read and written by field name."""

    def __init__(self, form: QFormLayout, specs: tuple[FieldSpec, ...], prefix: str) -> None:
        self._specs = {spec.name: spec for spec in specs}
        self._editors: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        for spec in specs:
            editor = self._build(spec)
            editor.setObjectName(f"{prefix}_{spec.name}_edit")
            error = message_label(f"{prefix}_{spec.name}_error")
            error.hide()
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(editor)
            cell.addWidget(error)
            form.addRow(spec.label, cell)
            self._editors[spec.name] = editor
            self._errors[spec.name] = error

    @staticmethod
    def _build(spec: FieldSpec) -> QWidget:
        if spec.kind is FieldKind.TEXT:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMinimumHeight(60)
            return text
        if spec.kind is FieldKind.CHOICE:
            combo = QComboBox()
            for value, label in spec.choices:
                combo.addItem(label, value)
            return combo
        if spec.kind is FieldKind.CHECK:
            return QCheckBox()
        line = QLineEdit()
        if spec.kind is FieldKind.DATE:
            line.setPlaceholderText(QCoreApplication.translate("clinical", "jj/mm/aaaa"))
        return line

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def raw(self) -> dict[str, object]:
        """What is typed, for telling whether anything changed."""
        values: dict[str, object] = {}
        for name, editor in self._editors.items():
            if isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
            elif isinstance(editor, QLineEdit):
                values[name] = editor.text()
        return values

    def values(self) -> dict[str, Any]:
        """Typed values for the clinical data classes; FieldError names a field typed wrong."""
        converted: dict[str, Any] = {}
        for name, value in self.raw().items():
            kind = self._specs[name].kind
            if kind is FieldKind.DATE:
                converted[name] = parse_date_text(name, str(value))
            elif kind is FieldKind.YEAR:
                converted[name] = parse_year_text(name, str(value))
            elif kind is FieldKind.NUMBER:
                converted[name] = parse_number_text(name, str(value))
            else:
                converted[name] = value
        return converted

    def set_values(self, values: dict[str, object]) -> None:
        for name, editor in self._editors.items():
            value = values.get(name)
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value or ""))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(str(value or ""))))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QLineEdit):
                editor.setText(_as_text(value))

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def show_error(self, error: FieldError) -> bool:
        """Show the message under its field; False when no field of this grid has that name."""
        label = self._errors.get(error.field)
        if label is None:
            return False
        label.setText(error.message(language()))
        label.show()
        self._editors[error.field].setFocus()
        return True


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float):
        return format_number(value)
    return str(value)
