"""The one unlock path, shared by the desktop app and medvault-admin.

login + password -> slot -> keys -> databases opened with raw keys and verified by a first read.
A wrong login or password gives one generic error and touches no database.

Failed attempts are counted in the vault header (core/login_backoff.py): from the 5th failure in
a row for a login, the next attempt must wait (30 s doubling, at most 15 minutes) and is refused
before Argon2id runs. Unknown logins share one anonymous counter: what was typed is never kept.
The encrypted audit trail can only be written once a vault is open, so failures are audited by
the next successful unlock, then marked as audited."""

from __future__ import annotations

import contextlib
import logging
import math
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from medvault.core.audit import AuditAction, AuditEvent, Outcome
from medvault.core.clock import iso_utc
from medvault.core.errors import (
    KnownError,
    LoginThrottledError,
    VaultNotFoundError,
    WrongCredentialsError,
)
from medvault.core.header import VaultHeader
from medvault.core.kdf import normalize_password
from medvault.core.keyslot_format import KeySlot
from medvault.core.keyslots import burn_kdf, open_slot
from medvault.core.login_backoff import LoginFailures
from medvault.core.permissions import Area
from medvault.core.recovery_code import normalize_recovery_code
from medvault.services.config import ServiceConfig
from medvault.services.key_rotation import finish_pending_rotation
from medvault.services.merge_completion import complete_deferred_merges
from medvault.services.session import Session
from medvault.services.vault_files import open_vault_databases
from medvault.storage import users_repo
from medvault.storage.header_store import LoadedHeader, is_vault_dir, load_header, save_header
from medvault.storage.vault_lock import VaultLock

# The audit target of failures with a login that has no slot. Logins start with a letter or a
# digit, so this cannot be anyone's login; what was typed is never recorded.
UNKNOWN_LOGIN = "*unknown*"

log = logging.getLogger(__name__)


@dataclass
class LoginAttempts:
    """Failed attempts this process could not count in the header (a header being repaired, a
    read-only disk): (existing login or None for an unknown one, UTC time). Audited by the next
    successful unlock in this process. Never the password, never a typed unknown login."""

    failures: list[tuple[str | None, str]] = field(default_factory=list)

    def add(self, login: str | None, when: str) -> None:
        self.failures.append((login, when))


def _reject_unknown_login(header: VaultHeader, secret: bytes) -> NoReturn:
    # Same Argon2id cost as a real slot, so timing does not tell which logins exist.
    if header.slots:
        burn_kdf(secret, header.slots[0].kdf)
    raise WrongCredentialsError()


def _start_session(
    *,
    directory: Path,
    header: VaultHeader,
    slot: KeySlot,
    secret: bytes,
    config: ServiceConfig,
    lock: VaultLock,
    repair_header: bool,
) -> Session:
    bundle = open_slot(
        slot, vault_id=header.vault_id, secret=secret, generation=header.key_generation
    )
    try:
        header, bundle = finish_pending_rotation(directory, header, slot, secret, bundle)
        databases = open_vault_databases(directory, bundle, header)
    except BaseException:
        bundle.wipe()
        raise
    if repair_header:
        try:
            save_header(directory, header)  # the keys proved this header good: restore its twin
        except BaseException:
            databases.close()
            bundle.wipe()
            raise
    return Session(
        directory=directory,
        header=header,
        login=slot.login,
        role=slot.role,
        must_change_password=False,
        bundle=bundle,
        admin=databases.admin,
        clinical=databases.clinical,
        lock=lock,
        config=config,
    )


def unlock(
    directory: Path,
    login: str,
    password: str,
    *,
    config: ServiceConfig,
    attempts: LoginAttempts | None = None,
    resuming: bool = False,
) -> Session:
    """Open a session. LoginThrottledError (before any password check) while the login's
    back-off delay runs; WrongCredentialsError for a wrong login or password.

    `resuming`: the same user unlocks a session that was locked (audited as an unlock rather
    than a new login)."""
    attempts = attempts if attempts is not None else LoginAttempts()
    lock, loaded = _lock_and_load(directory)
    try:
        header = loaded.header
        slot = header.user_slot(login)
        bucket = slot.login if slot is not None else None
        _refuse_during_delay(header.login_failures, bucket, config.clock.now())
        secret = normalize_password(password)
        try:
            if slot is None:
                _reject_unknown_login(header, secret)
            session = _start_session(
                directory=directory,
                header=header,
                slot=slot,
                secret=secret,
                config=config,
                lock=lock,
                repair_header=loaded.needs_repair,
            )
        except WrongCredentialsError:
            _count_failure(directory, loaded, bucket, config.clock.now(), attempts)
            raise
    except BaseException:
        lock.release()
        raise
    try:
        _admit(session, login, attempts, loaded.header.login_failures, resuming=resuming)
    except BaseException:
        session.abandon()  # keys wiped, lock released, nothing more written
        raise
    _housekeeping(session)
    return session


def _housekeeping(session: Session) -> None:
    """A practitioner's login finishes the clinical half of reception's merges. A failure here
    must not refuse the login: the next practitioner login tries again."""
    if not session.has_clinical_access or session.must_change_password:
        return
    try:
        complete_deferred_merges(session)
    except KnownError as error:
        log.warning("deferred merges not completed: %s", type(error).__name__)


def _refuse_during_delay(failures: LoginFailures, bucket: str | None, now: datetime) -> None:
    wait = failures.remaining_wait(bucket, now)
    if wait.total_seconds() > 0:
        raise LoginThrottledError(math.ceil(wait.total_seconds()))


def _count_failure(
    directory: Path,
    loaded: LoadedHeader,
    bucket: str | None,
    when: datetime,
    attempts: LoginAttempts,
) -> None:
    """Count the failure in the header; in this process only if the header cannot be written.
    Never raises: the caller reports the wrong password."""
    if not loaded.needs_repair:  # a twin we could not verify is repaired only by a good login
        failures = loaded.header.login_failures.after_failure(bucket, when)
        with contextlib.suppress(KnownError):
            save_header(directory, loaded.header.with_login_failures(failures))
            return
    attempts.add(bucket, iso_utc(when))


def _audit_failures(session: Session, pending: LoginFailures, attempts: LoginAttempts) -> None:
    """Inside an open admin transaction: one record per failure not yet audited."""
    tried = [(r.login, r.unaudited) for r in pending.records]
    tried += [(login, 1) for login, _when in attempts.failures]
    for login, count in tried:
        for _ in range(count):
            session.audit(
                AuditEvent(
                    AuditAction.FAILED_LOGIN,
                    Area.SYSTEM,
                    Outcome.DENIED,
                    target=login if login is not None else UNKNOWN_LOGIN,
                )
            )


def _store_failures(session: Session, failures: LoginFailures) -> None:
    """After the failures were audited. If the header cannot be written the session still
    opens: the counter restarts at the next successful unlock (and the failures, audited
    again then, show twice rather than never)."""
    if failures == session.header.login_failures:
        return
    header = session.header.with_login_failures(failures)
    with contextlib.suppress(KnownError):
        save_header(session.directory, header)
        session.header = header


def _admit(
    session: Session,
    login: str,
    attempts: LoginAttempts,
    pending: LoginFailures,
    *,
    resuming: bool,
) -> None:
    user = users_repo.get_user(session.admin_db, login)
    if user is None or not user.active:
        # A slot without an active account (a crash while disabling): refuse as a bad password.
        attempts.add(login, session.now())
        raise WrongCredentialsError()
    session.must_change_password = user.must_change_password
    with session.admin_transaction() as conn:
        _audit_failures(session, pending, attempts)
        users_repo.record_login(conn, login, session.now())
        action = AuditAction.UNLOCK if resuming else AuditAction.LOGIN
        session.audit(AuditEvent(action, Area.SYSTEM))
    attempts.failures.clear()
    _store_failures(session, pending.after_success(login))


def _lock_and_load(directory: Path) -> tuple[VaultLock, LoadedHeader]:
    """Take the vault lock, then read the header: never act on a header another process is
    about to replace. Nothing is created in a folder that is not a vault."""
    if not directory.is_dir() or not is_vault_dir(directory):
        raise VaultNotFoundError()
    lock = VaultLock(directory)
    lock.acquire()
    try:
        return lock, load_header(directory)
    except BaseException:
        lock.release()
        raise


def unlock_with_recovery_code(directory: Path, code: str, *, config: ServiceConfig) -> Session:
    """Open with the recovery sheet: full access, to reset a forgotten practitioner password."""
    secret = normalize_recovery_code(code)
    lock, loaded = _lock_and_load(directory)
    slot = loaded.header.recovery_slot()
    try:
        if slot is None:
            raise WrongCredentialsError()
        session = _start_session(
            directory=directory,
            header=loaded.header,
            slot=slot,
            secret=secret,
            config=config,
            lock=lock,
            repair_header=loaded.needs_repair,
        )
    except BaseException:
        lock.release()
        raise
    try:
        with session.admin_transaction():
            _audit_failures(session, loaded.header.login_failures, LoginAttempts())
            session.audit(AuditEvent(AuditAction.RECOVERY_UNLOCK, Area.SYSTEM))
    except BaseException:
        session.abandon()
        raise
    # Whoever holds the recovery sheet holds the vault: every counter restarts (a practitioner
    # who just reset a forgotten password must not then wait out a delay).
    _store_failures(session, LoginFailures())
    return session
