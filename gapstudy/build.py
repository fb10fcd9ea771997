"""``gapstudy build``: validate, write tables, run every notebook of the run list, render.

Runs are redone only when something they depend on changed (content hashes kept in the committed
``figures/provenance.json``); they execute in parallel, each process keeping one warm kernel
(:mod:`gapstudy.engine`); each writes into a staging folder under ``.cache/`` and its outputs are
moved into place only if it succeeded. papermill, nbformat and tqdm are imported only when some
run has to execute, so that a build with nothing to do returns at once.
"""

from __future__ import annotations

import ast
import itertools
import json
import math
import os
import re
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gapstudy.exceptions import (
    BuildError,
    BuildLockError,
    CellTimeoutError,
    InputError,
    OutputError,
    ParameterError,
    Problem,
)
from gapstudy.provenance import (
    exchange_folders,
    hash_files,
    hash_json,
    hash_library,
    hash_notebook,
    hash_tables,
    list_files,
    make_run_record,
    read_state,
    relative_name,
    write_state,
)

FIGURES_DIR_PARAMETER = "figures_dir"
RUN_NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
EXECUTED_IN_STAGE = "executed.ipynb"
FIGURES_IN_STAGE = "figures"
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


@dataclass
class RunResult:
    """What happened to a run that was executed."""

    name: str
    is_ok: bool
    seconds: float
    failing_cell: str = ""
    error: str = ""


# ---------------------------------------------------------------------------- the run list


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
        reader = csv.DictReader(handle)
        if values["column"] not in (reader.fieldnames or []):
            raise _runs_problem(paths, f"{where}: table has no column {values['column']!r}")
        return sorted({row[values["column"]] for row in reader if row[values["column"]]})


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


def _load_run_document(paths: Any) -> tuple[Any, list[int | None]]:
    """The run list's YAML document and the line of each entry of its ``runs:`` list.

    Aliases are refused before anything is constructed, so that no alias can multiply entries.
    """
    import yaml

    path = paths.runs_file
    if not path.is_file():
        raise _runs_problem(paths, "run list not found (it lists the notebooks the build runs)")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        message = f"not UTF-8 text (byte {err.start}: {data[err.start : err.start + 1]!r})"
        raise _runs_problem(paths, message, line) from err
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(text, Loader=loader_class):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1
                raise _runs_problem(paths, "YAML aliases (*name) are not allowed here", line)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            document = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = str(err).replace("\n", " ")
        raise _runs_problem(paths, f"not valid YAML: {problem}", line) from err
    except (ValueError, TypeError, RecursionError) as err:
        raise _runs_problem(paths, f"cannot read a value: {err}") from err
    lines: list[int | None] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "runs" and isinstance(value, yaml.SequenceNode):
                lines = [item.start_mark.line + 1 for item in value.value]
    return document, lines


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
    document, lines = _load_run_document(paths)
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise _runs_problem(paths, "expected a mapping with a top-level 'runs:' list")
    unknown = sorted(str(key) for key in document if key not in RUN_LIST_KEYS)
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
        line = lines[i] if i < len(lines) else None
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


# ---------------------------------------------------------------------------- parameters


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


# ---------------------------------------------------------------------------- deciding


@dataclass
class Inputs:
    """What every run depends on besides its own notebook and parameters."""

    tables: dict[str, str]
    library_sha256: str


def explain_staleness(
    paths: Any,
    run: Run,
    record: dict[str, Any] | None,
    inputs: Inputs,
    notebook_hashes: dict[str, str],
) -> list[str]:
    """Why ``run`` must be redone; an empty list when its outputs are up to date."""
    if record is None:
        return ["never built"]
    reasons = []
    notebook = run.notebook_path(paths)
    if notebook.name not in notebook_hashes:
        notebook_hashes[notebook.name] = hash_notebook(notebook)
    if record.get("notebook") != relative_name(notebook, paths):
        reasons.append(f"notebook is now {relative_name(notebook, paths)}")
    elif record.get("notebook_sha256") != notebook_hashes[notebook.name]:
        reasons.append(f"notebook {run.notebook} changed")
    if record.get("parameters") != run.parameters:
        reasons.append("parameters changed")
    old_tables = record.get("input_tables", {})
    changed = sorted(
        name
        for name in set(old_tables) | set(inputs.tables)
        if old_tables.get(name) != inputs.tables.get(name)
    )
    if changed:
        reasons.append(f"input tables changed: {', '.join(changed)}")
    if record.get("library_sha256") != inputs.library_sha256:
        reasons.append("library code changed")
    outputs = record.get("outputs", {})
    for name, sha in sorted(outputs.items()):
        path = paths.root / name
        if not path.exists():
            reasons.append(f"output missing: {name}")
        elif hash_files([path], paths)[name] != sha:
            reasons.append(f"output altered: {name}")
    for path in list_files(paths.figures / run.name):
        name = relative_name(path, paths)
        if name not in outputs:
            reasons.append(f"output not made by the build: {name}")
    return reasons


# ---------------------------------------------------------------------------- executing


def _stage_dir(paths: Any, name: str) -> Path:
    return paths.scratch / "stage" / name


def make_task(
    paths: Any,
    run: Run,
    *,
    stage_dir: Path,
    final_figures: Path,
    cell_timeout_s: int = DEFAULT_CELL_TIMEOUT_S,
) -> dict[str, Any]:
    """The plain-data description of one run that a worker (local or remote) executes."""
    cwd = paths.notebooks
    return {
        "name": run.name,
        "cell_timeout_s": cell_timeout_s,
        "notebook": str(run.notebook_path(paths)),
        "cwd": str(cwd),
        "parameters": {
            **run.parameters,
            FIGURES_DIR_PARAMETER: Path(
                os.path.relpath(stage_dir / FIGURES_IN_STAGE, cwd)
            ).as_posix(),
        },
        "final_figures_dir": Path(os.path.relpath(final_figures, cwd)).as_posix(),
        "final_figures_name": relative_name(final_figures, paths),
        "stage_dir": str(stage_dir),
        "input_path": relative_name(run.notebook_path(paths), paths),
        "output_path": relative_name(paths.executed / f"{run.name}.ipynb", paths),
    }


def _describe_failure(err: BaseException) -> tuple[str, str]:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(err, CellTimeoutError):
        first_line = (err.source or "").strip().splitlines()[:1]
        cell = f"cell {err.cell_index}" + (f": {first_line[0][:60]}" if first_line else "")
        return cell, (
            f"CellTimeoutError: no result after {err.timeout_s} s "
            "(cell_timeout_s in runs.yaml, or --cell-timeout)"
        )
    if isinstance(err, PapermillExecutionError):
        first_line = (err.source or "").strip().splitlines()[:1]
        cell = f"In [{err.exec_count}] (cell {err.cell_index})"
        if first_line:
            cell += f": {first_line[0][:60]}"
        return cell, f"{err.ename}: {err.evalue}"
    return "", f"{type(err).__name__}: {err}"


def execute_run(task: dict[str, Any]) -> dict[str, Any]:
    """Execute one run in this process's warm kernel, writing only into its staging folder.

    Top-level and given plain data, so that any ``concurrent.futures`` executor (a process pool,
    a cluster) can run it. Returns plain data too; the caller moves the outputs into place.
    """
    import nbformat
    import papermill

    from gapstudy.engine import ENGINE_NAME, clean_executed_notebook, ensure_engine_registered

    ensure_engine_registered()
    stage = Path(task["stage_dir"])
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    executed = stage / EXECUTED_IN_STAGE
    failing_cell, error = "", ""
    start = time.perf_counter()
    try:
        papermill.execute_notebook(
            task["notebook"],
            str(executed),
            parameters=task["parameters"],
            engine_name=ENGINE_NAME,
            cwd=task["cwd"],
            progress_bar=False,
            request_save_on_cell_execute=False,
            record_timing=False,
            execution_timeout=task.get("cell_timeout_s"),
        )
    except Exception as err:  # noqa: BLE001 - every failure is reported, none stops the build
        failing_cell, error = _describe_failure(err)
        partial = getattr(err, "notebook", None)
        if partial is not None and not executed.exists():
            nbformat.write(partial, executed)
    seconds = time.perf_counter() - start
    if executed.exists():
        nb = nbformat.read(executed, as_version=4)
        clean_executed_notebook(nb, input_path=task["input_path"], output_path=task["output_path"])
        if not error:
            _point_at_final_figures(nb, task)
        nbformat.write(nb, executed)
    return {
        "name": task["name"],
        "is_ok": not error,
        "seconds": seconds,
        "failing_cell": failing_cell,
        "error": error,
    }


def _point_at_final_figures(nb: Any, task: dict[str, Any]) -> None:
    """Make the executed notebook name the folder its figures were moved to, not the stage.

    Its parameters cell says where they went in a comment and sets ``figures_dir`` back to
    the default, so that running the executed notebook again (nbval, papermill) writes to a
    scratch folder, never next to it or over the committed figures."""
    staged = task["parameters"][FIGURES_DIR_PARAMETER]
    final = task["final_figures_dir"]
    line = f"{FIGURES_DIR_PARAMETER} = {json.dumps(staged)}"
    note = (
        f'{FIGURES_DIR_PARAMETER} = ""  # the build saved these figures in '
        f"{task['final_figures_name']}/; run again, they go to a scratch folder"
    )
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            if line not in cell.source:
                raise BuildError(f"{task['name']}: no line {line} in the injected parameters")
            cell.source = cell.source.replace(line, note)
    meta = nb.metadata.get("papermill", {}).get("parameters", {})
    if meta.get(FIGURES_DIR_PARAMETER) == staged:
        meta[FIGURES_DIR_PARAMETER] = final


def init_worker(parent_pid: int) -> None:
    """Prepare a build worker process so that it, and its kernels, never outlive the build.

    A watchdog thread ends the worker and kills its kernels when the build's process is gone
    (even killed with SIGKILL); SIGTERM does the same at once; SIGINT (Ctrl-C, sent to the
    whole terminal process group) is left to the build's process, which stops the workers.
    The kernels themselves also watch their worker (ipykernel's parent poller).
    """
    from gapstudy.engine import kill_warm_kernels, skip_unused_schema_formats, watch_parent

    skip_unused_schema_formats()

    def on_sigterm(signum: int, frame: Any) -> None:
        kill_warm_kernels()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, on_sigterm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent(parent_pid)


def _stop_workers(executor: Any) -> None:
    """Stop a process pool's workers now (each kills its kernels) and wait until they are gone."""
    # ProcessPoolExecutor keeps its processes in ``_processes``; shutdown() alone would wait
    # for the runs in progress to finish.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    if threading.current_thread() is threading.main_thread():
        # The pool still writes to the pipes of the workers being stopped; with SIGPIPE at its
        # default (the command line sets it so) that write would kill this process.
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    for process in processes:
        if process.is_alive():
            process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()


def _iterate_results(
    tasks: list[dict[str, Any]], jobs: int, executor: Executor | None
) -> Iterator[dict[str, Any]]:
    """Results as runs finish: in this process when one job suffices, else on an executor.

    If the build stops early (an interrupt, an error), the pool's workers and every kernel are
    stopped before this returns.
    """
    if executor is None and min(jobs, len(tasks)) <= 1:
        from gapstudy.engine import kill_warm_kernels, shutdown_warm_kernels

        try:
            for task in tasks:
                yield execute_run(task)
        except BaseException:
            kill_warm_kernels()
            raise
        finally:
            shutdown_warm_kernels()
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    owned = executor is None
    if executor is None:
        import multiprocessing

        # A fresh interpreter per worker: no kernel client or event loop inherited by fork.
        executor = ProcessPoolExecutor(
            max_workers=min(jobs, len(tasks)),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(os.getpid(),),
        )
    try:
        futures = {executor.submit(execute_run, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as err:  # noqa: BLE001 - a lost worker fails its run, not the build
                yield {
                    "name": futures[future]["name"],
                    "is_ok": False,
                    "seconds": 0.0,
                    "failing_cell": "",
                    "error": f"{type(err).__name__}: {err}",
                }
    except BaseException:
        if owned:
            _stop_workers(executor)
        raise
    finally:
        if owned:
            executor.shutdown(wait=True)


def _replace_folder(source: Path | None, target: Path, trash: Path) -> None:
    """Put ``source`` (or nothing) where ``target`` is, removing the old ``target``."""
    shutil.rmtree(trash, ignore_errors=True)
    if source is not None and target.is_dir() and exchange_folders(source, target):
        # Swapped in one step: no moment without the folder, even if the build is killed.
        shutil.rmtree(source, ignore_errors=True)
        return
    if target.exists():
        trash.parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, trash)
    if source is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    shutil.rmtree(trash, ignore_errors=True)


def install_outputs(paths: Any, run: Run) -> list[Path]:
    """Move a successful run's staged notebook and figures into place; return the outputs."""
    stage = _stage_dir(paths, run.name)
    executed = paths.executed / f"{run.name}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    os.replace(stage / EXECUTED_IN_STAGE, executed)
    staged_figures = stage / FIGURES_IN_STAGE
    has_figures = staged_figures.is_dir() and any(staged_figures.iterdir())
    figures = paths.figures / run.name
    _replace_folder(
        staged_figures if has_figures else None, figures, paths.scratch / "trash" / run.name
    )
    shutil.rmtree(stage, ignore_errors=True)
    return [executed, *list_files(figures)]


def keep_failed(paths: Any, run_name: str) -> Path | None:
    """Move a failed run's executed notebook to ``.cache/failed/``; drop its staged figures."""
    stage = _stage_dir(paths, run_name)
    staged = stage / EXECUTED_IN_STAGE
    kept = None
    if staged.exists():
        kept = paths.scratch / "failed" / f"{run_name}.ipynb"
        kept.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, kept)
    shutil.rmtree(stage, ignore_errors=True)
    return kept


# ---------------------------------------------------------------------------- stages


def check_output_folders(paths: Any, folders: Sequence[Path]) -> None:
    """Refuse to start when an output folder (or one of its subfolders) cannot be written."""
    for folder in folders:
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir():
            raise OutputError(
                f"{relative_name(existing, paths)}: a file stands where the folder "
                f"{relative_name(folder, paths)} belongs; move it away and build again"
            )
        subfolders = [p for p in existing.iterdir() if p.is_dir()] if existing == folder else []
        for candidate in [existing, *subfolders]:
            if not os.access(candidate, os.W_OK | os.X_OK):
                name = relative_name(candidate, paths)
                raise OutputError(
                    f"{name}: folder is read-only; make it writable (chmod -R u+w {name}) "
                    "and build again"
                )


def _prepare_inputs(paths: Any) -> list[Path]:
    files = [*list_files(paths.raw), *list_files(paths.annotations)]
    return [*files, *(p for p in (paths.sources_file, paths.entities_file) if p.exists())]


def prepare_tables(paths: Any, state: dict[str, Any], *, force: bool, say: Callable) -> bool:
    """Validate the inputs and write the tables, unless neither they nor the library changed.

    Returns whether the stage ran.
    """
    inputs_sha = hash_json(
        {"inputs": hash_files(_prepare_inputs(paths), paths), "library": hash_library(paths)}
    )
    outputs = hash_files(list_files(paths.processed), paths)
    record = state.get("prepare", {})
    if not force and record.get("inputs_sha256") == inputs_sha and record.get("outputs") == outputs:
        say("tables    skip   inputs, library and tables unchanged")
        return False
    # Imported here so that a build with nothing to do never pays for pandas.
    from gapstudy.check import validate
    from gapstudy.tables import write_tables

    say("tables    redo   " + ("forced (--force)" if force else "inputs or tables changed"))
    validate(paths)
    write_tables(paths)
    state["prepare"] = {
        "inputs_sha256": inputs_sha,
        "outputs": hash_files(list_files(paths.processed), paths),
    }
    return True


def render(
    paths: Any, state: dict[str, Any], inputs: Inputs, *, force: bool, say: Callable
) -> None:
    """Render the report unless none of the outputs it shows changed."""
    inputs_sha = hash_json(
        {
            "runs": {name: run["outputs"] for name, run in state["runs"].items()},
            "tables": inputs.tables,
            "library": inputs.library_sha256,
        }
    )
    record = state.get("render", {})
    html = hash_files(list_files(paths.html), paths)
    if not force and record.get("inputs_sha256") == inputs_sha and record.get("outputs") == html:
        say("render    skip   executed notebooks, figures and library unchanged")
        return
    from gapstudy.render import render_report

    say("render    redo")
    render_report(paths)
    state["render"] = {
        "inputs_sha256": inputs_sha,
        "outputs": hash_files(list_files(paths.html), paths),
    }


# ---------------------------------------------------------------------------- entry points


def _format_failures(results: list[RunResult]) -> str:
    rows = [("run", "status", "failing cell", "error")]
    rows += [
        (r.name, "failed", r.failing_cell or "-", r.error.splitlines()[0][:100]) for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row))
        for row in rows
    )


LOCK_FILE_NAME = "build.lock"


def _read_lock_holder(fd: int) -> str:
    """The process id written in the lock file, or "unknown" while it is being written."""
    for _ in range(20):
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if text.isdigit():
            return text
        time.sleep(0.05)
    return "unknown"


@contextmanager
def hold_build_lock(paths: Any, *, wait: bool = False) -> Iterator[None]:
    """Hold the project's build lock (``.cache/build.lock``) for the duration of the block.

    The lock is an ``flock`` on the file, which the kernel releases when the holding process
    ends however it ends, so a killed build never leaves a stale lock behind; the file holds
    the holder's process id for the message. Raises :class:`BuildLockError` when another
    build holds it, unless ``wait``, in which case this waits for that build to finish.
    """
    import fcntl

    paths.scratch.mkdir(parents=True, exist_ok=True)
    path = paths.scratch / LOCK_FILE_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_lock_holder(fd)
            if not wait:
                raise BuildLockError(
                    f"another build is running (pid {holder}); let it finish, or pass --wait "
                    "to start when it is done"
                ) from None
            print(f"waiting for the build running as pid {holder} to finish", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def run_build(
    paths: Any,
    *,
    jobs: int | None = None,
    force: bool = False,
    explain: bool = False,
    only: Sequence[str] | None = None,
    executor: Executor | None = None,
    with_tables: bool = True,
    with_render: bool = True,
    wait: bool = False,
    cell_timeout_s: int | None = None,
) -> int:
    """Bring every output up to date: tables, the runs of runs.yaml, the report.

    Returns 0 when every run succeeded, 1 when some failed (their last good outputs are kept;
    the failed notebooks are in ``.cache/failed/``). ``with_tables``/``with_render`` let tests
    build notebooks alone. Only one build runs at a time in a project: another raises
    :class:`BuildLockError`, or with ``wait`` waits for it. ``cell_timeout_s`` overrides the
    run list's limit on one cell's time; a run past it fails like a run whose cell raised.
    """
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if cell_timeout_s is not None and cell_timeout_s < 1:
        raise ValueError(f"cell_timeout_s must be at least 1, not {cell_timeout_s}")
    # The run list is checked before anything is written or run, unless a sweep draws its values
    # from tables not written yet: then it is read once the tables stage has written them.
    if not with_tables or paths.datapackage_file.exists():  # written with the table set
        _select_runs(paths, read_run_list(paths), only)
    check_output_folders(
        paths,
        [
            paths.scratch,
            paths.figures,
            paths.executed,
            *([paths.processed] if with_tables else []),
            *([paths.html] if with_render else []),
        ],
    )
    with hold_build_lock(paths, wait=wait):
        return _build_locked(
            paths,
            only,
            jobs=jobs,
            force=force,
            explain=explain,
            executor=executor,
            with_tables=with_tables,
            with_render=with_render,
            cell_timeout_s=cell_timeout_s,
        )


def _select_runs(paths: Any, run_list: RunList, only: Iterable[str] | None) -> list[Run]:
    """The runs of ``run_list`` that ``--only`` names (all when it names none)."""
    runs = run_list.runs
    if only:
        unknown = sorted(set(only) - {run.name for run in runs})
        if unknown:
            raise _runs_problem(paths, f"no run named {', '.join(map(repr, unknown))}")
        runs = [run for run in runs if run.name in set(only)]
    return runs


def _build_locked(
    paths: Any,
    only: Iterable[str] | None,
    *,
    jobs: int | None,
    force: bool,
    explain: bool,
    executor: Executor | None,
    with_tables: bool,
    with_render: bool,
    cell_timeout_s: int | None,
) -> int:
    from importlib.metadata import version

    __version__ = version("gapstudy")

    def say(line: str) -> None:
        if explain:
            print(line)

    state = read_state(paths)
    if with_tables:
        prepare_tables(paths, state, force=force, say=say)
    # Read (again) now that the tables are current: a sweep over a table's values follows them.
    run_list = read_run_list(paths)
    runs = _select_runs(paths, run_list, only)
    cell_timeout_s = cell_timeout_s or run_list.cell_timeout_s
    inputs = Inputs(tables=hash_tables(paths), library_sha256=hash_library(paths))
    notebook_hashes: dict[str, str] = {}
    todo = []
    for run in runs:
        record = state["runs"].get(run.name)
        reasons = (
            ["forced (--force)"]
            if force
            else explain_staleness(paths, run, record, inputs, notebook_hashes)
        )
        say(
            f"{run.name:<32} "
            + (f"redo   {'; '.join(reasons)}" if reasons else "skip   up to date")
        )
        if reasons:
            todo.append(run)
    if todo:
        # Reads the tables (pandas): paid only when there is something to run.
        from gapstudy.selection import check_selection

        for run in todo:
            check_parameters(run.name, run.notebook_path(paths), run.parameters)
            check_selection(run.name, run.notebook_path(paths), run.parameters, paths)
    failures: list[RunResult] = []
    if todo:
        failures = _execute(paths, todo, state, inputs, __version__, jobs, executor, cell_timeout_s)
    else:
        print(f"{len(runs)} run(s) up to date; nothing to execute")
    if with_render:
        render(paths, state, inputs, force=force, say=say)
    write_state(paths, state)
    if failures:
        print(
            f"\n{len(failures)} run(s) failed; last good outputs kept, failed notebooks in "
            f"{relative_name(paths.scratch / 'failed', paths)}/"
        )
        print(_format_failures(failures))
        return 1
    return 0


def _execute(
    paths: Any,
    todo: list[Run],
    state: dict[str, Any],
    inputs: Inputs,
    version: str,
    jobs: int | None,
    executor: Executor | None,
    cell_timeout_s: int = DEFAULT_CELL_TIMEOUT_S,
) -> list[RunResult]:
    """Execute ``todo``, install each success at once and record it; return the failures."""
    from tqdm import tqdm

    by_name = {run.name: run for run in todo}
    tasks = [
        make_task(
            paths,
            run,
            stage_dir=_stage_dir(paths, run.name),
            final_figures=paths.figures / run.name,
            cell_timeout_s=cell_timeout_s,
        )
        for run in todo
    ]
    failures = []
    jobs = jobs or os.cpu_count() or 1
    # disable=None: no bar when stderr is not a terminal (batch logs stay readable).
    with tqdm(total=len(tasks), desc="runs", unit="run", file=sys.stderr, disable=None) as bar:
        for raw in _iterate_results(tasks, jobs, executor):
            result = RunResult(**raw)
            run = by_name[result.name]
            if result.is_ok:
                with _signals_deferred():
                    _install_and_record(paths, run, state, inputs, version)
            else:
                keep_failed(paths, run.name)
                failures.append(result)
            status = "ok" if result.is_ok else "FAILED"
            bar.write(f"{result.name:<32} {status:<6} {result.seconds:6.1f} s", file=sys.stdout)
            bar.update(1)
    return failures


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done, so that an interrupted build never
    leaves a run's outputs half-moved or its record unwritten."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _install_and_record(
    paths: Any, run: Run, state: dict[str, Any], inputs: Inputs, version: str
) -> None:
    """Move a successful run's outputs into place and write its record."""
    outputs = install_outputs(paths, run)
    state["runs"][run.name] = make_run_record(
        paths,
        run_name=run.name,
        notebook=run.notebook_path(paths),
        parameters=run.parameters,
        input_tables=inputs.tables,
        library_sha256=inputs.library_sha256,
        package_version=version,
        outputs=outputs,
    )
    write_state(paths, state)


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


def run_one(
    paths: Any, notebook: str, parameters: dict[str, str], *, cell_timeout_s: int | None = None
) -> int:
    """Run one notebook with other parameters into ``.cache/runs/``, never over the outputs.

    Cells have the run list's time limit unless ``cell_timeout_s`` is given.
    """
    stem = Path(notebook).name.removesuffix(".ipynb")
    path = paths.notebooks / f"{stem}.ipynb"
    if not path.exists():
        raise ParameterError(f"no notebook {relative_name(path, paths)}")
    values = parse_parameter_values(parameters)
    check_parameters(stem, path, values)
    from gapstudy.selection import check_selection

    check_selection(stem, path, values, paths)
    label = f"{stem}-{hash_json(values)[:8]}"
    out = paths.scratch / "runs" / label
    run = Run(label, path.name, values)
    if cell_timeout_s is None:
        cell_timeout_s = read_run_list(paths).cell_timeout_s
    task = make_task(
        paths,
        run,
        stage_dir=out,
        final_figures=out / FIGURES_IN_STAGE,
        cell_timeout_s=cell_timeout_s,
    )
    task["output_path"] = relative_name(out / EXECUTED_IN_STAGE, paths)
    (raw,) = list(_iterate_results([task], 1, None))
    result = RunResult(**raw)
    print(f"{stem:<32} {'ok' if result.is_ok else 'FAILED':<6} {result.seconds:6.1f} s")
    print(f"outputs in {relative_name(out, paths)}/")
    if not result.is_ok:
        print(_format_failures([result]))
        return 1
    return 0
