"""Ranks and limits: the size of a group chosen by rank, a figure a noun of a limit sets, a side of
a ratio or a rank.

Part of the reader of one number in its sentence (:func:`gapstudy.sentences.read_in_sentence`);
its rules are in docs/annotations.md under "Numbers a draft meets (read, exclude or refuse)".
"""

from __future__ import annotations

import re
from typing import Any

from gapstudy import vocab
from gapstudy.figures import read_mention
from gapstudy.mentions import Mention, find_mentions
from gapstudy.sentence_changes import _estimated_to, _rate_noun_or_years
from gapstudy.sentence_nonquantity import _mark_passed_later, _things_crossed

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
# A number joined by a hyphen to the words after it ("a five-times-per-year rate", "a
# five-year plan"): the compound, which the mention does not hold, says what it counts.
# Digits on the other side of a colon that make no time of day: a ratio or a score ("5:1").
_TIME_AFTER_RE = re.compile(r":\d")
_TIME_BEFORE_DIGITS_RE = re.compile(r"\d:$")


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
