"""Vault checks: SQLCipher page HMACs and SQLite integrity of both databases, and the audit
chain."""

from __future__ import annotations

from dataclasses import dataclass

from medvault.core.audit import AuditAction, AuditEvent, ChainReport, Outcome, verify_chain
from medvault.core.errors import MedVaultError
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.storage import audit_repo
from medvault.storage.database import integrity_problems


@dataclass(frozen=True)
class CheckReport:
    admin_problems: tuple[str, ...]
    clinical_problems: tuple[str, ...]
    audit: ChainReport

    @property
    def ok(self) -> bool:
        return not self.admin_problems and not self.clinical_problems and self.audit.ok


def _verify(session: Session) -> ChainReport:
    conn = session.admin_db
    return verify_chain(
        session.bundle.audit_key,
        session.header.vault_id,
        audit_repo.iter_records(conn),
        audit_repo.read_head(conn),
    )


@requires(Permission.AUDIT_READ)
def verify_audit_chain(session: Session) -> ChainReport:
    return _verify(session)


@requires(Permission.VAULT_CHECK)
def check_vault(session: Session) -> CheckReport:
    report = CheckReport(
        admin_problems=tuple(integrity_problems(session.admin_db)),
        clinical_problems=tuple(integrity_problems(session.clinical_db)),
        audit=_verify(session),
    )
    outcome = Outcome.SUCCESS if report.ok else Outcome.ERROR
    try:
        session.record(AuditEvent(AuditAction.VAULT_CHECK, Area.SYSTEM, outcome))
    except MedVaultError:
        if report.ok:
            raise
        # A damaged admin.db may refuse the write: the report of the damage matters more.
    return report
