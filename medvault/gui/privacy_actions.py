"""What keeps the screen and the clipboard quiet: the "hide the screen" action (a patient walks
behind the desk: Ctrl+H covers every window until a key or a click), and copying a phone number
from the patient list through the secure clipboard (marked secret for clipboard-history tools,
cleared after 30 s if unchanged, and at lock)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QTableView, QToolButton

from medvault.gui.privacy_curtain import PrivacyCurtain
from medvault.gui.secure_clipboard import SecureClipboard

HIDE_SHORTCUT = "Ctrl+H"


class PrivacyActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        table: QTableView,
        *,
        practice_name: str,
        clipboard: SecureClipboard,
        phone_of_row: Callable[[int], str | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._table = table
        self._clipboard = clipboard
        self._phone_of_row = phone_of_row
        # No parent: a top-level window of its own, above the ones it covers.
        self.curtain = PrivacyCurtain(practice_name)
        self.hide_action = QAction(self.tr("Masquer l'écran"), window)
        self.hide_action.setObjectName("hide_screen_action")
        self.hide_action.setShortcut(QKeySequence(HIDE_SHORTCUT))
        # From any medvault window (a patient file too), not only the main one.
        self.hide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.hide_action.setToolTip(
            self.tr("Masquer aussitôt tous les dossiers ({key}) ; une touche pour revenir").format(
                key=HIDE_SHORTCUT
            )
        )
        window.addAction(self.hide_action)
        self.hide_action.triggered.connect(self._on_hide_action_triggered)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.copy_phone_action = QAction(self.tr("Copier le téléphone"), self)
        self.copy_phone_action.setObjectName("copy_phone_action")
        self.copy_phone_action.triggered.connect(self._on_copy_phone_action_triggered)

    def button(self) -> QToolButton:
        """A button for the hide action, for the window's top row."""
        button = QToolButton()
        button.setObjectName("hide_screen_button")
        button.setDefaultAction(self.hide_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def hide_screen(self) -> None:
        windows = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget.isVisible() and widget is not self.curtain
        ]
        self.curtain.cover(windows)

    def copy_phone(self, row: int) -> bool:
        phone = self._phone_of_row(row)
        if not phone:
            return False
        self._clipboard.copy(phone)
        return True

    def on_lock(self) -> None:
        """The session is locking: forget the covered windows, wipe what we copied."""
        self.curtain.drop()
        self.curtain.deleteLater()
        self._clipboard.clear_if_ours()

    def _on_hide_action_triggered(self) -> None:
        self.hide_screen()

    def _on_table_context_menu_requested(self, position: QPoint) -> None:
        index = self._table.indexAt(position)
        if not index.isValid():
            return
        self.copy_phone_action.setData(index.row())
        self.copy_phone_action.setEnabled(bool(self._phone_of_row(index.row())))
        menu = QMenu(self._table)
        menu.addAction(self.copy_phone_action)
        menu.exec(self._table.viewport().mapToGlobal(position))

    def _on_copy_phone_action_triggered(self) -> None:
        row = self.copy_phone_action.data()
        if isinstance(row, int):
            self.copy_phone(row)
