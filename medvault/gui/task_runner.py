"""One worker job at a time for a window (import, desktop sweep, patient export): the
DocumentTask, its application-modal progress dialog, `busy_changed` for the main window (which
keeps backups off the session meanwhile) and `stop()` before the window closes or the vault
locks. The owner learns the end through `task_done`, on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from medvault.gui.document_task import DocumentProgressDialog, DocumentTask, abandon_task


class TaskRunner(QObject):
    """`work_started(task)` before a task starts; `busy_changed(bool)`; `task_done(task)` after
    a task ends by itself or is cancelled from its dialog (never after `stop()`: the owner is
    going away). An unexpected exception of the job is re-raised here, to the bug hook."""

    work_started = Signal(object)
    busy_changed = Signal(bool)
    task_done = Signal(object)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self.task: DocumentTask | None = None
        self.progress_dialog: DocumentProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def run(
        self, job: Callable[[DocumentTask], object], title: str, label: str
    ) -> DocumentTask | None:
        """Start `job` on a worker thread (None while another one runs)."""
        if self.task is not None:
            return None
        task = DocumentTask(job, self)
        task.finished.connect(self._on_task_finished)
        self.task = task
        self.progress_dialog = DocumentProgressDialog(task, title, label, self._owner)
        self.work_started.emit(task)
        self.busy_changed.emit(True)
        task.start()
        return task

    def stop(self) -> None:
        """Cancel and wait (one chunk at most); nothing is reported: the window is closing."""
        task = self.task
        if task is None:
            return
        abandon_task(task, self.progress_dialog, self._on_task_finished)
        self.task, self.progress_dialog = None, None
        self.busy_changed.emit(False)

    def _on_task_finished(self) -> None:
        task, self.task, self.progress_dialog = self.task, None, None
        if task is None:
            return
        task.deleteLater()
        self.busy_changed.emit(False)
        if task.bug is not None:
            raise task.bug
        self.task_done.emit(task)
