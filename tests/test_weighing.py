"""Tests for gapstudy.weighing: independent reports, the lean rule, layers and robustness, on
small fixture tables whose answers are worked out by hand; and the brief's words for them."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy import schema, weighing
from gapstudy.exceptions import AnnotationError, TableError
from gapstudy.paths import project_paths

LAYERS = pd.DataFrame(
    [
        ("inputs", "inputs", "", "compute_and_chips"),
        ("inputs", "inputs", "", "capital_and_investment"),
        ("outputs", "outputs", "", "benchmark_performance"),
    ],
    columns=["layer_id", "title", "description", "dimension"],
)


def _tables(sources: list[tuple[str, str, list[str]]], claims: list[tuple]) -> dict:
    """Sources as (id, kind, events); claims as (source, voice key, voice kind, dimension,
    direction, stance)."""
    source_rows = [
        {"source_id": s, "kind": kind, "title": s, "outlet": s, "published": "2026-01",
         "is_date_inferred": False, "is_outlet_inferred": False}
        for s, kind, _ in sources
    ]  # fmt: skip
    events = [
        {"source_id": s, "event_id": e, "n": n + 1}
        for s, _, evs in sources
        for n, e in enumerate(evs)
    ]
    voices, claim_rows = {}, []
    for n, (source, key, kind, dimension, direction, stance) in enumerate(claims):
        voice_id = f"{source}/{key}"
        voices[voice_id] = {"voice_id": voice_id, "source_id": source, "voice_key": key,
                            "name": key, "kind": kind, "stance": stance,
                            "is_reader_comment": False}  # fmt: skip
        claim_rows.append(
            {"claim_id": f"{source}/c{n}", "source_id": source, "voice_id": voice_id,
             "dimension": dimension, "direction": direction, "stance": stance,
             "is_reader_comment": False, "quote": f"claim {n}"}
        )  # fmt: skip
    return {
        "sources": pd.DataFrame(source_rows),
        "source_events": pd.DataFrame(events, columns=["source_id", "event_id", "n"]),
        "voices": pd.DataFrame(list(voices.values())),
        "claims": pd.DataFrame(claim_rows),
    }


def _lean(tables: dict, dimension: str) -> str:
    got = weighing.leans(weighing.independent_reports(tables), LAYERS)
    return got.set_index(["scope", "subject"]).loc[("dimension", dimension), "lean"]


def test_one_voice_at_one_event_told_by_three_texts_is_one_report_of_the_best_kind():
    tables = _tables(
        [
            ("a", "original_report", ["summit"]),
            ("b", "repost", ["summit"]),
            ("c", "promotional", ["summit"]),
        ],  # fmt: skip
        [(s, "lin", "person", "compute_and_chips", "us_ahead", "skeptic") for s in "abc"]
        + [("c", "lin", "person", "compute_and_chips", "widening", "skeptic")],
    )
    reports = weighing.independent_reports(tables)
    assert len(reports) == 1
    report = reports.iloc[0]
    assert report["n_claims"] == 4
    assert report["source_ids"] == ["a", "b", "c"]
    assert report["weight"] == 1.0


def test_a_texts_own_voice_and_its_unnamed_groups_are_one_voice():
    tables = _tables(
        [("p", "promotional", ["summit"])],
        [
            ("p", "p-outlet", "outlet", "compute_and_chips", "us_ahead", "skeptic"),
            ("p", "insiders", "group", "compute_and_chips", "us_ahead", "skeptic"),
            ("p", "analysts", "group", "compute_and_chips", "widening", "skeptic"),
        ],  # fmt: skip
    )
    reports = weighing.independent_reports(tables)
    assert list(reports["voice_key"]) == ["text:p"]
    assert list(reports["weight"]) == [0.25]


def test_the_same_voice_at_two_events_is_two_reports():
    tables = _tables(
        [("a", "original_report", ["forum"]), ("b", "original_report", ["summit"])],
        [(s, "zheng", "person", "benchmark_performance", "parity", "optimist") for s in "ab"],
    )
    assert len(weighing.independent_reports(tables)) == 2


# Each case: sources, claims on compute_and_chips as (source, voice, kind, direction, stance),
# the lean worked out by hand.
LEAN_CASES = {
    "skeptics carry two thirds: us_ahead": (
        [("a", "original_report", ["e1"]), ("b", "original_report", ["e2"])],
        [("a", "v1", "person", "us_ahead", "skeptic"), ("b", "v2", "person", "widening", "skeptic"),
         ("b", "v3", "person", "narrowing", "optimist")],
        "us_ahead",
    ),
    "optimists carry it, most of them on parity": (
        [("a", "original_report", ["e1"]), ("b", "original_report", ["e2"])],
        [("a", "v1", "person", "parity", "optimist"), ("b", "v2", "person", "parity", "optimist"),
         ("b", "v3", "person", "narrowing", "optimist")],
        "parity",
    ),
    "optimists on narrowing and china_ahead tie: the weaker reading": (
        [("a", "original_report", ["e1"]), ("b", "original_report", ["e2"])],
        [("a", "v1", "person", "china_ahead", "optimist"),
         ("b", "v2", "person", "narrowing", "optimist")],
        "narrowing",
    ),
    "one against one: contested": (
        [("a", "original_report", ["e1"]), ("b", "original_report", ["e2"])],
        [("a", "v1", "person", "us_ahead", "skeptic"),
         ("b", "v2", "person", "narrowing", "optimist")],
        "contested",
    ),
    "many claims, one text: thin": (
        [("a", "original_report", ["e1"])],
        [("a", f"v{n}", "person", "us_ahead", "skeptic") for n in range(5)],
        "thin",
    ),
    "one report only: thin": (
        [("a", "original_report", ["e1"]), ("b", "original_report", ["e1"])],
        [("a", "v1", "person", "us_ahead", "skeptic"),
         ("b", "v1", "person", "us_ahead", "skeptic")],
        "thin",
    ),
    # Counted by claims the skeptics would carry it, four to one; weighed, the promotional
    # text's four claims are one voice at a quarter: 0.25 against 1 + 1.
    "a promotional text counts for a quarter": (
        [("a", "original_report", ["e1"]), ("b", "original_report", ["e2"]),
         ("p", "promotional", ["e3"])],
        [("p", "p", "outlet", "us_ahead", "skeptic"), ("p", "x", "group", "us_ahead", "skeptic"),
         ("p", "y", "group", "widening", "skeptic"), ("p", "z", "group", "us_ahead", "skeptic"),
         ("a", "v1", "person", "narrowing", "optimist"),
         ("b", "v2", "person", "narrowing", "optimist")],
        "narrowing",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", LEAN_CASES, ids=list(LEAN_CASES))
def test_the_lean_rule_on_cases_worked_by_hand(case):
    sources, claims, expected = LEAN_CASES[case]
    rows = [(s, v, k, "compute_and_chips", d, st) for s, v, k, d, st in claims]
    assert _lean(_tables(sources, rows), "compute_and_chips") == expected


def test_a_layer_pools_its_dimensions_and_counts_a_voice_once():
    tables = _tables(
        [("a", "original_report", ["e1"]), ("b", "original_report", ["e2"])],
        [
            ("a", "v1", "person", "compute_and_chips", "us_ahead", "skeptic"),
            ("a", "v1", "person", "capital_and_investment", "us_ahead", "skeptic"),
            ("b", "v2", "person", "capital_and_investment", "us_ahead", "skeptic"),
        ],  # fmt: skip
    )
    got = weighing.leans(weighing.independent_reports(tables), LAYERS).set_index("subject")
    assert got.loc["compute_and_chips", "lean"] == "thin"
    assert got.loc["inputs", "lean"] == "us_ahead"
    assert got.loc["inputs", "skeptic_reports"] == 2
    assert got.loc["inputs", "skeptic_claims"] == 3


def _flipping_tables() -> dict:
    """Compute: two skeptic voices (texts a, b) against one optimist (c): us_ahead (2 of 3).
    Leave out b and it is one against one: contested. Leave out c: still us_ahead."""
    return _tables(
        [("a", "original_report", ["e1"]), ("b", "original_report", ["e2"]),
         ("c", "original_report", ["e3"])],
        [("a", "v1", "person", "compute_and_chips", "us_ahead", "skeptic"),
         ("b", "v2", "person", "compute_and_chips", "us_ahead", "skeptic"),
         ("c", "v3", "person", "compute_and_chips", "narrowing", "optimist")],
    )  # fmt: skip


def test_robustness_finds_the_one_text_a_lean_rests_on():
    table = weighing.robustness(_flipping_tables(), LAYERS)
    compute = table[(table["scope"] == "dimension") & (table["subject"] == "compute_and_chips")]
    expected = pd.DataFrame(
        {
            "left_out_kind": ["source"] * 3 + ["event"] * 3,
            "left_out": ["a", "b", "c", "e1", "e2", "e3"],
            "lean_all": ["us_ahead"] * 6,
            "lean": ["contested", "contested", "us_ahead", "contested", "contested", "us_ahead"],
            "is_changed": [True, True, False, True, True, False],
        }
    )
    pd.testing.assert_frame_equal(compute[list(expected.columns)].reset_index(drop=True), expected)


def test_the_robustness_table_is_declared_and_validates():
    table = weighing.robustness(_flipping_tables(), LAYERS)
    schema.ROBUSTNESS.to_pandera().validate(table.astype(schema.ROBUSTNESS.dtypes))
    assert set(table.columns) == {c.name for c in schema.ROBUSTNESS.columns}


def test_the_robustness_table_is_in_the_data_package():
    import json

    package = json.loads(project_paths().datapackage_file.read_text(encoding="utf-8"))
    assert "robustness" in {r["name"] for r in package["resources"]}


def _robustness_by_definition(tables: dict, layers: pd.DataFrame) -> pd.DataFrame:
    """The robustness table as defined: every lean of :func:`weighing.leans` recomputed from
    the tables without each source, then each event (all its sources). Slow (every report
    folded again per text left out): the reference the library's table is held to."""
    base = weighing.leans(weighing.independent_reports(tables), layers)
    if not len(base):
        return pd.DataFrame(columns=weighing.ROBUSTNESS_COLUMNS)
    drops = [("source", s, {s}) for s in tables["sources"]["source_id"]]
    events = tables["source_events"]
    for e in sorted(set(events["event_id"])):
        drops.append(("event", str(e), set(events.loc[events["event_id"] == e, "source_id"])))
    rows = []
    for kind, left_out, ids in drops:
        without = {name: t[~t["source_id"].isin(ids)] for name, t in tables.items()}
        after = weighing.leans(weighing.independent_reports(without), layers)
        lean_after = {(r.scope, r.subject): r.lean for r in after.itertuples(index=False)}
        for r in base.itertuples(index=False):
            lean = lean_after.get((r.scope, r.subject), "thin")
            rows.append((r.scope, r.subject, kind, left_out, r.lean, lean, lean != r.lean))
    return pd.DataFrame(rows, columns=weighing.ROBUSTNESS_COLUMNS)


# Random small corpora: sources of every kind (one unknown to KIND_WEIGHTS, one with none),
# tied to no event, one or two (events shared by sources); voices shared across texts, a text's
# own voice and its groups; optimists of every reading; claims outside the camps and readers'
# comments, which do not count; dimensions in a layer, two in one layer, one in none.
_VOICES = [("lin", "person"), ("zheng", "person"), ("own", "outlet"), ("insiders", "group")]
_CLAIM = st.tuples(
    st.sampled_from(_VOICES),
    st.sampled_from(["compute_and_chips", "capital_and_investment", "benchmark_performance",
                     "policy"]),
    st.sampled_from(["narrowing", "parity", "china_ahead", "us_ahead", "widening", "none"]),
    st.sampled_from(["optimist", "optimist", "skeptic", "skeptic", "neutral"]),
    st.sampled_from([False] * 5 + [True]),
)  # fmt: skip
_SOURCE = st.tuples(
    st.sampled_from([*weighing.KIND_WEIGHTS, "newsletter", None]),
    st.lists(st.sampled_from(["e1", "e2", "e3"]), max_size=2, unique=True),
)
# The weights as declared, and weights whose sums are not exact in binary.
_WEIGHTS = [
    dict(weighing.KIND_WEIGHTS),
    dict(zip(weighing.KIND_WEIGHTS, [0.1, 1 / 3, 0.7, 0.3, 0.2], strict=True)),
]


@st.composite
def _random_tables(draw: st.DrawFn) -> dict:
    kinds = draw(st.lists(_SOURCE, min_size=1, max_size=6))
    sources = [(f"s{n}", kind, events) for n, (kind, events) in enumerate(kinds)]
    ids = [s for s, _, _ in sources]
    picked = draw(st.lists(st.tuples(st.sampled_from(ids), _CLAIM), min_size=1, max_size=16))
    claims = [(s, key, kind, dim, d, stance) for s, ((key, kind), dim, d, stance, _) in picked]
    tables = _tables(sources, claims)
    tables["claims"]["is_reader_comment"] = [c[-1][-1] for c in picked]
    return tables


@settings(max_examples=50, deadline=None)
@given(tables=_random_tables(), weights=st.sampled_from(_WEIGHTS))
def test_robustness_is_every_lean_recomputed_without_each_text_and_each_event(tables, weights):
    with mock.patch.dict(weighing.KIND_WEIGHTS, weights):
        expected = _robustness_by_definition(tables, LAYERS)
        got = weighing.robustness(tables, LAYERS)
    pd.testing.assert_frame_equal(got, expected)


def test_robustness_pools_a_voice_by_its_claims_once_a_text_is_left_out():
    """Inputs: lin at e1 (texts a, x) is one pooled report; without x its claims read parity
    once (compute) and china_ahead twice (capital): china_ahead, which zheng (b) also reads.
    Counted by report instead of by claim, lin would read parity and tie with zheng: parity."""
    tables = _tables(
        [("a", "original_report", ["e1"]), ("x", "original_report", ["e1"]),
         ("b", "original_report", ["e2"])],
        [("a", "lin", "person", "compute_and_chips", "parity", "optimist"),
         ("a", "lin", "person", "capital_and_investment", "china_ahead", "optimist"),
         ("a", "lin", "person", "capital_and_investment", "china_ahead", "optimist"),
         ("x", "lin", "person", "capital_and_investment", "narrowing", "optimist"),
         ("b", "zheng", "person", "capital_and_investment", "china_ahead", "optimist")],
    )  # fmt: skip
    got = weighing.robustness(tables, LAYERS)
    pd.testing.assert_frame_equal(got, _robustness_by_definition(tables, LAYERS))
    inputs = got[(got["subject"] == "inputs") & (got["left_out"] == "x")].iloc[0]
    assert (inputs["lean_all"], inputs["lean"]) == ("china_ahead", "china_ahead")


def test_robustness_leaves_out_a_claim_whose_voice_is_recorded_in_the_text_left_out():
    """A claim goes with the text its voice is recorded in, as it goes with its own text."""
    tables = _flipping_tables()
    tables["claims"].loc[tables["claims"]["source_id"] == "b", "voice_id"] = "a/v1"
    expected = _robustness_by_definition(tables, LAYERS)
    pd.testing.assert_frame_equal(weighing.robustness(tables, LAYERS), expected)
    assert expected["is_changed"].any()


def test_robustness_refuses_a_claim_id_used_twice():
    tables = _flipping_tables()
    tables["claims"].loc[2, "claim_id"] = "a/c0"
    with pytest.raises(TableError, match="claim_id 'a/c0' is in two rows"):
        weighing.robustness(tables, LAYERS)


def test_layers_are_read_from_data_and_a_bad_one_is_refused_with_its_line(tmp_path: Path):
    layers = weighing.load_layers()
    assert {"inputs", "outputs"} <= set(layers["layer_id"])
    assert layers["dimension"].is_unique
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "layers.yaml").write_text(
        "layers:\n  - layer_id: x\n    title: x\n    dimensions: [compute_and_chips, vibes]\n",
        encoding="utf-8",
    )
    with pytest.raises(AnnotationError, match=r"layers.yaml:4: unknown dimension 'vibes'"):
        weighing.load_layers(project_paths(tmp_path))


def test_the_brief_names_the_text_a_lean_rests_on_and_says_when_one_holds():
    from gapstudy.narrative import argument_context, render_parts

    tables = _flipping_tables()
    for name in ("figures", "derived_measures"):
        tables[name] = pd.DataFrame(
            columns=["figure_id", "source_id", "dimension", "stance", "metric", "entity",
                     "counterpart", "numerator_figure_id", "denominator_figure_id"]
        )  # fmt: skip
    reports = pd.DataFrame(
        columns=["report_key", "figure_id", "source_id", "dimension", "stance", "n_reports",
                 "n_sources", "source_ids", "voice_ids", "claim_ids", "counterparts",
                 "n_metrics", "n_readings", "figure_ids"]
    )  # fmt: skip
    labels = {s: f"Text {s.upper()}" for s in "abc"}
    context = argument_context(tables, reports, labels, {}, LAYERS)
    parts = render_parts({"argument": context}, names=("takeaways", "argument"))
    argument = parts["argument"]
    assert "**Inputs: a US lead.**" in argument
    assert (
        "leave out any one of [Text A](sources/a.html) or [Text B](sources/b.html)"
        " and neither camp carries two-thirds of the weight" in argument
    )
    assert "Text C (without it" not in argument
    # Without the text it rests on, the brief reads differently.
    without_b = {k: v[v["source_id"] != "b"] if "source_id" in v else v for k, v in tables.items()}
    labels_b = {s: labels[s] for s in "ac"}
    other = render_parts(
        {"argument": argument_context(without_b, reports, labels_b, {}, LAYERS)},
        names=("argument",),
    )
    assert "**Inputs: no clear side.**" in other["argument"]


# ---- dating a lean ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "published", "expected"),
    [
        ("late 2023", "2026-01", (2023 + 10 / 12, "late 2023")),
        ("2024", None, (2024.5, "2024")),
        # Placed by the text's date, and named plainly (the reader's trip: "measures of 2023
        # to last year, written March 2025" in the bottom line).
        ("last year", "2026-02", (2025.5, "2025")),
        ("this year", "2025-03-26", (2025.5, "2025")),
        ("this month", "2026-02", (2026 + 1.5 / 12, "February 2026")),
        # "earlier" kept where the text's date is printed: "by February 2026" alone could read
        # as "before February".
        ("by earlier this month", "2026-02", (2026 + 1.5 / 12, "by earlier in February 2026")),
        ("later this month", "2026-02", (2026 + 1.5 / 12, "later in February 2026")),
        ("last month", "2026-01", (2025 + 11.5 / 12, "December 2025")),
        ("earlier last month", "2026-01", (2025 + 11.5 / 12, "earlier in December 2025")),
        # A month named without its year: the latest such month not after the text's.
        ("As of April 30", "2026-05-27", (2026 + 3.5 / 12, "as of 30 April 2026")),
        ("January", "2026-02", (2026 + 0.5 / 12, "January 2026")),
        ("since December", "2026-02", (2025 + 11.5 / 12, "since December 2025")),
        ("January", "2026", None),  # the text's month unknown: not placed
        ("last year", None, None),
        (None, "2026-02", None),
        ("over the next decade", "2026-02", None),
        # A year before another period of its sentence: from that period when it is placed,
        # never from the text's date; with none, unplaced.
        ("the year before", "2025-03-26", None),
        ("the previous year", "2025-03-26", None),
    ],
)  # fmt: skip
def test_a_figure_is_placed_in_time_by_its_period_or_its_texts_date(period, published, expected):
    got = weighing.figure_period(period, published)
    if expected is None:
        assert got is None
    else:
        assert got[0] == pytest.approx(expected[0]) and got[1] == expected[1]


_INFERRED = "the text's date, February 2026, is inferred"


@pytest.mark.parametrize(
    ("period", "anchor", "plain", "expected"),
    [
        ("last year", None, "2025", "2025; " + _INFERRED),
        ("January", None, "January 2026", "January 2026; " + _INFERRED),
        # The text's own month: the figure's own words kept ("earlier" included), the inferred
        # date said apart, as for any other period: "by earlier in February 2026, the text's
        # inferred date" would read "earlier in February" as the text's date.
        ("this month", None, "February 2026", "February 2026; " + _INFERRED),
        ("by earlier this month", None, "by earlier in February 2026",
         "by earlier in February 2026; " + _INFERRED),
        ("later this month", None, "later in February 2026",
         "later in February 2026; " + _INFERRED),
        # A day the text gives itself is kept; the inferred month is then said apart.
        ("as of February 3", None, "as of 3 February 2026",
         "as of 3 February 2026; " + _INFERRED),
        ("the year before", "last year", "2024", "2024; " + _INFERRED),
        # Placed without the text's date: nothing to say.
        ("late 2023", None, "late 2023", "late 2023"),
        ("the year before", "2024", "2023", "2023"),
    ],
)  # fmt: skip
def test_a_period_placed_from_an_inferred_date_says_so(period, anchor, plain, expected):
    """The old "last year, written February 2026" gave the date it was read against; a plain
    year must still say when that date is only inferred from the text."""
    got = weighing.figure_period(period, "2026-02", anchor, is_date_inferred=True)
    assert got[1] == expected
    assert weighing.figure_period(period, "2026-02", anchor)[1] == plain


@pytest.mark.parametrize(
    ("period", "anchor", "published", "expected"),
    [
        ("the year before", "last year", "2025-03-26", (2023.5, "2023")),
        ("the previous year", "2024", None, (2023.5, "2023")),
        ("a year earlier", "this year", "2026-02", (2025.5, "2025")),
        # The anchor itself unplaced (an undated text, a span, another chained year): unplaced.
        ("the year before", "last year", None, None),
        ("the year before", "over the next three years", "2025-03-26", None),
        ("the year before", "the year before", "2025-03-26", None),
    ],
)
def test_a_year_before_another_period_is_placed_from_that_period(
    period, anchor, published, expected
):
    got = weighing.figure_period(period, published, anchor)
    if expected is None:
        assert got is None
    else:
        assert got[0] == pytest.approx(expected[0]) and got[1] == expected[1]


def _dated_tables(skeptic_kind: str, skeptic_direction: str) -> dict:
    """Benchmarks: two optimist voices in text a (January 2026), one giving a gap measured in
    late 2023 and 2024; one skeptic voice in text b (March 2026) saying the gap moves
    ``skeptic_direction``. Optimists carry 2 of 3 (or more): a narrowing gap."""
    tables = _tables(
        [("a", "original_report", ["e1"]), ("b", skeptic_kind, ["e2"])],
        [("a", "v1", "person", "benchmark_performance", "narrowing", "optimist"),
         ("a", "v2", "person", "benchmark_performance", "narrowing", "optimist"),
         ("b", "v3", "person", "benchmark_performance", skeptic_direction, "skeptic")],
    )  # fmt: skip
    tables["sources"].loc[tables["sources"]["source_id"] == "b", "published"] = "2026-03"
    tables["figures"] = pd.DataFrame(
        [{"figure_id": "a/c0/1", "claim_id": "a/c0", "source_id": "a", "period": "late 2023",
          "counterpart": "China"},
         {"figure_id": "a/c0/2", "claim_id": "a/c0", "source_id": "a", "period": "2024",
          "counterpart": "China"}]
    )  # fmt: skip
    return tables


def _date(tables: dict) -> dict:
    reports = weighing.independent_reports(tables)
    lean = weighing.decide_lean(reports)
    return {"lean": lean, **weighing.date_lean(reports, lean, tables)}


def test_a_lean_states_the_period_of_its_measures_and_is_dated_by_a_newer_report_against_it():
    got = _date(_dated_tables("original_report", "widening"))
    assert got["lean"] == "narrowing"
    assert got["camp"] == "optimist"
    assert [p[1] for p in got["period"]] == ["late 2023", "2024"]
    assert [(a["voice_key"], a["when"][1]) for a in got["against"]] == [("v3", "March 2026")]
    assert got["is_dated"]
    # One of the two optimist reports gives a figure: half of their weight is measured.
    assert got["measured_share"] == {"optimist": 0.5, "skeptic": 0.0}


def test_a_leans_period_names_plain_years_a_year_before_counted_from_its_sentence():
    """The reader's trip: "in measures of 2023 to last year, written March 2025". Text a of
    March 2025 gives a gap "last year" and, in the same sentence, one "the year before": the
    lean's period reads "2023 to 2024"."""
    tables = _dated_tables("original_report", "widening")
    tables["sources"].loc[tables["sources"]["source_id"] == "a", "published"] = "2025-03-26"
    tables["figures"] = pd.DataFrame(
        [{"figure_id": "a/c0/1", "claim_id": "a/c0", "source_id": "a", "period": "last year",
          "counterpart": "China", "char_start": 10},
         {"figure_id": "a/c0/2", "claim_id": "a/c0", "source_id": "a",
          "period": "the year before", "counterpart": "China", "char_start": 50}]
    )  # fmt: skip
    assert [p[1] for p in _date(tables)["period"]] == ["2023", "2024"]


@pytest.mark.parametrize(
    ("kind", "direction", "why"),
    [
        ("original_report", "us_ahead", "a level claim, not a change of the gap"),
        ("promotional", "widening", "a quarter of a report, under MIN_DATED_WEIGHT"),
    ],
)
def test_a_lean_is_not_dated_by_a_level_claim_or_a_light_one(kind, direction, why):
    got = _date(_dated_tables(kind, direction))
    assert got["lean"] == "narrowing"
    assert not got["is_dated"], why


def test_an_out_of_date_record_of_the_claimed_change_dates_a_lean_in_any_dimension():
    tables = _dated_tables("promotional", "widening")
    tables["claims"] = pd.concat(
        [tables["claims"],
         pd.DataFrame([{"claim_id": "a/late", "source_id": "a", "voice_id": "a/v1",
                        "dimension": "overall_lead", "direction": "narrowing",
                        "stance": "optimist", "is_reader_comment": False, "quote": "q"}])],
        ignore_index=True,
    )  # fmt: skip
    tables["out_of_date"] = pd.DataFrame(
        [{"claim_id": "a/late", "source_id": "a", "stance": "optimist", "published": "2026-01",
          "quote": "q", "record": "The gap widened."}]
    )  # fmt: skip
    benchmarks = tables["claims"]["dimension"] == "benchmark_performance"
    reports = weighing.independent_reports({**tables, "claims": tables["claims"][benchmarks]})
    got = weighing.date_lean(reports, "narrowing", tables)
    assert [r["claim_id"] for r in got["records"]] == ["a/late"]
    assert got["is_dated"]
    # A US lead is not dated by a record of a narrowing that did not happen.
    assert not weighing.date_lean(reports, "us_ahead", tables)["records"]


def test_contested_and_thin_leans_have_no_carrying_camp_and_are_never_dated():
    tables = _dated_tables("original_report", "widening")
    reports = weighing.independent_reports(tables)
    for lean in ("contested", "thin"):
        got = weighing.date_lean(reports, lean, tables)
        assert got["camp"] is None and not got["is_dated"] and got["period"] is None


def _as_loaded(tables: dict) -> dict:
    """The tables with the dtypes ``gapstudy.load`` gives (strings as ``string``, flags as
    ``boolean``), as a notebook reads them."""
    return {name: frame.convert_dtypes() for name, frame in tables.items()}


@st.composite
def _random_dated_tables(draw: st.DrawFn) -> dict:
    """Random small corpora (as above) with dated texts and figures that state periods."""
    tables = draw(_random_tables())
    tables["sources"]["published"] = [
        draw(st.sampled_from(["2024-05", "2025-03-26", "2026-01", "2026-03", None]))
        for _ in range(len(tables["sources"]))
    ]
    rows = []
    for n, (claim_id, source_id) in enumerate(
        zip(tables["claims"]["claim_id"], tables["claims"]["source_id"], strict=True)
    ):
        for k in range(draw(st.integers(0, 2))):
            rows.append(
                {"figure_id": f"{claim_id}/{k}", "claim_id": claim_id, "source_id": source_id,
                 "period": draw(st.sampled_from(["2023", "last year", "the year before", None])),
                 "counterpart": draw(st.sampled_from(["China", None])), "char_start": n * 10 + k}
            )  # fmt: skip
    columns = ["figure_id", "claim_id", "source_id", "period", "counterpart", "char_start"]
    tables["figures"] = pd.DataFrame(rows, columns=columns)
    return tables


@settings(max_examples=25, deadline=None)
@given(tables=_random_dated_tables())
def test_a_shared_evidence_index_dates_every_lean_as_dating_each_alone_does(tables):
    """The brief dates every dimension's and layer's lean from one ``EvidenceIndex`` of the
    tables as loaded (string columns): the same as dating each from the plain tables alone."""
    loaded = _as_loaded(tables)
    index = weighing.EvidenceIndex(loaded)
    reports = weighing.independent_reports(tables)
    pd.testing.assert_frame_equal(weighing.independent_reports(loaded), reports, check_dtype=False)
    pd.testing.assert_frame_equal(
        weighing.robustness(loaded, LAYERS), weighing.robustness(tables, LAYERS)
    )
    for dimension in sorted(set(reports["dimension"])):
        mine = reports[reports["dimension"] == dimension]
        for lean in ("us_ahead", "narrowing", "parity", "contested"):
            assert weighing.date_lean(mine, lean, loaded, index) == weighing.date_lean(
                mine, lean, tables
            )


_KEY_VALUES = st.sampled_from(["a", "b", "", "B", None, float("nan"), pd.NA])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_KEY_VALUES, _KEY_VALUES, st.integers(0, 9)), max_size=12))
def test_groups_are_the_groups_pandas_makes_missing_keys_in_none(rows):
    """Keys of strings and every kind of missing value (None, NaN, NA): a row with a missing
    key is in no group, the rest grouped and sorted as ``groupby(sort=True)`` does."""
    frame = pd.DataFrame(rows, columns=["k1", "k2", "v"]).astype({"k1": object, "k2": object})
    plain = [
        (k1, k2, v)
        for k1, k2, v in rows
        if not any(k is None or k is pd.NA or (isinstance(k, float) and k != k) for k in (k1, k2))
    ]
    expected: dict[tuple, list[int]] = {}
    for k1, k2, v in plain:
        expected.setdefault((k1, k2), []).append(v)
    got = weighing._groups(frame, ["k1", "k2"], ["v"])
    assert list(got) == sorted(expected)
    assert {k: list(v) for k, (v,) in got.items()} == expected
