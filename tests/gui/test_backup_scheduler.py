"""Automatic backups: on closing the app into the configured folder (with rotation), at least
daily while it runs, failures said in plain words, and the status line with its warnings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from medvault.core.backup_retention import RetentionPolicy, backup_file_name
from medvault.core.clock import Clock
from medvault.core.kdf import KdfProfile
from medvault.gui.backup_scheduler import BackupScheduler
from medvault.gui.backup_status_widget import local_time_text
from medvault.gui.main_window import MainWindow
from medvault.gui.settings_dialog import SettingsDialog
from medvault.gui.settings_store import SettingsStore
from medvault.services.backup_schedule import backup_status
from medvault.services.config import ServiceConfig
from medvault.services.key_rotation import rotate_keys
from medvault.services.session import Session
from medvault.services.unlock import unlock
from tests.conftest import (
    CHEAP_KDF,
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.gui.conftest import RecordingDialogs

START = datetime(2025, 3, 20, 17, 30, tzinfo=UTC)


class FixedClock(Clock):
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def _session(vault: VaultInfo, clock: Clock) -> Session:
    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF), clock=clock)
    return unlock(vault.directory, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=config)


def _store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def _window(
    qtbot: QtBot, session: Session, dialogs: RecordingDialogs, store: SettingsStore, **timer: int
) -> MainWindow:
    scheduler = BackupScheduler(session, store, **timer)
    window = MainWindow(session, dialogs=dialogs, settings=store, backup_scheduler=scheduler)
    scheduler.setParent(window)
    qtbot.addWidget(window)
    window.show()
    return window


def test_closing_backs_up_into_the_folder_and_rotates(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "notes.txt").write_text("pas une sauvegarde")
    for days in range(1, 6):  # older automatic backups of this practice
        (folder / backup_file_name("cabinet-du-parc", START - timedelta(days=days))).write_bytes(
            b"old"
        )
    store = _store(tmp_path)
    store.set_backup_folder(folder)
    store.set_backup_retention(RetentionPolicy(daily=2, weekly=0, monthly=0))
    session = _session(vault, FixedClock(START))
    window = _window(qtbot, session, dialogs, store)
    window.close()
    assert window.isVisible() and window.backups.close_progress is not None  # waits
    qtbot.waitUntil(lambda: not session.is_open)
    assert not window.isVisible()
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "cabinet-du-parc-20250319T173000Z.mvbackup",
        "cabinet-du-parc-20250320T173000Z.mvbackup",
        "notes.txt",
    ]
    assert dialogs.shown == []


def test_closing_with_an_unplugged_folder_says_so_and_closes(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    store = _store(tmp_path)
    store.set_backup_folder(tmp_path / "unplugged")
    session = _session(vault, FixedClock(START))
    window = _window(qtbot, session, dialogs, store)
    warnings = window.backup_status.warnings
    assert any("introuvable" in w for w in warnings)
    assert window.backup_status.warning_label.isVisibleTo(window.backup_status)
    window.close()
    qtbot.waitUntil(lambda: not session.is_open)
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warn" and "n'a pas pu être faite" in text and "intact" not in text
    assert "travail est enregistré" in text


def test_no_folder_no_backup_on_close(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    session = _session(vault, FixedClock(START))
    window = _window(qtbot, session, dialogs, _store(tmp_path))
    assert any("Aucun dossier" in w for w in window.backup_status.warnings)
    window.close()
    assert not session.is_open  # closed at once


def test_timer_backs_up_when_the_last_one_is_a_day_old(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    store = _store(tmp_path)
    store.set_backup_folder(folder)
    clock = FixedClock(START)
    session = _session(vault, clock)
    window = _window(qtbot, session, dialogs, store, first_check_ms=0, check_interval_ms=50)
    qtbot.waitUntil(lambda: len(list(folder.iterdir())) == 1)
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    status = window.backup_status
    assert not status.warnings
    assert not status.warning_label.isVisibleTo(status)
    made = local_time_text("2025-03-20T17:30:00.000000Z")
    assert status.summary_label.text() == f"Dernière sauvegarde : {made} · vérifiée : jamais"
    assert not window.backup_scheduler.is_due()
    clock.moment += timedelta(hours=23)
    assert not window.backup_scheduler.is_due()
    clock.moment += timedelta(hours=1)
    assert window.backup_scheduler.is_due()
    qtbot.waitUntil(lambda: len(list(folder.iterdir())) == 2)
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    window.backups.prepare_lock()  # a lock in progress: nothing starts any more
    clock.moment += timedelta(days=2)
    assert not window.backup_scheduler.is_due()
    assert not window.backup_scheduler.run_automatic()
    window.backup_scheduler.begin_lock()
    session.close()


def test_status_warns_when_stale_and_after_verification(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    store = _store(tmp_path)
    store.set_backup_folder(folder)
    store.set_backup_max_age_days(2)
    clock = FixedClock(START)
    session = _session(vault, clock)
    window = _window(qtbot, session, dialogs, store)
    assert any("Aucune sauvegarde" in w for w in window.backup_status.warnings)
    assert window.backup_scheduler.run_automatic()
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    assert window.backup_status.warnings == []
    clock.moment += timedelta(days=3)
    window.backup_status.refresh()
    assert window.backup_status.warnings == ["La dernière sauvegarde réussie date de 3 jour(s)."]
    assert "⚠" in window.backup_status.warning_label.text()

    verify = window.backups.verify_action
    assert verify is not None
    verify.trigger()
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    assert dialogs.shown[-1][0] == "inform" and "vérifiée" in dialogs.shown[-1][2]
    verified = local_time_text(session.now())
    assert window.backup_status.summary_label.text().endswith(f"vérifiée : {verified}")
    window.backup_scheduler.begin_lock()
    session.close()


def test_settings_tab_saves_backup_preferences_without_patient_data(
    qtbot: QtBot, vault: VaultInfo, tmp_path: Path
) -> None:
    store = _store(tmp_path)
    dialogs = RecordingDialogs()
    dialog = SettingsDialog(store, config=vault.config, dialogs=dialogs)
    qtbot.addWidget(dialog)
    page = dialog.backup_page
    assert (page.daily_spin.value(), page.weekly_spin.value(), page.monthly_spin.value()) == (
        7,
        4,
        12,
    )
    assert page.max_age_spin.value() == 2
    folder = tmp_path / "nas"
    dialogs.queue_answers(folder)
    page.folder_button.click()
    page.daily_spin.setValue(10)
    page.max_age_spin.setValue(5)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    again = _store(tmp_path)
    assert again.backup_folder() == folder
    assert again.backup_retention() == RetentionPolicy(daily=10, weekly=4, monthly=12)
    assert again.backup_max_age_days() == 5
    keys = sorted(k for k in again.qsettings.allKeys() if k.startswith("backup/"))
    assert keys == [
        "backup/folder",
        "backup/keep_daily",
        "backup/keep_monthly",
        "backup/keep_weekly",
        "backup/max_age_days",
    ]
    text = (tmp_path / "s.ini").read_text()
    for secret in ("Cabinet du Parc", "dr.martin", vault.recovery_code):
        assert secret not in text
    store.qsettings.setValue("backup/keep_daily", "9999")
    assert store.backup_retention().daily == 7  # out of range on disk: the default


def test_verify_after_key_rotation_asks_for_the_recovery_code(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs, tmp_path: Path
) -> None:

    folder = tmp_path / "usb"
    folder.mkdir()
    store = _store(tmp_path)
    store.set_backup_folder(folder)
    session = _session(vault, FixedClock(START))
    window = _window(qtbot, session, dialogs, store)
    assert window.backup_scheduler.run_automatic()
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    rotate_keys(session)
    assert window.backups.verify_action is not None
    window.backups.verify_action.trigger()
    qtbot.waitUntil(lambda: window.backups.code_dialog is not None)
    code_dialog = window.backups.code_dialog
    assert code_dialog is not None and code_dialog.isVisible()
    assert "renouvelées" in code_dialog.toolTip()  # the rotation's own message
    assert "jamais" in window.backup_status.summary_label.text().split("·")[1]
    code_dialog.code_edit.setText(vault.recovery_code.lower())
    code_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    assert dialogs.shown[-1][0] == "inform" and "vérifiée" in dialogs.shown[-1][2]
    # Recorded like a verification with the session's keys: the status line shows it.
    verified = local_time_text(session.now())
    assert window.backup_status.summary_label.text().endswith(f"vérifiée : {verified}")
    assert backup_status(session).last_verified_file is not None
    window.backup_scheduler.begin_lock()
    session.close()


def test_a_receptionist_has_no_verify_entry_and_the_status_says_why(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF), clock=FixedClock(START))
    session = unlock(vault.directory, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, config=config)
    window = _window(qtbot, session, dialogs, _store(tmp_path))
    assert window.backups.verify_action is None
    menu = window.findChild(QMenu, "practice_menu")
    assert menu is not None
    names = [a.objectName() for a in menu.actions()]
    assert "backup_now_action" in names and "verify_backup_action" not in names
    tip = window.backup_status.summary_label.toolTip()
    assert "Seul un praticien peut vérifier les sauvegardes" in tip
    # She still backs up, and the tooltip then names the file as well.
    window.backups.export_action.trigger()
    export = window.backups.export_dialog
    assert export is not None
    target = tmp_path / "accueil.mvbackup"
    dialogs.queue_answers(target)
    export.choose_button.click()
    export.start_button.click()
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    tip = window.backup_status.summary_label.toolTip()
    assert str(target) in tip and "Seul un praticien" in tip
    window.backup_scheduler.begin_lock()
    session.close()


def test_a_practitioner_status_tooltip_has_no_such_note(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    window = _window(qtbot, practitioner, dialogs, _store(tmp_path))
    assert window.backups.verify_action is not None
    assert "Seul un praticien" not in window.backup_status.summary_label.toolTip()
    window.backup_scheduler.begin_lock()
