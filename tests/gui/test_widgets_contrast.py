"""Secondary text stays readable: at least the 4.5:1 contrast WCAG AA asks for ordinary text,
on the application's palette and on a dark one."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from medvault.gui.widgets import muted_label, muted_text_colour


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_muted_labels_are_readable(qapp: QApplication) -> None:
    label = muted_label("C:/Cabinet.medvault", "path_label")
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    assert 4.5 <= _contrast(text, window) < _contrast(qapp.palette().windowText().color(), window)


def test_muted_text_is_readable_on_a_dark_theme(qapp: QApplication) -> None:
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    muted = muted_text_colour(dark)
    assert _contrast(muted, QColor("#202124")) >= 4.5
    assert muted.lightness() < QColor("#f0f0f0").lightness()  # still a step back
