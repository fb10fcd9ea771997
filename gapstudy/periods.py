"""The one reader of a ``period`` as annotators write it: declared once, used by the schema.

A period is kept as the text puts it, but a period that names a year must be one of these
forms, so that its two ends are known and in order:

- a year ``2024``; a quarter ``2025-Q1`` or ``Q1 2025``; a half ``2025-H2``, ``H2 2025`` or
  ``the second half of 2025`` (July to December); part of a year ``early 2023``, ``mid 2023``,
  ``late 2023``; ``the end of 2025`` (its December: never the whole year, which would place it
  at mid-year, before "late 2025");
- a month ``2026-03``, ``March 2026``; a day ``2026-03-05``, ``March 5, 2026``, ``5 March 2026``;
- a range of two of those, ``2023 to 2025``, ``from late 2024 to 2025``, ``2023–2025``, ``between
  2023 and 2025``: its start is not after its end (``2031 to 2026`` is refused);
- one of those after ``since`` (open at the end), ``by``, ``until``, ``through``, ``before``
  (open at the start), ``as of``, ``in``, ``during`` (the period itself), and ``at`` before
  ``the end of``: "by the end of 2025" ends with December 2025;
- any of them followed by a note in brackets: ``January 2026 (Lin's remark at the summit)``.

A season with a year ("spring 2019") is refused naming the season: its months are not fixed
by the words; the months are written as a range, the season in a note.

A period that names no year ("last year", "January", "As of April 30", "within five years",
"since its launch") is *relative*: it is kept as written, has no ends of its own, and is read
against its source's publication date where a chart needs a time (docs/annotations.md, Periods).
A number in it that looks like a year (four digits from 1900 to 2099) makes it absolute.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from gapstudy.exceptions import GapstudyError

# What to write, in every refusal.
PERIOD_FORMS = (
    "write a year '2024', a quarter '2025-Q1', a half '2025-H2', a month '2026-03' or "
    "'March 2026', a day '2026-03-05', part of a year 'late 2023', or a range of two of them "
    "'2023 to 2025' (start first), optionally after 'since', 'by' or 'as of' and before a note "
    "in brackets; a period naming no year ('last year') is kept as written"
)


class PeriodError(GapstudyError, ValueError):
    """A period names a year but is not one of the forms :mod:`gapstudy.periods` reads, or
    its start is after its end."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"period {text!r}: {reason}")


@dataclass(frozen=True)
class Period:
    """A period as read: its first and last day (``None`` for an open end, or both for a
    relative period) and its precision (a key of ``vocab.PERIOD_PRECISIONS``)."""

    text: str
    start: dt.date | None
    end: dt.date | None
    precision: str
    # For an open period, the time its words name ("2024" in "since 2024", first and last
    # day); ``None`` for the others, whose ends are that time. Not compared: the text and its
    # ends say what a period is.
    named: tuple[dt.date, dt.date] | None = field(default=None, compare=False)

    @property
    def as_year(self) -> float | None:
        """Where the period sits on a time axis, as a decimal year: the middle of the months
        it names ('2024' 2024.5, 'late 2023' 2023 + 10/12, 'March 2026' 2026 + 2.5/12, a
        day at the middle of its month, a range at the middle of its span, 'since 2024' and
        'by 2024' at 2024.5); ``None`` for a relative period."""
        start, end = self.named or (self.start, self.end)
        if start is None or end is None:
            return None
        months = (start.year * 12 + start.month - 1) + (end.year * 12 + end.month)
        return months / 24

    @property
    def is_relative(self) -> bool:
        """Names no year: read against the source's date."""
        return self.precision == "relative"


_YEAR_LIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
# Month names and their abbreviations, lower case, with their numbers: declared once, read
# here and wherever a month is named (gapstudy.facts, gapstudy.sentences).
MONTH_NUMBERS: dict[str, int] = {
    name.casefold(): n
    for n in range(1, 13)
    for name in (calendar.month_name[n], calendar.month_abbr[n])
}
MONTH_NUMBERS["sept"] = 9
# The names as one alternation, longest first (for a regular expression).
MONTH_WORDS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_MONTH_NAMES = MONTH_NUMBERS
_MONTH = "(?P<month>" + MONTH_WORDS + r")\.?"
_Y = r"(?P<year>\d{4})"
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

# One end of a period: (pattern, how it is read). Tried in order, each on the whole text.
_POINTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (rf"{_Y}", "year"),
        (rf"{_Y}-q(?P<n>\d+)", "quarter"),
        (rf"q(?P<n>\d+) {_Y}", "quarter"),
        (rf"{_Y}-h(?P<n>\d+)", "half"),
        (rf"h(?P<n>\d+) {_Y}", "half"),
        (rf"(?P<part>early|mid|late)[ -]{_Y}", "part"),
        (rf"(?:the )?end of {_Y}", "year end"),
        (rf"(?:the )?(?P<half>first|second) half(?: of)? {_Y}", "named half"),
        (rf"{_Y}-(?P<m>\d{{1,2}})", "month"),
        (rf"{_Y}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})", "day"),
        (rf"{_MONTH},? {_Y}", "named month"),
        (rf"{_MONTH} (?P<d>\d{{1,2}}),? {_Y}", "named day"),
        (rf"(?P<d>\d{{1,2}}) {_MONTH},? {_Y}", "named day"),
    )
)
_JOIN = re.compile(r"\s+(?:to|through|until|and)\s+|\s*[–—-]\s*", re.IGNORECASE)
_RANGE_START = re.compile(r"(?:from|between)\s+", re.IGNORECASE)
_OPEN_START = re.compile(r"since (?P<p>.+)", re.IGNORECASE)
_OPEN_END = re.compile(r"(?:by|until|through|before) (?P<p>.+)", re.IGNORECASE)
_SAME = re.compile(r"(?:as of|in|during|for|at(?= the end of)) (?P<p>.+)", re.IGNORECASE)


def _bounded(text: str, what: str, value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        raise PeriodError(text, f"{what} {value} does not exist (from {low} to {high})")
    return value


def _month_days(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _read_point(text: str, whole: str) -> Period | None:
    """One end: a year, quarter, half, part of a year, month or day; ``None`` if none fits."""
    for pattern, kind in _POINTS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year = _bounded(whole, "year", int(match.group("year")), 1900, 2099)
        if kind == "year":
            return Period(text, dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        if kind == "year end":
            return Period(text, *_month_days(year, 12), "part_of_year")
        if kind in ("quarter", "half", "named half"):
            size = 3 if kind == "quarter" else 6
            if kind == "named half":
                n = 1 if match.group("half").casefold() == "first" else 2
            else:
                n = _bounded(whole, kind, int(match.group("n")), 1, 12 // size)
            first = _month_days(year, size * (n - 1) + 1)[0]
            return Period(text, first, _month_days(year, size * n)[1], "part_of_year")
        if kind == "part":
            low, high = _PARTS[match.group("part").casefold()]
            start, end = _month_days(year, low)[0], _month_days(year, high)[1]
            return Period(text, start, end, "part_of_year")
        if kind == "named month" or kind == "named day":
            month = _MONTH_NAMES[match.group("month").casefold()]
        else:
            month = _bounded(whole, "month", int(match.group("m")), 1, 12)
        if kind in ("month", "named month"):
            return Period(text, *_month_days(year, month), "month")
        last = calendar.monthrange(year, month)[1]
        day = _bounded(whole, "day", int(match.group("d")), 1, last)
        return Period(text, dt.date(year, month, day), dt.date(year, month, day), "day")
    return None


def _read_range(text: str, whole: str) -> Period | None:
    """Two ends joined by 'to', 'through', 'until', a dash, or 'between ... and': the first
    split at which both sides read as ends."""
    opening = _RANGE_START.match(text)
    body = text[opening.end() :] if opening else text
    for join in _JOIN.finditer(body):
        if join.group().strip().casefold() == "and" and not (
            opening and "between" in opening.group()
        ):
            continue
        first = _read_point(body[: join.start()], whole)
        last = _read_point(body[join.end() :], whole)
        if first is None or last is None:
            continue
        if first.start > last.start or first.end > last.end:
            raise PeriodError(whole, f"starts ({first.text}) after it ends ({last.text})")
        return Period(whole, first.start, last.end, "range")
    return None


def parse_period(text: str) -> Period:
    """``text`` read as a period (see the module docstring).

    Raises :class:`PeriodError` when it names a year but is not one of the forms, when a
    month, quarter or day does not exist, or when a range starts after it ends.
    """
    if not isinstance(text, str) or not text.strip():
        raise PeriodError(str(text), "is empty")
    core = _core(text)
    if not _YEAR_LIKE.search(core):
        return Period(text, None, None, "relative")
    if (point := _read_point(core, text)) is not None:
        return Period(text, point.start, point.end, point.precision)
    if (whole := _read_range(core, text)) is not None:
        return whole
    if (match := _OPEN_START.fullmatch(core)) and (p := _read_any(match.group("p"), text)):
        return Period(text, p.start, None, "open", (p.start, p.end))
    if (match := _OPEN_END.fullmatch(core)) and (p := _read_any(match.group("p"), text)):
        return Period(text, None, p.end, "open", (p.start, p.end))
    if (match := _SAME.fullmatch(core)) and (p := _read_any(match.group("p"), text)):
        return Period(text, p.start, p.end, p.precision)
    if season := _SEASON.search(core):  # "spring 2019": months the words do not fix
        raise PeriodError(text, _season_reason(season.group().casefold()))
    raise PeriodError(text, "names a year but is not a form the project reads")


def names_year(text: str) -> bool:
    """Whether a period names a year (a number from 1900 to 2099 written with four digits): one
    that names none is relative, read against its text's date."""
    return bool(_YEAR_LIKE.search(_core(text)))


def _core(text: str) -> str:
    """A period without its note in brackets, its spaces made single."""
    return re.sub(r"\s+", " ", _NOTE.sub("", text).strip() or text.strip())


def _read_any(text: str, whole: str) -> Period | None:
    """A point or a range, after a leading word such as 'since' or 'as of'."""
    return _read_point(text, whole) or _read_range(text, whole)


# A season's name: its months depend on the hemisphere and on whose season it is (a
# meteorological spring is March to May, an astronomical one starts about March 20), and a
# winter spans two years, so a season with a year is refused, naming it.
_SEASON = re.compile(r"(?<![\w-])(?:spring|summer|autumn|fall|winter)(?![\w-])", re.IGNORECASE)


def _season_reason(season: str) -> str:
    """Why a season with a year is no period the project reads, and what to write instead."""
    return (
        f"names a season ({season!r}), whose months the words do not fix (the hemisphere, and "
        f"a winter spans two years): write the months the text means as a range ('March "
        f"2019 to May 2019'), the season's words in a note in brackets"
    )
