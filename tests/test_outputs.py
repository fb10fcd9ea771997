"""Golden outputs: a forced build from the raw data, in a scratch copy of the project, gives
exactly the committed tables, figures (bytes), provenance, executed notebooks and report."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import INPUT_PARTS, copy_parts

from gapstudy.build import run_build
from gapstudy.paths import ROOT_ENV_VAR, project_paths

ROOT = Path(__file__).resolve().parent.parent
INPUTS = (*INPUT_PARTS, "CITATION.cff", "notebooks", "gapstudy")
OUTPUTS = ("data/processed", "figures", "reports/notebooks", "reports/html")


def _digests(root: Path) -> dict[str, str]:
    found = {}
    for folder in OUTPUTS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                found[path.relative_to(root).as_posix()] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return found


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fresh")
    copy_parts(root, INPUTS)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ROOT_ENV_VAR, str(root))
        assert run_build(project_paths(root), jobs=2, force=True) == 0
    return root


def test_a_fresh_build_reproduces_every_committed_output(fresh_build: Path) -> None:
    fresh, committed = _digests(fresh_build), _digests(ROOT)
    missing = sorted(set(committed) - set(fresh))
    extra = sorted(set(fresh) - set(committed))
    changed = sorted(k for k in set(fresh) & set(committed) if fresh[k] != committed[k])
    assert not missing, f"committed but not built: {missing}"
    assert not extra, f"built but not committed: {extra}"
    assert not changed, f"bytes differ from the committed outputs (run `make build`): {changed}"


def test_figure_files_exist_in_both_formats(fresh_build: Path) -> None:
    """Every figure as PNG and SVG; its phone copy (PNG only) beside a figure that has both."""
    from gapstudy.paths import NARROW_FIGURE_SUFFIX

    figures = _digests(fresh_build)
    narrow = {k[: -len(NARROW_FIGURE_SUFFIX)] for k in figures if k.endswith(NARROW_FIGURE_SUFFIX)}
    pngs = {
        k[: -len(".png")]
        for k in figures
        if k.endswith(".png") and not k.endswith(NARROW_FIGURE_SUFFIX)
    }
    svgs = {k[: -len(".svg")] for k in figures if k.endswith(".svg")}
    assert pngs and pngs == svgs
    assert narrow and narrow <= pngs


EXECUTED = sorted((ROOT / "reports" / "notebooks").glob("*.ipynb"))


def _injected_figures_dir(path: Path) -> object:
    import ast

    import nbformat

    nb = nbformat.read(path, as_version=4)
    (cell,) = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    values = [
        node.value.value
        for node in ast.parse(cell.source).body
        if isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["figures_dir"]
    ]
    return values


@pytest.mark.parametrize("path", EXECUTED, ids=lambda p: p.stem)
def test_executed_notebooks_run_again_write_their_figures_to_scratch(path: Path) -> None:
    assert _injected_figures_dir(path) == [""]


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(root).parts
    }


@pytest.mark.slow
def test_nbval_in_place_leaves_the_project_as_it_found_it(tmp_path: Path) -> None:
    """nbval re-runs an executed notebook where it lies, in a copy of the project: every file
    outside the scratch folder is the same afterwards, and none is added."""
    import os
    import subprocess
    import sys

    project = tmp_path / "project"
    copy_parts(project, ("data", "notebooks", "figures", "reports/notebooks"))
    before = _tree(project)
    env = {k: v for k, v in os.environ.items() if k != ROOT_ENV_VAR}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
         f"reports/notebooks/{EXECUTED[0].name}",
         "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg")],
        cwd=project, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
    assert _tree(project) == before
