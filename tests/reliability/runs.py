"""The long profile's loops over torn files, I/O faults and fuzz targets: the same checks as the
quick tests, counted instead of asserted, so one run reports every finding."""

from __future__ import annotations

import random
import traceback
from pathlib import Path
from typing import Any

from tests.conftest import VaultInfo
from tests.reliability.damage import (
    PAGE,
    WAL_HEADER,
    copy_vault,
    crash_image,
    flip_bytes,
    open_and_check,
    says_restore,
)
from tests.reliability.fault_child import prepare
from tests.reliability.faults import can_mount, run_operation, stray_files, vault_state
from tests.reliability.fuzz_targets import FuzzContext, targets
from tests.reliability.profiles import Profile
from tests.reliability.vaults import make_vault


def _variant(source: VaultInfo, target: Path) -> VaultInfo:
    return VaultInfo(copy_vault(source.directory, target), source.recovery_code, source.config)


def run_torn_files(work: Path, profile: Profile, rng: random.Random) -> dict[str, Any]:
    work.mkdir()
    vault = make_vault(work / "vault")
    image = crash_image(vault, work / "image", patients_to_write=40)
    written = image.patient_ids
    wal_size = (image.vault.directory / "admin.db-wal").stat().st_size
    figures: dict[str, Any] = {"wal_cuts": 0, "wal_damages": 0, "page_damages": 0}
    figures |= {"opened_earlier_state": 0, "refused_with_restore": 0, "problems": []}
    n = 0

    def judge(variant: VaultInfo, what: str) -> None:
        outcome = open_and_check(variant)
        if outcome.opened and outcome.check_ok:
            if outcome.patient_ids != frozenset(written[: len(outcome.patient_ids)]):
                figures["problems"].append(f"{what}: not an earlier state")
            figures["opened_earlier_state"] += 1
        elif outcome.opened:
            figures["refused_with_restore"] += 1  # the check named the damage
        elif outcome.error is not None and says_restore(outcome.error):
            figures["refused_with_restore"] += 1
        else:
            figures["problems"].append(f"{what}: {outcome}")

    for _ in range(profile.torn_wal_cuts):
        n += 1
        variant = _variant(image.vault, work / f"v{n}")
        with (variant.directory / "admin.db-wal").open("r+b") as wal:
            wal.truncate(rng.randrange(wal_size))
        judge(variant, "cut log")
        figures["wal_cuts"] += 1
        n += 1
        variant = _variant(image.vault, work / f"v{n}")
        flip_bytes(variant.directory / "admin.db-wal", rng, start=WAL_HEADER)
        judge(variant, "damaged log")
        figures["wal_damages"] += 1
    for _ in range(profile.page_damages):
        n += 1
        variant = _variant(vault, work / f"v{n}")
        database = rng.choice(["admin.db", "clinical.db"])
        size = (variant.directory / database).stat().st_size
        page = rng.randrange(size // PAGE)
        flip_bytes(variant.directory / database, rng, start=page * PAGE, end=(page + 1) * PAGE)
        outcome = open_and_check(variant)
        if outcome.opened and outcome.check_ok:
            figures["problems"].append(f"damaged page {page} of {database} went unnoticed")
        figures["page_damages"] += 1
    return figures


def run_faults(work: Path) -> dict[str, Any]:
    work.mkdir()
    figures: dict[str, Any] = {"injected": 0, "clean": 0, "problems": [], "full_disk": can_mount()}
    for operation in ("save", "import", "backup"):
        vault = make_vault(work / f"vault-{operation}")
        scratch, backups = work / f"scratch-{operation}", work / f"backups-{operation}"
        scratch.mkdir()
        backups.mkdir()
        prepare(scratch)
        before = vault_state(vault)
        result = run_operation("fsize", operation, vault, scratch, backups)
        figures["injected"] += 1
        after = vault_state(vault)
        clean = (
            result.get("known") is True
            and after.check_ok
            and before.patients <= after.patients
            and not list(backups.iterdir())
            and not stray_files(vault)
        )
        if clean:
            figures["clean"] += 1
        else:
            figures["problems"].append(f"{operation} under a size limit: {result}")
    return figures


def run_fuzz(work: Path, profile: Profile, rng: random.Random) -> dict[str, Any]:
    work.mkdir()
    context = FuzzContext(work)
    figures: dict[str, Any] = {"cases": {}, "problems": []}
    for name, target in targets(context).items():
        cases = profile.backup_fuzz_cases if name == "backup_file" else profile.fuzz_cases
        for _ in range(cases):
            data = rng.randbytes(rng.randint(0, 4096 if name == "import_file" else 256))
            try:
                target(data)
            except Exception:
                figures["problems"].append(
                    f"{name}({data.hex()[:200]}): {traceback.format_exc(limit=3)[-600:]}"
                )
        figures["cases"][name] = cases
    figures["total_cases"] = sum(figures["cases"].values())
    return figures
