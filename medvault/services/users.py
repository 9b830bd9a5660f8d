"""User accounts: add, change own password, reset, disable, list.

The header's key slots hold the keys; admin.db holds the account (name, role, state). Order of
writes: the slot is written before the account is enabled and removed after it is disabled, so a
crash in between never leaves a usable slot for a disabled account."""

from __future__ import annotations

import secrets

from medvault.core.audit import AuditAction, AuditEvent, Outcome
from medvault.core.errors import (
    LastPractitionerError,
    UnknownUserError,
    UserExistsError,
    WrongCredentialsError,
)
from medvault.core.kdf import normalize_password
from medvault.core.keyslot_format import KeySlot, SlotKind
from medvault.core.keyslots import create_slot, rewrap_slot
from medvault.core.permissions import Area, Permission, Role
from medvault.core.users import User, validate_display_name, validate_login
from medvault.services import slot_registry
from medvault.services.authz import requires
from medvault.services.session import Session
from medvault.services.vault_create import check_new_password
from medvault.storage import users_repo
from medvault.storage.database import transaction
from medvault.storage.header_store import save_header

_INITIAL_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"


def generate_initial_password() -> str:
    """A one-time password (20 characters, ~115 bits) the user replaces at first login."""
    chars = "".join(secrets.choice(_INITIAL_ALPHABET) for _ in range(20))
    return "-".join(chars[i : i + 5] for i in range(0, 20, 5))


def _install_slot(session: Session, login: str, role: Role, password: str) -> None:
    slot = create_slot(
        vault_id=session.header.vault_id,
        kind=SlotKind.USER,
        login=login,
        role=role,
        secret=normalize_password(password),
        kdf=session.config.kdf.params(),
        bundle=session.bundle,
        generation=session.header.key_generation,
    )
    previous = session.header.user_slot(login)
    with transaction(session.clinical_db, "clinical.db") as clinical:
        slot_registry.register(clinical, slot)
        if previous is not None:
            slot_registry.forget(clinical, previous.slot_id)
    header = session.header.with_slot(slot)
    save_header(session.directory, header)
    session.header = header


def _replace_slot_key_pair(session: Session, previous: KeySlot, secret: bytes) -> None:
    """A new slot (new key pair) for the same user. Order for a crash: registered, header
    written (the new slot replaces the old for this login), then the old one forgotten."""
    slot = create_slot(
        vault_id=session.header.vault_id,
        kind=SlotKind.USER,
        login=previous.login,
        role=previous.role,
        secret=secret,
        kdf=session.config.kdf.params(),
        bundle=session.bundle,
        generation=session.header.key_generation,
    )
    with transaction(session.clinical_db, "clinical.db") as clinical:
        slot_registry.register(clinical, slot)
    header = session.header.with_slot(slot)
    save_header(session.directory, header)
    session.header = header
    with transaction(session.clinical_db, "clinical.db") as clinical:
        slot_registry.forget(clinical, previous.slot_id)


@requires(Permission.USERS_MANAGE)
def add_user(session: Session, *, login: str, display_name: str, role: Role) -> str:
    """Create an account with a one-time initial password, returned once to show the user."""
    login = validate_login(login)
    display_name = validate_display_name(display_name)
    if users_repo.get_user(session.admin_db, login) is not None:
        raise UserExistsError()
    initial = generate_initial_password()
    _install_slot(session, login, role, initial)
    with session.admin_transaction() as conn:
        users_repo.insert_user(
            conn, User(login, display_name, role, True, True, session.now(), None)
        )
        session.audit(AuditEvent(AuditAction.USER_ADD, Area.SYSTEM, target=login))
    return initial


@requires(Permission.OWN_PASSWORD_CHANGE)
def change_own_password(session: Session, *, current: str, new: str) -> None:
    """A new slot for the new password; the database files are not re-encrypted.

    A practitioner's slot gets a new key pair (registered, the old one forgotten), so an old
    copy of vault.json and the old password open nothing sealed after a later rotation. A
    receptionist cannot write the slot registry (clinical.db): their key pair is kept and only
    re-wrapped under the new password (docs/SECURITY.md, known limitations)."""
    login = session.login
    slot = session.header.user_slot(login) if login else None
    if login is None or slot is None:
        raise UnknownUserError()
    user = users_repo.get_user(session.admin_db, login)
    check_new_password(new, login, user.display_name if user else "", session.header.practice_name)
    try:
        rewrapped = rewrap_slot(
            slot,
            vault_id=session.header.vault_id,
            old_secret=normalize_password(current),
            new_secret=normalize_password(new),
            kdf=session.config.kdf.params(),
        )
    except WrongCredentialsError:
        session.record(
            AuditEvent(AuditAction.USER_PASSWORD_CHANGE, Area.SYSTEM, Outcome.DENIED, target=login)
        )
        raise
    if session.has_clinical_access:
        _replace_slot_key_pair(session, slot, normalize_password(new))
    else:
        header = session.header.with_slot(rewrapped)
        save_header(session.directory, header)
        session.header = header
    with session.admin_transaction() as conn:
        users_repo.set_password_state(conn, login, must_change=False, active=True)
        session.audit(AuditEvent(AuditAction.USER_PASSWORD_CHANGE, Area.SYSTEM, target=login))
    session.must_change_password = False


@requires(Permission.USERS_MANAGE)
def reset_password(session: Session, *, login: str) -> str:
    """New slot with a one-time password (forgotten password, or re-enabling an account)."""
    user = users_repo.get_user(session.admin_db, login)
    if user is None:
        raise UnknownUserError()
    initial = generate_initial_password()
    _install_slot(session, login, user.role, initial)
    with session.admin_transaction() as conn:
        users_repo.set_password_state(conn, login, must_change=True, active=True)
        session.audit(AuditEvent(AuditAction.USER_PASSWORD_RESET, Area.SYSTEM, target=login))
    return initial


@requires(Permission.USERS_MANAGE)
def disable_user(session: Session, *, login: str) -> None:
    """Disable the account and remove its key slot. The former user may still remember keys
    they once unwrapped: offer rotate_keys() afterwards."""
    user = users_repo.get_user(session.admin_db, login)
    if user is None:
        raise UnknownUserError()
    if (
        user.role is Role.PRACTITIONER
        and user.active
        and users_repo.count_active(session.admin_db, Role.PRACTITIONER) <= 1
    ):
        raise LastPractitionerError()
    with session.admin_transaction() as conn:
        users_repo.disable_user(conn, login, session.now())
        session.audit(AuditEvent(AuditAction.USER_DISABLE, Area.SYSTEM, target=login))
    removed = session.header.user_slot(login)
    header = session.header.without_login(login)
    save_header(session.directory, header)
    session.header = header
    if removed is not None:
        with transaction(session.clinical_db, "clinical.db") as clinical:
            slot_registry.forget(clinical, removed.slot_id)


@requires(Permission.USERS_LIST)
def list_users(session: Session) -> list[User]:
    return users_repo.list_users(session.admin_db)
