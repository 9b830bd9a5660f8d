"""Runs backup jobs one at a time, and the automatic backups: at least daily while the app runs
and when it closes, into the folder chosen in the settings.

While a job runs the session belongs to the worker thread: `busy_changed` tells the windows to
stop using it. Locking wins over backups: no backup starts once a lock is under way, and a
running one finishes (it cannot be interrupted safely) before the session is locked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from medvault.core.backup_retention import RetentionPolicy
from medvault.core.errors import KnownError
from medvault.gui.backup_task import BackupTask
from medvault.gui.settings_store import SettingsStore
from medvault.services.backup_schedule import backup_status, run_scheduled_backup
from medvault.services.session import Session

DAY = timedelta(hours=24)
CHECK_INTERVAL_MS = 60 * 60 * 1000  # hourly look: "older than 24 h" is then at most 1 h late
FIRST_CHECK_MS = 2 * 60 * 1000  # not during the first minutes of work after login

Done = Callable[[BackupTask], None]


class BackupScheduler(QObject):
    busy_changed = Signal(bool)
    task_finished = Signal()  # after each job: the status may have changed

    def __init__(
        self,
        session: Session,
        settings: SettingsStore | None,
        *,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        first_check_ms: int = FIRST_CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings
        self._task: BackupTask | None = None
        self._done: Done | None = None
        self._when_idle: list[Callable[[], object]] = []
        self.locking = False
        # Another worker (a document import) has the session: no backup may start meanwhile.
        self.held = False
        self.last_automatic_error: KnownError | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("backup_timer")
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        QTimer.singleShot(first_check_ms, self, self._on_timer_timeout)
        self._timer.start()

    # -- settings --------------------------------------------------------------------------------
    def folder(self) -> Path | None:
        return self._settings.backup_folder() if self._settings is not None else None

    def policy(self) -> RetentionPolicy:
        return self._settings.backup_retention() if self._settings else RetentionPolicy()

    def max_age(self) -> timedelta:
        days = self._settings.backup_max_age_days() if self._settings else 2
        return timedelta(days=days)

    # -- running jobs -----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, job: Callable[[], object], done: Done) -> bool:
        """Run `job` on the worker thread, then `done(task)` on this thread; False (nothing
        started) while another job runs or once a lock is under way."""
        if self._task is not None or self.locking or self.held or not self._session.is_open:
            return False
        task = BackupTask(job, self)
        task.finished.connect(self._on_task_finished)
        self._task, self._done = task, done
        self.busy_changed.emit(True)
        task.start()
        return True

    def when_idle(self, callback: Callable[[], object]) -> None:
        """Call back now when no job runs, else right after the running one."""
        if self._task is None:
            callback()
        else:
            self._when_idle.append(callback)

    def wait(self) -> None:
        """Block until the running job ends (teardown only: it cannot be interrupted)."""
        if self._task is not None:
            self._task.wait()

    def _on_task_finished(self) -> None:
        task, done = self._task, self._done
        self._task, self._done = None, None
        assert task is not None and done is not None
        task.deleteLater()
        self.busy_changed.emit(False)
        try:
            done(task)
            if not self.locking:
                self.task_finished.emit()
        finally:
            callbacks, self._when_idle = self._when_idle, []
            for callback in callbacks:
                callback()
        if task.bug is not None:
            raise task.bug

    def begin_lock(self) -> None:
        """No new job from now on; the running one (if any) still reports through `done`."""
        self.locking = True
        self._timer.stop()

    # -- automatic backups ------------------------------------------------------------------------
    def is_due(self) -> bool:
        """A folder is set and reachable, and the last good backup is missing or 24 h old."""
        folder = self.folder()
        if folder is None or not folder.is_dir() or self.busy or self.locking or self.held:
            return False
        try:
            status = backup_status(self._session, folder, max_age=self.max_age())
        except KnownError:
            return False
        if status.last_ok_at is None:
            return True
        last = datetime.fromisoformat(status.last_ok_at.replace("Z", "+00:00"))
        return self._session.config.clock.now() - last >= DAY

    def run_automatic(self, done: Done | None = None) -> bool:
        """Start a backup into the configured folder; False when none is configured or a job
        runs. Failures are kept in `last_automatic_error` (the status line shows them)."""
        folder = self.folder()
        if folder is None:
            return False
        session, policy = self._session, self.policy()

        def job() -> object:
            return run_scheduled_backup(session, folder, session.config.clock.now(), policy=policy)

        def finished(task: BackupTask) -> None:
            self.last_automatic_error = task.error
            if done is not None:
                done(task)

        return self.start(job, finished)

    def _on_timer_timeout(self) -> None:
        if self.is_due():
            self.run_automatic()
