"""Argon2id key derivation for key slots, with per-slot parameters and calibration."""

from __future__ import annotations

import math
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from medvault.core.errors import HeaderDamagedError
from medvault.core.secrets import KEY_BYTES

MIN_PRODUCT_MEMORY_KIB = 64 * 1024  # 64 MiB, the floor for every slot the product creates
TARGET_SECONDS = 0.5
SALT_BYTES = 16
ARGON2_VERSION = 0x13  # Argon2 v1.3, the version of RFC 9106 (argon2-cffi's default)
# Bounds accepted when reading a header: a tampered header must not make us allocate 1 TB.
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_TIME_COST = 64
_MAX_PARALLELISM = 16


@dataclass(frozen=True)
class Argon2Params:
    time_cost: int
    memory_kib: int
    parallelism: int
    version: int = ARGON2_VERSION

    def validate(self) -> None:
        ok = (
            1 <= self.time_cost <= _MAX_TIME_COST
            and 8 * self.parallelism <= self.memory_kib <= _MAX_MEMORY_KIB
            and 1 <= self.parallelism <= _MAX_PARALLELISM
            and self.version == ARGON2_VERSION
        )
        if not ok:
            raise HeaderDamagedError()

    def to_dict(self) -> dict[str, int | str]:
        return {
            "algorithm": "argon2id",
            "version": self.version,
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }


def normalize_password(password: str) -> bytes:
    """NFC so that 'é' typed as one code point or as e + accent gives the same key."""
    return unicodedata.normalize("NFC", password).encode("utf-8")


def derive_kek(secret: bytes, salt: bytes, params: Argon2Params) -> bytearray:
    # Loaded on the first derivation, not at import: the login window shows without it.
    from argon2.low_level import Type, hash_secret_raw

    params.validate()
    raw = hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
        version=params.version,
    )
    return bytearray(raw)


class KdfProfile:
    """Chooses parameters for new slots. The product calibrates; tests inject a cheap profile."""

    def __init__(self, params_factory: Callable[[], Argon2Params]) -> None:
        self._factory = params_factory
        self._cached: Argon2Params | None = None

    def params(self) -> Argon2Params:
        if self._cached is None:
            self._cached = self._factory()
        return self._cached

    @classmethod
    def fixed(cls, params: Argon2Params) -> KdfProfile:
        return cls(lambda: params)

    @classmethod
    def calibrated(cls, target_seconds: float = TARGET_SECONDS) -> KdfProfile:
        return cls(lambda: calibrate(target_seconds))


def _measure(params: Argon2Params) -> float:
    start = time.perf_counter()
    derive_kek(b"calibration", b"\x00" * SALT_BYTES, params)
    return time.perf_counter() - start


def calibrate(
    target_seconds: float = TARGET_SECONDS,
    memory_kib: int = MIN_PRODUCT_MEMORY_KIB,
    parallelism: int = 2,
    measure: Callable[[Argon2Params], float] = _measure,
) -> Argon2Params:
    """Pick time_cost so one derivation takes about target_seconds on this machine (memory fixed
    at >= 64 MiB), as KeePassXC calibrates its rounds. The pass count doubles until a run takes
    half the target, then scales linearly: a single one-pass run is dominated by allocating the
    memory and would overestimate the cost of each pass."""
    time_cost = 1
    while True:
        params = Argon2Params(time_cost=time_cost, memory_kib=memory_kib, parallelism=parallelism)
        elapsed = max(measure(params), 1e-6)
        if elapsed >= target_seconds / 2 or time_cost * 2 > _MAX_TIME_COST:
            break
        time_cost *= 2
    scaled = math.floor(time_cost * target_seconds / elapsed + 0.5)
    return replace(params, time_cost=max(1, min(_MAX_TIME_COST, scaled)))
