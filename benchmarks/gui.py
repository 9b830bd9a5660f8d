"""The desktop application on a large vault, against bare PySide6 windows in the same run.

- start to login window: a fresh `medvault --vault` process until its login window has painted,
  against a fresh process showing a bare PySide6 window (both timed from spawn by this process);
- unlock to list painted (Argon2id excluded: a cheap profile), and the list's first paint;
- keystroke to repaint of the search field, and the results' repaint once the query is announced;
- scroll (page down) repaint and sort by column, against the same table over a free model;
- resident memory with the list open, against the bare window's;
- with a PyInstaller build named by MEDVAULT_FROZEN_BUILD (or `--frozen DIR`) and built with
  its start probe: the frozen application's start to login window, against a bare PySide6
  window started by the same frozen build (skipped, and said so in the report, otherwise).

Probes run offscreen (QT_QPA_PLATFORM=offscreen), each in its own process (benchmarks.gui_probe),
with a temporary configuration folder so the user's own settings are neither read nor written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.databases import CHEAP_KDF, LOGIN, PASSWORD, create_benchmark_vault
from benchmarks.datagen import AUTHOR, Sizes, patient_chunks
from benchmarks.harness import Measurement, Stats, SuiteResult, Target, Unit
from medvault.core.kdf import KdfProfile
from medvault.services.config import ServiceConfig
from medvault.services.unlock import unlock
from medvault.storage import patients_repo
from medvault.storage.database import transaction

START_TARGET_RATIO = 1.3
FRAME_MS = 16.0
FIRST_PAINT_MS = 50.0
SORT_MS = 100.0
WHEN = "2025-01-06T09:00:00Z"
PROBE_TIMEOUT_S = 600
FROZEN_ENV = "MEDVAULT_FROZEN_BUILD"
FROZEN_PROBE = "medvault-start-probe" + (".exe" if sys.platform == "win32" else "")


def build_vault(workdir: Path, sizes: Sizes, seed: int) -> Path:
    """A vault holding `sizes.patients` patients, its WAL folded back into the file."""
    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))
    directory = workdir / "Benchmark.medvault"
    create_benchmark_vault(directory, config)
    with unlock(directory, LOGIN, PASSWORD, config=config) as session:
        for chunk in patient_chunks(sizes, seed):
            with transaction(session.admin_db, "admin.db") as conn:
                patients_repo.insert_patients(conn, chunk, when=WHEN, by=AUTHOR)
        session.admin_db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return directory


def _environment(workdir: Path) -> dict[str, str]:
    config_home = workdir / "config"
    config_home.mkdir(exist_ok=True)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config_home),
        "XDG_CACHE_HOME": str(workdir / "cache"),
    }


def _probe(
    args: list[str], env: dict[str, str], program: list[str] | None = None
) -> tuple[float, dict[str, Any]]:
    """Seconds from spawn to the probe's first JSON line, and that line. `program`: the frozen
    probe instead of this interpreter running benchmarks.gui_probe."""
    command = program or [sys.executable, "-m", "benchmarks.gui_probe"]
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own probe, fixed arguments
        [*command, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    try:
        _out, errors = process.communicate(timeout=PROBE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    if process.returncode != 0 or not line.strip():
        raise RuntimeError(f"probe {args[0]} failed ({process.returncode}): {errors[-2000:]}")
    return elapsed, json.loads(line)


def run(sizes: Sizes, workdir: Path, seed: int) -> SuiteResult:
    vault = build_vault(workdir, sizes, seed)
    env = _environment(workdir)
    starts: tuple[list[float], list[float]] = ([], [])
    start_memory: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
    for index in range(sizes.repeats):
        sides = [(0, ["start", "--vault", str(vault)]), (1, ["bare-start"])]
        for side, args in sides if index % 2 == 0 else sides[::-1]:
            seconds, report = _probe(args, env)
            starts[side].append(seconds * 1000)
            start_memory[side].update(report)
    session_repeats = max(3, sizes.repeats // 2)
    _, ours = _probe(["session", "--vault", str(vault), "--repeats", str(session_repeats)], env)
    _, bare = _probe(
        ["bare-session", "--rows", str(sizes.patients), "--repeats", str(session_repeats)], env
    )
    mine, theirs = ours["samples"], bare["samples"]
    typed = len(mine["keystroke"])

    def side_by_side(
        name: str, key: str, baseline: str, target: Target, detail: str
    ) -> Measurement:
        return Measurement(
            name,
            Unit.MILLISECONDS,
            Stats.of(mine[key]),
            Stats.of(theirs[baseline]),
            target,
            detail,
        )

    frame, first_paint = Target(max_p95=FRAME_MS), Target(max_p95=FIRST_PAINT_MS)
    measurements = [
        Measurement(
            "start to login window",
            Unit.MILLISECONDS,
            Stats.of(starts[0]),
            Stats.of(starts[1]),
            Target(START_TARGET_RATIO),
            f"{sizes.repeats} process starts each, offscreen; baseline: bare PySide6 window",
        ),
        side_by_side(
            "unlock to list painted",
            "unlock_to_list",
            "first_paint",
            first_paint,
            f"{session_repeats} unlocks, Argon2id excluded (cheap profile); "
            "baseline: bare table window first paint",
        ),
        side_by_side(
            "patient list first paint",
            "first_paint",
            "first_paint",
            first_paint,
            f"main window built and painted, {sizes.patients} patients",
        ),
        side_by_side(
            "keystroke to search field repaint",
            "keystroke",
            "keystroke",
            frame,
            f"{typed} keystrokes; baseline: bare QLineEdit",
        ),
        side_by_side(
            "search results repaint",
            "results",
            "results",
            frame,
            f"{typed} queries (after each keystroke), search in SQL + list repaint; "
            "baseline: free model reset",
        ),
        side_by_side(
            "list scroll repaint",
            "scroll",
            "scroll",
            frame,
            f"{len(mine['scroll'])} page-downs from the top, lazy loading included "
            f"({ours['rows_loaded']} rows loaded at the end)",
        ),
        side_by_side(
            "sort by column",
            "sort",
            "sort",
            Target(max_p95=SORT_MS),
            f"{len(mine['sort'])} sorts in SQL over {sizes.patients} patients + repaint",
        ),
    ]
    measurements += _memory(start_memory, ours, bare)
    frozen, frozen_context = _frozen_start(vault, env, sizes.repeats)
    measurements += frozen
    context = {
        "patients": sizes.patients,
        "start_repeats": sizes.repeats,
        "session_repeats": session_repeats,
        "memory_kib": {
            "login_window": start_memory[0],
            "bare_window": start_memory[1],
            "list_open": {k: ours[k] for k in ("rss_kib", "peak_rss_kib") if k in ours},
            "bare_table": {k: bare[k] for k in ("rss_kib", "peak_rss_kib") if k in bare},
        },
        "frozen_start": frozen_context,
    }
    return SuiteResult(measurements, context)


def _frozen_start(
    vault: Path, env: dict[str, str], repeats: int
) -> tuple[list[Measurement], dict[str, Any]]:
    """Start to login window of the frozen build, if one is named and has its start probe."""
    folder = os.environ.get(FROZEN_ENV, "")
    if not folder:
        return [], {"skipped": f"no build named ({FROZEN_ENV} or --frozen)"}
    program = Path(folder) / FROZEN_PROBE
    if not program.is_file():
        return [], {
            "skipped": f"{program} not found (build with MEDVAULT_BUILD_START_PROBE=1)",
        }
    starts: tuple[list[float], list[float]] = ([], [])
    for index in range(repeats):
        sides = [(0, ["start", "--vault", str(vault)]), (1, ["bare-start"])]
        for side, args in sides if index % 2 == 0 else sides[::-1]:
            seconds, _report = _probe(args, env, [str(program)])
            starts[side].append(seconds * 1000)
    measurement = Measurement(
        "frozen start to login window",
        Unit.MILLISECONDS,
        Stats.of(starts[0]),
        Stats.of(starts[1]),
        Target(START_TARGET_RATIO),
        f"{repeats} starts each of the PyInstaller build, offscreen; baseline: a bare PySide6 "
        "window from the same build",
    )
    return [measurement], {"build": str(Path(folder).resolve()), "repeats": repeats}


def _memory(
    start_memory: tuple[dict[str, Any], dict[str, Any]],
    ours: dict[str, Any],
    bare: dict[str, Any],
) -> list[Measurement]:
    """Resident memory in MiB, reported for the record (no target)."""
    pairs = (
        ("resident memory, login window (MiB)", start_memory[0], start_memory[1]),
        ("resident memory, list open (MiB)", ours, bare),
    )
    found = []
    for name, mine, theirs in pairs:
        if "rss_kib" in mine and "rss_kib" in theirs:
            found.append(
                Measurement(
                    name,
                    Unit.MEBIBYTES,
                    Stats.of([mine["rss_kib"] / 1024]),
                    Stats.of([theirs["rss_kib"] / 1024]),
                    Target(),
                    "VmRSS; baseline: bare PySide6 window (with the same table for the list)",
                )
            )
    return found
