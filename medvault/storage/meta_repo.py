"""Small key/value tables: admin.db settings and clinical.db metadata."""

from __future__ import annotations

from typing import Literal

from medvault.storage.database import Connection, mapped_errors

Table = Literal["settings", "clinical_meta"]


def put(conn: Connection, table: Table, key: str, value: str) -> None:
    with mapped_errors():
        conn.execute(
            f"INSERT INTO {table} (key, value) VALUES (?, ?) "  # noqa: S608 - fixed names
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def delete(conn: Connection, table: Table, key: str) -> None:
    with mapped_errors():
        conn.execute(f"DELETE FROM {table} WHERE key = ?", (key,))  # noqa: S608 - fixed names


def get(conn: Connection, table: Table, key: str) -> str | None:
    with mapped_errors():
        row = conn.execute(
            f"SELECT value FROM {table} WHERE key = ?",  # noqa: S608 - fixed names
            (key,),
        ).fetchone()
    return None if row is None else str(row[0])
