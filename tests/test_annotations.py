from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gapstudy.annotations import (
    check_boundaries,
    find_verbatim,
    load_shared_voices,
    normalise_for_matching,
)
from gapstudy.check import inspect_corpus
from gapstudy.exceptions import AnnotationError
from gapstudy.vocab import STANCES


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


@pytest.mark.parametrize(
    ("text", "needle", "problem"),
    [
        ("But that assessment", "But that", None),
        ("But that assessment", "ut that", "starts inside"),
        ("is stagnating.", "stagnatin", "ends inside"),
        ("said 20 percent", "0 percent", "starts inside"),
        ("lead of 17.5%", "17", "ends inside"),
        ("lead of 17.5%", "5%", "starts inside"),
        ("lead of 17.5%", "17.5%", None),
        ("$1,200 million", "200 million", "starts inside"),
        ("raised $560 million", "560 million", "starts inside"),  # the sign is the number's
        ("by only 2.7%", "2.7", "ends inside"),
        ("by only 2.7%.", "2.7%", None),
        ("in 2024, then", "2024", None),
        ("“Below 20 percent,” said", "Below 20 percent", None),
        ("China’s AI", "China", None),  # an apostrophe ends a word
        ("U.S. chips", "U.S.", None),
        ("中国人工智能", "人工", None),  # no spaces between Chinese words: any cut is a boundary
    ],
)
def test_spans_must_start_and_end_on_word_and_number_boundaries(text, needle, problem):
    start = text.index(needle)
    found = check_boundaries(text, (start, start + len(needle)))
    if problem is None:
        assert found is None
    else:
        assert found is not None and found.startswith(problem)


_words = st.lists(
    st.text(alphabet="abcXYZ0123456789", min_size=1, max_size=6), min_size=1, max_size=8
)


@given(_words, st.data())
def test_whole_words_pass_and_cut_words_fail(words, data):
    text = " ".join(words)
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    start = sum(len(w) + 1 for w in words[:first])
    end = sum(len(w) + 1 for w in words[: last + 1]) - 1
    assert check_boundaries(text, (start, end)) is None
    if len(words[first]) > 1:
        assert "starts inside" in check_boundaries(text, (start + 1, end))
    if len(words[last]) > 1 and end - 1 > start:
        assert "ends inside" in check_boundaries(text, (start, end - 1))


# --- shared voices ----------------------------------------------------------------------------
def _voices_file(project, text: str) -> None:
    (project.annotations / "voices.yaml").write_text(text, encoding="utf-8")


def test_a_shared_voice_is_declared_once_and_referred_to_by_key(repo_paths):
    corpus = inspect_corpus(repo_paths)
    shared, problems = load_shared_voices(repo_paths)
    assert problems == [] and shared["tencent"]["kind"] == "organisation"
    # two texts refer to it by key alone, each with its own stance and role
    users = [n for n in corpus.annotations.values() if "tencent" in n.voices]
    assert len(users) >= 2
    for notes in users:
        voice = notes.voices["tencent"]
        assert (voice["name"], voice["kind"]) == ("Tencent", "organisation")
        assert voice["stance"] in STANCES


def test_a_shared_voice_given_another_kind_is_refused_with_its_line(project):
    path = project.annotation_file("aicerts-widening-2026")
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - key: tencent  ", "  - kind: person\n    key: tencent  ", 1)
    path.write_text(text, encoding="utf-8")
    corpus = inspect_corpus(project)
    (problem,) = [p for p in corpus.problems if "voices.yaml" in p.message]
    assert "voice 'tencent' is declared in voices.yaml with kind 'organisation'" in problem.message
    assert problem.path == path and problem.line == _line_of(path, "key: tencent  ") - 1


def test_a_voice_neither_declared_nor_shared_is_refused(project):
    _voices_file(project, "voices: []\n")
    corpus = inspect_corpus(project)
    messages = [p.message for p in corpus.problems]
    assert "voice 'tencent' has no name" in messages
    assert "voice 'tencent' has no kind" in messages


def test_the_shared_voices_file_is_checked(project):
    _voices_file(
        project,
        "voices:\n  - {key: tencent, name: Tencent, kind: company}\n"
        "  - {key: tencent, name: Tencent, kind: organisation}\n",
    )
    problems = load_shared_voices(project)[1]
    assert [p.line for p in problems] == [2, 3]
    assert "use one of: person, organisation" in problems[0].hint
    assert "declared twice" in problems[1].message
    _voices_file(project, "voices:\n  - {key: tencent, nmae: Tencent, kind: organisation}\n")
    with pytest.raises(AnnotationError, match="did you mean 'name'"):
        inspect_corpus(project)


def test_without_a_shared_voices_file_every_voice_declares_itself(project):
    (project.annotations / "voices.yaml").unlink()
    assert load_shared_voices(project) == ({}, [])


def _line_of(path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if fragment in line)
