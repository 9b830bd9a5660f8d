"""Reading whole databases to compare a vault with its restored copy."""

from __future__ import annotations

from medvault.storage.database import Connection


def all_rows(conn: Connection) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        ).fetchall()
    ]
    return {
        table: sorted(
            (tuple(r) for r in conn.execute(f'SELECT * FROM "{table}"')),
            key=repr,
        )
        for table in tables
    }
