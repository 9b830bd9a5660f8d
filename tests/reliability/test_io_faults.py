"""I/O faults during save, import and backup: a file-size limit (every write past it fails, as
on a FAT drive or a quota) and a real filesystem that is full. Each time: a clear error of our
own, the live vault intact and fully checked, no partial file under a final name."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from medvault.core.errors import DiskFullError, DiskWriteError
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.reliability.damage import patient_form
from tests.reliability.fault_child import prepare
from tests.reliability.faults import (
    can_mount,
    fill,
    run_operation,
    small_disk,
    stray_files,
    vault_state,
)
from tests.reliability.vaults import make_vault

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE and tmpfs are POSIX"),
]
OPERATIONS = ["save", "import", "backup"]


def _seeded(vault: VaultInfo) -> None:
    from medvault.services import patients

    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        patients.create_patient(session, patient_form("AVANTPANNE"))


def _assert_refused_cleanly(result: dict[str, object], expected: tuple[str, ...]) -> None:
    assert result.get("known") is True, result  # our own error, in plain words
    assert result["error"] in expected, result
    assert "close_error" not in result, result


@pytest.mark.parametrize("operation", OPERATIONS)
def test_writes_past_a_file_size_limit_fail_cleanly(
    vault: VaultInfo, tmp_path: Path, operation: str
) -> None:
    _seeded(vault)
    before = vault_state(vault)
    scratch, backups = tmp_path / "scratch", tmp_path / "backups"
    scratch.mkdir()
    backups.mkdir()
    prepare(scratch)
    result = run_operation("fsize", operation, vault, scratch, backups)
    _assert_refused_cleanly(result, ("DiskWriteError",))
    after = vault_state(vault)
    assert after.check_ok
    assert before.patients <= after.patients  # what was there is there
    if operation != "save":
        assert (after.consultations, after.documents) == (before.consultations, before.documents)
    assert list(backups.iterdir()) == []  # not even a temp file
    assert stray_files(vault) == []


@pytest.mark.skipif(not can_mount(), reason="mounting a small filesystem needs root")
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_full_disk_fails_cleanly_and_the_vault_works_once_space_is_freed(
    tmp_path: Path, operation: str
) -> None:
    with small_disk(tmp_path / "disk", 12 * 1024) as disk:
        vault = make_vault(disk / "Cabinet.medvault")
        _seeded(vault)
        before = vault_state(vault)
        scratch = tmp_path / "scratch"
        scratch.mkdir()
        prepare(scratch)
        backups = disk / "backups"
        backups.mkdir()
        filler = fill(disk, leave_kib=384)
        result = run_operation("none", operation, vault, scratch, backups)
        _assert_refused_cleanly(result, ("DiskFullError",))
        assert list(backups.iterdir()) == []
        assert stray_files(vault) == []
        # Opening writes its audit record: on a full disk that is refused in plain words too.
        filler.unlink()
        fill(disk, leave_kib=0)
        with pytest.raises((DiskFullError, DiskWriteError)):
            vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
        (disk / "filler.bin").unlink()
        after = vault_state(vault)
        assert after.check_ok and before.patients <= after.patients
        shutil.rmtree(backups)
