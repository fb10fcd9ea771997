"""Checks over the real corpus that a reviewer would want: coverage, voices and their citations,
one spelling per shared voice, the fact reconciliation as the sources give it, and derived
measures that follow from the figures they name."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import gapstudy
from gapstudy.check import validate
from gapstudy.paths import ProjectPaths, project_paths

SOURCES = (
    "ithome-zheng-2026",
    "hk-agi-next-2026",
    "bloomberg-repost-2026",
    "undated-narrowing",
    "aicerts-widening-2026",
)

# (fact_id, sources reporting it, whether the reports agree), as the corpus stands. A new report
# of a fact, a lost `fact:` link or a disagreement between sources changes this set.
EXPECTED_FACTS = {
    ("zhipu-ipo-proceeds", 2, True),
    ("minimax-ipo-proceeds", 2, True),
    ("zhipu-minimax-ipo-total", 2, True),
    ("lin-overtake-odds", 3, True),
    ("us-china-compute-gap", 1, True),
    ("tang-gap-widening", 2, True),
    ("lin-compute-stretched", 2, True),
}

# Reports per fact and source: which texts carry each fact, and how often.
EXPECTED_FACT_REPORTS = {
    ("zhipu-ipo-proceeds", "aicerts-widening-2026"): 1,
    ("zhipu-ipo-proceeds", "hk-agi-next-2026"): 1,
    ("minimax-ipo-proceeds", "aicerts-widening-2026"): 1,
    ("minimax-ipo-proceeds", "hk-agi-next-2026"): 1,
    ("zhipu-minimax-ipo-total", "aicerts-widening-2026"): 1,
    ("zhipu-minimax-ipo-total", "bloomberg-repost-2026"): 1,
    ("lin-overtake-odds", "aicerts-widening-2026"): 3,
    ("lin-overtake-odds", "bloomberg-repost-2026"): 1,
    ("lin-overtake-odds", "hk-agi-next-2026"): 1,
    ("us-china-compute-gap", "aicerts-widening-2026"): 3,
    ("tang-gap-widening", "bloomberg-repost-2026"): 1,
    ("tang-gap-widening", "hk-agi-next-2026"): 1,
    ("lin-compute-stretched", "bloomberg-repost-2026"): 1,
    ("lin-compute-stretched", "hk-agi-next-2026"): 1,
}

EXPECTED_MEASURES = {
    "us-china-private-investment-ratio": "ratio",
    "us-china-notable-models-ratio": "ratio",
    "mmlu-gap-change": "difference",
    "mmmu-gap-change": "difference",
}

# Voice keys for each source's own reporting voice: a slug of the outlet where the text names
# it, `author-<source_id>` where it does not.
EXPECTED_OWN_VOICE = {
    "ithome-zheng-2026": "it-home",
    "hk-agi-next-2026": "author-hk-agi-next-2026",
    "bloomberg-repost-2026": "bloomberg",
    "undated-narrowing": "author-undated-narrowing",
    "aicerts-widening-2026": "ai-certs",
}


@pytest.fixture(scope="module")
def real_paths() -> ProjectPaths:
    """The real project, shared by this module's tests (nothing here writes)."""
    return project_paths(Path(__file__).resolve().parent.parent)


@pytest.fixture(scope="module")
def tables(real_paths: ProjectPaths) -> dict[str, pd.DataFrame]:
    names = ("voices", "claims", "figures", "fact_values", "derived_measures")
    return {name: gapstudy.load(name, real_paths) for name in names}


def test_every_source_has_full_coverage_of_body_mentions(real_paths) -> None:
    coverage = validate(real_paths).coverage()
    assert set(coverage) == set(SOURCES)
    for source_id, (done, total) in coverage.items():
        assert total > 0, source_id
        assert done == total, f"{source_id}: {total - done} numeric mentions left open"


def _cited_by_source(tables: dict[str, pd.DataFrame]) -> set[tuple[str, str]]:
    cited = set()
    for name in ("claims", "voices"):
        frame = tables[name]
        for row in frame[frame["cites"].notna()].itertuples(index=False):
            cited.add((row.source_id, row.cites))
    return cited


def test_every_voice_has_a_claim_or_is_cited(tables) -> None:
    voices, claims = tables["voices"], tables["claims"]
    speaking = set(claims["voice_id"])
    cited = _cited_by_source(tables)
    idle = [
        v.voice_id
        for v in voices.itertuples(index=False)
        if v.voice_id not in speaking and (v.source_id, v.voice_key) not in cited
    ]
    assert idle == []


def test_cited_only_voices_are_reports_or_organisations(tables) -> None:
    """A source that only lends its data is declared as what it is, never as a person."""
    voices, claims = tables["voices"], tables["claims"]
    speaking = set(claims["voice_id"])
    cited_only = voices[~voices["voice_id"].isin(speaking)]
    assert len(cited_only) > 0
    assert set(cited_only["kind"]) <= {"report", "organisation"}


def test_every_cites_names_a_voice_of_the_same_source(tables) -> None:
    declared = set(zip(tables["voices"]["source_id"], tables["voices"]["voice_key"], strict=True))
    cited = _cited_by_source(tables)
    assert cited, "the corpus has citation chains; an empty set means the column was lost"
    assert sorted(cited - declared) == []


def test_claims_speak_with_a_voice_of_their_own_source(tables) -> None:
    claims = tables["claims"]
    voice_source = claims["voice_id"].str.split("/").str[0]
    assert list(claims.loc[voice_source != claims["source_id"], "claim_id"]) == []
    assert set(claims["voice_id"]) <= set(tables["voices"]["voice_id"])


@pytest.mark.parametrize("column", ["name", "kind", "affiliation"])
def test_a_voice_key_shared_by_sources_is_spelled_one_way(tables, column) -> None:
    voices = tables["voices"]
    shared = voices[voices.groupby("voice_key")["source_id"].transform("nunique") > 1]
    assert shared["voice_key"].nunique() >= 4  # justin-lin, tang-jie, yao-shunyu, ...
    spellings = shared.dropna(subset=[column]).groupby("voice_key")[column].unique()
    differing = {key: sorted(values) for key, values in spellings.items() if len(values) > 1}
    assert differing == {}


def test_each_source_speaks_under_its_own_outlet_key(tables) -> None:
    voices = tables["voices"]
    outlets = voices[voices["kind"] == "outlet"]
    assert dict(zip(outlets["source_id"], outlets["voice_key"], strict=True)) == (
        EXPECTED_OWN_VOICE
    )
    assert "outlet" not in set(voices["voice_key"])


def test_fact_reconciliation_reports_what_the_sources_say(tables) -> None:
    facts = tables["fact_values"]
    observed = {
        (row.fact_id, int(row.n_sources), bool(row.is_agreeing))
        for row in facts.itertuples(index=False)
    }
    assert observed == EXPECTED_FACTS
    per_fact = facts.groupby("fact_id")
    assert (per_fact["n_sources"].nunique() == 1).all()
    assert (per_fact["is_agreeing"].nunique() == 1).all()
    counts = facts.groupby(["fact_id", "source_id"]).size().to_dict()
    assert counts == EXPECTED_FACT_REPORTS


def test_derived_measures_follow_from_their_figures(tables) -> None:
    figures = tables["figures"].set_index("figure_id")
    derived = tables["derived_measures"]
    assert dict(zip(derived["measure_id"], derived["operation"], strict=True)) == (
        EXPECTED_MEASURES
    )
    for row in derived.itertuples(index=False):
        numerator = float(figures.loc[row.numerator_figure_id, "value"])
        denominator = float(figures.loc[row.denominator_figure_id, "value"])
        assert row.numerator_value == pytest.approx(numerator), row.measure_id
        assert row.denominator_value == pytest.approx(denominator), row.measure_id
        expected = numerator / denominator if row.operation == "ratio" else numerator - denominator
        assert row.value == pytest.approx(expected, rel=1e-9), row.measure_id
        assert figures.loc[row.numerator_figure_id, "source_id"] == row.source_id
        assert figures.loc[row.denominator_figure_id, "source_id"] == row.source_id
