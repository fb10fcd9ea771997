"""Stage 3: read a mention in its sentence, where the mention's own words are not enough.

The normaliser (:func:`gapstudy.figures.read_mention`) reads a mention's words alone. Some
words a reading needs stand elsewhere in the sentence, and without them the words alone give a
wrong number with no refusal. :func:`read_in_sentence` looks at the sentence around a mention
and either completes its reading from words that are there, or refuses it; it never guesses:

- A bare figure in a list after a change continues that change ("its stock soaring 239% in
  2023 and 171% in 2024", "expected to increase 16% in 2023 and 12.5% in 2025", "up 25% in
  just one quarter and 66% compared to last year"): it is a change in the same direction.
  Only a figure with nothing of its own around it (no hedge, no words after it but a period)
  continues the list.
- "by N" whose verb stands earlier in the clause ("increased the country's capacity by more
  than 430 gigawatts") is read with that verb. Where the clause holds a word of difference
  instead ("ahead", "lead", "outpaced"), "by N" is the size of the difference, read as
  written. Where it holds neither, it is refused: the words do not say what N is the amount of.
- A change "from X to Y" is read as the two levels the text reports ("from 27% in 2019 to 38%
  in 2022": 27% in 2019 and 38% in 2022, ``{"levels": [...], "level_of": words}``), each a
  verbatim span with its period where the words date it; the change is a number the text does
  not contain, derived from the two figures (derived.yaml). A level whose words alone read
  otherwise than in the change ("from 3 to 5 billion") is refused.
- "from X to Y" with no verb of change in the mention and no period on its ends is a change
  where a verb stands earlier in the clause ("going from 20% to 40%"), a range after a word of
  range ("ranging from 5% to 10%"), and refused where the clause has neither ("accuracy from 0%
  to 100% on the y-axis": a scale, not a change).
- Words right around a mention that it did not take in and that change its reading make a
  refusal: "than" before it ('cost "much more" than $100 million': the bound is split by
  quotation marks), a hedge before a quotation mark that opens the number ('more than "40 chip
  firms"'), a unit after a count ("2.79M hours"), "of" after "one" ("one of the most
  widely adopted": a member of a group, not a quantity), a share of a whole written earlier
  ("a third of that", "half of them"), a unit after a name after a count ("5M GPU hours"), a
  scale word run into the next word ("$5.576 millionIn stark contrast"), a slash the mention
  does not span ("approximately 1/100th"), and a duration that dates another figure: after
  "over the next", "in the past", before "earlier" or "ago", or "within" it after a number in
  its clause (the span another figure is over: its period, not a quantity).
- A count after a word of rank ("the top 10 LLMs", "No. 3") is a rank or the size of a ranked
  group: an exclusion, as a year is. A number written as a year before a counted noun ("2048
  GPUs") is a count, unless a word of time stands before it ("in 2048").
- "double", "triple" after "to" or a modal verb ("set to more than double", "could triple")
  are verbs: a change, where "more than double the number" is a multiplier.
- A bare number naming nothing it counts (at the end of a clause, or before a preposition),
  when the sentence wrote a unit with an earlier number ("seven months behind (sometimes just
  four, sometimes a yawning 14)", "100-200 kilowatts per rack versus 10-20 for traditional
  servers"), is refused: its unit is written once, earlier, and the number alone would read as
  a count. A ratio of two amounts (a multiplier, a relative change: "grew fivefold to 36
  million") writes no such unit. A number in a bracket
  closed before it is an aside and does not count ("200,000 GPUs (each costing about $30,000),
  while ... only around 10,000").
- A day of the month ("April 7", "Jan. 15", "7 April") is a date: an exclusion, as a year is;
  so is a time of day ("07:10").
- The far figure of "down from", "up from" after a comma takes the unit of the figure it is
  compared with ("$0.05 per kWh, down from $0.08": a price per kWh), and is refused where that
  figure's unit is words no reading holds ("$2 an hour, down from above $7"; also after
  "compared with", "versus").
- A list whose unit is written once, after its last figure ("93.1 billion and 71.1 billion
  yuan", "3, 4 or 5 GW", joined by commas, "and", "or", "to", "vs"): each figure with no unit
  of its own takes it; refused where the project lacks the unit, where the figures cannot share
  it (an amount and a percentage), where the scale is written with the last only, and after a
  first figure that holds words before its number ("rose by 18.8, 48.9, and 67.3 percentage
  points": 48.9 is refused, the last is read with the first's verb).
- "N times" after a verb of doing with nothing compared ("downloaded over 600 million times
  globally") counts how often: a count. An amount ending in a comparative with "than" later
  in its clause ("$25.5 billion more in investment than") is refused; a duration followed by
  "to" and another duration ("16 months to two years") is refused; so are "±" beside a number
  (a tolerance), words in square brackets after it ("$2 [billion]"), a bare count with a
  fraction ("36.66") and a bare count after "ratio".
- A number joined by a hyphen to words the mention does not hold ("a five-times-per-year
  rate") and "N times a year" after a verb of growth ("scaled about three times per year": how
  often it grew, or a growth factor each year, and the verb stands outside the mention) are
  refused; so are "per
  year" right after a mention that did not take it in ("5 GW per year"), money per a unit
  the mention does not hold ("$2 per H100-hour"), one end of a range written with a dash
  that the mention does not span ("$100-114 billion"), and a bare number right after a name,
  which may be a version ("Llama 3", "Claude 3.5 Opus").
- "annual" and kin right before a mention that starts with a noun of change ("an annual
  increase of 8%", "grew at an annual rate of 30%") or right after one with a noun of change
  or "rate" ("a 23% compound annual rate", "the 2.3x annual growth") are read with it: a rate a
  year. An amount whose clause says "a year" further on, past words the mention did not take
  in ("$45 billion into capex annually"), is refused; a multiplier there stays a ratio.
- A percentage whose mention ends in a comparative, with "than" (or, after "above"/"below", a
  thing named) right after it, is read with the words to the end of its clause: "10% less than
  the national average" is 0.9 fold (two things at one time), "20% higher than last year" a
  change.
- Numbers that are no quantity are excluded with their reason: a list item's number (digits
  alone at the start of a line, then "." or ")": "3. $15 billion and counting"), an idiom
  ("doubling down", "one-shot"), "double digits" (a vague quantity), a chip maker's process ("7nm",
  "5 nm"), a citation marker ("[4]"), a time of day ("8 am", "12:30"), "half" after an
  ordinal ("the first half of 2025": part of a period).
- A number the mention holds only part of is refused: a thousands comma with a space after it
  ("400, 000": damaged text, kept as written), a hyphen and a space ("12- inch"), two amounts
  joined by "/" ("$0.75/$4.50"), a power of ten written with "^" ("10^25"), an editor's
  bracket ("$2 [billion] to $5 billion"), the amount after "per" or "/" ("per 1M tokens",
  "$3/1M"), an amount per a unit ("4-5 kW per rack", "900GB/s", or a power the clause calls
  a density: "server densities below 10kW").
- Money with "per X" later in its clause, after a list of prices ("$2.50 input and $15.00
  output per 1M tokens", "12 yuan (US$1.77) for every million output tokens"), is a price per
  X: read where the project has its unit ("$0.03 and $0.05 per kWh", with ``read_with``),
  else refused.
- A bare count followed by a preposition rather than what it counts ("versus 10-20 for
  traditional servers") is treated as one at the end of its clause (a unit written earlier).
- A count per a span of time ("500,000 wafer starts per month": a rate) and the far end of a
  "from X <words> to Y" the finder could not join ("from below 20,000 wafer starts per month
  today to roughly 100,000") are refused.
- Who is meant is no quantity: an age or an age group ("adults 65 and up", "employed Americans
  between 18 and 29", a whole number from 16 to 110 between commas after a capitalised name:
  "CEO Mensch, 31, along with") and "one" after a determiner ("the one that", "no one") are
  excluded, as
  is a scale word after a vague word ("several hundred million dollars"). "13% of those with
  up to two years' experience" is a share of the group the words after "those" name.
- Money after a price per a unit in its clause ("cost $20 per million tokens in 2022 and $0.07
  by 2024") is refused; "by N" refused alone is read with its clause's verb of change, and a
  count after a participle of a doer ("powered by 18,000 systems") is a count. "a year" after
  "in", "of", "within" is a span, not a rate; a span right after a figure and "in" ("rose 50% in
  4 years") is that figure's period. A comparison that is all its bracket holds ("(5% more
  jobs)") is refused; a comparative, its measure, then "than" ("40% lower energy use than the
  H100") is read with the words from "than"; "better" or "worse" after a percentage is refused.
- No kind by default (the last step): a bare percentage with no word of its own before it
  (after "and", "or", a comma or a bracket) that would be read as a level in a sentence where
  another figure reads as a change is refused (:func:`_kind_by_default`).
"""

from __future__ import annotations

import re
from typing import Any

from gapstudy import vocab
from gapstudy.figures import POINTS_SCALE_REASON, read_mention
from gapstudy.mentions import Mention, find_mentions, is_modifier, is_year
from gapstudy.sentence_changes import (
    _as_levels,
    _beat_an_earlier_time,
    _by_a_means,
    _by_the_doer,
    _change_every_span,
    _change_in_words_before,
    _change_noun_apart,
    _change_noun_in,
    _change_through_for_or_in,
    _from_apart,
    _off_or_with,
    _opens_a_qualifier,
    _past_a_dash_after_a_verb,
    _percent_change_verb,
    _priced_negated_or_joined,
    _takes_up_as_particle,
    _undeclared_verb_before,
    _unsaid_unit_or_whole,
    _verb_before_comma,
    _year_then_far_end,
)
from gapstudy.sentence_comparisons import (
    _bare_fraction,
    _dated_again,
    _double_as_verb,
    _elided_comparison,
    _fraction_of_one_percent,
    _multiplier_counted_or_itself,
    _points_in_sentence,
    _ratio_in_words,
    _read_with_comparator,
    _scale_not_shared,
    _two_things_or_an_age,
)
from gapstudy.sentence_lists import (
    _bracketed_item,
    _change_noun_after_list,
    _continued_change,
    _continues_a_refusal,
    _counted_then_or,
    _hedge_written_once,
    _in_dashes_after,
    _may_continue_list,
    _past_the_level_reached,
    _percent_as_many,
    _range_restating_a_change,
    _unit_after_list,
    _unit_written,
)
from gapstudy.sentence_neighbours import (
    _neighbour_word,
    _own_words_read,
    _settled_further,
    _share_of_which,
    _word_touching_the_figure,
    _words_right_before_refuse,
)
from gapstudy.sentence_nonquantity import (
    _estimates_at,
    _excluded_in_context,
    _in_every,
    _not_a_quantity,
    _read_year,
    _split_number,
    _turned_bound,
    _whole_defined_after,
    _words_left_out,
)
from gapstudy.sentence_prices import (
    _against_a_later_price,
    _amount_verb_range,
    _as_price,
    _bound_into_conversion,
    _count_rate_or_far_end,
    _money_above_or_below,
    _per_before_or_after,
    _price_change_after_comma,
    _price_written_once,
    _profit_or_rise,
    _unit_priced_before,
)
from gapstudy.sentence_ranks import _followed_by_in_a_ranking, _ratio_or_rank
from gapstudy.sentence_spans import _quarters_of_a_period, _read_with_annual, _stock_or_flow
from gapstudy.sentence_words import (
    _BY_MEANS_RE,
    _BY_RE,
    _CLAUSE_BREAK_RE,
    _CLAUSE_END_RE,
    _CLAUSE_START_RE,
    _DIFFERENCE_WORDS,
    _FIGURE_PARTS_RE,
    _FROM_TO_WORDS_RE,
    _LEVEL_REACHED_RE,
    _LIST_GAP_RE,
    _MONTHS,
    _NOTHING_COUNTED_RE,
    _OBJECT_DIRECTION_VERBS,
    _OBJECT_DIRECTION_WORDS,
    _OF_AFTER_RE,
    _RANGE_WORDS,
    _VERB_AT_RATE_RE,
    _WORD_RE,
    _is_aside,
    _is_bare,
    _list_start,
    _read_with_words,
    _sentence_span,
    _shifted,
    _with_verb,
)
from gapstudy.unheld import (
    bare_in_clause,
    ends_in_level_verb,
    is_level_noun,
    unheld_words,
    unknown_word_after,
    without_attributive_ing,
)

# ", or" right after a change restates it in other terms: "climbed 6.5 percent, or $310 million".
# Without the comma ("rose by 8% or $40 last year") it restates too, unless "to" follows the
# figure ("by 8% or $40 to $540": a change and a level, or a range? refused).
_RESTATED_RE = re.compile(r"[ \t]*(?P<comma>,[ \t]*)?or[ \t]+")
# What a restatement after ", or" names as its other terms: "or 1.5 percent after inflation".
_RESTATED_TERMS_RE = re.compile(
    r"[ \t]+(?:after[ \t]+inflation|adjusted[ \t]+for[ \t]+inflation|in[ \t]+real[ \t]+terms"
    r"|in[ \t]+(?:inflation-adjusted|nominal)[ \t]+terms|at[ \t]+constant[ \t]+prices"
    r"|per[ \t]+capita|per[ \t]+head|per[ \t]+person)(?![\w-])",
    re.IGNORECASE,
)
_FROM_TO_RE = re.compile(r"^from[ \t]+", re.IGNORECASE)
# A period on an end of "from X to Y" makes it a change over time: "from 26% (2022) to 13%
# (2024)", "from nine the previous year to 15".
_YEAR_IN_RE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:previous|prior|last)[ \t]+year\b|\byear[ \t]+(?:earlier|before|ago)\b",
    re.IGNORECASE,
)
_MOTION_VERBS = frozenset(
    {"went", "go", "goes", "gone", "move", "moves", "moved", "shift", "shifts"}
)


def read_in_sentence(text: str, mention: Mention) -> dict[str, Any]:
    """What the normaliser makes of ``mention`` (a mention of ``text``) with the words of its
    sentence: its reading, completed where the sentence gives what the mention's words lack
    (then ``read_with`` names those words), or ``{"refusal": reason}`` where those words are
    elsewhere and cannot be read (see the module docstring); a year stays
    ``{"exclusion": ...}``. Every reading passes two last checks: words of its clause it did
    not hold (:func:`gapstudy.unheld.unheld_words`) and a kind taken by default
    (:func:`_kind_by_default`) refuse it."""
    reading = _read_in_sentence(text, mention)
    if _NO_SIGN_WORD in reading.get("refusal", ""):
        reading = _sign_from_the_sentence(text, mention, reading)
    if reading.get("kind") == "percent" and _BY_RE.match(mention.text):
        reading = _by_figure_with_a_lent_unit(text, mention, reading)
    if (reason := _change_through_for_or_in(text, mention, reading)) is not None:
        return {"refusal": reason}
    if reading.get("kind") == "money":
        reading = _bracketed_change_of_money(text, mention, reading)
    if (reason := _kind_by_default(text, mention, reading)) is not None:
        return {"refusal": reason}
    if (reason := _change_every_span(text, mention, reading)) is not None:
        return {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    if "kind" in reading and (reason := _lost_past_another(text, mention, reading)) is not None:
        return {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    if "refusal" not in reading and (reason := _quarters_of_a_period(text, mention)):
        return {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    if (touched := _word_touching_the_figure(text, mention, reading)) is not None:
        return touched
    reading = _share_of_which(text, mention, reading)
    if "kind" not in reading:
        return reading
    if reason := _words_right_before_refuse(text, mention, reading):
        return {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    if (reason := _in_every(text, mention)) is not None:
        return {"refusal": reason}
    if (reason := _neighbour_word(text, mention, reading)) is not None:
        return {"refusal": f"{reason}; {vocab.REFUSAL_ADVICE}"}
    reading = _change_noun_in(text, mention, reading) or reading
    start, end = _sentence_span(text, mention.start, mention.end)
    if (reason := unknown_word_after(text[:end], mention, reading, start)) is not None:
        return {"refusal": reason}  # after the steps above, which read neighbours without it
    return _two_things_or_an_age(text, mention, reading) or reading


# The words of the reader's refusal of a change from a period with no sign word ("4.5% YoY").
_NO_SIGN_WORD = "but no word the mention holds gives its sign"
# A period of comparison ending a mention, after its figure: "220.4% year on year".
_PERIOD_AT_END_RE = re.compile(
    r"[ \t]+(?:yoy|qoq|mom|ytd|y/y|q/q|m/m|sequentially|year[- ]to[- ]date"
    r"|(?:year|quarter|month)[- ](?:on|over)[- ](?:year|quarter|month))$",
    re.IGNORECASE,
)


def _sign_from_the_sentence(text: str, mention: Mention, reading: dict[str, Any]) -> dict[str, Any]:
    """A change from a period whose mention holds no sign word ("and 220.4% year on year"): read
    as a change where the sentence gives its sign (a list after a verb of change: "increased by
    45.2% and 220.4% year on year"); else the refusal stands (its sign would be a guess)."""
    cut = _PERIOD_AT_END_RE.search(mention.text)
    if cut is None:
        return reading
    bare = Mention(mention.start, mention.start + cut.start(), mention.text[: cut.start()])
    again = _read_in_sentence(text[: bare.end] + text[mention.end :], bare)  # period set aside
    if again.get("kind") != "change" or again.get("unit") != "percent":
        return reading
    return again | {"read_with": f"{again.get('read_with') or 'its sentence'}; {cut.group()!r}"}


def _read_by_figure(text: str, mention: Mention) -> dict[str, Any]:
    """:func:`_read_in_sentence`, with a "by N" figure that takes its unit from a later list item
    read as :func:`_by_figure_with_a_lent_unit` reads it ("by 15 or 20%": a change)."""
    reading = _read_in_sentence(text, mention)
    if reading.get("kind") == "percent" and _BY_RE.match(mention.text):
        return _by_figure_with_a_lent_unit(text, mention, reading)
    return reading


def _bracketed_change_of_money(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any]:
    """Money alone in brackets right after a change of money ("grew by 2.6 trillion yuan ($360
    billion)") converts that change: a change in the bracket's currency, with the change's sign
    and the bracket's own hedge; else ``reading`` as it was."""
    closes = re.match(r"[ \t]*\)", text[mention.end :])
    if not (closes and text[: mention.start].rstrip()[-1:] == "("):
        return reading
    start, end = _sentence_span(text, mention.start, mention.end)
    earlier = [m for m in find_mentions(text[start:end]) if m.end + start <= mention.start]
    if not earlier or not re.fullmatch(r"[ \t]*\(", text[earlier[-1].end + start : mention.start]):
        return reading
    previous = Mention(earlier[-1].start + start, earlier[-1].end + start, earlier[-1].text)
    before = read_in_sentence(text, previous)
    if "refusal" in before and previous.text.split()[0].casefold() in vocab.CHANGE_VERBS:
        return {  # "rose by 9 billion pesos ($500 million)": the change, in brackets, is refused
            "refusal": f"{mention.text!r} in brackets converts the change {previous.text!r}, "
            f"which is refused; {vocab.REFUSAL_ADVICE}"
        }
    if before.get("kind") != "change" or before.get("unit") in ("percent", "percentage_point"):
        return reading
    said = f"the change {previous.text!r} it converts, in brackets"
    return _continued_change(reading, before) | {"read_with": said}


# The unit a list lends its figure, as ``read_with`` names it: "'%' written once, after '20%'".
_LENT_UNIT_RE = re.compile(r"'(?P<unit>[^']+)' written once, after ")


def _by_figure_with_a_lent_unit(
    text: str, mention: Mention, reading: dict[str, Any]
) -> dict[str, Any]:
    """A "by N" figure that takes its unit from a later list item ("increase battery life by
    15 or 20%"): read as "by N%" is read with the words of its clause (a change after a verb of
    change earlier in it); never a level, as a "by" figure is the size of a change or a gap."""
    lent = _LENT_UNIT_RE.match(str(reading.get("read_with") or ""))
    if lent is None:
        return reading
    unit = lent.group("unit")
    written = mention.text + ("" if unit.startswith("%") else " ") + unit
    shifted = text[: mention.start] + written + text[mention.end :]
    lent_to = Mention(mention.start, mention.start + len(written), written)
    again = _read_in_sentence(shifted, lent_to)
    if again.get("kind") == "change":
        return again | {"read_with": f"{reading['read_with']}; {again.get('read_with') or ''}"}
    return {
        "refusal": f"{mention.text!r} takes its unit from a later figure ({unit!r}), and a "
        f"'by' figure is the size of a change or a gap, not a level; {vocab.REFUSAL_ADVICE}"
    }


# The near end of a range joined by a hanging hyphen: "3- to" before "5-year".
_HANGING_NEAR_END_RE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?-[ \t]+(?:to|and|or)[ \t]+$", re.IGNORECASE
)


# The unit a refusal of a price per a unit names: "a price per 'watt'".
_PRICE_PER_NAMED_RE = re.compile(r"price(?: or a rate)? per '([^']+)'")


def _lost_past_another(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a reading is refused by a rule declared for another figure that the reading stands
    beside: the far end of a range whose near end hangs on a hyphen ("A 3- to 5-year wait");
    a bracketed restatement of an amount refused as a price per a unit ("to $0.90 (€0.80)"
    after "per watt"); a change in money that restates the change of a price per a unit
    ("$2.10 per mile fell 5 percent, or a $0.11 cut"). Else None."""
    near = _HANGING_NEAR_END_RE.search(text[max(0, mention.start - 20) : mention.start])
    if near is not None:
        return (
            f"{mention.text!r} is the far end of a range whose near end {near.group().strip()!r} "
            f"hangs on a hyphen: one range, which the mention does not hold"
        )
    start, end = _sentence_span(text, mention.start, mention.end)
    earlier = [
        Mention(m.start + start, m.end + start, m.text)
        for m in find_mentions(text[start:end])
        if m.end + start <= mention.start and not is_year(m.text)
    ]
    if not earlier:
        return None
    if reading["kind"] == "money" and re.fullmatch(
        r"[ \t]*\(", text[earlier[-1].end : mention.start]
    ):
        restated = read_in_sentence(text, earlier[-1])
        if per := _PRICE_PER_NAMED_RE.search(restated.get("refusal", "")):
            return (
                f"{mention.text!r} in brackets restates {earlier[-1].text!r}, which is refused as "
                f"a price per {per.group(1)!r}: the bracket is that price too"
            )
    return _restated_change_of_a_price(text, mention, reading, earlier)


def _restated_change_of_a_price(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention]
) -> str | None:
    """Why a change in money after ", or" that restates an earlier change ("fell 5 percent, or
    a $0.11 cut") is refused when a price per a unit stands before that change in its clause: the
    change is one of the price per the unit, which the money reading does not hold."""
    if reading["kind"] != "change" or reading["unit"] == "percent":
        return None
    joined = r"[ \t]*,[ \t]*or[ \t]+(?:an?[ \t]+)?"
    if not re.fullmatch(joined, text[earlier[-1].end : mention.start], re.IGNORECASE):
        return None
    restated = earlier[-1]
    if read_in_sentence(text, restated).get("kind") != "change":
        return None
    for price in earlier[:-1]:
        if _CLAUSE_BREAK_RE.search(text, price.end, restated.start):
            continue
        read = read_in_sentence(text, price)
        per = _PRICE_PER_NAMED_RE.search(read.get("refusal", ""))
        if read.get("kind") == "price" or per:
            unit = repr(per.group(1)) if per else f"a unit ({read['unit']})"
            return (
                f"{mention.text!r} restates the change {restated.text!r} of the price "
                f"{price.text!r} per {unit}, in money: a change of a price per a unit, which "
                f"the reading does not hold"
            )
    return None


# Nothing of a figure's own before it: it opens its clause, or follows "and", "or", a comma, a
# semicolon, a colon, a dash or an opening bracket ("fell 4% in Ohio, 6% in Iowa", "Ohio (4%)
# and Iowa (6%)"); ``word`` is
# what stands before a comma or a bracket ("gross margin, 64.7%": a label naming a level).
_NO_WORD_BEFORE_RE = re.compile(
    r"(?:^|(?P<word>[^\W\d_][\w'’-]*)?[ \t]*[,(\[]|[;:—–]|(?<![\w-])(?:and|or))[ \t]*$",
    re.IGNORECASE,
)


def _kind_by_default(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """The acceptance step "No kind by default" (docs/annotations.md): a percentage read as a
    level with no word that makes it one (no word of its own before it, nothing after it
    naming what it is, no whole, nothing read with it), in a sentence where another figure
    reads as a change, took its kind by default; why it is refused, else None."""
    if reading.get("kind") != "percent" or "whole" in reading or "read_with" in reading:
        return None
    start, end = _sentence_span(text, mention.start, mention.end)
    own = _NO_WORD_BEFORE_RE.search(text[start : mention.start])
    if own is None or (own.group("word") and is_level_noun(own.group("word"))):
        return None  # a word of its own, or a label naming a level ("gross margin, 64.7%")
    if not bare_in_clause(text[:end], mention, reading) or _continues_a_level(text, mention):
        return None
    for other in find_mentions(text[start:end]):
        shifted = Mention(other.start + start, other.end + start, other.text)
        if shifted.start == mention.start or is_year(other.text):
            continue
        read = _read_by_figure(text, shifted)
        if read.get("kind") == "change" or "levels" in read:
            return (
                f"{mention.text!r}: {vocab.KIND_BY_DEFAULT_REASON} ({other.text!r} reads as a "
                f"change); {vocab.REFUSAL_ADVICE}"
            )
        if _continues_a_refusal(shifted, mention, read):
            return (
                f"{mention.text!r}: a bare percentage with no word of its own, after "
                f"{other.text!r} in its sentence, which is refused: it may continue that "
                f"figure, and is not read alone as a level; {vocab.REFUSAL_ADVICE}"
            )
    return None


def _continues_a_level(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is listed right after a percentage of its own clause that a word of
    its own makes a level ("stood at 40% on Monday and 38% on Tuesday"): it continues that
    level, whatever change stands elsewhere in the sentence (in a bracketed aside)."""
    start, end = _sentence_span(text, mention.start, mention.end)
    earlier = [m for m in find_mentions(text[start:end]) if m.end + start <= mention.start]
    if not earlier:
        return False
    previous = Mention(earlier[-1].start + start, earlier[-1].end + start, earlier[-1].text)
    if not _LIST_GAP_RE.fullmatch(text[previous.end : mention.start]):
        return False
    if _NO_WORD_BEFORE_RE.search(text[start : previous.start]) is not None:
        return False  # the previous figure has no word of its own either
    before = _read_by_figure(text, previous)
    return before.get("kind") == "percent" and "whole" not in before


def _read_in_sentence(text: str, mention: Mention) -> dict[str, Any]:
    """:func:`read_in_sentence` before the kind-by-default step."""
    start, end = _sentence_span(text, mention.start, mention.end)
    sentence = text[start:end]
    earlier = [
        Mention(m.start + start, m.end + start, m.text, number=_shifted(m.number, start))
        for m in find_mentions(sentence)
        if m.end + start <= mention.start and not is_year(m.text)
    ]
    reading = _hedge_written_once(text, mention, _read(text, mention, earlier, start), earlier)
    reading = _bound_into_conversion(text, mention, reading, earlier)
    if "kind" in reading and (one := _fraction_of_one_percent(text, mention, reading)):
        reading = one  # "a fifth of a percent lower": 0.2, never a share of 20%
    if "kind" in reading:
        _turned_bound(text, mention, reading, start)
    if "kind" in reading and (far := _settled_further(text, mention, reading, start)):
        reading = far
    if reading.get("kind") in _LEVEL_READS and (apart := _change_noun_apart(text, mention, start)):
        reading = apart  # "a drop in car crime of 2.2 percent": the drop's size
    if (unheld := unheld_words(text[:end], mention, reading, start)) is not None:
        return {"refusal": unheld}  # the last check: words of its clause the reading did not hold
    if reading.get("bound") == "range" and (apart := _from_apart(text, mention, reading, start)):
        return apart  # "from a rate of 3.1% to 3.4%": two levels, not a range
    if reading.get("kind") == "change" and _FROM_TO_WORDS_RE.search(mention.text):
        levels = _as_levels(text, mention, reading)
        if "levels" in levels and (per := _unit_priced_before(text, mention, start)):
            levels["levels"] = [
                lvl if "refusal" in lvl else _as_price(lvl, lvl["text"], per)
                for lvl in levels["levels"]
            ]
        counts = "levels" in levels and all(lvl.get("kind") == "count" for lvl in levels["levels"])
        flow = _stock_or_flow(text, mention, {"kind": "count"}, start) if counts else None
        return flow or levels  # "Daily rides rose from 1.2 million to 1.5 million": a flow
    if reading.get("kind") == "money" and (per := _unit_priced_before(text, mention, start)):
        return _as_price(reading, mention.text, per)
    if POINTS_SCALE_REASON in reading.get("refusal", ""):
        return _points_in_sentence(sentence, mention.text, reading)
    return reading


_LEVEL_READS = frozenset({"percent", "money", "count"})


# A bound after what a number counts or measures: "128 layers or more", "500 GPUs or fewer".
_TRAILING_BOUND_RE = re.compile(
    r"(?:[ \t]+[^\W\d_][\w-]*){1,2}[ \t]+or[ \t]+(?:more|less|fewer|greater|higher|lower|above"
    r"|below|over|under)\b(?![ \t]+than\b)",
    re.IGNORECASE,
)


def _own_reading(text: str, mention: Mention, floor: int) -> tuple[dict[str, Any], bool]:
    """The reading of a mention's own words, and whether it is final: an exclusion where the
    number is no quantity, a year (or a count before a counted noun), a refusal; "by N"
    refused alone is read with the verb of change in its clause ("increase revenue by 10-19%
    annually"), not final: the words around it are still checked."""
    if (reason := _not_a_quantity(text, mention)) is not None:
        return {"exclusion": reason}, True
    reading = _own_words_read(text, mention, floor)
    if reading.get("exclusion") == vocab.YEAR_REASON:
        return _year_then_far_end(text, mention, floor) or _read_year(
            text, mention, reading, floor
        ), True
    if (up_to := _UP_TO_RE.match(mention.text)) and reading.get("bound") == "upper":
        before = _WORD_RE.findall(text[floor : mention.start])
        if before and ends_in_level_verb([*before, "up", "to"]):
            # "edged up to 3.9%": the level reached, "up to" no bound
            reached = read_mention(mention.text[up_to.end() :])
            said = f"'{before[-1]} up to' before it: the level reached"
            return (reached | {"read_with": said}), "refusal" in reached
        if before and _takes_up_as_particle(before[-1]):
            return {  # "went up to $3.40": the level reached or a bound, the words do not say
                "refusal": f"'{before[-1]} up to' before the figure: 'up' may belong to the "
                f"verb (the level reached) or 'up to' bound it, which the words do not "
                f"settle; {vocab.REFUSAL_ADVICE}"
            }, True
    if "refusal" in reading and _BY_RE.match(mention.text):
        with_verb = _read_by(text, mention, reading, floor)
        if "refusal" not in with_verb and with_verb is not reading:
            return with_verb, False
    if "refusal" in reading and (means := _by_a_means(mention.text)) is not None:
        return means, False  # "grew by adding 14 routes": the object of "adding"
    rate = _VERB_AT_RATE_RE.search(text, floor, mention.start)
    if "refusal" in reading and rate and (verb := rate.group(1).casefold()) in vocab.CHANGE_VERBS:
        # "will expand at a rate of 40–55 percent each year": a rate a year, with its verb
        with_verb = _with_verb(read_mention(f"{verb} {mention.text}"), rate.group().strip())
        if "refusal" not in with_verb:
            return with_verb, False
    if "refusal" not in reading and (bound := _TRAILING_BOUND_RE.match(text, mention.end)):
        # "chips with 128 layers or more": the bound after what is counted
        bounded = _read_with_words(
            text[mention.start : bound.end()], f"{bound.group().strip()!r} after it"
        )
        if bounded.get("bound") in ("lower", "upper", None):
            return bounded, "refusal" in bounded
    return reading, "refusal" in reading or "exclusion" in reading


def _own_or_listed(
    text: str, mention: Mention, earlier: list[Mention], floor: int
) -> tuple[dict[str, Any], bool]:
    """The reading of a mention's own words and whether it is final (:func:`_own_reading`),
    unless it is a figure of a list whose unit is written once, after its last figure: then
    that reading, final (:func:`_unit_after_list`)."""
    reading, is_final = _own_reading(text, mention, floor)
    if "exclusion" not in reading and (listed := _unit_after_list(text, mention, earlier)):
        return listed, True
    if "exclusion" not in reading and (changed := _change_noun_after_list(text, mention)):
        return changed, True
    if not is_final and (compared := _far_end_compared(text, mention, reading, earlier)):
        return compared, True
    if "refusal" in reading and (points := _points_compared(text, mention, earlier)):
        return points, False
    return reading, is_final


_UP_TO_RE = re.compile(r"up[ \t]+to[ \t]+", re.IGNORECASE)
_BARE_POINTS_RE = re.compile(r"\d[ \t]+points?$", re.IGNORECASE)


def _points_compared(text: str, mention: Mention, earlier: list[Mention]) -> dict[str, Any] | None:
    """A figure in "points" after a comma and "down from", "up from", "compared with" or
    "versus", compared with a figure in percentage points ("narrowed to 1.7 percentage points,
    down from 9.3 points"): its own unit word says points, and the figure it is compared with
    says which, so it is read in percentage points (``read_with`` names it). None where the
    near figure is in another unit, has words after it, or is read as another kind."""
    own = _FIGURE_PARTS_RE.fullmatch(mention.text)
    digits = [m for m in earlier if _FIGURE_PARTS_RE.fullmatch(m.text)]
    if not _BARE_POINTS_RE.search(mention.text) or not digits or own is None:
        return None
    near = digits[-1]
    link = _COMPARED_AFTER_COMMA_RE.fullmatch(text[near.end : mention.start] + own.group("lead"))
    if link is None or link.group("tail").strip() or _OF_AFTER_RE.match(text, mention.end):
        return None  # words after the near figure, or "5 points of the index": its own
    if not link.group("link").casefold().endswith("from"):
        return None  # "versus", "compared with" may set another measure beside it
    near_reading = read_in_sentence(text, near)
    composed = read_mention(re.sub(r"points?$", "percentage points", mention.text))
    if near_reading.get("unit") != "percentage_point" or "refusal" in composed:
        return None
    if composed.get("kind") != near_reading.get("kind"):
        return None
    said = f"'percentage points' of {near.text!r}, the figure it is compared with"
    return composed | {"read_with": said}


# The words between a figure and the one it is compared with after a comma: words after the
# first (its unit may be among them: "$2 an hour"), the comma, "down from", "up from",
# "compared with", "versus", then the second's own words before its number ("above $").
_COMPARED_AFTER_COMMA_RE = re.compile(
    r"(?P<tail>[^,;:()\[\]—–\n]*),[ \t]*(?P<link>(?:down|up)[ \t]+from|compared[ \t]+(?:with|to)"
    r"|versus|vs\.?)(?![\w-])[^,;:()\[\]—–\n\d]*",
    re.IGNORECASE,
)
_LEVEL_KINDS = frozenset({"money", "price", "quantity", "percent", "count"})


def _far_end_compared(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention]
) -> dict[str, Any] | None:
    """The far figure of "down from", "up from", "compared with" after a comma takes the unit
    of the figure it is compared with: "$0.05 per kWh, down from $0.08" is a price per kWh too
    (``read_with`` names it: a change of one measure), and "$2 an hour, down from above $7" is
    refused, as "$2 an hour" is (its rate is no unit of the project). After "compared with" or
    "versus", which may set another measure beside it, the unit is not taken: the price rule
    refuses it (:func:`_price_written_once`). None where the two share a unit, or no such
    comparison stands before it."""
    own = _FIGURE_PARTS_RE.fullmatch(mention.text)
    # the last figure with digits: "million" of "per million tokens" is part of its words
    digits = [m for m in earlier if _FIGURE_PARTS_RE.fullmatch(m.text)]
    near = digits[-1] if digits and own else None
    gap = text[near.end : mention.start] + own.group("lead") if near and own else ""
    link = _COMPARED_AFTER_COMMA_RE.fullmatch(gap) if near else None
    near_own = read_mention(near.text) if link and near else {}
    if "refusal" in near_own:  # "$0.28 per million tokens, down from $1.10": same unit, unread
        return {
            "refusal": f"{mention.text!r} is compared ({link.group('link')!r}) with "
            f"{near.text!r}, whose unit the project cannot read: it may hold for this figure "
            f"too; {vocab.REFUSAL_ADVICE}"
        }
    kinds = (reading.get("kind"), near_own.get("kind")) if link and near else ()
    if link is None or near is None or not _LEVEL_KINDS.issuperset(kinds):
        return None  # no comparison, or the near words are no level
    near_reading = read_in_sentence(text, near)
    tail = link.group("tail").strip()
    words = f"{near.text} {tail}".strip()
    if "refusal" in near_reading:
        # after "down/up from" any word of the tail the refusal names ("per 'million'"); after
        # "versus", which may set another measure beside it, the price rule speaks instead
        is_from = link.group("link").casefold().endswith("from")
        words_named = re.findall(r"\w+", tail) if is_from else [tail] if tail else []
        if not [word for word in words_named if word in near_reading["refusal"]]:
            return None  # refused for words of its own, which say nothing of this one's unit
        return {
            "refusal": f"{mention.text!r} is compared ({link.group('link')!r}) with {words!r}, "
            f"whose words after it ({tail!r}) are not part of a reading the project can give: "
            f"written once, they may hold for it too; {vocab.REFUSAL_ADVICE}"
        }
    unscaled = _scale_not_shared(mention, reading, near, link)
    if unscaled is not None and near_own.get("kind") == reading.get("kind"):
        return unscaled
    unit = near_reading.get("unit")
    if unit == reading["unit"] or not str(unit).startswith(f"{reading['unit']}_per_"):
        return None
    if not link.group("link").casefold().endswith("from"):
        return None  # "compared with", "versus" may set another measure beside it: refused later
    near_parts = _FIGURE_PARTS_RE.fullmatch(near.text)
    per = near_parts.group("tail") if near_parts else ""
    priced = read_mention(mention.text + per)
    if priced.get("unit") == unit:
        return priced | {"read_with": f"{per.strip()!r} of {near.text!r}, written once"}
    return {
        "refusal": f"{mention.text!r} is compared ({link.group('link')!r}) with {words!r}, "
        f"whose unit ({unit!r}) is written once, with that figure, and may hold for it too; "
        f"{vocab.REFUSAL_ADVICE}"
    }


# A bare percentage, "and", then a figure with a comparative written once for both: "4
# percent and 2 percent higher than in 2019".
_LISTED_BEFORE_RE = re.compile(r"[ \t]*,?[ \t]*and[ \t]+", re.IGNORECASE)
_COMPARATIVE_TAIL_RE = re.compile(
    r"[ \t]+(?:higher|lower|more|less|greater|smaller|larger|bigger|cheaper|dearer)$",
    re.IGNORECASE,
)


def _comparative_lent(text: str, mention: Mention, reading: dict[str, Any]) -> dict | None:
    """A bare percentage listed before a figure that ends with a comparative ("4 percent and
    2 percent higher than in 2019"): read as if the comparative stood beside it too, as a
    noun of change written once after a list is ("a 5.2% and 3% rise"). Else None."""
    after = _LISTED_BEFORE_RE.match(text, mention.end)
    if reading.get("unit") != "percent" or not _is_bare(reading) or after is None:
        return None
    nexts = [m for m in find_mentions(text) if m.start == after.end()]
    tail = _COMPARATIVE_TAIL_RE.search(nexts[0].text) if nexts else None
    if tail is None:
        return None
    lent_text = text[: mention.end] + tail.group() + text[nexts[0].end :]
    lent = [m for m in find_mentions(lent_text) if m.start == mention.start]
    if not lent:
        return None
    read = read_in_sentence(lent_text, lent[0])
    if read.get("kind") not in ("change", "multiplier") and "refusal" not in read:
        return None
    return read | (
        {} if "refusal" in read else {"read_with": f"{tail.group().strip()!r} after the list"}
    )


# A noun of change, then a word and a dash before "at" and a figure: "the fall worse – at".
_NOUN_APART_AT_RE = re.compile(
    rf"(?<![\w-])(?P<noun>{'|'.join(sorted(vocab.CHANGE_NOUNS))})[ \t]+[^\W\d_]+[ \t]*[—–][ \t]*"
    r"at[ \t]+$",
    re.IGNORECASE,
)


def _restated_or_lent(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention]
) -> dict[str, Any] | None:
    """A pair after "<change> or", refused (:func:`_range_restating_a_change`); a percentage
    after "at" apart from its noun of change by a word and a dash, refused; or a bare
    percentage read with a comparative lent by the list (:func:`_comparative_lent`); or a
    change of money after a price per a unit, a comma between (:func:`_price_change_after_comma`);
    else None."""
    if refusal := _range_restating_a_change(text, mention, reading, earlier):
        return {"refusal": refusal}
    if reading.get("unit") == "percent" and (
        apart := _NOUN_APART_AT_RE.search(text, 0, mention.start)
    ):
        return {  # "puts the fall worse – at 4 percent": the change, or a level it is set against?
            "refusal": f"the noun of change {apart.group('noun')!r} stands apart from "
            f"{mention.text!r} ({apart.group().strip()!r}), which the mention does not hold; "
            f"{vocab.REFUSAL_ADVICE}"
        }
    lent = _comparative_lent(text, mention, reading)
    return lent or _price_change_after_comma(
        text, mention, reading, earlier
    )  # "$0.12 per kWh, up $0.01"


def _read(text: str, mention: Mention, earlier: list[Mention], floor: int) -> dict[str, Any]:
    reading, is_final = _own_or_listed(text, mention, earlier, floor)
    if is_final:
        return reading
    if refusal := (
        _money_above_or_below(mention, reading)
        or _estimates_at(text, mention, floor)
        or _in_every(text, mention)
        or _bare_fraction(text, mention, reading)
        or _unsaid_unit_or_whole(text, mention, reading, floor)
    ):
        return {"refusal": refusal}
    if (lent := _restated_or_lent(text, mention, reading, earlier)) is not None:
        return lent
    if reason := _excluded_in_context(text, mention, reading):
        return {"exclusion": reason}
    if (refusal := _split_number(text, mention, reading)) is not None:
        return {"refusal": refusal}
    if (placed := _priced_negated_or_joined(text, mention, reading, floor)) is not None:
        return placed
    if (placed := _ratio_or_rank(text, mention, reading, floor)) is not None:
        return placed
    if (multiplied := _multiplier_counted_or_itself(text, mention, reading, floor)) is not None:
        return multiplied
    if (annual := _read_with_annual(text, mention, reading, floor)) is not None:
        return annual
    if (compared := _read_with_comparator(text, mention, reading)) is not None:
        return _dated_again(text, mention, reading, compared)
    if refusal := _elided_comparison(text, mention, reading):
        return {"refusal": refusal}
    if (refusal := _words_left_out(text, mention, reading, floor)) is not None:
        return {"refusal": refusal}
    reading = _whole_defined_after(text, mention, reading) or reading
    if (priced := _per_before_or_after(text, mention, reading, floor)) is not None:
        return priced
    if refusal := _against_a_later_price(text, mention, reading):
        return {"refusal": refusal}
    if refusal := _price_written_once(text, mention, reading, earlier) or _count_rate_or_far_end(
        text, mention, reading, floor
    ):
        return {"refusal": refusal}
    if mention.text.casefold().startswith("by ") and reading["kind"] != "change":
        return _read_by(text, mention, reading, floor)
    if (by_adjective := _by_an_adjective(text, mention, reading, floor)) is not None:
        return by_adjective
    if _FROM_TO_RE.match(mention.text) and not _YEAR_IN_RE.search(mention.text):
        return _read_from_to(text, mention, reading, floor)
    is_share = reading["kind"] == "percent" and "whole" not in reading
    if is_share and (as_many := _percent_as_many(text, mention, reading)) is not None:
        return as_many
    if is_share and (changed := _change_in_words_before(text, mention, floor)) is not None:
        return changed
    if is_share and (fall := _off_or_with(text, mention, reading, floor)) is not None:
        return fall
    if (ratio := _ratio_in_words(text, mention, reading, floor)) is not None:
        return ratio
    if (as_verb := _double_as_verb(text, mention, reading, floor)) is not None:
        return as_verb
    if refusal := _profit_or_rise(mention, reading):
        return {"refusal": refusal}
    if (restated := _restated_change(text, mention, reading, earlier, floor)) is not None:
        return restated
    if _is_bare(reading) and (refusal := _bracketed_item(text, mention, floor)):
        return {"refusal": refusal}
    if (listed := _listed_after_a_change(text, mention, reading, earlier, floor)) is not None:
        return listed
    ends = _CLAUSE_END_RE.match(text, mention.end) or _NOTHING_COUNTED_RE.match(text, mention.end)
    if reading["kind"] == "count" and ends:
        earlier = [m for m in earlier if not _is_aside(text, m, mention)]
        # an earlier mention refused or excluded has no unit ("7nm" before "(N+2)"), unless
        # the refusal names a unit the project lacks ("by 20,000 tonnes to 1.1 million")
        written = _units_written(text, earlier, mention)
        if written:
            words, unit = written[-1]
            return {
                "refusal": f"a bare number naming nothing it counts, in a sentence that writes "
                f"the unit {unit!r} with an earlier number ({words!r}): its unit may be "
                f"written once, earlier; {vocab.REFUSAL_ADVICE}"
            }
    return reading


# A name with no comma before a percentage listed after a change ("Acme fell 2%, Bolt 3.1%,
# Crane 4.4%"): the item's label, one or two capitalised words that are no month.
_NAMED_ITEM_GAP_RE = re.compile(
    rf"[ \t]*,[ \t]*(?:and[ \t]+)?(?-i:(?!(?:{_MONTHS})\b)[A-Z][\w&'’.-]*"
    r"(?:[ \t]+[A-Z][\w&'’.-]*)?)[ \t]+"
)


def _is_named_item(gap: str, reading: dict[str, Any]) -> bool:
    """Whether ``gap`` between a change and a bare percentage is a list item's label ("fell 2%,
    Bolt 3.1%"): a name stands where the list rule looks, and the item is read as the list's
    others are (or refused by that rule), never as a plain level."""
    return reading.get("unit") == "percent" and _NAMED_ITEM_GAP_RE.fullmatch(gap) is not None


def _listed_after_a_change(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention], floor: int
) -> dict[str, Any] | None:
    """A bare figure listed after a change ("fell 4% in 2023, 7% in 2024"): that change in its
    direction, or refused where the unit differs or the first figure's verb is out of reach.
    Else None."""
    bare = _is_bare(reading, past_hedge=True)
    if not (earlier and bare and _may_continue_list(text, mention, earlier)):
        return None
    # the figure before it in the list; a number inside that figure's period ("up 25% in
    # just one quarter and 66%") lies in the gap and is passed over
    for i in range(len(earlier) - 1, -1, -1):
        previous = earlier[i]
        gap = text[previous.end : mention.start]
        if not (_LIST_GAP_RE.fullmatch(gap) or _is_named_item(gap, reading)):
            continue
        i = _past_the_level_reached(text, mention, earlier, i)
        previous = earlier[i]
        before = _read(text, previous, earlier[:i], floor)
        was_refused = "refusal" in before
        if was_refused:
            # "rose by 18.8, 48.9, and 67.3 percentage points": the verb of the list's
            # first figure, with the unit written after its last
            first = _list_start(text, earlier, i)
            lead = text[first.start : first.number[0]] if first.number else ""
            before = read_mention(lead + mention.text) if lead.strip() else before
            reading = dict(reading, unit=before.get("unit", reading["unit"]))
        if before.get("kind") == "change" and before.get("unit") == reading["unit"]:
            if reading["bound"] in ("upper", "lower"):
                return {  # "fell 1.5% and over 6%": its reach on a signed change is unsettled
                    "refusal": f"{mention.text!r} continues the change {previous.text!r} with "
                    f"a bound of its own, whose reach on a signed change the words do not "
                    f"settle; {vocab.REFUSAL_ADVICE}"
                }
            continued = _continued_change(reading, before)
            return continued | {"read_with": f"the change {previous.text!r} before it"}
        if before.get("kind") == "change" and not was_refused:
            return {
                "refusal": f"{mention.text!r} is listed after the change {previous.text!r} "
                f"in another unit ({before['unit']!r}): a change or a level, which the "
                f"words do not settle; {vocab.REFUSAL_ADVICE}"
            }
        if was_refused and _BY_RE.match(previous.text) and before.get("kind") != "change":
            # "declined, by 50.0% and 46.7%": "by" whose verb is out of reach is refused,
            # and so is every figure listed after it
            return {
                "refusal": f"{mention.text!r} continues a list after {previous.text!r}, "
                f"whose verb is not in its clause; {vocab.REFUSAL_ADVICE}"
            }
        break
    return None


# The change's own terms between it and ", or" ("grew 9 percent at current prices, or 5 percent
# adjusted for inflation"): the restatement still follows the change, as with no words between.
_TERMS_THEN_OR_RE = re.compile(
    r"[ \t]+(?:in|at)[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+){0,2}"
    r"(?:terms|prices|dollars|euros|yuan|yen|money)(?=[ \t]*,[ \t]*or[ \t])",
    re.IGNORECASE,
)


# What the change is measured from, between it and ", or" ("up $30 from a year earlier, or
# 3.4 percent", "fell $3 billion on the year, or 5%"): the restatement still follows the change.
_SPAN_THEN_OR_RE = re.compile(
    r"[ \t]+(?:from|on|over|since|than|versus|vs\.?|compared[ \t]+(?:with|to))[ \t]+"
    r"(?:[^\W\d_][\w'’-]*[ \t]+){0,2}"
    r"(?:years?|quarters?|months?|weeks?|days?|earlier|ago|before|(?:19|20)\d\d)"
    r"(?=[ \t]*,[ \t]*or[ \t])",
    re.IGNORECASE,
)


def _restated_change(
    text: str, mention: Mention, reading: dict[str, Any], earlier: list[Mention], floor: int
) -> dict[str, Any] | None:
    """A figure of its own unit right after ", or" after a change restates that change in other
    terms ("climbed 6.5 percent, or $310 million"; "fell $3 billion, or 5%"): a change in
    those terms, with the change's sign. Else None."""
    aside = bool(earlier) and _in_dashes_after(text, earlier[-1], mention)
    if aside and _read(text, earlier[-1], earlier[:-1], floor).get("kind") == "change":
        return {  # "rose 5% – about $20 million – to ...": a restatement, or a level?
            "refusal": f"{mention.text!r} in an aside between dashes right after the change "
            f"{earlier[-1].text!r} may restate it in other terms or be a level, which the "
            f"words do not settle; {vocab.REFUSAL_ADVICE}"
        }
    plain = reading.get("kind") in ("percent", "count", "money") and _hedged_or_plain(reading)
    if not earlier or not plain or "whole" in reading:
        return None
    previous = earlier[-1]
    joined = _RESTATED_RE.fullmatch(text, previous.end, mention.start)
    if joined is None and _counted_then_or(text, previous, mention):
        joined = _RESTATED_RE.search(text, previous.end, mention.start)
    if joined is None and (terms := _TERMS_THEN_OR_RE.match(text, previous.end, mention.start)):
        joined = _RESTATED_RE.fullmatch(text, terms.end(), mention.start)  # "9% in real terms, or"
    if joined is None and (span := _SPAN_THEN_OR_RE.match(text, previous.end, mention.start)):
        joined = _RESTATED_RE.fullmatch(text, span.end(), mention.start)  # "from a year ago, or"
    if joined is None:
        return None
    participle = _PARTICIPLE_AFTER_RE.match(text, mention.end)
    to_at = participle.end() if participle else mention.end  # "9 percent adjusted to ..."
    if not joined.group("comma") and _TO_AFTER_RE.match(text, to_at):
        return {
            "refusal": f"{mention.text!r} after 'or' with no comma, with 'to' after it, may "
            f"restate the change {previous.text!r} or begin a range or a level, which the words "
            f"do not settle; {vocab.REFUSAL_ADVICE}"
        }
    reached = len(earlier) > 1 and _LEVEL_REACHED_RE.fullmatch(
        text, earlier[-2].end, previous.start
    )
    if reached and read_mention(previous.text).get("unit") != reading["unit"]:
        previous = earlier[-2]  # "rose 2 percent to $9.10, or ...": past the level reached
    elif reached and _read(text, earlier[-2], earlier[:-2], floor).get("kind") == "change":
        return {  # "rose 12% to $4.2 billion, or $400 million": the change, or the level?
            "refusal": f"{mention.text!r} after ', or' may restate the change or the level "
            f"{previous.text!r} it reached (the same unit), which the words do not settle; "
            f"{vocab.REFUSAL_ADVICE}"
        }
    before = _read(text, previous, earlier[: earlier.index(previous)], floor)
    terms = _RESTATED_TERMS_RE.match(text, mention.end) or participle
    if before.get("kind") != "change" or (before.get("unit") == reading["unit"] and not terms):
        return None
    said = f"the change {previous.text!r} it restates"
    if terms:
        said += f", in the terms {terms.group().strip()!r}"
    return _continued_change(reading, before) | {"read_with": said}


_TO_AFTER_RE = re.compile(r"[ \t]+to(?![\w-])", re.IGNORECASE)
# A participle right after a figure that restates a change names its terms: "or 9 percent
# adjusted", "or 7% excluding fuel".
_PARTICIPLE_AFTER_RE = re.compile(
    r"[ \t]+(?:(?!(?:need|feed|speed|seed|bed|red|shed|led|fled|bled|bred)(?![\w-]))"
    r"[^\W\d_]{3,}ed|excluding|including)(?![\w'’-])",
    re.IGNORECASE,
)


_TO_ALONE_RE = re.compile(r"[ \t]+to[ \t]+", re.IGNORECASE)


def _units_written(text: str, earlier: list[Mention], mention: Mention) -> list[tuple[str, str]]:
    """Each earlier mention that writes a unit for the bare count ``mention``, with it."""
    found = ((m.text, _writes(text, earlier, k, mention)) for k, m in enumerate(earlier))
    return [(words, unit) for words, unit in found if unit]


def _writes(text: str, earlier: list[Mention], k: int, mention: Mention) -> str | None:
    """The unit the earlier mention ``earlier[k]`` writes for the bare count ``mention``
    (:func:`_unit_written`), unless "to" alone joins them and its reading in the sentence is
    a ratio of two amounts its words alone do not show ("grew during the spring by 6% to
    about 48,000": a change, and the level it reached)."""
    unit = _unit_written(read_mention(earlier[k].text))
    if unit is not None and _not_a_quantity(text, earlier[k]) is not None:
        return None  # "in the second half of 2022 ... grew 3%, to 4,200": "half" writes no unit
    if unit != "percent" or not _TO_ALONE_RE.fullmatch(text, earlier[k].end, mention.start):
        return unit
    in_sentence = _read(text, earlier[k], earlier[:k], 0)
    is_ratio = in_sentence.get("kind") == "change" and in_sentence.get("unit") == "percent"
    return None if is_ratio else unit


def _read_by(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> dict[str, Any]:
    """ "by N" read with the verb of change or the word of difference earlier in its clause,
    or as a count after a participle that names who does it ("powered by 18,000 systems");
    after "by" and a verb in "-ing" ("grew by adding 120 shops"), the figure is that verb's
    object, read as the words read it alone: "by" names a means, not an amount."""
    if (means := _BY_MEANS_RE.match(mention.text)) and not _opens_a_qualifier(means["verb"]):
        return reading
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, floor, mention.start)]
    starts = _past_a_dash_after_a_verb(text, starts)
    clause = text[starts[-1] if starts else floor : mention.start]
    words = without_attributive_ing([w.casefold() for w in _WORD_RE.findall(clause)])
    if (
        not [w for w in words if w != "by"]
        and starts
        and (verb := _verb_before_comma(text, floor, starts[-1]))
    ):
        words = [verb, *words]  # "grew, by about 6%, this spring": the verb's own change
    if words == ["and"] and (gapped := _gapped_by(text, mention, reading, floor)) is not None:
        return gapped  # "rose by $3.1 million in March, and by $2.2 million in April"
    if (doer := _by_the_doer(words, reading)) is not None:
        return doer
    if (shrank := _percent_change_verb(words, mention, reading)) is not None:
        return shrank
    if (ranked := _followed_by_in_a_ranking(text, mention, reading, words)) is not None:
        return ranked
    if (own := _undeclared_verb_before(words)) is not None:
        return {  # "costs wobbled by nearly 5 percent": not the "rose" of an earlier clause
            "refusal": f"{mention.text!r} follows {own!r}, which is not a declared verb of "
            f"change, so its direction is not known; {vocab.REFUSAL_ADVICE}"
        }
    for word in reversed(words):
        if word in _DIFFERENCE_WORDS and reading["kind"] == "money":
            return {  # "beat the rival offer by $3 million": a gap in money, no level
                "refusal": f"{mention.text!r} after {word!r} is a gap in money between two "
                f"amounts, not an amount of its own; {vocab.REFUSAL_ADVICE}"
            }
        if word in _DIFFERENCE_WORDS:
            return _beat_an_earlier_time(clause, word, reading) or reading
        if word in vocab.CHANGE_VERBS or word in vocab.CHANGE_NOUNS:
            verb = f"{word} by" if word in vocab.CHANGE_VERBS else f"a {word} of"
            amount = _BY_RE.sub("", mention.text, count=1)
            return _with_verb(read_mention(f"{verb} {amount}"), word)
        if (way := _OBJECT_DIRECTION_VERBS.get(word)) is not None:  # "raised prices by 10%"
            amount = _BY_RE.sub("", mention.text, count=1)
            return _with_verb(read_mention(f"{_OBJECT_DIRECTION_WORDS[way]} {amount}"), word)
    return {
        "refusal": f"{mention.text!r} gives the amount of a change or a difference whose "
        f"words are not in its clause; {vocab.REFUSAL_ADVICE}"
    }


def _gapped_by(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """ ", and by N" whose clause holds no verb, after a change written with "by" earlier in
    the sentence ("rose by $3.1 million in March, and by $2.2 million in April"): the verb is
    gapped, and the figure continues that change, in its direction and unit; else None."""
    head = text[floor : mention.start]
    found = find_mentions(head)
    if reading.get("bound") in ("upper", "lower") or not found:
        return None  # "and by over 2%": a bound's reach on a signed change is unsettled
    if not head.rstrip().removesuffix("and").rstrip().endswith(","):
        return None
    last = Mention(found[-1].start + floor, found[-1].end + floor, found[-1].text)
    if not re.search(r"(?<![\w-])by[ \t]", last.text, re.IGNORECASE):
        return None
    before = read_in_sentence(text, last)
    if before.get("kind") != "change" or before.get("unit") != reading.get("unit"):
        return None
    return _continued_change(reading, before) | {"read_with": f"the change {last.text!r} before it"}


def _change_by_before_comma(text: str, floor: int, start: int) -> bool:
    """Whether a change written with "by" ("fell by 9%") ends right before the comma that ends
    at ``start``, so that a "from X to Y" set off after it gives that change's levels."""
    head = text[floor:start].rstrip()
    if not head.endswith(","):
        return False
    found = find_mentions(head[:-1])
    if not found or head[found[-1].end : -1].strip():
        return False
    last = Mention(found[-1].start + floor, found[-1].end + floor, found[-1].text)
    by = re.search(r"(?<![\w-])by[ \t]+\S*$", text[max(floor, last.start - 40) : last.start + 3])
    return (by is not None or " by " in f" {last.text} ") and read_in_sentence(text, last).get(
        "kind"
    ) == "change"


# "by a(n)" and one or two adjectives right before a figure: "grew by a healthy 12%".
_BY_ADJECTIVES_RE = re.compile(
    r"(?<![\w-])by[ \t]+an?[ \t]+(?P<words>(?:[^\W\d_]+(?:-[^\W\d_]+)*[ \t]+){1,2})$",
    re.IGNORECASE,
)


def _by_an_adjective(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A bare percentage after "by a(n)" and adjectives (a compound with hyphens counts as one:
    "by a better-than-expected 5%"), read as "by N" is: with the verb of change earlier in its
    clause, or refused. Else None."""
    if reading.get("kind") != "percent" or reading.get("qualifier") or "whole" in reading:
        return None
    found = _BY_ADJECTIVES_RE.search(text, floor, mention.start)
    if found is None:
        return None
    words = found.group("words").split()
    if not all("-" in word or is_modifier(word) for word in words):
        return None
    by = Mention(found.start(), mention.end, "by " + mention.text, number=mention.number)
    read = _read_by(text, by, reading, floor)
    if "refusal" in read or read.get("kind") != "change":
        return read
    return read | {
        "read_with": f"{read.get('read_with', 'the verb of its clause')}, past "
        f"{found.group().strip()!r}"
    }


def _read_from_to(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any]:
    """ "from X to Y" with no verb of change in the mention and no period on its ends: a
    change where a verb stands earlier in its clause ("going from 20% to 40%", "raising
    their share from <2% to 6%"), a range of values after a word of range ("ranging from 5%
    to 10%"), refused where the clause has neither ("accuracy from 0% to 100%")."""
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, floor, mention.start)]
    clause = text[starts[-1] if starts else floor : mention.start]
    if starts and not _WORD_RE.findall(clause) and _change_by_before_comma(text, floor, starts[-1]):
        return reading  # "fell by 9%, from £40.2 million to £36.6 million": that change's levels
    for word in reversed([w.casefold() for w in _WORD_RE.findall(clause)]):
        if word in _RANGE_WORDS:
            ranged = read_mention(_FROM_TO_RE.sub("", mention.text, count=1))
            return ranged | {"read_with": f"{word!r} earlier in its clause: a range"}
        if (amount := _amount_verb_range(word, mention)) is not None:
            return amount
        if word in vocab.CHANGE_VERBS or word in _MOTION_VERBS or word.endswith(("ing", "ed")):
            return reading
    return {
        "refusal": f"{mention.text!r} with no verb of change or of range and no verb of an "
        f"amount in its clause may be a change or a span of values (a scale, a range); "
        f"{vocab.REFUSAL_ADVICE}"
    }


def _hedged_or_plain(reading: dict[str, Any]) -> bool:
    """Whether a reading has no qualifier, or only a hedge ("or about 12%"): a hedge never
    breaks the link of a restatement to the change it restates."""
    return not reading.get("qualifier") or reading.get("bound") == "approximate"
