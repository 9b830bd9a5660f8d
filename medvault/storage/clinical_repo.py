"""The clinical record's list entries (clinical.db): history, allergies, treatments,
vaccinations. One table per kind, same trail columns; callers own the transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, cast

from medvault.core.clinical import (
    AllergyData,
    AllergyKind,
    D,
    Entry,
    HistoryData,
    HistoryKind,
    Removal,
    Severity,
    TreatmentData,
    VaccinationData,
)
from medvault.storage.database import Connection, mapped_errors

_LABEL = "clinical.db"
_TRAIL = (
    "version, created_at, created_by, updated_at, updated_by, removed_at, removed_by, "
    "removal_reason"
)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _required_date(value: object) -> date:
    return date.fromisoformat(str(value))


def _int_or_none(value: object) -> int | None:
    return None if value is None else int(cast(int, value))


@dataclass(frozen=True)
class _Table(Generic[D]):
    name: str
    columns: tuple[str, ...]
    to_row: Callable[[D], tuple[object, ...]]
    from_row: Callable[[Sequence[Any]], D]
    order_by: str


_HISTORY: _Table[HistoryData] = _Table(
    "history_entries",
    ("kind", "label", "description", "on_date", "year", "notes"),
    lambda d: (d.kind.value, d.label, d.description, _iso(d.on_date), d.year, d.notes),
    lambda r: HistoryData(HistoryKind(r[0]), r[1], r[2], _date(r[3]), _int_or_none(r[4]), r[5]),
    # Medical, surgical, family; the most recent first, undated ones last.
    "CASE kind WHEN 'medical' THEN 0 WHEN 'surgical' THEN 1 ELSE 2 END, "
    # (NULL sorts last in DESC order; years are four digits, so they compare as text with dates.)
    "coalesce(on_date, CAST(year AS TEXT)) DESC, id",
)
_ALLERGY: _Table[AllergyData] = _Table(
    "allergies",
    ("substance", "kind", "reaction", "severity", "recorded_on", "notes"),
    lambda d: (
        d.substance,
        d.kind.value,
        d.reaction,
        d.severity.value,
        _iso(d.recorded_on),
        d.notes,
    ),
    lambda r: AllergyData(r[0], AllergyKind(r[1]), r[2], Severity(r[3]), _date(r[4]), r[5]),
    # Severe first: the entry that matters when prescribing.
    "CASE severity WHEN 'severe' THEN 0 WHEN 'moderate' THEN 1 WHEN 'unknown' THEN 2 ELSE 3 END, "
    "id",
)
_TREATMENT: _Table[TreatmentData] = _Table(
    "treatments",
    (
        "drug_name",
        "dosage",
        "frequency",
        "start_date",
        "end_date",
        "stopped",
        "prescriber",
        "notes",
    ),
    lambda d: (
        d.drug_name,
        d.dosage,
        d.frequency,
        _iso(d.start_date),
        _iso(d.end_date),
        int(d.stopped),
        d.prescriber,
        d.notes,
    ),
    lambda r: TreatmentData(r[0], r[1], r[2], _date(r[3]), _date(r[4]), bool(r[5]), r[6], r[7]),
    "stopped, start_date DESC, id DESC",
)
_VACCINATION: _Table[VaccinationData] = _Table(
    "vaccinations",
    ("vaccine", "given_on", "lot_number", "dose", "notes"),
    lambda d: (d.vaccine, d.given_on.isoformat(), d.lot_number, d.dose, d.notes),
    lambda r: VaccinationData(r[0], _required_date(r[1]), r[2], r[3], r[4]),
    "given_on DESC, id DESC",
)

_TABLES: dict[type[Any], _Table[Any]] = {
    HistoryData: _HISTORY,
    AllergyData: _ALLERGY,
    TreatmentData: _TREATMENT,
    VaccinationData: _VACCINATION,
}


def _table(kind: type[D]) -> _Table[D]:
    return cast(_Table[D], _TABLES[kind])


def _select(table: _Table[D]) -> str:
    return f"SELECT id, patient_id, {', '.join(table.columns)}, {_TRAIL} FROM {table.name}"  # noqa: S608


def _entry(table: _Table[D], row: Sequence[Any]) -> Entry[D]:
    n = len(table.columns)
    data = table.from_row(row[2 : 2 + n])
    version, created_at, created_by, updated_at, updated_by, removed_at, removed_by, reason = row[
        2 + n :
    ]
    removal = None if removed_at is None else Removal(removed_at, removed_by, reason)
    return Entry(
        id=int(row[0]),
        patient_id=int(row[1]),
        version=int(version),
        data=data,
        created_at=created_at,
        created_by=created_by,
        updated_at=updated_at,
        updated_by=updated_by,
        removal=removal,
    )


def insert_entry(conn: Connection, patient_id: int, data: D, *, when: str, who: str) -> int:
    table: _Table[D] = _table(type(data))
    columns = ", ".join(table.columns)
    marks = ", ".join("?" * (len(table.columns) + 5))
    with mapped_errors(_LABEL):
        row = conn.execute(
            f"INSERT INTO {table.name} (patient_id, {columns}, created_at, created_by, "  # noqa: S608
            f"updated_at, updated_by) VALUES ({marks}) RETURNING id",
            (patient_id, *table.to_row(data), when, who, when, who),
        ).fetchone()
    return int(row[0])


def get_entry(conn: Connection, kind: type[D], entry_id: int) -> Entry[D] | None:
    table = _table(kind)
    with mapped_errors(_LABEL):
        row = conn.execute(f"{_select(table)} WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else _entry(table, row)


def list_entries(
    conn: Connection, kind: type[D], patient_id: int, *, include_removed: bool = False
) -> list[Entry[D]]:
    table = _table(kind)
    current_only = "" if include_removed else " AND removed_at IS NULL"
    with mapped_errors(_LABEL):
        rows = conn.execute(
            f"{_select(table)} WHERE patient_id = ?{current_only} ORDER BY {table.order_by}",
            (patient_id,),
        ).fetchall()
    return [_entry(table, r) for r in rows]


def update_entry(conn: Connection, entry_id: int, data: D, *, when: str, who: str) -> None:
    """Replace the entry's data and bump its version (the caller checked the version)."""
    table: _Table[D] = _table(type(data))
    assignments = ", ".join(f"{c} = ?" for c in table.columns)
    with mapped_errors(_LABEL):
        conn.execute(
            f"UPDATE {table.name} SET {assignments}, version = version + 1, "  # noqa: S608
            "updated_at = ?, updated_by = ? WHERE id = ?",
            (*table.to_row(data), when, who, entry_id),
        )


def mark_removed(
    conn: Connection, kind: type[D], entry_id: int, *, when: str, who: str, reason: str
) -> None:
    table = _table(kind)
    with mapped_errors(_LABEL):
        conn.execute(
            f"UPDATE {table.name} SET removed_at = ?, removed_by = ?, "  # noqa: S608
            "removal_reason = ?, version = version + 1 WHERE id = ?",
            (when, who, reason, entry_id),
        )
