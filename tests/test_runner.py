"""The runner: whatever a cell starts ends with the run; a dead kernel names its cell."""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from gapstudy.build import run_one
from gapstudy.engine import KERNEL_FILE_PREFIX, remove_stale_kernel_files
from gapstudy.paths import ProjectPaths
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
