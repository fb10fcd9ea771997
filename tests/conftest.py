"""Shared fixtures: a scratch copy of the project's inputs, so tests may break them freely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gapstudy.paths import ProjectPaths, project_paths

ROOT = Path(__file__).resolve().parent.parent


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
