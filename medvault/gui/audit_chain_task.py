"""The audit chain check on a worker thread: on a year of records it takes seconds, and the
audit window must stay usable meanwhile. The check has its own read-only connection and its
own copy of the keys (services/audit_chain_check.py): the session is not shared."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from medvault.core.audit import ChainReport
from medvault.core.errors import KnownError
from medvault.services.audit_chain_check import ChainCheck


class ChainCheckTask(QThread):
    """Runs one prepared check. After `finished` (delivered on the GUI thread): `report` (None
    when cancelled) or `error` (a KnownError to show); anything else is re-raised by
    `raise_unexpected`, on the GUI thread, to the application's bug hook."""

    def __init__(self, check: ChainCheck) -> None:
        # No parent: the window that started it may be destroyed first, and destroying a
        # running QThread aborts the process. It keeps itself alive until it has finished.
        super().__init__()
        self._check = check
        self._cancel = threading.Event()
        self.report: ChainReport | None = None
        self.error: KnownError | None = None
        self._unexpected: BaseException | None = None
        self._keep_alive: ChainCheckTask | None = self
        self.finished.connect(self._on_finished)

    def run(self) -> None:
        try:
            self.report = self._check.run(self._cancel.is_set)
        except KnownError as error:
            self.error = error
        except BaseException as unexpected:  # re-raised on the GUI thread
            self._unexpected = unexpected

    def cancel(self) -> None:
        """Stop at the next look at the flag (every thousand records)."""
        self._cancel.set()

    def cancel_and_wait(self) -> None:
        self.cancel()
        self.wait()

    def _on_finished(self) -> None:
        self._keep_alive = None

    def raise_unexpected(self) -> None:
        if self._unexpected is not None:
            unexpected, self._unexpected = self._unexpected, None
            raise unexpected
