"""Stage between figures/claims and tables: facts reconciled across sources, and gap measures
derived from figures.

Everything here is a pure function of frames (plus the two hand-written specs,
``data/annotations/facts.yaml`` and ``data/annotations/derived.yaml``), so the numbers in the
``fact_values`` and ``derived_measures`` tables are computed from the figures, never typed in.

Agreement of a numeric fact. Each report is read as the interval of values its words allow:
an exact or approximate figure is the point ``value``; an upper bound ("below 20 percent") is
everything up to ``high``; a lower bound ("over $1 billion") everything from ``low``; a range
is ``[low, high]``. Bounds are thus compared as bounds: "below 20 percent" and "less than a
one-in-five chance" agree, as both allow any value under 20. The reports agree when one value
fits all of them, or when the gap between the largest lower end and the smallest upper end is
at most ``tolerance_pct`` percent of that smallest upper end (the smaller of the two values in
conflict). So $560 million against $558 million differ by 0.36% of $558 million and agree at a
1% tolerance. Approximate figures get no extra slack beyond the fact's tolerance.

Agreement of a statement fact (``unit: null``): the reports agree when every claim gives the gap
the same direction; their stances are listed in the note.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from gapstudy import schema, vocab
from gapstudy.exceptions import AnnotationError, ParameterError, Problem, TableError
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.sources import read_yaml

US_CHINA = frozenset({"United States", "China"})
OPERATIONS = tuple(vocab.DERIVED_OPERATIONS)
# Cross-source annotation files: each is read by its own loader below, never as a source.
# Fields of a fact's reports compared to say what differs between them.
_COMPARED_FIELDS = ("period", "counterpart", "unit")
PERCENT_UNITS = ("percent", "percentage_point")

_FACT_FIELDS = ("fact_id", "description", "unit", "tolerance_pct")
_DISAGREEMENT_FIELDS = (
    "disagreement_id",
    "kind",
    "dimension",
    "question",
    "period",
    "what_differs",
    "sides",
)
_SIDE_FIELDS = ("report", "position")
_REFERENCE_FIELDS = ("figure", "reference_name", "url", "quote", "status", "note")
_DERIVED_FIELDS = (
    "measure_id",
    "description",
    "operation",
    "numerator",
    "denominator",
    "dimension",
)


# --- specs -------------------------------------------------------------------------------------


def _read_entries(path: Path, key: str) -> list[dict[str, Any]]:
    """The list under ``key`` in a YAML file, each entry with its line kept as ``line``."""
    doc = read_yaml(path) or {}
    entries = doc.get(key) if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise AnnotationError(
            Problem(path, 1, f"no list under {key!r}", f"start the file with '{key}:'")
        )
    result = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise AnnotationError(Problem(path, None, f"entry {entry!r} is not a mapping"))
        line = entry.pop("__line__", None)
        result.append({**entry, "line": line})
    return result


def _check_fields(
    entry: dict[str, Any], names: Iterable[str], path: Path, what: str
) -> list[Problem]:
    return [
        Problem(path, entry["line"], f"{what} lacks field {name!r}", "add it (null if none)")
        for name in names
        if name not in entry
    ]


def load_facts_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The facts declared in ``data/annotations/facts.yaml``, checked: unique ids, a known unit
    (or null for a statement), and a tolerance for every numeric fact.

    Each dict has the file's fields plus ``line``. Raises :class:`AnnotationError` naming the
    file and line of every problem.
    """
    path = (paths or project_paths()).annotations / "facts.yaml"
    entries = _read_entries(path, "facts")
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        missing = _check_fields(entry, _FACT_FIELDS, path, "fact")
        if missing:
            problems.extend(missing)
            continue
        fid, unit, tol = entry["fact_id"], entry["unit"], entry["tolerance_pct"]
        if fid in seen:
            problems.append(Problem(path, entry["line"], f"duplicate fact_id {fid!r}"))
        seen.add(fid)
        if unit is not None and unit not in vocab.UNITS:
            problems.append(
                Problem(
                    path,
                    entry["line"],
                    f"{fid}: unit {unit!r} is not in the vocabulary",
                    f"use one of {', '.join(vocab.UNITS)}, or null for a statement",
                )
            )
        if unit is not None and not (isinstance(tol, int | float) and tol >= 0):
            problems.append(
                Problem(
                    path,
                    entry["line"],
                    f"{fid}: tolerance_pct {tol!r} is not a number >= 0",
                    "a numeric fact needs a tolerance in percent",
                )
            )
        if unit is None and tol is not None:
            problems.append(
                Problem(
                    path,
                    entry["line"],
                    f"{fid}: a statement fact has no tolerance",
                    "set tolerance_pct: null",
                )
            )
    if problems:
        raise AnnotationError(problems)
    return entries


def load_derived_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The gap measures declared in ``data/annotations/derived.yaml``, checked for unique ids,
    a known operation and dimension. Each dict has the file's fields plus ``line``.

    Whether the figure ids exist is checked by :func:`derive_measures`, against the figures.
    """
    path = (paths or project_paths()).annotations / "derived.yaml"
    entries = _read_entries(path, "measures")
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        missing = _check_fields(entry, _DERIVED_FIELDS, path, "measure")
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


def _read_optional(path: Path, key: str) -> list[dict[str, Any]]:
    """Like :func:`_read_entries`, but a missing file is an empty list."""
    return _read_entries(path, key) if path.exists() else []


def _not_in(value: Any, allowed: Iterable[str], path: Path, line: Any, what: str) -> list[Problem]:
    allowed = list(allowed)
    if value in allowed:
        return []
    return [
        Problem(
            path,
            line,
            f"{what} {value!r} is not in the vocabulary",
            f"use one of {', '.join(allowed)}",
        )
    ]


def load_disagreements_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The disagreements declared in ``data/annotations/disagreements.yaml`` (none when the
    file is absent), checked: unique ids, known kind and dimension, at least two sides, each
    naming a report (a claim or figure id) and the position it takes.

    Whether the reports exist and come from two sources is checked against the corpus by
    ``gapstudy check``. Each dict has the file's fields plus ``line``; each side has ``line``.
    """
    path = (paths or project_paths()).annotations / "disagreements.yaml"
    entries = _read_optional(path, "disagreements")
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        missing = _check_fields(entry, _DISAGREEMENT_FIELDS, path, "disagreement")
        if missing:
            problems.extend(missing)
            continue
        did, line = entry["disagreement_id"], entry["line"]
        if did in seen:
            problems.append(Problem(path, line, f"duplicate disagreement_id {did!r}"))
        seen.add(did)
        problems += _not_in(entry["kind"], vocab.DISAGREEMENT_KINDS, path, line, f"{did}: kind")
        problems += _not_in(entry["dimension"], vocab.DIMENSIONS, path, line, f"{did}: dimension")
        sides = entry["sides"]
        if not isinstance(sides, list) or len(sides) < 2:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{did}: a disagreement needs at least two sides",
                    "list each under 'sides:'",
                )
            )
            continue
        for side in sides:
            if not isinstance(side, dict):
                problems.append(Problem(path, line, f"{did}: side {side!r} is not a mapping"))
                continue
            side["line"] = side.pop("__line__", line)
            problems += _check_fields(side, _SIDE_FIELDS, path, f"{did}: side")
    if problems:
        raise AnnotationError(problems)
    return entries


def load_references_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The reference checks declared in ``data/annotations/references.yaml`` (none when the
    file is absent), checked: one check per figure, a known status and unit, numbers where
    given, and an address and quote unless the status is ``unverifiable``.

    Whether the figures exist is checked against the corpus by ``gapstudy check``.
    """
    path = (paths or project_paths()).annotations / "references.yaml"
    entries = _read_optional(path, "references")
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        missing = _check_fields(entry, _REFERENCE_FIELDS, path, "reference check")
        if missing:
            problems.extend(missing)
            continue
        fid, line = entry["figure"], entry["line"]
        if fid in seen:
            problems.append(
                Problem(path, line, f"figure {fid!r} is checked twice", "merge the two entries")
            )
        seen.add(fid)
        problems += _not_in(entry["status"], vocab.REFERENCE_STATUSES, path, line, f"{fid}: status")
        if entry.get("unit") is not None:
            problems += _not_in(entry["unit"], vocab.UNITS, path, line, f"{fid}: unit")
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


# --- reconciliation ----------------------------------------------------------------------------


def _number(x: Any) -> float | None:
    """A float, or ``None`` for a missing value (pandas NA, NaN or None)."""
    if x is None or x is pd.NA:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def report_interval(bound: str, value: Any, low: Any, high: Any) -> tuple[float, float]:
    """The values a report's words allow, as ``(lowest, highest)``; open ends are infinite."""
    value, low, high = _number(value), _number(low), _number(high)
    if bound in ("exact", "approximate"):
        if value is None:
            raise TableError(f"a {bound} figure has no value (low={low}, high={high})")
        return value, value
    if bound == "upper":
        top = high if high is not None else value
        if top is None:
            raise TableError("an upper-bound figure has neither high nor value")
        return -math.inf, top
    if bound == "lower":
        bottom = low if low is not None else value
        if bottom is None:
            raise TableError("a lower-bound figure has neither low nor value")
        return bottom, math.inf
    if bound == "range":
        if low is None or high is None:
            raise TableError(f"a range figure lacks an end (low={low}, high={high})")
        return low, high
    raise TableError(f"unknown bound {bound!r}; use one of {', '.join(vocab.BOUNDS)}")


def _fmt(x: float) -> str:
    """A number for a note: whole numbers in full with thousands separators."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.6g}"


def judge_numeric_agreement(
    intervals: list[tuple[float, float]], tolerance_pct: float
) -> tuple[bool, str]:
    """Whether reports, given as value intervals, agree within ``tolerance_pct``; and why."""
    if not intervals:
        return True, "no report gives a number"
    lowest_top = min(hi for _, hi in intervals)
    highest_bottom = max(lo for lo, _ in intervals)
    if highest_bottom <= lowest_top:
        if highest_bottom == lowest_top:
            return True, f"every report allows {_fmt(lowest_top)}"
        if math.isinf(highest_bottom):
            return True, f"every report allows any value up to {_fmt(lowest_top)}"
        if math.isinf(lowest_top):
            return True, f"every report allows any value from {_fmt(highest_bottom)}"
        return (
            True,
            f"every report allows any value from {_fmt(highest_bottom)} to {_fmt(lowest_top)}",
        )
    gap_pct = (highest_bottom - lowest_top) / abs(lowest_top) * 100 if lowest_top else math.inf
    within = gap_pct <= tolerance_pct
    verdict = "within" if within else "beyond"
    return within, (
        f"{_fmt(highest_bottom)} and {_fmt(lowest_top)} differ by {gap_pct:.2g}% of the smaller,"
        f" {verdict} the {tolerance_pct:g}% tolerance"
    )


def _spread(rows: list[dict[str, Any]]) -> tuple[float | None, float | None]:
    numbers = [
        x
        for r in rows
        for x in (_number(r["value"]), _number(r["low"]), _number(r["high"]))
        if x is not None
    ]
    if not numbers:
        return None, None
    lo, hi = min(numbers), max(numbers)
    spread = hi - lo
    return spread, (spread / abs(lo) * 100 if lo else None)


def _text_or_none(x: Any) -> str | None:
    """A string, or ``None`` for a missing value (pandas NA, NaN or None)."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    return str(x)


def _stated(reports: list[dict[str, Any]], name: str) -> list[str]:
    """The distinct values the reports state for ``name``, in order; unstated ones left out."""
    values = [_text_or_none(r.get(name)) for r in reports]
    return list(dict.fromkeys(v for v in values if v is not None))


def describe_report_differences(reports: list[dict[str, Any]]) -> str:
    """What differs between a fact's reports, e.g. "period: 'next three to five years' vs
    'within five years'"; empty when they state the same (or nothing) in every compared field."""
    parts = []
    for name in _COMPARED_FIELDS:
        values = _stated(reports, name)
        if len(values) > 1:
            parts.append(f"{name}: " + " vs ".join(repr(v) for v in values))
    return "; ".join(parts)


def _has_column(frame: pd.DataFrame, name: str) -> bool:
    return name in frame.columns


def reconcile_facts(
    figures: pd.DataFrame, claims: pd.DataFrame, facts_spec: list[dict[str, Any]]
) -> pd.DataFrame:
    """The ``fact_values`` table: every report of every fact in ``facts_spec``, side by side.

    A report is a figure whose ``fact_id`` names the fact, or a claim pointing at the fact
    (``claims.fact_id``, when that column exists) that has no such figure: the claim's quote is
    then the report's words. A source reporting a fact twice gives two rows. Per fact, the rows
    repeat its spread (largest minus smallest number, and that relative to the smallest, in
    percent) and whether all its reports agree (see the module docstring).

    Raises :class:`TableError` for a figure or claim naming an undeclared fact, or a figure
    whose unit differs from its fact's.
    """
    table = schema.FACT_VALUES
    spec_by_id = {f["fact_id"]: f for f in facts_spec}
    order = {fid: n for n, fid in enumerate(spec_by_id)}
    claim_by_id = claims.set_index("claim_id", drop=False) if len(claims) else None

    reports: dict[str, list[dict[str, Any]]] = {fid: [] for fid in spec_by_id}
    figures_with_fact = figures[figures["fact_id"].notna()] if len(figures) else figures
    for fig in figures_with_fact.itertuples(index=False):
        spec = spec_by_id.get(fig.fact_id)
        if spec is None:
            raise TableError(
                f"figure {fig.figure_id} (line {fig.line}) names fact {fig.fact_id!r},"
                " which facts.yaml does not declare"
            )
        if spec["unit"] is not None and fig.unit != spec["unit"]:
            raise TableError(
                f"figure {fig.figure_id} (line {fig.line}, {fig.text!r}) is in {fig.unit!r} but"
                f" fact {fig.fact_id!r} is in {spec['unit']!r}"
            )
        if claim_by_id is None or fig.claim_id not in claim_by_id.index:
            raise TableError(f"figure {fig.figure_id}: claim {fig.claim_id} is not in the claims")
        claim = claim_by_id.loc[fig.claim_id]
        reports[fig.fact_id].append(
            {
                "fact_id": fig.fact_id,
                "report_id": fig.figure_id,
                "source_id": fig.source_id,
                "claim_id": fig.claim_id,
                "figure_id": fig.figure_id,
                "voice_id": fig.voice_id,
                "text": fig.text,
                "line": fig.line,
                "value": fig.value,
                "low": fig.low,
                "high": fig.high,
                "bound": fig.bound,
                "unit": fig.unit,
                "metric": fig.metric,
                "period": fig.period,
                "counterpart": fig.counterpart,
                "restates_report_id": getattr(fig, "restates_figure_id", None),
                "direction": claim["direction"],
                "stance": fig.stance,
                "_start": fig.char_start,
            }
        )
    covered = {(r["fact_id"], r["claim_id"]) for rows in reports.values() for r in rows}
    if _has_column(claims, "fact_id"):
        for claim in claims[claims["fact_id"].notna()].itertuples(index=False):
            if claim.fact_id not in spec_by_id:
                raise TableError(
                    f"claim {claim.claim_id} (line {claim.line}) names fact {claim.fact_id!r},"
                    " which facts.yaml does not declare"
                )
            if (claim.fact_id, claim.claim_id) in covered:
                continue
            reports[claim.fact_id].append(
                {
                    "fact_id": claim.fact_id,
                    "report_id": claim.claim_id,
                    "source_id": claim.source_id,
                    "claim_id": claim.claim_id,
                    "figure_id": None,
                    "voice_id": claim.voice_id,
                    "text": claim.quote,
                    "line": claim.line,
                    "value": None,
                    "low": None,
                    "high": None,
                    "bound": None,
                    "unit": None,
                    "metric": None,
                    "period": None,
                    "counterpart": None,
                    "restates_report_id": None,
                    "direction": claim.direction,
                    "stance": claim.stance,
                    "_start": claim.char_start,
                }
            )

    rows: list[dict[str, Any]] = []
    for fid, fact_rows in reports.items():
        if not fact_rows:
            continue
        spec = spec_by_id[fid]
        fact_rows.sort(key=lambda r: (r["source_id"], r["line"], r["_start"], r["report_id"]))
        numeric = [r for r in fact_rows if r["bound"] is not None]
        if spec["unit"] is None:
            directions = sorted({r["direction"] for r in fact_rows})
            stances = sorted({r["stance"] for r in fact_rows})
            is_agreeing = len(directions) == 1
            note = (
                f"every report says {directions[0]}"
                if is_agreeing
                else f"directions differ: {', '.join(directions)}"
            ) + f"; stances: {', '.join(stances)}"
            spread = spread_pct = None
        else:
            intervals = []
            for r in numeric:
                try:
                    intervals.append(report_interval(r["bound"], r["value"], r["low"], r["high"]))
                except TableError as err:
                    raise TableError(f"figure {r['report_id']} (line {r['line']}): {err}") from err
            is_agreeing, note = judge_numeric_agreement(intervals, float(spec["tolerance_pct"]))
            spread, spread_pct = _spread(numeric)
            if len(numeric) < len(fact_rows):
                note += f"; {len(fact_rows) - len(numeric)} report(s) give no number"
        for r in fact_rows:
            r["restates_report_id"] = _text_or_none(r["restates_report_id"])
            r["is_independent"] = r["restates_report_id"] is None
        n_sources = len({r["source_id"] for r in fact_rows})
        independent = [r for r in fact_rows if r["is_independent"]]
        differs = describe_report_differences(independent)
        if differs:
            note += "; reports differ in " + differs
        n_restating = len(fact_rows) - len(independent)
        if n_restating:
            note += f"; {n_restating} report(s) restate an earlier one in the same source"
        for r in fact_rows:
            r.pop("_start")
            rows.append(
                {
                    **r,
                    "n_sources": n_sources,
                    "n_independent_reports": len(independent),
                    "differs_in": ", ".join(
                        f for f in _COMPARED_FIELDS if len(_stated(independent, f)) > 1
                    )
                    or None,
                    "spread": spread,
                    "spread_pct": spread_pct,
                    "tolerance_pct": spec["tolerance_pct"],
                    "is_agreeing": is_agreeing,
                    "agreement_note": note,
                }
            )
    rows.sort(key=lambda r: order[r["fact_id"]])
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return frame.astype(table.dtypes).reset_index(drop=True)


# --- derived measures --------------------------------------------------------------------------


def derive_measures(figures: pd.DataFrame, derived_spec: list[dict[str, Any]]) -> pd.DataFrame:
    """The ``derived_measures`` table: each measure of ``derived_spec`` computed from the two
    figures it names, with their ids, words and values so that it traces back.

    A ratio is numerator / denominator in ``fold``, refused for percentages; a difference (two
    entities at one time) and a change (one quantity, later minus earlier) are numerator -
    denominator in the figures' unit (``percentage_point`` when they are percentages). Both
    figures must come from one source, share a unit and give a point value (a bound has no
    ratio); a change needs the same entity and counterpart at both ends. Raises
    :class:`TableError` naming the measure and the figure otherwise.
    """
    table = schema.DERIVED_MEASURES
    by_id = figures.set_index("figure_id", drop=False) if len(figures) else None
    rows = []
    for spec in derived_spec:
        mid, line = spec["measure_id"], spec.get("line")
        where = f"measure {mid!r} (derived.yaml line {line})"
        picked = {}
        for role in ("numerator", "denominator"):
            fid = spec[role]
            if by_id is None or fid not in by_id.index:
                raise TableError(f"{where}: {role} figure {fid!r} is not in the figures table")
            fig = by_id.loc[fid]
            if _number(fig["value"]) is None or fig["bound"] not in ("exact", "approximate"):
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
        if spec["operation"] == "ratio" and num["unit"] in PERCENT_UNITS:
            raise TableError(
                f"{where}: a ratio of two figures in {num['unit']}; compare percentages by their"
                " difference (operation: difference or change)"
            )
        if spec["operation"] == "change":
            for name in ("entity", "counterpart"):
                if _text_or_none(num[name]) != _text_or_none(den[name]):
                    raise TableError(
                        f"{where}: a change compares one quantity over time, but the {name}s"
                        f" differ ({num[name]} vs {den[name]})"
                    )
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


# --- data for the gap plots --------------------------------------------------------------------

GAP_COLUMNS = (
    "dimension",
    "unit",
    "entity",
    "label",
    "low",
    "value",
    "high",
    "bound",
    "start_value",
    "start_text",
    "start_period",
    "period",
    "change_value",
    "change_unit",
    "stance",
    "source_id",
    "item_id",
    "text",
    "reading",
)
_GAP_NUMBERS = ("low", "value", "high", "start_value", "change_value")
_UNIT_ORDER = {unit: n for n, unit in enumerate(vocab.UNITS)}
_DIMENSION_ORDER = {dimension: n for n, dimension in enumerate(vocab.DIMENSIONS)}


def _is_us_china(entity: Any, counterpart: Any) -> bool:
    return entity in US_CHINA and counterpart in US_CHINA and entity != counterpart


def _figure_mark(fig: Any) -> dict[str, Any]:
    """A figure as one mark in its own unit: bounds stay bounds (open ends empty)."""
    lo, hi = report_interval(fig.bound, fig.value, fig.low, fig.high)
    return {
        "dimension": fig.dimension,
        "unit": fig.unit,
        "entity": _text_or_none(fig.entity),
        "label": fig.metric,
        "low": None if math.isinf(lo) else lo,
        "value": _number(fig.value),
        "high": None if math.isinf(hi) else hi,
        "bound": fig.bound,
        "period": _text_or_none(fig.period),
        "stance": fig.stance,
        "source_id": fig.source_id,
        "item_id": fig.figure_id,
        "text": fig.text,
        "reading": f"{fig.unit.replace('_', ' ')}, as written",
    }


def _measure_mark(m: Any, figure: dict[str, Any]) -> dict[str, Any]:
    """A derived ratio or difference as one mark: a ratio in fold, the US first."""
    value, reading = float(m.value), f"derived {m.operation} of two figures"
    if m.operation == "ratio" and m.numerator_entity == "China":
        value, reading = 1 / value, f"{reading}, inverted to put the US first"
    return {
        "dimension": m.dimension,
        "unit": m.unit,
        "entity": m.numerator_entity if m.operation == "difference" else None,
        "label": m.description,
        "low": value,
        "value": value,
        "high": value,
        "bound": m.bound,
        "period": _text_or_none(figure.get("period")),
        "stance": m.stance,
        "source_id": m.source_id,
        "item_id": m.measure_id,
        "text": f"{m.numerator_text} / {m.denominator_text}"
        if m.operation == "ratio"
        else f"{m.numerator_text} - {m.denominator_text}",
        "reading": reading,
    }


def _change_mark(m: Any, end: dict[str, Any], start: dict[str, Any]) -> dict[str, Any]:
    """A change of one quantity over time: an arrow from the earlier figure to the later, both
    in the figures' own unit; the change itself in the measure's unit."""
    return {
        "dimension": m.dimension,
        "unit": end.get("unit") or m.unit,
        "entity": m.numerator_entity,
        "label": m.description,
        "low": float(m.numerator_value),
        "value": float(m.numerator_value),
        "high": float(m.numerator_value),
        "bound": m.bound,
        "start_value": float(m.denominator_value),
        "start_text": m.denominator_text,
        "start_period": _text_or_none(start.get("period")),
        "period": _text_or_none(end.get("period")),
        "change_value": float(m.value),
        "change_unit": m.unit,
        "stance": m.stance,
        "source_id": m.source_id,
        "item_id": m.measure_id,
        "text": m.numerator_text,
        "reading": "change from the earlier figure to the later",
    }


def _marks_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(GAP_COLUMNS))
    frame = frame.astype({c: ("Float64" if c in _GAP_NUMBERS else "string") for c in GAP_COLUMNS})
    frame["_dimension"] = frame["dimension"].map(_DIMENSION_ORDER)
    frame["_unit"] = frame["unit"].map(_UNIT_ORDER)
    frame["_sort"] = frame["value"].fillna(frame["low"]).fillna(frame["high"])
    frame = frame.sort_values(["_dimension", "_unit", "_sort", "item_id"], kind="stable")
    return frame.drop(columns=["_dimension", "_unit", "_sort"]).reset_index(drop=True)


def _measure_marks(
    figures: pd.DataFrame, derived: pd.DataFrame, *, is_gap_only: bool
) -> pd.DataFrame:
    """Marks for the figures and derived measures; with ``is_gap_only`` only US:China gaps and
    changes of a US or Chinese quantity. A figure drawn as an end of a change is not drawn
    again on its own."""
    by_id = {fig.figure_id: fig._asdict() for fig in figures.itertuples(index=False)}
    rows, ends = [], set()
    for m in derived.itertuples(index=False):
        numerator = by_id.get(m.numerator_figure_id, {})
        denominator = by_id.get(m.denominator_figure_id, {})
        pair = _is_us_china(m.numerator_entity, m.denominator_entity)
        is_change = m.operation == "change" or (
            m.operation == "difference" and m.numerator_entity == m.denominator_entity
        )
        if is_change:
            if is_gap_only and m.numerator_entity not in US_CHINA:
                continue
            rows.append(_change_mark(m, numerator, denominator))
            ends |= {m.numerator_figure_id, m.denominator_figure_id}
        elif pair or not is_gap_only:
            rows.append(_measure_mark(m, numerator))
    for fig in figures.itertuples(index=False):
        if fig.figure_id in ends:
            continue
        if is_gap_only:
            pair = _is_us_china(fig.entity, fig.counterpart)
            is_lead = fig.unit == "percentage_point" or (
                fig.unit == "percent" and fig.dimension == "benchmark_performance"
            )
            if not (pair and (fig.unit == "fold" or is_lead)):
                continue
        rows.append(_figure_mark(fig))
    return _marks_frame(rows)


def gap_measures(figures: pd.DataFrame, derived: pd.DataFrame) -> pd.DataFrame:
    """Every US:China gap in the figures, each in its own unit, one mark per row.

    Counted as a gap: (1) a figure in ``fold`` between the United States and China (every such
    figure in the corpus speaks of a US lead); (2) a lead between the two in percentage points,
    or in percent on benchmark performance (a difference of two scores, kept in the unit as
    written: never turned into a ratio); (3) a derived ratio between the two, in fold, the US
    first; (4) a derived change over time of a US or Chinese quantity (a lead, a share), drawn
    from its earlier figure (``start_*``) to its later one in the figures' unit, with the change
    in ``change_value``/``change_unit``; the two figures it joins are not repeated.

    Bounds stay bounds: ``low``/``high`` are empty where open. Columns: ``GAP_COLUMNS``;
    ``item_id`` is the figure or measure id; ``reading`` says how the number was read. Sorted
    by dimension and unit (vocabulary order), then value, then id.
    """
    return _measure_marks(figures, derived, is_gap_only=True)


_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_PART_OF_YEAR = {"early": 0.17, "mid": 0.5, "late": 0.83, "end": 0.95, "beginning": 0.05}
_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_MONTH_YEAR = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?,?\s+(?:of\s+)?((?:19|20)\d{2})\b"
    r"|\b((?:19|20)\d{2})-(0[1-9]|1[0-2])\b",
    re.IGNORECASE,
)


def period_as_year(period: str | None) -> float | None:
    """A period as written ('late 2023', '2024', 'as of March 2026') as a decimal year, or
    ``None`` when it names no year.

    A month and its year sit at the middle of the month; a bare year at its middle (x.5);
    'early', 'mid', 'late' move it within the year.
    """
    if period is None or period is pd.NA:
        return None
    month = _MONTH_YEAR.search(period)
    if month is not None:
        if month.group(1):
            number, year = _MONTHS.index(month.group(1).casefold()[:3]) + 1, int(month.group(2))
        else:
            number, year = int(month.group(4)), int(month.group(3))
        return year + (number - 0.5) / 12
    match = _YEAR.search(period)
    if match is None:
        return None
    year = int(match.group())
    words = period.casefold()
    part = next((v for k, v in _PART_OF_YEAR.items() if k in words), 0.5)
    return year + part


_MONTH_NAME = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b",
    re.IGNORECASE,
)


def _month_in_year_of(period: Any, published: Any) -> float | None:
    """A month named without its year ('As of April 30'), in the year its source was
    published, as a decimal year; ``None`` when either is missing."""
    month = None if _text_or_none(period) is None else _MONTH_NAME.search(str(period))
    if month is None or _text_or_none(published) is None:
        return None
    number = _MONTHS.index(month.group(1).casefold()[:3]) + 1
    return int(str(published)[:4]) + (number - 0.5) / 12


def published_as_year(published: str | None) -> float | None:
    """An ISO publication date ('2026-05-27', '2026-05', '2026') as a decimal year."""
    if published is None or published is pd.NA:
        return None
    parts = [int(p) for p in str(published).split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 0.5) / 365


BENCHMARK_COLUMNS = (
    "figure_id",
    "source_id",
    "label",
    "text",
    "value",
    "unit",
    "year",
    "is_year_from_source",
    "stance",
)


def benchmark_gap_points(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The US lead on benchmarks, each in its own unit and placed in time: one row per figure.

    Takes the benchmark leads between the United States and China in percentage points, or in
    percent as written when the text does not say which. The time is the figure's period, to the
    month where the period names one (a month without its year, 'As of April 30', takes the year
    of its source's publication); a figure whose period gives no time is placed at its source's
    publication date (``is_year_from_source``); one with neither is kept with an empty year.
    An upper bound is placed at its upper end. Columns: ``BENCHMARK_COLUMNS``; sorted by label,
    year, figure id.
    """
    published = dict(zip(sources["source_id"], sources["published"], strict=True))
    pair = figures["entity"].isin(US_CHINA) & figures["counterpart"].isin(US_CHINA)
    picked = figures[
        pair
        & (figures["entity"] != figures["counterpart"])
        & figures["unit"].isin(PERCENT_UNITS)
        & (figures["dimension"] == "benchmark_performance")
    ]
    rows = []
    for fig in picked.itertuples(index=False):
        year = period_as_year(fig.period)
        if year is None and fig.period_precision in ("month", "day"):
            year = _month_in_year_of(fig.period, published.get(fig.source_id))
        from_source = year is None
        if from_source:
            year = published_as_year(published.get(fig.source_id))
        value = _number(fig.value)
        rows.append(
            {
                "figure_id": fig.figure_id,
                "source_id": fig.source_id,
                "label": fig.metric,
                "text": fig.text,
                "value": value if value is not None else _number(fig.high),
                "unit": fig.unit,
                "year": year,
                "is_year_from_source": from_source,
                "stance": fig.stance,
            }
        )
    frame = pd.DataFrame(rows, columns=list(BENCHMARK_COLUMNS)).astype(
        {
            "figure_id": "string",
            "source_id": "string",
            "label": "string",
            "text": "string",
            "value": "Float64",
            "unit": "string",
            "year": "Float64",
            "is_year_from_source": "boolean",
            "stance": "string",
        }
    )
    return frame.sort_values(["label", "year", "figure_id"], kind="stable").reset_index(drop=True)


# --- counts for the corpus and viewpoint plots -------------------------------------------------


def count_segment_lines(segments: pd.DataFrame) -> pd.DataFrame:
    """Lines per segment kind per source: columns source_id, kind, n_lines.

    Sources keep their order in ``segments``; kinds follow ``vocab.SEGMENT_KINDS``.
    """
    lines = segments.assign(n_lines=segments["line_end"] - segments["line_start"] + 1)
    counts = lines.groupby(["source_id", "kind"], sort=False)["n_lines"].sum().reset_index()
    return _order(
        counts,
        "source_id",
        list(pd.unique(segments["source_id"])),
        "kind",
        list(vocab.SEGMENT_KINDS),
        "n_lines",
    )


MENTION_STATUSES = tuple(vocab.MENTION_STATUSES)


def count_mentions_by_status(mentions: pd.DataFrame) -> pd.DataFrame:
    """Numeric mentions per status per source: columns source_id, status, n_mentions.

    Every (source, status) pair appears, with 0 where none, so open mentions are never hidden.
    """
    counts = mentions.groupby(["source_id", "status"], sort=False).size().rename("n_mentions")
    return _order(
        counts.reset_index(),
        "source_id",
        list(pd.unique(mentions["source_id"])),
        "status",
        list(MENTION_STATUSES),
        "n_mentions",
    )


def count_claims_by_dimension(
    claims: pd.DataFrame, stances: tuple[str, ...] = ("optimist", "skeptic")
) -> pd.DataFrame:
    """Claims per dimension per stance, for the stances given: columns dimension, stance,
    n_claims; every (dimension cited by anyone, stance) pair appears, with 0 where none.

    Dimensions follow ``vocab.DIMENSIONS``.
    """
    picked = claims[claims["stance"].isin(stances)]
    counts = picked.groupby(["dimension", "stance"], sort=False).size().rename("n_claims")
    cited = [d for d in vocab.DIMENSIONS if d in set(picked["dimension"])]
    return _order(counts.reset_index(), "dimension", cited, "stance", list(stances), "n_claims")


def _order(
    counts: pd.DataFrame, outer: str, outer_order: list, inner: str, inner_order: list, value: str
) -> pd.DataFrame:
    """``counts`` completed to every (outer, inner) pair (0 where missing), in the given orders."""
    index = pd.MultiIndex.from_product([outer_order, inner_order], names=[outer, inner])
    full = counts.set_index([outer, inner])[value].reindex(index, fill_value=0).reset_index()
    return full.astype({outer: "string", inner: "string", value: "Int64"})


def dimension_tables(tables: dict[str, pd.DataFrame], dimension: str) -> dict[str, pd.DataFrame]:
    """What the tables hold on one dimension: its ``claims`` (with the speaker's name),
    ``figures``, ``derived_measures``, US:China ``gaps`` (see :func:`gap_measures`) and
    ``marks``: every figure and derived measure of the dimension as a mark in its own unit, a
    change drawn from its earlier figure to its later one (columns as :func:`gap_measures`).

    Raises :class:`ParameterError` for a dimension not in ``vocab.DIMENSIONS``.
    """
    if dimension not in vocab.DIMENSIONS:
        raise ParameterError(
            f"dimension {dimension!r} is not in the vocabulary; use one of"
            f" {', '.join(vocab.DIMENSIONS)}"
        )
    names = tables["voices"].set_index("voice_id")["name"]
    claims = tables["claims"][tables["claims"]["dimension"] == dimension]
    claims = claims.assign(speaker=claims["voice_id"].map(names).astype("string"))
    figures = tables["figures"][tables["figures"]["dimension"] == dimension]
    derived = tables["derived_measures"]
    derived = derived[derived["dimension"] == dimension]
    gaps = gap_measures(tables["figures"], tables["derived_measures"])
    return {
        "claims": claims.reset_index(drop=True),
        "figures": figures.reset_index(drop=True),
        "derived_measures": derived.reset_index(drop=True),
        "gaps": gaps[gaps["dimension"] == dimension].reset_index(drop=True),
        "marks": _measure_marks(figures, derived, is_gap_only=False),
    }


def disagreements_read(disagreements: pd.DataFrame) -> pd.DataFrame:
    """The sides of the disagreements that still set two or more sources against each other
    once a run's selection is applied (a side left alone is no disagreement), in table order."""
    n_sources = disagreements.groupby("disagreement_id")["source_id"].transform("nunique")
    return disagreements[n_sources >= 2].reset_index(drop=True)


def benchmark_changes(derived: pd.DataFrame) -> pd.DataFrame:
    """The derived changes on benchmark performance: how a benchmark lead changed over time."""
    picked = derived["operation"].isin(("change", "difference")) & (
        derived["dimension"] == "benchmark_performance"
    )
    return derived[picked].reset_index(drop=True)


# --- disagreements and reference checks --------------------------------------------------------


def list_disagreements(
    claims: pd.DataFrame, figures: pd.DataFrame, spec: list[dict[str, Any]]
) -> pd.DataFrame:
    """The ``disagreements`` table: one row per side of each disagreement in ``spec``, with the
    side's claim (or figure), its words, direction and stance, and the position it takes.

    Raises :class:`TableError` for a side naming no claim or figure of the tables.
    """
    table = schema.DISAGREEMENTS
    claim_by_id = claims.set_index("claim_id", drop=False)
    figure_by_id = figures.set_index("figure_id", drop=False)
    rows = []
    for entry in spec:
        did = entry["disagreement_id"]
        sides = []
        for side in entry["sides"]:
            rid = side["report"]
            if rid in figure_by_id.index:
                fig = figure_by_id.loc[rid]
                claim = claim_by_id.loc[fig["claim_id"]]
                quote, line, figure_id = fig["text"], fig["line"], rid
            elif rid in claim_by_id.index:
                claim = claim_by_id.loc[rid]
                quote, line, figure_id = claim["quote"], claim["line"], None
            else:
                raise TableError(
                    f"disagreement {did!r} (disagreements.yaml line {side['line']}): {rid!r} is"
                    " neither a claim nor a figure"
                )
            sides.append(
                {
                    "disagreement_id": did,
                    "kind": entry["kind"],
                    "dimension": entry["dimension"],
                    "question": entry["question"],
                    "period": entry["period"],
                    "what_differs": entry["what_differs"],
                    "report_id": rid,
                    "source_id": claim["source_id"],
                    "claim_id": claim["claim_id"],
                    "figure_id": figure_id,
                    "voice_id": claim["voice_id"],
                    "quote": quote,
                    "line": line,
                    "direction": claim["direction"],
                    "stance": claim["stance"],
                    "position": side["position"],
                    "note": entry.get("note"),
                }
            )
        n_sources = len({side["source_id"] for side in sides})
        rows += [{**side, "n_sources": n_sources} for side in sides]
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return frame.astype(table.dtypes).reset_index(drop=True)


def check_references(figures: pd.DataFrame, spec: list[dict[str, Any]]) -> pd.DataFrame:
    """The ``reference_checks`` table: each figure of ``spec`` beside what its primary source
    says, in the order of the spec. Raises :class:`TableError` for an unknown figure."""
    table = schema.REFERENCE_CHECKS
    by_id = figures.set_index("figure_id", drop=False)
    rows = []
    for entry in spec:
        fid = entry["figure"]
        if fid not in by_id.index:
            raise TableError(
                f"references.yaml line {entry['line']}: figure {fid!r} is not in the figures table"
            )
        fig = by_id.loc[fid]
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
