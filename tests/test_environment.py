"""The conda environment, pyproject.toml and the lock file name the same dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(requirement: str) -> str:
    return requirement.replace(" ", "")[len(_name(requirement)) :]


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {_name(r): _spec(r) for r in reqs}


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
    assert _conda() == _pyproject()


def test_lock_pins_every_dependency_exactly():
    lock = (ROOT / "requirements.lock").read_text()
    pinned = {
        _name(line) for line in lock.splitlines() if "==" in line and not line.startswith("#")
    }
    missing = sorted(set(_pyproject()) - pinned)
    assert not missing, f"not pinned in requirements.lock: {missing}"
