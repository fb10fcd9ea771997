"""Stage 5: plots. Each function draws one chart on an Axes and returns it, seaborn-style:
``plot_x(data, *, ax=None, ...) -> Axes``.

The data each plot takes is prepared by :mod:`gapstudy.facts` (which figures count as a gap,
how a period becomes a year); nothing here decides what a number means. Nothing is saved here
(see :func:`gapstudy.output.save_figure`). Colours, orders and label positions are fixed, so the
same tables always give the same picture.
"""

from __future__ import annotations

import datetime as dt
import math

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from gapstudy import vocab

STANCE_COLOURS: dict[str, str] = {
    "optimist": "#1b9e77",
    "skeptic": "#d95f02",
    "mixed": "#7570b3",
    "neutral": "#777777",
}
STATUS_COLOURS: dict[str, str] = {
    "annotated": "#1b9e77",
    "excluded": "#b3b3b3",
    "open": "#e7298a",
    "out_of_scope": "#e8e8e8",
}
_PALETTE = plt.get_cmap("tab10").colors
SEGMENT_COLOURS: dict[str, tuple] = {
    kind: _PALETTE[n % len(_PALETTE)] for n, kind in enumerate(vocab.SEGMENT_KINDS)
}
_ARROW = {"arrowstyle": "-|>", "lw": 1.5, "mutation_scale": 12}


def _say_empty(ax: Axes, what: str) -> Axes:
    """An empty chart that says so, rather than blank axes."""
    ax.text(
        0.5, 0.5, f"No {what} in this selection.", ha="center", va="center", transform=ax.transAxes
    )
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=size)
    return ax


def _label(term: str) -> str:
    return term.replace("_", " ")


def _plain(text: str) -> str:
    """Article words as plain text: a '$' would otherwise start matplotlib's math mode."""
    return str(text).replace("$", r"\$")


def _is_missing(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


# --- corpus -------------------------------------------------------------------------------------


def _period_span(published: str, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day a publication date (to its precision) allows."""
    parts = [int(p) for p in published.split("-")]
    if precision == "day":
        day = dt.date(*parts[:3])
        return day, day
    if precision == "month":
        first = dt.date(parts[0], parts[1], 1)
        after = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, after - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def plot_source_timeline(sources: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Sources by publication date: a dot for a day, a bar over the month or year when only
    that is known, hollow when the date is inferred; undated sources sit in a lane of their own
    at the right, marked '?'. Rows keep the order of ``sources``."""
    ax = _axes(ax, (8, 0.5 * len(sources) + 1.5))
    dated = sources[sources["published"].notna()]
    spans = {
        row.source_id: _period_span(row.published, row.date_precision)
        for row in dated.itertuples(index=False)
    }
    ends = [d for span in spans.values() for d in span] or [dt.date(2026, 1, 1)]
    first, last = min(ends) - dt.timedelta(days=20), max(ends) + dt.timedelta(days=20)
    undated_x = last + dt.timedelta(days=25)
    for y, row in enumerate(sources.itertuples(index=False)):
        inferred = bool(row.is_date_inferred)
        if row.source_id not in spans:
            ax.plot([undated_x], [y], marker="o", ms=14, mfc="white", mec="black")
            ax.text(undated_x, y, "?", ha="center", va="center", fontsize=9)
            ax.annotate(
                "undated",
                (undated_x, y),
                xytext=(0, -14),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=8,
            )
            continue
        start, end = spans[row.source_id]
        face = "white" if inferred else "black"
        if start == end:
            ax.plot([start], [y], marker="o", ms=8, mfc=face, mec="black")
        else:
            width = (end - start).days + 1
            ax.barh(y, width, left=start, height=0.4, color=face, edgecolor="black")
        ax.annotate(
            f"{row.published} ({row.date_precision}{', inferred' if inferred else ''})",
            (end, y),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.axvline(last + dt.timedelta(days=10), color="#cccccc", lw=1, ls="--")
    ax.set_xlim(first, undated_x + dt.timedelta(days=60))
    ax.set_ylim(len(sources) - 0.5, -0.5)
    ax.set_yticks(range(len(sources)), list(sources["source_id"]))
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_xlabel("publication date (bar: only the month or year is known; hollow: inferred)")
    ax.set_title("Sources by publication date")
    return ax


def plot_segments(counts: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Lines of each segment kind per source, stacked; ``counts`` from
    :func:`gapstudy.facts.count_segment_lines`."""
    return _plot_stacked(
        counts,
        "source_id",
        "kind",
        "n_lines",
        SEGMENT_COLOURS,
        ax=ax,
        xlabel="lines",
        title="What each text is made of",
    )


def plot_coverage(counts: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Numeric mentions per source that are annotated as figures, excluded with a reason, or
    still open, and those outside body text (out of scope); ``counts`` from
    :func:`gapstudy.facts.count_mentions_by_status`."""
    return _plot_stacked(
        counts,
        "source_id",
        "status",
        "n_mentions",
        STATUS_COLOURS,
        ax=ax,
        xlabel="numeric mentions",
        title="Annotation coverage of numeric mentions",
    )


def _plot_stacked(
    counts: pd.DataFrame,
    rows: str,
    parts: str,
    value: str,
    colours: dict,
    *,
    ax: Axes | None,
    xlabel: str,
    title: str,
) -> Axes:
    row_order = list(pd.unique(counts[rows]))
    ax = _axes(ax, (8, 0.5 * len(row_order) + 1.5))
    wide = counts.pivot(index=rows, columns=parts, values=value).reindex(row_order).fillna(0)
    left = pd.Series(0.0, index=wide.index)
    for part in [p for p in colours if p in wide.columns]:
        widths = wide[part].astype(float)
        if widths.sum() == 0:
            continue
        ax.barh(range(len(row_order)), widths, left=left, color=colours[part], label=_label(part))
        left += widths
    ax.set_yticks(range(len(row_order)), row_order)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return ax


# --- gaps -----------------------------------------------------------------------------------------


def _draw_report(ax: Axes, y: float, bound: str, low, value, high, colour: str) -> None:
    """One figure as a mark: a dot for a value (hollow if approximate), a line for a range, an
    arrow pointing the open way for a bound."""
    if bound in ("exact", "approximate"):
        face = colour if bound == "exact" else "white"
        ax.plot([value], [y], marker="o", ms=8, mfc=face, mec=colour, mew=1.5, zorder=3)
    elif bound == "range":
        ax.plot([low, high], [y, y], color=colour, lw=3, solid_capstyle="butt", zorder=2)
        ax.plot([low, high], [y, y], marker="|", ms=12, ls="none", color=colour, zorder=3)
    elif bound == "lower":
        ax.annotate("", xy=(low * 3, y), xytext=(low, y), arrowprops={**_ARROW, "color": colour})
        ax.plot([low], [y], marker="|", ms=12, color=colour)
    elif bound == "upper":
        ax.annotate("", xy=(high / 3, y), xytext=(high, y), arrowprops={**_ARROW, "color": colour})
        ax.plot([high], [y], marker="|", ms=12, color=colour)


def _mark_legend(ax: Axes, stances: list[str]) -> None:
    handles = [
        Line2D([], [], marker="o", ls="none", color=STANCE_COLOURS[s], label=s) for s in stances
    ]
    handles += [
        Line2D([], [], marker="o", ls="none", mfc="white", mec="black", label="approximate"),
        Line2D([], [], marker="|", ms=12, lw=3, color="black", label="range"),
        Line2D([], [], marker=">", ls="-", color="black", label="bound (open end)"),
    ]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False
    )


def plot_gap_by_dimension(gaps: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """The US:China ratio of each gap figure, grouped by dimension, on a log scale; coloured by
    the stance of the voice citing it. ``gaps`` from :func:`gapstudy.facts.gap_measures`."""
    ax = _axes(ax, (9, 0.45 * len(gaps) + 2))
    if gaps.empty:
        return _say_empty(ax, "US:China gap figure")
    labels = []
    previous = None
    for y, row in enumerate(gaps.itertuples(index=False)):
        if previous is not None and row.dimension != previous:
            ax.axhline(y - 0.5, color="#dddddd", lw=0.8)
        previous = row.dimension
        colour = STANCE_COLOURS.get(row.stance, "black")
        _draw_report(ax, y, row.bound, row.low, row.value, row.high, colour)
        anchor = next(x for x in (row.high, row.value, row.low) if not _is_missing(x))
        ax.annotate(
            _plain(row.text),
            (anchor, y),
            xytext=(10, 0),
            textcoords="offset points",
            va="center",
            fontsize=7,
            color="#444444",
        )
        labels.append(f"{_label(row.dimension)}: {row.label} [{row.source_id}]")
    ax.axvline(1.0, color="black", lw=0.8, ls=":")
    ax.set_xscale("log")
    ax.set_xlim(0.8, 1000)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlabel("United States as a multiple of China (log scale; 1 = parity)")
    ax.set_title("How far ahead is the US? Each side measures something else")
    _mark_legend(ax, [s for s in STANCE_COLOURS if s in set(gaps["stance"])])
    return ax


def plot_benchmark_gap(
    points: pd.DataFrame, changes: pd.DataFrame | None = None, *, ax: Axes | None = None
) -> Axes:
    """The US lead on benchmarks over time, each point labelled with its source; a point
    placed at its source's date (no period given) is hollow. ``changes`` (derived differences)
    join the two figures they compare with an arrow. ``points`` from
    :func:`gapstudy.facts.benchmark_gap_points`."""
    ax = _axes(ax, (8, 4.5))
    if points.empty:
        return _say_empty(ax, "benchmark gap figure")
    series = list(pd.unique(points["label"]))
    colours = {s: _PALETTE[n % len(_PALETTE)] for n, s in enumerate(series)}
    where = {}
    for row in points.itertuples(index=False):
        if _is_missing(row.year) or _is_missing(row.gap_pct):
            continue
        where[row.figure_id] = (row.year, row.gap_pct)
        face = "white" if row.is_year_from_source else colours[row.label]
        ax.plot([row.year], [row.gap_pct], marker="o", ms=8, mfc=face, mec=colours[row.label])
        ax.annotate(
            f"{_plain(row.text)} [{row.source_id}]",
            (row.year, row.gap_pct),
            xytext=(6, 6),
            textcoords="offset points",
            fontsize=7,
        )
    if changes is not None:
        for m in changes.itertuples(index=False):
            start, end = where.get(m.denominator_figure_id), where.get(m.numerator_figure_id)
            if start is None or end is None:
                continue
            ax.annotate("", xy=end, xytext=start, arrowprops={**_ARROW, "color": "#999999"})
    handles = [Line2D([], [], marker="o", ls="none", color=colours[s], label=s) for s in series]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            mfc="white",
            mec="black",
            label="no period given: placed at the source's date",
        )
    )
    ax.legend(handles=handles, fontsize=8, frameon=False, loc="upper right")
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0f}")
    ax.set_xlabel("year")
    ax.set_ylabel("US lead (percent, as written)")
    ax.set_title("The US lead on benchmarks over time")
    return ax


def plot_fact_agreement(fact_values: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Each numeric fact reported by several sources: every report as a mark, relative to the
    smallest number reported for the fact (log scale), with the fact's verdict and spread.
    Statement facts have no number and are left to the table. ``fact_values`` is the table of
    :func:`gapstudy.facts.reconcile_facts`."""
    numeric = fact_values[fact_values["bound"].notna()]
    ax = _axes(ax, (9, 0.45 * len(numeric) + 2))
    if numeric.empty:
        return _say_empty(ax, "numeric fact reported by several sources")
    sources = list(pd.unique(numeric["source_id"]))
    colours = {s: _PALETTE[n % len(_PALETTE)] for n, s in enumerate(sources)}
    labels = []
    y = 0
    for fact_id, rows in numeric.groupby("fact_id", sort=False):
        numbers = pd.concat([rows["value"], rows["low"], rows["high"]]).dropna().astype(float)
        base = float(numbers.min())
        first = rows.iloc[0]
        verdict = "agree" if first["is_agreeing"] else "DISAGREE"
        spread = "" if _is_missing(first["spread_pct"]) else f", spread {first['spread_pct']:.3g}%"
        for row in rows.itertuples(index=False):
            low, value, high = (
                None if _is_missing(x) else float(x) / base for x in (row.low, row.value, row.high)
            )
            _draw_report(ax, y, row.bound, low, value, high, colours[row.source_id])
            labels.append(f"{fact_id} [{row.source_id}]: {_plain(row.text)}")
            y += 1
        ax.annotate(
            f"{verdict}{spread}",
            (1.02, y - len(rows) / 2 - 0.5),
            xycoords=("axes fraction", "data"),
            fontsize=8,
            va="center",
            color="black" if first["is_agreeing"] else "#d62728",
        )
        ax.axhline(y - 0.5, color="#dddddd", lw=0.8)
    ax.set_xscale("log")
    ax.set_xlim(0.2, 300)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlabel("reported number ÷ smallest number reported for the fact (log scale)")
    ax.set_title("Facts reported by several sources")
    handles = [Line2D([], [], marker="o", ls="none", color=colours[s], label=s) for s in sources]
    ax.legend(
        handles=handles,
        fontsize=8,
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.18),
        ncol=max(1, min(len(sources), 4)),
    )
    return ax


def plot_viewpoints(counts: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Claims per dimension: optimists to the left, skeptics to the right, so that where each
    camp looks shows at a glance. ``counts`` from
    :func:`gapstudy.facts.count_claims_by_dimension`."""
    dimensions = list(pd.unique(counts["dimension"]))
    ax = _axes(ax, (8, 0.45 * len(dimensions) + 1.8))
    if counts.empty:
        return _say_empty(ax, "optimist or skeptic claim")
    wide = counts.pivot(index="dimension", columns="stance", values="n_claims").reindex(dimensions)
    wide = wide.fillna(0).astype(int)
    ys = range(len(dimensions))
    for stance, sign in (("optimist", -1), ("skeptic", 1)):
        if stance not in wide.columns:
            continue
        ax.barh(ys, sign * wide[stance], color=STANCE_COLOURS[stance], label=f"{stance}s")
        for y, n in zip(ys, wide[stance], strict=True):
            if n:
                ax.annotate(
                    str(n),
                    (sign * n, y),
                    xytext=(sign * 4, 0),
                    textcoords="offset points",
                    ha="left" if sign > 0 else "right",
                    va="center",
                    fontsize=8,
                )
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(list(ys), [_label(d) for d in dimensions])
    ax.invert_yaxis()
    top = max(1, int(wide.to_numpy().max())) if len(wide) else 1
    ax.set_xlim(-top * 1.3, top * 1.3)
    ax.xaxis.set_major_formatter(lambda x, _: f"{abs(x):g}")
    ax.set_xlabel("claims (optimists ← | → skeptics)")
    ax.set_title("Where optimists and skeptics look")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return ax
