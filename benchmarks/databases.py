"""The two sides of every comparison: a real medvault vault and a plain SQLite baseline.

The vault is made and opened by the product's own code (create_vault, unlock), so its
connections are keyed and tuned exactly as in use. The baseline is the same schema (the same
migrations) in unencrypted files, opened by the same driver without a key, with the pragmas read
back from the vault's connections: the only difference left is the encryption."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

import sqlcipher3

from medvault.core.kdf import Argon2Params, KdfProfile
from medvault.services.config import ServiceConfig
from medvault.services.session import Session
from medvault.services.unlock import unlock
from medvault.services.vault_create import create_vault
from medvault.storage.database import Connection, close_database
from medvault.storage.migration_step import Migration
from medvault.storage.migrations import ADMIN_MIGRATIONS, CLINICAL_MIGRATIONS, migrate

# The key derivation is not what is measured here: the cheapest valid Argon2id parameters.
CHEAP_KDF = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)
LOGIN = "dr.martin"
PASSWORD = "Ortie-Gravier-7-Lune!"  # noqa: S105 - a throw-away vault in a temporary directory

# Connection settings that change speed; copied from the vault's connection to the baseline's.
TUNING_PRAGMAS = (
    "page_size",
    "journal_mode",
    "synchronous",
    "temp_store",
    "foreign_keys",
    "trusted_schema",
    "cache_size",
    "busy_timeout",
)
_PLAIN_HEADER = b"SQLite format 3\x00"


class BenchmarkSetupError(RuntimeError):
    """The two sides are not comparable (e.g. the baseline turned out encrypted)."""


@dataclass
class DatabasePair:
    """An unlocked vault and its plain twin; `close()` closes all four connections."""

    session: Session
    baseline_admin: Connection
    baseline_clinical: Connection
    vault_dir: Path
    baseline_dir: Path

    @property
    def medvault_admin(self) -> Connection:
        return self.session.admin_db

    @property
    def medvault_clinical(self) -> Connection:
        return self.session.clinical_db

    def admin_sides(self) -> tuple[Connection, Connection]:
        return self.medvault_admin, self.baseline_admin

    def clinical_sides(self) -> tuple[Connection, Connection]:
        return self.medvault_clinical, self.baseline_clinical

    def file_sizes_mib(self) -> dict[str, float]:
        files = {
            "medvault_admin": self.vault_dir / "admin.db",
            "medvault_clinical": self.vault_dir / "clinical.db",
            "baseline_admin": self.baseline_dir / "admin.db",
            "baseline_clinical": self.baseline_dir / "clinical.db",
        }
        return {name: round(path.stat().st_size / 2**20, 1) for name, path in files.items()}

    def checkpoint(self) -> None:
        for conn in (*self.admin_sides(), *self.clinical_sides()):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        try:
            self.session.close()
        finally:
            close_database(self.baseline_admin)
            close_database(self.baseline_clinical)


def pragma_value(conn: Connection, name: str) -> str:
    return str(conn.execute(f"PRAGMA {name}").fetchone()[0])


def _open_plain(path: Path, like: Connection, steps: tuple[Migration, ...]) -> Connection:
    """An unencrypted database with `like`'s tuning and the product's schema."""
    raw = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn = cast(Connection, raw)
    try:
        for name in TUNING_PRAGMAS:
            # Names come from the tuple above and values from the vault's own connection.
            conn.execute(f"PRAGMA {name} = {pragma_value(like, name)}")
        migrate(conn, steps, path.name)
        for name in TUNING_PRAGMAS:
            if pragma_value(conn, name) != pragma_value(like, name):
                raise BenchmarkSetupError(f"baseline pragma {name} differs from the vault's")
    except BaseException:
        conn.close()
        raise
    return conn


def _check_encryption(pair: DatabasePair) -> None:
    """The vault files must be ciphertext and the baseline files plain SQLite, or the
    comparison means nothing."""
    for name in ("admin.db", "clinical.db"):
        with (pair.vault_dir / name).open("rb") as vault_file:
            if vault_file.read(16) == _PLAIN_HEADER:
                raise BenchmarkSetupError(f"vault {name} is not encrypted")
        with (pair.baseline_dir / name).open("rb") as plain_file:
            if plain_file.read(16) != _PLAIN_HEADER:
                raise BenchmarkSetupError(f"baseline {name} is not plain SQLite")


CHEAP_CONFIG = ServiceConfig(kdf=KdfProfile.fixed(CHEAP_KDF))


def create_benchmark_vault(directory: Path, config: ServiceConfig = CHEAP_CONFIG) -> Path:
    """A new vault with the benchmark practitioner, made by the product's own code."""
    create_vault(
        directory,
        practice_name="Cabinet des mesures",
        login=LOGIN,
        display_name="Dr Claire Martin",
        password=PASSWORD,
        config=config,
    )
    return directory


def open_pair(workdir: Path) -> DatabasePair:
    """Create and unlock a vault, and create its plain twin, under `workdir`."""
    config = CHEAP_CONFIG
    vault_dir = create_benchmark_vault(workdir / "Benchmark.medvault")
    session = unlock(vault_dir, LOGIN, PASSWORD, config=config)
    baseline_dir = workdir / "baseline"
    baseline_dir.mkdir()
    opened: list[Connection] = []
    try:
        opened.append(_open_plain(baseline_dir / "admin.db", session.admin_db, ADMIN_MIGRATIONS))
        opened.append(
            _open_plain(baseline_dir / "clinical.db", session.clinical_db, CLINICAL_MIGRATIONS)
        )
    except BaseException:
        for conn in opened:
            conn.close()
        session.close()
        raise
    admin, clinical = opened
    pair = DatabasePair(session, admin, clinical, vault_dir, baseline_dir)
    try:
        _check_encryption(pair)
    except BaseException:
        pair.close()
        raise
    return pair
