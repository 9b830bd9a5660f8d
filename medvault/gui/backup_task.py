"""One backup job (create, schedule or verify) run on a worker thread, and the progress and
cancel hook a backup can be given.

The services are synchronous: the job runs on the worker thread, and the caller keeps the GUI
thread off the session meanwhile (the storage connections allow use from another thread, not
from two at once)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from medvault.core.errors import KnownError


class BackupTask(QThread):
    """Runs `job` once; after `finished` (delivered on the GUI thread), exactly one of
    `result`, `error` (a known error, shown in plain words) or `bug` is set."""

    def __init__(self, job: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.result: object = None
        self.error: KnownError | None = None
        self.bug: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._job()
        except KnownError as error:
            self.error = error
        except BaseException as unexpected:  # re-raised on the GUI thread, to the bug hook
            self.bug = unexpected


class BackupProgress(QObject):
    """The `progress` hook of create_backup: called on the worker thread, it passes the bytes
    done on to the GUI thread (`advanced`, a queued signal) and tells the service to stop once
    `cancel` was called from the GUI."""

    advanced = Signal(int)  # per mille of the archive written

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()
        self._last = -1

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def __call__(self, done: int, total: int) -> bool:
        permille = 1000 if total <= 0 else min(1000, done * 1000 // total)
        if permille != self._last:  # at most a thousand signals, whatever the size
            self._last = permille
            self.advanced.emit(permille)
        return not self._cancelled.is_set()
