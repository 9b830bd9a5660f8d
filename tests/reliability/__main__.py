"""The reliability suite's long profile, run by hand (never by pytest):

    python -m tests.reliability --long [--budget-minutes 15] [--fuzz-cases N] [--out FILE]
    python -m tests.reliability --atheris header_resigned -- -runs=100000

Prints (and with --out writes as JSON) the figures docs/RELIABILITY.md reports: kills survived,
faults injected, fuzz cases run, leaks found, data lost. Exit status 1 if anything went wrong."""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tests.reliability.crash import REPO_ROOT, CrashHarness
from tests.reliability.profiles import LONG, QUICK, Profile, seed
from tests.reliability.runs import run_faults, run_fuzz, run_torn_files

LEAK_TESTS = Path("tests/reliability/test_leaks.py")


def _leak_scan() -> dict[str, Any]:
    """The GUI canary session runs under pytest (it needs pytest-qt)."""
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/reliability/test_leaks.py",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return {"passed": completed.returncode == 0, "output": completed.stdout[-2000:]}


def _atheris(target: str, argv: list[str]) -> None:
    import atheris  # type: ignore[import-not-found]  # optional: pip install atheris

    from tests.reliability.fuzz_targets import FuzzContext, targets

    context = FuzzContext()
    function = targets(context)[target]
    # Coverage guidance over the code already imported (medvault, its libraries): without it
    # atheris only mutates blindly.
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], *argv], function)
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability")
    parser.add_argument("--long", action="store_true", help="the long profile (else quick)")
    parser.add_argument("--budget-minutes", type=float, default=None, help="stop the kills then")
    parser.add_argument("--kills", type=int, default=None)
    parser.add_argument("--fuzz-cases", type=int, default=None)
    parser.add_argument("--backup-fuzz-cases", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--atheris", default=None, help="fuzz one target with atheris")
    args, rest = parser.parse_known_args()
    if args.atheris:
        _atheris(args.atheris, [a for a in rest if a != "--"])
        return 0
    base: Profile = LONG if args.long else QUICK
    profile = Profile(
        base.name,
        kills=args.kills or base.kills,
        fuzz_cases=args.fuzz_cases or base.fuzz_cases,
        backup_fuzz_cases=args.backup_fuzz_cases or base.backup_fuzz_cases,
        page_damages=base.page_damages,
        torn_wal_cuts=base.torn_wal_cuts,
    )
    run_seed = seed()
    rng = random.Random(run_seed)
    figures: dict[str, Any] = {"profile": profile.name, "seed": run_seed}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="medvault-reliability-") as tmp:
        work = Path(tmp)
        (work / "crash").mkdir()
        deadline = None if args.budget_minutes is None else started + args.budget_minutes * 60
        with CrashHarness(work / "crash", seed=run_seed) as harness:
            for _ in range(profile.kills):
                if deadline is not None and time.monotonic() > deadline:
                    break
                harness.one_round()
            harness.stats.writes_acknowledged = harness._acknowledged().writes
        figures["crash"] = asdict(harness.stats)
        figures["crash_seconds"] = round(time.monotonic() - started, 1)
        figures["torn_files"] = run_torn_files(work / "torn", profile, rng)
        figures["io_faults"] = run_faults(work / "faults")
        figures["fuzz"] = run_fuzz(work / "fuzz", profile, rng)
    figures["leaks"] = _leak_scan()
    figures["seconds"] = round(time.monotonic() - started, 1)
    problems = (
        figures["crash"]["problems"]
        + figures["torn_files"]["problems"]
        + figures["io_faults"]["problems"]
        + figures["fuzz"]["problems"]
    )
    figures["ok"] = not problems and figures["leaks"]["passed"]
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
