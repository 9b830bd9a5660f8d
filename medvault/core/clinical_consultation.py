"""Consultations: date, reason, SOAP notes and vitals with sane-range checks.

The body mass index is always computed from weight and height, never typed in nor stored, so it
cannot disagree with them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from medvault.core.clinical_text import check_date, check_number, clean_line, clean_text
from medvault.core.errors import FieldError


@dataclass(frozen=True)
class VitalRange:
    field: str
    label_fr: str  # the start of the French sentence, with its agreement
    label_en: str
    low: float
    high: float
    unit: str
    whole: bool = False

    def check(self, value: object) -> float | None:
        number = check_number(self.field, value, whole=self.whole)
        if number is not None and not self.low <= number <= self.high:
            low_fr, high_fr = _fr_number(self.low), _fr_number(self.high)
            raise FieldError(
                self.field,
                f"{self.label_fr} entre {low_fr} et {high_fr} {self.unit}.",
                f"{self.label_en} must be between {self.low:g} and {self.high:g} {self.unit}.",
            )
        return number


def _fr_number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


WEIGHT = VitalRange("weight_kg", "Le poids doit être compris", "Weight", 0.3, 400, "kg")
HEIGHT = VitalRange("height_cm", "La taille doit être comprise", "Height", 20, 250, "cm")
SYSTOLIC = VitalRange(
    "systolic_mmhg",
    "La pression systolique doit être comprise",
    "Systolic pressure",
    50,
    300,
    "mmHg",
    whole=True,
)
DIASTOLIC = VitalRange(
    "diastolic_mmhg",
    "La pression diastolique doit être comprise",
    "Diastolic pressure",
    20,
    200,
    "mmHg",
    whole=True,
)
PULSE = VitalRange("pulse_bpm", "Le pouls doit être compris", "Pulse", 20, 300, "bpm", whole=True)
TEMPERATURE = VitalRange(
    "temperature_c", "La température doit être comprise", "Temperature", 30, 45, "°C"
)


def body_mass_index(weight_kg: float | None, height_cm: float | None) -> float | None:
    """kg / m², to one decimal; None unless both measures are known."""
    if weight_kg is None or height_cm is None:
        return None
    metres = height_cm / 100
    return round(weight_kg / (metres * metres), 1)


def _whole(value: float | None) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True)
class Vitals:
    weight_kg: float | None = None
    height_cm: float | None = None
    systolic_mmhg: int | None = None
    diastolic_mmhg: int | None = None
    pulse_bpm: int | None = None
    temperature_c: float | None = None

    @property
    def bmi(self) -> float | None:
        return body_mass_index(self.weight_kg, self.height_cm)

    def validated(self) -> Vitals:
        systolic = _whole(SYSTOLIC.check(self.systolic_mmhg))
        diastolic = _whole(DIASTOLIC.check(self.diastolic_mmhg))
        if (systolic is None) != (diastolic is None):
            missing = "diastolic_mmhg" if diastolic is None else "systolic_mmhg"
            raise FieldError(
                missing,
                "La pression artérielle se note avec ses deux valeurs (systolique et diastolique).",
                "Blood pressure needs both values (systolic and diastolic).",
            )
        if systolic is not None and diastolic is not None and diastolic >= systolic:
            raise FieldError(
                "diastolic_mmhg",
                "La pression diastolique doit être inférieure à la systolique.",
                "Diastolic pressure must be lower than systolic pressure.",
            )
        return Vitals(
            weight_kg=WEIGHT.check(self.weight_kg),
            height_cm=HEIGHT.check(self.height_cm),
            systolic_mmhg=systolic,
            diastolic_mmhg=diastolic,
            pulse_bpm=_whole(PULSE.check(self.pulse_bpm)),
            temperature_c=TEMPERATURE.check(self.temperature_c),
        )


@dataclass(frozen=True)
class SoapNotes:
    """Structured notes: what the patient says, what is found, the assessment, the plan."""

    subjective: str = ""
    objective: str = ""
    assessment: str = ""
    plan: str = ""

    def validated(self) -> SoapNotes:
        return SoapNotes(
            subjective=clean_text("subjective", self.subjective),
            objective=clean_text("objective", self.objective),
            assessment=clean_text("assessment", self.assessment),
            plan=clean_text("plan", self.plan),
        )


@dataclass(frozen=True)
class ConsultationData:
    consulted_on: date
    reason: str
    notes: SoapNotes = field(default_factory=SoapNotes)
    vitals: Vitals = field(default_factory=Vitals)

    def validated(self, today: date) -> ConsultationData:
        consulted_on = check_date("consulted_on", self.consulted_on, today=today, required=True)
        assert consulted_on is not None  # required=True never returns None
        if not isinstance(self.notes, SoapNotes) or not isinstance(self.vitals, Vitals):
            raise TypeError("notes and vitals must be SoapNotes and Vitals")
        return replace(
            self,
            consulted_on=consulted_on,
            reason=clean_line("reason", self.reason, required=True, max_len=500),
            notes=self.notes.validated(),
            vitals=self.vitals.validated(),
        )


@dataclass(frozen=True)
class Consultation:
    id: int
    patient_id: int
    version: int
    data: ConsultationData
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str

    @property
    def bmi(self) -> float | None:
        return self.data.vitals.bmi


@dataclass(frozen=True)
class ConsultationPage:
    """One page of a patient's consultations, newest first; `has_more` says a next page exists."""

    items: tuple[Consultation, ...]
    offset: int
    has_more: bool


@dataclass(frozen=True)
class SearchHit:
    consultation_id: int
    patient_id: int
    consulted_on: date
    reason: str


def check_page(limit: object, offset: object, *, max_limit: int = 500) -> tuple[int, int]:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= max_limit:
        raise FieldError(
            "limit",
            f"La taille de page doit être comprise entre 1 et {max_limit}.",
            f"The page size must be between 1 and {max_limit}.",
        )
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise FieldError(
            "offset", "Le décalage de page doit être positif.", "The page offset must be positive."
        )
    return limit, offset
