"""'Sauvegarder maintenant…': a real encrypted file any role can write, a passphrase copy, a
progress bar that follows the writing, and Cancel, which stops it and leaves nothing."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from medvault.core.backup_errors import BackupCancelledError, BackupNeedsPassphraseError
from medvault.gui.backup_export_dialog import BackupExportDialog
from medvault.gui.main_window import MainWindow
from medvault.gui.settings_store import SettingsStore
from medvault.services.backup_schedule import backup_status
from medvault.services.backup_verify import BackupSecrets, verify_backup
from medvault.services.session import Session
from medvault.storage import backup_archive
from tests.conftest import VaultInfo
from tests.gui.conftest import RecordingDialogs

PHRASE = "Violette-Chaloupe-Granit-58"


def _window(qtbot: QtBot, session: Session, dialogs: RecordingDialogs, tmp: Path) -> MainWindow:
    store = SettingsStore(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(session, dialogs=dialogs, settings=store)
    qtbot.addWidget(window)
    window.show()
    return window


def _open_export(window: MainWindow, dialogs: RecordingDialogs, target: Path) -> BackupExportDialog:
    window.backups.export_action.trigger()
    dialog = window.backups.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.start_button.isEnabled()  # no file chosen yet
    dialogs.queue_answers(target)
    dialog.choose_button.click()
    assert dialogs.answered[-1] == ("save", "Enregistrer la sauvegarde")
    assert dialog.path_edit.text().startswith(str(target))
    return dialog


def _run(qtbot: QtBot, window: MainWindow, dialog: BackupExportDialog) -> None:
    dialog.start_button.click()
    # The worker has the session: the window must not use it meanwhile; Lock stays usable.
    assert window.backup_scheduler.busy
    assert not window.search_bar.isEnabled() and not window.table.isEnabled()
    assert not window.menuBar().isEnabled()
    assert window._lock_action.isEnabled()
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    assert window.search_bar.isEnabled() and window.table.isEnabled()


@pytest.mark.parametrize("role", ["practitioner", "receptionist"])
def test_any_role_exports_a_backup_the_recovery_code_opens(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    role: str,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
    tmp_path: Path,
) -> None:
    session: Session = request.getfixturevalue(role)
    window = _window(qtbot, session, dialogs, tmp_path)
    assert (window.backups.verify_action is None) == (role == "receptionist")
    target = tmp_path / "export" / "copie"
    target.parent.mkdir()
    dialog = _open_export(window, dialogs, target)
    _run(qtbot, window, dialog)
    written = target.with_name("copie.mvbackup")  # the extension is added
    assert written.is_file()
    assert sorted(p.name for p in target.parent.iterdir()) == ["copie.mvbackup"]  # no temp
    assert dialogs.shown[-1][0] == "inform" and str(written) in dialogs.shown[-1][2]
    report = verify_backup(
        written,
        BackupSecrets(recovery_code=vault.recovery_code),
        expected_vault_id=session.header.vault_id,
    )
    assert report.ok and report.deep_checked
    assert report.clinical_checked
    assert "jamais" not in window.backup_status.summary_label.text().split("·")[0]
    window.close()


def test_passphrase_copy_needs_matching_strong_phrase(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    window = _window(qtbot, practitioner, dialogs, tmp_path)
    target = tmp_path / "tiers.mvbackup"
    dialog = _open_export(window, dialogs, target)
    assert not dialog.passphrase_edit.isEnabled()
    dialog.passphrase_check.setChecked(True)
    dialog.passphrase_edit.setText(PHRASE)
    dialog.confirm_edit.setText(PHRASE + "x")
    dialog.start_button.click()
    assert "identiques" in dialog.error_label.text()
    dialog.passphrase_edit.setText("abc")
    dialog.confirm_edit.setText("abc")
    dialog.start_button.click()
    assert dialog.error_label.text()  # refused by the password policy
    assert not window.backup_scheduler.busy and not target.exists()
    dialog.passphrase_edit.setText(PHRASE)
    dialog.confirm_edit.setText(PHRASE)
    _run(qtbot, window, dialog)
    assert "phrase de passe" in dialogs.shown[-1][2]
    report = verify_backup(target, BackupSecrets(passphrase=PHRASE))
    assert report.ok and not report.deep_checked
    with pytest.raises(BackupNeedsPassphraseError):
        verify_backup(target, BackupSecrets(recovery_code="x" * 32))
    window.close()


def test_progress_follows_the_bytes_written(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    window = _window(qtbot, practitioner, dialogs, tmp_path)
    dialog = _open_export(window, dialogs, tmp_path / "suivie.mvbackup")
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    _run(qtbot, window, dialog)
    assert seen and seen[-1] == 1000 and seen == sorted(seen)
    assert (tmp_path / "suivie.mvbackup").is_file()
    window.close()


def test_cancel_stops_the_writing_and_leaves_nothing(
    qtbot: QtBot,
    practitioner: Session,
    dialogs: RecordingDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, practitioner, dialogs, tmp_path)
    status_before = backup_status(practitioner)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = _open_export(window, dialogs, folder / "annulee.mvbackup")
    # The worker stops at its first write until Cancel was clicked: the click always lands
    # while the file is being written.
    clicked = threading.Event()
    real_write = backup_archive._write_chunk

    def held_write(handle: io.BufferedWriter, data: bytes) -> int:
        clicked.wait(timeout=30)
        return real_write(handle, data)

    monkeypatch.setattr(backup_archive, "_write_chunk", held_write)
    dialog.start_button.click()
    assert "sans laisser de fichier" in dialog.state_label.text()
    dialog.cancel_button.click()
    clicked.set()
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy)
    assert list(folder.iterdir()) == []  # neither the file nor its temp file
    assert dialogs.shown[-1][2] == BackupCancelledError.fr
    assert not isValid(dialog) or not dialog.isVisible()  # closed (deleted on close)
    # Not counted as a backup made (nor failed): the status line says what it said before.
    status = backup_status(practitioner)
    assert status.last_ok_at == status_before.last_ok_at is None
    assert status.last_error_at is None and status.last_file is None
    assert "jamais" in window.backup_status.summary_label.text().split("·")[0]
    window.close()


def test_existing_file_is_refused_in_plain_words(
    qtbot: QtBot, receptionist: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    window = _window(qtbot, receptionist, dialogs, tmp_path)
    target = tmp_path / "deja.mvbackup"
    target.write_bytes(b"keep me")
    dialog = _open_export(window, dialogs, target)
    _run(qtbot, window, dialog)
    assert "porte déjà ce nom" in dialog.error_label.text()
    assert target.read_bytes() == b"keep me"
    assert dialog.isVisible()
    window.close()


def test_lock_during_export_finishes_then_locks(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    window = _window(qtbot, practitioner, dialogs, tmp_path)
    target = tmp_path / "pendant-verrou.mvbackup"
    dialog = _open_export(window, dialogs, target)
    dialog.start_button.click()
    with qtbot.waitSignal(window.locked):
        window._lock_action.trigger()
        assert not window.isVisible()
    assert not practitioner.is_open
    assert target.is_file()  # the backup was finished and kept
