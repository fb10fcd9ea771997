"""What made each output: content hashes, the committed build state, and figure provenance.

The build keeps one committed JSON file (``figures/provenance.json``) holding only deterministic
content: for the tables stage, the hash of its inputs and of the tables it wrote; for every run,
the hashes of its notebook, parameters, input tables, library code and outputs; and for every
figure file, the record ``gapstudy why`` prints. A fresh clone therefore knows its outputs are up
to date without running anything.

This module imports nothing heavy, so that a build with nothing to do stays fast.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gapstudy.exceptions import GapstudyError
from gapstudy.paths import ProjectPaths, project_paths

STATE_FORMAT = 1
FIGURE_SUFFIXES = (".png", ".svg", ".pdf")


def hash_bytes(data: bytes) -> str:
    """sha256 of ``data`` as hex."""
    return hashlib.sha256(data).hexdigest()


def hash_file(path: Path) -> str:
    """sha256 of a file's content."""
    return hash_bytes(path.read_bytes())


def hash_json(value: Any) -> str:
    """sha256 of a JSON-able value written canonically (sorted keys, no spaces)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hash_bytes(text.encode("utf-8"))


def list_files(folder: Path, pattern: str = "**/*") -> list[Path]:
    """Files under ``folder`` matching ``pattern``, sorted; none if the folder is missing."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def relative_name(path: Path, paths: ProjectPaths) -> str:
    """``path`` relative to the project root, with forward slashes."""
    return Path(os.path.relpath(path, paths.root)).as_posix()


def hash_files(files: Iterable[Path], paths: ProjectPaths) -> dict[str, str]:
    """Map each file's project-relative name to its sha256."""
    return {relative_name(p, paths): hash_file(p) for p in files}


# The gapstudy package this process imports (whose code makes the outputs).
PACKAGE_FOLDER = Path(__file__).resolve().parent


def hash_library(package: Path | None = None) -> str:
    """One hash over the content of every file of the imported package (code and report
    templates, names included), so that a change to either redoes what depends on it.

    The code that runs is hashed, wherever it is installed (the project's own ``gapstudy/``
    when installed from it, as ``make setup`` does); files are named ``gapstudy/<path>``, so
    the hash does not depend on that place. ``package`` defaults to ``PACKAGE_FOLDER``."""
    package = package or PACKAGE_FOLDER
    return hash_json(
        {
            f"{package.name}/{path.relative_to(package).as_posix()}": hash_file(path)
            for path in list_files(package)
        }
    )


def hash_tables(paths: ProjectPaths) -> dict[str, str]:
    """sha256 of each input table ``data/processed/<name>.csv``, by table name."""
    return {p.stem: hash_file(p) for p in list_files(paths.processed, "*.csv")}


def hash_notebook(path: Path) -> str:
    """sha256 of what a notebook does: its cells' types, sources and tags, and its kernel.

    Outputs and editor metadata are left out, so that saving a notebook after running it by
    hand does not count as a change.
    """
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [
        [
            cell.get("cell_type"),
            "".join(cell.get("source", "")),
            sorted(cell.get("metadata", {}).get("tags", [])),
        ]
        for cell in nb.get("cells", [])
    ]
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    return hash_json({"cells": cells, "kernel": kernel})


def empty_state() -> dict[str, Any]:
    return {"format": STATE_FORMAT, "prepare": {}, "runs": {}, "render": {}, "figures": {}}


def read_state(paths: ProjectPaths) -> dict[str, Any]:
    """The committed build state; an empty one if the file does not exist yet."""
    path = paths.provenance_file
    if not path.exists():
        return empty_state()
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise GapstudyError(f"{path}:{err.lineno}: not valid JSON ({err.msg})") from err
    if state.get("format") != STATE_FORMAT:
        return empty_state()
    for key, value in empty_state().items():
        state.setdefault(key, value)
    return state


def write_state(paths: ProjectPaths, state: dict[str, Any]) -> None:
    """Write the build state atomically, with the figure records derived from the runs."""
    state = dict(state)
    state["figures"] = collect_figure_records(state["runs"])
    path = paths.provenance_file
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    text = json.dumps(state, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def exchange_folders(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2``); False where that is not available."""
    import ctypes
    import errno

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))


def read_caption(figure: Path) -> str | None:
    """The caption from the figure's ``<name>.meta.json`` sidecar, if there is one."""
    meta = figure.with_name(figure.name.split(".")[0] + ".meta.json")
    if not meta.exists():
        return None
    return json.loads(meta.read_text(encoding="utf-8")).get("caption")


def make_run_record(
    paths: ProjectPaths,
    *,
    run_name: str,
    notebook: Path,
    parameters: dict[str, Any],
    input_tables: dict[str, str],
    library_sha256: str,
    package_version: str,
    outputs: list[Path],
) -> dict[str, Any]:
    """The state entry for a run that just succeeded, with one record per figure file."""
    output_hashes = hash_files(sorted(outputs), paths)
    figures = {}
    for path in sorted(outputs):
        if path.suffix in FIGURE_SUFFIXES:
            figures[relative_name(path, paths)] = {"caption": read_caption(path)}
    return {
        "notebook": relative_name(notebook, paths),
        "notebook_sha256": hash_notebook(notebook),
        "parameters": parameters,
        "input_tables": input_tables,
        "library_sha256": library_sha256,
        "package_version": package_version,
        "outputs": output_hashes,
        "figures": figures,
    }


def collect_figure_records(runs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One provenance record per figure file, from the runs that made them."""
    records = {}
    for run_name, run in sorted(runs.items()):
        for name, extra in sorted(run.get("figures", {}).items()):
            records[name] = {
                "run": run_name,
                "notebook": run["notebook"],
                "parameters": run["parameters"],
                "input_tables": run["input_tables"],
                "library_sha256": run["library_sha256"],
                "package_version": run["package_version"],
                "sha256": run["outputs"][name],
                "caption": extra.get("caption"),
            }
    return records


def find_figure_record(
    figure: str | Path, state: dict[str, Any], paths: ProjectPaths
) -> tuple[str, dict[str, Any]]:
    """The record for ``figure``, given as a path or a unique file name."""
    records = state.get("figures", {})
    candidate = Path(figure)
    if candidate.exists():
        key = relative_name(candidate.resolve(), paths)
        if key in records:
            return key, records[key]
    text = candidate.as_posix()
    matches = [k for k in records if k == text or k.endswith("/" + text)]
    if len(matches) == 1:
        return matches[0], records[matches[0]]
    if not matches:
        raise GapstudyError(
            f"{paths.provenance_file}: no record of a figure {str(figure)!r}; "
            f"known figures look like {next(iter(sorted(records)), 'figures/<run>/<name>.png')!r}"
        )
    raise GapstudyError(
        f"{paths.provenance_file}: {str(figure)!r} matches several figures: {sorted(matches)}; "
        "give the path"
    )


def explain_figure(figure: str | Path, paths: ProjectPaths | None = None) -> str:
    """A readable answer to "what made this figure?" from the committed provenance file."""
    paths = paths or project_paths()
    key, record = find_figure_record(figure, read_state(paths), paths)
    current = paths.root / key
    if not current.exists():
        status = "missing from the working tree"
    elif hash_file(current) == record["sha256"]:
        status = "matches the recorded bytes"
    else:
        status = "DIFFERS from the recorded bytes (changed since the last build)"
    lines = [
        f"figure       {key}",
        f"caption      {record.get('caption') or '(none)'}",
        f"made by      run {record['run']!r} of {record['notebook']}",
        "parameters   "
        + (
            ", ".join(f"{k}={v!r}" for k, v in sorted(record["parameters"].items())) or "(defaults)"
        ),
        "input tables",
    ]
    tables = record.get("input_tables", {})
    lines += [f"  {name:<22} sha256 {sha[:16]}" for name, sha in sorted(tables.items())]
    if not tables:
        lines.append("  (none)")
    lines += [
        f"library      gapstudy {record['package_version']}, code sha256 "
        f"{record['library_sha256'][:16]}",
        f"file sha256  {record['sha256']}",
        f"file status  {status}",
    ]
    return "\n".join(lines)
