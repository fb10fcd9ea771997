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

import lemminflect

from gapstudy import periods, vocab
from gapstudy.exceptions import FigureParseError
from gapstudy.figures import (
    POINTS_SCALE_REASON,
    READING_FIELDS,
    SCALE_ABBREVIATIONS,
    is_unit_word,
    parse_figure,
    read_mention,
)
from gapstudy.mentions import NUMBER_WORDS, Mention, find_mentions, is_modifier, is_year
from gapstudy.unheld import (
    bare_in_clause,
    clause_of_its_own,
    ends_in_level_verb,
    is_level_noun,
    is_past_tense,
    is_verb,
    list_head_start,
    predicate_starts,
    unheld_words,
    unknown_word_after,
    without_attributive_ing,
)

# A sentence ends at ". ", "! ", "? ", a full-width end ("。") or a line break; a window never
# reaches further. A full stop after an abbreviation of vocab.LEADING_ABBREVIATIONS ("U.S.
# firms", "vs. 5%") ends none, nor after one of vocab.NUMBER_ABBREVIATIONS before a digit
# ("No. 3", "Jan. 15").
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|[。！？]|\n")
_ABBREVIATION_BEFORE_RE = re.compile(r"(?<![\w.])([^\W\d_][\w.]*)$")
# The words between two figures of one list: an optional period of the first, then "and",
# "or" or a comma ("239% in 2023 and 171%", "5% last year, 7%").
# What a listed figure may carry between it and the next: a period or a place ("in 2023", "at
# the northern plant", "since May"), or one adverb of where or how ("locally", "abroad").
_LIST_ASIDE = (
    r"(?:[ \t]+(?:in|during|for|over|by|last|this|on|since|until|till|through|so[ \t]+far"
    r"|at|among|across)[ \t]+[^\n,;.()]{1,40}?"
    r"|[ \t]+(?:[^\W\d_]{3,}ly|abroad|overseas|worldwide|nationwide)"
    # a time the change is from, with no figure: "up 2% from March and 6% from last spring"
    r"|[ \t]+from[ \t]+[^\n,;.()\d$€£¥%]{1,40}?)"
)
# A name and a comma before a listed figure: "up 6%, and Chile, 4%".
_LIST_NAME = r"(?-i:(?:[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,2},[ \t]*)?)"
_LIST_GAP_RE = re.compile(
    rf"{_LIST_ASIDE}?[ \t]*"
    rf"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+){_LIST_NAME}"
    # "risen 17.5% over the decade, compared with 11.9% in the U.S.": the same measure
    rf"|{_LIST_ASIDE}?"
    r"[ \t]*[,(]?[ \t]*"  # after a comma or inside round brackets: "3% (compared with 5%"
    r"(?:compared[ \t]+(?:with|to)|versus|vs\.?|against)[ \t]+",
    re.IGNORECASE,
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
_LEVEL_REACHED_RE = re.compile(r"[ \t]+to[ \t]+", re.IGNORECASE)
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
# Nothing named after a number: the clause ends.
_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[,;:.)\]!?—–，；：。]|$)")
# A clause starts after punctuation: "by N" looks for its verb no further back.
_CLAUSE_START_RE = re.compile(r"[,;:()\[\]—–\"“”，；：]")
_FROM_TO_RE = re.compile(r"^from[ \t]+", re.IGNORECASE)
# A period on an end of "from X to Y" makes it a change over time: "from 26% (2022) to 13%
# (2024)", "from nine the previous year to 15".
_YEAR_IN_RE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:previous|prior|last)[ \t]+year\b|\byear[ \t]+(?:earlier|before|ago)\b",
    re.IGNORECASE,
)
_RANGE_WORDS = frozenset(
    {"range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "span"}
    | {"spans", "spanned", "spanning", "anywhere", "scale", "scales", "between"}
)
_MOTION_VERBS = frozenset(
    {"went", "go", "goes", "gone", "move", "moves", "moved", "shift", "shifts"}
)
# "than" right before a mention that did not take it in: a comparison the words do not hold.
_THAN_RE = re.compile(r"(?<![\w-])than[\"”’']?[ \t]*$", re.IGNORECASE)
_RANK_RE = re.compile(r"(?<![\w-])(?:top|ranked|No\.|#|number)[ \t]*$", re.IGNORECASE)
# "top" or "bottom" before a share names a ranked group ("the top 2% of researchers"): which
# ones are meant, as "the top 10" does, not a share found.
_RANKED_SHARE_RE = re.compile(r"(?<![\w-])(?:top|bottom)[ \t]*$", re.IGNORECASE)
# Words before "top" that make it a verb ("to top 20%", "will top", "could top", "not top").
_VERB_LEADS_RE = re.compile(
    r"(?<![\w-])(?:to|will|would|could|can|may|might|should|must|shall|did|does|do|not|never|"
    r"cannot|[^\W\d_]+n['’]t)[ \t]+$",
    re.IGNORECASE,
)
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+)")
_NAMED_UNIT_RE = re.compile(r"[ \t]+(?:[A-Z][A-Z\d-]+|[A-Z]\d[\w-]*)[ \t]+([^\W\d_]+)")
_OUT_OF_BEFORE_RE = re.compile(r"(?<![\w-])out[ \t]+of[ \t]+$", re.IGNORECASE)
# A unit at the end of a hyphenated word after a count, maybe after a name: "2.788M
# GPU-hours", "2.788M H800 GPU-hours" (the unit is "hours").
_HYPHENATED_UNIT_RE = re.compile(
    r"(?:[ \t]+(?:[A-Z][A-Z\d-]+|[A-Z]\d[\w-]*))?[ \t]+[^\W\d_]+-"
    r"(hours|minutes|seconds|days|weeks|months|years)\b",
    re.IGNORECASE,
)
_BY_RE = re.compile(r"^by[ \t]+", re.IGNORECASE)
# A day of the month is a date: "April 7", "Jan. 15", "7 April", "15th of March". Month names
# are matched with their capital, so that "may" the verb is not one.
_MONTHS = "|".join(name.capitalize() for name in periods.MONTH_WORDS.split("|"))
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
# A number joined by a hyphen to the words after it ("a five-times-per-year rate", "a
# five-year plan"): the compound, which the mention does not hold, says what it counts.
# Digits on the other side of a colon that make no time of day: a ratio or a score ("5:1").
_TIME_AFTER_RE = re.compile(r":\d")
_TIME_BEFORE_DIGITS_RE = re.compile(r"\d:$")
# "doubling down", "doubled down": an idiom, not a number.
_IDIOM_DOWN_RE = re.compile(r"[ \t]+down\b", re.IGNORECASE)
_DOUBLING_RE = re.compile(r"^(?:doubl|tripl)\w*$", re.IGNORECASE)
# "one-shot", "zero-shot" (a way of prompting a model) and "double digits", "triple-digit"
# (how many digits a number has): no quantity.
_SHOT_AFTER_RE = re.compile(r"-shot\b", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\b(?:double|triple)[ \t-]+digits?\b", re.IGNORECASE)
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
# A mention that ends in a comparative and a "than" later in its clause: "$25.5 billion more in
# investment than the EU and the UK" is a difference from what follows "than".
_COMPARATIVE_END_RE = re.compile(
    rf"[ \t]+(?:{'|'.join(sorted(vocab.COMPARATIVES))})$", re.IGNORECASE
)
_THAN_LATER_RE = re.compile(r"[^,;:.()\[\]—–\n]{0,40}?\bthan\b", re.IGNORECASE)
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
# A list of bare numbers whose unit is written once, after the last: "rose by 18.8, 48.9, and
# 67.3 percentage points".
_UNIT_AFTER_LIST_RE = re.compile(
    r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
    r"(?:[\d.,]+(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+))*"
    r"(?P<last>[\d.]+[ \t]*(?:%|percent\b|per[ \t]cent\b|percentage[ \t]+points?\b|points?\b"
    r"|months?\b|years?\b|times\b|[A-Za-z]*W\b|TWh\b|GWh\b))",
)
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
_HYPHEN_AFTER_RE = re.compile(r"-[^\W\d_]")
# A dash between two numbers that the mention does not span ("$100-114 billion" found as "$100"
# and "114 billion"): each end alone would read as a figure of its own.
_RANGE_DASH_AFTER_RE = re.compile(r"[-–](?:\d|(?:US|A|C)?[$€£¥])")  # "3-", "$5-$7"
_RANGE_DASH_BEFORE_RE = re.compile(r"\d[-–]$")
# A capitalised name right before a bare number: a version ("Llama 3", "Claude 3.5 Opus").
# A capitalised word right after a colon opens a clause ("Note this: The 40 climbers"): no name.
_NAME_BEFORE_RE = re.compile(r"(?<![.!?:]\s)\b([A-Z][\w-]*)[ \t]+$")


# "N times a year" after a verb of growth ("compute scaled about three times per year") may count
# how often it grew each year or be a growth factor each year: refused.
# "per year" or "annual" right after a mention that did not take it in ("grown by 4.8x per
# year", "~4–5× a year", "the 2.3x annual growth"): the reading would drop it. One pattern of
# "a year" serves all three uses.
def _words_re(words: tuple[str, ...] | frozenset[str]) -> str:
    """Alternatives of ``words`` (longest first), spaces matching any run of spaces or tabs."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"[ \t]+") for word in ordered)


# A hedge or bound, then a quotation mark opened right before the number: 'more than "40 chip
# firms"' (the quoted words hold the number, the hedge stands outside them).
_HEDGE_THEN_QUOTE_RE = re.compile(
    rf"(?<![\w-])(?P<hedge>{_words_re(frozenset(q for q in vocab.QUALIFIERS if q[:1].isalpha()))})"
    r"[ \t]*[\"“‘'][ \t]*$",
    re.IGNORECASE,
)


# "a year ago", "a year earlier", "a year prior", "a year previously" date a figure: no rate.
_PER_YEAR = (
    rf"(?:{_words_re(vocab.PER_YEAR_WORDS + vocab.ANNUAL_WORDS)})(?![\w-])"
    r"(?![ \t]+(?:ago|earlier|before|later|prior|previously)\b)"
)
_PER_YEAR_AFTER_RE = re.compile(rf"[ \t]*[x×]?[ \t]*{_PER_YEAR}", re.IGNORECASE)
_PER_YEAR_RE = re.compile(rf"\b(?P<times>times[ \t]+)?{_PER_YEAR}", re.IGNORECASE)
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
_GROWTH_VERBS = frozenset(
    {"scaled", "scales", "scaling", "multiplied", "multiplies", "multiplying", "expanded"}
    | {"expands"}
)
# "double", "triple" after "to" or a modal verb are verbs: a change ("set to more than double by
# 2030", "could triple"), where "more than double the compute" is a ratio of two amounts.
_VERB_BEFORE_RE = re.compile(
    r"(?<![\w-])(to|will|would|could|can|may|might|should|must|shall)[ \t]+$", re.IGNORECASE
)
_BASE_VERB_RE = re.compile(r"(?<![\w-])(?:double|triple|quadruple)$", re.IGNORECASE)
# A share of a whole written earlier: "a third of that", "half of them".
_PRONOUNS = frozenset({"that", "this", "it", "them", "those", "these", "which", "whom"})
_OF_PRONOUN_RE = re.compile(rf"[ \t]+of[ \t]+(?:{'|'.join(sorted(_PRONOUNS))})\b", re.IGNORECASE)
# Nouns of things counted one by one: after a number written as a year they make it a count
# ("2048 GPUs"). Nouns that often name a year's things ("2025 models", "2024 papers") are not
# among them.
_COUNTED_NOUNS = (
    "gpus|chips|accelerators|processors|cards|servers|nodes|machines|robots|engineers"
    "|researchers|scientists|employees|workers|people|users|students|developers|patents"
    "|companies|firms|startups|parameters|tokens|downloads|data centers|data centres"
)
_COUNTED_AFTER_RE = re.compile(
    rf"(?:[ \t]+(?:(?-i:[A-Z])[\w-]*|\w*\d\w*)){{0,2}}[ \t]+(?P<noun>{_COUNTED_NOUNS})\b",
    re.IGNORECASE,
)
_TIME_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:in|by|since|until|till|before|after|from|during|through|to|early|late"
    r"|mid|around|circa|fiscal|FY|year|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
    r"\.?[ \t]+$",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words that make "by N" the size of a difference, read as written ("ahead by 2.7%").
_DIFFERENCE_WORDS = frozenset(
    {"ahead", "behind", "lead", "leads", "led", "leading", "gap", "margin", "edge", "trail"}
    | {"trails", "trailed", "trailing", "outpaced", "outpaces", "outperformed", "outperforms"}
    | {"beat", "beats", "exceeded", "exceeds", "surpassed", "surpasses", "advantage", "deficit"}
    | {"difference", "differ", "differs", "apart", "separated", "topped", "tops", "won"}
    | {"lag", "lags", "lagged", "lagging", "behind", "ahead", "outstrip", "outstripped"}
    | {"outpacing", "outstripping", "surpassing", "exceeding", "beating", "outperforming"}
    | set(vocab.COMPARATIVES)
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
# A quantity the clause before calls a density ("server densities below 10kW"): an amount per
# rack or per server, though "per" is not written after it.
_DENSITY_BEFORE_RE = re.compile(r"\bdensit(?:y|ies)\b[^,;:.()]{0,30}$", re.IGNORECASE)
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
# a full stop before a digit ends an abbreviation ("Oct. 31", "No. 3"), not a clause
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]—–，；：]|[.!?](?=\s|$)(?!\s+\d)")
# A bare count followed by a preposition, not by what it counts ("10-20 for traditional
# servers"): nothing counted is named.
_NOTHING_COUNTED_RE = re.compile(
    r"[ \t]+(?:for|versus|vs\.?|against|compared|while|whereas|among|at|in|on|with)\b",
    re.IGNORECASE,
)


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
    return None


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
# The end of "from X <words> to Y" that the finder could not join ("from below 20,000 wafer
# starts per month today to roughly 100,000"): Y's unit is written with X.
# "to" right before a figure, maybe past an article and one word ("to a record 800")
_TO_BEFORE_RE = re.compile(
    r"(?<![\w-])to[ \t]+(?:(?:a|an|the)[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+)?)?$", re.IGNORECASE
)
# Punctuation that starts a clause, but not the comma that groups thousands ("20,000").
_CLAUSE_BREAK_NOT_GROUP_RE = re.compile(r"[;:()\[\]—–\"“”，；：]|,(?!\d)")
_FROM_NUMBER_RE = re.compile(r"(?<![\w-])from[ \t]+[^\W\d_]*[ \t]*[$€£¥]?\d", re.IGNORECASE)


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


# A figure of a list written bare, its scale word at most ("93.1 billion"), and what joins the
# figures of a list: commas, "and", "or", "to", "vs", "versus".
_BARE_FIGURE_RE = re.compile(
    r"\d[\d.,]*(?P<scale>[ \t]*(?:thousand|million|billion|trillion)(?![\w-]))?", re.IGNORECASE
)
_LIST_JOIN_RE = re.compile(
    r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|to|vs\.?|versus)[ \t]+", re.IGNORECASE
)
# A figure's words taken apart: what stands before its number (a currency kept, a hedge its
# own), the number and its scale, the unit written after them.
_FIGURE_PARTS_RE = re.compile(
    r"(?P<lead>\D*?)\d[\d.,]*(?P<scale>[ \t]*(?:thousand|million|billion|trillion)(?![\w-]))?"
    r"(?P<tail>.*)",
    re.IGNORECASE | re.DOTALL,
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


# A number written in words alone ("eight" in "eight or nine years"): read as its digits when a
# unit is written once after the list.
_SPELLED_COUNT_RE = re.compile(r"(?P<word>[a-z]+(?:-[a-z]+)?)(?P<rest>[ \t]+.*)?", re.IGNORECASE)


_NUMBER_WORD_TAILS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})


def _in_digits(words: str) -> str | None:
    """A figure whose number is one word ("eight", "nine years") written in digits ("8",
    "9 years"); None where it starts with no number word."""
    spelled = _SPELLED_COUNT_RE.fullmatch(words)
    alone = read_mention(spelled.group("word")) if spelled else {}
    if alone.get("kind") != "count" or alone.get("value") is None:
        return None
    rest = (spelled.group("rest") or "").split()
    if rest and (rest[0].casefold() in _NUMBER_WORD_TAILS or "kind" in read_mention(rest[0])):
        return None  # "two hundred": the number goes on past its first word
    return f"{alone['value']:g}{spelled.group('rest') or ''}"


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


def _flow_written_once(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> bool:
    """Whether an amount of money follows another given a year in its sentence."""
    is_stock = reading["kind"] == "money" and not str(reading["unit"]).endswith("_per_year")
    return is_stock and _EARLIER_FLOW_RE.search(text, floor, mention.start) is not None


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


# The nouns that are percentages themselves, singular or plural (vocab.PERCENTAGE_NOUNS).
_PERCENTAGE_NOUNS_WORDS = "|".join(
    sorted(
        (f"{noun[:-1]}(?:y|ies)" if noun.endswith("y") else f"{noun}s?")
        for noun in vocab.PERCENTAGE_NOUNS
    )
)
# "in" and a percentage named after a change written with a noun ("a 4-percent drop in its
# share of the market"): what changes is itself a percentage.
_IN_A_PERCENTAGE_RE = re.compile(
    r"[ \t]+in[ \t]+(?:(?:its|their|the|his|her|our|a|an)[ \t]+)?(?:[^\W\d_][\w-]*[ \t]+)?"
    rf"(?:{_PERCENTAGE_NOUNS_WORDS})(?![\w-])"
    # the name ends there ("in its share price" names a price, not a percentage)
    r"(?=[ \t]*(?:[,;:.!?)\]—–]|$)|[ \t]+(?:of|in|on|at|to|for|from|since|over|and|or|this"
    r"|last|after|as|is|was|were|are|has|had|have|will|would|could|may|might)(?![\w-])"
    r"|[ \t]+[^\W\d_]+ed(?![\w-]))",
    re.IGNORECASE,
)


def _change_of_a_percentage(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a change in percent written with a noun of change before "in" and a percentage
    ("a 4-percent drop in its share of the market") is refused: the change may be in points or
    relative, as after a verb and such an object; else None."""
    if reading.get("kind") != "change" or reading.get("unit") != "percent":
        return None
    if (named := _IN_A_PERCENTAGE_RE.match(text, mention.end)) is None:
        return None
    return (
        f"{mention.text!r} changes a percentage ({named.group().strip()!r}): the change may be "
        f"in points or relative, which the words do not say; {vocab.REFUSAL_ADVICE}"
    )


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


def _unsaid_unit_or_whole(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> str | None:
    """Why a figure whose words leave its unit or what it changes unsaid is refused: another
    dollar in brackets, a change of a percentage, a part of one thing counted; else None."""
    return (
        _another_dollar(text, mention, floor)
        or _change_of_a_percentage(text, mention, reading)
        or _fraction_of_nothing(mention, reading)
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


# --- words touching a figure that its own words do not hold (docs/annotations.md, "A word
# touching the figure"): read with that word where a rule gives its reading, else refused ---
# a short name in brackets ("(RPSM)") between "per <noun>" and an amount: no clause break
_SHORT_NAME_BRACKET_RE = re.compile(r"[ \t]*\([ \t]*[A-Z][A-Za-z&]{1,7}[ \t]*\)")
# a currency word between a hedge and the sign: "about US $3 billion"
_HEDGE_CURRENCY_WORD_RE = re.compile(
    r"(?<![\w-])(?P<hedge>(?:[^\W\d_]+[ \t]+)?[^\W\d_]+)[ \t]+(?:US|USD|A|AU|C|CA|NZ|HK|S)[ \t]*$"
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
_HEDGED_BOUNDS = frozenset({"approximate", "lower", "upper"})
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


# the verbs of a small move, whose "up to" gives a level (vocab.LEVEL_WORDS: "edge up to")
_SMALL_MOVE_VERBS = frozenset(
    word.removesuffix(" up to") for word in vocab.LEVEL_WORDS if word.endswith(" up to")
)
_VERB_UP_OR_DOWN_BY_RE = re.compile(
    r"(?<![\w-])(?P<verb>[^\W\d_]+)[ \t]+(?P<move>(?:up|down)[ \t]+by)[ \t]+$", re.IGNORECASE
)


def _small_move_by(text: str, mention: Mention) -> dict[str, Any] | None:
    """A figure after a verb of a small move (``_SMALL_MOVE_VERBS``, any form), "up" or
    "down" and "by" ("staff numbers edged up by 300 jobs"): the change it names, as "up by
    300" is, else refused; None where no such words stand before it."""
    found = _VERB_UP_OR_DOWN_BY_RE.search(text, max(0, mention.start - 40), mention.start)
    if found is None:
        return None
    lemmas = lemminflect.getAllLemmas(found.group("verb").casefold()).get("VERB", ())
    if not _SMALL_MOVE_VERBS.intersection(lemmas):
        return None
    move = " ".join(found.group("move").split())
    changed = read_mention(f"{move} {mention.text}")
    if changed.get("kind") == "change":
        return changed | {"read_with": f"{found.group().strip()!r} before it"}
    return {
        "refusal": f"{found.group().strip()!r} before {mention.text!r} makes it a change, "
        f"which its words do not read as; {vocab.REFUSAL_ADVICE}"
    }


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


# the noun "raise" after a percentage, up to three plain words between ("a 6% pay raise")
_RAISE_AFTER_RE = re.compile(
    r"(?:[ \t]+(?!(?:to|and|or|of|in|for|will|would|could|may|might|can)\b)"
    r"[^\W\d_][\w-]*){0,3}?[ \t]+raise(?![\w-])",
    re.IGNORECASE,
)


# An article or a possessive right before a figure: a noun that is a verb too after the figure
# is then the noun ("took a 4% hit", "its 6% sales hit", "a 6% pay raise";
# vocab.PERCENT_NOUNS_ALSO_VERBS).
_ARTICLE_OR_POSSESSIVE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:a|an|the|its|their|his|her|our|this|that)[ \t]+$", re.IGNORECASE
)


def _raise_noun_after(text: str, mention: Mention) -> str | None:
    """The words up to the noun "raise" after a percentage that an article or a possessive
    stands before ("a 4.1% cost-of-living raise", "their 6% raise"): a rise, as "increase"
    after it is; else None (with no article "raise" is the verb: "40% margins raise prices")."""
    if not _ARTICLE_OR_POSSESSIVE_BEFORE_RE.search(text, max(0, mention.start - 8), mention.start):
        return None
    found = _RAISE_AFTER_RE.match(text, mention.end)
    return found.group().strip() if found else None


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


# --- words next to a figure that change it (docs/annotations.md: each beside its kin, e.g. "past"
# with the bounds the mention does not hold, words of doubt with the hedges) ---
# "past" right after a verb (no "the" before it: "the past 12 months" is a period): "surged past
# 40 million euros" is more than that, a bound the mention does not hold.
_PAST_BOUND_BEFORE_RE = re.compile(
    r"(?<![\w-])(?!(?:the|half|quarter|ten|twenty|five)[ \t])[^\W\d_]+[ \t]+past[ \t]+$",
    re.IGNORECASE,
)
# "quarters" after a number word, after a word of order: "the first two quarters of 2024", "the
# last three quarters" are a part of a period, never a fraction.
_QUARTERS_OF_PERIOD_RE = re.compile(
    r"(?<![\w-])(?:first|last|past|next|final|previous|preceding|following|opening|closing)"
    r"[ \t]+[^\W\d_]+[ \t]+quarters?(?![\w-])",
    re.IGNORECASE,
)
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


# A noun of change and "in" right before a percentage: "a drop in 1.5% for rents".
_CHANGE_NOUN_IN_RE = re.compile(
    rf"(?<![\w-])(?:an?[ \t]+)?(?P<noun>{'|'.join(sorted(vocab.CHANGE_NOUNS))})[ \t]+in[ \t]+$",
    re.IGNORECASE,
)


def _change_noun_in(text: str, mention: Mention, reading: dict[str, Any]) -> dict[str, Any] | None:
    """A bare level percentage right after a noun of change and "in" ("a drop in 1.5%") read
    as that change, as "a drop of 1.5%" is; a share of a whole ("a rise in 20% of cases")
    stays a share. Else None."""
    if reading["kind"] != "percent" or "whole" in reading or reading.get("read_with"):
        return None
    if " of " in mention.text or _OF_AFTER_RE.match(text, mention.end):
        return None
    found = _CHANGE_NOUN_IN_RE.search(text, max(0, mention.start - 30), mention.start)
    if found is None:
        return None
    changed = read_mention(f"a {found.group('noun').casefold()} of {mention.text}")
    return _with_verb(changed, found.group().strip()) if "kind" in changed else None


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


# "every"/"each" and a numbered span right after a change: "doubles every 10 months", "fell by
# half every 18 months" (the number may be a word: "every two years").
_EVERY_NUMBERED_SPAN_RE = re.compile(
    r"[ \t]+(?:every|each)[ \t]+(?:[\d.,]+|[^\W\d_]+)[ \t]+"
    r"(?:years?|months?|weeks?|days?|quarters?|decades?|hours?)(?![\w-])",
    re.IGNORECASE,
)


def _change_every_span(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a change followed by "every"/"each" and a numbered span is refused: it is a change
    per that span (a rate, for which the project has no unit), not a total change; else None.
    ("every year" is held by the mention itself and read as a change a year.)"""
    found = _EVERY_NUMBERED_SPAN_RE.match(text, mention.end)
    if reading.get("kind") != "change" or found is None:
        return None
    return (
        f"{found.group().strip()!r} after {mention.text!r} makes it a change per that span (a rate)"
    )


def _read_by_figure(text: str, mention: Mention) -> dict[str, Any]:
    """:func:`_read_in_sentence`, with a "by N" figure that takes its unit from a later list item
    read as :func:`_by_figure_with_a_lent_unit` reads it ("by 15 or 20%": a change)."""
    reading = _read_in_sentence(text, mention)
    if reading.get("kind") == "percent" and _BY_RE.match(mention.text):
        return _by_figure_with_a_lent_unit(text, mention, reading)
    return reading


# A verb or noun of change, then "for" or "in" right before a figure: "fell for 4.5%", "a drop
# in 1.5%" (neither preposition is declared for the size of a change).
_CHANGE_THEN_FOR_OR_IN_RE = re.compile(
    r"(?<![\w-])(?P<word>"
    + "|".join(
        re.escape(w)
        for w in sorted(
            {*vocab.CHANGE_VERBS, *vocab.CHANGE_NOUNS, *vocab.CHANGE_NOUN_PLURALS},
            key=len,
            reverse=True,
        )
    )
    + r")[ \t]+(?P<prep>for|in)[ \t]+$",
    re.IGNORECASE,
)


def _change_through_for_or_in(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a percentage read as a level right after a verb or noun of change and "for" or "in"
    ("Rents fell for 4.5% in May") is refused: the word may make it that change, whose reading
    the mention does not hold; never a level with the change lost. Else None."""
    if reading.get("kind") != "percent" or "whole" in reading:
        return None
    found = _CHANGE_THEN_FOR_OR_IN_RE.search(text, max(0, mention.start - 40), mention.start)
    if found is None:
        return None
    return (
        f"{found.group('word')!r} and {found.group('prep')!r} right before {mention.text!r} may "
        f"make it the size of that change, which the mention does not hold; "
        f"{vocab.REFUSAL_ADVICE}"
    )


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


def _continues_a_refusal(other: Mention, mention: Mention, read: dict[str, Any]) -> bool:
    """Whether ``other``, a percentage before ``mention`` whose reading in its sentence is
    ``read``, is refused ("wobbled 4% ... and 6%": the verb is undeclared): the bare
    percentage after it may continue it, so it is refused too."""
    if "refusal" not in read or other.end > mention.start:
        return False
    return read_mention(other.text).get("unit") == "percent"


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


# "density" earlier in the sentence, and "to" right before a later figure: the far end of
# the same density ("Staffing density stood at 14 nurses before climbing to 20").
_DENSITY_EARLIER_RE = re.compile(r"\bdensit(?:y|ies)\b[^;:()]*(?<![\w-])to[ \t]+$", re.IGNORECASE)
# A clause of its own between "density" and the figure: the figure is no longer its end.
_OWN_CLAUSE_RE = re.compile(r"(?<![\w-])(?:while|whereas|but|although|though)\b|,[ \t]+and\b")
# The nouns of change in the singular and the plural.
_CHANGE_NOUN_FORMS = frozenset(vocab.CHANGE_NOUNS) | frozenset(vocab.CHANGE_NOUN_PLURALS)
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


# "from X to Y" inside a mention: a change whose two ends are levels the text reports.
_FROM_TO_WORDS_RE = re.compile(r"(?<![\w-])from[ \t]+\S.*?[ \t]to[ \t]+\S", re.IGNORECASE)
# What stands around an end's period as written: a preposition before it, brackets around it.
_PERIOD_LEAD_RE = re.compile(r"^(?:in|during|as[ \t]+of|for)[ \t]+", re.IGNORECASE)


def _as_levels(text: str, mention: Mention, reading: dict[str, Any]) -> dict[str, Any]:
    """A change "from X to Y" as the two levels the text reports, each with its words (a
    verbatim span of ``text``: ``start``/``end``), reading and period where the words date it
    ("from 27% in 2019 to 38% in 2022"): ``{"levels": [start, end], "level_of": words}``.
    The change itself is a number the text does not contain, derived from the two figures
    (derived.yaml). A level whose words alone read otherwise than in the change ("from 3 to
    5 billion": "3" takes its scale from the other end) is refused, naming it: the start as a
    level of its own beside the far end, which holds its own unit; the far end, the whole."""
    try:
        ends = parse_figure(mention.text).ends
    except FigureParseError:
        return reading
    if ends is None:
        return reading
    levels, search_from = [], 0
    for which, end in zip(("start", "end"), ends, strict=True):
        at = mention.text.find(end.text, search_from)
        words = [m for m in find_mentions(end.text) if not is_year(m.text)]
        if at < 0 or not words:
            return {
                "refusal": f"the {which} of {mention.text!r}, {end.text!r}, is not a level the "
                f"mention's words give alone; {vocab.REFUSAL_ADVICE}"
            }
        search_from = at + len(end.text)
        level = words[0]
        alone = read_mention(level.text)
        in_change = {name: getattr(end, name) for name in READING_FIELDS}
        begin = mention.start + at + level.start
        alone = _zero_in_its_unit(alone, in_change)
        if {name: alone.get(name) for name in READING_FIELDS} != in_change:
            refusal = (
                f"the {which} of {mention.text!r}, {level.text!r}, reads otherwise alone than in "
                f"the change (its unit or scale is written with the other end); quote each level "
                f"with its unit, or quote the change; {vocab.REFUSAL_ADVICE}"
            )
            if which == "end":
                return {"refusal": refusal}
            # "from 4 to 4.6 percent": the far end holds its own unit and is read; the start
            # is refused as a level of its own
            alone = {"refusal": refusal}
        period = _PERIOD_LEAD_RE.sub("", end.text[level.end :].strip()).strip("() \t")
        levels.append(
            alone
            | {"text": level.text, "start": begin, "end": begin + len(level.text)}
            | ({"period": period} if period else {})
        )
    return {"levels": levels, "level_of": mention.text}


def _zero_in_its_unit(alone: dict[str, Any], in_change: dict[str, Any]) -> dict[str, Any]:
    """An end of "from X to zero" read alone as nothing: zero of any unit is zero, so the unit
    the other end writes changes no number ("from 60% to zero" reaches 0%)."""
    nothing = all(alone.get(name) == 0 == in_change.get(name) for name in ("value", "low", "high"))
    if nothing and alone.get("bound") == in_change.get("bound") == "exact":
        return alone | in_change
    return alone


# "from a/an/the <noun> of" right before a figure, the noun one or two words on.
_FROM_NOUN_OF_RE = re.compile(
    r"(?<![\w-])from[ \t]+(?:an?|the)[ \t]+(?:[^\W\d_]+[ \t]+)?(?P<noun>[^\W\d_]+)[ \t]+of[ \t]+$",
    re.IGNORECASE,
)


def _from_apart(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """ "X to Y" read as a range, right after "from a <level noun> of" (vocab.LEVEL_WORDS: "from
    a rate of 3.1% to 3.4%"): the ends of a "from X to Y" the finder could not join, two levels (as
    :func:`_as_levels` gives them); with another noun ("from a total of $3 million to $5
    million"), refused; None where no such words stand before it, or a word of range stands
    in its clause ("ranging from a low of 3% to 5%", "from a range of 3% to 5%")."""
    apart = _FROM_NOUN_OF_RE.search(text, floor, mention.start)
    if apart is None or _FROM_TO_WORDS_RE.search(mention.text):
        return None
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, floor, apart.start())]
    clause = text[starts[-1] if starts else floor : mention.start]
    if any(word.casefold() in _RANGE_WORDS for word in _WORD_RE.findall(clause)):
        return None  # "ranging from a low of 3% to 5%", "from a range of 3 to 5"
    if not is_level_noun(apart.group("noun")):
        return {  # "from a total of $3 million to $5 million": two ends, never one range
            "refusal": f"{mention.text!r} after {apart.group().strip()!r}: the ends of a 'from X "
            f"to Y', not one range, with a noun before them that is no declared noun of a "
            f"level; {vocab.REFUSAL_ADVICE}"
        }
    joined = Mention(mention.start - 5, mention.end, "from " + mention.text)
    levels = _as_levels(text, joined, reading)
    return levels | {"level_of": mention.text} if "levels" in levels else None


# A noun of change, then "in" and a phrase of up to four words with no number, then "of",
# right before a figure: "a drop in car crime of 2.2 percent".
_CHANGE_NOUN_IN_OF_RE = re.compile(
    r"(?<![\w-])(?:an?|the|its|their)[ \t]+(?P<noun>[^\W\d_]+)[ \t]+in"
    r"(?:[ \t]+[^\W\d_][\w'’-]*){1,6}?[ \t]+of[ \t]+$",
    re.IGNORECASE,
)
_LEVEL_READS = frozenset({"percent", "money", "count"})


def _change_noun_apart(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """A figure after a noun of change and "of", with "in" and a phrase between ("a drop in
    car crime of 2.2 percent"): the phrase names what changed, as it does after the figure ("a
    drop of 2.2 percent in car crime"), so the figure is the change's size; else None."""
    apart = _CHANGE_NOUN_IN_OF_RE.search(text, floor, mention.start)
    if apart is None or apart["noun"].casefold() not in vocab.CHANGE_NOUNS:
        return None
    read = read_mention(f"{apart['noun']} of {mention.text}")
    if read.get("kind") != "change":
        return None
    return read | {"read_with": f"{text[apart.start() : mention.start].strip()!r} before it"}


def _shifted(span: tuple[int, int] | None, by: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + by, span[1] + by)


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


def _excluded_in_context(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """The exclusion's reason for a number its sentence makes no quantity: a day of the month,
    a scale word after a vague word, "one" standing for a thing, an age; else None."""
    if _is_day_of_month(text, mention):
        return vocab.DATE_REASON
    return _vague_or_age(text, mention, reading)


def _elided_comparison(text: str, mention: Mention, reading: dict[str, Any]) -> str | None:
    """Why a comparison whose words are left out is refused: all its bracket holds ("(5% more
    jobs)"), "better"/"worse" after a percentage, a bound before "the" and a mark ("past the
    $10 billion mark"); else None."""
    return (
        _bracketed_comparison(text, mention, reading)
        or _better_or_worse(text, mention, reading)
        or _bound_before_a_mark(text, mention)
    )


# A bound after what a number counts or measures: "128 layers or more", "500 GPUs or fewer".
_TRAILING_BOUND_RE = re.compile(
    r"(?:[ \t]+[^\W\d_][\w-]*){1,2}[ \t]+or[ \t]+(?:more|less|fewer|greater|higher|lower|above"
    r"|below|over|under)\b(?![ \t]+than\b)",
    re.IGNORECASE,
)


def _takes_up_as_particle(word: str) -> bool:
    """Whether ``word`` is a form of a verb that takes "up" as its particle of change
    (vocab.UP_PARTICLE_VERBS: "went up", "shot up")."""
    lemmas = lemminflect.getAllLemmas(word.casefold()).get("VERB", ())
    return any(lemma in vocab.UP_PARTICLE_VERBS for lemma in lemmas)


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
_OF_AFTER_RE = re.compile(r"[ \t]+(?:of|on)(?![\w-])", re.IGNORECASE)


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


# What a multiplier is of, when that is the same thing at another time: "double what it was".
_ITSELF_AFTER_RE = re.compile(
    r"[ \t]+(?:of[ \t]+)?what[ \t]+(?:it|they)[ \t]+(?:was|were|had[ \t]+been)\b",
    re.IGNORECASE,
)


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
        if not _LIST_GAP_RE.fullmatch(text[previous.end : mention.start]):
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


# The change's own terms between it and ", or" ("grew 9 percent at current prices, or 5 percent
# adjusted for inflation"): the restatement still follows the change, as with no words between.
_TERMS_THEN_OR_RE = re.compile(
    r"[ \t]+(?:in|at)[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+){0,2}"
    r"(?:terms|prices|dollars|euros|yuan|yen|money)(?=[ \t]*,[ \t]*or[ \t])",
    re.IGNORECASE,
)


def _counted_then_or(text: str, previous: Mention, mention: Mention) -> bool:
    """Whether one plain noun naming what the count ``previous`` counts stands between it and
    ", or" (or "or" with no comma) before ``mention`` ("cutting it by 30,000 bins, or 4%",
    "dipped by 150 people or 3.5%"): the noun belongs to the count, and "or" still restates
    it."""
    if _COUNTED_THEN_OR_RE.fullmatch(text, previous.end, mention.start) is None:
        return False
    return read_mention(previous.text).get("unit") == "count"


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
_DASH_OPENS_RE = re.compile(r"[ \t]*(?P<dash>[—–])[ \t]*")


def _in_dashes_after(text: str, previous: Mention, mention: Mention) -> bool:
    """Whether ``mention`` alone fills an aside between paired dashes right after ``previous``
    ("rose 5% – about $20 million – to $420 million")."""
    opens = _DASH_OPENS_RE.fullmatch(text, previous.end, mention.start)
    return (
        bool(opens) and re.match(rf"[ \t]*{opens.group('dash')}", text[mention.end :]) is not None
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


def _of_amounts(reading: dict[str, Any]) -> bool:
    """Whether ``reading`` writes a unit a bare count after it may take ("seven months behind
    (sometimes just four)"): not a count, a refusal or an exclusion, and not a ratio of two
    amounts, which is in the amounts' own unit, whatever it is ("grew fivefold to 36 million",
    "grew 50% to 36 million": the level keeps its own words). A change in percentage points
    writes the percent its level is in."""
    unit = reading.get("unit")
    is_ratio = unit == "fold" or (reading.get("kind") == "change" and unit == "percent")
    return unit not in (None, "count") and not is_ratio


# A noun of change, then "below", "under" or "above" right before a level: "a drop below $900",
# "a rise above 10%". The words name the level reached, with its bound; "over" after a change
# names its baseline ("a 60 percent increase over $7.5 billion") and stays as read.
_LEVEL_REACHED_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<noun>{_words_re(frozenset(vocab.CHANGE_NOUNS) - {'discount'})})[ \t]+"
    r"(?P<bound>below|under|above)[ \t]+$",
    re.IGNORECASE,
)


def _level_reached(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A level after a noun of change and a word of bound ("a drop below $900"): the level
    the change reaches, read with its bound (at most $900); refused where the bound goes
    against the change ("a rise below 5%"); None where no such words stand before it."""
    before = _LEVEL_REACHED_BEFORE_RE.search(text, max(floor, mention.start - 30), mention.start)
    if before is None or reading.get("bound") != "exact" or reading["kind"] == "change":
        return None
    noun, bound = before.group("noun").casefold(), before.group("bound").casefold()
    said = f"{before.group().strip()!r} before it: the level the change reaches"
    if vocab.CHANGE_NOUNS[noun] != (1 if bound == "above" else -1):
        return {
            "refusal": f"{before.group().strip()!r} before {mention.text!r} sets a bound "
            f"against the change's direction: a level reached or a baseline?; "
            f"{vocab.REFUSAL_ADVICE}"
        }
    return _read_with_words(f"{bound} {mention.text}", said)


def _priced_negated_or_joined(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """One unit a price is per, refused; a figure after a negation that turns no bound over,
    refused; a level after a noun of change and a bound ("a drop below $900"), read with
    them; a count joined by a hyphen to what it counts, read; a number joined by a hyphen to
    a unit, a span or a scale word before a noun, read or refused; else None."""
    if refusal := _one_unit_priced(text, mention, reading, floor) or _negated(
        text, mention, reading, floor
    ):
        return {"refusal": refusal}
    if (reached := _level_reached(text, mention, reading, floor)) is not None:
        return reached
    return _count_as_modifier(text, mention, reading, floor) or _hyphen_compound(
        text, mention, reading
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


def _read_with_words(words: str, where: str) -> dict[str, Any]:
    """``words`` (a mention and words beside it, verbatim) read; ``where`` names the words."""
    reading = read_mention(words)
    if "refusal" in reading:
        return {"refusal": f"read with {where}: {reading['refusal']}"}
    return reading | {"read_with": where}


# A year joined by "to" to a number that is no year: "from 12 ships in 2015 to 75 last year".
# What may follow a bare far end: the end of its clause, or a word of time ("75 last year").
_BARE_END_RE = re.compile(
    r"[ \t]*(?:$|[,.;:)\]]|(?:last|this|next|in|by|on|at|and|or|a|an|the)\b)", re.IGNORECASE
)
_YEAR_TO_NUMBER_RE = re.compile(r"((?:19|20)\d\d)[ \t]*(?:to|[-–])[ \t]*(\S+)$")


def _year_then_far_end(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """A range the finder made of a year and a number after it ("2015 to 75") inside a "from
    X ... to Y" whose start stands before it: the year stays excluded, and the exclusion says
    that the number is the far end, refused with its start ("from 12 ships in 2015 to 75");
    else None."""
    joined = _YEAR_TO_NUMBER_RE.match(mention.text)
    if joined is None or is_year(joined.group(2)) or not _BARE_END_RE.match(text, mention.end):
        return None  # "in 2019 to 90 units in 2023": the far end has a unit of its own
    starts = [m.end() for m in _CLAUSE_BREAK_NOT_GROUP_RE.finditer(text, floor, mention.start)]
    if not _FROM_NUMBER_RE.search(text[starts[-1] if starts else floor : mention.start]):
        return None
    return {
        "exclusion": (
            f"{vocab.YEAR_REASON} ({joined.group(1)!r}); {joined.group(2)!r} after it ends a "
            f"'from X ... to Y' whose unit and words stand with X, which the mention does not "
            f"hold: refused; {vocab.REFUSAL_ADVICE}"
        )
    }


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


def _list_start(text: str, earlier: list[Mention], i: int) -> Mention:
    """The first figure of the list whose figure ``earlier[i]`` is."""
    while i > 0 and _LIST_GAP_RE.fullmatch(text[earlier[i - 1].end : earlier[i].start]):
        i -= 1
    return earlier[i]


# A word in the past tense in "-ed"; where its clause starts, back from a figure.
_ED_WORD_RE = re.compile(r"(?<![\w'’-])[^\W\d_]+ed(?![\w'’-])", re.IGNORECASE)
_CLAUSE_MARK_RE = re.compile(
    r"[,;:()\[\]—–]|(?<![\w'’-])(?:than|as|and|but|while|whereas)(?![\w-])", re.IGNORECASE
)


def _clause_start(text: str, end: int) -> int:
    """Where the clause of the words ending at ``end`` starts: after its last clause mark
    or word of comparison or joining ("than", "as", "and"), else the text's start."""
    marks = list(_CLAUSE_MARK_RE.finditer(text, 0, end))
    return marks[-1].end() if marks else 0


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


_OF_AFTER_RE = re.compile(r"[ \t]+of(?![\w-])", re.IGNORECASE)


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


def _is_aside(text: str, earlier: Mention, mention: Mention) -> bool:
    """Whether ``earlier`` stands in a bracket that closes before ``mention`` ("200,000 GPUs
    (each costing about $30,000), while ... only around 10,000"): an aside, whose unit is
    not the one a later bare number leaves out."""
    opened = text.rfind("(", 0, earlier.start)
    closed = text.find(")", earlier.end, mention.start)
    return opened != -1 and closed != -1 and text.rfind(")", opened, earlier.start) == -1


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


def _misspelt_scale(word: str) -> bool:
    """Whether ``word`` (in lower case) is one letter away from a scale word ("billon") or,
    being no word of the English lexicon, from a scale word written short in three letters
    ("ln" for "bln"); a short word of the lexicon ("oil", "in") is none."""
    if any(_one_edit(word, scale) for scale in vocab.SCALES):
        return True
    if word in SCALE_ABBREVIATIONS or len(word) < 2 or lemminflect.getAllLemmas(word):
        return False
    return any(_one_edit(word, short) for short in SCALE_ABBREVIATIONS if len(short) == 3)


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


def _one_edit(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` with one letter left out, added, changed or two swapped."""
    if abs(len(word) - len(other)) > 1 or word == other:
        return False
    if len(word) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == other[diff[1]]
        return len(diff) == 1 or (swapped and word[diff[1]] == other[diff[0]])
    short, long = sorted((word, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


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


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``: from after the last sentence end before it to
    the first sentence end after it."""
    # A line break ends a sentence: the ends to look at lie on the span's own lines.
    sentence_start = text.rfind("\n", 0, start) + 1
    for m in _SENTENCE_END_RE.finditer(text, sentence_start):
        if _is_abbreviation(text, m):
            continue
        if m.end() <= start:
            sentence_start = m.end()
        elif m.start() >= end:
            return sentence_start, m.start()
    return sentence_start, len(text)


def _is_abbreviation(text: str, end: re.Match[str]) -> bool:
    """Whether the full stop ``end`` closes an abbreviation that ends no sentence."""
    if end.group() != ".":
        return False
    word = _ABBREVIATION_BEFORE_RE.search(text, max(0, end.start() - 12), end.start())
    if word is None:
        return False
    if word.group(1) in vocab.LEADING_ABBREVIATIONS:
        return True
    return word.group(1) in vocab.NUMBER_ABBREVIATIONS and text[end.end() :].lstrip()[:1].isdigit()


def _is_bare(reading: dict[str, Any], *, past_hedge: bool = False) -> bool:
    """A figure with nothing of its own: a level with no qualifier (or, ``past_hedge``, with
    a hedge or a bound of its own set aside: "roughly 6%") and no named whole."""
    is_level = reading["kind"] in ("percent", "count")
    unqualified = past_hedge or reading["qualifier"] is None
    return is_level and unqualified and "whole" not in reading


# Between two figures of one list: at most three words (what the first counts, its period),
# then "and", "or" or a comma: "up to 7m homes or 20pc", "about 5% in May and 7% in June".
# ", or" restates the same amount in other terms ("1.5 percent of ..., or 415 TWh"): no list.
_LIST_ITEM_GAP_RE = re.compile(
    r"(?P<words>(?:[ \t]+[^\W\d_][\w'’-]*){0,3}?)"
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|or)[ \t]+)",
    re.IGNORECASE,
)
_HEDGED = frozenset({"approximate", "upper", "lower"})


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


# Past participles that are not in "-ed": "driven by", "run by", "built by".
_IRREGULAR_PARTICIPLES = frozenset(
    {"driven", "run", "built", "led", "made", "held", "owned", "written", "shown", "given"}
    | {"taken", "done", "known", "chosen", "won", "bought", "sold", "paid", "funded", "brought"}
)


def _by_the_doer(words: list[str], reading: dict[str, Any]) -> dict[str, Any] | None:
    """ "powered by 18,000 NVIDIA Grace Blackwell systems", "used by 500 million people": a
    count after "by" right after a participle that is no verb of change names who or what does
    it (the doer), not the size of a change: read as the count; else None."""
    if not words or reading.get("kind") != "count" or reading.get("unit") != "count":
        return None
    word = words[-1]
    is_participle = word.endswith("ed") or word in _IRREGULAR_PARTICIPLES
    changes = vocab.CHANGE_VERBS.keys() | _GROWTH_VERBS | _OBJECT_CHANGE_VERBS | _DIFFERENCE_WORDS
    if not is_participle or word in changes or word in vocab.CHANGE_NOUNS:
        return None
    return reading | {"read_with": f"{word + ' by'!r} before it: who or what does it, not a change"}


def _undeclared_verb_before(words: list[str]) -> str | None:
    """The verb in "-ed" right before "by N" when it is no declared verb of change, no word of
    difference and no verb with its own direction ("wobbled by"): the "by N" is its own,
    whatever verb stands earlier; else None."""
    word = words[-1] if words else ""
    known = vocab.CHANGE_VERBS.keys() | _DIFFERENCE_WORDS | _OBJECT_DIRECTION_VERBS.keys()
    if len(word) < 5 or not word.endswith("ed") or word in known or word in vocab.CHANGE_NOUNS:
        return None
    return word


# "by" and a verb in "-ing" before a figure: "by adding 120", "by cutting 5%" (a means).
_BY_MEANS_RE = re.compile(r"(?<![\w-])by[ \t]+(?P<verb>[^\W\d_]+ing)[ \t]", re.IGNORECASE)


def _by_a_means(words: str) -> dict[str, Any] | None:
    """A verb of change, "by" and a verb in "-ing" before a figure ("grew by adding 14"): the
    figure read from the "-ing" verb on, the object of the means; None where there is no such
    "by", or the words from the verb on do not read."""
    means = _BY_MEANS_RE.search(words)
    if means is None or means.start() == 0 or _opens_a_qualifier(means["verb"]):
        return None
    read = read_mention(words[means.start("verb") :])
    if "refusal" in read:
        return None
    return read | {"read_with": f"'by {means['verb']}' in its words: a means, not an amount"}


def _opens_a_qualifier(word: str) -> bool:
    """Whether ``word`` is the first word of a declared qualifier ("exceeding", "topping")."""
    return any(q.split()[0] == word.casefold() for q in vocab.QUALIFIERS)


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


# A dash right after a verb of change opens an aside that still belongs to it: "dropped
# sharply – by 6% – over the summer".
_DASH_AFTER_VERB_RE = re.compile(r"(?P<verb>[^\W\d_]+)(?:[ \t]+[^\W\d_]+ly)?[ \t]*[—–][ \t]*$")


def _past_a_dash_after_a_verb(text: str, starts: list[int]) -> list[int]:
    """The clause starts without the last one when it is a dash right after a verb of change
    (and an adverb in "-ly"), so "by N" past the dash is read with that verb."""
    if not starts or text[starts[-1] - 1] not in "—–":
        return starts
    found = _DASH_AFTER_VERB_RE.search(text, starts[-2] if len(starts) > 1 else 0, starts[-1])
    if found is None or found.group("verb").casefold() not in vocab.CHANGE_VERBS:
        return starts
    return starts[:-1]


# Verbs of going above that compare two amounts, and the words that date what is compared at an
# earlier time ("exceeding last year's by 8 percent", "beat the previous record by 5%").
_GOING_ABOVE_WORDS = frozenset(
    {"beat", "beats", "beating", "exceeded", "exceeds", "exceeding", "surpassed", "surpasses"}
    | {"surpassing", "outpaced", "outpaces", "outpacing", "outstrip", "outstripped"}
    | {"outstripping", "topped", "tops"}
)
_EARLIER_TIME_RE = re.compile(
    r"(?<![\w-])(?:last|previous|prior|preceding|earlier|ago|(?:19|20)\d\d)(?![\w-])",
    re.IGNORECASE,
)


def _beat_an_earlier_time(clause: str, word: str, reading: dict[str, Any]) -> dict[str, Any] | None:
    """A percentage or a count after a verb of going above whose object is the same thing at an
    earlier time ("exceeding last year's by 8 percent", "exceeding the 2020 number by 37
    million"): one quantity at two times, a rise of N, as after "than" and a time. Else None
    (another thing: read as written)."""
    if word not in _GOING_ABOVE_WORDS or reading.get("kind") not in ("percent", "count"):
        return None
    if "whole" in reading:
        return None
    at = [m.end() for m in re.finditer(rf"(?<![\w-]){word}(?![\w-])", clause, re.IGNORECASE)]
    compared = clause[at[-1] :] if at else ""
    if _EARLIER_TIME_RE.search(compared) is None:
        return None
    said = f"{word} {compared.strip()}"
    return reading | {
        "kind": "change",
        "read_with": f"{said!r} before it: the same at an earlier time",
    }


_WORD_BEFORE_COMMA_RE = re.compile(r"(?<![\w-])([^\W\d_]+)[ \t]*,[ \t]*$")


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


def _verb_before_comma(text: str, floor: int, start: int) -> str | None:
    """The declared verb of change right before the comma that opens a part set off by commas
    ("grew, by about 6%, this spring": "grew"), where ``start`` is just after that comma;
    else None."""
    found = _WORD_BEFORE_COMMA_RE.search(text, floor, start)
    if found is None or not text[found.end(1) : start].strip().startswith(","):
        return None
    word = found.group(1).casefold()
    return word if word in vocab.CHANGE_VERBS else None


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
        if word in vocab.CHANGE_VERBS or word in _MOTION_VERBS or word.endswith(("ing", "ed")):
            return reading
    return {
        "refusal": f"{mention.text!r} with no verb in its clause may be a change or a span of "
        f"values (a scale, a range); {vocab.REFUSAL_ADVICE}"
    }


# A verb of change and its object before a percentage: "grew revenue 20%", "slashed prices
# 30%", "cut its prices 30%". A verb that moves its object one way is a change that way, up
# as down: "cut costs 50%" is "cut costs by 50%" (a fall), "raised prices 10%" is "raised
# prices by 10%" (a rise). Verbs that carry their own size ("doubled revenue 20%") are refused.
_OBJECT_DIRECTION_VERBS = {
    **dict.fromkeys(("cut", "cuts", "cutting"), "cut by"),
    **dict.fromkeys(("raised", "raise", "raises", "raising", "hiked", "hike", "hikes"), "up"),
    **dict.fromkeys(("hiking", "boosted", "boost", "boosts", "boosting", "lifted"), "up"),
    **dict.fromkeys(("lift", "lifts", "lifting"), "up"),
}
_OBJECT_DIRECTION_WORDS = {"cut by": "cut by", "up": "increased by"}
# An object that is itself a percentage ("raised rates 0.25%"): its change may be in points.
_PERCENT_NAMED_RE = re.compile(rf"(?:{_PERCENTAGE_NOUNS_WORDS})", re.IGNORECASE)
_OBJECT_CHANGE_VERBS = frozenset(
    {"doubled", "doubles", "doubling", "tripled", "triples", "tripling", "halved", "halves"}
    | {"halving"}
)
_NOT_OBJECT_WORDS = frozenset(
    {"to", "of", "by", "in", "on", "at", "for", "from", "than", "and", "or", "but", "with"}
    | {"is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "that"}
    | {"which", "who", "about", "around", "nearly", "almost", "over", "under", "as", "some"}
    | {"while", "when", "whereas", "only", "just", "roughly", "approximately", "up", "down"}
)


# A noun of change, then a verb of being, right before a percentage: its subject is a change.
_NOUN_IS_RE = re.compile(
    rf"(?<![\w-])({'|'.join(sorted(vocab.CHANGE_NOUNS))})(?:[ \t]+rate)?[ \t]+"
    # a phrase of words with no number between the noun and its verb: "increase for riders"
    r"(?:(?:for|in|of|among|at|on)(?:[ \t]+[^\W\d_][\w'’-]*){1,3}?[ \t]+)?"
    r"(?:was|is|were|are|has[ \t]+been|had[ \t]+been|stood[ \t]+at|stands[ \t]+at"
    r"|came[ \t]+in[ \t]+at|will[ \t]+be|would[ \t]+be|averag(?:ed|es|ing)"
    r"|(?:is|was|are|were)[ \t]+(?:projected|expected|forecast|estimated|seen|put|pegged)"
    r"[ \t]+(?:at|to[ \t]+be)"
    # "is expected to continue at", "will remain at": the change goes on at that size
    r"|(?:(?:is|was|are|were)[ \t]+(?:projected|expected|forecast|seen|likely|set)[ \t]+to"
    r"|will|would|could|may|might)[ \t]+(?:continue|remain|stay|hold)[ \t]+at"
    # "a price uptick at 4.5%": the noun and "at" alone
    r"|at)[ \t]+$",
    re.IGNORECASE,
)


# A verb of change and "at a rate of", "at an annual pace of" before a percentage.
_VERB_AT_RATE_RE = re.compile(
    r"(?<![\w-])([^\W\d_]+)"
    # a period phrase between the verb and "at": "risen since 2015 at a rate of"
    r"(?:[ \t]+(?:since|in|over|during|for)(?:[ \t]+(?!at\b)[\w'’-]+){1,3})?"
    r"[ \t]+at[ \t]+(?:(?:a|an|the)[ \t]+)?(?:[^\W\d_]+[ \t]+)?"
    r"(?:rate|pace|clip)[ \t]+of[ \t]+$",
    re.IGNORECASE,
)


def _ratio_or_rank(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A side of a ratio written with ':' ("5:1", refused; a time of day is excluded before),
    a rank or the size of a ranked group ("the top 10", "the top 2% of researchers",
    excluded); else what :func:`_selected_or_limited` makes of it."""
    if _TIME_AFTER_RE.match(text, mention.end) or _TIME_BEFORE_DIGITS_RE.search(
        text, max(floor, mention.start - 3), mention.start
    ):
        return {
            "refusal": f"{mention.text!r} is one side of a ratio or a score written with ':' "
            f"('5:1'), which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        }
    ranked = _RANKED_SHARE_RE.search(text, floor, mention.start)
    if ranked and _VERB_LEADS_RE.search(text, floor, ranked.start()):
        return {  # "expected to top 20%", "could top $50 million": a bound not held
            "refusal": f"'top' before {mention.text!r} is a verb (to go above), a bound "
            f"the mention does not hold, not a ranked group; {vocab.REFUSAL_ADVICE}"
        }
    is_by = mention.text.casefold().startswith("by ")  # "beat last year's number by 500"
    if reading["kind"] == "count" and not is_by and _RANK_RE.search(text, floor, mention.start):
        return {"exclusion": vocab.RANK_REASON}
    if reading["kind"] == "percent" and ranked:
        return {"exclusion": vocab.RANK_REASON}
    return _selected_or_limited(text, mention, reading, floor)


# "is off 12%" (a verb of being, then "off"), "dropped with 11%" (a verb of change, then "with").
_OFF_OR_WITH_RE = re.compile(
    r"(?<![\w'’-])(?P<word>is|are|was|were|been|be|[^\W\d_]+)[ \t]+(?P<link>off|with)[ \t]+$",
    re.IGNORECASE,
)
_BEING_WORDS = frozenset({"is", "are", "was", "were", "been", "be"})


def _off_or_with(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """A bare percentage right after "off" that follows a verb of being ("Copper is off 12%
    from its peak": a fall of 12%, as "down 12%"), or after "with" that follows a verb of
    change ("Output dropped with 11%": "dropped by 11%"): the change; else None."""
    found = _OFF_OR_WITH_RE.search(text, floor, mention.start)
    if found is None or reading.get("unit") != "percent" or not _is_bare(reading):
        return None
    word, link = found.group("word").casefold(), found.group("link").casefold()
    if link == "off" and word in _BEING_WORDS:
        read, said = read_mention(f"down {mention.text}"), f"'{found.group().strip()}' before it"
    elif link == "with" and word in vocab.CHANGE_VERBS:
        read, said = read_mention(f"{word} {mention.text}"), f"'{word} with' before it: 'by'"
    else:
        return None
    return read | {"read_with": f"{said}: a change"} if read.get("kind") == "change" else None


def _percent_change_verb(
    words: list[str], mention: Mention, reading: dict[str, Any]
) -> dict[str, Any] | None:
    """A percentage right after a verb of change only of a percentage (vocab.
    PERCENT_CHANGE_VERBS, ``words`` the clause's words before it, "by" left out: "the market
    contracted 2%"): the change that verb gives; else None."""
    if reading.get("unit") != "percent" or reading.get("kind") not in ("percent", "change"):
        return None
    words = _past_an_annual_word(words)  # "contracted an annualized 2%"
    if "whole" in reading or not words or words[-1] not in vocab.PERCENT_CHANGE_VERBS:
        return None
    sign = vocab.PERCENT_CHANGE_VERBS[words[-1]]
    amount = _BY_RE.sub("", mention.text, count=1)
    read = read_mention(f"{'rose' if sign > 0 else 'fell'} {amount}")
    return _with_verb(read, words[-1]) if read.get("kind") == "change" else None


def _change_in_words_before(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """A percentage made a change by the words before it: a verb and its object ("grew revenue
    20%"), a verb "at a rate of" ("rising at a rate of approximately 7%"), a noun of change
    and a verb of being ("the year-on-year decline was 35.2%"); else None."""
    before = [w.casefold() for w in _WORD_RE.findall(text[floor : mention.start])]
    if _CLAUSE_END_BEFORE_RE.search(text, floor, mention.start) is None:
        shrank = _percent_change_verb(before, mention, read_mention(mention.text))
        if shrank is not None:
            return shrank
    if (moved := _verb_and_object(text, mention, floor)) is not None:
        return moved
    if rate := _VERB_AT_RATE_RE.search(text, floor, mention.start):
        verb = rate.group(1).casefold()
        if verb in vocab.CHANGE_VERBS:
            return _with_verb(read_mention(f"{verb} {mention.text}"), rate.group().strip())
    if noun := _NOUN_IS_RE.search(text, floor, mention.start):
        word = noun.group(1).casefold()
        return _with_verb(read_mention(f"a {word} of {mention.text}"), noun.group().strip())
    which = _change_subject_past_which(text, mention, floor)
    listed = which or _changes_listed_after_being(text, mention, floor)
    return listed or _percent_noun_beside(text, mention)


# Nouns declared only beside a bare percentage (vocab.PERCENT_FALL_NOUNS,
# vocab.UNSETTLED_PERCENT_NOUNS), singular or plural: right after it, maybe past one word ("a
# 3% hit", "a 14% annual return"), or before it and "of" ("a loss of 1.2%").
_PERCENT_NOUNS = "|".join(sorted({*vocab.PERCENT_FALL_NOUNS, *vocab.UNSETTLED_PERCENT_NOUNS}))
_PERCENT_NOUN_AFTER_RE = re.compile(
    r"[ \t]+(?:(?!(?:of|in|on|to|from|for|and|or|the|a|an|than)\b)[^\W\d_][\w-]*[ \t]+)?"
    rf"(?P<noun>{_PERCENT_NOUNS})(?:e?s)?(?![\w'’-])(?![ \t]+(?:rates?|ratios?)(?![\w-]))",
    re.IGNORECASE,
)
_PERCENT_NOUN_OF_RE = re.compile(
    rf"(?<![\w-])(?P<noun>{_PERCENT_NOUNS})(?:e?s)?[ \t]+of[ \t]+$", re.IGNORECASE
)


def _percent_noun_beside(text: str, mention: Mention) -> dict[str, Any] | None:
    """A bare percentage with a noun declared only beside a percentage right after it or
    before it and "of": a fall ("a 3% hit", "a loss of 1.2%": vocab.PERCENT_FALL_NOUNS), or
    refused where the noun does not settle the figure ("a 14% return"); else None."""
    found = _PERCENT_NOUN_AFTER_RE.match(text, mention.end)
    is_verb = found and found.group("noun").casefold() in vocab.PERCENT_NOUNS_ALSO_VERBS
    if is_verb and not _ARTICLE_OR_POSSESSIVE_BEFORE_RE.search(
        text, max(0, mention.start - 12), mention.start
    ):
        found = None  # the verb: "Margins of 4% hit a record"
    found = found or _PERCENT_NOUN_OF_RE.search(text, max(0, mention.start - 30), mention.start)
    if found is None:
        return None
    noun = found.group("noun").casefold()
    words = found.group().strip()
    if noun in vocab.UNSETTLED_PERCENT_NOUNS:
        return {
            "refusal": f"{words!r} beside {mention.text!r} does not settle it ({noun!r}): "
            f"{vocab.UNSETTLED_PERCENT_NOUNS[noun]}; {vocab.REFUSAL_ADVICE}"
        }
    noun_of_change = "fall" if vocab.PERCENT_FALL_NOUNS[noun] < 0 else "rise"
    reading = read_mention(f"a {noun_of_change} of {mention.text}")
    if "refusal" in reading:
        return {"refusal": f"read with {words!r} beside it: {reading['refusal']}"}
    return reading | {"read_with": f"{words!r} beside it"}


_CHANGE_SUBJECT_NOUNS = frozenset(vocab.CHANGE_NOUNS) | frozenset(vocab.CHANGE_NOUN_PLURALS)
# A noun of change as the subject, a verb of being, then a list of percentages up to the
# mention: "Price cuts at the two chains were 4% and 6%", "The increases were 3%, 4% and 5%".
_LISTED_ITEM = (
    r"(?:(?:about|around|nearly|roughly)[ \t]+)?\d+(?:\.\d+)?"
    r"(?:[ \t]*%|[ \t]+percent|[ \t]+per[ \t]+cent)?"
)
_CHANGES_BEING_RE = re.compile(
    rf"(?<![\w-])(?P<noun>{_words_re(_CHANGE_SUBJECT_NOUNS)})(?![\w-])"
    r"(?P<between>[^\d\n,;:.()%]{0,60}?)[ \t]+(?:was|were|is|are)[ \t]+"
    rf"(?:{_LISTED_ITEM}[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+))*$",
    re.IGNORECASE,
)


def _changes_listed_after_being(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """A percentage after a noun of change as the subject and "was/were/is/are", first or
    later in a list of percentages ("Price cuts at the two chains were 4% and 6%": falls of 4%
    and 6%), with no verb of change between the noun and the verb: that change, with the
    noun's sign (as "the increase was 9 percent" is); else None."""
    found = _CHANGES_BEING_RE.search(text, floor, mention.start)
    if found is None:
        return None
    between = [w.casefold() for w in _WORD_RE.findall(found.group("between"))]
    if any(word in vocab.CHANGE_VERBS or word in _CHANGE_SUBJECT_NOUNS for word in between):
        return None
    noun = found.group("noun").casefold()
    sign = vocab.CHANGE_NOUNS.get(noun, vocab.CHANGE_NOUN_PLURALS.get(noun, 0))
    if sign == 0:
        return None
    word = "increase" if sign > 0 else "decrease"
    read = read_mention(f"a {word} of {mention.text}")
    if read.get("kind") != "change":
        return None
    return read | {"read_with": f"{noun!r} before it, the subject of a verb of being"}


# A figure glued to the word before it, or punctuation right before it.
_CLAUSE_END_BEFORE_RE = re.compile(r"(?:[^\s]|[,;:()\[\]—–\"“”][ \t]*)$")

# ", which" (or "that") and a verb of range or of being right before a figure: "Tuition hikes
# at the colleges, which ranged between 5 and 9 percent, drew protests."
_WHICH_RANGED_RE = re.compile(
    r",[ \t]*(?:which|that)[ \t]+(?:ranged|range|were|was|averaged|came[ \t]+to)[ \t]+$",
    re.IGNORECASE,
)


def _change_subject_past_which(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """A percentage after ", which ranged" (or "were", "averaged") whose clause subject before
    the comma holds a noun of change ("Tuition hikes at the colleges, which ranged between 5
    and 9 percent"): the relative clause carries that subject, so the figure is that change;
    else None."""
    which = _WHICH_RANGED_RE.search(text, floor, mention.start)
    if which is None:
        return None
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, floor, which.start())]
    subject = [
        w.casefold()
        for w in _WORD_RE.findall(text[starts[-1] if starts else floor : which.start()])
    ]
    nouns = [word for word in subject if word in _CHANGE_SUBJECT_NOUNS]
    if not nouns or any(word in vocab.CHANGE_VERBS and word not in nouns for word in subject):
        return None
    noun = nouns[0] if nouns[0] in vocab.CHANGE_NOUNS else "change"
    sign = vocab.CHANGE_NOUNS.get(nouns[0], vocab.CHANGE_NOUN_PLURALS.get(nouns[0], 0))
    word = {1: "increase", -1: "decrease"}.get(sign, noun)
    read = read_mention(f"a {word} of {mention.text}")
    if read.get("kind") != "change":
        return None
    return read | {"read_with": f"{nouns[0]!r}, the subject {which.group().strip()!r} refers to"}


def _verb_and_object(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """A percentage after a verb of change and its object ("grew revenue 20%"): read as that
    change with the verb ("raised prices 10%" a rise, "cut costs 50%" a fall), or refused
    after a verb that carries its own size ("doubled revenue 20%"); None where no such verb
    stands right before the object."""
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, floor, mention.start)]
    clause = text[starts[-1] if starts else floor : mention.start]
    if clause[-1:] not in (" ", "\t"):
        return None  # glued to the word before it
    words = clause.split()[-4:]
    if any(not _WORD_RE.fullmatch(word) for word in words):
        return None
    for size in range(1, min(3, len(words) - 1) + 1):
        verb, objects = words[-size - 1].casefold(), [w.casefold() for w in words[-size:]]
        if any(w in _NOT_OBJECT_WORDS or w in vocab.CHANGE_VERBS for w in objects):
            return None
        if verb in vocab.CHANGE_VERBS and verb not in ("up", "down"):
            said = " ".join(words[-size - 1 :])
            return _with_verb(read_mention(f"{verb} {mention.text}"), said)
        if (way := _OBJECT_DIRECTION_VERBS.get(verb)) is not None:
            said = " ".join(words[-size - 1 :])
            if any(_PERCENT_NAMED_RE.fullmatch(w) for w in objects):
                return {
                    "refusal": f"{said!r} before {mention.text!r} changes a percentage: "
                    f"the change may be in points or relative, which the words do not say; "
                    f"{vocab.REFUSAL_ADVICE}"
                }
            moved = read_mention(f"{_OBJECT_DIRECTION_WORDS[way]} {mention.text}")
            return _with_verb(moved, said)
        if verb in _OBJECT_CHANGE_VERBS:
            return {
                "refusal": f"{verb!r} carries its own size, and its object before "
                f"{mention.text!r} leaves what the percentage measures unsaid; "
                f"{vocab.REFUSAL_ADVICE}"
            }
    return None


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


def _with_verb(reading: dict[str, Any], verb: str) -> dict[str, Any]:
    if "refusal" in reading:
        reading["refusal"] = f"read with {verb!r} earlier in its clause: {reading['refusal']}"
        return reading
    return reading | {"read_with": f"{verb!r} earlier in its clause"}


# --- ranked groups and limits written as nouns (docs/annotations.md) ------------------------
# Nouns ending in "-est" that are no superlatives ("the 20 interest payments").
_NOT_SUPERLATIVES = frozenset(
    {
        *("interest", "west", "test", "rest", "guest", "quest", "forest", "harvest", "request"),
        *("contest", "protest", "chest", "nest", "pest", "vest", "crest", "manifest", "digest"),
        *("conquest", "invest", "arrest", "honest", "modest", "suggest", "midwest", "unrest"),
        *("northwest", "southwest", "behest", "attest", "bequest", "inquest", "earnest"),
    }
)
# A number chosen from a ranked whole: after "the" (or a possessive), a word of order before
# it (vocab.ORDER_WORDS: "first", "final", "most recent" ...), or a superlative right after it
# ("the first 100 buyers", "the two largest carriers", "the 10 top-selling models", "the
# world's three most valuable firms").
_ORDER_WORDS = "|".join(word.replace(" ", r"[ \t]+") for word in vocab.ORDER_WORDS)
_SELECTED_BEFORE_RE = re.compile(
    r"(?:(?<![\w-])(?:the|its|their|our)|[^\W\d_]['’]s)[ \t]+"
    rf"(?:(?P<order>{_ORDER_WORDS})[ \t]+)?$",
    re.IGNORECASE,
)
_SUPERLATIVE_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:most|least)[ \t]+[^\W\d_]|(?:most|highest|largest|biggest)-[^\W\d_]"
    rf"|(?:top|best)-(?:{'|'.join(sorted(vocab.RANKING_COMPOUND_TAILS))})(?![\w-])"
    r"|(?:leading|top)(?![\w-])|(?P<est>[^\W\d_]{2,}est)\b)",
    re.IGNORECASE,
)


def _ranked_group(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> bool:
    """Whether a count is the size of a group chosen by rank: after "the" (or a possessive)
    with a word of order before it ("the final 300 units"), or a superlative after it."""
    if reading["kind"] != "count" or reading["qualifier"] is not None:
        return False
    before = _SELECTED_BEFORE_RE.search(text, max(floor, mention.start - 40), mention.start)
    if before is None:
        return False
    if before.group("order"):
        return True
    after = _SUPERLATIVE_AFTER_RE.match(text, mention.end)
    if after is None:
        return False
    return not (after.group("est") and after.group("est").casefold() in _NOT_SUPERLATIVES)


# A limit written as a noun before "of" ("a minimum duty of 25%", "a cap of $10 billion", "a
# price floor of $2") or right after the figure ("a 10% cap on", "a $2 billion floor"); "market
# cap" is a company's value, no limit.
_LIMIT_NAMES = "|".join(vocab.LIMIT_NOUNS)
_LIMIT_OF_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<before>[^\W\d_]+[ \t]+)?(?P<noun>{_LIMIT_NAMES})"
    r"(?:[ \t]+[^\W\d_][\w'’-]*){0,2}?[ \t]+of[ \t]+$",
    re.IGNORECASE,
)
_LIMIT_AFTER_RE = re.compile(
    # after the figure, "minimum" and "maximum" are adjectives ("a 10% minimum wage rise")
    r"(?P<before>[ \t]+[^\W\d_][\w'’-]*)?[ \t]+(?P<noun>floor|ceiling|cap|limit)s?\b(?!-)",
    re.IGNORECASE,
)


def _limit_noun(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> dict | None:
    """A figure a noun of a limit sets ("a minimum duty of 25%", "a 10% cap on fees"): the
    quantity limited is at least (floor, minimum) or at most (cap, ceiling, limit, maximum) the
    figure; a figure with its own hedge is refused (two bounds). None where no limit is named."""
    if reading["kind"] not in ("money", "percent", "count", "price", "quantity", "duration"):
        return None
    limit = _LIMIT_OF_BEFORE_RE.search(text, max(floor, mention.start - 60), mention.start)
    if limit is None:
        limit = _LIMIT_AFTER_RE.match(text, mention.end)
    if limit is None or (limit.group("before") or "").strip().casefold() == "market":
        return None
    noun = limit.group("noun")
    if reading["bound"] != "exact" or reading["qualifier"] is not None:
        return {
            "refusal": f"{mention.text!r} has a bound of its own and is set by the limit "
            f"{noun!r}, which the mention does not hold; {vocab.REFUSAL_ADVICE}"
        }
    n = reading["value"]
    bound = vocab.LIMIT_NOUNS[noun.casefold()]
    ends = {"low": n, "high": None} if bound == "lower" else {"low": None, "high": n}
    return reading | ends | {"value": None, "bound": bound, "read_with": f"the limit {noun!r}"}


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


# A percentage before a noun that is itself a percentage and a noun of change ("a 25% tariff
# increase"): the size of the change, or the new level of the tariff?
_RATE_NOUN_CHANGED_RE = re.compile(
    r"(?:%|\bper[ \t]?cent|\bpercent)[ \t-]+(?P<noun>tariff|tax|duty|levy|rate|interest|share"
    r"|margin|yield)s?[ \t]+(?:" + "|".join(vocab.CHANGE_NOUNS) + r")\b",
    re.IGNORECASE,
)
# A noun of change right after a bare count, with an article before ("a 79,000 rise").
_CHANGE_NOUN_AFTER_RE = re.compile(
    r"[ \t]+(?P<noun>" + "|".join(vocab.CHANGE_NOUNS) + r")\b(?![ \t]+(?:of|by|to)\b)",
    re.IGNORECASE,
)
_ARTICLE_BEFORE_RE = re.compile(r"(?<![\w-])(?:a|an)[ \t]+$", re.IGNORECASE)
# Two years joined by a spaced dash ("2017 - 2018"): a span of years, as "2017-2018" is.
_SPACED_YEARS_RE = re.compile(r"((?:19|20)\d\d)[ \t]+[-–][ \t]+((?:19|20)\d\d)")


def _rate_noun_or_years(text: str, mention: Mention, reading: dict[str, Any]) -> dict | None:
    """A percentage whose noun of change follows a noun that is itself a percentage ("a 25%
    tariff increase": refused), a count with a noun of change after it ("a 79,000 rise": a
    change in the count), two years joined by a spaced dash ("2017 - 2018": a year); else None."""
    if reading["kind"] == "change" and (rated := _RATE_NOUN_CHANGED_RE.search(mention.text)):
        return {
            "refusal": f"{mention.text!r}: the percentage may be the size of the change or the "
            f"new level of the {rated.group('noun')} (itself a percentage); {vocab.REFUSAL_ADVICE}"
        }
    years = _SPACED_YEARS_RE.fullmatch(mention.text)
    if (
        years
        and 0 < int(years.group(2)) - int(years.group(1)) <= 10
        and not _COUNTED_AFTER_RE.match(text, mention.end)
    ):
        return {"exclusion": vocab.YEAR_REASON}
    if not (_is_bare(reading) and reading["kind"] == "count"):
        return None
    noun = _CHANGE_NOUN_AFTER_RE.match(text, mention.end)
    if noun is None or not _ARTICLE_BEFORE_RE.search(
        text, max(0, mention.start - 4), mention.start
    ):
        return None
    return _read_with_words(
        f"{mention.text} {noun.group('noun')}", f"{noun.group('noun')!r} after it"
    )


# "estimated" reaching a figure through "to" and a verb ("are estimated to increase 8%", "is
# estimated to reach 30%"): the figure is an estimate, as "an estimated 8%" is.
_ESTIMATED_TO_RE = re.compile(
    r"(?<![\w-])estimated[ \t]+to(?:[ \t]+[^\W\d_]+){0,2}[ \t]+$", re.IGNORECASE
)


def _estimated_to(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> dict | None:
    """A figure after "estimated to" and a verb, read as approximate ("estimated to increase
    8%": about 8 percent); refused where the figure has a bound of its own ("estimated to
    exceed"); else None (a figure already approximate stays as it is)."""
    estimated = _ESTIMATED_TO_RE.search(text, max(floor, mention.start - 40), mention.start)
    if estimated is None or reading["bound"] == "approximate":
        return None  # "estimated to be about two years ahead": approximate either way
    if reading["bound"] != "exact" or reading["qualifier"] is not None:
        return {
            "refusal": f"{mention.text!r} has a bound of its own and is estimated "
            f"({estimated.group().strip()!r} before it); {vocab.REFUSAL_ADVICE}"
        }
    return reading | {
        "bound": "approximate",
        "read_with": f"{estimated.group().strip()!r} before it",
    }


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


def _selected_or_limited(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> dict[str, Any] | None:
    """The size of a group chosen by rank (excluded as a rank), a figure a noun of a limit
    sets (a bound); else None."""
    if _ranked_group(text, mention, reading, floor):
        return {"exclusion": vocab.RANK_REASON}
    if refusal := _things_crossed(mention, reading, text) or _mark_passed_later(text, mention):
        return {"refusal": refusal}
    if (placed := _rate_noun_or_years(text, mention, reading)) is not None:
        return placed
    if (placed := _estimated_to(text, mention, reading, floor)) is not None:
        return placed
    return _limit_noun(text, mention, reading, floor)


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


# "within N" and up to two plain words before "of" ("within 20 stores of its goal"): the gap
# to that thing, as "within N of <thing>" is (docs/annotations.md, "Shapes settled after review")
_WORDS_THEN_OF_AFTER_RE = re.compile(
    r"(?:[ \t]+(?!of(?![\w-]))[^\W\d_][\w'’-]*){0,2}?[ \t]+of(?![\w-])", re.IGNORECASE
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


# --- Leftovers of the last session's engineers (docs/annotations.md, "Words around a figure
# the reader had no rule for")


def _past_an_annual_word(words: list[str]) -> list[str]:
    """``words`` (casefolded, the clause's words before a figure) without a last "a/an" and a
    word of a year (vocab.ANNUAL_WORDS: "contracted an annualized 2%" is read as "contracted
    2%", as "shrank an annualized 2%" is read as "shrank 2%")."""
    if len(words) > 2 and words[-2] in ("a", "an") and words[-1] in vocab.ANNUAL_WORDS:
        return words[:-2]
    return words


def _day_dates_an_event(found: re.Match[str]) -> bool:
    """Whether a word of a span and a noun earlier in a clause are a day's name and a noun of
    an event (vocab.DAY_EVENT_NOUNS: "The Monday meeting"): the day dates the event, and names
    no amount per such a day."""
    thing = found.group("thing").casefold()
    return found.group("span").casefold() in vocab.DAY_SPAN_WORDS and (
        thing in vocab.DAY_EVENT_NOUNS or thing[:-1] in vocab.DAY_EVENT_NOUNS
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
    if _OF_WHICH_RE.search(head) is None:
        return reading
    comma = _COMMA_OF_WHICH_RE.search(head)
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


# A possessive after "double", "triple" stands where "the" would ("nearly double last year's
# output", "triple its output of May"): what follows is the amount multiplied.
_POSSESSIVE_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:its|their|his|her|our|my|your)[ \t]+"
    r"|(?:(?:last|this|next|the|a|an)[ \t]+)?(?!(?:it|that|there|what|he|she|who)['’])"
    r"[^\W\d_][\w-]*['’]s[ \t]+[^\W\d_])",
    re.IGNORECASE,
)


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


def _hedged_or_plain(reading: dict[str, Any]) -> bool:
    """Whether a reading has no qualifier, or only a hedge ("or about 12%"): a hedge never
    breaks the link of a restatement to the change it restates."""
    return not reading.get("qualifier") or reading.get("bound") == "approximate"


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
# a noun of change, the subject of a verb that takes it to a figure: "growth slowed to",
# "the growth rate fell to", "the decline eased to", "growth reached"
_CHANGE_NOUN_SUBJECT_BEFORE_RE = re.compile(
    rf"(?<![\w%-])(?P<noun>{'|'.join(sorted(vocab.CHANGE_NOUNS, key=len, reverse=True))})"
    r"(?:[ \t]+rates?)?(?:[ \t]+(?:has|have|had|was|is|will|would|could|may|might)(?:[ \t]+been)?)?"
    r"(?:[ \t]+[^\W\d_]+ly)?[ \t]+(?P<verb>[^\W\d_]+[ \t]+(?:to|at)|reached|hit|hits|reaches)"
    r"[ \t]+$",
    re.IGNORECASE,
)
_DETERMINER_END_RE = re.compile(
    r"(?<![\w-])(?:the|its|their|this|that|a|an|his|her|our|[^\W\d_]+['’]s?)[ \t]+$",
    re.IGNORECASE,
)
_FIGURE_BEFORE_NOUN_RE = re.compile(r"[\d%][ \t]*(?:[^\W\d_]+[ \t]+)?$")
# an age after "the age(s) of", or the far end of "the ages of 30 and 59"
_AGE_OF_BEFORE_RE = re.compile(
    r"(?<![\w-])ages?[ \t]+of[ \t]+(?:\d{1,3}[ \t]*(?:and|to|through|or|-|–)[ \t]*)?$",
    re.IGNORECASE,
)
_YEARS_OLD_AFTER_RE = re.compile(r"[ \t]+(?:old|of[ \t]+age)(?![\w-])", re.IGNORECASE)


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


def _an_age_past_of(text: str, mention: Mention, reading: dict[str, Any]) -> bool:
    """A count after "the age(s) of" ("the ages of 30 and 59": both ends), or years followed
    by "old" or "of age" ("between 18 and 29 years old")."""
    if reading.get("unit") == "year" and _YEARS_OLD_AFTER_RE.match(text, mention.end):
        return True
    before = text[max(0, mention.start - 30) : mention.start]
    return reading.get("unit") == "count" and _AGE_OF_BEFORE_RE.search(before) is not None


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


def _rate_of_change_noun(
    text: str, mention: Mention, reading: dict[str, Any], start: int
) -> dict[str, Any] | None:
    """A percentage read as the level a noun of change reaches after a verb ("growth slowed to
    2.4%", "the growth rate fell to 5%", "the decline eased to 2%"): the level the rate reached
    or the size of the change ("growth was 5%")? Refused. Else None."""
    before = text[max(start, mention.start - 60) : mention.start]
    named = _CHANGE_NOUN_SUBJECT_BEFORE_RE.search(before)
    if named is None or re.search(r"(?<![\w-])of(?![\w-])", text[mention.start : mention.end + 4]):
        return None  # "growth reached 12% of GDP": a share of a whole
    if _FIGURE_BEFORE_NOUN_RE.search(before, 0, named.start()):
        return None  # "a 5% rise to 30%": the noun has its own figure
    if is_verb(named.group("noun")) and not _DETERMINER_END_RE.search(before, 0, named.start()):
        return None  # "will rise substantially to 36%": a verb, not a noun as the subject
    return {
        "refusal": f"{named.group().strip()!r} before {mention.text!r}: a noun of change as the "
        f"subject makes it the level its rate reached or the size of that change (as "
        f"'growth was 5%'), which the words do not settle; {vocab.REFUSAL_ADVICE}"
    }


def _followed_by_in_a_ranking(
    text: str, mention: Mention, reading: dict[str, Any], words: list[str]
) -> dict[str, Any] | None:
    """ "followed by" right before a percentage, after a comma that closes an earlier figure of
    the same unit ("Rye led with 40 percent, followed by 9 percent for oat"): the next item of
    a ranking, read as that figure's level; "by" there names no change. Else None."""
    if words != ["followed"] or reading.get("kind") != "percent":
        return None
    earlier = [m for m in find_mentions(text[: mention.start]) if m.end <= mention.start]
    if not earlier or not re.fullmatch(r"[ \t]*,[ \t]*", text[earlier[-1].end : mention.start - 9]):
        return None
    first = read_mention(earlier[-1].text)
    if first.get("kind") != "percent" or first.get("unit") != reading.get("unit"):
        return None
    return reading | {"read_with": "'followed by' before it: the next item of a ranking, no change"}


def _one_item_sold(found: re.Match[str]) -> bool:
    """Whether the unit of "the cost of a <unit> of <goods>" names one item sold as such
    (vocab.ONE_ITEM_NOUNS: "a pair of ski boots", "a set of tyres"): the amount is money, no
    price per a unit."""
    return found.group("unit").casefold() in vocab.ONE_ITEM_NOUNS
