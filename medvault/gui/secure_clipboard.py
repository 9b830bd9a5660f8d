"""Copying a sensitive value (NIR, phone number, initial password) to the system clipboard
so that it does not linger: clipboard-history tools are asked to skip it, and it is cleared
after a short delay, at lock and at exit — but only while the clipboard still holds our
value, so something the user copied since is never wiped.

The copied text itself is not kept: only a keyed digest, enough to recognise it later."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sys

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000

# KDE Klipper, wl-clip-persist, GPaste and CopyQ skip data carrying this hint.
HISTORY_HINT_FORMAT = "x-kde-passwordManagerHint"
# macOS pasteboard managers skip concealed items (the convention password managers follow).
MAC_CONCEALED_TYPE = "application/x-nspasteboard-concealed-type"
# Windows clipboard history (Win+V) and cloud clipboard: registered clipboard formats whose
# names Windows knows. Qt writes a custom MIME type of this form to the raw format as is.
_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{name}"'
_DWORD_ZERO = (0).to_bytes(4, "little")
WINDOWS_PRIVACY_FORMATS: dict[str, bytes] = {
    # Any data: keeps every format out of history and cloud sync.
    _WINDOWS_FORMAT.format(name="ExcludeClipboardContentFromMonitorProcessing"): _DWORD_ZERO,
    # DWORD 0: not in the local history; DWORD 0: not uploaded to the user's other devices.
    _WINDOWS_FORMAT.format(name="CanIncludeInClipboardHistory"): _DWORD_ZERO,
    _WINDOWS_FORMAT.format(name="CanUploadToCloudClipboard"): _DWORD_ZERO,
}


def secret_mime_data(text: str, platform: str = sys.platform) -> QMimeData:
    """The text as plain text, marked secret in the way the given platform's clipboard
    managers honour."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(HISTORY_HINT_FORMAT, b"secret")
    if platform == "win32":
        for format_name, value in WINDOWS_PRIVACY_FORMATS.items():
            mime.setData(format_name, value)
    elif platform == "darwin":
        mime.setData(MAC_CONCEALED_TYPE, b"")
    return mime


class SecureClipboard(QObject):
    """Emits `cleared` each time it wipes a value it had put on the clipboard."""

    cleared = Signal()

    def __init__(
        self,
        clipboard: QClipboard | None = None,
        *,
        clear_after_ms: int = CLEAR_AFTER_MS,
        platform: str = sys.platform,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard if clipboard is not None else QGuiApplication.clipboard()
        self._platform = platform
        # A fresh key per object: the digest cannot be matched against guesses elsewhere.
        self._digest_key = secrets.token_bytes(32)
        self._our_digest: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        application = QCoreApplication.instance()
        if application is not None:
            # On Windows Qt leaves the clipboard content behind after exit: wipe it first.
            application.aboutToQuit.connect(self._on_application_about_to_quit)

    @property
    def clear_after_ms(self) -> int:
        return self._timer.interval()

    def copy(self, text: str) -> None:
        """Put `text` on the clipboard, marked secret, and arm the delayed clearing."""
        self._our_digest = self._digest(text)
        self._clipboard.setMimeData(
            secret_mime_data(text, self._platform), QClipboard.Mode.Clipboard
        )
        self._timer.start()

    def holds_ours(self) -> bool:
        """True while the clipboard still holds the last value we copied."""
        if self._our_digest is None:
            return False
        current = self._clipboard.text(QClipboard.Mode.Clipboard)
        return hmac.compare_digest(self._digest(current), self._our_digest)

    def watch_application_copies(self) -> None:
        """Treat every copy made in medvault (Ctrl+C in a name, a note, a NIR...) like `copy`:
        republished marked secret, cleared after the delay and at lock. Patient data copied
        from any field must not outlive the session on the clipboard."""
        self._clipboard.dataChanged.connect(self._on_clipboard_data_changed)

    def _on_clipboard_data_changed(self) -> None:
        # Ours when the system says so (X11, Windows, macOS) or, where it cannot tell
        # (Wayland, offscreen), when medvault had the focus as the clipboard changed.
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if not (self._clipboard.ownsClipboard() or active):
            return  # another application's copy: none of our business
        mime = self._clipboard.mimeData(QClipboard.Mode.Clipboard)
        if mime is None or mime.hasFormat(HISTORY_HINT_FORMAT) or not mime.hasText():
            return  # ours already (or nothing to protect)
        self.copy(mime.text())

    def clear_if_ours(self) -> bool:
        """Clear the clipboard now if it still holds our value (at lock, at exit).
        True when something was cleared."""
        self._timer.stop()
        ours = self.holds_ours()
        self._our_digest = None
        if ours:
            self._clipboard.clear(QClipboard.Mode.Clipboard)
            self.cleared.emit()
        return ours

    def _digest(self, text: str) -> bytes:
        return hmac.digest(self._digest_key, text.encode("utf-8", "surrogatepass"), hashlib.sha256)

    def _on_timer_timeout(self) -> None:
        self.clear_if_ours()

    def _on_application_about_to_quit(self) -> None:
        self.clear_if_ours()
