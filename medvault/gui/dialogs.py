"""Modal message boxes behind one small object, so that logic never calls QMessageBox
statically and tests can answer (or record) every dialog without a blocking event loop."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent, title, text)
