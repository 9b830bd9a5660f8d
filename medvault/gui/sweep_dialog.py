"""The desktop sweep of one folder into one patient's file: the dry run listed first, the choice
to delete the originals with an honest warning, then the sweep itself on a worker thread, with a
progress dialog that can stop it between two files or within a big one (whose import is then
rolled back), and the outcome of every file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medvault.core.documents import DocumentKind
from medvault.core.errors import KnownError
from medvault.gui.document_task import (
    DocumentProgressDialog,
    DocumentTask,
    TaskProgress,
    human_size,
)
from medvault.gui.messages import language
from medvault.gui.task_runner import TaskRunner
from medvault.gui.widgets import WARNING_STYLE, message_label
from medvault.services import desktop_sweep
from medvault.services.desktop_sweep import FileOutcome, SweepPlan, SweepResult
from medvault.services.session import Session

__all__ = ["SweepDialog", "human_size"]


def sweep_job(
    session: Session, plan: SweepPlan, delete_originals: bool
) -> Callable[[DocumentTask], SweepResult]:
    """The sweep as a DocumentTask job: progress in bytes over the files to import."""
    sizes = [planned.size for planned in plan.to_import]
    total = sum(sizes)

    def job(task: DocumentTask) -> SweepResult:
        current = [0, 0]  # index of the file under way, bytes of the files before it

        def between_files(done: int, count: int) -> bool:
            current[:] = [done, sum(sizes[:done])]
            number = min(done + 1, count)
            return task.report(TaskProgress(number, count, current[1], total))

        def within_file(read: int, _size: int) -> bool:
            done, before = current
            return task.report(TaskProgress(done + 1, len(sizes), before + read, total))

        return desktop_sweep.run_sweep(
            session,
            plan,
            delete_originals=delete_originals,
            progress=between_files,
            file_progress=within_file,
        )

    return job


class SweepDialog(QDialog):
    """`sweep_finished` carries the SweepResult; `work_started(task)` as the worker job starts,
    `busy_changed(bool)` around it."""

    sweep_finished = Signal(object)
    work_started = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        session: Session,
        folder: Path,
        patient_id: int,
        kind: DocumentKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._folder = Path(folder)
        self._patient_id = patient_id
        self._kind = DocumentKind(kind)
        self.plan: SweepPlan | None = None
        self.sweep_result: SweepResult | None = None
        self.runner = TaskRunner(self)
        self.runner.work_started.connect(self.work_started)
        self.runner.busy_changed.connect(self.busy_changed)
        self.runner.task_done.connect(self._on_runner_task_done)
        self.setObjectName("sweep_dialog")
        self.setWindowTitle(self.tr("Ranger un dossier dans le coffre"))

        intro = QLabel(
            self.tr(
                "Essai à blanc : voici ce que medvault ferait de chaque fichier du dossier. "
                "Rien n'est encore importé ni supprimé."
            )
        )
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        self.recursive_check = QCheckBox(self.tr("Inclure les sous-dossiers"))
        self.recursive_check.setObjectName("recursive_check")
        self.table = self._build_table()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)

        self.delete_check = QCheckBox(self.tr("Supprimer les originaux après vérification"))
        self.delete_check.setObjectName("delete_originals_check")
        self.delete_warning = self._delete_warning()
        self.error_label = message_label("error_label")

        buttons = QDialogButtonBox()
        self.run_button = buttons.addButton(
            self.tr("Importer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.run_button.setObjectName("run_button")
        self.close_button = buttons.addButton(
            self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setObjectName("close_button")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.recursive_check)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.delete_check)
        layout.addWidget(self.delete_warning)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(760, 620)

        self.recursive_check.toggled.connect(self._on_recursive_check_toggled)
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self._plan()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setObjectName("plan_table")
        table.setHorizontalHeaderLabels(
            [self.tr("Fichier"), self.tr("Taille"), self.tr("Type"), self.tr("Résultat")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _delete_warning(self) -> QLabel:
        """The honest limit of erasing (see the desktop sweep guide), always in view."""
        label = QLabel(
            self.tr(
                "Seuls les fichiers dont la copie dans le coffre a été relue et vérifiée sont "
                "supprimés : leur contenu est d'abord recouvert, puis le fichier est effacé. "
                "Cet effacement est « au mieux » : sur un disque SSD ou une clé USB, sur un "
                "système de fichiers à copie sur écriture (APFS, Btrfs, ZFS), dans les "
                "sauvegardes (Time Machine, historique des fichiers, clichés instantanés) et dans "
                "les dossiers synchronisés (OneDrive, Dropbox, Google Drive, iCloud), des copies "
                "peuvent subsister. Activez le chiffrement intégral du disque (BitLocker, "
                "FileVault, LUKS) et videz la corbeille et l'historique des services de "
                "synchronisation."
            )
        )
        label.setObjectName("delete_warning_label")
        label.setWordWrap(True)
        label.setStyleSheet(WARNING_STYLE)
        return label

    # -- dry run ---------------------------------------------------------------------------------
    def _plan(self) -> None:
        try:
            self.plan = desktop_sweep.plan_sweep(
                self._session,
                self._folder,
                self._patient_id,
                kind=self._kind,
                recursive=self.recursive_check.isChecked(),
            )
        except KnownError as error:
            self.plan = None
            self.error_label.setText(error.message(language()))
            self.table.setRowCount(0)
            self.run_button.setEnabled(False)
            return
        self.error_label.clear()
        plan = self.plan
        self.table.setRowCount(len(plan.files))
        for row, planned in enumerate(plan.files):
            action = (
                self.tr("Sera importé")
                if planned.skip is None
                else desktop_sweep.describe_skip(planned.skip, language())
            )
            self._set_row(row, planned.path, planned.size, planned.media_type, action)
        count = len(plan.to_import)
        self.summary_label.setText(
            self.tr("{count} fichier(s) à importer, {skipped} laissé(s) de côté.").format(
                count=count, skipped=len(plan.skipped)
            )
        )
        self.run_button.setText(self.tr("Importer {count} fichier(s)").format(count=count))
        self.run_button.setEnabled(count > 0)

    def _set_row(self, row: int, path: Path, size: int, media_type: str, action: str) -> None:
        try:
            shown = str(path.relative_to(self._folder))
        except ValueError:
            shown = path.name
        cells = (shown, human_size(size), media_type, action)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def _on_recursive_check_toggled(self, _checked: bool) -> None:
        self._plan()

    # -- the sweep, on a worker thread -------------------------------------------------------
    @property
    def task(self) -> DocumentTask | None:
        return self.runner.task

    @property
    def progress_dialog(self) -> DocumentProgressDialog | None:
        return self.runner.progress_dialog

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def _on_run_button_clicked(self) -> None:
        if self.plan is None or self.runner.busy:
            return
        self.run_button.setEnabled(False)
        self.recursive_check.setEnabled(False)
        self.delete_check.setEnabled(False)
        self.error_label.clear()
        self.runner.run(
            sweep_job(self._session, self.plan, self.delete_check.isChecked()),
            self.windowTitle(),
            self.tr("Import des fichiers dans le coffre…"),
        )

    def _on_runner_task_done(self, task: DocumentTask) -> None:
        if task.error is not None:
            self.error_label.setText(task.error.message(language()))
            return
        result = task.result
        if not isinstance(result, SweepResult):
            return
        self.sweep_result = result
        self._show_result(result)
        self.sweep_finished.emit(result)

    def stop_work(self) -> None:
        """Cancel the running sweep and wait (one chunk at most); files done stay done."""
        self.runner.stop()

    def reject(self) -> None:
        if self.task is None:  # while the sweep runs, its progress dialog has the Cancel
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            return
        super().closeEvent(event)

    def _show_result(self, result: SweepResult) -> None:
        for row, outcome in enumerate(result.files):
            item = self.table.item(row, 3)
            if item is not None:
                item.setText(self._outcome_text(outcome))
        parts = [
            self.tr("{count} importé(s)").format(count=result.imported),
            self.tr("{count} vérifié(s)").format(count=result.verified),
            self.tr("{count} original(aux) supprimé(s)").format(count=result.deleted),
            self.tr("{count} laissé(s) de côté").format(count=result.skipped),
            self.tr("{count} en échec").format(count=result.failed),
        ]
        text = ", ".join(parts) + "."
        if result.cancelled:
            text = self.tr("Interrompu. ") + text
        self.summary_label.setText(text)
        self.close_button.setText(self.tr("Terminer"))

    def _outcome_text(self, outcome: FileOutcome) -> str:
        if outcome.skipped is not None:
            return desktop_sweep.describe_skip(outcome.skipped, language())
        if outcome.not_processed:
            return self.tr("Non traité (interrompu)")
        if outcome.failed:
            return outcome.problem_fr if language() == "fr" else outcome.problem_en
        if outcome.deleted:
            return self.tr("Importé, vérifié, original supprimé")
        if outcome.verified:
            return self.tr("Importé et vérifié")
        return self.tr("Importé")
