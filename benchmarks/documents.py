"""A large document (100 MB at the quick and full sizes): import into the vault and open it,
against doing the same with a plain file, in the same run.

- import: the documents service reads the file, encrypts it into clinical.db in 256 KiB chunks,
  hashes it and commits (fsync) with its audit record; baseline: the plain durable copy any
  import must at least make (read the file, write it elsewhere, fsync);
- open: the whole document read back into memory for the viewer (decrypted, SHA-256 checked,
  the access audited); baseline: reading the plain file into memory.

Target for both: at most twice the baseline plus 50 ms (the fixed cost of a transaction and an
audit record), on p95. The source file and the vault are on the same file system, and the page
cache is warm for both sides (each round reads the same source file)."""

from __future__ import annotations

import os
import random
import time
from datetime import date
from pathlib import Path

from benchmarks.databases import CHEAP_KDF, LOGIN, PASSWORD, create_benchmark_vault
from benchmarks.datagen import AUTHOR, Sizes, patient_chunks
from benchmarks.harness import Measurement, Stats, SuiteResult, Target, Unit
from medvault.core.documents import DocumentCategory
from medvault.core.kdf import KdfProfile
from medvault.services import documents
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock
from medvault.storage import patients_repo
from medvault.storage.database import transaction

DOCUMENT_BYTES = 100 * 1000 * 1000
BYTES_PER_PATIENT = 5_000  # tiny presets (tests) get a proportionally small document
MAX_ROUNDS = 5
TARGET_RATIO = 2.0
TARGET_FIXED_MS = 50.0
WHEN = "2025-01-06T09:00:00Z"
_BLOCK = 4 * 1024 * 1024


def document_bytes(sizes: Sizes) -> int:
    return min(DOCUMENT_BYTES, max(1, sizes.patients) * BYTES_PER_PATIENT)


def _write_random(path: Path, size: int, seed: int) -> None:
    """Incompressible content, as a scanned PDF or a photo is."""
    rng = random.Random(seed)  # noqa: S311 - filler bytes, not secrets
    with path.open("wb") as out:
        left = size
        while left:
            block = min(left, _BLOCK)
            out.write(rng.randbytes(block))
            left -= block
        out.flush()
        os.fsync(out.fileno())


def plain_copy(source: Path, target: Path) -> None:
    """The import baseline: read the file, write the copy, make it durable."""
    with source.open("rb", buffering=0) as src, target.open("wb", buffering=0) as dst:
        while block := src.read(_BLOCK):
            dst.write(block)
        os.fsync(dst.fileno())


def _open_vault(workdir: Path, seed: int) -> tuple[Session, int]:
    config = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))
    directory = workdir / "Benchmark.medvault"
    create_benchmark_vault(directory, config)
    session = unlock(directory, LOGIN, PASSWORD, config=config)
    try:
        chunk = next(patient_chunks(Sizes(patients=1, notes=0, repeats=1), seed))
        with transaction(session.admin_db, "admin.db") as conn:
            (patient_id,) = patients_repo.insert_patients(conn, chunk, when=WHEN, by=AUTHOR)
    except BaseException:
        session.close()
        raise
    return session, patient_id


def _target(baseline: Stats) -> Target:
    return Target(max_p95=round(TARGET_RATIO * baseline.p95 + TARGET_FIXED_MS, 1))


def _import_ms(session: Session, patient_id: int, source: Path, index: int) -> tuple[float, int]:
    start = time.perf_counter()
    info = documents.import_clinical_document(
        session,
        patient_id=patient_id,
        path=source,
        title=f"Compte rendu {index + 1}",
        document_date=date(2024, 1, 1 + index % 28),
        category=DocumentCategory.REPORT,
    )
    return (time.perf_counter() - start) * 1000, info.id


def _copy_ms(source: Path, target: Path) -> float:
    start = time.perf_counter()
    plain_copy(source, target)
    elapsed = (time.perf_counter() - start) * 1000
    target.unlink()
    return elapsed


def _open_ms(session: Session, document_id: int) -> tuple[float, bytes]:
    start = time.perf_counter()
    content = documents.read_clinical_document(session, document_id)
    return (time.perf_counter() - start) * 1000, content


def _read_ms(source: Path) -> tuple[float, bytes]:
    start = time.perf_counter()
    content = source.read_bytes()
    return (time.perf_counter() - start) * 1000, content


def run(sizes: Sizes, workdir: Path, seed: int) -> SuiteResult:
    size = document_bytes(sizes)
    rounds = max(2, min(sizes.repeats, MAX_ROUNDS))
    source = workdir / "scan.pdf"
    _write_random(source, size, seed)
    session, patient_id = _open_vault(workdir, seed)
    imports: tuple[list[float], list[float]] = ([], [])
    opens: tuple[list[float], list[float]] = ([], [])
    try:
        source.read_bytes()  # warm the page cache for both sides
        for index in range(rounds):
            # Alternated, so machine noise falls on both sides alike.
            copy = workdir / "copy.pdf"
            if index % 2 == 0:
                vault_ms, document_id = _import_ms(session, patient_id, source, index)
                plain_ms = _copy_ms(source, copy)
            else:
                plain_ms = _copy_ms(source, copy)
                vault_ms, document_id = _import_ms(session, patient_id, source, index)
            imports[0].append(vault_ms)
            imports[1].append(plain_ms)
            if index % 2 == 0:
                vault_ms, stored = _open_ms(session, document_id)
                plain_ms, original = _read_ms(source)
            else:
                plain_ms, original = _read_ms(source)
                vault_ms, stored = _open_ms(session, document_id)
            opens[0].append(vault_ms)
            opens[1].append(plain_ms)
            if stored != original:
                raise RuntimeError("the document read back differs from its source")
            del stored, original
        # Write-ahead logs included: the imports may not be checkpointed yet.
        vault_mib = sum(p.stat().st_size for p in session.directory.iterdir() if p.is_file())
    finally:
        session.close()
    mib = size / 2**20
    import_base, open_base = Stats.of(imports[1]), Stats.of(opens[1])
    measurements = [
        Measurement(
            "document import (100 MB)" if size == DOCUMENT_BYTES else "document import",
            Unit.MILLISECONDS,
            Stats.of(imports[0]),
            import_base,
            _target(import_base),
            f"{rounds} imports of a {mib:.0f} MiB file into clinical.db (encrypted, hashed, "
            f"audited, fsync); baseline: plain copy + fsync; target: 2x + 50 ms",
        ),
        Measurement(
            "document open (100 MB)" if size == DOCUMENT_BYTES else "document open",
            Unit.MILLISECONDS,
            Stats.of(opens[0]),
            open_base,
            _target(open_base),
            f"{rounds} reads of the whole {mib:.0f} MiB document into memory (decrypted, "
            "SHA-256 checked, audited); baseline: reading the file; target: 2x + 50 ms",
        ),
    ]
    context = {
        "document_bytes": size,
        "rounds": rounds,
        "vault_mib_after": round(vault_mib / 2**20, 1),
    }
    return SuiteResult(measurements, context)
