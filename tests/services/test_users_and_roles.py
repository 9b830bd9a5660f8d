"""Users, roles and the separation between reception and clinical data."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import medvault.services
from medvault.core.errors import (
    DatabaseKeyMismatchError,
    LastPractitionerError,
    PasswordChangeRequiredError,
    PermissionDeniedError,
    UserExistsError,
    WeakPasswordError,
    WrongCredentialsError,
)
from medvault.core.permissions import DEFAULT_POLICY, Permission, Role
from medvault.services import checks, key_rotation, slot_registry, users
from medvault.services.authz import GUARDED_CALLS
from medvault.services.session import Session
from medvault.storage.database import open_database
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    RECEPTIONIST_PASSWORD,
    VaultInfo,
)

PAGE = 4096


def _load_every_service() -> None:
    for module in pkgutil.iter_modules(medvault.services.__path__, "medvault.services."):
        importlib.import_module(module.name)


def _last_audit(session: Session) -> tuple[str, str, str, str | None]:
    row = session.admin_db.execute(
        "SELECT action, area, outcome, target FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return tuple(row)  # type: ignore[return-value]


def test_receptionist_credentials_cannot_open_clinical_db(
    vault: VaultInfo, receptionist: Session
) -> None:
    assert receptionist.bundle.clinical_key is None
    assert not receptionist.has_clinical_access
    with pytest.raises(PermissionDeniedError):
        _ = receptionist.clinical_db
    # The only key a receptionist ever holds does not decrypt clinical.db.
    with pytest.raises(DatabaseKeyMismatchError):
        open_database(vault.directory / "clinical.db", receptionist.bundle.admin_key)
    with pytest.raises(DatabaseKeyMismatchError):
        open_database(vault.directory / "clinical.db", receptionist.bundle.audit_key)


def test_every_service_call_the_policy_refuses_is_denied_and_audited(
    receptionist: Session,
) -> None:
    _load_every_service()
    refused = {
        name: permission
        for name, permission in GUARDED_CALLS.items()
        if not DEFAULT_POLICY.is_allowed(Role.RECEPTIONIST, permission)
    }
    assert refused, "the practitioner-only calls must be registered"
    for name, permission in refused.items():
        module_name, func_name = name.rsplit(".", 1)
        func = getattr(importlib.import_module(module_name), func_name)
        with pytest.raises(PermissionDeniedError):
            func(receptionist, login="x", display_name="x", role=Role.RECEPTIONIST)
        _action, area, outcome, target = _last_audit(receptionist)
        assert (area, outcome, target) == (permission.area.value, "denied", permission.code), name


def test_clinical_permissions_are_denied_to_reception_and_audited(receptionist: Session) -> None:
    clinical = [p for p in Permission if p.area.value == "clinical"]
    assert clinical
    for permission in clinical:
        with pytest.raises(PermissionDeniedError):
            receptionist.authorize(permission)
        assert _last_audit(receptionist)[1:] == ("clinical", "denied", permission.code)


def test_add_user_requires_a_first_password_change(vault: VaultInfo, practitioner: Session) -> None:
    initial = users.add_user(
        practitioner, login="remplacant", display_name="Dr Remplaçant", role=Role.PRACTITIONER
    )
    with pytest.raises(UserExistsError):
        users.add_user(practitioner, login="remplacant", display_name="X", role=Role.PRACTITIONER)
    practitioner.close()
    with vault.unlock("remplacant", initial) as session:
        assert session.must_change_password
        with pytest.raises(PasswordChangeRequiredError):
            users.list_users(session)
        with pytest.raises(WeakPasswordError):
            users.change_own_password(session, current=initial, new="court")
        users.change_own_password(session, current=initial, new="Tilleul/Granit/88/Aube")
        assert [u.login for u in users.list_users(session)] == [
            "accueil",
            "dr.martin",
            "remplacant",
        ]
    with pytest.raises(WrongCredentialsError):
        vault.unlock("remplacant", initial)
    with vault.unlock("remplacant", "Tilleul/Granit/88/Aube") as session:
        assert not session.must_change_password
        listed = {u.login: u for u in users.list_users(session)}
        assert listed["remplacant"].last_login_at is not None


def test_password_change_rewraps_one_slot_and_leaves_data_files_alone(vault: VaultInfo) -> None:
    # Give admin.db some bulk so that "only a few pages changed" means something.
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        admin_key = session.bundle.admin_key.copy()
        with session.admin_transaction() as conn:
            conn.execute("CREATE TABLE ballast (b BLOB)")
            conn.executemany("INSERT INTO ballast VALUES (randomblob(3000))", [()] * 200)
    header_before = (vault.directory / "vault.json").read_bytes()
    clinical_before = (vault.directory / "clinical.db").read_bytes()
    admin_before = (vault.directory / "admin.db").read_bytes()
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        users.change_own_password(
            session, current=RECEPTIONIST_PASSWORD, new="Falaise~Orage~31~Cerise"
        )
    admin_after = (vault.directory / "admin.db").read_bytes()
    assert (vault.directory / "clinical.db").read_bytes() == clinical_before
    assert (vault.directory / "vault.json").read_bytes() != header_before
    # Not re-encrypted: the same key opens it, and only the pages holding the login time and the
    # new audit records differ.
    open_database(vault.directory / "admin.db", admin_key).close()
    pages = len(admin_before) // PAGE
    changed = sum(
        admin_before[i * PAGE : (i + 1) * PAGE] != admin_after[i * PAGE : (i + 1) * PAGE]
        for i in range(pages)
    )
    assert pages > 150
    assert changed <= 8, f"{changed} of {pages} pages changed"
    with pytest.raises(WrongCredentialsError):
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    with vault.unlock(RECEPTIONIST_LOGIN, "Falaise~Orage~31~Cerise") as session:
        assert session.login == RECEPTIONIST_LOGIN


def test_wrong_current_password_is_refused_and_audited(receptionist: Session) -> None:
    with pytest.raises(WrongCredentialsError):
        users.change_own_password(receptionist, current="nope", new="Falaise~Orage~31~Cerise")
    assert _last_audit(receptionist) == ("user_password_change", "system", "denied", "accueil")


def test_disable_removes_the_slot(vault: VaultInfo, practitioner: Session) -> None:
    users.disable_user(practitioner, login=RECEPTIONIST_LOGIN)
    assert practitioner.header.user_slot(RECEPTIONIST_LOGIN) is None
    assert b'"accueil"' not in (vault.directory / "vault.json").read_bytes()
    listed = {u.login: u for u in users.list_users(practitioner)}
    assert not listed[RECEPTIONIST_LOGIN].active
    practitioner.close()
    with pytest.raises(WrongCredentialsError):
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)


def test_last_practitioner_cannot_be_disabled(practitioner: Session) -> None:
    with pytest.raises(LastPractitionerError):
        users.disable_user(practitioner, login=PRACTITIONER_LOGIN)


def test_reset_password_gives_a_new_one_time_password(
    vault: VaultInfo, practitioner: Session
) -> None:
    initial = users.reset_password(practitioner, login=RECEPTIONIST_LOGIN)
    practitioner.close()
    with pytest.raises(WrongCredentialsError):
        vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD)
    with vault.unlock(RECEPTIONIST_LOGIN, initial) as session:
        assert session.must_change_password


def test_no_plaintext_marker_in_any_vault_file(vault: VaultInfo, practitioner: Session) -> None:
    marker = "MARQUEUR-Zoé-7f3a"
    users.add_user(practitioner, login="marqueur", display_name=marker, role=Role.RECEPTIONIST)
    with practitioner.admin_transaction() as conn:
        conn.execute("CREATE TABLE note (t TEXT)")
        conn.execute("INSERT INTO note VALUES (?)", (marker * 50,))
    with practitioner.clinical_db as conn:
        conn.execute("CREATE TABLE note (t TEXT)")
        conn.execute("INSERT INTO note VALUES (?)", (marker * 50,))
    for path in vault.directory.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert marker.encode(encoding) not in data, (path.name, encoding)
    practitioner.close()
    for path in vault.directory.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path.name


def test_a_practitioners_new_password_comes_with_a_new_key_pair(vault: VaultInfo) -> None:
    new_password = "Falaise~Orage~31~Cerise"
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        old_slot = session.header.user_slot(PRACTITIONER_LOGIN)
        assert old_slot is not None
        users.change_own_password(session, current=PRACTITIONER_PASSWORD, new=new_password)
        new_slot = session.header.user_slot(PRACTITIONER_LOGIN)
        assert new_slot is not None
        assert new_slot.public_key != old_slot.public_key
        assert slot_registry.is_trusted(session.clinical_db, new_slot)
        assert not slot_registry.is_trusted(session.clinical_db, old_slot)
        # A later rotation seals the new keys to the new key pair only.
        key_rotation.rotate_keys(session)
        assert [s.slot_id for s in session.header.slots].count(old_slot.slot_id) == 0
    with pytest.raises(WrongCredentialsError):
        vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    with vault.unlock(PRACTITIONER_LOGIN, new_password) as session:
        assert session.has_clinical_access and checks.check_vault(session).ok


def test_a_receptionists_new_password_keeps_the_registered_key_pair(vault: VaultInfo) -> None:
    with vault.unlock(RECEPTIONIST_LOGIN, RECEPTIONIST_PASSWORD) as session:
        before = session.header.user_slot(RECEPTIONIST_LOGIN)
        users.change_own_password(
            session, current=RECEPTIONIST_PASSWORD, new="Falaise~Orage~31~Cerise"
        )
        after = session.header.user_slot(RECEPTIONIST_LOGIN)
    assert before is not None and after is not None
    assert after.public_key == before.public_key  # the registry (clinical.db) still vouches
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        key_rotation.rotate_keys(session)
    with vault.unlock(RECEPTIONIST_LOGIN, "Falaise~Orage~31~Cerise") as session:
        assert session.login == RECEPTIONIST_LOGIN
