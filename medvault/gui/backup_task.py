"""One backup job (create, schedule or verify) run on a worker thread.

The services are synchronous and have no progress or cancel hook: the job runs whole, and the
caller keeps the GUI thread off the session meanwhile (the storage connections allow use from
another thread, not from two at once)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread

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
