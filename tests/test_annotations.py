from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gapstudy.annotations import find_verbatim, normalise_for_matching


@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("said “Below 20 percent,” said", '"Below 20 percent,"', [(5, 24)]),
        ("it’s here", "it's here", [(0, 9)]),
        ("a  b\n c", "a b c", [(0, 7)]),
        ("2.7% and 2.7%", "2.7%", [(0, 4), (9, 13)]),
        ("Below 20 percent", "below 20 percent", []),  # case is not folded
        ("abc", "abd", []),
    ],
)
def test_find_verbatim_allows_only_quotes_and_white_space(haystack, needle, expected):
    assert find_verbatim(haystack, needle) == expected


@given(st.text())
def test_normalisation_maps_back_to_the_original(text):
    norm, origin = normalise_for_matching(text)
    assert len(norm) == len(origin)
    assert origin == sorted(origin)
    for i, ch in enumerate(norm):
        if ch not in " \"'":
            assert text[origin[i]] == ch


@given(st.text(min_size=1), st.text(), st.text())
def test_a_substring_is_always_found_at_its_place(needle, before, after):
    haystack = before + needle + after
    spans = find_verbatim(haystack, needle)
    if needle.strip():
        assert spans, "a verbatim substring must be found"
        assert all(0 <= s < e <= len(haystack) for s, e in spans)
