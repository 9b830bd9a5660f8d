"""Consent records (admin.db): added, listed, never changed. Callers own the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from medvault.core.consent import (
    CollectionMethod,
    ConsentDecision,
    ConsentForm,
    ConsentRecord,
    ConsentScope,
)
from medvault.storage.database import Connection, mapped_errors

_LABEL = "admin.db"
_COLUMNS = (
    "id, patient_id, scope, decision, decided_on, method, recipient, note, recorded_at, recorded_by"
)


def _record(row: Sequence[object]) -> ConsentRecord:
    return ConsentRecord(
        id=int(str(row[0])),
        patient_id=int(str(row[1])),
        form=ConsentForm(
            scope=ConsentScope(str(row[2])),
            decision=ConsentDecision(str(row[3])),
            decided_on=date.fromisoformat(str(row[4])),
            method=CollectionMethod(str(row[5])),
            recipient=str(row[6]),
            note=str(row[7]),
        ),
        recorded_at=str(row[8]),
        recorded_by=str(row[9]),
    )


def insert(conn: Connection, patient_id: int, form: ConsentForm, *, when: str, who: str) -> int:
    with mapped_errors(_LABEL):
        row = conn.execute(
            "INSERT INTO consents (patient_id, scope, decision, decided_on, method, recipient, "
            "note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                patient_id,
                form.scope.value,
                form.decision.value,
                form.decided_on.isoformat(),
                form.method.value,
                form.recipient,
                form.note,
                when,
                who,
            ),
        ).fetchone()
    return int(row[0])


def get(conn: Connection, consent_id: int) -> ConsentRecord | None:
    with mapped_errors(_LABEL):
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM consents WHERE id = ?",  # noqa: S608 - fixed columns
            (consent_id,),
        ).fetchone()
    return None if row is None else _record(row)


def list_for_patient(conn: Connection, patient_id: int) -> list[ConsentRecord]:
    """Newest decision first (then newest recorded), the whole history."""
    with mapped_errors(_LABEL):
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM consents WHERE patient_id = ? "  # noqa: S608
            "ORDER BY decided_on DESC, id DESC",
            (patient_id,),
        ).fetchall()
    return [_record(r) for r in rows]
