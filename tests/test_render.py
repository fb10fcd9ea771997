"""Tests for gapstudy.render: the static HTML report, rendered from the fixture project."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from gapstudy import reader
from gapstudy.narrative import ARGUMENT_WORDS
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.render import (
    FigureEntry,
    RenderError,
    add_alt_text,
    describe_image_output,
    find_narrative,
    read_figures,
    read_provenance,
    render_markdown,
    render_report,
    sanitize_html,
)

FIXTURE = Path(__file__).parent / "fixtures" / "render" / "project"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    shutil.copytree(FIXTURE, tmp_path / "project")
    return project_paths(tmp_path / "project")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    """The fixture project rendered once for every read-only test in this module."""
    root = tmp_path_factory.mktemp("rendered") / "project"
    shutil.copytree(FIXTURE, root)
    paths = project_paths(root)
    render_report(paths)
    return paths


class _Tags(HTMLParser):
    """Collects start tags with their attributes, and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


PAGES = ["index.html", "provenance.html", "viewpoints.html", "viewpoints.full.html",
         "timeline.html", "timeline.full.html"]  # fmt: skip


def test_render_report_writes_every_page_and_copies_data(rendered: ProjectPaths):
    out = rendered.html
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == sorted(
        [
            *PAGES,
            "assets/notebook.css",
            "data/claims.csv",
            "data/datapackage.json",
            "figures/viewpoints/gap_months.png",
            "figures/viewpoints/gap_months.svg",
        ]  # fmt: skip
    )
    assert (out / "data" / "claims.csv").read_bytes() == rendered.table_file("claims").read_bytes()


@pytest.mark.parametrize("page", PAGES)
def test_pages_load_nothing_from_elsewhere_and_run_no_script(rendered: ProjectPaths, page: str):
    parsed = parse(rendered.html / page)
    assert [t for t, _ in parsed.tags if t in ("script", "iframe", "object", "embed")] == []
    # The only link allowed is the shared local stylesheet, and it must be there.
    links = [a for t, a in parsed.tags if t == "link"]
    assert all(a.get("rel") == "stylesheet" for a in links), links
    assert all((rendered.html / a["href"]).is_file() for a in links), links
    for tag, attrs in parsed.tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not re.match(r"^(https?:)?//", value), f"{page}: <{tag} {name}={value}>"
        assert not [a for a in attrs if a.startswith("on")], f"{page}: <{tag} {attrs}>"


@pytest.mark.parametrize("page", PAGES)
def test_pages_are_accessible(rendered: ProjectPaths, page: str):
    parsed = parse(rendered.html / page)
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("name") == "viewport"]
    assert len(metas) == 1
    images = [a for t, a in parsed.tags if t == "img"]
    assert all((a.get("alt") or "").strip() for a in images), images
    assert "img, svg { max-width: 100%" in (rendered.html / page).read_text()


def test_figure_alt_text_comes_from_caption(rendered: ProjectPaths):
    caption = "Estimated lead in months, by country (fixture)."
    for page in ("index.html", "viewpoints.html"):
        alts = [a["alt"] for t, a in parse(rendered.html / page).tags if t == "img"]
        assert alts == [caption], page


@pytest.mark.parametrize("page", ["index.html", "viewpoints.html", "viewpoints.full.html"])
def test_article_markup_shows_as_text(rendered: ProjectPaths, page: str):
    parsed = parse(rendered.html / page)
    text = "".join(parsed.text)
    assert SCRIPT in text
    assert "<img src=x onerror=alert(1)>" in text
    assert [a for t, a in parsed.tags if t == "img" and a.get("src") == "x"] == []


def test_raw_markdown_html_shows_exactly_as_typed(rendered: ProjectPaths):
    text = "".join(parse(rendered.html / "viewpoints.html").text)
    assert f"left unescaped on purpose: {SCRIPT} {IMG}" in text


def test_reader_view_hides_code_and_full_view_shows_it(rendered: ProjectPaths):
    reader = (rendered.html / "viewpoints.html").read_text()
    full = (rendered.html / "viewpoints.full.html").read_text()
    assert "save_figure" not in reader
    assert "save_figure" in full


def test_index_links_figures_runs_provenance_and_tables(rendered: ProjectPaths):
    hrefs = [a["href"] for t, a in parse(rendered.html / "index.html").tags if t == "a"]
    anchor = "fig-viewpoints--gap_months"
    for expected in ["viewpoints.html", f"provenance.html#{anchor}", "data/claims.csv",
                     "data/datapackage.json", "figures/viewpoints/gap_months.svg",
                     "timeline.full.html"]:  # fmt: skip
        assert expected in hrefs
    provenance = parse(rendered.html / "provenance.html")
    assert anchor in [a.get("id") for _, a in provenance.tags]
    text = "".join(provenance.text)
    assert '"min_confidence": 0.5' in text
    assert "package_version" in text


def test_index_shows_table_schema(rendered: ProjectPaths):
    text = "".join(parse(rendered.html / "index.html").text)
    assert "Verbatim statements about the gap" in text
    assert "The claim's words exactly as in the source." in text
    assert "Download claims.csv (1 rows)" in " ".join(text.split())


def test_narrative_comes_from_the_tagged_cell(rendered: ProjectPaths):
    html = (rendered.html / "index.html").read_text()
    assert "say the gap <strong>narrows</strong>" in html


def test_render_is_deterministic_and_removes_stale_files(project: ProjectPaths):
    render_report(project)
    first = {p: p.read_bytes() for p in project.html.rglob("*") if p.is_file()}
    (project.executed / "timeline.ipynb").unlink()
    (project.html / "leftover.html").write_text("old")
    render_report(project)
    second = {p: p.read_bytes() for p in project.html.rglob("*") if p.is_file()}
    gone = {project.html / "timeline.html", project.html / "timeline.full.html"}
    assert set(second) == set(first) - gone
    for path in second:
        if path.name != "index.html":
            assert second[path] == first[path], path


def test_render_report_with_nothing_built_yet(tmp_path: Path):
    paths = project_paths(tmp_path)
    written = render_report(paths)
    assert [p.name for p in written] == ["index.html", "provenance.html"]
    text = " ".join("".join(parse(paths.html / "index.html").text).split())
    assert "No narrative yet" in text
    assert "No figures yet." in text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (SCRIPT, "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<p onclick="alert(1)">x</p>', "<p>x</p>"),
        (
            '<table border="1"><tbody><tr><th>a</th></tr></tbody></table>',
            '<table border="1"><tbody><tr><th>a</th></tr></tbody></table>',
        ),
        # pandas' scoped style block is dropped, not shown as text
        (
            "<div><style scoped>\n.dataframe th { x: y; }\n</style><table></table></div>",
            "<div><table></table></div>",
        ),
        ("<STYLE>a{}</STYLE >b", "b"),
    ],
)
def test_sanitize_html(html: str, expected: str):
    assert str(sanitize_html(html)) == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**b** &lt;i&gt;", "<p><strong>b</strong> &lt;i&gt;</p>\n"),
        (f"x {SCRIPT}", "<p>x &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
        ("<div>block</div>", "<p>&lt;div&gt;block&lt;/div&gt;</p>\n"),
    ],
)
def test_render_markdown_shows_raw_html_as_text(markdown: str, expected: str):
    assert str(render_markdown(markdown)) == expected


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ({"metadata": {"alt": "A"}, "data": {"image/png": ""}}, "A"),
        ({"metadata": {"image/png": {"alt": "B"}}, "data": {}}, "B"),
        ({"metadata": {}, "data": {"text/plain": "<Figure size 400x300 with 1 Axes>"}}, "Figure"),
        ({"metadata": {}, "data": {"text/plain": "A bar chart"}}, "A bar chart"),
    ],
)
def test_describe_image_output(output, expected):
    assert describe_image_output(output) == expected


def test_add_alt_text_matches_saved_figures_in_order():
    png = {"image/png": "iVBO", "text/plain": "<Figure size 1x1>"}
    cell = new_code_cell(
        'save_figure(a, "second", caption=c)\nsave_figure(b, "first", caption=d)',
        outputs=[
            new_output("display_data", data=png),
            new_output("display_data", data=png),
            new_output("display_data", data=png),
        ],  # fmt: skip
    )
    nb = new_notebook(cells=[new_markdown_cell("x"), cell])
    add_alt_text(nb, "run1", {"first": "First caption", "second": "Second caption"})
    alts = [o.metadata["alt"] for o in nb.cells[1].outputs]
    assert alts == ["Second caption", "First caption", "Figure 3 of cell 2 in notebook run run1"]


def test_find_narrative():
    tagged = new_code_cell("", outputs=[new_output("display_data", data={"text/markdown": "*n*"})])
    tagged.metadata["tags"] = ["narrative"]
    other = new_code_cell("", outputs=[new_output("display_data", data={"text/markdown": "no"})])
    md = new_markdown_cell("Written text.", metadata={"tags": ["narrative"]})
    assert find_narrative(new_notebook(cells=[other, tagged, md])) == "*n*\n\nWritten text."
    assert find_narrative(new_notebook(cells=[other])) is None


def test_read_figures_requires_a_caption(project: ProjectPaths):
    meta = project.figures / "viewpoints" / "gap_months.meta.json"
    assert read_figures(project) == [
        FigureEntry(
            "viewpoints",
            "gap_months",
            "Estimated lead in months, by country (fixture).",
            ("gap_months.png", "gap_months.svg"),
        )  # fmt: skip
    ]
    meta.write_text(json.dumps({"name": "gap_months", "caption": "", "files": []}))
    with pytest.raises(RenderError, match=r"gap_months\.meta\.json: figure 'gap_months' has no"):
        read_figures(project)


@pytest.mark.parametrize(
    "content",
    [
        {"figures": {"figures/r/a.png": {"run": "r"}}},
        {"r/a.png": {"run": "r"}},
        {"figures": [{"path": "figures/r/a.png", "run": "r"}]},
        [{"file": "./figures/r/a.png", "run": "r"}],
    ],
)
def test_read_provenance_accepts_several_layouts(tmp_path: Path, content):
    paths = project_paths(tmp_path)
    paths.figures.mkdir()
    paths.provenance_file.write_text(json.dumps(content))
    records = read_provenance(paths)
    assert list(records) == ["r/a.png"]
    assert records["r/a.png"]["run"] == "r"


def test_read_provenance_names_bad_json(tmp_path: Path):
    paths = project_paths(tmp_path)
    paths.figures.mkdir()
    paths.provenance_file.write_text('{\n"a": }')
    with pytest.raises(RenderError, match=r"provenance\.json:2: not valid JSON"):
        read_provenance(paths)


def test_cli_render(project: ProjectPaths):
    from gapstudy.cli import main

    assert main(["--root", str(project.root), "render"]) == 0
    assert (project.html / "index.html").is_file()


def test_fixture_notebook_really_has_the_cases(project: ProjectPaths):
    """Guard against a regenerated fixture losing what the tests above rely on."""
    nb = nbformat.read(project.executed / "viewpoints.ipynb", as_version=4)
    kinds = {k for c in nb.cells for o in c.get("outputs", []) for k in o.get("data", {})}
    assert {"image/png", "text/html", "text/markdown", "text/plain"} <= kinds
    assert any(SCRIPT in c.source and c.cell_type == "markdown" for c in nb.cells)


def test_headline_narrative_prefers_the_default_viewpoints_run(tmp_path):
    from gapstudy.render import _find_narrative

    paths = []
    for stem in ("agreement", "viewpoints-as-of-2026-01-31", "viewpoints"):
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("show()", metadata={"tags": ["narrative"]})
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": stem})]
        nb.cells = [cell]
        path = tmp_path / f"{stem}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    assert _find_narrative(paths) == ("viewpoints", "viewpoints")


def test_committed_pages_show_no_stylesheet_as_text(repo_paths):
    pages = sorted(repo_paths.html.glob("*.html"))
    assert pages, "the report has not been built"
    shown = [p.name for p in pages if "&lt;style" in p.read_text(encoding="utf-8")]
    assert not shown, f"a <style> block is displayed as text in {shown}"


def test_source_pages_are_written_from_the_tables_and_linked_from_the_index(tmp_path: Path):
    """With the tables and raw texts present, every source gets a reader page, the index links
    each one, and a page's navigation leads back up to the index."""
    repo = project_paths()
    root = tmp_path / "project"
    shutil.copytree(repo.raw, root / "data" / "raw")
    shutil.copytree(repo.processed, root / "data" / "processed")
    paths = project_paths(root)
    render_report(paths)
    source_ids = [
        line.split(",", 1)[0]
        for line in (repo.processed / "sources.csv").read_text(encoding="utf-8").splitlines()[1:]
    ]
    hrefs = {a.get("href") for tag, a in parse(paths.html / "index.html").tags if tag == "a"}
    for source_id in source_ids:
        page = paths.html / "sources" / f"{source_id}.html"
        assert page.is_file()
        assert f"sources/{source_id}.html" in hrefs
        nav = {a.get("href") for tag, a in parse(page).tags if tag == "a"}
        assert "../index.html" in nav


def test_source_pages_need_their_raw_texts(tmp_path: Path):
    repo = project_paths()
    root = tmp_path / "project"
    shutil.copytree(repo.processed, root / "data" / "processed")
    with pytest.raises(RenderError, match=r"no raw text data/raw/"):
        render_report(project_paths(root))


def test_reader_view_drops_headings_left_empty_by_hidden_code():
    from gapstudy.render import drop_empty_sections

    nb = new_notebook(
        cells=[
            new_markdown_cell("# Title\n\nSome prose."),
            new_markdown_cell("## Load"),
            new_code_cell("x = 1"),
            new_markdown_cell("## Show"),
            new_code_cell("x", outputs=[new_output("execute_result", data={"text/plain": "1"})]),
            new_markdown_cell("## Notes"),
        ]
    )
    kept = [c.source for c in drop_empty_sections(nb).cells if c.cell_type == "markdown"]
    assert kept == ["# Title\n\nSome prose.", "## Show"]
    assert len(nb.cells) == 6  # the full view keeps them all


def test_ids_in_run_page_tables_link_to_the_source_reader():
    from gapstudy.render import link_table_ids

    html = "<table><tr><td>s/c/1</td><td>other</td></tr></table>"
    nb = new_notebook(
        cells=[new_code_cell("t", outputs=[new_output("execute_result", data={"text/html": html})])]
    )
    link_table_ids(nb, {"s/c/1": "sources/s.html#s/c/1"})
    assert nb.cells[0].outputs[0].data["text/html"] == (
        '<table><tr><td><a href="sources/s.html#s/c/1">s/c/1</a></td><td>other</td></tr></table>'
    )


def test_bare_addresses_in_markdown_stay_text():
    """An address quoted in article or annotation text is not turned into a live link; links
    written as links still are."""
    html = str(render_markdown("see https://example.com/x or [the report](https://b.org)"))
    assert '<a href="https://example.com/x"' not in html
    assert "https://example.com/x" in html
    assert '<a href="https://b.org">the report</a>' in html


def test_the_index_opens_with_the_takeaways_then_the_argument_then_the_folded_detail():
    """The brief's page order, on the committed report: key takeaways (3 to 6 items; each
    after the two headline ones, whose numbers are computed shares and counts, links into the
    source reader), the argument (at most ARGUMENT_WORDS words), the detail folded."""
    index = project_paths().html / "index.html"
    if not index.is_file():
        pytest.skip("the report has not been built")
    page = index.read_text(encoding="utf-8")
    takeaways = page.index('id="takeaways"')
    argument = page.index('id="narrative"')
    details = page.index('<details class="gs-details" id="brief-details">')
    figures = page.index('id="figures"')
    assert takeaways < argument < details < figures
    box = page[takeaways:argument]
    items = re.findall(r"<li>(.*?)</li>", box, re.S)
    assert 3 <= len(items) <= 6
    assert all('href="sources/' in item for item in items[2:])
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", page[page.index(">", argument) + 1 : details]))
    # Words as a reader counts them: punctuation split off by a link's tags is no word.
    assert len([w for w in text.split() if re.search(r"\w", w)]) <= ARGUMENT_WORDS
    assert "Bottom line." in text


def test_the_index_lists_the_newest_sources_and_a_page_lists_them_all(tmp_path, monkeypatch):
    """Past ``reader.INDEX_SOURCES`` texts the index keeps its size: it lists the newest, counts
    the rest and links a page listing every one; every source keeps its own page."""
    repo = project_paths()
    root = tmp_path / "project"
    shutil.copytree(repo.raw, root / "data" / "raw")
    shutil.copytree(repo.processed, root / "data" / "processed")
    paths = project_paths(root)
    monkeypatch.setattr(reader, "INDEX_SOURCES", 2)
    render_report(paths)
    sources = pd.read_csv(repo.processed / "sources.csv")
    index = paths.html / "index.html"
    listed = {
        a["href"] for tag, a in parse(index).tags if tag == "a" and "sources/" in a.get("href", "")
    }
    # The two published last: 2026-05-27 and the report of February 2026.
    assert listed == {"sources/ithome-zheng-2026.html", "sources/hk-agi-next-2026.html"}
    assert f"… and {len(sources) - 2} more" in index.read_text(encoding="utf-8")
    every = {a["href"] for tag, a in parse(paths.html / reader.SOURCE_LIST_PAGE).tags if tag == "a"}
    for source_id in sources["source_id"]:
        assert f"sources/{source_id}.html" in every
        assert (paths.html / "sources" / f"{source_id}.html").is_file()


def test_index_source_pages_keeps_the_newest_in_the_table_order():
    n = reader.INDEX_SOURCES + 5
    published = [f"2025-{1 + k % 12:02d}" if k % 10 else None for k in range(n)]
    sources = pd.DataFrame({"source_id": [f"s{k}" for k in range(n)], "published": published})
    pages = [{"source_id": s, "href": f"sources/{s}.html"} for s in sources["source_id"]]
    listed = reader.index_source_pages(pages, sources)
    assert len(listed) == reader.INDEX_SOURCES
    kept = [p["source_id"] for p in listed]
    assert kept == [s for s in sources["source_id"] if s in kept]  # the table's order
    # Every undated text and the oldest months are left out.
    shown = sources[sources["source_id"].isin(kept)]
    left = sources[~sources["source_id"].isin(kept)]
    assert shown["published"].notna().all()
    assert left["published"].dropna().max() <= shown["published"].min()
    assert reader.index_source_pages(pages[:3], sources.iloc[:3]) == pages[:3]


def _report_files(paths: ProjectPaths) -> dict[str, bytes]:
    return {
        str(p.relative_to(paths.html)): p.read_bytes() for p in paths.html.rglob("*") if p.is_file()
    }


def test_render_on_several_processes_writes_what_one_process_writes(tmp_path: Path):
    repo = project_paths()
    one, many = (project_paths(tmp_path / name) for name in ("one", "many"))
    for paths in (one, many):
        shutil.copytree(FIXTURE, paths.root)
        shutil.rmtree(paths.processed)
        shutil.copytree(repo.processed, paths.processed)  # source pages, several per worker
        shutil.copytree(repo.raw, paths.raw)
    written_one = render_report(one, jobs=1)
    written_many = render_report(many, jobs=3)
    assert len(list((many.html / "sources").glob("*.html"))) >= 3
    assert [p.relative_to(many.root) for p in written_many] == [
        p.relative_to(one.root) for p in written_one
    ]
    assert _report_files(many) == _report_files(one)


def _task(name: str, error: Exception | None = None):
    from gapstudy.render import _Task

    def write(writer) -> None:
        writer.write(Path(name), name)
        if error is not None:
            raise error

    return _Task(name, write)


def test_run_tasks_raises_the_error_of_the_first_failing_task(tmp_path: Path):
    from gapstudy.render import run_tasks

    names = [str(tmp_path / f"{n}.txt") for n in range(6)]
    errors = {2: RenderError("third bad"), 3: RenderError("fourth bad")}
    tasks = [_task(name, errors.get(n)) for n, name in enumerate(names)]
    for jobs in (1, 2, 3):
        with pytest.raises(RenderError, match="third bad"):
            run_tasks(tasks, jobs)
    ok = [_task(n) for n in names]
    assert run_tasks(ok, 2) == [Path(n) for n in names]
    assert [Path(n).read_text() for n in names] == names


def test_a_worker_error_that_cannot_travel_is_told_with_its_task(tmp_path: Path):
    from gapstudy.checkcache import can_fork
    from gapstudy.render import run_tasks

    if not can_fork():
        pytest.skip("the report is written in one process here")

    class LocalError(Exception):  # a class made inside a function cannot be pickled
        pass

    names = [str(tmp_path / f"{n}.txt") for n in range(2)]
    tasks = [_task(names[0]), _task(names[1], LocalError("no pickle"))]
    with pytest.raises(RenderError, match=r"1\.txt: LocalError: no pickle"):
        run_tasks(tasks, 2)
