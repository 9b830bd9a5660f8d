"""Large files stream through in chunks: memory stays bounded whatever the file size."""

from __future__ import annotations

import hashlib
import tracemalloc
from pathlib import Path

import pytest

from medvault.core.documents import DocumentCategory
from medvault.services import documents
from medvault.services.session import Session
from tests.services.document_helpers import add_patient, write_random_file

SIZE = 64 * 1024 * 1024
PEAK_LIMIT = 16 * 1024 * 1024


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


@pytest.mark.slow
def test_64_mib_import_and_export_stay_under_16_mib(practitioner: Session, tmp_path: Path) -> None:
    source = write_random_file(tmp_path / "irm.dcm", SIZE)
    patient = add_patient(practitioner)
    tracemalloc.start()
    try:
        info = documents.import_clinical_document(
            practitioner,
            patient_id=patient,
            path=source,
            title="IRM lombaire",
            document_date="2025-01-01",
            category=DocumentCategory.IMAGING,
        )
        _, import_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        target = documents.export_clinical_document(practitioner, info.id, tmp_path / "copie.dcm")
        _, export_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        streamed = hashlib.sha256()
        for chunk in documents.iter_clinical_document_chunks(practitioner, info.id):
            streamed.update(chunk)
        _, stream_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.size == SIZE
    assert info.chunk_count == SIZE // (256 * 1024)
    assert info.sha256 == _sha256(source) == _sha256(target) == streamed.hexdigest()
    assert import_peak < PEAK_LIMIT, import_peak
    assert export_peak < PEAK_LIMIT, export_peak
    assert stream_peak < PEAK_LIMIT, stream_peak
