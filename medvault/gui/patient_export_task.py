"""Exporting a patient's file on a worker thread (a DocumentTask), so that a file with many
documents never freezes the window.

The storage connections allow use from another thread, not from two at once: while the export
runs its progress dialog is application-modal (no window takes input) and `busy_changed` keeps
the automatic backups away. Cancel stops between two chunks of a document or before the file
takes its name; the service then removes its temp file and audits nothing. Before a window
closes or the vault locks, `stop()` cancels and waits (one chunk at most)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from medvault.core.patient_export_request import ConsentCheck, ExportRequest, ExportResult
from medvault.gui.document_task import DocumentTask, TaskProgress
from medvault.gui.task_runner import TaskRunner
from medvault.services import patient_export
from medvault.services.session import Session


def export_job(
    session: Session, request: ExportRequest, target: Path, shown: ConsentCheck
) -> Callable[[DocumentTask], ExportResult]:
    """The job for a DocumentTask: runs on the worker thread, touches no widget."""

    def job(task: DocumentTask) -> ExportResult:
        def on_progress(number: int, count: int, done: int, total: int) -> bool:
            if count == 0:  # no document: nothing to count, only the cancel to honour
                return not task.cancelled
            return task.report(TaskProgress(number, count, done, total))

        return patient_export.export_patient(
            session, request, target, shown_consent=shown, progress=on_progress
        )

    return job


class PatientExporter(TaskRunner):
    """Runs one export at a time for the export dialog. After it ends (delivered on the GUI
    thread): `export_finished(ExportResult)`, or `export_failed(KnownError)` (an
    ExportCancelledError after a cancel). A stop() reports neither: its owner is going away."""

    export_finished = Signal(object)
    export_failed = Signal(object)

    def __init__(self, session: Session, owner: QWidget) -> None:
        super().__init__(owner)
        self._session = session
        self.task_done.connect(self._on_task_done)

    def start(
        self, request: ExportRequest, target: Path, shown: ConsentCheck
    ) -> DocumentTask | None:
        return self.run(
            export_job(self._session, request, target, shown),
            self.tr("Export du dossier"),
            self.tr("Écriture du fichier chiffré…"),
        )

    def _on_task_done(self, task: DocumentTask) -> None:
        if task.error is not None:
            self.export_failed.emit(task.error)
        elif isinstance(task.result, ExportResult):
            self.export_finished.emit(task.result)
