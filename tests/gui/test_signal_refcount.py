"""Guards against a Qt binding that loses a reference to True at every Python-side emit
(PySide6 6.12.0 did; on Python 3.11 it aborts the interpreter after a few hundred emits)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_does_not_leak_references_to_true() -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit(None)
    assert abs(sys.getrefcount(True) - before) < 20
