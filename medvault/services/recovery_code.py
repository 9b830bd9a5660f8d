"""A new recovery code, for a practice whose recovery sheet is lost or was seen by someone.

The recovery slot is rebuilt for the new code (the old code no longer opens the vault) and the
backup recovery recipient is replaced (backups made from now on open with the new sheet; older
backups still open with the old sheet, or with a practitioner's keys). The caller generates the
code and shows it, and calls this only once the user has written it down and typed part of it
back: nothing changes before that.

Order, for a crash half-way: the new slot is registered in clinical.db, then the header is
written (from then on only the new code opens the vault), then admin.db gets the new recipient
and the audit record. A crash before the header leaves the old code valid; after it, the new
code (never shown: the call did not return) is what a second attempt replaces. Backups are also
sealed to the practice's own backup key, so none becomes unreadable in between."""

from __future__ import annotations

from medvault.core.audit import AuditAction, AuditEvent, Outcome
from medvault.core.errors import PermissionDeniedError, UnknownUserError, WrongCredentialsError
from medvault.core.kdf import normalize_password
from medvault.core.keyslot_format import SlotKind
from medvault.core.keyslots import create_slot, open_slot
from medvault.core.permissions import Area, Permission, Role
from medvault.core.recovery_code import normalize_recovery_code
from medvault.services import slot_registry
from medvault.services.authz import requires
from medvault.services.backup_recovery import recovery_recipient_from_code, store_recovery_recipient
from medvault.services.session import Session
from medvault.storage.database import transaction
from medvault.storage.header_store import save_header

AUDIT_TARGET = "recovery_code"


def _event(outcome: Outcome = Outcome.SUCCESS) -> AuditEvent:
    return AuditEvent(AuditAction.KEY_ROTATION, Area.SYSTEM, outcome, target=AUDIT_TARGET)


def _check_password(session: Session, password: str) -> None:
    """The user's own password again, as for any change of keys (refusals audited)."""
    login = session.login
    slot = session.header.user_slot(login) if login is not None else None
    if slot is None:
        raise UnknownUserError()
    try:
        bundle = open_slot(
            slot,
            vault_id=session.header.vault_id,
            secret=normalize_password(password),
            generation=session.header.key_generation,
        )
    except WrongCredentialsError:
        session.record(_event(Outcome.DENIED))
        raise
    bundle.wipe()


@requires(Permission.KEYS_ROTATE)
def check_password_for_recovery_code(session: Session, *, password: str) -> None:
    """Ask for the password before a new code is shown (WrongCredentialsError, audited)."""
    _check_password(session, password)


@requires(Permission.KEYS_ROTATE)
def replace_recovery_code(session: Session, *, password: str, new_code: str) -> None:
    """Make `new_code` the vault's recovery code (see the module's text)."""
    if session.bundle.clinical_key is None or session.bundle.backup_identity is None:
        raise PermissionDeniedError()  # the recovery slot holds every key: only a full bundle
    secret = normalize_recovery_code(new_code)  # InvalidInputError for a malformed code
    _check_password(session, password)
    header = session.header
    slot = create_slot(
        vault_id=header.vault_id,
        kind=SlotKind.RECOVERY,
        login=None,
        role=Role.PRACTITIONER,
        secret=secret,
        kdf=session.config.kdf.params(),
        bundle=session.bundle,
        generation=header.key_generation,
    )
    recipient = recovery_recipient_from_code(new_code)
    previous = header.recovery_slot()
    with transaction(session.clinical_db, "clinical.db") as clinical:
        slot_registry.register(clinical, slot)
    fresh = header.with_slot(slot)
    save_header(session.directory, fresh)
    session.header = fresh
    if previous is not None:
        with transaction(session.clinical_db, "clinical.db") as clinical:
            slot_registry.forget(clinical, previous.slot_id)
    with session.admin_transaction() as admin:
        store_recovery_recipient(admin, recipient)
        session.audit(_event())
