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
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gapstudy.exceptions import InputError, ParameterError, Problem
from gapstudy.provenance import (
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


def _runs_problem(paths: Any, message: str) -> InputError:
    return InputError(Problem(relative_name(paths.runs_file, paths), None, message))


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
    keys = list(sweep)
    runs = []
    for combination in itertools.product(*(sweep[k] for k in keys)):
        values = dict(zip(keys, combination, strict=True))
        try:
            name = entry["name"].format(**values)
        except (KeyError, IndexError, ValueError) as err:
            message = f"{where}: cannot format name {entry['name']!r}: {err}"
            raise _runs_problem(paths, message) from err
        runs.append(Run(name, entry["notebook"], {**parameters, **values}))
    return runs


def read_runs(paths: Any) -> list[Run]:
    """Every run declared in ``notebooks/runs.yaml``, sweeps expanded, names checked."""
    import yaml

    if not paths.runs_file.exists():
        raise _runs_problem(paths, "run list not found")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        document = yaml.load(paths.runs_file.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(Problem(relative_name(paths.runs_file, paths), line, str(err))) from err
    entries = (document or {}).get("runs")
    if not isinstance(entries, list):
        raise _runs_problem(paths, "expected a top-level 'runs:' list")
    runs = [run for i, entry in enumerate(entries) for run in expand_run_entry(entry, paths, i)]
    seen: set[str] = set()
    for run in runs:
        if not RUN_NAME_PATTERN.match(run.name):
            raise _runs_problem(
                paths, f"run name {run.name!r} must match {RUN_NAME_PATTERN.pattern}"
            )
        if run.name in seen:
            raise _runs_problem(paths, f"run name {run.name!r} is used twice")
        seen.add(run.name)
        if FIGURES_DIR_PARAMETER in run.parameters:
            raise _runs_problem(paths, f"run {run.name!r}: the build sets {FIGURES_DIR_PARAMETER}")
        if not run.notebook_path(paths).exists():
            raise _runs_problem(paths, f"run {run.name!r}: notebook {run.notebook!r} not found")
    return runs


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


def make_task(paths: Any, run: Run, *, stage_dir: Path, final_figures: Path) -> dict[str, Any]:
    """The plain-data description of one run that a worker (local or remote) executes."""
    cwd = paths.notebooks
    return {
        "name": run.name,
        "notebook": str(run.notebook_path(paths)),
        "cwd": str(cwd),
        "parameters": {
            **run.parameters,
            FIGURES_DIR_PARAMETER: Path(
                os.path.relpath(stage_dir / FIGURES_IN_STAGE, cwd)
            ).as_posix(),
        },
        "final_figures_dir": Path(os.path.relpath(final_figures, cwd)).as_posix(),
        "stage_dir": str(stage_dir),
        "input_path": relative_name(run.notebook_path(paths), paths),
        "output_path": relative_name(paths.executed / f"{run.name}.ipynb", paths),
    }


def _describe_failure(err: BaseException) -> tuple[str, str]:
    from papermill.exceptions import PapermillExecutionError

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
        )
    except Exception as err:  # noqa: BLE001 - every failure is reported, none stops the build
        failing_cell, error = _describe_failure(err)
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
    """Make the executed notebook name the folder its figures were moved to, not the stage."""
    staged = task["parameters"][FIGURES_DIR_PARAMETER]
    final = task["final_figures_dir"]
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = cell.source.replace(staged, final)
    meta = nb.metadata.get("papermill", {}).get("parameters", {})
    if meta.get(FIGURES_DIR_PARAMETER) == staged:
        meta[FIGURES_DIR_PARAMETER] = final


def _iterate_results(
    tasks: list[dict[str, Any]], jobs: int, executor: Executor | None
) -> Iterator[dict[str, Any]]:
    """Results as runs finish: in this process when one job suffices, else on an executor."""
    if executor is None and min(jobs, len(tasks)) <= 1:
        from gapstudy.engine import shutdown_warm_kernels

        try:
            for task in tasks:
                yield execute_run(task)
        finally:
            shutdown_warm_kernels()
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    owned = executor is None
    if executor is None:
        import multiprocessing

        # A fresh interpreter per worker: no kernel client or event loop inherited by fork.
        executor = ProcessPoolExecutor(
            max_workers=min(jobs, len(tasks)), mp_context=multiprocessing.get_context("spawn")
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
    finally:
        if owned:
            executor.shutdown(wait=True)


def _replace_folder(source: Path | None, target: Path, trash: Path) -> None:
    """Put ``source`` (or nothing) where ``target`` is, removing the old ``target``."""
    shutil.rmtree(trash, ignore_errors=True)
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
) -> int:
    """Bring every output up to date: tables, the runs of runs.yaml, the report.

    Returns 0 when every run succeeded, 1 when some failed (their last good outputs are kept;
    the failed notebooks are in ``.cache/failed/``). ``with_tables``/``with_render`` let tests
    build notebooks alone.
    """
    from importlib.metadata import version

    __version__ = version("gapstudy")

    def say(line: str) -> None:
        if explain:
            print(line)

    state = read_state(paths)
    if with_tables:
        prepare_tables(paths, state, force=force, say=say)
    runs = read_runs(paths)
    if only:
        unknown = sorted(set(only) - {run.name for run in runs})
        if unknown:
            raise _runs_problem(paths, f"no run named {', '.join(map(repr, unknown))}")
        runs = [run for run in runs if run.name in set(only)]
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
    for run in todo:
        check_parameters(run.name, run.notebook_path(paths), run.parameters)
    failures: list[RunResult] = []
    if todo:
        failures = _execute(paths, todo, state, inputs, __version__, jobs, executor)
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
            else:
                keep_failed(paths, run.name)
                failures.append(result)
            status = "ok" if result.is_ok else "FAILED"
            bar.write(f"{result.name:<32} {status:<6} {result.seconds:6.1f} s", file=sys.stdout)
            bar.update(1)
    return failures


def parse_parameter_values(raw: dict[str, str]) -> dict[str, Any]:
    """Command-line parameter values read as YAML (``3`` is a number, ``[a, b]`` a list)."""
    import yaml

    return {name: yaml.safe_load(value) for name, value in raw.items()}


def run_one(paths: Any, notebook: str, parameters: dict[str, str]) -> int:
    """Run one notebook with other parameters into ``.cache/runs/``, never over the outputs."""
    stem = Path(notebook).name.removesuffix(".ipynb")
    path = paths.notebooks / f"{stem}.ipynb"
    if not path.exists():
        raise ParameterError(f"no notebook {relative_name(path, paths)}")
    values = parse_parameter_values(parameters)
    check_parameters(stem, path, values)
    label = f"{stem}-{hash_json(values)[:8]}"
    out = paths.scratch / "runs" / label
    run = Run(label, path.name, values)
    task = make_task(paths, run, stage_dir=out, final_figures=out / FIGURES_IN_STAGE)
    task["output_path"] = relative_name(out / EXECUTED_IN_STAGE, paths)
    (raw,) = list(_iterate_results([task], 1, None))
    result = RunResult(**raw)
    print(f"{stem:<32} {'ok' if result.is_ok else 'FAILED':<6} {result.seconds:6.1f} s")
    print(f"outputs in {relative_name(out, paths)}/")
    if not result.is_ok:
        print(_format_failures([result]))
        return 1
    return 0
