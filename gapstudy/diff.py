"""What a change did to the results: tidy tables and figure files, a git revision vs the tree.

Tables are compared row by row on their primary key (from :data:`gapstudy.schema.TABLES`), as
the text written in the CSV files, so that every changed cell is reported exactly as it reads.
Figure files are compared by their bytes (git blob ids), so a figure that only looks the same
still counts as changed.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from gapstudy.exceptions import RevisionError, TableError
from gapstudy.paths import ProjectPaths
from gapstudy.schema import TABLES, Table

Key = tuple[str, ...]


@dataclass(frozen=True)
class RowChange:
    """One row present on both sides whose cells differ: column -> (old, new)."""

    key: Key
    changes: dict[str, tuple[str, str]]


@dataclass
class TableDiff:
    """Rows added, removed and changed in one table."""

    name: str
    primary_key: tuple[str, ...]
    is_missing_before: bool = False
    is_missing_after: bool = False
    added: list[Key] = field(default_factory=list)
    removed: list[Key] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(
            self.added
            or self.removed
            or self.changed
            or self.columns_added
            or self.columns_removed
            or self.is_missing_before != self.is_missing_after
        )


@dataclass
class FigureDiff:
    """Figure files (paths relative to the project root) added, removed or changed in bytes."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class DiffReport:
    """Everything that changed between ``rev`` and the working tree."""

    rev: str
    tables: list[TableDiff]
    figures: FigureDiff

    @property
    def has_changes(self) -> bool:
        return self.figures.has_changes or any(t.has_changes for t in self.tables)


def _git(paths: ProjectPaths, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=paths.root, capture_output=True, check=False)
    except FileNotFoundError as err:
        raise RevisionError("git is not installed") from err
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip() or (
            f"no reason given, exit status {result.returncode}"
        )
        raise RevisionError(f"git {' '.join(args)} failed in {paths.root}: {message}")
    return result.stdout


def resolve_revision(rev: str, paths: ProjectPaths) -> str:
    """The commit id ``rev`` names; raises :class:`RevisionError` with git's reason when it
    names none. ``rev`` is always read as a revision, never as an option (``--output=FILE``)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}"],
            cwd=paths.root,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError as err:
        raise RevisionError("git is not installed") from err
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().removeprefix("fatal: ")
        raise RevisionError(
            f"{rev!r} is not a commit git knows in {paths.root} (git: "
            f"{reason or f'exit status {result.returncode}'}); name a commit, branch or tag "
            "that `git log --oneline` shows"
        )
    return result.stdout.decode().strip()


def list_files_at(rev: str, folder: Path, paths: ProjectPaths) -> dict[str, str]:
    """Files under ``folder`` at ``rev``: path relative to the root -> git blob id."""
    relative = folder.relative_to(paths.root).as_posix()
    out = _git(paths, "ls-tree", "-r", "-z", "--full-name", rev, "--", relative)
    prefix = _git(paths, "rev-parse", "--show-prefix").decode().strip()
    files = {}
    for entry in out.decode("utf-8").split("\0"):
        if not entry:
            continue
        meta, name = entry.split("\t", 1)
        _mode, kind, blob = meta.split()
        if kind == "blob":
            files[name.removeprefix(prefix)] = blob
    return files


def blob_id(data: bytes) -> str:
    """The id git gives a file with these bytes (so tree files compare with ls-tree output)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def read_csv_text(data: bytes, where: str, table: Table) -> pd.DataFrame:
    """A table's CSV as text cells ('' for empty), indexed by its primary key.

    Raises :class:`TableError` naming ``where`` when a key column is missing or a key repeats."""
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False)
    missing = [c for c in table.primary_key if c not in frame.columns]
    if missing:
        raise TableError(f"{where}: key column(s) {missing} missing from table {table.name!r}")
    repeated = frame.duplicated(list(table.primary_key), keep="first")
    if repeated.any():
        first = frame.index[repeated][0]
        key = tuple(frame.loc[first, list(table.primary_key)])
        raise TableError(f"{where}:{first + 2}: key {key} of table {table.name!r} repeats")
    return frame.set_index(list(table.primary_key), drop=False)


def compare_tables(table: Table, old: pd.DataFrame | None, new: pd.DataFrame | None) -> TableDiff:
    """Rows added, removed and changed between two versions of ``table`` (None: absent)."""
    diff = TableDiff(
        table.name, table.primary_key, is_missing_before=old is None, is_missing_after=new is None
    )
    if old is not None and new is not None:
        diff.columns_added = [c for c in new.columns if c not in old.columns]
        diff.columns_removed = [c for c in old.columns if c not in new.columns]
    old = old if old is not None else _empty(table)
    new = new if new is not None else _empty(table)
    old_keys = {_as_key(k): k for k in old.index}
    new_keys = {_as_key(k): k for k in new.index}
    diff.added = sorted(k for k in new_keys if k not in old_keys)
    diff.removed = sorted(k for k in old_keys if k not in new_keys)
    shared = [c for c in old.columns if c in new.columns]
    for key in sorted(k for k in old_keys if k in new_keys):
        old_row = old.loc[old_keys[key]]
        new_row = new.loc[new_keys[key]]
        changes = {
            c: (str(old_row[c]), str(new_row[c])) for c in shared if old_row[c] != new_row[c]
        }
        if changes:
            diff.changed.append(RowChange(key, changes))
    return diff


def _empty(table: Table) -> pd.DataFrame:
    key = list(table.primary_key)
    return pd.DataFrame(columns=key, dtype=str).set_index(key, drop=False)


def _as_key(index_value: object) -> Key:
    return tuple(index_value) if isinstance(index_value, tuple) else (str(index_value),)


def compare_figures(paths: ProjectPaths, rev: str) -> FigureDiff:
    """Figure files (everything under ``figures/`` but the provenance file) by bytes."""
    skip = paths.provenance_file.relative_to(paths.root).as_posix()
    before = {p: b for p, b in list_files_at(rev, paths.figures, paths).items() if p != skip}
    after = {}
    if paths.figures.is_dir():
        for path in sorted(paths.figures.rglob("*")):
            relative = path.relative_to(paths.root).as_posix()
            if path.is_file() and relative != skip:
                after[relative] = blob_id(path.read_bytes())
    return FigureDiff(
        added=sorted(set(after) - set(before)),
        removed=sorted(set(before) - set(after)),
        changed=sorted(p for p in set(before) & set(after) if before[p] != after[p]),
    )


def diff_outputs(rev: str, paths: ProjectPaths) -> DiffReport:
    """Compare every tidy table and figure file at ``rev`` with the working tree."""
    commit = resolve_revision(rev, paths)
    tracked = list_files_at(commit, paths.processed, paths)
    tables = []
    for table in TABLES.values():
        path = paths.table_file(table.name)
        relative = path.relative_to(paths.root).as_posix()
        old = None
        if relative in tracked:
            data = _git(paths, "show", f"{commit}:./{relative}")
            old = read_csv_text(data, f"{rev}:{relative}", table)
        new = read_csv_text(path.read_bytes(), str(path), table) if path.is_file() else None
        tables.append(compare_tables(table, old, new))
    return DiffReport(rev, tables, compare_figures(paths, commit))


def format_diff(report: DiffReport) -> str:
    """The report as text for a terminal or a pull-request comment."""
    lines = [f"Changes since {report.rev}:"]
    if not report.has_changes:
        return f"No changes to tables or figures since {report.rev}."
    for table in report.tables:
        if not table.has_changes:
            continue
        key_name = ", ".join(table.primary_key)
        if table.is_missing_before and not table.is_missing_after:
            status = " (new table)"
        elif table.is_missing_after and not table.is_missing_before:
            status = " (table removed)"
        else:
            status = ""
        lines.append(
            f"\ntable {table.name}{status}: {len(table.added)} added, {len(table.removed)} "
            f"removed, {len(table.changed)} changed (key: {key_name})"
        )
        lines += [f"  + column {c}" for c in table.columns_added]
        lines += [f"  - column {c}" for c in table.columns_removed]
        lines += [f"  + {_show_key(k)}" for k in table.added]
        lines += [f"  - {_show_key(k)}" for k in table.removed]
        for change in table.changed:
            lines.append(f"  ~ {_show_key(change.key)}")
            for column, (old, new) in change.changes.items():
                lines.append(f"      {column}: {old!r} -> {new!r}")
    figures = report.figures
    if figures.has_changes:
        lines.append(
            f"\nfigure files: {len(figures.added)} added, {len(figures.removed)} removed, "
            f"{len(figures.changed)} changed"
        )
        lines += [f"  + {p}" for p in figures.added]
        lines += [f"  - {p}" for p in figures.removed]
        lines += [f"  ~ {p}" for p in figures.changed]
    return "\n".join(lines)


def _show_key(key: Key) -> str:
    return ", ".join(key)


def print_diff(rev: str, paths: ProjectPaths) -> int:
    """Print what changed since ``rev``; exit status 0 (the diff is a report, not a check)."""
    print(format_diff(diff_outputs(rev, paths)))
    return 0
