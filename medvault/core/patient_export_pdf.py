"""The exported file as a readable PDF (fpdf2, built in memory): identity, history, allergies,
treatments, vaccinations, consultations with their vital signs, and the list of documents that
come with it. French, as the practice writes its files.

The text is set in DejaVu Sans, embedded (a subset): names in any Latin alphabet (Polish,
Romanian, Vietnamese...), Greek or Cyrillic print as written. A character the font lacks would
show as an empty box, never be dropped silently."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import date

from medvault.core.clinical import AllergyKind, HistoryKind, Severity
from medvault.core.clinical_consultation import Vitals
from medvault.core.documents import DocumentKind
from medvault.core.patient import Sex
from medvault.core.patient_export_content import ExportContent
from medvault.core.patient_export_request import ExportSection
from medvault.core.resource_files import pdf_fonts

_HISTORY = {
    HistoryKind.MEDICAL: "médical",
    HistoryKind.SURGICAL: "chirurgical",
    HistoryKind.FAMILY: "familial",
}
_SEVERITY = {
    Severity.MILD: "légère",
    Severity.MODERATE: "modérée",
    Severity.SEVERE: "sévère",
    Severity.UNKNOWN: "gravité inconnue",
}
_SEX = {Sex.FEMALE: "Féminin", Sex.MALE: "Masculin", Sex.INDETERMINATE: "Indéterminé"}


FONT = "DejaVu"


def _printable(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def _vitals_text(vitals: Vitals) -> str:
    parts = []
    if vitals.weight_kg is not None:
        parts.append(f"poids {vitals.weight_kg:g} kg")
    if vitals.height_cm is not None:
        parts.append(f"taille {vitals.height_cm:g} cm")
    if vitals.systolic_mmhg is not None and vitals.diastolic_mmhg is not None:
        parts.append(f"TA {vitals.systolic_mmhg}/{vitals.diastolic_mmhg} mmHg")
    if vitals.pulse_bpm is not None:
        parts.append(f"pouls {vitals.pulse_bpm}/min")
    if vitals.temperature_c is not None:
        parts.append(f"température {vitals.temperature_c:g} °C")
    return ", ".join(parts).replace(".", ",")


class _Writer:
    def __init__(self, content: ExportContent) -> None:
        from fpdf import FPDF  # loaded only when exporting

        self.pdf = FPDF(format="A4")
        regular, bold = pdf_fonts()
        self.pdf.add_font(FONT, style="", fname=str(regular))
        self.pdf.add_font(FONT, style="B", fname=str(bold))
        self.pdf.set_creation_date(content.generated_at)
        self.pdf.set_title("Dossier patient")
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.pdf.add_page()

    def heading(self, text: str) -> None:
        self.pdf.ln(3)
        self.pdf.set_font(FONT, style="B", size=13)
        self.paragraph(text, height=8)
        self.pdf.set_font(FONT, size=10)

    def paragraph(self, text: str, *, height: float = 5.5, bold: bool = False) -> None:
        from fpdf.enums import XPos, YPos

        if bold:
            self.pdf.set_font(FONT, style="B", size=10)
        self.pdf.multi_cell(0, height, text=_printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if bold:
            self.pdf.set_font(FONT, size=10)

    def items(self, lines: Iterable[str], empty: str) -> None:
        wrote = False
        for line in lines:
            self.paragraph(f"- {line}")
            wrote = True
        if not wrote:
            self.paragraph(empty)


def _identity(writer: _Writer, content: ExportContent) -> None:
    data = content.patient.data
    writer.heading("Identité")
    rows = [
        ("Nom de naissance", data.birth_name),
        ("Nom utilisé", data.used_name or ""),
        ("Prénoms", " ".join(data.first_names)),
        ("Prénom utilisé", data.used_first_name or ""),
        ("Sexe", _SEX[data.sex]),
        ("Date de naissance", _day(data.birth_date)),
        ("Matricule INS", data.nir or ""),
        ("Adresse", " ".join(p for p in (data.address, data.postal_code, data.city) if p)),
        ("Téléphone", " / ".join(p for p in (data.phone_mobile, data.phone_other) if p)),
        ("Courriel", data.email or ""),
        ("Médecin traitant", data.referring_physician or ""),
    ]
    for label, value in rows:
        if value:
            writer.paragraph(f"{label} : {value}")


def _clinical(writer: _Writer, content: ExportContent) -> None:
    sections = content.sections
    if ExportSection.HISTORY in sections:
        writer.heading("Antécédents")
        writer.items(
            (
                f"{e.data.label} ({_HISTORY[e.data.kind]}"
                + (f", {_day(e.data.on_date)}" if e.data.on_date else "")
                + (f", {e.data.year}" if e.data.year and not e.data.on_date else "")
                + ")"
                + (f" : {e.data.description}" if e.data.description else "")
                for e in content.history
            ),
            "Aucun antécédent enregistré.",
        )
    if ExportSection.ALLERGIES in sections:
        writer.heading("Allergies et intolérances")
        writer.items(
            (
                f"{e.data.substance} ("
                + ("intolérance" if e.data.kind is AllergyKind.INTOLERANCE else "allergie")
                + f", {_SEVERITY[e.data.severity]})"
                + (f" : {e.data.reaction}" if e.data.reaction else "")
                for e in content.allergies
            ),
            "Aucune allergie connue enregistrée.",
        )
    if ExportSection.TREATMENTS in sections:
        writer.heading("Traitements")
        writer.items(
            (
                " ".join(p for p in (e.data.drug_name, e.data.dosage, e.data.frequency) if p)
                + (f" (depuis le {_day(e.data.start_date)})" if e.data.start_date else "")
                + (f" (jusqu'au {_day(e.data.end_date)})" if e.data.end_date else "")
                + (" - arrêté" if e.data.stopped else "")
                for e in content.treatments
            ),
            "Aucun traitement enregistré.",
        )
    if ExportSection.VACCINATIONS in sections:
        writer.heading("Vaccinations")
        writer.items(
            (
                f"{_day(e.data.given_on)} : {e.data.vaccine}"
                + (f" (dose {e.data.dose})" if e.data.dose else "")
                + (f", lot {e.data.lot_number}" if e.data.lot_number else "")
                for e in content.vaccinations
            ),
            "Aucune vaccination enregistrée.",
        )
    if ExportSection.CONSULTATIONS in sections:
        _consultations(writer, content)


def _consultations(writer: _Writer, content: ExportContent) -> None:
    writer.heading("Consultations")
    if not content.consultations:
        writer.paragraph("Aucune consultation enregistrée.")
    for consultation in content.consultations:
        data = consultation.data
        writer.pdf.ln(1)
        writer.paragraph(f"{_day(data.consulted_on)} - {data.reason}", bold=True)
        for label, text in (
            ("Subjectif", data.notes.subjective),
            ("Objectif", data.notes.objective),
            ("Appréciation", data.notes.assessment),
            ("Plan", data.notes.plan),
            ("Constantes", _vitals_text(data.vitals)),
        ):
            if text:
                writer.paragraph(f"{label} : {text}")


def _documents(writer: _Writer, content: ExportContent) -> None:
    if not content.sections & {ExportSection.ADMIN_DOCUMENTS, ExportSection.CLINICAL_DOCUMENTS}:
        return
    writer.heading("Documents joints")
    writer.items(
        (
            f"{_day(d.info.document_date)} : {d.info.title} ("
            + ("administratif" if d.info.kind is DocumentKind.ADMINISTRATIVE else "médical")
            + f") - fichier {d.path}"
            for d in content.documents
        ),
        "Aucun document.",
    )


def build_pdf(content: ExportContent) -> bytes:
    writer = _Writer(content)
    writer.pdf.set_font(FONT, style="B", size=16)
    writer.paragraph("Copie du dossier patient", height=9)
    writer.pdf.set_font(FONT, size=10)
    writer.paragraph(
        f"{content.practice_name} - document établi le {_day(content.generated_at.date())}"
    )
    _identity(writer, content)
    _clinical(writer, content)
    _documents(writer, content)
    return bytes(writer.pdf.output())
