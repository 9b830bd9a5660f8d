"""Small pieces shared by the clinical services: who writes, today's date, audit events."""

from __future__ import annotations

from datetime import date

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.permissions import Area
from medvault.services.session import Session


def actor(session: Session) -> str:
    """Who wrote a clinical record: the login, or the recovery session."""
    return session.login if session.login is not None else "(recovery)"


def today(session: Session) -> date:
    """The practice's calendar day (local time), for "not in the future" checks."""
    return session.config.clock.now().astimezone().date()


def clinical_event(action: AuditAction, patient_id: int, target: str | None = None) -> AuditEvent:
    """An audit event naming the patient by id and the record by kind and id: no content."""
    return AuditEvent(action, Area.CLINICAL, patient_id=str(patient_id), target=target)
