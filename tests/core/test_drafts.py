"""Draft editor keys are codes (they go into the audit trail); content is JSON text."""

from __future__ import annotations

import pytest

from medvault.core.drafts import (
    MAX_CONTENT_CHARS,
    DraftKind,
    validate_content,
    validate_editor_key,
)
from medvault.core.errors import FieldError
from medvault.core.permissions import Area


@pytest.mark.parametrize(
    "key", ["identity", "consultation:new", "consultation:123", "history_entry:9", "a"]
)
def test_editor_keys_that_are_codes_are_accepted(key: str) -> None:
    assert validate_editor_key(key) == key


@pytest.mark.parametrize(
    "key",
    [
        "",
        "Identity",
        "consultation:",
        "consultation:0",
        "consultation:dupont",
        "consultation:12:3",
        "identité",
        "1identity",
        "x" * 33,
        "consultation:" + "9" * 19,
        None,
        7,
    ],
)
def test_anything_else_is_refused(key: object) -> None:
    with pytest.raises(FieldError) as caught:
        validate_editor_key(key)
    assert caught.value.field == "editor_key"


def test_content_must_be_json_text_of_a_reasonable_size() -> None:
    assert validate_content('{"a": [1, "é"]}') == '{"a": [1, "é"]}'
    for bad in ("{", "", b"{}", "[" * 100_000, '"' + "x" * MAX_CONTENT_CHARS + '"'):
        with pytest.raises(FieldError) as caught:
            validate_content(bad)
        assert caught.value.field == "content"


def test_each_kind_needs_the_write_permission_of_its_area() -> None:
    assert DraftKind.CLINICAL.write_permission.area is Area.CLINICAL
    assert DraftKind.ADMINISTRATIVE.write_permission.area is Area.ADMINISTRATIVE
