"""Tests for gapstudy.vocab: the vocabularies a researcher reads are the ones the code uses."""

from __future__ import annotations

import pytest

from gapstudy import figures, vocab


def test_the_vocabularies_in_the_docs_are_generated_from_the_code(repo_paths):
    docs = repo_paths.root / "docs" / "annotations.md"
    written = docs.read_text(encoding="utf-8")
    assert written == vocab.with_vocabularies(written), (
        "docs/annotations.md lists vocabularies that differ from gapstudy/vocab.py: "
        "run `make vocab-docs`"
    )


def test_every_value_of_every_vocabulary_is_listed():
    listed = vocab.vocabularies_markdown()
    for _, _, terms in vocab._DOCUMENTED:
        for term in terms:
            assert f"| `{term}` |" in listed
    for words in vocab.QUALIFIERS:
        assert f"| `{words.replace('|', chr(92) + '|')}` |" in listed
    assert {"UNITS", "FIGURE_KINDS", "DIMENSIONS"} <= {
        name for name in dir(vocab) if getattr(vocab, name) in [t for _, _, t in vocab._DOCUMENTED]
    }


def test_every_qualifier_effect_is_defined_and_applied():
    assert set(vocab.QUALIFIERS.values()) <= set(vocab.QUALIFIER_EFFECTS)
    assert set(figures._EFFECTS) == set(vocab.QUALIFIER_EFFECTS)
    assert {bound for bound, *_ in figures._EFFECTS.values()} <= set(vocab.BOUNDS)


def test_a_new_value_changes_the_generated_section(monkeypatch):
    document = f"intro\n{vocab.DOCS_BEGIN}\nstale list\n{vocab.DOCS_END}\nrest\n"
    monkeypatch.setitem(vocab.UNITS, "widget", "a unit added in a test")
    written = vocab.with_vocabularies(document)
    assert written.startswith("intro\n") and written.endswith("\nrest\n")
    assert "| `widget` | a unit added in a test |" in written
    assert "stale list" not in written


def test_a_document_without_the_markers_is_refused():
    with pytest.raises(ValueError, match="no section"):
        vocab.with_vocabularies("no markers here")
