"""Comparisons, fractions and multipliers: a comparative with "than", "better" or "worse", a
fraction of a percentage, "N times" and "N-fold", a comparison whose words are left out.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`);
its rules are in docs/annotations.md under "Numbers a draft meets (read, exclude or refuse)"
(among them "A rule that reaches past another figure, and words that compare").
"""

from __future__ import annotations

import re
from typing import Any

import lemminflect

from gapstudy import vocab
from gapstudy.figures import SCALE_ABBREVIATIONS, read_mention
from gapstudy.mentions import NUMBER_WORDS, Mention, find_mentions
from gapstudy.sentence_changes import _rate_of_change_noun, _verb_and_object
from gapstudy.sentence_nonquantity import (
    _an_age_past_of,
    _bound_before_a_mark,
    _bound_before_the_figure,
)
from gapstudy.sentence_words import (
    _CLAUSE_BREAK_RE,
    _COMPARATIVE_END_RE,
    _DIFFERENCE_WORDS,
    _GROWTH_VERBS,
    _MONTHS,
    _OF_AFTER_RE,
    _THAN_LATER_RE,
    _clause_start,
    _read_with_words,
    _sentence_span,
)

# "N times" at the end of a mention, and what may follow a count of times: the clause ends,
# or a word of place or time ("globally", "worldwide", "in 2024", "last year").
_TIMES_END_RE = re.compile(r"[ \t]+times$", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \t]+$")
# A verb in "-ed" right after "N times" ("3 times closed this winter"): how often, as before it.
_VERB_AFTER_TIMES_RE = re.compile(r"[ \t]+([^\W\d_]{2,}(?<!e)ed)(?![\w-])", re.IGNORECASE)
_CLAUSE_END_OR_PLACE_RE = re.compile(
    r"[ \t]*(?:[,;:.)\]!?—–]|$)|[ \t]+(?:globally|worldwide|overall|so[ \t]+far|to[ \t]+date"
    r"|in[ \t]+total|in[ \t]+\d{4}|last[ \t]+\w+|this[ \t]+\w+|since\b|on\b|across\b"
    # a span or a place after it: "downloaded 16 million times in its first 18 days"
    r"|(?:in|within|during|after|before|through|via|from|by)\b)",
    re.IGNORECASE,
)
# "double", "triple" after "to" or a modal verb are verbs: a change ("set to more than double by
# 2030", "could triple"), where "more than double the compute" is a ratio of two amounts.
_VERB_BEFORE_RE = re.compile(
    r"(?<![\w-])(to|will|would|could|can|may|might|should|must|shall)[ \t]+$", re.IGNORECASE
)
_BASE_VERB_RE = re.compile(r"(?<![\w-])(?:double|triple|quadruple)$", re.IGNORECASE)


# A percentage written as such: "%", "percent", "per cent" (not percentage points).
_PERCENT_WRITTEN_RE = re.compile(r"%|\bper[ \t]?cent\b(?![ \t]+points?)", re.IGNORECASE)


def _points_in_sentence(sentence: str, words: str, reading: dict[str, Any]) -> dict[str, Any]:
    """A refusal of "points" written alone, with the percentages its sentence writes, which
    may be the scores compared: the annotator checks and quotes them as levels."""
    scores = [
        m.text
        for m in find_mentions(sentence)
        if m.text != words and _PERCENT_WRITTEN_RE.search(m.text)
    ]
    if not scores:
        return reading
    listed = ", ".join(repr(score) for score in scores)
    return {
        "refusal": f"{reading['refusal']}; its sentence writes {listed} in percent: if those "
        f"are the scores compared, quote them as levels and derive the change"
    }


# What may follow "double" used as a verb with nothing it multiplies: the clause ends, or a
# preposition or a word of time ("seeing valuations double in a matter of weeks").
_NOTHING_MULTIPLIED_RE = re.compile(
    r"[ \t]*(?:[,;:.)\]!?—–]|$)|[ \t]+(?:in|by|over|within|since|from|to|between|during|this"
    r"|last|next|again|every|each|annually|and|or)\b",
    re.IGNORECASE,
)


def _double_as_verb(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """ "double", "triple" as a verb: after "to" or a modal ("could triple"), or with nothing
    after it that it multiplies ("seeing valuations double in a matter of weeks"): a change,
    where "more than double the number" is a multiplier; else None."""
    if reading["kind"] != "multiplier" or not _BASE_VERB_RE.search(mention.text):
        return None
    if verb := _VERB_BEFORE_RE.search(text, floor, mention.start):
        return reading | {"kind": "change", "read_with": f"{verb.group(1)!r} before it: a verb"}
    if _POSSESSIVE_AFTER_RE.match(text, mention.end):
        return None  # "double last year's output": a possessive stands for "the"
    if _NOTHING_MULTIPLIED_RE.match(text, mention.end):
        return reading | {"kind": "change", "read_with": "nothing it multiplies after it: a verb"}
    return None


def _elided_comparison(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a comparison whose words are left out is refused: all its bracket holds ("(5% more
    jobs)"), "better"/"worse" after a percentage, a bound before "the" and a mark ("past the
    $10 billion mark"); else None."""
    return (
        _bracketed_comparison(text, mention, reading)
        or _better_or_worse(text, mention, reading)
        or _bound_before_a_mark(text, mention)
        or _bound_before_the_figure(text, mention, reading)
        or _fraction_of_a_determined_thing(text, mention, reading)
        or _gap_to_a_thing(text, mention, reading)
    )


# A number with a scale word or letter right after it: "$3 billion", "€2.1bn", "40m".
_SCALE_NAMES = sorted({*vocab.SCALES, *SCALE_ABBREVIATIONS}, key=len, reverse=True)
_SCALED_RE = re.compile(rf"\d[ \t-]*(?:{'|'.join(_SCALE_NAMES)}|[mbkt])s?\b", re.IGNORECASE)


def _scale_not_shared(
    mention: Mention, reading: dict[str, Any], near: Mention, link: re.Match[str]
) -> dict[str, Any] | None:
    """Why the far figure of a comparison after a comma ("$3 billion, up from $12") is refused:
    it has no scale word and stays under a thousand where the figure compared with has one, so
    the scale may be shared as in "from 3 to 5 billion" (or the text cut short); else None."""
    if not _SCALED_RE.search(near.text) or _SCALED_RE.search(mention.text):
        return None
    if reading.get("value") is None or abs(reading["value"]) >= 1000:
        return None  # "$3 billion, up from $950,000": written whole
    return {
        "refusal": f"{mention.text!r} is compared ({link.group('link')!r}) with "
        f"{near.text!r}, which has a scale word it lacks: the scale may hold for it too; "
        f"{vocab.REFUSAL_ADVICE}"
    }


# What a multiplier is of, when that is the same thing at another time: "double what it was".
_ITSELF_AFTER_RE = re.compile(
    r"[ \t]+(?:of[ \t]+)?what[ \t]+(?:it|they)[ \t]+(?:was|were|had[ \t]+been)\b",
    re.IGNORECASE,
)


def _multiplier_counted_or_itself(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A multiplier that counts occasions ("N times" with its verb), or one quantity at two
    times ("about double what it was in 2020": a change in fold); else None."""
    if reading["kind"] != "multiplier":
        return None
    if counted := _times_counted(text, mention, floor):
        return counted
    if itself := _ITSELF_AFTER_RE.match(text, mention.end):
        return reading | {"kind": "change", "read_with": f"{itself.group().strip()!r} after it"}
    return None


# "a third", "a quarter" with no "of" after it: a share of a whole the words name elsewhere.
_BARE_FRACTION_RE = re.compile(r"an?[ \t]+(?:third|quarter|fifth|tenth)", re.IGNORECASE)


def _bare_fraction(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """A refusal for a bare "a third" or "a quarter" read as a share with no whole ("only a
    third, $5 million out of $15 million, was raised"; "for a quarter," may be a span of
    time): the share of something named elsewhere, which the mention does not hold. Else
    None."""
    n_start, n_end = mention.number_span
    bare = _BARE_FRACTION_RE.fullmatch(text, n_start, n_end) and "whole" not in reading
    if not bare or reading.get("kind") != "percent" or _OF_AFTER_RE.match(text, n_end):
        return None
    return (
        f"{mention.text!r} is a share with no whole after it (no 'of'): of something named "
        f"elsewhere, or a span of time, which the mention does not hold; {vocab.REFUSAL_ADVICE}"
    )


# A fraction word ending a mention ("half", "a third", "two-thirds"), then a determiner with no
# "of" between them: "half its load", "about half that amount".
_FRACTION_END_RE = re.compile(
    r"(?<![\w-])(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)$",
    re.IGNORECASE,
)
_DETERMINER_AFTER_RE = re.compile(
    r"[ \t]+(?P<word>[^\W\d_]+)(?:[ \t]+(?P<noun>[^\W\d_]+))?\b", re.IGNORECASE
)


def _fraction_of_a_determined_thing(
    text: str, mention: Mention, reading: dict[str, Any]
) -> str | None:
    """Why a fraction read as a share is refused when "that"/"this" follows it with no "of"
    ("half that amount"), or a possessive and a noun of measure ("half its size"): a fraction
    of a figure or a thing named elsewhere, a multiplier the mention does not hold, never a
    share of a whole ("half its revenue" stays a share); else None."""
    if reading.get("kind") != "percent" or not _FRACTION_END_RE.search(mention.text):
        return None
    after = _DETERMINER_AFTER_RE.match(text, mention.end)
    if after is None:
        return None
    word, noun = after.group("word").casefold(), (after.group("noun") or "").casefold()
    is_measured = word in vocab.FRACTION_POSSESSIVES and noun in vocab.FRACTION_MEASURE_NOUNS
    if word not in vocab.FRACTION_DEMONSTRATIVES and not is_measured:
        return None
    return (
        f"{after.group().strip()!r} right after {mention.text!r} (no 'of') makes it a fraction "
        f"of a figure or thing named elsewhere, not a share of a whole; {vocab.REFUSAL_ADVICE}"
    )


# A discount or premium measured against another thing: "a 15% discount to par", "a premium of
# 8% over the offer price" (its noun one of vocab.GAP_COMPARED_NOUNS, within four words).
_GAP_NOUN_END_RE = re.compile(r"(?<![\w-])(?:discount|premium)s?$", re.IGNORECASE)
_GAP_NOUN_AFTER_RE = re.compile(r"[ \t-]+(?:discount|premium)s?(?![\w-])", re.IGNORECASE)
_THING_COMPARED_AFTER_RE = re.compile(
    r"[ \t]+(?P<prep>to|over|versus|vs\.?|against)(?P<words>(?:[ \t]+[^\W\d_][\w'’-]*){1,4})",
    re.IGNORECASE,
)


def _gap_to_a_thing(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a discount or premium to another thing ("a 15% discount to par") is refused: a gap
    between two things at one time, not a cut over time, which the mention read as a change
    (or a level, the premium after it); else None."""
    end = mention.end
    if reading.get("kind") == "percent" and (noun := _GAP_NOUN_AFTER_RE.match(text, end)):
        end = noun.end()  # "a 10% premium to NAV": a premium is read as a level
    elif reading.get("kind") != "change" or not _GAP_NOUN_END_RE.search(mention.text):
        return None
    after = _THING_COMPARED_AFTER_RE.match(text, end)
    words = after.group("words").casefold().split() if after else []
    if not set(words) & vocab.GAP_COMPARED_NOUNS:
        return None  # "a 40% discount to batch users": who gets the cut, still a cut
    return (
        f"{text[mention.start : end]!r} {after.group('prep')!r} another thing is a gap between "
        f"two things at one time, not a change over time; {vocab.REFUSAL_ADVICE}"
    )


# A percentage ending in a comparative, then what it is compared with ("more than 10% less |
# than the national average", "36% above | the national average"), up to the clause's end.
_COMPARATOR_AFTER_RE = re.compile(r"[ \t]+(?:than[ \t]+)?[^,;:.()\[\]—–\n]+", re.IGNORECASE)
_ABOVE_BELOW_END_RE = re.compile(r"[ \t]+(?:above|below)$", re.IGNORECASE)
# Where the thing compared ends before the clause does: "while" or "whereas" (a contrast), "and"
# and a figure (a second comparison), "of" and a figure that is no year (the thing's own value:
# "than the decade's average of 4,100 voters").
_COMPARED_STOPS_RE = re.compile(
    r"[ \t]+(?:while|whereas)\b|[ \t]+(?:and|of)[ \t]+(?=[$€£¥]?\d)(?!(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


# What a comparison is with, when it is a name holding digits: "than GPT-3", "than the
# H100", "than Llama 3", "than GPT-4o".
# A period is never such a name ("than Q1", "than FY2023", "than May 2024": a change).
_NAMED_COMPARATOR_RE = re.compile(
    r"[ \t]+than[ \t]+(?:the[ \t]+)?"
    rf"(?!(?:Q[1-4]|H[12]|FY|CY|{_MONTHS})\b|(?:Q[1-4]|H[12]|FY|CY)\d)"
    r"(?=[^ \t]*\d|[^ \t]+[ \t]+\d)[A-Z][\w.’'-]*(?:[ \t]+[\w.-]+)?(?<=\d|[^\W_])[ \t]*"
)


def _read_with_comparator(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """A change in percent whose mention ends in a comparative, with "than" (or, after
    "above"/"below", a thing named) right after it: read together with those words to the end
    of the clause ("10% less than the national average": two things at one time, a multiplier
    of 0.9; "20% higher than last year": still a change). None where nothing compared follows."""
    if reading["kind"] != "change" or reading["unit"] != "percent":
        return None
    if not _COMPARATIVE_END_RE.search(mention.text):
        return None
    after = _COMPARATOR_AFTER_RE.match(text, mention.end)
    is_than = re.match(r"[ \t]+than\b", text[mention.end :], re.IGNORECASE) is not None
    if after is not None and not is_than and not _ABOVE_BELOW_END_RE.search(mention.text):
        return _read_with_later_than(text, mention, after.end())
    if after is None:
        return None
    end = after.end()
    if stop := _COMPARED_STOPS_RE.search(text, mention.end, end):
        end = stop.start()  # "than in 2021 and 3% less ...", "than in 2019 while ..."
    words = text[mention.start : end].rstrip()
    said = f"{text[mention.end : end].strip()!r} after it"
    reading = _read_with_words(words, said)
    if "refusal" in reading and _NAMED_COMPARATOR_RE.fullmatch(text, mention.end, after.end()):
        # "75% lower than GPT-3": a thing named, whose digits are its name's
        reading = _read_with_words(f"{mention.text} than it", said)
    if "refusal" in reading:
        return {
            "refusal": f"{mention.text!r} compares with words after it that the mention does "
            f"not hold, and they cannot be read with it ({reading['refusal']})"
        }
    return reading


# The same kind of level at another time after a comparative ("20% above prices awarded in
# 2022", "15% higher than those of a year earlier", "7% below those of the previous year"): one
# quantity over time, a change.
_DATED_AGAIN_RE = re.compile(
    r"[ \t]+(?:than[ \t]+)?(?:(?:the|its|their)[ \t]+)?(?:[^\W\d_]+[ \t]+)?"
    r"(?P<noun>prices?|levels?|costs?|rates?|values?|bids?|wages?|fees?|those|that)\b"
    r"(?P<rest>[^,;:()\[\]—–\n]*?(?:\b(?:in|of|during|since)[ \t]+(?:(?:early|late|mid)[ \t-]+)?"
    r"(?:19|20)\d\d\b|\blast[ \t]+year\b|\ba[ \t]+year[ \t]+(?:earlier|ago|before)\b"
    # "below those of the previous year", "above prices of the prior quarter"
    r"|\bthe[ \t]+(?:previous|prior|preceding)[ \t]+(?:year|quarter|month|season|week)\b))",
    re.IGNORECASE,
)


def _dated_again(
    text: str, mention: Mention, reading: dict[str, Any], compared: dict[str, Any]
) -> dict[str, Any]:
    """``compared`` (a percentage read with what it is compared with), as a change in percent
    where that is a level of the same kind dated by a time of its own ("20% above prices
    awarded in 2022": the level then); else ``compared`` as it is."""
    if compared.get("kind") != "multiplier" or reading["kind"] != "change":
        return compared
    dated = _DATED_AGAIN_RE.match(text, mention.end)
    if dated is None:
        return compared
    return reading | {"read_with": f"{text[mention.end : dated.end()].strip()!r} after it"}


# A comparison that is the whole of a bracket: "(5% more jobs)" after "64% think AI will lead to
# fewer jobs": its verb and base are left out (another answer's share, or a change?).
_BRACKET_OPEN_BEFORE_RE = re.compile(r"\([ \t]*$")
_BRACKET_CLOSE_AFTER_RE = re.compile(r"(?:[ \t]+[^\W\d_][\w'’-]*){0,4}[ \t]*\)")


def _bracketed_comparison(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a percentage with a comparative that is all a bracket holds ("(5% more jobs)") is
    refused: the words leave out its verb and what it is compared with; else None."""
    if reading["kind"] != "change" or not _COMPARATIVE_END_RE.search(mention.text):
        return None
    if not _BRACKET_OPEN_BEFORE_RE.search(text, max(0, mention.start - 3), mention.start):
        return None
    if not _BRACKET_CLOSE_AFTER_RE.match(text, mention.end):
        return None
    return (
        f"{mention.text!r} is all its bracket holds: the words leave out its verb and what it "
        f"is compared with (another answer's share, a change, a gap?); {vocab.REFUSAL_ADVICE}"
    )


# "better", "worse" after a percentage: which side is preferred, not which way the measure
# goes ("better latency" is lower) nor whether the gap is relative or in points.
_BETTER_OR_WORSE_RE = re.compile(r"[ \t]+(?:better|worse)\b", re.IGNORECASE)


def _better_or_worse(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a percentage followed by "better" or "worse" ("performs 5% better than", "10% worse
    on coding") is refused: the words give a preference, not the sign of a change or a gap in
    the measure, nor whether it is relative or in points; else None."""
    is_percent = reading["unit"] in ("percent", "percentage_point")
    if not is_percent or not (after := _BETTER_OR_WORSE_RE.match(text, mention.end)):
        return None
    relative = (
        ", nor whether the gap is relative or in points" if reading["unit"] == "percent" else ""
    )
    return (
        f"{mention.text!r} {after.group().strip()!r} says which side is preferred, not whether the "
        f"measure is higher or lower (lower latency is better){relative}; {vocab.REFUSAL_ADVICE}"
    )


def _read_with_later_than(text: str, mention: Mention, clause_end: int) -> dict[str, Any] | None:
    """A percentage with a comparative, the name of what is compared, then "than" ("40% lower
    energy use than the H100", "19% more likely to express concern today than they were in
    December 2022"): read with the words from "than" to the end of the clause as if "than"
    followed it, which decide a change over time or two things at one time; the words between
    name the measure. Refused where those words cannot be read; None where no "than" follows."""
    than = _THAN_LATER_RE.match(text, mention.end, clause_end)
    if than is None:
        return None
    compared = text[than.end() - len("than") : clause_end].rstrip()
    where = f"{compared!r} after {text[mention.end : than.end() - 4].strip()!r}"
    reading = read_mention(f"{mention.text} {compared}")
    if "refusal" in reading:
        return {
            "refusal": f"{mention.text!r} compares with {where}, which the mention does not "
            f"hold and which cannot be read with it ({reading['refusal']})"
        }
    return reading | {"read_with": where}


# A word in the past tense in "-ed"; where its clause starts, back from a figure.
_ED_WORD_RE = re.compile(r"(?<![\w'’-])[^\W\d_]+ed(?![\w'’-])", re.IGNORECASE)


def _times_counted(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """ "downloaded over 600 million times": "N times" after a verb of doing, with no word of
    comparison after it, counts how often something was done; its reading is the count."""
    times = _TIMES_END_RE.search(mention.text)
    before = _WORD_BEFORE_RE.search(text, max(floor, mention.start - 30), mention.start)
    side = "before"
    if times is not None and (after := _VERB_AFTER_TIMES_RE.match(text, mention.end)):
        before, side = after, "after"  # "The bridge 3 times closed this winter"
    elif times is None or before is None or not _CLAUSE_END_OR_PLACE_RE.match(text, mention.end):
        return None
    verb = before.group(1).casefold()
    if not verb.endswith("ed"):  # "scored against the champions 4 times": the verb further back
        clause = text[max(floor, _clause_start(text, mention.start)) : before.start()]
        verb = next((w.casefold() for w in reversed(_ED_WORD_RE.findall(clause))), "")
    if not verb.endswith("ed") or verb in vocab.CHANGE_VERBS or verb in _GROWTH_VERBS:
        return None
    counted = read_mention(mention.text[: times.start()])
    if counted.get("kind") != "count" or verb in _DIFFERENCE_WORDS:
        return None
    return counted | {"read_with": f"{verb!r} {side} it: how many times it was done"}


# "of", then a few words of one phrase, then a percentage and the noun it qualifies: "a third
# of last year's 4% share" (not "half of the 40% who use it": a group, of which half is a share).
_OF_PERCENTAGE_AFTER_RE = re.compile(
    r"[ \t]+of[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+){0,4}\d[\d.,]*[ \t]*(?:%|per[ \t]?cent|percent)"
    r"[ \t]+(?P<noun>[^\W\d_]+)",
    re.IGNORECASE,
)


def _ratio_in_words(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A fraction of a percentage (:func:`_fraction_of_percentage`), or "N-fold" alone after
    a verb of change and its object ("expand capacity fivefold": a change in fold); else
    None."""
    if (ratio := _fraction_of_percentage(text, mention, reading)) is not None:
        return ratio
    if _is_fold_alone(text, mention, reading):
        return _verb_and_object(text, mention, floor)
    return None


_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})


# The whole of a fraction that is one percent or one percentage point, and a comparative after
# it: "a fifth of a percent lower", "a tenth of a percentage point higher".
_ONE_PERCENT_WHOLE_RE = re.compile(
    r"(?:a|one)[ \t]+(?:(?P<points>percentage[ \t]+point)|percent|per[ \t]cent|percentage)"
    r"(?:[ \t]+(?P<comparative>[^\W\d_]+))?",
    re.IGNORECASE,
)
_ONE_PERCENT_AFTER_RE = re.compile(
    r"[ \t]+(?:a|one)[ \t]+(?:percent|per[ \t]cent|percentage)(?![\w-])", re.IGNORECASE
)


_POINT_AFTER_RE = re.compile(r"[ \t]+points?(?![\w-])", re.IGNORECASE)


def _changed_by_fraction_of_one(
    text: str, after: re.Match[str], reading: dict[str, Any]
) -> dict[str, Any]:
    """A change by a fraction with "a percent" or "a percentage point" after its mention
    ("rose by half a percent"): that fraction of one (+0.5 percent), never 50%."""
    points = _POINT_AFTER_RE.match(text, after.end()) is not None
    unit = "percentage_point" if points else "percent"
    one = dict(reading)
    for name in ("value", "low", "high"):
        if reading.get(name) is not None:
            one[name] = reading[name] / 100
    words = text[after.start() : after.end()].strip() + (" point" if points else "")
    said = f"{words!r} after it: a fraction of one {unit.replace('_', ' ')}"
    said = f"{reading['read_with']}; {said}" if reading.get("read_with") else said
    return one | {"unit": unit, "read_with": said}


def _fraction_of_one_percent(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """A fraction of one percent or one percentage point ("a fifth of a percent lower"): that
    fraction of one (0.2), a change with a comparative after it or a verb of change before it,
    a level in percent with neither; refused in percentage points with neither, and where the
    mention stops before "a percent" ("half a percentage point"); else None."""
    is_words = not any(ch.isdigit() or ch == "%" for ch in mention.text)
    if reading.get("unit") != "percent" or not is_words:
        return None
    if "whole" not in reading:
        after = _ONE_PERCENT_AFTER_RE.match(text, mention.end)
        if after is not None and reading.get("kind") == "change":
            return _changed_by_fraction_of_one(text, after, reading)
        if after is not None and reading.get("kind") == "percent":
            return {
                "refusal": f"{mention.text!r} is a fraction of the one percent (or point) after "
                f"it, which the mention does not hold; {vocab.REFUSAL_ADVICE}"
            }
        return None
    whole = _ONE_PERCENT_WHOLE_RE.fullmatch(reading["whole"].strip())
    if whole is None:
        return None
    word = (whole.group("comparative") or "").casefold()
    sign = vocab.COMPARATIVES.get(word) if word else None
    if word and sign is None:
        return None
    unit = "percentage_point" if whole.group("points") else "percent"
    one = {k: v for k, v in reading.items() if k != "whole"}
    for name in ("value", "low", "high"):
        size = None if reading.get(name) is None else abs(reading[name]) / 100
        one[name] = size if size is None or sign is None else size * sign
        if size is not None and sign is None and reading["kind"] == "change":
            one[name] = size if reading[name] >= 0 else -size
    kind = "change" if sign is not None or reading["kind"] == "change" else "percent"
    if kind == "percent" and unit == "percentage_point":
        return {
            "refusal": f"{mention.text!r} in percentage points with no word of change is a gap "
            f"or a change, which the words do not settle; {vocab.REFUSAL_ADVICE}"
        }
    said = f"{reading['whole'].strip()!r}: a fraction of one {unit.replace('_', ' ')}"
    said = f"{reading['read_with']}; {said}" if reading.get("read_with") else said
    return one | {"kind": kind, "unit": unit, "read_with": said}


def _fraction_of_percentage(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """A fraction written in words before "of" and a percentage ("nearly a third of last
    year's 4% share"): a ratio of that percentage (0.33 fold), not a share of 33%; else None."""
    is_words = not any(ch.isdigit() or ch == "%" for ch in mention.text)
    if reading.get("kind") != "percent" or not is_words or "percent" in mention.text.casefold():
        return None
    after = _OF_PERCENTAGE_AFTER_RE.match(text, mention.end)
    noun = after.group("noun").casefold() if after else ""
    if noun in _RELATIVE_PRONOUNS or "NOUN" not in lemminflect.getAllLemmas(noun):
        return None
    ratio = dict(reading)
    for name in ("value", "low", "high"):
        ratio[name] = None if reading.get(name) is None else reading[name] / 100
    return ratio | {
        "kind": "multiplier",
        "unit": "fold",
        "read_with": f"{after.group().strip()!r} after it: a fraction of a percentage",
    }


# What may follow a multiplier that stands alone: the clause's end, or a word of period.
_FOLD_ALONE_AFTER_RE = re.compile(
    r"[ \t]*(?:[,;:.)\]!?—–]|$)|[ \t]+(?:by|in|since|within|during|from|between)(?![\w-])",
    re.IGNORECASE,
)


def _is_fold_alone(text: str, mention: Mention, reading: dict[str, Any]) -> bool:
    """Whether a mention is an "N-fold" multiplier with nothing compared after it ("expand
    capacity fivefold by 2027"; "fivefold that of rivals" and "fivefold the size" compare)."""
    is_fold = reading["kind"] == "multiplier" and mention.text.casefold().endswith("fold")
    return is_fold and _FOLD_ALONE_AFTER_RE.match(text, mention.end) is not None


# A possessive after "double", "triple" stands where "the" would ("nearly double last year's
# output", "triple its output of May"): what follows is the amount multiplied.
_POSSESSIVE_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:its|their|his|her|our|my|your)[ \t]+"
    r"|(?:(?:last|this|next|the|a|an)[ \t]+)?(?!(?:it|that|there|what|he|she|who)['’])"
    r"[^\W\d_][\w-]*['’]s[ \t]+[^\W\d_])",
    re.IGNORECASE,
)


# --- two things compared, not one thing over time; rates of change named by a noun; ages the
# age words did not reach (docs/annotations.md, "Two things compared, rates of change as nouns,
# and ages") ---
# "as <adjective or adverb> as" or "the rate/pace/speed of" right after a multiplier
_RATES_COMPARED_RE = re.compile(
    r"[ \t]+(?:as[ \t]+[^\W\d_]+[ \t]+as|the[ \t]+(?:rate|pace|speed)[ \t]+of)(?![\w-])",
    re.IGNORECASE,
)
# a comparison with something, later in the clause: "compared to", "relative to", "versus"
_COMPARED_LATER_RE = re.compile(
    r"(?<![\w-])(?:compared[ \t]+(?:to|with)|relative[ \t]+to|versus|vs\.?)(?![\w-])",
    re.IGNORECASE,
)
# words that make what follows "compared to" a time, not a thing
_A_TIME_RE = re.compile(
    rf"(?<![\w-])(?:{_MONTHS}|years?|quarters?|months?|weeks?|days?|decades?|seasons?|periods?"
    r"|half|halves|H[12]|Q[1-4]|FY\w*|fiscal|last|previous|prior|preceding|earlier|before|ago"
    r"|pre-[\w-]+|post-[\w-]+|then|yesterday|today|spring|summer|autumn|fall|winter|same"
    r"|it[ \t]+was|they[ \t]+were|once)(?![\w-])",
    re.IGNORECASE,
)
_NUMBER_LATER_RE = re.compile(
    rf"\d|(?<![\w-])(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}"
    r"|half|twice|double|triple)(?![\w-])",
    re.IGNORECASE,
)
_ANOTHER_CLAUSE_RE = re.compile(
    r"(?<![\w-])(?:and|but|while|whereas|which|that|as|when)(?![\w-])", re.IGNORECASE
)
# a measure of another thing of the same kind: "of the output of the large one", "of that of
# its rival", "of the speed of Nvidia's" (the possessive standing alone, at its clause's end)
_ANOTHERS_MEASURE_RE = re.compile(
    r"(?<![\w-])of[ \t]+(?:(?:that|those)[ \t]+of(?:[ \t]+[\w'’-]+){1,4}"
    r"|the[ \t]+[^\W\d_]+[ \t]+of[ \t]+(?:(?:the|a|an|its|their|his|her)[ \t]+"
    r"(?:[^\W\d_]+[ \t]+){0,2}ones?(?![\w-])|[A-Z][\w-]*['’]s(?=[ \t]*(?:[,.;:)!?]|$))))",
)


def _two_things_or_an_age(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """A multiplier of two rates read as a change, a change set against a thing, a percentage
    of another thing's measure, a noun of change as the subject, or an age the age words did
    not reach: the reading, refusal or exclusion those words give; else None."""
    if reading.get("kind") in ("count", "duration") and _an_age_past_of(text, mention, reading):
        return {"exclusion": vocab.AGE_REASON}
    if reading.get("kind") == "change" and reading.get("unit") == "fold":
        return _rates_compared(text, mention, reading)
    if reading.get("kind") == "change":
        reason = _change_against_a_thing(text, mention, reading)
        return None if reason is None else {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    if reading.get("kind") != "percent":
        return None
    start, end = _sentence_span(text, mention.start, mention.end)
    brk = _CLAUSE_BREAK_RE.search(text, mention.end, end)
    other = _ANOTHERS_MEASURE_RE.search(text, mention.start, brk.start() if brk else end)
    if other is not None:
        return {
            "refusal": f"{other.group()!r} after {mention.text!r} sets one thing's measure "
            f"against another's: a ratio of two things, not a share of a whole; "
            f"{vocab.REFUSAL_ADVICE}"
        }
    return _rate_of_change_noun(text, mention, reading, start)


def _rates_compared(text: str, mention: Mention, reading: dict[str, Any]) -> dict[str, Any] | None:
    """A multiplier read as a change ("grow three times") that "as fast as" or "the rate of"
    follows compares two rates: a multiplier, never a change. Else None."""
    written = _RATES_COMPARED_RE.match(text, mention.end)
    if written is None:
        return None
    return reading | {
        "kind": "multiplier",
        "read_with": f"{written.group().strip()!r} after it: a ratio of two rates",
    }


def _change_against_a_thing(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """A change followed in its clause by "compared to/with", "relative to" or "versus" and a
    thing, not a time and no figure ("a 50% increase in traffic compared to the old ferry"): a
    gap between two things or a change over time? The reason; else None."""
    _, end = _sentence_span(text, mention.start, mention.end)
    brk = _CLAUSE_BREAK_RE.search(text, mention.end, end)
    clause = text[mention.end : brk.start() if brk else end]
    comparison = _COMPARED_LATER_RE.search(clause)
    used = str(reading.get("read_with", "")).casefold()
    if comparison is None or comparison.group().casefold() in used:
        return None
    between, compared_with = clause[: comparison.start()], clause[comparison.end() :]
    if _NUMBER_LATER_RE.search(clause) or _ANOTHER_CLAUSE_RE.search(between):
        return None  # another figure owns the comparison, or another clause stands between
    if not compared_with.strip() or _A_TIME_RE.search(compared_with):
        return None
    return (
        f"{comparison.group()!r} after {mention.text!r} sets it against "
        f"{compared_with.strip()!r}, a thing rather than a time: a gap between two things or "
        f"a change over time?"
    )
