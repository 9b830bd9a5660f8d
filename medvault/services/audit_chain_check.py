"""The audit chain check, run away from the session's thread.

On a practice's log (a year of records, hundreds of thousands) the check takes seconds. It is
prepared on the session's thread (permission checked, the keys it needs copied) and run on a
worker thread with a read-only connection of its own, so the audit window stays usable and the
session's connection is never shared between threads. The copies of the keys are wiped when the
check ends or is dropped."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from medvault.core.audit import ChainReport
from medvault.core.audit_retention import verify_archive_and_live
from medvault.core.permissions import Permission
from medvault.core.secrets import SecretKey
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.services.vault_files import ADMIN_DB
from medvault.storage import audit_repo
from medvault.storage.database import Connection, close_reader, open_reader, read_snapshot

_T = TypeVar("_T")
# How many records between two looks at the cancel flag (about 10 ms of checking).
_CANCEL_STRIDE = 1000


class _CancelledError(Exception):
    pass


def _never() -> bool:
    return False


class ChainCheck:
    """One check, to run once (on any thread) then drop."""

    def __init__(self, admin_path: Path, admin_key: SecretKey, audit_key: SecretKey, vault_id: str):
        self._admin_path = admin_path
        self._admin_key = admin_key
        self._audit_key = audit_key
        self._vault_id = vault_id

    def run(self, cancelled: Callable[[], bool] = _never) -> ChainReport | None:
        """The report, or None when `cancelled()` turned true first. KnownError if admin.db
        cannot be read. The keys are wiped afterwards either way."""
        try:
            conn = open_reader(self._admin_path, self._admin_key)
            try:
                with read_snapshot(conn, ADMIN_DB):
                    return chain_report(conn, self._audit_key, self._vault_id, cancelled)
            finally:
                close_reader(conn)
        except _CancelledError:
            return None
        finally:
            self.discard()

    def discard(self) -> None:
        self._admin_key.wipe()
        self._audit_key.wipe()


def chain_report(
    conn: Connection,
    audit_key: SecretKey,
    vault_id: str,
    cancelled: Callable[[], bool] = _never,
) -> ChainReport:
    """The whole chain as `conn` sees it, archive then live, the archive's end checked against
    the latest checkpoint (raises _CancelledError once `cancelled()` turns true)."""
    return verify_archive_and_live(
        audit_key,
        vault_id,
        archived=_watch(audit_repo.iter_archived(conn), cancelled),
        live=_watch(audit_repo.iter_live(conn), cancelled),
        head=audit_repo.read_head(conn),
        last_checkpoint=audit_repo.latest_checkpoint(conn),
    )


def _watch(items: Iterable[_T], cancelled: Callable[[], bool]) -> Iterator[_T]:
    for count, item in enumerate(items, 1):
        if count % _CANCEL_STRIDE == 0 and cancelled():
            raise _CancelledError()
        yield item
    if cancelled():
        raise _CancelledError()


@requires(Permission.AUDIT_READ)
def prepare_chain_check(session: Session) -> ChainCheck:
    """A check of the whole chain (archive then live) as `verify_audit_trail` does it."""
    bundle = session.bundle
    return ChainCheck(
        session.directory / ADMIN_DB,
        bundle.admin_key.copy(),
        bundle.audit_key.copy(),
        session.header.vault_id,
    )
