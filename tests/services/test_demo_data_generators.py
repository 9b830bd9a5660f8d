"""The demo generators on their own: NIRs, identities, clinical content within the accepted
ranges, agenda statuses, and the PDF and PNG documents. No vault needed."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from stdnum.fr import nir as stdnum_nir

from medvault.core.appointment import AppointmentStatus, validate_reason, validate_slot
from medvault.core.patient import Sex, validate_patient
from medvault.services.demo_data_agenda import AGENDA_WEEKS, SLOTS_PER_DAY, plan_agenda
from medvault.services.demo_data_clinical import clinical_lists, consultation, older_consultations
from medvault.services.demo_data_documents import lab_report_pdf, vitale_card_png
from medvault.services.demo_data_people import (
    FOREIGN_BIRTH_PLACES,
    OVERSEAS_BIRTH_PLACES,
    PatientGenerator,
    build_nir,
)

TODAY = date(2026, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("sex", "born", "place", "expected_place"),
    [
        (Sex.FEMALE, date(1985, 7, 14), "2A004", "2A004"),
        (Sex.MALE, date(1990, 1, 2), "2B033", "2B033"),
        (Sex.MALE, date(1960, 5, 30), "2A004", "20004"),  # Corsica before the split
        (Sex.FEMALE, date(2001, 11, 3), "97302", "97302"),
        (Sex.MALE, date(1972, 3, 9), "99350", "99350"),
        (Sex.FEMALE, date(1950, 12, 31), "75115", "75115"),
    ],
)
def test_nir_follows_sex_birth_and_place(
    sex: Sex, born: date, place: str, expected_place: str
) -> None:
    nir = build_nir(sex, born, place, 42)
    assert stdnum_nir.is_valid(nir)
    assert nir[0] == ("1" if sex is Sex.MALE else "2")
    assert nir[1:5] == born.strftime("%y%m")
    assert nir[5:10] == expected_place
    assert nir[10:13] == "042"
    assert nir[13:] == stdnum_nir.calc_check_digits(nir[:13])


def test_nir_refuses_an_indeterminate_sex() -> None:
    with pytest.raises(ValueError, match="NIR"):
        build_nir(Sex.INDETERMINATE, date(2000, 1, 1), "75115", 1)


def test_generated_identities_all_pass_validation() -> None:
    forms = PatientGenerator(5, TODAY).patients(400)
    data = [validate_patient(form, today=TODAY) for form in forms]
    places = {d.birth_place_insee for d in data}
    assert any(p and p[:2] in ("2A", "2B") for p in places)
    assert places & set(FOREIGN_BIRTH_PLACES)
    assert places & set(OVERSEAS_BIRTH_PLACES)
    assert {d.sex for d in data} == {Sex.FEMALE, Sex.MALE}
    assert any(len(d.first_names) > 1 for d in data)
    assert any(d.used_name and d.used_name != d.birth_name for d in data)
    assert any(any(not ch.isascii() for ch in d.birth_name + "".join(d.first_names)) for d in data)
    assert all(d.birth_date <= TODAY for d in data)


def test_a_few_likely_duplicates() -> None:
    forms = PatientGenerator(5, TODAY).patients(300)
    keys = [(f.birth_name.casefold(), f.birth_date) for f in forms]
    repeated = len(keys) - len(set(keys))
    assert 1 <= repeated <= 5


@settings(max_examples=60, deadline=None)
@given(
    age_days=st.integers(min_value=0, max_value=99 * 365),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_clinical_content_passes_the_clinical_checks(age_days: int, seed: int) -> None:
    rng = random.Random(seed)
    birth = TODAY - timedelta(days=age_days)
    lists = clinical_lists(rng, birth, TODAY)
    for entry in (*lists.history, *lists.allergies, *lists.treatments, *lists.vaccinations):
        assert entry.validated(TODAY) == entry.validated(TODAY)
    for vaccination in lists.vaccinations:
        assert birth <= vaccination.given_on <= TODAY
    day = max(birth, TODAY - timedelta(days=3))
    checked = consultation(rng, birth, day).validated(TODAY)
    assert checked.vitals.weight_kg is not None
    assert checked.notes.subjective and checked.notes.plan
    for older in older_consultations(rng, birth, TODAY, 3):
        assert birth <= older.validated(TODAY).consulted_on <= TODAY


def test_agenda_statuses_follow_the_clock() -> None:
    now_minute = 11 * 60
    plan = plan_agenda(
        random.Random(3), patients=50, practice_size=1000, today=TODAY, now_minute=now_minute
    )
    weekdays = sum(
        1
        for offset in range(-7 * AGENDA_WEEKS, 7 * AGENDA_WEEKS + 1)
        if (TODAY + timedelta(days=offset)).weekday() < 5
    )
    assert weekdays * SLOTS_PER_DAY <= len(plan) <= weekdays * (SLOTS_PER_DAY + 1)
    for item in plan:
        validate_slot(item.day, item.start, item.duration_minutes)
        assert validate_reason(item.reason) == item.reason
        assert 0 <= item.patient < 50
        assert item.day.weekday() < 5
        start = item.start.hour * 60 + item.start.minute
        if item.day > TODAY or (item.day == TODAY and start > now_minute):
            assert item.status in (AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED)
        if item.day < TODAY:
            assert item.status is not AppointmentStatus.ARRIVED
    statuses = {item.status for item in plan}
    assert statuses == set(AppointmentStatus)


def test_small_practice_has_a_light_agenda() -> None:
    plan = plan_agenda(random.Random(3), patients=5, practice_size=10, today=TODAY, now_minute=0)
    per_day: dict[date, int] = {}
    for item in plan:
        per_day[item.day] = per_day.get(item.day, 0) + 1
    assert max(per_day.values()) <= 3


def test_lab_report_is_a_pdf_with_the_patients_name() -> None:
    form = PatientGenerator(9, TODAY).patients(1)[0]
    report = lab_report_pdf(random.Random(1), form, TODAY)
    assert report.content.startswith(b"%PDF-")
    assert report.content.rstrip().endswith(b"%%EOF")
    assert report.file_name.endswith(".pdf")
    again = lab_report_pdf(random.Random(1), form, TODAY)
    assert again.content == report.content  # a seed gives the same file


def test_vitale_card_is_a_png_image() -> None:
    form = PatientGenerator(9, TODAY).patients(1)[0]
    card = vitale_card_png(form, TODAY)
    with Image.open(io.BytesIO(card.content)) as image:
        assert image.format == "PNG"
        assert image.size == (428, 270)
