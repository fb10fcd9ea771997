"""The facts an analyst's brief is written from, computed from the tidy tables.

Each function here takes tables (already restricted to the sources a run reads) and returns a
small frame or dict; :mod:`gapstudy.narrative` hands them to the sentence templates. Nothing
here words a sentence: readings of numbers (``below 20%``, ``$109.1 billion``) and links to the
source reader are the only text made in Python, so that every number shown is formatted once.
"""

from __future__ import annotations

import html
import math
import re
from typing import Any

import pandas as pd

from gapstudy import facts, vocab

CAMPS = ("optimist", "skeptic")

# A camp "barely" speaks of a dimension when it makes at most this many claims there.
BARELY_CLAIMS = 1
# A dimension is shared ground when the smaller camp makes at least this many claims there and
# at least this fraction of the larger camp's.
SHARED_MIN_CLAIMS = 2
SHARED_MIN_FRACTION = 1 / 3

_UNIT_SUFFIX = {
    "percent": "%",
    "percentage_point": " percentage points",
    "fold": " times",
    "exabyte": " exabytes",
    "gigawatt": " GW",
    "year": " years",
    "month": " months",
    "count": "",
    "cny": " yuan",
    "eur": " euros",
    "percent_per_year": "% a year",
    "fold_per_year": "-fold a year",  # not "times a year", which may count occasions
    "cny_per_year": " yuan a year",
    "eur_per_year": " euros a year",
}
_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# The qualifier as the brief says it; without one, the bound's default word.
_QUALIFIER_WORDS = {
    "below": "below",
    "under": "below",
    "less than": "below",
    "sub": "below",
    "fewer than": "fewer than",
    "up to": "up to",
    "at most": "at most",
    "within": "within",
    "as much as": "as much as",
    "as much as nearly": "as much as nearly",
    "as low as": "as low as",
    "nearly": "nearly",
    "almost": "almost",
    "roughly": "about",
    "approximately": "about",
    "about": "about",
    "around": "about",
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "at least": "at least",
    "as little as": "as little as",
}
_BOUND_WORDS = {"upper": "up to", "lower": "at least", "approximate": "about"}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]#|$~])")


def escape_text(text: Any) -> str:
    """Text from an article or an annotation, safe inside Markdown rendered to HTML: ``<``,
    ``>`` and ``&`` become entities and Markdown's special characters (including ``$``, which
    notebooks read as math) are backslash-escaped."""
    return html.escape(_MARKDOWN_SPECIALS.sub(r"\\\1", str(text)), quote=False)


def is_missing(x: Any) -> bool:
    """True for None, pandas NA and NaN."""
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def format_number(x: float) -> str:
    """A number as a reader reads it: 109.1 billion, 1.2, 1,000, 199.48 (at most two decimals,
    no trailing zeros); the scale word stays beside it."""
    x = float(x)
    for size, word in _SCALE_WORDS:
        if abs(x) >= size:
            return f"{_plain(x / size)} {word}"
    return _plain(x)


def _plain(x: float) -> str:
    text = f"{abs(x):,.2f}".rstrip("0").rstrip(".")
    return ("\u2212" if x < 0 else "") + text


def format_amount(x: float, unit: str) -> str:
    """A number in its unit: ``$560 million``, ``20%``, ``17.5 percentage points``."""
    if unit in ("usd", "usd_per_year"):
        number = format_number(x)
        per = " a year" if unit == "usd_per_year" else ""
        sign = "\u2212" if number.startswith("\u2212") else ""
        return sign + "$" + number.lstrip("\u2212") + per
    return format_number(x) + _UNIT_SUFFIX.get(unit, f" {unit}")


def format_reading(row: Any) -> str:
    """What a figure's words allow, in its unit: ``below 20%``, ``about 70%``, ``10 to 100 times``,
    ``more than $1 billion``. Built from value, low, high, bound and qualifier, never the text."""
    unit, bound = str(row.unit), str(row.bound)
    qualifier = "" if is_missing(row.qualifier) else str(row.qualifier)
    if bound == "range":
        low = format_amount(row.low, unit)
        high = format_amount(row.high, unit)
        suffix = _UNIT_SUFFIX.get(unit, f" {unit}")
        if unit != "usd" and suffix and low.endswith(suffix):
            low = low[: -len(suffix)]
        return f"{low} to {high}"
    word = _QUALIFIER_WORDS.get(qualifier, _BOUND_WORDS.get(bound, ""))
    if bound == "upper":
        return f"{word} {format_amount(row.high, unit)}"
    if bound == "lower":
        return f"{word} {format_amount(row.low, unit)}"
    amount = format_amount(row.value, unit)
    return f"{word} {amount}" if bound == "approximate" else amount


# The columns :func:`format_reading` reads.
_READING_COLUMNS = ("unit", "bound", "qualifier", "low", "high", "value")


def figure_href(source_id: str, figure_id: str) -> str:
    """Where a figure's words are in the source reader, relative to ``reports/html/``."""
    return f"sources/{source_id}.html#{figure_id}"


def figure_link(row: Any) -> str:
    """A figure's reading as a Markdown link to its words."""
    return f"[{escape_text(format_reading(row))}]({figure_href(row.source_id, row.figure_id)})"


def label_sources(sources: pd.DataFrame) -> dict[str, str]:
    """A name for each source a reader recognises: the outlet it reposts (a repost is named by
    its original, as its own voice is keyed; a machine rendering said so), its outlet, its
    title, else the place of its dateline or "the untitled report" with its month of
    publication, else its id."""
    labels = {}
    for row in sources.itertuples(index=False):
        dateline = getattr(row, "dateline", None)
        published = getattr(row, "published", None)
        original = getattr(row, "original_outlet", None)
        if not is_missing(original):
            machine = getattr(row, "is_machine_rendered", False)
            how = "machine-rendered repost" if not is_missing(machine) and machine else "reposted"
            by = "" if is_missing(row.outlet) else f" by {escape_text(row.outlet)}"
            label = f"{escape_text(original)} ({how}{by})"
        elif not is_missing(row.outlet):
            label = escape_text(row.outlet)
        elif not is_missing(row.title):
            label = f"“{escape_text(row.title)}”"
        elif not is_missing(dateline):
            when = "" if is_missing(published) else f" of {month_words(published)}"
            label = f"the {escape_text(dateline)} report{when}"
        elif not is_missing(published):
            label = f"the untitled report of {month_words(published)}"
        else:
            label = f"`{row.source_id}`"
        labels[row.source_id] = label
    return labels


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def month_words(published: Any) -> str:
    """'2026-02' or '2026-02-03' as 'February 2026'; '2026' as is."""
    parts = str(published).split("-")
    return f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}" if len(parts) > 1 else parts[0]


def count_claims_by_camp(claims: pd.DataFrame) -> pd.DataFrame:
    """Optimist and skeptic claims per dimension, with how many sources they come from: one
    row per dimension that either camp speaks of, in vocabulary order."""
    rows = []
    for dimension in vocab.DIMENSIONS:
        here = claims[claims["dimension"] == dimension]
        row: dict[str, Any] = {"dimension": dimension}
        for camp in CAMPS:
            mine = here[here["stance"] == camp]
            row[f"n_{camp}_claims"] = len(mine)
            row[f"n_{camp}_sources"] = mine["source_id"].nunique()
        if row["n_optimist_claims"] or row["n_skeptic_claims"]:
            rows.append(row)
    columns = ["dimension"] + [f"n_{c}_{k}" for c in CAMPS for k in ("claims", "sources")]
    return pd.DataFrame(rows, columns=columns).astype(
        {c: "int64" for c in columns if c != "dimension"}
    )


def classify_ground(by_camp: pd.DataFrame) -> pd.Series:
    """Per dimension: ``shared`` where both camps speak in strength, else the camp that holds
    it (``optimist`` or ``skeptic``) or ``thin`` when both are at the barely level."""
    grounds = []
    for row in by_camp.itertuples(index=False):
        n_opt, n_skep = row.n_optimist_claims, row.n_skeptic_claims
        small, large = min(n_opt, n_skep), max(n_opt, n_skep)
        if small >= SHARED_MIN_CLAIMS and small >= SHARED_MIN_FRACTION * large:
            grounds.append("shared")
        elif large <= BARELY_CLAIMS:
            grounds.append("thin")
        elif n_opt > n_skep:
            grounds.append("optimist")
        elif n_skep > n_opt:
            grounds.append("skeptic")
        else:
            grounds.append("shared")
    return pd.Series(grounds, index=by_camp.index, name="ground", dtype="object")


def summarise_overlap(by_camp: pd.DataFrame) -> dict[str, Any]:
    """How far the camps speak of the same dimensions: per camp, its claims and how many of
    them fall where the other camp barely speaks (at most ``BARELY_CLAIMS`` claims)."""
    ground = classify_ground(by_camp)
    summary: dict[str, Any] = {"shared": list(by_camp["dimension"][ground == "shared"])}
    for camp, other in (CAMPS, CAMPS[::-1]):
        alone = by_camp[by_camp[f"n_{other}_claims"] <= BARELY_CLAIMS]
        alone = alone[alone[f"n_{camp}_claims"] > BARELY_CLAIMS]
        alone = alone.sort_values(f"n_{camp}_claims", ascending=False, kind="stable")
        summary[camp] = {
            "n_claims": int(by_camp[f"n_{camp}_claims"].sum()),
            "n_alone": int(alone[f"n_{camp}_claims"].sum()),
            "alone": list(alone["dimension"]),
        }
    return summary


def _report_rows(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Figures in reading order (source order, then line and position), each with its group
    key: the fact it reports, else itself; a restatement with no fact of its own takes the key
    of the figure it restates (:func:`gapstudy.facts.restated_roots`), marked ``_restates``."""
    order = {s: n for n, s in enumerate(sources["source_id"])}
    fact = figures["fact_id"] if "fact_id" in figures.columns else pd.Series(pd.NA)
    key = fact.fillna(figures["figure_id"]).astype("string")
    roots = facts.restated_roots(figures)
    own_key = dict(zip(figures["figure_id"], key, strict=True))
    # Only a figure with no fact of its own (its key is itself) joins the one it restates.
    restates = [f in roots and k == f for f, k in zip(figures["figure_id"], key, strict=True)]
    key = pd.Series(
        [
            own_key[roots[f]] if r else k
            for f, k, r in zip(figures["figure_id"], key, restates, strict=True)
        ],
        index=figures.index,
        dtype="string",
    )
    return (
        figures.assign(
            report_key=key,
            _restates=restates,
            _source=figures["source_id"].map(order),
        )
        .sort_values(["_source", "line", "char_start", "figure_id"], kind="stable")
        .drop(columns="_source")
        .reset_index(drop=True)
    )


def _distinct(values: Any) -> list:
    """The distinct values in the order first seen (``pd.unique`` for a handful of values, at a
    fraction of its cost per call)."""
    return list(dict.fromkeys(values))


def group_reports(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per quantity reported: the figures of one fact together, any other figure on its
    own. ``figure_id`` is the first report in reading order (what the text links to); counts and
    who reported it follow. A restatement (:func:`gapstudy.facts.restated_roots`) joins the row
    of the figure it restates, in ``restated_ids``, and is not counted among its reports. Rows
    in reading order of their first report.

    One pass over the figures: each figure's reading is worded once, and each group's lists
    are gathered from the row numbers of its figures (no frame is cut per group)."""
    rows = []
    ordered = _report_rows(figures, sources)
    # Only the columns a reading is worded from: a tuple of every column costs a value each.
    worded = ordered[list(_READING_COLUMNS)]
    readings = [format_reading(r) for r in worded.itertuples(index=False)]
    columns = ("figure_id", "source_id", "dimension", "stance", "voice_id", "claim_id")
    values = {c: ordered[c].to_numpy() for c in columns}
    # A missing counterpart or metric is left out (as ``dropna`` and ``nunique`` would); a
    # string column read as a list, not value by value.
    counterpart = [None if is_missing(x) else x for x in ordered["counterpart"].tolist()]
    metric = [None if is_missing(x) else x for x in ordered["metric"].tolist()]
    restating = ordered["_restates"].to_numpy()
    for key, every in ordered.groupby("report_key", sort=False).indices.items():
        # A restatement is listed beside its report, never counted as a report of its own.
        at, again = every[~restating[every]], every[restating[every]]
        if not len(at):
            at, again = every, every[:0]
        first = at[0]
        source_ids = _distinct(values["source_id"][at])
        rows.append(
            {
                "report_key": key,
                "figure_id": values["figure_id"][first],
                "source_id": values["source_id"][first],
                "dimension": values["dimension"][first],
                "stance": values["stance"][first],
                "n_reports": len(at),
                "n_sources": len(source_ids),
                "source_ids": source_ids,
                "voice_ids": _distinct(values["voice_id"][at]),
                "claim_ids": _distinct(values["claim_id"][at]),
                "counterparts": [c for c in _distinct(counterpart[i] for i in at) if c is not None],
                "n_metrics": len({metric[i] for i in at} - {None}),
                "n_readings": len({readings[i] for i in at}),
                "figure_ids": list(values["figure_id"][at]),
                "restated_ids": list(values["figure_id"][again]),
            }
        )
    columns = [
        "report_key",
        "figure_id",
        "source_id",
        "dimension",
        "stance",
        "n_reports",
        "n_sources",
        "source_ids",
        "voice_ids",
        "claim_ids",
        "counterparts",
        "n_metrics",
        "n_readings",
        "figure_ids",
        "restated_ids",
    ]
    return pd.DataFrame(rows, columns=columns)


def find_shifting_voices(voices: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Voices (by ``voice_key``) coded with different stances in different sources, one row per
    (voice, source): its stance there and its claims there by stance and dimension (in the
    order the claims table first gives each). The claims are counted in one pass."""
    counts = claims.groupby(["voice_id", "stance", "dimension"], sort=False).size()
    by_voice: dict[str, list[dict[str, Any]]] = {}
    for (voice_id, stance, dimension), n in counts.items():
        by_voice.setdefault(voice_id, []).append(
            {"stance": stance, "dimension": dimension, "n": int(n)}
        )
    rows = []
    for key, group in voices.groupby("voice_key", sort=False):
        if group["stance"].nunique() < 2:
            continue
        for voice in group.itertuples(index=False):
            rows.append(
                {
                    "voice_key": key,
                    "name": voice.name,
                    "source_id": voice.source_id,
                    "stance": voice.stance,
                    "claims": by_voice.get(voice.voice_id, []),
                }
            )
    return pd.DataFrame(rows, columns=["voice_key", "name", "source_id", "stance", "claims"])
