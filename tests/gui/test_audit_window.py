"""The audit viewer: lazy pages (model tester), filters, chain status, CSV export, retention and
archiving; the menu entry for practitioners only; the access-history tab of a patient file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.audit_query import AuditFilter
from medvault.core.permissions import Area
from medvault.gui.audit_model import COLUMN_KEYS, PAGE_SIZE, AuditTableModel
from medvault.gui.audit_window import AuditWindow
from medvault.gui.main_window import MainWindow
from medvault.gui.patient_access_tab import PatientAccessTab
from medvault.gui.patient_file_window import open_patient_file
from medvault.services import audit_view
from medvault.services.session import Session
from medvault.storage import audit_repo
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.gui.conftest import RecordingDialogs
from tests.services.clinical_helpers import add_patient

YES = QMessageBox.StandardButton.Yes


def _many_reads(session: Session, patient_id: int, count: int) -> None:
    with session.admin_transaction():
        for _ in range(count):
            session.audit(
                AuditEvent(AuditAction.READ, Area.ADMINISTRATIVE, patient_id=str(patient_id))
            )


def _cell(model: AuditTableModel, row: int, key: str) -> str:
    return str(model.data(model.index(row, COLUMN_KEYS.index(key))))


def test_model_fetches_pages_lazily_and_passes_the_tester(practitioner: Session) -> None:
    patient = add_patient(practitioner)
    _many_reads(practitioner, patient, PAGE_SIZE + 50)
    model = AuditTableModel(practitioner)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
    model.set_cursor(audit_view.query_audit(practitioner, AuditFilter(patient_id=str(patient))))
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE + 50 and not model.canFetchMore(QModelIndex())
    seqs = [int(_cell(model, row, "seq")) for row in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == len(seqs)
    assert _cell(model, 0, "action") == "Consultation"
    assert _cell(model, 0, "patient") == str(patient)
    model.clear()
    assert model.rowCount() == 0


def test_window_filters_shows_chain_state_and_exports(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    patient = add_patient(practitioner)
    _many_reads(practitioner, patient, 5)
    window = AuditWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    opened = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (opened.action, opened.target) == ("read", "audit_log")
    qtbot.waitUntil(lambda: not window.chain.running, timeout=10000)
    assert "intègre" in window.chain.label.text()
    assert window.model.rowCount() >= 5 + 4

    window.patient_edit.setText(str(patient))
    window.apply_button.click()
    assert window.model.rowCount() == 5
    window.action_combo.setCurrentIndex(window.action_combo.findData("login"))
    window.apply_button.click()
    assert window.model.rowCount() == 0
    window.since_check.setChecked(True)
    window.until_check.setChecked(True)
    window.until_edit.setDate(window.since_edit.date().addDays(-1))
    window.apply_button.click()
    assert "date de fin" in window.error_label.text()
    window.reset_button.click()
    assert window.model.rowCount() > 5 and not window.error_label.text()

    window.patient_edit.setText(str(patient))
    window.apply_button.click()
    target = tmp_path / "journal.csv"
    dialogs.queue_answers(target)
    window.export_button.click()
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 1 + 5 and {r[6] for r in rows[1:]} == {str(patient)}
    assert "5" in window.status_label.text()
    dialogs.queue_answers(None)  # cancelled: nothing written, nothing recorded
    head = audit_repo.read_head(practitioner.admin_db)
    window.export_button.click()
    assert audit_repo.read_head(practitioner.admin_db) == head


def test_window_shows_a_broken_chain(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    conn = practitioner.admin_db
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET target = 'x' WHERE seq = 2")
    window = AuditWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.chain.running, timeout=10000)
    assert "altéré" in window.chain.label.text() and "2" in window.chain.label.text()


def test_the_chain_is_checked_on_a_worker_and_closing_stops_it(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = AuditWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    assert window.chain.running  # the window is shown before the verdict
    assert "Vérification" in window.chain.label.text()
    assert not window.chain.verify_button.isEnabled()
    with qtbot.waitSignal(window.chain.finished, timeout=10000):
        pass
    assert "intègre" in window.chain.label.text() and window.chain.verify_button.isEnabled()

    window.chain.verify_button.click()  # again, then the window closes (as a lock closes it)
    assert window.chain.running
    window.close()
    assert not window.chain.running
    practitioner.lock()  # nothing of the check holds the session


def test_retention_and_archive_from_the_window(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    window = AuditWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    assert window.retention_spin.value() == 12
    assert "Aucun enregistrement archivé" in window.archive_label.text()
    window.retention_spin.setValue(24)
    window.save_retention_button.click()
    assert audit_repo.recent(practitioner.admin_db, 1)[0].target == "audit_retention:24"
    dialogs.queue_answers(YES)
    window.archive_button.click()
    assert "Aucun enregistrement assez ancien" in window.status_label.text()
    assert audit_repo.archived_range(practitioner.admin_db) is None


@pytest.mark.parametrize("role", ["practitioner", "receptionist"])
def test_menu_offers_the_viewer_to_practitioners_only(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs, role: str
) -> None:
    login, password = (
        (PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
        if role == "practitioner"
        else (RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    )
    with vault.unlock(login, password) as session:
        window = MainWindow(session, dialogs=dialogs, settings=None)
        qtbot.addWidget(window)
        assert (window.menu.audit_action is not None) is (role == "practitioner")
        if window.menu.audit_action is not None:
            window.menu.audit_action.trigger()
            assert any(isinstance(w, AuditWindow) for w in window.menu._opened)
        window.menu.close_windows()


def test_access_tab_for_practitioners_only_loaded_when_shown(
    qtbot: QtBot, vault: VaultInfo, dialogs: RecordingDialogs
) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as practitioner:
        patient = add_patient(practitioner)
        window = open_patient_file(practitioner, patient, dialogs)
        assert window is not None
        qtbot.addWidget(window)
        tab = window.findChild(PatientAccessTab)
        assert tab is not None and not tab.loaded
        before = audit_repo.read_head(practitioner.admin_db)
        window.show()
        window.tabs.setCurrentWidget(tab)
        assert tab.loaded
        opened = audit_repo.recent(practitioner.admin_db, 1)[0]
        assert before is not None and opened.seq == before.seq + 1
        assert (opened.patient_id, opened.target) == (str(patient), "access_history")
        model = tab.model
        assert model.rowCount() >= 2  # the file's opening read, and this tab's
        assert {_cell(model, r, "patient") for r in range(model.rowCount())} == {str(patient)}
        assert tab.table.isColumnHidden(COLUMN_KEYS.index("patient"))
        window.discard_and_close()

    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as receptionist:
        desk = open_patient_file(receptionist, patient, dialogs)
        assert desk is not None
        qtbot.addWidget(desk)
        assert desk.findChild(PatientAccessTab) is None
        texts = [desk.tabs.tabText(i) for i in range(desk.tabs.count())]
        assert "Accès au dossier" not in texts
        desk.discard_and_close()
