"""Stage 3: the last check on a draft's reading: words of its clause the reading did not hold.

:func:`gapstudy.sentences.read_in_sentence` reads a mention with the words it knows to look
for. Every held-out check of real sentences found readings that were wrong with no refusal,
and each time the words that made them wrong stood in the mention's clause, unread by the
reading: a comparison ("66% compared to last year" read as a level), a noun of change after a
level ("a 2% quarter-on-quarter revenue increase"), a word of bound before an exact amount,
words after a count that name no things counted ("roughly 1,510 Elo"), a range with a year at
one end ("2022 to 805,500"), a verb of change lent from another clause ("subsidies that reduce
bills by up to 50 per cent", read with "ramped up"). :func:`unheld_words` looks for these
shapes in a finished reading, whatever words fill them, and turns the reading into a refusal
naming the words: a refusal beats a wrong number. A second list, from the shapes of the
first passes' misreadings the first list missed, looks at the words right around the figure
(another number beside a count, a bound or a fraction after it, a label's name before it, a
figure written in pieces). The rules are in docs/annotations.md ("Words a reading did not
hold").

Before it, the word right before a bare percentage (:func:`_decided_before`): the verb it is
the object of, or the noun before "of", decides what it means, and where that word is declared
neither as a word of change nor as one that names a level (vocab.LEVEL_WORDS) the reading is
refused naming it ("collapsed 17%", "a correction of 10%"); an English lexicon tells a verb or a
noun (docs/annotations.md, "The word right before a bare figure").

Last of all, the acceptance rule (:func:`unaccounted_operators`): not a shape but a class of
words. Operator words (vocab.OPERATOR_WORDS with the qualifier, change and unit vocabularies:
words that can change a figure's kind, value, bound, unit or period) near the figure must each
be held by the reading, or it is refused naming them; open-class words (what is counted, who,
where) are never checked (docs/annotations.md, "Every operator word accounted for").

After every other step, :func:`unknown_word_after`: a word right after the figure that the
lexicon does not know and that is written like an abbreviation ("900 kbd") may be a unit the
project has no entry for, so the reading is refused naming it (docs/annotations.md, "No unknown
word after a figure").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import lemminflect

from gapstudy import vocab
from gapstudy.figures import is_unit_word, read_mention
from gapstudy.mentions import Mention, find_mentions, is_modifier, is_set_aside, is_year

# Where a clause ends after a mention, or starts before it: punctuation (not a comma that
# groups thousands, nor a full stop inside a number, after "vs" or after a capital: "U.S.").
# A full stop after a month's name cut short and before a number ("Sept. 2019") ends nothing.
_SHORT_MONTH_STOPS = "".join(
    rf"(?!(?<=\b{name.capitalize()})\.[ \t]+\d)"
    for name in sorted(vocab.MONTH_NAMES)
    if len(name) <= 4 and name not in ("june", "july")
)
_CLAUSE_BREAK_RE = re.compile(
    r"[;:()\[\]—–\"“”，；：\n]|,(?!\d)"
    rf"|(?<![vV]s)(?<!\b[A-Z]){_SHORT_MONTH_STOPS}[.!?](?=\s|$)"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
# A comparison: "than", "compared to/with", "versus", "vs", "relative to", "as against".
_COMPARISON_RE = re.compile(
    r"(?<![\w-])(?:than|compared[ \t]+(?:to|with)|versus|vs\.?|relative[ \t]+to|as[ \t]+against)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# What a change is measured against when it is a time, not a thing: "than last year", "compared
# with a year earlier", "versus the previous quarter", "than in 2023", "than it was".
_TIME_COMPARED_RE = re.compile(
    r"[ \t]*(?:in[ \t]+|at[ \t]+|during[ \t]+)?(?:the[ \t]+)?(?:last|previous|prior|same|"
    r"preceding|year|years|quarter|month|a[ \t]+year|a[ \t]+quarter|earlier|before|previously|"
    r"(?:19|20)\d\d\b|it[ \t]+was|they[ \t]+were|a[ \t]+decade)",
    re.IGNORECASE,
)
# A percentage, or a noun naming one: what a percentage compared with it is a percentage of.
_PERCENTAGE_WORDS_RE = re.compile(
    r"%|\bper[ \t]?cent\b|\b(?:rates?|shares?|margins?|accuracy|percentages?|proportions?|"
    r"yields?|scores?)\b",
    re.IGNORECASE,
)
# A number of its own (not a digit inside a name: "H20", "GPT-4").
_NUMBER_RE = re.compile(
    r"(?<![\w-])\d|(?<!\w)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|thousand|million|billion|trillion|half|twice|double|triple|"
    r"dozen)(?![\w])",
    re.IGNORECASE,
)
# Words that bound an amount when they stand before it: "topped $50 billion", "nearly".
# Prepositions the finder takes in as hedges ("over", "about", "below") are left out: where it
# did not take them in, they compare ("a 60 percent increase over $7.5 billion").
_BOUND_WORDS = frozenset(
    {
        "topped", "tops", "topping", "exceeded", "exceeds", "exceeding", "surpassed", "surpasses",
        "surpassing", "eclipsed", "beyond", "near", "nearing", "nearly", "approaching", "almost",
        "approximately", "roughly", "circa", "upwards", "max", "maximum", "minimum", "estimated",
    }
)  # fmt: skip
_PREPOSITIONS = frozenset(
    {"of", "in", "on", "at", "for", "from", "by", "with", "to", "into", "across", "among"}
)
_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could"}
)
_PRONOUNS_AFTER = frozenset({"they", "we", "it", "he", "she", "who", "which", "that", "i", "you"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})
# Words that may stand between a count and what it counts ("6.8 million blind votes") are many;
# words that end the run of what it counts are few: these.
_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
        "by", "with", "within", "without", "across", "over", "under", "into", "onto", "per",
        "between", "among", "against", "after", "before", "since", "until", "during", "through",
        "than", "as", "versus", "vs", "vs.", "like", "about", "around", "that", "which", "who",
        "whom", "whose", "where", "when", "while", "whereas", "is", "are", "was", "were", "be",
        "been", "being", "has", "have", "had", "will", "would", "could", "can", "may", "might",
        "should", "must", "do", "does", "did", "it", "its", "their", "his", "her", "this",
        "these", "those", "each", "every", "more", "less", "fewer", "so", "too", "also",
        "respectively", "ago", "earlier", "later", "alone", "apiece", "total", "combined",
    }
)  # fmt: skip
# Plurals not ending in "s", and words that name people or things counted in the singular.
_PLURAL_WORDS = frozenset(
    {
        "people", "children", "men", "women", "staff", "personnel", "data", "media", "equipment",
        "feet", "mice", "criteria", "phenomena", "teeth", "geese", "persons", "workforce",
        "police", "cattle", "aircraft", "hardware", "software",
    }
)  # fmt: skip
# A year written as one end of a range or a "from X to Y".
_YEAR_TEXT_RE = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.])")
# A relative pronoun: a new clause with its own verb ("subsidies that reduce bills").
_RELATIVE_RE = re.compile(r"(?<![\w-])(?:that|which|who|whose|whom)(?![\w-])", re.IGNORECASE)
# A figure's shape: its currency mark, percent sign or scale word ("$", "%", "million").
_SHAPE_RE = re.compile(
    r"[$€£¥%]|\b(?:percent|per[ \t]cent|thousand|million|billion|trillion|[kmb]n?)\b",
    re.IGNORECASE,
)
_TO_NUMBER_AFTER_RE = re.compile(r"[ \t]*(?:to|through|[-–])[ \t]*(\S*\d[^\s,;]*(?:[ \t]+\w+)?)")
_TO_NUMBER_BEFORE_RE = re.compile(
    r"(\S*\d[^\s,;]*(?:[ \t]+[^\W\d]+)?)[ \t]*(?:to|through|[-–])[ \t]*$"
)
_LENT_WORD_RE = re.compile(r"^'([^']+)' earlier in its clause$")

# Levels: a percentage in points is a difference already ("5-15pp differently than").
_LEVEL_KINDS = frozenset({"percent", "count", "money", "quantity", "price", "duration"})


def unheld_words(text: str, mention: Mention, reading: dict[str, Any], floor: int) -> str | None:
    """Why words of the mention's clause (``text`` from ``floor``, the sentence's start, to its
    end) that ``reading`` did not hold may change it, so that it is refused; else None. Only a
    reading is checked: a refusal or an exclusion stands as it is."""
    if "kind" not in reading:
        return None
    after = _clause_after(text, mention)
    before = _clause_before(text, mention, floor)
    checks = (
        _glued,
        _range_cut,
        _compared,
        _bound_before,
        _nothing_counted,
        _year_at_one_end,
        _lent_verb,
        _side_by_side,
        _alone,
        _bound_after,
        _one_unit_or,
        _not_whole,
        _label_before,
        _fraction,
        _split_figure,
        _price_earlier,
        _change_noun_before,
        _level_words_on_change,
        _growth_rate_moved,
        _scale_first,
        _hedge_outside_quotes,
        _comparison_as_bound,
        _from_end_cut,
        _unsettled,
        _decided_before,
        _amount_bracket_after_percent,
        _compared_with_a_change,
        _toward_or_up_to_after_change,
        _percentage_noun_moved,
        _equated_after_change,
        _count_above_or_below_level,
        _vague_far_end,
        _doubt_before_a_bound,
        _operators_unaccounted,
    )
    for check in checks:
        if (reason := check(text, mention, reading, before, after)) is not None:
            return f"{reason}; {vocab.REFUSAL_ADVICE}"
    return None


# Words of a bound that the lexicon also gives as verbs ("up to", "over", "near").
_BOUND_WORDS_THAT_ARE_VERBS = frozenset({"up", "over", "near", "well"})
# The last word before a mention, with the spaces after it.
_LAST_WORD_RE = re.compile(r"(?<![\w-])([^\W\d_]+)[ \t]+$")


def _doubt_before_a_bound(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A bound with an adverb of doubt right before it (vocab.DOUBT_ADVERBS: "probably less
    than $40"): a hedge stacked on a bound, refused as stacks not declared are; before an
    exact amount ("probably $40") the word may make it approximate, refused too."""
    word = _LAST_WORD_RE.search(before)
    if word is None or word.group(1).casefold() not in vocab.DOUBT_ADVERBS:
        return None
    if reading.get("bound") == "exact" and not mention.text[:1].isalpha():
        # "probably $40"; not "likely rose 5%", where the word is the verb's
        return (
            f"{word.group(1)!r} right before {mention.text!r}, a word of doubt the mention does "
            f"not hold, may make it approximate"
        )
    if reading.get("bound") not in ("upper", "lower") or not reading.get("qualifier"):
        return None
    if not mention.text.casefold().startswith(str(reading["qualifier"]).casefold()):
        return None  # the bound is not written first in the mention ("300+")
    first = mention.text.split()[0].casefold()
    if first not in _BOUND_WORDS_THAT_ARE_VERBS and lemminflect.getAllLemmas(first).get("VERB"):
        return None  # "have likely crossed one billion": the word is the verb's
    return (
        f"{word.group(1)!r} before {mention.text!r} stacks a word of doubt on its bound, which "
        f"is no phrase of the qualifiers"
    )


def _clause_after(text: str, mention: Mention) -> str:
    brk = _CLAUSE_BREAK_RE.search(text, mention.end)
    return text[mention.end : brk.start() if brk else len(text)]


def _clause_before(text: str, mention: Mention, floor: int) -> str:
    starts = [m.end() for m in _CLAUSE_BREAK_RE.finditer(text, floor, mention.start)]
    return text[starts[-1] if starts else floor : mention.start]


def _compared(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A comparison later in the clause that the reading did not use: a level compared with
    something that is no number of its own ("66% compared to last year": a change, not a
    level), a change compared with a thing rather than a time ("30% more power than the H20":
    a gap), or a percentage compared with a percentage (a ratio of percentages)."""
    comparison = _COMPARISON_RE.search(after)
    if comparison is None:
        return None
    between = [word.casefold() for word in _WORD_RE.findall(after[: comparison.start()])]
    if len(between) > 3 or set(between) & (_PREPOSITIONS | _AUXILIARIES):
        return None  # it goes with other words: "a cost advantage in the China vs", "52% of
        # respondents are more concerned than excited" (a verb's comparison)
    words = after[: comparison.end()].strip()
    compared_with = after[comparison.end() :]
    if not compared_with.strip() or _verb_after_than(compared_with):
        return None
    if _NUMBER_RE.search(after[: comparison.start()]) or _NUMBER_RE.search(compared_with):
        return None  # another number owns the comparison, or two numbers set side by side
    used = reading.get("read_with", "")
    if comparison.group().casefold() in used.casefold():
        if reading["kind"] == "multiplier" and _TIME_COMPARED_RE.match(compared_with):
            return (
                f"{mention.text!r} is compared with {compared_with.strip()!r}, a time: a change "
                f"over time, not a multiplier between two things"
            )
        if reading["kind"] in ("multiplier", "change") and _PERCENTAGE_WORDS_RE.search(
            compared_with
        ):
            return (
                f"{mention.text!r} is compared with {compared_with.strip()!r}, itself a "
                f"percentage: the difference may be in percentage points or a ratio of two "
                f"percentages, which the words do not say"
            )
        return None
    points = reading["unit"] == "percentage_point"  # a difference of percentages already
    if reading["kind"] in _LEVEL_KINDS and not points:
        return (
            f"{words!r} after {mention.text!r} compares it with {compared_with.strip()!r}, which "
            f"the reading does not hold: it may be a change or a gap, not a level"
        )
    if reading["kind"] == "change" and comparison.group().casefold() == "than" and not points:
        if _TIME_COMPARED_RE.match(compared_with):
            return None
        return (
            f"{words!r} after {mention.text!r} compares it with {compared_with.strip()!r}, a "
            f"thing rather than a time, which the reading does not hold: a gap between two "
            f"things or a change over time?"
        )
    return None


def _bound_before(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """An exact reading with a word of bound or hedge among the two words before the mention
    ("topped $50 billion", "nearly a record $35 billion"), which the mention did not take in."""
    if reading.get("bound") != "exact":
        return None
    found = list(_WORD_RE.finditer(before))[-2:]
    words = [word.group().casefold().strip(".") for word in found]
    bound = [(word, at) for word, at in zip(words, found, strict=True) if word in _BOUND_WORDS]
    if not bound or (words[-1] in _DETERMINERS and not _article_of_a_fraction(mention, words)):
        return None  # "well below the 90% industry norm": the bound is on another thing
    if _estimate_of_a_clause(bound[-1][0], before, after):
        return None  # "Analysts estimated 40,000 chips were smuggled": a verb of saying
    if _NUMBER_RE.search(before, bound[-1][1].end()):
        return None  # "investments exceeding $1 billion doubled": it bounds another number
    return (
        f"{bound[-1][1].group()!r} before {mention.text!r}, which the mention does not hold, may "
        f"make it a bound or an approximation, not the exact amount read"
    )


# A unit written as a scale letter and a unit's symbol: "GBps", "Gbps", "TB", "GHz", "kWh".
_UNIT_ABBREVIATION_RE = re.compile(r"[kKMGTPE]i?(?:B|b|bit|Hz|Wh?|FLOP)(?:ps|/s|s|S)?$")


def _is_unit_abbreviation(word: str) -> bool:
    """Whether ``word`` is a unit written short: a scale letter and a unit's symbol ("GBps"),
    or a flow per day or per year (vocab.FLOW_ABBREVIATIONS: "bpd", "mtpa")."""
    folded = word.casefold()
    return (
        bool(_UNIT_ABBREVIATION_RE.match(word))
        or folded in vocab.FLOW_ABBREVIATIONS
        or folded.removesuffix("s") in vocab.UNIT_ABBREVIATIONS_LACKED
        or _dotted_unit(word)
    )


# An all-capitals abbreviation, singular or plural: "TEUs", "GPU", "LLMs".
_CAPITALS_ABBREVIATION_RE = re.compile(r"(?P<stem>[A-Z]{2,})(?:s|'s|’s)?")


def _undeclared_abbreviation(word: str) -> bool:
    """Whether ``word`` is an all-capitals abbreviation ("TEUs", "MMT") that is no declared
    thing counted (vocab.COUNTED_ABBREVIATIONS: "GPUs", "IPOs"): after a count, it may be a
    unit the project lacks."""
    found = _CAPITALS_ABBREVIATION_RE.fullmatch(word.strip(".,;:"))
    return found is not None and found.group("stem") not in vocab.COUNTED_ABBREVIATIONS


def _nothing_counted(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A count whose words after it name a unit or a currency ("15.9 billion U.S. dollars",
    "12 inch wafers"), end in an abbreviation not declared counted ("3.1 million TEUs"), or
    start with a capital and name nothing counted in the plural before the clause goes on
    ("roughly 1,510 Elo across", "23 FLOP"): not a count. A change of a count is checked for
    the abbreviations only ("climbed by 40,000 TEU"), since a span after it dates the change."""
    if reading["kind"] not in ("count", "change") or reading["unit"] != "count":
        return None
    if reading.get("read_with") or reading.get("value") == 1 or not after[:1].isspace():
        return None
    run = _run_after(after)
    if reading["kind"] == "change":
        return _abbreviation_after(mention, run)
    named = [
        word
        for word in run
        if _is_money_word(word) or is_unit_word(word.strip(".")) or _is_unit_abbreviation(word)
    ]
    if named:
        return (
            f"the words after {mention.text!r} ({' '.join(run)!r}) name a unit or a currency "
            f"({named[0]!r}) the reading does not hold: not a count"
        )
    if (abbreviated := _abbreviation_after(mention, run)) is not None:
        return abbreviated
    if not run or _is_plural(run[-1]) or not run[0][:1].isupper() or _name_then_verb(run, before):
        return None
    return (
        f"the words after {mention.text!r} ({' '.join(run)!r}) name no things counted: they may "
        f"be a unit the project does not have, or a name"
    )


def _run_after(after: str) -> list[str]:
    """The words after a count up to a function word or the first plural (what it counts:
    "blind votes", "U.S. dollars")."""
    run: list[str] = []
    for word in _words(after):
        label_letter = word == "A" and bool(run) and run[-1][:1].isupper()
        if word.casefold() in _FUNCTION_WORDS and not label_letter:
            break  # but "Class A vans": a capital "A" after a capitalised word is its label's
        run.append(word)
        if _is_plural(word):
            break
    return run


def _abbreviation_after(mention: Mention, run: list[str]) -> str | None:
    """Why the words after a count or a change of one (``run``) make it no count: a unit written
    short among them ("40,000 TEU", "650,000 bpd"), or an all-capitals abbreviation ending them
    that is no declared thing counted ("3.1 million TEUs", not "10,000 GPUs"); else None."""
    if short := [word for word in run if _is_unit_abbreviation(word)]:
        return (
            f"the words after {mention.text!r} ({' '.join(run)!r}) name a unit written short "
            f"({short[0]!r}) the reading does not hold: not a count"
        )
    if run and _undeclared_abbreviation(run[-1]):
        return (
            f"the words after {mention.text!r} end in {run[-1]!r}, an abbreviation not declared "
            f"as a thing counted: it may be a unit the project does not have"
        )
    return None


@cache
def is_past_tense(word: str) -> bool:
    """Whether the English lexicon gives ``word`` (in lower case) as a verb's past tense and
    not also as its base form: "sold", "took", "shipped"; not "set", "cut" or "shed", whose
    past is their base form (a noun as likely after a name), nor "gold" or "talent", which
    only end as a past tense does."""
    if not word.islower():
        return False
    for lemma in lemminflect.getAllLemmas(word).get("VERB", ()):
        forms = lemminflect.getAllInflections(lemma, upos="VERB")
        if word in forms.get("VBD", ()) and word not in forms.get("VB", ()):
            return True
    return False


def _name_then_verb(run: list[str], before: str) -> bool:
    """Whether the words after a count that follows a determiner are a name and a verb in the
    past tense ("less than half the 2.5 million Nvidia sold", "the 300 Huawei took went to
    banks"): a clause whose subject is the name and whose object is the figure (the things
    counted are named earlier), not a unit."""
    opener = before.split()[-1].casefold() if before.split() else ""
    return opener in _DETERMINERS_BEFORE and len(run) >= 2 and is_past_tense(run[1])


_DETERMINERS_BEFORE = frozenset({"the", "those", "these", "its", "their", "his", "her", "our"})


def _words(after: str) -> list[str]:
    """The words after a mention, names with digits among them ("Ascend 910C chips"), up to
    the first token with no letter or with a currency sign ("$5"): another figure."""
    words = []
    for token in after.split():
        word = token.strip(",;:!?\"“”'’")
        if word[:1] in "$€£¥" or not re.search(r"[^\W\d_]", word):
            break
        words.append(word)
    return words


@cache
def _is_currency(word: str) -> bool:
    """Whether the normaliser reads ``word`` after a number as a currency ("dollars", "RMB");
    kept per word, as the lexicon's answers are (a full reading of "1 <word>" each time)."""
    return word.isalpha() and read_mention(f"1 {word}").get("kind") == "money"


def _is_money_word(word: str) -> bool:
    """Whether ``word`` names a currency the normaliser knows, its own ("dollars") or one it
    refuses ("won", vocab.OTHER_CURRENCY_NAMES): either way a unit, never things counted."""
    return _is_currency(word) or word.casefold() in vocab.OTHER_CURRENCY_NAMES


def _is_plural(word: str) -> bool:
    """Whether ``word`` names things in the plural: "votes", "GPUs", "people"."""
    last = word.split("-")[-1].rstrip(".")
    if last.casefold() in _PLURAL_WORDS or re.fullmatch(r"[A-Z][A-Z\d]*s", last):
        return True  # "GPUs", "H100s"
    folded = last.casefold()
    return (
        folded.isalpha()
        and len(folded) > 2
        and folded.endswith("s")
        and not folded.endswith(("ss", "us", "is"))
    )


def _year_at_one_end(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A range one of whose ends is written as a year and the other not with four digits
    ("2022 to 805,500"): a date, not an end."""
    if reading.get("low") is None or reading.get("high") is None:
        return None
    if reading["low"] == reading["high"]:
        return None
    years = {float(year) for year in _YEAR_TEXT_RE.findall(mention.text)}
    ends = {reading["low"], reading["high"]}
    other = ends - years
    if len(years & ends) != 1 or all(1000 <= end < 10000 for end in other):
        return None  # "2000 to 2500 GPUs": both ends written with four digits
    return f"one end of {mention.text!r} is written as a year: a date, not an end of the range read"


_ATTRIBUTIVE_BEFORE = frozenset(
    {"a", "an", "the", "its", "their", "this", "that", "these", "those", "our", "his", "her"}
)


def without_attributive_ing(words: list[str]) -> list[str]:
    """The clause's words without a form in "-ing" that stands between a determiner or an
    adjective and a noun: "in the main growing belt" describes the belt, it is no verb of
    change for a later "by N"; so does one after a determiner and one word, before a word not
    in "-ly" ("in the key growing region"). A form in "-ing" last, or after a verb, stays."""
    kept = list(words)
    for i in range(len(words) - 2, 0, -1):
        word, before = words[i], words[i - 1]
        if not word.endswith("ing") or word not in vocab.CHANGE_VERBS:
            continue
        modified = i >= 2 and words[i - 2] in _ATTRIBUTIVE_BEFORE and before.isalpha()
        modified = modified and not words[i + 1].endswith("ly") and not is_past_tense(before)
        if before in _ATTRIBUTIVE_BEFORE or _is_bare_adjective(before) or modified:
            del kept[i]
    return kept


def _is_bare_adjective(word: str) -> bool:
    """Whether the English lexicon gives ``word`` as an adjective and not as a verb."""
    parts = lemminflect.getAllLemmas(word)
    return "ADJ" in parts and "VERB" not in parts


def _lent_verb(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A change read with a word earlier in its clause, with a relative pronoun or another word
    of change between that word and the mention ("ramped up subsidies that reduce bills by up
    to 50 per cent"): the word may belong to another clause."""
    lent = _LENT_WORD_RE.match(reading.get("read_with", ""))
    if lent is None:
        return None
    at = before.casefold().rfind(lent.group(1).casefold())
    if at < 0:
        return None
    between = before[at + len(lent.group(1)) :]
    words = without_attributive_ing([w.casefold() for w in _WORD_RE.findall(before[at:])])
    lent_words = len(_WORD_RE.findall(lent.group(1)))
    other = [w for w in words[lent_words:] if w in vocab.CHANGE_VERBS]
    relative = _RELATIVE_RE.search(between)
    if not other and relative is None:
        return None
    word = other[-1] if other else relative.group()
    return (
        f"{mention.text!r} was read with {lent.group(1)!r}, but {word!r} stands between them: "
        f"the verb may belong to another clause"
    )


def _glued(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A mention whose first or last character touches a character it did not take in: a
    letter, a digit, a hyphen, "/" or "^" ("near-$35 billion", "NT$12.54", "12- inch",
    "wafers/month", "10^23"): the figure goes on past the mention's words."""
    left = text[mention.start - 1 : mention.start] if mention.start else ""
    right = text[mention.end : mention.end + 2]
    dash = text[max(0, mention.start - 2) : mention.start] == "--"  # two hyphens: a dash
    glued_left = left.isalnum() or left in ("/", "^") or (left == "-" and not dash)
    glued_right = right[:1].isalnum() or right[:1] in ("/", "^") or right == "- "
    next_word = after.split(None, 1)[0] if after.strip() else ""
    per_word = reading["kind"] == "count" and "/" in next_word.strip(".,")
    if not (glued_left or glued_right or per_word):
        return None
    where = left + mention.text + (right if glued_right else "")
    if per_word:
        where = f"{mention.text} {next_word}"
    return (
        f"{where.strip()!r}: the figure is joined to characters the mention does not hold, "
        f"which may change what it reads"
    )


def _range_cut(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A mention that is one end of a range written "X to Y" or "X-Y" with both ends of one
    shape ("around 2 million to 4 million units"), the other end outside it."""
    if reading["kind"] == "change" or reading.get("bound") == "range":
        return None
    shape = {mark.casefold() for mark in _SHAPE_RE.findall(mention.text)}
    for other in (_TO_NUMBER_AFTER_RE.match(after), _TO_NUMBER_BEFORE_RE.search(before)):
        if other is None or not shape:
            continue
        if {mark.casefold() for mark in _SHAPE_RE.findall(other.group(1))} == shape:
            return (
                f"{mention.text!r} is one end of a range whose other end ({other.group(1)!r}) "
                f"the mention does not hold"
            )
    return None


# The second half of the last check: shapes found in the first passes of held-out checks after
# the checks above were written (docs/annotations.md, "Words a reading did not hold").

_NUMBER_WORD = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred)"
)
_LINK = r"(?:in|out[ \t]+of|of|×|x|by)"
# A number set beside a count by a link word ("three in 10", "four out of five", "3.14 × 10");
# not a year after it ("sold 5 million in 2024"), nor a span of time after "in" ("launched
# three in 10 years"): either is the count's period.
_SIDE_AFTER_RE = re.compile(
    rf"[ \t]+{_LINK}[ \t]+(?!(?:19|20)\d\d(?![\d,.])){_NUMBER_WORD}(?![\w-])", re.IGNORECASE
)
_SPAN_AFTER_IN_RE = re.compile(
    rf"[ \t]+in[ \t]+{_NUMBER_WORD}[ \t]+(?:years?|months?|weeks?|days?|decades?|hours?)\b",
    re.IGNORECASE,
)
_SIDE_BEFORE_RE = re.compile(rf"(?<![\w-]){_NUMBER_WORD}[ \t]+{_LINK}[ \t]*$", re.IGNORECASE)
# Punctuation, or the end of the text, right after a mention.
_PUNCTUATION_AFTER_RE = re.compile(r"[ \t]*(?:[,.;:)\]]|$)")
# Words after an exact figure that make it a bound: "two or fewer", "adults 65 and up",
# "10,000 plus" (not "and up 13%", a verb of change with its own number).
_BOUND_AFTER_RE = re.compile(
    r"[ \t]+(?:or[ \t]+(?:fewer|less|more|so|above|higher|lower|below|over|greater|under)|"
    r"and[ \t]+(?:up|above|over|higher|more|older)|plus)(?![\w-])(?![ \t]+\d)",
    re.IGNORECASE,
)
# A capitalised word right before a count: a label's name ("Parts 730", "Section 232").
_LABEL_BEFORE_RE = re.compile(r"(?<![\w.-])([A-Z][a-z]+)[ \t]+$")
_NOT_LABELS = frozenset(
    {"some", "about", "over", "around", "only", "just", "nearly", "almost", "top", "up", "down"}
)
_FRACTIONS = (
    r"(?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|"
    r"tenths?|hundredths?)"
)
_FRACTION_AFTER_RE = re.compile(rf"[ \t-]+{_FRACTIONS}(?![\w-])", re.IGNORECASE)
_ORDINAL_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:first|second|third|fourth|last|latter|final|former)[ \t-]+$", re.IGNORECASE
)
# Digits that go on after a comma and a space ("400, 000"); an editor's bracket that completes
# the figure ("$2 [billion]").
_SPLIT_AFTER_RE = re.compile(r",[ \t]+\d{3}(?![\d,.])")
# A list going on after the part a split figure would have: a comma, "and" or "or", a number.
_LIST_GOES_ON_RE = re.compile(r"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)\d")
_BRACKET_AFTER_RE = re.compile(r"[ \t]*\[[^\]\d]*[a-z]")
# An amount of money written as a price per a unit: "$10 per million tokens", "$0.13/kWh".
_PRICE_WRITTEN_RE = re.compile(
    r"[$€£¥][ \t]?\d[\d,.]*(?:[ \t]*(?:million|billion|trillion|[kmb]n?)\b)?[ \t]*"
    r"(?:per[ \t]+\w+|/[ \t]?[^\W\d]+)",
    re.IGNORECASE,
)
# A noun of change, then "of" or "by", before a figure: "a growth rate (CAGR) of 35%".
_CHANGE_NOUN_OF_RE = re.compile(
    r"([^\W\d_]+)(?:[ \t]+rate)?[ \t]*(?:\([^)]*\))?"
    # a period between the noun and "of": "a gain since June of 21.5 per cent"
    r"(?:[ \t]+(?:since|in|over|during)(?:[ \t]+[\w'’-]+){1,2}?)?"
    r"[ \t]+(?:of|by)[ \t]+$"
)


def _bare_count(reading: dict[str, Any]) -> bool:
    """A count of no named unit, read from the mention's words alone."""
    return (
        reading["kind"] == "count" and reading["unit"] == "count" and not reading.get("read_with")
    )


def _side_by_side(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A count set beside another number by "in", "out of", "of", "by" or "×" ("three in 10",
    "four out of five", "3.14 × 10^23"): a share or one figure written in two numbers, not two
    counts."""
    if not _bare_count(reading):
        return None
    beside = _SIDE_AFTER_RE.match(after) or _SIDE_BEFORE_RE.search(before)
    if beside is None or _SPAN_AFTER_IN_RE.match(after):
        return None
    if beside.group().casefold().split() == ["one", "of"] and reading.get("qualifier"):
        # "one of more than 300 clinics": a bound or a hedge makes it the size of the group
        # that "one of" picks a member from, never a share ("one of 10 adults" stays refused)
        return None
    return (
        f"{mention.text!r} stands beside another number ({beside.group().strip()!r}): the two "
        f"may make one figure (a share, a product), not two counts"
    )


def _alone(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """Digits alone in brackets ("not yet in production [4]"), or at the start of a clause
    with a mark right after them (a list item's "3."): a note or a number in a list, with
    nothing written that it counts. (Between commas, "Apple, 12, and Google, 9", such digits
    may be counts: ages there are excluded where a name stands before them.)"""
    if not _bare_count(reading) or not re.fullmatch(r"[\d,]+", mention.text):
        return None
    if not _PUNCTUATION_AFTER_RE.match(text, mention.end):
        return None
    head = text[: mention.start]
    if not re.search(r"(?:^|\n|[(\[])[ \t]*$", head):
        return None
    return (
        f"{mention.text!r} stands alone between marks, naming nothing it counts: a note or a "
        f"list item's number?"
    )


def _bound_after(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """An exact reading followed by words that make it a bound ("two or fewer", "65 and up",
    "10,000 plus"), which the mention did not take in."""
    if reading.get("bound") not in ("exact", "approximate"):
        return None
    bound = _BOUND_AFTER_RE.match(text, mention.end)
    if bound is None:
        return None
    if reading["bound"] == "approximate":  # "an estimated $8 million plus": two qualifiers
        return _bound_after_hedge(mention, reading, bound.group().strip())
    return (
        f"{bound.group().strip()!r} after {mention.text!r}, which the mention does not hold, "
        f"makes it a bound, not the exact amount read"
    )


# "a <noun> or" right before a count: "a week or two", "a dollar or two", "one day or 2".
_ONE_UNIT_OR_RE = re.compile(
    r"(?<![\w-])(?:a|an|one)[ \t]+(?P<unit>[^\W\d_][\w-]*)[ \t]+or[ \t]+$", re.IGNORECASE
)


def _one_unit_or(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A bare count right after "a <noun> or" ("a week or two"): the far end of a vague span
    from one to that count of the noun, not a count of its own."""
    if not _bare_count(reading) or (one := _ONE_UNIT_OR_RE.search(before)) is None:
        return None
    if find_mentions(one.group("unit")):
        return None  # "a dozen or two hundred chips": two counts, not a unit
    return (
        f"{one.group().strip()!r} before {mention.text!r} may make it the far end of a vague "
        f"span, one to {mention.text} of {one.group('unit')!r}, which the mention does not hold"
    )


def _bound_after_hedge(mention: Mention, reading: dict[str, Any], bound: str) -> str | None:
    """A hedged amount with a word of bound after it ("an estimated $8 million plus"): two
    qualifiers on one amount, which the words do not rank; "or so" only repeats the hedge."""
    if bound.casefold().split()[-1] == "so":
        return None
    return (
        f"{bound!r} after {mention.text!r}, which the mention does not hold, makes it a bound "
        f"beside its hedge {reading.get('qualifier')!r}: two qualifiers on one amount"
    )


def _not_whole(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A count that is not a whole number ("3.14 × 10^23", "0.45 U.S. dollars"): things counted
    are whole, so its unit is written elsewhere or not at all."""
    if reading["kind"] != "count" or reading["unit"] != "count":
        return None
    ends = [reading.get(key) for key in ("value", "low", "high")]
    if all(end is None or float(end).is_integer() for end in ends):
        return None
    return f"{mention.text!r} is read as a count but is not a whole number: its unit is not read"


def _label_before(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A count right after a capitalised word that is not a hedge or a function word ("15
    C.F.R. Parts 730 to 774", "Section 232"): the number of a label, not a count."""
    if not _bare_count(reading) or not mention.text[:1].isdigit():
        return None
    label = _LABEL_BEFORE_RE.search(text, 0, mention.start)
    if label is None or _starts_sentence(text, label.start()):
        return None
    word = label.group(1).casefold()
    if word in _BOUND_WORDS | _FUNCTION_WORDS | _DETERMINERS | _NOT_LABELS:
        return None
    return (
        f"{label.group(1)!r} right before {mention.text!r} may make it the number of a label "
        f"(a part, a section, a model), not a count"
    )


def _starts_sentence(text: str, at: int) -> bool:
    """Whether ``at`` starts the text or a sentence: after a full stop that ends a word or a
    number ("rose 3. Then"), not one inside an abbreviation ("15 C.F.R. Parts")."""
    head = text[:at]
    if not head.strip():
        return True
    stop = re.search(r"(\S+)[.!?][ \t\n]+$", head)
    return stop is not None and "." not in stop.group(1)


def _fraction(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A count followed by a word of fraction ("roughly one third of capex": a share, not one
    thing), or a fraction after an ordinal ("the first half of 2025": a period)."""
    if _bare_count(reading) and _FRACTION_AFTER_RE.match(text, mention.end):
        return f"{mention.text!r} is followed by a fraction, which the reading does not hold"
    if re.fullmatch(_FRACTIONS, mention.text.strip(), re.IGNORECASE) and (
        _ORDINAL_BEFORE_RE.search(text, 0, mention.start)
    ):
        return f"an ordinal before {mention.text!r} makes it part of a period, not a quantity"
    return None


def _split_figure(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A figure whose digits go on after a comma and a space ("about 400, 000"), whose scale
    is in an editor's bracket after it ("$2 [billion]"), or written with a leading zero ("000
    to 500", the end of a split number): the figure is more than the mention's words."""
    leading_zero = re.match(r"[^\d.]*0\d", mention.text) is not None
    split = mention.text[-1:].isdigit() and _SPLIT_AFTER_RE.match(text, mention.end)
    if split and _LIST_GOES_ON_RE.match(text, split.end()) and text[split.start() + 2 :][:1] != "0":
        split = None  # "150, 300 or 500 megawatts": three figures of a list, not "150,300"
    bracket = _BRACKET_AFTER_RE.match(text, mention.end)
    if not (leading_zero or split or bracket):
        return None
    return (
        f"{mention.text!r} may be part of a figure written in pieces (a number split by a "
        f"space, a scale in brackets), which the mention does not hold"
    )


_AUXILIARY_VERBS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "did"}
    | {"does", "may", "might", "should", "must"}
)


def _finite_verb(word: str) -> bool:
    """Whether ``word`` is a verb with a tense of its own: an auxiliary, a past tense from the
    English lexicon ("earned", "ran"), or a verb's "-s" form that is no noun ("earns")."""
    if word in _AUXILIARY_VERBS or is_past_tense(word):
        return True
    parts = lemminflect.getAllLemmas(word)
    return (
        word.endswith("s")
        and "NOUN" not in parts
        and bool(
            {word} & set(lemminflect.getAllInflections(parts.get("VERB", ("",))[0]).get("VBZ", ()))
        )
    )


def clause_of_its_own(between: str, object_last: bool) -> bool:
    """Whether the words ``between`` two figures (or a figure and its span of time) open a
    clause of their own (:func:`own_clause_start`). With ``object_last`` the clause's verb ends
    ``between`` (the figure is its object) and is no verb of price (vocab.PRICE_VERBS: "as
    smelters charged $90" may be per the same unit)."""
    tokens = [word.casefold() for word in _WORD_RE.findall(between)]
    return own_clause_start(tokens, last_verb=object_last) is not None


def own_clause_start(tokens: list[str], last_verb: bool = False) -> int | None:
    """The index in ``tokens`` of a word of vocab.CLAUSE_OPENERS that opens a clause of its
    own: a subject of one to three words, none of vocab.SAME_SUBJECT_WORDS ("the miner",
    "trains"), and a finite verb ("as the miner earned", "as trains ran every day"); with
    ``last_verb``, a verb that is the last token and no verb of price. None where no such
    clause opens."""
    folded = [token.casefold() for token in tokens]
    for at, token in enumerate(folded):
        opens = token in vocab.CLAUSE_OPENERS and at + 1 < len(folded)
        if not opens or folded[at + 1] in vocab.SAME_SUBJECT_WORDS:
            continue
        ahead = range(at + 2, min(at + 5, len(folded)))
        verb = next((v for v in ahead if _finite_verb(folded[v])), None)
        if verb is None or vocab.SAME_SUBJECT_WORDS & set(folded[at + 1 : verb]):
            continue
        lemmas = set(lemminflect.getAllLemmas(folded[verb]).get("VERB", ()))
        if not last_verb or (verb == len(folded) - 1 and not lemmas & vocab.PRICE_VERBS):
            return at
    return None


def _price_earlier(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """An amount of money after a price per a unit in its clause ("What cost $10 per million
    tokens in early 2024 costs under $0.50"): its unit may be that price's, written once."""
    if reading["kind"] != "money" or reading.get("read_with"):
        return None
    price = _PRICE_WRITTEN_RE.search(before)
    lead = re.match(r"[^\d$€£¥]*", mention.text).group()  # "reported $5 billion"
    if price is None or clause_of_its_own(before[price.end() :] + lead, object_last=True):
        return None  # "cost $2 per GPU-hour after the firm raised $300 million": its own clause
    return (
        f"{mention.text!r} follows the price {price.group().strip()!r} in its clause: it may be "
        f"a price per that unit too, written once"
    )


def _change_noun_before(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A level after a noun of change and "of" or "by" ("a compound annual growth rate (CAGR)
    of 35%"), which the reading did not hold: a change, not a level."""
    if reading["kind"] not in _LEVEL_KINDS or reading.get("read_with"):
        return None
    noun = _CHANGE_NOUN_OF_RE.search(text, max(0, mention.start - 80), mention.start)
    if noun is None or noun.group(1).casefold() not in (*vocab.CHANGE_NOUNS, "change"):
        return None  # "a change of more than 28.5 percent": a change, its sign not written
    if reading["kind"] == "money" and _over_a_thing(noun.group()) and _EARLIER_RE.match(after):
        return None  # "an increase over orders of $3.8 million a year earlier": the baseline
    return (
        f"{noun.group().strip()!r} before {mention.text!r} names a change, which the reading "
        f"does not hold: a change, not a level"
    )


# Words after "over" that make it a period, not a thing a change is measured against.
_PERIOD_WORDS_AFTER_OVER = frozenset(
    {"year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "day", "days"}
    | {"decade", "decades", "period", "periods", "time", "span", "season", "last", "previous"}
    | {"prior", "same", "past", "preceding", "first", "second", "third", "fourth", "half"}
)
_MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"}
    | {"sep", "sept", "oct", "nov", "dec"}
)


# Words right after an amount that set it at an earlier time: "a year earlier", "last year".
_EARLIER_RE = re.compile(
    r"[ \t]+(?:(?:a|one)[ \t]+(?:year|quarter|month|week)[ \t]+(?:earlier|ago|before)"
    r"|last[ \t]+(?:year|quarter|month|week)|in[ \t]+the[ \t]+(?:same|prior|previous)[ \t])",
    re.IGNORECASE,
)


def _over_a_thing(words: str) -> bool:
    """Whether ``words`` (a noun of change up to "of") hold "over" and a thing with no word of
    a period ("increase over orders of"): with the amount set at an earlier time after it
    ("of $3.8 million a year earlier"), the amount is the baseline, the thing at that time."""
    tokens = [token.casefold() for token in _tokens(words)]
    if "over" not in tokens:
        return False
    thing = tokens[tokens.index("over") + 1 : -1]
    return bool(thing) and not any(
        token.split("'")[0].split("’")[0] in _PERIOD_WORDS_AFTER_OVER
        or token in _MONTH_NAMES
        or any(c.isdigit() for c in token)
        for token in thing
    )


# A hedge or bound just outside an opening quotation mark: 'more than "40 chip firms"'.
_HEDGE_BEFORE_QUOTE_RE = re.compile(
    r"(?<![\w-])(?:more[ \t]+than|less[ \t]+than|fewer[ \t]+than|over|under|about|around|"
    r"nearly|almost|roughly|up[ \t]+to|at[ \t]+least|at[ \t]+most)[ \t]*[\"“‘'][ \t]*$",
    re.IGNORECASE,
)


def _level_words_on_change(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A change read with "as high as" or "as low as", words that name a level reached ("may
    grow as high as 12%": a share of 12%, not a growth of 12%)."""
    if reading["kind"] != "change" or reading.get("qualifier") not in ("as high as", "as low as"):
        return None
    return (
        f"{reading['qualifier']!r} in {mention.text!r} names a level reached, not the size of a "
        f"change"
    )


# "growth" (or "growth rate") and at most three words before the number, one of them "by" or a
# declared verb of change: what moves is a rate ("Growth rose by 0.2%"); "to" last is the level
# reached ("growth slowed to 5%"), read by its own rule.
_GROWTH_MOVED_RE = re.compile(
    r"(?<![\w-])(?P<noun>growth(?:[ \t]+rates?)?)[ \t]+(?P<words>(?:[^\W\d_][\w'’-]*[ \t]+){1,3})$",
    re.IGNORECASE,
)


def _growth_rate_moved(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A percentage by which a growth rate moved ("Growth rose by 0.2%", "the growth rate fell
    0.2%"): 0.2 points of the rate, or 0.2% of it? Neither is a change of the quantity that
    grows by 0.2%. Points ("rose by 0.2 percentage points") say which, and stay read."""
    if reading["kind"] not in ("change", "percent") or reading.get("unit") != "percent":
        return None
    number_start = mention.number[0] if mention.number else mention.start
    moved = _GROWTH_MOVED_RE.search(before + text[mention.start : number_start])
    if moved is None:
        return None
    words = [word.casefold() for word in moved.group("words").split()]
    if words[-1] in ("to", "at", "of") or not ({"by"} | set(vocab.CHANGE_VERBS)) & set(words):
        return None
    return (
        f"{moved.group('noun')!r} moved {mention.text!r}: a change of a growth rate, by that many "
        f"points or by that share of the rate is not said, and it is no change of what grows"
    )


def _scale_first(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A mention that starts with a scale word with no number before it but "a" or "one"
    ("several hundred million dollars"): how many hundreds is not written."""
    scale = re.match(r"(?:hundred|thousand|million|billion|trillion)s?\b", mention.text, re.I)
    if scale is None:
        return None
    previous = [word.casefold() for word in _WORD_RE.findall(before)[-1:]]
    if previous in (["a"], ["one"]):
        return None
    return f"{mention.text!r} starts with {scale.group()!r} and no number: how many is not written"


def _hedge_outside_quotes(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """An exact reading whose hedge stands just outside an opening quotation mark ('more than
    "40 chip firms"'): the quoted words are not all the figure's."""
    if reading.get("bound") != "exact":
        return None
    hedge = _HEDGE_BEFORE_QUOTE_RE.search(text, 0, mention.start)
    if hedge is None:
        return None
    return (
        f"{hedge.group().strip()!r} before {mention.text!r}, outside its quotation marks, may "
        f"make it a bound or an approximation"
    )


# A multiplier right before "as many as" or "as much as": "twice as many as", "three times as
# much as", "half as many as".
_MULTIPLIER_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:twice|thrice|half|double|triple|times)[ \t]*$", re.IGNORECASE
)


def _comparison_as_bound(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A reading whose qualifier "as many as" or "as much as" follows a multiplier ("nearly
    twice as many as two years prior"): the words compare two figures, they bound none."""
    qualifier = str(reading.get("qualifier") or "")
    if not qualifier.startswith(("as many as", "as much as")):
        return None
    multiplier = _MULTIPLIER_BEFORE_RE.search(before)
    if multiplier is None:
        return None
    return (
        f"{multiplier.group().strip()!r} before {qualifier!r} makes the words a comparison of "
        f"two figures, not a bound on {mention.text!r}"
    )


# "from" (and a hedge) right before a figure; "to" and a number later in its clause.
_FROM_BEFORE_RE = re.compile(r"(?<![\w-])from[ \t]+$", re.IGNORECASE)
# (the number maybe past an article and one word: "to a record 800")
_TO_NUMBER_LATER_RE = re.compile(
    r"(?<![\w-])to[ \t]+(?:(?:a|an|the)[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+)?)?\d", re.IGNORECASE
)


def _from_end_cut(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A count after "from" with "to" and a number later in its clause, past other words
    ("from around 5,000 pieces this year to 10,000 pieces next year"): the start of a "from X
    to Y" whose other end the mention does not hold (and that end, a bare number, is refused)."""
    if not _bare_count(reading):
        return None
    hedge = str(reading.get("qualifier") or "")
    if not mention.text.casefold().startswith(hedge.casefold()):
        return None
    if _FROM_BEFORE_RE.search(before) is None or _TO_NUMBER_LATER_RE.search(after) is None:
        return None
    return (
        f"{mention.text!r} starts a 'from X ... to Y' whose other end ({after.strip()!r}) the "
        f"mention does not hold"
    )


# The acceptance rule: every operator word near a figure accounted for (docs/annotations.md,
# "Every operator word accounted for"; the words are vocab.OPERATOR_WORDS with the qualifier,
# change and unit vocabularies). The rules above look for shapes; this one looks for words.

# A token of a clause: a word (with its apostrophes and hyphens: "can't", "jaw-dropping"), or a
# sign that is an operator.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[%×/+]")
# Words before a figure that attach it to what stands before them ("rose to $5 billion", "a
# valuation of $5 billion", "priced at $20"): an operator beyond them governs the phrase, and
# the figure is its argument (the level reached, the amount named), not what it operates on.
_ATTACHING = frozenset({"to", "at", "of", "for", "on", "with", "into", "from", "as"})
# Words before a span of time that make it a rate ("$300 a month", "5 GW per year"), and words
# after it that make it a date instead ("a year ago").
_RATE_LEADS = frozenset({"a", "an", "per", "each", "every", "/"})
_DATING = frozenset({"ago", "earlier", "before", "later", "after", "prior", "previously"})
# Words before "a year" that make it a span ("enough to power 16 million homes for a year").
_SPAN_LEADS = frozenset({"for", "in", "within", "of", "over", "than", "under"})
# Words that start a predicate after a figure's phrase ("42 percent are more concerned", "only
# 10 percent say they're more excited"): what follows says something of the things counted,
# and its comparatives and rates are not the figure's.
_CONJUNCTIONS = frozenset({"and", "or", "but", "while", "whereas"})  # "200 engineers and more"
_PREDICATE_WORDS = (
    _AUXILIARIES
    | _PRONOUNS_AFTER
    | frozenset(
        {"am", "be", "being", "do", "does", "did", "can", "may", "might", "must", "should", "shall"}
        | {
            "say",
            "says",
            "said",
            "think",
            "thinks",
            "report",
            "reported",
            "reports",
            "feel",
            "feels",
        }
    )
    | _CONJUNCTIONS
)
# Before a figure only an auxiliary passes a word on ("can't be more than 50%"): a conjunction
# or a pronoun starts another phrase ("they never do and 15% report ...").
_PASSING_BEFORE = _PREDICATE_WORDS - _PRONOUNS_AFTER - _CONJUNCTIONS


# Words after which a month's name that is also a word ("May") dates something: "in May",
# "by May", "since May", "until May", "last May".
_DATING_BEFORE_MONTH = frozenset(
    {"in", "by", "since", "until", "till", "through", "from", "to", "during", "before", "after"}
    | {"of", "last", "next", "early", "late", "mid", "this", "that", "each", "every", "and"}
)


def predicate_starts(token: str, previous: str = "") -> bool:
    """Whether ``token`` starts a predicate after a figure's phrase: an auxiliary, a verb of
    saying, a pronoun, a contraction ("they're"), or a participle in "-ing" that is not an
    operator word ("15 percent overall expressing more excitement than concern"). "May" with
    its capital after a word that dates (``previous``: "in", "by", "since" ...) is the month,
    no modal: "rose about 5% in May and 7% in June"."""
    folded = token.casefold()
    if token == "May" and previous.casefold() in _DATING_BEFORE_MONTH:
        return False
    if folded in _PREDICATE_WORDS or re.search(r"['’](?:re|s|ve|ll|d)$", folded):
        return True
    if previous.casefold() in _DETERMINERS:
        return False  # "than the leading port", "at fast-growing Rosie's": an adjective
    return folded.endswith("ing") and len(folded) > 5 and _operator_class(token) is None


# A figure after one of these is the thing another figure is compared with: a level of its own.
_COUNTERPART = frozenset({"versus", "vs", "compared"})
# Kinds of reading that are a comparison already: the comparison's words are theirs.
_COMPARING_KINDS = frozenset({"multiplier", "change"})
# Kinds of reading that a rate later in the clause can make an amount per a span: amounts that
# pile up over time, and changes (a share of people who do a thing "daily" stays a share).
_RATED_KINDS = frozenset({"count", "money", "quantity", "price", "duration", "change"})
# How many words on each side of a figure are its near words.
_NEAR = 3


def _operator_class(word: str) -> str | None:
    """The class of operator ``word`` belongs to (vocab.OPERATOR_CLASSES), or None for a word
    that changes no number (what is counted, who, where)."""
    folded = word.casefold()
    for name, words in vocab.OPERATOR_WORDS.items():
        if name in ("a period", "a doubt"):
            continue  # operators on a duration only (_period_words), through "to" only
        if folded in words or (name == "a negation" and folded.endswith(("n't", "n’t"))):
            return name
    if folded in _BOUND_OPERATORS:
        return "a bound or hedge"
    if folded in _CHANGE_WORDS:
        return "a direction"
    if folded in vocab.COMPARATIVES or folded in vocab.AMOUNT_VERBS:
        return "a direction"
    if word.isalpha() and (is_unit_word(word) or _is_money_word(word)):
        return "a unit"
    if _is_unit_abbreviation(word):
        return "a unit"  # "600 GBps", "650,000 bpd"
    return None


# The one-word qualifiers that bound or hedge a figure (not those of emphasis: "just", "mere").
def _inflected(words: frozenset[str] | set[str], bases: bool = True) -> frozenset[str]:
    """``words`` with the other forms of each verb or noun among them, made by rule rather
    than listed: from a form in "-ed" or "-ing" its stem and the stem in "-s" ("surpassed":
    "surpass", "surpasses"), and, where ``bases``, a form that ends in neither (nor in "s") in
    "-s" ("cut": "cuts"). A form made wrong ("increas", "topp") matches no word of a text, so it
    changes nothing; a doubled last letter is left as it is, so "topped" never makes "top" ("the
    top 10" ranks)."""
    forms = set(words)
    for word in words:
        stems = []
        for ending in ("ed", "ing"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stems.append(word[: -len(ending)])
        if bases and not stems and not word.endswith("s"):
            stems = [word]
        for stem in stems:
            forms |= {stem, stem + "s", stem + "es"} if stems != [word] else {stem + "s"}
    return frozenset(forms)


_BOUND_OPERATORS = _inflected(
    {
        word
        for word, effect in vocab.QUALIFIERS.items()
        if " " not in word and word.isalpha() and effect != "exact"
    },
    bases=False,
) | frozenset({"least", "most", "greater", "upwards", "estimated"})
# The verbs and nouns of change in all their forms ("cut": "cuts"); a verb that moves an amount
# keeps only its declared forms, which the reader holds ("added 300 data centers"): a form it
# does not read ("adds") would refuse a count it reads right.
_CHANGE_WORDS = _inflected(
    (set(vocab.CHANGE_VERBS) - vocab.AMOUNT_VERBS) | set(vocab.CHANGE_NOUNS)
) | frozenset(vocab.CHANGE_VERBS)


def _consumed(words: str, reading: dict[str, Any]) -> str:
    """``words`` with the words the reading names as read with it blanked out."""
    for quoted in re.findall(r"'([^']+)'|\"([^\"]+)\"", str(reading.get("read_with", ""))):
        for phrase in quoted:
            if phrase:
                words = words.replace(phrase, " " * len(phrase))
    return words


def _tokens(words: str) -> list[str]:
    return [token.group() for token in _TOKEN_RE.finditer(words)]


def _dates_span(tokens: list[str], at: int, cut: bool) -> bool:
    """Whether the word after the span of time ``tokens[at]`` dates it ("a year ago", "a month
    earlier"): "before" or "after" only where nothing follows them in the window (``cut``: the
    window ends at another figure), else they are a preposition and the span stays a rate
    ("50,000 wafers a month before 2027")."""
    following = tokens[at + 1].casefold() if at + 1 < len(tokens) else ""
    if following not in _DATING:
        return False
    if following in ("before", "after"):
        return at + 2 == len(tokens) and not cut
    return True


def _after_class(tokens: list[str], at: int, cut: bool = False) -> str | None:
    """The class of the operator word ``tokens[at]`` after a figure, where it operates on it.

    Near the figure: a unit, a scale word, a percentage or a part of a whole only right after
    it ("2.79M hours"; a part also after "a": "a third"), a span of time there or after "a",
    "per", "each", "every" (a rate: "$300 a month", not "a year ago"), elsewhere it dates the
    figure ("$5 billion last year"); of the direction words, nouns of change and comparatives
    ("a 5% revenue increase", "40% lower"), not verbs, which have their own subject; a
    comparison, a multiple, a rate word. A bound after a figure is left to the bound rules
    ("or more"); "over", "about", "around" after it are places, not hedges; a negation after
    it is its clause's verb's."""
    token, folded = tokens[at], tokens[at].casefold()
    name = _operator_class(token)
    previous = tokens[at - 1].casefold() if at else ""
    if name in (None, "a bound or hedge", "a negation"):
        return None
    if folded in ("quarter", "quarters") and at and previous in _RATE_LEADS - {"a", "an"}:
        return "a rate"  # "each quarter", "per quarter" ("a quarter" is a part of a whole)
    if name == "a span of time":
        if at == 0:
            return name
        if previous not in _RATE_LEADS or _dates_span(tokens, at, cut):
            return None
        if at > 1 and previous in ("a", "an") and tokens[at - 2].casefold() in _SPAN_LEADS:
            return None  # "for a year", "in a month": a span, not a rate
        return "a rate"
    if name in ("a unit", "a scale", "a percentage"):
        return name if at == 0 else None
    if name == "a part of a whole":
        if _ordinal_before_noun(tokens, at):
            return None  # "$30,000 for a third fire truck": an ordinal, no part of the figure
        return name if at == 0 or previous in ("a", "an") else None
    if name == "a direction" and folded in vocab.CHANGE_VERBS and folded not in vocab.CHANGE_NOUNS:
        return None
    if name == "a direction" and folded == "advance" and previous == "in":
        return None  # "$2 billion in advance": paid before, no change
    if name == "a rate" and folded.endswith("ly") and _span_word_names_a_thing(tokens, at):
        return None  # "20 million daily users": it names what is counted (the reading rules)
    if name == "a rate" and folded in ("each", "every"):
        return None  # "each year" is read as a span after it; "5 chips each" by the rules above
    if name == "a multiple" and folded == "x" and (at or token != "x"):
        return None  # "X" the company
    return name


def _span_word_names_a_thing(tokens: list[str], at: int) -> bool:
    """Whether the span word ``tokens[at]`` ("daily", "monthly") stands before what a figure
    counts ("20 million daily active users"): the words after it, up to three and before a
    function word, end in a noun. An adverb after it ("visits monthly nationwide", "monthly
    now") names no thing, so the span word stays a rate."""
    run = []
    for token in tokens[at + 1 : at + 4]:
        if token.casefold() in _FUNCTION_WORDS or not token[:1].isalpha():
            break
        run.append(token.casefold())
    if not run or run[-1] in vocab.TIME_PLACE_ADVERBS:
        return False
    return _is_noun(run[-1])


_ORDINAL_PARTS = frozenset({"third", "fourth", "fifth", "tenth", "hundredth"})


def _ordinal_before_noun(tokens: list[str], at: int) -> bool:
    """Whether ``tokens[at]`` is an ordinal after "a"/"an" that qualifies the noun after it
    ("a third fire truck"), not a part of a whole ("a third of", "a third the price", "a third
    more"): the next word is a noun by the lexicon and no word the reading rules know."""
    if not at or tokens[at - 1].casefold() not in ("a", "an"):
        return False
    if tokens[at].casefold() not in _ORDINAL_PARTS or at + 1 >= len(tokens):
        return False
    following = tokens[at + 1].casefold()
    if following in _FUNCTION_WORDS | _DETERMINERS or _operator_class(following) is not None:
        return False
    return _is_noun(following)


# Words that end the words naming what a figure counts ("5 million users last year").
_NAMING_ENDS = _FUNCTION_WORDS | frozenset({"last", "next", "past", "previous", "same", "per"})


def _head(tokens: list[str]) -> str | None:
    """The last of the first words after a figure that name what it counts (its head noun),
    past the first ("12 inch wafers" is read at "inch"), where there are two or three."""
    run = []
    for token in tokens[:3]:
        if token.casefold() in _NAMING_ENDS or not token[:1].isalpha():
            break
        run.append(token)
    return run[-1] if len(run) > 1 else None


def _found_after(tokens: list[str], reading: dict[str, Any], cut: bool) -> list[tuple[str, str]]:
    """Operator words after a figure that its reading does not hold: any class among the near
    words, and later in the clause a rate on an amount or a change ("3 million chips per
    month"). A comparison right before the next figure (``cut``: the window ends at one) sets
    the two side by side ("88% vs 89%"): each is a level."""
    found = []
    starts = (
        at for at, t in enumerate(tokens) if predicate_starts(t, tokens[at - 1] if at else "")
    )
    tokens = tokens[: next(starts, None)]
    tokens = tokens[: own_clause_start(tokens)]  # "300 people as trains ran every day"
    if (head := _head(tokens)) and _operator_class(head) == "a unit":
        found.append((head, "a unit"))  # "2.664 million H800 GPU hours": hours, not things
    for at in range(len(tokens)):
        name = _after_class(tokens, at, cut)
        if name is None or _counted_plural(tokens, at, name, reading):
            continue
        if _goes_to_change(tokens, at, name, reading):
            continue
        if name == "a rate" and _frequency_of_a_participle(tokens, at, reading):
            continue
        if at >= _NEAR and not (name == "a rate" and reading["kind"] in _RATED_KINDS):
            continue
        if (
            name == "a comparison"
            and cut
            and _LINKING.issuperset(token.casefold() for token in tokens[at + 1 :])
        ):
            continue
        word = tokens[at]
        if name == "a rate" and at and tokens[at - 1].casefold() in _RATE_LEADS:
            word = f"{tokens[at - 1]} {word}"
        found.append((word, name))
    return found


def _frequency_of_a_participle(tokens: list[str], at: int, reading: dict[str, Any]) -> bool:
    """Whether the rate word at ``at`` ("daily") follows a participle that opens what is said
    of a share ("40% using maps daily"): how often they do it, not a rate of the share."""
    if reading["kind"] != "percent" or not tokens or tokens[0].casefold() in _RATE_LEADS:
        return False
    first = tokens[0].casefold()
    if not first.endswith("ing") or _operator_class(first) is not None:
        return False
    lemmas = lemminflect.getAllLemmas(first).get("VERB", ())
    return at > 0 and any(lemma != first for lemma in lemmas)


def _counted_plural(tokens: list[str], at: int, name: str, reading: dict[str, Any]) -> bool:
    """Whether a word of direction right after a count is a noun in the plural, what the
    count counts ("58 rockets", as the English lexicon gives "rockets" a noun), not a verb."""
    if at != 0 or name != "a direction" or reading["kind"] != "count":
        return False
    word = tokens[0].casefold()
    return any(lemma != word for lemma in lemminflect.getAllLemmas(word).get("NOUN", ()))


# Words that may stand between a comparison and the figure it sets beside another ("$109
# billion compared to the $9.3 billion").
_LINKING = frozenset({"to", "with", "the", "a", "an", "its", "their", "than", "of", "in", "that"})
_NEAR_BEFORE = frozenset(
    {"a bound or hedge", "a direction", "a comparison", "a negation", "a rate"}
)


def _change_noun(tokens: list[re.Match[str]]) -> str | None:
    """A noun of change among the two words before "of" or "by" ("a CAGR of", "a change of",
    "growth rate of"), or None."""
    for match in tokens[-2:]:
        if match.group().casefold() in _CHANGE_NOUNS_OF:
            return match.group()
    return None


_CHANGE_NOUNS_OF = frozenset(vocab.CHANGE_NOUNS) | {"change", "growth"}


def _found_before(
    text: str, start: int, end: int, reading: dict[str, Any]
) -> list[tuple[str, str]]:
    """Operator words among the last words before a figure, back to a word that attaches it
    to what stands before ("rose to $5 billion": the level reached) or to a word of the open
    class ("not all 50 states": "all" names the things) or of a class not checked before a
    figure ("who use it every day rose to 13%"), passing over auxiliaries but not conjunctions
    ("can't be more than 50%"); a currency only right before it ("RMB 5 billion"). A figure
    after "versus" or "compared" is what another is compared with."""
    found = []
    tokens = list(_TOKEN_RE.finditer(text, start, end))[-_NEAR - 2 :]
    for back, match in enumerate(reversed(tokens[-_NEAR:])):
        token = match.group()
        folded = token.casefold()
        if is_set_aside(text, match.start()):
            break  # "makes up 56.7%", "an increase over $7.5 billion": the finder's judgement
        if back == 0 and folded in _COUNTERPART and reading["kind"] != "count":
            break
        if folded in ("of", "by") and (noun := _change_noun(tokens[: len(tokens) - back - 1])):
            found.append((f"{noun} {token}", "a noun of change"))
            break
        if folded in _ATTACHING:
            break
        name = _operator_class(token)
        if name is None and folded in _PASSING_BEFORE:
            continue  # an auxiliary passes a negation on: "can't be more than 50%"
        if name == "a direction" and _attributive(tokens, len(tokens) - back - 1):
            continue  # "a narrow 2 percentage point lead": an adjective, not a verb of change
        if name in _NEAR_BEFORE or (name == "a unit" and back == 0 and _is_currency(token)):
            found.append((token, name))
        else:
            break  # an open-class word, or a class not checked here ("who use it every day")
    return found


# Words that open a noun phrase: a word of direction between one of them and the figure
# qualifies the noun the figure stands before ("a narrow 2 percentage point lead", "its
# shrinking 5% share"), as an adjective does; it changes no number.
_PHRASE_OPENERS = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
)


def _attributive(tokens: list[re.Match[str]], at: int) -> bool:
    """Whether ``tokens[at]``, a word of direction right before a figure (only the figure's
    own words after it), opens on a determiner and is an adjective or a participle: it
    qualifies the noun the figure stands before, not a verb of change ("a narrow 2-point
    lead"; "the gap narrowed 2 points" is a verb). A noun of change there heads the phrase
    and makes a change ("a decline exceeding 10%")."""
    if at == 0 or tokens[at - 1].group().casefold() not in _PHRASE_OPENERS:
        return False
    return is_modifier(tokens[at].group())


_DENYING = "|".join(
    re.escape(word)
    for word in (*vocab.OPERATOR_WORDS["a negation"], *vocab.OPERATOR_WORDS["a doubt"])
    if word.isalpha()
)
# A negation or a word of doubt, up to four words, then "to" and at most one word (a verb)
# before the figure: "is not expected to exceed 50,000", "is unlikely to exceed", "few expect
# Chinese chips to exceed 30%", "do not expect Chinese firms to top 20%". Not "a few", "not
# only", "no doubt" (no denial), nor a negation that a reading turned over (it is held).
_DENIED_THROUGH_TO_RE = re.compile(
    rf"(?<![\w'’-])(?<!\ba[ \t])(?P<word>(?:{_DENYING})|[^\W\d_]+n['’]t)(?![\w'’-])"
    r"(?![ \t]+(?:only|doubt)\b)"
    r"(?:[ \t]+[^\W\d_][\w'’-]*){0,4}?[ \t]+to(?:[ \t]+[^\W\d_][\w-]*)?[ \t]*$",
    re.IGNORECASE,
)


def _denied_through_to(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """A negation or a word of doubt that reaches the figure (``text[start:end]`` is what
    stands before it in its window) through a verb and "to" ("is not expected to exceed
    50,000"): the words may deny the figure or give a belief about it, not the bound read."""
    denied = _DENIED_THROUGH_TO_RE.search(text, start, end)
    if denied is None:
        return []
    word = denied.group("word")
    doubt = word.casefold() in vocab.OPERATOR_WORDS["a doubt"]
    return [(word, "a doubt" if doubt else "a negation")]


def unaccounted_operators(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> str | None:
    """The acceptance rule alone (the last of :func:`unheld_words`' checks): why operator
    words near the mention's figure (``text`` from ``floor``, the sentence's start, to its end)
    that ``reading`` does not hold may change it; None where every one is held."""
    if "kind" not in reading:
        return None
    before, after = _clause_before(text, mention, floor), _clause_after(text, mention)
    return _operators_unaccounted(text, mention, reading, before, after)


def _operators_unaccounted(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """Operator words near the figure (vocab.OPERATOR_WORDS) that its reading did not hold:
    the reading may not be what the words say, so it is refused, naming them. The window is
    the figure's clause, cut at the nearest other figure on each side (the words another
    mention holds are its own)."""
    floor = mention.start - len(before)
    others = [m for m in find_mentions(text[floor:]) if m.start + floor != mention.start]
    ends = [m.end + floor for m in others if m.end + floor <= mention.start]
    starts = [m.start + floor for m in others if m.start + floor >= mention.end]
    stop = min([mention.end + len(after), *starts])
    after_cut = text[mention.end : stop]
    held = text[:floor] + _consumed(text[floor : mention.start], reading)
    found = _found_before(held, max([floor, *ends]), mention.start, reading)
    found += _denied_through_to(held, max([floor, *ends]), mention.start)
    after_tokens = _compared_thing_cut(_tokens(_consumed(after_cut, reading)), reading)
    found_after = _found_after(after_tokens, reading, stop < mention.end + len(after))
    if reading["kind"] == "duration":
        before_tokens = _tokens(text[max([floor, *ends]) : mention.start])
        if not _dates_a_figure(text, floor, others, mention, before_tokens):
            before_tokens = []
        found += _period_words(before_tokens, [])
        found_after += _period_words([], after_tokens)
    if reading["kind"] == "multiplier" and _comparative([*mention.text.split(), *after_tokens[:1]]):
        # "2× more per hour": the rate names what both sides are; the ratio has no unit
        found_after = [(w, n) for w, n in found_after if n != "a rate"]
    found = [(w, n) for w, n in found if not _held_by_kind(w, n, reading)]
    found = [(w, n) for w, n in found if not _estimate_of_a_clause(w, before, after)]
    found = [(w, n) for w, n in found if not _each_before_a_change(w, text, mention, reading)]
    found_after = [(w, n) for w, n in found_after if not _held_by_kind(w, n, reading)]
    if not found and not found_after:
        return None
    parts = [f"{_listed(f)} {side}" for f, side in ((found, "before"), (found_after, "after")) if f]
    classes = ", ".join(dict.fromkeys(_shown_class(w, name) for w, name in found + found_after))
    verb = "are" if len(found + found_after) > 1 else "is"
    return (
        f"{' and '.join(parts)} {mention.text!r} {verb} not part of its reading ({classes}): "
        f"the words may change what it means"
    )


# Words between a preposition of time and the span it dates ("over the past 12 months").
_SPAN_DETERMINERS = frozenset({"the", "a", "an", "first", "just", "only", "another", "those"})


def _dates_a_figure(
    text: str, floor: int, others: list[Mention], mention: Mention, between: list[str]
) -> bool:
    """Whether a span of time follows another figure's phrase in its clause with no verb
    between ("a 10x price cut in 18 months"), so that it may date that figure; not after a
    year, a figure joined to a word by a hyphen ("billion-dollar status in 2 years") or a
    predicate ("three firms could catch up in 5 years")."""
    earlier = [m for m in others if m.end + floor <= mention.start]
    if not earlier or is_year(earlier[-1].text):
        return False
    if re.search(r"-[^\W\d_]", earlier[-1].text) or text[earlier[-1].end + floor :][:1] == "-":
        return False
    return not any(
        predicate_starts(t, between[at - 1] if at else "") for at, t in enumerate(between)
    )


def _period_words(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    """Words that make a duration a period (vocab.OPERATOR_WORDS, "a period"): a preposition
    of time before it, past "the", "first", where another figure stands earlier in its clause
    ("a 10x price cut in 18 months": that figure's period; ``before`` is empty otherwise, as in
    "developed in just two months": how long it took), or a word of dating right after it
    ("two years prior")."""
    leads, found = vocab.OPERATOR_WORDS["a period"], []
    for token in reversed(before[-3:]):
        if token.casefold() in leads:
            found.append((token, "a period"))
            break
        if token.casefold() not in _SPAN_DETERMINERS:
            break
    if after and after[0].casefold() in _DATING:
        found.append((after[0], "a period"))
    return found


def _compared_thing_cut(tokens: list[str], reading: dict[str, Any]) -> list[str]:
    """A multiplier's words after it up to "than" (at most two words on): what follows
    "than" is the thing compared ("three times quicker than growth in car use"), not an
    operator of the figure."""
    if reading.get("kind") != "multiplier":
        return tokens
    near = [token.casefold() for token in tokens[:3]]
    return tokens[: near.index("than")] if "than" in near else tokens


def _comparative(words: list[str]) -> bool:
    """Whether a multiplier's words (the mention's, then the first after it) hold a comparative
    ("2.5× more", "ten times cheaper")."""
    return any(word.casefold() in vocab.COMPARATIVES for word in words)


def _held_by_kind(word: str, name: str, reading: dict[str, Any]) -> bool:
    """Whether a reading holds operator ``word`` (of class ``name``) by what it is: a
    multiplier or a change is a comparison, and so is a difference in percentage points; a
    share of a named whole holds a rate (the share of those who do a thing "daily"); a count
    holds "more" ("4 more came"); a change holds a direction word of its own sign."""
    if name == "a noun of change":
        return reading["kind"] in _COMPARING_KINDS
    if name == "a comparison":
        return reading["kind"] in _COMPARING_KINDS or reading.get("unit") == "percentage_point"
    if name == "a rate":
        return reading["kind"] == "percent" and "whole" in reading
    if name == "a direction" and word.casefold() in ("more", "fewer"):
        return reading["kind"] == "count"  # "4 more came": four more things, a count
    if name == "a direction" and reading["kind"] == "change":
        return _sign(word) == _sign_of(reading)  # "from 26% to 13% shows the fall"
    return False


def _sign(word: str) -> int:
    folded = word.casefold()
    return (
        vocab.CHANGE_NOUNS.get(folded)
        or vocab.CHANGE_VERBS.get(folded)
        or vocab.COMPARATIVES.get(folded, 0)
    )


def _sign_of(reading: dict[str, Any]) -> int:
    """The sign of a change reading: +1 up, -1 down, 0 where it has none."""
    for name in ("value", "low", "high"):
        if isinstance(value := reading.get(name), (int, float)) and value:
            return 1 if value > 0 else -1
    return 0


def _listed(found: list[tuple[str, str]]) -> str:
    return " and ".join(repr(token) for token, _ in dict.fromkeys(found))


# The word right before a bare figure (docs/annotations.md, "The word right before a bare
# figure"). A percentage alone says nothing of whether it is a level, a change or a saving: the
# verb it is the object of, or the noun before "of", says it. Verbs and nouns are not a closed
# class, so whether a word is one is asked of an English lexicon (lemminflect, which ships its
# own), not of a list; the words that name a level are declared (vocab.LEVEL_WORDS).
def _forms(word: str, upos: str) -> set[str]:
    """``word`` and every form the lexicon gives it as ``upos`` ("hold": "held", "holds")."""
    inflections = lemminflect.getAllInflections(word, upos=upos)
    return {word} | {form for forms in inflections.values() for form in forms}


@cache
def _level_words() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """Every form of the declared verbs that name a level, as word tuples ("stood", "at"),
    and every form of the declared nouns ("shares"). Made at the first use, not at import:
    the lexicon takes a moment to load, and most commands read no sentence."""
    verbs, nouns = set(), set()
    for entry in vocab.LEVEL_WORDS:
        words = entry.split()
        if words[-1] == "of":
            nouns |= _forms(words[-2], "NOUN")
        else:
            verbs |= {(form, *words[1:]) for form in _forms(words[0], "VERB")}
    return frozenset(verbs), frozenset(nouns)


def ends_in_level_verb(words: list[str]) -> bool:
    """Whether ``words`` end in a form of a verb declared as naming a level, with the words
    declared after it (vocab.LEVEL_WORDS: "stood at", "edged up to")."""
    folded = tuple(word.casefold() for word in words)
    return any(folded[-len(verb) :] == verb for verb in _level_words()[0])


@cache
def _parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech the lexicon gives ``word`` (none for a word it does not know)."""
    return frozenset(lemminflect.getAllLemmas(word.casefold()))


def is_verb(word: str) -> bool:
    """Whether ``word`` is a verb that takes the figure as its object: a verb form in the
    lexicon that is no auxiliary and no adverb ("still", "back", "near" stay adverbs)."""
    parts = _parts_of_speech(word)
    return "VERB" in parts and not parts & {"AUX", "ADV"}


def _is_subject(after: str) -> bool:
    """Whether the words after a figure start with an auxiliary ("is", "will", "has"): the
    figure is the subject of its own clause, not the object of the word before it."""
    tokens = _tokens(after)
    return bool(tokens) and "AUX" in _parts_of_speech(tokens[0])


def _is_noun(word: str) -> bool:
    return "NOUN" in _parts_of_speech(word)


# What may stand right after a bare figure: nothing in its clause, or a word that ends the words
# naming what it is ("17% on Monday", "40% this year", "2% off its costs"); "of", "per", an
# article or a possessive start what it is of ("half the world's researchers").
_BARE_AFTER = (
    _NAMING_ENDS - {"of", "per", "a", "an", "the", "its", "their", "his", "her"}
) | frozenset(
    {"off", "amid", "despite", "toward", "towards", "via", "above", "below", "beyond", "behind"}
)


def _is_bare(reading: dict[str, Any], after: str) -> bool:
    """Whether ``reading`` is a level percentage (or percentage points: "easing 0.1
    percentage points") with no whole and nothing after it (``after``: the rest of its clause)
    names what it is. A count is never bare here: after a verb, what it counts is often left
    out as said before ("granted over 15,000"), and the verb does not change that it counts."""
    is_percent = reading["unit"] in ("percent", "percentage_point")
    if reading["kind"] != "percent" or not is_percent or "whole" in reading:
        return False
    tokens = _tokens(after)
    return not tokens or tokens[0].casefold() in _BARE_AFTER


def bare_in_clause(text: str, mention: Mention, reading: dict[str, Any]) -> bool:
    """Whether ``reading`` is a level percentage with no whole and nothing after the mention in
    its clause names what it is ("6% in Iowa", not "a 6% share")."""
    after = _clause_after(text, mention)
    if terms := _TERMS_AFTER_RE.match(after):
        after = after[terms.end() :]  # "5 percent adjusted for inflation": terms, not a name
    return "kind" in reading and _is_bare(reading, after)


# Words after a percentage that name the terms it is in, not what it is: "5 percent adjusted
# for inflation" is as bare as "5 percent" (a change restated, or a level, the words around
# it decide).
_TERMS_AFTER_RE = re.compile(
    r"[ \t]*(?:adjusted[ \t]+for[ \t]+inflation|after[ \t]+inflation|in[ \t]+real[ \t]+terms"
    r"|in[ \t]+nominal[ \t]+terms|inflation[- ]adjusted)(?![\w-])",
    re.IGNORECASE,
)


def is_level_noun(word: str) -> bool:
    """Whether ``word`` is a form of a noun declared as naming a level (vocab.LEVEL_WORDS:
    "share", "margins")."""
    return word.casefold() in _level_words()[1]


def _hedge_stripped(words: list[str], mention: str) -> list[str]:
    """``words`` (before a figure) without the words of a qualifier that end them ("could
    save up to": "could save"), or that start in them and end in the mention's words
    ("collapsed a" before "whopping 17%")."""
    first = _tokens(mention)[:1]
    if words and first and f"{words[-1]} {first[0]}".casefold() in vocab.QUALIFIERS:
        words = words[:-1]
    folded = [word.casefold() for word in words]
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(folded[-size:]) in vocab.QUALIFIERS:
            return words[:-size]
    return words


def _no_range_of_levels(folded: list[str], reading: dict[str, Any]) -> str | None:
    """Why a figure after "a range/band/corridor of" (vocab.RANGE_LEVEL_NOUNS, ``folded`` the
    clause's words before it) is not the levels' own range: one end only, or a word of change
    earlier in its clause (the range of a change); else None."""
    noun = folded[-2]
    if reading.get("bound") != "range":
        return f"'{noun} of' names a range, but the figure has one end only"
    changes = [word for word in folded[:-2] if word in _CHANGE_WORDS]
    if changes:
        return f"'{noun} of' after {changes[-1]!r}: the range of a change or of a level?"
    return None


def _decided_before(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A bare percentage (nothing after it names what it is) right after a verb (past its
    hedge), or after "a" or "an", a noun and "of", where the word is declared neither as a word
    of change nor as a word that names a level (vocab.LEVEL_WORDS): that word decides what the
    figure means, and its reading as a level may be wrong ("collapsed 17%", "could save 40%", "a
    correction of 10%")."""
    if not _is_bare(reading, after) or _tokens(mention.text)[:1] in (["from"], ["between"]):
        return None  # "ranged from 5% to 10%": the verb's object is no bare figure
    if str(reading.get("read_with", "")).startswith("'followed by'"):
        return None  # the next item of a ranking: the reading holds "followed by"
    words = _hedge_stripped(_tokens(before), mention.text)
    folded = [word.casefold() for word in words]
    level_nouns = _level_words()[1]
    lead = _tokens(re.split(r"\d", mention.text, maxsplit=1)[0])
    if not words or ends_in_level_verb(words) or ends_in_level_verb(_tokens(before) + lead):
        return None  # "stood at 40%", "edged up to 3.9%" (the mention holds "up to")
    if _is_subject(after) or (len(words) > 1 and words[-1][:1].isupper()):
        # "I think 20 percent is too much": the figure starts a clause of its own; "ahead of
        # the United States by only 2.7%": a capital inside the clause starts a name, no verb
        return None
    if folded[-1] == "of" and len(words) > 1:
        noun = folded[-2]
        if noun in vocab.RANGE_LEVEL_NOUNS and (why := _no_range_of_levels(folded, reading)):
            return why
        if noun in level_nouns or noun in _CHANGE_NOUNS_OF or not _is_noun(noun):
            return None
        if not {"a", "an"} & set(folded[-5:-2]):
            return None  # "industry standards of 60%": a value of a property, not an event
        if set(vocab.LIMIT_NOUNS) & {noun, *folded[-5:-2]}:
            return None  # "a minimum levy of 15%": the limit sets the reading's bound
        word, what = f"{words[-2]} of", "noun"
    elif folded[-1] in _CHANGE_WORDS | _BOUND_OPERATORS | vocab.AMOUNT_VERBS:
        return None  # a declared word: the reading and the acceptance rule hold it
    elif is_verb(folded[-1]) and (len(words) < 2 or folded[-2] not in _DETERMINERS):
        if _level_noun_right_before(folded, reading):
            return None  # "its pass rate near 90%": the noun names the level, as "a rate of"
        word, what = words[-1], "verb"
    else:
        return None
    return (
        f"{word!r} right before {mention.text!r} decides what it means (a level, a change, a "
        f"saving?), and is no {what} the vocabulary declares as one of change or of a level"
    )


# --- Words the rules left unsettled (docs/annotations.md, "Words that do not settle a figure")
# Each shape below was read silently as a level or a plain count; each is refused, naming the
# words that leave it open, until a rule of the docs reads it.

_SENTENCE_BACK_RE = re.compile(r"[.!?;](?=\s)|\n")


def _sentence_before(text: str, at: int) -> str:
    """The words of ``text`` before ``at`` back to the last end of a sentence or a ";"."""
    ends = [m.end() for m in _SENTENCE_BACK_RE.finditer(text, max(0, at - 300), at)]
    return text[ends[-1] if ends else max(0, at - 300) : at]


def _fall_word_undeclared(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A bare percentage still read as a level right after "off" (with no verb of being before
    it, "Copper off 12% on the week", or with one where the fall was not read, "is off nearly
    9%"), or after "with" that follows a verb of change or "or/and" in a sentence with one
    ("dropped with 11% last year, or with 4% in real terms"): "off" and "with" are no declared
    words of change ("20% off" is also a discount), so the level is not read."""
    if not _is_bare(reading, after) and not _level_after_off(text, mention, reading, after):
        return None
    words = [word.casefold() for word in _tokens(_sentence_before(text, mention.start))]
    if len(words) < 2 or words[-1] not in ("off", "with"):
        return None
    joined = words[-2] in ("or", "and") and bool(_CHANGE_WORDS & set(words[:-2]))
    if words[-1] == "with" and words[-2] not in _CHANGE_WORDS and not joined:
        return None
    return (
        f"'{words[-2]} {words[-1]}' right before {mention.text!r}: {words[-1]!r} is declared as "
        f"no word of change, so whether it is a change or a level is not said"
    )


def _level_after_off(text: str, mention: Mention, reading: dict[str, Any], after: str) -> bool:
    """Whether ``reading`` is a level percentage with no whole right after "off", whatever
    follows it ("nickel off 1.4% because of weak demand"), unless a noun naming a level does
    ("off 2% share"): "off" leaves it open however the clause goes on."""
    if reading["kind"] != "percent" or "whole" in reading:
        return False
    if reading["unit"] not in ("percent", "percentage_point"):
        return False
    before = _tokens(_sentence_before(text, mention.start))
    tokens = _tokens(after)
    return (
        bool(before)
        and before[-1].casefold() == "off"
        and not (tokens and is_level_noun(tokens[0]))
    )


def _bracket_after_change(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A bare percentage alone in brackets, in a sentence whose words before the bracket hold
    a word of change ("climbed by 40,000 tonnes (2.5%)", "the gains of 2009 (8.7 percent)"):
    it may restate the change in percent, give one year's change, or a level."""
    if not _is_bare(reading, after) or "whole" in reading:
        return None
    opening = text[: mention.start].rstrip()
    if not opening.endswith("(") or not text[mention.end :].lstrip().startswith(")"):
        return None
    clause = re.split(r",(?!\d)", _sentence_before(text, len(opening) - 1))[-1]
    words = [word.casefold() for word in _tokens(clause)]
    change = next((word for word in reversed(words) if word in _CHANGE_WORDS), None)
    if change is None:
        return None
    return (
        f"{mention.text!r} alone in a bracket after {change!r}: the bracket may restate the "
        f"change in percent, give one item's or one year's change, or a level"
    )


# A percentage right before a bracket: "fell 4 percent (", "up 2% (".
_PERCENT_BEFORE_BRACKET_RE = re.compile(r"\d[ \t]*(?:%|percent|per[ \t]?cent|pct)[ \t]*\($")


def _amount_bracket_after_percent(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """An amount of money or a count alone in brackets right after a percentage, in a clause
    that holds a word of change ("shares fell 4 percent ($380 million)"): it may restate the
    change in money, with the change's sign, or give a level, as the mirror case ("by $380
    million (4 percent)") may (:func:`_bracket_after_change`)."""
    if reading["kind"] not in ("money", "count") or "whole" in reading:
        return None
    opening = text[: mention.start].rstrip()
    if not _PERCENT_BEFORE_BRACKET_RE.search(opening):
        return None
    if not text[mention.end :].lstrip().startswith(")"):
        return None
    clause = re.split(r",(?!\d)", _sentence_before(text, len(opening) - 1))[-1]
    change = next((w for w in reversed(_tokens(clause)) if w.casefold() in _CHANGE_WORDS), None)
    if change is None:
        return None
    return (
        f"{mention.text!r} alone in a bracket after a percentage and {change!r}: the bracket "
        f"may restate the change in other terms (with its sign) or give a level"
    )


# After a comma, a few words at most and a word of comparison: "well ahead of the", "behind".
_COMPARISON_AFTER_COMMA_RE = re.compile(
    r",[ \t]*(?:[^\W\d_]+[ \t]+){0,2}(?:ahead[ \t]+of|behind|above|below|against)"
    r"(?:[ \t]+(?:the|a|an|its|their|last|this|that))*[ \t]*$",
    re.IGNORECASE,
)


def _compared_with_a_change(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A level set after a comma against a figure before it that moved ("rents climbed 3% in
    May, well ahead of the 2% seen in April"): "ahead of", "behind", "above", "below",
    "against" compare it with a change, so it may be another change, not a level."""
    if reading["kind"] not in _LEVEL_KINDS:
        return None
    sentence = _sentence_before(text, mention.start)
    link = _COMPARISON_AFTER_COMMA_RE.search(sentence)
    if link is None:
        return None
    earlier = sentence[: link.start()]
    change = next((w for w in _tokens(earlier) if w.casefold() in _CHANGE_WORDS), None)
    if change is None or not re.search(r"\d", earlier):
        return None
    return (
        f"{mention.text!r} is set against a figure that moved ({change!r}) by "
        f"{link.group().strip(', ')!r}: it may be another change, not a level"
    )


# "toward(s)" right before a figure; ", up to" opening a figure after a comma.
_TOWARD_BEFORE_RE = re.compile(r"(?P<verb>[^\W\d_]+)[ \t]+towards?[ \t]+$", re.IGNORECASE)
_UP_TO_OPENING_RE = re.compile(r"up[ \t]+to(?![\w-])", re.IGNORECASE)


def _toward_or_up_to_after_change(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A figure after a verb of change and "toward" ("expected to grow toward 12%": a target,
    neither the size of the change nor a level reached), or one opening with "up to" right
    after a comma that follows a word of change ("rose 2% in March, up to $90 million": the
    level reached or a bound, which the words do not settle)."""
    sentence = _sentence_before(text, mention.start)
    toward = _TOWARD_BEFORE_RE.search(sentence)
    if toward and toward.group("verb").casefold() in _CHANGE_WORDS:
        return f"'toward' before {mention.text!r} names a target, not a change nor a level"
    if not _UP_TO_OPENING_RE.match(mention.text) or not sentence.rstrip().endswith(","):
        return None
    if not any(w.casefold() in _CHANGE_WORDS for w in _tokens(sentence)):
        return None
    return (
        f"{mention.text!r} after a comma that follows a change may be the level reached or a "
        f"bound: the words do not settle which"
    )


# Nouns that name a percentage and nothing else, as the subject of a change: "margins". Not
# "rates" (freight and room rates are prices), "yields" (of crops) or "shares" (of stock).
_PERCENTAGE_NOUNS = frozenset({"margin", "margins"})


def _percentage_noun_moved(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A change in percent whose clause names a percentage as what moved ("profit margins at
    the farm rose 4.5%"): the change may be in points or relative, as with a percentage as the
    object ("cut its margins 2%")."""
    if reading["kind"] != "change" or reading["unit"] != "percent" or reading.get("read_with"):
        return None
    nouns = [w for w in _tokens(before) if w.casefold() in _PERCENTAGE_NOUNS]
    if not nouns or re.search(r"\d", before):
        return None
    return (
        f"{nouns[-1]!r} before {mention.text!r} names a percentage that moved: the change may "
        f"be in points or relative, which the words do not say"
    )


_CAPITALISED_RE = re.compile(r"[A-Z][\w'’-]*")
_WORD_AFTER_RE = re.compile(r"[ \t]*([^\W\d_][\w'’-]*|[^\w\s]|$)")


def _number_as_name(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A number that may be part of a name: a number word with a capital inside a sentence,
    beside a capitalised word ("the Ten Rivers saga", "the Big Four firms"); a bare number of
    three digits or more right after "the" with nothing counted after it ("fly the 767 on long
    routes"): a model, a product or a title, not a count."""
    if reading["kind"] != "count":
        return None
    words_before = _tokens(_sentence_before(text, mention.start))
    next_word = _WORD_AFTER_RE.match(text, mention.end)
    following = next_word.group(1) if next_word else ""
    if mention.text in vocab.CAPITALISED_NUMBER_WORDS and words_before:
        beside = _CAPITALISED_RE.fullmatch(following) or words_before[-1][:1].isupper()
        if beside and (words_before[-1].casefold() == "the" or words_before[-1][:1].isupper()):
            return f"{mention.text!r}, with a capital beside capitalised words, may be a name"
    bare = re.fullmatch(r"\d{3,}", mention.text) and _after_the(text, mention.start)
    bare = bare and not _counts_before_a_relative(text, mention, following)
    if bare and (not following.isalpha() or _counts_nothing(following)):
        return f"'the {mention.text}' with nothing counted after it may be a name (a model)"
    opening = _sentence_before(text, mention.start)
    then = _WORD_AFTER_RE.match(text, next_word.end()) if next_word else None
    version = _version_opening(mention, words_before, following, then.group(1) if then else "")
    if version and _NAME_OPENS_RE.fullmatch(opening):
        return (
            f"{mention.text!r} right after {words_before[0]!r}, a name opening the sentence, "
            f"with no noun it counts after it, may be a version ('Llama 3'), not a count"
        )
    return None


# A name alone before the number, right before it: "Llama 3", not "Apple, 12, and Google".
_NAME_OPENS_RE = re.compile(r"\s*[\"'“‘]?[A-Z][\w'’-]*[ \t]+")


def _version_opening(
    mention: Mention, words_before: list[str], following: str, then: str = ""
) -> bool:
    """Whether a bare number follows a capitalised name (a word the lexicon gives only as a
    noun, or does not know) that opens its sentence, and no noun follows it that it may
    count: "Llama 3 was released", "Gemini 2 launched", "Llama 3 beat rivals" (a verb that is
    also a noun in the singular, in any tense), "Claude 3 leads the pack" (a verb in "-s" with
    a determiner, ``then``, after it); not "Another 300 jobs"."""
    if not re.fullmatch(r"\d+(?:\.\d+)?", mention.text) or len(words_before) != 1:
        return False
    name = words_before[0]
    if not _CAPITALISED_RE.fullmatch(name) or name.casefold() in _FUNCTION_WORDS:
        return False
    if not _parts_of_speech(name.casefold()) <= {"NOUN", "PROPN"}:
        return False
    if not following.isalpha() or following.casefold() in _FUNCTION_WORDS:
        return True
    if is_past_tense(following) or "NOUN" not in _parts_of_speech(following.casefold()):
        return True
    # a verb in any form that is also a noun in the singular ("Llama 3 beat rivals"): a count
    # of more than one counts a plural ("staff" is one), so the word is the verb, whatever its
    # tense
    folded = following.casefold()
    lemmas = lemminflect.getAllLemmas(folded)
    if "VERB" in lemmas and folded in lemmas.get("NOUN", ()) and folded not in _PLURAL_WORDS:
        return True
    # a verb that is also a plural noun, then a determiner: the verb and its object
    return "VERB" in lemmas and then.casefold() in _DETERMINERS


def _about_after_noun(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """ "about" opening the mention right after a determiner and a noun ("a book about 300
    lighthouses"): a preposition (what the book is about) or a hedge; the bound is not said."""
    if not re.match(r"about\b", mention.text, re.IGNORECASE):
        return None
    words = [word.casefold() for word in _tokens(before)]
    for size in (2, 3):
        if size == 3 and len(words) >= 3 and _is_noun(words[-2]):
            break  # "the plant cost about": a subject and its verb
        noun = len(words) >= size and words[-size] in _DETERMINERS and _is_noun(words[-1])
        if noun and words[-1] not in _CHANGE_WORDS and not is_past_tense(words[-1]):
            return (
                f"'about' after {' '.join(words[-size:])!r} may be a preposition (what it "
                f"is about) or a hedge: exact or approximate is not said"
            )
    return None


# Words after "N times" that count occasions: "in its history", "so far", "to date", "on record".
_TIMES_SPAN_AFTER_RE = re.compile(
    r"[ \t]*(?:in[ \t]+(?:its|their|the|his|her|our)[ \t]+(?:\w+[ \t]+)?history|so[ \t]+far"
    r"|to[ \t]+date|on[ \t]+record)\b",
    re.IGNORECASE,
)


def _times_how_often(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """ "N times" after a verb of change with words after it that count occasions ("has
    shrunk three times in its history"): how often it changed, or the change in fold? ("since
    2020" stays a change in fold: "increased 17 times since 2020, reaching ...")."""
    if reading["kind"] != "change" or reading.get("unit") != "fold":
        return None
    if not re.search(r"\btimes$", mention.text) or not _TIMES_SPAN_AFTER_RE.match(after):
        return None
    return (
        f"{mention.text!r} with a span of time after it may count how often it changed, or be "
        f"the change in fold"
    )


def _pounds_of_weight(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """Money in "pounds" with no "£", "sterling" or "GBP", where "of" follows ("8 billion
    pounds of wheat") or no word of money stands in its clause: pounds of weight, or
    sterling?"""
    if reading.get("unit") != "gbp" or not re.search(r"\bpounds?\b", mention.text, re.I):
        return None
    if re.search(r"£|sterling|GBP", mention.text, re.IGNORECASE):
        return None
    words = {word.casefold() for word in _tokens(f"{before} {after}")}
    if not re.match(r"[ \t]*of\b", after) and words & vocab.MONEY_WORDS:
        return None
    return f"'pounds' in {mention.text!r} may be a weight or sterling: no '£' or word of money"


@cache
def _comparing_verbs() -> frozenset[str]:
    """Every form of the verbs of vocab.COMPARING_VERBS, made on first use: the lexicon's
    table of forms costs a tenth of a second to load, which a command that reads no figure
    should not pay."""
    return frozenset(
        form
        for verb in sorted(vocab.COMPARING_VERBS)
        for forms in (
            lemminflect.getAllInflections(verb, "VERB")
            or lemminflect.getAllInflectionsOOV(verb, "VERB")
        ).values()
        for form in forms
    )


def _gap_after_verb_of_comparing(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """Percentage points after "by" and a verb that compares two things, none of whose words
    before it names a level ("beat the market by 1.1 percentage points"): points between two
    percentages the words do not name, levels or changes? A percentage ("lags behind ... by
    only 2.7%") and points between named levels ("its share beat rivals' by 2 points") stay."""
    if reading["kind"] != "percent" or reading.get("unit") != "percentage_point":
        return None
    if any(is_level_noun(word) for word in _tokens(before)):
        return None
    if not re.match(r"by\b", mention.text) and not re.search(r"\bby[ \t]*$", before):
        return None
    for word in _tokens(before):
        if word.casefold() in _comparing_verbs():
            return (
                f"{word!r} before {mention.text!r} compares two things: a gap between two "
                f"levels or two changes is not said"
            )
    return None


_FRACTION_WORD = r"(?:a|one|two|three)[ \t]+(?:half|halves|thirds?|quarters?|fifths?|tenths?)"
_FRACTION_RANGE_BEFORE_RE = re.compile(
    rf"(?<![\w-]){_FRACTION_WORD}[ \t]+(?:to|and|or)[ \t]+(?:a[ \t]+|one[ \t]+)?$", re.IGNORECASE
)


def _fraction_range(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A fraction that ends a range of fractions the mention does not hold ("between a third
    and a half of firms", "a third to a half"): the share is a range, not its far end."""
    window = text[max(0, mention.start - 40) : mention.start]
    if reading["kind"] != "percent" or not _FRACTION_RANGE_BEFORE_RE.search(window):
        return None
    return f"{mention.text!r} ends a range of fractions whose start the mention does not hold"


def _unsettled(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """The first reason of the unsettled shapes above, else None."""
    for check in (
        _fall_word_undeclared,
        _bracket_after_change,
        _number_as_name,
        _about_after_noun,
        _times_how_often,
        _pounds_of_weight,
        _gap_after_verb_of_comparing,
        _fraction_range,
        _compared_after_a_level,
        _span_of_changes,
        _noun_left_out,
        _change_against_an_average,
    ):
        if (reason := check(text, mention, reading, before, after)) is not None:
            return reason
    return None


def _estimate_of_a_clause(word: str, before: str, after: str) -> bool:
    """Whether ``word``, right before the figure (``before``, ``after``: the rest of its
    clause), is the active verb of an estimate whose object is a clause the figure opens, with
    no "at" ("The league estimates 2.5 million children play chess"): a verb of saying, so
    the figure is read as the estimate gives it. After a determiner ("an estimated") it is the
    figure's own hedge, read with it."""
    words = [token.casefold() for token in _tokens(before)]
    if word.casefold() not in vocab.ESTIMATE_VERBS or not words or words[-1] != word.casefold():
        return False
    if len(words) > 1 and words[-2] in _DETERMINERS | {"is", "are", "was", "were", "be"}:
        return False
    ahead = [token.casefold() for token in _tokens(after)[:4]]
    return any(
        token in _AUXILIARY_VERBS or _finite_verb(token) or (at > 0 and is_verb(token))
        for at, token in enumerate(ahead)
    )


# What "over" or "above" right after a level percentage may name and leave it a level: a period
# ("5% over the past year", "over five years", "over 2020-2024", "over time").
_PERIOD_AFTER_OVER_RE = re.compile(
    r"[ \t]+(?:(?:the|that|this|these|those|a|an)[ \t]+)?(?:(?:past|last|next|previous|prior|"
    r"preceding|same|coming|whole|entire|full|first|final|following)[ \t]+)?(?:[\w.,-]+[ \t]+)?"
    r"(?:years?|months?|weeks?|days?|decades?|quarters?|periods?|weekends?|time|course|span|"
    r"summer|winter|spring|autumn|season|centur(?:y|ies))\b(?!['\u2019])"
    r"|[ \t]+(?:19|20)\d\d\b(?=[ \t]*(?:$|[,.;:)]|and\b|to\b|through\b|[-–]\d))",
    re.IGNORECASE,
)


def _compared_after_a_level(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A level percentage with no whole right before "over" or "above" and a thing that is no
    period ("about 12 percent over April hiring", "over the previous month's hiring"): the
    word names what the figure is measured against, so it is a change or a gap, not a level."""
    if reading["kind"] != "percent" or reading["unit"] != "percent" or "whole" in reading:
        return None
    word = re.match(r"[ \t]*(over|above)\b", after, re.IGNORECASE)
    if word is None:
        return None
    if word.group(1).casefold() == "over" and _PERIOD_AFTER_OVER_RE.match(after, word.end()):
        return None  # "5% over the past year": a period dates the level
    rest = after[word.end() :].strip()
    if not rest or (_NUMBER_RE.match(rest) and not re.match(r"(?:19|20)\d\d\b", rest)):
        return None  # a bound on the next figure, or nothing named
    return (
        f"{word.group(1)!r} after {mention.text!r} names what it is measured against "
        f"({rest!r}): a change or a gap, not a level"
    )


# "from a cut of 1.5 percent to a rise of 0.8 percent": a span of changes, not two events.
_SPAN_OF_CHANGES_RE = re.compile(
    r"\bfrom[ \t]+an?[ \t]+(?:\w+[ \t]+)?(?P<low>[a-z]+)[ \t]+of[ \t]+[^,;()]{1,40}?[ \t]+to"
    r"[ \t]+an?[ \t]+(?:\w+[ \t]+)?(?P<high>[a-z]+)[ \t]+of[ \t]+",
    re.IGNORECASE,
)


def _span_of_changes(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A figure at one end of "from a <change> of X to a <change> of Y" ("Bids varied from a
    cut of 1.5 percent to a rise of 0.8 percent"): one range of changes with a sign at each end,
    which a mention of one end does not hold."""
    for span in _SPAN_OF_CHANGES_RE.finditer(text, max(0, mention.start - 120)):
        nouns = {span.group("low").casefold(), span.group("high").casefold()}
        is_end = span.start() <= mention.start <= span.end()
        if is_end and nouns <= set(vocab.CHANGE_NOUNS) | {"change"}:
            return (
                f"{mention.text!r} is one end of a span from one change to another "
                f"({span.group().strip()!r} ...): a range of changes, which a mention of one "
                f"end does not hold"
            )
    return None


def _noun_left_out(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A level percentage with no whole right after "a" or "an" (the number first) and "in" or
    "on" right after it ("which is a 4% on a comparable basis"): a noun was left out (a rise,
    a share?), so what the figure is is not said."""
    if reading["kind"] != "percent" or "whole" in reading or not _is_bare(reading, after):
        return None
    article = re.search(r"(?<![\w-])(an?)[ \t]+$", text[max(0, mention.start - 4) : mention.start])
    if article is None or not mention.text[:1].isdigit():
        return None  # "a mere 5%": an adjective stands for the noun
    if not re.match(r"[ \t]+(?:in|on)[ \t]", text[mention.end :], re.IGNORECASE):
        return None
    return (
        f"'{article.group(1)} {mention.text}' has no noun after it: what the figure is (a "
        f"change, a share?) is left out"
    )


_AVERAGE_RE = re.compile(r"\b(?:average|averages|mean|norm)\b", re.IGNORECASE)


def _change_against_an_average(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A change compared ("compared with", "versus", "relative to") with an average ("down
    3.1% compared with their long-run average"): a change over time or a gap to the average?"""
    if reading["kind"] != "change" or reading.get("read_with"):
        return None
    comparison = _COMPARISON_RE.search(after)
    if comparison is None or comparison.group().casefold() == "than":
        return None
    compared_with = after[comparison.end() :]
    average = _AVERAGE_RE.search(compared_with)
    if average is None or _NUMBER_RE.search(compared_with[: average.start()]):
        return None
    if len(_WORD_RE.findall(after[: comparison.start()])) > 3:
        return None
    return (
        f"{mention.text!r} is compared with {compared_with.strip()!r}, an average: a change "
        f"over time or a gap to the average?"
    )


def unknown_word_after(
    text: str, mention: Mention, reading: dict[str, Any], floor: int
) -> str | None:
    """The acceptance check "No unknown word after a figure" (docs/annotations.md): the word
    right after the mention (in its clause, before any other figure, not held by the reading)
    is a token the lexicon does not know and that is written like an abbreviation ("900 kbd",
    "12 mtkm"), so the figure may be in a unit the project has no entry for; why it is
    refused, else None. Names (a capital, then lower case), single letters, contractions,
    plurals of known words, declared words, a token glued to digits ("HBM3") and one followed
    by an undeclared word it names ("NVIDIA H800 GPUs") pass."""
    if "kind" not in reading:
        return None
    after = _clause_after(text, mention)
    later = [m.start for m in find_mentions(text[floor:]) if m.start + floor >= mention.end]
    stop = min([mention.end + len(after), *(start + floor for start in later)])
    window = _consumed(text[mention.end : stop], reading)
    first = _TOKEN_RE.search(window)
    if first is None or text[mention.end : mention.end + first.start()].strip():
        return None  # nothing after it, or a word the reading holds comes first
    if window[first.end() : first.end() + 1].isdigit():
        return None  # letters and digits together name a model ("80GB HBM3 memory")
    if not _unknown_abbreviation(first.group()):
        return None
    following = _TOKEN_RE.search(window, first.end())
    if following and not window[first.end() : following.start()].strip():
        named = following.group().casefold()
        if not _declared(named) or named in _COUNTED_FOLDED:
            return None  # it names what the next word is ("2048 NVIDIA H800 GPUs")
    return (
        f"{first.group()!r} right after {mention.text!r} is a word the lexicon does not know, "
        f"written like an abbreviation: it may be a unit the project has no entry for; "
        f"{vocab.REFUSAL_ADVICE}"
    )


# The declared counted abbreviations as they may be written after a figure, any case, singular
# or plural ("GPUs", "gpus", "labs").
_COUNTED_FOLDED = frozenset(
    form
    for word in vocab.COUNTED_ABBREVIATIONS
    for form in (word.casefold(), f"{word.casefold()}s")
)


def _unknown_abbreviation(token: str) -> bool:
    """Whether ``token`` is unknown to the lexicon and to every declared vocabulary, and is
    written like an abbreviation: four letters or fewer (before a plural "s"), or a capital
    after its first letter ("TEUs", "kWh"); not a name ("Tesla"), one letter or a contraction."""
    folded = token.casefold().split("-")[-1]  # a compound is known by its last part
    if len(token) == 1 or not token[0].isalpha() or "'" in token or "’" in token:
        return False
    if token[0].isupper() and token[1:].islower():
        return False  # a name
    if _declared(folded) or _parts_of_speech(folded) or _plural_of_known(folded):
        return False
    bare = token[:-1] if token.endswith("s") else token
    return len(bare) <= 4 or any(letter.isupper() for letter in bare[1:])


def _plural_of_known(folded: str) -> bool:
    """Whether ``folded`` ends in "s" or "es" after a word the lexicon knows ("casinos")."""
    stems = [folded[:-1]] if folded.endswith("s") else []
    stems += [folded[:-2]] if folded.endswith("es") else []
    return any(stem and _parts_of_speech(stem) for stem in stems)


def _declared(folded: str) -> bool:
    """Whether ``folded`` is a word some part of the reader declares: a function word, an
    operator word, a unit, a word of a qualifier, change, level or counted thing, or a
    closed-class word the lexicon leaves out (vocab.CLOSED_CLASS_WORDS)."""
    if folded in _FUNCTION_WORDS | _NAMING_ENDS | _PRONOUNS_AFTER | _DATING | _SPAN_LEADS:
        return True
    if folded in _DETERMINERS | _PREPOSITIONS | _AUXILIARIES | _ATTACHING:
        return True
    if folded in vocab.CLOSED_CLASS_WORDS | _COUNTED_FOLDED:
        return True
    if _operator_class(folded) is not None:
        return True
    declared = (vocab.QUALIFIERS, vocab.CHANGE_VERBS, vocab.CHANGE_NOUNS, vocab.COUNTED_NOUNS)
    if any(folded in words for words in declared) or is_level_noun(folded):
        return True
    return any(folded in words for words in vocab.OPERATOR_WORDS.values())


# A link right before a figure that ties it to an earlier figure: "cut costs by 5%, equating to
# about $2 million" (the change in other terms, or a level?).
_EQUATED_BEFORE_RE = re.compile(
    r"(?<![\w-])(?P<link>equat(?:e|es|ed|ing)[ \t]+to|equivalent[ \t]+to|equal[ \t]+to)[ \t]*$",
    re.IGNORECASE,
)


def _equated_after_change(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A figure not read as a change, and no share of a whole it names, right after "equating
    to", "equivalent to" or "equal to", in a sentence whose earlier words hold a figure and a
    word of change ("cut costs by 5%, equating to about $2 million"): it may restate the change
    in other terms or name a level, which the words do not settle (", or" is the restatement
    the docs read)."""
    if reading["kind"] == "change" or "whole" in reading:
        return None  # "equal to 18 percent of sales": a share of its own named whole
    sentence = _sentence_before(text, mention.start)
    link = _EQUATED_BEFORE_RE.search(sentence)
    if link is None or not re.search(r"\d", sentence[: link.start()]):
        return None
    if not any(w.casefold() in _CHANGE_WORDS for w in _tokens(sentence[: link.start()])):
        return None
    return (
        f"{link.group('link')!r} before {mention.text!r} ties it to an earlier change: it may "
        f"restate that change in other terms or name a level, which the words do not settle"
    )


# A count, what it counts, then "above" or "below" a level at another time: "900 workers below
# its 2019 level" (a difference from that level, as money before "below" is).
_ABOVE_OR_BELOW_LEVEL_RE = re.compile(
    r"^[ \t]*(?:[^\W\d_][\w'’-]*[ \t]+){0,2}(?P<word>above|below)[ \t]+"
    r"(?:[^\W_][\w'’-]*[ \t]+){0,3}?(?:levels?|peaks?|highs?|lows?|totals?|marks?|averages?)"
    r"(?![\w-])",
    re.IGNORECASE,
)


def _count_above_or_below_level(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A count with "above" or "below" and a level after it ("900 workers below its 2019
    level", "2,000 ships above the previous peak"): a difference from that level, not a count
    of its own."""
    if reading["kind"] != "count" or (found := _ABOVE_OR_BELOW_LEVEL_RE.match(after)) is None:
        return None
    return (
        f"{found.group('word')!r} a level after {mention.text!r} makes it a difference from "
        f"that level, which the reading does not hold"
    )


# The far end of a range written as a vague quantity: "between three days and several weeks".
_VAGUE_FAR_END_RE = re.compile(
    r"[ \t]*and[ \t]+(?P<word>several|many|numerous|countless|a[ \t]+few)(?![\w-])",
    re.IGNORECASE,
)


def _vague_far_end(
    text: str, mention: Mention, reading: dict[str, Any], before: str, after: str
) -> str | None:
    """A figure after "between" whose far end is a vague quantity ("ranged between three days
    and several weeks"): no exact figure, at most a lower bound the docs do not declare. After
    "from" the first figure is a level of its own ("from 3% to several times that")."""
    if not re.search(r"(?<![\w-])between[ \t]*$", before, re.IGNORECASE):
        return None
    if (vague := _VAGUE_FAR_END_RE.match(text, mention.end)) is None:
        return None
    return (
        f"{vague.group('word')!r} at the far end of the range that starts with {mention.text!r} "
        f"gives no number: the figure is no exact amount"
    )


# The operator words after an amount that name what it goes to: a noun of change after one of
# them is the object of the preposition ("$564 billion on grid expansion"), no change of the
# amount (docs/annotations.md, "A noun of change after 'on' or 'for' names what an amount
# goes to").
_GOES_TO = frozenset({"on", "for", "into", "toward", "towards"})
# The kinds of reading that are an amount spent, raised or employed.
_AMOUNT_KINDS = frozenset({"money", "count", "quantity"})


def _goes_to_change(tokens: list[str], at: int, name: str, reading: dict[str, Any]) -> bool:
    """Whether ``tokens[at]``, a word of direction after an amount, is a noun of change that a
    preposition of purpose before it makes what the amount goes to ("$2 billion for capacity
    expansion"), not a change of the amount ("$2 billion growth" stays refused)."""
    if name != "a direction" or reading["kind"] not in _AMOUNT_KINDS:
        return False
    if tokens[at].casefold() not in vocab.CHANGE_NOUNS:
        return False
    return any(token.casefold() in _GOES_TO for token in tokens[:at])


def _shown_class(word: str, name: str) -> str:
    """The class of operator ``word`` as a refusal names it: the class "a direction" as what the
    word is (a noun of change, a verb of change, either as the English lexicon gives it, or a
    comparative), so that a noun such as "expansion" is not called a direction; any other
    class as it is."""
    if name != "a direction":
        return name
    folded = word.casefold()
    if folded in vocab.COMPARATIVES:
        return "a comparative"
    nouns = {*vocab.CHANGE_NOUNS, *(f"{noun}s" for noun in vocab.CHANGE_NOUNS)}
    if folded not in nouns:
        return "a verb of change"
    is_verb = folded in vocab.CHANGE_VERBS or "VERB" in lemminflect.getAllLemmas(folded)
    return "a verb or noun of change" if is_verb else "a noun of change"


# --- "the N" before a relative word (docs/annotations.md, "Shapes settled after review") ---
_PERSON_RELATIVES = frozenset({"who", "whom"})
_THING_RELATIVES = frozenset({"that", "which"})


def _counts_before_a_relative(text: str, mention: Mention, following: str) -> bool:
    """Whether "the N" is a count of things named before it, not a name: a relative word
    after it that stands for people ("the 300 who applied"), or "that"/"which" after it with
    another figure, not a year, earlier in its sentence ("640 ships, up from the 400 that
    sailed")."""
    word = following.casefold()
    if word in _PERSON_RELATIVES:
        return True
    if word not in _THING_RELATIVES:
        return False
    before = _sentence_before(text, mention.start)
    return any(not is_year(m.text) for m in find_mentions(before))


# Guards carried across a list of bare figures: "the 300, 400, and 500", "between June 8 and
# 9". An item is a bare number (thousands grouped by a comma with no space after it); items
# are joined by a comma and a space, "and" or "or" (``joins`` adds words such as "to").
_BARE_ITEM = r"\d+(?:,\d{3})*(?:\.\d+)?"


def list_head_start(text: str, start: int, joins: tuple[str, ...] = ("and", "or")) -> int:
    """Where the list of bare figures that the figure at ``start`` closes begins: the start of
    its first item ("the 300, 400, and 500": the "300"), so that a test of the words before a
    figure reads the words before its list; ``start`` itself where no list stands before it."""
    words = "|".join(joins)
    found = re.search(
        rf"(?<![\w.,]){_BARE_ITEM}(?:,[ \t]+{_BARE_ITEM})*"
        rf"(?:,?[ \t]+(?:{words})[ \t]+|,[ \t]+)$",
        text[max(0, start - 80) : start],
        re.IGNORECASE,
    )
    return max(0, start - 80) + found.start() if found else start


def _after_the(text: str, start: int) -> bool:
    """Whether "the" stands right before the figure at ``start``, or before the list of bare
    figures of three digits or more it closes ("the 300, 400, and 500")."""
    head = list_head_start(text, start)
    if head != start and not re.match(r"\d{3,}(?![\d.,]\d)", text[head:start]):
        head = start
    words = _tokens(_sentence_before(text, head))
    return words[-1:] in (["the"], ["The"])


_FRACTION_WORDS = frozenset(
    {"half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
    | {"tenth", "thirds", "quarters", "fifths", "tenths"}
)


def _article_of_a_fraction(mention: Mention, words: list[str]) -> bool:
    """Whether the determiner right before the figure is the fraction word's own article ("almost
    the half of all steel"): the hedge before it is on the figure, not on another thing."""
    if mention.number is None:
        return False
    number = mention.text[mention.number[0] - mention.start : mention.number[1] - mention.start]
    return words[-1] in ("the", "a") and number.casefold() in _FRACTION_WORDS


# Letters each closed by a full stop ("s.f.", "k.w.h."), and the few that name no unit.
_DOTTED_RE = re.compile(r"[a-z](?:\.[a-z])+\.?")
_DOTTED_NOT_UNITS = frozenset({"e.g.", "i.e.", "a.m.", "p.m.", "u.s.", "u.k.", "n.b."})


def _dotted_unit(word: str) -> bool:
    """Whether ``word`` after a count is a unit written short with full stops: lower-case
    letters each closed by one ("s.f." for square feet), or a declared unit the project lacks
    written with one ("sq.", "ft."); not "e.g.", "a.m." or a word ending its sentence."""
    closed = word if word.endswith(".") else f"{word}."  # a clause's end may cut the last stop
    if closed in _DOTTED_NOT_UNITS:
        return False
    return bool(_DOTTED_RE.fullmatch(word)) or (
        bool(re.fullmatch(r"[a-z]{1,3}\.", word)) and word[:-1] in vocab.UNIT_ABBREVIATIONS_LACKED
    )


def _verb_after_than(compared_with: str) -> bool:
    """Whether a verb of change or of a fold opens what follows "than" ("at least one library
    more than tripled"): "more than" bounds that verb, not the figure before ("more than
    expected" stays a comparison)."""
    first = _WORD_RE.match(compared_with.lstrip())
    if first is None:
        return False
    word = first.group().casefold()
    return word in vocab.CHANGE_VERBS or bool(_FOLD_VERB_RE.fullmatch(word))


_FOLD_VERB_RE = re.compile(r"(?:doubl|tripl|quadrupl)(?:ed|es|ing)|halved|halves|halving")


def _counts_nothing(word: str) -> bool:
    """Whether ``word`` after a bare number names nothing it counts: a function word, or an
    adverb of time or place ("the 300 today")."""
    return word.casefold() in _FUNCTION_WORDS or word.casefold() in vocab.TIME_PLACE_ADVERBS


# --- a level noun written straight before its figure (docs/annotations.md, "Two things
# compared, rates of change as nouns, and ages") ---
def _level_noun_right_before(folded: list[str], reading: dict[str, Any]) -> bool:
    """Whether the last of ``folded`` (the clause's words before a bare percentage, in lower
    case) is a declared level noun ("rate", "share", "level") after a noun in the singular
    that names what it is the level of: "its pass rate near 90%", "vacancy rates approaching
    8%"; after a plural, an adverb or a pronoun it may be a verb ("analysts now rate 90%" stays
    decided by the verb). Points, or a word of change earlier in the clause ("increased its
    market share 0.4 points"), leave it to the verb's rule."""
    if folded[-1] not in _level_words()[1] or len(folded) < 2 or reading["unit"] != "percent":
        return False
    if set(folded) & _CHANGE_WORDS:
        return False  # "increased its market share 0.4 points": the size of a change?
    before = folded[-2]  # a noun in the singular names what the level is of: "pass", "vacancy"
    plural = before.endswith(("'", "’")) or (before.endswith("s") and not before.endswith("ss"))
    kinds = _parts_of_speech(before)
    return "NOUN" in kinds and "ADV" not in kinds and not plural and before not in _PRONOUNS_AFTER


_EACH_RIGHT_BEFORE_RE = re.compile(r"(?<![\w-])each[ \t]+$", re.IGNORECASE)


def _each_before_a_change(word: str, text: str, mention: Mention, reading: dict[str, Any]) -> bool:
    """Whether ``word`` is "each" right before a change whose verb the mention holds ("the
    three mills tied, each falling by 2%"): the same change for every item named, no rate."""
    if word.casefold() != "each" or reading["kind"] != "change":
        return False
    verb = mention.text.split(None, 1)[0].casefold()
    moved = verb in vocab.CHANGE_VERBS or lemminflect.getLemma(verb, upos="VERB")[0] in (
        vocab.CHANGE_VERBS
    )
    return moved and _EACH_RIGHT_BEFORE_RE.search(text, 0, mention.start) is not None
