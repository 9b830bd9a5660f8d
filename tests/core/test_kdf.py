from __future__ import annotations

import pytest

from medvault.core.errors import HeaderDamagedError
from medvault.core.kdf import MIN_PRODUCT_MEMORY_KIB, Argon2Params, calibrate, derive_kek


def test_calibration_targets_half_a_second_at_64_mib() -> None:
    # Simulated machine: 30 ms to allocate, 40 ms per pass -> 12 passes for about 0.5 s.
    params = calibrate(0.5, measure=lambda p: 0.03 + 0.04 * p.time_cost)
    assert params.memory_kib >= MIN_PRODUCT_MEMORY_KIB
    assert 11 <= params.time_cost <= 13


def test_slow_machine_still_gets_one_pass() -> None:
    assert calibrate(0.5, measure=lambda p: 2.0 * p.time_cost).time_cost == 1


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


def test_the_version_written_in_headers_is_argon2_cffis() -> None:
    from argon2.low_level import ARGON2_VERSION as LIBRARY_VERSION

    from medvault.core.kdf import ARGON2_VERSION

    assert ARGON2_VERSION == LIBRARY_VERSION == 19
