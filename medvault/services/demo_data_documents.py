"""Small documents for demo vaults, made in memory: a lab report (PDF, fpdf2) and a mock-up of a
carte Vitale scan (PNG, Pillow), both marked as specimens. Only synthetic data goes in them."""

from __future__ import annotations

import io
import random
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from medvault.core.patient import PatientForm, Sex

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

SPECIMEN_FR = "SPÉCIMEN - document de démonstration, sans valeur"
_CARD_SIZE = (428, 270)  # a bank-card ratio at about 127 dpi
_CARD_GREEN = (0, 122, 94)
_CARD_YELLOW = (255, 210, 0)
_WHITE = (255, 255, 255)
# Common fonts with French accents (Linux, Windows, macOS); Pillow looks in the system folders.
_CARD_FONT_FILES = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "arial.ttf", "Arial.ttf")

# test, unit, low, high, decimals
_LAB_TESTS = (
    ("Hémoglobine", "g/dL", 12.0, 17.0, 1),
    ("Leucocytes", "G/L", 4.0, 10.0, 1),
    ("Plaquettes", "G/L", 150.0, 400.0, 0),
    ("Glycémie à jeun", "g/L", 0.70, 1.10, 2),
    ("Créatinine", "µmol/L", 50.0, 105.0, 0),
    ("Cholestérol LDL", "g/L", 0.80, 1.60, 2),
    ("TSH", "mUI/L", 0.4, 4.0, 2),
    ("Ferritine", "µg/L", 20.0, 300.0, 0),
)


@dataclass(frozen=True)
class GeneratedDocument:
    file_name: str
    title: str
    document_date: date
    content: bytes


def _display_name(form: PatientForm) -> str:
    first = form.first_names[0] if isinstance(form.first_names, tuple) else form.first_names
    return f"{(form.used_name or form.birth_name).upper()} {first}"


def _birth_date_text(form: PatientForm) -> str:
    birth = form.birth_date
    return birth.strftime("%d/%m/%Y") if isinstance(birth, date) else str(birth)


def _french_number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def lab_report_pdf(rng: random.Random, form: PatientForm, day: date) -> GeneratedDocument:
    """A one-page biology report: a few tests, most within the reference range."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # French accents, œ and µ with the core fonts
    # A fixed creation date: the same seed gives the same file.
    pdf.set_creation_date(datetime.combine(day, time(12, 0), tzinfo=UTC))
    pdf.set_title("Compte rendu de biologie")
    pdf.add_page()

    def line(height: float, text: str) -> None:
        pdf.cell(0, height, text=text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.set_font("Helvetica", style="B", size=15)
    line(9, "Laboratoire de biologie médicale (démonstration)")
    pdf.set_font("Helvetica", size=10)
    line(6, SPECIMEN_FR)
    pdf.ln(4)
    pdf.set_font("Helvetica", style="B", size=11)
    line(7, f"Patient(e) : {_display_name(form)}")
    pdf.set_font("Helvetica", size=10)
    line(6, f"Né(e) le {_birth_date_text(form)}")
    line(6, f"Prélèvement du {day.strftime('%d/%m/%Y')}")
    pdf.ln(4)
    with pdf.table(col_widths=(60, 35, 55)) as table:
        header = table.row()
        for cell in ("Analyse", "Résultat", "Valeurs de référence"):
            header.cell(cell)
        for name, unit, low, high, decimals in rng.sample(_LAB_TESTS, 5):
            span = high - low
            value = rng.uniform(low - 0.15 * span, high + 0.15 * span)
            row = table.row()
            row.cell(name)
            row.cell(f"{_french_number(value, decimals)} {unit}")
            low_text, high_text = _french_number(low, decimals), _french_number(high, decimals)
            row.cell(f"{low_text} - {high_text} {unit}")
    return GeneratedDocument(
        file_name=f"biologie_{day.isoformat()}.pdf",
        title="Bilan biologique",
        document_date=day,
        content=bytes(pdf.output()),
    )


def _spaced_nir(nir: str) -> str:
    parts = (nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:])
    return " ".join(parts)


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c.isascii())


def _system_font() -> str | None:
    """A system font with French accents, if one is found (Pillow's own stops at ASCII)."""
    from PIL import ImageFont

    for name in _CARD_FONT_FILES:
        try:
            ImageFont.truetype(name, 12)
        except OSError:
            continue
        return name
    return None


def vitale_card_png(form: PatientForm, day: date) -> GeneratedDocument:
    """A carte Vitale look-alike, stamped SPÉCIMEN, as the desk would scan it."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", _CARD_SIZE, _CARD_GREEN)
    draw = ImageDraw.Draw(image)
    width, height = _CARD_SIZE
    draw.rounded_rectangle((3, 3, width - 4, height - 4), radius=20, outline=_WHITE, width=3)
    draw.rectangle((0, height - 60, width, height - 40), fill=_CARD_YELLOW)
    draw.rounded_rectangle((26, 70, 86, 118), radius=8, fill=(212, 175, 55))  # the chip
    font_file = _system_font()

    def font(size: int) -> FreeTypeFont | ImageFont.ImageFont:
        if font_file is None:
            return ImageFont.load_default(size=size)
        return ImageFont.truetype(font_file, size)

    def shown(words: str) -> str:
        return words if font_file is not None else _without_accents(words)

    title, text, small = font(26), font(17), font(12)
    draw.text((24, 20), "carte Vitale", font=title, fill=_WHITE)
    draw.text((250, 28), "ASSURANCE MALADIE", font=small, fill=_WHITE)
    draw.text((110, 78), shown(_display_name(form)), font=text, fill=_WHITE)
    nir = form.nir or "-"
    draw.text((110, 104), _spaced_nir(nir) if len(nir) == 15 else nir, font=text, fill=_WHITE)
    sex = "F" if form.sex in (Sex.FEMALE, "F") else "M"
    born = shown(f"Né(e) le {_birth_date_text(form)}  -  {sex}")
    draw.text((110, 130), born, font=small, fill=_WHITE)
    draw.text((24, height - 58), shown("SPÉCIMEN - DÉMONSTRATION"), font=text, fill=(0, 0, 0))
    draw.text((24, height - 32), shown(SPECIMEN_FR), font=small, fill=_WHITE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return GeneratedDocument(
        file_name="carte_vitale.png",
        title="Carte Vitale (scan)",
        document_date=day,
        content=buffer.getvalue(),
    )
