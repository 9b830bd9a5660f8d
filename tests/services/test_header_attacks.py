"""Someone who can write the vault folder but holds no key: what they can and cannot do."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path

import pytest

from medvault.core.errors import DatabaseKeyMismatchError, HeaderDamagedError
from medvault.core.header import VaultHeader, parse_header
from medvault.core.keys import KeyBundle
from medvault.core.keyslot_format import SlotKind
from medvault.core.keyslots import create_slot, open_slot, reseal_slot
from medvault.core.permissions import Role
from medvault.services import checks, users
from medvault.services.key_rotation import PENDING_NAME, rotate_keys
from medvault.storage.database import open_database
from medvault.storage.header_store import save_header, write_atomically
from tests.conftest import (
    CHEAP_KDF,
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)
from tests.services.test_key_rotation import crash_after_admin_rekey


def _header(vault: VaultInfo) -> VaultHeader:
    return parse_header((vault.directory / "vault.json").read_bytes())


def test_forged_pending_rotation_is_not_believed(vault: VaultInfo) -> None:
    header = _header(vault)
    attacker = KeyBundle.generate()  # keys the attacker would like the vault to adopt
    forged = replace(
        header,
        key_generation=header.key_generation + 1,
        slots=tuple(
            reseal_slot(s, vault_id=header.vault_id, bundle=attacker, generation=2)
            for s in header.slots
        ),
    )
    write_atomically(vault.directory / PENDING_NAME, forged.to_bytes())
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.header.key_generation == header.key_generation
        assert checks.check_vault(session).ok
    assert attacker.clinical_key is not None
    with pytest.raises(DatabaseKeyMismatchError):
        open_database(vault.directory / "clinical.db", attacker.clinical_key)
    assert (vault.directory / "vault.json").read_bytes() == header.to_bytes()


def test_planted_slot_is_not_given_the_rotated_keys(vault: VaultInfo) -> None:
    header = _header(vault)
    planted = create_slot(
        vault_id=header.vault_id,
        kind=SlotKind.USER,
        login="intrus",
        role=Role.PRACTITIONER,
        secret=b"intrus",
        kdf=CHEAP_KDF,
        bundle=KeyBundle.generate(),
        generation=header.key_generation,
    )
    save_header(vault.directory, header.with_slot(planted))
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        rotate_keys(session)
        assert session.header.user_slot("intrus") is None
        assert session.header.user_slot(RECEPTIONIST_LOGIN) is not None
        assert session.header.recovery_slot() is not None
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        assert session.header.key_generation == 2


def test_swapped_backup_recipient_is_refused(vault: VaultInfo) -> None:
    header = _header(vault)
    save_header(vault.directory, replace(header, backup_recipient=b"\x07" * 32))
    with pytest.raises(HeaderDamagedError) as caught:
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    assert "backup key" in caught.value.message("en")


def test_receptionist_during_an_unfinished_rotation_never_loses_the_clinical_key(
    vault: VaultInfo,
) -> None:
    crash_after_admin_rekey(vault)
    # crash: clinical.db still has the old key

    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        users.change_own_password(
            session, current=RECEPTIONIST_PASSWORD, new="Falaise~Orage~31~Cerise"
        )
    # The header the receptionist wrote still lets the practitioner finish the rotation.
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.header.key_generation == 2
        assert checks.check_vault(session).ok
    assert not (vault.directory / PENDING_NAME).exists()


def test_low_order_ephemeral_key_is_header_damage(vault: VaultInfo) -> None:
    header = _header(vault)
    slot = header.user_slot(PRACTITIONER_LOGIN)
    assert slot is not None
    broken = replace(slot, sealed_bundle=b"\x00" * 32 + slot.sealed_bundle[32:])
    from medvault.core.kdf import normalize_password

    with pytest.raises(HeaderDamagedError):
        open_slot(
            broken,
            vault_id=header.vault_id,
            secret=normalize_password(PRACTITIONER_PASSWORD),
            generation=header.key_generation,
        )


def test_vault_files_are_private_to_the_owner(vault: VaultInfo) -> None:
    assert stat.S_IMODE(vault.directory.stat().st_mode) == 0o700
    for name in ("admin.db", "clinical.db", "vault.json", "vault.json.copy"):
        mode = stat.S_IMODE((vault.directory / name).stat().st_mode)
        assert mode == 0o600, (name, oct(mode))


def test_existing_empty_folder_is_made_private(tmp_path: Path, vault: VaultInfo) -> None:
    from medvault.services.vault_create import create_vault

    target = tmp_path / "vide"
    target.mkdir(mode=0o755)
    create_vault(
        target,
        practice_name="C",
        login="doc",
        display_name="Dr",
        password=PRACTITIONER_PASSWORD,
        config=vault.config,
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
