"""One fuzz target per parser of outside input. Each takes bytes and fails (AssertionError or
the unexpected exception itself) only when the product answers with something other than its
own clear errors, or writes where it must not.

The targets share a FuzzContext: a template vault, one of its backups, built once."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from medvault.core.documents import DocumentCategory
from medvault.core.errors import KnownError, WrongCredentialsError
from medvault.core.header import _document_bytes, parse_header
from medvault.services import documents
from medvault.services.backup import create_backup
from medvault.services.backup_restore import restore_backup
from medvault.services.backup_verify import BackupSecrets, verify_backup
from medvault.services.session import Session
from tests.conftest import PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD, VaultInfo
from tests.reliability.damage import patient_form
from tests.reliability.fuzz_input import Draw, mutate_bytes, mutate_json
from tests.reliability.vaults import make_vault


def _digests(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != "vault.lock"
    }


class FuzzContext:
    def __init__(self, workdir: Path | None = None) -> None:
        self._own = workdir is None
        self.workdir = (
            Path(tempfile.mkdtemp(prefix="medvault-fuzz-")) if workdir is None else workdir
        )
        self.vault: VaultInfo = make_vault(self.workdir / "template.medvault")
        self.header = (self.vault.directory / "vault.json").read_bytes()
        self.backup = self.workdir / "template.medvault-backup"
        with self._session() as session:
            self.patient_id = _add_patient(session)
            create_backup(session, self.backup)
        self.backup_bytes = self.backup.read_bytes()
        self.cases = 0

    def _session(self) -> Session:
        return self.vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD)

    def scratch(self) -> Path:
        return Path(tempfile.mkdtemp(dir=self.workdir))

    def close(self) -> None:
        if self._own:
            shutil.rmtree(self.workdir, ignore_errors=True)

    # -- targets --------------------------------------------------------------------------------
    def header_bytes(self, data: bytes) -> None:
        """vault.json damaged byte by byte: refused as damaged (the checksum), never a crash."""
        self.cases += 1
        damaged = mutate_bytes(self.header, Draw(data))
        try:
            header = parse_header(damaged)
        except KnownError:
            return
        assert damaged == self.header or header.to_bytes() == damaged

    def header_resigned(self, data: bytes) -> None:
        """vault.json altered field by field and re-checksummed, as anyone who can write the
        file can do: parsed or refused; an unlock with it ends in our own error or a session,
        and a refused unlock wrote nothing."""
        self.cases += 1
        document = json.loads(self.header)
        body = mutate_json(document["body"], Draw(data))
        forged = _document_bytes(body) if isinstance(body, dict) else json.dumps(body).encode()
        try:
            parse_header(forged)
        except KnownError:
            return
        work = self.scratch()
        try:
            target = Path(shutil.copytree(self.vault.directory, work / "v"))
            (target / "vault.json").write_bytes(forged)
            (target / "vault.json.copy").write_bytes(forged)
            before = _digests(target)
            forged_vault = VaultInfo(target, self.vault.recovery_code, self.vault.config)
            try:
                forged_vault.unlock(PRACTITIONER_LOGIN, PRACTITIONER_PASSWORD).close()
            except WrongCredentialsError:
                # A wrong password is counted in the header (the login back-off); the
                # databases are not touched.
                after = _digests(target)
                for name in ("admin.db", "clinical.db"):
                    assert after.get(name) == before.get(name), f"a refused unlock wrote {name}"
            except KnownError:
                assert _digests(target) == before, "a refused unlock changed the vault files"
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def backup_file(self, data: bytes) -> None:
        """A damaged backup: verify and restore refuse it in our words; restore leaves no
        folder behind."""
        self.cases += 1
        draw = Draw(data)
        damaged = mutate_bytes(self.backup_bytes, draw)
        work = self.scratch()
        try:
            path = work / "damaged.medvault-backup"
            path.write_bytes(damaged)
            secrets = BackupSecrets(recovery_code=self.vault.recovery_code)
            try:
                report = verify_backup(path, secrets)
            except KnownError:
                report = None
            if report is not None:
                assert damaged == self.backup_bytes or not report.ok or report.deep_checked
            target = work / "restored.medvault"
            try:
                restore_backup(path, target, secrets, config=self.vault.config)
            except KnownError:
                assert not target.exists() or not any(target.iterdir())
            else:
                assert report is not None and report.ok, "restored a backup that does not verify"
            assert sorted(p.name for p in work.iterdir() if p.name != "restored.medvault") == [
                "damaged.medvault-backup"
            ], "work files left behind"
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def import_file(self, data: bytes) -> None:
        """Any bytes under any name: imported exactly, or refused in our words."""
        self.cases += 1
        draw = Draw(data)
        name = draw.pick(["scan.pdf", "photo.jpg", "x", ".hidden", "résultat.png", "a" * 200])
        content = draw.rest()
        work = self.scratch()
        try:
            path = work / name
            path.write_bytes(content)
            with self._session() as session:
                try:
                    info = documents.import_clinical_document(
                        session,
                        patient_id=self.patient_id,
                        path=path,
                        title="Document importé",
                        document_date=date.today().isoformat(),
                        category=DocumentCategory.REPORT,
                    )
                except KnownError:
                    return
                assert documents.read_clinical_document(session, info.id) == content
                assert info.size == len(content)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _add_patient(session: Session) -> int:
    from medvault.services import patients

    return patients.create_patient(session, patient_form("FUZZEUR")).patient.id


def targets(context: FuzzContext) -> dict[str, Callable[[bytes], None]]:
    return {
        "header_bytes": context.header_bytes,
        "header_resigned": context.header_resigned,
        "backup_file": context.backup_file,
        "import_file": context.import_file,
    }
