"""The desktop sweep: move the patient files lying around a folder into the vault.

plan_sweep is a dry run: it lists each file with its size, type, target patient or the reason it
is left alone, and writes nothing. run_sweep imports each planned file in its own transaction
(audited), re-reads the stored copy from the database and checks its SHA-256 against the hash of
the source read during the import and, only if asked and only then, overwrites the original with
random bytes and unlinks it. A file that does not verify is kept and reported. Cancelling (the
progress callback returns False) stops cleanly between two files; the optional file_progress
callback follows each import chunk by chunk and can stop within a big file, whose import is then
rolled back whole (reported as not processed).

Permissions: the sweep is an import, so it needs the administrative import right; a clinical
sweep also needs the clinical import right (checked, and a refusal audited, before anything)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.documents import (
    DEFAULT_CATEGORY,
    DocumentCategory,
    DocumentKind,
    title_from_file_name,
    validate_category,
)
from medvault.core.errors import (
    DocumentImportCancelledError,
    FieldError,
    InvalidInputError,
    KnownError,
    UnknownPatientError,
)
from medvault.core.permissions import Permission
from medvault.services import documents_ops
from medvault.services.authz import requires
from medvault.services.documents_ops import ByteProgress
from medvault.services.documents_sweep_scan import SKIP_LABELS, SkipReason, scan_folder
from medvault.services.patient_lookup import require_patient
from medvault.services.session import Session
from medvault.storage.file_shredder import shred_file

Progress = Callable[[int, int], bool | None]
PatientTargets = int | Mapping[Path | str, int]


@dataclass(frozen=True)
class PlannedFile:
    path: Path
    size: int
    media_type: str
    patient_id: int | None
    skip: SkipReason | None

    @property
    def will_import(self) -> bool:
        return self.skip is None


@dataclass(frozen=True)
class SweepPlan:
    vault_id: str
    folder: Path
    kind: DocumentKind
    category: DocumentCategory
    recursive: bool
    files: tuple[PlannedFile, ...]

    @property
    def to_import(self) -> tuple[PlannedFile, ...]:
        return tuple(f for f in self.files if f.will_import)

    @property
    def skipped(self) -> tuple[PlannedFile, ...]:
        return tuple(f for f in self.files if not f.will_import)


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    patient_id: int | None
    imported: bool = False
    verified: bool = False
    deleted: bool = False
    skipped: SkipReason | None = None
    not_processed: bool = False  # the sweep was cancelled before this file
    document_id: int | None = None
    sha256: str | None = None
    problem_fr: str = ""
    problem_en: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.problem_en)


@dataclass(frozen=True)
class SweepResult:
    files: tuple[FileOutcome, ...]
    cancelled: bool

    def _count(self, predicate: Callable[[FileOutcome], bool]) -> int:
        return sum(1 for f in self.files if predicate(f))

    @property
    def imported(self) -> int:
        return self._count(lambda f: f.imported)

    @property
    def verified(self) -> int:
        return self._count(lambda f: f.verified)

    @property
    def deleted(self) -> int:
        return self._count(lambda f: f.deleted)

    @property
    def skipped(self) -> int:
        return self._count(lambda f: f.skipped is not None)

    @property
    def failed(self) -> int:
        return self._count(lambda f: f.failed)


def _authorize_kind(session: Session, kind: DocumentKind) -> None:
    if kind is DocumentKind.CLINICAL:
        session.authorize(Permission.CLINICAL_DOCUMENT_WRITE)


def _normalized(path: Path) -> Path:
    # Directories resolved, the last component kept as is (a link must stay a link).
    return path.parent.resolve() / path.name


def _patient_lookup(
    session: Session, folder: Path, patients: PatientTargets
) -> Callable[[Path], tuple[int | None, SkipReason | None]]:
    if isinstance(patients, int) and not isinstance(patients, bool):
        require_patient(session.admin_db, patients)  # one patient: must exist, now
        return lambda _path: (patients, None)
    if not isinstance(patients, Mapping):
        raise UnknownPatientError()
    targets = {_normalized(folder / Path(k)): v for k, v in patients.items()}
    usable: dict[int, bool] = {}
    for patient_id in set(targets.values()):
        try:
            require_patient(session.admin_db, patient_id)
            usable[patient_id] = True
        except KnownError:
            usable[patient_id] = False

    def lookup(path: Path) -> tuple[int | None, SkipReason | None]:
        patient_id = targets.get(path)
        if patient_id is None:
            return None, SkipReason.NO_PATIENT
        return patient_id, None if usable[patient_id] else SkipReason.PATIENT_UNAVAILABLE

    return lookup


@requires(Permission.ADMIN_DOCUMENT_WRITE)
def plan_sweep(
    session: Session,
    folder: Path,
    patients: PatientTargets,
    *,
    kind: DocumentKind,
    recursive: bool = False,
    category: DocumentCategory | str | None = None,
) -> SweepPlan:
    """The dry run: what run_sweep would do with each file. Reads, never writes."""
    kind = DocumentKind(kind)
    _authorize_kind(session, kind)
    chosen = validate_category(kind, DEFAULT_CATEGORY[kind] if category is None else category)
    folder = Path(folder).resolve()
    vault_directory = session.directory.resolve()
    if not folder.is_dir():
        raise FieldError("folder", "Ce dossier n'existe pas.", "This folder does not exist.")
    if folder == vault_directory or vault_directory in folder.parents:
        raise FieldError(
            "folder",
            "Le dossier du coffre lui-même ne peut pas être balayé.",
            "The vault's own folder cannot be swept.",
        )
    lookup = _patient_lookup(session, folder, patients)
    planned: list[PlannedFile] = []
    for found in scan_folder(folder, recursive=recursive, vault_directory=vault_directory):
        patient_id, reason = (None, found.skip) if found.skip else lookup(found.path)
        planned.append(PlannedFile(found.path, found.size, found.media_type, patient_id, reason))
    return SweepPlan(session.header.vault_id, folder, kind, chosen, recursive, tuple(planned))


def _file_date(path: Path, today: date) -> date:
    try:
        modified = datetime.fromtimestamp(path.stat(follow_symlinks=False).st_mtime).date()
    except (OSError, ValueError, OverflowError):
        return today
    return modified if date(1900, 1, 1) <= modified <= today else today


def _file_sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while block := stream.read(1024 * 1024):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _problem(outcome: FileOutcome, fr: str, en: str) -> FileOutcome:
    return replace(outcome, problem_fr=fr, problem_en=en)


def _sweep_one(
    session: Session,
    plan: SweepPlan,
    planned: PlannedFile,
    delete_original: bool,
    file_progress: ByteProgress | None,
) -> FileOutcome:
    path = planned.path
    base = FileOutcome(path, planned.patient_id)
    if planned.patient_id is None or path.is_symlink():
        return _problem(
            base, "Le fichier a changé depuis le plan.", "The file changed since the plan."
        )
    today = session.config.clock.now().date()
    try:
        info = documents_ops.import_file(
            session,
            plan.kind,
            patient_id=planned.patient_id,
            path=path,
            title=title_from_file_name(path.name),
            document_date=_file_date(path, today),
            category=plan.category,
            original_name=path.name,
            follow_symlinks=False,  # a link put in place of a planned file is not followed
            progress=file_progress,
        )
    except DocumentImportCancelledError:
        return replace(base, not_processed=True)
    except KnownError as exc:
        return _problem(base, exc.fr, exc.en)
    imported = FileOutcome(
        path, planned.patient_id, imported=True, document_id=info.id, sha256=info.sha256
    )
    try:
        stored = documents_ops.stored_digest(session, info)
    except KnownError:
        stored = None
    if stored != (info.size, info.sha256):
        return _problem(
            imported,
            "La copie enregistrée ne correspond pas à l'original : l'original est conservé.",
            "The stored copy does not match the original: the original was kept.",
        )
    verified = replace(imported, verified=True)
    if not delete_original:
        return verified
    if path.is_symlink() or _file_sha256(path) != info.sha256:
        return _problem(
            verified,
            "L'original a changé depuis son import : il est conservé.",
            "The original changed after it was imported: it was kept.",
        )
    try:
        shred_file(path)
    except OSError:
        return _problem(
            verified,
            "L'original n'a pas pu être supprimé (protégé ou en cours d'utilisation).",
            "The original could not be deleted (protected or in use).",
        )
    # The original's destruction is on record, next to the import.
    session.record(
        AuditEvent(
            AuditAction.DELETE,
            documents_ops.area_of(info.kind),
            patient_id=str(info.patient_id),
            target=f"{info.audit_target}:original",
        )
    )
    return replace(verified, deleted=True)


@requires(Permission.ADMIN_DOCUMENT_WRITE)
def run_sweep(
    session: Session,
    plan: SweepPlan,
    *,
    delete_originals: bool = False,
    progress: Progress | None = None,
    file_progress: ByteProgress | None = None,
) -> SweepResult:
    """Carry out a plan. progress(done, total) is called before each file and once at the end;
    returning False stops before the next file (files already done stay done).
    file_progress(bytes_read, size) follows the current file's import; returning False stops
    within it: that file is rolled back and reported as not processed, like the rest."""
    _authorize_kind(session, plan.kind)
    if plan.vault_id != session.header.vault_id:
        raise InvalidInputError(
            fr="Ce plan a été préparé pour un autre coffre.",
            en="This plan was prepared for another vault.",
        )
    outcomes: dict[Path, FileOutcome] = {
        f.path: FileOutcome(f.path, f.patient_id, skipped=f.skip) for f in plan.skipped
    }
    work = plan.to_import
    cancelled = False
    for done, planned in enumerate(work):
        if progress is not None and progress(done, len(work)) is False:
            cancelled = True
        else:
            outcome = _sweep_one(session, plan, planned, delete_originals, file_progress)
            outcomes[planned.path] = outcome
            cancelled = outcome.not_processed
        if cancelled:
            for rest in work[done:]:
                outcomes[rest.path] = FileOutcome(rest.path, rest.patient_id, not_processed=True)
            break
    if not cancelled and progress is not None:
        progress(len(work), len(work))
    ordered = tuple(outcomes[f.path] for f in plan.files)
    return SweepResult(ordered, cancelled)


def describe_skip(reason: SkipReason, language: str = "fr") -> str:
    fr, en = SKIP_LABELS[reason]
    return fr if language.startswith("fr") else en
