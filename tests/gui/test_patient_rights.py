"""The patient-rights screens through the real services: the consents tab (both roles), the
export dialog (consent shown and decision recorded, password shown once, reception without
clinical parts) and the retention window (extend, erase)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from medvault.core.clinical_consultation import ConsultationData
from medvault.core.consent import ConsentDecision, ConsentScope
from medvault.core.patient import PatientForm
from medvault.core.patient_export_archive import read_export
from medvault.core.patient_export_request import ExportSection
from medvault.gui.consent_tab import ConsentTab
from medvault.gui.patient_export_dialog import PatientExportDialog
from medvault.gui.retention_window import RetentionWindow
from medvault.services import consent, patients
from medvault.services.clinical_consultations import create_consultation
from medvault.services.session import Session
from tests.gui.conftest import RecordingDialogs

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def _patient(session: Session, name: str = "Dupont", birth: str = "05/11/1984") -> int:
    form = PatientForm(birth_name=name, first_names="Anne", sex="F", birth_date=birth)
    return patients.create_patient(session, form).patient.id


def _audit(session: Session, action: str) -> list[tuple[str, str]]:
    rows = session.admin_db.execute(
        "SELECT outcome, target FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


@pytest.fixture(params=["practitioner", "receptionist"])
def desk(request: pytest.FixtureRequest) -> Session:
    session: Session = request.getfixturevalue(request.param)
    return session


def test_consent_tab_records_and_prepares_a_withdrawal(
    qtbot: QtBot, desk: Session, dialogs: RecordingDialogs
) -> None:
    pid = _patient(desk)
    tab = ConsentTab(desk, pid, dialogs)
    qtbot.addWidget(tab)
    tab.scope_combo.setCurrentIndex(tab.scope_combo.findData(ConsentScope.SHARING))
    tab.save_button.click()
    assert "partag" in tab.error_label.text()  # recipient required for sharing
    assert tab.table.rowCount() == 0

    tab.recipient_edit.setText("Dr Lefèvre")
    with qtbot.waitSignal(tab.consent_recorded):
        tab.save_button.click()
    assert tab.table.rowCount() == 1 and tab.error_label.text() == ""
    tab.table.selectRow(0)
    assert tab.withdraw_button.isEnabled()
    tab.withdraw_button.click()
    assert tab.decision_combo.currentData() == ConsentDecision.WITHDRAWN
    assert tab.recipient_edit.text() == "Dr Lefèvre"
    tab.save_button.click()
    status = consent.consent_status(desk, pid)
    assert [(r.form.recipient, r.form.decision) for r in status] == [
        ("Dr Lefèvre", ConsentDecision.WITHDRAWN)
    ]
    assert tab.table.rowCount() == 2


def test_export_dialog_third_party_decline_then_export(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    pid = _patient(practitioner)
    dialog = PatientExportDialog(practitioner, pid, dialogs)
    qtbot.addWidget(dialog)
    assert set(dialog.section_boxes) == set(ExportSection)
    dialog.third_party_radio.setChecked(True)
    assert dialog.recipient_edit.text() == ""
    dialog.recipient_edit.setText("Dr Martin")

    dialogs.queue_answers(NO)
    dialog.export_button.click()
    assert _audit(practitioner, "consent_check") == [("success", "none:declined:Dr Martin")]

    target = tmp_path / "envoi"
    dialogs.queue_answers(YES, target)
    with qtbot.waitSignal(dialog.exporter.export_finished):  # on a worker thread
        dialog.export_button.click()
    assert dialog.pages.currentIndex() == 1
    password = dialog.password_label.text()
    assert dialog.result_info is not None and password == dialog.result_info.password
    files = read_export(io.BytesIO((tmp_path / "envoi.zip").read_bytes()), password)
    assert "dossier.pdf" in files
    assert _audit(practitioner, "consent_check")[-1] == ("success", "none:proceeded:Dr Martin")
    assert _audit(practitioner, "export")[-1][1].startswith("patient_export:third_party:Dr Martin")


def test_export_dialog_for_reception_has_no_clinical_parts(
    qtbot: QtBot, receptionist: Session, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    pid = _patient(receptionist)
    dialog = PatientExportDialog(receptionist, pid, dialogs)
    qtbot.addWidget(dialog)
    assert list(dialog.section_boxes) == [ExportSection.ADMIN_DOCUMENTS]
    dialog.recipient_edit.setText("a@b")
    dialog.export_button.click()
    assert dialog.recipient_error.text() != "" and dialog.pages.currentIndex() == 0
    dialog.recipient_edit.setText("patient")
    dialogs.queue_answers(tmp_path / "moi.zip")
    with qtbot.waitSignal(dialog.exporter.export_finished):
        dialog.export_button.click()
    assert dialog.pages.currentIndex() == 1
    assert _audit(receptionist, "export") == [
        ("success", "patient_export:patient:patient:admin_documents")
    ]


def test_retention_window_extends_then_erases(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    old = _patient(practitioner, "Ancien", "01/01/1940")
    create_consultation(practitioner, old, ConsultationData(date(2000, 3, 1), "Suivi"))
    _patient(practitioner, "Recent", "01/01/1940")
    assert RetentionWindow.available_to(practitioner)
    window = RetentionWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    assert window.table.rowCount() == 1
    assert window.table.item(0, 0).text() == "Ancien Anne"
    assert not window.extend_button.isEnabled()

    window.table.selectRow(0)
    window.extend_button.click()
    assert window.error_label.text() != ""  # reason required
    window.reason_edit.setText("Demande du patient")
    window.extend_button.click()
    assert window.table.rowCount() == 0
    ((outcome, target),) = _audit(practitioner, "retention_extend")
    assert outcome == "success" and target.startswith("retention:")


def test_retention_window_erases_after_confirmation(
    qtbot: QtBot, practitioner: Session, dialogs: RecordingDialogs
) -> None:
    old = _patient(practitioner, "Ancien", "01/01/1940")
    create_consultation(practitioner, old, ConsultationData(date(2000, 3, 1), "Suivi"))
    window = RetentionWindow(practitioner, dialogs)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    dialogs.queue_answers(NO)
    window.erase_button.click()
    assert window.table.rowCount() == 1
    dialogs.queue_answers(YES)
    with qtbot.waitSignal(window.patients_erased) as erased:
        window.erase_button.click()
    assert erased.args == [[old]]
    assert window.table.rowCount() == 0


def test_retention_window_not_offered_to_reception(receptionist: Session) -> None:
    assert not RetentionWindow.available_to(receptionist)
