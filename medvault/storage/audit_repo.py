"""Audit log and chain head (admin.db). Appends run inside the caller's transaction, so a
service's change and its audit record commit or roll back together."""

from __future__ import annotations

from collections.abc import Iterator

from medvault.core.audit import AuditEvent, AuditRecord, ChainHead, chain_mac, genesis_mac
from medvault.core.permissions import Role
from medvault.core.secrets import SecretKey
from medvault.storage.database import Connection, mapped_errors

_COLUMNS = "seq, ts, user_login, role, action, area, patient_id, target, outcome, mac"


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


def iter_records(conn: Connection, batch: int = 1000) -> Iterator[AuditRecord]:
    """Every record in stored (rowid) order, in batches to keep memory flat on long logs."""
    last_rowid = 0
    while True:
        with mapped_errors("admin.db"):
            rows = conn.execute(
                f"SELECT rowid, {_COLUMNS} FROM audit_log WHERE rowid > ? "  # noqa: S608
                "ORDER BY rowid LIMIT ?",
                (last_rowid, batch),
            ).fetchall()
        if not rows:
            return
        for row in rows:
            last_rowid = int(row[0])
            yield _row_to_record(tuple(row[1:]))


def recent(conn: Connection, limit: int = 100) -> list[AuditRecord]:
    with mapped_errors("admin.db"):
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ?",  # noqa: S608
            (limit,),
        ).fetchall()
    return [_row_to_record(tuple(r)) for r in rows]
