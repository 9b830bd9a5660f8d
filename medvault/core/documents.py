"""Documents kept inside the vault: kinds, categories, metadata, validation and media types.

Administrative documents (insurance papers, identity copies) live in admin.db; clinical documents
(lab results, letters, imaging reports) live in clinical.db, title and file name included, since
both can be clinical text. Content is stored in chunks and checked against its SHA-256."""

from __future__ import annotations

import enum
import mimetypes
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from medvault.core.errors import FieldError, KnownError, UnknownRecordError

# One size for everything above it: no medical document is legitimately larger.
MAX_DOCUMENT_BYTES = 2 * 1024**3
MAX_TITLE_CHARS = 200
MAX_SOURCE_CHARS = 200
MAX_FILE_NAME_CHARS = 255
MAX_REASON_CHARS = 500
_EARLIEST_DATE = date(1900, 1, 1)


class DocumentKind(enum.StrEnum):
    ADMINISTRATIVE = "administrative"
    CLINICAL = "clinical"


class DocumentCategory(enum.StrEnum):
    # administrative
    INSURANCE = "insurance"  # carte Vitale, mutuelle, attestation de droits
    IDENTITY = "identity"  # pièce d'identité
    BILLING = "billing"
    ADMIN_CORRESPONDENCE = "admin_correspondence"
    ADMIN_OTHER = "admin_other"
    # clinical
    LAB_RESULT = "lab_result"
    IMAGING = "imaging"
    LETTER = "letter"
    REPORT = "report"
    PRESCRIPTION = "prescription"
    CLINICAL_OTHER = "clinical_other"


CATEGORY_KIND: dict[DocumentCategory, DocumentKind] = {
    DocumentCategory.INSURANCE: DocumentKind.ADMINISTRATIVE,
    DocumentCategory.IDENTITY: DocumentKind.ADMINISTRATIVE,
    DocumentCategory.BILLING: DocumentKind.ADMINISTRATIVE,
    DocumentCategory.ADMIN_CORRESPONDENCE: DocumentKind.ADMINISTRATIVE,
    DocumentCategory.ADMIN_OTHER: DocumentKind.ADMINISTRATIVE,
    DocumentCategory.LAB_RESULT: DocumentKind.CLINICAL,
    DocumentCategory.IMAGING: DocumentKind.CLINICAL,
    DocumentCategory.LETTER: DocumentKind.CLINICAL,
    DocumentCategory.REPORT: DocumentKind.CLINICAL,
    DocumentCategory.PRESCRIPTION: DocumentKind.CLINICAL,
    DocumentCategory.CLINICAL_OTHER: DocumentKind.CLINICAL,
}

CATEGORY_LABELS: dict[DocumentCategory, tuple[str, str]] = {
    DocumentCategory.INSURANCE: ("Assurance maladie, mutuelle", "Health insurance"),
    DocumentCategory.IDENTITY: ("Pièce d'identité", "Identity document"),
    DocumentCategory.BILLING: ("Facturation", "Billing"),
    DocumentCategory.ADMIN_CORRESPONDENCE: ("Courrier administratif", "Administrative letter"),
    DocumentCategory.ADMIN_OTHER: ("Autre document administratif", "Other administrative"),
    DocumentCategory.LAB_RESULT: ("Résultat de laboratoire", "Lab result"),
    DocumentCategory.IMAGING: ("Imagerie", "Imaging"),
    DocumentCategory.LETTER: ("Courrier médical", "Medical letter"),
    DocumentCategory.REPORT: ("Compte rendu", "Report"),
    DocumentCategory.PRESCRIPTION: ("Ordonnance", "Prescription"),
    DocumentCategory.CLINICAL_OTHER: ("Autre document médical", "Other clinical"),
}

DEFAULT_CATEGORY: dict[DocumentKind, DocumentCategory] = {
    DocumentKind.ADMINISTRATIVE: DocumentCategory.ADMIN_OTHER,
    DocumentKind.CLINICAL: DocumentCategory.CLINICAL_OTHER,
}


def categories_for(kind: DocumentKind) -> tuple[DocumentCategory, ...]:
    return tuple(c for c, k in CATEGORY_KIND.items() if k is kind)


# -- errors (never a title, file name or path in the message) ------------------------------------
class UnknownDocumentError(UnknownRecordError):
    fr = "Ce document n'existe pas dans le coffre."
    en = "This document does not exist in the vault."


class DocumentDeletedError(KnownError):
    fr = "Ce document a été supprimé."
    en = "This document was deleted."


class DocumentIntegrityError(KnownError):
    fr = (
        "Le document enregistré ne correspond plus à son empreinte SHA-256 : il est altéré. "
        "Restaurez une sauvegarde."
    )
    en = (
        "The stored document no longer matches its SHA-256 fingerprint: it is damaged. "
        "Restore a backup."
    )


class SourceFileError(KnownError):
    fr = (
        "Le fichier à importer est illisible (absent, protégé ou en cours d'utilisation) ; "
        "rien n'a été importé."
    )
    en = "The file to import cannot be read (missing, protected or in use); nothing was imported."


class SourceChangedError(KnownError):
    fr = "Le fichier a changé pendant sa lecture ; rien n'a été importé."
    en = "The file changed while it was read; nothing was imported."


class EmptyDocumentError(KnownError):
    fr = "Le fichier est vide ; rien n'a été importé."
    en = "The file is empty; nothing was imported."


class DocumentTooLargeError(KnownError):
    fr = "Le fichier dépasse 2 Gio ; rien n'a été importé."
    en = "The file is larger than 2 GiB; nothing was imported."


class ExportTargetExistsError(KnownError):
    fr = "Un fichier porte déjà ce nom à cet endroit ; rien n'a été écrasé."
    en = "A file with this name already exists there; nothing was overwritten."


class ExportTargetError(KnownError):
    fr = "Impossible d'écrire dans le dossier choisi (absent ou protégé) ; rien n'a été exporté."
    en = "The chosen folder cannot be written to (missing or protected); nothing was exported."


# -- metadata ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class DocumentFields:
    """What the user says about a document, validated."""

    title: str
    document_date: date
    category: DocumentCategory
    source: str
    original_name: str


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document's metadata (never its content)."""

    id: int
    kind: DocumentKind
    patient_id: int
    title: str
    document_date: date
    category: DocumentCategory
    source: str
    original_name: str
    media_type: str
    size: int
    sha256: str
    chunk_count: int
    created_at: str
    created_by: str | None
    deleted_at: str | None = None
    deleted_by: str | None = None
    deletion_reason: str | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def audit_target(self) -> str:
        return audit_target(self.kind, self.id)


def audit_target(kind: DocumentKind, document_id: int) -> str:
    """The audit log names a document by kind and id only."""
    prefix = "admin_document" if kind is DocumentKind.ADMINISTRATIVE else "clinical_document"
    return f"{prefix}:{document_id}"


def _clean_text(value: str) -> str:
    # NFC so that accents typed on different systems compare equal; control characters out.
    text = unicodedata.normalize("NFC", value)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())


def _text(field: str, value: object, limit: int, *, required: bool, fr: str, en: str) -> str:
    if not isinstance(value, str):
        raise FieldError(field, f"{fr} : texte attendu.", f"{en}: text expected.")
    text = _clean_text(value)
    if required and not text:
        raise FieldError(field, f"{fr} est obligatoire.", f"{en} is required.")
    if len(text) > limit:
        raise FieldError(
            field,
            f"{fr} ne doit pas dépasser {limit} caractères.",
            f"{en} must not exceed {limit} characters.",
        )
    return text


def validate_document_date(value: object, today: date) -> date:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise FieldError(
                "document_date",
                "La date du document est invalide (format AAAA-MM-JJ).",
                "The document date is invalid (format YYYY-MM-DD).",
            ) from None
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise FieldError(
            "document_date", "La date du document est invalide.", "The document date is invalid."
        )
    # One day of slack: the practice's local date may be ahead of UTC.
    if not _EARLIEST_DATE <= value <= today + timedelta(days=1):
        raise FieldError(
            "document_date",
            "La date du document doit être comprise entre 1900 et aujourd'hui.",
            "The document date must be between 1900 and today.",
        )
    return value


def validate_category(kind: DocumentKind, value: object) -> DocumentCategory:
    try:
        category = DocumentCategory(str(value))
    except ValueError:
        category = None
    if category is None or CATEGORY_KIND[category] is not kind:
        raise FieldError(
            "category",
            "Cette catégorie n'existe pas pour ce type de document.",
            "This category does not exist for this kind of document.",
        )
    return category


def validate_original_name(value: object) -> str:
    if isinstance(value, str):
        # Keep only the last path component, whichever separator the source system used.
        value = value.replace("\\", "/").rsplit("/", 1)[-1]
    return _text(
        "original_name",
        value,
        MAX_FILE_NAME_CHARS,
        required=True,
        fr="Le nom du fichier d'origine",
        en="The original file name",
    )


def validate_fields(
    kind: DocumentKind,
    *,
    title: object,
    document_date: object,
    category: object,
    source: object,
    original_name: object,
    today: date,
) -> DocumentFields:
    return DocumentFields(
        title=_text("title", title, MAX_TITLE_CHARS, required=True, fr="Le titre", en="The title"),
        document_date=validate_document_date(document_date, today),
        category=validate_category(kind, category),
        source=_text(
            "source", source, MAX_SOURCE_CHARS, required=False, fr="La source", en="The source"
        ),
        original_name=validate_original_name(original_name),
    )


def validate_deletion_reason(reason: object) -> str:
    return _text(
        "reason",
        reason,
        MAX_REASON_CHARS,
        required=True,
        fr="Le motif de suppression",
        en="The reason for deletion",
    )


def title_from_file_name(name: str) -> str:
    """A usable title for a file imported without one (the desktop sweep): its name, no suffix."""
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    text = _clean_text(stem.replace("_", " ")) or _clean_text(name) or "Document"
    return text[:MAX_TITLE_CHARS]


# -- media types -------------------------------------------------------------------------------
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
MAGIC_BYTES_NEEDED = 16
OCTET_STREAM = "application/octet-stream"


def guess_media_type(file_name: str, head: bytes) -> str:
    """The content's signature wins over the name (a scan saved as .tmp is still a PDF); the name
    is only a guess for formats without a reliable signature."""
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    guessed, _encoding = mimetypes.guess_type(file_name, strict=False)
    return guessed or OCTET_STREAM
