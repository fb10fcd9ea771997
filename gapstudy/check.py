"""Validation of the annotations against the schema, the vocabularies and the texts, and the
coverage report: ``gapstudy check``.

Checks never write anything. Every problem names the file, the line and what to do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gapstudy import vocab
from gapstudy.annotations import SourceAnnotations, load_source_annotations
from gapstudy.exceptions import AnnotationError, FigureParseError, InputError, Problem
from gapstudy.facts import (
    load_derived_spec,
    load_disagreements_spec,
    load_facts_spec,
    load_references_spec,
)
from gapstudy.figures import ParsedFigure, parse_figure
from gapstudy.input_schema import CROSS_SOURCE_FILES, check_document
from gapstudy.mentions import Mention, find_mentions
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.sources import Source, load_sources
from gapstudy.yamlfile import line_of_key, read_yaml

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
    problems: list[Problem] = field(default_factory=list)

    def coverage(self) -> dict[str, tuple[int, int]]:
        """Per source: (mentions annotated or excluded, mentions in scope) in body text."""
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


def _check_entity(value: Any, name: str, path, line) -> list[Problem]:
    if value is None or vocab.canonical_entity(str(value)) is not None:
        return []
    return [
        Problem(
            path,
            line,
            f"{name} {value!r} is not a known entity",
            "use a name or alias from vocab.ENTITIES (or add it there)",
        )
    ]


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def _check_source(notes: SourceAnnotations, fact_ids: set[str]) -> tuple[dict, list[Problem]]:
    """Rules for one annotation file; returns parsed figures by id and problems."""
    path, sid, source = notes.path, notes.source.source_id, notes.source
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
        spec, line = claim.spec, claim.line
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
            problems += _check_entity(fspec.get("entity"), "entity", path, fline)
            problems += _check_entity(fspec.get("counterpart"), "counterpart", path, fline)
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
            problems += _check_unit_as_meant(fspec, result, fid, path, fline)
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
    claims = {
        f"{sid}/{c.key}": sid for sid, notes in corpus.annotations.items() for c in notes.claims
    }
    fact_sources: dict[str, set[str]] = {f.get("fact_id"): set() for f in corpus.facts}
    for sid, notes in corpus.annotations.items():
        for claim in notes.claims:
            for fact in [claim.spec.get("fact")] + [f.spec.get("fact") for f in claim.figures]:
                if fact in fact_sources:
                    fact_sources[fact].add(sid)
    facts_path = paths.annotations / "facts.yaml"
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


def check_cross_source_files(paths: ProjectPaths) -> None:
    """Keys and types of the files under ``data/annotations/`` that span sources (facts,
    derived measures...); raises :class:`AnnotationError` before their loaders read them."""
    problems: list[Problem] = []
    for name, kind in CROSS_SOURCE_FILES.items():
        path = paths.annotations / name
        if path.exists():  # whether a file may be absent is for its loader to say
            problems += check_document(read_yaml(path), kind, path)
    if problems:
        raise AnnotationError(problems)


def validate(paths: ProjectPaths | None = None) -> Corpus:
    """Load and check every input; raise :class:`AnnotationError` listing all problems."""
    paths = paths or project_paths()
    sources = load_sources(paths)
    check_cross_source_files(paths)
    facts = load_facts_spec(paths)
    load_derived_spec(paths)
    fact_ids = {f.get("fact_id") for f in facts}
    corpus = Corpus(sources, {}, {}, [], facts)
    for sid, source in sources.items():
        notes, problems = load_source_annotations(source, paths)
        corpus.problems += problems
        if notes is not None:
            corpus.annotations[sid] = notes
            parsed, problems = _check_source(notes, fact_ids)
            corpus.parsed.update(parsed)
            corpus.problems += problems
        corpus.mentions += _classify_mentions(notes, source)
    corpus.problems += _check_cross_source(corpus, paths)
    cross_source = {Path(name).stem for name in CROSS_SOURCE_FILES}
    known = {p.stem for p in paths.annotations.glob("*.yaml")} - cross_source
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
