"""Key rotation: every page re-encrypted, every remaining slot re-sealed, crash-safe."""

from __future__ import annotations

import pytest

from medvault.core.errors import DatabaseKeyMismatchError
from medvault.core.permissions import Role
from medvault.core.secrets import SecretKey
from medvault.services import checks, users
from medvault.services.key_rotation import (
    PENDING_NAME,
    _rekey_if_old,
    plan_rotation,
    rotate_keys,
)
from medvault.services.session import Session
from medvault.storage.database import open_database
from medvault.storage.header_store import write_atomically
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)


def crash_after_admin_rekey(vault: VaultInfo) -> SecretKey:
    """Leave the vault as a rotation killed between rekeying admin.db and clinical.db would;
    returns the new K_admin."""
    session = vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    old = session.bundle.for_role(Role.PRACTITIONER)  # copies: abandon() wipes the session's
    new, pending = plan_rotation(session)
    session.abandon()
    write_atomically(vault.directory / PENDING_NAME, pending.to_bytes())
    _rekey_if_old(vault.directory / "admin.db", old.admin_key, new.admin_key)
    return new.admin_key


def _keys(session: Session) -> tuple[SecretKey, SecretKey]:
    assert session.bundle.clinical_key is not None
    return session.bundle.admin_key.copy(), session.bundle.clinical_key.copy()


def _store_clinical_row(session: Session) -> None:
    with session.clinical_db as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS probe (v TEXT)")
        conn.execute("INSERT INTO probe VALUES ('avant rotation')")


def test_rotation_changes_both_database_keys_and_keeps_every_user(vault: VaultInfo) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        _store_clinical_row(session)
        old_admin, old_clinical = _keys(session)
        rotate_keys(session)
        new_admin, new_clinical = _keys(session)
        assert session.header.key_generation == 2
        assert checks.check_vault(session).ok
    assert not old_admin.equals(new_admin) and not old_clinical.equals(new_clinical)
    with pytest.raises(DatabaseKeyMismatchError):
        open_database(vault.directory / "admin.db", old_admin)
    with pytest.raises(DatabaseKeyMismatchError):
        open_database(vault.directory / "clinical.db", old_clinical)
    # Other users get the new keys without anyone knowing their password.
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        assert session.bundle.admin_key.equals(new_admin)
        assert session.bundle.clinical_key is None
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        rows = session.clinical_db.execute("SELECT v FROM probe").fetchall()
        assert rows == [("avant rotation",)]
        report = checks.check_vault(session)
        assert report.ok, report.audit.describe()
    assert not (vault.directory / PENDING_NAME).exists()


def test_disabled_users_old_slot_does_not_open_the_rotated_vault(vault: VaultInfo) -> None:
    header_before = (vault.directory / "vault.json").read_bytes()
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        users.disable_user(session, login=RECEPTIONIST_LOGIN)
        rotate_keys(session)
    # A former receptionist who kept a copy of the old header gets only the old admin key.
    (vault.directory / "vault.json").write_bytes(header_before)
    (vault.directory / "vault.json.copy").write_bytes(header_before)
    with pytest.raises(DatabaseKeyMismatchError):
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)


def test_rotation_interrupted_after_admin_rekey_is_finished_at_next_unlock(
    vault: VaultInfo,
) -> None:
    """Replays rotate_keys step by step and stops where a crash could."""
    session = vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    _store_clinical_row(session)
    session.close()
    new_admin_key = crash_after_admin_rekey(vault)
    # crash here: clinical.db still has the old key, the header still the old generation

    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        assert session.bundle.admin_key.equals(new_admin_key)  # reception keeps working
    assert (vault.directory / PENDING_NAME).exists()

    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.header.key_generation == 2
        assert session.clinical_db.execute("SELECT v FROM probe").fetchall() == [
            ("avant rotation",)
        ]
        assert checks.check_vault(session).ok
    assert not (vault.directory / PENDING_NAME).exists()
    assert b'"key_generation": 2' in (vault.directory / "vault.json").read_bytes()
