"""Logout or shutdown (SIGTERM) ends medvault as a lock then a quit: the note being typed is kept
as an encrypted draft, the session is locked, and a temporary demo vault is removed."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from medvault.core.patient import PatientForm
from medvault.gui import termination
from medvault.gui.app import Startup
from medvault.gui.settings_store import SettingsStore
from medvault.gui.termination import TerminationHandler
from medvault.services import drafts, patients
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.gui.conftest import RecordingDialogs, submit_login

DEMO_MAIN = "import sys; from medvault.gui.app import main; sys.exit(main())"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_sigterm_locks_with_the_note_kept_then_quits(
    qtbot: QtBot,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        form = PatientForm(birth_name="Morel", first_names="Léa", sex="F", birth_date="01/02/1980")
        patient_id = patients.create_patient(session, form).patient.id
    quits: list[bool] = []
    monkeypatch.setattr(termination, "_quit", lambda: quits.append(True))
    settings = SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    args = argparse.Namespace(demo=False, vault=vault.directory, version=False)
    startup = Startup(args, config=vault.config, dialogs=dialogs, settings=settings)
    assert startup.start()
    controller = startup.controller
    assert controller is not None
    with qtbot.waitSignal(controller.login_window.unlocked, timeout=5000):
        submit_login(qtbot, controller.login_window, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    window = controller.main_window
    assert window is not None
    session = window.session
    file_window = window.open_patient(patient_id)
    assert file_window is not None and file_window.clinical_tabs is not None
    editor = file_window.clinical_tabs.consultations.editor
    editor.findChild(QLineEdit, "consultation_reason_edit").setText("Vertiges")
    editor.findChild(QPlainTextEdit, "consultation_subjective_edit").setPlainText("Depuis hier")

    handler = TerminationHandler(startup.lock_then)
    handler.end()

    assert quits == [True]
    assert not session.is_open
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as again:
        kept = drafts.list_drafts(again)
    assert [(d.patient_id, d.editor_key) for d in kept] == [(patient_id, "consultation:new")]
    controller.login_window.close()


def test_sigterm_with_nobody_logged_in_quits_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(termination, "_quit", lambda: quits.append(True))
    TerminationHandler(lambda _done: False).end()
    assert quits == [True]


def test_a_terminated_demo_removes_its_temporary_vault(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", DEMO_MAIN, "--demo"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob("medvault-demo-*/Demo.medvault/vault.json")):
            assert process.poll() is None, "the demo stopped by itself"
            assert time.monotonic() < deadline, "no demo vault after two minutes"
            time.sleep(0.2)
        time.sleep(1.0)  # the login window is up
        process.send_signal(signal.SIGTERM)
        _out, errors = process.communicate(timeout=30)
        assert process.returncode == 0, errors.decode(errors="replace")[-2000:]
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert list(tmp_path.glob("medvault-demo-*")) == []
