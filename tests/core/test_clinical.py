"""Clinical record validation: entries, vitals ranges, BMI, text and dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from medvault.core.clinical import (
    AllergyData,
    AllergyKind,
    HistoryData,
    HistoryKind,
    Severity,
    TreatmentData,
    VaccinationData,
    check_version,
    clean_removal_reason,
)
from medvault.core.clinical_consultation import (
    ConsultationData,
    SoapNotes,
    Vitals,
    body_mass_index,
    check_page,
)
from medvault.core.clinical_text import TEXT_MAX, clean_line, clean_text
from medvault.core.errors import FieldError

TODAY = date(2025, 3, 14)


def _field_error(call: object) -> FieldError:
    assert callable(call)
    with pytest.raises(FieldError) as caught:
        call()
    error = caught.value
    assert error.fr and error.en and error.fr != error.en
    return error


# -- vitals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "low", "high", "step"),
    [
        ("weight_kg", 0.3, 400, 0.1),
        ("height_cm", 20, 250, 0.1),
        ("pulse_bpm", 20, 300, 1),
        ("temperature_c", 30, 45, 0.1),
    ],
)
def test_single_vitals_accept_their_bounds_and_refuse_beyond(
    field: str, low: float, high: float, step: float
) -> None:
    assert getattr(Vitals(**{field: low}).validated(), field) == low  # type: ignore[arg-type]
    assert getattr(Vitals(**{field: high}).validated(), field) == high  # type: ignore[arg-type]
    for outside in (low - step, high + step):
        error = _field_error(lambda v=outside: Vitals(**{field: v}).validated())
        assert error.field == field
        assert f"{high:g}" in error.en


def test_blood_pressure_bounds_and_order() -> None:
    assert Vitals(systolic_mmhg=300, diastolic_mmhg=200).validated().systolic_mmhg == 300
    assert Vitals(systolic_mmhg=50, diastolic_mmhg=20).validated().diastolic_mmhg == 20
    assert _field_error(lambda: Vitals(systolic_mmhg=301, diastolic_mmhg=80).validated()).field == (
        "systolic_mmhg"
    )
    assert _field_error(lambda: Vitals(systolic_mmhg=49, diastolic_mmhg=30).validated()).field == (
        "systolic_mmhg"
    )
    assert _field_error(lambda: Vitals(systolic_mmhg=120, diastolic_mmhg=19).validated()).field == (
        "diastolic_mmhg"
    )
    equal = _field_error(lambda: Vitals(systolic_mmhg=90, diastolic_mmhg=90).validated())
    assert equal.field == "diastolic_mmhg"
    assert "inférieure" in equal.fr and "lower" in equal.en


def test_blood_pressure_needs_both_values() -> None:
    assert _field_error(lambda: Vitals(systolic_mmhg=120).validated()).field == "diastolic_mmhg"
    assert _field_error(lambda: Vitals(diastolic_mmhg=80).validated()).field == "systolic_mmhg"


def test_french_message_uses_a_decimal_comma() -> None:
    error = _field_error(lambda: Vitals(weight_kg=0.2).validated())
    assert "0,3" in error.fr and "0.3" in error.en
    assert "Le poids" in error.fr and "Weight" in error.en


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), True, "72", [72]])
def test_vitals_refuse_what_is_not_a_finite_number(bad: object) -> None:
    assert _field_error(lambda: Vitals(weight_kg=bad).validated()).field == "weight_kg"  # type: ignore[arg-type]


def test_whole_number_vitals_refuse_fractions_but_accept_integral_floats() -> None:
    assert _field_error(lambda: Vitals(pulse_bpm=72.5).validated()).field == "pulse_bpm"  # type: ignore[arg-type]
    assert Vitals(pulse_bpm=72.0).validated().pulse_bpm == 72  # type: ignore[arg-type]


def test_bmi_is_computed_from_weight_and_height_only() -> None:
    assert body_mass_index(70, 175) == 22.9
    assert Vitals(weight_kg=70, height_cm=175).bmi == 22.9
    assert Vitals(weight_kg=70).bmi is None
    assert Vitals(height_cm=175).bmi is None
    assert "bmi" not in Vitals.__dataclass_fields__  # never typed in


# -- consultations -------------------------------------------------------------------------------


def test_consultation_is_cleaned() -> None:
    data = ConsultationData(
        consulted_on=datetime(2025, 3, 14, 9, 30),
        reason="  Toux   persistante ",
        notes=SoapNotes(subjective="  Tousse depuis 10 jours.\r\nPas de fièvre.  "),
    ).validated(TODAY)
    assert data.consulted_on == date(2025, 3, 14)
    assert data.reason == "Toux persistante"
    assert data.notes.subjective == "Tousse depuis 10 jours.\nPas de fièvre."


def test_consultation_errors_name_their_field() -> None:
    base = ConsultationData(consulted_on=TODAY, reason="Contrôle")
    cases = {
        "reason": ConsultationData(consulted_on=TODAY, reason="   "),
        "consulted_on": ConsultationData(consulted_on=date(2025, 3, 15), reason="x"),
        "plan": ConsultationData(TODAY, "x", SoapNotes(plan="a" * (TEXT_MAX + 1))),
        "temperature_c": ConsultationData(TODAY, "x", vitals=Vitals(temperature_c=46)),
    }
    assert base.validated(TODAY).reason == "Contrôle"
    for field, data in cases.items():
        assert _field_error(lambda d=data: d.validated(TODAY)).field == field


def test_missing_consultation_date_is_refused() -> None:
    data = ConsultationData(consulted_on=None, reason="x")  # type: ignore[arg-type]
    assert _field_error(lambda: data.validated(TODAY)).field == "consulted_on"


# -- entries -------------------------------------------------------------------------------------


def test_history_entry_by_date_or_year() -> None:
    dated = HistoryData(HistoryKind.SURGICAL, " Appendicectomie ", on_date=date(2001, 5, 2))
    assert dated.validated(TODAY).label == "Appendicectomie"
    assert (
        HistoryData(HistoryKind.FAMILY, "Diabète (père)", year=1990).validated(TODAY).year == 1990
    )
    both = HistoryData(HistoryKind.MEDICAL, "Asthme", on_date=date(2001, 5, 2), year=2002)
    assert _field_error(lambda: both.validated(TODAY)).field == "year"
    same = HistoryData(HistoryKind.MEDICAL, "Asthme", on_date=date(2001, 5, 2), year=2001)
    assert same.validated(TODAY).year == 2001
    assert _field_error(lambda: HistoryData("genetic", "x").validated(TODAY)).field == "kind"  # type: ignore[arg-type]
    assert HistoryData("medical", "x").validated(TODAY).kind is HistoryKind.MEDICAL  # type: ignore[arg-type]
    for year in (1849, 2026):
        error = _field_error(
            lambda y=year: HistoryData(HistoryKind.MEDICAL, "x", year=y).validated(TODAY)
        )
        assert error.field == "year"
    assert (
        _field_error(lambda: HistoryData(HistoryKind.MEDICAL, "").validated(TODAY)).field == "label"
    )


def test_allergy_choices_and_dates() -> None:
    allergy = AllergyData("Pénicilline", AllergyKind.ALLERGY, "Urticaire", Severity.SEVERE, TODAY)
    assert allergy.validated(TODAY) == allergy
    assert _field_error(lambda: AllergyData("x", severity="fatal").validated(TODAY)).field == (  # type: ignore[arg-type]
        "severity"
    )
    assert _field_error(lambda: AllergyData("x", kind="other").validated(TODAY)).field == "kind"  # type: ignore[arg-type]
    future = AllergyData("x", recorded_on=date(2025, 3, 15))
    assert _field_error(lambda: future.validated(TODAY)).field == "recorded_on"
    assert _field_error(lambda: AllergyData(" ").validated(TODAY)).field == "substance"


def test_treatment_dates() -> None:
    course = TreatmentData("Amoxicilline", "1 g", "3x/j", TODAY, date(2025, 3, 24))
    assert course.validated(TODAY).end_date == date(2025, 3, 24)  # a planned end may be ahead
    assert course.is_current(TODAY)
    assert not TreatmentData("x", end_date=date(2025, 3, 1)).is_current(TODAY)
    assert not TreatmentData("x", stopped=True).is_current(TODAY)
    backwards = TreatmentData("x", start_date=TODAY, end_date=date(2025, 3, 1))
    assert _field_error(lambda: backwards.validated(TODAY)).field == "end_date"
    assert _field_error(lambda: TreatmentData("x", stopped=1).validated(TODAY)).field == "stopped"  # type: ignore[arg-type]
    assert _field_error(lambda: TreatmentData("").validated(TODAY)).field == "drug_name"


def test_vaccination_needs_a_past_date() -> None:
    assert VaccinationData("DTP", TODAY, "AB123", "rappel").validated(TODAY).dose == "rappel"
    missing = VaccinationData("DTP", None)  # type: ignore[arg-type]
    assert _field_error(lambda: missing.validated(TODAY)).field == "given_on"
    old = VaccinationData("DTP", date(1849, 12, 31))
    assert _field_error(lambda: old.validated(TODAY)).field == "given_on"
    long_lot = VaccinationData("DTP", TODAY, "L" * 61)
    assert _field_error(lambda: long_lot.validated(TODAY)).field == "lot_number"


# -- text, versions, pages -----------------------------------------------------------------------


def test_text_is_normalised_and_invisible_characters_refused() -> None:
    decomposed = "Ce\u0301phale\u0301es"
    assert clean_line("label", decomposed) == "Céphalées"
    assert clean_text("notes", "a\tb\n\nc") == "a\tb\n\nc"
    for bad in ("a\x00b", "a\x1bb", "a\ud800b"):
        error = _field_error(lambda b=bad: clean_text("notes", b))
        assert error.field == "notes"
        assert bad not in error.fr and bad not in error.en
    assert _field_error(lambda: clean_line("label", 12)).field == "label"


def test_removal_reason_version_and_page_checks() -> None:
    assert clean_removal_reason("  Saisie   en double ") == "Saisie en double"
    assert _field_error(lambda: clean_removal_reason(" ")).field == "reason"
    assert check_version(3) == 3
    for bad in (0, -1, True, "2"):
        assert _field_error(lambda b=bad: check_version(b)).field == "version"
    assert check_page(50, 0) == (50, 0)
    assert _field_error(lambda: check_page(0, 0)).field == "limit"
    assert _field_error(lambda: check_page(501, 0)).field == "limit"
    assert _field_error(lambda: check_page(10, -1)).field == "offset"
