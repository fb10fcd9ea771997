"""Tests for gapstudy.sentences: a mention read with the words of its sentence, and the whole
path a draft takes (sentence → mention finder → normaliser) over real sentences."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy import vocab
from gapstudy.figures import read_mention
from gapstudy.mentions import find_mentions
from gapstudy.sentences import read_in_sentence
from gapstudy.vocab import YEAR_REASON


def reading_of(text: str, words: str, *, last: bool = False) -> dict:
    """The reading of the mention holding ``words`` (its first occurrence, or its ``last``)."""
    at = text.rindex(words) if last else text.index(words)
    (mention,) = [m for m in find_mentions(text) if m.start <= at < m.end]
    assert mention.text == text[mention.start : mention.end]
    return read_in_sentence(text, mention)


def numbers(reading: dict) -> tuple:
    return tuple(reading.get(name) for name in ("kind", "value", "low", "high", "bound", "unit"))


def assert_reads_as(text: str, words: str, expected: tuple) -> None:
    """The mention holding ``words`` reads as ``expected``: the six numbers of :func:`numbers`,
    or ("refusal" | "exclusion", words its reason must hold)."""
    reading = reading_of(text, words)
    if expected[0] in ("refusal", "exclusion"):
        assert expected[1], "a refusal or exclusion row names the words of its reason"
        assert expected[1] in reading.get(expected[0], ""), reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


# (sentence, words of the mention, expected (kind, value, low, high, bound, unit)).
CONTEXT_CASES = [
    # a scale word joined by a hyphen: "a $48-million valuation" is $48 million
    (
        "The startup closed its round at a $48-million valuation last week.",
        "$48-million",
        ("money", 48e6, 48e6, 48e6, "exact", "usd"),
    ),
    # money "in annual revenue" (or yearly sales): an amount a year
    (
        "Analysts expect the unit to bring in roughly $40 billion in additional yearly sales.",
        "roughly $40 billion",
        ("money", 40e9, 40e9, 40e9, "approximate", "usd_per_year"),
    ),
    # things counted "for a year": how long, not how many a year
    (
        "The new plant could supply about 200,000 homes for a year, the utility says.",
        "about 200,000",
        ("count", 200000.0, 200000.0, 200000.0, "approximate", "count"),
    ),
    # a bare figure in a list after a change continues the change, in its direction
    (
        "Its stock soaring 239% in 2023 and 171% in 2024, investors are wary.",
        "171%",
        ("change", 171.0, 171.0, 171.0, "exact", "percent"),
    ),
    (
        "Sales are expected to increase 16% in 2023 and 12.5% in 2025.",
        "12.5%",
        ("change", 12.5, 12.5, 12.5, "exact", "percent"),
    ),
    (
        "Exports fell 4% in 2023, 7% in 2024 and 2% in 2025.",
        "2%",
        ("change", -2.0, -2.0, -2.0, "exact", "percent"),
    ),
    # a range after a change writes its scale once
    (
        "The ministry cut its subscriber forecast by 2 to 3 million.",
        "by 2 to 3 million",
        ("change", None, -3e6, -2e6, "range", "count"),
    ),
    # "N-fold" after a verb of change and its object is a change in fold; compared, a multiple
    (
        "The utility plans to grow storage sixfold by 2030.",
        "sixfold",
        ("change", 6.0, 6.0, 6.0, "exact", "fold"),
    ),
    (
        "Its fleet is sixfold that of its nearest rival.",
        "sixfold",
        ("multiplier", 6.0, 6.0, 6.0, "exact", "fold"),
    ),
    # a fraction of a percentage is a ratio of it, not a share
    (
        "The brand now holds about half of its 12% share from 2021.",
        "about half",
        ("multiplier", 0.5, 0.5, 0.5, "approximate", "fold"),
    ),
    (
        "Half of the 30% who pay are students.",
        "Half",
        ("percent", 50.0, 50.0, 50.0, "exact", "percent"),
    ),
    # a hedge written once before a list holds for each figure of it
    (
        "The group sources an estimated 40% of its power from solar and 35% from wind.",
        "35%",
        ("percent", 35.0, 35.0, 35.0, "approximate", "percent"),
    ),
    (
        "The firm employs about 40 engineers and 25 designers.",
        "25",
        ("count", 25.0, 25.0, 25.0, "approximate", "count"),
    ),
    # ... but not across a predicate, nor to ", or", which restates the amount
    (
        "About 30% use it daily and 12 firms pay for it.",
        "12",
        ("count", 12.0, 12.0, 12.0, "exact", "count"),
    ),
    (
        "It used roughly 2 percent of all power, or 300 terawatt-hours.",
        "300 terawatt-hours",
        ("quantity", 300.0, 300.0, 300.0, "exact", "terawatt_hour"),
    ),
    # what a count counts is neither a unit nor a verb of change
    ("The dealer moved 45 Tesla sedans.", "45", ("count", 45.0, 45.0, 45.0, "exact", "count")),
    (
        "Beijing licensed 12 rare earth smelters.",
        "12",
        ("count", 12.0, 12.0, 12.0, "exact", "count"),
    ),
    ("The desk logged 14 gains and 9 falls.", "14", ("count", 14.0, 14.0, 14.0, "exact", "count")),
    ("The firm launched 20 rockets.", "20", ("count", 20.0, 20.0, 20.0, "exact", "count")),
    # a comparative "than" the same thing at an earlier time ("the prior season") is a change
    (
        "Grain output was 9% less than the prior season.",
        "9% less",
        ("change", -9.0, -9.0, -9.0, "exact", "percent"),
    ),
    (
        "Its chip draws 30% less power than the H20.",
        "30%",
        ("multiplier", 0.7, 0.7, 0.7, "exact", "fold"),
    ),
    # an ordinal joined to a fraction by a hyphen names part of a period, inside the whole
    (
        "The maker booked over 60% of its second-half orders in Europe.",
        "over 60%",
        ("percent", None, 60.0, None, "lower", "percent"),
    ),
    # "a quarter", "a fifth" right after a verb of change (past a hedge) is its size
    (
        "Exports grew roughly a fifth year over year.",
        "a fifth",
        ("change", 20.0, 20.0, 20.0, "approximate", "percent"),
    ),
    (
        "Bookings slid a quarter in the spring.",
        "a quarter",
        ("change", -25.0, -25.0, -25.0, "exact", "percent"),
    ),
    # ... past a period after it ("so far this year"), and after a plural noun of change
    (
        "Output fell 4% in June and 2.5% so far this year.",
        "2.5%",
        ("change", -2.5, -2.5, -2.5, "exact", "percent"),
    ),
    (
        "Analysts noted declines of 6% and 9% last quarter.",
        "declines of 6%",
        ("change", -6.0, -6.0, -6.0, "exact", "percent"),
    ),
    (
        "Analysts noted declines of 6% and 9% last quarter.",
        "9%",
        ("change", -9.0, -9.0, -9.0, "exact", "percent"),
    ),
    # "up" after a verb in the past tense, before a percentage of nothing named: a rise
    (
        "Mortgage rates inched up 0.2% over the week.",
        "0.2%",
        ("change", 0.2, 0.2, 0.2, "exact", "percent"),
    ),
    (
        "Turnout edged up 1.5 percentage points.",
        "1.5 percentage points",
        ("change", 1.5, 1.5, 1.5, "exact", "percentage_point"),
    ),
    # ... but a percentage of something is what the verb takes up: a share
    (
        "The rival snapped up 12% of the market.",
        "12%",
        ("percent", 12.0, 12.0, 12.0, "exact", "percent"),
    ),
    # ... but not a figure with words of its own, nor one after a level
    (
        "Its stock soared 239% in 2023 and 40% of its sales were abroad.",
        "40%",
        ("percent", 40.0, 40.0, 40.0, "exact", "percent"),
    ),
    (
        "The share was 30% in 2023 and 35% in 2024.",
        "35%",
        ("percent", 35.0, 35.0, 35.0, "exact", "percent"),
    ),
    # "by N" with the verb earlier in its clause, or a word of difference
    (
        "Solar increased the country's capacity by more than 430 gigawatts last year.",
        "430",
        ("change", None, 430.0, None, "lower", "gigawatt"),
    ),
    (
        "The US is ahead by just 2.7% on the leaderboard.",
        "2.7%",
        ("percent", 2.7, 2.7, 2.7, "exact", "percent"),
    ),
    (
        "Chinese models have lagged the US frontier by 7 months on average.",
        "7",
        ("duration", 7.0, 7.0, 7.0, "exact", "month"),
    ),
    # "from X to Y" without a verb in the mention: a word of range makes a range (a verb
    # earlier makes a change, read as its two levels: see below)
    (
        "Prices vary by region, ranging from 5% to 10% of revenue.",
        "5%",
        ("percent", None, 5.0, 10.0, "range", "percent"),
    ),
    # a number glued to a word by a slip of typing is a number, with its hedge
    (
        "ICT products accounted for more than12% of exports in 2024.",
        "12%",
        ("percent", None, 12.0, None, "lower", "percent"),
    ),
]

# (sentence, words of the mention, words the refusal must contain).
REFUSAL_CASES = [
    # money in a currency the project has no unit for: a code before the amount, never a count
    ("The pension fund will put NOK 30 billion into wind farms.", "30 billion", "'NOK'"),
    ("Its chip unit earned INR 4.2 million last quarter.", "4.2 million", "currency code"),
    ("Each licence costs CHF 12.50 a month.", "12.50", "currency code"),
    # ... and a scale word misspelt after the number: the amount is unknown
    ("The startup raised $2.4 bilion in its latest round.", "$2.4", "misspelt scale"),
    ("Regulators fined the group 7 millon euros.", "7", "misspelt scale"),
    (
        "Chinese models are seven months behind (sometimes just four, sometimes a yawning 14).",
        "14",
        "its unit may be written once, earlier",
    ),
    (
        "Chinese models are seven months behind (sometimes just four, sometimes 14).",
        "four",
        "'seven months'",
    ),
    # "by N" with neither a verb of change nor a participle of a doer before it
    ("Prices in China, by 3 analysts' count, were cut.", "3", "whose words are not in its clause"),
    (
        "Time on the x-axis, accuracy from 0% to 100% on the y-axis.",
        "0%",
        "may be a change or a span of values",
    ),
    (
        "Revenue is expected to increase by 26 per cent to 33 per cent year-on-year.",
        "26",
        "a range of the change or the change and the level it reached",
    ),
    # a bound written once before a list may bound each figure: refused, never exact
    ("The scheme could reach up to 5m homes or 18% of the market.", "18%", "written once"),
    # "from X to Y" going on to a third level is a chain, never a pair
    (
        "Exports climbed from 3.5 to 9 and then to 14 million tonnes.",
        "3.5",
        "chain of levels",
    ),
    ("Its share went from 8% to 15%, then to 22%.", "8%", "chain of levels"),
    # "by X to Y" with the scale on both ends: the change and the level reached, not a range
    (
        "The ministry cut its subscriber forecast by 2.1 million to 84 million.",
        "2.1 million",
        "range of the change or the change and the level it reached",
    ),
    (
        "Revenue climbed by 4 billion to 31 billion yuan.",
        "4 billion",
        "range of the change or the change and the level it reached",
    ),
    ("lean six sigma will not get you there", "six", "'sigma' is not one of the project's units"),
    # words right around the mention that it did not take in
    (
        'Training cost "much more" than $100 million, he said.',
        "$100",
        "before it compares with words the mention does not hold",
    ),
    ("V3 used similar compute (2.79M hours) but fewer tokens.", "2.79M", "the unit 'hours'"),
    ("Qwen is one of the most widely adopted models.", "one", "'one of' picks out a member"),
    ("The data center took a third of that, the rest went to chips.", "a third", "named earlier"),
    ("Half of them are open models.", "Half of them", "named earlier"),
    ("Open models made up 30% of it.", "30%", "named earlier"),
    ("Frontier runs crossed 1e26 FLOP last year.", "1e26", "power of ten"),
    ("Training used 3.8e25 FLOP in total.", "3.8e25", "power of ten"),
    ("It took 10^26 operations.", "10^26", "power of ten"),
    ("It took 10²⁶ operations.", "10²⁶", "power of ten"),
    ("It cost approximately $5.576 millionIn stark contrast", "$5.576", "'millionIn'"),
    ("Costs can reach up to $78 millionThis gap", "$78", "run into the next word"),
    ("It runs for approximately 1/100th of the cost.", "approximately 1", "with a slash"),
    ("Demand will rise by 16% over the next five years.", "five years", "its period"),
    ("Output doubled within the past two years.", "two years", "its period"),
    ("The US attracted $25.5 billion more in investment than the EU.", "$25.5", "a difference"),
    # the list's first figure holds the verb, which may hold for the others too
    ("Scores rose by 18.8, 48.9, and 67.3 percentage points on MMMU.", "48.9", "written once"),
    ("Scores rose by 18.8, 48.9, and 67.3 percentage points on MMMU.", "48.9", "written once"),
    ("Delivery can take as long as 16 months to two years.", "16 months", "'to'"),
    ("We should ship $2 [billion] to $5 billion in Q3.", "$2", "square brackets"),
    ("Nvidia guided Q3 to $54B ±2%, it said.", "$54B", "tolerance"),
    ("Nvidia guided Q3 to $54B ±2%, it said.", "2%", "tolerance"),
    ("The forward ratio stands at 36.66, above the average.", "36.66", "has a fraction"),
    ("The price-to-earnings ratio is above the sector average of 28.", "28", "a ratio"),
    (
        "China has around 5 zettaFLOPS of AI compute.",
        "5",
        "'zettaFLOPS' is not one of the project's units",
    ),
    # a number joined by a hyphen to what it counts, and a growth factor each year (both
    # found by a new user's draft: read as the count 5 and as 3 events a year)
    (
        "Training compute has grown at a five-times-per-year rate since 2010.",
        "five",
        "joined to the words after it",
    ),
    (
        "Training compute scaled its clusters about three times per year.",
        "three",
        "a growth factor each year",
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), CONTEXT_CASES)
def test_a_mention_is_read_with_the_words_of_its_sentence(text, words, expected):
    assert numbers(reading_of(text, words)) == expected


# a name before a bare number is no currency code: it stays a possible version
@pytest.mark.parametrize("text", ["Gamers wanted the RTX 4090 card.", "The GPT 4 model won."])
def test_a_name_before_a_bare_number_is_no_currency_code(text):
    (mention,) = [m for m in find_mentions(text) if m.text[0].isdigit()]
    assert "version" in read_in_sentence(text, mention)["refusal"]


# ... but "quarter" stays a period where no verb of change stands right before it, or a time
# word follows it
@pytest.mark.parametrize(
    "text", ["Output rose 4% in the third quarter.", "Prices rose a quarter earlier."]
)
def test_a_quarter_after_no_verb_of_change_is_no_fraction(text):
    assert not [m for m in find_mentions(text) if "quarter" in m.text]


@pytest.mark.parametrize(("text", "words", "reason"), REFUSAL_CASES)
def test_words_elsewhere_in_the_sentence_that_cannot_be_read_make_a_refusal(text, words, reason):
    reading = reading_of(text, words)
    assert reason in reading.get("refusal", ""), reading
    assert "by hand" not in reading["refusal"]


def test_a_number_in_a_closed_bracket_is_an_aside_not_the_unit_written_once():
    text = (
        "Musk said training consumed 200,000 NVIDIA GPUs (each costing about $30,000), "
        "while insiders estimate DeepSeek used only around 10,000."
    )
    assert numbers(reading_of(text, "10,000", last=True)) == (
        "count",
        10000.0,
        10000.0,
        10000.0,
        "approximate",
        "count",
    )
    inside = "It is seven months behind (sometimes just four, sometimes a yawning 14)."
    assert "refusal" in reading_of(inside, "14")


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # a list whose unit is written after its last figure continues the first's verb
        (
            "Scores rose by 18.8, 48.9, and 67.3 percentage points on MMMU.",
            "67.3",
            ("change", 67.3, 67.3, 67.3, "exact", "percentage_point"),
        ),
        # "N times" after a verb of doing, with nothing compared: how many times
        (
            "These models have been downloaded over 600 million times globally.",
            "600 million",
            ("count", None, 600e6, None, "lower", "count"),
        ),
        # ... but a multiplier with "than" stays a multiplier
        (
            "The model is twelve times more vulnerable to attacks than others.",
            "twelve",
            ("multiplier", 12.0, 12.0, 12.0, "exact", "fold"),
        ),
        # an em dash after a year is punctuation, not a range
        (
            "Investment hit $109.1 billion in 2024—nearly 12 times what China raised.",
            "12 times",
            ("multiplier", 12.0, 12.0, 12.0, "approximate", "fold"),
        ),
        # the multiplication sign is taken in, as "x" is
        (
            "Compute could be 100×, 1000×, potentially more.",
            "100×",
            ("multiplier", 100.0, 100.0, 100.0, "exact", "fold"),
        ),
        # a share's whole stops before a number: "three years earlier" is not the whole
        (
            "China produced about one-third of the world's top talent three years earlier.",
            "one-third",
            ("percent", 100 / 3, 100 / 3, 100 / 3, "approximate", "percent"),
        ),
        # a word of difference in "-ing" form gives "by N" its reading
        (
            "The US reached $109.1 billion, far outpacing China by 12 times.",
            "12 times",
            ("multiplier", 12.0, 12.0, 12.0, "exact", "fold"),
        ),
    ],
)
def test_lists_counts_of_times_and_differences_read_in_their_sentence(text, words, expected):
    assert numbers(reading_of(text, words)) == expected


def test_a_time_of_day_is_excluded():
    assert reading_of("Redazione RHC : 28 November 2025 07:10", "07") == {
        "exclusion": vocab.TIME_REASON
    }


def test_a_duration_with_no_word_of_time_before_it_stays_a_duration():
    assert numbers(reading_of("It took five years to build.", "five years"))[:2] == (
        "duration",
        5.0,
    )


def test_a_sentence_ends_where_the_next_begins():
    # the list and the unit rules never reach into another sentence
    text = (
        "Exports rose 5% in 2023. In 2024 they were 7% of output. "
        "The team had seven months. It has 14."
    )
    assert reading_of(text, "7%")["kind"] == "percent"
    assert reading_of(text, "14")["kind"] == "count"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The report released April 7 shows China closing in.", "7"),
        ("The index, published on Jan. 15, lists 40 models.", "15"),
        ("On 7 April, 12 firms listed.", "7"),
    ],
)
def test_a_day_of_the_month_is_a_date_not_a_count(text, words):
    assert reading_of(text, words) == {"exclusion": vocab.DATE_REASON}


@settings(max_examples=60, deadline=None)
@given(
    month=st.sampled_from(["January", "March", "May", "Sept.", "Dec."]),
    day=st.integers(min_value=1, max_value=31),
    count=st.integers(min_value=32, max_value=999),
)
def test_a_day_after_a_month_is_excluded_and_a_count_beside_it_is_not(month, day, count):
    text = f"On {month} {day} the lab released {count} models."
    assert reading_of(text, str(day)) == {"exclusion": vocab.DATE_REASON}
    assert numbers(reading_of(text, str(count), last=True))[:2] == ("count", float(count))


# Numbers that are no quantity, each with the reason the draft gives (phrasing from real
# pages; the same sentences, with their addresses, are in tests/sentences.csv).
EXCLUSION_CASES = [
    ("the 9000S isn't on a 5nm process; rather, it's on SMIC's N+2 process.", "5nm"),
    ("The team found evidence of SMIC 7nm (N+2) which represents", "7nm"),
    ("competition to date learn with TSMC, already at 5 nm.", "5 nm"),
]


@pytest.mark.parametrize(("text", "words"), EXCLUSION_CASES)
def test_a_process_name_is_excluded_with_its_reason(text, words):
    assert reading_of(text, words) == {"exclusion": vocab.PROCESS_REASON}


@pytest.mark.parametrize(
    ("text", "words", "reason"),
    [
        ("inventory that it couldn't sell [10]", "10", vocab.CITATION_REASON),
        ("in the next fiscal quarter [8]", "8", vocab.CITATION_REASON),
        ("the hardware [1, 2].", "1", vocab.CITATION_REASON),
        ("from 00:30 to 08:30 Beijing time", "00", vocab.TIME_REASON),
        ("from 00:30 to 08:30 Beijing time", "30", vocab.TIME_REASON),
        ("peak hours run 9:00 a.m. to 12:00 p.m. daily", "9", vocab.TIME_REASON),
        ("between 2 pm and 6 pm", "6", vocab.TIME_REASON),
        ("funding rose 25% in the first half of 2025", "half", vocab.PART_OF_PERIOD_REASON),
        ("Total first half 2025 funding outpaced", "half", vocab.PART_OF_PERIOD_REASON),
        ("SMIC is doubling down on mature chips.", "doubling", vocab.IDIOM_REASON),
        ("compute for one-shot vs. agentic AI", "one", vocab.IDIOM_REASON),
        ("the gap shrank from double digits", "double", vocab.VAGUE_REASON),
        ("revenue grew at double-digit rates", "double", vocab.VAGUE_REASON),
    ],
)
def test_a_citation_a_time_of_day_and_part_of_a_period_are_excluded(text, words, reason):
    assert reading_of(text, words) == {"exclusion": reason}


def test_half_of_a_whole_is_still_a_share():
    text = "approximately $60 billion was attracted, surpassing half of the total amount"
    assert numbers(reading_of(text, "half")) == ("percent", None, 50.0, None, "lower", "percent")


# A number the mention holds only part of, split by the way it is written (constructed from
# forms met on real pages, some of them sentences of a scored check set changed minimally: the
# damaged commas, "12- inch", the editor's bracket; the damaged thousands comma is kept as
# written, never repaired).
SPLIT_CASES = [
    ("could make about 400, 000 to 500, 000 chips", "400", "thousands comma has a space"),
    ("could make about 400, 000 to 500, 000 chips", "500", "thousands comma has a space"),
    ("capacity of 35, 000 wafers a month", "000", "thousands comma has a space"),
    ("capacity of 35, 000 12- inch wafers", "12", "joined by a hyphen to the words after it"),
    ("priced at $0.15/$0.60 per 1M", "$0.60", "two figures joined by '/'"),
    ("it charges $3/1M input", "$3", "an amount per '1M'"),
    ("it charges $3/1M input", "1M", "the amount a price or rate is per"),
    ("training runs sit around 10^25-10^26 FLOPs", "10", "a number written as a power of ten"),
    ("we should ship $2 [billion] to $5 billion in revenue", "$2", "square brackets"),
    ("we should ship $2 [billion] to $5 billion in revenue", "$5", "an editor's bracket"),
    ("delivering 900GB/s of bandwidth", "900GB", "an amount per 's'"),
    ("built to support 4-5 kW per rack", "4-5", "an amount per 'rack'"),
    ("many report server densities below 10kW", "10kW", "is a density"),
    ("the budget is $5 million, tops, this year", "$5", "'tops' after '$5 million'"),
]


@pytest.mark.parametrize(("text", "words", "reason"), SPLIT_CASES)
def test_a_number_split_from_what_it_needs_is_refused(text, words, reason):
    reading = reading_of(text, words)
    assert reason in reading.get("refusal", ""), reading


# Money with "per X" later in its clause, after a list of prices: a price where the project
# has its unit, else refused.
def test_a_price_per_a_unit_written_once_after_a_list_of_prices():
    text = "They list $2.50 input and $15.00 output per 1M tokens, and more."
    for words in ("$2.50", "$15.00"):
        assert "a price per 'tokens'" in reading_of(text, words)["refusal"]
    assert "the amount a price or rate is per" in reading_of(text, "1M")["refusal"]
    kwh = reading_of("Operators pay $0.03 and $0.05 per kWh today.", "$0.03")
    assert numbers(kwh) == ("price", 0.03, 0.03, 0.03, "exact", "usd_per_kwh")
    assert kwh["read_with"] == "'per kWh' later in its clause"
    converted = "rise to 12 yuan (US$1.77) for every million output tokens from 6 yuan"
    assert "a price per 'million'" in reading_of(converted, "12 yuan")["refusal"]
    assert "a price per 'million'" in reading_of(converted, "US$1.77")["refusal"]
    # "for every million", written once before it in its clause, may hold for 6 yuan too
    assert "a price or a rate per 'million'" in reading_of(converted, "6 yuan")["refusal"]
    spelled = "It will rise to 12 yuan, or approximately USD 1.77, for every million output tokens."
    assert "a price per 'million'" in reading_of(spelled, "12 yuan")["refusal"]
    # "per the filing" names a source, not a unit
    assert reading_of("Revenue was $5 billion, per the filing.", "$5 billion")["kind"] == "money"


def test_a_count_per_a_span_of_time_and_the_far_end_of_a_split_change_are_refused():
    text = (
        "The country aims to lift production from below 20,000 wafer starts per month today "
        "to roughly 100,000 within one to two years."
    )
    assert "an amount per a span of time" in reading_of(text, "20,000")["refusal"]
    assert "ends a 'from X ... to Y'" in reading_of(text, "100,000")["refusal"]
    assert reading_of("It ships 500 units to 20 firms.", "20")["kind"] == "count"


def test_a_span_that_dates_a_figure_is_refused_and_a_span_claimed_is_a_duration():
    dated = "It reached 53% of the global population within three years."
    assert "(its period)" in reading_of(dated, "three")["refusal"]
    earlier = "It produced about one-third of the world's talent three years earlier."
    assert "'earlier' beside it" in reading_of(earlier, "three")["refusal"]
    claimed = reading_of("China could overtake the US within three years.", "three")
    assert (claimed["kind"], claimed["high"], claimed["bound"]) == ("duration", 3.0, "upper")


def test_a_bare_range_after_a_unit_written_earlier_is_refused():
    text = "Racks draw 100-200 kilowatts in AI halls versus 10-20 for traditional servers."
    assert "its unit may be written once, earlier" in reading_of(text, "10-20")["refusal"]


# Hypothesis: no words crash the path a draft takes; each mention gets a reading, a refusal
# or an exclusion (a refused earlier mention once made the unit rule fail: "7nm (N+2)").
_PIECES = st.sampled_from(
    [
        *"0123456789 .,-/%$[]():^+×~",
        "N+2",
        "7nm",
        " nm",
        " am",
        "half",
        "first ",
        " per ",
        " out of ",
        " of ",
        "one",
        "third",
        "doubled",
        " to ",
        "kW",
        "KW",
        " GB",
        "billion",
        " tokens",
        " years",
        "within",
        "April",
        "，",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_no_words_crash_the_reading_of_a_mention_in_its_sentence(text):
    for mention in find_mentions(text):
        reading = read_in_sentence(text, mention)
        assert len({"refusal", "exclusion", "kind"} & set(reading)) == 1, (text, reading)


def test_a_modal_may_and_a_rate_without_growth_stay_as_read():
    assert reading_of("Labs release models three times a year.", "three")["unit"] == "per_year"
    assert reading_of("Prices may 5 times exceed costs.", "5")["kind"] != "exclusion"


def test_a_year_stays_an_exclusion():
    assert reading_of("Exports rose 5% in 2023 and 2024.", "2024") == {"exclusion": YEAR_REASON}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Canada rounds out the top four with $15.3 billion.", "four"),
        ("All top 10 open-source LLMs were trained on Qwen.", "10"),
        ("It is ranked No. 3 on the leaderboard.", "3"),
    ],
)
def test_a_rank_or_the_size_of_a_ranked_group_is_excluded(text, words):
    assert reading_of(text, words) == {"exclusion": vocab.RANK_REASON}


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("They trained it on 2048 GPUs for two months.", "2048", 2048.0),
        ("A cluster of 2048 NVIDIA H800 GPUs was used.", "2048", 2048.0),
        ("The lab hired 1999 engineers last year.", "1999", 1999.0),
    ],
)
def test_a_number_written_as_a_year_before_a_counted_noun_is_a_count(text, words, expected):
    reading = reading_of(text, words)
    assert numbers(reading) == ("count", expected, expected, expected, "exact", "count")
    assert "a count, not a year" in reading["read_with"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2048 GPUs will be cheap.",
        "By 2030 chips will be made at home.",
        "The 2025 models are larger.",
        "Its 2024 revenue rose.",
    ],
)
def test_a_year_before_a_noun_stays_a_year_after_a_word_of_time_or_before_other_nouns(text):
    year = next(w for w in text.split() if w.isdigit())
    assert reading_of(text, year) == {"exclusion": YEAR_REASON}


@settings(max_examples=60, deadline=None)
@given(
    year=st.integers(min_value=1900, max_value=2099),
    noun=st.sampled_from(["GPUs", "chips", "engineers", "parameters"]),
    time=st.sampled_from(["in", "by", "since", "until"]),
)
def test_a_year_shaped_number_is_a_count_before_a_counted_noun_unless_time_comes_first(
    year, noun, time
):
    counted = reading_of(f"The lab used {year} {noun} for it.", str(year))
    assert numbers(counted)[:2] == ("count", float(year))
    assert reading_of(f"The lab, {time} {year} {noun} aside, grew.", str(year)) == {
        "exclusion": YEAR_REASON
    }


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # a verb after "to" or a modal: a change, as "more than doubled" is
        (
            "Electricity use is set to more than double by 2030.",
            "more than double",
            ("change", None, 2.0, None, "lower", "fold"),
        ),
        ("Demand could triple by 2035.", "triple", ("change", 3.0, 3.0, 3.0, "exact", "fold")),
        # the present tense of a verb that carries its factor: the same change
        ("The new plan doubles the budget.", "doubles", ("change", 2.0, 2.0, 2.0, "exact", "fold")),
        ("The levy triples the fee.", "triples", ("change", 3.0, 3.0, 3.0, "exact", "fold")),
        ("Rent quadruples by 2040.", "quadruples", ("change", 4.0, 4.0, 4.0, "exact", "fold")),
        # a ratio of two amounts: a multiplier
        (
            "China has more than double the number of robots.",
            "more than double",
            ("multiplier", None, 2.0, None, "lower", "fold"),
        ),
    ],
)
def test_double_as_a_verb_is_a_change_and_as_a_ratio_a_multiplier(text, words, expected):
    assert numbers(reading_of(text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("DeepSeek-V3 has 671B total parameters.", "671B", 671e9),
        ("It keeps 37B active at any one time.", "37B", 37e9),
        ("It was trained on 14.8T tokens.", "14.8T", 14.8e12),
    ],
)
def test_a_count_with_a_glued_scale_letter_before_parameters_or_tokens(text, words, expected):
    assert numbers(reading_of(text, words)) == (
        "count",
        expected,
        expected,
        expected,
        "exact",
        "count",
    )


def test_a_glued_letter_before_other_words_stays_a_name():
    assert [m.text for m in find_mentions("Huawei ships 910B chips; Llama 3.1 8B runs.")] == ["3.1"]


RISING = sorted(v for v, sign in vocab.CHANGE_VERBS.items() if sign > 0 and v not in ("up",))
FALLING = sorted(v for v, sign in vocab.CHANGE_VERBS.items() if sign < 0 and v not in ("down",))
percents = st.decimals(min_value=1, max_value=999, places=1)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(RISING + FALLING),
    percents,
    percents,
    st.integers(min_value=2000, max_value=2030),
    st.sampled_from([" and ", ", "]),
)
def test_a_figure_listed_after_a_change_takes_its_direction(verb, first, second, year, joint):
    text = f"Sales {verb} {first:f}% in {year}{joint}{second:f}% in {year + 1}, said the firm."
    reading = reading_of(text, f"{second:f}%", last=True)
    sign = vocab.CHANGE_VERBS[verb]
    assert reading["kind"] == "change", (text, reading)
    assert reading["value"] == pytest.approx(sign * float(second))


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(sorted(vocab.CHANGE_VERBS)),
    st.integers(min_value=1, max_value=10**5).filter(lambda n: not 1900 <= n < 2100),
    st.sampled_from(["percent", "gigawatts", "months"]),
)
def test_by_n_never_reads_as_a_level_without_its_verb(verb, number, unit):
    # (a number that looks like a year before "months" is a year: "by 2030 months" is left out)
    # with its verb (anywhere earlier in the clause) "by N" is a change, or refused; without a
    # verb or a word of difference it is refused: never the level N
    with_verb = reading_of(
        f"The firm {verb} its output sharply by {number} {unit} last year.", str(number)
    )
    assert with_verb.get("kind") == "change" or "refusal" in with_verb, with_verb
    alone = reading_of(f"The report was written by {number} {unit} of staff.", str(number))
    assert "refusal" in alone, alone


# --- real sentences, the whole path a draft takes ---------------------------------------------
# Real sentences from public coverage (tests/sentences.csv, with their addresses), each with one
# number in it (`anchor`) and the reading a careful reader gives it, written before the code
# was run: kind "year" means a year to exclude, "exclude" another exclusion (a rank, a date, a
# process name, a citation marker, a time of day, "half" naming part of a period), "refuse"
# that the words are not enough. The
# draft's reading of the mention holding the anchor must be that reading, or a refusal where
# one is expected. A row with `refusal_accepted` has a reading a careful reader gives, but
# the words that give it stand elsewhere in the sentence: a refusal naming them is accepted
# (and counted as a refusal, not as right). Rows with a `known_misreading` are misread today,
# and say how.
SENTENCES = Path(__file__).with_name("sentences.csv")


def _rows() -> list[dict]:
    with SENTENCES.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _number(cell: str) -> float | None:
    return None if cell == "" else float(cell)


def score(row: dict) -> str:
    """ "right", "refused" or "wrong" (a reading that is not the expected one: silent)."""
    sentence, anchor = row["sentence"], row["anchor"]
    at = sentence.index(anchor)
    holding = [m for m in find_mentions(sentence) if m.start <= at < m.end]
    if not holding:
        return "right" if row["kind"] in ("refuse", "exclude") else "wrong"
    (mention,) = holding
    assert mention.text == sentence[mention.start : mention.end]
    reading = read_in_sentence(sentence, mention)
    if "levels" in reading:  # "from X to Y": the level whose words hold the anchor
        levels = [level for level in reading["levels"] if level["start"] <= at < level["end"]]
        reading = levels[0] if levels else {"refusal": "the anchor is in neither level"}
    if row["kind"] == "year":
        return "right" if reading == {"exclusion": YEAR_REASON} else "wrong"
    if row["kind"] == "exclude":
        return "right" if "exclusion" in reading else "wrong"
    if row["kind"] == "refuse":
        return "right" if "refusal" in reading else "wrong"
    if "refusal" in reading:
        return "refused" if row["refusal_accepted"] else "wrong"
    got = {k: reading.get(k) for k in ("kind", "unit", "bound")}
    want = {k: row[k] for k in ("kind", "unit", "bound")}
    for k in ("value", "low", "high"):
        got[k], want[k] = reading.get(k), _number(row[k])
        if got[k] is not None and want[k] is not None and got[k] == pytest.approx(want[k]):
            got[k] = want[k]
    return "right" if got == want else "wrong"


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(
            row,
            id=f"{row['anchor']}@{row['sentence'][:30]}",
            marks=[pytest.mark.xfail(strict=True, reason=row["known_misreading"])]
            if row["known_misreading"]
            else [],
        )
        for row in _rows()
    ],
)
def test_a_real_sentence_is_drafted_as_a_careful_reader_reads_it(row):
    assert score(row) in ("right", "refused")


def test_each_real_sentence_row_is_written_once():
    """Two branches appending the same row would count one case twice in the rates below."""
    keys = [(row["sentence"], row["anchor"]) for row in _rows()]
    twice = sorted({key[1] for key in keys if keys.count(key) > 1})
    assert not twice, f"rows written more than once in {SENTENCES.name}: {twice}"


def test_the_real_sentences_are_sourced_varied_and_mostly_read_right():
    rows = _rows()
    assert all(row["url"].startswith("http") for row in rows)
    assert len({row["url"] for row in rows}) >= 30
    kinds = {row["kind"] for row in rows}
    assert {"price", "duration", "change", "year", "refuse", "multiplier", "money"} <= kinds
    results = [score(row) for row in rows if not row["known_misreading"]]
    assert results.count("right") / len(rows) >= 0.9
    assert "wrong" not in results  # no silent misreading outside the pinned ones


def test_score_tells_a_silent_misreading_from_a_refusal():
    row = {
        "sentence": "It fell 12% last year.",
        "anchor": "12%",
        "kind": "change",
        "value": "12",
        "low": "12",
        "high": "12",
        "bound": "exact",
        "unit": "percent",
        "refusal_accepted": "",
    }
    assert score(row) == "wrong"  # the sign is lost
    assert score(row | {"value": "-12", "low": "-12", "high": "-12"}) == "right"
    refused = {"sentence": "It fell 12 zettaFLOPS.", "anchor": "12"}
    assert score(row | refused) == "wrong"  # refused, and no refusal is accepted
    assert score(row | refused | {"refusal_accepted": "yes"}) == "refused"


def test_a_reading_that_uses_words_outside_the_mention_names_them():
    listed = "Its stock soaring 239% in 2023 and 171% in 2024, investors are wary."
    assert reading_of(listed, "171%")["read_with"] == "the change 'soaring 239%' before it"
    verb = "Solar increased the country's capacity by more than 430 gigawatts last year."
    assert reading_of(verb, "430")["read_with"] == "'increased' earlier in its clause"
    assert "read_with" not in reading_of("It fell 12% last year.", "12%")


# --- classes that read silently wrong before: each reads right or is refused with its reason --
# (sentence, words of the mention, expected): a reading (kind, value, low, high, bound, unit),
# or ("refusal", words of its reason), or ("exclusion", reason).
CLASS_CASES = [
    # a money range with its currency written once, or on both ends
    (
        "Estimates suggest a potential $7-8 billion in the next fiscal quarter.",
        "$7",
        ("money", None, 7e9, 8e9, "range", "usd"),
    ),
    (
        "We see $3–$4 trillion in AI infrastructure spend by the end of the decade.",
        "$3",
        ("money", None, 3e12, 4e12, "range", "usd"),
    ),
    # one reading for a data size written apart or glued
    (
        "The H20 features 96 GB of HBM3 memory.",
        "96",
        ("quantity", 9.6e-8, 9.6e-8, 9.6e-8, "exact", "exabyte"),
    ),
    (
        "The H20 features 96GB of HBM3 memory.",
        "96",
        ("quantity", 9.6e-8, 9.6e-8, 9.6e-8, "exact", "exabyte"),
    ),
    ("It delivers 4.0 TB/s of bandwidth.", "4.0", ("refusal", "an amount per 's'")),
    # a ratio or a score written with ":" is not a time of day
    ("The US leads China 5:1 in notable models.", "5", ("refusal", "a ratio or a score")),
    ("The US leads China 5:1 in notable models.", "1", ("refusal", "a ratio or a score")),
    ("Nvidia holds a 4:1 edge.", "4", ("refusal", "a ratio or a score")),
    ("Trading opened at 09:30 sharp.", "30", ("exclusion", vocab.TIME_REASON)),
    # a hedge outside the quotation marks that open the number (topnews.media)
    (
        "The Big Fund II has so far invested $8.5 billion (60 billion yuan) in more than "
        "“40 chip firms”, it added.",
        "40",
        ("refusal", "a hedge outside the quoted words"),
    ),
    ('He said "40 firms" joined.', "40", ("count", 40.0, 40.0, 40.0, "exact", "count")),
    # a list item's number at the start of a line or text, never a count
    ("3. $15 billion and counting", "3", ("exclusion", vocab.LIST_ITEM_REASON)),
    ("Lessons:\n2) Power comes first", "2", ("exclusion", vocab.LIST_ITEM_REASON)),
    ("Sales rose 3. Then 4 more came.", "4", ("count", 4.0, 4.0, 4.0, "exact", "count")),
    # a number that labels a part of a law, a text or a plan
    ("Section 232 tariffs of 25% apply.", "232", ("exclusion", vocab.LABEL_REASON)),
    ("Under section 301 the tariff is 25%.", "301", ("exclusion", vocab.LABEL_REASON)),
    ("The Phase 2 plan adds 300 data centers.", "2", ("exclusion", vocab.LABEL_REASON)),
    (
        "The Phase 2 plan adds 300 data centers.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    # a date written with dashes
    ("The report was published on 2024-03-15.", "2024-03-15", ("exclusion", vocab.ISO_DATE_REASON)),
    # a count with a fraction is no count of things, with a hedge or without
    ("with a high performance density of only 2.9.", "2.9", ("refusal", "has a fraction")),
    ("About 2.5 people share each GPU.", "2.5", ("refusal", "has a fraction")),
    ("The company has 2.5 million users.", "2.5", ("count", 2.5e6, 2.5e6, 2.5e6, "exact", "count")),
    # a power of ten in superscript is one number, never its first digits
    ("It trained on 2×10²⁵ FLOP.", "2", ("refusal", "power of ten")),
    # "respectively" ends a list that continues a change
    (
        "Prices were cut by 50%, 60% and 70% respectively.",
        "70%",
        ("change", -70.0, -70.0, -70.0, "exact", "percent"),
    ),
    # a chain of levels is not one change
    ("Capacity grew from 10 to 20 to 40 GW.", "10", ("refusal", "a chain of levels")),
    # a ranked group named by a share
    ("Only the top 2% of researchers move abroad.", "2%", ("exclusion", vocab.RANK_REASON)),
    ("The bottom 50% of firms hold 5% of compute.", "50%", ("exclusion", vocab.RANK_REASON)),
    (
        "The bottom 50% of firms hold 5% of compute.",
        "5%",
        ("percent", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    ("Revenue tops 20% of the total.", "20%", ("percent", None, 20.0, None, "lower", "percent")),
]


# Classes seen in a held-out set's report, generalised; each row from another real page where
# one was found, else constructed (named in the commit that added it).
CLASS_CASES += [
    # currency words after the amount, with a country before them
    (
        "costs reaching 15.9 billion U.S. dollars and almost six billion U.S. dollars invested",
        "six",
        ("money", 6e9, 6e9, 6e9, "approximate", "usd"),
    ),
    (
        "households were charged around 0.45 U.S. dollars per kilowatt-hour",
        "0.45",
        ("price", 0.45, 0.45, 0.45, "approximate", "usd_per_kwh"),
    ),
    ("The deal was worth 2 billion Australian dollars.", "2", ("refusal", "Australian dollars")),
    # the numbers of a law's title, parts and sections
    ("under the EAR, 15 C.F.R. Parts 730 to 774.", "15", ("exclusion", vocab.LABEL_REASON)),
    ("under the EAR, 15 C.F.R. Parts 730 to 774.", "730", ("exclusion", vocab.LABEL_REASON)),
    ("See 50 U.S.C. 4801 for details.", "4801", ("exclusion", vocab.LABEL_REASON)),
    ("Sections 3 and 4 cover 20 firms.", "4", ("exclusion", vocab.LABEL_REASON)),
    # basis points: hundredths of a percentage point
    (
        "gross margin expanded 460 basis points to 57.8%",
        "460",
        ("change", 4.6, 4.6, 4.6, "exact", "percentage_point"),
    ),
    (
        "Non-GAAP gross margin, 64.7% (+510 bps Y/Y); operating expenses, $648M (+25%)",
        "510",
        ("change", 5.1, 5.1, 5.1, "exact", "percentage_point"),
    ),
    # a sign glued to a percentage makes a change; before a count it is refused
    (
        "Non-GAAP gross margin, 64.7% (+510 bps Y/Y); operating expenses, $648M (+25%)",
        "25%",
        ("change", 25.0, 25.0, 25.0, "exact", "percent"),
    ),
    (
        "Gaming, $1.31B (consensus: $1.29B; +24% Q/Q, -27% Y/Y).",
        "27%",
        ("change", -27.0, -27.0, -27.0, "exact", "percent"),
    ),
    ("Temperatures hit -5 degrees.", "5", ("refusal", "a level below zero")),
    # a rank in words, and a bare score
    ("reaching the number one in the download rankings", "one", ("exclusion", vocab.RANK_REASON)),
    ("a model that scores 80 on a benchmark", "80", ("refusal", "is a score")),
    ("The firm scored 3 wins.", "3", ("count", 3.0, 3.0, 3.0, "exact", "count")),
    # "multiple-choice" names no ratio
    (
        "MMLU contains 14,042 multiple-choice questions spanning 57 subjects.",
        "57",
        ("count", 57.0, 57.0, 57.0, "exact", "count"),
    ),
    # a range with its scale or its currency written on both ends, or on the first only
    (
        "to ship around 2 million to 4 million units this year",
        "2",
        ("count", None, 2e6, 4e6, "range", "count"),
    ),
    (
        "Q4 guidance calls for US$26.1 billion–26.9 billion in revenue.",
        "26.1",
        ("money", None, 26.1e9, 26.9e9, "range", "usd"),
    ),
    # a share of a whole named earlier, however many words follow the pronoun
    ("Half of them left.", "Half", ("refusal", "a share of a whole named earlier")),
    # a verb of change and its object before a percentage; a noun of change and "was"
    (
        "The company grew revenue 20% last year.",
        "20%",
        ("change", 20.0, 20.0, 20.0, "exact", "percent"),
    ),
    (
        "The firm slashed prices 30% last year.",
        "30%",
        ("change", -30.0, -30.0, -30.0, "exact", "percent"),
    ),
    # raising is a rise exactly as a cut is a fall; a verb with its own size is refused
    (
        "Nvidia raised prices 10% in March.",
        "10%",
        ("change", 10.0, 10.0, 10.0, "exact", "percent"),
    ),
    ("They doubled revenue 20% in March.", "20%", ("refusal", "its own size")),
    (
        "Alibaba increased its stake to 30%.",
        "30%",
        ("percent", 30.0, 30.0, 30.0, "exact", "percent"),
    ),
    (
        "but the year-on-year decline was 35.2%.",
        "35.2%",
        ("change", -35.2, -35.2, -35.2, "exact", "percent"),
    ),
    ("The share of chips was 30%.", "30%", ("percent", 30.0, 30.0, 30.0, "exact", "percent")),
    # headline verbs in the present tense
    (
        "Nvidia gains 6.2% after beating estimates.",
        "6.2%",
        ("change", 6.2, 6.2, 6.2, "exact", "percent"),
    ),
    ("Exports fall 4% in May.", "4%", ("change", -4.0, -4.0, -4.0, "exact", "percent")),
    # a cut written with a verb whose "up" stands far before ("ramped up ... reduce")
    (
        "China has ramped up subsidies that reduce electricity bills by up to 50 per cent.",
        "50",
        ("change", None, -50.0, None, "lower", "percent"),
    ),
    # a figure listed after a "by N" whose verb is out of reach
    (
        "Investment declined more significantly, by 50.0% and 46.7%, respectively.",
        "46.7%",
        ("refusal", "continues a list"),
    ),
]


# Classes found by probing real pages on electricity prices, data centres and talent.
CLASS_CASES += [
    (
        "Residential electricity prices are currently rising at a rate of approximately 7%.",
        "7%",
        ("change", 7.0, 7.0, 7.0, "approximate", "percent"),
    ),
    (
        "the power price dropped 10% year-on-year, or about 4 fen per kWh.",
        "4",
        ("refusal", "an amount per 'kWh'"),
    ),
    ("Each rack holds 8 GPUs per server.", "8", ("refusal", "an amount per 'server'")),
    (
        "The US suffered from multiple power outages, cutting electricity to around 130,000 homes.",
        "130,000",
        ("count", 1.3e5, 1.3e5, 1.3e5, "approximate", "count"),
    ),
    ("The stock trades at a multiple of 28.", "28", ("refusal", "a ratio")),
    (
        "including a US$137bil (RM554.91bil) hydropower project",
        "137",
        ("money", 137e9, 137e9, 137e9, "exact", "usd"),
    ),
    ("It cost $137 bil in total.", "137", ("money", 137e9, 137e9, 137e9, "exact", "usd")),
    ("Revenue hit €2 mn last year.", "2", ("money", 2e6, 2e6, 2e6, "exact", "eur")),
    ("training efficiency (2.788M H800 GPU-hours for ~$5.6M)", "2.788M", ("refusal", "'hours'")),
    ("Training took 2.788M GPU-hours.", "2.788M", ("refusal", "'hours'")),
    ("It has 500 state-owned firms.", "500", ("count", 500.0, 500.0, 500.0, "exact", "count")),
    # found probing pages on export controls and benchmarks
    (
        "Full-year growth is projected at 53%, indicating a cooling trajectory.",
        "53%",
        ("change", 53.0, 53.0, 53.0, "exact", "percent"),
    ),
    (
        "The U.S. announced it has slapped up to 245% in levies on imports from China.",
        "245%",
        ("percent", None, None, 245.0, "upper", "percent"),
    ),
    ("It vacuumed up $39.2 billion.", "39.2", ("money", 39.2e9, 39.2e9, 39.2e9, "exact", "usd")),
    (
        "Scored by GPT-4 on 80 multi-turn questions. Score is out of 10.",
        "10",
        ("refusal", "'out of'"),
    ),
    (
        "Scored by GPT-4 on 80 multi-turn questions.",
        "80",
        ("count", 80.0, 80.0, 80.0, "exact", "count"),
    ),
    # generated around dates, fractions, ratios and damaged text
    (
        "6 months after Kirin 9000s, they launched Kirin 9100.",
        "6",
        ("refusal", "'after' beside it"),
    ),
    ("Two years later, China caught up.", "Two", ("refusal", "'later' beside it")),
    ("Back in '24 it cost $5.", "24", ("exclusion", vocab.YEAR_REASON)),
    ("Prices rose 10 % last year.", "10", ("change", 10.0, 10.0, 10.0, "exact", "percent")),
    ("Output hit 1 ,000 units.", "1", ("refusal", "the text is damaged")),
    ("Output hit 1 ,000 units.", "000", ("refusal", "the text is damaged")),
    ("It grew by a third.", "a third", ("change", 100 / 3, 100 / 3, 100 / 3, "exact", "percent")),
    ("Costs fell by three quarters.", "three", ("change", -75.0, -75.0, -75.0, "exact", "percent")),
    ("Compute grew 10x to 100x.", "100x", ("refusal", "a range of the change")),
    ("Models are 10x to 100x cheaper.", "10x", ("multiplier", None, 0.01, 0.1, "range", "fold")),
    # found probing pages on industrial robots
    (
        "Indian factories installed 9,100 robots in 2024, showing seven per cent growth",
        "seven",
        ("change", 7.0, 7.0, 7.0, "exact", "percent"),
    ),
    (
        "the number of robots per 10,000 workers in China’s manufacturing sector has surged "
        "from 49 to 470.",
        "49",
        ("refusal", "a density written earlier"),
    ),
    ("It costs $3 per 1,000 queries and serves 500 users.", "$3", ("refusal", "a price per")),
    # A count per a span written with a slash ("wafers/month"): a rate, as "per month" is.
    (
        "The fab aims for roughly 100,000 wafers/month by 2027.",
        "roughly 100,000",
        ("refusal", "per a span of time (a rate)"),
    ),
    ("The plant ships 2,000 units/day.", "2,000", ("refusal", "per a span of time (a rate)")),
    # A year a preposition dates, then a number: a period and the far end of a change, never a
    # range from the year to the number.
    (
        "Output grew from 3,000 in the first quarter of 2021 to 4,500 units.",
        "2021",
        ("exclusion", "a year"),
    ),
    (
        "Output grew from 3,000 in the first quarter of 2021 to 4,500 units.",
        "4,500",
        ("refusal", "ends a 'from X ... to Y'"),
    ),
    ("Sales in 2021-22 rose 5%.", "2021-22", ("exclusion", "a year")),
    (
        "They bought 2000 to 2500 GPUs.",
        "2000 to 2500",
        ("count", None, 2000.0, 2500.0, "range", "count"),
    ),
    # A word glued by a hyphen before an amount: a hedge the mention does not hold.
    ("Microsoft logged a record near-$12 billion quarter.", "$12 billion", ("refusal", "hyphen")),
    # "as high as" after a verb of change names the level reached, not the change.
    ("Its share could grow as high as 9% of demand.", "9%", ("refusal", "the level reached")),
    # "a year", written once, may hold for the amounts after it; "a year ago" dates.
    (
        "ByteDance will allocate about USD20 billion a year and Tencent around USD15 billion.",
        "around USD15 billion",
        ("refusal", "'a year', written once"),
    ),
    (
        "It earned $5 billion a year ago and $7 billion now.",
        "$5 billion",
        ("money", 5e9, 5e9, 5e9, "exact", "usd"),
    ),
    # A rating scale the project has no unit for.
    ("The model sits at about 1,420 Elo on the board.", "1,420", ("refusal", "'Elo'")),
    (
        "It costs $3 per 1,000 queries and serves 500 users.",
        "500",
        ("count", 500.0, 500.0, 500.0, "exact", "count"),
    ),
]


# Classes left by held-out set 6 (the real sentences are rows of tests/sentences.csv); each
# with a second phrasing.
CLASS_CASES += [
    # A singular currency word before a noun is the currency, never a count.
    (
        "It closed a 2 billion dollar deal with the utility.",
        "2 billion",
        ("money", 2e9, 2e9, 2e9, "exact", "usd"),
    ),
    (
        "A 300 million euro grant went to the lab.",
        "300 million",
        ("money", 3e8, 3e8, 3e8, "exact", "eur"),
    ),
    # One hyphenated word between a percentage and its noun of change.
    (
        "The plan gives a 40% off-peak discount to batch users.",
        "40%",
        ("change", -40.0, -40.0, -40.0, "exact", "percent"),
    ),
    # "cut" and its object before a percentage: a cut, as "cut by".
    (
        "The upgrade cuts latency 25% for most users.",
        "25%",
        ("change", -25.0, -25.0, -25.0, "exact", "percent"),
    ),
    (
        "They cut the workforce nearly 10% last year.",
        "10%",
        ("change", -10.0, -10.0, -10.0, "approximate", "percent"),
    ),
    (
        "They hiked fees nearly 15% last year.",
        "nearly 15%",
        ("change", 15.0, 15.0, 15.0, "approximate", "percent"),
    ),
    # A count, up to two words, then "in" and a span: the span is the count's period.
    ("The navy launched three in 10 years.", "10 years", ("refusal", "(its period)")),
    ("The firm hired 300 engineers in two years.", "two years", ("refusal", "(its period)")),
    ("The lab built three new fabs within five years.", "five years", ("refusal", "(its period)")),
    (
        "The firm hired 300 engineers in two years.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    (
        "Three firms could catch up in 5 years.",
        "5 years",
        ("duration", 5.0, 5.0, 5.0, "exact", "year"),
    ),
]

# Classes from held-out set 7a (the real sentences are rows of tests/sentences.csv), each with a
# phrasing of our own.
CLASS_CASES += [
    # One unit after a word of price is the amount the price is per.
    (
        "The average cost of one kilowatt-hour rose 3% last year.",
        "one kilowatt-hour",
        ("refusal", "the amount a price is per"),
    ),
    (
        "The cost of 5 GW of capacity is about $4 billion.",
        "5 GW",
        ("quantity", 5.0, 5.0, 5.0, "exact", "gigawatt"),
    ),
    # A negation turns a bound over; any other figure after a negation is refused.
    (
        "Exports cannot exceed 50% of sales.",
        "50%",
        ("percent", None, None, 50.0, "upper", "percent"),
    ),
    ("We do not expect more than 3 launches.", "3", ("count", None, None, 3.0, "upper", "count")),
    (
        "It is not less than 20% of revenue.",
        "20%",
        ("percent", None, 20.0, None, "lower", "percent"),
    ),
    ("The share isn't 50% yet.", "50%", ("refusal", "a negation")),
    # "not all", "not every": the number itself is not denied.
    ("Not all 50 states have passed AI laws.", "50", ("count", 50.0, 50.0, 50.0, "exact", "count")),
    # A span opening its clause before a comma dates the clause.
    (
        "In three years, the market could be worth $50 billion.",
        "three years",
        ("refusal", "(its period)"),
    ),
    ("Within two years, China may lead.", "two years", ("refusal", "(its period)")),
    (
        "Five years, the report says, is the gap.",
        "Five years",
        ("duration", 5.0, 5.0, 5.0, "exact", "year"),
    ),
    # Things counted each day or month are a flow; people counted so are a count.
    ("The service answers 2 billion daily queries.", "2 billion", ("refusal", "a flow")),
    (
        "It has 300 million monthly active users.",
        "300 million",
        ("count", 3e8, 3e8, 3e8, "exact", "count"),
    ),
    # A verb of change "at a rate of" a percentage a year: a growth rate.
    (
        "Revenue will rise at a rate of 20% a year.",
        "20%",
        ("change", 20.0, 20.0, 20.0, "exact", "percent_per_year"),
    ),
    (
        "Shipments could expand at a rate of about 30 percent each year.",
        "30 percent",
        ("change", 30.0, 30.0, 30.0, "approximate", "percent_per_year"),
    ),
    # Compared with a name holding digits: a thing named; never with a period.
    ("It is 40% cheaper than GPT-4o.", "40%", ("multiplier", 0.6, 0.6, 0.6, "exact", "fold")),
    (
        "Revenue was 20% higher than Q1 2024.",
        "20%",
        ("change", 20.0, 20.0, 20.0, "exact", "percent"),
    ),
    # A count joined to what it counts, before a noun; units stay refused.
    (
        "The 2,000-page report was released on Monday.",
        "2,000",
        ("count", 2000.0, 2000.0, 2000.0, "exact", "count"),
    ),
    ("They built a 10,000-GPU cluster.", "10,000", ("count", 1e4, 1e4, 1e4, "exact", "count")),
    ("It sits on a 900-acre site.", "900", ("refusal", "joined to the words")),
    ("That undercuts the 9.1-cent average.", "9.1", ("refusal", "joined to the words")),
    # One unit written "a" after a hedge; a singular unit before a noun.
    (
        "The campus will draw nearly a gigawatt of power.",
        "a gigawatt",
        ("quantity", 1.0, 1.0, 1.0, "approximate", "gigawatt"),
    ),
    ("It plans a 300 megawatt plant.", "300", ("quantity", 0.3, 0.3, 0.3, "exact", "gigawatt")),
    # Money after "the price for 1 kilowatt-hour" in its clause: a price per kWh.
    (
        "The average price of one kWh was 17 cents in May.",
        "17 cents",
        ("price", 0.17, 0.17, 0.17, "exact", "usd_per_kwh"),
    ),
    # "N times" after a verb of doing, then a span: a count; "in its first 18 days" a period.
    (
        "The app was downloaded 16 million times in its first 18 days.",
        "16 million",
        ("count", 1.6e7, 1.6e7, 1.6e7, "exact", "count"),
    ),
    (
        "The app was downloaded 16 million times in its first 18 days.",
        "18 days",
        ("refusal", "(its period)"),
    ),
    (
        "It was downloaded 3 times more than rivals.",
        "3 times",
        ("multiplier", 3.0, 3.0, 3.0, "exact", "fold"),
    ),
    # "of the last six years": the span the claim is over.
    ("In five of the last six years, revenue grew.", "six years", ("refusal", "(its period)")),
    # A bound after a verb of change in its base form (after a modal): the level crossed.
    ("Spending will never fall below $5 billion.", "$5 billion", ("refusal", "level crossed")),
    ("Revenue could rise above $10 billion.", "$10 billion", ("refusal", "level crossed")),
    (
        "The price for 1 kWh is 12 cents, and a chip costs $30,000.",
        "$30,000",
        ("money", 3e4, 3e4, 3e4, "exact", "usd"),
    ),
    # A negation or a word of doubt that reaches the figure through a verb and "to" (read as
    # "more than" before: the window back stopped at "to").
    (
        "SMIC's output is not expected to exceed 50,000 wafers.",
        "50,000",
        ("refusal", "'not' before"),
    ),
    ("SMIC's output is unlikely to exceed 50,000 wafers.", "50,000", ("refusal", "(a doubt)")),
    (
        "Few expect Chinese chips to exceed 30% of domestic demand.",
        "30%",
        ("refusal", "(a doubt)"),
    ),
    # A rate before "before" and a year (read as a plain count before: "before" dated it).
    ("SMIC will make 50,000 wafers a month before 2027.", "50,000", ("refusal", "(a rate)")),
    # An amount with no unit of its own after a price per a unit and a comma with words of
    # comparison or contrast: the price's unit may hold for it (read as plain dollars before).
    (
        "Chinese data centres pay $0.05 per kWh, compared with $0.12 in the US.",
        "$0.12",
        ("refusal", "follows a price ('$0.05 per kWh')"),
    ),
    (
        "DeepSeek charges $0.28 per million tokens, versus $1.25 at OpenAI.",
        "$1.25",
        ("refusal", "'per million', written once"),
    ),
    (
        "Chinese operators pay roughly $0.03/kWh, while American operators pay $0.08.",
        "$0.08",
        ("refusal", "follows a price"),
    ),
    # ... but a comma with no comparison after it starts a clause of its own
    (
        "At $2 per GPU-hour, the lab spent $3 million on training.",
        "$3 million",
        ("money", 3e6, 3e6, 3e6, "exact", "usd"),
    ),
    # "top" as a verb before a share: a bound, not a ranked group (excluded as a rank before)
    (
        "Analysts do not expect Chinese firms to top 20% of the market.",
        "20%",
        ("refusal", "'top' before"),
    ),
    (
        "Chinese chips could top 40% of local sales by 2027.",
        "40%",
        ("refusal", "'top' before"),
    ),
    ("Only the top 5% of firms export.", "5%", ("exclusion", vocab.RANK_REASON)),
]

# Rules restated as principles (the real sentences are rows of tests/sentences.csv), each with
# phrasings of our own.
CLASS_CASES += [
    # Stock or flow: things that exist at a moment, counted in a span, are a count; what
    # accumulates over a span is a flow, read only where the project has its unit.
    (
        "The app has 5 million daily active devices.",
        "5 million",
        ("count", 5e6, 5e6, 5e6, "exact", "count"),
    ),
    (
        "There are 300 million weekly ChatGPT users.",
        "300 million",
        ("count", 3e8, 3e8, 3e8, "exact", "count"),
    ),
    (
        "Weekly users grew to 800 million.",
        "800 million",
        ("count", 8e8, 8e8, 8e8, "exact", "count"),
    ),
    ("It logs 30 million annual downloads.", "30 million", ("refusal", "a flow")),
    ("Daily queries reached 2 billion.", "2 billion", ("refusal", "a flow")),
    ("It reached $2 billion monthly revenue.", "$2 billion", ("refusal", "a flow")),
    (
        "It reached $5 billion annual revenue.",
        "$5 billion",
        ("money", 5e9, 5e9, 5e9, "exact", "usd_per_year"),
    ),
    ("Annual shipments reached 10 million units.", "10 million", ("refusal", "a flow")),
    (
        "Its monthly users include 5 million developers.",
        "5 million",
        ("count", 5e6, 5e6, 5e6, "exact", "count"),
    ),
    # named before money, a span word gives the amount's period: read as it stands
    (
        "It booked a quarterly charge of about $5.5 billion.",
        "$5.5 billion",
        ("money", 5.5e9, 5.5e9, 5.5e9, "approximate", "usd"),
    ),
    # a span word after its noun names nothing before the figure
    (
        "Huawei makes 200,000 chips yearly compared to Nvidia's 3.76 million shipments.",
        "3.76 million",
        ("count", 3.76e6, 3.76e6, 3.76e6, "exact", "count"),
    ),
    # Raising is a rise exactly as a cut is a fall, with or without "by".
    (
        "The foundry will raise prices by up to 20% next year.",
        "20%",
        ("change", None, None, 20.0, "upper", "percent"),
    ),
    ("The Fed raised rates 0.25% in May.", "0.25%", ("refusal", "in points or relative")),
    ("The firm cut its margins 2% last year.", "2%", ("refusal", "in points or relative")),
    (
        "OpenAI boosted output 30% last year.",
        "30%",
        ("change", 30.0, 30.0, 30.0, "exact", "percent"),
    ),
    # A noun of change, then a bound, before a level: the level reached with its bound.
    (
        "Traders fear a drop below $900 this week.",
        "$900",
        ("money", None, None, 900.0, "upper", "usd"),
    ),
    (
        "Analysts expect a rise above 10% next year.",
        "10%",
        ("percent", None, 10.0, None, "lower", "percent"),
    ),
    ("Inflation saw a rise below 2% in May.", "2%", ("refusal", "against the change")),
    (
        "Revenue saw a 60 percent increase over $7.5 billion.",
        "$7.5 billion",
        ("money", 7.5e9, 7.5e9, 7.5e9, "exact", "usd"),
    ),
    # A hyphenated compound before a noun: a unit of the project is its quantity; a span is
    # the period or kind of what follows unless it is a difference in time; a scale word with
    # no unit leaves the unit unwritten.
    (
        "They plan a 10-gigawatt data center.",
        "10",
        ("quantity", 10.0, 10.0, 10.0, "exact", "gigawatt"),
    ),
    ("TSMC's 3-nanometer process is ahead.", "3", ("refusal", "joined to the words")),
    ("It trains in 8-bit precision.", "8", ("refusal", "joined to the words")),
    ("Beijing unveiled a 5-year plan for chips.", "5-year", ("refusal", "a span joined")),
    ("The US holds a two-year lead.", "two-year", ("duration", 2.0, 2.0, 2.0, "exact", "year")),
    ("The startup closed a 250-million round.", "250-million", ("refusal", "is not written")),
    (
        "It activates a 100-billion parameter model.",
        "100-billion",
        ("count", 1e11, 1e11, 1e11, "exact", "count"),
    ),
]


def test_a_share_whole_goes_on_past_a_word_in_ed_after_a_word_of_degree():
    text = "Taiwan makes more than 90% of the world's most advanced chips."
    reading = reading_of(text, "90%")
    assert numbers(reading) == ("percent", None, 90.0, None, "lower", "percent")
    assert reading["whole"] == "the world's most advanced chips"
    assert reading_of("40% of the computing power used by labs", "40%")["whole"] == (
        "the computing power"
    )


def test_a_change_after_the_price_for_one_kilowatt_hour_has_two_prices_as_levels():
    text = "The price for 1 kilowatt-hour rose from 16.41 cents to 17.47 cents last year."
    levels = reading_of(text, "16.41")["levels"]
    assert [(lvl["kind"], lvl["value"], lvl["unit"]) for lvl in levels] == [
        ("price", pytest.approx(0.1641), "usd_per_kwh"),
        ("price", pytest.approx(0.1747), "usd_per_kwh"),
    ]
    assert [text[lvl["start"] : lvl["end"]] for lvl in levels] == ["16.41 cents", "17.47 cents"]


@pytest.mark.parametrize(("text", "words", "expected"), CLASS_CASES)
def test_a_form_that_misread_before_reads_right_or_is_refused_with_its_reason(
    text, words, expected
):
    assert_reads_as(text, words, expected)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=2, max_value=99),
    st.integers(min_value=1, max_value=9),
    st.sampled_from(["leads", "beat", "outnumber", "trails"]),
)
def test_two_numbers_joined_by_a_colon_are_a_time_or_refused_never_a_count(left, right, verb):
    text = f"The US {verb} China {left}:{right} in models."
    for words in (str(left), str(right)):
        reading = reading_of(text, words, last=words == str(right))
        assert "refusal" in reading or reading == {"exclusion": vocab.TIME_REASON}, reading


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["$", "€", "£"]),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(["million", "billion", "trillion", "bn"]),
    st.sampled_from(["-", "–"]),
    st.booleans(),
)
def test_a_money_range_with_its_currency_once_is_read_whole(sign, low, more, scale, dash, both):
    high = low + more
    glue = "" if scale == "bn" else " "
    far = f"{sign}{high}" if both else str(high)
    text = f"Analysts put it at {sign}{low}{dash}{far}{glue}{scale} for the year."
    reading = reading_of(text, f"{sign}{low}")
    factor = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}[scale]
    if "refusal" in reading:
        return  # a refusal is allowed; a wrong number is not
    assert (reading["low"], reading["high"]) == pytest.approx((low * factor, high * factor))
    assert reading["bound"] == "range"


# A draft and a figure read the same words the same way: the draft of an amount a year, with
# nothing around it, is what the normaliser makes of the whole words (a unit a year, or a
# refusal in both).
@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["$45 billion", "5 GW", "10,000 chips", "4.8x", "€2 million", "grew 30%"]),
    st.sampled_from(["annually", "a year", "per year", "each year", "per annum", "yearly"]),
)
def test_a_draft_and_the_normaliser_agree_on_an_amount_each_year(amount, per):
    """Where the mention holds fewer words than the figure would quote ("10,000" of "10,000
    chips annually"), the draft refuses what the words beyond it change; the figure reads
    them all. Either way no amount a year is read as the amount of one year."""
    text = f"{amount} {per}"
    (mention,) = find_mentions(text)
    drafted, read = read_in_sentence(text, mention), read_mention(text)
    if "refusal" in read:
        assert "refusal" in drafted, (drafted, read)
    elif "refusal" not in drafted:
        assert numbers(drafted) == numbers(read)
    assert drafted.get("unit") in (None, *vocab.PER_YEAR_UNITS.values(), "per_year")


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["Section", "section", "Article", "Phase", "Tier", "Chapter", "Title"]),
    st.integers(min_value=1, max_value=999),
)
def test_a_number_after_a_label_is_excluded_never_counted(label, number):
    text = f"The rules in {label} {number} apply to exports."
    assert reading_of(text, str(number)) == {"exclusion": vocab.LABEL_REASON}


@pytest.mark.parametrize(
    "text",
    [
        "U.S. firms spent $5 billion. China spent 3%.",
        "It ranked No. 3 on the list. Then 40% left.",
        "The answer was no. 40 firms said yes.",
        "Dr. Lin said 5% vs. 7% last year. Sales rose 2%.",
        "It began on Jan. 5 with 10 chips. Then e.g. 20 more came.",
    ],
)
def test_a_draft_and_the_segment_guess_end_sentences_at_the_same_full_stops(text):
    from gapstudy.add import sentence_breaks
    from gapstudy.sentence_words import _sentence_span

    starts = [0] + [end for _, end in sentence_breaks(text)]
    for mention in find_mentions(text):
        start, _ = _sentence_span(text, mention.start, mention.end)
        start += len(text[start:]) - len(text[start:].lstrip())  # the spaces after the stop
        assert start == max(s for s in starts if s <= mention.start), mention


# The sentence around a span is found from the span's own lines (a line break ends a
# sentence): the same as from every sentence end of the whole text.
def _span_from_all_ends(text: str, start: int, end: int) -> tuple[int, int]:
    from gapstudy.sentence_words import _SENTENCE_END_RE, _is_abbreviation

    ends = [m for m in _SENTENCE_END_RE.finditer(text) if not _is_abbreviation(text, m)]
    before = [m.end() for m in ends if m.end() <= start]
    after = [m.start() for m in ends if m.start() >= end]
    return (before[-1] if before else 0), (after[0] if after else len(text))


SENTENCE_PIECES = st.sampled_from(
    ["a", "5", " ", "\n", ".", ". ", "!", "? ", "。", "\t", "\u2003", "U.S.", "No. 5", "3.5"]
    + [f"{word}. " for word in sorted(vocab.LEADING_ABBREVIATIONS | vocab.NUMBER_ABBREVIATIONS)]
)


@given(st.lists(SENTENCE_PIECES, max_size=25).map("".join), st.data())
@settings(deadline=None)
def test_the_sentence_around_a_span_is_found_from_its_own_lines(text, data):
    from gapstudy.sentence_words import _sentence_span

    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    assert _sentence_span(text, start, end) == _span_from_all_ends(text, start, end)


# --- rates a year in a sentence ------------------------------------------------------------------
# Words of "a year" inside the mention, or "annual" and kin right beside it, make a rate a year
# (vocab.PER_YEAR_UNITS); "a year" further on in the clause, past words the mention did not take
# in, is refused: the mention does not hold it.
@pytest.mark.parametrize(
    ("text", "words", "unit", "value"),
    [
        ("Spending grew fourfold a year since 2020.", "fourfold", "fold_per_year", 4.0),
        ("Investment grew 30% annually between 2016 and 2023.", "30%", "percent_per_year", 30.0),
        ("Meta is spending $65 billion a year on AI.", "$65", "usd_per_year", 65e9),
        ("Big Tech spends $700B/yr on AI.", "$700B", "usd_per_year", 700e9),
        ("Sales saw an annual increase of 8% in 2024.", "8%", "percent_per_year", 8.0),
        ("Demand is growing at a 23% compound annual rate.", "23%", "percent_per_year", 23.0),
        ("Revenue grew at an annual rate of 30% to 2025.", "30%", "percent_per_year", 30.0),
        (
            "The market is growing at a compound annual growth rate (CAGR) of 35% from 2022.",
            "35%",
            "percent_per_year",
            35.0,
        ),
        ("Labs release models three times a year.", "three", "per_year", 3.0),
        ("China generates more than twice the power of the US annually.", "twice", "fold", None),
    ],
)
def test_a_rate_a_year_is_read_in_its_sentence(text, words, unit, value):
    reading = reading_of(text, words)
    assert reading["unit"] == unit
    assert reading["value"] == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "words", "reason"),
    [
        ("It has an annual rate of 5%.", "5%", "no word of change may be a growth rate"),
        ("They put $45 billion into capex annually.", "$45", "'annually' later in its clause"),
        ("It spent $5 billion in the quarter, up from a year earlier.", "$5", None),
        ("Capacity rose $5 billion a year.", "$5", "a change each year or a change to a flow"),
        (
            "Compute scaled its reach about three times per year.",
            "three",
            "a growth factor each year",
        ),
    ],
)
def test_a_rate_a_year_the_sentence_does_not_decide_is_refused(text, words, reason):
    reading = reading_of(text, words)
    if reason is None:  # "a year earlier" dates the change; the amount stays a stock
        assert reading["unit"] == "usd"
    else:
        assert reason in reading["refusal"]


# --- from X to Y: the two levels the text reports -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "levels"),
    [
        (
            "The share grew from 27% in 2019 to 38% in 2022.",
            [("27%", "percent", 27.0, "2019"), ("38%", "percent", 38.0, "2022")],
        ),
        (
            "Deals doubled, from nine the previous year to 15.",
            [("nine", "count", 9.0, "the previous year"), ("15", "count", 15.0, None)],
        ),
        (
            "Its usage went from 26% (2022) to 13% (2024).",
            [("26%", "percent", 26.0, "2022"), ("13%", "percent", 13.0, "2024")],
        ),
        (
            "Rates jumped from nine to 20.",
            [("nine", "count", 9.0, None), ("20", "count", 20.0, None)],
        ),
        (
            "Early on, going from 20% to 40% looks like huge progress.",
            [("20%", "percent", 20.0, None), ("40%", "percent", 40.0, None)],
        ),
        (
            "The share from 26% (2022) to 13% (2024) shows the fall.",
            [("26%", "percent", 26.0, "2022"), ("13%", "percent", 13.0, "2024")],
        ),
    ],
)
def test_a_change_from_one_level_to_another_reads_as_its_two_levels(text, levels):
    """The change (11 points, +6) is a number the text does not contain: derived.yaml."""
    (mention,) = [m for m in find_mentions(text) if "from" in m.text]
    reading = read_in_sentence(text, mention)
    assert reading["level_of"] == mention.text
    got = [(lv["text"], lv["unit"], lv["value"], lv.get("period")) for lv in reading["levels"]]
    assert got == levels
    for level in reading["levels"]:  # each level is a verbatim span of the text
        assert text[level["start"] : level["end"]] == level["text"]


@pytest.mark.parametrize(
    ("text", "far_end", "expected"),
    [
        ("Sales grew from 3 to 5 billion units.", "5 billion", ("count", 5e9, 5e9, 5e9)),
        (
            "The jobless rate moved from 4 to 4.6 percent.",
            "4.6 percent",
            ("percent", 4.6, 4.6, 4.6),
        ),
        ("Its price went from 2 to $3.5 million.", "$3.5 million", ("money", 3.5e6, 3.5e6, 3.5e6)),
    ],
)
def test_a_start_whose_unit_stands_with_the_far_end_is_refused_and_the_far_end_read(
    text, far_end, expected
):
    """The start takes its unit or scale from the far end: refused as a level of its own; the
    far end holds its own unit and is read."""
    start, end = reading_of(text, "from")["levels"]
    assert "reads otherwise alone than in the change" in start["refusal"]
    assert text[start["start"] : start["end"]] == start["text"]
    assert end["text"] == far_end
    assert (end["kind"], end["value"], end["low"], end["high"]) == pytest.approx(expected)


def test_a_range_from_x_to_y_stays_a_range():
    reading = reading_of("Prices ranged from 5% to 10%.", "5%")
    assert (reading["kind"], reading["low"], reading["high"]) == ("percent", 5.0, 10.0)


# --- a gap between two things at one time ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "The rate is 15.94 cents, more than 10% less than the national average.",
            "10%",
            ("multiplier", None, None, 0.9, "upper", "fold"),
        ),
        (
            "Rates are 36% above the national average, a burden.",
            "36%",
            ("multiplier", 1.36, 1.36, 1.36, "exact", "fold"),
        ),
        (
            "Revenue was 20% higher than last year.",
            "20%",
            ("change", 20, 20, 20, "exact", "percent"),
        ),
    ],
)
def test_a_comparison_after_a_mention_is_read_with_it(text, words, expected):
    reading = reading_of(text, words)
    assert (numbers(reading)[0], *numbers(reading)[4:]) == (expected[0], *expected[4:])
    for got, want in zip(numbers(reading)[1:4], expected[1:4], strict=True):
        assert got == (None if want is None else pytest.approx(want))
    assert reading["read_with"].endswith("after it")


def test_a_verb_of_change_with_a_thing_compared_is_refused():
    reading = reading_of("It rose 10% higher than the US.", "10%")
    assert "a change over time or a gap between two things" in reading["refusal"]


def test_points_alone_are_refused_naming_the_percentages_that_may_be_the_scores():
    reading = reading_of("Its accuracy rose from 60% to 72%, a 12-point gain.", "12")
    assert "'points' alone do not say the scale" in reading["refusal"]
    assert "its sentence writes 'rose from 60% to 72%' in percent" in reading["refusal"]
    plain = reading_of("The US kept a 12-point lead.", "12")
    assert "its sentence writes" not in plain["refusal"]


# --- an absolute or a relative gap ------------------------------------------------------------
# Points of a gap are absolute (percentage points only when the words say "percentage");
# a percentage with a comparative is relative (a change, or a multiplier of the thing
# compared); a gap written in percent reads in percent, its words' unit, and the annotator
# declares `unit_as_meant` where the primary shows two percentages; "better" and "worse" say
# neither which way the measure goes nor which gap it is: refused.
@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (  # particle.news (AI Index): the scale of the points is not in the words
            "Chinese AI models have nearly matched U.S. counterparts in performance, with a "
            "previous 20-point gap reduced to just 0.3 points by late 2024.",
            "20-point",
            "refuse",
        ),
        ("The US kept a lead of 12 points on the benchmark.", "12 points", "refuse"),
        (
            "Its accuracy is 5 percentage points higher than GPT-4o's.",
            "5 percentage points higher",
            ("change", 5, 5, 5, "exact", "percentage_point"),
        ),
        (  # particle.news: a gap written in percent keeps its words' unit
            "The performance difference between top closed and open-weight AI models has "
            "narrowed to 1.7%, driving increased accessibility.",
            "1.7%",
            ("percent", 1.7, 1.7, 1.7, "exact", "percent"),
        ),
        (
            "Chinese chips are 30% slower than Nvidia's flagship.",
            "30% slower",
            ("multiplier", 0.7, 0.7, 0.7, "exact", "fold"),
        ),
        (  # binance.com square post on the Ascend 910B
            "Wang Tao claims that the Ascend 910B chip is 20 percent better than the #Nvidia "
            "A100 chip in training performance.",
            "20 percent",
            "refuse",
        ),
        ("DeepSeek scored 3 percentage points worse on coding.", "3 percentage points", "refuse"),
        ("The model is 10% worse at reasoning, the lab said.", "10%", "refuse"),
    ],
)
def test_an_absolute_gap_a_relative_gap_and_a_preference_read_as_the_rules_say(
    text, words, expected
):
    reading = reading_of(text, words)
    if expected == "refuse":
        assert "refusal" in reading, reading
        return
    assert numbers(reading)[0] == expected[0] and numbers(reading)[4:] == expected[4:], reading
    for got, want in zip(numbers(reading)[1:4], expected[1:4], strict=True):
        assert got == pytest.approx(want)


def test_better_or_worse_after_a_percentage_names_the_preference_in_its_refusal():
    reading = reading_of("The chip is 20 percent better than the A100.", "20 percent")
    assert "'better' says which side is preferred" in reading["refusal"]
    assert "relative or in points" in reading["refusal"]
    points = reading_of("It did 3 percentage points worse.", "3 percentage points")
    assert "relative or in points" not in points["refusal"]


# --- classes found in real survey, pricing and funding prose ----------------------------------
# (sentence, words of the mention, expected: a reading (kind, value, low, high, bound, unit),
# ("exclusion", reason) or ("refusal", words of its reason)). Sentences with an address are
# real (also rows of tests/sentences.csv); the others are realistic variants of the class.
WORDS_AROUND_CASES = [
    # a vague word before a scale word: no number
    (
        "The firm hired a few thousand engineers last year.",
        "thousand",
        ("exclusion", vocab.VAGUE_REASON),
    ),
    ("It costs several hundred dollars per server.", "hundred", ("exclusion", vocab.VAGUE_REASON)),
    ("It costs a hundred dollars.", "hundred", ("money", 100, 100, 100, "exact", "usd")),
    # an age or an age group (gfaloe.tech, thehill.com, ts2.ai on Pew's ChatGPT surveys)
    (
        "The share of ChatGPT users drops with age: 41% of those 30 to 49, 25% of those 50 to 64 "
        "and 10% of those 65 and older.",
        "30 to 49",
        ("exclusion", vocab.AGE_REASON),
    ),
    (
        "The survey found that 31 percent of employed Americans between 18 and 29 surveyed in "
        "February said they have used ChatGPT for tasks at work.",
        "between 18 and 29",
        ("exclusion", vocab.AGE_REASON),
    ),
    (
        "Adults under 30 are more likely to use ChatGPT.",
        "under 30",
        ("exclusion", vocab.AGE_REASON),
    ),
    ("Those 5 companies raised $2 billion.", "5", ("count", 5, 5, 5, "exact", "count")),
    (
        "Users over 100 million were counted.",
        "over 100 million",
        ("count", None, 1e8, None, "lower", "count"),
    ),
    # a share of "those" with the words that name them after it
    (
        "The share of ChatGPT users drops with age: 41% of those 30 to 49, 25% of those 50 to 64 "
        "and 10% of those 65 and older.",
        "41%",
        ("percent", 41, 41, 41, "exact", "percent"),
    ),
    (
        "Education also plays a vital role, compared to only 33% of those with some college "
        "experience, and merely 18% of those holding a high school diploma or less.",
        "18%",
        ("percent", 18, 18, 18, "exact", "percent"),
    ),
    ("Half of them left the firm.", "Half", ("refusal", "a whole named earlier")),
    ("About 30% of those chips were sold abroad.", "30%", ("refusal", "a whole named earlier")),
    # "one" after a determiner (dreaming.press)
    (
        "The headline example, the one that makes it into every keynote: GPT-3.5-level output "
        "cost $20 per million tokens in November 2022 and $0.07 by October 2024.",
        "one",
        ("exclusion", vocab.PRONOUN_REASON),
    ),
    ("No one expected China to catch up.", "one", ("exclusion", vocab.PRONOUN_REASON)),
    # a person's age in apposition, between commas after a name
    ("Altman, 38, said it would.", "38", ("exclusion", vocab.AGE_REASON)),
    ("In March, 31, firms filed.", "31", ("count", 31.0, 31.0, 31.0, "exact", "count")),
    ("Apple, 12, and Google, 9, filed.", "12", ("count", 12.0, 12.0, 12.0, "exact", "count")),
    ("DeepSeek released one model and two papers.", "one", ("count", 1, 1, 1, "exact", "count")),
    # money after a price per a unit in its clause (dreaming.press)
    (
        "The headline example, the one that makes it into every keynote: GPT-3.5-level output "
        "cost $20 per million tokens in November 2022 and $0.07 by October 2024.",
        "$0.07",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Data centers pay roughly $0.03/kWh for electricity while American operators pay $0.08.",
        "$0.08",
        ("refusal", "written once, may hold for it too"),
    ),
    (  # greaterwrong.com: another clause, an amount of its own
        "At $2 per H100-hour, $3 billion buys 6 months of time on 300K H100s.",
        "$3 billion",
        ("money", 3e9, 3e9, 3e9, "exact", "usd"),
    ),
    # "by N" refused alone, read with its verb; after a participle of a doer, a count
    (
        "Utilities will need to increase revenue by 10-19% annually to meet demand.",
        "10-19%",
        ("change", None, 10, 19, "range", "percent_per_year"),
    ),
    (
        "Mistral is building a platform powered by 18,000 Grace Blackwell systems.",
        "18,000",
        ("count", 18000, 18000, 18000, "exact", "count"),
    ),
    (
        "The letter was signed by over 1,000 researchers.",
        "1,000",
        ("count", None, 1000, None, "lower", "count"),
    ),
    # a verb that raises its object, as one that cuts it, gives "by N" its direction
    (
        "The price was boosted by 5,000 yuan.",
        "5,000",
        ("change", 5000, 5000, 5000, "exact", "cny"),
    ),
    # "a year" after "in", "of", "within": a span, no rate
    (
        "The share has risen sharply by 14% in less than two-thirds of a year.",
        "14%",
        ("change", 14, 14, 14, "exact", "percent"),
    ),
    (
        "Revenue rose by 20% within a year of launch.",
        "20%",
        ("change", 20, 20, 20, "exact", "percent"),
    ),
    ("They spend $5 billion on chips a year.", "$5 billion", ("refusal", "a rate a year")),
    # a span right after another figure is its period (chamber.org.hk)
    (
        "In China, expenditure on research and experimental development rose by nearly 50% in 4 "
        "years, reaching RMB 3.6 trillion (about US$500 billion) in 2024.",
        "4 years",
        ("refusal", "its period"),
    ),
    ("China could overtake the US in 3 years.", "3 years", ("duration", 3, 3, 3, "exact", "year")),
    # ... and so is one after a figure and its noun of change (zubnet.ai)
    (
        "This roughly 10–50x price reduction in 18 months came from three converging forces.",
        "18 months",
        ("refusal", "its period"),
    ),
    ("It saw a 40% rise in three years.", "three years", ("refusal", "its period")),
    ("Its best model came in 18 months.", "18 months", ("duration", 18, 18, 18, "exact", "month")),
    # "N and a half" is one number (thepakistanconnect.com)
    (
        "After a mere three and a half years since its release in November 2022, ChatGPT is now "
        "the quickest app in history to achieve 1 billion monthly users.",
        "three",
        ("duration", 3.5, 3.5, 3.5, "exact", "year"),
    ),
    (
        "It raised one and a half billion dollars.",
        "one",
        ("money", 1.5e9, 1.5e9, 1.5e9, "exact", "usd"),
    ),
    # a period of comparison up to now makes a change (ainvest.com on Nvidia's stock)
    (
        "The 910C's rollout has already triggered a 5.5–7% drop in Nvidia's stock since April "
        "2025, pushing shares below $900—a 28.5% year-to-date decline.",
        "28.5%",
        ("change", -28.5, -28.5, -28.5, "exact", "percent"),
    ),
    ("Shares are up 12% YTD.", "12%", ("change", 12, 12, 12, "exact", "percent")),
    # a bound right after a verb of change names the level crossed, not the change
    ("Nvidia's shares fell below $900 in April.", "$900", ("refusal", "names the level crossed")),
    ("Its share rose above 10% last year.", "10%", ("refusal", "names the level crossed")),
    ("Sales rose over 10% last year.", "10%", ("change", None, 10, None, "lower", "percent")),
    ("Costs fell by under 5% last year.", "5%", ("change", None, -5, None, "lower", "percent")),
    # "double" as a verb with nothing it multiplies (chinadailybrief.com); with an object, a ratio
    (
        "Valuations in China's AI space have accelerated rapidly in recent months, with some "
        "companies seeing valuations double in a matter of weeks.",
        "double",
        ("change", 2, 2, 2, "exact", "fold"),
    ),
    ("It takes double the compute.", "double", ("multiplier", 2, 2, 2, "exact", "fold")),
    # a span right after a multiplier word of change (news.crunchbase.com)
    (
        "If true, it means the company's valuation has doubled in just four months, a clear "
        "sign of increasing frothiness in how AI companies are valued in China.",
        "four months",
        ("refusal", "its period"),
    ),
    # a bound before "the" and a mark (chinadailybrief.com)
    (
        "A prominent Chinese artificial-intelligence startup has secured more than $700 million "
        "in fresh capital in a round led by Alibaba and Tencent, pushing its valuation past the "
        "$10 billion mark.",
        "$10 billion",
        ("refusal", "makes it a bound"),
    ),
    (
        "Revenue hit the $10 billion mark.",
        "$10 billion",
        ("money", 1e10, 1e10, 1e10, "exact", "usd"),
    ),
    # a bare figure after "compared with" a change continues it (fdiintelligence.com)
    (
        "China's electricity prices rose much faster than those in the US over the past 10 "
        "years; in fact, rates in China have risen 17.5% over the decade, compared with 11.9% in "
        "the U.S.",
        "11.9%",
        ("change", 11.9, 11.9, 11.9, "exact", "percent"),
    ),
    (
        "China holds 30% of the market, compared with 45% for the US.",
        "45%",
        ("percent", 45, 45, 45, "exact", "percent"),
    ),
    # a bound after what is counted (csis.org on the export controls)
    (
        "The October 2022 controls added license requirements for NAND flash memory chips with "
        "128 layers or more.",
        "128",
        ("count", None, 128, None, "lower", "count"),
    ),
    (
        "Firms with 500 employees or fewer are exempt.",
        "500",
        ("count", None, None, 500, "upper", "count"),
    ),
    (
        "They hired 200 engineers and more were planned.",
        "200",
        ("count", 200, 200, 200, "exact", "count"),
    ),
    # a comparison that is all its bracket holds
    ("Most expect fewer jobs (5% more jobs).", "5%", ("refusal", "all its bracket holds")),
    # a comparative, the measure, then "than": read with the words from "than"
    (
        "Its chips use less power (40% lower energy use than the H100).",
        "40%",
        ("multiplier", 0.6, 0.6, 0.6, "exact", "fold"),
    ),
    (
        "People who have heard a little about AI are 19% more likely to express concern today "
        "than they were in December 2022.",
        "19%",
        ("change", 19, 19, 19, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), WORDS_AROUND_CASES)
def test_the_words_around_a_number_decide_its_reading(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] == "exclusion":
        assert reading == {"exclusion": expected[1]}, reading
        return
    if expected[0] == "refusal":
        assert "refusal" in reading and expected[1] in reading["refusal"], reading
        return
    assert numbers(reading)[0] == expected[0] and numbers(reading)[4:] == expected[4:], reading
    for got, want in zip(numbers(reading)[1:4], expected[1:4], strict=True):
        assert got == (None if want is None else pytest.approx(want)), reading


# --- rules two readers could read differently (docs/annotations.md), each settled once -------
# (sentence, words of the mention, expected): a reading (kind, value, low, high, bound, unit),
# ("exclusion", reason) or ("refusal", words of the reason). Written before the code was run.
RANK = vocab.RANK_REASON
SETTLED_CASES = [
    # a group chosen by rank: its size says which ones, not how many of something
    ("The five largest cloud firms spent heavily on servers.", "five", ("exclusion", RANK)),
    ("Only the first 500 customers will receive the chip.", "500", ("exclusion", RANK)),
    ("The final 250 kits go to schools.", "250", ("exclusion", RANK)),
    ("The lab's latest 6 models are open.", "6", ("exclusion", RANK)),
    ("Its most recent 30 filings were late.", "30", ("exclusion", RANK)),
    ("Its 20 best-selling phones run on local chips.", "20", ("exclusion", RANK)),
    ("The country's three most valuable startups build models.", "three", ("exclusion", RANK)),
    (
        "The bank made the 12 interest payments on time.",
        "12",
        ("count", 12, 12, 12, "exact", "count"),
    ),
    ("The lab hired 40 engineers last year.", "40", ("count", 40, 40, 40, "exact", "count")),
    # a limit written as a noun bounds the quantity it limits
    (
        "The new law puts a cap of $3 billion on subsidies.",
        "$3 billion",
        ("money", None, None, 3e9, "upper", "usd"),
    ),
    (
        "Exporters pay a minimum levy of 15% under the rule.",
        "15%",
        ("percent", None, 15, None, "lower", "percent"),
    ),
    (
        "The plan sets a 5% ceiling on fee rises.",
        "5%",
        ("percent", None, None, 5, "upper", "percent"),
    ),
    (
        "Chipmakers face a $1 billion floor on penalties.",
        "$1 billion",
        ("money", None, 1e9, None, "lower", "usd"),
    ),
    # "market cap" is a value, no limit
    (
        "Its market cap of $2 trillion leads the sector.",
        "$2 trillion",
        ("money", 2e12, 2e12, 2e12, "exact", "usd"),
    ),
    ("The fund has a cap of about $4 billion.", "$4 billion", ("refusal", "bound of its own")),
    # verbs of passing a level are lower bounds, as "surpassed" is
    (
        "Nvidia's market value crossed $4 trillion in July.",
        "$4 trillion",
        ("money", None, 4e12, None, "lower", "usd"),
    ),
    (
        "Its share could surpass 40% by 2030.",
        "40%",
        ("percent", None, 40, None, "lower", "percent"),
    ),
    ("The convoy crossed 4 bridges before noon.", "4", ("refusal", "things crossed")),
    # a mark passed by a verb after it is a bound the mention does not hold; "hit" reaches it
    ("The 2 million mark was passed in May.", "2 million", ("refusal", "a mark passed")),
    (
        "The $20 billion mark was hit in May.",
        "$20 billion",
        ("money", 2e10, 2e10, 2e10, "exact", "usd"),
    ),
    # a percentage before a noun that is itself a percentage and a noun of change
    (
        "The government approved a 15% duty increase on solar panels.",
        "15%",
        ("refusal", "new level of the duty"),
    ),
    (
        "Analysts reported a 15% price increase for memory chips.",
        "15%",
        ("change", 15, 15, 15, "exact", "percent"),
    ),
    # a count before a noun of change is the size of the change
    (
        "Jobless claims showed a 12,000 drop last week.",
        "12,000",
        ("change", -12000, -12000, -12000, "exact", "count"),
    ),
    # a level after "to" stays a level, but a noun of change as the subject leaves it open
    # (the level its rate reached or the size of the change); things lost or added are counted
    ("Growth slowed to 5% last quarter.", "5%", ("refusal", "noun of change as the subject")),
    (
        "The firm reported a loss of 2,000 jobs.",
        "2,000",
        ("count", 2000, 2000, 2000, "exact", "count"),
    ),
    # two years joined by a spaced dash are years; a range of counts stays a range
    ("Exports doubled in 2019 - 2020.", "2019", ("exclusion", YEAR_REASON)),
    # a year after a prefix that dates it is a year, never a count nor a refusal
    ("Chip output had tripled by end-2018.", "2018", ("exclusion", YEAR_REASON)),
    ("Prices fell back to pre-2019 levels.", "2019", ("exclusion", YEAR_REASON)),
    (
        "They ordered 1500 - 2000 servers.",
        "1500",
        ("count", None, 1500, 2000, "range", "count"),
    ),
    # "estimated to" makes the figure an estimate; "expected to" a forecast, read as stated
    (
        "Chip imports are estimated to fall 6% this year.",
        "6%",
        ("change", -6, -6, -6, "approximate", "percent"),
    ),
    ("Losses are estimated to exceed $3 billion.", "$3 billion", ("refusal", "bound of its own")),
    ("The stake is expected to reach 30%.", "30%", ("percent", 30, 30, 30, "exact", "percent")),
    # the same kind of level at another time: a change; another thing: a multiplier
    (
        "Wafer prices now run 12% above levels charged in 2023.",
        "12%",
        ("change", 12, 12, 12, "exact", "percent"),
    ),
    (
        "Salaries there are 30% below those paid in 2021.",
        "30%",
        ("change", -30, -30, -30, "exact", "percent"),
    ),
    (
        "Power there costs 25% below the regional average.",
        "25%",
        ("multiplier", 0.75, 0.75, 0.75, "exact", "fold"),
    ),
    # the span a record reaches back over is a duration, as a span of work is
    (
        "Shares logged their sharpest drop in six years.",
        "six years",
        ("duration", 6, 6, 6, "exact", "year"),
    ),
    ("The dam was finished in six years.", "six years", ("duration", 6, 6, 6, "exact", "year")),
    # "over" after "in", "for" or "within" is a bound (the preposition gives the period)
    (
        "The review ran for over six months.",
        "six months",
        ("duration", None, 6, None, "lower", "month"),
    ),
    ("Revenue grew 8% over six months.", "six months", ("refusal", "'over' before a span")),
    # "N times faster than": a ratio of the two speeds; "pc" is percent
    (
        "The new model answers five times faster than the old one.",
        "five times",
        ("multiplier", 5, 5, 5, "exact", "fold"),
    ),
    ("Output rose 4pc in June.", "4pc", ("change", 4, 4, 4, "exact", "percent")),
    # a fraction after "by" and a hedge is the size of the change
    (
        "Memory prices fell by nearly a third in 2023.",
        "a third",
        ("change", -100 / 3, -100 / 3, -100 / 3, "approximate", "percent"),
    ),
    # a currency sign and a unit after a bare number: a price per that unit, where the project
    # has one
    (
        "Retail power sells for 0.12 $/kWh in Texas.",
        "0.12",
        ("price", 0.12, 0.12, 0.12, "exact", "usd_per_kwh"),
    ),
    ("A ride costs 3 $/km there.", "3", ("refusal", "price per a unit")),
]


@pytest.mark.parametrize(("text", "words", "expected"), SETTLED_CASES)
def test_a_rule_two_readers_could_read_differently_reads_one_way(text, words, expected):
    test_the_words_around_a_number_decide_its_reading(text, words, expected)


# --- a unit written once for several figures, the far figure of a comparison, side effects ---
# (sentence, words of the mention, expected as in WORDS_AROUND_CASES). All in our own words.
WRITTEN_ONCE_CASES = [
    # the compared figure's unit is words the project cannot read: the far figure may share
    # them ("per million tokens"), so it is refused too, never plain dollars
    (
        "The API costs $0.28 per million tokens, down from $1.10.",
        "$1.10",
        ("refusal", "'down from'"),
    ),
    # a limit noun after a verb and "a": the bound the limit sets
    ("It set a limit of 40% on imports.", "40%", ("percent", None, None, 40.0, "upper", "percent")),
    # a unit written once after the last figure of a list joined by "and", "or", "vs", commas:
    # every figure of the list takes it
    (
        "Revenue reached 93.1 billion and 71.1 billion yuan in the two years.",
        "93.1 billion",
        ("money", 93.1e9, 93.1e9, 93.1e9, "exact", "cny"),
    ),
    (
        "The two campuses draw 3 and 5 gigawatts.",
        "3",
        ("quantity", 3, 3, 3, "exact", "gigawatt"),
    ),
    (
        "Capacity is 1.5, 2 or 3 gigawatts by plan.",
        "2",
        ("quantity", 2, 2, 2, "exact", "gigawatt"),
    ),
    (
        "Capacity is 1.5, 2 or 3 gigawatts by plan.",
        "1.5",
        ("quantity", 1.5, 1.5, 1.5, "exact", "gigawatt"),
    ),
    (
        "Bids came in at 40 million vs 55 million euros.",
        "40 million",
        ("money", 40e6, 40e6, 40e6, "exact", "eur"),
    ),
    # ... refused where that unit is not one of the project's, or the items cannot share it
    ("The chip trails its rival (312 vs 989 TFLOPS) on dense math.", "312", ("refusal", "TFLOPS")),
    ("Its fabs make chips at 2, 3 and 4 nanometres.", "2", ("refusal", "nanometres")),
    ("Its fabs make chips at 2, 3 and 4 nanometres.", "3", ("refusal", "nanometres")),
    ("It spent 4 billion, or 7%, on chips.", "4 billion", ("refusal", "written once")),
    # two figures joined by a comma and "and" are two clauses, not a list: the unit is not taken
    ("It hired 300, and 5 GW went online.", "300", ("count", 300, 300, 300, "exact", "count")),
    ("Capacity is 1.5, 2, or 3 gigawatts.", "2", ("quantity", 2, 2, 2, "exact", "gigawatt")),
    # a scale written once after the last figure may hold for the others too: refused
    ("Sales were 5, 6 and 7 million units.", "5", ("refusal", "written once")),
    ("Bids came in at 40 vs 55 million euros.", "40", ("refusal", "written once")),
    ("It booked sales of 3 and 5 billion yuan.", "3", ("refusal", "written once")),
    # a list after a verb of change: the verb is the first figure's, so the others are refused
    (
        "Scores rose by 18.8, 48.9, and 67.3 percentage points on MMMU.",
        "18.8",
        ("change", 18.8, 18.8, 18.8, "exact", "percentage_point"),
    ),
    (
        "Revenue rose by 5 billion, 6 billion and 7 billion yuan.",
        "6 billion",
        ("refusal", "written once"),
    ),
    # what each figure counts, written once after the last, is a count
    ("They shipped 5 and 7 robots.", "5", ("count", 5, 5, 5, "exact", "count")),
    # the far figure of "down from", "up from", "compared with" takes the unit of the figure it
    # is compared with, or is refused when it cannot
    ("Rent now runs about $2 an hour, down from above $7 last year.", "$7", ("refusal", "hour")),
    (
        "Power costs $0.05 per kWh, down from $0.08.",
        "$0.08",
        ("price", 0.08, 0.08, 0.08, "exact", "usd_per_kwh"),
    ),
    ("Rent runs $2 an hour, compared with $7 in 2020.", "$7", ("refusal", "an hour")),
    (
        "Revenue hit $5 billion in 2025, up from $3 billion.",
        "$3 billion",
        ("money", 3e9, 3e9, 3e9, "exact", "usd"),
    ),
    ("The share rose to 40%, up from 30%.", "30%", ("percent", 30, 30, 30, "exact", "percent")),
    # an adjective before the noun a figure qualifies is no verb of change
    (
        "It had a narrow 2 percentage point lead.",
        "2 percentage point",
        ("percent", 2, 2, 2, "exact", "percentage_point"),
    ),
    (
        "The gap narrowed 2 percentage points.",
        "2",
        ("change", -2, -2, -2, "exact", "percentage_point"),
    ),
    ("Its lower 5% tariff covers chips.", "5%", ("percent", 5, 5, 5, "exact", "percent")),
    ("Its declining 5% share worries investors.", "5%", ("percent", 5, 5, 5, "exact", "percent")),
    # ... but a noun of change after a determiner heads the phrase: a change, with its hedge
    (
        "Lenders braced for a decline exceeding 10% in home sales.",
        "10%",
        ("change", None, None, -10, "upper", "percent"),
    ),
    (
        "Planners now budget for an increase exceeding 20% in cloud bills.",
        "20%",
        ("change", None, 20, None, "lower", "percent"),
    ),
    (
        "The chipmaker posted a fall greater than 15% in orders.",
        "15%",
        ("change", None, None, -15, "upper", "percent"),
    ),
    # a participle after a determiner stays an adjective of the noun after the figure
    (
        "The survey found a narrowing 3 percentage point gap.",
        "3 percentage point",
        ("percent", 3, 3, 3, "exact", "percentage_point"),
    ),
    # a count level after a multiplier, and a count named by the clause after it
    (
        "Users grew fivefold to 36 million in six months.",
        "36 million",
        ("count", 36e6, 36e6, 36e6, "exact", "count"),
    ),
    (
        "China bought less than half the 2.5 million Nvidia sold.",
        "2.5 million",
        ("count", 2.5e6, 2.5e6, 2.5e6, "exact", "count"),
    ),
    # a percentage point change writes the percent its level is in: a bare level stays refused
    ("Its share rose 5 percentage points to 36 in 2024.", "36", ("refusal", "written once")),
    # words after a count that are a unit, not a clause of a name and its verb, stay refused
    ("It holds the 1,510 Elo record.", "1,510", ("refusal", "Elo")),
    # money per a unit of goods, with "a" or "per", and a bare amount set against it
    ("Iron ore fetched $104.50 a tonne in May.", "$104.50", ("refusal", "unit of goods")),
    ("Copper rose to $9,800 a metric ton.", "$9,800", ("refusal", "unit of goods")),
    (
        "Freight cost $1,750 per 40-foot container, against a $1,400 average a month earlier.",
        "$1,750",
        ("refusal", "per '40-foot container'"),
    ),
    (
        "Freight cost $1,750 per 40-foot container, against a $1,400 average a month earlier.",
        "$1,400",
        ("refusal", "written once"),
    ),
    # ... a span of time after "a" stays a rate or a date, an adjective opens a phrase
    (
        "The firm raised $6 billion a year ago.",
        "$6 billion",
        ("money", 6e9, 6e9, 6e9, "exact", "usd"),
    ),
    (
        "The round closed at $6 billion, a record for the sector.",
        "$6 billion",
        ("money", 6e9, 6e9, 6e9, "exact", "usd"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), WRITTEN_ONCE_CASES)
def test_a_unit_written_once_or_with_the_figure_compared_holds_or_refuses(text, words, expected):
    test_the_words_around_a_number_decide_its_reading(text, words, expected)


# --- leftovers of the last rounds (docs/annotations.md names each rule) ------------------------
# (sentence, words of the mention, expected): a reading, ("exclusion", reason) or ("refusal",
# words of the reason). Written before the code was run.
LEFTOVER_CASES = [
    # every form of a declared verb of change in "-ing", "-s" and "-ed" is one of change
    ("Shares are sliding 3% today.", "3%", ("change", -3, -3, -3, "exact", "percent")),
    ("The index was tumbling 4% by noon.", "4%", ("change", -4, -4, -4, "exact", "percent")),
    ("Sales are shrinking 8% this year.", "8%", ("change", -8, -8, -8, "exact", "percent")),
    ("Bookings are dipping 2%.", "2%", ("change", -2, -2, -2, "exact", "percent")),
    ("Its stock is slipping 7% this week.", "7%", ("change", -7, -7, -7, "exact", "percent")),
    ("Profits were ballooning 40%.", "40%", ("change", 40, 40, 40, "exact", "percent")),
    ("Revenue balloons 40%.", "40%", ("change", 40, 40, 40, "exact", "percent")),
    ("The index sheds 2% at the open.", "2%", ("change", -2, -2, -2, "exact", "percent")),
    ("The miner is losing 4% today.", "4%", ("change", -4, -4, -4, "exact", "percent")),
    (
        "The gap widens 3 percentage points.",
        "3 percentage points",
        ("change", 3, 3, 3, "exact", "percentage_point"),
    ),
    # ... and every such form of a verb of growth right before "N times a year" leaves it
    # refused: how often it grew each year, or a growth factor each year?
    (
        "Training compute is multiplying 4 times a year.",
        "4 times a year",
        ("refusal", "growth factor"),
    ),
    ("Training compute multiplies 4 times a year.", "4 times a year", ("refusal", "growth")),
    # ... and of a verb that carries its own size before its object and a percentage
    ("The firm doubles revenue 20%.", "20%", ("refusal", "carries its own size")),
    # ... and before a share of another's whole the verb may act on it: refused, but for a cut
    ("The patch improves 30% of queries.", "30%", ("refusal", "may act on that share")),
    ("The patch improved 30% of queries.", "30%", ("refusal", "may act on that share")),
    ("The bank declined 5% of applications.", "5%", ("refusal", "may act on that share")),
    ("The firm is trimming 5% of staff.", "5%", ("change", -5, -5, -5, "exact", "percent")),
    ("Shares fell 17% of their value.", "17%", ("change", -17, -17, -17, "exact", "percent")),
    # ... after a determiner a participle still qualifies the noun, and a noun stays a noun
    ("Its sliding 5% share worried the board.", "5%", ("percent", 5, 5, 5, "exact", "percent")),
    ("The firm launched 20 rockets.", "20", ("count", 20, 20, 20, "exact", "count")),
    # a month after "in", "by", "since", "until" is a date, not the modal "may"
    (
        "Prices rose about 5% in May and 7% in June.",
        "7%",
        ("change", 7, 7, 7, "approximate", "percent"),
    ),
    (
        "Sales fell nearly 4% by May and 6% by August.",
        "6%",
        ("change", -6, -6, -6, "approximate", "percent"),
    ),
    (
        "Prices fell about 2% since May and 1% since June.",
        "1%",
        ("change", -1, -1, -1, "approximate", "percent"),
    ),
    # a list after a plural noun of change is a list of changes
    (
        "Analysts noted declines of 6% and 9% across the regions.",
        "9%",
        ("change", -9, -9, -9, "exact", "percent"),
    ),
    (
        "Analysts noted declines of 6%, 8% and 9% across the regions.",
        "9%",
        ("change", -9, -9, -9, "exact", "percent"),
    ),
    (
        "The survey found increases of 3% and 5% for most firms.",
        "5%",
        ("change", 5, 5, 5, "exact", "percent"),
    ),
    (
        "The group reported increases of 10% and 12% among its brands.",
        "12%",
        ("change", 12, 12, 12, "exact", "percent"),
    ),
    # three or more figures share a unit written once after the last
    (
        "The utility weighed plants of 150, 300 or 500 megawatts.",
        "150",
        ("quantity", 0.15, 0.15, 0.15, "exact", "gigawatt"),
    ),
    (
        "The bids came in at 2, 4, 6 and 8 gigawatts.",
        "2",
        ("quantity", 2, 2, 2, "exact", "gigawatt"),
    ),
    # a figure's own unit word wins over the compared figure's unit: "points" after a figure
    # in percentage points are percentage points; against a percentage they stay refused
    (
        "The gap narrowed to 1.7 percentage points, down from 9.3 points a year earlier.",
        "9.3 points",
        ("percent", 9.3, 9.3, 9.3, "exact", "percentage_point"),
    ),
    ("Its share was 12%, down from 15 points.", "15 points", ("refusal", "points")),
    ("The lead is 2 percentage points, versus 5 points.", "5 points", ("refusal", "points")),
    (
        "The lead is 2 percentage points, down from 5 points of the index.",
        "5 points",
        ("refusal", "points"),
    ),
    # percentage points alone after a verb declared neither of change nor of a level
    ("Bond yields are easing 0.1 percentage points.", "0.1", ("refusal", "'easing'")),
    # "up to" after a verb of a small move is the level reached, not a bound
    ("Unemployment edges up to 3.9%.", "3.9%", ("percent", 3.9, 3.9, 3.9, "exact", "percent")),
    (
        "The jobless rate ticked up to 4.1% in March.",
        "4.1%",
        ("percent", 4.1, 4.1, 4.1, "exact", "percent"),
    ),
    ("Cloud customers could save up to 40%.", "40%", ("refusal", "save")),
    # "by X to Y" without "by", and a figure after "following", stay refused
    ("The brand lifted its share 0.4 points to 31%.", "0.4 points", ("refusal", "points")),
    (
        "Prices rose 0.5% in June, following a mere 0.2% in May.",
        "0.2%",
        ("refusal", "following"),
    ),
    # a name and a verb in the past tense after a count: the count's object clause
    (
        "Half the 2.5 million Nvidia sold went to China.",
        "2.5 million",
        ("count", 2.5e6, 2.5e6, 2.5e6, "exact", "count"),
    ),
    (
        "Half the 300 Huawei took went to banks.",
        "300",
        ("count", 300, 300, 300, "exact", "count"),
    ),
    ("Of the 80 Meta kept, 20 left.", "80", ("count", 80, 80, 80, "exact", "count")),
    (
        "Half the 900 Baidu drew came from banks.",
        "900",
        ("count", 900, 900, 900, "exact", "count"),
    ),
    # a unit after "and" with a verb of its own starts a new clause: not written once
    # (without the comma the words cannot tell a list from two clauses: refused, naming the verb)
    ("It hired 300 and 5 GW went online.", "300", ("refusal", "clause of its own")),
    (
        "Plants of 300 and 500 MW went online.",
        "300",
        ("quantity", 0.3, 0.3, 0.3, "exact", "gigawatt"),
    ),
    ("It hired 300, and 5 GW.", "300", ("refusal", "two clauses by the rule")),
    # a noun of change not declared before: "a 0.2% uptick" is a rise
    ("Prices saw a 0.2% uptick in April.", "0.2%", ("change", 0.2, 0.2, 0.2, "exact", "percent")),
]


@pytest.mark.parametrize(("text", "words", "expected"), LEFTOVER_CASES)
def test_a_leftover_form_reads_as_the_rules_say(text, words, expected):
    test_the_words_around_a_number_decide_its_reading(text, words, expected)


# --- a figure read with its neighbours, its currency sign and its noun (sentence, words, an
# expected reading or ("refusal", words of its reason)) ---
NEIGHBOUR_CASES = [
    # a bare figure continues a change across a place phrase, an adverb or a name and comma
    (
        "Shipments fell 8.2% at the northern plant, 5.1% at the southern plant, and 2.4% at "
        "the coastal one.",
        "5.1%",
        ("change", -5.1, -5.1, -5.1, "exact", "percent"),
    ),
    (
        "Shipments fell 8.2% at the northern plant, 5.1% at the southern plant, and 2.4% at "
        "the coastal one.",
        "2.4%",
        ("change", -2.4, -2.4, -2.4, "exact", "percent"),
    ),
    (
        "Sales rose 14 percent locally and 9 percent abroad.",
        "9 percent",
        ("change", 9.0, 9.0, 9.0, "exact", "percent"),
    ),
    (
        "Copper output was up 6%, and Chile, 4%.",
        "4%",
        ("change", 4.0, 4.0, 4.0, "exact", "percent"),
    ),
    # ", or" restates the change in other terms: a change in those terms
    (
        "Operating profit climbed 6.5 percent, or $310 million, to $5.1 billion.",
        "$310 million",
        ("change", 3.1e8, 3.1e8, 3.1e8, "exact", "usd"),
    ),
    (
        "Revenue fell $3 billion, or 5%, to $60 billion.",
        "5%",
        ("change", -5.0, -5.0, -5.0, "exact", "percent"),
    ),
    # ... the level it reaches stays a level; a figure of another unit listed after a change
    # (not restating it) is refused
    (
        "Operating profit climbed 6.5 percent, or $310 million, to $5.1 billion.",
        "$5.1 billion",
        ("money", 5.1e9, 5.1e9, 5.1e9, "exact", "usd"),
    ),
    ("Sales rose 5% in May and 300 in June.", "300", ("refusal", "another unit")),
    # near neighbours that keep their reading: a level in another clause, a list of levels
    (
        "Prices rose 5% in May, and unemployment stood at 4%.",
        "4%",
        ("percent", 4.0, 4.0, 4.0, "exact", "percent"),
    ),
    (
        "Its share was 12% at home and 9% abroad.",
        "9%",
        ("percent", 9.0, 9.0, 9.0, "exact", "percent"),
    ),
    # a currency sign with its country's letters, spaced or reversed, is that currency
    (
        "Total receipts from visitors amounted to US$ 3.2 billion.",
        "3.2 billion",
        ("money", 3.2e9, 3.2e9, 3.2e9, "exact", "usd"),
    ),
    (
        "The club is valued at $US2.4bn by the magazine.",
        "2.4bn",
        ("money", 2.4e9, 2.4e9, 2.4e9, "exact", "usd"),
    ),
    # (a currency the project lacks is refused, never a count)
    ("The club is valued at A$ 900 million.", "900 million", ("refusal", "'A$'")),
    # ... a scaled number after a sign and a space is never a count
    ("The fund holds £ 2 billion.", "2 billion", ("money", 2e9, 2e9, 2e9, "exact", "gbp")),
    ("The two firms employ 40 staff.", "40", ("count", 40.0, 40.0, 40.0, "exact", "count")),
    # a figure alone in brackets after each item of a list that follows a change: a level, a
    # share or the item's change, which the words do not settle
    ("Costs rose 20%: parts (15%) and labour (25%).", "15%", ("refusal", "in brackets")),
    ("Costs rose 20%: parts (15%) and labour (25%).", "25%", ("refusal", "in brackets")),
    (
        "Prices showed increases across the board: food (4.1%), fuel (2.2%) and rent (1.5%).",
        "2.2%",
        ("refusal", "in brackets"),
    ),
    (
        "Sales grew in most categories, including furniture (3.1%) and clothing (2.4%).",
        "3.1%",
        ("refusal", "in brackets"),
    ),
    # ... a bracket restating a share, a list of shares with no change, and signed figures stay
    (
        "AI use rose this year, and about a quarter of firms (26%) now use it daily.",
        "26%",
        ("percent", 26.0, 26.0, 26.0, "exact", "percent"),
    ),
    (
        "The market is split: Nvidia (80%) and AMD (20%).",
        "80%",
        ("percent", 80.0, 80.0, 80.0, "exact", "percent"),
    ),
    (
        "Sales rose in May: food (+4.1%) and fuel (-2.2%).",
        "-2.2%",
        ("change", -2.2, -2.2, -2.2, "exact", "percent"),
    ),
    # a noun of a rise after a percentage, up to three words after it
    (
        "Clothing sales posted a small 2% advance.",
        "2%",
        ("change", 2.0, 2.0, 2.0, "exact", "percent"),
    ),
    (
        "The retailer reported a 4.5 percent online revenue gain in March.",
        "4.5 percent",
        ("change", 4.5, 4.5, 4.5, "exact", "percent"),
    ),
    (
        "The index logged a 3% quarter-on-quarter price decline.",
        "3%",
        ("change", -3.0, -3.0, -3.0, "exact", "percent"),
    ),
    # ... an amount paid "in advance" is no change, nor a share before a function word
    (
        "They paid $2 billion in advance.",
        "$2 billion",
        ("money", 2e9, 2e9, 2e9, "exact", "usd"),
    ),
    (
        "About 40% of the revenue growth came from chips.",
        "40%",
        ("percent", 40.0, 40.0, 40.0, "approximate", "percent"),
    ),
    # "by a(n)", adjectives, then the figure: read with the verb of change of its clause
    (
        "Revenue grew by a healthy 12% to $4 billion in the quarter.",
        "12%",
        ("change", 12.0, 12.0, 12.0, "exact", "percent"),
    ),
    (
        "Exports fell by a sharp 7% in May.",
        "7%",
        ("change", -7.0, -7.0, -7.0, "exact", "percent"),
    ),
    (
        "Exports rose by a better-than-expected 5% in May.",
        "5%",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    # ... with no verb of change in its clause it is refused; a doer after "by" stays a count
    ("The price is set by a healthy 12% markup.", "12%", ("refusal", "12%")),
    (
        "The plant was built by a local firm with 300 staff.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    # a span joined by a hyphen, a comma and another modifier before the noun: still a kind
    (
        "Investors bought 10-year, inflation-linked bonds worth $2 billion.",
        "10-year",
        ("refusal", "a span joined"),
    ),
    ("The firm signed a five-year, fixed-price contract.", "five-year", ("refusal", "a span")),
    # ... before a difference in time it stays a span claimed; a span with no hyphen stays
    (
        "The US holds a two-year, widening lead.",
        "two-year",
        ("duration", 2.0, 2.0, 2.0, "exact", "year"),
    ),
    (
        "The plan runs for 10 years, officials said.",
        "10 years",
        ("duration", 10.0, 10.0, 10.0, "exact", "year"),
    ),
    # a plural noun of change, "at" and a count that names what it counts: a count
    (
        "Profits benefited from capacity increases at four plants in Texas.",
        "four",
        ("count", 4.0, 4.0, 4.0, "exact", "count"),
    ),
    # ... "at" before a percentage after a verb of change stays its rate
    (
        "Chip output grew at 15% in 2024.",
        "15%",
        ("change", 15.0, 15.0, 15.0, "exact", "percent"),
    ),
    # money after "gain of" or "advance of": a profit (or a loan) or a rise, the words do not say
    (
        "The insurer booked a trading gain of $3.4 billion for the year, down 12 percent.",
        "$3.4 billion",
        ("refusal", "gain of"),
    ),
    ("The bank got an advance of $5 million from the fund.", "$5 million", ("refusal", "of")),
    # ... a percentage after it, money after "increase of", and a loss of money stay
    ("Shares saw a gain of 5% on Monday.", "5%", ("change", 5.0, 5.0, 5.0, "exact", "percent")),
    (
        "Revenue showed an increase of $5 billion.",
        "$5 billion",
        ("change", 5e9, 5e9, 5e9, "exact", "usd"),
    ),
    (
        "The firm posted a net loss of $2 billion.",
        "$2 billion",
        ("money", 2e9, 2e9, 2e9, "exact", "usd"),
    ),
    # money "above" or "below" another amount: a difference, refused as "more ... than" is
    (
        "Claims reached $5 billion in 2020, $1.1 billion above the claims for 2019.",
        "$1.1 billion",
        ("refusal", "above"),
    ),
    (
        "The bid came in at $40 million, $2 million below the asking price.",
        "$2 million",
        ("refusal", "below"),
    ),
    # money set against a price per a unit written later in the sentence: its unit may be that
    (
        "Copper has fallen to an average of $8,100, well down from a peak of $9,800 a tonne "
        "in May.",
        "$8,100",
        ("refusal", "a tonne"),
    ),
    (
        "Spot coal sold for $95, compared with $120 per ton a year ago.",
        "$95",
        ("refusal", "per ton"),
    ),
    # ... money set against money, or a price later with nothing setting them against each other
    (
        "The firm raised $8 million, up from $5 million a year earlier.",
        "$8 million",
        ("money", 8e6, 8e6, 8e6, "exact", "usd"),
    ),
    (
        "The miner earned $2 billion as copper hit $9,800 a tonne in May.",
        "$2 billion",
        ("money", 2e9, 2e9, 2e9, "exact", "usd"),
    ),
    # "estimates ... at N" reads as "is estimated at N" does: refused
    (
        "The median rent, which the bureau estimates at $1,450, rose again.",
        "$1,450",
        ("refusal", "'estimates'"),
    ),
    ("Analysts estimate the market at $40 billion.", "$40 billion", ("refusal", "'estimate'")),
    ("The fleet is estimated at $2.5 million.", "$2.5 million", ("refusal", "'estimated'")),
    # ... a verb of saying before a share keeps it
    (
        "Analysts estimate 30% of the chips are smuggled.",
        "30%",
        ("percent", 30.0, 30.0, 30.0, "exact", "percent"),
    ),
    # a hedge written once is lent only to a figure of the same kind and unit; across an
    # apposition of another kind it is refused (a restatement or a list?)
    (
        "Of the 30 clinics inspected, nearly half, 14 of the 30, failed.",
        "14",
        ("refusal", "nearly"),
    ),
    (
        "About 40% came from Asia and 35% from Europe.",
        "35%",
        ("percent", 35.0, 35.0, 35.0, "approximate", "percent"),
    ),
    (
        "Nearly 300 firms and 40 labs signed.",
        "40",
        ("count", 40.0, 40.0, 40.0, "approximate", "count"),
    ),
    # an everyday noun the unit registry also knows as an old unit is what is counted
    (
        "The survey covered 25 barns in the county.",
        "25",
        ("count", 25.0, 25.0, 25.0, "exact", "count"),
    ),
    ("The firm owns 40 chains across Asia.", "40", ("count", 40.0, 40.0, 40.0, "exact", "count")),
    (
        "Crews replaced 300 poles after the storm.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    # ... a unit of measure written as units are stays a unit the mention does not hold
    ("The ship sailed at 20 knots.", "20", ("refusal", "'knots'")),
    ("The farm covers 300 acres.", "300", ("refusal", "'acres'")),
    # "by X to Y" after a change, ends written in full or with no unit: the change and the
    # level it reached, or a range? refused with that reason, never a range read backwards
    ("Jobs fell by 20,000 to 1.2 million.", "20,000", ("refusal", "the level it reached")),
    ("Headcount fell by 1,000 to 52,000.", "1,000", ("refusal", "the level it reached")),
    ("The count dropped by 12 to 1,200.", "12", ("refusal", "the level it reached")),
    # ... a range with its unit or scale written once stays a range
    (
        "Prices rose by 10 to 15 percent.",
        "10",
        ("change", None, 10.0, 15.0, "range", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), NEIGHBOUR_CASES)
def test_a_figure_is_read_with_its_neighbours_its_currency_and_its_noun(text, words, expected):
    test_a_form_that_misread_before_reads_right_or_is_refused_with_its_reason(text, words, expected)


# --- a hedge on a listed change, a limit on a duration, an active "estimated ... at", a span or
# rate with words between, a hedged time of day, "went up to", a range of days after a month --
# (sentence, words of the mention, expected) as in CLASS_CASES.
LATER_CLASS_CASES = [
    # a figure listed after a change continues it, read past its own hedge, which it keeps
    (
        "Steel fell 1.5% on the day and roughly 6% for the week.",
        "6%",
        ("change", -6.0, -6.0, -6.0, "approximate", "percent"),
    ),
    (
        "Output rose 3% in May and nearly 5% in June.",
        "5%",
        ("change", 5.0, 5.0, 5.0, "approximate", "percent"),
    ),
    # ... and with no hedge it reads as before
    (
        "Steel fell 1.5% on the day and 6% for the week.",
        "6%",
        ("change", -6.0, -6.0, -6.0, "exact", "percent"),
    ),
    # ... a bound on the listed figure is not an approximation: its reach on a signed change
    # is not settled, so it is refused, never read as a level
    ("Steel fell 1.5% on the day and over 6% for the week.", "6%", ("refusal", "bound")),
    # ... "compared with" in round brackets, as after a comma
    (
        "Profit rose 3% (compared with 5% in the prior quarter).",
        "5%",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    (
        "Profit rose 3%, compared with 5% in the prior quarter.",
        "5%",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    # ... a hyphenated word in "-ing" before a name is an adjective, no predicate: the list goes on
    (
        "The chain reported sales increases of 11.2% for its diners, 6.4% at fast-growing "
        "Rosie's Grill and 5% at Harbor Fish.",
        "6.4%",
        ("change", 6.4, 6.4, 6.4, "exact", "percent"),
    ),
    (
        "The chain reported sales increases of 11.2% for its diners, 6.4% at growing "
        "Rosie's Grill and 5% at Harbor Fish.",
        "6.4%",
        ("change", 6.4, 6.4, 6.4, "exact", "percent"),
    ),
    # an adjective in "-ing" after "the" is no predicate: "more than the leading port" is a
    # level set against another thing, refused as "more than the nearby port" is
    (
        "The city moved roughly 9 million boxes more than the leading port of Brill at 16 million.",
        "9 million",
        ("refusal", "a comparison"),
    ),
    (
        "The city moved roughly 9 million boxes more than the nearby port of Brill at 16 million.",
        "9 million",
        ("refusal", "a comparison"),
    ),
    # a noun of change keeps its figure across a phrase between them
    (
        "The fare increase for riders was 10%.",
        "10%",
        ("change", 10.0, 10.0, 10.0, "exact", "percent"),
    ),
    ("The fare increase was 10%.", "10%", ("change", 10.0, 10.0, 10.0, "exact", "percent")),
    ("The index posted a gain since June of 21.5 per cent.", "21.5", ("refusal", "a change")),
    (
        "The index posted a gain of 21.5 per cent.",
        "21.5",
        ("change", 21.5, 21.5, 21.5, "exact", "percent"),
    ),
    # "N in every M" is a share of M, refused (the docs name no reading for it yet)
    (
        "Grain now accounts for nearly $1 in every $4 of farm sales.",
        "$1",
        ("refusal", "in every"),
    ),
    ("Grain makes 1 in every 4 farm jobs.", "1", ("refusal", "in every")),
    ("Grain takes 30 cents of every dollar of farm sales.", "30 cents", ("refusal", "of every")),
    # ... a figure before "every" and a span stays what it was: a rate, refused as a rate
    ("Grain ships 30 trucks every day.", "30", ("refusal", "rate")),
    # ... "1 in 4" stays odds
    ("Grain makes 1 in 4 farm jobs.", "1 in 4", ("odds", 25.0, 25.0, 25.0, "exact", "percent")),
    # a span after a word the reader does not know, after another figure in its clause: a
    # misspelt "within" would make it that figure's period: refused
    (
        "The plan could lift farm income to more than $2bn withing ten years.",
        "ten years",
        ("refusal", "withing"),
    ),
    (
        "The plan could lift farm income to more than $2bn within ten years.",
        "ten years",
        ("refusal", "period"),
    ),
    # ... with no figure before it in its clause, a span stays a duration
    ("The plan took ten years.", "ten years", ("duration", 10.0, 10.0, 10.0, "exact", "year")),
    # the same quantity at an earlier time after a comparative: a change, not a multiplier
    (
        "Sales were seven percent below those of the previous year.",
        "seven percent below",
        ("change", -7.0, -7.0, -7.0, "exact", "percent"),
    ),
    (
        "Sales were seven percent below those of last year.",
        "seven percent below",
        ("change", -7.0, -7.0, -7.0, "exact", "percent"),
    ),
    (
        "Analysts expect the harvest to hit 9 million tons, 20% larger than last season's.",
        "20% larger",
        ("change", 20.0, 20.0, 20.0, "exact", "percent"),
    ),
    (
        "The harvest was 20% larger than last year's.",
        "20% larger",
        ("change", 20.0, 20.0, 20.0, "exact", "percent"),
    ),
    (
        "The fund will reach $80 million in 2030, about double what it was in 2020.",
        "about double",
        ("change", 2.0, 2.0, 2.0, "approximate", "fold"),
    ),
    ("Revenue is now twice what it was.", "twice", ("change", 2.0, 2.0, 2.0, "exact", "fold")),
    # ... two things at one time stay a multiplier
    (
        "Revenue is double that of its rival.",
        "double",
        ("multiplier", 2.0, 2.0, 2.0, "exact", "fold"),
    ),
    (
        "Sales were seven percent below those of the rival chain.",
        "seven percent below",
        ("multiplier", 0.93, 0.93, 0.93, "exact", "fold"),
    ),
    # a bare "a third" before a comma is a mention, a share of a whole named elsewhere: refused
    (
        "Here only a third, $5 million out of $15 million, was raised.",
        "a third",
        ("refusal", "no whole"),
    ),
    ("Shares rose for a quarter, then fell.", "a quarter", ("refusal", "no whole")),
    # ... "a third of" keeps its whole, and "by a third" stays a change
    (
        "Here only a third of the $15 million was raised.",
        "a third",
        ("percent", 100 / 3, 100 / 3, 100 / 3, "exact", "percent"),
    ),
    (
        "Revenue fell by a third, to $2 billion.",
        "a third",
        ("change", -100 / 3, -100 / 3, -100 / 3, "exact", "percent"),
    ),
    # a sign glued to a percentage after or before a word of its own direction is a change
    (
        "Of the mills, Oakridge posted the steepest drop at -31%.",
        "-31%",
        ("change", -31.0, -31.0, -31.0, "exact", "percent"),
    ),
    (
        "Following a -1.2% drop on Monday, wheat futures gained 0.8% on Tuesday.",
        "-1.2%",
        ("change", -1.2, -1.2, -1.2, "exact", "percent"),
    ),
    ("Shares fell -3% on the day.", "-3%", ("change", -3.0, -3.0, -3.0, "exact", "percent")),
    # ... a sign against the word's direction is refused
    ("It posted a +4% drop on the day.", "+4%", ("refusal", "direction word")),
    ("Oakridge posted the steepest rise at -31%.", "-31%", ("refusal", "against")),
    # a hyphenated span inside the thing compared is an adjective of it
    (
        "Volume was roughly 40 percent higher than the 30-day average for that hour.",
        "roughly 40 percent higher",
        ("multiplier", 1.4, 1.4, 1.4, "approximate", "fold"),
    ),
    (
        "Volume was roughly 40 percent higher than the usual average for that hour.",
        "roughly 40 percent higher",
        ("multiplier", 1.4, 1.4, 1.4, "approximate", "fold"),
    ),
    # ... another number in the thing compared still refuses it
    (
        "Volume was 40 percent higher than the 30 mills nearby.",
        "40 percent",
        ("refusal", "compares"),
    ),
    # a limit noun bounds a duration as it bounds an amount
    (
        "The deal sets a maximum stay of 10 days for guests.",
        "10 days",
        ("duration", None, None, 10 / 30.4375, "upper", "month"),
    ),
    (
        "The deal sets a stay of 10 days for guests.",
        "10 days",
        ("duration", 10 / 30.4375, 10 / 30.4375, 10 / 30.4375, "exact", "month"),
    ),
    # the active verb "estimated" with "at" before the figure is refused as "estimates" is
    ("Insurers estimated claims at $2.1 billion.", "$2.1 billion", ("refusal", "estimated")),
    ("Insurers estimate claims at $2.1 billion.", "$2.1 billion", ("refusal", "estimate")),
    # ... and so is the passive "were estimated at", on its own path
    ("Claims were estimated at $2.1 billion.", "$2.1 billion", ("refusal", "estimated")),
    # a span that opens its clause is its period, with an adverb in its lead too
    (
        "In just the past 6 months, the price of copper has climbed.",
        "6 months",
        ("refusal", "period"),
    ),
    ("In the past 6 months, the price of copper has climbed.", "6 months", ("refusal", "period")),
    # ... a span claimed on its own stays a duration
    (
        "The mine was built in just 6 months.",
        "6 months",
        ("duration", 6.0, 6.0, 6.0, "exact", "month"),
    ),
    # a count per a span is a rate, with words between the count and "every <span>"
    (
        "Sales reached 2 billion cans, the equal of 60 cans being sold from Ohio every second.",
        "60",
        ("refusal", "rate"),
    ),
    # a time of day is excluded with a hedge before it too
    ("The ferry leaves around 9 p.m. from the harbour.", "9", ("exclusion", "time of day")),
    ("The ferry leaves at 9 p.m. from the harbour.", "9", ("exclusion", "time of day")),
    # "up" as the particle of a verb of change before "to": the level reached or a bound?
    ("Fares went up to $3.40.", "$3.40", ("refusal", "went up to")),
    ("Prices shot up to 12% in May.", "12%", ("refusal", "shot up to")),
    # ... "up to" after another past verb stays the bound
    (
        "The firm paid up to $3.40.",
        "$3.40",
        ("money", None, None, 3.40, "upper", "usd"),
    ),
    # a range of days right after a month's name is a date, as a single day is
    ("The fair runs on Oct. 4-9 in the old town.", "4-9", ("exclusion", "day of the month")),
    ("The fair runs on Oct. 4 in the old town.", "4", ("exclusion", "day of the month")),
    ("The fair runs 4–9 October in the old town.", "4–9", ("exclusion", "day of the month")),
    # ... a range that is no span of days stays a range
    (
        "The fair drew 4-9 thousand visitors in October.",
        "4-9 thousand",
        ("count", None, 4000.0, 9000.0, "range", "count"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), LATER_CLASS_CASES)
def test_a_later_class_reads_right_or_is_refused_with_its_reason(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] in ("refusal", "exclusion"):
        assert expected[1] in reading[expected[0]], reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


# No kind by default (docs/annotations.md): a bare percentage with no word of its own before it,
# in a sentence that reads a change, is refused unless a rule joined it to that change; a word
# that makes it a level (a verb, a whole, a noun after it, a label naming a level) keeps it.
# (text, words, refused by the step)
KIND_BY_DEFAULT_CASES = [
    # refused: after "and", a comma or a bracket, nothing said of its kind, a change beside it
    (
        "Shipments fell 6% in June against May and 4.2% to 9,800 tonnes over the half year.",
        "4.2%",
        True,
    ),
    ("Fares climbed 4% on weekdays; weekend fares, 7%.", "7%", True),
    ("Rents rose 3% in the city centre (5% in the suburbs).", "5%", True),
    # ... after a semicolon, a colon or a dash as list marks
    ("Exports fell 2% in May; 7% in June.", "7%", True),
    ("Exports fell 2% in May: 7% in June.", "7%", True),
    ("Exports fell 2% in May – 7% in June.", "7%", True),
    (
        "Revenue came to 4.1 billion euros, seven percent (organically -2 percent) below the year "
        "before.",
        "seven percent",
        True,
    ),
    # accepted: no change in the sentence (the same list of levels)
    ("The levy was 15% in Ohio, 12% in Iowa and 9% in Utah.", "12%", False),
    ("The levy was 15% in Ohio, 12% in Iowa and 9% in Utah.", "9%", False),
    # ... a word of its own before it
    ("Sales rose 5% and margins were 12%.", "12%", False),
    ("Rents rose 3% in the city centre, with the suburbs at 5%.", "5%", False),
    # ... a whole, or a noun after it that names what it is
    ("Exports rose 8%, 30% of the total.", "30% of the total", False),
    ("Revenue rose 5% to $2 billion, with a 20% share of the market.", "20%", False),
    # ... a label naming a level before the comma
    ("Net income rose 9%; gross margin, 41.5% (up 150 bps).", "41.5%", False),
    # ... and a figure a list rule joined to the change is that change, not refused
    ("Orders slipped 3.1% at Halden, 2.4% at Brookfield, and 0.6% at Corran.", "2.4%", False),
]


@pytest.mark.parametrize(("text", "words", "refused"), KIND_BY_DEFAULT_CASES)
def test_a_percentage_takes_no_kind_by_default_beside_a_change(text, words, refused):
    reading = reading_of(text, words)
    if refused:
        assert vocab.KIND_BY_DEFAULT_REASON in reading.get("refusal", ""), reading
    else:
        assert "refusal" not in reading, reading
        assert reading["kind"] in ("percent", "change"), reading


# The engineers' leftovers of the last round, each with its rule in docs/annotations.md
# ("A clause of its own ends a figure's reach", and the rules after it).
LEFTOVER_17_CASES = [
    # a price per a unit reaches no amount past a clause of its own: a conjunction, a new
    # subject and a verb that is no verb of price, the amount its object
    (
        "Copper hit $9,800 a tonne in May as the miner earned $2 billion.",
        "$2 billion",
        ("money", 2e9, 2e9, 2e9, "exact", "usd"),
    ),
    (
        "Gold fetched $2,400 an ounce when the bank reported $5 billion in profit.",
        "$5 billion",
        ("money", 5e9, 5e9, 5e9, "exact", "usd"),
    ),
    (
        "Cloud compute cost $2 per GPU-hour after the firm raised $300 million.",
        "$300 million",
        ("money", 3e8, 3e8, 3e8, "exact", "usd"),
    ),
    # ... kept refused: the same subject ("it"), a level reached ("to"), a verb of price, no
    # verb at all, a contrast ("while")
    (
        "Copper hit $9,800 a tonne in May as it rose to $10,000.",
        "$10,000",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Copper hit $9,800 a tonne in May as prices climbed to $10,000.",
        "$10,000",
        ("refusal", "written once, may hold for it too"),
    ),
    # ... a subject that names the good or its market ("the contract", "the metal", "futures")
    (
        "Copper hit $9,800 a tonne as the contract closed $100 higher.",
        "$100 higher",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Copper hit $9,800 a tonne after the metal gained $200.",
        "gained $200",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Copper hit $9,800 a tonne in May as it rose $150.",
        "rose $150",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Copper hit $9,800 a tonne as futures rose $150.",
        "rose $150",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Iron ore fetched $104 a tonne in May as smelters charged $90 in June.",
        "$90",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Copper hit $9,800 a tonne in May and $10,200 in June.",
        "$10,200",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Tokens cost $20 per million in 2022 and Gemini costs $0.07 now.",
        "$0.07",
        ("refusal", "written once, may hold for it too"),
    ),
    (
        "Data centers pay roughly $0.03/kWh for electricity while American operators pay $0.08.",
        "$0.08",
        ("refusal", "written once, may hold for it too"),
    ),
    # a span of time after a count is no rate of it past a clause of its own
    (
        "The line carried 300 people as trains ran every day.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    (
        "The plant hired 400 workers after the line was running every day.",
        "400",
        ("count", 400.0, 400.0, 400.0, "exact", "count"),
    ),
    # ... kept refused: no clause of its own, or its subject the things counted ("it", "they")
    ("Grain ships 30 trucks every day.", "30", ("refusal", "rate")),
    ("The plant makes 500 chips as it runs every hour.", "500", ("refusal", "rate")),
    ("The port moves 300 boxes from its docks every hour.", "300", ("refusal", "rate")),
    # a verb of change whose base form is also a noun heads "a X% N" and "a N of X%": a change
    ("The stock staged a 5% rally.", "5%", ("change", 5.0, 5.0, 5.0, "exact", "percent")),
    ("Shares saw a rally of 5% on Monday.", "5%", ("change", 5.0, 5.0, 5.0, "exact", "percent")),
    ("Sales posted a 4% slump.", "4%", ("change", -4.0, -4.0, -4.0, "exact", "percent")),
    ("Prices made a 3% rebound in June.", "3%", ("change", 3.0, 3.0, 3.0, "exact", "percent")),
    ("The index suffered a 2% dip.", "2%", ("change", -2.0, -2.0, -2.0, "exact", "percent")),
    ("Bonds saw a slide of 6% in May.", "6%", ("change", -6.0, -6.0, -6.0, "exact", "percent")),
    ("The euro had a 1.5% tumble.", "1.5%", ("change", -1.5, -1.5, -1.5, "exact", "percent")),
    (
        "Oil made a 3% retreat from its peak.",
        "3%",
        ("change", -3.0, -3.0, -3.0, "exact", "percent"),
    ),
    ("The index had a 2% slip on Friday.", "2%", ("change", -2.0, -2.0, -2.0, "exact", "percent")),
    (
        "The index had rallies of 5% and 7% this year.",
        "7%",
        ("change", 7.0, 7.0, 7.0, "exact", "percent"),
    ),
    # ... their plurals after a count stay what is counted
    ("The team held 30 rallies in May.", "30", ("count", 30.0, 30.0, 30.0, "exact", "count")),
    ("The deck had 40 slides.", "40", ("count", 40.0, 40.0, 40.0, "exact", "count")),
    # ... and with a count or money they may name an event or a thing: refused
    ("Crowds joined a rally of 10,000 supporters.", "10,000", ("refusal", "'rally'")),
    ("The firm held a retreat of 200 executives.", "200", ("refusal", "'retreat'")),
    ("Its deck ran to a slide of 40 pages.", "40", ("refusal", "'slide'")),
    # "by X to Y" with one unit on both ends stays refused: a range of the change ("expected to
    # rise by 10% to 15%") is written in the same words as a change and the level it reached
    ("Prices are expected to rise by 10% to 15%.", "10%", ("refusal", "the level it reached")),
    ("Its share rose by 5% to 40%.", "5%", ("refusal", "the level it reached")),
    # ... with a unit of its own on each end it cannot be a range: the change, then the level
    (
        "Its share rose by 2 percentage points to 40%.",
        "2 percentage points",
        ("change", 2.0, 2.0, 2.0, "exact", "percentage_point"),
    ),
    (
        "Its share rose by 2 percentage points to 40%.",
        "40%",
        ("percent", 40.0, 40.0, 40.0, "exact", "percent"),
    ),
    (
        "Revenue rose by 12% to $4.2 billion.",
        "12%",
        ("change", 12.0, 12.0, 12.0, "exact", "percent"),
    ),
    # "up to" after a verb of change that is no verb of a small move stays a bound
    ("Sales climbed up to 12% in May.", "12%", ("change", None, None, 12.0, "upper", "percent")),
    (
        "Prices could rise up to 40% next year.",
        "40%",
        ("change", None, None, 40.0, "upper", "percent"),
    ),
    # ... after a verb of a small move it is the level reached
    (
        "Unemployment inched up to 4.5% in May.",
        "4.5%",
        ("percent", 4.5, 4.5, 4.5, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), LEFTOVER_17_CASES)
def test_a_leftover_of_the_last_round_reads_right_or_is_refused(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] in ("refusal", "exclusion"):
        assert expected[1] in reading[expected[0]], reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


# Words the rules left unsettled, each ruled (docs/annotations.md, "Words that do not settle a
# figure"): read where the words settle it, refused where they do not, never a level by default.
UNSETTLED_CASES = [
    # "off" after a verb of being, "with" after a verb of change, before a bare percentage
    # ("off" after a verb of being is a fall, "with" after a verb of change is "by")
    (
        "Copper is off 12% from its peak.",
        "12%",
        ("change", -12.0, -12.0, -12.0, "exact", "percent"),
    ),
    ("Tin was off 4% on the week.", "4%", ("change", -4.0, -4.0, -4.0, "exact", "percent")),
    (
        "Our output dropped with 11% last year.",
        "11%",
        ("change", -11.0, -11.0, -11.0, "exact", "percent"),
    ),
    ("Exports grew with 6% in May.", "6%", ("change", 6.0, 6.0, 6.0, "exact", "percent")),
    # ... "off" after no verb of being with a word of change after the figure: that word
    # settles it ("lower": a fall); "with" and "or with" in a sentence with no verb of change
    # are what goes along: a level, as the first figure is
    ("Shares traded off 3% lower.", "3% lower", ("change", -3.0, -3.0, -3.0, "exact", "percent")),
    (
        "The plant ran with 80% in May, or with 60% in June.",
        "60%",
        ("percent", 60.0, 60.0, 60.0, "exact", "percent"),
    ),
    # ... a bare percentage after "off" with no verb of being right before it, or with one
    # where the fall was not read (a hedge): refused, never a level
    ("Copper off 12% on the week.", "12%", ("refusal", "'off'")),
    ("Copper, off 12% this year, rallied.", "12%", ("refusal", "'off'")),
    ("Copper is off 12% from its peak, and zinc off 4%.", "4%", ("refusal", "'off'")),
    ("Tin is off nearly 9%.", "nearly 9%", ("refusal", "'off'")),
    # ... a figure after "or with" that continues a change: refused, never a level
    (
        "Our output dropped with 11% last year, or with 4% in real terms.",
        "4%",
        ("refusal", "'with'"),
    ),
    # ... kept: "down" and a verb with no "with" are declared; "off" after a noun is no verb's
    (
        "Copper is down 12% from its peak.",
        "down 12%",
        ("change", -12.0, -12.0, -12.0, "exact", "percent"),
    ),
    (
        "Our output dropped 11% last year.",
        "dropped 11%",
        ("change", -11.0, -11.0, -11.0, "exact", "percent"),
    ),
    # a bare percentage alone in brackets after a change in another unit, or after a year in a
    # list that hangs on a noun of change
    ("Exports climbed by 40,000 tonnes (2.5%) last year.", "2.5%", ("refusal", "bracket")),
    ("Sales rose by 300 cars (4%) in June.", "4%", ("refusal", "bracket")),
    (
        "This rise trails just the gains of 2009 (8.7 percent) and 2015 (6.2 percent).",
        "8.7 percent",
        ("refusal", "bracket"),
    ),
    (
        "This rise trails just the gains of 2009 (8.7 percent) and 2015 (6.2 percent).",
        "6.2 percent",
        ("refusal", "bracket"),
    ),
    ("Rents fell in 2020 (3%) and again in 2023.", "3%", ("refusal", "bracket")),
    # ... kept: a bracket with no change before it in its clause
    (
        "AI use rose this year, and about a quarter of firms (26%) now use it.",
        "26%",
        ("percent", 26.0, 26.0, 26.0, "exact", "percent"),
    ),
    (
        "About a quarter of firms (26%) use it.",
        "26%",
        ("percent", 26.0, 26.0, 26.0, "exact", "percent"),
    ),
    # numbers that may be names: a number word with a capital inside a sentence beside a
    # capitalised word, a bare number after "the" with nothing counted after it
    ("Fans of the Ten Rivers saga bought 3 million copies.", "Ten", ("refusal", "name")),
    ("Staff of the Big Four firms met in May.", "Four", ("refusal", "name")),
    ("Airlines still fly the 767 on long routes.", "767", ("refusal", "name")),
    ("Pilots said the 320 was easy to fly.", "320", ("refusal", "name")),
    # ... a bare number after a name that opens the sentence, with no noun it counts after it
    ("Llama 3 was released.", "3", ("refusal", "version")),
    ("Gemini 2 launched in May.", "2", ("refusal", "version")),
    # ... kept: a count with what it counts, and a number word opening the sentence
    ("Another 300 jobs were cut.", "300", ("count", 300.0, 300.0, 300.0, "exact", "count")),
    ("All 40 staff left.", "40", ("count", 40.0, 40.0, 40.0, "exact", "count")),
    (
        "Airlines still fly 767 jets on long routes.",
        "767",
        ("count", 767.0, 767.0, 767.0, "exact", "count"),
    ),
    (
        "Fans of the saga bought 3 million copies.",
        "3 million",
        ("count", 3e6, 3e6, 3e6, "exact", "count"),
    ),
    (
        "The firm hired the 300 engineers in May.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    # "about" right after a determiner and a noun may be a preposition
    ("She wrote a book about 300 lighthouses.", "300", ("refusal", "'about'")),
    ("The film tells a story about 40 miners.", "40", ("refusal", "'about'")),
    # ... kept: after a verb it is a hedge
    (
        "The firm employs about 300 people.",
        "300",
        ("count", 300.0, 300.0, 300.0, "approximate", "count"),
    ),
    (
        "The plant cost about $300 million.",
        "$300 million",
        ("money", 3e8, 3e8, 3e8, "approximate", "usd"),
    ),
    # "N times" after a verb of change, then words that count occasions: how often, or fold?
    ("The club's membership has shrunk three times in its history.", "three", ("refusal", "times")),
    ("The ferry's fare rose four times in its short history.", "four", ("refusal", "times")),
    ("Tariffs have risen three times so far.", "three", ("refusal", "times")),
    # ... kept: with no words of occasions after it, a change in fold ("since" too)
    ("Sales grew three times.", "three", ("change", 3.0, 3.0, 3.0, "exact", "fold")),
    (
        "Model sizes have grown 17 times since 2020.",
        "17",
        ("change", 17.0, 17.0, 17.0, "exact", "fold"),
    ),
    # "pounds" is sterling only with a sign, "sterling", "GBP" or a word of money in its clause
    ("Mills ground 8 billion pounds of wheat.", "8 billion", ("refusal", "pounds")),
    ("The boat landed 900 pounds of cod.", "900", ("refusal", "pounds")),
    ("The bull weighed 2,000 pounds.", "2,000", ("refusal", "pounds")),
    # ... kept
    ("The deal cost 8 billion pounds.", "8 billion", ("money", 8e9, 8e9, 8e9, "exact", "gbp")),
    (
        "The club paid 8 million pounds for the striker.",
        "8 million",
        ("money", 8e6, 8e6, 8e6, "exact", "gbp"),
    ),
    ("The fund holds £900 of cod.", "£900", ("money", 900.0, 900.0, 900.0, "exact", "gbp")),
    # ... "pounds sterling": the mention holds "sterling", money in gbp
    (
        "Revenue was 8 billion pounds sterling.",
        "8 billion pounds sterling",
        ("money", 8e9, 8e9, 8e9, "exact", "gbp"),
    ),
    (
        "The fine was 40 million pounds sterling, the largest yet.",
        "40 million pounds sterling",
        ("money", 4e7, 4e7, 4e7, "exact", "gbp"),
    ),
    (
        "They sold 900 pounds sterling of cod.",
        "900 pounds sterling",
        ("money", 900.0, 900.0, 900.0, "exact", "gbp"),
    ),
    # a gap in points after a verb of comparison: between two levels or two changes?
    ("Grain demand beat the market by 1.1 percentage points.", "1.1", ("refusal", "'beat'")),
    ("Wheat outpaced maize by 2 percentage points.", "2", ("refusal", "'outpaced'")),
    ("Rice trailed wheat by 0.4 percentage points in May.", "0.4", ("refusal", "'trailed'")),
    # ... kept: a percentage (a gap of two scores), points between named levels, a gap named by
    # a noun, and a verb of change
    (
        "Our chips trail the market leader by only 4.2%.",
        "4.2%",
        ("percent", 4.2, 4.2, 4.2, "exact", "percent"),
    ),
    (
        "Its market share beat its rival's by 2 percentage points.",
        "2",
        ("percent", 2.0, 2.0, 2.0, "exact", "percentage_point"),
    ),
    (
        "Its lead over rivals was 3 percentage points.",
        "3",
        ("percent", 3.0, 3.0, 3.0, "exact", "percentage_point"),
    ),
    (
        "Its share rose by 2 percentage points.",
        "2",
        ("change", 2.0, 2.0, 2.0, "exact", "percentage_point"),
    ),
    # a verb of estimating before a figure that opens the clause after it, with no "at": the
    # figure as the estimate gives it
    (
        "The league estimates 2.5 million children play chess.",
        "2.5 million",
        ("count", 2.5e6, 2.5e6, 2.5e6, "exact", "count"),
    ),
    (
        "Analysts estimated 40,000 chips were smuggled.",
        "40,000",
        ("count", 4e4, 4e4, 4e4, "approximate", "count"),
    ),
    # a year at the start of "YEAR to N" after "from X <noun> in YEAR": the year is excluded,
    # and the exclusion names the number after it as the far end, refused with its start
    (
        "The fleet went from 12 ships in 2015 to 75 last year.",
        "75",
        ("exclusion", "'75' after it ends a 'from X ... to Y'"),
    ),
    (
        "Sales went from 40 units in 2019 to 90 units in 2023.",
        "2019",
        ("exclusion", "a year, not a quantity"),
    ),
    # a range of fractions whose start the finder did not take in: refused, not its far end
    ("Between a third and a half of firms use it.", "half", ("refusal", "range of fractions")),
    ("Roughly a third to a half of firms use it.", "half", ("refusal", "range of fractions")),
    (
        "Between a quarter and a third of firms use it.",
        "a third",
        ("refusal", "range of fractions"),
    ),
    (
        "Between one-third and one-half of firms use it.",
        "one-third",
        ("refusal", "cannot read"),
    ),
    (
        "The fleet went from 12 ships in 2015 to 75 last year.",
        "2015",
        ("exclusion", "a year, not a quantity ('2015')"),
    ),
]


UNSETTLED_CASES += [
    # forms the rules already read one way, now written down
    ("Output fell -3% in May.", "-3%", ("change", -3.0, -3.0, -3.0, "exact", "percent")),
    ("The index shed 3% on Monday.", "3%", ("change", -3.0, -3.0, -3.0, "exact", "percent")),
    ("The firm shed 4,000 jobs last year.", "4,000", ("count", 4e3, 4e3, 4e3, "exact", "count")),
    # ... a verb of a cut acts on a level: a count or an amount after it is a signed change
    (
        "The firm slashed 4,000 jobs last year.",
        "slashed 4,000",
        ("change", -4e3, -4e3, -4e3, "exact", "count"),
    ),
    (
        "The firm slashed $600 million in costs.",
        "slashed $600 million",
        ("change", -6e8, -6e8, -6e8, "exact", "usd"),
    ),
    (
        "The crash wiped out $600 billion in value.",
        "$600",
        ("money", 6e11, 6e11, 6e11, "exact", "usd"),
    ),
    ("The fund kept doubling its value.", "doubling", ("change", 2.0, 2.0, 2.0, "exact", "fold")),
    ("The poll has a margin of error of 3 percentage points.", "3", ("refusal", "'error of'")),
    # ... a margin of error named by a noun before or after it: a gap in points named by a noun
    (
        "The margin of error was 3 percentage points.",
        "3 percentage points",
        ("percent", 3.0, 3.0, 3.0, "exact", "percentage_point"),
    ),
    (
        "The poll has a 3 percentage point margin of error.",
        "3 percentage point",
        ("percent", 3.0, 3.0, 3.0, "exact", "percentage_point"),
    ),
    (
        "The margin of error is plus or minus 2.5 percentage points.",
        "2.5 percentage points",
        ("refusal", "tolerance"),
    ),
    ("The mine is older than 40 years.", "40", ("refusal", "'than'")),
    ("It was a Category 4 storm.", "4", ("refusal", "a name")),
    ("Rents in the 1990s rose 40%.", "1990s", ("refusal", "a decade")),
    ("The town has between 900 and 1.2 million visitors.", "900", ("refusal", "backwards")),
    (
        "The deal is worth between $40 and $60 billion.",
        "$40",
        ("money", None, 4e10, 6e10, "range", "usd"),
    ),
    ("The firm went from 40 staff in 2019 to 90 in 2023.", "40", ("refusal", "'from X ... to Y'")),
    ("The weight is 2,000 pounds.", "2,000", ("refusal", "weight")),
]


@pytest.mark.parametrize(("text", "words", "expected"), UNSETTLED_CASES)
def test_words_the_rules_left_unsettled_read_as_ruled(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] in ("refusal", "exclusion"):
        assert expected[1], "a refusal row names the words of its reason"
        assert expected[0] in reading and expected[1] in reading[expected[0]], reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


@pytest.mark.parametrize(
    ("text", "words", "low", "high", "qualifier"),
    [
        ("Costs were roughly $3-4 billion.", "$3", 3e9, 4e9, "roughly"),
        ("Yields were about 5-7% this year.", "5-7%", 5.0, 7.0, "about"),
    ],
)
def test_a_hedge_before_a_range_holds_for_both_ends(text, words, low, high, qualifier):
    reading = reading_of(text, words)
    assert (reading["bound"], reading["low"], reading["high"]) == ("range", low, high)
    assert reading["qualifier"] == qualifier


# A later round of classes: each row an invented sentence (or a variant of one), each rule in
# docs/annotations.md.
LATER_ROUND_CASES = [
    # a span dated by "through", "compared with", "against", "versus" or "the preceding/
    # following/prior/same N <span>" is a figure's period, not a duration
    (
        "Through the first eight weeks, the mill ran at a loss.",
        "eight weeks",
        ("refusal", "period"),
    ),
    (
        "Profit rose 4.1% compared with the first eight weeks of 2020.",
        "eight weeks",
        ("refusal", "period"),
    ),
    ("Wheat yields had doubled in the preceding 12 years.", "12 years", ("refusal", "period")),
    ("Sales fell 3% against the same six months of 2019.", "six months", ("refusal", "period")),
    ("Output grew 5% in the following two years.", "two years", ("refusal", "period")),
    ("Profit rose 2% versus the prior three months.", "three months", ("refusal", "period")),
    # ... and after "from" or "since", and for "the previous N <span>" wherever it stands
    (
        "Spending saw a 40 percent increase from the previous five years.",
        "five years",
        ("refusal", "period"),
    ),
    ("Prices have doubled since the last two years.", "two years", ("refusal", "period")),
    ("The previous three years were slow for the mill.", "three years", ("refusal", "period")),
    ("The first nine months of 2024 saw exports rise 4%.", "nine months", ("refusal", "period")),
    # ... a span that is itself the quantity stays a duration
    (
        "The refit will last eight weeks.",
        "eight weeks",
        ("duration", 1.839835728952, 1.839835728952, 1.839835728952, "exact", "month"),
    ),
    # a noun of change or a span unit written once after "N and M" / "N or M" holds for each
    (
        "Wheat and rice saw a 5.2% and 3% rise respectively.",
        "5.2%",
        ("change", 5.2, 5.2, 5.2, "exact", "percent"),
    ),
    (
        "Wheat and rice saw a 5.2% and 3% decline respectively.",
        "5.2%",
        ("change", -5.2, -5.2, -5.2, "exact", "percent"),
    ),
    (
        "The repairs will last eight or nine years.",
        "eight",
        ("duration", 8.0, 8.0, 8.0, "exact", "year"),
    ),
    (
        "The two refits will take six and nine months.",
        "six",
        ("duration", 6.0, 6.0, 6.0, "exact", "month"),
    ),
    # ... but a number word that goes on ("two hundred") is no list item with a unit after it
    (
        "They sold a dozen or two hundred chips.",
        "dozen",
        ("count", 12.0, 12.0, 12.0, "exact", "count"),
    ),
    ("They hired three and four engineers.", "three", ("count", 3.0, 3.0, 3.0, "exact", "count")),
    # ", or" restates a change in other terms, past words that say which terms
    (
        "Rents climbed 4 percent, or 1.5 percent after inflation.",
        "1.5 percent",
        ("change", 1.5, 1.5, 1.5, "exact", "percent"),
    ),
    (
        "Rail fares rose 2 percent to $9.10, or 1.5 percent after inflation.",
        "1.5 percent",
        ("change", 1.5, 1.5, 1.5, "exact", "percent"),
    ),
    (
        "Output fell 2%, or 2.5% per capita.",
        "2.5%",
        ("change", -2.5, -2.5, -2.5, "exact", "percent"),
    ),
    (
        "Exports grew 6%, or 4% at constant prices.",
        "4%",
        ("change", 4.0, 4.0, 4.0, "exact", "percent"),
    ),
    (
        "Pay rose 3%, or 1% adjusted for inflation.",
        "1%",
        ("change", 1.0, 1.0, 1.0, "exact", "percent"),
    ),
    # ... and refused where it may restate the change or the level reached in the same unit
    (
        "Revenue rose 12% to $4.2 billion, or $400 million.",
        "$400 million",
        ("refusal", "the change or the level"),
    ),
    # a figure alone in a dashed aside right after a change: a restatement or a level? refused
    (
        "Revenue rose 5% – about $20 million – to $420 million.",
        "$20 million",
        ("refusal", "aside between dashes"),
    ),
    (
        "Revenue rose 5% – about $20 million – to $420 million.",
        "$420 million",
        ("money", 4.2e8, 4.2e8, 4.2e8, "exact", "usd"),
    ),
    (
        "The firm hired 300 staff – 40 of them engineers – in May.",
        "40",
        ("count", 40.0, 40.0, 40.0, "exact", "count"),
    ),
    # a noun of change before "is expected to continue/remain at" and "uptick at"
    (
        "Cement output growth is expected to continue at 3.4% next year.",
        "3.4%",
        ("change", 3.4, 3.4, 3.4, "exact", "percent"),
    ),
    (
        "Demand growth is forecast to remain at 2% in 2026.",
        "2%",
        ("change", 2.0, 2.0, 2.0, "exact", "percent"),
    ),
    (
        "Dairy saw a price uptick at 4.5% in May.",
        "4.5%",
        ("change", 4.5, 4.5, 4.5, "exact", "percent"),
    ),
    # a word of totality before a span word keeps the amount a flow: refused
    ("Total weekly trips fell to 2.1 million.", "2.1 million", ("refusal", "flow")),
    ("Average monthly visits hit 40 million.", "40 million", ("refusal", "flow")),
    (
        "Overall daily rides rose from 1.2 million to 1.5 million.",
        "1.5 million",
        ("refusal", "flow"),
    ),
    (
        "Total users reached 2.1 million.",
        "2.1 million",
        ("count", 2.1e6, 2.1e6, 2.1e6, "exact", "count"),
    ),
    # a span before a noun of change, with or without a hyphen, is its period: refused
    ("A three-year decline in ferry use is over.", "three", ("refusal", "period of the change")),
    ("A three year decline in ferry use is over.", "three", ("refusal", "period of the change")),
    ("Rents ended a five-year rise in May.", "five", ("refusal", "period of the change")),
    # "than" past a dashed aside still makes "N more" a difference from an amount: refused
    (
        "The port handled 30 million crates, 2 million more – about 7 percent – than 2019.",
        "2 million",
        ("refusal", "than"),
    ),
    (
        "The port handled 30 million crates, 2 million more — about 7 percent — than 2019.",
        "2 million",
        ("refusal", "than"),
    ),
    (
        "The port handled 30 million crates, 2 million more – about 7 percent – than 2019.",
        "7 percent",
        ("refusal", "aside"),
    ),
    ("The port handled 30 million crates, 90,000 more than 2019.", "90,000", ("refusal", "than")),
    # a scale letter standing apart from its number is never dropped: refused
    ("They shipped 340 M bags in all.", "340", ("refusal", "scale")),
    ("The model has 7 B parameters.", "7", ("refusal", "scale")),
    ("They shipped 340M bags in all.", "340M", ("count", 3.4e8, 3.4e8, 3.4e8, "exact", "count")),
    # a fraction of a percent is that fraction of one percent, never a share of 20%
    (
        "The crop estimate was cut to 5 million tonnes, a fifth of a percent lower.",
        "a fifth",
        ("change", -0.2, -0.2, -0.2, "exact", "percent"),
    ),
    (
        "Yields ended a tenth of a percentage point higher.",
        "a tenth",
        ("change", 0.1, 0.1, 0.1, "exact", "percentage_point"),
    ),
    (
        "Inflation was a quarter of a percent.",
        "a quarter",
        ("percent", 0.25, 0.25, 0.25, "exact", "percent"),
    ),
    ("Yields ended half a percentage point higher.", "half", ("refusal", "one percent")),
    # "half" after a verb of change and before "a percent"/"a percentage point": half of one
    (
        "Prices rose by half a percent.",
        "rose by half",
        ("change", 0.5, 0.5, 0.5, "exact", "percent"),
    ),
    (
        "Prices fell by half a percent.",
        "fell by half",
        ("change", -0.5, -0.5, -0.5, "exact", "percent"),
    ),
    (
        "Prices rose by half a percentage point.",
        "rose by half",
        ("change", 0.5, 0.5, 0.5, "exact", "percentage_point"),
    ),
    (
        "Rates were cut by half a percentage point in May.",
        "cut by half",
        ("change", -0.5, -0.5, -0.5, "exact", "percentage_point"),
    ),
    (
        "Prices fell by a fifth of a percent.",
        "a fifth",
        ("change", -0.2, -0.2, -0.2, "exact", "percent"),
    ),
    ("Inflation was a tenth of a percentage point.", "a tenth", ("refusal", "points")),
    # more of the classes above: "by a N% and M% <noun>", a flow from X to Y, a one-day fall
    (
        "Prices were hit by a 4% and 6% drop respectively.",
        "4%",
        ("change", -4.0, -4.0, -4.0, "exact", "percent"),
    ),
    ("Daily rides rose from 1.2 million to 1.5 million.", "1.2 million", ("refusal", "flow")),
    # "annual"/"yearly" with counts from X to Y: a flow too, refused (no unit per year for it)
    ("Annual rides rose from 1.2 million to 1.5 million.", "1.2 million", ("refusal", "flow")),
    ("Yearly visits rose from 2 million to 3 million.", "2 million", ("refusal", "flow")),
    ("Total annual trips fell from 9 million to 7 million.", "9 million", ("refusal", "flow")),
    (
        "Users grew from 1.2 million to 1.5 million.",
        "1.2 million",
        ("levels", None, None, None, None, None),
    ),
    ("Shares suffered their largest one-day fall in four years.", "one", ("refusal", "period")),
    ("They hired 300 more engineers than last year.", "300", ("refusal", "than")),
    # a span after a superlative reaches no noun in a clause of its own
    (
        "Sales hit a record, the first real increase in six years while export growth slowed.",
        "six years",
        ("duration", 6.0, 6.0, 6.0, "exact", "year"),
    ),
    (
        "Sales hit a record, the first real increase in six years as export growth sped up.",
        "six years",
        ("duration", 6.0, 6.0, 6.0, "exact", "year"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), LATER_ROUND_CASES)
def test_a_class_of_the_later_round_reads_right_or_is_refused(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] == "levels":
        assert [level["kind"] for level in reading["levels"]] == ["count", "count"], reading
    elif expected[0] in ("refusal", "exclusion"):
        assert expected[1], "a refusal row names the words of its reason"
        assert expected[0] in reading and expected[1] in reading[expected[0]], reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


# Classes whose rule the docs left open, now decided (docs/annotations.md): a bare "$" in
# brackets after an amount in "$US" (another dollar), "per X" before the amount in its clause,
# and single forms (a price per a span set against another "with ... at", a lower-case month,
# a money gap after "beat ... by").
DECIDED_CASES = [
    (
        "A mine upgrade worth $US12 million ($18 million) was approved.",
        "$18 million",
        ("refusal", "another dollar"),
    ),
    (
        "A mine upgrade worth $US12 million ($18 million) was approved.",
        "$US12 million",
        ("money", 12e6, 12e6, 12e6, "exact", "usd"),
    ),
    (
        "The port took a US$40 million (about $55 million) loan.",
        "$55 million",
        ("refusal", "another dollar"),
    ),
    (
        "Sales rose to $7 million ($5 million a year ago).",
        "$5 million",
        ("money", 5e6, 5e6, 5e6, "exact", "usd"),
    ),
    ("Spending per visitor reached $85 on the island.", "$85", ("refusal", "'per visitor'")),
    ("Revenue per user rose 5% to $12 last year.", "$12", ("refusal", "'per user'")),
    (
        "The cost per kWh fell to $0.05 in the region.",
        "$0.05",
        ("price", 0.05, 0.05, 0.05, "exact", "usd_per_kwh"),
    ),
    (
        "Spending per visitor rose, and the state earned $85 million.",
        "$85 million",
        ("money", 85e6, 85e6, 85e6, "exact", "usd"),
    ),
    (
        "As per the deal, the club paid $85 million.",
        "$85 million",
        ("money", 85e6, 85e6, 85e6, "exact", "usd"),
    ),
    (
        "Gyms charge $40 per month on average, with the one near the station the priciest at $65.",
        "$65",
        ("refusal", "per month"),
    ),
    ("We met on june 5 at noon.", "5", ("exclusion", "day")),
    (
        "For nearly three years, sales have slowed.",
        "three years",
        ("refusal", "opening its clause"),
    ),
    (
        "Sales have slowed for nearly three years.",
        "three years",
        ("duration", 3, 3, 3, "approximate", "year"),
    ),
    (
        "Sales rose in spring and costs dwindled by nearly 5 percent.",
        "5 percent",
        ("refusal", "'dwindled'"),
    ),
    (
        "Sales rose in spring and costs were raised by 5 percent.",
        "5 percent",
        ("change", 5, 5, 5, "exact", "percent"),
    ),
    (
        "Fares on the ferry rose by 8% or $40 last year.",
        "$40",
        ("change", 40, 40, 40, "exact", "usd"),
    ),
    ("Fares on the ferry rose by 8% or $40 to reach $540.", "$40", ("refusal", "no comma")),
    # the one noun a count counts may stand before a bare "or" as before ", or"
    (
        "Club membership dipped by 150 people or 3.5% that season.",
        "3.5%",
        ("change", -3.5, -3.5, -3.5, "exact", "percent"),
    ),
    (
        "The herd grew by 40 cows or 8% last year.",
        "8%",
        ("change", 8, 8, 8, "exact", "percent"),
    ),
    ("The herd grew by 40 cows or 8% to reach 540.", "8%", ("refusal", "no comma")),
    # a share's whole stops before "more than": the bound is the next figure's
    (
        "Only 3 % of the stores sell more than 9 % of the stock.",
        "more than 9 %",
        ("percent", None, 9, None, "lower", "percent"),
    ),
    ("The bridge 3 times closed this winter.", "3 times", ("count", 3, 3, 3, "exact", "count")),
    (
        "Output was 3 times higher than in 2020.",
        "3 times",
        ("multiplier", 3, 3, 3, "exact", "fold"),
    ),
    ("The first eleven months were slow.", "eleven months", ("refusal", "period")),
    ("In the last six months sales were slow.", "six months", ("refusal", "period")),
    (
        "She spent the last ten years at sea.",
        "ten years",
        ("duration", 10, 10, 10, "exact", "year"),
    ),
    (
        "The brand saw a 4-percent drop in its share of the market.",
        "4-percent",
        ("refusal", "share"),
    ),
    ("Factory orders climbed by 0.7 month on month.", "0.7", ("refusal", "names nothing")),
    ("Factory orders climbed by 7 this month.", "7", ("change", 7, 7, 7, "exact", "count")),
    ("The bid beat the rival offer by $3 million.", "$3 million", ("refusal", "gap")),
]


@pytest.mark.parametrize(("text", "words", "expected"), DECIDED_CASES)
def test_a_form_the_docs_left_open_reads_by_its_decided_rule(text, words, expected):
    assert_reads_as(text, words, expected)


# A word that settles a figure's reading written further from it than the older rules looked:
# "estimate <a long object> at", "could top" before any kind, a "per" after a list whose unit
# has a hyphen, "the same <span>" after "than", a unit of the project's list it does not know
# written once with an earlier figure, kWh spelled as one word.
FAR_WORD_CASES = [
    (
        "Engineers estimate the repair of the old northern river bridge at $40 million.",
        "$40 million",
        ("refusal", "'estimate'"),
    ),
    (
        "Planners estimate the cost of the new eastern ring road at $2.1 billion.",
        "$2.1 billion",
        ("refusal", "'estimate'"),
    ),
    ("Ticket sales for the tour could top $50 million.", "$50 million", ("refusal", "'top'")),
    ("Visitors are expected to top 3 million.", "3 million", ("refusal", "'top'")),
    ("The band was in the top 10 of the chart.", "10", ("exclusion", "rank")),
    ("Rates were $310 and $940 per 20-foot box.", "$310", ("refusal", "20-foot box")),
    ("Fees were $12 and $15 per 40-foot container.", "$12", ("refusal", "40-foot container")),
    (
        "Wages in the region were 4 percent higher than in the same quarter of 2019.",
        "4 percent higher",
        ("change", 4.0, 4.0, 4.0, "exact", "percent"),
    ),
    (
        "Water use this summer is 30% greater than the same season in 2020.",
        "30% greater",
        ("change", 30.0, 30.0, 30.0, "exact", "percent"),
    ),
    (
        "Copper output was lowered by 20,000 tonnes to 1.1 million.",
        "1.1 million",
        ("refusal", "tonnes"),
    ),
    # a price's "per" written once reaches across a comma and words of comparison, with a
    # figure among them, and across a bracketed aside that holds no figure
    (
        "Hay sells at $200 per bale, which is 30% more than the $150 paid last spring.",
        "$150",
        ("refusal", "'per bale'"),
    ),
    (
        "Hay sells at $200 per bale, more than the usual (regional) price of $150.",
        "$150",
        ("refusal", "'per bale'"),
    ),
    (
        "Factories were billed 7.5 cents per kilowatthour in 2022.",
        "7.5 cents",
        ("price", 0.075, 0.075, 0.075, "exact", "usd_per_kwh"),
    ),
    # a pair "X to Y" restating a change after "or": the change and the level, or a range of
    # the change? Refused, as "by X to Y" with the unit on both ends is
    ("Fares on the ferry rose by 8% or $40 to $540.", "$40", ("refusal", "range")),
    ("Rents fell by 3% or $50 to $1,600 this year.", "$50", ("refusal", "range")),
    ("Prices ranged from $40 to $540.", "$40", ("money", None, 40.0, 540.0, "range", "usd")),
    # a comparative written once after the last figure of a list is lent to each figure
    (
        "Bus and rail fares were 4 percent and 2 percent higher than in 2019.",
        "4 percent",
        ("change", 4.0, 4.0, 4.0, "exact", "percent"),
    ),
    (
        "Bus and rail fares were 4 percent and 2 percent lower than in 2019.",
        "4 percent",
        ("change", -4.0, -4.0, -4.0, "exact", "percent"),
    ),
    (
        "Bus and rail fares were 4 percent and 2 percent higher than in 2019.",
        "2 percent higher",
        ("change", 2.0, 2.0, 2.0, "exact", "percent"),
    ),
    # an earlier figure judged by its reading in the sentence: a change is a ratio of two
    # amounts and writes no unit for the count after it
    (
        "Membership grew during the spring by 6% to about 48,000.",
        "about 48,000",
        ("count", 48000.0, 48000.0, 48000.0, "approximate", "count"),
    ),
    ("Its share was 6% after it sold about 48,000.", "about 48,000", ("refusal", "percent")),
    # "N times" with its verb of doing further back in the clause counts how often
    (
        "The team scored against the champions 4 times last season.",
        "4 times",
        ("count", 4.0, 4.0, 4.0, "exact", "count"),
    ),
    (
        "The old bridge flooded in the spring 3 times.",
        "3 times",
        ("count", 3.0, 3.0, 3.0, "exact", "count"),
    ),
    # a bare figure continues a change along a list whose items each carry "from <time>"
    (
        "Wages are up 2% from March and 6% from last spring.",
        "6%",
        ("change", 6.0, 6.0, 6.0, "exact", "percent"),
    ),
    (
        "Fares are down 3% from January, 5% from last year.",
        "5%",
        ("change", -5.0, -5.0, -5.0, "exact", "percent"),
    ),
    # a dash range after "from" with no "to" after it is one range ("from $US5-$US7 billion")
    (
        "Bids came in from $US5-$US7 billion.",
        "$US5",
        ("money", None, 5e9, 7e9, "range", "usd"),
    ),
    ("Prices rose from $5-$7 billion to $9 billion.", "$5", ("refusal", "dash")),
    # a noun of change apart from "at N percent" by a word and a dash: refused
    ("The agency now puts the fall worse – at 4 percent.", "4 percent", ("refusal", "'fall'")),
    (
        "The agency now puts the fall at 4 percent.",
        "fall at 4 percent",
        ("change", -4.0, -4.0, -4.0, "exact", "percent"),
    ),
    # the thing compared after "than" ends before "and" and a figure, "while", "whereas", and
    # before "of" and the thing's own value (not a year)
    (
        "Rice costs 5% more than in 2021 and 3% less than in 2019.",
        "5% more",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    (
        "Exports were 30 percent higher than in 2019 while imports fell by half.",
        "30 percent higher",
        ("change", 30.0, 30.0, 30.0, "exact", "percent"),
    ),
    (
        "Turnout was 12% lower than the decade's average of 4,100 voters.",
        "12% lower",
        ("multiplier", 0.88, 0.88, 0.88, "exact", "fold"),
    ),
    (
        "Our budget is 8% smaller than last year's budget of $2 million.",
        "8% smaller",
        ("change", -8.0, -8.0, -8.0, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), FAR_WORD_CASES)
def test_a_word_far_from_its_figure_still_settles_it(text, words, expected):
    assert_reads_as(text, words, expected)


# A year dated by "in" before a two-digit number is never a span of years running back ("in
# 2015 to 14 cents"): the pair in cents per kWh reads as the pair in dollars does.
@pytest.mark.parametrize(
    "text",
    [
        "Night rates went from 9 cents per kWh in 2015 to 14 cents per kWh in 2022.",
        "Night rates went from $0.09 per kWh in 2015 to $0.14 per kWh in 2022.",
    ],
)
def test_a_pair_of_prices_in_cents_dated_by_years_reads_its_two_levels(text):
    reading = reading_of(text, "9")
    levels = [(level["value"], level["unit"], level["period"]) for level in reading["levels"]]
    assert levels == [(0.09, "usd_per_kwh", "2015"), (0.14, "usd_per_kwh", "2022")], reading


# The last of a reviewer's classes (invented sentences): a bare figure carried along a list
# whose items each carry "to <level>", a list of levels past a bracketed change, the thing
# compared after "than" dated by an era or a year, "N percent as many ... as".
LIST_AND_COMPARISON_CASES = [
    # each item of the list carries the level it reached: the bare figure continues the change
    (
        "Profits dropped by 12 per cent to $3 billion at the bank and 7 per cent to $1 billion "
        "at the insurer.",
        "7 per cent",
        ("change", -7.0, -7.0, -7.0, "exact", "percent"),
    ),
    (
        "Gold and silver gained 4% and 1% to $2,000 and $25 an ounce, respectively.",
        "1%",
        ("change", 1.0, 1.0, 1.0, "exact", "percent"),
    ),
    (
        "Sales rose 5% to $40 million in Ohio and 8% to $12 million in Iowa.",
        "8%",
        ("change", 8.0, 8.0, 8.0, "exact", "percent"),
    ),
    # without a level after it, the figure after a level reached is still not carried
    (
        "Sales rose 5% to $40 million and 8% of staff left.",
        "8%",
        ("percent", 8.0, 8.0, 8.0, "exact", "percent"),
    ),
    # a list of levels keeps its head in its own clause, past a bracketed change
    (
        "The dam's level (down 5% on the week) stood at 40% on Monday and 38% on Tuesday.",
        "38%",
        ("percent", 38.0, 38.0, 38.0, "exact", "percent"),
    ),
    ("Rents rose 3% in the city centre (5% in the suburbs).", "5%", ("refusal", "change")),
    # "than" an era's levels or a dated average: the same quantity at another time, a change
    (
        "Exports were 20% higher than pre-pandemic levels while imports fell.",
        "20% higher",
        ("change", 20.0, 20.0, 20.0, "exact", "percent"),
    ),
    (
        "Rents are 15% higher than the 2019 average.",
        "15% higher",
        ("change", 15.0, 15.0, 15.0, "exact", "percent"),
    ),
    (
        "Rents are 15% higher than the average 2019 rent.",
        "15% higher",
        ("change", 15.0, 15.0, 15.0, "exact", "percent"),
    ),
    (
        "Water use is 12% lower than the corresponding month in 2021.",
        "12% lower",
        ("change", -12.0, -12.0, -12.0, "exact", "percent"),
    ),
    (
        "Rents are 15% higher than the national average.",
        "15% higher",
        ("multiplier", 1.15, 1.15, 1.15, "exact", "fold"),
    ),
    # "N percent as many/much ... as": a ratio of two amounts, as "three times as many as" is
    (
        "Sales were 40 percent as many as in 2019.",
        "40 percent",
        ("multiplier", 0.4, 0.4, 0.4, "exact", "fold"),
    ),
    (
        "The port handled 60% as much cargo as a year earlier.",
        "60%",
        ("multiplier", 0.6, 0.6, 0.6, "exact", "fold"),
    ),
    (
        "The new line carries about 70% as many riders as the old one.",
        "about 70%",
        ("multiplier", 0.7, 0.7, 0.7, "approximate", "fold"),
    ),
]


# Words the vocabularies did not declare, span words and period phrases (docs/annotations.md:
# "Nouns of change", "Stock or flow", "A span dated by an end", "Prices per a unit", "Units").
# (sentence, words of the mention, expected reading or (refusal/exclusion, part of its reason))
UNDECLARED_WORD_CASES = [
    # "hit" and "loss" after or before a percentage: a fall of that percentage
    (
        "The clinic took a 3% hit from the strike.",
        "3%",
        ("change", -3.0, -3.0, -3.0, "exact", "percent"),
    ),
    (
        "The index fund's loss of 1.2% surprised savers.",
        "1.2%",
        ("change", -1.2, -1.2, -1.2, "exact", "percent"),
    ),
    (
        "Margins recovered after a 15 percent loss in 2020.",
        "15 percent",
        ("change", -15.0, -15.0, -15.0, "exact", "percent"),
    ),
    (
        "Wheat farmers saw a hit of about 8% to their income.",
        "about 8%",
        ("change", -8.0, -8.0, -8.0, "approximate", "percent"),
    ),
    # (a row of tests/test_unheld.py refused "a loss of 7%" before "loss" was declared)
    (
        "The fund booked a loss of 7% on the sale.",
        "7%",
        ("change", -7.0, -7.0, -7.0, "exact", "percent"),
    ),
    ("The chain posted a 6% sales loss.", "6%", ("change", -6.0, -6.0, -6.0, "exact", "percent")),
    (
        "Lenders saw losses of 3% on the book.",
        "3%",
        ("change", -3.0, -3.0, -3.0, "exact", "percent"),
    ),
    # ... "loss rate", "hit rate" name a level
    ("The drug has a 30% hit rate.", "30%", ("percent", 30.0, 30.0, 30.0, "exact", "percent")),
    # ... a "return" of a percentage may be a gain in value or a yield a year: refused
    (
        "The city fund posted a 14% return on its holdings for the year.",
        "14%",
        ("refusal", "'return'"),
    ),
    ("The pension plan's return of 7% beat the index.", "7%", ("refusal", "'return'")),
    # ... money and counts with "loss" read as written (the sign is the metric's)
    (
        "The firm reported a $40 million loss last year.",
        "$40 million",
        ("money", 40e6, 40e6, 40e6, "exact", "usd"),
    ),
    (
        "The firm booked a loss of $40 million last year.",
        "$40 million",
        ("money", 40e6, 40e6, 40e6, "exact", "usd"),
    ),
    (
        "The closure meant a loss of 2,000 jobs.",
        "2,000",
        ("count", 2000.0, 2000.0, 2000.0, "exact", "count"),
    ),
    # ... "hit" as a verb before a percentage stays the level reached
    ("Unemployment hit 20% in May.", "20%", ("percent", 20.0, 20.0, 20.0, "exact", "percent")),
    # "weekday", "weekend" and the days of the week are span words: a flow per such a day
    (
        "The station's weekday ridership, some 80,000 trips, slipped 4 percent.",
        "some 80,000",
        ("refusal", "flow"),
    ),
    ("Sunday ridership reached 45,000 trips.", "45,000", ("refusal", "flow")),
    ("Weekend traffic averaged 12,000 cars.", "12,000", ("refusal", "flow")),
    ("Sunday's march drew 40,000 people.", "40,000", ("count", 4e4, 4e4, 4e4, "exact", "count")),
    (
        "The app's weekend users reached 3 million.",
        "3 million",
        ("count", 3e6, 3e6, 3e6, "exact", "count"),
    ),
    # ... an amount set off by a comma after a phrase opened by a span word names that flow,
    # a counted noun of its own does not make it a stock
    ("Weekly port throughput dipped, totaling 41,500 boxes.", "41,500", ("refusal", "flow")),
    ("Monthly cargo volume slipped, totalling 52,000 crates.", "52,000", ("refusal", "flow")),
    ("Its daily circulation, about 80,000, held steady.", "about 80,000", ("refusal", "flow")),
    (
        "Daily visits rose, and the firm hired 400 staff.",
        "400",
        ("count", 400.0, 400.0, 400.0, "exact", "count"),
    ),
    # ... a span word before a noun of things published or held at that span names the thing
    (
        "The 90 weekly papers in the state sold fewer copies.",
        "90",
        ("count", 90.0, 90.0, 90.0, "exact", "count"),
    ),
    ("The town has 12 weekly markets.", "12", ("count", 12.0, 12.0, 12.0, "exact", "count")),
    ("The 40 daily flights to Lisbon were cut.", "40", ("refusal", "flow")),
    # a span followed by "to", "ending" or "ended" and a date is the period of another figure
    (
        "For the nine months to 30 June, the club sold 40,000 tickets.",
        "nine months",
        ("refusal", "period"),
    ),
    (
        "The shop served 9,000 diners for the 26 weeks ending 3 March.",
        "26 weeks",
        ("refusal", "period"),
    ),
    ("For the six months ended June 30, revenue rose 4%.", "six months", ("refusal", "period")),
    ("In the 12 months through March 2024, prices rose 3%.", "12 months", ("refusal", "period")),
    (
        "For the 12 months to the end of March, sales rose 6%.",
        "12 months",
        ("refusal", "period"),
    ),
    ("The six weeks ending in May were busy.", "six weeks", ("refusal", "period")),
    # ... a span before "to" and no date stays a duration
    (
        "The project took nine months to complete.",
        "nine months",
        ("duration", 9.0, 9.0, 9.0, "exact", "month"),
    ),
    # "the price (or cost) of a <unit> of <goods>" before an amount is a price per that unit
    (
        "The price of a litre of fuel went from €1.20 to €1.65 over two years.",
        "€1.20",
        ("refusal", "'litre'"),
    ),
    ("The cost of a tonne of steel rose to $600.", "$600", ("refusal", "'tonne'")),
    ("The price per litre of fuel went from €1.20 to €1.65.", "€1.65", ("refusal", "'litre'")),
    ("The price for a bushel of corn hit $7.", "$7", ("refusal", "'bushel'")),
    # ... the price of a thing with no unit of goods after it stays money
    (
        "The cost of a new home reached $400,000.",
        "$400,000",
        ("money", 4e5, 4e5, 4e5, "exact", "usd"),
    ),
    (
        "The price of the deal was $4 billion.",
        "$4 billion",
        ("money", 4e9, 4e9, 4e9, "exact", "usd"),
    ),
    # a unit spelled out with a common prefix of the metric system is a unit, not a word
    ("A full crate weighs 40 kilograms.", "40", ("refusal", "kilograms")),
    ("Each dose holds 5 milligrams.", "5", ("refusal", "milligrams")),
    ("The dealer sold 12 rare stamps.", "12", ("count", 12.0, 12.0, 12.0, "exact", "count")),
    # kilowatts convert to gigawatts; a rating glued to the unit ("MWdc") is refused
    (
        "The farm installed 250 kW of panels.",
        "250 kW",
        ("quantity", 0.00025, 0.00025, 0.00025, "exact", "gigawatt"),
    ),
    ("The array is rated 5 MWdc.", "5", ("refusal", "MWdc")),
    ("The array is rated 5 MW-DC.", "5", ("refusal", "MW")),
    # bales and carloads are things counted one by one, as bags are ("40 bags of rice")
    (
        "Farmers shipped 20,000 bales of cotton.",
        "20,000",
        ("count", 20000.0, 20000.0, 20000.0, "exact", "count"),
    ),
    (
        "The railroad moved 30,000 carloads last week.",
        "30,000",
        ("count", 30000.0, 30000.0, 30000.0, "exact", "count"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), LIST_AND_COMPARISON_CASES)
def test_a_list_item_or_a_thing_compared_reads_as_the_rules_say(text, words, expected):
    assert_reads_as(text, words, expected)


# Forms a reviewer found the rules silent on, each settled in docs/annotations.md (invented).
SETTLED_LAST_CASES = [
    # "average" as a verb names a level over a span, in any form
    (
        "Inflation averaged 3% over the decade.",
        "3%",
        ("percent", 3.0, 3.0, 3.0, "exact", "percent"),
    ),
    (
        "Vacancy rates, averaging 7%, worried landlords.",
        "7%",
        ("percent", 7.0, 7.0, 7.0, "exact", "percent"),
    ),
    ("The yield averages 5%.", "5%", ("percent", 5.0, 5.0, 5.0, "exact", "percent")),
    # with a noun of change before it, the average is of that change
    (
        "Growth averaged 3% over the decade.",
        "3%",
        ("change", 3.0, 3.0, 3.0, "exact", "percent"),
    ),
    # odds whose second number has a scale word stay refused: the two are not joined
    ("The odds of winning are 1 in 302.5 million.", "302.5 million", ("refusal", "1 in")),
    # a fall "annual" names is a rate a year; "year-on-year" dates a change over one year
    (
        "The town expects an annual decline of 2% in its population.",
        "decline of 2%",
        ("change", -2.0, -2.0, -2.0, "exact", "percent_per_year"),
    ),
    (
        "Bookings show a year-on-year decline of 2%.",
        "decline of 2%",
        ("change", -2.0, -2.0, -2.0, "exact", "percent"),
    ),
    # a price per megawatt-hour is read per kWh, a thousandth of it (exact)
    (
        "Wholesale power sold for $45 per MWh last winter.",
        "$45",
        ("price", 0.045, 0.045, 0.045, "exact", "usd_per_kwh"),
    ),
    # "N of the M <things>": two counts; "N out of M" one share, refused as two counts
    ("Seven of the 12 branches closed.", "Seven", ("count", 7.0, 7.0, 7.0, "exact", "count")),
    ("Seven of the 12 branches closed.", "12", ("count", 12.0, 12.0, 12.0, "exact", "count")),
    ("Seven out of 12 branches closed.", "Seven", ("refusal", "out of 12")),
    # "within N" keeps N as an upper bound
    (
        "Inflation remained within 2 percent all year.",
        "within 2 percent",
        ("percent", None, None, 2.0, "upper", "percent"),
    ),
    # a stacked hedge keeps its outer bound: "a little more than" is a lower bound
    (
        "Costs are a little more than 5% of sales.",
        "more than 5%",
        ("percent", None, 5.0, None, "lower", "percent"),
    ),
    # a verb of going above with the same thing at an earlier time: a change, as after "than"
    (
        "Sales ended the year exceeding last year's by 8 percent.",
        "by 8 percent",
        ("change", 8.0, 8.0, 8.0, "exact", "percent"),
    ),
    (
        "Ticket sales beat the previous record by 5%.",
        "by 5%",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    ("The firm is ahead by 2.7%.", "by 2.7%", ("percent", 2.7, 2.7, 2.7, "exact", "percent")),
    # a verb of change "at a rate of" past a period phrase: the rate a year of that change
    (
        "Tolls have risen since 2015 at a rate of 2% a year.",
        "2% a year",
        ("change", 2.0, 2.0, 2.0, "exact", "percent_per_year"),
    ),
    # "number" before "by" is no rank: the gap after a verb of going above, here the same
    # thing at an earlier time, so a rise (a count with no time stays as written)
    (
        "Sign-ups beat last year's number by 500.",
        "by 500",
        ("change", 500.0, 500.0, 500.0, "exact", "count"),
    ),
    (
        "Arrivals in 2021 exceeded the 2020 total by 3 million.",
        "by 3 million",
        ("change", 3e6, 3e6, 3e6, "exact", "count"),
    ),
    (
        "Sign-ups beat the rival's total by 500.",
        "by 500",
        ("count", 500.0, 500.0, 500.0, "exact", "count"),
    ),
    # a bound or a hedge on an amount holds for its conversion in brackets
    (
        "The deal is worth more than $US10 million (€9 million).",
        "€9 million",
        ("money", None, 9e6, None, "lower", "eur"),
    ),
    (
        "The deal is worth about £10 million ($12 million).",
        "$12 million",
        ("money", 12e6, 12e6, 12e6, "approximate", "usd"),
    ),
    (
        "The deal is worth £10 million ($12 million).",
        "$12 million",
        ("money", 12e6, 12e6, 12e6, "exact", "usd"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), SETTLED_LAST_CASES)
def test_a_form_the_rules_were_silent_on_reads_as_now_settled(text, words, expected):
    assert_reads_as(text, words, expected)


# The engineers' notes of the last round: a hedge between "by" and a bound, a change of a growth
# rate in percent, a price per a counted thing or per a unit of two words, a change of a price
# per a unit written after a comma, a version before any verb.
ENGINEER_NOTE_CASES = [
    (
        "Costs rose by a little more than 5% last year.",
        "5%",
        ("change", None, 5.0, None, "lower", "percent"),
    ),
    (
        "Costs rose by a bit more than 5% last year.",
        "5%",
        ("change", None, 5.0, None, "lower", "percent"),
    ),
    (
        "Costs rose by slightly more than 5% last year.",
        "5%",
        ("change", None, 5.0, None, "lower", "percent"),
    ),
    (
        "Rents rose by slightly less than 4% in May.",
        "4%",
        ("change", None, None, 4.0, "upper", "percent"),
    ),
    (
        "Sales fell by a little over 3% in May.",
        "3%",
        ("change", None, None, -3.0, "upper", "percent"),
    ),
    (
        "A little more than 5% of firms agreed.",
        "5%",
        ("percent", None, 5.0, None, "lower", "percent"),
    ),
    (
        "Night power cost a little more than 9 cents per kWh in 2015.",
        "9 cents",
        ("price", None, 0.09, None, "lower", "usd_per_kwh"),
    ),
    ("Growth rose by 0.2% in the quarter.", "0.2%", ("refusal", "growth rate")),
    ("Growth picked up by 0.3% in May.", "0.3%", ("refusal", "growth rate")),
    ("The growth rate fell 0.2% last year.", "0.2%", ("refusal", "growth rate")),
    ("Growth slowed by 0.2% in the quarter.", "0.2%", ("refusal", "'slowed'")),
    (
        "Growth rose by 0.2 percentage points in May.",
        "0.2",
        ("change", 0.2, 0.2, 0.2, "exact", "percentage_point"),
    ),
    ("Sales rose by 0.2% in the quarter.", "0.2%", ("change", 0.2, 0.2, 0.2, "exact", "percent")),
    (
        "Export growth slowed to 4.8% in May.",
        "4.8%",
        ("refusal", "noun of change as the subject"),
    ),
    ("Each jet costs $90 million a plane.", "$90 million", ("refusal", "'a plane'")),
    ("The carrier paid $90 million a plane for the jets.", "$90 million", ("refusal", "'a plane'")),
    ("Copper traded at $9,800 a tonne, up $150.", "$150", ("refusal", "'a tonne'")),
    ("Copper traded at $9,800 a tonne, down $40 on the week.", "$40", ("refusal", "'a tonne'")),
    ("Copper traded at $9,800, up $150.", "$150", ("change", 150.0, 150.0, 150.0, "exact", "usd")),
    ("Llama 3 beat rivals on most tests.", "3", ("refusal", "version")),
    ("Gemini 2 beat its rivals.", "2", ("refusal", "version")),
    ("Claude 3 leads the pack.", "3", ("refusal", "version")),
    ("Falcon 9 holds the record.", "9", ("refusal", "version")),
    ("Another 300 jobs were cut.", "300", ("count", 300.0, 300.0, 300.0, "exact", "count")),
    (
        "The hotel earned $120 per available room last year.",
        "$120",
        ("refusal", "'available room'"),
    ),
    ("Revenue per available room rose to $120 in May.", "$120", ("refusal", "'available room'")),
]


@pytest.mark.parametrize(("text", "words", "expected"), ENGINEER_NOTE_CASES)
def test_an_engineers_note_reads_right_or_is_refused_naming_its_words(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] == "refusal":
        assert "refusal" in reading and expected[1] in reading["refusal"], reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


# A part set off by commas right after a verb of change belongs to that verb: "by N%" ("grew,
# by about 6%, this spring") is its change, and "from X to Y" after "<verb> by N%," its levels
# ("fell by 9%, from £40.2 million to £36.6 million, on weaker demand"): (sentence, words,
# expected kind, value; for levels the two ends).
SET_OFF_BY_COMMAS = [
    ("Only rail freight grew, by about 6%, this spring.", "6%", "change", 6.0),
    ("Output fell, by 3 percent, in May.", "3 percent", "change", -3.0),
    ("Revenue fell by 9%, from £40.2 million to £36.6 million, on weaker demand.", "£40.2",
     "levels", (40.2e6, 36.6e6)),
]  # fmt: skip
# ... and where no verb of change stands before the comma, the refusal stays.
SET_OFF_BY_COMMAS_REFUSED = [
    ("The plan, by about 6%, was late.", "6%"),
    ("Revenue was high, from £40.2 million to £36.6 million, on weaker demand.", "£40.2"),
    ("Revenue was £50 million, from £40.2 million to £36.6 million.", "£40.2"),
]


def _reading_holding(text: str, words: str) -> dict:
    at = text.index(words)
    (mention,) = [m for m in find_mentions(text) if m.start <= at < m.end]
    return read_in_sentence(text, mention)


@pytest.mark.parametrize(("text", "words", "kind", "value"), SET_OFF_BY_COMMAS)
def test_a_part_set_off_by_commas_after_a_verb_of_change_belongs_to_it(text, words, kind, value):
    reading = _reading_holding(text, words)
    if kind == "levels":
        assert [lvl.get("value") for lvl in reading.get("levels", [])] == list(value), reading
    else:
        assert (reading.get("kind"), reading.get("value")) == (kind, pytest.approx(value)), reading


@pytest.mark.parametrize(("text", "words"), SET_OFF_BY_COMMAS_REFUSED)
def test_a_part_set_off_by_commas_with_no_verb_of_change_before_it_is_refused(text, words):
    assert "refusal" in _reading_holding(text, words)


@pytest.mark.parametrize(("text", "words", "expected"), UNDECLARED_WORD_CASES)
def test_an_undeclared_word_span_or_period_reads_right_or_is_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# A hedge between "by" and the bound stays in the mention: the change and its bound are read.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Costs rose by a little more than 5% last year.", "rose by a little more than 5%"),
        ("Costs rose by slightly more than 5% last year.", "rose by slightly more than 5%"),
        ("Pay grew by a bit less than 2% in 2024.", "grew by a bit less than 2%"),
        ("A little more than 5% of firms agreed.", "A little more than 5% of firms"),
    ],
)
def test_a_hedge_on_a_bound_after_by_stays_in_the_mention(text, span):
    assert span in [m.text for m in find_mentions(text)]


# Words a step further off (docs/annotations.md): a word that settles a figure's kind a few
# words or a clause away. (sentence, words of the mention, expected reading or refusal).
FURTHER_OFF_CASES = [
    # a density named by the word: refused for a count, and for a later end after "to"
    ("Orchard density reached 900 trees on the upper slopes.", "900", ("refusal", "density")),
    ("Farm surveys put tractor density at 45 units.", "45", ("refusal", "density")),
    ("Shelf density stood at 14 items before climbing to 20.", "14", ("refusal", "density")),
    ("Shelf density stood at 14 items before climbing to 20.", "20", ("refusal", "density")),
    # ... a clause of its own ends the reach; no density word, a count
    (
        "Grid density rose, while the number of stations climbed to 300.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    (
        "Population density is high, and the city has 45 hospitals.",
        "45",
        ("count", 45.0, 45.0, 45.0, "exact", "count"),
    ),
    # a flow written short after a count
    ("The terminal loads 80,000 bpd.", "80,000", ("refusal", "'bpd'")),
    ("Exports of 4.1 million bpd beat the plan.", "4.1 million", ("refusal", "'bpd'")),
    ("Output fell by 20,000 bpd in May.", "20,000", ("refusal", "'bpd'")),
    ("The plant makes 4 mtpa of gas.", "4", ("refusal", "'mtpa'")),
    (
        "The field has 650 wells and 3 rigs.",
        "650",
        ("count", 650.0, 650.0, 650.0, "exact", "count"),
    ),
    # "annual" across one or two plain words before its noun of change
    (
        "Annual ferry fare increases of 5 percent angered riders.",
        "5 percent",
        ("change", 5.0, 5.0, 5.0, "exact", "percent_per_year"),
    ),
    (
        "The annual fare increase of 3 percent took effect.",
        "3 percent",
        ("change", 3.0, 3.0, 3.0, "exact", "percent_per_year"),
    ),
    (
        "Annual ferry fare increases of 3 or 5 percent angered riders.",
        "5 percent",
        ("refusal", "'annual'"),
    ),
    # ... side by side: an annual rate with no word of change stays refused, compound annual read
    ("The loan carries a 5% annual rate.", "5%", ("refusal", "annual rate")),
    (
        "Sales grew at a 9% compound annual rate.",
        "9%",
        ("change", 9.0, 9.0, 9.0, "exact", "percent_per_year"),
    ),
    (
        "Fares rose 5 percent in the year.",
        "5 percent",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    # "annual run rate" earlier in the clause of money: a flow a year
    (
        "The firm reached an annual revenue run rate of $3 billion.",
        "$3 billion",
        ("money", 3e9, 3e9, 3e9, "exact", "usd_per_year"),
    ),
    (
        "Its annualized run rate topped $3 billion.",
        "$3 billion",
        ("money", None, 3e9, None, "lower", "usd_per_year"),
    ),
    # a bare number "in the N-M range": a level on a scale not named
    ("Most trainees score in the 55–61 range on the test.", "55–61", ("refusal", "'score'")),
    ("Most bowlers average in the 150–180 range.", "150–180", ("refusal", "range")),
    ("The club's rating sat at the 70 range all season.", "70", ("refusal", "'rating'")),
    (
        "Homes in the $300,000 range sold fast.",
        "$300,000",
        ("money", 3e5, 3e5, 3e5, "exact", "usd"),
    ),
    # a change in money whose level after "to" is priced per a unit of goods
    ("Tin rose $40 on Friday to settle at $31,000 a tonne.", "$40", ("refusal", "'tonne'")),
    (
        "Oats rose 3 cents or 1 percent to close at $3.05 per bushel.",
        "3 cents",
        ("refusal", "'bushel'"),
    ),
    (
        "Tin rose $40, or 0.1%, to settle at $31,000 a tonne.",
        "0.1%",
        ("change", 0.1, 0.1, 0.1, "exact", "percent"),
    ),
    ("Tin rose $40 on Friday.", "$40", ("change", 40.0, 40.0, 40.0, "exact", "usd")),
    (
        "Gold rose $10, while copper fell to $9,000 a tonne.",
        "$10",
        ("change", 10.0, 10.0, 10.0, "exact", "usd"),
    ),
    ("It took three years of the decline to end.", "three years", ("refusal", "'of decline'")),
    # "N years of <noun of change>": the period of a change with no size
    (
        "After four years of declines, sales grew 3 percent.",
        "four years",
        ("refusal", "'of declines'"),
    ),
    ("After five years of steady gains, the index fell.", "five years", ("refusal", "'of gains'")),
    (
        "The team spent two years of effort on the chip.",
        "two years",
        ("duration", 2.0, 2.0, 2.0, "exact", "year"),
    ),
    # "up" after a verb that gathers an amount, in any form
    (
        "Fans helped the club rack up 5,000 members.",
        "5,000",
        ("count", 5e3, 5e3, 5e3, "exact", "count"),
    ),
    (
        "The shop could ring up $2 million in sales.",
        "$2 million",
        ("money", 2e6, 2e6, 2e6, "exact", "usd"),
    ),
    ("Shares were up $4 on Monday.", "$4", ("change", 4.0, 4.0, 4.0, "exact", "usd")),
]


@pytest.mark.parametrize(("text", "words", "expected"), FURTHER_OFF_CASES)
def test_words_a_step_further_off_settle_the_reading(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] == "refusal":
        assert expected[1], "a refusal row names the words of its reason"
        assert "refusal" in reading and expected[1] in reading["refusal"], reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


# (sentence, words of the mention, expected): a figure tied to a neighbour (a list, a bound
# written once, "from ... of", a gapped verb) is read with that tie or refused with it; words
# after "than", "by" before a verb in "-ing", "prior" and a colon do not make a refusal.
NEIGHBOUR_CASES = [
    # a bound written once before a list holds for an amount that starts with its sign
    ("Over 300 members and $2 million were lost.", "$2 million", ("refusal", "written once")),
    ("Over 300 members and 2,000 fans were lost.", "2,000", ("refusal", "written once")),
    ("Over 300 members and €2 million were lost.", "€2 million", ("refusal", "written once")),
    # a bare percentage after a refused percentage of its sentence continues it: refused
    (
        "Sales at the two mills wobbled 4% to 90,000 units and 6% to 70,000 units, respectively.",
        "6%",
        ("refusal", "which is refused"),
    ),
    (
        "Output at the plant wobbled 4% in May and 6% in June.",
        "6%",
        ("refusal", "which is refused"),
    ),
    (
        "Its share stood at 40% in May and 38% in June.",
        "38%",
        ("percent", 38, 38, 38, "exact", "percent"),
    ),
    # "a year prior" dates the figure, as "a year ago" does
    ("Ferry tickets fell 6% on a year prior.", "6%", ("change", -6, -6, -6, "exact", "percent")),
    ("Ferry tickets fell 6% from a year prior.", "6%", ("change", -6, -6, -6, "exact", "percent")),
    # with money too: "a year prior" or "previously" dates the amount, it makes no flow a year
    ("Profit was $5 billion a year prior.", "$5 billion", ("money", 5e9, 5e9, 5e9, "exact", "usd")),
    (
        "Profit was $5 billion a year previously.",
        "$5 billion",
        ("money", 5e9, 5e9, 5e9, "exact", "usd"),
    ),
    # "hit" after a figure with no article before it is the verb: the figure is a level
    ("Margins of 4% hit a record.", "4%", ("percent", 4, 4, 4, "exact", "percent")),
    ("Unemployment of 4% hit the town hard.", "4%", ("percent", 4, 4, 4, "exact", "percent")),
    ("The depot took a 4% hit from the closure.", "4%", ("change", -4, -4, -4, "exact", "percent")),
    ("The mill took its 6% sales hit in May.", "6%", ("change", -6, -6, -6, "exact", "percent")),
    # a change compared with an average a year dates stays; "than an average" is a ratio
    (
        "Rents fell 3% compared with the 2019 average.",
        "3%",
        ("change", -3, -3, -3, "exact", "percent"),
    ),
    (
        "Rents were 12% higher than an average.",
        "12%",
        ("multiplier", 1.12, 1.12, 1.12, "exact", "fold"),
    ),
    # "within N of <thing>" is a gap to that thing, no bound on the figure: refused
    ("Inflation was within 2 percent of target.", "2 percent", ("refusal", "within")),
    ("Costs were within $2 million of budget.", "$2 million", ("refusal", "within")),
    # a capitalised word right after a colon opens a clause: no name, no version
    (
        "Note this: The 40 climbers reached camp by noon.",
        "40",
        ("count", 40, 40, 40, "exact", "count"),
    ),
    ("The lab trained Llama 3 on new chips.", "3", ("refusal", "version")),
    # what follows "than" after a multiplier is the thing compared
    (
        "Bike use rose 9 percent, three times quicker than growth in car use.",
        "three times",
        ("multiplier", 3, 3, 3, "exact", "fold"),
    ),
    # "by" before a verb in "-ing" names a means: the figure is that verb's object
    (
        "The chain grew last year by adding 120 shops in Texas.",
        "120",
        ("count", 120, 120, 120, "exact", "count"),
    ),
    (
        "The airline grew by adding 14 routes.",
        "14",
        ("count", 14, 14, 14, "exact", "count"),
    ),
    # ", and by N" with no verb of its own continues the earlier change written with "by"
    (
        "Deposits rose by $3.1 million in March, and by $2.2 million in April.",
        "$2.2 million",
        ("change", 2.2e6, 2.2e6, 2.2e6, "exact", "usd"),
    ),
    (
        "Sales fell by 3% in May, and by 2% in June.",
        "2%",
        ("change", -2, -2, -2, "exact", "percent"),
    ),
    ("Sales fell by 3% in May, and by more than 2% in June.", "2%", ("refusal", "by more than")),
    ("Sales fell by 3% in May, and by $2 million in June.", "$2 million", ("refusal", "by $2")),
    # a noun of change, "in" and what changed, then "of": the change's size
    (
        "The survey showed a drop in car crime of 2.2 percent.",
        "2.2 percent",
        ("change", -2.2, -2.2, -2.2, "exact", "percent"),
    ),
    (
        "Fares saw an increase in price of 12% in 2024.",
        "12%",
        ("change", 12, 12, 12, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), NEIGHBOUR_CASES)
def test_a_figure_tied_to_a_neighbour_is_read_with_the_tie_or_refused(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] == "refusal":
        assert "refusal" in reading and expected[1] in reading["refusal"], reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


@pytest.mark.parametrize(
    ("text", "words", "ends"),
    [
        ("Prices moved from a rate of 3.1% to 3.4% over the year.", "3.1% to 3.4%", (3.1, 3.4)),
        ("Its vote went from a share of 30% to 35% by June.", "30% to 35%", (30.0, 35.0)),
        ("Its margin rose from a gross margin of 20% to 25%.", "20% to 25%", (20.0, 25.0)),
    ],
)
def test_from_a_level_noun_of_x_to_y_is_two_levels_never_a_range(text, words, ends):
    reading = reading_of(text, words)
    assert [level["value"] for level in reading["levels"]] == list(ends), reading
    for level in reading["levels"]:
        assert text[level["start"] : level["end"]] == level["text"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Debt went from a total of $3 million to $5 million.", "$3 million to $5 million"),
        ("Staff grew from a crew of 30 to 50 people.", "30 to 50"),
    ],
)
def test_from_another_noun_of_x_to_y_is_refused_never_a_range(text, words):
    reading = reading_of(text, words)
    assert "not one range" in reading.get("refusal", ""), reading


def test_from_a_noun_of_x_to_y_after_a_word_of_range_is_no_pair_of_levels():
    reading = reading_of("Estimates ranged from a low of 3% to 5%.", "3% to 5%")
    assert "levels" not in reading and reading.get("bound") != "exact", reading


# Words one step further from their figure (expected readings written before the code):
# an "-ing" form between a determiner or adjective and its noun describes the noun and is no
# verb of change; a share of "these"/"those" is of a whole named earlier; the subject's noun
# of change reaches past ", which" to "ranged between"; "a range of" names the figure's own
# range; "half" of a period writes no unit; a listed percentage may be followed by a period
# and then a place; a restatement after a counted noun; a dash after the verb of change.
FURTHER_WORD_CASES = [
    (
        "Hail cut wheat yields in the main growing belt by about 30,000 loads last week.",
        "by about 30,000",
        ("change", -30000.0, -30000.0, -30000.0, "approximate", "count"),
    ),
    # a determiner and one word before the "-ing" form: the word may be a noun ("key")
    (
        "Drought cut barley output in the key growing region by about 8,000 jobs.",
        "by about 8,000",
        ("change", -8000.0, -8000.0, -8000.0, "approximate", "count"),
    ),
    (
        "Frost reduced output in the growing season by 12%.",
        "by 12%",
        ("change", -12.0, -12.0, -12.0, "exact", "percent"),
    ),
    ("Sales kept growing by 5%.", "by 5%", ("change", 5.0, 5.0, 5.0, "exact", "percent")),
    ("Of the 400 firms, a quarter of these closed.", "a quarter", ("refusal", "named earlier")),
    ("Of the 400 firms, a quarter of those closed.", "a quarter", ("refusal", "named earlier")),
    (
        "Tuition hikes at the colleges, which ranged between 5 and 9 percent, drew protests.",
        "between 5 and 9 percent",
        ("change", None, 5.0, 9.0, "range", "percent"),
    ),
    (
        "The fee increases ranged between 5 and 9 percent.",
        "between 5 and 9 percent",
        ("change", None, 5.0, 9.0, "range", "percent"),
    ),
    (
        "The agency aims for a comfort range of 2 percent to 2.5 percent for inflation.",
        "2 percent to 2.5 percent",
        ("percent", None, 2.0, 2.5, "range", "percent"),
    ),
    (
        "Prices moved within a range of 2 to 3 percent.",
        "2 to 3 percent",
        ("percent", None, 2.0, 3.0, "range", "percent"),
    ),
    (
        "In the second half of 2022 the club's roll grew 3%, to 4,200.",
        "4,200",
        ("count", 4200.0, 4200.0, 4200.0, "exact", "count"),
    ),
    (
        "Attendance fell 12% in March and 4% from a year ago across all of the small regional"
        " venues.",
        "4%",
        ("change", -4.0, -4.0, -4.0, "exact", "percent"),
    ),
    (
        "Hail destroyed part of the crop, cutting it by 30,000 bins, or 4%.",
        "4%",
        ("change", -4.0, -4.0, -4.0, "exact", "percent"),
    ),
    (
        "Ferry use dropped sharply – by 6% – over the summer.",
        "by 6%",
        ("change", -6.0, -6.0, -6.0, "exact", "percent"),
    ),
    (
        "The toy market contracted 2% last spring.",
        "2%",
        ("change", -2.0, -2.0, -2.0, "exact", "percent"),
    ),
    ("The agency contracted 300 nurses.", "300", ("count", 300.0, 300.0, 300.0, "exact", "count")),
    (
        "Output in the first half of the season fell 3% on the prior season, to 4,200.",
        "3%",
        ("change", -3.0, -3.0, -3.0, "exact", "percent"),
    ),
    (
        "Output in the first half of the season fell 3% on the prior season, to 4,200.",
        "4,200",
        ("count", 4200.0, 4200.0, 4200.0, "exact", "count"),
    ),
    (
        "Growth came in a range of 2% to 3% last year.",
        "2% to 3%",
        ("refusal", "range of a change or of a level"),
    ),
    ("Wages sit in a range of 5%.", "5%", ("refusal", "one end only")),
    (
        "A quarter of those surveyed in May backed the plan.",
        "A quarter",
        ("percent", 25.0, 25.0, 25.0, "exact", "percent"),
    ),
    (
        "The toy market contracted by about 2% last spring.",
        "by about 2%",
        ("change", -2.0, -2.0, -2.0, "approximate", "percent"),
    ),
    (
        "Fee cuts at the clinics, which averaged 4%, helped.",
        "4%",
        ("change", -4.0, -4.0, -4.0, "exact", "percent"),
    ),
    (
        "Sugar logged a weekly gain of 3.1%.",
        "gain of 3.1%",
        ("change", 3.1, 3.1, 3.1, "exact", "percent"),
    ),
    (
        "Sugar posted a monthly decline of 2%.",
        "decline of 2%",
        ("change", -2.0, -2.0, -2.0, "exact", "percent"),
    ),
    ("Sugar logged average weekly gains of 3.1%.", "3.1%", ("refusal", "'weekly'")),
    (
        "The club has 2,300-plus members.",
        "2,300",
        ("count", None, 2300.0, None, "lower", "count"),
    ),
    (
        "Sales rose by 2,000 units, or 3%, last year.",
        "3%",
        ("change", 3.0, 3.0, 3.0, "exact", "percent"),
    ),
    (
        "Price cuts at the two chains were 4% and 6%.",
        "6%",
        ("change", -6.0, -6.0, -6.0, "exact", "percent"),
    ),
    (
        "The increases this year were 3%, 4% and 5%.",
        "3%",
        ("change", 3.0, 3.0, 3.0, "exact", "percent"),
    ),
    (
        "The rise was 5% of the total and costs were 3%.",
        "3%",
        ("percent", 3.0, 3.0, 3.0, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), FURTHER_WORD_CASES)
def test_a_word_one_step_from_its_figure_still_settles_it(text, words, expected):
    assert_reads_as(text, words, expected)


# Words next to a figure that the reading must hold or refuse (docs/annotations.md: "A bound
# the mention does not hold", "Hedges that doubt", "A share of every M", "Parts of a period",
# "Money with no currency", "Ranked groups"): each row was written before its rule.
NEIGHBOUR_WORD_CASES = [
    # "past" after a verb: a bound the mention does not hold (as "past the ... mark")
    ("Bookings surged past 40 million euros in June.", "40 million", ("refusal", "'past'")),
    ("Ticket sales crept past 2,000 in the spring.", "2,000", ("refusal", "'past'")),
    # ... a period after "the past" stays a period
    (
        "Over the past 12 months, revenue rose 5%.",
        "5%",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    # hedges of doubt are hedges of approximation
    (
        "The club has perhaps three dozen members.",
        "three dozen",
        ("count", 36.0, 36.0, 36.0, "approximate", "count"),
    ),
    (
        "The hall seats maybe 400 guests.",
        "400",
        ("count", 400.0, 400.0, 400.0, "approximate", "count"),
    ),
    (
        "Possibly 300 people came to the opening.",
        "300",
        ("count", 300.0, 300.0, 300.0, "approximate", "count"),
    ),
    (
        "The plant employs in the region of 500 people.",
        "500",
        ("count", 500.0, 500.0, 500.0, "approximate", "count"),
    ),
    # "leading" before the number, as after it, chooses a ranked group
    ("The leading four carriers hold most routes.", "four", ("exclusion", "rank")),
    ("Its leading 12 exporters are in the south.", "12", ("exclusion", "rank")),
    # "N of every M", "N for every M": a share or a rate the first figure alone does not hold
    ("Three of every five cars sold here are electric.", "Three", ("refusal", "every")),
    ("The index logged one delay for every 12,000 trains.", "one", ("refusal", "every")),
    ("About 2 jobs in every 10 are seasonal.", "2", ("refusal", "every")),
    # "the first N quarters of <period>": a period, not a fraction
    ("Exports in the first two quarters of 2024 were flat.", "two", ("refusal", "period")),
    ("Over the last three quarters, margins narrowed.", "three", ("refusal", "period")),
    # ... "three quarters of" with no word of order stays a fraction
    (
        "Three quarters of the staff work remotely.",
        "Three quarters",
        ("percent", 75.0, 75.0, 75.0, "exact", "percent"),
    ),
    # an amount with a scale word after a noun of money and no currency of its own
    (
        "The club posted a deficit of 3.2 million last season, with debts of 2 million euros.",
        "3.2 million",
        ("refusal", "currency"),
    ),
    ("Group revenue of 410 million was flat.", "410 million", ("refusal", "currency")),
    (
        "The club posted a deficit of 3.2 million last season, with debts of 2 million euros.",
        "2 million euros",
        ("money", 2e6, 2e6, 2e6, "exact", "eur"),
    ),
    # ... what it counts after it keeps the count
    (
        "Sales of 3 million handsets were logged.",
        "3 million",
        ("count", 3e6, 3e6, 3e6, "exact", "count"),
    ),
    # a noun of change and "in" before a bare percentage: refused (a slip for "of", or a share)
    ("Analysts had pencilled in a drop in 1.5% for rents.", "1.5%", ("refusal", "'drop' and 'in'")),
    # ... a share of a whole after "in" stays a share
    (
        "Doctors saw a rise in 20% of cases.",
        "20%",
        ("percent", 20.0, 20.0, 20.0, "exact", "percent"),
    ),
    # an amount "to <verb> a <unit> of <goods>": a price per that unit
    ("Farmers spend about $4 to grow a kilogram of rice.", "$4", ("refusal", "kilogram")),
    ("It costs $30 to ship a tonne of grain.", "$30", ("refusal", "tonne")),
    # a "top-<word>" compound of quality describes the things; one of an amount ranks them
    (
        "Among the 60 top-rated schools in the region, most are public.",
        "60",
        ("count", 60.0, 60.0, 60.0, "exact", "count"),
    ),
    (
        "The 25 top-tier clubs share the fund.",
        "25",
        ("count", 25.0, 25.0, 25.0, "exact", "count"),
    ),
    ("The 10 top-selling models are all hybrids.", "10", ("exclusion", "rank")),
    ("The 5 best-selling titles are novels.", "5", ("exclusion", "rank")),
    ("The 3 highest-paid players left.", "3", ("exclusion", "rank")),
]


@pytest.mark.parametrize(("text", "words", "expected"), NEIGHBOUR_WORD_CASES)
def test_words_next_to_a_figure_are_held_or_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# A word beside the figure, taken into its reading or the reading refused (sentence, words of
# the mention, expected).
BESIDE_WORD_CASES = [
    # "from X <noun> to <article/adjective> Y": the pair still holds, both ends refused
    ("The port grew its capacity from 400 cranes to a record 800.", "400", ("refusal", "from X")),
    ("The port grew its capacity from 400 cranes to a record 800.", "800", ("refusal", "from X")),
    ("The fleet went from 12 ships to an extra 20 by June.", "20", ("refusal", "from X")),
    # a bracketed conversion after a change of money restates that change, with its own hedge
    (
        "Household savings grew by 2.6 trillion yuan ($360 billion) last year.",
        "$360 billion",
        ("change", 360e9, 360e9, 360e9, "exact", "usd"),
    ),
    (
        "Deposits fell by 8.4 trillion yuan (about $1.2 trillion) in May.",
        "$1.2 trillion",
        ("change", -1.2e12, -1.2e12, -1.2e12, "approximate", "usd"),
    ),
    # ... and where the change is refused (a currency the project lacks), so is the bracket
    (
        "Savings rose by 9 billion pesos ($500 million) in March.",
        "$500 million",
        ("refusal", "converts the change"),
    ),
    # "by N or M%" with an object between the verb and "by": a change, never a level
    (
        "The upgrade should increase battery life by 15 or 20%.",
        "15",
        ("change", 15.0, 15.0, 15.0, "exact", "percent"),
    ),
    # ... the second, bare after "or" beside that change, is refused as after "increase by 30"
    ("The upgrade should increase battery life by 15 or 20%.", "20%", ("refusal", "continue")),
    # "X percent or Y percent <participle>": Y continues the change or is refused, never a level
    ("Fares rose by 12 percent or 9 percent adjusted.", "9 percent", ("not-level", "")),
    # a change whose sign no word of the reading holds is refused, never given "+"
    ("Rents fell for 4.5% year-on-year.", "4.5%", ("refusal", "sign")),
    ("Rents fell for 4.5% in May.", "4.5%", ("not-level", "")),
    ("Analysts had pencilled in a drop in 1.5% for rents.", "1.5%", ("not-level", "")),
    (
        "Rents were 4.5% higher year-on-year.",
        "4.5%",
        ("change", 4.5, 4.5, 4.5, "exact", "percent"),
    ),
    # "+" glued to a number before its scale word: the scale applies to the bound
    (
        "The new dock is a $5+ billion project.",
        "$5+",
        ("money", None, 5e9, None, "lower", "usd"),
    ),
    ("The new dock is a $5+ billion project.", "billion", ("same-mention", "$5+")),
    # a year after a month is a year, whatever lower-case words follow it
    ("The lab opened in June 2025 to build robots for farms.", "2025", ("year", "")),
    ("The lab opened in 2025 to build robots for farms.", "2025", ("year", "")),
    # a hyphenated scale word with the plural noun it counts after it: a count
    (
        "The network delivered 75-million parcels in March.",
        "75-million",
        ("count", 75e6, 75e6, 75e6, "exact", "count"),
    ),
    (
        "It served 410-million meals to its 9-million members.",
        "410-million",
        ("count", 410e6, 410e6, 410e6, "exact", "count"),
    ),
    (
        "The firm raised 40-million euros.",
        "40-million",
        ("money", 40e6, 40e6, 40e6, "exact", "eur"),
    ),
    # a share of a whole whose name holds a "top-N" rank
    (
        "Its app took 12.5% of all top-100 app revenue.",
        "12.5%",
        ("percent", 12.5, 12.5, 12.5, "exact", "percent"),
    ),
    # plain watts: the project's power unit (gigawatt) at its prefix
    (
        "The new laptop draws 65 watts at full load.",
        "65",
        ("quantity", 6.5e-8, 6.5e-8, 6.5e-8, "exact", "gigawatt"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), BESIDE_WORD_CASES)
def test_a_word_beside_the_figure_is_taken_into_its_reading_or_refused(text, words, expected):
    if expected[0] == "same-mention":
        at, first = text.index(words), text.index(expected[1])
        (mention,) = [m for m in find_mentions(text) if m.start <= first < m.end]
        assert mention.start <= at < mention.end, mention
        return
    reading = reading_of(text, words)
    if expected[0] == "refusal":
        assert "refusal" in reading and expected[1] in reading["refusal"], reading
    elif expected[0] == "not-level":
        assert "refusal" in reading or reading.get("kind") == "change", reading
    elif expected[0] == "year":
        assert reading.get("kind") != "count", reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


# Words that tie a figure to something else are read or make it refused, never left out while a
# plain level is read: a unit of goods a price verb ties to the amount, a change's own terms
# before ", or", "a <noun> or N", "plus" after a hedged amount, a name with a digit before "in
# <span>", a comparative of the figure's own after a hedged one, a period of comparison in any
# form, a unit after a trailing bound, zero as the far end of "from X to".
# (sentence, words of the mention, expected): numbers as in ``numbers``; ("refusal", words in
# the reason); ("levels", ((kind, value, unit), ...)).
TIED_WORD_CASES = [
    # a price per a quantity of goods, in any shape
    ("The price of a dozen roses went from $20 to $40.", "$20", ("refusal", "dozen")),
    ("The price of a dozen roses doubled, going from $20 to $40.", "$40", ("refusal", "dozen")),
    ("Shoppers paid more, with a large bag of rice costing $12.", "$12", ("refusal", "bag")),
    ("One crate of apples sells for $30 at the market.", "$30", ("refusal", "crate")),
    ("The cost of a large tin of paint rose to $45.", "$45", ("refusal", "tin")),
    ("The price of a litre of fuel rose, reaching $2.10 in May.", "$2.10", ("refusal", "litre")),
    # a quantifier is no unit priced
    (
        "A lot of apps costing $5 were removed.",
        "$5",
        ("money", 5.0, 5.0, 5.0, "exact", "usd"),
    ),
    (
        "The price of oil rose, adding $2 billion to revenue.",
        "$2 billion",
        ("money", 2e9, 2e9, 2e9, "exact", "usd"),
    ),
    # the change's own terms between it and ", or"
    (
        "Farm income grew 9 percent at current prices, or 5 percent adjusted for inflation.",
        "5 percent",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    (
        "Wages climbed 3.1 percent in nominal terms, or 1.2 percent after inflation.",
        "1.2 percent",
        ("change", 1.2, 1.2, 1.2, "exact", "percent"),
    ),
    (
        "Wages climbed 3.1 percent, or 1.2 percent adjusted for inflation.",
        "1.2 percent",
        ("change", 1.2, 1.2, 1.2, "exact", "percent"),
    ),
    # words naming terms after a bare percentage do not name what it is
    (
        "Sales rose 9 percent, and 5 percent adjusted for inflation.",
        "5 percent",
        ("refusal", "bare percentage"),
    ),
    # "a <noun> or N": the far end of a vague span, never a count of N
    ("The repair will take a week or two.", "two", ("refusal", "vague span")),
    ("The move took a year or 2 to finish.", "2", ("refusal", "vague span")),
    # "plus" after an amount with a hedge before it: two qualifiers, refused
    (
        "Collectors spent an estimated €8 million plus on stamps.",
        "€8 million",
        ("refusal", "two qualifiers"),
    ),
    ("Collectors spent €8 million plus on stamps.", "€8 million", ("refusal", "plus")),
    # digits glued to a name are no figure that a span after them is the period of
    (
        "The startup built its Falcon2 prototype in just three weeks with a small crew.",
        "three weeks",
        ("duration", 0.689938398357, 0.689938398357, 0.689938398357, "exact", "month"),
    ),
    ("The firm hired 300 engineers in two years.", "two years", ("refusal", "period")),
    # a comparative of its own: the hedge before the figure listed before it is not lent
    (
        "The harbour handled about 8 million containers, 15% less than a year before.",
        "15%",
        ("change", -15.0, -15.0, -15.0, "exact", "percent"),
    ),
    # a period of comparison in any of its forms
    (
        "Output rose by 35% quarter-over-quarter in the spring.",
        "35%",
        ("change", 35.0, 35.0, 35.0, "exact", "percent"),
    ),
    (
        "Orders fell 4% week-on-week.",
        "4%",
        ("change", -4.0, -4.0, -4.0, "exact", "percent"),
    ),
    # a unit after a trailing bound belongs to the figure
    (
        "A permit can take 45 or more days in the busy season.",
        "45",
        ("duration", None, 1.478439425052, None, "lower", "month"),
    ),
    (
        "Sessions ran two or fewer weeks.",
        "two",
        ("duration", None, None, 0.459958932238, "upper", "month"),
    ),
    # zero as the far end of "from X to" is zero in the near end's unit
    (
        "Attendance at the old venue went from 60% to zero within a year.",
        "60%",
        ("levels", (("percent", 60.0, "percent"), ("percent", 0.0, "percent"))),
    ),
    (
        "Its debt fell from $4 billion to zero.",
        "$4 billion",
        ("levels", (("money", 4e9, "usd"), ("money", 0.0, "usd"))),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), TIED_WORD_CASES)
def test_a_word_tying_the_figure_to_another_is_read_or_refused(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] == "refusal":
        assert "refusal" in reading and expected[1] in reading["refusal"], reading
    elif expected[0] == "levels":
        got = tuple((lv.get("kind"), lv.get("value"), lv.get("unit")) for lv in reading["levels"])
        assert got == expected[1], reading
    else:
        assert numbers(reading) == pytest.approx(expected), reading


# Words touching a figure that its own words do not hold: a "per <noun>" in the subject of a
# pair of levels or across a bracketed short name, a currency word between a hedge and the
# sign, a frequency after a duration with "or more", a scale letter after a range, a short
# fiscal-year label. Each is read with that word or refused, never read plainly.
TOUCHING_WORD_CASES = [
    ("The average price per ton fell from $80 to $72.", "$80", ("refusal", "'ton'")),
    ("The fee per visit went from $40 to $55 last year.", "$40", ("refusal", "'visit'")),
    (
        "Revenue per seat mile (RPSM) hit a record of $0.12 in May.",
        "$0.12",
        ("refusal", "per"),
    ),
    (
        "The deal earned about US $3 billion.",
        "$3 billion",
        ("money", 3e9, 3e9, 3e9, "approximate", "usd"),
    ),
    ("The deal earned US $3 billion.", "$3 billion", ("money", 3e9, 3e9, 3e9, "exact", "usd")),
    ("Fans attend the club four days a week or more.", "four", ("refusal", "a week")),
    ("A new drone lists for $7-9 k in shops.", "$7-9", ("refusal", "'k'")),
    ("The FY 22-23 parks budget grew.", "22-23", ("exclusion", "a year")),
]


@pytest.mark.parametrize(("text", "words", "expected"), TOUCHING_WORD_CASES)
def test_a_word_touching_the_figure_is_read_with_it_or_refused(text, words, expected):
    assert_reads_as(text, words, expected)


def test_a_pair_of_levels_with_no_per_in_its_subject_is_still_read():
    reading = reading_of("The average price fell from $80 to $72.", "$80")
    assert [lv["value"] for lv in reading["levels"]] == [80.0, 72.0], reading


def test_a_pair_of_levels_after_per_a_unit_the_project_has_is_two_prices():
    reading = reading_of("The cost per kWh fell from $0.10 to $0.05.", "$0.10")
    got = [(lv["kind"], lv["value"], lv["unit"], lv["text"]) for lv in reading["levels"]]
    assert got == [("price", 0.1, "usd_per_kwh", "$0.10"), ("price", 0.05, "usd_per_kwh", "$0.05")]


# "annual" before a rate noun gives a growth rate a year, whatever links the rate to its figure
# ("of", "at", "was", "stood at").
ANNUAL_RATE_LINK_CASES = [
    (
        "Sales grew at an average annual growth rate at 41pc over the decade.",
        "41pc",
        ("change", 41.0, 41.0, 41.0, "exact", "percent_per_year"),
    ),
    (
        "The average annual growth rate was 12% in that decade.",
        "12%",
        ("change", 12.0, 12.0, 12.0, "exact", "percent_per_year"),
    ),
    (
        "The compound annual growth rate stood at 7% from 2015.",
        "7%",
        ("change", 7.0, 7.0, 7.0, "exact", "percent_per_year"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), ANNUAL_RATE_LINK_CASES)
def test_an_annual_rate_is_a_rate_a_year_whatever_links_it_to_its_figure(text, words, expected):
    assert_reads_as(text, words, expected)


# A verb of a small move ("edge", "tick", "inch", "creep", "bump", "nudge") with "up" or "down"
# and "by" before a figure makes it a change in every form, as "edged up to" makes a level;
# "up by" after another verb ("set up by") is no change.
SMALL_MOVE_BY_CASES = [
    (
        "Since June, staff numbers edged up by 300 jobs.",
        "300",
        ("change", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    (
        "Revenue ticked up by $5 million in May.",
        "$5 million",
        ("change", 5e6, 5e6, 5e6, "exact", "usd"),
    ),
    (
        "Enrolment inched down by 40 pupils.",
        "40",
        ("change", -40.0, -40.0, -40.0, "exact", "count"),
    ),
    ("The fund was set up by 3 founders.", "3", ("count", 3.0, 3.0, 3.0, "exact", "count")),
]


@pytest.mark.parametrize(("text", "words", "expected"), SMALL_MOVE_BY_CASES)
def test_a_small_move_up_or_down_by_a_figure_is_a_change(text, words, expected):
    assert_reads_as(text, words, expected)


# Bound words the lists lacked: the verb "crest" (as "top"); a tail "and much more", refused as
# "and more" is; "bring ... up to", whose "up" may be the verb's, refused.
BOUND_WORD_CASES = [
    (
        "A large hangar can crest $30 million when finished.",
        "$30 million",
        ("money", None, 30e6, None, "lower", "usd"),
    ),
    (
        "The grant was worth $3.2 million and much more.",
        "$3.2 million",
        ("refusal", "'and much more'"),
    ),
    (
        "Ticket sales rose 30%, bringing revenue up to 3.4 million dollars.",
        "3.4 million dollars",
        ("refusal", "bringing revenue up to"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), BOUND_WORD_CASES)
def test_a_bound_word_the_lists_lacked_is_read_or_refused(text, words, expected):
    reading = reading_of(text, words)
    if expected[0] == "refusal":
        assert expected[1] in reading.get("refusal", ""), reading
    else:
        got = tuple(reading.get(key) for key in ("kind", "value", "low", "high", "bound", "unit"))
        assert got == expected, reading


# A noun pointing back at a price per a thing named earlier in the sentence ("that rate", "the
# fare") carries its unit to a later amount: refused, as the price itself is.
BACK_REFERENCE_PRICE_CASES = [
    (
        "The toll is $2.10 per crossing, and that rate is set to rise to $2.30 in 2029.",
        "$2.30",
        ("refusal", "'crossing'"),
    ),
    (
        "The fare is $3 per trip, and the fare rose to $3.50 in May.",
        "$3.50",
        ("refusal", "'trip'"),
    ),
    (
        "The toll is $2.10 per crossing, and the bridge cost $40 million.",
        "$40 million",
        ("money", 40e6, 40e6, 40e6, "exact", "usd"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), BACK_REFERENCE_PRICE_CASES)
def test_a_noun_pointing_back_at_a_price_carries_its_unit(text, words, expected):
    assert_reads_as(text, words, expected)


# "raise" as a noun of change after a percentage: a rise ("a 4.1% pay raise").
RAISE_NOUN_CASES = [
    (
        "Union members won a 4.1% cost-of-living raise for 2027.",
        "4.1%",
        ("change", 4.1, 4.1, 4.1, "exact", "percent"),
    ),
    ("Nurses got a 6% raise last spring.", "6%", ("change", 6.0, 6.0, 6.0, "exact", "percent")),
    ("Their 6% pay raise came in May.", "6%", ("change", 6.0, 6.0, 6.0, "exact", "percent")),
    (
        "The firm hopes to raise $5 million this year.",
        "$5 million",
        ("money", 5e6, 5e6, 5e6, "exact", "usd"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), RAISE_NOUN_CASES)
def test_raise_after_a_percentage_is_a_noun_of_change(text, words, expected):
    assert_reads_as(text, words, expected)


def test_raise_after_a_percentage_with_no_article_before_it_is_the_verb():
    reading = reading_of("Firms with 40% margins raise prices.", "40%")
    assert reading.get("kind") != "change", reading


# A change followed by "every"/"each" and a numbered span is a change per that span, a rate the
# project has no unit for: refused, never a total change ("doubles every 10 months" is no
# doubling overall). "every year" is read by the mention itself (a change a year).
CHANGE_EVERY_SPAN_CASES = [
    ("Compute doubles every 10 months.", "doubles", ("refusal", "'every 10 months'")),
    ("Compute doubled every 10 months.", "doubled", ("refusal", "'every 10 months'")),
    ("Chip density doubles every two years.", "doubles", ("refusal", "'every two years'")),
    ("Costs fell by half every 18 months.", "fell by half", ("refusal", "'every 18 months'")),
    ("Sales grew 5% each 3 months.", "grew 5%", ("refusal", "'each 3 months'")),
    ("Compute doubled every year.", "doubled", ("change", 2.0, 2.0, 2.0, "exact", "fold_per_year")),
    ("Compute doubled in 10 months.", "doubled", ("change", 2.0, 2.0, 2.0, "exact", "fold")),
]


@pytest.mark.parametrize(("text", "words", "expected"), CHANGE_EVERY_SPAN_CASES)
def test_a_change_every_numbered_span_is_a_rate_and_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# A country's letters standing apart before a bare "$" ("NZ $40 million") name that country's
# dollar: refused, never read as US dollars; "US $5 billion" stays US dollars, and an article
# before "$" is no code ("A $5 billion deal").
DOLLAR_CODE_APART_CASES = [
    ("The deal is worth about NZ $40 million.", "$40 million", ("refusal", "'NZ'")),
    ("The port cost HK $2 billion.", "$2 billion", ("refusal", "'HK'")),
    ("Shares raised AU $300 million.", "$300 million", ("refusal", "'AU'")),
    ("It cost US $5 billion.", "$5 billion", ("money", 5e9, 5e9, 5e9, "exact", "usd")),
    ("A $5 billion deal was signed.", "$5 billion", ("money", 5e9, 5e9, 5e9, "exact", "usd")),
    ("The AI $5 billion fund opened.", "$5 billion", ("money", 5e9, 5e9, 5e9, "exact", "usd")),
]


@pytest.mark.parametrize(("text", "words", "expected"), DOLLAR_CODE_APART_CASES)
def test_a_country_code_apart_before_a_bare_dollar_is_that_countrys_dollar(text, words, expected):
    assert_reads_as(text, words, expected)


# "the N" followed by "who"/"whom", or by "that"/"which" after an earlier figure of its
# sentence, counts the things named before it ("from the 400 that sailed"); a model name keeps
# its refusal where no figure stands before it ("fly the 767 that Boeing built").
THE_N_THAT_CASES = [
    (
        "The fleet is 640 ships, a 60% increase from the 400 that sailed in 2010.",
        "400",
        ("count", 400.0, 400.0, 400.0, "exact", "count"),
    ),
    (
        "The club has 900 members, up from the 700 which joined in its first year.",
        "700",
        ("count", 700.0, 700.0, 700.0, "exact", "count"),
    ),
    (
        "Of the 300 who applied, 40 were hired.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    ("Pilots still fly the 767 that Boeing built.", "767", ("refusal", "'the 767'")),
    ("In 2010 pilots flew the 767 that Boeing built.", "767", ("refusal", "'the 767'")),
    ("Crews still fly the 747 on long routes.", "747", ("refusal", "'the 747'")),
]


@pytest.mark.parametrize(("text", "words", "expected"), THE_N_THAT_CASES)
def test_the_n_before_a_relative_word_counts_what_was_named_before(text, words, expected):
    assert_reads_as(text, words, expected)


# A verb of growth right before "N times a year" that the mention did not take in leaves the
# figure refused, naming the verb: it may count how often the thing grew each year or give a
# growth factor each year (docs/annotations.md, "Which a year, a share"); with no verb of
# change it is how often.
GROWTH_VERB_BEFORE_TIMES_A_YEAR_CASES = [
    (
        "The fleet scaled about four times per year after 2015.",
        "four times per year",
        ("refusal", "'scaled'"),
    ),
    (
        "Training compute multiplied 5 times a year in that decade.",
        "5 times a year",
        ("refusal", "'multiplied'"),
    ),
    (
        "The firm scaled its fleet about four times per year.",
        "four times per year",
        ("refusal", "growth factor"),
    ),
    (
        "The board meets four times per year.",
        "four times per year",
        ("rate", 4.0, 4.0, 4.0, "exact", "per_year"),
    ),
    (
        "Training compute scaled about three times per year.",
        "three",
        ("refusal", "'scaled'"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), GROWTH_VERB_BEFORE_TIMES_A_YEAR_CASES)
def test_a_verb_of_growth_right_before_times_a_year_is_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# "negative" or "minus" right before a figure gives its sign, which the mention does not hold:
# refused, naming the word, never read as the positive figure ("equivalent to negative 2% of
# sales", "growth of minus 2%"); a minus sign written on the figure is its own.
SIGN_WORD_BEFORE_CASES = [
    (
        "Sales fell 10%, equivalent to negative 2% of output.",
        "2% of output",
        ("refusal", "'negative'"),
    ),
    ("Growth was minus 2% last year.", "2%", ("refusal", "'minus'")),
    ("Growth was negative 2% last year.", "2%", ("refusal", "'negative'")),
    ("The fund returned minus 40 million dollars.", "40 million dollars", ("refusal", "'minus'")),
]


@pytest.mark.parametrize(("text", "words", "expected"), SIGN_WORD_BEFORE_CASES)
def test_a_sign_word_right_before_a_figure_is_refused_naming_it(text, words, expected):
    assert_reads_as(text, words, expected)


# Shapes the guide now decides (docs/annotations.md, "Shapes settled after review"): a range
# whose far end is vague is refused; "closer to" is a hedge and "lost N%" a fall of its subject;
# "on a yearly basis" after a change dated to one period is that period's change, while "in
# annual terms" (an annualised rate of a shorter period?) is refused; money before "in <noun>
# growth" is refused, naming "growth"; a share of a whole named earlier is refused on either
# side ("of that total, 35%"), while ", of which 40%" and ", 40% of which" read the clause
# before as the whole, and a whole with its figure ("Of the 3,000 staff, about 40%") leaves
# the share; a bare number in brackets after a level is refused.
DECIDED_AFTER_REVIEW_CASES = [
    (
        "Wait times ranged between two weeks and several weeks.",
        "two weeks",
        ("refusal", "'several'"),
    ),
    (
        "This spring the orchards lost closer to 18%.",
        "18%",
        ("change", -18.0, -18.0, -18.0, "approximate", "percent"),
    ),
    ("The orchards lost 18%.", "18%", ("change", -18.0, -18.0, -18.0, "exact", "percent")),
    (
        "Sales grew 8% in 2024 on a yearly basis.",
        "8%",
        ("change", 8.0, 8.0, 8.0, "exact", "percent"),
    ),
    ("Output rose 3% in the quarter in annual terms.", "3%", ("refusal", "'annual'")),
    ("The firm expects $2 to $3 billion in revenue growth.", "$2", ("refusal", "'growth'")),
    (
        "Exports reached 900,000 cars, of which 40% went to Europe.",
        "40%",
        ("percent", 40.0, 40.0, 40.0, "exact", "percent"),
    ),
    (
        "Revenue hit $9 billion, and of that total 35% came from chips.",
        "35%",
        ("refusal", "'of that total'"),
    ),
    (
        "The group has 4,000 staff, of which about 40 percent work in Asia.",
        "40 percent",
        ("percent", 40.0, 40.0, 40.0, "approximate", "percent"),
    ),
    (
        "Spending reached 50 billion yuan, 60% of which went to chips.",
        "60%",
        ("percent", 60, 60, 60, "exact", "percent"),  # as ", of which 60%" (was refused)
    ),
    (
        "Of the 3,000 staff, about 40% work abroad.",
        "40%",
        ("percent", 40.0, 40.0, 40.0, "approximate", "percent"),
    ),
    ("The payroll stood at 1,200 staff (950).", "950", ("refusal", "between marks")),
]


@pytest.mark.parametrize(("text", "words", "expected"), DECIDED_AFTER_REVIEW_CASES)
def test_shapes_decided_after_review(text, words, expected):
    assert_reads_as(text, words, expected)


# One adjective of emphasis between "a" and a fraction before "of" (vocab.FRACTION_ADJECTIVES)
# changes nothing: "a notable quarter of all loans" is 25%, as "a quarter of all loans" is; an
# adjective that may describe a quarter of a year ("a record quarter of sales") makes no
# mention. The fold verbs are found in every form ("doubles", "triples").
FRACTION_AFTER_AN_ADJECTIVE_CASES = [
    (
        "A notable quarter of all loans went bad.",
        "quarter",
        ("percent", 25.0, 25.0, 25.0, "exact", "percent"),
    ),
    (
        "A staggering third of the stores closed.",
        "third",
        ("percent", 100 / 3, 100 / 3, 100 / 3, "exact", "percent"),
    ),
    ("The new plan doubles the budget.", "doubles", ("change", 2.0, 2.0, 2.0, "exact", "fold")),
    ("The new plan triples the budget.", "triples", ("change", 3.0, 3.0, 3.0, "exact", "fold")),
]


@pytest.mark.parametrize(("text", "words", "expected"), FRACTION_AFTER_AN_ADJECTIVE_CASES)
def test_a_fraction_after_an_adjective_of_emphasis_is_a_share(text, words, expected):
    assert_reads_as(text, words, expected)


def test_a_record_quarter_is_no_fraction():
    assert find_mentions("The firm posted a record quarter of sales.") == []


# "within N <noun> of <thing>" is the gap to that thing, as "within N of <thing>" is: refused,
# never an upper bound on a count ("within 20 stores of its goal"); a span of time is left to
# the duration rules ("within 18 months of the leader").
WITHIN_N_NOUN_OF_CASES = [
    ("Its rankings sit within 10 places of the top.", "10", ("refusal", "'within'")),
    ("Rising sales put the firm within 20 stores of its goal.", "20", ("refusal", "'within'")),
    (
        "Rivals were within 18 months of the leader.",
        "18 months",
        ("duration", None, None, 18.0, "upper", "month"),
    ),
    (
        "The team kept its payroll within 5 hires.",
        "5",
        ("count", None, None, 5.0, "upper", "count"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), WITHIN_N_NOUN_OF_CASES)
def test_within_n_things_of_a_thing_is_a_gap_and_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# Left as they are, by the guide: "as low as" after a verb of change names the level reached
# and is refused ("quote the words from 'as low as' on"); a from-to pair in a unit the project
# lacks is refused whole, a year inside it with it (no number is read, so no year is counted).
KEPT_AFTER_REVIEW_CASES = [
    (
        "Visits kept falling as low as 3 million last winter.",
        "3 million",
        ("refusal", "'as low as'"),
    ),
    (
        "Steel exports slid from 40 million tonnes in 2016 to 31 million tonnes by 2020.",
        "2016",
        ("refusal", "'tonnes'"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), KEPT_AFTER_REVIEW_CASES)
def test_refusals_kept_after_review(text, words, expected):
    assert_reads_as(text, words, expected)


# A plural noun of change right before "within N" names things that changed ("declines within
# 3 firms"), not the size of a change bounded by N: refused, naming the noun.
CHANGE_NOUN_BEFORE_WITHIN_CASES = [
    ("Declines within 3 firms were small.", "3", ("refusal", "'Declines'")),
    ("The league saw increases within 12 teams.", "12", ("refusal", "'increases'")),
    (
        "The team kept its payroll within 5 hires.",
        "5",
        ("count", None, None, 5.0, "upper", "count"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), CHANGE_NOUN_BEFORE_WITHIN_CASES)
def test_a_plural_noun_of_change_before_within_is_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# Nouns of a fall in value beside a bare percentage ("a writedown of 7%", "a 7% markdown"): a
# fall, as "a loss of 7%" is; with money they name the amount written off, read as written.
WRITEDOWN_NOUN_CASES = [
    (
        "The bank took a writedown of 7% on the loans.",
        "7%",
        ("change", -7.0, -7.0, -7.0, "exact", "percent"),
    ),
    (
        "Retailers took a markdown of 7% on coats.",
        "7%",
        ("change", -7.0, -7.0, -7.0, "exact", "percent"),
    ),
    (
        "The fund took a 12% write-down in May.",
        "12%",
        ("change", -12.0, -12.0, -12.0, "exact", "percent"),
    ),
    (
        "The lender booked a write-off of 3% of the book.",
        "3%",
        ("percent", 3.0, 3.0, 3.0, "exact", "percent"),
    ),
    (
        "The bank took a writedown of $40 million.",
        "$40 million",
        ("money", 40e6, 40e6, 40e6, "exact", "usd"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), WRITEDOWN_NOUN_CASES)
def test_a_writedown_or_markdown_of_a_percentage_is_a_fall(text, words, expected):
    assert_reads_as(text, words, expected)


# A noun of change, "in" and a phrase of up to six words naming what changed, then "of" before
# the figure: the figure is the change's size ("a decline in the share of older riders of about
# 4%"), as with a shorter phrase.
CHANGE_NOUN_LONG_IN_CASES = [
    (
        "There was a decline in the share of older riders of about 4% last year.",
        "about 4%",
        ("change", -4.0, -4.0, -4.0, "approximate", "percent"),
    ),
    (
        "It saw an increase in the number of new users of 12% in May.",
        "12%",
        ("change", 12.0, 12.0, 12.0, "exact", "percent"),
    ),
    (
        "There was a drop in car crime of 2.2 percent.",
        "2.2 percent",
        ("change", -2.2, -2.2, -2.2, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), CHANGE_NOUN_LONG_IN_CASES)
def test_a_change_noun_before_a_long_in_phrase_and_of_sizes_the_figure(text, words, expected):
    assert_reads_as(text, words, expected)


# A verb of change only of a percentage, then "a/an" and a word of a year ("contracted an
# annualized 2%"): the change, as "shrank an annualized 2%" is.
PERCENT_VERB_ANNUAL_CASES = [
    (
        "The economy contracted an annualized 2% in the quarter.",
        "2%",
        ("change", -2.0, -2.0, -2.0, "exact", "percent"),
    ),
    (
        "Output contracted an annualised 1.5% in spring.",
        "1.5%",
        ("change", -1.5, -1.5, -1.5, "exact", "percent"),
    ),
    (
        "The economy shrank an annualized 2% in the quarter.",
        "2%",
        ("change", -2.0, -2.0, -2.0, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), PERCENT_VERB_ANNUAL_CASES)
def test_a_percent_verb_before_an_annualized_figure_is_a_change(text, words, expected):
    assert_reads_as(text, words, expected)


# Verbs of growth or fall by metaphor, declared in all their forms ("Orders mushroomed $4
# million" is a rise of $4 million, not $4 million of orders).
METAPHOR_CHANGE_VERB_CASES = [
    (
        "Orders mushroomed $4 million in May.",
        "$4 million",
        ("change", 4e6, 4e6, 4e6, "exact", "usd"),
    ),
    ("Costs snowballed 30% last year.", "30%", ("change", 30.0, 30.0, 30.0, "exact", "percent")),
    ("The deficit swelled $2 billion.", "$2 billion", ("change", 2e9, 2e9, 2e9, "exact", "usd")),
    ("Shares nosedived 18% on Monday.", "18%", ("change", -18.0, -18.0, -18.0, "exact", "percent")),
]


@pytest.mark.parametrize(("text", "words", "expected"), METAPHOR_CHANGE_VERB_CASES)
def test_a_verb_of_change_by_metaphor_makes_a_change(text, words, expected):
    assert_reads_as(text, words, expected)


# A span after a superlative and "in" is the span the record reaches back over: a duration of
# its own (docs/annotations.md), with or without a noun after the superlative.
SUPERLATIVE_SPAN_CASES = [
    (
        "Unemployment is the highest in nearly 14 years.",
        "14 years",
        ("duration", 14.0, 14.0, 14.0, "approximate", "year"),
    ),
    (
        "Prices hit their highest level in nearly four years.",
        "four years",
        ("duration", 4.0, 4.0, 4.0, "approximate", "year"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), SUPERLATIVE_SPAN_CASES)
def test_a_span_after_a_superlative_is_a_duration(text, words, expected):
    assert_reads_as(text, words, expected)


# A day's name earlier in the clause names an amount per such a day only of a bare figure
# ("Sunday circulation was 80,000"); before a figure that names what it counts it dates an
# event ("The Monday meeting approved 300 hires": 300 hires).
DAY_NAME_EARLIER_CASES = [
    (
        "The Monday meeting approved 300 hires.",
        "300",
        ("count", 300.0, 300.0, 300.0, "exact", "count"),
    ),
    ("Sunday circulation was 80,000.", "80,000", ("refusal", "'sunday'")),
    ("Daily queries reached 2 billion.", "2 billion", ("refusal", "'daily'")),
]


@pytest.mark.parametrize(("text", "words", "expected"), DAY_NAME_EARLIER_CASES)
def test_a_day_name_earlier_makes_a_flow_only_of_a_bare_figure(text, words, expected):
    assert_reads_as(text, words, expected)


def test_a_day_name_before_a_noun_of_an_event_dates_it():
    assert_reads_as(
        "Friday's session saw 2 million trades.",
        "2 million",
        ("count", 2e6, 2e6, 2e6, "exact", "count"),
    )
    assert_reads_as("Sunday traffic hit 2 million visits.", "2 million", ("refusal", "'sunday'"))


# A bound right after a bare number, then "percent" in words: one figure, the bound and the
# unit held ("rose 20 or more percent": a rise of at least 20 percent).
BOUND_THEN_PERCENT_WORD_CASES = [
    ("Prices rose 20 or more percent.", "20", ("change", None, 20.0, None, "lower", "percent")),
    (
        "Costs fell 5 or so per cent in May.",
        "5",
        ("change", -5.0, -5.0, -5.0, "approximate", "percent"),
    ),
    (
        "The lead grew 3 or more percentage points.",
        "3",
        ("change", None, 3.0, None, "lower", "percentage_point"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), BOUND_THEN_PERCENT_WORD_CASES)
def test_a_bound_after_a_number_then_percent_in_words_is_one_figure(text, words, expected):
    assert_reads_as(text, words, expected)


# A change written with money right after a price per a unit the project has, one comma
# between ("$0.12 per kWh, up $0.01"): a change of that price, in its unit. A price per a unit
# the project lacks keeps its change refused ("$16,000 a tonne, down $300").
PRICE_CHANGE_AFTER_COMMA_CASES = [
    (
        "Power costs $0.12 per kWh, up $0.01 from last year.",
        "up $0.01",
        ("change", 0.01, 0.01, 0.01, "exact", "usd_per_kwh"),
    ),
    (
        "Power costs 12 cents per kWh, down 1 cent from May.",
        "down 1 cent",
        ("change", -0.01, -0.01, -0.01, "exact", "usd_per_kwh"),
    ),
    ("Nickel sold at $16,000 a tonne, down $300.", "down $300", ("refusal", "'a tonne'")),
    (
        "Power costs $0.12 per kWh, up 3%.",
        "up 3%",
        ("change", 3.0, 3.0, 3.0, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), PRICE_CHANGE_AFTER_COMMA_CASES)
def test_a_change_of_money_after_a_price_per_unit_is_in_its_unit(text, words, expected):
    assert_reads_as(text, words, expected)


# Readings the guide already gives, pinned: "past" before a figure is a bound the mention does
# not hold (refused); "almost double the June figure of 4,700" is a multiplier of a level given.
GUIDE_PINNED_CASES = [
    ("Turnout went past 40% in the city.", "40%", ("refusal", "'past'")),
    (
        "Sales reached almost double the June figure of 4,700.",
        "almost double",
        ("multiplier", 2.0, 2.0, 2.0, "approximate", "fold"),
    ),
    (
        "Sales reached almost double the June figure of 4,700.",
        "4,700",
        ("count", 4700.0, 4700.0, 4700.0, "exact", "count"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), GUIDE_PINNED_CASES)
def test_readings_the_guide_gives_past_and_a_multiplier_of_a_given_level(text, words, expected):
    assert_reads_as(text, words, expected)


# A number glued to a unit abbreviation with more letters after it ("5MWdc", a rating) is a
# mention, refused: a number is never skipped with no mention. Names stay names ("910B").
GLUED_RATING_CASES = [
    ("The array is 5MWdc in size.", "5MWdc", ("refusal", "'5MWdc'")),
    ("The farm is 20MWp.", "20MWp", ("refusal", "'20MWp'")),
    ("About 3GWdc of panels were built.", "3GWdc", ("refusal", "'3GWdc'")),
    ("It has 4GB of memory.", "4GB", ("quantity", 4e-9, 4e-9, 4e-9, "exact", "exabyte")),
]


@pytest.mark.parametrize(("text", "words", "expected"), GLUED_RATING_CASES)
def test_a_number_glued_to_a_unit_and_a_rating_is_a_refused_mention(text, words, expected):
    assert_reads_as(text, words, expected)


def test_a_name_glued_to_digits_stays_no_mention():
    assert [m.text for m in find_mentions("Its 910B chip ships.")] == []


# A price per megawatt-hour is the same price per kWh, a thousandth of it: converted exactly,
# the words kept in the mention ("$45 per MWh" is 0.045 usd_per_kwh).
PRICE_PER_MWH_CASES = [
    ("Power sold for $45/MWh.", "$45/MWh", ("price", 0.045, 0.045, 0.045, "exact", "usd_per_kwh")),
    (
        "Power sold for about €80 a MWh.",
        "€80",
        ("price", 0.08, 0.08, 0.08, "approximate", "eur_per_kwh"),
    ),
    (
        "Bids ranged from $30-$40 per megawatt-hour.",
        "$30",
        ("price", None, 0.03, 0.04, "range", "usd_per_kwh"),
    ),
    ("Power rose $5 per MWh.", "$5", ("change", 0.005, 0.005, 0.005, "exact", "usd_per_kwh")),
    ("Power sold for 45 rupees per MWh.", "45", ("refusal", "rupees")),
]


@pytest.mark.parametrize(("text", "words", "expected"), PRICE_PER_MWH_CASES)
def test_a_price_per_mwh_is_read_per_kwh(text, words, expected):
    assert_reads_as(text, words, expected)


# "N times a year" after a verb of change: the word "times" (or "twice", "thrice") with "a year"
# may count how often it changed each year ("the price rose 4 times a year": four rises) or be a
# growth factor each year, so it is refused; a multiplier that never counts occasions ("-fold",
# "×", "x", "doubled") is a growth factor a year. With no verb of change it counts how often.
TIMES_A_YEAR_CASES = [
    ("Fares rose four times a year so far.", "four times", ("refusal", "how often")),
    ("The price rose 4 times a year.", "4 times", ("refusal", "how often")),
    ("Revenue has grown 4 times a year.", "4 times", ("refusal", "how often")),
    ("Revenue grew 3.3 times annually.", "3.3 times", ("refusal", "how often")),
    ("Ticket prices rose twice a year.", "twice", ("refusal", "how often")),
    (
        "Revenue grew fourfold a year.",
        "fourfold",
        ("change", 4.0, 4.0, 4.0, "exact", "fold_per_year"),
    ),
    ("Revenue grew 4× per year.", "4×", ("change", 4.0, 4.0, 4.0, "exact", "fold_per_year")),
    ("Revenue grew 4x a year.", "4x", ("change", 4.0, 4.0, 4.0, "exact", "fold_per_year")),
    ("The board meets 4 times a year.", "4 times", ("rate", 4.0, 4.0, 4.0, "exact", "per_year")),
]


@pytest.mark.parametrize(("text", "words", "expected"), TIMES_A_YEAR_CASES)
def test_times_a_year_after_a_verb_of_change_is_refused_and_a_fold_form_is_a_factor(
    text, words, expected
):
    assert_reads_as(text, words, expected)


# ", of which N%" (", of whom N%") is a share, a level in percent, of what the clause before the
# comma names: its whole is the figure there with its words, or a short name; with nothing named
# before it, or a long clause the whole cannot be told from, it is refused.
OF_WHICH_CASES = [
    (
        "Makers sold 900,000 cars, of which 40% went to Europe.",
        "40%",
        ("percent", 40.0, 40.0, 40.0, "exact", "percent"),
        "900,000 cars",
    ),
    (
        "The firm raised $10 billion in funding, of which 40% went to chips.",
        "40%",
        ("percent", 40.0, 40.0, 40.0, "exact", "percent"),
        "$10 billion in funding",
    ),
    (
        "The lab trained 50 models, of which about 40% were open.",
        "about 40%",
        ("percent", 40.0, 40.0, 40.0, "approximate", "percent"),
        "50 models",
    ),
    ("The city budget, of which 40% goes to roads, grew.", "40%", None, "The city budget"),
    ("Of which 40% went to chips.", "40%", ("refusal", "of which"), None),
    (
        "The ministry said on Monday that it had approved new funding, of which 40% goes to chips.",
        "40%",
        ("refusal", "of which"),
        None,
    ),
]


@pytest.mark.parametrize(("text", "words", "expected", "whole"), OF_WHICH_CASES)
def test_a_share_of_which_is_a_level_of_the_whole_named_before_it(text, words, expected, whole):
    if expected is not None:
        assert_reads_as(text, words, expected)
    reading = reading_of(text, words)
    assert reading.get("whole") == whole, reading


# "compound" does not decide that a rate a year is a growth rate (interest compounds too): a word
# of change does ("growing", "growth", the G of "CAGR"), as for "annual", "annualised", "a year".
COMPOUND_CASES = [
    (
        "Demand is growing at a 23% compound annual rate.",
        "23%",
        ("change", 23.0, 23.0, 23.0, "exact", "percent_per_year"),
    ),
    ("Sales reached a 23% compound annual rate.", "23%", ("refusal", "no word of change")),
    ("Savings earn a compound annual rate of 5%.", "5%", ("refusal", "no word of change")),
    (
        "Sales posted 23% compound annual growth.",
        "23%",
        ("change", 23.0, 23.0, 23.0, "exact", "percent_per_year"),
    ),
    ("Sales posted a 23% CAGR.", "23%", ("change", 23.0, 23.0, 23.0, "exact", "percent_per_year")),
    (
        "Sales rose at an annualised rate of 23%.",
        "23%",
        ("change", 23.0, 23.0, 23.0, "exact", "percent_per_year"),
    ),
    ("Sales hit an annualised rate of 23%.", "23%", ("refusal", "no word of change")),
    ("Sales hit 23% a year.", "23%", ("refusal", "no word of change")),
    (
        "Prices fell at a compound annual rate of 4%.",
        "4%",
        ("change", -4.0, -4.0, -4.0, "exact", "percent_per_year"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), COMPOUND_CASES)
def test_compound_does_not_make_a_rate_a_year_a_growth_rate(text, words, expected):
    assert_reads_as(text, words, expected)


# A guard that holds for the plain form holds across a list, an article or possessive, and a
# colon label: the later items of "the A, B, and C", the second day of "between <Month> D and
# D", "double" before a possessive, a per-unit word before "label: amount" items, a fraction
# word with its own article after a hedge.
CARRIED_GUARD_CASES = [
    ("The garage keeps the 300, 400, and 500 in stock.", "500", ("refusal", "'the 500'")),
    ("The garage keeps the 300, 400 and 500 in stock.", "500", ("refusal", "'the 500'")),
    ("The garage keeps the 300 or 400 in stock.", "400", ("refusal", "'the 400'")),
    ("The garage keeps the 300, 400, and 500 now.", "500", ("refusal", "'the 500'")),
    ("The garage keeps the 300 today.", "300", ("refusal", "'the 300'")),
    (
        "The garage sold 300, 400, and 500 cars.",
        "500 cars",
        ("count", 500, 500, 500, "exact", "count"),
    ),
    ("The fair ran between June 8 and 9.", "9", ("exclusion", "a day of the month")),
    ("The fair ran from June 8 to 11.", "11", ("refusal", "'June'")),
    (
        "The fair drew between 800 and 900 visitors.",
        "900",
        ("count", None, 800, 900, "range", "count"),
    ),
    ("On June 8 and 40 more days it rained.", "40", ("count", 40, 40, 40, "exact", "count")),
    (
        "The mill made 60 carts in June, nearly double last year's output.",
        "nearly double",
        ("multiplier", 2.0, 2.0, 2.0, "approximate", "fold"),
    ),
    (
        "The mill made 60 carts in June, almost triple its output of May.",
        "almost triple",
        ("multiplier", 3.0, 3.0, 3.0, "approximate", "fold"),
    ),
    (
        "Orders may double in the last quarter.",
        "double",
        ("change", 2.0, 2.0, 2.0, "exact", "fold"),
    ),
    ("Fee per night, cabins: $80; tents: $20.", "$20", ("refusal", "'night'")),
    ("Fee per night, cabins: $80; tents: $20.", "$80", ("refusal", "'night'")),
    ("Fee per night is $80; parking: $5.", "$5", ("money", 5, 5, 5, "exact", "usd")),
    ("Earnings per share: $3.10.", "$3.10", ("refusal", "'share'")),
    (
        "Seeing sales double this year surprised them.",
        "double",
        ("change", 2.0, 2.0, 2.0, "exact", "fold"),
    ),
    ("The town spent almost the half of its budget.", "half", ("refusal", "'almost'")),
    ("The town spent the half of its budget.", "half", ("percent", 50, 50, 50, "exact", "percent")),
]


@pytest.mark.parametrize(("text", "words", "expected"), CARRIED_GUARD_CASES)
def test_a_guard_of_the_plain_form_is_carried_across_lists_and_determiners(text, words, expected):
    assert_reads_as(text, words, expected)


# Other nouns that are percentages themselves share the "share" rules: a change in them written
# with a noun is refused (points or percent?); a dotted lower-case abbreviation after a count is
# a unit written short; "YTD" inside the whole after "of the" does not make a share a change;
# "growth rates of" a range is a rate a year; ", or about N%" restates a change of a count;
# "more than" before a verb of change belongs to that verb.
PERCENTAGE_NOUN_AND_LINK_CASES = [
    ("A 3.5% drop in vacancy cheered landlords.", "3.5%", ("refusal", "changes a percentage")),
    ("A 3.5% drop in occupancy worried the hotel.", "3.5%", ("refusal", "changes a percentage")),
    ("A 3.5% drop in occupancy, the hotel said.", "3.5%", ("refusal", "changes a percentage")),
    (
        "A 3.5% drop in revenue hurt the hotel.",
        "3.5%",
        ("change", -3.5, -3.5, -3.5, "exact", "percent"),
    ),
    ("The depot has 400,000 s.f. of space.", "400,000", ("refusal", "'s.f'")),
    ("The depot has 400,000 sq. ft. of space.", "400,000", ("refusal", "'sq'")),
    ("Wind made up 30% of the YTD grid total.", "30%", ("percent", 30, 30, 30, "exact", "percent")),
    ("Wind output is up 30% YTD.", "30%", ("change", 30, 30, 30, "exact", "percent")),
    (
        "Yearly growth rates of 10–15% are normal for the sector.",
        "10–15%",
        ("change", None, 10, 15, "range", "percent_per_year"),
    ),
    (
        "Sales of boats rose by 3 million units, or about 9%, in 2021.",
        "about 9%",
        ("change", 9, 9, 9, "approximate", "percent"),
    ),
    (
        "Farms with at least one tractor more than doubled.",
        "at least one",
        ("count", None, 1, None, "lower", "count"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), PERCENTAGE_NOUN_AND_LINK_CASES)
def test_percentage_nouns_abbreviations_and_links_read_or_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# Two things compared, not one thing over time: a multiplier of two rates ("N times as fast
# as"), a change set against a thing ("compared to <a thing>"), a percentage of another
# thing's measure ("of the output of the large one"); a noun of change as the subject
# ("growth slowed to N%": refused); an age past "the ages of" (docs/annotations.md,
# "Two things compared, rates of change as nouns, and ages").
TWO_THINGS_CASES = [
    (
        "Tea sales grow three times as fast as coffee sales.",
        "three times",
        ("multiplier", 3, 3, 3, "exact", "fold"),
    ),
    ("Exports grew twice as fast as imports.", "twice", ("multiplier", 2, 2, 2, "exact", "fold")),
    (
        "Wages rose nearly twice as quickly as prices.",
        "twice",
        ("multiplier", 2, 2, 2, "approximate", "fold"),
    ),
    (
        "Tea sales are growing at three times the rate of coffee.",
        "three times",
        ("multiplier", 3, 3, 3, "exact", "fold"),
    ),
    ("Sales grew three times in 2024.", "three times", ("change", 3, 3, 3, "exact", "fold")),
    ("Rents rose 9%--twice as fast as wages.", "twice", ("multiplier", 2, 2, 2, "exact", "fold")),
    ("Rents rose 9%--twice as fast as wages.", "9%", ("change", 9, 9, 9, "exact", "percent")),
    (
        "The new bridge drew a 50% increase in traffic compared to the old ferry.",
        "50%",
        ("refusal", "'compared to'"),
    ),
    ("Sales rose 12% compared with rival chains.", "12%", ("refusal", "'compared with'")),
    ("Sales rose 5% compared to last year.", "5%", ("change", 5, 5, 5, "exact", "percent")),
    ("Revenue grew 20% compared with 2023.", "20%", ("change", 20, 20, 20, "exact", "percent")),
    (
        "Exports rose 4% in March compared with February.",
        "4%",
        ("change", 4, 4, 4, "exact", "percent"),
    ),
    (
        "Sales rose 5% compared with the same period a year ago.",
        "5%",
        ("change", 5, 5, 5, "exact", "percent"),
    ),
    (
        "The small reactor gives 40% of the output of the large one.",
        "40%",
        ("refusal", "of the large one"),
    ),
    (
        "The plant runs at 70% of that of its rival.",
        "70%",
        ("refusal", "of that"),
    ),
    ("Its chip matches 60% of the speed of Nvidia's.", "60%", ("refusal", "Nvidia's")),
    (
        "The model uses under 10% of the parameters of Alphabet's RT-2.",
        "10%",
        ("percent", None, None, 10, "upper", "percent"),
    ),
    (
        "About 20% of the population of China lives there.",
        "20%",
        ("percent", 20, 20, 20, "approximate", "percent"),
    ),
    # inflation names a level (docs: "average" as a verb names a level), growth a change
    ("Inflation of 3.1% hurt savers.", "3.1%", ("percent", 3.1, 3.1, 3.1, "exact", "percent")),
    ("Inflation hit 3% in May.", "3%", ("percent", 3, 3, 3, "exact", "percent")),
    ("Pay growth eased to 2.4% by autumn.", "2.4%", ("refusal", "'growth eased to'")),
    ("GDP growth slowed to 4.5% last year.", "4.5%", ("refusal", "'growth slowed to'")),
    ("China's growth rate fell to 5% in 2024.", "5%", ("refusal", "'growth rate fell to'")),
    ("Sales growth reached 12% in 2024.", "12%", ("refusal", "'growth reached'")),
    ("The decline eased to 2% in May.", "2%", ("refusal", "'decline eased to'")),
    (
        "Prices will rise substantially to 36% next year.",
        "36%",
        ("percent", 36, 36, 36, "exact", "percent"),
    ),
    (
        "Samsung increased its market share 0.4 percentage points to 31.4 percent.",
        "0.4",
        ("change", 0.4, 0.4, 0.4, "exact", "percentage_point"),
    ),
    (
        "Investment growth reached 12% of GDP.",
        "12%",
        ("percent", 12, 12, 12, "exact", "percent"),
    ),
    ("A 5% rise to 30% followed.", "30%", ("refusal", "one end of a range")),
    ("Growth fell 2% in May.", "2%", ("refusal", "a change of a growth rate")),
    ("Wage growth of 4% lifted spending.", "4%", ("change", 4, 4, 4, "exact", "percent")),
    ("The share of growth stocks fell to 30%.", "30%", ("percent", 30, 30, 30, "exact", "percent")),
    ("Voters between the ages of 30 and 59 lean left.", "30", ("exclusion", "an age")),
    ("Voters between the ages of 30 and 59 lean left.", "59", ("exclusion", "an age")),
    ("Voters at the age of 30 lean left.", "30", ("exclusion", "an age")),
    ("Users between 18 and 29 years old use it.", "18", ("exclusion", "an age")),
    ("Kids under 12 years of age play.", "12", ("exclusion", "an age")),
    ("The bridge took 12 years to build.", "12", ("duration", 12, 12, 12, "exact", "year")),
    # a level noun straight before its figure; "each" before a change; "followed by" in a
    # ranking; "a pair of" names one item sold
    (
        "The school kept its pass rate near 90% in June.",
        "90%",
        ("percent", 90, 90, 90, "approximate", "percent"),
    ),
    (
        "Vacancy rates approaching 8% worried landlords.",
        "8%",
        ("percent", 8, 8, 8, "approximate", "percent"),
    ),
    ("Analysts now rate 90%.", "90%", ("refusal", "'rate' right before")),
    ("They rate 90%.", "90%", ("refusal", "'rate' right before")),
    (
        "The three mills tied, each falling by 2%.",
        "2%",
        ("change", -2, -2, -2, "exact", "percent"),
    ),
    (
        "Rye led with 40 percent, followed by 9 percent for oat.",
        "9 percent",
        ("percent", 9, 9, 9, "exact", "percent"),
    ),
    ("Sales rose 40%, followed by 9% in May.", "9%", ("refusal", "'followed'")),
    (
        "The average cost of a pair of ski boots is $300 to $700.",
        "$300",
        ("money", None, 300, 700, "range", "usd"),
    ),
    ("The price of a dozen roses hit $40.", "$40", ("refusal", "'dozen'")),
    ("The price of a litre of milk rose to $2.", "$2", ("refusal", "'litre'")),
]


@pytest.mark.parametrize(("text", "words", "expected"), TWO_THINGS_CASES)
def test_two_things_compared_a_rate_of_change_noun_and_an_age_are_read_or_refused(
    text, words, expected
):
    assert_reads_as(text, words, expected)


# A year after a month's name or "in the" is a date before any range test; ", or N percent"
# restates a change past a span of comparison; a glued "+" is its item's own; "one of" is no
# neighbour; one adjective between a number and its span; "Class A" a label; a frequency
# word qualifying the verb after a share of people.
DATED_AND_RESTATED_CASES = [
    ("Profits fell from 7,300 in March 2021 to 5,100 today.", "2021", ("exclusion", YEAR_REASON)),
    ("Profits fell from 7,300 in March 2021 to 5,100 today.", "5,100", ("refusal", "ends a")),
    ("Profits fell from 7,300 in March 2021 to 5,100 today.", "7,300", ("refusal", "starts a")),
    ("Exports fell from 9,100 cars in the 2015 to 7,800 in 2020.", "2015", ("exclusion", "year")),
    ("Exports fell from 9,100 cars in the 2015 to 7,800 in 2020.", "7,800", ("refusal", "ends a")),
    ("Sales fell from 4,000 in Sept. 2019 to 3,100 in May 2020.", "3,100", ("refusal", "ends a")),
    ("Most bids sat in the 2000 to 3000 range.", "2000", ("refusal", "range")),
    (
        "Rent is $900, up $30 from a year earlier, or 3.4 percent.",
        "3.4 percent",
        ("change", 3.4, 3.4, 3.4, "exact", "percent"),
    ),
    (
        "Rent fell $30 from last year, or 3.4 percent.",
        "3.4 percent",
        ("change", -3.4, -3.4, -3.4, "exact", "percent"),
    ),
    (
        "The study covered 400+ farms, and 1.5 million cows.",
        "1.5 million",
        ("count", 1.5e6, 1.5e6, 1.5e6, "exact", "count"),
    ),
    (
        "The study covered more than 400 farms and 1.5 million cows.",
        "1.5 million",
        ("refusal", "written once before the list"),
    ),
    (
        "The clinic is one of more than 300 run by the group.",
        "more than 300",
        ("count", None, 300, None, "lower", "count"),
    ),
    ("Prices rose for six consecutive months.", "six", ("duration", 6, 6, 6, "exact", "month")),
    (
        "The rig ran for ten full days.",
        "ten",
        ("duration", *(0.328542094456,) * 3, "exact", "month"),
    ),
    ("Prices rose for six big months.", "six", ("refusal", "'big months'")),
    (
        "In the poll, 2,700 Class A vans were sold.",
        "2,700",
        ("count", 2700, 2700, 2700, "exact", "count"),
    ),
    (
        "Habits differ, with 40% using maps daily.",
        "40%",
        ("percent", 40, 40, 40, "exact", "percent"),
    ),
    # words the rules left open: a word of doubt on a bound or an amount; a bound on a fall;
    # a hedge with "or more"; "N times" with its article lost
    ("Costs were probably less than $40.", "less than $40", ("refusal", "'probably'")),
    ("The town lost likely more than 300 jobs.", "more than 300", ("refusal", "'likely'")),
    ("Costs were probably $40.", "$40", ("refusal", "'probably'")),
    ("Sales probably rose 5%.", "5%", ("change", 5, 5, 5, "exact", "percent")),
    (
        "Users have likely crossed one billion.",
        "one billion",
        ("count", None, 1e9, None, "lower", "count"),
    ),
    (
        "Sales fell by more than half.",
        "more than half",
        ("change", None, None, -50, "upper", "percent"),
    ),
    ("The mill employs about 300 or more workers.", "about 300", ("refusal", "two qualifiers")),
    ("Ships call 12 times year at the port.", "12 times", ("refusal", "'year'")),
    # a share before "of which" after a comma: a share of what the clause before names
    (
        "The city has 400 clinics, about 60% of which sit in the north.",
        "about 60%",
        ("percent", 60, 60, 60, "approximate", "percent"),
    ),
    (
        "The city has 400 clinics, 60% of which sit in the north.",
        "60%",
        ("percent", 60, 60, 60, "exact", "percent"),
    ),
    ("About 60% of which sit in the north.", "60%", ("refusal", "a whole named earlier")),
]


def test_a_share_before_of_which_after_a_comma_keeps_the_clause_before_as_its_whole():
    text = "The city has 400 clinics, about 60% of which sit in the north."
    assert reading_of(text, "about 60%")["whole"] == "400 clinics"


@pytest.mark.parametrize(("text", "words", "expected"), DATED_AND_RESTATED_CASES)
def test_dated_years_restated_changes_and_words_inside_an_item_are_read_or_refused(
    text, words, expected
):
    assert_reads_as(text, words, expected)


# A small word where a rule looks (a sign after a word of direction, "the" after a bound, a
# determiner after a fraction): the figure is read with it or refused, never a plain level.
SMALL_WORD_CASES = [
    ("Orders were up +12% on the year.", "up +12%", ("change", 12, 12, 12, "exact", "percent")),
    ("Sales rose +12% on the year.", "rose +12%", ("change", 12, 12, 12, "exact", "percent")),
    ("Sales fell +12% on the year.", "fell +12%", ("refusal", "a sign against")),
    ("Vans fell below the 50k for the first time.", "50k", ("refusal", "'below the'")),
    ("Inflation stayed above the 2%.", "2%", ("refusal", "'above the'")),
    ("Inflation stayed above the 2% target.", "2%", ("percent", 2, 2, 2, "exact", "percent")),
    ("Pickup sales did not reach the 500 mark.", "500", ("refusal", "'not reach the'")),
    ("Pickup sales hit the 500 mark.", "500", ("count", 500, 500, 500, "exact", "count")),
    ("Van sales hit 500 over the year.", "500", ("count", 500, 500, 500, "exact", "count")),
    ("The new van is half its size.", "half", ("refusal", "'its size'")),
    ("The rival is half that size.", "half", ("refusal", "'that size'")),
    ("Green tea sells about half that amount.", "about half", ("refusal", "'that amount'")),
    ("Half their staff left.", "Half", ("percent", 50, 50, 50, "exact", "percent")),
    (
        "The site draws 3.2 million visits monthly nationwide.",
        "3.2 million",
        ("refusal", "'monthly'"),
    ),
    (
        "The app has 20 million daily active users.",
        "20 million",
        ("count", 2e7, 2e7, 2e7, "exact", "count"),
    ),
    (
        "About half its revenue comes from chips.",
        "About half",
        ("percent", 50, 50, 50, "approximate", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), SMALL_WORD_CASES)
def test_a_small_word_where_a_rule_looks_is_read_with_the_figure_or_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# A name, a thing compared or a bare whole where a list, a noun of change or a verb of gain
# looks: read as the rule reads its plain form, or refused.
SMALL_WORD_MORE_CASES = [
    (
        "Sales at Acme fell 2.0%, Bolt 3.1%, Crane 4.4%.",
        "4.4%",
        ("change", -4.4, -4.4, -4.4, "exact", "percent"),
    ),
    (
        "Sales at Acme fell 2.0%, Bolt 3.1%, Crane 4.4%.",
        "3.1%",
        ("change", -3.1, -3.1, -3.1, "exact", "percent"),
    ),
    (
        "Sales at Acme fell 2.0%, and Bolt 3.1%.",
        "3.1%",
        ("change", -3.1, -3.1, -3.1, "exact", "percent"),
    ),
    ("The bonds trade at a 15% discount to par.", "15% discount", ("refusal", "a gap between")),
    ("Stores gave a 20% discount.", "20% discount", ("change", -20, -20, -20, "exact", "percent")),
    (
        "They got a 50 per cent discount on fees.",
        "50 per cent discount",
        ("change", -50, -50, -50, "exact", "percent"),
    ),
    ("The brand lost 12% of sales volume.", "lost 12% of sales volume", ("refusal", "'lost'")),
    ("The firm shed 12% of staff.", "shed 12% of staff", ("refusal", "'shed'")),
    (
        "The brand lost 12% of its sales volume.",
        "lost 12% of its sales volume",
        ("change", -12, -12, -12, "exact", "percent"),
    ),
    (
        "The firm gained 6% of the market.",
        "gained 6% of the market",
        ("percent", 6, 6, 6, "exact", "percent"),
    ),
    ("They added 5% of GDP.", "added 5% of GDP", ("percent", 5, 5, 5, "exact", "percent")),
    ("Among the 18-24 cohort, 40% agreed.", "18-24", ("exclusion", "an age or an age group")),
    ("It was highest in the 25 to 34 age bracket.", "25 to 34", ("exclusion", "an age")),
    ("The 10-20 firms agreed.", "10-20", ("count", None, 10, 20, "range", "count")),
]


@pytest.mark.parametrize(("text", "words", "expected"), SMALL_WORD_MORE_CASES)
def test_a_name_a_thing_compared_or_a_bare_whole_is_read_or_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# "than there were" counts the same things again at an earlier time (a change); "than there
# are" may set them against another place and stays a ratio of two amounts.
THAN_THERE_WERE_CASES = [
    (
        "The city has 5% fewer bakeries than there were two years ago.",
        "5% fewer",
        ("change", -5.0, -5.0, -5.0, "exact", "percent"),
    ),
    (
        "The city has 5% fewer bakeries than there were in 2019.",
        "5% fewer",
        ("change", -5.0, -5.0, -5.0, "exact", "percent"),
    ),
    (
        "The city has 5% fewer bakeries than there are in Paris.",
        "5% fewer",
        ("multiplier", 0.95, 0.95, 0.95, "exact", "fold"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), THAN_THERE_WERE_CASES)
def test_than_there_were_is_the_same_thing_earlier(text, words, expected):
    assert_reads_as(text, words, expected)


# Every verb of change with an object that is itself a percentage ("increased its market share
# 0.4%") is refused, as "raised" and "cut" are: the change may be in points or relative. In
# points the words say which (a change in points).
PERCENTAGE_OBJECT_CASES = [
    (
        "The firm increased its market share 0.4%.",
        "0.4%",
        ("refusal", "changes a percentage"),
    ),
    ("The firm grew its market share 0.4%.", "0.4%", ("refusal", "changes a percentage")),
    ("The firm increased its occupancy rate 3%.", "3%", ("refusal", "changes a percentage")),
    ("The firm increased its share 0.4%.", "0.4%", ("refusal", "changes a percentage")),
    ("The firm increased market share 0.4%.", "0.4%", ("refusal", "changes a percentage")),
    ("The hotel increased its vacancy 3%.", "3%", ("refusal", "changes a percentage")),
    ("The firm raised its market share 0.4%.", "0.4%", ("refusal", "changes a percentage")),
    (
        "The firm increased its share price 5%.",
        "5%",
        ("change", 5.0, 5.0, 5.0, "exact", "percent"),
    ),
    (
        "The firm increased revenue 20%.",
        "20%",
        ("change", 20.0, 20.0, 20.0, "exact", "percent"),
    ),
    (
        "The firm increased its market share 0.4 percentage points.",
        "0.4 percentage points",
        ("change", 0.4, 0.4, 0.4, "exact", "percentage_point"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), PERCENTAGE_OBJECT_CASES)
def test_every_verb_of_change_with_a_percentage_object_is_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# A noun of change "in" a phrase, then "of" a percentage: past the six words the phrase may
# hold, the percentage is refused naming the noun, never read as a level.
CHANGE_NOUN_PAST_REACH_CASES = [
    (
        "There was a rise in the sales of the old blue city buses of 4%.",
        "4%",
        ("refusal", "'rise'"),
    ),
    (
        "There was a decline in the number of the older city bus riders of about 4%.",
        "about 4%",
        ("refusal", "'decline'"),
    ),
    (
        "There was a decline in the number of older bus riders of about 4%.",
        "about 4%",
        ("change", -4.0, -4.0, -4.0, "approximate", "percent"),
    ),
    (
        "The index fell in the year to a level of 4%.",
        "4%",
        ("percent", 4.0, 4.0, 4.0, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), CHANGE_NOUN_PAST_REACH_CASES)
def test_a_noun_of_change_past_its_reach_is_refused_not_a_level(text, words, expected):
    assert_reads_as(text, words, expected)


# A premium "to" another thing is a gap between two things, refused as a discount is.
PREMIUM_TO_A_THING_CASES = [
    ("The fund trades at a 10% premium to NAV.", "10%", ("refusal", "a gap between")),
    (
        "The fund trades at a 10% premium to its net asset value.",
        "10%",
        ("refusal", "a gap between"),
    ),
    ("The bonds trade at a 5% premium over par.", "5%", ("refusal", "a gap between")),
    ("The fund trades at a 10% discount to NAV.", "10%", ("refusal", "a gap between")),
    (
        "Buyers paid a 10% premium for the shares.",
        "10%",
        ("percent", 10.0, 10.0, 10.0, "exact", "percent"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), PREMIUM_TO_A_THING_CASES)
def test_a_premium_to_another_thing_is_refused(text, words, expected):
    assert_reads_as(text, words, expected)


# An adjective of emphasis before a fraction is no qualifier: the share reads as without it.
@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("A staggering third of the stores closed.", "third", 100 / 3),
        ("A notable quarter of all loans failed.", "quarter", 25.0),
        ("A substantial fifth of the staff left.", "fifth", 20.0),
        ("A hefty third of the stores closed.", "third", 100 / 3),
    ],
)
def test_an_adjective_of_emphasis_is_no_qualifier(text, words, value):
    reading = reading_of(text, words)
    assert numbers(reading) == pytest.approx(("percent", value, value, value, "exact", "percent"))
    assert reading.get("qualifier") is None, reading


# A month's name written short with a full stop ("Sept. 2019") is a month's name, as
# "September 2019" is: the near end of the from-to is refused like the far one.
SHORT_MONTH_WITH_A_STOP_CASES = [
    (
        "Profits fell from 7,300 in Sept. 2019 to 5,100 today.",
        "7,300",
        ("refusal", "starts a 'from X"),
    ),
    (
        "Profits fell from 7,300 in Jan. 2019 to 5,100 today.",
        "7,300",
        ("refusal", "starts a 'from X"),
    ),
    (
        "Profits fell from 7,300 in Feb. 2021 to 5,100 today.",
        "7,300",
        ("refusal", "starts a 'from X"),
    ),
    (
        "Profits fell from 7,300 in September 2019 to 5,100 today.",
        "7,300",
        ("refusal", "starts a 'from X"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), SHORT_MONTH_WITH_A_STOP_CASES)
def test_a_short_month_with_a_full_stop_is_a_month(text, words, expected):
    assert_reads_as(text, words, expected)
