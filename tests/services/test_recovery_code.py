"""A new recovery code: the old one stops opening the vault and the new backups, the new one
opens both; older backups keep their sheet; nothing changes on a wrong password."""

from __future__ import annotations

from pathlib import Path

import pytest

from medvault.core.backup_errors import BackupKeyError
from medvault.core.errors import InvalidInputError, PermissionDeniedError, WrongCredentialsError
from medvault.core.keyslot_format import SlotKind
from medvault.core.recovery_code import generate_recovery_code
from medvault.services import key_rotation
from medvault.services.backup import create_backup
from medvault.services.backup_verify import BackupSecrets, verify_backup
from medvault.services.recovery_code import (
    check_password_for_recovery_code,
    replace_recovery_code,
)
from medvault.services.session import Session
from medvault.services.unlock import unlock_with_recovery_code
from medvault.storage import audit_repo
from tests.conftest import PRACTITIONER_PASSWORD, VaultInfo
from tests.helpers import snapshot


def _opens(vault: VaultInfo, code: str) -> bool:
    try:
        unlock_with_recovery_code(vault.directory, code, config=vault.config).close()
    except WrongCredentialsError:
        return False
    return True


def _backup_opens(path: Path, code: str) -> bool:
    try:
        return verify_backup(path, BackupSecrets(recovery_code=code)).ok
    except BackupKeyError:
        return False


def test_the_new_code_replaces_the_old_for_the_vault_and_new_backups(
    vault: VaultInfo, tmp_path: Path
) -> None:
    old = vault.recovery_code
    new = generate_recovery_code()
    with vault.unlock("dr.martin", PRACTITIONER_PASSWORD) as session:
        before = create_backup(session, tmp_path / "avant.mvbackup").path
        check_password_for_recovery_code(session, password=PRACTITIONER_PASSWORD)
        replace_recovery_code(session, password=PRACTITIONER_PASSWORD, new_code=new)
        assert [s.kind for s in session.header.slots].count(SlotKind.RECOVERY) == 1
        last = audit_repo.recent(session.admin_db, 1)[0]
        assert (last.action, last.target, last.outcome) == (
            "key_rotation",
            "recovery_code",
            "success",
        )
        after = create_backup(session, tmp_path / "apres.mvbackup").path
    assert not _opens(vault, old)
    assert _opens(vault, new)
    assert _opens(vault, new.lower().replace("-", " "))  # typed as people type it
    assert _backup_opens(after, new) and not _backup_opens(after, old)
    assert _backup_opens(before, old)  # an older backup keeps its own sheet


def test_a_key_rotation_afterwards_keeps_the_new_code_working(vault: VaultInfo) -> None:
    new = generate_recovery_code()
    with vault.unlock("dr.martin", PRACTITIONER_PASSWORD) as session:
        replace_recovery_code(session, password=PRACTITIONER_PASSWORD, new_code=new)
        key_rotation.rotate_keys(session)
    assert _opens(vault, new)
    assert not _opens(vault, vault.recovery_code)


def test_a_wrong_password_changes_nothing_and_is_audited(
    vault: VaultInfo, practitioner: Session
) -> None:
    before = snapshot(vault.directory)["vault.json"]
    with pytest.raises(WrongCredentialsError):
        replace_recovery_code(
            practitioner, password="pas-le-bon-mot-de-passe", new_code=generate_recovery_code()
        )
    with pytest.raises(WrongCredentialsError):
        check_password_for_recovery_code(practitioner, password="pas-le-bon")
    assert snapshot(vault.directory)["vault.json"] == before
    last = audit_repo.recent(practitioner.admin_db, 1)[0]
    assert (last.action, last.target, last.outcome) == ("key_rotation", "recovery_code", "denied")
    practitioner.close()
    assert _opens(vault, vault.recovery_code)


def test_a_malformed_code_is_refused_before_anything_is_written(
    vault: VaultInfo, practitioner: Session
) -> None:
    before = snapshot(vault.directory)["vault.json"]
    with pytest.raises(InvalidInputError) as caught:
        replace_recovery_code(practitioner, password=PRACTITIONER_PASSWORD, new_code="ABCD-1234")
    assert caught.value.message("fr") and caught.value.message("en")
    assert snapshot(vault.directory)["vault.json"] == before


def test_reception_cannot_replace_the_code(vault: VaultInfo, receptionist: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        replace_recovery_code(
            receptionist, password="Saule+Brique+42+Nuage", new_code=generate_recovery_code()
        )
    receptionist.close()
    assert _opens(vault, vault.recovery_code)
