"""Patients repository on a real encrypted admin.db: keys kept in step, indexed searches."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from medvault.core.patient import PatientData, PatientForm, PatientSummary, validate_patient
from medvault.core.secrets import SecretKey
from medvault.storage import patients_repo, patients_search_repo
from medvault.storage.database import Connection, close_database, open_database, transaction
from medvault.storage.migrations import ADMIN_MIGRATIONS, migrate
from medvault.storage.patients_search_repo import list_sql, name_prefix_sql

WHEN = "2025-03-14T09:00:00.000000Z"


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Connection]:
    conn = open_database(tmp_path / "admin.db", SecretKey.generate(), create=True)
    migrate(conn, ADMIN_MIGRATIONS)
    yield conn
    close_database(conn)


def data(birth_name: str, first_names: str, **extra: str) -> PatientData:
    form = PatientForm(
        birth_name=birth_name, first_names=first_names, sex="F", birth_date="05/11/1984", **extra
    )
    return validate_patient(form, today=date(2025, 3, 14))


def insert(conn: Connection, patient: PatientData) -> int:
    with transaction(conn):
        return patients_repo.insert_patient(conn, patient, when=WHEN, by="tester")


def plan(conn: Connection, sql: str, params: tuple[object, ...]) -> str:
    rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return " | ".join(str(r[3]) for r in rows)


def ids(summaries: list[PatientSummary]) -> list[int]:
    return [s.id for s in summaries]


def test_round_trip_keeps_every_field(admin: Connection) -> None:
    stored = data(
        "Dupont",
        "Éloïse Marie",
        used_name="Martin",
        nir="2 84 05 2A 004 018 63",
        phone_mobile="06 12 34 56 78",
        email="e@exemple.fr",
        admin_notes="Ligne 1\nLigne 2",
    )
    patient_id = insert(admin, stored)
    patient = patients_repo.get_patient(admin, patient_id)
    assert patient is not None
    assert patient.data == stored
    assert (patient.version, patient.created_by, patient.deleted_at) == (1, "tester", None)


def test_prefix_search_is_an_index_range_scan(admin: Connection) -> None:
    for i in range(50):
        insert(admin, data(f"Nom{chr(97 + i % 26)}", "Jean"))
    sql = name_prefix_sql(1)
    params = (0, "dup", "duq", " jean", 50, 0)
    query_plan = plan(admin, sql, params)
    assert "USING PRIMARY KEY" in query_plan or "USING COVERING INDEX" in query_plan
    assert "(rank=? AND key>? AND key<?)" in query_plan
    assert "SCAN k" not in query_plan and "SCAN p" not in query_plan
    assert "TEMP B-TREE" not in query_plan  # already in result order


@pytest.mark.parametrize("sort", sorted(patients_search_repo.SORT_ORDERS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_listing_order_is_read_from_an_index(
    admin: Connection, sort: str, descending: bool
) -> None:
    query_plan = plan(admin, list_sql(sort, descending), (50, 0))
    assert "USING INDEX" in query_plan or "USING COVERING INDEX" in query_plan, query_plan
    assert "TEMP B-TREE" not in query_plan, query_plan


def test_summaries_carry_the_mobile_phone(admin: Connection) -> None:
    with_phone = insert(admin, data("Dupont", "Anne", phone_mobile="06 12 34 56 78"))
    without = insert(admin, data("Durand", "Paul"))
    page = patients_search_repo.list_page(
        admin, sort="phone_mobile", descending=False, limit=10, offset=0
    )
    assert [(s.id, s.phone_mobile) for s in page] == [(without, None), (with_phone, "+33612345678")]
    found = patients_search_repo.search_phone_prefix(admin, "+33612", 10)
    assert [(s.id, s.phone_mobile) for s in found] == [(with_phone, "+33612345678")]


def test_exact_lookups_use_their_index(admin: Connection) -> None:
    birth = "SELECT id FROM patients AS p WHERE p.birth_date = ? AND p.deleted_at IS NULL "
    birth += "AND p.merged_into IS NULL ORDER BY p.sort_key, p.id LIMIT 50"
    assert "patients_by_birth_date" in plan(admin, birth, ("1984-11-05",))
    nir = (
        "SELECT id FROM patients AS p WHERE p.nir >= ? AND p.nir < ? AND p.nir IS NOT NULL "
        "AND p.deleted_at IS NULL AND p.merged_into IS NULL ORDER BY p.nir LIMIT 50"
    )
    assert "patients_by_nir" in plan(admin, nir, ("2840", "2841"))
    phones = plan(admin, patients_search_repo.phone_prefix_sql(), ("+336", "+337") * 2 + (50,))
    assert "patients_by_mobile" in phones and "patients_by_other_phone" in phones
    assert "SCAN" not in phones


def test_accent_and_case_insensitive_prefix(admin: Connection) -> None:
    eloise = insert(admin, data("Dupont", "Éloïse"))
    upper = insert(admin, data("ELOISE", "Anne"))
    other = insert(admin, data("Martin", "Paul"))
    found = patients_search_repo.search_name_prefix(admin, ["eloi"], 50)
    # The birth name match comes before the first-name match.
    assert ids(found) == [upper, eloise]
    assert other not in ids(found)


def test_multi_word_query_needs_every_word(admin: Connection) -> None:
    jean = insert(admin, data("Dupont", "Jean-Pierre"))
    insert(admin, data("Dupont", "Marie"))
    assert ids(patients_search_repo.search_name_prefix(admin, ["dupont", "pier"], 50)) == [jean]
    assert ids(patients_search_repo.search_name_prefix(admin, ["pierre", "dup"], 50)) == [jean]


def test_a_patient_matching_by_several_names_is_listed_once(admin: Connection) -> None:
    both = insert(admin, data("Martin", "Martine", used_name="Martinez"))
    assert ids(patients_search_repo.search_name_prefix(admin, ["mart"], 50)) == [both]


def test_limit_applies_after_removing_repeats(admin: Connection) -> None:
    for _ in range(5):
        insert(admin, data("Martin", "Martine", used_name="Martinez"))
    assert len(patients_search_repo.search_name_prefix(admin, ["mart"], 3)) == 3
    assert len(patients_search_repo.search_name_prefix(admin, ["mart"], 50)) == 5


def test_trigram_index_follows_inserts_updates_and_deletes(admin: Connection) -> None:
    first = insert(admin, data("Dupont-Lefèvre", "Anne"))
    assert ids(patients_search_repo.search_substring(admin, ["lefe"], 10)) == [first]
    assert ids(patients_search_repo.search_substring(admin, ["ontle"], 10)) == []
    with transaction(admin):
        version = patients_repo.update_patient(
            admin, first, data("Durand", "Anne"), expected_version=1, when=WHEN, by="tester"
        )
    assert version == 2
    assert patients_search_repo.search_substring(admin, ["lefe"], 10) == []
    assert ids(patients_search_repo.search_substring(admin, ["uran"], 10)) == [first]
    # A hard delete (legal erasure) must leave no trigram behind.
    with transaction(admin):
        admin.execute("DELETE FROM patients WHERE id = ?", (first,))
    assert patients_search_repo.search_substring(admin, ["uran"], 10) == []
    assert admin.execute("SELECT count(*) FROM patient_name_keys").fetchone()[0] == 0
    admin.execute("INSERT INTO patients_fts (patients_fts) VALUES ('integrity-check')")


def test_soft_delete_and_merge_remove_the_search_keys(admin: Connection) -> None:
    kept = insert(admin, data("Dupont", "Anne"))
    deleted = insert(admin, data("Dupont", "Anne"))
    merged = insert(admin, data("Dupont", "Anne"))
    with transaction(admin):
        assert patients_repo.soft_delete(
            admin, deleted, expected_version=1, when=WHEN, by="t", reason="erreur"
        )
        assert patients_repo.mark_merged(admin, merged, kept, expected_version=1, when=WHEN, by="t")
    assert ids(patients_search_repo.search_name_prefix(admin, ["dupont"], 50)) == [kept]
    assert ids(patients_search_repo.search_substring(admin, ["dupont"], 50)) == [kept]
    assert patients_repo.surviving_id(admin, merged) == kept
    assert patients_search_repo.count_live(admin) == 1


def test_stale_version_writes_nothing(admin: Connection) -> None:
    patient_id = insert(admin, data("Dupont", "Anne"))
    with transaction(admin):
        assert (
            patients_repo.update_patient(
                admin, patient_id, data("Durand", "Anne"), expected_version=7, when=WHEN, by="t"
            )
            is None
        )
    patient = patients_repo.get_patient(admin, patient_id)
    assert patient is not None
    assert (patient.data.birth_name, patient.version) == ("Dupont", 1)
    assert ids(patients_search_repo.search_name_prefix(admin, ["dupont"], 50)) == [patient_id]
