"""Roles and the permission table: the one place that says who may do what.

Evaluation is deny-wins: any matching DENY rule refuses, whatever ALLOW rules say; with no
matching rule the answer is no (default deny)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Role(enum.StrEnum):
    PRACTITIONER = "practitioner"
    RECEPTIONIST = "receptionist"


class Area(enum.StrEnum):
    ADMINISTRATIVE = "administrative"
    CLINICAL = "clinical"
    SYSTEM = "system"


class Permission(enum.Enum):
    """Each permission belongs to one area; clinical ones need the clinical key."""

    OWN_PASSWORD_CHANGE = ("own_password_change", Area.SYSTEM)
    USERS_LIST = ("users_list", Area.SYSTEM)
    USERS_MANAGE = ("users_manage", Area.SYSTEM)
    KEYS_ROTATE = ("keys_rotate", Area.SYSTEM)
    VAULT_CHECK = ("vault_check", Area.SYSTEM)
    AUDIT_READ = ("audit_read", Area.SYSTEM)
    # Setting the audit retention period and moving old records into the archive.
    AUDIT_RETENTION = ("audit_retention", Area.SYSTEM)
    BACKUP_CREATE = ("backup_create", Area.SYSTEM)
    BACKUP_RESTORE = ("backup_restore", Area.SYSTEM)
    PATIENT_READ = ("patient_read", Area.ADMINISTRATIVE)
    PATIENT_WRITE = ("patient_write", Area.ADMINISTRATIVE)
    APPOINTMENT_READ = ("appointment_read", Area.ADMINISTRATIVE)
    APPOINTMENT_WRITE = ("appointment_write", Area.ADMINISTRATIVE)
    ADMIN_DOCUMENT_READ = ("admin_document_read", Area.ADMINISTRATIVE)
    ADMIN_DOCUMENT_WRITE = ("admin_document_write", Area.ADMINISTRATIVE)
    PATIENT_ERASE = ("patient_erase", Area.ADMINISTRATIVE)
    CLINICAL_READ = ("clinical_read", Area.CLINICAL)
    CLINICAL_WRITE = ("clinical_write", Area.CLINICAL)
    CLINICAL_DOCUMENT_READ = ("clinical_document_read", Area.CLINICAL)
    CLINICAL_DOCUMENT_WRITE = ("clinical_document_write", Area.CLINICAL)
    # Patient rights: consents (recorded at the desk too), the retention review, exports of a
    # file on request (its clinical parts need CLINICAL_EXPORT as well).
    CONSENT_READ = ("consent_read", Area.ADMINISTRATIVE)
    CONSENT_WRITE = ("consent_write", Area.ADMINISTRATIVE)
    PATIENT_EXPORT = ("patient_export", Area.ADMINISTRATIVE)
    CLINICAL_EXPORT = ("clinical_export", Area.CLINICAL)
    RETENTION_REVIEW = ("retention_review", Area.CLINICAL)
    # One's own unsaved edits; each draft also needs the write permission of its area.
    OWN_DRAFTS = ("own_drafts", Area.SYSTEM)
    # Reading the lock delay that applies to one's own session; changing the delays of all.
    OWN_SESSION = ("own_session", Area.SYSTEM)
    SESSION_SETTINGS = ("session_settings", Area.SYSTEM)

    def __init__(self, code: str, area: Area) -> None:
        self.code = code
        self.area = area


class Effect(enum.Enum):
    ALLOW = "allow"
    DENY = "deny"


@dataclass(frozen=True)
class Rule:
    effect: Effect
    role: Role
    permission: Permission | None = None  # a single permission ...
    area: Area | None = None  # ... or every permission of an area

    def matches(self, role: Role, permission: Permission) -> bool:
        if role is not self.role:
            return False
        if self.permission is not None:
            return permission is self.permission
        return self.area is not None and permission.area is self.area


def _allow_all(role: Role, permissions: Iterable[Permission]) -> list[Rule]:
    return [Rule(Effect.ALLOW, role, permission=p) for p in permissions]


RECEPTIONIST_ALLOWED = (
    Permission.OWN_PASSWORD_CHANGE,
    Permission.PATIENT_READ,
    Permission.PATIENT_WRITE,
    Permission.APPOINTMENT_READ,
    Permission.APPOINTMENT_WRITE,
    Permission.ADMIN_DOCUMENT_READ,
    Permission.ADMIN_DOCUMENT_WRITE,
    Permission.CONSENT_READ,
    Permission.CONSENT_WRITE,
    Permission.PATIENT_EXPORT,
    Permission.BACKUP_CREATE,
    Permission.OWN_DRAFTS,
    Permission.OWN_SESSION,
)

DEFAULT_RULES: tuple[Rule, ...] = (
    *_allow_all(Role.PRACTITIONER, Permission),
    *_allow_all(Role.RECEPTIONIST, RECEPTIONIST_ALLOWED),
    # Reception never sees clinical content, whatever is allowed elsewhere.
    Rule(Effect.DENY, Role.RECEPTIONIST, area=Area.CLINICAL),
    Rule(Effect.DENY, Role.RECEPTIONIST, permission=Permission.PATIENT_ERASE),
)


@dataclass(frozen=True)
class Policy:
    rules: tuple[Rule, ...] = DEFAULT_RULES

    def is_allowed(self, role: Role, permission: Permission) -> bool:
        matching = [r for r in self.rules if r.matches(role, permission)]
        if any(r.effect is Effect.DENY for r in matching):
            return False
        return any(r.effect is Effect.ALLOW for r in matching)

    def with_rules(self, *extra: Rule) -> Policy:
        return Policy(self.rules + extra)


DEFAULT_POLICY = Policy()
