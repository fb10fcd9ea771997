"""Saving figures so that the same figure gives the same bytes on every build and machine.

Plot functions draw on an Axes and return it; saving is kept here, apart. Each saved figure
gets a sidecar ``<name>.meta.json`` with its caption (used as alt text) so that the build can
record provenance and the report can show a captioned gallery.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from gapstudy import style
from gapstudy.paths import NARROW_FIGURE_SUFFIX, project_paths
from gapstudy.plots import drawn_data, redraw
from gapstudy.style import DPI, PAD_IN

FIGURE_FORMATS = ("png", "svg")
SVG_HASH_SALT = "gapstudy"

# Metadata keys that would stamp a date or a software version into the file.
_NO_STAMPS: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def resolve_figures_dir(
    figures_dir: str | Path | None, notebook: str, parameters: Mapping[str, Any] | None = None
) -> Path:
    """Where a notebook saves figures: ``figures_dir`` if given (the build passes one), else a
    scratch folder named after the notebook and its ``parameters``, so that a run by hand or by
    plain papermill never overwrites the committed figures, nor those of a run with other
    parameters: ``.cache/interactive/<notebook>-<hash of the parameters>/``."""
    if figures_dir:
        return Path(figures_dir)
    label = notebook
    if parameters:
        digest = json.dumps(dict(parameters), sort_keys=True, ensure_ascii=False, default=str)
        label += "-" + hashlib.sha256(digest.encode("utf-8")).hexdigest()[:8]
    return project_paths().scratch / "interactive" / label


def describe_selection(
    sources: Sequence[str] | None = None,
    as_of: str | None = None,
    include_comments: bool = False,
) -> str:
    """The sources a run reads, in words for a caption: which ones, up to which date, and
    whether reader comments count."""
    read = f"sources {', '.join(sources)}" if sources else "all sources"
    if as_of:
        read += f" published by {as_of} (later and undated ones left out)"
    read += "; reader comments included" if include_comments else "; reader comments left out"
    return f"Reads {read}."


def describe_sources(sources: Sequence[str] | None = None, as_of: str | None = None) -> str:
    """Which sources a run reads, in words for the caption of a figure that counts every line
    of a text whatever the selection says of reader comments."""
    read = f"sources {', '.join(sources)}" if sources else "all sources"
    if as_of:
        read += f" published by {as_of} (later and undated ones left out)"
    return f"Reads {read}."


def selection_title(
    sources: Sequence[str] | None = None,
    as_of: str | None = None,
    include_comments: bool = False,
) -> str:
    """The sources a run reads, in a few words for a chart's title, so that the charts of runs
    with other selections tell themselves apart: 'all sources, reader comments left out'."""
    read = f"{len(sources)} sources ({', '.join(sources)})" if sources else "all sources"
    if as_of:
        read = f"{read} published by {as_of}"
    comments = "reader comments included" if include_comments else "reader comments left out"
    return f"{read}, {comments}"


def save_figure(
    fig: Figure,
    name: str,
    *,
    figures_dir: str | Path,
    caption: str,
    formats: Sequence[str] = FIGURE_FORMATS,
) -> list[Path]:
    """Write ``fig`` as ``<figures_dir>/<name>.<fmt>`` for each format, without date or
    software stamps, plus ``<name>.csv``, exactly the data the chart drew (see
    :func:`gapstudy.plots.drawn_data`), and ``<name>.meta.json`` holding the caption. Returns
    the paths written. A figure drawn by other code than :mod:`gapstudy.plots` has no record of
    its data: it gets no CSV, and the report says so under it.

    With PNG among the formats, a figure of :mod:`gapstudy.plots` is also drawn again from the
    same data for phones (``<name>.narrow.png``, see :data:`gapstudy.style.NARROW`), which the
    report shows on narrow screens."""
    drawn = drawn_data(fig)
    unknown = sorted(set(formats) - set(_NO_STAMPS))
    if unknown:
        raise ValueError(f"unknown figure format(s) {unknown}; use some of {sorted(_NO_STAMPS)}")
    out = Path(figures_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with mpl.rc_context({"svg.hashsalt": SVG_HASH_SALT, "svg.fonttype": "path"}):
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            fig.savefig(
                path,
                format=fmt,
                dpi=DPI,
                metadata=_NO_STAMPS[fmt],
                bbox_inches="tight",
                pad_inches=PAD_IN,
            )
            if fmt == "svg":
                _number_clip_paths(path)
            written.append(path)
        if "png" in formats:
            written += _save_narrow(fig, out / f"{name}{NARROW_FIGURE_SUFFIX}")
    meta: dict = {"name": name, "caption": caption}
    if drawn is not None:
        data_path = out / f"{name}.csv"
        data_path.write_text(drawn.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        written.append(data_path)
        meta["title"] = str(drawn["chart"].iloc[0]) if len(drawn) else name
        meta["data"] = data_path.name
    meta["files"] = [p.name for p in written]
    meta_path = out / f"{name}.meta.json"
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    written.append(meta_path)
    return written


def _save_narrow(fig: Figure, path: Path) -> list[Path]:
    """Draw ``fig`` again for phones and save it as PNG at ``style.NARROW_DPI`` at ``path``;
    nothing for a figure that cannot be drawn again. The narrow figure is closed once saved, so
    a notebook shows only the figure it drew."""
    narrow = redraw(fig, style.NARROW)
    if narrow is None:
        return []
    try:
        narrow.savefig(
            path,
            format="png",
            dpi=style.NARROW_DPI,
            metadata=_NO_STAMPS["png"],
            bbox_inches="tight",
            pad_inches=PAD_IN,
        )
    finally:
        plt.close(narrow)
    return [path]


_CLIP_ID = re.compile(r"\bp[0-9a-f]{10}\b")


def _number_clip_paths(path: Path) -> None:
    """Rename the SVG's clip-path ids to ``clip1``, ``clip2``... in order of first use.

    matplotlib names a clip path after a hash that, for a clip given as a path rather than a
    rectangle, includes the path object's memory address: the same figure would get new ids,
    and so new bytes, on every run."""
    text = path.read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for found in _CLIP_ID.findall(text):
        names.setdefault(found, f"clip{len(names) + 1}")
    path.write_text(_CLIP_ID.sub(lambda m: names[m.group(0)], text), encoding="utf-8")
