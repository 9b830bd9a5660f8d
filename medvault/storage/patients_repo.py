"""Patients table and its search keys (admin.db). Callers own the transaction.

Writes keep the folded keys (patients columns and patient_name_keys) in step with the record;
the trigram index follows through triggers. Name keys exist for live records only, so a deleted
or merged record cannot come up in a search."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from medvault.core.patient import (
    IdentityStatus,
    NirKind,
    Patient,
    PatientData,
    PatientSummary,
    Sex,
    search_keys,
)
from medvault.storage.database import Connection, mapped_errors

_DATA_COLUMNS = (
    "birth_name, first_names, sex, birth_date, used_name, used_first_name, birth_place_insee, "
    "nir, nir_kind, identity_status, address, postal_code, city, country, phone_mobile, "
    "phone_other, email, referring_physician, admin_notes"
)
_KEY_COLUMNS = "search_name, sort_key, used_name_key, first_names_key, city_key"
_META_COLUMNS = (
    "version, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by, "
    "deletion_reason, merged_into"
)
SUMMARY_COLUMNS = (
    "p.id, p.birth_name, p.used_name, p.first_names, p.sex, p.birth_date, p.identity_status, "
    "p.city, p.phone_mobile"
)
LIVE = "p.deleted_at IS NULL AND p.merged_into IS NULL"


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _data_values(data: PatientData) -> tuple[object, ...]:
    return (
        data.birth_name,
        " ".join(data.first_names),
        data.sex.value,
        data.birth_date.isoformat(),
        data.used_name,
        data.used_first_name,
        data.birth_place_insee,
        data.nir,
        data.nir_kind.value if data.nir_kind else None,
        data.identity_status.value,
        data.address,
        data.postal_code,
        data.city,
        data.country,
        data.phone_mobile,
        data.phone_other,
        data.email,
        data.referring_physician,
        data.admin_notes,
    )


def _key_values(data: PatientData) -> tuple[object, ...]:
    keys = search_keys(data)
    return (
        keys.search_name,
        keys.sort_key,
        keys.used_name_key,
        keys.first_names_key,
        keys.city_key,
    )


def _row_to_data(row: Sequence[object]) -> PatientData:
    return PatientData(
        birth_name=str(row[0]),
        first_names=tuple(str(row[1]).split()),
        sex=Sex(str(row[2])),
        birth_date=date.fromisoformat(str(row[3])),
        used_name=_opt(row[4]),
        used_first_name=_opt(row[5]),
        birth_place_insee=_opt(row[6]),
        nir=_opt(row[7]),
        nir_kind=None if row[8] is None else NirKind(str(row[8])),
        identity_status=IdentityStatus(str(row[9])),
        address=_opt(row[10]),
        postal_code=_opt(row[11]),
        city=_opt(row[12]),
        country=str(row[13]),
        phone_mobile=_opt(row[14]),
        phone_other=_opt(row[15]),
        email=_opt(row[16]),
        referring_physician=_opt(row[17]),
        admin_notes=_opt(row[18]),
    )


def row_to_summary(row: Sequence[object]) -> PatientSummary:
    """A row of SUMMARY_COLUMNS."""
    return PatientSummary(
        id=int(str(row[0])),
        birth_name=str(row[1]),
        used_name=_opt(row[2]),
        first_names=tuple(str(row[3]).split()),
        sex=Sex(str(row[4])),
        birth_date=date.fromisoformat(str(row[5])),
        identity_status=IdentityStatus(str(row[6])),
        city=_opt(row[7]),
        phone_mobile=_opt(row[8]),
    )


def _write_name_keys(conn: Connection, patient_id: int, data: PatientData) -> None:
    keys = search_keys(data)
    conn.execute("DELETE FROM patient_name_keys WHERE patient_id = ?", (patient_id,))
    conn.executemany(
        "INSERT INTO patient_name_keys (rank, key, sort_key, patient_id) VALUES (?, ?, ?, ?)",
        [(rank, key, keys.sort_key, patient_id) for rank, key in sorted(keys.name_keys)],
    )


def insert_patient(conn: Connection, data: PatientData, *, when: str, by: str) -> int:
    with mapped_errors("admin.db"):
        row = conn.execute(
            f"INSERT INTO patients ({_DATA_COLUMNS}, {_KEY_COLUMNS}, "  # noqa: S608
            "created_at, created_by, updated_at, updated_by) "
            f"VALUES ({', '.join('?' * 28)}) RETURNING id",
            (*_data_values(data), *_key_values(data), when, by, when, by),
        ).fetchone()
        patient_id = int(row[0])
        _write_name_keys(conn, patient_id, data)
    return patient_id


def get_patient(conn: Connection, patient_id: int) -> Patient | None:
    with mapped_errors("admin.db"):
        row = conn.execute(
            f"SELECT id, {_DATA_COLUMNS}, {_META_COLUMNS} FROM patients WHERE id = ?",  # noqa: S608
            (patient_id,),
        ).fetchone()
    if row is None:
        return None
    meta = row[20:]
    return Patient(
        id=int(row[0]),
        data=_row_to_data(row[1:20]),
        version=int(meta[0]),
        created_at=str(meta[1]),
        created_by=str(meta[2]),
        updated_at=str(meta[3]),
        updated_by=str(meta[4]),
        deleted_at=_opt(meta[5]),
        deleted_by=_opt(meta[6]),
        deletion_reason=_opt(meta[7]),
        merged_into=None if meta[8] is None else int(meta[8]),
    )


def update_patient(
    conn: Connection,
    patient_id: int,
    data: PatientData,
    *,
    expected_version: int,
    when: str,
    by: str,
) -> int | None:
    """The new version, or None when the live record is not at `expected_version`."""
    assignments = ", ".join(
        f"{name.strip()} = ?" for name in f"{_DATA_COLUMNS}, {_KEY_COLUMNS}".split(",")
    )
    with mapped_errors("admin.db"):
        row = conn.execute(
            f"UPDATE patients AS p SET {assignments}, updated_at = ?, updated_by = ?, "  # noqa: S608
            f"version = version + 1 WHERE id = ? AND version = ? AND {LIVE} RETURNING version",
            (*_data_values(data), *_key_values(data), when, by, patient_id, expected_version),
        ).fetchone()
        if row is None:
            return None
        _write_name_keys(conn, patient_id, data)
    return int(row[0])


def soft_delete(
    conn: Connection,
    patient_id: int,
    *,
    expected_version: int,
    when: str,
    by: str,
    reason: str,
) -> int | None:
    """Mark deleted (kept, readable on request); the new version or None if stale/not live."""
    with mapped_errors("admin.db"):
        row = conn.execute(
            "UPDATE patients AS p SET deleted_at = ?, deleted_by = ?, deletion_reason = ?, "  # noqa: S608
            "updated_at = ?, updated_by = ?, version = version + 1 "
            f"WHERE id = ? AND version = ? AND {LIVE} RETURNING version",
            (when, by, reason, when, by, patient_id, expected_version),
        ).fetchone()
        if row is None:
            return None
        conn.execute("DELETE FROM patient_name_keys WHERE patient_id = ?", (patient_id,))
    return int(row[0])


def mark_merged(
    conn: Connection,
    duplicate_id: int,
    surviving_id: int,
    *,
    expected_version: int,
    when: str,
    by: str,
) -> int | None:
    """Point the duplicate at the surviving record; the new version or None if stale."""
    with mapped_errors("admin.db"):
        row = conn.execute(
            "UPDATE patients AS p SET merged_into = ?, updated_at = ?, updated_by = ?, "  # noqa: S608
            f"version = version + 1 WHERE id = ? AND version = ? AND {LIVE} "
            "RETURNING version",
            (surviving_id, when, by, duplicate_id, expected_version),
        ).fetchone()
        if row is None:
            return None
        conn.execute("DELETE FROM patient_name_keys WHERE patient_id = ?", (duplicate_id,))
    return int(row[0])


def is_live(conn: Connection, patient_id: int) -> bool | None:
    """None for an unknown id; False for a deleted or merged record; True otherwise."""
    with mapped_errors("admin.db"):
        row = conn.execute(
            "SELECT deleted_at IS NULL AND merged_into IS NULL FROM patients WHERE id = ?",
            (patient_id,),
        ).fetchone()
    return None if row is None else bool(row[0])


def surviving_id(conn: Connection, patient_id: int) -> int:
    """Follow merges to the record that holds the patient now (the id itself if not merged)."""
    seen = {patient_id}
    current = patient_id
    while True:
        with mapped_errors("admin.db"):
            row = conn.execute(
                "SELECT merged_into FROM patients WHERE id = ?", (current,)
            ).fetchone()
        if row is None or row[0] is None or int(row[0]) in seen:
            return current
        current = int(row[0])
        seen.add(current)


def merged_duplicates(conn: Connection) -> list[int]:
    """Ids of every record merged into another one."""
    with mapped_errors("admin.db"):
        rows = conn.execute("SELECT id FROM patients WHERE merged_into IS NOT NULL").fetchall()
    return [int(row[0]) for row in rows]


def find_duplicates(
    conn: Connection, data: PatientData, *, exclude_id: int | None = None, limit: int = 20
) -> list[PatientSummary]:
    """Live records with the same folded birth or used name and birth date, or the same NIR."""
    names = sorted(key for rank, key in search_keys(data).name_keys if rank == 0)
    marks = ", ".join("?" * len(names))
    with mapped_errors("admin.db"):
        rows = conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM patients AS p WHERE {LIVE} AND p.id != ? AND ("  # noqa: S608
            f" (p.birth_date = ? AND p.id IN (SELECT patient_id FROM patient_name_keys"
            f"   WHERE rank = 0 AND key IN ({marks})))"
            " OR (? IS NOT NULL AND p.nir = ?)"
            ") ORDER BY p.sort_key, p.id LIMIT ?",
            (
                -1 if exclude_id is None else exclude_id,
                data.birth_date.isoformat(),
                *names,
                data.nir,
                data.nir,
                limit,
            ),
        ).fetchall()
    return [row_to_summary(r) for r in rows]


def insert_patients(
    conn: Connection, rows: Sequence[PatientData], *, when: str, by: str
) -> list[int]:
    """Insert many validated records (same columns and keys as insert_patient), in the caller's
    transaction; each record's search keys are computed once and the name keys written in one
    batch. Returns the new ids in the order of `rows`."""
    ids: list[int] = []
    name_keys: list[tuple[int, str, str, int]] = []
    sql = (
        f"INSERT INTO patients ({_DATA_COLUMNS}, {_KEY_COLUMNS}, "  # noqa: S608
        "created_at, created_by, updated_at, updated_by) "
        f"VALUES ({', '.join('?' * 28)}) RETURNING id"
    )
    with mapped_errors("admin.db"):
        for data in rows:
            keys = search_keys(data)
            key_values = (
                keys.search_name,
                keys.sort_key,
                keys.used_name_key,
                keys.first_names_key,
                keys.city_key,
            )
            row = conn.execute(sql, (*_data_values(data), *key_values, when, by, when, by))
            patient_id = int(row.fetchone()[0])
            ids.append(patient_id)
            name_keys.extend(
                (rank, key, keys.sort_key, patient_id) for rank, key in sorted(keys.name_keys)
            )
        conn.executemany(
            "INSERT INTO patient_name_keys (rank, key, sort_key, patient_id) VALUES (?, ?, ?, ?)",
            name_keys,
        )
    return ids
