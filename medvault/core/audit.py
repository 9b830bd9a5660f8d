"""The audit trail's records and their HMAC chain.

mac_n = HMAC-SHA256(K_audit, mac_{n-1} || canonical(record_n)), mac_0 binds the vault id.
The chain head (last sequence and mac) is also kept outside the table, so deleting the tail is
seen. The verifier names the first record that does not hold."""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass

from medvault.core.permissions import Area, Role
from medvault.core.secrets import SecretKey


class AuditAction(enum.StrEnum):
    VAULT_CREATE = "vault_create"
    LOGIN = "login"
    FAILED_LOGIN = "failed_login"
    LOGOUT = "logout"
    LOCK = "lock"
    UNLOCK = "unlock"
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    PRINT = "print"
    BACKUP = "backup"
    RESTORE = "restore"
    USER_ADD = "user_add"
    USER_DISABLE = "user_disable"
    USER_PASSWORD_CHANGE = "user_password_change"  # noqa: S105 - an action name
    USER_PASSWORD_RESET = "user_password_reset"  # noqa: S105 - an action name
    KEY_ROTATION = "key_rotation"
    RECOVERY_UNLOCK = "recovery_unlock"
    VAULT_CHECK = "vault_check"
    DRAFT_SAVE = "draft_save"
    DRAFT_RESTORE = "draft_restore"
    DRAFT_DISCARD = "draft_discard"
    SETTINGS_CHANGE = "settings_change"
    # Patient rights: the consent status shown before an export and the user's decision;
    # a retention term extended by a practitioner.
    CONSENT_CHECK = "consent_check"
    RETENTION_EXTEND = "retention_extend"
    AUDIT_ARCHIVE = "audit_archive"
    RIGHTS_REVIEW = "rights_review"


class Outcome(enum.StrEnum):
    SUCCESS = "success"
    DENIED = "denied"
    ERROR = "error"


@dataclass(frozen=True)
class AuditEvent:
    """What a service reports; never a patient name or clinical text, only ids and codes."""

    action: AuditAction
    area: Area
    outcome: Outcome = Outcome.SUCCESS
    patient_id: str | None = None
    target: str | None = None  # a login, a permission code, an object id


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    timestamp: str
    user_login: str | None
    role: Role | None
    action: str
    area: str
    patient_id: str | None
    target: str | None
    outcome: str
    mac: bytes

    def canonical(self) -> bytes:
        return json.dumps(
            [
                self.seq,
                self.timestamp,
                self.user_login,
                self.role.value if self.role else None,
                self.action,
                self.area,
                self.patient_id,
                self.target,
                self.outcome,
            ],
            separators=(",", ":"),
            ensure_ascii=True,
        ).encode()


def genesis_mac(key: SecretKey, vault_id: str) -> bytes:
    return hmac.new(
        key.buffer, b"medvault audit genesis\x00" + vault_id.encode(), "sha256"
    ).digest()


def chain_mac(key: SecretKey, previous: bytes, record: AuditRecord) -> bytes:
    return hmac.new(key.buffer, previous + record.canonical(), hashlib.sha256).digest()


@dataclass(frozen=True)
class ChainHead:
    seq: int
    mac: bytes


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    records_checked: int
    first_bad_seq: int | None = None
    reason_fr: str = ""
    reason_en: str = ""

    def describe(self) -> str:
        if self.ok:
            return (
                f"Journal d'audit intègre ({self.records_checked} enregistrements) / "
                f"Audit chain verified ({self.records_checked} records)."
            )
        return f"{self.reason_fr} / {self.reason_en}"


def _bad(count: int, seq: int, fr: str, en: str) -> ChainReport:
    return ChainReport(False, count, seq, fr, en)


def verify_chain(
    key: SecretKey, vault_id: str, records: Iterable[AuditRecord], head: ChainHead | None
) -> ChainReport:
    """Walk records in stored order; report the first one that is edited, missing, moved or
    inserted, or a tail cut off before the recorded head."""
    previous = genesis_mac(key, vault_id)
    expected_seq = 1
    count = 0
    for record in records:
        if record.seq != expected_seq:
            return _bad(
                count,
                record.seq,
                f"Enregistrement n°{record.seq} : la séquence attendait n°{expected_seq} "
                "(enregistrement supprimé, inséré ou déplacé).",
                f"Record #{record.seq}: expected #{expected_seq} "
                "(a record was deleted, inserted or moved).",
            )
        if not hmac.compare_digest(chain_mac(key, previous, record), record.mac):
            return _bad(
                count,
                record.seq,
                f"Enregistrement n°{record.seq} modifié ou déplacé : son sceau ne correspond pas.",
                f"Record #{record.seq} was altered or moved: its seal does not match.",
            )
        previous = record.mac
        expected_seq += 1
        count += 1
    last = expected_seq - 1
    if head is None:
        if last == 0:
            return ChainReport(True, 0)
        return _bad(
            count,
            last,
            "La tête de chaîne du journal est absente.",
            "The audit chain head is missing.",
        )
    if head.seq < last:
        return _bad(
            count,
            head.seq + 1,
            f"Enregistrement n°{head.seq + 1} ajouté après la tête de chaîne (n°{head.seq}).",
            f"Record #{head.seq + 1} was added after the chain head (#{head.seq}).",
        )
    if head.seq > last:
        return _bad(
            count,
            last + 1,
            f"Le journal s'arrête au n°{last} mais sa tête indique n°{head.seq} : "
            f"enregistrements manquants à partir du n°{last + 1}.",
            f"The log ends at #{last} but its head says #{head.seq}: "
            f"records missing from #{last + 1}.",
        )
    if not hmac.compare_digest(head.mac, previous):
        return _bad(
            count,
            last,
            f"Le sceau du dernier enregistrement (n°{last}) ne correspond pas à la tête de chaîne.",
            f"The seal of the last record (#{last}) does not match the chain head.",
        )
    return ChainReport(True, count)
