"""Export of a patient's file on request (right of access, portability, sending to a third
party): a readable PDF, a FHIR R4 bundle and the original documents, in ONE file encrypted with
a generated password (core.patient_export_archive).

Nothing in plaintext reaches the disk: the archive is encrypted as it is streamed into a private
temp file in the chosen folder, which gets its final name together with the audit record (as
document exports do). The password is returned once and kept nowhere. The identity and the
administrative documents need PATIENT_EXPORT; any clinical part needs CLINICAL_EXPORT as well
(a refusal is audited by the permission check).

A progress callback follows the documents as they are written and can cancel: the temp file is
removed, no file gets the chosen name and nothing is audited as exported."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.clinical import (
    AllergyData,
    D,
    Entry,
    HistoryData,
    TreatmentData,
    VaccinationData,
)
from medvault.core.clinical_consultation import Consultation
from medvault.core.documents import DocumentInfo, DocumentKind, ExportTargetExistsError
from medvault.core.errors import KnownError, UnknownPatientError
from medvault.core.patient_export_archive import ExportArchive, generate_password
from medvault.core.patient_export_content import (
    FHIR_NAME,
    PDF_NAME,
    ExportContent,
    ExportedDocument,
    archive_path,
)
from medvault.core.patient_export_fhir import build_bundle, bundle_json, validate_bundle
from medvault.core.patient_export_pdf import build_pdf
from medvault.core.patient_export_request import (
    ConsentCheck,
    ExportRequest,
    ExportResult,
    ExportSection,
)
from medvault.core.permissions import Area, Permission
from medvault.services import documents_ops
from medvault.services.authz import requires
from medvault.services.documents_export import export_os_error, place_without_overwrite
from medvault.services.patient_export_consent import consent_event, consent_report
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage import (
    clinical_consultations_repo,
    clinical_repo,
    documents_repo,
    patients_repo,
)
from medvault.storage.file_shredder import fsync_directory

_PAGE = 500

ExportProgress = Callable[[int, int, int, int], bool | None]
"""progress(document_number, document_count, done_bytes, total_bytes): bytes over all the
documents, called before each document and after each of its chunks, then once more before
the file takes its name; returning False cancels the export (ExportCancelledError)."""


class ConsentChangedError(KnownError):
    fr = (
        "Les consentements de ce patient ont changé depuis leur affichage : vérifiez-les à "
        "nouveau avant d'exporter. Rien n'a été exporté."
    )
    en = (
        "This patient's consents changed since they were shown: check them again before "
        "exporting. Nothing was exported."
    )


class ExportCancelledError(KnownError):
    fr = "Export interrompu : aucun fichier n'a été enregistré."
    en = "Export cancelled: no file was written."


class _Progress:
    """Counts the bytes written over all the documents and turns a False into the cancel."""

    def __init__(self, documents: list[DocumentInfo], report: ExportProgress | None) -> None:
        self._report = report
        self.count = len(documents)
        self.total = sum(info.size for info in documents)
        self.done = 0

    def check(self, number: int) -> None:
        if (
            self._report is not None
            and self._report(number, self.count, self.done, self.total) is False
        ):
            raise ExportCancelledError()

    def counted(self, number: int, chunks: Iterable[bytes]) -> Iterator[bytes]:
        self.check(number)
        for chunk in chunks:
            yield chunk
            self.done += len(chunk)
            self.check(number)


def _all_consultations(session: Session, patient_id: int) -> tuple[Consultation, ...]:
    found: list[Consultation] = []
    while True:
        page = clinical_consultations_repo.list_for_patient(
            session.clinical_db, patient_id, limit=_PAGE, offset=len(found)
        )
        found.extend(page)
        if len(page) < _PAGE:
            break
    return tuple(reversed(found))  # oldest first, as a file is read


def _documents(session: Session, request: ExportRequest) -> list[DocumentInfo]:
    wanted = []
    if ExportSection.ADMIN_DOCUMENTS in request.sections:
        wanted.append(DocumentKind.ADMINISTRATIVE)
    if ExportSection.CLINICAL_DOCUMENTS in request.sections:
        wanted.append(DocumentKind.CLINICAL)
    found: list[DocumentInfo] = []
    for kind in wanted:
        conn = documents_ops.connection(session, kind)
        found.extend(reversed(documents_repo.list_for_patient(conn, kind, request.patient_id)))
    return found


def _content(session: Session, request: ExportRequest) -> ExportContent:
    patient = patients_repo.get_patient(session.admin_db, request.patient_id)
    if patient is None:
        raise UnknownPatientError()
    content = ExportContent(
        patient=patient,
        sections=request.sections,
        generated_at=session.config.clock.now().astimezone(),
        practice_name=session.header.practice_name,
    )
    if not request.has_clinical:
        return content
    conn, pid, wanted = session.clinical_db, request.patient_id, request.sections

    def entries(section: ExportSection, kind: type[D]) -> tuple[Entry[D], ...]:
        return tuple(clinical_repo.list_entries(conn, kind, pid)) if section in wanted else ()

    return replace(
        content,
        history=entries(ExportSection.HISTORY, HistoryData),
        allergies=entries(ExportSection.ALLERGIES, AllergyData),
        treatments=entries(ExportSection.TREATMENTS, TreatmentData),
        vaccinations=entries(ExportSection.VACCINATIONS, VaccinationData),
        consultations=(
            _all_consultations(session, pid) if ExportSection.CONSULTATIONS in wanted else ()
        ),
    )


def _write_archive(
    session: Session,
    content: ExportContent,
    documents: list[DocumentInfo],
    temp: Path,
    progress: _Progress,
) -> str:
    password = generate_password()
    with temp.open("wb") as out, ExportArchive(out, password) as archive:
        exported = []
        for number, info in enumerate(documents, start=1):
            path = archive_path(info)
            chunks = progress.counted(number, documents_ops.content_chunks(session, info))
            _size, sha1 = archive.add_stream(path, chunks)
            exported.append(ExportedDocument(info, path, sha1))
        full = replace(content, documents=tuple(exported))
        bundle = build_bundle(full)
        validate_bundle(bundle)  # a bundle that does not validate is a bug: nothing is kept
        archive.add_bytes(FHIR_NAME, bundle_json(bundle))
        archive.add_bytes(PDF_NAME, build_pdf(full))
    with temp.open("rb+") as done:
        os.fsync(done.fileno())
    return password


def _new_temp(folder: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, prefix=".medvault-export-", suffix=".part")
    os.close(fd)
    return Path(name)


@requires(Permission.PATIENT_EXPORT)
def export_patient(
    session: Session,
    request: ExportRequest,
    target: Path,
    *,
    shown_consent: ConsentCheck,
    progress: ExportProgress | None = None,
) -> ExportResult:
    """Write the encrypted export to `target` (a new file). `shown_consent` is what the user
    saw (check_export_consent) before deciding to go on; if it has changed since, nothing is
    written (ConsentChangedError). `progress` may cancel (ExportCancelledError): then nothing
    is written or audited either."""
    clean = request.validated()
    if clean.has_clinical:
        session.authorize(Permission.CLINICAL_EXPORT)
    require_patient(session.admin_db, clean.patient_id, allow_deleted=True)
    report = consent_report(session, clean)
    if report.check is not ConsentCheck(shown_consent):
        raise ConsentChangedError()
    target = Path(target)
    if os.path.lexists(target):
        raise ExportTargetExistsError()
    content = _content(session, clean)
    documents = _documents(session, clean)
    counter = _Progress(documents, progress)
    try:
        temp = _new_temp(target.parent)
    except OSError as exc:
        raise export_os_error(exc) from None
    placed = False
    try:
        password = _write_archive(session, content, documents, temp, counter)
        counter.check(counter.count)  # last chance: the PDF may have taken a while
        area = Area.CLINICAL if clean.has_clinical else Area.ADMINISTRATIVE
        with session.admin_transaction():
            # The audit records and the file appear together: if either fails, neither stays.
            if report.check is not ConsentCheck.NOT_NEEDED:
                session.audit(consent_event(clean, report.check, "proceeded"))
            session.audit(
                AuditEvent(
                    AuditAction.EXPORT,
                    area,
                    patient_id=str(clean.patient_id),
                    target=clean.audit_target,
                )
            )
            place_without_overwrite(temp, target)
            placed = True
    except FileExistsError:
        raise ExportTargetExistsError() from None
    except OSError as exc:
        raise export_os_error(exc) from None
    except BaseException:
        if placed:  # the audit did not commit: the file must not stay either
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()  # encrypted: removing it is enough
    fsync_directory(target.parent)
    return ExportResult(
        path_name=target.name,
        password=password,
        size=target.stat().st_size,
        document_count=len(documents),
    )
