"""The conda environment, pyproject.toml and the lock file name the same dependencies, and
every floor in pyproject.toml is the version the lock pins, so the lowest version allowed is
one the suite has run against (a floor below it was never tested: pandera 0.20.0 and pint 0.24
installed cleanly under the old floors, yet failed on import and on the first unit parsed;
text2num 2.5.0 read "one hundred and five" as "100 and 5")."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# PyPI name -> the name conda-forge publishes the same package under, where they differ.
CONDA_FORGE_NAMES = {"playwright": "playwright-python"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(requirement: str) -> str:
    return requirement.replace(" ", "")[len(_name(requirement)) :]


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    reqs = project["dependencies"] + extras["dev"] + extras["distributed"]
    return {_name(r): _spec(r) for r in reqs}


def _locked() -> dict[str, set[str]]:
    """Every version the lock pins for each package (one per Python version at most)."""
    pins: dict[str, set[str]] = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split(";")[0].strip().split("==")
            pins.setdefault(_name(name), set()).add(version)
    return pins


def _conda() -> dict[str, str]:
    deps = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    flat = []
    for dep in deps:
        if isinstance(dep, dict):
            flat += [d for d in dep["pip"] if not d.startswith("-e")]
        elif _name(dep) not in ("python", "pip"):
            flat.append(dep)
    return {_name(r): _spec(r) for r in flat}


def test_environment_yml_matches_pyproject():
    expected = {CONDA_FORGE_NAMES.get(k, k): v for k, v in _pyproject().items()}
    assert _conda() == expected


def test_every_floor_is_the_tested_version():
    locked = _locked()
    untested = {}
    for name, spec in _pyproject().items():
        floor = re.search(r">=([^,]+)", spec)
        assert floor, f"{name}: no floor (>=) in pyproject.toml"
        if floor.group(1) not in locked.get(name, set()):
            untested[name] = (floor.group(1), sorted(locked.get(name, set())))
    assert not untested, f"floor is not a version the lock pins (floor, pins): {untested}"


def test_lock_pins_every_dependency_exactly():
    missing = sorted(set(_pyproject()) - set(_locked()))
    assert not missing, f"not pinned in requirements.lock: {missing}"


def test_binder_configuration_installs_the_lock_and_the_package():
    """repo2docker (Binder) reads .binder/: the Python of the lock, the lock itself, and the
    package installed from the checkout. (repo2docker itself needs Docker; not run here.)"""
    binder = ROOT / ".binder"
    lock_header = (ROOT / "requirements.lock").read_text().splitlines()[1]
    python = re.search(r"--python-version (\d+\.\d+)", lock_header).group(1)
    assert (binder / "runtime.txt").read_text() == f"python-{python}\n"
    requirements = [
        line for line in (binder / "requirements.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]  # fmt: skip
    assert requirements == ["-r ../requirements.lock"]
    assert ((binder / requirements[0].split()[1]).resolve()) == ROOT / "requirements.lock"
    post_build = binder / "postBuild"
    assert post_build.stat().st_mode & 0o111, "postBuild must be executable"
    assert "pip install --no-cache-dir --no-deps -e ." in post_build.read_text()
