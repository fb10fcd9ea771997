from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from gapstudy import plots  # noqa: E402
from gapstudy.output import save_figure  # noqa: E402

GAPS = pd.DataFrame(
    {
        "dimension": [
            "benchmark_performance",
            "capital_and_investment",
            "compute_and_chips",
            "compute_and_chips",
        ],
        "label": ["overall shortfall", "investment", "compute", "compute"],
        "low": [1.027, 11.7, 10.0, 10.0],
        "value": [1.027, 11.7, None, None],
        "high": [1.027, 11.7, 100.0, None],
        "bound": ["exact", "exact", "range", "lower"],
        "stance": ["optimist", "skeptic", "skeptic", "skeptic"],
        "source_id": ["z", "u", "k", "k"],
        "item_id": ["z/gap/1", "inv", "k/fold/1", "k/fold/2"],
        "text": ["2.7%", "$109.1 billion / $9.3 billion", "ten-to-hundred-fold", "over ten-fold"],
        "reading": ["r"] * 4,
    }
).astype({"low": "Float64", "value": "Float64", "high": "Float64"})

SOURCES = pd.DataFrame(
    {
        "source_id": ["k", "z", "u"],
        "published": ["2026-01", "2026-05-27", None],
        "date_precision": ["month", "day", "unknown"],
        "is_date_inferred": [True, False, False],
    }
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_plot_gap_by_dimension_is_log_scaled_with_one_row_per_gap_coloured_by_stance():
    ax = plots.plot_gap_by_dimension(GAPS)
    assert ax.get_xscale() == "log"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [
        "benchmark performance: overall shortfall [z]",
        "capital and investment: investment [u]",
        "compute and chips: compute [k]",
        "compute and chips: compute [k]",
    ]
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert [to_hex(d.get_markeredgecolor()) for d in dots] == [
        plots.STANCE_COLOURS["optimist"],
        plots.STANCE_COLOURS["skeptic"],
    ]
    # The lower bound is drawn as an arrow pointing up the scale from its end.
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert len(arrows) == 1
    assert arrows[0].xy == (30.0, 3) and arrows[0].xyann == (10.0, 3)
    # Article words are shown as written; '$' is escaped, not read as math.
    assert r"\$109.1 billion / \$9.3 billion" in _texts(ax)


def test_plot_draws_on_the_axes_it_is_given():
    _, ax = plt.subplots()
    assert plots.plot_gap_by_dimension(GAPS, ax=ax) is ax


def test_plot_source_timeline_marks_undated_and_inferred_dates():
    ax = plots.plot_source_timeline(SOURCES)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["k", "z", "u"]
    texts = _texts(ax)
    assert "?" in texts and "undated" in texts
    assert "2026-01 (month, inferred)" in texts
    assert "2026-05-27 (day)" in texts
    (bar,) = ax.patches
    assert bar.get_width() == 31  # the whole of January


def test_plot_coverage_stacks_the_counts_per_status():
    counts = pd.DataFrame(
        {
            "source_id": ["a", "a", "a", "b", "b", "b"],
            "status": ["annotated", "excluded", "open"] * 2,
            "n_mentions": [3, 1, 2, 5, 0, 0],
        }
    )
    ax = plots.plot_coverage(counts)
    widths = [(p.get_y() < 0.5, p.get_width()) for p in ax.patches]
    assert sorted(widths) == sorted(
        [(True, 3), (True, 1), (True, 2), (False, 5), (False, 0), (False, 0)]
    )
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["annotated", "excluded", "open"]


def test_plot_viewpoints_puts_optimists_left_and_skeptics_right():
    counts = pd.DataFrame(
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
    ax = plots.plot_viewpoints(counts)
    widths = [p.get_width() for p in ax.patches]
    assert widths == [-4, -1, 0, 3]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "benchmark performance",
        "compute and chips",
    ]


def test_plot_benchmark_gap_labels_each_point_with_its_source_and_joins_changes():
    points = pd.DataFrame(
        {
            "figure_id": ["u/m/1", "u/m/2", "z/g/1"],
            "source_id": ["u", "u", "z"],
            "label": ["MMLU lead", "MMLU lead", "overall"],
            "text": ["17.5%", "0.3%", "2.7%"],
            "gap_pct": [17.5, 0.3, 2.7],
            "year": [2023.83, 2024.5, 2026.4],
            "is_year_from_source": [False, False, True],
            "stance": ["optimist"] * 3,
        }
    )
    changes = pd.DataFrame({"numerator_figure_id": ["u/m/2"], "denominator_figure_id": ["u/m/1"]})
    ax = plots.plot_benchmark_gap(points, changes)
    assert {"17.5% [u]", "0.3% [u]", "2.7% [z]"} <= set(_texts(ax))
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert [(a.xyann, a.xy) for a in arrows] == [((2023.83, 17.5), (2024.5, 0.3))]


def test_plot_fact_agreement_shows_each_report_and_the_verdict():
    fact_values = pd.DataFrame(
        {
            "fact_id": ["ipo", "ipo", "says"],
            "source_id": ["a", "b", "a"],
            "text": ["$560 million", "$500 million", "may be widening"],
            "value": [560.0, 500.0, None],
            "low": [None, None, None],
            "high": [None, None, None],
            "bound": ["exact", "exact", None],
            "spread_pct": [12.0, 12.0, None],
            "is_agreeing": [False, False, True],
        }
    )
    ax = plots.plot_fact_agreement(fact_values)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        r"ipo [a]: \$560 million",
        r"ipo [b]: \$500 million",
    ]
    assert "DISAGREE, spread 12%" in _texts(ax)
    dots = [line.get_xdata()[0] for line in ax.lines if line.get_marker() == "o"]
    assert dots == pytest.approx([560 / 500, 1.0])


def test_the_same_data_gives_the_same_svg_bytes(tmp_path):
    outputs = []
    for n in range(2):
        ax = plots.plot_gap_by_dimension(GAPS)
        (svg, _) = save_figure(
            ax.figure, "gap", figures_dir=tmp_path / str(n), caption="c", formats=["svg"]
        )
        outputs.append(svg.read_bytes())
    assert outputs[0] == outputs[1]
