"""The crash harness: a writer process is killed (SIGKILL) at random moments; after each kill
the vault is reopened and checked against what the writer had been told was written."""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from medvault.core.errors import KnownError, WrongCredentialsError
from medvault.services import documents
from medvault.services.backup_verify import BackupSecrets, verify_backup
from medvault.services.checks import check_vault
from medvault.services.session import Session
from medvault.storage import users_repo
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.reliability.journal import Acknowledged, Journal
from tests.reliability.vaults import make_vault
from tests.reliability.writer import CHILD_FAILED

REPO_ROOT = Path(__file__).resolve().parents[2]
MIN_DELAY_S, MAX_DELAY_S = 0.03, 1.2


@dataclass
class CrashStats:
    kills: int = 0
    writes_acknowledged: int = 0
    data_lost: int = 0
    backups_checked: int = 0
    leftover_temp_files: int = 0
    killed_during: dict[str, int] = field(default_factory=dict)  # write -> kills
    problems: list[str] = field(default_factory=list)


class CrashHarness:
    """Owns a vault, a journal and a writer process; `run(n)` kills the writer n times."""

    def __init__(self, workdir: Path, *, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vault: VaultInfo = make_vault(workdir / "Cabinet.medvault")
        self.journal_path = workdir / "journal.jsonl"
        self.scratch = workdir / "scratch"
        self.backups = workdir / "backups"
        self.failure = workdir / "writer-failure.txt"
        self.state = workdir / "writer-state.txt"
        for folder in (self.scratch, self.backups):
            folder.mkdir()
        self.stats = CrashStats()
        self._checked_docs: set[int] = set()
        self._known_backups: list[str] = []  # in the order they were found
        self._pruned: set[str] = set()
        self._writer = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.writer"],
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def close(self) -> None:
        assert self._writer.stdin is not None and self._writer.stdout is not None
        self._writer.stdin.close()
        self._writer.wait(timeout=30)
        self._writer.stdout.close()

    def __enter__(self) -> CrashHarness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, kills: int) -> CrashStats:
        for _ in range(kills):
            self.one_round()
        self.stats.writes_acknowledged = self._acknowledged().writes
        return self.stats

    def _acknowledged(self) -> Acknowledged:
        return Acknowledged.load(self.journal_path, PRACTITIONER_PASSWORD)

    def one_round(self) -> None:
        ack = self._acknowledged()
        order = {
            "vault": str(self.vault.directory),
            "journal": str(self.journal_path),
            "scratch": str(self.scratch),
            "backups": str(self.backups),
            "failure": str(self.failure),
            "state": str(self.state),
            "password": ack.password,
            "seed": self.rng.getrandbits(64),
            "delay": self.rng.uniform(MIN_DELAY_S, MAX_DELAY_S),
        }
        assert self._writer.stdin is not None and self._writer.stdout is not None
        self._writer.stdin.write(json.dumps(order) + "\n")
        self._writer.stdin.flush()
        result = json.loads(self._writer.stdout.readline())
        if result["exit"] == CHILD_FAILED:
            self.stats.problems.append("writer failed: " + self.failure.read_text("utf-8"))
        elif not result["killed"]:
            self.stats.problems.append(f"writer ended by itself: {result}")
        else:
            self.stats.kills += 1
            where = self.state.read_bytes().decode().strip() if self.state.exists() else "start"
            self.stats.killed_during[where] = self.stats.killed_during.get(where, 0) + 1
        self.check()

    # -- after each kill ----------------------------------------------------------------------
    def check(self) -> None:
        ack = self._acknowledged()
        session = self._reopen(ack)
        if session is None:
            return
        try:
            report = check_vault(session)
            if not report.ok:
                self.stats.problems.append(f"vault check failed after a kill: {report}")
            self._check_records(session, ack)
            self._check_backups(ack)
        finally:
            session.close()

    def _reopen(self, ack: Acknowledged) -> Session | None:
        """Unlock with the acknowledged password, or the one a change was writing."""
        candidates = [ack.password]
        if ack.pending_password is not None:
            candidates.append(ack.pending_password)
        for password in candidates:
            try:
                session = self.vault.unlock(PRACTITIONER_LOGIN, password)
            except WrongCredentialsError:
                continue
            except KnownError as exc:
                self.stats.problems.append(f"unlock after a kill: {type(exc).__name__}: {exc}")
                return None
            if ack.pending_password is not None:
                journal = Journal(self.journal_path)
                journal.write(op="password_found", password=password)
                journal.close()
            return session
        self.stats.problems.append("the vault no longer unlocks with the current password")
        return None

    def _lost(self, what: str, missing: list[object]) -> None:
        if missing:
            self.stats.data_lost += len(missing)
            self.stats.problems.append(f"{len(missing)} acknowledged {what} missing")

    def _check_records(self, session: Session, ack: Acknowledged) -> None:
        admin, clinical = session.admin_db, session.clinical_db
        names = dict(admin.execute("SELECT id, birth_name FROM patients").fetchall())
        self._lost("patients", [i for i, n in ack.patients.items() if names.get(i) != n])
        reasons = dict(clinical.execute("SELECT id, reason FROM consultations").fetchall())
        self._lost("notes", [i for i, r in ack.consultations.items() if reasons.get(i) != r])
        hashes = dict(clinical.execute("SELECT id, sha256 FROM documents").fetchall())
        self._lost("documents", [i for i, h in ack.documents.items() if hashes.get(i) != h])
        for doc_id in set(ack.documents) - self._checked_docs:  # content, once per document
            if doc_id in hashes:
                content = documents.read_clinical_document(session, doc_id)
                if hashlib.sha256(content).hexdigest() != ack.documents[doc_id]:
                    self._lost("document contents", [doc_id])
            self._checked_docs.add(doc_id)
        accounts = {u.login: u for u in users_repo.list_users(admin)}
        self._lost("accounts", [u for u in ack.users if u not in accounts])
        self._lost("disablings", [u for u in ack.disabled if accounts[u].active])
        if session.header.key_generation < ack.generation:
            self._lost("key rotations", [ack.generation])

    def _check_backups(self, ack: Acknowledged) -> None:
        """Acknowledged backups are there; any other file under a final name is a whole,
        valid backup (the kill came after it took its name); temp files are counted."""
        gone = [p for p in ack.backups if p not in self._pruned and not Path(p).is_file()]
        self._lost("backups", gone)
        acked = set(ack.backups)
        newest = ack.backups[-1] if ack.backups else None
        for path in sorted(self.backups.iterdir()):
            if path.name.startswith("."):
                self.stats.leftover_temp_files += 1
                path.unlink()
                continue
            if str(path) in self._known_backups:
                continue
            self._known_backups.append(str(path))
            if str(path) not in acked or str(path) == newest:
                self._verify_backup(path)
        for old in self._known_backups[:-3]:  # keep the folder small
            if old in acked and old not in self._pruned:
                Path(old).unlink(missing_ok=True)
                self._pruned.add(old)

    def _verify_backup(self, path: Path) -> None:
        try:
            report = verify_backup(path, BackupSecrets(recovery_code=self.vault.recovery_code))
        except KnownError as exc:
            self.stats.problems.append(f"backup {path.name} under its final name: {exc}")
            return
        self.stats.backups_checked += 1
        if not (report.ok and report.deep_checked):
            self.stats.problems.append(f"backup {path.name} does not verify")
