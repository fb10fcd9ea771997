"""Stage 3: read a figure as written ("over $1 billion", "sub-20% odds") into numbers.

:func:`parse_figure` tokenises the words, then reads them left to right in a fixed order:
qualifiers → change verb → number (digits or number words) → scale word → unit → trailing words.
Everything it reads must be understood; anything else raises
:class:`~gapstudy.exceptions.FigureParseError` naming the words at fault.

Reading rules (each one a decision; the tests pin them down):

- Values are in the unit after the scale word: "$109.1 billion" is 109.1e9 usd, scale "billion".
  Number words are read by ``text2num``; only "half", "dozen" and the multiplier words
  ("twice", "doubled", ...) are read here.
- The qualifier's effect comes from :data:`gapstudy.vocab.QUALIFIERS`. Stacked qualifiers
  ("as much as nearly 30%"): the outermost (first written) one sets ``qualifier`` and ``bound``.
  A qualifier on a range is refused, except "within" ("within the next three to five years" is
  the range 3 to 5).
- A bare plural number word or unit ("billions", "months") reads as "at least two of it":
  bound "lower", low 2e9 or 2.
- "half" on its own is a share: 50 percent ("almost half" → approximately 50%); so are other
  fractions of a whole ("a third", "nearly two-thirds", "three quarters").
- After a plain count, trailing words name what is counted and are passed over ("5,000 GPUs",
  "more than 400 open Qwen models"); the figure's metric records what they are.
- Odds "N in M" are kind odds, in percent: "one-in-five" → 20.
- "N orders of magnitude" is a multiplier of 10**N; "-fold", "x" and "times" are multipliers.
- Changes are signed: a change verb before the number ("risen by", "fell by") or a direction
  word after it ("increase", "lower") makes kind "change", negative when the direction is down
  ("a 40% lower cost" → -40). Bounds apply to the signed value, so "fell by more than 12%" has
  high -12 and bound "upper".
- "doubled", "tripled", "halved" are changes written as multipliers (unit fold); "more than
  doubled" is kind change, low 2, bound lower. "twice", "double", "triple" are multipliers.
- Quantities and durations are recognised and converted with ``pint`` into the project's units
  (exabyte, gigawatt, year, month): "0.5 zettabytes" → 500 exabyte. A time unit shorter than a
  year becomes months, a longer one years. Conversion factors are rounded to 12 significant
  digits so that exact decimal inputs give exact outputs.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from text_to_num import text2num

from gapstudy import vocab
from gapstudy.exceptions import FigureParseError

# Local word tables, declared once. Vocabulary terms (qualifiers, scales, units) come from vocab.
_FILLERS = frozenset({"a", "an", "the", "only", "next"})
_SCALE_ALIASES: dict[str, str] = {
    **{name: name for name in vocab.SCALES},
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "mln": "million",
    "b": "billion",
    "bn": "billion",
    "tn": "trillion",
    "trn": "trillion",
}
_UNIT_ALIASES: dict[tuple[str, ...], str] = {
    ("%",): "percent",
    ("percent",): "percent",
    ("per", "cent"): "percent",
    ("pct",): "percent",
    ("percentage", "points"): "percentage_point",
    ("percentage", "point"): "percentage_point",
    ("pp",): "percentage_point",
    ("dollars",): "usd",
    ("dollar",): "usd",
    ("usd",): "usd",
    ("us", "dollars"): "usd",
    ("fold",): "fold",
    ("x",): "fold",
    ("times",): "fold",
}
_MAX_ORDERS = 300  # 10**300 is still a float
_ORDERS_OF_MAGNITUDE = (("orders", "of", "magnitude"), ("order", "of", "magnitude"))
_CURRENCY_SIGNS = (("us", "$"), ("$",))
# Multiplier words: (kind, factor). Verbs in the past tense describe a change.
_MULTIPLIER_WORDS: dict[str, tuple[str, str]] = {
    "twice": ("multiplier", "2"),
    "double": ("multiplier", "2"),
    "triple": ("multiplier", "3"),
    "thrice": ("multiplier", "3"),
    "doubled": ("change", "2"),
    "tripled": ("change", "3"),
    "quadrupled": ("change", "4"),
    "halved": ("change", "0.5"),
}
_DOZEN = {"dozen": Decimal(12)}
_HALF = "half"
# Fractions of a whole, read as shares in percent: "a third", "two-thirds", "three quarters".
_FRACTIONS: dict[str, int] = {
    **{
        word: n
        for n, word in enumerate(
            ("third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), start=3
        )
    },
}
_FRACTIONS.update({f"{word}s": n for word, n in list(_FRACTIONS.items())})
# Ordinals are never what a number counts ("twenty-first" is not twenty of something).
_ORDINALS = frozenset({"first", "second", *_FRACTIONS, "hundredth", "thousandth", "millionth"})
_CHANGE_VERBS: dict[str, int] = {
    **dict.fromkeys(("rose", "risen", "rise", "grew", "grown", "increased", "climbed"), 1),
    **dict.fromkeys(("gained", "jumped", "up", "surged", "soared"), 1),
    **dict.fromkeys(("fell", "fallen", "fall", "dropped", "declined", "decreased"), -1),
    **dict.fromkeys(("shrank", "shrunk", "down", "slid", "slumped", "plunged"), -1),
}
_DIRECTION_WORDS: dict[str, int] = {
    **dict.fromkeys(("increase", "rise", "gain", "growth", "jump", "higher", "larger"), 1),
    **dict.fromkeys(("more", "bigger", "greater"), 1),
    **dict.fromkeys(("decrease", "decline", "drop", "fall", "cut", "reduction", "lower"), -1),
    **dict.fromkeys(("less", "fewer", "smaller", "cheaper"), -1),
}
_PERIOD_WORDS = (("year", "on", "year"), ("year", "over", "year"), ("yoy",), ("annual",))
_PROBABILITY_WORDS = frozenset({"chance", "chances", "odds", "probability", "likelihood"})
_CONNECTORS = frozenset({"in", "to", "and", "of", "by"})  # never units ("in" is not inches)
_NOT_UNITS = _PROBABILITY_WORDS | _CONNECTORS | frozenset(_DIRECTION_WORDS)
_HUNDREDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
# Project unit -> pint unit it is converted to; pint recognises the written name or symbol.
_PHYSICAL_UNITS: dict[str, str] = {"exabyte": "exabyte", "gigawatt": "gigawatt"}
_TIME_UNITS: dict[str, str] = {"year": "year", "month": "month"}
_KIND_OF_UNIT: dict[str, str] = {
    "usd": "money",
    "percent": "percent",
    "percentage_point": "percent",
    "count": "count",
    "fold": "multiplier",
    "exabyte": "quantity",
    "gigawatt": "quantity",
    "year": "duration",
    "month": "duration",
}

_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+|\S")
_DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_DASHES = frozenset({"-", "‐", "‑", "–", "—"})
_EDGE_PUNCTUATION = frozenset({'"', "'", ".", ",", ";", ":", "!", "?"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


@dataclass(frozen=True)
class ParsedFigure:
    """A figure as written and what it says, in the project's units.

    ``value`` is the point value, ``low``/``high`` the bounds (``None`` where open or unknown);
    all are floats in ``unit`` after the scale word has been applied.
    """

    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    bound: str
    qualifier: str | None
    unit: str
    scale: str | None


def to_record(parsed: ParsedFigure) -> dict[str, Any]:
    """The parse as a flat dict keyed like the columns of the figures table."""
    return asdict(parsed)


@dataclass(frozen=True)
class _Token:
    text: str  # as written (pint symbols are case-sensitive: "EB", "GW")
    word: str  # case-folded
    start: int  # offset in the figure's text, to quote what was not understood


@dataclass
class _Amount:
    """One number as read, before qualifiers and units are combined."""

    number: Decimal
    scale: str | None = None
    unit: str | None = None
    unit_factor: Decimal = Decimal(1)
    is_orders: bool = False
    is_plural: bool = False
    is_share: bool = False  # a fraction of a whole ("half", "two-thirds"): read as percent
    kind: str | None = None  # set by multiplier words


@dataclass
class _Reader:
    """A cursor over the tokens of one figure."""

    text: str
    tokens: list[_Token]
    pos: int = 0
    qualifiers: list[str] = field(default_factory=list)

    def fail(self, reason: str) -> FigureParseError:
        return FigureParseError(self.text, reason)

    def rest(self) -> str:
        last = self.tokens[-1]
        return self.text[self.tokens[self.pos].start : last.start + len(last.text)]

    def at_end(self) -> bool:
        return self.pos >= len(self.tokens)

    def peek(self, ahead: int = 0) -> str | None:
        i = self.pos + ahead
        return self.tokens[i].word if i < len(self.tokens) else None

    def take(self, *words: str) -> bool:
        """Consume ``words`` if they come next."""
        if all(self.peek(i) == w for i, w in enumerate(words)):
            self.pos += len(words)
            return True
        return False

    def take_any(self, sequences: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
        for seq in sorted(sequences, key=len, reverse=True):
            if self.take(*seq):
                return seq
        return None

    def skip_fillers(self) -> bool:
        skipped = False
        while self.peek() in _FILLERS:
            self.pos += 1
            skipped = True
        return skipped


def parse_figure(text: str) -> ParsedFigure:
    """Read ``text`` (a figure's exact words) into a :class:`ParsedFigure`.

    Raises :class:`FigureParseError` when any word is not understood; never another error.
    """
    try:
        return _parse(text)
    except FigureParseError:
        raise
    except Exception as err:  # the contract: callers only ever see FigureParseError
        raise FigureParseError(text, f"internal error {type(err).__name__}: {err}") from err


def _tokenise(text: str) -> list[_Token]:
    """Words, numbers and signs, with offsets; a dash between numbers reads as "to"."""
    cleaned = text.translate(_QUOTES)
    tokens = [
        _Token(m.group(), m.group().casefold(), m.start()) for m in _TOKEN_RE.finditer(cleaned)
    ]
    while tokens and tokens[-1].word in _EDGE_PUNCTUATION:
        tokens.pop()
    while tokens and tokens[0].word in _EDGE_PUNCTUATION:
        tokens.pop(0)
    kept = []
    for i, token in enumerate(tokens):
        if token.word in _DASHES and 0 < i < len(tokens) - 1:
            left, right = tokens[i - 1], tokens[i + 1]
            if left.word[-1].isdigit() and right.word[0].isdigit():
                kept.append(_Token(token.text, "to", token.start))  # "3-5", "3 – 5"
                continue
            is_glued = left.start + len(left.text) == token.start == right.start - 1
            if (
                is_glued
                and left.word[-1].isalnum()
                and (right.word[0].isalnum() or right.word == "$")
            ):
                continue  # "one-in-five", "sub-20%", "ten-fold"
        kept.append(token)
    return kept


def _parse(text: str) -> ParsedFigure:
    reader = _Reader(text, _tokenise(text))
    if reader.at_end():
        raise reader.fail("no words to read")
    has_article = reader.skip_fillers()
    _take_qualifiers(reader)
    sign = _take_change_verb(reader)
    _take_qualifiers(reader)
    has_article = reader.skip_fillers() or has_article
    is_between = reader.take("between")
    first = _take_amount(reader, has_article=has_article)
    second = None
    is_odds = False
    if reader.take("in"):
        is_odds = True
        reader.skip_fillers()
        second = _take_amount(reader, has_article=False)
    elif reader.take("and" if is_between else "to"):
        second = _take_amount(reader, has_article=False)
    elif is_between:
        raise reader.fail("'between' needs 'X and Y'")
    last = second or first
    is_count = not is_odds and last.unit is None and not last.is_share and last.kind is None
    sign = _take_trailing(reader, sign, is_count=is_count)
    return _combine(reader, first, second, is_odds=is_odds, sign=sign)


def _take_qualifiers(reader: _Reader) -> None:
    known = vocab.QUALIFIERS
    sequences = tuple(tuple(key.split()) for key in known)
    while (seq := reader.take_any(sequences)) is not None:
        reader.qualifiers.append(" ".join(seq))


def _take_change_verb(reader: _Reader) -> int | None:
    word = reader.peek()
    if word in _CHANGE_VERBS and reader.peek(1) is not None:
        reader.pos += 1
        reader.take("by")
        return _CHANGE_VERBS[word]
    return None


def _take_amount(reader: _Reader, *, has_article: bool) -> _Amount:
    """Read [currency] number [scale] [unit] [(unit)]."""
    is_money = reader.take_any(_CURRENCY_SIGNS) is not None
    word = reader.peek()
    if word in _MULTIPLIER_WORDS:
        reader.pos += 1
        kind, factor = _MULTIPLIER_WORDS[word]
        if is_money:
            raise reader.fail(f"a currency sign before {word!r}")
        return _Amount(Decimal(factor), unit="fold", kind=kind)
    amount = _take_number(reader, has_article=has_article)
    if amount.scale is None and reader.peek() in _SCALE_ALIASES:
        amount.scale = _SCALE_ALIASES[reader.tokens[reader.pos].word]
        reader.pos += 1
    if amount.is_plural:
        reader.take("of")
    if reader.take_any(_ORDERS_OF_MAGNITUDE):
        amount.unit, amount.is_orders = "fold", True
    else:
        _take_unit(reader, amount)
    if is_money:
        if amount.unit not in (None, "usd"):
            raise reader.fail(f"a currency sign with the unit {amount.unit!r}")
        amount.unit = "usd"
    if amount.unit is not None and reader.take("("):
        inner = _Amount(Decimal(1))
        _take_unit(reader, inner)
        if inner.unit != amount.unit or not reader.take(")"):
            raise reader.fail(f"the bracketed unit in {reader.text!r} does not repeat the unit")
    return amount


def _take_number(reader: _Reader, *, has_article: bool) -> _Amount:
    token = reader.tokens[reader.pos] if not reader.at_end() else None
    if token is not None and _DIGITS_RE.fullmatch(token.word):
        reader.pos += 1
        return _Amount(Decimal(token.word.replace(",", "")))
    words: list[str] = []
    while (word := reader.peek()) is not None and _is_number_word(word):
        words.append(word)
        reader.pos += 1
        if word in _HUNDREDS and reader.peek() == "and" and _is_number_word(reader.peek(1) or ""):
            words.append("and")  # "one hundred and five"
            reader.pos += 1
        if word == _HALF and reader.peek() in ("a", "an") and reader.peek(1) in _SCALE_ALIASES:
            reader.pos += 1  # "half a million"
    if not words:
        fraction = reader.peek()
        if has_article and fraction in _FRACTIONS and not fraction.endswith("s"):
            reader.pos += 1  # "a third", "a quarter"
            return _Amount(Decimal(1) / _FRACTIONS[fraction], is_share=True)
        if _looks_like_unit(reader):
            if has_article:
                return _Amount(Decimal(1))  # "an order of magnitude", "a year"
            if reader.tokens[reader.pos].word.endswith("s"):
                return _Amount(Decimal(1), is_plural=True)  # "months"
        where = f"at {reader.rest()!r}" if not reader.at_end() else "at the end"
        raise reader.fail(f"expected a number {where}")
    return _read_number_words(reader, words)


def _read_number_words(reader: _Reader, words: list[str]) -> _Amount:
    phrase = " ".join(words)
    if words == [_HALF]:
        return _Amount(Decimal("0.5"), is_share=True)
    if reader.peek() in _FRACTIONS:  # "two-thirds", "three quarters"
        denominator = _FRACTIONS[reader.tokens[reader.pos].word]
        reader.pos += 1
        return _Amount(Decimal(_text_to_int(reader, phrase)) / denominator, is_share=True)
    if words[0] == _HALF and len(words) == 2 and words[1] in vocab.SCALES:
        return _Amount(Decimal("0.5"), scale=words[1])
    if len(words) == 1 and words[0].endswith("s"):
        singular = words[0][:-1]
        base = _DOZEN.get(singular) or Decimal(_text_to_int(reader, singular))
        scale = singular if singular in vocab.SCALES else None
        number = Decimal(1) if scale else base
        return _Amount(number, scale=scale, is_plural=True)
    if words[-1] in _DOZEN:
        count = Decimal(_text_to_int(reader, " ".join(words[:-1]))) if len(words) > 1 else 1
        return _Amount(count * _DOZEN[words[-1]])
    if words[-1] in vocab.SCALES:
        scale = words[-1]
        number = Decimal(_text_to_int(reader, " ".join(words[:-1]))) if len(words) > 1 else 1
        return _Amount(Decimal(number), scale=scale)
    return _Amount(Decimal(_text_to_int(reader, phrase)))


def _text_to_int(reader: _Reader, phrase: str) -> int:
    try:
        return text2num(phrase, "en")
    except ValueError as err:
        raise reader.fail(f"cannot read {phrase!r} as a number") from err


@cache
def _is_number_word(word: str) -> bool:
    if word in _DOZEN or word == _HALF or word.rstrip("s") in _DOZEN:
        return True
    if not (word.isascii() and word.isalpha()):
        return False
    try:
        text2num(word, "en")
    except ValueError:
        return False
    return True


def _looks_like_unit(reader: _Reader) -> bool:
    probe = _Amount(Decimal(1))
    start = reader.pos
    try:
        if reader.take_any(_ORDERS_OF_MAGNITUDE):
            return True
        _take_unit(reader, probe)
        return probe.unit is not None
    finally:
        reader.pos = start


def _take_unit(reader: _Reader, amount: _Amount) -> None:
    seq = reader.take_any(tuple(_UNIT_ALIASES))
    if seq is not None:
        amount.unit = _UNIT_ALIASES[seq]
        return
    token = reader.tokens[reader.pos] if not reader.at_end() else None
    if token is None or len(token.word) < 2 or not token.word.isalpha():
        return
    if token.word in _NOT_UNITS:
        return
    if (period := reader.take_any(_PERIOD_WORDS)) is not None:
        reader.pos -= len(period)  # "year-on-year" is not a unit
        return
    found = _convert_unit(token.text)
    if found is None:
        return
    if found[0] is None:
        raise reader.fail(f"the unit {token.text!r} is not one of the project's units")
    amount.unit, amount.unit_factor = found
    reader.pos += 1


@cache
def _unit_registry() -> Any:
    import pint

    return pint.UnitRegistry()


@cache
def _convert_unit(written: str) -> tuple[str | None, Decimal] | None:
    """(project unit, factor into it) for a unit pint knows.

    ``(None, 1)`` when pint knows the unit but it is not one of ours; ``None`` when unknown.
    """
    import pint

    registry = _unit_registry()
    for candidate in dict.fromkeys((written, written.casefold())):
        try:
            unit = registry.parse_units(candidate)
            root = registry.get_root_units(unit)[1]
        except (pint.errors.PintError, AttributeError, ValueError, KeyError, TypeError):
            continue
        for name, target in _PHYSICAL_UNITS.items():
            if root == registry.get_root_units(target)[1]:
                return name, _factor(registry, unit, target)
        if root == registry.get_root_units("year")[1]:
            in_years = _factor(registry, unit, "year")
            name = "year" if in_years >= 1 else "month"
            return name, _factor(registry, unit, _TIME_UNITS[name])
        return None, Decimal(1)
    return None


def _factor(registry: Any, unit: Any, target: str) -> Decimal:
    magnitude = registry.Quantity(1, unit).to(target).magnitude
    return Decimal(f"{magnitude:.12g}")


def _take_trailing(reader: _Reader, sign: int | None, *, is_count: bool) -> int | None:
    """Read the words after the number (period, direction, probability noun); return the sign.

    After a plain count, trailing words name what is counted ("5,000 GPUs", "868 generative AI
    services") and are passed over: the figure's metric says what they are.
    """
    while not reader.at_end():
        if reader.take_any(_PERIOD_WORDS):
            continue
        word = reader.peek()
        if word in _DIRECTION_WORDS:
            if sign is not None:
                raise reader.fail(f"a second direction word {word!r}")
            sign = _DIRECTION_WORDS[word]
        elif is_count and sign is None and _names_things(reader):
            reader.pos = len(reader.tokens)
            break
        elif word not in _PROBABILITY_WORDS:  # "odds", "chance" add nothing to the reading
            raise reader.fail(f"did not understand {reader.rest()!r}")
        reader.pos += 1
    return sign


def _names_things(reader: _Reader) -> bool:
    """Whether the words left name what is counted: plain words (letters, hyphens), starting
    with neither an ordinal nor a direction word."""
    rest = reader.tokens[reader.pos :]
    if not rest[0].word.isalpha() or rest[0].word in _ORDINALS:
        return False
    return all(
        (t.word.isalpha() or t.word in _DASHES) and t.word not in _DIRECTION_WORDS for t in rest
    )


def _combine(
    reader: _Reader,
    first: _Amount,
    second: _Amount | None,
    *,
    is_odds: bool,
    sign: int | None,
) -> ParsedFigure:
    if second is not None and not is_odds:
        first = _inherit(reader, first, second)
    unit = first.unit or ("percent" if first.is_share else "count")
    if is_odds:
        assert second is not None
        if first.unit or second.unit or first.scale or second.scale:
            raise reader.fail("odds 'N in M' take no unit or scale")
        if second.number == 0:
            raise reader.fail("odds 'N in 0'")
        low = high = first.number / second.number * 100
        kind, unit = "odds", "percent"
    else:
        low = _in_unit(reader, first)
        high = _in_unit(reader, second) if second is not None else low
        kind = first.kind or _KIND_OF_UNIT[unit]
    if sign is not None and not is_odds:
        if unit == "fold":
            raise reader.fail("a multiplier with a direction word")
        kind = "change"
        if sign < 0:
            low, high = -high, -low
    is_range = second is not None and not is_odds
    bound, qualifier = _bound(reader, is_range=is_range, is_plural=first.is_plural, sign=sign)
    if is_range and low > high:
        raise reader.fail(f"the range runs backwards ({low} to {high})")
    value: Decimal | None = low
    if bound == "range":
        value = None
    elif bound == "upper":
        value, low = None, None
    elif bound == "lower":
        value, high = None, None
        if first.is_plural:
            low = low * 2
    return ParsedFigure(
        text=reader.text,
        kind=kind,
        value=_to_float(reader, value),
        low=_to_float(reader, low),
        high=_to_float(reader, high),
        bound=bound,
        qualifier=qualifier,
        unit=unit,
        scale=first.scale,
    )


def _inherit(reader: _Reader, first: _Amount, second: _Amount) -> _Amount:
    """In "three to five years" the first number takes the second's scale and unit."""
    for name in ("scale", "unit", "is_orders", "unit_factor", "kind"):
        mine, theirs = getattr(first, name), getattr(second, name)
        default = getattr(_Amount(Decimal(0)), name)
        if mine == default:
            setattr(first, name, theirs)
        elif theirs != default and mine != theirs:
            raise reader.fail(f"the two ends of the range differ in {name}")
    if first.is_plural or second.is_plural or first.is_share or second.is_share:
        raise reader.fail("a range with a plural or 'half' end")
    return first


def _in_unit(reader: _Reader, amount: _Amount) -> Decimal:
    number = amount.number
    if amount.is_share and amount.unit is None:
        number *= 100
    if amount.scale is not None:
        number *= Decimal(str(vocab.SCALES[amount.scale]))
    if amount.is_orders:
        if amount.scale is not None:
            raise reader.fail("orders of magnitude with a scale word")
        if number > _MAX_ORDERS:
            raise reader.fail(f"{number} orders of magnitude is too large a number")
        number = Decimal(10) ** number
    return number * amount.unit_factor


def _bound(
    reader: _Reader, *, is_range: bool, is_plural: bool, sign: int | None
) -> tuple[str, str | None]:
    qualifiers = reader.qualifiers
    if is_range:
        if any(q != "within" for q in qualifiers):
            raise reader.fail(f"a qualifier ({qualifiers[0]!r}) on a range")
        return "range", None
    if is_plural:
        if qualifiers:
            raise reader.fail(f"a qualifier ({qualifiers[0]!r}) on a bare plural")
        return "lower", None
    if not qualifiers:
        return "exact", None
    qualifier = qualifiers[0]
    effect = vocab.QUALIFIERS[qualifier]
    if sign is not None and sign < 0 and effect in ("upper", "lower"):
        effect = "lower" if effect == "upper" else "upper"
    return effect, qualifier


def _to_float(reader: _Reader, number: Decimal | None) -> float | None:
    if number is None:
        return None
    try:
        result = float(number)
    except (InvalidOperation, OverflowError) as err:
        raise reader.fail(f"the number {number} cannot be held") from err
    if result != result or result in (float("inf"), float("-inf")):
        raise reader.fail(f"the number {number} is too large")
    return result
