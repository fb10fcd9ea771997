from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import INPUT_PARTS, copy_parts
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from gapstudy import brief, narrative, schema, weighing
from gapstudy.exceptions import ParameterError
from gapstudy.measures import derive_measures
from gapstudy.narrative import (
    ARGUMENT_WORDS,
    LIST_SHOWN,
    TAKEAWAY_WORDS,
    TEMPLATE_DIR,
    build_brief_context,
    count_in_words,
    escape_text,
    filter_tables,
    join_and,
    join_some,
    load_brief_tables,
    render_parts,
    select_sources,
    viewpoint_table,
    weightiest_reports,
    write_brief,
    write_narrative,
)
from gapstudy.paths import project_paths
from gapstudy.render import render_markdown


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
    with a skeptic outlet, Lin's odds told again (Lin coded optimist there) and a reader
    comment."""
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
                "voice_id": "b/lin",
                "source_id": "b",
                "voice_key": "lin",
                "name": "Justin Lin",
                "kind": "person",
                "affiliation": "Alibaba",
                "stance": "optimist",
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
    lin_again = _claim(
        "b/lin-again",
        "b/lin",
        "Lin put the odds under 20% and praised open models",
        "open_models",
        "narrowing",
        "optimist",
        9,
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
    claims = _frame(schema.CLAIMS, [odds, gap, funding, lin_again, reader])
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
                fact_id="lin-odds",
                qualifier="below",
            ),
            _figure(
                "a/lin-odds/2",
                "three to five years",
                odds,
                low=3.0,
                high=5.0,
                bound="range",
                unit="year",
                kind="duration",
                metric="horizon of the odds",
            ),
            _figure(
                "b/lin-again/1",
                "under 20%",
                {**lin_again, "stance": "skeptic", "dimension": "overall_lead"},
                high=20.0,
                bound="upper",
                qualifier="under",
                metric="chance of overtaking the US leaders",
                fact_id="lin-odds",
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


# ---- every number, every link -------------------------------------------------------------

PARAMETERS = [
    {},
    {"include_comments": True},
    {"sources": ["a"]},
    {"sources": ["b"], "include_comments": True},
    {"as_of": "2026-01-15"},
    {"as_of": "2025-12-31"},
]

_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(([^)\s]+)\)")
_CODE = re.compile(r"`[^`]*`")
_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
# A number starts a word: the digits of a name such as H100 are not a number.
_NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion|trillion))?")
_SCALES = {None: 1.0, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _numbers(text: str) -> list[tuple[str, float]]:
    """(token, value) for every number in ``text``, a scale word applied."""
    return [
        (m.group(0), float(m.group(1).replace(",", "")) * _SCALES[m.group(2)])
        for m in _NUMBER.finditer(text)
    ]


def _shown(token: str, candidate: float) -> bool:
    """Whether ``candidate`` shows as ``token`` (rounded to the digits shown, or to three
    significant digits as ratios are)."""
    number = token.split()[0].replace(",", "")
    decimals = len(number.split(".")[1]) if "." in number else 0
    scale = _SCALES[token.split()[1]] if " " in token else 1.0
    shown = float(number)
    return (
        round(abs(candidate) / scale, decimals) == shown
        or float(f"{abs(candidate) / scale:.3g}") == shown
    )


def _table_counts(tables: dict[str, pd.DataFrame], **parameters) -> set[int]:
    """Counts of claims the brief may state, computed here from the tables independently:
    per camp, per camp and dimension, and the claims of each camp outside the other's ground."""
    t = filter_tables(tables, **parameters)
    claims = t["claims"][~t["claims"]["is_reader_comment"].astype(bool)]
    camps = claims[claims["stance"].isin(["optimist", "skeptic"])]
    by = camps.groupby(["dimension", "stance"]).size().unstack(fill_value=0)
    by = by.reindex(columns=["optimist", "skeptic"], fill_value=0)
    counts = {len(claims), len(camps), *by["optimist"], *by["skeptic"]}
    counts |= set(camps["stance"].value_counts())
    for camp, other in (("optimist", "skeptic"), ("skeptic", "optimist")):
        counts.add(int(by[camp][(by[other] <= 1) & (by[camp] > 1)].sum()))
    outlets = set(t["voices"]["voice_id"][t["voices"]["kind"] == "outlet"])
    groups = set(t["voices"]["voice_id"][t["voices"]["kind"] == "group"])
    counts |= {
        int(camps["voice_id"].isin(outlets).sum()),
        int(camps["voice_id"].isin(groups).sum()),
    }
    figures = t["figures"][~t["figures"]["is_reader_comment"].astype(bool)]
    # A restatement (of a figure of its own text) is not a quantity of its own.
    restates = figures["restates_figure_id"].notna() & figures["fact_id"].isna()
    cited = figures[figures["stance"].isin(["optimist", "skeptic"]) & ~restates]
    quantity = cited["fact_id"].fillna(cited["figure_id"])
    n_texts = cited.groupby(quantity)["source_id"].nunique()
    counts |= {len(n_texts), int((n_texts == 1).sum())}
    counts.add(_told_by_one_text(t, cited, quantity))
    counts.add(int(cited["interpretation_note"].notna().sum()))
    checks = t.get("reference_checks")
    if checks is not None:
        counts |= {len(checks), *checks["status"].value_counts()}
    return counts


def _told_by_one_text(t: dict[str, pd.DataFrame], cited: pd.DataFrame, quantity: pd.Series) -> int:
    """The quantities no other text tells: no figure of another text from the same voice (a
    text's own voice and its groups count as the text) at the same events, on the same
    dimension and side, gives the same number in the same unit and bound."""
    voices = t["voices"].set_index("voice_id")
    kind = voices["kind"].reindex(cited["voice_id"]).to_numpy()
    key = voices["voice_key"].reindex(cited["voice_id"]).to_numpy()
    events = t.get("source_events")
    joined = (
        {}
        if events is None
        else events.groupby("source_id")["event_id"]
        .agg(lambda e: "+".join(sorted(map(str, e))))
        .to_dict()
    )
    claims = t["claims"].set_index("claim_id")
    rows = cited.assign(
        _voice=[
            f"text:{s}" if k in ("outlet", "group") else v
            for s, k, v in zip(cited["source_id"], kind, key, strict=True)
        ],
        _event=[joined.get(s, f"source:{s}") for s in cited["source_id"]],
        _dimension=claims["dimension"].reindex(cited["claim_id"]).to_numpy(),
        _number=cited["high"].fillna(cited["value"]).fillna(cited["low"]),
        _quantity=quantity,
    )
    told = rows.groupby(
        ["_voice", "_event", "_dimension", "stance", "unit", "bound", "_number"], dropna=False
    )
    texts = told["source_id"].transform("nunique")
    return int((texts.groupby(rows["_quantity"]).max() == 1).sum())  # fmt: skip


_QUOTED = {
    "figures": ("period", "metric", "interpretation_note"),
    "derived_measures": ("description",),
    "claims": ("quote",),
    "voices": ("name", "affiliation"),
    "sources": ("title", "outlet", "original_outlet"),
    "disagreements": ("question", "what_differs", "position", "note"),
    "reference_checks": ("reference_name", "note"),
    "out_of_date": ("record",),
}


def _quoted_cells(tables: dict[str, pd.DataFrame]) -> set[str]:
    cells = set()
    for name, columns in _QUOTED.items():
        frame = tables.get(name)
        for column in columns if frame is not None else ():
            for value in frame[column].dropna() if column in frame.columns else ():
                text = escape_text(value)
                for cell in (text, text.rstrip(".")):  # its last full stop may be dropped
                    cells |= {cell, cell[:1].upper() + cell[1:], cell[:1].lower() + cell[1:]}
    return cells


def _placed_periods(tables: dict[str, pd.DataFrame]) -> set[str]:
    """Each figure's period as placed from its text's date ("As of April 30" in a text of May
    2026 is "as of 30 April 2026"): its numbers come from the period and the date cells."""
    from gapstudy import facts, weighing

    sources = tables["sources"].set_index("source_id")
    anchors = facts.period_anchors(tables["figures"])
    placed = set()
    for f in tables["figures"].itertuples(index=False):
        source = sources.loc[f.source_id]
        for inferred in (False, True):
            when = weighing.figure_period(
                f.period, source["published"], anchors.get(f.figure_id), inferred
            )
            if when is not None:
                placed |= {escape_text(when[1]), escape_text(when[1].split(";")[0])}
    return placed


def check_numbers_and_links(text: str, tables: dict[str, pd.DataFrame], **parameters) -> int:
    """Assert every number in ``text`` is a table's: inside a link, a reading of the linked
    figure; outside, a date, a derived measure or a count of claims. Every link goes to an
    existing figure of the source named in it. Returns how many numbers were checked."""
    figures = tables["figures"].set_index("figure_id")
    derived = tables.get("derived_measures", pd.DataFrame({"value": []}))
    checked = 0
    references = tables.get("reference_checks", pd.DataFrame({"reference_url": []}))
    for words, target in _LINK.findall(text):
        if target.startswith(("http://", "https://")):
            assert target in set(references["reference_url"].dropna()), target
            continue
        match = re.fullmatch(r"sources/([^/#]+)\.html#(.+)", target)
        assert match, f"{target!r} is not a link to the source reader"
        source_id, figure_id = match.groups()
        if figure_id.startswith("c-"):  # a claim's words, quoted whole (an out-of-date claim)
            claims = tables["claims"].set_index("claim_id")
            claim = claims.loc[figure_id[2:]]
            assert claim["source_id"] == source_id, f"{target!r} names the wrong source"
            # Quoted whole, or a label (who said it) that holds no number.
            is_quote = words == escape_text(claim["quote"])
            assert is_quote or not _numbers(words), f"{words!r} is not {figure_id}'s quote"
            continue
        assert figure_id in figures.index, f"{figure_id!r} is no figure"
        figure = figures.loc[figure_id]
        assert figure["source_id"] == source_id, f"{target!r} names the wrong source"
        readings = [figure[c] for c in ("value", "low", "high") if not pd.isna(figure[c])]
        for token, _ in _numbers(words):
            assert any(_shown(token, r) for r in readings), f"{token!r} is not {figure_id}"
            checked += 1
    prose = _DATE.sub(" ", _CODE.sub(" ", _LINK.sub(" ", text)))
    # Words copied from a table (a period, a metric, a reading note, a quote) may hold numbers,
    # and so may a publication date written in words ("February 2026").
    months = {brief.month_words(p) for p in tables["sources"]["published"].dropna()}
    phrases = _quoted_cells(tables) | months | _placed_periods(tables)
    for phrase in sorted(phrases, key=len, reverse=True):
        prose = prose.replace(phrase, " ")
    allowed_dates = set(tables["sources"]["published"].dropna()) | {parameters.get("as_of")}
    assert set(_DATE.findall(_CODE.sub(" ", _LINK.sub(" ", text)))) <= allowed_dates
    counts = _table_counts(tables, **parameters)
    measures = [float(v) for v in derived["value"]]
    # how far a fact's reports differ, and the tolerance they agree within (fact_values)
    if "fact_values" in tables:
        agreement = tables["fact_values"][["spread_pct", "tolerance_pct"]]
        measures += [float(v) for v in agreement.stack().dropna()]
    for token, value in _numbers(prose):
        is_count = "." not in token and value in counts
        is_measure = any(_shown(token, m) for m in measures)
        assert is_count or is_measure, f"{token!r} outside a link is no count or measure"
        checked += 1
    return checked


@pytest.mark.parametrize("parameters", PARAMETERS)
def test_every_number_in_the_brief_of_small_tables_comes_from_a_table(parameters):
    tables = make_tables()
    text = write_narrative(tables, **parameters)
    if parameters.get("as_of") != "2025-12-31":
        assert check_numbers_and_links(text, tables, **parameters) > 0
    else:
        check_numbers_and_links(text, tables, **parameters)


RUNS = [
    {},
    {"include_comments": True},
    {"sources": ["hk-agi-next-2026", "bloomberg-repost-2026", "aicerts-widening-2026"]},
    {"as_of": "2026-01-31"},
]


@pytest.fixture(scope="module")
def project_tables() -> dict[str, pd.DataFrame]:
    paths = project_paths()
    if not paths.table_file("figures").is_file():
        pytest.skip("data/processed has not been built (gapstudy tables)")
    return load_brief_tables(paths=paths)


def test_a_number_told_again_by_the_same_people_of_the_same_event_is_a_restatement(
    project_tables,
):
    """AI CERTs gives Lin's "sub-20%" again as the probability of the breakthroughs valuations
    price in: the same estimate, by the same people ("leaders"), of the same event, so a
    restatement (docs/annotations.md), not a second report: the brief neither lists it as a
    quantity of its own nor links it as one."""
    figures = project_tables["figures"].set_index("figure_id")
    valuations = figures.loc["aicerts-widening-2026/valuations-odds/1"]
    assert valuations["restates_figure_id"] == "aicerts-widening-2026/lin-odds/1"
    text = write_narrative(project_tables)
    assert "Probability of the breakthroughs valuations price in" not in text
    assert "aicerts-widening-2026/valuations-odds/1)" not in text


@pytest.mark.parametrize("parameters", RUNS)
def test_every_number_in_the_brief_of_the_corpus_comes_from_a_table(project_tables, parameters):
    text = write_narrative(project_tables, **parameters)
    assert check_numbers_and_links(text, project_tables, **parameters) >= 10


def test_the_checker_catches_a_typed_in_number_and_a_wrong_link():
    tables = make_tables()
    text = write_narrative(tables)
    with pytest.raises(AssertionError, match="outside a link"):
        check_numbers_and_links(text + "\nThe gap is 37 points.\n", tables)
    with pytest.raises(AssertionError, match="is not a/zheng-gap/1"):
        check_numbers_and_links(text.replace("[2.7%]", "[2.8%]"), tables)
    with pytest.raises(AssertionError, match="wrong source"):
        check_numbers_and_links(
            text.replace("sources/a.html#a/zheng", "sources/b.html#a/zheng"), tables
        )


def test_the_headline_brief_has_six_prose_paragraphs_and_keeps_its_links(project_tables):
    text = write_narrative(project_tables)
    html = str(render_markdown(text))
    paragraphs = re.findall(r"<p>(.*?)</p>", html, flags=re.DOTALL)
    assert len([p for p in paragraphs if len(p.split()) >= 12]) >= 6
    hrefs = re.findall(r'<a href="([^"]+)"', html)
    to_texts = [h for h in hrefs if h.startswith("sources/") and "#" in h]
    references = set(project_tables.get("reference_checks", {"reference_url": []})["reference_url"])
    assert to_texts and all(h in to_texts or h in references for h in hrefs)


def test_a_fact_told_several_times_is_stated_once(project_tables):
    """Outside the lede, the figures of one fact are linked once per distinct reading."""
    text = write_narrative(project_tables)
    body = text[text.index("### ") :]
    figures = project_tables["figures"]
    for fact, group in figures.dropna(subset=["fact_id"]).groupby("fact_id"):
        ids = set(group["figure_id"])
        targets = [f for _, f in _LINK.findall(body) if f.partition("#")[2] in ids]
        readings = {brief.format_reading(r) for r in group.itertuples(index=False)}
        assert len(targets) <= len(readings), fact


# ---- parameters -----------------------------------------------------------------------------


def test_a_subset_of_sources_removes_the_others_numbers_and_names():
    whole = write_narrative(make_tables())
    only_a = write_narrative(make_tables(), sources=["a"])
    assert "sources/b.html" in whole and "sources/b.html" not in only_a
    assert "11.7 times" in whole and "11.7" not in only_a
    assert "Left out by this run's parameters: `b` (not selected)." in only_a
    assert "Justin Lin" in only_a and "[2.7%](sources/a.html#a/zheng-gap/1)" in only_a


def test_a_cut_off_leaves_out_undated_and_later_sources():
    text = write_narrative(make_tables(), as_of="2026-01-15")
    assert "as the debate stood on 2026-01-15" in text
    assert "`b` (undated, so it cannot be placed before 2026-01-15)" in text
    assert "sources/b.html" not in text
    empty = write_narrative(make_tables(), as_of="2025-12-31")
    assert "No text is read with these parameters" in empty
    assert "sources/" not in empty


def test_including_comments_brings_in_the_readers():
    without = write_narrative(make_tables())
    with_comments = write_narrative(make_tables(), include_comments=True)
    assert "Eric Cartman" not in without
    assert "One reader's comment in the texts read is left out" in without
    assert "### Readers' comments" in with_comments
    assert (
        "- Eric Cartman (optimist, benchmark performance): “The gap is definitely shrinking.”"
        in with_comments
    )
    assert "with readers' comments" in with_comments


def test_parameters_change_the_brief_of_the_corpus(project_tables):
    default = write_narrative(project_tables)
    summit = write_narrative(project_tables, **RUNS[2])
    early = write_narrative(project_tables, **RUNS[3])
    assert "sources/undated-narrowing.html" in default
    assert "sources/undated-narrowing.html" not in summit
    assert "sources/ithome-zheng-2026.html" not in early
    assert len({default, summit, early}) == 3


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


# ---- the context, in small frames -----------------------------------------------------------


def test_count_claims_by_camp():
    claims = filter_tables(make_tables())["claims"]
    expected = pd.DataFrame(
        {
            "dimension": [
                "overall_lead",
                "benchmark_performance",
                "capital_and_investment",
                "open_models",
            ],
            "n_optimist_claims": [0, 1, 0, 1],
            "n_optimist_sources": [0, 1, 0, 1],
            "n_skeptic_claims": [1, 0, 1, 0],
            "n_skeptic_sources": [1, 0, 1, 0],
        }
    )
    assert_frame_equal(brief.count_claims_by_camp(claims), expected)


def test_classify_ground_and_overlap():
    by_camp = pd.DataFrame(
        {
            "dimension": ["overall_lead", "compute_and_chips", "efficiency", "policy"],
            "n_optimist_claims": [10, 1, 9, 1],
            "n_optimist_sources": [3, 1, 4, 1],
            "n_skeptic_claims": [14, 17, 0, 1],
            "n_skeptic_sources": [3, 4, 0, 1],
        }
    )
    ground = brief.classify_ground(by_camp)
    assert list(ground) == ["shared", "skeptic", "optimist", "thin"]
    overlap = brief.summarise_overlap(by_camp)
    assert overlap["shared"] == ["overall_lead"]
    assert overlap["optimist"] == {"n_claims": 21, "n_alone": 9, "alone": ["efficiency"]}
    assert overlap["skeptic"] == {"n_claims": 32, "n_alone": 17, "alone": ["compute_and_chips"]}


def test_group_reports_puts_a_fact_in_one_row():
    t = filter_tables(make_tables())
    reports = brief.group_reports(t["figures"], t["sources"])
    lin = reports[reports["report_key"] == "lin-odds"].reset_index(drop=True)
    expected = pd.DataFrame(
        {
            "report_key": ["lin-odds"],
            "figure_id": ["a/lin-odds/1"],
            "n_reports": [2],
            "n_sources": [2],
            "n_readings": [1],
        }
    )
    columns = list(expected.columns)
    assert_frame_equal(lin[columns].astype({"report_key": object, "figure_id": object}), expected)
    assert lin["figure_ids"][0] == ["a/lin-odds/1", "b/lin-again/1"]
    assert len(reports) == len(t["figures"]) - 1


def test_find_shifting_voices():
    t = filter_tables(make_tables())
    shifting = brief.find_shifting_voices(t["voices"], t["claims"])
    expected = pd.DataFrame(
        {
            "voice_key": ["lin", "lin"],
            "name": ["Justin Lin", "Justin Lin"],
            "source_id": ["a", "b"],
            "stance": ["skeptic", "optimist"],
            "claims": [
                [{"stance": "skeptic", "dimension": "overall_lead", "n": 1}],
                [{"stance": "optimist", "dimension": "open_models", "n": 1}],
            ],
        }
    )
    assert_frame_equal(shifting.astype(object), expected.astype(object))


@pytest.mark.parametrize(
    ("spec", "reading"),
    [
        ({"bound": "exact", "value": 2.7, "unit": "percent"}, "2.7%"),
        ({"bound": "exact", "value": 17.5, "unit": "percentage_point"}, "17.5 percentage points"),
        ({"bound": "upper", "high": 20.0, "unit": "percent", "qualifier": "sub"}, "below 20%"),
        (
            {"bound": "upper", "high": 30.0, "unit": "percent", "qualifier": "as much as"},
            "as much as 30%",
        ),
        (
            {"bound": "approximate", "value": 70.0, "unit": "percent", "qualifier": "roughly"},
            "about 70%",
        ),
        ({"bound": "range", "low": 10.0, "high": 100.0, "unit": "fold"}, "10 to 100 times"),
        ({"bound": "range", "low": 3.0, "high": 5.0, "unit": "year"}, "3 to 5 years"),
        (
            {"bound": "lower", "low": 1e9, "unit": "usd", "qualifier": "over"},
            "more than $1 billion",
        ),
        ({"bound": "exact", "value": 109.1e9, "unit": "usd"}, "$109.1 billion"),
        ({"bound": "exact", "value": 199.48, "unit": "exabyte"}, "199.48 exabytes"),
        ({"bound": "exact", "value": -40.0, "unit": "percent"}, "\u221240%"),
        ({"bound": "lower", "low": 400.0, "unit": "count"}, "at least 400"),
        # rates a year say so: a growth rate, a growth factor, a flow
        ({"bound": "exact", "value": 30.0, "unit": "percent_per_year"}, "30% a year"),
        # a factor a year is written "-fold a year": "4.8 times a year" may count occasions
        ({"bound": "exact", "value": 4.8, "unit": "fold_per_year"}, "4.8-fold a year"),
        ({"bound": "exact", "value": 50e9, "unit": "usd_per_year"}, "$50 billion a year"),
        ({"bound": "exact", "value": 1e11, "unit": "cny_per_year"}, "100 billion yuan a year"),
    ],
)
def test_format_reading(spec, reading):
    row = pd.Series({"value": None, "low": None, "high": None, "qualifier": None, **spec})
    assert brief.format_reading(row) == reading


@pytest.mark.parametrize(
    "outlet, original, title, label",
    [
        ("AI CERTs", None, "A title", "AI CERTs"),
        (None, "Bloomberg", None, "Bloomberg (reposted)"),
        # a repost is named by its original, as its own voice is keyed (check.own_voice_origin)
        (
            "newswire.com.pk",
            "China Economic Net",
            None,
            "China Economic Net (reposted by newswire.com.pk)",
        ),
        (None, None, "A title", "\u201cA title\u201d"),
        (None, None, None, "`x-2026`"),
    ],
)
def test_a_source_is_labelled_by_the_outlet_its_own_voice_is_keyed_by(
    outlet, original, title, label
):
    sources = pd.DataFrame(
        [{"source_id": "x-2026", "outlet": outlet, "original_outlet": original, "title": title}]
    )
    assert brief.label_sources(sources) == {"x-2026": label}


# ---- templates ------------------------------------------------------------------------------


def test_a_researcher_rewords_the_brief_in_the_templates(tmp_path: Path):
    words = tmp_path / "narrative"
    shutil.copytree(TEMPLATE_DIR, words)
    lede = words / "lede.md.j2"
    lede.write_text(lede.read_text().replace("coded claim", "annotated statement"))
    (words / "caveats.md.j2").write_text("### Limits\n\nRead with care.\n")
    text = write_narrative(make_tables(), template_dir=words)
    assert "annotated statements about the US–China AI gap" in text
    assert text.rstrip().endswith("### Limits\n\nRead with care.")
    assert "coded claim" not in text.split("\n\n")[0]
    assert "coded claims" in write_narrative(make_tables()).split("\n\n")[0]


def test_templates_are_compiled_once_per_process_and_read_again_when_edited(tmp_path: Path):
    """A build's kernel writes several briefs: the second finds its templates compiled (the same
    environment, the same words), and a template edited in between, even to the same size, is
    read afresh."""
    words = tmp_path / "words"
    words.mkdir()
    part = words / "argument.md.j2"
    part.write_text("{{ items | shown | join_and }} lead.\n", encoding="utf-8")
    context = {"items": ["Alpha", "Beta"]}
    first = render_parts(context, template_dir=words, names=("argument",))
    env = narrative._environment(words)
    again = render_parts(context, template_dir=words, names=("argument",))
    assert again == first == {"argument": "Alpha and Beta lead.\n"}
    assert narrative._environment(words) is env
    assert narrative._environment(words, LIST_SHOWN - 1) is not env
    part.write_text("{{ items | shown | join_and }} trail\n", encoding="utf-8")
    assert render_parts(context, template_dir=words, names=("argument",)) == {
        "argument": "Alpha and Beta trail\n"
    }
    assert narrative._environment(words) is not env


def test_a_cached_environment_words_the_brief_as_a_fresh_one():
    tables = make_tables()
    context = build_brief_context(tables)
    cached = render_parts(context)
    narrative._environment_of.cache_clear()
    assert render_parts(context) == cached == write_brief(tables)


def test_the_context_is_plain_data_the_templates_word():
    context = build_brief_context(make_tables())
    assert set(context) >= {"lede", "sections", "common", "voices", "caveats", "parameters"}
    assert [s["dimension"] for s in context["sections"]][:1] == ["overall_lead"]
    assert context["caveats"]["n_comments_left_out"] == 1


# ---- escaping and the tables ----------------------------------------------------------------


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


def test_article_markup_in_a_metric_is_escaped_in_the_brief():
    tables = make_tables()
    tables["figures"].loc[tables["figures"]["figure_id"] == "a/zheng-gap/1", "metric"] = (
        "<script>alert(1)</script>"
    )
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


def test_filter_tables_keeps_checks_and_disagreements_of_the_sources_read():
    tables = make_tables()
    tables["reference_checks"] = pd.DataFrame(
        {"figure_id": ["a/zheng-gap/1", "b/funding/1"], "status": ["matches", "differs"]}
    )
    tables["disagreements"] = pd.DataFrame(
        {"disagreement_id": ["d1", "d2"], "claim_ids": ["a/lin-odds, b/funding", "a/zheng-gap"]}
    )
    kept = filter_tables(tables, sources=["a"])
    assert list(kept["reference_checks"]["figure_id"]) == ["a/zheng-gap/1"]
    assert list(kept["disagreements"]["disagreement_id"]) == ["d2"]


def test_viewpoint_table_lists_who_holds_each_stance():
    view = viewpoint_table(filter_tables(make_tables()))
    # A name starts its cell capitalised ("the outlet" as "The outlet"), stored as written.
    assert list(view["name"]) == ["Zheng Jun", "Justin Lin", "Justin Lin", "The outlet"]
    assert "the outlet" in set(make_tables()["voices"]["name"])
    assert list(view["stance"]) == ["optimist", "optimist", "skeptic", "skeptic"]


def _viewpoints_by_filtering(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The viewpoint table as first written: the whole claims and figures tables filtered for
    every voice (the reference the one-pass version must equal)."""
    from gapstudy import vocab
    from gapstudy.facts import capitalised
    from gapstudy.narrative import VIEWPOINT_COLUMNS, _dimension_list

    voices, claims, figures = tables["voices"], tables["claims"], tables["figures"]
    rows = []
    for stance in vocab.STANCES:
        group = voices[voices["stance"] == stance]
        for key in pd.unique(group["voice_key"]):
            same = group[group["voice_key"] == key]
            ids = set(same["voice_id"])
            row = {"stance": stance, "voice_key": key}
            for column in ("name", "kind", "affiliation", "role"):
                values = same[column].dropna()
                row[column] = values.iloc[0] if len(values) else None
            row["name"] = capitalised(row["name"])
            row["source_ids"] = ", ".join(pd.unique(same["source_id"]))
            row["dimensions"] = _dimension_list(
                set(claims[claims["voice_id"].isin(ids)]["dimension"])
            )
            row["figures"] = "; ".join(figures[figures["voice_id"].isin(ids)]["text"])
            rows.append(row)
    return pd.DataFrame(rows, columns=list(VIEWPOINT_COLUMNS)).astype("string")


def test_viewpoint_table_equals_filtering_for_every_voice():
    """Gathered in one pass, each voice's dimensions and figures are what filtering the whole
    tables for it gives, figures in table order even when a voice's sources interleave."""
    t = filter_tables(make_tables(), include_comments=True)
    assert_frame_equal(viewpoint_table(t), _viewpoints_by_filtering(t))
    shuffled = {**t, "figures": t["figures"].iloc[::-1], "claims": t["claims"].iloc[::-1]}
    assert_frame_equal(viewpoint_table(shuffled), _viewpoints_by_filtering(shuffled))


def test_group_reports_lists_distinct_values_in_order_without_missing_ones():
    """A fact's counterparts and metrics: missing ones left out, the rest once each, in the
    order first read (as ``pd.unique`` after ``dropna`` gave them)."""
    t = filter_tables(make_tables())
    figures = t["figures"].copy()
    told = figures["fact_id"] == "lin-odds"
    assert told.sum() == 2
    figures.loc[told, "counterpart"] = [pd.NA, "the US"]
    figures.loc[told, "metric"] = [pd.NA, "odds"]
    lin = brief.group_reports(figures, t["sources"]).set_index("report_key").loc["lin-odds"]
    assert lin["counterparts"] == ["the US"]
    assert lin["n_metrics"] == 1
    assert lin["source_ids"] == ["a", "b"]
    assert lin["voice_ids"] == list(pd.unique(figures.loc[told, "voice_id"]))


def _with_checks_and_disagreements() -> dict[str, pd.DataFrame]:
    tables = make_tables()
    tables["reference_checks"] = pd.DataFrame(
        {
            "figure_id": ["b/funding/1", "a/zheng-gap/1"],
            "source_id": ["b", "a"],
            "reference_name": ["Index Report", "Index Report"],
            "reference_url": ["https://example.org/index.pdf", None],
            "status": ["matches", "unverifiable"],
            "note": ["Same number and year.", "The report could not be found."],
        }
    )
    tables["disagreements"] = pd.DataFrame(
        {
            "disagreement_id": ["odds", "odds"],
            "kind": ["different_report", "different_report"],
            "dimension": ["overall_lead", "overall_lead"],
            "question": ["What the odds were given for", "What the odds were given for"],
            "what_differs": ["The horizon.", "The horizon."],
            "source_id": ["a", "b"],
            "claim_id": ["a/lin-odds", "b/lin-again"],
            "figure_id": ["a/lin-odds/1", "b/lin-again/1"],
            "position": ["within five years", "soon"],
        }
    )
    return tables


def test_checks_against_primary_sources_and_disagreements_are_told():
    tables = _with_checks_and_disagreements()
    text = write_narrative(tables)
    assert "The primary source, [Index Report](https://example.org/index.pdf), gives" in text
    assert "It could not be checked against Index Report. The report could not be found." in text
    assert (
        "Outlet A and `b` report differently on what the odds were given for: The horizon." in text
    )
    assert check_numbers_and_links(text, tables) > 0
    one_side = write_narrative(tables, sources=["a"])
    assert "report differently" not in one_side


def test_a_sentence_that_starts_with_a_name_in_lower_case_starts_capitalised():
    """An untitled text is named "the untitled report of January 2026": first in a sentence,
    it is capitalised there, and left as it is inside one."""
    tables = _with_checks_and_disagreements()
    sources = tables["sources"].copy()
    sources.loc[sources["source_id"] == "a", "outlet"] = None
    tables["sources"] = sources
    text = write_narrative(tables)
    assert "The untitled report of January 2026 and `b` report differently on" in text
    assert "reported in the untitled report of January 2026" in text


@pytest.mark.parametrize(
    ("operation", "wording"),
    [
        ("ratio", "[\\$109.1 billion](sources/b.html#b/funding/1) against [\\$9.3 billion]"),
        ("difference", "a difference of \\$99.8 billion"),
    ],
)
def test_each_kind_of_measure_is_worded_as_what_it_is(operation, wording):
    tables = make_tables()
    spec = {
        "measure_id": "investment-gap",
        "description": "US private AI investment against China's",
        "operation": operation,
        "numerator": "b/funding/1",
        "denominator": "b/funding/2",
        "dimension": "capital_and_investment",
        "line": 2,
    }
    tables["derived_measures"] = derive_measures(tables["figures"], [spec])
    text = write_narrative(tables)
    assert wording in text
    assert check_numbers_and_links(text, tables) > 0


# ---- the takeaways and the argument ------------------------------------------------------------

_ITEM = re.compile(r"^- (.+)$", re.M)


def _weighed_counts(tables: dict[str, pd.DataFrame], **parameters) -> set[int]:
    """Counts the argument may state, computed here from the tables: independent reports,
    claims and voices per camp and layer, claims per source and dimension, texts and events."""
    from gapstudy import weighing

    t = filter_tables(tables, **parameters)
    weighed = weighing.leans(weighing.independent_reports(t), weighing.load_layers())
    counts = {len(t["sources"]), t["source_events"]["event_id"].nunique()}
    for camp in ("optimist", "skeptic"):
        for kind in ("reports", "claims", "voices"):
            counts |= set(weighed[f"{camp}_{kind}"].astype(int))
    counts.add(len(weighing.independent_reports(t)))
    claims = t["claims"][~t["claims"]["is_reader_comment"].astype(bool)]
    camps = claims[claims["stance"].isin(["optimist", "skeptic"])]
    counts |= {len(camps), *camps.groupby("source_id").size()}
    counts |= set(camps.groupby("dimension").size())
    counts |= set(camps.groupby(["source_id", "dimension"]).size())
    figures = t["figures"]
    told = figures.groupby(figures["fact_id"].fillna(figures["figure_id"]))
    counts |= set(told.size()) | set(told["source_id"].nunique())
    # A carried layer's share of the weight, as a whole percentage.
    total = weighed["optimist_weight"] + weighed["skeptic_weight"]
    heavier = weighed[["optimist_weight", "skeptic_weight"]].max(axis=1)
    counts |= {round(100 * s) for s in (heavier / total)[total > 0]}
    return counts


def check_argument(text: str, tables: dict[str, pd.DataFrame], **parameters) -> int:
    """Every link in the takeaways or the argument goes to a figure's words (its reading as
    the link's words) or to a source text of the run; every other number is a count computed
    from the tables or a derived measure. Returns how many numbers were checked."""
    t = filter_tables(tables, **parameters)
    pages = {f"sources/{s}.html" for s in t["sources"]["source_id"]}
    figure_links = [(w, u) for w, u in _LINK.findall(text) if u not in pages]
    for _words, target in _LINK.findall(text):
        assert target in pages or target.startswith("sources/"), target
    checked = check_numbers_and_links(
        "\n".join(f"[{w}]({u})" for w, u in figure_links), tables, **parameters
    )
    prose = _CODE.sub(" ", _LINK.sub(" ", text))
    months = {brief.month_words(p) for p in tables["sources"]["published"].dropna()}
    phrases = _quoted_cells(tables) | months | _placed_periods(tables)
    for phrase in sorted(phrases, key=len, reverse=True):
        prose = prose.replace(phrase, " ")
    counts = _weighed_counts(tables, **parameters)
    measures = [float(v) for v in t["derived_measures"]["value"]]
    for token, value in _numbers(prose):
        is_count = "." not in token and value in counts
        assert is_count or any(_shown(token, m) for m in measures), token
        checked += 1
    return checked


def assert_brief_shape(parts: dict[str, str]) -> None:
    """The takeaways and the argument as a reader meets them, whatever the corpus."""
    items = _ITEM.findall(parts["takeaways"])
    assert 3 <= len(items) <= 6, parts["takeaways"]
    for n, item in enumerate(items):
        # Every item but the two headline ones (shares of weight and counts of texts, all
        # computed: check_argument below holds every number to that) links to its words.
        assert n < 2 or "](sources/" in item, item
        # One sentence: no full stop followed by a new sentence outside a link.
        assert not re.search(r"[.!?] [A-Z]", _LINK.sub("x", item)), item
        # A takeaway a reader can quote: at most TAKEAWAY_WORDS words, links read as text.
        assert len(_LINK.sub(r"\1", item).split()) <= TAKEAWAY_WORDS, item
    words = _LINK.sub(r"\1", parts["argument"]).split()
    assert len(words) <= ARGUMENT_WORDS
    assert parts["argument"].startswith("**Bottom line.**")


@pytest.mark.parametrize("parameters", RUNS + [{"sources": ["undated-narrowing"]}])
def test_takeaways_and_argument_have_their_shape_and_their_numbers_link(project_tables, parameters):
    parts = write_brief(project_tables, **parameters)
    assert_brief_shape(parts)
    assert check_argument(parts["takeaways"] + parts["argument"], project_tables, **parameters)


def test_the_brief_keeps_its_shape_and_budget_on_a_corpus_three_times_larger(tmp_path):
    """A researcher adds texts with data alone: the brief of a larger corpus (each real text
    copied twice under new ids) keeps its shape, its word budgets and its links to the tables."""
    from benchmarks.synthetic import make_corpus
    from gapstudy.tables import write_tables

    paths = project_paths(copy_parts(tmp_path, INPUT_PARTS))
    n_real = len(yaml.safe_load(paths.sources_file.read_text(encoding="utf-8"))["sources"])
    make_corpus(tmp_path, 3 * n_real)
    write_tables(paths)
    tables = load_brief_tables(paths=paths)
    assert len(tables["sources"]) == 3 * n_real
    parts = write_brief(tables)
    assert_brief_shape(parts)
    assert check_argument(parts["takeaways"] + parts["argument"], tables)


def test_the_default_brief_leans_by_layer_and_says_how_robust(project_tables):
    from gapstudy import weighing
    from gapstudy.narrative import write_brief

    t = filter_tables(project_tables)
    weighed = weighing.leans(weighing.independent_reports(t), weighing.load_layers())
    layers = weighed[weighed["scope"] == "layer"]
    argument = write_brief(project_tables)["argument"]
    phrases = {
        "us_ahead": "a US lead",
        "narrowing": "a narrowing gap",
        "contested": "no clear side",
        "parity": "parity",
        "china_ahead": "a Chinese lead",
    }
    for row in layers.itertuples(index=False):
        title = weighing.load_layers().set_index("layer_id").loc[row.subject, "title"]
        title = title.iloc[0] if isinstance(title, pd.Series) else title
        assert f"**{title[:1].upper() + title[1:]}: {phrases.get(row.lean, '')}" in argument
    assert "this holds whichever text is left out" in argument or "this rests on" in argument


def test_the_headline_takeaways_say_how_close_each_lean_is_and_what_the_evidence_is(
    project_tables,
):
    """Takeaway 1 gives each carried layer's share of the weight (computed from the weighing:
    a share on the two-thirds line is said as exactly two-thirds), takeaway 2 how many texts
    are original reports and which layers change without the occasion most texts report (from
    the robustness table's event rows)."""
    from gapstudy import weighing
    from gapstudy.narrative import write_brief

    t = filter_tables(project_tables)
    layers = weighing.load_layers()
    weighed = weighing.leans(weighing.independent_reports(t), layers)
    items = _ITEM.findall(write_brief(project_tables)["takeaways"])
    first, second = items[0], _LINK.sub(r"\1", items[1])
    for row in weighed[weighed["scope"] == "layer"].itertuples(index=False):
        if row.lean in ("contested", "thin"):
            continue
        heavier = max(row.optimist_weight, row.skeptic_weight)
        share = heavier / (row.optimist_weight + row.skeptic_weight)
        said = "exactly two-thirds" if abs(share - 2 / 3) < 1e-9 else f"{share:.0%}"
        title = layers.loc[layers["layer_id"] == row.subject, "title"].iloc[0]
        assert f"on {title} ({said}" in first, first
    n_original = int((t["sources"]["kind"] == "original_report").sum())
    assert ("Only one text is" if n_original == 1 else f"{n_original}") in second or (
        n_original > 1
    ), second
    events = t["source_events"]
    n_texts = events.groupby("event_id")["source_id"].nunique()
    robust = weighing.robustness(t, layers)
    top = n_texts.sort_values(ascending=False, kind="stable")
    event = sorted(top.index[top == top.iloc[0]])[0]
    changed = robust[
        (robust["scope"] == "layer")
        & (robust["left_out_kind"] == "event")
        & (robust["left_out"] == event)
        & robust["is_changed"]
    ]
    for row in changed.itertuples(index=False):
        title = layers.loc[layers["layer_id"] == row.subject, "title"].iloc[0]
        assert title in second.split("without those", 1)[1], (title, second)


def test_a_run_without_the_promotional_text_reads_differently_on_compute(project_tables):
    from gapstudy.narrative import write_brief

    every = project_tables["sources"]["source_id"].tolist()
    promotional = (
        project_tables["sources"]
        .loc[project_tables["sources"]["kind"] == "promotional", "source_id"]
        .tolist()
    )
    if not promotional:
        pytest.skip("no promotional source in the corpus")
    with_it = write_brief(project_tables)
    without = write_brief(project_tables, sources=[s for s in every if s not in promotional])
    compute_figures = project_tables["figures"]
    compute_figures = compute_figures[
        (compute_figures["dimension"] == "compute_and_chips")
        & compute_figures["source_id"].isin(promotional)
    ]
    for figure_id in compute_figures["figure_id"]:
        assert figure_id not in without["argument"] + without["takeaways"]
    assert any(f in with_it["argument"] for f in compute_figures["figure_id"])
    assert "(promotional text," in with_it["argument"]
    assert "(promotional text," not in without["argument"]
    assert with_it["argument"] != without["argument"]


def test_a_single_source_run_says_the_evidence_is_thin(project_tables):
    from gapstudy.narrative import write_brief

    for source in project_tables["sources"]["source_id"]:
        parts = write_brief(project_tables, sources=[source])
        assert "the evidence is thin" in parts["takeaways"]
        assert "The evidence read here is thin." in parts["argument"]
        assert "points to" not in parts["argument"]


def _agreeing_and_disputed(fact_values: pd.DataFrame, disagreements: pd.DataFrame) -> list:
    """(fact, disagreement) pairs where a disagreement's sides are all reports of one fact
    whose reports agree within its tolerance."""
    agreeing = fact_values[fact_values["is_agreeing"].fillna(False).astype(bool)]
    pairs = []
    for fact_id, reports in agreeing.groupby("fact_id"):
        ids = set(reports["figure_id"].dropna())
        for key, sides in disagreements.groupby("disagreement_id"):
            sided = set(sides["figure_id"].dropna())
            if len(sided) > 1 and sided <= ids:
                pairs.append((fact_id, key))
    return pairs


def test_a_fact_within_tolerance_is_never_also_a_disagreement(project_tables):
    """The reader's trip: the IPO proceeds said to agree and listed as a disagreement."""
    pairs = _agreeing_and_disputed(project_tables["fact_values"], project_tables["disagreements"])
    assert pairs == []


def test_the_agreement_check_catches_a_fact_listed_as_a_disagreement():
    fv = pd.DataFrame({"fact_id": ["ipo", "ipo"], "figure_id": ["a/1", "b/1"],
                       "is_agreeing": [True, True]})  # fmt: skip
    disputed = pd.DataFrame({"disagreement_id": ["d", "d"], "figure_id": ["a/1", "b/1"]})
    assert _agreeing_and_disputed(fv, disputed) == [("ipo", "d")]


READER_TRIPS = [
    # (figure spec, what the brief must say, what it must not)
    ({"bound": "approximate", "qualifier": "as much as nearly", "value": 30.0, "unit": "percent"},
     "as much as nearly 30%", "about 30%"),
    ({"bound": "lower", "qualifier": "as little as", "value": 5.0, "low": 5.0, "unit": "percent"},
     "as little as 5%", None),
]  # fmt: skip


@pytest.mark.parametrize("spec, says, not_says", READER_TRIPS)
def test_reader_trips_in_readings(spec, says, not_says):
    row = pd.Series({"low": None, "high": None, "value": None, **spec})
    reading = brief.format_reading(row)
    assert reading == says
    if not_says:
        assert reading != not_says


def test_reader_trips_in_the_corpus_brief(project_tables):
    text = write_narrative(project_tables)
    # A figure without a counterpart keeps its country, and the gloss the text adds to it.
    assert re.search(r"Power capacity added, China: \[400 GW\]", text)
    assert "The text goes on: “yet compute still lags.”" in text
    # Dated and undated texts are counted apart, each count as the sources table gives it.
    published = project_tables["sources"]["published"]
    n_texts, n_undated = len(published), int(published.isna().sum())
    n_dated = n_texts - n_undated
    counted = (
        rf"^{count_in_words(n_texts).capitalize()} texts "
        rf"\({count_in_words(n_dated)} published between [^)]*, "
        rf"{count_in_words(n_undated)} undated\)"
    )
    if n_undated:
        assert re.search(counted, text, re.M), counted
    # A best case stated "as little as" is not called a floor.
    sentence = next(s for s in text.split("\n") if s.startswith("Computing power needed"))
    assert "[as little as 5%]" in sentence
    assert "floor" not in sentence and "best case" in sentence


def _dated(published: str, inferred: bool) -> dict[str, pd.DataFrame]:
    """:func:`make_tables` with text a dated ``published`` (``inferred`` or printed)."""
    tables = make_tables()
    sources = tables["sources"].copy()
    sources.loc[sources["source_id"] == "a", "published"] = published
    sources.loc[sources["source_id"] == "a", "is_date_inferred"] = inferred
    tables["sources"] = sources
    return tables


@pytest.mark.parametrize(
    ("published", "inferred", "period", "shown"),
    [
        ("2026-05-27", False, "As of April 30", "(as of 30 April 2026)"),
        ("2026-02", True, "January", "(January 2026; the text's date, February 2026, is inferred)"),
        ("2026-02", True, "last year", "(2025; the text's date, February 2026, is inferred)"),
        ("2026-02", False, "last year", "(2025)"),
        ("2026-02", True, "late 2024", "(late 2024)"),
    ],
)  # fmt: skip
def test_a_month_named_without_its_year_is_placed_and_an_inferred_date_said(
    published, inferred, period, shown
):
    """ "(As of April 30)" and "(January)" were printed as written; a plain year placed from a
    date the text does not print lost the old "written February 2026"."""
    tables = _dated(published, inferred)
    figures = tables["figures"].copy()
    figures.loc[figures["figure_id"] == "a/zheng-gap/1", "period"] = period
    tables["figures"] = figures
    text = "\n".join(render_parts(build_brief_context(tables)).values())
    assert f"Performance shortfall {shown}: [2.7%]" in text


def test_a_change_measure_shows_its_periods_placed_like_levels():
    """A change from "last year" to "this month" was shown with its periods as written."""
    tables = _dated("2026-02", True)
    vc = _claim("a/vc", "a/zheng", "$10.5 billion last year, $14 billion this month",
                "capital_and_investment", "narrowing", "optimist", 8)  # fmt: skip
    money = {"kind": "money", "unit": "usd", "counterpart": None, "metric": "venture capital"}
    rows = [
        _figure("a/vc/1", "$10.5 billion", vc, value=10.5e9, period="last year", **money),
        {**_figure("a/vc/2", "$14 billion", vc, value=14e9, period="this month", **money),
         "char_start": vc["char_start"] + 30},
    ]  # fmt: skip
    tables["claims"] = pd.concat([tables["claims"], _frame(schema.CLAIMS, [vc])])
    tables["figures"] = pd.concat([tables["figures"], _frame(schema.FIGURES, rows)])
    spec = {"measure_id": "vc-change", "description": "Chinese venture capital",
            "operation": "change", "numerator": "a/vc/2", "denominator": "a/vc/1",
            "dimension": "capital_and_investment", "line": 3}  # fmt: skip
    tables["derived_measures"] = derive_measures(tables["figures"], [spec], tables["sources"])
    text = "\n".join(render_parts(build_brief_context(tables)).values())
    inferred = "the text's date, February 2026, is inferred"
    assert (
        "Chinese venture capital: from [\\$10.5 billion](sources/a.html#a/vc/1)"
        f" (2025; {inferred}) to [\\$14 billion](sources/a.html#a/vc/2)"
        f" (February 2026; {inferred}), a rise of \\$3.5 billion." in text
    )


def test_a_change_to_a_rough_ceiling_is_worded_as_at_most_about():
    """The reader's trip: "as much as nearly 30%" made an exact "+28.8 points"."""
    from types import SimpleNamespace

    from gapstudy.narrative import _amount_words

    later = pd.Series({"qualifier": "as much as nearly", "bound": "approximate"})
    assert _amount_words(SimpleNamespace(bound="approximate"), later) == "at most about"
    exact = pd.Series({"qualifier": None, "bound": "exact"})
    assert _amount_words(SimpleNamespace(bound="exact"), exact) == ""


# ---- the brief's figure per camp, retold remarks, untitled texts -----------------------------


def test_a_camps_figure_is_its_newest_not_an_earlier_baseline():
    """Two figures of one claim, one dimension, no counterpart: the share in late 2024 and the
    one of "last year" in a text of February 2026. The argument shows the later one."""
    from gapstudy.narrative import _camp_figures

    claim = _claim("a/share", "a/outlet", "from 1.2% in late 2024 to nearly 30% last year",
                   "adoption_and_usage", "narrowing", "optimist", 3)  # fmt: skip
    figures = _frame(
        schema.FIGURES,
        [_figure("a/share/1", "1.2%", claim, value=1.2, counterpart=None, period="late 2024"),
         _figure("a/share/2", "nearly 30%", claim, value=30.0, counterpart=None,
                 period="last year", metric="share (peak week)")],
    )  # fmt: skip
    sources = _frame(schema.SOURCES, [{"source_id": "a", "outlet": "A", "published": "2026-02"}])
    t = {"figures": figures, "sources": sources}
    reports = brief.group_reports(figures, sources)
    shown = _camp_figures("optimist", ["adoption_and_usage"], t, reports)
    assert [f["period"] for f in shown] == ["2025"]
    assert "a/share/2" in shown[0]["link"]


def test_a_retold_remark_is_counted_in_every_text_that_tells_it():
    """Lin's odds: one text in the fact, a second telling it with another horizon (kept out of
    the fact), a third figure of his with another bound: two texts, two tellings."""
    from gapstudy.narrative import _tellings

    one = _claim("a/odds", "a/lin", "below 20%", "overall_lead", "us_ahead", "skeptic", 1)
    two = _claim("b/odds", "b/lin", "sub-20%", "overall_lead", "us_ahead", "skeptic", 1)
    figures = _frame(
        schema.FIGURES,
        [_figure("a/odds/1", "below 20%", one, high=20.0, bound="upper", period="3 to 5 years"),
         _figure("a/odds/2", "20%", one, value=20.0, bound="exact"),
         _figure("b/odds/1", "sub-20%", two, high=20.0, bound="upper", period="5 years")],
    )  # fmt: skip
    evidence = pd.DataFrame(
        [{"claim_ids": ["a/odds", "b/odds"], "source_ids": ["a", "b"]},
         {"claim_ids": ["a/other"], "source_ids": ["a"]}]
    )  # fmt: skip
    got = _tellings(evidence, figures, {"a/odds"})
    assert got == {"n_texts": 2, "n_tellings": 2, "periods": ["3 to 5 years", "5 years"]}


@pytest.mark.parametrize(
    ("row", "label"),
    [
        ({"outlet": "AI CERTs"}, "AI CERTs"),
        ({"original_outlet": "Bloomberg"}, "Bloomberg (reposted)"),
        ({"title": "A title"}, "“A title”"),
        ({"published": "2026-02"}, "the untitled report of February 2026"),
        (
            {"published": "2026-02", "dateline": "Hong Kong"},
            "the Hong Kong report of February 2026",
        ),
        ({"dateline": "Hong Kong"}, "the Hong Kong report"),
        (
            {"original_outlet": "IT Home", "is_machine_rendered": True},
            "IT Home (machine-rendered repost)",
        ),
        ({"original_outlet": "IT Home", "is_machine_rendered": False}, "IT Home (reposted)"),
        ({}, "`x`"),
    ],
)
def test_a_text_is_named_by_outlet_title_or_month_never_by_its_id_when_it_has_a_date(row, label):
    sources = _frame(schema.SOURCES, [{"source_id": "x", **row}])
    assert brief.label_sources(sources) == {"x": label}


# ---- a brief that does not grow with the corpus ---------------------------------------------


def _many_skeptic_figures(n: int) -> dict[str, pd.DataFrame]:
    """The small tables with ``n`` more skeptic claims on the overall lead, each giving one
    figure of its own, all read before Lin's odds (the one quantity two texts report)."""
    tables = make_tables()
    odds = tables["claims"].set_index("claim_id").loc["a/lin-odds"].to_dict()
    claims = [
        {**odds, "claim_id": f"a/more-{k}", "line": 1, "char_start": k, "char_end": k + 1}
        for k in range(n)
    ]
    more = [
        _figure(f"a/more-{k}/1", f"{k + 30}%", c, value=float(k + 30), metric=f"m{k}")
        for k, c in enumerate(claims)
    ]
    return {
        **tables,
        "claims": pd.concat([tables["claims"], _frame(schema.CLAIMS, claims)], ignore_index=True),
        "figures": pd.concat([tables["figures"], _frame(schema.FIGURES, more)], ignore_index=True),
    }


def test_a_camp_shows_its_most_told_reports_and_counts_the_rest():
    n = LIST_SHOWN + 7
    tables = _many_skeptic_figures(n)
    context = build_brief_context(tables)
    (section,) = [s for s in context["sections"] if s["dimension"] == "overall_lead"]
    skeptic = section["camps"][brief.CAMPS.index("skeptic")]
    assert len(skeptic["reports"]) == LIST_SHOWN
    assert skeptic["n_more_reports"] == n + 1 - LIST_SHOWN  # the n figures and Lin's odds
    # Lin's odds, told in two texts, is shown although read last.
    assert [r for r in skeptic["reports"] if "lin-odds/1" in r["link"]]
    details = write_brief(tables)["details"]
    left_out = count_in_words(n + 1 - LIST_SHOWN)
    assert f"… and {left_out} more reports, told in fewer texts" in details
    assert check_numbers_and_links(details, tables) > 0


def test_a_brief_list_shows_its_first_items_and_counts_the_rest():
    assert join_some(["a", "b"], "texts") == "a and b"
    names = [f"t{k}" for k in range(LIST_SHOWN + 3)]
    assert join_some(names, "texts") == join_and([*names[:LIST_SHOWN], "3 more texts"])
    reports = pd.DataFrame({"n_sources": [1] * LIST_SHOWN + [2]}, index=range(10, 11 + LIST_SHOWN))
    kept = weightiest_reports(reports)
    assert len(kept) == LIST_SHOWN and kept.index[-1] == 10 + LIST_SHOWN
    assert list(kept.index) == sorted(kept.index)  # in their order


def test_a_part_over_its_word_budget_is_worded_again_with_shorter_lists(tmp_path):
    """However long a list grows, the argument keeps to its budget: the list shows fewer
    items and counts the rest; a part within its budget keeps every list at ``LIST_SHOWN``."""
    words = tmp_path / "words"
    words.mkdir()
    (words / "argument.md.j2").write_text(
        "{% for i in items | shown %}[{{ i }}](x) {% endfor %}and {{ items | more }} more.\n",
        encoding="utf-8",
    )
    long = {"items": [" ".join([f"w{i}"] * 100) for i in range(30)]}
    text = render_parts(long, template_dir=words, names=("argument",))["argument"]
    assert len(_LINK.sub(r"\1", text).split()) <= ARGUMENT_WORDS
    assert text.count("](x)") == 5 and text.endswith("and 25 more.\n")
    short = {"items": [f"word{i}" for i in range(LIST_SHOWN + 2)]}
    text = render_parts(short, template_dir=words, names=("argument",))["argument"]
    assert text.count("](x)") == LIST_SHOWN and text.endswith("and 2 more.\n")


def test_a_takeaway_over_its_budget_is_worded_again_with_shorter_lists(tmp_path):
    words = tmp_path / "words"
    words.mkdir()
    (words / "takeaways.md.j2").write_text(
        "- Short.\n- Named: {{ names | join_some('names') }}.\n", encoding="utf-8"
    )
    names = [" ".join(f"N{i}" for _ in range(5)) for i in range(LIST_SHOWN)]
    text = render_parts({"names": names}, template_dir=words, names=("takeaways",))["takeaways"]
    items = _ITEM.findall(text)
    assert items[0] == "Short." and all(len(i.split()) <= TAKEAWAY_WORDS for i in items)
    assert items[1].endswith(" and 5 more names.")


def test_figure_rows_give_what_a_lookup_by_id_gives():
    """The rows cut in one step hold, for each id asked, the values ``set_index().loc[id]``
    gives (read by key, with ``get``, or as attributes), and only those ids."""
    from gapstudy.narrative import _figure_rows

    figures = filter_tables(make_tables())["figures"]
    ids = list(figures["figure_id"][::2])
    rows = _figure_rows(figures, [*ids, "no-such-figure"])
    assert list(rows) == ids
    by_id = figures.set_index("figure_id", drop=False)
    for figure_id, row in rows.items():
        expected = by_id.loc[figure_id]
        for column in figures.columns:
            got, want = row[column], expected[column]
            if pd.isna(want):
                assert got is want, (figure_id, column)
            else:
                assert got == want, (figure_id, column)
        assert row.unit == expected["unit"] and row.get("cites") is expected.get("cites")
    with pytest.raises(AttributeError):
        _ = next(iter(rows.values())).no_such_column


def _with_a_conversion() -> dict[str, pd.DataFrame]:
    """:func:`make_tables` with a plan given in yuan and, in brackets, in dollars: the dollar
    figure ``restates`` the yuan one (docs/annotations.md, "A conversion in brackets is a
    restatement")."""
    tables = make_tables()
    plans = _claim(
        "b/plans",
        "b/outlet",
        "Alibaba plans to spend CNY380 billion (USD52 billion) over the next three years",
        "capital_and_investment",
        "us_ahead",
        "skeptic",
        17,
    )
    money = {"kind": "money", "entity": "Alibaba", "counterpart": None, "metric": "planned AI"}
    converted = [
        _figure("b/plans/1", "CNY380 billion", plans, value=380e9, unit="cny", **money),
        _figure(
            "b/plans/2",
            "USD52 billion",
            plans,
            value=52e9,
            unit="usd",
            restates_figure_id="b/plans/1",
            **money,
        ),
        _figure(
            "b/plans/3",
            "under CNY380 billion",
            plans,
            value=None,
            low=None,
            high=380e9,
            unit="cny",
            bound="upper",
            restates_figure_id="b/plans/1",
            **money,
        ),
    ]
    tables["claims"] = pd.concat([tables["claims"], _frame(schema.CLAIMS, [plans])])
    tables["figures"] = pd.concat([tables["figures"], _frame(schema.FIGURES, converted)])
    return tables


def _n_cited(reports: pd.DataFrame) -> int:
    """The quantities the camps cite."""
    return int(reports["stance"].isin(brief.CAMPS).sum())


def test_a_conversion_in_brackets_is_one_report_shown_beside_its_original():
    """A restatement is not a second report: one row, one quantity counted, and the brief
    names the dollar figure once, in brackets after the yuan figure it converts."""
    tables = _with_a_conversion()
    t = filter_tables(tables)
    reports = brief.group_reports(t["figures"], t["sources"])
    plan = reports[reports["report_key"] == "b/plans/1"].reset_index(drop=True)
    assert list(plan["n_reports"]) == [1]
    assert list(plan["restated_ids"]) == [["b/plans/2", "b/plans/3"]]
    assert "b/plans/2" not in set(reports["report_key"])
    plain = filter_tables(make_tables())
    before = brief.group_reports(plain["figures"], plain["sources"])
    assert _n_cited(reports) == _n_cited(before) + 1

    text = "\n".join(render_parts(build_brief_context(tables)).values())
    dollars = "[\\$52 billion](sources/b.html#b/plans/2)"
    assert text.count(dollars) == 1
    assert f"(sources/b.html#b/plans/1) (also given as {dollars})" in text
    assert "b/plans/3" not in text  # only its hedge differs: nothing new to show


def test_the_brief_names_periods_in_plain_years_where_it_can_place_them():
    """Text a is of January 2026: "last year" is 2025 and "the year before", in the same
    sentence after it, 2024; a "previous year" in a sentence with no period before it stays
    as written and is said to be unplaced. No "written <month>" is left in the prose."""
    tables = make_tables()
    vc = _claim(
        "a/vc",
        "a/zheng",
        "$14 billion last year, up from $10.5 billion the year before",
        "capital_and_investment",
        "narrowing",
        "optimist",
        8,
    )
    alone = _claim("a/alone", "a/zheng", "$3 billion the previous year", "policy", "narrowing",
                   "optimist", 10)  # fmt: skip
    money = {"kind": "money", "unit": "usd", "counterpart": None, "metric": "venture capital"}
    rows = [
        _figure("a/vc/1", "$14 billion", vc, value=14e9, period="last year", **money),
        {**_figure("a/vc/2", "$10.5 billion", vc, value=10.5e9, period="the year before", **money),
         "char_start": vc["char_start"] + 30},
        _figure("a/alone/1", "$3 billion", alone, value=3e9, period="the previous year", **money),
    ]  # fmt: skip
    tables["claims"] = pd.concat([tables["claims"], _frame(schema.CLAIMS, [vc, alone])])
    tables["figures"] = pd.concat([tables["figures"], _frame(schema.FIGURES, rows)])
    text = "\n".join(render_parts(build_brief_context(tables)).values())
    # Text a's date is inferred: the placed years say so.
    inferred = "the text's date, January 2026, is inferred"
    assert f"Venture capital, China (2025; {inferred}): [\\$14 billion]" in text
    assert f"Venture capital, China (2024; {inferred}): [\\$10.5 billion]" in text
    assert "Venture capital, China (the previous year, year not placed): [\\$3 billion]" in text
    assert not re.search(r"written [A-Z][a-z]+ \d{4}", text)


def test_a_quantity_told_by_two_texts_names_each_texts_own_period():
    """Lin's odds are one fact told by texts a and b: a gives "the next three to five years",
    b gives no period. The merged line says each text's own; one text's period (or the date
    that places it) is never shown for two."""
    tables = make_tables()
    text = "\n".join(render_parts(build_brief_context(tables)).values())
    labels = brief.label_sources(tables["sources"])
    assert (
        f"Chance of overtaking the US leaders (next three to five years in {labels['a']}; "
        f"no period beside the figure in {labels['b']}): "
    ) in text
    assert "Chance of overtaking the US leaders (next three to five years): " not in text
    # A period placed by a's date (inferred) says so of a alone.
    placed = {**tables, "figures": tables["figures"].copy()}
    placed["figures"].loc[placed["figures"]["figure_id"] == "a/lin-odds/1", "period"] = "last year"
    text = "\n".join(render_parts(build_brief_context(placed)).values())
    assert (
        f"(2025 in {labels['a']}, whose date is inferred; "
        f"no period beside the figure in {labels['b']}): "
    ) in text
    # The same period from both texts, placed alike: said once.
    same = {**tables, "figures": tables["figures"].copy()}
    same["figures"].loc[same["figures"]["figure_id"] == "b/lin-again/1", "period"] = (
        "next three to five years"
    )
    text = "\n".join(render_parts(build_brief_context(same)).values())
    assert "Chance of overtaking the US leaders (next three to five years): " in text


def test_no_note_places_a_period_the_brief_already_places():
    """The brief names a relative period's year from the text's date ("2025; the text's date,
    February 2026, is inferred" for "last year"); a note that quotes the period's words and
    names that year again says the same thing twice on one line (docs/annotations.md,
    "Placed where the text's date places it")."""
    t = load_brief_tables()
    published = dict(zip(t["sources"]["source_id"], t["sources"]["published"], strict=True))
    noted = t["figures"].dropna(subset=["period", "interpretation_note"])
    twice = []
    for row in noted.itertuples(index=False):
        placed = weighing.figure_period(row.period, published.get(row.source_id))
        if placed is None or placed[1] == row.period:
            continue
        year = re.search(r"\d{4}", placed[1]).group()
        if f'"{row.period}"' in row.interpretation_note and year in row.interpretation_note:
            twice.append(row.figure_id)
    assert twice == []


def test_two_unnamed_groups_named_alike_are_told_apart_by_their_role():
    """A text's "Experts" who point to constraints and its "experts" who caution against
    underestimating China are two voices: the brief shows each with its stated role (without
    its line and its opening "unnamed experts"), or its text when it states none; a group
    whose name no other shares stays as written."""
    tables = make_tables()
    group = {"kind": "group", "is_reader_comment": False}
    voices = [
        {**group, "voice_id": "a/experts-1", "source_id": "a", "voice_key": "experts-1",
         "name": "Experts", "stance": "skeptic",
         "role": "unnamed experts who point to chip constraints (line 7)"},
        {**group, "voice_id": "a/experts-2", "source_id": "a", "voice_key": "experts-2",
         "name": "experts", "stance": "optimist",
         "role": "unnamed experts who caution against underestimating China (line 42)"},
        {**group, "voice_id": "b/experts", "source_id": "b", "voice_key": "experts-3",
         "name": "experts", "stance": "skeptic"},
        {**group, "voice_id": "b/panel", "source_id": "b", "voice_key": "panel",
         "name": "Panelists", "stance": "skeptic", "role": "unnamed panelists (line 3)"},
    ]  # fmt: skip
    claims = [
        _claim("a/chips", "a/experts-1", "Experts point to chip constraints", "compute_and_chips",
               "us_ahead", "skeptic", 7),
        _claim("a/prospects", "a/experts-2", "experts caution against underestimating China",
               "compute_and_chips", "narrowing", "optimist", 42),
        _claim("b/more", "b/experts", "experts doubt it", "compute_and_chips", "us_ahead",
               "skeptic", 30),
        _claim("b/panel", "b/panel", "Panelists see a gap", "compute_and_chips", "us_ahead",
               "skeptic", 3),
    ]  # fmt: skip
    tables["voices"] = pd.concat([tables["voices"], _frame(schema.VOICES, voices)])
    tables["claims"] = pd.concat([tables["claims"], _frame(schema.CLAIMS, claims)])
    text = "\n".join(render_parts(build_brief_context(tables)).values())
    labels = brief.label_sources(tables["sources"])
    assert "“Experts” who point to chip constraints" in text
    assert "“experts” who caution against underestimating China" in text
    assert f"“experts” (in {escape_text(labels['b'])})" in text
    assert "“Panelists”" in text and "“Panelists” (" not in text
    assert not re.search(r"“[Ee]xperts”[,)]", text)


def test_the_caveat_counts_a_retold_number_by_its_independent_report():
    """Text b retells Lin's "under 20%" with another horizon, so its figure is kept out of the
    fact: two quantities. When a and b report one event, both are Lin's one report told by two
    texts (as the weighing counts it), so neither is a single text's; when the texts report
    different events, each stays a single text's. The caveat says what it counts."""
    tables = make_tables()
    figures = tables["figures"].copy()
    retold = figures["figure_id"] == "b/lin-again/1"
    figures.loc[retold, "fact_id"] = None
    figures.loc[retold, "period"] = "within five years"
    tables["figures"] = figures
    claims = tables["claims"].copy()  # Lin's remark on the lead, here a skeptic's as in a
    again = claims["claim_id"] == "b/lin-again"
    where = ["dimension", "direction", "stance"]
    claims.loc[again, where] = ["overall_lead", "us_ahead", "skeptic"]
    tables["claims"] = claims
    events = [{"source_id": s, "event_id": "summit", "n": 1} for s in ("a", "b")]
    one_event = {**tables, "source_events": pd.DataFrame(events)}
    caveats = build_brief_context(one_event)["caveats"]
    assert (caveats["n_single_source"], caveats["n_cited"]) == (4, 6)
    text = "\n".join(render_parts(build_brief_context(one_event)).values())
    assert "Four of the six quantities the camps cite are told by a single text: no other " in text
    assert "reports the same number from the same voice at the same event" in text
    two_events = [{**e, "event_id": f"{e['source_id']}-event"} for e in events]
    caveats = build_brief_context({**tables, "source_events": pd.DataFrame(two_events)})["caveats"]
    assert (caveats["n_single_source"], caveats["n_cited"]) == (6, 6)


def test_the_caveat_counts_a_horizon_told_as_another_texts_period():
    """Text a gives Lin's horizon as a figure ("three to five years", its own period); text b
    gives his odds over the same period but not the span as a figure (as a question the outlet
    asked, say). At one event b tells the horizon too, so it is not a single text's; over
    another period, or at another event, it stays a's alone."""

    def caveats(b_period: str, event_b: str) -> dict:
        tables = make_tables()
        figures = tables["figures"].copy()
        horizon = figures["figure_id"] == "a/lin-odds/2"
        figures.loc[horizon, ["period", "period_precision"]] = ["next three to five years", "range"]
        retold = figures["figure_id"] == "b/lin-again/1"
        figures.loc[retold, ["period", "period_precision"]] = [b_period, "range"]
        claims = tables["claims"].copy()
        again = claims["claim_id"] == "b/lin-again"
        claims.loc[again, ["dimension", "direction", "stance"]] = [
            "overall_lead",
            "us_ahead",
            "skeptic",
        ]
        events = [{"source_id": "a", "event_id": "summit", "n": 1}]
        events.append({"source_id": "b", "event_id": event_b, "n": 1})
        tables = {**tables, "figures": figures, "claims": claims}
        return build_brief_context({**tables, "source_events": pd.DataFrame(events)})["caveats"]

    told = caveats("Next three to five years", "summit")
    assert (told["n_single_source"], told["n_cited"]) == (3, 5)
    assert caveats("within five years", "summit")["n_single_source"] == 4
    assert caveats("next three to five years", "another")["n_single_source"] == 4


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.sampled_from(["policy", "efficiency", "compute", "talent", None])),
    dtype=st.sampled_from(["string", "object"]),
)
def test_the_most_frequent_value_is_the_first_that_value_counts_ranks(values, dtype):
    """The source-quality context counts each source's dimensions in one pass; the value it
    names, and its count, are those ``value_counts`` ranks first (ties included)."""
    from gapstudy.narrative import _most_frequent

    top = pd.Series(values, dtype=dtype).value_counts()
    expected = (top.index[0], int(top.iloc[0])) if len(top) else (None, 0)
    assert _most_frequent(values, dtype) == expected


@pytest.mark.parametrize(
    "spread_pct, tolerance_pct, within",
    [(0.36, 1.0, 1.0), (0.0, 1.0, None), (None, 1.0, None), (0.5, None, None)],
)
def test_numbers_that_differ_within_the_tolerance_say_how_far_they_agree(
    spread_pct, tolerance_pct, within
):
    rows = pd.DataFrame({"spread_pct": [spread_pct] * 2, "tolerance_pct": [tolerance_pct] * 2})
    assert narrative._within_pct(rows) == within
    assert narrative._within_pct(rows.drop(columns="spread_pct")) is None


def test_the_brief_says_differing_numbers_agree_within_their_tolerance(project_tables):
    """$560 million against $558 million agree within the fact's 1%, not exactly; the 0.4% is
    of the smaller figure ($2 million of $558 million), and only the Hong Kong text gives the
    month of the listing (AI CERTs gives none)."""
    text = write_narrative(project_tables)
    fv = project_tables["fact_values"]
    differing = fv[(fv["spread_pct"].fillna(0) > 0) & fv["is_agreeing"].fillna(False)]
    assert len(differing)
    assert (
        "The two texts agree on the number: they differ by 0.4% of the smaller figure, within"
        " this fact's 1% tolerance, which the study reads as rounding, but only one of them"
        " states its period." in text
    )
    assert "twice in two texts" not in text


@pytest.mark.parametrize(
    ("n", "n_texts", "words"),
    [
        (1, 1, "in one text"),
        (2, 2, "in two texts"),  # not "twice in two texts": each text tells it once
        (2, 1, "twice in one text"),
        (4, 3, "four times in three texts"),
    ],
)
def test_a_count_of_tellings_is_said_only_where_it_is_not_the_count_of_texts(n, n_texts, words):
    assert narrative.told_in_words(n, n_texts) == words


def _agreeing_lin_odds(b_value: float, b_period: str | None) -> dict[str, pd.DataFrame]:
    """:func:`make_tables` with Lin's odds as exact numbers, 20% in text a (over the next three
    to five years) and ``b_value`` in text b (over ``b_period``), one fact with a 1%
    tolerance."""
    from gapstudy.facts import reconcile_facts

    tables = make_tables()
    figures = tables["figures"].copy()
    for fid, value in (("a/lin-odds/1", 20.0), ("b/lin-again/1", b_value)):
        at = figures["figure_id"] == fid
        figures.loc[at, ["value", "high", "bound", "qualifier"]] = [value, None, "exact", None]
    figures.loc[figures["figure_id"] == "b/lin-again/1", "period"] = b_period
    spec = {"fact_id": "lin-odds", "description": "Lin's odds", "unit": "percent",
            "tolerance_pct": 1.0}  # fmt: skip
    fact_values = reconcile_facts(figures, tables["claims"], [spec])
    return {**tables, "figures": figures, "fact_values": fact_values}


@pytest.mark.parametrize(
    ("b_value", "b_period", "sentence"),
    [
        # 20 against 19.9: 0.1 of 19.9 is 0.5%; b gives no period
        (19.9, None, "The two texts agree on the number: they differ by 0.5% of the smaller"
         " figure, within this fact's 1% tolerance, which the study reads as rounding, but only"
         " one of them states its period."),
        # the same period in both: nothing more to say
        (19.9, "next three to five years", "The two texts agree on the number: they differ by"
         " 0.5% of the smaller figure, within this fact's 1% tolerance, which the study reads as"
         " rounding."),
        (19.9, "within five years", "The two texts agree on the number: they differ by 0.5% of"
         " the smaller figure, within this fact's 1% tolerance, which the study reads as"
         " rounding, but state its period"
         " differently."),
        (20.0, None, "The two texts agree on the number but only one of them states its period."),
        (20.0, "within five years", "The two texts agree on the number but state its period"
         " differently."),
        # 20 against 19.5: 2.6%, beyond the tolerance
        (19.5, None, "The two texts do not agree on the number, and only one of them states its"
         " period."),
    ],
)  # fmt: skip
def test_the_agreement_of_two_texts_says_what_the_gap_is_of_and_which_give_a_period(
    b_value, b_period, sentence
):
    text = "\n".join(
        render_parts(build_brief_context(_agreeing_lin_odds(b_value, b_period))).values()
    )
    assert sentence in text
    assert "twice in two texts" not in text


# ---- the stored robustness table stands for weighing every text again --------------------


def _without_stored_robustness(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: frame for name, frame in tables.items() if name != "robustness"}


@pytest.mark.parametrize("parameters", RUNS)
def test_the_brief_is_the_same_with_the_stored_robustness_table_or_weighing_again(
    project_tables, parameters
):
    assert "robustness" in project_tables
    weighed_again = write_brief(_without_stored_robustness(project_tables), **parameters)
    assert write_brief(project_tables, **parameters) == weighed_again


@pytest.mark.parametrize(
    ("parameters", "weighs_again"),
    [
        ({}, False),
        ({"include_comments": True}, False),  # the comments are never weighed
        ({"as_of": "2026-01-31"}, True),  # some texts left out: the table is not theirs
        ({"sources": ["hk-agi-next-2026", "aicerts-widening-2026"]}, True),
    ],
)  # fmt: skip
def test_only_a_brief_of_every_text_takes_the_stored_robustness_table(
    project_tables, monkeypatch, parameters, weighs_again
):
    calls = []
    weigh = weighing.robustness

    def counted(*args, **kwargs):
        calls.append(1)
        return weigh(*args, **kwargs)

    monkeypatch.setattr(weighing, "robustness", counted)
    build_brief_context(project_tables, **parameters)
    assert bool(calls) == weighs_again
    calls.clear()
    build_brief_context(project_tables, layers=weighing.load_layers(), **parameters)
    assert calls, "layers given by the caller: the table, written with the file's, is not used"


def _changed_lean(frame: pd.DataFrame) -> pd.DataFrame:
    changed = frame.copy()
    row = len(changed) - 1
    old = changed.loc[row, "lean_all"]
    changed.loc[row, "lean_all"] = next(v for v in changed["lean_all"].unique() if v != old)
    return changed


@pytest.mark.parametrize(
    ("change", "is_taken"),
    [
        (lambda f: f, True),
        (_changed_lean, False),  # written from other layers or texts
        (lambda f: f.iloc[:-1], False),  # a row short
        (lambda f: f.drop(columns=["is_changed"]), False),  # not the declared columns
        (lambda f: f.iloc[:0], False),  # empty, while leans were weighed
        (lambda f: f.iloc[::-1].reset_index(drop=True), False),  # rows in another order
        (lambda f: f.assign(left_out="someone-else"), False),  # left out other texts
        (lambda f: None, False),  # no table
    ],
)  # fmt: skip
def test_the_stored_robustness_table_is_taken_only_when_its_leans_are_those_weighed(
    project_tables, change, is_taken
):
    t = filter_tables(project_tables)
    layers = weighing.load_layers()
    evidence = weighing.independent_reports(t)
    weighed = weighing.leans(evidence, layers)
    stored = project_tables["robustness"]
    assert len(stored["lean_all"].unique()) > 1
    taken = narrative._stored_robustness(change(stored), weighed, t)
    if not is_taken:
        assert taken is None
        return
    # As weighing makes it: the same rows, columns and dtypes.
    assert_frame_equal(taken, weighing.robustness(t, layers, evidence))


@pytest.mark.parametrize("parameters", RUNS)
def test_the_texts_telling_each_quantity_are_counted_as_their_union(project_tables, parameters):
    """Each quantity's count is the size of the union of the texts telling its number, those
    telling its span and its own texts (the definition, counted here the slow way)."""
    t = filter_tables(project_tables, **parameters)
    evidence = weighing.independent_reports(t)
    reports = brief.group_reports(t["figures"], t["sources"])
    told = narrative._texts_telling(evidence, t["figures"], reports)
    report_of = {c: n for n, ids in enumerate(evidence["claim_ids"]) for c in ids}
    telling: dict[tuple, set] = {}
    key_of: dict[str, list[tuple]] = {}
    for f in t["figures"].itertuples(index=False):
        if f.claim_id not in report_of:
            continue
        report = report_of[f.claim_id]
        over = " ".join(str(f.period).split()).casefold() if isinstance(f.period, str) else ""
        keys = []
        if over:
            telling.setdefault((report, over), set()).add(f.source_id)
            if f.unit in narrative._SPAN_UNITS and " ".join(str(f.text).split()).casefold() in over:
                keys.append((report, over))
        number = next((v for v in (f.high, f.value, f.low) if not pd.isna(v)), None)
        if number is not None:
            key = (report, f.unit, f.bound, float(number))
            telling.setdefault(key, set()).add(f.source_id)
            keys.append(key)
        key_of[f.figure_id] = keys
    expected = [
        len(set(ids).union(*(telling[k] for k in key_of.get(first, []))))
        for first, ids in zip(reports["figure_id"], reports["source_ids"], strict=True)
    ]
    assert told == expected
    assert max(told) > 1
