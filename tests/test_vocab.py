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


# Forms a verb of change has that mean something else before a figure, left out on purpose:
# "felled"/"fells" (of "fell", to cut down), "downed"/"ups" (of the particles), "shrunken"
# (an adjective), and the base forms that are also nouns or adjectives ("advance", "lower").
_NOT_OF_CHANGE = frozenset({"felled", "felling", "fells", "downed", "downing", "downs"})
_NOT_OF_CHANGE |= {"upped", "upping", "ups", "shrunken"}


def test_every_form_in_ing_s_and_ed_of_a_verb_of_change_is_declared_with_its_sign():
    import lemminflect

    missing = []
    for word, sign in vocab.CHANGE_VERBS.items():
        for lemma in lemminflect.getAllLemmas(word).get("VERB", ()):
            forms = lemminflect.getAllInflections(lemma, upos="VERB")
            for tag in ("VBD", "VBN", "VBG", "VBZ"):
                for form in forms.get(tag, ()):
                    if form not in _NOT_OF_CHANGE and vocab.CHANGE_VERBS.get(form) != sign:
                        missing.append((word, form))
    assert not missing, missing


def test_every_form_of_a_verb_that_moves_an_amount_is_one_of_change():
    assert set(vocab.CHANGE_VERBS) >= vocab.AMOUNT_VERBS
    assert {"adds", "adding", "losing", "gaining", "sheds", "shedding"} <= vocab.AMOUNT_VERBS


def test_every_declared_counted_noun_is_what_a_count_counts():
    # after a number each declared noun and its plural in "-s" name what is counted
    for noun in vocab.COUNTED_NOUNS:
        for word in (noun, f"{noun}s"):
            assert not figures.is_unit_word(word), word
            reading = figures.read_mention(f"25 {word}")
            assert (reading["kind"], reading["value"]) == ("count", 25.0), word
    assert {"chain", "barn", "pole", "unit"} <= set(vocab.COUNTED_NOUNS)


def test_every_word_of_every_word_list_is_listed_under_its_heading():
    listed = vocab.vocabularies_markdown()
    for heading, _, words in vocab.WORD_LISTS:
        section = listed.split(f"### {heading}\n", 1)[1].split("###", 1)[0]
        assert words and all(f"`{word}`" in section for word in words), heading


def test_a_bound_softener_keeps_the_bound_it_softens():
    for softener in vocab.BOUND_SOFTENERS:
        assert vocab.QUALIFIERS[f"{softener} more than"] == vocab.QUALIFIERS["more than"]
        assert vocab.QUALIFIERS[f"{softener} under"] == vocab.QUALIFIERS["under"]


def test_the_money_units_are_units_with_their_written_forms():
    """The one list of currencies (read by the reader and the rules) names declared units."""
    assert set(vocab.UNITS) >= vocab.MONEY_UNITS
    assert all(vocab.UNITS[unit] for unit in vocab.MONEY_UNITS)
