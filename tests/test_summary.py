"""The reviewed summary of the corpus: what it pins; it covers only the sources it names."""

from __future__ import annotations

import json

import pytest

from gapstudy.check import validate
from gapstudy.summary import read_golden, summarise_corpus, write_golden


def test_a_summary_of_some_sources_reconciles_facts_over_those_alone(project):
    summary = summarise_corpus(project, ["hk-agi-next-2026"])
    assert list(summary["sources"]) == ["hk-agi-next-2026"]
    assert summary["facts"], "hk-agi-next-2026 reports shared facts"
    for fact in summary["facts"].values():
        assert fact["n_sources"] == 1
        assert list(fact["reports"]) == ["hk-agi-next-2026"]
    # hk-agi-next-2026 has no derived measure of its own; undated-narrowing's are not its.
    assert summary["measures"] == {}


def test_a_summary_of_some_sources_keeps_only_their_own_measures(project):
    summary = summarise_corpus(project, ["undated-narrowing"])
    assert summary["measures"], "undated-narrowing has ratios and changes of its own"
    for measure in summary["measures"].values():
        assert measure["numerator"].startswith("undated-narrowing/")
        assert measure["denominator"].startswith("undated-narrowing/")
    assert not summarise_corpus(project, ["ithome-zheng-2026"])["measures"]


def test_a_source_summary_counts_what_its_annotation_file_holds(project):
    sid = "ithome-zheng-2026"
    notes = validate(project).annotations[sid]
    source = summarise_corpus(project, [sid])["sources"][sid]
    assert source["own_voice"] == "it-home"
    assert set(source["voices"]) == set(notes.voices)
    assert source["n_claims"] == len(notes.claims)
    assert source["n_figures"] == sum(len(claim.figures) for claim in notes.claims)
    assert source["n_exclusions"] == len(notes.exclusions)


def test_an_unknown_source_is_named(project):
    with pytest.raises(KeyError, match="not-a-source"):
        summarise_corpus(project, ["not-a-source"])


def test_write_golden_covers_every_source_and_reads_back(project):
    path = write_golden(project)
    assert path == project.golden_corpus_file
    golden = read_golden(project)
    assert set(golden["sources"]) == set(validate(project).sources)
    assert golden == json.loads(json.dumps(summarise_corpus(project)))
