"""The report for reviewers: executed notebooks, figures, provenance and tables as static HTML.

Everything lands in ``reports/html/`` and opens from ``file://`` with no server and no network:
no page loads a script or a web asset, figures and tables are copied next to the pages, and the
same inputs give the same bytes (the build commits these pages). Text from the articles never
runs as markup: pages made here escape everything, and notebook markdown and HTML outputs go
through an allow-list sanitiser, so a stray ``<script>`` shows as text.
"""

from __future__ import annotations

import copy
import csv
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import nbformat
import nh3
from markupsafe import Markup, escape
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath, import_plugin

from gapstudy import reader
from gapstudy.atomicfile import replace_file
from gapstudy.exceptions import RenderError, TableError
from gapstudy.paths import NARROW_FIGURE_SUFFIX, ProjectPaths
from gapstudy.schema import TABLES

TEMPLATES_DIR = Path(__file__).with_name("templates")
NOTEBOOK_TEMPLATE = "notebook.html.j2"
NARRATIVE_TAG = "narrative"
NARRATIVE_NOTEBOOK_HINT = "viewpoints"
REPORT_TITLE = "The US-China AI gap: what the articles say, in figures"
IMAGE_FORMATS = ("png", "svg", "jpg", "jpeg")

# Markup allowed through from notebook markdown and HTML outputs; anything else is escaped and
# shows as text. No images (article text like <img onerror=...> must stay text; figures come as
# image outputs) and no event handlers or style attributes.
_ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
        "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "ol", "p", "pre", "s",
        "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul",
    }
)  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "table": {"border"},
    "ol": {"start"},
}
_ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
_FIGURE_REPR = re.compile(r"^<(Figure|matplotlib\.|seaborn\.)")


_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)[^>]*>?")


def _escape_other_tags(html: str) -> str:
    """Escape every tag outside the allow-list, so that it shows as the text it is."""

    def escape_unless_allowed(match: re.Match[str]) -> str:
        tag = match.group(0)
        return tag if match.group(1).lower() in _ALLOWED_TAGS else str(escape(tag))

    return _TAG.sub(escape_unless_allowed, html)


def sanitize_html(html: str) -> Markup:
    """Keep allow-listed markup, escape the rest (so a ``<script>`` tag shows as text).

    ``<style>`` elements are dropped whole first: pandas puts one before every table it
    renders, and the report's own stylesheet already styles tables. Tags outside the
    allow-list are then escaped, and nh3 (an HTML parser, not a pattern) removes whatever
    unsafe markup is left: attributes and link schemes outside the allow-list, comments, and
    any tag the escaping step did not recognise."""
    cleaned = nh3.clean(
        _escape_other_tags(_STYLE_ELEMENT.sub("", str(html))),
        tags=set(_ALLOWED_TAGS),
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=set(_ALLOWED_PROTOCOLS),
        link_rel=None,
        strip_comments=True,
    )
    return Markup(cleaned)


class _TextHtmlRenderer(IPythonRenderer):
    """Markdown renderer that shows raw HTML as the text it is (``<b>`` stays ``<b>`` on the
    page) while entity references such as ``&lt;`` still become characters."""

    def inline_html(self, html: str) -> str:
        return str(escape(html))

    def block_html(self, html: str) -> str:
        return "<p>" + str(escape(html.strip())) + "</p>\n"


# nbconvert's plugins less "url": an address quoted from an article or an annotation stays text;
# only links written as links ([words](address) or <address>) become links.
_MARKDOWN_PLUGINS = tuple(p for p in MarkdownWithMath.DEFAULT_PLUGINS if p != "url")


def render_markdown(source: str, *, attachments: Mapping[str, Any] | None = None) -> Markup:
    """Markdown to safe HTML: raw HTML in the source shows as text, then the allow-list."""
    renderer = _TextHtmlRenderer(
        escape=False, attachments=dict(attachments or {}), embed_images=True
    )
    plugins = [import_plugin(name) for name in _MARKDOWN_PLUGINS]
    return sanitize_html(MarkdownWithMath(renderer=renderer, plugins=plugins).render(source))


class ReportExporter(HTMLExporter):
    """nbconvert's HTML exporter with markdown rendered by :func:`render_markdown`."""

    @jinja2.pass_context
    def markdown2html(self, context: Any, source: str) -> str:
        cell = context.get("cell", {})
        return render_markdown(source, attachments=cell.get("attachments", {}))


def describe_image_output(output: Mapping[str, Any]) -> str:
    """Alt text for an image output: the ``alt`` (or ``caption``) its metadata carries, set by
    :func:`add_alt_text`, else its plain-text repr when that says more than ``<Figure ...>``."""
    metadata = output.get("metadata", {}) or {}
    for holder in [metadata, *(v for v in metadata.values() if isinstance(v, Mapping))]:
        for key in ("alt", "caption"):
            text = holder.get(key)
            if isinstance(text, str) and text.strip():
                return text.strip()
    plain = output.get("data", {}).get("text/plain", "")
    plain = "".join(plain) if isinstance(plain, list) else str(plain)
    if plain.strip() and not _FIGURE_REPR.match(plain.strip()):
        return plain.strip()
    return "Figure"


def add_alt_text(nb: nbformat.NotebookNode, run: str, captions: Mapping[str, str]) -> None:
    """Give every image output without alt text one, in place.

    A cell that saves figures names them in its source (``save_figure(fig, "name", ...)``): the
    k-th image of the cell gets the caption of the k-th figure name found there. Otherwise the
    alt says which run and cell the image comes from."""
    for index, cell in enumerate(nb.cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        named = _figure_names_in(cell.get("source", ""), captions)
        images = [
            o
            for o in cell.get("outputs", [])
            if any(f"image/{fmt}" in o.get("data", {}) for fmt in ("png", "jpeg", "svg+xml"))
        ]
        for k, output in enumerate(images):
            if describe_image_output(output) != "Figure":
                continue
            if k < len(named):
                alt = captions[named[k]]
            else:
                alt = f"Figure {k + 1} of cell {index} in notebook run {run}"
            output.setdefault("metadata", {})["alt"] = alt


def _figure_names_in(source: str | list[str], captions: Mapping[str, str]) -> list[str]:
    text = "".join(source) if isinstance(source, list) else source
    found = []
    for match in re.finditer(r"""["']([^"'\n]+)["']""", text):
        name = match.group(1)
        if name in captions and name not in found:
            found.append(name)
    return found


@dataclass(frozen=True)
class FigureEntry:
    """One saved figure (all its formats), as the report shows it."""

    run: str
    name: str
    caption: str
    files: tuple[str, ...]
    title: str = ""

    @property
    def anchor(self) -> str:
        return "fig-" + re.sub(r"[^A-Za-z0-9_-]+", "-", f"{self.run}--{self.name}")

    @property
    def image_file(self) -> str | None:
        """The file shown in the gallery: PNG if there is one, else the first image (the
        drawing for phones left out)."""
        images = [
            f
            for f in self.files
            if f.rsplit(".", 1)[-1].lower() in IMAGE_FORMATS
            and not f.endswith(NARROW_FIGURE_SUFFIX)
        ]
        pngs = [f for f in images if f.lower().endswith(".png")]
        return (pngs or images or [None])[0]

    @property
    def narrow_file(self) -> str | None:
        """The figure drawn for phones (``<name>.narrow.png``, twice the pixels of its CSS
        width), if the build drew one."""
        name = f"{self.name}{NARROW_FIGURE_SUFFIX}"
        return name if name in self.files else None


def read_figures(paths: ProjectPaths) -> list[FigureEntry]:
    """Every figure with a ``<name>.meta.json`` sidecar under ``figures/<run>/``, sorted."""
    entries = []
    if not paths.figures.is_dir():
        return entries
    for meta_path in sorted(paths.figures.glob("*/*.meta.json")):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise RenderError(f"{meta_path}: cannot read figure metadata: {err}") from err
        if not isinstance(meta, dict):
            raise RenderError(f"{meta_path}: figure metadata is not a JSON object")
        name = meta.get("name") or meta_path.name.removesuffix(".meta.json")
        caption = meta.get("caption")
        if not isinstance(caption, str) or not caption.strip():
            raise RenderError(f"{meta_path}: figure {name!r} has no caption (needed as alt text)")
        files = tuple(f for f in meta.get("files", []) if (meta_path.parent / f).is_file())
        title = str(meta.get("title") or "")
        entries.append(FigureEntry(meta_path.parent.name, str(name), caption.strip(), files, title))
    return entries


def read_provenance(paths: ProjectPaths) -> dict[str, dict[str, Any]]:
    """Provenance records keyed by figure file path relative to ``figures/`` (``run/file``).

    Read defensively: accepts a mapping of path to record, or such a mapping (or a list of
    records naming their file) under a ``figures`` key. A missing file gives no records."""
    path = paths.provenance_file
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise RenderError(f"{path}:{err.lineno}: not valid JSON: {err.msg}") from err
    if isinstance(data, dict) and isinstance(data.get("figures"), dict | list):
        data = data["figures"]
    items: Iterable[tuple[str, Any]]
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = [(_record_file(r), r) for r in data if isinstance(r, dict)]
    else:
        raise RenderError(f"{path}: expected a JSON object or list, got {type(data).__name__}")
    records = {}
    for key, record in items:
        if not key or not isinstance(record, dict):
            continue
        records[_figure_key(str(key))] = record
    return records


def _record_file(record: Mapping[str, Any]) -> str:
    for key in ("path", "file", "figure"):
        if isinstance(record.get(key), str):
            return record[key]
    return ""


def _figure_key(path: str) -> str:
    """``figures/run/x.png``, ``./figures/run/x.png`` or ``run/x.png`` -> ``run/x.png``."""
    parts = [p for p in Path(path).as_posix().split("/") if p not in ("", ".")]
    if parts and parts[0] == "figures":
        parts = parts[1:]
    return "/".join(parts[-2:])


def _format_value(value: Any) -> dict[str, Any]:
    if isinstance(value, dict | list):
        return {"text": json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False),
                "is_block": True}  # fmt: skip
    return {"text": "" if value is None else str(value), "is_block": False}


def find_narrative(nb: nbformat.NotebookNode, tag: str = NARRATIVE_TAG) -> str | None:
    """Markdown of the cell tagged ``tag`` (default ``narrative``): its markdown output(s), or
    its source when it is a markdown cell. An output tagged ``tag`` in its metadata also
    counts."""
    parts: list[str] = []
    for cell in nb.cells:
        is_tagged = tag in cell.get("metadata", {}).get("tags", [])
        if is_tagged and cell.get("cell_type") == "markdown":
            parts.append(_text(cell.get("source", "")))
            continue
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}) or {}
            is_output_tagged = tag in meta.get("tags", []) or meta.get(tag)
            markdown = output.get("data", {}).get("text/markdown")
            if (is_tagged or is_output_tagged) and markdown:
                parts.append(_text(markdown))
    return "\n\n".join(parts) if parts else None


def _text(value: str | list[str]) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@functools.lru_cache(maxsize=2)
def build_exporter(*, show_code: bool) -> ReportExporter:
    """An HTML exporter with the project's template: no web assets, code shown or hidden.
    Built once per view: loading the templates is most of the cost of a small page."""
    exporter = ReportExporter(
        template_name="lab",
        template_file=NOTEBOOK_TEMPLATE,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        extra_template_paths=[str(TEMPLATES_DIR)],
        exclude_input=not show_code,
        exclude_input_prompt=not show_code,
        exclude_output_prompt=not show_code,
        embed_images=True,
        mathjax_url="",
        require_js_url="",
    )
    exporter.register_filter("gapstudy_sanitize", sanitize_html)
    exporter.register_filter("gapstudy_alt", describe_image_output)
    return exporter


@dataclass
class _Writer:
    """Writes files only when their bytes change, each beside its target then moved into
    place (a kill mid-render never leaves a truncated page), and remembers what it wrote."""

    written: list[Path] = field(default_factory=list)

    def write(self, path: Path, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            replace_file(path, data)
        self.written.append(path)

    def copy(self, source: Path, target: Path) -> None:
        self.write(target, source.read_bytes())


NOTEBOOK_STYLESHEET = "assets/notebook.css"


def notebook_stylesheet() -> str:
    """JupyterLab's light theme, which nbconvert's lab template would inline into every page;
    the report writes it once to :data:`NOTEBOOK_STYLESHEET` and the pages link to it."""
    for base in build_exporter(show_code=True).template_paths:
        static = Path(base) / "static"
        if (static / "index.css").is_file() and (static / "theme-light.css").is_file():
            parts = [(static / name).read_text(encoding="utf-8") for name in _LAB_CSS]
            return "\n".join(parts)
    raise RenderError("nbconvert's lab template stylesheets (static/index.css) were not found")


_LAB_CSS = ("index.css", "theme-light.css")


_HEADING_ONLY = re.compile(r"^(\s*#{1,6}[^\n]*(\n|$))+\s*$")


def drop_empty_sections(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` for the code-hidden view, without markdown cells that hold only
    headings over code cells that show nothing ("Load", "Compute"): with the code hidden such a
    heading would stand empty."""
    nb = copy.deepcopy(nb)
    keep = []
    for index, cell in enumerate(nb.cells):
        if cell.get("cell_type") == "markdown" and _HEADING_ONLY.match(_text(cell.source)):
            section = []
            for later in nb.cells[index + 1 :]:
                if later.get("cell_type") == "markdown":
                    break
                section.append(later)
            if not any(c.get("outputs") for c in section):
                continue
        keep.append(cell)
    nb.cells = keep
    return nb


def link_table_ids(nb: nbformat.NotebookNode, links: Mapping[str, str]) -> None:
    """In place: figure and claim ids shown in HTML tables become links to the source reader."""
    if not links:
        return
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if html:
                output["data"]["text/html"] = reader.link_known_ids(_text(html), links)


_MISSING_CELL = re.compile(r"<td>(?:&lt;NA&gt;|<NA>|NaN|None)</td>")


def blank_missing_cells(nb: nbformat.NotebookNode) -> None:
    """In place: a table cell with no value (pandas shows ``<NA>``) reads as a dash, with 'no
    value' for screen readers, so no page shows a library's placeholder."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if html:
                output["data"]["text/html"] = _MISSING_CELL.sub(
                    '<td class="gs-missing" aria-label="no value">—</td>', _text(html)
                )


def render_notebook(
    nb_path: Path,
    out_dir: Path,
    captions: Mapping[str, str],
    writer: _Writer | None = None,
    links: Mapping[str, str] | None = None,
) -> tuple[Path, Path]:
    """Write ``<run>.html`` (code hidden) and ``<run>.full.html`` (code shown) for one executed
    notebook; ids in its tables link to the source reader (``links``). Returns both paths."""
    writer = writer or _Writer()
    run = nb_path.stem
    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception as err:  # nbformat raises several unrelated types for a bad file
        raise RenderError(f"{nb_path}: cannot read notebook: {err}") from err
    add_alt_text(nb, run, captions)
    link_table_ids(nb, links or {})
    blank_missing_cells(nb)
    views = {
        False: (out_dir / f"{run}.html", f"{run}.full.html", "Show the code"),
        True: (out_dir / f"{run}.full.html", f"{run}.html", "Hide the code"),
    }
    for show_code, (target, other_href, other_label) in views.items():
        resources = {
            "metadata": {"name": run},
            "gapstudy_other_view": {"href": other_href, "label": other_label},
            "gapstudy_stylesheet": NOTEBOOK_STYLESHEET,
        }
        shown = nb if show_code else drop_empty_sections(nb)
        html, _ = build_exporter(show_code=show_code).from_notebook_node(shown, resources=resources)
        writer.write(target, html)
    return views[False][0], views[True][0]


def _notebook_tasks(
    notebooks: list[Path], out: Path, figures: list[FigureEntry], links: Mapping[str, str]
) -> list[_Task]:
    """The notebook pages, one task each, after the stylesheet they share."""
    tasks = []
    if notebooks:
        tasks.append(
            _Task(
                NOTEBOOK_STYLESHEET,
                lambda w: w.write(out / NOTEBOOK_STYLESHEET, notebook_stylesheet()),
            )
        )
    for nb_path in notebooks:
        captions = {f.name: f.caption for f in figures if f.run == nb_path.stem}
        tasks.append(
            _Task(
                str(nb_path),
                functools.partial(_render_notebook_task, nb_path, out, captions, links),
            )
        )
    return tasks


def _render_notebook_task(
    nb_path: Path,
    out_dir: Path,
    captions: Mapping[str, str],
    links: Mapping[str, str],
    writer: _Writer,
) -> None:
    render_notebook(nb_path, out_dir, captions, writer, links)


def _count_rows(csv_path: Path) -> int:
    with csv_path.open(newline="", encoding="utf-8") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


def _table_context(paths: ProjectPaths, writer: _Writer, data_dir: Path) -> list[dict[str, Any]]:
    tables = []
    for table in TABLES.values():
        source = paths.table_file(table.name)
        csv_href = None
        n_rows = 0
        if source.is_file():
            writer.copy(source, data_dir / source.name)
            csv_href = f"data/{source.name}"
            n_rows = _count_rows(source)
        tables.append(
            {
                "name": table.name,
                "description": table.description,
                "row": table.row,
                "primary_key": list(table.primary_key),
                "csv_href": csv_href,
                "n_rows": n_rows,
                "columns": [
                    {
                        "name": c.name,
                        "type": c.type,
                        "required": c.required,
                        "description": c.description,
                        "enum": c.enum,
                    }  # fmt: skip
                    for c in table.columns
                ],
            }
        )
    return tables


# The gallery's order: the gap by dimension first, then its history on benchmarks, then each
# dimension's figures in order of how much they draw (the most marks first), then the rest. The
# method figures and the variants of a run (a run named ``<run>-...`` of another run) are folded
# into "How this was made".
LEAD_RUNS = ("gap-by-dimension", "benchmark-gap")
METHOD_RUNS = ("corpus",)


def _marks_drawn(paths: ProjectPaths, fig: FigureEntry) -> int:
    data = paths.figures / fig.run / f"{fig.name}.csv"
    return _count_rows(data) if data.is_file() else 0


def order_figures(paths: ProjectPaths, figures: list[FigureEntry]) -> list[FigureEntry]:
    """The figures in the order the index shows them (see ``LEAD_RUNS``)."""

    def rank(fig: FigureEntry) -> tuple:
        if fig.run in LEAD_RUNS:
            return (0, LEAD_RUNS.index(fig.run), 0, fig.run, fig.name)
        return (1, 0, -_marks_drawn(paths, fig), fig.run, fig.name)

    return sorted(figures, key=rank)


def is_method_figure(fig: FigureEntry, runs: set[str]) -> bool:
    """A figure on how the study was made, or a variant of another run's figure."""
    return fig.run in METHOD_RUNS or any(fig.run.startswith(f"{r}-") for r in runs - {fig.run})


def inputs_id(record: Mapping[str, Any]) -> str | None:
    """A short id of what a figure was built from (library, notebook, tables, parameters),
    computed from the content hashes in its provenance record: the same inputs give the same id
    on any machine, committed or not."""
    if not record:
        return None
    keys = ("library_sha256", "notebook", "input_tables", "parameters", "package_version")
    picked = {k: record.get(k) for k in keys}
    return hashlib.sha256(json.dumps(picked, sort_keys=True).encode("utf-8")).hexdigest()[:12]


def data_as_of(record: Mapping[str, Any], latest_published: str | None) -> str | None:
    """The date the figure's data stand at: its run's cut-off, else the latest publication
    date among the sources."""
    cut = (record.get("parameters") or {}).get("as_of") if record else None
    if cut and latest_published:
        return min(str(cut), latest_published)
    return str(cut) if cut else latest_published


def _figure_context(
    figures: list[FigureEntry],
    provenance: Mapping[str, Mapping[str, Any]],
    run_pages: set[str],
    writer: _Writer,
    paths: ProjectPaths,
    out: Path,
    latest_published: str | None = None,
) -> list[dict[str, Any]]:
    """Long because each figure's entry gathers its files, provenance, data and dates."""
    context = []
    runs = {f.run for f in figures}
    for fig in order_figures(paths, figures):
        for name in fig.files:
            writer.copy(paths.figures / fig.run / name, out / "figures" / fig.run / name)
        image = fig.image_file
        records = []
        for name in fig.files:
            record = provenance.get(f"{fig.run}/{name}", {})
            fields = [(key, _format_value(record[key])) for key in sorted(record)]
            records.append({"file": name, "fields": fields})
        record = provenance.get(f"{fig.run}/{image}", {}) if image else {}
        data = f"{fig.name}.csv"
        svg = f"{fig.name}.svg"
        context.append(
            {
                "run": fig.run,
                "name": fig.name,
                "title": fig.title,
                "caption": fig.caption,
                "anchor": fig.anchor,
                "img_href": f"figures/{fig.run}/{image}" if image else None,
                "narrow_href": f"figures/{fig.run}/{fig.narrow_file}" if fig.narrow_file else None,
                "full_href": f"figures/{fig.run}/{svg if svg in fig.files else image}",
                "data_href": f"figures/{fig.run}/{data}" if data in fig.files else None,
                "as_of": data_as_of(record, latest_published),
                "inputs_id": inputs_id(record),
                "is_method": is_method_figure(fig, runs),
                "run_href": f"{fig.run}.html" if fig.run in run_pages else None,
                "files": [
                    {"format": n.rsplit(".", 1)[-1].upper(), "href": f"figures/{fig.run}/{n}"}
                    for n in fig.files
                    if not n.endswith((".meta.json", NARROW_FIGURE_SUFFIX))
                ],
                "records": records,
            }
        )
    return context


def read_citation(paths: ProjectPaths) -> dict[str, Any] | None:
    """The project's citation (``CITATION.cff``) as the index shows it, or None without one."""
    path = paths.citation_file
    if not path.is_file():
        return None
    from gapstudy.yamlfile import read_yaml

    cff = read_yaml(path)
    if not isinstance(cff, dict):
        raise RenderError(f"{path}: expected a mapping of citation fields")
    authors = [
        a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x)
        for a in cff.get("authors") or []
        if isinstance(a, dict)
    ]
    return {
        "authors": ", ".join(a for a in authors if a),
        "title": str(cff.get("title", "")),
        "version": str(cff.get("version", "")),
        "date": str(cff.get("date-released", "")),
        "url": str(cff.get("repository-code") or cff.get("url") or ""),
        "doi": str(cff.get("doi", "")),
        "message": str(cff.get("message", "")),
    }


def _find_narrative(notebooks: list[Path]) -> tuple[str, str] | None:
    """(run, markdown) from the run named like the viewpoints notebook (its default parameters),
    then its other runs, then any other notebook."""
    ordered = sorted(
        notebooks,
        key=lambda p: (
            p.stem != NARRATIVE_NOTEBOOK_HINT,
            NARRATIVE_NOTEBOOK_HINT not in p.stem,
            p.name,
        ),
    )
    for nb_path in ordered:
        markdown = find_narrative(nbformat.read(nb_path, as_version=4))
        if markdown:
            return nb_path.stem, markdown
    return None


BRIEF_PART_TAGS = {"takeaways": "takeaways", "details": "brief-details"}


def _brief_parts(nb_path: Path) -> dict[str, Markup | None]:
    """The brief's key takeaways and its folded detail, from the cells so tagged in the run
    that wrote the argument (``None`` where the run has no such cell)."""
    nb = nbformat.read(nb_path, as_version=4)
    parts = {}
    for name, tag in BRIEF_PART_TAGS.items():
        markdown = find_narrative(nb, tag)
        parts[name] = render_markdown(markdown) if markdown else None
    return parts


def load_reader_tables(paths: ProjectPaths) -> dict[str, Any] | None:
    """The tables the source reader needs, or ``None`` when the tables are not written yet."""
    if not all(paths.table_file(name).is_file() for name in reader.READER_TABLES):
        return None
    from gapstudy.tables import load

    try:
        return {name: load(name, paths) for name in reader.READER_TABLES}
    except TableError as err:
        raise RenderError(f"cannot draw the source pages: {err}") from err


def render_source_pages(
    paths: ProjectPaths, tables: Mapping[str, Any], env: jinja2.Environment, writer: _Writer
) -> None:
    """``sources/<source_id>.html`` for every source: its text with the annotations marked."""
    for task in _source_page_tasks(paths, tables, env, shares=1):
        task.run(writer)


def _source_page_tasks(
    paths: ProjectPaths, tables: Mapping[str, Any], env: jinja2.Environment, shares: int
) -> list[_Task]:
    """The source pages in about ``shares`` tasks of consecutive sources (in table order)."""
    template = env.get_template("source.html.j2")
    by_source = reader.split_rows(tables)
    voice_names = reader.voice_names_of(tables["voices"])
    rows = [(r.source_id, r.file) for r in tables["sources"].itertuples(index=False)]

    def pages(part: list[tuple[str, str]], writer: _Writer) -> None:
        for source_id, file in part:
            raw = paths.raw_file(file)
            try:
                text = raw.read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise RenderError(f"{raw}: cannot read the source text: {err}") from err
            context = reader.page_context(source_id, text, by_source[source_id], voice_names)
            page = template.render(root="../", **context)
            writer.write(paths.html / reader.source_page_href(source_id), page)

    size = max(1, -(-len(rows) // max(1, shares)))
    return [
        _Task(f"source pages {part[0][0]} to {part[-1][0]}", functools.partial(pages, part))
        for part in (rows[n : n + size] for n in range(0, len(rows), size))
    ]


@dataclass(frozen=True)
class _Task:
    """One part of the report: what it is (named in errors) and how to write it."""

    name: str
    write: Any  # Callable[[_Writer], None]

    def run(self, writer: _Writer) -> None:
        self.write(writer)


def _run_share(tasks: list[_Task], share: int, jobs: int) -> dict[int, tuple[list[Path], Any]]:
    """Tasks ``share``, ``share + jobs``, ... in order: by task number, the files each wrote
    and the error it raised (``None`` if none); the share stops at its first error."""
    done: dict[int, tuple[list[Path], Any]] = {}
    for n in range(share, len(tasks), jobs):
        writer = _Writer()
        try:
            tasks[n].run(writer)
        except Exception as err:  # noqa: BLE001 - raised again by the caller, in task order
            done[n] = (writer.written, err)
            break
        done[n] = (writer.written, None)
    return done


def _worker(tasks: list[_Task], share: int, jobs: int, result: Path, parent: int) -> None:
    """A forked worker's whole life: write its share, store what it wrote (and its error) in
    ``result``, exit (never returns). It dies with the process that forked it."""
    import os
    import pickle

    from gapstudy.checkcache import tie_to_parent

    code = 1
    try:
        if tie_to_parent(parent):
            done = _run_share(tasks, share, jobs)
            for n, (written, err) in done.items():
                try:
                    pickle.dumps(err)
                except Exception:  # noqa: BLE001 - an error that cannot travel is told in words
                    err = RenderError(f"{tasks[n].name}: {type(err).__name__}: {err}")
                done[n] = (written, err)
            result.write_bytes(pickle.dumps(done))
            code = 0
    finally:
        os._exit(code)


def run_tasks(tasks: list[_Task], jobs: int) -> list[Path]:
    """Write every task's files, on up to ``jobs`` processes (forked workers each take every
    ``jobs``-th task, this process the first share; one process where forking is not safe).
    Returns the files written in task order, as one process writing the tasks in turn would;
    the error of the first task (in task order) that failed is raised here."""
    import os
    import pickle
    import sys
    import tempfile

    from gapstudy.checkcache import can_fork, end_children, wait_for_children

    jobs = min(jobs, len(tasks))
    if jobs < 2 or not can_fork():
        writer = _Writer()
        for task in tasks:
            task.run(writer)
        return writer.written
    sys.stdout.flush()
    sys.stderr.flush()
    done: dict[int, tuple[list[Path], Any]] = {}
    with tempfile.TemporaryDirectory(prefix="gapstudy-render-") as tmp:
        results, pids, parent = [Path(tmp) / f"{w}.pickle" for w in range(jobs)], [], os.getpid()
        try:
            for share in range(1, jobs):
                pid = os.fork()
                if pid == 0:
                    _worker(tasks, share, jobs, results[share], parent)
                pids.append(pid)
            done.update(_run_share(tasks, 0, jobs))
        except BaseException:
            end_children(pids)
            raise
        wait_for_children(pids)
        for result in results[1:]:
            if result.is_file():
                done.update(pickle.loads(result.read_bytes()))
    written: list[Path] = []
    for n, task in enumerate(tasks):
        if n not in done:
            raise RenderError(f"{task.name}: its worker process ended before writing it")
        files, err = done[n]
        if err is not None:
            raise err
        written += files
    return written


def _remove_stale(out: Path, keep: set[Path]) -> None:
    """Delete files under ``out`` that this render did not write (reports/html is ours)."""
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def render_report(paths: ProjectPaths, *, jobs: int | None = None) -> list[Path]:
    """Render every executed notebook (two views), the index and the provenance page into
    ``reports/html/``, with figures and tables copied alongside. Returns the files written.

    The source pages and the notebooks are written on up to ``jobs`` processes (default: one
    per core, see :func:`run_tasks`); the same bytes and the same list either way."""
    import os

    out = paths.html
    notebooks = sorted(paths.executed.glob("*.ipynb")) if paths.executed.is_dir() else []
    figures = read_figures(paths)
    provenance = read_provenance(paths)

    env = _environment()
    jobs = jobs or os.cpu_count() or 1
    reader_tables = load_reader_tables(paths)
    links = reader.known_spans(reader_tables) if reader_tables else {}
    tasks = _source_page_tasks(paths, reader_tables, env, 4 * jobs) if reader_tables else []
    tasks += _notebook_tasks(notebooks, out, figures, links)
    writer = _Writer(written=run_tasks(tasks, jobs))
    run_pages = {p.stem for p in notebooks}

    latest = None
    if reader_tables:
        dates = reader_tables["sources"]["published"].dropna().astype(str)
        latest = max(dates) if len(dates) else None
    figure_context = _figure_context(
        figures, provenance, run_pages, writer, paths, out, latest_published=latest
    )
    tables = _table_context(paths, writer, out / "data")
    datapackage_href = None
    if paths.datapackage_file.is_file():
        writer.copy(paths.datapackage_file, out / "data" / paths.datapackage_file.name)
        datapackage_href = f"data/{paths.datapackage_file.name}"

    narrative = None
    found = _find_narrative(notebooks)
    if found:
        run, markdown = found
        narrative = {"run": run, "href": f"{run}.html", "html": render_markdown(markdown)}
        narrative.update(_brief_parts(paths.executed / f"{run}.ipynb"))

    pages = reader.list_source_pages(reader_tables) if reader_tables else []
    listed = reader.index_source_pages(pages, reader_tables["sources"]) if pages else []
    if len(listed) < len(pages):
        writer.write(
            out / reader.SOURCE_LIST_PAGE,
            env.get_template("source-list.html.j2").render(sources=pages),
        )
    index = env.get_template("index.html.j2").render(
        sources=listed,
        n_more_sources=len(pages) - len(listed),
        source_list_href=reader.SOURCE_LIST_PAGE,
        title=REPORT_TITLE,
        narrative=narrative,
        figures=[f for f in figure_context if not f["is_method"]],
        method_figures=[f for f in figure_context if f["is_method"]],
        citation=read_citation(paths),
        runs=[
            {"name": p.stem, "href": f"{p.stem}.html", "full_href": f"{p.stem}.full.html"}
            for p in notebooks
        ],  # fmt: skip
        tables=tables,
        datapackage_href=datapackage_href,
    )
    writer.write(out / "index.html", index)
    writer.write(
        out / "provenance.html",
        env.get_template("provenance.html.j2").render(figures=figure_context),
    )
    _remove_stale(out, set(writer.written))
    return writer.written
