"""Command line: run the suites, print one table, write the JSON report.

    python -m benchmarks [--quick] [--only NAME] [--json PATH] [--seed N] [--frozen DIR]

Each suite is a function (sizes, work directory, seed) -> SuiteResult registered in SUITES.
--frozen (or MEDVAULT_FROZEN_BUILD) names a PyInstaller build folder: the gui suite then also
times the frozen application's start. The exit
code is 0 whatever the verdicts: a benchmark reports, it does not gate."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from benchmarks import backup, documents, gui, machine, search, unlock
from benchmarks.datagen import Sizes
from benchmarks.gui import FROZEN_ENV
from benchmarks.harness import (
    Measurement,
    SuiteResult,
    detail_lines,
    markdown_table,
    report_json,
    write_json,
)

Suite = Callable[[Sizes, Path, int], SuiteResult]

SUITES: dict[str, Suite] = {
    "search": search.run,
    "backup": backup.run,
    "unlock": unlock.run,
    "documents": documents.run,
    "gui": gui.run,
}

FULL = Sizes(patients=100_000, notes=1_000_000, repeats=40)
QUICK = Sizes(patients=20_000, notes=100_000, repeats=15)
DEFAULT_SEED = 20250106


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="medvault performance report (SQLCipher against plain SQLite).",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"smaller data set ({QUICK.patients} patients, {QUICK.notes} notes)",
    )
    parser.add_argument("--only", choices=sorted(SUITES), help="run this suite only")
    parser.add_argument("--json", type=Path, help="where to write the JSON report")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="data generator seed")
    parser.add_argument(
        "--frozen",
        type=Path,
        metavar="DIR",
        help=f"PyInstaller build folder (dist/medvault) to time its start too (or {FROZEN_ENV})",
    )
    return parser


def _default_json_path(mode: str) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return Path(tempfile.gettempdir()) / "medvault-benchmarks" / f"{mode}-{stamp}.json"


def main(
    argv: Sequence[str] | None = None, *, sizes: Sizes | None = None, out: TextIO | None = None
) -> int:
    """Run and report. `sizes` overrides the preset chosen by --quick (used for a smoke run)."""
    args = _parser().parse_args(argv)
    out = out or sys.stdout
    if args.frozen is not None:
        os.environ[FROZEN_ENV] = str(args.frozen.resolve())
    mode = "quick" if args.quick else "full"
    chosen = sizes or (QUICK if args.quick else FULL)
    if sizes is not None:
        mode = "custom"
    names = [args.only] if args.only else list(SUITES)
    info = machine.describe()
    print(f"medvault benchmarks ({mode}) on {machine.summary(info)}", file=out, flush=True)
    measurements: list[Measurement] = []
    suites: dict[str, Any] = {}
    for name in names:
        started = time.perf_counter()
        load_before = machine.load_average()
        print(f"- {name}: running (load average {load_before}) ...", file=out, flush=True)
        with tempfile.TemporaryDirectory(prefix=f"medvault-bench-{name}-") as workdir:
            result = SUITES[name](chosen, Path(workdir), args.seed)
        elapsed = time.perf_counter() - started
        load_after = machine.load_average()
        print(
            f"- {name}: done in {elapsed:.0f} s (load average {load_after})", file=out, flush=True
        )
        measurements += result.measurements
        suites[name] = {
            **result.context,
            "elapsed_s": round(elapsed, 1),
            # Other work on the machine shows up as p95 spikes on both sides alike.
            "load_average_before": load_before,
            "load_average_after": load_after,
        }
    print(file=out)
    print(markdown_table(measurements), file=out)
    print(file=out)
    print(detail_lines(measurements), file=out)
    path = args.json or _default_json_path(mode)
    write_json(path, report_json(measurements, mode=mode, context={"machine": info, **suites}))
    print(f"\nJSON report: {path}", file=out, flush=True)
    return 0
