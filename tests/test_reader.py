"""The source reader: spans marked on the raw text, each figure's element holding exactly its
words, and the committed source pages agreeing with the tables."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from gapstudy import reader
from gapstudy.exceptions import RenderError
from gapstudy.reader import Span


class _Elements(HTMLParser):
    """Text of every element with an id, and the whole text with tags and tooltips removed."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str | None, bool]] = []
        self.texts: dict[str, str] = {}
        self.classes: dict[str, str] = {}
        self.plain: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        is_tip = "gs-tip" in (attrs.get("class") or "")
        self.open.append((attrs.get("id"), is_tip))
        if attrs.get("id"):
            self.texts.setdefault(attrs["id"], "")
            self.classes[attrs["id"]] = attrs.get("class") or ""

    def handle_endtag(self, tag):
        self.open.pop()

    def handle_data(self, data):
        if any(is_tip for _, is_tip in self.open):
            return
        self.plain.append(data)
        for element_id, _ in self.open:
            if element_id:
                self.texts[element_id] += data


def parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


TEXT = "Odds: below 20 percent.\nA <b>second</b> line: 5 & 6 chips in 2026.\n"


def spans() -> list[Span]:
    return [
        Span(0, 23, "claim", "s/odds", "skeptic", "claim s/odds"),
        Span(6, 22, "figure", "s/odds/1", "skeptic", "percent; high 20"),
        Span(24, 66, "claim", "s/chips", "optimist", "claim s/chips"),
        Span(46, 47, "figure", "s/chips/1", "optimist", "count 5"),
        Span(61, 65, "excluded", "s/m003", None, "not a figure: a date"),
    ]


def test_mark_up_text_keeps_the_text_and_wraps_each_figure_exactly():
    html = reader.mark_up_text("s", TEXT, spans())
    found = parse(str(html))
    assert "".join(found.plain) == TEXT
    assert found.texts["s/odds/1"] == "below 20 percent"
    assert found.texts["s/chips/1"] == "5"
    assert found.texts["s/m003"] == "2026"
    assert "gs-fig gs-skeptic" in found.classes["s/odds/1"]
    assert "gs-excluded" in found.classes["s/m003"]
    assert {"L1", "L2", "c-s/odds", "c-s/chips"} <= set(found.texts)


def test_mark_up_text_escapes_article_markup():
    html = str(reader.mark_up_text("s", TEXT, spans()))
    assert "<b>" not in html
    assert "&lt;b&gt;second&lt;/b&gt;" in html
    assert "&amp; 6 chips" in html


def test_overlapping_claims_are_split_not_dropped():
    text = "one two three four"
    both = [
        Span(0, 13, "claim", "s/a", "optimist", "a"),
        Span(4, 18, "claim", "s/b", "skeptic", "b"),
        Span(8, 13, "figure", "s/b/1", "skeptic", "three"),
    ]
    found = parse(str(reader.mark_up_text("s", text, both)))
    assert "".join(found.plain) == text
    assert found.texts["s/b/1"] == "three"
    assert {"c-s/a", "c-s/b"} <= set(found.texts)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (Span(5, 9, "figure", "s/x/2", "skeptic", ""), "overlap"),
        (Span(20, 30, "claim", "s/y", "skeptic", ""), "inside"),
        (Span(0, 999, "claim", "s/z", "skeptic", ""), "outside the text"),
    ],
)
def test_spans_that_cannot_be_drawn_are_refused(bad: Span, message: str):
    text = "x" * 40
    good = [Span(4, 8, "figure", "s/x/1", "skeptic", ""), Span(18, 25, "figure", "s/y/1", "", "")]
    with pytest.raises(RenderError, match=message):
        reader.mark_up_text("s", text, [*good, bad])


def test_describe_reading_says_in_plain_words_what_who_when_and_how_much():
    figure = {
        "kind": "percent",
        "value": None,
        "low": None,
        "high": 20.0,
        "unit": "percent",
        "bound": "upper",
        "qualifier": "below",
        "voice_id": "s/lin",
        "stance": "skeptic",
        "entity": "China",
        "metric": "chance of overtaking OpenAI",
        "period": "within five years",
        "cites": None,
    }
    assert reader.describe_reading(figure, "Justin Lin") == (
        "China: chance of overtaking OpenAI, within five years: at most 20% — Justin Lin (skeptic)"
    )
    share = {
        **figure,
        "metric": "Chinese open models' share of OpenRouter usage",
        "period": None,
        "bound": "approximate",
        "value": 30.0,
        "cites": "openrouter-study",
    }
    assert reader.describe_reading(share, None) == (
        "China: Chinese open models' share of OpenRouter usage, no period given: about 30% — "
        "a voice not named (skeptic), citing openrouter-study"
    )
    assert reader.describe_reading(share, None, "OpenRouter").endswith(", citing OpenRouter")


def test_source_pages_name_the_voice_a_figure_cites(repo_paths):
    """A figure's reading names whom it cites as the voices table does, never by its key."""
    from gapstudy.tables import load

    tables = {name: load(name, repo_paths) for name in reader.READER_TABLES}
    names = reader.voice_names_of(tables["voices"])
    cited = tables["figures"].dropna(subset=["cites"])
    assert not cited.empty, "the corpus has no figure that cites a voice: test another way"
    for row in tables["sources"].itertuples(index=False):
        if row.source_id not in set(cited["source_id"]):
            continue
        text = repo_paths.raw_file(row.file).read_bytes().decode("utf-8")
        readings = {
            f["figure_id"]: f["reading"]
            for f in reader.source_page_context(row.source_id, text, tables)["figures"]
        }
        for f in cited[cited["source_id"] == row.source_id].itertuples(index=False):
            name = names[f"{f.source_id}/{f.cites}"]
            assert readings[f.figure_id].endswith(f", citing {name}"), f.figure_id


def test_link_known_ids_links_whole_cells_only():
    links = {"s/odds/1": "sources/s.html#s/odds/1"}
    html = "<td>s/odds/1</td><td>s/odds/10</td><td>see s/odds/1</td>"
    assert reader.link_known_ids(html, links) == (
        '<td><a href="sources/s.html#s/odds/1">s/odds/1</a></td>'
        "<td>s/odds/10</td><td>see s/odds/1</td>"
    )


def test_source_page_href_keeps_slashes_of_ids():
    assert reader.source_page_href("hk", "hk/lin-odds/1") == "sources/hk.html#hk/lin-odds/1"


def test_committed_source_pages_show_every_figure_as_its_words(repo_paths):
    """Each figure of the tables has one element on its source page whose text is exactly the
    figure's words, and each page carries its raw text whole."""
    pages = repo_paths.html / reader.SOURCES_DIR
    if not pages.is_dir():
        pytest.skip("the report has not been rendered yet (gapstudy build)")
    figures = pd.read_csv(repo_paths.table_file("figures"), dtype=str, keep_default_na=False)
    sources = pd.read_csv(repo_paths.table_file("sources"), dtype=str, keep_default_na=False)
    assert sorted(p.stem for p in pages.glob("*.html")) == sorted(sources["source_id"])
    for row in sources.itertuples(index=False):
        found = parse((pages / f"{row.source_id}.html").read_text(encoding="utf-8"))
        raw = repo_paths.raw_file(row.file).read_text(encoding="utf-8")
        assert raw in "".join(found.plain)
        for fig in figures.loc[figures["source_id"] == row.source_id].itertuples(index=False):
            assert found.texts.get(fig.figure_id) == fig.text, fig.figure_id
            assert "gs-fig" in found.classes[fig.figure_id]


def test_split_rows_gives_each_source_its_rows_in_order():
    """The tables read once per render: each source gets exactly its rows, as records, in table
    order; a source with no rows in a table gets none; a row of an unknown source is no page's."""
    tables = {
        "sources": pd.DataFrame({"source_id": ["a", "b", "c"], "title": ["A", "B", "C"]}),
        "voices": pd.DataFrame({"voice_id": ["a/x", "b/y"], "name": ["X", "Y"]}),
        "claims": pd.DataFrame(
            {"source_id": ["b", "a", "b", "z"], "claim_id": ["b/1", "a/1", "b/2", "z/1"]}
        ),
        "figures": pd.DataFrame({"source_id": ["a", "a"], "figure_id": ["a/1/1", "a/1/2"]}),
        "mentions": pd.DataFrame({"source_id": ["c"], "mention_id": ["c/m1"]}),
    }
    split = reader.split_rows(tables)
    assert list(split) == ["a", "b", "c"]
    assert split["a"].meta == {"source_id": "a", "title": "A"}
    assert [r["claim_id"] for r in split["b"].claims] == ["b/1", "b/2"]
    assert [r["figure_id"] for r in split["a"].figures] == ["a/1/1", "a/1/2"]
    assert split["b"].figures == [] and split["c"].claims == []
    assert split["c"].mentions == [{"source_id": "c", "mention_id": "c/m1"}]
    for source_id, mine in split.items():
        assert mine == reader.rows_of(source_id, tables)


def test_rows_of_an_unknown_source_is_refused():
    tables = {name: pd.DataFrame({"source_id": ["a"]}) for name in reader.READER_TABLES}
    with pytest.raises(RenderError, match="source 'b' is not in the sources table"):
        reader.rows_of("b", tables)


def test_source_pages_from_split_rows_match_pages_from_whole_tables(repo_paths):
    """Every source page's context is the same whether drawn from the whole tables (each
    scanned for the source) or from the rows :func:`reader.split_rows` gives that source."""
    from gapstudy.tables import load

    tables = {name: load(name, repo_paths) for name in reader.READER_TABLES}
    split = reader.split_rows(tables)
    names = reader.voice_names_of(tables["voices"])
    for row in tables["sources"].itertuples(index=False):
        text = repo_paths.raw_file(row.file).read_bytes().decode("utf-8")
        whole = reader.source_page_context(row.source_id, text, tables)
        mine = reader.page_context(row.source_id, text, split[row.source_id], names)
        assert mine == whole, row.source_id
