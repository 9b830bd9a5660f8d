"""The backup line of the main window's status bar: when the last good backup was made and
verified, and a visible warning when backups need attention (too old, folder unreachable,
last attempt failed, recovery code not registered for backups)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from medvault.core.errors import KnownError
from medvault.gui.backup_actions import can_verify
from medvault.gui.backup_scheduler import BackupScheduler
from medvault.gui.messages import language
from medvault.services.backup_schedule import backup_status
from medvault.services.session import Session

WARNING_STYLE = (
    "QLabel { color: #ffffff; background: #c25e00; border-radius: 3px; padding: 1px 6px; "
    "font-weight: bold; }"
)


def local_time_text(value: str | None) -> str | None:
    """'12/06/2025 18:30' in the computer's time zone, from a stored UTC ISO time."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


class BackupStatusWidget(QWidget):
    def __init__(
        self, session: Session, scheduler: BackupScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._scheduler = scheduler
        self._can_verify = can_verify(session)  # a session's role does not change
        self.setObjectName("backup_status")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("backup_summary_label")
        self.warning_label = QLabel()
        self.warning_label.setObjectName("backup_warning_label")
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.warning_label)
        scheduler.task_finished.connect(self.refresh)
        self.refresh()

    @property
    def warnings(self) -> list[str]:
        text = self.warning_label.toolTip()
        return text.split("\n") if self.warning_label.isVisibleTo(self) and text else []

    def refresh(self) -> None:
        """Read the status again (never while a job holds the session)."""
        if self._scheduler.busy or self._scheduler.locking or not self._session.is_open:
            return
        folder = self._scheduler.folder()
        try:
            status = backup_status(self._session, folder, max_age=self._scheduler.max_age())
        except KnownError as error:
            self.summary_label.setText(self.tr("Sauvegardes : état indisponible"))
            self._show_warnings([error.message(language())])
            return
        never = self.tr("jamais")
        self.summary_label.setText(
            self.tr("Dernière sauvegarde : {made} · vérifiée : {verified}").format(
                made=local_time_text(status.last_ok_at) or never,
                verified=local_time_text(status.last_verified_at) or never,
            )
        )
        tips = (
            [self.tr("Fichier : {path}").format(path=status.last_file)] if status.last_file else []
        )
        if not self._can_verify:
            tips.append(
                self.tr(
                    "Seul un praticien peut vérifier les sauvegardes : la vérification ouvre "
                    "aussi le dossier médical, que ce profil ne peut pas lire."
                )
            )
        self.summary_label.setToolTip("\n".join(tips))
        messages = [w.fr if language() == "fr" else w.en for w in status.warnings]
        failure = self._scheduler.last_automatic_error
        if failure is not None:
            messages.append(
                self.tr("Sauvegarde automatique : {reason}").format(
                    reason=failure.message(language())
                )
            )
        if folder is None:
            messages.append(self.tr("Aucun dossier de sauvegarde automatique n'est choisi."))
        self._show_warnings(messages)

    def _show_warnings(self, messages: list[str]) -> None:
        if not messages:
            self.warning_label.hide()
            self.warning_label.setToolTip("")
            return
        first = messages[0]
        more = len(messages) - 1
        text = f"⚠ {first}" if not more else self.tr("⚠ {first} (+{n})").format(first=first, n=more)
        self.warning_label.setText(text)
        self.warning_label.setToolTip("\n".join(messages))
        self.warning_label.show()
