"""Consultations: create, update (versioned), get, list a patient's (newest first, paged) and
search the notes. Practitioner only; writes and reads are audited with ids, never text."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.clinical import check_version
from medvault.core.clinical_consultation import (
    Consultation,
    ConsultationData,
    ConsultationPage,
    SearchHit,
    check_page,
)
from medvault.core.errors import FieldError, StaleWriteError, UnknownRecordError
from medvault.core.permissions import Area, Permission
from medvault.services.authz import requires
from medvault.services.clinical_support import actor, clinical_event, today
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import clinical_consultations_repo as repo
from medvault.storage.database import Connection

PAGE_SIZE = 50
SEARCH_LIMIT = 50
MAX_SEARCH_LIMIT = 500


def _target(consultation_id: int) -> str:
    return f"consultation:{consultation_id}"


def _validated(session: Session, data: ConsultationData) -> ConsultationData:
    if type(data) is not ConsultationData:
        raise TypeError("a ConsultationData is expected")
    return data.validated(today(session))


def _page(conn: Connection, patient_id: int, limit: int, offset: int) -> ConsultationPage:
    # One row more than asked tells whether another page exists, without counting them all.
    rows = repo.list_for_patient(conn, patient_id, limit=limit + 1, offset=offset)
    return ConsultationPage(tuple(rows[:limit]), offset, len(rows) > limit)


def first_page(conn: Connection, patient_id: int) -> ConsultationPage:
    """The latest consultations, for opening a file (the caller audits the read)."""
    return _page(conn, patient_id, PAGE_SIZE, 0)


@requires(Permission.CLINICAL_WRITE)
def create_consultation(session: Session, patient_id: int, data: ConsultationData) -> Consultation:
    clean = _validated(session, data)
    with session.clinical_transaction() as conn:
        require_patient(session.admin_db, patient_id)
        consultation_id = repo.insert(
            conn, patient_id, clean, when=session.now(), who=actor(session)
        )
        session.audit(clinical_event(AuditAction.CREATE, patient_id, _target(consultation_id)))
        created = repo.get(conn, consultation_id)
    assert created is not None  # just written in this transaction
    return created


@requires(Permission.CLINICAL_WRITE)
def update_consultation(
    session: Session, consultation_id: int, data: ConsultationData, *, expected_version: int
) -> Consultation:
    """Replace a consultation's data; StaleWriteError if it changed since `expected_version`."""
    expected_version = check_version(expected_version)
    clean = _validated(session, data)
    with session.clinical_transaction() as conn:
        current = repo.get(conn, consultation_id)
        if current is None:
            raise UnknownRecordError()
        if current.version != expected_version:
            raise StaleWriteError()
        require_patient(session.admin_db, current.patient_id)
        repo.update(conn, consultation_id, clean, when=session.now(), who=actor(session))
        session.audit(
            clinical_event(AuditAction.UPDATE, current.patient_id, _target(consultation_id))
        )
        updated = repo.get(conn, consultation_id)
    assert updated is not None  # just written in this transaction
    return updated


@requires(Permission.CLINICAL_READ)
def get_consultation(session: Session, consultation_id: int) -> Consultation:
    consultation = repo.get(session.clinical_db, consultation_id)
    if consultation is None:
        raise UnknownRecordError()
    session.record(
        clinical_event(AuditAction.READ, consultation.patient_id, _target(consultation_id))
    )
    return consultation


@requires(Permission.CLINICAL_READ)
def list_consultations(
    session: Session, patient_id: int, *, limit: int = PAGE_SIZE, offset: int = 0
) -> ConsultationPage:
    """One page of a patient's consultations, newest first."""
    limit, offset = check_page(limit, offset)
    require_patient(session.admin_db, patient_id, allow_deleted=True)
    page = _page(session.clinical_db, patient_id, limit, offset)
    session.record(clinical_event(AuditAction.READ, patient_id, "consultations"))
    return page


@requires(Permission.CLINICAL_READ)
def search_consultations(
    session: Session, query: str, *, limit: int = SEARCH_LIMIT
) -> list[SearchHit]:
    """Consultations whose reason or notes contain every word of `query` (accents ignored):
    whole words first, and when they give fewer than `limit` notes, words as prefixes; the
    most recently written, newest first.

    The audit record says a search happened, not what was searched (the words are clinical)."""
    if not isinstance(query, str):
        raise FieldError("query", "La recherche doit être un texte.", "The search must be text.")
    limit, _ = check_page(limit, 0, max_limit=MAX_SEARCH_LIMIT)
    hits = repo.search_words(session.clinical_db, query, limit=limit)
    session.record(AuditEvent(AuditAction.READ, Area.CLINICAL, target="consultation_search"))
    return hits
