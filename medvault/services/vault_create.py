"""Creating a vault: directory, two encrypted databases, header with the first practitioner's
slot and the recovery slot. Never over an existing vault or a non-empty directory."""

from __future__ import annotations

import contextlib
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from medvault.core.audit import AuditAction, AuditEvent
from medvault.core.clock import iso_utc
from medvault.core.errors import InvalidInputError, VaultExistsError, WeakPasswordError
from medvault.core.header import VaultHeader
from medvault.core.kdf import normalize_password
from medvault.core.keys import KeyBundle
from medvault.core.keyslot_format import SlotKind
from medvault.core.keyslots import create_slot
from medvault.core.password_policy import evaluate_password
from medvault.core.permissions import Area, Role
from medvault.core.recovery_code import generate_recovery_code, normalize_recovery_code
from medvault.core.users import User, validate_display_name, validate_login
from medvault.services import slot_registry
from medvault.services.backup_recovery import recovery_recipient_from_code, store_recovery_recipient
from medvault.services.config import ServiceConfig
from medvault.services.vault_files import (
    ADMIN_DB,
    BACKUP_RECIPIENT_KEY,
    CLINICAL_DB,
    VAULT_ID_KEY,
)
from medvault.storage import audit_repo, meta_repo, users_repo
from medvault.storage.database import close_database, open_database, transaction
from medvault.storage.header_store import save_header
from medvault.storage.migrations import ADMIN_MIGRATIONS, CLINICAL_MIGRATIONS, migrate
from medvault.storage.vault_lock import VaultLock


@dataclass(frozen=True)
class CreatedVault:
    directory: Path
    vault_id: str
    recovery_code: str  # shown once, never stored


def check_new_password(password: str, *context: str) -> None:
    verdict = evaluate_password(password, context)
    if not verdict.accepted:
        raise WeakPasswordError(fr=verdict.explain("fr"), en=verdict.explain("en"))


def _validate_practice_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not 1 <= len(cleaned) <= 120:
        raise InvalidInputError(
            fr="Le nom du cabinet doit faire 1 à 120 caractères.",
            en="The practice name must be 1 to 120 characters long.",
        )
    return cleaned


def _prepare_directory(directory: Path) -> None:
    if directory.exists():
        if not directory.is_dir() or any(directory.iterdir()):
            raise VaultExistsError()
        directory.chmod(0o700)  # patient files: owner only
        return
    if not directory.parent.is_dir():
        raise InvalidInputError(
            fr="Le dossier parent du coffre n'existe pas.",
            en="The vault's parent folder does not exist.",
        )
    directory.mkdir(mode=0o700)


def _backup_recipient(bundle: KeyBundle) -> bytes:
    assert bundle.backup_identity is not None
    identity = X25519PrivateKey.from_private_bytes(bytes(bundle.backup_identity.buffer))
    return identity.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def create_vault(
    directory: Path,
    *,
    practice_name: str,
    login: str,
    display_name: str,
    password: str,
    config: ServiceConfig,
) -> CreatedVault:
    practice_name = _validate_practice_name(practice_name)
    login = validate_login(login)
    display_name = validate_display_name(display_name)
    check_new_password(password, login, display_name, practice_name)
    existed = directory.exists()
    _prepare_directory(directory)
    lock = VaultLock(directory)
    bundle = KeyBundle.generate()
    try:
        lock.acquire()
        result = _build(
            directory,
            bundle,
            config,
            practice_name=practice_name,
            login=login,
            display_name=display_name,
            password=password,
        )
    except BaseException:
        lock.release()
        # Remove only what this call made: the directory was empty or absent before.
        if existed:
            for child in directory.iterdir():
                with contextlib.suppress(OSError):
                    child.unlink()
        else:
            shutil.rmtree(directory, ignore_errors=True)
        raise
    finally:
        bundle.wipe()
    lock.release()
    return result


def _build(
    directory: Path,
    bundle: KeyBundle,
    config: ServiceConfig,
    *,
    practice_name: str,
    login: str,
    display_name: str,
    password: str,
) -> CreatedVault:
    vault_id = str(uuid.uuid4())
    now = iso_utc(config.clock.now())
    recovery_code = generate_recovery_code()
    params = config.kdf.params()
    slots = (
        create_slot(
            vault_id=vault_id,
            kind=SlotKind.USER,
            login=login,
            role=Role.PRACTITIONER,
            secret=normalize_password(password),
            kdf=params,
            bundle=bundle,
            generation=1,
        ),
        create_slot(
            vault_id=vault_id,
            kind=SlotKind.RECOVERY,
            login=None,
            role=Role.PRACTITIONER,
            secret=normalize_recovery_code(recovery_code),
            kdf=params,
            bundle=bundle,
            generation=1,
        ),
    )
    header = VaultHeader(
        vault_id=vault_id,
        created=now,
        practice_name=practice_name,
        key_generation=1,
        backup_recipient=_backup_recipient(bundle),
        slots=slots,
    )
    recovery_recipient = recovery_recipient_from_code(recovery_code)
    admin = open_database(directory / ADMIN_DB, bundle.admin_key, create=True)
    try:
        migrate(admin, ADMIN_MIGRATIONS, ADMIN_DB)
        with transaction(admin, ADMIN_DB):
            meta_repo.put(admin, "settings", VAULT_ID_KEY, vault_id)
            meta_repo.put(admin, "settings", BACKUP_RECIPIENT_KEY, header.backup_recipient.hex())
            # Backups are also sealed to a key derived from the recovery code alone (see
            # SECURITY.md, backups): the printed sheet then opens a backup with nothing else.
            store_recovery_recipient(admin, recovery_recipient)
            users_repo.insert_user(
                admin,
                User(login, display_name, Role.PRACTITIONER, True, False, now, None),
            )
            audit_repo.append(
                admin,
                key=bundle.audit_key,
                vault_id=vault_id,
                timestamp=now,
                user_login=login,
                role=Role.PRACTITIONER,
                event=AuditEvent(AuditAction.VAULT_CREATE, Area.SYSTEM),
            )
    finally:
        close_database(admin)
    assert bundle.clinical_key is not None
    clinical = open_database(directory / CLINICAL_DB, bundle.clinical_key, create=True)
    try:
        migrate(clinical, CLINICAL_MIGRATIONS, CLINICAL_DB)
        with transaction(clinical, CLINICAL_DB):
            meta_repo.put(clinical, "clinical_meta", VAULT_ID_KEY, vault_id)
            for slot in slots:
                slot_registry.register(clinical, slot)
    finally:
        close_database(clinical)
    # The header goes last: a directory without it is not a vault, so a crash leaves none.
    save_header(directory, header)
    return CreatedVault(directory, vault_id, recovery_code)
