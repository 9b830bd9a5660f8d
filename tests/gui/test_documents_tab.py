"""The documents tab: role rules, import through an injected chooser or a drop, the list, the
viewer from memory (no plaintext on disk), and the export warning."""

from __future__ import annotations

import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from medvault.core.documents import DocumentCategory
from medvault.gui.dialogs import Button
from medvault.gui.document_task import DocumentTask, TaskProgress
from medvault.gui.documents_tab import ClinicalAccessRequiredError, DocumentsTab
from medvault.services import documents
from medvault.services.session import Session
from medvault.storage.blob_store import CHUNK_SIZE
from tests.conftest import VaultInfo
from tests.gui.conftest import RecordingDialogs
from tests.gui.test_appointments_tab import AnsweringDialogs, add_patient
from tests.gui.test_document_viewer import tiny_pdf, tiny_png


class ChoosingDialogs(AnsweringDialogs):
    """Pre-answers the file choosers too."""

    def __init__(self, answers: list[bool] | None = None, save_to: Path | None = None) -> None:
        super().__init__(answers)
        self.save_to = save_to
        self.open_path: Path | None = None

    def get_open_path(
        self, title: str, start: Path | None = None, name_filter: str = ""
    ) -> Path | None:
        return self.open_path

    def get_save_path(
        self, title: str, start: Path | None = None, name_filter: str = ""
    ) -> Path | None:
        assert self.save_to is not None and start is not None
        return self.save_to / start.name


def make_tab(
    qtbot: QtBot, session: Session, patient_id: int, kind: str, dialogs: AnsweringDialogs,
    **kwargs: Any,
) -> DocumentsTab:  # fmt: skip
    tab = DocumentsTab(session, patient_id, kind, dialogs, **kwargs)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_receptionist_gets_administrative_tab_only(
    qtbot: QtBot, receptionist: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(receptionist)
    tab = make_tab(qtbot, receptionist, patient_id, "administrative", AnsweringDialogs())
    assert tab.table.rowCount() == 0
    with pytest.raises(ClinicalAccessRequiredError) as refused:
        DocumentsTab(receptionist, patient_id, "clinical", AnsweringDialogs())
    assert "praticien" in refused.value.message("fr")
    assert "practitioner" in refused.value.message("en")


def test_import_via_injected_chooser_refreshes_list(
    qtbot: QtBot, practitioner: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(practitioner)
    source = write(tmp_path / "in" / "bilan_sanguin.pdf", tiny_pdf())
    tab = make_tab(
        qtbot, practitioner, patient_id, "clinical", AnsweringDialogs(),
        choose_open_path=lambda: source,
    )  # fmt: skip
    tab.category_combo.setCurrentIndex(tab.category_combo.findData("lab_result"))
    tab.source_edit.setText("Laboratoire du Parc")
    with qtbot.waitSignal(tab.documents_changed):
        tab.findChild(QPushButton, "import_button").click()
    (stored,) = documents.list_clinical_documents(practitioner, patient_id)
    assert (stored.title, stored.category, stored.source) == (
        "bilan sanguin", DocumentCategory.LAB_RESULT, "Laboratoire du Parc")  # fmt: skip
    assert documents.list_admin_documents(practitioner, patient_id) == []
    assert tab.table.rowCount() == 1
    assert [tab.table.item(0, c).text() for c in (0, 2, 4)] == [
        "bilan sanguin", "Résultat de laboratoire", "Laboratoire du Parc"]  # fmt: skip
    assert tab.selected_document() == stored


def test_import_through_dialogs_chooser_and_drop(
    qtbot: QtBot, receptionist: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(receptionist)
    dialogs = ChoosingDialogs()
    dialogs.open_path = write(tmp_path / "carte_vitale.png", tiny_png())
    tab = make_tab(qtbot, receptionist, patient_id, "administrative", dialogs)
    with qtbot.waitSignal(tab.import_finished):
        tab.findChild(QPushButton, "import_button").click()
    with qtbot.waitSignal(tab.import_finished):
        tab.drop_paths([write(tmp_path / "mutuelle.pdf", tiny_pdf())])
    titles = sorted(d.title for d in documents.list_admin_documents(receptionist, patient_id))
    assert titles == ["carte vitale", "mutuelle"]
    assert tab.table.rowCount() == 2
    # An empty file is refused plainly, nothing is added.
    with qtbot.waitSignal(tab.import_finished):
        tab.drop_paths([write(tmp_path / "vide.pdf", b"")])
    assert dialogs.shown[-1][0] == "warn" and "vide" in dialogs.shown[-1][2]
    assert tab.table.rowCount() == 2


def test_dropped_folder_opens_the_sweep_dry_run(
    qtbot: QtBot, receptionist: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(receptionist)
    folder = tmp_path / "Bureau"
    write(folder / "attestation.pdf", tiny_pdf())
    tab = make_tab(qtbot, receptionist, patient_id, "administrative", AnsweringDialogs())
    tab.drop_paths([folder])
    dialog = tab.sweep_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.plan is not None and len(dialog.plan.to_import) == 1
    assert documents.list_admin_documents(receptionist, patient_id) == []  # dry run only
    with qtbot.waitSignal(tab.documents_changed):
        dialog.run_button.click()
    assert tab.table.rowCount() == 1
    assert (folder / "attestation.pdf").exists()  # deleting was not asked for


def _files_containing(root: Path, marker: bytes, since: float) -> list[Path]:
    found = []
    for directory, _dirs, files in os.walk(root):
        for name in files:
            path = Path(directory) / name
            try:
                if path.stat().st_mtime >= since and marker in path.read_bytes():
                    found.append(path)
            except OSError:
                continue
    return found


@pytest.mark.parametrize("media", ["pdf", "png"])
def test_viewing_writes_no_plaintext(
    qtbot: QtBot, practitioner: Session, vault: VaultInfo, tmp_path: Path, media: str
) -> None:
    started = time.time() - 1
    patient_id = add_patient(practitioner)
    # A marker made at run time (so no source file holds it), in bytes that readers ignore.
    marker = f"marqueur-{uuid.uuid4().hex}".encode()
    content = (tiny_pdf() if media == "pdf" else tiny_png()) + b"\n%" + marker + b"\n"
    source = write(tmp_path / "inbox" / f"document.{media}", content)
    tab = make_tab(qtbot, practitioner, patient_id, "clinical", AnsweringDialogs(),
                   choose_open_path=lambda: source)  # fmt: skip
    with qtbot.waitSignal(tab.import_finished):
        tab.findChild(QPushButton, "import_button").click()
    source.unlink()
    tab.findChild(QPushButton, "view_button").click()
    viewer = tab.viewer
    assert viewer is not None
    if media == "pdf":
        document = viewer.pdf_document
        assert document is not None
        qtbot.waitUntil(lambda: document.pageCount() == 1, timeout=5000)
    else:
        assert viewer.image is not None
    viewer.grab()  # render it
    for root in (tmp_path, vault.directory, Path(tempfile.gettempdir())):
        assert _files_containing(root, marker, started) == [], root


def test_export_warns_first(qtbot: QtBot, receptionist: Session, tmp_path: Path) -> None:
    patient_id = add_patient(receptionist)
    out = tmp_path / "out"
    out.mkdir()
    dialogs = ChoosingDialogs(answers=[False, True], save_to=out)
    dialogs.open_path = write(tmp_path / "in" / "releve.bin", b"\x00\x01 releve")
    tab = make_tab(qtbot, receptionist, patient_id, "administrative", dialogs)
    with qtbot.waitSignal(tab.import_finished):
        tab.findChild(QPushButton, "import_button").click()
    export = tab.findChild(QPushButton, "export_button")
    export.click()  # the warning is declined: nothing leaves the vault
    assert "plus protégée" in dialogs.questions[0]
    assert list(out.iterdir()) == []
    export.click()
    assert (out / "releve.bin").read_bytes() == b"\x00\x01 releve"
    assert dialogs.shown[-1][0] == "inform"
    # Never overwritten: a second export to the same name is refused plainly.
    dialogs.answers.append(True)
    export.click()
    assert dialogs.shown[-1][0] == "warn"


def test_export_with_answers_queued_in_the_dialogs_wrapper(
    qtbot: QtBot, receptionist: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(receptionist)
    source = write(tmp_path / "in" / "attestation.pdf", tiny_pdf())
    dialogs = RecordingDialogs()
    dialogs.queue_answers(source)  # the file chooser
    tab = make_tab(qtbot, receptionist, patient_id, "administrative", dialogs)
    with qtbot.waitSignal(tab.import_finished):
        tab.findChild(QPushButton, "import_button").click()
    assert tab.table.rowCount() == 1
    target = tmp_path / "attestation-export.pdf"
    dialogs.queue_answers(Button.Yes, target)  # the warning, then the save chooser
    assert tab.export_selected() == target
    assert target.read_bytes() == source.read_bytes()


# -- imports on a worker thread: progress, cancel, stop ----------------------------------------
BIG = 3 * CHUNK_SIZE + 17


def on_worker(tab: DocumentsTab, callback: Callable[[DocumentTask, TaskProgress], None]) -> None:
    """Run `callback` on the worker thread at each progress report of the next job."""

    def started(task: DocumentTask) -> None:
        task.progressed.connect(
            lambda progress: callback(task, progress), Qt.ConnectionType.DirectConnection
        )

    tab.work_started.connect(started)


def test_dropped_files_import_on_a_worker_thread(
    qtbot: QtBot, practitioner: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(practitioner)
    dialogs = AnsweringDialogs()
    tab = make_tab(qtbot, practitioner, patient_id, "clinical", dialogs)
    threads: set[int] = set()
    reports: list[TaskProgress] = []

    def record(_task: DocumentTask, progress: TaskProgress) -> None:
        threads.add(threading.get_ident())
        reports.append(progress)

    on_worker(tab, record)
    files = [write(tmp_path / "in" / f"scan_{i}.pdf", tiny_pdf() + b"x" * BIG) for i in range(3)]
    busy: list[bool] = []
    tab.busy_changed.connect(busy.append)
    with qtbot.waitSignal(tab.documents_changed):
        tab.drop_paths(files)
        assert tab.busy and tab.importer.progress_dialog is not None
        assert tab.importer.progress_dialog.isVisible()
    assert busy == [True, False] and not tab.busy
    assert threads and threading.get_ident() not in threads
    assert {r.file_number for r in reports} == {1, 2, 3}
    assert reports[-1].done_bytes == reports[-1].total_bytes == sum(f.stat().st_size for f in files)
    assert tab.table.rowCount() == 3
    assert dialogs.shown == []  # a plain success needs no message


def test_cancel_within_a_big_file_keeps_nothing_of_it(
    qtbot: QtBot, practitioner: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(practitioner)
    dialogs = AnsweringDialogs()
    tab = make_tab(qtbot, practitioner, patient_id, "clinical", dialogs)

    def cancel_half_way(task: DocumentTask, progress: TaskProgress) -> None:
        if progress.done_bytes >= 2 * CHUNK_SIZE:
            task.cancel()

    on_worker(tab, cancel_half_way)
    source = write(tmp_path / "irm.pdf", tiny_pdf() + b"y" * BIG)
    with qtbot.waitSignal(tab.import_finished) as finished:
        tab.import_files([source])
    outcome = finished.args[0]
    assert outcome.cancelled and outcome.imported == () and outcome.not_processed == 1
    assert documents.list_clinical_documents(practitioner, patient_id) == []
    assert practitioner.clinical_db.execute("SELECT count(*) FROM document_chunks").fetchone() == (
        0,
    )
    assert tab.table.rowCount() == 0
    assert dialogs.shown[-1][0] == "inform" and "interrompu" in dialogs.shown[-1][2]
    assert source.exists()


@pytest.mark.parametrize("how", ["button", "escape", "window_close"])
def test_cancel_from_the_progress_dialog_stops_between_two_files(
    qtbot: QtBot, receptionist: Session, tmp_path: Path, how: str
) -> None:
    patient_id = add_patient(receptionist)
    dialogs = AnsweringDialogs()
    tab = make_tab(qtbot, receptionist, patient_id, "administrative", dialogs)
    second_file = threading.Event()
    go_on = threading.Event()

    def hold_at_second_file(_task: DocumentTask, progress: TaskProgress) -> None:
        if progress.file_number == 2 and not second_file.is_set():
            second_file.set()
            go_on.wait(10)

    on_worker(tab, hold_at_second_file)
    files = [write(tmp_path / f"attestation_{i}.pdf", tiny_pdf()) for i in range(3)]
    with qtbot.waitSignal(tab.import_finished) as finished:
        tab.import_files(files)
        qtbot.waitUntil(second_file.is_set)
        progress_dialog = tab.importer.progress_dialog
        assert progress_dialog is not None
        if how == "button":
            progress_dialog.findChild(QPushButton).click()  # Interrompre
        elif how == "escape":
            qtbot.keyClick(progress_dialog, Qt.Key.Key_Escape)
        else:
            progress_dialog.close()
        # Still shown (and modal) until the worker has really stopped.
        assert progress_dialog.isVisible() and "Interruption" in progress_dialog.labelText()
        go_on.set()
    outcome = finished.args[0]
    assert [info.original_name for info in outcome.imported] == ["attestation_0.pdf"]
    assert outcome.not_processed == 2
    (stored,) = documents.list_admin_documents(receptionist, patient_id)
    assert stored.original_name == "attestation_0.pdf"
    assert tab.table.rowCount() == 1
    assert "1 fichier(s) importé(s), 2 non importé(s)" in dialogs.shown[-1][2]


def test_failures_are_listed_in_plain_words_and_the_rest_goes_on(
    qtbot: QtBot, receptionist: Session, tmp_path: Path
) -> None:
    patient_id = add_patient(receptionist)
    dialogs = AnsweringDialogs()
    tab = make_tab(qtbot, receptionist, patient_id, "administrative", dialogs)
    paths = [write(tmp_path / "vide.pdf", b""), write(tmp_path / "mutuelle.pdf", tiny_pdf()),
             tmp_path / "disparu.pdf"]  # fmt: skip
    with qtbot.waitSignal(tab.import_finished):
        tab.drop_paths(paths)
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warn"
    assert "• vide.pdf : " in text and "• disparu.pdf : " in text
    assert "mutuelle.pdf" not in text
    assert "Traceback" not in text and "Error" not in text
    assert [d.original_name for d in documents.list_admin_documents(receptionist, patient_id)] == [
        "mutuelle.pdf"
    ]


def test_stop_work_cancels_and_frees_the_session(
    qtbot: QtBot, practitioner: Session, tmp_path: Path
) -> None:
    """What closing the file or locking the vault does while an import runs."""
    patient_id = add_patient(practitioner)
    tab = make_tab(qtbot, practitioner, patient_id, "clinical", AnsweringDialogs())
    started = threading.Event()

    def hold_until_cancelled(task: DocumentTask, _progress: TaskProgress) -> None:
        started.set()
        assert task.wait_cancelled(10)

    on_worker(tab, hold_until_cancelled)
    finished: list[object] = []
    tab.import_finished.connect(finished.append)
    task = tab.import_files([write(tmp_path / "gros.pdf", tiny_pdf() + b"z" * BIG)])
    assert task is not None
    qtbot.waitUntil(started.is_set)
    assert tab.import_files([tmp_path / "gros.pdf"]) is None  # one job at a time
    tab.stop_work()
    assert task.isFinished() and not tab.busy
    assert not practitioner.clinical_db.in_transaction
    assert documents.list_clinical_documents(practitioner, patient_id) == []
    practitioner.lock()  # nothing holds the databases any more
    QCoreApplication.processEvents()  # anything still queued must not reach the session
    assert finished == []
