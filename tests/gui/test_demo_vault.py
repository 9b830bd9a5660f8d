"""The demo vault service (medvault.services.demo), exercised where the app uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from medvault.core.errors import VaultExistsError
from medvault.core.password_policy import evaluate_password
from medvault.services import patients_search
from medvault.services.config import ServiceConfig
from medvault.services.demo import (
    DEMO_DISPLAY_NAME,
    DEMO_LOGIN,
    DEMO_PASSWORD,
    DEMO_PRACTICE_NAME,
    default_demo_dir,
    ensure_demo_vault,
)
from medvault.services.demo_accounts import DEMO_RECEPTIONIST
from medvault.services.unlock import unlock
from medvault.services.vault_info import read_practice_name


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def test_demo_password_passes_the_policy() -> None:
    verdict = evaluate_password(DEMO_PASSWORD, (DEMO_LOGIN, DEMO_DISPLAY_NAME, DEMO_PRACTICE_NAME))
    assert verdict.accepted, verdict.explain("en")


def test_created_once_then_reused_untouched(tmp_path: Path, config: ServiceConfig) -> None:
    directory = tmp_path / "share/medvault/demo/Demo.medvault"
    assert ensure_demo_vault(directory, config) == directory
    assert read_practice_name(directory) == DEMO_PRACTICE_NAME
    before = snapshot(directory)
    assert "vault.json" in before
    assert ensure_demo_vault(directory, config) == directory
    assert snapshot(directory) == before
    with unlock(directory, DEMO_LOGIN, DEMO_PASSWORD, config=config) as session:
        assert not session.must_change_password


def test_filled_with_patients_and_a_desk_account(tmp_path: Path, config: ServiceConfig) -> None:
    directory = tmp_path / "Demo.medvault"
    ensure_demo_vault(directory, config, patients=20)
    with unlock(directory, DEMO_LOGIN, DEMO_PASSWORD, config=config) as session:
        assert session.has_clinical_access
        assert patients_search.count_patients(session) == 20
    desk = DEMO_RECEPTIONIST
    with unlock(directory, desk.login, desk.password, config=config) as session:
        assert not session.must_change_password
        assert not session.has_clinical_access
        assert patients_search.count_patients(session) == 20


def test_refuses_a_directory_that_is_not_a_vault(tmp_path: Path, config: ServiceConfig) -> None:
    directory = tmp_path / "Demo.medvault"
    directory.mkdir()
    (directory / "notes.txt").write_bytes(b"keep me")
    with pytest.raises(VaultExistsError):
        ensure_demo_vault(directory, config)
    assert snapshot(directory) == {"notes.txt": b"keep me"}


def test_refuses_a_file_in_the_way(tmp_path: Path, config: ServiceConfig) -> None:
    path = tmp_path / "Demo.medvault"
    path.write_bytes(b"x")
    with pytest.raises(VaultExistsError):
        ensure_demo_vault(path, config)
    assert path.read_bytes() == b"x"


def test_default_location_follows_xdg(tmp_path: Path) -> None:
    assert default_demo_dir({"XDG_DATA_HOME": str(tmp_path)}) == (
        tmp_path / "medvault/demo/Demo.medvault"
    )


def test_default_location_without_xdg() -> None:
    expected = Path.home() / ".local/share/medvault/demo/Demo.medvault"
    assert default_demo_dir({}) == expected
    assert default_demo_dir({"XDG_DATA_HOME": "relative/path"}) == expected


def test_temporary_demo_vault_is_fresh_and_removed(tmp_path: Path, config: ServiceConfig) -> None:
    from medvault.services.demo import create_temporary_demo_vault, remove_temporary_demo_vault

    first = create_temporary_demo_vault(config, root=tmp_path)
    second = create_temporary_demo_vault(config, root=tmp_path)
    assert first != second and (first / "vault.json").is_file()
    remove_temporary_demo_vault(first)
    assert not first.parent.exists() and second.exists()
    keep = tmp_path / "not-a-demo" / "Demo.medvault"
    keep.mkdir(parents=True)
    remove_temporary_demo_vault(keep)  # only folders it made itself
    assert keep.exists()
