"""Ending on the system's request — SIGTERM at logout or shutdown, Ctrl+C in a terminal — as if
the user had locked, then quit: unsaved edits kept as encrypted drafts, the session locked (WAL
checkpointed, keys wiped, vault released), then Qt quits, which removes a temporary demo vault.

Python runs signal handlers only between bytecodes; while Qt waits in its event loop, a short
timer gives it that chance."""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QTimer

WAKE_MS = 250
FORCE_QUIT_MS = 10_000  # a lock held up (a backup finishing) must not keep a logout waiting

_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class TerminationHandler(QObject):
    """`lock_then(quit)` is asked to lock the open session, if any, and call `quit` once it is
    locked; it returns False when there was nothing to lock (quit at once)."""

    def __init__(
        self,
        lock_then: Callable[[Callable[[], None]], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lock_then = lock_then
        self._ending = False
        self._wake = QTimer(self)
        self._wake.setInterval(WAKE_MS)
        self._wake.timeout.connect(self._on_wake_timeout)
        self._previous = {sig: signal.getsignal(sig) for sig in _SIGNALS}

    def install(self) -> None:
        for sig in _SIGNALS:
            signal.signal(sig, self._on_signal)
        self._wake.start()

    def uninstall(self) -> None:
        self._wake.stop()
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)

    def end(self) -> None:
        """What a SIGTERM does, callable directly."""
        if self._ending:
            return
        self._ending = True
        QTimer.singleShot(FORCE_QUIT_MS, _quit)
        if not self._lock_then(_quit):
            _quit()

    def _on_signal(self, _signum: int, _frame: FrameType | None) -> None:
        QTimer.singleShot(0, self.end)  # out of the signal handler, into the event loop

    def _on_wake_timeout(self) -> None:
        pass  # only so that the interpreter gets control and runs pending signal handlers


def _quit() -> None:
    app = QCoreApplication.instance()
    if app is not None:
        app.quit()
