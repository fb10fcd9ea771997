"""Weighing the evidence: independent reports, a lean per dimension and per layer, robustness.

The brief weighs the camps' claims instead of counting them (docs/annotations.md, "Weighing the
evidence", states the rule in words). From the tables a run reads:

- :func:`independent_reports` folds claims into **independent reports**: one per dimension,
  camp, voice and event. The same voice at the same event, told by several texts, is one report
  (a repost or a retelling is not a second report); a text's own voice and the unnamed groups it
  quotes ("experts", "insiders") are one voice, the text's. A report weighs what the best source
  that carries it weighs (``KIND_WEIGHTS``): an original report 1, a repost or an aggregator
  1/2, promotional text 1/4.
- :func:`decide_lean` turns the reports of a dimension (or of a layer, its dimensions pooled)
  into one lean of ``vocab.LEANS`` by one rule, with the thresholds below.
- :func:`robustness` recomputes every lean leaving out each source in turn and each event in
  turn: the table ``robustness``.

Layers (groups of dimensions: inputs, outputs, uptake...) are declared in ``data/layers.yaml``
and read by :func:`load_layers`. Nothing here words a sentence.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any, NamedTuple

import pandas as pd

from gapstudy import brief, periods, vocab
from gapstudy.exceptions import AnnotationError, Problem, TableError
from gapstudy.facts import (
    period_anchors,
    period_as_year,
    placed_month,
    placed_year,
    published_as_year,
)
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.yamlfile import line_of_key, read_yaml

CAMPS = ("optimist", "skeptic")

# How much one independent report weighs, by the best kind of source that carries it. A kind
# missing here (a new kind added to the vocabulary) weighs 1 until a weight is declared.
KIND_WEIGHTS: dict[str, float] = {
    "original_report": 1.0,
    "commentary": 1.0,
    "aggregator": 0.5,
    "repost": 0.5,
    "promotional": 0.25,
}
# A camp carries a lean when its weight is at least this share of both camps' weight.
LEAN_SHARE = 2 / 3
# Fewer independent reports than this, or reports from fewer sources than this, is thin evidence.
MIN_REPORTS = 2
MIN_SOURCES = 2
# The optimist camp's readings, weakest first: a tie goes to the weaker.
OPTIMIST_READINGS = ("narrowing", "parity", "china_ahead")

REPORT_COLUMNS = [
    "dimension",
    "stance",
    "voice_key",
    "event_key",
    "n_claims",
    "claim_ids",
    "source_ids",
    "kinds",
    "weight",
    "reading",
]


def _event_keys(sources: pd.DataFrame, source_events: pd.DataFrame | None) -> dict[str, str]:
    """Each source's event key: its events joined (a text about several things is tied to all
    of them), or its own id when it declares none."""
    events: dict[str, list[str]] = {}
    if source_events is not None and len(source_events):
        pairs = zip(source_events["source_id"], source_events["event_id"].astype(str), strict=True)
        for source_id, event_id in pairs:
            events.setdefault(source_id, []).append(event_id)
    return {
        source_id: "+".join(sorted(events[source_id]))
        if source_id in events
        else f"source:{source_id}"
        for source_id in sources["source_id"]
    }


def _voice_key(kind: Any, source_id: Any, voice_key: Any) -> str:
    """A person or body by its key; a text's own voice and its unnamed groups as the text."""
    if kind in ("outlet", "group"):
        return f"text:{source_id}"
    return str(voice_key)


def _reading(directions: list[str]) -> str:
    """An optimist report's reading: of ``OPTIMIST_READINGS``, the one its claims state most
    often (a tie goes to the weaker); narrowing when they state none (the camp's own claim:
    China is catching up)."""
    return _reading_of_counts({d: directions.count(d) for d in OPTIMIST_READINGS})


def independent_reports(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per independent report (dimension, camp, voice, event) from ``claims``,
    ``voices``, ``sources`` and ``source_events`` (optional): its claims, the sources that
    carry it and their kinds, its weight, and (optimist reports) its reading."""
    claims, voices, sources = tables["claims"], tables["voices"], tables["sources"]
    comment = claims["is_reader_comment"].fillna(False).astype(bool)
    claims = claims[claims["stance"].isin(CAMPS) & ~comment]
    voice_keys = {
        voice_id: _voice_key(*rest)
        for voice_id, *rest in zip(
            *(
                _values(voices[c]) if c in voices.columns else [None] * len(voices)
                for c in ("voice_id", "kind", "source_id", "voice_key")
            ),
            strict=True,
        )
    }
    events = _event_keys(sources, tables.get("source_events"))
    kinds = _source_kinds(sources)
    frame = claims.assign(
        voice_key=claims["voice_id"].map(voice_keys),
        event_key=claims["source_id"].map(events),
    )
    keys = ["dimension", "stance", "voice_key", "event_key"]
    groups = _groups(frame, keys, ["source_id", "claim_id", "direction"])
    rows = []
    for key, (source_list, claim_ids, directions) in groups.items():
        source_ids = sorted(set(source_list))
        its_kinds = sorted({str(kinds[s]) for s in source_ids})
        rows.append(
            {
                **dict(zip(keys, key, strict=True)),
                "n_claims": len(claim_ids),
                "claim_ids": claim_ids,
                "source_ids": source_ids,
                "kinds": its_kinds,
                "weight": _kind_weight(its_kinds),
                "reading": _reading(directions) if key[1] == "optimist" else "us_ahead",
            }
        )
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def _groups(frame: pd.DataFrame, keys: list[str], columns: list[str]) -> dict[tuple, tuple]:
    """The rows of ``frame`` grouped as ``frame.groupby(keys, sort=True)`` groups them (sorted
    keys, rows in frame order, a row with a missing key in no group), each group as one list
    per column of ``columns``: a pass over plain lists, not a frame per group, so that
    grouping thousands of reports takes time in proportion to them."""
    key_values = zip(*(_values(frame[k]) for k in keys), strict=True) if keys else iter(())
    column_values = list(zip(*(_values(frame[c]) for c in columns), strict=True))
    found: dict[tuple, list[int]] = {}
    for i, key in enumerate(key_values):
        # A string is never missing: asked of pandas only for other values (pd.isna costs
        # about a microsecond a call, and the keys are mostly strings).
        if not any(type(k) is not str and pd.isna(k) for k in key):
            found.setdefault(key, []).append(i)
    return {
        key: tuple(list(col) for col in zip(*(column_values[i] for i in found[key]), strict=True))
        for key in sorted(found)
    }


def pool_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """Reports of several dimensions as one body of evidence: a voice at an event counts once
    per camp, with the best weight and the strongest reading it has on any of them."""
    columns = ["dimension", "n_claims", "claim_ids", "source_ids", "kinds", "weight", "reading"]
    rows = []
    groups = _groups(reports, ["stance", "voice_key", "event_key"], columns)
    for (stance, voice, event), (
        dims,
        n_claims,
        claim_ids,
        source_ids,
        kinds,
        weight,
        read,
    ) in groups.items():
        readings = [str(r) for r, n in zip(read, n_claims, strict=True) for _ in range(int(n)) if r]
        rows.append(
            {
                "dimension": ",".join(sorted(set(dims))),
                "stance": stance,
                "voice_key": voice,
                "event_key": event,
                "n_claims": int(sum(n_claims)),
                "claim_ids": [c for ids in claim_ids for c in ids],
                "source_ids": sorted({s for ids in source_ids for s in ids}),
                "kinds": sorted({k for ks in kinds for k in ks}),
                "weight": float(max(weight)),
                "reading": _reading(readings) if stance == "optimist" else "us_ahead",
            }
        )
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def camp_weights(reports: pd.DataFrame) -> dict[str, float]:
    """The summed weight of each camp's independent reports."""
    return {c: float(reports.loc[reports["stance"] == c, "weight"].sum()) for c in CAMPS}


def decide_lean(reports: pd.DataFrame) -> str:
    """The lean of one body of evidence (one dimension's reports, or a layer's pooled):

    - ``thin``: fewer than ``MIN_REPORTS`` independent reports, or all from fewer than
      ``MIN_SOURCES`` sources;
    - ``us_ahead``: the skeptics carry at least ``LEAN_SHARE`` of the weight;
    - ``narrowing``, ``parity`` or ``china_ahead``: the optimists carry at least ``LEAN_SHARE``;
      which one is the reading with most optimist weight (a tie goes to the weaker reading);
    - ``contested``: neither camp carries ``LEAN_SHARE``.

    The rule is applied to the totals of the reports by :func:`_lean_of_totals`, which
    :func:`robustness` also applies to totals adjusted for the texts it leaves out.
    """
    optimist = reports[reports["stance"] == "optimist"]
    return _lean_of_totals(
        n_reports=len(reports),
        n_sources=len({s for ids in reports["source_ids"] for s in ids}),
        weights={c: _total(reports.loc[reports["stance"] == c, "weight"]) for c in CAMPS},
        by_reading={
            r: _total(optimist.loc[optimist["reading"] == r, "weight"]) for r in OPTIMIST_READINGS
        },
    )


def load_layers(paths: ProjectPaths | None = None) -> pd.DataFrame:
    """The layers of ``data/layers.yaml``: one row per (layer, dimension), in file order, with
    the layer's title and description. No file means no layers. A dimension outside the
    vocabulary, or in two layers, is refused naming the file and line."""
    path = (paths or project_paths()).layers_file
    columns = ["layer_id", "title", "description", "dimension"]
    if not path.is_file():
        return pd.DataFrame(columns=columns)
    document = read_yaml(path) or {}
    entries = document.get("layers") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise AnnotationError(Problem(path, 1, "no list 'layers'", "see docs/annotations.md"))
    rows, problems, seen = [], [], {}
    for entry in entries:
        line = line_of_key(entry, "layer_id") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(entry.get("dimensions"), list):
            problems.append(Problem(path, line, "a layer needs layer_id, title and dimensions"))
            continue
        for dimension in entry["dimensions"]:
            where = line_of_key(entry, "dimensions")
            if dimension not in vocab.DIMENSIONS:
                problems.append(
                    Problem(
                        path,
                        where,
                        f"unknown dimension {dimension!r}",
                        f"use one of {', '.join(vocab.DIMENSIONS)}",
                    )  # fmt: skip
                )
            elif dimension in seen:
                problems.append(
                    Problem(path, where, f"{dimension!r} is already in layer {seen[dimension]!r}")
                )
            else:
                seen[dimension] = entry.get("layer_id")
                rows.append(
                    {
                        "layer_id": str(entry.get("layer_id")),
                        "title": str(entry.get("title", entry.get("layer_id"))),
                        "description": str(entry.get("description", "")),
                        "dimension": dimension,
                    }
                )
    if problems:
        raise AnnotationError(problems)
    return pd.DataFrame(rows, columns=columns)


def leans(reports: pd.DataFrame, layers: pd.DataFrame) -> pd.DataFrame:
    """The lean of every dimension the camps speak of (``scope`` dimension) and of every layer
    (``scope`` layer, its dimensions' reports pooled), with each camp's weight and reports."""
    rows = []
    subjects = [("dimension", d, reports[reports["dimension"] == d]) for d in vocab.DIMENSIONS]
    subjects = [s for s in subjects if len(s[2])]
    for layer_id, group in layers.groupby("layer_id", sort=False):
        mine = reports[reports["dimension"].isin(group["dimension"])]
        subjects.append(("layer", layer_id, pool_reports(mine)))
    for scope, subject, mine in subjects:
        weights = camp_weights(mine)
        row: dict[str, Any] = {"scope": scope, "subject": subject, "lean": decide_lean(mine)}
        for camp in CAMPS:
            ours = mine[mine["stance"] == camp]
            row[f"{camp}_weight"] = weights[camp]
            row[f"{camp}_reports"] = len(ours)
            row[f"{camp}_claims"] = int(ours["n_claims"].sum())
            row[f"{camp}_voices"] = ours["voice_key"].nunique()
            row[f"{camp}_kinds"] = sorted({k for ks in ours["kinds"] for k in ks})
        row["source_ids"] = sorted({s for ids in mine["source_ids"] for s in ids})
        rows.append(row)
    return pd.DataFrame(rows)


def robustness(
    tables: dict[str, pd.DataFrame],
    layers: pd.DataFrame,
    reports: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every lean recomputed leaving out each source in turn and each event in turn (all the
    sources that report it): one row per (scope, subject, what is left out), with the lean on
    every text read (``lean_all``), the lean without it, and whether it changed. Rows follow
    :func:`leans`, then sources in table order, then events sorted.

    The lean without some texts is the lean :func:`leans` would give on the tables without
    them, found in time linear in the corpus: the reports are folded once; leaving texts out
    refolds only the reports that hold a claim of theirs, and decides again only the leans of
    the subjects those reports weigh in, from their totals adjusted by the difference
    (:func:`_Subject.lean_without`). Claim and voice ids must be unique, as the schema declares.
    ``reports`` is ``independent_reports(tables)``, made here when not given.
    """
    reports = independent_reports(tables) if reports is None else reports
    base = leans(reports, layers)
    if not len(base):
        return pd.DataFrame(columns=ROBUSTNESS_COLUMNS)
    folded = _FoldedReports(tables, reports)
    subjects = _subjects(folded, reports, layers)
    memberships: dict[int, list[tuple[int, int]]] = {}
    for k, subject in enumerate(subjects):
        for u, parts in enumerate(subject.parts):
            for i in parts:
                memberships.setdefault(i, []).append((k, u))
    position = {s.key: k for k, s in enumerate(subjects)}
    keys = list(zip(base["scope"], base["subject"], strict=True))
    at = [position[key] for key in keys]
    lean_all = list(base["lean"])
    columns: dict[str, list[Any]] = {c: [] for c in ROBUSTNESS_COLUMNS}
    for kind, left_out, ids in _drops(tables):
        after = folded.without(ids)
        touched: dict[int, set[int]] = {}
        for i in after:
            for k, u in memberships.get(i, ()):
                touched.setdefault(k, set()).add(u)
        changed = {k: subjects[k].lean_without(units, after) for k, units in touched.items()}
        for key, k, lean_base in zip(keys, at, lean_all, strict=True):
            lean = changed.get(k, lean_base)
            columns["scope"].append(key[0])
            columns["subject"].append(key[1])
            columns["left_out_kind"].append(kind)
            columns["left_out"].append(left_out)
            columns["lean_all"].append(lean_base)
            columns["lean"].append(lean)
            columns["is_changed"].append(lean != lean_base)
    return pd.DataFrame(columns, columns=ROBUSTNESS_COLUMNS)


def left_out_in_turn(tables: dict[str, pd.DataFrame]) -> list[tuple[str, Any]]:
    """What :func:`robustness` leaves out, in its order: (``left_out_kind``, ``left_out``)."""
    return [(kind, what) for kind, what, _ in _drops(tables)]


def _drops(tables: dict[str, pd.DataFrame]) -> list[tuple[str, Any, set[Any]]]:
    """What :func:`robustness` leaves out, in turn: (kind, what, the source ids it removes);
    each source in table order, then each event, sorted, with all the sources tied to it."""
    drops: list[tuple[str, Any, set[Any]]] = [
        ("source", s, {s}) for s in tables["sources"]["source_id"]
    ]
    events = tables.get("source_events")
    if events is not None and len(events):
        members: dict[Any, set[Any]] = {}
        for source_id, event_id in zip(events["source_id"], events["event_id"], strict=True):
            members.setdefault(event_id, set()).add(source_id)
        drops += [("event", str(e), members[e]) for e in sorted(members)]
    return drops


class _Unit(NamedTuple):
    """What one independent report brings to a lean (a dimension's report, or a layer's
    pooled): its camp, weight, reading and number of claims, and the sources it no longer
    holds once some texts are left out."""

    stance: str
    weight: float
    reading: str
    n_claims: int
    lost: frozenset[Any] = frozenset()


class _FoldedReports:
    """The reports of :func:`independent_reports` (``units``, ``sources``) with what
    refolding one without some texts needs, as counts: its claims as (source, source of its
    voice, direction), the claims of each source, the sources of each weight, the claims of
    each optimist reading. ``owners`` maps a source id to the claims, by report, that leaving
    it out removes (a claim goes with its text, and with the text its voice is recorded in)."""

    def __init__(self, tables: dict[str, pd.DataFrame], reports: pd.DataFrame) -> None:
        claims, voices = tables["claims"], tables["voices"]
        for frame, column in ((claims, "claim_id"), (voices, "voice_id")):
            twice = frame.loc[frame[column].duplicated(), column]
            if len(twice):
                raise TableError(f"{column} {twice.iloc[0]!r} is in two rows: ids must be unique")
        voice_source = (
            dict(zip(_values(voices["voice_id"]), _values(voices["source_id"]), strict=True))
            if "source_id" in voices.columns
            else {}
        )
        by_id = {
            c: (s, voice_source.get(v, s), d)
            for c, s, v, d in zip(
                *(_values(claims[k]) for k in ("claim_id", "source_id", "voice_id", "direction")),
                strict=True,
            )
        }  # fmt: skip
        kinds = _source_kinds(tables["sources"])
        self.source_weight = {s: _kind_weight([k]) for s, k in kinds.items()}
        self.claims = [[by_id[c] for c in ids] for ids in reports["claim_ids"]]
        self.units = [
            _Unit(r.stance, float(r.weight), r.reading, int(r.n_claims))
            for r in reports.itertuples(index=False)
        ]
        self.sources = [frozenset(ids) for ids in reports["source_ids"]]
        self.owners: dict[Any, dict[int, list[int]]] = {}
        self.source_claims, self.weight_sources, self.directions = [], [], []
        for i, held in enumerate(self.claims):
            for n, (source, voice_source_id, _) in enumerate(held):
                for owner in {source, voice_source_id}:
                    self.owners.setdefault(owner, {}).setdefault(i, []).append(n)
            self.source_claims.append(_counts(c[0] for c in held))
            self.weight_sources.append(_counts(self.source_weight[s] for s in self.sources[i]))
            self.directions.append(_counts(c[2] for c in held if c[2] in OPTIMIST_READINGS))

    def without(self, dropped: set[Any]) -> dict[int, _Unit | None]:
        """The reports that leaving ``dropped`` out changes, by position, each refolded from
        its other claims as :func:`independent_reports` folds it (``None``: none is left), in
        time proportional to the claims removed."""
        removed: dict[int, set[int]] = {}
        for s in dropped:
            for i, positions in self.owners.get(s, {}).items():
                removed.setdefault(i, set()).update(positions)
        after: dict[int, _Unit | None] = {}
        for i, gone in removed.items():
            base = self.units[i]
            if len(gone) == base.n_claims:
                after[i] = None
                continue
            claims_left, directions = dict(self.source_claims[i]), dict(self.directions[i])
            for n in gone:
                source, _, direction = self.claims[i][n]
                claims_left[source] -= 1
                if direction in directions:
                    directions[direction] -= 1
            lost = frozenset(s for s in {self.claims[i][n][0] for n in gone} if not claims_left[s])
            weights = dict(self.weight_sources[i])
            for s in lost:
                weights[self.source_weight[s]] -= 1
            reading = _reading_of_counts(directions) if base.stance == "optimist" else "us_ahead"
            weight = max(w for w, k in weights.items() if k)
            after[i] = _Unit(base.stance, weight, reading, base.n_claims - len(gone), lost)
        return after


def _counts(values: Any) -> dict[Any, int]:
    """How many times each value comes."""
    counts: dict[Any, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts


def _merge(kept: list[_Unit]) -> _Unit:
    """Units of one voice at one event in one camp on several dimensions as one, as
    :func:`pool_reports` pools them: the best weight, the reading of their claims."""
    stance = kept[0].stance
    readings: dict[str, int] = {}
    for u in kept:
        readings[u.reading] = readings.get(u.reading, 0) + u.n_claims
    return _Unit(
        stance,
        max(u.weight for u in kept),
        _reading_of_counts(readings) if stance == "optimist" else "us_ahead",
        sum(u.n_claims for u in kept),
    )


class _Subject:
    """One lean of :func:`leans` (a dimension, or a layer) as running totals: its units, the
    reports each is made of (``parts``, positions in the reports), how many units hold each
    source and how many parts of each unit do, and the camps' weights and the optimists'
    weight by reading, kept exact."""

    def __init__(self, key: tuple[str, str], parts: list[list[int]], folded: _FoldedReports):
        self.key, self.parts, self.folded = key, parts, folded
        self.units = [_merge([folded.units[i] for i in p]) for p in parts]
        self.part_holders = [_counts(s for i in p for s in folded.sources[i]) for p in parts]
        self.holders = _counts(s for held in self.part_holders for s in held)
        self.weights = {c: 0 for c in CAMPS}
        self.by_reading = {r: 0 for r in OPTIMIST_READINGS}
        for unit in self.units:
            self._add(self.weights, self.by_reading, unit, 1)

    @staticmethod
    def _add(weights: dict, by_reading: dict, unit: _Unit, sign: int) -> None:
        weight = sign * _exact(unit.weight)
        weights[unit.stance] += weight
        if unit.stance == "optimist" and unit.reading in by_reading:
            by_reading[unit.reading] += weight

    def lean_without(self, units: set[int], after: dict[int, _Unit | None]) -> str:
        """The lean with the units at ``units`` refolded from the reports in ``after``."""
        n_reports = len(self.units)
        weights, by_reading = dict(self.weights), dict(self.by_reading)
        lost: dict[Any, int] = {}
        for u in units:
            self._add(weights, by_reading, self.units[u], -1)
            states = [after.get(i, self.folded.units[i]) for i in self.parts[u]]
            kept = [x for x in states if x is not None]
            if kept:
                self._add(weights, by_reading, _merge(kept), 1)
            else:
                n_reports -= 1
            # A source leaves the unit when it leaves every part that held it.
            left: dict[Any, int] = {}
            for i, state in zip(self.parts[u], states, strict=True):
                for s in self.folded.sources[i] if state is None else state.lost:
                    left[s] = left.get(s, 0) + 1
            for s, n in left.items():
                if n == self.part_holders[u][s]:
                    lost[s] = lost.get(s, 0) + 1
        gone = sum(1 for s, n in lost.items() if n == self.holders[s])
        return _lean_of_totals(
            n_reports=n_reports,
            n_sources=len(self.holders) - gone,
            weights={c: w / _EXACT_SCALE for c, w in weights.items()},
            by_reading={r: w / _EXACT_SCALE for r, w in by_reading.items()},
        )


def _subjects(
    folded: _FoldedReports, reports: pd.DataFrame, layers: pd.DataFrame
) -> list[_Subject]:
    """The subjects of :func:`leans` as running totals: a dimension's units are its reports,
    a layer's are its dimensions' reports pooled by camp, voice and event."""
    subjects = []
    dimension = list(reports["dimension"])
    for d in vocab.DIMENSIONS:
        parts = [[i] for i, of in enumerate(dimension) if of == d]
        if parts:
            subjects.append(_Subject(("dimension", d), parts, folded))
    pool_keys = list(
        zip(reports["stance"], reports["voice_key"], reports["event_key"], strict=True)
    )
    for layer_id, group in layers.groupby("layer_id", sort=False):
        mine = set(group["dimension"])
        pooled: dict[tuple, list[int]] = {}
        for i, key in enumerate(pool_keys):
            if dimension[i] in mine:
                pooled.setdefault(key, []).append(i)
        subjects.append(_Subject(("layer", layer_id), list(pooled.values()), folded))
    return subjects


# Every finite float is a whole multiple of 2**-1074, so weights times this scale are whole
# numbers: their sums are exact, and a sum divided by the scale is the float nearest the exact
# sum (Python divides whole numbers correctly rounded), as ``float(Fraction(...))`` gives it,
# in a fraction of the time.
_EXACT_SCALE = 1 << 1074


@functools.lru_cache(maxsize=256)
def _exact(weight: float) -> int:
    """A weight as the whole number of 2**-1074 it stores (there are as few weights as
    kinds)."""
    numerator, denominator = weight.as_integer_ratio()
    return numerator * (_EXACT_SCALE // denominator)


def _reading_of_counts(counts: dict[str, int]) -> str:
    """:func:`_reading` from how many claims state each direction."""
    best = max(OPTIMIST_READINGS, key=lambda d: (counts.get(d, 0), -OPTIMIST_READINGS.index(d)))
    return best if counts.get(best, 0) else OPTIMIST_READINGS[0]


def _source_kinds(sources: pd.DataFrame) -> dict[Any, str]:
    """Each source's kind; a source without one is an original report."""
    kind_column = sources["kind"] if "kind" in sources.columns else None
    return {
        s: "original_report" if kind_column is None or pd.isna(k) else str(k)
        for s, k in zip(
            sources["source_id"],
            kind_column if kind_column is not None else sources["source_id"],
            strict=True,
        )
    }


def _kind_weight(kinds: list[str]) -> float:
    """What a report weighs: what the best kind of source that carries it weighs."""
    return max(KIND_WEIGHTS.get(k, 1.0) for k in kinds)


def _total(weights: Any) -> float:
    """The sum of ``weights`` rounded once (the same whatever their order, so that a total
    adjusted for texts left out equals the total summed again)."""
    return math.fsum(weights)


def _lean_of_totals(
    n_reports: int, n_sources: int, weights: dict[str, float], by_reading: dict[str, float]
) -> str:
    """The rule of :func:`decide_lean` on the totals of a body of reports: how many, from how
    many sources, each camp's weight and the optimists' weight by reading."""
    if n_reports < MIN_REPORTS or n_sources < MIN_SOURCES:
        return "thin"
    total = weights["optimist"] + weights["skeptic"]
    if weights["skeptic"] >= LEAN_SHARE * total:
        return "us_ahead"
    if weights["optimist"] < LEAN_SHARE * total:
        return "contested"
    return max(OPTIMIST_READINGS, key=lambda r: (by_reading[r], -OPTIMIST_READINGS.index(r)))


ROBUSTNESS_COLUMNS = [
    "scope",
    "subject",
    "left_out_kind",
    "left_out",
    "lean_all",
    "lean",
    "is_changed",
]


def weigh(tables: dict[str, pd.DataFrame], layers: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Reports, leans and robustness of ``tables`` in one call."""
    reports = independent_reports(tables)
    return {
        "reports": reports,
        "leans": leans(reports, layers),
        "robustness": robustness(tables, layers),
    }


# ---- dating a lean: the period of its evidence, and newer evidence against it -----------------

# A lean is *dated* when newer reports of the other camp that say the gap moved the other way
# carry at least this weight (one original report), or when an out-of-date record bears on it.
MIN_DATED_WEIGHT = 1.0
# The change of the gap that runs against each lean: a US lead is dated by newer reports of a
# narrowing gap, an optimist lean by newer reports of a widening one. Level claims ("China leads
# in chips") do not date a lean: only a claim that the gap moved does.
AGAINST = {
    "us_ahead": ("narrowing",),
    "narrowing": ("widening",),
    "parity": ("widening",),
    "china_ahead": ("widening",),
}
# The change of the gap a lean's own camp claims: an out-of-date record of a claim of that
# change (the claimed narrowing was not happening at the text's date) bears on the lean, in
# whatever dimension the claim was filed.
CLAIMED_CHANGE = {
    "us_ahead": ("widening",),
    "narrowing": ("narrowing",),
    "parity": ("narrowing",),
    "china_ahead": ("narrowing",),
}
# The words that place a period in a month of its text's date, replaced by that month; an
# "earlier" or "later" before them is kept ("earlier in February 2026"): "by earlier this month"
# is not "by February 2026", which reads as "before February" (docs/annotations.md, Dating).
_MONTH_RELATIVE = re.compile(
    r"\b(?:(?P<within>earlier|later) )?(?:this|last) month\b", re.IGNORECASE
)
# A month named without its year, with the day after it if any ("April 30").
_NAMED_MONTH = re.compile(rf"\b(?:{periods.MONTH_WORDS})\b\.?(?:,?\s+\d{{1,2}}\b)?", re.IGNORECASE)


def month_label(published: Any) -> str | None:
    """An ISO date ('2026-02', '2026-05-27', '2026') as 'February 2026', 'May 2026', '2026'."""
    if published is None or pd.isna(published):
        return None
    return brief.month_words(published)


def _placed_words(period: str, placed: str) -> str:
    """A period written relative to its text's month, its month named plainly: 'earlier this
    month' as 'earlier in February 2026' (the part of the month kept), 'last month' as 'January
    2026', 'As of April 30' as 'as of 30 April 2026'."""
    named = brief.month_words(placed[:7])
    if len(placed) > 7:
        named = f"{int(placed[8:10])} {named}"
    if _MONTH_RELATIVE.search(period):
        words = _MONTH_RELATIVE.sub(
            lambda m: f"{m['within'].casefold()} in {named}" if m["within"] else named, period
        )
    else:
        words = _NAMED_MONTH.sub(named, period, count=1)
    # Rewritten, a capital kept from the start of the annotator's words would read oddly
    # inside brackets ("(As of 30 April 2026)").
    return words if words.startswith(named) else words[:1].lower() + words[1:]


def figure_period(
    period: Any, published: Any, anchor: str | None = None, is_date_inferred: bool = False
) -> tuple[float, str] | None:
    """When a figure holds, as (decimal year, words): its period as written when it names a
    year ('late 2023'); a period relative to its text ('last year', 'by earlier this month',
    'As of April 30', 'January') placed by the text's publication date and named plainly
    ('2024', 'by earlier in February 2026', 'as of 30 April 2026', 'January 2026'), with a word
    that the text's date is inferred when ``is_date_inferred`` ('2025; the text's date,
    February 2026, is inferred'; the same for the text's own month, 'by earlier in February
    2026; the text's date, February 2026, is inferred', so that the words before the semicolon
    stay the figure's own); a year before another period of its sentence ('the year before')
    placed from its ``anchor``
    (:func:`gapstudy.facts.period_anchors`) when that is placed; ``None`` when it states no
    period, or one that cannot be placed (relative to an undated text, or chained to no placed
    period)."""
    if period is None or pd.isna(period):
        return None
    year = period_as_year(str(period))
    if year is not None:
        return year, str(period)
    published = None if pd.isna(published) else str(published)
    month = placed_month(period, published)
    if month is not None:
        when = int(month[:4]) + (int(month[5:7]) - 0.5) / 12
        words = _placed_words(str(period), month)
    else:
        in_year = placed_year(period, published, anchor)
        if in_year is None:
            return None
        when, words = in_year + 0.5, str(in_year)
    from_anchor = anchor is not None and periods.names_year(str(anchor))
    if is_date_inferred and published is not None and not from_anchor:
        words += f"; the text's date, {month_label(published)}, is inferred"
    return when, words


class EvidenceIndex:
    """What :func:`report_evidence` and :func:`date_lean` look up in the tables, indexed once:
    each claim's figures, each source's publication date, the figures that end a derived
    measure, the period a "the year before" counts from, each claim's direction. A brief dates
    every layer's and dimension's lean from one index, so that its work grows with the corpus
    once, not once per lean."""

    def __init__(self, tables: dict[str, pd.DataFrame]) -> None:
        figures = tables.get("figures")
        columns = ["figure_id", "claim_id", "source_id", "period", "counterpart"]
        figures = pd.DataFrame(columns=columns) if figures is None else figures
        figures = figures.assign(**{c: pd.NA for c in columns if c not in figures.columns})
        sources = tables["sources"]
        self.published = dict(
            zip(_values(sources["source_id"]), _values(sources["published"]), strict=True)
        )
        derived = tables.get("derived_measures")
        self.ends: set[str] = set()
        if derived is not None and len(derived):
            self.ends = set(derived["numerator_figure_id"]) | set(derived["denominator_figure_id"])
        # Each claim's figures, gathered in one pass: a report looks its claims up instead of
        # filtering the whole figures table.
        self.by_claim: dict[Any, list[tuple]] = {}
        for f in zip(*(_values(figures[c]) for c in columns), strict=True):
            self.by_claim.setdefault(f[1], []).append(f)
        self.anchors = period_anchors(figures)
        claims = tables["claims"]
        self.directions = pd.Series(claims["direction"].array, index=claims["claim_id"].array)
        self.direction_of = dict(
            zip(_values(claims["claim_id"]), _values(claims["direction"]), strict=True)
        )


def _values(column: pd.Series) -> list[Any]:
    """A column's values as a list, as iterating over it gives them (a column of strings is
    read in one step, not one value at a time)."""
    if isinstance(column.dtype, pd.StringDtype):
        return column.to_numpy().tolist()
    return list(column)


def report_evidence(
    reports: pd.DataFrame, tables: dict[str, pd.DataFrame], index: EvidenceIndex | None = None
) -> pd.DataFrame:
    """``reports`` with what each rests on: ``is_measured`` (a claim of it gives a figure),
    ``periods`` (the (year, words) of its figures that state a period, oldest first),
    ``gap_periods`` (the same, of its figures that measure a gap: set against a counterpart or
    an end of a derived measure) and ``said`` (the (year, words) of the earliest publication
    of its sources, when it was said; ``None`` for undated texts). ``index`` is
    ``EvidenceIndex(tables)``, made here when not given."""
    index = EvidenceIndex(tables) if index is None else index
    published, ends, anchors = index.published, index.ends, index.anchors
    out = []
    for claim_ids, source_ids in zip(reports["claim_ids"], reports["source_ids"], strict=True):
        mine = [f for c in set(claim_ids) for f in index.by_claim.get(c, ())]
        periods, gaps = [], []
        for figure_id, _, source_id, period, counterpart in mine:
            when = figure_period(period, published.get(source_id), anchors.get(figure_id))
            if when is None:
                continue
            periods.append(when)
            if figure_id in ends or not pd.isna(counterpart):
                gaps.append(when)
        dates = [(published_as_year(str(published[s])), month_label(published[s]))
                 for s in source_ids if not pd.isna(published.get(s))]  # fmt: skip
        out.append(
            {
                "is_measured": bool(mine),
                "periods": sorted(set(periods)),
                "gap_periods": sorted(set(gaps)),
                "said": min(dates) if dates else None,
            }
        )
    extra = pd.DataFrame(out, columns=["is_measured", "periods", "gap_periods", "said"])
    return pd.concat([reports.reset_index(drop=True), extra], axis=1)


def _when(report: Any) -> tuple[float, str] | None:
    """When a report holds: the newest period its figures state, else when it was said."""
    return report.periods[-1] if report.periods else report.said


def date_lean(
    reports: pd.DataFrame,
    lean: str,
    tables: dict[str, pd.DataFrame],
    index: EvidenceIndex | None = None,
) -> dict[str, Any]:
    """How old the evidence behind ``lean`` is and whether newer evidence runs against it, for
    one body of reports (a dimension's, or a layer's):

    - ``period``: the oldest and newest (year, words) of the periods stated by the gap figures
      of the camp that carries the lean (all its figures with a period when none measures a
      gap); ``None`` when its figures state no period;
    - ``measured_share``: the share of that camp's weight in reports that give a figure (the
      rest is opinion);
    - ``against``: the other camp's reports newer than that period's end (or than the newest
      report of the carrying camp, when it states no period) whose claims say the gap moved
      the other way (``AGAINST``), newest first;
    - ``records``: the ``out_of_date`` rows on claims of the carrying camp that state the
      change of the gap the lean rests on (``CLAIMED_CHANGE``), in any dimension;
    - ``is_dated``: ``against`` carries at least ``MIN_DATED_WEIGHT``, or a record bears on it.

    ``contested`` and ``thin`` leans have no carrying camp: only ``measured_share`` per camp
    is meaningful, and they are never dated. ``index`` is ``EvidenceIndex(tables)``, made here
    when not given. Long because it states one rule in one place.
    """
    index = EvidenceIndex(tables) if index is None else index
    evidence = report_evidence(reports, tables, index)
    shares = {}
    for camp in CAMPS:
        ours = evidence[evidence["stance"] == camp]
        total = float(ours["weight"].sum())
        measured = float(ours.loc[ours["is_measured"], "weight"].sum())
        shares[camp] = measured / total if total else None
    camp = "skeptic" if lean == "us_ahead" else "optimist" if lean in AGAINST else None
    result: dict[str, Any] = {
        "camp": camp,
        "period": None,
        "measured_share": shares,
        "against": [],
        "records": [],
        "is_dated": False,
    }
    if camp is None:
        return result
    ours = evidence[evidence["stance"] == camp]
    gaps = [p for ps in ours["gap_periods"] for p in ps] or [
        p for ps in ours["periods"] for p in ps
    ]
    if gaps:
        result["period"] = (min(gaps), max(gaps))
        newest = max(gaps)[0]
    else:
        said = [_when(r) for r in ours.itertuples(index=False)]
        newest = max((w[0] for w in said if w), default=None)
    direction_of = index.direction_of
    against = []
    for r in evidence[evidence["stance"] != camp].itertuples(index=False):
        when = _when(r)
        directions = {direction_of[c] for c in r.claim_ids}
        if when and newest is not None and when[0] > newest and directions & set(AGAINST[lean]):
            against.append({**r._asdict(), "when": when})
    result["against"] = sorted(against, key=lambda a: -a["when"][0])
    records = tables.get("out_of_date")
    if records is not None and len(records):
        direction = records["claim_id"].map(index.directions)
        bears = (records["stance"] == camp) & direction.isin(CLAIMED_CHANGE[lean])
        result["records"] = records[bears].to_dict("records")
    weight = sum(a["weight"] for a in result["against"])
    result["is_dated"] = weight >= MIN_DATED_WEIGHT or bool(result["records"])
    return result
