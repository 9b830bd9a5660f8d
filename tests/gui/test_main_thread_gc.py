"""Cyclic garbage (widgets in reference cycles) is freed on the GUI thread, never by a
collection that a worker thread triggers."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from medvault.gui.main_thread_gc import MainThreadCollector, due_generation


class _Sentinel:
    """Part of a cycle with a QObject; records the thread that frees it."""

    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self
        self.qobject = QObject()

    def __del__(self) -> None:
        _Sentinel.freed_on.append(threading.current_thread().name)


def _churn_cycles(count: int) -> None:
    for _ in range(count):
        node: dict[str, object] = {}
        node["self"] = node


def test_due_generation_follows_python_thresholds() -> None:
    assert due_generation((701, 0, 0), (700, 10, 10)) == 0
    assert due_generation((701, 11, 0), (700, 10, 10)) == 1
    assert due_generation((701, 11, 11), (700, 10, 10)) == 2
    assert due_generation((10, 11, 11), (700, 10, 10)) == -1
    assert due_generation((5000, 0, 0), (0, 10, 10)) == -1  # threshold 0: collection off


def test_cycles_are_freed_on_the_gui_thread_not_by_a_worker(qtbot: QtBot) -> None:
    collector = MainThreadCollector(interval_ms=10)
    _Sentinel.freed_on.clear()
    gc.enable()
    collector.install()
    try:
        assert not gc.isenabled()
        _Sentinel()
        worker = threading.Thread(target=_churn_cycles, args=(50_000,), name="worker")
        worker.start()
        worker.join()
        assert _Sentinel.freed_on == []  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: _Sentinel.freed_on != [], timeout=5000)
        assert _Sentinel.freed_on == [threading.main_thread().name]
    finally:
        collector.uninstall()
    assert gc.isenabled()  # as it was before install


def test_uninstall_keeps_collection_off_when_it_was_off() -> None:
    gc.disable()
    collector = MainThreadCollector()
    collector.install()
    assert collector.installed
    collector.uninstall()
    assert not collector.installed
    assert not gc.isenabled()
