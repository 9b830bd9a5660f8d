"""The clinical record's list entries: history, allergies and intolerances, current treatments,
vaccinations. Each kind of entry is a frozen data class whose `validated(today)` returns a cleaned
copy or raises FieldError naming the field.

Entries are never erased: removing one keeps it with who, when and why, out of the current view."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar, Generic, TypeVar

from medvault.core.clinical_consultation import ConsultationPage
from medvault.core.clinical_text import check_date, check_year, clean_line, clean_text
from medvault.core.errors import FieldError


class HistoryKind(enum.StrEnum):
    MEDICAL = "medical"
    SURGICAL = "surgical"
    FAMILY = "family"


class AllergyKind(enum.StrEnum):
    ALLERGY = "allergy"
    INTOLERANCE = "intolerance"


class Severity(enum.StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    UNKNOWN = "unknown"


E = TypeVar("E", bound=enum.StrEnum)


def _choice(field: str, enum_type: type[E], value: object) -> E:
    """One of the enum's values (a plain string from a form is accepted too)."""
    if isinstance(value, str):
        try:
            return enum_type(value)
        except ValueError:
            pass
    raise FieldError(
        field, "Cette valeur n'est pas proposée.", "This value is not one of the choices."
    )


@dataclass(frozen=True)
class HistoryData:
    """A medical, surgical or family history entry, dated by a day, a year, or not at all."""

    code: ClassVar[str] = "history"
    kind: HistoryKind
    label: str
    description: str = ""
    on_date: date | None = None
    year: int | None = None
    notes: str = ""

    def validated(self, today: date) -> HistoryData:
        on_date = check_date("on_date", self.on_date, today=today)
        year = check_year("year", self.year, today=today)
        if on_date is not None and year is not None and on_date.year != year:
            raise FieldError(
                "year",
                "L'année ne correspond pas à la date ; n'indiquez que l'une des deux.",
                "The year does not match the date; give only one of them.",
            )
        return replace(
            self,
            kind=_choice("kind", HistoryKind, self.kind),
            label=clean_line("label", self.label, required=True),
            description=clean_text("description", self.description),
            on_date=on_date,
            year=year,
            notes=clean_text("notes", self.notes),
        )


@dataclass(frozen=True)
class AllergyData:
    """An allergy or an intolerance to a substance."""

    code: ClassVar[str] = "allergy"
    substance: str
    kind: AllergyKind = AllergyKind.ALLERGY
    reaction: str = ""
    severity: Severity = Severity.UNKNOWN
    recorded_on: date | None = None
    notes: str = ""

    def validated(self, today: date) -> AllergyData:
        return replace(
            self,
            substance=clean_line("substance", self.substance, required=True),
            kind=_choice("kind", AllergyKind, self.kind),
            reaction=clean_text("reaction", self.reaction, max_len=2000),
            severity=_choice("severity", Severity, self.severity),
            recorded_on=check_date("recorded_on", self.recorded_on, today=today),
            notes=clean_text("notes", self.notes),
        )


@dataclass(frozen=True)
class TreatmentData:
    """A treatment the patient takes (or took: an end date in the past, or stopped)."""

    code: ClassVar[str] = "treatment"
    drug_name: str
    dosage: str = ""
    frequency: str = ""
    start_date: date | None = None
    end_date: date | None = None
    stopped: bool = False
    prescriber: str = ""
    notes: str = ""

    def validated(self, today: date) -> TreatmentData:
        start = check_date("start_date", self.start_date, today=today)
        # A planned end (a 10-day course) may lie in the future; only the start is checked.
        end = self.end_date
        if end is not None and not isinstance(end, date):
            raise FieldError(
                "end_date", "Ce champ doit être une date.", "This field must be a date."
            )
        if start is not None and end is not None and end < start:
            raise FieldError(
                "end_date",
                "La date de fin précède la date de début.",
                "The end date is before the start date.",
            )
        if not isinstance(self.stopped, bool):
            raise FieldError("stopped", "Valeur oui/non attendue.", "A yes/no value is expected.")
        return replace(
            self,
            drug_name=clean_line("drug_name", self.drug_name, required=True),
            dosage=clean_line("dosage", self.dosage),
            frequency=clean_line("frequency", self.frequency),
            start_date=start,
            end_date=end,
            prescriber=clean_line("prescriber", self.prescriber),
            notes=clean_text("notes", self.notes),
        )

    def is_current(self, today: date) -> bool:
        return not self.stopped and (self.end_date is None or self.end_date >= today)


@dataclass(frozen=True)
class VaccinationData:
    code: ClassVar[str] = "vaccination"
    vaccine: str
    given_on: date
    lot_number: str = ""
    dose: str = ""  # "1", "2", "rappel" ...
    notes: str = ""

    def validated(self, today: date) -> VaccinationData:
        given_on = check_date("given_on", self.given_on, today=today, required=True)
        assert given_on is not None  # required=True never returns None
        return replace(
            self,
            vaccine=clean_line("vaccine", self.vaccine, required=True),
            given_on=given_on,
            lot_number=clean_line("lot_number", self.lot_number, max_len=60),
            dose=clean_line("dose", self.dose, max_len=60),
            notes=clean_text("notes", self.notes),
        )


D = TypeVar("D", HistoryData, AllergyData, TreatmentData, VaccinationData)

ENTRY_TYPES: tuple[type[HistoryData | AllergyData | TreatmentData | VaccinationData], ...] = (
    HistoryData,
    AllergyData,
    TreatmentData,
    VaccinationData,
)


@dataclass(frozen=True)
class Removal:
    removed_at: str
    removed_by: str
    reason: str


@dataclass(frozen=True)
class Entry(Generic[D]):
    """One stored entry: its data, its version (for stale-write checks) and its trail."""

    id: int
    patient_id: int
    version: int
    data: D
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    removal: Removal | None = None

    @property
    def is_removed(self) -> bool:
        return self.removal is not None


def clean_removal_reason(reason: object) -> str:
    return clean_line("reason", reason, required=True, max_len=500)


def check_version(version: object) -> int:
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FieldError(
            "version",
            "Numéro de version de la fiche invalide.",
            "Invalid record version number.",
        )
    return version


@dataclass(frozen=True)
class ClinicalFile:
    """A patient's clinical file as opened: current entries and the latest consultations."""

    patient_id: int
    history: tuple[Entry[HistoryData], ...]
    allergies: tuple[Entry[AllergyData], ...]
    treatments: tuple[Entry[TreatmentData], ...]
    vaccinations: tuple[Entry[VaccinationData], ...]
    consultations: ConsultationPage
