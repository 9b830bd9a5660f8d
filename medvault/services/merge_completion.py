"""The clinical half of merges done at the reception desk.

Reception holds no clinical key, so its merge moves only the administrative record; the
duplicate's clinical rows (history, allergies, treatments, vaccinations, consultations, clinical
documents, drafts) stay under the duplicate's id. The next practitioner to log in moves them to
the record that was kept, each merge in its own clinical transaction, audited like a
practitioner's merge."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.drafts import DraftKind
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.storage import clinical_merge_repo, drafts_repo, patients_repo
from medvault.storage.database import Connection


@requires(Permission.CLINICAL_WRITE)
def complete_deferred_merges(session: Session) -> int:
    """Move what reception merges left behind; the count of merged records completed."""
    merged = patients_repo.merged_duplicates(session.admin_db)
    if not merged:
        return 0
    pending = sorted(clinical_merge_repo.patients_with_rows(session.clinical_db, merged))
    for duplicate_id in pending:
        surviving_id = patients_repo.surviving_id(session.admin_db, duplicate_id)
        with session.clinical_transaction() as clinical:
            move_clinical_record(session, clinical, duplicate_id, surviving_id)
    return len(pending)


def move_clinical_record(
    session: Session, clinical: Connection, duplicate_id: int, surviving_id: int
) -> None:
    """Inside the caller's clinical transaction: every clinical row of the duplicate, and its
    half-written notes (the newer wins on a clash), go to the surviving record; audited."""
    moved = clinical_merge_repo.move_clinical(clinical, duplicate_id, surviving_id)
    drafts_repo.move_to_patient(clinical, DraftKind.CLINICAL, duplicate_id, surviving_id)
    session.audit(
        AuditEvent(
            AuditAction.UPDATE,
            Area.CLINICAL,
            patient_id=str(surviving_id),
            target=f"merged_from:{duplicate_id};clinical:{moved}",
        )
    )
