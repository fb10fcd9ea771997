"""Numbers that are no quantity, numbers split by the way they are written, and words left out: a
version, a day of the month, a citation, a figure run together with a word, a hyphened compound,
a negation, and the words right around a mention that it did not take in.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`);
its rules are in docs/annotations.md under "Numbers a draft meets (read, exclude or refuse)"
(among them "Words a reading did not hold (the last check)").
"""

from __future__ import annotations

import re
from typing import Any

from gapstudy import periods, vocab
from gapstudy.figures import is_unit_word, read_mention
from gapstudy.mentions import Mention, is_modifier
from gapstudy.sentence_lists import _unit_written_later
from gapstudy.sentence_prices import _other_money, _price_per_unit
from gapstudy.sentence_spans import _dating_span, _unknown_word_before_span
from gapstudy.sentence_words import (
    _CLAUSE_END_RE,
    _CLAUSE_START_RE,
    _COMPARATIVE_END_RE,
    _COUNTED_AFTER_RE,
    _DENSITY_BEFORE_RE,
    _DIFFERENCE_WORDS,
    _GROWTH_VERBS,
    _MONTHS,
    _NEXT_WORD_RE,
    _NOTHING_COUNTED_RE,
    _PER_YEAR,
    _PER_YEAR_RE,
    _THAN_LATER_RE,
    _WORD_RE,
    _words_re,
)
from gapstudy.unheld import is_past_tense, list_head_start

# "than" right before a mention that did not take it in: a comparison the words do not hold.
_THAN_RE = re.compile(r"(?<![\w-])than[\"”’']?[ \t]*$", re.IGNORECASE)
_NAMED_UNIT_RE = re.compile(r"[ \t]+(?:[A-Z][A-Z\d-]+|[A-Z]\d[\w-]*)[ \t]+([^\W\d_]+)")
_OUT_OF_BEFORE_RE = re.compile(r"(?<![\w-])out[ \t]+of[ \t]+$", re.IGNORECASE)
# A unit at the end of a hyphenated word after a count, maybe after a name: "2.788M
# GPU-hours", "2.788M H800 GPU-hours" (the unit is "hours").
_HYPHENATED_UNIT_RE = re.compile(
    r"(?:[ \t]+(?:[A-Z][A-Z\d-]+|[A-Z]\d[\w-]*))?[ \t]+[^\W\d_]+-"
    r"(hours|minutes|seconds|days|weeks|months|years)\b",
    re.IGNORECASE,
)
# A full name in lower case before a day is a month too ("june 5"), but for "may", "march" and
# "august", which are also words (a modal, a verb, an adjective): those keep their capital.
_MONTHS_LOWER = "|".join(
    name
    for name in periods.MONTH_NUMBERS
    if len(name) > 3 and name not in ("sept", "march", "august")
)
_MONTH_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{_MONTHS}|{_MONTHS_LOWER})\.?[ \t]+$")
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{_MONTHS})\b")
# A day, or a span of days ("4-9", "4–9"), of the month.
_DAY_RE = re.compile(r"(\d{1,2})(?:[-–](\d{1,2}))?")
# "doubling down", "doubled down": an idiom, not a number.
_IDIOM_DOWN_RE = re.compile(r"[ \t]+down\b", re.IGNORECASE)
_DOUBLING_RE = re.compile(r"^(?:doubl|tripl)\w*$", re.IGNORECASE)
# "one-shot", "zero-shot" (a way of prompting a model) and "double digits", "triple-digit"
# (how many digits a number has): no quantity.
_SHOT_AFTER_RE = re.compile(r"-shot\b", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\b(?:double|triple)[ \t-]+digits?\b", re.IGNORECASE)
# ... past an aside between paired dashes: "2 million more – about 7 percent – than 2019".
_THAN_PAST_ASIDE_RE = re.compile(
    r"[^,;:.()\[\]—–\n]{0,40}?[ \t]*(?P<dash>[—–])[^—–\n]{1,60}(?P=dash)"
    r"[^,;:.()\[\]—–\n]{0,40}?\bthan\b",
    re.IGNORECASE,
)
# An aside between paired dashes after a comparative and before "than": "2 million more – about
# 7 percent – than 2019" (the dash before the mention, the dash and "than" after it).
_ASIDE_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<comparative>{'|'.join(sorted(vocab.COMPARATIVES))})[ \t]*[—–][^—–\n]{{0,30}}$",
    re.IGNORECASE,
)
_ASIDE_THAN_AFTER_RE = re.compile(r"[^—–\n]{0,30}?[—–][ \t]*than\b", re.IGNORECASE)
# A comparative the mention did not take in, right after it: "90,000 more than 2019".
_COMPARATIVE_AFTER_RE = re.compile(r"[ \t]+(?:more|less|fewer)(?![\w-])", re.IGNORECASE)
# A duration followed by "to" and another duration: "16 months to two years".
_TO_DURATION_RE = re.compile(
    r"[ \t]+to[ \t]+[\w.-]+[ \t]+(?:years?|months?|weeks?|days?|decades?)\b", re.IGNORECASE
)
# Words an editor inserted in square brackets: "$2 [billion] to $5 billion".
_BRACKETED_AFTER_RE = re.compile(r"[ \t]*\[[^\]\d]{1,20}\]")
# A tolerance: "$54B ±2%".
_PLUS_MINUS_AFTER_RE = re.compile(r"[ \t]*(?:±|\+/-|plus[ \t]+or[ \t]+minus\b)", re.IGNORECASE)
_PLUS_MINUS_BEFORE_RE = re.compile(
    r"(?:±|\+/-|(?<![\w-])plus[ \t]+or[ \t]+minus)[ \t]*$", re.IGNORECASE
)
# A verb or noun of scoring right before a bare number: "scores 80 on a benchmark".
_SCORE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:scores?|scored|scoring|rated|rating|score[ \t]+of|rating[ \t]+of)"
    r"(?:[ \t]+(?:an?|only|just))?[ \t]+$",
    re.IGNORECASE,
)
# A ratio named earlier in the sentence: "the price-to-earnings ratio ... stands at 36.66".
_RATIO_BEFORE_RE = re.compile(
    r"\b(?:ratios?|multiple(?=[ \t]*(?:[,.;:)]|$|(?:of|is|was|stands?|at)\b|\d)))",
    re.IGNORECASE,
)
# A scale word run into the next word by a lost space ("$5.576 millionIn stark contrast"): the
# mention stops before it, and its amount would read a million times too small.
_GLUED_SCALE_AFTER_RE = re.compile(
    r"[ \t]+(?:thousand|million|billion|trillion)[^\W\d_]+", re.IGNORECASE
)
# A scale letter after a space, which the mention does not take in: "340 M bags", "7 B
# parameters" (read alone, the number would be a million or a billion times too small).
_SCALE_LETTER_APART_RE = re.compile(r"[ \t]+(?:K|M|B|bn|mn|tn|MM)(?![\w'’-])")
# A slash between digits that the mention does not span: "1/100th", "3/4".
_SLASH_AFTER_RE = re.compile(r"/\d")
_SLASH_BEFORE_RE = re.compile(r"\d/$")
_HYPHEN_AFTER_RE = re.compile(r"-[^\W\d_]")
# A dash between two numbers that the mention does not span ("$100-114 billion" found as "$100"
# and "114 billion"): each end alone would read as a figure of its own.
_RANGE_DASH_AFTER_RE = re.compile(r"[-–](?:\d|(?:US|A|C)?[$€£¥])")  # "3-", "$5-$7"
_RANGE_DASH_BEFORE_RE = re.compile(r"\d[-–]$")
# A capitalised name right before a bare number: a version ("Llama 3", "Claude 3.5 Opus").
# A capitalised word right after a colon opens a clause ("Note this: The 40 climbers"): no name.
_NAME_BEFORE_RE = re.compile(r"(?<![.!?:]\s)\b([A-Z][\w-]*)[ \t]+$")


# A hedge or bound, then a quotation mark opened right before the number: 'more than "40 chip
# firms"' (the quoted words hold the number, the hedge stands outside them).
_HEDGE_THEN_QUOTE_RE = re.compile(
    rf"(?<![\w-])(?P<hedge>{_words_re(frozenset(q for q in vocab.QUALIFIERS if q[:1].isalpha()))})"
    r"[ \t]*[\"“‘'][ \t]*$",
    re.IGNORECASE,
)
_PER_YEAR_AFTER_RE = re.compile(rf"[ \t]*[x×]?[ \t]*{_PER_YEAR}", re.IGNORECASE)
# A share of a whole written earlier: "a third of that", "half of them".
_PRONOUNS = frozenset({"that", "this", "it", "them", "those", "these", "which", "whom"})
_OF_PRONOUN_RE = re.compile(rf"[ \t]+of[ \t]+(?:{'|'.join(sorted(_PRONOUNS))})\b", re.IGNORECASE)
_TIME_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:in|by|since|until|till|before|after|from|during|through|to|early|late"
    r"|mid|around|circa|fiscal|FY|year|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
    r"\.?[ \t]+$",
    re.IGNORECASE,
)


# --- numbers that are no quantity, and numbers split from what they need ----------------------
# A process node: "7nm", "5 nm" (the name of a chip maker's process, not a length).
_PROCESS_NODE_RE = re.compile(r"\d+(?:\.\d+)?[ \t]?nm")
# A date written with dashes or slashes: "2024-03-15", "2026/05/27".
_ISO_DATE_RE = re.compile(r"(?:19|20)\d\d([-/])[01]?\d\1[0-3]?\d")
# An apostrophe before two digits, after a space or a bracket: "in '24", "(’25)".
_SHORT_YEAR_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(]))['’‘]$")
# Nouns a number labels, in any case ("Section 232", "Phase 2", "article 5", "Tier 1"):
# which part, not how many.
_LABEL_NOUNS = (
    "section|article|chapter|clause|paragraph|figure|fig\\.|table|phase|stage|tier"
    "|title|annex|appendix|part|item|page|round|series|gen|generation|version|type|class|rule"
    "|sections|articles|chapters|clauses|paragraphs|parts|pages|items|rules|pp?\\.|§§?"
)
_LABEL_BEFORE_RE = re.compile(
    rf"(?:(?<![\w-])(?:{_LABEL_NOUNS})|\b(?:C\.F\.R|CFR|U\.S\.C|USC)\.?)[ \t]*"
    r"(?:\d+(?:,[ \t]*|[ \t]+(?:and|or|to)[ \t]+))*$",
    re.IGNORECASE,
)
# The title number before the abbreviation of a legal code: "15 C.F.R.", "50 U.S.C. 4801".
_LEGAL_CODE_AFTER_RE = re.compile(r"[ \t]+(?:C\.F\.R|CFR|U\.S\.C|USC|Fed\.[ \t]*Reg)\b")
_LABEL_NUMBER_RE = re.compile(r"\d+(?:[ \t]*(?:[-–]|to|and|through)[ \t]*\d+)?", re.IGNORECASE)
# A citation marker: digits alone in square brackets ("[4]", "[1, 2]", "[3-5]").
# A list item's number: digits alone at the start of a line (or text), then "." or ")" and
# a space ("3. $15 billion and counting", "2) Power").
_LIST_ITEM_AFTER_RE = re.compile(r"[.)][ \t]")
_CITATION_BEFORE_RE = re.compile(r"\[[\d,–\- \t]*$")
_CITATION_AFTER_RE = re.compile(r"[\d,–\- \t]*\]")
# A time of day: "8 am", "10 p.m.", "12:30".
_CLOCK_AFTER_RE = re.compile(r"[ \t]?(?:[ap]\.m\.|[ap]m\b)|:[0-5]\d(?!\d)", re.IGNORECASE)
_CLOCK_BEFORE_RE = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-4]):$")
# "half" after an ordinal names part of a period: "the first half of 2025", "second half".
_PART_OF_PERIOD_RE = re.compile(
    r"(?<![\w-])(?:first|second|last|latter|final|back|front)[ \t]+$", re.IGNORECASE
)
# A thousands comma with a space after it, a damage of the text ("400, 000", "35, 000"): no
# number is written with a leading zero, so a group "0dd" after ", " is the number's own.
_DAMAGED_GROUP_AFTER_RE = re.compile(r",[ \t]+0\d\d(?!\d)")
_DAMAGED_GROUP_START_RE = re.compile(r"0\d\d(?!\d)")
_DAMAGED_GROUP_BEFORE_RE = re.compile(r"\d,[ \t]+$")
# A thousands comma with a space before it ("1 ,000"): damaged the other way.
_SPACE_COMMA_AFTER_RE = re.compile(r"[ \t]+,\d{3}(?!\d)")
_SPACE_COMMA_BEFORE_RE = re.compile(r"\d[ \t]+,$")
# A word glued by a hyphen before an amount of money or a percentage ("near-$35 billion",
# "sub-$10"): a hedge or a bound the mention does not hold.
_WORD_HYPHEN_BEFORE_RE = re.compile(r"[^\W\d_]+-$")
# A hyphen with a space after it, joining the number to what it measures ("12- inch wafers").
_SPACED_HYPHEN_AFTER_RE = re.compile(r"-[ \t]+[^\W\d_]")
# Two figures joined by "/" ("$0.75/$4.50", input and output prices): a pair.
_PAIR_AFTER_RE = re.compile(r"[ \t]*/[ \t]*[$€£¥]\d")
_PAIR_BEFORE_RE = re.compile(r"[$€£¥][\d.,]+[^\W\d_]*[ \t]*/[ \t]*$")
# A power of ten written with "^" that the mention does not hold ("10^25").
_POWER_AFTER_RE = re.compile(r"\^|[ \t]*[×x][ \t]*10\^")
_POWER_BEFORE_RE = re.compile(r"\^[-−]?$")
# The far end of a figure an editor's bracket splits: "$2 [billion] to $5 billion".
_EDITOR_BEFORE_RE = re.compile(r"\][ \t]*(?:to|and|or|[-–])[ \t]*$", re.IGNORECASE)
# A quantity per a unit the mention does not hold: "900GB/s", "100 kilowatts per rack"; "/"
# glued to letters after any figure ("3x/year").
_QUANTITY_PER_RE = re.compile(r"/([^\W\d_][\w-]*)|[ \t]+per[ \t]+([^\W\d_][\w-]*)")
# "tops" after a figure ("$5 million, tops"): an upper bound; before one it is the verb.
_TOPS_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*tops\b(?![ \t]+\S*\d)", re.IGNORECASE)
# A count per a number of things written earlier in the sentence: "the number of robots per
# 10,000 workers ... surged from 49 to 470".
_PER_NUMBER_BEFORE_RE = re.compile(
    r"(?<![\w-])per[ \t]+[\d,.]+[ \t]+[^\W\d_][\w-]*(?=[^.!?;]*$)", re.IGNORECASE
)
# The amount a price or rate is per: "per 1M tokens", "per 1,000 queries".
_PER_BEFORE_RE = re.compile(
    r"(?:(?<![\w-])(?:per|for[ \t]+every|for[ \t]+each)[ \t]+"
    r"|[$€£¥][\d.,]+[^\W\d_]*[ \t]*/[ \t]*)$",
    re.IGNORECASE,
)
# An amount per an amount of something: "$3/1M input", "$0.50/1K tokens".
_PER_AMOUNT_AFTER_RE = re.compile(r"[ \t]*/[ \t]*(\d[\d.,]*[^\W\d_]*)")


# A scale word with no number of its own after a vague word ("several hundred million dollars",
# "a few thousand engineers"): the finder leaves the vague word out, and the scale word alone
# would read as one hundred, one thousand.
_VAGUE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:several|a[ \t]+few|few|many|numerous|multiple|countless|a[ \t]+couple[ \t]+of"
    r"|some[ \t]+few)[ \t]+$",
    re.IGNORECASE,
)
_BARE_SCALE_START_RE = re.compile(
    r"(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b", re.IGNORECASE
)
# An age or an age group: a number after "aged", "ages" or a noun of an age group ("adults 65
# and up", "adults under 30"), or before "and up", "and older", "or older", "years old".
_AGE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:aged|ages|age|adults|children|kids|teens|teenagers|seniors|youths"
    r"|as[ \t]+young[ \t]+as|as[ \t]+old[ \t]+as)"
    r"(?:[ \t]+(?:between|from|under|over|below|above))?[ \t]+$",
    re.IGNORECASE,
)
# A group of people, then "between" or "under"/"over" and numbers no larger than an age:
# "employed Americans between 18 and 29", "those 30 to 49".
_MAX_AGE = 110
_AFTER_AN_AGE_WORDS = frozenset(
    {"and", "or", "who", "surveyed", "polled", "said", "say", "reported", "reporting", "were"}
    | {"are", "was", "is", "have", "had", "in", "on", "at", "from"}
)
_PEOPLE_BETWEEN_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:(?:americans|people|respondents|workers|employees|users|voters|consumers"
    r"|men|women|adults|students|those)(?:[ \t]+(?:between|under|over|below|above))?"
    r"|those)[ \t]+$",
    re.IGNORECASE,
)
# A person's age in apposition: a whole number between commas right after a capitalised name
# ("CEO Mensch, 31, along with"); "Apple, 15, and Google, 12" reads the same way, so numbers
# below the age of a working adult are left to the other rules.
_MIN_APPOSITIVE_AGE = 16
_NAME_COMMA_BEFORE_RE = re.compile(rf"(?<![\w-])(?!(?:{_MONTHS})\b)[A-Z][a-z][\w’'-]*,[ \t]+$")
_COMMA_AFTER_RE = re.compile(r",[ \t]")
_AGE_AFTER_RE = re.compile(
    r"(?:[ \t]+(?:and|or)[ \t]+(?:up|older|over|above|younger|under)\b|\+[ \t]"
    r"|[ \t-]+years?[ \t-]+old\b|[ \t-]+year-olds?\b|[ \t]+years[ \t]+of[ \t]+age\b)",
    re.IGNORECASE,
)


# "one" after a determiner stands for a thing or a person: "the one that", "this one", "no
# one", "which one", "the only one".
_DETERMINER_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:the|this|that|which|each|every|any|no|another|someone's|the[ \t]+only)"
    r"[ \t]+$",
    re.IGNORECASE,
)
_ONE_RE = re.compile(r"(?:only[ \t]+)?one", re.IGNORECASE)


def _vague_or_age(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """The exclusion's reason for a scale word after a vague word ("several hundred million
    dollars": vague, no number), for "one" after a determiner ("the one that": a pronoun) or
    for an age or an age group ("adults 65 and up", "those aged
    18 to 29", "adults under 30"); else None."""
    before = text[max(0, mention.start - 30) : mention.start]
    if _BARE_SCALE_START_RE.match(mention.text) and _VAGUE_BEFORE_RE.search(before):
        return vocab.VAGUE_REASON
    if _ONE_RE.fullmatch(mention.text) and _DETERMINER_BEFORE_RE.search(before):
        return vocab.PRONOUN_REASON
    if reading.get("kind") != "count" or reading.get("unit") != "count":
        return None
    if _AGE_BEFORE_RE.search(before) or _AGE_AFTER_RE.match(text, mention.end):
        return vocab.AGE_REASON
    if (
        mention.text.isdigit()
        and _MIN_APPOSITIVE_AGE <= int(mention.text) <= _MAX_AGE
        and _NAME_COMMA_BEFORE_RE.search(before)
        and _COMMA_AFTER_RE.match(text, mention.end)
    ):
        return vocab.AGE_REASON  # "CEO Mensch, 31, along with": a person's age in apposition
    numbers = [reading[name] for name in ("value", "low", "high") if reading[name] is not None]
    is_age_like = all(number == int(number) and number <= _MAX_AGE for number in numbers)
    counted = _NEXT_WORD_RE.match(text, mention.end)
    names_nothing = counted is None or counted.group(1).casefold() in _AFTER_AN_AGE_WORDS
    if is_age_like and names_nothing and _PEOPLE_BETWEEN_BEFORE_RE.search(before):
        return vocab.AGE_REASON  # "employed Americans between 18 and 29", not "those 5 firms"
    if is_age_like and reading.get("bound") == "range" and _is_age_group(text, mention, before):
        return vocab.AGE_REASON  # "the 18-24 cohort", "the 25 to 34 bracket"
    return None


# "the" right before a range, and a noun of an age group after it ("the 18-24 cohort").
_THE_BEFORE_RE = re.compile(r"(?<![\w-])the[ \t]+$", re.IGNORECASE)
_GROUP_NOUN_AFTER_RE = re.compile(r"[ \t]+(?:age[ \t]+)?(?P<noun>[^\W\d_]+?)s?\b", re.IGNORECASE)


def _is_age_group(text: str, mention: Mention, before: str) -> bool:
    """Whether a range of ages after "the" is followed by a noun of an age group ("the 18-24
    cohort", "the 25 to 34 age bracket"); "the 10-20 firms" is not."""
    noun = _GROUP_NOUN_AFTER_RE.match(text, mention.end)
    is_group = noun is not None and noun.group("noun").casefold() in vocab.AGE_GROUP_NOUNS
    return is_group and _THE_BEFORE_RE.search(before) is not None


def _not_a_quantity(text: str, mention: Mention) -> str | None:
    """The reason a mention is no quantity at all (a chip process's name, a citation marker,
    a time of day, "half" naming part of a period, an idiom, "double digits"), else None."""
    if _PROCESS_NODE_RE.fullmatch(mention.text):
        return vocab.PROCESS_REASON
    if _ISO_DATE_RE.fullmatch(mention.text):
        return vocab.ISO_DATE_REASON
    if re.fullmatch(r"\d\d", mention.text) and _SHORT_YEAR_BEFORE_RE.search(
        text, max(0, mention.start - 2), mention.start
    ):
        return vocab.YEAR_REASON  # "back in '24": a year written with two digits
    if _LABEL_NUMBER_RE.fullmatch(mention.text) and (
        _LABEL_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
        or _LEGAL_CODE_AFTER_RE.match(text, mention.end)
    ):
        return vocab.LABEL_REASON  # "Section 232", "Phase 2", "Parts 730 to 774", "15 C.F.R."
    is_digits = mention.text.isdigit()
    before = text[max(0, mention.start - 20) : mention.start]
    if is_digits and len(mention.text) <= 3 and _LIST_ITEM_AFTER_RE.match(text, mention.end):
        line_start = text.rfind("\n", 0, mention.start) + 1
        if not text[line_start : mention.start].strip():
            return vocab.LIST_ITEM_REASON  # "3. $15 billion and counting"
    if (
        is_digits
        and _CITATION_BEFORE_RE.search(before)
        and _CITATION_AFTER_RE.match(text, mention.end)
    ):
        return vocab.CITATION_REASON
    n_start, n_end = mention.number_span
    number = text[n_start:n_end]
    # the number past its hedge: "around 9 p.m." is a time of day as "9 p.m." is
    is_hour = number.isdigit() and len(number) <= 2 and n_end == mention.end
    if is_hour and _CLOCK_AFTER_RE.match(text, mention.end):
        return vocab.TIME_REASON  # "8 am", the hour of "12:30"
    if re.match(r"[0-5]\d\b", mention.text) and _CLOCK_BEFORE_RE.search(before):
        return vocab.TIME_REASON  # the minutes of "12:30" (and a range after them)
    if number.casefold() == "half" and _PART_OF_PERIOD_RE.search(before):
        return vocab.PART_OF_PERIOD_REASON
    if _IDIOM_DOWN_RE.match(text, mention.end) and _DOUBLING_RE.search(mention.text):
        return vocab.IDIOM_REASON  # "doubling down": to commit more
    if _SHOT_AFTER_RE.match(text, mention.end) and not is_digits:
        return vocab.IDIOM_REASON  # "one-shot", "zero-shot": a way of prompting a model
    if _DIGITS_RE.search(text, mention.number_span[0], mention.end + 8):
        return vocab.VAGUE_REASON  # "double digits": how many digits, not a number
    return None


def _glued_hedge(mention: Mention, before: str) -> str | None:
    """Why an amount of money or a percentage with a word glued before it by a hyphen
    ("near-$35 billion") is refused; else None."""
    is_signed_amount = mention.text[:1] in "$€£¥" or mention.text.endswith("%")
    if is_signed_amount and (glued := _WORD_HYPHEN_BEFORE_RE.search(before)):
        return (
            f"{mention.text!r} has a word joined to it by a hyphen ({glued.group()!r}, as in "
            f"'near-$35 billion'), which the mention does not hold and which may change its "
            f"reading; {vocab.REFUSAL_ADVICE}"
        )
    return None


def _split_number(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why the mention holds only a part of its figure, split by the way it is written: a
    damaged thousands comma, a hyphen and a space, a pair joined by "/", a power of ten, an
    editor's bracket, the amount after "per", or a quantity per a unit ("900GB/s", "200
    kilowatts per rack", or a power the clause calls a density: "server densities below
    10kW"); else None."""
    before = text[max(0, mention.start - 20) : mention.start]
    per = _QUANTITY_PER_RE.match(text, mention.end)
    if per and (reading["kind"] == "quantity" or per.group().startswith("/")):
        return (
            f"{mention.text!r} is an amount per {per.group(1) or per.group(2)!r} (a rate or a "
            f"density), which the mention does not hold and is not one of the project's units; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    clause = text[max(0, mention.start - 40) : mention.start]
    is_change = reading["kind"] == "change" and reading["unit"] == "count"
    if is_change and (per := _PER_NUMBER_BEFORE_RE.search(text, 0, mention.start)):
        return (
            f"{mention.text!r} counts things {per.group().strip()!r} (a density written earlier "
            f"in its sentence), which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if reading["kind"] == "quantity" and _DENSITY_BEFORE_RE.search(clause):
        return (
            f"{mention.text!r} is a density (the clause before it says so): an amount per rack "
            f"or per server, not a total, and not one of the project's units; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    is_damaged = _DAMAGED_GROUP_AFTER_RE.match(text, mention.end) or (
        _DAMAGED_GROUP_START_RE.match(mention.text) and _DAMAGED_GROUP_BEFORE_RE.search(before)
    )
    if (
        is_damaged
        or _SPACE_COMMA_AFTER_RE.match(text, mention.end)
        or (re.match(r"\d{3}(?!\d)", mention.text) and _SPACE_COMMA_BEFORE_RE.search(before))
    ):
        return (
            f"{mention.text!r} is a part of a number whose thousands comma has a space beside "
            f"it ('400, 000', '1 ,000'): the text is damaged, and is kept as written; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    if glued := _glued_hedge(mention, before):
        return glued
    if mention.text[-1:].isdigit() and _SPACED_HYPHEN_AFTER_RE.match(text, mention.end):
        compound = mention.text + " ".join(text[mention.end :].split()[:2])
        return (
            f"the number is joined by a hyphen to the words after it ({compound!r}), which the "
            f"mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    is_money_after = mention.text[:1] in "$€£¥" and _PAIR_BEFORE_RE.search(before)
    if _PAIR_AFTER_RE.match(text, mention.end) or is_money_after:
        return (
            f"{mention.text!r} is one of two figures joined by '/' (a pair, such as input and "
            f"output prices), which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if _POWER_AFTER_RE.match(text, mention.end) or _POWER_BEFORE_RE.search(before):
        return (
            f"{mention.text!r} is a part of a power of ten written with '^', which the mention "
            f"does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if _EDITOR_BEFORE_RE.search(before):  # words in brackets after it: refused below
        return (
            f"an editor's bracket ('[billion]') splits the figure {mention.text!r} belongs to; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    if _PER_BEFORE_RE.search(before):
        return (
            f"{mention.text!r} after 'per' or '/' is the amount a price or rate is per ('per 1M "
            f"tokens', '$3/1M'), not a quantity of its own; {vocab.REFUSAL_ADVICE}"
        )
    per_amount = _PER_AMOUNT_AFTER_RE.match(text, mention.end)
    if per_amount and reading["kind"] == "money":  # "$3/1M"; "1/100th" is a slash
        return (
            f"{mention.text!r} is an amount per {per_amount.group(1)!r} of something, which "
            f"the mention does not hold and is not one of the project's units; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    return None


_SCALE_IN_RE = re.compile(
    r"\d[ \t]*(?:thousand|million|billion|trillion|[kmb]n?|mn|bn)(?![^\W\d_])", re.IGNORECASE
)


_BY_NUMBER_IN_RE = re.compile(r"(?<![\w-])by[ \t]+\d", re.IGNORECASE)


def _fraction_of_nothing(mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a change in a count that is no whole number, with no scale word ("climbed by 0.7
    month on month"), is refused: it names nothing counted, and a part of one thing is no
    count (a "%" may be missing); else None."""
    if reading.get("kind") != "change" or reading.get("unit") != "count":
        return None
    if not _BY_NUMBER_IN_RE.search(mention.text):
        return None  # only "by N": "climbed from 3.5 to 9" keeps its own reason
    values = [reading.get(name) for name in ("value", "low", "high")]
    if all(v is None or float(v).is_integer() for v in values) or _SCALE_IN_RE.search(mention.text):
        return None
    return (
        f"{mention.text!r} changes a count by a part of one, and names nothing counted (a '%' "
        f"may be missing); {vocab.REFUSAL_ADVICE}"
    )


# "and" and a word of degree before "more" after a figure: "$3.2 million and much more"
_AND_MUCH_MORE_RE = re.compile(
    r"[ \t]+and[ \t]+(?:much|far|many|even|a[ \t]+lot|lots)[ \t]+more(?![\w-])", re.IGNORECASE
)
# a form of "bring", its object (up to three words), and the "up to" a mention starts with
_BRING_BEFORE_UP_TO_RE = re.compile(
    r"(?<![\w-])(?:bring|brings|bringing|brought)(?:[ \t]+[^\W\d_][\w'’-]*){1,3}[ \t]+$",
    re.IGNORECASE,
)
_UP_TO_START_RE = re.compile(r"up[ \t]+to[ \t]", re.IGNORECASE)


def _bound_the_lists_lack(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a reading is refused for a bound word the lists lack: "and much more" after an
    exact figure (a bound, as "and more" is), or "bring <object> up to" before a figure ("up"
    may be the verb's, giving the level reached, or "up to" a bound); else None."""
    if reading.get("bound") == "exact" and (tail := _AND_MUCH_MORE_RE.match(text, mention.end)):
        return (
            f"{tail.group().strip()!r} after {mention.text!r}, which the mention does not hold, "
            f"makes it a bound, not the exact amount read"
        )
    if (up_to := _UP_TO_START_RE.match(mention.text)) is None:
        return None
    if bring := _BRING_BEFORE_UP_TO_RE.search(text, max(0, mention.start - 60), mention.start):
        words = text[bring.start() : mention.start + up_to.end()].strip()
        return (
            f"{words!r}: 'up' may belong to the verb (the level reached) or 'up to' make "
            f"{mention.text[up_to.end() :]!r} a bound, which the words do not settle"
        )
    return None


# A bound and "the" before an amount named as a mark ("pushing its valuation past the $10
# billion mark"): the bound stands outside the mention.
_MARK_BOUND_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:past|beyond|above|below|under|over|crossed|passed|topped|surpassed|exceeded"
    r"|broke|breached|cleared|crossing|passing|topping|surpassing|breaking)[ \t]+the[ \t]+$",
    re.IGNORECASE,
)
_MARK_AFTER_RE = re.compile(
    r"[ \t]+(?:mark|threshold|barrier|milestone|level|line|ceiling|floor)\b", re.IGNORECASE
)


def _bound_before_a_mark(text: str, mention: Mention) -> str | None:
    """Why an amount named as a mark after a bound ("past the $10 billion mark") is refused:
    the bound that makes it a lower or upper bound stands before "the"; else None."""
    before = _MARK_BOUND_BEFORE_RE.search(text, max(0, mention.start - 20), mention.start)
    if before is None or not _MARK_AFTER_RE.match(text, mention.end):
        return None
    return (
        f"{before.group().strip()!r} before {mention.text!r} makes it a bound ('past the $10 "
        f"billion mark': more than $10 billion), which the mention does not hold; "
        f"{vocab.REFUSAL_ADVICE}"
    )


# A bound preposition and "the" right before a figure with no mark word after it ("fell below
# the 50k for the first time"): the figure is still the level the bound names, not an amount.
_PLAIN_BOUND_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:past|beyond|above|below|under|over)[ \t]+the[ \t]+$", re.IGNORECASE
)
# Nothing named after the figure: the clause ends, or a preposition or conjunction follows
# ("below the 50k for the first time"). A noun there names the thing whose level the figure is
# ("well below the 90% industry norm": the norm is 90%, read as it stands).
_NOTHING_NAMED_AFTER_RE = re.compile(
    r"[ \t]*(?:$|[.,;:!?)\]—–]|[ \t]+(?:for|in|on|at|by|during|this|last|since|from|until|before"
    r"|after|when|as|and|but|or|with|again|once|today|now|yet)\b)",
    re.IGNORECASE,
)
# A negated verb of reaching before "the": "did not reach the 500 mark" (at most, not 500).
_NEGATED_REACH_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:not|never|n't|failed[ \t]+to)[ \t]+(?:reach|hit|top|cross|pass|break|surpass"
    r"|exceed|clear)(?:e?[sd]|ed|ing)?[ \t]+the[ \t]+$",
    re.IGNORECASE,
)


def _bound_before_the_figure(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a figure after a bound and "the" is refused when nothing it names follows ("below
    the 50k for the first time"; "below the 90% norm" is the norm's level), or after a negated
    verb of reaching and "the" before a mark ("did not reach the 500 mark"): the bound, or the
    negation, is outside the mention; else None. A span of time ("over the 12 months") is a
    period, not a bound, and is left to its own rules."""
    if "kind" not in reading or reading.get("unit") in vocab.COMPARED_PERIOD_UNITS:
        return None
    window = max(0, mention.start - 30)
    plain = _PLAIN_BOUND_BEFORE_RE.search(text, window, mention.start)
    if plain and _NOTHING_NAMED_AFTER_RE.match(text, mention.end):
        words = plain.group().strip()
    elif (negated := _NEGATED_REACH_BEFORE_RE.search(text, window, mention.start)) and (
        _MARK_AFTER_RE.match(text, mention.end)
    ):
        words = negated.group().strip()
    else:
        return None
    return (
        f"{words!r} before {mention.text!r} makes it a bound (a level passed or not reached), "
        f"which the mention does not hold; {vocab.REFUSAL_ADVICE}"
    )


def _excluded_in_context(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """The exclusion's reason for a number its sentence makes no quantity: a day of the month,
    a scale word after a vague word, "one" standing for a thing, an age; else None."""
    if _is_day_of_month(text, mention):
        return vocab.DATE_REASON
    return _vague_or_age(text, mention, reading)


# The active verb of an estimate, then (what is estimated and) "at" right before a figure: "which
# the bureau estimates at $1,450", "estimate the market at $40 billion", "insurers estimated
# claims at $2 billion" ("is estimated at" is the passive, read on its own path).
_ESTIMATES_AT_RE = re.compile(
    r"(?<![\w-])(?<!is )(?<!was )(?<!were )(?<!are )(?<!been )(?<!be )"
    r"(?P<verb>estimat(?:e|es|ing|ed))(?:[ \t]+[^\W\d_][\w'’-]*)*?[ \t]+at[ \t]*$",
    re.IGNORECASE,
)


# "in every" or "of every" and a figure or a unit of money after a figure: "$1 in every $4 of
# farm sales", "1 in every 4 jobs", "45 cents of every dollar spent".
# "for every" as well ("one delay for every 12,000 trains": a rate), and up to three plain words
# (what is counted) between the figure and "in/of/for every" ("2 jobs in every 10").
_IN_EVERY_AFTER_RE = re.compile(
    r"(?:[ \t]+(?!(?:and|or|but|while|with|as|than)\b)[^\W\d_][\w'’-]*){0,3}?"
    r"[ \t]+(?:in|of|for)[ \t]+every[ \t]+"
    r"(?:[$€£¥]?\d[\d,.]*(?<![,.])|(?:dollar|euro|pound|yuan|yen|rupee"
    r"|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand)\b)",
    re.IGNORECASE,
)


def _in_every(text: str, mention: Mention) -> str | None:
    """A refusal for a figure before "in/of/for every" (maybe past the words of what it counts)
    and another figure or a unit of money ("$1 in every $4", "45 cents of every dollar", "one
    delay for every 12,000 trains"): a share of the second or a rate per it, not the
    amount or count read ("1 in 4" is one mention, odds). Else None."""
    if (found := _IN_EVERY_AFTER_RE.match(text, mention.end)) is None:
        return None
    return (
        f"{mention.text!r} before {found.group().strip()!r} is a share of what follows (N in, "
        f"of or for every M), not the amount or count read; {vocab.REFUSAL_ADVICE}"
    )


def _estimates_at(text: str, mention: Mention, floor: int) -> str | None:
    """A refusal for a figure after "estimate(s) ... at", as after "is estimated at": the
    estimate may make it a bound or an approximation. Else None."""
    found = _ESTIMATES_AT_RE.search(text, floor, mention.start)
    if found is None:
        return None
    return (
        f"{found.group('verb')!r} before {mention.text!r}, which the mention does not hold, "
        f"may make it a bound or an approximation, as 'estimated at' does, not the exact "
        f"amount read; {vocab.REFUSAL_ADVICE}"
    )


# A hyphenated compound before a noun: a unit ("a 10-gigawatt campus"), a span of time ("a
# 5-year plan") or a scale word ("a 250-million round") joined to the number.
_UNIT_JOINED_RE = re.compile(r"-(?P<unit>[^\W\d_]+)(?![\w-])")
_SPAN_JOINED_RE = re.compile(r"-(?:years?|months?|weeks?|days?|decades?)$", re.IGNORECASE)
_SCALE_JOINED_RE = re.compile(r"\d-(?:thousand|million|billion|trillion)$", re.IGNORECASE)
# Nouns that make a span before them the claim: a difference in time ("a two-year lead", "a
# six-month gap", "a 3-year delay").
_SPAN_CLAIMED_NOUNS = _DIFFERENCE_WORDS | {"delay", "delays", "head", "wait", "lead-time"}


# A comma and another modifier of the same noun: "10-year, inflation-linked bonds".
_COMMA_MODIFIER_RE = re.compile(
    r"[ \t]*,[ \t]*(?P<modifier>[^\W\d_]+(?:-[^\W\d_]+)*)(?=[ \t]+([^\W\d_]+))"
)


def _after_comma_modifier(text: str, end: int) -> re.Match[str] | None:
    """The comma and modifier after a hyphened span, up to the noun they both qualify (group 1
    of the match is that noun), if the word after the comma is a compound with a hyphen or an
    adjective; else None."""
    found = _COMMA_MODIFIER_RE.match(text, end)
    if found is None:
        return None
    modifier = found.group("modifier")
    if "-" not in modifier and not is_modifier(modifier):
        return None
    return _NEXT_WORD_RE.match(text, found.end())


def _hyphen_compound(text: str, mention: Mention, reading: dict[str, Any]) -> dict[str, Any] | None:
    """A number joined by a hyphen to a word, the two qualifying what follows, read as the
    number and the word apart: a unit of measure is that quantity ("a 10-gigawatt campus" is
    10 gigawatts; bits name a precision: "8-bit" stays refused); a span of time names the
    period or kind of what follows ("a 5-year plan", refused) unless that is a difference in
    time ("a two-year lead", a duration); a scale word with no unit and no thing counted
    after it leaves the unit unwritten ("a 250-million round", refused; "a 100-billion
    parameter model" stays a count). Else None."""
    if reading["kind"] == "count" and _SCALE_JOINED_RE.search(mention.text):
        counted = _NEXT_WORD_RE.match(text, mention.end)
        if counted and counted.group(1).removesuffix("s") in _COUNTED_MODIFIERS:
            return None  # "a 100-billion parameter model": what it counts follows
        if _plural_counted_after(text, mention.end):
            return None  # "75-million parcels": what it counts follows, in the plural
        return {
            "refusal": f"the unit of {mention.text.replace('-', ' ')!r} is not written: a scale "
            f"word joined by a hyphen qualifies the noun after it, an amount of something "
            f"unnamed (a currency?), not a count; {vocab.REFUSAL_ADVICE}"
        }
    if reading["kind"] == "duration" and _SPAN_JOINED_RE.search(mention.text):
        noun = _NEXT_WORD_RE.match(text, mention.end) or _after_comma_modifier(text, mention.end)
        if noun is None or noun.group(1).casefold() in _SPAN_CLAIMED_NOUNS:
            return None
        return {
            "refusal": f"{text[mention.start : noun.end()]!r}: a span joined by a hyphen before a "
            f"noun names the period or kind of what follows, not a span claimed (a duration "
            f"only before a difference in time: 'a two-year lead'); {vocab.REFUSAL_ADVICE}"
        }
    joined = _UNIT_JOINED_RE.match(text, mention.end)
    if reading["kind"] != "count" or joined is None:
        return None
    unit = joined.group("unit")
    if unit.casefold().endswith(("bit", "bits")):
        return None  # "8-bit", "64-bit": a precision or a word size, not a volume of data
    measured = read_mention(f"{mention.text} {unit}")
    if measured.get("kind") != "quantity":
        return None  # not a unit of measure of the project ("a 3-nanometer process")
    return measured | {"read_with": f"{joined.group()!r} after it: its unit"}


# A negation right before a mention, or before one word and the mention: "can't be more than
# 50%", "cannot exceed", "is not", "do not expect more than 3".
_NEGATION_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:not|never|cannot|(?:can|won|isn|aren|wasn|weren|don|doesn|didn|couldn"
    r"|shouldn|wouldn|mustn|mayn)['’]t)"
    # then "be" or one verb: "can't be more than", "do not expect more than", "did not rise"
    # (not "only", "just", "all", "every" ...: "not all 50 states" denies the "all", not the 50)
    r"(?:[ \t]+(?:to[ \t]+be"
    r"|(?!(?:only|just|least|even|all|every|each|quite|so|too|many|much)\b)[^\W\d_]+))?[ \t]+$",
    re.IGNORECASE,
)
_FLIPPED_BOUNDS = {"lower": "upper", "upper": "lower"}


def _negated(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> str | None:
    """Why a figure after a negation is refused ("isn't 50%", "not about 5%"); None where
    there is none, or where the negation turns a bound over ("can't be more than 50%" is at
    most 50%, which :func:`_read` reads as such: see ``_turned_bound``)."""
    if _NEGATION_BEFORE_RE.search(text, max(floor, mention.start - 25), mention.start) is None:
        return None
    if reading.get("bound") in _FLIPPED_BOUNDS and reading.get("value") is None:
        return None
    return (
        f"a negation right before {mention.text!r} denies the figure rather than stating it; "
        f"{vocab.REFUSAL_ADVICE}"
    )


def _turned_bound(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> None:
    """Turn over, in place, a bound after a negation: "can't be more than 50%" (lower 50) is
    at most 50% (upper 50), "never below 5%" at least 5%; ``read_with`` names the negation."""
    negation = _NEGATION_BEFORE_RE.search(text, max(floor, mention.start - 25), mention.start)
    if negation is None or reading.get("bound") not in _FLIPPED_BOUNDS:
        return
    low, high = reading.get("low"), reading.get("high")
    reading.update(bound=_FLIPPED_BOUNDS[reading["bound"]], low=high, high=low)
    reading["read_with"] = f"{negation.group().strip()!r} before it: a negation"


# A count joined by a hyphen to the thing it counts, the two before a noun they qualify: "a
# 492-question test set", "the 2,000-page report", "a 10,000-GPU cluster". Only things counted
# one by one (units such as "acre" or "cent", spans of time and every other word keep the
# refusal of a number joined to words), and only a whole number.
_MODIFIER_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:a|an|the|its|their|his|her|our|this|that|each|every)[ \t]+$", re.IGNORECASE
)
_MODIFIER_AFTER_RE = re.compile(r"-(?P<noun>[a-z]+|[GTCN]PU)(?![\w-])(?=[ \t]+[^\W\d_])")
# A plain plural noun (lower case, not "-ss"/"-us"/"-is"), maybe after one or two adjectives.
_PLURAL_AFTER_RE = re.compile(
    r"(?:[ \t]+(?-i:[a-z][a-z'-]*)){0,2}?[ \t]+(?P<noun>(?-i:[a-z]{2,}[^su\W\d_]s))(?![\w'’-])"
)


def _plural_counted_after(text: str, end: int) -> bool:
    """Whether a plain plural noun that is no unit or currency follows at ``end`` ("75-million
    parcels", "410-million hot meals"): what a scale joined by a hyphen counts."""
    found = _PLURAL_AFTER_RE.match(text, end)
    if found is None:
        return False
    read = read_mention(f"2 million {found.group('noun')}")
    return (
        read.get("unit") == "count"
        and "refusal" not in read
        and not (_UNIT_PLURAL_RE.fullmatch(found.group("noun")))
    )


_UNIT_PLURAL_RE = re.compile(
    r"(?:years|months|weeks|days|hours|minutes|seconds|points|times|tonnes|tons|barrels|miles"
    r"|acres|litres|liters|gallons|ounces|metres|meters|kilometres|kilometers|units|shares)",
    re.IGNORECASE,
)
_COUNTED_MODIFIERS = frozenset(
    {"question", "page", "member", "person", "seat", "chip", "GPU", "TPU", "CPU", "NPU"}
    | {"server", "node", "core", "layer", "model", "country", "nation", "company", "firm"}
    | {"employee", "worker", "engineer", "researcher", "judge", "story", "storey", "floor"}
    | {"robot", "satellite", "patent", "paper", "item", "task", "benchmark", "language"}
    | {"city", "state", "school", "user", "step", "stage", "rack", "card", "machine"}
    | {"accelerator", "processor", "parameter", "token", "player", "team", "lab", "plant"}
)


def _count_as_modifier(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A count joined by a hyphen to what it counts, the two qualifying a noun after them ("a
    492-question test set"): read as that count, ``read_with`` naming the thing; else None."""
    if reading["kind"] != "count":
        return None
    joined = _MODIFIER_AFTER_RE.match(text, mention.end)
    if joined is None or not _MODIFIER_BEFORE_RE.search(text, floor, mention.start):
        return None
    if joined.group("noun") not in _COUNTED_MODIFIERS or not float(reading["value"]).is_integer():
        return None
    return reading | {"read_with": f"{joined.group()!r} after it: what it counts"}


def _words_left_out(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> str | None:
    """Why the words right around a mention, which it did not take in, change its reading:
    "than" before it ('cost "much more" than $100 million'), a unit after a count ("2.79M
    hours"), "of" after "one" ("one of the most widely used"), a word of rank before a count
    ("the top four"), "tops" after it ("$5 million, tops"); else None."""
    quoted = _HEDGE_THEN_QUOTE_RE.search(text, max(0, mention.start - 40), mention.start)
    if quoted is not None:
        return (
            f"{quoted.group('hedge')!r} before the quotation mark that opens {mention.text!r} "
            f"is a hedge outside the quoted words, which the mention does not hold; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    than = _THAN_RE.search(text, max(floor, mention.start - 40), mention.start)
    if than is not None:
        return (
            f"{text[than.start() : mention.start].strip()!r} before it compares with words "
            f"the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if _RANGE_DASH_AFTER_RE.match(text, mention.end) or _RANGE_DASH_BEFORE_RE.search(
        text, max(floor, mention.start - 2), mention.start
    ):
        return (
            f"{mention.text!r} is one end of a range written with a dash, which the mention "
            f"does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if (other := _other_money(text, mention, floor) or _chained(text, mention)) is not None:
        return other
    if reading["kind"] == "count" and _is_version(text, mention, floor):
        return (
            f"{mention.text!r} right after a name may be a version ('Llama 3', 'Claude 3.5'), "
            f"not a count; {vocab.REFUSAL_ADVICE}"
        )
    if (compared := _compared_or_listed(text, mention, reading)) is not None:
        return compared
    if (joined := _run_together(text, mention, reading, floor)) is not None:
        return joined
    if _TOPS_AFTER_RE.match(text, mention.end):
        return (
            f"'tops' after {mention.text!r} makes it an upper bound ('$5 million, tops'), a "
            f"word the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if _HYPHEN_AFTER_RE.match(text, mention.end):
        compound = text[mention.end :].split(None, 1)[0] if text[mention.end :].strip() else ""
        return (
            f"the number is joined to the words after it ({mention.text + compound!r}), "
            f"which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    kind = "a growth factor each year" if reading["unit"] == "fold" else "a rate"
    if after_year := _PER_YEAR_AFTER_RE.match(text, mention.end):
        return (
            f"{after_year.group().strip()!r} after it makes {mention.text!r} {kind}, which "
            f"the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if reading["kind"] == "money" and (price := _price_per_unit(text, mention)) is not None:
        return price
    yearly = _PER_YEAR_RE.search(mention.text)
    is_yearly = reading["kind"] != "rate" and yearly is not None
    rated = ("percent", "percentage_point", *vocab.PER_YEAR_UNITS.values())
    if is_yearly and reading["unit"] not in rated:
        return (
            f"{mention.text!r} is {kind} (per year), for which the project has no unit; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    if yearly is not None and yearly.group("times") and reading["kind"] == "rate":
        clause = text[floor : mention.start]
        starts = [m.end() for m in _CLAUSE_START_RE.finditer(clause)]
        words = {w.casefold() for w in _WORD_RE.findall(clause[starts[-1] if starts else 0 :])}
        words |= {w.casefold() for w in _WORD_RE.findall(mention.text)}
        growth = words & (_GROWTH_VERBS | set(vocab.CHANGE_VERBS))
        if growth:
            return (
                f"{mention.text!r} after {sorted(growth)[0]!r} (a verb of change the mention "
                f"does not hold) may count how often it changed each year, or be a growth "
                f"factor each year; {vocab.REFUSAL_ADVICE}"
            )
    return _count_left_out(text, mention, reading, floor)


def _count_left_out(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> str | None:
    """Why a count's reading is wrong by the words around it: a fraction and no unit, a ratio
    named earlier, a unit after it (maybe after a name), "one of"; else None."""
    if reading["kind"] == "count" and reading["unit"] == "count":
        numbers = [reading[name] for name in ("value", "low", "high") if reading[name]]
        if any(number != int(number) for number in numbers):  # "only 2.9", "36.66"
            return (
                f"{mention.text!r} has a fraction and no unit: not a count of things (a ratio, "
                f"a score, a version?); {vocab.REFUSAL_ADVICE}"
            )
        is_bare = _NOTHING_COUNTED_RE.match(text, mention.end) or _CLAUSE_END_RE.match(
            text, mention.end
        )
        if is_bare and (score := _SCORE_BEFORE_RE.search(text, floor, mention.start)):
            return (
                f"{mention.text!r} after {score.group().strip()!r} is a score, whose scale (a "
                f"percentage, points of a test) the words do not give; {vocab.REFUSAL_ADVICE}"
            )
        if _OUT_OF_BEFORE_RE.search(text, floor, mention.start):
            return (
                f"'out of' before {mention.text!r} makes it the top of a scale ('out of 10'), "
                f"not a count; {vocab.REFUSAL_ADVICE}"
            )
        if ratio := _RATIO_BEFORE_RE.search(text, floor, mention.start):
            return (
                f"{ratio.group().strip()!r} earlier in its sentence: a ratio, which has no "
                f"unit in the project; {vocab.REFUSAL_ADVICE}"
            )
    after = _NEXT_WORD_RE.match(text, mention.end)
    if after is None or reading["kind"] != "count":
        return None
    # a name may stand between a count and its unit: "5M GPU hours", "2,000 H100 hours"
    unit = after if is_unit_word(after.group(1)) else _NAMED_UNIT_RE.match(text, mention.end)
    if unit is None or not is_unit_word(unit.group(1)):
        unit = _HYPHENATED_UNIT_RE.match(text, mention.end)
    if unit is not None and is_unit_word(unit.group(1)):
        return (
            f"the unit {unit.group(1)!r} after it is not in the mention's words; "
            f"{vocab.REFUSAL_ADVICE}"
        )
    if after.group(1).casefold() == "of" and mention.text.casefold() == "one":
        return "'one of' picks out a member of a group, not a quantity"
    return None


def _read_year(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> dict[str, Any]:
    """A number written as a year is a count where a counted noun follows it, maybe after a
    name ("2048 GPUs", "2048 NVIDIA H800 GPUs"), and no word of time stands before it ("in
    2048", "by 2030 chips will ..."); else it stays a year to exclude."""
    counted = _COUNTED_AFTER_RE.match(text, mention.end)
    if counted is None or _TIME_BEFORE_RE.search(text, floor, mention.start):
        return reading
    noun = counted.group("noun")
    return read_mention(f"{mention.text} {noun}") | {
        "read_with": f"the counted noun {noun!r} after it: a count, not a year"
    }


# "those" or "these" with words after it that say who they are ("13% of those with up to two
# years' experience", "40% of those who use it"): the whole is named there, not earlier.
_DEFINED_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:who|whom|whose|with|without|aged|under|over|between|among|in|at|from"
    r"|[^\W\d_]+ing|[^\W\d_]+ed)\b|\d)[^,;:.()\[\]—–\n]*",
    re.IGNORECASE,
)
# Where the words that name a whole end: at a verb of saying, being or doing after them ("those
# with a high school diploma or less | said the same").
_WHOLE_END_RE = re.compile(
    r"[ \t]+(?:said|say|says|saying|reported|reporting|report|reports|were|was|are|is|have|has"
    r"|had|do|did|does|think|thinks|thought|believe|believed|expect|expected|kept|keep)\b.*"
    r"|[ \t]+(?:and|or)[ \t]+\d.*",
    re.IGNORECASE,
)
_THOSE_RE = re.compile(r"[ \t]+of[ \t]+(?:those|these)\b", re.IGNORECASE)


def _whole_defined_after(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """A share "of those" or "of these" whose whole the words right after the pronoun name
    ("13% of those with up to two years' experience"): the reading with that whole; else None
    (a share "of them", "of that" is of a whole named earlier, refused)."""
    if reading.get("kind") != "percent":
        return None
    whole_words = reading.get("whole", "").casefold().split()
    if whole_words[:1] in (["those"], ["these"]):  # "of those", "of those holding"
        pronoun_end = mention.start + mention.text.casefold().rindex(whole_words[0]) + 5
    elif those := _THOSE_RE.match(text, mention.end):
        pronoun_end = those.end()
    else:
        return None
    defined = _DEFINED_AFTER_RE.match(text, pronoun_end)
    if defined is None or _the_clause_verb_after(text, mention, defined.group()):
        return None
    words = _WHOLE_END_RE.sub("", defined.group()).rstrip()
    whole = text[pronoun_end - 5 : pronoun_end].strip() + words
    return reading | {
        "whole": whole,
        "read_with": f"{words.strip()!r} after it: its whole",
    }


# "the" and a noun that stands for a figure named earlier, with no "of" after it: "half the
# figure seen last spring", "a third the pace" (not "half the number of workers").
_FIGURE_NAMED_EARLIER_RE = re.compile(
    rf"[ \t]+the[ \t]+(?P<noun>(?:{'|'.join(vocab.FIGURE_NAMED_EARLIER_NOUNS)})s?)"
    # "of" and a year after it dates the figure ("a quarter the rate of 2019"); any other "of"
    # names a whole ("half the number of workers")
    r"(?![\w-])(?![ \t]+of(?![\w-])(?![ \t]+(?:19|20)\d\d(?![\w-])))",
    re.IGNORECASE,
)


def _fraction_of_a_figure_named(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a fraction in words before "the" and a noun that stands for a figure named earlier
    ("a pace half the figure seen last spring") is refused: a ratio of two figures, one not
    given, as a share of "that" or "them" is; else None."""
    named = _FIGURE_NAMED_EARLIER_RE.match(text, mention.end)
    if reading["kind"] != "percent" or named is None or re.search(r"\d", mention.text):
        return None
    return (
        f"{mention.text!r} is a fraction of {named.group('noun')!r}, a figure named earlier and "
        f"not given: a ratio of two figures; {vocab.REFUSAL_ADVICE}"
    )


def _the_clause_verb_after(text: str, mention: Mention, defined: str) -> bool:
    """Whether the word in "-ed" right after "of these/those" is the verb of the clause the
    mention opens ("Of the 400 firms, a quarter of these closed last year."), not words naming
    the whole ("a quarter of those surveyed said"): nothing but the mention stands in its
    clause before it, and no other verb follows in its clause."""
    if not re.match(r"[ \t]+[^\W\d_]+ed\b", defined) or _WHOLE_END_RE.search(defined):
        return False
    if any(is_past_tense(word) for word in defined.split()[1:]):
        return False  # "those surveyed in May backed the plan"
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, 0, mention.start)]
    return not text[starts[-1] if starts else 0 : mention.start].strip()


def _within_of(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why "within N of <thing>" is refused ("within 2 percent of target", "within $2 million
    of budget"), whether or not the mention holds "of <thing>": N is the gap to that thing, no
    bound on the figure; else None (a span of time "within five years of launch" is left to
    the duration rules)."""
    if reading.get("qualifier") != "within" or reading["kind"] == "duration":
        return None
    if not (_WORDS_THEN_OF_AFTER_RE.match(text, mention.end) or reading.get("whole")):
        return None
    return (
        f"{mention.text!r}: 'within' a figure 'of' a thing gives the gap to that thing, not a "
        f"bound on the figure; {vocab.REFUSAL_ADVICE}"
    )


# "of which" or "of whom" right after a share that follows a comma ("400 clinics, about 60%
# of which sit in the north"): the share's whole is what the clause before the comma names.
_OF_WHICH_AFTER_RE = re.compile(r"[ \t]+of[ \t]+(?:which|whom)(?![\w-])", re.IGNORECASE)
_COMMA_BEFORE_RE = re.compile(r",[ \t]*$")


def _of_which_after_a_comma(text: str, mention: Mention) -> bool:
    """Whether ``mention`` follows a comma and "of which"/"of whom" follows it."""
    comma = _COMMA_BEFORE_RE.search(text, max(0, mention.start - 4), mention.start)
    return comma is not None and _OF_WHICH_AFTER_RE.match(text, mention.end) is not None


def _compared_or_listed(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why words after a mention make its reading wrong: an amount compared with one named
    after "than", a list whose unit is written after its last number, a duration range
    written with "to", a share of a whole written earlier ("a third of that"); else None."""
    first_word = (reading.get("whole", "").split() or [""])[0].casefold()
    of_pronoun = _OF_PRONOUN_RE.match(text, mention.end)
    aside = _ASIDE_BEFORE_RE.search(text, max(0, mention.start - 80), mention.start)
    if aside and _ASIDE_THAN_AFTER_RE.match(text, mention.end):
        return (  # "2 million more – about 7 percent – than 2019": a restated difference
            f"{mention.text!r} stands in an aside between {aside.group('comparative')!r} and "
            f"'than': it restates the difference in other terms, which the words do not "
            f"settle as a change or a gap; {vocab.REFUSAL_ADVICE}"
        )
    if reading["kind"] == "percent" and (first_word in _PRONOUNS or of_pronoun):
        if _whole_defined_after(text, mention, reading) is not None:
            return None  # "13% of those with up to two years' experience"
        if _of_which_after_a_comma(text, mention):
            return None  # "400 clinics, about 60% of which": a share of what the clause names
        return (
            f"{mention.text!r} is a share of a whole named earlier ('of that', 'of them'), "
            f"which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    named = _fraction_of_a_figure_named(text, mention, reading)
    named = named or _within_of(text, mention, reading)
    if named is not None:
        return named
    is_amount = reading["unit"] not in ("fold", "percent", "percentage_point")
    than = _THAN_LATER_RE.match(text, mention.end) or _THAN_PAST_ASIDE_RE.match(text, mention.end)
    comparative = _COMPARATIVE_END_RE.search(mention.text) or _COMPARATIVE_AFTER_RE.match(
        text, mention.end
    )
    if is_amount and comparative and than:
        return (
            f"{mention.text!r} is a difference from an amount named after "
            f"{than.group().strip()!r}, which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if (
        reading["kind"] in ("count", "change")
        and reading["unit"] == "count"
        and (said := _unit_written_later(text, mention))
    ):
        return said
    if reading["kind"] == "duration" and _TO_DURATION_RE.match(text, mention.end):
        return (
            f"{mention.text!r} is one end of a range written with 'to' whose other end has "
            f"its own unit, which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    return None


def _run_together(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> str | None:
    """Why the characters right at a mention's edges make its reading wrong: a scale word run
    into the next word, a slash it does not span, a span of time that dates another figure
    ("over the next five years", "three years earlier"); else None."""
    if inserted := _BRACKETED_AFTER_RE.match(text, mention.end):
        return (
            f"words in square brackets after it ({inserted.group().strip()!r}: an editor's "
            f"insertion) may give its scale or unit; {vocab.REFUSAL_ADVICE}"
        )
    if _PLUS_MINUS_AFTER_RE.match(text, mention.end) or _PLUS_MINUS_BEFORE_RE.search(
        text, max(floor, mention.start - 16), mention.start
    ):
        return (
            f"'±' next to {mention.text!r} gives a tolerance, which the mention does not "
            f"hold; {vocab.REFUSAL_ADVICE}"
        )
    if glued := _GLUED_SCALE_AFTER_RE.match(text, mention.end):
        return (
            f"a scale word run into the next word ({glued.group().strip()!r}) after it, which "
            f"the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if (apart := _SCALE_LETTER_APART_RE.match(text, mention.end)) and mention.text[-1:].isdigit():
        return (
            f"a scale letter standing apart after it ({apart.group().strip()!r}: thousands, "
            f"millions or billions?), which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if _SLASH_AFTER_RE.match(text, mention.end) or _SLASH_BEFORE_RE.search(
        text, max(floor, mention.start - 2), mention.start
    ):
        return (
            f"{mention.text!r} is part of a number written with a slash (a fraction such as "
            f"'1/100th', or a date), which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        )
    if reading["kind"] == "duration":
        return _dating_span(text, mention, reading, floor) or _unknown_word_before_span(
            text, mention, floor
        )
    return None


# "from X to Y", then "and then to Z" or ", to Z": a third level, so a chain.
_FROM_TO_IN_RE = re.compile(r"(?<![\w-])from[ \t]+\S.*?[ \t]to[ \t]", re.IGNORECASE)
_CHAIN_AFTER_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:and[ \t]+)?(?:then[ \t]+)?to[ \t]+(?:[^\W\d_]+[ \t]+)?[$€£¥]?\d",
    re.IGNORECASE,
)


def _chained(text: str, mention: Mention) -> str | None:
    """Why "from X to Y" followed by "and then to Z" is refused: a chain of levels, not one
    change nor a pair ("from 1.2 to 6.4 and then to 17"); else None."""
    if not _FROM_TO_IN_RE.search(mention.text) or not _CHAIN_AFTER_RE.match(text, mention.end):
        return None
    return (
        f"{mention.text!r} goes on to a third level after it: 'from X to Y to Z' is a chain of "
        f"levels, not one change; {vocab.REFUSAL_ADVICE}"
    )


def _is_version(text: str, mention: Mention, floor: int) -> bool:
    """Whether a bare number follows a capitalised name that does not start its sentence
    ("trained Llama 3 on", "released Claude 3.5 Opus"), so may name a version."""
    if not re.fullmatch(r"\d+(?:\.\d+)?", mention.text):
        return False
    before = text[floor : mention.start]
    name = _NAME_BEFORE_RE.search(before)
    if name is None or not before[: name.start()].strip():
        return False
    return not _MONTH_BEFORE_RE.search(before) and name.group(1) not in ("I",)


def _is_day_of_month(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is a bare day of the month, or a span of days: one or two digits
    from 1 to 31 ("4-9": the first no later than the second) right after a month's name
    ("April 7", "Jan. 15", "Oct. 4-9") or right before one ("7 April", "15th of March")."""
    days = _DAY_RE.fullmatch(mention.text)
    if days is None or not 1 <= int(days.group(1)) <= int(days.group(2) or 31) <= 31:
        return False
    # The month may stand before the sentence's start as this module splits it ("Jan. 15").
    before = text[max(0, mention.start - 12) : mention.start]
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(text, mention.end):
        return True
    return _day_listed(text, mention)


# A verb of passing a level (vocab.QUALIFIERS) before a count with a word after it: the things
# passed ("crosses 3 rivers") or a level passed ("crossed 100 million users")?
_CROSSING = frozenset({"cross", "crossed", "crossing", "crosses"})
_FUNCTION_WORD_AFTER_RE = re.compile(
    r"[ \t]*(?:[,;:.)!?—–]|$|(?:in|on|by|at|for|last|this|next|after|before|since|and|or|but|"
    r"as|to|from|within|during|ago|earlier|already|so|far)\b)",
    re.IGNORECASE,
)


def _things_crossed(mention: Mention, reading: dict[str, Any], text: str) -> str | None:
    """Why a count after "crossed" with a noun after it is refused: it may count the things
    crossed ("crosses 3 rivers") rather than pass a level; else None."""
    if reading["kind"] != "count" or (reading["qualifier"] or "").casefold() not in _CROSSING:
        return None
    if _FUNCTION_WORD_AFTER_RE.match(text, mention.end):
        return None
    return (
        f"{mention.text!r} may count the things crossed or pass a level (what follows is "
        f"counted); {vocab.REFUSAL_ADVICE}"
    )


# A mark passed, the verb after it ("the $1 trillion threshold will be crossed"): the amount is
# a bound, as in "crossed the $1 trillion threshold".
_MARK_PASSED_AFTER_RE = re.compile(
    r"[ \t]+(?:mark|threshold|barrier|milestone|level|line)(?:[ \t]+(?:will|would|could|may|"
    r"might|has|have|had|was|were|is|are|be|been|being|already|finally|soon|likely|to|not|"
    r"never)){0,4}[ \t]+(?P<verb>crossed|passed|topped|surpassed|exceeded|breached|broken|"
    r"cleared)\b",
    re.IGNORECASE,
)


def _mark_passed_later(text: str, mention: Mention) -> str | None:
    """Why an amount named as a mark that a verb after it passes is refused ("the $1 trillion
    threshold will be crossed"): the bound is the verb's; else None."""
    if (passed := _MARK_PASSED_AFTER_RE.match(text, mention.end)) is None:
        return None
    return (
        f"{passed.group('verb')!r} after {mention.text!r} makes it a bound (a mark passed: "
        f"more or less than it), which the mention does not hold; {vocab.REFUSAL_ADVICE}"
    )


# "within N" and up to two plain words before "of" ("within 20 stores of its goal"): the gap
# to that thing, as "within N of <thing>" is (docs/annotations.md, "Shapes settled after review")
_WORDS_THEN_OF_AFTER_RE = re.compile(
    r"(?:[ \t]+(?!of(?![\w-]))[^\W\d_][\w'’-]*){0,2}?[ \t]+of(?![\w-])", re.IGNORECASE
)


# Guards carried across a list, an article or a possessive, and a colon label: the later items
# of a list keep the test the first item passes (docs/annotations.md, "A guard holds across a
# list, an article and a label").


def _day_listed(text: str, mention: Mention) -> bool:
    """Whether a bare 1-31 closes a list of days whose first is a day of the month ("between
    June 8 and 9", "on May 3, 4 and 5"): the later days are days too."""
    if not re.fullmatch(r"\d{1,2}", mention.text) or not 1 <= int(mention.text) <= 31:
        return False
    head = list_head_start(text, mention.start, ("and", "or", "until", "through"))
    first = re.match(r"\d{1,2}(?!\d)", text[head : mention.start])
    if head == mention.start or first is None or not 1 <= int(first.group()) <= 31:
        return False
    return bool(_MONTH_BEFORE_RE.search(text[max(0, head - 12) : head]))


# an age after "the age(s) of", or the far end of "the ages of 30 and 59"
_AGE_OF_BEFORE_RE = re.compile(
    r"(?<![\w-])ages?[ \t]+of[ \t]+(?:\d{1,3}[ \t]*(?:and|to|through|or|-|–)[ \t]*)?$",
    re.IGNORECASE,
)
_YEARS_OLD_AFTER_RE = re.compile(r"[ \t]+(?:old|of[ \t]+age)(?![\w-])", re.IGNORECASE)


def _an_age_past_of(text: str, mention: Mention, reading: dict[str, Any]) -> bool:
    """A count after "the age(s) of" ("the ages of 30 and 59": both ends), or years followed
    by "old" or "of age" ("between 18 and 29 years old")."""
    if reading.get("unit") == "year" and _YEARS_OLD_AFTER_RE.match(text, mention.end):
        return True
    before = text[max(0, mention.start - 30) : mention.start]
    return reading.get("unit") == "count" and _AGE_OF_BEFORE_RE.search(before) is not None
