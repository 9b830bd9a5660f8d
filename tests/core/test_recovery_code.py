from __future__ import annotations

import math
import re

import pytest

from medvault.core.errors import InvalidInputError
from medvault.core.recovery_code import generate_recovery_code, normalize_recovery_code


def test_code_is_typeable_groups_with_at_least_128_bits() -> None:
    code = generate_recovery_code()
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}", code)
    assert 32 * math.log2(32) >= 128
    assert len({generate_recovery_code() for _ in range(50)}) == 50


def test_typing_is_forgiving() -> None:
    code = generate_recovery_code()
    canonical = normalize_recovery_code(code)
    assert normalize_recovery_code(code.lower().replace("-", " ")) == canonical
    assert normalize_recovery_code("oooo-iiii-llll-0000-1111-2222-3333-4444") == (
        normalize_recovery_code("0000-1111-1111-0000-1111-2222-3333-4444")
    )


@pytest.mark.parametrize("typed", ["", "ABCD", "UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU"])
def test_bad_codes_get_a_clear_error(typed: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        normalize_recovery_code(typed)
    assert "32" in caught.value.message("fr")
