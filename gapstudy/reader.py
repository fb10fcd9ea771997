"""The source reader: each raw text as an HTML page with its annotations marked on it.

``reports/html/sources/<source_id>.html`` shows the text exactly as it is in ``data/raw``, with
every claim highlighted in its stance's colour, every figure wrapped in an element whose ``id``
is its ``figure_id`` and whose text is exactly the figure's words, and every excluded mention
marked with its reason. A figure's reading (value, bounds, unit, qualifier, voice, stance) shows
on hover and on keyboard focus with CSS alone, and again in a table under the text, so the page
reads the same with scripts off. The narrative and the report's tables link here.

Spans come from the tidy tables (``claims``, ``figures``, ``mentions``), never from the YAML:
the page shows what a reviewer can download.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import pandas as pd
from markupsafe import Markup, escape

from gapstudy.exceptions import RenderError

SOURCES_DIR = "sources"
READER_TABLES = ("sources", "voices", "claims", "figures", "mentions")


def source_page_href(source_id: str, anchor: str | None = None) -> str:
    """Link to a source page (and one of its spans) relative to ``reports/html/``."""
    href = f"{SOURCES_DIR}/{quote(source_id)}.html"
    return f"{href}#{quote(anchor, safe='/')}" if anchor else href


@dataclass(frozen=True)
class Span:
    """A marked stretch of a source text: ``[start, end)`` in characters."""

    start: int
    end: int
    layer: str  # "claim", "figure" or "excluded"
    span_id: str
    stance: str | None = None
    tip: str = ""


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _number(value: Any) -> str:
    if _is_missing(value):
        return ""
    number = float(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.6g}"


_BOUND_WORDS = {"approximate": "about ", "lower": "at least ", "upper": "at most "}
_UNIT_AFTER = {
    "percent": "%",
    "percentage_point": " percentage points",
    "fold": "×",
    "count": "",
    "year": " years",
    "percent_per_year": "% a year",
    "fold_per_year": "× a year",
    "cny_per_year": " yuan a year",
    "eur_per_year": " euros a year",
}


def _amount(number: str, unit: str) -> str:
    if unit == "usd":
        return f"${number}"
    if unit == "usd_per_year":
        return f"${number} a year"
    return f"{number}{_UNIT_AFTER.get(unit, ' ' + unit.replace('_', ' '))}"


def describe_reading(
    figure: Mapping[str, Any], voice_name: str | None, cited_name: str | None = None
) -> str:
    """How a figure was read, in plain words for its tooltip: whose quantity, which period,
    the number with its bound and unit, who says it and whom they cite (by name where
    ``cited_name`` gives it, else by the voice's key)."""
    unit = str(figure["unit"])
    value, low, high = (_number(figure.get(k)) for k in ("value", "low", "high"))
    bound = str(figure["bound"])
    if bound == "range":
        amount = f"between {_amount(low, unit)} and {_amount(high, unit)}"
    else:
        number = {"lower": low, "upper": high}.get(bound) or value
        amount = _BOUND_WORDS.get(bound, "") + _amount(number, unit)
    what = str(figure.get("metric") or "a figure")
    entity = figure.get("entity")
    if not _is_missing(entity) and str(entity).casefold() not in what.casefold():
        what = f"{entity}: {what}"
    period = figure.get("period")
    when = "no period given" if _is_missing(period) else str(period)
    who = voice_name or "a voice not named"
    said = f"{who} ({figure['stance']})"
    cites = figure.get("cites")
    if not _is_missing(cites):
        said += f", citing {cited_name or cites}"
    return f"{what}, {when}: {amount} — {said}"


def _speaker_and_cited(
    record: Mapping[str, Any], voice_names: Mapping[str, str]
) -> tuple[str | None, str | None]:
    cites = record.get("cites")  # a voice key of the same source
    cited = None if _is_missing(cites) else voice_names.get(f"{record['source_id']}/{cites}")
    return voice_names.get(record["voice_id"]), cited


def untitled(source_id: str) -> str:
    """What the reader shows for a source with no title: that it has none, and why."""
    return f"Untitled text {source_id} (the text as archived carries no headline)"


@dataclass
class SourceRows:
    """One source's rows of the reader's tables, as records (column name to value): its
    ``sources`` row, its claims and figures, and its mentions, in table order."""

    meta: dict[str, Any]
    claims: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)


def rows_of(source_id: str, tables: Mapping[str, pd.DataFrame]) -> SourceRows:
    """``source_id``'s rows of ``tables`` (each table scanned whole: for one page)."""
    sources = tables["sources"]
    meta = sources.loc[sources["source_id"] == source_id].to_dict("records")
    if not meta:
        raise RenderError(f"source {source_id!r} is not in the sources table")
    parts = {
        name: tables[name].loc[tables[name]["source_id"] == source_id].to_dict("records")
        for name in ("claims", "figures", "mentions")
    }
    return SourceRows(meta[0], **parts)


def split_rows(tables: Mapping[str, pd.DataFrame]) -> dict[str, SourceRows]:
    """Every source's rows (:func:`rows_of`), with each table read once: drawing every source
    page then costs one pass over each table, not a scan of every table for every source."""
    split = {meta["source_id"]: SourceRows(meta) for meta in tables["sources"].to_dict("records")}
    for name in ("claims", "figures", "mentions"):
        for record in tables[name].to_dict("records"):
            rows = split.get(record["source_id"])
            if rows is not None:
                getattr(rows, name).append(record)
    return split


def collect_spans(rows: SourceRows, voice_names: Mapping[str, str]) -> list[Span]:
    """Every claim, figure and excluded mention of one source, as spans."""
    spans = []
    for row in rows.claims:
        who = voice_names.get(row["voice_id"], row["voice_id"])
        tip = (
            f"claim {row['claim_id']}: {who}, {row['stance']}; "
            f"{row['dimension']}, {row['direction']}"
        )
        spans.append(
            Span(row["char_start"], row["char_end"], "claim", row["claim_id"], row["stance"], tip)
        )
    for record in rows.figures:
        tip = describe_reading(record, *_speaker_and_cited(record, voice_names))
        spans.append(
            Span(
                record["char_start"],
                record["char_end"],
                "figure",
                record["figure_id"],
                record["stance"],
                tip,
            )
        )
    for row in rows.mentions:
        if row["status"] != "excluded":
            continue
        tip = f"not a figure: {row['exclusion_reason']}"
        spans.append(
            Span(row["char_start"], row["char_end"], "excluded", row["mention_id"], None, tip)
        )
    return spans


def _check_nesting(source_id: str, spans: list[Span], n_chars: int) -> None:
    """Figures and exclusions may not overlap each other or cross a claim's edge: each must
    become one element whose text is exactly its words."""
    inner = sorted((s for s in spans if s.layer != "claim"), key=lambda s: (s.start, s.end))
    for span in spans:
        if not 0 <= span.start < span.end <= n_chars:
            raise RenderError(
                f"{source_id}: span {span.span_id} [{span.start}, {span.end}) lies outside the "
                f"text ({n_chars} characters); rebuild the tables with `gapstudy tables`"
            )
    for first, second in zip(inner, inner[1:], strict=False):
        if second.start < first.end:
            raise RenderError(
                f"{source_id}: {first.span_id} and {second.span_id} overlap; "
                "a figure's words may not overlap another figure or an excluded mention"
            )
    for claim in (s for s in spans if s.layer == "claim"):
        for span in inner:
            if span.start < claim.start < span.end or span.start < claim.end < span.end:
                raise RenderError(
                    f"{source_id}: claim {claim.span_id} starts or ends inside "
                    f"{span.span_id}; a quote must hold a figure's words whole"
                )


def _line_anchor(line: int) -> str:
    return f'<a class="gs-line" id="L{line}" aria-hidden="true"></a>'


def _inner_html(text: str, start: int, end: int, inner: list[Span], line_at: dict[int, int]) -> str:
    """``text[start:end]`` with figure and exclusion elements; ``line_at`` maps the offset of
    a line's first character to its number (anchors are placed between characters)."""
    out: list[str] = []
    position = start
    for span in (s for s in inner if start <= s.start and s.end <= end):
        out.append(_plain(text, position, span.start, line_at))
        words = _plain(text, span.start, span.end, line_at)
        span_id = escape(span.span_id)
        tip = escape(span.tip)
        tip_id = f"tip-{span_id}"
        if span.layer == "figure":
            out.append(
                f'<mark class="gs-fig gs-{escape(span.stance)}" id="{span_id}" tabindex="0" '
                f'aria-describedby="{tip_id}">{words}</mark>'
                f'<span class="gs-tip" id="{tip_id}" role="tooltip">{tip}</span>'
            )
        else:
            out.append(
                f'<span class="gs-excluded" id="{span_id}" tabindex="0" '
                f'aria-describedby="{tip_id}">{words}</span>'
                f'<span class="gs-tip" id="{tip_id}" role="tooltip">{tip}</span>'
            )
        position = span.end
    out.append(_plain(text, position, end, line_at))
    return "".join(out)


def _plain(text: str, start: int, end: int, line_at: dict[int, int]) -> str:
    pieces = []
    position = start
    for offset in sorted(o for o in line_at if start <= o < end):
        pieces.append(str(escape(text[position:offset])))
        pieces.append(_line_anchor(line_at[offset]))
        position = offset
    pieces.append(str(escape(text[position:end])))
    return "".join(pieces)


def mark_up_text(source_id: str, text: str, spans: list[Span]) -> Markup:
    """The whole text as HTML: claims as highlighted stretches (split where claims overlap),
    figures and exclusions as elements inside them, a line anchor ``L<n>`` before each line."""
    _check_nesting(source_id, spans, len(text))
    claims = [s for s in spans if s.layer == "claim"]
    inner = sorted((s for s in spans if s.layer != "claim"), key=lambda s: s.start)
    line_at = {}
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        line_at[offset] = number
        offset += len(line)
    cuts = sorted({0, len(text), *(c.start for c in claims), *(c.end for c in claims)})
    out = [_line_anchor(1)] if text else []
    line_at.pop(0, None)
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [c for c in claims if c.start <= start and end <= c.end]
        body = _inner_html(text, start, end, inner, line_at)
        if not covering:
            out.append(body)
            continue
        # Overlapping claims: the piece takes the colour of the claim that starts last.
        claim = max(covering, key=lambda c: (c.start, -c.end))
        names = " ".join(c.span_id for c in covering)
        data_id = f' data-claims="{escape(names)}"'
        anchor = "".join(
            f'<a class="gs-claim-anchor" id="c-{escape(c.span_id)}"></a>'
            for c in covering
            if c.start == start
        )
        out.append(
            f'{anchor}<span class="gs-claim gs-{escape(claim.stance)}"{data_id} '
            f'title="{escape(claim.tip)}">{body}</span>'
        )
    return Markup("".join(out))


def voice_names_of(voices: pd.DataFrame) -> dict[str, str]:
    """Each voice's name by its id, for the tooltips of every source page."""
    return dict(zip(voices["voice_id"], voices["name"], strict=True))


def source_page_context(
    source_id: str,
    text: str,
    tables: Mapping[str, pd.DataFrame],
    voice_names: Mapping[str, str] | None = None,
) -> dict:
    """What the source page template needs for one source, from every source's ``tables``;
    ``voice_names`` defaults to :func:`voice_names_of` the voices table."""
    if voice_names is None:
        voice_names = voice_names_of(tables["voices"])
    return page_context(source_id, text, rows_of(source_id, tables), voice_names)


def page_context(
    source_id: str, text: str, rows: SourceRows, voice_names: Mapping[str, str]
) -> dict:
    """What the source page template needs for one source, from its rows (:func:`rows_of`,
    :func:`split_rows`)."""
    spans = collect_spans(rows, voice_names)
    figures = []
    for record in rows.figures:
        figures.append(
            {
                "figure_id": record["figure_id"],
                "href": "#" + quote(record["figure_id"], safe="/"),
                "text": record["text"],
                "line": record["line"],
                "reading": describe_reading(record, *_speaker_and_cited(record, voice_names)),
                "stance": record["stance"],
            }
        )
    excluded = [
        {
            "mention_id": r["mention_id"],
            "href": "#" + quote(r["mention_id"], safe="/"),
            "text": r["text"],
            "line": r["line"],
            "reason": r["exclusion_reason"],
        }
        for r in rows.mentions
        if r["status"] == "excluded"
    ]
    meta = {k: ("" if _is_missing(v) else v) for k, v in rows.meta.items() if k != "source_id"}
    if not meta.get("title"):
        meta["title"] = untitled(source_id)
    return {
        "source_id": source_id,
        "meta": meta,
        "text_html": mark_up_text(source_id, text, spans),
        "figures": figures,
        "excluded": excluded,
        "n_claims": len(rows.claims),
    }


# The most source texts the report's index lists by name, so that the index keeps its size
# whatever the corpus: past it, the index lists the newest and links to a page listing all.
INDEX_SOURCES = 20
SOURCE_LIST_PAGE = "source-list.html"
# How a publication date as written is read to rank the newest: to the last day it allows.
_DATE_END = {4: "-12-31", 7: "-31"}


def index_source_pages(pages: list[dict[str, str]], sources: pd.DataFrame) -> list[dict[str, str]]:
    """The source pages the index lists (``pages`` from :func:`list_source_pages`): all of them
    up to ``INDEX_SOURCES``, else the ``INDEX_SOURCES`` published last (a date to the last day
    it allows; undated texts after dated ones; among equals, the first in the table), in the
    table's order."""
    if len(pages) <= INDEX_SOURCES:
        return pages
    ends = [
        "" if _is_missing(p) else str(p) + _DATE_END.get(len(str(p)), "")
        for p in sources["published"]
    ]
    newest = sorted(range(len(pages)), key=lambda i: (ends[i], -i), reverse=True)
    return [pages[i] for i in sorted(newest[:INDEX_SOURCES])]


def list_source_pages(tables: Mapping[str, pd.DataFrame]) -> list[dict[str, str]]:
    """Title and link of every source page, for the index."""
    return [
        {
            "source_id": row.source_id,
            "title": untitled(row.source_id) if _is_missing(row.title) else row.title,
            "outlet": "" if _is_missing(row.outlet) else row.outlet,
            "href": source_page_href(row.source_id),
        }
        for row in tables["sources"].itertuples(index=False)
    ]


def known_spans(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """Every figure and claim id with the source page link that shows it."""
    links = {}
    for row in tables["figures"].itertuples(index=False):
        links[row.figure_id] = source_page_href(row.source_id, row.figure_id)
    for row in tables["claims"].itertuples(index=False):
        links[row.claim_id] = source_page_href(row.source_id, f"c-{row.claim_id}")
    return links


_CELL_ID = re.compile(r"<td>([A-Za-z0-9][A-Za-z0-9_./-]*)</td>")


def link_known_ids(html: str, links: Mapping[str, str]) -> str:
    """Turn every table cell that holds exactly a figure or claim id into a link to the source
    page that shows it, so a table in a run page leads to the words behind each row."""

    def replace(match: re.Match[str]) -> str:
        href = links.get(match.group(1))
        if href is None:
            return match.group(0)
        return f'<td><a href="{escape(href)}">{match.group(1)}</a></td>'

    return _CELL_ID.sub(replace, html)
