"""Stage 0: take a new article into the corpus (``gapstudy add``).

The text is copied byte for byte to ``data/raw/<source_id>.txt`` (a text already put in
``data/raw`` by hand is renamed there); its entry (checksum, fields,
guessed segments) is appended to ``data/sources.yaml`` as text, leaving the other entries as
they are; and ``data/annotations/<source_id>.yaml`` is written as a draft holding one entry per
numeric mention in body text, with the normaliser's reading or its refusal. ``gapstudy check``
refuses every draft entry until a researcher confirms it, so a half-annotated source cannot
reach the tables.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gapstudy import vocab
from gapstudy.annotations import (
    figure_dated_by_year,
    find_verbatim,
    load_shared_voices,
    load_source_annotations,
)
from gapstudy.atomicfile import replace_file, write_new_file
from gapstudy.exceptions import AnnotationError, InputError, Problem
from gapstudy.input_schema import ENTRY_KINDS
from gapstudy.lock import editing_inputs
from gapstudy.mentions import Mention, covering_span, find_mentions
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.reuse import format_in_use, in_use
from gapstudy.sentences import read_in_sentence
from gapstudy.sources import MAX_TEXT_BYTES, Source, load_sources
from gapstudy.yamlfile import read_yaml

SOURCE_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A line this short with no closing punctuation reads as a title, byline or heading.
SHORT_LINE_CHARS = 80
# A first line longer than this, or ending a sentence, is the first paragraph, not a headline.
HEADLINE_MAX_CHARS = 150
# A title-like line of at most this many words above a longer one is a label ("Technology",
# "Post", "1 week ago"), not the headline.
LABEL_MAX_WORDS = 3
# A byline or date line, bulleted or not: "By Jane Roe", "- By Jane Roe", "- 04/16/25".
_BYLINE = re.compile(r"^(?:[-•*]\s*)?(?:By\s+[A-Z]|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$)")
_DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
# A candidate end of sentence: closing punctuation, closing quotes or brackets, then spaces.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'”’)]*)(\s+)")
# The word a full stop closes, and the first character after the spaces that follow it.
_WORD_BEFORE = re.compile(r"(\S+)$")
# The fields a draft carries that a confirmed figure may keep as hand checks.
DRAFT_READING_FIELDS = ("kind", "value", "low", "high", "unit", "qualifier")
# Every key a draft entry (under `drafts:` in an annotation file) may hold.
# The keys a draft entry may hold are declared with every other entry kind.
DRAFT_KEYS = tuple(ENTRY_KINDS["draft"])


@dataclass(frozen=True)
class Added:
    """What ``gapstudy add`` wrote."""

    source_id: str
    raw_file: Path
    annotation_file: Path
    n_segments: int
    n_drafts: int
    n_refused: int


def sha256_of(data: bytes) -> str:
    """The checksum recorded in ``sources.yaml``: SHA-256 of the raw bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def date_precision_of(published: str | None) -> str:
    """``day``, ``month`` or ``year`` for an ISO date written to that precision; ``unknown``
    when no date is given. Raises :class:`ValueError` for anything else."""
    if published is None:
        return "unknown"
    for precision, fmt in _DATE_FORMATS.items():
        try:
            dt.datetime.strptime(published, fmt)
        except ValueError:
            continue
        if published > dt.date.today().isoformat()[: len(published)]:
            raise ValueError(f"date {published!r} is in the future")
        return precision
    raise ValueError(f"date {published!r} is not YYYY-MM-DD, YYYY-MM or YYYY")


def _is_title(line: str) -> bool:
    """Whether a stripped line reads as a title: not too long, no closing punctuation."""
    return len(line) <= HEADLINE_MAX_CHARS and line[-1] not in '.:;,"”’)'


def _is_byline(line: str) -> bool:
    """Whether a stripped line is a byline or a date line ("- By Jane Roe", "- 04/16/25"):
    short, not a sentence ("By contrast, exports fell." is one; "By 2030" names no one)."""
    return len(line) < SHORT_LINE_CHARS and line[-1] not in ".!?" and bool(_BYLINE.match(line))


def _headline_at(lines: list[str]) -> int | None:
    """The index of the headline among stripped ``lines``: the first title-like line (bylines
    passed over) with more than :data:`LABEL_MAX_WORDS` words before the first paragraph, the
    short labels above it being no headline; else the first line with text when it reads as a
    title; ``None`` when the text opens with a paragraph."""
    first = None
    for n, line in enumerate(lines):
        if not line or _is_byline(line):
            continue
        if not _is_title(line) or (first is not None and line.startswith(("-", "•", "*"))):
            break
        first = n if first is None else first
        if len(line.split()) > LABEL_MAX_WORDS:
            return n
    return first


def _line_kind(line: str, *, seen_body: bool) -> str | None:
    stripped = line.strip()
    if not stripped:
        return None
    if _is_byline(stripped):
        return "byline"
    is_short = len(stripped) < SHORT_LINE_CHARS and stripped[-1] not in '.!?:"”’)'
    if is_short and not stripped.startswith(("-", "•", "*")):
        return "heading" if seen_body else "byline"
    return "body"


def _folded_title(line: str) -> str:
    """A title compared as words: Unicode forms, case, quotes, dashes and spaces aside."""
    folded = unicodedata.normalize("NFKC", line).casefold()
    folded = folded.translate(_TITLE_MARKS)
    return " ".join(folded.split()).rstrip(".!?:;,")


# Curly quotes and dashes compared as their plain forms.
_TITLE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def headline_guess(lines: list[str], title: str | None) -> tuple[int | None, int | None]:
    """The index of the headline among stripped ``lines`` and of a title-like line refused as
    the headline. With no ``title`` given, the headline is guessed from the form of the lines
    (:func:`_headline_at`). With one, a line before the first paragraph is the headline only
    where it is that title (as words: case, quotes, dashes and spaces aside); else the line
    the form would take is a section heading and the text has no headline: an excerpt that
    opens on a heading ("Two Superpowers, One Digital Battlefield") is not its article."""
    at = _headline_at(lines)
    if title is None or at is None:
        return at, None
    wanted = _folded_title(title)
    for n, line in enumerate(lines):
        if line and not _is_byline(line) and not _is_title(line):
            break  # the first paragraph
        if line and _folded_title(line) == wanted:
            return n, None
    return None, at


def guess_segments(text: str, title: str | None = None) -> list[dict[str, Any]]:
    """Segments covering every line of ``text`` once, in order. The headline is the first line
    with text when it reads as a title (short, no closing punctuation; a text with none gets
    none, and a long first paragraph is body text), or, where that is a short label above a
    longer title ("Technology" above the article's title), the title: the labels above it are
    byline. Byline and date lines ("By Jane Roe", "- By Jane Roe", "- 04/16/25") are byline
    wherever they stand; other short lines without closing punctuation before the first
    paragraph are byline and later ones headings; everything else is body. Blank lines join
    the segment before them (the one after them at the very start). Where ``title`` is given,
    the headline is the line that is that title, and a title-like first line that is not is a
    heading (:func:`headline_guess`). A guess, for the researcher to correct."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    headline, heading = headline_guess([line.strip() for line in lines], title)
    kinds: list[str | None] = []
    seen_body = False
    for number, line in enumerate(lines):
        if not line.strip():
            kind = None
        elif number == heading:
            kind = "heading"
        elif heading is not None and number < heading:
            kind = "byline"
        elif headline is not None and number <= headline:
            kind = "headline" if number == headline else "byline"
        else:
            kind = _line_kind(line, seen_body=seen_body)
            kind = "body" if headline is None and not seen_body and kind != "byline" else kind
        seen_body = seen_body or kind == "body"
        kinds.append(kind)
    first_kind = next((k for k in kinds if k is not None), "body")
    segments: list[dict[str, Any]] = []
    for number, kind in enumerate(kinds, start=1):
        kind = kind or (segments[-1]["kind"] if segments else first_kind)
        if segments and segments[-1]["kind"] == kind:
            segments[-1]["lines"][1] = number
        else:
            segments.append({"kind": kind, "lines": [number, number]})
    return segments


def sentence_breaks(text: str) -> list[tuple[int, int]]:
    """Where ``text`` (one line) breaks between sentences: the span of the spaces after each
    ".", "!" or "?" (and any closing quotes or brackets after it) that ends a sentence. A full
    stop does not end one after an abbreviation that leads into what follows ("U.S. and",
    "Dr. Lin", "e.g. chips"), after "No." or a month before a number ("No. 1", "Jan. 5"), after
    one capital letter (an initial, "John F. Kennedy"), or when the next word starts in lower
    case ("Inc. and", "a.m. local time"). A decimal point is never a break (no space follows
    it). A missed break only makes a draft's context longer; a wrong one cuts its sentence."""
    breaks = []
    for match in _SENTENCE_END.finditer(text):
        before = _WORD_BEFORE.search(text, 0, match.start())
        following = text[match.end() : match.end() + 1]
        if text[match.start() - 1] == "." and before is not None:
            word = before.group(1).lstrip("(\"'“‘[").rstrip(".")
            if (
                word in vocab.LEADING_ABBREVIATIONS
                or (word in vocab.NUMBER_ABBREVIATIONS and following.isdigit())
                or (len(word) == 1 and word.isupper())
            ):
                continue
        if following.islower():
            continue
        breaks.append((match.start(2), match.end(2)))
    return breaks


def _context(source: Source, start: int, end: int) -> str:
    """The sentence around ``[start, end)``, verbatim, within its line; narrowed to the words
    next to it when the sentence holds the mention's words more than once (an exclusion finds
    its text inside its context, which must be unambiguous)."""
    line = source.line_of(start)
    line_start, line_end = source.line_span(line, line)
    text = source.text[line_start:line_end].rstrip("\r\n")
    start, end = start - line_start, end - line_start
    begin, finish = 0, len(text)
    for break_start, break_end in sentence_breaks(text):
        if break_end <= start:
            begin = break_end
        elif break_start >= end:
            finish = break_start
            break
    words = text[start:end]
    for n_words in (None, 4, 3, 2, 1, 0):
        if n_words is not None:
            before = [m.start() for m in re.finditer(r"\S+", text[begin:start])]
            after = [m.end() for m in re.finditer(r"\S+", text[end:finish])]
            begin = begin + before[-n_words] if n_words and len(before) >= n_words else start
            finish = end + after[n_words - 1] if n_words and len(after) >= n_words else end
        context = text[begin:finish].strip()
        if len(find_verbatim(context, words)) == 1:
            return context
    return words


def draft_reading(text: str, mention: Mention) -> dict[str, Any]:
    """What a draft says of ``mention`` in ``text``: the normaliser's reading of it in its
    sentence, its refusal, or the exclusion of a year (see
    :func:`gapstudy.sentences.read_in_sentence`)."""
    return read_in_sentence(text, mention)


def _entry(source: Source, start: int, end: int) -> dict[str, Any]:
    """A draft of the words at ``[start, end)``: its text, line and sentence."""
    context = _context(source, start, end)
    entry: dict[str, Any] = {
        "draft": True,
        "text": source.text[start:end],
        "line": source.line_of(start),
        "context": context,
    }
    spans = find_verbatim(source.text, context)
    holding = [n for n, (s, e) in enumerate(spans, start=1) if s <= start < e]
    if len(spans) > 1 and holding:
        entry["occurrence"] = holding[0]
    return entry


def draft_entries(
    source: Source, covered: Callable[[Mention], bool] = lambda mention: False
) -> list[dict[str, Any]]:
    """One draft per numeric mention in body text that ``covered`` does not say is annotated
    already: its words, line, sentence and the normaliser's reading, its refusal, or (for a
    year) the reason to exclude it."""
    drafts = []
    for mention in find_mentions(source.text):
        if source.segment_at(mention.start).kind not in vocab.ANNOTATED_SEGMENT_KINDS:
            continue
        if covered(mention):
            continue
        reading = draft_reading(source.text, mention)
        if "levels" in reading:  # "from X to Y": the two levels reported, the change derived
            for level in reading["levels"]:
                if covered(Mention(level["start"], level["end"], level["text"])):
                    continue  # a level confirmed already; the other is drafted again
                entry = _entry(source, level["start"], level["end"])
                if "refusal" in level:  # "from 4 to 4.6 percent": the start alone is refused
                    entry["refusal"] = level["refusal"]
                    entry["level_of"] = reading["level_of"]
                    drafts.append(entry)
                    continue
                entry.update({name: level[name] for name in DRAFT_READING_FIELDS})
                if "period" in level:
                    entry["period"] = level["period"]
                entry["level_of"] = reading["level_of"]
                drafts.append(entry)
            continue
        entry = _entry(source, mention.start, mention.end)
        if "exclusion" in reading:
            entry["reason"] = reading["exclusion"]
        elif "refusal" in reading:
            entry["refusal"] = reading["refusal"]
        else:
            entry.update({name: reading[name] for name in DRAFT_READING_FIELDS})
            for name in ("whole", "read_with"):  # what a share is of; words elsewhere
                if name in reading:
                    entry[name] = reading[name]
        drafts.append(entry)
    return drafts


_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _scalar(value: Any) -> str:
    """``value`` as a YAML flow scalar: plain when YAML reads it back as the same text, else
    double-quoted (a JSON string is a valid YAML double-quoted string)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and _PLAIN.fullmatch(value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def source_entry_text(meta: dict[str, Any]) -> str:
    """The ``sources.yaml`` entry for ``meta``, in the file's own layout."""
    lines = [f"  - source_id: {meta['source_id']}"]
    for name, value in meta.items():
        if name in ("source_id", "segments", "inferences"):
            continue
        if name == "kind":
            lines.append("    # To fill in (`gapstudy check` asks): what kind of text this is,")
            lines.append("    # the events it reports, what a reader should know about it")
            lines.append("    # (docs/annotations.md, Sources as evidence).")
        lines.append(f"    {name}: {_scalar(value)}")
    lines.append("    inferences: []")
    lines.append("    # Guessed by `gapstudy add`: check each kind against the text.")
    lines.append("    segments:")
    lines.extend(
        f"      - {{kind: {s['kind']}, lines: [{s['lines'][0]}, {s['lines'][1]}]}}"
        for s in meta["segments"]
    )
    return "\n".join(lines) + "\n"


def annotation_draft_text(source_id: str, drafts: list[dict[str, Any]]) -> str:
    """The draft annotation file: empty voices, claims and exclusions, and the drafts."""
    header = (
        f"# Draft annotations of {source_id}, written by `gapstudy add`.\n"
        "# Each entry under `drafts` is a numeric mention in body text with the normaliser's\n"
        "# reading (or its refusal). Confirm each one: move it into the `figures` of a claim\n"
        "# (keep text and the reading as hand checks; add entity, metric, period,\n"
        "# period_precision; drop draft, line and context), or into `exclusions` (keep text and\n"
        "# context, add a reason; a year comes with its reason). `gapstudy check` refuses the\n"
        "# file while a draft is left. After changing the segments in data/sources.yaml,\n"
        "# `gapstudy draft <source_id>` redrafts this list and keeps every confirmed entry.\n"
        "# See docs/adding-a-source.md.\n"
    )
    body = yaml.safe_dump(
        {"source_id": source_id, "voices": [], "claims": [], "exclusions": [], "drafts": drafts},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return header + body


def _write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, which must not exist yet, whole or not at all."""
    write_new_file(path, data)


def _normalised_digest(data: bytes) -> str | None:
    """The checksum of the text with line endings as ``\n`` and Unicode in NFC form, so that
    the same article saved on another system compares equal; ``None`` for bytes not UTF-8."""
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        return None
    return sha256_of(unicodedata.normalize("NFC", text).encode("utf-8"))


def _same_text_in_raw(data: bytes, paths: ProjectPaths, file: Path) -> Path | None:
    """A raw text that is ``data`` once line endings and Unicode forms are normalised."""
    digest = _normalised_digest(data)
    for path in sorted(paths.raw.glob("*.txt")):
        if path.resolve() != file.resolve() and _normalised_digest(path.read_bytes()) == digest:
            return path
    return None


_TWIN = (
    "this text is in data/raw already, with other line endings or Unicode forms",
    "the same article is never added twice; keep the one in data/raw",
)


def _too_large(file: Path, size: int) -> Problem:
    return Problem(
        file,
        None,
        f"the text is {size:,} bytes; the most one source may hold is {MAX_TEXT_BYTES:,}",
        "add one article at a time (split a feed or a collection into its articles)",
    )


def _refusals(
    source_id: str, data: bytes, paths: ProjectPaths, doc: dict[str, Any], file: Path
) -> list[Problem]:
    problems = []
    if not SOURCE_ID_PATTERN.match(source_id):
        problems.append(
            Problem(
                paths.sources_file,
                None,
                f"source id {source_id!r} is not a slug",
                "use lower-case letters, digits and hyphens, e.g. reuters-chips-2026",
            )
        )
    entries = [e for e in doc.get("sources") or [] if isinstance(e, dict)]
    for entry in entries:
        if entry.get("source_id") == source_id:
            problems.append(
                Problem(
                    paths.sources_file,
                    entry.get("__line__"),
                    f"source id {source_id!r} is in use",
                    "choose another --id",
                )
            )
    for path in (paths.raw_file(f"{source_id}.txt"), paths.annotation_file(source_id)):
        if path.exists() and path.resolve() != file.resolve():
            problems.append(Problem(path, None, "file exists already", "choose another --id"))
    digest = sha256_of(data)
    recorded = {e.get("sha256"): e for e in entries}
    on_disk = {
        sha256_of(p.read_bytes()): p
        for p in sorted(paths.raw.glob("*"))
        if p.is_file() and p.resolve() != file.resolve()
    }
    if digest in recorded:
        entry = recorded[digest]
        problems.append(
            Problem(
                paths.sources_file,
                entry.get("__line__"),
                f"this text is in the corpus already as {entry.get('source_id')!r}",
                "the same bytes are never added twice",
            )
        )
    elif (twin := _same_text_in_raw(data, paths, file)) is not None:
        problems.append(Problem(twin, None, *_TWIN))
    elif digest in on_disk:
        problems.append(
            Problem(
                on_disk[digest],
                None,
                "this text is in data/raw already",
                "give that file an entry in data/sources.yaml instead",
            )
        )
    if not data.strip():
        problems.append(Problem(source_id, None, "the text is empty", "save the article's text"))
    if len(data) > MAX_TEXT_BYTES:
        return [*problems, _too_large(file, len(data))]  # the checks below read the whole text
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        problems.append(
            Problem(
                source_id,
                None,
                f"the text is not UTF-8 (byte {err.start})",
                "save the article as UTF-8 text first",
            )
        )
    return problems


def _draft_meta(
    source_id: str, file: Path, data: bytes, text: str, given: dict[str, Any], precision: str
) -> dict[str, Any]:
    """The new ``sources.yaml`` entry: what is known from the file and the command line, the
    rest drafted (inferences none, source kind and events empty for the researcher to give,
    segments guessed)."""
    return {
        "source_id": source_id,
        "file": f"{source_id}.txt",
        "original_name": Path(file).name,
        "sha256": sha256_of(data),
        "title": given["title"],
        "outlet": given["outlet"],
        "is_outlet_inferred": False,
        "original_outlet": None,
        "published": given["published"],
        "date_precision": precision,
        "is_date_inferred": False,
        "url": given["url"],
        "kind": None,
        "event": [],
        "reliability_note": None,
        "inferences": [],
        "segments": guess_segments(text, given["title"]),
    }


@editing_inputs
def add_source(
    file: Path,
    source_id: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    paths: ProjectPaths | None = None,
) -> Added:
    """Add the text in ``file`` to the corpus as ``source_id`` (see the module docstring).

    Raises :class:`InputError` naming every reason to refuse, before anything is written.
    """
    paths = paths or project_paths()
    file = Path(file)
    data = file.read_bytes()
    doc = read_yaml(paths.sources_file) or {}
    problems = _refusals(source_id, data, paths, doc, file)
    try:
        precision = date_precision_of(published)
    except ValueError as err:
        problems.append(Problem(file, None, str(err), "give --date as 2026-04-14, 2026-04 or 2026"))
    if problems:
        raise InputError(problems)
    text = data.decode("utf-8")
    given = {"title": title, "outlet": outlet, "published": published, "url": url}
    meta = _draft_meta(source_id, file, data, text, given, precision)
    raw_path = paths.raw_file(meta["file"])
    source = Source(source_id, raw_path, meta, text)
    drafts = draft_entries(source)
    old = paths.sources_file.read_text(encoding="utf-8")
    new = old + ("" if old.endswith("\n") else "\n") + "\n" + source_entry_text(meta)
    listed = (yaml.safe_load(new) or {}).get("sources") or []
    if not any(e.get("source_id") == source_id for e in listed if isinstance(e, dict)):
        raise InputError(
            Problem(
                paths.sources_file,
                None,
                "an entry appended to this file would not land in its 'sources' list",
                "keep 'sources:' the last key of the file",
            )
        )
    annotation_path = paths.annotation_file(source_id)
    # A text put into data/raw by hand is taken in where it lies, under its new name.
    is_in_raw = file.resolve().parent == paths.raw.resolve()
    is_in_place = file.resolve() == raw_path.resolve()
    if not is_in_place:
        _write_new(raw_path, data)
    try:
        _write_new(annotation_path, annotation_draft_text(source_id, drafts).encode("utf-8"))
        replace_file(paths.sources_file, new)
    except BaseException:
        if not is_in_place:
            raw_path.unlink(missing_ok=True)
        annotation_path.unlink(missing_ok=True)
        raise
    if is_in_raw and not is_in_place:
        file.unlink()
    refused = sum("refusal" in d for d in drafts)
    return Added(source_id, raw_path, annotation_path, len(meta["segments"]), len(drafts), refused)


def run_add(
    file: Path,
    source_id: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    paths: ProjectPaths | None = None,
) -> int:
    """``gapstudy add``: add the source and say what to do next."""
    paths = paths or project_paths()
    added = add_source(
        file, source_id, title=title, outlet=outlet, published=published, url=url, paths=paths
    )

    def shown(path: Path) -> Path:
        return path.relative_to(paths.root) if path.is_relative_to(paths.root) else path

    print(f"copied   {shown(added.raw_file)}")
    print(
        f"appended {source_id} to {shown(paths.sources_file)} ({added.n_segments} guessed segments)"
    )
    source = load_sources(paths)[source_id]
    print(format_segments(source))
    print(headline_note(source_id, source.text, title))
    print(
        f"drafted  {shown(added.annotation_file)}: {added.n_drafts} numeric mention(s) "
        f"in body text, {added.n_refused} refused by the normaliser"
    )
    print(format_in_use(_in_use(paths)))
    print(
        "next: check the segments (only body text is drafted; after correcting them run "
        f"`gapstudy draft {source_id}`), confirm every draft, add voices and claims, then run "
        "`gapstudy check` (docs/adding-a-source.md)"
    )
    return 0


def _in_use(paths: ProjectPaths) -> dict[str, dict[str, str]]:
    """Event ids and voices already in the corpus (see :func:`gapstudy.reuse.in_use`); an
    annotation file that cannot be read lends none (``check`` names its problems)."""
    sources = load_sources(paths)
    voices: dict[str, list[dict[str, Any]]] = {}
    for sid in sources:
        path = paths.annotation_file(sid)
        try:
            doc = read_yaml(path) if path.exists() else None
        except InputError:
            continue
        found = doc.get("voices") if isinstance(doc, dict) else None
        voices[sid] = [v for v in found if isinstance(v, dict)] if isinstance(found, list) else []
    shared, _ = load_shared_voices(paths)
    return in_use(sources, voices, shared)


FIRST_WORDS = 8


def headline_note(source_id: str, text: str, title: str | None) -> str:
    """Which line ``gapstudy add`` guessed the headline, on what ground, and how to correct
    the guess (:func:`headline_guess`)."""
    lines = text.split("\n")
    headline, heading = headline_guess([line.strip() for line in lines], title)
    fix = f"in data/sources.yaml and run `gapstudy draft {source_id}`"
    if heading is not None:
        return (
            f"headline: none guessed; line {heading + 1} {lines[heading].strip()!r} reads as a "
            f"title but is not the --title given, so it is guessed a heading; if it is the "
            f"headline as printed, set its kind to headline {fix}, and write it as the title"
        )
    if headline is None:
        return "headline: none (the text opens with a paragraph, which is body text)"
    if title is not None:
        return f"headline: line {headline + 1}, the --title given"
    return (
        f"headline: line {headline + 1} {lines[headline].strip()!r}, guessed from its form (no "
        f"--title given); if it is a section heading, set its kind to heading {fix}"
    )


def format_segments(source: Source) -> str:
    """The segments of ``source``, one a line, with the first words of each, so that a wrong
    guess shows at once."""
    lines = ["segments (kind, lines, first words):"]
    for segment in source.segments:
        start, end = source.line_span(segment.line_start, segment.line_end)
        words = source.text[start:end].split()
        first = " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")
        where = f"{segment.line_start}-{segment.line_end}"
        lines.append(f"  {segment.kind:<11} {where:<9} {first}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Redrafted:
    """What ``gapstudy draft`` wrote."""

    annotation_file: Path
    n_drafts: int
    n_refused: int
    n_kept: int  # confirmed figures and exclusions, left as they were


def _covered_by(source: Source, paths: ProjectPaths) -> tuple[Callable[[Mention], bool], int]:
    """Whether a mention's number lies in a confirmed figure or exclusion, and how many of
    those the annotation file holds."""
    notes, problems = load_source_annotations(source, paths)
    if notes is None and problems:
        raise AnnotationError(problems)
    spans: list[tuple[int, int]] = []
    n_kept = 0
    if notes is not None:
        for claim in notes.claims:
            n_kept += len(claim.figures)
            spans += [fig.span for fig in claim.figures if fig.span is not None]
        n_kept += len(notes.exclusions)
        spans += [ex.span for ex in notes.exclusions if ex.span is not None]

    def covered(mention: Mention) -> bool:
        if covering_span(mention.number_span, spans) is not None:
            return True
        return notes is not None and figure_dated_by_year(notes, mention) is not None

    return covered, n_kept


_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_][\w-]*:", re.MULTILINE)


def replace_drafts(document: str, drafts: list[dict[str, Any]]) -> str:
    """``document`` (an annotation file's text) with its top-level ``drafts:`` list replaced by
    ``drafts`` (added only when there are drafts); every other line, comments included, is kept
    as written."""
    block = yaml.safe_dump({"drafts": drafts}, sort_keys=False, allow_unicode=True, width=100)
    keys = list(_TOP_LEVEL_KEY.finditer(document))
    found = next((i for i, key in enumerate(keys) if key.group() == "drafts:"), None)
    if found is None and not drafts:
        return document  # a finished file gains no empty list
    if found is None:
        return document + ("" if document.endswith("\n") or not document else "\n") + block
    start = keys[found].start()
    end = keys[found + 1].start() if found + 1 < len(keys) else len(document)
    return document[:start] + block + document[end:]


@editing_inputs
def redraft(source_id: str, paths: ProjectPaths | None = None) -> Redrafted:
    """Draft again every mention in body text of ``source_id`` that no confirmed figure or
    exclusion covers, with the segments as ``data/sources.yaml`` now gives them; the rest of
    the annotation file (voices, claims, exclusions, not-claims, comments) is kept as written.

    Raises :class:`InputError` for an unknown source and :class:`AnnotationError` when the
    annotation file cannot be read.
    """
    paths = paths or project_paths()
    sources = load_sources(paths)
    if source_id not in sources:
        raise InputError(
            Problem(
                paths.sources_file,
                None,
                f"no source {source_id!r}",
                f"use one of: {', '.join(sorted(sources))}",
            )
        )
    source = sources[source_id]
    covered, n_kept = _covered_by(source, paths)
    drafts = draft_entries(source, covered)
    path = paths.annotation_file(source_id)
    if path.exists():
        text = replace_drafts(path.read_text(encoding="utf-8"), drafts)
    else:
        text = annotation_draft_text(source_id, drafts)
    replace_file(path, text)
    refused = sum("refusal" in d for d in drafts)
    return Redrafted(path, len(drafts), refused, n_kept)


def run_draft(source_id: str, paths: ProjectPaths | None = None) -> int:
    """``gapstudy draft SOURCE_ID``: redraft and say what was written."""
    paths = paths or project_paths()
    done = redraft(source_id, paths)
    print(format_segments(load_sources(paths)[source_id]))
    shown = done.annotation_file.relative_to(paths.root)
    print(
        f"drafted  {shown}: {done.n_drafts} numeric mention(s) in body text not yet "
        f"annotated, {done.n_refused} refused by the normaliser; {done.n_kept} confirmed "
        "figure(s) and exclusion(s) kept"
    )
    return 0
