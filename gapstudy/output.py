"""Saving figures so that the same figure gives the same bytes on every build and machine.

Plot functions draw on an Axes and return it; saving is kept here, apart. Each saved figure
gets a sidecar ``<name>.meta.json`` with its caption (used as alt text) so that the build can
record provenance and the report can show a captioned gallery.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from gapstudy.paths import project_paths
from gapstudy.style import DPI, PAD_IN

FIGURE_FORMATS = ("png", "svg")
SVG_HASH_SALT = "gapstudy"

# Metadata keys that would stamp a date or a software version into the file.
_NO_STAMPS: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def resolve_figures_dir(figures_dir: str | Path | None, notebook: str) -> Path:
    """Where a notebook saves figures: ``figures_dir`` if given (the build passes one), else a
    scratch folder, so that interactive runs never overwrite committed outputs."""
    if figures_dir:
        return Path(figures_dir)
    return project_paths().scratch / "interactive" / notebook


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


def save_figure(
    fig: Figure,
    name: str,
    *,
    figures_dir: str | Path,
    caption: str,
    formats: Sequence[str] = FIGURE_FORMATS,
) -> list[Path]:
    """Write ``fig`` as ``<figures_dir>/<name>.<fmt>`` for each format, without date or
    software stamps, plus ``<name>.meta.json`` holding the caption. Returns the paths written."""
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
            written.append(path)
    meta = {"name": name, "caption": caption, "files": [p.name for p in written]}
    meta_path = out / f"{name}.meta.json"
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    written.append(meta_path)
    return written
