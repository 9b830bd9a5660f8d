"""Failed-login back-off through the one unlock path: counted in the header (so a restart does
not reset it), refused before Argon2id during the delay, never a permanent lockout, audited at
the next successful unlock without the typed text."""

from __future__ import annotations

import errno
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from medvault.core.errors import LoginThrottledError, WrongCredentialsError
from medvault.core.kdf import KdfProfile
from medvault.core.login_backoff import LoginFailures
from medvault.services import unlock as unlock_module
from medvault.services import users
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import (
    UNKNOWN_LOGIN,
    LoginAttempts,
    unlock,
    unlock_with_recovery_code,
)
from medvault.storage import header_store
from medvault.storage.header_store import HEADER_COPY_NAME, HEADER_NAME, load_header
from tests.conftest import (
    CHEAP_KDF,
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.helpers import snapshot

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
WRONG = "Pas-le-bon-mot-de-passe-9!"


@dataclass
class SteppingClock:
    """A clock the test moves by hand."""

    moment: datetime = START

    def now(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def cfg(clock: SteppingClock) -> ServiceConfig:
    return ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF), clock=clock)


def _try(vault: VaultInfo, cfg: ServiceConfig, login: str, password: str = WRONG) -> Session:
    # A fresh LoginAttempts each time: as after a restart of the application.
    return unlock(vault.directory, login, password, config=cfg, attempts=LoginAttempts())


def _fail(vault: VaultInfo, cfg: ServiceConfig, login: str, times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(WrongCredentialsError):
            _try(vault, cfg, login)


def _failed_login_targets(session: Session) -> list[str]:
    rows = session.admin_db.execute(
        "SELECT target FROM audit_log WHERE action = 'failed_login' ORDER BY seq"
    ).fetchall()
    return [r[0] for r in rows]


def _forbid_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Argon2id ran during the back-off delay")

    monkeypatch.setattr(unlock_module, "open_slot", refuse)
    monkeypatch.setattr(unlock_module, "burn_kdf", refuse)


def test_four_failures_cost_nothing_the_fifth_starts_a_delay_checked_before_argon2(
    vault: VaultInfo, cfg: ServiceConfig, clock: SteppingClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail(vault, cfg, PRACTITIONER_LOGIN, 4)
    _fail(vault, cfg, PRACTITIONER_LOGIN)  # the 5th is still checked ...
    before = snapshot(vault.directory)
    with monkeypatch.context() as patched:
        _forbid_argon2(patched)
        clock.advance(10)
        # ... and from then on even the right password waits, before any derivation.
        with pytest.raises(LoginThrottledError) as caught:
            _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert caught.value.wait_seconds == 20
    assert "attendez 20 secondes" in caught.value.message("fr")
    assert "wait 20 seconds" in caught.value.message("en")
    assert snapshot(vault.directory) == before  # a refused attempt is not a new failure
    clock.advance(20)
    with _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert _failed_login_targets(session) == [PRACTITIONER_LOGIN] * 5
        last = session.admin_db.execute(
            "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()[0]
        assert last == "login"
    assert load_header(vault.directory).header.login_failures == LoginFailures()


def test_the_delay_doubles_up_to_fifteen_minutes_and_never_locks_out(
    vault: VaultInfo, cfg: ServiceConfig, clock: SteppingClock
) -> None:
    _fail(vault, cfg, PRACTITIONER_LOGIN, 5)
    waits = []
    for _ in range(8):
        with pytest.raises(LoginThrottledError) as caught:
            _try(vault, cfg, PRACTITIONER_LOGIN)
        waits.append(caught.value.wait_seconds)
        clock.advance(caught.value.wait_seconds)
        _fail(vault, cfg, PRACTITIONER_LOGIN)
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]
    clock.advance(900)
    with _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert len(_failed_login_targets(session)) == 13


def test_each_login_has_its_own_counter(
    vault: VaultInfo, cfg: ServiceConfig, clock: SteppingClock
) -> None:
    _fail(vault, cfg, RECEPTIONIST_LOGIN, 5)
    with pytest.raises(LoginThrottledError):
        _try(vault, cfg, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    # the practitioner is not held back by reception's failures, and her success leaves
    # reception's delay in place (only marked as audited)
    with _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert _failed_login_targets(session) == [RECEPTIONIST_LOGIN] * 5
    with pytest.raises(LoginThrottledError):
        _try(vault, cfg, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    record = load_header(vault.directory).header.login_failures.get(RECEPTIONIST_LOGIN)
    assert record is not None
    assert (record.count, record.unaudited) == (5, 0)
    clock.advance(30)
    with _try(vault, cfg, RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        assert _failed_login_targets(session) == [RECEPTIONIST_LOGIN] * 5  # not twice


def test_unknown_logins_share_one_anonymous_counter_and_are_never_written(
    vault: VaultInfo, cfg: ServiceConfig
) -> None:
    typed = ["nobody", "Ortie-Gravier", "dr.martn", "secretaire", "Zeugma-Sept"]
    for login in typed:
        _fail(vault, cfg, login)
    with pytest.raises(LoginThrottledError):
        _try(vault, cfg, "another-one")
    everything = b"".join(snapshot(vault.directory).values())
    for login in typed:
        assert login.encode() not in everything
    with _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert _failed_login_targets(session) == [UNKNOWN_LOGIN] * 5
        stored = session.admin_db.execute("SELECT target FROM audit_log").fetchall()
    for login in typed:
        assert (login,) not in stored


def test_recovery_code_audits_pending_failures_and_restarts_every_counter(
    vault: VaultInfo, cfg: ServiceConfig
) -> None:
    _fail(vault, cfg, PRACTITIONER_LOGIN, 5)
    _fail(vault, cfg, "nobody")
    with pytest.raises(LoginThrottledError):
        _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    with unlock_with_recovery_code(vault.directory, vault.recovery_code, config=cfg) as session:
        assert sorted(_failed_login_targets(session)) == sorted(
            [PRACTITIONER_LOGIN] * 5 + [UNKNOWN_LOGIN]
        )
    assert load_header(vault.directory).header.login_failures == LoginFailures()
    # no delay left to wait out (the clock has not moved), and nothing audited twice
    with _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert len(_failed_login_targets(session)) == 6


def _with_raw_failures(vault: VaultInfo, value: Any) -> None:
    """Write a header carrying `value` as the counter, checksum valid, both copies."""
    path = vault.directory / HEADER_NAME
    document = json.loads(path.read_bytes())
    document["body"]["login_failures"] = value
    canonical = json.dumps(
        document["body"], sort_keys=True, separators=(",", ":"), ensure_ascii=True
    ).encode()
    document["sha256"] = hashlib.sha256(canonical).hexdigest()
    data = (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=True) + "\n").encode()
    path.write_bytes(data)
    (vault.directory / HEADER_COPY_NAME).write_bytes(data)


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        [{"login": PRACTITIONER_LOGIN, "count": "many", "last": 0, "unaudited": -1}],
        [
            {
                "login": PRACTITIONER_LOGIN,
                "count": 10**6,
                "last": "2099-01-01T00:00:00Z",
                "unaudited": 0,
            }
        ],
    ],
)
def test_a_corrupted_counter_neither_locks_out_nor_breaks_the_unlock(
    vault: VaultInfo, cfg: ServiceConfig, value: Any
) -> None:
    _with_raw_failures(vault, value)
    with _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.is_open
    assert load_header(vault.directory).header.login_failures == LoginFailures()


def test_an_absurd_counter_waits_at_most_fifteen_minutes(
    vault: VaultInfo, cfg: ServiceConfig, clock: SteppingClock
) -> None:
    last = START.isoformat().replace("+00:00", "Z")
    _with_raw_failures(
        vault, [{"login": PRACTITIONER_LOGIN, "count": 10**6, "last": last, "unaudited": 0}]
    )
    with pytest.raises(LoginThrottledError) as caught:
        _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert caught.value.wait_seconds == 900
    clock.advance(900)
    with _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.is_open


def test_a_header_being_repaired_is_not_rewritten_by_a_failure(
    vault: VaultInfo, cfg: ServiceConfig
) -> None:
    copy = vault.directory / HEADER_COPY_NAME
    copy.write_bytes(b"damaged")
    before = snapshot(vault.directory)
    attempts = LoginAttempts()
    for login in (PRACTITIONER_LOGIN, "typed-by-mistake"):
        with pytest.raises(WrongCredentialsError):
            unlock(vault.directory, login, WRONG, config=cfg, attempts=attempts)
    assert snapshot(vault.directory) == before
    # counted in this process only, an unknown login without what was typed
    assert [login for login, _when in attempts.failures] == [PRACTITIONER_LOGIN, None]
    with unlock(
        vault.directory, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=cfg, attempts=attempts
    ) as session:
        assert _failed_login_targets(session) == [PRACTITIONER_LOGIN, UNKNOWN_LOGIN]
    assert attempts.failures == []
    assert copy.read_bytes() == (vault.directory / HEADER_NAME).read_bytes()  # repaired


def test_a_new_password_restarts_the_counter(vault: VaultInfo, cfg: ServiceConfig) -> None:
    _fail(vault, cfg, RECEPTIONIST_LOGIN, 5)
    with pytest.raises(LoginThrottledError):
        _try(vault, cfg, RECEPTIONIST_LOGIN)
    with _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        initial = users.reset_password(session, login=RECEPTIONIST_LOGIN)
    with _try(vault, cfg, RECEPTIONIST_LOGIN, initial) as session:
        assert session.must_change_password


def test_lock_and_unlock_are_audited(vault: VaultInfo, cfg: ServiceConfig) -> None:
    session = _try(vault, cfg, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    session.lock()
    resumed = unlock(
        vault.directory, PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, config=cfg, resuming=True
    )
    with resumed:
        rows = resumed.admin_db.execute(
            "SELECT action, user_login FROM audit_log ORDER BY seq DESC LIMIT 3"
        ).fetchall()
    assert rows == [
        ("unlock", PRACTITIONER_LOGIN),
        ("lock", PRACTITIONER_LOGIN),
        ("login", PRACTITIONER_LOGIN),
    ]


def _read_only_header(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise OSError(errno.EROFS, "read-only file system")

    monkeypatch.setattr(header_store.os, "replace", refuse)


def test_a_header_that_cannot_be_written_still_reports_the_wrong_password(
    vault: VaultInfo, cfg: ServiceConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(vault.directory)
    attempts = LoginAttempts()
    with monkeypatch.context() as patched:
        _read_only_header(patched)
        with pytest.raises(WrongCredentialsError):
            unlock(vault.directory, PRACTITIONER_LOGIN, WRONG, config=cfg, attempts=attempts)
        assert [login for login, _when in attempts.failures] == [PRACTITIONER_LOGIN]
        # ... and a successful unlock still opens when the counter cannot be cleared
        _fail(vault, cfg, RECEPTIONIST_LOGIN)  # not counted either
    assert snapshot(vault.directory) == before
    _fail(vault, cfg, RECEPTIONIST_LOGIN)  # counted now
    with monkeypatch.context() as patched:
        _read_only_header(patched)
        session = unlock(
            vault.directory,
            PRACTITIONER_LOGIN,
            PRACTITIONER_PASSWORD,
            config=cfg,
            attempts=attempts,
        )
        with session:
            assert _failed_login_targets(session) == [RECEPTIONIST_LOGIN, PRACTITIONER_LOGIN]
    record = load_header(vault.directory).header.login_failures.get(RECEPTIONIST_LOGIN)
    assert record is not None
    assert record.unaudited == 1  # not cleared: audited again next time rather than never
