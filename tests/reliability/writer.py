"""The writer process of the crash harness.

Started once (`python -m tests.reliability.writer`), it imports everything, then for each round
read on stdin it forks a child that unlocks the vault and writes until it is killed with
SIGKILL after the round's delay. Forking from this single-threaded process makes a round cost
milliseconds instead of an interpreter start. Each round's outcome is one JSON line on stdout."""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from medvault.services.unlock import unlock
from tests.conftest import PRACTITIONER_LOGIN
from tests.reliability.journal import Acknowledged, Journal
from tests.reliability.vaults import cheap_config
from tests.reliability.workload import Workload

CHILD_FAILED = 3


def _announcer(path: Path) -> Callable[[str], None]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)

    def announce(name: str) -> None:
        os.pwrite(fd, name.encode().ljust(32), 0)

    announce("unlock")
    return announce


def _child(order: dict[str, Any]) -> None:
    """Never returns: writes until killed; a write that fails is a finding."""
    journal_path = Path(order["journal"])
    try:
        announce = _announcer(Path(order["state"]))
        rng = random.Random(order["seed"])
        ack = Acknowledged.load(journal_path, order["password"])
        ack.password = order["password"]
        journal = Journal(journal_path)
        session = unlock(
            Path(order["vault"]), PRACTITIONER_LOGIN, ack.password, config=cheap_config()
        )
        work = Workload(
            session, journal, ack, rng, Path(order["scratch"]), Path(order["backups"]), announce
        )
        while True:
            work.step()
    except BaseException:
        Path(order["failure"]).write_text(traceback.format_exc(), encoding="utf-8")
        os._exit(CHILD_FAILED)


def _round(order: dict[str, Any]) -> dict[str, Any]:
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _child(order)
    deadline = time.monotonic() + order["delay"]
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return {"killed": False, "exit": os.waitstatus_to_exitcode(status)}
        time.sleep(0.002)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return {"killed": True, "exit": os.waitstatus_to_exitcode(status)}


def main() -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        result = _round(json.loads(line))
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
