"""A backup is one consistent state of the vault: a write committed just before it is wholly
in it (database rows and audit record), a write made while it is being taken is saved at once
in the live vault and wholly absent from the backup, and the restored copy passes every check
either way."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from medvault.core.audit import AuditAction
from medvault.core.documents import DocumentCategory
from medvault.core.secrets import SecretKey
from medvault.services import backup as backup_module
from medvault.services import documents
from medvault.services.backup import create_backup
from medvault.services.backup_restore import restore_backup
from medvault.services.backup_verify import BackupSecrets
from medvault.services.session import Session
from medvault.services.unlock import unlock_with_recovery_code
from medvault.storage import audit_repo, backup_archive, snapshot
from medvault.storage.database import integrity_problems, open_database
from medvault.storage.snapshot import wal_has_frames
from tests.conftest import VaultInfo
from tests.services.document_helpers import add_patient, write_file


def _import(session: Session, patient: int, path: Path, title: str) -> int:
    info = documents.import_clinical_document(
        session,
        patient_id=patient,
        path=path,
        title=title,
        document_date=date(2024, 3, 1),
        category=DocumentCategory.LAB_RESULT,
    )
    return info.id


def _restore(vault: VaultInfo, backup: Path, target: Path) -> Session:
    report = restore_backup(
        backup, target, BackupSecrets(recovery_code=vault.recovery_code), config=vault.config
    )
    assert report.verify.ok and report.verify.clinical_checked
    assert report.verify.admin_problems == () and report.verify.clinical_problems == ()
    return unlock_with_recovery_code(target, vault.recovery_code, config=vault.config)


def _documents_audited(session: Session) -> list[str | None]:
    records = audit_repo.iter_records(session.admin_db)
    return [r.target for r in records if r.action == AuditAction.CREATE]


def test_a_write_committed_just_before_is_wholly_in_the_backup(
    practitioner: Session, vault: VaultInfo, tmp_path: Path
) -> None:
    patient = add_patient(practitioner)
    content = b"%PDF-1.7\n" + bytes(range(256)) * 600  # several pages of clinical.db
    document_id = _import(practitioner, patient, write_file(tmp_path / "bilan.pdf", content), "NFS")
    # Still in the write-ahead logs: the backup must fold them in, not miss them.
    assert wal_has_frames(vault.directory / "clinical.db")
    assert wal_has_frames(vault.directory / "admin.db")
    audited = _documents_audited(practitioner)
    assert audited  # the import's record
    backup = tmp_path / "b.mvbackup"
    create_backup(practitioner, backup)

    with _restore(vault, backup, tmp_path / "R.medvault") as restored:
        assert documents.read_clinical_document(restored, document_id) == content
        assert _documents_audited(restored) == audited


def test_a_write_made_while_the_backup_is_taken_is_saved_and_not_in_the_backup(
    practitioner: Session, vault: VaultInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient = add_patient(practitioner)
    source = write_file(tmp_path / "pendant.pdf", b"%PDF-1.7\n" + b"x" * 50_000)
    saved: list[int] = []
    real_write = backup_archive._write_chunk

    def write_during_the_backup(handle: io.BufferedWriter, data: bytes) -> int:
        if not saved:  # half-way through writing the archive, the session saves a document
            saved.append(_import(practitioner, patient, source, "Pendant"))
        return real_write(handle, data)

    monkeypatch.setattr(backup_archive, "_write_chunk", write_during_the_backup)
    audited = _documents_audited(practitioner)
    backup = tmp_path / "b.mvbackup"
    create_backup(practitioner, backup)
    monkeypatch.undo()

    # The save went through at once (no wait, no error) and is in the live vault ...
    assert saved
    assert [d.id for d in documents.list_clinical_documents(practitioner, patient)] == saved
    assert len(_documents_audited(practitioner)) == len(audited) + 1
    # ... and wholly absent from the backup, which is the state from before it.
    with _restore(vault, backup, tmp_path / "R.medvault") as restored:
        assert documents.list_clinical_documents(restored, patient) == []
        assert _documents_audited(restored) == audited


def test_clinical_db_is_held_still_before_admin_db(
    practitioner: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A clinical write commits its audit record first: freezing clinical.db first means a
    # backup can never hold a clinical change without its audit record.
    order: list[str] = []
    real_freeze = snapshot.frozen_database

    def recording(path: Path, key: SecretKey, label: str) -> Any:
        order.append(label)
        return real_freeze(path, key, label)

    monkeypatch.setattr(backup_module, "frozen_database", recording)
    create_backup(practitioner, tmp_path / "b.mvbackup")
    assert order == ["clinical.db", "admin.db"]


def test_a_reader_holding_the_wal_gets_a_backup_through_the_backup_api(
    practitioner: Session, vault: VaultInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "READER_WAIT_MS", 50)
    patient = add_patient(practitioner)
    content = b"%PDF-1.7\n" + b"lu" * 30_000
    document_id = _import(practitioner, patient, write_file(tmp_path / "a.pdf", content), "Lu")
    clinical_key = practitioner.bundle.clinical_key
    assert clinical_key is not None
    readers = [
        open_database(vault.directory / "admin.db", practitioner.bundle.admin_key),
        open_database(vault.directory / "clinical.db", clinical_key),
    ]
    backup = tmp_path / "b.mvbackup"
    try:
        for reader in readers:  # read marks on both WALs: no checkpoint can empty them
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        create_backup(practitioner, backup)
        assert wal_has_frames(vault.directory / "clinical.db")
    finally:
        for reader in readers:
            reader.close()
    with _restore(vault, backup, tmp_path / "R.medvault") as restored:
        assert documents.read_clinical_document(restored, document_id) == content
        assert integrity_problems(restored.clinical_db) == []
