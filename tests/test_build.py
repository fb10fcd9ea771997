"""The build: run list, parameter checks, incremental and atomic runs, determinism."""

from __future__ import annotations

import json
import re
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from gapstudy import build, provenance, runner
from gapstudy.build import run_build
from gapstudy.exceptions import InputError, ParameterError
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.provenance import make_run_record, read_state
from gapstudy.runlist import Run, check_parameters, read_runs
from gapstudy.runner import Inputs, explain_staleness

FIXTURES = Path(__file__).parent / "fixtures" / "build"
RUNS = """\
runs:
  - name: state
    notebook: state.ipynb
    parameters: {label: hi}
  - name: plot-{scale}
    notebook: plot.ipynb
    sweep:
      scale: [1.0, 2.0]
"""


def make_project(root: Path, runs: str = RUNS) -> ProjectPaths:
    (root / "notebooks").mkdir(parents=True)
    for notebook in FIXTURES.glob("*.ipynb"):
        shutil.copy(notebook, root / "notebooks" / notebook.name)
    (root / "notebooks" / "runs.yaml").write_text(runs, encoding="utf-8")
    return project_paths(root)


def build_quietly(paths: ProjectPaths, **options) -> int:
    return run_build(paths, jobs=1, with_tables=False, with_render=False, **options)


@pytest.fixture
def executed_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the runs actually executed, in order."""
    names: list[str] = []
    real = runner.execute_run

    def spy(task: dict) -> dict:
        names.append(task["name"])
        return real(task)

    monkeypatch.setattr(runner, "execute_run", spy)
    return names


@pytest.fixture
def built(tmp_path: Path) -> ProjectPaths:
    paths = make_project(tmp_path / "project")
    assert build_quietly(paths) == 0
    return paths


def output_bytes(paths: ProjectPaths) -> dict[str, bytes]:
    files = [*paths.figures.rglob("*"), *paths.executed.rglob("*")]
    return {str(p.relative_to(paths.root)): p.read_bytes() for p in sorted(files) if p.is_file()}


def add_cell(notebook: Path, source: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(source, id="added"))
    nbformat.write(nb, notebook)


# ---------------------------------------------------------------- the run list


@pytest.mark.parametrize(
    ("runs_yaml", "expected"),
    [
        (
            "runs:\n  - {name: a, notebook: state.ipynb}\n",
            [Run("a", "state.ipynb", {})],
        ),
        (
            "runs:\n  - name: p-{scale}-{title}\n    notebook: plot.ipynb\n"
            "    parameters: {title: t}\n    sweep: {scale: [1, 2], title: [x]}\n",
            [
                Run("p-1-x", "plot.ipynb", {"title": "x", "scale": 1}),
                Run("p-2-x", "plot.ipynb", {"title": "x", "scale": 2}),
            ],
        ),
    ],
)
def test_read_runs_expands_sweeps(tmp_path: Path, runs_yaml: str, expected: list[Run]) -> None:
    assert read_runs(make_project(tmp_path, runs_yaml)) == expected


@pytest.mark.parametrize(
    ("runs_yaml", "message"),
    [
        (
            "runs:\n  - {name: a, notebook: state.ipynb}\n  - {name: a, notebook: x.ipynb}\n",
            "twice",
        ),
        ("runs:\n  - {name: a, notebook: missing.ipynb}\n", "not found"),
        ("runs:\n  - {name: 'a b', notebook: state.ipynb}\n", "must match"),
        ("runs:\n  - {name: a, notebook: state.ipynb, parameters: {figures_dir: x}}\n", "sets"),
        ("runs:\n  - {name: 'a-{b}', notebook: state.ipynb, sweep: {c: [1]}}\n", "cannot format"),
        ("runs:\n  - {name: a, notebook: state.ipynb, typo: 1}\n", "unknown key"),
        ("runs: {}\n", "top-level"),
    ],
)
def test_read_runs_refuses_bad_run_lists(tmp_path: Path, runs_yaml: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_runs(make_project(tmp_path, runs_yaml))


# ---------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    ("notebook", "parameters", "error"),
    [
        ("state", {"label": "x", "repeat": 3}, None),
        ("plot", {"scale": 2}, None),  # an int is a fine float
        ("state", {"lable": "x"}, "no parameter 'lable'"),
        ("state", {"repeat": "3"}, "parameter 'repeat' .* declared int"),
        ("state", {"repeat": True}, "parameter 'repeat'"),
        ("state", {"repeat": 2.5}, "parameter 'repeat'"),
        ("plot", {"title": None}, "parameter 'title'"),
        ("style", {"linewidth": [1]}, "parameter 'linewidth'"),
    ],
)
def test_check_parameters(notebook: str, parameters: dict, error: str | None) -> None:
    path = FIXTURES / f"{notebook}.ipynb"
    if error is None:
        check_parameters("r", path, parameters)
    else:
        with pytest.raises(ParameterError, match=error):
            check_parameters("r", path, parameters)


@pytest.mark.parametrize(
    "parameters", ["{label: hi, typo: 1}", "{repeat: three}"], ids=["unknown", "wrong-type"]
)
def test_bad_parameter_is_refused_before_any_execution(
    tmp_path: Path, executed_runs: list[str], parameters: str
) -> None:
    runs = (
        "runs:\n  - {name: plot, notebook: plot.ipynb}\n"
        f"  - {{name: state, notebook: state.ipynb, parameters: {parameters}}}\n"
    )
    paths = make_project(tmp_path, runs)
    with pytest.raises(ParameterError, match="run 'state'"):
        build_quietly(paths)
    assert executed_runs == []
    assert not paths.executed.exists()


# ---------------------------------------------------------------- incremental


def test_second_build_is_a_no_op_and_says_why(
    built: ProjectPaths, executed_runs: list[str], capsys: pytest.CaptureFixture
) -> None:
    capsys.readouterr()
    assert build_quietly(built, explain=True) == 0
    assert executed_runs == []
    out = capsys.readouterr().out
    for name in ("state", "plot-1.0", "plot-2.0"):
        assert re.search(rf"^{re.escape(name)}\s+skip\s+up to date$", out, re.MULTILINE)


def test_changing_one_notebook_redoes_only_its_runs(
    built: ProjectPaths, executed_runs: list[str], capsys: pytest.CaptureFixture
) -> None:
    before = output_bytes(built)
    add_cell(built.notebooks / "plot.ipynb", "print('one more cell')")
    capsys.readouterr()
    assert build_quietly(built, explain=True) == 0
    assert sorted(executed_runs) == ["plot-1.0", "plot-2.0"]
    assert "redo   notebook plot.ipynb changed" in capsys.readouterr().out
    after = output_bytes(built)
    assert after["reports/notebooks/state.ipynb"] == before["reports/notebooks/state.ipynb"]
    assert after["reports/notebooks/plot-1.0.ipynb"] != before["reports/notebooks/plot-1.0.ipynb"]


def test_force_redoes_everything(built: ProjectPaths, executed_runs: list[str]) -> None:
    assert build_quietly(built, force=True, only=["state"]) == 0
    assert executed_runs == ["state"]


def _record(paths: ProjectPaths, outputs: list[Path]) -> dict:
    return make_run_record(
        paths,
        run_name="r",
        notebook=paths.notebooks / "state.ipynb",
        parameters={"label": "hi"},
        input_tables={"figures": "aaa"},
        library_sha256="lib",
        package_version="0.1.0",
        outputs=outputs,
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("nothing", []),
        ("parameters", ["parameters changed"]),
        ("table", ["input tables changed: figures"]),
        ("new table", ["input tables changed: claims"]),
        ("library", ["library code changed"]),
        ("notebook", ["notebook state.ipynb changed"]),
        ("notebook outputs only", []),
        ("output missing", ["output missing: figures/r/a.png"]),
        ("output altered", ["output altered: figures/r/a.png"]),
        ("output added", ["output not made by the build: figures/r/b.png"]),
    ],
)
def test_explain_staleness(tmp_path: Path, change: str, expected: list[str]) -> None:
    paths = make_project(tmp_path)
    figure = paths.figures / "r" / "a.png"
    figure.parent.mkdir(parents=True)
    figure.write_bytes(b"png")
    record = _record(paths, [figure])
    run = Run("r", "state.ipynb", {"label": "hi"})
    inputs = Inputs(tables={"figures": "aaa"}, library_sha256="lib")
    notebook = paths.notebooks / "state.ipynb"
    if change == "parameters":
        run = Run("r", "state.ipynb", {"label": "other"})
    elif change == "table":
        inputs.tables["figures"] = "bbb"
    elif change == "new table":
        inputs.tables["claims"] = "ccc"
    elif change == "library":
        inputs.library_sha256 = "lib2"
    elif change == "notebook":
        add_cell(notebook, "x = 1")
    elif change == "notebook outputs only":
        nb = nbformat.read(notebook, as_version=4)
        nb.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi\n")]
        nbformat.write(nb, notebook)
    elif change == "output missing":
        figure.unlink()
    elif change == "output altered":
        figure.write_bytes(b"other")
    elif change == "output added":
        (figure.parent / "b.png").write_bytes(b"new")
    assert explain_staleness(paths, run, record, inputs, {}) == expected


def test_library_change_is_seen_by_the_build(
    built: ProjectPaths,
    executed_runs: list[str],
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The library hash follows the package the build imports, not a folder of the project."""
    package = tmp_path / "installed" / "gapstudy"
    shutil.copytree(provenance.PACKAGE_FOLDER, package, ignore=shutil.ignore_patterns("*.pyc"))
    monkeypatch.setattr(provenance, "PACKAGE_FOLDER", package)
    (built.root / "gapstudy").mkdir()
    (built.root / "gapstudy" / "plots.py").write_text("X = 1\n")
    build_quietly(built, only=["state"])
    assert executed_runs == []
    with (package / "plots.py").open("a", encoding="utf-8") as code:
        code.write("X = 1\n")
    capsys.readouterr()
    build_quietly(built, explain=True, only=["state"])
    assert executed_runs == ["state"]
    assert "library code changed" in capsys.readouterr().out


# ---------------------------------------------------------------- atomic


def test_failed_run_keeps_last_good_outputs_and_others_run(
    built: ProjectPaths, capsys: pytest.CaptureFixture
) -> None:
    before = output_bytes(built)
    state_before = read_state(built)["runs"]["plot-1.0"]
    failing = nbformat.read(FIXTURES / "fails.ipynb", as_version=4)
    plot = nbformat.read(built.notebooks / "plot.ipynb", as_version=4)
    plot.cells.insert(3, failing.cells[3])  # raise RuntimeError(... when ...)
    plot.cells[1].source += '\nwhen: str = "in plot"  # when to fail'
    nbformat.write(plot, built.notebooks / "plot.ipynb")
    add_cell(built.notebooks / "state.ipynb", "print('state changed too')")
    capsys.readouterr()

    code = run_build(built, jobs=2, with_tables=False, with_render=False)

    assert code == 1
    after = output_bytes(built)
    for name in ("plot-1.0", "plot-2.0"):
        for key in before:
            if f"/{name}" in key:
                assert after[key] == before[key], key
        kept = nbformat.read(built.scratch / "failed" / f"{name}.ipynb", as_version=4)
        errors = [o for c in kept.cells for o in c.get("outputs", []) if o.output_type == "error"]
        assert errors and errors[0].ename == "RuntimeError"
    assert read_state(built)["runs"]["plot-1.0"] == state_before
    assert after["reports/notebooks/state.ipynb"] != before["reports/notebooks/state.ipynb"]
    out = capsys.readouterr().out
    assert re.search(r"plot-1.0\s+failed\s+In \[\d+\] \(cell 4\): raise RuntimeError", out)
    assert "RuntimeError: failing on purpose (in plot)" in out
    assert not list((built.scratch / "stage").iterdir())


# ---------------------------------------------------------------- deterministic


TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def test_executed_notebooks_have_no_timestamps_or_machine_paths(built: ProjectPaths) -> None:
    notebooks = sorted(built.executed.glob("*.ipynb"))
    assert len(notebooks) == 3
    for notebook in notebooks:
        text = notebook.read_text(encoding="utf-8")
        assert not TIMESTAMP.search(text), notebook.name
        assert str(built.root) not in text and ".cache" not in text, notebook.name
        nb = json.loads(text)
        for key in ("start_time", "end_time", "duration"):
            assert key not in nb["metadata"]["papermill"]
            assert all(key not in c["metadata"].get("papermill", {}) for c in nb["cells"])
        assert all("execution" not in c["metadata"] for c in nb["cells"])
    nb = json.loads((built.executed / "plot-2.0.ipynb").read_text(encoding="utf-8"))
    assert nb["metadata"]["papermill"]["parameters"]["figures_dir"] == "../figures/plot-2.0"


def test_outputs_are_byte_identical_across_forced_builds(built: ProjectPaths) -> None:
    first = output_bytes(built)
    assert any(name.endswith(".png") for name in first)
    assert build_quietly(built, force=True) == 0
    assert output_bytes(built) == first


# ---------------------------------------------------------------- run one notebook


def test_run_one_writes_into_the_cache_only(built: ProjectPaths) -> None:
    before = output_bytes(built)
    assert build.run_one(built, "plot", {"scale": "3", "title": "other"}) == 0
    assert output_bytes(built) == before
    (out,) = (built.scratch / "runs").iterdir()
    assert out.name.startswith("plot-")
    assert sorted(p.name for p in (out / "figures").iterdir()) == [
        "line.meta.json",
        "line.png",
        "line.svg",
    ]
    assert "A line: other" in (out / "figures" / "line.meta.json").read_text()


def test_run_one_refuses_bad_parameters(built: ProjectPaths, executed_runs: list[str]) -> None:
    with pytest.raises(ParameterError, match="scale"):
        build.run_one(built, "plot", {"scale": "[1, 2]"})
    assert executed_runs == []


class CountingExecutor(ThreadPoolExecutor):
    """A stand-in for a cluster executor: any concurrent.futures.Executor must do."""

    def __init__(self) -> None:
        super().__init__(max_workers=2)
        self.submitted: list[str] = []

    def submit(self, fn, /, *args, **kwargs):
        self.submitted.append(args[0]["name"])
        return super().submit(fn, *args, **kwargs)


def test_runs_go_through_any_executor_given(tmp_path: Path) -> None:
    paths = make_project(tmp_path / "project")
    with CountingExecutor() as executor:
        assert build_quietly(paths, executor=executor) == 0
    assert sorted(executor.submitted) == ["plot-1.0", "plot-2.0", "state"]
    assert sorted(p.stem for p in paths.executed.glob("*.ipynb")) == sorted(executor.submitted)


def test_a_sweep_may_take_its_values_from_a_table(tmp_path: Path) -> None:
    runs_yaml = (
        "runs:\n  - name: 'dim-{dimension}'\n    notebook: plot.ipynb\n"
        "    sweep: {dimension: {from_table: claims, column: dimension}}\n"
    )
    paths = make_project(tmp_path, runs_yaml)
    with pytest.raises(InputError, match="claims.csv is missing: run `gapstudy tables`"):
        read_runs(paths)
    paths.processed.mkdir(parents=True)
    paths.table_file("claims").write_text(
        "claim_id,dimension\na,policy\nb,open_models\nc,policy\nd,\n", encoding="utf-8"
    )
    runs = read_runs(paths)
    assert [(run.name, run.parameters) for run in runs] == [
        ("dim-open_models", {"dimension": "open_models"}),
        ("dim-policy", {"dimension": "policy"}),
    ]
    paths.runs_file.write_text(runs_yaml.replace("column: dimension", "column: nope"))
    with pytest.raises(InputError, match="table has no column 'nope'"):
        read_runs(paths)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="child subreapers are Linux's")
def test_an_in_process_build_gives_up_the_subreaper_role_when_its_runs_end(built: ProjectPaths):
    """Else a later build started as a child would leave its orphans to this process, not init."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    flag = ctypes.c_int(-1)
    assert build_quietly(built, force=True) == 0
    assert libc.prctl(37, ctypes.byref(flag), 0, 0, 0) == 0  # PR_GET_CHILD_SUBREAPER
    assert flag.value == 0
