"""An unlocked session: who is working, their keys, and the open databases.

Locking or closing checkpoints and closes the connections, overwrites the key buffers and releases
the vault lock: after that, nothing of the vault is readable through this object."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from medvault.core.audit import AuditAction, AuditEvent, Outcome
from medvault.core.clock import iso_utc
from medvault.core.errors import (
    MedVaultError,
    PasswordChangeRequiredError,
    PermissionDeniedError,
    VaultLockedError,
)
from medvault.core.header import VaultHeader
from medvault.core.keys import KeyBundle
from medvault.core.permissions import Area, Permission, Role
from medvault.services.config import ServiceConfig
from medvault.storage import audit_repo
from medvault.storage.database import (
    Connection,
    begin,
    close_database,
    commit,
    rollback,
    transaction,
)
from medvault.storage.vault_lock import VaultLock


@dataclass
class _Open:
    bundle: KeyBundle
    admin: Connection
    clinical: Connection | None
    lock: VaultLock


class Session:
    def __init__(
        self,
        *,
        directory: Path,
        header: VaultHeader,
        login: str | None,
        role: Role,
        must_change_password: bool,
        bundle: KeyBundle,
        admin: Connection,
        clinical: Connection | None,
        lock: VaultLock,
        config: ServiceConfig,
    ) -> None:
        self.directory = directory
        self.header = header
        self.login = login  # None for a session opened with the recovery code
        self.role = role
        self.must_change_password = must_change_password
        self.config = config
        self._open: _Open | None = _Open(bundle, admin, clinical, lock)

    # -- state -------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._open is not None

    @property
    def is_recovery(self) -> bool:
        return self.login is None

    @property
    def has_clinical_access(self) -> bool:
        return self._state().clinical is not None

    def _state(self) -> _Open:
        if self._open is None:
            raise VaultLockedError()
        return self._open

    @property
    def bundle(self) -> KeyBundle:
        return self._state().bundle

    @property
    def admin_db(self) -> Connection:
        return self._state().admin

    @property
    def clinical_db(self) -> Connection:
        """The clinical connection; a session without the clinical key has none at all."""
        clinical = self._state().clinical
        if clinical is None:
            raise PermissionDeniedError()
        return clinical

    def now(self) -> str:
        return iso_utc(self.config.clock.now())

    # -- permissions and audit ------------------------------------------------------------------
    def authorize(self, permission: Permission) -> None:
        """Refuse (and audit the refusal) unless the policy allows it; deny wins."""
        self._state()
        if self.must_change_password and permission is not Permission.OWN_PASSWORD_CHANGE:
            self.record(self._denial(permission))
            raise PasswordChangeRequiredError()
        if not self.config.policy.is_allowed(self.role, permission):
            self.record(self._denial(permission))
            raise PermissionDeniedError()
        if permission.area is Area.CLINICAL and self._state().clinical is None:
            self.record(self._denial(permission))
            raise PermissionDeniedError()

    @staticmethod
    def _denial(permission: Permission) -> AuditEvent:
        return AuditEvent(
            AuditAction.READ if permission.code.endswith("read") else AuditAction.UPDATE,
            permission.area,
            Outcome.DENIED,
            target=permission.code,
        )

    def audit(self, event: AuditEvent) -> None:
        """Append to the audit chain inside the caller's open admin transaction."""
        state = self._state()
        audit_repo.append(
            state.admin,
            key=state.bundle.audit_key,
            vault_id=self.header.vault_id,
            timestamp=self.now(),
            user_login=self.login,
            role=self.role,
            event=event,
        )

    def record(self, event: AuditEvent) -> None:
        """Audit in a transaction of its own."""
        with self.admin_transaction():
            self.audit(event)

    @contextlib.contextmanager
    def admin_transaction(self) -> Iterator[Connection]:
        with transaction(self.admin_db, "admin.db") as conn:
            yield conn

    @contextlib.contextmanager
    def clinical_transaction(self) -> Iterator[Connection]:
        """A clinical write and its audit record (in admin.db) together.

        Both transactions are open while the service works; the audit commits first, then the
        clinical change. A crash between the two leaves an audit record of a change that did not
        happen (reported, harmless), never a clinical change without its audit record."""
        admin, clinical = self.admin_db, self.clinical_db
        with transaction(admin, "admin.db"):
            begin(clinical, "clinical.db")
            try:
                yield clinical
            except BaseException:
                rollback(clinical)
                raise
            commit(admin, "admin.db")  # the audit record first ...
        try:
            commit(clinical, "clinical.db")  # ... then the clinical change
        except BaseException:
            rollback(clinical)
            raise

    # -- key changes (rotation) -----------------------------------------------------------------
    def close_databases(self) -> None:
        """Checkpoint and close both databases, keeping keys and lock (rotation reopens them)."""
        state = self._state()
        for conn in (state.clinical, state.admin):
            if conn is not None:
                close_database(conn)

    def replace_keys(
        self,
        header: VaultHeader,
        bundle: KeyBundle,
        admin: Connection,
        clinical: Connection | None,
    ) -> None:
        state = self._state()
        if state.bundle is not bundle:
            state.bundle.wipe()
        self.header = header
        self._open = _Open(bundle, admin, clinical, state.lock)

    def abandon(self) -> None:
        """End without writing anything (not even the audit): the session must not go on."""
        state = self._open
        self._open = None
        if state is None:
            return
        try:
            for conn in (state.clinical, state.admin):
                if conn is not None:
                    with contextlib.suppress(Exception):
                        conn.close()
        finally:
            state.bundle.wipe()
            state.lock.release()

    # -- end of session -------------------------------------------------------------------------
    def lock(self) -> None:
        """Lock: the keys are gone, not hidden. Unlocking again goes through the password."""
        self._end(AuditAction.LOCK)

    def close(self) -> None:
        self._end(AuditAction.LOGOUT)

    def _end(self, action: AuditAction) -> None:
        state = self._open
        if state is None:
            return
        try:
            with contextlib.suppress(MedVaultError):
                self.record(AuditEvent(action, Area.SYSTEM))
        finally:
            self._open = None
            try:
                for conn in (state.clinical, state.admin):
                    if conn is not None:
                        close_database(conn)
            finally:
                state.bundle.wipe()
                state.lock.release()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
