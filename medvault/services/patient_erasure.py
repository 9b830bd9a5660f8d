"""The erasure the law allows: practitioner only, separate from the everyday soft delete.

Everything about the patient goes from both databases (identity, appointments, documents,
clinical record, full-text indexes), together with the records merged into it. What stays is the
audit trail: ids, date, who, the legal basis, never a name. The next backup no longer holds the
file; older backups still do until rotation removes them (docs/SECURITY.md)."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.erasure import ErasureBasis
from medvault.core.errors import ErasureBasisError, UnknownPatientError
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.storage import erasure_repo


@requires(Permission.PATIENT_ERASE)
def erase_patient(session: Session, *, patient_id: int, basis: ErasureBasis) -> list[int]:
    """Erase the patient (and the records merged into it); returns the erased ids."""
    if not isinstance(basis, ErasureBasis):
        raise ErasureBasisError()
    ids = erasure_repo.merge_group(session.admin_db, patient_id)
    if not ids:
        # An earlier erasure may have stopped between its two commits: finish the clinical part.
        if erasure_repo.clinical_rows_of(session.clinical_db, patient_id) == 0:
            raise UnknownPatientError()
        ids = [patient_id]
    with session.clinical_transaction() as clinical:
        erasure_repo.erase_admin(session.admin_db, ids)
        erasure_repo.erase_clinical(clinical, ids)
        for erased in ids:
            session.audit(
                AuditEvent(
                    AuditAction.DELETE,
                    Area.CLINICAL,
                    patient_id=str(erased),
                    target=f"erasure:{basis.value}",
                )
            )
    # Erased text must not wait in the write-ahead logs either.
    erasure_repo.checkpoint(session.admin_db)
    erasure_repo.checkpoint(session.clinical_db)
    return ids
