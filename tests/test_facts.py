from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from gapstudy import schema, vocab
from gapstudy.disagreements import list_disagreements, load_disagreements_spec
from gapstudy.exceptions import AnnotationError, ParameterError, TableError
from gapstudy.facts import (
    _measure_marks,
    benchmark_changes,
    benchmark_gap_points,
    capitalised,
    dimension_gaps,
    dimension_tables,
    disagreements_read,
    gap_measures,
    judge_numeric_agreement,
    load_facts_spec,
    period_anchors,
    period_as_year,
    placed_month,
    placed_year,
    published_as_year,
    reading_key,
    reads_otherwise,
    reconcile_facts,
    report_interval,
    resolve_period,
    with_resolved_periods,
)
from gapstudy.measures import derive_measures, load_derived_spec
from gapstudy.references import check_references, load_references_spec

# --- small frames ---------------------------------------------------------------------------

FIGURE_DEFAULTS = {
    "line": 1,
    "char_start": 0,
    "char_end": 1,
    "segment_kind": "body",
    "is_reader_comment": False,
    "kind": "money",
    "value": None,
    "low": None,
    "high": None,
    "bound": "exact",
    "qualifier": None,
    "unit": "usd",
    "unit_as_written": None,
    "scale": None,
    "entity": "China",
    "counterpart": None,
    "metric": "m",
    "period": None,
    "period_precision": "unknown",
    "dimension": "capital_and_investment",
    "stance": "neutral",
    "cites": None,
    "fact_id": None,
    "restates_figure_id": None,
    "interpretation": None,
    "interpretation_note": None,
}


def make_figures(*rows: dict) -> pd.DataFrame:
    """A figures table from rows giving figure_id and what differs from the defaults."""
    full = []
    for row in rows:
        fid = row["figure_id"]
        sid, key, _ = fid.split("/")
        full.append(
            {
                **FIGURE_DEFAULTS,
                "claim_id": f"{sid}/{key}",
                "source_id": sid,
                "voice_id": f"{sid}/v",
                "text": fid,
                **row,
            }
        )
    frame = pd.DataFrame(full, columns=schema.FIGURES.column_names)
    return frame.astype(schema.FIGURES.dtypes)


def make_claims(*rows: dict, with_fact: bool = True) -> pd.DataFrame:
    full = []
    for row in rows:
        sid = row["claim_id"].split("/")[0]
        full.append(
            {
                "source_id": sid,
                "voice_id": f"{sid}/v",
                "quote": row["claim_id"],
                "line": 1,
                "char_start": 0,
                "char_end": 1,
                "segment_kind": "body",
                "is_reader_comment": False,
                "dimension": "overall_lead",
                "direction": "none",
                "stance": "neutral",
                "cites": None,
                "fact_id": None,
                **row,
            }
        )
    dtypes = {**schema.CLAIMS.dtypes, "fact_id": "string"}
    if not with_fact:
        del dtypes["fact_id"]
    return pd.DataFrame(full, columns=list(dtypes)).astype(dtypes)


FACTS = [
    {"fact_id": "ipo", "description": "d", "unit": "usd", "tolerance_pct": 1.0, "line": 2},
    {"fact_id": "odds", "description": "d", "unit": "percent", "tolerance_pct": 0.0, "line": 6},
    {"fact_id": "fold", "description": "d", "unit": "fold", "tolerance_pct": 0.0, "line": 10},
    {"fact_id": "says", "description": "d", "unit": None, "tolerance_pct": None, "line": 14},
]


# --- intervals and agreement ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("bound", "value", "low", "high", "expected"),
    [
        ("exact", 560.0, None, None, (560.0, 560.0)),
        ("approximate", 50.0, None, None, (50.0, 50.0)),
        ("upper", None, None, 20.0, (-math.inf, 20.0)),
        ("upper", 20.0, None, None, (-math.inf, 20.0)),
        ("lower", None, 1e9, None, (1e9, math.inf)),
        ("range", None, 10.0, 100.0, (10.0, 100.0)),
    ],
)
def test_report_interval_reads_bounds_as_bounds(bound, value, low, high, expected):
    assert report_interval(bound, value, low, high) == expected


@pytest.mark.parametrize(
    ("bound", "value", "low", "high"),
    [("exact", None, None, None), ("range", None, 1.0, None), ("sideways", 1.0, None, None)],
)
def test_report_interval_refuses_incomplete_figures(bound, value, low, high):
    with pytest.raises(TableError):
        report_interval(bound, value, low, high)


@pytest.mark.parametrize(
    ("intervals", "tolerance", "is_agreeing", "note_part"),
    [
        ([(560.0, 560.0), (558.0, 558.0)], 1.0, True, "0.36% of the smaller, within the 1%"),
        ([(560.0, 560.0), (558.0, 558.0)], 0.1, False, "beyond the 0.1% tolerance"),
        ([(-math.inf, 20.0), (-math.inf, 20.0)], 0.0, True, "any value up to 20"),
        ([(10.0, 100.0), (10.0, 10.0)], 0.0, True, "every report allows 10"),
        ([(1e9, math.inf), (1.18e9, 1.18e9)], 1.0, True, "every report allows 1,180,000,000"),
        ([(-math.inf, 20.0), (25.0, 25.0)], 10.0, False, "25 and 20 differ by 25%"),
        ([], 0.0, True, "no report gives a number"),
    ],
)
def test_agreement_compares_intervals_within_tolerance(
    intervals, tolerance, is_agreeing, note_part
):
    agree, note = judge_numeric_agreement(intervals, tolerance)
    assert agree is is_agreeing
    assert note_part in note


# --- reconcile_facts --------------------------------------------------------------------------


def test_reconcile_facts_lists_reports_spread_and_agreement():
    figures = make_figures(
        {
            "figure_id": "b/c1/1",
            "text": "$558 million",
            "value": 558e6,
            "fact_id": "ipo",
            "line": 5,
        },
        {
            "figure_id": "a/c1/1",
            "text": "$560 million",
            "value": 560e6,
            "fact_id": "ipo",
            "line": 3,
        },
        {
            "figure_id": "a/c2/1",
            "text": "Below 20 percent",
            "high": 20.0,
            "bound": "upper",
            "unit": "percent",
            "fact_id": "odds",
        },
        {
            "figure_id": "b/c2/1",
            "text": "less than a one-in-five chance",
            "high": 20.0,
            "bound": "upper",
            "unit": "percent",
            "fact_id": "odds",
        },
        {"figure_id": "a/c3/1", "text": "unrelated", "value": 1.0},
    )
    claims = make_claims(
        {"claim_id": "a/c1"},
        {"claim_id": "b/c1"},
        {"claim_id": "a/c2", "direction": "us_ahead"},
        {"claim_id": "b/c2", "direction": "us_ahead"},
        {"claim_id": "a/c3"},
        {
            "claim_id": "a/c4",
            "quote": "may be widening",
            "direction": "widening",
            "stance": "skeptic",
            "fact_id": "says",
            "line": 8,
        },
        {
            "claim_id": "b/c4",
            "quote": "could actually be growing",
            "direction": "widening",
            "stance": "skeptic",
            "fact_id": "says",
            "line": 9,
        },
    )
    got = reconcile_facts(figures, claims, FACTS)
    expected = pd.DataFrame(
        {
            "fact_id": ["ipo", "ipo", "odds", "odds", "says", "says"],
            "report_id": ["a/c1/1", "b/c1/1", "a/c2/1", "b/c2/1", "a/c4", "b/c4"],
            "figure_id": ["a/c1/1", "b/c1/1", "a/c2/1", "b/c2/1", None, None],
            "text": [
                "$560 million",
                "$558 million",
                "Below 20 percent",
                "less than a one-in-five chance",
                "may be widening",
                "could actually be growing",
            ],
            "unit": ["usd", "usd", "percent", "percent", None, None],
            "n_sources": [2, 2, 2, 2, 2, 2],
            "spread": [2e6, 2e6, 0.0, 0.0, None, None],
            "is_agreeing": [True] * 6,
        }
    ).astype(
        {
            "fact_id": "string",
            "report_id": "string",
            "figure_id": "string",
            "text": "string",
            "unit": "string",
            "n_sources": "Int64",
            "spread": "Float64",
            "is_agreeing": "boolean",
        }
    )
    assert_frame_equal(got[list(expected.columns)], expected)
    assert got["spread_pct"].iloc[0] == pytest.approx(2 / 558 * 100)
    assert list(got.columns) == schema.FACT_VALUES.column_names
    schema.FACT_VALUES.to_pandera().validate(got)


def test_reconcile_facts_reports_a_disagreement_and_differing_directions():
    figures = make_figures(
        {"figure_id": "a/c1/1", "value": 500e6, "fact_id": "ipo"},
        {"figure_id": "b/c1/1", "value": 620e6, "fact_id": "ipo"},
    )
    claims = make_claims(
        {"claim_id": "a/c1"},
        {"claim_id": "b/c1"},
        {"claim_id": "a/c4", "direction": "widening", "fact_id": "says"},
        {"claim_id": "b/c4", "direction": "narrowing", "fact_id": "says"},
    )
    got = reconcile_facts(figures, claims, FACTS).set_index("report_id")
    assert not got.loc["a/c1/1", "is_agreeing"]
    assert got.loc["a/c1/1", "agreement_note"] == (
        "620,000,000 and 500,000,000 differ by 24% of the smaller, beyond the 1% tolerance"
    )
    assert not got.loc["a/c4", "is_agreeing"]
    assert (
        got.loc["a/c4", "agreement_note"]
        == "directions differ: narrowing, widening; stances: neutral"
    )


def test_reconcile_facts_keeps_a_claim_without_a_number_as_a_report():
    figures = make_figures(
        {"figure_id": "a/c1/1", "value": 10.0, "unit": "fold", "fact_id": "fold"},
        {
            "figure_id": "b/c1/1",
            "low": 10.0,
            "high": 100.0,
            "bound": "range",
            "unit": "fold",
            "fact_id": "fold",
        },
    )
    claims = make_claims(
        {"claim_id": "a/c1"},
        {"claim_id": "b/c1"},
        {"claim_id": "c/c1", "fact_id": "fold", "quote": "echoed that view"},
    )
    got = reconcile_facts(figures, claims, FACTS)
    assert list(got["report_id"]) == ["a/c1/1", "b/c1/1", "c/c1"]
    assert list(got["n_sources"]) == [3, 3, 3]
    assert got["is_agreeing"].all()
    assert got["agreement_note"].iloc[0] == "every report allows 10; 1 report(s) give no number"
    assert got["spread_pct"].iloc[0] == pytest.approx(900.0)


def test_reconcile_facts_works_without_a_claims_fact_column():
    figures = make_figures({"figure_id": "a/c1/1", "value": 1.0, "fact_id": "ipo"})
    got = reconcile_facts(figures, make_claims({"claim_id": "a/c1"}, with_fact=False), FACTS)
    assert list(got["report_id"]) == ["a/c1/1"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"fact_id": "nope"}, "names fact 'nope', which facts.yaml does not declare"),
        ({"fact_id": "odds"}, "is in 'usd' but fact 'odds' is in 'percent'"),
    ],
)
def test_reconcile_facts_refuses_unknown_facts_and_wrong_units(row, message):
    figures = make_figures({"figure_id": "a/c1/1", "value": 1.0, "line": 7, **row})
    with pytest.raises(TableError, match=message) as err:
        reconcile_facts(figures, make_claims({"claim_id": "a/c1"}), FACTS)
    assert "a/c1/1 (line 7" in str(err.value)


# --- specs ----------------------------------------------------------------------------------


def test_the_project_specs_load(repo_paths):
    facts = load_facts_spec(repo_paths)
    assert "lin-overtake-odds" in {f["fact_id"] for f in facts}
    assert all(isinstance(f["line"], int) for f in facts)
    measures = load_derived_spec(repo_paths)
    assert {m["operation"] for m in measures} <= set(vocab.DERIVED_OPERATIONS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "facts:\n  - fact_id: x\n    description: d\n    unit: furlong\n    tolerance_pct: 1\n",
            "facts.yaml:2: x: unit 'furlong' is not in the vocabulary",
        ),
        (
            "facts:\n  - fact_id: x\n    description: d\n    unit: usd\n",
            "facts.yaml:2: fact lacks field 'tolerance_pct'",
        ),
        (
            "facts:\n  - fact_id: x\n    description: d\n    unit: usd\n    tolerance_pct: -1\n",
            "facts.yaml:2: x: tolerance_pct -1 is not a number >= 0",
        ),
        (
            "facts:\n  - {fact_id: x, description: d, unit: null, tolerance_pct: null}\n"
            "  - {fact_id: x, description: d, unit: null, tolerance_pct: null}\n",
            "facts.yaml:3: duplicate fact_id 'x'",
        ),
    ],
)
def test_load_facts_spec_names_file_and_line(project, text, message):
    (project.annotations / "facts.yaml").write_text(text)
    with pytest.raises(AnnotationError) as err:
        load_facts_spec(project)
    assert message in str(err.value)


def test_load_derived_spec_names_file_and_line(project):
    (project.annotations / "derived.yaml").write_text(
        "measures:\n  - measure_id: m\n    description: d\n    operation: product\n"
        "    numerator: a/b/1\n    denominator: a/b/2\n    dimension: compute_and_chips\n"
    )
    with pytest.raises(AnnotationError, match="derived.yaml:2: m: operation 'product' unknown"):
        load_derived_spec(project)


# --- derived measures -----------------------------------------------------------------------

PAIR_FIGURES = make_figures(
    {
        "figure_id": "u/inv/1",
        "text": "$109.1 billion",
        "value": 109.1e9,
        "entity": "United States",
        "counterpart": "China",
        "stance": "skeptic",
    },
    {
        "figure_id": "u/inv/2",
        "text": "$9.3 billion",
        "value": 9.3e9,
        "entity": "China",
        "counterpart": "United States",
        "stance": "skeptic",
    },
    {
        "figure_id": "u/mmlu/1",
        "text": "17.5%",
        "value": 17.5,
        "unit": "percent",
        "entity": "United States",
        "counterpart": "China",
        "period": "late 2023",
        "dimension": "benchmark_performance",
        "stance": "optimist",
        "metric": "MMLU lead",
    },
    {
        "figure_id": "u/mmlu/2",
        "text": "0.3%",
        "value": 0.3,
        "unit": "percent",
        "entity": "United States",
        "counterpart": "China",
        "period": "2024",
        "dimension": "benchmark_performance",
        "stance": "optimist",
        "metric": "MMLU lead",
    },
    {
        "figure_id": "z/gap/1",
        "text": "2.7%",
        "value": 2.7,
        "unit": "percent",
        "entity": "China",
        "counterpart": "United States",
        "dimension": "benchmark_performance",
        "stance": "optimist",
        "metric": "overall shortfall",
    },
    {
        "figure_id": "k/fold/1",
        "text": "ten-to-hundred-fold",
        "low": 10.0,
        "high": 100.0,
        "bound": "range",
        "unit": "fold",
        "entity": "United States",
        "counterpart": "China",
        "dimension": "compute_and_chips",
        "stance": "skeptic",
        "metric": "compute",
    },
    {
        "figure_id": "k/odds/1",
        "text": "under 20%",
        "high": 20.0,
        "bound": "upper",
        "unit": "percent",
        "entity": "China",
        "counterpart": "United States",
        "dimension": "overall_lead",
        "stance": "skeptic",
    },
)

DERIVED = [
    {
        "measure_id": "inv",
        "description": "US over China investment",
        "operation": "ratio",
        "numerator": "u/inv/1",
        "denominator": "u/inv/2",
        "dimension": "capital_and_investment",
        "line": 3,
    },
    {
        "measure_id": "mmlu",
        "description": "MMLU change",
        "operation": "difference",
        "numerator": "u/mmlu/2",
        "denominator": "u/mmlu/1",
        "dimension": "benchmark_performance",
        "line": 9,
    },
]


def test_derive_measures_computes_ratio_and_difference_with_their_inputs():
    got = derive_measures(PAIR_FIGURES, DERIVED)
    expected = pd.DataFrame(
        {
            "measure_id": ["inv", "mmlu"],
            "value": [109.1 / 9.3, -17.2],
            "unit": ["fold", "percentage_point"],
            "numerator_figure_id": ["u/inv/1", "u/mmlu/2"],
            "numerator_text": ["$109.1 billion", "0.3%"],
            "denominator_figure_id": ["u/inv/2", "u/mmlu/1"],
            "denominator_text": ["$9.3 billion", "17.5%"],
            "numerator_entity": ["United States", "United States"],
        }
    ).astype(
        {
            "measure_id": "string",
            "value": "Float64",
            "unit": "string",
            "numerator_figure_id": "string",
            "numerator_text": "string",
            "denominator_figure_id": "string",
            "denominator_text": "string",
            "numerator_entity": "string",
        }
    )
    assert_frame_equal(got[list(expected.columns)], expected, rtol=1e-9)
    schema.DERIVED_MEASURES.to_pandera().validate(got)


@pytest.mark.parametrize(
    ("numerator", "denominator", "message"),
    [
        ("u/inv/9", "u/inv/2", "numerator figure 'u/inv/9' is not in the figures table"),
        ("u/inv/1", "k/odds/1", "denominator k/odds/1 \\('under 20%'\\) is a upper figure"),
        ("u/inv/1", "z/gap/1", "figures come from two sources"),
        ("u/inv/1", "u/mmlu/1", "units differ \\(usd vs percent\\)"),
    ],
)
def test_derive_measures_refuses_bad_inputs_naming_the_measure(numerator, denominator, message):
    spec = [{**DERIVED[0], "numerator": numerator, "denominator": denominator}]
    with pytest.raises(TableError, match=message) as err:
        derive_measures(PAIR_FIGURES, spec)
    assert "measure 'inv' (derived.yaml line 3)" in str(err.value)


# --- plot data ------------------------------------------------------------------------------


def test_gap_measures_keep_each_gap_in_its_own_unit():
    derived = derive_measures(PAIR_FIGURES, DERIVED)
    got = gap_measures(PAIR_FIGURES, derived)
    ratio = 109.1 / 9.3
    expected = pd.DataFrame(
        {
            "dimension": [
                "benchmark_performance",
                "benchmark_performance",
                "compute_and_chips",
                "capital_and_investment",
            ],
            "unit": ["percent", "percent", "fold", "fold"],
            "item_id": ["mmlu", "z/gap/1", "k/fold/1", "inv"],
            "low": [0.3, 2.7, 10.0, ratio],
            "value": [0.3, 2.7, None, ratio],
            "high": [0.3, 2.7, 100.0, ratio],
            "start_value": [17.5, None, None, None],
            "change_value": [-17.2, None, None, None],
            "change_unit": ["percentage_point", None, None, None],
            "stance": ["optimist", "optimist", "skeptic", "skeptic"],
        }
    ).astype(
        {
            **{c: "string" for c in ("dimension", "unit", "item_id", "change_unit", "stance")},
            **{c: "Float64" for c in ("low", "value", "high", "start_value", "change_value")},
        }
    )
    # A lead of 2.7 stays 2.7 (never the ratio 1.027); the MMLU leads are drawn once, as the
    # change from 17.5 to 0.3; odds between the two are not a gap.
    assert_frame_equal(got[list(expected.columns)], expected, rtol=1e-9)
    assert list(got["reading"])[:2] == [
        "change from the earlier figure to the later",
        "percent, as written",
    ]


def test_a_share_change_is_not_a_gap_but_a_share_at_two_dates():
    figures = make_figures(
        {
            "figure_id": "h/share/1",
            "text": "1.2%",
            "value": 1.2,
            "unit": "percent",
            "entity": "China",
            "period": "late 2024",
            "dimension": "adoption_and_usage",
            "stance": "optimist",
        },
        {
            "figure_id": "h/share/2",
            "text": "nearly 30%",
            "value": 30.0,
            "bound": "approximate",
            "unit": "percent",
            "entity": "China",
            "period": "2025",
            "dimension": "adoption_and_usage",
            "stance": "optimist",
        },
        {
            "figure_id": "h/ipo/1",
            "kind": "change",
            "text": "risen by 36%",
            "value": 36.0,
            "unit": "percent",
            "entity": "Zhipu",
            "dimension": "capital_and_investment",
        },
    )
    spec = [
        {
            "measure_id": "share",
            "description": "share change",
            "operation": "difference",
            "numerator": "h/share/2",
            "denominator": "h/share/1",
            "dimension": "adoption_and_usage",
            "line": 1,
        }
    ]
    derived = derive_measures(figures, spec)
    # The rise of China's share is not a US lead: the chart of gaps leaves it out...
    assert list(gap_measures(figures, derived)["item_id"]) == []
    # ...and its dimension's chart draws it as a share at two dates, the change in points.
    got = _measure_marks(figures, derived, is_gap_only=False)
    assert list(got["item_id"]) == ["h/ipo/1", "share"]
    assert list(got["kind"]) == ["change", "share"]
    row = got.iloc[1]
    assert (row["unit"], row["start_value"], row["value"]) == ("percent", 1.2, 30.0)
    assert (row["start_period"], row["period"], row["change_value"]) == ("late 2024", "2025", 28.8)


@pytest.mark.parametrize(
    ("period", "year"),
    [
        # The middle of the months a period names, as periods.parse_period reads its ends.
        ("late 2023", 2023 + 10 / 12),  # September to December (the old pattern: 2023.83)
        ("2024", 2024.5),
        ("In early 2025", 2025 + 2 / 12),
        ("as of March 2026", 2026 + 2.5 / 12),
        ("in Sept. 2024", 2024 + 8.5 / 12),
        ("2026-03", 2026 + 2.5 / 12),
        ("January 2026 (recalled from the 2025 summit)", 2026 + 0.5 / 12),
        # Read by the one period reader, not by patterns of its own: a day written with its
        # month name first, a quarter, a range and an open period are placed where they are.
        ("March 5, 2026", 2026 + 2.5 / 12),
        ("2025-Q4", 2025 + 10.5 / 12),
        ("2023 to 2025", 2024.5),
        ("since late 2024", 2024 + 10 / 12),
        ("by 2030", 2030.5),
        # Not a form the project reads (the schema refuses it): not placed, not guessed.
        ("Marketing in 2026", None),
        ("next year", None),
        (None, None),
    ],
)
def test_period_as_year(period, year):
    assert period_as_year(period) == (pytest.approx(year) if year else None)


def test_period_as_year_is_the_period_readers_middle():
    """Every period the corpus's annotations write, and each form parse_period reads, placed
    at the middle of the ends parse_period gives it (an open period at the time it names; a
    day, not in this list, at the middle of its month, as the ISO "2026-03-05" always was)."""
    import datetime as dt

    from gapstudy import periods

    for text in ("2024", "late 2023", "2025-H2", "Q1 2025", "March 2026", "2023–2025",
                 "from late 2024 to 2025", "since 2024", "until March 2026"):  # fmt: skip
        read = periods.parse_period(text)
        start, end = read.named or (read.start, read.end)
        middle = start + (end + dt.timedelta(days=1) - start) / 2
        assert period_as_year(text) == pytest.approx(
            middle.year + (middle.timetuple().tm_yday - 1) / 365, abs=0.02
        ), text


@pytest.mark.parametrize(
    ("period", "published", "inferred", "shown"),
    [
        ("last year", "2026-02", True, "last year [2025; text dated 2026-02, inferred]"),
        ("this year", "2026-05-27", False, "this year [2026; text dated 2026-05-27]"),
        (
            "by earlier this month",
            "2026-02",
            True,
            "by earlier this month [2026-02; text dated 2026-02, inferred]",
        ),
        ("last month", "2026-01", False, "last month [2025-12; text dated 2026-01]"),
        (
            "As of April 30",
            "2026-05-27",
            False,
            "As of April 30 [2026-04-30; text dated 2026-05-27]",
        ),
        # A month after the text's own is the year before.
        ("December", "2026-02", False, "December [2025-12; text dated 2026-02]"),
        # Needs the text's month, which a date to the year does not give: kept as written.
        ("this month", "2026", False, "this month"),
        # Names its year, or no time relative to the text: kept as written.
        ("late 2023", "2026-01", False, "late 2023"),
        ("next three to five years", "2026-01", True, "next three to five years"),
        # A text with no date: said so, never guessed.
        ("last year", None, False, "last year [text undated]"),
        (None, None, False, "period not stated, text undated"),
        (None, "2026-01", False, None),
    ],
)
def test_resolve_period(period, published, inferred, shown):
    assert resolve_period(period, published, inferred) == shown


@pytest.mark.parametrize(
    ("period", "anchor", "published", "shown"),
    [
        (
            "the year before",
            "last year",
            "2025-03-26",
            "the year before [2023; text dated 2025-03-26]",
        ),
        ("the previous year", "2024", "2025", "the previous year [2023]"),
        # Nothing to count from, or nothing placed: said so, never read from the text's date.
        ("the year before", None, "2025-03-26", "the year before [year not placed]"),
        ("the year before", "next three years", "2025", "the year before [year not placed]"),
        ("the year before", "last year", None, "the year before [year not placed]"),
    ],
)  # fmt: skip
def test_a_year_before_another_period_is_resolved_from_it(period, anchor, published, shown):
    assert resolve_period(period, published, False, anchor) == shown


@pytest.mark.parametrize(
    ("period", "published", "year"),
    [
        # Written: read by periods.parse_period, one year when both known ends fall in it.
        ("2024", None, 2024),
        ("late 2023", "2026-01", 2023),
        ("2025-Q1", None, 2025),
        ("as of March 2026", None, 2026),
        ("since 2024", None, 2024),
        ("by 2030", "2026-02", 2030),
        ("December 2025 to January 2026", None, None),
        ("2023 to 2025", None, None),
        # A note in brackets is not the period: the year it names is not read.
        ("January 2026 (Lin's remark, recalled from the 2025 summit)", None, 2026),
        # Not a form the project reads: not placed, never guessed.
        ("fiscal 2024", None, None),
        # Relative to the text's date.
        ("last year", "2026-02", 2025),
        ("this year", "2025-03-26", 2025),
        ("last year", None, None),
        # A month named without its year: the latest such month not after the text's.
        ("As of April 30", "2026-05-27", 2026),
        ("January", "2026-02", 2026),
        ("December", "2026-02", 2025),
        ("January", "2026", None),  # the text's month unknown
        ("next three to five years", "2026-01", None),
        (None, "2026-01", None),
    ],
)  # fmt: skip
def test_placed_year_reads_a_period_as_the_period_reader_does(period, published, year):
    assert placed_year(period, published) == year


@pytest.mark.parametrize(
    ("period", "published", "month"),
    [
        ("by earlier this month", "2026-02", "2026-02"),
        ("last month", "2026-01", "2025-12"),
        ("As of April 30", "2026-05-27", "2026-04-30"),
        ("January", "2026-02", "2026-01"),
        ("December", "2026-02", "2025-12"),
        # Dated to its year only, looking ahead, or naming its year: not placed here.
        ("January", "2026", None),
        ("next January", "2026-02", None),
        ("January 2026", "2026-02", None),
        ("last year", "2026-02", None),
        ("January", None, None),
    ],
)
def test_placed_month_places_a_month_named_without_its_year(period, published, month):
    assert placed_month(period, published) == month


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("the National Data Bureau", "The National Data Bureau"),
        ("some leading Chinese AI developers", "Some leading Chinese AI developers"),
        ("iFlytek", "iFlytek"),
        ("DeepSeek", "DeepSeek"),
        ("", ""),
        (None, None),
    ],
)
def test_a_name_is_capitalised_only_where_its_first_word_is_lower_case(name, shown):
    assert capitalised(name) == shown


def test_period_anchors_count_a_year_before_from_the_nearest_period_before_it():
    """ "USD14 billion last year, up from around USD10.5 billion the year before": the second
    is counted from the first. A chained year with no period before it in its claim, or only
    another chained one, has no anchor; a figure of another claim is never one."""
    figures = make_figures(
        {"figure_id": "y/vc/1", "period": "last year", "char_start": 10},
        {"figure_id": "y/vc/2", "period": "the year before", "char_start": 40},
        {"figure_id": "y/vc/3", "period": "the previous year", "char_start": 70},
        {"figure_id": "y/other/1", "period": "the year before", "char_start": 90},
        {"figure_id": "y/plan/1", "period": "2024", "char_start": 5},
    )
    assert period_anchors(figures) == {"y/vc/2": "last year", "y/vc/3": None, "y/other/1": None}


def test_with_resolved_periods_reads_each_mark_against_its_own_text():
    marks = pd.DataFrame(
        {
            "source_id": ["a", "b", "a"],
            "period": ["last year", "last year", None],
            "start_period": [None, None, "January"],
            "start_value": [None, None, 1.0],
        }
    )
    sources = pd.DataFrame(
        {
            "source_id": ["a", "b"],
            "published": ["2026-02", None],
            "is_date_inferred": [False, False],
        }
    )
    out = with_resolved_periods(marks, sources)
    assert list(out["period"]) == [
        "last year [2025; text dated 2026-02]",
        "last year [text undated]",
        pd.NA,
    ]
    assert list(out["start_period"].fillna("-")) == [
        "-",
        "-",
        "January [2026-01; text dated 2026-02]",
    ]


def test_shares_of_different_wholes_are_different_quantities():
    """An average share, a peak week's share and another group's share are not one quantity
    on one axis; amounts of one kind are."""
    from gapstudy.facts import _quantity

    average = {"kind": "share", "unit": "percent", "label": "share of tokens"}
    peak = {"kind": "share", "unit": "percent", "label": "share of tokens (peak week)"}
    assert _quantity(average) != _quantity(peak)
    money = {"kind": "level", "unit": "usd", "label": "investment"}
    assert _quantity(money) == _quantity({**money, "label": "proceeds"}) == "level"


@pytest.mark.parametrize(
    ("published", "year"),
    [
        ("2026", 2026.5),
        ("2026-01", 2026 + 0.5 / 12),
        ("2026-05-27", 2026 + 4 / 12 + 26.5 / 365),
        (None, None),
    ],
)
def test_published_as_year(published, year):
    assert published_as_year(published) == (pytest.approx(year) if year else None)


def test_benchmark_gap_points_places_undated_figures_at_their_source_date():
    sources = pd.DataFrame(
        {"source_id": ["u", "z", "k"], "published": [None, "2026-05-27", "2026-01"]}
    )
    got = benchmark_gap_points(PAIR_FIGURES, sources)
    assert list(got["figure_id"]) == ["u/mmlu/1", "u/mmlu/2", "z/gap/1"]
    assert list(got["value"]) == [17.5, 0.3, 2.7]
    assert list(got["unit"]) == ["percent"] * 3
    assert list(got["is_year_from_source"]) == [False, False, True]
    assert got["year"].iloc[2] == pytest.approx(published_as_year("2026-05-27"))


def test_benchmark_changes_keeps_only_benchmark_differences():
    derived = derive_measures(PAIR_FIGURES, DERIVED)
    assert list(benchmark_changes(derived)["measure_id"]) == ["mmlu"]


def test_dimension_tables_select_one_dimension_and_refuse_unknown_ones():
    claims = make_claims(
        {"claim_id": "k/fold", "dimension": "compute_and_chips"}, {"claim_id": "u/inv"}
    )
    voices = pd.DataFrame({"voice_id": ["k/v", "u/v"], "name": ["the Lin office", "Outlet"]})
    tables = {
        "voices": voices,
        "claims": claims,
        "figures": PAIR_FIGURES,
        "derived_measures": derive_measures(PAIR_FIGURES, DERIVED),
    }
    part = dimension_tables(tables, "compute_and_chips")
    # A name starts its cell capitalised; the voices table keeps it as written.
    assert list(part["claims"]["speaker"]) == ["The Lin office"]
    assert list(voices["name"]) == ["the Lin office", "Outlet"]
    assert list(part["figures"]["figure_id"]) == ["k/fold/1"]
    assert list(part["gaps"]["item_id"]) == ["k/fold/1"]
    assert list(part["marks"]["item_id"]) == ["k/fold/1"]
    assert part["derived_measures"].empty
    capital = dimension_tables(tables, "capital_and_investment")
    # Every figure of the dimension in its own unit (dollars), and the ratio in fold: the gap
    # first, then the amounts.
    assert list(capital["marks"]["item_id"]) == ["inv", "u/inv/2", "u/inv/1"]
    assert list(capital["marks"]["kind"]) == ["gap", "level", "level"]
    assert list(capital["marks"]["unit"]) == ["fold", "usd", "usd"]
    with pytest.raises(ParameterError, match="dimension 'chips' is not in the vocabulary"):
        dimension_tables(tables, "chips")


def _every_gap_by_dimension(figures: pd.DataFrame, derived: pd.DataFrame) -> None:
    whole = gap_measures(figures, derived)
    for dimension in vocab.DIMENSIONS:
        expected = whole[whole["dimension"] == dimension].reset_index(drop=True)
        assert_frame_equal(dimension_gaps(figures, derived, dimension), expected)


def test_dimension_gaps_are_the_gaps_of_the_whole_corpus_in_that_dimension():
    derived = derive_measures(PAIR_FIGURES, DERIVED)
    _every_gap_by_dimension(PAIR_FIGURES, derived)
    # A change whose ends lie in another dimension than the measure: each end is still drawn
    # once, as the change, in the measure's dimension, and not again in its own.
    moved = PAIR_FIGURES.copy()
    ends = set(derived["numerator_figure_id"]) | set(derived["denominator_figure_id"])
    moved.loc[moved["figure_id"].isin(ends), "dimension"] = "overall_lead"
    _every_gap_by_dimension(moved, derived)


def test_dimension_gaps_of_the_real_tables(repo_paths):
    from gapstudy.tables import load

    _every_gap_by_dimension(load("figures", repo_paths), load("derived_measures", repo_paths))


# --- changes, restatements, disagreements, reference checks -------------------------------------


def test_derive_measures_computes_a_change_in_percentage_points():
    figures = make_figures(
        {"figure_id": "s/share/1", "text": "1.2%", "value": 1.2, "unit": "percent"},
        {
            "figure_id": "s/share/2",
            "text": "as much as nearly 30%",
            "value": 30.0,
            "high": 30.0,
            "bound": "approximate",
            "unit": "percent",
        },
    )
    spec = [
        {**DERIVED[1], "operation": "change", "numerator": "s/share/2", "denominator": "s/share/1"}
    ]
    got = derive_measures(figures, spec)
    assert list(got["value"]) == [pytest.approx(28.8)]
    assert list(got["unit"]) == ["percentage_point"]
    assert list(got["bound"]) == ["approximate"]


def test_derive_measures_refuses_a_ratio_of_percentages_and_a_change_between_entities():
    ratio = [{**DERIVED[1], "operation": "ratio"}]
    with pytest.raises(TableError, match="a ratio of two figures in percent"):
        derive_measures(PAIR_FIGURES, ratio)
    figures = make_figures(
        {"figure_id": "s/x/1", "value": 1.0, "unit": "percent", "entity": "China"},
        {"figure_id": "s/x/2", "value": 2.0, "unit": "percent", "entity": "United States"},
    )
    change = [{**DERIVED[1], "operation": "change", "numerator": "s/x/2", "denominator": "s/x/1"}]
    with pytest.raises(TableError, match="the entitys differ|entity"):
        derive_measures(figures, change)


def _vc_figures(us_period: str, china_period: str) -> pd.DataFrame:
    """The reader's trip: US venture capital in one sentence, China's "last year" and "the
    year before" in the next (text of March 2025)."""
    return make_figures(
        {"figure_id": "y/us/1", "value": 40e9, "entity": "United States", "period": us_period},
        {"figure_id": "y/cn/1", "value": 14e9, "period": "last year", "char_start": 10},
        {"figure_id": "y/cn/2", "value": 10.5e9, "period": china_period, "char_start": 50},
    )


@pytest.mark.parametrize(
    ("us_period", "china_period", "refused"),
    [
        ("2023", "the year before", False),  # both 2023: the year before "last year" (2024)
        ("2024", "the year before", True),  # 2024 against 2023
        ("2023", "last year", None),  # against y/cn/1 below: 2023 against 2024
        ("2023", "over the next three years", False),  # a span: not placed, not compared
    ],
)
@pytest.mark.parametrize("operation", ["ratio", "difference"])
def test_a_ratio_or_difference_of_two_entities_is_at_one_time(
    us_period, china_period, refused, operation
):
    """Two periods placed in different years are refused for a ratio or a difference (a
    change is over time), whether written as years or relative to the text; a period that
    cannot be placed is not compared."""
    figures = _vc_figures(us_period, china_period)
    sources = pd.DataFrame({"source_id": ["y"], "published": ["2025-03-26"]})
    denominator = "y/cn/1" if refused is None else "y/cn/2"
    spec = [
        {**DERIVED[0], "operation": operation, "numerator": "y/us/1", "denominator": denominator}
    ]
    if refused is False:
        assert len(derive_measures(figures, spec, sources)) == 1
    else:
        with pytest.raises(TableError, match="at one time, but the periods are 20"):
            derive_measures(figures, spec, sources)
    # One entity at two times (China's 2024 over its 2023) is a growth factor: not refused.
    spec = [{**spec[0], "numerator": "y/cn/1", "denominator": "y/cn/2"}]
    assert len(derive_measures(_vc_figures("2023", "the year before"), spec, sources)) == 1


@pytest.mark.parametrize("unit", ["percent_per_year", "fold_per_year"])
@pytest.mark.parametrize("operation", ["ratio", "difference", "change"])
def test_derive_measures_refuses_any_measure_of_two_growth_rates_a_year(unit, operation):
    """30% a year and 10% a year compound: neither their ratio nor their difference has a unit."""
    figures = make_figures(
        {"figure_id": "s/g/1", "value": 10.0, "unit": unit},
        {"figure_id": "s/g/2", "value": 30.0, "unit": unit},
    )
    spec = [{**DERIVED[1], "operation": operation, "numerator": "s/g/2", "denominator": "s/g/1"}]
    with pytest.raises(TableError, match=f"figures in {unit} are growth rates a year"):
        derive_measures(figures, spec)


def test_derive_measures_takes_the_ratio_of_two_flows_a_year():
    figures = make_figures(
        {"figure_id": "s/f/1", "value": 10e9, "unit": "usd_per_year"},
        {"figure_id": "s/f/2", "value": 50e9, "unit": "usd_per_year"},
    )
    spec = [{**DERIVED[1], "operation": "ratio", "numerator": "s/f/2", "denominator": "s/f/1"}]
    got = derive_measures(figures, spec)
    assert list(got["value"]) == [pytest.approx(5.0)]
    assert list(got["unit"]) == ["fold"]


def _written(unit, value=None, low=None, high=None):
    return SimpleNamespace(unit=unit, value=value, low=low, high=high)


@pytest.mark.parametrize(
    ("one", "other", "otherwise"),
    [
        # a hedge dropped or added: the same number in the same unit
        (_written("percent", high=20.0), _written("percent", value=20.0), False),
        (_written("percent", value=20.0), _written("percent", value=20.0), False),
        # a conversion in brackets: another unit
        (_written("USD", value=560.0), _written("EUR", value=510.0), True),
        (_written("USD", value=560.0), _written("EUR", value=560.0), True),
        # another number in the same unit
        (_written("USD", value=560.0), _written("USD", value=558.0), True),
        (_written("percent", low=10.0, high=20.0), _written("percent", value=20.0), True),
        (_written(None, value=3.0), _written(pd.NA, value=3.0), False),
        (_written(None, value=3.0), _written("fold", value=3.0), True),
    ],
)
def test_a_figure_reads_otherwise_exactly_when_its_reading_key_differs(one, other, otherwise):
    assert reads_otherwise(one, other) is otherwise
    assert (reading_key(one) != reading_key(other)) is otherwise
    # what the brief asks of a restatement: otherwise than every figure told, as one lookup
    told = [other, _written("km", value=1.0)]
    assert (reading_key(one) not in {reading_key(t) for t in told}) is otherwise


def test_reconcile_facts_marks_restatements_and_says_what_differs():
    def odds(fid, period, counterpart, restates=None):
        return {
            "figure_id": fid,
            "high": 20.0,
            "bound": "upper",
            "unit": "percent",
            "fact_id": "odds",
            "period": period,
            "counterpart": counterpart,
            "restates_figure_id": restates,
        }

    figures = make_figures(
        odds("a/c1/1", "next three to five years", "United States"),
        odds("b/c1/1", "within five years", "OpenAI"),
        odds("b/c2/1", None, None, restates="b/c1/1"),
    )
    claims = make_claims({"claim_id": "a/c1"}, {"claim_id": "b/c1"}, {"claim_id": "b/c2"})
    frame = reconcile_facts(figures, claims, FACTS)
    schema.FACT_VALUES.to_pandera().validate(frame)
    got = frame.set_index("report_id")
    assert list(got["is_independent"]) == [True, True, False]
    assert got.loc["b/c2/1", "restates_report_id"] == "b/c1/1"
    assert set(got["n_independent_reports"]) == {2}
    assert set(got["differs_in"]) == {"period, counterpart"}
    note = got.loc["a/c1/1", "agreement_note"]
    assert "period: 'next three to five years' vs 'within five years'" in note
    assert "1 report(s) restate an earlier one" in note


def test_reconcile_facts_leaves_differs_in_empty_when_reports_state_the_same():
    figures = make_figures(
        {"figure_id": "a/c1/1", "value": 560e6, "fact_id": "ipo", "period": "January"},
        {"figure_id": "b/c1/1", "value": 558e6, "fact_id": "ipo", "period": None},
    )
    claims = make_claims({"claim_id": "a/c1"}, {"claim_id": "b/c1"})
    got = reconcile_facts(figures, claims, FACTS)
    assert got["differs_in"].isna().all()
    assert got["is_independent"].all()


DISAGREEMENTS = [
    {
        "disagreement_id": "chips",
        "kind": "contradiction",
        "dimension": "policy",
        "question": "q",
        "period": "January 2026",
        "what_differs": "w",
        "note": None,
        "line": 2,
        "sides": [
            {"report": "a/c1", "position": "approved", "line": 8},
            {"report": "b/c1/1", "position": "blocked", "line": 10},
        ],
    }
]


def test_list_disagreements_gives_one_row_per_side_with_its_words():
    figures = make_figures({"figure_id": "b/c1/1", "text": "H100", "value": 1.0, "line": 53})
    claims = make_claims(
        {"claim_id": "a/c1", "quote": "H200 approved", "direction": "none", "line": 37},
        {"claim_id": "b/c1", "direction": "us_ahead", "stance": "skeptic"},
    )
    got = list_disagreements(claims, figures, DISAGREEMENTS)
    expected = pd.DataFrame(
        {
            "report_id": ["a/c1", "b/c1/1"],
            "claim_id": ["a/c1", "b/c1"],
            "figure_id": [None, "b/c1/1"],
            "quote": ["H200 approved", "H100"],
            "line": [37, 53],
            "direction": ["none", "us_ahead"],
            "position": ["approved", "blocked"],
            "n_sources": [2, 2],
        }
    )
    columns = list(expected.columns)
    expected = expected.astype({c: schema.DISAGREEMENTS.dtypes[c] for c in columns})
    assert_frame_equal(got[columns], expected)
    schema.DISAGREEMENTS.to_pandera().validate(got)
    bad = [{**DISAGREEMENTS[0], "sides": [{"report": "z/c9", "position": "p", "line": 4}]}]
    with pytest.raises(TableError, match="line 4.*'z/c9' is neither a claim nor a figure"):
        list_disagreements(claims, figures, bad)


def test_check_references_sets_the_article_beside_the_primary():
    figures = make_figures(
        {"figure_id": "u/c1/1", "text": "17.5%", "value": 17.5, "unit": "percentage_point"}
    )
    spec = [
        {
            "figure": "u/c1/1",
            "reference_name": "AI Index 2025",
            "url": "https://example.org/report.pdf",
            "quote": "17.5 ... percentage points",
            "value": 17.5,
            "unit": "percentage_point",
            "status": "matches",
            "note": "n",
            "line": 3,
        }
    ]
    got = check_references(figures, spec)
    assert got.loc[0, "value"] == got.loc[0, "reference_value"] == 17.5
    assert got.loc[0, "unit"] == got.loc[0, "reference_unit"] == "percentage_point"
    schema.REFERENCE_CHECKS.to_pandera().validate(got)
    with pytest.raises(TableError, match="line 3: figure 'u/c1/9'"):
        check_references(figures, [{**spec[0], "figure": "u/c1/9"}])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "disagreements:\n  - disagreement_id: d\n    kind: quarrel\n    dimension: policy\n"
            "    question: q\n    period: p\n    what_differs: w\n    sides:\n"
            "      - report: a/c\n"
            "        position: p\n      - report: b/c\n        position: p\n",
            "disagreements.yaml:2: d: kind 'quarrel' is not in the vocabulary",
        ),
        (
            "disagreements:\n  - disagreement_id: d\n    kind: divergence\n    dimension: policy\n"
            "    question: q\n    period: p\n    what_differs: w\n    sides:\n"
            "      - report: a/c\n"
            "        position: p\n",
            "d: a disagreement needs at least two sides",
        ),
    ],
)
def test_load_disagreements_spec_refuses_bad_entries(project, text, message):
    (project.annotations / "disagreements.yaml").write_text(text)
    with pytest.raises(AnnotationError, match=message):
        load_disagreements_spec(project)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ("status: matches\n    url: null\n    quote: null", "without the primary's address"),
        ("status: matches\n    url: u\n    quote: q", "'matches' needs the primary's number"),
        ("status: fine\n    url: u\n    quote: q", "status 'fine' is not in the vocabulary"),
    ],
)
def test_load_references_spec_refuses_bad_entries(project, fields, message):
    text = f"references:\n  - figure: a/c/1\n    reference_name: r\n    note: n\n    {fields}\n"
    (project.annotations / "references.yaml").write_text(text)
    with pytest.raises(AnnotationError, match=message):
        load_references_spec(project)


def test_missing_cross_source_files_mean_no_entries(project):
    (project.annotations / "disagreements.yaml").unlink()
    (project.annotations / "references.yaml").unlink()
    assert load_disagreements_spec(project) == []
    assert load_references_spec(project) == []


def test_disagreements_read_drop_a_side_left_alone():
    sides = pd.DataFrame(
        {
            "disagreement_id": ["chips", "chips", "gap", "gap", "odds"],
            "source_id": ["h", "a", "u", "u", "b"],
            "position": ["approved", "blocked", "closing", "near parity", "below 20"],
        }
    )
    got = disagreements_read(sides)
    assert list(got["disagreement_id"]) == ["chips", "chips"]
    assert list(got["position"]) == ["approved", "blocked"]


def test_benchmark_gap_points_place_a_month_without_its_year_in_the_source_year():
    figures = make_figures(
        {
            "figure_id": "z/gap/1",
            "text": "2.7%",
            "value": 2.7,
            "unit": "percent",
            "entity": "China",
            "counterpart": "United States",
            "dimension": "benchmark_performance",
            "period": "as of March",
            "period_precision": "month",
        },
        {
            "figure_id": "z/gap/2",
            "text": "3%",
            "value": 3.0,
            "unit": "percent",
            "entity": "China",
            "counterpart": "United States",
            "dimension": "benchmark_performance",
            "period": "as of March 2025",
            "period_precision": "month",
        },
    )
    sources = pd.DataFrame({"source_id": ["z"], "published": ["2026-05-27"]})
    got = benchmark_gap_points(figures, sources)
    assert list(got["year"]) == pytest.approx([2025 + 2.5 / 12, 2026 + 2.5 / 12])
    assert list(got["is_year_from_source"]) == [False, False]


def test_a_restatement_is_drawn_once_with_its_conversion_beside_the_original():
    """A conversion in brackets (``restates`` of the figure it converts) is one mark: the
    original's, its words followed by the conversion's; a restatement in other words of the
    same number is drawn once and adds nothing, even with another hedge; a gap restated is one
    gap."""
    gap = {"unit": "fold", "kind": "multiplier", "entity": "United States", "counterpart": "China"}
    figures = make_figures(
        {"figure_id": "y/plan/1", "text": "CNY380 billion", "value": 380e9, "unit": "cny"},
        {
            "figure_id": "y/plan/2",
            "text": "USD52 billion",
            "value": 52e9,
            "restates_figure_id": "y/plan/1",
        },
        {"figure_id": "y/gap/1", "text": "tenfold", "value": 10.0, **gap},
        {
            "figure_id": "y/bullet/1",
            "text": "ten times",
            "value": 10.0,
            "restates_figure_id": "y/gap/1",
            **gap,
        },
        {
            "figure_id": "y/bullet/2",
            "text": "under ten times",
            "value": None,
            "low": None,
            "high": 10.0,
            "bound": "upper",
            "restates_figure_id": "y/gap/1",
            **gap,
        },
    )
    derived = derive_measures(figures, [])
    claims = make_claims({"claim_id": "y/plan"})
    voices = pd.DataFrame({"voice_id": ["y/v"], "name": ["Outlet"]})
    tables = {"voices": voices, "claims": claims, "figures": figures, "derived_measures": derived}
    marks = dimension_tables(tables, "capital_and_investment")["marks"].set_index("item_id")
    assert sorted(marks.index) == ["y/gap/1", "y/plan/1"]
    assert marks.loc["y/plan/1", "text"] == "CNY380 billion (also USD52 billion)"
    assert marks.loc["y/gap/1", "text"] == "tenfold"
    assert list(gap_measures(figures, derived)["item_id"]) == ["y/gap/1"]
