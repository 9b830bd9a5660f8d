"""Fuzzed outside input (vault header, backups, imported files): only our own clear errors, no
crash, nothing written where it must not be. Database pages: see test_torn_files.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.fuzz_targets import FuzzContext
from tests.reliability.profiles import QUICK

pytestmark = pytest.mark.reliability

_SETTINGS = settings(
    max_examples=QUICK.fuzz_cases,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def context() -> Iterator[FuzzContext]:
    made = FuzzContext()
    yield made
    made.close()


@_SETTINGS
@given(data=st.binary(max_size=256))
def test_damaged_header_bytes_are_refused_as_damage(context: FuzzContext, data: bytes) -> None:
    context.header_bytes(data)


@_SETTINGS
@given(data=st.binary(max_size=256))
def test_forged_and_rechecksummed_headers_end_in_our_errors(
    context: FuzzContext, data: bytes
) -> None:
    context.header_resigned(data)


@settings(_SETTINGS, max_examples=QUICK.backup_fuzz_cases)
@given(data=st.binary(max_size=256))
def test_damaged_backups_are_refused_and_never_restored(context: FuzzContext, data: bytes) -> None:
    context.backup_file(data)


@_SETTINGS
@given(data=st.binary(max_size=4096))
def test_any_file_is_imported_exactly_or_refused(context: FuzzContext, data: bytes) -> None:
    context.import_file(data)
