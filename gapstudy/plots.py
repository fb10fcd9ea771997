"""Stage 5: plots. Each function draws one chart and returns its Axes, seaborn-style:
``plot_x(data, *, ax=None, ...) -> Axes``.

The data each plot takes is prepared by :mod:`gapstudy.facts` (which figures count as a gap,
how a period becomes a year); nothing here decides what a number means. Nothing is saved here
(see :func:`gapstudy.output.save_figure`). The look (theme, palette, sizes) is declared once in
:mod:`gapstudy.style`; every function draws inside :func:`gapstudy.style.report_style`.

Charts of figures in several units are small multiples: one panel per unit (and dimension),
each on its natural scale, so that nothing incomparable shares an axis. Such a function takes
``ax`` as the area to divide into panels and returns the first panel; the others are in
``ax.figure.axes``. Labels that would overlap are moved apart after measuring them with the
renderer, so their positions follow from the data and are the same on every run.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import math
import re
import textwrap
import weakref
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
from matplotlib.ticker import (
    FuncFormatter,
    LogLocator,
    MaxNLocator,
    MultipleLocator,
    NullFormatter,
)

from gapstudy import style, vocab
from gapstudy.exceptions import PlotRuleError

STANCE_COLOURS = style.STANCE_COLOURS
STATUS_COLOURS: dict[str, str] = {
    "annotated": style.OKABE_ITO["blue"],
    "excluded": "#BBBBBB",
    "open": style.OKABE_ITO["orange"],
    "out_of_scope": "#E4E4E4",
}
SEGMENT_COLOURS: dict[str, str] = {
    "body": style.OKABE_ITO["blue"],
    "headline": style.OKABE_ITO["sky_blue"],
    "summary": style.OKABE_ITO["yellow"],
    "heading": style.OKABE_ITO["black"],
    "caption": style.OKABE_ITO["orange"],
    "comment": "#555555",
    "byline": "#BBBBBB",
    "boilerplate": "#E4E4E4",
}
US_CHINA_NAMES = ("United States", "China")
SERIES_MARKERS = ("o", "s", "D", "^", "v", "P", "X")
UNIT_NAMES: dict[str, str] = {
    "fold": "multiple (×)",
    "percentage_point": "percentage points",
    "percent": "percent, as written",
    "usd": "US dollars",
    "count": "count",
    "year": "years (a span of time)",
    "percent_per_year": "percent a year (a growth rate)",
    "fold_per_year": "multiple a year (a growth factor)",
    "usd_per_year": "US dollars a year",
    "cny_per_year": "yuan a year",
    "eur_per_year": "euros a year",
}
_ARROW = {"arrowstyle": "-|>", "lw": 1.5, "mutation_scale": 11, "shrinkA": 0, "shrinkB": 0}
ROW_IN = 0.46  # height of one labelled row in a panel of marks
# Room between rows of marks, in rows: a value written right of its mark would otherwise touch
# the label of the row below and read as that row's.
MARK_ROW_GAP = 0.3
PANEL_IN = 0.95  # a panel's title, ticks and axis label
TITLE_LINE_IN = 0.17  # one more line of a panel's title
LOG_SPAN = 30.0  # values spanning more than this factor get a log axis
LINE_ROWS = 0.45  # one more line of a row's label, in rows
# Characters of a row label that fit across a wide panel (see style.Layout.label_chars).
LABEL_CHARS = style.WIDE.label_chars
BENCHMARK_NARROW_CHARS = 18  # a point's words on a narrow benchmark chart, per line
AGREEMENT_GAP = 0.35  # rows between two reports of the agreement chart: a label by its mark
# On a narrow figure: characters of a figure title (11 pt bold) that fit across it.
SUPTITLE_CHARS = int((style.NARROW.width_in - 0.1) * 72 / (11.0 * 0.66))
# A wide title is wrapped too: a longer one would widen the saved figure past the report's
# width, and the page would then shrink all of its text.
WIDE_SUPTITLE_CHARS = int((style.WIDE.width_in - 0.1) * 72 / (11.0 * 0.66))


# How each figure drawn here on a figure of its own was drawn, so that it can be drawn again
# for another layout (see :func:`redraw`).
_CALLS: weakref.WeakKeyDictionary[Figure, tuple[Callable, tuple, dict]] = (
    weakref.WeakKeyDictionary()
)


def _styled(plot: Callable) -> Callable:
    """Run a plot function inside the report's style, remembering the call when it drew a
    figure of its own (no ``ax`` given)."""

    @functools.wraps(plot)
    def styled(*args: Any, **kwargs: Any) -> Any:
        with style.report_style():
            ax = plot(*args, **kwargs)
        if kwargs.get("ax") is None:
            _CALLS[ax.figure] = (plot, args, kwargs)
        return ax

    return styled


def redraw(fig: Figure, for_layout: style.Layout) -> Figure | None:
    """``fig`` drawn again, from the same data, for ``for_layout`` (e.g. ``style.NARROW``
    for phones); None for a figure not drawn by this module on a figure of its own."""
    call = _CALLS.get(fig)
    if call is None:
        return None
    plot, args, kwargs = call
    with style.report_style(for_layout):
        return plot(*args, **kwargs).figure


def _narrow() -> bool:
    return style.layout().is_narrow


def _title_chars() -> int:
    """Characters of a panel title (9 pt bold) that fit across the current layout."""
    return int((style.layout().width_in - 0.1) * 72 / (style.FONT_PT * 0.66))


def _suptitle(title: str) -> str:
    """A figure's title, wrapped to the figure's width."""
    chars = SUPTITLE_CHARS if _narrow() else WIDE_SUPTITLE_CHARS
    # Ids joined by hyphens ("bloomberg-repost-2026") are not split across title lines.
    return "\n".join(
        textwrap.fill(line, chars, break_on_hyphens=False) for line in title.split("\n")
    )


def _wrap(text: str, chars: int) -> str:
    """``text`` wrapped to ``chars`` characters a line, keeping its own line breaks."""
    return "\n".join(textwrap.fill(line, chars) for line in str(text).split("\n"))


def _say_empty(ax: Axes, what: str) -> Axes:
    """An empty chart that says so, rather than blank axes. Builds refuse such runs before they
    start (:func:`gapstudy.selection.check_selection`); this is for interactive use."""
    ax.text(
        0.5, 0.5, f"No {what} in this selection.", ha="center", va="center", transform=ax.transAxes
    )
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _axes(ax: Axes | None, height_in: float) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=style.figure_size(height_in))
    return ax


def _label(term: str) -> str:
    return term.replace("_", " ")


def _plain(text: object) -> str:
    """Article words as plain text: a '$' would otherwise start matplotlib's math mode."""
    return str(text).replace("$", r"\$")


def _is_missing(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


# --- the plotting rule ----------------------------------------------------------------------------

# Every chart records the data it drew, one row per mark, with these columns first: the chart's
# title, the title of the axis the mark is on, the quantity and unit of that axis, and the
# entity and period the mark is about. The rule checks it before the chart is returned, and the
# build writes it beside the figure as CSV, so the test of the rule reads every figure drawn.
DRAWN_COLUMNS = ("chart", "axis", "quantity", "unit", "entity", "period")
# Words a title uses only for a chart of US:China gaps.
GAP_TITLE = re.compile(r"\b(gaps?|ahead|US lead|lead over)\b", re.IGNORECASE)
_DRAWN: weakref.WeakKeyDictionary[Figure, pd.DataFrame] = weakref.WeakKeyDictionary()


def check_plot_rule(drawn: pd.DataFrame) -> None:
    """The plotting rule, declared once: a chart has a title that says what is plotted; one
    axis holds one quantity in one unit; every mark names its entity and its period (or says
    the text gives none); a chart titled as a gap draws nothing but gaps (a share, a level or a
    change is never drawn as a gap). Raises :class:`PlotRuleError` naming the first breach."""
    missing = [c for c in DRAWN_COLUMNS if c not in drawn.columns]
    if missing:
        raise PlotRuleError(f"the data drawn lacks the column(s) {missing}")
    for column in DRAWN_COLUMNS:
        empty = drawn[drawn[column].isna() | (drawn[column].astype("string").str.strip() == "")]
        if not empty.empty:
            raise PlotRuleError(
                f"{len(empty)} mark(s) with no {column!r}, first on axis "
                f"{empty['axis'].iloc[0]!r}: name it, or say that the text gives none"
            )
    for (chart, axis), rows in drawn.groupby(["chart", "axis"], sort=False):
        for column in ("quantity", "unit"):
            values = sorted(set(rows[column].astype(str)))
            if len(values) > 1:
                raise PlotRuleError(
                    f"chart {chart!r}, axis {axis!r} mixes {column}s {values}: one axis holds "
                    "one quantity in one unit"
                )
        if GAP_TITLE.search(str(chart)) and set(rows["quantity"]) - {"gap"}:
            raise PlotRuleError(
                f"chart {chart!r} is titled as a gap but its axis {axis!r} draws "
                f"{sorted(set(rows['quantity']) - {'gap'})}: a share, a level or a change is "
                "never drawn as a gap"
            )


def _record(fig: Figure, drawn: pd.DataFrame) -> None:
    """Check ``drawn`` against the rule and keep it as the data ``fig`` shows."""
    drawn = drawn.reset_index(drop=True)
    check_plot_rule(drawn)
    _DRAWN[fig] = drawn


def drawn_data(fig: Figure) -> pd.DataFrame | None:
    """The data a chart of this module drew on ``fig`` (one row per mark, ``DRAWN_COLUMNS``
    first), or None for a figure drawn elsewhere."""
    return _DRAWN.get(fig)


# --- labels that do not overlap -------------------------------------------------------------------


def stack_boxes(
    boxes: Sequence[tuple[float, float, float, float]], pad: float
) -> tuple[list[float], int]:
    """Where each box ``(x0, y0, x1, y1)`` goes so that no two are closer than ``pad``: boxes
    only move up, each to the lowest free place at or above where it is.

    Sort and sweep: the boxes are taken from the lowest up, and each is compared only with
    the boxes already placed whose top reaches its bottom (a heap drops the others for good, as
    every later box starts higher). Labels in rows compare with their neighbours only, so the
    work grows as n log n; boxes piled on one spot compare with the pile (a figure bounds its
    marks, ``MAX_MARKS``). Returns each box's upward shift and the number of box comparisons."""
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i][1], boxes[i][0], i))
    shifts = [0.0] * len(boxes)
    placed: dict[int, tuple[float, float, float, float]] = {}
    reaching: list[tuple[float, int]] = []  # (top, box) of the placed boxes, lowest top first
    comparisons = 0
    for i in order:
        x0, y0, x1, y1 = boxes[i]
        while reaching and reaching[0][0] + pad <= y0:
            heapq.heappop(reaching)
        blockers = []
        for _, j in reaching:
            comparisons += 1
            bx0, by0, bx1, by1 = placed[j]
            if bx0 < x1 + pad and x0 < bx1 + pad:
                blockers.append((by0, by1))
        y = y0
        for by0, by1 in sorted(blockers):
            if by0 < y + (y1 - y0) + pad and y < by1 + pad:
                y = by1 + pad
        shifts[i] = y - y0
        placed[i] = (x0, y, x1, y + (y1 - y0))
        heapq.heappush(reaching, (y + (y1 - y0), i))
    return shifts, comparisons


def _separate(fig: Figure, labels: Sequence[Annotation], *, pad_px: float = 2.0) -> None:
    """Move up annotations (placed with ``textcoords='offset points'``) whose boxes, as drawn,
    would overlap, by :func:`stack_boxes`. Other texts stay put."""
    if len(labels) < 2:
        return
    for _ in range(2):  # the layout may move the axes once the labels have moved
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        boxes = [tuple(a.get_window_extent(renderer).extents) for a in labels]
        shifts, _ = stack_boxes(boxes, pad_px)
        if not any(shifts):
            return
        for label, shift in zip(labels, shifts, strict=True):
            if shift:
                x, y = label.xyann
                label.xyann = (x, y + shift * 72.0 / fig.dpi)


# --- a bounded number of marks --------------------------------------------------------------------

MAX_MARKS = 40  # the most marks one figure draws; the rest are counted on it and kept in its data
SAME_SPOT_LABELS = 3  # more points than this with the same words at one spot share one label


def _bounded(rows: pd.DataFrame, by: list[str]) -> pd.Series:
    """Which of ``rows`` a figure draws (a boolean Series on ``rows``' index, which must be
    unique): all of them up to ``MAX_MARKS``, else ``MAX_MARKS`` taken in turn from each group
    of ``by`` in its order (every group's first row, then every group's second...), so each
    panel keeps its first rows."""
    if len(rows) <= MAX_MARKS:
        return pd.Series(True, index=rows.index)
    rank = rows.groupby(by, sort=False, dropna=False).cumcount()
    keep = rank.sort_values(kind="stable").index[:MAX_MARKS]
    return pd.Series(rows.index.isin(keep), index=rows.index)


def _count_hidden(fig: Figure, n_shown: int, n_all: int, *, which: str = "") -> None:
    """Say on ``fig`` how many marks it leaves out, when it leaves any out: as the title of its
    legend (laid out with it), else under the figure. ``which`` names the rule that chose the
    marks shown (e.g. "the newest"), when the figure has one."""
    if n_all <= n_shown:
        return
    shown = f"{which} {n_shown}" if which else f"{n_shown}"
    _say_left_out(
        fig,
        f"… and {n_all - n_shown:,} more not drawn ({shown} of {n_all:,} shown; "
        "the figure's data file lists all)",
    )


def _say_left_out(fig: Figure, note: str) -> None:
    """Put ``note`` (what a figure leaves out) as the title of its legend, else under it."""
    if fig.legends:
        fig.legends[-1].set_title(note, prop={"size": style.SMALL_FONT_PT})
        fig.legends[-1].get_title().set_color(style.MUTED)
    else:
        fig.supxlabel(note, fontsize=style.SMALL_FONT_PT, color=style.MUTED)


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


def _timeline_words(row: Any) -> str:
    """The words of one row of :func:`plot_source_timeline`: its date and precision (and, on a
    narrow figure, its source first)."""
    inferred = ", inferred" if bool(row.is_date_inferred) else ""
    if _is_missing(row.published):
        words = "undated: no date in the text, so not placed in time"
    else:
        words = f"{row.published} ({row.date_precision}{inferred})"
    if _narrow():
        return _wrap(f"{row.source_id}: {words}", style.layout().label_chars)
    return words


def _timeline_label(ax: Axes, words: str, y: float, at: dt.date | None) -> None:
    """Place a row's words: right of its mark (wide), or above the row (narrow); an undated
    source's at the left of its row, away from the time axis."""
    if _narrow() or at is None:
        ax.annotate(
            words,
            (0.0, y - (0.35 if _narrow() else 0.0)),
            xycoords=("axes fraction", "data"),
            xytext=(2, 1 if _narrow() else 0),
            textcoords="offset points",
            va="bottom" if _narrow() else "center",
            fontsize=style.SMALL_FONT_PT,
            color=style.MUTED if at is None else style.INK,
            in_layout=False,
        )
        return
    ax.annotate(
        words,
        (at, y),
        xytext=(8, 0),
        textcoords="offset points",
        va="center",
        fontsize=style.SMALL_FONT_PT,
    )


def newest_sources(sources: pd.DataFrame) -> pd.Series:
    """Which rows of ``sources`` the timeline draws (a boolean Series on its index): all of
    them up to ``MAX_MARKS``, else the ``MAX_MARKS`` published last (by the last day their date
    allows; undated sources after every dated one; among equals, the first in the table)."""
    if len(sources) <= MAX_MARKS:
        return pd.Series(True, index=sources.index)
    last_day = [
        dt.date.min
        if _is_missing(row.published)
        else _period_span(row.published, row.date_precision)[1]
        for row in sources.itertuples(index=False)
    ]
    order = sorted(range(len(sources)), key=lambda i: (-last_day[i].toordinal(), i))
    keep = set(order[:MAX_MARKS])
    return pd.Series([i in keep for i in range(len(sources))], index=sources.index)


# The width one date label on the time axis needs, its gap to the next included (inches).
DATE_LABEL_IN = 0.45


class _FittingDateLocator(mdates.AutoDateLocator):
    """Date ticks that thin with the span and fit the axis as drawn: days, months or years as
    the span asks (``AutoDateLocator``), at most as many as ``DATE_LABEL_IN`` allows across the
    axis's width, so that no two labels run into each other on a wide figure or a phone's."""

    def __init__(self) -> None:
        super().__init__()
        # A tick a year on a span too short for yearly ticks and too narrow for six-monthly.
        self.intervald[mdates.MONTHLY] = [1, 2, 3, 4, 6, 12]

    def __call__(self) -> Any:
        width_in = self.axis.axes.get_window_extent().width / self.axis.get_figure().dpi
        self.maxticks = dict.fromkeys(self.maxticks, max(2, int(width_in / DATE_LABEL_IN)))
        return super().__call__()


class _DateLabels(mdates.ConciseDateFormatter):
    """Short date labels ('2026', 'Mar', '15') that name the year, or the month and year, the
    labels leave out under the first label, for that label's date: the formatter's own offset
    goes at the axis's end (where it ran into the axis title on a phone) and names the last
    tick's month."""

    OFFSETS = ("", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M")

    def __init__(self, locator: mdates.DateLocator) -> None:
        super().__init__(locator, offset_formats=list(self.OFFSETS))

    def format_ticks(self, values: Any) -> list[str]:
        labels = super().format_ticks(values)
        offset = super().get_offset()
        if offset and len(labels):
            first, last = mdates.num2date(values[0]), mdates.num2date(values[-1])
            used = next(f for f in self.OFFSETS if f and last.strftime(f) == offset)
            labels[0] = f"{labels[0]}\n{first.strftime(used)}"
        return labels

    def get_offset(self) -> str:
        return ""


@_styled
def plot_source_timeline(sources: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Sources by publication date: a dot for a day, a bar over the month or year when only
    that is known, hollow when the date is inferred. An undated source is not placed on the
    time axis: its row is shaded and says 'undated'. Rows keep the order of ``sources``; on a
    narrow figure each row's source and date go above it."""
    every, is_shown = sources, newest_sources(sources)
    sources = sources[is_shown.to_numpy()]
    narrow = _narrow()
    texts = [_timeline_words(row) for row in sources.itertuples(index=False)]
    if narrow:
        ys, span = _row_positions(texts, gap=AGREEMENT_GAP)
    else:
        ys, span = [float(n) for n in range(len(sources))], float(len(sources))
    ax = _axes(ax, (ROW_IN if narrow else 0.42) * span + 1.3)
    dated = sources[sources["published"].notna()]
    spans = {
        row.source_id: _period_span(row.published, row.date_precision)
        for row in dated.itertuples(index=False)
    }
    ends = [d for span in spans.values() for d in span] or [dt.date(2026, 1, 1)]
    first, last = min(ends) - dt.timedelta(days=20), max(ends) + dt.timedelta(days=20)
    for y, words, row in zip(ys, texts, sources.itertuples(index=False), strict=True):
        if row.source_id not in spans:
            top = y - (0.4 + LINE_ROWS * (words.count("\n") + 1) if narrow else 0.35)
            ax.axhspan(top, y + 0.35, color="#F2F2F2", lw=0, zorder=0)
            _timeline_label(ax, words, y, None)
            continue
        start, end = spans[row.source_id]
        face = "white" if bool(row.is_date_inferred) else style.INK
        if start == end:
            ax.plot([start], [y], marker="o", ms=8, mfc=face, mec=style.INK)
        else:
            width = (end - start).days + 1
            ax.barh(y, width, left=start, height=0.4, color=face, edgecolor=style.INK)
        _timeline_label(ax, words, y, end)
    ax.set_xlim(first, last + dt.timedelta(days=20 if narrow else 75))
    ax.set_ylim(span - 0.45, -1.0 - AGREEMENT_GAP if narrow else -0.5)
    if narrow:
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
    else:
        ax.set_yticks(range(len(sources)), list(sources["source_id"]))
    ax.grid(axis="y", visible=False)
    locator = _FittingDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_DateLabels(locator))
    axis = "publication date (bar: only the month or year is known; hollow: inferred)"
    ax.set_xlabel(_wrap(axis, style.layout().label_chars))
    ax.set_title("Sources by publication date")
    _count_hidden(ax.figure, len(sources), len(every), which="the newest")
    drawn = every.assign(
        chart="Sources by publication date",
        axis=axis,
        quantity="publication date",
        unit="date",
        entity=every["source_id"],
        period=every["published"].astype("string").fillna("undated"),
        is_shown=is_shown.to_numpy(),
    )
    _record(ax.figure, drawn[[*DRAWN_COLUMNS, "date_precision", "is_date_inferred", "is_shown"]])
    return ax


@_styled
def plot_segments(counts: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Lines of each segment kind per source, stacked; ``counts`` from
    :func:`gapstudy.facts.count_segment_lines`."""
    return _plot_stacked(
        counts,
        "source_id",
        "kind",
        "n_lines",
        {k: SEGMENT_COLOURS.get(k, style.MUTED) for k in vocab.SEGMENT_KINDS},
        ax=ax,
        xlabel="lines of text (count), reader comments included",
        title="What each text is made of, in lines",
    )


@_styled
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
    wide = counts.pivot(index=rows, columns=parts, values=value)
    wide = wide.reindex(pd.unique(counts[rows])).fillna(0)
    wide, other = _fold_smallest_rows(wide, f"{rows.removesuffix('_id')}s")
    row_order = list(wide.index)
    ax = _axes(ax, 0.42 * len(row_order) + (2.2 if _narrow() else 1.3))
    left = pd.Series(0.0, index=wide.index)
    for part in [p for p in colours if p in wide.columns]:
        widths = wide[part].astype(float)
        if widths.sum() == 0:
            continue
        ax.barh(
            range(len(row_order)),
            widths,
            left=left,
            color=colours[part],
            edgecolor="white",
            label=_label(part),
        )
        left += widths
    ax.set_yticks(range(len(row_order)), row_order)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4 if _narrow() else "auto"))
    if _narrow():  # the row labels take half the width: the title spans the figure
        ax.set_xlabel(_wrap(xlabel, style.layout().label_chars // 2))
        ax.figure.suptitle(_suptitle(title), x=0.01, ha="left")
        ax.figure.legend(loc="outside lower center", ncol=2, frameon=False)
    else:
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    drawn = counts.rename(columns={rows: "entity"})
    drawn = drawn.assign(is_shown=~drawn["entity"].isin(other))
    if other:
        note = (
            f"… and {len(other):,} more {rows.removesuffix('_id')}s summed in the last row "
            f"(the {len(row_order) - 1} with the most {_label(value).removeprefix('n ')} drawn "
            "one by one; the figure's data file lists all)"
        )
        _say_left_out(ax.figure, note)
        folded = wide.loc[[row_order[-1]]].melt(ignore_index=False, var_name=parts)
        folded = folded.rename(columns={"value": value}).reset_index(names="entity")
        folded[value] = folded[value].astype(counts[value].dtype)
        drawn = pd.concat([drawn, folded.assign(is_shown=True)], ignore_index=True)
    drawn = drawn.assign(
        chart=title, axis=xlabel, quantity=xlabel, unit="count", period="the text as archived"
    )
    _record(ax.figure, drawn[[*DRAWN_COLUMNS, parts, value, "is_shown"]])
    return ax


def _fold_smallest_rows(wide: pd.DataFrame, noun: str) -> tuple[pd.DataFrame, list]:
    """``wide`` (one row per bar) as drawn: all of it up to ``MAX_MARKS`` rows, else the
    ``MAX_MARKS - 1`` rows of the largest total, in their order, and one last row summing the
    others (among equal totals, the first in the table is kept). Returns it and the rows
    summed."""
    if len(wide) <= MAX_MARKS:
        return wide, []
    totals = wide.sum(axis=1).to_numpy()
    order = sorted(range(len(wide)), key=lambda i: (-totals[i], i))
    keep = sorted(order[: MAX_MARKS - 1])
    other = [wide.index[i] for i in sorted(order[MAX_MARKS - 1 :])]
    summed = wide.loc[other].sum().rename(f"the other {len(other):,} {noun}")
    return pd.concat([wide.iloc[keep], summed.to_frame().T]), other


# --- marks in their own units -------------------------------------------------------------------


def _numbers(row: Any) -> list[float]:
    return [
        float(x)
        for x in (row.low, row.value, row.high, row.start_value)
        if not _is_missing(x) and float(x) > -math.inf
    ]


def panel_scale(unit: str, numbers: Sequence[float]) -> str:
    """The natural scale of a panel: a multiple is logarithmic, a difference or a share in
    percent linear; other amounts logarithmic when they span more than ``LOG_SPAN`` times."""
    if unit == "fold":
        return "log"
    if unit in ("percent", "percentage_point") or not numbers or min(numbers) <= 0:
        return "linear"
    return "log" if max(numbers) / min(numbers) > LOG_SPAN else "linear"


def _limits(unit: str, scale: str, numbers: Sequence[float]) -> tuple[float, float]:
    lo, hi = min(numbers), max(numbers)
    if scale == "log":
        if unit == "fold":
            lo = min(lo, 1.0)  # parity is always in view
        return lo / 1.8, hi * 2.5
    if unit == "percent" and lo >= 0 and hi <= 100:
        return 0.0, 100.0
    lo, hi = min(lo, 0.0), max(hi, 0.0)  # zero is in view: a change is read from it
    span = (hi - lo) or abs(hi) or 1.0
    return lo - 0.04 * span, hi + 0.25 * span


def _to_axes_x(ax: Axes, x: float) -> float:
    """Data x as a fraction of the axes width (independent of the layout)."""
    return (ax.transScale + ax.transLimits).transform((x, 0.5))[0]


def _from_axes_x(ax: Axes, frac: float) -> float:
    return (ax.transScale + ax.transLimits).inverted().transform((frac, 0.5))[0]


def _short_number(x: float, unit: str) -> str:
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= size:
            text = f"{x / size:g}{suffix}"
            break
    else:
        text = f"{x:g}"
    if unit == "usd":
        return f"${text}"
    if unit == "fold":
        return f"{text}×"
    return text


def _draw_mark(ax: Axes, y: float, row: Any, colour: str) -> tuple[float, float]:
    """One row as a mark: a dot for a value (hollow if approximate), a bar for a range, an
    arrow pointing the open way for a bound, an arrow from the earlier figure to the later for
    a change. Returns the leftmost and rightmost x drawn."""
    bound = row.bound
    low, value, high = (
        None if _is_missing(x) else float(x) for x in (row.low, row.value, row.high)
    )
    face = colour if bound == "exact" else "white"
    if not _is_missing(row.start_value):
        start = float(row.start_value)
        ax.plot([start], [y], marker="o", ms=5, color=colour, zorder=3)
        ax.annotate("", xy=(value, y), xytext=(start, y), arrowprops={**_ARROW, "color": colour})
        ax.plot(
            [value], [y], marker="o", ms=8, mfc=face, mec=colour, mew=1.5, color=colour, zorder=3
        )
        return min(start, value), max(start, value)
    if bound in ("exact", "approximate"):
        ax.plot(
            [value], [y], marker="o", ms=8, mfc=face, mec=colour, mew=1.5, color=colour, zorder=3
        )
        return value, value
    if bound == "range":
        ax.plot([low, high], [y, y], color=colour, lw=4, solid_capstyle="butt", zorder=2)
        ax.plot([low, high], [y, y], marker="|", ms=11, mew=2, ls="none", color=colour, zorder=3)
        return low, high
    if bound == "lower":
        tip = _from_axes_x(ax, _to_axes_x(ax, low) + 0.08)
        ax.annotate("", xy=(tip, y), xytext=(low, y), arrowprops={**_ARROW, "color": colour})
        ax.plot([low], [y], marker="|", ms=11, mew=2, color=colour)
        return low, tip
    tip = _from_axes_x(ax, _to_axes_x(ax, high) - 0.08)
    ax.annotate("", xy=(tip, y), xytext=(high, y), arrowprops={**_ARROW, "color": colour})
    ax.plot([high], [y], marker="|", ms=11, mew=2, color=colour)
    return tip, high


_SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "American"),
    "China": ("Chinese",),
}


def _names(text: str, entity: str) -> bool:
    words = set(re.findall(r"[\w.]+", text.casefold()))
    return entity.casefold() in text.casefold() or any(
        short.casefold() in words for short in _SHORT_NAMES.get(entity, ())
    )


def row_label(row: Any) -> str:
    """What a row measures, naming whom it is about (a gap: both sides) unless the label
    already does."""
    label = str(row.label)
    entity = None if _is_missing(getattr(row, "entity", None)) else str(row.entity)
    other = getattr(row, "counterpart", None)
    other = None if _is_missing(other) else str(other)
    if getattr(row, "kind", None) == "gap" and entity and other:
        # The panel says whose lead over whom; the label need only name one side.
        if _names(label, entity) or _names(label, other):
            return label
        return f"{entity} vs {other}: {label}"
    if entity is None or _names(label, entity):
        return label
    return f"{entity}: {label}"


NO_PERIOD = "period not stated"


def _with_period(text: object, period: object) -> str:
    words = _plain(text)
    if _is_missing(period):
        return f"{words} ({NO_PERIOD})"
    if str(period).casefold() in str(text).casefold():
        return words
    return f"{words} ({_plain(period)})"


def mark_words(row: Any) -> str:
    """What a mark says, in the article's words: the figure and its period (or that the text
    gives none), or for a change both ends and the change in its own unit."""
    end = _with_period(row.text, row.period)
    if _is_missing(row.start_value):
        return end
    change = float(row.change_value)
    unit = "points" if row.change_unit == "percentage_point" else _label(str(row.change_unit))
    return f"{_with_period(row.start_text, row.start_period)} → {end}: {change:+.3g} {unit}"


KIND_TITLES: dict[str, str] = {
    "gap": "US lead over China",
    "share": "shares",
    "chance": "chances",
    "change": "changes",
    "level": "amounts",
}


def _quantity_title(kind: str, quantity: str, unit: str) -> str:
    """What a panel of one quantity (not just one kind) draws: the number of things counted,
    or which share."""
    return f"number of {quantity}" if unit == "count" else f"{kind}: {quantity}"


def _panel_title(dimension: str | None, kind: str, unit: str, scale: str) -> str:
    name = KIND_TITLES.get(kind, kind)
    if ": " in name:  # one quantity of a kind: the kind's title, then the quantity
        head, quantity = name.split(": ", 1)
        name = f"{KIND_TITLES.get(head, head)}: {quantity}"
    if not name.startswith("number of"):
        name += f", {UNIT_NAMES.get(unit, _label(unit))}"
    if scale == "log":
        name += ", log scale"
    if dimension is None:
        return name[0].upper() + name[1:]
    return f"{_label(dimension).capitalize()}: {name}"


def _row_texts(rows: pd.DataFrame) -> list[str]:
    """Each row's label and source, wrapped to the width of a panel."""
    return [
        textwrap.fill(f"{_plain(row_label(row))}  ·  {row.source_id}", style.layout().label_chars)
        for row in rows.itertuples(index=False)
    ]


def _words_below(rows: pd.DataFrame) -> list[str] | None:
    """On a narrow figure, each mark's words, wrapped to go on lines of their own under the
    mark (there is no room beside it); None on a wide one."""
    if not _narrow():
        return None
    return [_wrap(mark_words(row), style.layout().label_chars) for row in rows.itertuples()]


def _row_positions(
    texts: list[str], below: list[str] | None = None, gap: float = 0.0
) -> tuple[list[float], float]:
    """The y of each row, leaving room above a row for every extra line of its label (and
    under it for the lines of ``below``), plus ``gap`` between rows, and the height the rows
    take (in rows)."""
    ys, y, under = [], -1.0 - gap, 0.0
    for n, text in enumerate(texts):
        y += 1.0 + gap + LINE_ROWS * text.count("\n") + under
        under = 0.0 if below is None else LINE_ROWS * (below[n].count("\n") + 1.6)
        ys.append(y)
    return ys, y + 1.0 + under


def _draw_panel(ax: Axes, rows: pd.DataFrame, *, title: str, unit: str, scale: str) -> list:
    """One panel of marks sharing a unit and scale; returns the value labels drawn."""
    ax.set_xscale(scale)
    numbers = [x for row in rows.itertuples(index=False) for x in _numbers(row)]
    ax.set_xlim(*_limits(unit, scale, numbers))
    texts, below = _row_texts(rows), _words_below(rows)
    ys, span = _row_positions(texts, below, gap=MARK_ROW_GAP)
    ax.set_ylim(span - 0.45, -0.95)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    if unit == "fold":
        ax.axvline(1.0, color=style.MUTED, lw=0.8, ls=":", zorder=1)
    if scale == "linear":
        ax.xaxis.set_major_locator(
            MaxNLocator(integer=unit in ("count", "year"), nbins=4 if _narrow() else "auto")
        )
    if scale == "linear" and max(abs(x) for x in numbers) >= 1e4:
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _short_number(x, unit)))
    if scale == "log":
        low, high = ax.get_xlim()
        many = high / low > (100 if _narrow() else 1e4)  # a narrow axis has room for fewer
        subs = (1.0,) if many else (1.0, 2.0, 5.0)
        ax.xaxis.set_major_locator(LogLocator(subs=subs))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _short_number(x, unit)))
        ax.xaxis.set_minor_formatter(NullFormatter())
    labels = []
    for n, (y, text, row) in enumerate(zip(ys, texts, rows.itertuples(index=False), strict=True)):
        colour = STANCE_COLOURS.get(row.stance, style.INK)
        left, right = _draw_mark(ax, y, row, colour)
        if below is not None:
            ax.annotate(
                below[n],
                (0.0, y + 0.3),
                xycoords=("axes fraction", "data"),
                xytext=(2, 0),
                textcoords="offset points",
                va="top",
                fontsize=style.SMALL_FONT_PT,
                color=style.INK,
                in_layout=False,
            )
        ax.annotate(
            text,
            (0.0, y - 0.5),
            xycoords=("axes fraction", "data"),
            xytext=(2, 1),
            textcoords="offset points",
            va="bottom",
            fontsize=style.SMALL_FONT_PT,
            color=style.MUTED,
            in_layout=False,
        )
        if below is not None:
            continue
        label = ax.annotate(
            mark_words(row),
            (right, y),
            xytext=(7, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=style.SMALL_FONT_PT,
            color=style.INK,
            in_layout=False,
        )
        labels.append((label, left, y))
    ax.set_title(_wrap(title, _title_chars()), fontsize=style.FONT_PT)
    return labels


def _fit_in_axes(fig: Figure, placed: list[tuple[Annotation, float, float]]) -> None:
    """Keep each mark's words inside its panel, measured as drawn: right of the mark, else left
    of it, else on the row's label line at the right edge of the panel."""
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    for label, left, y in placed:
        frame = label.axes.get_window_extent(renderer)
        box = label.get_window_extent(renderer)
        if box.x1 <= frame.x1:
            continue
        label.xy, label.xyann = (left, y), (-7, 0)
        label.set_horizontalalignment("right")
        if label.get_window_extent(renderer).x0 >= frame.x0:
            continue
        label.xy, label.xycoords = (1.0, y - 0.5), ("axes fraction", "data")
        label.xyann = (-2, 1)
        label.set_verticalalignment("bottom")


def _mark_legend(fig: Figure, stances: list[str], rows: pd.DataFrame) -> None:
    handles = [
        Line2D([], [], marker="o", ls="none", color=STANCE_COLOURS[s], label=s) for s in stances
    ]
    if (rows["bound"] == "approximate").any():
        handles.append(
            Line2D([], [], marker="o", ls="none", mfc="white", mec=style.INK, label="approximate")
        )
    if (rows["bound"] == "range").any():
        handles.append(Line2D([], [], marker="|", ms=10, lw=4, color=style.INK, label="range"))
    if rows["bound"].isin(["lower", "upper"]).any():
        handles.append(
            Line2D([], [], marker=">", ls="-", color=style.INK, label="bound (arrow: open side)")
        )
    if rows["start_value"].notna().any():
        handles.append(
            Line2D([], [], marker=">", ls="-", color=style.MUTED, label="change: earlier → later")
        )
    ncol = 2 if _narrow() else len(handles)
    fig.legend(handles=handles, loc="outside lower center", ncol=ncol, frameon=False)


def _panel_axes(ax: Axes | None, heights: list[float]) -> list[Axes]:
    """One Axes per panel, stacked: a new figure, or the area of ``ax`` divided."""
    if ax is None:
        # A narrow figure's title and legend take more lines.
        fig = plt.figure(figsize=style.figure_size(sum(heights) + (1.5 if _narrow() else 0.9)))
        grid = fig.add_gridspec(len(heights), 1, height_ratios=heights)
    else:
        fig, spec = ax.figure, ax.get_subplotspec()
        if len(heights) == 1:
            return [ax]
        ax.remove()
        grid = spec.subgridspec(len(heights), 1, height_ratios=heights)
    return [fig.add_subplot(grid[n, 0]) for n in range(len(heights))]


def _drawn_marks(rows: pd.DataFrame, *, chart: str, axis: str) -> pd.DataFrame:
    """The marks of one panel as drawn: the rule's columns, the row's label and words as
    shown, the numbers placed and where they come from."""
    shown = [
        {
            "chart": chart,
            "axis": axis,
            "quantity": row.quantity,
            "unit": row.unit,
            "entity": row_label_entity(row),
            "period": NO_PERIOD if _is_missing(row.period) else str(row.period),
            "kind": row.kind,
            "label": row_label(row),
            "words": mark_words(row).replace(r"\$", "$"),
        }
        for row in rows.itertuples(index=False)
    ]
    numbers = rows[
        ["low", "value", "high", "bound", "start_value", "start_period", "change_value"]
        + ["change_unit", "stance", "source_id", "item_id"]
    ].reset_index(drop=True)
    return pd.concat([pd.DataFrame(shown), numbers], axis=1)


def row_label_entity(row: Any) -> str:
    """Whom a mark is about, as its label names it: a gap names both sides."""
    entity = "" if _is_missing(row.entity) else str(row.entity)
    other = getattr(row, "counterpart", None)
    if row.kind == "gap" and not _is_missing(other):
        return f"{entity} vs {other}"
    return entity


def _plot_mark_panels(
    marks: pd.DataFrame, *, ax: Axes | None, title: str, by_dimension: bool, empty: str
) -> Axes:
    """Long because it lays out the panels, draws each, then places and records the labels.
    At most ``MAX_MARKS`` marks are drawn (see :func:`_bounded`); the record keeps every mark,
    each with ``is_shown``, and a panel's scale follows all of its marks."""
    if marks.empty:
        return _say_empty(_axes(ax, 1.5), empty)
    keys = (
        ["dimension", "kind", "quantity", "unit"] if by_dimension else ["kind", "quantity", "unit"]
    )
    marks = marks.reset_index(drop=True)
    is_shown = _bounded(marks, keys)
    groups = [
        (key, rows, rows[is_shown[rows.index]])
        for key, rows in marks.groupby(keys, sort=False)
        if is_shown[rows.index].any()
    ]
    scales, titles = [], []
    for key, rows, _ in groups:
        kind, quantity, unit = key[-3:]
        scales.append(panel_scale(unit, [x for r in rows.itertuples() for x in _numbers(r)]))
        what = kind if quantity == kind else _quantity_title(kind, quantity, unit)
        titles.append(_panel_title(key[0] if by_dimension else None, what, unit, scales[-1]))
    heights = [
        ROW_IN * _row_positions(_row_texts(shown), _words_below(shown), MARK_ROW_GAP)[1]
        + PANEL_IN
        + TITLE_LINE_IN * _wrap(t, _title_chars()).count("\n")
        for (_, _, shown), t in zip(groups, titles, strict=True)
    ]
    panels = _panel_axes(ax, heights)
    labels, drawn = [], []
    for panel, (key, rows, shown), scale, panel_title in zip(
        panels, groups, scales, titles, strict=True
    ):
        labels += _draw_panel(
            panel, shown.reset_index(drop=True), title=panel_title, unit=key[-1], scale=scale
        )
        drawn.append(
            _drawn_marks(rows, chart=title, axis=panel_title).assign(
                is_shown=is_shown[rows.index].to_numpy()
            )
        )
    fig = panels[0].figure
    fig.suptitle(_suptitle(title), x=0.01, ha="left")
    stances = [s for s in STANCE_COLOURS if s in set(marks.loc[is_shown, "stance"])]
    _mark_legend(fig, stances, marks[is_shown])
    _count_hidden(fig, int(is_shown.sum()), len(marks))
    _fit_in_axes(fig, labels)
    _separate(fig, [label for label, *_ in labels])
    _record(fig, pd.concat(drawn, ignore_index=True))
    return panels[0]


@_styled
def plot_gap_by_dimension(gaps: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Small multiples of the US:China gap: one panel per dimension and unit, each on its own
    scale (multiples on a log axis with parity marked, leads in percentage points and shares in
    percent on linear axes); marks coloured by the stance of the voice citing them, each row
    labelled with what it measures and its source, each mark with its words as written.
    ``gaps`` from :func:`gapstudy.facts.gap_measures`. Returns the first panel."""
    return _plot_mark_panels(
        gaps,
        ax=ax,
        title="The US lead over China in each dimension, each figure in its own unit",
        by_dimension=True,
        empty="US:China gap figure",
    )


@_styled
def plot_dimension_figures(
    marks: pd.DataFrame, *, ax: Axes | None = None, title: str = "The figures cited"
) -> Axes:
    """Every figure cited on one dimension, one panel per unit on its own scale; changes drawn
    from the earlier figure to the later. ``marks`` from
    :func:`gapstudy.facts.dimension_tables` (its ``marks``). Returns the first panel."""
    return _plot_mark_panels(marks, ax=ax, title=title, by_dimension=False, empty="figure")


# --- benchmark leads over time --------------------------------------------------------------------


def _year_axis(ax: Axes, years: Sequence[float]) -> None:
    lo = math.floor(min(years) * 4) / 4 - 0.1
    hi = math.ceil(max(years) * 4) / 4 + 0.1
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(MultipleLocator(2.0 if _narrow() else 1.0))
    ax.xaxis.set_minor_locator(MultipleLocator(0.5 if _narrow() else 0.25))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:.0f}"))
    ax.grid(axis="x", which="minor", color="#EEEEEE", lw=0.6)


def _widen_to_fit(fig: Figure, labels: Sequence[Annotation], panels: Sequence[Axes]) -> None:
    """Widen the shared x range of ``panels`` until every label lies inside its panel, as
    measured by the renderer."""
    for _ in range(4):
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        if panels[0].get_window_extent(renderer).width < 40:
            return  # no room to measure in: widening would only run away
        left = right = 0.0
        for label in labels:
            box, frame = label.get_window_extent(renderer), label.axes.get_window_extent(renderer)
            left, right = max(left, frame.x0 - box.x0), max(right, box.x1 - frame.x1)
        if left <= 0 and right <= 0:
            return
        lo, hi = panels[0].get_xlim()
        per_px = (hi - lo) / panels[0].get_window_extent(renderer).width
        most = (hi - lo) / 2  # at most half the range more on a side per pass
        lo -= min((left + 6) * per_px, most) if left > 0 else 0
        hi += min((right + 6) * per_px, most) if right > 0 else 0
        for panel in panels:
            panel.set_xlim(lo, hi)


@_styled
def plot_benchmark_gap(
    points: pd.DataFrame, changes: pd.DataFrame | None = None, *, ax: Axes | None = None
) -> Axes:
    """The US lead on benchmarks over time: one panel per unit (percentage points; percent as
    written when a text does not say which), each point placed at its period (to the month where
    known) and labelled with its words and source; a point placed at its source's date (no
    period given) is hollow. Colour is the stance of the voice citing it, the marker shape the
    benchmark. ``changes`` (derived differences) join the two figures they compare with an
    arrow. ``points`` from :func:`gapstudy.facts.benchmark_gap_points`. Returns the first
    panel; the panels share the time axis. At most ``MAX_MARKS`` points are drawn, taken in
    turn from each unit and benchmark (see :func:`_bounded`); the record keeps every point."""
    every = points[points["year"].notna() & points["value"].notna()].reset_index(drop=True)
    if every.empty:
        return _say_empty(_axes(ax, 2.0), "benchmark gap figure")
    is_shown = _bounded(every, ["unit", "label"])
    placed = every[is_shown]
    units = [u for u in ("percentage_point", "percent") if u in set(placed["unit"])]
    units += [u for u in pd.unique(placed["unit"]) if u not in units]
    heights = [3.4 if u == "percentage_point" else 1.9 for u in units]
    if _narrow():  # room for the wrapped words and the legend of one column
        heights = [h + 0.8 for h in heights]
    panels = _panel_axes(ax, heights)
    series = list(pd.unique(placed["label"]))
    markers = {s: SERIES_MARKERS[n % len(SERIES_MARKERS)] for n, s in enumerate(series)}
    # The first figure of a change is labelled on its left, away from the arrow leaving it.
    starts = set() if changes is None else set(changes["denominator_figure_id"])
    where, labels = {}, []
    for panel, unit in zip(panels, units, strict=True):
        _year_axis(panel, list(placed["year"].astype(float)))
        rows = placed[placed["unit"] == unit]
        labels += _draw_benchmark_panel(panel, rows, unit, markers, starts, where)
    if changes is not None:
        for m in changes.itertuples(index=False):
            start, end = where.get(m.denominator_figure_id), where.get(m.numerator_figure_id)
            if start is None or end is None or start[0] is not end[0]:
                continue
            start[0].annotate(
                "",
                xy=end[1:],
                xytext=start[1:],
                arrowprops={**_ARROW, "color": style.MUTED, "shrinkA": 6, "shrinkB": 6},
            )
    for panel in panels[:-1]:
        panel.tick_params(labelbottom=True)
    panels[-1].set_xlabel("period the figure refers to")
    fig = panels[0].figure
    fig.suptitle(_suptitle("The US lead on benchmarks over time"), x=0.01, ha="left")
    handles = _benchmark_legend(placed, markers, series)
    if _narrow():
        for handle in handles:
            handle.set_label(_wrap(handle.get_label(), style.layout().label_chars))
    fig.legend(
        handles=handles, loc="outside lower center", ncol=1 if _narrow() else 2, frameon=False
    )
    _count_hidden(fig, len(placed), len(every))
    _widen_to_fit(fig, labels, panels)
    _separate(fig, labels)
    _record(
        fig,
        every.assign(
            chart="The US lead on benchmarks over time",
            quantity="gap",
            entity="United States over China",
            axis=every["unit"].map(lambda u: UNIT_NAMES.get(u, _label(u))),
            period=every["year"].map(lambda y: f"{float(y):.2f} (as a year)"),
        )[
            [*DRAWN_COLUMNS, "label", "text", "value", "is_year_from_source", "stance", "source_id"]
        ].assign(figure_id=every["figure_id"], is_shown=is_shown),
    )
    return panels[0]


def _draw_benchmark_panel(
    panel: Axes,
    rows: pd.DataFrame,
    unit: str,
    markers: dict[str, str],
    starts: set[str],
    where: dict[str, tuple[Axes, float, float]],
) -> list[Any]:
    """Draw one unit's points of :func:`plot_benchmark_gap`, recording where each figure went
    (``where``, for the arrows of changes); returns the point labels. More than
    ``SAME_SPOT_LABELS`` points with the same words at one spot get one label naming the
    first source and counting the rest."""
    labels = []
    lo, hi = panel.get_xlim()
    spots = rows.groupby(["year", "value", "text"], sort=False)["source_id"].agg(list)
    for row in rows.itertuples(index=False):
        x, y = float(row.year), float(row.value)
        # On a narrow figure a point in the right half is labelled on its left: no room right.
        on_left = row.figure_id in starts or (_narrow() and x > (lo + hi) / 2)
        words = f"{_plain(row.text)} · {row.source_id}"
        same = spots[(row.year, row.value, row.text)]
        if len(same) > SAME_SPOT_LABELS:
            words = f"{_plain(row.text)} · {same[0]} and {len(same) - 1:,} more"
        where[row.figure_id] = (panel, x, y)
        colour = STANCE_COLOURS.get(row.stance, style.INK)
        face = "white" if row.is_year_from_source else colour
        panel.plot(
            [x],
            [y],
            marker=markers[row.label],
            ms=8,
            mfc=face,
            mec=colour,
            mew=1.5,
            color=colour,
        )
        if len(same) > SAME_SPOT_LABELS and row.source_id != same[0]:
            continue
        labels.append(
            panel.annotate(
                _wrap(words, BENCHMARK_NARROW_CHARS) if _narrow() else words,
                (x, y),
                xytext=(-7, 5) if on_left else (7, 5),
                textcoords="offset points",
                ha="right" if on_left else "left",
                fontsize=style.SMALL_FONT_PT,
            )
        )
    top = float(rows["value"].max())
    panel.set_ylim(0, top * 1.3 if top > 0 else 1)
    name = "percentage points" if unit == "percentage_point" else _label(unit)
    if unit == "percent":
        name = "percent as written, base not stated"
    panel.set_ylabel(f"US lead\n({name})")
    return labels


def _benchmark_legend(
    placed: pd.DataFrame, markers: dict[str, str], series: list[str]
) -> list[Line2D]:
    """The legend entries of :func:`plot_benchmark_gap`: benchmarks by marker, hollow points,
    stances by colour."""
    handles = [
        Line2D([], [], marker=markers[s], ls="none", mfc=style.INK, mec=style.INK, label=s)
        for s in series
    ]
    if placed["is_year_from_source"].fillna(False).astype(bool).any():
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                ls="none",
                mfc="white",
                mec=style.INK,
                label="hollow: no period given, placed at the source's date",
            )
        )
    stances = [s for s in STANCE_COLOURS if s in set(placed["stance"])]
    handles += [
        Line2D([], [], marker="s", ls="none", color=STANCE_COLOURS[s], label=f"colour: {s}")
        for s in stances
    ]
    return handles


# --- agreement and viewpoints ---------------------------------------------------------------------


def _record_agreement(fig: Figure, numeric: pd.DataFrame, axis: str) -> None:
    """Record the reports the agreement chart drew, each named by whose quantity it is."""
    entity = (
        numeric["entity"].fillna(numeric["metric"])
        if "entity" in numeric.columns
        else numeric["metric"]
    )
    _record(
        fig,
        numeric.assign(
            chart="Facts reported by several sources: do the numbers agree?",
            axis=axis,
            quantity="reported number relative to the smallest report",
            unit="multiple (×)",
            entity=entity,
            period=numeric["period"].fillna(NO_PERIOD),
        )[
            [
                *DRAWN_COLUMNS,
                *("fact_id", "source_id", "text", "value", "low", "high", "bound", "is_shown"),
            ]
        ],
    )


def _agreement_texts(numeric: pd.DataFrame) -> list[str]:
    """The words above each report of :func:`plot_fact_agreement`: before a fact's first
    report, what the fact measures and its verdict; then who reported what, in their words."""
    chars = style.layout().label_chars
    texts = []
    for _, rows in numeric.groupby("fact_id", sort=False):
        first = rows.iloc[0]
        verdict = "agree" if first["is_agreeing"] else "DISAGREE"
        if not _is_missing(first["spread_pct"]):
            verdict += f": largest {first['spread_pct']:.2g}% above smallest"
        entity = first.get("entity")
        metric = first["metric"] if _is_missing(entity) else f"{entity}: {first['metric']}"
        head = _wrap(f"{_with_period(metric, first['period'])} — {verdict}", chars)
        for n, row in enumerate(rows.itertuples(index=False)):
            said = _wrap(f"{row.source_id}: {_plain(row.text)}", chars)
            texts.append(f"{head}\n{said}" if n == 0 else said)
    return texts


@_styled
def plot_fact_agreement(fact_values: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Each numeric fact reported by several sources: every report as a mark, relative to the
    smallest number reported for the fact (log scale), coloured by the stance of its voice.
    Above a fact's reports, what it measures and its verdict (agree or not, and the spread);
    above each report, its source and words. Statement facts have no number and are left to
    the table. ``fact_values`` is the table of :func:`gapstudy.facts.reconcile_facts`."""
    every = fact_values[fact_values["bound"].notna()]
    is_shown = agreement_shown(every)
    numeric = every[is_shown.to_numpy()]
    texts = _agreement_texts(numeric) if not numeric.empty else []
    ys, span = _row_positions(texts, gap=AGREEMENT_GAP)
    ax = _axes(ax, ROW_IN * span + 1.4)
    if numeric.empty:
        return _say_empty(ax, "numeric fact reported by several sources")
    ratios = []
    for _, rows in numeric.groupby("fact_id", sort=False):
        numbers = pd.concat([rows["value"], rows["low"], rows["high"]]).dropna().astype(float)
        ratios += list(numbers / float(numbers.min()))
    ax.set_xscale("log")
    ax.set_xlim(min(0.5, min(ratios) / 2), max(2.0, max(ratios) * 2))
    ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _short_number(x, "fold")))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_ylim(span - 0.45, -0.95)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    n = 0
    for _, rows in numeric.groupby("fact_id", sort=False):
        numbers = pd.concat([rows["value"], rows["low"], rows["high"]]).dropna().astype(float)
        base = float(numbers.min())
        if n:
            top = ys[n] - 0.35 - LINE_ROWS * (texts[n].count("\n") + 1)
            ax.axhline(top - AGREEMENT_GAP / 2 - 0.1, color=style.RULE, lw=0.8)
        for row in rows.itertuples(index=False):
            low, value, high = (
                None if _is_missing(x) else float(x) / base for x in (row.low, row.value, row.high)
            )
            mark = SimpleNamespace(
                bound=row.bound, low=low, value=value, high=high, start_value=None
            )
            _draw_mark(ax, ys[n], mark, STANCE_COLOURS.get(getattr(row, "stance", None), style.INK))
            ax.annotate(
                texts[n],
                (0.0, ys[n] - 0.35),
                xycoords=("axes fraction", "data"),
                xytext=(2, 1),
                textcoords="offset points",
                va="bottom",
                fontsize=style.SMALL_FONT_PT,
                color=style.INK,
                in_layout=False,
            )
            n += 1
    axis = "reported number ÷ smallest number reported for the fact (log scale)"
    ax.set_xlabel(_wrap(axis, style.layout().label_chars))
    title = "Facts reported by several sources: do the numbers agree?"
    ax.set_title(_suptitle(title))
    _record_agreement(ax.figure, every.assign(is_shown=is_shown.to_numpy()), axis)
    stances = [s for s in STANCE_COLOURS if s in set(numeric.get("stance", []))]
    handles = [
        Line2D([], [], marker="o", ls="none", color=STANCE_COLOURS[s], label=s) for s in stances
    ]
    if handles:
        ax.figure.legend(
            handles=handles, loc="outside lower center", ncol=len(handles), frameon=False
        )
    if len(numeric) < len(every):
        n_facts = every["fact_id"].nunique() - numeric["fact_id"].nunique()
        _say_left_out(
            ax.figure,
            f"… and {len(every) - len(numeric):,} more reports of {n_facts:,} more facts not "
            f"drawn ({len(numeric)} of {len(every):,} shown: whole facts, those that disagree "
            "first, then those with the most reports; the figure's data file lists all)",
        )
    return ax


def agreement_shown(numeric: pd.DataFrame) -> pd.Series:
    """Which reports the agreement chart draws (a boolean Series on ``numeric``'s index): all
    of them up to ``MAX_MARKS``, else whole facts, each taken in turn if it still fits: the
    facts whose reports disagree first, then those with the most reports, then the first in
    the table. When no fact fits whole, the first fact's first ``MAX_MARKS`` reports."""
    if len(numeric) <= MAX_MARKS:
        return pd.Series(True, index=numeric.index)
    facts = numeric.groupby("fact_id", sort=False).agg(
        n=("fact_id", "size"), agree=("is_agreeing", "all")
    )
    facts = facts.assign(_order=range(len(facts))).sort_values(
        ["agree", "n", "_order"], ascending=[True, False, True], kind="stable"
    )
    chosen, room = set(), MAX_MARKS
    for fact_id, row in facts.iterrows():
        if row["n"] <= room:
            chosen.add(fact_id)
            room -= int(row["n"])
    is_shown = numeric["fact_id"].isin(chosen)
    if not chosen:  # one fact past the bound: its first reports
        first = numeric["fact_id"] == facts.index[0]
        is_shown = first & (first.cumsum() <= MAX_MARKS)
    return is_shown


VIEWPOINTS_TITLE = "Where optimists and skeptics look"


@_styled
def plot_viewpoints(counts: pd.DataFrame, *, ax: Axes | None = None, selection: str = "") -> Axes:
    """Claims per dimension: optimists to the left, skeptics to the right, so that where each
    camp looks shows at a glance. ``counts`` from
    :func:`gapstudy.facts.count_claims_by_dimension`; ``selection`` says in a few words which
    texts were read (it ends the title, so that the variants of one chart tell themselves
    apart). On a narrow figure each dimension's name goes above its bars and the legend below."""
    dimensions = list(pd.unique(counts["dimension"]))
    narrow = _narrow()
    ax = _axes(ax, (0.5 if narrow else 0.36) * len(dimensions) + (2.0 if narrow else 1.5))
    if counts.empty:
        return _say_empty(ax, "optimist or skeptic claim")
    wide = counts.pivot(index="dimension", columns="stance", values="n_claims").reindex(dimensions)
    wide = wide.fillna(0).astype(int)
    ys = [y * (1.4 if narrow else 1.0) for y in range(len(dimensions))]
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
                    fontsize=style.SMALL_FONT_PT,
                )
    ax.axvline(0, color=style.INK, lw=0.8)
    if narrow:
        ax.set_yticks([])
        for y, dimension in zip(ys, dimensions, strict=True):
            ax.annotate(
                _label(dimension),
                (0.0, y - 0.45),
                xycoords=("axes fraction", "data"),
                xytext=(2, 1),
                textcoords="offset points",
                va="bottom",
                fontsize=style.SMALL_FONT_PT,
                color=style.MUTED,
                in_layout=False,
            )
        ax.set_ylim(ys[-1] + 0.6, -1.0)
    else:
        ax.set_yticks(ys, [_label(d) for d in dimensions])
        ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    top = max(1, int(wide.to_numpy().max())) if len(wide) else 1
    ax.set_xlim(-top * 1.3, top * 1.3)
    if narrow:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, symmetric=True))
    ax.xaxis.set_major_formatter(lambda x, _: f"{abs(x):g}")
    ax.set_xlabel("claims (optimists ← | → skeptics)")
    title = f"{VIEWPOINTS_TITLE}: {selection}" if selection else VIEWPOINTS_TITLE
    ax.set_title(_suptitle(title))
    if narrow:
        ax.figure.legend(loc="outside lower center", ncol=2, frameon=False)
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    drawn = counts.assign(
        chart=title,
        axis="claims (optimists ← | → skeptics)",
        quantity="claims",
        unit="count",
        entity=counts["stance"].astype(str) + "s on " + counts["dimension"].map(_label),
        period="the sources read",
    )
    _record(ax.figure, drawn[[*DRAWN_COLUMNS, "dimension", "stance", "n_claims"]])
    return ax
