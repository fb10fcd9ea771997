from __future__ import annotations

import struct

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import FancyArrowPatch, Rectangle  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from gapstudy import plots, style  # noqa: E402
from gapstudy.exceptions import PlotRuleError  # noqa: E402
from gapstudy.facts import GAP_COLUMNS  # noqa: E402
from gapstudy.output import save_figure  # noqa: E402


def make_marks(*rows: dict) -> pd.DataFrame:
    """Rows of the marks table (as from facts.gap_measures), giving only what differs."""
    defaults = {
        "dimension": "compute_and_chips",
        "unit": "fold",
        "label": "compute",
        "bound": "exact",
        "stance": "skeptic",
        "source_id": "k",
        "text": "ten-fold",
        "reading": "r",
        "kind": "gap",
        "entity": "United States",
        "counterpart": "China",
    }
    rows = [{**defaults, **row} for row in rows]
    rows = [{"quantity": row["kind"], **row} for row in rows]
    frame = pd.DataFrame(rows, columns=list(GAP_COLUMNS))
    numbers = ("low", "value", "high", "start_value", "change_value")
    return frame.astype({c: ("Float64" if c in numbers else "object") for c in GAP_COLUMNS})


GAPS = make_marks(
    {
        "dimension": "benchmark_performance",
        "unit": "percentage_point",
        "label": "MMLU lead",
        "low": 0.3,
        "value": 0.3,
        "high": 0.3,
        "start_value": 17.5,
        "start_text": "17.5%",
        "start_period": "late 2023",
        "period": "2024",
        "change_value": -17.2,
        "change_unit": "percentage_point",
        "stance": "optimist",
        "source_id": "u",
        "item_id": "mmlu",
        "text": "0.3%",
    },
    {
        "dimension": "benchmark_performance",
        "unit": "percent",
        "label": "overall shortfall",
        "low": 2.7,
        "value": 2.7,
        "high": 2.7,
        "stance": "optimist",
        "source_id": "z",
        "item_id": "z/gap/1",
        "text": "2.7%",
    },
    {
        "dimension": "capital_and_investment",
        "label": "investment",
        "low": 11.7,
        "value": 11.7,
        "high": 11.7,
        "source_id": "u",
        "item_id": "inv",
        "text": "$109.1 billion / $9.3 billion",
    },
    {
        "label": "compute",
        "low": 10.0,
        "high": 100.0,
        "bound": "range",
        "item_id": "k/fold/1",
        "text": "ten-to-hundred-fold",
    },
    {"label": "compute", "low": 10.0, "bound": "lower", "item_id": "k/fold/2", "text": "over 10x"},
    {
        "dimension": "adoption_and_usage",
        "kind": "share",
        "entity": "China",
        "counterpart": None,
        "unit": "percent",
        "label": "share of usage",
        "low": 30.0,
        "value": 30.0,
        "high": 30.0,
        "bound": "approximate",
        "start_value": 1.2,
        "start_text": "1.2%",
        "change_value": 28.8,
        "change_unit": "percentage_point",
        "stance": "optimist",
        "source_id": "h",
        "item_id": "share",
        "text": "nearly 30%",
    },
)
# A chart of gaps draws gaps only; the share above belongs to its dimension's chart.
MARKS = GAPS
GAPS = MARKS[MARKS["kind"] == "gap"].reset_index(drop=True)

SOURCES = pd.DataFrame(
    {
        "source_id": ["k", "z", "u"],
        "published": ["2026-01", "2026-05-27", None],
        "date_precision": ["month", "day", "unknown"],
        "is_date_inferred": [True, False, False],
    }
)

POINTS = pd.DataFrame(
    {
        "figure_id": ["u/m/1", "u/m/2", "z/g/1", "r/g/1"],
        "source_id": ["u", "u", "z", "r"],
        "label": ["MMLU lead", "MMLU lead", "overall", "overall"],
        "text": ["17.5%", "0.3%", "2.7%", "2.7%"],
        "value": [17.5, 0.3, 2.7, 2.7],
        "unit": ["percentage_point", "percentage_point", "percent", "percent"],
        "year": [2023.83, 2024.5, 2026 + 2.5 / 12, 2026 + 2.5 / 12],
        "is_year_from_source": [False, False, False, True],
        "stance": ["optimist"] * 4,
    }
)
CHANGES = pd.DataFrame({"numerator_figure_id": ["u/m/2"], "denominator_figure_id": ["u/m/1"]})

FACT_VALUES = pd.DataFrame(
    {
        "fact_id": ["ipo", "ipo", "says"],
        "source_id": ["a", "b", "a"],
        "text": ["$560 million", "$500 million", "may be widening"],
        "value": [560.0, 500.0, None],
        "low": [None, None, None],
        "high": [None, None, None],
        "bound": ["exact", "exact", None],
        "stance": ["neutral", "skeptic", "skeptic"],
        "spread_pct": [12.0, 12.0, None],
        "is_agreeing": [False, False, True],
        "metric": ["IPO proceeds", "IPO proceeds", "gap"],
        "period": ["January", "January", None],
    }
)

VIEWPOINTS = pd.DataFrame(
    {
        "dimension": [
            "benchmark_performance",
            "benchmark_performance",
            "compute_and_chips",
            "compute_and_chips",
        ],
        "stance": ["optimist", "skeptic", "optimist", "skeptic"],
        "n_claims": [4, 0, 1, 3],
    }
)
COVERAGE = pd.DataFrame(
    {
        "source_id": ["a", "a", "a", "b", "b", "b"],
        "status": ["annotated", "excluded", "open"] * 2,
        "n_mentions": [3, 1, 2, 5, 0, 0],
    }
)

EVERY_FIGURE = {
    "gap-by-dimension": lambda: plots.plot_gap_by_dimension(GAPS),
    "dimension-figures": lambda: plots.plot_dimension_figures(GAPS[GAPS["unit"] != "fold"]),
    "benchmark-gap": lambda: plots.plot_benchmark_gap(POINTS, CHANGES),
    "source-timeline": lambda: plots.plot_source_timeline(SOURCES),
    "coverage": lambda: plots.plot_coverage(COVERAGE),
    "fact-agreement": lambda: plots.plot_fact_agreement(FACT_VALUES),
    "viewpoints": lambda: plots.plot_viewpoints(VIEWPOINTS),
}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text)]


def drawn_texts(fig) -> list[Text]:
    """Every text the renderer draws: titles, labels, annotations, legend entries, and the tick
    labels of ticks inside the axis limits."""
    fig.canvas.draw()
    tick_labels, shown = set(), []
    for ax in fig.axes:
        for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            low, high = sorted(limits)
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                tick_labels |= {id(tick.label1), id(tick.label2)}
                if tick.label1.get_visible() and low <= tick.get_loc() <= high:
                    shown.append(tick.label1)
    shown += [t for t in fig.findobj(Text) if id(t) not in tick_labels and t.get_visible()]
    return [t for t in dict.fromkeys(shown) if t.get_text().strip()]


def overlaps(fig) -> list[tuple[str, str]]:
    texts = drawn_texts(fig)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    return [
        (texts[i].get_text(), texts[j].get_text())
        for i in range(len(texts))
        for j in range(i)
        if boxes[i].overlaps(boxes[j])
    ]


def outside(fig) -> list[str]:
    """Texts that run past the edge of the figure (and would be cut off)."""
    frame = fig.bbox
    renderer = fig.canvas.get_renderer()
    return [
        t.get_text()
        for t in drawn_texts(fig)
        if not (
            frame.x0 - 0.5 <= t.get_window_extent(renderer).x0
            and t.get_window_extent(renderer).x1 <= frame.x1 + 0.5
            and frame.y0 - 0.5 <= t.get_window_extent(renderer).y0
            and t.get_window_extent(renderer).y1 <= frame.y1 + 0.5
        )
    ]


# --- what each figure shows ---------------------------------------------------------------------


def test_gap_by_dimension_gives_each_dimension_and_unit_its_own_panel_and_scale():
    ax = plots.plot_gap_by_dimension(GAPS)
    panels = ax.figure.axes
    titles = [p.get_title(loc="left") for p in panels]
    assert titles == [
        "Benchmark performance: US lead over China, percentage points",
        "Benchmark performance: US lead over China, percent, as written",
        "Capital and investment: US lead over China, multiple (×), log scale",
        "Compute and chips: US lead over China, multiple (×), log scale",
    ]
    assert [p.get_xscale() for p in panels] == ["linear", "linear", "log", "log"]
    # A lead of 17.5 points is drawn at 17.5 on its own axis, never as a ratio 1.175.
    lead = panels[0]
    xs = sorted(x for line in lead.lines for x in line.get_xdata())
    assert xs == pytest.approx([0.3, 17.5])
    assert lead.get_xlim()[0] <= 0 < 17.5 < lead.get_xlim()[1]


def test_a_share_is_never_drawn_as_a_gap():
    with pytest.raises(PlotRuleError, match="never drawn as a gap"):
        plots.plot_gap_by_dimension(MARKS)
    # In its dimension's chart it has a panel of shares, on 0 to 100.
    ax = plots.plot_dimension_figures(MARKS[MARKS["kind"] == "share"], title="Adoption")
    assert ax.get_title(loc="left") == "Shares, percent, as written"
    assert ax.get_xlim() == (0.0, 100.0)


def test_gap_by_dimension_labels_every_row_with_its_source_and_words():
    ax = plots.plot_gap_by_dimension(GAPS)
    texts = _texts(ax.figure)
    for row in GAPS.itertuples(index=False):
        assert any(t.endswith(f"·  {row.source_id}") and row.label in t for t in texts)
    assert "17.5% (late 2023) → 0.3% (2024): -17.2 points" in texts
    # Article words are shown as written; '$' is escaped, not read as math.
    assert r"\$109.1 billion / \$9.3 billion (period not stated)" in texts


def test_bounds_point_the_open_way_and_changes_run_from_earlier_to_later():
    ax = plots.plot_gap_by_dimension(GAPS)
    compute = ax.figure.axes[3]
    (bound,) = [t for t in compute.texts if getattr(t, "arrow_patch", None) is not None]
    assert bound.xyann[0] == 10.0 and bound.xy[0] > 10.0
    (change,) = [t for t in ax.figure.axes[0].texts if getattr(t, "arrow_patch", None)]
    assert (change.xyann[0], change.xy[0]) == (17.5, 0.3)


def test_plot_draws_in_the_area_it_is_given():
    fig, ax = plt.subplots()
    first = plots.plot_gap_by_dimension(GAPS, ax=ax)
    assert first.figure is fig and len(fig.axes) == 4
    _, ax = plt.subplots()
    assert plots.plot_gap_by_dimension(GAPS[GAPS["unit"] == "fold"].iloc[:1], ax=ax) is ax


def test_dimension_figures_put_each_unit_in_a_panel_of_its_own():
    level = {"kind": "level", "counterpart": None}
    marks = make_marks(
        {**level, "unit": "usd", "label": "IPO", "low": 5.6e8, "value": 5.6e8, "high": 5.6e8},
        {**level, "unit": "usd", "label": "funding", "low": 1.091e11, "value": 1.091e11},
        {**level, "unit": "count", "label": "filings", "quantity": "filings", "value": 868.0},
        {**level, "unit": "count", "label": "filings", "quantity": "filings", "value": 530.0},
        {**level, "unit": "count", "label": "apps", "quantity": "apps", "value": 530.0},
    ).assign(entity=lambda f: f["entity"].where(f["label"] != "apps", "Zhipu"))
    ax = plots.plot_dimension_figures(marks, title="Capital")
    # Counts of different things never share an axis; dollars are dollars.
    assert [(p.get_title(loc="left"), p.get_xscale()) for p in ax.figure.axes] == [
        ("Amounts, US dollars, log scale", "log"),
        ("Number of filings", "linear"),
        ("Number of apps", "linear"),
    ]
    # Every row names whom it is about, the US included.
    assert any(t.startswith("Zhipu: apps") for t in _texts(ax.figure))
    assert any(t.startswith("United States: filings") for t in _texts(ax.figure))


def test_plot_source_timeline_marks_undated_and_inferred_dates():
    ax = plots.plot_source_timeline(SOURCES)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["k", "z", "u"]
    texts = [t.get_text() for t in ax.texts]
    assert "undated: no date in the text, so not placed in time" in texts
    # The undated text (row 2) has no mark on the time axis, and no line stands for it.
    marked_rows = {float(line.get_ydata()[0]) for line in ax.lines if len(line.get_ydata())}
    assert 2.0 not in marked_rows
    assert not [line for line in ax.lines if line.get_linestyle() == "--"]
    assert "2026-01 (month, inferred)" in texts
    assert "2026-05-27 (day)" in texts
    ((bar,),) = ax.containers  # one bar; the undated row's shading is not a bar
    assert bar.get_width() == 31  # the whole of January


def test_plot_coverage_stacks_the_counts_per_status():
    ax = plots.plot_coverage(COVERAGE)
    widths = [(p.get_y() < 0.5, p.get_width()) for p in ax.patches]
    assert sorted(widths) == sorted(
        [(True, 3), (True, 1), (True, 2), (False, 5), (False, 0), (False, 0)]
    )
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["annotated", "excluded", "open"]


def test_each_viewpoints_variant_is_titled_by_its_selection():
    plain = plots.plot_viewpoints(VIEWPOINTS)
    subset = plots.plot_viewpoints(VIEWPOINTS, selection="2 sources (a, b)")
    assert plain.get_title(loc="left") == "Where optimists and skeptics look"
    title = "Where optimists and skeptics look: 2 sources (a, b)"
    assert subset.get_title(loc="left") == title
    assert set(plots.drawn_data(subset.figure)["chart"]) == {title}


def test_plot_viewpoints_puts_optimists_left_and_skeptics_right():
    ax = plots.plot_viewpoints(VIEWPOINTS)
    widths = [p.get_width() for p in ax.patches]
    assert widths == [-4, -1, 0, 3]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "benchmark performance",
        "compute and chips",
    ]


def test_benchmark_gap_keeps_each_unit_on_its_own_axis_and_joins_changes():
    ax = plots.plot_benchmark_gap(POINTS, CHANGES)
    points_panel, percent_panel = ax.figure.axes
    assert "percentage points" in points_panel.get_ylabel()
    assert "percent as written" in percent_panel.get_ylabel()
    assert {"17.5% · u", "0.3% · u"} <= {t.get_text() for t in points_panel.texts}
    assert {"2.7% · z", "2.7% · r"} <= {t.get_text() for t in percent_panel.texts}
    arrows = [t for t in points_panel.texts if getattr(t, "arrow_patch", None) is not None]
    assert [(a.xyann, a.xy) for a in arrows] == [((2023.83, 17.5), (2024.5, 0.3))]


def test_benchmark_points_sit_at_their_month():
    ax = plots.plot_benchmark_gap(POINTS, CHANGES)
    percent_panel = ax.figure.axes[1]
    xs = [line.get_xdata()[0] for line in percent_panel.lines if line.get_marker() == "s"]
    # March 2026 (2026 + 2.5/12), not the middle of the year.
    assert xs == pytest.approx([2026 + 2.5 / 12] * 2)


def test_plot_fact_agreement_shows_each_report_and_the_verdict():
    ax = plots.plot_fact_agreement(FACT_VALUES)
    # Each fact is named by what it measures and when, never by its internal id; its verdict
    # is on its own line, above its first report, not floating at the right.
    assert [t.get_text() for t in ax.texts] == [
        "IPO proceeds (January) — DISAGREE: largest 12% above smallest\na: \\$560 million",
        r"b: \$500 million",
    ]
    dots = [line.get_xdata()[0] for line in ax.lines if line.get_marker() == "o"]
    assert dots == pytest.approx([560 / 500, 1.0])


# --- publishable: no overlap, readable sizes, one palette ----------------------------------------


@pytest.mark.parametrize("name", EVERY_FIGURE)
def test_no_two_labels_overlap_and_none_is_cut_off(name):
    ax = EVERY_FIGURE[name]()
    assert overlaps(ax.figure) == []
    assert outside(ax.figure) == []


def test_a_change_axis_keeps_zero_in_view():
    """A cut of 40% on an axis from -40 to -30 looks extreme; from zero it reads as it is."""
    change = make_marks(
        {
            "dimension": "efficiency",
            "kind": "change",
            "entity": "DeepSeek",
            "counterpart": None,
            "unit": "percent",
            "label": "cost",
            "low": -40.0,
            "value": -40.0,
            "high": -40.0,
            "text": "40% lower",
            "item_id": "c/1",
        },
        {
            "dimension": "efficiency",
            "kind": "change",
            "entity": "DeepSeek",
            "counterpart": None,
            "unit": "percent",
            "label": "cost",
            "low": -30.0,
            "value": -30.0,
            "high": -30.0,
            "text": "30% lower",
            "item_id": "c/2",
        },
    )
    ax = plots.plot_dimension_figures(change)
    low, high = ax.get_xlim()
    assert low <= -40 and high >= 0


@pytest.mark.parametrize("name", EVERY_FIGURE)
def test_every_figure_is_drawn_again_for_phones(name):
    """The narrow drawing: as wide as a phone shows it, its text no smaller, nothing
    overlapping or cut off, and the same marks as the wide figure."""
    wide = EVERY_FIGURE[name]().figure
    narrow = plots.redraw(wide, style.NARROW)
    assert narrow is not None and narrow is not wide
    assert narrow.get_size_inches()[0] == pytest.approx(style.NARROW.width_in)
    assert overlaps(narrow) == [], name
    assert outside(narrow) == [], name
    assert min(t.get_fontsize() for t in drawn_texts(narrow)) >= style.MIN_FONT_PT
    columns = list(plots.DRAWN_COLUMNS)
    pd.testing.assert_frame_equal(
        plots.drawn_data(narrow)[columns], plots.drawn_data(wide)[columns]
    )


def test_a_figure_drawn_elsewhere_is_not_drawn_again():
    fig, _ = plt.subplots()
    assert plots.redraw(fig, style.NARROW) is None
    given, ax = plt.subplots()
    plots.plot_viewpoints(VIEWPOINTS, ax=ax)  # drawn into someone else's figure
    assert plots.redraw(given, style.NARROW) is None


def test_the_narrow_figure_is_saved_beside_the_wide_one_and_fits_a_phone(tmp_path):
    outputs = []
    for n in range(2):
        ax = plots.plot_gap_by_dimension(GAPS)
        written = save_figure(
            ax.figure, "gap", figures_dir=tmp_path / str(n), caption="c", formats=["png"]
        )
        names = [p.name for p in written]
        assert names == ["gap.png", "gap.narrow.png", "gap.csv", "gap.meta.json"]
        narrow = written[1].read_bytes()
        width, _ = struct.unpack(">II", narrow[16:24])
        # Saved at twice the pixels and shown at half: no wider than a phone shows it.
        assert width <= style.PHONE_WIDTH_PX * style.NARROW_DPI / style.DPI
        outputs.append(narrow)
    assert outputs[0] == outputs[1]
    # Only the two figures drawn here stay open: a notebook shows every open figure.
    assert len(plt.get_fignums()) == 2


def test_labels_at_one_spot_are_moved_apart():
    both = POINTS[POINTS["unit"] == "percent"]
    ax = plots.plot_benchmark_gap(both)
    fig = ax.figure
    a, b = (t for t in ax.texts if t.get_text().startswith("2.7%"))
    renderer = fig.canvas.get_renderer()
    assert not a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer))
    assert a.xyann != b.xyann


def _apart(boxes, shifts, pad) -> bool:
    """No two boxes closer than ``pad`` once shifted (to within rounding)."""
    pad -= 1e-9
    moved = [(x0, y0 + s, x1, y1 + s) for (x0, y0, x1, y1), s in zip(boxes, shifts, strict=True)]
    return not any(
        a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad
        for i, a in enumerate(moved)
        for b in moved[:i]
    )


BOX = st.tuples(
    st.floats(0, 300, allow_nan=False),
    st.floats(0, 300, allow_nan=False),
    st.floats(1, 80, allow_nan=False),
    st.floats(1, 30, allow_nan=False),
).map(lambda b: (b[0], b[1], b[0] + b[2], b[1] + b[3]))


@given(st.lists(BOX, max_size=40), st.sampled_from([0.0, 2.0]))
@settings(max_examples=200, deadline=None)
def test_stacked_boxes_never_overlap_and_only_move_up(boxes, pad):
    shifts, _ = plots.stack_boxes(boxes, pad)
    assert all(s >= 0 for s in shifts)
    assert _apart(boxes, shifts, pad)


def test_boxes_already_apart_stay_put():
    boxes = [(0, 10 * n, 50, 10 * n + 8) for n in range(20)]
    assert plots.stack_boxes(boxes, 2.0)[0] == [0.0] * 20


def test_boxes_at_one_spot_are_stacked_in_their_order():
    shifts, _ = plots.stack_boxes([(0, 0, 10, 5)] * 3, 1.0)
    assert shifts == [0.0, 6.0, 12.0]


def _rows_of_labels(n: int) -> list[tuple[float, float, float, float]]:
    """Labels as a panel of marks draws them: one a row, at scattered x, each pair of rows
    a little closer than a label is tall (so neighbours overlap and move)."""
    return [((37 * k) % 400, 9.0 * k, (37 * k) % 400 + 120, 9.0 * k + 10) for k in range(n)]


def test_placement_compares_labels_with_their_neighbours_not_with_every_label():
    counts = {n: plots.stack_boxes(_rows_of_labels(n), 2.0)[1] for n in (250, 1000, 4000)}
    for n, count in counts.items():
        assert count <= 8 * n  # every pair would be n(n-1)/2
    # Four times the labels, about four times the comparisons.
    assert counts[4000] / counts[1000] < 4.5
    assert counts[1000] / counts[250] < 4.5
    boxes = _rows_of_labels(1000)
    assert _apart(boxes, plots.stack_boxes(boxes, 2.0)[0], 2.0)


def _many_marks(n: int) -> pd.DataFrame:
    """``n`` gap marks in two panels (two units), each from its own source."""
    return make_marks(
        *(
            {
                "unit": "fold" if k % 3 else "percentage_point",
                "label": f"lead {k}",
                "low": 2.0 + k,
                "value": 2.0 + k,
                "high": 2.0 + k,
                "source_id": f"s{k:03d}",
                "item_id": f"s{k:03d}/gap/1",
                "text": f"{2 + k}",
            }
            for k in range(n)
        )
    )


def test_a_figure_draws_at_most_max_marks_and_counts_the_rest(tmp_path):
    marks = _many_marks(plots.MAX_MARKS + 23)
    ax = plots.plot_gap_by_dimension(marks)
    fig = ax.figure
    drawn_words = [t for t in _texts(fig) if "·  s" in t]
    assert len(drawn_words) == plots.MAX_MARKS
    note = f"… and 23 more not drawn ({plots.MAX_MARKS} of {plots.MAX_MARKS + 23:,} shown"
    assert note in fig.legends[0].get_title().get_text()
    # Both panels keep marks: taken in turn from each, not the first rows of the table.
    assert len(fig.axes) == 2
    assert overlaps(fig) == []
    written = save_figure(fig, "many", figures_dir=tmp_path, caption="c", formats=["png"])
    saved = pd.read_csv(next(p for p in written if p.suffix == ".csv"))
    assert sorted(saved["item_id"]) == sorted(marks["item_id"])
    assert saved["is_shown"].sum() == plots.MAX_MARKS


def test_a_figure_with_few_marks_draws_them_all_and_says_nothing_of_more():
    ax = plots.plot_gap_by_dimension(_many_marks(plots.MAX_MARKS))
    assert ax.figure.legends[0].get_title().get_text() == ""
    assert not [t for t in _texts(ax.figure) if "more not drawn" in t]
    assert plots.drawn_data(ax.figure)["is_shown"].all()


def test_benchmark_points_at_one_spot_beyond_the_bound_are_counted_and_kept_in_the_data():
    n = plots.MAX_MARKS + 5
    points = pd.DataFrame(
        {
            "figure_id": [f"s{k}/g/1" for k in range(n)],
            "source_id": [f"s{k}" for k in range(n)],
            "label": ["overall"] * n,
            "text": ["2.7%"] * n,
            "value": [2.7] * n,
            "unit": ["percent"] * n,
            "year": [2026.2] * n,
            "is_year_from_source": [False] * n,
            "stance": ["optimist"] * n,
        }
    )
    ax = plots.plot_benchmark_gap(points)
    fig = ax.figure
    markers = [line for line in ax.lines if line.get_marker() == "o"]
    assert len(markers) == plots.MAX_MARKS
    # Points at one spot with the same words share one label naming the first source.
    labels = [t.get_text() for t in ax.texts if t.get_text().startswith("2.7% · ")]
    assert labels == [f"2.7% · s0 and {plots.MAX_MARKS - 1} more"]
    assert "… and 5 more not drawn" in fig.legends[0].get_title().get_text()
    drawn = plots.drawn_data(fig)
    assert len(drawn) == n and drawn["is_shown"].sum() == plots.MAX_MARKS


@pytest.mark.parametrize("name", EVERY_FIGURE)
def test_text_is_readable_at_the_width_the_report_shows(name, tmp_path):
    ax = EVERY_FIGURE[name]()
    sizes = {t.get_fontsize() for t in drawn_texts(ax.figure)}
    assert min(sizes) >= style.MIN_FONT_PT
    (png, *_) = save_figure(ax.figure, name, figures_dir=tmp_path, caption="c", formats=["png"])
    width, _ = struct.unpack(">II", png.read_bytes()[16:24])
    # Shown at its own size (no scaling down), so 8 pt stays 8 pt.
    assert width <= style.REPORT_WIDTH_PX


def _mark_colours(fig) -> set[str]:
    """Colours of the data marks (dots, bars, arrows), leaving out legends and neutral ink."""
    neutral = {"#ffffff", to_hex(style.INK), to_hex(style.MUTED), to_hex(style.RULE)}
    legends = {id(a) for leg in fig.legends for a in leg.findobj()}
    legends |= {id(a) for ax in fig.axes if ax.get_legend() for a in ax.get_legend().findobj()}
    colours = set()
    for artist in fig.findobj(lambda a: isinstance(a, Line2D | Rectangle | FancyArrowPatch)):
        if id(artist) in legends:
            continue
        if isinstance(artist, Line2D):
            if artist.get_marker() in (None, "None", "") and artist.get_linewidth() < 2:
                continue
            colours |= {to_hex(artist.get_markeredgecolor()), to_hex(artist.get_color())}
        elif isinstance(artist, FancyArrowPatch):
            colours.add(to_hex(artist.get_edgecolor()))
        elif artist.axes is not None and artist is not artist.axes.patch:
            colours.add(to_hex(artist.get_facecolor()))
    return colours - neutral


STANCE_FIGURES = {
    "gap-by-dimension": lambda stance: plots.plot_gap_by_dimension(GAPS.assign(stance=stance)),
    "dimension-figures": lambda stance: plots.plot_dimension_figures(GAPS.assign(stance=stance)),
    "benchmark-gap": lambda stance: plots.plot_benchmark_gap(POINTS.assign(stance=stance)),
    "fact-agreement": lambda stance: plots.plot_fact_agreement(FACT_VALUES.assign(stance=stance)),
}


@pytest.mark.parametrize("stance", ["optimist", "skeptic", "mixed"])
def test_a_stance_has_the_same_colour_in_every_figure(stance):
    for name, draw in STANCE_FIGURES.items():
        fig = draw(stance).figure
        assert _mark_colours(fig) == {to_hex(style.STANCE_COLOURS[stance])}, name
        plt.close(fig)
    bars = plots.plot_viewpoints(VIEWPOINTS)
    camps = {c.get_label(): {to_hex(p.get_facecolor()) for p in c} for c in bars.containers}
    assert camps == {
        "optimists": {to_hex(style.STANCE_COLOURS["optimist"])},
        "skeptics": {to_hex(style.STANCE_COLOURS["skeptic"])},
    }


def test_the_same_data_gives_the_same_svg_bytes(tmp_path):
    outputs = []
    for n in range(2):
        ax = plots.plot_gap_by_dimension(GAPS)
        (svg, data, _) = save_figure(
            ax.figure, "gap", figures_dir=tmp_path / str(n), caption="c", formats=["svg"]
        )
        outputs.append((svg.read_bytes(), data.read_bytes()))
    assert outputs[0] == outputs[1]


# --- the plotting rule --------------------------------------------------------------------------


def test_every_figure_saves_the_data_it_drew(tmp_path):
    ax = plots.plot_gap_by_dimension(GAPS)
    written = save_figure(ax.figure, "gap", figures_dir=tmp_path, caption="c", formats=["png"])
    (data,) = [p for p in written if p.suffix == ".csv"]
    drawn = pd.read_csv(data)
    assert list(drawn.columns[: len(plots.DRAWN_COLUMNS)]) == list(plots.DRAWN_COLUMNS)
    assert sorted(drawn["item_id"]) == sorted(GAPS["item_id"])
    assert set(drawn["axis"]) == {a.get_title(loc="left") for a in ax.figure.axes}
    # A figure drawn by other code has no record of its data: no CSV, rather than a wrong one.
    fig, _ = plt.subplots()
    written = save_figure(fig, "other", figures_dir=tmp_path, caption="c", formats=["png"])
    assert [p.name for p in written] == ["other.png", "other.meta.json"]


RULE_BREAKS = {
    "two units on one axis": ({"unit": ["fold", "percent"]}, "mixes units"),
    "two quantities on one axis": ({"quantity": ["share", "change"]}, "mixes quantitys"),
    "a mark with no entity": ({"entity": ["US", None]}, "no 'entity'"),
    "a mark with no period": ({"period": ["2024", " "]}, "no 'period'"),
    "a chart with no title": ({"chart": ["", ""]}, "no 'chart'"),
    "a share drawn as a gap": (
        {"chart": ["The US lead"] * 2, "quantity": ["share"] * 2},
        "never drawn as a gap",
    ),
}


@pytest.mark.parametrize("case", RULE_BREAKS)
def test_the_plotting_rule_refuses_each_kind_of_breach(case):
    good = {
        "chart": ["Amounts"] * 2,
        "axis": ["a"] * 2,
        "quantity": ["level"] * 2,
        "unit": ["usd"] * 2,
        "entity": ["US", "China"],
        "period": ["2024", "2024"],
    }
    plots.check_plot_rule(pd.DataFrame(good))
    change, message = RULE_BREAKS[case]
    with pytest.raises(PlotRuleError, match=message):
        plots.check_plot_rule(pd.DataFrame({**good, **change}))


def test_every_figure_the_build_draws_keeps_the_plotting_rule(repo_paths):
    """Over the data of every figure the build drew (its CSV): one quantity in one unit per
    axis, every mark naming its entity and period, gaps only under a gap title, a title."""
    metas = sorted(repo_paths.figures.glob("*/*.meta.json"))
    assert metas, "no figures built"
    for meta in metas:
        data = meta.with_name(meta.name.removesuffix(".meta.json") + ".csv")
        assert data.is_file(), f"{meta}: no CSV of the data drawn"
        plots.check_plot_rule(pd.read_csv(data, dtype=str, keep_default_na=False))


def _report_figures(paths) -> dict:
    from gapstudy import facts
    from gapstudy.narrative import load_tables

    names = ["voices", "claims", "figures", "derived_measures", "segments", "mentions"]
    t = load_tables(names, paths=paths)
    marks = {d: facts.dimension_tables(t, d)["marks"] for d in set(t["figures"]["dimension"])}
    return {
        "gap-by-dimension": lambda: plots.plot_gap_by_dimension(
            facts.gap_measures(t["figures"], t["derived_measures"])
        ),
        "benchmark-gap": lambda: plots.plot_benchmark_gap(
            facts.benchmark_gap_points(t["figures"], t["sources"]),
            facts.benchmark_changes(t["derived_measures"]),
        ),
        **{
            f"dimension-{d}": (lambda d=d: plots.plot_dimension_figures(marks[d]))
            for d in sorted(marks)
        },
        "fact-agreement": lambda: plots.plot_fact_agreement(
            facts.reconcile_facts(t["figures"], t["claims"], facts.load_facts_spec(paths))
        ),
        "viewpoints": lambda: plots.plot_viewpoints(facts.count_claims_by_dimension(t["claims"])),
        "segments": lambda: plots.plot_segments(facts.count_segment_lines(t["segments"])),
        "coverage": lambda: plots.plot_coverage(facts.count_mentions_by_status(t["mentions"])),
    }


def test_the_report_figures_are_readable_and_free_of_overlaps(repo_paths):
    """The figures of the report as drawn from the real tables, wide and for phones."""
    for name, draw in _report_figures(repo_paths).items():
        wide = draw().figure
        narrow = plots.redraw(wide, style.NARROW)
        for fig, layout in ((wide, style.WIDE), (narrow, style.NARROW)):
            assert overlaps(fig) == [], (name, layout.name)
            assert outside(fig) == [], (name, layout.name)
            smallest = min(t.get_fontsize() for t in drawn_texts(fig))
            assert smallest >= style.MIN_FONT_PT, (name, layout.name)
            assert fig.get_size_inches()[0] <= layout.width_in, (name, layout.name)
            plt.close(fig)


def test_every_figure_the_build_drew_fits_the_width_the_report_shows():
    """A wider figure is shrunk by the page, and all of its text with it (a long title once
    made a viewpoints variant 1,292 px wide, its text about 7 px)."""
    from gapstudy.paths import project_paths

    pngs = [p for p in sorted(project_paths().figures.rglob("*.png")) if ".narrow." not in p.name]
    assert pngs, "the build drew no figures"
    too_wide = {}
    for png in pngs:
        width, _ = struct.unpack(">II", png.read_bytes()[16:24])
        if width > style.REPORT_WIDTH_PX:
            too_wide[str(png.relative_to(project_paths().root))] = width
    assert not too_wide, too_wide


# --- figures whose rows are sources or reports stay bounded --------------------------------------


def _many_sources(n: int) -> pd.DataFrame:
    """``n`` sources, one dated on each day from 2025-01-01, every seventh undated."""
    days = pd.date_range("2025-01-01", periods=n, freq="D").strftime("%Y-%m-%d")
    return pd.DataFrame(
        {
            "source_id": [f"s{k:03d}" for k in range(n)],
            "published": [None if k % 7 == 6 else days[k] for k in range(n)],
            "date_precision": ["unknown" if k % 7 == 6 else "day" for k in range(n)],
            "is_date_inferred": [False] * n,
        }
    )


def test_the_timeline_draws_the_newest_sources_and_keeps_every_one_in_its_data(tmp_path):
    sources = _many_sources(plots.MAX_MARKS + 30)
    ax = plots.plot_source_timeline(sources)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert len(shown) == plots.MAX_MARKS
    # The newest: the last dated rows of the table, none of the undated ones.
    dated = sources[sources["published"].notna()]
    assert shown == list(dated["source_id"].iloc[-plots.MAX_MARKS :])
    note = f"… and 30 more not drawn (the newest {plots.MAX_MARKS} of {plots.MAX_MARKS + 30}"
    assert [t.get_text() for t in ax.figure.texts if t.get_text().startswith(note)]
    written = save_figure(ax.figure, "timeline", figures_dir=tmp_path, caption="c", formats=["png"])
    saved = pd.read_csv(next(p for p in written if p.suffix == ".csv"))
    assert list(saved["entity"]) == list(sources["source_id"])
    assert saved.loc[saved["is_shown"], "entity"].tolist() == shown
    # As tall as a timeline of MAX_MARKS sources, however many there are.
    height = ax.figure.get_size_inches()[1]
    assert plots.plot_source_timeline(_many_sources(400)).figure.get_size_inches()[1] == height


def test_stacked_bars_past_the_bound_sum_the_smallest_sources_in_one_row(tmp_path):
    n = plots.MAX_MARKS + 11
    counts = pd.DataFrame(
        {
            "source_id": [f"s{k:03d}" for k in range(n) for _ in range(2)],
            "status": ["annotated", "open"] * n,
            "n_mentions": [v for k in range(n) for v in (k, 1)],
        }
    )
    ax = plots.plot_coverage(counts)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    # The sources with the most mentions (the last ones), in the table's order, then the rest.
    assert rows == [f"s{k:03d}" for k in range(12, n)] + ["the other 12 sources"]
    assert [t.get_text() for t in ax.figure.texts if "summed in the last row" in t.get_text()]
    written = save_figure(ax.figure, "coverage", figures_dir=tmp_path, caption="c", formats=["png"])
    saved = pd.read_csv(next(p for p in written if p.suffix == ".csv"))
    per_source = saved[saved["entity"] != "the other 12 sources"]
    assert len(per_source) == 2 * n and set(per_source["entity"]) == set(counts["source_id"])
    assert not per_source.loc[per_source["entity"] < "s012", "is_shown"].any()
    # The summed row holds what the folded sources hold, part by part.
    folded = saved[saved["entity"] == "the other 12 sources"].set_index("status")["n_mentions"]
    assert folded.to_dict() == {"annotated": sum(range(12)), "open": 12}
    assert saved.loc[saved["is_shown"], "n_mentions"].sum() == counts["n_mentions"].sum()


def _many_facts(n_facts: int) -> pd.DataFrame:
    """Facts of 1 to 4 reports each; every fifth fact disagrees."""
    rows = []
    for f in range(n_facts):
        for r in range(1 + f % 4):
            rows.append(
                {
                    "fact_id": f"f{f:02d}",
                    "source_id": f"s{f}-{r}",
                    "text": f"{10 + r}%",
                    "value": 10.0 + r,
                    "low": None,
                    "high": None,
                    "bound": "exact",
                    "stance": "optimist",
                    "spread_pct": 30.0,
                    "is_agreeing": f % 5 != 0,
                    "metric": f"metric {f}",
                    "period": "2025",
                }
            )
    return pd.DataFrame(rows)


def test_the_agreement_chart_draws_whole_facts_disagreements_first_and_keeps_every_report():
    values = _many_facts(30)
    assert len(values) > plots.MAX_MARKS
    ax = plots.plot_fact_agreement(values)
    drawn = plots.drawn_data(ax.figure)
    assert len(drawn) == len(values) and drawn["is_shown"].sum() <= plots.MAX_MARKS
    shown = drawn[drawn["is_shown"]]
    # Whole facts only, and every fact that disagrees is among them.
    per_fact = values.groupby("fact_id").size()
    assert (shown.groupby("fact_id").size() == per_fact[shown["fact_id"].unique()]).all()
    disagreeing = set(values.loc[~values["is_agreeing"], "fact_id"])
    assert disagreeing <= set(shown["fact_id"])
    hidden = len(values) - len(shown)
    assert f"… and {hidden} more reports" in ax.figure.legends[0].get_title().get_text()
    assert len([t for t in ax.texts]) == len(shown)
    # A bigger corpus draws no taller a chart.
    height = ax.figure.get_size_inches()[1]
    assert plots.plot_fact_agreement(_many_facts(300)).figure.get_size_inches()[1] <= height * 1.5


def _x_tick_overlaps(fig) -> list[tuple[str, str]]:
    """Pairs of x tick labels (of ticks inside the axis) whose drawn boxes overlap."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    labels = [
        t.label1
        for t in ax.xaxis.get_major_ticks()
        if t.label1.get_visible() and t.label1.get_text().strip() and low <= t.get_loc() <= high
    ]
    assert len(labels) >= 2, [t.get_text() for t in labels]
    boxes = [t.get_window_extent(renderer) for t in labels]
    return [
        (labels[i].get_text(), labels[j].get_text())
        for i in range(len(labels))
        for j in range(i)
        if boxes[i].overlaps(boxes[j])
    ]


@pytest.mark.parametrize(
    "published",
    [
        ["2025-03-26", "2026-01", "2026-05-27", "2026-08"],  # 17 months: the reader's trip
        ["2014-06", "2020-01-15", "2026-08"],  # twelve years
        ["2026-05-02", "2026-05-20"],  # three weeks
        ["2025-11", "2026-04-10"],  # five months
        ["2023-01", "2024-06-30", "2026-08"],  # three and a half years
    ],
)
def test_the_timelines_date_labels_stay_apart_at_any_span(published):
    """The ticks thin with the span: no two date labels overlap, wide or on a phone, nor run
    into any other text (the year the labels leave out is written under the first one)."""
    n = len(published)
    sources = pd.DataFrame(
        {
            "source_id": [f"s{k}" for k in range(n)],
            "published": published,
            "date_precision": ["day" if p.count("-") == 2 else "month" for p in published],
            "is_date_inferred": [False] * n,
        }
    )
    wide = plots.plot_source_timeline(sources).figure
    narrow = plots.redraw(wide, style.NARROW)
    for fig in (wide, narrow):
        assert _x_tick_overlaps(fig) == []
        assert overlaps(fig) == []
        assert outside(fig) == []
