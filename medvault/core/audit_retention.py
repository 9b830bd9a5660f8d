"""Audit retention: records older than the retention period leave the live log for the archive
segment, unchanged (same seq, same MAC), so the chain genesis -> archive -> live still verifies
as one. The move itself is a record of the live chain, the checkpoint, whose target names the
archived range and the MAC of its last record."""

from __future__ import annotations

import calendar
import hmac
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from medvault.core.audit import (
    AuditAction,
    AuditRecord,
    ChainHead,
    ChainReport,
    verify_chain,
)
from medvault.core.errors import FieldError
from medvault.core.secrets import SecretKey

DEFAULT_RETENTION_MONTHS = 12
MIN_RETENTION_MONTHS = 6
MAX_RETENTION_MONTHS = 36

_CHECKPOINT = re.compile(r"^archive:(\d+)-(\d+):([0-9a-f]{64})$")


@dataclass(frozen=True)
class ArchivedRange:
    first_seq: int
    last_seq: int
    last_mac: bytes

    @property
    def count(self) -> int:
        return self.last_seq - self.first_seq + 1

    def checkpoint_target(self) -> str:
        return f"archive:{self.first_seq}-{self.last_seq}:{self.last_mac.hex()}"

    @staticmethod
    def from_checkpoint(target: str | None) -> ArchivedRange | None:
        match = _CHECKPOINT.match(target or "")
        if match is None:
            return None
        return ArchivedRange(int(match[1]), int(match[2]), bytes.fromhex(match[3]))


def validate_retention_months(months: object) -> int:
    if isinstance(months, bool) or not isinstance(months, int):
        raise FieldError(
            "retention_months",
            "La durée de conservation du journal est un nombre entier de mois.",
            "The audit retention period is a whole number of months.",
        )
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise FieldError(
            "retention_months",
            f"La durée de conservation du journal doit être comprise entre "
            f"{MIN_RETENTION_MONTHS} et {MAX_RETENTION_MONTHS} mois.",
            f"The audit retention period must be between {MIN_RETENTION_MONTHS} and "
            f"{MAX_RETENTION_MONTHS} months.",
        )
    return months


def stored_retention_months(stored: str | None) -> int:
    """A stored value out of range (edited by hand) falls back to the default."""
    if stored is None or not stored.isdigit():
        return DEFAULT_RETENTION_MONTHS
    value = int(stored)
    return (
        value
        if MIN_RETENTION_MONTHS <= value <= MAX_RETENTION_MONTHS
        else (DEFAULT_RETENTION_MONTHS)
    )


def months_before(moment: datetime, months: int) -> datetime:
    """The same instant `months` calendar months earlier (day clamped to the month's end)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass
class _Walk:
    """What the verifier went through, to say where a bad record lives."""

    archived_last_seq: int = 0
    archived_last_mac: bytes = b""


def _tagged(archived: Iterable[AuditRecord], walk: _Walk) -> Iterator[AuditRecord]:
    for record in archived:
        walk.archived_last_seq = record.seq
        walk.archived_last_mac = record.mac
        yield record


def verify_archive_and_live(
    key: SecretKey,
    vault_id: str,
    *,
    archived: Iterable[AuditRecord],
    live: Iterable[AuditRecord],
    head: ChainHead | None,
    last_checkpoint: AuditRecord | None,
) -> ChainReport:
    """verify_chain over archive then live as one chain; a bad record is said to be in the
    archive when it is, and the latest checkpoint must name the archive's actual end."""
    walk = _Walk()

    def records() -> Iterator[AuditRecord]:
        yield from _tagged(archived, walk)
        yield from live

    report = verify_chain(key, vault_id, records(), head)
    if not report.ok:
        bad = report.first_bad_seq
        if bad is not None and bad <= walk.archived_last_seq:
            return replace(
                report,
                reason_fr=f"Dans l'archive du journal : {report.reason_fr}",
                reason_en=f"In the audit archive: {report.reason_en}",
            )
        return report
    claimed = (
        None if last_checkpoint is None else ArchivedRange.from_checkpoint(last_checkpoint.target)
    )
    if last_checkpoint is not None and last_checkpoint.action != AuditAction.AUDIT_ARCHIVE:
        claimed = None
    if claimed is None and walk.archived_last_seq == 0:
        return report
    if (
        claimed is None
        or claimed.last_seq != walk.archived_last_seq
        or not hmac.compare_digest(claimed.last_mac, walk.archived_last_mac)
    ):
        seq = walk.archived_last_seq if claimed is None else claimed.last_seq
        return ChainReport(
            False,
            report.records_checked,
            seq,
            f"L'archive du journal ne se termine pas là où l'indique le dernier point "
            f"d'archivage (enregistrement n°{seq}).",
            f"The audit archive does not end where the last archive checkpoint says "
            f"(record #{seq}).",
        )
    return report
