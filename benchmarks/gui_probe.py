"""The measuring side of the GUI suite, run in a fresh process per probe:

    python -m benchmarks.gui_probe bare-start
    python -m benchmarks.gui_probe start --vault DIR
    python -m benchmarks.gui_probe bare-session --rows N --repeats R
    python -m benchmarks.gui_probe session --vault DIR --repeats R

A start probe prints one JSON line as soon as its first window has painted (the parent times the
process from spawn to that line); a session probe times the interactions in process and prints
its samples as one JSON line at the end. The `bare-*` probes are the baselines: plain PySide6
windows with a table of the same size, so the ratios say what medvault adds to Qt itself."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

WINDOW_SIZE = (1100, 700)
WAIT_LIMIT_S = 30.0
# Typed as a receptionist would: surname prefixes, a first name, a birth date.
TYPED = ("mar", "ber", "dub", "lefe", "rou", "gar", "fab", "mich", "12/03/19", "dur")
ModelIndex = QModelIndex | QPersistentModelIndex


def resident_kib() -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of this process, in KiB (Linux; empty elsewhere)."""
    try:
        text = Path("/proc/self/status").read_text(encoding="utf-8")
    except OSError:
        return {}
    wanted = {"VmRSS:": "rss_kib", "VmHWM:": "peak_rss_kib"}
    return {
        wanted[line.split()[0]]: int(line.split()[1])
        for line in text.splitlines()
        if line.split() and line.split()[0] in wanted
    }


class PaintWatch(QObject):
    """Counts paint events reaching the watched widgets."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False


def until_painted(app: QApplication, watch: PaintWatch, action: Callable[[], object]) -> float:
    """Milliseconds from `action` until the watched widget has painted (the paint included)."""
    watch.painted = 0
    start = time.perf_counter()
    action()
    deadline = start + WAIT_LIMIT_S
    while not watch.painted:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("no repaint within the time limit")
    return (time.perf_counter() - start) * 1000


# -- baselines: bare PySide6 ---------------------------------------------------------------------
class CountingModel(QAbstractTableModel):
    """Rows computed on demand: what a table costs Qt when the data costs nothing."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self._rows = rows
        self._offset = 0

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return f"Valeur {index.row() + self._offset} / {index.column()}"

    def reset_to(self, rows: int, offset: int) -> None:
        self.beginResetModel()
        self._rows, self._offset = rows, offset
        self.endResetModel()


def _bare_window(model: CountingModel | None) -> tuple[QMainWindow, QLineEdit, QTableView]:
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(QLabel("Cabinet des mesures"))
    edit = QLineEdit()
    layout.addWidget(edit)
    table = QTableView()
    if model is not None:
        table.setModel(model)
    layout.addWidget(table, 1)
    window.setCentralWidget(central)
    window.resize(*WINDOW_SIZE)
    return window, edit, table


def bare_start(app: QApplication) -> dict[str, Any]:
    window, _edit, _table = _bare_window(None)
    watch = PaintWatch()
    watch.watch(window)
    until_painted(app, watch, window.show)
    return resident_kib()


def bare_session(app: QApplication, rows: int, repeats: int) -> dict[str, Any]:
    samples: dict[str, list[float]] = {
        "first_paint": [],
        "keystroke": [],
        "results": [],
        "scroll": [],
        "sort": [],
    }
    window: QMainWindow | None = None
    for _ in range(repeats):
        if window is not None:
            window.close()
            window.deleteLater()
        model = CountingModel(rows)
        window, edit, table = _bare_window(model)
        watch = PaintWatch()
        watch.watch(table.viewport())
        samples["first_paint"].append(until_painted(app, watch, window.show))
    assert window is not None
    edit_watch = PaintWatch()
    edit_watch.watch(edit)
    edit.setFocus()
    for text in TYPED * max(1, repeats // 5):
        edit.clear()
        for index, char in enumerate(text):
            samples["keystroke"].append(until_painted(app, edit_watch, partial(edit.insert, char)))
            samples["results"].append(until_painted(app, watch, partial(model.reset_to, 50, index)))
    model.reset_to(rows, 0)
    samples["scroll"] = _scroll(app, table, watch, repeats)
    for _ in range(repeats):
        samples["sort"].append(until_painted(app, watch, partial(model.reset_to, rows, 7)))
    return {"samples": samples, **resident_kib()}


def _scroll(app: QApplication, table: QTableView, watch: PaintWatch, repeats: int) -> list[float]:
    """Page down step by step, as a user holding the key: each step repaints once."""
    bar = table.verticalScrollBar()

    def page_down() -> None:
        bar.setValue(bar.value() + bar.pageStep())

    return [until_painted(app, watch, page_down) for _ in range(repeats * 4)]


# -- medvault ------------------------------------------------------------------------------------
def medvault_start(app: QApplication, vault: Path) -> int:
    """The product's own entry point, stopped once the login window has painted."""
    from medvault.gui.app import main  # imported here: the import is part of the start

    class LoginPainted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched.objectName() == "login_window":
                app.removeEventFilter(self)
                print(json.dumps(resident_kib()), flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    spy = LoginPainted()
    app.installEventFilter(spy)
    return main(["--vault", str(vault)])


def medvault_session(app: QApplication, vault: Path, repeats: int) -> dict[str, Any]:
    from benchmarks.databases import CHEAP_KDF, LOGIN, PASSWORD
    from medvault.core.kdf import KdfProfile
    from medvault.gui.main_window import MainWindow
    from medvault.services.config import ServiceConfig
    from medvault.services.unlock import unlock

    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))
    samples: dict[str, list[float]] = {
        "unlock_to_list": [],
        "first_paint": [],
        "keystroke": [],
        "results": [],
        "scroll": [],
        "sort": [],
    }
    window: MainWindow | None = None
    for _ in range(repeats):
        if window is not None:
            window.close()  # closes its session
            window.deleteLater()
            app.processEvents()
        start = time.perf_counter()
        session = unlock(vault, LOGIN, PASSWORD, config=config)
        unlocked = time.perf_counter()
        # The debounce timer is what a user's pause triggers; here the pause is simulated by
        # announcing the query directly, so only the work done on the GUI thread is timed.
        window = MainWindow(session, debounce_ms=3_600_000)
        watch = PaintWatch()
        watch.watch(window.table.viewport())
        paint_ms = until_painted(app, watch, window.show)
        constructed_ms = (time.perf_counter() - unlocked) * 1000 - paint_ms
        samples["first_paint"].append(constructed_ms + paint_ms)
        samples["unlock_to_list"].append((time.perf_counter() - start) * 1000)
    assert window is not None
    bar = window.search_bar
    bar_watch = PaintWatch()
    bar_watch.watch(bar)
    bar.setFocus()
    for text in TYPED * max(1, repeats // 5):
        bar.clear()
        for char in text:
            samples["keystroke"].append(until_painted(app, bar_watch, partial(bar.insert, char)))
            query = bar.text()
            samples["results"].append(
                until_painted(app, watch, partial(bar.query_changed.emit, query))
            )
    bar.clear()
    until_painted(app, watch, partial(bar.query_changed.emit, ""))
    samples["scroll"] = _scroll(app, window.table, watch, repeats)
    columns = [c for c in range(window.model.columnCount()) if window.model.is_sortable(c)]
    orders = (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder)
    for index in range(repeats):
        column = columns[index % len(columns)]
        order = orders[index % 2]
        samples["sort"].append(
            until_painted(app, watch, partial(window.table.sortByColumn, column, order))
        )
    rows = window.model.rowCount()
    result = {"samples": samples, "rows_loaded": rows, **resident_kib()}
    window.close()
    return result


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gui_probe")
    parser.add_argument("mode", choices=("bare-start", "start", "bare-session", "session"))
    parser.add_argument("--vault", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=10)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    app = QApplication(sys.argv[:1])
    if args.mode == "start":
        return medvault_start(app, args.vault)
    if args.mode == "bare-start":
        report = bare_start(app)
    elif args.mode == "bare-session":
        report = bare_session(app, args.rows, args.repeats)
    else:
        report = medvault_session(app, args.vault, args.repeats)
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
