"""Reading the cross-source annotation files (``facts.yaml``, ``derived.yaml``,
``disagreements.yaml``, ``references.yaml``): the list of entries each holds, with lines kept,
and the field checks their loaders share. Each file's own rules live with the stage that uses it
(:mod:`gapstudy.facts`, :mod:`gapstudy.measures`, :mod:`gapstudy.disagreements`,
:mod:`gapstudy.references`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gapstudy.exceptions import AnnotationError, Problem
from gapstudy.yamlfile import read_yaml


def read_entries(path: Path, key: str) -> list[dict[str, Any]]:
    """The list under ``key`` in a YAML file, each entry with its line kept as ``line``."""
    doc = read_yaml(path) or {}
    entries = doc.get(key) if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise AnnotationError(
            Problem(path, 1, f"no list under {key!r}", f"start the file with '{key}:'")
        )
    result = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise AnnotationError(Problem(path, None, f"entry {entry!r} is not a mapping"))
        line = entry.pop("__line__", None)
        result.append({**entry, "line": line})
    return result


def check_fields(
    entry: dict[str, Any], names: Iterable[str], path: Path, what: str
) -> list[Problem]:
    return [
        Problem(path, entry["line"], f"{what} lacks field {name!r}", "add it (null if none)")
        for name in names
        if name not in entry
    ]


def read_optional(path: Path, key: str) -> list[dict[str, Any]]:
    """Like :func:`read_entries`, but a missing file is an empty list."""
    return read_entries(path, key) if path.exists() else []


def not_in(value: Any, allowed: Iterable[str], path: Path, line: Any, what: str) -> list[Problem]:
    allowed = list(allowed)
    if value in allowed:
        return []
    return [
        Problem(
            path,
            line,
            f"{what} {value!r} is not in the vocabulary",
            f"use one of {', '.join(allowed)}",
        )
    ]
