"""Runs whose parameters select nothing to draw are refused before any notebook starts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gapstudy import build, facts, runner, vocab
from gapstudy.exceptions import ParameterError
from gapstudy.paths import project_paths
from gapstudy.runlist import read_runs
from gapstudy.selection import check_selection
from gapstudy.tables import load

ROOT = Path(__file__).resolve().parent.parent


def test_every_run_of_the_run_list_has_something_to_draw(repo_paths):
    for run in read_runs(repo_paths):
        check_selection(run.name, run.notebook_path(repo_paths), run.parameters, repo_paths)


def _dimension_without_figures(paths) -> dict:
    """A source and a dimension on which that source cites no figure, from the tables."""
    figures = load("figures", paths)
    cited = set(zip(figures["source_id"], figures["dimension"], strict=True))
    for source in load("sources", paths)["source_id"]:
        for dimension in vocab.DIMENSIONS:
            if (source, dimension) not in cited:
                return {"dimension": dimension, "sources": [source]}
    raise AssertionError("every source cites a figure on every dimension")


def _source_without_facts(paths) -> str:
    """A source none of whose figures reports a fact, from the tables."""
    figures = load("figures", paths)
    with_facts = set(figures.loc[figures["fact_id"].notna(), "source_id"])
    return next(s for s in load("sources", paths)["source_id"] if s not in with_facts)


def _source_without_benchmark_leads(paths) -> str:
    """A source that gives no US:China benchmark lead, from the tables."""
    figures, sources = load("figures", paths), load("sources", paths)
    leads = set(facts.benchmark_gap_points(figures, sources)["source_id"])
    return next(s for s in sources["source_id"] if s not in leads)


@pytest.mark.parametrize(
    ("notebook", "parameters", "parameter", "message"),
    [
        ("06_dimension", "no figures", "dimension", "selects no figure on the chosen"),
        ("06_dimension", {"dimension": "chips"}, "dimension", "is not in the vocabulary"),
        ("03_benchmark_gap", "no leads", "sources", "selects no US:China benchmark lead"),
        ("02_gap_by_dimension", {"as_of": "2020-01-01"}, "as_of", "leaves no source to read"),
        ("01_corpus", {"sources": ["no-such-source"]}, "sources", "unknown source id"),
        ("05_agreement", {"as_of": "31 January"}, "as_of", "not an ISO date"),
        ("05_agreement", "no facts", "sources", "selects no figure of a fact"),
    ],
)
def test_a_selection_with_nothing_to_draw_is_refused_naming_run_and_parameter(
    repo_paths, notebook, parameters, parameter, message
):
    path = repo_paths.notebooks / f"{notebook}.ipynb"
    if parameters == "no figures":
        parameters = _dimension_without_figures(repo_paths)
    if parameters == "no facts":
        parameters = {"sources": [_source_without_facts(repo_paths)]}
    if parameters == "no leads":
        parameters = {"sources": [_source_without_benchmark_leads(repo_paths)]}
    with pytest.raises(ParameterError) as err:
        check_selection("the-run", path, parameters, repo_paths)
    text = str(err.value)
    assert text.startswith("run 'the-run': parameter ")
    assert f"parameter {parameter!r}" in text and message in text


def test_the_build_refuses_an_empty_run_before_any_kernel_starts(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    paths = project_paths(tmp_path)
    empty = _dimension_without_figures(paths)
    (tmp_path / "notebooks" / "runs.yaml").write_text(
        "runs:\n"
        "  - {name: corpus, notebook: 01_corpus.ipynb}\n"
        "  - {name: dimension-empty, notebook: 06_dimension.ipynb,"
        f" parameters: {{dimension: {empty['dimension']}, sources: {empty['sources']}}}}}\n",
        encoding="utf-8",
    )
    started = []
    monkeypatch.setattr(runner, "execute_run", lambda task: started.append(task))
    with pytest.raises(ParameterError, match="run 'dimension-empty': parameter 'dimension'"):
        build.run_build(paths, jobs=1, with_tables=False, with_render=False)
    assert started == []
    assert not paths.executed.exists()
