"""Changes: verbs and nouns of change, "by N" without its verb, "from X to Y" as two levels, a
change made by the words before a percentage, a level reached after a noun of change.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`);
its rules are in docs/annotations.md under "Numbers a draft meets (read, exclude or refuse)"
(among them "A clause of its own, "by X to Y", nouns of change in the base form").
"""

from __future__ import annotations

import re
from typing import Any

import lemminflect

from gapstudy import vocab
from gapstudy.exceptions import FigureParseError
from gapstudy.figures import READING_FIELDS, parse_figure, read_mention
from gapstudy.mentions import Mention, find_mentions, is_year
from gapstudy.sentence_nonquantity import (
    _count_as_modifier,
    _fraction_of_nothing,
    _hyphen_compound,
    _negated,
)
from gapstudy.sentence_prices import _another_dollar, _one_unit_priced
from gapstudy.sentence_words import (
    _BY_MEANS_RE,
    _BY_RE,
    _CLAUSE_BREAK_NOT_GROUP_RE,
    _CLAUSE_START_RE,
    _COUNTED_AFTER_RE,
    _DIFFERENCE_WORDS,
    _FROM_NUMBER_RE,
    _FROM_TO_WORDS_RE,
    _GROWTH_VERBS,
    _OBJECT_DIRECTION_VERBS,
    _OBJECT_DIRECTION_WORDS,
    _OF_AFTER_RE,
    _RANGE_WORDS,
    _VERB_AT_RATE_RE,
    _WORD_RE,
    _is_bare,
    _read_with_words,
    _with_verb,
    _words_re,
)
from gapstudy.unheld import is_level_noun, is_verb

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


# The same past the six words the phrase may hold ("a rise in the sales of the old blue city
# buses of 4%"): too far to read with the noun, too near to read as a level.
_CHANGE_NOUN_FAR_IN_OF_RE = re.compile(
    r"(?<![\w-])(?:an?|the|its|their)[ \t]+(?P<noun>[^\W\d_]+)[ \t]+in"
    r"(?:[ \t]+[^\W\d_][\w'’-]*){7,24}?[ \t]+of[ \t]+$",
    re.IGNORECASE,
)


def _change_noun_apart(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """A figure after a noun of change and "of", with "in" and a phrase between ("a drop in
    car crime of 2.2 percent"): the phrase names what changed, as it does after the figure ("a
    drop of 2.2 percent in car crime"), so the figure is the change's size; refused past the
    phrase's six words; else None."""
    apart = _CHANGE_NOUN_IN_OF_RE.search(text, floor, mention.start)
    if apart is None or apart["noun"].casefold() not in vocab.CHANGE_NOUNS:
        return _change_noun_too_far(text, mention, floor)
    read = read_mention(f"{apart['noun']} of {mention.text}")
    if read.get("kind") != "change":
        return None
    return read | {"read_with": f"{text[apart.start() : mention.start].strip()!r} before it"}


def _change_noun_too_far(text: str, mention: Mention, floor: int) -> dict[str, Any] | None:
    """Why a figure after a noun of change, "in", a phrase of more than six words and "of" is
    refused: it may be the change's size, which the phrase sets too far to tell; else None."""
    apart = _CHANGE_NOUN_FAR_IN_OF_RE.search(text, floor, mention.start)
    if apart is None or apart["noun"].casefold() not in vocab.CHANGE_NOUNS:
        return None
    if read_mention(f"{apart['noun']} of {mention.text}").get("kind") != "change":
        return None
    return {
        "refusal": f"{mention.text!r} after {apart['noun']!r} and a phrase of more than six "
        f"words ({text[apart.start() : mention.start].strip()!r}): the size of the change or "
        f"a level, which the words set too far apart to tell; {vocab.REFUSAL_ADVICE}"
    }


def _takes_up_as_particle(word: str) -> bool:
    """Whether ``word`` is a form of a verb that takes "up" as its particle of change
    (vocab.UP_PARTICLE_VERBS: "went up", "shot up")."""
    lemmas = lemminflect.getAllLemmas(word.casefold()).get("VERB", ())
    return any(lemma in vocab.UP_PARTICLE_VERBS for lemma in lemmas)


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


def _verb_before_comma(text: str, floor: int, start: int) -> str | None:
    """The declared verb of change right before the comma that opens a part set off by commas
    ("grew, by about 6%, this spring": "grew"), where ``start`` is just after that comma;
    else None."""
    found = _WORD_BEFORE_COMMA_RE.search(text, floor, start)
    if found is None or not text[found.end(1) : start].strip().startswith(","):
        return None
    word = found.group(1).casefold()
    return word if word in vocab.CHANGE_VERBS else None


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


def _percentage_object(said: str, objects: list[str], figure: str) -> dict[str, Any] | None:
    """Why a percentage after a verb of change and an object that is itself a percentage
    ("raised rates 0.25%", "increased its market share 0.4%") is refused: the change may be in
    points or relative; else None. The object's last word names what it is."""
    if not _PERCENT_NAMED_RE.fullmatch(objects[-1]):
        return None  # the object's last word names it: "its share price" is a price
    return {
        "refusal": f"{said!r} before {figure!r} changes a percentage: the change may be in "
        f"points or relative, which the words do not say; {vocab.REFUSAL_ADVICE}"
    }


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
        said = " ".join(words[-size - 1 :])
        if verb in vocab.CHANGE_VERBS and verb not in ("up", "down"):
            read = read_mention(f"{verb} {mention.text}")
            if read.get("unit") == "percent" and (
                refused := _percentage_object(said, objects, mention.text)
            ):
                return refused  # "increased its market share 0.4%": points or relative?
            return _with_verb(read, said)
        if (way := _OBJECT_DIRECTION_VERBS.get(verb)) is not None:
            if refused := _percentage_object(said, objects, mention.text):
                return refused
            moved = read_mention(f"{_OBJECT_DIRECTION_WORDS[way]} {mention.text}")
            return _with_verb(moved, said)
        if verb in _OBJECT_CHANGE_VERBS:
            return {
                "refusal": f"{verb!r} carries its own size, and its object before "
                f"{mention.text!r} leaves what the percentage measures unsaid; "
                f"{vocab.REFUSAL_ADVICE}"
            }
    return None


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


# --- Leftovers of the last session's engineers (docs/annotations.md, "Words around a figure
# the reader had no rule for")


def _past_an_annual_word(words: list[str]) -> list[str]:
    """``words`` (casefolded, the clause's words before a figure) without a last "a/an" and a
    word of a year (vocab.ANNUAL_WORDS: "contracted an annualized 2%" is read as "contracted
    2%", as "shrank an annualized 2%" is read as "shrank 2%")."""
    if len(words) > 2 and words[-2] in ("a", "an") and words[-1] in vocab.ANNUAL_WORDS:
        return words[:-2]
    return words


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
