"""Shared fixtures: a scratch copy of the project's inputs, so tests may break them freely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gapstudy.paths import ProjectPaths, project_paths

ROOT = Path(__file__).resolve().parent.parent


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
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    shutil.copytree(ROOT / "data" / "annotations", tmp_path / "data" / "annotations")
    shutil.copy(ROOT / "data" / "sources.yaml", tmp_path / "data" / "sources.yaml")
    shutil.copy(ROOT / "data" / "entities.yaml", tmp_path / "data" / "entities.yaml")
    shutil.copy(ROOT / "data" / "layers.yaml", tmp_path / "data" / "layers.yaml")
    return project_paths(tmp_path)


@pytest.fixture
def repo_paths() -> ProjectPaths:
    """The real project."""
    return project_paths(ROOT)
