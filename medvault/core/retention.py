"""How long a patient's file is kept, by the French rule for medical records (Code de la santé
publique, art. R1112-7, which the Ordre des médecins recommends to private practice as well):
20 years after the last consultation; a patient who was a minor then keeps their file at least
until their 28th birthday.

Both parts reduce to one term: max(last consultation + 20 years, birth + 28 years). (For a
patient who was an adult at the last visit the first is always the later.) A file with no
consultation at all counts from the day it was created in the vault. A practitioner may extend
the term, with a reason; the latest extension holds.

Dates fall on the same day and month N years later; 29 February falls on 1 March (the later of
the two candidates: a file is never erased a day early)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from medvault.core.clinical_text import clean_line
from medvault.core.errors import FieldError, KnownError

YEARS_AFTER_LAST_VISIT = 20
MINIMUM_AGE_YEARS = 28
EXTENSION_MAX_YEARS = 30
REASON_MAX = 300


class RetentionNotDueError(KnownError):
    fr = (
        "La durée de conservation de ce dossier n'est pas échue (ou elle a été prolongée) : "
        "il ne peut pas être effacé à ce titre."
    )
    en = (
        "This file's retention period has not ended (or it was extended): it cannot be erased "
        "on that basis."
    )


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return date(day.year + years, 3, 1)


def subtract_years(day: date, years: int) -> date:
    """The latest date d such that add_years(d, years) <= day: a cut-off for SQL filters."""
    try:
        candidate = day.replace(year=day.year - years)
    except ValueError:  # today is 29 February: 28 February + years is still before it
        candidate = date(day.year - years, 2, 28)
    return candidate


class ReferenceKind(enum.StrEnum):
    CONSULTATION = "consultation"  # the last consultation
    CREATION = "creation"  # no consultation: the day the file was created


def retention_term(birth_date: date, reference: date) -> date:
    """The day from which the file may be erased."""
    return max(
        add_years(reference, YEARS_AFTER_LAST_VISIT), add_years(birth_date, MINIMUM_AGE_YEARS)
    )


@dataclass(frozen=True)
class RetentionCase:
    """One file's position against its term; names are for the reviewing practitioner only."""

    patient_id: int
    display_name: str
    birth_date: date
    reference: date
    reference_kind: ReferenceKind
    term: date
    extended_until: date | None
    deleted: bool  # soft-deleted files are still kept, so still reviewed

    @property
    def due(self) -> date:
        """The term, or the extension when it is later."""
        if self.extended_until is not None and self.extended_until > self.term:
            return self.extended_until
        return self.term

    def is_past_term(self, today: date) -> bool:
        return self.due <= today


@dataclass(frozen=True)
class RetentionReview:
    cases: tuple[RetentionCase, ...]  # oldest term first, at most the limit asked
    total: int  # how many files are past their term in all


@dataclass(frozen=True)
class RetentionExtension:
    until: date
    reason: str

    def validated(self, today: date) -> RetentionExtension:
        if not isinstance(self.until, date):
            raise FieldError("until", "Indiquez une date.", "Enter a date.")
        if self.until <= today:
            raise FieldError(
                "until",
                "La nouvelle échéance doit être postérieure à aujourd'hui.",
                "The new term must be after today.",
            )
        if self.until > add_years(today, EXTENSION_MAX_YEARS):
            raise FieldError(
                "until",
                f"Une prolongation ne peut dépasser {EXTENSION_MAX_YEARS} ans ; "
                "elle pourra être renouvelée.",
                f"An extension cannot exceed {EXTENSION_MAX_YEARS} years; it can be renewed.",
            )
        reason = clean_line("reason", self.reason, required=True, max_len=REASON_MAX)
        return RetentionExtension(self.until, reason)
