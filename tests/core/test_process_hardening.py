"""Core dumps are refused: RLIMIT_CORE 0 and, on Linux, the process is not dumpable."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from medvault.core import process_hardening

_PROBE = """
import ctypes, json, resource, sys
from medvault.core.process_hardening import PR_GET_DUMPABLE, disable_core_dumps

def state():
    dumpable = None
    if sys.platform.startswith("linux"):
        dumpable = ctypes.CDLL(None).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
    return {"core": resource.getrlimit(resource.RLIMIT_CORE), "dumpable": dumpable}

before = state()
disable_core_dumps()
disable_core_dumps()  # a second call is harmless
print(json.dumps({"before": before, "after": state()}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_a_hardened_process_refuses_core_dumps() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    states = json.loads(result.stdout)
    assert states["after"]["core"] == [0, 0]
    if sys.platform.startswith("linux"):
        # exec resets the flag, so the probe starts dumpable and must end not dumpable
        assert states["before"]["dumpable"] == 1
        assert states["after"]["dumpable"] == 0


def test_both_soft_and_hard_core_limits_are_set_to_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    resource = pytest.importorskip("resource")
    calls: list[tuple[int, tuple[int, int]]] = []
    monkeypatch.setattr(resource, "setrlimit", lambda which, limits: calls.append((which, limits)))
    process_hardening._zero_core_limit()
    assert calls == [(resource.RLIMIT_CORE, (0, 0))]


def test_an_unavailable_call_is_quietly_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    resource = pytest.importorskip("resource")

    def refuse(*_args: object) -> None:
        raise ValueError("not allowed here")

    monkeypatch.setattr(resource, "setrlimit", refuse)
    monkeypatch.setattr(process_hardening.sys, "platform", "haiku")
    process_hardening.disable_core_dumps()  # no exception
