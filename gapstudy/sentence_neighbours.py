"""Words beside the figure: a word touching it, a word right next to it that changes its reading,
and a word a step further off that settles its kind; the reading of a mention's own words with
them.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`);
its rules are in docs/annotations.md under "Numbers a draft meets (read, exclude or refuse)"
(among them "A word touching the figure, in every shape the figure takes", "Words one step from
their figure" and "Words a step further off").
"""

from __future__ import annotations

import re
from typing import Any

from gapstudy import vocab
from gapstudy.figures import read_mention
from gapstudy.mentions import Mention, find_mentions, is_year
from gapstudy.sentence_changes import _raise_noun_after, _small_move_by
from gapstudy.sentence_nonquantity import (
    _COMMA_BEFORE_RE,
    _bound_the_lists_lack,
    _of_which_after_a_comma,
)
from gapstudy.sentence_prices import (
    _hedge_before_a_currency_word,
    _money_with_no_currency,
    _per_across_a_short_name,
    _per_in_a_pairs_subject,
    _price_pointed_back_at,
)
from gapstudy.sentence_spans import _density_far, _over_after_in, _range_priced_or_period
from gapstudy.sentence_words import (
    _CHANGE_NOUN_FORMS,
    _CLAUSE_BREAK_RE,
    _read_with_words,
    _sentence_span,
    _words_re,
)

# a frequency right after a span of time: "four days a week" counts occasions, not a duration
_FREQUENCY_AFTER_RE = re.compile(
    r"[ \t]+(?:a|an|per|each|every)[ \t]+(?:day|week|fortnight|month|quarter|year)(?![\w-])",
    re.IGNORECASE,
)
# a scale letter, apart, right after a figure ending in a digit: "$7-9 k"
_SCALE_LETTER_AFTER_RE = re.compile(r"[ \t]+(?P<letter>[kK]|[mM]n?|[bB]n?)(?![\w'’-])")
# a fiscal year's short label before "N-N" or "N/N": "FY 22-23", "fiscal year 2023/24"
_FISCAL_LABEL_BEFORE_RE = re.compile(r"(?<![\w-])(?:FY|fiscal[ \t]+years?)[ \t]*'?$", re.IGNORECASE)
_TWO_YEARS_RE = re.compile(r"\d{2,4}[ \t]*[-–/][ \t]*\d{2,4}")


def _word_touching_the_figure(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """A reading, refusal or exclusion that a word touching the figure gives and the figure's
    own words do not hold: "per <noun>" in the subject of a pair of levels of money, or before
    an amount across a bracketed short name; a hedge before a currency word; a frequency after
    a span of time; a scale letter after the figure; a fiscal year's label. None elsewhere."""
    if "levels" in reading:
        return _per_in_a_pairs_subject(text, mention, reading)
    if "kind" not in reading:
        return None
    if _TWO_YEARS_RE.fullmatch(mention.text) and _FISCAL_LABEL_BEFORE_RE.search(
        text, max(0, mention.start - 20), mention.start
    ):
        return {"exclusion": vocab.YEAR_REASON}
    if (reason := _bound_the_lists_lack(text, mention, reading)) is not None:
        return {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    if mention.text[-1:].isdigit() and (letter := _SCALE_LETTER_AFTER_RE.match(text, mention.end)):
        return {
            "refusal": f"{letter.group('letter')!r} right after {mention.text!r} may be its scale "
            f"(thousands, millions), which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        }
    if reading["kind"] == "duration" and (often := _FREQUENCY_AFTER_RE.match(text, mention.end)):
        return {
            "refusal": f"{often.group().strip()!r} after {mention.text!r} makes it how often, "
            f"not how long; {vocab.REFUSAL_ADVICE}"
        }
    if reading["kind"] in ("count", "money", "percent") and (
        moved := _small_move_by(text, mention)
    ):
        return moved
    if reading["kind"] == "percent" and (raise_ := _raise_noun_after(text, mention)):
        return reading | {"kind": "change", "read_with": f"{raise_!r} after it"}
    if reading["kind"] == "money" and (reason := _price_pointed_back_at(text, mention)):
        return {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    if reading["kind"] == "money":
        return _hedge_before_a_currency_word(text, mention, reading) or _per_across_a_short_name(
            text, mention, reading
        )
    return None


# --- words next to a figure that change it (docs/annotations.md: each beside its kin, e.g. "past"
# with the bounds the mention does not hold, words of doubt with the hedges) ---
# "past" right after a verb (no "the" before it: "the past 12 months" is a period): "surged past
# 40 million euros" is more than that, a bound the mention does not hold.
_PAST_BOUND_BEFORE_RE = re.compile(
    r"(?<![\w-])(?!(?:the|half|quarter|ten|twenty|five)[ \t])[^\W\d_]+[ \t]+past[ \t]+$",
    re.IGNORECASE,
)
# "to <verb> a <unit> of <goods>" after an amount: "spend $4 to grow a kilogram of rice".
_PER_UNIT_OF_GOODS_RE = re.compile(
    r"[ \t]+to[ \t]+[^\W\d_]+[ \t]+(?:a|an|one|each|every)[ \t]+(?P<unit>[^\W\d_]+)[ \t]+of\b",
    re.IGNORECASE,
)


def _neighbour_word(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a reading is refused for a word right next to its figure that changes it and that
    the reading does not hold: "past" after a verb (a bound), "the first two quarters" (a
    period, not a fraction), a noun of money and no currency (money, not a count), "to grow a
    kilogram of" after an amount (a price per that unit); else None."""
    start = max(0, mention.start - 40)
    if reading["kind"] != "duration" and _PAST_BOUND_BEFORE_RE.search(text, start, mention.start):
        return (
            f"'past' before {mention.text!r} makes it a bound (more than it), which the "
            f"mention does not hold"
        )
    if reading["kind"] == "count" and (money := _money_with_no_currency(text, mention)):
        return money
    if reading["kind"] == "money" and (goods := _PER_UNIT_OF_GOODS_RE.match(text, mention.end)):
        return (
            f"{goods.group().strip()!r} after {mention.text!r} makes it a price per "
            f"{goods.group('unit')!r}, which the mention does not hold"
        )
    return None


# "annual" and kin, then one or two plain words before a noun of change that opens the
# mention ("Annual fare increases of 6 percent").
_ANNUAL_APART_RE = re.compile(
    rf"(?<![\w-])(?P<annual>{_words_re(vocab.ANNUAL_WORDS)})[ \t]+"
    r"(?P<nouns>(?:(?!(?:the|a|an|of|in|on|to|for|and|or|with|by|at|from|as|than)\b)"
    r"[^\W\d_][\w'’-]*[ \t]+){1,2})$",
    re.IGNORECASE,
)
# The same with the noun of change further on, before the figure: "Annual fare increases of 4
# or 6 percent" (the "6 percent").
_ANNUAL_APART_EARLIER_RE = re.compile(
    rf"(?<![\w-])(?:{_words_re(vocab.ANNUAL_WORDS)})[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+){{1,2}}"
    rf"(?:{_words_re(_CHANGE_NOUN_FORMS)})(?![\w-])[^,;:.!?()]*$",
    re.IGNORECASE,
)
# "annual" and kin before "run rate" earlier in the clause of an amount of money ("an annual
# revenue run rate of $5 billion", "Its annualized run rate topped $5 billion"): a flow a year.
_RUN_RATE_EARLIER_RE = re.compile(
    rf"(?<![\w-])(?:{_words_re(vocab.ANNUAL_WORDS)})[ \t]+(?:[^\W\d_][\w-]*[ \t]+)?"
    r"run[ \t-]+rate(?![\w-])[^,;:.!?()\d$€£¥]{0,40}$",
    re.IGNORECASE,
)


# A noun of change, singular or plural, and its singular ("increases": "increase").
_CHANGE_NOUN_SINGULAR = {
    **{noun: noun for noun in vocab.CHANGE_NOUNS},
    **{vocab.noun_plural(noun): noun for noun in vocab.CHANGE_NOUNS},
}


def _settled_further(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A reading whose kind is settled by a word further from the figure than the readers
    above look (docs/annotations.md, "Words a step further off"): a density named earlier,
    "annual" with nouns before the noun of change, "in the N range", a level priced per a
    unit after "to", "N years of <change>". The reading that word makes, or its refusal;
    else None."""
    reason = _density_far(text, mention, reading, floor) or _range_priced_or_period(
        text, mention, reading, floor
    )
    if reason is not None:
        return {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    before = text[floor : mention.start]
    run_rate = _RUN_RATE_EARLIER_RE.search(before)
    if run_rate and reading["kind"] == "money" and reading.get("unit") in vocab.PER_YEAR_UNITS:
        unit = vocab.PER_YEAR_UNITS[reading["unit"]]
        return reading | {"unit": unit, "read_with": f"{run_rate.group().strip()!r} before it"}
    if reading["kind"] != "change" or reading.get("unit") != "percent":
        return None
    apart = _ANNUAL_APART_RE.search(before)
    noun = re.match(r"[^\W\d_]+", mention.text)
    singular = _CHANGE_NOUN_SINGULAR.get(noun.group().casefold()) if noun else None
    if apart and noun and singular:  # "Annual fare increases of 6 percent"
        words = f"{apart.group('annual')} {singular}{mention.text[noun.end() :]}"
        return _read_with_words(words, f"{apart.group().strip()!r} before it")
    if _ANNUAL_APART_EARLIER_RE.search(before):
        return {
            "refusal": f"'annual' before the noun of change of {mention.text!r}, with words "
            f"between, may make it a rate a year; {vocab.REFUSAL_ADVICE}"
        }
    return None


# A year after a prefix that dates it ("end-2019", "mid-2020", "pre-2020"): a year.
_DATED_YEAR_RE = re.compile(r"(?<![\w-])(?:pre|post|mid|end|early|late)-(?:19|20)\d\d$", re.I)
# A currency sign written after a bare number, with its unit: "0.05 $/kWh", "0.8 ¥/kWh".
_SIGN_PER_UNIT_AFTER_RE = re.compile(r"[ \t]*(?P<sign>[$€£¥])[ \t]*/[ \t]*(?P<unit>[^\W\d_][\w-]*)")
_BARE_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _own_words_read(text: str, mention: Mention, floor: int) -> dict[str, Any]:
    """The normaliser's reading of the mention's words, with what a word right beside them
    settles: "over" after "in" is a bound (:func:`_over_after_in`); a year after a prefix that
    dates it ("end-2019") is a year; a currency sign and a unit
    after a bare number ("0.05 $/kWh") are a price per that unit, read as "$0.05/kWh"."""
    if (over := _over_after_in(text, mention, floor)) is not None:
        return over
    if _DATED_YEAR_RE.search(mention.text):
        return {"exclusion": vocab.YEAR_REASON}  # "by end-2019", "pre-2020 levels"
    per = _SIGN_PER_UNIT_AFTER_RE.match(text, mention.end)
    if per is None or not _BARE_NUMBER_RE.fullmatch(mention.text):
        return read_mention(mention.text)
    priced = read_mention(f"{per.group('sign')}{mention.text}/{per.group('unit')}")
    if priced.get("kind") != "price":
        return {
            "refusal": f"{per.group().strip()!r} after {mention.text!r} is a price per a unit "
            f"the project does not have; {vocab.REFUSAL_ADVICE}"
        }
    return priced | {"read_with": f"{per.group().strip()!r} after it"}


# --- a word of sign right before a figure (docs/annotations.md, "Shapes settled after review") ---
_SIGN_WORD_RIGHT_BEFORE_RE = re.compile(r"(?<![\w-])(?P<word>negative|minus)[ \t]+$", re.IGNORECASE)


def _sign_word_before(text: str, mention: Mention) -> str | None:
    """Why a figure right after "negative" or "minus", which its mention does not hold, is
    refused: the word gives its sign ("equivalent to negative 2% of sales", "growth of minus
    2%"), and the figure alone would read as positive; else None."""
    if mention.text[:1] in "-−–":
        return None
    word = _SIGN_WORD_RIGHT_BEFORE_RE.search(text, max(0, mention.start - 12), mention.start)
    if word is None:
        return None
    return (
        f"{word.group('word')!r} right before {mention.text!r} gives its sign, which the "
        f"mention does not hold"
    )


# a plural word right before "within N" that the mention took in: "declines within 3 firms"
_PLURAL_BEFORE_WITHIN_RE = re.compile(r"(?P<noun>[^\W\d_]+s)[ \t]+within(?![\w-])", re.IGNORECASE)


def _nouns_before_within(mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a change whose mention opens on a plural noun of change and "within" ("Declines
    within 3", "increases within 12") is refused: the noun names things that changed, not the
    size of a change that N bounds; else None."""
    if reading.get("qualifier") != "within" or reading.get("kind") != "change":
        return None
    plural = _PLURAL_BEFORE_WITHIN_RE.match(mention.text)
    if plural is None:
        return None
    return (
        f"{plural.group('noun')!r} before 'within' in {mention.text!r} names things that "
        f"changed, not the size of a change that the figure bounds"
    )


# "of which", "of that (total)", "of those", "of them", "of it" right before a percentage (past
# a comma and a hedge the mention holds): a share of a whole named earlier, as "40% of which" is
_WHOLE_NAMED_EARLIER_BEFORE_RE = re.compile(
    r"(?<![\w-])(?P<words>of[ \t]+(?:which|whom|those|these|them|it|that(?:[ \t]+[^\W\d_]+)?))"
    r"[ \t]*,?[ \t]*$",
    re.IGNORECASE,
)


def _words_right_before_refuse(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why words right before a read figure, which its mention does not hold, refuse it: a word
    of sign, a plural noun of change before "within", a whole named earlier; else None."""
    return (
        _sign_word_before(text, mention)
        or _nouns_before_within(mention, reading)
        or _whole_named_earlier_before(text, mention, reading)
    )


def _whole_named_earlier_before(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a percentage right after "of which", "of that total" and kin is refused: it is a
    share of a whole named earlier, which the mention does not hold, as "40% of which" and "a
    third of them" are; else None."""
    if reading.get("kind") != "percent" or "whole" in reading:
        return None
    words = _WHOLE_NAMED_EARLIER_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
    if words is None:
        return None
    return (
        f"{words.group('words')!r} before {mention.text!r} makes it a share of a whole named "
        f"earlier, which the mention does not hold"
    )


# --- a share "of which" (docs/annotations.md, 'A share "of which" is a share of what the
# clause before it names'): a level in percent whose whole is named before the comma ---
_OF_WHICH_RE = re.compile(r"(?<![\w-])of[ \t]+(?:which|whom)[ \t]+$", re.IGNORECASE)
_COMMA_OF_WHICH_RE = re.compile(r",[ \t]*of[ \t]+(?:which|whom)[ \t]+$", re.IGNORECASE)
# a mark between two digits ("900,000", "3.5"): part of a number, no clause break
_DIGITS_APART_RE = re.compile(r"\d[,.]\d")
# the most words a whole with no figure may have to be named by them ("The city budget")
_OF_WHICH_NAME_WORDS = 4


def _share_of_which(text: str, mention: Mention, reading: dict[str, Any]) -> dict[str, Any]:
    """ "$10 billion in funding, of which 40%": a share (percent) with its whole, the figure
    of the clause before the comma with its words, or a name of at most four words; refused
    where nothing is named before it or the clause names no whole close by."""
    if reading.get("kind") != "percent" or "whole" in reading:
        return reading
    start, _ = _sentence_span(text, mention.start, mention.end)
    head = text[start : mention.start]
    share_first = _of_which_after_a_comma(text, mention)  # ", about 60% of which"
    if _OF_WHICH_RE.search(head) is None and not share_first:
        return reading
    comma = _COMMA_OF_WHICH_RE.search(head) or (
        _COMMA_BEFORE_RE.search(head) if share_first else None
    )
    end = start + comma.start() if comma else start
    breaks = [
        m.end()
        for m in _CLAUSE_BREAK_RE.finditer(text, start, end)
        if not _DIGITS_APART_RE.match(text, max(0, m.start() - 1))  # not "900,000"
    ]
    clause = max(breaks, default=start)
    figures = [
        clause + m.start
        for m in find_mentions(text[clause:end])
        if not is_year(m.text) and "exclusion" not in read_mention(m.text)
    ]
    whole = text[figures[-1] if figures else clause : end].strip()
    if whole and (figures or len(whole.split()) <= _OF_WHICH_NAME_WORDS):
        return reading | {"whole": whole}
    named = f"the clause {whole!r} names no whole close by" if whole else "nothing stands there"
    return {
        "refusal": f"a share 'of which' is a share of what comes before it, and {named}; "
        f"{vocab.REFUSAL_ADVICE}"
    }
