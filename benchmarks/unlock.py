"""Unlocking a vault: the deliberate Argon2id cost, and everything else on the unlock path.

- Argon2id derivation with the parameters the product calibrates on this machine (reported for
  the record: its slowness is the point), against the calibration target;
- unlock with those parameters, end to end, against the derivation alone (what unlock adds);
- unlock without Argon2id (a vault with the cheapest valid parameters): header, slot unwrap,
  both databases keyed, checked and migrated, the login audited; against opening the same two
  databases unencrypted with the same pragmas and a first read. This part has a target: it is
  the share of "unlock to list painted" (gui suite) that is not window work.

Unlocks run one after another on the same vault, each session closed outside the timing."""

from __future__ import annotations

import time
from pathlib import Path
from typing import cast

import sqlcipher3

from benchmarks.databases import (
    CHEAP_KDF,
    LOGIN,
    PASSWORD,
    TUNING_PRAGMAS,
    create_benchmark_vault,
    pragma_value,
)
from benchmarks.datagen import Sizes
from benchmarks.harness import Measurement, Stats, SuiteResult, Target, Unit, elapsed_ms
from medvault.core.kdf import SALT_BYTES, Argon2Params, KdfProfile, derive_kek
from medvault.services.config import ServiceConfig
from medvault.services.unlock import unlock
from medvault.storage.database import Connection

# The product's own target (medvault.core.kdf.TARGET_SECONDS); tests lower it.
CALIBRATION_TARGET_S = 0.5
UNLOCK_REST_MS = 50.0  # fits inside the 50 ms "unlock to list painted" budget of the gui suite
MAX_CALIBRATED_ROUNDS = 20  # each costs about two derivations (~1 s)
DATABASES = ("admin.db", "clinical.db")


def _create(directory: Path, config: ServiceConfig) -> None:
    create_benchmark_vault(directory, config)


def _unlock_ms(directory: Path, config: ServiceConfig) -> float:
    start = time.perf_counter()
    session = unlock(directory, LOGIN, PASSWORD, config=config)
    elapsed = (time.perf_counter() - start) * 1000
    session.close()
    return elapsed


def _tuning(directory: Path, config: ServiceConfig) -> dict[str, dict[str, str]]:
    """The vault connections' speed-relevant pragmas, to open the plain twin the same way."""
    with unlock(directory, LOGIN, PASSWORD, config=config) as session:
        return {
            "admin.db": {name: pragma_value(session.admin_db, name) for name in TUNING_PRAGMAS},
            "clinical.db": {
                name: pragma_value(session.clinical_db, name) for name in TUNING_PRAGMAS
            },
        }


def _make_plain_twin(directory: Path, tuning: dict[str, dict[str, str]]) -> None:
    for name in DATABASES:
        conn = sqlcipher3.connect(str(directory / name), isolation_level=None)
        try:
            for pragma, value in tuning[name].items():
                conn.execute(f"PRAGMA {pragma} = {value}")  # our own names and values
            conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
        finally:
            conn.close()


def _open_plain_ms(directory: Path, tuning: dict[str, dict[str, str]]) -> float:
    """Both plain databases opened, tuned, read once (as unlock checks its key) and closed;
    only the opening is timed."""
    opened: list[Connection] = []
    start = time.perf_counter()
    for name in DATABASES:
        conn = cast(Connection, sqlcipher3.connect(str(directory / name), isolation_level=None))
        opened.append(conn)
        for pragma, value in tuning[name].items():
            conn.execute(f"PRAGMA {pragma} = {value}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA user_version").fetchone()
    elapsed = (time.perf_counter() - start) * 1000
    for conn in opened:
        conn.close()
    return elapsed


def _rest_of_unlock(workdir: Path, repeats: int) -> tuple[Measurement, dict[str, object]]:
    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))
    vault = workdir / "Cheap.medvault"
    _create(vault, config)
    tuning = _tuning(vault, config)
    plain = workdir / "plain"
    plain.mkdir()
    _make_plain_twin(plain, tuning)
    ours: list[float] = []
    theirs: list[float] = []
    for index in range(repeats):
        # Alternated, so machine noise falls on both sides alike.
        if index % 2 == 0:
            ours.append(_unlock_ms(vault, config))
            theirs.append(_open_plain_ms(plain, tuning))
        else:
            theirs.append(_open_plain_ms(plain, tuning))
            ours.append(_unlock_ms(vault, config))
    cheap_ms = elapsed_ms(lambda: derive_kek(b"x", b"\x00" * SALT_BYTES, CHEAP_KDF))
    measurement = Measurement(
        "unlock without Argon2id",
        Unit.MILLISECONDS,
        Stats.of(ours),
        Stats.of(theirs),
        Target(max_p95=UNLOCK_REST_MS),
        f"{repeats} unlocks (cheapest Argon2id, {cheap_ms:.2f} ms): header, slot, both "
        "databases keyed, checked and migrated, login audited; baseline: the two databases "
        "opened unencrypted with the same pragmas and a first read",
    )
    return measurement, {"unlock_tuning": tuning["admin.db"]}


def _calibrated(workdir: Path, repeats: int) -> tuple[list[Measurement], dict[str, object]]:
    started = time.perf_counter()
    config = ServiceConfig(kdf=KdfProfile.calibrated(CALIBRATION_TARGET_S))
    params: Argon2Params = config.kdf.params()
    calibration_s = time.perf_counter() - started
    vault = workdir / "Calibrated.medvault"
    _create(vault, config)
    rounds = max(2, min(repeats, MAX_CALIBRATED_ROUNDS))
    derivations: list[float] = []
    unlocks: list[float] = []
    salt = b"\x01" * SALT_BYTES
    for _ in range(rounds):
        derivations.append(elapsed_ms(lambda: derive_kek(PASSWORD.encode(), salt, params)))
        unlocks.append(_unlock_ms(vault, config))
    described = (
        f"Argon2id t={params.time_cost}, m={params.memory_kib // 1024} MiB, p={params.parallelism}"
    )
    target_ms = CALIBRATION_TARGET_S * 1000
    measurements = [
        Measurement(
            "Argon2id derivation (calibrated)",
            Unit.MILLISECONDS,
            Stats.of(derivations),
            Stats.of([target_ms] * rounds),
            Target(),
            f"{rounds} derivations, {described}, deliberate; baseline column: the "
            f"{target_ms:.0f} ms calibration target",
        ),
        Measurement(
            "unlock, calibrated (total)",
            Unit.MILLISECONDS,
            Stats.of(unlocks),
            Stats.of(derivations),
            Target(),
            f"{rounds} unlocks with {described}; baseline: the derivation alone",
        ),
    ]
    context: dict[str, object] = {
        "calibration_s": round(calibration_s, 2),
        "argon2id": params.to_dict(),
        "calibrated_rounds": rounds,
    }
    return measurements, context


def run(sizes: Sizes, workdir: Path, seed: int) -> SuiteResult:
    del seed  # nothing random here
    calibrated, context = _calibrated(workdir, sizes.repeats)
    rest, rest_context = _rest_of_unlock(workdir, max(3, sizes.repeats * 2))
    return SuiteResult([*calibrated, rest], {**context, **rest_context, "repeats": sizes.repeats})
