"""Patient search as you type, and paged listings.

What the query looks like decides the search: a date (dd/mm/yyyy or ISO) -> birth date; digits
starting with 0 or + -> phone (any format, matched in E.164); other digits -> NIR/NIA prefix
(spaces allowed); anything else -> names (accent- and case-insensitive prefix of birth name,
used name or first names, then substrings through the trigram index). Only the first page is
read (LIMIT in SQL), in index order.

Searches and listings are not audited: they run at every keystroke or scroll and show the
identity summary the desk needs to find a file, and an audit record per keystroke would bury
the trail. Opening a file (patients.get_patient) is what is audited."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from medvault.core.errors import FieldError
from medvault.core.patient import PatientSummary, normalise_phone, parse_date
from medvault.core.permissions import Permission
from medvault.core.text_search import words
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.storage import patients_search_repo

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
SORTABLE_COLUMNS = tuple(patients_search_repo.SORT_ORDERS)

_SEPARATORS = re.compile(r"[\s.\-/()]")
_NIR_PREFIX = re.compile(r"[1-8](?:\d{0,4}|\d{4}(?:2[AB]|\d{1,2})\d{0,8})")
_PHONE_PREFIX = re.compile(r"\+?\d+")
_PARTIAL_DATE = re.compile(r"\d{1,2}/(?:\d{1,2}(?:/\d{0,3})?)?")
_FRANCE_CALLING_CODE = "+33"


class SearchKind(enum.StrEnum):
    EMPTY = "empty"
    NAME = "name"
    BIRTH_DATE = "birth_date"
    NIR = "nir"
    PHONE = "phone"


@dataclass(frozen=True)
class SearchResult:
    kind: SearchKind
    patients: tuple[PatientSummary, ...]


@dataclass(frozen=True)
class PatientPage:
    patients: tuple[PatientSummary, ...]
    offset: int
    has_more: bool


def _phone_prefix(text: str, compact: str) -> str | None:
    """E.164 prefix of a phone number typed so far ("06 12" -> "+33612")."""
    if not _PHONE_PREFIX.fullmatch(compact) or not compact.startswith(("0", "+")):
        return None
    whole = normalise_phone(text)
    if whole is not None:
        return whole
    if compact.startswith("+"):
        return compact if len(compact) > 1 else None
    if compact.startswith("00"):
        return "+" + compact[2:] if len(compact) > 2 else None
    return _FRANCE_CALLING_CODE + compact[1:] if len(compact) > 1 else None


def interpret(query: str) -> tuple[SearchKind, str]:
    """What to look for: the kind of search and its normalised value."""
    text = query.strip()
    if not text:
        return SearchKind.EMPTY, ""
    birth_date = parse_date(text)
    if birth_date is not None:
        return SearchKind.BIRTH_DATE, birth_date.isoformat()
    if _PARTIAL_DATE.fullmatch(text):
        return SearchKind.EMPTY, ""  # a date being typed
    compact = _SEPARATORS.sub("", text).upper()
    phone = _phone_prefix(text, compact)
    if phone is not None:
        return SearchKind.PHONE, phone
    if compact and compact[0].isdigit():
        if len(compact) <= 15 and _NIR_PREFIX.fullmatch(compact):
            return SearchKind.NIR, compact
        return SearchKind.EMPTY, ""
    tokens = words(text)
    return (SearchKind.NAME, " ".join(tokens)) if tokens else (SearchKind.EMPTY, "")


def _check_limit(limit: int) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise FieldError(
            "limit",
            f"Le nombre de résultats doit être compris entre 1 et {MAX_LIMIT}.",
            f"The number of results must be between 1 and {MAX_LIMIT}.",
        )


@requires(Permission.PATIENT_READ)
def search_patients(session: Session, query: str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """First page of live records matching the query (see the module docstring)."""
    _check_limit(limit)
    kind, value = interpret(query)
    conn = session.admin_db
    found: list[PatientSummary] = []
    if kind is SearchKind.BIRTH_DATE:
        found = patients_search_repo.search_birth_date(conn, date.fromisoformat(value), limit)
    elif kind is SearchKind.NIR:
        found = patients_search_repo.search_nir_prefix(conn, value, limit)
    elif kind is SearchKind.PHONE:
        found = patients_search_repo.search_phone_prefix(conn, value, limit)
    elif kind is SearchKind.NAME:
        tokens = value.split()
        found = patients_search_repo.search_name_prefix(conn, tokens, limit)
        if len(found) < limit:
            found += patients_search_repo.search_substring(
                conn,
                tokens,
                limit - len(found),
                exclude=frozenset(p.id for p in found),
            )
    return SearchResult(kind, tuple(found))


@requires(Permission.PATIENT_READ)
def list_patients(
    session: Session,
    *,
    sort: str = "birth_name",
    descending: bool = False,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> PatientPage:
    """One page of live records ordered by one of SORTABLE_COLUMNS, sorted in SQL."""
    _check_limit(limit)
    if sort not in patients_search_repo.SORT_ORDERS:
        raise FieldError(
            "sort",
            "Cette colonne ne permet pas de trier la liste.",
            "The list cannot be sorted by this column.",
        )
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise FieldError(
            "offset",
            "La position dans la liste doit être un entier positif.",
            "The position in the list must be a non-negative integer.",
        )
    rows = patients_search_repo.list_page(
        session.admin_db, sort=sort, descending=descending, limit=limit + 1, offset=offset
    )
    return PatientPage(tuple(rows[:limit]), offset, len(rows) > limit)


@requires(Permission.PATIENT_READ)
def count_patients(session: Session) -> int:
    """How many live records (for a list's scroll bar)."""
    return patients_search_repo.count_live(session.admin_db)
