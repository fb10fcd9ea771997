"""Tests for gapstudy.mentions: numeric mentions and the identifiers that are not mentions."""

from __future__ import annotations

import re
import sys
from decimal import Decimal

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy import mentions, vocab
from gapstudy.exceptions import FigureParseError
from gapstudy.figures import parse_figure
from gapstudy.mentions import (
    Identifier,
    Mention,
    covering_span,
    find_identifiers,
    find_mentions,
)
from gapstudy.sources import load_sources


def spans(text: str, *parts: str) -> list[tuple[int, int, str]]:
    """Expected spans of ``parts``, found left to right in ``text``."""
    result, cursor = [], 0
    for part in parts:
        start = text.index(part, cursor)
        result.append((start, start + len(part), part))
        cursor = start + len(part)
    return result


MENTION_CASES = [
    ("raised $109.1 billion in 2024", ["$109.1 billion", "2024"]),
    ("only 2.7% behind", ["only 2.7%"]),
    ("a total of 868 services, with 530 apps", ["868", "530"]),
    ("reached 199.48 Exabytes (EB)", ["199.48 Exabytes"]),
    ("IT Home | 2026/05/27", ["2026/05/27"]),
    ("As of April 30, a total", ["30"]),
    ("about 1,200 firms", ["about 1,200"]),
    ("placed sub-20% odds", ["sub-20%"]),
    ("Below 20 percent, said Lin", ["Below 20 percent"]),
    ("under twenty-percent odds", ["under twenty-percent"]),
    ("over one billion dollars", ["over one billion dollars"]),
    ("less than a one-in-five chance", ["less than a one-in-five"]),
    ("three in 10 American adults", ["three in 10"]),
    ("only two or fewer of the items", ["only two or fewer"]),
    ("chips with 5 or more layers", ["5 or more"]),
    ("two or more than three people", ["two", "more than three"]),
    ("roughly 4 in 100 users", ["roughly 4 in 100"]),
    ("3 in 2024 and 5", ["3", "2024", "5"]),
    ("About 1 in 4 Americans", ["About 1 in 4"]),
    ("It launched 3 in 5 years.", ["3", "5 years"]),
    ("the next three to five years", ["three to five years"]),
    ("one to two orders of magnitude", ["one to two orders of magnitude"]),
    ("a ten-to-hundred-fold GPU deficit", ["ten-to-hundred-fold"]),
    ("commands ten-fold throughput", ["ten-fold"]),
    ("One question was asked", ["One"]),
    ("twenty-five people", ["twenty-five"]),
    ("shares more than doubled", ["more than doubled"]),
    ("twice as fast, half the cost", ["twice", "half"]),
    ("a dozen labs", ["dozen"]),
    ("millions of tokens and billions in funds", ["millions", "billions"]),
    ("in the 1990s", ["1990s"]),
    ("raised $3.5bn", ["$3.5bn"]),
    ("a 10x speed-up", ["10x"]),
    ("3-5 years", ["3-5 years"]),
    (
        "from 1.2% in late 2024 to as much as nearly 30%",
        ["from 1.2% in late 2024 to as much as nearly 30%"],
    ),
    (
        "17.5% to 0.3%",
        ["17.5% to 0.3%"],
    ),  # the unit written twice: one range (read backwards: refused)
    ("©2026 Bloomberg", ["2026"]),
    ("the first and second time", []),
    ("someone, anyone, alone", []),
    ("Nvidia H200 chips and DeepSeek-R1", []),
    ("Agent: GLM-4.7-Flash At the 2026 forum", ["2026"]),
    ("Ascend 910B and the A100", []),
    ("the 2nd time", []),
    # money: glued scales, currency signs and codes, currency words after the amount
    ("raised €10B", ["€10B"]),
    ("worth $2.174T", ["$2.174T"]),
    ("$560M round", ["$560M"]),
    ("a $5K fee", ["$5K"]),
    ("HK$4.2 billion IPO", ["HK$4.2 billion"]),
    ("NT$1 trillion in sales", ["NT$1 trillion"]),
    ("CN¥1.2 trillion fund", ["CN¥1.2 trillion"]),
    ("A$5bn deal", ["A$5bn"]),
    ("RMB 5bn and RMB5bn", ["RMB 5bn", "RMB5bn"]),
    ("10 billion yuan ($1.4 billion)", ["10 billion yuan", "$1.4 billion"]),
    ("3 trillion yen", ["3 trillion yen"]),
    ("200 million euros", ["200 million euros"]),
    ("500 million Hong Kong dollars", ["500 million Hong Kong dollars"]),
    ("grew 5pc", ["grew 5pc"]),
    ("up to 1’700 GPUs, Lin’s 2 labs", ["up to 1’700", "2"]),
    ("a tenfold rise, a four-fold jump", ["tenfold rise", "four-fold jump"]),
    ("Ascend 910B chips", []),
    # glued "B" or "T" before parameters or tokens, or after a decimal: a scale, not a name
    ("671B total parameters, 37B active", ["671B", "37B"]),
    ("trained on 14.8T tokens", ["14.8T"]),
    # a power of ten is one mention with its unit, never a bare "10" or "1"
    # ("crossed", a verb of passing a level, is the first's bound: the span holds it)
    ("crossed 1e26 FLOP, 3.8e25 FLOP", ["crossed 1e26 FLOP", "3.8e25 FLOP"]),
    ("10^26 operations and 10²⁶", ["10^26", "10²⁶"]),
    # "a third of": a fraction; "a third round" is an ordinal
    ("a third of revenue, a third round", ["a third of revenue"]),
    ("less than a quarter of that", ["less than a quarter"]),
    ("could be 100×, 1000×", ["100×", "1000×"]),
]


@pytest.mark.parametrize(("text", "parts"), MENTION_CASES)
def test_find_mentions_finds_expected_spans(text, parts):
    found = [(m.start, m.end, m.text) for m in find_mentions(text)]
    assert found == spans(text, *parts)


# A mention takes in the words its reading needs, and stops at a clause boundary: (text, the
# mentions, the number inside each).
WIDE_CASES = [
    # hedges and bounds before the number
    ("downloaded over 600 million times", [("over 600 million times", "600 million")]),
    ("ahead by just 2.7%", [("by just 2.7%", "2.7%")]),
    ("about 75% of users", [("about 75% of users", "75%")]),
    # an abbreviation's "." inside a whole is not its end; the sentence's "." after it is
    ("took 30% of all U.K. power demand", [("30% of all U.K. power demand", "30%")]),
    ("took 30% of the U.K. Exports fell", [("30% of the U.K", "30%")]),
    # a verb in "-s" after the whole's singular noun, with its object after it, ends the whole;
    # a plural noun after a name stays in it
    ("30% of the U.K. public knows Gemini", [("30% of the U.K. public", "30%")]),
    ("30% of the adult public uses it daily", [("30% of the adult public", "30%")]),
    ("30% of AI chips Huawei sold", [("30% of AI chips Huawei sold", "30%")]),
    # a verb form of change after a determiner is an adjective of the noun after the number
    ("its declining 5% share", [("5%", "5%")]),
    ("sales declining 5% a year", [("declining 5% a year", "5%")]),
    ("sales more than double", [("more than double", "double")]),
    ("at least three labs", [("at least three", "three")]),
    ("over a billion users", [("over a billion", "billion")]),
    ("as low as $0.05/kWh", [("as low as $0.05/kWh", "$0.05")]),
    ("costing only ~$6M to train", [("only ~$6M", "$6M")]),
    ("a share of <2% in 2024", [("<2%", "2%"), ("2024", "2024")]),
    # units and multipliers after it
    ("a performance gap of only 6-8 months", [("only 6-8 months", "6-8")]),
    ("about 4 percent points higher", [("about 4 percent points higher", "4 percent")]),
    ("up to 8.6% a year", [("up to 8.6% a year", "8.6%")]),
    ("Five cents per kilowatt-hour", [("Five cents per kilowatt-hour", "Five")]),
    ("$0.08-0.15/kWh", [("$0.08-0.15/kWh", "$0.08-0.15")]),
    ("8.24¢ per kWh", [("8.24¢ per kWh", "8.24")]),
    ("three times a year", [("three times a year", "three")]),
    ("six times more compute", [("six times more", "six")]),
    ("about 140 billion kWh", [("about 140 billion kWh", "140 billion")]),
    ("a six-month gap", [("six-month", "six")]),
    ("more than three-quarters of revenue", [("more than three-quarters of revenue", "three")]),
    ("a 380-billion-yuan plan", [("380-billion-yuan", "380-billion-yuan")]),
    ("a 76% surge", [("76% surge", "76%")]),
    # direction words that set a sign or make a change; ranges
    ("it fell 12%, and then", [("fell 12%", "12%")]),
    ("saw a fall of about 17% to close", [("fall of about 17%", "17%")]),
    ("value drop by nearly $600 billion", [("drop by nearly $600 billion", "$600 billion")]),
    ("revenue rose as much as 247 per cent", [("rose as much as 247 per cent", "247 per cent")]),
    (
        "fell from 26% (2022) to 13% (2024)",
        [("fell from 26% (2022) to 13% (2024)", "26% (2022) to 13%")],
    ),
    (
        "jumped from 4.4% in 2023 to 71.7% in 2024",
        [("jumped from 4.4% in 2023 to 71.7% in 2024", "4.4% in 2023 to 71.7%")],
    ),
    ("between 40,000 and 145,000 chips", [("between 40,000 and 145,000", "40,000 and 145,000")]),
    # what stays out: a clause boundary, a level reached, a baseline, a phrasal verb, a year
    ("about, 5% of", [("5%", "5%")]),
    ("that gap dropped to just 0.3%", [("just 0.3%", "0.3%")]),
    ("up from 20 percent", [("20 percent", "20 percent")]),
    ("makes up 56.7% of costs", [("56.7% of costs", "56.7%")]),
    (
        "a 60 percent increase over $7.5 billion",
        [("60 percent increase", "60 percent"), ("$7.5 billion", "$7.5 billion")],
    ),
    ("rose 3.9% to $124.27", [("rose 3.9%", "3.9%"), ("$124.27", "$124.27")]),
    ("by 2030, from 2016 to 2023", [("2030", "2030"), ("2016 to 2023", "2016 to 2023")]),
    # a share takes in its whole, up to a word that starts another phrase
    (
        "gained approximately 6% of the Chinese market as of 2024",
        [("gained approximately 6% of the Chinese market", "6%"), ("2024", "2024")],
    ),
    (
        "5% of Nvidia’s total sales in 2024",
        [("5% of Nvidia’s total sales", "5%"), ("2024", "2024")],
    ),
    ("85% of questions correctly", [("85% of questions", "85%")]),
    ("5% of the computing power used by", [("5% of the computing power", "5%")]),
    ("half of the market, and", [("half of the market", "half")]),
    ("20% of 100 firms", [("20%", "20%"), ("100", "100")]),
    ("a 40% increase of sales", [("40% increase", "40%")]),
    # "half" compared with something is a ratio: the comparison is taken in
    ("about half what American operators pay", [("about half what", "half")]),
    ("half as much power", [("half as", "half")]),
    # one plain word between a percentage and its noun of change
    ("the permanent 75% price cut on V4", [("75% price cut", "75%")]),
    ("translating into a 76% price hike, their", [("76% price hike", "76%")]),
    ("a 5% of growth", [("5% of growth", "5%")]),  # "of": a whole, not a noun of change
    ("offer 90% cache-hit discount on", [("90% cache-hit discount", "90%")]),  # hyphenated
    ("a 40% off-peak discount for", [("40% off-peak discount", "40%")]),
    # a subject pronoun or a verb of saying ends the whole
    (
        "Some 60 percent of respondents said they",
        [("Some 60 percent of respondents", "60 percent")],
    ),
    ("70% of firms we surveyed", [("70% of firms", "70%")]),
    # a word of change after a modal is a verb: the bound after it is the level crossed
    ("prices will fall below $900.", [("fall below $900", "$900")]),
    (
        "a 60 percent increase over $7.5 billion",
        [("60 percent increase", "60 percent"), ("$7.5 billion", "$7.5 billion")],
    ),
    # one unit written "a" after a hedge or "to"; a singular unit before a noun
    ("capacity to over a gigawatt.", [("over a gigawatt", "a gigawatt")]),
    ("nearly a terawatt-hour of power", [("nearly a terawatt-hour", "a terawatt-hour")]),
    ("a gigawatt-scale site", []),
    ("50–200 megawatt capacity", [("50–200 megawatt", "50–200")]),
    # units the project has no unit for are taken in, so that they are refused
    ("deliver >140,000 PFlops of AI compute", [(">140,000 PFlops", "140,000")]),
    ("around 5 zettaFLOPS of AI compute", [("around 5 zettaFLOPS", "5")]),
    ("lean six sigma will", [("six sigma", "six")]),
    ("a 7 nm chip and 30 GWh", [("7 nm", "7"), ("30 GWh", "30")]),
    # a range with its unit written on both ends; a change "from" keeps its own reading
    ("26 per cent to 33 per cent", [("26 per cent to 33 per cent", "26 per cent to 33 per cent")]),
    ("shares 30%-40% higher", [("30%-40% higher", "30%-40%")]),
    ("share rose from <2% to 6%", [("rose from <2% to 6%", "2% to 6%")]),
    # nouns of change before the number; a particle "up" after a verb in the past tense
    ("a CAGR of 31.2% to reach", [("CAGR of 31.2%", "31.2%")]),
    ("a growth rate of 5%", [("growth rate of 5%", "5%")]),
    ("saw revenue surge by 73%", [("surge by 73%", "73%")]),
    ("the US vacuumed up $39.2 billion", [("$39.2 billion", "$39.2 billion")]),
    ("shares closed up 3%", [("up 3%", "3%")]),
    # a declared verb that gathers an amount takes "up" as its particle in every form
    ("helped the club rack up 5,000 members", [("5,000", "5,000")]),
    ("is racking up $3 million", [("$3 million", "$3 million")]),
    ("could ring up 40% of sales", [("40% of sales", "40%")]),
    ("shares were up 3%", [("up 3%", "3%")]),
    # "catch up" closes a gap: its "up" is no rise, the span after it stands alone
    ("China could catch up within three years", [("within three years", "three")]),
    ("China caught up within 18 months", [("within 18 months", "18")]),
    ("revenue kept up 12% growth", [("12% growth", "12%")]),
    # multiplier and change words as numbers; "double digits" takes its noun
    ("a doubling of exports", [("doubling", "doubling")]),
    ("the gap halved", [("halved", "halved")]),
    ("from double digits", [("double digits", "double")]),
    # a number glued to a word of the language by a slip is a number, not a name
    ("more than12% of exports", [("more than12% of exports", "12%")]),
    # a range of money with the currency written twice; "from" keeps a change of bare numbers
    (
        "the $500 million to $1 billion range",
        [("$500 million to $1 billion", "$500 million to $1 billion")],
    ),
    ("the $800 to $900 billion of", [("$800 to $900 billion", "$800 to $900 billion")]),
    ("rose from 3 to 5 years", [("rose from 3 to 5 years", "3 to 5")]),
    ("jumping from nine to 20.", [("jumping from nine to 20", "nine to 20")]),
    (
        "doubled, from nine the previous year to 15.",
        [
            ("doubled", "doubled"),
            ("from nine the previous year to 15", "nine the previous year to 15"),
        ],
    ),
    # a decimal written without its zero; a price per another unit; a fraction compared
    ("for .6 to .7 percent of GDP", [(".6 to .7 percent of GDP", ".6 to .7 percent")]),
    ("pricing is ~$3.5/hour.", [("~$3.5/hour", "$3.5")]),
    ("about one-fourth of what the US has", [("about one-fourth of what", "one")]),
    # a comparative before "than" ends a share's whole: it bounds the next figure
    (
        "Only 3 % of the stores sell more than 9 % of the stock.",
        [("Only 3 % of the stores sell", "3 %"), ("more than 9 % of the stock", "9 %")],
    ),
    (
        "Just 5% of farms hold less than 40% of the land.",
        [("Just 5% of farms hold", "5%"), ("less than 40% of the land", "40%")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WIDE_CASES)
def test_a_mention_carries_the_words_its_reading_needs(text, expected):
    found = [(m.text, text[slice(*m.number_span)]) for m in find_mentions(text)]
    assert found == expected


IDENTIFIER_CASES = [
    ("Nvidia H200 chips and DeepSeek-R1.", ["H200", "DeepSeek-R1"]),
    ("Agent: GLM-4.7-Flash At the 2026 forum", ["GLM-4.7-Flash"]),
    ("Ascend 910B and the A100, H200s", ["910B", "A100", "H200s"]),
    ("the 2nd and 20th times", ["2nd", "20th"]),
    ("sub-20% and pre-2020 and $5 and 5G", ["5G"]),
    ("no digits here", []),
]


@pytest.mark.parametrize(("text", "parts"), IDENTIFIER_CASES)
def test_find_identifiers_finds_names_with_digits(text, parts):
    found = [(i.start, i.end, i.text) for i in find_identifiers(text)]
    assert found == spans(text, *parts)


# Forms a draft met on real pages: a chip maker's process name, a power of ten, a share of a
# group, fractions written with a space, a multiplier word before the level it reached, a share
# whose whole stops before a preposition of time (some cut, minimally changed, from sentences of
# a scored check set). (mention, number) in order.
DRAFT_SPAN_CASES = [
    ("it's on SMIC's N+2 process", []),
    ("the SMIC 7nm (N+2) process", [("7nm", "7nm")]),
    ("required 3.14 × 10^23 FLOP", [("3.14 × 10^23 FLOP", "3.14 × 10^23")]),
    ("and three out of four report", [("three out of four", "three out of four")]),
    ("only 4 out of 5 firms", [("only 4 out of 5", "4 out of 5")]),
    (
        "roughly one third of total capex, making",
        [("roughly one third of total capex", "one")],
    ),
    ("a third of small businesses have", [("a third of small businesses", "a third")]),
    ("up 25% in just one quarter", [("up 25%", "25%"), ("just one", "one")]),
    (
        "more than double to $130.5 billion",
        [("more than double", "double"), ("$130.5 billion", "$130.5 billion")],
    ),
    (
        "reached 53% of the global population within three years",
        [
            ("53% of the global population", "53%"),
            ("within three years", "three"),
        ],
    ),
]


# Forms a draft misread or split before: a money range whose currency and scale are written
# once ("$7-8 billion": "$7" alone read as seven dollars), a data size written apart ("96 GB",
# read as "96GB" is), a number times a power of ten in superscript ("2×10²⁵": "2" alone read
# as a count), a whole named after a modifier in "-ed" ("of new fine-tuned models").
DRAFT_SPAN_CASES += [
    ("estimates of $7-8 billion in the", [("$7-8 billion", "$7-8 billion")]),
    ("estimates of $7–8bn in the", [("$7–8bn", "$7–8bn")]),
    ("worth €2-3 trillion", [("€2-3 trillion", "€2-3 trillion")]),
    ("the card has 96 GB of HBM3", [("96 GB", "96")]),
    ("the card has 96GB of HBM3", [("96GB", "96GB")]),
    ("with 141 gigabytes of memory", [("141 gigabytes", "141")]),
    ("trained on 2×10²⁵ FLOP", [("2×10²⁵ FLOP", "2×10²⁵")]),
    ("trained on 3.8 · 10^25 FLOP", [("3.8 · 10^25 FLOP", "3.8 · 10^25")]),
    (
        "about 63% of new fine-tuned models are",
        [("about 63% of new fine-tuned models", "63%")],
    ),
    ("some 30% of listed firms reported losses", [("some 30% of listed firms", "30%")]),
    ("40% of the computing power used by", [("40% of the computing power", "40%")]),
    ("€2 billion per annum from", [("€2 billion per annum", "€2 billion")]),
    # a scale word joined by a hyphen is the number's, as one written after a space
    ("at a $48-million valuation", [("$48-million", "$48-million")]),
]


@pytest.mark.parametrize(("text", "expected"), DRAFT_SPAN_CASES)
def test_a_mention_takes_in_the_forms_drafts_meet(text, expected):
    found = [(m.text, text[slice(*m.number_span)]) for m in find_mentions(text)]
    assert found == expected
    assert "N+2" not in text or any(i.text == "N+2" for i in find_identifiers(text))


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=99),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(["×", "x"]),
    st.integers(min_value=-40, max_value=40),
)
def test_a_share_of_a_group_and_a_power_of_ten_are_one_mention_each(part, whole, sign, power):
    text = f"Then {part} out of {whole} labs used {part}.{whole} {sign} 10^{power} FLOP."
    found = [m.text for m in find_mentions(text)]
    assert found == [f"{part} out of {whole}", f"{part}.{whole} {sign} 10^{power} FLOP"]


def test_mentions_are_frozen():
    mention = find_mentions("5 labs")[0]
    assert mention == Mention(0, 1, "5")
    with pytest.raises(AttributeError):
        mention.start = 3  # type: ignore[misc]
    assert find_identifiers("H200")[0] == Identifier(0, 4, "H200")


ALPHABET = st.sampled_from(
    [
        *"0123456789 .,-/%$–",
        "a",
        "H",
        "sub-",
        " to ",
        "-in-",
        " in ",
        "one",
        "five",
        "twenty",
        "billion",
        "millions",
        "percent",
        "-fold",
        "first",
        "s",
        "bn",
        "x",
        "\n",
        "about ",
        "over ",
        "fell ",
        "from ",
        " and ",
        "between ",
        " months",
        " times",
        " a year",
        "/kWh",
        "~",
        "(2022)",
        "2024",
    ]
)


@settings(deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_mentions_are_sorted_disjoint_slices(text):
    mentions = find_mentions(text)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.text == text[mention.start : mention.end]
    for left, right in zip(mentions, mentions[1:], strict=False):
        assert left.end <= right.start
    for mention in mentions:
        number_start, number_end = mention.number_span
        assert mention.start <= number_start < number_end <= mention.end


@settings(deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_every_digit_is_in_a_mention_or_an_identifier(text):
    assert uncovered_digits(text) == []


def uncovered_digits(text: str, start: int = 0, end: int | None = None) -> list[int]:
    covered = set()
    for found in (*find_mentions(text), *find_identifiers(text)):
        covered.update(range(found.start, found.end))
    end = len(text) if end is None else end
    return [i for i in range(start, end) if text[i].isdigit() and i not in covered]


def test_uncovered_digits_reports_a_digit_outside_every_span(monkeypatch):
    assert uncovered_digits("x 5 H200") == []
    monkeypatch.setattr(sys.modules[__name__], "find_mentions", lambda text: [])
    assert uncovered_digits("x 5 H200") == [2]


def test_every_digit_in_body_text_is_a_mention_or_an_identifier(repo_paths):
    sources = load_sources(repo_paths)
    listed = yaml.safe_load(repo_paths.sources_file.read_text(encoding="utf-8"))["sources"]
    assert list(sources) == [entry["source_id"] for entry in listed]
    for source in sources.values():
        for segment in source.segments:
            if segment.kind != "body":
                continue
            missing = uncovered_digits(source.text, segment.char_start, segment.char_end)
            context = [source.text[max(0, i - 20) : i + 20] for i in missing]
            assert missing == [], f"{source.source_id}: digits outside mentions: {context}"


def test_corpus_mentions_include_its_figures(repo_paths):
    sources = load_sources(repo_paths)
    texts = {sid: [m.text for m in find_mentions(s.text)] for sid, s in sources.items()}
    assert "ten-to-hundred-fold" in texts["aicerts-widening-2026"]
    assert "less than a one-in-five" in texts["bloomberg-repost-2026"]
    assert "$109.1 billion" in texts["undated-narrowing"]
    assert "2026/05/27" in texts["ithome-zheng-2026"]
    assert "over one billion" in texts["hk-agi-next-2026"]


# An amount of money as printed: sign, number, glued or spelt scale, currency word.
MONEY_SIGNS = {"$": "usd", "US$": "usd", "HK$": "hkd", "NT$": "twd", "€": "eur", "£": "gbp"}
MONEY_SCALES = {"B": 1e9, "bn": 1e9, "T": 1e12, "tn": 1e12, "M": 1e6, "m": 1e6, "K": 1e3}
MONEY_WORDS = {"yuan": "cny", "euros": "eur", "yen": "jpy", "dollars": "usd", "pounds": "gbp"}
# the singular, as written before a noun ("a 468 million euro round")
MONEY_WORDS |= {"euro": "eur", "dollar": "usd"}


@settings(max_examples=100, deadline=None)
@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal(999), places=3),
    st.sampled_from(sorted(MONEY_SIGNS)),
    st.sampled_from(sorted(MONEY_SCALES)),
)
def test_a_glued_scale_on_money_is_one_mention_read_as_money(number, sign, scale):
    amount = f"{sign}{number:f}{scale}"
    text = f"The lab raised {amount} in 2025, said 2 people."
    mentions = [m.text for m in find_mentions(text)]
    assert mentions == [amount, "2025", "2"]
    parsed = parse_figure(amount)
    assert (parsed.kind, parsed.unit) == ("money", MONEY_SIGNS[sign])
    assert parsed.value == pytest.approx(float(number) * MONEY_SCALES[scale], rel=1e-12)


@settings(max_examples=100, deadline=None)
@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal(999), places=1),
    st.sampled_from(["", " million", " billion", " trillion"]),
    st.sampled_from(sorted(MONEY_WORDS)),
)
def test_a_currency_word_belongs_to_the_mention_so_money_is_never_a_count(number, scale, word):
    amount = f"{number:f}{scale} {word}"
    mentions = [m.text for m in find_mentions(f"a fund of {amount} in 2024")]
    assert mentions == [amount, "2024"]
    if word == "pounds" and not scale:  # a weight or sterling: refused, never a count
        with pytest.raises(FigureParseError, match="weight or sterling"):
            parse_figure(mentions[0])
        return
    parsed = parse_figure(mentions[0])
    assert (parsed.kind, parsed.unit) == ("money", MONEY_WORDS[word])


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(10, 20)], (10, 20)),  # the words hold the number whole
        ([(10, 14), (16, 20)], (10, 14)),  # "from X to Y": X and Y quoted as two levels
        ([(10, 14)], None),  # one level alone leaves the other open
        ([(16, 20)], None),
        ([(0, 5), (21, 30)], None),
    ],
)
def test_a_number_is_covered_whole_or_by_both_its_ends(spans, expected):
    assert covering_span((10, 20), spans) == expected


# The slow fraction patterns ("a third of", "fell by a quarter", "over a gigawatt") are tried
# only on a text that holds one of their words after "a" or "an": the gate must never hide a
# match, so on text full of those words the gated search finds what the patterns find alone.
A_WORDS = sorted({*mentions._A_FRACTIONS, *mentions._A_CHANGE_FRACTIONS, *mentions._A_UNITS})
LEADS = (
    *("by", "By", "over", "nearly", "around", "approximately", "than", "least", "to", "exceeded"),
    *sorted(vocab.CHANGE_VERBS),
    *("one", "2", "$5", "20%", "Canada", "sub-20%", "half"),
)
GATE_GAPS = st.sampled_from([" ", " ", "\t", "  ", "", "-", ", ", ",", "\n", "."])
# "<lead> [by] [hedge] a|an <word> <follower>": the shapes the patterns look for, and near misses
A_PHRASES = st.tuples(
    st.sampled_from(LEADS),
    st.sampled_from(["", " by", " about", " by around", " by approximately", " nearly"]),
    st.sampled_from([" a ", " an ", " A ", " a\t", " a  ", "a ", " ", " the "]),
    st.sampled_from([*A_WORDS, *(word.upper() for word in A_WORDS), "thirds", "round"]),
    st.sampled_from(["", " of", " of the", ",", " earlier", " ago", "-hour", "s", " year"]),
).map("".join)
GATE_TEXT = st.lists(
    st.tuples(st.one_of(A_PHRASES, st.sampled_from(LEADS)), GATE_GAPS), max_size=6
).map(lambda pieces: "".join(word + gap for word, gap in pieces))


def _found(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


@given(GATE_TEXT)
@settings(max_examples=400, deadline=None)
def test_the_fraction_gate_finds_what_the_fraction_patterns_find(text):
    fractions, changed_by, atoms = mentions._atom_matches(text)
    assert _found(fractions) == _found(mentions._A_FRACTION_RE.finditer(text))
    assert _found(changed_by) == _found(mentions._CHANGED_BY_A_FRACTION_RE.finditer(text))
    assert _found(atoms) == _found(mentions._ATOM_RE.finditer(text))


@pytest.mark.parametrize(
    "text",
    ["grew by a third", "a quarter of the market", "to over a gigawatt", "rose nearly a fifth"],
)
def test_a_text_with_a_fraction_word_is_searched_for_fractions(text):
    fractions, changed_by, _ = mentions._atom_matches(text)
    assert fractions or changed_by


def test_a_text_without_fraction_words_skips_the_fraction_patterns():
    # the atom pattern used then is the full one with the fractions taken out, nothing else
    without = mentions._ATOM_WITHOUT_A_FRACTION_RE.pattern
    assert len(without) < len(mentions._ATOM_RE.pattern)
    assert mentions._A_FRACTION not in without
    assert mentions._atom_matches("up 5% on the year")[:2] == ([], [])


# The words before a number are searched as a prefix tree of mentions._LEAD_WORDS; anchored at
# the number, it finds what the plain alternation of the same words finds.
PLAIN_LEAD_RE = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(re.escape(w) for w in mentions._LEAD_WORDS)})"
    r"(?:[ \t]+|(?<=[^\W\d_]))$",
    re.IGNORECASE,
)
LEAD_PIECES = st.sampled_from(
    [
        *mentions._LEAD_WORDS,
        *(word.upper() for word in mentions._LEAD_WORDS[::7]),
        *(word[:-1] for word in mentions._LEAD_WORDS[::5] if len(word) > 1),
        *("x", "'", "’", "-", "2", "$", "\n", "ly", "s"),
    ]
)


@given(
    st.lists(st.tuples(LEAD_PIECES, st.sampled_from(["", " ", "  ", "\t", "-"])), max_size=6),
    st.data(),
)
@settings(max_examples=400, deadline=None)
def test_the_lead_words_tree_finds_what_the_plain_alternation_finds(pieces, data):
    text = "".join(word + gap for word, gap in pieces)
    end = data.draw(st.integers(min_value=0, max_value=len(text)))
    start = max(0, end - 40)
    found = mentions._LEAD_RE.search(text, start, end)
    plain = PLAIN_LEAD_RE.search(text, start, end)
    assert (found and found.span()) == (plain and plain.span())


# The number words of the atom pattern are a prefix tree too ("seven" is tried after
# "seventeen" and "seventy"): the pattern finds what it finds with the plain alternation.
PLAIN_ATOM_RE = re.compile(
    mentions._ATOM_RE.pattern.replace(
        mentions._prefix_tree(mentions._NUMBER_WORDS), f"(?:{'|'.join(mentions._NUMBER_WORDS)})"
    ),
    mentions._ATOM_RE.flags,
)
NUMBER_PIECES = st.sampled_from(
    [
        *mentions._NUMBER_WORDS,
        *(word.capitalize() for word in mentions._NUMBER_WORDS[::3]),
        *(word[:-1] for word in mentions._NUMBER_WORDS[::2]),
        *("fold", "-fold", " percent", "-percent", "s", "ty", "teen", "a", "3", "$", "%", "x"),
    ]
)


def test_the_atom_pattern_holds_its_number_words_as_a_tree():
    assert PLAIN_ATOM_RE.pattern != mentions._ATOM_RE.pattern


@given(st.lists(st.tuples(NUMBER_PIECES, st.sampled_from(["", " ", "-", ", "])), max_size=8))
@settings(max_examples=400, deadline=None)
def test_the_number_words_tree_finds_what_the_plain_alternation_finds(pieces):
    text = "".join(word + gap for word, gap in pieces)
    assert _found(mentions._ATOM_RE.finditer(text)) == _found(PLAIN_ATOM_RE.finditer(text))
