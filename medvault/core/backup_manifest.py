"""The manifest of a backup: which vault, when, and the size and SHA-256 of every member.

Inside the age payload a backup is a POSIX tar stream with members in this fixed order:
manifest.json, vault.json, admin.db, clinical.db, and clinical.db-wal only when the clinical
database was copied as raw bytes with a non-empty write-ahead log (see docs/SECURITY.md)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from medvault.core.backup_errors import BackupDamagedError, BackupTooNewError

FORMAT = "medvault-backup"
VERSION = 1
MANIFEST_NAME = "manifest.json"
HEADER_MEMBER = "vault.json"
ADMIN_MEMBER = "admin.db"
CLINICAL_MEMBER = "clinical.db"
CLINICAL_WAL_MEMBER = "clinical.db-wal"
REQUIRED_MEMBERS = (HEADER_MEMBER, ADMIN_MEMBER, CLINICAL_MEMBER)
OPTIONAL_MEMBERS = (CLINICAL_WAL_MEMBER,)
MAX_MANIFEST_BYTES = 64 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class MemberInfo:
    name: str
    size: int
    sha256: str  # lowercase hex


@dataclass(frozen=True)
class AuditHeadInfo:
    seq: int
    mac: str  # lowercase hex


@dataclass(frozen=True)
class Manifest:
    vault_id: str
    practice_name: str
    created: str  # ISO 8601 UTC
    key_generation: int
    app_version: str
    audit_head: AuditHeadInfo | None
    members: tuple[MemberInfo, ...]

    def member_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.members)

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "practice_name": self.practice_name,
            "created": self.created,
            "key_generation": self.key_generation,
            "app_version": self.app_version,
            "audit_head": None
            if self.audit_head is None
            else {"seq": self.audit_head.seq, "mac": self.audit_head.mac},
            "members": [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in self.members],
        }
        return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=True) + "\n").encode()


def check_member_names(names: tuple[str, ...]) -> None:
    """The fixed order: the required members, then optional ones in their order, nothing else."""
    count = len(REQUIRED_MEMBERS)
    extra = names[count:]
    if names[:count] != REQUIRED_MEMBERS or extra not in ((), OPTIONAL_MEMBERS[: len(extra)]):
        raise BackupDamagedError()


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise BackupDamagedError()
    return dict(pairs)


def _typed(value: Any, kind: type) -> Any:
    # bool is an int in Python; a manifest never has a boolean where a number belongs.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise BackupDamagedError()
    return value


def _exact(obj: Any, keys: set[str]) -> dict[str, Any]:
    if not isinstance(obj, dict) or set(obj) != keys:
        raise BackupDamagedError()
    return obj


def _member(obj: Any) -> MemberInfo:
    doc = _exact(obj, {"name", "size", "sha256"})
    size = _typed(doc["size"], int)
    digest = _typed(doc["sha256"], str)
    if size < 0 or not _SHA256.fullmatch(digest):
        raise BackupDamagedError()
    return MemberInfo(_typed(doc["name"], str), size, digest)


def _head(obj: Any) -> AuditHeadInfo | None:
    if obj is None:
        return None
    doc = _exact(obj, {"seq", "mac"})
    seq, mac = _typed(doc["seq"], int), _typed(doc["mac"], str)
    if seq < 1 or not _SHA256.fullmatch(mac):
        raise BackupDamagedError()
    return AuditHeadInfo(seq, mac)


def parse_manifest(data: bytes) -> Manifest:
    """Strict: a newer version is BackupTooNewError, anything else odd is BackupDamagedError."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise BackupDamagedError()
    try:
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=_reject_duplicates)
    except (UnicodeDecodeError, ValueError):
        raise BackupDamagedError() from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BackupDamagedError()
    version = _typed(doc.get("version"), int)
    if version > VERSION:
        raise BackupTooNewError()
    if version != VERSION:
        raise BackupDamagedError()
    doc = _exact(
        doc,
        {
            "format",
            "version",
            "vault_id",
            "practice_name",
            "created",
            "key_generation",
            "app_version",
            "audit_head",
            "members",
        },
    )
    members = tuple(_member(m) for m in _typed(doc["members"], list))
    check_member_names(tuple(m.name for m in members))
    generation = _typed(doc["key_generation"], int)
    if generation < 1:
        raise BackupDamagedError()
    return Manifest(
        vault_id=_typed(doc["vault_id"], str),
        practice_name=_typed(doc["practice_name"], str),
        created=_typed(doc["created"], str),
        key_generation=generation,
        app_version=_typed(doc["app_version"], str),
        audit_head=_head(doc["audit_head"]),
        members=members,
    )
