"""Bech32 age keys (checked against the age library itself), the recovery identity, and the
strict manifest parser."""

from __future__ import annotations

import json

import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrage import x25519

from medvault.core.backup_errors import BackupDamagedError, BackupTooNewError
from medvault.core.backup_keys import (
    age_identity,
    age_recipient,
    bech32_decode,
    bech32_encode,
    public_key_of,
    recovery_identity,
)
from medvault.core.backup_manifest import AuditHeadInfo, Manifest, MemberInfo, parse_manifest
from medvault.core.recovery_code import generate_recovery_code, normalize_recovery_code
from medvault.core.secrets import SecretKey


@settings(max_examples=25, deadline=None)
@given(st.binary(min_size=32, max_size=32))
def test_age_accepts_our_key_strings(raw: bytes) -> None:
    private = SecretKey(raw)
    recipient = x25519.Recipient.from_str(age_recipient(public_key_of(private)))
    identity = x25519.Identity.from_str(age_identity(private))
    assert pyrage.decrypt(pyrage.encrypt(b"payload", [recipient]), [identity]) == b"payload"
    assert str(identity.to_public()) == age_recipient(public_key_of(private))


def test_age_generated_keys_decode_to_the_same_bytes() -> None:
    identity = x25519.Identity.generate()
    hrp, raw = bech32_decode(str(identity))
    assert hrp == "age-secret-key-"
    assert age_identity(SecretKey(raw)) == str(identity)
    assert age_recipient(public_key_of(SecretKey(raw))) == str(identity.to_public())


@given(st.binary(max_size=40), st.integers(min_value=0, max_value=200))
def test_bech32_round_trip_and_single_changes_detected(data: bytes, position: int) -> None:
    text = bech32_encode("age", data)
    assert bech32_decode(text) == ("age", data)
    index = 4 + position % (len(text) - 4)
    swapped = "q" if text[index] != "q" else "p"
    with pytest.raises(ValueError):
        bech32_decode(text[:index] + swapped + text[index + 1 :])


def test_recovery_identity_depends_only_on_the_normalised_code() -> None:
    code = generate_recovery_code()
    same = recovery_identity(normalize_recovery_code(code.lower().replace("-", " ")))
    assert recovery_identity(normalize_recovery_code(code)).equals(same)
    other = recovery_identity(normalize_recovery_code(generate_recovery_code()))
    assert not other.equals(same)


def _manifest() -> Manifest:
    return Manifest(
        vault_id="v",
        practice_name="Cabinet",
        created="2025-01-01T00:00:00.000000Z",
        key_generation=1,
        app_version="0.1.0",
        audit_head=AuditHeadInfo(3, "ab" * 32),
        members=tuple(
            MemberInfo(n, 1, "cd" * 32) for n in ("vault.json", "admin.db", "clinical.db")
        ),
    )


def test_manifest_round_trip() -> None:
    assert parse_manifest(_manifest().to_bytes()) == _manifest()


def _edited(**changes: object) -> bytes:
    doc = json.loads(_manifest().to_bytes())
    doc.update(changes)
    return json.dumps(doc).encode()


def test_newer_manifest_version_is_too_new() -> None:
    with pytest.raises(BackupTooNewError):
        parse_manifest(_edited(version=2, something_new=True))


@pytest.mark.parametrize(
    "changes",
    [
        {"version": 0},
        {"version": True},
        {"format": "other"},
        {"extra": 1},
        {"key_generation": 0},
        {"audit_head": {"seq": 1, "mac": "zz"}},
        {"members": [{"name": "admin.db", "size": 1, "sha256": "cd" * 32}]},
        {
            "members": [
                {"name": n, "size": -1, "sha256": "cd" * 32}
                for n in ("vault.json", "admin.db", "clinical.db")
            ]
        },
        {
            "members": [
                {"name": n, "size": 1, "sha256": "cd" * 32}
                for n in ("vault.json", "admin.db", "clinical.db", "evil")
            ]
        },
    ],
)
def test_malformed_manifest_is_damaged(changes: dict[str, object]) -> None:
    with pytest.raises(BackupDamagedError):
        parse_manifest(_edited(**changes))


def test_duplicate_keys_and_garbage_are_damaged() -> None:
    with pytest.raises(BackupDamagedError):
        parse_manifest(b'{"format": "medvault-backup", "format": "medvault-backup"}')
    with pytest.raises(BackupDamagedError):
        parse_manifest(b"\xff\xfe")
