"""Controlled vocabularies, declared once.

The annotation loader, the validator, the table schemas (and so ``datapackage.json``) and the
tests all read these mappings; each maps a term to a one-line definition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gapstudy.paths import ProjectPaths

SEGMENT_KINDS: dict[str, str] = {
    "headline": "the article's title, as printed (may appear more than once)",
    "summary": "a machine-written summary printed with the text",
    "byline": "outlet, dateline, author or date lines",
    "heading": "a section heading inside the article",
    "body": "the article's running text: what the analyses read",
    "caption": "an image caption or alt text",
    "comment": "a reader comment, with its author line",
    "boilerplate": "link lists, advertising, disclaimers, comment counters",
}

# Segments whose numeric mentions must each be annotated or excluded: the article's own text.
ANNOTATED_SEGMENT_KINDS: tuple[str, ...] = ("body",)

MENTION_STATUSES: dict[str, str] = {
    "annotated": "inside the words of an annotated figure",
    "excluded": "in body text, excluded from the figures with a reason",
    "open": "in body text, neither annotated nor excluded: a gap in the annotations",
    "out_of_scope": "outside body text (headline, byline, boilerplate...), not annotated by design",
}

DATE_PRECISIONS: dict[str, str] = {
    "day": "the day is known",
    "month": "the month is known, not the day",
    "year": "the year is known, not the month",
    "unknown": "no date can be fixed",
}

PERIOD_PRECISIONS: dict[str, str] = {
    "day": "a single day, e.g. 'As of April 30'",
    "month": "a single month, e.g. 'in January'",
    "part_of_year": "part of a year, e.g. 'late 2023'",
    "year": "a calendar year, e.g. '2024'",
    "range": "a span with two ends, e.g. 'late 2024 to 2025', 'next three to five years'",
    "open": "open-ended, e.g. 'since February 2026'",
    "unknown": "the text does not say when",
}

FIGURE_KINDS: dict[str, str] = {
    "money": "an amount of money",
    "percent": "a share or level given in percent",
    "count": "a number of things",
    "odds": "a probability written as odds ('one-in-five'); normalised to percent",
    "multiplier": "a ratio written as '-fold', 'x' or orders of magnitude",
    "quantity": "a physical quantity with a unit (data volume, power)",
    "change": "a change of something, e.g. 'a 42.86% increase', 'risen by 36%'",
    "duration": "a span of time, e.g. 'three to five years'",
}

UNITS: dict[str, str] = {
    "usd": "US dollars",
    "percent": "percent (of a whole, or a probability)",
    "percentage_point": "percentage points (a difference of two percentages)",
    "count": "a plain count",
    "fold": "a multiplier; 10 fold = ten times",
    "exabyte": "exabytes (10^18 bytes)",
    "gigawatt": "gigawatts (10^9 watts)",
    "year": "years",
    "month": "months",
}

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}

# Each qualifier's effect on the number it modifies: the number becomes an upper bound
# ("upper"), a lower bound ("lower"), or stays the value but approximate ("approximate").
QUALIFIERS: dict[str, str] = {
    "below": "upper",
    "under": "upper",
    "less than": "upper",
    "sub": "upper",
    "up to": "upper",
    "at most": "upper",
    "within": "upper",
    "fewer than": "upper",
    "as much as": "upper",
    "nearly": "approximate",
    "almost": "approximate",
    "roughly": "approximate",
    "approximately": "approximate",
    "about": "approximate",
    "around": "approximate",
    "just": "approximate",
    "over": "lower",
    "more than": "lower",
    "at least": "lower",
    "above": "lower",
    "as little as": "lower",
}

BOUNDS: dict[str, str] = {
    "exact": "the number is stated as is",
    "approximate": "the number is stated as approximate",
    "upper": "the number is an upper bound (value unknown, at most this)",
    "lower": "the number is a lower bound (value unknown, at least this)",
    "range": "two numbers bound the value from both sides",
}

DIMENSIONS: dict[str, str] = {
    "overall_lead": "who leads the race overall, and the odds of overtaking",
    "benchmark_performance": "model quality as measured by benchmarks or evaluations",
    "compute_and_chips": "computing power, accelerators, chipmaking and its tools",
    "capital_and_investment": "private funding, IPO proceeds, capital available",
    "adoption_and_usage": "downloads, usage share, deployed services and applications",
    "open_models": "open-weight models and open-source strategy",
    "talent_and_research": "researchers, papers, patents, paradigms, risk-taking",
    "energy_and_infrastructure": "power capacity, data centres, data volumes",
    "policy": "export controls, state plans, regulation",
    "commercial_outcomes": "revenue, profit, markets, willingness to pay",
    "efficiency": "doing as much with less compute or money",
}

DIRECTIONS: dict[str, str] = {
    "narrowing": "the gap is closing",
    "widening": "the gap is growing",
    "china_ahead": "China leads on this dimension",
    "us_ahead": "the United States leads on this dimension",
    "none": "no direction is claimed",
}

STANCES: dict[str, str] = {
    "optimist": "China is catching up; the gap is narrowing or small",
    "skeptic": "the gap persists or widens",
    "mixed": "both, on different dimensions",
    "neutral": "reports without taking a side",
}

VOICE_KINDS: dict[str, str] = {
    "person": "a named person",
    "organisation": "a company, agency, firm or government body speaking as such",
    "report": "a report, study or data set that is cited",
    "outlet": "the publishing outlet's own voice",
    "commenter": "a reader comment's author",
}

# Entities live in data/entities.yaml (gapstudy.entities), so that researchers extend them.


def canonical_entity(name: str, paths: ProjectPaths | None = None) -> str | None:
    """The canonical name for ``name`` or one of its aliases in ``data/entities.yaml``; ``None``
    if unknown."""
    from gapstudy.entities import load_entities

    return load_entities(paths).canonical(name)
