"""Drafts of new-patient forms: the identity of a patient typed at the desk when the session
locked, before the file was created. There is no patient id yet, so each draft has its own id;
like every draft it belongs to the user who typed it, lives encrypted in admin.db and is audited
without its content."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.drafts import NEW_PATIENT_EDITOR_KEY, NewPatientDraftSummary, validate_content
from medvault.core.errors import FieldError
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.drafts import owner_of
from medvault.services.session import Session
from medvault.storage import new_patient_drafts_repo


def _event(action: AuditAction, draft_id: int) -> AuditEvent:
    return AuditEvent(action, Area.ADMINISTRATIVE, target=f"{NEW_PATIENT_EDITOR_KEY}:{draft_id}")


def _draft_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise FieldError(
            "draft_id",
            fr="Brouillon inconnu.",
            en="Unknown draft.",
        )
    return value


@requires(Permission.OWN_DRAFTS)
def save_new_patient_draft(session: Session, *, content: str) -> NewPatientDraftSummary:
    """Keep one new-patient form; committed durably before returning (it runs just before a
    lock closes the databases)."""
    # A draft is an unsaved write: the right to create a patient is needed (audited if refused).
    session.authorize(Permission.PATIENT_WRITE)
    content = validate_content(content)
    saved_at = session.now()
    with session.admin_transaction() as admin:
        draft_id = new_patient_drafts_repo.save(
            admin, owner=owner_of(session), content=content, saved_at=saved_at
        )
        session.audit(_event(AuditAction.DRAFT_SAVE, draft_id))
    return NewPatientDraftSummary(draft_id, saved_at)


@requires(Permission.OWN_DRAFTS)
def list_new_patient_drafts(session: Session) -> list[NewPatientDraftSummary]:
    """The current user's new-patient drafts, newest first, without their content."""
    if not session.config.policy.is_allowed(session.role, Permission.PATIENT_WRITE):
        return []
    return new_patient_drafts_repo.list_for(session.admin_db, owner_of(session))


@requires(Permission.OWN_DRAFTS)
def take_new_patient_draft(session: Session, *, draft_id: int) -> str | None:
    """The content of one of the current user's new-patient drafts, removed from the vault in
    the same transaction; None if the user has no such draft."""
    session.authorize(Permission.PATIENT_WRITE)
    checked = _draft_id(draft_id)
    with session.admin_transaction() as admin:
        content = new_patient_drafts_repo.take(admin, owner=owner_of(session), draft_id=checked)
        if content is None:
            return None
        session.audit(_event(AuditAction.DRAFT_RESTORE, checked))
    return content
