"""A patient's request for their file (right of access and portability): what to export, for
whom, and the words the audit trail keeps about it.

The recipient is a short label the user types ("patient", "Dr Lefevre", "avocat"): it goes
into the audit trail, so it is held to a few plain characters — not a place for patient data."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from medvault.core.errors import FieldError

RECIPIENT_MAX = 40
_RECIPIENT_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .'_-]*")


class RecipientKind(enum.StrEnum):
    PATIENT = "patient"  # the patient or their legal representative: no consent needed
    THIRD_PARTY = "third_party"  # a colleague, an institution: the sharing consent is checked


class ExportSection(enum.StrEnum):
    """Parts of the file; identity is always included (it says whose file it is)."""

    ADMIN_DOCUMENTS = "admin_documents"
    HISTORY = "history"
    ALLERGIES = "allergies"
    TREATMENTS = "treatments"
    VACCINATIONS = "vaccinations"
    CONSULTATIONS = "consultations"
    CLINICAL_DOCUMENTS = "clinical_documents"

    @property
    def is_clinical(self) -> bool:
        return self is not ExportSection.ADMIN_DOCUMENTS


ALL_SECTIONS = frozenset(ExportSection)
ADMIN_SECTIONS = frozenset(s for s in ExportSection if not s.is_clinical)


def clean_recipient(value: object) -> str:
    """Letters without accents, digits, spaces and . ' _ - ; 1 to 40 characters."""
    if not isinstance(value, str):
        raise FieldError("recipient", "Indiquez le destinataire.", "Enter the recipient.")
    folded = unicodedata.normalize("NFKD", " ".join(value.split()))
    text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    if not text:
        raise FieldError("recipient", "Indiquez le destinataire.", "Enter the recipient.")
    if len(text) > RECIPIENT_MAX or _RECIPIENT_PATTERN.fullmatch(text) is None:
        raise FieldError(
            "recipient",
            f"Destinataire : un libellé court ({RECIPIENT_MAX} caractères au plus : lettres, "
            "chiffres, espaces, . ' _ -), par exemple « patient » ou « Dr Lefevre ».",
            f"Recipient: a short label (at most {RECIPIENT_MAX} characters: letters, digits, "
            'spaces, . \' _ -), e.g. "patient" or "Dr Lefevre".',
        )
    return text


@dataclass(frozen=True)
class ExportRequest:
    patient_id: int
    recipient_kind: RecipientKind
    recipient: str
    sections: frozenset[ExportSection] = ALL_SECTIONS

    def validated(self) -> ExportRequest:
        if isinstance(self.patient_id, bool) or not isinstance(self.patient_id, int):
            raise TypeError("patient_id must be an int")
        try:
            kind = RecipientKind(self.recipient_kind)
        except ValueError:
            raise FieldError(
                "recipient_kind",
                "Cette valeur n'est pas proposée.",
                "This value is not one of the choices.",
            ) from None
        sections = frozenset(ExportSection(s) for s in self.sections)
        return ExportRequest(self.patient_id, kind, clean_recipient(self.recipient), sections)

    @property
    def has_clinical(self) -> bool:
        return any(s.is_clinical for s in self.sections)

    @property
    def audit_target(self) -> str:
        """Kind, recipient label and section codes: no patient data."""
        codes = ",".join(sorted(s.value for s in self.sections)) or "identity"
        return f"patient_export:{self.recipient_kind.value}:{self.recipient}:{codes}"


class ConsentCheck(enum.StrEnum):
    """The sharing consent as shown before a third-party export."""

    NOT_NEEDED = "not_needed"  # the patient's own request
    GRANTED = "granted"  # a current consent names this recipient
    NONE = "none"  # nothing on file for this recipient
    REFUSED = "refused"  # a current refusal or withdrawal for this recipient


@dataclass(frozen=True)
class ExportResult:
    path_name: str  # the file's name, for the confirmation message
    password: str  # shown once, never stored
    size: int
    document_count: int
