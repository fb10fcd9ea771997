"""Validation of the annotations against the schema, the vocabularies and the texts, and the
coverage report: ``gapstudy check``.

Checks write nothing but their own scratch entries (``.cache/check/``, see
:mod:`gapstudy.checkcache`: the results of each unchanged source are reused). Every problem
names the file, the line and what to do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from gapstudy import checkcache, schema, vocab
from gapstudy.annotations import (
    SHARED_VOICES_FILE,
    ClaimNote,
    FigureNote,
    SourceAnnotations,
    figure_dated_by_year,
    load_shared_voices,
    load_source_annotations,
)
from gapstudy.disagreements import load_disagreements_spec
from gapstudy.entities import Entities, load_entities
from gapstudy.exceptions import (
    AnnotationError,
    FigureParseError,
    InputError,
    Problem,
    SourceError,
    fold_consequences,
    number_key,
    report_key,
    source_key,
)
from gapstudy.facts import load_facts_spec, period_anchors
from gapstudy.figures import (
    ParsedFigure,
    format_reading,
    learn_unit_answers,
    parse_figure,
    unit_answers,
)
from gapstudy.input_schema import CROSS_SOURCE_FILES, check_document
from gapstudy.judgments import (
    check_disagreements,
    check_judgments,
)
from gapstudy.measures import load_derived_spec, years_apart
from gapstudy.mentions import Mention, covering_span, find_mentions, find_numbers, is_year
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.periods import PeriodError, parse_period
from gapstudy.references import load_references_spec
from gapstudy.reuse import (
    MetricUse,
    Voiced,
    metric_uses,
    near_events,
    near_metrics,
    near_shared_voices,
    near_shared_voices_of,
)
from gapstudy.sentences import read_in_sentence
from gapstudy.sources import Source, load_sources
from gapstudy.yamlfile import (
    LINE_KEY,
    LINES_KEY,
    invisible_characters,
    keep_yaml,
    line_of_key,
    read_text,
    read_yaml,
    read_yaml_keyed,
)

# Keys and types of every entry are declared in gapstudy.input_schema and checked by the
# loaders; the rules here are about meaning. Figure fields that are checked against the parse:
HAND_CHECKED = ("value", "low", "high", "unit", "kind", "qualifier")


@dataclass(frozen=True)
class MentionStatus:
    """A numeric mention in a source and what covers it."""

    source_id: str
    mention: Mention
    segment_kind: str
    status: str  # annotated | excluded | open
    figure_id: str | None = None
    exclusion_reason: str | None = None


@dataclass
class Corpus:
    """The validated inputs: sources, their annotations, parsed figures, mention coverage."""

    sources: dict[str, Source]
    annotations: dict[str, SourceAnnotations]
    parsed: dict[str, ParsedFigure]  # figure_id -> parse
    mentions: list[MentionStatus]
    facts: list[dict[str, Any]]
    entities: Entities
    problems: list[Problem] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # each source's check key, by id
    # What the rules across sources read of each source (``SourceSummary``), by id, when the
    # corpus was checked by the gate (its annotations, figures and mentions are then read
    # from the sources' stored checks only when asked for).
    summaries: dict[str, SourceSummary] = field(default_factory=dict, repr=False)
    # Reads the stored checks of some sources when the corpus was taken from the gate's
    # stored result (``annotations``, ``parsed`` and ``mentions`` are then empty).
    stored: Callable[[list[str]], dict[str, SourceCheck]] | None = field(default=None, repr=False)

    def of_sources(self, sids: list[str]) -> Corpus:
        """The corpus as the sources ``sids`` alone give it: every source listed, but only
        their annotations, figures and mentions (read from their stored checks when the
        corpus holds none of them)."""
        if self.stored is None:
            wanted = set(sids)
            notes = {sid: n for sid, n in self.annotations.items() if sid in wanted}
            mentions = [m for m in self.mentions if m.source_id in wanted]
            return Corpus(self.sources, notes, self.parsed, mentions, self.facts, self.entities)
        checks = self.stored(list(sids))
        return Corpus(
            self.sources,
            {sid: checks[sid].notes for sid in sids if checks[sid].notes is not None},
            {fid: fig for sid in sids for fid, fig in checks[sid].parsed.items()},
            [m for sid in sids for m in checks[sid].mentions],
            self.facts,
            self.entities,
        )

    def coverage(self) -> dict[str, tuple[int, int]]:
        """Per source: (mentions annotated or excluded, mentions in scope) in body text."""
        if self.summaries:
            return {sid: self.summaries[sid].coverage for sid in self.sources}
        result = {sid: (0, 0) for sid in self.sources}
        for m in self.mentions:
            if m.status != "out_of_scope":
                done, total = result[m.source_id]
                result[m.source_id] = (done + (m.status != "open"), total + 1)
        return result


def _in_vocab(value: Any, allowed: dict[str, Any], name: str, path, line) -> list[Problem]:
    if value is None or value in allowed:
        return []
    return [
        Problem(
            path,
            line,
            f"{name} {value!r} is not in the vocabulary",
            f"use one of: {', '.join(sorted(allowed))}",
        )
    ]


def _check_entity(value: Any, name: str, entities: Entities, path, line) -> list[Problem]:
    if value is None or entities.canonical(str(value)) is not None:
        return []
    return [
        Problem(
            path,
            line,
            f"{name} {value!r} is not a known entity",
            f"use a name or alias from {entities.path.name} (or add the entity there)",
        )
    ]


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def _check_source(
    notes: SourceAnnotations, fact_ids: set[str], entities: Entities
) -> tuple[dict, list[Problem]]:
    """Rules for one annotation file; returns parsed figures by id and problems."""
    path, sid = notes.path, notes.source.source_id
    problems: list[Problem] = []
    parsed: dict[str, ParsedFigure] = {}
    claims_by_voice: dict[str, list[str]] = {k: [] for k in notes.voices}
    cited: set[str] = set()
    for voice in notes.voices.values():
        line = voice["__line__"]
        problems += _in_vocab(voice.get("kind"), vocab.VOICE_KINDS, "voice kind", path, line)
        problems += _in_vocab(voice.get("stance"), vocab.STANCES, "stance", path, line)
        if voice.get("cites"):
            cited.add(voice["cites"])
    claim_keys: set[str] = set()
    for claim in notes.claims:
        if claim.key in claim_keys:
            problems.append(Problem(path, claim.line, f"duplicate claim key {claim.key!r}"))
        claim_keys.add(claim.key)
        problems += _check_claim(notes, claim, fact_ids, claims_by_voice)
        if claim.spec.get("cites"):
            cited.add(claim.spec["cites"])
        for fig in claim.figures:
            fid = f"{sid}/{claim.key}/{fig.n}"
            result, figure_problems = _check_figure(
                fig.spec, fig.line, fid, path, fact_ids, entities
            )
            problems += figure_problems
            if result is not None:
                parsed[fid] = result
                problems += _check_figure_in_sentence(notes, fig, fid, result)
    problems += _check_voice_stances(notes, claims_by_voice, cited)
    problems += _check_cite_cycles(notes)
    problems += _check_restatements(notes)
    problems += _check_not_claims(notes)
    problems += _check_inferred_affiliations(notes)
    for key in sorted(cited - set(notes.voices)):
        problems.append(
            Problem(
                path,
                None,
                f"cites {key!r}, which is not a voice of this file",
                "declare the cited source under voices",
            )
        )
    return parsed, problems


def _check_cite_cycles(notes: SourceAnnotations) -> list[Problem]:
    """A voice that cites itself, or voices that cite each other round in a circle: no voice in
    the circle is the origin of what they report."""
    problems, reported = [], set()
    for start in sorted(notes.voices):
        chain, key = [], start
        while isinstance(key, str) and key in notes.voices and key not in chain:
            chain.append(key)
            key = notes.voices[key].get("cites")
        if key not in chain or key in reported:
            continue
        circle = chain[chain.index(key) :]
        reported.update(circle)
        problems.append(
            Problem(
                notes.path,
                notes.voices[key]["__line__"],
                "voice "
                + " cites ".join(repr(k) for k in [*circle, key])
                + ": citations go round in a circle",
                "a voice cites the one it took its words from; remove the cites that loops back",
            )
        )
    return problems


def _check_claim(
    notes: SourceAnnotations,
    claim: ClaimNote,
    fact_ids: set[str],
    claims_by_voice: dict[str, list[str]],
) -> list[Problem]:
    """Rules for one claim (its figures aside): a declared voice, known terms, a declared fact,
    a quote inside one segment. Records the claim's stance under its voice."""
    path, spec, line = notes.path, claim.spec, claim.line
    problems: list[Problem] = []
    if spec.get("voice") not in notes.voices:
        problems.append(
            Problem(
                path,
                line,
                f"claim {claim.key!r}: voice {spec.get('voice')!r} is not declared",
                "add it under voices",
            )
        )
    else:
        claims_by_voice[spec["voice"]].append(spec.get("stance"))
    for name, allowed in (
        ("dimension", vocab.DIMENSIONS),
        ("direction", vocab.DIRECTIONS),
        ("stance", vocab.STANCES),
    ):
        problems += _in_vocab(spec.get(name), allowed, name, path, line_of_key(spec, name))
    if spec.get("fact") and spec["fact"] not in fact_ids:
        problems.append(
            Problem(
                path,
                line,
                f"fact {spec['fact']!r} is not in facts.yaml",
                "declare it in data/annotations/facts.yaml",
            )
        )
    if claim.span is not None:
        kinds = {notes.source.segment_at(i).kind for i in (claim.span[0], claim.span[1] - 1)}
        if len(kinds) > 1:
            problems.append(
                Problem(
                    path,
                    line,
                    f"quote of claim {claim.key!r} crosses segments ({', '.join(sorted(kinds))})",
                    "split the claim",
                )
            )
    return problems


def _check_period_precision(fspec: dict[str, Any], fid: str, path: Path) -> list[Problem]:
    """A period that names a year has the precision its words give ('2024' a year, 'late
    2023' part of a year, '2023 to 2025' a range, 'since 2025' open); a relative period
    ('last year') takes whichever precision the annotator gives. An unreadable period is the
    schema's to report."""
    period, declared = fspec.get("period"), fspec.get("period_precision")
    if not isinstance(period, str) or declared not in vocab.PERIOD_PRECISIONS:
        return []
    try:
        read = parse_period(period)
    except PeriodError:
        return []
    if read.is_relative or read.precision == declared:
        return []
    return [
        Problem(
            path,
            line_of_key(fspec, "period_precision"),
            f"figure {fid!r}: period {period!r} is a {read.precision} period, "
            f"but period_precision is {declared!r}",
            f"set period_precision: {read.precision}, or correct the period",
        )
    ]


def _check_figure(
    fspec: dict[str, Any],
    fline: int | None,
    fid: str,
    path: Path,
    fact_ids: set[str],
    entities: Entities,
) -> tuple[ParsedFigure | None, list[Problem]]:
    """Rules for one figure: known entities and terms, a declared fact, a reason for an
    interpretation, words the normaliser reads, hand-given values that agree with the reading.
    Returns the reading (``None`` when the words cannot be read) and the problems."""
    problems = _check_entity(fspec.get("entity"), "entity", entities, path, fline)
    problems += _check_entity(fspec.get("counterpart"), "counterpart", entities, path, fline)
    problems += _in_vocab(
        fspec.get("period_precision"), vocab.PERIOD_PRECISIONS, "period_precision", path, fline
    )
    problems += _check_period_precision(fspec, fid, path)
    if fspec.get("fact") and fspec["fact"] not in fact_ids:
        problems.append(
            Problem(
                path,
                fline,
                f"fact {fspec['fact']!r} is not in facts.yaml",
                "declare it in data/annotations/facts.yaml",
            )
        )
    if fspec.get("interpretation") and not fspec.get("interpretation_note"):
        problems.append(
            Problem(
                path,
                fline,
                f"figure {fid!r}: interpretation without a reason",
                "add interpretation_note",
            )
        )
    if not isinstance(fspec.get("text"), str):
        return None, problems
    try:
        result = parse_figure(fspec["text"])
    except FigureParseError as err:
        return None, [*problems, Problem(path, fline, str(err), unparsed_hint(fspec["text"]))]
    problems += _check_unit_as_meant(fspec, result, fid, path, fline)
    problems += _check_from_to(fspec, result, fid, path, fline)
    for name in HAND_CHECKED:
        if name in fspec and not _close(fspec[name], getattr(result, name)):
            problems.append(
                Problem(
                    path,
                    fline,
                    f"figure {fid!r}: {name} given by hand as {fspec[name]!r} but "
                    f"{fspec['text']!r} parses to {getattr(result, name)!r}",
                    "correct the hand value or the figure text",
                )
            )
    return result, problems


def _check_figure_in_sentence(
    notes: SourceAnnotations, fig: FigureNote, fid: str, own: ParsedFigure
) -> list[Problem]:
    """A figure must read as the drafts read it in its sentence: quoting fewer words than the
    reading needs ("70%" of "roughly 70%", "6.3%" of "shares tumbling 6.3%") loses what
    decides it. A part that differs passes only when given by hand (the annotator's reading,
    itself checked against the words); a refusal, only when the number is."""
    found = _reading_in_sentence(notes.source.text, fig.span) if fig.span else None
    if found is None:
        return []
    words, reading = found
    if "refusal" in reading:
        if any(name in fig.spec for name in ("value", "low", "high")):
            return []
        said = f"the draft refuses {words!r}: {reading['refusal']}"
    elif "kind" in reading:
        differ = [n for n in _READ_IN_SENTENCE if not _close(getattr(own, n), reading.get(n))]
        if all(name in fig.spec for name in differ):
            return []
        said = (
            f"{words!r} reads as {format_reading(reading)}, its own words as "
            f"{format_reading(vars(own))} ({', '.join(differ)} differ)"
        )
    else:
        return []
    return [
        Problem(
            notes.path,
            fig.line,
            f"figure {fid!r}: {fig.spec['text']!r} is read from its own words, but in its "
            f"sentence {said}",
            f"quote the words that decide its reading ({words!r} at least), or exclude it",
        )
    ]


# What a figure's own reading and its reading in its sentence must share.
# A qualifier of emphasis ("only 2.7%") sets no bound, so the bound is compared, not the words.
_READ_IN_SENTENCE = ("kind", "unit", "value", "low", "high", "bound")


@lru_cache(maxsize=1)
def _line_mentions(line: str) -> tuple[Mention, ...]:
    """The mentions of one line: a file's figures come in the order of its text, so the
    figures of one line ask for them one after another (the last line's are kept)."""
    return tuple(find_mentions(line))


def _reading_in_sentence(text: str, span: tuple[int, int]) -> tuple[str, dict] | None:
    """The words of the mention holding the number inside ``span`` of ``text`` and the drafts'
    reading of it in its sentence; None where no mention's number lies inside."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    end = len(text) if end < 0 else end
    for m in _line_mentions(text[start:end]):
        number = (m.number_span[0] + start, m.number_span[1] + start)
        if span[0] <= number[0] and number[1] <= span[1]:
            mention = Mention(m.start + start, m.end + start, m.text, number=number)
            return m.text, read_in_sentence(text, mention)
    return None


def _check_voice_stances(
    notes: SourceAnnotations, claims_by_voice: dict[str, list[str]], cited: set[str]
) -> list[Problem]:
    """Each voice is justified by a claim (or cited), and its stance by its claims' stances."""
    path = notes.path
    problems: list[Problem] = []
    for key, voice in notes.voices.items():
        stances = claims_by_voice[key]
        line = voice["__line__"]
        if not stances and key not in cited:
            problems.append(
                Problem(
                    path,
                    line,
                    f"voice {key!r} has no claim and is cited by none",
                    "add the claim that justifies its stance, or remove it",
                )
            )
        stance = voice.get("stance")
        if stances and stance in ("optimist", "skeptic") and stance not in stances:
            problems.append(
                Problem(
                    path,
                    line,
                    f"voice {key!r} is {stance!r} but none of its claims "
                    f"is ({', '.join(sorted(set(map(str, stances))))})",
                    "fix the stance or add the claim that justifies it",
                )
            )
        if (
            stances
            and stance == "mixed"
            and not ("mixed" in stances or {"optimist", "skeptic"} <= set(stances))
        ):
            problems.append(
                Problem(
                    path,
                    line,
                    f"voice {key!r} is 'mixed' but its claims are not",
                    "a mixed voice needs optimist and skeptic claims, or a mixed one",
                )
            )
    return problems


def _check_unit_as_meant(
    fspec: dict[str, Any], parsed: ParsedFigure, fid: str, path, line
) -> list[Problem]:
    """``unit_as_meant`` only for a reinterpretation declared in vocab, and always explained."""
    if "unit_as_meant" not in fspec:
        return []
    meant = fspec["unit_as_meant"]
    allowed = [f"{a} -> {b}" for a, b in vocab.UNIT_REINTERPRETATIONS]
    if (parsed.unit, meant) not in vocab.UNIT_REINTERPRETATIONS:
        return [
            Problem(
                path,
                line,
                f"figure {fid!r}: unit_as_meant {meant!r} for words read in {parsed.unit!r} is"
                " not a declared reinterpretation",
                f"allowed: {', '.join(allowed)}; otherwise drop unit_as_meant",
            )
        ]
    if not fspec.get("interpretation_note"):
        return [
            Problem(
                path,
                line,
                f"figure {fid!r}: unit_as_meant without a reason",
                "add interpretation_note saying why the unit is read so",
            )
        ]
    return []


def _check_from_to(
    fspec: dict[str, Any], parsed: ParsedFigure, fid: str, path, line
) -> list[Problem]:
    """A figure quoted as the whole "from X to Y" would store the change, a number the text
    does not contain; the text reports two levels, which a draft gives and the rule asks for
    (docs/annotations.md, "From X to Y" is two levels)."""
    if parsed.ends is None:
        return []
    start, end = (f"{level.text!r}" for level in parsed.ends)
    return [
        Problem(
            path,
            line,
            f"figure {fid!r}: {fspec['text']!r} is a change 'from X to Y', which the text reports "
            f"as two levels ({start} and {end}); the change is a number it does not contain",
            "quote the two levels as two figures of the claim, each with its period, and add a "
            "'change' measure naming them to data/annotations/derived.yaml; a range of values "
            "('ranging from 5% to 10%') is quoted without 'from' ('5% to 10%')",
        )
    ]


def _check_restatements(notes: SourceAnnotations) -> list[Problem]:
    """``restates: <claim key>/<n>`` names an earlier figure of the same file."""
    problems = []
    order = [f"{c.key}/{f.n}" for c in notes.claims for f in c.figures]
    for claim in notes.claims:
        for fig in claim.figures:
            target = fig.spec.get("restates")
            if target is None:
                continue
            here = f"{claim.key}/{fig.n}"
            if target not in order or order.index(target) >= order.index(here):
                problems.append(
                    Problem(
                        notes.path,
                        line_of_key(fig.spec, "restates"),
                        f"figure {here!r} restates {target!r}, which is not an earlier figure"
                        " of this file",
                        "name the first report as '<claim key>/<n>'",
                    )
                )
    return problems


def _check_not_claims(notes: SourceAnnotations) -> list[Problem]:
    """A ``not_claims`` entry is body text, gives its reason, and overlaps no claim's quote."""
    problems = []
    claim_spans = [(c.key, c.span) for c in notes.claims if c.span is not None]
    for note in notes.not_claims:
        if not str(note.spec.get("reason") or "").strip():
            problems.append(
                Problem(notes.path, note.line, "not-claim without a reason", "add reason:")
            )
        if note.span is None:
            continue
        start, end = note.span
        if notes.source.segment_at(start).kind not in vocab.ANNOTATED_SEGMENT_KINDS:
            problems.append(
                Problem(
                    notes.path,
                    note.line,
                    "not-claim outside body text",
                    "list only body sentences; other segments are out of scope",
                )
            )
        for key, (c_start, c_end) in claim_spans:
            if start < c_end and c_start < end:
                problems.append(
                    Problem(
                        notes.path,
                        note.line,
                        f"not-claim overlaps claim {key!r}",
                        "a sentence is either a claim or not: drop one of them",
                    )
                )
    return problems


def _check_inferred_affiliations(notes: SourceAnnotations) -> list[Problem]:
    """``affiliation_inferred`` is the reason for an affiliation the text does not state."""
    problems = []
    for key, voice in notes.voices.items():
        if "affiliation_inferred" not in voice:
            continue
        reason = voice["affiliation_inferred"]
        if not isinstance(reason, str) or not reason.strip() or not voice.get("affiliation"):
            problems.append(
                Problem(
                    notes.path,
                    line_of_key(voice, "affiliation_inferred"),
                    f"voice {key!r}: affiliation_inferred must give the reason for an affiliation",
                    "write why the affiliation is believed, or drop the key and the affiliation",
                )
            )
    return problems


def _check_cross_source(corpus: Corpus, paths: ProjectPaths) -> list[Problem]:
    """Facts reported by two sources or more; disagreements and reference checks that name
    claims and figures of the corpus (disagreements across two sources or more)."""
    problems: list[Problem] = []
    parts = (
        {sid: (summary.claim_ids, summary.facts) for sid, summary in corpus.summaries.items()}
        if corpus.summaries
        else {sid: _claims_and_facts(sid, notes) for sid, notes in corpus.annotations.items()}
    )
    claims = {cid: sid for sid, (claim_ids, _) in parts.items() for cid in claim_ids}
    fact_sources: dict[str, set[str]] = {f.get("fact_id"): set() for f in corpus.facts}
    for sid, (_, facts) in parts.items():
        for fact in facts:
            if fact in fact_sources:
                fact_sources[fact].add(sid)
    facts_path = paths.annotations / "facts.yaml"
    # A source whose annotations could not be read may be the fact's missing report.
    unread = frozenset(source_key(sid) for sid in corpus.sources if sid not in corpus.annotations)
    for fact in corpus.facts:
        found = fact_sources[fact.get("fact_id")]
        if len(found) < 2:
            problems.append(
                Problem(
                    facts_path,
                    fact.get("line"),
                    f"fact {fact.get('fact_id')!r} is reported by {len(found)} source(s)"
                    f" ({', '.join(sorted(found)) or 'none'})",
                    "a fact needs two sources or more: link a second report or remove the fact",
                    about=unread,
                )
            )
    try:
        disagreements = load_disagreements_spec(paths)
        references = load_references_spec(paths)
    except InputError as err:
        return problems + err.problems
    path = paths.annotations / "disagreements.yaml"
    for entry in disagreements:
        sources = set()
        for side in entry["sides"]:
            rid = str(side["report"])
            cid = rid if rid in claims else rid.rsplit("/", 1)[0]
            if cid not in claims or (rid != cid and rid not in corpus.parsed):
                problems.append(
                    Problem(
                        path,
                        side["line"],
                        f"{entry['disagreement_id']}: {rid!r} is neither a claim nor a figure",
                        "use '<source_id>/<claim key>' or '<source_id>/<claim key>/<n>'",
                        about=frozenset({report_key(rid)}),
                    )
                )
                continue
            sources.add(claims[cid])
        if len(sources) < 2:
            problems.append(
                Problem(
                    path,
                    entry["line"],
                    f"{entry['disagreement_id']}: sides come from {len(sources)} source(s)",
                    "a disagreement is between sources: name claims of two sources or more",
                )
            )
    path = paths.annotations / "references.yaml"
    for entry in references:
        if entry["figure"] not in corpus.parsed:
            problems.append(
                Problem(
                    path,
                    entry["line"],
                    f"figure {entry['figure']!r} is not a figure of the corpus",
                    "use '<source_id>/<claim key>/<n>'",
                    about=frozenset({report_key(entry["figure"])}),
                )
            )
    return problems


def _classify_mentions(notes: SourceAnnotations | None, source: Source) -> list[MentionStatus]:
    figure_spans: list[tuple[int, int, str]] = []
    exclusion_spans: list[tuple[int, int, str]] = []
    if notes is not None:
        for claim in notes.claims:
            for fig in claim.figures:
                if fig.span is not None:
                    fid = f"{source.source_id}/{claim.key}/{fig.n}"
                    figure_spans.append((*fig.span, fid))
        for ex in notes.exclusions:
            if ex.span is not None:
                exclusion_spans.append((*ex.span, str(ex.spec.get("reason") or "")))
    result = []
    for m in find_mentions(source.text):
        kind = source.segment_at(m.start).kind
        fig = _covering(figure_spans, m)
        reason = _covering(exclusion_spans, m)
        dated = figure_dated_by_year(notes, m) if notes is not None and reason is None else None
        if fig is None and dated is not None:
            reason = f"{vocab.YEAR_REASON}: the period of figure {dated}"
        if fig is not None:
            result.append(MentionStatus(source.source_id, m, kind, "annotated", figure_id=fig))
        elif reason is not None:
            result.append(
                MentionStatus(source.source_id, m, kind, "excluded", exclusion_reason=reason)
            )
        elif kind in vocab.ANNOTATED_SEGMENT_KINDS:
            result.append(MentionStatus(source.source_id, m, kind, "open"))
        else:
            result.append(MentionStatus(source.source_id, m, kind, "out_of_scope"))
    return result


# Hand checks of a figure whose values come from a vocabulary.
_HAND_CHECKED_VOCABULARIES = {"unit": vocab.UNITS, "kind": vocab.FIGURE_KINDS}


def check_hand_vocabularies(annotations: dict[str, SourceAnnotations]) -> list[Problem]:
    """A figure's hand-checked ``unit`` or ``kind`` that is not in its vocabulary, with the
    allowed values, so that nobody has to open the code to find them."""
    problems = []
    for notes in annotations.values():
        for claim in notes.claims:
            for fig in claim.figures:
                for name, allowed in _HAND_CHECKED_VOCABULARIES.items():
                    value = fig.spec.get(name)
                    if value is None or value in allowed:
                        continue
                    problems.append(
                        Problem(
                            notes.path,
                            line_of_key(fig.spec, name),
                            f"figure {name} {value!r} is not one of the allowed values",
                            f"use one of: {', '.join(allowed)}",
                        )
                    )
    return problems


def _covering(spans: list[tuple[int, int, str]], mention: Mention) -> str | None:
    """The label of the first span holding the mention's number (a figure or an exclusion
    covers a mention when its words hold the number, with or without the words around it)."""
    found = covering_span(mention.number_span, [(s, e) for s, e, _ in spans])
    return None if found is None else next(label for s, e, label in spans if (s, e) == found)


def check_cross_source_files(
    paths: ProjectPaths, checked_before: checkcache.CheckedBefore | None = None
) -> None:
    """Keys and types of the files under ``data/annotations/`` that span sources (facts,
    derived measures...); raises :class:`AnnotationError` before their loaders read them.
    With ``checked_before``, a file whose document passed before is not checked again (its
    thousands of entries, in a large corpus, cost more to check than to read)."""
    problems: list[Problem] = []
    for name, kind in CROSS_SOURCE_FILES.items():
        path = paths.annotations / name
        if path.exists():  # whether a file may be absent is for its loader to say
            # A text that passed before is kept for its loader, not copied out here (one copy
            # of a long file's value a run, not two).
            key = keep_yaml(path, scratch=paths.scratch)
            if checked_before is not None and checked_before.passed(name, key):
                continue
            doc, key = read_yaml_keyed(path, scratch=paths.scratch)
            found = check_document(doc, kind, path)
            problems += found
            if checked_before is not None and not found:
                checked_before.record(name, key)
    if problems:
        raise AnnotationError(problems)


# ---------------------------------------------------------------------------- the corpus gate
# Rules over the whole corpus: whatever `tables` or `build` would refuse is refused
# here first, with the file, the line and what to do.

VOICE_SPELLED_ONCE = ("name", "kind", "affiliation")
_ISO_DATE = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


SOURCE_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


def _check_source_id(sid: str, line: int | None, path) -> list[Problem]:
    """A source id is a slug. One that is not (an invisible character, a capital) breaks every
    file and id that names the source, so it is reported as their cause: with what it was
    meant to be (the id without the characters that are not allowed) among what it breaks."""
    if SOURCE_ID_PATTERN.fullmatch(sid):
        return []
    invisible = invisible_characters(sid)
    what = f"holds invisible character {', '.join(invisible)}" if invisible else "is not a slug"
    meant = re.sub(r"[^a-z0-9-]", "", sid.casefold())
    return [
        Problem(
            path,
            line,
            f"source_id {sid!r} {what}",
            f"write it in lower-case letters, digits and hyphens, e.g. {meant or 'my-source-2026'},"
            " here and wherever the id is named",
            breaks=frozenset({source_key(sid), source_key(meant)}),
        )
    ]


def check_source_fields(sources: dict[str, Source], path) -> list[Problem]:
    """Fields the ``sources`` table requires are given, booleans are booleans, and
    ``published`` is an ISO date written to its ``date_precision``."""
    problems = []
    table = schema.TABLES["sources"]
    for sid, source in sources.items():
        meta = source.meta
        problems += _check_source_id(sid, line_of_key(meta, "source_id"), path)
        for column in table.columns:
            if column.name not in meta:
                continue
            value, line = meta[column.name], line_of_key(meta, column.name)
            if column.required and value in (None, ""):
                problems.append(
                    Problem(
                        path,
                        line,
                        f"{sid}: {column.name} is required ({column.description})",
                        "give a value; only optional fields may be null",
                    )
                )
            elif column.type == "boolean" and not isinstance(value, bool):
                problems.append(
                    Problem(path, line, f"{sid}: {column.name} {value!r} is not true or false")
                )
            elif column.type == "string" and value is not None and not isinstance(value, str):
                problems.append(
                    Problem(
                        path,
                        line,
                        f"{sid}: {column.name} {value!r} is not a text",
                        'quote it: "..."',
                    )
                )
        pattern = _ISO_DATE.get(meta.get("date_precision"))
        published = meta.get("published")
        if pattern and not (isinstance(published, str) and re.fullmatch(pattern, published)):
            problems.append(
                Problem(
                    path,
                    line_of_key(meta, "published"),
                    f"{sid}: published {published!r} does not match date_precision "
                    f"{meta.get('date_precision')!r}",
                    'write "YYYY-MM-DD", "YYYY-MM" or "YYYY" (quoted) to match the precision',
                )
            )
        elif pattern and published > dt.date.today().isoformat()[: len(published)]:
            problems.append(
                Problem(
                    path,
                    line_of_key(meta, "published"),
                    f"{sid}: published {published!r} is in the future",
                    "check the year: a text cannot be published after today",
                )
            )
    return problems


def _draft_entries(node: Any) -> list[dict[str, Any]]:
    """Every mapping marked ``draft: true`` anywhere in an annotation document."""
    if isinstance(node, list):
        return [d for item in node for d in _draft_entries(item)]
    if not isinstance(node, dict):
        return []
    found = [node] if node.get("draft") is True else []
    return found + [
        d
        for key, value in node.items()
        if not str(key).startswith("__")
        for d in _draft_entries(value)
    ]


def _source_drafts(sid: str, paths: ProjectPaths) -> tuple[list[Problem], set[tuple]]:
    """The draft entries of one annotation file: a problem for each, and the mentions they
    stand for (``(source_id, line, text)``)."""
    path = paths.annotation_file(sid)
    if not path.exists():
        return [], set()
    try:
        doc = read_yaml(path)
    except SourceError:
        return [], set()  # the annotation loader reports the syntax error
    problems, drafted = [], set()
    for entry in _draft_entries(doc):
        where = f" (text line {entry['line']})" if isinstance(entry.get("line"), int) else ""
        problems.append(
            Problem(
                path,
                entry.get("__line__"),
                f"draft entry {entry.get('text')!r}{where} is not confirmed",
                "make it a figure of a claim or an exclusion with a reason, then remove "
                "the draft; see docs/adding-a-source.md",
            )
        )
        drafted.add((sid, entry.get("line"), entry.get("text")))
        if entry.get("level_of"):  # a level of "from X to Y" stands for the whole mention
            drafted.add((sid, entry.get("line"), entry["level_of"]))
    return problems, drafted


def check_drafts(sources: dict[str, Source], paths: ProjectPaths) -> list[Problem]:
    """Every entry still marked ``draft: true`` (as written by ``gapstudy add``) is a problem."""
    return [problem for sid in sources for problem in _source_drafts(sid, paths)[0]]


def check_open_mentions(corpus: Corpus, drafted: set[tuple[str, int, str]]) -> list[Problem]:
    """Every numeric mention in body text that is neither a figure nor excluded, unless a draft
    entry already stands for it."""
    problems = []
    for m in corpus.mentions:
        if m.status != "open":
            continue
        source = corpus.sources[m.source_id]
        line = source.line_of(m.mention.start)
        if (m.source_id, line, m.mention.text) in drafted:
            continue
        hint = (
            f"annotate it in data/annotations/{m.source_id}.yaml as a figure of a claim, "
            "or exclude it with a reason"
        )
        if is_year(m.mention.text):
            hint = (
                f"exclude it in data/annotations/{m.source_id}.yaml with the reason "
                f"{vocab.YEAR_REASON!r}, or quote it in a claim whose figure gives it as its "
                "period"
            )
        number = source.text[slice(*m.mention.number_span)]
        problems.append(
            Problem(
                source.path,
                line,
                f"open mention {m.mention.text!r}: neither a figure nor an exclusion",
                hint,
                about=frozenset({source_key(m.source_id), number_key(m.source_id, number)}),
            )
        )
    return problems


# Typographic variants a title recorded by hand may write plainly (’ as ', – as -).
_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_PLAIN)


def check_headline_numbers(corpus: Corpus) -> list[Problem]:
    """Every number of a headline is checked against the headline as recorded (``title`` in
    sources.yaml), as a number of the body is checked against its annotations: a headline
    number the title does not hold (a changed raw text whose checksum was updated with it, or
    a title recorded wrong) is refused, unless a figure or an exclusion covers it."""
    problems = []
    titles: dict[str, set[str]] = {}
    for m in corpus.mentions:
        if m.segment_kind != "headline" or m.status in ("annotated", "excluded"):
            continue
        source = corpus.sources[m.source_id]
        if m.source_id not in titles:
            title = _plain(str(source.meta.get("title") or ""))
            titles[m.source_id] = {title[a:b] for a, b in find_numbers(title)}
        number = _plain(source.text[slice(*m.mention.number_span)])
        if number in titles[m.source_id]:
            continue
        title = source.meta.get("title")
        hint = (
            "record the headline as printed as the source's `title` in data/sources.yaml"
            if title is None
            else "raw texts are never edited: restore the original bytes (git checkout); if "
            "the title was recorded wrong, correct `title` in data/sources.yaml"
        )
        problems.append(
            Problem(
                source.path,
                source.line_of(m.mention.start),
                f"headline number {number!r} is not in the title recorded for "
                f"{m.source_id!r} ({title!r})",
                hint,
            )
        )
    return problems


def check_voice_spellings(annotations: Mapping[str, Voiced]) -> list[Problem]:
    """A voice key used in several files names one voice: its name, kind and affiliation are
    written the same way in each."""
    first: dict[tuple[str, str], tuple[Any, SourceAnnotations, int]] = {}
    problems = []
    for notes in annotations.values():
        for key, voice in notes.voices.items():
            for name in VOICE_SPELLED_ONCE:
                value = voice.get(name)
                if value is None:
                    continue
                seen = first.setdefault((key, name), (value, notes, voice["__line__"]))
                if seen[0] != value:
                    problems.append(
                        Problem(
                            notes.path,
                            line_of_key(voice, name),
                            f"voice {key!r} has {name} {value!r} here but {seen[0]!r} in "
                            f"{seen[1].path.name}:{seen[2]}",
                            "a key shared by sources is one voice: write it one way (or "
                            f"declare it once in data/annotations/{SHARED_VOICES_FILE} and "
                            "refer to it by key), or use another key",
                        )
                    )
    return problems


OWN_VOICE_FIELDS = ("original_outlet", "outlet")
"""Where a source's own voice takes its key, first field set wins: a repost speaks in the voice of
the outlet it reposts (its ``original_outlet``), any other text in its ``outlet``'s."""


def own_voice_origin(meta: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """The key of a source's own reporting voice, with the field and value it comes from: the
    slug of ``original_outlet`` (a repost), else of ``outlet``, else ``author-<source_id>`` (no
    field)."""
    for name in OWN_VOICE_FIELDS:
        value = meta.get(name)
        slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") if value else ""
        if slug:
            return slug, name, str(value)
    return f"author-{meta['source_id']}", None, None


def own_voice_key(meta: dict[str, Any]) -> str:
    """The key of a source's own reporting voice (see ``own_voice_origin``)."""
    return own_voice_origin(meta)[0]


def check_own_voice(corpus: Corpus) -> list[Problem]:
    """Each annotated source speaks once in its own voice (kind ``outlet``), under its key."""
    problems = []
    for sid, notes in corpus.annotations.items():
        if not notes.voices and not notes.claims:
            continue  # nothing annotated yet: its open mentions say so
        expected, field, value = own_voice_origin(corpus.sources[sid].meta)
        own = [(k, v) for k, v in notes.voices.items() if v.get("kind") == "outlet"]
        if [k for k, _ in own] == [expected]:
            continue
        line = own[0][1]["__line__"] if own else None
        found = ", ".join(repr(k) for k, _ in own) or "none"
        origin = (
            f"the slug of {field} {value!r} in data/sources.yaml"
            if field
            else "no outlet or original_outlet is given in data/sources.yaml"
        )
        problems.append(
            Problem(
                notes.path,
                line,
                f"the source's own voice (kind outlet) must be one voice keyed {expected!r} "
                f"({origin}); found {found}",
                "the key is the slug of original_outlet for a repost, else of outlet, else "
                "author-<source_id>; rename the voice, or correct the field it comes from",
            )
        )
    return problems


def check_fact_units(corpus: Corpus) -> list[Problem]:
    """A figure that reports a fact is in the fact's unit."""
    units = {f.get("fact_id"): f.get("unit") for f in corpus.facts}
    problems = []
    for sid, notes in corpus.annotations.items():
        for claim in notes.claims:
            for fig in claim.figures:
                fact = fig.spec.get("fact") or claim.spec.get("fact")
                parsed = corpus.parsed.get(f"{sid}/{claim.key}/{fig.n}")
                if parsed is None or units.get(fact) is None or parsed.unit == units[fact]:
                    continue
                problems.append(
                    Problem(
                        notes.path,
                        fig.line,
                        f"figure {fig.spec.get('text')!r} reads in {parsed.unit!r} but fact "
                        f"{fact!r} is in {units[fact]!r}",
                        "link the figure to a fact in its unit, or fix the fact's unit",
                    )
                )
    return problems


def check_derived_measures(corpus: Corpus, paths: ProjectPaths) -> list[Problem]:
    """Each measure of ``derived.yaml`` names two figures of one source, in one unit, each with
    a point value, and a ratio's denominator is not zero."""
    path = paths.annotations / "derived.yaml"
    try:
        specs = load_derived_spec(paths)
    except InputError as err:
        return err.problems
    return _kept_per_entry(
        paths,
        "_measures.pickle",
        corpus,
        [(spec, [spec.get("numerator"), spec.get("denominator")]) for spec in specs],
        lambda spec: _check_measure(corpus, spec, path),
    )


def _kept_per_entry(
    paths: ProjectPaths,
    name: str,
    corpus: Corpus,
    entries: list[tuple[dict[str, Any], list[Any]]],
    check: Callable[[dict[str, Any]], list[Problem]],
    *also: Any,
) -> list[Problem]:
    """``check(entry)`` for each entry of a file across sources (a measure, a disagreement),
    given with the ids its rules look up (``<source_id>/...``), reusing the problems kept from
    the last run for an entry whose key is unchanged: the entry itself, the check key of each
    source it names (whatever its rules read of them: figures, annotations, dates; the entities
    and facts' units are part of every key) and ``also`` (anything else its rules read). The
    problems are kept in the check's scratch folder (``name``), for this run's entries only.
    An entry naming a source of a corpus made without keys is checked, not kept."""
    stored = checkcache.store_path(paths, name)
    code = checkcache.code_fingerprint()
    found, before = checkcache.read_stored(stored, code)
    before = before if found and isinstance(before, dict) else {}
    shared = checkcache.value_digest(*also)
    now: dict[str, list[Problem]] = {}
    problems = []
    for entry, ids in entries:
        sids = sorted({str(i).split("/", 1)[0] for i in ids})
        if any(sid in corpus.sources and sid not in corpus.keys for sid in sids):
            problems += check(entry)
            continue
        key = checkcache.value_digest(entry, shared, [(sid, corpus.keys.get(sid)) for sid in sids])
        if key not in now:
            now[key] = before[key] if key in before else check(entry)
        problems += now[key]
    if now.keys() != before.keys():
        checkcache.write_stored(stored, code, now)
    return problems


def _check_judgments(corpus: Corpus, paths: ProjectPaths) -> list[Problem]:
    """The rules of :mod:`gapstudy.judgments` over the corpus, each disagreement's problems
    kept while it and the sources it names are unchanged (:func:`_kept_per_entry`)."""

    def kept_per_entry(entries: list[dict[str, Any]], path: Path) -> list[Problem]:
        return _kept_per_entry(
            paths,
            "_disagreements.pickle",
            corpus,
            [(entry, [side["report"] for side in entry["sides"]]) for entry in entries],
            lambda entry: check_disagreements(corpus, [entry], path),
            corpus.facts,
        )

    return check_judgments(corpus, paths, check_entries=kept_per_entry)


def _check_measure(corpus: Corpus, spec: dict[str, Any], path: Path) -> list[Problem]:
    """The problems of one measure of ``derived.yaml`` (:func:`check_derived_measures`)."""
    problems: list[Problem] = []
    mid, line = spec["measure_id"], spec.get("line")
    picked = {}
    for role in ("numerator", "denominator"):
        fid = spec[role]
        parsed = corpus.parsed.get(fid)
        if parsed is None:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{mid}: {role} {fid!r} is not a figure",
                    "use a figure id '<source_id>/<claim key>/<n>' (n from 1)",
                    about=frozenset({report_key(fid)}),
                )
            )
        elif parsed.value is None or parsed.bound not in ("exact", "approximate"):
            problems.append(
                Problem(
                    path,
                    line,
                    f"{mid}: {role} {fid!r} ({parsed.text!r}) is a {parsed.bound} figure "
                    "without a point value",
                    "a measure needs two point values",
                )
            )
        else:
            picked[role] = (fid, parsed)
    if len(picked) < 2:
        return problems
    (num_id, num), (den_id, den) = picked["numerator"], picked["denominator"]
    if num_id.split("/")[0] != den_id.split("/")[0]:
        problems.append(
            Problem(
                path,
                line,
                f"{mid}: its figures come from two sources ({num_id}, {den_id})",
                "a measure compares two figures of one source; "
                "compare sources through a fact in facts.yaml",
            )
        )
    if num.unit != den.unit:
        problems.append(Problem(path, line, f"{mid}: units differ ({num.unit} vs {den.unit})"))
    if spec["operation"] == "ratio" and den.value == 0:
        problems.append(Problem(path, line, f"{mid}: denominator {den_id} is zero"))
    problems += _check_one_time(corpus, spec, (num_id, den_id), path)
    return problems


def _check_one_time(
    corpus: Corpus, spec: dict[str, Any], ids: tuple[str, str], path: Path
) -> list[Problem]:
    """A ratio or difference of two entities whose figures' periods are placed in different
    years, refused as ``tables`` refuses it (:func:`gapstudy.measures.years_apart`)."""
    found = [_figure_fields(corpus, fid) for fid in ids]
    if spec["operation"] == "change" or None in found:
        return []
    num, den = found
    if num["entity"] == den["entity"]:
        return []
    sids = {num["source_id"], den["source_id"]}
    published = {s: corpus.sources[s].meta.get("published") for s in sids}
    anchors = period_anchors(_claim_periods(corpus, sids))
    apart = years_apart(spec["operation"], num, den, published, anchors)
    if apart is None:
        return []
    line = spec.get("line")
    where = f"measure {spec['measure_id']!r} (derived.yaml line {line})"
    return [Problem(path, line, f"{where}: {apart[0]}", apart[1])]


def _figure_fields(corpus: Corpus, figure_id: str) -> dict[str, Any] | None:
    """What :func:`years_apart` reads of an annotated figure, from its annotation file."""
    sid, key, n = figure_id.rsplit("/", 2)
    notes = corpus.annotations.get(sid)
    for claim in [] if notes is None else notes.claims:
        for fig in claim.figures if claim.key == key else []:
            if str(fig.n) == n:
                entity = fig.spec.get("entity")
                return {
                    "figure_id": figure_id,
                    "source_id": sid,
                    "period": fig.spec.get("period"),
                    "entity": corpus.entities.canonical(entity) if entity else None,
                }
    return None


def _claim_periods(corpus: Corpus, source_ids: set[str]) -> pd.DataFrame:
    """The figures of ``source_ids`` as :func:`gapstudy.facts.period_anchors` reads them."""
    rows = [
        (f"{sid}/{claim.key}/{fig.n}", f"{sid}/{claim.key}", fig.span[0], fig.spec.get("period"))
        for sid in sorted(source_ids)
        if sid in corpus.annotations
        for claim in corpus.annotations[sid].claims
        for fig in claim.figures
        if fig.span is not None
    ]
    return pd.DataFrame(rows, columns=["figure_id", "claim_id", "char_start", "period"])


def check_run_list(paths: ProjectPaths, source_ids: set[str]) -> list[Problem]:
    """The run list the build reads: its entries, names and notebooks, and the parameters that
    name data (``sources``, ``as_of``, ``dimension``), which a notebook would refuse only once
    it runs. Parameter types are checked by the build against each notebook."""
    from gapstudy.exceptions import ParameterError
    from gapstudy.runlist import read_runs
    from gapstudy.subset import parse_as_of

    if not paths.runs_file.exists():
        return []  # a project of data alone (the tests' scratch copies) has no notebooks
    try:
        runs = read_runs(paths)
    except InputError as err:
        return err.problems
    problems = []
    for run in runs:
        params = run.parameters
        unknown = sorted(set(params.get("sources") or []) - source_ids)
        if unknown:
            problems.append(
                Problem(
                    paths.runs_file,
                    None,
                    f"run {run.name!r}: unknown source id(s) {unknown}",
                    "use source ids of data/sources.yaml",
                )
            )
        try:
            parse_as_of(params.get("as_of"))
        except ParameterError as err:
            problems.append(Problem(paths.runs_file, None, f"run {run.name!r}: {err}"))
        if "dimension" in params and params["dimension"] not in vocab.DIMENSIONS:
            problems.append(
                Problem(
                    paths.runs_file,
                    None,
                    f"run {run.name!r}: dimension {params['dimension']!r} is not in the vocabulary",
                    f"use one of: {', '.join(sorted(vocab.DIMENSIONS))}",
                )
            )
    return problems


@dataclass
class SourceCheck:
    """What the checks of one source found; kept between runs by :mod:`gapstudy.checkcache`."""

    notes: SourceAnnotations | None
    problems: list[Problem]  # reading the annotations, then the rules of the file
    parsed: dict[str, ParsedFigure]
    mentions: list[MentionStatus]
    draft_problems: list[Problem]
    drafted: set[tuple]


def _claims_and_facts(sid: str, notes: SourceAnnotations) -> tuple[tuple[str, ...], frozenset]:
    """The ids of a source's claims (``<source_id>/<key>``) and the facts they and their
    figures point at."""
    facts = {
        fact
        for claim in notes.claims
        for fact in [claim.spec.get("fact")] + [f.spec.get("fact") for f in claim.figures]
    }
    return tuple(f"{sid}/{c.key}" for c in notes.claims), frozenset(facts)


# The rules that read one source at a time (its annotations, figures, mentions and entry in
# sources.yaml, the facts and the entities), run when the source is checked and kept in its
# summary; their problems are listed in this order, each rule's over all sources together.
_OWN_RULES: dict[str, Callable[[Corpus, set[tuple]], list[Problem]]] = {
    "hand_vocabularies": lambda one, _: check_hand_vocabularies(one.annotations),
    "fact_units": lambda one, _: check_fact_units(one),
    "headline_numbers": lambda one, _: check_headline_numbers(one),
    "open_mentions": lambda one, drafted: check_open_mentions(one, drafted),
    "own_voice": lambda one, _: check_own_voice(one),
}
# What the spelling rules read of a voice (``check_voice_spellings``, ``reuse``).
_VOICE_FIELDS = (*VOICE_SPELLED_ONCE, LINE_KEY)


@dataclass(frozen=True)
class SourceSummary:
    """What the rules across sources read of one source, made when the source is checked and
    kept for every source in a few files (:func:`gapstudy.checkcache.summarised`): an unchanged
    source costs its key and this record, not its stored checks read back."""

    annotated: bool  # its annotations could be read
    path: Path  # its annotation file
    problems: tuple[Problem, ...]  # its file's own problems (``SourceCheck.problems``)
    draft_problems: tuple[Problem, ...]
    own: dict[str, tuple[Problem, ...]]  # the problems of each rule of ``_OWN_RULES``
    claim_ids: tuple[str, ...]
    facts: frozenset  # the fact ids its claims and figures point at
    figure_ids: frozenset  # its figures' ids (``<source_id>/<claim key>/<n>``)
    voices: dict[str, dict[str, Any]]  # by key: the fields of ``_VOICE_FIELDS`` and their lines
    metric_uses: tuple[MetricUse, ...]
    coverage: tuple[int, int]  # as ``Corpus.coverage``
    open_mentions: tuple[MentionStatus, ...]
    n_mentions: int
    counts: tuple[int, int, int]  # voices, claims, figures
    # The notes on its voices near a shared voice (``reuse.near_shared_voices_of``).
    voice_notes: tuple[Problem, ...] = ()


def _summarise(
    source: Source,
    found: SourceCheck,
    facts: list[dict[str, Any]],
    entities: Entities,
    shared_voices: tuple[Mapping[str, dict[str, Any]], Path],
) -> SourceSummary:
    """The summary of one source's checks (see :class:`SourceSummary`); ``shared_voices``:
    the voices of ``voices.yaml`` and its path."""
    sid, notes = source.source_id, found.notes
    one = Corpus(
        {sid: source},
        {} if notes is None else {sid: notes},
        found.parsed,
        found.mentions,
        facts,
        entities,
    )
    claim_ids, fact_ids = _claims_and_facts(sid, notes) if notes else ((), frozenset())
    voices = {
        key: {
            **{name: voice[name] for name in _VOICE_FIELDS if name in voice},
            LINES_KEY: {
                name: line
                for name, line in (voice.get(LINES_KEY) or {}).items()
                if name in _VOICE_FIELDS
            },
        }
        for key, voice in (notes.voices if notes else {}).items()
    }
    in_scope = [m for m in found.mentions if m.status != "out_of_scope"]
    summary = SourceSummary(
        annotated=notes is not None,
        path=notes.path if notes else source.path,
        problems=tuple(found.problems),
        draft_problems=tuple(found.draft_problems),
        own={name: tuple(rule(one, found.drafted)) for name, rule in _OWN_RULES.items()},
        claim_ids=claim_ids,
        facts=fact_ids,
        figure_ids=frozenset(found.parsed),
        voices=voices,
        metric_uses=tuple(metric_uses(one.annotations, entities.canonical)),
        coverage=(sum(m.status != "open" for m in in_scope), len(in_scope)),
        open_mentions=tuple(m for m in found.mentions if m.status == "open"),
        n_mentions=len(found.mentions),
        counts=(
            len(notes.voices) if notes else 0,
            len(notes.claims) if notes else 0,
            sum(len(c.figures) for c in notes.claims) if notes else 0,
        ),
    )
    if notes is None:
        return summary
    return replace(summary, voice_notes=tuple(near_shared_voices_of(summary, *shared_voices)))


def _inspect_source(
    source: Source, paths: ProjectPaths, fact_ids: set[str], entities: Entities
) -> SourceCheck:
    """Every check of one source that reads nothing of the other sources."""
    notes, problems = load_source_annotations(source, paths)
    parsed: dict[str, ParsedFigure] = {}
    if notes is not None:
        parsed, found = _check_source(notes, fact_ids, entities)
        problems = problems + found
    draft_problems, drafted = _source_drafts(source.source_id, paths)
    return SourceCheck(
        notes, problems, parsed, _classify_mentions(notes, source), draft_problems, drafted
    )


def _shared_key(paths: ProjectPaths, facts: list[dict[str, Any]]) -> str:
    """The key of what every source's checks read besides its own files: the entities, the
    shared voices, the fact ids and the facts' units (which the rules of one source read)."""
    voices_file = paths.annotations / SHARED_VOICES_FILE
    voices = voices_file.read_bytes() if voices_file.exists() else b""
    units = sorted((str(f.get("fact_id")), str(f.get("unit"))) for f in facts)
    fact_ids = {f.get("fact_id") for f in facts}
    entities = read_text(paths.entities_file).encode("utf-8")
    return checkcache.shared_key(entities, voices, fact_ids, units)


class _Checks:
    """Each source's checks: those made this run, else read back from its stored entry when
    first asked for (made again if the entry is gone)."""

    def __init__(
        self,
        made: dict[str, SourceCheck],
        sources: dict[str, Source],
        keys: dict[str, str],
        inspect: Callable[[Source], SourceCheck],
        paths: ProjectPaths,
        entities: Entities,
    ) -> None:
        self.made, self._sources, self._keys = made, sources, keys
        self._inspect, self._paths, self._entities = inspect, paths, entities

    def many(self, sids: list[str]) -> dict[str, SourceCheck]:
        missing = {sid: self._sources[sid] for sid in sids if sid not in self.made}
        if missing:
            found = checkcache.stored_results(
                self._paths, missing, self._keys, linked={"entities": self._entities}
            )
            for sid, source in missing.items():
                self.made[sid] = found[sid] if sid in found else self._inspect(source)
        return {sid: self.made[sid] for sid in sids}

    def get(self, sid: str) -> SourceCheck:
        return self.many([sid])[sid]


class _NotesView(Mapping):
    """``Corpus.annotations`` of a corpus checked by the gate: which sources have annotations
    is in their summaries; a source's annotations are read when asked for."""

    def __init__(self, summaries: dict[str, SourceSummary], checks: _Checks) -> None:
        self._summaries, self._checks = summaries, checks

    def __contains__(self, sid: object) -> bool:
        summary = self._summaries.get(sid) if isinstance(sid, str) else None
        return summary is not None and summary.annotated

    def __getitem__(self, sid: str) -> SourceAnnotations:
        if sid not in self:
            raise KeyError(sid)
        return self._checks.get(sid).notes

    def __iter__(self) -> Iterator[str]:
        return (sid for sid, summary in self._summaries.items() if summary.annotated)

    def __len__(self) -> int:
        return sum(summary.annotated for summary in self._summaries.values())


class _ParsedView(Mapping):
    """``Corpus.parsed`` of a corpus checked by the gate (see :class:`_NotesView`)."""

    def __init__(self, summaries: dict[str, SourceSummary], checks: _Checks) -> None:
        self._summaries, self._checks = summaries, checks

    def __contains__(self, fid: object) -> bool:
        if not isinstance(fid, str):
            return False
        summary = self._summaries.get(fid.split("/", 1)[0])
        return summary is not None and fid in summary.figure_ids

    def __getitem__(self, fid: str) -> ParsedFigure:
        if fid not in self:
            raise KeyError(fid)
        return self._checks.get(fid.split("/", 1)[0]).parsed[fid]

    def __iter__(self) -> Iterator[str]:
        for sid in self._summaries:
            if self._summaries[sid].figure_ids:
                yield from self._checks.get(sid).parsed

    def __len__(self) -> int:
        return sum(len(summary.figure_ids) for summary in self._summaries.values())


class _MentionsView(Sequence):
    """``Corpus.mentions`` of a corpus checked by the gate (see :class:`_NotesView`)."""

    def __init__(self, summaries: dict[str, SourceSummary], checks: _Checks) -> None:
        self._summaries, self._checks = summaries, checks

    def __iter__(self) -> Iterator[MentionStatus]:
        for sid in self._summaries:
            yield from self._checks.get(sid).mentions

    def __len__(self) -> int:
        return sum(summary.n_mentions for summary in self._summaries.values())

    def __getitem__(self, index):  # noqa: ANN001, ANN204 - as list's
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


# The gate's result (its problems, none when it passed), kept in the check's scratch folder
# under a key naming everything the gate read: each source's key (its raw text, its entry in
# sources.yaml, its annotation file, the files every source reads, the code and library
# versions), the hash of every other file under data/annotations, the list of annotation
# files, sources.yaml, the entities, today's date (a date in the future is refused) and
# whether the corpus must be complete. `tables` after `check` finds it and runs no rule again.
_GATE = "_gate.pickle"


def _gate_key(
    paths: ProjectPaths,
    sources: dict[str, Source],
    keys: dict[str, str],
    files: checkcache.FileDigests,
    require_complete: bool,
) -> str:
    names = sorted(p.name for p in paths.annotations.glob("*.yaml"))
    others = [name for name in names if name[: -len(".yaml")] not in sources]
    return checkcache.value_digest(
        "gate",
        checkcache.code_fingerprint(),
        checkcache.library_versions(),
        require_complete,
        dt.date.today().isoformat(),
        list(keys.items()),
        names,
        [(name, files.digest(paths.annotations / name)) for name in others],
        files.digest(paths.sources_file),
        files.digest(paths.entities_file),
    )


def _read_inputs(
    paths: ProjectPaths,
) -> tuple[dict[str, Source], list[dict[str, Any]], Entities, checkcache.FileDigests]:
    """The sources, the facts, the entities and the index of files hashed before (raw texts
    unchanged since are not read again), each file checked as it is read (raises
    :class:`InputError` when one cannot be read)."""
    checked_before = checkcache.CheckedBefore(paths)
    files = checkcache.file_index(paths)
    known_texts = checkcache.KnownTexts(paths, files)
    sources = load_sources(paths, checked_before=checked_before, known_texts=known_texts)
    known_texts.keep()
    check_cross_source_files(paths, checked_before)
    facts = load_facts_spec(paths)
    load_derived_spec(paths)
    return sources, facts, load_entities(paths), files


def gated_corpus(paths: ProjectPaths | None = None) -> Corpus:
    """:func:`validate`, taking the gate's result from the store when ``gapstudy check`` (or an
    earlier run) found it for the same inputs: then no rule is run again and no source's
    stored checks are read; the corpus reads those of the sources asked for
    (:meth:`Corpus.of_sources`). Raises :class:`AnnotationError` as :func:`validate` does."""
    paths = paths or project_paths()
    sources, facts, entities, files = _read_inputs(paths)
    fact_ids = {f.get("fact_id") for f in facts}
    keys = checkcache.source_keys(paths, sources, _shared_key(paths, facts), files)
    key = _gate_key(paths, sources, keys, files, True)
    checkcache.keep_index(paths, files)
    found, problems = checkcache.read_stored(checkcache.store_path(paths, _GATE), key)
    if not found or not isinstance(problems, list):
        corpus = _inspect(paths, sources, facts, entities, files, True)
        if corpus.problems:
            raise AnnotationError(corpus.problems)
        return corpus
    if problems:
        raise AnnotationError(problems)

    def stored(sids: list[str]) -> dict[str, SourceCheck]:
        wanted = {sid: sources[sid] for sid in sids}
        checks = checkcache.stored_results(paths, wanted, keys, linked={"entities": entities})
        # An entry removed since the gate passed: its checks are made again (same inputs).
        return {
            sid: checks.get(sid) or _inspect_source(sources[sid], paths, fact_ids, entities)
            for sid in sids
        }

    return Corpus(sources, {}, {}, [], facts, entities, keys=keys, stored=stored)


def validate(paths: ProjectPaths | None = None, *, require_complete: bool = True) -> Corpus:
    """Load and check every input; raise :class:`AnnotationError` listing all problems.

    See :func:`inspect_corpus` for ``require_complete``.
    """
    corpus = inspect_corpus(paths, require_complete=require_complete)
    if corpus.problems:
        raise AnnotationError(corpus.problems)
    return corpus


def inspect_corpus(paths: ProjectPaths | None = None, *, require_complete: bool = True) -> Corpus:
    """Load every input and collect its problems in ``Corpus.problems``.

    Raises :class:`SourceError` when the raw texts or ``sources.yaml`` cannot be read at all.

    With ``require_complete`` (the default, and what ``check``, ``tables`` and ``build`` use)
    every numeric mention in body text must be annotated or excluded, every derived measure
    must find its figures and every annotated source must speak in its own voice; turned off,
    a corpus that is annotated in part is checked file by file (the rule tests do that).
    """
    paths = paths or project_paths()
    sources, facts, entities, files = _read_inputs(paths)
    return _inspect(paths, sources, facts, entities, files, require_complete)


def _inspect(
    paths: ProjectPaths,
    sources: dict[str, Source],
    facts: list[dict[str, Any]],
    entities: Entities,
    files: checkcache.FileDigests,
    require_complete: bool,
) -> Corpus:
    """Every rule over the corpus read (:func:`inspect_corpus`); the problems found are kept
    as the gate's result (:data:`_GATE`), for :func:`gated_corpus`.

    Each source is checked alone (:func:`_inspect_source`, reused while its inputs are
    unchanged) and summarised (:class:`SourceSummary`); the rules across sources read the
    summaries, and a source's full checks only where a rule names it."""
    fact_ids = {f.get("fact_id") for f in facts}
    shared_voices = (load_shared_voices(paths)[0], paths.annotations / SHARED_VOICES_FILE)

    def inspect(source: Source) -> SourceCheck:
        return _inspect_source(source, paths, fact_ids, entities)

    with _unit_answers_kept(paths):
        summaries, made, keys = checkcache.summarised(
            paths,
            sources,
            _shared_key(paths, facts),
            inspect,
            lambda sid, found: _summarise(sources[sid], found, facts, entities, shared_voices),
            linked={"entities": entities},
            files=files,
        )
    checks = _Checks(made, sources, keys, inspect, paths, entities)
    corpus = Corpus(
        sources,
        _NotesView(summaries, checks),
        _ParsedView(summaries, checks),
        _MentionsView(summaries, checks),
        facts,
        entities,
        keys=keys,
        summaries=summaries,
        stored=checks.many,
    )
    corpus.problems = _gate_problems(corpus, paths, require_complete)
    key = _gate_key(paths, sources, keys, files, require_complete)
    checkcache.keep_index(paths, files)
    checkcache.write_stored(checkcache.store_path(paths, _GATE), key, corpus.problems)
    return corpus


_UNITS = "_units.pickle"
_UNITS_FORMAT = 1


@contextlib.contextmanager
def _unit_answers_kept(paths: ProjectPaths) -> Iterator[None]:
    """What earlier runs asked the unit registry and the English lexicon
    (:func:`gapstudy.figures.unit_answers`) given to this one, and what this one asked anew
    kept for the next: a source re-checked after an edit then loads neither (~0.5-1 CPU s).
    Kept under the code's fingerprint and the libraries' versions (lemminflect's too), so new
    code or a new pint asks again; an entry that cannot be read, or holds anything but
    answers, is ignored (asked again, then written afresh)."""
    from importlib.metadata import version

    path = checkcache.store_path(paths, _UNITS)
    key = checkcache.shared_key(
        _UNITS_FORMAT,
        checkcache.code_fingerprint(),
        checkcache.library_versions(),
        version("lemminflect"),
    )
    found, answers = checkcache.read_stored(path, key)
    if found and isinstance(answers, dict) and all(isinstance(k, tuple) for k in answers):
        learn_unit_answers(answers)
    else:
        answers = {}
    yield
    now = unit_answers()
    if now.keys() - answers.keys():
        checkcache.write_stored(path, key, now)


def _gate_problems(corpus: Corpus, paths: ProjectPaths, require_complete: bool) -> list[Problem]:
    """The gate's rules over a corpus with its summaries, in the order they are reported."""
    summaries = corpus.summaries

    def own(rule: str) -> list[Problem]:
        return [problem for summary in summaries.values() for problem in summary.own[rule]]

    problems = check_source_fields(corpus.sources, paths.sources_file)
    problems += [problem for summary in summaries.values() for problem in summary.problems]
    problems += _check_cross_source(corpus, paths)
    problems += _check_judgments(corpus, paths)
    cross_source = {Path(name).stem for name in CROSS_SOURCE_FILES}
    known = {p.stem for p in paths.annotations.glob("*.yaml")} - cross_source
    for stem in sorted(known - set(corpus.sources)):
        problems.append(
            Problem(
                paths.annotation_file(stem),
                1,
                f"annotation file for unknown source {stem!r}",
                "rename it to a source_id in data/sources.yaml",
                about=frozenset({source_key(stem)}),
            )
        )
    problems += [problem for summary in summaries.values() for problem in summary.draft_problems]
    problems += check_voice_spellings({sid: s for sid, s in summaries.items() if s.annotated})
    problems += own("hand_vocabularies")
    problems += load_shared_voices(paths)[1]
    problems += own("fact_units")
    problems += own("headline_numbers")
    if require_complete:
        problems += own("open_mentions")
        problems += check_derived_measures(corpus, paths)
        problems += own("own_voice")
    return fold_consequences(problems)


# At most this many sources get a line of the coverage report (those not fully covered first);
# the rest are counted in one line, and listed by ``gapstudy check --verbose``.
COVERAGE_LISTED = 20


def format_coverage(corpus: Corpus, *, verbose: bool = False) -> str:
    """A short report: coverage per source (with more than :data:`COVERAGE_LISTED` sources,
    only those not fully covered, up to that many, unless ``verbose``), then every open
    mention with its line."""
    lines = ["coverage of numeric mentions in body text:"]
    coverage = corpus.coverage()
    total_done = sum(done for done, _ in coverage.values())
    total = sum(n for _, n in coverage.values())
    listed = list(coverage)
    if len(listed) > COVERAGE_LISTED and not verbose:
        listed = [sid for sid, (done, n) in coverage.items() if done < n][:COVERAGE_LISTED]
    for sid in listed:
        done, n = coverage[sid]
        pct = 100.0 * done / n if n else 100.0
        lines.append(f"  {sid:<24} {done:>3}/{n:<3} {pct:6.1f}%")
    if len(listed) < len(coverage):
        shown = set(listed)
        rest = [coverage[sid] for sid in coverage if sid not in shown]
        full = sum(done == n for done, n in rest)
        other = "other " if listed else ""
        lines.append(
            f"  {len(rest)} {other}sources not listed, {full} of them fully covered "
            "(`gapstudy check --verbose` lists every source)"
        )
    pct = 100.0 * total_done / total if total else 100.0
    lines.append(f"  {'all sources':<24} {total_done:>3}/{total:<3} {pct:6.1f}%")
    open_ = (
        [m for summary in corpus.summaries.values() for m in summary.open_mentions]
        if corpus.summaries
        else [m for m in corpus.mentions if m.status == "open"]
    )
    if open_:
        lines.append("open mentions (annotate as a figure or exclude with a reason):")
        for m in open_:
            line = corpus.sources[m.source_id].line_of(m.mention.start)
            lines.append(
                f"  data/raw/{corpus.sources[m.source_id].path.name}:{line}: {m.mention.text!r}"
                f" -> {_open_reading(corpus.sources[m.source_id].text, m)}"
            )
    return "\n".join(lines)


def _open_reading(text: str, status: MentionStatus) -> str:
    """What the normaliser makes of an open mention in its sentence of ``text``: its
    reading, its refusal, or a year."""
    return format_reading(read_in_sentence(text, status.mention))


def reuse_notes(corpus: Corpus, paths: ProjectPaths) -> list[Problem]:
    """What a new text could reuse and does not (see :mod:`gapstudy.reuse`): metrics, voices
    and event ids written near, not the same as, ones already in the corpus. Not errors."""
    if corpus.summaries:  # what the notes read of each source is in its summary
        uses = [use for summary in corpus.summaries.values() for use in summary.metric_uses]
        voices = [note for summary in corpus.summaries.values() for note in summary.voice_notes]
    else:
        uses = metric_uses(corpus.annotations, corpus.entities.canonical)
        shared = load_shared_voices(paths)[0]
        voices = near_shared_voices(
            corpus.annotations, shared, paths.annotations / SHARED_VOICES_FILE
        )
    return [*near_metrics(uses), *voices, *near_events(corpus.sources, paths.sources_file)]


# At most this many notes are listed; more (a corpus grown with many near wordings) are counted
# in one line, and listed by ``gapstudy check --verbose``.
NOTES_LISTED = 20


def format_notes(notes: list[Problem], *, verbose: bool = False) -> str:
    """Notes that are not errors, one a line (only their count when there are more than
    :data:`NOTES_LISTED`, unless ``verbose``), or nothing."""
    if not notes:
        return ""
    head = f"{len(notes)} note(s), not errors: what the corpus already names, to reuse"
    if len(notes) > NOTES_LISTED and not verbose:
        return f"{head} (`gapstudy check --verbose` lists them)"
    return "\n".join([head, *(f"  {note}" for note in notes)])


def run_check(paths: ProjectPaths | None = None, *, verbose: bool = False) -> int:
    """``gapstudy check``: print every problem, the coverage report and the notes on what
    could be reused (counted when many, unless ``verbose``); exit 1 on a problem."""
    paths = paths or project_paths()
    try:
        corpus = inspect_corpus(paths)
    except InputError as err:
        print(err)
        return 1
    # The run list matters to the build only, so `tables` does not wait for it.
    corpus.problems += check_run_list(paths, set(corpus.sources))
    notes = format_notes(reuse_notes(corpus, paths), verbose=verbose)
    if corpus.problems:
        print(AnnotationError(corpus.problems))
        print(format_coverage(corpus, verbose=verbose))
        if notes:
            print(notes)
        return 1
    n_voices, n_claims, n_figures = (
        sum(summary.counts[i] for summary in corpus.summaries.values()) for i in range(3)
    )
    print(
        f"ok: {len(corpus.sources)} sources, {n_voices} voices, {n_claims} claims, "
        f"{n_figures} figures"
    )
    print(format_coverage(corpus, verbose=verbose))
    if notes:
        print(notes)
    return 0


# What a figure's words may hold around the number, as the advice for words that do not parse.
_QUOTE_HOLDS = (
    "a hedge or bound ('over', 'about'), a verb of change or of passing ('rose', 'topped'), "
    "a unit or a scale; no other word before the number"
)


def unparsed_hint(text: str) -> str:
    """The advice for a figure whose words ``text`` do not parse: where words before the
    number are what the normaliser does not read ("spend $564 billion"), those words and the
    rest that reads; else what a figure's words may hold."""
    for word in re.finditer(r"\S+", text):
        if word.start() == 0:
            continue
        rest = text[word.start() :]
        try:
            parsed = parse_figure(rest)
        except FigureParseError:
            continue
        return (
            f"{text[: word.start()].strip()!r} before the number is not read (a figure's words "
            f"hold {_QUOTE_HOLDS}): quote {rest!r} (it reads as {parsed.kind}), or exclude "
            f"the number with a reason"
        )
    return (
        f"quote the words its reading needs ({_QUOTE_HOLDS}), or exclude the number with a reason"
    )
