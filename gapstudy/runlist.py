"""The run list, ``notebooks/runs.yaml``: the notebooks the build runs and their parameters.

Read with :func:`gapstudy.yamlfile.read_yaml` like every other input, then checked: sweeps
expanded (a list, or the distinct values of a table's column), names unique and safe as folder
names, every notebook a notebook file inside ``notebooks/``, every parameter a plain value.
Against the notebook itself (:func:`check_parameters`) a run's parameters must be declared
and of the declared type. The validator (``gapstudy check``) and the build both read it here.
"""

from __future__ import annotations

import ast
import itertools
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gapstudy.exceptions import InputError, ParameterError, Problem, UnreadableFileError
from gapstudy.provenance import relative_name
from gapstudy.yamlfile import LINE_KEY, read_yaml, user_keys, without_lines

FIGURES_DIR_PARAMETER = "figures_dir"
RUN_NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
RUN_LIST_KEYS = ("runs", "cell_timeout_s")
DEFAULT_CELL_TIMEOUT_S = 300
# A sweep multiplies runs; past this many a run list is surely a mistake.
MAX_RUNS = 1000
# Declared type names (from papermill's inspection) and the Python values each accepts.
_ACCEPTED_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
    "tuple": (tuple, list),
    "set": (list,),
}


@dataclass(frozen=True)
class Run:
    """One execution of a notebook with its parameters; names its outputs."""

    name: str
    notebook: str
    parameters: dict[str, Any] = field(default_factory=dict)

    def notebook_path(self, paths: Any) -> Path:
        return paths.notebooks / self.notebook


def _runs_problem(paths: Any, message: str, line: int | None = None) -> InputError:
    return InputError(Problem(relative_name(paths.runs_file, paths), line, message))


def _sweep_values(values: Any, paths: Any, where: str) -> Any:
    """A sweep's values: a list as written, or ``{from_table: T, column: C}`` for the distinct
    values of column C of tidy table T, sorted (so that new data gets its runs, in a fixed
    order). The build writes the tables before it reads the run list."""
    if not isinstance(values, dict):
        return values
    import csv

    if set(values) != {"from_table", "column"}:
        raise _runs_problem(paths, f"{where}: write a list, or {{from_table: T, column: C}}")
    path = paths.table_file(str(values["from_table"]))
    if not path.exists():
        raise _runs_problem(
            paths, f"{where}: table {relative_name(path, paths)} is missing: run `gapstudy tables`"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        if values["column"] not in next(csv.reader(handle), []):
            raise _runs_problem(paths, f"{where}: table has no column {values['column']!r}")
    import pandas as pd

    # The one column only, by pandas' parser: the table has a row per figure of the corpus.
    column = pd.read_csv(
        path, usecols=[values["column"]], dtype=str, keep_default_na=False, encoding="utf-8"
    )[values["column"]]
    return sorted({value for value in column.unique() if value})


def expand_run_entry(entry: dict[str, Any], paths: Any, position: int) -> list[Run]:
    """The runs one entry of runs.yaml stands for: itself, or one per value of its sweep."""
    where = f"runs[{position}]"
    unknown = sorted(set(entry) - {"name", "notebook", "parameters", "sweep"})
    if unknown:
        raise _runs_problem(paths, f"{where}: unknown key(s) {unknown}")
    for key in ("name", "notebook"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise _runs_problem(paths, f"{where}: {key!r} must be a non-empty text")
    parameters = entry.get("parameters") or {}
    sweep = entry.get("sweep") or {}
    if not isinstance(parameters, dict) or not isinstance(sweep, dict):
        raise _runs_problem(paths, f"{where} ({entry['name']}): parameters and sweep are mappings")
    sweep = {
        key: _sweep_values(values, paths, f"{where}: sweep {key!r}")
        for key, values in sweep.items()
    }
    for key, values in sweep.items():
        if not isinstance(values, list) or not values:
            raise _runs_problem(paths, f"{where}: sweep {key!r} must be a non-empty list")
    if math.prod(len(values) for values in sweep.values()) > MAX_RUNS:
        raise _runs_problem(paths, f"{where}: the sweep makes more than {MAX_RUNS} runs")
    keys = list(sweep)
    runs = []
    for combination in itertools.product(*(sweep[k] for k in keys)):
        values = dict(zip(keys, combination, strict=True))
        try:
            name = entry["name"].format(**values)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError) as err:
            message = f"{where}: cannot format name {entry['name']!r}: {err}"
            raise _runs_problem(paths, message) from err
        runs.append(Run(name, entry["notebook"], {**parameters, **values}))
    return runs


@dataclass(frozen=True)
class RunList:
    """``notebooks/runs.yaml`` read and checked: its runs and the per-cell time limit."""

    runs: list[Run]
    cell_timeout_s: int = DEFAULT_CELL_TIMEOUT_S


# The run list's document by file, parsed again only when its bytes changed: a build reads the
# run list two or three times (before the lock, after the tables, in the validator). Read only.
_DOCUMENTS: dict[Path, tuple[bytes, Any]] = {}


def _load_run_document(paths: Any) -> Any:
    """The run list's YAML document, read like every other input by
    :func:`gapstudy.yamlfile.read_yaml` (UTF-8 checked, duplicate keys, anchors and aliases
    refused, lines kept), its problems named relative to the project root."""
    path = paths.runs_file
    if not path.is_file():
        raise _runs_problem(paths, "run list not found (it lists the notebooks the build runs)")
    data = path.read_bytes()
    cached = _DOCUMENTS.get(path)
    if cached is not None and cached[0] == data:
        return cached[1]
    try:
        document = read_yaml(path)
    except UnreadableFileError as err:
        name = relative_name(path, paths)
        raise UnreadableFileError([replace(p, path=name) for p in err.problems]) from err
    _DOCUMENTS[path] = (data, document)
    return document


def _entry_line(paths: Any, entry: Any, position: int) -> int | None:
    """The line of entry ``position`` of ``runs:``. A mapping keeps its own; for anything else
    (only ever asked to name it in an error) the file, already accepted, is composed again."""
    if isinstance(entry, dict):
        return entry.get(LINE_KEY)
    import yaml

    node = yaml.compose(paths.runs_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        if key.value == "runs" and isinstance(value, yaml.SequenceNode):
            return value.value[position].start_mark.line + 1
    return None


def _is_plain(value: Any) -> bool:
    """Whether ``value`` is plain JSON data (what a parameter value and its record may hold)."""
    if value is None or isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_is_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_plain(v) for k, v in value.items())
    return False


def _check_entry_shape(entry: Any, where: str) -> str | None:
    """What is wrong with the shape of one run-list entry, or None."""
    if not isinstance(entry, dict):
        return (
            f"{where}: each run is a mapping with 'name' and 'notebook' "
            f"(got {type(entry).__name__} {entry!r:.60})"
        )
    if not all(isinstance(key, str) for key in entry):
        return f"{where}: keys must be texts (got {sorted(map(repr, entry))})"
    for part in ("parameters", "sweep"):
        value = entry.get(part)
        if value is None:
            continue
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            return f"{where}: {part!r} must be a mapping from names to values"
        for name, item in value.items():
            if not _is_plain(item):
                return (
                    f"{where}: {part} {name!r}: {item!r:.60} is not a plain value "
                    "(text, number, true/false, null, list or mapping); quote dates"
                )
    return None


def check_notebook_file(paths: Any, run: Run, checked: set[Path] | None = None) -> None:
    """Refuse a run whose notebook is not a notebook file inside ``notebooks/``."""
    notebooks = paths.notebooks.resolve()
    path = (paths.notebooks / run.notebook).resolve()
    if checked is not None and path in checked:
        return
    if not path.is_relative_to(notebooks):
        raise _runs_problem(
            paths,
            f"run {run.name!r}: notebook {run.notebook!r} is outside notebooks/ "
            "(give a file name in notebooks/)",
        )
    if path.suffix != ".ipynb":
        raise _runs_problem(
            paths, f"run {run.name!r}: notebook {run.notebook!r} is not an .ipynb file"
        )
    if not path.is_file():
        raise _runs_problem(paths, f"run {run.name!r}: notebook {run.notebook!r} not found")
    try:
        nb = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise _runs_problem(
            paths, f"run {run.name!r}: {run.notebook} is not a readable notebook ({err})"
        ) from err
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise _runs_problem(paths, f"run {run.name!r}: {run.notebook} has no list of cells")
    if checked is not None:
        checked.add(path)


def _read_cell_timeout(paths: Any, document: dict[str, Any]) -> int:
    value = document.get("cell_timeout_s", DEFAULT_CELL_TIMEOUT_S)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _runs_problem(
            paths, f"cell_timeout_s must be a whole number of seconds, at least 1 (got {value!r})"
        )
    return value


def read_run_list(paths: Any) -> RunList:
    """``notebooks/runs.yaml`` read and checked: sweeps expanded, names and notebooks checked."""
    document = _load_run_document(paths)
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise _runs_problem(paths, "expected a mapping with a top-level 'runs:' list")
    unknown = sorted(str(key) for key in user_keys(document) if key not in RUN_LIST_KEYS)
    if unknown:
        raise _runs_problem(
            paths, f"unknown top-level key(s) {unknown}; known: {', '.join(RUN_LIST_KEYS)}"
        )
    entries = document.get("runs")
    if not isinstance(entries, list):
        raise _runs_problem(paths, "expected a top-level 'runs:' list")
    cell_timeout_s = _read_cell_timeout(paths, document)
    runs: list[Run] = []
    run_lines: list[int | None] = []
    for i, entry in enumerate(entries):
        line = _entry_line(paths, entry, i)
        entry = without_lines(entry)
        shape_problem = _check_entry_shape(entry, f"runs[{i}]")
        if shape_problem:
            raise _runs_problem(paths, shape_problem, line)
        try:
            expanded = expand_run_entry(entry, paths, i)
        except InputError as err:
            raise InputError([replace(p, line=p.line or line) for p in err.problems]) from None
        runs += expanded
        run_lines += [line] * len(expanded)
        if len(runs) > MAX_RUNS:
            raise _runs_problem(paths, f"more than {MAX_RUNS} runs", line)
    seen: set[str] = set()
    checked: set[Path] = set()
    for run, line in zip(runs, run_lines, strict=True):
        if not RUN_NAME_PATTERN.match(run.name):
            raise _runs_problem(
                paths, f"run name {run.name!r} must match {RUN_NAME_PATTERN.pattern}", line
            )
        if run.name in seen:
            raise _runs_problem(paths, f"run name {run.name!r} is used twice", line)
        seen.add(run.name)
        if FIGURES_DIR_PARAMETER in run.parameters:
            message = f"run {run.name!r}: the build sets {FIGURES_DIR_PARAMETER}"
            raise _runs_problem(paths, message, line)
        try:
            check_notebook_file(paths, run, checked)
        except InputError as err:
            raise InputError([replace(p, line=p.line or line) for p in err.problems]) from None
    return RunList(runs, cell_timeout_s)


def read_runs(paths: Any) -> list[Run]:
    """Every run declared in ``notebooks/runs.yaml``, sweeps expanded, names checked."""
    return read_run_list(paths).runs


def select_runs(paths: Any, run_list: RunList, only: Iterable[str] | None) -> list[Run]:
    """The runs of ``run_list`` that ``--only`` names (all when it names none)."""
    runs = run_list.runs
    if only:
        unknown = sorted(set(only) - {run.name for run in runs})
        if unknown:
            raise _runs_problem(paths, f"no run named {', '.join(map(repr, unknown))}")
        runs = [run for run in runs if run.name in set(only)]
    return runs


def _accepted_types(type_name: str, default: str) -> tuple[tuple[type, ...] | None, bool]:
    """Types a parameter accepts (None: anything) and whether it accepts None."""
    text = type_name.replace(" ", "")
    allows_none = "None" in text or text.startswith("Optional")
    inner = text.removeprefix("Optional[").split("[")[0].split("|")[0].lower()
    if inner in _ACCEPTED_TYPES:
        return _ACCEPTED_TYPES[inner], allows_none
    try:
        value = ast.literal_eval(default)
    except (ValueError, SyntaxError):
        return None, True
    if value is None:
        return None, True
    for types in _ACCEPTED_TYPES.values():
        if type(value) is types[-1]:
            return types, allows_none
    return (type(value),), allows_none


def check_parameters(label: str, notebook: Path, parameters: dict[str, Any]) -> None:
    """Refuse parameters the notebook does not declare, or of the wrong type.

    papermill itself only warns about unknown names; a typo would silently run the defaults.
    """
    from papermill import inspect_notebook

    declared = inspect_notebook(str(notebook))
    if FIGURES_DIR_PARAMETER not in declared:
        raise ParameterError(
            f"run {label!r}: {notebook.name} does not declare the parameter "
            f"{FIGURES_DIR_PARAMETER!r} in its cell tagged 'parameters'"
        )
    for name, value in parameters.items():
        if name not in declared:
            raise ParameterError(
                f"run {label!r}: {notebook.name} has no parameter {name!r} "
                f"(it declares {sorted(declared)})"
            )
        types, allows_none = _accepted_types(
            declared[name]["inferred_type_name"], declared[name]["default"]
        )
        if value is None:
            if allows_none:
                continue
            is_wrong = True
        elif types is None:
            is_wrong = False
        else:
            is_wrong = not isinstance(value, types) or (
                isinstance(value, bool) and bool not in types
            )
        if is_wrong:
            raise ParameterError(
                f"run {label!r}: parameter {name!r} of {notebook.name} is declared "
                f"{declared[name]['inferred_type_name']} (default {declared[name]['default']}) "
                f"but was given {value!r} ({type(value).__name__})"
            )


def parse_parameter_values(raw: dict[str, str]) -> dict[str, Any]:
    """Command-line parameter values read as YAML (``3`` is a number, ``[a, b]`` a list)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    values = {}
    for name, text in raw.items():
        try:
            if any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=loader)):
                raise ParameterError(f"parameter {name!r}: YAML aliases are not allowed")
            value = yaml.load(text, Loader=loader)
        except (yaml.YAMLError, ValueError, TypeError, RecursionError) as err:
            problem = " ".join(str(err).split())
            raise ParameterError(
                f"parameter {name!r}: cannot read {text!r} as a YAML value ({problem}); "
                "quote texts, write lists as [a, b]"
            ) from err
        if not _is_plain(value):
            raise ParameterError(
                f"parameter {name!r}: {value!r:.60} is not a plain value "
                "(text, number, true/false, null, list or mapping)"
            )
        values[name] = value
    return values
