"""Pure rules of the patient-rights features: retention terms, export recipients and
passwords, the FHIR validation catching a broken bundle."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medvault.core.errors import FieldError
from medvault.core.patient_export_archive import (
    PASSWORD_ALPHABET,
    ExportArchive,
    generate_password,
    read_export,
)
from medvault.core.patient_export_fhir import validate_bundle
from medvault.core.patient_export_request import clean_recipient
from medvault.core.retention import (
    RetentionExtension,
    add_years,
    retention_term,
    subtract_years,
)


def test_add_years_moves_29_february_to_1_march() -> None:
    assert add_years(date(2004, 2, 29), 20) == date(2024, 2, 29)
    assert add_years(date(2004, 2, 29), 21) == date(2025, 3, 1)
    assert add_years(date(2001, 6, 30), 20) == date(2021, 6, 30)


@pytest.mark.parametrize(
    ("birth", "last_visit", "term"),
    [
        (date(1950, 1, 1), date(2001, 5, 2), date(2021, 5, 2)),  # adult: 20 years
        (date(1984, 2, 1), date(2001, 1, 10), date(2021, 1, 10)),  # 16: 20 years is later
        (date(1997, 9, 20), date(2001, 1, 10), date(2025, 9, 20)),  # 3: until 28
        (date(2000, 1, 1), date(2000, 1, 1), date(2028, 1, 1)),  # newborn
    ],
)
def test_term_is_twenty_years_or_the_28th_birthday(
    birth: date, last_visit: date, term: date
) -> None:
    assert retention_term(birth, last_visit) == term


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from([20, 28]),
)
def test_sql_cutoff_selects_exactly_the_dates_past_term(day: date, today: date, years: int) -> None:
    assert (add_years(day, years) <= today) == (day <= subtract_years(today, years))


def test_extension_rules() -> None:
    today = date(2030, 1, 1)
    ok = RetentionExtension(date(2031, 1, 1), "  Contentieux   en cours ").validated(today)
    assert ok.reason == "Contentieux en cours"
    with pytest.raises(FieldError):
        RetentionExtension(today, "x").validated(today)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("patient", "patient"), ("  Dr  Lefèvre ", "Dr Lefevre"), ("CPAM-75", "CPAM-75")],
)
def test_recipient_labels_are_short_and_plain(typed: str, kept: str) -> None:
    assert clean_recipient(typed) == kept


@pytest.mark.parametrize("typed", ["", "   ", "-abc", "x" * 41, "a@b", "a/b", 3])
def test_recipient_labels_refused(typed: object) -> None:
    with pytest.raises(FieldError):
        clean_recipient(typed)


def test_generated_passwords_are_long_readable_and_different() -> None:
    first, second = generate_password(), generate_password()
    assert first != second
    groups = first.split("-")
    assert [len(g) for g in groups] == [5] * 5
    assert set("".join(groups)) <= set(PASSWORD_ALPHABET)


def test_archive_round_trip_and_wrong_password() -> None:
    buffer = io.BytesIO()
    with ExportArchive(buffer, "AB-CD") as archive:
        archive.add_bytes("a.txt", b"secret words")
        size, _sha1 = archive.add_stream("b.bin", [b"x" * 10, b"y" * 5])
    assert size == 15
    assert b"secret" not in buffer.getvalue() and b"a.txt" not in buffer.getvalue()
    buffer.seek(0)
    assert read_export(buffer, "AB-CD") == {"a.txt": b"secret words", "b.bin": b"x" * 10 + b"y" * 5}
    buffer.seek(0)
    with pytest.raises(RuntimeError):
        read_export(buffer, "AB-CE")


def test_fhir_validation_catches_a_missing_required_element() -> None:
    from pydantic import ValidationError

    encounter = {"resourceType": "Encounter", "status": "finished"}  # no class
    with pytest.raises(ValidationError):
        validate_bundle(
            {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": encounter}]}
        )
