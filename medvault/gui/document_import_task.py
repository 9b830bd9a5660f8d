"""Importing chosen or dropped files into one patient's documents: the job a DocumentTask runs
(one service call per file, each in its own transaction) and the words for its outcome.

A file that fails is reported and the others go on; Cancel stops between two files or within
one, whose import the service rolls back whole. Files imported before the cancel stay."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from medvault.core.documents import DocumentInfo, title_from_file_name
from medvault.core.errors import DocumentImportCancelledError, KnownError
from medvault.gui.dialogs import Dialogs
from medvault.gui.document_task import DocumentTask, TaskProgress
from medvault.gui.messages import language
from medvault.gui.task_runner import TaskRunner
from medvault.services.session import Session

ImportDocument = Callable[..., DocumentInfo]


@dataclass(frozen=True)
class ImportRequest:
    """What the tab's fields said when the import started (read on the GUI thread)."""

    paths: tuple[Path, ...]
    document_date: date
    category: str
    source: str


@dataclass(frozen=True)
class ImportOutcome:
    imported: tuple[DocumentInfo, ...]
    failures: tuple[tuple[str, KnownError], ...]  # (file name, why), shown to the user only
    not_processed: int  # files not imported because of the cancel (the current one included)

    @property
    def cancelled(self) -> bool:
        return self.not_processed > 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the service says why it cannot be read


def import_job(
    session: Session, patient_id: int, import_document: ImportDocument, request: ImportRequest
) -> Callable[[DocumentTask], ImportOutcome]:
    """The job for a DocumentTask: runs on the worker thread, touches no widget."""

    def job(task: DocumentTask) -> ImportOutcome:
        paths = request.paths
        sizes = [_size(path) for path in paths]
        total = sum(sizes)
        imported: list[DocumentInfo] = []
        failures: list[tuple[str, KnownError]] = []
        done_before = 0
        for index, path in enumerate(paths):

            def on_bytes(
                done: int, _size: int, number: int = index + 1, base: int = done_before
            ) -> bool:
                return task.report(TaskProgress(number, len(paths), base + done, total))

            try:
                if task.cancelled:
                    raise DocumentImportCancelledError()
                info = import_document(
                    session,
                    patient_id=patient_id,
                    path=path,
                    title=title_from_file_name(path.name),
                    document_date=request.document_date,
                    category=request.category,
                    source=request.source,
                    original_name=path.name,
                    progress=on_bytes,
                )
            except DocumentImportCancelledError:
                return ImportOutcome(tuple(imported), tuple(failures), len(paths) - index)
            except KnownError as error:
                failures.append((path.name, error))
            else:
                imported.append(info)
            done_before += sizes[index]
        return ImportOutcome(tuple(imported), tuple(failures), 0)

    return job


def outcome_text(outcome: ImportOutcome, language: str) -> str:
    """What to tell the user after an import that did not simply succeed ('' otherwise)."""
    lines = []
    if outcome.cancelled:
        lines.append(
            QCoreApplication.translate(
                "DocumentImport",
                "Import interrompu : {imported} fichier(s) importé(s), {left} non importé(s). "
                "Aucun document n'a été ajouté à moitié.",
            ).format(imported=len(outcome.imported), left=outcome.not_processed)
        )
    if outcome.failures:
        lines.append(
            QCoreApplication.translate("DocumentImport", "Ces fichiers n'ont pas été importés :")
        )
        lines.extend(f"• {name} : {error.message(language)}" for name, error in outcome.failures)
    return "\n".join(lines)


class DocumentImporter(TaskRunner):
    """Runs one import at a time for a documents tab: the worker thread, its progress dialog
    and, at the end, the words for failures or a cancel. `import_finished(ImportOutcome)`
    follows every import that ran to its end or was cancelled from the dialog."""

    import_finished = Signal(object)

    def __init__(
        self,
        session: Session,
        patient_id: int,
        import_document: ImportDocument,
        dialogs: Dialogs,
        owner: QWidget,
    ) -> None:
        super().__init__(owner)
        self._session = session
        self._patient_id = patient_id
        self._import_document = import_document
        self._dialogs = dialogs
        self.task_done.connect(self._on_task_done)

    def start(self, request: ImportRequest) -> DocumentTask | None:
        if not request.paths:
            return None
        return self.run(
            import_job(self._session, self._patient_id, self._import_document, request),
            self.tr("Import"),
            self.tr("Import des documents dans le coffre…"),
        )

    def _on_task_done(self, task: DocumentTask) -> None:
        title = self.tr("Import")
        if task.error is not None:
            self._dialogs.warn(title, task.error.message(language()))
            return
        outcome = task.result
        if not isinstance(outcome, ImportOutcome):
            return
        text = outcome_text(outcome, language())
        if outcome.failures:
            self._dialogs.warn(title, text)
        elif text:
            self._dialogs.inform(title, text)
        self.import_finished.emit(outcome)
