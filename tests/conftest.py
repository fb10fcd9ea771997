"""Shared fixtures: a scratch copy of the project's inputs, so tests may break them freely."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from gapstudy.paths import ProjectPaths, project_paths

ROOT = Path(__file__).resolve().parent.parent
# The inputs of the project: what a scratch copy needs to check, tabulate and build.
INPUT_PARTS = (
    "data/raw",
    "data/annotations",
    "data/sources.yaml",
    "data/entities.yaml",
    "data/layers.yaml",
)


def copy_parts(destination: Path, parts: Iterable[str]) -> Path:
    """Copy each named file or folder of the project (relative to its root) under
    ``destination``, keeping its relative path; caches of compiled code are left out."""
    for name in parts:
        source, target = ROOT / name, destination / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


@pytest.fixture(autouse=True)
def _start_in_the_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in the project root and leaves the working folder as it found it.

    The project is found from the working folder, and runs executed on threads of one process
    (papermill moves into each run's folder, process-wide) can leave another run's folder
    behind: without this, one such test decides where every later test looks for the project.
    """
    monkeypatch.chdir(ROOT)


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    """A copy of data/ (raw texts, sources.yaml, annotations) under a temporary root."""
    return project_paths(copy_parts(tmp_path, INPUT_PARTS))


@pytest.fixture
def repo_paths() -> ProjectPaths:
    """The real project."""
    return project_paths(ROOT)
