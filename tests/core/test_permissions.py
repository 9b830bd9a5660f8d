from __future__ import annotations

from medvault.core.permissions import (
    DEFAULT_POLICY,
    Area,
    Effect,
    Permission,
    Policy,
    Role,
    Rule,
)


def test_practitioner_may_do_everything() -> None:
    assert all(DEFAULT_POLICY.is_allowed(Role.PRACTITIONER, p) for p in Permission)


def test_receptionist_has_no_clinical_permission() -> None:
    for permission in Permission:
        if permission.area is Area.CLINICAL:
            assert not DEFAULT_POLICY.is_allowed(Role.RECEPTIONIST, permission)


def test_receptionist_keeps_the_administrative_work() -> None:
    for permission in (
        Permission.PATIENT_READ,
        Permission.APPOINTMENT_WRITE,
        Permission.ADMIN_DOCUMENT_WRITE,
        Permission.OWN_PASSWORD_CHANGE,
    ):
        assert DEFAULT_POLICY.is_allowed(Role.RECEPTIONIST, permission)
    for permission in (
        Permission.USERS_MANAGE,
        Permission.KEYS_ROTATE,
        Permission.AUDIT_READ,
        Permission.PATIENT_ERASE,
    ):
        assert not DEFAULT_POLICY.is_allowed(Role.RECEPTIONIST, permission)


def test_deny_wins_over_an_explicit_allow() -> None:
    policy = DEFAULT_POLICY.with_rules(
        Rule(Effect.ALLOW, Role.RECEPTIONIST, permission=Permission.CLINICAL_READ),
        Rule(Effect.ALLOW, Role.RECEPTIONIST, area=Area.CLINICAL),
    )
    assert not policy.is_allowed(Role.RECEPTIONIST, Permission.CLINICAL_READ)
    denied = policy.with_rules(
        Rule(Effect.DENY, Role.PRACTITIONER, permission=Permission.KEYS_ROTATE)
    )
    assert not denied.is_allowed(Role.PRACTITIONER, Permission.KEYS_ROTATE)
    assert denied.is_allowed(Role.PRACTITIONER, Permission.USERS_MANAGE)


def test_no_rule_means_no() -> None:
    assert not Policy(rules=()).is_allowed(Role.PRACTITIONER, Permission.PATIENT_READ)
