"""Controlled vocabularies, declared once.

The annotation loader, the validator, the table schemas (and so ``datapackage.json``) and the
tests all read these mappings; each maps a term to a one-line definition.
"""

from __future__ import annotations

SEGMENT_KINDS: dict[str, str] = {
    "headline": "the article's title, as printed (may appear more than once)",
    "summary": "a machine-written summary printed with the text",
    "byline": "outlet, dateline, author or date lines, and a short label above the title",
    "heading": "a section heading inside the article",
    "body": "the article's running text: what the analyses read",
    "caption": "an image caption or alt text",
    "comment": "a reader comment, with its author line",
    "boilerplate": "link lists, advertising, disclaimers, comment counters",
}

# The reason a draft gives a year found as a number: it is excluded, never read as a count.
YEAR_REASON = "a year, not a quantity"
# The reason a draft gives a day of the month ("April 7", "7 April"): a date, never a count.
DATE_REASON = "a day of the month, not a quantity"
# Other numbers that are no quantity, drafted as exclusions with their reason (gapstudy.sentences):
# a chip maker's process ("7nm", "5 nm"), a citation marker ("[4]"), the part of a period that
# "half" names ("the first half of 2025").
PROCESS_REASON = "a chip process's name, not a quantity"
CITATION_REASON = "a citation marker, not a quantity"
PART_OF_PERIOD_REASON = "part of a period ('the first half of 2025'), not a quantity"
# The reason a draft gives a time of day ("07:10", "8 am"): never a count.
TIME_REASON = "a time of day, not a quantity"
# The reason a draft gives a number after a word of rank ("the top 10 LLMs", "No. 1"): it says
# which things are meant, not how much of something there is.
RANK_REASON = "a rank or the size of a ranked group ('No. 1', 'the top 10'), not a quantity"
# Words of position in an order: after "the" (or a possessive) and before a count they choose
# a group by rank ("the first 500 buyers", "the final 300 units", "the most recent 40 filings").
ORDER_WORDS: tuple[str, ...] = (
    *("first", "last", "next", "final", "latest", "earliest", "most recent"),
    "leading",  # "the leading four carriers", as "the four leading carriers"
)
# The reason a draft gives a number that labels a part of a text, a law or a plan ("Section
# 232", "Article 5", "Phase 2") or a date written with dashes ("2024-03-15"): no quantity.
LABEL_REASON = "a label's number ('Section 232', 'Phase 2'), not a quantity"
ISO_DATE_REASON = "a date written with dashes or slashes ('2024-03-15'), not a quantity"
# The reason a draft gives the number of a list item ("3. $15 billion and counting" at the
# start of a line): it orders the list, it counts nothing.
LIST_ITEM_REASON = "a list item's number ('3.' at the start of a line), not a quantity"
# Words with a number in them that are no number at all ("doubling down", "one-shot"), and a
# vague quantity with no number ("double digits", "several"): excluded with these reasons.
IDIOM_REASON = "an idiom ('doubling down', 'one-shot'), not a quantity"
VAGUE_REASON = "vague quantity, no number"
# The reason a draft gives an age or an age group ("adults 65 and up", "aged 18 to 29"): it
# says who is meant, as a ranked group does, not how much of something there is.
AGE_REASON = "an age or an age group ('adults 65 and up', 'aged 18 to 29'), not a quantity"
# The reason a draft gives "one" standing for a thing ("the one that", "this one", "no one").
PRONOUN_REASON = "'one' standing for a thing or a person ('the one that', 'no one'), not a quantity"
# The reason a draft gives a percentage with no word of its own that makes it a level, in a
# sentence that reads a change (docs/annotations.md, "No kind by default"): "Sales fell 4% in
# Ohio, 6% in Iowa" read 6% as a share only because nothing joined it to the fall.
KIND_BY_DEFAULT_REASON = (
    "a bare percentage with no word of its own before it (it follows 'and', 'or', a comma or a "
    "bracket, or opens its clause), in a sentence that reads a change: it may continue that "
    "change or be a level, and no word says which"
)
# What a refusal asks of the annotator: never a value typed in, which only checks a reading.
REFUSAL_ADVICE = "quote the words that give its reading, or exclude the mention"

# Abbreviations whose full stop ends no sentence, compared without that stop: those that
# always lead into what follows ("Dr. Lin", "e.g. chips", "vs. China", "U.S. firms"), and those
# that lead into a number ("No. 1", "Jan. 5", "Fig. 2", "p. 12"), which end none before a digit.
# Declared once for the segment guess of `gapstudy add` and for a draft's sentence.
LEADING_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Prof",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "Lt",
        "Col",
        "Capt",
        "Sgt",
        "Rev",
        "Hon",
        "Pres",
        "St",
        "Mt",
        "Ft",
        "vs",
        "Vs",
        "cf",
        "Cf",
        "e.g",
        "E.g",
        "i.e",
        "I.e",
        "approx",
        "Approx",
        "U.S",
        "U.K",
        "U.N",
        "E.U",
        "U.S.A",
    }
)
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "No",
        "Nos",
        "Fig",
        "fig",
        "Vol",
        "vol",
        "p",
        "pp",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    }
)

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
    "price": "an amount of money per unit of something, e.g. '$0.05/kWh', 'five cents per kWh'",
    "rate": "how often something happens in a period, e.g. 'three times a year'",
}

UNITS: dict[str, str] = {
    "usd": (
        "US dollars ('$', 'US$', 'USD', 'dollars', 'U.S. dollars'; the code may run into the "
        "number, 'USD76 billion'; a bare '$' is read as US dollars)"
    ),
    "cny": "Chinese yuan renminbi ('yuan', 'RMB', 'CNY', 'CN¥')",
    "eur": "euros ('€', 'euros', 'EUR')",
    "gbp": "pounds sterling ('£', 'pounds sterling', 'GBP'; 'pounds' with a word of money)",
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
    "terawatt_hour": "terawatt-hours of energy (10^9 kWh: '140 billion kWh' is 140)",
    "year": "years",
    "month": "months",
    "usd_per_kwh": (
        "US dollars per kilowatt-hour ('$0.05/kWh'; 'cents' and '¢' are hundredths of a US "
        "dollar: 'five cents per kWh' is 0.05)"
    ),
    "cny_per_kwh": "yuan per kilowatt-hour ('0.39 yuan/kWh')",
    "eur_per_kwh": "euros per kilowatt-hour ('€0.20 per kWh')",
    "per_year": "times a year, a rate ('three times a year' is 3 per_year, not a multiplier)",
    "percent_per_year": (
        "a growth rate in percent a year ('grew 30% annually', 'a CAGR of 31.2%'): it compounds, "
        "so 30% a year over seven years is not a change of 30% from start to end"
    ),
    "fold_per_year": "a growth factor a year ('grown by 4.8x per year', 'doubled every year')",
    "usd_per_year": "US dollars a year, a flow ('$50 billion a year', '$30B/yr'), not a stock",
    "cny_per_year": "yuan a year, a flow ('100 billion yuan annually')",
    "eur_per_year": "euros a year, a flow ('€5 billion per year')",
}
# Two letters that, standing apart before a bare "$", name a dollar other than the US one
# ("NZ $40 million"): the amount is refused, never read as US dollars ("US $5 billion" is read).
DOLLAR_COUNTRY_CODES: dict[str, str] = {
    "NZ": "New Zealand dollars",
    "AU": "Australian dollars",
    "CA": "Canadian dollars",
    "HK": "Hong Kong dollars (read only written together: 'HK$')",
    "NT": "New Taiwan dollars (read only written together: 'NT$')",
    "SG": "Singapore dollars",
}
# The units of UNITS that are money (a currency): a change in one of them is a change in money.
MONEY_UNITS: frozenset[str] = frozenset({"usd", "cny", "eur", "gbp", "hkd", "jpy", "twd"})

# Words after a figure that make it a rate a year, each read the same whatever the typography:
# "$50 billion a year", "$30B/yr", "grew 30% annually" (gapstudy.figures reads them, and
# gapstudy.sentences looks for them next to a mention). "year-on-year" is not one of them: it
# names the period a change is measured against (a year earlier), and that change is a total.
PER_YEAR_WORDS: tuple[str, ...] = (
    *("a year", "per year", "each year", "every year", "a yr", "per yr", "/year", "/yr"),
    *("annually", "yearly", "per annum"),
)
# Words before a noun of change or "rate" that make it a rate a year: "an annual increase of
# 8%", "a compound annual growth rate of 31.2%", "a 23% compound annual rate".
ANNUAL_WORDS: tuple[str, ...] = (
    *("compound annual", "compounded annual", "annual", "annualized", "annualised", "yearly"),
)
# The unit of a figure a year, by the unit its amount is written in. A percentage or a
# multiplier a year is a growth rate only where words of change make it one ("grew 30%
# annually"); money a year is a flow only where none do ("rose $5 billion a year" may be a
# rise each year or a rise to a flow, and is refused). Any other amount a year is refused.
PER_YEAR_UNITS: dict[str, str] = {
    "percent": "percent_per_year",
    "fold": "fold_per_year",
    "usd": "usd_per_year",
    "cny": "cny_per_year",
    "eur": "eur_per_year",
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

# Each qualifier's effect on the number n it modifies: how gapstudy.figures sets bound, value,
# low and high from n. Every effect in QUALIFIERS is one of these.
QUALIFIER_EFFECTS: dict[str, str] = {
    "exact": "emphasis only ('just' meaning only, 'a mere'): value n, bound exact",
    "approximate": "stated as approximate ('about', 'an estimated'): value n, bound approximate",
    "upper": "an upper bound, value unknown ('below', 'up to'): high n, bound upper",
    "lower": "a lower bound, value unknown ('more than', 'topped'): low n, bound lower",
    "upper_reached": "a stated extreme reached at the top ('as much as 247%'): the value is "
    "the stated extreme, value n, high n, bound upper",
    "lower_reached": "a stated extreme reached at the bottom ('as little as 5%', 'as low as'): "
    "value n, low n, bound lower",
    "approximate_upper_reached": "a reached top that is itself approximate ('as much as "
    "nearly 30%'): value n, high n, low unknown, bound approximate",
    "approximate_lower_reached": "a reached bottom that is itself approximate (the mirror "
    "of the above on a falling quantity): value n, low n, high unknown, bound approximate",
}
# Stacked qualifiers are read only as the phrases listed here, joined by a space.
# A limit written as a noun before "of" or after the figure ("a minimum duty of 25%", "a 10% cap
# on fees"): the quantity limited is at least (lower) or at most (upper) the figure.
LIMIT_NOUNS: dict[str, str] = {
    "minimum": "lower",
    "floor": "lower",
    "maximum": "upper",
    "ceiling": "upper",
    "cap": "upper",
    "limit": "upper",
}

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
    "<": "upper",
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
    "topped": "lower",
    "tops": "lower",  # the verb before a number ("revenue tops $10 billion")
    "surpassing": "lower",
    # verbs of passing a level, as "surpassed": "market value crossed $1 trillion"
    "surpass": "lower",
    "surpasses": "lower",
    "cross": "lower",
    "crossed": "lower",
    "crossing": "lower",
    "crosses": "lower",
    # "crest" before a number, as "top": "the fleet could crest 400 ships"
    "crest": "lower",
    "crests": "lower",
    "crested": "lower",
    "cresting": "lower",
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
    ">": "lower",
    # approximate values
    "nearly": "approximate",
    "almost": "approximate",
    "roughly": "approximate",
    "approximately": "approximate",
    "about": "approximate",
    "around": "approximate",
    "close to": "approximate",
    "closer to": "approximate",
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
    # words of doubt before a figure state it as a guess: "perhaps three dozen", "maybe 400"
    "perhaps": "approximate",
    "maybe": "approximate",
    "possibly": "approximate",
    "in the region of": "approximate",
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
# Words that soften a bound without moving it: "a little more than 5%" is still more than 5%,
# so each, before a bound of one word or two, keeps that bound ("rose by slightly over 3%").
BOUND_SOFTENERS = ("a little", "a bit", "slightly")
QUALIFIERS |= {
    f"{softener} {bound}": QUALIFIERS[bound]
    for softener in BOUND_SOFTENERS
    for bound in ("more than", "over", "above", "less than", "fewer than", "under", "below")
}

# Direction words, each with the sign it gives a change (+1 up, -1 down). The normaliser reads
# them (gapstudy.figures); the mention finder takes them into a mention (gapstudy.mentions).
# Verbs of change before a number: "rose 5%", "fell by 12%".
CHANGE_VERBS: dict[str, int] = {
    **dict.fromkeys(("rose", "risen", "rise", "rising", "grew", "grown", "grow", "growing"), 1),
    **dict.fromkeys(("increased", "increase", "increasing", "climbed", "climbing"), 1),
    **dict.fromkeys(("gained", "jumped", "jumping", "up", "surged", "surging", "soared"), 1),
    **dict.fromkeys(("soar", "soaring", "expanded", "skyrocketed", "skyrocketing"), 1),
    **dict.fromkeys(("rocketed", "exploded", "ballooned", "leapt", "leaped", "advanced"), 1),
    **dict.fromkeys(("expand", "expands", "expanding"), 1),
    **dict.fromkeys(("added", "rallied", "widened", "rebounded", "spiked", "improved"), 1),
    **dict.fromkeys(("fell", "fallen", "fall", "falling", "dropped", "dropping", "drop"), -1),
    **dict.fromkeys(("declined", "decline", "declining", "decreased", "decreasing"), -1),
    **dict.fromkeys(("shrank", "shrunk", "down", "slid", "slump", "slumped", "plunged"), -1),
    **dict.fromkeys(("plunging", "plummeted", "plummeting", "tumbled", "sank", "dipped"), -1),
    **dict.fromkeys(("lost", "shed", "narrowed", "narrowing", "slipped", "retreated"), -1),
    # the present tense, as headlines write it: "Nvidia gains 6.2%", "exports fall 4%"
    **dict.fromkeys(("rises", "grows", "gains", "gain", "jumps", "jump", "climbs", "climb"), 1),
    **dict.fromkeys(("surges", "surge", "soars", "increases", "advances", "rallies"), 1),
    **dict.fromkeys(("falls", "drops", "declines", "decreases", "slips", "slip", "dips"), -1),
    **dict.fromkeys(("dip", "plunges", "plunge", "tumbles", "tumble", "sinks", "sink"), -1),
    **dict.fromkeys(("slides", "slide", "shrinks", "shrink", "loses"), -1),
    # verbs of a cut: "reduce electricity bills by up to 50 per cent", "slashed prices 30%"
    **dict.fromkeys(("reduce", "reduces", "reduced", "reducing", "slashed", "slashing"), -1),
    **dict.fromkeys(("lowered", "lowering", "trimmed", "trimming"), -1),
    # the other forms in "-ing", "-s" and "-ed" of the verbs above, as the English lexicon gives
    # them ("Shares are sliding 3% today"); base forms that are also nouns or adjectives
    # ("advance", "narrow", "lower", "spike") are left out (tests/test_vocab.py checks the list)
    **dict.fromkeys(("rocketing", "rockets", "exploding", "explodes"), 1),
    **dict.fromkeys(("ballooning", "balloons", "leaping", "leaps", "advancing"), 1),
    **dict.fromkeys(("adding", "adds", "rallying", "widening", "widens"), 1),
    **dict.fromkeys(("rebounding", "rebounds", "spiking", "spikes", "improving"), 1),
    **dict.fromkeys(("improves", "gaining", "skyrockets"), 1),
    **dict.fromkeys(("sliding", "slipping", "dipping", "tumbling", "sinking", "sunk"), -1),
    **dict.fromkeys(("shrinking", "slumping", "slumps", "plummets", "losing", "shedding"), -1),
    **dict.fromkeys(("sheds", "narrows", "retreating", "retreats", "lowers", "trims"), -1),
    **dict.fromkeys(("slashes",), -1),
    # verbs of growth or fall by metaphor, in every form ("Orders mushroomed $4 million")
    **dict.fromkeys(("mushroomed", "mushrooming", "mushrooms", "snowballed", "snowballing"), 1),
    **dict.fromkeys(("snowballs", "swelled", "swollen", "swelling", "swells"), 1),
    **dict.fromkeys(("nosedived", "nosediving", "nosedives"), -1),
}
# Verbs of change that move an amount: after them an amount of money, energy or things is the
# amount moved ("lost $279 billion", "added 500 GW"), and a percentage of a named whole is a
# share ("gained 6% of the market"); a percentage alone is a change ("shares lost 17%").
AMOUNT_VERBS: frozenset[str] = frozenset(
    {"added", "gained", "lost", "shed", "gains", "loses"}
    | {"adds", "adding", "gaining", "losing", "sheds", "shedding"}
)
# Nouns of change after a number: "a 42.86% increase", "a four-fold jump".
CHANGE_NOUNS: dict[str, int] = {
    **dict.fromkeys(("increase", "rise", "gain", "growth", "jump", "surge", "leap"), 1),
    **dict.fromkeys(("boost", "expansion", "spike", "climb", "cagr", "hike", "advance"), 1),
    **dict.fromkeys(("decrease", "decline", "drop", "fall", "cut", "reduction", "plunge"), -1),
    "discount": -1,  # "a 50 per cent discount" is a cut in price: -50 percent
    "uptick": 1,  # "following a 0.2% uptick in April"
    "downtick": -1,
}
# Verbs of change whose base form is also a noun that names a change of a percentage only: "a
# 5% rally", "a slump of 4%" are changes; with a count or money they may name an event or a
# thing ("a rally of 10,000 supporters", "a slide of 40 pages"), refused (gapstudy.figures).
# The verbs' other forms are in CHANGE_VERBS.
PERCENT_CHANGE_NOUNS: dict[str, int] = {
    **dict.fromkeys(("rally", "rebound"), 1),
    **dict.fromkeys(("slump", "dip", "slide", "tumble", "retreat", "slip"), -1),
}
CHANGE_NOUNS.update(PERCENT_CHANGE_NOUNS)
# Nouns that stand for a figure named earlier after "the" with no "of" after them ("half the
# figure seen last spring", "a quarter the rate of 2019"): a fraction before them is a ratio of
# two figures, one not given, and is refused (gapstudy.mentions finds it, gapstudy.sentences
# refuses it).
FIGURE_NAMED_EARLIER_NOUNS: tuple[str, ...] = (
    *("figure", "level", "rate", "pace", "number", "total", "tally", "sum", "amount"),
)
# Adjectives of emphasis that may stand between "a" and a fraction before "of" and change
# nothing ("a notable quarter of all loans" is 25%). Adjectives that may describe a quarter of
# a year ("a record quarter", "a full quarter", "a strong quarter") or shift the value ("a good
# third": a little more) are not here: there "a <adjective> quarter of" makes no mention.
FRACTION_ADJECTIVES: dict[str, str] = {
    word: "emphasis: the fraction is read as if the adjective were absent"
    for word in (
        *("notable", "staggering", "significant", "sizeable", "sizable", "substantial"),
        *("hefty", "remarkable", "striking"),
    )
}
# A fraction with no "of" then "that"/"this" ("half that amount", "a third this size") is of a
# figure named earlier, a multiplier; then a possessive and one of these nouns of measure ("half
# its size", "a quarter their price") it is of a comparator too. With another noun after the
# possessive ("half its revenue", "half their staff") it stays a share of that whole.
# gapstudy.sentence_comparisons refuses the first two (the comparator is outside the mention).
FRACTION_DEMONSTRATIVES: frozenset[str] = frozenset({"that", "this"})
FRACTION_POSSESSIVES: frozenset[str] = frozenset(
    {"its", "their", "his", "her", "our", "my", "your"}
)
FRACTION_MEASURE_NOUNS: frozenset[str] = frozenset(
    {"size", "length", "height", "weight", "price", "cost", "value", "amount", "speed", "pace"}
)
# What a discount or premium may be measured against, after "to", "over", "versus" or
# "against" within four words ("a 15% discount to par", "a premium over the offer price"): a
# gap between two things at one time, refused by gapstudy.sentence_comparisons. Any other
# noun there ("a 40% discount to batch users") is who gets the cut: still a cut.
GAP_COMPARED_NOUNS: frozenset[str] = frozenset(
    {"par", "nav", "value", "price", "prices", "peers", "rivals", "benchmark", "index", "spot"}
)
# Nouns of a group of people picked out by age, after "the" and a range of whole numbers no
# larger than an age ("the 18-24 cohort", "the 25 to 34 bracket"): the range is an age group,
# excluded with AGE_REASON by gapstudy.sentence_nonquantity.
AGE_GROUP_NOUNS: frozenset[str] = frozenset(
    {"cohort", "bracket", "group", "demographic", "band", "category", "segment", "set"}
)
# Nouns that name a fall only beside a bare percentage ("a 3% hit", "a loss of 1.2%"): with
# money or a count they name the amount as written ("a $40 million loss", "a loss of 2,000
# jobs": the sign is the metric's). So they are not in CHANGE_NOUNS (the finder and the parser
# leave them be); gapstudy.sentences reads them beside a percentage, singular or plural.
PERCENT_FALL_NOUNS: dict[str, int] = {"hit": -1, "loss": -1}
# Nouns of a fall in value written off or marked down ("a writedown of 7%", "a 7% markdown"):
# falls beside a bare percentage as "loss" is; with money, the amount written off, as written.
PERCENT_FALL_NOUNS |= dict.fromkeys(
    ("writedown", "write-down", "markdown", "mark-down", "writeoff", "write-off"), -1
)
# Of those, the ones that are verbs too: right after a figure they are the noun only where an
# article or a possessive stands before the figure ("took a 4% hit", "its 6% sales hit");
# else the verb ("Margins of 4% hit a record"), and the figure is read as if it were not there.
PERCENT_NOUNS_ALSO_VERBS: frozenset[str] = frozenset({"hit"})
# Nouns beside a bare percentage that the words do not settle: the figure is refused, naming
# why ("a 14% return": a gain in value over a span, or a yield a year).
UNSETTLED_PERCENT_NOUNS: dict[str, str] = {
    "return": "a gain in value over a span the words rarely give, or a yield a year",
}

# Nouns that name a percentage themselves (singular; the plural is made by rule): a change of
# one written with a noun ("a 3% drop in occupancy") or after a verb with one as its object
# ("raised rates 0.25%") may be in points or relative, refused (docs/annotations.md, "A change
# of a percentage written with a noun is refused").
PERCENTAGE_NOUNS: frozenset[str] = frozenset(
    {"rate", "share", "margin", "yield", "percentage", "proportion", "occupancy", "vacancy"}
    | {"utilization", "utilisation", "penetration", "turnout", "unemployment"}
)

# Adverbs of time or place that count nothing: after "the" and a bare number ("keeps the 300
# today") they leave the number a name (a model), as the end of the clause would.
TIME_PLACE_ADVERBS: frozenset[str] = frozenset(
    {"today", "now", "yesterday", "tomorrow", "tonight", "again", "here", "there", "nowadays"}
)

# Verbs of change only before a percentage ("the market contracted 2%", "contracted by 2%"): a
# fall. Before a count or money they name an agreement ("contracted 300 nurses"), read as the
# count or money they are; they are not in CHANGE_VERBS, so the mention finder leaves them out.
PERCENT_CHANGE_VERBS: dict[str, int] = dict.fromkeys(
    ("contracted", "contracts", "contracting", "contract"), -1
)


# The plural of each noun of change, made by rule ("-s"): "increases of 15 percent and 80
# percent" are two rises, each with the sign of its noun.
def noun_plural(noun: str) -> str:
    """The plural of a noun of change, by rule: "increases", "rallies"."""
    return f"{noun[:-1]}ies" if noun.endswith("ly") else f"{noun}s"


CHANGE_NOUN_PLURALS: dict[str, int] = {
    noun_plural(noun): sign for noun, sign in CHANGE_NOUNS.items() if noun not in ("growth", "cagr")
}
# Words that name a level, declared once: a bare percentage (nothing after it names what it
# is) right after one of these verbs (past its hedge), or after one of these nouns and "of", is
# the level the word names ("could reach 30%", "holds 25%", "a stake of 5%"). Right after any
# other verb, or after "a", any other noun and "of", such a figure is decided by that word and
# refused naming it unless the word is a declared word of change
# ("collapsed 17%", "could save 40%", "a correction of 10%": docs/annotations.md, "The word
# right before a bare figure"). Verbs in their base form and nouns in the singular: the reader
# makes their other forms ("held", "stood at", "shares of") with its English lexicon.
LEVEL_WORDS: dict[str, str] = {
    "be": "a verb: the figure is the level ('its share was 12%')",
    "have": "a verb: the level had ('the firm has 12% now')",
    "reach": "a verb: the level reached ('could reach 30% by 2030')",
    "hit": "a verb: the level reached ('hit 20% in May')",
    "hold": "a verb: the level held ('holds 25%', 'held 25%')",
    "own": "a verb: the level owned ('owns 10% after the deal')",
    "control": "a verb: the level held ('controls 35% of sales')",
    "capture": "a verb: the level won ('captured 12% in a year')",
    "account for": "a verb: the part of a whole ('data centres account for 4%')",
    "contribute": "a verb: the part of a whole ('contributes about 18%')",
    "impose": "a verb: a rate set, as of a tariff ('imposed 25% on imports')",
    "slap": "a verb: a rate set, as of a tariff ('slapped up to 245% in levies')",
    "stand at": "a verb: the level ('its margin stood at 40%')",
    "peg": "a verb: a level estimated ('odds that leaders peg below 20%')",
    "average": "a verb: the level over a span ('inflation averaged 3% over the decade')",
    # a small move and "up to": the level reached, "up to" no bound ("edged up to 3.9%")
    "edge up to": "a verb: the level reached after a small rise ('edged up to 3.9%')",
    "tick up to": "a verb: the level reached after a small rise ('ticked up to 4.1%')",
    "inch up to": "a verb: the level reached after a small rise ('inched up to 2%')",
    "creep up to": "a verb: the level reached after a small rise ('crept up to 5%')",
    "bump up to": "a verb: the level reached after a small rise ('bumped up to 3.9%')",
    "nudge up to": "a verb: the level reached after a small rise ('nudged up to 6%')",
    "a share of": "a noun: a share, a level ('a share of 80%')",
    "a stake of": "a noun: a part owned, a level ('a stake of 5%')",
    "a rate of": "a noun: a rate, a level ('a rate of 3.5%'; 'a growth rate of' is a change)",
    "a margin of": "a noun: a margin, a level ('a gross margin of 75%')",
    # a range named as such: the figure's own range of levels ("a target range of 1% to 3%")
    "a range of": "a noun: the levels' own range ('a comfort range of 1% to 3%')",
    "a band of": "a noun: the levels' own range ('a target band of 1% to 3%')",
    "a corridor of": "a noun: the levels' own range ('a corridor of 1% to 3%')",
    # the level a series reached at its top or bottom, or a level named as such
    "a high of": "a noun: the level at a top ('after a high of 52% in March')",
    "a low of": "a noun: the level at a bottom ('slid to a low of 6%')",
    "a peak of": "a noun: the level at a top ('a peak of 71% in 2019')",
    "a level of": "a noun: a level named as such ('fell 40% to an overall level of 30%')",
}
# Of the level words, the nouns that name a range: after them only a figure with two ends in a
# clause with no word of change is read ("a comfort range of 2% to 2.5%"); one figure, or a
# range of a change ("growth came in a range of 2% to 3%"), is refused.
RANGE_LEVEL_NOUNS: frozenset[str] = frozenset({"range", "band", "corridor"})
# Verbs that take "up" as their particle of change ("prices went up", "shot up"): before "up
# to" and a figure, "up" may belong to the verb (the level reached) or "up to" bound the
# figure, which the words do not settle: refused (docs/annotations.md, "up to" after a verb
# in the past tense). Verbs in their base form; the reader finds their other forms.
UP_PARTICLE_VERBS: dict[str, str] = {
    "go": "'went up to $3.40': the level reached, or at most $3.40",
    "shoot": "'shot up to 12%': the level reached, or at most 12%",
    "move": "'moved up to 4%': the level reached, or at most 4%",
    "jump": "'jumped up to 9%': the level reached, or at most 9%",
}
# Nouns that name what is counted after a number, where the unit registry (pint) might read
# them as units: words for things ("900,000 units") and everyday nouns it knows as old units of
# length, area or volume, counted in the news, never measured with. The reader takes each and
# its plural in "-s" as what a count counts (gapstudy.figures); units still used to measure
# ("20 knots", "300 acres") are not listed and stay units.
# Words of a span of days written before what an amount names, beside "daily" and "weekly":
# "weekday ridership", "Sunday circulation" name an amount per such a day, a flow as after
# "daily" (docs/annotations.md, "Stock or flow"); day names only as written before a noun.
DAY_SPAN_WORDS: tuple[str, ...] = (
    *("weekday", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday"),
    *("saturday", "sunday"),
)
# Nouns of an event that a day's name before them dates ("The Monday meeting approved 300
# hires": the meeting held on a Monday, not an amount per Monday); singular or plural.
DAY_EVENT_NOUNS: frozenset[str] = frozenset(
    {"meeting", "session", "vote", "hearing", "announcement", "briefing", "call", "summit"}
    | {"auction", "deadline", "election", "speech", "ruling", "decision", "statement", "report"}
)
# Things named by how often they come out or meet, counted as they stand: "90 weekly papers",
# "12 weekly markets" are papers and markets, not papers a week (singular; plurals in "-s").
PERIODIC_THINGS: dict[str, str] = {
    "paper": "a newspaper that comes out at that span ('90 weekly papers')",
    "newspaper": "a newspaper that comes out at that span ('40 daily newspapers')",
    "magazine": "a magazine that comes out at that span ('12 monthly magazines')",
    "journal": "a journal that comes out at that span ('30 quarterly journals')",
    "newsletter": "a newsletter that comes out at that span ('5 weekly newsletters')",
    "publication": "a publication that comes out at that span ('8 weekly publications')",
    "market": "a market held at that span ('12 weekly markets')",
}
# The prefixes of the metric system written out in full before a unit ("kilograms",
# "milligrams", "centimetres"): a word that the unit registry reads only by splitting off one
# of these, written in full, is that unit, not an English word split by chance ("rare" as
# ronto-are): a unit the project lacks, refused (gapstudy.figures).
SPELLED_SI_PREFIXES: tuple[str, ...] = (
    *("kilo", "mega", "giga", "tera", "milli", "micro", "nano", "centi", "deci", "hecto"),
)
COUNTED_NOUNS: dict[str, str] = {
    "unit": "things sold or made ('900,000 units')",
    "pair": "things in pairs ('2 million pairs of shoes')",
    "piece": "things counted one by one ('5,000 pieces')",
    "chain": "chains of shops or restaurants ('40 restaurant chains'), not the old unit of length",
    "link": "links ('300 links'), not the old unit of length",
    "rod": "rods ('120 fuel rods'), not the old unit of length",
    "barn": "farm buildings ('25 barns'), not the unit of area",
    "pole": "poles ('300 poles'), not the old unit of length",
    "hand": "farm hands or hands of cards ('12 hands'), not the unit of a horse's height",
    "bag": "bags ('40 bags of rice'), not a unit of volume",
    "count": "counts ('three counts of fraud'), not a unit",
    "shot": "shots ('2 million shots'), not the unit of volume",
}
# Abbreviations of an amount per a span of time written right after a count ("650,000 bpd",
# "4 mtpa"): a flow per day or per year the project has no unit for, so the count is refused
# (docs/annotations.md, "A unit's symbol follows a count"). Matched whole, in any case.
FLOW_ABBREVIATIONS: dict[str, str] = {
    "bpd": "barrels per day ('650,000 bpd')",
    "b/d": "barrels per day ('2.1 million b/d')",
    "bbl/d": "barrels per day ('90,000 bbl/d')",
    "mb/d": "million barrels per day ('1.2 mb/d')",
    "mbpd": "million barrels per day ('1.2 mbpd')",
    "boe/d": "barrels of oil equivalent per day ('40,000 boe/d')",
    "boepd": "barrels of oil equivalent per day ('40,000 boepd')",
    "tpa": "tonnes per year ('300,000 tpa')",
    "mtpa": "million tonnes per year ('4 mtpa')",
    "tpd": "tonnes per day ('500 tpd')",
}
# Abbreviations of a unit the project lacks written after a count, in any case, singular or
# plural ("3.1 million TEUs", "1m teu"): the count is refused as a quantity in that unit
# (docs/annotations.md, "An abbreviation after a count is a unit until declared counted").
UNIT_ABBREVIATIONS_LACKED: dict[str, str] = {
    "teu": "twenty-foot equivalent units of container cargo ('3.1 million TEUs')",
    "feu": "forty-foot equivalent units of container cargo ('40,000 FEU')",
    "mmbtu": "million British thermal units ('$3 an MMBtu')",
    "sf": "square feet of floor space ('2.1 million SF'; 's.f.' with full stops)",
    "sq": "square (of feet or metres: '400,000 sq. ft.')",
    "ft": "feet ('300 ft.')",
}
# All-capitals abbreviations that name things counted, written singular (the plural adds "s"):
# after a count ("10,000 GPUs") or a change of one ("added 40 IPOs") they are what is counted.
# Any other all-capitals abbreviation ending the words after a count may be a unit the project
# lacks, so the count is refused (docs/annotations.md, "An abbreviation after a count is a unit
# until declared counted").
COUNTED_ABBREVIATIONS: dict[str, str] = {
    "GPU": "graphics processors ('10,000 GPUs')",
    "CPU": "processors ('2,000 CPUs')",
    "TPU": "tensor processors ('4,096 TPUs')",
    "NPU": "neural processors ('300 NPUs')",
    "ASIC": "custom chips ('50,000 ASICs')",
    "FPGA": "programmable chips ('800 FPGAs')",
    "PC": "personal computers ('60 million PCs')",
    "IPO": "share listings ('12 IPOs')",
    "CEO": "chief executives ('40 CEOs')",
    "EV": "electric vehicles ('1.2 million EVs')",
    "SUV": "sport utility vehicles ('300,000 SUVs')",
    "LEAF": "cars of one model ('4,024 LEAFs')",
    "LLM": "large language models ('40 LLMs')",
    "ATM": "cash machines ('3,000 ATMs')",
    "NGO": "non-governmental organisations ('40 NGOs')",
    "SME": "small and medium firms ('5,000 SMEs')",
    "LAB": "laboratories ('40 AI labs'; a clipped word, in lower case too)",
}
# Verbs that take "up" as the particle of an amount gathered ("rack up $40,000", "rang up
# $2 million in sales"): in any form, base or past, "up" after one of them belongs to the verb,
# never a rise (docs/annotations.md, "Every operator word accounted for"). Base forms; the
# finder makes the other forms.
AMOUNT_UP_VERBS: dict[str, str] = {
    "rack": "'rack up $40,000 in a day': an amount gathered",
    "ring": "'ring up $2 million in sales': an amount gathered",
    "rake": "'raking up $5 billion': an amount gathered",
    "chalk": "'chalk up 30 wins': an amount gathered",
    "pile": "'piling up $3 billion in debt': an amount gathered",
    "scoop": "'scoop up 40,000 homes': an amount taken",
    "gobble": "'gobble up 20% of the market': an amount taken",
    "vacuum": "'vacuum up $39 billion': an amount taken",
    "soak": "'soak up 10% of the power': an amount taken",
    "snap": "'snap up 30% of the stock': an amount taken",
    "eat": "'eat up 40% of the budget': an amount taken",
    "use": "'use up 2 GW': an amount taken",
}
# Comparatives after a number: a change of a percentage ("40% lower"), a comparison after a
# multiplier ("ten times more compute").
COMPARATIVES: dict[str, int] = {
    **dict.fromkeys(("more", "higher", "larger", "bigger", "greater", "faster", "above"), 1),
    **dict.fromkeys(("less", "fewer", "smaller", "cheaper", "lower", "slower", "below"), -1),
}

# The acceptance rule (docs/annotations.md, "Every operator word accounted for"): the closed
# class of words that can change what a figure in their clause means (its kind, value, bound,
# unit or period). A reading is accepted only when each of these words near its figure is held
# by the reading (in the mention's words, or named in its ``read_with``); words of the open
# class (what is counted, who, where, adjectives) change no number and are never listed. The
# words of a bound or hedge are those of QUALIFIERS (whose effect is not "exact"), the words of
# a direction those of CHANGE_VERBS, AMOUNT_VERBS, CHANGE_NOUNS and COMPARATIVES, a unit any
# word the normaliser reads as a unit or a currency; the other classes are listed here.
OPERATOR_WORDS: dict[str, tuple[str, ...]] = {
    "a rate": (
        *("per", "each", "every", "annually", "monthly", "weekly", "daily", "hourly"),
        *("quarterly", "yearly"),
    ),
    "a comparison": ("than", "versus", "vs", "compared", "relative"),
    "a negation": ("not", "no", "never", "nor", "none", "without", "cannot", "n't", "n’t"),
    # words that doubt a figure rather than state it, seen where they reach it through a verb
    # and "to" ("is unlikely to exceed 50,000", "few expect it to exceed 30%")
    "a doubt": (
        *("unlikely", "doubt", "doubts", "doubted", "doubtful", "few", "hardly", "scarcely"),
        "nobody",
    ),
    "a part of a whole": (
        *("half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths"),
        *("fifth", "fifths", "tenth", "tenths", "hundredth", "hundredths"),
    ),
    "a multiple": ("times", "fold", "twice", "thrice", "x", "×"),
    "a span of time": (
        *("year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days"),
        *("hour", "hours", "decade", "decades"),
    ),
    "a percentage": ("percent", "%", "percentage", "point", "points", "pp", "bps", "basis"),
    "a scale": ("thousand", "million", "billion", "trillion", "bn", "mn", "tn", "hundred"),
    # words that make a span of time a period (when), not a duration (how long): "in 18
    # months", "over the past five years", "two years prior"
    "a period": (
        *("in", "within", "during", "over", "past", "last", "next", "since"),
        *("ago", "prior", "earlier", "later", "before", "after"),
    ),
}
# What each class of operator word changes in a reading, for the docs and the refusals.
OPERATOR_CLASSES: dict[str, str] = {
    "a bound or hedge": "bound and value ('over', 'nearly', 'topped'): the words of Qualifiers",
    "a direction": "kind and sign ('rose', 'a cut', 'lower'): verbs and nouns of change, "
    "comparatives",
    "a rate": "unit: an amount per a thing or a span of time ('per', 'each', 'a month', 'monthly')",
    "a comparison": "kind: a change or a gap, not a level ('than', 'versus', 'compared')",
    "a negation": "bound or meaning ('not', 'never', \"can't\"); also where it reaches the "
    "figure through a verb and 'to' ('is not expected to exceed 50,000')",
    "a doubt": "meaning: a belief about the figure, not a bound, where it reaches the figure "
    "through a verb and 'to' ('is unlikely to exceed', 'few expect ... to exceed')",
    "a part of a whole": "value: a fraction of the figure ('half', 'a third')",
    "a multiple": "kind and value ('times', '-fold', 'twice')",
    "a span of time": "unit: a duration, or a rate after 'a'/'per' ('years', 'a month')",
    "a percentage": "unit ('percent', 'points', 'basis points')",
    "a scale": "value ('million', 'bn')",
    "a unit": "unit and kind: any word the normaliser reads as a unit or a currency, right "
    "after the figure or ending the words that name what it counts ('5M GPU hours')",
    "a period": "kind: a span of time after 'in', 'over', 'within' or before 'ago', 'prior' "
    "dates a figure (its period), it is not a duration of its own ('in 18 months')",
    "a noun of change": "kind: a figure after 'of' or 'by' and a noun of change is a change "
    "('a CAGR of 35%', 'a change of 28.5 percent')",
}

BOUNDS: dict[str, str] = {
    "exact": "the number is stated as is",
    "approximate": "the number is stated as approximate",
    "upper": "the number is an upper bound (at most this): the value is unknown, or, for a "
    "stated extreme reached ('as much as 247%', effect upper_reached), it is that number",
    "lower": "the number is a lower bound (at least this): the value is unknown, or, for a "
    "stated extreme reached ('as little as 5%', effect lower_reached), it is that number",
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
    "mixed": "a claim: both views in words that cannot be quoted apart ('both promising and "
    "precarious'; two views on two dimensions are two claims); a voice: optimist and skeptic "
    "claims, or a mixed one",
    "neutral": "reports without taking a side",
}

DERIVED_OPERATIONS: dict[str, str] = {
    "ratio": (
        "numerator / denominator, in fold; never for percentages or percentage points; two "
        "entities at one time (periods placed in different years are refused), or one "
        "quantity's new over old"
    ),
    "difference": (
        "numerator - denominator of two entities at one time (periods placed in different "
        "years are refused), e.g. US minus China, in their unit"
    ),
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


# Names of currencies the project has no unit for, written after an amount ("32.8 trillion
# won"): the finder takes the name into the mention, the normaliser refuses the amount, and the
# acceptance rule counts the name as a unit.
OTHER_CURRENCY_NAMES = frozenset(
    {"rupee", "rupees", "won", "franc", "francs", "ringgit", "ruble", "rubles", "rouble"}
    | {"roubles", "peso", "pesos", "reais", "lira", "krona", "kronor", "krone", "kroner"}
    | {"zloty", "dirham", "dirhams", "riyal", "riyals", "baht", "rupiah", "shekel", "shekels"}
    | {"rand"}
)

# Names of the months, written out or cut short: a year right after one ("in March 2021 to
# 5,100") is a date, never the first end of a range (gapstudy.mentions, gapstudy.figures).
MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"}
    | {"sep", "sept", "oct", "nov", "dec"}
)

# Adjectives that may stand between a number and its span of time without changing the
# span ("six consecutive months", "ten full days"): the figure is still a duration.
SPAN_ADJECTIVES = frozenset(
    {"consecutive", "straight", "full", "whole", "successive", "additional", "further"}
    | {"extra", "long"}
)

# Verbs of an amount taken in or paid out, in their base form: "from X to Y" after one (and
# no verb of change) is a range of money ("collects from 40 to 45 million dollars a year"),
# never a change (gapstudy.sentence_prices).
PAYING_VERBS = frozenset(
    {"earn", "collect", "cost", "pay", "charge", "generate", "receive", "spend", "fetch"}
    | {"command", "gross", "net"}
)

# Adverbs of doubt: right before a bound ("probably less than $40") they stack a hedge on it,
# which is refused as any stack not listed in QUALIFIERS is (gapstudy.unheld).
DOUBT_ADVERBS = frozenset(
    {"probably", "likely", "presumably", "possibly", "perhaps", "maybe", "conceivably"}
)

# Verbs of price, in their base form: an amount they take may be a price per the unit of one
# written before it ("copper hit $9,800 a tonne as smelters charged $90": per tonne too), so a
# clause of their own does not end a price's reach (gapstudy.sentences).
PRICE_VERBS = frozenset(
    {"charge", "pay", "cost", "fetch", "sell", "buy", "trade", "price", "quote", "bid", "offer"}
    | {"ask", "command", "go", "change", "hit", "reach", "fall", "rise", "drop", "climb"}
)

# --- word lists of the last check (gapstudy.unheld) ------------------------------------------
# Verbs that set two things side by side, in their base form (the check takes every form): points
# after "by" and one of them, with no noun of a level before ("beat the market by 1.1
# percentage points"), are a gap between two levels or two changes the words do not name.
COMPARING_VERBS = frozenset(
    {"beat", "outpace", "outperform", "outgrow", "outstrip", "trail", "lag", "exceed"}
    | {"surpass", "top", "lead", "overtake", "outrun", "undercut"}
)
# Words of money: an amount in "pounds" with no "£", "sterling" or "GBP" is sterling only where
# one of these stands in its clause ("paid 40 million pounds"), else a weight or sterling?
MONEY_WORDS = frozenset(
    {"cost", "costs", "costing", "paid", "pay", "pays", "paying", "spent", "spend", "spends"}
    | {"price", "prices", "priced", "worth", "revenue", "revenues", "sales", "profit", "profits"}
    | {"fund", "funds", "funding", "invest", "invested", "investment", "budget", "deal", "fee"}
    | {"fees", "fine", "fined", "bought", "sold", "raised", "earned", "earns", "valued", "value"}
    | {"loan", "loans", "debt", "bill", "tax", "taxes", "wage", "wages", "salary", "bonus"}
    | {"grant", "grants", "subsidy", "subsidies", "award", "awarded", "owed", "lost", "saved"}
    | {"income", "turnover", "spending", "bid", "offer", "offered", "charge", "charged"}
)
# Nouns of money: an amount with a scale word right after one (and "of", or a verb or two) with
# no currency of its own and nothing counted after it ("a deficit of 3.2 million") is money in a
# currency the words do not name, refused (gapstudy.sentences), never read as a count.
MONEY_NOUNS = frozenset(
    {"loss", "losses", "deficit", "deficits", "revenue", "revenues", "sales", "profit"}
    | {"profits", "debt", "debts", "funding", "valuation", "round", "budget", "turnover"}
    | {"income", "earnings", "investment", "spending", "surplus", "capex", "fine", "fee"}
)
# The second part of a "top-"/"best-" compound after a count that ranks by an amount ("the 10
# top-selling models": a ranked group); any other ("top-rated", "top-tier") describes the
# things counted, and the count stays a count.
RANKING_COMPOUND_TAILS = frozenset(
    {"selling", "grossing", "earning", "paid", "paying", "performing", "ranked", "scoring"}
)
# Number words with a capital: inside a sentence, beside capitalised words ("the Big Four
# firms", "the Ten Rivers saga"), they may be part of a name, not a count.
CAPITALISED_NUMBER_WORDS = frozenset(
    {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven"}
    | {"Twelve", "Twenty", "Thirty", "Forty", "Fifty", "Hundred", "Thousand", "Million"}
)

# A clause of its own after a figure: one of these words, a new subject and a verb ("as the
# miner earned", "as trains ran"). Not a word of contrast ("while", "whereas"): those set what
# follows against what came before (a unit written once may hold across them).
CLAUSE_OPENERS = frozenset(
    {"as", "when", "after", "before", "because", "since", "although", "though", "once"}
    | {"until", "and", "but", "so"}
)
# Words that, as the subject of that clause, may stand for what the figure before priced or
# counted ("as it rose to $10,000", "as they rode"), or name its price or the good priced or its
# market ("as the contract closed $100 higher" may be per tonne too): no clause of its own.
SAME_SUBJECT_WORDS = frozenset(
    {"it", "its", "they", "their", "this", "these", "that", "those", "which", "what", "who"}
    | {"much", "many", "well", "of", "such", "price", "prices", "cost", "costs", "rate", "rates"}
    | {"contract", "contracts", "futures", "metal", "metals", "commodity", "benchmark"}
)
# Verbs of estimating: right before a figure that opens a clause, the figure is the subject of
# the clause the verb takes ("The league estimates 2.5 million children play chess").
ESTIMATE_VERBS = frozenset({"estimate", "estimates", "estimated"})

# English closed-class words (conjunctions, prepositions, quantifiers) the lexicon the readers
# use does not hold: after a figure they are never an unknown unit ("5% if", "40 via").
CLOSED_CLASS_WORDS = frozenset(
    {
        "if", "though", "although", "because", "unless", "whether", "throughout", "via",
        "despite", "amid", "including", "across", "along", "alongside", "beside", "besides",
        "upon", "within", "without", "where", "when", "while", "then", "there", "here", "yet",
        "both", "either", "neither", "all", "some", "any", "nor", "per", "plus", "vs",
    }
)  # fmt: skip

# Periods of comparison after a percentage ("up 35% quarter-over-quarter"): a change from that
# period. Generated from the periods and the two links, hyphened or spaced, so that no form of
# one is declared and another left out.
COMPARED_PERIOD_UNITS = ("year", "quarter", "month", "week", "day")
COMPARED_PERIODS = frozenset(
    f"{period}{space}{link}{space}{period}"
    for period in COMPARED_PERIOD_UNITS
    for link in ("on", "over")
    for space in ("-", " ")
)

# Quantities of goods written with no "of" after them ("the price of a dozen roses"): with a
# price, a price per that quantity (refused: the project has no such unit).
GOODS_QUANTITY_WORDS = frozenset({"dozen", "score", "gross"})
# Nouns of "a <noun> of" that quantify rather than name a unit of goods ("a lot of apps
# costing $5" is no price per lot).
QUANTIFIER_NOUNS = frozenset(
    {
        "lot", "lots", "number", "couple", "handful", "range", "host", "variety", "majority",
        "minority", "total", "sum", "fraction", "bunch", "series", "raft", "slew", "plethora",
        "share", "portion", "part", "half", "third", "quarter", "kind", "sort", "type", "member",
    }
)  # fmt: skip

# Nouns of "a <noun> of <goods>" that name one item sold as such ("the cost of a pair of ski
# boots is $300"): the amount is money, not a price per a unit ("a dozen", "a pack" stay units).
ONE_ITEM_NOUNS = frozenset({"pair", "set"})

# (heading, where the words are used, words): listed in the docs as words, in order.
WORD_LISTS: tuple[tuple[str, str, frozenset[str]], ...] = (
    (
        "Comparing verbs",
        "the last check (a gap after a verb of comparing), in every form of each",
        COMPARING_VERBS,
    ),
    (
        "Demonstratives after a fraction",
        "a fraction with one of these right after it and no 'of' ('half that amount'): a "
        "fraction of a figure named elsewhere, refused",
        FRACTION_DEMONSTRATIVES,
    ),
    (
        "Possessives after a fraction",
        "a fraction, one of these and a noun of measure after it ('half its size'): a fraction "
        "of a comparator, refused; with another noun ('half its revenue') a share",
        FRACTION_POSSESSIVES,
    ),
    (
        "Nouns of measure after a fraction",
        "a fraction and a possessive before one of these ('half its size', 'a third their "
        "price'): a fraction of a comparator, refused",
        FRACTION_MEASURE_NOUNS,
    ),
    (
        "Things a discount or premium is measured against",
        "a discount or premium, then 'to', 'over', 'versus' or 'against' and one of these within "
        "four words ('a 15% discount to par'): a gap between two things, refused",
        GAP_COMPARED_NOUNS,
    ),
    (
        "Age group nouns",
        "after 'the' and a range of whole numbers no larger than an age, singular or plural, "
        "optionally after 'age' ('the 18-24 cohort'): an age group, excluded",
        AGE_GROUP_NOUNS,
    ),
    ("Money words", 'the last check ("pounds" as sterling or a weight)', MONEY_WORDS),
    (
        "Money nouns",
        "an amount with a scale word and no currency after one of them (refused)",
        MONEY_NOUNS,
    ),
    (
        "Ranking compound tails",
        "a 'top-'/'best-' compound after a count that makes it a ranked group",
        RANKING_COMPOUND_TAILS,
    ),
    (
        "Capitalised number words",
        "the last check (a number word that may be part of a name)",
        CAPITALISED_NUMBER_WORDS,
    ),
    (
        "Time and place adverbs",
        "the last check (a number that may be a name: 'the 300 today' counts nothing)",
        TIME_PLACE_ADVERBS,
    ),
    (
        "Percentage nouns",
        "a change written with a noun, or after a verb, whose object is one of these (a "
        "percentage itself): refused, points or percent",
        PERCENTAGE_NOUNS,
    ),
    ("Clause openers", "the reach of a price or a rate (A clause of its own)", CLAUSE_OPENERS),
    (
        "Same-subject words",
        "the reach of a price or a rate: as the subject after a clause opener, no clause of "
        "its own",
        SAME_SUBJECT_WORDS,
    ),
    ("Estimate verbs", "the last check (a verb of estimating before a figure)", ESTIMATE_VERBS),
    (
        "Quantity words of goods",
        "the reading of a price ('A price per a quantity of goods, in any shape'): one of "
        "these after 'the price of a' names the quantity priced, with no 'of' after it",
        GOODS_QUANTITY_WORDS,
    ),
    (
        "Quantifier nouns",
        "the reading of a price ('A price per a quantity of goods, in any shape'): 'a <noun> "
        "of' with one of these quantifies, it names no unit priced",
        QUANTIFIER_NOUNS,
    ),
    (
        "Periods of comparison",
        "the reading of a percentage: one of these after it makes it a change from that "
        "period ('A period of comparison makes a percentage a change')",
        COMPARED_PERIODS,
    ),
    (
        "Closed-class words",
        "the last check (no unknown word after a figure): never taken for an unknown unit",
        CLOSED_CLASS_WORDS,
    ),
    (
        "Nouns of one item sold",
        "the reading of money after 'the price (cost) of a <noun> of <goods>': with one of "
        "these the amount is money, not a price per a unit",
        ONE_ITEM_NOUNS,
    ),
)

# --- the vocabularies as documentation --------------------------------------------------------
# docs/annotations.md lists every vocabulary between these two lines, generated from this
# module (`make vocab-docs`), so that the list a researcher reads cannot drift from the code.
DOCS_BEGIN = (
    "<!-- vocabularies: generated from gapstudy/vocab.py by `make vocab-docs`; do not edit -->"
)
DOCS_END = "<!-- end of the generated vocabularies -->"

# (heading, where the values are used, vocabulary), in the order a researcher meets them.
_DOCUMENTED: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("Segment kinds", "`segments[].kind` in data/sources.yaml", SEGMENT_KINDS),
    ("Date precisions", "`date_precision` in data/sources.yaml", DATE_PRECISIONS),
    ("Voice kinds", "`voices[].kind`", VOICE_KINDS),
    ("Stances", "`stance` of a voice or a claim", STANCES),
    ("Dimensions", "`dimension` of a claim; `dimension` of a run", DIMENSIONS),
    ("Directions", "`direction` of a claim", DIRECTIONS),
    ("Period precisions", "`period_precision` of a figure", PERIOD_PRECISIONS),
    ("Figure kinds", "`kind` of a figure (read by the normaliser; a hand check)", FIGURE_KINDS),
    ("Units", "`unit` of a figure (a hand check) and of a fact", UNITS),
    ("Bounds", "`bound` of a figure, set by its qualifier", BOUNDS),
    (
        "Operator words",
        "the acceptance rule (Every operator word accounted for): a word of these classes "
        "near a figure and not held by its reading refuses it",
        OPERATOR_CLASSES,
    ),
    (
        "Level words",
        "the word right before a bare figure (The word right before a bare figure): after one "
        "of these, in any form, a bare percentage is the level it names",
        LEVEL_WORDS,
    ),
    (
        "Counted nouns",
        "the reading of a word after a count: these nouns and their plurals in '-s' name what "
        "is counted, though the unit registry knows them as units",
        COUNTED_NOUNS,
    ),
    (
        "Flow abbreviations",
        "the words after a count ('A unit's symbol follows a count'): one of these right after "
        "a count makes it a flow per day or per year, refused",
        FLOW_ABBREVIATIONS,
    ),
    (
        "Unit abbreviations the project lacks",
        "the words after a count ('An abbreviation after a count is a unit until declared "
        "counted'): one of these, singular or plural, after a count or a change of one: refused",
        UNIT_ABBREVIATIONS_LACKED,
    ),
    (
        "Counted abbreviations",
        "the words after a count ('An abbreviation after a count is a unit until declared "
        "counted'): these, singular or with 's', name what is counted; any other all-capitals "
        "abbreviation ending the words after a count is refused",
        COUNTED_ABBREVIATIONS,
    ),
    (
        "Fraction adjectives",
        "the words between 'a' and a fraction before 'of' ('a notable quarter of all loans'): "
        "one of these changes nothing; any other adjective there makes no mention",
        FRACTION_ADJECTIVES,
    ),
    (
        "Dollar country codes",
        "two letters standing apart before a bare '$' ('NZ $40 million'): another country's "
        "dollar, refused",
        DOLLAR_COUNTRY_CODES,
    ),
    (
        "Verbs that gather with up",
        "the reading of 'up' after one of these, in any form ('rack up $40,000'): the verb's "
        "particle, not a rise",
        AMOUNT_UP_VERBS,
    ),
    (
        "Verbs with the particle up",
        "the reading of 'up to' after one of these, in any form: refused, since it may be the "
        "level reached or a bound",
        UP_PARTICLE_VERBS,
    ),
    (
        "Nouns that leave a percentage unsettled",
        "the reading of a bare percentage with one of these right after it or before it and "
        "'of': refused ('hit' and 'loss' there are falls: `PERCENT_FALL_NOUNS`)",
        UNSETTLED_PERCENT_NOUNS,
    ),
    (
        "Things that come out at a span",
        "stock or flow: after a count and a word of a span, these nouns and their plurals in "
        "'-s' are things counted as they stand, not a flow",
        PERIODIC_THINGS,
    ),
    (
        "Qualifier effects",
        "the `effect` column of the Qualifiers table below (n is the number qualified)",
        QUALIFIER_EFFECTS,
    ),
    ("Derived operations", "`operation` of a measure in derived.yaml", DERIVED_OPERATIONS),
    ("Disagreement kinds", "`kind` in disagreements.yaml", DISAGREEMENT_KINDS),
    ("Reference statuses", "`status` in references.yaml", REFERENCE_STATUSES),
    ("Mention statuses", "`status` in the mentions table", MENTION_STATUSES),
)


_QUALIFIERS_NOTE = (
    "Words read as the `qualifier` of a figure, and their effect on its bounds (each effect "
    "is defined under Qualifier effects)."
)
_REINTERPRETATIONS_NOTE = "The only `unit_as_meant` an annotator may give."


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def vocabularies_markdown() -> str:
    """Every vocabulary as a Markdown table, with the qualifiers and the unit readings."""
    parts = [DOCS_BEGIN, ""]
    for heading, where, terms in _DOCUMENTED:
        parts += [f"### {heading}", "", f"Used in {where}.", "", "| value | meaning |"]
        parts.append("| --- | --- |")
        parts += [f"| `{term}` | {_cell(meaning)} |" for term, meaning in terms.items()]
        parts.append("")
    for heading, where, words in WORD_LISTS:
        listed = ", ".join(f"`{word}`" for word in sorted(words))
        parts += [f"### {heading}", "", f"Used in {where}.", "", listed, ""]
    parts += ["### Qualifiers", "", _QUALIFIERS_NOTE, "", "| words | effect |", "| --- | --- |"]
    parts += [f"| `{_cell(words)}` | {effect} |" for words, effect in QUALIFIERS.items()]
    parts += ["", "### Unit reinterpretations", "", _REINTERPRETATIONS_NOTE, ""]
    parts.append("| as written | as meant | when |")
    parts.append("| --- | --- | --- |")
    parts += [f"| `{a}` | `{b}` | {why} |" for (a, b), why in UNIT_REINTERPRETATIONS.items()]
    parts += ["", DOCS_END]
    return "\n".join(parts)


def with_vocabularies(document: str) -> str:
    """``document`` with its generated vocabularies section replaced by the current one.

    Raises :class:`ValueError` when the document does not hold the two marker lines.
    """
    begin, end = document.find(DOCS_BEGIN), document.find(DOCS_END)
    if begin < 0 or end < begin:
        raise ValueError(f"the document has no section between {DOCS_BEGIN!r} and {DOCS_END!r}")
    return document[:begin] + vocabularies_markdown() + document[end + len(DOCS_END) :]
