"""Stage 5: the viewpoint narrative, written from the tables by code.

:func:`write_narrative` compares the optimists (China is catching up) with the skeptics (the gap
persists or widens): who they are, which dimensions of the gap they speak of, and which figures
they cite. Every number in the text is copied from a table row and cited by its id, so nothing
is typed in; change the tables or the parameters and the text follows.

Which sources are read (:func:`select_sources`):

- ``sources``: the source ids to read; empty or ``None`` means all. An unknown id is an error.
- ``as_of``: an ISO date (``YYYY-MM-DD``). A source is read when it could have been published
  by then, i.e. the first day its date allows is on or before ``as_of`` (a source dated
  ``2026-01`` is read as of ``2026-01-15``). Undated sources are left out whenever ``as_of`` is
  set, since nothing places them before the cut-off; without ``as_of`` they are read.
- ``include_comments``: reader comments (their voices, claims and figures) are left out unless
  this is true; when true, they get a section of their own.

Article text (quotes, figures as written, names) is escaped for HTML and Markdown before it
enters the text, so markup in a quote is shown, never rendered, and '$' never starts math.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pandas as pd

from gapstudy import vocab
from gapstudy.exceptions import ParameterError
from gapstudy.paths import ProjectPaths

CAMPS = ("optimist", "skeptic")
CAMP_TITLES = {"optimist": "Optimists", "skeptic": "Skeptics", "mixed": "Mixed views"}
_UNIT_WORDS = {"fold": "times", "percentage_point": "percentage points", "percent": "percent"}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]#|$~])")


def escape_text(text: Any) -> str:
    """Text from an article or an annotation, safe inside Markdown rendered to HTML: ``<``,
    ``>`` and ``&`` become entities and Markdown's special characters (including ``$``, which
    notebooks read as math) are backslash-escaped."""
    return html.escape(_MARKDOWN_SPECIALS.sub(r"\\\1", str(text)), quote=False)


def _is_missing(x: Any) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and x != x)


def _first_day(published: str) -> dt.date:
    parts = [int(p) for p in str(published).split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def parse_as_of(as_of: str | None) -> dt.date | None:
    """``as_of`` as a date; ``None`` or ``""`` means no cut-off. Raises :class:`ParameterError`."""
    if as_of is None or as_of == "":
        return None
    try:
        return dt.date.fromisoformat(str(as_of))
    except ValueError as err:
        raise ParameterError(f"as_of {as_of!r} is not an ISO date (YYYY-MM-DD) or ''") from err


def select_sources(
    sources: pd.DataFrame, *, include: list[str] | None = None, as_of: str | None = None
) -> tuple[list[str], dict[str, str]]:
    """The ids of the sources read, in table order, and for each one left out, why."""
    known = list(sources["source_id"])
    unknown = sorted(set(include or []) - set(known))
    if unknown:
        raise ParameterError(f"unknown source id(s) {unknown}; known: {', '.join(known)}")
    cut_off = parse_as_of(as_of)
    kept: list[str] = []
    left_out: dict[str, str] = {}
    for row in sources.itertuples(index=False):
        if include and row.source_id not in include:
            left_out[row.source_id] = "not selected"
        elif cut_off is not None and _is_missing(row.published):
            left_out[row.source_id] = f"undated, so it cannot be placed before {cut_off}"
        elif cut_off is not None and _first_day(row.published) > cut_off:
            left_out[row.source_id] = f"published {row.published}, after {cut_off}"
        else:
            kept.append(row.source_id)
    return kept, left_out


def filter_tables(
    tables: dict[str, pd.DataFrame],
    *,
    sources: list[str] | None = None,
    include_comments: bool = False,
    as_of: str | None = None,
) -> dict[str, pd.DataFrame]:
    """``tables`` restricted to the sources read and, unless ``include_comments``, without
    reader comments. Derived measures go when either input figure goes. Per-fact summaries in
    ``fact_values`` are not recomputed: call :func:`gapstudy.facts.reconcile_facts` on the
    filtered figures and claims for that."""
    kept, _ = select_sources(tables["sources"], include=sources, as_of=as_of)
    result: dict[str, pd.DataFrame] = {}
    for name, frame in tables.items():
        if "source_id" in frame.columns:
            frame = frame[frame["source_id"].isin(kept)]
        if not include_comments and "is_reader_comment" in frame.columns:
            frame = frame[~frame["is_reader_comment"].fillna(False).astype(bool)]
        result[name] = frame.reset_index(drop=True)
    if "fact_values" in result and "claims" in result:
        fv = result["fact_values"]
        result["fact_values"] = fv[fv["claim_id"].isin(result["claims"]["claim_id"])].reset_index(
            drop=True
        )
    if "derived_measures" in result and "figures" in result:
        dm, ids = result["derived_measures"], set(result["figures"]["figure_id"])
        keep = dm["numerator_figure_id"].isin(ids) & dm["denominator_figure_id"].isin(ids)
        result["derived_measures"] = dm[keep].reset_index(drop=True)
    return result


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


def _dimensions_by_frequency(dimensions: pd.Series) -> str:
    """Dimensions named from the most to the least cited; ties in vocabulary order."""
    order = {d: n for n, d in enumerate(vocab.DIMENSIONS)}
    counts = dimensions.value_counts()
    ranked = sorted(counts.index, key=lambda d: (-counts[d], order[d]))
    return ", ".join(d.replace("_", " ") for d in ranked)


def _dimension_list(dimensions: set[str]) -> str:
    return ", ".join(d.replace("_", " ") for d in vocab.DIMENSIONS if d in dimensions)


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
    A voice heard in several sources is one row per stance it takes. Rows follow
    ``vocab.STANCES``, then the order voices first appear in."""
    voices, claims, figures = tables["voices"], tables["claims"], tables["figures"]
    rows = []
    for stance in vocab.STANCES:
        group = voices[voices["stance"] == stance]
        for key in pd.unique(group["voice_key"]):
            same = group[group["voice_key"] == key]
            ids = set(same["voice_id"])

            def first(column: str, same: pd.DataFrame = same) -> Any:
                values = same[column].dropna()
                return values.iloc[0] if len(values) else None

            rows.append(
                {
                    "stance": stance,
                    "voice_key": key,
                    "name": first("name"),
                    "kind": first("kind"),
                    "affiliation": first("affiliation"),
                    "role": first("role"),
                    "source_ids": ", ".join(pd.unique(same["source_id"])),
                    "dimensions": _dimension_list(
                        set(claims[claims["voice_id"].isin(ids)]["dimension"])
                    ),
                    "figures": "; ".join(figures[figures["voice_id"].isin(ids)]["text"]),
                }
            )
    return pd.DataFrame(rows, columns=list(VIEWPOINT_COLUMNS)).astype("string")


def format_measure(value: float, unit: str) -> str:
    """A derived measure to three significant digits, with its unit in words."""
    return f"{float(value):.3g} {_UNIT_WORDS.get(unit, unit)}"


def _source_line(row: Any) -> str:
    parts = [escape_text(row.outlet) if not _is_missing(row.outlet) else None]
    if _is_missing(row.published):
        parts.append("undated")
    else:
        parts.append(f"{row.published}{', inferred' if row.is_date_inferred else ''}")
    return f"`{row.source_id}` ({', '.join(p for p in parts if p)})"


def _who(view: pd.DataFrame, stance: str) -> list[str]:
    lines = []
    for row in view[view["stance"] == stance].itertuples(index=False):
        details = [escape_text(x) for x in (row.affiliation, row.role) if not _is_missing(x)]
        about = f" — {', '.join(details)}" if details else ""
        sources = ", ".join(f"`{s}`" for s in row.source_ids.split(", "))
        lines.append(f"- **{escape_text(row.name)}**{about} [{sources}]")
    return lines


def _figure_line(fig: Any, names: dict[str, str]) -> str:
    pair = f"{fig.entity} vs {fig.counterpart}" if not _is_missing(fig.counterpart) else fig.entity
    when = f", {escape_text(fig.period)}" if not _is_missing(fig.period) else ""
    who = escape_text(names.get(fig.voice_id, fig.voice_id))
    return (
        f"- *{fig.dimension.replace('_', ' ')}* — {who}:"
        f" “{escape_text(fig.text)}”, {escape_text(fig.metric)} ({escape_text(pair)}{when})"
        f" [`{fig.figure_id}`]"
    )


def write_narrative(
    tables: dict[str, pd.DataFrame],
    *,
    sources: list[str] | None = None,
    include_comments: bool = False,
    as_of: str | None = None,
) -> str:
    """The optimist/skeptic narrative, in Markdown, for the sources read (see the module
    docstring for the parameters). Needs the ``sources``, ``voices``, ``claims`` and
    ``figures`` tables; uses ``derived_measures`` when given."""
    _, left_out = select_sources(tables["sources"], include=sources, as_of=as_of)
    t = filter_tables(tables, sources=sources, include_comments=include_comments, as_of=as_of)
    voices, claims, figures = t["voices"], t["claims"], t["figures"]
    experts = {
        name: frame[~frame["is_reader_comment"].astype(bool)]
        for name, frame in (("voices", voices), ("claims", claims), ("figures", figures))
    }
    names = dict(zip(voices["voice_id"], voices["name"], strict=True))
    out: list[str] = ["## Optimists and skeptics", ""]

    read = t["sources"]
    out.append(
        "**Sources read:** "
        + ("; ".join(_source_line(r) for r in read.itertuples()) or "none")
        + "."
    )
    if left_out:
        out.append("")
        out.append(
            "**Left out:** " + "; ".join(f"`{s}` ({why})" for s, why in left_out.items()) + "."
        )
    out.append("")
    out.append(
        "**Reader comments:** "
        + ("included, in a section of their own." if include_comments else "left out.")
    )

    view = viewpoint_table({**t, **experts})
    out += ["", "### Who speaks", ""]
    for stance in (*CAMPS, "mixed"):
        lines = _who(view, stance)
        if stance == "mixed" and not lines:
            continue
        out.append(f"**{CAMP_TITLES[stance]}** ({vocab.STANCES[stance]}):")
        out.append("")
        out += lines or [f"- No {stance} voice in the sources read."]
        out.append("")

    out += ["### Where they look", ""]
    camp_claims = {s: experts["claims"][experts["claims"]["stance"] == s] for s in CAMPS}
    cited = {s: set(camp_claims[s]["dimension"]) for s in CAMPS}
    for stance in CAMPS:
        listed = _dimensions_by_frequency(camp_claims[stance]["dimension"]) or "nothing"
        out.append(f"- {CAMP_TITLES[stance]}' claims concern, most often first: {listed}.")
    both = cited["optimist"] & cited["skeptic"]
    out.append(f"- Both camps speak of: {_dimension_list(both) or 'no common dimension'}.")
    for stance, other in (CAMPS, CAMPS[::-1]):
        only = cited[stance] - cited[other]
        if only:
            out.append(f"- Only {CAMP_TITLES[stance].lower()} speak of: {_dimension_list(only)}.")

    out += ["", "### The figures they cite", ""]
    order = {d: n for n, d in enumerate(vocab.DIMENSIONS)}
    source_order = {s: n for n, s in enumerate(t["sources"]["source_id"])}
    for stance in CAMPS:
        picked = experts["figures"][experts["figures"]["stance"] == stance]
        picked = picked.assign(
            _d=picked["dimension"].map(order), _s=picked["source_id"].map(source_order)
        ).sort_values(["_d", "_s", "line", "char_start", "figure_id"], kind="stable")
        out.append(f"**{CAMP_TITLES[stance]}**")
        out.append("")
        out += [_figure_line(f, names) for f in picked.itertuples(index=False)] or [
            f"- No figure cited in {stance} claims."
        ]
        out.append("")

    derived = t.get("derived_measures")
    if derived is not None and len(derived):
        out += ["### Gap measures computed from these figures", ""]
        for m in derived.itertuples(index=False):
            op = "÷" if m.operation == "ratio" else "minus"
            out.append(
                f"- {m.stance}: {escape_text(m.description)}: {format_measure(m.value, m.unit)}"
                f" (“{escape_text(m.numerator_text)}” {op} “{escape_text(m.denominator_text)}”)"
                f" [`{m.measure_id}`]"
            )
        out.append("")

    if include_comments:
        out += ["### Readers' comments", ""]
        readers = claims[claims["is_reader_comment"].astype(bool)]
        for c in readers.itertuples(index=False):
            out.append(
                f"- **{escape_text(names.get(c.voice_id, c.voice_id))}** ({c.stance},"
                f" {c.dimension.replace('_', ' ')}): “{escape_text(c.quote)}” [`{c.claim_id}`]"
            )
        if not len(readers):
            out.append("- No reader comment in the sources read.")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
