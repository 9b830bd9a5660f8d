"""The optional failed-login field of the header: absent in older headers, read leniently, still
under the checksum, and reset when a login gets a new password or is removed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medvault.core.errors import HeaderDamagedError
from medvault.core.header import VaultHeader, parse_header
from medvault.core.kdf import Argon2Params
from medvault.core.keys import KeyBundle
from medvault.core.keyslot_format import SlotKind
from medvault.core.keyslots import create_slot, rewrap_slot
from medvault.core.login_backoff import LoginFailures
from medvault.core.permissions import Role

KDF = Argon2Params(1, 64, 1)
VAULT = "3f1c7a52-0000-4000-8000-000000000002"
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def header() -> VaultHeader:
    bundle = KeyBundle.generate()
    slots = tuple(
        create_slot(
            vault_id=VAULT,
            kind=SlotKind.USER,
            login=login,
            role=role,
            secret=login.encode(),
            kdf=KDF,
            bundle=bundle,
            generation=1,
        )
        for login, role in (("doc", Role.PRACTITIONER), ("accueil", Role.RECEPTIONIST))
    )
    return VaultHeader(VAULT, "2026-01-01T00:00:00.000000Z", "Cabinet", 1, b"\x01" * 32, slots)


def _with_raw_failures(header: VaultHeader, value: Any) -> bytes:
    """Header bytes carrying `value` as the failures field, with a valid checksum: what someone
    who can write the folder could produce."""
    document = json.loads(header.to_bytes())
    document["body"]["login_failures"] = value
    canonical = json.dumps(
        document["body"], sort_keys=True, separators=(",", ":"), ensure_ascii=True
    ).encode()
    document["sha256"] = hashlib.sha256(canonical).hexdigest()
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=True) + "\n").encode()


def _failing(header: VaultHeader, *logins: str | None) -> VaultHeader:
    failures = LoginFailures()
    for login in logins:
        failures = failures.after_failure(login, NOW)
    return header.with_login_failures(failures)


def test_no_failures_means_no_field_so_older_headers_read_unchanged(header: VaultHeader) -> None:
    data = header.to_bytes()
    assert b"login_failures" not in data
    assert parse_header(data).login_failures == LoginFailures()


def test_round_trip_with_failures(header: VaultHeader) -> None:
    failing = _failing(header, "doc", "doc", None)
    data = failing.to_bytes()
    assert parse_header(data) == failing
    body = json.loads(data)["body"]
    assert body["login_failures"] == [
        {"login": "doc", "count": 2, "last": "2026-03-02T09:30:00.000000Z", "unaudited": 2},
        {"login": None, "count": 1, "last": "2026-03-02T09:30:00.000000Z", "unaudited": 1},
    ]


def test_failures_are_under_the_checksum(header: VaultHeader) -> None:
    data = _failing(header, "doc").to_bytes()
    damaged = data.replace(b'"count": 1', b'"count": 0')
    assert damaged != data
    with pytest.raises(HeaderDamagedError):
        parse_header(damaged)


def test_a_nonsensical_counter_with_a_valid_checksum_is_ignored(header: VaultHeader) -> None:
    junk = [{"login": "doc", "count": -5, "last": "never", "unaudited": None}, 7, "x"]
    parsed = parse_header(_with_raw_failures(header, junk))
    assert parsed.login_failures == LoginFailures()
    assert parsed.slots == header.slots
    # written back clean
    assert dataclasses.replace(parsed).to_bytes() == header.to_bytes()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_any_failures_value_keeps_the_header_readable(header: VaultHeader, value: Any) -> None:
    parsed = parse_header(_with_raw_failures(header, value))
    assert parsed.slots == header.slots
    for record in parsed.login_failures.records:
        assert record.login in {"doc", "accueil", None}


def test_extra_body_keys_are_still_damage(header: VaultHeader) -> None:
    document = json.loads(_with_raw_failures(header, []))
    document["body"]["other"] = 1
    with pytest.raises(HeaderDamagedError):
        parse_header(json.dumps(document).encode())


def test_new_password_or_removal_restarts_that_login_only(header: VaultHeader) -> None:
    failing = _failing(header, "doc", "accueil", None)
    slot = failing.user_slot("accueil")
    assert slot is not None
    new_slot = rewrap_slot(slot, vault_id=VAULT, old_secret=b"accueil", new_secret=b"neuf", kdf=KDF)
    rewrapped = failing.with_slot(new_slot)
    assert [r.login for r in rewrapped.login_failures.records] == ["doc", None]
    removed = failing.without_login("doc")
    assert [r.login for r in removed.login_failures.records] == ["accueil", None]
