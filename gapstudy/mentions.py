"""Stage 2: find every numeric expression in a text, so that annotation coverage can be measured.

A *mention* is a run of characters that states a number, found by :func:`find_mentions`:

- Digits: integers, decimals and thousands separators ("1,200", "1’700", "199.48"), with an attached
  currency sign or code ("$109.1", "HK$4.2", "€10", "RMB 5"), percent sign or word ("2.7%",
  "20 percent", "5pc"), "-fold", or a following scale word ("$109.1 billion", "$157-billion").
  A qualifier prefix glued by a hyphen ("sub-20%") belongs to the mention, and so do glued
  scale or unit abbreviations ("3.5bn", "10x", "400GW", "1990s"); on an amount of money a
  glued capital scale letter is a scale too ("€10B", "$2.174T", "$560M"), where without a
  currency it is a name ("910B"). Letters glued before "$" or "¥" belong to the sign ("A$5"),
  so that the normaliser sees the currency.
- A currency word after a mention belongs to it ("10 billion yuan", "one billion dollars",
  "a 468 million euro round",
  "15.9 billion U.S. dollars", "2 billion Australian dollars"), so that an amount of money is
  never read as a plain count (a currency the project lacks is then refused).
- A power of ten is one mention ("1e26", "3.8e25", "10^26", "10²⁶"), never its first digits.
  A glued "B" or "T" after a decimal or before "parameters", "tokens", "active" or "total" is
  a scale ("14.8T", "671B parameters"), not a name.
- Number words, whole words and case-insensitive: cardinals (zero … nineteen, twenty … ninety,
  hundred, thousand, million, billion, trillion and their plurals), dozen(s), half, twice,
  double(d), triple(d), with an attached "-fold", "fold" ("tenfold") or "percent"; "a third",
  "a quarter" (and other fractions) before "of"; one unit the project has, written "a", after a
  hedge or "to" ("to over a gigawatt", "nearly a terawatt-hour"). Ordinals ("first", "second",
  "a third round") are not mentions.
- Merging: adjacent number words joined by spaces or hyphens are one mention ("one billion",
  "twenty-five"); a bare number, "to" or a dash, and another number are one mention (a range:
  "three to five", "ten-to-hundred-fold", "3-5", "2024-25"); number words joined by "in" are one
  mention (odds: "one-in-five"), and so are a bare number, "in" and a power of ten in digits
  ("three in 10", "4 in 100"), and two whole numbers in digits, the first the smaller ("1 in
  4"), unless a unit follows ("3 in 5 years"); digit runs joined by "/" are one mention
  ("2026/05/27"); a currency amount and a bare number joined by a dash are a range
  ("$0.08-0.15"). These are the *numbers* (:func:`find_numbers`).
- The words a reading needs: a mention is its number with the words around it that decide what
  it says, on the same line and never across a comma, bracket or other punctuation: hedges and
  bounds before it (the qualifiers of :data:`gapstudy.vocab.QUALIFIERS`: "over", "about", "as
  low as", "up to", "just"; glued "~", "<", ">"), verbs and nouns of change ("fell", "rose by",
  "a drop of"), "by" and "by a factor of"; after it a unit or multiplier ("times", "-fold",
  "percentage points", "percent points", "GW", "kWh", "cents", "per kilowatt-hour", "/kWh", and
  after a bare number "months" or "years"), a rate ("a year", "annually", "year-on-year"), a
  direction or comparative ("increase", "lower") and a trailing bound ("or more"); both ends of
  "from X [in 2023] to Y" and "between X and Y". "up" after a verb it belongs to ("makes up
  56.7%") and "over" after a noun of change or lead ("an increase over $7.5 billion") are left
  out; so is "from" without its "to" ("up from 20 percent"), and "to" ("dropped to just 0.3%"
  takes "just" only). Years ("2024", "2024-25", "2016 to 2023") take in nothing. So "one to two
  orders of magnitude" is one mention, whose number is "one to two"; ``Mention.number_span``
  keeps where the number lies inside the mention.

*Identifiers* are digit runs that are part of a name, not a number, found by
:func:`find_identifiers`. The rule: a digit run is an identifier when it is glued to a letter
before it ("H200", "R1", "A100"), or follows a hyphen glued to a word that is not a known prefix
("GLM-4.7", "GPT-4"; the prefixes are sub, pre, post, mid, end, early and late, so "sub-20%"
and "end-2019" are mentions), or is
glued to letters after it that are not a scale, unit or decade suffix ("910B", "5G"); a digit
ordinal ("2nd", "20th") is treated the same way, and so is a digit run after a letter and "+"
("N+2", a chip maker's process). An identifier's span is the whole name it sits in
("GLM-4.7-Flash", "N+2"). Every digit of a text lies in a mention or an identifier.

Forms drafts meet: a number times a power of ten ("3.14 × 10^23") is one number; "four out
of five", "4 out of 5" are one mention (a share of a group); a fraction after a number word
belongs to it ("one third", "two fifths"; "quarter(s)" only before "of": "three quarters of"),
and "a third of", "a quarter of" are mentions; a multiplier word never starts a range ("more
than doubled to $581.7 billion" is two mentions); the whole named after a share stops before a
preposition of time or place and before a number word ("53% of the global population within
three years").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import lemminflect

from gapstudy import vocab

# Number words, declared once (values are read later, by gapstudy.figures with text2num).
_CARDINALS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]
_MAGNITUDES = ("ten", "hundred", "thousand", "million", "billion", "trillion", "dozen")
_OTHER_WORDS = (
    *("half", "twice", "thrice", "double", "doubled", "triple", "tripled", "quadruple"),
    *("quadrupled", "doubling", "tripling", "quadrupling", "halved", "halving"),
    *("doubles", "triples", "quadruples"),  # the present tense: "the plan doubles the fee"
)
_NUMBER_WORDS = sorted(
    {*_CARDINALS, *_MAGNITUDES, *(f"{w}s" for w in _MAGNITUDES), *_OTHER_WORDS},
    key=len,
    reverse=True,
)
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS)


def _prefix_tree(words: list[str]) -> str:
    """``words`` as one alternation that branches letter by letter ("a(?:bout|round)?"): the
    same words, tried in a few branches at each position instead of one by one. A word that
    begins a longer one is tried after it, as in an alternation sorted longest first."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, dict]) -> str:
        alternatives = [re.escape(char) + branch(rest) for char, rest in node.items() if char]
        if not alternatives:
            return ""
        return f"(?:{'|'.join(alternatives)}){'?' if '' in node else ''}"

    return branch(tree)


# The same words for the stages that read the words around a mention.
NUMBER_WORDS: frozenset[str] = _NUMBER_WORD_SET
# "end", "early", "late" date a year ("by end-2019"): a mention, excluded as a year by the draft
_PREFIXES = ("sub", "pre", "post", "mid", "end", "early", "late")
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")
# Letters that may be glued to digits in a mention: scale and unit abbreviations, "x", decades.
_GLUED_SUFFIXES = frozenset(
    {"k", "m", "mn", "bn", "tn", "x", "gw", "mw", "kw", "gwh", "twh", "eb", "pb", "zb", "tb", "gb"}
    | {"nm", "pc", "pp", "ppt"}
)
# Scale letters glued to an amount of money: "€10B", "$2.174T", "$560M", "$5K".
_MONEY_GLUED_SUFFIXES = frozenset(
    {"k", "m", "mn", "mln", "mil", "b", "bn", "bil", "bln", "t", "tn", "trn"}
)
_CURRENCY_CODES = ("USD", "CNY", "RMB", "EUR", "GBP", "HKD", "JPY", "TWD")
# The singulars stand before a noun ("a 468 million euro round", "a 10 billion dollar deal").
_CURRENCY_WORDS = (
    "yuan",
    "renminbi",
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds[ \t]+sterling",  # before "pounds": "8 billion pounds sterling" is one amount
    "pounds",
    "yen",
    *_CURRENCY_CODES,
)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

# A number written as a power of ten: "1e26", "3.8e25", "10^26", "10²⁶".
POWER_OF_TEN_RE = re.compile(
    r"\b[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,3}\b|\^[+-]?[0-9]{1,3}\b|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)"
)
# "a third of", "a quarter of": a fraction of a whole written with "a"; without "of" it is an
# ordinal ("a third round").
_A_FRACTIONS = (
    *("third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
)
_A_CHANGE_FRACTIONS = ("third", "quarter", "fifth", "tenth")  # "grew by a third", "a third,"
_FIGURE_NOUNS = "|".join(vocab.FIGURE_NAMED_EARLIER_NOUNS)  # "a quarter the rate"
_A_UNITS = ("gigawatt", "terawatt-hour", "exabyte")  # "to over a gigawatt"
_EMPHASIS = "|".join(vocab.FRACTION_ADJECTIVES)  # "a notable quarter of all loans"
_A_FRACTION = (
    rf"\ba[ \t]+(?:(?:{_EMPHASIS})[ \t]+)?(?:{'|'.join(_A_FRACTIONS)})(?=[ \t]+of\b)"
    rf"|(?<=\bby[ \t])a[ \t]+(?:{'|'.join(_A_CHANGE_FRACTIONS)})\b"  # "grew by a third": a change
    # before a comma: "only a third, $5 million out of $15 million, was raised" (a share of a
    # whole named elsewhere, which the reader refuses)
    rf"|\ba[ \t]+(?:{'|'.join(_A_CHANGE_FRACTIONS)})(?=[ \t]*,)"
    # before "the" and a noun standing for a figure named earlier, with no "of" after it: "a
    # quarter the rate of 2019" (a ratio of two figures, which the reader refuses)
    rf"|\ba[ \t]+(?:{'|'.join(_A_CHANGE_FRACTIONS)})(?=[ \t]+the[ \t]+(?:{_FIGURE_NOUNS})s?"
    r"(?![\w-])(?![ \t]+of(?![\w-])(?![ \t]+(?:19|20)\d\d(?![\w-]))))"
    # and after "by" and a hedge: "fell by around a quarter"
    + "".join(
        rf"|(?<=\bby[ \t]{hedge}[ \t])a[ \t]+(?:{'|'.join(_A_CHANGE_FRACTIONS)})\b"
        for hedge in ("about", "around", "nearly", "almost", "roughly", "some", "over", "just")
    )
    + rf"|(?<=\bby[ \t]approximately[ \t])a[ \t]+(?:{'|'.join(_A_CHANGE_FRACTIONS)})\b"
    # one unit after a hedge: "to over a gigawatt", "nearly a terawatt-hour"
    r"|(?:(?<=\bover[ \t])|(?<=\bnearly[ \t])|(?<=\balmost[ \t])|(?<=\babout[ \t])"
    r"|(?<=\baround[ \t])|(?<=\bthan[ \t])|(?<=\bleast[ \t])|(?<=\bunder[ \t])"
    r"|(?<=\bto[ \t])|(?<=\broughly[ \t])|(?<=\bexceed[ \t])|(?<=\bexceeds[ \t])"
    r"|(?<=\btopped[ \t])|(?<=\bsurpassed[ \t])|(?<=\bexceeded[ \t])|(?<=\bsurpass[ \t])"
    rf"|(?<=\bapproximately[ \t]))an?[ \t]+(?:{'|'.join(_A_UNITS)})(?![\w-])"
)
_A_FRACTION_RE = re.compile(_A_FRACTION, re.IGNORECASE)
# Nouns counted in billions or trillions, after a glued scale letter: "671B parameters", "14.8T
# tokens", "37B active". Before other words a glued capital letter is a name ("910B chips").
_SCALED_NOUNS_RE = re.compile(
    r"[ \t]+(?:total[ \t]+|active[ \t]+)?(?:parameters|params|tokens|active|total)\b",
    re.IGNORECASE,
)

_ATOM_RE = re.compile(
    rf"""
    (?P<power>{POWER_OF_TEN_RE.pattern})
    |
    (?P<prefix>\b(?:{"|".join(_PREFIXES)})-)?
    (?:
        (?P<currency>(?:(?<![^\W\d_])(?-i:[A-Z]{{1,3}})[$¥]|[$](?-i:US)|[$£€¥])[ \t]?
          |\b(?:{"|".join(_CURRENCY_CODES)})[ \t]?)?
        (?P<digits>[0-9]+(?:[.,][0-9]+|['’][0-9]{{3}}(?![0-9]))*|(?<=[$])\.[0-9]+
          |(?<![\w.,])\.[0-9]+)
        (?:
            (?P<glued>[^\W\d_]+)
          | (?P<digit_suffix>[ \t]?%|-fold\b|[\s-](?:percent|per\ cent|pct)\b
              |\+?[\s-](?:{"|".join(_SCALE_WORDS)})s?\b|[ \t](?:bn|mn|bil|bln|mln|tn|trn)\b)
        )?
      | (?P<word>{_A_FRACTION}|\b{_prefix_tree(_NUMBER_WORDS)}(?:fold)?\b)
        (?P<word_suffix>-fold\b|[\s-](?:percent|per\ cent)\b)?
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_CURRENCY_TAIL_RE = re.compile(
    rf"(?:[ \t]+|-)(?:(?:US|U\.S\.|Hong[ \t]Kong|HK|New[ \t]Taiwan|Taiwan|NT|(?-i:[A-Z][a-z]+))"
    rf"[ \t]+dollars|"
    rf"(?:{'|'.join((*_CURRENCY_WORDS, *sorted(vocab.OTHER_CURRENCY_NAMES)))}))\b",
    re.IGNORECASE,
)
_PERCENT_SUFFIX_RE = re.compile(r"[ \t]?%|[\s-](?:percent|per cent|pct)|pc", re.IGNORECASE)
_WORD_GAP_RE = re.compile(r"[ \t-]+")
_RANGE_GAP_RE = re.compile(r"[ \t]+to[ \t]+|-to-|[ \t]*[-–][ \t]*", re.IGNORECASE)
_MONEY_RANGE_GAP_RE = re.compile(r"[ \t]*[-–][ \t]*")
# The far end of a money range with its scale and no currency of its own: "8 billion", "8bn".
_SCALED_END_RE = re.compile(
    rf"[0-9][0-9.,]*(?:[ \t]+(?:{'|'.join(_SCALE_WORDS)})"
    rf"|(?:{'|'.join(sorted(_MONEY_GLUED_SUFFIXES))}))",
    re.IGNORECASE,
)
_ODDS_GAP_RE = re.compile(r"[ \t]+in[ \t]+|-in-", re.IGNORECASE)
# The right end of odds written in digits: "in 10", "in 100", "in 1,000".
_POWER_OF_TEN_DIGITS_RE = re.compile(r"10|100|1,?000")
# "four out of five", "4 out of 5": a share of a group, one mention
_OUT_OF_GAP_RE = re.compile(r"[ \t]+out[ \t]+of[ \t]+", re.IGNORECASE)
# A number times a power of ten, written with "×", "x" or "·" and "^" or superscript digits:
# "3.14 × 10^23", "2×10²⁵" are one number.
_POWER_OF_TEN_RE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?[ \t]*[×xX·][ \t]*10(?:\^[-−]?\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)(?![\d.])"
)
# Multiplier words never start a range: "more than doubled to $581.7 billion" is a change
# and the level it reached, two figures.
_MULTIPLIER_WORDS = frozenset(w for w in _OTHER_WORDS if w != "half")
_NAME_CHARS = re.compile(r"[\w.\-+]")  # "+": a process name ("N+2")


@dataclass(frozen=True)
class Mention:
    """A numeric expression: ``text == source[start:end]``.

    ``number`` is the span of the number itself inside it (the mention without the words
    taken in for its reading): an annotated figure or an exclusion covers a mention when it
    covers that number.
    """

    start: int
    end: int
    text: str
    number: tuple[int, int] | None = field(default=None, compare=False)

    @property
    def number_span(self) -> tuple[int, int]:
        """``(start, end)`` of the number itself."""
        return self.number if self.number is not None else (self.start, self.end)


@dataclass(frozen=True)
class Identifier:
    """Digits that belong to a name ("H200", "GLM-4.7-Flash") or an ordinal ("2nd")."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    is_word: bool
    is_bare: bool  # no sign, suffix or scale: may start a range
    is_identifier: bool
    is_money: bool = False  # a currency and digits, nothing after: may start "$0.08-0.15"
    is_percent: bool = False  # digits and a percent sign or word: "30%-40%" is one range
    currency: str | None = None  # an amount of money (with a scale): "$500 million to $1 billion"


def find_mentions(text: str) -> list[Mention]:
    """Every numeric expression in ``text``, sorted by start, non-overlapping, each with the
    words its reading needs (see the module docstring)."""
    numbers = find_numbers(text)
    return [
        Mention(start, end, text[start:end], number=(n_start, n_end))
        for start, end, n_start, n_end in _widen_all(text, numbers)
    ]


def find_numbers(text: str) -> list[tuple[int, int]]:
    """The numbers alone, as ``(start, end)``: digits, number words, ranges, money with its
    currency; no hedge, unit word or direction around them."""
    atoms = [a for a in _find_atoms(text) if not a.is_identifier]
    merged: list[tuple[int, int]] = []
    previous: _Atom | None = None
    for atom in atoms:
        if previous is not None and _is_joined(text, previous, atom):
            merged[-1] = (merged[-1][0], atom.end)
        else:
            merged.append((atom.start, atom.end))
        previous = atom
    merged = _join_powers_of_ten(text, merged)
    merged = _join_and_a_half(text, merged)
    return [(start, _currency_tail_end(text, end)) for start, end in merged]


_AND_A_HALF_RE = re.compile(r"[ \t]+and[ \t]+a[ \t]+half\b", re.IGNORECASE)


def _join_and_a_half(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with "N and a half" ("three and a half years", "2 and a half") made one number:
    apart, "three" would read as a count and "half years" as half a year."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        half = joined and _AND_A_HALF_RE.match(text, joined[-1][1])
        if half and half.end() == start + len("half"):  # "half", "half billion"
            joined[-1] = (joined[-1][0], end)
            continue
        joined.append((start, end))
    return joined


def _join_powers_of_ten(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with the numbers inside one "N × 10^E" ("3.14 × 10^23") made one."""
    for power in _POWER_OF_TEN_RE.finditer(text):
        inside = [s for s in spans if s[0] < power.end() and s[1] > power.start()]
        if inside:
            joined = (min(power.start(), inside[0][0]), max(power.end(), inside[-1][1]))
            spans = sorted([s for s in spans if s not in inside] + [joined])
    return spans


def _currency_tail_end(text: str, end: int) -> int:
    """The end of a currency word right after a mention ("10 billion yuan"), else ``end``."""
    tail = _CURRENCY_TAIL_RE.match(text, end)
    return tail.end() if tail else end


def find_identifiers(text: str) -> list[Identifier]:
    """Every name that holds digits (see the module docstring for the rule), sorted by start."""
    spans: list[tuple[int, int]] = []
    for atom in _find_atoms(text):
        if not atom.is_identifier:
            continue
        start, end = _name_span(text, atom.start, atom.end)
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return [Identifier(start, end, text[start:end]) for start, end in spans]


# "a third", "a quarter" right after a verb of change (past a hedge): the size of the change
# ("grew around a quarter year over year"), a fraction; not a time ("rose a quarter earlier"),
# and "in the third quarter" stays a period (no verb of change right before it).
_CHANGED_BY_A_FRACTION_RE = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(sorted(vocab.CHANGE_VERBS, key=len, reverse=True))})[ \t]+"
    r"(?:(?:about|around|nearly|almost|roughly|some|over|just|approximately)[ \t]+)?"
    rf"(?P<fraction>a[ \t]+(?:{'|'.join(_A_CHANGE_FRACTIONS)}))(?![\w-])"
    r"(?![ \t]+(?:earlier|ago|before|later|after|of)\b)",
    re.IGNORECASE,
)
# Every match of the fraction patterns above holds "a" (or "an"), a space and one of their own
# words. Those patterns are slow (a lookbehind tried at every character), and most texts hold
# no such words: a text without them is read by the atom pattern without its fractions.
_A_WORD_RE = re.compile(
    rf"an?[ \t]+(?:(?:{_EMPHASIS})[ \t]+)?"
    rf"(?:{'|'.join(sorted({*_A_FRACTIONS, *_A_CHANGE_FRACTIONS, *_A_UNITS}))})",
    re.IGNORECASE,
)
_ATOM_WITHOUT_A_FRACTION_RE = re.compile(
    _ATOM_RE.pattern.replace(f"(?P<word>{_A_FRACTION}|", "(?P<word>", 1), _ATOM_RE.flags
)


def _atom_matches(
    text: str,
) -> tuple[list[re.Match[str]], list[re.Match[str]], Iterator[re.Match[str]]]:
    """The matches in ``text`` of :data:`_A_FRACTION_RE`, :data:`_CHANGED_BY_A_FRACTION_RE`
    and :data:`_ATOM_RE`; the fraction patterns are not tried where :data:`_A_WORD_RE` finds
    none of their words (they could match nothing)."""
    if _A_WORD_RE.search(text) is None:
        return [], [], _ATOM_WITHOUT_A_FRACTION_RE.finditer(text)
    return (
        list(_A_FRACTION_RE.finditer(text)),
        list(_CHANGED_BY_A_FRACTION_RE.finditer(text)),
        _ATOM_RE.finditer(text),
    )


def _find_atoms(text: str) -> list[_Atom]:
    fractions, changed_by, matches = _atom_matches(text)
    atoms = [_Atom(m.start(), m.end(), True, False, False) for m in fractions]
    atoms += [
        _Atom(m.start("fraction"), m.end("fraction"), True, False, False)
        for m in changed_by
        if not any(a.start <= m.start("fraction") < a.end for a in atoms)
    ]
    for match in matches:
        if any(a.start <= match.start() < a.end for a in atoms):
            continue  # inside "a third of"
        if match.group("power") is not None:
            atoms.append(_Atom(match.start(), match.end(), False, False, False))
            continue
        if match.group("word") is not None:
            is_bare = not any(match.group(g) for g in ("word_suffix", "prefix"))
            is_bare = is_bare and not match.group("word").casefold().endswith("fold")
            atoms.append(_Atom(match.start(), match.end(), True, is_bare, False))
            continue
        is_identifier = _is_identifier(text, match)
        is_bare = not any(match.group(g) for g in ("prefix", "currency", "glued", "digit_suffix"))
        is_money = bool(match.group("currency")) and not any(
            match.group(g) for g in ("prefix", "glued", "digit_suffix")
        )
        suffix = (match.group("digit_suffix") or match.group("glued") or "").casefold()
        is_percent = _PERCENT_SUFFIX_RE.fullmatch(suffix) is not None and not match.group(
            "currency"
        )
        currency = (match.group("currency") or "").strip().casefold() or None
        if match.group("prefix") or is_percent:
            currency = None
        atoms.append(
            _Atom(
                match.start(),
                match.end(),
                False,
                is_bare,
                is_identifier,
                is_money,
                is_percent,
                currency,
            )
        )
    return sorted(atoms, key=lambda a: a.start)


def _is_identifier(text: str, match: re.Match[str]) -> bool:
    glued = match.group("glued")
    if glued is not None:
        suffix = glued.casefold()
        is_decade = suffix == "s" and match.group("digits").endswith("0")
        is_money_scale = match.group("currency") and suffix in _MONEY_GLUED_SUFFIXES
        is_count_scale = suffix in ("b", "t") and (
            "." in match.group("digits") or _SCALED_NOUNS_RE.match(text, match.end())
        )  # "671B parameters", "14.8T tokens"; "910B chips" is a name
        is_known = is_decade or is_money_scale or is_count_scale or _unit_then_letters(suffix)
        if suffix not in _GLUED_SUFFIXES and not is_known:
            return True  # "910B", "5G", and ordinals such as "2nd"
    if match.group("prefix") or match.group("currency"):
        return False
    start = match.start("digits")
    before = text[start - 1] if start > 0 else ""
    if before.isalpha():
        glued = re.search(r"[^\W\d_]+$", text[max(0, start - 20) : start])
        # a lower-case word of the language glued by a slip: "more than12%" is a number
        return glued is None or glued.group() not in _GLUED_WORDS  # "H200", "R1"
    if before == "+" and start > 1 and text[start - 2].isalpha():
        return True  # "N+2", a chip maker's process name
    return before == "-" and start > 1 and text[start - 2].isalpha()  # "GLM-4.7"


def _unit_then_letters(suffix: str) -> bool:
    """Whether letters glued to digits are a unit abbreviation of two letters or more with
    more letters after it ("5MWdc", "3GWac": a rating of a unit): a figure the reading must
    refuse, never a name skipped with no mention ("910B", "5G" stay names)."""
    return any(suffix.startswith(unit) for unit in _GLUED_SUFFIXES if len(unit) > 1)


# Words a number may be glued to by a slip of typing ("more than12%", "about5"): the digits are
# a number, not part of a name.
_GLUED_WORDS = frozenset(
    {"than", "over", "about", "under", "nearly", "around", "almost", "of", "to", "by", "at"}
    | {"and", "or", "from", "just", "only", "some", "approximately", "roughly", "least"}
)


def _after_from(text: str, atom: _Atom) -> bool:
    """Whether "from" stands right before ``atom`` (or its glued sign: "from <2%")."""
    opening = atom.start
    while opening > 0 and text[opening - 1] in _GLUED_LEAD_SIGNS:
        opening -= 1
    return _FROM_RE.search(text, max(0, opening - 12), opening) is not None


# "to" later in the clause: a dash range after "from" may be the first end of a change.
_TO_LATER_RE = re.compile(r"[^,;:.()\n]*?(?<![\w-])to(?![\w-])", re.IGNORECASE)


def _money_dash_range_alone(text: str, gap: str, left: _Atom, right: _Atom) -> bool:
    """Whether money ends joined by a dash stand with no "to" later in their clause."""
    is_dash = _MONEY_RANGE_GAP_RE.fullmatch(gap) is not None
    return bool(left.currency) and is_dash and not _TO_LATER_RE.match(text, right.end)


# Words that make the number after them a date: "in 2021 to 4,500" is a year, then a level.
_DATE_BEFORE_RE = re.compile(r"(?<![\w-])(?:in|of|since|during|until)[ \t]+$", re.IGNORECASE)


def _is_dated_year_before_a_number(text: str, left: _Atom, right: _Atom) -> bool:
    """Whether ``left`` is a year a preposition dates ("from 714,000 in the fourth quarter of
    2022 to 805,500") and ``right`` is no year: a period, then the far end of a change."""
    first, last = text[left.start : left.end], text[right.start : right.end]
    # "in 2021-22" is a span of years; "in 2015 to 14 cents" is not (a span never runs back)
    backwards = last.isdigit() and len(last) == 2 and first[-2:].isdigit() and last <= first[-2:]
    return (
        is_year(first)
        and not is_year(last)
        and (backwards or not is_year(text[left.start : right.end]))
        and (
            _DATE_BEFORE_RE.search(text, max(0, left.start - 8), left.start) is not None
            or _is_year_after_a_month_or_the(text, left, right)
        )
    )


# A month's name ("March 2021", "March, 2021") or "in/of ... the" ("in the 2015") right before
# a year: the year is a date, never the first end of a range ("from 9,100 in the 2015 to 7,800").
_MONTH_OR_THE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:(?:"
    + "|".join(sorted(vocab.MONTH_NAMES, key=len, reverse=True))
    + r")\.?,?|(?:in|of|since|during|until)[ \t]+the)[ \t]+$",
    re.IGNORECASE,
)
# Nouns after "the N to M" that make it a range of values ("in the 2000 to 3000 range").
_RANGE_NOUN_AFTER_RE = re.compile(r"[ \t]+(?:range|band|bracket|region)\b", re.IGNORECASE)


def _is_year_after_a_month_or_the(text: str, left: _Atom, right: _Atom) -> bool:
    """Whether a month's name or "in the" stands right before the year ``left``, and no noun
    of a range follows ``right``."""
    before = _MONTH_OR_THE_BEFORE_RE.search(text, max(0, left.start - 16), left.start)
    return before is not None and _RANGE_NOUN_AFTER_RE.match(text, right.end) is None


def _is_joined(text: str, left: _Atom, right: _Atom) -> bool:
    gap = text[left.end : right.start]
    if _is_dated_year_before_a_number(text, left, right):
        return False
    if left.is_word and right.is_word and left.is_bare and _WORD_GAP_RE.fullmatch(gap):
        return True
    left_is_year = left.is_bare and is_year(text[left.start : left.end])
    if left.is_bare and right.is_bare and _OUT_OF_GAP_RE.fullmatch(gap):
        return left.is_word == right.is_word  # "four out of five", "4 out of 5"
    is_multiplier = text[left.start : left.end].casefold() in _MULTIPLIER_WORDS
    if (
        left.is_bare
        and not is_multiplier
        and _RANGE_GAP_RE.fullmatch(gap)
        and not (left_is_year and not right.is_bare)
    ):
        # "3-5%", "three to five"; never "2023 to 71.7%"; but "from 3 to 5 years" is a change,
        # whose ends are joined later (with "from"), where "from 2016 to 2023" is years
        return left_is_year or not _after_from(text, left)
    is_scaled_end = _SCALED_END_RE.fullmatch(text, right.start, right.end) is not None
    is_money_end = (left.is_money and right.is_bare) or (left.currency and is_scaled_end)
    if is_money_end and not right.is_word and not right.currency:
        # "$0.08-0.15", "$7-8 billion", "US$26.1 billion–26.9 billion": the currency written
        # once, on the first end
        return _MONEY_RANGE_GAP_RE.fullmatch(gap) is not None
    same_unit = left.is_percent and right.is_percent
    same_unit = same_unit or (_is_fold(text, left) and _is_fold(text, right))  # "10x to 100x"
    same_unit = same_unit or (left.currency is not None and left.currency == right.currency)
    if same_unit and _RANGE_GAP_RE.fullmatch(gap):
        # "30%-40%", "26 per cent to 33 per cent", "$500 million to $1 billion": the unit
        # written twice; but "from 30% to 40%" is a change, whose ends are joined later; money
        # joined by a dash after "from" with no "to" later in its clause is one range ("came
        # in from $US5-$US7 billion")
        return not _after_from(text, left) or _money_dash_range_alone(text, gap, left, right)
    same_scale = _scale_word(text, left) is not None and _scale_word(text, left) == _scale_word(
        text, right
    )
    if same_scale and not left.currency and not right.currency and _RANGE_GAP_RE.fullmatch(gap):
        # "2 million to 4 million units": a range with the scale written twice
        return not _after_from(text, left)
    if left.is_word and right.is_word and left.is_bare and _ODDS_GAP_RE.fullmatch(gap):
        return True
    if left.is_bare and right.is_bare and _ODDS_GAP_RE.fullmatch(gap):
        # "three in 10 adults", "4 in 100", "1 in 4": a share, where the right end is a power
        # of ten in digits, or both ends are small whole numbers in digits, the left one the
        # smaller (never a year: "3 in 2024"; never before a unit: "3 in 5 years" is a count
        # and a span)
        if _DURATION_TAIL_RE.match(text, right.end) or _UNIT_TAIL_RE.match(text, right.end):
            return False
        if _POWER_OF_TEN_DIGITS_RE.fullmatch(text, right.start, right.end):
            return True
        ends = text[left.start : left.end], text[right.start : right.end]
        return all(end.isdigit() for end in ends) and int(ends[0]) < int(ends[1]) <= 1000
    return not left.is_word and not right.is_word and left.is_bare and gap == "/"


def _is_fold(text: str, atom: _Atom) -> bool:
    """Whether a digit atom ends in a glued multiplication sign ("10x", "100×")."""
    return not atom.is_word and text[atom.end - 1 : atom.end] in ("x", "X", "×")


_SCALE_END_RE = re.compile(rf"[0-9][ \t]+({'|'.join(_SCALE_WORDS)})s?$", re.IGNORECASE)


def _scale_word(text: str, atom: _Atom) -> str | None:
    """The scale word that ends a digit atom ("2 million" → "million"), else None."""
    if atom.is_word or atom.is_percent:
        return None
    found = _SCALE_END_RE.search(text, atom.start, atom.end)
    return found.group(1).casefold() if found else None


def _name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` to the whole name around it, without trailing punctuation."""
    while start > 0 and _NAME_CHARS.match(text[start - 1]):
        start -= 1
    while end < len(text) and _NAME_CHARS.match(text[end]):
        end += 1
    while text[start] in ".-_+":
        start += 1
    while text[end - 1] in ".-_+":
        end -= 1
    return start, end


# --- the words a mention's reading needs ------------------------------------------------------
# A number alone is not a figure: "over 600 million", "ahead by just 2.7%", "6-8 months", "fell
# 12%" read only with their words. A mention takes them in, on the same line and within the
# clause (no punctuation is crossed, except the glued signs and suffixes listed here).

# Words before the number (hedges and bounds, verbs and nouns of change, "by"), joined by
# spaces; matched whole, case-insensitive, longest first, repeatedly ("fell by more than").
_TRAILING_ONLY = ("or ", "and ", "plus", "+", "max", "<", ">", "~")
_LEAD_WORDS = sorted(
    {q for q in vocab.QUALIFIERS if not q.startswith(_TRAILING_ONLY)}
    | set(vocab.CHANGE_VERBS)
    | {f"{verb} by" for verb in vocab.CHANGE_VERBS}
    | {f"{verb} at" for verb in vocab.CHANGE_VERBS}
    | {f"{noun} of" for noun in vocab.CHANGE_NOUNS}
    | {f"{noun} of" for noun in vocab.CHANGE_NOUN_PLURALS}  # "increases of 15% and 80%"
    | {f"{noun} rate of" for noun in vocab.CHANGE_NOUNS}  # "a growth rate of 5%"
    | {f"{noun} rates of" for noun in vocab.CHANGE_NOUNS}  # "growth rates of 20-25%"
    | {f"{noun} by" for noun in vocab.CHANGE_NOUNS}  # "saw revenue surge by 73%"
    | {"by", "by a factor of", "a factor of", "a", "an"},
    key=len,
    reverse=True,
)


# Anchored at the number ("$"), a match is the same text whichever of the words matched.
_LEAD_RE = re.compile(
    rf"(?<![\w'’-]){_prefix_tree(_LEAD_WORDS)}(?:[ \t]+|(?<=[^\W\d_]))$", re.IGNORECASE
)
# A softener of a bound that opens with an article ("a little", "a bit"): kept whole.
_SOFTENER_WITH_ARTICLE_RE = re.compile(
    rf"(?:{'|'.join(s for s in vocab.BOUND_SOFTENERS if s.startswith('a '))})[ \t]",
    re.IGNORECASE,
)
_GLUED_LEAD_SIGNS = frozenset("~<>≈")  # "~$5.6M", "<2%"
_SIGN_BEFORE_RE = re.compile(r"(?:(?<=[\s(\[])|^)[+−-]$")
_ARTICLES = frozenset({"a", "an"})
_UNIT_WORDS = (
    "times",
    "fold",
    "percentage points",
    "percentage point",
    "basis points",
    "basis point",
    "bps",
    "percent points",
    "points",
    "point",
    "pts",
    "orders of magnitude",
    "order of magnitude",
    "cents",
    "cent",
    "GW",
    "gigawatts",
    "gigawatt",
    "MW",
    "megawatts",
    "megawatt",  # the singular before a noun: "their current 50–200 megawatt capacity"
    "megawatt-hour",
    "kWh",
    "TWh",
    "terawatt-hours",
    "kilowatt-hours",
    # every size in bytes, written apart ("96 GB") as glued ("96GB"): one reading for both
    *("KB", "MB", "GB", "TB", "kilobytes", "megabytes", "gigabytes", "terabytes"),
    *("kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte", "exabyte", "zettabyte"),
    "EB",
    "exabytes",
    "ZB",
    "zettabytes",
    "PB",
    "petabytes",
    "GWh",
    "MWh",
    "kWh",
    "kW",
    "TW",
    "terawatts",
    "kilowatts",
    "watts",  # "draws 65 watts": the power unit at no prefix
    "gigawatt-hours",
    "megawatt-hours",
    "terawatt hours",
    "gigawatt hours",
    "megawatt hours",
    "kilowatt hours",
    "terawatt-hour",
    "gigawatt-hour",
    "kilowatt-hour",
    "digits",
    "digit",
)
# Units the project has no unit for, taken into a mention so that the normaliser refuses
# them rather than reading the number as a count: computing speed ("140,000 PFlops", "5
# zettaFLOPS", "TOPS"), lengths, weights, frequencies and spreads ("six sigma", "7 nm").
OTHER_UNITS_RE = re.compile(
    r"(?:kilo|mega|giga|tera|peta|exa|zetta|yotta|[KkMGTPEZY])?(?:flops?|flop/s)"
    r"|(?-i:TOPS|[kMGT]?Hz|nm|km|kg|Elo)|sigma|nanomet(?:er|re)s?|tonnes?|tons?|hertz",
    re.IGNORECASE,
)
# Spans of time after a bare number: "6-8 months", "two years" (a duration).
_DURATION_WORDS = ("months", "month", "years", "year", "weeks", "week", "days", "decades")
_PER_WORDS = (
    "year on year",
    "month on month",
    "per kilowatt-hour",
    "per kilowatt hour",
    "per kilowatthour",
    "per kWh",
    # a price per megawatt-hour, read per kWh (a thousandth of it)
    *("per megawatt-hour", "per megawatt hour", "per MWh", "a megawatt-hour", "a MWh"),
    "a kilowatt-hour",
    "a kWh",
    "a year",
    "per year",
    "each year",
    "every year",
    "annually",
    "year-on-year",
    "year-over-year",
    "year over year",
    "yoy",
    *("y/y", "q/q", "m/m", "qoq", "mom", "sequentially", "quarter-on-quarter"),
    *("quarter-over-quarter", "quarter over quarter", "month-on-month", "month over month"),
    *("year-to-date", "year to date", "ytd"),
    *sorted(vocab.COMPARED_PERIODS),
    "per annum",
    "yearly",
)
_TRAILING_QUALIFIERS = tuple(q for q in vocab.QUALIFIERS if q.startswith(("or ", "and ")))
_DIRECTION_WORDS = (*vocab.CHANGE_NOUNS, *vocab.COMPARATIVES)
_GLUED_TAILS = (
    "+",
    "×",  # "100×": the multiplication sign, as "x" is glued
    "¢",
    "/kWh",
    "/MWh",
    "/hour",
    "/hr",
    "/GPU",
    "/token",
    "/month",
    "/year",
    "/yr",
    "/mo",
    "/day",
    "/share",
    "-month",
    "-year",
    "-week",
    "-day",
    "-point",
    *(f"-{part}" for part in ("thirds", "third", "quarters", "quarter", "fifths", "fifth")),
    *(f"-{part}" for part in ("fourths", "fourth")),
    *(f"-{part}" for part in ("tenths", "tenth", "sixths", "sixth", "eighths", "eighth")),
)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_TAIL_RE = re.compile(
    rf"(?:{_alternatives(_GLUED_TAILS)}|[ \t]+(?:{_alternatives(_UNIT_WORDS + _PER_WORDS)}"
    rf"|{OTHER_UNITS_RE.pattern}))"
    # "a year ago" (or "prior", "previously") dates, it is no rate
    r"(?![\w-])(?![ \t]+(?:ago|earlier|before|later|prior|previously)\b)",
    re.IGNORECASE,
)
# A unit after a number that looks like a year makes it a quantity: "2000 gigawatts".
_YEAR_UNIT_RE = re.compile(
    rf"[ \t]+(?:{_alternatives(_UNIT_WORDS)}|{OTHER_UNITS_RE.pattern})(?![\w-])", re.IGNORECASE
)
_DURATION_TAIL_RE = re.compile(
    rf"[ \t]+(?:(?:{'|'.join(sorted(vocab.SPAN_ADJECTIVES))})[ \t]+)?"
    rf"(?:{_alternatives(_DURATION_WORDS)})(?![\w-])",
    re.IGNORECASE,
)  # one adjective may stand before the span: "six consecutive months"
_DIRECTION_TAIL_RE = re.compile(
    rf"[ \t]+(?:{_alternatives(_DIRECTION_WORDS + _TRAILING_QUALIFIERS)})(?![\w-])",
    re.IGNORECASE,
)
# A bound right after a bare number: "two or fewer of the items", "10 or more", "10 or so"
# (never "or more than", which starts another figure).
_BARE_BOUND_TAIL_RE = re.compile(
    r"[ \t]+or[ \t]+(?:more|fewer|less|greater|higher|lower|above|below|over|under|so"
    r"|thereabouts)(?![\w-])"
    r"(?![ \t]+than\b)"
    # "2,300-plus members": a lower bound glued by a hyphen, as "2,300 or more"
    r"|-plus(?![\w-])",
    re.IGNORECASE,
)
# A percent written in words after a bound after a bare number: "rose 20 or more percent".
_PERCENT_TAIL_RE = re.compile(
    r"[ \t]+(?:percentage[ \t]+points?|percent|per[ \t]+cent)(?![\w-])", re.IGNORECASE
)
_BARE_NUMBER_RE = re.compile(
    r"[\d.,'’]+(?:(?:[ \t]*[-–][ \t]*|[ \t]+to[ \t]+)[\d.,'’]+)?|[^\W\d]+(?:[ \t-][^\W\d]+)*"
)
_YEAR_NUMBER_RE = re.compile(r"(?:19|20)\d\d(?:(?:[-–/]|[ \t]+to[ \t]+)(?:19|20)?\d\d)?")
_FROM_RE = re.compile(r"(?<![\w-])from[ \t]+$", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?<![\w-])between[ \t]+$", re.IGNORECASE)
# The period an end of "from X to Y" may carry: "in 2023", "in late 2024", "(2022)".
_END_PERIOD_RE = re.compile(
    r"[ \t]+in[ \t]+(?:(?:late|early|mid)[ \t]+)?\d{4}\b|[ \t]*\(\d{4}\)"
    r"|[ \t]+(?:the[ \t]+(?:previous|prior)[ \t]+year|a[ \t]+year[ \t]+(?:earlier|before|ago))\b"
    r"|[ \t]+last[ \t]+year\b",
    re.IGNORECASE,
)
_TO_RE = re.compile(r"[ \t]+to[ \t]+", re.IGNORECASE)
_AND_RE = re.compile(r"[ \t]+and[ \t]+", re.IGNORECASE)


def is_year(text: str) -> bool:
    """Whether a number as found is a year or a span of years ("2024", "2024-25")."""
    return _YEAR_NUMBER_RE.fullmatch(text) is not None


def _widen_all(text: str, numbers: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(start, end, number start, number end) of each mention, in order, disjoint."""
    found: list[tuple[int, int, int, int]] = []
    i = 0
    while i < len(numbers):
        n_start, n_end = numbers[i]
        floor = found[-1][1] if found else 0
        if is_year(text[n_start:n_end]) and not _YEAR_UNIT_RE.match(text, n_end):
            found.append((n_start, n_end, n_start, n_end))
            i += 1
            continue
        start = _lead_start(text, n_start, floor)
        joined = _joined_end(text, start, numbers, i, floor)
        if joined is not None:
            start, i = joined[0], joined[1]
            n_end = numbers[i][1]
            end = _end_with_period(text, _tail_end(text, numbers[i][0], n_end))
        else:
            end = _tail_end(text, n_start, n_end)
        found.append((start, end, n_start, n_end))
        while i < len(numbers) and numbers[i][0] < end:
            i += 1  # a number the words taken in hold ("(2024)" after "to 13%")
    return found


# "{verb} at" takes in a rate only, a percentage or a multiple ("grew at 7%", "growing at
# around 2.4x per year"), never a count ("increases at four plants").
_AT_END_RE = re.compile(r"(?<![\w-])at[ \t]*$", re.IGNORECASE)
_PERCENT_AHEAD_RE = re.compile(
    r"[\w.,]*?(?:[ \t]?%|(?<=[0-9])x(?![\w-])"
    r"|[ \t-]*(?:percent|per[ \t]cent|pct|times|fold)(?![\w]))",
    re.IGNORECASE,
)


def _lead_start(text: str, start: int, floor: int) -> int:
    """Where the words before a number that its reading needs begin (not before ``floor``)."""
    number_start = start  # an article inside the number stays ("a third of")
    is_signed = start > floor and _SIGN_BEFORE_RE.match(text, start - 1, start)
    if is_signed and text[start : start + 1].isdigit():
        start -= 1  # "(+25%)", "−3.5%": a sign glued to the digits, after a space or a bracket
    for _ in range(8):
        if start > floor and text[start - 1] in _GLUED_LEAD_SIGNS:
            start -= 1
            continue
        match = _LEAD_RE.search(text, max(floor, start - 40), start)
        if match is None or _is_phrasal_up(text, match) or _is_baseline(text, match):
            break
        if _is_attributive(text, match):
            break  # "its declining 5% share": an adjective of the share, no change
        if _AT_END_RE.search(match.group()) and not _PERCENT_AHEAD_RE.match(text, number_start):
            break  # "increases at four plants": "at" places the count, no rate of change
        start = match.start()
    while start < number_start:  # an article alone at the left edge adds nothing
        word = re.match(r"(\w+)[ \t]+", text[start:])
        if word is None or word.group(1).casefold() not in _ARTICLES:
            break
        if _A_FRACTION_RE.match(text, start):
            break  # "a third of": the article is the number
        if _SOFTENER_WITH_ARTICLE_RE.match(text, start):
            break  # "a little more than": the article belongs to the hedge
        start += word.end()
    return start


# A word that opens a noun phrase: a verb form of change between one and the number is an
# adjective of the noun after the number ("its declining 5% share", "a narrowing 2-point gap").
_OPENER_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:a|an|the|its|their|his|her|our|this|that|these|those)[ \t]+$", re.IGNORECASE
)


def _is_attributive(text: str, match: re.Match[str]) -> bool:
    """Whether the lead words ``match`` are one verb form of change after a determiner that
    qualifies a noun (an adjective or a participle: "its declining 5% share"); a noun of
    change there heads the phrase ("a decline exceeding 10%")."""
    word = match.group().strip().casefold()
    if word not in vocab.CHANGE_VERBS or not is_modifier(word):
        return False
    return bool(_OPENER_BEFORE_RE.search(text, 0, match.start()))


@cache
def is_modifier(word: str) -> bool:
    """Whether ``word`` can qualify a noun: an adjective ("narrow") or a participle, a verb
    form other than the verb's own base ("shrinking", "reduced"), as the English lexicon
    (lemminflect) gives it. A noun of change in its base form ("decline", "rise") is none:
    after a determiner it heads the phrase."""
    parts = lemminflect.getAllLemmas(word.casefold())
    if "ADJ" in parts:
        return True
    return any(lemma != word.casefold() for lemma in parts.get("VERB", ()))


# Verbs that make "up" part of them: "makes up 56.7%" is a share, not a rise.
_PHRASAL_UP = frozenset(
    {"make", "makes", "made", "making", "take", "takes", "took", "taking", "end", "ends"}
    | {"ended", "ending", "add", "adds", "added", "adding", "sum", "sums", "summed", "set"}
    | {"pick", "picks", "picked", "shore", "shored", "split", "speed", "sped", "open", "opened"}
    # catching up is closing a gap, not a rise: "could catch up within three years"
    | {"catch", "catches", "caught", "catching", "keep", "keeps", "kept", "keeping"}
    | {"step", "steps", "stepping", "ramp", "ramps", "ramping", "scale", "scales", "scaling"}
    | {"build", "builds", "built", "building", "show", "shows", "showing", "line", "lines"}
)


@cache
def _amount_up_forms() -> frozenset[str]:
    """Every form of the verbs that gather an amount with "up" (vocab.AMOUNT_UP_VERBS):
    "rack", "racks", "racking", "racked"."""
    forms = set(vocab.AMOUNT_UP_VERBS)
    for base in vocab.AMOUNT_UP_VERBS:
        for inflected in lemminflect.getAllInflections(base, upos="VERB").values():
            forms.update(inflected)
    return frozenset(forms)


def _is_phrasal_up(text: str, match: re.Match[str]) -> bool:
    if not match.group().casefold().startswith("up"):
        return False
    before = re.search(r"(\w+)[ \t]+$", text[max(0, match.start() - 20) : match.start()])
    if before is None:
        return False
    word = before.group(1).casefold()
    if match.group().casefold().split()[:2] == ["up", "to"]:
        return word in _PHRASAL_UP  # "slapped up to 245%": the bound, not a particle
    # any other verb in the past tense takes "up" as its particle ("vacuumed up $39.2
    # billion"), except the verbs of a market's close ("shares closed up 3%"); a percentage
    # of nothing named is no amount taken up but the size of a rise ("inched up 1.8%",
    # "edged up 0.3 percentage points"; "snapped up 30% of the market" is a share)
    if word in _PHRASAL_UP or word in _amount_up_forms():
        return True  # "rack up $40,000": a declared verb in any form takes "up" as its particle
    rise = _PERCENT_OF_NOTHING_RE.match(text, match.end())
    return word.endswith("ed") and word not in _MARKET_VERBS and rise is None


# A percentage, or percentage points, with no "of" after it: the size of a change.
_PERCENT_OF_NOTHING_RE = re.compile(
    r"\d[\d.,]*[ \t]*(?:%|per[ \t]?cent|percent(?:age[ \t]+points?)?)(?![\w-])"
    r"(?![ \t]+of(?![\w-]))",
    re.IGNORECASE,
)


_MARKET_VERBS = frozenset({"closed", "traded", "finished", "settled", "opened", "moved"})


# "over" after a change or a lead names what it is measured against: "a 60 percent increase
# over $7.5 billion", "a lead over 20 rivals". The number after it is not bounded by it.
_BASELINE_PREPOSITIONS = frozenset({"over", "above", "below", "under"})
_MEASURED_NOUNS = frozenset(
    {*vocab.CHANGE_NOUNS, "lead", "gap", "advantage", "edge", "premium", "discount", "margin"}
)


def _is_baseline(text: str, match: re.Match[str]) -> bool:
    """Whether "over", "above", "below" or "under" follows a noun of change or lead ("an
    increase over $7.5 billion"): a baseline, left out. A word that is also a verb of change
    after a modal, "to" or "never" is the verb ("will fall below $900", "could rise above"):
    the level crossed, taken in."""
    if match.group().split()[0].casefold() not in _BASELINE_PREPOSITIONS:
        return False
    before = re.search(
        r"(?:(\w+)[ \t]+)?(\w+)[ \t]+$", text[max(0, match.start() - 30) : match.start()]
    )
    if before is None or before.group(2).casefold() not in _MEASURED_NOUNS:
        return False
    is_verb = before.group(2).casefold() in vocab.CHANGE_VERBS
    return not is_verb or (before.group(1) or "").casefold() not in _BEFORE_A_VERB


# Words after which a word of change is a verb: "will fall below", "to rise above", "never drop".
_BEFORE_A_VERB = frozenset(
    {"will", "would", "could", "can", "may", "might", "should", "must", "shall", "to"}
    | {"never", "not", "did", "does", "do", "cannot"}
)


_SET_ASIDE_RE = re.compile(r"(?:up|over|above|below|under)\b", re.IGNORECASE)


def is_set_aside(text: str, start: int) -> bool:
    """Whether the word at ``start`` of ``text``, before a number, is one the finder leaves out
    of a mention because it does not operate on the number: "up" as a verb's particle ("makes
    up 56.7%", "vacuumed up $39.2 billion"), or "over", "above", "below", "under" naming the
    baseline of a change or a lead ("a 60 percent increase over $7.5 billion")."""
    match = _SET_ASIDE_RE.match(text, start)
    return match is not None and (_is_phrasal_up(text, match) or _is_baseline(text, match))


def _tail_end(text: str, n_start: int, end: int) -> int:
    """Where the unit, rate, direction, trailing bound and named whole after a number end."""
    number = text[n_start:end]
    # "tenfold", "four-fold" carry their unit: a noun of change may follow ("a tenfold jump")
    # "seven per cent growth": a number word with its percent word carries its unit too
    has_unit = not _BARE_NUMBER_RE.fullmatch(number) or number.casefold().endswith(
        ("fold", "percent", "per cent")
    )
    is_share = _SHARE_NUMBER_RE.search(number) is not None
    has_direction = False
    fraction = _FRACTION_WORD_TAIL_RE.match(text, end)
    if fraction is None and _BY_BEFORE_RE.search(text, max(0, n_start - 4), n_start):
        fraction = _QUARTERS_TAIL_RE.match(text, end)  # "fell by three quarters": a fraction
    if fraction and number.isalpha():
        end = fraction.end()  # "one third", "two thirds of", "three quarters of"
    for _ in range(4):
        match = _UNIT_TAIL_RE.match(text, end)
        if match is None and not has_unit:
            match = _DURATION_TAIL_RE.match(text, end)
        if match is None and not has_unit:
            match = _BARE_BOUND_TAIL_RE.match(text, end)  # "two or fewer", "10 or more"
            after = match.end() if match else end
            if match and (
                span := _DURATION_TAIL_RE.match(text, after) or _PERCENT_TAIL_RE.match(text, after)
            ):
                match = span  # "45 or more days", "20 or more percent": the figure's unit
        if match is None and has_unit:
            match = _DIRECTION_TAIL_RE.match(text, end)
            if match is None and is_share:
                match = _NOUN_DIRECTION_TAIL_RE.match(text, end)  # "a 75% price cut"
            has_direction = has_direction or match is not None
        if match is None:
            break
        end, has_unit = match.end(), True
    is_fraction = _FRACTION_TAIL_RE.search(text[n_start:end]) is not None
    is_part = number.casefold() == "half" or is_fraction
    if is_part and (compared := _HALF_COMPARED_RE.match(text, end)):
        return compared.end()  # "half what others pay", "one-fourth of what": a ratio
    if (is_share or is_fraction) and not has_direction:
        return _whole_end(text, end)
    return end


# A number read as a share: a percentage or "half". Its whole may follow: "13% of its revenue".
_SHARE_NUMBER_RE = re.compile(r"(?:%|percent|per cent|pct|pc|\bhalf)$", re.IGNORECASE)
_FRACTION_TAIL_RE = re.compile(
    r"(?:[-\s]|\ba[ \t]+)(?:thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)$",
    re.IGNORECASE,
)
# A fraction after a number word and a space: "one third", "two fifths"; "quarter(s)" only
# before "of" ("three quarters of the chips"), since "in one quarter" is a span of time.
_FRACTION_WORD_TAIL_RE = re.compile(
    r"[ \t]+(?:thirds?|fifths?|sixths?|eighths?|tenths?|(?:quarters?|fourths?)(?=[ \t]+of\b))"
    r"(?![\w-])",
    re.IGNORECASE,
)
_QUARTERS_TAIL_RE = re.compile(r"[ \t]+(?:quarters?|fourths?)(?![\w-])", re.IGNORECASE)
_BY_BEFORE_RE = re.compile(r"(?<![\w-])by[ \t]+$", re.IGNORECASE)
_HALF_COMPARED_RE = re.compile(r"[ \t]+(?:of[ \t]+)?(?:what|as)(?![\w-])", re.IGNORECASE)
# One to three plain words (hyphens may join their parts), none a function word, between a
# percentage and its noun of change: "a 75% price cut", "90% cache-hit discount", "a 4.5 percent
# online revenue gain".
_NOUN_DIRECTION_TAIL_RE = re.compile(
    rf"(?:[ \t]+(?!(?:of|in|on|for|to|the|a|an|and|or|by|at|as|from|with|than)\b)"
    rf"[^\W\d_]+(?:-[^\W\d_]+)*){{1,3}}?"
    rf"[ \t]+(?:{_alternatives(tuple(vocab.CHANGE_NOUNS))})(?![\w-])",
    re.IGNORECASE,
)
# The whole a share is of: "of" and up to six words, up to a word that starts a new phrase.
_WHOLE_START_RE = re.compile(r"[ \t]+of[ \t]+", re.IGNORECASE)
# An abbreviation's last "." before a word in lower case is its own ("of recent U.S. electricity
# demand growth"), not the sentence's end.
_WHOLE_WORD_RE = re.compile(
    r"[ \t]*((?:[A-Z]\.){2,}(?=[ \t]+[a-z])|[^\W\d_][\w’'&.-]*?)(?=[\s,;:!?)\]\"”]|[.](?!\w)|$)"
)
_WHOLE_STOPS = frozenset(
    {"of", "in", "on", "for", "to", "by", "at", "as", "from", "with", "than", "since", "during"}
    | {"over", "under", "into", "after", "before", "and", "or", "but", "that", "which", "who"}
    | {"is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "can"}
    | {"could", "may", "might", "should", "while", "when", "where", "because", "if", "so"}
    | {"this", "last", "next", "per", "a", "an", "up", "down", "its", "their", "the"}
    # a subject pronoun or a verb of saying starts a clause ("60 percent of respondents said
    # they used it": the whole is "respondents")
    | {"they", "we", "he", "she", "i", "you", "said", "say", "says", "told"}
)
_ED_NOUNS = frozenset({"speed", "need", "needs", "feed", "seed", "bed", "shed"})
# Words that end a named whole too: a preposition of time or place ("of the global population
# within three years") and a number word, which starts a figure of its own.
_WHOLE_ENDS = frozenset(
    {"within", "across", "through", "throughout", "until", "among", "between", "via", "versus"}
    | {"vs", "against", "toward", "towards", "despite", "amid", "including", "compared"}
    | {"whereas", "while", *_NUMBER_WORDS}
)
_DETERMINERS = frozenset({"the", "its", "their", "a", "an", "his", "her", "our", "all"})
# Words of degree: a word in "-ed" after one is an adjective ("most advanced", "less developed").
_DEGREE_WORDS = frozenset({"most", "more", "least", "less"})


# A comparative and "than" in a share's whole open a bound of the figure after them.
_COMPARATIVES_BEFORE_THAN = frozenset({"more", "less", "fewer"})
_THAN_NEXT_RE = re.compile(r"[ \t]+than(?![\w-])", re.IGNORECASE)


_LAST_WORD_RE = re.compile(r"(\S+)[ \t]+$")
# What opens the object of a verb: a determiner, an object pronoun, a name, a number.
_OBJECT_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:the|a|an|its|their|his|her|our|this|these|those|it|them|him|us|me|you)\b"
    r"|[A-Z\d])"
)


def _verb_after_whole(text: str, word: re.Match[str]) -> bool:
    """Whether ``word``, after a noun of a named whole, is a verb in "-s" whose
    object follows ("of the adult population knows ChatGPT", "uses it"): a singular noun in
    lower case, a word in "-s" after it, then a determiner, a pronoun, a name or a number. A
    plural noun after a name ("of AI chips Nvidia sold") is left in the whole."""
    folded = word.group(1).casefold()
    is_s_form = folded.endswith("s") and not folded.endswith(("ss", "us", "is", "'s", "’s"))
    before = _LAST_WORD_RE.search(text, 0, word.start(1))
    previous = before.group(1) if before else ""
    singular = previous.isalpha() and previous.islower() and not previous.endswith("s")
    return is_s_form and singular and bool(_OBJECT_AFTER_RE.match(text, word.end()))


def _past_change_verb(word: str) -> bool:
    """Whether ``word`` (in lower case) is a declared verb of change in the past tense
    ("fell", "rose", "grew"): after a noun it is the clause's verb, not part of a whole ("in
    the first half of the season fell 3%")."""
    if word not in vocab.CHANGE_VERBS or word.endswith("ed"):
        return False  # a form in "-ed" is weighed above ("of the world's most advanced chips")
    lemmas = lemminflect.getAllLemmas(word).get("VERB", ())
    return any(word in lemminflect.getInflection(lemma, "VBD") for lemma in lemmas)


def _whole_end(text: str, end: int) -> int:
    """The end of "of" and the whole named after a share ("of the Chinese market", "of
    Nvidia's total revenue"), else ``end``: plain words only, never a number, a year or a
    word that starts another phrase ("in", "that", "was"), a word ending in "-ly" or a verb
    in the past tense ("of the computing power used")."""
    start = _WHOLE_START_RE.match(text, end)
    if start is None:
        return end
    position, words, found, previous = start.end(), 0, end, ""
    while words < 6:
        word = _WHOLE_WORD_RE.match(text, position)
        if word is None or "\n" in text[position : word.start(1)]:
            break
        folded = word.group(1).casefold()
        if folded in _NUMBER_WORD_SET:
            break  # "of the world's top talent three years earlier": a number starts anew
        # a verb in "-ed" after a noun ends the whole ("of the computing power used"); one
        # hyphenated, before any noun or after a word of degree qualifies it ("of new
        # fine-tuned models", "of listed firms", "of the world's most advanced chips")
        is_modifier = "-" in folded or found == end or previous in _DEGREE_WORDS
        is_participle = folded.endswith("ed") and folded not in _ED_NOUNS and not is_modifier
        if (
            folded.endswith("ly")
            or is_participle
            or (folded in _WHOLE_STOPS and folded not in _DETERMINERS)
            or folded in _WHOLE_ENDS
        ):
            break
        if words and folded in _DETERMINERS:
            break
        if folded in _COMPARATIVES_BEFORE_THAN and _THAN_NEXT_RE.match(text, word.end()):
            break  # "3% of the stores sell more than 9% of the stock": the next figure's bound
        if found != end and (_verb_after_whole(text, word) or _past_change_verb(folded)):
            break  # "of the U.S. adult population knows ChatGPT": the whole ends at its noun
        position, words, previous = word.end(), words + 1, folded
        if folded not in _DETERMINERS:
            found = position
    return found


def _joined_end(
    text: str, start: int, numbers: list[tuple[int, int]], i: int, floor: int
) -> tuple[int, int] | None:
    """For "from X to Y" and "between X and Y": (start of the mention, index of Y's number)."""
    if i + 1 >= len(numbers):
        return None
    for opener, joiner in ((_FROM_RE, _TO_RE), (_BETWEEN_RE, _AND_RE)):
        before = opener.search(text, max(floor, start - 12), start)
        if before is None:
            continue
        after = _tail_end(text, *numbers[i])
        if opener is _FROM_RE:
            after = _end_with_period(text, after)
        gap = joiner.match(text, after)
        if gap is None:
            continue
        j = next((k for k in range(i + 1, len(numbers)) if numbers[k][0] >= gap.end()), None)
        if j is None or is_year(text[numbers[j][0] : numbers[j][1]]):
            continue
        if _lead_start(text, numbers[j][0], gap.end()) != gap.end():
            continue
        return _lead_start(text, before.start(), floor), j
    return None


def _end_with_period(text: str, end: int) -> int:
    period = _END_PERIOD_RE.match(text, end)
    return period.end() if period else end


def covering_span(
    number_span: tuple[int, int], spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The first of ``spans`` (figures' or exclusions' words) that covers a mention's number:
    one that holds it whole, or, for a change "from X to Y" whose number runs from X to Y,
    the span holding X when another span holds Y (its two levels, quoted as two figures);
    None when nothing covers it."""
    start, end = number_span
    whole = next(((s, e) for s, e in spans if s <= start and end <= e), None)
    if whole is not None:
        return whole
    first = next(((s, e) for s, e in spans if s <= start < e), None)
    has_last = any(s < end <= e for s, e in spans)
    return first if first is not None and has_last else None
