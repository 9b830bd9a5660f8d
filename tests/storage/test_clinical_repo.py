"""Clinical record storage on a real encrypted clinical.db: entries, consultations, search."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from medvault.core.clinical import (
    AllergyData,
    AllergyKind,
    HistoryData,
    HistoryKind,
    Severity,
    TreatmentData,
    VaccinationData,
)
from medvault.core.clinical_consultation import ConsultationData, SoapNotes, Vitals
from medvault.core.secrets import SecretKey
from medvault.storage import clinical_consultations_repo as consultations
from medvault.storage import clinical_repo
from medvault.storage.database import Connection, close_database, open_database, transaction
from medvault.storage.migrations import CLINICAL_MIGRATIONS, migrate

WHEN = "2025-03-14T09:00:00.000000Z"
WHO = "dr.martin"


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_database(tmp_path / "clinical.db", SecretKey.generate(), create=True)
    migrate(connection, CLINICAL_MIGRATIONS, "clinical.db")
    yield connection
    close_database(connection)


def _columns(conn: Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _fts_integrity(conn: Connection) -> None:
    # Raises if the external-content index disagrees with the consultations table.
    conn.execute("INSERT INTO consultation_fts (consultation_fts) VALUES ('integrity-check')")


def test_schema_has_the_record_tables_and_no_bmi_column(conn: Connection) -> None:
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "history_entries",
        "allergies",
        "treatments",
        "vaccinations",
        "consultations",
        "consultation_fts",
    } <= tables
    assert "bmi" not in _columns(conn, "consultations")
    assert {"weight_kg", "height_cm"} <= set(_columns(conn, "consultations"))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            HistoryData(HistoryKind.MEDICAL, "Asthme", "Depuis l'enfance", None, 1990, "n"),
            HistoryData(HistoryKind.FAMILY, "Asthme (mère)", on_date=date(2001, 2, 3)),
        ),
        (
            AllergyData("Pénicilline", AllergyKind.ALLERGY, "Urticaire", Severity.SEVERE),
            AllergyData("Lactose", AllergyKind.INTOLERANCE, "", Severity.MILD, date(2020, 1, 1)),
        ),
        (
            TreatmentData("Ramipril", "5 mg", "1/j", date(2020, 1, 1), None, False, "Dr X"),
            TreatmentData("Ramipril", "10 mg", "1/j", date(2020, 1, 1), date(2024, 1, 1), True),
        ),
        (
            VaccinationData("DTP", date(2024, 5, 1), "LOT1", "1"),
            VaccinationData("DTP", date(2024, 5, 2), "LOT2", "rappel", "bras gauche"),
        ),
    ],
)
def test_entry_round_trip_update_and_removal(
    conn: Connection, first: object, second: object
) -> None:
    kind: Any = type(first)
    with transaction(conn):
        entry_id = clinical_repo.insert_entry(conn, 7, first, when=WHEN, who=WHO)  # type: ignore[type-var]
        clinical_repo.insert_entry(conn, 8, first, when=WHEN, who=WHO)  # type: ignore[type-var]
    stored = clinical_repo.get_entry(conn, kind, entry_id)
    assert stored is not None
    assert (stored.data, stored.patient_id, stored.version, stored.created_by) == (first, 7, 1, WHO)
    assert stored.removal is None
    with transaction(conn):
        clinical_repo.update_entry(conn, entry_id, second, when="later", who="dr.b")  # type: ignore[type-var]
    updated = clinical_repo.get_entry(conn, kind, entry_id)
    assert updated is not None
    assert (updated.data, updated.version, updated.updated_by, updated.created_at) == (
        second,
        2,
        "dr.b",
        WHEN,
    )
    with transaction(conn):
        clinical_repo.mark_removed(conn, kind, entry_id, when="end", who=WHO, reason="doublon")
    assert clinical_repo.list_entries(conn, kind, 7) == []
    kept = clinical_repo.list_entries(conn, kind, 7, include_removed=True)
    assert [e.id for e in kept] == [entry_id]
    assert kept[0].removal is not None and kept[0].removal.reason == "doublon"
    assert kept[0].version == 3
    assert len(clinical_repo.list_entries(conn, kind, 8)) == 1


def test_history_is_listed_by_kind_then_newest_first(conn: Connection) -> None:
    rows = [
        HistoryData(HistoryKind.FAMILY, "f"),
        HistoryData(HistoryKind.MEDICAL, "undated"),
        HistoryData(HistoryKind.MEDICAL, "2001", year=2001),
        HistoryData(HistoryKind.MEDICAL, "2010-06", on_date=date(2010, 6, 1)),
        HistoryData(HistoryKind.SURGICAL, "s"),
    ]
    with transaction(conn):
        for data in rows:
            clinical_repo.insert_entry(conn, 1, data, when=WHEN, who=WHO)
    labels = [e.data.label for e in clinical_repo.list_entries(conn, HistoryData, 1)]
    assert labels == ["2010-06", "2001", "undated", "s", "f"]


def test_severe_allergies_come_first(conn: Connection) -> None:
    with transaction(conn):
        for severity in (Severity.MILD, Severity.UNKNOWN, Severity.SEVERE, Severity.MODERATE):
            clinical_repo.insert_entry(
                conn, 1, AllergyData(severity.value, severity=severity), when=WHEN, who=WHO
            )
    order = [e.data.severity for e in clinical_repo.list_entries(conn, AllergyData, 1)]
    assert order == [Severity.SEVERE, Severity.MODERATE, Severity.UNKNOWN, Severity.MILD]


def _consultation(day: date, reason: str, **notes: str) -> ConsultationData:
    return ConsultationData(day, reason, SoapNotes(**notes), Vitals(weight_kg=70, height_cm=175))


def test_consultation_round_trip_and_paging_newest_first(conn: Connection) -> None:
    start = date(2024, 1, 1)
    with transaction(conn):
        ids = [
            consultations.insert(
                conn, 1, _consultation(start + timedelta(days=i % 5), f"r{i}"), when=WHEN, who=WHO
            )
            for i in range(10)
        ]
        consultations.insert(conn, 2, _consultation(start, "other"), when=WHEN, who=WHO)
    stored = consultations.get(conn, ids[0])
    assert stored is not None and stored.data == _consultation(start, "r0")
    assert stored.bmi == 22.9
    pages = [consultations.list_for_patient(conn, 1, limit=4, offset=o) for o in (0, 4, 8)]
    listed = [c for page in pages for c in page]
    assert [len(p) for p in pages] == [4, 4, 2]
    keys = [(c.data.consulted_on, c.id) for c in listed]
    assert keys == sorted(keys, reverse=True)
    assert {c.id for c in listed} == set(ids)


def test_update_replaces_indexed_words(conn: Connection) -> None:
    with transaction(conn):
        cid = consultations.insert(
            conn,
            1,
            _consultation(date(2024, 1, 1), "Otite", plan="amoxicilline"),
            when=WHEN,
            who=WHO,
        )
    expression = consultations.match_expression("amoxicilline")
    assert expression is not None
    assert [h.consultation_id for h in consultations.search(conn, expression, limit=5)] == [cid]
    with transaction(conn):
        consultations.update(
            conn,
            cid,
            _consultation(date(2024, 1, 1), "Otite", plan="surveillance"),
            when="l",
            who=WHO,
        )
    assert consultations.search(conn, expression, limit=5) == []
    updated = consultations.get(conn, cid)
    assert updated is not None and updated.version == 2
    assert len(consultations.search(conn, '"surveil"*', limit=5)) == 1
    _fts_integrity(conn)


def test_search_folds_accents_matches_prefixes_and_requires_every_word(conn: Connection) -> None:
    with transaction(conn):
        a = consultations.insert(
            conn,
            1,
            _consultation(date(2024, 1, 1), "Céphalées", assessment="Diabète déséquilibré"),
            when=WHEN,
            who=WHO,
        )
        b = consultations.insert(
            conn,
            2,
            _consultation(date(2024, 2, 1), "Contrôle", subjective="diabete stable"),
            when=WHEN,
            who=WHO,
        )

    def found(text: str) -> set[int]:
        expression = consultations.match_expression(text)
        assert expression is not None
        return {h.consultation_id for h in consultations.search(conn, expression, limit=10)}

    assert found("DIABÈTE") == {a, b}
    assert found("diab") == {a, b}
    assert found("desequilibre") == {a}
    assert found("cephalees diabete") == {a}
    assert found("céphalées stable") == set()


@pytest.mark.parametrize(
    "text",
    ['"', "a OR b", "NOT x", "reason:foo", "x*", "(", "NEAR(a b)", "^a", "a AND", "-", "a + b"],
)
def test_user_text_is_never_read_as_fts_syntax(conn: Connection, text: str) -> None:
    expression = consultations.match_expression(text)
    if expression is not None:
        consultations.search(conn, expression, limit=5)  # no syntax error


def test_match_expression_quotes_words_and_keeps_short_ones_whole() -> None:
    assert consultations.match_expression("toux a fièvre") == '"toux"* "a" "fièvre"*'
    assert consultations.match_expression("  ;;  ") is None
    many = consultations.match_expression(" ".join(f"w{i}" for i in range(40)))
    assert many is not None and many.count('"') == 2 * consultations.MAX_SEARCH_TERMS


def test_search_respects_its_limit_and_returns_the_newest(conn: Connection) -> None:
    with transaction(conn):
        ids = [
            consultations.insert(
                conn,
                i % 3,
                _consultation(date(2024, 1, 1) + timedelta(days=i), "toux"),
                when=WHEN,
                who=WHO,
            )
            for i in range(30)
        ]
    hits = consultations.search(conn, '"toux"*', limit=7)
    assert len(hits) == 7
    assert [h.consultation_id for h in hits] == ids[-7:][::-1]
    assert hits[0].consulted_on == date(2024, 1, 30)


def test_search_plan_uses_the_fts_index_and_ranks_nothing(conn: Connection) -> None:
    plan = consultations.search_plan(conn, '"toux"*', limit=50)
    fts = [line for line in plan if "consultation_fts" in line]
    assert fts and all("VIRTUAL TABLE INDEX" in line and ":M" in line for line in fts), plan
    # Rowid order comes from the index itself: no sort of every hit before the LIMIT.
    assert not any("TEMP B-TREE" in line for line in plan[: plan.index(fts[0]) + 1]), plan
    # FTS5's plan flags: 0x20 = ordered by rank (scores every hit), 0x40 | 0x80 = rowid DESC.
    flags = int(fts[0].split("INDEX ")[1].split(":")[0])
    assert flags & 0x20 == 0 and flags & 0xC0 == 0xC0, plan
    assert any("SEARCH c USING INTEGER PRIMARY KEY" in line for line in plan), plan


def test_whole_words_come_first_then_prefixes(conn: Connection) -> None:
    with transaction(conn):
        for index, word in enumerate(["patient", "patient", "patient", "patiente"]):
            data = _consultation(date(2024, 1, 1) + timedelta(days=index), f"{word} fatigué")
            consultations.insert(conn, 1, data, when=WHEN, who=WHO)
    two = consultations.search_words(conn, "patient", limit=2)
    assert [h.reason for h in two] == ["patient fatigué", "patient fatigué"]
    every = consultations.search_words(conn, "patient", limit=10)
    assert sorted(h.reason for h in every) == ["patient fatigué"] * 3 + ["patiente fatigué"]
    assert len(consultations.search_words(conn, "fatig", limit=10)) == 4
    assert consultations.search_words(conn, " ; ", limit=10) == []
