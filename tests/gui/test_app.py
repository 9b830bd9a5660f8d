from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QLabel, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

import medvault
from medvault.gui.app import Startup, build_parser, effective_language, main, open_vault
from medvault.gui.settings_store import SettingsStore
from medvault.gui.vault_controller import VaultController
from medvault.services.config import ServiceConfig
from medvault.services.demo import DEMO_PASSWORD
from medvault.services.demo_accounts import DEMO_RECEPTIONIST
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


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def startups() -> Iterator[list[Startup]]:
    built: list[Startup] = []
    yield built
    for startup in built:
        if startup.wizard is not None:
            startup.wizard.close()
        if startup.controller is not None:
            startup.controller.login_window.close()
            startup.controller.deleteLater()


def started(
    args: argparse.Namespace,
    config: ServiceConfig,
    dialogs: RecordingDialogs,
    store: SettingsStore,
    startups: list[Startup],
) -> Startup:
    startup = Startup(args, config=config, dialogs=dialogs, settings=store)
    startups.append(startup)
    assert startup.start()
    return startup


def test_first_start_shows_the_wizard(
    qtbot: QtBot,
    config: ServiceConfig,
    dialogs: RecordingDialogs,
    store: SettingsStore,
    startups: list[Startup],
) -> None:
    startup = started(options(), config, dialogs, store, startups)
    assert startup.controller is None
    assert startup.wizard is not None
    assert startup.wizard.isVisible()
    assert dialogs.shown == []


def test_wizard_choice_is_remembered_and_opened(
    qtbot: QtBot,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
    store: SettingsStore,
    startups: list[Startup],
) -> None:
    startup = started(options(), vault.config, dialogs, store, startups)
    wizard = startup.wizard
    assert wizard is not None
    wizard.choice_page.open_radio.setChecked(True)
    wizard.button(QWizard.WizardButton.NextButton).click()
    dialogs.queue_answers(vault.directory)
    wizard.open_page.folder.button.click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    assert startup.controller is not None
    assert startup.controller.login_window.isVisible()
    assert store.last_vault() == vault.directory.resolve()


def test_remembered_vault_opens_its_login_window(
    qtbot: QtBot,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
    store: SettingsStore,
    startups: list[Startup],
) -> None:
    store.remember_vault(vault.directory)
    startup = started(options(), vault.config, dialogs, store, startups)
    assert startup.wizard is None
    assert startup.controller is not None
    label = startup.controller.login_window.findChild(QLabel, "practice_label")
    assert label is not None
    assert label.text() == "Cabinet du Parc"


def test_remembered_vault_gone_says_so_then_offers_the_wizard(
    qtbot: QtBot,
    tmp_path: Path,
    config: ServiceConfig,
    dialogs: RecordingDialogs,
    store: SettingsStore,
    startups: list[Startup],
) -> None:
    gone = tmp_path / "Unplugged.medvault"
    store.remember_vault(gone)
    startup = started(options(), config, dialogs, store, startups)
    [(kind, _title, text)] = dialogs.shown
    assert kind == "warn"
    assert str(gone) in text
    assert "There is no medvault vault" in text
    assert startup.wizard is not None and startup.wizard.isVisible()


def test_vault_option_is_remembered(
    qtbot: QtBot,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
    store: SettingsStore,
    startups: list[Startup],
) -> None:
    started(options("--vault", str(vault.directory)), vault.config, dialogs, store, startups)
    assert store.last_vault() == vault.directory.resolve()


def test_demo_is_not_remembered(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: ServiceConfig,
    dialogs: RecordingDialogs,
    store: SettingsStore,
    startups: list[Startup],
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the demo vault's temp folder
    startup = started(options("--demo"), config, dialogs, store, startups)
    assert startup.controller is not None
    assert store.last_vault() is None


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("", "fr_FR", "fr"),
        ("", "fr_CA", "fr"),
        ("", "en_GB", "en"),
        ("", "de_DE", "en"),
        ("", "C", "en"),
        ("fr", "en_US", "fr"),
        ("en", "fr_FR", "en"),
    ],
)
def test_interface_language(setting: str, system: str, expected: str) -> None:
    assert effective_language(setting, QLocale(system)) == expected


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
    del monkeypatch
    controller = open_vault(options("--demo"), config=config, dialogs=dialogs, demo_root=tmp_path)
    assert controller is not None
    controllers.append(controller)
    made = list(tmp_path.glob("medvault-demo-*/Demo.medvault/vault.json"))
    assert len(made) == 1
    window = controller.login_window
    login = window.findChild(QLineEdit, "login_edit")
    demo = window.findChild(QLabel, "demo_label")
    assert login is not None
    assert demo is not None
    assert login.text() == "demo"
    assert DEMO_PASSWORD in demo.text()
    assert DEMO_RECEPTIONIST.login in demo.text() and DEMO_RECEPTIONIST.password in demo.text()
    assert window.windowTitle() == "medvault — Cabinet de démonstration"
