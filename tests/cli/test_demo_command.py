"""medvault-admin demo: a new vault of synthetic patients, its recovery code and its two public
accounts; refusals leave what is there untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from medvault.cli.admin import build_parser, main
from medvault.services import patients_search, users
from medvault.services.config import ServiceConfig
from medvault.services.demo_accounts import DEMO_PRACTITIONER, DEMO_RECEPTIONIST
from medvault.services.unlock import unlock, unlock_with_recovery_code
from tests.cli.helpers import RunCli


def test_demo_creates_a_vault_and_prints_its_accounts(
    tmp_path: Path, run_cli: RunCli, config: ServiceConfig
) -> None:
    directory = tmp_path / "Démo.medvault"
    result = run_cli(["demo", str(directory), "--patients", "12", "--seed", "3"])

    assert result.code == 0, result.err
    assert f"Demo vault created: {directory}" in result.out
    code = result.line_after("Recovery code: ")
    assert result.out.count(code) == 2  # the French and the English line, nothing else
    for account in (DEMO_PRACTITIONER, DEMO_RECEPTIONIST):
        lines = [ln for ln in result.out.splitlines() if account.login in ln]
        assert len(lines) == 1 and account.password in lines[0]
    assert "12 patients" in result.out
    assert "(seed 3)" in result.out

    with unlock_with_recovery_code(directory, code, config=config) as session:
        assert patients_search.count_patients(session) == 12
    for account in (DEMO_PRACTITIONER, DEMO_RECEPTIONIST):
        with unlock(directory, account.login, account.password, config=config) as session:
            assert not session.must_change_password
            assert session.role is account.role
            assert session.has_clinical_access is (account is DEMO_PRACTITIONER)
    with unlock(
        directory, DEMO_PRACTITIONER.login, DEMO_PRACTITIONER.password, config=config
    ) as session:
        assert {u.login for u in users.list_users(session)} == {
            DEMO_PRACTITIONER.login,
            DEMO_RECEPTIONIST.login,
        }


def test_default_size_is_small(tmp_path: Path) -> None:
    args = build_parser().parse_args(["demo", str(tmp_path / "x")])
    assert args.patients == 200
    assert isinstance(args.seed, int)


def test_a_non_empty_folder_is_refused_untouched(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "Cabinet"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(b"keep me")
    result = run_cli(["demo", str(folder), "--patients", "5"])
    assert result.code == 2
    assert "Error: A vault or other files already exist" in result.err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert result.out == ""


def test_an_existing_vault_is_refused(
    tmp_path: Path, run_cli: RunCli, config: ServiceConfig
) -> None:
    directory = tmp_path / "Demo.medvault"
    assert run_cli(["demo", str(directory), "--patients", "3"]).code == 0
    before = sorted(p.name for p in directory.iterdir())
    result = run_cli(["demo", str(directory), "--patients", "3"])
    assert result.code == 2
    assert sorted(p.name for p in directory.iterdir()) == before


@pytest.mark.parametrize("value", ["0", "-4", "abc", "1000001"])
def test_patient_count_must_be_in_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    directory = tmp_path / "Demo.medvault"
    assert main(["demo", str(directory), "--patients", value]) == 2
    assert "--patients" in capsys.readouterr().err
    assert not directory.exists()


def test_help_lists_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "demo" in capsys.readouterr().out


def test_the_readme_lists_the_demo_accounts() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "medvault-admin demo VAULT [--patients N] [--seed S]" in readme
    for account in (DEMO_PRACTITIONER, DEMO_RECEPTIONIST):
        assert f"`{account.login}`" in readme
        assert f"`{account.password}`" in readme
