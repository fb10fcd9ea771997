"""Gap measures derived from two figures of one source: a ratio, a difference or a change.

The measures are declared in ``data/annotations/derived.yaml`` (:func:`load_derived_spec`) and
computed from the figures (:func:`derive_measures`), so that every number of the
``derived_measures`` table is computed, never typed in.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from gapstudy import schema, vocab
from gapstudy.exceptions import AnnotationError, Problem, TableError
from gapstudy.facts import (
    PERCENT_UNITS,
    number_or_none,
    period_anchors,
    placed_year,
    text_or_none,
)
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.specfile import check_fields, read_entries

OPERATIONS = tuple(vocab.DERIVED_OPERATIONS)
_DERIVED_FIELDS = (
    "measure_id",
    "description",
    "operation",
    "numerator",
    "denominator",
    "dimension",
)


def load_derived_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The gap measures declared in ``data/annotations/derived.yaml``, checked for unique ids,
    a known operation and dimension. Each dict has the file's fields plus ``line``.

    Whether the figure ids exist is checked by :func:`derive_measures`, against the figures.
    """
    path = (paths or project_paths()).annotations / "derived.yaml"
    entries = read_entries(path, "measures")
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        missing = check_fields(entry, _DERIVED_FIELDS, path, "measure")
        if missing:
            problems.extend(missing)
            continue
        mid = entry["measure_id"]
        if mid in seen:
            problems.append(Problem(path, entry["line"], f"duplicate measure_id {mid!r}"))
        seen.add(mid)
        if entry["operation"] not in OPERATIONS:
            problems.append(
                Problem(
                    path,
                    entry["line"],
                    f"{mid}: operation {entry['operation']!r} unknown",
                    f"use one of {', '.join(OPERATIONS)}",
                )
            )
        if entry["dimension"] not in vocab.DIMENSIONS:
            problems.append(
                Problem(
                    path,
                    entry["line"],
                    f"{mid}: dimension {entry['dimension']!r} unknown",
                    f"use one of {', '.join(vocab.DIMENSIONS)}",
                )
            )
    if problems:
        raise AnnotationError(problems)
    return entries


# Growth rates a year compound: no measure of two of them has a unit in the project.
_GROWTH_RATE_UNITS = frozenset({"percent_per_year", "fold_per_year"})


def derive_measures(
    figures: pd.DataFrame,
    derived_spec: list[dict[str, Any]],
    sources: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The ``derived_measures`` table: each measure of ``derived_spec`` computed from the two
    figures it names, with their ids, words and values so that it traces back.

    A ratio is numerator / denominator in ``fold``, refused for percentages; a difference (two
    entities at one time) and a change (one quantity, later minus earlier) are numerator -
    denominator in the figures' unit (``percentage_point`` when they are percentages). Both
    figures must come from one source, share a unit and give a point value (a bound has no
    ratio); a change needs the same entity and counterpart at both ends; a ratio or difference
    of two entities sets them side by side at one time, so two periods placed in different years
    are refused (placed as :func:`gapstudy.facts.placed_year` does, from ``sources``' dates when
    given; a period that cannot be placed is not compared). Raises :class:`TableError` naming
    the measure and the figure otherwise.
    """
    table = schema.DERIVED_MEASURES
    by_id = schema.rows_by_id(figures, "figure_id", _FIGURE_FIELDS) if len(figures) else None
    published = (
        {}
        if sources is None
        else dict(zip(sources["source_id"], sources["published"], strict=True))
    )
    anchors = period_anchors(figures) if derived_spec else {}
    rows = []
    for spec in derived_spec:
        mid, line = spec["measure_id"], spec.get("line")
        where = f"measure {mid!r} (derived.yaml line {line})"
        num, den = _checked_pair(spec, by_id, where)
        if spec["operation"] != "change" and text_or_none(num["entity"]) != text_or_none(
            den["entity"]
        ):
            apart = years_apart(spec["operation"], num, den, published, anchors)
            if apart is not None:
                raise TableError(f"{where}: {apart[0]}; {apart[1]}")
        if spec["operation"] == "ratio":
            if float(den["value"]) == 0:
                raise TableError(f"{where}: denominator {den['figure_id']} is zero")
            value, unit = float(num["value"]) / float(den["value"]), "fold"
        else:
            value = float(num["value"]) - float(den["value"])
            is_share = num["unit"] in ("percent", "percentage_point")
            unit = "percentage_point" if is_share else num["unit"]
        is_exact = num["bound"] == "exact" and den["bound"] == "exact"
        rows.append(
            {
                "measure_id": mid,
                "description": spec["description"],
                "operation": spec["operation"],
                "dimension": spec["dimension"],
                "value": round(value, 10),
                "unit": unit,
                "bound": "exact" if is_exact else "approximate",
                "source_id": num["source_id"],
                "voice_id": num["voice_id"],
                "stance": num["stance"],
                "numerator_figure_id": num["figure_id"],
                "numerator_text": num["text"],
                "numerator_value": num["value"],
                "numerator_entity": num["entity"],
                "denominator_figure_id": den["figure_id"],
                "denominator_text": den["text"],
                "denominator_value": den["value"],
                "denominator_entity": den["entity"],
            }
        )
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return frame.astype(table.dtypes).reset_index(drop=True)


# What a measure reads of its two figures.
_FIGURE_FIELDS = (
    "figure_id", "source_id", "voice_id", "stance", "text", "value", "bound", "unit", "entity",
    "counterpart", "period",
)  # fmt: skip


def years_apart(
    operation: str,
    num: dict[str, Any],
    den: dict[str, Any],
    published: dict[str, Any],
    anchors: dict[str, str | None],
) -> tuple[str, str] | None:
    """What is wrong, and what to do, when a ratio or difference of two entities sets side by
    side figures whose periods are placed (:func:`gapstudy.facts.placed_year`) in different
    years; ``None`` when it does not (a period that cannot be placed is not compared). Each
    figure is a mapping with ``figure_id``, ``source_id`` and ``period``. Used by
    :func:`derive_measures` and by ``gapstudy check``, so both say the same."""
    years = [
        placed_year(f["period"], published.get(f["source_id"]), anchors.get(f["figure_id"]))
        for f in (num, den)
    ]
    if None in years or years[0] == years[1]:
        return None
    return (
        f"a {operation} sets two things side by side at one time, but the periods are"
        f" {years[0]} ({num['period']!r}) and {years[1]} ({den['period']!r})",
        "use operation: change for one quantity over time",
    )


def _checked_pair(
    spec: dict[str, Any], by_id: dict[str, dict[str, Any]] | None, where: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The numerator and denominator figures of a measure, refused (:class:`TableError`
    naming ``where``) unless the measure can be computed from them."""
    picked = {}
    for role in ("numerator", "denominator"):
        fid = spec[role]
        if by_id is None or fid not in by_id:
            raise TableError(f"{where}: {role} figure {fid!r} is not in the figures table")
        fig = by_id[fid]
        if number_or_none(fig["value"]) is None or fig["bound"] not in ("exact", "approximate"):
            raise TableError(
                f"{where}: {role} {fid} ({fig['text']!r}) is a {fig['bound']} figure without"
                " a point value"
            )
        picked[role] = fig
    num, den = picked["numerator"], picked["denominator"]
    if num["source_id"] != den["source_id"]:
        raise TableError(
            f"{where}: figures come from two sources ({num['source_id']}, {den['source_id']})"
        )
    if num["unit"] != den["unit"]:
        raise TableError(f"{where}: units differ ({num['unit']} vs {den['unit']})")
    if num["unit"] in _GROWTH_RATE_UNITS:
        raise TableError(
            f"{where}: figures in {num['unit']} are growth rates a year; the project has no "
            "unit for their ratio or difference (compare them as reported)"
        )
    if spec["operation"] == "ratio" and num["unit"] in PERCENT_UNITS:
        raise TableError(
            f"{where}: a ratio of two figures in {num['unit']}; compare percentages by their"
            " difference (operation: difference or change)"
        )
    if spec["operation"] == "change":
        for name in ("entity", "counterpart"):
            if text_or_none(num[name]) != text_or_none(den[name]):
                raise TableError(
                    f"{where}: a change compares one quantity over time, but the {name}s"
                    f" differ ({num[name]} vs {den[name]})"
                )
    return num, den
