"""The audit viewer's chain line: whether the chain verifies, and the button that checks it
again. The check runs on its worker (audit_chain_task.py), so the window stays usable; a new
check replaces one under way (the log may have changed, e.g. by archiving)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from medvault.core.audit import ChainReport
from medvault.core.errors import KnownError
from medvault.gui.audit_chain_task import ChainCheckTask
from medvault.gui.messages import language
from medvault.gui.widgets import ERROR_STYLE, NEUTRAL_STYLE, SUCCESS_STYLE, message_label
from medvault.services.audit_chain_check import prepare_chain_check
from medvault.services.session import Session


class AuditChainRow(QWidget):
    """`finished`: the verdict (or an error) is shown."""

    finished = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._task: ChainCheckTask | None = None
        self.label = message_label("chain_label")
        self.verify_button = QPushButton(self.tr("Vérifier l'intégrité"))
        self.verify_button.setObjectName("verify_button")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.verify_button)
        self.verify_button.clicked.connect(self.start)

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        self.stop()
        try:
            check = prepare_chain_check(self._session)
        except KnownError as error:
            self._show_text(error.message(language()), ERROR_STYLE)
            return
        task = ChainCheckTask(check)
        task.finished.connect(self._on_task_finished)
        self.destroyed.connect(task.cancel)  # destroyed without being closed: stop anyway
        self._task = task
        self.verify_button.setEnabled(False)
        self._show_text(self.tr("Vérification de l'intégrité du journal…"), NEUTRAL_STYLE)
        task.start()

    def stop(self) -> None:
        """Cancel a check under way and wait for it (the window closes, or the vault locks)."""
        if self._task is not None:
            task, self._task = self._task, None
            task.cancel_and_wait()
            self.verify_button.setEnabled(True)

    def _on_task_finished(self) -> None:
        task = self.sender()
        if not isinstance(task, ChainCheckTask) or task is not self._task:
            return  # an earlier check, cancelled and replaced
        self._task = None
        self.verify_button.setEnabled(True)
        task.raise_unexpected()
        if task.error is not None:
            self._show_text(task.error.message(language()), ERROR_STYLE)
        elif task.report is not None:
            self._show_report(task.report)
        self.finished.emit()

    def _show_report(self, report: ChainReport) -> None:
        if report.ok:
            text = self.tr("Journal intègre : {count} enregistrements vérifiés.").format(
                count=report.records_checked
            )
            self._show_text(text, SUCCESS_STYLE)
        else:
            reason = report.reason_fr if language() == "fr" else report.reason_en
            text = self.tr("Journal altéré : {reason}").format(reason=reason)
            self._show_text(text, ERROR_STYLE)

    def _show_text(self, text: str, style: str) -> None:
        self.label.setStyleSheet(style)
        self.label.setText(text)
