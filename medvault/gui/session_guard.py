"""When to lock an open session by itself, and what to keep when it does.

The reasons: no input for the practice's delay (one per role, kept in the vault), the window
minimised when the practice asks for it, or the system saying the screen locked or the machine
is going to sleep. Before the keys go, unsaved edits of the open files are kept as encrypted
drafts for the same user."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog

from medvault.core.errors import KnownError
from medvault.core.session_lock import LockDelays
from medvault.gui.editor_drafts import PendingDraft, save_pending_draft
from medvault.gui.idle_lock import IdleLock
from medvault.services import lock_settings
from medvault.services.session import Session

log = logging.getLogger(__name__)
MINUTE_MS = 60_000
MAX_MODAL_RETRIES = 20


def cancel_modal_dialogs() -> bool:
    """Cancel every open modal dialog; whether there was one."""
    cancelled: list[QDialog] = []
    # A dialog refusing to close (its reject overridden) is tried once, never in a loop.
    while isinstance(modal := QApplication.activeModalWidget(), QDialog) and all(
        modal is not seen for seen in cancelled
    ):
        cancelled.append(modal)
        modal.reject()
    return bool(cancelled)


class SessionGuard(QObject):
    """`lock_requested(reason)`: "idle", "minimised" or "system"."""

    lock_requested = Signal(str)

    def __init__(
        self, session: Session, *, delay_ms: int | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        try:
            self.delays = lock_settings.lock_delays(session)
        except KnownError:
            self.delays = LockDelays()  # the defaults still lock: never "no lock"
        if delay_ms is None:
            delay_ms = self.delays.minutes_for(session.role) * MINUTE_MS
        self.idle = IdleLock(delay_ms, self)
        self.idle.expired.connect(self._on_idle_expired)

    def start(self) -> None:
        self.idle.start()

    def stop(self) -> None:
        self.idle.stop()

    def apply_delays(self, delays: LockDelays) -> None:
        """New delays saved by a practitioner: this session follows them at once."""
        self.delays = delays
        self.idle.set_delay_ms(delays.minutes_for(self._session.role) * MINUTE_MS)

    def window_minimised(self) -> None:
        if self.delays.lock_on_minimise:
            self.lock_requested.emit("minimised")

    def system_locking(self, _reason: str = "") -> None:
        self.lock_requested.emit("system")

    def keep_drafts(self, pending: Iterable[PendingDraft]) -> int:
        """Save each draft (committed before returning); the count kept. A draft that cannot
        be kept must not stop the lock: the failure is logged without its content."""
        kept = 0
        for draft in pending:
            try:
                save_pending_draft(self._session, draft)
            except KnownError as error:
                log.warning("draft %r not kept: %s", draft, type(error).__name__)
                continue
            kept += 1
        return kept

    def _on_idle_expired(self) -> None:
        self.lock_requested.emit("idle")
