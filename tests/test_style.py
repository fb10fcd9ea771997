"""The figure theme: declared once, applied in a context, one colour per stance."""

from __future__ import annotations

import matplotlib as mpl
import pandas as pd
from matplotlib.colors import to_hex

from gapstudy import style, vocab


def test_every_stance_has_its_own_colour_blind_safe_colour():
    assert set(style.STANCE_COLOURS) == set(vocab.STANCES)
    colours = [to_hex(c) for c in style.STANCE_COLOURS.values()]
    assert len(set(colours)) == len(colours)
    okabe_ito = {to_hex(c) for c in style.OKABE_ITO.values()}
    assert {to_hex(style.STANCE_COLOURS[s]) for s in ("optimist", "skeptic", "mixed")} <= okabe_ito
    # Categories that are not stances never borrow a stance's colour.
    stance_hues = {to_hex(c) for c in style.STANCE_COLOURS.values()}
    assert not stance_hues & {to_hex(c) for c in style.CATEGORY_COLOURS}


def test_the_theme_applies_inside_its_context_only():
    before = dict(mpl.rcParams)
    with style.report_style():
        assert mpl.rcParams["font.size"] == style.FONT_PT
        assert mpl.rcParams["savefig.dpi"] == style.DPI
        assert mpl.rcParams["axes.titlesize"] >= style.MIN_FONT_PT
    assert dict(mpl.rcParams) == before


def test_a_figure_fills_the_report_width_and_no_more():
    width_in, _ = style.figure_size(3.0)
    assert (width_in + 2 * style.PAD_IN) * style.DPI <= style.REPORT_WIDTH_PX
    assert min(style.THEME_RC[k] for k in ("xtick.labelsize", "legend.fontsize")) >= 8


def test_use_report_style_shows_table_cells_whole():
    with pd.option_context("display.max_colwidth", 50), mpl.rc_context():
        style.use_report_style()
        assert pd.get_option("display.max_colwidth") is None
        assert mpl.rcParams["font.size"] == style.FONT_PT


def test_report_style_keeps_the_interactive_mode_a_backend_sets_inside_it():
    """A fresh kernel's first figure starts the inline backend inside the style context, which
    turns interactive mode on; leaving the context must not turn it off, or no later figure of
    the notebook is shown."""
    import matplotlib as mpl

    before = mpl.is_interactive()
    try:
        mpl.interactive(False)
        with style.report_style():
            mpl.interactive(True)  # what the backend does when it starts
        assert mpl.is_interactive()
    finally:
        mpl.interactive(before)
