from __future__ import annotations

import errno
import filecmp
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gapstudy
from gapstudy import schema, vocab
from gapstudy import tables as tables_module
from gapstudy.exceptions import InputError, OutputError, TableError
from gapstudy.paths import project_paths
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


# ---------------------------------------------------------------- all-or-nothing writes


def _table_set(paths) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(paths.processed.iterdir())}


def _beside_processed(paths) -> list[str]:
    return sorted(p.name for p in paths.data.iterdir() if p.name.startswith(".processed"))


@pytest.fixture
def written(project):
    write_tables(project)
    # Make the committed set differ from what a new write gives, so a partial write would show.
    for path in project.processed.iterdir():
        path.write_bytes(path.read_bytes() + b"\n")
    return project


def _fail_writing(monkeypatch, name: str | None) -> None:
    """A full disk when table file ``name`` (any, if ``None``) is written, however it is
    written (from a frame, or as the rows kept source by source)."""
    for function in ("_write_csv", "_write_bytes"):
        real = getattr(tables_module, function)

        def disk_full(value, path, real=real):
            if name is None or path.name == name:
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
            real(value, path)

        monkeypatch.setattr(tables_module, function, disk_full)


def test_a_write_failing_midway_leaves_the_previous_set_whole(written, monkeypatch):
    before = _table_set(written)
    _fail_writing(monkeypatch, "claims.csv")
    with pytest.raises(
        OutputError,
        match=r"processed/claims.csv: No space left on device; the "
        r"disk is full; free some space and try again; the previous tables were",
    ):
        write_tables(written)
    assert _table_set(written) == before
    assert _beside_processed(written) == []


def test_a_full_disk_ends_the_command_with_one_line_naming_the_file(written, monkeypatch, capsys):
    from gapstudy.cli import main

    before = _table_set(written)
    _fail_writing(monkeypatch, None)
    assert main(["--root", str(written.root), "tables"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "No space left on device" in err
    assert "data/processed/" in err and "Traceback" not in err
    assert _table_set(written) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_processed_folder_leaves_nothing_beside_it(written):
    os.chmod(written.processed, 0o555)
    try:
        write_tables(written)
    finally:
        os.chmod(written.processed, 0o755)
    assert _beside_processed(written) == []


def test_load_names_a_folder_where_the_table_belongs(project):
    write_tables(project)
    path = project.table_file("figures")
    path.unlink()
    path.mkdir()
    with pytest.raises(TableError, match=r"figures.csv is not a file \(a folder stands"):
        gapstudy.load("figures", project)


def test_load_refuses_a_table_holding_only_its_header(project):
    write_tables(project)
    path = project.table_file("figures")
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"figures.csv:2: the table holds its header and no rows"):
        gapstudy.load("figures", project)


def test_load_accepts_a_table_written_empty(project, monkeypatch):
    real = tables_module._build

    def no_disagreements(paths):
        made = real(paths)
        made.made("disagreements", made.frame("disagreements").iloc[0:0])
        made.keys["disagreements"] = "no rows"  # another table, another key
        return made

    monkeypatch.setattr(tables_module, "_build", no_disagreements)
    write_tables(project)
    assert gapstudy.load("disagreements", project).empty


@pytest.mark.parametrize("can_exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_write_replaces_the_whole_set(written, monkeypatch, can_exchange):
    (written.processed / "stale.csv").write_text("x\n")
    if not can_exchange:
        monkeypatch.setattr(tables_module, "exchange_folders", lambda a, b: False)
    paths = write_tables(written)
    assert sorted(_table_set(written)) == sorted(p.name for p in paths)
    assert all(not data.endswith(b"\n\n") for data in _table_set(written).values())
    assert _beside_processed(written) == []


def test_a_set_left_aside_by_an_interrupted_write_is_restored(written):
    """Killed between the two renames of the fallback swap: the old set is put back."""
    before = _table_set(written)
    os.replace(written.processed, written.data / ".processed-old-12345")
    (written.data / ".processed-new-abc").mkdir()
    tables_module._remove_leftovers(written.processed)
    assert _table_set(written) == before
    assert _beside_processed(written) == []


# ---------------------------------------------------------------- load validates


def _edit_cell(path, row: int, column: str, value: str) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(path, index=False, lineterminator="\n")


def _shift_span(path, row: int) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in ("char_start", "char_end"):
        frame.loc[row, column] = str(int(frame.loc[row, column]) + 1)
    frame.to_csv(path, index=False, lineterminator="\n")


# A bad value in a written table: (table, the edit, what the refusal says).
BAD_EDITS = [
    ("figures", ("line", "six"), r"figures.csv: column 'line', row 3 \(line 4\): 'six' is not"),
    ("claims", ("char_start", "-5"), r"claims.csv: row 3 .*'char_start'.*\[-5,"),
    ("mentions", ("char_end", "999999"), r"mentions.csv: row 3 .*lies outside"),
    ("figures", "shift", r"figures.csv: row 3 \(line 4\): column 'text': .* reads "),
    ("claims", ("quote", "words never said"), r"claims.csv: row 3 .*'quote'"),
    ("figures", ("line", "1"), r"figures.csv: row 3 .*column 'line': 1 but the span is on"),
    ("figures", ("unit", "furlongs"), r"figures.csv: column 'unit', row 3 .*'furlongs'"),
    ("figures", ("source_id", "no-such-source"), r"figures.csv: row 3 .*no raw text"),
    ("segments", ("char_start", "-1"), r"segments.csv: row 3 .*outside"),
    ("claims", ("is_reader_comment", "maybe"), r"'is_reader_comment', row 3 .*not a boolean"),
    ("figures", ("value", "12x"), r"column 'value', row 3 \(line 4\): '12x' is not a number"),
    ("voices", ("stance", "maybe"), r"voices.csv: column 'stance', row 3 .*'maybe'"),
]


@pytest.mark.parametrize("loaded_before", [False, True])
@pytest.mark.parametrize(("table", "edit", "message"), BAD_EDITS)
def test_load_names_file_column_and_row_of_a_bad_value(
    project, table, edit, message, loaded_before
):
    """Also after the table was loaded (and so trusted) once: a hand edit since is refused."""
    write_tables(project)
    if loaded_before:
        gapstudy.load(table, project)
    path = project.table_file(table)
    if edit == "shift":
        _shift_span(path, 2)
    else:
        _edit_cell(path, 2, *edit)
    with pytest.raises(TableError, match=message):
        gapstudy.load(table, project)


def test_load_refuses_missing_or_extra_columns(project):
    write_tables(project)
    path = project.table_file("voices")
    frame = pd.read_csv(path)
    frame.drop(columns=["stance"]).assign(mood="x").to_csv(path, index=False)
    with pytest.raises(TableError, match=r"voices.csv: columns .*missing \['stance'\].*'mood'"):
        gapstudy.load("voices", project)


def test_load_finds_a_raw_text_named_other_than_its_source_id(project):
    """sources.yaml may name any file in data/raw: load() checks spans against that file."""
    (project.raw / "undated-narrowing.txt").rename(project.raw / "narrowing-article.txt")
    text = project.sources_file.read_text(encoding="utf-8")
    project.sources_file.write_text(
        text.replace("file: undated-narrowing.txt", "file: narrowing-article.txt"),
        encoding="utf-8",
    )
    write_tables(project)
    figures = gapstudy.load("figures", project)
    assert (figures["source_id"] == "undated-narrowing").any()


# ------------------------------------------------------- load trusts what it validated before


def _counting_validation(monkeypatch) -> list[str]:
    """The tables ``load`` validates from now on (schema and spans), by name."""
    validated: list[str] = []
    real = tables_module._validated

    def counting(table, frame, path=None):
        if path is not None:
            validated.append(table.name)
        return real(table, frame, path)

    monkeypatch.setattr(tables_module, "_validated", counting)
    return validated


def test_a_table_validated_once_is_read_again_without_validation_and_is_the_same(
    project, monkeypatch
):
    write_tables(project)
    first = {name: gapstudy.load(name, project) for name in schema.TABLES}
    validated = _counting_validation(monkeypatch)
    again = {name: gapstudy.load(name, project) for name in schema.TABLES}
    assert validated == []
    for name, frame in first.items():
        pd.testing.assert_frame_equal(again[name], frame, check_exact=True)


def test_tables_stale_against_a_raw_text_changed_after_they_were_validated_are_refused(project):
    """A raw text changed in place (same size, same modification time) after the tables were
    validated: its spans no longer give their words, and the next load says so."""
    write_tables(project)
    figures = gapstudy.load("figures", project)
    row = figures.iloc[0]
    raw = project.raw / f"{row.source_id}.txt"
    before = raw.stat()
    data = bytearray(raw.read_bytes())
    at = len(bytes(data).decode("utf-8")[: row.char_start].encode("utf-8"))
    data[at] = ord("Z") if data[at] != ord("Z") else ord("Y")
    raw.write_bytes(bytes(data))
    os.utime(raw, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(TableError, match=r"figures.csv: row 1 .*column 'text'"):
        gapstudy.load("figures", project)


@pytest.mark.parametrize(
    ("copy_changed", "original_gone"), [(False, False), (False, True), (True, False)]
)
def test_a_copied_project_checks_its_own_raw_texts_against_the_records(
    project, tmp_path_factory, monkeypatch, copy_changed, original_gone
):
    """The records name the raw texts from the project's root: a copy (its scratch folder
    with it) trusts them once its own texts hold the same bytes, whether the original is
    still there or not, and does not when one of its own texts changed."""
    write_tables(project)
    row = gapstudy.load("figures", project).iloc[0]
    elsewhere = tmp_path_factory.mktemp("copy") / "elsewhere"
    copy = project_paths(shutil.copytree(project.root, elsewhere))
    if original_gone:
        shutil.rmtree(project.root)
    if copy_changed:
        raw = copy.raw / f"{row.source_id}.txt"
        data = bytearray(raw.read_bytes())
        at = len(bytes(data).decode("utf-8")[: row.char_start].encode("utf-8"))
        data[at] = ord("Z") if data[at] != ord("Z") else ord("Y")
        raw.write_bytes(bytes(data))
    validated = _counting_validation(monkeypatch)
    if copy_changed:
        with pytest.raises(TableError, match=r"figures.csv: row 1 .*column 'text'"):
            gapstudy.load("figures", copy)
        assert validated == ["figures"]
        gapstudy.load("figures", project)  # the original, unchanged, is still trusted
        assert validated == ["figures"]
    else:
        assert gapstudy.load("figures", copy)["figure_id"].iloc[0] == row.figure_id
        assert validated == []


def test_a_record_of_other_code_or_a_damaged_record_is_not_trusted(project, monkeypatch):
    write_tables(project)
    gapstudy.load("claims", project)
    validated = _counting_validation(monkeypatch)
    monkeypatch.setattr(tables_module, "_code_key", lambda: "other code")
    gapstudy.load("claims", project)
    assert validated == ["claims"]
    record = project.scratch / "loaded" / "claims.pickle"
    record.write_bytes(b"not a record")
    gapstudy.load("claims", project)
    gapstudy.load("claims", project)
    assert validated == ["claims", "claims"]


def test_a_new_sources_table_validates_the_tables_with_spans_again(project, monkeypatch):
    """The sources table names each source's raw file: when it changes, spans are checked
    against the files it names now."""
    write_tables(project)
    gapstudy.load("claims", project)
    validated = _counting_validation(monkeypatch)
    path = project.table_file("sources")
    path.write_bytes(path.read_bytes())
    gapstudy.load("claims", project)
    assert validated == []
    _edit_cell(path, 0, "title", "Another title")
    gapstudy.load("claims", project)
    assert validated == ["claims"]


# ------------------------------------------------------------------ the data package


def _frictionless_report(descriptor: Path):
    import frictionless

    return frictionless.validate(str(descriptor))


def test_committed_data_package_is_valid_for_frictionless_itself(repo_paths):
    report = _frictionless_report(repo_paths.datapackage_file)
    assert report.valid, report.flatten(["title", "message"])[:10]
    package = json.loads(repo_paths.datapackage_file.read_text(encoding="utf-8"))
    assert len(report.tasks) == len(package["resources"])
    assert package["licenses"] and package["contributors"]


def test_frictionless_catches_a_row_pointing_at_no_source(repo_paths, tmp_path: Path):
    """The check above is real: a figure row whose source is not in the sources table fails."""
    copy = tmp_path / "processed"
    shutil.copytree(repo_paths.processed, copy)
    figures = (copy / "figures.csv").read_text(encoding="utf-8").split("\n")
    header, first = figures[0].split(","), figures[1].split(",")
    first[header.index("source_id")] = "no-such-source"
    figures[1] = ",".join(first)
    (copy / "figures.csv").write_text("\n".join(figures), encoding="utf-8")
    report = _frictionless_report(copy / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}


def test_data_package_names_each_source_and_its_publisher(repo_paths):
    package = json.loads(repo_paths.datapackage_file.read_text(encoding="utf-8"))
    sources = pd.read_csv(repo_paths.table_file("sources"), dtype=str, keep_default_na=False)
    assert len(package["sources"]) == len(sources)
    for entry, row in zip(package["sources"], sources.itertuples(), strict=True):
        assert f"data/raw/{row.file}" in entry["title"]
        named = [n for n in (row.outlet, row.original_outlet) if n]
        assert all(n in entry["title"] for n in named) if named else "not named" in entry["title"]


def test_rows_by_id_gives_every_value_of_the_row_with_that_id(repo_paths):
    """Every column of every row of the real claims and figures tables (strings, whole
    numbers with gaps, floats, booleans, missing values), by id: made a table again with the
    declared types, the rows give the same table."""
    built = build_tables(repo_paths)
    for name, id_column in (("claims", "claim_id"), ("figures", "figure_id")):
        frame = built[name]
        rows = schema.rows_by_id(frame, id_column, tuple(frame.columns))
        assert list(rows) == list(frame[id_column])
        assert all(row[id_column] == key for key, row in rows.items())
        again = pd.DataFrame(list(rows.values()), columns=frame.columns)
        pd.testing.assert_frame_equal(again.astype(schema.TABLES[name].dtypes), frame)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="ab\n\r\u2028é", max_size=60))
def test_read_raw_finds_every_line_start(tmp_path_factory, text: str):
    """The line starts of a raw text: 0 and the position after every newline (``\\n`` only, as
    the spans' lines are counted), the same as stepping through every character."""
    raw = tmp_path_factory.mktemp("raw")
    (raw / "t.txt").write_bytes(text.encode("utf-8"))

    class _Paths:
        @staticmethod
        def raw_file(name: str) -> Path:
            return raw / name

    read = tables_module._read_raw(_Paths(), "t.txt")
    assert read == (text, [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")])


# --- Rows kept source by source ----------------------------------------------------------------


def _table_bytes(paths) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(paths.processed.iterdir())}


def test_each_table_made_source_by_source_is_what_one_frame_of_all_its_rows_gives(project):
    """The header and every source's block, in order, are byte for byte the CSV of the whole
    table made at once (as the tables were written before they were kept source by source)."""
    from gapstudy.check import validate

    write_tables(project)
    corpus = validate(project)
    for name, build in tables_module._BUILDERS.items():
        table = schema.TABLES[name]
        whole = tables_module._validated(table, tables_module._typed(table, build(corpus)))
        expected = tables_module._csv_text(whole).encode("utf-8")
        assert project.table_file(name).read_bytes() == expected, name


def _made_blocks(monkeypatch) -> list[list[str]]:
    """The sources whose blocks each run makes (not reads back)."""
    calls: list[list[str]] = []
    real = tables_module._make_blocks
    monkeypatch.setattr(
        tables_module, "_make_blocks", lambda corpus, sids: calls.append(sids) or real(corpus, sids)
    )
    return calls


def test_after_an_edit_only_that_sources_rows_are_made_and_the_weighing_is_kept(
    project, monkeypatch
):
    write_tables(project)
    before = _table_bytes(project)
    calls = _made_blocks(monkeypatch)
    made: list[str] = []
    real_validated = tables_module._validated
    monkeypatch.setattr(
        tables_module,
        "_validated",
        lambda table, *a: made.append(table.name) or real_validated(table, *a),
    )
    write_tables(project)
    assert calls == [] and made == []
    path = next(
        p
        for p in sorted(project.annotations.glob("*.yaml"))
        if "\n        metric: " in p.read_text(encoding="utf-8")
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n        metric: ", "\n        metric: edited ", 1), "utf-8")
    write_tables(project)
    assert calls == [[path.stem]]
    # A metric: not read by the weighing, the disagreements or the reference checks.
    assert "figures" in made
    assert not {"robustness", "disagreements", "reference_checks"} & set(made)
    warm = _table_bytes(project)
    assert warm["figures.csv"] != before["figures.csv"]
    assert warm["robustness.csv"] == before["robustness.csv"]
    shutil.rmtree(project.scratch)
    write_tables(project)
    assert _table_bytes(project) == warm


def test_sources_added_or_removed_give_what_a_cold_run_gives(tmp_path, monkeypatch):
    """Copies of the texts added under new ids, then removed again: the new sources' blocks
    are made, the removed ones' dropped, and every table byte equals that of a run with
    nothing stored. (The copies bring facts of their own, and every source's checks read the
    set of fact ids, so the other sources' blocks are made again too.)"""
    import yaml

    from benchmarks.synthetic import make_corpus
    from gapstudy.paths import project_paths
    from tests.conftest import INPUT_PARTS, copy_parts

    paths = project_paths(copy_parts(tmp_path, INPUT_PARTS))
    real = [s["source_id"] for s in yaml.safe_load(paths.sources_file.read_text())["sources"]]
    originals = {p: p.read_bytes() for p in [paths.sources_file, *paths.annotations.glob("*")]}
    write_tables(paths)
    five = _table_bytes(paths)
    calls = _made_blocks(monkeypatch)
    make_corpus(tmp_path, 2 * len(real))
    write_tables(paths)
    added = [sid for sids in calls for sid in sids]
    assert {f"{sid}-x0001" for sid in real} <= set(added)
    warm = _table_bytes(paths)
    shutil.rmtree(paths.scratch)
    write_tables(paths)
    assert _table_bytes(paths) == warm != five
    # Back to the real sources: the copies' blocks are dropped.
    for path in [*paths.annotations.glob("*-x0001.yaml"), *paths.raw.glob("*-x0001.txt")]:
        path.unlink()
    for path, data in originals.items():
        path.write_bytes(data)
    write_tables(paths)
    assert _table_bytes(paths) == five
    for kept in ("blocks", "rows"):
        folder = paths.scratch / "tables" / kept
        assert sorted(p.stem for p in folder.glob("*.pickle")) == sorted(real)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet='a,"\n\r é', max_size=12), max_size=8))
def test_csv_records_are_the_rows_as_written(values: list[str]):
    frame = pd.DataFrame({"n": range(len(values)), "text": values}).astype(
        {"n": "Int64", "text": "string"}
    )
    text = tables_module._csv_text(frame, header=False)
    records = tables_module._csv_records(text)
    assert len(records) == len(values)
    assert "".join(records) == text
    for n, record in enumerate(records):
        one = tables_module._csv_text(frame.iloc[n : n + 1], header=False)
        assert record == one


def test_each_table_made_across_sources_is_the_same_from_its_views_as_from_whole_tables(
    project,
):
    """A table made across sources is handed views (some columns, or some rows) of the tables
    it reads, and kept while those views are unchanged: made from the whole tables instead,
    it is the same table."""
    from gapstudy.check import validate

    made = tables_module._build(project)
    for name, reads, _, make in tables_module._cross_source_steps(validate(project), project):
        from_views = make(*(made.inputs(view) for view in reads))
        whole = make(*(made.frame(view.split(":")[0]) for view in reads))
        pd.testing.assert_frame_equal(from_views, whole, obj=name)
        validated = tables_module._validated(schema.TABLES[name], from_views)
        pd.testing.assert_frame_equal(validated, made.frame(name), obj=name)


def test_the_measures_view_holds_what_placing_a_chained_year_reads():
    # facts.period_anchors places no year, silently, when one of these columns is missing.
    assert {"figure_id", "claim_id", "char_start", "period"} <= set(
        tables_module._VIEWS["figures:measured"][1]
    )
