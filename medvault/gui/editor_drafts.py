"""Unsaved edits kept as encrypted drafts when the session locks, and put back after unlock.

An editor describes its draft as a code (the editor key, e.g. "consultation:12") and its typed
fields as JSON text; the text goes only to the drafts service, which keeps it in the encrypted
database of its kind (clinical drafts in clinical.db)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from medvault.core.drafts import DraftKind
from medvault.services import drafts, new_patient_drafts
from medvault.services.session import Session


@dataclass(frozen=True)
class PendingDraft:
    kind: DraftKind
    patient_id: int | None  # None: a new-patient form (the file does not exist yet)
    editor_key: str
    content: str  # JSON text of the typed fields

    def __repr__(self) -> str:  # the content is patient data: never in a log or traceback
        return f"PendingDraft({self.kind.value}, {self.patient_id}, {self.editor_key!r})"


def save_pending_draft(session: Session, draft: PendingDraft) -> None:
    """Keep one draft in the vault (KnownError if refused): a new-patient form apart, as it
    has no patient id yet."""
    if draft.patient_id is None:
        new_patient_drafts.save_new_patient_draft(session, content=draft.content)
        return
    drafts.save_draft(
        session,
        kind=draft.kind,
        patient_id=draft.patient_id,
        editor_key=draft.editor_key,
        content=draft.content,
    )


def encode_fields(groups: Mapping[str, Mapping[str, object]]) -> str:
    """{"notes": {...}, "vitals": {...}} as JSON: typed text, booleans and choice codes."""
    return json.dumps(groups, ensure_ascii=False, sort_keys=True)


def decode_fields(content: str, groups: tuple[str, ...]) -> dict[str, dict[str, object]] | None:
    """The groups back from `encode_fields`, or None when the text is not a draft of this
    shape (a draft written by another version): the caller then leaves the editor as it is."""
    try:
        parsed = json.loads(content)
    except ValueError:
        return None
    if not isinstance(parsed, dict) or set(parsed) != set(groups):
        return None
    decoded: dict[str, dict[str, object]] = {}
    for group in groups:
        fields = parsed[group]
        if not isinstance(fields, dict) or not all(
            isinstance(value, str | bool | None) for value in fields.values()
        ):
            return None
        decoded[group] = fields
    return decoded
