"""Timing, percentiles, targets and reporting shared by every benchmark suite.

A suite returns `Measurement`s: the same operation timed on medvault (SQLCipher) and on a
baseline (the same schema and data in plain SQLite), with a target. The harness turns them into
one table and one JSON document. Verdicts are reported, never enforced: benchmarks inform."""

from __future__ import annotations

import enum
import json
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


class Unit(enum.StrEnum):
    MILLISECONDS = "ms"
    SECONDS = "s"
    MEBIBYTES = "MiB"  # resident memory: one sample per side


class Verdict(enum.StrEnum):
    PASS = "PASS"  # noqa: S105 - a verdict, not a password
    FAIL = "FAIL"
    INFO = "INFO"  # no target: reported for the record


@dataclass(frozen=True)
class Stats:
    """Summary of the samples of one operation on one database, in the measurement's unit."""

    samples: int
    p50: float
    p95: float
    mean: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Stats:
        if not values:
            raise ValueError("no samples")
        return cls(
            samples=len(values),
            p50=percentile(values, 50),
            p95=percentile(values, 95),
            mean=math.fsum(values) / len(values),
        )


@dataclass(frozen=True)
class Target:
    """At most `max_ratio` times the baseline's p95 and, when given, a p95 under `max_p95`."""

    max_ratio: float | None = None
    max_p95: float | None = None

    def describe(self, unit: Unit) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio:g}x")
        if self.max_p95 is not None:
            parts.append(f"p95 < {self.max_p95:g} {unit}")
        return ", ".join(parts) or "-"


@dataclass(frozen=True)
class Measurement:
    name: str
    unit: Unit
    medvault: Stats
    baseline: Stats
    target: Target
    detail: str = ""  # what was measured, in a few words (sizes, query count)

    @property
    def ratio(self) -> float:
        """medvault p95 / baseline p95 (a single-sample duration: total / total)."""
        if self.baseline.p95 <= 0:
            return math.inf
        return self.medvault.p95 / self.baseline.p95

    @property
    def verdict(self) -> Verdict:
        if self.target.max_ratio is None and self.target.max_p95 is None:
            return Verdict.INFO
        if self.target.max_ratio is not None and self.ratio > self.target.max_ratio:
            return Verdict.FAIL
        if self.target.max_p95 is not None and self.medvault.p95 >= self.target.max_p95:
            return Verdict.FAIL
        return Verdict.PASS

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": str(self.unit),
            "medvault": asdict(self.medvault),
            "baseline": asdict(self.baseline),
            "ratio_p95": round(self.ratio, 4),
            "target": asdict(self.target),
            "verdict": str(self.verdict),
            "detail": self.detail,
        }


def percentile(values: Sequence[float], pct: float) -> float:
    """Linear interpolation between closest ranks (numpy's default method)."""
    if not values:
        raise ValueError("no samples")
    ordered = sorted(values)
    position = (len(ordered) - 1) * pct / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def elapsed_ms(call: Callable[[], object]) -> float:
    """Wall-clock milliseconds of one call (perf_counter: monotonic, highest resolution)."""
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


class Stopwatch:
    """Sums the time spent inside `with watch:` blocks, in seconds."""

    def __init__(self) -> None:
        self.total = 0.0
        self._start = 0.0

    def __enter__(self) -> Stopwatch:
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.total += time.perf_counter() - self._start


def duration(
    name: str, medvault_s: float, baseline_s: float, target: Target, detail: str
) -> Measurement:
    """A one-off duration (a bulk load) as a single-sample measurement in seconds."""
    return Measurement(
        name, Unit.SECONDS, Stats.of([medvault_s]), Stats.of([baseline_s]), target, detail
    )


@dataclass(frozen=True)
class SuiteResult:
    """What a suite returns: its measurements and what they were measured on (sizes etc.)."""

    measurements: list[Measurement]
    context: dict[str, Any]


# -- reporting ---------------------------------------------------------------------------------
_HEADERS = (
    "measurement",
    "medvault p50",
    "medvault p95",
    "baseline p50",
    "baseline p95",
    "ratio p95",
    "target",
    "verdict",
)


def _value(stats: Stats, unit: Unit, which: str) -> str:
    if stats.samples == 1 and which == "p95":
        return "-"  # a one-off duration has no spread: its value is in the p50 column
    value = stats.p50 if which == "p50" else stats.p95
    return f"{value:.2f} {unit}" if unit is Unit.MILLISECONDS else f"{value:.1f} {unit}"


def table_rows(measurements: Sequence[Measurement]) -> list[tuple[str, ...]]:
    return [
        (
            m.name,
            _value(m.medvault, m.unit, "p50"),
            _value(m.medvault, m.unit, "p95"),
            _value(m.baseline, m.unit, "p50"),
            _value(m.baseline, m.unit, "p95"),
            f"{m.ratio:.2f}x",
            m.target.describe(m.unit),
            str(m.verdict),
        )
        for m in measurements
    ]


def markdown_table(measurements: Sequence[Measurement]) -> str:
    """The table as Markdown (pasted into docs/PERFORMANCE.md and printed to the console)."""
    rows = [_HEADERS, *table_rows(measurements)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    separator = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(rows[0]), separator, *(line(r) for r in rows[1:])])


def detail_lines(measurements: Sequence[Measurement]) -> str:
    """One line per measurement saying what it covered (printed under the table)."""
    return "\n".join(f"- {m.name}: {m.detail}" for m in measurements if m.detail)


def report_json(
    measurements: Sequence[Measurement], *, mode: str, context: dict[str, Any]
) -> dict[str, Any]:
    return {
        "format": 1,
        "mode": mode,
        "context": context,
        "measurements": [m.to_json() for m in measurements],
    }


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
