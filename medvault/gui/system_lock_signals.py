"""What the desktop says that should lock the vault at once: the screen locker came on, the
login session was locked, or the machine is about to sleep.

On Linux these come over D-Bus: the screen savers' `ActiveChanged(bool)` on the session bus
(freedesktop, GNOME, KDE, Xfce), and logind on the system bus — `PrepareForSleep(bool)` on
the manager, `Lock` on this process's session (what `loginctl lock-session` sends; desktops
also lock that way before switching user). Where a bus or a service is missing, nothing is
connected and nothing is printed: the inactivity timer still locks.

logind waits before suspending only for the applications holding a "delay" inhibitor: while a
vault session is open (`session_opened()` … `session_locked()`) one is held, so the lock is
done before the machine sleeps, not racing it; it is released as soon as the session is
locked, and taken again on resume if a session is still open.

On Windows the session notifications and suspend come from `windows_session_events`; other
platforms (macOS) report no source."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection, QDBusError, QDBusMessage

    from medvault.gui.windows_session_events import SessionNotifications

# QtDBus connects by slot signature, in the SLOT() form.
_SCREEN_SAVER_SLOT = SLOT("_on_screen_saver_active_changed(bool)")
_SLEEP_SLOT = SLOT("_on_login1_prepare_for_sleep(bool)")
_SESSION_LOCK_SLOT = SLOT("_on_login1_session_lock()")
_SESSION_FOUND_SLOT = SLOT("_on_login1_session_found(QDBusMessage)")
_SESSION_MISSING_SLOT = SLOT("_on_login1_session_missing(QDBusError)")
_INHIBIT_GRANTED_SLOT = SLOT("_on_login1_inhibit_granted(QDBusMessage)")
_INHIBIT_REFUSED_SLOT = SLOT("_on_login1_inhibit_refused(QDBusError)")

LOGIN1_SERVICE = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
LOGIN1_SESSION = "org.freedesktop.login1.Session"
# logind answers within milliseconds; a hung one must not hold the lookup forever.
SESSION_LOOKUP_TIMEOUT_MS = 5_000
# Manager.Inhibit(what, who, why, mode): shown by `systemd-inhibit --list`.
SLEEP_INHIBITOR = ("sleep", "medvault", "Verrouiller le coffre avant la mise en veille", "delay")


class LockReason(StrEnum):
    """Why the platform asked for a lock; sent as the plain string value."""

    SCREEN_LOCKED = "screen-locked"
    SESSION_LOCKED = "session-locked"
    SLEEP = "sleep"


class LockSource(StrEnum):
    """A platform source that can ask for a lock (shown on the settings/about screen)."""

    FREEDESKTOP_SCREEN_SAVER = "org.freedesktop.ScreenSaver"
    GNOME_SCREEN_SAVER = "org.gnome.ScreenSaver"
    KDE_SCREEN_SAVER = "org.kde.screensaver"
    XFCE_SCREEN_SAVER = "org.xfce.ScreenSaver"
    LOGIN1_SLEEP = "org.freedesktop.login1.Manager.PrepareForSleep"
    LOGIN1_SESSION_LOCK = "org.freedesktop.login1.Session.Lock"
    WINDOWS_SESSION = "windows-session"
    WINDOWS_SUSPEND = "windows-suspend"


@dataclass(frozen=True)
class _ScreenSaver:
    source: LockSource
    service: str
    paths: tuple[str, ...]
    interface: str


# KDE answers on both paths and under two names: the same event can arrive several times,
# hence the state kept in _on_screen_saver_active_changed.
SCREEN_SAVERS = (
    _ScreenSaver(
        LockSource.FREEDESKTOP_SCREEN_SAVER,
        "org.freedesktop.ScreenSaver",
        ("/org/freedesktop/ScreenSaver", "/ScreenSaver"),
        "org.freedesktop.ScreenSaver",
    ),
    _ScreenSaver(
        LockSource.GNOME_SCREEN_SAVER,
        "org.gnome.ScreenSaver",
        ("/org/gnome/ScreenSaver",),
        "org.gnome.ScreenSaver",
    ),
    _ScreenSaver(
        LockSource.KDE_SCREEN_SAVER,
        "org.kde.screensaver",
        ("/ScreenSaver",),
        "org.freedesktop.ScreenSaver",
    ),
    _ScreenSaver(
        LockSource.XFCE_SCREEN_SAVER,
        "org.xfce.ScreenSaver",
        ("/org/xfce/ScreenSaver",),
        "org.xfce.ScreenSaver",
    ),
)


def platform_supported(platform: str = sys.platform) -> bool:
    return platform == "win32" or _uses_dbus(platform)


def _uses_dbus(platform: str) -> bool:
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


class SystemLockSignals(QObject):
    """Emits `lock_requested(reason)` (a LockReason value) when the platform locks the screen
    or the session, or prepares to sleep; `sources_changed` when a source is connected after
    construction (this process's logind session is looked up asynchronously).

    The buses can be given (tests use a private bus); by default the user's session bus and
    the system bus. On Windows, `windows_notifications` stands in for wtsapi32 (tests)."""

    lock_requested = Signal(str)
    sources_changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        platform: str = sys.platform,
        windows_notifications: SessionNotifications | None = None,
    ) -> None:
        super().__init__(parent)
        self._sources: list[LockSource] = []
        self._screen_saver_active = False
        self._system_bus: QDBusConnection | None = None
        self._inhibit_bus: QDBusConnection | None = None  # logind, able to pass an fd
        self._session_open = False
        self._preparing_for_sleep = False
        self._inhibit_pending = False
        self._sleep_delay = _HeldDescriptor()
        # Closed with this object at the latest, never left to the process exit.
        self.destroyed.connect(self._sleep_delay.release)
        if platform == "win32" or windows_notifications is not None:
            self._connect_windows(windows_notifications)
        if not _uses_dbus(platform):
            return
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus
            return
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        if session.isConnected():
            self._connect_screen_savers(session)
        if system.isConnected():
            self._system_bus = system
            self._connect_login1(system)

    def available_sources(self) -> tuple[LockSource, ...]:
        """The sources connected to a running service, in a stable order."""
        return tuple(source for source in LockSource if source in self._sources)

    # -- the vault session, for the sleep delay -------------------------------------------------
    def session_opened(self) -> None:
        """A vault session is open: hold back suspend until it is locked (a no-op without
        logind)."""
        self._session_open = True
        self._take_sleep_delay()

    def session_locked(self) -> None:
        """The session is locked (or closed): suspend may go ahead."""
        self._session_open = False
        self._sleep_delay.release()

    @property
    def holds_sleep_delay(self) -> bool:
        return self._sleep_delay.held

    def _take_sleep_delay(self) -> None:
        bus = self._inhibit_bus
        if bus is None or self._sleep_delay.held or self._inhibit_pending:
            return
        if self._preparing_for_sleep:
            return  # too late to delay this suspend; taken again on resume
        from PySide6.QtDBus import QDBusMessage  # there since there is a bus

        call = QDBusMessage.createMethodCall(LOGIN1_SERVICE, LOGIN1_PATH, LOGIN1_MANAGER, "Inhibit")
        call.setArguments(list(SLEEP_INHIBITOR))
        self._inhibit_pending = bus.callWithCallback(  # type: ignore[call-overload]
            call, self, _INHIBIT_GRANTED_SLOT, _INHIBIT_REFUSED_SLOT, SESSION_LOOKUP_TIMEOUT_MS
        )

    # -- connecting -----------------------------------------------------------------------------
    def _connect_screen_savers(self, bus: QDBusConnection) -> None:
        # Connected whether or not the service runs now (a screen locker may start later);
        # reported only when it does.
        running = _registered_names(bus)
        for saver in SCREEN_SAVERS:
            connected = [
                _connect(
                    bus,
                    _DBusSignal(saver.service, path, saver.interface, "ActiveChanged"),
                    self,
                    _SCREEN_SAVER_SLOT,
                )
                for path in saver.paths
            ]
            if any(connected) and saver.service in running:
                self._sources.append(saver.source)

    def _connect_windows(self, notifications: SessionNotifications | None) -> None:
        from medvault.gui.windows_session_events import WindowsSessionEvents

        events = WindowsSessionEvents(self, notifications=notifications)
        events.lock_requested.connect(self.lock_requested)
        if events.session_registered:
            self._sources.append(LockSource.WINDOWS_SESSION)
        if events.filter_installed:
            self._sources.append(LockSource.WINDOWS_SUSPEND)

    def _connect_login1(self, bus: QDBusConnection) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusMessage

        sleep = _DBusSignal(LOGIN1_SERVICE, LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep")
        connected = _connect(bus, sleep, self, _SLEEP_SLOT)
        if not connected or LOGIN1_SERVICE not in _registered_names(bus):
            return  # no logind (a container, a system without systemd): no session to find
        self._sources.append(LockSource.LOGIN1_SLEEP)
        fd_passing = QDBusConnection.ConnectionCapability.UnixFileDescriptorPassing
        if bus.connectionCapabilities() & fd_passing:
            self._inhibit_bus = bus
        # "auto" is the caller's own session, for a process started without XDG_SESSION_ID.
        session_id = os.environ.get("XDG_SESSION_ID") or "auto"
        call = QDBusMessage.createMethodCall(
            LOGIN1_SERVICE, LOGIN1_PATH, LOGIN1_MANAGER, "GetSession"
        )
        call.setArguments([session_id])
        bus.callWithCallback(  # type: ignore[call-overload]  # see _connect
            call, self, _SESSION_FOUND_SLOT, _SESSION_MISSING_SLOT, SESSION_LOOKUP_TIMEOUT_MS
        )

    # -- D-Bus slots ----------------------------------------------------------------------------
    @Slot(bool)
    def _on_screen_saver_active_changed(self, active: bool) -> None:
        # Only the change to active counts: a repeat of the same event is not a new lock.
        was_active, self._screen_saver_active = self._screen_saver_active, active
        if active and not was_active:
            self.lock_requested.emit(LockReason.SCREEN_LOCKED.value)

    @Slot(bool)
    def _on_login1_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        self._preparing_for_sleep = going_to_sleep
        if not going_to_sleep:  # resumed
            if self._session_open:
                self._take_sleep_delay()
            return
        # A lock done at once (the usual case) reports session_locked() from within this
        # emit: the delay is already released below. A lock that has to wait (a dialog being
        # cancelled, a backup finishing) keeps it until it is done; logind waits at most
        # InhibitDelayMaxSec (5 s by default) anyway.
        self.lock_requested.emit(LockReason.SLEEP.value)
        if not self._session_open:
            self._sleep_delay.release()  # nothing to lock

    @Slot("QDBusMessage")
    def _on_login1_inhibit_granted(self, reply: QDBusMessage) -> None:
        self._inhibit_pending = False
        descriptor = _duplicate_descriptor(reply)
        if descriptor is None:
            return
        self._sleep_delay.hold(descriptor)
        if not self._session_open:  # locked while logind was answering
            self._sleep_delay.release()

    @Slot("QDBusError")
    def _on_login1_inhibit_refused(self, error: QDBusError) -> None:
        # Refused by policy or not implemented: the lock still comes on PrepareForSleep.
        del error
        self._inhibit_pending = False

    @Slot()
    def _on_login1_session_lock(self) -> None:
        self.lock_requested.emit(LockReason.SESSION_LOCKED.value)

    @Slot("QDBusMessage")
    def _on_login1_session_found(self, reply: QDBusMessage) -> None:
        path = _object_path(reply)
        bus = self._system_bus
        if path is None or bus is None:
            return
        lock = _DBusSignal(LOGIN1_SERVICE, path, LOGIN1_SESSION, "Lock")
        if _connect(bus, lock, self, _SESSION_LOCK_SLOT):
            self._sources.append(LockSource.LOGIN1_SESSION_LOCK)
            self.sources_changed.emit()

    @Slot("QDBusError")
    def _on_login1_session_missing(self, error: QDBusError) -> None:
        # Not in a logind session (e.g. started from a service): sleep and screen locks
        # still reach us; nothing to report.
        del error


@dataclass(frozen=True)
class _DBusSignal:
    service: str
    path: str
    interface: str
    name: str


def _connect(bus: QDBusConnection, signal: _DBusSignal, receiver: QObject, slot: str) -> bool:
    """Connect a D-Bus signal to a slot. The stubs type the slot as bytes, but PySide only
    accepts the str that SLOT() returns."""
    connected: bool = bus.connect(  # type: ignore[call-overload]
        signal.service, signal.path, signal.interface, signal.name, receiver, slot
    )
    return connected


class _HeldDescriptor:
    """The inhibitor's file descriptor: logind keeps the delay while it is open."""

    def __init__(self) -> None:
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def hold(self, fd: int) -> None:
        self.release()
        self._fd = fd

    def release(self, *_destroyed: object) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


def _duplicate_descriptor(reply: QDBusMessage) -> int | None:
    """Our own copy of the descriptor in Inhibit's reply (Qt closes its copy with the message);
    os.dup makes it non-inheritable, so no child process keeps suspend waiting."""
    from PySide6.QtDBus import QDBusUnixFileDescriptor

    arguments = reply.arguments()
    first = arguments[0] if arguments else None
    if not isinstance(first, QDBusUnixFileDescriptor) or not first.isValid():
        return None
    return os.dup(first.fileDescriptor())


def _registered_names(bus: QDBusConnection) -> set[str]:
    """The names currently owned on the bus (one call to the bus daemon)."""
    reply = bus.interface().registeredServiceNames()
    if not reply.isValid():
        return set()
    return {str(name) for name in reply.value()}


def _object_path(reply: QDBusMessage) -> str | None:
    arguments = reply.arguments()
    if not arguments:
        return None
    first = arguments[0]
    path = first.path() if hasattr(first, "path") else first
    return path if isinstance(path, str) and path.startswith("/") else None
