"""Tests for gapstudy.mentions: numeric mentions and the identifiers that are not mentions."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy.figures import parse_figure
from gapstudy.mentions import Identifier, Mention, find_identifiers, find_mentions
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
    ("only 2.7% behind", ["2.7%"]),
    ("a total of 868 services, with 530 apps", ["868", "530"]),
    ("reached 199.48 Exabytes (EB)", ["199.48"]),
    ("IT Home | 2026/05/27", ["2026/05/27"]),
    ("As of April 30, a total", ["30"]),
    ("about 1,200 firms", ["1,200"]),
    ("placed sub-20% odds", ["sub-20%"]),
    ("Below 20 percent, said Lin", ["20 percent"]),
    ("under twenty-percent odds", ["twenty-percent"]),
    ("over one billion dollars", ["one billion dollars"]),
    ("less than a one-in-five chance", ["one-in-five"]),
    ("the next three to five years", ["three to five"]),
    ("one to two orders of magnitude", ["one to two"]),
    ("a ten-to-hundred-fold GPU deficit", ["ten-to-hundred-fold"]),
    ("commands ten-fold throughput", ["ten-fold"]),
    ("One question was asked", ["One"]),
    ("twenty-five people", ["twenty-five"]),
    ("shares more than doubled", ["doubled"]),
    ("twice as fast, half the cost", ["twice", "half"]),
    ("a dozen labs", ["dozen"]),
    ("millions of tokens and billions in funds", ["millions", "billions"]),
    ("in the 1990s", ["1990s"]),
    ("raised $3.5bn", ["$3.5bn"]),
    ("a 10x speed-up", ["10x"]),
    ("3-5 years", ["3-5"]),
    ("from 1.2% in late 2024 to as much as nearly 30%", ["1.2%", "2024", "30%"]),
    ("17.5% to 0.3%", ["17.5%", "0.3%"]),
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
    ("grew 5pc", ["5pc"]),
    ("up to 1’700 GPUs, Lin’s 2 labs", ["1’700", "2"]),
    ("a tenfold rise, a four-fold jump", ["tenfold", "four-fold"]),
    ("Ascend 910B chips", []),
]


@pytest.mark.parametrize(("text", "parts"), MENTION_CASES)
def test_find_mentions_finds_expected_spans(text, parts):
    found = [(m.start, m.end, m.text) for m in find_mentions(text)]
    assert found == spans(text, *parts)


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
    assert "one-in-five" in texts["bloomberg-repost-2026"]
    assert "$109.1 billion" in texts["undated-narrowing"]
    assert "2026/05/27" in texts["ithome-zheng-2026"]
    assert "one billion" in texts["hk-agi-next-2026"]


# An amount of money as printed: sign, number, glued or spelt scale, currency word.
MONEY_SIGNS = {"$": "usd", "US$": "usd", "HK$": "hkd", "NT$": "twd", "€": "eur", "£": "gbp"}
MONEY_SCALES = {"B": 1e9, "bn": 1e9, "T": 1e12, "tn": 1e12, "M": 1e6, "m": 1e6, "K": 1e3}
MONEY_WORDS = {"yuan": "cny", "euros": "eur", "yen": "jpy", "dollars": "usd", "pounds": "gbp"}


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
    parsed = parse_figure(mentions[0])
    assert (parsed.kind, parsed.unit) == ("money", MONEY_WORDS[word])
