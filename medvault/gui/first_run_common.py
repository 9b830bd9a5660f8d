"""What the first-run wizard's pages share: page ids, the outcome they fill in, the folder field
and the busy state around slow calls (Argon2id, restore checks)."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from medvault.gui.dialogs import Dialogs

VAULT_SUFFIX = ".medvault"


class PageId(enum.IntEnum):
    CHOICE = 0
    CREATE = 1
    RECOVERY = 2
    OPEN = 3
    RESTORE = 4


@dataclass
class WizardOutcome:
    """Filled in by the page that made or found the vault."""

    directory: Path | None = None
    practice_name: str = ""
    recovery_code: str = ""  # only between creation and the end of the wizard


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


def vault_path_in(folder: Path, name: str = "Cabinet") -> Path:
    """An empty folder is used as is; otherwise the vault is a new subfolder in it, with a
    name that does not exist yet."""
    if folder.is_dir() and not any(folder.iterdir()):
        return folder
    stem = "".join(ch for ch in name if ch.isalnum() or ch in " -_").strip() or "Cabinet"
    candidate = folder / f"{stem}{VAULT_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{VAULT_SUFFIX}"
        number += 1
    return candidate


@contextmanager
def busy(wizard: QWizard | None) -> Iterator[None]:
    """Wait cursor and no wizard button during a slow call, restored whatever happens."""
    buttons = []
    if wizard is not None:
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            button = wizard.button(which)
            if button.isEnabled():
                button.setEnabled(False)
                buttons.append(button)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QCoreApplication.processEvents()  # let the disabled buttons and cursor show
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
        for button in buttons:
            button.setEnabled(True)


class FolderField(QWidget):
    """A read-only path and a "Choose…" button opening the folder (or file) chooser."""

    path_changed = Signal(object)

    def __init__(
        self,
        dialogs: Dialogs,
        *,
        title: str,
        name: str,
        choose_file: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dialogs = dialogs
        self._title = title
        self._file_filter = choose_file  # a name filter: choose a file rather than a folder
        self._path: Path | None = None
        self.setObjectName(name)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{name}_edit")
        self.edit.setReadOnly(True)
        self.button = QPushButton(self.tr("Choisir…"))
        self.button.setObjectName(f"{name}_button")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._on_button_clicked)

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        self._path = path
        self.edit.setText(str(path) if path is not None else "")
        self.edit.setToolTip(self.edit.text())
        self.path_changed.emit(path)

    def _on_button_clicked(self) -> None:
        start = self._path if self._path is not None else default_folder()
        if self._file_filter is not None:
            chosen = self._dialogs.get_open_path(self._title, start, self._file_filter)
        else:
            chosen = self._dialogs.get_folder(self._title, start)
        if chosen is not None:
            self.set_path(chosen)


def stacked(*widgets: QWidget) -> QWidget:
    """Widgets one above the other, tight, as one form field (e.g. a path and its preview)."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return holder
