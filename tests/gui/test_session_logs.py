"""A whole desktop session run with every logger at debug level and Qt's own messages captured:
neither the logs nor the console may carry patient data, a password or key material."""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from medvault.gui.dialogs import Button
from medvault.gui.vault_controller import VaultController
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.gui.conftest import RecordingDialogs, field, submit_login

SURNAME = "Vercingétorixa"
NIR = "1 61 07 75 056 089 69"
NOTE = "Palpitations nocturnes, marqueur Obsidienne-2219"


@pytest.fixture
def captured_logs() -> Iterator[list[str]]:
    lines: list[str] = []
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)

    def on_qt_message(_kind: QtMsgType, _context: object, message: str) -> None:
        lines.append(message)

    previous_handler = qInstallMessageHandler(on_qt_message)
    try:
        yield lines
    finally:
        qInstallMessageHandler(previous_handler)
        root.removeHandler(handler)
        root.setLevel(previous_level)
        lines.extend(stream.getvalue().splitlines())


def test_a_whole_session_logs_nothing_of_the_patient_nor_the_keys(
    qtbot: QtBot,
    vault: VaultInfo,
    dialogs: RecordingDialogs,
    captured_logs: list[str],
    capfd: pytest.CaptureFixture[str],
) -> None:
    controller = VaultController(
        vault.directory, config=vault.config, dialogs=dialogs, lock_delay_ms=600
    )
    controller.start()
    with qtbot.waitSignal(controller.login_window.unlocked, timeout=5000):
        submit_login(qtbot, controller.login_window, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    window = controller.main_window
    assert window is not None
    bundle = window.session.bundle
    keys = [bytes(k.buffer) for k in (bundle.admin_key, bundle.audit_key, bundle.clinical_key) if k]

    file_window = window.new_patient()
    for name, text in (
        ("birth_name_edit", SURNAME),
        ("first_names_edit", "Aurélie"),
        ("birth_date_edit", "14/07/1961"),
        ("nir_edit", NIR),
    ):
        field(file_window, name).setText(text)
    sex = file_window.identity_form.editor("sex")
    sex.setCurrentIndex(sex.findData("F"))  # type: ignore[attr-defined]
    assert file_window.identity_form.save()
    assert file_window.clinical_tabs is not None
    editor = file_window.clinical_tabs.consultations.editor
    qtbot.keyClicks(editor.findChild(QLineEdit, "consultation_reason_edit"), "Palpitations")
    subjective = editor.findChild(QPlainTextEdit, "consultation_subjective_edit")
    assert subjective is not None
    subjective.setPlainText(NOTE)
    window.search_bar.setText(SURNAME[:6])
    window.search_bar.query_changed.emit(SURNAME[:6])
    assert window.model.rowCount() == 1

    with qtbot.waitSignal(window.locked, timeout=5000):
        pass  # the idle lock, with the note as a draft
    dialogs.queue_answers(Button.Yes)
    with qtbot.waitSignal(controller.login_window.unlocked, timeout=5000):
        submit_login(qtbot, controller.login_window, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    window = controller.main_window
    assert window is not None and len(window.file_windows) == 1
    window.lock()

    out, err = capfd.readouterr()
    everything = "\n".join([*captured_logs, out, err])
    secrets = [SURNAME, NIR, NIR.replace(" ", ""), "Obsidienne-2219", PRACTITIONER_PASSWORD]
    secrets += [vault.recovery_code, vault.recovery_code.replace("-", "")]
    for key in keys:
        secrets += [key.hex(), base64.b64encode(key).decode()]
    assert [secret for secret in secrets if secret in everything] == []
    controller.login_window.close()
