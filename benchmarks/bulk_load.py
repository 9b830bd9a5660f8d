"""Bulk load of the synthetic records into both sides, timed side by side.

Rows go through the product's repository functions (the same statements, search keys and FTS
triggers as in use), one transaction per chunk. Only the writes are timed: each chunk is
generated once, outside the stopwatches, then written to both sides in alternating order so
neither side always runs on a warmer machine."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.databases import DatabasePair
from benchmarks.datagen import AUTHOR, Sizes, note_chunks, patient_chunks
from benchmarks.harness import Stopwatch
from medvault.storage import clinical_consultations_repo, patients_repo
from medvault.storage.database import Connection, transaction

WHEN = "2025-01-06T09:00:00Z"


@dataclass(frozen=True)
class LoadTimes:
    """Seconds spent writing, per side."""

    medvault: float
    baseline: float


def _sides(
    pair: tuple[Connection, Connection], watches: tuple[Stopwatch, Stopwatch], chunk_index: int
) -> list[tuple[Connection, Stopwatch]]:
    sides = list(zip(pair, watches, strict=True))
    return sides if chunk_index % 2 == 0 else sides[::-1]


def _checkpoint(conn: Connection, watch: Stopwatch) -> None:
    # Folding the WAL back into the file is part of the cost of a load.
    with watch:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def load_patients(pair: DatabasePair, sizes: Sizes, seed: int) -> LoadTimes:
    """Write `sizes.patients` records into both admin databases (ids 1..n, checked)."""
    watches = (Stopwatch(), Stopwatch())
    next_id = 1
    for index, chunk in enumerate(patient_chunks(sizes, seed)):
        for conn, watch in _sides(pair.admin_sides(), watches, index):
            with watch, transaction(conn, "admin.db"):
                ids = [
                    patients_repo.insert_patient(conn, data, when=WHEN, by=AUTHOR) for data in chunk
                ]
            if ids != list(range(next_id, next_id + len(chunk))):
                raise RuntimeError("patient ids are not consecutive from 1: tables not empty?")
        next_id += len(chunk)
    for conn, watch in zip(pair.admin_sides(), watches, strict=True):
        _checkpoint(conn, watch)
    return LoadTimes(watches[0].total, watches[1].total)


def load_notes(pair: DatabasePair, sizes: Sizes, seed: int) -> LoadTimes:
    """Write `sizes.notes` consultations into both clinical databases."""
    watches = (Stopwatch(), Stopwatch())
    for index, chunk in enumerate(note_chunks(sizes, seed)):
        for conn, watch in _sides(pair.clinical_sides(), watches, index):
            with watch, transaction(conn, "clinical.db"):
                for patient_id, data in chunk:
                    clinical_consultations_repo.insert(
                        conn, patient_id, data, when=WHEN, who=AUTHOR
                    )
    for conn, watch in zip(pair.clinical_sides(), watches, strict=True):
        _checkpoint(conn, watch)
    return LoadTimes(watches[0].total, watches[1].total)
