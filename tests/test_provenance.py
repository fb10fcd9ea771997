"""Content hashes, the committed build state and ``gapstudy why``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from gapstudy import provenance
from gapstudy.exceptions import GapstudyError
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.provenance import (
    empty_state,
    explain_figure,
    hash_files,
    hash_json,
    hash_library,
    hash_notebook,
    list_files,
    make_run_record,
    read_state,
    write_state,
)


def make_notebook(path: Path, source: str, outputs: list | None = None, tags=()) -> Path:
    cell = nbformat.v4.new_code_cell(source, id="c")
    cell.outputs = outputs or []
    cell.metadata["tags"] = list(tags)
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    return path


@pytest.mark.parametrize(
    ("source", "outputs", "tags", "is_same"),
    [
        ("x = 1", None, (), True),
        ("x = 1", [nbformat.v4.new_output("stream", name="stdout", text="1\n")], (), True),
        ("x = 2", None, (), False),
        ("x = 1", None, ("parameters",), False),
    ],
)
def test_hash_notebook_follows_code_not_outputs(
    tmp_path: Path, source: str, outputs: list | None, tags: tuple, is_same: bool
) -> None:
    base = hash_notebook(make_notebook(tmp_path / "a.ipynb", "x = 1"))
    other = hash_notebook(make_notebook(tmp_path / "b.ipynb", source, outputs, tags))
    assert (base == other) is is_same


def test_hash_library_follows_code_and_templates_not_caches(tmp_path: Path) -> None:
    package = tmp_path / "gapstudy"
    (package / "__pycache__").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n")
    first = hash_library(package)
    (package / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\x00")
    assert hash_library(package) == first
    (package / "a.py").write_text("A = 2\n")
    second = hash_library(package)
    assert second != first
    (package / "page.css").write_text("body {}\n")
    assert hash_library(package) != second


def test_hash_library_is_of_the_imported_package_wherever_it_is(
    tmp_path: Path, repo_paths: ProjectPaths
) -> None:
    """The default is the package this process imports; a copy elsewhere hashes the same (its
    files are named ``gapstudy/<path>``), and for a project installed from its own folder the
    hash is the one recorded when the project's ``gapstudy/`` was hashed by name."""
    imported = Path(provenance.__file__).resolve().parent
    assert imported == provenance.PACKAGE_FOLDER
    copy = tmp_path / "elsewhere" / "gapstudy"
    shutil.copytree(imported, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert hash_library(copy) == hash_library()
    if imported == repo_paths.root / "gapstudy":
        by_name = hash_files(list_files(repo_paths.root / "gapstudy"), repo_paths)
        assert hash_library() == hash_json(by_name)


@pytest.fixture
def recorded(tmp_path: Path) -> ProjectPaths:
    paths = project_paths(tmp_path)
    paths.notebooks.mkdir()
    notebook = make_notebook(paths.notebooks / "plot.ipynb", "plot()")
    outputs = []
    for run, caption in (("one", "First caption"), ("two", "Second caption")):
        folder = paths.figures / run
        folder.mkdir(parents=True)
        (folder / "bars.png").write_bytes(run.encode())
        (folder / "bars.meta.json").write_text(json.dumps({"caption": caption}))
        outputs.append((run, [folder / "bars.png", folder / "bars.meta.json"]))
    state = empty_state()
    for run, files in outputs:
        state["runs"][run] = make_run_record(
            paths,
            run_name=run,
            notebook=notebook,
            parameters={"dimension": run},
            input_tables={"figures": "f" * 64},
            library_sha256="1" * 64,
            package_version="0.1.0",
            outputs=files,
        )
    write_state(paths, state)
    return paths


def test_state_round_trips_and_is_written_identically(recorded: ProjectPaths) -> None:
    text = recorded.provenance_file.read_text()
    state = read_state(recorded)
    assert sorted(state["figures"]) == ["figures/one/bars.png", "figures/two/bars.png"]
    assert state["figures"]["figures/two/bars.png"]["caption"] == "Second caption"
    write_state(recorded, state)
    assert recorded.provenance_file.read_text() == text


@pytest.mark.parametrize(
    ("figure", "expected_lines"),
    [
        (
            "figures/one/bars.png",
            [
                "figure       figures/one/bars.png",
                "caption      First caption",
                "made by      run 'one' of notebooks/plot.ipynb",
                "parameters   dimension='one'",
                "  figures                sha256 ffffffffffffffff",
                "file status  matches the recorded bytes",
            ],
        ),
        ("two/bars.png", ["caption      Second caption"]),
    ],
)
def test_explain_figure(recorded: ProjectPaths, figure: str, expected_lines: list[str]) -> None:
    lines = explain_figure(figure, recorded).splitlines()
    for line in expected_lines:
        assert line in lines


def test_explain_figure_reports_changed_bytes(recorded: ProjectPaths) -> None:
    (recorded.figures / "one" / "bars.png").write_bytes(b"edited by hand")
    assert "DIFFERS" in explain_figure(recorded.figures / "one" / "bars.png", recorded)


@pytest.mark.parametrize(
    ("figure", "message"), [("bars.png", "several figures"), ("nothing.png", "no record")]
)
def test_explain_figure_refuses_unknown_or_ambiguous(
    recorded: ProjectPaths, figure: str, message: str
) -> None:
    with pytest.raises(GapstudyError, match=message):
        explain_figure(figure, recorded)


def test_read_state_names_file_and_line_of_bad_json(tmp_path: Path) -> None:
    paths = project_paths(tmp_path)
    paths.figures.mkdir()
    paths.provenance_file.write_text('{\n  "format": 1,\n  oops\n}\n')
    with pytest.raises(GapstudyError, match=r"provenance.json:3"):
        read_state(paths)
