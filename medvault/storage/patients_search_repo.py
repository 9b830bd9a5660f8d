"""Searching and listing the patients table (admin.db): the first page only (LIMIT in SQL,
results in index order); live records only. The writes and the keys they keep are in
patients_repo."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from medvault.core.patient import PatientSummary
from medvault.core.text_search import fold, prefix_upper_bound
from medvault.storage.database import Connection, mapped_errors
from medvault.storage.patients_repo import LIVE, SUMMARY_COLUMNS, row_to_summary


def _fetch(conn: Connection, sql: str, params: Sequence[object]) -> list[PatientSummary]:
    with mapped_errors("admin.db"):
        return [row_to_summary(r) for r in conn.execute(sql, params).fetchall()]


def name_prefix_sql(other_tokens: int) -> str:
    """Parameters: rank, first token, its upper bound, each other token (" tok"), limit, offset."""
    filters = "".join(" AND instr(p.search_name, ?) > 0" for _ in range(other_tokens))
    return (
        f"SELECT {SUMMARY_COLUMNS} FROM patient_name_keys AS k "  # noqa: S608
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
        f"SELECT {SUMMARY_COLUMNS} FROM patients_fts AS f "  # noqa: S608
        f"JOIN patients AS p ON p.id = f.rowid WHERE patients_fts MATCH ? AND {LIVE} LIMIT ?",
        (match, limit + len(exclude)),
    )
    return [r for r in rows if r.id not in exclude][:limit]


def search_birth_date(conn: Connection, birth_date: date, limit: int) -> list[PatientSummary]:
    return _fetch(
        conn,
        f"SELECT {SUMMARY_COLUMNS} FROM patients AS p "  # noqa: S608
        f"WHERE p.birth_date = ? AND {LIVE} ORDER BY p.sort_key, p.id LIMIT ?",
        (birth_date.isoformat(), limit),
    )


def search_nir_prefix(conn: Connection, prefix: str, limit: int) -> list[PatientSummary]:
    return _fetch(
        conn,
        f"SELECT {SUMMARY_COLUMNS} FROM patients AS p "  # noqa: S608
        f"WHERE p.nir >= ? AND p.nir < ? AND p.nir IS NOT NULL AND {LIVE} "
        "ORDER BY p.nir LIMIT ?",
        (prefix, prefix_upper_bound(prefix), limit),
    )


def phone_prefix_sql() -> str:
    """Parameters: prefix, bound, prefix, bound, limit. Each branch is a range in its own index
    (MULTI-INDEX OR); no ORDER BY, which would scan a whole name index instead."""
    return (
        f"SELECT {SUMMARY_COLUMNS} FROM patients AS p WHERE "  # noqa: S608
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
        f"SELECT {SUMMARY_COLUMNS} FROM patients AS p WHERE {LIVE} "  # noqa: S608
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
