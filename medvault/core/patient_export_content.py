"""Everything one export holds, gathered by the service before anything is written, and the
names the files get inside the archive (ids and a cleaned original name: the archive's own
names are hidden by the encrypted outer layer, see patient_export_archive)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from medvault.core.clinical import (
    AllergyData,
    Entry,
    HistoryData,
    TreatmentData,
    VaccinationData,
)
from medvault.core.clinical_consultation import Consultation
from medvault.core.documents import DocumentInfo, DocumentKind
from medvault.core.patient import Patient
from medvault.core.patient_export_request import ExportSection

PDF_NAME = "dossier.pdf"
FHIR_NAME = "dossier-fhir-r4.json"
_NAME_MAX = 80


def archive_path(info: DocumentInfo) -> str:
    """documents/<kind>/<id>-<name>: ASCII, no folders or dots that could escape the archive."""
    folder = "administratifs" if info.kind is DocumentKind.ADMINISTRATIVE else "medicaux"
    folded = unicodedata.normalize("NFKD", info.original_name)
    ascii_name = "".join(ch for ch in folded if not unicodedata.combining(ch))
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_name).strip("._") or "document"
    if len(safe) > _NAME_MAX:
        stem, dot, suffix = safe.rpartition(".")
        safe = (stem[: _NAME_MAX - len(suffix) - 1] + dot + suffix) if dot else safe[:_NAME_MAX]
    return f"documents/{folder}/{info.id}-{safe}"


@dataclass(frozen=True)
class ExportedDocument:
    info: DocumentInfo
    path: str  # inside the inner archive
    sha1_base64: str  # FHIR Attachment.hash is a base64 SHA-1 of the content


@dataclass(frozen=True)
class ExportContent:
    patient: Patient
    sections: frozenset[ExportSection]
    generated_at: datetime
    practice_name: str
    history: tuple[Entry[HistoryData], ...] = ()
    allergies: tuple[Entry[AllergyData], ...] = ()
    treatments: tuple[Entry[TreatmentData], ...] = ()
    vaccinations: tuple[Entry[VaccinationData], ...] = ()
    consultations: tuple[Consultation, ...] = ()  # oldest first
    documents: tuple[ExportedDocument, ...] = ()
