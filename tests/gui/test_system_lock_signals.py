"""SystemLockSignals: quiet without a bus; the D-Bus slots lock on the right signals; and, when
dbus-daemon is installed, real signals on a private bus standing in for the desktop's."""

from __future__ import annotations

import itertools
import os
import select
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusUnixFileDescriptor,
    QDBusVirtualObject,
)
from pytestqt.logging import _QtMessageCapture as QtMessages
from pytestqt.qtbot import QtBot

from medvault.gui.system_lock_signals import (
    LOGIN1_MANAGER,
    LOGIN1_PATH,
    LOGIN1_SERVICE,
    LOGIN1_SESSION,
    SLEEP_INHIBITOR,
    LockReason,
    LockSource,
    SystemLockSignals,
    platform_supported,
)

SESSION_PATH = "/org/freedesktop/login1/session/c2"
_names = itertools.count()


def unconnected_bus() -> QDBusConnection:
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", f"absent-{next(_names)}")
    assert not bus.isConnected()
    return bus


def collect(signals: SystemLockSignals) -> list[str]:
    reasons: list[str] = []
    signals.lock_requested.connect(reasons.append)
    return reasons


# -- without any bus ------------------------------------------------------------------------------
def test_without_bus_constructs_silently_and_reports_no_source(
    qtbot: QtBot, qtlog: QtMessages, capfd: pytest.CaptureFixture[str]
) -> None:
    del qtbot
    signals = SystemLockSignals(session_bus=unconnected_bus(), system_bus=unconnected_bus())
    assert signals.available_sources() == ()
    assert qtlog.records == []
    assert capfd.readouterr() == ("", "")


def test_default_buses_never_print(
    qtbot: QtBot, qtlog: QtMessages, capfd: pytest.CaptureFixture[str]
) -> None:
    del qtbot
    signals = SystemLockSignals()
    assert all(isinstance(source, LockSource) for source in signals.available_sources())
    assert qtlog.records == []
    assert capfd.readouterr() == ("", "")


def test_unsupported_platform_reports_no_source(
    qtbot: QtBot, qtlog: QtMessages, capfd: pytest.CaptureFixture[str]
) -> None:
    del qtbot
    assert not platform_supported("darwin")
    assert platform_supported("linux")
    assert platform_supported("win32")
    assert SystemLockSignals(platform="darwin").available_sources() == ()
    # Windows asked for here, where wtsapi32 does not exist: nothing, quietly.
    assert SystemLockSignals(platform="win32").available_sources() == ()
    assert qtlog.records == []
    assert capfd.readouterr() == ("", "")


# -- the slots, called as D-Bus calls them -------------------------------------------------------
def test_screen_saver_becoming_active_locks(qtbot: QtBot) -> None:
    del qtbot
    signals = SystemLockSignals(session_bus=unconnected_bus(), system_bus=unconnected_bus())
    reasons = collect(signals)
    signals._on_screen_saver_active_changed(False)
    assert reasons == []
    signals._on_screen_saver_active_changed(True)
    assert reasons == [LockReason.SCREEN_LOCKED.value]


def test_repeated_active_signal_locks_once_until_it_goes_off(qtbot: QtBot) -> None:
    del qtbot
    signals = SystemLockSignals(session_bus=unconnected_bus(), system_bus=unconnected_bus())
    reasons = collect(signals)
    signals._on_screen_saver_active_changed(True)
    signals._on_screen_saver_active_changed(True)  # same event, second name or path
    assert reasons == ["screen-locked"]
    signals._on_screen_saver_active_changed(False)
    signals._on_screen_saver_active_changed(True)
    assert reasons == ["screen-locked", "screen-locked"]


def test_prepare_for_sleep_locks_only_before_sleeping(qtbot: QtBot) -> None:
    del qtbot
    signals = SystemLockSignals(session_bus=unconnected_bus(), system_bus=unconnected_bus())
    reasons = collect(signals)
    signals._on_login1_prepare_for_sleep(False)  # resuming
    assert reasons == []
    signals._on_login1_prepare_for_sleep(True)
    assert reasons == [LockReason.SLEEP.value]


def test_session_lock_locks(qtbot: QtBot) -> None:
    del qtbot
    signals = SystemLockSignals(session_bus=unconnected_bus(), system_bus=unconnected_bus())
    reasons = collect(signals)
    signals._on_login1_session_lock()
    assert reasons == [LockReason.SESSION_LOCKED.value]


# -- a private bus playing the desktop ---------------------------------------------------------
class FakeLogin1(QDBusVirtualObject):
    """Answers Manager.GetSession like logind, or with an error when `known` is False; and
    Manager.Inhibit with the write end of a pipe when `inhibits` is True (an unknown method
    otherwise): the read end sees end-of-file once every copy of that descriptor is closed."""

    def __init__(self, *, known: bool = True, inhibits: bool = True) -> None:
        super().__init__()
        self.known = known
        self.inhibits = inhibits
        self.asked: list[list[object]] = []
        self.inhibit_calls: list[list[object]] = []
        self._read_ends: list[int] = []

    def introspect(self, path: str) -> str:
        del path
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        if message.interface() != LOGIN1_MANAGER:
            return False
        if message.member() == "Inhibit" and self.inhibits:
            return self._inhibit(message, connection)
        if message.member() != "GetSession":
            return False
        self.asked.append(list(message.arguments()))
        if self.known:
            reply = message.createReply()
            reply.setArguments([QDBusObjectPath(SESSION_PATH)])
        else:
            reply = message.createErrorReply("org.freedesktop.login1.NoSuchSession", "none")
        return connection.send(reply)

    def _inhibit(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        self.inhibit_calls.append(list(message.arguments()))
        read_end, write_end = os.pipe()
        self._read_ends.append(read_end)
        reply = message.createReply()
        reply.setArguments([QDBusUnixFileDescriptor(write_end)])  # Qt sends a copy
        os.close(write_end)
        return connection.send(reply)

    def released(self, index: int) -> bool:
        """Whether the index-th inhibitor handed out has been closed by its holder."""
        readable, _, _ = select.select([self._read_ends[index]], [], [], 0)
        return bool(readable) and os.read(self._read_ends[index], 1) == b""

    def close(self) -> None:
        for read_end in self._read_ends:
            os.close(read_end)


@dataclass
class PrivateBus:
    listener: QDBusConnection
    desktop: QDBusConnection

    def settle(self) -> None:
        """A round trip on the listener's connection: the bus daemon has then handled the
        match rules the listener sent before (they travel without a reply)."""
        assert self.listener.interface().registeredServiceNames().isValid()

    def emit(self, path: str, interface: str, name: str, *arguments: object) -> None:
        signal = QDBusMessage.createSignal(path, interface, name)
        signal.setArguments(list(arguments))
        assert self.desktop.send(signal)


@pytest.fixture
def private_bus(qtbot: QtBot) -> Iterator[PrivateBus]:
    del qtbot
    daemon_path = shutil.which("dbus-daemon")
    if daemon_path is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(  # a private bus: nothing of the user's desktop is touched
        [daemon_path, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        suffix = next(_names)
        listener_name, desktop_name = f"listener-{suffix}", f"desktop-{suffix}"
        bus = PrivateBus(
            QDBusConnection.connectToBus(address, listener_name),
            QDBusConnection.connectToBus(address, desktop_name),
        )
        assert bus.listener.isConnected()
        assert bus.desktop.isConnected()
        yield bus
        QDBusConnection.disconnectFromBus(listener_name)
        QDBusConnection.disconnectFromBus(desktop_name)
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        if daemon.stdout is not None:
            daemon.stdout.close()


def start_desktop(bus: PrivateBus, login1: FakeLogin1) -> None:
    assert bus.desktop.registerService("org.freedesktop.ScreenSaver")
    assert bus.desktop.registerService(LOGIN1_SERVICE)
    assert bus.desktop.registerVirtualObject(LOGIN1_PATH, login1)


def test_real_signals_on_a_private_bus(
    qtbot: QtBot, private_bus: PrivateBus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_SESSION_ID", "c2")
    login1 = FakeLogin1()
    start_desktop(private_bus, login1)
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    assert signals.available_sources() == (
        LockSource.FREEDESKTOP_SCREEN_SAVER,
        LockSource.LOGIN1_SLEEP,
    )
    with qtbot.waitSignal(signals.sources_changed, timeout=5000):
        pass  # the session lookup answered
    private_bus.settle()
    assert login1.asked == [["c2"]]
    assert LockSource.LOGIN1_SESSION_LOCK in signals.available_sources()

    screen_saver = "org.freedesktop.ScreenSaver"
    with qtbot.waitSignal(signals.lock_requested, timeout=5000) as blocker:
        private_bus.emit(f"/{screen_saver.replace('.', '/')}", screen_saver, "ActiveChanged", True)
    assert blocker.args == ["screen-locked"]
    with qtbot.waitSignal(signals.lock_requested, timeout=5000) as blocker:
        private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", True)
    assert blocker.args == ["sleep"]
    with qtbot.waitSignal(signals.lock_requested, timeout=5000) as blocker:
        private_bus.emit(SESSION_PATH, LOGIN1_SESSION, "Lock")
    assert blocker.args == ["session-locked"]


def test_inactive_screen_saver_and_resume_do_not_lock(
    qtbot: QtBot, private_bus: PrivateBus
) -> None:
    login1 = FakeLogin1()  # kept referenced: the bus does not own it
    start_desktop(private_bus, login1)
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    reasons = collect(signals)
    with qtbot.waitSignal(signals.sources_changed, timeout=5000):
        pass
    private_bus.settle()
    private_bus.emit(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", False
    )
    private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", False)
    # A lock that does arrive afterwards proves the two above were delivered and ignored.
    with qtbot.waitSignal(signals.lock_requested, timeout=5000):
        private_bus.emit(SESSION_PATH, LOGIN1_SESSION, "Lock")
    assert reasons == ["session-locked"]


def test_unknown_session_keeps_the_other_sources(
    qtbot: QtBot, qtlog: QtMessages, private_bus: PrivateBus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    login1 = FakeLogin1(known=False)
    start_desktop(private_bus, login1)
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    qtbot.waitUntil(lambda: login1.asked == [["auto"]], timeout=5000)
    private_bus.settle()
    with qtbot.waitSignal(signals.lock_requested, timeout=5000) as blocker:
        private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", True)
    assert blocker.args == ["sleep"]
    assert LockSource.LOGIN1_SESSION_LOCK not in signals.available_sources()
    assert qtlog.records == []  # the error reply reached its slot quietly


def test_services_absent_from_the_bus_are_not_reported(
    qtbot: QtBot, private_bus: PrivateBus
) -> None:
    del qtbot
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    assert signals.available_sources() == ()


# -- the sleep delay (logind's "delay" inhibitor) --------------------------------------------------
@pytest.fixture
def login1(private_bus: PrivateBus) -> Iterator[FakeLogin1]:
    fake = FakeLogin1()
    start_desktop(private_bus, fake)
    yield fake
    fake.close()


def open_session(qtbot: QtBot, signals: SystemLockSignals, login1: FakeLogin1) -> None:
    calls = len(login1.inhibit_calls)
    signals.session_opened()
    qtbot.waitUntil(lambda: signals.holds_sleep_delay, timeout=5000)
    assert len(login1.inhibit_calls) == calls + 1
    assert not login1.released(calls)


def test_sleep_delay_held_while_a_session_is_open_and_released_by_the_lock(
    qtbot: QtBot, private_bus: PrivateBus, login1: FakeLogin1
) -> None:
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    assert not signals.holds_sleep_delay  # no session yet: suspend is not held back
    # The controller: MainWindow.lock is synchronous, then it reports the session locked.
    held_during_lock: list[bool] = []

    def lock(reason: str) -> None:
        held_during_lock.append(signals.holds_sleep_delay and not login1.released(0))
        signals.session_locked()

    signals.lock_requested.connect(lock)
    open_session(qtbot, signals, login1)
    assert login1.inhibit_calls == [list(SLEEP_INHIBITOR)]

    with qtbot.waitSignal(signals.lock_requested, timeout=5000):
        private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", True)
    assert held_during_lock == [True]  # logind was still waiting while the vault locked
    assert not signals.holds_sleep_delay
    assert login1.released(0)

    # Resumed on the lock screen: no session, so suspend is not held back again...
    with qtbot.waitSignal(signals.lock_requested, timeout=5000):
        private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", False)
        private_bus.emit(SESSION_PATH, LOGIN1_SESSION, "Lock")  # proves the resume arrived
    assert not signals._inhibit_pending  # no Inhibit call went out
    assert len(login1.inhibit_calls) == 1
    # ...until the next unlock.
    open_session(qtbot, signals, login1)
    signals.session_locked()
    assert login1.released(1)


def test_a_lock_that_waits_keeps_the_delay_until_it_is_done(
    qtbot: QtBot, private_bus: PrivateBus, login1: FakeLogin1
) -> None:
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    open_session(qtbot, signals, login1)
    with qtbot.waitSignal(signals.lock_requested, timeout=5000):  # a backup still running
        private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", True)
    assert signals.holds_sleep_delay
    assert not login1.released(0)
    # Resumed before the lock was done: the same delay still holds, none is added.
    with qtbot.waitSignal(signals.lock_requested, timeout=5000):
        private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", False)
        private_bus.emit(SESSION_PATH, LOGIN1_SESSION, "Lock")  # proves the resume arrived
    assert len(login1.inhibit_calls) == 1
    signals.session_locked()
    assert login1.released(0)


def test_a_session_opened_during_suspend_takes_the_delay_on_resume(
    qtbot: QtBot, private_bus: PrivateBus, login1: FakeLogin1
) -> None:
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    reasons = collect(signals)
    with qtbot.waitSignal(signals.lock_requested, timeout=5000):
        private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", True)
    signals.session_opened()  # too late for this suspend
    assert not signals._inhibit_pending  # logind was not asked
    private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", False)
    qtbot.waitUntil(lambda: signals.holds_sleep_delay, timeout=5000)
    assert login1.inhibit_calls == [list(SLEEP_INHIBITOR)]
    assert reasons == ["sleep"]
    signals.session_locked()
    assert login1.released(0)


def test_locked_while_logind_answers_closes_the_granted_delay(
    qtbot: QtBot, private_bus: PrivateBus, login1: FakeLogin1
) -> None:
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    signals.session_opened()
    signals.session_locked()  # before the reply came back
    qtbot.waitUntil(lambda: len(login1.inhibit_calls) == 1, timeout=5000)
    qtbot.waitUntil(lambda: login1.released(0), timeout=5000)
    assert not signals.holds_sleep_delay


def test_the_delay_goes_with_the_object(
    qtbot: QtBot, private_bus: PrivateBus, login1: FakeLogin1
) -> None:
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    open_session(qtbot, signals, login1)
    with qtbot.waitSignal(signals.destroyed, timeout=5000):
        signals.deleteLater()
    assert login1.released(0)


def test_without_inhibit_support_sessions_still_lock_on_sleep(
    qtbot: QtBot, qtlog: QtMessages, private_bus: PrivateBus
) -> None:
    login1 = FakeLogin1(inhibits=False)  # an older logind, or one that refuses
    start_desktop(private_bus, login1)
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    signals.session_opened()
    qtbot.waitUntil(lambda: not signals._inhibit_pending, timeout=5000)
    assert not signals.holds_sleep_delay
    with qtbot.waitSignal(signals.lock_requested, timeout=5000) as blocker:
        private_bus.emit(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", True)
    assert blocker.args == ["sleep"]
    assert qtlog.records == []


def test_without_logind_a_session_holds_nothing(qtbot: QtBot, private_bus: PrivateBus) -> None:
    del qtbot
    signals = SystemLockSignals(session_bus=private_bus.listener, system_bus=private_bus.listener)
    signals.session_opened()
    assert not signals._inhibit_pending  # nobody was asked
    assert not signals.holds_sleep_delay
    signals.session_locked()
