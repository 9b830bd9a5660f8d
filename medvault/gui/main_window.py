"""The main window: find a patient as you type, open or create a file, lock the vault.

The list is a lazily fetched model over the patient services (search and sort in SQL). The
window title and the status bar name the practice and the user, never a patient."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from medvault.core.errors import KnownError
from medvault.gui.backup_actions import BackupActions
from medvault.gui.backup_scheduler import BackupScheduler
from medvault.gui.backup_status_widget import BackupStatusWidget
from medvault.gui.dialogs import Dialogs
from medvault.gui.editor_drafts import PendingDraft
from medvault.gui.main_menu import MainMenu
from medvault.gui.messages import LANGUAGE, role_label
from medvault.gui.patient_file_window import PatientFileWindow, open_patient_file
from medvault.gui.patient_list_model import SEARCH_LIMIT, PatientListModel
from medvault.gui.patient_search_bar import DEBOUNCE_MS, PatientSearchBar
from medvault.gui.privacy_actions import PrivacyActions
from medvault.gui.secure_clipboard import SecureClipboard
from medvault.gui.session_guard import MAX_MODAL_RETRIES, SessionGuard, cancel_modal_dialogs
from medvault.gui.settings_store import SettingsStore
from medvault.gui.widgets import message_label, muted_label, title_label
from medvault.services import patients_search
from medvault.services.session import Session

_COLUMN_WIDTHS = (170, 150, 170, 120, 60, 160, 140)


class MainWindow(QMainWindow):
    """Owns the session it is given: Lock locks it, closing the window closes it.

    `locked` is emitted once the keys are gone; `open_patient_ids` then says which files were
    open (ids only), so the same user can find them again after unlocking."""

    locked = Signal()

    def __init__(
        self,
        session: Session,
        *,
        dialogs: Dialogs | None = None,
        settings: SettingsStore | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        backup_scheduler: BackupScheduler | None = None,
        lock_delay_ms: int | None = None,
        clipboard: SecureClipboard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.open_patient_ids: list[int] = []
        self._modal_retries = 0
        self._busy_file_windows: set[int] = set()
        self.lock_reason = ""
        self._pending_drafts: list[PendingDraft] = []
        self._dialogs = dialogs if dialogs is not None else Dialogs(self)
        self._file_windows: list[PatientFileWindow] = []
        self._locking = False
        practice_name = session.header.practice_name
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("medvault — {name}").format(name=practice_name))

        self._new_action = self._action("new_patient_action", self.tr("Nouveau patient"), "N")
        self._find_action = self._action("find_action", self.tr("Rechercher"), "F")
        self._lock_action = self._action("lock_action", self.tr("Verrouiller / Lock"), "L")
        # Locks from any medvault window, a patient file included.
        self._lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        top, new_button, lock_button = self._build_top_row(practice_name)

        self.search_bar = PatientSearchBar(debounce_ms=debounce_ms)
        self.search_bar.setToolTip(self.tr("Rechercher un patient (Ctrl+F)"))
        self.model = PatientListModel(session, self)
        self.table = self._build_table()
        self._count_label = muted_label("", "count_label")
        self._error_label = message_label("list_error_label")

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._error_label)
        layout.addWidget(self._count_label)
        self.setCentralWidget(central)
        # Automatic and manual backups; while one runs, the worker thread has the session.
        self.backup_scheduler = backup_scheduler or BackupScheduler(session, settings, parent=self)
        self.backups = BackupActions(self, session, self.backup_scheduler, self._dialogs)
        self.backup_scheduler.busy_changed.connect(self._on_backup_scheduler_busy_changed)
        self._build_status_bar()
        self.menu = MainMenu(self, session, self._dialogs, settings, backups=self.backups)
        self.resize(1100, 700)

        self._connect(new_button, lock_button)
        self._on_model_model_reset()
        self.search_bar.setFocus()
        self.guard = SessionGuard(session, delay_ms=lock_delay_ms, parent=self)
        self.guard.lock_requested.connect(self._on_guard_lock_requested)
        self.guard.start()
        self.privacy = PrivacyActions(
            self,
            self.table,
            practice_name=practice_name,
            clipboard=clipboard or SecureClipboard(parent=self),
            phone_of_row=self.model.phone,
        )
        top.insertWidget(top.count() - 1, self.privacy.button())  # beside Lock

    def _build_top_row(self, practice_name: str) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
        new_button = QPushButton(self.tr("Nouveau patient"))
        new_button.setObjectName("new_patient_button")
        self._new_button = new_button
        new_button.setToolTip(self.tr("Créer un dossier patient (Ctrl+N)"))
        lock_button = QPushButton(self.tr("Verrouiller / Lock"))
        lock_button.setObjectName("lock_button")
        lock_button.setToolTip(self.tr("Verrouiller le coffre (Ctrl+L)"))
        top = QHBoxLayout()
        top.addWidget(title_label(practice_name, "practice_label"), 1)
        top.addWidget(new_button)
        top.addWidget(lock_button)
        return top, new_button, lock_button

    def _connect(self, new_button: QPushButton, lock_button: QPushButton) -> None:
        new_button.clicked.connect(self._on_new_button_clicked)
        lock_button.clicked.connect(self._on_lock_button_clicked)
        self._new_action.triggered.connect(self._on_new_action_triggered)
        self._find_action.triggered.connect(self._on_find_action_triggered)
        self._lock_action.triggered.connect(self._on_lock_action_triggered)
        self.search_bar.query_changed.connect(self._on_search_bar_query_changed)
        self.search_bar.down_pressed.connect(self._on_search_bar_down_pressed)
        self.search_bar.returnPressed.connect(self._on_search_bar_down_pressed)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.modelReset.connect(self._on_model_model_reset)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._on_open_shortcut_activated)

    def _action(self, name: str, text: str, key: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(f"Ctrl+{key}"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("patient_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Fixed row heights: the view never measures rows, which keeps scrolling cheap.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate(_COLUMN_WIDTHS[: self.model.columnCount()]):
            table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)  # sort() on the model re-queries in SQL
        return table

    def _build_status_bar(self) -> None:
        user_label = QLabel(self._session.login or self.tr("(code de secours)"))
        user_label.setObjectName("user_label")
        role = QLabel(role_label(self._session.role))
        role.setObjectName("role_label")
        status = self.statusBar()
        status.setObjectName("status_bar")
        status.addPermanentWidget(QLabel(self.tr("Connecté en tant que :")))
        status.addPermanentWidget(user_label)
        status.addPermanentWidget(QLabel(self.tr("· Profil :")))
        status.addPermanentWidget(role)
        self.backup_status = BackupStatusWidget(self._session, self.backup_scheduler)
        status.addWidget(self.backup_status, 1)

    @property
    def session(self) -> Session:
        return self._session

    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs

    @property
    def file_windows(self) -> list[PatientFileWindow]:
        self._file_windows = [w for w in self._file_windows if isValid(w) and w.isVisible()]
        return list(self._file_windows)

    # -- opening files -------------------------------------------------------------------------
    def open_patient(self, patient_id: int) -> PatientFileWindow | None:
        """Bring the file forward if open, else read it (audited) and show it."""
        for opened in self.file_windows:
            if opened.patient_id == patient_id:
                opened.raise_()
                opened.activateWindow()
                return opened
        window = open_patient_file(self._session, patient_id, self._dialogs, self)
        if window is not None:
            self._show_file_window(window)
        return window

    def new_patient(self) -> PatientFileWindow:
        window = PatientFileWindow(self._session, self._dialogs, parent=self)
        self._show_file_window(window)
        return window

    def _show_file_window(self, window: PatientFileWindow) -> None:
        window.patient_saved.connect(self._on_file_window_patient_saved)
        window.open_patient_requested.connect(self.open_patient)
        # While it imports documents on its worker thread, no backup may use the session.
        window.session_busy_changed.connect(partial(self._on_file_window_busy_changed, id(window)))
        window.destroyed.connect(partial(self._on_file_window_busy_changed, id(window), False))
        self._file_windows.append(window)
        window.show()
        window.raise_()
        window.activateWindow()

    def _open_row(self, row: int) -> None:
        patient_id = self.model.patient_id(row)
        if patient_id is not None:
            self.open_patient(patient_id)

    # -- slots ---------------------------------------------------------------------------------
    def _on_search_bar_query_changed(self, query: str) -> None:
        self._error_label.clear()
        self.model.set_query(query)

    def _on_search_bar_down_pressed(self) -> None:
        if self.model.rowCount() > 0:
            self.table.setFocus()
            self.table.selectRow(0)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self._open_row(index.row())

    def _on_open_shortcut_activated(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def _on_model_load_failed(self, message: str) -> None:
        self._error_label.setText(message)

    def _on_model_model_reset(self) -> None:
        rows = self.model.rowCount()
        if self.model.is_searching:
            if rows >= SEARCH_LIMIT:
                text = self.tr("Plus de {n} résultats : précisez la recherche.").format(n=rows)
            elif rows:
                text = self.tr("{n} résultat(s)").format(n=rows)
            else:
                text = self.tr("Aucun patient ne correspond à cette recherche.")
        else:
            try:
                total = patients_search.count_patients(self._session)
            except KnownError as error:
                self._error_label.setText(error.message(LANGUAGE))
                return
            text = self.tr("{n} patient(s)").format(n=f"{total:,}".replace(",", "\u202f"))
        self._count_label.setText(text)

    def _on_file_window_busy_changed(self, window_id: int, busy: bool) -> None:
        if busy:
            self._busy_file_windows.add(window_id)
        else:
            self._busy_file_windows.discard(window_id)
        self.backup_scheduler.held = bool(self._busy_file_windows)

    def _on_file_window_patient_saved(self, _patient_id: int) -> None:
        self.model.refresh()

    def _on_new_button_clicked(self) -> None:
        self.new_patient()

    def _on_new_action_triggered(self) -> None:
        self.new_patient()

    def _on_find_action_triggered(self) -> None:
        self.search_bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_bar.selectAll()

    def _on_lock_button_clicked(self) -> None:
        self.lock("user")

    def _on_lock_action_triggered(self) -> None:
        self.lock("user")

    def _on_guard_lock_requested(self, reason: str) -> None:
        self.lock(reason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.guard.window_minimised()

    def _on_backup_scheduler_busy_changed(self, busy: bool) -> None:
        # Nothing may read the session while the worker thread uses it; Lock stays available.
        for widget in (self.search_bar, self.table, self.menuBar(), *self.file_windows):
            widget.setEnabled(not busy)
        self._new_button.setEnabled(not busy)
        for action in (self._new_action, self._find_action):
            action.setEnabled(not busy)
        self.menu.set_session_windows_enabled(not busy)
        self.backups.set_busy(busy)

    # -- locking and closing -------------------------------------------------------------------
    def lock(self, reason: str = "user") -> None:
        """Lock now: unsaved edits become encrypted drafts, every window showing patient data
        closes (without asking), the list forgets its rows, then the keys are wiped."""
        if self._locking:
            return
        if cancel_modal_dialogs() and self._modal_retries < MAX_MODAL_RETRIES:
            # A question or file chooser was open: cancelled, and the lock comes back once its
            # caller has finished with the (still open) session.
            self._modal_retries += 1
            QTimer.singleShot(0, partial(self.lock, reason))
            return
        self._locking = True
        self.lock_reason = reason
        self.guard.stop()
        self.privacy.on_lock()
        self.backups.prepare_lock()
        windows = self.file_windows
        self.open_patient_ids = [w.patient_id for w in windows if w.patient_id is not None]
        self._pending_drafts = [draft for w in windows for draft in w.pending_drafts()]
        for window in windows:
            window.discard_and_close()
        self.menu.close_windows()
        self.search_bar.blockSignals(True)
        self.search_bar.clear()
        self.search_bar.blockSignals(False)
        self.model.clear()
        self._count_label.clear()
        self._error_label.clear()
        if self.backup_scheduler.busy:
            # A running backup cannot be interrupted safely: out of sight, lock when it ends.
            self.hide()
            self.backup_scheduler.when_idle(self._finish_lock)
            return
        self._finish_lock()

    def _finish_lock(self) -> None:
        # Saved now, not before: a running backup had the session until this point.
        pending, self._pending_drafts = self._pending_drafts, []
        self.guard.keep_drafts(pending)
        self._session.lock()
        # Announce first so the login window is visible before this one closes: Qt would
        # otherwise quit on the last window closed.
        self.locked.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._locking:
            for window in self.file_windows:
                if not window.close():  # unsaved changes kept: stay open
                    event.ignore()
                    return
            if self.backups.backup_before_close(self.close):  # closes again when it is over
                event.ignore()
                return
        self.guard.stop()
        self.menu.close_windows()
        self._session.close()  # no-op after a lock
        super().closeEvent(event)
