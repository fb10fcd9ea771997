"""The rules over judgements across texts (gapstudy.judgments), each on a small fixture corpus:
a fact's tolerance, one period, a level against a trend, sides that can both hold, and the
out-of-date record, which the brief shows as such."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
import yaml

from gapstudy import schema
from gapstudy.annotations import ClaimNote, FigureNote
from gapstudy.check import inspect_corpus
from gapstudy.figures import parse_figure
from gapstudy.judgments import (
    check_disagreements,
    check_judgments,
    check_out_of_date,
    find_report,
    list_out_of_date,
    load_out_of_date_spec,
)
from gapstudy.narrative import build_brief_context, load_brief_tables, render_brief

PATH = Path("disagreements.yaml")


@dataclass
class FakeCorpus:
    """What the rules read of a corpus: two or three sources with a few claims each."""

    sources: dict[str, Any] = field(default_factory=dict)
    annotations: dict[str, Any] = field(default_factory=dict)
    parsed: dict[str, Any] = field(default_factory=dict)
    facts: list[dict[str, Any]] = field(default_factory=list)

    def add(self, sid: str, key: str, direction: str, stance: str, **extra: Any) -> None:
        """A claim ``<sid>/<key>``; ``figure=<words>`` adds its figure 1 (with ``fact``)."""
        published = extra.pop("published", "2026-01")
        self.sources.setdefault(
            sid,
            SimpleNamespace(meta={"date_precision": "unknown" if published is None else "month"}),
        )
        notes = self.annotations.setdefault(sid, SimpleNamespace(claims=[]))
        words, fact = extra.pop("figure", None), extra.pop("fact", None)
        spec = {"dimension": "benchmark_performance", "direction": direction, "stance": stance}
        claim = ClaimNote(key, {**spec, **extra}, line=1)
        if words is not None:
            claim.figures.append(FigureNote(1, {"text": words, "fact": fact}, line=2))
            self.parsed[f"{sid}/{key}/1"] = parse_figure(words)
        notes.claims.append(claim)


def _entry(*reports: str, kind: str = "divergence", **extra: Any) -> dict[str, Any]:
    sides = [{"report": r, "position": "p", "line": 5 + n} for n, r in enumerate(reports)]
    return {
        "disagreement_id": "d",
        "kind": kind,
        "dimension": "benchmark_performance",
        "question": "q",
        "period": "January 2026",
        "what_differs": "w",
        "line": 2,
        "sides": sides,
        **extra,
    }


def _messages(problems) -> list[str]:
    return [p.message for p in problems]


@pytest.fixture
def corpus() -> FakeCorpus:
    c = FakeCorpus()
    c.add("a", "narrow", "narrowing", "optimist")
    c.add("b", "widen", "widening", "skeptic")
    c.add("b", "level", "us_ahead", "skeptic")
    c.add("c", "also-widen", "widening", "skeptic")
    return c


def test_a_real_disagreement_passes(corpus):
    assert check_disagreements(corpus, [_entry("a/narrow", "b/widen")], PATH) == []


def test_sides_of_different_periods_are_refused(corpus):
    entry = _entry("a/narrow", "b/widen")
    entry["sides"][0]["period"] = "late 2023 to 2024"
    (problem,) = check_disagreements(corpus, [entry], PATH)
    assert problem.line == 2
    assert "d: the sides speak of different periods (late 2023 to 2024 / January 2026)" in (
        problem.message
    )
    assert "change over time" in problem.hint


def test_a_level_listed_as_a_trend_is_refused(corpus):
    problems = check_disagreements(corpus, [_entry("a/narrow", "b/level")], PATH)
    assert _messages(problems) == [
        "d: a level is not a trend: b/level say where the gap stands, other sides where it moves"
    ]


def test_a_divergence_whose_sides_can_both_hold_is_refused(corpus):
    problems = check_disagreements(corpus, [_entry("b/widen", "c/also-widen")], PATH)
    assert _messages(problems) == [
        "d: every side says the same (widening, skeptic): the sides can both hold"
    ]


def test_a_side_on_another_dimension_is_refused(corpus):
    corpus.add("c", "compute", "widening", "skeptic", dimension="compute_and_chips")
    problems = check_disagreements(corpus, [_entry("a/narrow", "c/compute")], PATH)
    assert _messages(problems) == [
        "d: side 'c/compute' is about compute_and_chips, the disagreement about "
        "benchmark_performance"
    ]


def test_a_different_report_of_one_remark_may_share_direction(corpus):
    entry = _entry("b/widen", "c/also-widen", kind="different_report")
    assert check_disagreements(corpus, [entry], PATH) == []


@pytest.mark.parametrize(
    ("words", "refused"),
    [
        (("$560 million", "$558 million"), True),  # 0.36% of the smaller: within 1%
        (("$560 million", "$500 million"), False),  # 12%: beyond the tolerance
    ],
)
def test_figures_within_their_facts_tolerance_are_no_disagreement(words, refused):
    c = FakeCorpus(facts=[{"fact_id": "ipo", "unit": "usd", "tolerance_pct": 1.0}])
    c.add("a", "ipo", "none", "neutral", figure=words[0], fact="ipo")
    c.add("b", "ipo", "none", "neutral", figure=words[1], fact="ipo")
    entry = _entry("a/ipo/1", "b/ipo/1", kind="different_report")
    problems = check_disagreements(c, [entry], PATH)
    assert bool(problems) is refused
    if refused:
        assert "d: the figures agree within their facts' tolerance (ipo: " in problems[0].message


def test_figures_of_two_facts_are_refused_only_when_both_agree():
    c = FakeCorpus(
        facts=[
            {"fact_id": "one", "unit": "usd", "tolerance_pct": 1.0},
            {"fact_id": "two", "unit": "usd", "tolerance_pct": 1.0},
        ]
    )
    c.add("a", "x", "none", "neutral", figure="$560 million", fact="one")
    c.add("b", "x", "none", "neutral", figure="$558 million", fact="one")
    c.add("a", "y", "none", "neutral", figure="$620 million", fact="two")
    c.add("b", "y", "none", "neutral", figure="$619 million", fact="two")
    both = _entry("a/x/1", "b/x/1", "a/y/1", "b/y/1", kind="different_report")
    assert len(check_disagreements(c, [both], PATH)) == 1
    c.parsed["b/y/1"] = parse_figure("$700 million")
    assert check_disagreements(c, [both], PATH) == []


# --- out of date --------------------------------------------------------------------------


def _record(claim: str, evidence: str | None = "b/widen") -> dict[str, Any]:
    return {"claim": claim, "record": "r", "evidence": evidence, "note": None, "line": 3}


def test_an_out_of_date_record_passes(corpus):
    assert check_out_of_date(corpus, [_record("a/narrow")], [], Path("o.yaml")) == []


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (_record("a/nothing"), "'a/nothing' is neither a claim nor a figure of the corpus"),
        (_record("a/narrow", "a/narrow"), "'a/narrow': evidence 'a/narrow' comes from the same"),
        (_record("a/narrow", "z/none"), "'a/narrow': evidence 'z/none' names nothing"),
    ],
)
def test_a_bad_out_of_date_record_is_refused(corpus, record, message):
    problems = check_out_of_date(corpus, [record], [], Path("o.yaml"))
    assert [p.line for p in problems] == [3]
    assert problems[0].message.startswith(message)


def test_an_undated_claim_cannot_be_out_of_date(corpus):
    corpus.add("u", "old", "us_ahead", "skeptic", published=None)
    (problem,) = check_out_of_date(corpus, [_record("u/old")], [], Path("o.yaml"))
    assert problem.message == "'u/old': its source has no date"


def test_an_out_of_date_claim_is_no_side_of_a_disagreement(corpus):
    entry = _entry("a/narrow", "b/widen", kind="contradiction")
    (problem,) = check_out_of_date(corpus, [_record("a/narrow")], [entry], Path("o.yaml"))
    assert problem.message == "'a/narrow' is out of date and a side of disagreement 'd'"
    assert "not a contradiction" in problem.hint


def test_find_report_names_claims_and_figures():
    c = FakeCorpus()
    c.add("a", "k", "none", "neutral", figure="$1 billion")
    assert find_report(c, "a/k").figure is None
    assert find_report(c, "a/k/1").parsed.value == pytest.approx(1e9)
    assert find_report(c, "a/k/2") is None
    assert find_report(c, "a") is None


# --- wiring: gapstudy check and the tables ---------------------------------------------------


def _trend_claims_of_two_sources(project) -> tuple[str, str]:
    """A narrowing and a widening claim of two different sources of the corpus as it stands;
    the test makes no assumption on which texts they are."""
    corpus = inspect_corpus(project, require_complete=False)
    claims = [
        (sid, f"{sid}/{c.key}", c.spec["direction"])
        for sid, notes in corpus.annotations.items()
        for c in notes.claims
    ]
    for sid, narrow, direction in claims:
        if direction != "narrowing":
            continue
        widen = next((cid for s, cid, d in claims if d == "widening" and s != sid), None)
        if widen is not None:
            return narrow, widen
    pytest.skip("the corpus holds no narrowing and widening claims of two sources")


def test_check_refuses_a_disagreement_across_periods_with_file_and_line(project):
    narrow, widen = _trend_claims_of_two_sources(project)
    doc = {
        "disagreements": [
            {
                "disagreement_id": "trend",
                "kind": "divergence",
                "dimension": "benchmark_performance",
                "question": "q",
                "period": "2024",
                "what_differs": "w",
                "note": None,
                "sides": [
                    {"report": narrow, "position": "p"},
                    {"report": widen, "position": "p", "period": "January 2026"},
                ],
            }
        ]
    }
    path = project.annotations / "disagreements.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    messages = [str(p) for p in inspect_corpus(project, require_complete=False).problems]
    assert any(
        "disagreements.yaml:2: trend: the sides speak of different periods" in m for m in messages
    )


def test_the_out_of_date_table_sets_each_claim_beside_its_record(project):
    spec = [{"claim": "s/c1", "record": "the record", "evidence": "t/c9", "note": None, "line": 3}]
    claims = pd.DataFrame(
        {
            "claim_id": ["s/c1"],
            "source_id": ["s"],
            "voice_id": ["s/v"],
            "quote": ["the latest H100 clusters"],
            "line": [28],
            "dimension": ["compute_and_chips"],
            "stance": ["skeptic"],
        }
    )
    figures = pd.DataFrame({"figure_id": pd.Series(dtype="string"), "claim_id": []})
    sources = pd.DataFrame({"source_id": ["s"], "published": ["2026-01"]})
    got = list_out_of_date(claims, figures, sources, spec)
    schema.OUT_OF_DATE.to_pandera().validate(got)
    row = got.iloc[0]
    assert (row["claim_id"], row["published"], row["record"], row["evidence_id"]) == (
        "s/c1",
        "2026-01",
        "the record",
        "t/c9",
    )
    assert load_out_of_date_spec(project) is not None


def test_an_out_of_date_record_renders_as_such_in_the_brief(repo_paths):
    tables = load_brief_tables(paths=repo_paths)
    claim = tables["claims"][~tables["claims"]["is_reader_comment"].fillna(False)].iloc[0]
    source = tables["sources"].set_index("source_id").loc[claim["source_id"]]
    tables["out_of_date"] = pd.DataFrame(
        [
            {
                "claim_id": claim["claim_id"],
                "figure_id": None,
                "source_id": claim["source_id"],
                "published": source["published"],
                "voice_id": claim["voice_id"],
                "quote": claim["quote"],
                "line": claim["line"],
                "dimension": claim["dimension"],
                "stance": claim["stance"],
                "record": "A record that says otherwise.",
                "evidence_id": None,
                "note": None,
            }
        ]
    ).astype(schema.OUT_OF_DATE.dtypes)
    text = render_brief(build_brief_context(tables))
    href = f"sources/{claim['source_id']}.html#c-{claim['claim_id']}"
    (line,) = [x for x in text.splitlines() if "Out of date when written" in x]
    assert f"]({href})" in line
    assert "The record then: A record that says otherwise." in line
    assert "contradict" not in line


def test_check_judgments_reads_the_corpus_files(project):
    corpus = inspect_corpus(project, require_complete=False)
    assert check_judgments(corpus, project) == []
