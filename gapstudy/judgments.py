"""Judgements across texts, held to rules: what kind of evidence each source is, which pairs of
claims truly disagree, and which claims were already out of date when written.

The rules, each with its example in ``docs/annotations.md`` ("Sources as evidence", "Facts and
disagreements"), are checked here where a machine can tell:

- a source says which events it reports (``event``; ``kind`` is asked for by the sources
  table's required column);
- a disagreement's sides speak of one period (the entry's ``period``; a side that gives another
  is refused), and, for a contradiction or divergence, of the disagreement's dimension;
- a level is not a trend: sides saying where the gap stands (``us_ahead``, ``china_ahead``,
  ``parity``) and sides saying where it moves (``narrowing``, ``widening``) can both hold, so
  they are not set against each other;
- sides must be able to fail together: a contradiction or divergence whose sides all share one
  direction and one stance is refused;
- figures of one numeric fact that agree within its tolerance agree, and cannot be a
  disagreement;
- a claim contradicted by the record at its own date is recorded in
  ``data/annotations/out_of_date.yaml`` (table ``out_of_date``), never as a side of a
  disagreement; its source must be dated, and the evidence of the record (when it is a report
  of the corpus) must come from another text.

:mod:`gapstudy.check` calls :func:`check_judgments` once; the table builder
:func:`list_out_of_date` is called by :mod:`gapstudy.tables`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from gapstudy import schema
from gapstudy.annotations import SourceAnnotations
from gapstudy.disagreements import load_disagreements_spec
from gapstudy.exceptions import AnnotationError, InputError, Problem, TableError, report_key
from gapstudy.facts import judge_numeric_agreement, report_interval
from gapstudy.figures import ParsedFigure
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.sources import Source
from gapstudy.specfile import check_fields, read_optional
from gapstudy.yamlfile import line_of_key

TRENDS = frozenset({"narrowing", "widening"})
LEVELS = frozenset({"us_ahead", "china_ahead", "parity"})
# Kinds whose sides are opposite answers to one question (not reports of one remark).
OPPOSED_KINDS = frozenset({"contradiction", "divergence"})
OUT_OF_DATE_FILE = "out_of_date.yaml"
_OUT_OF_DATE_FIELDS = ("claim", "record", "evidence", "note")


class CorpusLike(Protocol):
    """What the rules read of :class:`gapstudy.check.Corpus` (not imported: check calls us)."""

    sources: dict[str, Source]
    annotations: dict[str, SourceAnnotations]
    parsed: dict[str, ParsedFigure]
    facts: list[dict[str, Any]]


@dataclass(frozen=True)
class Report:
    """A claim, or a figure of a claim, named by a disagreement or an out-of-date record."""

    report_id: str
    source_id: str
    claim: dict[str, Any]
    figure: dict[str, Any] | None
    parsed: ParsedFigure | None

    @property
    def fact(self) -> str | None:
        spec = self.figure if self.figure is not None else self.claim
        return spec.get("fact")


def find_report(corpus: CorpusLike, report_id: str) -> Report | None:
    """The claim (``<source_id>/<key>``) or figure (``<source_id>/<key>/<n>``) named, if any."""
    parts = str(report_id).split("/")
    if len(parts) not in (2, 3) or parts[0] not in corpus.annotations:
        return None
    claim = next((c for c in corpus.annotations[parts[0]].claims if c.key == parts[1]), None)
    if claim is None:
        return None
    if len(parts) == 2:
        return Report(report_id, parts[0], claim.spec, None, None)
    figure = next((f for f in claim.figures if str(f.n) == parts[2]), None)
    if figure is None:
        return None
    return Report(report_id, parts[0], claim.spec, figure.spec, corpus.parsed.get(report_id))


# --- sources ---------------------------------------------------------------------------------


def check_source_quality(sources: dict[str, Source], path: Path) -> list[Problem]:
    """Every source says what it reports (``event``); ``kind`` left null is asked for by the
    sources table's required column, so it is not asked twice here."""
    problems = []
    for sid, source in sources.items():
        if not source.meta["event"]:
            problems.append(
                Problem(
                    path,
                    line_of_key(source.meta, "event"),
                    f"{sid}: event is empty: which occasion(s) does the text report?",
                    "list their ids, e.g. event: [agi-next-2026]; texts reporting the same "
                    "occasion share its id (docs/annotations.md, Sources as evidence)",
                )
            )
    return problems


# --- disagreements ---------------------------------------------------------------------------


def _side_periods(entry: dict[str, Any]) -> list[str]:
    return [str(side.get("period") or entry["period"]) for side in entry["sides"]]


def _period_problems(entry: dict[str, Any], path: Path) -> list[Problem]:
    """One period for every side."""
    did = entry["disagreement_id"]
    periods = list(dict.fromkeys(_side_periods(entry)))
    if len(periods) < 2:
        return []
    return [
        Problem(
            path,
            entry["line"],
            f"{did}: the sides speak of different periods ({' / '.join(periods)})",
            "statements about different periods can both hold: record them as a change over "
            "time, not a disagreement (docs/annotations.md, Facts and disagreements)",
        )
    ]


def _direction_problems(entry: dict[str, Any], sides: list[Report], path: Path) -> list[Problem]:
    """Same dimension, no level set against a trend, and sides that cannot both hold."""
    did, kind = entry["disagreement_id"], entry["kind"]
    if kind not in OPPOSED_KINDS:
        return []
    problems = []
    for side in sides:
        if side.claim["dimension"] != entry["dimension"]:
            problems.append(
                Problem(
                    path,
                    entry["line"],
                    f"{did}: side {side.report_id!r} is about {side.claim['dimension']}, the "
                    f"disagreement about {entry['dimension']}",
                    "a disagreement needs one quantity or question: drop the side",
                )
            )
    directions = {side.claim["direction"] for side in sides}
    if directions & TRENDS and directions & LEVELS:
        levels = [s.report_id for s in sides if s.claim["direction"] in LEVELS]
        problems.append(
            Problem(
                path,
                entry["line"],
                f"{did}: a level is not a trend: {', '.join(levels)} say where the gap stands, "
                "other sides where it moves",
                "a small gap can be widening and a wide one narrowing: keep sides of one "
                "kind, levels or trends",
            )
        )
    if len({(s.claim["direction"], s.claim["stance"]) for s in sides}) < 2:
        side = sides[0].claim
        problems.append(
            Problem(
                path,
                entry["line"],
                f"{did}: every side says the same ({side['direction']}, {side['stance']}): "
                "the sides can both hold",
                "a disagreement needs statements that cannot both hold: remove the entry",
            )
        )
    return problems


def _tolerance_problems(
    entry: dict[str, Any], sides: list[Report], facts: dict[str, dict[str, Any]], path: Path
) -> list[Problem]:
    """Figures of numeric facts that agree within each fact's tolerance are no disagreement:
    refused when every side is a figure of a numeric fact and every fact's figures agree."""
    groups: dict[str, list[ParsedFigure]] = {}
    for side in sides:
        fact = facts.get(side.fact or "")
        if side.parsed is None or fact is None or fact.get("tolerance_pct") is None:
            return []
        groups.setdefault(fact["fact_id"], []).append(side.parsed)
    reasons = []
    for fact_id, parsed in groups.items():
        intervals = [report_interval(p.bound, p.value, p.low, p.high) for p in parsed]
        agree, why = judge_numeric_agreement(intervals, float(facts[fact_id]["tolerance_pct"]))
        if not agree:
            return []
        reasons.append(f"{fact_id}: {why}")
    return [
        Problem(
            path,
            entry["line"],
            f"{entry['disagreement_id']}: the figures agree within their facts' tolerance "
            f"({'; '.join(reasons)})",
            "values within the declared tolerance agree: remove the entry; the fact table "
            "shows the small difference",
        )
    ]


def check_disagreements(
    corpus: CorpusLike, entries: list[dict[str, Any]], path: Path
) -> list[Problem]:
    """The rules above for every entry of ``disagreements.yaml`` whose sides all exist (a side
    naming nothing is reported by :mod:`gapstudy.check`)."""
    facts = {f.get("fact_id"): f for f in corpus.facts}
    problems: list[Problem] = []
    for entry in entries:
        problems += _period_problems(entry, path)
        sides = [find_report(corpus, side["report"]) for side in entry["sides"]]
        if any(side is None for side in sides):
            continue
        problems += _direction_problems(entry, sides, path)
        problems += _tolerance_problems(entry, sides, facts, path)
    return problems


# --- out of date -----------------------------------------------------------------------------


def load_out_of_date_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The records of ``data/annotations/out_of_date.yaml`` (none when the file is absent),
    each with its ``line``; keys and types are checked by :mod:`gapstudy.input_schema`."""
    path = (paths or project_paths()).annotations / OUT_OF_DATE_FILE
    entries = read_optional(path, "out_of_date")
    problems = [p for e in entries for p in check_fields(e, _OUT_OF_DATE_FIELDS, path, "record")]
    if problems:
        raise AnnotationError(problems)
    return entries


def check_out_of_date(
    corpus: CorpusLike,
    entries: list[dict[str, Any]],
    disagreements: list[dict[str, Any]],
    path: Path,
) -> list[Problem]:
    """Each record names a claim of a dated source, once, with evidence from another text, and
    the claim is no side of a disagreement."""
    sides = {
        str(side["report"]): entry["disagreement_id"]
        for entry in disagreements
        for side in entry["sides"]
    }
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        rid, line = str(entry["claim"]), entry["line"]
        report = find_report(corpus, rid)
        if report is None:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{rid!r} is neither a claim nor a figure of the corpus",
                    "use '<source_id>/<claim key>' or '<source_id>/<claim key>/<n>'",
                    about=frozenset({report_key(rid)}),
                )
            )
            continue
        if rid in seen:
            problems.append(Problem(path, line, f"{rid!r} is recorded twice", "merge the two"))
        seen.add(rid)
        meta = corpus.sources[report.source_id].meta
        if meta["date_precision"] == "unknown":
            problems.append(
                Problem(
                    path,
                    line,
                    f"{rid!r}: its source has no date",
                    "a claim is out of date only against the record at a known date",
                )
            )
        claim_id = "/".join(rid.split("/")[:2])
        for named in dict.fromkeys((rid, claim_id)):
            if named in sides:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"{rid!r} is out of date and a side of disagreement {sides[named]!r}",
                        "a claim contradicted by the record at its date is out of date, "
                        "not a contradiction: drop the side",
                    )
                )
        evidence = entry.get("evidence")
        if evidence is not None:
            found = find_report(corpus, str(evidence))
            if found is None or found.source_id == report.source_id:
                why = "names nothing" if found is None else "comes from the same text"
                problems.append(
                    Problem(
                        path,
                        line,
                        f"{rid!r}: evidence {evidence!r} {why}",
                        "name a claim or figure of another text that shows the record, "
                        "or give it as null and say where the record is in the note",
                        about=frozenset({report_key(str(evidence))}),
                    )
                )
    return problems


def list_out_of_date(
    claims: pd.DataFrame,
    figures: pd.DataFrame,
    sources: pd.DataFrame,
    spec: list[dict[str, Any]],
) -> pd.DataFrame:
    """The ``out_of_date`` table: one row per record, with the claim's words, source, date and
    voice beside what the record was at that date. Raises :class:`TableError` for a record
    naming no claim or figure of the tables."""
    table = schema.OUT_OF_DATE
    claim_by_id = claims.set_index("claim_id", drop=False)
    figure_by_id = figures.set_index("figure_id", drop=False)
    published = dict(zip(sources["source_id"], sources["published"], strict=True))
    rows = []
    for entry in spec:
        rid = str(entry["claim"])
        if rid in figure_by_id.index:
            fig = figure_by_id.loc[rid]
            claim, quote, line, figure_id = (
                claim_by_id.loc[fig["claim_id"]],
                fig["text"],
                fig["line"],
                rid,
            )
        elif rid in claim_by_id.index:
            claim = claim_by_id.loc[rid]
            quote, line, figure_id = claim["quote"], claim["line"], None
        else:
            raise TableError(
                f"{OUT_OF_DATE_FILE} line {entry['line']}: {rid!r} is neither a claim nor a figure"
            )
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "figure_id": figure_id,
                "source_id": claim["source_id"],
                "published": published.get(claim["source_id"]),
                "voice_id": claim["voice_id"],
                "quote": quote,
                "line": line,
                "dimension": claim["dimension"],
                "stance": claim["stance"],
                "record": entry["record"],
                "evidence_id": entry.get("evidence"),
                "note": entry.get("note"),
            }
        )
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return frame.astype(table.dtypes).reset_index(drop=True)


# --- all of them -----------------------------------------------------------------------------


def check_judgments(
    corpus: CorpusLike,
    paths: ProjectPaths,
    *,
    check_entries: Callable[[list[dict[str, Any]], Path], list[Problem]] | None = None,
) -> list[Problem]:
    """Every rule of this module over the corpus: the one call :mod:`gapstudy.check` makes.
    ``check_entries(entries, path)`` checks the disagreements (default
    :func:`check_disagreements`); the checker passes one that keeps each entry's problems."""
    problems = check_source_quality(corpus.sources, paths.sources_file)
    try:
        disagreements = load_disagreements_spec(paths)
        out_of_date = load_out_of_date_spec(paths)
    except InputError as err:
        return problems + err.problems
    path = paths.annotations / "disagreements.yaml"
    if check_entries is None:
        problems += check_disagreements(corpus, disagreements, path)
    else:
        problems += check_entries(disagreements, path)
    problems += check_out_of_date(
        corpus, out_of_date, disagreements, paths.annotations / OUT_OF_DATE_FILE
    )
    return problems
