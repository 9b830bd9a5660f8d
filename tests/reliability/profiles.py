"""How much each part of the suite does: the quick profile runs with every `pytest`, the long
one by hand (`python -m tests.reliability --long`)."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    kills: int
    fuzz_cases: int  # per parser
    backup_fuzz_cases: int  # each opens the recovery slot (a full-strength Argon2id) twice
    page_damages: int  # damaged database pages
    torn_wal_cuts: int  # truncation points in a write-ahead log


QUICK = Profile(
    "quick", kills=30, fuzz_cases=60, backup_fuzz_cases=12, page_damages=6, torn_wal_cuts=6
)
LONG = Profile(
    "long", kills=500, fuzz_cases=3000, backup_fuzz_cases=300, page_damages=200, torn_wal_cuts=100
)


def seed() -> int:
    """A new seed each run (more ground covered over time); set MEDVAULT_RELIABILITY_SEED to
    replay a failure, whose message gives the seed."""
    fixed = os.environ.get("MEDVAULT_RELIABILITY_SEED")
    return int(fixed) if fixed else random.SystemRandom().getrandbits(32)
