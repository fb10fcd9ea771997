# ruff: noqa: E501  (the expected narrative has its lines as written)
from __future__ import annotations

import re

import pandas as pd
import pytest

from gapstudy import schema
from gapstudy.exceptions import ParameterError
from gapstudy.facts import derive_measures
from gapstudy.narrative import (
    escape_text,
    filter_tables,
    select_sources,
    viewpoint_table,
    write_narrative,
)


def _frame(table: schema.Table, rows: list[dict]) -> pd.DataFrame:
    full = [{c: row.get(c) for c in table.column_names} for row in rows]
    return pd.DataFrame(full, columns=table.column_names).astype(table.dtypes)


def _claim(
    cid: str,
    voice: str,
    quote: str,
    dimension: str,
    direction: str,
    stance: str,
    line: int,
    comment: bool = False,
) -> dict:
    return {
        "claim_id": cid,
        "source_id": cid.split("/")[0],
        "voice_id": voice,
        "quote": quote,
        "line": line,
        "char_start": line * 100,
        "char_end": line * 100 + len(quote),
        "segment_kind": "comment" if comment else "body",
        "is_reader_comment": comment,
        "dimension": dimension,
        "direction": direction,
        "stance": stance,
    }


def _figure(fid: str, text: str, claim: dict, **spec) -> dict:
    return {
        "figure_id": fid,
        "claim_id": claim["claim_id"],
        "source_id": claim["source_id"],
        "voice_id": claim["voice_id"],
        "text": text,
        "line": claim["line"],
        "char_start": claim["char_start"],
        "char_end": claim["char_start"] + len(text),
        "segment_kind": claim["segment_kind"],
        "is_reader_comment": claim["is_reader_comment"],
        "kind": "percent",
        "bound": "exact",
        "unit": "percent",
        "entity": "China",
        "counterpart": "United States",
        "period_precision": "unknown",
        "dimension": claim["dimension"],
        "stance": claim["stance"],
        **spec,
    }


def make_tables() -> dict[str, pd.DataFrame]:
    """Two small sources: a dated report with an optimist and a skeptic, and an undated one
    with a skeptic outlet and a reader comment."""
    sources = _frame(
        schema.SOURCES,
        [
            {
                "source_id": "a",
                "outlet": "Outlet A",
                "published": "2026-01",
                "date_precision": "month",
                "is_date_inferred": True,
                "is_outlet_inferred": False,
            },
            {
                "source_id": "b",
                "outlet": None,
                "published": None,
                "date_precision": "unknown",
                "is_date_inferred": False,
                "is_outlet_inferred": False,
            },
        ],
    )
    voices = _frame(
        schema.VOICES,
        [
            {
                "voice_id": "a/lin",
                "source_id": "a",
                "voice_key": "lin",
                "name": "Justin Lin",
                "kind": "person",
                "affiliation": "Alibaba",
                "role": "technical lead",
                "stance": "skeptic",
                "is_reader_comment": False,
            },
            {
                "voice_id": "a/zheng",
                "source_id": "a",
                "voice_key": "zheng",
                "name": "Zheng Jun",
                "kind": "person",
                "affiliation": "Huawei",
                "stance": "optimist",
                "is_reader_comment": False,
            },
            {
                "voice_id": "b/outlet",
                "source_id": "b",
                "voice_key": "outlet",
                "name": "the outlet",
                "kind": "outlet",
                "stance": "skeptic",
                "is_reader_comment": False,
            },
            {
                "voice_id": "b/cartman",
                "source_id": "b",
                "voice_key": "cartman",
                "name": "Eric Cartman",
                "kind": "commenter",
                "stance": "optimist",
                "is_reader_comment": True,
            },
        ],
    )
    odds = _claim(
        "a/lin-odds",
        "a/lin",
        "\u201cBelow 20 percent,\u201d said Justin Lin",
        "overall_lead",
        "us_ahead",
        "skeptic",
        4,
    )
    gap = _claim(
        "a/zheng-gap",
        "a/zheng",
        "lags by only 2.7% <b>now</b>",
        "benchmark_performance",
        "narrowing",
        "optimist",
        6,
    )
    funding = _claim(
        "b/funding",
        "b/outlet",
        "$109.1 billion, more than China's $9.3 billion",
        "capital_and_investment",
        "us_ahead",
        "skeptic",
        15,
    )
    reader = _claim(
        "b/cartman-says",
        "b/cartman",
        "The gap is definitely shrinking.",
        "benchmark_performance",
        "narrowing",
        "optimist",
        24,
        comment=True,
    )
    claims = _frame(schema.CLAIMS, [odds, gap, funding, reader])
    figures = _frame(
        schema.FIGURES,
        [
            _figure(
                "a/lin-odds/1",
                "Below 20 percent",
                odds,
                high=20.0,
                bound="upper",
                metric="chance of overtaking the US leaders",
                period="next three to five years",
                period_precision="range",
            ),
            _figure("a/zheng-gap/1", "2.7%", gap, value=2.7, metric="performance shortfall"),
            _figure(
                "b/funding/1",
                "$109.1 billion",
                funding,
                kind="money",
                value=109.1e9,
                unit="usd",
                entity="United States",
                counterpart="China",
                metric="private AI investment",
                period="2024",
                period_precision="year",
            ),
            _figure(
                "b/funding/2",
                "$9.3 billion",
                funding,
                kind="money",
                value=9.3e9,
                unit="usd",
                metric="private AI investment",
                period="2024",
                period_precision="year",
            ),
        ],
    )
    derived = derive_measures(
        figures,
        [
            {
                "measure_id": "investment-ratio",
                "description": "US private AI investment over China's",
                "operation": "ratio",
                "numerator": "b/funding/1",
                "denominator": "b/funding/2",
                "dimension": "capital_and_investment",
                "line": 2,
            },
        ],
    )
    return {
        "sources": sources,
        "voices": voices,
        "claims": claims,
        "figures": figures,
        "derived_measures": derived,
    }


EXPECTED = """\
## Optimists and skeptics

**Sources read:** `a` (Outlet A, 2026-01, inferred); `b` (undated).

**Reader comments:** left out.

### Who speaks

**Optimists** (China is catching up; the gap is narrowing or small):

- **Zheng Jun** — Huawei [`a`]

**Skeptics** (the gap persists or widens):

- **Justin Lin** — Alibaba, technical lead [`a`]
- **the outlet** [`b`]

### Where they look

- Optimists' claims concern, most often first: benchmark performance.
- Skeptics' claims concern, most often first: overall lead, capital and investment.
- Both camps speak of: no common dimension.
- Only optimists speak of: benchmark performance.
- Only skeptics speak of: overall lead, capital and investment.

### The figures they cite

**Optimists**

- *benchmark performance* — Zheng Jun: “2.7%”, performance shortfall (China vs United States) [`a/zheng-gap/1`]

**Skeptics**

- *overall lead* — Justin Lin: “Below 20 percent”, chance of overtaking the US leaders (China vs United States, next three to five years) [`a/lin-odds/1`]
- *capital and investment* — the outlet: “\\$109.1 billion”, private AI investment (United States vs China, 2024) [`b/funding/1`]
- *capital and investment* — the outlet: “\\$9.3 billion”, private AI investment (China vs United States, 2024) [`b/funding/2`]

### Gap measures computed from these figures

- skeptic: US private AI investment over China's: 11.7 times (“\\$109.1 billion” ÷ “\\$9.3 billion”) [`investment-ratio`]
"""


def test_the_narrative_of_small_tables_is_exactly_as_expected():
    assert write_narrative(make_tables()) == EXPECTED


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _numbers_in_tables(tables: dict[str, pd.DataFrame]) -> tuple[str, list[float]]:
    """Every string cell of every table joined, and every numeric cell."""
    strings, numbers = [], []
    for frame in tables.values():
        for column in frame.columns:
            values = frame[column].dropna()
            if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
                numbers.extend(float(v) for v in values)
            else:
                strings.extend(str(v) for v in values)
    return "\n".join(strings), numbers


PARAMETERS = [
    {},
    {"include_comments": True},
    {"sources": ["a"]},
    {"sources": ["b"], "include_comments": True},
    {"as_of": "2026-01-15"},
    {"as_of": "2025-12-31"},
]


@pytest.mark.parametrize("parameters", PARAMETERS)
def test_every_number_in_the_narrative_comes_from_a_table_row(parameters):
    tables = make_tables()
    text = write_narrative(tables, **parameters)
    strings, numbers = _numbers_in_tables(tables)
    allowed = strings + "\n" + str(parameters.get("as_of", ""))
    found = _NUMBER.findall(text)
    assert found, "the check must look at some numbers"
    for token in found:
        decimals = len(token.split(".")[1]) if "." in token else 0
        from_cell = any(round(n, decimals) == float(token) for n in numbers)
        # Shown to three significant digits, a measure must match its rounded value.
        rounded = any(float(f"{n:.3g}") == float(token) for n in numbers)
        assert token in allowed or from_cell or rounded, f"{token!r} is in no table row"


def test_excluding_a_source_removes_its_voices_and_numbers():
    text = write_narrative(make_tables(), sources=["a"])
    assert "**Left out:** `b` (not selected)." in text
    for gone in ("the outlet", "109.1", "9.3", "11.7", "b/funding"):
        assert gone not in text
    assert "Justin Lin" in text and "2.7%" in text


def test_including_comments_brings_in_the_readers():
    without = write_narrative(make_tables())
    with_comments = write_narrative(make_tables(), include_comments=True)
    assert "Eric Cartman" not in without
    assert with_comments.endswith(
        "### Readers' comments\n\n"
        "- **Eric Cartman** (optimist, benchmark performance): “The gap is definitely"
        " shrinking.” [`b/cartman-says`]\n"
    )
    assert "**Reader comments:** included, in a section of their own." in with_comments


@pytest.mark.parametrize(
    ("as_of", "kept", "left_out"),
    [
        (None, ["a", "b"], {}),
        ("", ["a", "b"], {}),
        ("2026-01-15", ["a"], {"b": "undated, so it cannot be placed before 2026-01-15"}),
        (
            "2025-12-31",
            [],
            {
                "a": "published 2026-01, after 2025-12-31",
                "b": "undated, so it cannot be placed before 2025-12-31",
            },
        ),
    ],
)
def test_select_sources_by_cut_off_date(as_of, kept, left_out):
    assert select_sources(make_tables()["sources"], as_of=as_of) == (kept, left_out)


def test_a_cut_off_before_every_source_leaves_an_empty_comparison():
    text = write_narrative(make_tables(), as_of="2025-12-31")
    assert "**Sources read:** none." in text
    assert "- No optimist voice in the sources read." in text
    assert "- No figure cited in skeptic claims." in text
    assert "Justin Lin" not in text


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"sources": ["zzz"]}, "unknown source id\\(s\\) \\['zzz'\\]"),
        ({"as_of": "January 2026"}, "as_of 'January 2026' is not an ISO date"),
    ],
)
def test_bad_parameters_are_refused(parameters, message):
    with pytest.raises(ParameterError, match=message):
        write_narrative(make_tables(), **parameters)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("lags by only 2.7% <b>now</b>", "lags by only 2.7% &lt;b&gt;now&lt;/b&gt;"),
        ("$560 million and $620 million", "\\$560 million and \\$620 million"),
        ("A & B *bold* [link](x) `code`", "A &amp; B \\*bold\\* \\[link\\](x) \\`code\\`"),
    ],
)
def test_escape_text_neutralises_markup(text, escaped):
    assert escape_text(text) == escaped


def test_article_markup_in_a_quote_is_escaped_in_the_narrative():
    tables = make_tables()
    tables["figures"].loc[1, "text"] = "<script>alert(1)</script>"
    text = write_narrative(tables)
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_filter_tables_drops_comments_and_derived_measures_with_their_figures():
    tables = filter_tables(make_tables(), sources=["a"], include_comments=False)
    assert list(tables["sources"]["source_id"]) == ["a"]
    assert list(tables["voices"]["voice_id"]) == ["a/lin", "a/zheng"]
    assert tables["derived_measures"].empty
    with_comments = filter_tables(make_tables(), include_comments=True)
    assert "b/cartman-says" in set(with_comments["claims"]["claim_id"])


def test_viewpoint_table_lists_who_holds_each_stance():
    view = viewpoint_table(filter_tables(make_tables()))
    assert list(view["name"]) == ["Zheng Jun", "Justin Lin", "the outlet"]
    assert list(view["stance"]) == ["optimist", "skeptic", "skeptic"]
    assert list(view["figures"]) == ["2.7%", "Below 20 percent", "$109.1 billion; $9.3 billion"]
    assert list(view["dimensions"]) == [
        "benchmark performance",
        "overall lead",
        "capital and investment",
    ]


def test_dimensions_are_named_from_the_most_cited():
    tables = make_tables()
    extra = tables["claims"].iloc[[2]].assign(claim_id="b/funding-again")
    tables["claims"] = pd.concat([tables["claims"], extra], ignore_index=True)
    text = write_narrative(tables)
    assert (
        "- Skeptics' claims concern, most often first: capital and investment, overall lead."
        in text
    )
