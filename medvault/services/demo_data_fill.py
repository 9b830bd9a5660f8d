"""Filling a demo vault through the usual services (permission checks and one audit record per
write): the agenda and carte Vitale scans at the desk, clinical files, consultations and lab
reports by the practitioner. Called by medvault.services.demo_data only."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from medvault.core.appointment import AppointmentStatus
from medvault.core.clinical import D
from medvault.core.documents import DocumentCategory
from medvault.core.patient import PatientForm
from medvault.services import appointments, clinical, clinical_consultations, documents
from medvault.services.demo_data_agenda import PlannedAppointment, plan_agenda
from medvault.services.demo_data_clinical import clinical_lists, consultation, older_consultations
from medvault.services.demo_data_documents import (
    GeneratedDocument,
    lab_report_pdf,
    vitale_card_png,
)
from medvault.services.session import Session

_STATUS_CHANGES = {
    AppointmentStatus.SEEN: appointments.mark_seen,
    AppointmentStatus.NO_SHOW: appointments.mark_no_show,
    AppointmentStatus.CANCELLED: appointments.cancel_appointment,
    AppointmentStatus.ARRIVED: appointments.mark_arrived,
}


@dataclass(frozen=True)
class ClinicalCounts:
    entries: int
    consultations: int


def birth_date_of(form: PatientForm) -> date:
    if not isinstance(form.birth_date, date):
        raise TypeError("demo forms carry their birth date as a date")
    return form.birth_date


def _local_now(session: Session) -> tuple[date, int]:
    now = session.config.clock.now().astimezone()
    return now.date(), now.hour * 60 + now.minute


def book_agenda(
    desk: Session,
    forms: Sequence[PatientForm],
    patient_ids: Sequence[int],
    *,
    seed: int,
    size: int,
) -> list[PlannedAppointment]:
    """Book the planned appointments of `patient_ids` (forms[i] is patient_ids[i]) for a
    practice of `size` patients, and move each to its planned status, as the desk does during
    the day. Returns what was booked."""
    today, now_minute = _local_now(desk)
    plan = plan_agenda(
        random.Random(f"agenda:{seed}"),  # noqa: S311 - synthetic data
        patients=len(patient_ids),
        practice_size=size,
        today=today,
        now_minute=now_minute,
    )
    booked: list[PlannedAppointment] = []
    for planned in plan:
        if planned.day < birth_date_of(forms[planned.patient]):
            continue
        result = appointments.book_appointment(
            desk,
            patient_id=patient_ids[planned.patient],
            day=planned.day,
            start=planned.start,
            duration_minutes=planned.duration_minutes,
            reason=planned.reason,
        )
        change = _STATUS_CHANGES.get(planned.status)
        if change is not None:
            appointment = result.appointment
            change(desk, appointment.id, expected_version=appointment.version)
        booked.append(planned)
    return booked


def _add_all(doctor: Session, patient_id: int, items: Sequence[D]) -> int:
    for item in items:
        clinical.add_entry(doctor, patient_id, item)
    return len(items)


def write_clinical_files(
    doctor: Session,
    forms: Sequence[PatientForm],
    patient_ids: Sequence[int],
    agenda: Sequence[PlannedAppointment],
    seed: int,
) -> ClinicalCounts:
    """History, allergies, treatments, vaccinations and older consultations for each patient,
    and a consultation for every appointment marked seen."""
    rng = random.Random(f"clinical:{seed}")  # noqa: S311 - synthetic data
    today, _ = _local_now(doctor)
    entries = consultations = 0
    for form, patient_id in zip(forms, patient_ids, strict=False):
        birth = birth_date_of(form)
        lists = clinical_lists(rng, birth, today)
        entries += _add_all(doctor, patient_id, lists.history)
        entries += _add_all(doctor, patient_id, lists.allergies)
        entries += _add_all(doctor, patient_id, lists.treatments)
        entries += _add_all(doctor, patient_id, lists.vaccinations)
        count = rng.choice((0, 1, 1, 2, 3))
        for data in older_consultations(rng, birth, today, count):
            clinical_consultations.create_consultation(doctor, patient_id, data)
            consultations += 1
    for planned in agenda:
        if planned.status is AppointmentStatus.SEEN and planned.day <= today:
            data = consultation(rng, birth_date_of(forms[planned.patient]), planned.day)
            clinical_consultations.create_consultation(doctor, patient_ids[planned.patient], data)
            consultations += 1
    return ClinicalCounts(entries, consultations)


def _write(folder: Path, document: GeneratedDocument) -> Path:
    path = folder / document.file_name
    path.write_bytes(document.content)
    return path


def scan_vitale_cards(
    desk: Session, forms: Sequence[PatientForm], patient_ids: Sequence[int], *, limit: int
) -> int:
    """A carte Vitale scan (PNG) for the first `limit` patients who have a NIR."""
    today, _ = _local_now(desk)
    chosen = [(f, i) for f, i in zip(forms, patient_ids, strict=False) if f.nir][:limit]
    with tempfile.TemporaryDirectory(prefix="medvault-demo-") as folder:
        for form, patient_id in chosen:
            card = vitale_card_png(form, today)
            documents.import_admin_document(
                desk,
                patient_id=patient_id,
                path=_write(Path(folder), card),
                title=card.title,
                document_date=card.document_date,
                category=DocumentCategory.INSURANCE,
                source="Accueil",
            )
    return len(chosen)


def file_lab_reports(
    doctor: Session,
    forms: Sequence[PatientForm],
    patient_ids: Sequence[int],
    *,
    limit: int,
    seed: int,
) -> int:
    """A lab report (PDF) for each of the first `limit` patients."""
    rng = random.Random(f"documents:{seed}")  # noqa: S311 - synthetic data
    today, _ = _local_now(doctor)
    chosen = list(zip(forms, patient_ids, strict=False))[:limit]
    with tempfile.TemporaryDirectory(prefix="medvault-demo-") as folder:
        for form, patient_id in chosen:
            day = max(birth_date_of(form), today - timedelta(days=rng.randint(3, 200)))
            report = lab_report_pdf(rng, form, day)
            documents.import_clinical_document(
                doctor,
                patient_id=patient_id,
                path=_write(Path(folder), report),
                title=report.title,
                document_date=report.document_date,
                category=DocumentCategory.LAB_RESULT,
                source="Laboratoire de démonstration",
            )
    return len(chosen)
