"""A run cannot change data/ or notebooks/: the run fails naming the file, which is restored."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import pytest

from gapstudy.build import run_build, run_one
from gapstudy.guard import guarded_results
from gapstudy.paths import ProjectPaths
from tests.test_build import add_cell, make_project

TABLE = "source_id,value\nsome-source,1.5\n"


def _hashes(paths: ProjectPaths) -> dict[str, str]:
    files = [*paths.data.rglob("*"), *paths.notebooks.rglob("*")]
    return {
        str(p.relative_to(paths.root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(files)
        if p.is_file()
    }


@pytest.fixture
def project_with_table(tmp_path: Path) -> ProjectPaths:
    paths = make_project(
        tmp_path / "project", runs="runs:\n  - {name: state, notebook: state.ipynb}\n"
    )
    paths.processed.mkdir(parents=True)
    (paths.processed / "figures.csv").write_text(TABLE, encoding="utf-8")
    return paths


@pytest.mark.parametrize("command", ["build", "run"])
def test_a_cell_that_appends_to_a_table_fails_its_run_and_the_table_is_restored(
    project_with_table: ProjectPaths, command: str, capsys: pytest.CaptureFixture
) -> None:
    paths = project_with_table
    add_cell(
        paths.notebooks / "state.ipynb",
        "with open('../data/processed/figures.csv', 'a') as f:\n    f.write('x,2\\n')",
    )
    before = _hashes(paths)
    if command == "build":
        code = run_build(paths, jobs=1, with_tables=False, with_render=False)
    else:
        code = run_one(paths, "state", {})
    assert code == 1
    assert _hashes(paths) == before
    out = capsys.readouterr().out
    assert "InputChangedError: data/processed/figures.csv was changed while this run ran" in out
    kept = next((paths.scratch / "changed-by-run").glob("*/data/processed/figures.csv"))
    assert kept.read_text(encoding="utf-8") == TABLE + "x,2\n"
    if command == "build":
        assert not (paths.executed / "state.ipynb").exists()  # nothing installed


def test_a_file_created_in_notebooks_fails_the_run_and_is_removed(
    project_with_table: ProjectPaths, capsys: pytest.CaptureFixture
) -> None:
    paths = project_with_table
    add_cell(paths.notebooks / "state.ipynb", "open('stray.txt', 'w').write('x')")
    before = _hashes(paths)
    assert run_one(paths, "state", {}) == 1
    assert _hashes(paths) == before
    assert "notebooks/stray.txt was created" in capsys.readouterr().out


def test_a_run_that_writes_nowhere_it_should_not_passes(project_with_table: ProjectPaths) -> None:
    nb = nbformat.read(project_with_table.notebooks / "state.ipynb", as_version=4)
    assert nb.cells  # the fixture notebook as it is: writes only its figures
    assert run_one(project_with_table, "state", {}) == 0


def _results(paths: ProjectPaths, names: list[str]):
    """Results of the runs ``names``, all fine; a table changes before the first one arrives,
    as a run or a hand edit during the build would change it."""
    (paths.processed / "figures.csv").write_text(TABLE + "x,2\n", encoding="utf-8")
    for name in names:
        yield {"name": name, "is_ok": True, "seconds": 1.0, "failing_cell": "", "error": ""}


def test_a_change_during_parallel_runs_is_not_pinned_on_one_run(
    project_with_table: ProjectPaths,
) -> None:
    paths, names = project_with_table, ["first", "second", "third"]
    before = _hashes(paths)
    results = list(guarded_results(paths, _results(paths, names), names, parallel=2))
    assert [r["is_ok"] for r in results] == [False, True, True]
    assert results[0]["error"].startswith(
        "InputChangedError: data/processed/figures.csv was changed: it cannot be told whether "
        "this run, another that may have been running with it (second, third) or a hand edit "
        "made the change; this run, the first to finish after it, is failed; a run may write "
        "only into its figures_dir."
    )
    assert _hashes(paths) == before


def test_a_change_during_one_run_names_a_hand_edit_as_the_other_cause(
    project_with_table: ProjectPaths,
) -> None:
    paths = project_with_table
    (result,) = guarded_results(paths, _results(paths, ["only"]), ["only"], parallel=1)
    assert result["error"].startswith(
        "InputChangedError: data/processed/figures.csv was changed while this run ran (by this "
        "run, or by a hand edit meanwhile); a run may write only into its figures_dir."
    )
