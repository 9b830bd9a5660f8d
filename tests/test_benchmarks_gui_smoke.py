"""The GUI benchmark suite runs end to end on a tiny vault: every measurement is reported, the
probes really painted (samples counted), and the user's own settings were never touched."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest

from benchmarks.datagen import Sizes
from benchmarks.gui_probe import TYPED
from benchmarks.runner import main

GUI_EXPECTED = (
    "start to login window",
    "unlock to list painted",
    "patient list first paint",
    "keystroke to search field repaint",
    "search results repaint",
    "list scroll repaint",
    "sort by column",
    "resident memory, login window (MiB)",
    "resident memory, list open (MiB)",
)


def test_tiny_gui_run_reports_every_measurement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_config = tmp_path / "user-config"
    user_config.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user_config))
    report = tmp_path / "gui.json"
    out = io.StringIO()

    code = main(
        ["--only", "gui", "--json", str(report)],
        sizes=Sizes(patients=500, notes=0, repeats=2, chunk=250),
        out=out,
    )

    assert code == 0
    table = [line for line in out.getvalue().splitlines() if line.startswith("| ")]
    assert [row.split("|")[1].strip() for row in table[1:]] == list(GUI_EXPECTED)
    document = json.loads(report.read_text(encoding="utf-8"))
    measurements = {m["name"]: m for m in document["measurements"]}
    starts = measurements["start to login window"]
    assert starts["medvault"]["samples"] == starts["baseline"]["samples"] == 2
    assert starts["target"]["max_ratio"] == 1.3
    typed = sum(len(text) for text in TYPED)
    assert measurements["keystroke to search field repaint"]["medvault"]["samples"] == typed
    assert measurements["search results repaint"]["baseline"]["samples"] == typed
    assert measurements["unlock to list painted"]["medvault"]["samples"] == 3
    for m in measurements.values():
        assert math.isfinite(m["ratio_p95"]) and m["ratio_p95"] > 0
        assert m["medvault"]["p50"] > 0 and m["baseline"]["p50"] > 0
    memory = document["context"]["gui"]["memory_kib"]
    # The list window holds more than the login window did.
    assert memory["list_open"]["rss_kib"] > memory["bare_window"]["rss_kib"]
    assert measurements["resident memory, list open (MiB)"]["verdict"] == "INFO"
    assert list(user_config.iterdir()) == []
