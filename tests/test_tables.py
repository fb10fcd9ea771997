from __future__ import annotations

import filecmp
import json

import pandas as pd
import pytest

import gapstudy
from gapstudy import schema, vocab
from gapstudy.exceptions import InputError, TableError
from gapstudy.tables import build_tables, write_tables


def test_committed_tables_are_exactly_what_the_tables_stage_writes_now(project, repo_paths):
    written = write_tables(project)
    for path in written:
        committed = repo_paths.processed / path.name
        assert committed.exists(), f"{committed} is not committed"
        assert filecmp.cmp(path, committed, shallow=False), f"{path.name} differs: run `make build`"
    expected = {p.name for p in written}
    assert {p.name for p in repo_paths.processed.iterdir()} == expected


@pytest.mark.parametrize("name", list(schema.TABLES))
def test_load_returns_declared_dtypes(name, repo_paths):
    frame = gapstudy.load(name, repo_paths)
    assert list(frame.columns) == schema.TABLES[name].column_names
    assert {c: str(t) for c, t in frame.dtypes.items()} == schema.TABLES[name].dtypes


def test_load_round_trips_what_build_tables_made(project):
    tables = build_tables(project)
    write_tables(project)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(gapstudy.load(name, project), frame)


def test_every_figure_row_is_its_exact_words_in_its_source(repo_paths):
    figures = gapstudy.load("figures", repo_paths)
    texts = {
        sid: (repo_paths.raw / f"{sid}.txt").read_text(encoding="utf-8")
        for sid in figures.source_id.unique()
    }
    for row in figures.itertuples():
        assert texts[row.source_id][row.char_start : row.char_end] == row.text, row.figure_id


def test_datapackage_declares_every_table_and_column(repo_paths):
    package = json.loads(repo_paths.datapackage_file.read_text())
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(schema.TABLES)
    for name, table in schema.TABLES.items():
        fields = [f["name"] for f in resources[name]["schema"]["fields"]]
        assert fields == table.column_names


def test_a_failed_run_leaves_the_last_good_tables_untouched(project):
    write_tables(project)
    before = {p.name: p.read_bytes() for p in project.processed.iterdir()}
    broken = project.annotation_file("ithome-zheng-2026")
    broken.write_text(broken.read_text().replace("dimension: ", "dimension: not-a-dimension-", 1))
    with pytest.raises(InputError):
        write_tables(project)
    assert {p.name: p.read_bytes() for p in project.processed.iterdir()} == before


def test_unknown_table_and_missing_file_are_explained(project):
    with pytest.raises(TableError, match="no table named 'figurez'"):
        gapstudy.load("figurez", project)
    with pytest.raises(TableError, match="run `gapstudy tables`"):
        gapstudy.load("figures", project)


def test_a_table_breaking_its_schema_is_refused(project):
    write_tables(project)
    path = project.table_file("claims")
    frame = pd.read_csv(path)
    frame.loc[0, "stance"] = "hopeful"
    frame.to_csv(path, index=False)
    with pytest.raises(TableError, match="hopeful"):
        gapstudy.load("claims", project)


def test_figures_carry_the_unit_as_meant_beside_the_unit_as_written(project):
    figures = build_tables(project)["figures"]
    reinterpreted = figures[figures["unit"] != figures["unit_as_written"]]
    assert len(reinterpreted) > 0
    pairs = set(zip(reinterpreted["unit_as_written"], reinterpreted["unit"], strict=True))
    assert pairs <= set(vocab.UNIT_REINTERPRETATIONS)
    assert reinterpreted["interpretation_note"].notna().all()
    assert reinterpreted["text"].str.endswith("%").all()


def test_disagreements_and_reference_checks_trace_to_claims_and_figures(project):
    tables = build_tables(project)
    disagreements, checks = tables["disagreements"], tables["reference_checks"]
    assert set(disagreements["claim_id"]) <= set(tables["claims"]["claim_id"])
    assert (disagreements.groupby("disagreement_id")["source_id"].nunique() >= 2).all()
    assert set(checks["figure_id"]) <= set(tables["figures"]["figure_id"])
    assert set(checks["status"]) <= set(vocab.REFERENCE_STATUSES)
