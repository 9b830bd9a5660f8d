from __future__ import annotations

import itertools

import pytest

from medvault.core.errors import HeaderDamagedError
from medvault.core.kdf import MIN_PRODUCT_MEMORY_KIB, Argon2Params, calibrate, derive_kek


def _fake_timer(seconds_per_call: float):  # type: ignore[no-untyped-def]
    ticks = itertools.count()
    return lambda: next(ticks) * seconds_per_call


def test_calibration_targets_half_a_second_at_64_mib() -> None:
    # A fake timer: each pass "takes" 0.1 s, so five passes reach 0.5 s.
    params = calibrate(0.5, timer=_fake_timer(0.1))
    assert params.memory_kib >= MIN_PRODUCT_MEMORY_KIB
    assert params.time_cost == 5


def test_slow_machine_still_gets_one_pass() -> None:
    assert calibrate(0.5, timer=_fake_timer(2.0)).time_cost == 1


def test_derivation_is_argon2id_and_depends_on_every_input() -> None:
    base = Argon2Params(1, 64, 1)
    key = derive_kek(b"pw", b"s" * 16, base)
    assert len(key) == 32
    assert derive_kek(b"pw", b"s" * 16, base) == key
    assert derive_kek(b"pX", b"s" * 16, base) != key
    assert derive_kek(b"pw", b"t" * 16, base) != key
    assert derive_kek(b"pw", b"s" * 16, Argon2Params(2, 64, 1)) != key


@pytest.mark.parametrize(
    "params",
    [
        Argon2Params(0, 64, 1),
        Argon2Params(1, 10**9, 1),
        Argon2Params(1, 64, 0),
        Argon2Params(1000, 64, 1),
        Argon2Params(1, 64, 1, version=16),
    ],
)
def test_out_of_bounds_parameters_from_a_header_are_refused(params: Argon2Params) -> None:
    with pytest.raises(HeaderDamagedError):
        derive_kek(b"pw", b"s" * 16, params)
