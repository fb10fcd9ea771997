"""Validation of the annotations against the schema, the vocabularies and the texts, and the
coverage report: ``gapstudy check``.

Checks never write anything. Every problem names the file, the line and what to do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from gapstudy import vocab
from gapstudy.annotations import SourceAnnotations, load_source_annotations
from gapstudy.entities import Entities, load_entities
from gapstudy.exceptions import AnnotationError, FigureParseError, InputError, Problem
from gapstudy.facts import load_facts_spec
from gapstudy.figures import ParsedFigure, parse_figure
from gapstudy.mentions import Mention, find_mentions
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.sources import Source, line_of_key, load_sources

VOICE_FIELDS = ("key", "name", "kind", "stance")
CLAIM_FIELDS = ("key", "voice", "quote", "dimension", "direction", "stance")
FIGURE_FIELDS = ("text", "entity", "metric", "period_precision")
EXCLUSION_FIELDS = ("text", "context", "reason")
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

    def coverage(self) -> dict[str, tuple[int, int]]:
        """Per source: (mentions annotated or excluded, mentions in scope) in body text."""
        result = {sid: (0, 0) for sid in self.sources}
        for m in self.mentions:
            if m.status != "out_of_scope":
                done, total = result[m.source_id]
                result[m.source_id] = (done + (m.status != "open"), total + 1)
        return result


def _require(spec: dict[str, Any], names: tuple[str, ...], where: Problem) -> list[Problem]:
    return [
        Problem(where.path, where.line, f"{where.message} lacks {name!r}", "add the field")
        for name in names
        if spec.get(name) in (None, "")
    ]


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
    path, sid, source = notes.path, notes.source.source_id, notes.source
    problems: list[Problem] = []
    parsed: dict[str, ParsedFigure] = {}
    claims_by_voice: dict[str, list[str]] = {k: [] for k in notes.voices}
    cited: set[str] = set()
    for key, voice in notes.voices.items():
        line = voice["__line__"]
        problems += _require(voice, VOICE_FIELDS, Problem(path, line, f"voice {key!r}"))
        problems += _in_vocab(voice.get("kind"), vocab.VOICE_KINDS, "voice kind", path, line)
        problems += _in_vocab(voice.get("stance"), vocab.STANCES, "stance", path, line)
        if voice.get("cites"):
            cited.add(voice["cites"])
    claim_keys: set[str] = set()
    for claim in notes.claims:
        spec, line = claim.spec, claim.line
        problems += _require(spec, CLAIM_FIELDS, Problem(path, line, f"claim {claim.key!r}"))
        if claim.key in claim_keys:
            problems.append(Problem(path, line, f"duplicate claim key {claim.key!r}"))
        claim_keys.add(claim.key)
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
        if spec.get("cites"):
            cited.add(spec["cites"])
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
            kinds = {source.segment_at(i).kind for i in (claim.span[0], claim.span[1] - 1)}
            if len(kinds) > 1:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"quote of claim {claim.key!r} crosses segments "
                        f"({', '.join(sorted(kinds))})",
                        "split the claim",
                    )
                )
        for fig in claim.figures:
            fspec, fline = fig.spec, fig.line
            fid = f"{sid}/{claim.key}/{fig.n}"
            problems += _require(fspec, FIGURE_FIELDS, Problem(path, fline, f"figure {fid!r}"))
            problems += _check_entity(fspec.get("entity"), "entity", entities, path, fline)
            problems += _check_entity(
                fspec.get("counterpart"), "counterpart", entities, path, fline
            )
            problems += _in_vocab(
                fspec.get("period_precision"),
                vocab.PERIOD_PRECISIONS,
                "period_precision",
                path,
                fline,
            )
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
                continue
            try:
                result = parse_figure(fspec["text"])
            except FigureParseError as err:
                problems.append(
                    Problem(
                        path,
                        fline,
                        str(err),
                        "rephrase the figure's words or extend the normaliser",
                    )
                )
                continue
            parsed[fid] = result
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
    for note in notes.exclusions:
        problems += _require(note.spec, EXCLUSION_FIELDS, Problem(path, note.line, "exclusion"))
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
        fig = next((f for s, e, f in figure_spans if s <= m.start and m.end <= e), None)
        reason = next((r for s, e, r in exclusion_spans if s <= m.start and m.end <= e), None)
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


def validate(paths: ProjectPaths | None = None) -> Corpus:
    """Load and check every input; raise :class:`AnnotationError` listing all problems."""
    paths = paths or project_paths()
    sources = load_sources(paths)
    facts = load_facts_spec(paths)
    fact_ids = {f.get("fact_id") for f in facts}
    entities = load_entities(paths)
    corpus = Corpus(sources, {}, {}, [], facts, entities)
    for sid, source in sources.items():
        notes, problems = load_source_annotations(source, paths)
        corpus.problems += problems
        if notes is not None:
            corpus.annotations[sid] = notes
            parsed, problems = _check_source(notes, fact_ids, entities)
            corpus.parsed.update(parsed)
            corpus.problems += problems
        corpus.mentions += _classify_mentions(notes, source)
    known = {p.stem for p in paths.annotations.glob("*.yaml")} - {"facts", "derived"}
    for stem in sorted(known - set(sources)):
        corpus.problems.append(
            Problem(
                paths.annotation_file(stem),
                1,
                f"annotation file for unknown source {stem!r}",
                "rename it to a source_id in data/sources.yaml",
            )
        )
    if corpus.problems:
        raise AnnotationError(corpus.problems)
    return corpus


def format_coverage(corpus: Corpus) -> str:
    """A short report: coverage per source, then every open mention with its line."""
    lines = ["coverage of numeric mentions in body text:"]
    total_done = total = 0
    for sid, (done, n) in corpus.coverage().items():
        total_done, total = total_done + done, total + n
        pct = 100.0 * done / n if n else 100.0
        lines.append(f"  {sid:<24} {done:>3}/{n:<3} {pct:6.1f}%")
    pct = 100.0 * total_done / total if total else 100.0
    lines.append(f"  {'all sources':<24} {total_done:>3}/{total:<3} {pct:6.1f}%")
    open_ = [m for m in corpus.mentions if m.status == "open"]
    if open_:
        lines.append("open mentions (annotate as a figure or exclude with a reason):")
        for m in open_:
            line = corpus.sources[m.source_id].line_of(m.mention.start)
            lines.append(
                f"  data/raw/{corpus.sources[m.source_id].path.name}:{line}: {m.mention.text!r}"
            )
    return "\n".join(lines)


def run_check(paths: ProjectPaths | None = None) -> int:
    """``gapstudy check``: print problems (exit 1) or the coverage report (exit 0)."""
    try:
        corpus = validate(paths)
    except InputError as err:
        print(err)
        return 1
    n_figures = sum(len(c.figures) for a in corpus.annotations.values() for c in a.claims)
    n_claims = sum(len(a.claims) for a in corpus.annotations.values())
    n_voices = sum(len(a.voices) for a in corpus.annotations.values())
    print(
        f"ok: {len(corpus.sources)} sources, {n_voices} voices, {n_claims} claims, "
        f"{n_figures} figures"
    )
    print(format_coverage(corpus))
    return 0
