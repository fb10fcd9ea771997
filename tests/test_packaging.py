"""The wheel works on its own: built from the package as declared, installed into a fresh
virtual environment (dependencies borrowed from this one, so nothing is downloaded), it renders
a copy of the project found from the current directory, and says so plainly outside one."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import copy_parts

import gapstudy

ROOT = Path(__file__).resolve().parent.parent
# What the wheel is built from: the package and the files pyproject.toml names.
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "gapstudy")
# What `gapstudy render` reads: a project without any of the package's code.
PROJECT_INPUTS = ("data", "figures", "reports/notebooks", "CITATION.cff")

pytestmark = pytest.mark.slow


def _run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("GAPSTUDY_ROOT", "PYTHONPATH")}
    # nbconvert's templates are data files under the prefix of the environment that installed
    # it; the fresh environment borrows that one's packages, so it is told where they are.
    clean["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    return subprocess.run(
        command, cwd=cwd, env={**clean, **env}, capture_output=True, text=True, check=False
    )


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    copy_parts(src, BUILD_INPUTS)
    dist = tmp_path_factory.mktemp("dist")
    done = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q",
         "-w", str(dist), str(src)],
        cwd=src,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (built,) = dist.glob("gapstudy-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed and this one's dependencies."""
    env = tmp_path_factory.mktemp("venv")
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    uv = Path(sys.executable).with_name("uv")
    done = _run(
        [str(uv), "pip", "install", "--offline", "--no-deps", "--python", str(python), str(wheel)],
        cwd=env,
    )
    assert done.returncode == 0, done.stderr
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], env)
    # A plain path line: this environment's packages come after the wheel's own install.
    borrowed = sysconfig.get_path("purelib")
    (Path(site.stdout.strip()) / "_borrowed_dependencies.pth").write_text(borrowed + "\n")
    return env


def test_wheel_carries_the_templates_and_the_stylesheet(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "gapstudy" / "templates").rglob("*")
        if p.is_file()
    }
    assert shipped, "no templates found in the checkout"
    assert sorted(shipped - names) == []
    assert any(n.endswith("/licenses/LICENSE") for n in names)


def test_installed_copy_is_the_wheel_not_this_checkout(venv: Path):
    done = _run([str(venv / "bin" / "python"), "-c", "import gapstudy; print(gapstudy.__file__)"],
                cwd=venv)  # fmt: skip
    assert Path(done.stdout.strip()).is_relative_to(venv), done.stdout + done.stderr
    done = _run([str(venv / "bin" / "gapstudy"), "--version"], cwd=venv)
    assert done.stdout == f"gapstudy {gapstudy.__version__}\n"


def test_installed_copy_renders_the_project_it_is_run_in(venv: Path, tmp_path: Path):
    project = tmp_path / "project"
    copy_parts(project, PROJECT_INPUTS)
    (project / "notebooks").mkdir()
    done = _run([str(venv / "bin" / "gapstudy"), "render"], cwd=project / "notebooks")
    assert done.returncode == 0, done.stderr
    assert _digests(project / "reports" / "html") == _digests(ROOT / "reports" / "html")


def test_installed_copy_outside_a_project_says_so(venv: Path, tmp_path: Path):
    done = _run([str(venv / "bin" / "gapstudy"), "render"], cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("error: not inside a gapstudy project"), done.stderr
