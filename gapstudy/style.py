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
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import matplotlib as mpl
import seaborn as sns

DPI = 100
REPORT_WIDTH_PX = 860
PAD_IN = 0.1  # white margin added around a figure when it is saved or shown
REPORT_WIDTH_IN = REPORT_WIDTH_PX / DPI - 2 * PAD_IN
MIN_FONT_PT = 8.0

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


@contextlib.contextmanager
def report_style() -> Iterator[None]:
    """Draw inside this context to get the report's theme, whatever the global settings."""
    # A notebook's first figure may be the one that starts pyplot's backend, which then turns
    # interactive mode on; rc_context would turn it off again on exit, and a fresh kernel's
    # inline backend would show no later figure. Interactive mode is kept as the backend left it.
    with mpl.rc_context(THEME_RC):
        try:
            yield
        finally:
            is_interactive = mpl.is_interactive()
    mpl.interactive(is_interactive)


def use_report_style() -> None:
    """Make the report's theme the default of this process (for a notebook's first cell), and
    show table cells whole: quotes are never cut."""
    import pandas as pd

    mpl.rcParams.update(THEME_RC)
    pd.set_option("display.max_colwidth", None)


def figure_size(height_in: float) -> tuple[float, float]:
    """A figure as wide as the report shows it, ``height_in`` inches high."""
    return (REPORT_WIDTH_IN, height_in)
