"""Tests for gapstudy.paths: finding the project root."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapstudy.exceptions import ProjectNotFoundError
from gapstudy.paths import ROOT_ENV_VAR, ProjectPaths, find_root


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``tmp/project`` holding ``data/sources.yaml``, with a deep subfolder, and ``tmp/other``."""
    (tmp_path / "project" / "data").mkdir(parents=True)
    (tmp_path / "project" / "data" / "sources.yaml").write_text("sources: []\n")
    (tmp_path / "project" / "notebooks" / "deep").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    return tmp_path.resolve()


@pytest.mark.parametrize(
    "start", ["project", "project/data", "project/notebooks", "project/notebooks/deep"]
)
def test_root_is_found_by_walking_up(
    tree: Path, start: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ROOT_ENV_VAR, raising=False)
    assert find_root(tree / start) == tree / "project"
    monkeypatch.chdir(tree / start)
    assert find_root() == tree / "project"


def test_outside_a_project_the_error_says_where_it_looked(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ROOT_ENV_VAR, raising=False)
    with pytest.raises(ProjectNotFoundError, match="not inside a gapstudy project") as err:
        find_root(tree / "other")
    assert str(tree / "other") in str(err.value)
    assert ROOT_ENV_VAR in str(err.value)


def test_environment_variable_wins_over_the_current_directory(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ROOT_ENV_VAR, str(tree / "project"))
    assert find_root(tree / "other") == tree / "project"


def test_environment_variable_naming_no_project_is_refused(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ROOT_ENV_VAR, str(tree / "other"))
    with pytest.raises(ProjectNotFoundError, match=f"{ROOT_ENV_VAR}=.* is not a gapstudy project"):
        find_root()


@pytest.mark.parametrize("source_id", ["hk-agi-next-2026", "a", "copy-x0001"])
def test_an_annotation_file_name_is_its_path_as_a_string(tmp_path, source_id):
    paths = ProjectPaths(tmp_path)
    assert paths.annotation_file_name(source_id) == str(paths.annotation_file(source_id))
