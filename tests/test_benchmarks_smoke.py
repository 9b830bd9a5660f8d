"""The benchmark harness runs end to end on a tiny data set and reports every measurement.

Timings are not checked (benchmarks report, they do not gate): only that the report is complete,
well formed and that both sides gave the same search results."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

from benchmarks.datagen import Sizes
from benchmarks.runner import main
from benchmarks.search import PREFIX_QUERIES

EXPECTED = (
    "patient import",
    "note import",
    "patient prefix search",
    "patient trigram search",
    "note search (top 50)",
)


def test_tiny_run_prints_the_table_and_writes_a_complete_json_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    out = io.StringIO()

    code = main(
        ["--quick", "--only", "search", "--json", str(report)],
        sizes=Sizes(patients=300, notes=1_000, repeats=2, chunk=250),
        out=out,
    )

    assert code == 0
    table = [line for line in out.getvalue().splitlines() if line.startswith("| ")]
    assert table[0].split("|")[1].strip() == "measurement"
    assert [row.split("|")[1].strip() for row in table[1:]] == list(EXPECTED)

    document = json.loads(report.read_text(encoding="utf-8"))
    assert document["mode"] == "custom"
    search = document["context"]["search"]
    assert (search["patients"], search["notes"]) == (300, 1_000)
    assert search["result_mismatches"] == {}
    assert document["context"]["machine"]["cpus"] >= 1
    measurements = {m["name"]: m for m in document["measurements"]}
    assert list(measurements) == list(EXPECTED)
    for m in measurements.values():
        assert isinstance(m["ratio_p95"], float)
        assert math.isfinite(m["ratio_p95"])
        assert m["ratio_p95"] > 0
        assert m["verdict"] in {"PASS", "FAIL", "INFO"}
        for side in ("medvault", "baseline"):
            assert m[side]["p50"] <= m[side]["p95"]
    assert measurements["note import"]["verdict"] == "INFO"
    prefix = measurements["patient prefix search"]
    assert prefix["medvault"]["samples"] == prefix["baseline"]["samples"] == 2 * len(PREFIX_QUERIES)


BACKUP_EXPECTED = ("backup export", "backup verify", "backup restore")


def test_tiny_backup_run_times_every_step_against_the_plain_copy(tmp_path: Path) -> None:
    report = tmp_path / "backup.json"
    out = io.StringIO()

    code = main(
        ["--only", "backup", "--json", str(report)],
        sizes=Sizes(patients=300, notes=1_000, repeats=2, chunk=250),
        out=out,
    )

    assert code == 0
    table = [line for line in out.getvalue().splitlines() if line.startswith("| ")]
    assert [row.split("|")[1].strip() for row in table[1:]] == list(BACKUP_EXPECTED)
    document = json.loads(report.read_text(encoding="utf-8"))
    context = document["context"]["backup"]
    assert context["rounds"] == 2
    assert context["documents"] >= 2
    assert context["vault_bytes_requested"] == 300 * 6_250 + 1_000 * 375
    # The documents really went into the vault: its files hold at least the requested bytes.
    assert sum(context["file_sizes_mib"].values()) * 2**20 >= context["vault_bytes_requested"]
    assert context["backup_file_mib"] >= 2.0
    assert all(len(context["seconds"][step]) == 2 for step in ("copy", "export", "verify"))
    measurements = {m["name"]: m for m in document["measurements"]}
    assert list(measurements) == list(BACKUP_EXPECTED)
    for m in measurements.values():
        assert m["target"]["max_ratio"] == 2.0
        assert m["baseline"] == measurements["backup export"]["baseline"]  # the same copy
        assert m["medvault"]["samples"] == m["baseline"]["samples"] == 2
        assert math.isfinite(m["ratio_p95"]) and m["ratio_p95"] > 0
        assert m["verdict"] in {"PASS", "FAIL"}
