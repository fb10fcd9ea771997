"""Tests for gapstudy.cli: the version, and ``python -m gapstudy`` as the same command."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import gapstudy
from gapstudy.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_version_option_prints_the_package_version(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"gapstudy {gapstudy.__version__}\n"


def test_installed_metadata_has_the_same_version():
    assert version("gapstudy") == gapstudy.__version__


@pytest.mark.parametrize(
    "command",
    [[sys.executable, "-m", "gapstudy"], [str(Path(sys.executable).with_name("gapstudy"))]],
    ids=["python -m gapstudy", "gapstudy"],
)
def test_both_commands_answer_version(command: list[str]):
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, cwd=ROOT)
    assert (done.returncode, done.stdout) == (0, f"gapstudy {gapstudy.__version__}\n")


def test_python_m_gapstudy_runs_a_command_outside_any_project(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "gapstudy", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 1
    assert done.stderr.startswith("error: not inside a gapstudy project: no data/sources.yaml")
    assert str(tmp_path.resolve()) in done.stderr
