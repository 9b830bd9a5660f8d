"""Document metadata validation, categories and media types (pure, no vault)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medvault.core.documents import (
    CATEGORY_KIND,
    CATEGORY_LABELS,
    MAX_TITLE_CHARS,
    DocumentCategory,
    DocumentKind,
    audit_target,
    categories_for,
    guess_media_type,
    title_from_file_name,
    validate_deletion_reason,
    validate_fields,
)
from medvault.core.errors import FieldError

TODAY = date(2025, 3, 14)


def _fields(kind: DocumentKind = DocumentKind.CLINICAL, **overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "title": "Bilan sanguin",
        "document_date": "2025-03-01",
        "category": DocumentCategory.LAB_RESULT
        if kind is DocumentKind.CLINICAL
        else DocumentCategory.INSURANCE,
        "source": "Laboratoire Cerballiance",
        "original_name": "bilan.pdf",
    }
    values.update(overrides)
    return values


def test_valid_fields_are_cleaned() -> None:
    fields = validate_fields(
        DocumentKind.CLINICAL,
        today=TODAY,
        **_fields(title="  Bilan\tsanguin\n ", original_name="C:\\Users\\x\\Bureau\\bilan.pdf"),
    )
    assert fields.title == "Bilan sanguin"
    assert fields.document_date == date(2025, 3, 1)
    assert fields.category is DocumentCategory.LAB_RESULT
    assert fields.original_name == "bilan.pdf"


def test_title_is_nfc_normalised() -> None:
    decomposed = "He\u0301mogramme"
    fields = validate_fields(DocumentKind.CLINICAL, today=TODAY, **_fields(title=decomposed))
    assert fields.title == "Hémogramme"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "   "),
        ("title", "x" * (MAX_TITLE_CHARS + 1)),
        ("title", 42),
        ("document_date", "2025-13-01"),
        ("document_date", "1899-12-31"),
        ("document_date", "2025-03-16"),
        ("document_date", datetime(2025, 3, 1, 12, 0)),
        ("category", "insurance"),  # an administrative category on a clinical document
        ("category", "nope"),
        ("source", "s" * 201),
        ("original_name", ""),
        ("original_name", "dir/"),
    ],
)
def test_bad_field_names_the_field(field: str, value: object) -> None:
    with pytest.raises(FieldError) as caught:
        validate_fields(DocumentKind.CLINICAL, today=TODAY, **_fields(**{field: value}))
    assert caught.value.field == field
    assert caught.value.fr and caught.value.en


def test_tomorrow_is_accepted_for_time_zones() -> None:
    fields = validate_fields(
        DocumentKind.CLINICAL, today=TODAY, **_fields(document_date=date(2025, 3, 15))
    )
    assert fields.document_date == date(2025, 3, 15)


def test_every_category_has_one_kind_and_labels() -> None:
    assert set(CATEGORY_KIND) == set(DocumentCategory) == set(CATEGORY_LABELS)
    admin = set(categories_for(DocumentKind.ADMINISTRATIVE))
    clinical = set(categories_for(DocumentKind.CLINICAL))
    assert not admin & clinical
    assert DocumentCategory.IDENTITY in admin
    assert DocumentCategory.LAB_RESULT in clinical


def test_deletion_reason_is_required() -> None:
    with pytest.raises(FieldError) as caught:
        validate_deletion_reason("  ")
    assert caught.value.field == "reason"
    assert validate_deletion_reason(" doublon ") == "doublon"


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("scan.tmp", b"%PDF-1.4\n", "application/pdf"),
        ("photo", b"\x89PNG\r\n\x1a\n\x00", "image/png"),
        ("carte.pdf", b"\xff\xd8\xff\xe1", "image/jpeg"),  # the content wins over the name
        ("courrier.txt", b"Cher confrere", "text/plain"),
        ("resultat.pdf", b"not a pdf", "application/pdf"),
        ("inconnu.zzz9", b"\x00\x01", "application/octet-stream"),
    ],
)
def test_media_type_from_magic_then_name(name: str, head: bytes, expected: str) -> None:
    assert guess_media_type(name, head) == expected


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("bilan_sanguin_mars.pdf", "bilan sanguin mars"),
        ("sans-extension", "sans-extension"),
        ("archive.tar.gz", "archive.tar"),
        (".pdf", ".pdf"),
    ],
)
def test_title_from_file_name(name: str, title: str) -> None:
    assert title_from_file_name(name) == title


@given(st.text(max_size=400))
def test_title_from_any_file_name_is_valid(name: str) -> None:
    title = title_from_file_name(name)
    fields = validate_fields(
        DocumentKind.ADMINISTRATIVE,
        today=TODAY,
        **_fields(DocumentKind.ADMINISTRATIVE, title=title),
    )
    assert 0 < len(fields.title) <= MAX_TITLE_CHARS


def test_audit_target_names_kind_and_id_only() -> None:
    assert audit_target(DocumentKind.ADMINISTRATIVE, 7) == "admin_document:7"
    assert audit_target(DocumentKind.CLINICAL, 7) == "clinical_document:7"
