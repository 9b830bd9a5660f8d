"""Looking through the audit trail: the filter a viewer applies, the rows it shows, and the CSV
export of a filtered view. Records hold ids and codes only (never a name or clinical text), so
neither the view nor the export can carry more than that."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from medvault.core.audit import AuditAction, AuditRecord, Outcome
from medvault.core.clock import iso_utc
from medvault.core.errors import FieldError

CSV_COLUMNS = (
    "seq",
    "timestamp_utc",
    "user_login",
    "role",
    "action",
    "area",
    "patient_id",
    "target",
    "outcome",
    "archived",
    "mac_hex",
)
# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditFilter:
    """Every criterion is optional; `since` is inclusive and `until` exclusive (aware datetimes,
    compared in UTC with the records' timestamps)."""

    user_login: str | None = None
    patient_id: str | None = None
    action: str | None = None
    outcome: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    @property
    def since_ts(self) -> str | None:
        return None if self.since is None else iso_utc(self.since)

    @property
    def until_ts(self) -> str | None:
        return None if self.until is None else iso_utc(self.until)


@dataclass(frozen=True)
class AuditEntry:
    """One record as a viewer shows it; `archived` says it lives in the archive segment."""

    record: AuditRecord
    archived: bool


@dataclass(frozen=True)
class AuditCursor:
    """Where a filtered view stands: the seq bounds its dates resolve to (computed once per
    filter), and the seq of the last row shown; the next page holds smaller seqs only."""

    audit_filter: AuditFilter
    lowest_seq: int | None
    highest_seq: int | None
    before_seq: int | None = None

    def after(self, entries: list[AuditEntry]) -> AuditCursor:
        if not entries:
            return self
        return AuditCursor(
            self.audit_filter, self.lowest_seq, self.highest_seq, entries[-1].record.seq
        )

    @property
    def empty(self) -> bool:
        """The dates match no record at all."""
        return (
            self.lowest_seq is not None
            and self.highest_seq is not None
            and self.lowest_seq > self.highest_seq
        )


def validate_filter(audit_filter: AuditFilter) -> AuditFilter:
    """Refuse what cannot be a criterion, with a message for the field concerned."""
    patient_id = audit_filter.patient_id
    if patient_id is not None and not (patient_id.isascii() and patient_id.isdigit()):
        raise FieldError(
            "patient_id",
            "Le numéro de dossier patient ne contient que des chiffres.",
            "The patient file number is made of digits only.",
        )
    if audit_filter.action is not None and audit_filter.action not in set(AuditAction):
        raise FieldError("action", "Action inconnue.", "Unknown action.")
    if audit_filter.outcome is not None and audit_filter.outcome not in set(Outcome):
        raise FieldError("outcome", "Résultat inconnu.", "Unknown outcome.")
    for name, moment in (("since", audit_filter.since), ("until", audit_filter.until)):
        if moment is not None and moment.tzinfo is None:
            raise FieldError(
                name,
                "La date doit préciser son fuseau horaire.",
                "The date must carry its time zone.",
            )
    since, until = audit_filter.since, audit_filter.until
    if since is not None and until is not None and until <= since:
        raise FieldError(
            "until",
            "La date de fin doit être postérieure à la date de début.",
            "The end date must come after the start date.",
        )
    return audit_filter


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_row(entry: AuditEntry) -> list[str]:
    record = entry.record
    return [
        str(record.seq),
        record.timestamp,
        _cell(record.user_login or ""),
        record.role.value if record.role else "",
        record.action,
        record.area,
        _cell(record.patient_id or ""),
        _cell(record.target or ""),
        record.outcome,
        "1" if entry.archived else "0",
        record.mac.hex(),
    ]
