"""Consents and refusals, per patient and per scope.

A record is never changed: withdrawing a consent is a new dated record, so the history of what
the patient agreed to, and when, stays whole. The current status of a scope (and recipient) is
its latest record by date, then by the order of recording.

Consents live in admin.db (docs/SECURITY.md, "Patient rights"): the desk collects signed forms,
so the words kept here are administrative — a scope code, how it was collected, a recipient's
label, a short note — never clinical detail."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from medvault.core.clinical_text import check_date, clean_line
from medvault.core.errors import FieldError

RECIPIENT_MAX = 80
NOTE_MAX = 300


class ConsentScope(enum.StrEnum):
    SHARING = "sharing"  # sharing the file with a named colleague or third party
    TELEHEALTH = "telehealth"  # teleconsultation, tele-expertise
    RESEARCH = "research"  # reuse of data for research
    SHARED_RECORD = "shared_record"  # the national shared record (DMP / Mon espace santé)
    OTHER = "other"


class ConsentDecision(enum.StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class CollectionMethod(enum.StrEnum):
    ORAL = "oral"  # said to the practitioner or the desk, noted at once
    WRITTEN = "written"  # a signed form (kept as an administrative document)
    ELECTRONIC = "electronic"  # an online form, an e-mail
    REPRESENTATIVE = "representative"  # given by a parent or legal representative


def _choice(field: str, enum_type: type[enum.StrEnum], value: object) -> str:
    if isinstance(value, str):
        try:
            return str(enum_type(value))
        except ValueError:
            pass
    raise FieldError(
        field, "Cette valeur n'est pas proposée.", "This value is not one of the choices."
    )


@dataclass(frozen=True)
class ConsentForm:
    """What the user enters; `validated(today)` returns a clean copy or raises FieldError."""

    scope: ConsentScope
    decision: ConsentDecision
    decided_on: date
    method: CollectionMethod
    recipient: str = ""  # required for SHARING: whom the file may go to
    note: str = ""

    def validated(self, today: date) -> ConsentForm:
        scope = ConsentScope(_choice("scope", ConsentScope, self.scope))
        decision = ConsentDecision(_choice("decision", ConsentDecision, self.decision))
        method = CollectionMethod(_choice("method", CollectionMethod, self.method))
        decided_on = check_date("decided_on", self.decided_on, today=today, required=True)
        assert decided_on is not None  # required
        recipient = clean_line("recipient", self.recipient, max_len=RECIPIENT_MAX)
        if scope is ConsentScope.SHARING and not recipient:
            raise FieldError(
                "recipient",
                "Indiquez avec qui le dossier peut être partagé (confrère, établissement).",
                "State whom the file may be shared with (colleague, institution).",
            )
        note = clean_line("note", self.note, max_len=NOTE_MAX)
        return replace(
            self,
            scope=scope,
            decision=decision,
            method=method,
            decided_on=decided_on,
            recipient=recipient,
            note=note,
        )


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    patient_id: int
    form: ConsentForm
    recorded_at: str
    recorded_by: str

    @property
    def key(self) -> tuple[ConsentScope, str]:
        """What a later record replaces: the same scope for the same recipient (case aside)."""
        return self.form.scope, self.form.recipient.casefold()


def current_status(records: Iterable[ConsentRecord]) -> list[ConsentRecord]:
    """The latest record of each scope and recipient (by decision date, then recording order),
    ordered by scope then recipient."""
    latest: dict[tuple[ConsentScope, str], ConsentRecord] = {}
    for record in records:
        held = latest.get(record.key)
        if held is None or (record.form.decided_on, record.id) > (held.form.decided_on, held.id):
            latest[record.key] = record
    return [latest[key] for key in sorted(latest, key=lambda k: (k[0].value, k[1]))]


def sharing_status(records: Iterable[ConsentRecord]) -> list[ConsentRecord]:
    """The current sharing consents and refusals: what to show before sending to a third party."""
    return [r for r in current_status(records) if r.form.scope is ConsentScope.SHARING]
