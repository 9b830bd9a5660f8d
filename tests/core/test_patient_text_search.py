"""Folding of search keys: accents, case, ligatures and separators."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medvault.core.text_search import fold, prefix_upper_bound, word_suffixes, words


@pytest.mark.parametrize("typed", ["Éloïse", "ELOISE", "eloïse", "éloïse", "E\u0301loi\u0308se"])
def test_accents_and_case_fold_to_one_key(typed: str) -> None:
    assert fold(typed) == "eloise"


def test_ligatures_and_separators() -> None:
    assert fold("Lœtitia") == "loetitia"
    assert fold("Æsa") == "aesa"
    assert fold("Strauß") == "strauss"
    assert fold("N'Diaye") == "n diaye"
    assert fold("  Dupont--Lefèvre ") == "dupont lefevre"
    assert words("Jean-Pierre") == ["jean", "pierre"]
    assert word_suffixes("de La Fontaine") == ["de la fontaine", "la fontaine", "fontaine"]


def test_prefix_upper_bound_is_the_next_string() -> None:
    assert prefix_upper_bound("dup") == "duq"
    assert prefix_upper_bound("a\U0010ffff") == "b"
    with pytest.raises(ValueError, match="empty"):
        prefix_upper_bound("")


@given(st.text(min_size=1, max_size=8), st.text(max_size=8))
def test_every_extension_of_a_prefix_falls_in_its_range(prefix: str, rest: str) -> None:
    folded = fold(prefix)
    if not folded:
        return
    bound = prefix_upper_bound(folded)
    key = folded + fold(rest)
    # Compared as SQLite compares TEXT with the BINARY collation: UTF-8 bytes.
    assert folded.encode() <= key.encode() < bound.encode()
