"""Stage 1: the raw article texts, their provenance, and their segments.

Raw texts pass through untouched: they are read as bytes, checked against the SHA-256 recorded
in ``data/sources.yaml``, and decoded as UTF-8. Segments partition each text's lines.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from gapstudy import vocab
from gapstudy.exceptions import Problem, SourceError
from gapstudy.paths import ProjectPaths, project_paths


class LineLoader(yaml.SafeLoader):
    """A YAML loader whose mappings remember the 1-based line they start on (key ``__line__``)
    and the line of each of their keys (``__lines__``)."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {
        key.value: key.start_mark.line + 1
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    return mapping


def line_of_key(mapping: dict[str, Any], key: str) -> int | None:
    """Line of ``key`` in a mapping read by :class:`LineLoader` (else the mapping's own line)."""
    return mapping.get("__lines__", {}).get(key, mapping.get("__line__"))


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse ``path`` with line numbers kept; a syntax error names the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise SourceError(Problem(path, None, "file not found")) from err
    try:
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise SourceError(
            Problem(path, line, f"YAML syntax error: {err.problem}", "fix the YAML syntax")
        ) from err


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
    """One raw text with its recorded metadata."""

    source_id: str
    path: Path
    meta: dict[str, Any]
    text: str

    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of each line (index 0 is line 1)."""
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(self.text) if ch == "\n")
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


_REQUIRED_FIELDS = (
    "source_id",
    "file",
    "original_name",
    "sha256",
    "title",
    "outlet",
    "is_outlet_inferred",
    "original_outlet",
    "published",
    "date_precision",
    "is_date_inferred",
    "url",
    "inferences",
    "segments",
)


def _check_meta(meta: dict[str, Any], path: Path) -> list[Problem]:
    line = meta.get("__line__")
    problems = [
        Problem(path, line, f"source entry lacks field {name!r}", "add it (null if unknown)")
        for name in _REQUIRED_FIELDS
        if name not in meta
    ]
    if problems:
        return problems
    sid = meta["source_id"]
    if meta["date_precision"] not in vocab.DATE_PRECISIONS:
        problems.append(
            Problem(
                path,
                line,
                f"{sid}: date_precision {meta['date_precision']!r} unknown",
                f"use one of {sorted(vocab.DATE_PRECISIONS)}",
            )
        )
    for seg in meta["segments"]:
        if seg.get("kind") not in vocab.SEGMENT_KINDS:
            problems.append(
                Problem(
                    path,
                    seg.get("__line__"),
                    f"{sid}: segment kind {seg.get('kind')!r} unknown",
                    f"use one of {sorted(vocab.SEGMENT_KINDS)}",
                )
            )
    return problems


def _check_segments(source: Source, path: Path) -> list[Problem]:
    """Segments must cover lines 1..n in order, each line once."""
    problems = []
    expected = 1
    for seg in source.meta["segments"]:
        first, last = seg["lines"]
        if first != expected or last < first:
            problems.append(
                Problem(
                    path,
                    seg.get("__line__"),
                    f"{source.source_id}: segment lines {first}-{last} "
                    f"do not continue from line {expected}",
                    "segments must cover every line once, in order",
                )
            )
            return problems
        expected = last + 1
    if expected - 1 != source.n_lines:
        problems.append(
            Problem(
                path,
                source.meta["segments"][-1].get("__line__"),
                f"{source.source_id}: segments end at line {expected - 1} "
                f"but the text has {source.n_lines} lines",
                "extend or add a segment",
            )
        )
    return problems


def load_sources(paths: ProjectPaths | None = None) -> dict[str, Source]:
    """Read ``sources.yaml`` and every raw text, verifying checksums and segments.

    Raises :class:`SourceError` listing every problem found.
    """
    paths = paths or project_paths()
    # Load
    doc = read_yaml(paths.sources_file)
    # Process
    problems: list[Problem] = []
    sources: dict[str, Source] = {}
    for meta in doc.get("sources", []):
        meta_problems = _check_meta(meta, paths.sources_file)
        if meta_problems:
            problems.extend(meta_problems)
            continue
        sid = meta["source_id"]
        raw_path = paths.raw_file(meta["file"])
        if sid in sources:
            problems.append(
                Problem(paths.sources_file, meta["__line__"], f"duplicate source_id {sid!r}")
            )
            continue
        try:
            data = raw_path.read_bytes()
        except FileNotFoundError:
            problems.append(
                Problem(
                    raw_path,
                    None,
                    f"raw text of {sid!r} is missing",
                    f"restore it from the original {meta['original_name']}",
                )
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != meta["sha256"]:
            problems.append(
                Problem(
                    raw_path,
                    None,
                    f"checksum mismatch: recorded {meta['sha256'][:12]}…, file has {digest[:12]}…",
                    "raw texts are never edited: restore the original bytes (git checkout)",
                )
            )
            continue
        source = Source(sid, raw_path, meta, data.decode("utf-8"))
        problems.extend(_check_segments(source, paths.sources_file))
        sources[sid] = source
    if problems:
        raise SourceError(problems)
    return sources
