"""Facts reconciled across sources, and the numbers the notebooks draw from the tables.

Everything here is a pure function of frames (plus the hand-written spec
``data/annotations/facts.yaml``), so the numbers in the ``fact_values`` table are computed from
the figures, never typed in. Gap measures derived from two figures are in
:mod:`gapstudy.measures`, disagreements in :mod:`gapstudy.disagreements`, checks against primary
sources in :mod:`gapstudy.references`.

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
from types import SimpleNamespace
from typing import Any

import pandas as pd

from gapstudy import periods, schema, vocab
from gapstudy.exceptions import AnnotationError, ParameterError, Problem, TableError
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.specfile import check_fields, read_entries

US_CHINA = frozenset({"United States", "China"})
# Fields of a fact's reports compared to say what differs between them.
COMPARED_FIELDS = ("period", "counterpart", "unit")
PERCENT_UNITS = ("percent", "percentage_point")

_FACT_FIELDS = ("fact_id", "description", "unit", "tolerance_pct")


# --- the facts spec ----------------------------------------------------------------------------


def load_facts_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The facts declared in ``data/annotations/facts.yaml``, checked: unique ids, a known unit
    (or null for a statement), and a tolerance for every numeric fact.

    Each dict has the file's fields plus ``line``. Raises :class:`AnnotationError` naming the
    file and line of every problem.
    """
    path = (paths or project_paths()).annotations / "facts.yaml"
    entries = read_entries(path, "facts")
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        missing = check_fields(entry, _FACT_FIELDS, path, "fact")
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


# --- reconciliation ----------------------------------------------------------------------------


def number_or_none(x: Any) -> float | None:
    """A float, or ``None`` for a missing value (pandas NA, NaN or None)."""
    if x is None or x is pd.NA:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def report_interval(bound: str, value: Any, low: Any, high: Any) -> tuple[float, float]:
    """The values a report's words allow, as ``(lowest, highest)``; open ends are infinite."""
    value, low, high = number_or_none(value), number_or_none(low), number_or_none(high)
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
        for x in (number_or_none(r["value"]), number_or_none(r["low"]), number_or_none(r["high"]))
        if x is not None
    ]
    if not numbers:
        return None, None
    lo, hi = min(numbers), max(numbers)
    spread = hi - lo
    return spread, (spread / abs(lo) * 100 if lo else None)


def text_or_none(x: Any) -> str | None:
    """A string, or ``None`` for a missing value (pandas NA, NaN or None)."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    return str(x)


def capitalised(name: Any) -> Any:
    """A name as it starts a table cell or a sentence: its first letter upper-cased when its
    first word is all lower case ("the National Data Bureau" as "The National Data Bureau",
    "experts" as "Experts"), else as written ("iFlytek", "DeepSeek"). A missing value is kept;
    the stored name is never changed."""
    text = text_or_none(name)
    if text is None:
        return name
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return text[:1].upper() + text[1:] if first.islower() and first.isalpha() else text


def _stated(reports: list[dict[str, Any]], name: str) -> list[str]:
    """The distinct values the reports state for ``name``, in order; unstated ones left out."""
    values = [text_or_none(r.get(name)) for r in reports]
    return list(dict.fromkeys(v for v in values if v is not None))


def describe_report_differences(reports: list[dict[str, Any]]) -> str:
    """What differs between a fact's reports, e.g. "period: 'next three to five years' vs
    'within five years'"; empty when they state the same (or nothing) in every compared field."""
    parts = []
    for name in COMPARED_FIELDS:
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
    reports: dict[str, list[dict[str, Any]]] = {fid: [] for fid in spec_by_id}
    for report in _figure_reports(figures, claims, spec_by_id):
        reports[report["fact_id"]].append(report)
    covered = {(r["fact_id"], r["claim_id"]) for rows in reports.values() for r in rows}
    for report in _claim_reports(claims, spec_by_id, covered):
        reports[report["fact_id"]].append(report)
    rows: list[dict[str, Any]] = []
    for fid, fact_rows in reports.items():
        if fact_rows:
            rows += _judge_fact(spec_by_id[fid], fact_rows)
    rows.sort(key=lambda r: order[r["fact_id"]])
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return frame.astype(table.dtypes).reset_index(drop=True)


def _figure_reports(
    figures: pd.DataFrame, claims: pd.DataFrame, spec_by_id: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """A report for each figure that names a fact, checked against the fact's unit."""
    claim_by_id = schema.rows_by_id(claims, "claim_id", ("direction",)) if len(claims) else None
    reports = []
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
        if claim_by_id is None or fig.claim_id not in claim_by_id:
            raise TableError(f"figure {fig.figure_id}: claim {fig.claim_id} is not in the claims")
        claim = claim_by_id[fig.claim_id]
        reports.append(
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
    return reports


def _claim_reports(
    claims: pd.DataFrame,
    spec_by_id: dict[str, dict[str, Any]],
    covered: set[tuple[str, str]],
) -> list[dict[str, Any]]:
    """A report for each claim that names a fact and has no figure reporting it (``covered``):
    its quote is the report's words, with no number."""
    if not _has_column(claims, "fact_id"):
        return []
    reports = []
    for claim in claims[claims["fact_id"].notna()].itertuples(index=False):
        if claim.fact_id not in spec_by_id:
            raise TableError(
                f"claim {claim.claim_id} (line {claim.line}) names fact {claim.fact_id!r},"
                " which facts.yaml does not declare"
            )
        if (claim.fact_id, claim.claim_id) in covered:
            continue
        reports.append(
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
    return reports


def _agreement(
    spec: dict[str, Any], fact_rows: list[dict[str, Any]]
) -> tuple[bool, str, float | None, float | None]:
    """Whether a fact's reports agree, the note saying why, and their spread (absolute and in
    percent of the smallest number; ``None`` for a statement fact)."""
    if spec["unit"] is None:
        directions = sorted({r["direction"] for r in fact_rows})
        stances = sorted({r["stance"] for r in fact_rows})
        is_agreeing = len(directions) == 1
        note = (
            f"every report says {directions[0]}"
            if is_agreeing
            else f"directions differ: {', '.join(directions)}"
        ) + f"; stances: {', '.join(stances)}"
        return is_agreeing, note, None, None
    numeric = [r for r in fact_rows if r["bound"] is not None]
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
    return is_agreeing, note, spread, spread_pct


def _judge_fact(spec: dict[str, Any], fact_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of one fact: its reports in text order, each with the fact's verdict, spread,
    count of sources and of independent reports (a restatement is not a second report)."""
    fact_rows.sort(key=lambda r: (r["source_id"], r["line"], r["_start"], r["report_id"]))
    is_agreeing, note, spread, spread_pct = _agreement(spec, fact_rows)
    for r in fact_rows:
        r["restates_report_id"] = text_or_none(r["restates_report_id"])
        r["is_independent"] = r["restates_report_id"] is None
    n_sources = len({r["source_id"] for r in fact_rows})
    independent = [r for r in fact_rows if r["is_independent"]]
    differs = describe_report_differences(independent)
    if differs:
        note += "; reports differ in " + differs
    n_restating = len(fact_rows) - len(independent)
    if n_restating:
        note += f"; {n_restating} report(s) restate an earlier one in the same source"
    rows = []
    for r in fact_rows:
        r.pop("_start")
        rows.append(
            {
                **r,
                "n_sources": n_sources,
                "n_independent_reports": len(independent),
                "differs_in": ", ".join(
                    f for f in COMPARED_FIELDS if len(_stated(independent, f)) > 1
                )
                or None,
                "spread": spread,
                "spread_pct": spread_pct,
                "tolerance_pct": spec["tolerance_pct"],
                "is_agreeing": is_agreeing,
                "agreement_note": note,
            }
        )
    return rows


# --- data for the gap plots --------------------------------------------------------------------

GAP_COLUMNS = (
    "dimension",
    "kind",
    "quantity",
    "unit",
    "entity",
    "counterpart",
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
# What a mark is, so that nothing of one kind is drawn as another (a share is never a gap): a
# ``gap`` between the United States and China (a multiple, or a lead in points), a ``share`` of a
# whole, a ``chance``, a ``change`` of one quantity over time, or a ``level`` (an amount, a count,
# a span of time). A change whose two ends are both gaps or both shares keeps its ends' kind: it
# is drawn as that quantity at two dates.
MARK_KINDS: dict[str, str] = {
    "gap": "the US lead over China",
    "share": "a share of a whole",
    "chance": "a chance or probability",
    "change": "a change of one quantity",
    "level": "an amount, a count or a span of time",
}
_CHANCE_WORDS = re.compile(r"\b(chance|probability|odds)\b", re.IGNORECASE)


def figure_kind(fig: Any) -> str:
    """The kind of mark a figure is (a key of ``MARK_KINDS``)."""
    is_lead = fig.unit == "percentage_point" or (
        fig.unit == "percent" and fig.dimension == "benchmark_performance"
    )
    if fig.kind == "change":
        return "change"
    if _is_us_china(fig.entity, fig.counterpart) and (fig.unit == "fold" or is_lead):
        return "gap"
    if fig.unit == "percent":
        return "chance" if _CHANCE_WORDS.search(str(fig.metric)) else "share"
    return "level"


_UNIT_ORDER = {unit: n for n, unit in enumerate(vocab.UNITS)}
_DIMENSION_ORDER = {dimension: n for n, dimension in enumerate(vocab.DIMENSIONS)}


def _is_us_china(entity: Any, counterpart: Any) -> bool:
    return entity in US_CHINA and counterpart in US_CHINA and entity != counterpart


def _figure_mark(fig: Any) -> dict[str, Any]:
    """A figure as one mark in its own unit: bounds stay bounds (open ends empty)."""
    lo, hi = report_interval(fig.bound, fig.value, fig.low, fig.high)
    return {
        "dimension": fig.dimension,
        "kind": figure_kind(fig),
        "unit": fig.unit,
        "entity": text_or_none(fig.entity),
        "counterpart": text_or_none(fig.counterpart),
        "label": fig.metric,
        "low": None if math.isinf(lo) else lo,
        "value": number_or_none(fig.value),
        "high": None if math.isinf(hi) else hi,
        "bound": fig.bound,
        "period": text_or_none(fig.period),
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
    pair = _is_us_china(m.numerator_entity, m.denominator_entity)
    first, second = m.numerator_entity, m.denominator_entity
    if m.operation == "ratio" and m.numerator_entity == "China":
        first, second = second, first
    return {
        "dimension": m.dimension,
        "kind": "gap" if pair else "level",
        "unit": m.unit,
        "entity": text_or_none(first),
        "counterpart": text_or_none(second),
        "label": m.description,
        "low": value,
        "value": value,
        "high": value,
        "bound": m.bound,
        "period": text_or_none(figure.get("period")),
        "stance": m.stance,
        "source_id": m.source_id,
        "item_id": m.measure_id,
        "text": f"{m.numerator_text} / {m.denominator_text}"
        if m.operation == "ratio"
        else f"{m.numerator_text} - {m.denominator_text}",
        "reading": reading,
    }


def _change_kind(end: dict[str, Any], start: dict[str, Any]) -> str:
    """A change's kind: its ends' kind when both ends are of one kind, else ``change``."""
    kinds = {figure_kind(SimpleNamespace(**f)) for f in (end, start) if f}
    return kinds.pop() if len(kinds) == 1 else "change"


def _change_mark(m: Any, end: dict[str, Any], start: dict[str, Any]) -> dict[str, Any]:
    """A change of one quantity over time: an arrow from the earlier figure to the later, both
    in the figures' own unit; the change itself in the measure's unit."""
    return {
        "dimension": m.dimension,
        "kind": _change_kind(end, start),
        "unit": end.get("unit") or m.unit,
        "entity": m.numerator_entity,
        "counterpart": text_or_none(end.get("counterpart")),
        "label": m.description,
        "low": float(m.numerator_value),
        "value": float(m.numerator_value),
        "high": float(m.numerator_value),
        "bound": m.bound,
        "start_value": float(m.denominator_value),
        "start_text": m.denominator_text,
        "start_period": text_or_none(start.get("period")),
        "period": text_or_none(end.get("period")),
        "change_value": float(m.value),
        "change_unit": m.unit,
        "stance": m.stance,
        "source_id": m.source_id,
        "item_id": m.measure_id,
        "text": m.numerator_text,
        "reading": "change from the earlier figure to the later",
    }


def _quantity(row: dict[str, Any]) -> str:
    """What an axis of marks measures: a count measures the things it counts (models are not
    downloads), a share the whole it divides (an average share is not a peak week's), anything
    else its kind in its unit (dollars are dollars)."""
    if row["kind"] == "level" and row["unit"] == "count":
        return str(row["label"])
    if row["kind"] == "share":  # a share of one whole is not a share of another
        return str(row["label"])
    return str(row["kind"])


def _marks_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [{**row, "quantity": _quantity(row)} for row in rows]
    frame = pd.DataFrame(rows, columns=list(GAP_COLUMNS))
    frame = frame.astype({c: ("Float64" if c in _GAP_NUMBERS else "string") for c in GAP_COLUMNS})
    frame["_dimension"] = frame["dimension"].map(_DIMENSION_ORDER)
    frame["_kind"] = frame["kind"].map({kind: n for n, kind in enumerate(MARK_KINDS)})
    frame["_unit"] = frame["unit"].map(_UNIT_ORDER)
    frame["_sort"] = frame["value"].fillna(frame["low"]).fillna(frame["high"])
    order = ["_dimension", "_kind", "quantity", "_unit", "_sort", "item_id"]
    frame = frame.sort_values(order, kind="stable")
    return frame.drop(columns=[c for c in order if c.startswith("_")]).reset_index(drop=True)


def restated_roots(figures: pd.DataFrame) -> dict[str, str]:
    """For each figure that restates another of ``figures`` (``restates_figure_id``, followed
    down a chain of restatements), the figure it first restates: a summary bullet or a currency
    conversion in brackets is the same report told again, not a second one. A figure that
    restates one not among ``figures`` is left out (it then stands alone)."""
    if "restates_figure_id" not in figures.columns:
        return {}
    told = {
        f: r
        for f, r in zip(figures["figure_id"], figures["restates_figure_id"], strict=True)
        if text_or_none(r) is not None
    }
    present = set(figures["figure_id"])
    roots: dict[str, str] = {}
    for figure_id, target in told.items():
        seen = {figure_id}
        while target in told and target not in seen:
            seen.add(target)
            target = told[target]
        if target in present and target not in seen:
            roots[figure_id] = target
    return roots


def _measure_marks(
    figures: pd.DataFrame, derived: pd.DataFrame, *, is_gap_only: bool
) -> pd.DataFrame:
    """Marks for the figures and derived measures; with ``is_gap_only`` only US:China gaps and
    changes of a US or Chinese quantity. A figure drawn as an end of a change is not drawn
    again on its own."""
    # Only the figures a measure joins are looked up by id.
    joined = set(derived["numerator_figure_id"]) | set(derived["denominator_figure_id"])
    by_id = {
        fig.figure_id: fig._asdict()
        for fig in figures[figures["figure_id"].isin(joined)].itertuples(index=False)
    }
    rows, ends = [], set()
    for m in derived.itertuples(index=False):
        numerator = by_id.get(m.numerator_figure_id, {})
        denominator = by_id.get(m.denominator_figure_id, {})
        pair = _is_us_china(m.numerator_entity, m.denominator_entity)
        is_change = m.operation == "change" or (
            m.operation == "difference" and m.numerator_entity == m.denominator_entity
        )
        if is_change:
            mark = _change_mark(m, numerator, denominator)
            if not is_gap_only or mark["kind"] == "gap":
                rows.append(mark)
                ends |= {m.numerator_figure_id, m.denominator_figure_id}
        elif pair or not is_gap_only:
            rows.append(_measure_mark(m, numerator))
    # A restatement is drawn once, with the figure it restates: its words beside the
    # original's where it reads otherwise (a conversion in brackets), else not at all.
    roots = restated_roots(figures)
    beside: dict[str, list[str]] = {}
    # Only the figures of a restatement are read as rows (the set of originals made once).
    ids = figures["figure_id"]
    by_figure = {f.figure_id: f for f in figures[ids.isin(set(roots))].itertuples(index=False)}
    originals = {
        f.figure_id: f for f in figures[ids.isin(set(roots.values()))].itertuples(index=False)
    }
    for again, root in roots.items():
        if reads_otherwise(by_figure[again], originals[root]):
            beside.setdefault(root, []).append(by_figure[again].text)
    for fig in figures.itertuples(index=False):
        if fig.figure_id in ends or fig.figure_id in roots:
            continue
        if is_gap_only and figure_kind(fig) != "gap":
            continue
        mark = _figure_mark(fig)
        if fig.figure_id in beside:
            mark["text"] = f"{fig.text} (also {'; '.join(beside[fig.figure_id])})"
        rows.append(mark)
    return _marks_frame(rows)


def reads_otherwise(one: Any, other: Any) -> bool:
    """Whether two figures differ in unit or number (a conversion), not only in words: a
    restatement that only drops or adds a hedge ("20%" for "below 20%") says nothing new and
    is not shown beside its original."""
    return reading_key(one) != reading_key(other)


def reading_key(figure: Any) -> tuple[str | None, frozenset[float]]:
    """What :func:`reads_otherwise` compares of a figure: its unit and the numbers it writes.
    Two figures read otherwise exactly when their keys differ, so a figure reads otherwise than
    every one of many exactly when its key is not among theirs (a set, not a pass over them)."""
    return text_or_none(figure.unit), frozenset(_numbers(figure))


def _numbers(figure: Any) -> set[float]:
    """The numbers a figure writes, wherever its bound put them ("below 20%" and "20%" both
    write 20)."""
    found = (number_or_none(getattr(figure, c)) for c in ("value", "low", "high"))
    return {n for n in found if n is not None}


def gap_measures(figures: pd.DataFrame, derived: pd.DataFrame) -> pd.DataFrame:
    """Every US:China gap in the figures, each in its own unit, one mark per row (all of
    ``kind`` ``gap``: a share, a level or a change of something else is left out).

    Counted as a gap: (1) a figure in ``fold`` between the United States and China (every such
    figure in the corpus speaks of a US lead); (2) a lead between the two in percentage points,
    or in percent on benchmark performance (a difference of two scores, kept in the unit as
    written: never turned into a ratio); (3) a derived ratio between the two, in fold, the US
    first; (4) a derived change over time of a gap (a lead at two dates), drawn
    from its earlier figure (``start_*``) to its later one in the figures' unit, with the change
    in ``change_value``/``change_unit``; the two figures it joins are not repeated.

    Bounds stay bounds: ``low``/``high`` are empty where open. Columns: ``GAP_COLUMNS``;
    ``item_id`` is the figure or measure id; ``reading`` says how the number was read. Sorted
    by dimension and unit (vocabulary order), then value, then id.
    """
    return _measure_marks(figures, derived, is_gap_only=True)


def period_as_year(period: str | None) -> float | None:
    """A period as written ('late 2023', '2024', 'as of March 2026') as a decimal year, read by
    :func:`gapstudy.periods.parse_period` (the one reader of a period) and placed by
    :attr:`gapstudy.periods.Period.as_year`: the middle of the months it names. ``None`` when
    it names no year, or is not a form the project reads (the schema refuses those in the
    annotations; a plot does not guess).

    A month sits at its middle, a year at x.5, 'early', 'mid', 'late' at the middle of their
    four months (x + 2/12, x.5, x + 10/12; the pattern this replaced wrote .17 and .83); a
    quarter or half at its middle; a range at the middle of its span; 'since' and 'by' at the
    time they name.
    """
    if period is None or period is pd.NA:
        return None
    try:
        return periods.parse_period(str(period)).as_year
    except periods.PeriodError:
        return None


_MONTH_NAME = re.compile(rf"\b({periods.MONTH_WORDS})\b", re.IGNORECASE)


def _month_in_year_of(period: Any, published: Any) -> float | None:
    """A month named without its year ('As of April 30'), in the year its source was
    published, as a decimal year; ``None`` when either is missing."""
    month = None if text_or_none(period) is None else _MONTH_NAME.search(str(period))
    if month is None or text_or_none(published) is None:
        return None
    number = periods.MONTH_NUMBERS[month.group(1).casefold()]
    return int(str(published)[:4]) + (number - 0.5) / 12


# Periods written relative to when the text was written: the year or month each names.
_RELATIVE = {
    "last year": re.compile(r"\b(last|past) year\b", re.IGNORECASE),
    "this year": re.compile(r"\bthis year\b", re.IGNORECASE),
    "this month": re.compile(r"\bthis month\b", re.IGNORECASE),
    "last month": re.compile(r"\blast month\b", re.IGNORECASE),
}
_DAY_AFTER_MONTH = re.compile(r"^\.?\s+(\d{1,2})\b")


def _relative_to(words: str, year: int, month: int | None) -> str | None:
    """The year, month or day a period written relative to a text of ``year`` (and
    ``month``) names, or None when it names none (or needs the month and it is unknown)."""
    if _RELATIVE["last year"].search(words):
        return str(year - 1)
    if _RELATIVE["this year"].search(words):
        return str(year)
    if month is not None and _RELATIVE["this month"].search(words):
        return f"{year}-{month:02d}"
    if month is not None and _RELATIVE["last month"].search(words):
        return f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
    named = _MONTH_NAME.search(words)
    if named is None:
        return None
    number = periods.MONTH_NUMBERS[named.group(1).casefold()]
    # The latest such month not after the text: a month after it is in the year before.
    text = f"{year - (month is not None and number > month)}-{number:02d}"
    day = _DAY_AFTER_MONTH.match(words[named.end() :])
    return f"{text}-{int(day.group(1)):02d}" if day else text


# A year counted from another period of the same sentence, never from the text's date: "USD14
# billion last year, up from around USD10.5 billion the year before".
CHAINED_YEAR = re.compile(
    r"\b(?:the (?:year before|previous year|prior year)|a year (?:earlier|before))\b",
    re.IGNORECASE,
)


def period_anchors(figures: pd.DataFrame) -> dict[str, str | None]:
    """For each figure whose period is a year before another (:data:`CHAINED_YEAR`), the period
    it is counted from: that of the nearest figure before it in the same claim that states a
    period, unless that period is itself counted from another; ``None`` where there is no such
    figure (the year then stays unplaced: it is never guessed from the text's date)."""
    needed = {"figure_id", "claim_id", "char_start", "period"}
    if not needed <= set(figures.columns):
        return {}
    chained = figures["period"].astype("string").str.contains(CHAINED_YEAR, na=False)
    if not chained.any():
        return {}
    claims = set(figures.loc[chained, "claim_id"])
    mine = figures[figures["claim_id"].isin(claims)].sort_values("char_start", kind="stable")
    anchors: dict[str, str | None] = {}
    for _, rows in mine.groupby("claim_id", sort=False):
        before: str | None = None
        for figure_id, period in zip(rows["figure_id"], rows["period"], strict=True):
            words = text_or_none(period)
            if words is None:
                continue
            if CHAINED_YEAR.search(words) and not periods.names_year(words):
                anchors[figure_id] = (
                    None if before is None or CHAINED_YEAR.search(before) else before
                )
            before = words
    return anchors


def placed_year(period: Any, published: Any, anchor: str | None = None) -> int | None:
    """The one calendar year a period names: written ('2024', 'late 2023', read by
    :func:`gapstudy.periods.parse_period`: both its known ends in one year), relative to its
    text's date ('last year', 'this year', a month named without its year: see
    :func:`placed_month`), or a year before its ``anchor`` (see :func:`period_anchors`) when
    that is placed; ``None`` otherwise (a span of years, a period the project does not read)."""
    words = text_or_none(period)
    if words is None:
        return None
    try:
        read = periods.parse_period(words)
    except periods.PeriodError:
        return None
    if not read.is_relative:
        years = {end.year for end in (read.start, read.end) if end is not None}
        return years.pop() if len(years) == 1 else None
    if CHAINED_YEAR.search(words):
        base = None if anchor is None else placed_year(anchor, published)
        return None if base is None else base - 1
    date = text_or_none(published)
    if date is None:
        return None
    if _RELATIVE["last year"].search(words):
        return int(date[:4]) - 1
    if _RELATIVE["this year"].search(words):
        return int(date[:4])
    month = placed_month(words, date)
    return None if month is None else int(month[:4])


# Words that look ahead of the text ("next January"): a month so named is not placed.
_AHEAD = re.compile(r"\b(?:next|coming)\b", re.IGNORECASE)


def placed_month(period: Any, published: Any) -> str | None:
    """The month ('2026-02') or day ('2026-04-30') a period names relative to its text's month:
    'earlier this month', 'last month', or a month named without its year ('January', 'As of
    April 30': the latest such month not after the text's), read from the text's date;
    ``None`` otherwise, and where the text is dated to its year only or the words look ahead
    ('next January')."""
    words, date = text_or_none(period), text_or_none(published)
    if words is None or date is None or len(date) < 7:
        return None
    if periods.names_year(words) or _AHEAD.search(words):
        return None
    by_month = _RELATIVE["this month"].search(words) or _RELATIVE["last month"].search(words)
    if not (by_month or _MONTH_NAME.search(words)):
        return None
    placed = _relative_to(words, int(date[:4]), int(date[5:7]))
    return placed if placed is not None and len(placed) >= 7 else None


def _is_relative(words: str) -> bool:
    return any(r.search(words) for r in _RELATIVE.values()) or bool(_MONTH_NAME.search(words))


def resolve_period(
    period: Any, published: Any, is_date_inferred: bool = False, anchor: str | None = None
) -> str | None:
    """A figure's period as written, with the year, month or day it names when it names one
    only relative to its text's date ('last year', 'earlier this month', 'As of April 30'),
    read from that date, in brackets as an editor's insertion: 'last year [2025; text dated
    2026-02, inferred]'. Against a text with no date it says so: 'last year [text undated]'.
    A year before another period of its sentence ('the year before', see
    :func:`period_anchors`) is placed from its ``anchor`` when that is placed, else marked
    '[year not placed]'. A period that names a year, or no time relative to the text ('next
    three to five years'), is kept as written. No period gives
    None, or ``'period not stated, text undated'`` for a text with no date."""
    words = text_or_none(period)
    date = text_or_none(published)
    if words is None:
        return None if date is not None else "period not stated, text undated"
    if periods.names_year(words):
        return words
    if CHAINED_YEAR.search(words):
        year = placed_year(words, date, anchor)
        if year is None:
            return f"{words} [year not placed]"
        dated = "" if periods.names_year(str(anchor)) else f"; text dated {date}"
        inferred = ", inferred" if dated and is_date_inferred else ""
        return f"{words} [{year}{dated}{inferred}]"
    if not _is_relative(words):
        return words
    if date is None:
        return f"{words} [text undated]"
    month = int(date[5:7]) if len(date) >= 7 else None
    resolved = _relative_to(words, int(date[:4]), month)
    if resolved is None:
        return words
    return f"{words} [{resolved}; text dated {date}{', inferred' if is_date_inferred else ''}]"


def with_resolved_periods(
    marks: pd.DataFrame, sources: pd.DataFrame, anchors: dict[str, str | None] | None = None
) -> pd.DataFrame:
    """``marks`` (as from :func:`gap_measures`) with each ``period`` and ``start_period``
    resolved by :func:`resolve_period` against its source's publication date (a change's
    earlier end only where it has one), a mark's own period counted from its figure's anchor
    in ``anchors`` (:func:`period_anchors`) where it has one. Rows and order are kept."""
    dates = sources.set_index("source_id")
    anchors = anchors or {}
    out = marks.copy()
    items = out["item_id"] if "item_id" in out.columns else [None] * len(out)
    for column in ("period", "start_period"):
        out[column] = pd.array(
            [
                resolve_period(
                    period,
                    dates["published"].get(source),
                    bool(dates["is_date_inferred"].get(source, False)),
                    anchors.get(item) if column == "period" else None,
                )
                if column == "period" or text_or_none(start) is not None
                else period
                for period, source, start, item in zip(
                    out[column], out["source_id"], out["start_value"], items, strict=True
                )
            ],
            dtype="string",
        )
    return out


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
        value = number_or_none(fig.value)
        rows.append(
            {
                "figure_id": fig.figure_id,
                "source_id": fig.source_id,
                "label": fig.metric,
                "text": fig.text,
                "value": value if value is not None else number_or_none(fig.high),
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
    present = set(picked["dimension"].tolist())
    cited = [d for d in vocab.DIMENSIONS if d in present]
    return _order(counts.reset_index(), "dimension", cited, "stance", list(stances), "n_claims")


def _order(
    counts: pd.DataFrame, outer: str, outer_order: list, inner: str, inner_order: list, value: str
) -> pd.DataFrame:
    """``counts`` completed to every (outer, inner) pair (0 where missing), in the given orders."""
    index = pd.MultiIndex.from_product([outer_order, inner_order], names=[outer, inner])
    full = counts.set_index([outer, inner])[value].reindex(index, fill_value=0).reset_index()
    return full.astype({outer: "string", inner: "string", value: "Int64"})


def dimension_gaps(figures: pd.DataFrame, derived: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """The rows of :func:`gap_measures` of one dimension (index from 0), worked out from the
    rows that can give or hide a mark of it (its figures and measures, the measures that take
    one of its figures as an end, and those measures' figures), not from the whole corpus."""
    own = set(figures.loc[(figures["dimension"] == dimension).fillna(False), "figure_id"])
    touches = (
        (derived["dimension"] == dimension).fillna(False).astype(bool)
        | derived["numerator_figure_id"].isin(own)
        | derived["denominator_figure_id"].isin(own)
    )
    derived = derived[touches]
    ends = set(derived["numerator_figure_id"]) | set(derived["denominator_figure_id"])
    wanted = (figures["dimension"] == dimension).fillna(False).astype(bool) | figures[
        "figure_id"
    ].isin(ends)
    gaps = gap_measures(figures[wanted], derived)
    return gaps[gaps["dimension"] == dimension].reset_index(drop=True)


def dimension_tables(tables: dict[str, pd.DataFrame], dimension: str) -> dict[str, pd.DataFrame]:
    """What the tables hold on one dimension: its ``claims`` (with the speaker's name,
    capitalised as it starts its cell: :func:`capitalised`),
    ``figures``, ``derived_measures``, US:China ``gaps`` (see :func:`gap_measures`) and
    ``marks``: every figure and derived measure of the dimension as a mark in its own unit, a
    change drawn from its earlier figure to its later one (columns as :func:`gap_measures`);
    the periods of gaps and marks resolved against their texts' dates
    (:func:`with_resolved_periods`) when ``tables`` holds ``sources`` (as every notebook's
    do), else kept as written.

    Raises :class:`ParameterError` for a dimension not in ``vocab.DIMENSIONS``.
    """
    if dimension not in vocab.DIMENSIONS:
        raise ParameterError(
            f"dimension {dimension!r} is not in the vocabulary; use one of"
            f" {', '.join(vocab.DIMENSIONS)}"
        )
    sources = tables.get("sources")

    anchors = period_anchors(tables["figures"])

    def resolved(marks: pd.DataFrame) -> pd.DataFrame:
        return marks if sources is None else with_resolved_periods(marks, sources, anchors)

    names = tables["voices"].set_index("voice_id")["name"]
    claims = tables["claims"][tables["claims"]["dimension"] == dimension]
    speakers = claims["voice_id"].map(names).map(capitalised)
    claims = claims.assign(speaker=speakers.astype("string"))
    figures = tables["figures"][tables["figures"]["dimension"] == dimension]
    derived = tables["derived_measures"]
    derived = derived[derived["dimension"] == dimension]
    gaps = dimension_gaps(tables["figures"], tables["derived_measures"], dimension)
    return {
        "claims": claims.reset_index(drop=True),
        "figures": figures.reset_index(drop=True),
        "derived_measures": derived.reset_index(drop=True),
        "gaps": resolved(gaps),
        "marks": resolved(_measure_marks(figures, derived, is_gap_only=False)),
    }


def with_entity(fact_values: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """``fact_values`` with the ``entity`` of each report's figure (empty for a claim), so that
    a chart of the facts can say whose quantity each is. Rows and order are kept."""
    entity = figures.set_index("figure_id")["entity"]
    return fact_values.assign(entity=fact_values["figure_id"].map(entity).astype("string"))


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
