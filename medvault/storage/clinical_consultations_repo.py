"""Consultations (clinical.db) and the full-text search of their notes. Callers own the
transaction.

Search never ranks every hit of a common word: the FTS index yields the newest matching rowids
(rowid order is the index's own order) and stops at the limit; only those rows are then joined."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

from medvault.core.clinical_consultation import (
    Consultation,
    ConsultationData,
    SearchHit,
    SoapNotes,
    Vitals,
)
from medvault.storage.database import Connection, mapped_errors

_LABEL = "clinical.db"
_DATA = (
    "consulted_on, reason, subjective, objective, assessment, plan, "
    "weight_kg, height_cm, systolic_mmhg, diastolic_mmhg, pulse_bpm, temperature_c"
)
_SELECT = (
    f"SELECT id, patient_id, {_DATA}, version, created_at, created_by, updated_at, updated_by "  # noqa: S608
    "FROM consultations"
)
MAX_SEARCH_TERMS = 16
_WORD = re.compile(r"\w+")


def _values(data: ConsultationData) -> tuple[object, ...]:
    n, v = data.notes, data.vitals
    return (
        data.consulted_on.isoformat(),
        data.reason,
        n.subjective,
        n.objective,
        n.assessment,
        n.plan,
        v.weight_kg,
        v.height_cm,
        v.systolic_mmhg,
        v.diastolic_mmhg,
        v.pulse_bpm,
        v.temperature_c,
    )


def _consultation(row: Sequence[Any]) -> Consultation:
    (cid, patient_id, on, reason, subj, obj, assess, plan, *measures) = row[:14]
    created_at, created_by, updated_at, updated_by = row[15:19]
    weight, height, systolic, diastolic, pulse, temperature = measures
    return Consultation(
        id=int(cid),
        patient_id=int(patient_id),
        version=int(row[14]),
        data=ConsultationData(
            consulted_on=date.fromisoformat(on),
            reason=reason,
            notes=SoapNotes(subj, obj, assess, plan),
            vitals=Vitals(weight, height, systolic, diastolic, pulse, temperature),
        ),
        created_at=created_at,
        created_by=created_by,
        updated_at=updated_at,
        updated_by=updated_by,
    )


def insert(
    conn: Connection, patient_id: int, data: ConsultationData, *, when: str, who: str
) -> int:
    with mapped_errors(_LABEL):
        row = conn.execute(
            f"INSERT INTO consultations (patient_id, {_DATA}, created_at, created_by, "  # noqa: S608
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id",
            (patient_id, *_values(data), when, who, when, who),
        ).fetchone()
    return int(row[0])


def update(
    conn: Connection, consultation_id: int, data: ConsultationData, *, when: str, who: str
) -> None:
    """Replace the data and bump the version (the caller checked the version)."""
    assignments = ", ".join(f"{c.strip()} = ?" for c in _DATA.split(","))
    with mapped_errors(_LABEL):
        conn.execute(
            f"UPDATE consultations SET {assignments}, version = version + 1, "  # noqa: S608
            "updated_at = ?, updated_by = ? WHERE id = ?",
            (*_values(data), when, who, consultation_id),
        )


def get(conn: Connection, consultation_id: int) -> Consultation | None:
    with mapped_errors(_LABEL):
        row = conn.execute(f"{_SELECT} WHERE id = ?", (consultation_id,)).fetchone()
    return None if row is None else _consultation(row)


def list_for_patient(
    conn: Connection, patient_id: int, *, limit: int, offset: int
) -> list[Consultation]:
    """Newest first (date, then entry order), straight from the (patient, date, id) index."""
    with mapped_errors(_LABEL):
        rows = conn.execute(
            f"{_SELECT} WHERE patient_id = ? ORDER BY consulted_on DESC, id DESC LIMIT ? OFFSET ?",
            (patient_id, limit, offset),
        ).fetchall()
    return [_consultation(r) for r in rows]


def match_expression(text: str, *, prefixes: bool = True) -> str | None:
    """An FTS5 query for the words of `text`, each a quoted term (a prefix term unless
    `prefixes` is False), all required.

    Quoting every word means the user's text is never read as FTS syntax (AND, NEAR, column
    filters, quotes). None when there is no word to look for."""
    words = _WORD.findall(unicodedata.normalize("NFC", text))[:MAX_SEARCH_TERMS]
    terms = []
    for word in words:
        # One-letter prefixes would walk most of the vocabulary: match those words whole.
        terms.append(f'"{word}"*' if prefixes and len(word) >= 2 else f'"{word}"')
    return " ".join(terms) or None


SEARCH_SQL = """
    WITH hits AS (
        SELECT rowid AS id FROM consultation_fts
        WHERE consultation_fts MATCH ?
        ORDER BY rowid DESC
        LIMIT ?
    )
    SELECT c.id, c.patient_id, c.consulted_on, c.reason
    FROM hits JOIN consultations AS c ON c.id = hits.id
    ORDER BY c.consulted_on DESC, c.id DESC
"""


def search(conn: Connection, expression: str, *, limit: int) -> list[SearchHit]:
    """The `limit` most recently written consultations matching `expression`, newest first."""
    with mapped_errors(_LABEL):
        rows = conn.execute(SEARCH_SQL, (expression, limit)).fetchall()
    return [SearchHit(int(r[0]), int(r[1]), date.fromisoformat(r[2]), r[3]) for r in rows]


def search_words(conn: Connection, text: str, *, limit: int) -> list[SearchHit]:
    """Whole words first: a prefix longer than the index's prefix sizes makes FTS5 read every
    note it matches before keeping the newest, so a common word typed in full is far cheaper
    as a whole word (docs/PERFORMANCE.md). Prefixes only when whole words give too few notes."""
    exact = match_expression(text, prefixes=False)
    if exact is None:
        return []
    hits = search(conn, exact, limit=limit)
    prefix = match_expression(text)
    if len(hits) < limit and prefix is not None and prefix != exact:
        hits = search(conn, prefix, limit=limit)
    return hits


def search_plan(conn: Connection, expression: str, *, limit: int) -> list[str]:
    """EXPLAIN QUERY PLAN of the search, for tests and benchmarks."""
    with mapped_errors(_LABEL):
        rows = conn.execute(f"EXPLAIN QUERY PLAN {SEARCH_SQL}", (expression, limit)).fetchall()
    return [str(r[3]) for r in rows]
