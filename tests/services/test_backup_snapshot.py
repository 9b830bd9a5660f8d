"""A backup is one consistent state of the vault: a write committed just before it is wholly
in it (database rows and audit record), a write tried while it is being taken is wholly absent
(refused, nothing half-written), and the restored copy passes every check either way."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from medvault.core.documents import DocumentCategory
from medvault.core.errors import VaultInUseError
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
    return [r.target for r in audit_repo.iter_records(session.admin_db) if r.action == "import"]


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
    backup = tmp_path / "b.mvbackup"
    create_backup(practitioner, backup)

    with _restore(vault, backup, tmp_path / "R.medvault") as restored:
        assert documents.read_clinical_document(restored, document_id) == content
        assert _documents_audited(restored) == audited


def test_a_write_tried_while_the_backup_is_taken_is_wholly_absent(
    practitioner: Session, vault: VaultInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient = add_patient(practitioner)
    source = write_file(tmp_path / "pendant.pdf", b"%PDF-1.7\n" + b"x" * 50_000)
    for conn in (practitioner.admin_db, practitioner.clinical_db):
        conn.execute("PRAGMA busy_timeout = 50")
    refused: list[BaseException] = []
    real_write = backup_archive._write_chunk

    def write_during_the_backup(handle: io.BufferedWriter, data: bytes) -> int:
        if not refused:  # half-way through writing the archive, the session writes
            with pytest.raises(VaultInUseError) as caught:
                _import(practitioner, patient, source, "Pendant")
            refused.append(caught.value)
        return real_write(handle, data)

    monkeypatch.setattr(backup_archive, "_write_chunk", write_during_the_backup)
    audited = _documents_audited(practitioner)
    backup = tmp_path / "b.mvbackup"
    create_backup(practitioner, backup)
    assert refused
    monkeypatch.undo()

    # Nothing of the refused write anywhere: not in the live vault, not in the backup.
    assert documents.list_clinical_documents(practitioner, patient) == []
    assert _documents_audited(practitioner) == audited
    with _restore(vault, backup, tmp_path / "R.medvault") as restored:
        assert documents.list_clinical_documents(restored, patient) == []
        assert _documents_audited(restored) == audited
    # Once the backup is done the same write goes through.
    for conn in (practitioner.admin_db, practitioner.clinical_db):
        conn.execute("PRAGMA busy_timeout = 5000")
    _import(practitioner, patient, source, "Après")
    assert len(documents.list_clinical_documents(practitioner, patient)) == 1


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
