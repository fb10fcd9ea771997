"""The runner: decides which runs are stale and executes them, each in a warm kernel.

Runs execute in parallel, each process keeping one warm kernel (:mod:`gapstudy.engine`); each
writes into a staging folder under ``.cache/`` and its outputs are moved into place only if it
succeeded. papermill, nbformat and tqdm are imported only when some run has to execute, so
that a build with nothing to do returns at once.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gapstudy.exceptions import BuildError, CellTimeoutError, ClusterError
from gapstudy.guard import guarded_results
from gapstudy.provenance import (
    exchange_folders,
    hash_files,
    hash_notebook,
    list_files,
    make_run_record,
    relative_name,
    write_state,
)
from gapstudy.runlist import DEFAULT_CELL_TIMEOUT_S, FIGURES_DIR_PARAMETER, Run

EXECUTED_IN_STAGE = "executed.ipynb"
FIGURES_IN_STAGE = "figures"


@dataclass
class RunResult:
    """What happened to a run that was executed."""

    name: str
    is_ok: bool
    seconds: float
    failing_cell: str = ""
    error: str = ""


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


def stage_dir_of(paths: Any, name: str) -> Path:
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
    if hasattr(err, "cell_index"):
        first_line = (getattr(err, "source", "") or "").strip().splitlines()[:1]
        cell = f"cell {err.cell_index}" + (f": {first_line[0][:60]}" if first_line else "")
        return cell, f"{type(err).__name__}: {err}"
    return "", f"{type(err).__name__}: {err}"


def execute_run(task: dict[str, Any]) -> dict[str, Any]:
    """Execute one run in this process's warm kernel, writing only into its staging folder.

    Top-level and given plain data, so that any ``concurrent.futures`` executor (a process pool,
    a cluster) can run it. Returns plain data too; the caller moves the outputs into place.
    """
    import nbformat
    import papermill

    from gapstudy.engine import (
        ENGINE_NAME,
        clean_executed_notebook,
        ensure_engine_registered,
        kill_stray_processes,
    )

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
    finally:
        # Whatever a cell started (a server, a child in a new session) ends with the run.
        kill_stray_processes()
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
    from gapstudy.engine import (
        become_subreaper,
        kill_warm_kernels,
        skip_unused_schema_formats,
        watch_parent,
    )

    skip_unused_schema_formats()
    become_subreaper()

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


def iterate_results(
    tasks: list[dict[str, Any]], jobs: int, executor: Executor | None
) -> Iterator[dict[str, Any]]:
    """Results as runs finish: in this process when one job suffices, else on an executor.

    If the build stops early (an interrupt, an error), the pool's workers and every kernel are
    stopped before this returns.
    """
    from gapstudy.engine import become_subreaper, remove_stale_kernel_files

    remove_stale_kernel_files()
    if executor is None and min(jobs, len(tasks)) <= 1:
        from gapstudy.engine import kill_warm_kernels, shutdown_warm_kernels

        become_subreaper()
        try:
            for task in tasks:
                yield execute_run(task)
        except BaseException:
            kill_warm_kernels()
            raise
        finally:
            shutdown_warm_kernels()
            become_subreaper(enabled=False)
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
        remove_stale_kernel_files()  # those of a worker that was killed


# How to get what ``--scheduler`` needs; dask.distributed is an optional dependency.
CLUSTER_INSTALL_HINT = "pip install 'gapstudy[distributed]' on this machine and every worker"
# How long to try reaching the scheduler before saying that none answers.
CLUSTER_CONNECT_TIMEOUT = "20s"


def describe_worker(notebooks: str) -> dict[str, str]:
    """What a cluster worker sees: the project root it finds from ``notebooks`` (as a run's
    kernel will), and the hash of the gapstudy package it imports. Top-level: a worker runs it."""
    from gapstudy.exceptions import ProjectNotFoundError
    from gapstudy.paths import find_root
    from gapstudy.provenance import hash_library

    try:
        root = str(find_root(notebooks))
    except ProjectNotFoundError as err:
        root = f"none ({err})"
    return {"root": root, "library_sha256": hash_library()}


def check_workers(paths: Any, views: dict[str, dict[str, str]], library_sha256: str) -> None:
    """Refuse a cluster whose workers do not see this project at the same path, or run another
    version of the library (their outputs would be recorded as made by this one)."""
    if not views:
        raise ClusterError("the scheduler has no workers; start some with `dask worker ADDRESS`")
    problems = []
    for worker, view in sorted(views.items()):
        if view["root"] != str(paths.root):
            problems.append(f"{worker} finds the project at {view['root']}, not {paths.root}")
        elif view["library_sha256"] != library_sha256:
            problems.append(f"{worker} imports a gapstudy that differs from this build's")
    if problems:
        raise ClusterError(
            "the cluster cannot run this project's notebooks: "
            + "; ".join(problems)
            + ". Every worker needs the project folder at the same path and the same "
            "environment, with this gapstudy installed (docs/build.md, 'On a cluster')"
        )


@contextmanager
def cluster_executor(paths: Any, scheduler: str) -> Iterator[Executor]:
    """An executor on the dask.distributed cluster at ``scheduler`` (``tcp://host:8786``), once
    every worker has been checked (:func:`check_workers`); the connection closes on exit.

    Runs are submitted as impure tasks: each writes files, so two equal tasks both run."""
    try:
        from distributed import Client
    except ImportError as err:
        raise ClusterError(f"--scheduler needs dask.distributed: {CLUSTER_INSTALL_HINT}") from err
    from gapstudy.provenance import hash_library

    try:
        client = Client(scheduler, timeout=CLUSTER_CONNECT_TIMEOUT, set_as_default=False)
    except OSError as err:
        raise ClusterError(f"no dask scheduler answers at {scheduler}: {err}") from err
    try:
        try:
            views = client.run(describe_worker, str(paths.notebooks))
        except Exception as err:  # noqa: BLE001 - whatever a worker raised, said plainly
            raise ClusterError(
                f"a worker of {scheduler} cannot run gapstudy ({type(err).__name__}: {err}); "
                + CLUSTER_INSTALL_HINT
            ) from err
        check_workers(paths, views, hash_library())
        yield client.get_executor(pure=False)
    finally:
        client.close()


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
    stage = stage_dir_of(paths, run.name)
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
    stage = stage_dir_of(paths, run_name)
    staged = stage / EXECUTED_IN_STAGE
    kept = None
    if staged.exists():
        kept = paths.scratch / "failed" / f"{run_name}.ipynb"
        kept.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, kept)
    shutil.rmtree(stage, ignore_errors=True)
    return kept


def format_failures(results: list[RunResult]) -> str:
    rows = [("run", "status", "failing cell", "error")]
    rows += [
        (r.name, "failed", r.failing_cell or "-", r.error.splitlines()[0][:100]) for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row))
        for row in rows
    )


def execute_runs(
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
            stage_dir=stage_dir_of(paths, run.name),
            final_figures=paths.figures / run.name,
            cell_timeout_s=cell_timeout_s,
        )
        for run in todo
    ]
    failures = []
    jobs = jobs or os.cpu_count() or 1
    # disable=None: no bar when stderr is not a terminal (batch logs stay readable).
    with tqdm(total=len(tasks), desc="runs", unit="run", file=sys.stderr, disable=None) as bar:
        results = iterate_results(tasks, jobs, executor)
        names, parallel = [t["name"] for t in tasks], min(jobs, len(tasks))
        for raw in guarded_results(paths, results, names, parallel):
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
