"""Prices per a unit and money: "per X" in the clause or earlier, a price of a unit of goods, money
with no unit the project has, a currency code, money set against a later price.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`);
its rules are in docs/annotations.md under "Numbers a draft meets (read, exclude or refuse)"
(among them "Softened bounds, moved growth rates, prices per a thing, versions").
"""

from __future__ import annotations

import re
from typing import Any

import lemminflect

from gapstudy import vocab
from gapstudy.figures import is_unit_word, read_mention
from gapstudy.mentions import Mention, find_mentions, is_modifier
from gapstudy.sentence_lists import _set_against
from gapstudy.sentence_spans import _flow_written_once
from gapstudy.sentence_words import (
    _CLAUSE_BREAK_NOT_GROUP_RE,
    _CLAUSE_BREAK_RE,
    _FROM_NUMBER_RE,
    _misspelt_scale,
    _sentence_span,
)
from gapstudy.unheld import clause_of_its_own

_PER_UNIT_AFTER_RE = re.compile(
    r"[ \t]*(?:per[ \t]+|/[ \t]*)((?:[\d.,]+[\w-]*[ \t]+)?[^\W\d_][\w-]*)", re.IGNORECASE
)
# Money, then "a" or "an" and a noun: "$18.40 a tonne", "$2,400 an ounce" are prices per a unit
# of goods. A span of time there makes a rate or dates the amount ("$2 an hour", "$5 billion a
# year ago"), read by their own rules.
_A_UNIT_AFTER_RE = re.compile(
    # a bracketed aside may stand between ("66,790 yuan ($10,282.03) a tonne"), or the bracket
    # that holds the amount may close before it
    r"(?:[ \t]*\([^()\n]{1,40}\)|\))?"
    r"[ \t]+(?P<article>an?)[ \t]+(?P<words>[^\W\d_][\w-]*(?:[ \t]+[^\W\d_][\w-]*)?)(?![\w-])",
    re.IGNORECASE,
)
_NOT_GOODS = frozenset(vocab.OPERATOR_WORDS["a span of time"] + vocab.OPERATOR_WORDS["a period"])
# "per X" later in the clause of an amount of money, after a list of prices ("$2.50 input and
# $15.00 output per 1M tokens", "$310 and $940 per 20-foot box"): the price is per X, which
# the mention does not hold.
_PER_LATER_RE = re.compile(
    r"(?<![\w-])(?:per|for[ \t]+every|for[ \t]+each)[ \t]+(?:[\d.,]+[\w-]*[ \t]+)?"
    r"(?!cent\b|the\b)([^\W\d_][\w-]*)",
    re.IGNORECASE,
)
# What may stand between an amount and its "per" across a clause break: a converted amount in
# brackets or after ", or" ("12 yuan (US$1.77) for every million output tokens", "12 yuan, or
# approximately USD 1.77, for every million"), and a comma; or the end of that bracket for the
# converted amount itself.
_PER_BRIDGE_RE = re.compile(
    r"(?:\)|[ \t]*\([^()\n]*\)|,[ \t]+or[ \t]+[^,;()\n]*,)?,?(?=[ \t]+(?:per|for[ \t]+every)\b)",
    re.IGNORECASE,
)


# A count, what it counts and "per" a span of time ("500,000 wafer starts per month"; up to six
# words between, to the span at its clause's end: "60 cans being sold from Ohio every second"):
# a rate, for which the project has no unit (only "N times a year").
# So is an amount of money or a quantity with "a year" after what it names ("$5 billion in
# revenue a year", "10,000 chips annually"); "a year ago" and "a year earlier" date it.
_COUNT_PER_SPAN_RE = re.compile(
    r"(?:[ \t]+[^\W\d_][\w'’-]*){1,6}?(?:[ \t]+(?:(?:per|a|an|each|every)[ \t]+"
    r"(?:month|year|day|week|quarter|hour|minute|second)\b|annually\b|yearly\b|per[ \t]+annum\b)"
    r"|[ \t]*/[ \t]*(?:month|mo|year|yr|day|week|quarter|hour)\b)"  # "wafers/month"
    r"(?![ \t]+(?:ago|earlier|before|later|after|prior)\b)",
    re.IGNORECASE,
)
# "for a year", "for a month" closing those words: the span a count of things holds for.
_FOR_A_SPAN_END_RE = re.compile(r"(?<![\w-])for[ \t]+an?[ \t]+\w+$", re.IGNORECASE)
# A count, what it names and "per" anything else ("about 4 fen per kWh", "8 GPUs per server"):
# a price, a rate or a density.
_COUNT_PER_THING_RE = re.compile(
    r"(?:[ \t]+[^\W\d_][\w-]*){1,2}?[ \t]+(?:per|/)[ \t]*([^\W\d_][\w-]*)", re.IGNORECASE
)
# The end of "from X <words> to Y" that the finder could not join ("from below 20,000 wafer
# starts per month today to roughly 100,000"): Y's unit is written with X.
# "to" right before a figure, maybe past an article and one word ("to a record 800")
_TO_BEFORE_RE = re.compile(
    r"(?<![\w-])to[ \t]+(?:(?:a|an|the)[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+)?)?$", re.IGNORECASE
)


# A price in a list of prices, after a change in percent and "to" or "at": "aluminium was 0.6%
# higher at $1,778.50 a tonne, zinc fell 0.1% to $2,325.50".
_PRICE_ITEM_BEFORE_RE = re.compile(r"\d[\d.,]*[ \t]*%[ \t]+(?:to|at)[ \t]+$")


def _parallel_price(text: str, start: int, end: int) -> bool:
    """Whether only commas part ``start`` from ``end`` and the words before ``end`` make it an
    item of a list of prices, each a change in percent "to" or "at" a price: the unit written
    with the list's first price holds across the commas."""
    if re.search(r"[;:()\[\]—–\n]|[.!?](?=\s|$)(?!\s+\d)", text[start:end]):
        return False
    return _PRICE_ITEM_BEFORE_RE.search(text, start, end) is not None


# Words after a price up to the change set beside it by one comma ("$9,800 a tonne, up $150").
_ONE_COMMA_RE = re.compile(r"[^,;:()\[\]\n.!?]*,[ \t]*")


def _price_written_once(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention]
) -> str | None:
    """Why an amount of money with no "per" of its own is refused after a price per a unit
    earlier in its clause ("What cost $10 per million tokens in early 2024 costs under $0.50
    today"): "per X", written once, may hold for it too (a price, not an amount); a change
    written with a sign of money likewise ("a tonne as it rose $150"), also after a comma ("a
    tonne, up $150"); else None."""
    moved = reading["kind"] == "change" and re.search(r"[$€£¥]", mention.text) is not None
    if (reading["kind"] != "money" and not moved) or str(reading["unit"]).endswith("_per_year"):
        return None
    for previous in reversed(earlier):
        crossed = _CLAUSE_BREAK_RE.search(text, previous.end, mention.start)
        if (
            crossed
            and not _set_against(text, previous.end, mention.start)
            and not _parallel_price(text, previous.end, mention.start)
            and not (moved and _ONE_COMMA_RE.fullmatch(text, previous.end, mention.start))
        ):
            break  # "At $2 per H100-hour, $3 billion buys": another clause
        lead = re.match(r"[^\d$€£¥]*", mention.text).group()  # "reported $5 billion"
        if clause_of_its_own(text[previous.end : mention.start] + lead, object_last=True):
            break  # "hit $9,800 a tonne as the miner earned $2 billion": a clause of its own
        kind = read_mention(previous.text).get("kind")
        per = _PER_UNIT_AFTER_RE.match(text, previous.end)
        goods = _a_unit_of_goods(text, previous) if kind == "money" else None
        if kind == "price" or goods or (per and (kind == "money" or previous.text[:1] in "$€£¥")):
            unit = f"'per {per.group(1)}'" if per else f"the unit of {previous.text!r}"
            unit = f"{goods!r}" if goods else unit
            return (
                f"{mention.text!r} follows a price ({previous.text!r}) in its sentence: {unit}, "
                f"written once, may hold for it too (a price, not an amount); "
                f"{vocab.REFUSAL_ADVICE}"
            )
    return None


def _count_rate_or_far_end(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> str | None:
    """Why a count is not a plain count: a rate ("500,000 wafer starts per month", also for
    money: "$5 billion in revenue a year") or the far end of a "from X ... to Y" whose words
    the finder could not join; else None."""
    if _flow_written_once(text, mention, reading, floor):
        return (
            f"{mention.text!r} follows an amount given a year earlier in its sentence: 'a "
            f"year', written once, may hold for it too (a flow, not a stock); "
            f"{vocab.REFUSAL_ADVICE}"
        )
    is_amount = reading["kind"] in ("money", "quantity")
    rate = _COUNT_PER_SPAN_RE.match(text, mention.end)
    if rate and reading["kind"] == "count" and _FOR_A_SPAN_END_RE.search(rate.group()):
        rate = None  # "power 16 million homes for a year": how long, not how many a year
    if rate and clause_of_its_own(rate.group(), object_last=False):
        rate = None  # "carried 300 people as trains ran every day": the span is the clause's
    if (reading["kind"] == "count" or is_amount) and rate:
        return (
            f"{mention.text + rate.group()!r} is an amount per a span of time (a rate), for "
            f"which the project has no unit; {vocab.REFUSAL_ADVICE}"
        )
    if reading["kind"] != "count":
        return None
    if per := _COUNT_PER_THING_RE.match(text, mention.end):
        return (
            f"{mention.text + per.group()!r} is an amount per {per.group(1)!r} (a price, a rate "
            f"or a density), which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    starts = [m.end() for m in _CLAUSE_BREAK_NOT_GROUP_RE.finditer(text, floor, mention.start)]
    clause = text[starts[-1] if starts else floor : mention.start]
    if _TO_BEFORE_RE.search(clause) and _FROM_NUMBER_RE.search(clause):
        return (
            f"{mention.text!r} ends a 'from X ... to Y' whose unit and words stand with X, "
            f"which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    return None


def _price_later(text: str, mention: Mention, reading: dict[str, Any]) -> dict[str, Any] | None:
    """An amount of money with "per X" later in its clause, after a list of prices ("$2.50
    input and $15.00 output per 1M tokens"): read as a price per X where the project has a
    unit for it ("$0.03 and $0.05 per kWh"), else refused; None where no "per" follows."""
    if reading["kind"] != "money":
        return None
    bridge = _PER_BRIDGE_RE.match(text, mention.end)
    start = bridge.end() if bridge else mention.end
    brk = _CLAUSE_BREAK_RE.search(text, start)
    clause_end = brk.start() if brk else len(text)
    per = _PER_LATER_RE.search(text, start, clause_end)
    if per is None:
        return None
    between = [read_mention(m.text) for m in find_mentions(text[start : per.start()])]
    if any(r.get("kind") != "money" for r in between):
        return None  # not a list of prices: "per" belongs to another figure
    return _priced_by(text, mention, per, "later in its clause", "a price")


def _priced_by(text: str, mention: Mention, per: re.Match, where: str, what: str) -> dict[str, Any]:
    """The mention read with a "per <unit>" written ``where`` in its clause: a price where the
    project has that unit, else refused, naming the unit it lacks."""
    priced = read_mention(f"{mention.text} {per.group()}")
    if priced.get("kind") == "price":
        return priced | {"read_with": f"{per.group()!r} {where}"}
    unit = _unit_phrase(text, per)
    return {
        "refusal": f"{what} per {unit!r} ({per.group()!r} {where}), which the mention "
        f"does not hold and is not one of the project's units; {vocab.REFUSAL_ADVICE}"
    }


_UNIT_WORD_AFTER_RE = re.compile(r"[ \t]+([^\W\d_][\w-]*)")


def _unit_phrase(text: str, per: re.Match) -> str:
    """The unit after "per" (group 1 of ``per``), with the noun after it where the word found
    qualifies that noun: "per available room" names 'available room', not 'available'."""
    unit = per.group(1)
    after = _UNIT_WORD_AFTER_RE.match(text, per.end(1))
    if after and is_modifier(unit.split()[-1]) and _is_goods(after.group(1), alone=False):
        return f"{unit} {after.group(1)}"
    return unit


# Words that set an amount against a later one: "down from", "compared with", "versus".
_AGAINST_LATER_RE = re.compile(
    r"(?<![\w-])(?:from|compared|versus|vs\.?|against)(?![\w-])", re.IGNORECASE
)


def _against_a_later_price(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """A refusal for money with no unit of its own set against ("down from", "compared
    with") a price per a unit later in its sentence ("an average of $8,100, down from a peak
    of $9,800 a tonne"): its unit may be that price's, written once. Else None."""
    if reading.get("kind") != "money" or _a_unit_of_goods(text, mention):
        return None
    end = _sentence_span(text, mention.start, mention.end)[1]
    for later in find_mentions(text[mention.end : end]):
        at, until = mention.end + later.start, mention.end + later.end
        if read_mention(later.text).get("kind") not in ("money", "price"):
            continue
        shifted = Mention(at, until, later.text)
        per_word = _PER_UNIT_AFTER_RE.match(text, until)
        per = _a_unit_of_goods(text, shifted) or (per_word.group().strip() if per_word else None)
        if per is None and read_mention(later.text).get("kind") != "price":
            continue
        if not _AGAINST_LATER_RE.search(text, mention.end, at):
            return None
        unit = f" {per!r}" if per else ""
        return (
            f"{mention.text!r} is set against {later.text!r}{unit} later in its sentence, "
            f"a price per a unit: its unit may be written once, there; {vocab.REFUSAL_ADVICE}"
        )
    return None


# An amount written with the letters of US dollars ("$US12 million", "US$40 million", "USD 5
# billion"), then an opening bracket (a hedge may follow it) right before the mention.
_US_DOLLARS_THEN_BRACKET_RE = re.compile(
    r"(?:\$US|US\$|USD)[ \t]?\d[\d.,]*(?:[ \t]*[^\W\d_]+)?[ \t]*\([ \t]*(?:[^\W\d_]+[ \t]+){0,2}$"
)
# A bare "$" opening a mention, maybe after hedge words ("about $55 million").
_BARE_DOLLAR_RE = re.compile(r"(?:[^\W\d_]+[ \t]+)*\$[ \t]?\d")


def _another_dollar(text: str, mention: Mention, floor: int) -> str | None:
    """Why a bare "$" amount in brackets right after an amount written in US dollars
    ("$US12 million ($18 million)") is refused: the bracket converts it into another dollar,
    which the words do not name; else None."""
    if not _BARE_DOLLAR_RE.match(mention.text) or text[mention.start - 1 : mention.start].isalpha():
        return None
    if _US_DOLLARS_THEN_BRACKET_RE.search(text, floor, mention.start) is None:
        return None
    return (
        f"{mention.text!r} converts the US-dollar amount before its bracket into another dollar, "
        f"which its words do not name; {vocab.REFUSAL_ADVICE}"
    )


# "per X" before an amount of money in its clause ("Spending per visitor reached $85"): not
# after "as" ("as per the deal"), and not right after a figure (a price of that figure).
_PER_EARLIER_RE = re.compile(
    r"(?<![\w-])(?<!as )(?:per|for[ \t]+every|for[ \t]+each)[ \t]+(?:[\d.,]+[^\W\d_]*[ \t]+)?"
    r"(?!cent\b|the\b)([^\W\d_][\w-]*)",
    re.IGNORECASE,
)


def _per_before_or_after(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """An amount of money read with "per X" later in its clause (:func:`_price_later`) or
    before it (:func:`_price_per_earlier`); None where neither stands."""
    return (
        _price_later(text, mention, reading)
        or _price_per_earlier(text, mention, reading, floor)
        or _price_of_a_unit(text, mention, reading, floor)
    )


# "the price (or cost) of (or for) a <unit> of <goods>" before an amount in its clause: "The
# price of a litre of fuel went from €1.20 to €1.65" gives a price per litre, as "per litre"
# would.
# One word may describe the unit ("the cost of a large bag of rice"), and a quantity word names
# the goods with no "of" ("the price of a dozen roses"): a price per that quantity too.
_PRICE_OF_A_UNIT_RE = re.compile(
    r"(?<![\w-])(?:price|prices|cost|costs)[ \t]+(?:of|for)[ \t]+(?:a|an|one)[ \t]+"
    r"(?:[^\W\d_][\w-]*[ \t]+)?"
    rf"(?P<unit>(?:{'|'.join(sorted(vocab.GOODS_QUANTITY_WORDS))})(?=[ \t]+[^\W\d_])"
    r"|[^\W\d_][\w-]*(?=[ \t]+of(?![\w-])))(?:[ \t]+of(?![\w-]))?",
    re.IGNORECASE,
)
# The unit of goods named before the amount, as what a verb of price is said of: "a large bag
# of rice costing $12", "one crate of apples sells for $30": a price per that unit.
_UNIT_THEN_PRICE_VERB_RE = re.compile(
    r"(?<![\w-])(?:a|an|one)[ \t]+(?:[^\W\d_][\w-]*[ \t]+)?(?!of[ \t])"
    r"(?P<unit>[^\W\d_][\w-]*)[ \t]+"
    r"(?P<of>of[ \t]+)?(?:[^\W\d_][\w'’-]*[ \t]+){1,3}?"
    r"(?:costing|costs|cost|priced[ \t]+at|sells[ \t]+for|selling[ \t]+for|sold[ \t]+for)"
    r"[ \t]+$",
    re.IGNORECASE,
)


def _unit_then_price_verb(text: str, start: int, mention: Mention) -> list[re.Match[str]]:
    """The words "a <unit> of <goods> costing" right before ``mention`` in its clause (the
    unit a declared quantifier such as "a lot of" is not); else an empty list."""
    found = _UNIT_THEN_PRICE_VERB_RE.search(text, max(start, mention.start - 80), mention.start)
    if found is None or found.group("unit").casefold() in vocab.QUANTIFIER_NOUNS:
        return []
    if not found.group("of") and found.group("unit").casefold() not in vocab.GOODS_QUANTITY_WORDS:
        return []  # "a dozen eggs cost": a quantity word needs no "of"; a unit does
    return [found]


# A comma and a participle of motion to a level keep the clause's subject: "the price of a
# dozen roses doubled, going from $20 to $40" (the price is still the subject).
_SAME_SUBJECT_PARTICIPLE_RE = re.compile(
    r",[ \t]*(?:[^\W\d_]+ing[ \t]+(?:from|to|at)|reaching|hitting|topping)(?![\w-])",
    re.IGNORECASE,
)
_FROM_IN_MENTION_RE = re.compile(r"(?<![\w-])from[ \t]+", re.IGNORECASE)


def _price_of_a_unit(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """An amount of money, or a "from X to Y" of money, after "the price of a <unit> of
    <goods>" in its clause, or a "from X to Y" of money after "per X" there: read as a price
    per that unit where the project has it ("the cost of a kilowatt-hour of power fell to
    $0.05"), else refused; None where no such words stand."""
    pair = _FROM_IN_MENTION_RE.search(mention.text) if reading["kind"] == "change" else None
    is_pair = pair is not None and read_mention(mention.text[pair.end() :]).get("kind") == "money"
    if reading["kind"] != "money" and not is_pair:
        return None
    breaks = [
        m.end()
        for m in _CLAUSE_BREAK_RE.finditer(text, floor, mention.start)
        if not _SAME_SUBJECT_PARTICIPLE_RE.match(text, m.start())
    ]
    start = breaks[-1] if breaks else floor
    found = list(_PRICE_OF_A_UNIT_RE.finditer(text, start, mention.start))
    found = found or _unit_then_price_verb(text, start, mention)
    found = [one for one in found if not _one_item_sold(one)]
    pers = list(_PER_EARLIER_RE.finditer(text, start, mention.start)) if is_pair else []
    if not found and not pers:
        return None
    unit, words = (
        (found[-1].group("unit"), found[-1].group())
        if found
        else (pers[-1].group(1), pers[-1].group())
    )
    priced = read_mention(f"{mention.text} per {unit}") if not is_pair else {}
    if priced.get("kind") == "price":
        return priced | {"read_with": f"{words!r} before it in its clause"}
    return {
        "refusal": f"a price per {unit!r} ({words!r} before it in its clause), which the "
        f"mention does not hold and is not one of the project's units; {vocab.REFUSAL_ADVICE}"
    }


def _price_per_earlier(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """An amount of money after "per X" in its clause, with no clause break between: read
    as a price per X where the project has a unit for it ("the cost per kWh fell to $0.05"),
    else refused ("Spending per visitor reached $85"); None where no such "per" stands."""
    if reading["kind"] != "money":
        return None
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(text, floor, mention.start)]
    start = breaks[-1] if breaks else floor
    pers = list(_PER_EARLIER_RE.finditer(text, start, mention.start))
    if not pers:
        return _per_before_labels(text, mention, floor)
    if re.search(r"\d[\w%]*[ \t]*$", text[start : pers[-1].start()]):
        return None  # the price of a figure before it ("$10 per share and $5")
    return _priced_by(text, mention, pers[-1], "before it in its clause", "a price or a rate")


# --- words touching a figure that its own words do not hold (docs/annotations.md, "A word
# touching the figure"): read with that word where a rule gives its reading, else refused ---
# a short name in brackets ("(RPSM)") between "per <noun>" and an amount: no clause break
_SHORT_NAME_BRACKET_RE = re.compile(r"[ \t]*\([ \t]*[A-Z][A-Za-z&]{1,7}[ \t]*\)")
# a currency word between a hedge and the sign: "about US $3 billion"
_HEDGE_CURRENCY_WORD_RE = re.compile(
    r"(?<![\w-])(?P<hedge>(?:[^\W\d_]+[ \t]+)?[^\W\d_]+)[ \t]+(?:US|USD|A|AU|C|CA|NZ|HK|S)[ \t]*$"
)
_HEDGED_BOUNDS = frozenset({"approximate", "lower", "upper"})


# an amount of money and "per <noun>" or "/<noun>" right after it: a price per that thing
_PRICE_PER_THING_RE = re.compile(
    r"[$€£¥][ \t]*\d[\d.,]*(?:[ \t]*(?:thousand|million|billion|trillion|bn|mn|[kmb]))?"
    r"[ \t]*(?:per[ \t]+|/[ \t]*)(?P<unit>[^\W\d_][\w-]*)",
    re.IGNORECASE,
)
# a noun pointing back at a price, after "that", "this", "the", "its" or "which"
_PRICE_BACK_NOUN_RE = re.compile(
    r"(?<![\w-])(?:that|this|the|its|their|which|such)[ \t]+(?:new[ \t]+)?"
    r"(?P<noun>rate|price|fee|fare|toll|charge|tariff|levy)(?![\w-])",
    re.IGNORECASE,
)


def _price_pointed_back_at(text: str, mention: Mention) -> str | None:
    """Why an amount of money is refused when a noun in its clause points back at a price per
    a thing named earlier in its sentence ("$2.10 per crossing, and that rate will rise to
    $2.30"): the amount may be that price, per the same thing; else None."""
    floor, _ = _sentence_span(text, mention.start, mention.end)
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(text, floor, mention.start)]
    if not breaks:
        return None
    back = list(_PRICE_BACK_NOUN_RE.finditer(text, breaks[-1], mention.start))
    earlier = list(_PRICE_PER_THING_RE.finditer(text, floor, breaks[-1]))
    if not back or not earlier:
        return None
    return (
        f"{back[-1].group()!r} before {mention.text!r} points back at a price per "
        f"{earlier[-1].group('unit')!r} named earlier, so the amount may be per that too, which "
        f"the mention does not hold"
    )


def _per_in_a_pairs_subject(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """A pair of levels of money after "per <noun>" in its clause ("the price per ton fell
    from $80 to $72"): each level a price where the project has that unit, else refused, as a
    single amount there is; None where no such "per" stands or a level is no money."""
    if not all(level.get("kind") == "money" for level in reading["levels"]):
        return None
    floor, _ = _sentence_span(text, mention.start, mention.end)
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(text, floor, mention.start)]
    start = breaks[-1] if breaks else floor
    pers = list(_PER_EARLIER_RE.finditer(text, start, mention.start))
    if not pers or re.search(r"\d[\w%]*[ \t]*$", text[start : pers[-1].start()]):
        return None
    per = pers[-1]
    priced = [
        read_mention(f"{level['text']} {per.group()}")
        | {key: level[key] for key in ("text", "start", "end") if key in level}
        for level in reading["levels"]
    ]
    if all(level.get("kind") == "price" for level in priced):
        return reading | {"levels": priced, "read_with": f"{per.group()!r} before it in its clause"}
    return {
        "refusal": f"a price per {_unit_phrase(text, per)!r} ({per.group()!r} before the pair in "
        f"its clause), which its levels do not hold and is not one of the project's units; "
        f"{vocab.REFUSAL_ADVICE}"
    }


def _per_across_a_short_name(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """An amount of money after "per <noun>" and a short name in brackets ("Revenue per seat
    mile (RPSM) hit $0.12"): the bracket is no clause break, so the amount is read as after
    "per <noun>" (:func:`_price_per_earlier`); None where no such bracket stands."""
    floor, _ = _sentence_span(text, mention.start, mention.end)
    before = text[floor : mention.start]
    if not _SHORT_NAME_BRACKET_RE.search(before):
        return None
    blanked = _SHORT_NAME_BRACKET_RE.sub(lambda m: " " * len(m.group()), before)
    stepped = text[:floor] + blanked + text[mention.start :]
    return _price_per_earlier(stepped, mention, reading, floor)


def _hedge_before_a_currency_word(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """An amount of money whose hedge or bound stands before a currency word ("about US $3
    billion"): read with the hedge, as "about $3 billion" is; None where the words before the
    currency word give no other bound."""
    if not mention.text.startswith("$"):
        return None
    found = _HEDGE_CURRENCY_WORD_RE.search(text, max(0, mention.start - 40), mention.start)
    if found is None:
        return None
    words = found.group("hedge").split()
    for hedge in (" ".join(words), words[-1]):
        hedged = read_mention(f"{hedge} {mention.text}")
        bound = hedged.get("bound")
        if hedged.get("kind") == "money" and bound in _HEDGED_BOUNDS and bound != reading["bound"]:
            kept = {key: hedged.get(key) for key in ("value", "low", "high", "bound")}
            return reading | kept | {"read_with": f"{hedge!r} before its currency word"}
    return None


# A noun of money (vocab.MONEY_NOUNS), then "of" or up to two plain words, right before an
# amount; and nothing counted after the amount (punctuation, the end, or a function word).
_MONEY_NOUN_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<noun>{'|'.join(sorted(vocab.MONEY_NOUNS))})"
    r"(?:[ \t]+[^\W\d_][\w'’-]*){0,2}?[ \t]+$",
    re.IGNORECASE,
)
_NOTHING_COUNTED_AFTER_RE = re.compile(
    r"[ \t]*(?:$|[^\w \t$€£¥]|(?:last|this|next|in|on|at|for|a|an|the|and|or|but|with|from"
    r"|to|over|during|since|that|which|was|were|is|are|has|had|have|will|would|after|before"
    r"|as|by|while|up|down)(?![\w-]))",
    re.IGNORECASE,
)
_BARE_SCALE_RE = re.compile(r"(?:million|billion|trillion|bn|mn|m)$", re.IGNORECASE)


def _money_with_no_currency(text: str, mention: Mention) -> str | None:
    """Why a count with a scale word after a noun of money ("a deficit of 3.2 million") and
    nothing counted after it is refused: an amount of money in a currency not written."""
    if not _BARE_SCALE_RE.search(mention.text):
        return None
    before = _MONEY_NOUN_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start)
    if before is None or not _NOTHING_COUNTED_AFTER_RE.match(text, mention.end):
        return None
    return (
        f"{mention.text!r} after {before.group('noun')!r} is an amount of money whose currency "
        f"is not written, not a count"
    )


# Money, then "above" or "below" another amount: "$1.1 billion above the claims for 2019".
_ABOVE_OR_BELOW_RE = re.compile(r"^(?P<amount>.+?)[ \t]+(?P<word>above|below)$", re.IGNORECASE)


def _money_above_or_below(mention: Mention, reading: dict[str, Any]) -> str | None:
    """A refusal for money read as a change from "above" or "below" after it: a difference
    from another amount, as "more ... than" is, whatever that amount is. Else None."""
    found = _ABOVE_OR_BELOW_RE.match(mention.text)
    if reading.get("kind") != "change" or found is None:
        return None
    if read_mention(found.group("amount")).get("kind") != "money":
        return None
    return (
        f"{mention.text!r} is a difference from another amount ('{found.group('word')}' after "
        f"money, as 'more ... than'): the words after it name what it is set against; "
        f"{vocab.REFUSAL_ADVICE}"
    )


# "gain of" or "advance of" before money: a profit or a loan, or a rise ("a trading gain of $3.4
# billion").
_GAIN_OF_RE = re.compile(r"^(?:gains?|advances?)[ \t]+of[ \t]+(?P<amount>.+)$", re.IGNORECASE)


def _profit_or_rise(mention: Mention, reading: dict[str, Any]) -> str | None:
    """A refusal for money after "gain of" or "advance of", read as a change: it may be an
    amount earned or lent as well as a rise. Else None."""
    found = _GAIN_OF_RE.match(mention.text)
    if reading.get("kind") != "change" or found is None:
        return None
    if read_mention(found.group("amount")).get("kind") != "money":
        return None
    return (
        f"{mention.text!r}: money after a noun of a rise and 'of' may be an amount earned or "
        f"lent (a profit, an advance) as well as a rise, which the words do not settle; "
        f"{vocab.REFUSAL_ADVICE}"
    )


# A word of price and "for", "of" or "per" right before one unit: "the price for 1 kilowatt-hour
# of electricity", "the cost of one megawatt-hour": the amount the price is per.
_PRICE_FOR_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:price|prices|cost|costs|rate|rates|tariff|tariffs|bill|bills)[ \t]+"
    r"(?:for|of|per)[ \t]+$",
    re.IGNORECASE,
)


# A word of price and one unit the project prices earlier in the clause: "the price for 1
# kilowatt-hour of electricity rose from 16.41 cents to 17.47 cents": the amounts after it are
# prices per that unit.
_UNIT_PRICED_RE = re.compile(
    r"(?<![\w-])(?:price|prices|cost|costs|rate|rates|tariff|tariffs)[ \t]+(?:for|of|per)"
    r"[ \t]+(?:1|one|a|each)[ \t]+(?P<unit>kilowatt[- \t]hours?|kWh)(?![\w-])",
    re.IGNORECASE,
)


def _unit_priced_before(text: str, mention: Mention, floor: int) -> str | None:
    """The unit a price is given per earlier in the mention's clause ("the price for 1
    kilowatt-hour ... rose from 16.41 cents"), else None."""
    found = list(_UNIT_PRICED_RE.finditer(text, floor, mention.start))
    if not found or _CLAUSE_BREAK_RE.search(text, found[-1].end(), mention.start):
        return None
    return found[-1].group("unit")


def _as_price(reading: dict[str, Any], words: str, unit: str) -> dict[str, Any]:
    """An amount of money (``words``) read as a price per ``unit`` written once before it,
    keeping its place; unchanged where it does not read as a price the project has."""
    if reading.get("kind") != "money":
        return reading
    priced = read_mention(f"{words} per {unit}")
    if priced.get("kind") != "price":
        return reading
    kept = {name: reading[name] for name in ("text", "start", "end", "period") if name in reading}
    return priced | kept | {"read_with": f"'per {unit}' written once before it, with its price"}


def _one_unit_priced(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> str | None:
    """Why one unit after a word of price ("the price for 1 kilowatt-hour") is no quantity: it
    is the amount the price is per; else None."""
    if reading["kind"] not in ("quantity", "count") or reading.get("qualifier") is not None:
        return None
    if not re.match(r"(?:1|one)\b", mention.text, re.IGNORECASE):
        return None
    if _PRICE_FOR_BEFORE_RE.search(text, max(floor, mention.start - 20), mention.start) is None:
        return None
    return (
        f"{mention.text!r} after a word of price is the amount a price is per, not a quantity "
        f"of its own; give it with the price, or exclude the mention"
    )


# Three capitals right before an amount ("NZD 40 billion", "SEK 12.50"): a currency code.
# The codes the project has a unit for are taken into the mention, so these are others.
_CODE_BEFORE_RE = re.compile(r"(?<![\w-])(?P<code>[A-Z]{3})[ \t]?$")
# A country's two letters standing apart before a bare "$" ("NZ $40 million", "HK $2 billion"):
# that country's dollar (vocab.DOLLAR_COUNTRY_CODES). Written together ("HK$", "NT$") the
# mention holds them; a single capital ("A $5 billion deal") is an article, not a code.
_DOLLAR_CODE_APART_RE = re.compile(
    rf"(?<![\w.-])(?P<code>{'|'.join(sorted(vocab.DOLLAR_COUNTRY_CODES))})[ \t]+$"
)
# An amount as money writes it: a scale word or a cents' two decimals.
_AMOUNT_RE = re.compile(
    rf"\d(?:[\d,.]*\d)?(?:[ \t-]*(?:{'|'.join(vocab.SCALES)})s?\b|\.\d\d\b)", re.IGNORECASE
)
_WORD_AFTER_RE = re.compile(r"[ \t]*(?P<word>[^\W\d_]+)\b")


def _other_money(text: str, mention: Mention, floor: int) -> str | None:
    """Why a mention is money the project has no unit for: a currency code of three capitals
    right before an amount with a scale word or cents ("BRL 75 billion"; a name before a bare
    number, "RTX 4090", is none), or a word right after the number one letter away from a
    scale word ("$3.1 billon": the scale is misspelt, the amount unknown); else None."""
    code = _CODE_BEFORE_RE.search(text, max(floor, mention.start - 4), mention.start)
    if code is not None and _AMOUNT_RE.match(mention.text):
        return (
            f"{code.group('code')!r} before {mention.text!r} is a currency code the project "
            f"has no unit for: money, not a count; {vocab.REFUSAL_ADVICE}"
        )
    apart = _DOLLAR_CODE_APART_RE.search(text, max(floor, mention.start - 4), mention.start)
    if apart is not None and mention.text.startswith("$"):
        return (
            f"{apart.group('code')!r} before {mention.text!r} names another country's dollar, "
            f"which the reading would take for US dollars; {vocab.REFUSAL_ADVICE}"
        )
    after = _WORD_AFTER_RE.match(text, mention.end)
    if after is None or not mention.text[-1:].isdigit():
        return None
    word = after.group("word").casefold()
    if word.rstrip("s") in vocab.SCALES or not _misspelt_scale(word):
        return None
    return (
        f"{after.group('word')!r} after {mention.text!r} is one letter away from a scale word: "
        f"a misspelt scale, the amount unknown; {vocab.REFUSAL_ADVICE}"
    )


def _price_per_unit(text: str, mention: Mention) -> str | None:
    """Why an amount of money is a price per a unit the mention does not hold: "per X" or
    "/X" after it, or "a" and a noun of goods ("$18.40 a tonne"); else None."""
    if per := _PER_UNIT_AFTER_RE.match(text, mention.end):
        return (
            f"a price per {_unit_phrase(text, per)!r}, which the mention does not hold and is "
            f"not one of the project's units; {vocab.REFUSAL_ADVICE}"
        )
    if (goods := _a_unit_of_goods(text, mention)) is not None:
        return (
            f"{goods!r} after {mention.text!r} makes it a price per a unit of goods, which the "
            f"mention does not hold and is not one of the project's units; {vocab.REFUSAL_ADVICE}"
        )
    return None


def _a_unit_of_goods(text: str, mention: Mention) -> str | None:
    """The words "a" or "an", an adjective at most and a noun right after an amount of money
    that name a unit of goods ("$18.40 a tonne", "$9,800 a metric ton"), not a span of time
    nor a word of period; else None. Nouns and adjectives are asked of the English lexicon."""
    after = _A_UNIT_AFTER_RE.match(text, mention.end)
    if after is None:
        return None
    words = after.group("words").split()
    if len(words) == 2 and is_modifier(words[0]) and _is_goods(words[1], alone=False):
        return f"{after.group('article')} {' '.join(words)}"  # "a metric ton"
    if _is_unit_symbol(words[0]):
        return f"{after.group('article')} {words[0]}"  # "$3.80 a lb", "$3 an MMBtu"
    # a noun that may also qualify one stands alone where no noun follows ("$90 million a plane")
    if _is_goods(words[0], alone=len(words) == 1 or not _is_goods(words[1], alone=False)):
        return f"{after.group('article')} {words[0]}"
    return None


def _is_unit_symbol(word: str) -> bool:
    """Whether ``word`` is a unit's symbol the English lexicon has no noun for but the unit
    registry or vocab.UNIT_ABBREVIATIONS_LACKED knows ("lb", "oz", "bbl", "MMBtu"), not a span
    of time: after "a" or "an" it makes an amount a price per that unit, as "per lb" does."""
    folded = word.casefold()
    if folded in _NOT_GOODS:
        return False
    return folded in vocab.UNIT_ABBREVIATIONS_LACKED or is_unit_word(word)


def _is_goods(word: str, alone: bool) -> bool:
    """Whether ``word`` may name a unit of goods: a noun of the English lexicon, not a span of
    time nor a word of period, and, unless it stands ``alone`` (no noun after it), no word that
    may qualify a noun."""
    noun = word.casefold()
    if noun in _NOT_GOODS or "NOUN" not in lemminflect.getAllLemmas(noun):
        return False
    return alone or not is_modifier(noun)


# A conversion in brackets right after an amount: "more than $US10 million (€9 million)".
_CONVERSION_OPENS_RE = re.compile(r"[ \t]*\([ \t]*")
_CONVERSION_CLOSES_RE = re.compile(r"[ \t]*\)")


def _bound_into_conversion(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention]
) -> dict[str, Any]:
    """An amount of money alone in brackets right after a bounded or hedged amount ("more than
    $US10 million (€9 million)") converts it: the bound or hedge holds for it too (a lower
    bound of €9 million). Else ``reading`` as it was."""
    if not earlier or reading.get("kind") != "money" or reading.get("bound") != "exact":
        return reading
    previous = earlier[-1]
    opens = _CONVERSION_OPENS_RE.fullmatch(text, previous.end, mention.start)
    if opens is None or _CONVERSION_CLOSES_RE.match(text, mention.end) is None:
        return reading
    before = read_mention(previous.text)
    if before.get("kind") != "money" or before.get("bound") == "exact" or "refusal" in before:
        return reading
    if before.get("bound") == "range" or not before.get("qualifier"):
        return reading
    size = next(reading[name] for name in ("value", "low", "high") if reading[name] is not None)
    carried = {name: None if before[name] is None else size for name in ("value", "low", "high")}
    said = f"{before['qualifier']!r} before {previous.text!r}, the amount it converts"
    return (
        reading
        | carried
        | {"bound": before["bound"], "qualifier": before["qualifier"]}
        | {"read_with": said}
    )


def _price_change_after_comma(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention]
) -> dict[str, Any] | None:
    """A change written with money right after a price per a unit the project has, one comma
    between ("$0.12 per kWh, up $0.01"): a change of that price, in its unit, where the
    currencies agree; else None (a price per a unit the project lacks stays refused)."""
    if reading.get("kind") != "change" or not earlier or "refusal" in reading:
        return None
    previous = earlier[-1]
    if not _ONE_COMMA_RE.fullmatch(text, previous.end, mention.start):
        return None
    price = read_mention(previous.text)
    if price.get("kind") != "price" or not str(price["unit"]).startswith(f"{reading['unit']}_per_"):
        return None
    return reading | {
        "unit": price["unit"],
        "read_with": f"the unit of {previous.text!r} before it",
    }


# A clause with "per X" before a colon, then labelled amounts ("Fee per night, cabins: $80;
# tents: $20"): each "label:" and each ";" between amounts of the list keeps the clause open.
_LABELLED_AMOUNTS_RE = re.compile(
    r"[^\d:;.!?\n]*:(?:[ \t]*[^:;.!?\n]*?\d[^:;!?\n]*;[ \t]*[^\d:;.!?\n]{1,40}:)*[ \t]*$"
)


_LIST_CLAUSE_END_RE = re.compile(r"[;.!?](?=\s)")


def _per_before_labels(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """An amount of money in a list of "label: amount" items after a clause with "per X" before
    its first colon: a price per X, as in the clause of "per X" itself; else None."""
    colon = text.find(":", floor, mention.start)
    if colon < 0:
        return None
    head_start = max([m.end() for m in _LIST_CLAUSE_END_RE.finditer(text, floor, colon)] + [floor])
    pers = list(_PER_EARLIER_RE.finditer(text, head_start, colon))
    if not pers or not _LABELLED_AMOUNTS_RE.match(text, pers[-1].end(), mention.start):
        return None
    return _priced_by(text, mention, pers[-1], "before its list of labelled amounts", "a price")


def _one_item_sold(found: re.Match[str]) -> bool:
    """Whether the unit of "the cost of a <unit> of <goods>" names one item sold as such
    (vocab.ONE_ITEM_NOUNS: "a pair of ski boots", "a set of tyres"): the amount is money, no
    price per a unit."""
    return found.group("unit").casefold() in vocab.ONE_ITEM_NOUNS


def _amount_verb_range(word: str, mention: Mention) -> dict[str, Any] | None:
    """ "from X to Y" of money after ``word``, a verb of an amount taken in or paid out
    (vocab.PAYING_VERBS: "collects from 40 to 45 million dollars a year"): a range of that
    money, the far end's scale and currency lent to the near end. Else None."""
    lemmas = lemminflect.getAllLemmas(word).get("VERB", ())
    if not any(lemma in vocab.PAYING_VERBS for lemma in lemmas):
        return None
    ranged = read_mention(re.sub(r"^from[ \t]+", "", mention.text, flags=re.IGNORECASE))
    if ranged.get("kind") != "money" or ranged.get("bound") != "range":
        return None
    return ranged | {"read_with": f"{word!r} earlier in its clause, a verb of an amount: a range"}
