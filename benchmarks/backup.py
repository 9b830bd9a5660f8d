"""Backups of a large vault: export (create_backup), verify and restore, each timed against a
plain copy of the same three files with fsync, in the same run.

The vault is made by the product's own code (create_vault, unlock) and filled through the
documents service (random, incompressible content in both databases) and the patients
repository. The copy is what any backup must at least do: read the vault files and make the
copy durable. Rounds interleave the copy and the backup steps so machine noise falls on both,
and every step starts after a system-wide flush (os.sync) so none pays for the writes of the
step before it."""

from __future__ import annotations

import math
import os
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks.databases import CHEAP_KDF, LOGIN, PASSWORD
from benchmarks.datagen import AUTHOR, Sizes, patient_chunks
from benchmarks.harness import Measurement, Stats, SuiteResult, Target, Unit
from medvault.core.documents import DocumentCategory
from medvault.core.kdf import KdfProfile
from medvault.services import documents
from medvault.services.backup import create_backup
from medvault.services.backup_restore import restore_backup
from medvault.services.backup_verify import BackupSecrets, verify_backup_in_session
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock
from medvault.services.vault_create import create_vault
from medvault.storage import patients_repo
from medvault.storage.database import transaction

BACKUP_TARGET_RATIO = 2.0
VAULT_FILES = ("vault.json", "admin.db", "clinical.db")
# Vault size from the preset: 1 GB at full size (100,000 patients, 1,000,000 notes), 160 MB
# quick (20,000 / 100,000). Documents carry the bytes; a twentieth of the patients are written.
BYTES_PER_PATIENT = 6_250
BYTES_PER_NOTE = 375
DOCUMENT_BYTES = 32 * 1024 * 1024  # the largest document written
PATIENT_SHARE = 20
MAX_ROUNDS = 5
WHEN = "2025-01-06T09:00:00Z"
_WRITE_BLOCK = 4 * 1024 * 1024


def vault_bytes(sizes: Sizes) -> int:
    return sizes.patients * BYTES_PER_PATIENT + sizes.notes * BYTES_PER_NOTE


def document_sizes(total: int) -> list[int]:
    """Sizes of the documents making up `total` bytes: at least one of each kind."""
    count = max(2, math.ceil(total / DOCUMENT_BYTES))
    base, extra = divmod(total, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


@dataclass
class Vault:
    session: Session
    directory: Path
    recovery_code: str
    config: ServiceConfig


@dataclass
class Samples:
    """Seconds per round, per step."""

    copy: list[float] = field(default_factory=list)
    export: list[float] = field(default_factory=list)
    verify: list[float] = field(default_factory=list)
    restore: list[float] = field(default_factory=list)


def _write_random(path: Path, size: int, rng: random.Random) -> None:
    with path.open("wb") as out:
        left = size
        while left:
            block = min(left, _WRITE_BLOCK)
            out.write(rng.randbytes(block))
            left -= block


def _add_patients(session: Session, sizes: Sizes, seed: int) -> list[int]:
    count = max(1, sizes.patients // PATIENT_SHARE)
    ids: list[int] = []
    chunks = patient_chunks(Sizes(patients=count, notes=0, repeats=1, chunk=sizes.chunk), seed)
    for chunk in chunks:
        with transaction(session.admin_db, "admin.db") as conn:
            ids += patients_repo.insert_patients(conn, chunk, when=WHEN, by=AUTHOR)
    return ids


def _add_documents(
    session: Session, workdir: Path, sizes: Sizes, seed: int, patients: list[int]
) -> int:
    """Two clinical documents for one administrative one; returns the count written."""
    rng = random.Random(seed)  # noqa: S311 - filler bytes, not secrets
    source = workdir / "document.bin"
    plan = document_sizes(vault_bytes(sizes))
    for index, size in enumerate(plan):
        _write_random(source, size, rng)
        clinical = index % 3 != 1
        importer = (
            documents.import_clinical_document if clinical else documents.import_admin_document
        )
        importer(
            session,
            patient_id=patients[index % len(patients)],
            path=source,
            title=f"Document {index + 1}",
            document_date=date(2024, 1, 1 + index % 28),
            category=DocumentCategory.REPORT if clinical else DocumentCategory.INSURANCE,
        )
        source.unlink()
    return len(plan)


def build_vault(workdir: Path, sizes: Sizes, seed: int) -> tuple[Vault, int]:
    """A vault filled to about `vault_bytes(sizes)`, its WAL folded back into the files."""
    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))
    directory = workdir / "Benchmark.medvault"
    created = create_vault(
        directory,
        practice_name="Cabinet des mesures",
        login=LOGIN,
        display_name="Dr Claire Martin",
        password=PASSWORD,
        config=config,
    )
    session = unlock(directory, LOGIN, PASSWORD, config=config)
    try:
        patients = _add_patients(session, sizes, seed)
        count = _add_documents(session, workdir, sizes, seed, patients)
        for conn in (session.admin_db, session.clinical_db):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        session.close()
        raise
    return Vault(session, directory, created.recovery_code, config), count


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def plain_copy(source: Path, destination: Path) -> None:
    """The baseline: the vault's files copied as they are (as `cp`) and made durable."""
    destination.mkdir()
    for name in VAULT_FILES:
        target = destination / name
        shutil.copyfile(source / name, target)
        fd = os.open(target, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _fsync_dir(destination)


def _timed(call: Callable[[], object]) -> float:
    # Dirty pages left by the previous step would otherwise be flushed inside this step's fsync.
    os.sync()
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _round(vault: Vault, scratch: Path, index: int, samples: Samples) -> int:
    """One copy, export, verify and restore; returns the backup file's size."""
    scratch.mkdir()
    backup = scratch / "vault.mvbackup"
    copy_step = (samples.copy, lambda: plain_copy(vault.directory, scratch / "copy"))
    steps = [
        (samples.export, lambda: create_backup(vault.session, backup)),
        (samples.verify, lambda: verify_backup_in_session(vault.session, backup)),
        (
            samples.restore,
            lambda: restore_backup(
                backup,
                scratch / "Restored.medvault",
                BackupSecrets(recovery_code=vault.recovery_code),
                config=vault.config,
            ),
        ),
    ]
    # The copy goes first in even rounds and last in odd ones.
    ordered = [copy_step, *steps] if index % 2 == 0 else [*steps, copy_step]
    for bucket, call in ordered:
        bucket.append(_timed(call))
    size = backup.stat().st_size
    shutil.rmtree(scratch)
    return size


def _ms(seconds: list[float]) -> list[float]:
    return [s * 1000 for s in seconds]


def _mib(path: Path) -> float:
    return round(path.stat().st_size / 2**20, 1)


def run(sizes: Sizes, workdir: Path, seed: int) -> SuiteResult:
    """Build the vault, then time `min(repeats, MAX_ROUNDS)` rounds of copy, export, verify
    and restore."""
    vault, document_count = build_vault(workdir, sizes, seed)
    try:
        files = {name: _mib(vault.directory / name) for name in VAULT_FILES}
        samples = Samples()
        rounds = min(sizes.repeats, MAX_ROUNDS)
        backup_sizes = [
            _round(vault, workdir / f"round-{index}", index, samples) for index in range(rounds)
        ]
    finally:
        vault.session.close()
    total = sum(files.values())
    copy = Stats.of(_ms(samples.copy))
    detail = f"{total:.0f} MiB vault ({document_count} documents), {rounds} rounds"
    target = Target(BACKUP_TARGET_RATIO)
    measurements = [
        Measurement(
            "backup export", Unit.MILLISECONDS, Stats.of(_ms(samples.export)), copy, target, detail
        ),
        Measurement(
            "backup verify", Unit.MILLISECONDS, Stats.of(_ms(samples.verify)), copy, target, detail
        ),
        Measurement(
            "backup restore",
            Unit.MILLISECONDS,
            Stats.of(_ms(samples.restore)),
            copy,
            target,
            detail,
        ),
    ]
    context = {
        "vault_bytes_requested": vault_bytes(sizes),
        "file_sizes_mib": files,
        "documents": document_count,
        "patients": max(1, sizes.patients // PATIENT_SHARE),
        "rounds": rounds,
        "backup_file_mib": round(max(backup_sizes) / 2**20, 1),
        "seconds": {
            "copy": [round(s, 3) for s in samples.copy],
            "export": [round(s, 3) for s in samples.export],
            "verify": [round(s, 3) for s in samples.verify],
            "restore": [round(s, 3) for s in samples.restore],
        },
        "seed": seed,
    }
    return SuiteResult(measurements, context)
