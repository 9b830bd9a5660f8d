"""The drafts table on a real SQLCipher database (clinical.db's; admin.db's is the same)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from medvault.core.drafts import DraftKind
from medvault.core.secrets import SecretKey
from medvault.storage import drafts_repo
from medvault.storage.database import Connection, close_database, open_database, transaction
from medvault.storage.migrations import CLINICAL_MIGRATIONS, migrate

KIND = DraftKind.CLINICAL


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_database(tmp_path / "clinical.db", SecretKey.generate(), create=True)
    migrate(connection, CLINICAL_MIGRATIONS, "clinical.db")
    yield connection
    close_database(connection)


def _save(
    conn: Connection, owner: str, patient_id: int, key: str, content: str, saved_at: str
) -> None:
    with transaction(conn, "clinical.db"):
        drafts_repo.save(
            conn,
            KIND,
            owner=owner,
            patient_id=patient_id,
            editor_key=key,
            content=content,
            saved_at=saved_at,
        )


def _all(conn: Connection) -> list[tuple[str, int, str, str]]:
    rows = conn.execute(
        "SELECT owner, patient_id, editor_key, content FROM drafts ORDER BY owner, patient_id"
    ).fetchall()
    return [tuple(r) for r in rows]


def test_save_replaces_the_same_owner_patient_and_editor(conn: Connection) -> None:
    _save(conn, "dr", 1, "consultation:new", '{"v": 1}', "2026-01-01T10:00:00Z")
    _save(conn, "dr", 1, "consultation:new", '{"v": 2}', "2026-01-01T10:05:00Z")
    _save(conn, "dr", 1, "consultation:7", '{"v": 3}', "2026-01-01T10:06:00Z")
    _save(conn, "other", 1, "consultation:new", '{"v": 4}', "2026-01-01T10:07:00Z")
    summaries = drafts_repo.list_for(conn, KIND, "dr")
    assert [(d.editor_key, d.saved_at) for d in summaries] == [
        ("consultation:7", "2026-01-01T10:06:00Z"),
        ("consultation:new", "2026-01-01T10:05:00Z"),
    ]
    found = drafts_repo.find(conn, KIND, owner="dr", patient_ids=[1], editor_key="consultation:new")
    assert found is not None
    assert found.content == '{"v": 2}'


def test_find_and_delete_look_under_every_id_of_a_merge_group(conn: Connection) -> None:
    _save(conn, "dr", 1, "identity", '"old"', "2026-01-01T10:00:00Z")
    _save(conn, "dr", 2, "identity", '"new"', "2026-01-02T10:00:00Z")
    _save(conn, "dr", 3, "identity", '"elsewhere"', "2026-01-03T10:00:00Z")
    found = drafts_repo.find(conn, KIND, owner="dr", patient_ids=[1, 2], editor_key="identity")
    assert found is not None
    assert (found.patient_id, found.content) == (2, '"new"')
    assert drafts_repo.find(conn, KIND, owner="dr", patient_ids=[], editor_key="identity") is None
    with transaction(conn, "clinical.db"):
        removed = drafts_repo.delete_matching(
            conn, KIND, owner="dr", patient_ids=[1, 2], editor_key="identity"
        )
    assert removed == 2
    assert _all(conn) == [("dr", 3, "identity", '"elsewhere"')]


def test_delete_for_patients_removes_every_owner(conn: Connection) -> None:
    _save(conn, "dr", 1, "identity", "1", "t1")
    _save(conn, "accueil", 1, "identity", "2", "t2")
    _save(conn, "dr", 2, "identity", "3", "t3")
    with transaction(conn, "clinical.db"):
        assert drafts_repo.delete_for_patients(conn, KIND, [1]) == 2
    assert _all(conn) == [("dr", 2, "identity", "3")]


def test_merge_moves_drafts_and_keeps_the_newer_on_a_clash(conn: Connection) -> None:
    # duplicate 5 -> survivor 9
    _save(conn, "dr", 5, "consultation:new", '"dup newer"', "2026-01-02T00:00:00Z")
    _save(conn, "dr", 9, "consultation:new", '"survivor older"', "2026-01-01T00:00:00Z")
    _save(conn, "dr", 5, "allergy:new", '"dup older"', "2026-01-01T00:00:00Z")
    _save(conn, "dr", 9, "allergy:new", '"survivor newer"', "2026-01-02T00:00:00Z")
    _save(conn, "dr", 5, "treatment:new", '"only dup"', "2026-01-01T00:00:00Z")
    _save(conn, "other", 5, "allergy:new", '"other user"', "2026-01-01T00:00:00Z")
    with transaction(conn, "clinical.db"):
        moved = drafts_repo.move_to_patient(conn, KIND, 5, 9)
    assert moved == 3
    assert sorted(_all(conn)) == [
        ("dr", 9, "allergy:new", '"survivor newer"'),
        ("dr", 9, "consultation:new", '"dup newer"'),
        ("dr", 9, "treatment:new", '"only dup"'),
        ("other", 9, "allergy:new", '"other user"'),
    ]
