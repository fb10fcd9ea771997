"""The keys each entry of the hand-written YAML files may hold, with their types: declared once.

``ENTRY_KINDS`` maps each kind of entry (an annotation file, a voice, a claim, a figure, an
exclusion; a source with its segments and inferences; a fact; a derived measure) to its keys.
A new key is one line here, e.g. ``"unit_as_meant": optional(TEXT, "...")`` under ``"figure"``;
a new cross-source file under ``data/annotations/`` is one line in ``CROSS_SOURCE_FILES`` plus
its entry kinds. The loaders and ``gapstudy check`` validate every file against this with
:func:`check_document`, and the tests read it too.

Unknown keys are refused with the closest allowed key ("did you mean"), missing required keys
and values of the wrong type with the file, line and key. Meaning (vocabularies, spans, hand
checks) is checked later, by the loaders and :mod:`gapstudy.check`.
"""

from __future__ import annotations

import difflib
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gapstudy.exceptions import Problem
from gapstudy.periods import PERIOD_FORMS, PeriodError, parse_period
from gapstudy.yamlfile import LINE_KEY, line_of_key, user_keys

TEXT = "text"
NUMBER = "number"
INTEGER = "integer"
FLAG = "flag"
LIST = "list"
LINE_RANGE = "line_range"
PERIOD = "period"  # text that gapstudy.periods reads

# What each type is called in a message, and how to write it.
TYPE_WORDS: dict[str, tuple[str, str]] = {
    TEXT: ("text", "write plain text; put quotes around it if it looks like a number or date"),
    NUMBER: (
        "a finite number",
        "write a number without quotes or units, e.g. 20.0 (YAML reads 1e9 as text: 1.0e+9)",
    ),
    INTEGER: ("a whole number", "write a whole number without quotes, e.g. 1"),
    FLAG: ("true or false", "write true or false without quotes"),
    LIST: ("a list", "write each entry on its own line as '- ...'"),
    LINE_RANGE: ("a pair of line numbers", "write [first, last], e.g. [3, 12]"),
    PERIOD: ("text", f'put quotes around a year, e.g. "2024"; {PERIOD_FORMS}'),
}


@dataclass(frozen=True)
class Key:
    """One key an entry may hold."""

    type: str
    required: bool = False
    nullable: bool = True
    entries: str | None = None  # for lists: the entry kind of each item
    doc: str = ""


def required(type_: str, doc: str = "", *, nullable: bool = False, entries: str | None = None):
    """A key every entry must give (``nullable``: it may be given as null)."""
    return Key(type_, required=True, nullable=nullable, entries=entries, doc=doc)


def optional(type_: str, doc: str = "", *, entries: str | None = None) -> Key:
    """A key an entry may leave out or give as null."""
    return Key(type_, required=False, nullable=True, entries=entries, doc=doc)


# Kinds that describe a whole file end in " file"; their entries are named without a parent.
ENTRY_KINDS: dict[str, dict[str, Key]] = {
    # data/annotations/<source_id>.yaml
    "annotation file": {
        "source_id": required(TEXT, "the file's source, as in data/sources.yaml"),
        "voices": optional(LIST, "everyone who speaks, is quoted or is cited", entries="voice"),
        "claims": optional(LIST, "verbatim statements about the gap", entries="claim"),
        "exclusions": optional(LIST, "numeric mentions that are not figures", entries="exclusion"),
        "not_claims": optional(LIST, "body sentences that are not claims", entries="not-claim"),
        "drafts": optional(LIST, "mentions drafted by `gapstudy add`, to confirm", entries="draft"),
    },
    "voice": {
        "key": required(TEXT, "slug, the same in every file"),
        "name": optional(TEXT, "name as the source writes it (from voices.yaml if left out)"),
        "kind": optional(TEXT, "vocab.VOICE_KINDS (from voices.yaml if left out)"),
        "affiliation": optional(TEXT),
        "affiliation_inferred": optional(TEXT, "why an affiliation the text omits is believed"),
        "role": optional(TEXT),
        "stance": required(TEXT, "vocab.STANCES"),
        "cites": optional(TEXT, "key of a voice this voice relies on"),
    },
    "claim": {
        "key": required(TEXT, "unique within the file"),
        "voice": required(TEXT, "key of a voice of the file"),
        "quote": required(TEXT, "verbatim words of the source"),
        "occurrence": optional(INTEGER, "which occurrence of the quote"),
        "dimension": required(TEXT, "vocab.DIMENSIONS"),
        "direction": required(TEXT, "vocab.DIRECTIONS"),
        "stance": required(TEXT, "vocab.STANCES"),
        "cites": optional(TEXT, "key of the primary source's voice"),
        "fact": optional(TEXT, "fact_id in facts.yaml"),
        "figures": optional(LIST, "the figures inside the quote", entries="figure"),
    },
    "figure": {
        "text": required(TEXT, "the figure's words, verbatim, inside the quote"),
        "occurrence": optional(INTEGER, "which occurrence inside the quote"),
        "entity": required(TEXT, "canonical entity name or alias"),
        "counterpart": optional(TEXT, "entity compared with"),
        "metric": required(TEXT, "what is measured"),
        "period": optional(PERIOD, "when, as the text puts it (gapstudy.periods)"),
        "period_precision": required(TEXT, "vocab.PERIOD_PRECISIONS"),
        "fact": optional(TEXT, "fact_id in facts.yaml"),
        "value": optional(NUMBER, "hand check of the parse"),
        "low": optional(NUMBER, "hand check of the parse"),
        "high": optional(NUMBER, "hand check of the parse"),
        "unit": optional(TEXT, "hand check of the parse"),
        "kind": optional(TEXT, "hand check of the parse"),
        "qualifier": optional(TEXT, "hand check of the parse"),
        "interpretation": optional(TEXT, "how an ambiguous figure is read"),
        "interpretation_note": optional(TEXT, "why it is read that way"),
        "unit_as_meant": optional(TEXT, "unit the words mean, when not the unit as written"),
        "restates": optional(TEXT, "'<claim key>/<n>' of an earlier figure this one repeats"),
    },
    "exclusion": {
        "text": required(TEXT, "the excluded mention, verbatim"),
        "context": required(TEXT, "verbatim words around it, unique in the text"),
        "occurrence": optional(INTEGER, "which occurrence of the context"),
        "reason": required(TEXT, "why it is not a figure"),
    },
    "not-claim": {
        "quote": required(TEXT, "the sentence, verbatim"),
        "occurrence": optional(INTEGER, "which occurrence of the quote"),
        "reason": optional(TEXT, "why it is not a claim (required by gapstudy check)"),
    },
    "draft": {
        "draft": required(FLAG, "true until the entry is confirmed"),
        "text": required(TEXT, "the mention's words"),
        "line": optional(INTEGER, "line of the raw text"),
        "context": optional(TEXT, "the sentence it stands in"),
        "occurrence": optional(INTEGER, "which occurrence of the context"),
        "refusal": optional(TEXT, "why the normaliser could not read it"),
        "reason": optional(TEXT, "why to exclude it, when the draft is an exclusion (a year)"),
        "kind": optional(TEXT, "the normaliser's reading"),
        "value": optional(NUMBER, "the normaliser's reading"),
        "low": optional(NUMBER, "the normaliser's reading"),
        "high": optional(NUMBER, "the normaliser's reading"),
        "unit": optional(TEXT, "the normaliser's reading"),
        "qualifier": optional(TEXT, "the normaliser's reading"),
        "whole": optional(TEXT, "what a share is of, as written ('the Chinese market')"),
        "read_with": optional(
            TEXT, "words of the sentence outside the mention that its reading uses"
        ),
        "period": optional(TEXT, "the period its words give it, as written ('2019')"),
        "level_of": optional(
            TEXT, "the change 'from X to Y' it is a level of; the change goes in derived.yaml"
        ),
    },
    # data/annotations/voices.yaml: voices that speak in several texts, declared once
    "voices file": {"voices": required(LIST, entries="shared voice")},
    "shared voice": {
        "key": required(TEXT, "slug; annotation files refer to the voice by it"),
        "name": required(TEXT, "name"),
        "kind": required(TEXT, "vocab.VOICE_KINDS"),
        "affiliation": optional(TEXT),
        "affiliation_inferred": optional(TEXT, "why an affiliation no text states is believed"),
    },
    # data/annotations/facts.yaml
    "facts file": {"facts": required(LIST, entries="fact")},
    "fact": {
        "fact_id": required(TEXT),
        "description": required(TEXT),
        "unit": required(TEXT, "vocab.UNITS, or null for a statement", nullable=True),
        "tolerance_pct": required(NUMBER, "null for a statement", nullable=True),
    },
    # data/annotations/derived.yaml
    "derived file": {"measures": required(LIST, entries="measure")},
    "measure": {
        "measure_id": required(TEXT),
        "description": required(TEXT),
        "operation": required(TEXT, "ratio or difference"),
        "numerator": required(TEXT, "figure id"),
        "denominator": required(TEXT, "figure id"),
        "dimension": required(TEXT, "vocab.DIMENSIONS"),
    },
    # data/annotations/disagreements.yaml
    "disagreements file": {"disagreements": required(LIST, entries="disagreement")},
    "disagreement": {
        "disagreement_id": required(TEXT),
        "kind": required(TEXT, "vocab.DISAGREEMENT_KINDS"),
        "dimension": required(TEXT, "vocab.DIMENSIONS"),
        "question": required(TEXT),
        "period": required(PERIOD, "the one period every side speaks of"),
        "what_differs": required(TEXT),
        "note": optional(TEXT),
        "sides": required(LIST, "two or more", entries="side"),
    },
    "side": {
        "report": required(TEXT, "claim or figure id"),
        "position": required(TEXT, "what this side holds"),
        "period": optional(PERIOD, "only where the side speaks of another period (refused)"),
    },
    # data/annotations/out_of_date.yaml
    "out-of-date file": {"out_of_date": required(LIST, entries="out-of-date record")},
    "out-of-date record": {
        "claim": required(TEXT, "claim or figure id of a dated source"),
        "record": required(TEXT, "what the record was at the claim's date"),
        "evidence": required(TEXT, "claim or figure id of another text showing it", nullable=True),
        "note": required(
            TEXT, "where the record is documented, and how the claim departs", nullable=True
        ),
    },
    # data/annotations/references.yaml
    "references file": {"references": required(LIST, entries="reference check")},
    "reference check": {
        "figure": required(TEXT, "figure id"),
        "reference_name": required(TEXT),
        "url": required(TEXT, nullable=True),
        "quote": required(TEXT, "the primary's words", nullable=True),
        "value": optional(NUMBER),
        "low": optional(NUMBER),
        "high": optional(NUMBER),
        "unit": optional(TEXT, "vocab.UNITS"),
        "status": required(TEXT, "vocab.REFERENCE_STATUSES"),
        "note": required(TEXT, nullable=True),
    },
    # data/sources.yaml
    "sources file": {"sources": required(LIST, entries="source")},
    "source": {
        "source_id": required(TEXT),
        "file": required(TEXT, "file name in data/raw"),
        "original_name": required(TEXT, "file name as received"),
        "sha256": required(TEXT, "SHA-256 of the raw bytes"),
        "title": required(TEXT, nullable=True),
        "outlet": required(TEXT, nullable=True),
        "is_outlet_inferred": required(FLAG),
        "original_outlet": required(TEXT, nullable=True),
        "dateline": optional(TEXT, "the place the text's dateline prints (Hong Kong —), if any"),
        "is_machine_rendered": optional(
            FLAG, "true when the text is a machine translation or summary of the original"
        ),
        "published": required(TEXT, "ISO date to its precision, in quotes", nullable=True),
        "date_precision": required(TEXT, "vocab.DATE_PRECISIONS"),
        "is_date_inferred": required(FLAG),
        "url": required(TEXT, nullable=True),
        "kind": required(TEXT, "vocab.SOURCE_KINDS; null until decided", nullable=True),
        "event": required(LIST, "event ids the text reports as news; [] until decided"),
        "reliability_note": required(TEXT, "what a reader should know, or null", nullable=True),
        "inferences": required(LIST, "why inferred fields are believed", entries="inference"),
        "segments": required(LIST, "the text's lines by kind", entries="segment"),
    },
    "inference": {"field": required(TEXT), "reason": required(TEXT)},
    "segment": {"kind": required(TEXT, "vocab.SEGMENT_KINDS"), "lines": required(LINE_RANGE)},
}

# Files under data/annotations/ that are not one source's annotations, and their entry kind.
CROSS_SOURCE_FILES: dict[str, str] = {
    "facts.yaml": "facts file",
    "derived.yaml": "derived file",
    "disagreements.yaml": "disagreements file",
    "references.yaml": "references file",
    "out_of_date.yaml": "out-of-date file",
    "voices.yaml": "voices file",
}

# The key whose value names an entry in messages ("claim 'lin-odds'").
_NAME_KEYS = ("key", "source_id", "fact_id", "measure_id", "disagreement_id", "figure", "claim")


def _type_ok(type_: str, value: Any) -> bool:
    if type_ in (TEXT, PERIOD):
        return isinstance(value, str)
    if type_ == NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return abs(value) <= sys.float_info.max if isinstance(value, int) else math.isfinite(value)
    if type_ == INTEGER:
        return isinstance(value, int) and not isinstance(value, bool)
    if type_ == FLAG:
        return isinstance(value, bool)
    if type_ == LIST:
        return isinstance(value, list)
    if type_ == LINE_RANGE:
        return (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in value)
        )
    raise ValueError(f"unknown key type {type_!r}")


def _describe(value: Any) -> str:
    """A value as a message shows it: its YAML type and a short repr."""
    words = {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
    }
    kind = next((w for t, w in words.items() if isinstance(value, t)), type(value).__name__)
    if isinstance(value, dict):
        return kind
    shown = repr(value)
    return f"{kind} {shown[:40] + '…' if len(shown) > 40 else shown}"


def _label(kind: str, entry: dict[str, Any], n: int, parent: str | None) -> str:
    name = next((entry[k] for k in _NAME_KEYS if isinstance(entry.get(k), str) and entry[k]), None)
    if kind == "exclusion" and isinstance(entry.get("text"), str):
        name = entry["text"]
    label = f"{kind} {name!r}" if name is not None else f"{kind} {n}"
    return f"{label} of {parent}" if parent else label


def _unknown_key(key: Any, allowed: dict[str, Key], label: str, path: Path, line) -> Problem:
    close = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else f"allowed keys: {', '.join(allowed)}"
    return Problem(path, line, f"{label}: unknown key {key!r}", hint)


def _check_period(value: str, label: str, key: str, path: Path, line) -> list[Problem]:
    """A period that :func:`gapstudy.periods.parse_period` cannot read, or that ends before
    it starts, with the forms it reads."""
    try:
        parse_period(value)
    except PeriodError as err:
        return [Problem(path, line, f"{label}: {key} {value!r} {err.reason}", PERIOD_FORMS)]
    return []


def check_entry(
    entry: dict[str, Any], kind: str, path: Path, label: str | None = None
) -> list[Problem]:
    """Every key of ``entry`` (a mapping read by :func:`gapstudy.yamlfile.read_yaml`) checked
    against ``ENTRY_KINDS[kind]``: unknown keys, missing required keys, null where a value is
    required, and values of the wrong type; lists of entries are checked recursively."""
    allowed = ENTRY_KINDS[kind]
    label = label or kind
    line = entry.get(LINE_KEY)
    problems: list[Problem] = []
    for key in user_keys(entry):
        key_line = line_of_key(entry, key)
        spec = allowed.get(key) if isinstance(key, str) else None
        if spec is None:
            problems.append(_unknown_key(key, allowed, label, path, key_line))
            continue
        value = entry[key]
        if value is None:
            if not spec.nullable:
                words, hint = TYPE_WORDS[spec.type]
                problems.append(
                    Problem(path, key_line, f"{label}: {key!r} is null but must be {words}", hint)
                )
            continue
        if not _type_ok(spec.type, value):
            words, hint = TYPE_WORDS[spec.type]
            if spec.type == LIST and spec.entries:
                hint = "write each entry as '- name: value' lines"
            elif spec.type == TEXT and isinstance(value, list | dict):
                hint = "give one value as plain text, not a list or mapping"
            problems.append(
                Problem(
                    path,
                    key_line,
                    f"{label}: {key!r} must be {words}, not {_describe(value)}",
                    hint,
                )
            )
            continue
        if spec.type in (TEXT, PERIOD) and not spec.nullable and not value.strip():
            problems.append(Problem(path, key_line, f"{label}: {key!r} is empty", "give the value"))
        elif spec.type == PERIOD:
            problems += _check_period(value, label, key, path, key_line)
        if spec.entries:
            parent = None if kind.endswith(" file") else label
            problems += check_entries(value, spec.entries, key, path, key_line, parent=parent)
    for key, spec in allowed.items():
        if spec.required and key not in entry:
            hint = "add it (null if unknown)" if spec.nullable else "add the field"
            problems.append(Problem(path, line, f"{label} lacks {key!r}", hint))
    return problems


def check_entries(
    items: list[Any], kind: str, key: str, path: Path, line: int | None, parent: str | None
) -> list[Problem]:
    """Each item of the list under ``key`` checked as an entry of ``kind``."""
    problems = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(
                Problem(
                    path,
                    line,
                    f"every entry under {key!r} must be a mapping of fields, "
                    f"not {_describe(item)} (entry {n})",
                    "write each entry as '- name: value' lines",
                )
            )
            continue
        problems += check_entry(item, kind, path, _label(kind, item, n, parent))
    return problems


def check_document(doc: Any, kind: str, path: Path) -> list[Problem]:
    """A whole file (as read by :func:`gapstudy.yamlfile.read_yaml`) checked against its kind."""
    if not isinstance(doc, dict):
        first = ", ".join(f"'{k}:'" for k in ENTRY_KINDS[kind])
        return [Problem(path, 1, "the file is not a YAML mapping", f"start with {first}")]
    return check_entry(doc, kind, path)
