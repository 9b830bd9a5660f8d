"""The search field above the patient list: results while typing, no button.

Keystrokes restart a short timer; the query is announced once typing pauses, so a fast typist
runs one search instead of one per letter."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 150


class PatientSearchBar(QLineEdit):
    query_changed = Signal(str)
    down_pressed = Signal()  # move on to the results with the arrow key

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setObjectName("search_edit")
        self.setClearButtonEnabled(True)
        self.setMaxLength(100)
        self.setPlaceholderText(
            self.tr("Rechercher : nom, prénom, date de naissance (jj/mm/aaaa), téléphone, NIR…")
        )
        self.setAccessibleName(self.tr("Recherche de patient"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.textChanged.connect(self._on_self_text_changed)

    def _on_self_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.query_changed.emit(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)
