"""Tests for gapstudy.unheld: the last check on a draft's reading, which refuses it where words
of its clause that it did not hold may change it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy.figures import read_mention
from gapstudy.mentions import Mention, find_mentions
from gapstudy.sentences import read_in_sentence
from gapstudy.unheld import unheld_words


def _mention(text: str, words: str) -> Mention:
    at = text.index(words)
    return Mention(at, at + len(words), words)


# The net on its own, given the reading an earlier reader gave each of these real sentences
# (held-out checks of real coverage, each silently wrong when first run): (sentence, the
# mention's words, the reading given, words the refusal must name). The pages are in the
# comment above each row.
CAUGHT = [
    # https://valueaddvc.com/blog/ai-model-benchmarks-explained-mmlu-humaneval-lmsys-arena-and-what-they-actually-measure
    (
        "Claude Opus 4.8 currently tops Arena's leaderboard at roughly 1,510 Elo across 6.8 "
        "million blind votes.",
        "roughly 1,510",
        read_mention("roughly 1,510"),
        "'Elo'",
    ),
    # https://particle.news/story/big-tech-lifts-ai-capex-to-about-380-billion-as-cloud-growth-reaccelerates
    (
        "Microsoft logged a record near-$35 billion quarter of capital spending.",
        "$35 billion",
        read_mention("$35 billion"),
        "joined to characters",
    ),
    # https://evertiq.com/design/55327
    (
        "SMIC is in line to report a 2% quarter-on-quarter revenue increase for the first "
        "quarter of 2024.",
        "2%",
        read_mention("2%"),
        "'increase'",
    ),
    (
        "SMIC's monthly wafer production capacity has increased from 714,000 wafers in the "
        "fourth quarter of 2022 to 805,500 wafers in the same period of 2023.",
        "2022 to 805,500",
        read_mention("2022 to 805,500"),
        "written as a year",
    ),
    # https://www.newsbytesapp.com/news/business/china-aims-to-produce-5nm-chips-in-massive-quantities/tldr
    (
        "There is no source support for reaching roughly 100,000 wafers/month within the next "
        "one to two years.",
        "roughly 100,000",
        read_mention("roughly 100,000"),
        "'roughly 100,000 wafers/month'",
    ),
    # https://techchannel.news/?p=18926
    (
        "China has ramped up subsidies that reduce electricity bills by up to 50 per cent for "
        "its leading data centres.",
        "by up to 50 per cent",
        read_mention("up by up to 50 per cent") | {"read_with": "'up' earlier in its clause"},
        "'reduce' stands between them",
    ),
    # https://pdf.defence.pk/threads/chinas-huawei-poised-to-overcome-us-ban-with-return-of-5g-phones-with-its-own-chipmaking-technology.771286/
    (
        "5G shipments would be limited to around 2 million to 4 million units.",
        "around 2 million",
        read_mention("around 2 million"),
        "'4 million'",
    ),
    # https://datasetsearch.research.google.com/search?query=electricity+costs+us
    (
        "Transmission-related costs reached 15.9 billion U.S. dollars.",
        "15.9 billion",
        read_mention("15.9 billion"),
        "'dollars'",
    ),
    # https://www.blogshop.io/pg/286320636161a941a31a_nvidia-records-57b-revenue
    (
        "Nvidia's data center segment delivered $51.2 billion, up 25% in just one quarter and "
        "66% compared to last year.",
        "66%",
        read_mention("66%"),
        "'compared to'",
    ),
    # https://mail.itx.ba/news/61977-china-provides-cheap-juice-for-ai-datacentres (a change
    # compared with a thing rather than a time, the comparison unread: a gap or a change?)
    (
        "Insiders said several companies griped to regulators that Chinese chips gobble 30 to 50 "
        "per cent more electricity than Nvidia’s H20 gear.",
        "30 to 50 per cent more",
        read_mention("30 to 50 per cent more"),
        "a thing rather than a time",
    ),
    # https://sureanot.com/low-yield-for-smic-huawei-nvidia-knockoff-so-what-asia-times
    (
        "Each fab has a maximum monthly production capacity of 35, 000 12- inch wafers.",
        "12",
        read_mention("12"),
        "'12-'",
    ),
]


@pytest.mark.parametrize(("text", "words", "reading", "named"), CAUGHT)
def test_a_reading_that_leaves_words_of_its_clause_unheld_is_refused_naming_them(
    text, words, reading, named
):
    assert "kind" in reading  # the net checks a reading, not a refusal
    reason = unheld_words(text, _mention(text, words), reading, 0)
    assert reason is not None and named in reason, reason


# Through the whole path a draft takes: (sentence, the mention's words, words the refusal names,
# or None where the reading stands).
WHOLE_PATH = [
    # a percentage compared with a thing that is itself a percentage: a ratio of percentages
    ("The model's error rate was 20% lower than the rival's rate.", "20% lower", "itself a"),
    # a level compared with a time: a change the reading did not make
    ("Sales were 66% compared to last year.", "66%", "'compared to'"),
    # a comparison the reading used (read with the words from "than": a gap, a multiplier)
    ("The chips use 30% more power than the H20.", "30% more", None),
    # points compared with a thing stay points: a difference of two percentages
    ("Its accuracy is 5 percentage points higher than GPT-4o's.", "5 percentage", None),
    # two levels set side by side: each is read
    ("The US holds 75% of compute versus 15% for China.", "75%", None),
    # "than" of another number's hedge ("less than eight months")
    ("In 2025, the figure nearly doubled in less than eight months.", "nearly doubled", None),
    # a comparison far off, after a preposition, goes with other words
    ("China holds a 50%+ cost advantage in the China vs US comparison.", "50%", None),
    # a word of bound or hedge the mention did not take in, before an exact amount
    ("Investment nearly reached $50 billion last year.", "$50 billion", "'nearly' before"),
    # a word of bound before a determiner bounds another thing
    ("The yield is less than 50%, well below the 90% industry norm.", "90%", None),
    # "over" the finder did not take in compares: the amount stands
    ("It is a 60 percent increase over $7.5 billion the year before.", "$7.5 billion", None),
    # a count and what it counts, in the plural (a name before it, letters in capitals)
    ("DeepSeek trained V3 on 16,000 H100 GPUs.", "16,000", None),
    ("The outage left around 130,000 homes days without power.", "130,000", None),
    # a count and a word in lower case (an adjective): stands
    ("The model has 671B total parameters, and 37B active.", "37B", None),
]


@pytest.mark.parametrize(("text", "words", "named"), WHOLE_PATH)
def test_the_draft_refuses_unheld_words_and_keeps_readings_that_hold_them(text, words, named):
    at = text.index(words)
    (mention,) = [m for m in find_mentions(text) if m.start <= at < m.end]
    reading = read_in_sentence(text, mention)
    if named is None:
        assert "refusal" not in reading, reading
    else:
        assert named in reading.get("refusal", ""), reading


def test_a_refusal_or_an_exclusion_passes_the_net_unchanged():
    text = "Sales were 66% compared to last year."
    mention = _mention(text, "66%")
    assert unheld_words(text, mention, {"refusal": "no"}, 0) is None
    assert unheld_words(text, mention, {"exclusion": "a year, not a quantity"}, 0) is None


@settings(max_examples=60, deadline=None)
@given(
    amount=st.integers(min_value=2, max_value=999_999),
    scale=st.sampled_from(["", " million", " billion"]),
    tail=st.sampled_from([".", " last year.", " in 2024.", ", analysts said."]),
)
def test_an_amount_with_nothing_unheld_around_it_keeps_its_reading(amount, scale, tail):
    text = f"The fund raised ${amount:,}{scale}{tail}"
    (mention,) = [m for m in find_mentions(text) if m.text.startswith("$")]
    reading = read_mention(mention.text)
    assert unheld_words(text, mention, reading, 0) is None
    comparison = f"The fund raised ${amount:,}{scale} more than its rival{tail}"
    (mention,) = [m for m in find_mentions(comparison) if m.text.startswith("$")]
    assert "refusal" in read_in_sentence(comparison, mention)
