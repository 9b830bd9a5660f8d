"""A document shown from memory: PDF through QtPdf reading a QBuffer, images through
QImage.fromData. Nothing is written to disk, not even a temporary file; other types cannot be
shown and are offered for export instead."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from medvault.gui.widgets import WARNING_STYLE

PDF = "application/pdf"


def can_display(media_type: str) -> bool:
    return media_type == PDF or media_type.startswith("image/")


class DocumentViewer(QWidget):
    """One document, held in memory for as long as the window is open.
    `export_requested` asks the owner to export it (the owner warns and audits)."""

    export_requested = Signal()

    def __init__(
        self, data: bytes, media_type: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("document_viewer")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The title is the document's, which can be clinical: the window title stays generic.
        self.setWindowTitle(self.tr("Document — medvault"))
        self._bytes = QByteArray(data)
        self._buffer: QBuffer | None = None
        self.pdf_document: QPdfDocument | None = None
        self.image: QImage | None = None

        heading = QLabel(title)
        heading.setObjectName("document_title_label")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        export_button = QPushButton(self.tr("Exporter…"))
        export_button.setObjectName("export_button")
        export_button.setToolTip(self.tr("Enregistrer une copie non protégée hors du coffre"))
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(export_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._content(media_type), 1)
        self.resize(820, 900)
        export_button.clicked.connect(self._on_export_button_clicked)

    def _content(self, media_type: str) -> QWidget:
        if media_type == PDF:
            return self._pdf_view()
        if media_type.startswith("image/"):
            image = QImage.fromData(self._bytes)
            if not image.isNull():
                return self._image_view(image)
        return self._unavailable()

    def _pdf_view(self) -> QWidget:
        buffer = QBuffer(self)
        buffer.setData(self._bytes)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        document = QPdfDocument(self)
        document.load(buffer)
        self.pdf_document = document
        view = QPdfView()
        view.setObjectName("pdf_view")
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(document)
        return view

    def _image_view(self, image: QImage) -> QWidget:
        self.image = image
        label = QLabel()
        label.setObjectName("image_label")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setPixmap(QPixmap.fromImage(image))
        area = QScrollArea()
        area.setObjectName("image_area")
        area.setWidget(label)
        area.setWidgetResizable(True)
        area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return area

    def _unavailable(self) -> QWidget:
        label = QLabel(
            self.tr(
                "Ce type de document ne peut pas être affiché dans medvault.\n"
                "Vous pouvez l'exporter pour l'ouvrir avec un autre logiciel : la copie "
                "exportée ne sera plus protégée par le coffre."
            )
        )
        label.setObjectName("unavailable_label")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(WARNING_STYLE)
        return label

    def _on_export_button_clicked(self) -> None:
        self.export_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Drop the content as soon as the window closes rather than at garbage collection.
        if self.pdf_document is not None:
            self.pdf_document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
        self._bytes.clear()
        super().closeEvent(event)
