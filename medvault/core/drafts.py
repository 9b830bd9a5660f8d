"""Drafts: unsaved edits kept (encrypted) when the session locks in the middle of an edit.

A draft belongs to one user, one patient and one editor. The editor key is a code, never free
text, because it goes into the audit trail: a word naming the editor, optionally followed by
":new" or ":<record id>" ("identity", "consultation:new", "consultation:123"). The content is the
editor's fields serialised as JSON text by the editor itself."""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass

from medvault.core.errors import FieldError
from medvault.core.permissions import Permission

MAX_CONTENT_CHARS = 4 * 1024 * 1024
# The editor key of a new-patient form (no file yet: kept apart, see NewPatientDraftSummary).
NEW_PATIENT_EDITOR_KEY = "patient:new"
_EDITOR_KEY = re.compile(r"[a-z][a-z_]{0,31}(?::(?:new|[1-9][0-9]{0,17}))?")


class DraftKind(enum.StrEnum):
    """Which database keeps the draft, hence who may ever read it."""

    ADMINISTRATIVE = "administrative"  # admin.db: identity and contact forms
    CLINICAL = "clinical"  # clinical.db: practitioners only

    @property
    def write_permission(self) -> Permission:
        if self is DraftKind.CLINICAL:
            return Permission.CLINICAL_WRITE
        return Permission.PATIENT_WRITE


@dataclass(frozen=True)
class DraftSummary:
    """What the list of drafts shows: where it belongs, not what it says."""

    kind: DraftKind
    patient_id: int
    editor_key: str
    saved_at: str  # ISO 8601 UTC


@dataclass(frozen=True)
class NewPatientDraftSummary:
    """A new-patient form kept at a lock: the file did not exist yet, so no patient id."""

    draft_id: int
    saved_at: str  # ISO 8601 UTC


@dataclass(frozen=True)
class Draft:
    kind: DraftKind
    patient_id: int
    editor_key: str
    saved_at: str
    content: str  # JSON text, as the editor wrote it

    @property
    def summary(self) -> DraftSummary:
        return DraftSummary(self.kind, self.patient_id, self.editor_key, self.saved_at)


def validate_kind(kind: object) -> DraftKind:
    if isinstance(kind, DraftKind):
        return kind
    raise FieldError(
        "kind",
        fr="Type de brouillon inconnu.",
        en="Unknown kind of draft.",
    )


def validate_editor_key(editor_key: object) -> str:
    if isinstance(editor_key, str) and _EDITOR_KEY.fullmatch(editor_key):
        return editor_key
    raise FieldError(
        "editor_key",
        fr=(
            "Clé d'éditeur de brouillon invalide : un mot en minuscules, suivi au besoin de "
            "« :new » ou de « :<numéro> »."
        ),
        en=(
            'Invalid draft editor key: a lowercase word, optionally followed by ":new" or '
            '":<number>".'
        ),
    )


def validate_content(content: object) -> str:
    """JSON text of a reasonable size. The message never quotes the content."""
    if not isinstance(content, str) or len(content) > MAX_CONTENT_CHARS:
        raise FieldError(
            "content",
            fr="Le brouillon est trop volumineux ou n'est pas du texte.",
            en="The draft is too large or is not text.",
        )
    try:
        json.loads(content)
    except (ValueError, RecursionError):
        raise FieldError(
            "content",
            fr="Le contenu du brouillon n'est pas du JSON valide.",
            en="The draft content is not valid JSON.",
        ) from None
    return content
