"""The warm kernel engine: a reused kernel gives exactly the outputs of a fresh one."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import psutil
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from gapstudy import engine
from gapstudy.engine import (
    ENGINE_NAME,
    clean_executed_notebook,
    coalesce_streams,
    count_warm_kernels,
    ensure_engine_registered,
    shutdown_warm_kernels,
)
from gapstudy.exceptions import CellTimeoutError

FIXTURES = Path(__file__).parent / "fixtures" / "build"


def execute(name: str, engine: str | None, figures_dir: Path) -> list[tuple]:
    """Execution counts and outputs of every code cell, after cleaning."""
    nb = papermill.execute_notebook(
        str(FIXTURES / f"{name}.ipynb"),
        None,
        parameters={"figures_dir": str(figures_dir)},
        engine_name=engine,
        cwd=str(FIXTURES),
        progress_bar=False,
    )
    clean_executed_notebook(nb)
    return [(c.execution_count, c.outputs) for c in nb.cells if c.cell_type == "code"]


@pytest.fixture(scope="module")
def figures_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("figures")


@pytest.fixture(scope="module")
def fresh_outputs(figures_dir: Path) -> dict[str, list[tuple]]:
    return {name: execute(name, None, figures_dir) for name in ("state", "style", "plot")}


@pytest.mark.parametrize(
    "order",
    [
        ("state", "style", "plot", "state"),
        ("plot", "style", "state", "style", "plot"),
    ],
)
def test_warm_kernel_outputs_equal_fresh_kernel_outputs(
    order: tuple[str, ...], fresh_outputs: dict[str, list[tuple]], figures_dir: Path
) -> None:
    ensure_engine_registered()
    shutdown_warm_kernels()  # start from none, whatever earlier tests in this process left
    try:
        for name in order:
            assert execute(name, ENGINE_NAME, figures_dir) == fresh_outputs[name], name
        assert count_warm_kernels() == 1
    finally:
        shutdown_warm_kernels()
    assert count_warm_kernels() == 0


def test_fixture_notebooks_would_show_leaked_state(fresh_outputs: dict[str, list[tuple]]) -> None:
    """The comparison above can fail: the fixtures print what a dirty kernel would change."""
    outputs = [output for _, cell_outputs in fresh_outputs["style"] for output in cell_outputs]
    printed = "".join("".join(output.get("text", "")) for output in outputs)
    assert "namespace is fresh" in printed
    assert "1.5 [6.4, 4.8]" in printed  # default line width and figure size


def test_failing_cell_reports_and_kernel_stays_usable(tmp_path: Path) -> None:
    ensure_engine_registered()
    try:
        with pytest.raises(papermill.PapermillExecutionError, match="failing on purpose"):
            execute("fails", ENGINE_NAME, tmp_path)
        assert execute("state", ENGINE_NAME, tmp_path)[0][0] == 1
    finally:
        shutdown_warm_kernels()


def _warm_kernel_pid() -> int:
    (km,) = engine._warm_managers.values()
    return km.provisioner.pid


def test_timed_out_kernel_is_replaced_not_reused(tmp_path: Path) -> None:
    ensure_engine_registered()
    shutdown_warm_kernels()
    try:
        execute("state", ENGINE_NAME, tmp_path)
        first = _warm_kernel_pid()
        with pytest.raises(CellTimeoutError, match=r"cell \d+ \('import time'\).* 2 s") as info:
            papermill.execute_notebook(
                str(FIXTURES / "sleeps.ipynb"),
                None,
                parameters={"figures_dir": str(tmp_path)},
                engine_name=ENGINE_NAME,
                cwd=str(FIXTURES),
                progress_bar=False,
                execution_timeout=2,
            )
        outputs = [o for c in info.value.notebook.cells for o in c.get("outputs", [])]
        assert outputs[-1]["ename"] == "CellTimeoutError"
        assert count_warm_kernels() == 0
        assert not psutil.pid_exists(first) or psutil.Process(first).status() == "zombie"
        assert execute("state", ENGINE_NAME, tmp_path)[0][0] == 1
        assert _warm_kernel_pid() != first
    finally:
        shutdown_warm_kernels()


def _executed_notebook() -> nbformat.NotebookNode:
    cell = new_code_cell("print(1)", id="c1")
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    cell.metadata["papermill"] = {
        "start_time": "2026-01-01T00:00:00",
        "end_time": "2026-01-01T00:00:01",
        "duration": 1.0,
        "status": "completed",
        "exception": False,
    }
    cell.outputs = [
        new_output(
            "stream", name="stderr", text="/tmp/ipykernel_4242/123.py:1: UserWarning: careful\n"
        )
    ]
    injected = new_code_cell("x = 1", id="random-uuid")
    injected.metadata["tags"] = ["injected-parameters"]
    nb = new_notebook(cells=[injected, cell])
    nb.metadata["papermill"] = {
        "start_time": "2026-01-01T00:00:00",
        "end_time": "2026-01-01T00:00:02",
        "duration": 2.0,
        "input_path": "/abs/notebooks/a.ipynb",
        "output_path": "/abs/out/a.ipynb",
        "parameters": {"x": 1},
    }
    return nb


@pytest.mark.parametrize(
    ("input_path", "output_path", "expected_paths"),
    [
        ("notebooks/a.ipynb", "reports/a.ipynb", {"notebooks/a.ipynb", "reports/a.ipynb"}),
        (None, None, set()),
    ],
)
def test_clean_executed_notebook_strips_volatile_bits(
    input_path: str | None, output_path: str | None, expected_paths: set[str]
) -> None:
    nb = clean_executed_notebook(
        _executed_notebook(), input_path=input_path, output_path=output_path
    )
    meta = nb.metadata["papermill"]
    assert meta == {
        "parameters": {"x": 1},
        **({"input_path": input_path, "output_path": output_path} if expected_paths else {}),
    }
    injected, cell = nb.cells
    assert injected["id"] == "injected-parameters"
    assert "execution" not in cell.metadata
    assert cell.metadata["papermill"] == {"status": "completed", "exception": False}
    assert cell.outputs[0]["text"] == "ipykernel/123.py:1: UserWarning: careful\n"


def test_skipping_the_iri_formats_changes_no_notebook_validation():
    """In a fresh interpreter with rfc3987-syntax kept out, nbformat still validates and refuses
    exactly what it did: the module only serves string formats the notebook schema lacks."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from gapstudy.engine import skip_unused_schema_formats\n"
        "skip_unused_schema_formats()\n"
        "import nbformat\n"
        "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')])\n"
        "nbformat.validate(nb)\n"
        "nb.cells[0]['cell_type'] = 'nonsense'\n"
        "try:\n"
        "    nbformat.validate(nb)\n"
        "except nbformat.ValidationError:\n"
        "    print('refused')\n"
        "print('rfc3987_syntax' in sys.modules and sys.modules['rfc3987_syntax'] is None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["refused", "True"]


def _stream(name: str, text: str) -> dict[str, str]:
    return {"output_type": "stream", "name": name, "text": text}


@pytest.mark.parametrize(
    ("outputs", "expected"),
    [
        # one print flushed in two messages under load
        ([_stream("stdout", "1"), _stream("stdout", "\n")], [_stream("stdout", "1\n")]),
        # a warning that overtook the text printed before it
        (
            [_stream("stderr", "warn\n"), _stream("stdout", "a\n")],
            [_stream("stdout", "a\n"), _stream("stderr", "warn\n")],
        ),
        # parts of one stream around a display are joined at the first part's place
        (
            [_stream("stdout", "a"), {"output_type": "display_data"}, _stream("stdout", "b")],
            [_stream("stdout", "ab"), {"output_type": "display_data"}],
        ),
        ([], []),
    ],
)
def test_stream_outputs_are_coalesced_whatever_the_flushes(outputs, expected) -> None:
    assert coalesce_streams(outputs) == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"HOME": "/h"}, {"HOME": "/h", "NPY_DISABLE_CPU_FEATURES": engine.NUMPY_FEATURES_OFF}),
        ({"NPY_DISABLE_CPU_FEATURES": "AVX512F"}, {"NPY_DISABLE_CPU_FEATURES": "AVX512F"}),
        ({"NPY_ENABLE_CPU_FEATURES": "SSE2"}, {"NPY_ENABLE_CPU_FEATURES": "SSE2"}),
    ],
)
def test_kernel_environment_turns_machine_dependent_numpy_paths_off(environ, expected) -> None:
    assert engine.kernel_environment(environ) == expected


def test_a_warm_kernel_runs_with_numpy_vector_paths_chosen(tmp_path: Path) -> None:
    """The notebook runs' numpy does not take the AVX-512 paths that make figures differ."""
    path = tmp_path / "env.ipynb"
    cell = new_code_cell("import os\nprint(os.environ.get('NPY_DISABLE_CPU_FEATURES'))")
    nbformat.write(new_notebook(cells=[cell]), path)
    ensure_engine_registered()
    try:
        nb = papermill.execute_notebook(
            str(path),
            None,
            engine_name=ENGINE_NAME,
            kernel_name="python3",
            cwd=str(tmp_path),
            progress_bar=False,
        )
    finally:
        shutdown_warm_kernels()
    assert nb.cells[0].outputs[0]["text"].strip() == engine.NUMPY_FEATURES_OFF
