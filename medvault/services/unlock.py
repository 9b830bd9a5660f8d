"""The one unlock path, shared by the desktop app and medvault-admin.

login + password -> slot -> keys -> databases opened with raw keys and verified by a first read.
A wrong login or password gives one generic error and writes nothing; the failed attempts this
process saw are put in the audit log by the next successful login."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from medvault.core.audit import AuditAction, AuditEvent, Outcome
from medvault.core.clock import iso_utc
from medvault.core.errors import VaultNotFoundError, WrongCredentialsError
from medvault.core.header import VaultHeader
from medvault.core.kdf import normalize_password
from medvault.core.keyslots import KeySlot, burn_kdf, open_slot
from medvault.core.permissions import Area
from medvault.core.recovery_code import normalize_recovery_code
from medvault.services.config import ServiceConfig
from medvault.services.key_rotation import finish_pending_rotation
from medvault.services.session import Session
from medvault.services.vault_files import open_vault_databases
from medvault.storage import users_repo
from medvault.storage.header_store import LoadedHeader, is_vault_dir, load_header, save_header
from medvault.storage.vault_lock import VaultLock


@dataclass
class LoginAttempts:
    """Failed attempts seen by this process (login tried, UTC time); never the password."""

    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, login: str, when: str) -> None:
        self.failures.append((login[:64], when))


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
) -> Session:
    attempts = attempts if attempts is not None else LoginAttempts()
    lock, loaded = _lock_and_load(directory)
    try:
        header = loaded.header
        slot = header.user_slot(login)
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
            attempts.add(login, _now(config))
            raise
    except BaseException:
        lock.release()
        raise
    try:
        _admit(session, login, attempts)
    except BaseException:
        session.abandon()  # keys wiped, lock released, nothing more written
        raise
    return session


def _admit(session: Session, login: str, attempts: LoginAttempts) -> None:
    user = users_repo.get_user(session.admin_db, login)
    if user is None or not user.active:
        # A slot without an active account (a crash while disabling): refuse as a bad password.
        attempts.add(login, session.now())
        raise WrongCredentialsError()
    session.must_change_password = user.must_change_password
    with session.admin_transaction() as conn:
        for tried, _when in attempts.failures:
            session.audit(
                AuditEvent(AuditAction.FAILED_LOGIN, Area.SYSTEM, Outcome.DENIED, target=tried)
            )
        users_repo.record_login(conn, login, session.now())
        session.audit(AuditEvent(AuditAction.LOGIN, Area.SYSTEM))
    attempts.failures.clear()


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


def _now(config: ServiceConfig) -> str:
    return iso_utc(config.clock.now())


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
        session.record(AuditEvent(AuditAction.RECOVERY_UNLOCK, Area.SYSTEM))
    except BaseException:
        session.abandon()
        raise
    return session
