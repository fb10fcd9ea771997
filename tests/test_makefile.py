"""The Makefile's targets for people rather than for the build: `make lab` (as root and not,
with extra options) and the conda path (`ENV=conda`)."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
URL = re.compile(r"(http://127\.0\.0\.1:\d+/lab\?token=\w+)")


def _dry_run(*args: str) -> str:
    done = subprocess.run(
        ["make", "-n", *args],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


@pytest.mark.parametrize(("user_id", "flag"), [("0", True), ("1000", False)])
def test_lab_allows_root_only_for_root(user_id: str, flag: bool):
    (command,) = [line for line in _dry_run("lab", f"USER_ID={user_id}").splitlines()
                  if "jupyter lab" in line]  # fmt: skip
    assert ("--allow-root" in command.split()) is flag


def test_lab_passes_extra_arguments():
    (command,) = [line for line in _dry_run("lab", 'ARGS=--port 9999 --no-browser').splitlines()
                  if "jupyter lab" in line]  # fmt: skip
    assert command.split()[-3:] == ["--port", "9999", "--no-browser"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_make_lab_starts_for_this_user_and_prints_the_address(tmp_path: Path):
    """Really starts JupyterLab through make, as whoever runs the suite (root in CI)."""
    port = _free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)}
    lab = subprocess.Popen(
        ["make", "--no-print-directory", "lab",
         f"ARGS=--port {port} --no-browser --ServerApp.ip=127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 120
        found = None
        while found is None and time.monotonic() < deadline:
            line = lab.stdout.readline()
            if not line:
                break
            seen.append(line)
            found = URL.search(line)
        assert found, "no address printed:\n" + "".join(seen)
        address = found.group(1)
        assert f":{port}/" in address
        token = address.split("token=")[1]
        status = f"http://127.0.0.1:{port}/api/status?token={token}"
        with urllib.request.urlopen(status, timeout=30) as answer:
            assert answer.status == 200
            assert "started" in json.load(answer)
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            lab.wait()


def test_conda_path_uses_the_active_environment():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONDA")}
    done = subprocess.run(
        ["make", "-n", "build", "ENV=conda", "CONDA_PREFIX=/opt/envs/gapstudy"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == "/opt/envs/gapstudy/bin/gapstudy build"
    assert ".venv" not in done.stdout


def test_conda_path_without_an_active_environment_says_what_to_do():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONDA")}
    done = subprocess.run(
        ["make", "-n", "build", "ENV=conda"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "conda env create -f environment.yml && conda activate gapstudy" in done.stderr
