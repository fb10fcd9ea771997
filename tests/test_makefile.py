"""The Makefile's targets for people rather than for the build: `make lab` (as root and not,
with extra options) and the conda path (`ENV=conda`)."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import threading
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
    """Really starts JupyterLab through make, as whoever runs the suite (root in CI), and asks
    the server at the printed address for its status."""
    port = _free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)}
    lab = subprocess.Popen(
        ["make", "--no-print-directory", "lab",
         f"ARGS=--port {port} --no-browser --ServerApp.ip=127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(lab.stdout), daemon=True)
    reader.start()
    try:
        address = _wait_for(lambda: next(filter(None, map(URL.search, list(seen))), None), 180)
        assert address, "no address printed:\n" + "".join(seen)
        assert f":{port}/" in address.group(1)
        token = address.group(1).split("token=")[1]
        status = _wait_for(lambda: _status(port, token), 60)
        assert status and "started" in status, "server did not answer:\n" + "".join(seen)
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            lab.wait()


def _wait_for(probe, seconds: float):
    """``probe()`` until it gives something, or None after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.5)
    return None


def _status(port: int, token: str) -> dict | None:
    url = f"http://127.0.0.1:{port}/api/status?token={token}"
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return json.load(answer) if answer.status == 200 else None
    except OSError:
        return None


def test_conda_path_uses_the_active_environment():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONDA")}
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "build", "ENV=conda",
         "CONDA_PREFIX=/opt/envs/gapstudy"],
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
