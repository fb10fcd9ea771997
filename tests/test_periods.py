"""The period reader: table-driven cases, then properties over generated periods."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy.periods import Period, PeriodError, parse_period
from gapstudy.yamlfile import read_yaml

D = dt.date

# text, start, end, precision
READ = [
    ("2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("2025-Q1", D(2025, 1, 1), D(2025, 3, 31), "part_of_year"),
    ("Q4 2025", D(2025, 10, 1), D(2025, 12, 31), "part_of_year"),
    ("2025-H2", D(2025, 7, 1), D(2025, 12, 31), "part_of_year"),
    ("late 2023", D(2023, 9, 1), D(2023, 12, 31), "part_of_year"),
    ("2026-03", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("March 2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("2024-02-29", D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("March 5, 2026", D(2026, 3, 5), D(2026, 3, 5), "day"),
    ("2023 to 2025", D(2023, 1, 1), D(2025, 12, 31), "range"),
    ("2023–2025", D(2023, 1, 1), D(2025, 12, 31), "range"),
    ("from late 2024 to 2025", D(2024, 9, 1), D(2025, 12, 31), "range"),
    ("between 2023 and 2025", D(2023, 1, 1), D(2025, 12, 31), "range"),
    ("2025 to 2025", D(2025, 1, 1), D(2025, 12, 31), "range"),
    ("since February 2026", D(2026, 2, 1), None, "open"),
    ("by 2030", None, D(2030, 12, 31), "open"),
    ("as of March 2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("January 2026 (Lin's remark at the AGI-Next summit)", D(2026, 1, 1), D(2026, 1, 31), "month"),
    ("the end of 2025", D(2025, 12, 1), D(2025, 12, 31), "part_of_year"),
    ("end of 2023", D(2023, 12, 1), D(2023, 12, 31), "part_of_year"),
    ("at the end of 2025", D(2025, 12, 1), D(2025, 12, 31), "part_of_year"),
    ("by the end of 2025", None, D(2025, 12, 31), "open"),
    ("the second half of 2025", D(2025, 7, 1), D(2025, 12, 31), "part_of_year"),
    ("first half of 2025", D(2025, 1, 1), D(2025, 6, 30), "part_of_year"),
    ("H2 2025", D(2025, 7, 1), D(2025, 12, 31), "part_of_year"),
    ("from mid 2024 to the end of 2025", D(2024, 5, 1), D(2025, 12, 31), "range"),
    ("last year", None, None, "relative"),
    ("As of April 30", None, None, "relative"),
    ("next three to five years", None, None, "relative"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), READ, ids=[r[0] for r in READ])
def test_a_period_is_read_to_its_ends(text, start, end, precision):
    assert parse_period(text) == Period(text, start, end, precision)


def test_the_end_of_a_year_sits_after_its_late_months_and_a_half_at_its_middle():
    """ "the end of 2025" is December: after "late 2025", never at mid-2025; "by the end of
    2025" names December too; a half sits at the middle of its six months."""
    year = {t: parse_period(t).as_year for t in ("late 2025", "mid 2025", "the end of 2025")}
    assert year["mid 2025"] < year["late 2025"] < year["the end of 2025"] == 2025 + 11.5 / 12
    assert parse_period("at the end of 2025").as_year == 2025 + 11.5 / 12
    assert parse_period("by the end of 2025").as_year == 2025 + 11.5 / 12
    assert parse_period("the second half of 2025").as_year == 2025.75
    assert parse_period("H2 2025").as_year == parse_period("2025-H2").as_year == 2025.75


REFUSED = [
    ("2031 to 2026", "starts (2031) after it ends (2026)"),
    ("2025–2024", "starts (2025) after it ends (2024)"),
    ("late 2025 to early 2025", "starts (late 2025) after it ends (early 2025)"),
    ("2025-Q5", "quarter 5 does not exist"),
    ("2026-13", "month 13 does not exist"),
    ("2024-25", "month 25 does not exist"),
    ("2023-02-29", "day 29 does not exist"),
    ("the year after 2024", "names a year but is not a form the project reads"),
    ("2025 and 2026", "names a year but is not a form the project reads"),
    ("the third half of 2025", "names a year but is not a form the project reads"),
    ("at 2025", "names a year but is not a form the project reads"),
    ("", "is empty"),
    # a season with a year: its months are not fixed by the words (hemisphere, a winter's two
    # years), so it is refused naming the season; the months are written as a range instead
    ("spring 2019", "names a season ('spring')"),
    ("autumn 2024", "names a season ('autumn')"),
    ("in the winter of 2023", "names a season ('winter')"),
    ("since summer 2021", "names a season ('summer')"),
]


@pytest.mark.parametrize(("text", "reason"), REFUSED, ids=[r[0] or "empty" for r in REFUSED])
def test_a_period_that_cannot_hold_is_refused_with_its_reason(text, reason):
    with pytest.raises(PeriodError) as err:
        parse_period(text)
    assert reason in err.value.reason
    assert repr(text) in str(err.value)


def test_every_period_of_the_data_is_read(repo_paths):
    # The periods as annotated today: each one reads, none is refused.
    def periods(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if str(key).startswith("__"):  # line numbers kept by read_yaml
                    continue
                if key == "period" and value is not None:
                    yield value
                else:
                    yield from periods(value)
        elif isinstance(node, list):
            for item in node:
                yield from periods(item)

    found = [p for path in repo_paths.annotations.glob("*.yaml") for p in periods(read_yaml(path))]
    assert len(found) >= 20
    for text in found:
        parse_period(text)


# --- properties ---------------------------------------------------------------------------

_years = st.integers(1900, 2099)


@st.composite
def _points(draw) -> tuple[str, dt.date, dt.date]:
    """One end written in one of the forms, with its first and last day."""
    year = draw(_years)
    form = draw(st.sampled_from(["year", "quarter", "month", "named month", "day", "part"]))
    if form == "year":
        return str(year), D(year, 1, 1), D(year, 12, 31)
    if form == "quarter":
        q = draw(st.integers(1, 4))
        last = calendar.monthrange(year, 3 * q)[1]
        return f"{year}-Q{q}", D(year, 3 * q - 2, 1), D(year, 3 * q, last)
    if form == "part":
        part, (low, high) = draw(st.sampled_from([("early", (1, 4)), ("late", (9, 12))]))
        return f"{part} {year}", D(year, low, 1), D(year, high, calendar.monthrange(year, high)[1])
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    if form == "month":
        return f"{year}-{month:02d}", D(year, month, 1), D(year, month, last)
    if form == "named month":
        return f"{calendar.month_name[month]} {year}", D(year, month, 1), D(year, month, last)
    day = draw(st.integers(1, last))
    return f"{year}-{month:02d}-{day:02d}", D(year, month, day), D(year, month, day)


@given(_points())
def test_one_end_reads_to_its_own_days(point):
    text, start, end = point
    read = parse_period(text)
    assert (read.start, read.end) == (start, end)
    assert read.precision in ("year", "part_of_year", "month", "day")


@given(_points(), _points(), st.sampled_from([" to ", " through ", "–"]))
def test_a_range_is_read_when_in_order_and_refused_when_not(first, last, join):
    text = f"{first[0]}{join}{last[0]}"
    if first[1] <= last[1] and first[2] <= last[2]:
        read = parse_period(text)
        assert (read.start, read.end, read.precision) == (first[1], last[2], "range")
        assert read.start <= read.end
    else:
        with pytest.raises(PeriodError, match="after it ends"):
            parse_period(text)


@given(_points(), st.sampled_from(["since ", "by ", "as of "]))
def test_a_leading_word_keeps_the_end_it_names(point, word):
    read = parse_period(word + point[0])
    if word == "since ":
        assert (read.start, read.end) == (point[1], None)
    elif word == "by ":
        assert (read.start, read.end) == (None, point[2])
    else:
        assert (read.start, read.end) == (point[1], point[2])


@given(st.text(max_size=40).filter(lambda t: t.strip()))
@settings(max_examples=300)
def test_any_text_is_read_or_refused_never_crashes(text):
    try:
        read = parse_period(text)
    except PeriodError as err:
        assert err.text == text
        return
    assert read.text == text
    if read.start is not None and read.end is not None:
        assert read.start <= read.end


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), min_size=1, max_size=40))
def test_a_period_without_digits_is_relative(text):
    if not text.strip():
        return
    assert parse_period(text).is_relative


def test_a_season_written_as_months_with_its_words_in_a_note_is_read():
    period = parse_period("March 2019 to May 2019 (spring 2019)")
    assert (period.start, period.end) == (dt.date(2019, 3, 1), dt.date(2019, 5, 31))
