"""Creating and unlocking a vault through the one unlock path."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from medvault.core.errors import (
    DatabaseDamagedError,
    DatabaseKeyMismatchError,
    HeaderDamagedError,
    VaultExistsError,
    VaultInUseError,
    VaultNotFoundError,
    WeakPasswordError,
    WrongCredentialsError,
)
from medvault.core.header import parse_header
from medvault.services.config import ServiceConfig
from medvault.services.unlock import LoginAttempts, unlock, unlock_with_recovery_code
from medvault.services.vault_create import create_vault
from medvault.storage.header_store import HEADER_COPY_NAME, HEADER_NAME, load_header
from tests.conftest import (
    PRACTITIONER_LOGIN,
    PRACTITIONER_PASSWORD,
    RECEPTIONIST_LOGIN,
    VaultInfo,
)
from tests.helpers import snapshot


def _create(directory: Path, config: ServiceConfig, password: str) -> None:
    create_vault(
        directory,
        practice_name="Cabinet",
        login="doc",
        display_name="Dr Doc",
        password=password,
        config=config,
    )


def test_created_vault_has_header_copies_and_two_encrypted_databases(vault: VaultInfo) -> None:
    names = {p.name for p in vault.directory.iterdir()}
    assert {HEADER_NAME, HEADER_COPY_NAME, "admin.db", "clinical.db"} <= names
    for db in ("admin.db", "clinical.db"):
        # SQLCipher files carry no plain SQLite signature.
        assert not (vault.directory / db).read_bytes().startswith(b"SQLite format 3")
    assert (vault.directory / HEADER_NAME).read_bytes() == (
        vault.directory / HEADER_COPY_NAME
    ).read_bytes()


@pytest.mark.parametrize("login", [PRACTITIONER_LOGIN, "nobody"])
def test_wrong_login_or_password_gives_one_generic_error_and_only_counts_the_failure(
    vault: VaultInfo, login: str
) -> None:
    before = snapshot(vault.directory)
    attempts = LoginAttempts()
    with pytest.raises(WrongCredentialsError) as caught:
        unlock(
            vault.directory,
            login,
            "Pas-le-bon-mot-de-passe-9!",
            config=vault.config,
            attempts=attempts,
        )
    assert caught.value.message("fr") == "Identifiant ou mot de passe incorrect."
    assert "Pas-le-bon" not in str(caught.value)
    after = snapshot(vault.directory)
    # No database is touched; the header changes only by its failure counter.
    assert {k: v for k, v in after.items() if not k.startswith(HEADER_NAME)} == {
        k: v for k, v in before.items() if not k.startswith(HEADER_NAME)
    }
    header = load_header(vault.directory).header
    assert header.slots == parse_header(before[HEADER_NAME]).slots
    counted = header.login_failures.records
    assert [(r.login, r.count, r.unaudited) for r in counted] == [
        (login if login == PRACTITIONER_LOGIN else None, 1, 1)
    ]
    assert after[HEADER_NAME] == after[HEADER_COPY_NAME]
    # Neither the typed unknown login nor the password is written anywhere.
    for data in after.values():
        assert b"nobody" not in data
        assert b"Pas-le-bon" not in data
    assert attempts.failures == []  # counted in the header, not in this process


def test_failed_attempts_are_audited_at_the_next_successful_login(vault: VaultInfo) -> None:
    clean_header = (vault.directory / HEADER_NAME).read_bytes()
    attempts = LoginAttempts()
    with pytest.raises(WrongCredentialsError):
        unlock(vault.directory, PRACTITIONER_LOGIN, "wrong", config=vault.config, attempts=attempts)
    with unlock(
        vault.directory,
        PRACTITIONER_LOGIN,
        PRACTITIONER_PASSWORD,
        config=vault.config,
        attempts=attempts,
    ) as session:
        rows = session.admin_db.execute(
            "SELECT action, outcome, target FROM audit_log ORDER BY seq DESC LIMIT 2"
        ).fetchall()
    assert rows == [("login", "success", None), ("failed_login", "denied", PRACTITIONER_LOGIN)]
    assert attempts.failures == []
    # Audited and reset: the header is back to what it was before the failure.
    assert (vault.directory / HEADER_NAME).read_bytes() == clean_header
    assert (vault.directory / HEADER_COPY_NAME).read_bytes() == clean_header


def test_password_is_nfc_normalised(tmp_path: Path, config: ServiceConfig) -> None:
    nfd = unicodedata.normalize("NFD", "Éléphant-Forêt-Hêtre-2026")
    nfc = unicodedata.normalize("NFC", nfd)
    assert nfd != nfc
    _create(tmp_path / "v", config, nfd)
    with unlock(tmp_path / "v", "doc", nfc, config=config) as session:
        assert session.login == "doc"
    with unlock(tmp_path / "v", "doc", nfd, config=config) as session:
        assert session.login == "doc"


def test_passphrase_with_quotes_and_backslashes(tmp_path: Path, config: ServiceConfig) -> None:
    password = "l'été \"chaud\" \\ x'00' ; DROP TABLE users; -- sept"
    _create(tmp_path / "v", config, password)
    with unlock(tmp_path / "v", "doc", password, config=config) as session:
        assert session.has_clinical_access


def test_weak_password_is_refused_with_reasons_and_nothing_created(
    tmp_path: Path, config: ServiceConfig
) -> None:
    with pytest.raises(WeakPasswordError) as caught:
        _create(tmp_path / "v", config, "motdepasse")
    assert "12 caractères" in caught.value.message("fr")
    assert "12 characters" in caught.value.message("en")
    assert not (tmp_path / "v").exists()


def test_never_creates_over_existing_files(tmp_path: Path, config: ServiceConfig) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("à garder")
    with pytest.raises(VaultExistsError):
        _create(target, config, PRACTITIONER_PASSWORD)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert (target / "notes.txt").read_text() == "à garder"


def test_unlock_never_creates_a_vault(tmp_path: Path, config: ServiceConfig) -> None:
    with pytest.raises(VaultNotFoundError):
        unlock(tmp_path / "absent", "doc", PRACTITIONER_PASSWORD, config=config)
    assert not (tmp_path / "absent").exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(VaultNotFoundError):
        unlock(tmp_path / "empty", "doc", PRACTITIONER_PASSWORD, config=config)
    assert list((tmp_path / "empty").iterdir()) == []


def test_second_opener_in_the_same_process_gets_vault_in_use(vault: VaultInfo) -> None:
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD):
        with pytest.raises(VaultInUseError) as caught:
            vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
        assert "déjà ouvert" in caught.value.message("fr")
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.is_open  # released on close


def test_second_process_gets_vault_in_use(vault: VaultInfo) -> None:
    script = (
        "import sys; from pathlib import Path\n"
        "from medvault.core.errors import VaultInUseError\n"
        "from medvault.core.kdf import Argon2Params, KdfProfile\n"
        "from medvault.services.config import ServiceConfig\n"
        "from medvault.services.unlock import unlock\n"
        "cfg = ServiceConfig(kdf=KdfProfile.fixed(Argon2Params(1, 64, 1)))\n"
        "try:\n"
        "    unlock(Path(sys.argv[1]), sys.argv[2], sys.stdin.readline().rstrip('\\n'),"
        " config=cfg)\n"
        "except VaultInUseError:\n"
        "    sys.exit(3)\n"
    )
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD):
        result = subprocess.run(
            [sys.executable, "-c", script, str(vault.directory), PRACTITIONER_LOGIN],
            input=PRACTITIONER_PASSWORD + "\n",
            text=True,
            capture_output=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 3, result.stderr


def test_every_flipped_header_byte_gives_a_clear_error_and_changes_nothing(
    vault: VaultInfo,
) -> None:
    (vault.directory / HEADER_COPY_NAME).unlink()
    header = vault.directory / HEADER_NAME
    original = header.read_bytes()
    for index in range(len(original)):
        damaged = bytearray(original)
        damaged[index] ^= 0x01 if index % 2 else 0x80
        header.write_bytes(bytes(damaged))
        before = snapshot(vault.directory)
        with pytest.raises(HeaderDamagedError):
            vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
        assert snapshot(vault.directory) == before, f"byte {index}"
    header.write_bytes(original)
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.is_open


def test_damaged_primary_header_falls_back_to_the_copy_and_is_repaired(
    vault: VaultInfo,
) -> None:
    header = vault.directory / HEADER_NAME
    good = header.read_bytes()
    header.write_bytes(good[: len(good) // 2])
    with vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD) as session:
        assert session.login == PRACTITIONER_LOGIN
    assert header.read_bytes() == good


def test_missing_both_headers_is_a_damaged_header_not_a_new_vault(vault: VaultInfo) -> None:
    (vault.directory / HEADER_NAME).unlink()
    (vault.directory / HEADER_COPY_NAME).write_bytes(b"{}")
    with pytest.raises(HeaderDamagedError):
        vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert not (vault.directory / HEADER_NAME).exists()


def test_damaged_database_gives_a_specific_error(vault: VaultInfo) -> None:
    admin = vault.directory / "admin.db"
    data = bytearray(admin.read_bytes())
    for offset in range(0, 64):  # the first page: salt and the start of page 1
        data[offset] ^= 0xFF
    admin.write_bytes(bytes(data))
    with pytest.raises((DatabaseKeyMismatchError, DatabaseDamagedError)) as caught:
        vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert "Restaurez une sauvegarde" in caught.value.message("fr")


def test_missing_clinical_database_is_named(vault: VaultInfo) -> None:
    (vault.directory / "clinical.db").unlink()
    with pytest.raises(DatabaseDamagedError) as caught:
        vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    assert "clinical.db" in caught.value.message("en")
    assert not (vault.directory / "clinical.db").exists()
    with vault.unlock(RECEPTIONIST_LOGIN, "Saule+Brique+42+Nuage") as session:
        assert not session.has_clinical_access  # reception keeps working


def test_database_swapped_from_another_vault_is_refused(
    vault: VaultInfo, tmp_path: Path, config: ServiceConfig
) -> None:
    other = tmp_path / "other"
    _create(other, config, PRACTITIONER_PASSWORD)
    (vault.directory / "clinical.db").write_bytes((other / "clinical.db").read_bytes())
    with pytest.raises(DatabaseKeyMismatchError):
        vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)


def test_recovery_code_opens_with_full_access(vault: VaultInfo) -> None:
    typed = vault.recovery_code.lower().replace("-", " ")
    with unlock_with_recovery_code(vault.directory, typed, config=vault.config) as session:
        assert session.is_recovery
        assert session.has_clinical_access
    wrong = "0000-0000-0000-0000-0000-0000-0000-0000"
    with pytest.raises(WrongCredentialsError):
        unlock_with_recovery_code(vault.directory, wrong, config=vault.config)


def test_lock_wipes_keys_and_closes_connections(vault: VaultInfo) -> None:
    session = vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)
    bundle = session.bundle
    admin = session.admin_db
    session.lock()
    assert bundle.admin_key.wiped and bundle.audit_key.wiped
    assert bundle.clinical_key is not None and bundle.clinical_key.wiped
    assert not session.is_open
    with pytest.raises(Exception, match="closed"):
        admin.execute("SELECT 1")
    assert (
        not (vault.directory / "admin.db-wal").exists()
        or (vault.directory / "admin.db-wal").stat().st_size == 0
    )
