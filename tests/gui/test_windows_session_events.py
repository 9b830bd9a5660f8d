"""Windows session notifications, run here with MSG structures built by ctypes and a stand-in
for wtsapi32: the decoding, the filter's dispatch, registration and its undoing."""

from __future__ import annotations

import ctypes
from ctypes import wintypes

import pytest
import shiboken6
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication
from pytestqt.logging import _QtMessageCapture as QtMessages
from pytestqt.qtbot import QtBot

from medvault.gui.system_lock_signals import LockReason, LockSource, SystemLockSignals
from medvault.gui.windows_session_events import (
    PBT_APMSUSPEND,
    WINDOWS_MESSAGE_EVENT,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_CONSOLE_DISCONNECT,
    WTS_REMOTE_DISCONNECT,
    WTS_SESSION_LOCK,
    SessionMessageFilter,
    WindowsSessionEvents,
    lock_reason_for,
)

WM_PAINT = 0x000F
WTS_CONSOLE_CONNECT = 1
WTS_SESSION_UNLOCK = 8
PBT_APMRESUMEAUTOMATIC = 0x12
HWND = 0x5150


class FakeWtsApi:
    def __init__(self, *, accepts: bool = True) -> None:
        self.accepts = accepts
        self.registered: list[int] = []
        self.unregistered: list[int] = []

    def register(self, hwnd: int) -> bool:
        self.registered.append(hwnd)
        return self.accepts

    def unregister(self, hwnd: int) -> None:
        self.unregistered.append(hwnd)


def send(
    event_filter: SessionMessageFilter,
    message: int,
    wparam: int,
    *,
    hwnd: int = HWND,
    event_type: bytes = WINDOWS_MESSAGE_EVENT,
) -> object:
    """What Qt does on Windows: the filter gets the address of a MSG."""
    msg = wintypes.MSG(hwnd, message, wparam, 0, 0)
    return event_filter.nativeEventFilter(QByteArray(event_type), ctypes.addressof(msg))


@pytest.mark.parametrize(
    ("message", "wparam", "expected"),
    [
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, LockReason.SESSION_LOCKED),
        (WM_WTSSESSION_CHANGE, WTS_CONSOLE_DISCONNECT, LockReason.SESSION_LOCKED),
        (WM_WTSSESSION_CHANGE, WTS_REMOTE_DISCONNECT, LockReason.SESSION_LOCKED),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, None),
        (WM_WTSSESSION_CHANGE, WTS_CONSOLE_CONNECT, None),
        (WM_POWERBROADCAST, PBT_APMSUSPEND, LockReason.SLEEP),
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, None),
        (WM_PAINT, WTS_SESSION_LOCK, None),
        (WM_PAINT, PBT_APMSUSPEND, None),
    ],
)
def test_lock_reason_for_window_messages(
    message: int, wparam: int, expected: LockReason | None
) -> None:
    assert lock_reason_for(message, wparam) == expected


def test_filter_reports_locks_sent_to_its_window_and_never_swallows(qtbot: QtBot) -> None:
    del qtbot
    reasons: list[str] = []
    event_filter = SessionMessageFilter(HWND, reasons.append)
    assert send(event_filter, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK) == (False, 0)
    assert send(event_filter, WM_POWERBROADCAST, PBT_APMSUSPEND) == (False, 0)
    assert send(event_filter, WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK) == (False, 0)
    assert reasons == ["session-locked", "sleep"]


def test_filter_ignores_other_windows_other_event_types_and_null(qtbot: QtBot) -> None:
    del qtbot
    reasons: list[str] = []
    event_filter = SessionMessageFilter(HWND, reasons.append)
    # The same broadcast reaches every top-level window: counted once, at ours.
    assert send(event_filter, WM_POWERBROADCAST, PBT_APMSUSPEND, hwnd=HWND + 8) == (False, 0)
    dispatcher = b"windows_dispatcher_MSG"
    assert send(event_filter, WM_POWERBROADCAST, PBT_APMSUSPEND, event_type=dispatcher) == (
        False,
        0,
    )
    assert event_filter.nativeEventFilter(b"xcb_generic_event_t", 0) == (False, 0)
    assert event_filter.nativeEventFilter(WINDOWS_MESSAGE_EVENT, 0) == (False, 0)
    assert reasons == []


def test_filter_takes_the_pointer_as_a_void_pointer_too(qtbot: QtBot) -> None:
    del qtbot
    reasons: list[str] = []
    event_filter = SessionMessageFilter(HWND, reasons.append)
    msg = wintypes.MSG(HWND, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, 0, 0)
    pointer = shiboken6.VoidPtr(ctypes.addressof(msg))
    event_filter.nativeEventFilter(WINDOWS_MESSAGE_EVENT, pointer)  # type: ignore[arg-type]
    assert reasons == ["session-locked"]


def test_registered_window_reports_its_locks_through_system_lock_signals(qtbot: QtBot) -> None:
    api = FakeWtsApi()
    signals = SystemLockSignals(platform="win32", windows_notifications=api)
    hidden = [w for w in QApplication.topLevelWidgets() if w.internalWinId() == api.registered[0]]
    assert len(hidden) == 1
    assert not hidden[0].isVisible()
    assert signals.available_sources() == (LockSource.WINDOWS_SESSION, LockSource.WINDOWS_SUSPEND)
    assert len(api.registered) == 1
    assert api.registered[0] != 0
    events = signals.findChild(WindowsSessionEvents)
    assert events is not None
    assert events.message_filter is not None
    with qtbot.waitSignal(signals.lock_requested, timeout=1000) as blocker:
        send(events.message_filter, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, hwnd=api.registered[0])
    assert blocker.args == ["session-locked"]
    with qtbot.waitSignal(signals.destroyed, timeout=5000):
        signals.deleteLater()
    assert api.unregistered == api.registered
    qtbot.waitUntil(lambda: not shiboken6.isValid(hidden[0]), timeout=5000)  # window gone


def test_refused_registration_keeps_suspend_and_is_not_undone(qtbot: QtBot) -> None:
    api = FakeWtsApi(accepts=False)
    signals = SystemLockSignals(platform="win32", windows_notifications=api)
    assert signals.available_sources() == (LockSource.WINDOWS_SUSPEND,)
    with qtbot.waitSignal(signals.destroyed, timeout=5000):
        signals.deleteLater()
    assert api.unregistered == []


def test_without_wtsapi_nothing_is_registered_quietly(
    qtbot: QtBot, qtlog: QtMessages, capfd: pytest.CaptureFixture[str]
) -> None:
    del qtbot
    events = WindowsSessionEvents()  # not Windows: no wtsapi32
    assert not events.session_registered
    assert not events.filter_installed
    assert qtlog.records == []
    assert capfd.readouterr() == ("", "")
