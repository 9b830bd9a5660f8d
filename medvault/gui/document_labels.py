"""Document categories as the interface names them. The French text is written out here so
that lupdate extracts it for translation; it is the same as core.documents.CATEGORY_LABELS
(a test keeps the two in step)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from medvault.core.documents import DocumentCategory

_CATEGORY_SOURCE: dict[DocumentCategory, str] = {
    DocumentCategory.INSURANCE: str(
        QT_TRANSLATE_NOOP("document_categories", "Assurance maladie, mutuelle")
    ),
    DocumentCategory.IDENTITY: str(QT_TRANSLATE_NOOP("document_categories", "Pièce d'identité")),
    DocumentCategory.BILLING: str(QT_TRANSLATE_NOOP("document_categories", "Facturation")),
    DocumentCategory.ADMIN_CORRESPONDENCE: str(
        QT_TRANSLATE_NOOP("document_categories", "Courrier administratif")
    ),
    DocumentCategory.ADMIN_OTHER: str(
        QT_TRANSLATE_NOOP("document_categories", "Autre document administratif")
    ),
    DocumentCategory.LAB_RESULT: str(
        QT_TRANSLATE_NOOP("document_categories", "Résultat de laboratoire")
    ),
    DocumentCategory.IMAGING: str(QT_TRANSLATE_NOOP("document_categories", "Imagerie")),
    DocumentCategory.LETTER: str(QT_TRANSLATE_NOOP("document_categories", "Courrier médical")),
    DocumentCategory.REPORT: str(QT_TRANSLATE_NOOP("document_categories", "Compte rendu")),
    DocumentCategory.PRESCRIPTION: str(QT_TRANSLATE_NOOP("document_categories", "Ordonnance")),
    DocumentCategory.CLINICAL_OTHER: str(
        QT_TRANSLATE_NOOP("document_categories", "Autre document médical")
    ),
}


def category_source_text(category: DocumentCategory) -> str:
    """The French label, untranslated."""
    return _CATEGORY_SOURCE[DocumentCategory(category)]


def category_label(category: DocumentCategory) -> str:
    """The label in the interface language."""
    return QCoreApplication.translate("document_categories", category_source_text(category))
