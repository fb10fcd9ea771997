"""Checks of figures against their primary sources, declared in
``data/annotations/references.yaml`` (:func:`load_references_spec`) and set beside each figure
in the ``reference_checks`` table (:func:`check_references`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from gapstudy import schema, vocab
from gapstudy.exceptions import AnnotationError, Problem, TableError
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.specfile import check_fields, not_in, read_optional

_REFERENCE_FIELDS = ("figure", "reference_name", "url", "quote", "status", "note")


def load_references_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The reference checks declared in ``data/annotations/references.yaml`` (none when the
    file is absent), checked: one check per figure, a known status and unit, numbers where
    given, and an address and quote unless the status is ``unverifiable``.

    Whether the figures exist is checked against the corpus by ``gapstudy check``.
    """
    path = (paths or project_paths()).annotations / "references.yaml"
    entries = read_optional(path, "references")
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        missing = check_fields(entry, _REFERENCE_FIELDS, path, "reference check")
        if missing:
            problems.extend(missing)
            continue
        fid, line = entry["figure"], entry["line"]
        if fid in seen:
            problems.append(
                Problem(path, line, f"figure {fid!r} is checked twice", "merge the two entries")
            )
        seen.add(fid)
        problems += not_in(entry["status"], vocab.REFERENCE_STATUSES, path, line, f"{fid}: status")
        if entry.get("unit") is not None:
            problems += not_in(entry["unit"], vocab.UNITS, path, line, f"{fid}: unit")
        for name in ("value", "low", "high"):
            x = entry.get(name)
            if x is not None and not isinstance(x, int | float):
                problems.append(Problem(path, line, f"{fid}: {name} {x!r} is not a number"))
        has_number = any(entry.get(n) is not None for n in ("value", "low", "high"))
        if has_number and entry.get("unit") is None:
            problems.append(Problem(path, line, f"{fid}: numbers without a unit", "add unit:"))
        if entry["status"] != "unverifiable" and not (entry["url"] and entry["quote"]):
            problems.append(
                Problem(
                    path,
                    line,
                    f"{fid}: status {entry['status']!r} without the primary's address and words",
                    "give url and quote, or set status: unverifiable",
                )
            )
        if entry["status"] == "matches" and not has_number:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{fid}: 'matches' needs the primary's number",
                    "add value (or low/high) and unit",
                )
            )
    if problems:
        raise AnnotationError(problems)
    return entries


def check_references(figures: pd.DataFrame, spec: list[dict[str, Any]]) -> pd.DataFrame:
    """The ``reference_checks`` table: each figure of ``spec`` beside what its primary source
    says, in the order of the spec. Raises :class:`TableError` for an unknown figure."""
    table = schema.REFERENCE_CHECKS
    # One dict per figure, not a frame row looked up per entry (that took most of the time).
    fields = ["source_id", "text", "value", "low", "high", "unit"]
    by_id = {
        values[0]: dict(zip(fields, values[1:], strict=True))
        for values in zip(figures["figure_id"], *(figures[f] for f in fields), strict=True)
    }
    rows = []
    for entry in spec:
        fid = entry["figure"]
        if fid not in by_id:
            raise TableError(
                f"references.yaml line {entry['line']}: figure {fid!r} is not in the figures table"
            )
        fig = by_id[fid]
        rows.append(
            {
                "figure_id": fid,
                "source_id": fig["source_id"],
                "text": fig["text"],
                "value": fig["value"],
                "low": fig["low"],
                "high": fig["high"],
                "unit": fig["unit"],
                "reference_name": entry["reference_name"],
                "reference_url": entry["url"],
                "reference_quote": entry["quote"],
                "reference_value": entry.get("value"),
                "reference_low": entry.get("low"),
                "reference_high": entry.get("high"),
                "reference_unit": entry.get("unit"),
                "status": entry["status"],
                "note": entry["note"],
            }
        )
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return frame.astype(table.dtypes).reset_index(drop=True)
