"""The part of the tables a run reads, given its parameters.

Which sources are read (:func:`select_sources`):

- ``sources``: the source ids to read; empty or ``None`` means all. An unknown id is an error.
- ``as_of``: an ISO date (``YYYY-MM-DD``). A source is read when it could have been published
  by then, i.e. the first day its date allows is on or before ``as_of`` (a source dated
  ``2026-01`` is read as of ``2026-01-15``). Undated sources are left out whenever ``as_of`` is
  set, since nothing places them before the cut-off; without ``as_of`` they are read.
- ``include_comments``: reader comments (their voices, claims and figures) are left out unless
  this is true; when true, they get a section of their own.

Nothing here reads a file: :func:`filter_tables` restricts frames it is handed, so the
validator, the selection check and the brief share one reading of the parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from gapstudy.brief import is_missing
from gapstudy.exceptions import ParameterError


def _first_day(published: str) -> dt.date:
    parts = [int(p) for p in str(published).split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def parse_as_of(as_of: str | None) -> dt.date | None:
    """``as_of`` as a date; ``None`` or ``""`` means no cut-off. Raises :class:`ParameterError`."""
    if as_of is None or as_of == "":
        return None
    try:
        return dt.date.fromisoformat(str(as_of))
    except ValueError as err:
        raise ParameterError(f"as_of {as_of!r} is not an ISO date (YYYY-MM-DD) or ''") from err


def select_sources(
    sources: pd.DataFrame, *, include: list[str] | None = None, as_of: str | None = None
) -> tuple[list[str], dict[str, str]]:
    """The ids of the sources read, in table order, and for each one left out, why."""
    known = sources["source_id"].tolist()  # a string column: a list in one step
    unknown = sorted(set(include or []) - set(known))
    if unknown:
        raise ParameterError(f"unknown source id(s) {unknown}; known: {', '.join(known)}")
    cut_off = parse_as_of(as_of)
    kept: list[str] = []
    left_out: dict[str, str] = {}
    for source_id, published in zip(known, sources["published"].tolist(), strict=True):
        if include and source_id not in include:
            left_out[source_id] = "not selected"
        elif cut_off is not None and is_missing(published):
            left_out[source_id] = f"undated, so it cannot be placed before {cut_off}"
        elif cut_off is not None and _first_day(published) > cut_off:
            left_out[source_id] = f"published {published}, after {cut_off}"
        else:
            kept.append(source_id)
    return kept, left_out


def filter_tables(
    tables: dict[str, pd.DataFrame],
    *,
    sources: list[str] | None = None,
    include_comments: bool = False,
    as_of: str | None = None,
) -> dict[str, pd.DataFrame]:
    """``tables`` restricted to the sources read and, unless ``include_comments``, without
    reader comments. Derived measures go when either input figure goes. Per-fact summaries in
    ``fact_values`` are not recomputed: call :func:`gapstudy.facts.reconcile_facts` on the
    filtered figures and claims for that."""
    kept, _ = select_sources(tables["sources"], include=sources, as_of=as_of)
    result: dict[str, pd.DataFrame] = {}
    for name, frame in tables.items():
        if "source_id" in frame.columns:
            frame = frame[frame["source_id"].isin(kept)]
        if not include_comments and "is_reader_comment" in frame.columns:
            frame = frame[~frame["is_reader_comment"].fillna(False).astype(bool)]
        result[name] = frame.reset_index(drop=True)
    if "fact_values" in result and "claims" in result:
        fv = result["fact_values"]
        result["fact_values"] = fv[fv["claim_id"].isin(result["claims"]["claim_id"])].reset_index(
            drop=True
        )
    if "figures" in result:
        figure_ids = set(result["figures"]["figure_id"].tolist())
        for name, frame in result.items():
            if "figure_id" in frame.columns and "source_id" not in frame.columns:
                result[name] = frame[frame["figure_id"].isin(figure_ids)].reset_index(drop=True)
    if "claims" in result:
        claim_ids = set(result["claims"]["claim_id"].tolist())
        for name, frame in result.items():
            columns = [c for c in frame.columns if c.startswith("claim_id")]
            if columns and "source_id" not in frame.columns:
                keep = frame[columns].apply(
                    lambda row: all(set(_split_ids(v)) <= claim_ids for v in row), axis=1
                )
                result[name] = frame[keep.astype(bool)].reset_index(drop=True)
    if "derived_measures" in result and "figures" in result:
        dm, ids = result["derived_measures"], set(result["figures"]["figure_id"].tolist())
        keep = dm["numerator_figure_id"].isin(ids) & dm["denominator_figure_id"].isin(ids)
        result["derived_measures"] = dm[keep].reset_index(drop=True)
    return result


def _split_ids(value: Any) -> list[str]:
    if is_missing(value):
        return []
    return [v for v in re.split(r"[,;\s]+", str(value)) if v]
