"""What a notebook run may not touch: the project's inputs (``data/``) and its notebooks.

A run writes only into its own staging folder. Before the runs start, every file under
``data/`` and ``notebooks/`` is read (they are small: texts, YAML, tables, notebooks); after each
run, they are compared. A file changed, added or removed fails that run with the file named, and
is put back as it was; the changed version is kept under ``.cache/changed-by-run/<run>/`` so
that nothing is lost (an edit a researcher made by hand during a run is found there too).
Files do not say which process changed them: the message names this run or a hand edit as the
cause, and when other runs may have been running at the same time (``--jobs`` over 1), it says
that it cannot be told which of them, or a hand edit, made the change.

Hashing after each run, rather than running kernels with these folders read-only, was chosen
because changing permissions of the researcher's own folders is itself a change that a killed
build would leave behind, and a process can restore write permission on files it owns anyway.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

# Folders an editor or Python writes beside notebooks, never inputs.
_IGNORED_FOLDERS = {".ipynb_checkpoints", "__pycache__"}


def _files_under(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in _IGNORED_FOLDERS)
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                yield path


class InputSnapshot:
    """The bytes of every file under ``data/`` and ``notebooks/`` at one moment."""

    def __init__(self, paths: Any) -> None:
        self.paths = paths
        self.folders = (paths.data, paths.notebooks)
        self.files = {path: path.read_bytes() for path in self._current()}
        self.hashes = {path: hashlib.sha256(data).digest() for path, data in self.files.items()}

    def _current(self) -> list[Path]:
        return [p for folder in self.folders if folder.is_dir() for p in _files_under(folder)]

    def _name(self, path: Path) -> str:
        return path.relative_to(self.paths.root).as_posix()

    def restore(self, run_name: str) -> list[str]:
        """Put back every file changed since the snapshot; return what was changed, one line
        each, with where the changed version is kept."""
        keep = self.paths.scratch / "changed-by-run" / run_name
        changes = []
        current = set(self._current())
        for path in sorted(current | set(self.files)):
            name = self._name(path)
            if path not in self.files:
                changes.append(f"{name} was created")
            elif path not in current:
                changes.append(f"{name} was removed")
            elif hashlib.sha256(path.read_bytes()).digest() != self.hashes[path]:
                changes.append(f"{name} was changed")
            else:
                continue
            if path.exists():
                (keep / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.move(path, keep / name)
            if path in self.files:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(self.files[path])
        return changes


def _blame(active: list[str]) -> str:
    """Who may have made a change seen when a run finished: the run alone can be told
    from a hand edit only by the researcher; among runs active at once, not even the run."""
    if not active:
        return " while this run ran (by this run, or by a hand edit meanwhile)"
    shown = ", ".join(active[:5]) + (f" and {len(active) - 5} more" if len(active) > 5 else "")
    return (
        f": it cannot be told whether this run, another that may have been running with it "
        f"({shown}) or a hand edit made the change; this run, the first to finish after it, "
        "is failed"
    )


def guarded_results(
    paths: Any,
    results: Iterable[dict[str, Any]],
    run_names: Iterable[str] = (),
    parallel: int = 1,
) -> Iterator[dict[str, Any]]:
    """Pass on run results; a run after which ``data/`` or ``notebooks/`` changed fails, and
    the files are restored (see the module docstring).

    ``run_names`` are the runs the results come from and ``parallel`` how many run at once:
    when other runs may have been active, the message says that the change cannot be told to
    be this run's (nor told from a hand edit made during the build)."""
    snapshot = InputSnapshot(paths)
    unfinished = list(run_names)
    for raw in results:
        if raw["name"] in unfinished:
            unfinished.remove(raw["name"])
        changes = snapshot.restore(raw["name"])
        if changes:
            kept = f".cache/changed-by-run/{raw['name']}/"
            active = unfinished if parallel > 1 else []
            raw = {
                **raw,
                "is_ok": False,
                "error": f"InputChangedError: {changes[0]}"
                + (f" (and {len(changes) - 1} more)" if len(changes) > 1 else "")
                + f"{_blame(active)}; a run may write only into its figures_dir. "
                f"Restored; the changed version is in {kept}",
            }
        yield raw
