"""The unlock and documents benchmark suites run end to end on tiny sizes, and the gui suite's
frozen-start measurement is skipped, and says why, when no usable build is named.

Timings are not checked (benchmarks report, they do not gate): only that every measurement is
there, with the samples, targets and context it claims."""

from __future__ import annotations

import io
import json
import math
import os
from pathlib import Path

import pytest

from benchmarks import gui, unlock
from benchmarks.datagen import Sizes
from benchmarks.documents import BYTES_PER_PATIENT, TARGET_FIXED_MS, TARGET_RATIO
from benchmarks.runner import main
from medvault.core.kdf import MIN_PRODUCT_MEMORY_KIB

TINY = Sizes(patients=300, notes=0, repeats=2, chunk=250)


def _run_suite(name: str, tmp_path: Path, argv: tuple[str, ...] = ()) -> dict[str, object]:
    report = tmp_path / f"{name}.json"
    out = io.StringIO()
    code = main(["--only", name, "--json", str(report), *argv], sizes=TINY, out=out)
    assert code == 0
    table = [line for line in out.getvalue().splitlines() if line.startswith("| ")]
    document: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    measurements = document["measurements"]
    assert isinstance(measurements, list)
    assert [row.split("|")[1].strip() for row in table[1:]] == [m["name"] for m in measurements]
    return document


def test_unlock_suite_reports_argon2id_for_the_record_and_gates_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(unlock, "CALIBRATION_TARGET_S", 0.05)  # calibrate quickly

    document = _run_suite("unlock", tmp_path)

    measurements = {m["name"]: m for m in document["measurements"]}  # type: ignore[attr-defined]
    assert list(measurements) == [
        "Argon2id derivation (calibrated)",
        "unlock, calibrated (total)",
        "unlock without Argon2id",
    ]
    derivation = measurements["Argon2id derivation (calibrated)"]
    assert derivation["verdict"] == "INFO"
    assert derivation["baseline"]["p50"] == 50.0  # the calibration target, in ms
    assert measurements["unlock, calibrated (total)"]["verdict"] == "INFO"
    rest = measurements["unlock without Argon2id"]
    assert rest["target"]["max_p95"] == unlock.UNLOCK_REST_MS
    assert rest["verdict"] in {"PASS", "FAIL"}
    assert rest["medvault"]["samples"] == rest["baseline"]["samples"] == 4
    for m in measurements.values():
        assert math.isfinite(m["ratio_p95"]) and m["ratio_p95"] > 0
        assert m["medvault"]["p50"] > 0
    context = document["context"]["unlock"]  # type: ignore[index]
    # The product's calibration really ran: at least its memory floor, a measured pass count.
    assert context["argon2id"]["memory_kib"] >= MIN_PRODUCT_MEMORY_KIB
    assert context["argon2id"]["time_cost"] >= 1
    assert context["calibrated_rounds"] == 2
    assert context["unlock_tuning"]["journal_mode"] == "wal"


def test_documents_suite_times_import_and_open_against_the_plain_file(tmp_path: Path) -> None:
    document = _run_suite("documents", tmp_path)

    measurements = {m["name"]: m for m in document["measurements"]}  # type: ignore[attr-defined]
    assert list(measurements) == ["document import", "document open"]
    for m in measurements.values():
        assert m["medvault"]["samples"] == m["baseline"]["samples"] == 2
        expected = round(TARGET_RATIO * m["baseline"]["p95"] + TARGET_FIXED_MS, 1)
        assert m["target"]["max_p95"] == pytest.approx(expected, abs=0.1)
        assert m["verdict"] in {"PASS", "FAIL"}
        assert math.isfinite(m["ratio_p95"]) and m["ratio_p95"] > 0
    context = document["context"]["documents"]  # type: ignore[index]
    assert context["document_bytes"] == TINY.patients * BYTES_PER_PATIENT
    assert context["rounds"] == 2
    # Both imports are really in the vault (one clinical.db holds at least their bytes).
    assert context["vault_mib_after"] * 2**20 >= 2 * context["document_bytes"]


def test_frozen_start_is_skipped_and_explained_without_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(gui.FROZEN_ENV, raising=False)
    measurements, context = gui._frozen_start(tmp_path, {}, 2)
    assert measurements == []
    assert gui.FROZEN_ENV in context["skipped"]

    monkeypatch.setenv(gui.FROZEN_ENV, str(tmp_path))  # a folder without the start probe
    measurements, context = gui._frozen_start(tmp_path, {}, 2)
    assert measurements == []
    assert "MEDVAULT_BUILD_START_PROBE=1" in context["skipped"]


def test_frozen_option_names_the_build_for_the_gui_suite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(gui.FROZEN_ENV, "")  # restored after the test
    build = tmp_path / "dist" / "medvault"
    build.mkdir(parents=True)
    monkeypatch.setattr(unlock, "CALIBRATION_TARGET_S", 0.05)

    _run_suite("unlock", tmp_path, ("--frozen", str(build)))

    assert Path(os.environ[gui.FROZEN_ENV]) == build.resolve()
