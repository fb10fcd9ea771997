"""The look of every figure, declared once: one seaborn theme, one colour-blind-safe palette,
sizes for the width at which the report shows a figure.

Plot functions draw inside :func:`report_style` (a context, so importing this module changes
nothing); a notebook calls :func:`use_report_style` once to make the same settings its defaults.

Colours come from the Okabe-Ito palette, which stays distinct under the common forms of colour
blindness. Each stance keeps one colour in every figure; categories that are not stances (segment
kinds, annotation statuses) use the palette's other colours, so they are never read as a stance.

Sizes. A report page is at most 60rem (960 CSS px) wide, less 1rem of padding on each side and
the 64 px prompt column of a notebook output: figures are shown at most ``REPORT_WIDTH_PX`` wide.
A figure ``REPORT_WIDTH_IN`` inches wide saved at ``DPI`` with a margin of ``PAD_IN`` is at
most that many pixels wide, so it is shown at its own size and a font of ``MIN_FONT_PT`` points
is read at that size or larger.

Phones. A phone 360 CSS px wide shows the page's content ``PHONE_WIDTH_PX`` wide; a figure
squeezed from 860 px to that would have text 3-4 px high. So each figure is drawn a second time
for narrow screens (``NARROW``: that wide, taller, labels wrapped shorter, legends below) and
saved at ``NARROW_DPI``, twice the pixels for a phone's sharper screen, shown at half its pixel
width: 8 points stay 11 CSS px. Plot functions read the layout they draw for with
:func:`layout`; :func:`report_style` sets it.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import matplotlib as mpl
import seaborn as sns

DPI = 100
REPORT_WIDTH_PX = 860
PAD_IN = 0.1  # white margin added around a figure when it is saved or shown
REPORT_WIDTH_IN = REPORT_WIDTH_PX / DPI - 2 * PAD_IN
MIN_FONT_PT = 8.0
PHONE_WIDTH_PX = 326  # 360 px less the page's padding (2 x 16 px) and the figure's border
NARROW_DPI = 2 * DPI


@dataclass(frozen=True)
class Layout:
    """The width a figure is drawn for, and what follows from it."""

    name: str
    width_in: float  # the figure's width, margins left out
    is_narrow: bool

    @property
    def label_chars(self) -> int:
        """Characters of a row label that fit across the figure (DejaVu Sans averages about
        0.6 em)."""
        return int((self.width_in - 0.4) * 72 / (MIN_FONT_PT * 0.6))


WIDE = Layout("wide", REPORT_WIDTH_PX / DPI - 2 * PAD_IN, is_narrow=False)
NARROW = Layout("narrow", PHONE_WIDTH_PX / DPI - 2 * PAD_IN, is_narrow=True)
_LAYOUT: contextvars.ContextVar[Layout] = contextvars.ContextVar("layout", default=WIDE)

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

STANCE_COLOURS: dict[str, str] = {
    "optimist": OKABE_ITO["bluish_green"],
    "skeptic": OKABE_ITO["vermillion"],
    "mixed": OKABE_ITO["reddish_purple"],
    "neutral": "#7F7F7F",
}
# Colours for categories that are not stances, in order of use.
CATEGORY_COLOURS: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["yellow"],
    OKABE_ITO["black"],
    "#BBBBBB",
    "#DDDDDD",
    "#555555",
)
INK = "#262626"  # text and neutral marks
MUTED = "#6E6E6E"  # secondary text: sources, notes
RULE = "#CCCCCC"  # separators and reference lines

FONT_PT = 9.0
SMALL_FONT_PT = MIN_FONT_PT

THEME_RC: dict[str, Any] = {
    **sns.axes_style("whitegrid"),
    **sns.plotting_context("paper"),
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": FONT_PT,
    "axes.titlesize": 10.0,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": FONT_PT,
    "xtick.labelsize": SMALL_FONT_PT,
    "ytick.labelsize": SMALL_FONT_PT,
    "legend.fontsize": SMALL_FONT_PT,
    "legend.title_fontsize": FONT_PT,
    "figure.titlesize": 11.0,
    "figure.titleweight": "bold",
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "savefig.pad_inches": PAD_IN,
    "figure.figsize": (REPORT_WIDTH_IN, 4.0),
    "figure.constrained_layout.use": True,
    "axes.prop_cycle": mpl.cycler(color=list(CATEGORY_COLOURS)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.color": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
}


def layout() -> Layout:
    """The layout figures are being drawn for (``WIDE`` unless :func:`report_style` says)."""
    return _LAYOUT.get()


@contextlib.contextmanager
def report_style(for_layout: Layout | None = None) -> Iterator[None]:
    """Draw inside this context to get the report's theme, whatever the global settings; with
    ``for_layout``, figures are drawn for that layout (inside it, the layout stays as set)."""
    # A notebook's first figure may be the one that starts pyplot's backend, which then turns
    # interactive mode on; rc_context would turn it off again on exit, and a fresh kernel's
    # inline backend would show no later figure. Interactive mode is kept as the backend left it.
    token = _LAYOUT.set(for_layout) if for_layout is not None else None
    try:
        with mpl.rc_context({**THEME_RC, "figure.figsize": figure_size(4.0)}):
            try:
                yield
            finally:
                is_interactive = mpl.is_interactive()
        mpl.interactive(is_interactive)
    finally:
        if token is not None:
            _LAYOUT.reset(token)


TABLE_ROWS = 60  # the most rows a table in a run page shows whole
TABLE_ROWS_CUT = 10  # the rows it shows when it has more


def use_report_style() -> None:
    """Make the report's theme the default of this process (for a notebook's first cell), and
    show table cells whole: quotes are never cut. A table of more than ``TABLE_ROWS`` rows shows
    its first and last ``TABLE_ROWS_CUT // 2`` and says how many it has (pandas' own defaults,
    declared here because a run page must not grow with the corpus: the full table is the CSV
    in ``data/processed/``)."""
    import pandas as pd

    mpl.rcParams.update(THEME_RC)
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", TABLE_ROWS)
    pd.set_option("display.min_rows", TABLE_ROWS_CUT)


def figure_size(height_in: float) -> tuple[float, float]:
    """A figure as wide as the current layout shows it, ``height_in`` inches high."""
    return (layout().width_in, height_in)
