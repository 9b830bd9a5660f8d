"""New-patient forms kept at a lock: no patient id yet, still per user, encrypted, audited
without their content, given back once."""

from __future__ import annotations

import json

import pytest

from medvault.core.errors import FieldError
from medvault.services import new_patient_drafts
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.helpers import snapshot

SECRET = "Quenouille-Zéphyrine"  # stands for a name typed in the form


def _content(text: str = SECRET) -> str:
    return json.dumps({"lines": {"birth_name": text}, "choices": {}, "notes": {}})


def _audit(session: Session, count: int) -> list[tuple[object, ...]]:
    rows = session.admin_db.execute(
        "SELECT action, area, patient_id, target FROM audit_log ORDER BY seq DESC LIMIT ?",
        (count,),
    ).fetchall()
    return [tuple(r) for r in reversed(rows)]


def test_kept_encrypted_and_given_back_once_to_the_same_user(
    vault: VaultInfo, receptionist: Session
) -> None:
    saved = new_patient_drafts.save_new_patient_draft(receptionist, content=_content())
    assert new_patient_drafts.list_new_patient_drafts(receptionist) == [saved]
    receptionist.abandon()  # as if the process died right after saving
    for name, data in snapshot(vault.directory).items():
        assert SECRET.encode() not in data, name
        assert SECRET.encode("utf-16-le") not in data, name
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        [listed] = new_patient_drafts.list_new_patient_drafts(session)
        content = new_patient_drafts.take_new_patient_draft(session, draft_id=listed.draft_id)
        assert content is not None and json.loads(content)["lines"]["birth_name"] == SECRET
        assert new_patient_drafts.list_new_patient_drafts(session) == []
        assert new_patient_drafts.take_new_patient_draft(session, draft_id=listed.draft_id) is None
        target = f"patient:new:{listed.draft_id}"
        assert _audit(session, 1) == [("draft_restore", "administrative", None, target)]
        audit_text = repr(session.admin_db.execute("SELECT * FROM audit_log").fetchall())
        assert SECRET not in audit_text
        assert ("draft_save", "administrative", None, target) in [
            tuple(r)
            for r in session.admin_db.execute(
                "SELECT action, area, patient_id, target FROM audit_log"
            )
        ]


def test_two_forms_left_open_are_two_drafts(practitioner: Session) -> None:
    first = new_patient_drafts.save_new_patient_draft(practitioner, content=_content("Aa"))
    second = new_patient_drafts.save_new_patient_draft(practitioner, content=_content("Bb"))
    listed = new_patient_drafts.list_new_patient_drafts(practitioner)
    assert {d.draft_id for d in listed} == {first.draft_id, second.draft_id}


def test_a_user_never_sees_or_takes_another_users_draft(vault: VaultInfo) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as mine:
        saved = new_patient_drafts.save_new_patient_draft(mine, content=_content())
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as other:
        assert new_patient_drafts.list_new_patient_drafts(other) == []
        assert new_patient_drafts.take_new_patient_draft(other, draft_id=saved.draft_id) is None
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as mine:
        assert new_patient_drafts.list_new_patient_drafts(mine) == [saved]


@pytest.mark.parametrize("content", [SECRET + "{", b"{}", "x" * (4 * 1024 * 1024 + 1)])
def test_bad_content_is_refused_and_nothing_is_written(
    practitioner: Session, content: object
) -> None:
    with pytest.raises(FieldError) as caught:
        new_patient_drafts.save_new_patient_draft(practitioner, content=content)  # type: ignore[arg-type]
    assert caught.value.field == "content"
    assert caught.value.message("fr") and caught.value.message("en")
    assert SECRET not in str(caught.value)
    assert new_patient_drafts.list_new_patient_drafts(practitioner) == []


@pytest.mark.parametrize("draft_id", [0, -3, True, "1", None])
def test_a_bad_draft_id_is_refused_clearly(practitioner: Session, draft_id: object) -> None:
    with pytest.raises(FieldError) as caught:
        new_patient_drafts.take_new_patient_draft(practitioner, draft_id=draft_id)  # type: ignore[arg-type]
    assert caught.value.field == "draft_id"
    assert caught.value.message("en") == "Unknown draft."
