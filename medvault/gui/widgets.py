"""Small label factories, so every window shows titles, notes and errors the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QTableWidget

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a4b00;"
SUCCESS_STYLE = "color: #1b5e20;"
# Back to the ordinary text colour (an empty style sheet does not always undo a colour).
NEUTRAL_STYLE = "color: palette(window-text);"


def title_label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def muted_label(text: str, name: str) -> QLabel:
    """Secondary information (e.g. a path), selectable so it can be copied."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setToolTip(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted_text_colour(palette))
    label.setPalette(palette)
    return label


def muted_text_colour(
    palette: QPalette,
    text_role: QPalette.ColorRole = QPalette.ColorRole.WindowText,
    background_role: QPalette.ColorRole = QPalette.ColorRole.Window,
) -> QColor:
    """Text a step back from the ordinary text, still readable: the disabled text colour of
    most styles is too faint to read (about 1.7:1 against the window); this keeps about 6:1
    (WCAG AA asks 4.5:1), on light and dark themes alike."""
    text = palette.color(text_role)
    window = palette.color(background_role)
    weight = 0.62
    return QColor(
        round(text.red() * weight + window.red() * (1 - weight)),
        round(text.green() * weight + window.green() * (1 - weight)),
        round(text.blue() * weight + window.blue() * (1 - weight)),
    )


def message_label(name: str, style: str = ERROR_STYLE) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


def select_row_quietly(table: QTableWidget, ids: list[int], wanted: int | None) -> None:
    """Highlight the row whose id is `wanted` (none when absent) without emitting the
    selection signals, so the list follows the editor instead of driving it."""
    table.blockSignals(True)
    if wanted is not None and wanted in ids:
        table.selectRow(ids.index(wanted))
    else:
        table.clearSelection()
    table.blockSignals(False)
