"""The vault header (vault.json): format, vault id, key slots, backup recipient.

No secret in clear, no patient data. The body carries a SHA-256 checksum so that any damage is
told apart from a wrong password; parsing is strict (unknown or missing keys are damage).

One optional body key, `login_failures` (the failed-login back-off, see core/login_backoff.py), is
absent while there are no failures, so older headers read as "no failures". Its content is
parsed leniently: a counter that makes no sense is ignored, never a damaged header."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass, field, replace
from typing import Any

from medvault.core.errors import HeaderDamagedError
from medvault.core.kdf import Argon2Params
from medvault.core.keyslot_format import KeySlot, SlotKind
from medvault.core.login_backoff import LoginFailures, parse_login_failures
from medvault.core.permissions import Role

FORMAT_NAME = "medvault-vault"
FORMAT_VERSION = 1
_TOP_KEYS = {"format", "version", "body", "sha256"}
_BODY_KEYS = {
    "vault_id",
    "created",
    "practice_name",
    "key_generation",
    "backup_recipient",
    "slots",
}
_FAILURES_KEY = "login_failures"  # optional: absent means no failed logins
_SLOT_KEYS = {
    "slot_id",
    "kind",
    "login",
    "role",
    "kdf",
    "salt",
    "public_key",
    "wrapped_private",
    "sealed_bundle",
}
_KDF_KEYS = {"algorithm", "version", "time_cost", "memory_kib", "parallelism"}


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    created: str  # ISO 8601 UTC
    practice_name: str
    key_generation: int
    backup_recipient: bytes  # X25519 public key of the backup identity
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)
    login_failures: LoginFailures = field(default_factory=LoginFailures)

    def user_slot(self, login: str) -> KeySlot | None:
        for slot in self.slots:
            if slot.kind is SlotKind.USER and slot.login == login:
                return slot
        return None

    def recovery_slot(self) -> KeySlot | None:
        return next((s for s in self.slots if s.kind is SlotKind.RECOVERY), None)

    def with_slot(self, slot: KeySlot) -> VaultHeader:
        """Add `slot`, replacing any slot with the same id or the same user login, and a
        recovery slot the former recovery slot (a vault has one recovery code). A new
        password for a login restarts its failed-login counter."""
        kept = tuple(
            s
            for s in self.slots
            if s.slot_id != slot.slot_id
            and not (
                slot.kind is SlotKind.USER and s.kind is SlotKind.USER and s.login == slot.login
            )
            and not (slot.kind is SlotKind.RECOVERY and s.kind is SlotKind.RECOVERY)
        )
        failures = self.login_failures
        if slot.kind is SlotKind.USER:
            failures = failures.without(slot.login)
        return replace(self, slots=(*kept, slot), login_failures=failures)

    def without_login(self, login: str) -> VaultHeader:
        return replace(
            self,
            slots=tuple(
                s for s in self.slots if not (s.kind is SlotKind.USER and s.login == login)
            ),
            login_failures=self.login_failures.without(login),
        )

    def with_login_failures(self, failures: LoginFailures) -> VaultHeader:
        return replace(self, login_failures=failures)

    def to_bytes(self) -> bytes:
        return _document_bytes(_body_to_json(self))


def _document_bytes(body: dict[str, Any]) -> bytes:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "body": body,
        "sha256": hashlib.sha256(_canonical(body)).hexdigest(),
    }
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=True) + "\n").encode()


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _body_to_json(header: VaultHeader) -> dict[str, Any]:
    body = _required_body(header)
    if header.login_failures:
        body[_FAILURES_KEY] = header.login_failures.to_json()
    return body


def _required_body(header: VaultHeader) -> dict[str, Any]:
    return {
        "vault_id": header.vault_id,
        "created": header.created,
        "practice_name": header.practice_name,
        "key_generation": header.key_generation,
        "backup_recipient": header.backup_recipient.hex(),
        "slots": [
            {
                "slot_id": s.slot_id,
                "kind": s.kind.value,
                "login": s.login,
                "role": s.role.value,
                "kdf": s.kdf.to_dict(),
                "salt": _b64(s.salt),
                "public_key": _b64(s.public_key),
                "wrapped_private": _b64(s.wrapped_private),
                "sealed_bundle": _b64(s.sealed_bundle),
            }
            for s in header.slots
        ],
    }


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("duplicate key")
        result[key] = value
    return result


def _expect(value: Any, kind: type) -> Any:
    # bool is an int in Python: refuse it where a number is expected.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError("wrong type")
    return value


def _exact_keys(obj: Any, keys: set[str]) -> dict[str, Any]:
    if not isinstance(obj, dict) or set(obj) != keys:
        raise ValueError("unexpected keys")
    return obj


def _body_keys(obj: Any) -> dict[str, Any]:
    if not isinstance(obj, dict) or set(obj) - {_FAILURES_KEY} != _BODY_KEYS:
        raise ValueError("unexpected keys")
    return obj


def _unb64(text: Any, size: int | None = None) -> bytes:
    data = base64.b64decode(_expect(text, str), validate=True)
    if base64.b64encode(data).decode() != text or (size is not None and len(data) != size):
        raise ValueError("bad base64")
    return data


def _parse_slot(obj: Any) -> KeySlot:
    s = _exact_keys(obj, _SLOT_KEYS)
    kdf = _exact_keys(s["kdf"], _KDF_KEYS)
    if kdf["algorithm"] != "argon2id":
        raise ValueError("unknown kdf")
    params = Argon2Params(
        time_cost=_expect(kdf["time_cost"], int),
        memory_kib=_expect(kdf["memory_kib"], int),
        parallelism=_expect(kdf["parallelism"], int),
        version=_expect(kdf["version"], int),
    )
    params.validate()
    kind = SlotKind(_expect(s["kind"], str))
    login = s["login"]
    if kind is SlotKind.USER:
        _expect(login, str)
    elif login is not None:
        raise ValueError("recovery slot has no login")
    return KeySlot(
        slot_id=_expect(s["slot_id"], str),
        kind=kind,
        login=login,
        role=Role(_expect(s["role"], str)),
        kdf=params,
        salt=_unb64(s["salt"], 16),
        public_key=_unb64(s["public_key"], 32),
        wrapped_private=_unb64(s["wrapped_private"], 12 + 32 + 16),
        sealed_bundle=_unb64(s["sealed_bundle"]),
    )


def parse_header(data: bytes) -> VaultHeader:
    """Parse and verify; HeaderDamagedError for anything off."""
    try:
        document = _exact_keys(
            json.loads(data.decode("utf-8"), object_pairs_hook=_reject_duplicates), _TOP_KEYS
        )
        if document["format"] != FORMAT_NAME or document["version"] != FORMAT_VERSION:
            raise ValueError("unknown format")
        body = _body_keys(document["body"])
        expected = hashlib.sha256(_canonical(body)).hexdigest()
        if not hmac.compare_digest(expected, _expect(document["sha256"], str)):
            raise ValueError("checksum mismatch")
        slots = tuple(_parse_slot(s) for s in _expect(body["slots"], list))
        ids = [s.slot_id for s in slots]
        logins = [s.login for s in slots if s.kind is SlotKind.USER]
        recovery = [s for s in slots if s.kind is SlotKind.RECOVERY]
        if len(set(ids)) != len(ids) or len(set(logins)) != len(logins) or len(recovery) > 1:
            raise ValueError("duplicate slots")
        recipient = bytes.fromhex(_expect(body["backup_recipient"], str))
        if len(recipient) != 32:
            raise ValueError("bad recipient")
        header = VaultHeader(
            vault_id=_expect(body["vault_id"], str),
            created=_expect(body["created"], str),
            practice_name=_expect(body["practice_name"], str),
            key_generation=_expect(body["key_generation"], int),
            backup_recipient=recipient,
            slots=slots,
            login_failures=parse_login_failures(
                body.get(_FAILURES_KEY), {login for login in logins if login is not None}
            ),
        )
        # Only the exact bytes we write are accepted: no equivalent spellings to tamper with.
        # The back-off entries are compared as read, since a nonsensical one is ignored rather
        # than refused (it must never make the vault unreadable).
        canonical_body = _required_body(header)
        if _FAILURES_KEY in body:
            canonical_body[_FAILURES_KEY] = body[_FAILURES_KEY]
        if _document_bytes(canonical_body) != data:
            raise ValueError("not in canonical form")
        return header
    except HeaderDamagedError:
        raise
    except (ValueError, TypeError, KeyError, RecursionError, binascii.Error) as exc:
        raise HeaderDamagedError() from exc
