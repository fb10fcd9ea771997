"""Controlled vocabularies, declared once.

The annotation loader, the validator, the table schemas (and so ``datapackage.json``) and the
tests all read these mappings; each maps a term to a one-line definition.
"""

from __future__ import annotations

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

# What kind of text a source is: how much it weighs as evidence (rules and examples in
# docs/annotations.md, "Sources as evidence").
SOURCE_KINDS: dict[str, str] = {
    "original_report": "an outlet's own report of what it attended, asked or obtained",
    "repost": "another outlet's report republished, whole, cut or rewritten, by a third party",
    "aggregator": "a text compiled from others' reports and published data, with no reporting"
    " of its own",
    "commentary": "an author's own analysis or opinion, arguing a view from public facts",
    "promotional": "a text that sells its reader a product or service, whatever it also reports",
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
    "usd": "US dollars ('$', 'US$', 'dollars'; a bare '$' is read as US dollars)",
    "cny": "Chinese yuan renminbi ('yuan', 'RMB', 'CNY', 'CN¥')",
    "eur": "euros ('€', 'euros', 'EUR')",
    "gbp": "pounds sterling ('£', 'pounds', 'GBP')",
    "hkd": "Hong Kong dollars ('HK$', 'HKD')",
    "jpy": "Japanese yen ('yen', 'JPY', 'JP¥'); a bare '¥' is refused: it writes yuan and yen",
    "twd": "New Taiwan dollars ('NT$', 'TWD')",
    "percent": "percent (of a whole, or a probability)",
    "percentage_point": "percentage points (a difference of two percentages)",
    "count": "a plain count",
    "fold": (
        "a multiplier: the ratio new/old (or this/that); 10 fold = ten times. A change in "
        "fold is the factor, not the rise: doubled = 2 fold = a rise of 100 percent, and "
        "'more than doubled' (low 2) is a rise of more than 100 percent, not a threefold rise"
    ),
    "exabyte": "exabytes (10^18 bytes)",
    "gigawatt": "gigawatts (10^9 watts)",
    "year": "years",
    "month": "months",
}

# The only readings of a unit an annotator may override, as (unit as written, unit as meant):
# a lead or gap between two percentage scores written "17.5%" is 17.5 percentage points.
UNIT_REINTERPRETATIONS: dict[tuple[str, str], str] = {
    ("percent", "percentage_point"): "a difference of two percentages written with '%'",
}

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}

# Each qualifier's effect on the number it modifies (how gapstudy.figures sets bound, value,
# low and high from the number n):
#   "exact"          emphasis only, the number is the value ("just" meaning only, "a mere");
#   "approximate"    the number is the value, stated as approximate ("about", "an estimated");
#   "upper"/"lower"  the number is a bound, the value is unknown ("below", "more than");
#   "upper_reached"  the number is the value reached and the top of the range ("as much as"):
#                    value n, high n, bound upper;
#   "lower_reached"  the same at the bottom ("as little as"): value n, low n, bound lower;
#   "approximate_upper_reached"  a reached top that is itself approximate ("as much as
#                    nearly"): value n, high n, bound approximate.
# Stacked qualifiers are read only as the phrases listed here, joined by a space.
QUALIFIERS: dict[str, str] = {
    # upper bounds
    "below": "upper",
    "under": "upper",
    "less than": "upper",
    "fewer than": "upper",
    "sub": "upper",
    "up to": "upper",
    "at most": "upper",
    "within": "upper",
    "no more than": "upper",
    "not exceed": "upper",
    "not exceeding": "upper",
    "not to exceed": "upper",
    "not more than": "upper",
    "no higher than": "upper",
    "a maximum of": "upper",
    "a maximum": "upper",
    "or less": "upper",
    "max": "upper",
    "tops": "upper",
    "or fewer": "upper",
    "or below": "upper",
    "or lower": "upper",
    "and below": "upper",
    "up to approximately": "upper",
    "up to about": "upper",
    "up to roughly": "upper",
    "shy of": "upper",
    "just under": "upper",
    "just below": "upper",
    "just shy of": "upper",
    "just short of": "upper",
    "well below": "upper",
    "well under": "upper",
    # lower bounds
    "over": "lower",
    "more than": "lower",
    "greater than": "lower",
    "at least": "lower",
    "above": "lower",
    "exceeding": "lower",
    "exceeded": "lower",
    "exceed": "lower",
    "exceeds": "lower",
    "surpassed": "lower",
    "in excess of": "lower",
    "upwards of": "lower",
    "upward of": "lower",
    "north of": "lower",
    "topping": "lower",
    "surpassing": "lower",
    "no less than": "lower",
    "not less than": "lower",
    "no fewer than": "lower",
    "a minimum of": "lower",
    "a minimum": "lower",
    "or more": "lower",
    "and counting": "lower",
    "or above": "lower",
    "or higher": "lower",
    "or greater": "lower",
    "and above": "lower",
    "plus": "lower",
    "+": "lower",
    "just over": "lower",
    "just above": "lower",
    "well over": "lower",
    "well above": "lower",
    # approximate values
    "nearly": "approximate",
    "almost": "approximate",
    "roughly": "approximate",
    "approximately": "approximate",
    "about": "approximate",
    "around": "approximate",
    "close to": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "approaching": "approximate",
    "near": "approximate",
    "~": "approximate",
    "approx": "approximate",
    "approx.": "approximate",
    "or so": "approximate",
    "or thereabouts": "approximate",
    # emphasis: the number is exact
    "just": "exact",
    "only": "exact",
    "a mere": "exact",
    "mere": "exact",
    "merely": "exact",
    "reported": "exact",
    "a reported": "exact",
    "minuscule": "exact",
    "miniscule": "exact",
    "paltry": "exact",
    "whopping": "exact",
    "a whopping": "exact",
    "staggering": "exact",
    "massive": "exact",
    "hefty": "exact",
    "modest": "exact",
    "solid": "exact",
    # a stated extreme: the number is the value and one end
    "as much as": "upper_reached",
    "as many as": "upper_reached",
    "as high as": "upper_reached",
    "as wide as": "upper_reached",
    "as large as": "upper_reached",
    "as little as": "lower_reached",
    "as few as": "lower_reached",
    "as low as": "lower_reached",
    "as much as nearly": "approximate_upper_reached",
    "as much as almost": "approximate_upper_reached",
    "as many as nearly": "approximate_upper_reached",
    "as high as nearly": "approximate_upper_reached",
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
    "parity": "neither leads: the two are level",
    "none": "no direction is claimed",
}

# Which way the weighed evidence on a dimension or layer points (gapstudy.weighing.decide_lean).
LEANS: dict[str, str] = {
    "us_ahead": "the skeptics carry the weight: the United States leads (some say the lead widens)",
    "narrowing": "the optimists carry the weight, most of it saying the gap is closing",
    "parity": "the optimists carry the weight, most of it saying the two are level",
    "china_ahead": "the optimists carry the weight, most of it saying China leads",
    "contested": "neither camp carries two thirds of the weight",
    "thin": "too few independent reports, or all from one source, to lean either way",
}

STANCES: dict[str, str] = {
    "optimist": "China is catching up; the gap is narrowing or small",
    "skeptic": "the gap persists or widens",
    "mixed": "both, on different dimensions",
    "neutral": "reports without taking a side",
}

DERIVED_OPERATIONS: dict[str, str] = {
    "ratio": "numerator / denominator, in fold; never for percentages or percentage points",
    "difference": "numerator - denominator at one time, e.g. US minus China, in their unit",
    "change": "later (numerator) - earlier (denominator) of one quantity, in their unit",
}

# Every kind needs one question, one period and sides that cannot both hold (the rules of
# gapstudy.judgments; docs/annotations.md, "Facts and disagreements").
DISAGREEMENT_KINDS: dict[str, str] = {
    "contradiction": "statements of fact that cannot both hold of the same thing at the same time",
    "divergence": "opposite judgements on one question for one period",
    "different_report": "one remark or number reported in ways that cannot all be accurate",
}

REFERENCE_STATUSES: dict[str, str] = {
    "matches": "the primary source gives the figure as the text reports it",
    "differs": "the primary source gives another number, unit, measure or period",
    "unverifiable": "the primary source could not be found or does not give the figure",
}

VOICE_KINDS: dict[str, str] = {
    "person": "a named person",
    "organisation": "a company, agency, firm or government body speaking as such",
    "report": "a report, study or data set that is cited",
    "outlet": "the publishing outlet's own voice",
    "group": "an unnamed group whose view the text reports (panelists, insiders, experts)",
    "commenter": "a reader comment's author",
}

# Entities are data, not vocabulary: data/entities.yaml, read by gapstudy.entities.
