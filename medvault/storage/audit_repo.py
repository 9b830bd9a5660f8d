"""Audit log and chain head (admin.db). Appends run inside the caller's transaction, so a
service's change and its audit record commit or roll back together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from medvault.core.audit import (
    AuditAction,
    AuditEvent,
    AuditRecord,
    ChainHead,
    chain_mac,
    genesis_mac,
)
from medvault.core.audit_query import AuditCursor, AuditEntry, AuditFilter
from medvault.core.audit_retention import ArchivedRange
from medvault.core.permissions import Role
from medvault.core.secrets import SecretKey
from medvault.storage.database import Connection, mapped_errors

_COLUMNS = "seq, ts, user_login, role, action, area, patient_id, target, outcome, mac"
_Table = Literal["audit_log", "audit_archive"]


def read_head(conn: Connection) -> ChainHead | None:
    with mapped_errors("admin.db"):
        row = conn.execute("SELECT seq, mac FROM audit_head WHERE id = 1").fetchone()
    return None if row is None else ChainHead(int(row[0]), bytes(row[1]))


def append(
    conn: Connection,
    *,
    key: SecretKey,
    vault_id: str,
    timestamp: str,
    user_login: str | None,
    role: Role | None,
    event: AuditEvent,
) -> AuditRecord:
    head = read_head(conn)
    previous = head.mac if head else genesis_mac(key, vault_id)
    with mapped_errors("admin.db"):
        (last_stored,) = conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()
    # Past the larger of the head and the table: a tampered log must not stop the audit itself
    # (the verifier still reports the damage).
    unsealed = AuditRecord(
        seq=max(head.seq if head else 0, int(last_stored)) + 1,
        timestamp=timestamp,
        user_login=user_login,
        role=role,
        action=event.action.value,
        area=event.area.value,
        patient_id=event.patient_id,
        target=event.target,
        outcome=event.outcome.value,
        mac=b"",
    )
    mac = chain_mac(key, previous, unsealed)
    with mapped_errors("admin.db"):
        conn.execute(
            f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            (
                unsealed.seq,
                timestamp,
                user_login,
                role.value if role else None,
                unsealed.action,
                unsealed.area,
                unsealed.patient_id,
                unsealed.target,
                unsealed.outcome,
                mac,
            ),
        )
        conn.execute(
            "INSERT INTO audit_head (id, seq, mac) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, mac = excluded.mac",
            (unsealed.seq, mac),
        )
    return AuditRecord(**{**unsealed.__dict__, "mac": mac})


def _row_to_record(row: tuple[object, ...]) -> AuditRecord:
    seq, ts, login, role, action, area, patient_id, target, outcome, mac = row
    return AuditRecord(
        seq=int(seq),  # type: ignore[call-overload]
        timestamp=str(ts),
        user_login=None if login is None else str(login),
        role=None if role is None else Role(str(role)),
        action=str(action),
        area=str(area),
        patient_id=None if patient_id is None else str(patient_id),
        target=None if target is None else str(target),
        outcome=str(outcome),
        mac=bytes(mac),  # type: ignore[call-overload]
    )


def _iter_table(conn: Connection, table: _Table, batch: int) -> Iterator[AuditRecord]:
    last_rowid = 0
    while True:
        with mapped_errors("admin.db"):
            rows = conn.execute(
                f"SELECT rowid, {_COLUMNS} FROM {table} WHERE rowid > ? "  # noqa: S608
                "ORDER BY rowid LIMIT ?",
                (last_rowid, batch),
            ).fetchall()
        if not rows:
            return
        for row in rows:
            last_rowid = int(row[0])
            yield _row_to_record(tuple(row[1:]))


def iter_archived(conn: Connection, batch: int = 1000) -> Iterator[AuditRecord]:
    """The archive segment in stored (rowid) order."""
    return _iter_table(conn, "audit_archive", batch)


def iter_live(conn: Connection, batch: int = 1000) -> Iterator[AuditRecord]:
    """The live log in stored (rowid) order."""
    return _iter_table(conn, "audit_log", batch)


def iter_records(conn: Connection, batch: int = 1000) -> Iterator[AuditRecord]:
    """The whole chain in stored order: the archive segment, then the live log, in batches to
    keep memory flat on long logs. Archiving moves records without changing the chain."""
    yield from iter_archived(conn, batch)
    yield from iter_live(conn, batch)


def recent(conn: Connection, limit: int = 100) -> list[AuditRecord]:
    with mapped_errors("admin.db"):
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ?",  # noqa: S608
            (limit,),
        ).fetchall()
    return [_row_to_record(tuple(r)) for r in rows]


# -- the audit viewer: filtered pages, newest first, over the live log then the archive --------
def _seq_at(conn: Connection, query: str, value: str, tables: tuple[_Table, _Table]) -> int | None:
    for table in tables:
        with mapped_errors("admin.db"):
            (seq,) = conn.execute(query.format(table=table), (value,)).fetchone()
        if seq is not None:
            return int(seq)
    return None


def resolve_cursor(conn: Connection, audit_filter: AuditFilter) -> AuditCursor:
    """The seq range a filter's dates cover, found once through the ts indexes; pages then walk
    seq (the primary key or a (criterion, seq) index) instead of sorting by date."""
    lowest = highest = None
    since, until = audit_filter.since_ts, audit_filter.until_ts
    if since is not None:
        # The archive holds the smaller seqs: the first match there is the lowest.
        lowest = _seq_at(
            conn,
            "SELECT min(seq) FROM {table} WHERE ts >= ?",
            since,
            ("audit_archive", "audit_log"),
        )
        if lowest is None:
            return AuditCursor(audit_filter, 1, 0)
    if until is not None:
        highest = _seq_at(
            conn,
            "SELECT max(seq) FROM {table} WHERE ts < ?",
            until,
            ("audit_log", "audit_archive"),
        )
        if highest is None:
            return AuditCursor(audit_filter, 1, 0)
    return AuditCursor(audit_filter, lowest, highest)


def _where(cursor: AuditCursor) -> tuple[str, list[object]]:
    audit_filter = cursor.audit_filter
    clauses: list[str] = []
    params: list[object] = []
    for column, value in (
        ("user_login", audit_filter.user_login),
        ("patient_id", audit_filter.patient_id),
        ("action", audit_filter.action),
        ("outcome", audit_filter.outcome),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    # "+ts": exact date bounds, without letting the planner sort a date range by seq.
    for clause, value in (("+ts >= ?", audit_filter.since_ts), ("+ts < ?", audit_filter.until_ts)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    for clause, bound in (
        ("seq >= ?", cursor.lowest_seq),
        ("seq <= ?", cursor.highest_seq),
        ("seq < ?", cursor.before_seq),
    ):
        if bound is not None:
            clauses.append(clause)
            params.append(bound)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def find_page(conn: Connection, cursor: AuditCursor, limit: int) -> list[AuditEntry]:
    """Up to `limit` records matching the cursor's filter, newest first, after the cursor."""
    if cursor.empty or limit <= 0:
        return []
    where, params = _where(cursor)
    found: list[AuditEntry] = []
    for table, archived in (("audit_log", False), ("audit_archive", True)):
        wanted = limit - len(found)
        if wanted <= 0:
            break
        with mapped_errors("admin.db"):
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM {table}{where} ORDER BY seq DESC LIMIT ?",  # noqa: S608
                (*params, wanted),
            ).fetchall()
        found.extend(AuditEntry(_row_to_record(tuple(r)), archived) for r in rows)
    return found


# -- retention: moving old records into the archive ------------------------------------------
def archived_range(conn: Connection) -> ArchivedRange | None:
    """The archive's extent (first seq, last seq and its MAC); None while it is empty."""
    with mapped_errors("admin.db"):
        first = conn.execute("SELECT min(seq) FROM audit_archive").fetchone()[0]
        last = conn.execute(
            "SELECT seq, mac FROM audit_archive ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    if first is None or last is None:
        return None
    return ArchivedRange(int(first), int(last[0]), bytes(last[1]))


def archive_older_than(conn: Connection, cutoff_ts: str) -> ArchivedRange | None:
    """Move the oldest records, up to the first one stamped at or after `cutoff_ts`, into the
    archive, unchanged. Only a prefix of the live log moves, so stored order stays chain order.
    Runs in the caller's transaction; None when nothing is old enough."""
    with mapped_errors("admin.db"):
        (bound,) = conn.execute(
            "SELECT min(seq) FROM audit_log WHERE ts >= ?", (cutoff_ts,)
        ).fetchone()
        if bound is None:
            (last,) = conn.execute("SELECT max(seq) FROM audit_log").fetchone()
            bound = None if last is None else int(last) + 1
        if bound is None:
            return None
        first, last, count = conn.execute(
            "SELECT min(seq), max(seq), count(*) FROM audit_log WHERE seq < ?", (bound,)
        ).fetchone()
        if not count:
            return None
        conn.execute(
            f"INSERT INTO audit_archive ({_COLUMNS}) "  # noqa: S608
            f"SELECT {_COLUMNS} FROM audit_log WHERE seq < ? ORDER BY seq",
            (bound,),
        )
        conn.execute("DELETE FROM audit_log WHERE seq < ?", (bound,))
        (mac,) = conn.execute("SELECT mac FROM audit_archive WHERE seq = ?", (last,)).fetchone()
    return ArchivedRange(int(first), int(last), bytes(mac))


def latest_checkpoint(conn: Connection) -> AuditRecord | None:
    """The newest archive checkpoint record, live log first (where it is written)."""
    for table in ("audit_log", "audit_archive"):
        with mapped_errors("admin.db"):
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM {table} WHERE action = ? "  # noqa: S608
                "ORDER BY seq DESC LIMIT 1",
                (AuditAction.AUDIT_ARCHIVE.value,),
            ).fetchone()
        if row is not None:
            return _row_to_record(tuple(row))
    return None
