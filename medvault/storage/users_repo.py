"""Users table (admin.db). Callers own the transaction."""

from __future__ import annotations

from medvault.core.permissions import Role
from medvault.core.users import User
from medvault.storage.database import Connection, mapped_errors

_COLUMNS = "login, display_name, role, active, must_change_password, created_at, last_login_at"


def _row_to_user(row: tuple[object, ...]) -> User:
    login, name, role, active, must_change, created, last_login = row
    return User(
        login=str(login),
        display_name=str(name),
        role=Role(str(role)),
        active=bool(active),
        must_change_password=bool(must_change),
        created_at=str(created),
        last_login_at=None if last_login is None else str(last_login),
    )


def insert_user(conn: Connection, user: User) -> None:
    with mapped_errors("admin.db"):
        conn.execute(
            f"INSERT INTO users ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            (
                user.login,
                user.display_name,
                user.role.value,
                int(user.active),
                int(user.must_change_password),
                user.created_at,
                user.last_login_at,
            ),
        )


def get_user(conn: Connection, login: str) -> User | None:
    with mapped_errors("admin.db"):
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM users WHERE login = ?",  # noqa: S608
            (login,),
        ).fetchone()
    return None if row is None else _row_to_user(row)


def list_users(conn: Connection) -> list[User]:
    with mapped_errors("admin.db"):
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM users ORDER BY active DESC, login"  # noqa: S608
        ).fetchall()
    return [_row_to_user(r) for r in rows]


def count_active(conn: Connection, role: Role) -> int:
    with mapped_errors("admin.db"):
        row = conn.execute(
            "SELECT count(*) FROM users WHERE role = ? AND active = 1", (role.value,)
        ).fetchone()
    return int(row[0])


def record_login(conn: Connection, login: str, when: str) -> None:
    with mapped_errors("admin.db"):
        conn.execute("UPDATE users SET last_login_at = ? WHERE login = ?", (when, login))


def set_password_state(conn: Connection, login: str, *, must_change: bool, active: bool) -> None:
    with mapped_errors("admin.db"):
        conn.execute(
            "UPDATE users SET must_change_password = ?, active = ?, "
            "disabled_at = CASE WHEN ? = 1 THEN NULL ELSE disabled_at END WHERE login = ?",
            (int(must_change), int(active), int(active), login),
        )


def disable_user(conn: Connection, login: str, when: str) -> None:
    with mapped_errors("admin.db"):
        conn.execute("UPDATE users SET active = 0, disabled_at = ? WHERE login = ?", (when, login))
