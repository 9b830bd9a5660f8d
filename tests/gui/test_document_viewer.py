"""The in-memory viewer: a one-page PDF through QtPdf from a QBuffer, a PNG through
QImage.fromData, and other types offered for export only."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from medvault.gui.document_viewer import DocumentViewer


def tiny_pdf(text: str = "Bonjour") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    painter.drawText(QRect(0, 0, 4000, 1000), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    buffer.close()
    return bytes(data.data())


def tiny_png(color: str = "#2a6") -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def test_pdf_from_memory(qtbot: QtBot) -> None:
    content = tiny_pdf()
    assert content.startswith(b"%PDF-")
    viewer = DocumentViewer(content, "application/pdf", "Compte rendu")
    qtbot.addWidget(viewer)
    viewer.show()
    document = viewer.pdf_document
    assert document is not None
    qtbot.waitUntil(lambda: document.status() is QPdfDocument.Status.Ready, timeout=5000)
    assert document.pageCount() == 1
    assert "Bonjour" in document.getAllText(0).text()
    assert viewer.windowTitle() == "Document — medvault"  # never the document's title


def test_png_from_bytes(qtbot: QtBot) -> None:
    viewer = DocumentViewer(tiny_png(), "image/png", "Carte Vitale")
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.image is not None
    assert (viewer.image.width(), viewer.image.height()) == (40, 30)
    assert viewer.image.pixelColor(5, 5) == QColor("#22aa66")
    label = viewer.findChild(QLabel, "image_label")
    assert label is not None and not label.pixmap().isNull()


def test_other_types_are_offered_for_export(qtbot: QtBot) -> None:
    viewer = DocumentViewer(b"PK\x03\x04 not shown", "application/zip", "Archive")
    qtbot.addWidget(viewer)
    assert viewer.pdf_document is None and viewer.image is None
    label = viewer.findChild(QLabel, "unavailable_label")
    assert label is not None and "plus protégée" in label.text()
    with qtbot.waitSignal(viewer.export_requested):
        viewer.findChild(QPushButton, "export_button").click()


def test_damaged_image_is_not_shown(qtbot: QtBot) -> None:
    viewer = DocumentViewer(b"\x89PNG\r\n\x1a\nbroken", "image/png", "Photo")
    qtbot.addWidget(viewer)
    assert viewer.image is None
    assert viewer.findChild(QLabel, "unavailable_label") is not None
