"""Stage 2: find every numeric expression in a text, so that annotation coverage can be measured.

A *mention* is a run of characters that states a number, found by :func:`find_mentions`:

- Digits: integers, decimals and thousands separators ("1,200", "1’700", "199.48"), with an attached
  currency sign or code ("$109.1", "HK$4.2", "€10", "RMB 5"), percent sign or word ("2.7%",
  "20 percent", "5pc"), "-fold", or a following scale word ("$109.1 billion"). A qualifier
  prefix glued by a hyphen ("sub-20%") belongs to the mention, and so do glued scale or unit
  abbreviations ("3.5bn", "10x", "400GW", "1990s"); on an amount of money a glued capital
  scale letter is a scale too ("€10B", "$2.174T", "$560M"), where without a currency it is a
  name ("910B"). Letters glued before "$" or "¥" belong to the sign ("A$5"), so that the
  normaliser sees the currency.
- A currency word after a mention belongs to it ("10 billion yuan", "one billion dollars"), so
  that an amount of money is never read as a plain count.
- Number words, whole words and case-insensitive: cardinals (zero … nineteen, twenty … ninety,
  hundred, thousand, million, billion, trillion and their plurals), dozen(s), half, twice,
  double(d), triple(d), with an attached "-fold", "fold" ("tenfold") or "percent". Ordinals
  ("first", "second") are not mentions.
- Merging: adjacent number words joined by spaces or hyphens are one mention ("one billion",
  "twenty-five"); a bare number, "to" or a dash, and another number are one mention (a range:
  "three to five", "ten-to-hundred-fold", "3-5", "2024-25"); number words joined by "in" are one
  mention (odds: "one-in-five"); digit runs joined by "/" are one mention ("2026/05/27"). So
  "one to two orders of magnitude" yields the single mention "one to two".

*Identifiers* are digit runs that are part of a name, not a number, found by
:func:`find_identifiers`. The rule: a digit run is an identifier when it is glued to a letter
before it ("H200", "R1", "A100"), or follows a hyphen glued to a word that is not a known prefix
("GLM-4.7", "GPT-4"; the prefixes are sub, pre, post and mid, so "sub-20%" is a mention), or is
glued to letters after it that are not a scale, unit or decade suffix ("910B", "5G"); a digit
ordinal ("2nd", "20th") is treated the same way. An identifier's span is the whole name it sits
in ("GLM-4.7-Flash"). Every digit of a text lies in a mention or an identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_OTHER_WORDS = ("half", "twice", "double", "doubled", "triple", "tripled")
_NUMBER_WORDS = sorted(
    {*_CARDINALS, *_MAGNITUDES, *(f"{w}s" for w in _MAGNITUDES), *_OTHER_WORDS},
    key=len,
    reverse=True,
)
_PREFIXES = ("sub", "pre", "post", "mid")
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")
# Letters that may be glued to digits in a mention: scale and unit abbreviations, "x", decades.
_GLUED_SUFFIXES = frozenset(
    {"k", "m", "mn", "bn", "tn", "x", "gw", "mw", "kw", "gwh", "twh", "eb", "pb", "zb", "tb", "gb"}
    | {"nm", "pc", "pp", "ppt"}
)
# Scale letters glued to an amount of money: "€10B", "$2.174T", "$560M", "$5K".
_MONEY_GLUED_SUFFIXES = frozenset({"k", "m", "mn", "mln", "b", "bn", "t", "tn", "trn"})
_CURRENCY_CODES = ("USD", "CNY", "RMB", "EUR", "GBP", "HKD", "JPY", "TWD")
_CURRENCY_WORDS = (
    "yuan",
    "renminbi",
    "dollars",
    "euros",
    "pounds",
    "yen",
    *_CURRENCY_CODES,
)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

_ATOM_RE = re.compile(
    rf"""
    (?P<prefix>\b(?:{"|".join(_PREFIXES)})-)?
    (?:
        (?P<currency>[A-Z]{{1,3}}[$¥]|[$£€¥]|\b(?:{"|".join(_CURRENCY_CODES)})[ \t]?)?
        (?P<digits>[0-9]+(?:[.,][0-9]+|['’][0-9]{{3}}(?![0-9]))*)
        (?:
            (?P<glued>[^\W\d_]+)
          | (?P<digit_suffix>%|-fold\b|[\s-](?:percent|per\ cent|pct)\b
              |\s(?:{"|".join(_SCALE_WORDS)})s?\b)
        )?
      | (?P<word>\b(?:{"|".join(_NUMBER_WORDS)})(?:fold)?\b)
        (?P<word_suffix>-fold\b|[\s-](?:percent|per\ cent)\b)?
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_CURRENCY_TAIL_RE = re.compile(
    rf"[ \t]+(?:(?:US|Hong[ \t]Kong|HK|New[ \t]Taiwan|Taiwan|NT)[ \t]+dollars|"
    rf"(?:{'|'.join(_CURRENCY_WORDS)}))\b",
    re.IGNORECASE,
)
_WORD_GAP_RE = re.compile(r"[ \t-]+")
_RANGE_GAP_RE = re.compile(r"[ \t]+to[ \t]+|-to-|[ \t]*[-–][ \t]*", re.IGNORECASE)
_ODDS_GAP_RE = re.compile(r"[ \t]+in[ \t]+|-in-", re.IGNORECASE)
_NAME_CHARS = re.compile(r"[\w.\-]")


@dataclass(frozen=True)
class Mention:
    """A numeric expression: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


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


def find_mentions(text: str) -> list[Mention]:
    """Every numeric expression in ``text``, sorted by start, non-overlapping."""
    atoms = [a for a in _find_atoms(text) if not a.is_identifier]
    merged: list[tuple[int, int]] = []
    previous: _Atom | None = None
    for atom in atoms:
        if previous is not None and _is_joined(text, previous, atom):
            merged[-1] = (merged[-1][0], atom.end)
        else:
            merged.append((atom.start, atom.end))
        previous = atom
    merged = [(start, _currency_tail_end(text, end)) for start, end in merged]
    return [Mention(start, end, text[start:end]) for start, end in merged]


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


def _find_atoms(text: str) -> list[_Atom]:
    atoms = []
    for match in _ATOM_RE.finditer(text):
        if match.group("word") is not None:
            is_bare = not any(match.group(g) for g in ("word_suffix", "prefix"))
            is_bare = is_bare and not match.group("word").casefold().endswith("fold")
            atoms.append(_Atom(match.start(), match.end(), True, is_bare, False))
            continue
        is_identifier = _is_identifier(text, match)
        is_bare = not any(match.group(g) for g in ("prefix", "currency", "glued", "digit_suffix"))
        atoms.append(_Atom(match.start(), match.end(), False, is_bare, is_identifier))
    return atoms


def _is_identifier(text: str, match: re.Match[str]) -> bool:
    glued = match.group("glued")
    if glued is not None:
        suffix = glued.casefold()
        is_decade = suffix == "s" and match.group("digits").endswith("0")
        is_money_scale = match.group("currency") and suffix in _MONEY_GLUED_SUFFIXES
        if suffix not in _GLUED_SUFFIXES and not is_decade and not is_money_scale:
            return True  # "910B", "5G", and ordinals such as "2nd"
    if match.group("prefix") or match.group("currency"):
        return False
    start = match.start("digits")
    before = text[start - 1] if start > 0 else ""
    if before.isalpha():
        return True  # "H200", "R1"
    return before == "-" and start > 1 and text[start - 2].isalpha()  # "GLM-4.7"


def _is_joined(text: str, left: _Atom, right: _Atom) -> bool:
    gap = text[left.end : right.start]
    if left.is_word and right.is_word and left.is_bare and _WORD_GAP_RE.fullmatch(gap):
        return True
    if left.is_bare and _RANGE_GAP_RE.fullmatch(gap):
        return True
    if left.is_word and right.is_word and left.is_bare and _ODDS_GAP_RE.fullmatch(gap):
        return True
    return not left.is_word and not right.is_word and left.is_bare and gap == "/"


def _name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` to the whole name around it, without trailing punctuation."""
    while start > 0 and _NAME_CHARS.match(text[start - 1]):
        start -= 1
    while end < len(text) and _NAME_CHARS.match(text[end]):
        end += 1
    while text[start] in ".-_":
        start += 1
    while text[end - 1] in ".-_":
        end -= 1
    return start, end
