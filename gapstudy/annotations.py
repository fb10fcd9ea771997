"""Stage 3: the hand-written annotations (voices, claims, figures, exclusions), located in
their source texts.

Each ``data/annotations/<source_id>.yaml`` is read with line numbers kept, and every quote,
figure and exclusion is matched verbatim against its raw text to get its character span. The
one normalisation allowed is documented in ``docs/annotations.md``: curly quotes become straight
and white-space runs become one space, on both sides; nothing fuzzier.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gapstudy import vocab
from gapstudy.exceptions import Problem, number_key, source_key
from gapstudy.input_schema import check_document
from gapstudy.mentions import Mention, find_numbers, is_year
from gapstudy.paths import ProjectPaths
from gapstudy.sources import Source
from gapstudy.yamlfile import line_of_key, read_yaml

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


@functools.lru_cache(maxsize=32)
def _normalised_haystack(text: str) -> tuple[str, tuple[int, ...]]:
    """:func:`normalise_for_matching` of a text searched many times (every quote of a source is
    looked for in its whole text): computed once per text, not once per quote."""
    norm, origin = normalise_for_matching(text)
    return norm, tuple(origin)


def find_verbatim(haystack: str, needle: str, occurrence: int = 1) -> list[tuple[int, int]]:
    """Every span ``[start, end)`` of ``haystack`` matching ``needle`` after normalisation.

    Returns all matches so the caller can check uniqueness or pick ``occurrence``.
    """
    norm_hay, origin = _normalised_haystack(haystack)
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


_CURRENCY_SIGNS = frozenset("$€£¥")


def _is_word_char(ch: str) -> bool:
    """A letter or digit of a script that separates words with spaces (not Chinese or
    Japanese, where a span may start at any character)."""
    return ch.isalnum() and unicodedata.east_asian_width(ch) not in ("W", "F")


def _joins(text: str, i: int) -> bool:
    """Whether the characters on either side of offset ``i`` belong to one word or number:
    two word characters; a digit, a decimal point or thousands separator, and a digit; or a
    number and the currency or percent sign written against it."""
    if i <= 0 or i >= len(text):
        return False
    before, after = text[i - 1], text[i]
    if _is_word_char(before) and _is_word_char(after):
        return True
    if before in ".," and after.isdigit():
        return i >= 2 and text[i - 2].isdigit()
    if before.isdigit() and after in ".,":
        return i + 1 < len(text) and text[i + 1].isdigit()
    # A sign written against its number belongs to it: "$560", "€10B", "2.7%".
    return (before in _CURRENCY_SIGNS and after.isdigit()) or (before.isdigit() and after == "%")


def check_boundaries(text: str, span: tuple[int, int]) -> str | None:
    """Why ``text[start:end]`` does not start and end on word and number boundaries (it starts
    or ends inside a word or a number), or ``None`` when it does."""
    start, end = span
    cut_start, cut_end = _joins(text, start), _joins(text, end)
    if not (cut_start or cut_end):
        return None
    while _joins(text, start):
        start -= 1
    while _joins(text, end):
        end += 1
    where = " and ".join(w for w, cut in (("starts", cut_start), ("ends", cut_end)) if cut)
    whole = text[start:end] if end - start <= 60 else text[start : start + 59] + "…"
    return f"{where} inside a word or number (whole words: {whole!r})"


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


def figure_dated_by_year(notes: SourceAnnotations, mention: Mention) -> str | None:
    """The figure a year mention dates, as ``<source_id>/<claim key>/<n>``: the first figure
    whose claim's quote holds the year and whose ``period`` names it ("2024", "end of 2023",
    "since 2018"); None for a mention that is not a year, or that no such figure names. A year
    given as the period of the figure it dates needs no exclusion of its own."""
    words = mention.text
    if not is_year(words):
        return None
    start, end = mention.number_span
    named = re.compile(rf"(?<!\d){re.escape(words)}(?!\d)")
    for claim in notes.claims:
        if claim.span is None or not (claim.span[0] <= start and end <= claim.span[1]):
            continue
        for fig in claim.figures:
            if named.search(str(fig.spec.get("period") or "")):
                return f"{notes.source.source_id}/{claim.key}/{fig.n}"
    return None


def _pick(spans: list[tuple[int, int]], occurrence: Any) -> tuple[int, int] | None:
    if not spans:
        return None
    if occurrence is None:
        return spans[0] if len(spans) == 1 else None
    if isinstance(occurrence, int) and 1 <= occurrence <= len(spans):
        return spans[occurrence - 1]
    return None


def _locate(
    text: str,
    needle: Any,
    occurrence: Any,
    bounds: tuple[int, int],
    path: Path,
    line: int,
    what: str,
) -> tuple[tuple[int, int] | None, list[Problem]]:
    """Span of ``needle`` in ``text[bounds[0]:bounds[1]]`` (as offsets of ``text``), or the
    problem that prevents it. A span must start and end on word and number boundaries."""
    if not isinstance(needle, str) or not needle.strip():
        return None, [Problem(path, line, f"{what} is missing or empty", "give the words verbatim")]
    offset, stop = bounds
    spans = find_verbatim(text[offset:stop], needle)
    span = _pick(spans, occurrence)
    if span is not None:
        span = (span[0] + offset, span[1] + offset)
        cut = check_boundaries(text, span)
        if cut is not None:
            hint = "quote whole words and whole numbers, exactly as in the raw text"
            return None, [Problem(path, line, f"{what} {needle!r} {cut}", hint)]
        return span, []
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


def _as_cause(problems: list[Problem], source_id: str, words: Any) -> list[Problem]:
    """Problems placing ``words`` (a quote, a context) marked as the cause of the problems
    about the numbers those words hold: left unplaced, each of them is an open mention."""
    if not problems or not isinstance(words, str):
        return problems
    numbers = frozenset(number_key(source_id, words[s:e]) for s, e in find_numbers(words))
    return [replace(p, breaks=p.breaks | numbers) for p in problems]


def _as_unread(problems: list[Problem], source_id: str) -> list[Problem]:
    """Problems that keep a source's annotation file from being read, marked as the cause of
    every later problem about the source (its numbers all open, its figures unknown)."""
    breaks = frozenset({source_key(source_id)})
    return [replace(p, breaks=p.breaks | breaks) for p in problems]


def _entries(parent: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The entries listed under ``key`` (the schema has checked they are mappings)."""
    return parent.get(key) or []


def _locate_in_text(
    source: Source, path: Path, spec: dict[str, Any], key: str, what: str
) -> tuple[tuple[int, int] | None, list[Problem]]:
    """Span of ``spec[key]`` searched in the whole text (its ``occurrence``-th match)."""
    return _locate(
        source.text,
        spec.get(key),
        spec.get("occurrence"),
        (0, len(source.text)),
        path,
        line_of_key(spec, key),
        what,
    )


SHARED_VOICES_FILE = "voices.yaml"
# What a shared voice declares once; a file that refers to it by key gives only its own fields
# (stance, role, cites).
SHARED_VOICE_FIELDS = ("name", "kind", "affiliation", "affiliation_inferred")


def load_shared_voices(paths: ProjectPaths) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """The voices declared once in ``data/annotations/voices.yaml`` (an outlet, an agency, a
    report that speaks in several texts), by key, with every problem of that file. A missing
    file declares none."""
    path = paths.annotations / SHARED_VOICES_FILE
    if not path.exists():
        return {}, []
    doc = read_yaml(path)
    problems = check_document(doc, "voices file", path)
    if problems:
        return {}, problems
    voices: dict[str, dict[str, Any]] = {}
    for voice in _entries(doc, "voices"):
        key, line = voice["key"], voice["__line__"]
        if key in voices:
            problems.append(Problem(path, line, f"voice {key!r} is declared twice"))
        if voice["kind"] not in vocab.VOICE_KINDS:
            problems.append(
                Problem(
                    path,
                    line_of_key(voice, "kind"),
                    f"voice kind {voice['kind']!r} is not one of the allowed values",
                    f"use one of: {', '.join(vocab.VOICE_KINDS)}",
                )
            )
        voices[key] = voice
    return voices, problems


def _with_shared(
    voice: dict[str, Any], shared: dict[str, dict[str, Any]], path: Path
) -> list[Problem]:
    """Fill in a voice referred to by key from its shared declaration; a field given again
    must say the same. A voice that is not shared must give its own name and kind."""
    key = voice.get("key")
    declared = shared.get(key)
    if declared is None:
        return [
            Problem(
                path,
                voice["__line__"],
                f"voice {key!r} has no {name}",
                f"give its {name}, or declare the voice once in "
                f"data/annotations/{SHARED_VOICES_FILE} and refer to it by key",
            )
            for name in ("name", "kind")
            if voice.get(name) is None
        ]
    problems = []
    for name in SHARED_VOICE_FIELDS:
        if voice.get(name) is None:
            if declared.get(name) is not None:
                voice[name] = declared[name]
        elif voice[name] != declared.get(name):
            problems.append(
                Problem(
                    path,
                    line_of_key(voice, name),
                    f"voice {key!r} is declared in {SHARED_VOICES_FILE} with {name} "
                    f"{declared.get(name)!r}, not {voice[name]!r}",
                    "refer to it by key alone (with its stance), or use another key",
                )
            )
    return problems


def load_source_annotations(
    source: Source, paths: ProjectPaths, shared: dict[str, dict[str, Any]] | None = None
) -> tuple[SourceAnnotations | None, list[Problem]]:
    """Read and locate the annotations of ``source``; returns them with every problem found.
    Voices referred to by key take their name, kind and affiliation from ``shared`` (by
    default the voices of ``data/annotations/voices.yaml``, whose own problems
    :func:`load_shared_voices` reports).

    A missing file gives ``None`` and no problem: coverage then reports the source as open.
    """
    path = paths.annotation_file(source.source_id)
    if not path.exists():
        return None, []
    doc = read_yaml(path)
    problems = check_document(doc, "annotation file", path)
    if problems:
        return None, _as_unread(problems, source.source_id)
    if doc.get("source_id") != source.source_id:
        problems.append(
            Problem(
                path,
                doc.get("__line__", 1),
                f"source_id {doc.get('source_id')!r} does not match the file name",
                f"set source_id: {source.source_id}",
            )
        )
    if shared is None:
        shared = load_shared_voices(paths)[0]
    voices: dict[str, dict[str, Any]] = {}
    for voice in _entries(doc, "voices"):
        problems.extend(_with_shared(voice, shared, path))
        key = voice.get("key")
        if key in voices:
            problems.append(Problem(path, voice["__line__"], f"duplicate voice key {key!r}"))
        voices[key] = voice
    claims: list[ClaimNote] = []
    for spec in _entries(doc, "claims"):
        claim = ClaimNote(spec.get("key"), spec, spec["__line__"])
        claim.span, found = _locate_in_text(source, path, spec, "quote", "quote")
        problems.extend(_as_cause(found, source.source_id, spec.get("quote")))
        for n, fig in enumerate(_entries(spec, "figures"), start=1):
            note = FigureNote(n, fig, fig["__line__"])
            if claim.span is not None:
                note.span, found = _locate(
                    source.text,
                    fig.get("text"),
                    fig.get("occurrence"),
                    claim.span,
                    path,
                    note.line,
                    "figure text (inside its quote)",
                )
                problems.extend(found)
            claim.figures.append(note)
        claims.append(claim)
    exclusions: list[ExclusionNote] = []
    for spec in _entries(doc, "exclusions"):
        note = ExclusionNote(spec, spec["__line__"])
        context_span, found = _locate_in_text(source, path, spec, "context", "exclusion context")
        problems.extend(_as_cause(found, source.source_id, spec.get("context")))
        if context_span is not None:
            note.span, found = _locate(
                source.text,
                spec.get("text"),
                None,
                context_span,
                path,
                note.line,
                "excluded text (inside its context)",
            )
            problems.extend(found)
        exclusions.append(note)
    not_claims: list[ExclusionNote] = []
    for spec in _entries(doc, "not_claims"):
        note = ExclusionNote(spec, spec["__line__"])
        note.span, found = _locate_in_text(source, path, spec, "quote", "not-claim quote")
        problems.extend(found)
        not_claims.append(note)
    annotations = SourceAnnotations(source, path, voices, claims, exclusions, not_claims)
    return annotations, problems
