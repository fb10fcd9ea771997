"""Stage 1: the raw article texts, their provenance, and their segments.

Raw texts pass through untouched: they are read as bytes, checked against the SHA-256 recorded
in ``data/sources.yaml``, and decoded as UTF-8. Segments partition each text's lines.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from gapstudy import vocab
from gapstudy.exceptions import Problem, SourceError
from gapstudy.input_schema import check_document
from gapstudy.paths import ProjectPaths, link_leaving_folder, project_paths
from gapstudy.yamlfile import LineLoader, decode_utf8, line_of_key, read_yaml, read_yaml_keyed

# The largest raw text taken in. An article is tens of kilobytes; finding where each drafted
# or annotated words occur takes time in the text's length times its mentions, so a file far
# larger than any article (a whole feed, a book, a binary) is refused instead of waited for.
MAX_TEXT_BYTES = 1_000_000

__all__ = [
    "KnownTexts",
    "LineLoader",
    "Segment",
    "Source",
    "line_of_key",
    "load_sources",
    "read_yaml",
]


_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Segment:
    """A run of lines of one kind ('body', 'comment', ...)."""

    segment_id: str
    source_id: str
    kind: str
    line_start: int
    line_end: int
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Source:
    """One raw text with its recorded metadata.

    ``text`` is read when first asked for, unless given (``loaded``): a run that finds a raw
    file unchanged since it was last read (:class:`KnownTexts`) needs its recorded metadata
    only. Read then, its bytes are checked against the recorded checksum again."""

    source_id: str
    path: Path
    meta: dict[str, Any]
    loaded: str | None = field(default=None, repr=False, compare=False)

    @cached_property
    def text(self) -> str:
        """The raw text (read, checked against its checksum and decoded on first use)."""
        if self.loaded is not None:
            return self.loaded
        return _read_raw(self.source_id, self.meta, self.path)

    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of each line (index 0 is line 1)."""
        starts = [0]
        starts.extend(match.end() for match in _NEWLINE.finditer(self.text))
        return starts

    @property
    def n_lines(self) -> int:
        return len(self.line_starts) - (1 if self.text.endswith("\n") else 0)

    def line_of(self, offset: int) -> int:
        """1-based line holding character ``offset``."""
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def line_span(self, first: int, last: int) -> tuple[int, int]:
        """Character span ``[start, end)`` of lines ``first..last`` (1-based, inclusive)."""
        start = self.line_starts[first - 1]
        end = self.line_starts[last] if last < len(self.line_starts) else len(self.text)
        return start, end

    @cached_property
    def segments(self) -> list[Segment]:
        result = []
        for n, seg in enumerate(self.meta["segments"], start=1):
            first, last = seg["lines"]
            start, end = self.line_span(first, last)
            result.append(
                Segment(
                    f"{self.source_id}/s{n:02d}",
                    self.source_id,
                    seg["kind"],
                    first,
                    last,
                    start,
                    end,
                )
            )
        return result

    def segment_at(self, offset: int) -> Segment:
        """The segment holding character ``offset``."""
        for seg in self.segments:
            if seg.char_start <= offset < seg.char_end:
                return seg
        return self.segments[-1]


def _check_meta(meta: dict[str, Any], path: Path) -> list[Problem]:
    """Vocabularies and the raw file's name; keys and types are checked by the schema."""
    sid = meta["source_id"]
    problems = []
    name = meta["file"]
    if Path(name).name != name or name.startswith(".") or "\\" in name:
        problems.append(
            Problem(
                path,
                line_of_key(meta, "file"),
                f"{sid}: file {name!r} is not a plain file name in data/raw",
                "give the file name only, e.g. file: my-source.txt",
            )
        )
    if meta["date_precision"] not in vocab.DATE_PRECISIONS:
        problems.append(
            Problem(
                path,
                line_of_key(meta, "date_precision"),
                f"{sid}: date_precision {meta['date_precision']!r} unknown",
                f"use one of {sorted(vocab.DATE_PRECISIONS)}",
            )
        )
    problems += _check_quality_fields(meta, path)
    if not meta["segments"]:
        problems.append(
            Problem(
                path,
                line_of_key(meta, "segments"),
                f"{sid}: no segments",
                "give the kind of every line, e.g. - {kind: body, lines: [1, 12]}",
            )
        )
    for seg in meta["segments"]:
        if seg["kind"] not in vocab.SEGMENT_KINDS:
            problems.append(
                Problem(
                    path,
                    seg.get("__line__"),
                    f"{sid}: segment kind {seg['kind']!r} unknown",
                    f"use one of {sorted(vocab.SEGMENT_KINDS)}",
                )
            )
    return problems


EVENT_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _check_quality_fields(meta: dict[str, Any], path: Path) -> list[Problem]:
    """``kind`` in the vocabulary and ``event`` a list of distinct slugs, when given; that they
    are given at all is asked by ``gapstudy check`` (``gapstudy add`` drafts them empty)."""
    sid = meta["source_id"]
    problems = []
    kind = meta["kind"]
    if kind is not None and kind not in vocab.SOURCE_KINDS:
        problems.append(
            Problem(
                path,
                line_of_key(meta, "kind"),
                f"{sid}: kind {kind!r} unknown",
                f"use one of {sorted(vocab.SOURCE_KINDS)} (docs/annotations.md, Sources as "
                "evidence)",
            )
        )
    seen: set[str] = set()
    for event in meta["event"]:
        is_slug = isinstance(event, str) and EVENT_ID_PATTERN.match(event) is not None
        if not is_slug or event in seen:
            why = "is given twice" if is_slug else "is not a slug"
            problems.append(
                Problem(
                    path,
                    line_of_key(meta, "event"),
                    f"{sid}: event {event!r} {why}",
                    "name each event once, in lower-case letters, digits and hyphens, "
                    "e.g. agi-next-2026",
                )
            )
        if is_slug:
            seen.add(event)
    return problems


def _check_segments(sid: str, meta: dict[str, Any], n_lines: int, path: Path) -> list[Problem]:
    """Segments must cover lines 1..n in order, each line once (``n_lines``: the text's)."""
    problems = []
    expected = 1
    for seg in meta["segments"]:
        first, last = seg["lines"]
        if first != expected or last < first:
            problems.append(
                Problem(
                    path,
                    seg.get("__line__"),
                    f"{sid}: segment lines {first}-{last} do not continue from line {expected}",
                    "segments must cover every line once, in order",
                )
            )
            return problems
        expected = last + 1
    if expected - 1 != n_lines:
        problems.append(
            Problem(
                path,
                meta["segments"][-1].get("__line__"),
                f"{sid}: segments end at line {expected - 1} but the text has {n_lines} lines",
                "extend or add a segment",
            )
        )
    return problems


def _check_unlisted(paths: ProjectPaths, listed: set[str]) -> list[Problem]:
    """Every file in ``data/raw/`` must be a source of ``sources.yaml``."""
    if not paths.raw.is_dir():
        return [Problem(paths.raw, None, "the folder of raw texts is missing")]
    return [
        Problem(
            path,
            None,
            f"raw text {path.name!r} has no entry in sources.yaml",
            f"run `gapstudy add data/raw/{path.name} --id SOURCE_ID` (or add its entry by hand, "
            "see docs/adding-a-source.md), or move the file out of data/raw",
        )
        for path in sorted(  # only those unlisted: sorting every path costs with the corpus
            p for p in paths.raw.iterdir() if not p.name.startswith(".") and p.name not in listed
        )
    ]


class CheckedBefore(Protocol):
    """What remembers documents that passed their schema (``gapstudy.checkcache``)."""

    def passed(self, name: str, text_key: str) -> bool: ...

    def record(self, name: str, text_key: str) -> None: ...


class KnownTexts(Protocol):
    """What remembers raw texts read before (``gapstudy.checkcache``): a text's number of
    lines, given while its file's ``stat()`` shows it unchanged since its bytes were hashed to
    the recorded checksum (and they were decoded), so that it need not be read again."""

    def lines(self, path: Path, sha256: str) -> int | None: ...

    def record(self, path: Path, sha256: str, n_lines: int) -> None: ...


def _check_schema(
    doc: Any, text_key: str, path: Path, checked_before: CheckedBefore | None
) -> None:
    """Raise :class:`SourceError` if ``sources.yaml`` (``doc``, read from the text of key
    ``text_key``) breaks its schema (unless it passed it before, as ``checked_before``
    remembers)."""
    if checked_before is not None and checked_before.passed("sources", text_key):
        return
    problems = check_document(doc, "sources file", path)
    if problems:
        raise SourceError(problems)
    if checked_before is not None:
        checked_before.record("sources", text_key)


def load_sources(
    paths: ProjectPaths | None = None,
    *,
    checked_before: CheckedBefore | None = None,
    known_texts: KnownTexts | None = None,
) -> dict[str, Source]:
    """Read ``sources.yaml`` and every raw text, verifying checksums and segments.

    Raises :class:`SourceError` listing every problem found. With ``checked_before``, a
    ``sources.yaml`` that passed its schema before (the same document, the same code) is not
    checked against it again (checking its thousands of entries cost more than reading them).
    With ``known_texts``, a raw file unchanged since its bytes were last read, hashed to the
    recorded checksum and decoded is not read again: its segments are checked against its
    recorded number of lines, and its text is read when first asked for.
    """
    paths = paths or project_paths()
    # Load
    sources_file = paths.sources_file
    doc, text_key = read_yaml_keyed(sources_file, scratch=paths.scratch)
    _check_schema(doc, text_key, sources_file, checked_before)
    problems: list[Problem] = []
    # Process
    sources: dict[str, Source] = {}
    listed: set[str] = set()
    raw = paths.raw
    for meta in doc["sources"]:
        listed.add(meta["file"])
        meta_problems = _check_meta(meta, sources_file)
        if meta_problems:
            problems.extend(meta_problems)
            continue
        sid = meta["source_id"]
        raw_path = raw / meta["file"]
        if sid in sources:
            problems.append(Problem(sources_file, meta["__line__"], f"duplicate source_id {sid!r}"))
            continue
        elsewhere = link_leaving_folder(raw_path)
        if elsewhere is not None:
            problems.append(
                Problem(
                    raw_path,
                    None,
                    f"raw text of {sid!r} is a symbolic link to {elsewhere}, outside data/raw",
                    "copy the text into data/raw instead of linking to it",
                )
            )
            continue
        n_lines = known_texts.lines(raw_path, meta["sha256"]) if known_texts else None
        if n_lines is not None:
            source = Source(sid, raw_path, meta)
        else:
            try:
                source = Source(sid, raw_path, meta, _read_raw(sid, meta, raw_path))
            except SourceError as err:
                problems.extend(err.problems)
                continue
            n_lines = source.n_lines
            if known_texts is not None:
                known_texts.record(raw_path, meta["sha256"], n_lines)
        problems.extend(_check_segments(sid, meta, n_lines, sources_file))
        sources[sid] = source
    problems.extend(_check_unlisted(paths, listed))
    if problems:
        raise SourceError(problems)
    return sources


def _read_raw(sid: str, meta: dict[str, Any], raw_path: Path) -> str:
    """The raw text of source ``sid``: its bytes read, checked against the recorded checksum
    and decoded (raises :class:`SourceError` naming the file and what to do)."""
    try:
        data = raw_path.read_bytes()
    except FileNotFoundError:
        raise SourceError(
            Problem(
                raw_path,
                None,
                f"raw text of {sid!r} is missing",
                f"restore it from the original {meta['original_name']}",
            )
        ) from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != meta["sha256"]:
        raise SourceError(
            Problem(
                raw_path,
                None,
                f"checksum mismatch: recorded {meta['sha256'][:12]}…, file has {digest[:12]}…",
                "raw texts are never edited: restore the original bytes (git checkout)",
            )
        )
    hint = "raw texts are UTF-8: convert the original once, then record its sha256"
    return decode_utf8(data, raw_path, hint)
