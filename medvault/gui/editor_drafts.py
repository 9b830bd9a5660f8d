"""Unsaved edits kept as encrypted drafts when the session locks, and put back after unlock.

An editor describes its draft as a code (the editor key, e.g. "consultation:12") and its typed
fields as JSON text; the text goes only to the drafts service, which keeps it in the encrypted
database of its kind (clinical drafts in clinical.db)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from medvault.core.drafts import DraftKind


@dataclass(frozen=True)
class PendingDraft:
    kind: DraftKind
    patient_id: int
    editor_key: str
    content: str  # JSON text of the typed fields

    def __repr__(self) -> str:  # the content is patient data: never in a log or traceback
        return f"PendingDraft({self.kind.value}, {self.patient_id}, {self.editor_key!r})"


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
