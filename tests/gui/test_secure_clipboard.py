"""SecureClipboard against the real QClipboard of the offscreen platform (in-process, but it
holds MIME data, reports text and emits dataChanged like the desktop ones)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from medvault.gui.secure_clipboard import (
    CLEAR_AFTER_MS,
    HISTORY_HINT_FORMAT,
    MAC_CONCEALED_TYPE,
    SecureClipboard,
    secret_mime_data,
)

NIR = "2 84 05 75 114 032 61"
SHORT_MS = 50


@pytest.fixture
def clipboard(qtbot: QtBot) -> Iterator[QClipboard]:
    del qtbot  # makes sure the QApplication exists
    board = QGuiApplication.clipboard()
    board.clear(QClipboard.Mode.Clipboard)
    yield board
    board.clear(QClipboard.Mode.Clipboard)


def make(clipboard: QClipboard, platform: str = sys.platform) -> SecureClipboard:
    return SecureClipboard(clipboard, clear_after_ms=SHORT_MS, platform=platform)


def test_copy_puts_text_marked_secret_for_history_tools(clipboard: QClipboard) -> None:
    make(clipboard, platform="linux").copy(NIR)
    assert clipboard.text() == NIR
    mime = clipboard.mimeData()
    assert mime is not None
    assert bytes(mime.data(HISTORY_HINT_FORMAT).data()) == b"secret"


def test_windows_formats_keep_the_value_out_of_history_and_cloud() -> None:
    mime = secret_mime_data(NIR, platform="win32")
    formats = {name: bytes(mime.data(name).data()) for name in mime.formats()}
    prefix = 'application/x-qt-windows-mime;value="'
    assert formats[f'{prefix}CanIncludeInClipboardHistory"'] == b"\x00\x00\x00\x00"
    assert formats[f'{prefix}CanUploadToCloudClipboard"'] == b"\x00\x00\x00\x00"
    assert f'{prefix}ExcludeClipboardContentFromMonitorProcessing"' in formats
    assert formats[HISTORY_HINT_FORMAT] == b"secret"
    assert mime.text() == NIR


def test_platform_specific_marks_stay_on_their_platform() -> None:
    linux = secret_mime_data(NIR, platform="linux").formats()
    assert not any("x-qt-windows-mime" in name for name in linux)
    assert MAC_CONCEALED_TYPE not in linux
    assert MAC_CONCEALED_TYPE in secret_mime_data(NIR, platform="darwin").formats()


def test_clears_after_the_delay_when_still_ours(qtbot: QtBot, clipboard: QClipboard) -> None:
    secure = make(clipboard)
    with qtbot.waitSignal(secure.cleared, timeout=2000):
        secure.copy(NIR)
    assert clipboard.text() == ""
    assert not secure.holds_ours()


def test_leaves_what_the_user_copied_since(qtbot: QtBot, clipboard: QClipboard) -> None:
    secure = make(clipboard)
    emitted: list[bool] = []
    secure.cleared.connect(lambda: emitted.append(True))
    secure.copy(NIR)
    clipboard.setText("compte rendu à relire")
    assert not secure.holds_ours()
    qtbot.waitUntil(lambda: not secure._timer.isActive(), timeout=2000)
    assert clipboard.text() == "compte rendu à relire"
    assert emitted == []


def test_clear_if_ours_clears_at_once_and_stops_the_timer(clipboard: QClipboard) -> None:
    secure = SecureClipboard(clipboard)  # the default delay: only clear_if_ours can clear
    assert secure.clear_after_ms == CLEAR_AFTER_MS
    secure.copy(NIR)
    assert secure.holds_ours()
    assert secure.clear_if_ours() is True
    assert clipboard.text() == ""
    assert not secure._timer.isActive()
    assert secure.clear_if_ours() is False  # nothing of ours left


def test_clear_if_ours_spares_other_content(clipboard: QClipboard) -> None:
    secure = make(clipboard)
    secure.copy(NIR)
    clipboard.setText("autre chose")
    assert secure.clear_if_ours() is False
    assert clipboard.text() == "autre chose"


def test_clear_if_ours_before_any_copy_touches_nothing(clipboard: QClipboard) -> None:
    clipboard.setText("déjà là")
    assert make(clipboard).clear_if_ours() is False
    assert clipboard.text() == "déjà là"


def test_a_new_copy_restarts_the_delay_and_replaces_the_value(clipboard: QClipboard) -> None:
    secure = SecureClipboard(clipboard)
    secure.copy(NIR)
    secure.copy("06 12 34 56 78")
    assert clipboard.text() == "06 12 34 56 78"
    assert secure._timer.isActive()
    assert secure.clear_if_ours() is True
    assert clipboard.text() == ""


def test_keeps_no_copy_of_the_text(clipboard: QClipboard) -> None:
    secure = make(clipboard)
    secure.copy(NIR)
    assert all(NIR not in repr(value) for value in vars(secure).values())


def test_a_copy_from_any_medvault_field_is_protected_the_same_way(
    qtbot: QtBot, clipboard: QClipboard
) -> None:
    secure = make(clipboard, platform="linux")
    secure.watch_application_copies()
    field = QLineEdit("Quenouillard Aurèle")
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(field.isActiveWindow)
    field.selectAll()
    field.copy()  # Ctrl+C in a patient file
    mime = clipboard.mimeData()
    assert mime is not None and bytes(mime.data(HISTORY_HINT_FORMAT).data()) == b"secret"
    assert clipboard.text() == "Quenouillard Aurèle"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=SHORT_MS * 20)
