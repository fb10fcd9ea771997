"""Lists and restatements: a unit written once after the last figure of a list, a figure listed
after a change, the unit an earlier figure writes for a bare count, a list that may go on.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`);
its rules are in docs/annotations.md under "Numbers a draft meets (read, exclude or refuse)"
(among them "Verb forms, months, lists and points").
"""

from __future__ import annotations

import re
from typing import Any

from gapstudy import vocab
from gapstudy.figures import read_mention
from gapstudy.mentions import Mention, find_mentions
from gapstudy.sentence_words import (
    _FIGURE_PARTS_RE,
    _LEVEL_REACHED_RE,
    _LIST_ASIDE,
    _NEXT_WORD_RE,
    _WORD_RE,
    _in_digits,
    _is_bare,
    _sentence_span,
)
from gapstudy.unheld import is_past_tense, is_verb, predicate_starts

# The period a change is measured against, after its figure: "compared to last year", "from
# a year earlier", "year-on-year".
_COMPARED_PERIOD = (
    r"[ \t]+(?:compared[ \t]+(?:to|with)|from|over|versus|vs\.?)[ \t]+(?:last[ \t]+year"
    r"|the[ \t]+(?:previous|prior|same)[ \t]+(?:year|quarter|period)(?:[ \t]+last[ \t]+year)?"
    r"|a[ \t]+year[ \t]+(?:earlier|ago|before))|[ \t]+year[- ](?:on|over)[- ]year"
)
# The level a listed change reached, after its figure: "7 per cent to $1 billion".
_LEVEL_AFTER = (
    r"[ \t]+to[ \t]+(?:US\$|[$€£¥])?\d+(?:[.,]\d+)*(?![.,]?\d)"
    r"(?:[ \t]*(?:thousand|million|billion|trillion|bn|mn|[kmb])(?![\w-]))?"
    r"(?:[ \t]*%|[ \t]+per[ \t]*cent(?![\w-])|[ \t]+percent(?![\w-]))?"
)
_LEVEL_AFTER_RE = re.compile(_LEVEL_AFTER, re.IGNORECASE)
# What may follow a figure that continues a list: the level it reached, its period and a
# place (two asides, each up to 40 characters: "4% from a year ago across all of the small
# regional venues"), then the clause ends.
_LIST_TAIL_RE = re.compile(
    rf"(?:{_LEVEL_AFTER})?(?:{_LIST_ASIDE}){{0,2}}(?:{_COMPARED_PERIOD})?[ \t]*"
    r"(?:[,;:.)\]!?—–]|[ \t]+(?:and|or)\b|$|(?<=\S)[ \t]*respectively\b)",
    re.IGNORECASE,
)
# A list of bare numbers whose unit is written once, after the last: "rose by 18.8, 48.9, and
# 67.3 percentage points".
_UNIT_AFTER_LIST_RE = re.compile(
    r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
    r"(?:[\d.,]+(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+))*"
    r"(?P<last>[\d.]+[ \t]*(?:%|percent\b|per[ \t]cent\b|percentage[ \t]+points?\b|points?\b"
    r"|months?\b|years?\b|times\b|[A-Za-z]*W\b|TWh\b|GWh\b))",
)


# A figure of a list written bare, its scale word at most ("93.1 billion"), and what joins the
# figures of a list: commas, "and", "or", "to", "vs", "versus".
_BARE_FIGURE_RE = re.compile(
    r"\d[\d.,]*(?P<scale>[ \t]*(?:thousand|million|billion|trillion)(?![\w-]))?", re.IGNORECASE
)
_LIST_JOIN_RE = re.compile(
    r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|to|vs\.?|versus)[ \t]+", re.IGNORECASE
)
_CURRENCY_LEAD_RE = re.compile(r"US\$|[$€£¥]|[A-Z]{3}")


def _list_last(text: str, mention: Mention, after_comma: bool) -> Mention | None:
    """The figure that ends the list a bare figure starts or continues ("93.1 billion and 71.1
    billion yuan": "71.1 billion yuan"; "5, 6 and 7 million": "7 million"), past other bare
    figures; None where no list follows. A comma with "and" or "or" joins a list only after
    a comma alone (``after_comma``: before this figure, or earlier in the list): "18.8, 48.9,
    and 67.3"; two figures so joined ("hired 300, and 5 GW went online") are two clauses."""
    _, end = _sentence_span(text, mention.start, mention.end)
    last = None
    for found in find_mentions(text[mention.end : end]):
        later = Mention(found.start + mention.end, found.end + mention.end, found.text)
        start = last.end if last else mention.end
        if not _LIST_JOIN_RE.fullmatch(text, start, later.start):
            break
        if not after_comma and _COMMA_CONJUNCTION_RE.fullmatch(text, start, later.start):
            break
        after_comma = after_comma or _COMMA_ALONE_RE.fullmatch(text, start, later.start)
        last = later
        if not _BARE_FIGURE_RE.fullmatch(later.text):
            break
    return last


_COMMA_ALONE_RE = re.compile(r"[ \t]*,[ \t]*")
_NUMBER_COMMA_BEFORE_RE = re.compile(r"\d[\d.,]*[ \t]*,[ \t]*$")


def _unit_written_later(text: str, mention: Mention) -> str | None:
    """Why a count followed by figures and a unit after the last ("300, 400 and 5 GW") is
    refused: the unit may be written once for it too. After a comma with "and" or "or" (no
    comma alone before it) the two are two clauses: read as it is where the far figure has a
    verb after it ("It hired 300, and 5 GW went online"), refused, the message saying so,
    where it has none. None where no unit follows."""
    last = _UNIT_AFTER_LIST_RE.match(text, mention.end)
    if last is None:
        return None
    figure = last.group("last").strip()
    if not _two_clauses(text, mention):
        return (
            f"the unit of a list is written once, after its last number ({figure!r}); "
            f"{vocab.REFUSAL_ADVICE}"
        )
    if "or" in text[mention.end : last.start("last")].casefold().split():
        return (
            f"', or' before {figure!r} may restate {mention.text!r} in another unit, or its "
            f"unit may be written once for both, which the words do not settle; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    after = _NEXT_WORD_RE.match(text, last.end())
    if after and (is_past_tense(after.group(1)) or predicate_starts(after.group(1))):
        return None
    return (
        f"{mention.text!r} and {figure!r} are joined by a comma and 'and': two clauses by the "
        f"rule, but nothing after {figure!r} starts its own, so its unit may be written once "
        f"for {mention.text!r} too; {vocab.REFUSAL_ADVICE}"
    )


def _two_clauses(text: str, mention: Mention) -> bool:
    """Whether a comma with "and" or "or" right after ``mention``, with no comma alone after a
    figure before it, joins two clauses, not a list ("It hired 300, and 5 GW went online")."""
    after = _COMMA_CONJUNCTION_RE.match(text, mention.end)
    return bool(after) and not _NUMBER_COMMA_BEFORE_RE.search(text, 0, mention.start)


_COMMA_CONJUNCTION_RE = re.compile(r"[ \t]*,[ \t]*(?:and|or)[ \t]+", re.IGNORECASE)


def _unit_after_list(text: str, mention: Mention, earlier: list[Mention]) -> dict[str, Any] | None:
    """A figure with no unit of its own in a list whose unit is written once, after its last
    figure ("93.1 billion and 71.1 billion yuan", "3, 4 or 5 GW"): read with that unit
    (``read_with`` names it); refused where the project lacks the unit, where the figures
    cannot share it (an amount and a percentage), where the scale is written with the last
    figure only ("3 and 5 billion yuan") or where an earlier figure of the list holds words
    before it (a verb, a hedge) that may hold for this one too; None where no list follows."""
    own_text = _in_digits(mention.text)
    own = _FIGURE_PARTS_RE.fullmatch(own_text or mention.text)
    unitless = read_mention(mention.text).get("unit") in (None, "count")
    joined = [m for m in earlier if _LIST_JOIN_RE.fullmatch(text, m.end, mention.start)]
    comma = bool(joined) and _COMMA_ALONE_RE.fullmatch(text, joined[-1].end, mention.start)
    is_bare = own and unitless and not own.group("tail")
    last = _list_last(text, mention, bool(comma)) if is_bare else None
    parts = _FIGURE_PARTS_RE.fullmatch(_in_digits(last.text) or last.text) if last else None
    currency = _CURRENCY_LEAD_RE.fullmatch(parts.group("lead").strip()) if parts else None
    if parts is None or (parts.group("lead") and not currency):
        return None  # no list, or words of its own before the last figure ("up 5%")
    tail, lead = parts.group("tail"), own.group("lead")
    scale_once = parts.group("scale") is not None and own.group("scale") is None
    if not tail.strip() and not scale_once:
        return None  # nothing written once after the last figure
    words = lead + parts.group("lead").strip() + (own_text or mention.text)[len(lead) :] + tail
    composed = read_mention(words)
    if composed.get("unit") == "count" and "refusal" not in composed and not scale_once:
        return None  # what each figure counts, written once: a count as read
    alone = read_mention(last.text)
    led = joined and not _BARE_FIGURE_RE.fullmatch(joined[-1].text)
    cannot = own.group("scale") and re.match(r"[ \t]*(?:%|per|point)", tail, re.IGNORECASE)
    if "refusal" in composed or "refusal" in alone or led or cannot or scale_once:
        why = (
            composed.get("refusal")
            or alone.get("refusal")
            or (f"the words of {joined[-1].text!r} may hold for it too" if led else "")
            or ("its scale is written with the last figure only" if scale_once else "")
            or "the figures cannot share it"
        )
        return {
            "refusal": f"the unit of a list is written once, after its last number "
            f"({last.text!r}: {(parts.group('scale') or '') + tail!r}), and {why}; "
            f"{vocab.REFUSAL_ADVICE}"
        }
    if composed.get("unit") != alone.get("unit"):
        return {
            "refusal": f"the unit of a list is written once, after its last number "
            f"({last.text!r}), and {mention.text!r} reads otherwise with it; "
            f"{vocab.REFUSAL_ADVICE}"
        }
    if not joined and (verb := _clause_after_list(text, mention, last)):
        return {
            "refusal": f"{last.text!r} after {mention.text!r} may start a clause of its own "
            f"(a verb before the one, {verb!r} after the other), so its unit may not hold for "
            f"{mention.text!r}; {vocab.REFUSAL_ADVICE}"
        }
    return composed | {"read_with": f"{tail.strip()!r} written once, after {last.text!r}"}


_BARE_PERCENT_RE = re.compile(r"\d[\d.,]*[ \t]*(?:%|percent\b|per[ \t]cent\b)", re.IGNORECASE)
_PERCENT_NOUN_RE = re.compile(
    r"\d[\d.,]*[ \t]*(?:%|percent\b|per[ \t]cent\b)[ \t]+(?P<noun>[a-z]+)", re.IGNORECASE
)
_BY_AN_ARTICLE_RE = re.compile(r"by[ \t]+an?[ \t]+", re.IGNORECASE)
_AND_OR_JOIN_RE = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+")


def _change_noun_after_list(text: str, mention: Mention) -> dict[str, Any] | None:
    """A bare percentage in a list joined by "and"/"or" whose last figure holds a noun of
    change written once ("a 5.2% and 3% rise respectively"): the noun holds for each figure, a
    change; None where no such list follows."""
    own = _BY_AN_ARTICLE_RE.match(mention.text)  # "hit by a 4% and 6% drop": "a 4% drop"
    figure = mention.text[own.end() :] if own else mention.text
    if not _BARE_PERCENT_RE.fullmatch(figure):
        return None
    _, end = _sentence_span(text, mention.start, mention.end)
    start = mention.end
    for found in find_mentions(text[mention.end : end]):
        if not _AND_OR_JOIN_RE.fullmatch(text, start, found.start + mention.end):
            return None
        start = found.end + mention.end
        if _BARE_PERCENT_RE.fullmatch(found.text):
            continue
        noun = _PERCENT_NOUN_RE.fullmatch(found.text)
        if noun is None or noun.group("noun").casefold() not in vocab.CHANGE_NOUNS:
            return None
        composed = read_mention(f"{figure} {noun.group('noun')}")
        if composed.get("kind") != "change":
            return None
        return composed | {
            "read_with": f"{noun.group('noun')!r} written once, after {found.text!r}"
        }
    return None


def _clause_after_list(text: str, mention: Mention, last: Mention) -> str | None:
    """The verb right after the last figure of a list whose first figure, ``mention``, stands
    right after a verb ("It hired 300 and 5 GW went online"): the last figure may be the
    subject of a clause of its own, whose unit is not the first's; else None."""
    before = _WORD_RE.findall(text[max(0, mention.start - 40) : mention.start])
    after = _NEXT_WORD_RE.match(text, last.end)
    if not before or after is None or not is_verb(before[-1].casefold()):
        return None
    word = after.group(1)
    return word if is_past_tense(word) or predicate_starts(word) else None


# A comparison or a contrast after the last comma before a figure, with no other clause mark:
# "$0.05 per kWh, compared with $0.12", "$0.03/kWh, while American operators pay $0.08"; a
# figure may stand among the words before it ("$200 per bale, which is 30% more than $150").
# ", with" sets an amount against the price when "at" stands right before the amount or a
# superlative in "-est" among the words ("$40 per month, with the chain near the station the
# priciest at $65").
_SET_AGAINST_RE = re.compile(
    r",[ \t]*(?:(?:[^\W\d_][\w'’-]*|[$€£¥]?\d[\d.,]*%?)[ \t]+){0,5}?"
    r"(?:(?:compared|versus|vs\.?|while|whereas|against|"
    r"than|unlike)(?![\w-])[^,;:()\[\]—–\"“”]*"
    r"|with(?![\w-])(?:[^,;:()\[\]—–\"“”]*[ \t]at[ \t]*"
    r"|[^,;:()\[\]—–\"“”]*?[^\W\d_]{2,}est(?![\w-])[^,;:()\[\]—–\"“”]*))$",
    re.IGNORECASE,
)


# A bracketed aside that holds no figure: no clause break for a comparison across it.
_NO_FIGURE_ASIDE_RE = re.compile(r"[ \t]*\([^()\d]*\)")


def _set_against(text: str, start: int, end: int) -> bool:
    """Whether the only clause marks between ``start`` and ``end`` are commas, and the words
    after the last one set what follows against what came before ("$0.05 per kWh, compared
    with $0.12"): one comparison in one sentence, so a unit written once may hold across it."""
    between = _NO_FIGURE_ASIDE_RE.sub(" ", text[start:end])  # "the usual (regional) price"
    if re.search(r"[;:()\[\]—–\"“”，；：\n]|(?<![vV]s)(?<!\b[A-Z])[.!?](?=\s|$)", between):
        return False
    last = between.rfind(",")
    return last >= 0 and _SET_AGAINST_RE.search(between, last) is not None


def _continues_a_refusal(other: Mention, mention: Mention, read: dict[str, Any]) -> bool:
    """Whether ``other``, a percentage before ``mention`` whose reading in its sentence is
    ``read``, is refused ("wobbled 4% ... and 6%": the verb is undeclared): the bare
    percentage after it may continue it, so it is refused too."""
    if "refusal" not in read or other.end > mention.start:
        return False
    return read_mention(other.text).get("unit") == "percent"


# Only "or" (maybe after a comma) between a change and the figure: a restatement of it.
_OR_BETWEEN_RE = re.compile(r"[ \t]*,?[ \t]*or[ \t]*$", re.IGNORECASE)


def _range_restating_a_change(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention]
) -> str | None:
    """A refusal for a pair "X to Y" right after "<change> or" ("rose by 8% or $40 to $540"):
    the change restated and the level reached, or a range of the change? As "by X to Y" with
    the unit on both ends, the words do not settle it. Else None."""
    if reading.get("bound") != "range" or not earlier:
        return None
    previous = earlier[-1]
    if not _OR_BETWEEN_RE.fullmatch(text, previous.end, mention.start):
        return None
    if read_mention(previous.text).get("kind") != "change":
        return None
    return (
        f"{mention.text!r} after {previous.text!r} and 'or' may restate the change and give the "
        f"level it reached, or be a range of the change; {vocab.REFUSAL_ADVICE}"
    )


# "as many ... as" or "as much ... as" right after a percentage: "40 percent as many as in 2019".
_AS_MANY_AS_RE = re.compile(
    r"[ \t]+as[ \t]+(?:many|much)(?:[ \t]+[^\W\d_][\w'’-]*){0,3}?[ \t]+as(?![\w-])",
    re.IGNORECASE,
)


def _percent_as_many(text: str, mention: Mention, reading: dict[str, Any]) -> dict[str, Any] | None:
    """A percentage before "as many/much ... as" ("80% as many passengers as in 2019") is the
    ratio of two amounts, as "three times as many as" is: a multiplier of N/100 fold, whatever
    follows the second "as" (a time or a thing); never a change. Else None."""
    written = _AS_MANY_AS_RE.match(text, mention.end)
    if written is None:
        return None
    fold = {
        name: None if reading[name] is None else reading[name] / 100
        for name in ("value", "low", "high")
    }
    return (
        reading
        | fold
        | {"kind": "multiplier", "unit": "fold"}
        | {"read_with": f"{written.group().strip()!r} after it: a ratio of two amounts"}
    )


def _past_the_level_reached(text: str, mention: Mention, earlier: list[Mention], i: int) -> int:
    """The index of the list's previous item: ``i``, or the change before ``earlier[i]`` where
    that is the level the change reached and ``mention`` reaches a level of its own too
    ("dropped by 12 per cent to $3 billion at the bank and 7 per cent to $1 billion")."""
    if i == 0 or _LEVEL_AFTER_RE.match(text, mention.end) is None:
        return i
    reached = _LEVEL_REACHED_RE.fullmatch(text, earlier[i - 1].end, earlier[i].start)
    return i - 1 if reached else i


# One plain noun, then ", or" between a count and the next figure: "by 30,000 bins, or 4%".
_COUNTED_THEN_OR_RE = re.compile(r"[ \t]+[^\W\d_]+(?:[ \t]*,[ \t]*|[ \t]+)or[ \t]+")


def _counted_then_or(text: str, previous: Mention, mention: Mention) -> bool:
    """Whether one plain noun naming what the count ``previous`` counts stands between it and
    ", or" (or "or" with no comma) before ``mention`` ("cutting it by 30,000 bins, or 4%",
    "dipped by 150 people or 3.5%"): the noun belongs to the count, and "or" still restates
    it."""
    if _COUNTED_THEN_OR_RE.fullmatch(text, previous.end, mention.start) is None:
        return False
    return read_mention(previous.text).get("unit") == "count"


_DASH_OPENS_RE = re.compile(r"[ \t]*(?P<dash>[—–])[ \t]*")


def _in_dashes_after(text: str, previous: Mention, mention: Mention) -> bool:
    """Whether ``mention`` alone fills an aside between paired dashes right after ``previous``
    ("rose 5% – about $20 million – to $420 million")."""
    opens = _DASH_OPENS_RE.fullmatch(text, previous.end, mention.start)
    return (
        bool(opens) and re.match(rf"[ \t]*{opens.group('dash')}", text[mention.end :]) is not None
    )


# A figure that is all its bracket holds: "parts (15%)".
_OPEN_BRACKET_RE = re.compile(r"\([ \t]*$")
_CLOSE_BRACKET_RE = re.compile(r"[ \t]*\)")
# What opens a list of items after a change: a colon, "including", "such as", "led by".
_ITEMS_OPEN_RE = re.compile(r":|\b(?:including|such[ \t]+as|led[ \t]+by|notably)\b", re.I)
_CHANGE_WORDS = (
    frozenset(vocab.CHANGE_VERBS) | set(vocab.CHANGE_NOUNS) | set(vocab.CHANGE_NOUN_PLURALS)
)


def _bracketed_item(text: str, mention: Mention, floor: int) -> str | None:
    """A refusal for a bare figure alone in brackets after an item of a list that follows a
    change ("Costs rose 20%: parts (15%) and labour (25%)"): the item's level, share or change,
    which the words do not settle. Else None."""
    before = text[floor : mention.start]
    if not _OPEN_BRACKET_RE.search(before) or not _CLOSE_BRACKET_RE.match(text, mention.end):
        return None
    opened = list(_ITEMS_OPEN_RE.finditer(before))
    if not opened:
        return None
    words = re.findall(r"[^\W\d_]+", before[: opened[-1].start()].casefold())
    change = next((word for word in reversed(words) if word in _CHANGE_WORDS), None)
    if change is None:
        return None
    return (
        f"{mention.text!r} in brackets after an item of a list that follows the change "
        f"{change!r}: the item's level, share or change, which the words do not settle; "
        f"{vocab.REFUSAL_ADVICE}"
    )


# A refusal of a unit the project lacks: "the unit 'tonnes' is not one of the project's units".
_UNKNOWN_UNIT_RE = re.compile(r"^the unit (?P<q>['\"])(?P<unit>.+?)(?P=q) is not one of")


def _unit_written(reading: dict[str, Any]) -> str | None:
    """The unit ``reading`` writes for a bare count after it (:func:`_of_amounts`), or the
    unit its refusal names as one the project lacks ("20,000 tonnes"); else None."""
    if _of_amounts(reading):
        return reading["unit"]
    found = _UNKNOWN_UNIT_RE.match(reading.get("refusal", ""))
    return found.group("unit") if found else None


def _of_amounts(reading: dict[str, Any]) -> bool:
    """Whether ``reading`` writes a unit a bare count after it may take ("seven months behind
    (sometimes just four)"): not a count, a refusal or an exclusion, and not a ratio of two
    amounts, which is in the amounts' own unit, whatever it is ("grew fivefold to 36 million",
    "grew 50% to 36 million": the level keeps its own words). A change in percentage points
    writes the percent its level is in."""
    unit = reading.get("unit")
    is_ratio = unit == "fold" or (reading.get("kind") == "change" and unit == "percent")
    return unit not in (None, "count") and not is_ratio


# Between two figures of one list: at most three words (what the first counts, its period),
# then "and", "or" or a comma: "up to 7m homes or 20pc", "about 5% in May and 7% in June".
# ", or" restates the same amount in other terms ("1.5 percent of ..., or 415 TWh"): no list.
_LIST_ITEM_GAP_RE = re.compile(
    r"(?P<words>(?:[ \t]+[^\W\d_][\w'’-]*){0,3}?)"
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|or)[ \t]+)",
    re.IGNORECASE,
)
_HEDGED = frozenset({"approximate", "upper", "lower"})


# A currency sign before an amount ("$2 million", "US$2 million", "€5bn").
_SIGN_BEFORE_RE = re.compile(r"^(?:[A-Z]{1,3})?[$€£¥]")


def _hedge_written_once(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention]
) -> dict[str, Any]:
    """A bare figure listed right after a hedged one ("an estimated 40% from A and 35% from
    B"): the hedge, written once before the list, holds for it too: an approximation carries
    over (approximate); a bound, whose reach on a signed change the words do not settle, makes
    it refused. Else ``reading`` as it was."""
    if not earlier or reading.get("bound") != "exact" or reading.get("qualifier"):
        return reading
    previous = earlier[-1]
    gap = _LIST_ITEM_GAP_RE.fullmatch(text, previous.end, mention.start)
    if not _SIGN_BEFORE_RE.sub("", mention.text, count=1)[:1].isdigit() or gap is None:
        return reading  # a sign is no word of its own: "over 300 members and $2 million"
    if read_mention(mention.text).get("kind") == "change":
        return reading  # "about 8 million boxes, 15% less": a word of change of its own
    words = ["", *gap.group("words").split()]
    if any(predicate_starts(word, before) for before, word in zip(words, words[1:], strict=False)):
        return reading  # "about 40% use it daily and 12 firms": another clause
    before = read_mention(previous.text)
    if before.get("bound") not in _HEDGED or not before.get("qualifier"):
        return reading
    if _qualifier_glued_after(text, previous, str(before["qualifier"])):
        return reading  # "400+ farms, and 1.5 million cows": the "+" is its own item's
    said = f"{before['qualifier']!r} before {previous.text!r}, written once before the list"
    if (before.get("kind"), before.get("unit")) != (reading.get("kind"), reading.get("unit")):
        return {
            "refusal": f"{said}, is a figure of another kind or unit: {mention.text!r} "
            f"may restate it exactly or list another figure "
            f"the hedge holds for, which the words do not settle; {vocab.REFUSAL_ADVICE}"
        }
    if before["bound"] == "approximate":
        return (
            reading
            | {"bound": "approximate", "qualifier": before["qualifier"]}
            | {"read_with": said}
        )
    return {
        "refusal": f"{said}, may bound {mention.text!r} too, which the words do not settle; "
        f"{vocab.REFUSAL_ADVICE}"
    }


def _qualifier_glued_after(text: str, previous: Mention, qualifier: str) -> bool:
    """Whether ``qualifier`` stands after the digits of ``previous`` and not before them
    ("400+", "5 million-plus"): a bound glued to one item, never written once for a list."""
    if not previous.number:
        return False
    lead = text[previous.start : previous.number[0]].casefold()
    return qualifier.casefold() not in lead


def _may_continue_list(text: str, mention: Mention, earlier: list[Mention]) -> bool:
    """Whether ``mention`` may continue a list: its period, then the clause ends, after it
    (``_LIST_TAIL_RE``), or it ends a list joined by commas, "and" or "or" whose first figure
    starts with a plural noun of change and "of" ("declines of 6% and 9% across the regions"):
    the noun names each figure of the list, whatever follows the last."""
    if _LIST_TAIL_RE.match(text, mention.end):
        return True
    at = mention
    for previous in reversed(earlier):
        if not _LIST_JOIN_RE.fullmatch(text, previous.end, at.start):
            return False
        words = previous.text.casefold().split()
        if any(
            a in vocab.CHANGE_NOUN_PLURALS and b == "of"
            for a, b in zip(words, words[1:-1], strict=False)
        ):
            return True  # "declines of 6%", "reported increases of 10%"
        if "refusal" in (alone := read_mention(previous.text)) or not _is_bare(alone):
            return False
        at = previous
    return False


def _continued_change(reading: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    """``reading`` as a change in the direction of the change ``before`` it in a list."""
    numbers = [before[name] for name in ("value", "low", "high") if before[name] is not None]
    sign = -1 if numbers and max(numbers) < 0 else 1
    values = {name: reading[name] * sign for name in ("value", "low", "high")}
    return reading | values | {"kind": "change"}
