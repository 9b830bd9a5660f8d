"""Modal message boxes and file choosers behind one small object, so that logic never calls
QMessageBox or QFileDialog statically and tests can answer (or record) every dialog without a
blocking event loop.

Tests either subclass Dialogs or queue answers with `queue_answers`: each question or file
chooser then takes the next queued answer instead of showing anything."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Button = QMessageBox.StandardButton
YES_NO = Button.Yes | Button.No


class UnansweredDialogError(RuntimeError):
    """An offscreen application asked a question nobody can answer (a test forgot to queue
    the answer): failing loudly beats hanging."""


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self._queued: deque[Button | Path | None] = deque()
        # (kind, title) of every question answered from the queue, for tests to check.
        self.answered: list[tuple[str, str]] = []

    def queue_answers(self, *answers: Button | Path | None) -> None:
        """The next questions/file choosers get these answers, in order (None = cancelled)."""
        self._queued.extend(answers)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent, title, text)

    def show_secret(self, title: str, text: str, secret: str) -> None:
        """A one-time secret (initial password): large, monospace, selectable for copying."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, Button.Ok, self._parent)
        box.setInformativeText(secret)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.Bold)
        box.setFont(font)
        box.exec()

    # -- questions and file choosers (pre-answerable) -----------------------------------------
    def question(self, title: str, text: str, buttons: Button = YES_NO) -> Button:
        """The button the user chose (Escape or closing gives No/Cancel when offered)."""
        if self._has_queued("question", title):
            answer = self._queued.popleft()
            if not isinstance(answer, Button):
                raise TypeError("queued answer for a question must be a StandardButton")
            return answer
        self._refuse_offscreen()
        return QMessageBox.question(self._parent, title, text, buttons)

    def confirm(self, title: str, text: str) -> bool:
        return self.question(title, text, YES_NO) == Button.Yes

    def get_folder(self, title: str, start: Path | None = None) -> Path | None:
        if self._has_queued("folder", title):
            return self._queued_path()
        self._refuse_offscreen()
        chosen = QFileDialog.getExistingDirectory(self._parent, title, _start_text(start))
        return Path(chosen) if chosen else None

    def get_open_path(
        self, title: str, start: Path | None = None, name_filter: str = ""
    ) -> Path | None:
        if self._has_queued("open", title):
            return self._queued_path()
        self._refuse_offscreen()
        chosen, _filter = QFileDialog.getOpenFileName(
            self._parent, title, _start_text(start), name_filter
        )
        return Path(chosen) if chosen else None

    def get_save_path(
        self, title: str, start: Path | None = None, name_filter: str = ""
    ) -> Path | None:
        """A path to write; the native dialog has already asked before replacing a file."""
        if self._has_queued("save", title):
            return self._queued_path()
        self._refuse_offscreen()
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, title, _start_text(start), name_filter
        )
        return Path(chosen) if chosen else None

    def _has_queued(self, kind: str, title: str) -> bool:
        if not self._queued:
            return False
        self.answered.append((kind, title))
        return True

    def _queued_path(self) -> Path | None:
        answer = self._queued.popleft()
        if answer is not None and not isinstance(answer, Path):
            raise TypeError("queued answer for a file chooser must be a Path or None")
        return answer

    @staticmethod
    def _refuse_offscreen() -> None:
        if QGuiApplication.platformName() == "offscreen":
            raise UnansweredDialogError("no queued answer for a dialog in offscreen mode")


def _start_text(start: Path | None) -> str:
    return str(start) if start is not None else ""
