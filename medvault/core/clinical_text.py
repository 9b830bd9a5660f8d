"""Checks shared by the clinical record's fields: free text, short labels, dates and years.

Each check returns the cleaned value or raises FieldError naming the field. Messages describe the
rule, never the refused value (it may be clinical text)."""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime

from medvault.core.errors import FieldError

LINE_MAX = 300  # a label, a substance, a drug name, a lot number
TEXT_MAX = 20_000  # a note or one SOAP section
EARLIEST_YEAR = 1850  # family history may go back a few generations
_ALLOWED_CONTROLS = frozenset("\n\t")


def _refuse_invisible(field: str, text: str) -> None:
    for char in text:
        category = unicodedata.category(char)
        if (category == "Cc" and char not in _ALLOWED_CONTROLS) or category in ("Cs", "Co"):
            raise FieldError(
                field,
                "Ce texte contient des caractères invisibles ou invalides.",
                "This text contains invisible or invalid characters.",
            )


def _as_text(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise FieldError(field, "Ce champ doit être un texte.", "This field must be text.")
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def clean_line(
    field: str, value: object, *, required: bool = False, max_len: int = LINE_MAX
) -> str:
    """One line of text: whitespace runs collapsed to single spaces."""
    text = " ".join(_as_text(field, value).split())
    _refuse_invisible(field, text)
    if required and not text:
        raise FieldError(field, "Ce champ est obligatoire.", "This field is required.")
    if len(text) > max_len:
        raise FieldError(
            field,
            f"Ce champ est limité à {max_len} caractères.",
            f"This field is limited to {max_len} characters.",
        )
    return text


def clean_text(
    field: str, value: object, *, required: bool = False, max_len: int = TEXT_MAX
) -> str:
    """Free text (notes): line breaks kept, surrounding blank space removed."""
    text = _as_text(field, value).strip()
    _refuse_invisible(field, text)
    if required and not text:
        raise FieldError(field, "Ce champ est obligatoire.", "This field is required.")
    if len(text) > max_len:
        raise FieldError(
            field,
            f"Ce texte est limité à {max_len} caractères.",
            f"This text is limited to {max_len} characters.",
        )
    return text


def check_date(field: str, value: object, *, today: date, required: bool = False) -> date | None:
    """A calendar date, not before EARLIEST_YEAR and not in the future."""
    if value is None:
        if required:
            raise FieldError(field, "La date est obligatoire.", "The date is required.")
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise FieldError(field, "Ce champ doit être une date.", "This field must be a date.")
    if value.year < EARLIEST_YEAR:
        raise FieldError(
            field,
            f"La date ne peut pas être antérieure à {EARLIEST_YEAR}.",
            f"The date cannot be earlier than {EARLIEST_YEAR}.",
        )
    if value > today:
        raise FieldError(
            field, "La date ne peut pas être dans le futur.", "The date cannot be in the future."
        )
    return value


def check_year(field: str, value: object, *, today: date) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(
            field, "L'année doit être un nombre entier.", "The year must be a whole number."
        )
    if not EARLIEST_YEAR <= value <= today.year:
        raise FieldError(
            field,
            f"L'année doit être comprise entre {EARLIEST_YEAR} et l'année en cours.",
            f"The year must be between {EARLIEST_YEAR} and the current year.",
        )
    return value


def check_number(field: str, value: object, *, whole: bool = False) -> float | None:
    """A finite number (bool refused); `whole` also refuses fractions."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FieldError(field, "Ce champ doit être un nombre.", "This field must be a number.")
    if whole and not float(value).is_integer():
        raise FieldError(
            field, "Ce champ doit être un nombre entier.", "This field must be a whole number."
        )
    return float(value)
