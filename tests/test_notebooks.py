"""The notebooks as committed: parameters, no outputs, thin cells, and the run list.

Executed notebooks are checked separately with nbval, after ``make build`` has written them::

    .venv/bin/python -m pytest --nbval reports/notebooks \
        --nbval-sanitize-with tests/nbval_sanitize.cfg

(nbval runs each one again and compares its outputs, sanitised, with the stored ones.)
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import copy_parts

from gapstudy.output import describe_selection, selection_title
from gapstudy.runlist import check_parameters, read_runs

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
COMMON_PARAMETERS = {"sources", "include_comments", "as_of", "figures_dir", "figure_formats"}
# `name: type = default  # description`, one per line.
PARAMETER_LINE = re.compile(r"^(\w+): ([\w\[\], |]+) = (.+?)  # (\S.*)$")
LOOPS_AND_DEFINITIONS = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _code_cells(nb: nbformat.NotebookNode) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def _tagged(nb: nbformat.NotebookNode, tag: str) -> list:
    return [c for c in nb.cells if tag in c.metadata.get("tags", [])]


def test_there_are_six_notebooks():
    assert [p.name for p in NOTEBOOKS] == [
        "01_corpus.ipynb",
        "02_gap_by_dimension.ipynb",
        "03_benchmark_gap.ipynb",
        "04_viewpoints.ipynb",
        "05_agreement.ipynb",
        "06_dimension.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_are_typed_and_described(path):
    nb = _read(path)
    (cell,) = _tagged(nb, "parameters")
    assert cell.cell_type == "code"
    names = {}
    for line in cell.source.splitlines():
        match = PARAMETER_LINE.match(line)
        assert match, f"{path.name}: parameter line {line!r} lacks a type hint or a comment"
        name, _, default, _ = match.groups()
        names[name] = ast.literal_eval(default)
    assert set(names) >= COMMON_PARAMETERS, f"{path.name} lacks {COMMON_PARAMETERS - set(names)}"
    assert names["figures_dir"] == ""
    assert names["figure_formats"] == ["png", "svg"]
    assert names["sources"] == [] and names["include_comments"] is False and names["as_of"] == ""
    # Every statement of the cell is an annotated assignment of a literal.
    tree = ast.parse(cell.source)
    assert all(isinstance(node, ast.AnnAssign) for node in tree.body)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_committed_without_outputs_or_stamps(path):
    nb = _read(path)
    nbformat.validate(nb)
    for cell in _code_cells(nb):
        assert cell.outputs == [], f"{path.name} cell {cell.id} has outputs"
        assert cell.execution_count is None, f"{path.name} cell {cell.id} has an execution count"
        assert set(cell.metadata) <= {"tags"}, f"{path.name} cell {cell.id}: {set(cell.metadata)}"
    assert set(nb.metadata) <= {"kernelspec", "language_info"}
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_thin(path):
    """Functions, classes and loops belong in the library; a notebook only calls it."""
    for cell in _code_cells(_read(path)):
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, LOOPS_AND_DEFINITIONS), (
                f"{path.name} cell {cell.id} line {getattr(node, 'lineno', '?')}:"
                f" {type(node).__name__} belongs in the library"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_load_compute_show_in_that_order(path):
    headings = [c.source.splitlines()[0] for c in _read(path).cells if c.cell_type == "markdown"]
    sections = [h for h in headings if h in ("## Load", "## Compute", "## Show")]
    assert sections == ["## Load", "## Compute", "## Show"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_figures_are_saved_where_the_build_says_in_the_formats_asked(path):
    calls = [
        node
        for cell in _code_cells(_read(path))
        for node in ast.walk(ast.parse(cell.source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "save_figure"
    ]
    assert calls, f"{path.name} saves no figure"
    nb = _read(path)
    (parameters_cell,) = _tagged(nb, "parameters")
    declared = {m.group(1) for m in map(PARAMETER_LINE.match, parameters_cell.source.splitlines())
                if m}  # fmt: skip
    resolved = [
        node
        for cell in _code_cells(nb)
        for node in ast.walk(ast.parse(cell.source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "resolve_figures_dir"
    ]
    assert resolved, f"{path.name} never calls resolve_figures_dir"
    for call in resolved:
        # (figures_dir, "<stem>", {every other parameter by name}): a run by hand gets a scratch
        # folder of its own for each set of parameters.
        folder, stem, given = call.args
        assert isinstance(folder, ast.Name) and folder.id == "figures_dir"
        assert isinstance(stem, ast.Constant) and stem.value == path.stem
        assert isinstance(given, ast.Dict)
        pairs = {k.value: v.id for k, v in zip(given.keys, given.values, strict=True)}
        assert pairs == {name: name for name in declared - {"figures_dir"}}
    for call in calls:
        keywords = {k.arg: k.value for k in call.keywords}
        assert {"figures_dir", "caption", "formats"} <= set(keywords)
        assert (
            isinstance(keywords["formats"], ast.Name) and keywords["formats"].id == "figure_formats"
        )


@pytest.mark.parametrize(
    ("tag", "part"),
    [("takeaways", "takeaways"), ("narrative", "argument"), ("brief-details", "details")],
)
def test_the_viewpoint_notebook_tags_each_part_of_its_brief(tag: str, part: str):
    """The report finds the takeaways, the argument and the folded detail by these tags."""
    nb = _read(ROOT / "notebooks" / "04_viewpoints.ipynb")
    (cell,) = _tagged(nb, tag)
    assert cell.source == f'Markdown(brief["{part}"])'


def test_every_run_names_a_notebook_and_parameters_it_declares(repo_paths):
    runs = read_runs(repo_paths)
    assert {run.notebook for run in runs} == {p.name for p in NOTEBOOKS}
    for run in runs:
        check_parameters(run.name, run.notebook_path(repo_paths), run.parameters)
    by_name = {run.name: run for run in runs}
    assert by_name["viewpoints-with-comments"].parameters == {"include_comments": True}
    assert by_name["viewpoints-summit-reports"].parameters["sources"]
    # One deep dive per dimension that has figures, whatever the data holds.
    claimed = set(pd.read_csv(repo_paths.table_file("figures"))["dimension"].dropna())
    assert {name for name in by_name if name.startswith("dimension-")} == {
        f"dimension-{dimension}" for dimension in claimed
    }


# ---------------------------------------------------------------- captions


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_caption_says_which_sources_the_run_reads(path):
    source = "\n".join(c.source for c in _code_cells(_read(path)))
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "save_figure"
    ]
    for call in calls:
        caption = ast.unparse(next(k.value for k in call.keywords if k.arg == "caption"))
        # A figure of whole texts (every line, reader comments too) names only the sources.
        whole_texts = "describe_sources(sources, as_of)" in caption and "comments" in caption
        assert (
            whole_texts
            or "describe_selection(sources, as_of, include_comments)" in caption
            or (
                "{selection}" in caption
                and "selection = describe_selection(sources, as_of, include_comments)" in source
            )
        ), f"{path.name}: caption {caption} does not follow the run's parameters"


def test_the_runs_of_one_notebook_get_captions_of_their_own(repo_paths):
    viewpoints = [r for r in read_runs(repo_paths) if r.notebook == "04_viewpoints.ipynb"]
    captions = {
        describe_selection(
            r.parameters.get("sources", []),
            r.parameters.get("as_of", ""),
            r.parameters.get("include_comments", False),
        )
        for r in viewpoints
    }
    assert len(captions) == len(viewpoints) >= 2
    # The chart's own title tells the runs apart too, so a picture compared alone says which.
    titles = {
        selection_title(
            r.parameters.get("sources", []),
            r.parameters.get("as_of", ""),
            r.parameters.get("include_comments", False),
        )
        for r in viewpoints
    }
    assert len(titles) == len(viewpoints)
    assert selection_title([], "2026-01-31", False) == (
        "all sources published by 2026-01-31, reader comments left out"
    )
    assert describe_selection([], "2026-01-31", False) == (
        "Reads all sources published by 2026-01-31 (later and undated ones left out);"
        " reader comments left out."
    )
    assert describe_selection(["a", "b"], "", True) == (
        "Reads sources a, b; reader comments included."
    )


def _digests(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_plain_papermill_runs_never_overwrite_committed_figures_nor_each_other(tmp_path: Path):
    """Two runs of one notebook by plain papermill, with other parameters and no figures_dir,
    in a copy of the project: each saves its figures in its own scratch folder."""
    import os
    import subprocess
    import sys

    project = tmp_path / "project"
    copy_parts(project, ("data", "notebooks", "figures"))
    committed = _digests(project / "figures")
    swept = sorted(p.name.removeprefix("dimension-") for p in project.glob("figures/dimension-*"))
    assert len(swept) >= 2, "needs two dimensions with a run in figures/"
    env = {k: v for k, v in os.environ.items() if k != "GAPSTUDY_ROOT"}
    papermill = str(Path(sys.executable).with_name("papermill"))
    for n, dimension in enumerate(swept[:2]):
        done = subprocess.run(
            [papermill, "--no-progress-bar", "notebooks/06_dimension.ipynb", f"out{n}.ipynb",
             "-p", "dimension", dimension],
            cwd=project, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
    assert _digests(project / "figures") == committed
    made = sorted((project / ".cache" / "interactive").iterdir())
    assert [p.name.rsplit("-", 1)[0] for p in made] == ["06_dimension", "06_dimension"]
    for folder in made:
        assert any(p.suffix == ".png" for p in folder.iterdir()), folder


def test_scratch_folder_depends_on_the_parameters(tmp_path: Path, monkeypatch):
    from gapstudy.output import resolve_figures_dir

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sources.yaml").write_text("sources: []\n")
    monkeypatch.setenv("GAPSTUDY_ROOT", str(tmp_path))
    a = resolve_figures_dir("", "06_dimension", {"dimension": "policy", "sources": []})
    b = resolve_figures_dir("", "06_dimension", {"dimension": "talent", "sources": []})
    again = resolve_figures_dir(None, "06_dimension", {"sources": [], "dimension": "policy"})
    assert a != b and a == again
    assert a.parent == tmp_path.resolve() / ".cache" / "interactive"
    assert resolve_figures_dir("out/x", "06_dimension", {"dimension": "policy"}) == Path("out/x")
