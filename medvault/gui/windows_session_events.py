"""Windows: the session was locked or disconnected, or the machine is suspending.

Windows tells a window, not a process: `WTSRegisterSessionNotification` sends
`WM_WTSSESSION_CHANGE` to one registered window (hence a dedicated hidden top-level widget
that lives as long as its owner), and `WM_POWERBROADCAST` reaches every top-level window. Qt
hands those messages to native event filters as "windows_generic_MSG"; the filter reads the
MSG structure, keeps only the messages addressed to the hidden window (a broadcast would
otherwise count once per open window) and never swallows anything.

Everything that calls into Windows is behind `sys.platform == "win32"`; the decoding is plain
Python, tested anywhere with MSG structures built by ctypes."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from ctypes import wintypes
from functools import partial
from typing import Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from medvault.gui.system_lock_signals import LockReason

WINDOWS_MESSAGE_EVENT = b"windows_generic_MSG"
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 2
WTS_REMOTE_DISCONNECT = 4
WTS_SESSION_LOCK = 7
PBT_APMSUSPEND = 4
NOTIFY_FOR_THIS_SESSION = 0

# The session changes that leave the desk: locked, or the console/remote user went away
# (switching user disconnects the console session).
_SESSION_LOCKS = frozenset({WTS_SESSION_LOCK, WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT})


def lock_reason_for(message: int, wparam: int) -> LockReason | None:
    """The lock a window message asks for, if any."""
    if message == WM_WTSSESSION_CHANGE and wparam in _SESSION_LOCKS:
        return LockReason.SESSION_LOCKED
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return LockReason.SLEEP
    return None


class SessionNotifications(Protocol):
    """WTSRegisterSessionNotification and its undoing, for one window handle."""

    def register(self, hwnd: int) -> bool: ...

    def unregister(self, hwnd: int) -> None: ...


class SessionMessageFilter(QAbstractNativeEventFilter):
    """Calls `on_lock(reason)` for the lock messages sent to the window `hwnd`."""

    def __init__(self, hwnd: int, on_lock: Callable[[str], object]) -> None:
        super().__init__()
        self._hwnd = hwnd
        self._on_lock = on_lock

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        # PySide reads (filtered, result); False lets Qt and the window see every message.
        address = int(message)  # an int, or a shiboken VoidPtr in some PySide versions
        if _event_name(event_type) == WINDOWS_MESSAGE_EVENT and address:
            msg = wintypes.MSG.from_address(address)
            if (msg.hWnd or 0) == self._hwnd:
                reason = lock_reason_for(msg.message, msg.wParam)
                if reason is not None:
                    self._on_lock(reason.value)
        return (False, 0)


def _event_name(event_type: QByteArray | bytes | bytearray | memoryview) -> bytes:
    return bytes(event_type.data() if isinstance(event_type, QByteArray) else event_type)


class WindowsSessionEvents(QObject):
    """Emits `lock_requested(reason)` for Windows session locks, disconnects and suspend.

    `notifications` defaults to wtsapi32 on Windows; elsewhere nothing is registered unless
    one is given (tests)."""

    lock_requested = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, notifications: SessionNotifications | None = None
    ) -> None:
        super().__init__(parent)
        self.session_registered = False
        self.filter_installed = False
        self.message_filter: SessionMessageFilter | None = None
        api = notifications if notifications is not None else _wtsapi()
        application = QCoreApplication.instance()
        if api is None or application is None:
            return
        # Never shown: a native top-level window only to be the notifications' addressee.
        window = QWidget()
        hwnd = int(window.winId())
        event_filter = self.message_filter = SessionMessageFilter(hwnd, self.lock_requested.emit)
        application.installNativeEventFilter(event_filter)
        self.filter_installed = True
        self.session_registered = api.register(hwnd)
        # The release holds the window and the filter: they live exactly as long as this object.
        self.destroyed.connect(
            partial(_release, api, hwnd, window, event_filter, self.session_registered)
        )


def _release(
    api: SessionNotifications,
    hwnd: int,
    window: QWidget,
    event_filter: SessionMessageFilter,
    registered: bool,
    *_destroyed: object,
) -> None:
    application = QCoreApplication.instance()
    if application is not None:
        application.removeNativeEventFilter(event_filter)
    if registered:
        api.unregister(hwnd)
    window.deleteLater()


def _wtsapi() -> SessionNotifications | None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _WtsApi()
    return None


if sys.platform == "win32":  # pragma: no cover - Windows only

    class _WtsApi:
        def __init__(self) -> None:
            wtsapi32 = ctypes.WinDLL("wtsapi32", use_last_error=True)
            self._register = wtsapi32.WTSRegisterSessionNotification
            self._register.argtypes = (wintypes.HWND, wintypes.DWORD)
            self._register.restype = wintypes.BOOL
            self._unregister = wtsapi32.WTSUnRegisterSessionNotification
            self._unregister.argtypes = (wintypes.HWND,)
            self._unregister.restype = wintypes.BOOL

        def register(self, hwnd: int) -> bool:
            # Fails quietly (False) e.g. when the terminal services are not running yet.
            return bool(self._register(hwnd, NOTIFY_FOR_THIS_SESSION))

        def unregister(self, hwnd: int) -> None:
            self._unregister(hwnd)
