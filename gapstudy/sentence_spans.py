"""Periods, spans and durations in a sentence: a stock or a flow by its word of a span, an annual
rate, a span that dates another figure, "over N years", a density, a part of a period.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`);
its rules are in docs/annotations.md under "Numbers a draft meets (read, exclude or refuse)"
(among them "Periods" and "Nouns, span words, periods and units the lists did not name").
"""

from __future__ import annotations

import re
from typing import Any

import lemminflect

from gapstudy import vocab
from gapstudy.figures import read_mention
from gapstudy.mentions import NUMBER_WORDS, Mention
from gapstudy.sentence_words import (
    _CHANGE_NOUN_FORMS,
    _CLAUSE_BREAK_NOT_GROUP_RE,
    _CLAUSE_END_RE,
    _CLAUSE_START_RE,
    _DENSITY_BEFORE_RE,
    _MONTHS,
    _NEXT_WORD_RE,
    _NOTHING_COUNTED_RE,
    _PER_YEAR,
    _PER_YEAR_RE,
    _WORD_RE,
    _read_with_words,
    _sentence_span,
    _words_re,
)

# Words before a duration that make it the span another figure is over: "over the next five
# years", "within the past two years", "an increase from the previous five years".
_SPAN_LEAD_RE = re.compile(
    r"(?<![\w-])(?:over|in|within|for|during|across|of|throughout|through|to|with|against"
    r"|versus|vs\.?|from|since)[ \t]+"
    r"(?:(?:just|only|roughly|about|nearly|almost)[ \t]+)?"  # "in just the past 6 months"
    r"(?:(?:the|its|their)[ \t]+)?"
    r"(?:next|past|last|coming|previous|first|preceding|following|prior|same)[ \t]+$",
    re.IGNORECASE,
)
# "the first/last N <span>" wherever it stands is a part of a period ("the first nine months
# of 2024 saw ...", "the first eleven months were slow"), never a duration claimed.
_SPAN_OF_TAIL_RE = re.compile(r"[ \t]+of\b", re.IGNORECASE)
# A verb of spending time right before "the last N years": the span is the time spent.
_TIME_SPENT_RE = re.compile(
    r"(?<![\w-])(?:spent|spend|spends|spending|took|take|takes|taking)[ \t]+$", re.IGNORECASE
)
_SPAN_OF_LEAD_RE = re.compile(
    r"(?<![\w-])the[ \t]+(?:first|last|final|opening|closing|preceding|following|prior|same"
    r"|previous)"
    r"[ \t]+$",
    re.IGNORECASE,
)
# Words after a duration that make it the time another figure is dated by: "three years
# earlier", "15 years ago".
_SPAN_TAIL_RE = re.compile(
    r"[ \t]+(?:earlier|ago|before|previously|after|later|prior)\b", re.IGNORECASE
)
# Money followed by "per X" or "/X" it did not take in: a price per a unit ("$2 per H100-hour").
# "annual" and kin right before a mention that starts with a noun of change ("an annual
# increase of 8%"), or right after one with a noun of change or "rate" ("a 23% compound annual
# rate", "the 2.3x annual growth"): words the reading needs, which the mention did not take in.
_ANNUAL_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:(?:{_words_re(frozenset(vocab.CHANGE_VERBS))})[ \t]+(?:at[ \t]+)?"
    rf"(?:an?|the)[ \t]+)?(?:{_words_re(vocab.ANNUAL_WORDS)})[ \t]+"
    rf"(?P<rate>(?:(?:{_words_re(frozenset(vocab.CHANGE_NOUNS))})[ \t]+)?rate"
    r"(?P<abbreviation>[ \t]+\([A-Z]{2,6}\))?[ \t]+(?P<link>of|at|stood[ \t]+at|was|is)[ \t]+)?$",
    re.IGNORECASE,
)
# Words of "a year" later in the clause of an amount, past words the mention did not take in
# ("$45 billion in capital spending annually"); "a year earlier" and kin date, not rate.
_PER_YEAR_LATER_RE = re.compile(
    rf"[ \t]+[^\W\d_][^,;:.()\[\]—–\n\d]{{0,40}}?[ \t](?P<words>{_PER_YEAR})"
    r"(?![ \t]+(?:earlier|ago|before|later|prior|previously)\b)",
    re.IGNORECASE,
)
# "in" and a flow named a year's right after an amount of money: "$2 trillion in new annual
# revenue", "$5 billion in yearly sales" (an amount a year).
_IN_ANNUAL_FLOW_RE = re.compile(
    r"[ \t]+in[ \t]+(?:(?:new|additional|extra|added|incremental|recurring)[ \t]+)?"
    r"(?:annual|yearly)[ \t]+(?:revenues?|sales|income|profits?|earnings|spending|spend)\b",
    re.IGNORECASE,
)
# Words before "a year" that make it a span of time, not a rate: "in a year", "within a year",
# "two-thirds of a year", "less than a year", "half a year", "over a year".
_SPAN_OF_A_YEAR_RE = re.compile(
    r"(?<![\w-])(?:in|within|of|than|half|over|for|under|about|nearly|almost|around|roughly"
    r"|after|before|past|last|first|next)[ \t]+$",
    re.IGNORECASE,
)
_ANNUAL_AFTER_RE = re.compile(
    rf"[ \t]+(?:{_words_re(vocab.ANNUAL_WORDS)})[ \t]+(?:{_words_re(frozenset(vocab.CHANGE_NOUNS))}"
    r"|rate)(?:[ \t]+rate)?(?![\w-])",
    re.IGNORECASE,
)
_CHANGE_NOUN_START_RE = re.compile(
    rf"(?:{_words_re(frozenset(vocab.CHANGE_NOUNS))})(?![\w-])", re.IGNORECASE
)
# Words of a span before what an amount names: "daily", "annual", and the days of
# vocab.DAY_SPAN_WORDS ("weekday ridership", "Sunday circulation").
_SPAN_WORDS = "|".join(("hourly", "daily", "weekly", "monthly", "quarterly", "annual", "yearly"))
_SPAN_WORDS += "|" + "|".join(vocab.DAY_SPAN_WORDS)
# A word of a span between an amount and what it names: "800 million weekly users", "300
# million monthly active users", "100 million monthly tokens", "$2 billion monthly revenue"
# (a name may stand before the noun: "300 million weekly ChatGPT users").
_SPAN_BEFORE_NOUN_RE = re.compile(
    rf"[ \t]+(?P<span>(?i:{_SPAN_WORDS}))"
    r"(?P<active>[ \t]+(?i:active))?(?:[ \t]+[A-Z][\w-]*(?=[ \t]+[a-z]))?"
    r"[ \t]+(?P<thing>[^\W\d_][\w-]*)"
)
# Things that exist at a moment, counted as they stand: people and what they hold (accounts,
# devices). Counted in a span ("800 million weekly users") they are a stock: the number of them
# active in it. Anything else counted in a span ("monthly tokens", "daily queries", "annual
# downloads") accumulates over it: a flow.
_STOCK_NOUNS = frozenset(
    {"users", "user", "visitors", "subscribers", "customers", "people", "readers", "viewers"}
    | {"listeners", "players", "members", "riders", "shoppers", "buyers", "developers"}
    | {"accounts", "devices", "households", "students", "learners", "followers", "fans"}
    | {"creators", "advertisers", "merchants", "sellers", "drivers", "patients", "employees"}
)


# An amount of money a year earlier in the sentence ("about USD20 billion a year and Tencent
# around USD15 billion"): "a year" written once may hold for the amounts after it too.
_EARLIER_FLOW_RE = re.compile(
    rf"\d[\d.,]*(?:[ \t]*(?:thousand|million|billion|trillion|bn|[kmbt])\b)?[ \t]*"
    rf"(?:dollars|yuan|euros)?[ \t]+{_PER_YEAR}",
    re.IGNORECASE,
)


# The same words naming what a figure later in its clause measures: "China's daily token
# usage had exceeded 140 trillion", "Its annual revenue reached $5 billion".
_SPAN_NOUN_EARLIER_RE = re.compile(
    rf"(?<![\w-])(?P<span>(?i:{_SPAN_WORDS}))"
    r"(?P<active>[ \t]+(?i:active))?(?:[ \t]+[A-Z][\w-]*(?=[ \t]+[a-z]))?"
    r"[ \t]+(?P<thing>[^\W\d_][\w-]*)"
)


# A comma and words that set an amount beside the phrase before it, which it restates or
# totals ("Weekly port throughput dipped, totaling 41,500 boxes", "daily circulation, about
# 80,000,"): that phrase names what the amount measures.
_RESTATING_AFTER_COMMA_RE = re.compile(
    r",[ \t]*(?:(?:totall?ing|amounting[ \t]+to|numbering|some|about|around|roughly)[ \t]+)?$",
    re.IGNORECASE,
)


_PHRASE_OPENER_RE = re.compile(
    r"(?:(?<![\w-])(?:the|its|their|his|her|our|your|a|an|this|that|these|those)|['’]s"
    # a word of totality opens the phrase too: "Total weekly trips", "its average daily visits"
    r"|(?<![\w-])(?:total|overall|average|combined|aggregate|mean))$",
    re.IGNORECASE,
)


def _span_noun_before(text: str, mention: Mention, floor: int) -> re.Match[str] | None:
    """A word of a span and a noun opening a phrase earlier in the mention's clause ("Daily
    queries", "China's daily token usage", "daily traffic"), where the mention names nothing
    after it, or names no stock with no other figure between ("daily traffic ... at around
    29-30 million visits"): those words name what it measures; else None ("200,000 chips
    yearly compared to 3.76 million shipments": the span word follows its noun)."""
    is_bare = _CLAUSE_END_RE.match(text, mention.end) or _NOTHING_COUNTED_RE.match(
        text, mention.end
    )
    own = _NEXT_WORD_RE.match(text, mention.end)
    if not is_bare and (own is None or own.group(1).casefold() in _STOCK_NOUNS):
        return None  # "Its monthly users include 5 million developers": a stock of its own
    brk = [m.end() for m in _CLAUSE_BREAK_NOT_GROUP_RE.finditer(text, floor, mention.start)]
    start = brk[-1] if brk else floor
    if brk and _RESTATING_AFTER_COMMA_RE.match(text, start - 1, mention.start):
        start = brk[-2] if len(brk) > 1 else floor  # "Weekly throughput dipped, totaling 41,500"
    for found in reversed(list(_SPAN_NOUN_EARLIER_RE.finditer(text, start, mention.start))):
        before = text[start : found.start()].rstrip()
        between = text[found.end() : mention.start]
        if _day_dates_an_event(found):
            continue  # "The Monday meeting approved 300 hires": a meeting held on a Monday
        if not is_bare and re.search(r"\d", between):
            return None  # another figure stands between: the words may be its
        if not before or _PHRASE_OPENER_RE.search(before):
            return found
    return None


def _periodic_thing(thing: str, is_after: bool) -> bool:
    """Whether ``thing``, right after a figure and a word of a span, is a thing named by how
    often it comes out or meets (vocab.PERIODIC_THINGS: "90 weekly papers")."""
    return is_after and (thing in vocab.PERIODIC_THINGS or thing[:-1] in vocab.PERIODIC_THINGS)


def _stock_or_flow(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """An amount with a word of a span before what it names, after it or earlier in its
    clause: a stock where it counts things that exist at a moment ("800 million weekly
    users", "5 million daily active devices", "Weekly users grew to 800 million"), left as
    read (None); else a flow per that span ("100 million monthly tokens", "$2 billion monthly
    revenue", "daily token usage had exceeded 140 trillion"), read where the project has a
    unit for it (money a year: "$5 billion annual revenue" is 5e9 usd_per_year) and refused
    where it has none. Named before money, the words give the amount's period ("a quarterly
    charge of $5.5 billion"): left as read."""
    if reading["kind"] not in ("count", "money", "quantity"):
        return None
    span = _SPAN_BEFORE_NOUN_RE.match(text, mention.end)
    if span is None and reading["kind"] == "count":
        # named before a count: "Daily queries reached 2 billion"; money named so is the
        # amount of one period ("a quarterly charge of $5.5 billion"), read as it stands
        span = _span_noun_before(text, mention, floor)
    if span is None:
        return None
    thing = span.group("thing").casefold()
    if reading["kind"] == "count" and (span.group("active") or thing in _STOCK_NOUNS):
        return None
    if reading["kind"] == "count" and _periodic_thing(thing, span.start() >= mention.end):
        return None  # "90 weekly papers": papers that come out weekly, counted as they stand
    if thing in vocab.CHANGE_NOUNS or thing == "rate":
        return None  # "an 8% annual increase": a rate of change, read elsewhere
    is_after = span.start() >= mention.end
    words = mention.text + span.group() if is_after else f"{span.group()} ... {mention.text}"
    per = span.group("span").casefold()
    unit = vocab.PER_YEAR_UNITS.get(reading.get("unit")) if per in ("annual", "yearly") else None
    if reading["kind"] == "money" and unit is not None:
        return reading | {"unit": unit, "read_with": f"{span.group().strip()!r} after it"}
    return {
        "refusal": f"{words!r} is an amount per span ({per!r}): a flow, which accumulates "
        f"over time, not a stock of things that exist at a moment (users, chips); the project "
        f"has no unit for it; {vocab.REFUSAL_ADVICE}"
    }


def _flow_written_once(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> bool:
    """Whether an amount of money follows another given a year in its sentence."""
    is_stock = reading["kind"] == "money" and not str(reading["unit"]).endswith("_per_year")
    return is_stock and _EARLIER_FLOW_RE.search(text, floor, mention.start) is not None


# "quarters" after a number word, after a word of order: "the first two quarters of 2024", "the
# last three quarters" are a part of a period, never a fraction.
_QUARTERS_OF_PERIOD_RE = re.compile(
    r"(?<![\w-])(?:first|last|past|next|final|previous|preceding|following|opening|closing)"
    r"[ \t]+[^\W\d_]+[ \t]+quarters?(?![\w-])",
    re.IGNORECASE,
)


def _quarters_of_a_period(text: str, mention: Mention) -> str | None:
    """Why "two" in "the first two quarters (of 2024)" is refused: a part of a period after a
    word of order, the span a figure is dated by, never a fraction or a ranked group."""
    n_start, n_end = mention.number_span
    found = _QUARTERS_OF_PERIOD_RE.search(text, max(0, n_start - 20), min(len(text), n_end + 10))
    if found is None or not found.start() < n_start < found.end():
        return None
    return (
        f"{found.group()!r} names a part of a period (quarters after a word of order), the span "
        f"a figure is dated by, not a fraction or a quantity"
    )


# "density" earlier in the sentence, and "to" right before a later figure: the far end of
# the same density ("Staffing density stood at 14 nurses before climbing to 20").
_DENSITY_EARLIER_RE = re.compile(r"\bdensit(?:y|ies)\b[^;:()]*(?<![\w-])to[ \t]+$", re.IGNORECASE)
# A clause of its own between "density" and the figure: the figure is no longer its end.
_OWN_CLAUSE_RE = re.compile(r"(?<![\w-])(?:while|whereas|but|although|though)\b|,[ \t]+and\b")
# "in the N–M range", "in the N range": a level on a scale the words do not name.
_IN_THE_RANGE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?P<at>in|within|at)[ \t]+the[ \t]+$", re.IGNORECASE
)
_RANGE_AFTER_RE = re.compile(r"(?:['’]?s)?[ \t]+range\b", re.IGNORECASE)
_SCORE_WORD_RE = re.compile(
    r"(?<![\w-])(?:scor(?:e|es|ed|ing)|rated|ratings?)(?![\w-])", re.IGNORECASE
)
# A level reached after "to" priced per a unit of goods, later in the clause of a change in
# money ("rose $42 on Monday to close at $2,900 a tonne"); a span of time there is a rate or a
# date, read by its own rules.
_PRICED_LEVEL_LATER_RE = re.compile(
    r"[^;!?]{0,60}?(?<![\w-])to[ \t]+(?:[^\W\d_]+[ \t]+){0,3}?(?:US)?[$€£¥]?\d[\d.,]*"
    r"(?:[ \t]*(?:million|billion|bn|cents?|dollars?|yuan|euros?))?[ \t]*"
    r"(?:(?:a|an|per)[ \t]+|/[ \t]*)(?!(?:year|month|week|day|hour|quarter|minute|second)s?\b)"
    r"(?P<unit>[^\W\d_][\w-]*)",
    re.IGNORECASE,
)
# A span followed by "of", at most one word, and a noun of change: the period of a change
# ("three years of declines", "five years of steady gains"), not a quantity.
_OF_CHANGE_AFTER_RE = re.compile(
    rf"[ \t]+of[ \t]+(?:[^\W\d_][\w-]*[ \t]+)?(?P<noun>{_words_re(_CHANGE_NOUN_FORMS)})(?![\w-])",
    re.IGNORECASE,
)


def _density_far(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> str | None:
    """Why an amount (a count, a quantity, a change of a count) is a density: the clause
    before it calls it one ("tractor density at 45 units"), or it is the far end "to N" of a
    density written earlier in its sentence; else None."""
    kind, unit = reading["kind"], reading.get("unit")
    if not (kind in ("count", "quantity") or (kind == "change" and unit == "count")):
        return None
    if _DENSITY_BEFORE_RE.search(text, max(floor, mention.start - 40), mention.start):
        return (
            f"{mention.text!r} is a density (the clause before it says so): an amount per a "
            f"thing, not a total, and not one of the project's units"
        )
    density = _DENSITY_EARLIER_RE.search(text, floor, mention.start)
    if density is None or _OWN_CLAUSE_RE.search(density.group()):
        return None
    return (
        f"{mention.text!r} is the far end of a density written earlier in its sentence (an "
        f"amount per a thing, not a total, and not one of the project's units)"
    )


def _range_priced_or_period(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> str | None:
    """Why a figure is refused for a word a step away: a bare count "in the N–M range" (a level
    on a scale not named), a change in money whose level after "to" is priced per a unit of
    goods, a span before "of" and a noun of change (the period of a change); else None."""
    kind, unit = reading["kind"], reading.get("unit")
    sentence_end = _sentence_span(text, mention.start, mention.end)[1]
    is_bare_count = kind == "count" and "read_with" not in reading
    in_range = _IN_THE_RANGE_BEFORE_RE.search(text, floor, mention.start)
    range_after = _RANGE_AFTER_RE.match(text, mention.end)
    if is_bare_count and in_range and range_after:
        range_end = range_after.end()
        score = _SCORE_WORD_RE.search(text, floor, sentence_end)
        named = f" (its sentence speaks of {score.group()!r})" if score else ""
        return (
            f"'{in_range.group('at')} the {mention.text}{text[mention.end : range_end]}' is a "
            f"level on a scale the words do not name{named}, "
            f"not a count of things"
        )
    priced = _PRICED_LEVEL_LATER_RE.match(text[:sentence_end], mention.end)
    if priced and _OWN_CLAUSE_RE.search(priced.group()):
        priced = None  # "Gold rose $10, while copper fell to $9,000 a tonne": another clause
    if kind == "change" and unit in vocab.MONEY_UNITS and priced:
        return (
            f"the level {mention.text!r} reaches is priced per {priced.group('unit')!r} later in "
            f"its clause: a change of a price per a unit of goods, which is not one of the "
            f"project's units"
        )
    if kind == "duration" and (of := _OF_CHANGE_AFTER_RE.match(text, mention.end)):
        return (
            f"{mention.text!r} before 'of {of.group('noun')}' is the period of a change whose "
            f"size the words do not give, not a quantity"
        )
    return None


# One "weekly" or "monthly" change after an article: "logged a weekly gain of 3.1%".
_ONE_SPAN_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:a|an|its|their|the)[ \t]+(?P<span>weekly|monthly)[ \t]+$", re.IGNORECASE
)


def _change_over_one_span(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A percentage change named with a noun of change in the singular after "a weekly" or "a
    monthly" ("Sugar logged a weekly gain of 3.1%"): the change over that one week or month, a
    total in percent (the project has no rate a week), as a change "in a year" is; else None.
    "average weekly gains" and plural nouns stay refused (a rate)."""
    before = _ONE_SPAN_BEFORE_RE.search(text, floor, mention.start)
    if before is None or reading.get("kind") != "change" or reading.get("unit") != "percent":
        return None
    if not _CHANGE_NOUN_START_RE.match(mention.text):
        return None
    noun = _WORD_RE.match(mention.text)
    if noun is None or noun.group().casefold() not in vocab.CHANGE_NOUNS:
        return None  # "weekly gains of 3%": a rate, refused
    span = before.group("span").casefold()
    return reading | {
        "read_with": f"{before.group().strip()!r} before it: the change over one "
        f"{span.removesuffix('ly')}, a total"
    }


def _read_with_annual(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """ "an annual increase of 8%", "a 23% compound annual rate": the mention read together
    with "annual" and kin right before or after it (verbatim words of the text, less a short
    name in brackets after "rate": "growth rate (CAGR) of 35%"), which make it a rate a year;
    else a stock or a flow named with a word of a span (:func:`_stock_or_flow`); None where
    no such words stand beside it."""
    before = _ANNUAL_BEFORE_RE.search(text, floor, mention.start)
    if before is not None and (before.group("rate") or _CHANGE_NOUN_START_RE.match(mention.text)):
        return _read_with_words(
            _annual_rate_words(text, mention, before), f"{before.group().strip()!r} before it"
        )
    after = _ANNUAL_AFTER_RE.match(text, mention.end)
    if after is not None:
        words = text[mention.start : after.end()]
        return _read_with_words(words, f"{after.group().strip()!r} after it")
    flow = _IN_ANNUAL_FLOW_RE.match(text, mention.end)
    if flow is not None and reading["kind"] == "money" and reading["unit"] in vocab.PER_YEAR_UNITS:
        # "$2 trillion in new annual revenue": the amount of a flow named a year's
        unit = vocab.PER_YEAR_UNITS[reading["unit"]]
        return reading | {"unit": unit, "read_with": f"{flow.group().strip()!r} after it"}
    later = _PER_YEAR_LATER_RE.match(text, mention.end)
    is_a_year = later is not None and later.group("words").casefold().startswith("a ")
    if is_a_year and _SPAN_OF_A_YEAR_RE.search(text, 0, later.start("words")):
        later = None  # "in less than two-thirds of a year", "within a year": a span, no rate
    # a ratio of two amounts a year is the ratio of the amounts ("more than twice the
    # electricity of the United States annually"): only amounts and changes become rates
    is_ratio = reading["kind"] == "multiplier"
    if later is not None and not is_ratio and not _PER_YEAR_RE.search(mention.text):
        return {
            "refusal": f"{later.group('words')!r} later in its clause may make "
            f"{mention.text!r} a rate a year, which the mention does not hold; "
            f"{vocab.REFUSAL_ADVICE}"
        }
    one_span = _change_over_one_span(text, mention, reading, floor)
    return one_span or _stock_or_flow(text, mention, reading, floor)


def _annual_rate_words(text: str, mention: Mention, before: re.Match[str]) -> str:
    """The words of "annual ... rate" and the mention, verbatim but for a short name in
    brackets after "rate" (left out: "growth rate (CAGR) of 35%") and a link other than "of"
    ("rate at 41pc", "rate was 12%"), which says what "of" says and is read as it."""
    words = text[before.start() : mention.end]
    offset = before.start()
    edits = []
    if before.group("abbreviation"):
        edits.append((before.span("abbreviation"), ""))
    if before.group("link") and before.group("link").casefold() != "of":
        edits.append((before.span("link"), "of"))
    for (start, end), replacement in sorted(edits, reverse=True):
        words = words[: start - offset] + replacement + words[end - offset :]
    return words


# Words the English lexicon gives no lemma for that are still words: "the ten years".
_FUNCTION_WORDS_BEFORE_SPAN = frozenset(
    {"the", "its", "their", "our", "his", "her", "this", "that", "these", "those", "and"}
    | {"or", "but", "than", "per", "each", "every", "for", "nor", "a", "an", "of", "to"}
)


def _unknown_word_before_span(text: str, mention: Mention, floor: int) -> str | None:
    """A refusal for a span after a word the lexicon does not know, with another figure
    earlier in its clause ("more than $2bn withing ten years"): a misspelt "within" would
    make it that figure's period, which the words cannot show. Else None."""
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, floor, mention.start)]
    clause = text[starts[-1] if starts else floor : mention.start]
    word = re.search(r"(?<![\w'’-])([a-z]{3,})[ \t]+$", clause)
    if word is None or not re.search(r"\d", clause[: word.start()]):
        return None
    known = word.group(1) in _FUNCTION_WORDS_BEFORE_SPAN or lemminflect.getAllLemmas(word.group(1))
    if known:
        return None
    return (
        f"{word.group(1)!r} before {mention.text!r}, after another figure in its clause, is "
        f"no word the reader knows: a misspelt 'within' or 'in' would make the span that "
        f"figure's period; {vocab.REFUSAL_ADVICE}"
    )


# A duration right after another figure and "in", "over" or "within" ("rose by nearly 50% in 4
# years", "grew 30% over two years", "a 10–50x price reduction in 18 months"), or after a
# figure and up to two words naming what it counts ("launched three in 10 years", "hired 300
# engineers in two years", "built three new carriers in a decade"): the span that figure is
# over. Three words or more between them ("three firms could catch up in 5 years") are a
# clause of their own, where the span may be the quantity.
_FIGURE_THEN_SPAN_RE = re.compile(
    # digits glued to letters are a name, not a figure ("its Falcon2 prototype in three weeks")
    r"(?:(?<![^\W_])(?:\d+[.,])*\d+(?![^\W\d_])|%|\bpercent|\bcent|\bbillion|\bmillion"
    r"|\btrillion|fold|\btimes|(?<![^\W\d_])\d[x×]"
    r"|\b(?:doubled|tripled|quadrupled|halved|doubling|tripling)"
    rf"|(?<![\w-])(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}))"
    # a noun of change after the figure, with one word before it: "10–50x price reduction in"
    rf"(?:(?:[ \t]+[^\W\d_]+)?[ \t]+(?:{'|'.join(sorted(vocab.CHANGE_NOUNS))})"
    r"|(?:[ \t]+(?!(?:in|over|within)\b)[^\W\d_]+(?:-[^\W\d_]+)*){1,2})?"
    r"(?:(?P<words>[ \t]+(?:in|over|within))[ \t]+|(?P<within>[ \t]+))$",
    re.IGNORECASE,
)


# A span that opens its clause and is closed by a comma dates what the clause says: "in five
# years, the cost ... may reach", "Within two years, China may lead", "In 10 years' time, ...",
# "For nearly three years, sales have slowed".
_OPENING_SPAN_BEFORE_RE = re.compile(
    r"(?:^|[,;:—–(]|(?<![\w-])(?:that|and|but|so|then|while))[ \t]*"
    r"(?P<word>(?:in|within|for)[ \t]+)?$",
    re.IGNORECASE,
)
_OPENING_SPAN_AFTER_RE = re.compile(r"(?:['’]s?[ \t]+time)?[ \t]*,")


# "the" (or "for") before a span and "to", "ending", "ended", "through" or "until" and a date
# after it: "for the nine months to 30 June", "the 26 weeks ending 3 March", "the six months
# ended June 30, 2024", "the 12 months through March 2024".
_THE_BEFORE_SPAN_RE = re.compile(r"(?<![\w-])(?:the|for)[ \t]+$", re.IGNORECASE)
_TO_A_DATE_RE = re.compile(
    r"(?:[ \t]+(?i:periods?))?[ \t]+(?i:to|ending|ended|through|thru|until|till)[ \t]+"
    r"(?:(?i:in|on)[ \t]+)?(?:(?i:the[ \t]+end[ \t]+of)[ \t]+)?"  # "to the end of March"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?)?(?:{_MONTHS}|(?:19|20)\d\d(?!\d))"
)


def _span_to_a_date(text: str, mention: Mention, floor: int) -> re.Match[str] | None:
    """The words after a span that make it a period ending on a date ("for the nine months to
    30 June", "the 26 weeks ending 3 March"): a period that dates another figure, not a
    duration claimed; else None."""
    if not _THE_BEFORE_SPAN_RE.search(text, max(floor, mention.start - 12), mention.start):
        return None
    return _TO_A_DATE_RE.match(text, mention.end)


def _dating_span(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> str | None:
    """Why a duration dates another figure (is its period) rather than being the quantity:
    "over the next five years" before it, "three years earlier" or "ago" after it, "within
    three years" after a number in its clause ("53% of the population within three years"),
    "in", "over" or "within" right after another figure, after a figure and its noun of
    change ("rose by nearly 50% in 4 years", "a 10–50x price reduction in 18 months") or after
    a figure and up to two words ("launched three in 10 years"), or a span that opens its
    clause before a comma ("in five years, the cost may reach ..."); else
    None. "within three years" alone ("could overtake the US within three years") stays a
    duration: there the span itself is the quantity."""
    lead = _SPAN_LEAD_RE.search(text, max(floor, mention.start - 30), mention.start)
    if lead is None:  # "the first eleven months (of 2024)": a period, with or without "of"
        lead = _SPAN_OF_LEAD_RE.search(text, max(floor, mention.start - 30), mention.start)
        spent = lead and _TIME_SPENT_RE.search(text, max(floor, lead.start() - 20), lead.start())
        if spent and not _SPAN_OF_TAIL_RE.match(text, mention.end):
            lead = None  # "I've spent the last 20 years building": the time spent, claimed
    tail = _SPAN_TAIL_RE.match(text, mention.end) or _span_to_a_date(text, mention, floor)
    clause = text[floor : mention.start]
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(clause)]
    is_within = reading.get("qualifier") == "within"
    right_after = _FIGURE_THEN_SPAN_RE.search(text, max(floor, mention.start - 40), mention.start)
    # a mention that holds its own "within" comes right after the figure ("three fabs within")
    dated = is_within and (
        re.search(r"\d", clause[starts[-1] if starts else 0 :]) or (right_after is not None)
    )
    words = (lead and lead.group().strip()) or (tail and tail.group().strip())
    words = words or (right_after and (right_after.group("words") or "").strip())
    opening = _OPENING_SPAN_BEFORE_RE.search(text, floor, mention.start)
    opens = (
        opening is not None
        and bool(opening.group("word") or is_within)
        and _OPENING_SPAN_AFTER_RE.match(text, mention.end) is not None
    )
    if words or dated or opens:
        where = f"{words!r} beside it" if words else "'within' after a figure in its clause"
        if opens and not words:
            where = "its place (opening its clause, before a comma)"
        return (
            f"{where} makes {mention.text!r} the span a figure or claim is over or dated by (its "
            f"period), not a quantity; give it as that figure's period, or exclude the mention"
        )
    return None


# "over" and a span of time after "in", "for" or "within" ("their largest fall in over four
# years"): the preposition gives the period, so "over" can only be a bound.
_OVER_SPAN_RE = re.compile(r"over[ \t]+(?=\S)", re.IGNORECASE)
_SPAN_PREPOSITION_BEFORE_RE = re.compile(r"(?<![\w-])(?:in|for|within)[ \t]+$", re.IGNORECASE)


def _over_after_in(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """A duration "over N years" after "in", "for" or "within", read as more than N years
    (`read_with` names the preposition); else None."""
    over = _OVER_SPAN_RE.match(mention.text)
    if over is None or not _SPAN_PREPOSITION_BEFORE_RE.search(
        text, max(floor, mention.start - 8), mention.start
    ):
        return None
    reading = read_mention(f"more than {mention.text[over.end() :]}")
    if reading.get("kind") != "duration":
        return None
    before = _SPAN_PREPOSITION_BEFORE_RE.search(text, max(floor, mention.start - 8), mention.start)
    return reading | {"qualifier": "over", "read_with": f"{before.group().strip()!r} before it"}


def _day_dates_an_event(found: re.Match[str]) -> bool:
    """Whether a word of a span and a noun earlier in a clause are a day's name and a noun of
    an event (vocab.DAY_EVENT_NOUNS: "The Monday meeting"): the day dates the event, and names
    no amount per such a day."""
    thing = found.group("thing").casefold()
    return found.group("span").casefold() in vocab.DAY_SPAN_WORDS and (
        thing in vocab.DAY_EVENT_NOUNS or thing[:-1] in vocab.DAY_EVENT_NOUNS
    )
