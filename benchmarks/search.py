"""Search on a large vault: patient prefix search, trigram (substring) search and note search,
each timed on medvault (SQLCipher) and on plain SQLite with the same schema and data.

The queries run through the product's own repository functions, with query text interpreted as
the search services interpret it. Every query is checked to give the same results on both sides
before it is timed, so both sides do the same work."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bulk_load import load_notes, load_patients
from benchmarks.databases import DatabasePair, open_pair
from benchmarks.datagen import Sizes
from benchmarks.harness import (
    Measurement,
    Stats,
    SuiteResult,
    Target,
    Unit,
    duration,
    elapsed_ms,
    percentile,
)
from medvault.services.patients_search import DEFAULT_LIMIT, SearchKind, interpret
from medvault.storage import clinical_consultations_repo, patients_search_repo
from medvault.storage.database import Connection

RESULT_LIMIT = DEFAULT_LIMIT  # the first page, as the desk and the notes search show it (50)
WARM_UP_PASSES = 2
SLOWEST_SHOWN = 5  # per measurement, in the JSON report

# Prefixes of 1 to 4 letters of names in the data, typed with or without accents and case,
# and two-word queries ("name first-name").
PREFIX_QUERIES = (
    "m", "ma", "mar", "mart", "l", "le", "lef", "lefè", "LEFE", "du", "dup", "dupo", "g", "gu",
    "gué", "guer", "é", "él", "élo", "eloi", "fr", "fra", "fran", "franç", "z", "zo", "zél",
    "mül", "mull", "ker", "œu", "oeuv", "de la", "le g", "n'd", "martin c", "dupont ma",
    "bénard é", "ma jean",
)  # fmt: skip
# Substrings from inside names (3+ characters go to the trigram index).
TRIGRAM_QUERIES = (
    "ont", "vre", "ois", "ill", "and", "ève", "elo", "art", "ouis", "ette", "ier", "rou", "aël",
    "ndr", "ssi", "rbr", "ihan", "çoi", "ber mar", "ine ois", "cha", "ueri", "auv", "ëlys",
)  # fmt: skip
# Note words: everywhere ("patient"), common, accent variants, prefixes, pairs, rare, absent.
NOTE_QUERIES = (
    "patient", "douleur", "toux", "fièvre", "fievre", "tension", "revoir", "diabète", "diabete",
    "dia", "hyperten", "céph", "gastro", "éruption", "eruption", "douleur thoracique",
    "toux sèche", "diabète type", "revoir mois", "phéochromocytome", "sarcoïdose", "horton",
    "basedow", "acromégalie", "sarcoïdose toux", "hémochromatose bilan", "xylophone",
)  # fmt: skip

SEARCH_TARGET_RATIO = 1.2
PATIENT_SEARCH_TARGET_MS = 5.0
NOTE_SEARCH_TARGET_MS = 20.0
IMPORT_TARGET_RATIO = 1.2


def _name_tokens(query: str) -> list[str]:
    kind, value = interpret(query)
    if kind is not SearchKind.NAME:
        raise ValueError(f"not a name query: {query!r}")
    return value.split()


def patient_prefix(conn: Connection, query: str) -> list[int]:
    found = patients_search_repo.search_name_prefix(conn, _name_tokens(query), RESULT_LIMIT)
    return [p.id for p in found]


def patient_trigram(conn: Connection, query: str) -> list[int]:
    found = patients_search_repo.search_substring(conn, _name_tokens(query), RESULT_LIMIT)
    return [p.id for p in found]


def note_search(conn: Connection, query: str) -> list[int]:
    if clinical_consultations_repo.match_expression(query) is None:
        raise ValueError(f"no words in {query!r}")
    # The product's own strategy (whole words first, then prefixes).
    found = clinical_consultations_repo.search_words(conn, query, limit=RESULT_LIMIT)
    return [hit.consultation_id for hit in found]


SearchCall = Callable[[Connection, str], list[int]]


@dataclass(frozen=True)
class QuerySet:
    name: str
    call: SearchCall
    queries: Sequence[str]
    target: Target


@dataclass(frozen=True)
class Timings:
    per_query: dict[str, tuple[list[float], list[float]]]  # query -> (medvault, baseline) ms
    mean_hits: float
    mismatches: list[str]  # queries whose results differ between the sides (should be none)

    def all_ms(self, side: int) -> list[float]:
        return [ms for pair in self.per_query.values() for ms in pair[side]]

    def slowest(self, count: int) -> list[dict[str, object]]:
        """The queries with the highest medvault p95: where to look when a target is missed."""
        rows = sorted(
            (
                (percentile(medvault, 95), percentile(baseline, 95), query)
                for query, (medvault, baseline) in self.per_query.items()
            ),
            reverse=True,
        )
        return [
            {"query": query, "medvault_p95_ms": round(m, 3), "baseline_p95_ms": round(b, 3)}
            for m, b, query in rows[:count]
        ]


def time_queries(
    query_set: QuerySet, sides: tuple[Connection, Connection], repeats: int, seed: int
) -> Timings:
    """Check, warm up, then time every query `repeats` times on each side, interleaved and in
    a shuffled order, so caches and machine noise fall on both sides alike."""
    medvault, baseline = sides
    call = query_set.call
    hits: list[int] = []
    mismatches: list[str] = []
    for query in query_set.queries:
        expected = call(baseline, query)
        if call(medvault, query) != expected:
            mismatches.append(query)
        hits.append(len(expected))
    for _ in range(WARM_UP_PASSES):
        for query in query_set.queries:
            call(medvault, query)
            call(baseline, query)
    rng = random.Random(seed)  # noqa: S311 - a shuffle order, not secrets
    per_query: dict[str, tuple[list[float], list[float]]] = {
        query: ([], []) for query in query_set.queries
    }
    for round_index in range(repeats):
        order = list(query_set.queries)
        rng.shuffle(order)
        for query in order:
            sides_in_turn = ((0, medvault), (1, baseline))
            if round_index % 2:
                sides_in_turn = sides_in_turn[::-1]
            for side, conn in sides_in_turn:
                per_query[query][side].append(elapsed_ms(functools.partial(call, conn, query)))
    return Timings(per_query, sum(hits) / len(hits), mismatches)


def query_sets() -> tuple[QuerySet, ...]:
    patient_target = Target(SEARCH_TARGET_RATIO, PATIENT_SEARCH_TARGET_MS)
    return (
        QuerySet("patient prefix search", patient_prefix, PREFIX_QUERIES, patient_target),
        QuerySet("patient trigram search", patient_trigram, TRIGRAM_QUERIES, patient_target),
        QuerySet(
            "note search (top 50)",
            note_search,
            NOTE_QUERIES,
            Target(SEARCH_TARGET_RATIO, NOTE_SEARCH_TARGET_MS),
        ),
    )


def _sides_for(pair: DatabasePair, query_set: QuerySet) -> tuple[Connection, Connection]:
    return pair.clinical_sides() if query_set.call is note_search else pair.admin_sides()


def _worst(rows: list[dict[str, object]]) -> str:
    return ", ".join(f"{row['query']!r} {row['medvault_p95_ms']} ms" for row in rows[:3])


def run(sizes: Sizes, workdir: Path, seed: int) -> SuiteResult:
    """Build both sides at `sizes`, load them, time the searches; files stay in `workdir`."""
    pair = open_pair(workdir)
    try:
        patients = load_patients(pair, sizes, seed)
        notes = load_notes(pair, sizes, seed)
        measurements = [
            duration(
                "patient import",
                patients.medvault,
                patients.baseline,
                Target(IMPORT_TARGET_RATIO),
                f"{sizes.patients} patients, chunks of {sizes.chunk}",
            ),
            duration(
                "note import",
                notes.medvault,
                notes.baseline,
                Target(),
                f"{sizes.notes} consultations with full-text index",
            ),
        ]
        mismatched: dict[str, list[str]] = {}
        slowest: dict[str, list[dict[str, object]]] = {}
        for query_set in query_sets():
            timings = time_queries(query_set, _sides_for(pair, query_set), sizes.repeats, seed)
            worst = timings.slowest(SLOWEST_SHOWN)
            measurements.append(
                Measurement(
                    query_set.name,
                    Unit.MILLISECONDS,
                    Stats.of(timings.all_ms(0)),
                    Stats.of(timings.all_ms(1)),
                    query_set.target,
                    f"{len(query_set.queries)} queries x {sizes.repeats}, "
                    f"mean {timings.mean_hits:.1f} hits; slowest p95: {_worst(worst)}",
                )
            )
            slowest[query_set.name] = worst
            if timings.mismatches:
                mismatched[query_set.name] = timings.mismatches
        context = {
            "patients": sizes.patients,
            "notes": sizes.notes,
            "repeats": sizes.repeats,
            "seed": seed,
            "result_limit": RESULT_LIMIT,
            "file_sizes_mib": pair.file_sizes_mib(),
            "result_mismatches": mismatched,
            "slowest_queries": slowest,
        }
    finally:
        pair.close()
    return SuiteResult(measurements, context)
