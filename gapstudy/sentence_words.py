"""Shared words and patterns of the sentence reader: where a sentence and a clause start and end,
abbreviations that end no sentence, a bare figure, a number word in digits, a scale word
misspelt, and the patterns more than one family of rules uses.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`,
which runs the rules in order); its rules are in docs/annotations.md under "Numbers a draft
meets (read, exclude or refuse)".
"""

from __future__ import annotations

import re
from typing import Any

import lemminflect

from gapstudy import periods, vocab
from gapstudy.figures import SCALE_ABBREVIATIONS, read_mention
from gapstudy.mentions import Mention

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
_LEVEL_REACHED_RE = re.compile(r"[ \t]+to[ \t]+", re.IGNORECASE)
# Nothing named after a number: the clause ends.
_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[,;:.)\]!?—–，；：。]|$)")
# A clause starts after punctuation: "by N" looks for its verb no further back.
_CLAUSE_START_RE = re.compile(r"[,;:()\[\]—–\"“”，；：]")
_RANGE_WORDS = frozenset(
    {"range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "span"}
    | {"spans", "spanned", "spanning", "anywhere", "scale", "scales", "between"}
)
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+)")
_BY_RE = re.compile(r"^by[ \t]+", re.IGNORECASE)
# A day of the month is a date: "April 7", "Jan. 15", "7 April", "15th of March". Month names
# are matched with their capital, so that "may" the verb is not one.
_MONTHS = "|".join(name.capitalize() for name in periods.MONTH_WORDS.split("|"))
# A mention that ends in a comparative and a "than" later in its clause: "$25.5 billion more in
# investment than the EU and the UK" is a difference from what follows "than".
_COMPARATIVE_END_RE = re.compile(
    rf"[ \t]+(?:{'|'.join(sorted(vocab.COMPARATIVES))})$", re.IGNORECASE
)
_THAN_LATER_RE = re.compile(r"[^,;:.()\[\]—–\n]{0,40}?\bthan\b", re.IGNORECASE)


# "N times a year" after a verb of growth ("compute scaled about three times per year") may count
# how often it grew each year or be a growth factor each year: refused.
# "per year" or "annual" right after a mention that did not take it in ("grown by 4.8x per
# year", "~4–5× a year", "the 2.3x annual growth"): the reading would drop it. One pattern of
# "a year" serves all three uses.
def _words_re(words: tuple[str, ...] | frozenset[str]) -> str:
    """Alternatives of ``words`` (longest first), spaces matching any run of spaces or tabs."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"[ \t]+") for word in ordered)


# "a year ago", "a year earlier", "a year prior", "a year previously" date a figure: no rate.
_PER_YEAR = (
    rf"(?:{_words_re(vocab.PER_YEAR_WORDS + vocab.ANNUAL_WORDS)})(?![\w-])"
    r"(?![ \t]+(?:ago|earlier|before|later|prior|previously)\b)"
)
_PER_YEAR_RE = re.compile(rf"\b(?P<times>times[ \t]+)?{_PER_YEAR}", re.IGNORECASE)
_GROWTH_VERBS = frozenset(
    {"scaled", "scales", "scaling", "multiplied", "multiplies", "multiplying", "expanded"}
    | {"expands"}
)
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
# A quantity the clause before calls a density ("server densities below 10kW"): an amount per
# rack or per server, though "per" is not written after it.
_DENSITY_BEFORE_RE = re.compile(r"\bdensit(?:y|ies)\b[^,;:.()]{0,30}$", re.IGNORECASE)
# a full stop before a digit ends an abbreviation ("Oct. 31", "No. 3"), not a clause
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]—–，；：]|[.!?](?=\s|$)(?!\s+\d)")
# A bare count followed by a preposition, not by what it counts ("10-20 for traditional
# servers"): nothing counted is named.
_NOTHING_COUNTED_RE = re.compile(
    r"[ \t]+(?:for|versus|vs\.?|against|compared|while|whereas|among|at|in|on|with)\b",
    re.IGNORECASE,
)
# Punctuation that starts a clause, but not the comma that groups thousands ("20,000").
_CLAUSE_BREAK_NOT_GROUP_RE = re.compile(r"[;:()\[\]—–\"“”，；：]|,(?!\d)")
_FROM_NUMBER_RE = re.compile(r"(?<![\w-])from[ \t]+[^\W\d_]*[ \t]*[$€£¥]?\d", re.IGNORECASE)
# A figure's words taken apart: what stands before its number (a currency kept, a hedge its
# own), the number and its scale, the unit written after them.
_FIGURE_PARTS_RE = re.compile(
    r"(?P<lead>\D*?)\d[\d.,]*(?P<scale>[ \t]*(?:thousand|million|billion|trillion)(?![\w-]))?"
    r"(?P<tail>.*)",
    re.IGNORECASE | re.DOTALL,
)


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


# The nouns of change in the singular and the plural.
_CHANGE_NOUN_FORMS = frozenset(vocab.CHANGE_NOUNS) | frozenset(vocab.CHANGE_NOUN_PLURALS)


# "from X to Y" inside a mention: a change whose two ends are levels the text reports.
_FROM_TO_WORDS_RE = re.compile(r"(?<![\w-])from[ \t]+\S.*?[ \t]to[ \t]+\S", re.IGNORECASE)


def _shifted(span: tuple[int, int] | None, by: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + by, span[1] + by)


_OF_AFTER_RE = re.compile(r"[ \t]+(?:of|on)(?![\w-])", re.IGNORECASE)


def _read_with_words(words: str, where: str) -> dict[str, Any]:
    """``words`` (a mention and words beside it, verbatim) read; ``where`` names the words."""
    reading = read_mention(words)
    if "refusal" in reading:
        return {"refusal": f"read with {where}: {reading['refusal']}"}
    return reading | {"read_with": where}


def _list_start(text: str, earlier: list[Mention], i: int) -> Mention:
    """The first figure of the list whose figure ``earlier[i]`` is."""
    while i > 0 and _LIST_GAP_RE.fullmatch(text[earlier[i - 1].end : earlier[i].start]):
        i -= 1
    return earlier[i]


_CLAUSE_MARK_RE = re.compile(
    r"[,;:()\[\]—–]|(?<![\w'’-])(?:than|as|and|but|while|whereas)(?![\w-])", re.IGNORECASE
)


def _clause_start(text: str, end: int) -> int:
    """Where the clause of the words ending at ``end`` starts: after its last clause mark
    or word of comparison or joining ("than", "as", "and"), else the text's start."""
    marks = list(_CLAUSE_MARK_RE.finditer(text, 0, end))
    return marks[-1].end() if marks else 0


_OF_AFTER_RE = re.compile(r"[ \t]+of(?![\w-])", re.IGNORECASE)


def _is_aside(text: str, earlier: Mention, mention: Mention) -> bool:
    """Whether ``earlier`` stands in a bracket that closes before ``mention`` ("200,000 GPUs
    (each costing about $30,000), while ... only around 10,000"): an aside, whose unit is
    not the one a later bare number leaves out."""
    opened = text.rfind("(", 0, earlier.start)
    closed = text.find(")", earlier.end, mention.start)
    return opened != -1 and closed != -1 and text.rfind(")", opened, earlier.start) == -1


def _misspelt_scale(word: str) -> bool:
    """Whether ``word`` (in lower case) is one letter away from a scale word ("billon") or,
    being no word of the English lexicon, from a scale word written short in three letters
    ("ln" for "bln"); a short word of the lexicon ("oil", "in") is none."""
    if any(_one_edit(word, scale) for scale in vocab.SCALES):
        return True
    if word in SCALE_ABBREVIATIONS or len(word) < 2 or lemminflect.getAllLemmas(word):
        return False
    return any(_one_edit(word, short) for short in SCALE_ABBREVIATIONS if len(short) == 3)


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


# "by" and a verb in "-ing" before a figure: "by adding 120", "by cutting 5%" (a means).
_BY_MEANS_RE = re.compile(r"(?<![\w-])by[ \t]+(?P<verb>[^\W\d_]+ing)[ \t]", re.IGNORECASE)


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


# A verb of change and "at a rate of", "at an annual pace of" before a percentage.
_VERB_AT_RATE_RE = re.compile(
    r"(?<![\w-])([^\W\d_]+)"
    # a period phrase between the verb and "at": "risen since 2015 at a rate of"
    r"(?:[ \t]+(?:since|in|over|during|for)(?:[ \t]+(?!at\b)[\w'’-]+){1,3})?"
    r"[ \t]+at[ \t]+(?:(?:a|an|the)[ \t]+)?(?:[^\W\d_]+[ \t]+)?"
    r"(?:rate|pace|clip)[ \t]+of[ \t]+$",
    re.IGNORECASE,
)


def _with_verb(reading: dict[str, Any], verb: str) -> dict[str, Any]:
    if "refusal" in reading:
        reading["refusal"] = f"read with {verb!r} earlier in its clause: {reading['refusal']}"
        return reading
    return reading | {"read_with": f"{verb!r} earlier in its clause"}
