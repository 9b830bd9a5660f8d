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
from medvault.core.text_search import fold, prefix_upper_bound
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
_SUMMARY_COLUMNS = (
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
    """A row of _SUMMARY_COLUMNS."""
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
            f"SELECT {_SUMMARY_COLUMNS} FROM patients AS p WHERE {LIVE} AND p.id != ? AND ("  # noqa: S608
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


# -- search and listing (first page only: LIMIT in SQL, results in index order) -----------------
def _fetch(conn: Connection, sql: str, params: Sequence[object]) -> list[PatientSummary]:
    with mapped_errors("admin.db"):
        return [row_to_summary(r) for r in conn.execute(sql, params).fetchall()]


def name_prefix_sql(other_tokens: int) -> str:
    """Parameters: rank, first token, its upper bound, each other token (" tok"), limit, offset."""
    filters = "".join(" AND instr(p.search_name, ?) > 0" for _ in range(other_tokens))
    return (
        f"SELECT {_SUMMARY_COLUMNS} FROM patient_name_keys AS k "  # noqa: S608
        "JOIN patients AS p ON p.id = k.patient_id "
        f"WHERE k.rank = ? AND k.key >= ? AND k.key < ? AND {LIVE}{filters} "
        "ORDER BY k.key, k.sort_key, k.patient_id LIMIT ? OFFSET ?"
    )


def search_name_prefix(conn: Connection, tokens: Sequence[str], limit: int) -> list[PatientSummary]:
    """Records with a name that starts with the first folded token (whole birth or used name
    first, then a later word of it, then first names), and every other token starting one of
    their name words. Each rank is a range scan in the key index, already in result order."""
    first, others = tokens[0], [f" {t}" for t in tokens[1:]]
    sql = name_prefix_sql(len(others))
    found: dict[int, PatientSummary] = {}
    bound = prefix_upper_bound(first)
    for rank in (0, 1, 2):
        offset = 0
        while len(found) < limit:
            # A record may match through several of its names: read a little more than needed.
            batch = 2 * (limit - len(found))
            rows = _fetch(conn, sql, (rank, first, bound, *others, batch, offset))
            for summary in rows:
                found.setdefault(summary.id, summary)
            if len(rows) < batch:
                break
            offset += batch
    return list(found.values())[:limit]


def search_substring(
    conn: Connection, tokens: Sequence[str], limit: int, *, exclude: frozenset[int] = frozenset()
) -> list[PatientSummary]:
    """Records whose names contain every token of 3+ characters (trigram index), in record
    order, at most `limit`; `exclude` leaves out records already shown."""
    terms = [t for t in tokens if len(t) >= 3]
    if not terms:
        return []
    match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
    rows = _fetch(
        conn,
        f"SELECT {_SUMMARY_COLUMNS} FROM patients_fts AS f "  # noqa: S608
        f"JOIN patients AS p ON p.id = f.rowid WHERE patients_fts MATCH ? AND {LIVE} LIMIT ?",
        (match, limit + len(exclude)),
    )
    return [r for r in rows if r.id not in exclude][:limit]


def search_birth_date(conn: Connection, birth_date: date, limit: int) -> list[PatientSummary]:
    return _fetch(
        conn,
        f"SELECT {_SUMMARY_COLUMNS} FROM patients AS p "  # noqa: S608
        f"WHERE p.birth_date = ? AND {LIVE} ORDER BY p.sort_key, p.id LIMIT ?",
        (birth_date.isoformat(), limit),
    )


def search_nir_prefix(conn: Connection, prefix: str, limit: int) -> list[PatientSummary]:
    return _fetch(
        conn,
        f"SELECT {_SUMMARY_COLUMNS} FROM patients AS p "  # noqa: S608
        f"WHERE p.nir >= ? AND p.nir < ? AND p.nir IS NOT NULL AND {LIVE} "
        "ORDER BY p.nir LIMIT ?",
        (prefix, prefix_upper_bound(prefix), limit),
    )


def phone_prefix_sql() -> str:
    """Parameters: prefix, bound, prefix, bound, limit. Each branch is a range in its own index
    (MULTI-INDEX OR); no ORDER BY, which would scan a whole name index instead."""
    return (
        f"SELECT {_SUMMARY_COLUMNS} FROM patients AS p WHERE "  # noqa: S608
        f"(p.phone_mobile >= ? AND p.phone_mobile < ? AND {LIVE}) "
        f"OR (p.phone_other >= ? AND p.phone_other < ? AND {LIVE}) LIMIT ?"
    )


def search_phone_prefix(conn: Connection, prefix: str, limit: int) -> list[PatientSummary]:
    """Either phone starting with an E.164 prefix (a whole number is its own prefix); the page
    (at most `limit` rows) is put in name order here."""
    bound = prefix_upper_bound(prefix)
    rows = _fetch(conn, phone_prefix_sql(), (prefix, bound, prefix, bound, limit))
    return sorted(rows, key=lambda s: (fold(s.birth_name), fold(" ".join(s.first_names)), s.id))


# Listing orders: column name shown to the user -> SQL order, each served by a partial index.
SORT_ORDERS: dict[str, tuple[str, ...]] = {
    "birth_name": ("p.sort_key", "p.id"),
    "used_name": ("p.used_name_key", "p.sort_key", "p.id"),
    "first_names": ("p.first_names_key", "p.sort_key", "p.id"),
    "birth_date": ("p.birth_date", "p.sort_key", "p.id"),
    "sex": ("p.sex", "p.sort_key", "p.id"),
    "identity_status": ("p.identity_status", "p.sort_key", "p.id"),
    "postal_code": ("p.postal_code", "p.sort_key", "p.id"),
    "city": ("p.city_key", "p.sort_key", "p.id"),
    "phone_mobile": ("p.phone_mobile", "p.sort_key", "p.id"),
    "updated_at": ("p.updated_at", "p.id"),
}


def list_sql(sort: str, descending: bool) -> str:
    """Parameters: limit, offset. KeyError for a column outside SORT_ORDERS."""
    direction = " DESC" if descending else ""
    order = ", ".join(column + direction for column in SORT_ORDERS[sort])
    return (
        f"SELECT {_SUMMARY_COLUMNS} FROM patients AS p WHERE {LIVE} "  # noqa: S608
        f"ORDER BY {order} LIMIT ? OFFSET ?"
    )


def list_page(
    conn: Connection, *, sort: str, descending: bool, limit: int, offset: int
) -> list[PatientSummary]:
    """One page of live records in a whitelisted order (KeyError for any other column)."""
    return _fetch(conn, list_sql(sort, descending), (limit, offset))


def count_live(conn: Connection) -> int:
    with mapped_errors("admin.db"):
        row = conn.execute(
            f"SELECT count(*) FROM patients AS p WHERE {LIVE}"  # noqa: S608
        ).fetchone()
    return int(row[0])


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
