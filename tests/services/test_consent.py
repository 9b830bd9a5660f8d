"""Consents: recorded by both roles, history kept (a withdrawal is a new record), the status in
force per scope and recipient, audited with codes only, removed with the legal erasure."""

from __future__ import annotations

from datetime import date

import pytest

from medvault.core.consent import (
    CollectionMethod,
    ConsentDecision,
    ConsentForm,
    ConsentScope,
)
from medvault.core.erasure import ErasureBasis
from medvault.core.errors import FieldError, UnknownPatientError
from medvault.services.consent import consent_status, list_consents, record_consent
from medvault.services.patient_erasure import erase_patient
from medvault.services.session import Session
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.services.rights_helpers import new_patient


def _form(decision: ConsentDecision, day: date, **changes: object) -> ConsentForm:
    values: dict[str, object] = {
        "scope": ConsentScope.TELEHEALTH,
        "decision": decision,
        "decided_on": day,
        "method": CollectionMethod.WRITTEN,
    }
    values.update(changes)
    return ConsentForm(**values)  # type: ignore[arg-type]


def test_desk_records_and_withdrawal_keeps_history(vault: VaultInfo) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as doctor:
        pid = new_patient(doctor, "CONSENT", date(1970, 1, 1))
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as desk:
        granted = record_consent(
            desk, pid, _form(ConsentDecision.GRANTED, date(2024, 1, 5), note="  formulaire  ")
        )
        assert granted.form.note == "formulaire" and granted.recorded_by == RECEPTIONIST_LOGIN
        record_consent(desk, pid, _form(ConsentDecision.WITHDRAWN, date(2024, 6, 1)))
        # recorded later, but decided earlier: does not replace the withdrawal
        record_consent(desk, pid, _form(ConsentDecision.GRANTED, date(2024, 2, 1)))
        history = list_consents(desk, pid)
        status = consent_status(desk, pid)
        audit = desk.admin_db.execute(
            "SELECT action, area, patient_id, target FROM audit_log "
            "WHERE target LIKE 'consent:%' ORDER BY seq"
        ).fetchall()
    assert [r.form.decided_on for r in history] == [
        date(2024, 6, 1),
        date(2024, 2, 1),
        date(2024, 1, 5),
    ]
    assert [(r.form.scope, r.form.decision) for r in status] == [
        (ConsentScope.TELEHEALTH, ConsentDecision.WITHDRAWN)
    ]
    assert [tuple(r) for r in audit] == [
        ("create", "administrative", str(pid), f"consent:{granted.id}:telehealth:granted"),
        ("create", "administrative", str(pid), f"consent:{granted.id + 1}:telehealth:withdrawn"),
        ("create", "administrative", str(pid), f"consent:{granted.id + 2}:telehealth:granted"),
    ]


def test_status_is_per_recipient(practitioner: Session) -> None:
    pid = new_patient(practitioner, "PARTAGE", date(1970, 1, 1))
    for recipient, decision in (("Dr A", "granted"), ("Dr B", "refused"), ("dr a", "refused")):
        record_consent(
            practitioner,
            pid,
            _form(
                ConsentDecision(decision), date(2024, 1, 1), scope="sharing", recipient=recipient
            ),
        )
    status = consent_status(practitioner, pid)
    assert [(r.form.recipient, r.form.decision.value) for r in status] == [
        ("dr a", "refused"),
        ("Dr B", "refused"),
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"scope": "sharing"}, "recipient"),
        ({"scope": "nope"}, "scope"),
        ({"method": "pigeon"}, "method"),
        ({"decided_on": date(2999, 1, 1)}, "decided_on"),
        ({"note": "x" * 301}, "note"),
    ],
)
def test_bad_forms_are_refused_and_nothing_written(
    practitioner: Session, changes: dict[str, object], field: str
) -> None:
    pid = new_patient(practitioner, "REFUS", date(1970, 1, 1))
    with pytest.raises(FieldError) as caught:
        record_consent(
            practitioner, pid, _form(ConsentDecision.GRANTED, date(2024, 1, 1), **changes)
        )
    assert caught.value.field == field
    assert list_consents(practitioner, pid) == []


def test_unknown_patient_and_erasure(practitioner: Session) -> None:
    with pytest.raises(UnknownPatientError):
        record_consent(practitioner, 999, _form(ConsentDecision.GRANTED, date(2024, 1, 1)))
    pid = new_patient(practitioner, "EFFACE", date(1970, 1, 1))
    record_consent(practitioner, pid, _form(ConsentDecision.GRANTED, date(2024, 1, 1)))
    erase_patient(practitioner, patient_id=pid, basis=ErasureBasis.PATIENT_REQUEST)
    assert practitioner.admin_db.execute("SELECT count(*) FROM consents").fetchone()[0] == 0
