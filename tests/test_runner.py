"""The runner: whatever a cell starts ends with the run; a dead kernel names its cell; runs on a
dask.distributed cluster make the same outputs as on the default process pool."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import nbformat
import psutil
import pytest
from conftest import copy_parts

from gapstudy import runner
from gapstudy.build import run_build, run_one
from gapstudy.cli import main
from gapstudy.engine import KERNEL_FILE_PREFIX, count_warm_kernels, remove_stale_kernel_files
from gapstudy.exceptions import ClusterError
from gapstudy.paths import ROOT_ENV_VAR, ProjectPaths, project_paths
from gapstudy.runlist import read_run_list
from gapstudy.runner import check_workers, cluster_executor
from tests.test_build import add_cell, make_project

ONE_RUN = "runs:\n  - {name: state, notebook: state.ipynb}\n"


@pytest.fixture
def paths(tmp_path: Path) -> ProjectPaths:
    return make_project(tmp_path / "project", runs=ONE_RUN)


def _printed_pids(paths: ProjectPaths) -> list[int]:
    (executed,) = (paths.scratch / "runs").glob("state-*/executed.ipynb")
    nb = nbformat.read(executed, as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    return [int(pid) for pid in re.findall(r"PID=(\d+)", text)]


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize(
    "cell",
    [
        # a child in a new session, its parent (the kernel) still alive
        "import subprocess\n"
        "p = subprocess.Popen(['sleep', '300'], start_new_session=True)\nprint(f'PID={p.pid}')",
        # a grandchild in a new session whose parent has already exited (adopted)
        "import subprocess\n"
        "out = subprocess.run(['sh', '-c', 'setsid sleep 300 >/dev/null 2>&1 & echo $!'],\n"
        "                     capture_output=True, text=True).stdout\nprint(f'PID={out.strip()}')",
    ],
    ids=["new-session-child", "orphaned-grandchild"],
)
def test_a_process_a_cell_starts_does_not_outlive_the_run(paths: ProjectPaths, cell: str) -> None:
    for _ in range(3):  # bounded repetition: the race between start and kill
        add_cell(paths.notebooks / "state.ipynb", cell)
        assert run_one(paths, "state", {}) == 0
        (pid,) = _printed_pids(paths)
        deadline = time.monotonic() + 3
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(pid)
        nb = nbformat.read(paths.notebooks / "state.ipynb", as_version=4)
        nb.cells = [c for c in nb.cells if c.get("id") != "added"]
        nbformat.write(nb, paths.notebooks / "state.ipynb")


def test_a_kernel_that_dies_is_reported_with_its_cell(
    paths: ProjectPaths, capsys: pytest.CaptureFixture
) -> None:
    add_cell(paths.notebooks / "state.ipynb", "import os\nos._exit(3)")
    assert run_one(paths, "state", {}) == 1
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("state-"))
    assert "cell " in row and ": import os" in row
    assert "DeadKernelError" in row


def test_kernel_files_of_a_process_that_is_gone_are_removed(tmp_path: Path) -> None:
    gone = psutil.Popen(["true"])
    gone.wait()
    stale = Path(tempfile.gettempdir()) / f"{KERNEL_FILE_PREFIX}{gone.pid}-0-shell"
    ours = Path(tempfile.gettempdir()) / f"{KERNEL_FILE_PREFIX}{os.getpid()}-99.json"
    stale.write_text("", encoding="utf-8")
    ours.write_text(json.dumps({}), encoding="utf-8")
    try:
        remove_stale_kernel_files()
        assert not stale.exists()
        assert ours.exists()  # this process is alive: its files stay
    finally:
        stale.unlink(missing_ok=True)
        ours.unlink(missing_ok=True)


# --- On a dask.distributed cluster (the optional 'distributed' extra) ---

HAS_DISTRIBUTED = importlib.util.find_spec("distributed") is not None
needs_distributed = pytest.mark.skipif(
    not HAS_DISTRIBUTED,
    reason="dask.distributed is not installed: the optional 'distributed' extra "
    "(pip install 'gapstudy[distributed]'; `make setup` installs it from requirements.lock)",
)
ROOT = Path(__file__).resolve().parent.parent
# What a run reads and writes: inputs, the tables it reads, the committed state and outputs.
PROJECT_PARTS = (
    "data",
    "notebooks",
    "gapstudy",
    "CITATION.cff",
    "figures",
    "reports/notebooks",
)


def _copy_project(root: Path) -> ProjectPaths:
    return project_paths(copy_parts(root, PROJECT_PARTS))


def _two_runs_of_the_sweep(paths: ProjectPaths) -> list[str]:
    """Two runs of the real corpus's largest sweep (the notebook with the most runs)."""
    runs = read_run_list(paths).runs
    by_notebook = Counter(run.notebook for run in runs)
    notebook = by_notebook.most_common(1)[0][0]
    names = [run.name for run in runs if run.notebook == notebook]
    assert len(names) >= 2
    return names[-2:]


def _outputs_of(paths: ProjectPaths, names: list[str]) -> dict[str, bytes]:
    found = {}
    for name in names:
        files = [paths.executed / f"{name}.ipynb", *sorted((paths.figures / name).rglob("*"))]
        for path in files:
            if path.is_file():
                found[path.relative_to(paths.root).as_posix()] = path.read_bytes()
    state = json.loads((paths.figures / "provenance.json").read_text(encoding="utf-8"))
    found["records"] = json.dumps([state["runs"][n] for n in names], sort_keys=True).encode()
    return found


@pytest.fixture(scope="module")
def local_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A local dask cluster of two worker processes of one thread each (a run's kernel is
    per process, and papermill changes the working folder process-wide: threads would race),
    started in a scratch copy of the project, which its workers find as their project."""
    from distributed import LocalCluster

    root = tmp_path_factory.mktemp("cluster-project")
    _copy_project(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ROOT_ENV_VAR, str(root))
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            yield cluster.scheduler_address, root


@needs_distributed
def test_a_sweep_on_a_local_cluster_makes_the_outputs_of_the_default_executor(
    local_cluster: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs of the real sweep, forced, on a local cluster (as `gapstudy build --scheduler`
    does), and on the default process pool in another copy: the same bytes and records."""
    from distributed import Client

    address, root = local_cluster
    monkeypatch.setenv(ROOT_ENV_VAR, str(root))
    on_cluster = project_paths(root)
    names = _two_runs_of_the_sweep(on_cluster)
    notebooks_only = {"force": True, "only": names, "with_tables": False, "with_render": False}
    with cluster_executor(on_cluster, address) as executor:
        assert run_build(on_cluster, executor=executor, **notebooks_only) == 0
    with Client(address) as client:  # the runs were made there: its workers hold warm kernels
        assert sum(client.run(count_warm_kernels).values()) >= 1

    default = _copy_project(tmp_path / "default")
    monkeypatch.setenv(ROOT_ENV_VAR, str(default.root))
    assert run_build(default, jobs=2, **notebooks_only) == 0

    made, expected = _outputs_of(on_cluster, names), _outputs_of(default, names)
    assert sorted(made) == sorted(expected)
    assert any(name.endswith(".png") for name in made)
    assert [name for name in made if made[name] != expected[name]] == []


@needs_distributed
def test_a_cluster_whose_workers_find_another_project_is_refused(
    local_cluster: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    address, root = local_cluster
    elsewhere = _copy_project(tmp_path / "elsewhere")
    monkeypatch.setenv(ROOT_ENV_VAR, str(elsewhere.root))
    refused = re.escape(f"finds the project at {root}, not {elsewhere.root}")
    with pytest.raises(ClusterError, match=refused), cluster_executor(elsewhere, address):
        pass


@pytest.mark.parametrize(
    ("views", "message"),
    [
        ({}, "the scheduler has no workers"),
        (
            {"tcp://w:1": {"root": "/elsewhere", "library_sha256": "abc"}},
            "tcp://w:1 finds the project at /elsewhere, not ",
        ),
        (
            {"tcp://w:1": {"root": "none (not inside a gapstudy project)", "library_sha256": ""}},
            "tcp://w:1 finds the project at none (not inside",
        ),
        (
            {"tcp://w:2": {"root": "ROOT", "library_sha256": "other"}},
            "tcp://w:2 imports a gapstudy that differs from ",
        ),
    ],
    ids=["no-workers", "another-root", "no-project", "another-library"],
)
def test_workers_that_cannot_run_the_project_are_named(
    repo_paths: ProjectPaths, views: dict[str, dict[str, str]], message: str
) -> None:
    views = {
        worker: {**view, "root": str(repo_paths.root) if view["root"] == "ROOT" else view["root"]}
        for worker, view in views.items()
    }
    with pytest.raises(ClusterError, match=re.escape(message)):
        check_workers(repo_paths, views, "this-library")


def test_without_dask_distributed_the_scheduler_option_says_what_to_install(
    repo_paths: ProjectPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    hint = re.escape("pip install 'gapstudy[distributed]'")
    with pytest.raises(ClusterError, match=hint), cluster_executor(repo_paths, "tcp://x:1"):
        pass


@needs_distributed
def test_no_scheduler_at_the_address_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import socket

    with socket.socket() as free:  # a port nothing listens on once closed
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    monkeypatch.setattr(runner, "CLUSTER_CONNECT_TIMEOUT", "2s")
    code = main(["--root", str(ROOT), "build", "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert code == 1
    assert f"no dask scheduler answers at tcp://127.0.0.1:{port}" in capsys.readouterr().err
