"""The exported PDF prints a patient's name as written, whatever the alphabet: read back with
Qt's PDF engine (the built-in viewer's), not only checked as bytes."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument

from medvault.core.patient_export_archive import read_export
from medvault.core.patient_export_content import PDF_NAME
from medvault.core.patient_export_request import ConsentCheck, ExportRequest, RecipientKind
from medvault.services.patient_export import export_patient
from medvault.services.session import Session
from tests.services.rights_helpers import new_patient

NAMES = ("ŁUKASZEWICZ-ĐẶNG", "Șerban Ødegård")


def pdf_text(data: bytes) -> str:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def test_names_in_any_alphabet_print_as_written(practitioner: Session, tmp_path: Path) -> None:
    pid = new_patient(practitioner, NAMES[0], date(1980, 5, 17), first=NAMES[1])
    out = tmp_path / "export.zip"
    request = ExportRequest(pid, recipient_kind=RecipientKind.PATIENT, recipient="patient")

    result = export_patient(practitioner, request, out, shown_consent=ConsentCheck.NOT_NEEDED)

    files = read_export(io.BytesIO(out.read_bytes()), result.password)
    text = pdf_text(files[PDF_NAME])
    for name in NAMES:
        assert name in text
