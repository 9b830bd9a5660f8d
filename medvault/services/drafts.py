"""Drafts of unsaved edits, so that nothing typed is lost when the session locks mid-edit.

Each draft belongs to the user who typed it and is only ever shown to that user. Clinical drafts
live in clinical.db (so a receptionist, who has no clinical key, can never read or write one);
administrative drafts (the identity form) in admin.db. Both files are encrypted: a draft is
never written in clear. Every call is audited with the patient id and the editor key, never the
content.

Drafts follow merges: a practitioner's merge moves the duplicate's clinical drafts to the
surviving record; after a merge done by reception (no clinical key) they stay under the
duplicate's id and are found from the surviving record. Erasing a patient erases the drafts."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.drafts import (
    Draft,
    DraftKind,
    DraftSummary,
    validate_content,
    validate_editor_key,
    validate_kind,
)
from medvault.core.errors import UnknownPatientError
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import drafts_repo, erasure_repo, patients_repo
from medvault.storage.database import Connection

# The owner of drafts typed in a session opened with the recovery code (no login). Logins start
# with a letter or digit, so this cannot be anyone's login.
RECOVERY_OWNER = "*recovery*"


def owner_of(session: Session) -> str:
    """Whose drafts a session sees and writes (a recovery-code session has its own owner)."""
    return session.login if session.login is not None else RECOVERY_OWNER


def _area(kind: DraftKind) -> Area:
    return Area.CLINICAL if kind is DraftKind.CLINICAL else Area.ADMINISTRATIVE


def _event(action: AuditAction, kind: DraftKind, patient_id: int, editor_key: str) -> AuditEvent:
    return AuditEvent(action, _area(kind), patient_id=str(patient_id), target=editor_key)


def _check(session: Session, kind: object, patient_id: object, editor_key: object) -> DraftKind:
    checked = validate_kind(kind)
    # A draft is an unsaved write: it needs the right to write in its area (audited if refused).
    session.authorize(checked.write_permission)
    validate_editor_key(editor_key)
    if isinstance(patient_id, bool) or not isinstance(patient_id, int):
        raise UnknownPatientError()
    return checked


@contextlib.contextmanager
def _writing(session: Session, kind: DraftKind) -> Iterator[Connection]:
    """The draft's database in a transaction, with the audit record in admin.db."""
    if kind is DraftKind.CLINICAL:
        with session.clinical_transaction() as clinical:
            yield clinical
    else:
        with session.admin_transaction() as admin:
            yield admin


def _reading(session: Session, kind: DraftKind) -> Connection:
    return session.clinical_db if kind is DraftKind.CLINICAL else session.admin_db


def _record_group(session: Session, patient_id: int) -> list[int]:
    """The patient and the records merged into it: a draft under any of them belongs here."""
    require_patient(session.admin_db, patient_id, allow_deleted=True)
    return erasure_repo.merge_group(session.admin_db, patient_id)


@requires(Permission.OWN_DRAFTS)
def save_draft(
    session: Session, *, kind: DraftKind, patient_id: int, editor_key: str, content: str
) -> DraftSummary:
    """Keep (or replace) the current user's draft for this patient and editor; committed
    durably before returning, as it runs just before a lock closes the databases."""
    checked = _check(session, kind, patient_id, editor_key)
    content = validate_content(content)
    saved_at = session.now()
    with _writing(session, checked) as conn:
        # A deleted file keeps its drafts (nothing typed is lost); an unknown id has none.
        require_patient(session.admin_db, patient_id, allow_deleted=True)
        drafts_repo.save(
            conn,
            checked,
            owner=owner_of(session),
            patient_id=patient_id,
            editor_key=editor_key,
            content=content,
            saved_at=saved_at,
        )
        session.audit(_event(AuditAction.DRAFT_SAVE, checked, patient_id, editor_key))
    return DraftSummary(checked, patient_id, editor_key, saved_at)


def _may_hold_clinical_drafts(session: Session) -> bool:
    # Asked without auditing: listing one's drafts is not an attempt to reach clinical data.
    return session.has_clinical_access and session.config.policy.is_allowed(
        session.role, Permission.CLINICAL_WRITE
    )


@requires(Permission.OWN_DRAFTS)
def list_drafts(session: Session) -> list[DraftSummary]:
    """The current user's drafts, newest first, under the id of the record that holds the
    patient now (after merges); without their content."""
    owner = owner_of(session)
    found = drafts_repo.list_for(session.admin_db, DraftKind.ADMINISTRATIVE, owner)
    if _may_hold_clinical_drafts(session):
        found += drafts_repo.list_for(session.clinical_db, DraftKind.CLINICAL, owner)
    found.sort(key=lambda d: d.saved_at, reverse=True)
    result: list[DraftSummary] = []
    seen: set[tuple[DraftKind, int, str]] = set()
    for draft in found:
        patient_id = patients_repo.surviving_id(session.admin_db, draft.patient_id)
        key = (draft.kind, patient_id, draft.editor_key)
        if key not in seen:  # the newest stands for older ones left by a merge
            seen.add(key)
            result.append(DraftSummary(draft.kind, patient_id, draft.editor_key, draft.saved_at))
    if result:  # an empty list shows nothing: not worth a record at every login
        session.record(AuditEvent(AuditAction.READ, Area.SYSTEM, target=f"drafts:{len(result)}"))
    return result


@requires(Permission.OWN_DRAFTS)
def read_draft(
    session: Session, *, kind: DraftKind, patient_id: int, editor_key: str
) -> Draft | None:
    """The current user's newest draft for this patient and editor, kept in place (discard it
    once the edit is saved); None if there is none."""
    checked = _check(session, kind, patient_id, editor_key)
    group = _record_group(session, patient_id)
    draft = drafts_repo.find(
        _reading(session, checked),
        checked,
        owner=owner_of(session),
        patient_ids=group,
        editor_key=editor_key,
    )
    if draft is None:
        return None
    session.record(_event(AuditAction.DRAFT_RESTORE, checked, patient_id, editor_key))
    return Draft(checked, patient_id, editor_key, draft.saved_at, draft.content)


@requires(Permission.OWN_DRAFTS)
def take_draft(
    session: Session, *, kind: DraftKind, patient_id: int, editor_key: str
) -> Draft | None:
    """Read the current user's draft for this patient and editor and remove it, in one
    transaction; None if there is none."""
    checked = _check(session, kind, patient_id, editor_key)
    group = _record_group(session, patient_id)
    owner = owner_of(session)
    with _writing(session, checked) as conn:
        draft = drafts_repo.find(
            conn, checked, owner=owner, patient_ids=group, editor_key=editor_key
        )
        if draft is None:
            return None
        drafts_repo.delete_matching(
            conn, checked, owner=owner, patient_ids=group, editor_key=editor_key
        )
        session.audit(_event(AuditAction.DRAFT_RESTORE, checked, patient_id, editor_key))
    return Draft(checked, patient_id, editor_key, draft.saved_at, draft.content)


@requires(Permission.OWN_DRAFTS)
def discard_draft(session: Session, *, kind: DraftKind, patient_id: int, editor_key: str) -> bool:
    """Remove the current user's draft for this patient and editor; False if there was none."""
    checked = _check(session, kind, patient_id, editor_key)
    group = _record_group(session, patient_id)
    with _writing(session, checked) as conn:
        removed = drafts_repo.delete_matching(
            conn, checked, owner=owner_of(session), patient_ids=group, editor_key=editor_key
        )
        if removed:
            session.audit(_event(AuditAction.DRAFT_DISCARD, checked, patient_id, editor_key))
    return removed > 0
