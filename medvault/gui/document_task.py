"""Document work (importing files, the desktop sweep) on a worker thread, with a progress
dialog whose Cancel the job honours between two files and between two chunks of a big file.

The storage connections allow use from another thread, not from two at once. So while a job
runs the GUI keeps off the session: the progress dialog is application-modal (no other window
takes input) and its owner stops the job (cancel, then wait: at most one chunk) before the
window closes or the vault locks. A cancelled import is rolled back by the service."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from medvault.core.errors import KnownError
from medvault.gui.messages import language

_STEPS = 1000  # the bar counts thousandths: byte counts overflow a Qt int


@dataclass(frozen=True)
class TaskProgress:
    file_number: int  # 1-based: the file being imported
    file_count: int
    done_bytes: int
    total_bytes: int


class DocumentTask(QThread):
    """Runs `job(task)` once. The job calls `task.report(...)` as it goes (False back means
    stop) and may check `task.cancelled`. After `finished` (delivered on the GUI thread),
    `error` holds a known error to show in plain words, `bug` anything else, else `result`."""

    progressed = Signal(object)  # TaskProgress, queued to the GUI thread

    def __init__(self, job: Callable[[DocumentTask], object], parent: QObject | None = None):
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()
        self.result: object = None
        self.error: KnownError | None = None
        self.bug: BaseException | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next check (thread-safe)."""
        self._cancel.set()

    def wait_cancelled(self, timeout: float) -> bool:
        """For a job waiting on something slow: block until a cancel is asked (True) or the
        timeout passes (False). Never called on the GUI thread."""
        return self._cancel.wait(timeout)

    def stop(self) -> None:
        """Cancel and wait for the job to end: the session is free again on return."""
        self._cancel.set()
        self.wait()

    def report(self, progress: TaskProgress) -> bool:
        """Called by the job on the worker thread; False once cancelled."""
        self.progressed.emit(progress)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            self.result = self._job(self)
        except KnownError as error:
            self.error = error
        except BaseException as unexpected:  # re-raised on the GUI thread, to the bug hook
            self.bug = unexpected


_UNITS = tuple(
    str(unit)
    for unit in (
        QT_TRANSLATE_NOOP("human_size", "o"),
        QT_TRANSLATE_NOOP("human_size", "Kio"),
        QT_TRANSLATE_NOOP("human_size", "Mio"),
        QT_TRANSLATE_NOOP("human_size", "Gio"),
    )
)


def human_size(size: int) -> str:
    """A size in binary units, in the interface language ("2,0 Kio", "2.0 KiB")."""
    value = float(size)
    for unit in _UNITS:
        shown = QCoreApplication.translate("human_size", unit)
        if value < 1024 or unit == _UNITS[-1]:
            if unit == _UNITS[0]:
                return f"{size} {shown}"
            number = f"{value:.1f}"
            if language() == "fr":
                number = number.replace(".", ",")
            return f"{number} {shown}"
        value /= 1024
    return f"{size} o"  # not reached


def progress_text(progress: TaskProgress) -> str:
    return QCoreApplication.translate(
        "DocumentTask", "Fichier {number} sur {count} · {done} sur {total}"
    ).format(
        number=progress.file_number,
        count=progress.file_count,
        done=human_size(progress.done_bytes),
        total=human_size(progress.total_bytes),
    )


class DocumentProgressDialog(QProgressDialog):
    """Application-modal, following `task`: Cancel (or Esc, or closing it) cancels the task;
    the dialog closes and deletes itself when the task ends."""

    def __init__(self, task: DocumentTask, title: str, label: str, parent: QWidget) -> None:
        super().__init__(label, "", 0, _STEPS, parent)
        self._task = task
        self._label = label
        self._finished = False
        self.setCancelButtonText(self.tr("Interrompre"))
        self.setObjectName("document_progress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(460)
        self.setValue(0)
        task.progressed.connect(self._on_task_progressed)
        task.finished.connect(self.finish)
        self.canceled.connect(self._on_self_canceled)
        self.show()  # at once: modal from the first byte, so no window reaches the session

    def _on_task_progressed(self, progress: object) -> None:
        if not isinstance(progress, TaskProgress) or self.wasCanceled():
            return
        total = max(progress.total_bytes, 1)
        self.setValue(min(_STEPS, progress.done_bytes * _STEPS // total))
        self.setLabelText(f"{self._label}\n{progress_text(progress)}")

    def _on_self_canceled(self) -> None:
        # Qt hid the dialog: show it again until the job has really stopped (the rest of the
        # current chunk, or the step under way), so the window stays modal meanwhile.
        self._task.cancel()
        self.setLabelText(self.tr("Interruption… le fichier en cours ne sera pas conservé."))
        self.setCancelButton(None)
        if not self._finished:
            self.show()

    def reject(self) -> None:
        """Esc cancels, like the button (a plain QProgressDialog would only hide)."""
        if not self._finished:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            super().closeEvent(event)
            return
        event.ignore()  # closing the window asks for the cancel; the task's end closes it
        self.canceled.emit()

    def finish(self) -> None:
        """Close for good (the task has ended, or its owner stopped it and waited)."""
        self._finished = True
        self.close()
        self.deleteLater()


def abandon_task(
    task: DocumentTask,
    progress: DocumentProgressDialog | None,
    on_finished: Callable[[], None],
) -> None:
    """Cancel a running task, wait for it (one chunk at most) and let it go without reporting
    its end: its owner is closing or the vault is locking."""
    task.finished.disconnect(on_finished)
    task.stop()
    if progress is not None and isValid(progress):
        progress.finish()
    task.deleteLater()
