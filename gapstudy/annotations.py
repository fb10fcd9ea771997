"""Stage 3: the hand-written annotations (voices, claims, figures, exclusions), located in
their source texts.

Each ``data/annotations/<source_id>.yaml`` is read with line numbers kept, and every quote,
figure and exclusion is matched verbatim against its raw text to get its character span. The
one normalisation allowed is documented in ``docs/annotations.md``: curly quotes become straight
and white-space runs become one space, on both sides; nothing fuzzier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gapstudy.exceptions import Problem
from gapstudy.paths import ProjectPaths
from gapstudy.sources import Source, line_of_key, read_yaml

_QUOTE_MAP = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
    }
)
_SPACE = re.compile(r"\s+")


def normalise_for_matching(text: str) -> tuple[str, list[int]]:
    """``text`` with straight quotes and single spaces, and for each character of the result the
    offset of the character it came from."""
    text = text.translate(_QUOTE_MAP)
    out: list[str] = []
    origin: list[int] = []
    for match in re.finditer(r"\s+|\S+", text):
        if match.group().isspace():
            out.append(" ")
            origin.append(match.start())
        else:
            out.append(match.group())
            origin.extend(range(match.start(), match.end()))
    return "".join(out), origin


def find_verbatim(haystack: str, needle: str, occurrence: int = 1) -> list[tuple[int, int]]:
    """Every span ``[start, end)`` of ``haystack`` matching ``needle`` after normalisation.

    Returns all matches so the caller can check uniqueness or pick ``occurrence``.
    """
    norm_hay, origin = normalise_for_matching(haystack)
    norm_needle, _ = normalise_for_matching(needle.strip())
    spans = []
    if not norm_needle:
        return spans
    start = norm_hay.find(norm_needle)
    while start != -1:
        end = start + len(norm_needle)
        spans.append((origin[start], origin[end - 1] + 1))
        start = norm_hay.find(norm_needle, start + 1)
    return spans


@dataclass
class FigureNote:
    """A figure as annotated, located in its source."""

    n: int
    spec: dict[str, Any]
    line: int
    span: tuple[int, int] | None = None


@dataclass
class ClaimNote:
    key: str
    spec: dict[str, Any]
    line: int
    span: tuple[int, int] | None = None
    figures: list[FigureNote] = field(default_factory=list)


@dataclass
class ExclusionNote:
    spec: dict[str, Any]
    line: int
    span: tuple[int, int] | None = None


@dataclass
class SourceAnnotations:
    """Everything annotated for one source, with spans resolved where they could be."""

    source: Source
    path: Path
    voices: dict[str, dict[str, Any]]
    claims: list[ClaimNote]
    exclusions: list[ExclusionNote]
    # Body sentences read as possibly judging the gap and found not to be claims, with a reason.
    not_claims: list[ExclusionNote] = field(default_factory=list)


def _pick(spans: list[tuple[int, int]], occurrence: Any) -> tuple[int, int] | None:
    if not spans:
        return None
    if occurrence is None:
        return spans[0] if len(spans) == 1 else None
    if isinstance(occurrence, int) and 1 <= occurrence <= len(spans):
        return spans[occurrence - 1]
    return None


def _locate(
    text: str, needle: Any, occurrence: Any, offset: int, path: Path, line: int, what: str
) -> tuple[tuple[int, int] | None, list[Problem]]:
    """Span of ``needle`` in ``text`` (shifted by ``offset``) or the problem that prevents it."""
    if not isinstance(needle, str) or not needle.strip():
        return None, [Problem(path, line, f"{what} is missing or empty", "give the words verbatim")]
    spans = find_verbatim(text, needle)
    span = _pick(spans, occurrence)
    if span is not None:
        return (span[0] + offset, span[1] + offset), []
    if not spans:
        hint = "copy the words exactly from the raw text"
        return None, [Problem(path, line, f"{what} {needle!r} not found verbatim", hint)]
    if occurrence is None:
        hint = f"it occurs {len(spans)} times: add 'occurrence: N' or quote more context"
        return None, [Problem(path, line, f"{what} {needle!r} is ambiguous", hint)]
    hint = f"it occurs {len(spans)} time(s)"
    return None, [
        Problem(path, line, f"{what} {needle!r}: occurrence {occurrence!r} invalid", hint)
    ]


def _entries(
    parent: dict[str, Any], key: str, path: Path, problems: list[Problem]
) -> list[dict[str, Any]]:
    """The mappings listed under ``key``; anything else there is recorded as a problem."""
    value = parent.get(key)
    if value is None:
        return []
    line = line_of_key(parent, key)
    if not isinstance(value, list):
        problems.append(
            Problem(path, line, f"{key!r} must be a list", "write each entry as '- ...'")
        )
        return []
    entries = [entry for entry in value if isinstance(entry, dict)]
    if len(entries) != len(value):
        problems.append(
            Problem(
                path,
                line,
                f"every entry under {key!r} must be a mapping of fields",
                "write each entry as '- name: value' lines",
            )
        )
    return entries


def load_source_annotations(
    source: Source, paths: ProjectPaths
) -> tuple[SourceAnnotations | None, list[Problem]]:
    """Read and locate the annotations of ``source``; returns them with every problem found.

    A missing file gives ``None`` and no problem: coverage then reports the source as open.
    """
    path = paths.annotation_file(source.source_id)
    if not path.exists():
        return None, []
    doc = read_yaml(path) or {}
    problems: list[Problem] = []
    if not isinstance(doc, dict):
        hint = "start with 'source_id:', then 'voices:', 'claims:', 'exclusions:'"
        return None, [Problem(path, 1, "the file is not a YAML mapping", hint)]
    if doc.get("source_id") != source.source_id:
        problems.append(
            Problem(
                path,
                doc.get("__line__", 1),
                f"source_id {doc.get('source_id')!r} does not match the file name",
                f"set source_id: {source.source_id}",
            )
        )
    voices: dict[str, dict[str, Any]] = {}
    for voice in _entries(doc, "voices", path, problems):
        key = voice.get("key")
        if key in voices:
            problems.append(Problem(path, voice["__line__"], f"duplicate voice key {key!r}"))
        voices[key] = voice
    claims: list[ClaimNote] = []
    for spec in _entries(doc, "claims", path, problems):
        claim = ClaimNote(spec.get("key"), spec, spec["__line__"])
        claim.span, found = _locate(
            source.text,
            spec.get("quote"),
            spec.get("occurrence"),
            0,
            path,
            line_of_key(spec, "quote"),
            "quote",
        )
        problems.extend(found)
        for n, fig in enumerate(_entries(spec, "figures", path, problems), start=1):
            note = FigureNote(n, fig, fig["__line__"])
            if claim.span is not None:
                start, end = claim.span
                note.span, found = _locate(
                    source.text[start:end],
                    fig.get("text"),
                    fig.get("occurrence"),
                    start,
                    path,
                    note.line,
                    "figure text (inside its quote)",
                )
                problems.extend(found)
            claim.figures.append(note)
        claims.append(claim)
    exclusions: list[ExclusionNote] = []
    for spec in _entries(doc, "exclusions", path, problems):
        note = ExclusionNote(spec, spec["__line__"])
        context_span, found = _locate(
            source.text,
            spec.get("context"),
            spec.get("occurrence"),
            0,
            path,
            line_of_key(spec, "context"),
            "exclusion context",
        )
        problems.extend(found)
        if context_span is not None:
            start, end = context_span
            note.span, found = _locate(
                source.text[start:end],
                spec.get("text"),
                None,
                start,
                path,
                note.line,
                "excluded text (inside its context)",
            )
            problems.extend(found)
        exclusions.append(note)
    not_claims: list[ExclusionNote] = []
    for spec in _entries(doc, "not_claims", path, problems):
        note = ExclusionNote(spec, spec["__line__"])
        note.span, found = _locate(
            source.text,
            spec.get("quote"),
            spec.get("occurrence"),
            0,
            path,
            line_of_key(spec, "quote"),
            "not-claim quote",
        )
        problems.extend(found)
        not_claims.append(note)
    annotations = SourceAnnotations(source, path, voices, claims, exclusions, not_claims)
    return annotations, problems
