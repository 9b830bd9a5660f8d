"""Patient field checks: INS identity traits, NIR key (Corsica included), phones, email."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from medvault.core.errors import FieldError
from medvault.core.messages_patient import MESSAGES
from medvault.core.patient import (
    IdentityStatus,
    NirKind,
    PatientForm,
    Sex,
    normalise_phone,
    parse_date,
    search_keys,
    validate_deletion_reason,
    validate_patient,
)

TODAY = date(2025, 3, 14)
NIR_CORSE_DU_SUD = "2 84 05 2A 004 018 63"
NIR_HAUTE_CORSE = "253072B07300470"
NIR_MAINLAND = "185057800608491"
NIR_BORN_ABROAD = "2 95 10 99 126 111 93"


def form(**changes: object) -> PatientForm:
    base = PatientForm(
        birth_name="Dupont-Lefèvre",
        first_names=("Éloïse", "Marie"),
        sex="F",
        birth_date="05/11/1984",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def refused_field(**changes: object) -> str:
    with pytest.raises(FieldError) as caught:
        validate_patient(form(**changes), today=TODAY)
    error = caught.value
    assert error.fr and error.en and error.fr != error.en
    return error.field


def test_a_minimal_identity_is_trimmed_and_normalised() -> None:
    data = validate_patient(
        form(birth_name="  Dupont-Lefèvre ", first_names="Éloïse   Marie", sex="f"),
        today=TODAY,
    )
    assert data.birth_name == "Dupont-Lefèvre"
    assert data.first_names == ("Éloïse", "Marie")
    assert data.sex is Sex.FEMALE
    assert data.birth_date == date(1984, 11, 5)
    assert data.identity_status is IdentityStatus.PROVISIONAL
    assert data.nir is None and data.used_name is None and data.phone_mobile is None
    assert data.country == "FR"


@pytest.mark.parametrize(
    ("nir", "compact", "kind"),
    [
        (NIR_CORSE_DU_SUD, "284052A00401863", NirKind.NIR),
        (NIR_HAUTE_CORSE, "253072B07300470", NirKind.NIR),
        (NIR_MAINLAND, "185057800608491", NirKind.NIR),
        (NIR_BORN_ABROAD, "295109912611193", NirKind.NIR),
        ("1 85 05 78-006-084 91", "185057800608491", NirKind.NIR),
    ],
)
def test_nir_with_a_correct_key_is_kept_compact(nir: str, compact: str, kind: NirKind) -> None:
    data = validate_patient(form(nir=nir), today=TODAY)
    assert (data.nir, data.nir_kind) == (compact, kind)


@pytest.mark.parametrize(
    "nir",
    [
        "2 84 05 2A 004 018 64",  # Corsica, wrong key
        "2 84 05 2B 004 018 63",  # the 2A key does not fit 2B
        "2 84 05 2C 004 018 63",  # no department 2C
        "185057800608492",  # wrong key
        "18505780060849",  # too short
        "A85057800608491",
    ],
)
def test_nir_with_a_wrong_key_or_shape_is_refused(nir: str) -> None:
    assert refused_field(nir=nir) == "nir"


def test_nia_kind_is_inferred_from_its_first_digit_or_given() -> None:
    from stdnum.fr import nir as stdnum_nir

    base = "7840599123456"
    nia = base + stdnum_nir.calc_check_digits(base)
    assert validate_patient(form(nir=nia), today=TODAY).nir_kind is NirKind.NIA
    given_kind = validate_patient(form(nir=NIR_MAINLAND, nir_kind="NIA"), today=TODAY)
    assert given_kind.nir_kind is NirKind.NIA
    assert refused_field(nir=NIR_MAINLAND, nir_kind="SSN") == "nir_kind"


def test_retrieved_and_qualified_identities_need_a_nir() -> None:
    assert refused_field(identity_status="qualified") == "identity_status"
    assert refused_field(identity_status="retrieved") == "identity_status"
    assert refused_field(identity_status="certain") == "identity_status"
    validated = validate_patient(form(identity_status="validated"), today=TODAY)
    assert validated.identity_status is IdentityStatus.VALIDATED
    qualified = validate_patient(form(identity_status="qualified", nir=NIR_MAINLAND), today=TODAY)
    assert qualified.identity_status is IdentityStatus.QUALIFIED


@pytest.mark.parametrize("place", ["75056", "2A004", "2b033", "99134", "97411"])
def test_birth_place_insee_codes(place: str) -> None:
    assert validate_patient(form(birth_place_insee=place), today=TODAY).birth_place_insee == (
        place.upper()
    )


@pytest.mark.parametrize("place", ["7505", "750566", "2C004", "Paris", "2A0O4"])
def test_bad_birth_place_is_refused(place: str) -> None:
    assert refused_field(birth_place_insee=place) == "birth_place_insee"


@pytest.mark.parametrize(
    "typed",
    ["06 12 34 56 78", "+33 6 12 34 56 78", "0033612345678", "(+33) 6.12.34.56.78", "0612345678"],
)
def test_phones_are_stored_in_e164(typed: str) -> None:
    data = validate_patient(form(phone_mobile=typed, phone_other="01 42 68 53 00"), today=TODAY)
    assert data.phone_mobile == "+33612345678"
    assert data.phone_other == "+33142685300"


def test_foreign_phone_and_country_default_region() -> None:
    data = validate_patient(
        form(country="be", postal_code="1000", phone_mobile="0470 12 34 56"), today=TODAY
    )
    assert (data.country, data.phone_mobile) == ("BE", "+32470123456")
    assert normalise_phone("+32 470 12 34 56") == "+32470123456"
    assert normalise_phone("12") is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone_mobile", "06 12 34"),
        ("phone_other", "not a phone"),
        ("email", "jean.dupont@"),
        ("email", "jean dupont@exemple.fr"),
        ("email", "a@b"),
        ("postal_code", "7500"),
        ("country", "FRA"),
        ("birth_name", "   "),
        ("birth_name", "Dupont3"),
        ("birth_name", "D" * 101),
        ("used_name", "<script>"),
        ("first_names", ()),
        ("first_names", ("Jean", "P@ul")),
        ("first_names", " ".join(["Marie-Christine"] * 7)),
        ("used_first_name", "X" * 51),
        ("sex", "X"),
        ("birth_date", "31/02/1990"),
        ("birth_date", "15/03/2025"),  # tomorrow
        ("birth_date", date(1879, 12, 31)),
        ("birth_date", "hier"),
        ("address", "a" * 201),
        ("city", "c" * 101),
        ("referring_physician", "r" * 121),
        ("admin_notes", "n" * 2001),
    ],
)
def test_each_bad_field_is_named_with_french_and_english_text(field: str, value: object) -> None:
    assert refused_field(**{field: value}) == field
    fr, en = MESSAGES[field]
    assert fr and en and fr != en


def test_birth_date_today_and_iso_are_accepted() -> None:
    assert validate_patient(form(birth_date=TODAY), today=TODAY).birth_date == TODAY
    assert validate_patient(form(birth_date="1984-11-05"), today=TODAY).birth_date == date(
        1984, 11, 5
    )


def test_names_accept_accents_apostrophes_and_hyphens() -> None:
    data = validate_patient(
        form(birth_name="N\u2019Diaye", used_name="de La Fontaine", first_names="Zoë Jean-Loïc"),
        today=TODAY,
    )
    assert data.birth_name == "N'Diaye"
    assert data.first_names == ("Zoë", "Jean-Loïc")


def test_email_is_kept_and_checked() -> None:
    data = validate_patient(form(email=" eloise.dupont+rdv@exemple.fr "), today=TODAY)
    assert data.email == "eloise.dupont+rdv@exemple.fr"


def test_error_messages_do_not_contain_the_refused_value() -> None:
    with pytest.raises(FieldError) as caught:
        validate_patient(form(birth_name="Secret123"), today=TODAY)
    assert "Secret123" not in str(caught.value)


def test_deletion_reason_is_required_and_bounded() -> None:
    assert validate_deletion_reason("  doublon  ") == "doublon"
    for reason in ("", "   ", "x" * 201):
        with pytest.raises(FieldError) as caught:
            validate_deletion_reason(reason)
        assert caught.value.field == "deletion_reason"


def test_parse_date_formats() -> None:
    assert parse_date("05/11/1984") == date(1984, 11, 5)
    assert parse_date("5-11-1984") == date(1984, 11, 5)
    assert parse_date("05.11.1984") == date(1984, 11, 5)
    assert parse_date("1984-11-05") == date(1984, 11, 5)
    assert parse_date("05/11") is None
    assert parse_date("dupont") is None


def test_search_keys_cover_each_word_of_each_name() -> None:
    data = validate_patient(form(used_name="Martin", first_names="Jean-Pierre Éloïse"), today=TODAY)
    keys = search_keys(data)
    assert (0, "dupont lefevre") in keys.name_keys
    assert (0, "martin") in keys.name_keys
    assert (1, "lefevre") in keys.name_keys
    assert (2, "jean pierre") in keys.name_keys
    assert (2, "pierre") in keys.name_keys
    assert (2, "eloise") in keys.name_keys
    assert keys.search_name == " dupont lefevre martin jean pierre eloise "
    assert keys.sort_key == "dupont lefevre jean pierre eloise"
    assert keys.used_name_key == "martin"


@example("\u09dc")  # a letter that NFC splits into a letter and a combining mark
@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=30))
def test_any_letters_make_a_findable_birth_name(name: str) -> None:
    data = validate_patient(form(birth_name=name), today=TODAY)
    keys = search_keys(data)
    # A record nobody can find by its birth name would be a silent loss at the desk.
    assert any(rank == 0 and key for rank, key in keys.name_keys)
