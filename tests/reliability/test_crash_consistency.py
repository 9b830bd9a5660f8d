"""A writer doing real service-level writes is killed (SIGKILL) at random moments; after every
kill the vault opens with the current password, its checks are clean, its audit chain verifies
and every acknowledged write is there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.reliability.crash import CrashHarness
from tests.reliability.journal import Journal
from tests.reliability.profiles import QUICK, seed

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX"),
]


def test_random_kills_lose_no_acknowledged_write(tmp_path: Path) -> None:
    run_seed = seed()
    with CrashHarness(tmp_path, seed=run_seed) as harness:
        stats = harness.run(QUICK.kills)
    context = f"seed {run_seed}: {stats}"
    assert stats.problems == [], context
    assert stats.kills == QUICK.kills, context
    assert stats.data_lost == 0, context
    # The kills must land on real work, not only on start-up.
    assert stats.writes_acknowledged >= QUICK.kills, context


def test_the_checker_counts_an_acknowledged_write_that_is_missing(tmp_path: Path) -> None:
    with CrashHarness(tmp_path, seed=7) as harness:
        harness.run(1)
        assert harness.stats.problems == []
        journal = Journal(harness.journal_path)
        journal.write(op="patient", id=10_000_000, name="CANARIABSENT")
        journal.write(op="rotation", generation=10_000)
        journal.close()
        harness.check()
    assert harness.stats.data_lost == 2
    assert any("patients missing" in p for p in harness.stats.problems)
    assert any("key rotations missing" in p for p in harness.stats.problems)
