"""Golden outputs: a forced build from the raw data, in a scratch copy of the project, gives
exactly the committed tables, figures (bytes), provenance, executed notebooks and report."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from gapstudy.build import run_build
from gapstudy.paths import ROOT_ENV_VAR, project_paths

ROOT = Path(__file__).resolve().parent.parent
INPUTS = (
    "data/raw",
    "data/annotations",
    "data/sources.yaml",
    "data/entities.yaml",
    "notebooks",
    "gapstudy",
)
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
    for name in INPUTS:
        source, target = ROOT / name, root / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
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
    figures = _digests(fresh_build)
    pngs = {k[: -len(".png")] for k in figures if k.endswith(".png")}
    svgs = {k[: -len(".svg")] for k in figures if k.endswith(".svg")}
    assert pngs and pngs == svgs
