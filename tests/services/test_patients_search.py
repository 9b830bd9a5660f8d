"""Patient search as you type and paged listings, through the services."""

from __future__ import annotations

import dataclasses

import pytest

from medvault.core.errors import FieldError, PermissionDeniedError
from medvault.core.patient import PatientForm
from medvault.core.permissions import DEFAULT_RULES, Permission, Policy
from medvault.services import patients
from medvault.services.patients_search import (
    SearchKind,
    count_patients,
    interpret,
    list_patients,
    search_patients,
)
from medvault.services.session import Session
from medvault.services.unlock import unlock
from tests.conftest import RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, VaultInfo


def form(birth_name: str, first_names: str, **extra: str) -> PatientForm:
    values = {"sex": "F", "birth_date": "05/11/1984", **extra}
    return PatientForm(birth_name=birth_name, first_names=first_names, **values)


def add(session: Session, birth_name: str, first_names: str, **extra: str) -> int:
    return patients.create_patient(session, form(birth_name, first_names, **extra)).patient.id


def found(session: Session, query: str, limit: int = 50) -> list[int]:
    return [p.id for p in search_patients(session, query, limit=limit).patients]


@pytest.fixture(params=["practitioner", "receptionist"])
def desk(request: pytest.FixtureRequest) -> Session:
    session: Session = request.getfixturevalue(request.param)
    return session


def test_accent_and_case_insensitive_name_prefix(desk: Session) -> None:
    accented = add(desk, "Martin", "Eloïse")
    upper = add(desk, "ELOISE", "Jeanne")
    plain = add(desk, "Petit", "éloise")
    add(desk, "Durand", "Paul")
    for query in ("éloïse", "ELOÏSE", "eloi", "Élo"):
        result = search_patients(desk, query)
        assert result.kind is SearchKind.NAME
        ids = [p.id for p in result.patients]
        # The birth name match first, then first names in name order.
        assert ids == [upper, accented, plain], query


def test_used_name_and_compound_names(desk: Session) -> None:
    married = add(desk, "Dupont", "Anne", used_name="de La Fontaine")
    compound = add(desk, "Dupont-Lefèvre", "Marc")
    assert found(desk, "fontaine") == [married]
    assert found(desk, "de la font") == [married]
    assert found(desk, "lefevre") == [compound]
    assert found(desk, "dupont lef") == [compound]
    assert found(desk, "anne dupont") == [married]
    assert found(desk, "dupont marc") == [compound]


def test_substring_search_completes_the_page(desk: Session) -> None:
    prefix = add(desk, "Dupuis", "Jean")
    inner = add(desk, "Ledupuis", "Anne")
    # "dupuis" starts one name and is inside another: the prefix match comes first.
    assert found(desk, "dupuis") == [prefix, inner]
    assert sorted(found(desk, "upui")) == sorted([prefix, inner])
    assert found(desk, "du") == [prefix]  # too short for trigrams: prefixes only


def test_birth_date_search(desk: Session) -> None:
    first = add(desk, "Arnaud", "Zoé", birth_date="29/02/1996")
    second = add(desk, "Blanc", "Léa", birth_date="1996-02-29")
    add(desk, "Colin", "Léa", birth_date="28/02/1996")
    for query in ("29/02/1996", "1996-02-29", "29.02.1996", " 29-02-1996 "):
        result = search_patients(desk, query)
        assert result.kind is SearchKind.BIRTH_DATE
        assert [p.id for p in result.patients] == [first, second]
    assert search_patients(desk, "29/02").kind is SearchKind.EMPTY


def test_nir_search_with_or_without_spaces(desk: Session) -> None:
    corsican = add(desk, "Santoni", "Maria", nir="284052A00401863")
    add(desk, "Leroy", "Anne", nir="2 95 10 99 126 111 93")
    for query in ("2 84 05 2A 004 018 63", "284052a00401863", "2 84 05 2A", "28405"):
        result = search_patients(desk, query)
        assert result.kind is SearchKind.NIR, query
        assert [p.id for p in result.patients] == [corsican], query
    assert found(desk, "2") != []


def test_phone_search_in_any_format(desk: Session) -> None:
    mobile = add(desk, "Garnier", "Luc", phone_mobile="06 12 34 56 78")
    other = add(desk, "Faure", "Inès", phone_other="+33 1 42 68 53 00")
    third = add(desk, "Roux", "Tom", phone_mobile="07 81 23 45 67")
    for query in (
        "0612345678",
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "0033 612345678",
        "06.12.34",
    ):
        result = search_patients(desk, query)
        assert result.kind is SearchKind.PHONE, query
        assert [p.id for p in result.patients] == [mobile], query
    assert found(desk, "01 42 68 53 00") == [other]
    assert set(found(desk, "+33")) == {mobile, other, third}
    assert found(desk, "07 81") == [third]


def test_deleted_and_merged_records_leave_searches_and_listings(desk: Session) -> None:
    kept = add(desk, "Dupont", "Anne", phone_mobile="0612345678", nir="185057800608491")
    deleted = add(desk, "Dupont", "Anne", phone_mobile="0612345678", nir="185057800608491")
    merged = add(desk, "Dupont", "Anne", phone_mobile="0612345678", nir="185057800608491")
    patients.delete_patient(desk, deleted, expected_version=1, reason="erreur")
    patients.merge_patients(desk, duplicate_id=merged, surviving_id=kept, expected_version=1)
    for query in ("dupont", "upon", "0612345678", "185057800608491", "05/11/1984", "anne"):
        assert found(desk, query) == [kept], query
    assert [p.id for p in list_patients(desk).patients] == [kept]
    assert count_patients(desk) == 1


def test_renamed_record_is_found_by_its_new_name_only(desk: Session) -> None:
    patient = patients.create_patient(desk, form("Dupont", "Anne")).patient
    patients.update_patient(
        desk,
        patient.id,
        dataclasses.replace(PatientForm.from_data(patient.data), birth_name="Moreau"),
        expected_version=1,
    )
    assert found(desk, "dupont") == []
    assert found(desk, "moreau") == [patient.id]


def test_first_page_only(desk: Session) -> None:
    for i in range(12):
        add(desk, "Martin", f"Prénom{'abcdefghijkl'[i]}")
    assert len(found(desk, "martin", limit=5)) == 5
    assert len(found(desk, "martin")) == 12
    with pytest.raises(FieldError):
        search_patients(desk, "martin", limit=0)


def test_searches_are_not_audited(desk: Session) -> None:
    add(desk, "Martin", "Anne")
    before = desk.admin_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    for query in ("m", "ma", "mar", "martin"):
        search_patients(desk, query)
    list_patients(desk)
    assert desk.admin_db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before


def test_listing_sorted_and_paged_in_sql(desk: Session) -> None:
    zoe = add(desk, "Zidane", "Zoé", birth_date="01/01/2001", city="Lyon")
    eve = add(desk, "Émery", "Ève", birth_date="01/01/1990", city="Ajaccio")
    bob = add(desk, "Blanc", "Bob", birth_date="01/01/1995", city="Évry")
    ids = lambda page: [p.id for p in page.patients]  # noqa: E731
    assert ids(list_patients(desk)) == [bob, eve, zoe]  # "Émery" sorts as "emery"
    assert ids(list_patients(desk, descending=True)) == [zoe, eve, bob]
    assert ids(list_patients(desk, sort="birth_date")) == [eve, bob, zoe]
    assert ids(list_patients(desk, sort="city")) == [eve, bob, zoe]
    first = list_patients(desk, limit=2)
    assert ids(first) == [bob, eve] and first.has_more
    second = list_patients(desk, limit=2, offset=2)
    assert ids(second) == [zoe] and not second.has_more
    with pytest.raises(FieldError) as caught:
        list_patients(desk, sort="birth_name; DROP TABLE patients")
    assert caught.value.field == "sort"
    with pytest.raises(FieldError):
        list_patients(desk, offset=-1)


def test_interpret() -> None:
    assert interpret("  ") == (SearchKind.EMPTY, "")
    assert interpret("Éloïse Dupont") == (SearchKind.NAME, "eloise dupont")
    assert interpret("06 12") == (SearchKind.PHONE, "+33612")
    assert interpret("2 84 05 2A 004") == (SearchKind.NIR, "284052A004")
    assert interpret("1234567890123456") == (SearchKind.EMPTY, "")
    assert interpret("--") == (SearchKind.EMPTY, "")


def test_search_denied_without_patient_read(vault: VaultInfo) -> None:
    rules = tuple(r for r in DEFAULT_RULES if r.permission is not Permission.PATIENT_READ)
    config = dataclasses.replace(vault.config, policy=Policy(rules))
    with unlock(vault.directory, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD, config=config) as s:
        for call in (
            lambda: search_patients(s, "dupont"),
            lambda: list_patients(s),
            lambda: count_patients(s),
        ):
            with pytest.raises(PermissionDeniedError):
                call()
            row = s.admin_db.execute(
                "SELECT action, area, target, outcome FROM audit_log ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            assert tuple(row) == ("read", "administrative", "patient_read", "denied")
