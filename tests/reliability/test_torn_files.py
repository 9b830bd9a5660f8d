"""Torn and damaged files: a cut or damaged write-ahead log, a deleted hot journal, a missing
header copy, damaged database pages. The vault opens in a consistent earlier state, or says
precisely what is wrong and points to a restore; never a raw error, never silent damage."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from medvault.core.errors import DatabaseDamagedError, HeaderDamagedError, KnownError
from medvault.storage.header_store import HEADER_COPY_NAME, HEADER_NAME
from tests.conftest import VaultInfo
from tests.reliability.damage import (
    PAGE,
    WAL_HEADER,
    CrashImage,
    copy_vault,
    crash_image,
    flip_bytes,
    open_and_check,
    says_restore,
)
from tests.reliability.profiles import QUICK, seed

pytestmark = pytest.mark.reliability


@pytest.fixture
def image(vault: VaultInfo, tmp_path: Path) -> CrashImage:
    made = crash_image(vault, tmp_path / "image")
    assert (made.vault.directory / "admin.db-wal").stat().st_size > WAL_HEADER + PAGE
    return made


def _variant(image: CrashImage, tmp_path: Path, name: str) -> VaultInfo:
    directory = copy_vault(image.vault.directory, tmp_path / name)
    return VaultInfo(directory, image.vault.recovery_code, image.vault.config)


def _is_earlier_state(found: frozenset[int], written: tuple[int, ...]) -> bool:
    """The patients present are the first k written: a prefix of the commits, no hole."""
    return found == frozenset(written[: len(found)])


def test_the_crash_image_itself_holds_every_commit(image: CrashImage, tmp_path: Path) -> None:
    outcome = open_and_check(_variant(image, tmp_path, "as-is"))
    assert outcome.opened and outcome.check_ok
    assert outcome.patient_ids == frozenset(image.patient_ids)


def test_a_write_ahead_log_cut_anywhere_gives_an_earlier_consistent_state(
    image: CrashImage, tmp_path: Path
) -> None:
    rng = random.Random(run_seed := seed())
    size = (image.vault.directory / "admin.db-wal").stat().st_size
    for n in range(QUICK.torn_wal_cuts):
        variant = _variant(image, tmp_path, f"cut{n}")
        cut = rng.randrange(0, size)
        with (variant.directory / "admin.db-wal").open("r+b") as wal:
            wal.truncate(cut)
        outcome = open_and_check(variant)
        context = f"seed {run_seed}, cut at {cut} of {size}: {outcome}"
        assert outcome.opened and outcome.check_ok, context
        assert _is_earlier_state(outcome.patient_ids, image.patient_ids), context


def test_damaged_log_frames_are_dropped_from_the_damage_on(
    image: CrashImage, tmp_path: Path
) -> None:
    rng = random.Random(run_seed := seed())
    size = (image.vault.directory / "admin.db-wal").stat().st_size
    for n in range(QUICK.torn_wal_cuts):
        variant = _variant(image, tmp_path, f"flip{n}")
        offset = flip_bytes(variant.directory / "admin.db-wal", rng, start=WAL_HEADER, end=size)
        outcome = open_and_check(variant)
        context = f"seed {run_seed}, damage at {offset} of {size}: {outcome}"
        if outcome.opened:
            assert outcome.check_ok, context
            assert _is_earlier_state(outcome.patient_ids, image.patient_ids), context
        else:
            assert outcome.error is not None and says_restore(outcome.error), context


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_a_deleted_hot_journal_gives_the_last_checkpointed_state(
    image: CrashImage, tmp_path: Path, suffix: str
) -> None:
    variant = _variant(image, tmp_path, "deleted")
    for name in ("admin.db", "clinical.db"):
        (variant.directory / f"{name}{suffix}").unlink(missing_ok=True)
    outcome = open_and_check(variant)
    assert outcome.opened and outcome.check_ok, outcome
    assert _is_earlier_state(outcome.patient_ids, image.patient_ids), outcome
    if suffix == "-shm":  # the index is rebuilt from the log: nothing is lost
        assert outcome.patient_ids == frozenset(image.patient_ids)


@pytest.mark.parametrize("lost", [HEADER_NAME, HEADER_COPY_NAME])
def test_one_header_copy_lost_or_damaged_is_repaired_from_the_other(
    vault: VaultInfo, tmp_path: Path, lost: str
) -> None:
    for how in ("removed", "damaged"):
        variant = VaultInfo(
            copy_vault(vault.directory, tmp_path / f"{how}-{lost}"),
            vault.recovery_code,
            vault.config,
        )
        intact = (vault.directory / lost).read_bytes()
        if how == "removed":
            (variant.directory / lost).unlink()
        else:
            flip_bytes(variant.directory / lost, random.Random(len(how)))
        outcome = open_and_check(variant)
        assert outcome.opened and outcome.check_ok, (how, outcome)
        # The good copy, proved by the keys, was written back under the lost name.
        assert (variant.directory / lost).read_bytes() == intact


def test_both_header_copies_lost_says_so_and_offers_restore(
    vault: VaultInfo, tmp_path: Path
) -> None:
    variant = VaultInfo(
        copy_vault(vault.directory, tmp_path / "v"), vault.recovery_code, vault.config
    )
    (variant.directory / HEADER_COPY_NAME).unlink()
    (variant.directory / HEADER_NAME).write_bytes(b"{")
    before = _digests(variant.directory)
    outcome = open_and_check(variant)
    assert not outcome.opened and isinstance(outcome.error, HeaderDamagedError)
    assert outcome.error is not None and says_restore(outcome.error)
    assert _digests(variant.directory) == before  # nothing written


def _digests(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != "vault.lock"
    }


@pytest.mark.parametrize("database", ["admin.db", "clinical.db"])
def test_damaged_database_pages_are_reported_never_ignored(
    vault: VaultInfo, tmp_path: Path, database: str
) -> None:
    rng = random.Random(run_seed := seed())
    size = (vault.directory / database).stat().st_size
    for n in range(QUICK.page_damages):
        variant = VaultInfo(
            copy_vault(vault.directory, tmp_path / f"page{n}"), vault.recovery_code, vault.config
        )
        page = rng.randrange(size // PAGE)
        offset = flip_bytes(
            variant.directory / database, rng, start=page * PAGE, end=(page + 1) * PAGE
        )
        before = _digests(variant.directory)
        outcome = open_and_check(variant)
        context = f"seed {run_seed}, {database} damaged at {offset}: {outcome}"
        if outcome.opened:
            assert outcome.check_ok is False, context  # the check names the damage
        else:
            assert isinstance(outcome.error, KnownError), context
            assert says_restore(outcome.error), context
            assert _digests(variant.directory) == before, context


def test_a_missing_database_names_the_file_and_offers_restore(
    vault: VaultInfo, tmp_path: Path
) -> None:
    variant = VaultInfo(
        copy_vault(vault.directory, tmp_path / "v"), vault.recovery_code, vault.config
    )
    (variant.directory / "clinical.db").unlink()
    outcome = open_and_check(variant)
    assert isinstance(outcome.error, DatabaseDamagedError)
    assert "clinical.db" in outcome.error.en and says_restore(outcome.error)
    assert not (variant.directory / "clinical.db").exists()  # never created anew
