"""The declared keys of every input entry: unknown, missing, null and ill-typed values."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapstudy import vocab
from gapstudy.input_schema import (
    CROSS_SOURCE_FILES,
    ENTRY_KINDS,
    LIST,
    TYPE_WORDS,
    check_document,
    check_entry,
)
from gapstudy.yamlfile import read_yaml

PATH = Path("data/annotations/x.yaml")


def _figure(**changes):
    entry = {
        "text": "2.7%",
        "entity": "China",
        "metric": "gap",
        "period_precision": "year",
        "__line__": 7,
        "__lines__": {},
    }
    entry.update(changes)
    entry["__lines__"] = {k: 7 + n for n, k in enumerate(entry) if not k.startswith("__")}
    return entry


def test_every_declared_type_has_words_and_every_list_a_known_entry_kind():
    for keys in ENTRY_KINDS.values():
        for key in keys.values():
            assert key.type in TYPE_WORDS
            assert (key.entries is not None) <= (key.type == LIST)
            assert key.entries is None or key.entries in ENTRY_KINDS
    assert set(CROSS_SOURCE_FILES.values()) <= set(ENTRY_KINDS)


def test_a_valid_figure_passes():
    assert check_entry(_figure(high=20.0, value=None, occurrence=2), "figure", PATH) == []


@pytest.mark.parametrize(
    ("changes", "message", "hint"),
    [
        ({"hihg": 99.0}, "figure: unknown key 'hihg'", "did you mean 'high'?"),
        ({"counterprt": "US"}, "unknown key 'counterprt'", "did you mean 'counterpart'?"),
        ({"zzz": 1}, "unknown key 'zzz'", "allowed keys: text, occurrence"),
        ({"high": "20"}, "'high' must be a finite number, not text '20'", "1.0e+9"),
        ({"high": True}, "'high' must be a finite number, not true/false", "without quotes"),
        ({"high": float("inf")}, "'high' must be a finite number", ""),
        ({"high": 10**400}, "'high' must be a finite number", ""),
        ({"occurrence": 1.0}, "'occurrence' must be a whole number", ""),
        ({"metric": ["a"]}, "'metric' must be text, not a list", "not a list or mapping"),
        ({"metric": None}, "'metric' is null but must be text", ""),
        ({"metric": "  "}, "'metric' is empty", "give the value"),
        ({"period": 2024}, "'period' must be text, not a whole number 2024", "put quotes"),
    ],
)
def test_each_bad_key_is_named_with_its_line(changes, message, hint):
    entry = _figure(**changes)
    (problem,) = check_entry(entry, "figure", PATH)
    key = next(iter(changes))
    assert problem.line == entry["__lines__"][key]
    assert message in problem.message
    assert hint in problem.hint


def test_missing_required_keys_are_named_at_the_entry():
    entry = _figure()
    del entry["metric"], entry["__lines__"]["metric"]
    (problem,) = check_entry(entry, "figure", PATH)
    assert (problem.line, problem.message) == (7, "figure lacks 'metric'")


def test_lists_of_entries_are_checked_with_a_label_for_each(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        "source_id: s\n"
        "claims:\n"
        "  - key: lin-odds\n"
        "    figures:\n"
        "      - text: 20%\n"
        "        hihg: 1.0\n"
        "  - just words\n"
    )
    problems = check_document(read_yaml(path), "annotation file", path)
    messages = {(p.line, p.message.split(":")[0]) for p in problems}
    assert (6, "figure 1 of claim 'lin-odds'") in messages
    assert any("every entry under 'claims' must be a mapping" in p.message for p in problems)
    assert any(p.message == "claim 'lin-odds' lacks 'voice'" for p in problems)


def test_a_document_that_is_not_a_mapping_is_refused():
    (problem,) = check_document(["a"], "facts file", PATH)
    assert problem.message == "the file is not a YAML mapping"
    assert "'facts:'" in problem.hint


def test_the_real_inputs_hold_only_declared_keys(repo_paths):
    assert (
        check_document(read_yaml(repo_paths.sources_file), "sources file", repo_paths.sources_file)
        == []
    )
    for name, kind in CROSS_SOURCE_FILES.items():
        path = repo_paths.annotations / name
        assert check_document(read_yaml(path), kind, path) == []
    cross = set(CROSS_SOURCE_FILES)
    for path in sorted(repo_paths.annotations.glob("*.yaml")):
        if path.name not in cross:
            assert check_document(read_yaml(path), "annotation file", path) == []


def test_vocabulary_keys_are_declared_as_text():
    # Values checked against a vocabulary must reach it as text, never as a list.
    for kind, key in [("claim", "dimension"), ("claim", "stance"), ("voice", "kind")]:
        assert ENTRY_KINDS[kind][key].type == "text"
    assert "overall_lead" in vocab.DIMENSIONS


def test_a_draft_file_as_written_for_a_new_source_has_only_declared_keys(tmp_path):
    path = tmp_path / "new.yaml"
    path.write_text(
        "source_id: new\nvoices: []\nclaims: []\nexclusions: []\ndrafts:\n"
        "- draft: true\n  text: 47 percent\n  line: 4\n  context: trains 47 percent of\n"
        "  kind: percent\n  value: 47.0\n  low: 47.0\n  high: 47.0\n  unit: percent\n"
        "  qualifier: null\n"
        "- draft: true\n  text: millions\n  line: 5\n  context: millions of\n"
        "  refusal: a vague quantity\n"
    )
    assert check_document(read_yaml(path), "annotation file", path) == []
