"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. Qt
objects must be destroyed on their own thread: a widget caught in a reference cycle and freed
by a collection that a worker thread (document import, backup) triggered crashes the process.
So automatic collection is switched off while the application runs, and a timer on the GUI
thread runs the collections that Python would have run, with Python's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# Often enough that garbage never piles up (a young-generation pass costs microseconds),
# rarely enough to be invisible in an idle profile.
CHECK_INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """While installed, cyclic garbage is collected by this object's timer, on its thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._was_enabled = False
        self._installed = False

    @property
    def installed(self) -> bool:
        return self._installed

    def install(self) -> None:
        if self._installed:
            return
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._installed = True
        self._timer.start()

    def uninstall(self) -> None:
        """Back to Python's automatic collection, after one last pass here."""
        if not self._installed:
            return
        self._timer.stop()
        self._installed = False
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Runs the generation Python would have collected by now (none: returns -1)."""
        generation = due_generation(gc.get_count(), gc.get_threshold())
        if generation >= 0:
            gc.collect(generation)
        return generation


def due_generation(counts: tuple[int, int, int], thresholds: tuple[int, ...]) -> int:
    """The oldest generation whose count passed its threshold, as CPython decides it."""
    due = -1
    for generation in range(3):
        threshold = thresholds[generation] if generation < len(thresholds) else 0
        if threshold > 0 and counts[generation] > threshold:
            due = generation
        else:
            break
    return due
