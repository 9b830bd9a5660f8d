"""A patient's documents of one kind (administrative or clinical): the list, import by button or
by dropping files (a dropped folder starts the desktop sweep), the in-memory viewer and the
audited export.

Imports and sweeps run on a worker thread behind an application-modal progress dialog with a
Cancel; `stop_work` cancels and waits, so the window can close or the vault lock at any time.

A clinical tab is never built for a session without clinical access: the constructor refuses,
so a receptionist's window cannot even hold one by mistake."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from medvault.core.documents import (
    DEFAULT_CATEGORY,
    MAX_SOURCE_CHARS,
    DocumentInfo,
    DocumentKind,
    categories_for,
)
from medvault.core.errors import KnownError, PermissionDeniedError
from medvault.gui.dialogs import Dialogs
from medvault.gui.document_import_task import DocumentImporter, ImportOutcome, ImportRequest
from medvault.gui.document_labels import category_label
from medvault.gui.document_services import services_for
from medvault.gui.document_task import DocumentTask, human_size
from medvault.gui.document_viewer import DocumentViewer
from medvault.gui.messages import language
from medvault.gui.sweep_dialog import SweepDialog
from medvault.gui.widgets import message_label
from medvault.services.session import Session

PathChooser = Callable[[], Path | None]
SavePathChooser = Callable[[str], Path | None]


class ClinicalAccessRequiredError(PermissionDeniedError):
    fr = "Les documents médicaux ne sont accessibles qu'avec un profil praticien."
    en = "Clinical documents are only available to a practitioner profile."


class DocumentsTab(QWidget):
    """`documents_changed` after an import or a sweep; `work_started(task)` as a worker job
    starts, `busy_changed(bool)` around it, `import_finished(ImportOutcome)` after an import.
    Files and folders are chosen by the callables given here, else through the Dialogs wrapper
    (which tests pre-answer)."""

    documents_changed = Signal()
    work_started = Signal(object)
    busy_changed = Signal(bool)
    import_finished = Signal(object)

    def __init__(
        self,
        session: Session,
        patient_id: int,
        kind: str,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        choose_open_path: PathChooser | None = None,
        choose_save_path: SavePathChooser | None = None,
        choose_folder: PathChooser | None = None,
    ) -> None:
        document_kind = DocumentKind(kind)
        if document_kind is DocumentKind.CLINICAL and not session.has_clinical_access:
            raise ClinicalAccessRequiredError()
        super().__init__(parent)
        self._session = session
        self._patient_id = patient_id
        self._kind = document_kind
        self._services = services_for(document_kind)
        self._dialogs = dialogs
        self._choose_open_path = choose_open_path
        self._choose_save_path = choose_save_path
        self._choose_folder = choose_folder
        self._documents: list[DocumentInfo] = []
        self.viewer: DocumentViewer | None = None
        self.sweep_dialog: SweepDialog | None = None
        self.importer = DocumentImporter(
            session, patient_id, self._services.import_document, dialogs, self
        )
        self.importer.work_started.connect(self.work_started)
        self.importer.busy_changed.connect(self.busy_changed)
        self.importer.import_finished.connect(self._on_importer_import_finished)
        self.setObjectName(f"{document_kind.value}_documents_tab")
        self.setAcceptDrops(True)

        importing = self._build_import_row()
        self.table = self._build_table()
        hint = QLabel(
            self.tr("Glissez ici des fichiers ou un dossier pour les ranger dans le coffre.")
        )
        hint.setObjectName("drop_hint_label")
        hint.setWordWrap(True)
        self._view_button = self._button("view_button", self.tr("Afficher"))
        self._export_button = self._button("export_button", self.tr("Exporter…"))
        actions = QHBoxLayout()
        actions.addWidget(hint, 1)
        actions.addWidget(self._view_button)
        actions.addWidget(self._export_button)
        self.error_label = message_label("error_label")

        layout = QVBoxLayout(self)
        layout.addLayout(importing)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error_label)

        self._view_button.clicked.connect(self._on_view_button_clicked)
        self._export_button.clicked.connect(self._on_export_button_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.table.itemDoubleClicked.connect(self._on_table_item_double_clicked)
        self.refresh()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setObjectName("documents_table")
        table.setHorizontalHeaderLabels(
            [self.tr("Titre"), self.tr("Date"), self.tr("Catégorie"), self.tr("Taille"),
             self.tr("Source")]
        )  # fmt: skip
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_import_row(self) -> QHBoxLayout:
        """What the next import will be filed as: category, date and source."""
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("category_combo")
        for category in categories_for(self._kind):
            self.category_combo.addItem(category_label(category), category.value)
        default = DEFAULT_CATEGORY[self._kind].value
        self.category_combo.setCurrentIndex(self.category_combo.findData(default))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("document_date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("source_edit")
        self.source_edit.setMaxLength(MAX_SOURCE_CHARS)
        self.source_edit.setPlaceholderText(self.tr("Source (ex. : laboratoire, hôpital)"))
        import_button = self._button("import_button", self.tr("Importer un fichier…"))
        sweep_button = self._button("sweep_button", self.tr("Ranger un dossier…"))
        importing = QHBoxLayout()
        importing.addWidget(QLabel(self.tr("Catégorie :")))
        importing.addWidget(self.category_combo)
        importing.addWidget(QLabel(self.tr("Date :")))
        importing.addWidget(self.date_edit)
        importing.addWidget(self.source_edit, 1)
        importing.addWidget(import_button)
        importing.addWidget(sweep_button)
        import_button.clicked.connect(self._on_import_button_clicked)
        sweep_button.clicked.connect(self._on_sweep_button_clicked)
        return importing

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    @property
    def documents(self) -> tuple[DocumentInfo, ...]:
        return tuple(self._documents)

    # -- the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self._documents = self._services.list_documents(self._session, self._patient_id)
        except KnownError as error:
            self._documents = []
            self.error_label.setText(error.message(language()))
        self.table.setRowCount(len(self._documents))
        for row, info in enumerate(self._documents):
            cells = (
                info.title,
                f"{info.document_date:%d/%m/%Y}",
                category_label(info.category),
                human_size(info.size),
                info.source,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self._on_table_item_selection_changed()

    def selected_document(self) -> DocumentInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._documents):
            return None
        return self._documents[rows[0].row()]

    def select_document(self, document_id: int) -> None:
        for row, info in enumerate(self._documents):
            if info.id == document_id:
                self.table.selectRow(row)

    def _on_table_item_selection_changed(self) -> None:
        chosen = self.selected_document() is not None
        self._view_button.setEnabled(chosen)
        self._export_button.setEnabled(chosen)

    # -- import on a worker thread ------------------------------------------------------------
    @property
    def busy(self) -> bool:
        dialog = self.sweep_dialog
        sweeping = dialog is not None and isValid(dialog) and dialog.busy
        return self.importer.busy or sweeping

    def import_files(self, paths: Sequence[Path]) -> DocumentTask | None:
        """Start importing the files with the category, date and source set above the list;
        None when nothing was started (no file, or work already running)."""
        if not paths or self.busy:
            return None
        qdate = self.date_edit.date()
        request = ImportRequest(
            paths=tuple(paths),
            document_date=date(qdate.year(), qdate.month(), qdate.day()),
            category=str(self.category_combo.currentData()),
            source=self.source_edit.text(),
        )
        return self.importer.start(request)

    def _on_importer_import_finished(self, outcome: ImportOutcome) -> None:
        if outcome.imported:
            self.error_label.clear()
            self.refresh()
            self.select_document(outcome.imported[-1].id)
            self.documents_changed.emit()
        self.import_finished.emit(outcome)

    def stop_work(self) -> None:
        """Cancel what runs and wait for it (one chunk at most): the session is free again.
        Nothing is shown afterwards: the window is closing or the vault locking."""
        if self.sweep_dialog is not None and isValid(self.sweep_dialog):
            self.sweep_dialog.stop_work()
        self.importer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_work()
        super().closeEvent(event)

    def _on_import_button_clicked(self) -> None:
        path = self._open_path()
        if path is not None:
            self.import_files([path])

    def _open_path(self) -> Path | None:
        if self._choose_open_path is not None:
            return self._choose_open_path()
        return self._dialogs.get_open_path(self.tr("Importer un document"))

    # -- folders: the desktop sweep ------------------------------------------------------------
    def start_sweep(self, folder: Path) -> SweepDialog | None:
        if self.busy:
            return None
        dialog = SweepDialog(self._session, folder, self._patient_id, self._kind, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.sweep_dialog = dialog
        dialog.sweep_finished.connect(self._on_sweep_dialog_sweep_finished)
        dialog.work_started.connect(self.work_started)
        dialog.busy_changed.connect(self.busy_changed)
        dialog.open()
        return dialog

    def _on_sweep_button_clicked(self) -> None:
        if self._choose_folder is not None:
            folder = self._choose_folder()
        else:
            folder = self._dialogs.get_folder(self.tr("Choisir le dossier à ranger"))
        if folder is not None:
            self.start_sweep(folder)

    def _on_sweep_dialog_sweep_finished(self, _result: object) -> None:
        self.refresh()
        self.documents_changed.emit()

    # -- drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(url.isLocalFile() for url in urls) and not self.busy:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.drop_paths(paths)

    def drop_paths(self, paths: list[Path]) -> None:
        """Files are imported together; a folder alone opens the sweep (dry run first)."""
        files = [path for path in paths if not path.is_dir()]
        folders = [path for path in paths if path.is_dir()]
        if files:
            self.import_files(files)
            if folders:  # one thing at a time: the dry run needs the user's eyes
                self.error_label.setText(
                    self.tr("Les dossiers n'ont pas été rangés : déposez-les un par un, seuls.")
                )
        elif folders:
            self.start_sweep(folders[0])

    # -- viewing and export --------------------------------------------------------------------
    def _on_table_item_double_clicked(self, _item: QTableWidgetItem) -> None:
        self.view_selected()

    def _on_view_button_clicked(self) -> None:
        self.view_selected()

    def view_selected(self) -> DocumentViewer | None:
        info = self.selected_document()
        if info is None:
            return None
        try:
            data = self._services.read_document(self._session, info.id)
        except KnownError as error:
            self._dialogs.warn(self.tr("Document"), error.message(language()))
            return None
        if self.viewer is not None:
            self.viewer.close()
        viewer = DocumentViewer(data, info.media_type, info.title, parent=self)
        viewer.export_requested.connect(self._on_viewer_export_requested)
        viewer.destroyed.connect(self._on_viewer_destroyed)
        self.viewer = viewer
        viewer.show()
        return viewer

    def _on_viewer_destroyed(self) -> None:
        self.viewer = None

    def _on_viewer_export_requested(self) -> None:
        self.export_selected()

    def _on_export_button_clicked(self) -> None:
        self.export_selected()

    def export_selected(self) -> Path | None:
        info = self.selected_document()
        if info is None:
            return None
        warning = self.tr(
            "La copie exportée ne sera plus protégée par le coffre : elle sera lisible par "
            "quiconque accède à cet ordinateur ou à ce support. Supprimez-la dès qu'elle n'est "
            "plus utile. L'export est inscrit au journal. Continuer ?"
        )
        if not self._dialogs.confirm(self.tr("Exporter une copie non protégée"), warning):
            return None
        target = self._save_path(info.original_name)
        if target is None:
            return None
        try:
            written = self._services.export_document(self._session, info.id, target)
        except KnownError as error:
            self._dialogs.warn(self.tr("Export"), error.message(language()))
            return None
        self._dialogs.inform(self.tr("Export"), self.tr("Copie exportée : {path}").format(
            path=str(written)))  # fmt: skip
        return written

    def _save_path(self, suggested: str) -> Path | None:
        if self._choose_save_path is not None:
            return self._choose_save_path(suggested)
        return self._dialogs.get_save_path(self.tr("Exporter le document"), Path(suggested))
