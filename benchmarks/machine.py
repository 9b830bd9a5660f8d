"""What the numbers were measured on: processors, memory, Python and SQLite versions."""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

import sqlcipher3


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or "unknown"
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory_gib() -> float | None:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024**2, 1)
    return None


def _library_versions() -> dict[str, str]:
    conn = sqlcipher3.connect(":memory:")
    try:
        sqlite = str(conn.execute("SELECT sqlite_version()").fetchone()[0])
        cipher = str(conn.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        conn.close()
    return {"sqlite": sqlite, "sqlcipher": cipher}


def describe() -> dict[str, Any]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpus": usable,
        "cpu_model": _cpu_model(),
        "memory_gib": _memory_gib(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        **_library_versions(),
    }


def load_average() -> float | None:
    """One-minute load average: other work running beside the benchmark inflates its p95."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def summary(info: dict[str, Any]) -> str:
    return (
        f"{info['cpus']} CPU(s) {info['cpu_model']}, {info['memory_gib']} GiB RAM, "
        f"{info['system']}, Python {info['python']}, SQLite {info['sqlite']}, "
        f"SQLCipher {info['sqlcipher']}"
    )
