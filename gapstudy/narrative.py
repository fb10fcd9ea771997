"""Stage 5: the viewpoint brief, written from the tables by code and worded by templates.

:func:`write_narrative` writes an analyst's brief on the optimists (China is catching up) and
the skeptics (the gap persists or widens): a lede on what the texts hold and where the camps
really differ, a section per dimension of the gap (what each side cites, whether the texts
agree, what the numbers do and do not show), where both sides measure the same thing, voices
coded differently in different texts, and the caveats. It runs in two steps:

- :func:`build_brief_context` computes the facts from the tables (with :mod:`gapstudy.brief`)
  into plain dicts and lists, one small context per section;
- :func:`render_brief` words them with the Jinja2 templates in ``templates/narrative/``
  (``brief.md.j2`` and the files it includes), so wording changes need no code.

Every number in the brief is a figure's reading, linked to its words in the source reader
(``sources/<source_id>.html#<figure_id>``), a measure computed from two such figures, or a count
of table rows; nothing is typed in. Change the tables or the parameters and the text follows.

Which sources are read is decided by :mod:`gapstudy.subset` (``sources``, ``as_of``,
``include_comments``).

Article text (quotes, figures as written, names) is escaped for HTML and Markdown before it
enters the text, so markup in a quote is shown, never rendered, and '$' never starts math.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from gapstudy import brief, facts, vocab, weighing
from gapstudy.paths import ProjectPaths
from gapstudy.subset import filter_tables, select_sources

escape_text = brief.escape_text


BRIEF_TABLES = (
    "voices",
    "claims",
    "figures",
    "derived_measures",
    "fact_values",
    "source_events",
)
# Read when the schema declares them (they record contradictions and checks against the
# primary sources); the brief has a sentence for each when present.
OPTIONAL_TABLES = ("disagreements", "reference_checks", "out_of_date")
# The weighing of every text with data/layers.yaml, left out in turn, as ``gapstudy tables``
# wrote it: a brief that reads every text takes it rather than weighing the corpus again
# (:func:`_stored_robustness`); a brief of some texts weighs those.
STORED_ROBUSTNESS = "robustness"


def load_brief_tables(*, paths: ProjectPaths | None = None) -> dict[str, pd.DataFrame]:
    """Every table the brief reads, for all sources and with readers' comments: what
    :func:`write_narrative` takes (it applies the run's parameters itself)."""
    from gapstudy import schema

    optional = [*OPTIONAL_TABLES, STORED_ROBUSTNESS]
    names = [*BRIEF_TABLES, *(n for n in optional if n in schema.TABLES)]
    return load_tables(names, include_comments=True, paths=paths)


def load_tables(
    names: list[str],
    *,
    sources: list[str] | None = None,
    include_comments: bool = False,
    as_of: str | None = None,
    paths: ProjectPaths | None = None,
) -> dict[str, pd.DataFrame]:
    """The tidy tables ``names`` (plus ``sources``, always) as written by ``gapstudy tables``,
    restricted by :func:`filter_tables`: what a notebook reads, given its parameters."""
    from gapstudy.tables import load

    wanted = ["sources", *[n for n in names if n != "sources"]]
    tables = {name: load(name, paths) for name in wanted}
    return filter_tables(tables, sources=sources, include_comments=include_comments, as_of=as_of)


VIEWPOINT_COLUMNS = (
    "stance",
    "voice_key",
    "name",
    "kind",
    "affiliation",
    "role",
    "source_ids",
    "dimensions",
    "figures",
)


def viewpoint_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Who holds each stance: one row per (stance, voice) with the voice's affiliation, the
    sources it speaks in, the dimensions of its claims and the figures it gives (as written).
    A voice heard in several sources is one row per stance it takes; its name starts its cell
    capitalised (:func:`gapstudy.facts.capitalised`). Rows follow ``vocab.STANCES``, then the
    order voices first appear in."""
    voices, claims, figures = tables["voices"], tables["claims"], tables["figures"]
    # Each voice's claim dimensions and figure words (with their rows), gathered in one pass.
    dimensions: dict[Any, list[Any]] = {}
    for voice_id, dimension in zip(
        claims["voice_id"].tolist(), claims["dimension"].tolist(), strict=True
    ):
        dimensions.setdefault(voice_id, []).append(dimension)
    words: dict[Any, list[tuple[int, Any]]] = {}
    for n, (voice_id, text) in enumerate(
        zip(figures["voice_id"].tolist(), figures["text"].tolist(), strict=True)
    ):
        words.setdefault(voice_id, []).append((n, text))
    # The voices by stance, then by key in order of appearance, as plain rows (a frame
    # operation per voice would cost more than all the rest as the corpus grows).
    by_stance: dict[Any, dict[Any, list[_Row]]] = {}
    for v in _plain_rows(voices):
        if not brief.is_missing(v["voice_key"]):
            by_stance.setdefault(v["stance"], {}).setdefault(v["voice_key"], []).append(v)
    rows = []
    for stance in vocab.STANCES:
        for key, same in by_stance.get(stance, {}).items():
            ids = {v["voice_id"] for v in same}

            def first(column: str, same: list[_Row] = same) -> Any:
                return next((v[column] for v in same if not brief.is_missing(v[column])), None)

            rows.append(
                {
                    "stance": stance,
                    "voice_key": key,
                    "name": facts.capitalised(first("name")),
                    "kind": first("kind"),
                    "affiliation": first("affiliation"),
                    "role": first("role"),
                    "source_ids": ", ".join(dict.fromkeys(v["source_id"] for v in same)),
                    "dimensions": _dimension_list({d for v in ids for d in dimensions.get(v, [])}),
                    "figures": "; ".join(
                        text for _, text in sorted(w for v in ids for w in words.get(v, []))
                    ),
                }
            )
    return pd.DataFrame(rows, columns=list(VIEWPOINT_COLUMNS)).astype("string")


def _dimension_list(dimensions: set[str]) -> str:
    return ", ".join(d.replace("_", " ") for d in vocab.DIMENSIONS if d in dimensions)


# ---- the brief: tables -> one small context per section -> templates -> Markdown -------------

TEMPLATE_DIR = Path(__file__).with_name("templates") / "narrative"
TEMPLATE_NAME = "brief.md.j2"
_NUMBER_WORDS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)  # fmt: skip


_QUESTION_WORDS = {"Whether", "What", "Who", "Whose", "How", "Which", "When", "Where", "Why"}


def dimension_title(dimension: str) -> str:
    """``compute_and_chips`` as ``compute and chips``."""
    return dimension.replace("_", " ")


def count_in_words(n: int) -> str:
    """A count as prose writes it: words up to twelve, digits after."""
    n = int(n)
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def fraction_in_words(x: float) -> str:
    """A weight as prose: ``the full weight``, ``half``, ``a quarter``, else a percentage."""
    words = {1.0: "the full weight", 0.5: "half the weight", 0.25: "a quarter of the weight"}
    return words.get(float(x), f"{float(x):.0%} of the weight")


def percent_in_words(x: float) -> str:
    """A share as a whole percentage: ``70%``."""
    return f"{float(x):.0%}"


def times_in_words(n: int) -> str:
    """``once``, ``twice``, ``three times`` …"""
    n = int(n)
    return {1: "once", 2: "twice"}.get(n, f"{count_in_words(n)} times")


def told_in_words(n: int, n_texts: int) -> str:
    """How often a quantity is told, and in how many texts: ``four times in three texts``,
    ``twice in one text``; ``in two texts`` where each text tells it once (not ``twice in two
    texts``)."""
    n, n_texts = int(n), int(n_texts)
    texts = f"in {count_in_words(n_texts)} text{'' if n_texts == 1 else 's'}"
    return texts if n == n_texts else f"{times_in_words(n)} {texts}"


def join_and(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# The most items any list of the brief shows (reports of a camp in a dimension, voices, texts,
# caveats...): past it, a list shows its first ``LIST_SHOWN`` and counts the rest, so that the
# brief does not grow with the corpus. Reports of a camp are ranked first (see
# :func:`weightiest_reports`); other lists keep the order the brief gives them.
LIST_SHOWN = 10
# The brief's length budget, in words (a link counts as its text): a takeaway a reader can
# quote, an argument read in a few minutes. A part over its budget is worded again with shorter
# lists (``SHORTER_LISTS``, tried in turn), so that a growing corpus cannot lengthen it.
TAKEAWAY_WORDS = 40
ARGUMENT_WORDS = 900
SHORTER_LISTS = (5, 3, 1)
_MARKDOWN_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\([^)\s]+\)")
_ITEM = re.compile(r"^- (.+)$", re.M)


def shown(items: Any, limit: int = LIST_SHOWN) -> list:
    """The items of a list the brief shows: the first ``limit``."""
    return list(items)[:limit]


def n_more(items: Any, limit: int = LIST_SHOWN) -> int:
    """How many items of a list the brief leaves out (see :func:`shown`)."""
    return max(len(list(items)) - limit, 0)


def join_some(items: Any, noun: str = "others", limit: int = LIST_SHOWN) -> str:
    """:func:`join_and` of the items shown, the rest counted: ``a, b and 3 more texts``."""
    items = [str(i) for i in items]
    if len(items) <= limit:
        return join_and(items)
    return join_and([*items[:limit], f"{n_more(items, limit):,} more {noun}"])


def count_words(markdown: str) -> int:
    """Words of a brief's Markdown as a reader meets them: a link counts as its text."""
    return len(_MARKDOWN_LINK.sub(r"\1", markdown).split())


def is_within_budget(name: str, markdown: str) -> bool:
    """Whether a part of the brief keeps to its budget: every takeaway to ``TAKEAWAY_WORDS``,
    the argument to ``ARGUMENT_WORDS``; the detail, folded on the page, has none."""
    if name == "takeaways":
        return all(count_words(item) <= TAKEAWAY_WORDS for item in _ITEM.findall(markdown))
    if name == "argument":
        return count_words(markdown) <= ARGUMENT_WORDS
    return True


def weightiest_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """The reports a camp's list shows, in their order: all up to ``LIST_SHOWN``, else the
    ``LIST_SHOWN`` given by the most texts (among equals, the first in the table)."""
    if len(reports) <= LIST_SHOWN:
        return reports
    order = reports.assign(_order=range(len(reports))).sort_values(
        ["n_sources", "_order"], ascending=[False, True], kind="stable"
    )
    return reports.loc[reports.index.isin(order.index[:LIST_SHOWN])]


def _environment(template_dir: Path | None, list_shown: int = LIST_SHOWN) -> jinja2.Environment:
    """The templates' environment for ``template_dir`` (default ``TEMPLATE_DIR``) with lists cut
    at ``list_shown``: one per folder, limit and content of the folder's files in a process, so
    that each template is compiled once per process, not once per brief (a build's kernel writes
    several briefs). A template edited since is read afresh: its folder's content names another
    environment."""
    folder = Path(template_dir or TEMPLATE_DIR)
    return _environment_of(str(folder), list_shown, _folder_digest(folder))


def _folder_digest(folder: Path) -> str:
    """A hash of the names and bytes of every file under ``folder`` (the templates)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(f"{path.relative_to(folder).as_posix()}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=16)
def _environment_of(folder: str, list_shown: int, content: str) -> jinja2.Environment:
    """A new environment (``content``, the folder's digest, only keys the cache)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=False,  # Markdown out; article text is escaped where it enters the context
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        fraction=fraction_in_words,
        percent=percent_in_words,
        lowerfirst=lambda s: str(s)[:1].lower() + str(s)[1:] if str(s)[1:2].islower() else str(s),
        words=count_in_words,
        times=times_in_words,
        told_in=told_in_words,
        join_and=join_and,
        join_some=lambda items, noun="others": join_some(items, noun, list_shown),
        shown=lambda items: shown(items, list_shown),
        more=lambda items: n_more(items, list_shown),
        dimension=dimension_title,
        dim=lambda d: f"*{dimension_title(d)}*",
        lowerq=lambda q: (
            str(q)[:1].lower() + str(q)[1:]
            if str(q).split(" ", 1)[0] in _QUESTION_WORDS
            else str(q)
        ),
        possessive=lambda s: f"{s}’" if str(s).endswith("s") else f"{s}’s",
        capfirst=lambda s: str(s)[:1].upper() + str(s)[1:],
    )
    return env


def _group_names(voices: pd.DataFrame, source_labels: Mapping[str, str]) -> dict[str, str]:
    """How the brief names each unnamed group (by voice id), escaped: by the text's words for it
    in quotation marks; where another group has the same words (letter case aside: "Experts"
    who point to constraints, "experts" who caution against underestimating China), followed
    by its stated role, without its line and the "unnamed experts" it opens with, or else by
    its text, so that a reader can tell the two apart."""
    groups = voices[voices["kind"] == "group"]
    shared = set(groups["voice_id"][groups["name"].astype(str).str.casefold().duplicated(False)])
    names = {}
    # Only the columns read: itertuples reads every column it is given value by value.
    read = [c for c in ("voice_id", "name", "role", "source_id") if c in groups.columns]
    for v in groups[read].itertuples(index=False):
        name = f"“{brief.escape_text(v.name)}”"
        if v.voice_id in shared:
            role = "" if brief.is_missing(v.role) else _LINE_NOTE.sub("", str(v.role))
            opening = re.compile(rf"unnamed {re.escape(str(v.name))}\s+", re.IGNORECASE)
            role = opening.sub("", role, count=1).strip()
            if re.match(r"(?:who|whose|that)\b", role):
                name += f" {brief.escape_text(role)}"
            else:
                name += f" ({brief.escape_text(role or 'in ' + source_labels[v.source_id])})"
        names[v.voice_id] = name
    return names


# A line reference at the end of a voice's role ("... constraints (line 7)").
_LINE_NOTE = re.compile(r"\s*\(lines? [\d, –-]+\)\s*$")


def _voice_labels(voices: pd.DataFrame, source_labels: dict[str, str]) -> dict[str, str]:
    """How the brief names each voice: a person or body by name (and affiliation), an outlet's
    own voice by the source it writes, an unnamed group as :func:`_group_names` does."""
    labels = {}
    groups = _group_names(voices, source_labels)
    for v in _plain_rows(voices[["voice_id", "kind", "source_id", "name", "affiliation"]]):
        if v.kind == "outlet":
            label = source_labels.get(v.source_id, f"`{v.source_id}`")
            labels[v.voice_id] = f"the text of {label}" if label.startswith("`") else label
        elif v.kind == "group":
            labels[v.voice_id] = f"{groups[v.voice_id]} (unnamed)"
        else:
            name = brief.escape_text(v.name)
            if not brief.is_missing(v.affiliation) and v.affiliation != v.name:
                name += f" ({brief.escape_text(v.affiliation)})"
            labels[v.voice_id] = name
    return labels


def _sort_voices(
    voice_ids: pd.Series,
    kinds: Mapping[str, Any],
    names: Mapping[str, Any],
    voice_labels: dict[str, str],
) -> dict[str, list[str]]:
    """Who speaks, in order of appearance: named voices, the texts that speak in their own
    voice (by source name), and unnamed groups (by the text's words for them). ``kinds`` and
    ``names``: each voice's kind and, for groups, its name as :func:`_group_names` gives it, by
    id (plain dictionaries: a frame lookup per claim would cost more than the rest)."""
    out: dict[str, list[str]] = {"named": [], "texts": [], "groups": []}
    seen: set[tuple[str, str]] = set()
    for v in voice_ids.tolist():
        kind = kinds[v]
        if kind == "outlet":
            part, label = "texts", voice_labels[v].removeprefix("the text of ")
        elif kind == "group":
            part, label = "groups", names[v]
        else:
            part, label = "named", voice_labels[v]
        if (part, label) not in seen:
            seen.add((part, label))
            out[part].append(label)
    return out


def _agreement_context(fact_values: pd.DataFrame | None, fact_id: Any) -> dict[str, Any] | None:
    """Whether the reports of fact ``fact_id`` agree, how many sources and independent reports
    there are, and what they differ in; ``None`` when the figure names no fact."""
    if fact_values is None or brief.is_missing(fact_id):
        return None
    fv = fact_values[fact_values["fact_id"] == fact_id]
    if not len(fv):
        return None
    differs = fv["differs_in"].dropna() if "differs_in" in fv.columns else []
    independent = (
        fv["is_independent"].fillna(True).astype(bool)
        if "is_independent" in fv.columns
        else pd.Series(True, index=fv.index)
    )
    differs_in = [d.strip() for d in differs.iloc[0].split(",")] if len(differs) else []
    within = _within_pct(fv)
    return {
        "is_agreeing": bool(fv["is_agreeing"].fillna(True).all()),
        # numbers that differ but agree within the fact's tolerance say so, by how much, and
        # of what (the spread is of the smallest number: gapstudy.facts)
        "within_pct": within,
        "spread_words": _percent_words(fv["spread_pct"].dropna().iloc[0]) if within else None,
        "n_numbers": len(_numbers_of(fv)),
        "n_sources": int(fv["source_id"].nunique()),
        "n_independent": int(independent.sum()),
        "n_reports": len(fv),
        "differs_in": differs_in,
        "stated_by_some": _stated_by_some(fv[independent.to_numpy()], differs_in),
        "differs_known": "differs_in" in fv.columns,
    }


def _percent_words(x: float) -> str:
    """A spread in percent as the brief gives it: one decimal ('0.4%'), or one significant
    digit below 0.05 ('0.04%'), so that a small spread never reads as none."""
    x = float(x)
    return f"{x:.1f}%" if x >= 0.05 else f"{x:.1g}%"


def _numbers_of(fact_rows: pd.DataFrame) -> set[float]:
    """The distinct numbers a fact's reports give (value, low and high)."""
    columns = [c for c in ("value", "low", "high") if c in fact_rows.columns]
    return {float(x) for c in columns for x in fact_rows[c].dropna()}


def _stated_by_some(reports: pd.DataFrame, differs_in: list[str]) -> list[dict[str, Any]]:
    """The compared fields (:data:`gapstudy.facts.COMPARED_FIELDS`) that some texts of a fact
    state and others leave out, each with how many texts state it: the Hong Kong text gives
    the month of Zhipu's listing, AI CERTs none. A field stated differently (``differs_in``) is
    said so instead."""
    out = []
    n_texts = reports["source_id"].nunique()
    for field in facts.COMPARED_FIELDS:
        if field in differs_in or field not in reports.columns:
            continue
        n = reports.loc[reports[field].notna(), "source_id"].nunique()
        if 0 < n < n_texts:
            out.append({"field": field, "n": int(n)})
    return out


def _within_pct(fact_rows: pd.DataFrame) -> float | None:
    """The tolerance (percent) a fact's differing numbers agree within; ``None`` when its
    numbers are equal, it has no number, or the columns are absent."""
    if not {"spread_pct", "tolerance_pct"} <= set(fact_rows.columns):
        return None
    spread = fact_rows["spread_pct"].dropna()
    tolerance = fact_rows["tolerance_pct"].dropna()
    if not len(spread) or not len(tolerance) or float(spread.iloc[0]) == 0:
        return None
    return float(tolerance.iloc[0])


class _RowsBy:
    """The rows of ``frame`` sharing one value of ``column``, read as ``rows_by.get(value)``;
    with ``via`` (a key -> value mapping), read by key. Each group is cut when first asked for:
    cutting every group at once costs a frame per group, most of them never read."""

    def __init__(
        self, frame: pd.DataFrame, column: str, via: Mapping[Any, Any] | None = None
    ) -> None:
        self._frame = frame
        self._positions = frame.groupby(column, sort=False).indices
        self._via = via
        self._cut: dict[Any, pd.DataFrame] = {}

    def get(self, key: Any, default: Any = None) -> Any:
        if self._via is not None:
            if key not in self._via:
                return default
            key = self._via[key]
        if key not in self._cut:
            if key not in self._positions:
                return default
            self._cut[key] = self._frame.iloc[self._positions[key]]
        return self._cut[key]


@dataclass(frozen=True)
class _Placing:
    """What places a figure's period in time: its text's date (and whether that is inferred)
    and the period a "the year before" counts from (:func:`gapstudy.facts.period_anchors`)."""

    published: dict[str, Any]  # source_id -> its publication date (missing when undated)
    inferred: dict[str, bool]  # source_id -> whether that date is inferred from the text
    anchors: dict[str, str | None]  # figure_id -> the period its "the year before" counts from

    @classmethod
    def of(cls, figures: pd.DataFrame, sources: pd.DataFrame | None) -> _Placing:
        """Indexed once from the tables."""
        if sources is None:
            return cls({}, {}, facts.period_anchors(figures))
        inferred = (
            sources["is_date_inferred"]
            if "is_date_inferred" in sources.columns
            else pd.Series(False, index=sources.index)
        )
        return cls(
            dict(zip(sources["source_id"], sources["published"], strict=True)),
            {s: bool(i) for s, i in zip(sources["source_id"], inferred.fillna(False), strict=True)},
            facts.period_anchors(figures),
        )

    def when(self, row: Any, say_inferred: bool = True) -> tuple[float, str] | None:
        """A figure's period placed (:func:`gapstudy.weighing.figure_period`), unescaped; with
        ``say_inferred`` False the words leave out that the text's date is inferred (the
        takeaways are kept short: the figure's own report, and the caveats, say it)."""
        source = row["source_id"]
        return weighing.figure_period(
            row["period"],
            self.published.get(source),
            self.anchors.get(row["figure_id"]),
            say_inferred and self.inferred.get(source, False),
        )

    def period_of(self, row: Any) -> str | None:
        """A figure's period as the brief names it, escaped: plainly where it can be placed
        ('2024' for "last year" in a text of 2025, 'as of 30 April 2026' for "As of April 30"
        in a text of May 2026, saying so where the text's date is inferred), as written where
        it names no time relative to its text, and said to be unplaced where it is a year
        before no placed period."""
        words = None if brief.is_missing(row["period"]) else str(row["period"])
        if words is None:
            return None
        when = self.when(row)
        if when is not None:
            words = when[1]
        elif facts.CHAINED_YEAR.search(words):
            words = f"{words}, year not placed"
        return brief.escape_text(words)


@dataclass(frozen=True)
class _ReportIndex:
    """What wording a report looks up, indexed once per brief: each report then reads only its
    own rows, so the work grows with the reports, not with reports times voices or figures."""

    figures: pd.DataFrame  # indexed by figure_id
    voice_labels: dict[str, str]
    voice_keys: dict[str, str]  # voice_id -> voice_key
    cited_names: dict[str, str]  # voice_key -> the name of its first voice, escaped
    short_names: dict[str, str]  # voice_id -> as a report names it
    fact_values: _RowsBy | None  # fact_id -> its rows
    checks: list[_Row]  # the reference checks as plain rows (none if they name no figures)
    check_rows: dict[Any, list[int]]  # figure_id -> positions in ``checks``
    claims: _RowsBy | dict  # claim_id -> the claims of its source
    placing: _Placing

    def period_of(self, row: Any) -> str | None:
        """A figure's period as the brief names it (:meth:`_Placing.period_of`)."""
        return self.placing.period_of(row)

    def periods_of(self, told: list[_Row], source_labels: dict[str, str]) -> str | None:
        """The period of a quantity told by several texts (``told``: its figures, in reading
        order), escaped: one period when every text gives the same one, placed by the same
        date; otherwise each text's own, named by the text ('January 2026 in the Hong Kong
        report of February 2026, whose date is inferred; no period beside the figure in AI
        CERTs'), so that no text's period or date is shown as another's."""
        first: dict[str, _Row] = {}
        for row in told:
            first.setdefault(row["source_id"], row)
        said = {s: self.period_of(r) for s, r in first.items()}
        if len(set(said.values())) <= 1:
            return next(iter(said.values()), None)
        parts, silent = [], []
        for source, row in first.items():
            if said[source] is None:
                silent.append(source_labels[source])
                continue
            plain = self.placing.when(row, say_inferred=False)
            words = said[source] if plain is None else brief.escape_text(plain[1])
            inferred = plain is not None and said[source] != words
            part = f"{words} in {source_labels[source]}"
            parts.append(part + (", whose date is inferred" if inferred else ""))
        if silent:
            parts.append(f"no period beside the figure in {join_and(silent)}")
        return "; ".join(parts)

    def checks_of(self, figure_ids: list[str]) -> list[_Row] | None:
        """The rows of ``checks`` about any of ``figure_ids``, in their order; ``None`` when
        there are none or the checks name no figures."""
        if not self.checks:
            return None
        rows = sorted({n for f in figure_ids for n in self.check_rows.get(f, [])})
        return [self.checks[n] for n in rows] or None


def _report_index(
    figures: pd.DataFrame,
    voices: pd.DataFrame,
    voice_labels: dict[str, str],
    fact_values: pd.DataFrame | None,
    checks: pd.DataFrame | None,
    claims: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
) -> _ReportIndex:
    """Index once what :func:`_report_context` looks up (see :class:`_ReportIndex`)."""
    cited: dict[str, str] = {}
    for key, name in zip(voices["voice_key"].tolist(), voices["name"].tolist(), strict=True):
        cited.setdefault(key, brief.escape_text(name))
    check_rows: dict[Any, list[int]] = {}
    check_list: list[_Row] = []
    if checks is not None and "figure_id" in checks.columns:
        check_list = _plain_rows(checks)
        for n, row in enumerate(check_list):
            check_rows.setdefault(row["figure_id"], []).append(n)
    return _ReportIndex(
        figures=figures.set_index("figure_id", drop=False),
        voice_labels=voice_labels,
        voice_keys=dict(
            zip(voices["voice_id"].tolist(), voices["voice_key"].tolist(), strict=True)
        ),
        cited_names=cited,
        short_names={
            v.voice_id: voice_labels[v.voice_id]
            if v.kind == "outlet"
            else brief.escape_text(v.name)
            for v in _plain_rows(voices[["voice_id", "kind", "name"]])
        },
        fact_values=None if fact_values is None else _RowsBy(fact_values, "fact_id"),
        checks=check_list,
        check_rows=check_rows,
        claims={}
        if claims is None
        else _RowsBy(
            claims,
            "source_id",
            via=dict(zip(claims["claim_id"].tolist(), claims["source_id"].tolist(), strict=True)),
        ),
        placing=_Placing.of(figures, sources),
    )


def _restatements(group: Any, told: list[_Row], index: _ReportIndex) -> list[str]:
    """The links of a report's restatements worth showing beside it (``told``: its figures as
    plain rows): one in other words, or with only its hedge changed, adds nothing; one in
    another unit or number (a currency conversion in brackets) is shown, once."""
    restated: dict[str, str] = {}
    # A restatement reads otherwise than every figure told when its key is none of theirs
    # (facts.reads_otherwise): one set, not restatements x figures comparisons.
    told_keys = {facts.reading_key(t) for t in told}
    for r in _plain_rows(index.figures.loc[list(getattr(group, "restated_ids", []))]):
        if facts.reading_key(r) not in told_keys:
            restated.setdefault(brief.format_reading(r), brief.figure_link(r))
    return list(restated.values())


def _report_context(
    group: Any, index: _ReportIndex, source_labels: dict[str, str]
) -> dict[str, Any]:
    """One quantity reported, as the templates word it (see ``macros.md.j2``, ``report``)."""
    voice_labels = index.voice_labels
    rows = index.figures.loc[group.figure_ids]
    first = rows.iloc[0]
    readings: dict[str, str] = {}
    told = _plain_rows(rows)
    for r in told:
        readings.setdefault(brief.format_reading(r), brief.figure_link(r))
    restated = _restatements(group, told, index)
    per_source = [
        {"label": source_labels[s], "n": int((rows["source_id"] == s).sum())}
        for s in group.source_ids
    ]
    cited = None
    if not brief.is_missing(first.get("cites")):
        cited = index.cited_names.get(first["cites"])
    fact_id = first.get("fact_id")
    fact_values = index.fact_values
    agreement = _agreement_context(
        None if fact_values is None or brief.is_missing(fact_id) else fact_values.get(fact_id),
        fact_id,
    )
    check = _check_context(index.checks_of(list(group.figure_ids)), list(group.figure_ids))
    note = first.get("interpretation_note")
    counterpart = first.get("counterpart")
    short_names = index.short_names
    keys = [index.voice_keys.get(v) for v in rows["voice_id"]]  # not ``map``: a lookup a row
    by_voice = rows.assign(_key=keys).groupby("_key", sort=False)
    who = list(dict.fromkeys(voice_labels[v] for v in group.voice_ids))
    return {
        "by_voice": [
            {
                "who": voice_labels[g["voice_id"].iloc[0]],
                "name": short_names[g["voice_id"].iloc[0]],
                "n": len(g),
            }
            for _, g in by_voice
        ],
        "who_differs": set(who) != {s["label"] for s in per_source},
        "companions": [],
        "link": next(iter(readings.values())),
        "links": list(readings.values()),
        "restated": restated,
        "metric": brief.escape_text(first["metric"]),
        "period": index.periods_of(told, source_labels),
        "who": who,
        "counterparts": [brief.escape_text(c) for c in group.counterparts],
        "n_reports": int(group.n_reports),
        "n_sources": int(group.n_sources),
        "per_source": per_source,
        "n_metrics": int(group.n_metrics),
        "metrics": [brief.escape_text(m) for m in pd.unique(rows["metric"])],
        "bound": str(first["bound"]),
        "qualifier": None
        if brief.is_missing(first.get("qualifier"))
        else brief.escape_text(first["qualifier"]),
        "goes_on": _goes_on(index.claims.get(first.get("claim_id")), first.get("claim_id")),
        "stance_side": first["stance"] in brief.CAMPS,
        "entity": brief.escape_text(first["entity"]),
        "counterpart": None if brief.is_missing(counterpart) else brief.escape_text(counterpart),
        "note": None if brief.is_missing(note) else brief.escape_text(note),
        "cited": cited,
        "agreement": agreement,
        "check": check,
        "tellings": None,
    }


def _share_tellings(sections: list[dict[str, Any]], headline: dict[str, Any] | None) -> None:
    """The headline's tellings (every text that tells the remark, fact-linked or not) given to
    its report in the dimension sections too, so that the page gives one count of tellings."""
    if not headline or not headline.get("tellings"):
        return
    for section in sections:
        for camp in section["camps"]:
            for r in camp["reports"]:
                if r["link"] == headline["link"]:
                    r["tellings"] = headline["tellings"]


class _Row(dict):
    """One figure's values by column, read as ``row["metric"]``, ``row.get(...)`` or
    ``row.metric`` (what the wording functions take)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _plain_rows(frame: pd.DataFrame) -> list[_Row]:
    """Every row of ``frame`` as a :class:`_Row`, read column by column (``tolist`` keeps a
    missing value as the table holds it, pandas' NA): one pass, not a frame operation a row."""
    columns = list(frame.columns)
    return [
        _Row(zip(columns, values, strict=True))
        for values in zip(*(frame[c].tolist() for c in columns), strict=True)
    ]


def _figure_rows(figures: pd.DataFrame, ids: Any) -> dict[Any, _Row]:
    """The rows of ``figures`` whose id is among ``ids``, by id, cut in one step: a lookup of a
    row each (``set_index(...).loc[id]``) costs a frame operation per figure."""
    wanted = figures[figures["figure_id"].isin(set(ids))]
    return {r["figure_id"]: r for r in _plain_rows(wanted)}


def _measure_context(
    m: Any, by_id: Mapping[Any, Any], placing: _Placing, checks: pd.DataFrame | None = None
) -> dict[str, Any]:
    """A derived measure as the templates word it; ``by_id`` the figures' rows by id
    (:func:`_figure_rows`); the periods of its two ends placed as a report's are
    (:meth:`_Placing.period_of`)."""
    num, den = by_id[m.numerator_figure_id], by_id[m.denominator_figure_id]
    period = placing.period_of
    value = float(m.value)
    return {
        "amount_words": _amount_words(m, num),
        "operation": str(m.operation),
        "description": brief.escape_text(m.description),
        "numerator": brief.figure_link(num),
        "denominator": brief.figure_link(den),
        "numerator_period": period(num),
        "denominator_period": period(den),
        "amount": brief.escape_text(brief.format_amount(abs(value), str(m.unit))),
        "value": f"{value:.3g}" if m.operation == "ratio" else None,
        "change": "rose" if value > 0 else "fell" if value < 0 else "did not change",
        "figure_ids": {m.numerator_figure_id, m.denominator_figure_id},
        "check": _check_context(checks, [m.denominator_figure_id, m.numerator_figure_id]),
    }


_CEILING_QUALIFIERS = ("as much as", "up to", "at most", "below", "under", "less than")
_ROUGH_QUALIFIERS = ("nearly", "almost", "about", "roughly", "approximately", "around")


def _amount_words(m: Any, numerator: pd.Series) -> str:
    """What a measure's amount is, from its bound and its later figure's words: ``at most
    about`` when the later figure is a ceiling given roughly ("as much as nearly 30%"),
    ``about`` when only rough, else nothing."""
    qualifier = "" if brief.is_missing(numerator.get("qualifier")) else str(numerator["qualifier"])
    ceiling = str(numerator["bound"]) == "upper" or qualifier.startswith(_CEILING_QUALIFIERS)
    rough = str(m.bound) == "approximate" or any(q in qualifier for q in _ROUGH_QUALIFIERS)
    return " ".join(w for w, on in (("at most", ceiling), ("about", rough)) if on)


def _goes_on(claims: pd.DataFrame | None, claim_id: Any) -> str | None:
    """The words of the claim that continues the same sentence right after ``claim_id`` in its
    text (a gloss such as "yet compute still lags"), escaped; ``None`` when there is none."""
    if claims is None or brief.is_missing(claim_id):
        return None
    mine = claims[claims["claim_id"] == claim_id]
    if not len(mine):
        return None
    c = mine.iloc[0]
    after = claims[
        (claims["source_id"] == c["source_id"])
        & (claims["char_start"] > c["char_end"])
        & (claims["char_start"] <= c["char_end"] + 2)
    ]
    return brief.escape_text(after["quote"].iloc[0]) if len(after) else None


def _dimension_sections(
    t: dict[str, pd.DataFrame],
    by_camp: pd.DataFrame,
    reports: pd.DataFrame,
    source_labels: dict[str, str],
    voice_labels: dict[str, str],
) -> list[dict[str, Any]]:
    claims, figures, voices = t["claims"], t["figures"], t["voices"]
    derived = t.get("derived_measures")
    fact_values, checks, sources = t.get("fact_values"), t.get("reference_checks"), t.get("sources")
    index = _report_index(figures, voices, voice_labels, fact_values, checks, claims, sources)
    kinds = dict(zip(voices["voice_id"].tolist(), voices["kind"].tolist(), strict=True))
    names = _group_names(voices, source_labels)
    disagreements = list_disagreements(
        t.get("disagreements"), figures, {s: source_labels[s] for s in source_labels}
    )
    ground = brief.classify_ground(by_camp)
    sections = []
    ranked = by_camp.assign(
        ground=ground, _n=by_camp["n_optimist_claims"] + by_camp["n_skeptic_claims"]
    ).sort_values("_n", ascending=False, kind="stable")
    for row in ranked.itertuples(index=False):
        dim = row.dimension
        measures = [] if derived is None else _dimension_measures(derived, dim, figures, index)
        in_measures = set().union(*(m["figure_ids"] for m in measures)) if measures else set()
        mine = reports[reports["dimension"] == dim]
        used = mine["figure_ids"].map(lambda ids, used=in_measures: set(ids) <= used).astype(bool)
        mine = mine.loc[~used]

        context = functools.partial(_report_context, index=index, source_labels=source_labels)
        mine, companions = _attach_companions(mine, figures)

        camps = []
        for camp in brief.CAMPS:
            here = claims[(claims["dimension"] == dim) & (claims["stance"] == camp)]
            theirs = mine[mine["stance"] == camp]
            camps.append(
                {
                    "stance": camp,
                    "n_claims": int(getattr(row, f"n_{camp}_claims")),
                    "n_sources": int(getattr(row, f"n_{camp}_sources")),
                    "voices": _sort_voices(here["voice_id"], kinds, names, voice_labels),
                    **_camp_reports(theirs, context, companions),
                    "measures": [m for m in measures if m["stance"] == camp],
                }
            )
        neutral = mine[~mine["stance"].isin(brief.CAMPS)]
        others = [context(g) for g in weightiest_reports(neutral).itertuples(index=False)]
        differ = [d for d in disagreements if d["dimension"] == dim]
        shown = _readings_shown(camps, others)
        differ = [
            {**d, "figures": [f for f in d["figures"] if _reading_of(f["link"]) not in shown]}
            for d in differ
        ]
        sections.append(
            {
                "dimension": dim,
                "about": vocab.DIMENSIONS[dim],
                "ground": row.ground,
                "camps": camps,
                "others": others,
                "n_more_others": n_more(neutral.index),
                "disagreements": differ,
            }
        )
    return sections


def _dimension_measures(
    derived: pd.DataFrame, dimension: str, figures: pd.DataFrame, index: _ReportIndex
) -> list[dict[str, Any]]:
    """The derived measures of one dimension as the templates word them, with their stance."""
    here = derived[derived["dimension"] == dimension]
    ends = _figure_rows(figures, [*here["numerator_figure_id"], *here["denominator_figure_id"]])
    return [
        {
            **_measure_context(
                m,
                ends,
                index.placing,
                index.checks_of([m.denominator_figure_id, m.numerator_figure_id]),
            ),
            "stance": m.stance,
        }
        for m in here.itertuples(index=False)
    ]


def _camp_reports(
    theirs: pd.DataFrame,
    context: Callable[[Any], dict[str, Any]],
    companions: dict[str, list[dict[str, str]]],
) -> dict[str, Any]:
    """A camp's reports in a dimension, as many as the brief shows (the most told first, see
    :func:`weightiest_reports`), each with its companions, and how many are left out."""
    return {
        "reports": [
            {**context(g), "companions": companions.get(g.report_key, [])}
            for g in weightiest_reports(theirs).itertuples(index=False)
        ],
        "n_more_reports": n_more(theirs.index),
    }


def _attach_companions(
    reports: pd.DataFrame, figures: pd.DataFrame
) -> tuple[pd.DataFrame, dict[str, list[dict[str, str]]]]:
    """Fold into a fact told several times the other figures its claims give (a horizon, a
    reference level): they are shown with the fact, once per reading, not as reports of their
    own. Returns the remaining reports and, per fact, its companions."""
    told = reports[reports["n_reports"] > 1]
    companions: dict[str, list[dict[str, str]]] = {}
    folded: set[str] = set()
    lone = reports[reports["n_reports"] == 1]
    by_claim: dict[str, list[int]] = {}  # claim id -> positions of the lone reports it gives
    for n, ids in enumerate(lone["claim_ids"]):
        for c in set(ids):
            by_claim.setdefault(c, []).append(n)
    hits = {
        key: sorted({n for c in set(claim_ids) for n in by_claim.get(c, [])})
        for key, claim_ids in zip(told["report_key"], told["claim_ids"], strict=True)
    }
    lone_figures, lone_keys = lone["figure_id"].tolist(), lone["report_key"].tolist()
    by_id = _figure_rows(figures, [lone_figures[n] for n in set().union(*hits.values())])
    for key in told["report_key"]:
        seen: dict[str, dict[str, str]] = {}
        for n in hits[key]:
            row = by_id[lone_figures[n]]
            seen.setdefault(
                brief.format_reading(row),
                {"link": brief.figure_link(row), "metric": brief.escape_text(row["metric"])},
            )
            folded.add(lone_keys[n])
        companions[key] = list(seen.values())
    return reports[~reports["report_key"].isin(folded)], companions


def _reading_of(link: str) -> str:
    return link[1 : link.index("](")]


def _readings_shown(camps: list[dict[str, Any]], others: list[dict[str, Any]]) -> set[str]:
    """The readings a dimension's section already links, so a disagreement need not repeat
    them."""
    links = []
    for r in [*others, *(r for c in camps for r in c["reports"])]:
        links += r["links"] + [c["link"] for c in r["companions"]]
    for m in (m for c in camps for m in c["measures"]):
        links += [m["numerator"], m["denominator"]]
    return {_reading_of(link) for link in links}


def list_disagreements(
    disagreements: pd.DataFrame | None,
    figures: pd.DataFrame,
    source_labels: dict[str, str],
) -> list[dict[str, Any]]:
    """Each disagreement between the sources read, with its sides; one that has sides in fewer
    than two of the sources read is no disagreement here."""
    if disagreements is None or not len(disagreements):
        return []
    by_id = (
        _figure_rows(figures, disagreements["figure_id"].dropna())
        if "figure_id" in disagreements.columns
        else {}
    )
    # The sides as plain rows grouped by disagreement, in one pass (a frame operation per
    # disagreement would cost more than all the rest as the corpus grows).
    by_key: dict[Any, list[_Row]] = {}
    for side in _plain_rows(disagreements):
        if brief.is_missing(side["disagreement_id"]):
            continue
        kept = by_key.setdefault(side["disagreement_id"], [])  # in order of first appearance
        if side["source_id"] in source_labels:
            kept.append(side)
    out = []
    for key, sides in by_key.items():
        sources = list(dict.fromkeys(side["source_id"] for side in sides))
        if len(sources) < 2:
            continue
        first = sides[0]
        links = []
        for side in sides:
            figure_id = side.get("figure_id")
            if not brief.is_missing(figure_id) and figure_id in by_id:
                row = by_id[figure_id]
                links.append(
                    {"link": brief.figure_link(row), "source": source_labels[side["source_id"]]}
                )
        out.append(
            {
                "disagreement_id": key,
                "dimension": first["dimension"],
                "kind": first.get("kind", "divergence"),
                "question": brief.escape_text(first.get("question", "")),
                "what": brief.escape_text(first.get("what_differs", "")),
                "sources": [source_labels[x] for x in sources],
                "figures": links,
            }
        )
    return out


def list_out_of_date(
    out_of_date: pd.DataFrame | None, source_labels: dict[str, str]
) -> list[dict[str, Any]]:
    """Each claim of the sources read that was out of date when written, with its words linked
    to the source reader and the record at its date: shown as out of date, never as a
    disagreement."""
    if out_of_date is None or not len(out_of_date):
        return []
    rows = out_of_date[out_of_date["source_id"].isin(source_labels)]
    return [
        {
            "quote": brief.escape_text(r.quote),
            "href": f"sources/{r.source_id}.html#c-{r.claim_id}",
            "source": source_labels[r.source_id],
            "published": None if brief.is_missing(r.published) else str(r.published),
            "record": brief.escape_text(r.record),
        }
        for r in rows.itertuples(index=False)
    ]


def _check_context(checks: list[_Row] | None, figure_ids: list[str]) -> dict[str, Any] | None:
    """What the primary source says of the first checked figure among ``figure_ids``;
    ``checks`` the reference checks as plain rows (:meth:`_ReportIndex.checks_of`)."""
    wanted = set(figure_ids)
    mine = [c for c in checks or [] if c["figure_id"] in wanted]  # by hash: NA compares to none
    if not mine:
        return None
    c = mine[0]
    url = c.get("reference_url")
    note = c.get("note")
    return {
        "status": str(c["status"]),
        "name": brief.escape_text(c.get("reference_name", "the primary source")),
        "url": None if brief.is_missing(url) else str(url),
        "note": None if brief.is_missing(note) else brief.escape_text(note),
        "statuses": sorted({c["status"] for c in mine}),
        "n": len(mine),
    }


def _common_ground(sections: list[dict[str, Any]], reports: pd.DataFrame) -> dict[str, Any]:
    """Where both camps speak, and where both give numbers: side by side, what each measures."""
    both_speak = [s for s in sections if all(c["n_claims"] for c in s["camps"])]
    both_count = [s for s in both_speak if all(c["reports"] or c["measures"] for c in s["camps"])]
    compared = []
    for s in both_count:
        sides = {}
        for c in s["camps"]:
            metrics = [r["metric"] for r in c["reports"]]
            metrics += [m["description"] for m in c["measures"]]
            metrics = list(dict.fromkeys(metrics))
            sides[c["stance"]] = {
                "metrics": metrics,
                "reports": c["reports"],
                "measures": c["measures"],
            }
        same = set(sides["optimist"]["metrics"]) & set(sides["skeptic"]["metrics"])
        compared.append({"dimension": s["dimension"], "sides": sides, "same_metrics": sorted(same)})
    camp_reports = reports[reports["stance"].isin(brief.CAMPS)]
    words_only = [
        {
            "dimension": s["dimension"],
            "counted": [c["stance"] for c in s["camps"] if c["reports"] or c["measures"]],
            "n": {c["stance"]: c["n_claims"] for c in s["camps"]},
        }
        for s in both_speak
        if s not in both_count
    ]
    return {
        "n_same": sum(len(c["same_metrics"]) for c in compared),
        "n_dimensions": len(both_speak),
        "compared": compared,
        "words_only": words_only,
        "n_camp_reports": len(camp_reports),
    }


def _shifting_voices(
    voices: pd.DataFrame, claims: pd.DataFrame, source_labels: dict[str, str]
) -> list[dict[str, Any]]:
    shifting = brief.find_shifting_voices(voices, claims)
    out = []
    for _, group in shifting.groupby("voice_key", sort=False):
        out.append(
            {
                "name": brief.escape_text(group["name"].iloc[0]),
                "texts": [
                    {
                        "source": source_labels[r.source_id],
                        "stance": r.stance,
                        "claims": r.claims,
                    }
                    for r in group.itertuples(index=False)
                ],
            }
        )
    return out


def _caveats(
    t: dict[str, pd.DataFrame],
    everything: dict[str, pd.DataFrame],
    reports: pd.DataFrame,
    left_out: dict[str, str],
    include_comments: bool,
    source_labels: dict[str, str],
    all_labels: dict[str, str],
    evidence: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The caveats section; ``evidence`` is ``weighing.independent_reports(t)`` (made here
    when not given)."""
    sources, claims, figures, voices = t["sources"], t["claims"], t["figures"], t["voices"]
    inferred = [
        {"source": source_labels[r.source_id], "published": r.published}
        for r in sources.itertuples(index=False)
        if not brief.is_missing(r.published) and bool(r.is_date_inferred)
    ]
    undated = [source_labels[s] for s in sources["source_id"][sources["published"].isna()]]
    no_outlet = [
        source_labels[r.source_id]
        for r in sources.itertuples(index=False)
        if brief.is_missing(r.outlet) or bool(r.is_outlet_inferred)
    ]
    outlet_ids = set(voices["voice_id"][voices["kind"] == "outlet"])
    group_ids = set(voices["voice_id"][voices["kind"] == "group"])
    camp_claims = claims[claims["stance"].isin(brief.CAMPS)]
    inferred_voices = []
    for column in [c for c in voices.columns if c.startswith("is_") and "inferred" in c]:
        flagged = voices[voices[column].fillna(False).astype(bool)]
        inferred_voices += [brief.escape_text(n) for n in pd.unique(flagged["name"])]
    noted = figures[figures["stance"].isin(brief.CAMPS) & figures["interpretation_note"].notna()]
    all_claims = everything["claims"]
    comments = all_claims[
        all_claims["is_reader_comment"].fillna(False).astype(bool)
        & all_claims["source_id"].isin(sources["source_id"])
    ]
    checks = t.get("reference_checks")
    check_summary = None
    if checks is not None and len(checks):
        by_id = figures.set_index("figure_id", drop=False)
        check_summary = {
            "n": len(checks),
            "by_status": checks["status"].value_counts().to_dict(),
            "flagged": [
                {
                    "link": brief.figure_link(by_id.loc[c.figure_id]),
                    "status": str(c.status),
                    "source": source_labels[by_id.loc[c.figure_id, "source_id"]],
                }
                for c in checks.itertuples(index=False)
                if c.status != "matches" and c.figure_id in by_id.index
            ],
        }
    camp_reports = reports[reports["stance"].isin(brief.CAMPS)]
    evidence = weighing.independent_reports(t) if evidence is None else evidence
    told = _texts_telling(evidence, figures, camp_reports)
    return {
        "n_cited": len(camp_reports),
        "n_single_source": sum(n == 1 for n in told),
        "inferred_dates": inferred,
        "undated": undated,
        "no_outlet": no_outlet,
        "n_outlet_claims": int(camp_claims["voice_id"].isin(outlet_ids).sum()),
        "n_group_claims": int(camp_claims["voice_id"].isin(group_ids).sum()),
        "n_camp_claims": len(camp_claims),
        "inferred_voices": inferred_voices,
        "n_interpreted": len(noted),
        "left_out": [{"source": all_labels[s], "why": why} for s, why in left_out.items()],
        "n_comments_left_out": 0 if include_comments else len(comments),
        "include_comments": include_comments,
        "checks": check_summary,
    }


# Units of a span of time: a figure in one of them whose words are its own period is the
# span its report is given over (:func:`_texts_telling`).
_SPAN_UNITS = frozenset({"year", "month"})


def _texts_telling(
    evidence: pd.DataFrame, figures: pd.DataFrame, reports: pd.DataFrame
) -> list[int]:
    """For each quantity of ``reports`` (rows of :func:`gapstudy.brief.group_reports`), how
    many texts tell it, counted as :func:`_tellings` counts a retold remark: the texts with a
    figure of the same independent report (one voice at one event, as the weighing counts it:
    ``evidence``) in the same unit, with the same bound and number. A text that keeps the
    number out of a fact (another horizon or rival) still tells it; a text that gives another
    number, or none, does not. A span of time whose words are its own period (Lin's "three to
    five years") is told too by a text whose figure of the same report has that period, as
    written (the Hong Kong text gives his odds over the "next three to five years", the span
    being the outlet's question). One pass over the figures: a quantity looks up its key."""
    report_of = {c: n for n, ids in enumerate(evidence["claim_ids"]) for c in ids}
    number = figures["high"].fillna(figures["value"]).fillna(figures["low"])
    keys: dict[str, tuple] = {}
    texts: dict[tuple, set[str]] = {}
    spans: dict[str, tuple] = {}
    columns = zip(
        figures["figure_id"].tolist(),
        figures["claim_id"].tolist(),
        figures["source_id"].tolist(),
        figures["unit"].tolist(),
        figures["bound"].tolist(),
        number,  # a number column read as iterating gives it (numpy scalars)
        figures["text"].tolist(),
        figures["period"].tolist(),
        strict=True,
    )
    for figure_id, claim_id, source_id, unit, bound, value, words, period in columns:
        if claim_id not in report_of:
            continue
        over = " ".join(str(period).split()).casefold() if isinstance(period, str) else ""
        if over:
            texts.setdefault((report_of[claim_id], over), set()).add(source_id)
            if unit in _SPAN_UNITS and " ".join(str(words).split()).casefold() in over:
                spans[figure_id] = (report_of[claim_id], over)
        if pd.isna(value):
            continue
        key = (report_of[claim_id], unit, bound, float(value))
        keys[figure_id] = key
        texts.setdefault(key, set()).add(source_id)
    # The texts telling a report's number (or span) are one set for every quantity that
    # looks it up: their union made once per key, not once per quantity (with one quantity
    # per text telling it, the unions grew with the square of the texts).
    unions: dict[tuple, set[str]] = {}
    counts = []
    for first, ids in zip(reports["figure_id"], reports["source_ids"], strict=True):
        pair = (keys.get(first), spans.get(first))
        union = unions.get(pair)
        if union is None:
            union = unions[pair] = texts.get(pair[0], set()) | texts.get(pair[1], set())
        counts.append(len(union) + sum(1 for s in set(ids) if s not in union))
    return counts


def _headline_context(
    reports: pd.DataFrame,
    t: dict[str, pd.DataFrame],
    figures: pd.DataFrame,
    source_labels: dict[str, str],
    voice_labels: dict[str, str],
    evidence: pd.DataFrame | None = None,
) -> dict[str, Any] | None:
    """The lede's headline: the camp's report repeated most often (then by most sources), or
    ``None`` when no report of either camp is repeated. ``evidence`` is
    ``weighing.independent_reports(t)`` (made here when not given)."""
    repeated = reports[reports["stance"].isin(brief.CAMPS) & (reports["n_reports"] > 1)]
    repeated = repeated.sort_values(["n_reports", "n_sources"], ascending=False, kind="stable")
    if not len(repeated):
        return None
    index = _report_index(
        figures,
        t["voices"],
        voice_labels,
        t.get("fact_values"),
        t.get("reference_checks"),
        sources=t.get("sources"),
    )
    headline = _report_context(next(repeated.itertuples(index=False)), index, source_labels)
    headline["stance"] = repeated["stance"].iloc[0]
    fact_claims = set(repeated["claim_ids"].iloc[0]) if "claim_ids" in repeated else set()
    evidence = weighing.independent_reports(t) if evidence is None else evidence
    headline["tellings"] = _tellings(evidence, figures, fact_claims)
    return headline


# ---- the argument: the weighed evidence, per layer, with its robustness ----------------------

# At most this many figures are quoted for one camp on one layer, in the argument.
FIGURES_PER_CAMP = 3


def _camp_figures(
    camp: str,
    dimensions: list[str],
    t: dict[str, pd.DataFrame],
    reports: pd.DataFrame,
    looked_up: tuple[_Placing, Callable[[str], dict[str, Any]]] | None = None,
) -> list[dict[str, Any]]:
    """The figures a camp rests on, at most ``FIGURES_PER_CAMP``, one per dimension, in
    ``dimensions``' order (the camp's weightiest first, so the first figure comes from what
    carries the camp, never from a lighter dimension that happens to have a gap measure).
    Within a dimension: gap measures first (both ends in one text), then figures set against a
    counterpart, then the rest; within each, the figure of the newest stated period (a baseline
    of an earlier year never stands for a camp whose text gives a later figure), then the
    quantity most sources report. Each figure says which text gives it and of what kind."""
    figures = t["figures"]
    derived = t.get("derived_measures")
    placing, given_by = _camp_lookups(t) if looked_up is None else looked_up
    mine = reports[(reports["stance"] == camp) & reports["dimension"].isin(dimensions)]
    mine = mine.assign(_order=range(len(mine))).sort_values(
        ["n_sources", "_order"], ascending=[False, True], kind="stable"
    )
    ids = list(mine["figure_id"])
    if derived is not None and len(derived):
        ids += [*derived["numerator_figure_id"], *derived["denominator_figure_id"]]
    by_id = _figure_rows(figures, ids)
    candidates: list[tuple[int, int, dict[str, Any]]] = []
    if derived is not None and len(derived):
        for m in derived[derived["stance"] == camp].itertuples(index=False):
            if m.dimension in dimensions:
                metric = brief.escape_text(by_id[m.numerator_figure_id]["metric"])
                context = {
                    **given_by(by_id[m.numerator_figure_id]["source_id"]),
                    "kind": "measure",
                    "qualifier": None,
                    "is_one_sided": False,
                    "metric": metric,
                    "num_entity": brief.escape_text(m.numerator_entity),
                    "den_entity": brief.escape_text(m.denominator_entity),
                    **_measure_context(m, by_id, placing),
                }
                candidates.append((0, dimensions.index(m.dimension), context))
    for r in mine.itertuples(index=False):
        row = by_id[r.figure_id]
        counterpart = row["counterpart"]
        when = placing.when(row, say_inferred=False)
        context = {
            "kind": "figure",
            "link": brief.figure_link(row),
            "metric": brief.escape_text(row["metric"]),
            "entity": brief.escape_text(row["entity"]),
            "counterpart": None
            if brief.is_missing(counterpart)
            else brief.escape_text(counterpart),
            "period": None if when is None else brief.escape_text(when[1]),
            "year": None if when is None else when[0],
            "qualifier": None if brief.is_missing(row["qualifier"]) else str(row["qualifier"]),
            "is_one_sided": brief.is_missing(counterpart) and row["entity"] != "World",
            **given_by(row["source_id"]),
        }
        candidates.append(
            (1 if context["counterpart"] else 2, dimensions.index(r.dimension), context)
        )
    for _, dim, context in candidates:
        context["dimension"] = dimensions[dim]
    out, seen = [], set()
    # Within a kind and a dimension, the figure of the newest stated period first (an undated
    # one after every dated one): the stable sort keeps the order above among equals.
    candidates.sort(key=lambda c: -(c[2].get("year") or float("-inf")))
    for _, dim, context in sorted(candidates, key=lambda c: (c[1], c[0])):
        if dim not in seen:
            seen.add(dim)
            out.append(context)
    return out[:FIGURES_PER_CAMP]


def _camp_lookups(t: dict[str, pd.DataFrame]) -> tuple[_Placing, Callable[[str], dict[str, Any]]]:
    """What :func:`_camp_figures` looks up, made once for every camp and layer of a brief:
    where each figure's period is placed, and which text gives it."""
    return _Placing.of(t["figures"], t["sources"]), _given_by(t["sources"])


def _given_by(sources: pd.DataFrame) -> Callable[[str], dict[str, Any]]:
    """Which text gives a figure, by the name a reader knows, and what kind of text it is: a
    lookup by source id over ``sources``, built once."""
    labels = brief.label_sources(sources)
    kinds = dict(zip(sources["source_id"], sources["kind"], strict=True))

    def given_by(source_id: str) -> dict[str, Any]:
        kind = kinds.get(source_id)
        return {
            "source": labels[source_id],
            "source_href": f"sources/{source_id}.html",
            "source_kind": None if brief.is_missing(kind) else str(kind),
        }

    return given_by


def _robust_context(
    robust: pd.DataFrame, scope: str, subject: str, source_labels: dict[str, str]
) -> dict[str, Any]:
    """Whether a lean holds whichever source (or event) is left out; if not, what it rests on."""
    mine = robust[(robust["scope"] == scope) & (robust["subject"] == subject)]
    changed = mine[mine["is_changed"].astype(bool)]
    by_source = changed[changed["left_out_kind"] == "source"]
    by_event = changed[changed["left_out_kind"] == "event"]
    return {
        "holds": not len(by_source),
        "holds_events": not len(by_event),
        "n_sources": int((mine["left_out_kind"] == "source").sum()),
        "rests_on": [
            {
                "source": source_labels[r.left_out],
                "href": f"sources/{r.left_out}.html",
                "lean": r.lean,
            }
            for r in by_source.itertuples(index=False)
        ],
        "events": [
            {"event": brief.escape_text(r.left_out), "lean": r.lean}
            for r in by_event.itertuples(index=False)
        ],
    }


def _layer_context(
    layer: pd.DataFrame,
    lean_row: Any,
    t: dict[str, pd.DataFrame],
    reports: pd.DataFrame,
    weighed: pd.DataFrame,
    robust: pd.DataFrame,
    source_labels: dict[str, str],
    evidence: pd.DataFrame,
    voice_names: dict[str, str],
    index: weighing.EvidenceIndex,
    claim_sources: dict[str, str],
    looked_up: tuple[_Placing, Callable[[str], dict[str, Any]]],
) -> dict[str, Any]:
    """One layer: its lean, what each camp rests on, where they meet, how robust the lean is,
    how old its evidence is (``index``: ``weighing.EvidenceIndex(t)``; ``claim_sources``: each
    claim's source; ``looked_up``: ``_camp_lookups(t)``)."""
    dims = list(layer["dimension"])
    pooled = weighing.pool_reports(evidence[evidence["dimension"].isin(dims)])
    dating = _dating_context(
        weighing.date_lean(pooled, lean_row.lean, t, index),
        source_labels,
        voice_names,
        claim_sources,
    )
    by_dim = weighed[(weighed["scope"] == "dimension") & weighed["subject"].isin(dims)]
    camps = {}
    for camp in weighing.CAMPS:
        ranked = by_dim[by_dim[f"{camp}_reports"] > 0].sort_values(
            f"{camp}_weight", ascending=False, kind="stable"
        )
        camps[camp] = {
            "n_reports": int(getattr(lean_row, f"{camp}_reports")),
            "n_claims": int(getattr(lean_row, f"{camp}_claims")),
            "n_voices": int(getattr(lean_row, f"{camp}_voices")),
            "weight": float(getattr(lean_row, f"{camp}_weight")),
            "kinds": list(getattr(lean_row, f"{camp}_kinds")),
            "dimensions": list(ranked["subject"]),
            "figures": _camp_figures(camp, list(ranked["subject"]), t, reports, looked_up),
        }
    meet = by_dim[(by_dim["optimist_reports"] > 0) & (by_dim["skeptic_reports"] > 0)]
    heavier = max(weighing.CAMPS, key=lambda c: (camps[c]["weight"], c == "skeptic"))
    total = sum(camps[c]["weight"] for c in weighing.CAMPS)
    return {
        "heavier": heavier,
        "share": camps[heavier]["weight"] / total if total else None,
        "is_on_line": bool(total)
        and math.isclose(camps[heavier]["weight"] / total, weighing.LEAN_SHARE),
        "layer_id": lean_row.subject,
        "title": brief.escape_text(layer["title"].iloc[0]),
        "lean": lean_row.lean,
        "camps": camps,
        "meet": [
            {"dimension": r.subject, "lean": r.lean, **_opinion(evidence, r, t, index)}
            for r in meet.itertuples(index=False)
        ],
        "dimension_leans": [
            {"dimension": r.subject, "lean": r.lean} for r in by_dim.itertuples(index=False)
        ],
        "robust": _robust_context(robust, "layer", lean_row.subject, source_labels),
        "steady": [
            {"dimension": r.subject, "lean": r.lean}
            for r in by_dim.itertuples(index=False)
            if r.lean != "thin"
            and _robust_context(robust, "dimension", r.subject, source_labels)["holds"]
            and len(r.source_ids) > 1
        ],
        "dating": dating,
    }


AGAINST_SHOWN = 1


def _dating_context(
    dated: dict[str, Any],
    source_labels: dict[str, str],
    voice_names: dict[str, str],
    claim_sources: dict[str, str],
) -> dict[str, Any]:
    """A lean's dating (:func:`weighing.date_lean`) as the templates word it: the period of
    its evidence, the newer reports against it (who, where, when, the words linked), the
    out-of-date records that bear on it, and which camp's case is mostly opinion."""
    period = dated["period"]
    # Named voices first, a text's own voice after; at most AGAINST_SHOWN, the rest counted.
    ranked = sorted(dated["against"], key=lambda a: a["voice_key"].startswith("text:"))
    against = [
        {
            "who": voice_names.get(a["voice_key"], brief.escape_text(a["voice_key"])),
            "when": a["when"][1],
            "is_text": a["voice_key"].startswith("text:"),
            "sources": [source_labels[x] for x in a["source_ids"] if x in source_labels],
            "href": f"sources/{claim_sources[a['claim_ids'][0]]}.html#c-{a['claim_ids'][0]}",
        }
        for a in ranked
    ]
    records = [
        {
            "quote": brief.escape_text(r["quote"]),
            "href": f"sources/{r['source_id']}.html#c-{r['claim_id']}",
            "source": source_labels.get(r["source_id"], brief.escape_text(r["source_id"])),
            "published": weighing.month_label(r["published"]),
            "record": brief.escape_text(r["record"]),
        }
        for r in dated["records"]
        if r["source_id"] in source_labels
    ]
    shares = dated["measured_share"]
    return {
        "camp": dated["camp"],
        "from": None if period is None else brief.escape_text(period[0][1]),
        "to": None if period is None else brief.escape_text(period[1][1]),
        "is_dated": dated["is_dated"],
        "against": against[:AGAINST_SHOWN],
        "n_more_against": max(0, len(against) - AGAINST_SHOWN),
        "records": records,
        "opinion": [c for c in weighing.CAMPS if shares[c] is not None and shares[c] < OPINION],
    }


def _opinion_leans(layers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The dimension leans that rest mostly on opinion, with their layer's figures: those of a
    layer whose own lean is not carried first (there the opinion decides the most), then those
    whose camp gives some figure (its newest can be set beside the opinion), then by how
    little of the camp's weight gives a figure."""
    out = []
    for layer in layers:
        for m in layer["meet"]:
            if m["is_opinion"] and m["lean"] not in ("contested", "thin"):
                figures = [
                    f for f in layer["camps"][m["camp"]]["figures"]
                    if f.get("dimension") == m["dimension"]
                ]  # fmt: skip
                carried = layer["lean"] not in ("contested", "thin")
                key = (carried, not figures, m["measured_share"])
                out.append({**m, "figures": figures, "_key": key})
    return [
        {k: v for k, v in m.items() if k != "_key"} for m in sorted(out, key=lambda m: m["_key"])
    ]


def _opinion(
    evidence: pd.DataFrame,
    lean_row: Any,
    t: dict[str, pd.DataFrame],
    index: weighing.EvidenceIndex | None = None,
) -> dict:
    """Whether a dimension's lean rests mostly on opinion: the camp carrying it has reports
    that give a figure for less than ``OPINION`` of its weight."""
    mine = evidence[evidence["dimension"] == lean_row.subject]
    dated = weighing.date_lean(mine, lean_row.lean, t, index)
    camp = dated["camp"]
    share = None if camp is None else dated["measured_share"][camp]
    return {
        "camp": camp,
        "measured_share": share,
        "is_opinion": share is not None and share < OPINION,
    }


# A camp whose reports that give a figure carry less than this share of its weight argues
# mostly from opinion, and the brief says so.
OPINION = 0.5


def _quality_context(
    t: dict[str, pd.DataFrame], evidence: pd.DataFrame, source_labels: dict[str, str]
) -> list[dict[str, Any]]:
    """Each source read that counts for less than an original report: its kind, its weight,
    its share of the camps' claims and of their independent reports."""
    claims = t["claims"]
    camp_claims = claims[claims["stance"].isin(weighing.CAMPS)]
    # Each source's camp claims' dimensions, gathered in one pass (not a frame per source).
    by_source: dict[Any, list[Any]] = {}
    for source_id, dimension in zip(
        camp_claims["source_id"].to_numpy().tolist(),
        camp_claims["dimension"].to_numpy().tolist(),
        strict=True,
    ):
        by_source.setdefault(source_id, []).append(dimension)
    per_dimension = camp_claims["dimension"].value_counts()
    only = [ids[0] for ids in evidence["source_ids"] if len(ids) == 1]
    alone_counts = pd.Series(only, dtype=object).value_counts()
    out = []
    kinds = t["sources"]["kind"] if "kind" in t["sources"].columns else None
    for n, source_id in enumerate(t["sources"]["source_id"].to_numpy().tolist()):
        kind = None if kinds is None else kinds.iloc[n]
        weight = weighing.KIND_WEIGHTS.get(str(kind), 1.0)
        if brief.is_missing(kind) or weight >= 1:
            continue
        dimensions = by_source.get(source_id, [])
        top_dim, n_top = _most_frequent(dimensions, camp_claims["dimension"].dtype)
        out.append(
            {
                "source": source_labels[source_id],
                "href": f"sources/{source_id}.html",
                "kind": str(kind),
                "weight": weight,
                "n_claims": len(dimensions),
                "n_camp_claims": len(camp_claims),
                "top_dimension": top_dim,
                "n_top": n_top,
                "n_top_all": 0 if top_dim is None else int(per_dimension.get(top_dim, 0)),
                "n_reports_alone": int(alone_counts.get(source_id, 0)),
                "n_reports": len(evidence),
            }
        )
    return sorted(out, key=lambda q: -q["n_claims"])


def _most_frequent(values: list[Any], dtype: Any) -> tuple[Any, int]:
    """The value most frequent in ``values`` and how often it comes, as ``value_counts`` of
    a column of ``dtype`` ranks them (missing values left out); ``(None, 0)`` when none. Only
    a tie is handed to ``value_counts``, whose order among equals is its own."""
    counts: dict[Any, int] = {}
    for v in values:
        if not brief.is_missing(v):
            counts[v] = counts.get(v, 0) + 1
    if not counts:
        return None, 0
    most = max(counts.values())
    if sum(1 for n in counts.values() if n == most) == 1:
        return next(v for v, n in counts.items() if n == most), most
    top = pd.Series(values, dtype=dtype).value_counts()
    return top.index[0], int(top.iloc[0])


def _retold_context(
    reports: pd.DataFrame,
    t: dict[str, pd.DataFrame],
    evidence_keys: dict[str, str],
    voice_labels: dict[str, str],
    evidence: pd.DataFrame | None = None,
) -> dict[str, Any] | None:
    """The camp quantity told most often, and how many independent reports (voice and event)
    those tellings are (``evidence``: ``weighing.independent_reports(t)``, made here when not
    given)."""
    told = reports[reports["stance"].isin(weighing.CAMPS) & (reports["n_reports"] > 1)]
    told = told.sort_values(["n_reports", "n_sources"], ascending=False, kind="stable")
    if not len(told):
        return None
    top = told.iloc[0]
    by_id = t["figures"].set_index("figure_id", drop=False)
    rows = by_id.loc[top["figure_ids"]]
    independent = {evidence_keys.get(c) for c in rows["claim_id"]}
    evidence = weighing.independent_reports(t) if evidence is None else evidence
    told_by = _tellings(evidence, t["figures"], set(rows["claim_id"]))
    return {
        **told_by,
        "link": brief.figure_link(rows.iloc[0]),
        "metric": brief.escape_text(rows.iloc[0]["metric"]),
        "n_reports": int(top["n_reports"]),
        "n_sources": int(top["n_sources"]),
        "n_independent": len(independent),
        "who": list(dict.fromkeys(voice_labels[v] for v in top["voice_ids"])),
        "stance": top["stance"],
    }


def _base_context(
    t: dict[str, pd.DataFrame],
    robust: pd.DataFrame,
    layers: list[dict[str, Any]],
    source_labels: dict[str, str],
) -> dict[str, Any]:
    """What the evidence is: the original reports among the texts read, and the occasion most
    texts report (ties: the one most texts list first, then by id) with the layers whose lean
    changes when every text reporting it is left out (the robustness table's event rows)."""
    sources = t["sources"]
    kinds = sources["kind"] if "kind" in sources.columns else pd.Series(pd.NA, sources.index)
    originals = [
        {"label": source_labels[s], "href": f"sources/{s}.html"}
        for s, k in zip(sources["source_id"], kinds, strict=True)
        if brief.is_missing(k) or str(k) == "original_report"
    ]
    events = t.get("source_events")
    largest = None
    if events is not None and len(events):
        n_texts = events.groupby("event_id")["source_id"].nunique()
        n_first = events[events["n"] == 1].groupby("event_id").size()
        top = sorted(n_texts.index, key=lambda e: (-n_texts[e], -n_first.get(e, 0), str(e)))[0]
        if n_texts[top] > 1:
            changed = robust[
                (robust["scope"] == "layer")
                & (robust["left_out_kind"] == "event")
                & (robust["left_out"] == top)
                & robust["is_changed"].astype(bool)
            ]
            titles = {layer["layer_id"]: layer["title"] for layer in layers}
            largest = {
                "n_texts": int(n_texts[top]),
                "changed": [
                    {"title": titles[r.subject], "lean": r.lean}
                    for r in changed.itertuples(index=False)
                    if r.subject in titles
                ],
            }
    return {"originals": originals, "largest_event": largest}


def _voice_names(
    voices: pd.DataFrame, voice_labels: dict[str, str], source_labels: dict[str, str]
) -> dict[str, str]:
    """How the argument names the voice of an independent report (``weighing`` voice key): a
    person or body by name and affiliation, a text's own voice by the text's name."""
    names = {f"text:{s}": label for s, label in source_labels.items()}
    for v in _plain_rows(voices[["voice_id", "kind", "voice_key"]]):
        if v.kind not in ("outlet", "group") and v.voice_id in voice_labels:
            names.setdefault(str(v.voice_key), voice_labels[v.voice_id])
    return names


def _stakes_context(
    evidence: pd.DataFrame, voices: pd.DataFrame, voice_names: dict[str, str]
) -> dict[str, list[str]]:
    """Per camp, the named voices whose affiliation the texts state (a government, a company,
    a firm), weightiest first: the weighing discounts by kind of text, never by the speaker's
    stake, and the brief names them so that a reader can."""
    if "affiliation" not in voices.columns:
        return {camp: [] for camp in weighing.CAMPS}
    affiliated = set(
        voices.loc[voices["affiliation"].notna() & ~voices["kind"].isin(["outlet", "group"]),
                   "voice_key"]
    )  # fmt: skip
    out = {}
    for camp in weighing.CAMPS:
        ours = evidence[(evidence["stance"] == camp) & evidence["voice_key"].isin(affiliated)]
        weight = ours.groupby("voice_key", sort=False)["weight"].sum()
        ranked = sorted(weight.index, key=lambda k: -weight[k])
        out[camp] = [voice_names[k] for k in ranked if k in voice_names]
    return out


def _tellings(evidence: pd.DataFrame, figures: pd.DataFrame, fact_claims: set[str]) -> dict:
    """The texts and tellings of the independent report that holds a retold fact: every figure
    of that report (one voice at one event) with the fact's unit, bound and number, in every
    text, whether or not the fact's table links it (a text that changes the horizon or the
    rival is kept out of the fact, but it still tells the remark)."""
    holding = evidence[evidence["claim_ids"].map(lambda ids: bool(set(ids) & fact_claims))]
    if not len(holding):
        return {"n_texts": 0, "n_tellings": 0, "periods": []}
    ids = {c for r in holding.itertuples(index=False) for c in r.claim_ids}
    mine = figures[figures["claim_id"].isin(ids)]
    first = figures[figures["claim_id"].isin(fact_claims)].iloc[0]

    def number(frame: pd.DataFrame) -> pd.Series:
        value = frame["value"]
        return frame["high"].where(frame["high"].notna(), value) if "high" in frame else value

    same = mine[
        (mine["unit"] == first["unit"])
        & (mine["bound"] == first["bound"])
        & (number(mine) == number(first.to_frame().T).iloc[0])
    ]
    periods = [brief.escape_text(p) for p in pd.unique(same["period"].dropna())]
    return {"n_texts": same["source_id"].nunique(), "n_tellings": len(same), "periods": periods}


def argument_context(
    t: dict[str, pd.DataFrame],
    reports: pd.DataFrame,
    source_labels: dict[str, str],
    voice_labels: dict[str, str],
    layers: pd.DataFrame | None = None,
    *,
    evidence: pd.DataFrame | None = None,
    stored: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The weighed evidence for the takeaways and the argument (:mod:`gapstudy.weighing`): a
    lean per layer and per dimension, what each camp rests on, robustness, source quality
    (:func:`_weighing` says what ``layers``, ``evidence`` and ``stored`` are)."""
    layers, evidence, weighed, robust = _weighing(t, layers, evidence, stored)
    index = weighing.EvidenceIndex(t)
    claims = t["claims"]
    claim_sources = dict(
        zip(claims["claim_id"].tolist(), claims["source_id"].tolist(), strict=True)
    )
    looked_up = _camp_lookups(t)
    layer_rows = weighed[weighed["scope"] == "layer"] if len(weighed) else weighed
    by_layer = {k: g for k, g in layers.groupby("layer_id", sort=False)}
    voice_names = _voice_names(t["voices"], voice_labels, source_labels)
    contexts = [
        _layer_context(
            by_layer[r.subject],
            r,
            t,
            reports,
            weighed,
            robust,
            source_labels,
            evidence,
            voice_names,
            index,
            claim_sources,
            looked_up,
        )  # fmt: skip
        for r in layer_rows.itertuples(index=False)
    ]
    dims = weighed[weighed["scope"] == "dimension"] if len(weighed) else weighed
    lead: dict[str, list[str]] = {}
    for camp in weighing.CAMPS:
        if not len(dims):
            lead[camp] = []
            continue
        ranked = dims[dims[f"{camp}_weight"] > 0].sort_values(
            f"{camp}_weight", ascending=False, kind="stable"
        )
        lead[camp] = list(ranked["subject"][:3])
    keys = {}
    for r in evidence.itertuples(index=False):
        for c in r.claim_ids:
            keys[c] = f"{r.voice_key}@{r.event_key}"
    events = t.get("source_events")
    n_events = events["event_id"].nunique() if events is not None and len(events) else 0
    return {
        "layers": contexts,
        "base": _base_context(t, robust, contexts, source_labels),
        "argued": [c for c in contexts if c["lean"] != "thin"],
        "is_thin": all(c["lean"] == "thin" for c in contexts),
        "lead_dimensions": lead,
        "quality": _quality_context(t, evidence, source_labels),
        "stakes": _stakes_context(evidence, t["voices"], voice_names),
        "opinion_leans": _opinion_leans(contexts),
        "retold": _retold_context(reports, t, keys, voice_labels, evidence),
        "n_sources": len(t["sources"]),
        "texts": [
            {"label": source_labels[s], "href": f"sources/{s}.html"}
            for s in t["sources"]["source_id"]
        ],
        "n_events": int(n_events),
        "n_reports": len(evidence),
        "n_claims": int(evidence["n_claims"].sum()) if len(evidence) else 0,
        "weights": {k: v for k, v in weighing.KIND_WEIGHTS.items()},
        "lean_share": weighing.LEAN_SHARE,
    }


def _weighing(
    t: dict[str, pd.DataFrame],
    layers: pd.DataFrame | None,
    evidence: pd.DataFrame | None,
    stored: pd.DataFrame | None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The layers (default ``data/layers.yaml``), the independent reports of ``t`` (made here
    unless given as ``evidence``), the leans they give and their robustness: the robustness
    table written for these very texts and layers (``stored``) when it fits
    (:func:`_stored_robustness`), else weighed again."""
    layers = weighing.load_layers() if layers is None else layers
    evidence = weighing.independent_reports(t) if evidence is None else evidence
    weighed = weighing.leans(evidence, layers)
    robust = _stored_robustness(stored, weighed, t)
    if robust is None:
        robust = weighing.robustness(t, layers, evidence)
    return layers, evidence, weighed, robust


def _stored_robustness(
    stored: pd.DataFrame | None, weighed: pd.DataFrame, t: dict[str, pd.DataFrame]
) -> pd.DataFrame | None:
    """The robustness table ``gapstudy tables`` wrote, as :func:`weighing.robustness` makes it
    from the texts ``t`` (its columns and dtypes), when it may stand for weighing them again:
    row for row, it leaves out what the weighing of ``t`` leaves out, in the same order, and
    gives the leans weighed now (``weighed``) as the leans on every text; otherwise ``None``
    (the caller weighs). The caller hands it only when the run reads every text with the
    layers file the table was written with."""
    if stored is None or list(stored.columns) != weighing.ROBUSTNESS_COLUMNS or not len(weighed):
        return None
    base = list(zip(weighed["scope"], weighed["subject"], weighed["lean"], strict=True))
    expected = [
        (scope, subject, kind, what, lean)
        for kind, what in weighing.left_out_in_turn(t)
        for scope, subject, lean in base
    ]
    columns = ("scope", "subject", "left_out_kind", "left_out", "lean_all")
    if len(stored) != len(expected):
        return None
    if list(zip(*(stored[c].tolist() for c in columns), strict=True)) != expected:
        return None
    frame = stored.astype(
        {c: object for c in weighing.ROBUSTNESS_COLUMNS if c != "is_changed"}
    ).astype({"is_changed": bool})
    return frame.reset_index(drop=True)


def _lede_context(
    t: dict[str, pd.DataFrame],
    claims: pd.DataFrame,
    sections: list[dict[str, Any]],
    disputes: list[dict[str, Any]],
    source_labels: dict[str, str],
) -> dict[str, Any]:
    """The lede's counts: texts and their dates, the camps' claims (``claims``), the texts
    that measure, the disputes, and the measures of the dimension ``sections``."""
    dated = t["sources"]["published"].dropna().sort_values()
    derived = t.get("derived_measures")
    measure_sources = (
        [source_labels[s] for s in pd.unique(derived["source_id"])] if derived is not None else []
    )
    return {
        "n_sources": len(t["sources"]),
        "first_published": dated.iloc[0] if len(dated) else None,
        "last_published": dated.iloc[-1] if len(dated) else None,
        "n_undated": int(t["sources"]["published"].isna().sum()),
        "n_claims": len(claims),
        "n_camp": {c: int((claims["stance"] == c).sum()) for c in brief.CAMPS},
        "measure_sources": measure_sources,
        "contradictions": [d["question"] for d in disputes if d["kind"] == "contradiction"],
        "n_divergences": sum(d["kind"] == "divergence" for d in disputes),
        "measures": {
            c: [m for s in sections for m in s["camps"][i]["measures"]]
            for i, c in enumerate(brief.CAMPS)
        },
    }


def _without_comments(t: dict[str, pd.DataFrame], is_comment: pd.Series) -> dict[str, pd.DataFrame]:
    """``t`` without readers' comments (``is_comment``: which claims are), the texts the
    weighing and the camps' sections read."""
    return {
        **t,
        "claims": t["claims"][~is_comment],
        "figures": t["figures"][~t["figures"]["is_reader_comment"].fillna(False).astype(bool)],
        "voices": t["voices"][~t["voices"]["is_reader_comment"].fillna(False).astype(bool)],
    }


def _comment_list(
    comments: pd.DataFrame | None, voice_labels: dict[str, str]
) -> list[dict[str, Any]]:
    """Readers' comments as the brief lists them (none unless the run reads them)."""
    if comments is None:
        return []
    return [
        {
            "who": voice_labels[c.voice_id],
            "stance": c.stance,
            "dimension": c.dimension,
            "quote": brief.escape_text(c.quote),
        }
        for c in comments.itertuples(index=False)
    ]


def build_brief_context(
    tables: dict[str, pd.DataFrame],
    *,
    sources: list[str] | None = None,
    include_comments: bool = False,
    as_of: str | None = None,
    layers: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """Everything the brief's templates word, computed from ``tables`` for the run's parameters
    (see the module docstring). Needs ``sources``, ``voices``, ``claims`` and ``figures``; uses
    ``derived_measures``, ``fact_values``, ``disagreements``, ``reference_checks`` and
    ``source_events`` when given. ``layers`` defaults to ``data/layers.yaml``."""
    _, left_out = select_sources(tables["sources"], include=sources, as_of=as_of)
    everything = filter_tables(tables, include_comments=True)
    t = filter_tables(tables, sources=sources, include_comments=include_comments, as_of=as_of)
    all_labels = brief.label_sources(tables["sources"])
    source_labels = {s: all_labels[s] for s in t["sources"]["source_id"]}
    is_comment = t["claims"]["is_reader_comment"].fillna(False).astype(bool)
    experts = _without_comments(t, is_comment)
    voice_labels = _voice_labels(t["voices"], source_labels)
    by_camp = brief.count_claims_by_camp(experts["claims"])
    reports = brief.group_reports(experts["figures"], t["sources"])
    sections = _dimension_sections(experts, by_camp, reports, source_labels, voice_labels)
    overlap = brief.summarise_overlap(by_camp)
    # Made once; the same for ``t`` unless the run reads the comments (the headline reads it).
    evidence = weighing.independent_reports(experts)
    told = None if include_comments else evidence
    headline = _headline_context(reports, t, experts["figures"], source_labels, voice_labels, told)
    _share_tellings(sections, headline)
    claims = experts["claims"]
    comments = _comment_list(t["claims"][is_comment] if include_comments else None, voice_labels)
    section_dims = {x["dimension"] for x in sections}
    disputes = list_disagreements(t.get("disagreements"), experts["figures"], source_labels)
    # The table written by ``gapstudy tables`` weighs every text, with the layers file.
    stored = tables.get(STORED_ROBUSTNESS) if layers is None and not left_out else None
    other_disagreements = [d for d in disputes if d["dimension"] not in section_dims]
    return {
        "parameters": {
            "sources": source_labels,
            "as_of": str(brief.escape_text(as_of)) if as_of else None,
            "include_comments": include_comments,
        },
        "lede": {
            **_lede_context(t, claims, sections, disputes, source_labels),
            "overlap": overlap,
            "headline": headline,
        },
        "sections": sections,
        "common": _common_ground(sections, reports),
        "voices": _shifting_voices(experts["voices"], claims, source_labels),
        "caveats": _caveats(
            experts,
            everything,
            reports,
            left_out,
            include_comments,
            source_labels,
            all_labels,
            evidence=evidence,
        ),
        "comments": comments,
        "other_disagreements": other_disagreements,
        "out_of_date": list_out_of_date(t.get("out_of_date"), source_labels),
        "stances": vocab.STANCES,
        "argument": argument_context(
            experts, reports, source_labels, voice_labels, layers, evidence=evidence, stored=stored
        ),
    }


def render_brief(context: dict[str, Any], *, template_dir: Path | None = None) -> str:
    """The brief's Markdown from its context, worded by the templates in ``template_dir``
    (default: ``gapstudy/templates/narrative``)."""
    text = _environment(template_dir).get_template(TEMPLATE_NAME).render(**context)
    text = re.sub(r"[ \t]+\n", "\n", re.sub(r"(?<=\S)  +(?=\S)", " ", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


BRIEF_PARTS = {
    "takeaways": "takeaways.md.j2",
    "argument": "argument.md.j2",
    "details": TEMPLATE_NAME,
}


def render_parts(
    context: dict[str, Any],
    *,
    template_dir: Path | None = None,
    names: tuple[str, ...] = tuple(BRIEF_PARTS),
) -> dict[str, str]:
    """The brief's parts in Markdown (``names``, default all three): the key takeaways, the
    argument, and the detail (every dimension, voice and caveat) the page folds below it.

    A part over its word budget (:func:`is_within_budget`) is worded again with shorter lists;
    if even the shortest is over, that wording is kept (the tests hold the real corpus to it)."""
    parts, environments = {}, {}
    for name in names:
        for limit in (LIST_SHOWN, *SHORTER_LISTS):
            if limit not in environments:
                environments[limit] = _environment(template_dir, limit)
            parts[name] = _render_part(environments[limit], name, context)
            if is_within_budget(name, parts[name]):
                break
    return parts


def _render_part(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    text = env.get_template(BRIEF_PARTS[name]).render(**context)
    text = re.sub(r"[ \t]+\n", "\n", re.sub(r"(?<=\S)  +(?=\S)", " ", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def write_brief(
    tables: dict[str, pd.DataFrame],
    *,
    sources: list[str] | None = None,
    include_comments: bool = False,
    as_of: str | None = None,
    layers: pd.DataFrame | None = None,
    template_dir: Path | None = None,
) -> dict[str, str]:
    """The brief's parts (``takeaways``, ``argument``, ``details``) in Markdown, for the
    sources read (see the module docstring for the parameters)."""
    context = build_brief_context(
        tables, sources=sources, include_comments=include_comments, as_of=as_of, layers=layers
    )
    return render_parts(context, template_dir=template_dir)


def write_narrative(
    tables: dict[str, pd.DataFrame],
    *,
    sources: list[str] | None = None,
    include_comments: bool = False,
    as_of: str | None = None,
    template_dir: Path | None = None,
) -> str:
    """The analyst's brief on the optimists and the skeptics, in Markdown, for the sources read
    (see the module docstring for the parameters)."""
    context = build_brief_context(
        tables, sources=sources, include_comments=include_comments, as_of=as_of
    )
    return render_brief(context, template_dir=template_dir)
