"""The rendered report in a real browser: headless Chromium from Debian, driven by Playwright.

Every page is opened from ``file://`` with every request that would leave the machine blocked
and counted. A page must log no console error, raise no dialog (article text such as
``<script>alert(1)</script>`` must stay text), load every image, and link only to files and
anchors that exist. Without ``/usr/bin/chromium`` these tests skip, except under CI (``$CI``
set), where they fail: CI installs it with ``.ci/install-browser.sh``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from gapstudy.paths import project_paths
from gapstudy.render import render_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIXTURE = Path(__file__).parent / "fixtures" / "render" / "project"
LOCAL_SCHEMES = ("file:", "data:", "about:")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@dataclass
class SiteCheck:
    """What went wrong across the pages of one report folder."""

    pages: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def problems(self) -> dict[str, list[str]]:
        return {
            "blocked_requests": self.blocked_requests,
            "console_errors": self.console_errors,
            "dialogs": self.dialogs,
            "broken_images": self.broken_images,
            "broken_links": self.broken_links,
            "too_wide": self.too_wide,
        }


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; run .ci/install-browser.sh")
        pytest.skip(f"{CHROMIUM} is not installed (run .ci/install-browser.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def check_site(browser, html_dir: Path) -> SiteCheck:
    """Open every page of ``html_dir`` from disk, on a phone-sized screen, and record
    everything that went wrong."""
    result = SiteCheck()
    ids: dict[Path, set[str]] = {}
    links: list[tuple[str, str]] = []
    context = browser.new_context(viewport=PHONE)

    def route(route_, request) -> None:
        if request.url.startswith(LOCAL_SCHEMES):
            route_.continue_()
        else:
            result.blocked_requests.append(request.url)
            route_.abort()

    context.route("**/*", route)
    for path in sorted(html_dir.rglob("*.html")):
        name = path.relative_to(html_dir).as_posix()
        result.pages.append(name)
        page = context.new_page()
        page.on("console", lambda m, n=name: m.type == "error" and result.console_errors.append(
            f"{n}: {m.text}"))  # fmt: skip
        page.on("pageerror", lambda e, n=name: result.console_errors.append(f"{n}: {e}"))

        def on_dialog(dialog, n=name) -> None:
            result.dialogs.append(f"{n}: {dialog.type} {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.resolve().as_uri(), wait_until="load")
        images = page.evaluate(
            """() => Promise.all(Array.from(document.images).map(async (img) => {
                img.scrollIntoView();
                try { await img.decode(); } catch (e) {}
                return [img.getAttribute('src').slice(0, 80), img.naturalWidth];
            }))"""
        )
        result.broken_images += [f"{name}: {src}" for src, width in images if width <= 0]
        ids[path.resolve()] = set(
            page.evaluate("() => Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
        )
        links += [
            (name, href)
            for href in page.evaluate(
                "() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
            )
        ]
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            result.too_wide.append(f"{name}: {width} px")
        result.texts[name] = page.inner_text("body")
        page.close()
    context.close()

    for name, href in links:
        parts = urlsplit(href)
        if parts.scheme != "file":
            continue  # a link to the web is not a request; the page does not load it
        target = Path(unquote(parts.path)).resolve()
        if not target.is_file():
            result.broken_links.append(f"{name}: {href}")
        elif parts.fragment and target.suffix == ".html":
            known = ids.get(target)
            if known is None:
                known = _ids_in_file(target)
            if parts.fragment not in known and unquote(parts.fragment) not in known:
                result.broken_links.append(f"{name}: {href}")
    return result


def _ids_in_file(path: Path) -> set[str]:
    from html.parser import HTMLParser

    found: set[str] = set()

    class _Ids(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.update(v for k, v in attrs if k == "id" and v)

    _Ids().feed(path.read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def fixture_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser") / "project"
    shutil.copytree(FIXTURE, root)
    paths = project_paths(root)
    render_report(paths)
    return paths.html


def test_fixture_report_in_a_browser(browser, fixture_report: Path):
    result = check_site(browser, fixture_report)
    assert result.pages == [
        "index.html",
        "provenance.html",
        "timeline.full.html",
        "timeline.html",
        "viewpoints.full.html",
        "viewpoints.html",
    ]
    assert result.problems == {k: [] for k in result.problems}
    # The article text with markup is on the page, as text, and raised no dialog.
    for page in ("index.html", "viewpoints.html"):
        assert "<script>alert(1)</script>" in result.texts[page]
        assert "<img src=x onerror=alert(1)>" in result.texts[page]


def test_committed_report_in_a_browser(browser):
    html_dir = project_paths().html
    if not (html_dir / "index.html").is_file():
        pytest.skip(f"{html_dir} has not been rendered yet (gapstudy build)")
    result = check_site(browser, html_dir)
    assert "index.html" in result.pages
    assert result.problems == {k: [] for k in result.problems}


def test_check_site_catches_what_it_should(browser, tmp_path: Path):
    """The checks above can fail: a page that breaks every rule is caught on every count."""
    (tmp_path / "bad.html").write_text(
        "<!DOCTYPE html><html><head><title>bad</title></head><body>"
        '<div style="width: 800px">wide</div>'
        '<img src="https://example.invalid/x.png" alt="remote">'
        '<img src="missing.png" alt="missing">'
        '<a href="nowhere.html">gone</a> <a href="#no-such-anchor">anchor</a>'
        "<script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    result = check_site(browser, tmp_path)
    assert result.blocked_requests == ["https://example.invalid/x.png"]
    assert result.dialogs == ["bad.html: alert 1"]
    assert len(result.broken_images) == 2
    assert [link.rsplit("/", 1)[-1] for link in result.broken_links] == [
        "nowhere.html",
        "bad.html#no-such-anchor",
    ]
    assert result.too_wide == ["bad.html: 808 px"]  # 800 px plus the default body margin
    assert result.console_errors  # the failed image loads are logged as errors


_LANDING = """() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = document.getElementById(id);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    // The claim's words without the tooltips of numbers marked inside it.
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.gs-tip').forEach(tip => tip.remove());
    return {id: id, cls: el.className, text: copy.textContent,
            visible: box.bottom > 0 && box.top < window.innerHeight && box.width > 0};
}"""


# A claim's anchor (an out-of-date claim quoted whole) sits just before the claim's highlight.
_CLAIM_LANDING = """() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const anchor = document.getElementById(id);
    if (!anchor) return null;
    let el = anchor.nextElementSibling;
    while (el && el.classList.contains('gs-claim-anchor')) el = el.nextElementSibling;
    if (!el) return null;
    const box = el.getBoundingClientRect();
    // The claim's words without the tooltips of numbers marked inside it.
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.gs-tip').forEach(tip => tip.remove());
    return {id: id, cls: el.className, text: copy.textContent,
            visible: box.bottom > 0 && box.top < window.innerHeight && box.width > 0};
}"""


def _claim_landing_ok(landed: dict, quotes: dict[str, str]) -> bool:
    """The highlight after a claim's anchor begins the claim's quote (a highlight is cut where
    claims overlap, so it may hold only the quote's first words)."""

    def flat(text: str) -> str:
        return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())

    quote, text = flat(quotes[landed["id"][2:]]), flat(landed["text"])
    return "gs-claim" in landed["cls"] and bool(text) and quote.startswith(text[:40])


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_narrative_links_land_on_their_words(browser, viewport):
    """Every number the headline narrative links lands, in the source reader, on a highlighted
    element whose text is exactly the figure's words, scrolled into view; a claim quoted whole
    (an out-of-date claim) lands on the highlight of its words."""
    import pandas as pd

    paths = project_paths()
    index = paths.html / "index.html"
    if not index.is_file():
        pytest.skip(f"{paths.html} has not been rendered yet (gapstudy build)")
    figures = pd.read_csv(paths.table_file("figures"), dtype=str, keep_default_na=False)
    words = dict(zip(figures["figure_id"], figures["text"], strict=True))
    claims = pd.read_csv(paths.table_file("claims"), dtype=str, keep_default_na=False)
    quotes = dict(zip(claims["claim_id"], claims["quote"], strict=True))
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(index.resolve().as_uri())
    hrefs = page.evaluate(
        "() => Array.from(document.querySelectorAll("
        "'#takeaways a[href*=\\'sources/\\'], #narrative a[href*=\\'sources/\\']'))"
        ".map(a => a.href)"
    )
    assert hrefs, "the narrative links no number to the source reader"
    # A link without a fragment names a text as a whole (the text a lean rests on): its page
    # must exist; the others land on their words.
    for href in sorted({h for h in hrefs if "#" not in h}):
        assert Path(href.removeprefix("file://")).is_file(), href
    landings = []
    for href in sorted({h for h in hrefs if "#" in h}):
        page.goto(href)
        is_claim = "#c-" in href
        landings.append((href, is_claim, page.evaluate(_CLAIM_LANDING if is_claim else _LANDING)))
    context.close()
    for href, is_claim, landed in landings:
        assert landed is not None, f"{href}: no element with that id"
        if is_claim:
            assert _claim_landing_ok(landed, quotes), href
            assert landed["visible"], href
            continue
        assert "gs-fig" in landed["cls"], href
        assert landed["text"] == words[landed["id"]], href
        assert landed["visible"], href


# --- figures, phones, the reader's tooltips and landings ---------------------------------------

# matplotlib's smallest font (style.MIN_FONT_PT) in CSS px when a figure is shown at its own size.
SMALLEST_FIGURE_TEXT_PX = 8.0 * 100 / 72
MIN_TEXT_PX = 9.0


def _committed_index() -> Path:
    index = project_paths().html / "index.html"
    if not index.is_file():
        pytest.skip(f"{index.parent} has not been rendered yet (gapstudy build)")
    return index


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_page_scrolls_sideways(browser, viewport):
    html_dir = _committed_index().parent
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    too_wide = []
    for path in sorted(html_dir.rglob("*.html")):
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > viewport["width"]:
            too_wide.append(f"{path.name}: {width} px")
    context.close()
    assert too_wide == []


_FIGURES = """() => Array.from(document.querySelectorAll('li.gs-figure')).map(li => {
    const img = li.querySelector('img');
    const data = li.querySelector('a.gs-figure-data');
    const box = img ? img.getBoundingClientRect() : null;
    return {id: li.id, data: data ? data.getAttribute('href') : null,
            src: img ? img.getAttribute('src') : null,
            current: img ? img.currentSrc : null,
            open: li.querySelector('a.gs-figure-open').getAttribute('href'),
            right: box ? box.right : 0,
            shown: box ? box.width : 0, natural: img ? img.naturalWidth : 0};
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_gallery_figure_has_its_data_and_anchor(browser, viewport):
    """Every figure in the gallery (the folded ones too) has a stable anchor and a link to the
    CSV of the data it draws, and that CSV is the one the build wrote beside the figure."""
    index = _committed_index()
    paths = project_paths()
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(index.resolve().as_uri(), wait_until="load")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    page.evaluate(
        "() => Promise.all(Array.from(document.images).map(i => i.decode().catch(() => null)))"
    )
    figures = page.evaluate(_FIGURES)
    context.close()
    metas = sorted(paths.figures.glob("*/*.meta.json"))
    assert len(figures) == len(metas)
    seen = []
    for fig in figures:
        assert fig["id"].startswith("fig-"), fig
        assert fig["data"], f"{fig['id']}: no link to its data"
        linked = index.parent / fig["data"]
        run, name = linked.parent.name, linked.name
        assert linked.read_bytes() == (paths.figures / run / name).read_bytes(), fig["id"]
        png = (paths.figures / run / name).with_suffix(".png")
        assert fig["src"].endswith(f"{run}/{png.name}"), fig
        # A tap opens the full figure, on any screen.
        assert fig["open"].endswith(f"{run}/{png.with_suffix('.svg').name}"), fig
        if viewport is PHONE:
            # The phone gets the figure drawn for it, whole on the screen without a swipe...
            narrow = png.with_suffix(".narrow.png").name
            assert fig["current"].endswith(f"{run}/{narrow}"), fig
            assert fig["right"] <= viewport["width"], fig
            # ...and its smallest text, as rendered (naturalWidth is in CSS px: the 2x
            # descriptor halves the pixels), is at least 9 CSS px.
            text_px = SMALLEST_FIGURE_TEXT_PX * fig["shown"] / fig["natural"]
            assert text_px >= MIN_TEXT_PX, f"{fig['id']}: text {text_px:.1f} px at 360 px"
            seen.append(round(text_px, 1))
        else:
            assert fig["current"].endswith(f"{run}/{png.name}"), fig
    if viewport is PHONE:
        print(f"smallest figure text at 360 px: {min(seen)}-{max(seen)} CSS px")


_TIPS = """async () => {
    const out = [];
    for (const mark of document.querySelectorAll('.gs-fig, .gs-excluded')) {
        mark.scrollIntoView({block: 'center'});
        mark.focus();
        const tip = document.getElementById(mark.getAttribute('aria-describedby'));
        const t = tip.getBoundingClientRect();
        const m = mark.getBoundingClientRect();
        out.push({id: mark.id, text: tip.textContent, left: t.left, right: t.right,
                  top: t.top, bottom: t.bottom, markBottom: m.bottom,
                  w: window.innerWidth, h: window.innerHeight});
        mark.blur();
    }
    return out;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_reader_tooltips_stay_in_view_by_their_mark(browser, viewport):
    html_dir = _committed_index().parent
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    tips = []
    for path in sorted((html_dir / "sources").glob("*.html")):
        page.goto(path.resolve().as_uri(), wait_until="load")
        tips += page.evaluate(_TIPS)
    context.close()
    assert tips
    for tip in tips:
        assert tip["left"] >= 0 and tip["right"] <= tip["w"], tip
        assert tip["top"] >= 0 and tip["bottom"] <= tip["h"], tip
        # Right under the mark's line, not somewhere else on the page.
        assert 0 <= tip["top"] - tip["markBottom"] <= 24, tip
        # Plain words: no field names of the tables.
        assert "unit " not in tip["text"] and "bound " not in tip["text"], tip


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_linked_mark_lands_with_its_line_in_view(browser, viewport):
    """A link to a mark lands with the mark's whole line on screen and room above it for the
    start of its sentence (not flush against the top edge)."""
    index = _committed_index()
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(index.resolve().as_uri())
    hrefs = page.evaluate(
        "() => Array.from(document.querySelectorAll('a[href*=\\'sources/\\'][href*=\\'#\\']'))"
        ".map(a => a.href)"
    )
    assert hrefs
    landings = []
    for href in sorted(set(hrefs)):
        page.goto(href)
        landings.append(
            (
                href,
                page.evaluate(
                    """() => {
                const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
                const b = el.getBoundingClientRect();
                return {top: b.top, bottom: b.bottom, h: window.innerHeight};
            }"""
                ),
            )
        )
    context.close()
    for href, box in landings:
        assert box["top"] >= 48 and box["bottom"] <= box["h"], (href, box)


def test_no_na_and_no_broken_words_in_the_report(browser):
    html_dir = _committed_index().parent
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    found, cut = [], []
    for path in sorted(html_dir.rglob("*.html")):
        page.goto(path.resolve().as_uri(), wait_until="load")
        if "<NA>" in page.inner_text("body"):
            found.append(path.name)
        # A table cell never breaks inside a word: every word fits on one line of its cell.
        cut += page.evaluate(
            """() => Array.from(document.querySelectorAll('td')).filter(td => {
                const style = getComputedStyle(td);
                return style.overflowWrap === 'anywhere' || style.wordBreak === 'break-all';
            }).map(td => td.textContent.slice(0, 30))"""
        )
    context.close()
    assert found == []
    assert cut == []
