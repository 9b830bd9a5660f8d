"""Canary: a whole scripted desktop session on the demo vault (login, a patient and a note with
marker strings, a document imported and viewed as a PDF, search, lock and unlock, backup, quit),
then every place plaintext could stay is scanned for the markers, in UTF-8 and UTF-16: the vault
folder, the temp folders, Qt's settings, data and cache folders, the logs, the files the process
still has open. Zero hits: only encrypted files are left. Neither the logs nor any window title
carry the password or key material."""

from __future__ import annotations

import base64
import io
import logging
import os
import secrets
import string
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from medvault.gui.documents_tab import DocumentsTab
from medvault.gui.vault_controller import VaultController
from medvault.services.demo import DEMO_PRACTITIONER, ensure_demo_vault
from tests.gui.conftest import RecordingDialogs, field, submit_login
from tests.gui.test_document_viewer import tiny_pdf
from tests.reliability.vaults import cheap_config

# It builds windows and runs import and backup workers: its widgets are freed on this thread.
pytestmark = [pytest.mark.reliability, pytest.mark.usefixtures("collect_on_main_thread")]

_LOCATIONS = (
    QStandardPaths.StandardLocation.AppConfigLocation,
    QStandardPaths.StandardLocation.AppDataLocation,
    QStandardPaths.StandardLocation.CacheLocation,
    QStandardPaths.StandardLocation.GenericCacheLocation,
    QStandardPaths.StandardLocation.TempLocation,
)


def _letters(n: int) -> str:
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(n))


def _encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


def _hits(roots: list[Path], markers: list[bytes], since: float) -> list[str]:
    """Files under the roots changed since `since` that hold a marker."""
    found: list[str] = []
    for root in roots:
        if not root.exists():
            continue
        for path in [root] if root.is_file() else _walk(root):
            try:
                if path.is_symlink() or not path.is_file() or path.stat().st_mtime < since:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            found += [f"{path}" for m in markers if m in data]
    return found


def _walk(root: Path) -> Iterator[Path]:
    # Other processes create and remove temp folders meanwhile: skip what vanishes.
    for folder, _dirs, files in os.walk(root, onerror=lambda _error: None):
        for name in files:
            yield Path(folder) / name


def _open_files() -> list[Path]:
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        return []
    paths = []
    for fd in fd_dir.iterdir():
        try:
            target = Path(os.readlink(fd))
        except OSError:
            continue
        if target.is_absolute() and target.is_file():
            paths.append(target)
    return paths


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def test_a_whole_session_leaves_no_marker_outside_encrypted_files(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: RecordingDialogs,
    captured_logs: io.StringIO,
    capfd: pytest.CaptureFixture[str],
) -> None:
    started = time.time() - 2
    surname = "Canarix" + _letters(8)
    note = f"Douleur atypique marqueur-{_letters(12)}"
    pdf_marker = f"compte-rendu-{_letters(12)}"
    config = cheap_config()
    directory = ensure_demo_vault(tmp_path / "Demo.medvault", config, patients=8)
    account = DEMO_PRACTITIONER

    controller = VaultController(directory, config=config, dialogs=dialogs)
    controller.start()
    with qtbot.waitSignal(controller.login_window.unlocked, timeout=10000):
        submit_login(qtbot, controller.login_window, account.login, account.password)
    window = controller.main_window
    assert window is not None
    bundle = window.session.bundle
    keys = [bytes(k.buffer) for k in (bundle.admin_key, bundle.audit_key, bundle.clinical_key) if k]

    # A patient and a consultation note, saved.
    file_window = window.new_patient()
    for name, text in (
        ("birth_name_edit", surname),
        ("first_names_edit", "Aurélie"),
        ("birth_date_edit", "14/07/1961"),
    ):
        field(file_window, name).setText(text)
    sex = file_window.identity_form.editor("sex")
    sex.setCurrentIndex(sex.findData("F"))  # type: ignore[attr-defined]
    assert file_window.identity_form.save()
    assert file_window.clinical_tabs is not None
    editor = file_window.clinical_tabs.consultations.editor
    qtbot.keyClicks(editor.findChild(QLineEdit, "consultation_reason_edit"), "Douleur")
    subjective = editor.findChild(QPlainTextEdit, "consultation_subjective_edit")
    assert subjective is not None
    subjective.setPlainText(note)
    editor.findChild(QPushButton, "consultation_save_button").click()

    # A document imported (its source then deleted by the user) and viewed.
    source = tmp_path / "inbox" / "compte-rendu.pdf"
    source.parent.mkdir()
    source.write_bytes(tiny_pdf() + b"\n%" + pdf_marker.encode() + b"\n")
    tab = next(t for t in file_window.findChildren(DocumentsTab) if t._kind == "clinical")
    with qtbot.waitSignal(tab.import_finished, timeout=10000):
        tab.import_files([source])
    source.unlink()
    assert tab.documents
    tab.select_document(tab.documents[0].id)
    viewer = tab.view_selected()
    assert viewer is not None and viewer.pdf_document is not None
    qtbot.waitUntil(lambda: viewer.pdf_document.pageCount() == 1, timeout=5000)
    viewer.grab()
    viewer.close()

    # Search, lock, unlock.
    window.search_bar.setText(surname[:9])
    window.search_bar.query_changed.emit(surname[:9])
    assert window.model.rowCount() == 1
    window.lock()
    with qtbot.waitSignal(controller.login_window.unlocked, timeout=10000):
        submit_login(qtbot, controller.login_window, account.login, account.password)
    window = controller.main_window
    assert window is not None

    # A backup through the export dialog, then quit.
    target = tmp_path / "backups" / "sauvegarde"
    target.parent.mkdir()
    window.backups.export_action.trigger()
    dialog = window.backups.export_dialog
    assert dialog is not None
    dialogs.queue_answers(target)
    dialog.choose_button.click()
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not window.backup_scheduler.busy, timeout=30000)
    written = target.with_name("sauvegarde.mvbackup")
    assert sorted(p.name for p in target.parent.iterdir()) == [written.name]
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets()]
    window.close()
    controller.login_window.close()

    markers = [m for text in (surname, note, pdf_marker) for m in _encodings(text)]
    roots = [tmp_path, Path(tempfile.gettempdir()), *_open_files()]
    roots += [Path(QStandardPaths.writableLocation(loc)) for loc in _LOCATIONS]
    assert _hits(roots, markers, started) == []
    probe = tmp_path / "probe.txt"  # the scan itself finds a marker where there is one
    probe.write_bytes(b"x" + markers[1] + b"x")
    assert _hits([tmp_path], markers, started) == [str(probe)]

    out, err = capfd.readouterr()
    said = "\n".join([captured_logs.getvalue(), out, err, *titles])
    forbidden = [account.password, surname, note, pdf_marker]
    for key in keys:
        forbidden += [key.hex(), base64.b64encode(key).decode()]
    assert [secret for secret in forbidden if secret in said] == []
