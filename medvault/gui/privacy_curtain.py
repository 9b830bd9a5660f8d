"""A neutral full-screen curtain for when a patient comes round the desk: the application's
windows vanish at once and only the practice name shows, until a key press or a click
brings back exactly what was on screen.

The curtain hides; it does not lock (the vault stays open). Locking while covered calls
`drop()`, and the lock screen takes over."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QVBoxLayout, QWidget

from medvault.gui.widgets import title_label


@dataclass(frozen=True)
class _HiddenWindow:
    window: QWidget
    geometry: QByteArray
    state: Qt.WindowState


class PrivacyCurtain(QWidget):
    """`cover(windows)` hides them behind the curtain; any key or click emits `uncovered`
    after showing them again, with their geometry, state and the active window as before.

    Modal windows are left in place under the curtain rather than hidden: hiding a dialog
    that runs its own event loop would dismiss it, answering a question for the user."""

    uncovered = Signal()

    def __init__(self, practice_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacy_curtain")
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        # Above any dialog already running, so that the key press reaches the curtain.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle("medvault")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._hidden: list[_HiddenWindow] = []
        self._active_window: QWidget | None = None

        practice = title_label(practice_name, "practice_label")
        practice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = practice.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        practice.setFont(font)
        hint = QLabel(self.tr("Appuyez sur une touche ou cliquez pour revenir"))
        hint.setObjectName("resume_hint_label")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint_font = hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.2)
        hint.setFont(hint_font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(16)
        layout.addStretch(1)
        layout.addWidget(practice)
        layout.addWidget(hint)
        layout.addStretch(1)

    @property
    def is_covering(self) -> bool:
        return self.isVisible()

    def cover(self, windows: Iterable[QWidget]) -> None:
        """Hide the visible ones among `windows` (and their own top-level children, such
        as a document viewer) and show the curtain on the screen in use. Calling it again
        while covering hides the newly given windows too."""
        if not self.is_covering:
            self._active_window = QApplication.activeWindow()
        _close_popups()
        known = {_address(entry.window) for entry in self._hidden}
        targets = [
            window
            for window in self._with_child_windows(windows)
            if _address(window) not in known and window.isVisible() and not window.isModal()
        ]
        # Show first, hide after: Qt never sees a moment without a visible window.
        self._show_curtain(targets)
        for window in targets:
            self._hidden.append(_HiddenWindow(window, window.saveGeometry(), window.windowState()))
            window.hide()

    def uncover(self) -> None:
        """Show the hidden windows again, as they were, and emit `uncovered`."""
        if not self.is_covering:
            return
        hidden, self._hidden = self._hidden, []
        active, self._active_window = self._active_window, None
        for entry in hidden:
            if not shiboken6.isValid(entry.window):
                continue  # closed and deleted meanwhile
            entry.window.restoreGeometry(entry.geometry)
            entry.window.setWindowState(entry.state)
            entry.window.show()
        self.hide()
        if active is not None and shiboken6.isValid(active) and active.isVisible():
            active.raise_()
            active.activateWindow()
        self.uncovered.emit()

    def drop(self) -> None:
        """Forget the hidden windows without showing them (the application is locking)."""
        self._hidden = []
        self._active_window = None
        self.hide()

    # -- events ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A shortcut held a little too long must not lift the curtain it has just drawn.
        if event.isAutoRepeat():
            event.accept()
            return
        event.accept()
        self.uncover()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.uncover()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed by the window manager (Alt+F4): bring the windows back rather than leaving
        # an application with nothing on screen.
        if self.is_covering:
            event.ignore()
            self.uncover()
            return
        event.accept()

    # -- helpers --------------------------------------------------------------------------------
    def _show_curtain(self, targets: list[QWidget]) -> None:
        """Full screen where the user is looking: the active window's screen, else the
        screen of the first window to hide."""
        candidates = [self._active_window, *targets]
        screens = [window.screen() for window in candidates if window is not None]
        screen = screens[0] if screens else QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _with_child_windows(self, windows: Iterable[QWidget]) -> list[QWidget]:
        given = [window for window in windows if window is not self]
        given_ids = {_address(window) for window in given}
        children = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self
            and _address(widget) not in given_ids
            and _has_ancestor(widget, given_ids)
            and widget.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
        ]
        return given + children


def _close_popups() -> None:
    """Close open menus, completer lists and tooltips: they can show names."""
    QToolTip.hideText()
    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        still_open = QApplication.activePopupWidget()
        if still_open is popup:
            break  # refused to close: the curtain, above it, still covers it
        popup = still_open


def _has_ancestor(widget: QWidget, ancestor_ids: set[int]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if _address(parent) in ancestor_ids:
            return True
        parent = parent.parentWidget()
    return False


def _address(widget: QWidget) -> int:
    """The C++ object's address: Python wrappers are not guaranteed unique per object."""
    address: int = shiboken6.getCppPointer(widget)[0]
    return address
