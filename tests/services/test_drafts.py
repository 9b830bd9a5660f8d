"""Drafts of unsaved edits: kept encrypted per user, clinical ones out of reception's reach,
audited without their content, durable across a lock, erased and merged with the patient."""

from __future__ import annotations

import json

import pytest

from medvault.core.drafts import DraftKind
from medvault.core.erasure import ErasureBasis
from medvault.core.errors import FieldError, PermissionDeniedError, UnknownPatientError
from medvault.core.patient import PatientForm
from medvault.services import drafts
from medvault.services.patient_erasure import erase_patient
from medvault.services.patients import create_patient, delete_patient, merge_patients
from medvault.services.session import Session
from medvault.services.unlock import unlock_with_recovery_code
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.helpers import snapshot

SECRET = "Xérophtalmie-Quintessence"  # stands for anything typed in a draft
CLINICAL = DraftKind.CLINICAL
ADMIN = DraftKind.ADMINISTRATIVE


def _content(text: str = SECRET) -> str:
    return json.dumps({"reason": "Toux", "subjective": text})


def _patient(session: Session, name: str = "Lemaire") -> int:
    form = PatientForm(birth_name=name, first_names=("Anaïs",), sex="F", birth_date="02/03/1990")
    return create_patient(session, form).patient.id


def _last_audit(session: Session, count: int = 1) -> list[tuple[object, ...]]:
    rows = session.admin_db.execute(
        "SELECT action, area, patient_id, target, outcome FROM audit_log ORDER BY seq DESC LIMIT ?",
        (count,),
    ).fetchall()
    return [tuple(r) for r in reversed(rows)]


def _audit_text(session: Session) -> str:
    rows = session.admin_db.execute("SELECT * FROM audit_log").fetchall()
    return repr(rows)


def _rows(session: Session, kind: DraftKind) -> list[tuple[object, ...]]:
    conn = session.clinical_db if kind is CLINICAL else session.admin_db
    rows = conn.execute("SELECT owner, patient_id, editor_key FROM drafts ORDER BY id").fetchall()
    return [tuple(r) for r in rows]


def test_clinical_draft_round_trip_audited_without_content(practitioner: Session) -> None:
    pid = _patient(practitioner)
    saved = drafts.save_draft(
        practitioner,
        kind=CLINICAL,
        patient_id=pid,
        editor_key="consultation:new",
        content=_content(),
    )
    assert _last_audit(practitioner) == [
        ("draft_save", "clinical", str(pid), "consultation:new", "success")
    ]
    assert drafts.list_drafts(practitioner) == [saved]
    read = drafts.read_draft(
        practitioner, kind=CLINICAL, patient_id=pid, editor_key="consultation:new"
    )
    assert read is not None
    assert read.content == _content()
    assert read.summary == saved
    taken = drafts.take_draft(
        practitioner, kind=CLINICAL, patient_id=pid, editor_key="consultation:new"
    )
    assert taken == read
    assert _last_audit(practitioner) == [
        ("draft_restore", "clinical", str(pid), "consultation:new", "success")
    ]
    assert drafts.list_drafts(practitioner) == []
    assert (
        drafts.take_draft(
            practitioner, kind=CLINICAL, patient_id=pid, editor_key="consultation:new"
        )
        is None
    )
    assert SECRET not in _audit_text(practitioner)
    # clinical text stays in clinical.db
    assert _rows(practitioner, ADMIN) == []


@pytest.mark.parametrize("role", ["practitioner", "receptionist"])
def test_both_roles_keep_identity_drafts(request: pytest.FixtureRequest, role: str) -> None:
    session: Session = request.getfixturevalue(role)
    pid = _patient(session)
    drafts.save_draft(
        session, kind=ADMIN, patient_id=pid, editor_key="identity", content=_content("v1")
    )
    drafts.save_draft(
        session, kind=ADMIN, patient_id=pid, editor_key="identity", content=_content("v2")
    )
    assert [(d.kind, d.patient_id, d.editor_key) for d in drafts.list_drafts(session)] == [
        (ADMIN, pid, "identity")
    ]
    assert drafts.discard_draft(session, kind=ADMIN, patient_id=pid, editor_key="identity")
    assert _last_audit(session) == [
        ("draft_discard", "administrative", str(pid), "identity", "success")
    ]
    assert not drafts.discard_draft(session, kind=ADMIN, patient_id=pid, editor_key="identity")
    assert _rows(session, ADMIN) == []


def test_reception_can_never_read_or_write_clinical_drafts(
    vault: VaultInfo, receptionist: Session
) -> None:
    pid = _patient(receptionist)
    calls = [
        lambda: drafts.save_draft(
            receptionist,
            kind=CLINICAL,
            patient_id=pid,
            editor_key="consultation:new",
            content=_content(),
        ),
        lambda: drafts.read_draft(
            receptionist, kind=CLINICAL, patient_id=pid, editor_key="consultation:new"
        ),
        lambda: drafts.take_draft(
            receptionist, kind=CLINICAL, patient_id=pid, editor_key="consultation:new"
        ),
        lambda: drafts.discard_draft(
            receptionist, kind=CLINICAL, patient_id=pid, editor_key="consultation:new"
        ),
    ]
    for call in calls:
        with pytest.raises(PermissionDeniedError):
            call()
        assert _last_audit(receptionist) == [
            ("update", "clinical", None, "clinical_write", "denied")
        ]
    # listing shows reception's own administrative drafts, and asks nothing clinical
    seq = receptionist.admin_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    assert drafts.list_drafts(receptionist) == []
    # (no denial for the clinical drafts left out, and nothing to record for an empty list)
    assert receptionist.admin_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0] == seq
    receptionist.close()
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert _rows(session, CLINICAL) == []


def test_a_user_never_sees_another_users_drafts(vault: VaultInfo, practitioner: Session) -> None:
    pid = _patient(practitioner)
    drafts.save_draft(
        practitioner, kind=ADMIN, patient_id=pid, editor_key="identity", content=_content()
    )
    practitioner.close()
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        assert drafts.list_drafts(session) == []
        assert drafts.read_draft(session, kind=ADMIN, patient_id=pid, editor_key="identity") is None
        assert not drafts.discard_draft(session, kind=ADMIN, patient_id=pid, editor_key="identity")
        drafts.save_draft(
            session, kind=ADMIN, patient_id=pid, editor_key="identity", content=_content("r")
        )
    with unlock_with_recovery_code(
        vault.directory, vault.recovery_code, config=vault.config
    ) as session:
        assert drafts.list_drafts(session) == []  # a recovery session has drafts of its own
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        read = drafts.read_draft(session, kind=ADMIN, patient_id=pid, editor_key="identity")
        assert read is not None
        assert read.content == _content()  # hers, not reception's


def test_a_saved_draft_survives_the_lock_and_a_crash_encrypted(
    vault: VaultInfo, practitioner: Session
) -> None:
    pid = _patient(practitioner)
    drafts.save_draft(
        practitioner,
        kind=CLINICAL,
        patient_id=pid,
        editor_key="consultation:new",
        content=_content(),
    )
    practitioner.abandon()  # as if the process died right after saving: nothing more written
    for name, data in snapshot(vault.directory).items():
        assert SECRET.encode() not in data, name
        assert "Xérophtalmie".encode("utf-16-le") not in data, name
    session = vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    session.lock()
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        read = drafts.read_draft(
            session, kind=CLINICAL, patient_id=pid, editor_key="consultation:new"
        )
        assert read is not None
        assert json.loads(read.content)["subjective"] == SECRET


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"editor_key": "Consultation"}, "editor_key"),
        ({"editor_key": "consultation:Dupont"}, "editor_key"),
        ({"editor_key": "x" * 40}, "editor_key"),
        ({"content": SECRET + "{"}, "content"),
        ({"content": b"{}"}, "content"),
        ({"kind": "clinical"}, "kind"),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_is_written(
    practitioner: Session, changes: dict[str, object], field: str
) -> None:
    pid = _patient(practitioner)
    arguments: dict[str, object] = {
        "kind": CLINICAL,
        "patient_id": pid,
        "editor_key": "consultation:new",
        "content": _content(),
    }
    arguments.update(changes)
    with pytest.raises(FieldError) as caught:
        drafts.save_draft(practitioner, **arguments)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert caught.value.message("fr") and caught.value.message("en")
    assert SECRET not in str(caught.value)
    assert _rows(practitioner, CLINICAL) == []


def test_unknown_patient_is_refused(practitioner: Session) -> None:
    for patient_id in (9999, True, "1"):
        with pytest.raises(UnknownPatientError):
            drafts.save_draft(
                practitioner,
                kind=ADMIN,
                patient_id=patient_id,  # type: ignore[arg-type]
                editor_key="identity",
                content="{}",
            )
    assert _rows(practitioner, ADMIN) == []


def test_a_deleted_file_still_keeps_what_was_typed(practitioner: Session) -> None:
    pid = _patient(practitioner)
    delete_patient(practitioner, pid, expected_version=1, reason="Doublon")
    drafts.save_draft(
        practitioner, kind=ADMIN, patient_id=pid, editor_key="identity", content=_content()
    )
    taken = drafts.take_draft(practitioner, kind=ADMIN, patient_id=pid, editor_key="identity")
    assert taken is not None


def test_erasure_removes_every_users_drafts(vault: VaultInfo, receptionist: Session) -> None:
    erased, kept = _patient(receptionist, "Efface"), _patient(receptionist, "Garde")
    for pid in (erased, kept):
        drafts.save_draft(
            receptionist, kind=ADMIN, patient_id=pid, editor_key="identity", content=_content()
        )
    receptionist.close()
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        for pid in (erased, kept):
            for kind, key in ((CLINICAL, "consultation:new"), (ADMIN, "identity")):
                drafts.save_draft(
                    session, kind=kind, patient_id=pid, editor_key=key, content=_content()
                )
        erase_patient(session, patient_id=erased, basis=ErasureBasis.PATIENT_REQUEST)
        assert _rows(session, CLINICAL) == [(PRACTITIONER_LOGIN, kept, "consultation:new")]
        assert sorted(_rows(session, ADMIN)) == [
            (RECEPTIONIST_LOGIN, kept, "identity"),
            (PRACTITIONER_LOGIN, kept, "identity"),
        ]


def test_practitioner_merge_moves_clinical_drafts_and_drops_the_duplicates_identity_form(
    practitioner: Session,
) -> None:
    keep, duplicate = _patient(practitioner), _patient(practitioner)
    for kind, key in ((CLINICAL, "consultation:new"), (ADMIN, "identity")):
        drafts.save_draft(
            practitioner, kind=kind, patient_id=duplicate, editor_key=key, content=_content()
        )
    merge_patients(practitioner, duplicate_id=duplicate, surviving_id=keep, expected_version=1)
    assert _rows(practitioner, CLINICAL) == [(PRACTITIONER_LOGIN, keep, "consultation:new")]
    assert _rows(practitioner, ADMIN) == []
    assert [(d.kind, d.patient_id) for d in drafts.list_drafts(practitioner)] == [(CLINICAL, keep)]


def test_after_a_reception_merge_clinical_drafts_are_found_from_the_surviving_record(
    vault: VaultInfo, practitioner: Session
) -> None:
    keep, duplicate = _patient(practitioner), _patient(practitioner)
    drafts.save_draft(
        practitioner,
        kind=CLINICAL,
        patient_id=duplicate,
        editor_key="consultation:new",
        content=_content(),
    )
    practitioner.close()
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        merge_patients(session, duplicate_id=duplicate, surviving_id=keep, expected_version=1)
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert _rows(session, CLINICAL) == [(PRACTITIONER_LOGIN, duplicate, "consultation:new")]
        listed = drafts.list_drafts(session)
        assert [(d.kind, d.patient_id, d.editor_key) for d in listed] == [
            (CLINICAL, keep, "consultation:new")
        ]
        taken = drafts.take_draft(
            session, kind=CLINICAL, patient_id=keep, editor_key="consultation:new"
        )
        assert taken is not None
        assert (taken.patient_id, taken.content) == (keep, _content())
        assert _rows(session, CLINICAL) == []


def test_listing_drafts_is_recorded_only_when_there_are_some(practitioner: Session) -> None:
    seq = practitioner.admin_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    assert drafts.list_drafts(practitioner) == []
    assert practitioner.admin_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0] == seq
    pid = _patient(practitioner)
    drafts.save_draft(
        practitioner, kind=CLINICAL, patient_id=pid, editor_key="consultation:new", content="{}"
    )
    assert len(drafts.list_drafts(practitioner)) == 1
    assert _last_audit(practitioner) == [("read", "system", None, "drafts:1", "success")]
