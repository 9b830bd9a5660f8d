"""Locks an unattended session: any key, click, wheel or mouse movement anywhere in the
application counts as presence; after `delay` without any, `expired` is emitted once.

The application-wide event filter only notes the time of the last input: re-arming a timer on
every mouse movement would cost more than the check made when the timer fires."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleLock(QObject):
    expired = Signal()

    def __init__(self, delay_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._delay_ms = delay_ms
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._running = False

    @property
    def delay_ms(self) -> int:
        return self._delay_ms

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._running:
            app.installEventFilter(self)
        self._running = True
        self.postpone()
        self._timer.start(self._delay_ms)

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._running:
            app.removeEventFilter(self)
        self._running = False
        self._timer.stop()

    def set_delay_ms(self, delay_ms: int) -> None:
        self._delay_ms = delay_ms
        if self._running:
            self._timer.start(self._remaining_ms())

    def postpone(self) -> None:
        """Presence seen now (also what an input event does)."""
        self._last_input = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _remaining_ms(self) -> int:
        idle_ms = (time.monotonic() - self._last_input) * 1000
        return max(0, int(self._delay_ms - idle_ms))

    def _on_timer_timeout(self) -> None:
        if not self._running:
            return
        remaining = self._remaining_ms()
        if remaining > 0:
            self._timer.start(remaining)  # input came meanwhile: wait for the rest
            return
        self.stop()
        self.expired.emit()
