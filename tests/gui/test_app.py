from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

import medvault
from medvault.gui.app import build_parser, main, open_vault
from medvault.gui.vault_controller import VaultController
from medvault.services.config import ServiceConfig
from medvault.services.demo import DEMO_PASSWORD
from tests.conftest import VaultInfo
from tests.gui.conftest import RecordingDialogs


def options(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


@pytest.fixture
def controllers() -> Iterator[list[VaultController]]:
    built: list[VaultController] = []
    yield built
    for controller in built:
        controller.login_window.close()
        controller.deleteLater()


def test_version_needs_no_display(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"medvault {medvault.__version__}\n"


def test_vault_and_demo_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--demo", "--vault", "x"])
    capsys.readouterr()


def test_without_vault_explains_what_to_do(
    qtbot: QtBot, config: ServiceConfig, dialogs: RecordingDialogs
) -> None:
    assert open_vault(options(), config=config, dialogs=dialogs) is None
    [(kind, _title, text)] = dialogs.shown
    assert kind == "inform"
    assert "medvault --demo" in text
    assert "medvault-admin init" in text
    assert "first-run wizard" in text


def test_missing_vault_is_a_plain_warning(
    qtbot: QtBot, tmp_path: Path, config: ServiceConfig, dialogs: RecordingDialogs
) -> None:
    args = options("--vault", str(tmp_path / "absent.medvault"))
    assert open_vault(args, config=config, dialogs=dialogs) is None
    [(kind, _title, text)] = dialogs.shown
    assert kind == "warn"
    assert text.startswith("Aucun coffre medvault à cet emplacement.")
    assert "There is no medvault vault" in text
    assert "Traceback" not in text


def test_vault_option_opens_its_login_window(
    qtbot: QtBot,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
    controllers: list[VaultController],
) -> None:
    args = options("--vault", str(vault.directory))
    controller = open_vault(args, config=vault.config, dialogs=dialogs)
    assert controller is not None
    controllers.append(controller)
    label = controller.login_window.findChild(QLabel, "practice_label")
    assert label is not None
    assert label.text() == "Cabinet du Parc"
    assert dialogs.shown == []


def test_demo_option_creates_and_prefills(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: ServiceConfig,
    dialogs: RecordingDialogs,
    controllers: list[VaultController],
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    controller = open_vault(options("--demo"), config=config, dialogs=dialogs)
    assert controller is not None
    controllers.append(controller)
    assert (tmp_path / "data/medvault/demo/Demo.medvault/vault.json").is_file()
    window = controller.login_window
    login = window.findChild(QLineEdit, "login_edit")
    demo = window.findChild(QLabel, "demo_label")
    assert login is not None
    assert demo is not None
    assert login.text() == "demo"
    assert DEMO_PASSWORD in demo.text()
    assert window.windowTitle() == "medvault — Cabinet de démonstration"
