"""Stage 3: read a figure as written ("over $1 billion", "sub-20% odds") into numbers.

:func:`parse_figure` tokenises the words, then reads them left to right in a fixed order:
leading words (qualifier, change verb, "by a factor of", "from") → number (digits or number
words) → scale word → unit or currency → trailing words (a period, a direction, a trailing
bound, what is counted or compared). Everything it reads must be understood; anything else
raises :class:`~gapstudy.exceptions.FigureParseError` naming the real problem. A refusal
beats a wrong number: where words admit two readings, the figure is refused.

Reading rules (each one a decision; the tests and ``tests/phrasings.csv`` pin them down):

- Values are in the unit after the scale word: "$109.1 billion" is 109.1e9 usd, scale "billion".
  Number words are read by ``text2num``; "half", "dozen", "and a half", the fractions of a whole
  and the multiplier words ("twice", "doubled", "fourfold", ...) are read here. Thousands may
  be grouped by commas or apostrophes ("1’700").
- Money keeps its currency as an ISO 4217 unit: "$" and "US$" are usd, "HK$" hkd, "NT$" twd,
  "€" eur, "£" gbp; the words "yuan", "RMB", "euros", "pounds", "yen" and the codes name theirs.
  A bare "¥" (yuan or yen) and currencies outside :data:`gapstudy.vocab.UNITS` ("A$", "rupees")
  are refused, so money is never read as a count. A converted amount in brackets ("10 billion
  yuan ($1.4 billion)") is passed over: the figure is the amount as first written.
- The qualifier's effect comes from :data:`gapstudy.vocab.QUALIFIERS`: a bound ("more than",
  "exceeding", "no more than", and after the number "4,800 or more", "50,000 max"), an
  approximate value ("nearly", "an estimated", "some", "~", "5% or so"), emphasis that leaves
  the number exact ("just" meaning only, "a mere"), or a stated extreme that is both the
  value and one end ("as much as 30%": value 30, high 30, bound upper; "as much as nearly
  30%": value 30, high 30, approximate). Stacked
  qualifiers are read only as a phrase of that vocabulary ("just under", "as much as nearly"),
  or as the one qualifier left once emphasis is set aside ("only ~$6M" reads as "~$6M", "only
  two or fewer" as "two or fewer"); any
  other stack is refused. On a range only qualifiers that leave it as written are read ("an
  estimated $12 billion to $15 billion"); "within" is dropped; a bound on a range is refused.
- Vague plurals and quantities ("millions of tokens", "billions", "tens of thousands",
  "months", "several") give no number and are refused.
- "half" on its own is a share: 50 percent ("almost half" → approximately 50%); so are other
  fractions of a whole ("a third", "nearly two-thirds", "three quarters"); "half as much" is the
  multiplier 0.5.
- Plain words after a figure name what it counts or measures ("5,000 GPUs", "13% of its total
  revenue", "$1 billion in losses") and are passed over; the figure's metric records what they
  are. A number among them is never passed over (names such as "Ascend 910C" are), a
  direction word inside a phrase that names the whole ("one-third of the GDP growth") is a
  name, digits glued to letters right after the number ("5G", "1990s") are refused as a name
  or a decade, and an amount followed by a money noun without a currency ("5 billion in
  revenue") is refused.
- A period after a figure is passed over ("$109.1 billion in 2024", "30% in Q3 2025", "as of
  March 2026", "last year", "over four years"): the annotation records it. "N in YYYY" after a
  bare number may be odds or a year, and is refused (except at an end of "from X to Y").
- Odds "N in M" are kind odds, in percent: "one-in-five" → 20; followed by what they count
  ("four in five university students") they are a share, kind percent.
- "points" written alone are refused: they are percentage points only where the scores
  compared are percentages, which those words do not say ("a 12-point lead" may be Elo or index
  points); "percentage points", "pp", "percent points" are percentage points.
- "N out of M"
  is a share of a group, kind percent ("three out of four": 75). A bound followed by an
  approximate mark ("up to ~1.6M", "more than about 500") is read as the bound. A unit symbol
  of power, energy or data in a case pint does not read ("3 KW", "200 gw") is refused, never
  passed over as the name of what is counted. A discount is a noun of change downwards ("a 75
  per cent discount" is -75 percent).
- Multipliers (unit fold, the ratio new/old): "-fold", "x", "times", "by a factor of N", "N
  orders of magnitude" (10**N), "twice". "N times the number of …", "N times more …" are
  multipliers of N; "N times cheaper/less/smaller" is the multiplier 1/N. A change written as a
  multiplier ("doubled", "grew 3.5-fold", "a four-fold jump", "rose by a factor of 3") is kind
  change in fold; a fall ("a tenfold drop", "fell by a factor of 280") is the factor 1/N.
- Changes are signed: a change verb before the number ("risen by", "fell by", "a decline of")
  or a direction word after it ("increase", "lower") makes kind "change", negative when the
  direction is down ("a 40% lower cost" → -40). Bounds apply to the signed value, so "fell by
  more than 12%" has high -12 and bound "upper". "more than doubled" is kind change, low 2 fold,
  bound lower: a rise of more than 100 percent.
- A change from one figure to another ("from 11.9% in 2023 to 5.4% in 2024") is kind change,
  its value the end minus the start, in percentage points when the ends are percentages
  (a difference of percentages is never a ratio); the two ends are kept, parsed, in
  ``ParsedFigure.ends``.
- A percentage with a comparative and a thing compared at one time ("10% less than the
  national average", "36% above the national average") is a multiplier, 1 ± the percentage
  (0.9, 1.36 fold): two things at one time, not a change; "than" and a time ("20% higher than
  last year") leave a change; a verb of change with a thing compared is refused.
- A rate a year has a unit of its own (vocab.PER_YEAR_UNITS): the words of "a year"
  (vocab.PER_YEAR_WORDS, read the same whatever the typography: "a year", "/yr", "annually"),
  "annual" and kin before a noun of change or "rate", and "CAGR" make a percentage or a
  multiplier with a word of change a growth rate ("grew 30% annually": 30 percent_per_year;
  "grown by 4.8x per year": 4.8 fold_per_year) and money with none a flow ("$50 billion a
  year": 50e9 usd_per_year). Anything else a year is refused with the reason; "year-on-year",
  "from a year earlier" and "in a year" are periods, not rates.
- Quantities and durations are recognised and converted with ``pint`` into the project's units
  (exabyte, gigawatt, year, month): "0.5 zettabytes" → 500 exabyte. A time unit shorter than a
  year becomes months, a longer one years. Conversion factors are rounded to 12 significant
  digits so that exact decimal inputs give exact outputs. English words that pint also knows
  as units ("as", "at", "a") are never units.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, NoReturn

import lemminflect
from text_to_num import text2num

from gapstudy import vocab
from gapstudy.exceptions import FigureParseError
from gapstudy.mentions import OTHER_UNITS_RE, POWER_OF_TEN_RE, is_year

# Thousands are grouped by commas, or by apostrophes ("1’700", Swiss style).
_TOKEN_RE = re.compile(
    r"(?<=\$)\.\d+|(?<![\w.,])\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:'\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+|\S"
)
_MONEY_SIGNS = frozenset({"$", "¥"})  # letters glued before them name the currency ("HK$")


def _phrase(text: str) -> tuple[str, ...]:
    """A phrase as the tokeniser reads it: "as of" -> ("as", "of"), "HK$" -> ("hk$",)."""
    words: list[str] = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group().casefold()
        is_glued = match.start() > 0 and not text[match.start() - 1].isspace()
        if word == "-":
            continue  # "year-on-year" reads as "year on year", as in _tokenise
        if word in _MONEY_SIGNS and words and words[-1].isalpha() and is_glued:
            words[-1] += word
        else:
            words.append(word)
    return tuple(words)


def _phrases(*texts: str) -> tuple[tuple[str, ...], ...]:
    return tuple(_phrase(text) for text in texts)


class _PhraseIndex:
    """Phrases as :meth:`_Reader.take_any` tries them: longest first, phrases of one length in
    their written order. Built once, where the phrases are declared, and indexed by first word,
    so that a reader tries only the phrases that can start at its next word."""

    __slots__ = ("phrases", "by_first", "empty")

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.phrases = tuple(sorted(phrases, key=len, reverse=True))  # the order tried
        self.empty = tuple(seq for seq in self.phrases if not seq)  # tried last, always taken
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for seq in self.phrases:
            if seq:
                by_first.setdefault(seq[0], []).append(seq)
        self.by_first: dict[str | None, tuple[tuple[str, ...], ...]] = {
            word: (*seqs, *self.empty) for word, seqs in by_first.items()
        }


def _phrase_index(*texts: str) -> _PhraseIndex:
    return _PhraseIndex(_phrases(*texts))


# Local word tables, declared once. Vocabulary terms (qualifiers, scales, units) come from vocab.
_FILLERS = frozenset({"a", "an", "the", "next"})
# Adjectives between an article and a number that leave the number as it is.
_NEUTRAL_ADJECTIVES = frozenset(
    {"separate", "new", "fresh", "further", "additional", "extra", "record", "total"}
    | {"combined", "cumulative", "initial", "planned", "single", "significant", "sharp"}
    | {"steep", "dramatic", "slight", "huge", "big", "large", "small", "notable", "marked"}
    | {"breaking"}  # "a record-breaking $588 billion sell-off"
    | frozenset(vocab.FRACTION_ADJECTIVES)  # "a notable quarter of all loans"
)
_SCALE_ALIASES: dict[str, str] = {
    **{name: name for name in vocab.SCALES},
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "mln": "million",
    "b": "billion",
    "bn": "billion",
    "tn": "trillion",
    "trn": "trillion",
    "mil": "million",
    "bil": "billion",  # "US$137bil", as Malaysian and Indian papers write it
    "bln": "billion",
}
# The scale words written short in two letters or more ("bn", "mln", "bil"): one letter away
# from one of them, a word after an amount is a misspelt scale (gapstudy.sentences).
SCALE_ABBREVIATIONS = frozenset(name for name in _SCALE_ALIASES if 2 <= len(name) < 4)
_MONEY_SCALE_ALIASES: dict[str, str] = {"t": "trillion", "tr": "trillion"}  # "$2.174T"
# "point(s)" read as percentage points go no higher: a bigger number is a level of an index.
_MAX_POINTS = 100
_POINT_WORDS = _phrases("points", "point", "pts")
_OTHER_POINTS = frozenset({"elo", "index", "basis"})
_DIFFERENCE_NOUNS = frozenset(
    {"lead", "gap", "advantage", "edge", "margin", "deficit", "difference", "behind", "ahead"}
)
_UNIT_ALIASES: dict[tuple[str, ...], str] = {
    **dict.fromkeys(_phrases("%", "percent", "per cent", "pct", "pc"), "percent"),
    **dict.fromkeys(
        _phrases("percentage points", "percentage point", "percent points", "pp", "ppt", "ppts"),
        "percentage_point",
    ),
    **dict.fromkeys(_POINT_WORDS, "percentage_point"),
    **dict.fromkeys(_phrases("fold", "x", "×", "times"), "fold"),
}
_UNIT_ALIAS_INDEX = _PhraseIndex(_UNIT_ALIASES)
# Currency written before the number. None: known, but not one currency.
_CURRENCY_SIGNS: dict[tuple[str, ...], str | None] = {
    _phrase(written): unit
    for unit, forms in {
        "usd": ("$", "US$", "US $", "USD"),
        "hkd": ("HK$", "HKD"),
        "twd": ("NT$", "TWD"),
        "eur": ("€", "EUR"),
        "gbp": ("£", "GBP"),
        "cny": ("RMB", "CNY", "CN¥", "RMB¥"),
        "jpy": ("JPY", "JP¥"),
        None: ("¥",),
    }.items()
    for written in forms
}
_CURRENCY_SIGN_INDEX = _PhraseIndex(_CURRENCY_SIGNS)
# Currency written after the number (and its scale word).
_CURRENCY_WORDS: dict[tuple[str, ...], str] = {
    _phrase(written): unit
    for unit, forms in {
        "usd": (
            "dollars",
            "dollar",
            "US dollars",
            "USD",
            "U.S",
            "U.S.",
            "U.S dollars",
            "U.S. dollars",
        ),
        "cny": ("yuan", "renminbi", "yuan renminbi", "RMB", "CNY"),
        "eur": ("euros", "euro", "EUR"),
        "gbp": ("pounds", "pound", "pounds sterling", "sterling", "GBP"),
        "jpy": ("yen", "Japanese yen", "JPY"),
        "hkd": ("Hong Kong dollars", "HK dollars", "HKD"),
        "twd": ("New Taiwan dollars", "Taiwan dollars", "NT dollars", "TWD"),
    }.items()
    for written in forms
}
_CURRENCY_WORD_INDEX = _PhraseIndex(_CURRENCY_WORDS)
# Money words the project has no unit for: an amount in them is refused, never counted.
_OTHER_MONEY_WORDS = vocab.OTHER_CURRENCY_NAMES | {"dollar", "dollars", "currency", "cash"}
_MAX_ORDERS = 300  # 10**300 is still a float
_ORDERS_OF_MAGNITUDE = _phrase_index("orders of magnitude", "order of magnitude")
_BY_A_FACTOR = _phrase_index("by a factor of", "a factor of", "factor of")
# Multiplier words: (kind, factor). Verbs in the past tense describe a change.
_MULTIPLIER_WORDS: dict[str, tuple[str, str]] = {
    "twice": ("multiplier", "2"),
    "double": ("multiplier", "2"),
    "triple": ("multiplier", "3"),
    "thrice": ("multiplier", "3"),
    "quadruple": ("multiplier", "4"),
    "doubled": ("change", "2"),
    "tripled": ("change", "3"),
    "quadrupled": ("change", "4"),
    "halved": ("change", "0.5"),
    "doubling": ("change", "2"),
    "tripling": ("change", "3"),
    "quadrupling": ("change", "4"),
    "halving": ("change", "0.5"),
    "doubles": ("change", "2"),
    "triples": ("change", "3"),
    "quadruples": ("change", "4"),
}
_FOLD_SUFFIX = "fold"  # "fourfold", "tenfold": a number word glued to "fold"
_DOZEN = {"dozen": Decimal(12)}
_HALF = "half"
_AND_A_HALF = _phrase("and a half")
# Plural number words that give no number ("tens of thousands", "millions", "dozens").
_VAGUE_PLURALS = frozenset(
    {"tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "trillions"}
)
# Scale words of other number systems: "500 crore" is not 500 of something.
_OTHER_SCALES = frozenset({"crore", "crores", "lakh", "lakhs", "lac", "lacs"})
# Nouns of money: "5 billion in revenue" is an amount whose currency the words do not give.
_MONEY_NOUNS = frozenset(
    {"revenue", "revenues", "sales", "funding", "investment", "investments", "capital"}
    | {"financing", "profit", "profits", "spending", "capex", "valuation", "income", "debt"}
)
# Words that stand where a number would and give none ("several hundred million").
_VAGUE_WORDS = frozenset({"several", "few", "many", "numerous", "multiple", "countless"})
# Fractions of a whole, read as shares in percent: "a third", "two-thirds", "three quarters".
_FRACTIONS: dict[str, int] = {
    **{
        word: n
        for n, word in enumerate(
            ("third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), start=3
        )
    },
    "fourth": 4,
}
_FRACTIONS.update({f"{word}s": n for word, n in list(_FRACTIONS.items())})
# Ordinals are never what a number counts ("twenty-first" is not twenty of something).
_ORDINALS = frozenset({"first", "second", *_FRACTIONS, "hundredth", "thousandth", "millionth"})
# Direction words are declared once in vocab: the mention finder takes them into a mention.
_CHANGE_VERBS = vocab.CHANGE_VERBS
_CHANGE_NOUNS = vocab.CHANGE_NOUNS
_COMPARATIVES = vocab.COMPARATIVES
# Words that start the compared thing after a multiplier: "4.5 times the number of ...".
_COMPARISON_STARTS = frozenset({"the", "that", "those", "as", "than", "what", "its", "their"})
_PERIOD_WORDS = _PhraseIndex(
    _phrases(*sorted(vocab.COMPARED_PERIODS)) + _phrases("year-to-date", "yoy", "ytd")
)
_PROBABILITY_WORDS = frozenset({"chance", "chances", "odds", "probability", "likelihood"})
_CONNECTORS = frozenset({"in", "to", "and", "of", "by", "from"})  # never units ("in" is not inches)
# Nouns pint reads as units that, after a number, name what is counted ("900,000 units", "25
# barns"): declared once (vocab.COUNTED_NOUNS), each with its plural in "-s".
_COUNTED_NOUNS = frozenset(noun + ending for noun in vocab.COUNTED_NOUNS for ending in ("", "s"))
# English words pint reads as units ("as" is an attosecond, "a" a year): never units here.
_COMMON_WORDS = frozenset({"a", "an", "as", "at", "are", "the", "on", "or"})
_NOT_UNITS = (
    _COUNTED_NOUNS
    | _COMMON_WORDS
    | _PROBABILITY_WORDS
    | _CONNECTORS
    | frozenset(_CHANGE_NOUNS)
    | frozenset(_COMPARATIVES)
    | _OTHER_MONEY_WORDS
)
_HUNDREDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
# Periods after a figure: [preposition] [part of the year] year, or a relative period.
_PERIOD_PREPOSITIONS = _phrase_index(
    *("from", "in", "during", "for", "as of", "by", "since", "through", "until", "till", "over"),
    *("at the end of", "by the end of", "the end of", "end of", "in the course of"),
    *("at the start of", "since the start of", "since the beginning of"),
    *("compared with", "compared to", "versus", "vs"),
)
_MONTHS = vocab.MONTH_NAMES
_ORDINAL_PARTS = ("first", "second", "third", "fourth")
_PARTS_OF_YEAR = _phrase_index(
    *("late", "early", "mid", "fiscal", "fy"),
    *(f"{the}{nth} half" for the in ("", "the ") for nth in _ORDINAL_PARTS[:2]),
    *(f"{the}{nth} quarter" for the in ("", "the ") for nth in _ORDINAL_PARTS),
)
_QUARTER_SIGNS = {"q": ("1", "2", "3", "4"), "h": ("1", "2")}  # "Q1 2025", "H2"
# Spans of time a figure is over: "over four years", "in just two years".
# Qualifiers as the tokeniser reads them ("approx." is two tokens) -> the vocabulary's key.
_QUALIFIER_PHRASES: dict[tuple[str, ...], str] = {_phrase(key): key for key in vocab.QUALIFIERS}
_QUALIFIER_INDEX = _PhraseIndex(_QUALIFIER_PHRASES)
_SPAN_LEADS = _PhraseIndex(
    (
        *_phrases("barely", "the next", "the past", "the last", "the first"),
        *_QUALIFIER_PHRASES,  # "in just two years"
    )
)
_SPAN_UNITS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "quarters", "decades"}
)
# Words before a duration that say when, not how much: "over the next five years".
_TIME_LEADS = _phrase_index(
    *(
        f"{prep}the {when}"
        for prep in ("", "over ", "in ", "for ", "during ")
        for when in ("next", "past", "last", "coming")
    )
)
_RELATIVE_PERIODS = _phrase_index(
    *("last year", "this year", "last month", "this month", "last quarter", "this quarter"),
    *("a year earlier", "a year ago", "a year before", "a quarter earlier", "the year before"),
    *("the previous year", "the prior year", "the past year", "past year", "the same period"),
    *("the previous quarter",),
    *("earlier this year", "earlier this month", "later this year", "year's end", "alone"),
)
# After a preposition "a year" is a span ("in a year", "over a year"); alone it makes a rate a
# year (vocab.PER_YEAR_WORDS).
_SPANS_AFTER_PREPOSITION = _phrase_index("a year")
_AGO = _phrase_index("ago", "earlier", "before")
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
# Project unit -> pint unit it is converted to; pint recognises the written name or symbol.
_PHYSICAL_UNITS: dict[str, str] = {
    "exabyte": "exabyte",
    "gigawatt": "gigawatt",
    "terawatt_hour": "terawatt_hour",
}
_TIME_UNITS: dict[str, str] = {"year": "year", "month": "month"}
_CURRENCIES = vocab.MONEY_UNITS
_KIND_OF_UNIT: dict[str, str] = {
    **dict.fromkeys(_CURRENCIES, "money"),
    "percent": "percent",
    "percentage_point": "percent",
    "count": "count",
    "fold": "multiplier",
    "exabyte": "quantity",
    "gigawatt": "quantity",
    "terawatt_hour": "quantity",
    **dict.fromkeys(("usd_per_kwh", "cny_per_kwh", "eur_per_kwh"), "price"),
    "per_year": "rate",
    "percent_per_year": "change",
    "fold_per_year": "change",
    **dict.fromkeys(("usd_per_year", "cny_per_year", "eur_per_year"), "money"),
    "year": "duration",
    "month": "duration",
}
_PERCENT_UNITS = frozenset({"percent", "percentage_point"})

_DIGITS_RE = re.compile(r"\d[\d,']*(?:\.\d+)?|\.\d+")
_GROUP_MARKS = str.maketrans("", "", ",'")
_CONVERSIONS_SPLIT_RE = re.compile(r",\s+|\s+or\s+")  # "($11bn, £8bn)", "($20bn or RM91bn)"
_YEAR_RE = re.compile(r"\d{4}")
_DASHES = frozenset({"-", "‐", "‑", "–", "—"})
_RANGE_MONEY_SIGNS = frozenset("$¥€£")
_RANGE_END_SIGNS = frozenset({"%", "x", "×"})  # "30%-40%", "2x-5x"
_SCALE_END_WORDS = frozenset(
    {"thousand", "million", "billion", "trillion"}
)  # "2 million - 3 million"
_EDGE_PUNCTUATION = frozenset({'"', "'", ".", ",", ";", ":", "!", "?"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


@dataclass(frozen=True)
class ParsedFigure:
    """A figure as written and what it says, in the project's units.

    ``value`` is the point value, ``low``/``high`` the bounds (``None`` where open or unknown);
    all are floats in ``unit`` after the scale word has been applied. A stated extreme keeps
    both: "as much as 30%" has value 30 and high 30. ``ends`` holds the two figures of a
    change written "from X to Y" (start, end); it is not a column of the figures table.
    """

    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    bound: str
    qualifier: str | None
    unit: str
    scale: str | None
    ends: tuple[ParsedFigure, ParsedFigure] | None = field(default=None, compare=False)
    whole: str | None = field(default=None, compare=False)


# ``ends`` and ``whole`` (what a share is of, as written) are not columns of the figures table.
_RECORD_FIELDS = tuple(f.name for f in fields(ParsedFigure) if f.name not in ("ends", "whole"))


def to_record(parsed: ParsedFigure) -> dict[str, Any]:
    """The parse as a flat dict keyed like the columns of the figures table."""
    return {name: getattr(parsed, name) for name in _RECORD_FIELDS}


@dataclass(frozen=True)
class _Token:
    text: str  # as written (pint symbols are case-sensitive: "EB", "GW")
    word: str  # case-folded
    start: int  # offset in the figure's text, to quote what was not understood


@dataclass
class _Amount:
    """One number as read, before qualifiers and units are combined."""

    number: Decimal
    scale: str | None = None
    unit: str | None = None
    unit_factor: Decimal = Decimal(1)
    is_orders: bool = False
    is_share: bool = False  # a fraction of a whole ("half", "two-thirds"): read as percent
    is_bare: bool = False  # digits or number words alone: may be odds "N in M"
    is_points: bool = False  # "points": percentage points up to _MAX_POINTS
    is_inverse: bool = False  # a multiplier downwards, "ten times cheaper": 1/N
    has_names: bool = False  # words after it name what is counted
    kind: str | None = None  # set by multiplier words
    whole: str | None = None  # what a share is of: "13% of its total revenue"


@dataclass
class _Reader:
    """A cursor over the tokens of one figure."""

    text: str
    tokens: list[_Token]
    pos: int = 0
    qualifiers: list[str] = field(default_factory=list)
    per_year: str | None = None  # the words that make the figure a rate a year, as written
    compared: str | None = None  # a comparative naming another thing at one time ("less than")

    def fail(self, reason: str) -> FigureParseError:
        return FigureParseError(self.text, reason)

    def rest(self) -> str:
        last = self.tokens[-1]
        return self.text[self.tokens[self.pos].start : last.start + len(last.text)]

    def at_end(self) -> bool:
        return self.pos >= len(self.tokens)

    def peek(self, ahead: int = 0) -> str | None:
        i = self.pos + ahead
        return self.tokens[i].word if i < len(self.tokens) else None

    def take(self, *words: str) -> bool:
        """Consume ``words`` if they come next."""
        if all(self.peek(i) == w for i, w in enumerate(words)):
            self.pos += len(words)
            return True
        return False

    def take_any(self, phrases: _PhraseIndex) -> tuple[str, ...] | None:
        """Take the first of ``phrases`` (longest first) that comes next."""
        for seq in phrases.by_first.get(self.peek(), phrases.empty):
            if self.take(*seq):
                return seq
        return None

    def skip_fillers(self) -> bool:
        skipped = False
        while self.peek() in _FILLERS:
            self.pos += 1
            skipped = True
        return skipped


@dataclass
class _Lead:
    """What the words before the number say."""

    sign: int | None = None  # from a change verb
    verb: str | None = None  # the change verb, as written (case-folded)
    has_article: bool = False
    by_factor: bool = False
    by_sign: bool = False  # "+25%": a sign glued before the number


def parse_figure(text: str) -> ParsedFigure:
    """Read ``text`` (a figure's exact words) into a :class:`ParsedFigure`.

    Raises :class:`FigureParseError` when any word is not understood; never another error.
    """
    try:
        figure = _parse(_plus_after_scale(_bound_after_unit(_span_adjective_dropped(text))))
    except FigureParseError as err:
        if err.text != text:  # the refusal of the words as written, not as re-ordered
            return _parse_as_written(text, err)
        raise
    except Exception as err:  # the contract: callers only ever see FigureParseError
        raise FigureParseError(text, f"internal error {type(err).__name__}: {err}") from err
    noun = _PERCENT_CHANGE_NOUN_RE.search(text)
    if noun and figure.kind == "change" and figure.unit not in _PERCENT_UNITS:
        raise FigureParseError(
            text,
            f"{noun.group()!r} names a change of a percentage ('a 5% rally'); with a count or "
            f"money it may name an event or a thing ('a rally of 10,000 supporters'); "
            f"{vocab.REFUSAL_ADVICE}",
        )
    return dataclasses.replace(figure, text=text) if figure.text != text else figure


# A trailing bound written before the figure's unit ("45 or more days", "20 or more percent"):
# the bound holds for the figure in that unit, read as if written after it ("45 days or more").
_BOUND_BEFORE_UNIT_RE = re.compile(
    r"(?P<bound>[ \t]+or[ \t]+(?:more|fewer|less|greater|higher|lower|above|below|over|under|so))"
    r"(?P<unit>[ \t]+(?:days?|weeks?|months?|years?|decades?|percent|per[ \t]+cent"
    r"|percentage[ \t]+points?))(?![\w-])",
    re.IGNORECASE,
)


# One adjective between a number and its span of time ("six consecutive months"): the span is
# the figure's unit, read as if the adjective were not there (vocab.SPAN_ADJECTIVES).
_ADJECTIVE_BEFORE_SPAN_RE = re.compile(
    r"(?<=[\w%])[ \t]+(?:" + "|".join(sorted(vocab.SPAN_ADJECTIVES)) + r")"
    r"(?=[ \t]+(?:days?|weeks?|months?|years?|decades?|quarters?)(?![\w-]))",
    re.IGNORECASE,
)


def _span_adjective_dropped(text: str) -> str:
    """``text`` without one adjective of :data:`vocab.SPAN_ADJECTIVES` before its span word."""
    return _ADJECTIVE_BEFORE_SPAN_RE.sub("", text, count=1)


def _bound_after_unit(text: str) -> str:
    """``text`` with a trailing bound moved after the unit it stands before."""
    return _BOUND_BEFORE_UNIT_RE.sub(r"\g<unit>\g<bound>", text, count=1)


# A "+" glued to a number before its scale word ("$5+ billion"): the bound holds for the scaled
# amount, read as if written after the scale word ("$5 billion+").
_PLUS_BEFORE_SCALE_RE = re.compile(
    r"(?<=[0-9])\+(?P<scale>[ \t]+(?:thousand|million|billion|trillion))(?![\w-])", re.IGNORECASE
)


def _parse_as_written(text: str, err: FigureParseError) -> NoReturn:
    """The refusal of ``text`` as written, where its re-ordered words were refused too."""
    try:
        _parse(text)
    except FigureParseError:
        raise
    except Exception:  # the contract: callers only ever see FigureParseError
        raise FigureParseError(text, err.reason) from err
    raise FigureParseError(text, err.reason) from err


def _plus_after_scale(text: str) -> str:
    """``text`` with a "+" between a number and its scale word moved after the scale word."""
    return _PLUS_BEFORE_SCALE_RE.sub(r"\g<scale>+", text)


# Nouns of change only of a percentage (vocab.PERCENT_CHANGE_NOUNS), singular or plural.
_PERCENT_CHANGE_NOUN_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"{noun}|{vocab.noun_plural(noun)}" for noun in vocab.PERCENT_CHANGE_NOUNS)
    + r")(?![\w-])",
    re.IGNORECASE,
)


# The fields of a reading a draft or a report shows.
READING_FIELDS = ("kind", "value", "low", "high", "bound", "qualifier", "unit")


def read_mention(words: str) -> dict[str, Any]:
    """What the normaliser makes of a mention's words, as a draft shows it: the reading's
    :data:`READING_FIELDS`; ``{"refusal": reason}`` when it cannot read them; or
    ``{"exclusion": vocab.YEAR_REASON}`` for a year, which is never a quantity."""
    if is_year(words):
        return {"exclusion": vocab.YEAR_REASON}
    try:
        parsed = parse_figure(words)
    except FigureParseError as err:
        return {"refusal": err.reason}
    reading = {name: getattr(parsed, name) for name in READING_FIELDS}
    if parsed.whole is not None:
        reading["whole"] = parsed.whole
    return reading


def is_unit_word(word: str) -> bool:
    """Whether ``word`` after a number would be read as its unit (one of the project's or
    not): "hours", "minutes", "GWh", "PFlops"; not a noun that names what is counted."""
    folded = word.casefold()
    if len(word) < 2 or not word.isalpha() or folded in _NOT_UNITS:
        return False
    if any(folded == seq[0] for seq in _CURRENCY_WORDS):
        return False
    if OTHER_UNITS_RE.fullmatch(word) is not None:
        return True
    converted = _convert_unit(word)
    return converted is not None and not (converted[0] is None and _is_a_word_not_a_unit(word))


# What the unit registry (pint) and the English lexicon said of each word asked about, by
# (question, word): kept for the process, and handed to the caller to keep for the next one
# (:func:`unit_answers`, :func:`learn_unit_answers`), since loading the two costs ~0.5-1 CPU s
# a process and a source re-checked after an edit asks about words asked about before.
_UNIT_ANSWERS: dict[tuple[str, str], Any] = {}
_NOT_A_UNIT = "word, not unit"
_CONVERSION = "conversion"


def unit_answers() -> dict[tuple[str, str], Any]:
    """A copy of what this process asked the unit registry and the lexicon, by (question,
    word): the answers depend only on the word, this module's code and the two libraries."""
    return dict(_UNIT_ANSWERS)


def learn_unit_answers(answers: dict[tuple[str, str], Any]) -> None:
    """Take ``answers`` (from :func:`unit_answers` of an earlier process of the same code and
    libraries) as given: a word among them is not asked about again."""
    _UNIT_ANSWERS.update(answers)


def _is_a_word_not_a_unit(word: str) -> bool:
    """Whether ``word``, which the unit registry reads as a unit not of the project's, is a
    word or a name rather than a unit: a capitalised word of four letters or more ("Tesla
    cars": units are written in lower case or as symbols), or an English word the registry
    reads only by splitting a prefix off ("rare" as ronto-are)."""
    if (_NOT_A_UNIT, word) not in _UNIT_ANSWERS:
        _UNIT_ANSWERS[(_NOT_A_UNIT, word)] = _ask_is_a_word_not_a_unit(word)
    return _UNIT_ANSWERS[(_NOT_A_UNIT, word)]


def _ask_is_a_word_not_a_unit(word: str) -> bool:
    """:func:`_is_a_word_not_a_unit`, asked of the registry and the lexicon."""
    if len(word) >= 4 and word.istitle():
        return True
    import lemminflect

    parses = _unit_registry().parse_unit_name(word)
    is_english = bool(lemminflect.getAllLemmas(word.casefold()))
    spelled = any(
        word.casefold().startswith(prefix) and prefix in vocab.SPELLED_SI_PREFIXES
        for prefix, _, _ in parses
    )
    return is_english and bool(parses) and all(prefix for prefix, _, _ in parses) and not spelled


def format_reading(reading: dict[str, Any]) -> str:
    """A reading in one line: "percent 17.5 (approximate)", "refused: ...", "excluded: ..."."""
    if "exclusion" in reading:
        return f"excluded: {reading['exclusion']}"
    if "refusal" in reading:
        return f"refused: {reading['refusal']}"
    if "levels" in reading:  # "from X to Y" read as the two levels it reports
        levels = [
            f"{level['text']!r}: {format_reading(level)}"
            + (f" in {level['period']}" if level.get("period") else "")
            for level in reading["levels"]
        ]
        return f"levels {' and '.join(levels)}; the change between them is derived"
    if reading["value"] is not None:
        number = f"{reading['value']:g}"
    else:
        low = "" if reading["low"] is None else f"{reading['low']:g}"
        high = "" if reading["high"] is None else f"{reading['high']:g}"
        number = f"{low}..{high}"
    whole = f" of {reading['whole']}" if reading.get("whole") else ""
    return f"{reading['kind']} {number} {reading['unit']}{whole} ({reading['bound']})"


def _is_glued(left: _Token, right: _Token) -> bool:
    """Whether ``right`` starts right where ``left`` ends ("14.8" and "T" in "14.8T")."""
    return left.start + len(left.text) == right.start


_LETTERS_AFTER_SIGN_RE = re.compile(r"(?<![^\W\d_])\$US(?=[ \t]?[0-9])")


def _tokenise(text: str) -> list[_Token]:
    """Words, numbers and signs, with offsets; a dash between numbers reads as "to"."""
    # "$US2.4bn" writes the letters of "US$" after the sign: the same currency, same length
    cleaned = _LETTERS_AFTER_SIGN_RE.sub("US$", text.translate(_QUOTES))
    tokens = [
        _Token(m.group(), m.group().casefold(), m.start()) for m in _TOKEN_RE.finditer(cleaned)
    ]
    while tokens and tokens[-1].word in _EDGE_PUNCTUATION:
        tokens.pop()
    while tokens and tokens[0].word in _EDGE_PUNCTUATION:
        tokens.pop(0)
    tokens = _glue_currency_letters(tokens)
    kept = []
    for i, token in enumerate(tokens):
        if token.word in _DASHES and 0 < i < len(tokens) - 1:
            left, right = tokens[i - 1], tokens[i + 1]
            # "$3–$4 trillion": the far end may carry its own currency sign
            is_money_end = (
                right.word[-1] in _RANGE_MONEY_SIGNS
                and i + 2 < len(tokens)
                and tokens[i + 2].word[0].isdigit()
            )
            is_end = left.word[-1].isdigit() or left.word in _RANGE_END_SIGNS
            if (is_end or left.word in _SCALE_END_WORDS) and (
                right.word[0].isdigit() or is_money_end
            ):
                kept.append(_Token(token.text, "to", token.start))  # "3-5", "3 – 5"
                continue
            is_glued = left.start + len(left.text) == token.start == right.start - 1
            if (
                is_glued
                and left.word[-1].isalnum()
                and (right.word[0].isalnum() or right.word == "$")
            ):
                continue  # "one-in-five", "sub-20%", "ten-fold"
        kept.append(token)
    return kept


def _glue_currency_letters(tokens: list[_Token]) -> list[_Token]:
    """ "HK$", "NT$", "CN¥" are one token, so that "A$" is never an article and "$"."""
    glued: list[_Token] = []
    for token in tokens:
        last = glued[-1] if glued else None
        if (
            last is not None
            and token.word in _MONEY_SIGNS
            and last.word.isalpha()
            and last.start + len(last.text) == token.start
        ):
            glued[-1] = _Token(last.text + token.text, last.word + token.word, last.start)
        else:
            glued.append(token)
    return glued


def _parse(text: str, *, is_end: bool = False) -> ParsedFigure:
    """Read one figure; ``is_end`` for an end of "from X in 2023 to Y in 2024", where a year
    after a bare number is the end's period, not odds."""
    reader = _Reader(text, _tokenise(text))
    if reader.at_end():
        raise reader.fail("no words to read")
    if power := POWER_OF_TEN_RE.search(text):
        raise reader.fail(
            f"{power.group()!r} is a number written as a power of ten, as amounts of compute "
            f"(FLOP, operations) are, for which the project has no unit; {vocab.REFUSAL_ADVICE}"
        )
    lead = _take_lead(reader)
    if reader.take("from"):
        if reader.qualifiers:
            raise reader.fail(f"a qualifier ({reader.qualifiers[0]!r}) before 'from X to Y'")
        return _parse_from_to(reader, lead.sign)
    is_between = reader.take("between")
    first = _take_amount(reader, lead)
    second = None
    is_odds = False
    is_odds_form = not _period_follows(reader) or (not is_end and _is_odds_of_a_year(reader))
    if reader.peek() == "in" and first.is_bare and is_odds_form:
        reader.pos += 1
        is_odds = True
        reader.skip_fillers()
        second = _take_amount(reader, _Lead())
    elif first.is_bare and reader.take("out", "of"):
        is_odds = True
        second = _take_amount(reader, _Lead())
        second.has_names = True  # "four out of five (chips)": members of a group, a share
    elif reader.take("and" if is_between else "to"):
        second = _take_amount(reader, _Lead())
        if lead.sign is not None:
            _refuse_change_or_level(reader, first, second)
    elif is_between:
        raise reader.fail("'between' needs 'X and Y'")
    elif reader.peek() == "in" and first.is_bare and _is_year(reader, 1) and not is_end:
        year = reader.tokens[reader.pos + 1].text
        raise reader.fail(
            f"{reader.rest()!r} after a bare number may be odds (N in {year}) or a period "
            f"(in the year {year}); add a unit, what is counted, or 'chance'"
        )
    is_compared = reader.peek() in ("as", "what") or reader.peek(ahead=1) == "what"
    if first.is_share and first.unit is None and second is None and is_compared:
        first.is_share, first.unit = False, "fold"  # "half as much", "half what X pay": 0.5
    if reader.peek() == "of" and reader.peek(ahead=1) == "what":
        # "1 to 4 percent of what the U.S. produces": a fraction of a comparator, not a share
        # of a whole it belongs to; a multiplier in fold (0.01 to 0.04), as "half what" is
        for amount in (first, second):
            if amount is not None and amount.unit == "percent":
                amount.unit, amount.unit_factor = "fold", amount.unit_factor / 100
    last = second or first
    _take_per_unit(reader, first, second, is_change=lead.sign is not None)
    sign = _take_trailing(reader, lead.sign, last, is_odds=is_odds, by_sign=lead.by_sign)
    if lead.verb in vocab.AMOUNT_VERBS and sign == lead.sign and _is_amount_moved(last):
        _check_whole_determined(reader, lead.verb, last)
        sign = None  # "lost $279 billion", "gained 6% of the market": the amount moved
    elif sign == lead.sign and _acts_on_share(lead.verb, last):
        raise reader.fail(
            f"{lead.verb!r} before a share of {last.whole!r} may act on that share ('improved "
            f"30% of queries') or give the size of a change, which the words do not settle; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    figure = _combine(reader, first, second, is_odds=is_odds, sign=sign)
    if lead.by_sign and figure.unit not in ("percent", "percentage_point"):
        raise reader.fail(
            f"a sign before {figure.unit!r} may make a change or a level below zero ('-5 "
            f"degrees'); {vocab.REFUSAL_ADVICE}"
        )
    if figure.kind == "percent" and (period := _period_outside_whole(reader.text)):
        # "42% YoY" is a change from that period, but no word the mention holds gives its sign
        raise reader.fail(
            f"{period.group()!r} makes {figure.text!r} a change, but no word the mention holds "
            f"gives its sign ('rose', 'fell', 'up', '+', '-'); {vocab.REFUSAL_ADVICE}"
        )
    return figure


def _refuse_change_or_level(reader: _Reader, first: _Amount, second: _Amount) -> None:
    """Refuse "X to Y" after a change where Y may be the level reached, not the range's far
    end. A range writes its unit or scale once ("by 3 to 4 million"); written on both ends ("cut
    by 3.4 million to 150 million"), on neither ("fell by 1,000 to 52,000"), or the first in
    full before a scale ("fell by 20,000 to 1.2 million"), the words do not settle it."""
    both = (first.unit and second.unit) or (first.scale and second.scale)
    neither = not any((first.unit, second.unit, first.scale, second.scale))
    in_full = first.scale is None and second.scale is not None and first.number >= 1000
    if both or neither or in_full:
        raise reader.fail(
            "after a change, 'X to Y' with the unit or scale written on both, on neither, "
            "or the first written in full may be a range of the change or the change and "
            f"the level it reached; {vocab.REFUSAL_ADVICE}"
        )


# A period of comparison after a percentage makes it a change from that period: "42% YoY",
# "6% Q/Q", "12.8% sequentially", "5% year-on-year", "12% year-to-date" (positive unless a sign
# or verb says not).
_COMPARED_PERIOD_RE = re.compile(
    r"(?<![\w/])(?:yoy|qoq|mom|ytd|y/y|q/q|m/m|sequentially|year[- ]to[- ]date"
    r"|(?:year|quarter|month|week|day)[- ](?:on|over)[- ](?:year|quarter|month|week|day))"
    r"(?![\w/])",
    re.IGNORECASE,
)


def _is_amount_moved(amount: _Amount) -> bool:
    """After "added", "gained", "lost", "shed": an amount in an absolute unit (money, energy,
    things counted) or a share of a named whole is the amount moved, not a change."""
    if amount.unit in _PERCENT_UNITS or amount.is_share:
        # a part of the subject's own whole is a change of it: "lost 17% of its value"
        owner = (amount.whole or "").split(" ", 1)[0].casefold()
        return amount.whole is not None and owner not in _POSSESSIVES
    return amount.unit != "fold" and amount.kind is None


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})

# Words that open a whole that is another's, not the subject's own: "gained 6% of the market".
_WHOLE_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "all", "every", "each", "some"}
)


def _check_whole_determined(reader: _Reader, verb: str, amount: _Amount) -> None:
    """Refuse a share moved by a verb of gain or loss whose whole has no determiner and opens
    with a noun ("lost 12% of sales volume", "shed 12% of staff"): the whole may be the
    subject's own (a change of it, as "lost 12% of its sales volume" is) or another's (the
    share moved, as "gained 6% of the market" is), which the words do not settle."""
    if not (amount.unit in _PERCENT_UNITS or amount.is_share) or amount.whole is None:
        return
    first = amount.whole.split(" ", 1)[0]
    if first.casefold() in _WHOLE_DETERMINERS or not first.isalpha() or first[0].isupper():
        return  # "gained 6% of the market", "added 5% of GDP": another's whole, named
    parts = lemminflect.getAllLemmas(first.casefold())
    if "NOUN" not in parts or "ADJ" in parts:
        return  # "added 0.01% of global compute": a word of scope names another's whole
    raise reader.fail(
        f"{verb!r} before a share of {amount.whole!r} with no 'the' or 'its': a change of the "
        f"subject's own measure or the share moved, which the words do not settle; "
        f"{vocab.REFUSAL_ADVICE}"
    )


# Verbs of a cut: cutting N% of a whole is a fall of N% in it ("trimming 5% of staff").
_CUT_STEMS = ("reduc", "slash", "lower", "trim")


def _acts_on_share(verb: str | None, amount: _Amount) -> bool:
    """Whether ``amount`` after a verb of change (no verb of a cut) is a percentage of a named
    whole that is not the subject's own ("improved 30% of queries", not "fell 17% of its
    value"): the verb may act on that share rather than give the size of a change."""
    if verb not in vocab.CHANGE_VERBS or verb.startswith(_CUT_STEMS):
        return False
    owner = (amount.whole or "").split(" ", 1)[0].casefold()
    is_share = amount.unit in _PERCENT_UNITS or amount.is_share
    return is_share and amount.whole is not None and owner not in _POSSESSIVES


# A price per unit after an amount of money: "$0.05/kWh", "17.78 cents per kilowatt-hour".
_PER_KWH = _phrase_index(
    *(
        f"{per} {unit}"
        for per in ("/", "per", "a")
        for unit in ("kwh", "kilowatt-hour", "kilowatthour")
    )
)
_PRICE_UNITS = {"usd": "usd_per_kwh", "cny": "cny_per_kwh", "eur": "eur_per_kwh"}
# A price per megawatt-hour: the same price per kWh, a thousandth of it ("$45/MWh" is $0.045
# per kWh), converted exactly, the words kept.
_PER_MWH = _phrase_index(
    *(
        f"{per} {unit}"
        for per in ("/", "per", "a")
        for unit in ("mwh", "megawatt-hour", "megawatthour")
    )
)
# Words that make a figure a rate a year, whatever the typography ("a year", "/yr", "annually"),
# and words before a noun of change that do ("an annual increase", "compound annual growth").
_PER_YEAR = _phrase_index(*vocab.PER_YEAR_WORDS)
_DATING_AFTER_A_YEAR = frozenset({"ago", "earlier", "before", "later", "prior", "previously"})


def _take_per_year(reader: _Reader) -> bool:
    """Take the words of "a year" that make a rate; not "a year ago", which dates a figure."""
    start = reader.pos
    if reader.take_any(_PER_YEAR) is None:
        return False
    if reader.peek() in _DATING_AFTER_A_YEAR:
        reader.pos = start
        return False
    return True


_ANNUAL = _phrase_index(*vocab.ANNUAL_WORDS)
_TIMES = frozenset({"times", "twice", "thrice"})
# Hundredths of a US dollar, after the number: "five cents", "8.24¢".
_CENTS = frozenset({"cents", "cent", "¢"})


def _take_per_unit(
    reader: _Reader, first: _Amount, second: _Amount | None, *, is_change: bool
) -> None:
    """ "$0.05/kWh": money per kilowatt-hour is a price; "three times a year" is a rate (but
    "grew 3.3x annually" is a growth factor a year: the words of "a year" are marked, and
    :func:`_per_year_unit` gives the unit; "grew 3.3 times annually" is refused)."""
    amounts = [a for a in (first, second) if a is not None]
    is_times = first.unit == "fold" and first.kind != "change" and reader.pos > 0
    is_times = is_times and reader.tokens[reader.pos - 1].word in _TIMES and not is_change
    start = reader.pos
    if _take_per_year(reader):
        _check_times_a_year_after_change(reader, start, is_change=is_change)
        if is_times:  # "three times a year": how often, a rate
            for amount in amounts:
                if amount.unit is not None:
                    amount.unit, amount.kind = "per_year", None
        else:
            _mark_per_year(reader, start)
        return
    if (
        reader.peek() == "/"
        and reader.peek(1) not in (None, "kwh", "mwh")
        and first.unit in _CURRENCIES
    ):
        per = reader.tokens[reader.pos + 1].text
        raise reader.fail(f"a price per {per!r} is not one of the project's units")
    per_mwh = reader.take_any(_PER_MWH) is not None  # "$45 per MWh": $0.045 per kWh
    if per_mwh or reader.take_any(_PER_KWH):
        if first.unit not in _PRICE_UNITS:
            written = first.unit or "a number without a currency"
            raise reader.fail(f"a price per kWh in {written!r} is not one of the project's units")
        for amount in amounts:
            if amount.unit is not None:
                amount.unit = _PRICE_UNITS[amount.unit]
                amount.unit_factor /= 1000 if per_mwh else 1


def _check_times_a_year_after_change(reader: _Reader, start: int, *, is_change: bool) -> None:
    """ "rose 4 times a year", "rose twice a year" (the words of "a year" from token ``start``
    to here): after a word of change, "times" with "a year" may count how often it changed each
    year or be a growth factor each year, so it is refused; "-fold", "×" and "x" never count
    occasions ("grew fourfold a year": a factor)."""
    if not is_change or start == 0 or reader.tokens[start - 1].word not in _TIMES:
        return
    first, last = reader.tokens[max(start - 2, 0)], reader.tokens[reader.pos - 1]
    words = reader.text[first.start : last.start + len(last.text)]
    raise reader.fail(
        f"{words!r} after a word of change may count how often it changed each year, or be a "
        f"growth factor each year; {vocab.REFUSAL_ADVICE}"
    )


def _mark_per_year(reader: _Reader, start: int) -> None:
    """Record the words from token ``start`` to here as those that make the figure a rate a
    year; a second such phrase is refused."""
    first, last = reader.tokens[start], reader.tokens[reader.pos - 1]
    words = reader.text[first.start : last.start + len(last.text)]
    if reader.per_year is not None:
        raise reader.fail(f"two words of 'a year' ({reader.per_year!r} and {words!r})")
    reader.per_year = words


def _take_annual(reader: _Reader) -> bool:
    """ "annual" and kin before a noun of change or "rate" ("an annual increase of 8%", "a
    compound annual growth rate of 31.2%", "a 23% compound annual rate"): mark the figure a
    rate a year and return True; False, taking nothing, otherwise. The words give no sign:
    "compound" says the rate compounds, as interest does too, not that it is growth; a word of
    change decides (docs/annotations.md, '"compound" does not make a growth rate')."""
    start = reader.pos
    if reader.take_any(_ANNUAL) is None:
        return False
    if reader.peek() in _CHANGE_NOUNS:
        _mark_per_year(reader, start)
        return True
    if reader.peek() == "rate":
        reader.pos += 1
        _mark_per_year(reader, start)
        reader.take("of")
        return True
    reader.pos = start
    return False


def _per_year_unit(reader: _Reader, unit: str, kind: str) -> str:
    """The unit of a figure marked a rate a year (vocab.PER_YEAR_UNITS): a growth rate where
    words of change make the percentage or multiplier one, a flow for money with no word of
    change; anything else is refused with the reason."""
    words = reader.per_year
    if unit in _CURRENCIES:
        if kind == "change":
            raise reader.fail(
                f"money a year ({words!r}) after a word of change may be a change each year or "
                f"a change to a flow a year; {vocab.REFUSAL_ADVICE}"
            )
        if unit not in vocab.PER_YEAR_UNITS:
            raise reader.fail(f"money a year in {unit!r} is not one of the project's units")
        return vocab.PER_YEAR_UNITS[unit]
    if unit in ("percent", "fold"):
        if kind != "change":
            raise reader.fail(
                f"{'a percentage' if unit == 'percent' else 'a multiple'} a year ({words!r}) with "
                f"no word of change may be a growth rate, a share of each year's whole or an "
                f"interest rate; {vocab.REFUSAL_ADVICE}"
            )
        return vocab.PER_YEAR_UNITS[unit]
    raise reader.fail(
        f"{words!r} makes the figure a rate a year in {unit!r}, for which the project has no "
        f"unit; {vocab.REFUSAL_ADVICE}"
    )


def _is_odds_of_a_year(reader: _Reader) -> bool:
    """ "1 in 2000 chance": a year-like number after "in", then only probability words."""
    rest = reader.tokens[reader.pos + 2 :]
    return _is_year(reader, 1) and bool(rest) and all(t.word in _PROBABILITY_WORDS for t in rest)


# A sign glued before the number makes it a change in that direction.
_SIGNS = {"+": 1, "-": -1, "−": -1}


# Bounds that, right after a verb of change, name the level crossed ("fell below $900", "rose
# above 10%"), not the size of the change; "rose over 10%" and "fell by under 5%" keep the bound.
_CROSSED_LEVEL_BOUNDS = frozenset({"below", "above", "under", "beneath"})


def _check_level_reached(reader: _Reader, lead: _Lead, phrase: str, length: int) -> None:
    """Refuse a bound after a word of change that names the level reached or crossed ("grow as
    high as 12%", "fell below $900") rather than the amount of the change."""
    if lead.sign is None:
        return
    if phrase.split()[:2] in (["as", "high"], ["as", "low"]):
        raise reader.fail(
            f"{phrase!r} after a word of change names the level reached ('grow as high "
            f"as 12%'), not the amount of the change; {vocab.REFUSAL_ADVICE}"
        )
    before = reader.tokens[reader.pos - length - 1].word if reader.pos - length > 0 else ""
    if phrase in _CROSSED_LEVEL_BOUNDS and before in _CHANGE_VERBS:
        raise reader.fail(
            f"{phrase!r} right after {before!r} names the level crossed ('fell below $900'), "
            f"not the amount of the change; {vocab.REFUSAL_ADVICE}"
        )


def _signed_after_a_direction(reader: _Reader, lead: _Lead) -> bool:
    """Take a sign glued to the number after a word of direction ("drop at -31%"): the sign
    must agree with the word's; a sign against it is refused. False where no sign stands."""
    is_signed = reader.peek() in _SIGNS and (reader.peek(1) or "")[:1].isdigit()
    if lead.sign is None or not is_signed or reader.pos == 0:
        return False
    if not _is_glued(reader.tokens[reader.pos], reader.tokens[reader.pos + 1]):
        return False
    if _SIGNS[reader.tokens[reader.pos].word] != lead.sign:
        raise reader.fail("a sign against the direction word before it")
    lead.by_sign = True
    reader.pos += 1
    return True


def _take_lead(reader: _Reader) -> _Lead:
    """Qualifiers, articles, a change verb and "by a factor of", in any order."""
    lead = _Lead()
    is_signed = reader.peek() in _SIGNS and (reader.peek(1) or "")[:1].isdigit()
    if is_signed and _is_glued(reader.tokens[0], reader.tokens[1]):
        lead.sign = _SIGNS[reader.tokens[0].word]  # "+25%", "−3.5%": a change with its sign
        lead.by_sign = True
        reader.pos += 1
    while not reader.at_end():
        if reader.take_any(_TIME_LEADS) or (lead.has_article and reader.take_any(_PERIOD_WORDS)):
            continue  # "over the next five years", "a year-on-year increase of 8%"
        if _take_annual(reader):
            continue  # "an annual increase of 8%": the noun comes next
        if reader.take_any(_BY_A_FACTOR):
            lead.by_factor = True
        elif reader.pos == 0 and reader.peek() == "by" and not _is_year(reader, 1):
            reader.pos += 1  # "by 12 times", "by an order of magnitude": the amount of a gap
        elif _signed_after_a_direction(reader, lead):
            continue  # "up +12%": a "+" glued before the digits is a sign, never a bound
        elif _emphasis_before_fraction(reader, lead):
            reader.pos += 1  # "a staggering third of the stores": no qualifier, the plain share
        elif (seq := reader.take_any(_QUALIFIER_INDEX)) is not None:
            phrase = _QUALIFIER_PHRASES[seq]
            _check_level_reached(reader, lead, phrase, len(seq))
            reader.qualifiers.append(phrase)
        elif reader.skip_fillers():
            lead.has_article = True
        elif lead.has_article and reader.peek() in _NEUTRAL_ADJECTIVES:
            reader.pos += 1  # "a separate 1bn yuan round", "a record $5 billion"
        elif lead.sign in (None, _CHANGE_NOUNS.get(reader.peek() or "")) and (
            noun_sign := _noun_of_change(reader)
        ):
            lead.sign = noun_sign  # "a decline of 3%", "grow at a CAGR of 31.2%", "surge by 73%"
        elif lead.sign is None and reader.peek() in _CHANGE_VERBS and reader.peek(1):
            lead.sign = _CHANGE_VERBS[reader.tokens[reader.pos].word]
            lead.verb = reader.tokens[reader.pos].word
            reader.pos += 1
            if reader.take_any(_BY_A_FACTOR):
                lead.by_factor = True
            elif reader.take("by"):
                lead.verb = None  # "added by 5 GW" is a change, not the amount moved
            else:
                reader.take("at")  # "grew at 30% a year"
        else:
            break
    if len(reader.qualifiers) > 1 and " ".join(reader.qualifiers) not in vocab.QUALIFIERS:
        # Emphasis leaves the number as it is: "only ~$6M" reads as "~$6M".
        kept = [q for q in reader.qualifiers if vocab.QUALIFIERS[q] != "exact"]
        effects = [vocab.QUALIFIERS[q] for q in kept]
        if effects in (["upper", "approximate"], ["lower", "approximate"]):
            kept = kept[:1]  # "up to ~1.6M", "more than about 500": a bound, itself rough
        reader.qualifiers[:] = kept if len(kept) == 1 else reader.qualifiers
    if len(reader.qualifiers) > 1:
        stack = " ".join(reader.qualifiers)
        raise reader.fail(
            f"the stacked qualifiers {stack!r} are not a phrase of the vocabulary; "
            "add it to vocab.QUALIFIERS with its effect"
        )
    return lead


def _emphasis_before_fraction(reader: _Reader, lead: _Lead) -> bool:
    """Whether an adjective of emphasis (vocab.FRACTION_ADJECTIVES) stands between an article
    and a fraction ("a staggering third of"): it changes nothing, not even as a qualifier."""
    is_emphasis = lead.has_article and reader.peek() in vocab.FRACTION_ADJECTIVES
    return is_emphasis and reader.peek(1) in _FRACTIONS


def _noun_of_change(reader: _Reader) -> int | None:
    """Take a noun of change before the number and return its sign: "a decline of 3%", "a
    CAGR of 31.2%", "a growth rate of 5%", "(revenue) surge by 73%", "increases of 15%";
    else None."""
    plural = vocab.CHANGE_NOUN_PLURALS.get(reader.peek() or "")
    if plural is not None and reader.peek(1) == "of":
        reader.pos += 2  # "increases of 15 percent"
        return plural
    sign = _CHANGE_NOUNS.get(reader.peek() or "")
    if sign is None:
        return None
    for words in (("of",), ("rate", "of"), ("rates", "of"), ("by",)):
        if all(reader.peek(i) == word for i, word in enumerate(words, start=1)):
            if reader.peek() == "cagr":
                _mark_per_year(reader, reader.pos)  # a compound annual growth rate
            reader.pos += 1 + len(words)
            return sign
    return None


def _take_amount(reader: _Reader, lead: _Lead) -> _Amount:
    """Read [currency] number [scale] [unit or currency] [(converted amount)]."""
    currency = _take_currency_sign(reader)
    word = reader.peek()
    if word in _MULTIPLIER_WORDS:
        reader.pos += 1
        kind, factor = _MULTIPLIER_WORDS[word]
        if currency is not None:
            raise reader.fail(f"a currency sign before {word!r}")
        if reader.peek() in ("digit", "digits"):
            raise reader.fail(
                f"{reader.rest()!r} gives no number, only how many digits it has; "
                f"exclude the mention with the reason {vocab.VAGUE_REASON!r}"
            )
        return _Amount(Decimal(factor), unit="fold", kind=kind)
    amount = _take_number(reader, has_article=lead.has_article)
    if currency is not None:
        amount.is_bare = False
    # a capital "T" glued to digits is a trillion too ("14.8T tokens"); "5 t" may be tonnes
    is_capital_t = reader.peek() == "t" and reader.tokens[reader.pos].text == "T"
    is_capital_t = is_capital_t and _is_glued(
        reader.tokens[reader.pos - 1], reader.tokens[reader.pos]
    )
    aliases = _SCALE_ALIASES | (_MONEY_SCALE_ALIASES if currency or is_capital_t else {})
    if amount.scale is None and reader.peek() in aliases:
        amount.scale = aliases[reader.tokens[reader.pos].word]
        amount.is_bare = False
        reader.pos += 1
    if reader.peek() in _VAGUE_PLURALS:
        raise _vague(reader)
    if reader.take_any(_ORDERS_OF_MAGNITUDE):
        amount.unit, amount.is_orders = "fold", True
    elif amount.unit is None and currency is None and reader.peek() in _CENTS:
        reader.pos += 1  # "five cents": a hundredth of a US dollar
        amount.unit, amount.unit_factor, amount.is_bare = "usd", Decimal("0.01"), False
    elif amount.unit is None:
        _take_unit(reader, amount)
    if amount.unit is not None:
        amount.is_bare = False
    if lead.by_factor:
        if amount.unit not in (None, "fold") or currency:
            raise reader.fail(f"'by a factor of' with the unit {amount.unit or currency!r}")
        amount.unit = "fold"
    word_currency = _take_currency_word(reader)
    is_pounds = reader.tokens[reader.pos - 1].word in ("pound", "pounds")
    if word_currency == "gbp" and is_pounds and currency is None and amount.scale is None:
        raise reader.fail(
            "'pounds' after a plain number may be a weight or sterling; "
            "write '£', 'pounds sterling' or GBP, or exclude it"
        )
    if currency is not None or word_currency is not None:
        amount.unit = _money_unit(reader, amount, currency, word_currency)
        amount.is_bare = False
    if amount.unit is not None and reader.peek() == "(" and not _is_bracketed_year(reader):
        _take_bracket(reader, amount)
    return amount


def _take_currency_sign(reader: _Reader) -> str | None:
    seq = reader.take_any(_CURRENCY_SIGN_INDEX)
    if seq is None:
        word = reader.peek() or ""
        if len(word) > 1 and word[-1] in _MONEY_SIGNS:
            written = reader.tokens[reader.pos].text
            raise reader.fail(f"the currency {written!r} is not one of the project's units")
        return None
    unit = _CURRENCY_SIGNS[seq]
    if unit is None:
        unit = _yuan_or_yen_ahead(reader)
        if unit is None:
            raise reader.fail(
                "the sign '¥' writes both yuan and yen; write CN¥, RMB or yuan, or JP¥ or yen"
            )
    return unit


def _yuan_or_yen_ahead(reader: _Reader) -> str | None:
    """The currency word later in the figure, for a bare '¥' ("¥10 billion yuan")."""
    later = {token.word for token in reader.tokens[reader.pos :]}
    found = {_CURRENCY_WORDS[(w,)] for w in later if (w,) in _CURRENCY_WORDS}
    found &= {"cny", "jpy"}
    return found.pop() if len(found) == 1 else None


def _take_currency_word(reader: _Reader) -> str | None:
    seq = reader.take_any(_CURRENCY_WORD_INDEX)
    if seq is not None:
        return _CURRENCY_WORDS[seq]
    if reader.peek() in _OTHER_MONEY_WORDS:
        raise _other_money(reader)
    if reader.peek(1) in ("dollar", "dollars") and (reader.peek() or "").isalpha():
        raise _other_money(reader)
    return None


def _money_unit(reader: _Reader, amount: _Amount, sign: str | None, word: str | None) -> str:
    if amount.unit is not None:
        raise reader.fail(f"an amount of money with the unit {amount.unit!r}")
    if sign is not None and word is not None and sign != word:
        raise reader.fail(f"two currencies, {sign} and {word}, for one amount")
    return sign or word or "usd"


def _take_bracket(reader: _Reader, amount: _Amount) -> None:
    """Pass over "(EB)" after a unit, or a converted amount of money after money."""
    words = [token.word for token in reader.tokens]
    if ")" not in words[reader.pos :]:
        raise reader.fail("a bracket that is not closed")
    closing = words.index(")", reader.pos)
    inner_text = reader.text[reader.tokens[reader.pos].start + 1 : reader.tokens[closing].start]
    if amount.unit in _CURRENCIES:
        for part in _CONVERSIONS_SPLIT_RE.split(inner_text):  # "($11bn, £8bn)"
            try:
                inner = _parse(part)
            except FigureParseError as err:
                raise reader.fail(f"the bracket {inner_text!r}: {err.reason}") from err
            if inner.kind != "money":
                raise reader.fail(f"the bracket {inner_text!r} is not an amount of money")
        reader.pos = closing + 1
        return
    reader.pos += 1
    inner_amount = _Amount(Decimal(1))
    _take_unit(reader, inner_amount)
    if inner_amount.unit != amount.unit or not reader.take(")"):
        raise reader.fail(f"the bracketed unit in {reader.text!r} does not repeat the unit")


def _take_number(reader: _Reader, *, has_article: bool) -> _Amount:
    token = reader.tokens[reader.pos] if not reader.at_end() else None
    if token is not None and _DIGITS_RE.fullmatch(token.word):
        reader.pos += 1
        number = Decimal(token.word.translate(_GROUP_MARKS))
        if reader.take(*_AND_A_HALF):
            number += Decimal("0.5")
        return _Amount(number, is_bare=True)
    if token is not None and token.word in _VAGUE_PLURALS | _VAGUE_WORDS:
        raise _vague(reader)
    if token is not None and (fold := _glued_fold(token.word)) is not None:
        reader.pos += 1
        return _Amount(Decimal(fold), unit="fold")  # "fourfold", "tenfold"
    words: list[str] = []
    while (word := reader.peek()) is not None and _is_number_word(word):
        words.append(word)
        reader.pos += 1
        if word in _HUNDREDS and reader.peek() == "and" and _is_number_word(reader.peek(1) or ""):
            words.append("and")  # "one hundred and five"
            reader.pos += 1
        if word == _HALF and reader.peek() in ("a", "an") and reader.peek(1) in _SCALE_ALIASES:
            reader.pos += 1  # "half a million"
        glued = reader.peek() or ""
        if glued.endswith(_FOLD_SUFFIX) and _glued_fold(glued) is not None:
            reader.pos += 1  # "twenty-fivefold"
            phrase = " ".join([*words, glued[: -len(_FOLD_SUFFIX)]])
            return _Amount(Decimal(_text_to_int(reader, phrase)), unit="fold")
    if not words:
        fraction = reader.peek()
        if has_article and fraction in _FRACTIONS and not fraction.endswith("s"):
            reader.pos += 1  # "a third", "a quarter"
            return _Amount(Decimal(1) / _FRACTIONS[fraction], is_share=True)
        if _looks_like_unit(reader):
            is_one = reader.pos > 0 and reader.tokens[reader.pos - 1].word in ("a", "an")
            is_one = is_one and reader.peek() not in _ORDINALS  # "a second model"
            if has_article and is_one:  # never "the": "the second-ranked" is no second
                return _Amount(Decimal(1))  # "an order of magnitude", "a year"
            if reader.tokens[reader.pos].word.endswith("s"):
                raise _vague(reader)  # "months"
        where = f"at {reader.rest()!r}" if not reader.at_end() else "at the end"
        raise reader.fail(f"expected a number {where}")
    amount = _read_number_words(reader, words)
    if reader.take(*_AND_A_HALF):
        if amount.is_share or amount.scale is not None:
            raise reader.fail(f"'and a half' after {' '.join(words)!r}")
        amount.number += Decimal("0.5")
    return amount


def _vague(reader: _Reader) -> FigureParseError:
    kind = "quantity" if reader.peek() in _VAGUE_WORDS else "plural"
    return reader.fail(
        f"the words give no number: {reader.rest()!r} is a vague {kind}; "
        f"exclude the mention with the reason 'vague {kind}, no number'"
    )


def _other_money(reader: _Reader) -> FigureParseError:
    return reader.fail(
        f"an amount of money in {reader.rest()!r}, a currency that is not one of the "
        "project's units"
    )


def _glued_fold(word: str) -> int | None:
    if not word.endswith(_FOLD_SUFFIX) or word == _FOLD_SUFFIX:
        return None
    try:
        return text2num(word[: -len(_FOLD_SUFFIX)], "en")
    except ValueError:
        return None  # "manifold", "halffold"


def _read_number_words(reader: _Reader, words: list[str]) -> _Amount:
    phrase = " ".join(words)
    if words == [_HALF]:
        return _Amount(Decimal("0.5"), is_share=True)
    if reader.peek() in _FRACTIONS:  # "two-thirds", "three quarters"
        denominator = _FRACTIONS[reader.tokens[reader.pos].word]
        reader.pos += 1
        return _Amount(Decimal(_text_to_int(reader, phrase)) / denominator, is_share=True)
    if words[0] == _HALF and len(words) == 2 and words[1] in vocab.SCALES:
        return _Amount(Decimal("0.5"), scale=words[1])
    if any(word in _VAGUE_PLURALS for word in words):
        reader.pos -= len(words)
        raise _vague(reader)
    if words[-1] in _DOZEN:
        count = Decimal(_text_to_int(reader, " ".join(words[:-1]))) if len(words) > 1 else 1
        return _Amount(count * _DOZEN[words[-1]], is_bare=True)
    if words[-1] in vocab.SCALES:
        scale = words[-1]
        number = Decimal(_text_to_int(reader, " ".join(words[:-1]))) if len(words) > 1 else 1
        return _Amount(Decimal(number), scale=scale)
    return _Amount(Decimal(_text_to_int(reader, phrase)), is_bare=True)


def _text_to_int(reader: _Reader, phrase: str) -> int:
    try:
        return text2num(phrase, "en")
    except ValueError as err:
        raise reader.fail(f"cannot read {phrase!r} as a number") from err


@cache
def _is_number_word(word: str) -> bool:
    if word in _DOZEN or word == _HALF or word in _VAGUE_PLURALS:
        return True
    if not (word.isascii() and word.isalpha()):
        return False
    try:
        text2num(word, "en")
    except ValueError:
        return False
    return True


def _looks_like_unit(reader: _Reader) -> bool:
    probe = _Amount(Decimal(1))
    start = reader.pos
    try:
        if reader.take_any(_ORDERS_OF_MAGNITUDE):
            return True
        _take_unit(reader, probe)
        return probe.unit is not None
    finally:
        reader.pos = start


# A basis point is a hundredth of a percentage point: "expanded 460 basis points" is 4.6.
_BASIS_POINTS = _phrase_index("basis points", "basis point", "bps", "bp")


def _take_unit(reader: _Reader, amount: _Amount) -> None:
    if reader.take_any(_BASIS_POINTS):
        amount.unit, amount.unit_factor = "percentage_point", Decimal("0.01")
        return
    seq = reader.take_any(_UNIT_ALIAS_INDEX)
    if seq is not None:
        amount.unit = _UNIT_ALIASES[seq]
        amount.is_points = seq in _POINT_WORDS
        return
    token = reader.tokens[reader.pos] if not reader.at_end() else None
    if token is None or len(token.word) < 2 or not token.word.isalpha():
        return
    if token.word in _NOT_UNITS or any(token.word == s[0] for s in _CURRENCY_WORDS):
        return
    if (period := reader.take_any(_PERIOD_WORDS)) is not None:
        reader.pos -= len(period)  # "year-on-year" is not a unit
        return
    if _period_follows(reader):
        return  # "a year earlier"
    found = _convert_unit(token.text)
    if found is not None and found[0] == "gigawatt" and (n_hour := _hour_words_after(reader)):
        # "terawatt-hours", "gigawatt hours": energy, never the power unit alone (read so,
        # "300 terawatt-hours" came out as 300,000 gigawatts)
        found = _convert_unit(f"{token.text} * hour")
        if found is None or found[0] != "terawatt_hour":
            raise reader.fail(f"the unit {token.text!r}-hours is not one of the project's units")
        amount.unit, amount.unit_factor = found
        reader.pos += 1 + n_hour
        return
    if found is None and OTHER_UNITS_RE.fullmatch(token.text):
        found = (None, Decimal(1))  # "PFlops", "zettaFLOPS": computing speed
    if found is None and token.word in _MISCASED_UNITS:
        raise reader.fail(
            f"{token.text!r} is a unit's symbol in another case ('MW' and 'mW', 'kW' and 'KW' "
            f"may differ by a factor of a billion); {vocab.REFUSAL_ADVICE}"
        )
    if found is None:
        return
    if found[0] is None:
        raise reader.fail(f"the unit {token.text!r} is not one of the project's units")
    amount.unit, amount.unit_factor = found
    reader.pos += 1


# Symbols of power, energy and data units, case-folded: written in a case pint does not read
# ("3 KW", "gw"), they are refused, never passed over as the name of what is counted.
_MISCASED_UNITS = frozenset(
    {"kw", "mw", "gw", "tw", "kwh", "mwh", "gwh", "twh", "kb", "mb", "gb", "tb", "pb", "eb", "zb"}
)


def _hour_words_after(reader: _Reader) -> int:
    """How many tokens after the unit word make it a unit of energy: "-hours" (2), "hours"
    (1), else 0."""
    if reader.peek(1) == "-" and reader.peek(2) in ("hour", "hours"):
        return 2
    return 1 if reader.peek(1) in ("hour", "hours") else 0


@cache
def _unit_registry() -> Any:
    import pint

    return pint.UnitRegistry()


def _convert_unit(written: str) -> tuple[str | None, Decimal] | None:
    """(project unit, factor into it) for a unit pint knows.

    ``(None, 1)`` when pint knows the unit but it is not one of ours; ``None`` when unknown.
    """
    if (_CONVERSION, written) not in _UNIT_ANSWERS:
        _UNIT_ANSWERS[(_CONVERSION, written)] = _ask_convert_unit(written)
    return _UNIT_ANSWERS[(_CONVERSION, written)]


def _ask_convert_unit(written: str) -> tuple[str | None, Decimal] | None:
    """:func:`_convert_unit`, asked of pint's registry."""
    import pint

    registry = _unit_registry()
    for candidate in dict.fromkeys((written, written.casefold())):
        try:
            unit = registry.parse_units(candidate)
            root = registry.get_root_units(unit)[1]
        # pint's expression parser asserts on some malformed inputs ("3-"): no unit either
        except (pint.errors.PintError, AttributeError, ValueError, KeyError, TypeError):
            continue
        except AssertionError:
            continue
        for name, target in _PHYSICAL_UNITS.items():
            if root == registry.get_root_units(target)[1]:
                return name, _factor(registry, unit, target)
        if root == registry.get_root_units("year")[1]:
            in_years = _factor(registry, unit, "year")
            name = "year" if in_years >= 1 else "month"
            return name, _factor(registry, unit, _TIME_UNITS[name])
        return None, Decimal(1)
    return None


def _factor(registry: Any, unit: Any, target: str) -> Decimal:
    magnitude = registry.Quantity(1, unit).to(target).magnitude
    return Decimal(f"{magnitude:.12g}")


# --- periods --------------------------------------------------------------------------------


def _is_year(reader: _Reader, ahead: int = 0) -> bool:
    i = reader.pos + ahead
    if i >= len(reader.tokens):
        return False
    word = reader.tokens[i].word
    return bool(_YEAR_RE.fullmatch(word)) and _FIRST_YEAR <= int(word) <= _LAST_YEAR


def _is_bracketed_year(reader: _Reader) -> bool:
    """ "(2022)" after a figure: its period ("from 26% (2022) to 13% (2024)")."""
    return reader.peek() == "(" and _is_year(reader, 1) and reader.peek(2) == ")"


def _period_follows(reader: _Reader) -> bool:
    start = reader.pos
    try:
        return _take_period(reader)
    finally:
        reader.pos = start


def _take_period(reader: _Reader) -> bool:
    """Consume one period ("in 2024", "in late 2023", "as of March 2026", "last year", "over
    four years", "two years ago")."""
    start = reader.pos
    if _is_bracketed_year(reader):
        reader.pos += 3
        return True
    if reader.take_any(_RELATIVE_PERIODS):
        return True
    if _take_span(reader) and reader.take_any(_AGO):
        return True  # "two years ago"
    reader.pos = start
    if reader.take("between") and _is_year(reader) and reader.peek(1) == "and":
        reader.pos += 2
        if _is_year(reader):
            reader.pos += 1
            return True  # "between 2018 and 2019"
    reader.pos = start
    has_preposition = reader.take_any(_PERIOD_PREPOSITIONS) is not None
    if has_preposition and (
        reader.take_any(_RELATIVE_PERIODS)
        or reader.take_any(_SPANS_AFTER_PREPOSITION)
        or _take_span(reader)
    ):
        if reader.take("of") and not _take_year(reader):
            reader.pos -= 1
        return True  # "over the past year", "over four years", "the first three months of 2025"
    has_part = _take_part_of_year(reader)
    has_date = _take_date(reader)
    if _is_year(reader):
        reader.pos += 1
        year_end = reader.pos
        if reader.take("to") or reader.take("/"):  # "2024-25", "2024/25", "to August 2025"
            _take_part_of_year(reader)
            _take_date(reader)
            if _is_year(reader) or re.fullmatch(r"\d\d", reader.peek() or ""):
                reader.pos += 1
            else:
                reader.pos = year_end  # "2024 to 3 billion": the year alone is the period
        return True
    if has_preposition and (has_date or has_part):
        return True  # "in March", "as of April 30", "in the first quarter"
    reader.pos = start
    return False


def _take_year(reader: _Reader) -> bool:
    if _is_year(reader):
        reader.pos += 1
        return True
    return False


def _take_part_of_year(reader: _Reader) -> bool:
    """ "late", "the first half (of)", "Q1", "H2" before a year."""
    found = reader.take_any(_PARTS_OF_YEAR) is not None
    sign = reader.peek() or ""
    if not found and reader.peek(1) in _QUARTER_SIGNS.get(sign, ()):
        reader.pos += 2
        found = True
    if found:
        reader.take("of") and reader.take("the") and reader.take("year")
    return found


def _take_span(reader: _Reader) -> bool:
    """A number of time units: "four years", "just two years", "the past 12 months"."""
    start = reader.pos
    reader.take_any(_SPAN_LEADS)
    words = 0
    while (word := reader.peek()) is not None and (word.isdigit() or _is_number_word(word)):
        reader.pos += 1
        words += 1
    if words and reader.peek() in _SPAN_UNITS:
        reader.pos += 1
        return True
    reader.pos = start
    return False


def _take_date(reader: _Reader) -> bool:
    """A month, with or without a day: "March", "April 30,", "27 May"."""
    start = reader.pos
    if reader.peek() is not None and reader.peek().isdigit() and reader.peek(1) in _MONTHS:
        reader.pos += 2
    elif reader.peek() in _MONTHS:
        reader.pos += 1
        if (reader.peek() or "").isdigit() and len(reader.peek() or "") <= 2:
            reader.pos += 1
    else:
        return False
    reader.take(",")
    return reader.pos > start


# --- trailing words -------------------------------------------------------------------------


def _take_trailing(
    reader: _Reader, sign: int | None, amount: _Amount, *, is_odds: bool, by_sign: bool = False
) -> int | None:
    """Read the words after the number (period, direction, what is counted); return the sign.

    Plain words after the figure name what it counts or measures ("5,000 GPUs", "13% of its
    total revenue", "$1 billion in losses") and are passed over: the figure's metric says what
    they are. After a multiplier they name what it compares with ("4.5 times the number of
    ...").
    """
    is_fold = amount.unit == "fold"
    while not reader.at_end():
        word = reader.peek() or ""
        if _take_period(reader) or reader.take_any(_PERIOD_WORDS) or _take_glued_span(reader):
            continue
        start = reader.pos
        if _take_per_year(reader):
            _mark_per_year(reader, start)  # "$45 billion in capital spending annually"
            continue
        if _take_annual(reader):
            continue  # "a 23% compound annual rate": a rate a year, growth only by a change word
        if word == "tops":  # "$5 million tops": an upper bound the project does not read
            raise reader.fail("'tops' after the number (an upper bound, not the verb)")
        if (seq := reader.take_any(_TRAILING_QUALIFIER_INDEX)) is not None:
            if reader.qualifiers and vocab.QUALIFIERS.get(reader.qualifiers[0]) == "exact":
                reader.qualifiers.clear()  # "only two or fewer": emphasis set aside, the bound
            if reader.qualifiers:
                raise reader.fail(f"two qualifiers, {reader.qualifiers[0]!r} and {' '.join(seq)!r}")
            reader.qualifiers.append(_QUALIFIER_PHRASES[seq])  # "4,800 or more", "10,000+"
            continue
        direction = _CHANGE_NOUNS.get(word) or (0 if is_fold else _COMPARATIVES.get(word))
        if direction and word not in _COMPARATIVES and amount.unit in _TIME_UNITS:
            # "a three-year decline", "a three year decline": the span is the change's period
            raise reader.fail(
                f"a span of time before {word!r} names the period of the change, not its size"
            )
        if direction:
            # "rocketed 78% higher", "grow at a 31% CAGR"
            # a glued sign and a noun of change of its direction: "a -1.2% drop"
            agrees = sign == direction and (
                word in _COMPARATIVES or word == "cagr" or (by_sign and word in _CHANGE_NOUNS)
            )
            if sign is not None and not agrees:
                raise reader.fail(f"a second direction word {word!r}")
            is_comparative = sign is None and word in _COMPARATIVES
            if agrees and _comparator_follows(reader):
                raise reader.fail(
                    f"a verb of change and {word!r} a thing compared: a change over time or a "
                    f"gap between two things?; {vocab.REFUSAL_ADVICE}"
                )
            sign = direction
            reader.pos += 1
            if word == "cagr":  # "31.2% CAGR": a compound annual growth rate
                _mark_per_year(reader, reader.pos - 1)
            if is_comparative:
                _take_comparator(reader, word)
        elif is_fold and (word in _COMPARATIVES or word in _COMPARISON_STARTS):
            _take_comparison(reader, amount)
        elif word in _PROBABILITY_WORDS:  # "odds", "chance" add nothing to the reading
            reader.pos += 1
        elif _take_named_things(reader, is_fold=is_fold, amount=amount):
            amount.has_names = True  # "four in five university students": a share of them
            continue
        else:
            raise reader.fail(f"did not understand {reader.rest()!r}")
    return sign


# Qualifiers written after the number: "4,800 or more", "10,000+", "5% or so", "50,000 max".
# "tops" is not one: it is the verb before a number ("revenue tops $10 billion", a lower
# bound), and "$5 million, tops" after one is left unread (refused), not read as that verb.
_TRAILING_QUALIFIERS = (
    *(phrase for phrase in _QUALIFIER_PHRASES if phrase[0] in ("or", "and", "plus", "+")),
    *_phrases("at most", "at least", "max"),
)
_TRAILING_QUALIFIER_INDEX = _PhraseIndex(_TRAILING_QUALIFIERS)


# After "than", words that make a comparison one of time (one quantity then and now): "20%
# higher than before", "than a year earlier", "than in 2023".
_EARLIER_WORDS = frozenset({"before", "previously", "earlier", "ever", "usual"})
# "than it was (the year before)", "than they were": the same thing at another time.
_SAME_THING_WORDS = frozenset({"it", "they", "this", "that", "these", "those"})
_SAME_THING_VERBS = frozenset({"was", "were", "is", "are", "had", "has", "have", "did", "does"})
# "than there were": the same things counted at an earlier time; "than there are" may set
# them against another place ("fewer bakeries than there are in Paris") and is left alone.
_THERE_PAST_VERBS = frozenset({"was", "were", "had"})


# Words of order in time before a noun after "than": "the prior season", "the previous
# harvest", "the preceding term" name the same thing at another time.
_ORDER_IN_TIME_WORDS = frozenset({"prior", "previous", "preceding"})
# "the same" and a span of time after "than" ("than in the same quarter of 2019", "than the
# same season in 2020"): the same quantity at another time. "the same product" names a thing.
# "the equivalent week in 2019", "the corresponding quarter": "the same" in other words.
_SAME_WORDS = frozenset({"same", "equivalent", "corresponding", "comparable"})
_SAME_SPAN_WORDS = frozenset(
    {"day", "week", "month", "quarter", "half", "year", "season", "period", "term", "time"}
    | {"spring", "summer", "autumn", "fall", "winter", "days", "weeks", "months", "years"}
)


# An era named by "pre-"/"post-" ("than pre-pandemic levels"), and nouns of a level that a year
# dates ("than the 2019 average"): the same quantity at another time.
_ERA_PREFIXES = frozenset({"pre", "post"})
_DATED_LEVEL_NOUNS = frozenset(
    {"average", "averages", "level", "levels", "figure", "figures", "total", "totals", "peak"}
)
_YEAR_WORD_RE = re.compile(r"(?:19|20)\d\d")


def _dated_or_era_follows(words: list[str]) -> bool:
    """Whether ``words`` (after "than") name a level at another time: an era ("pre-pandemic
    levels"), a dated level ("the 2019 average") or a dated average ("the average 2019 rent")."""
    named = words[1:] if words[:1] == ["the"] else words
    if len(named) >= 2 and named[0] in _ERA_PREFIXES and named[1].isalpha():
        return True
    if len(named) >= 2 and _YEAR_WORD_RE.fullmatch(named[0]):
        return named[1] in _DATED_LEVEL_NOUNS
    is_average = named[:1] == ["average"] and len(named) >= 3
    return is_average and bool(_YEAR_WORD_RE.fullmatch(named[1])) and named[2].isalpha()


def _same_thing_follows(reader: _Reader) -> bool:
    """Whether the words after "than" name the same thing at another time ("it was", "the
    prior season", "in the same quarter of 2019", "pre-pandemic levels", "the 2019 average")."""
    words = [t.word.casefold() for t in reader.tokens[reader.pos : reader.pos + 4]]
    if len(words) >= 2 and words[0] == "the" and words[1] in _ORDER_IN_TIME_WORDS:
        return True
    if _dated_or_era_follows(words):
        return True
    same = words[1:] if words[:1] and words[0] in _TIME_PREPOSITIONS else words
    is_same = same[:1] == ["the"] and len(same) >= 3 and same[1] in _SAME_WORDS
    if is_same and same[2] in _SAME_SPAN_WORDS:
        return True
    if words[:1] == ["there"] and words[1:2] and words[1] in _THERE_PAST_VERBS:
        return True  # "fewer bakeries than there were two years ago"
    return len(words) >= 2 and words[0] in _SAME_THING_WORDS and words[1] in _SAME_THING_VERBS


# Prepositions of time that may stand before "the same <span>" after "than" ("than during the
# same season of 2018", "than in the same quarter").
_TIME_PREPOSITIONS = frozenset({"in", "during", "over", "for"})
_DATED_DETERMINERS = frozenset({"the", "their", "its", "his", "her", "our", "this", "that"})
# Nouns of an amount that a year alone may date ("than the 2019 total"); any other noun after a
# year alone is a thing named by it ("than the 2023 model").
_DATED_AMOUNT_NOUNS = frozenset(
    {"total", "level", "figure", "count", "number", "amount", "value", "tally", "result"}
)
_DATED_NOUN_ENDS = frozenset({",", ".", ";", ":", ")", "and", "but", "while", "whereas", "as"})


def _dated_same_thing_follows(reader: _Reader) -> bool:
    """Whether the words after "than" are a noun whose only modifier is a date: a month, with
    or without a year ("than their April 2020 count", "than the March total"), or a year alone
    before a noun of an amount ("than the 2019 total"): the same thing at another time."""
    words = [t.word for t in reader.tokens[reader.pos : reader.pos + 6]]
    at = 1 if words[:1] and words[0] in _DATED_DETERMINERS else 0
    months = years = 0
    while at < len(words) and (words[at] in _MONTHS or re.fullmatch(r"(?:19|20)\d\d", words[at])):
        months, years = months + (words[at] in _MONTHS), years + (words[at] not in _MONTHS)
        at += 1
    if not (months or years) or at >= len(words) or not words[at].isalpha():
        return False
    if words[at] in _MONTHS or (not months and words[at] not in _DATED_AMOUNT_NOUNS):
        return False
    return at + 1 == len(words) or words[at + 1] in _DATED_NOUN_ENDS


def _last_time_follows(reader: _Reader) -> bool:
    """Whether the words after "than" are "last" and a noun ("last season's", "last
    quarter"): the same thing at an earlier time."""
    words = [t.word.casefold() for t in reader.tokens[reader.pos : reader.pos + 2]]
    return len(words) == 2 and words[0] == "last" and words[1].isalpha()


def _comparator_follows(reader: _Reader) -> bool:
    """Whether the comparative next is followed by a thing compared at one time."""
    start = reader.pos
    try:
        reader.pos += 1
        _take_comparator(reader, reader.tokens[start].word)
        return reader.compared is not None
    finally:
        reader.pos, reader.compared = start, None


def _take_comparator(reader: _Reader, comparative: str) -> None:
    """After a comparative that gives a percentage its direction: "than" (or "above"/"below")
    and a thing compared at one time ("10% less than the national average", "36% above the
    national average") mark the figure a comparison of two things, read as a multiplier in
    :func:`_combine`; "than" and a time ("than last year", "than before") leave it a change."""
    is_than = reader.peek() == "than"
    if not (is_than or comparative in ("above", "below")) or reader.at_end():
        return
    start = reader.pos
    reader.take("than")
    if (
        reader.at_end()
        or _period_follows(reader)
        or reader.peek() in _EARLIER_WORDS
        or _same_thing_follows(reader)
        or _last_time_follows(reader)
        or _dated_same_thing_follows(reader)
    ):
        return  # a change of one quantity over time; the period is read next
    first = reader.tokens[start]
    reader.compared = reader.text[first.start :] if is_than else f"{comparative} {reader.rest()}"


def _take_comparison(reader: _Reader, amount: _Amount) -> None:
    """After a multiplier, words that start a comparison ("more compute than …"); a
    comparative downwards ("280 times cheaper") makes the multiplier its inverse, 1/N."""
    if _COMPARATIVES.get(reader.peek() or "", 0) < 0:
        amount.is_inverse = True
    reader.pos += 1
    _take_named_things(reader, is_fold=True, amount=amount)


# A span joined by a hyphen inside the words of a thing named: "the 30-day average".
_SPAN_ADJECTIVE_RE = re.compile(r"\d+-(?:day|week|month|year|hour|minute|quarter)(?![\w-])")


def _take_named_things(reader: _Reader, *, is_fold: bool, amount: _Amount) -> bool:
    """Pass over plain words that name what is counted or compared, up to a period, a
    direction word or the end. Names with digits glued to letters ("H100-equivalent") and
    words in brackets are plain words too; a currency nobody declared is refused. Inside a
    phrase that names the whole ("one-third of the GDP growth") a direction word is a name."""
    start = reader.pos
    first = reader.peek()
    if first is None or not (first.isalpha() or first in ("'", "(")):
        return False
    if first in _ORDINALS and not _part_of_period(reader):
        return False
    before = reader.tokens[start - 1] if start else None
    if (
        before
        and first.isalpha()
        and before.word[-1].isdigit()
        and before.start + len(before.text) == reader.tokens[start].start
    ):
        written = before.text + reader.tokens[start].text
        raise reader.fail(  # "5MWdc": a unit with a rating glued after it, refused
            f"{written!r} is a name or a decade, or a unit with letters glued after it (a "
            f"rating such as 'MWdc'), not a number with a unit the project reads"
        )
    in_phrase = first in _PHRASE_STARTS
    while not reader.at_end() and not _period_follows(reader):
        if _trailing_qualifier_follows(reader) or _per_year_follows(reader):
            break  # "128 layers or more", "$45 billion in capital spending annually"
        token = reader.tokens[reader.pos]
        is_amount = amount.unit is None or amount.unit in _CURRENCIES
        if is_amount and token.word in _OTHER_MONEY_WORDS | _CURRENCY_SIGNS_WORDS:
            raise _other_money(reader)  # "5 billion rupees" is money, never a count
        if token.word in _OTHER_SCALES:
            raise reader.fail(f"the scale word {token.text!r} is not one of the project's scales")
        is_money_noun = token.word in _MONEY_NOUNS and reader.pos > start
        if (
            is_money_noun
            and amount.unit is None
            and not amount.is_share  # "three-quarters of revenue" names the whole
            and reader.tokens[reader.pos - 1].word in ("in", "of")
        ):
            raise reader.fail(
                f"{reader.rest()!r} makes the figure an amount of money, but the words give "
                "no currency"
            )
        is_direction = token.word in _CHANGE_NOUNS or token.word in _COMPARATIVES
        if is_direction and not in_phrase and not (is_fold and token.word in _COMPARATIVES):
            break
        if token.word == "per" and reader.peek(1) in vocab.SCALES:
            reader.pos += 2  # "$20 per million tokens": a rate, not a second number
            continue
        if reader.pos > start and (span := _SPAN_ADJECTIVE_RE.match(reader.text, token.start)):
            while not reader.at_end() and reader.tokens[reader.pos].start < span.end():
                reader.pos += 1  # "than the 30-day average": an adjective of what is compared
            continue
        if reader.pos > start and _rank_joined(reader):
            reader.pos += 1  # "of all top-100 app revenue": a rank inside the name of the whole
            continue
        is_number = _is_number_word(token.word) or _glued_fold(token.word) is not None
        if is_number and not _part_of_period(reader):
            break  # a number is never passed over as a name
        if not (token.word.isalpha() or token.word in _NAME_SIGNS or _is_glued_digits(reader)):
            break
        reader.pos += 1
    stops_well = (
        reader.at_end()
        or not reader.tokens[reader.pos].word[0].isdigit()
        or _period_follows(reader)  # "projected 2025 revenue"
    )
    if reader.pos > start and stops_well:
        is_share = amount.is_share or amount.unit in _PERCENT_UNITS
        if is_share and first == "of" and amount.whole is None and reader.pos > start + 1:
            last = reader.tokens[reader.pos - 1]
            whole = reader.text[reader.tokens[start + 1].start : last.start + len(last.text)]
            amount.whole = whole.translate(_QUOTES)  # "13% of its total revenue"
        return True
    reader.pos = start
    return False


_PERIOD_ORDINALS = frozenset({"first", "second", "third", "fourth", "last", "final"})


def _part_of_period(reader: _Reader) -> bool:
    """Whether the word next is a fraction joined by a hyphen to an ordinal before it
    ("first-half deliveries", "third-quarter sales"): part of a period, a name, no number."""
    if reader.pos == 0:
        return False
    before, token = reader.tokens[reader.pos - 1], reader.tokens[reader.pos]
    is_joined = reader.text[before.start + len(before.text) : token.start] == "-"
    is_part = token.word in _FRACTIONS or token.word == _HALF
    return is_joined and before.word in _PERIOD_ORDINALS and is_part


def _take_glued_span(reader: _Reader) -> bool:
    """A span of time written as one word after the figure describes it ("a $588 billion
    one-day sell-off", "a 12-month high"): passed over like a period."""
    if reader.pos + 1 >= len(reader.tokens):
        return False
    number, unit = reader.tokens[reader.pos], reader.tokens[reader.pos + 1]
    is_number = number.word.isdigit() or _is_number_word(number.word)
    gap = reader.text[number.start + len(number.text) : unit.start]
    if is_number and gap == "-" and unit.word in _SPAN_UNITS | {"day", "week", "month", "year"}:
        reader.pos += 2
        return True
    return False


def _per_year_follows(reader: _Reader) -> bool:
    start = reader.pos
    try:
        return _take_per_year(reader) or _take_annual_probe(reader)
    finally:
        reader.pos = start


def _take_annual_probe(reader: _Reader) -> bool:
    """Whether "annual" and kin before a noun of change or "rate" come next (takes words)."""
    return reader.take_any(_ANNUAL) is not None and (
        reader.peek() in _CHANGE_NOUNS or reader.peek() == "rate"
    )


def _trailing_qualifier_follows(reader: _Reader) -> bool:
    return any(
        all(reader.peek(i) == word for i, word in enumerate(seq)) for seq in _TRAILING_QUALIFIERS
    )


def _rank_joined(reader: _Reader) -> bool:
    """Whether the token at the reader is digits joined by a hyphen to "top" or "bottom" before
    them ("top-100"): a rank that is part of a name, not a second number."""
    token, before = reader.tokens[reader.pos], reader.tokens[reader.pos - 1]
    joined = before.start + len(before.text) + 1 == token.start
    hyphen = reader.text[token.start - 1 : token.start] == "-"
    return token.word.isdigit() and before.word in ("top", "bottom") and joined and hyphen


def _is_glued_digits(reader: _Reader) -> bool:
    """Digits glued to letters: part of a name ("H100", "RTX4090", "910C"), unless the
    letters after them are a scale or a unit ("3bn", "10x"): that is a number."""
    token = reader.tokens[reader.pos]
    if not token.word.isdigit():
        return False
    before = reader.tokens[reader.pos - 1] if reader.pos else None
    after = reader.tokens[reader.pos + 1] if reader.pos + 1 < len(reader.tokens) else None
    if before and before.word.isalpha() and before.start + len(before.text) == token.start:
        return True
    return bool(
        after
        and after.word.isalpha()
        and token.start + len(token.text) == after.start
        and after.word not in _SCALE_ALIASES | _MONEY_SCALE_ALIASES
        and (after.word,) not in _UNIT_ALIASES
        and (_convert_unit(after.text) or (None,))[0] is None
    )


_NAME_SIGNS = _DASHES | {"'", "(", ")", "&", "/", "."}
_PHRASE_STARTS = frozenset({"of", "in", "for", "on", "from", "among", "at", "to", "with"})
_CURRENCY_SIGNS_WORDS = frozenset(w for seq in _CURRENCY_WORDS for w in seq if len(seq) == 1)


# --- combining ------------------------------------------------------------------------------


def _combine(
    reader: _Reader,
    first: _Amount,
    second: _Amount | None,
    *,
    is_odds: bool,
    sign: int | None,
) -> ParsedFigure:
    if second is not None and not is_odds:
        first = _inherit(reader, first, second)
    unit = first.unit or ("percent" if first.is_share else "count")
    if reader.qualifiers == ["over"] and unit in _TIME_UNITS and second is None:
        raise reader.fail(
            "'over' before a span of time may give the period (across it) or a bound (more "
            f"than it); {vocab.REFUSAL_ADVICE}"
        )
    if is_odds:
        assert second is not None
        if first.unit or second.unit or first.scale or second.scale:
            raise reader.fail("odds 'N in M' take no unit or scale")
        if second.number == 0:
            raise reader.fail("odds 'N in 0'")
        low = high = first.number / second.number * 100
        kind, unit = ("percent" if second.has_names else "odds"), "percent"
    else:
        low = _in_unit(reader, first)
        high = _in_unit(reader, second) if second is not None else low
        kind = first.kind or _KIND_OF_UNIT[unit]
    if first.is_points:
        _check_points(reader, max(abs(low), abs(high)), is_change=sign is not None)
    is_decreasing = False
    if (second or first).is_inverse:
        if low <= 1:
            raise reader.fail(f"'{low} times' smaller, cheaper or less is not a ratio")
        low, high = 1 / high, 1 / low  # "ten times cheaper": a tenth
        is_decreasing = True
    if sign is not None and not is_odds:
        if first.kind == "change":
            raise reader.fail("a change written as a multiplier with a direction word")
        kind = "change"
        if sign < 0 and unit == "fold":
            if low == 0:
                raise reader.fail("a fall by a factor of 0")
            low, high = 1 / high, 1 / low  # "a tenfold drop" is new/old = 1/10
            is_decreasing = True
        elif sign < 0:
            low, high = -high, -low
            is_decreasing = True
    if reader.per_year is not None:
        if is_odds:
            raise reader.fail(f"odds a year ({reader.per_year!r})")
        unit = _per_year_unit(reader, unit, kind)
    is_range = second is not None and not is_odds
    if is_range and low > high:
        raise reader.fail(f"the range runs backwards ({low} to {high})")
    bound, qualifier, value, low, high = _apply_qualifier(
        reader, low, high, is_range=is_range, is_decreasing=is_decreasing
    )
    if first.is_orders and bound == "exact":
        bound = "approximate"  # "an order of magnitude" is a power of ten, roughly
    if reader.compared is not None and kind == "change" and unit == "percent":
        # "10% less than the national average": two things at one time, not a change over
        # time; this is 0.9 times that (a multiplier, as "half what X pays" is)
        value, low, high = (None if x is None else 1 + x / 100 for x in (value, low, high))
        if any(x is not None and x <= 0 for x in (value, low, high)):
            raise reader.fail(f"a comparison ({reader.compared!r}) leaves nothing")
        kind, unit = "multiplier", "fold"
    return ParsedFigure(
        text=reader.text,
        kind=kind,
        value=_to_float(reader, value),
        low=_to_float(reader, low),
        high=_to_float(reader, high),
        bound=bound,
        qualifier=qualifier,
        unit=unit,
        scale=first.scale if second is None or second.scale in (None, first.scale) else None,
        whole=(second or first).whole,
    )


# Why "points" written alone are refused: the words that would decide the scale are not there.
POINTS_SCALE_REASON = (
    "'points' alone do not say the scale of the scores compared: they are percentage points only "
    "where the scores are percentages (Elo, index and many benchmark scores are not); the words "
    "that decide are 'percentage points' (or 'pp', 'percent points'), or the scores themselves "
    "written in percent (then quote them as levels and derive the change)"
)


def _check_points(reader: _Reader, largest: Decimal, *, is_change: bool) -> None:
    """ "points" written alone are never read as percentage points: the scale of the scores
    compared is not in the words ("a 12-point lead", "up 5 points" may be Elo or index points).
    A level in points ("over 50 points"), points of a named other scale and more than 100 points
    are refused with their own reasons; any other use with :data:`POINTS_SCALE_REASON`."""
    words = {token.word for token in reader.tokens}
    if not is_change and not words & _DIFFERENCE_NOUNS:
        raise reader.fail(
            "'points' may be percentage points or the points of a score or an index, which the "
            "words do not say (a lead or a gap in 'points' is refused too); the words that decide "
            f"are 'percentage points' or the scores themselves in percent; {vocab.REFUSAL_ADVICE}"
        )
    if words & _OTHER_POINTS:
        raise reader.fail(
            f"'points' of {' and '.join(sorted(words & _OTHER_POINTS))} are not percentage points"
        )
    if largest > _MAX_POINTS:
        raise reader.fail(
            f"{largest} points cannot be percentage points; "
            "points of an index or a score are not one of the project's units"
        )
    raise reader.fail(f"{POINTS_SCALE_REASON}; {vocab.REFUSAL_ADVICE}")


def _inherit(reader: _Reader, first: _Amount, second: _Amount) -> _Amount:
    """In "three to five years" the first number takes the second's scale and unit."""
    for name in ("scale", "unit", "is_orders", "unit_factor", "kind"):
        mine, theirs = getattr(first, name), getattr(second, name)
        if name == "scale" and mine is not None:
            continue  # "$500 million to $1 billion": each end in its own scale
        default = getattr(_Amount(Decimal(0)), name)
        if mine == default:
            setattr(first, name, theirs)
        elif theirs != default and mine != theirs:
            raise reader.fail(f"the two ends of the range differ in {name}")
    if first.is_share or second.is_share:
        raise reader.fail("a range with a 'half' end")
    return first


def _in_unit(reader: _Reader, amount: _Amount) -> Decimal:
    number = amount.number
    if amount.is_share and amount.unit is None:
        number *= 100
    if amount.scale is not None:
        number *= Decimal(str(vocab.SCALES[amount.scale]))
    if amount.is_orders:
        if amount.scale is not None:
            raise reader.fail("orders of magnitude with a scale word")
        if number > _MAX_ORDERS:
            raise reader.fail(f"{number} orders of magnitude is too large a number")
        number = Decimal(10) ** number
    return number * amount.unit_factor


# A qualifier's effect (vocab.QUALIFIER_EFFECTS) on the number n -> (bound, value?, low?, high?).
_EFFECTS: dict[str, tuple[str, bool, bool, bool]] = {
    "exact": ("exact", True, True, True),
    "approximate": ("approximate", True, True, True),
    "upper": ("upper", False, False, True),
    "lower": ("lower", False, True, False),
    "upper_reached": ("upper", True, False, True),
    "lower_reached": ("lower", True, True, False),
    "approximate_upper_reached": ("approximate", True, False, True),
    "approximate_lower_reached": ("approximate", True, True, False),
}
# Qualifiers that leave a range as it is written ("an estimated $12 billion to $15 billion",
# "as wide as 17 to 31 points"); "within" ("within three to five years") is dropped.
_RANGE_EFFECTS = frozenset({"exact", "approximate", "upper_reached", "lower_reached"})
# The same words on a falling quantity bound it from the other side ("fell by more than 12%").
_MIRRORED: dict[str, str] = {
    "upper": "lower",
    "lower": "upper",
    "upper_reached": "lower_reached",
    "lower_reached": "upper_reached",
    "approximate_upper_reached": "approximate_lower_reached",
    "approximate_lower_reached": "approximate_upper_reached",
}


def _apply_qualifier(
    reader: _Reader, low: Decimal, high: Decimal, *, is_range: bool, is_decreasing: bool
) -> tuple[str, str | None, Decimal | None, Decimal | None, Decimal | None]:
    """(bound, qualifier, value, low, high) from the number(s) and the qualifier."""
    qualifiers = reader.qualifiers
    if is_range:
        effect = vocab.QUALIFIERS[qualifiers[0]] if qualifiers else "exact"
        if effect not in _RANGE_EFFECTS and qualifiers != ["within"]:
            raise reader.fail(f"a qualifier ({qualifiers[0]!r}) on a range")
        qualifier = qualifiers[0] if qualifiers and qualifiers[0] != "within" else None
        return "range", qualifier, None, low, high
    if not qualifiers:
        return "exact", None, low, low, low
    qualifier = qualifiers[0]
    effect = vocab.QUALIFIERS[qualifier]
    if is_decreasing:
        effect = _MIRRORED.get(effect, effect)
    bound, has_value, has_low, has_high = _EFFECTS[effect]
    return (
        bound,
        qualifier,
        low if has_value else None,
        low if has_low else None,
        low if has_high else None,
    )


# --- from X to Y ----------------------------------------------------------------------------


def _parse_from_to(reader: _Reader, sign: int | None) -> ParsedFigure:
    """A change from one figure to another: the end minus the start, both ends kept."""
    to = next(
        (
            i
            for i in range(reader.pos, len(reader.tokens))
            if reader.tokens[i].text.casefold() == "to"
        ),
        None,
    )
    if to is None or to == reader.pos or to == len(reader.tokens) - 1:
        raise reader.fail("a change 'from X to Y' needs both X and Y")
    if any(token.text.casefold() == "to" for token in reader.tokens[to + 1 :]):
        raise reader.fail(
            f"'from X to Y to Z' is a chain of levels, not one change; {vocab.REFUSAL_ADVICE}"
        )
    text = reader.text
    start_text = text[reader.tokens[reader.pos].start : reader.tokens[to].start].strip()
    end_text = text[reader.tokens[to + 1].start :].strip()
    start = _parse_end(reader, start_text, "start")
    end = _parse_end(reader, end_text, "end")
    start, end = _share_unit(reader, start, end)
    if start.kind == "change" or end.kind == "change":
        raise reader.fail("a change 'from X to Y' whose ends are themselves changes")
    if start.unit == "fold":
        raise reader.fail("a change 'from X to Y' between multipliers: record the two ends")
    unit = "percentage_point" if start.unit in _PERCENT_UNITS else start.unit
    low, high = _difference(_interval(end), _interval(start))
    is_approximate = start.bound != "exact" or end.bound != "exact"
    if (sign or 0) > 0 and high <= 0 or (sign or 0) < 0 and low >= 0:
        direction = "up" if sign > 0 else "down"
        raise reader.fail(f"the change verb says {direction} but the figures do not")
    value: float | None
    if low == high:
        bound, value = ("approximate" if is_approximate else "exact"), low
    elif math.isfinite(low) and math.isfinite(high):
        bound, value = "range", None
    elif math.isfinite(low):
        bound, value, high = "lower", None, None
    elif math.isfinite(high):
        bound, value, low = "upper", None, None
    else:
        raise reader.fail("neither end of 'from X to Y' bounds the change")
    return ParsedFigure(
        text=reader.text,
        kind="change",
        value=value,
        low=low,
        high=high,
        bound=bound,
        qualifier=None,
        unit=unit,
        scale=end.scale if start.scale in (None, end.scale) else None,
        ends=(start, end),
    )


def _parse_end(reader: _Reader, text: str, which: str) -> ParsedFigure:
    try:
        return _parse(text, is_end=True)
    except FigureParseError as err:
        raise reader.fail(
            f"the {which} of the change 'from X to Y', {text!r}: {err.reason}"
        ) from err


def _share_unit(
    reader: _Reader, start: ParsedFigure, end: ParsedFigure
) -> tuple[ParsedFigure, ParsedFigure]:
    """ "from 3 to 5 billion years": an end written as a number alone takes the other end's
    unit, and its scale word when it has none of its own ("from 97 million to 1.15 billion"
    keeps both scales)."""

    def is_number_only(fig: ParsedFigure) -> bool:
        words = [t.word for t in _tokenise(fig.text)]
        return fig.unit == "count" and all(
            _DIGITS_RE.fullmatch(w) or _is_number_word(w) or w in _SCALE_ALIASES for w in words
        )

    def adopt(fig: ParsedFigure, other: ParsedFigure) -> ParsedFigure:
        takes_scale = fig.scale is None and other.scale is not None
        factor = Decimal(str(vocab.SCALES[other.scale])) if takes_scale else Decimal(1)
        scaled = {
            n: (float(Decimal(repr(v)) * factor) if v is not None else None)
            for n, v in _numbers(fig).items()
        }
        return ParsedFigure(
            fig.text,
            other.kind,
            **scaled,
            bound=fig.bound,
            qualifier=fig.qualifier,
            unit=other.unit,
            scale=other.scale if takes_scale else fig.scale,
        )

    if is_number_only(start):
        start = adopt(start, end)
    elif is_number_only(end):
        end = adopt(end, start)
    if start.unit != end.unit:
        raise reader.fail(f"the ends of 'from X to Y' differ in unit ({start.unit} and {end.unit})")
    return start, end


def _numbers(fig: ParsedFigure) -> dict[str, float | None]:
    return {"value": fig.value, "low": fig.low, "high": fig.high}


def _interval(fig: ParsedFigure) -> tuple[float, float]:
    """The values a figure allows; a stated value is a point."""
    if fig.value is not None:
        return fig.value, fig.value
    low = fig.low if fig.low is not None else -math.inf
    high = fig.high if fig.high is not None else math.inf
    return low, high


def _difference(end: tuple[float, float], start: tuple[float, float]) -> tuple[float, float]:
    low, high = end[0] - start[1], end[1] - start[0]
    # Decimal arithmetic keeps 30 - 1.2 at 28.8 rather than 28.799999999999997.
    if math.isfinite(low):
        low = float(Decimal(repr(end[0])) - Decimal(repr(start[1])))
    if math.isfinite(high):
        high = float(Decimal(repr(end[1])) - Decimal(repr(start[0])))
    return low, high


def _to_float(reader: _Reader, number: Decimal | None) -> float | None:
    if number is None:
        return None
    try:
        result = float(number)
    except (InvalidOperation, OverflowError) as err:
        raise reader.fail(f"the number {number} cannot be held") from err
    if result != result or result in (float("inf"), float("-inf")):
        raise reader.fail(f"the number {number} is too large")
    return result


def _period_outside_whole(text: str) -> re.Match[str] | None:
    """A period of comparison that qualifies the figure ("up 4% YTD"), not one inside the whole
    named after "of" ("45% of the YTD power total": a share of a whole of the year so far)."""
    whole = re.search(r"[ \t]+of[ \t]+", text)
    return _COMPARED_PERIOD_RE.search(text, 0, whole.start() if whole else len(text))
