"""``gapstudy build``, the stage sequence: validate, write tables, run every notebook of the
run list, render.

Each stage is redone only when something it depends on changed (content hashes kept in the
committed ``figures/provenance.json``): the tables (:func:`prepare_tables`), the runs
(:mod:`gapstudy.runner`, read from :mod:`gapstudy.runlist`), the report (:func:`render`), all
under the project's build lock (:mod:`gapstudy.lock`). A build with nothing to do imports
neither pandas nor papermill and returns at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any, NoReturn

from gapstudy.exceptions import BuildError, GapstudyError, OutputError, ParameterError
from gapstudy.guard import guarded_results
from gapstudy.lock import LOCK_FILE_NAME, hold_build_lock
from gapstudy.provenance import (
    hash_files,
    hash_json,
    hash_library,
    hash_tables,
    list_files,
    read_state,
    relative_name,
    write_state,
)
from gapstudy.runlist import (
    DEFAULT_CELL_TIMEOUT_S,
    FIGURES_DIR_PARAMETER,
    Run,
    RunList,
    check_parameters,
    parse_parameter_values,
    read_run_list,
    read_runs,
    select_runs,
)
from gapstudy.runner import (
    EXECUTED_IN_STAGE,
    FIGURES_IN_STAGE,
    Inputs,
    RunResult,
    execute_runs,
    explain_staleness,
    format_failures,
    iterate_results,
    make_task,
)

# Names other modules and scripts have read from here; they live in the modules below.
__all__ = [
    "DEFAULT_CELL_TIMEOUT_S",
    "FIGURES_DIR_PARAMETER",
    "LOCK_FILE_NAME",
    "Inputs",
    "Run",
    "RunList",
    "check_output_folders",
    "check_parameters",
    "explain_staleness",
    "hold_build_lock",
    "parse_parameter_values",
    "prepare_tables",
    "read_run_list",
    "read_runs",
    "render",
    "run_build",
    "run_one",
]


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
    return [
        *files,
        *(p for p in (paths.sources_file, paths.entities_file, paths.layers_file) if p.exists()),
    ]


def prepare_tables(paths: Any, state: dict[str, Any], *, force: bool, say: Callable) -> bool:
    """Validate the inputs and write the tables, unless neither they nor the library changed.

    Returns whether the stage ran.
    """
    inputs_sha = hash_json(
        {"inputs": hash_files(_prepare_inputs(paths), paths), "library": hash_library()}
    )
    outputs = hash_files(list_files(paths.processed), paths)
    record = state.get("prepare", {})
    if not force and record.get("inputs_sha256") == inputs_sha and record.get("outputs") == outputs:
        say("tables    skip   inputs, library and tables unchanged")
        return False
    # Imported here so that a build with nothing to do never pays for pandas (and before the
    # child process starts, so that it inherits them and this process pays for them once).
    from gapstudy.tables import write_tables

    say("tables    redo   " + ("forced (--force)" if force else "inputs or tables changed"))
    # write_tables validates the inputs before it touches a file.
    in_child_process(_write_tables_collector_paused, write_tables, paths)
    state["prepare"] = {
        "inputs_sha256": inputs_sha,
        "outputs": hash_files(list_files(paths.processed), paths),
    }
    return True


def _write_tables_collector_paused(write_tables: Callable, paths: Any) -> None:
    """``write_tables`` with Python's cycle collector paused, as ``gapstudy tables`` runs it
    (it keeps nearly everything it makes until it ends), and the sources checked on every
    core."""
    from gapstudy.checkcache import collector_paused, computing_in_parallel

    with collector_paused(), computing_in_parallel(os.cpu_count() or 1):
        write_tables(paths)


def in_child_process(function: Callable, *args: Any) -> None:
    """``function(*args)`` in a forked child process, so that the memory it takes (the whole
    corpus, every table) is given back to the system when it ends, before the notebooks run.

    An exception it raises is raised here (with its message and attributes); an interrupt of
    this process (Ctrl-C, SIGTERM) stops the child and waits for it to clean up before it is
    raised here; if this process is killed, the child is killed too. Where a child cannot be
    forked safely (not Linux, other threads running), ``function`` runs in this process."""
    from gapstudy.checkcache import can_fork

    if not can_fork():
        function(*args)
        return
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _run_child(function, args, write_end, parent)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            report = pipe.read()
        _, status = os.waitpid(pid, 0)
    except BaseException:
        # Interrupted while the child works: stop it and let it clean up first.
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        raise
    _raise_child_error(report, os.waitstatus_to_exitcode(status))


def _run_child(function: Callable, args: tuple, write_end: int, parent: int) -> NoReturn:
    """The forked child's whole life: run, report any exception on ``write_end``, exit."""
    code = 0
    try:
        from gapstudy.checkcache import tie_to_parent

        if not tie_to_parent(parent):
            os._exit(1)
        function(*args)
    except BaseException as err:  # noqa: BLE001 - every exception is relayed to the parent
        code = 1
        with contextlib.suppress(BaseException), os.fdopen(write_end, "wb") as pipe:
            pipe.write(_pickle_error(err))
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _pickle_error(err: BaseException) -> bytes:
    """``err`` as bytes :func:`_raise_child_error` turns back into it. Exceptions of this
    package keep their message in ``args`` and their details (problems, paths) in attributes,
    which plain pickling would not give back to their ``__init__``: both are sent as they are.
    Anything else unpicklable is sent as its type name, message and traceback."""
    import pickle
    import traceback

    where = "".join(traceback.format_exception(err))
    try:
        if isinstance(err, OSError):
            return pickle.dumps(("pickled", err, where))
        return pickle.dumps(("parts", type(err), err.args, vars(err), where))
    except Exception:  # noqa: BLE001 - an unpicklable exception is described instead
        return pickle.dumps(("text", type(err).__name__, str(err), where))


def _raise_child_error(report: bytes, exit_code: int) -> None:
    """Raise in the parent what the child raised (nothing if it succeeded)."""
    import pickle

    if not report:
        if exit_code != 0:
            raise BuildError(f"the tables stage ended with exit code {exit_code}")
        return
    kind, *rest = pickle.loads(report)  # noqa: S301 - written by our own child process
    if kind == "pickled":
        err, where = rest
    elif kind == "parts":
        cls, args, attributes, where = rest
        err = cls.__new__(cls)
        err.args = args
        vars(err).update(attributes)
    else:
        name, message, where = rest
        err = BuildError(f"{name}: {message}")
    if not isinstance(err, (GapstudyError, KeyboardInterrupt)):
        err.add_note("raised in the tables stage's process:\n" + where)
    raise err


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
        select_runs(paths, read_run_list(paths), only)
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
    runs = select_runs(paths, run_list, only)
    cell_timeout_s = cell_timeout_s or run_list.cell_timeout_s
    inputs = Inputs(tables=hash_tables(paths), library_sha256=hash_library())
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
        failures = execute_runs(
            paths, todo, state, inputs, __version__, jobs, executor, cell_timeout_s
        )
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
        print(format_failures(failures))
        return 1
    return 0


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
    (raw,) = list(guarded_results(paths, iterate_results([task], 1, None)))
    result = RunResult(**raw)
    print(f"{stem:<32} {'ok' if result.is_ok else 'FAILED':<6} {result.seconds:6.1f} s")
    print(f"outputs in {relative_name(out, paths)}/")
    if not result.is_ok:
        print(format_failures([result]))
        return 1
    return 0
