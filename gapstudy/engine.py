"""A papermill engine that keeps one warm kernel per process and resets it between runs.

Starting a kernel and importing pandas, matplotlib, seaborn and gapstudy costs more than most of
our notebooks do. ``WarmKernelEngine`` pays that once per process: the first run starts a kernel
and preloads those modules; every run (the first included) then resets the kernel to the state a
fresh kernel would show: an empty user namespace and output history, execution count 1, default
matplotlib settings with no open figures, default pandas options, the original warning filters,
``sys.path``, environment and working folder.

The engine is registered with papermill as ``gapstudy_warm`` (an entry point in pyproject.toml).
papermill imports that entry point while it is itself being imported, so this module must not
import papermill at the top: the engine is a plain class that imports papermill when first used.

The module also holds :func:`clean_executed_notebook`, which strips everything from an executed
notebook that differs from run to run (times, durations, kernel process ids).
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import re
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ENGINE_NAME = "gapstudy_warm"
PRELOADED_MODULES = (
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "seaborn",
    "yaml",
    "gapstudy",
    "gapstudy.output",
)
INJECTED_CELL_ID = "injected-parameters"
# numpy picks its vector code when imported: on a CPU with AVX-512 some functions (``np.log10``
# among them) differ in the last bit from the code other x86-64 CPUs run, which moves a log
# axis's ticks in the sixth decimal of an SVG. The runs' kernels turn those paths off, so the
# committed figures are the same bytes on machines with and without them. (A name numpy does not
# dispatch on a machine, an ARM one say, gives it an ImportWarning, which Python hides.)
NUMPY_FEATURES_OFF = "X86_V4 AVX512_ICL AVX512_SPR"


# Code run silently in a new kernel: preload modules, then snapshot the state the reset restores.
# Everything lives in a hidden module so that the user namespace stays untouched.
def skip_unused_schema_formats() -> None:
    """Keep jsonschema from loading ``rfc3987_syntax`` in this process.

    nbformat validates notebooks with jsonschema, which imports rfc3987-syntax when it is
    installed (JupyterLab's dependencies bring it) and compiles 38 grammars on import: 1.4 s in
    every process that reads a notebook. It serves only the IRI string formats, which the
    notebook schema does not use; jsonschema treats the module as optional, so marking it absent
    changes no validation. Call before anything imports nbformat; a no-op after."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]


_WARMUP_CODE = """
def _gapstudy_warmup(modules):
    import copy, importlib, os, sys, types, warnings
    state = types.ModuleType("_gapstudy_warm_state")
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            pass
    state.path = list(sys.path)
    state.environ = dict(os.environ)
    state.filters = list(warnings.filters)
    state.rc = None
    if "matplotlib.pyplot" in sys.modules:
        # Load the inline backend now (a fresh kernel does so at its first figure), so that the
        # snapshot holds the settings it makes.
        pyplot = sys.modules["matplotlib.pyplot"]
        pyplot.switch_backend(sys.modules["matplotlib"].get_backend())
    if "matplotlib" in sys.modules:
        import matplotlib
        state.rc = {k: v for k, v in matplotlib.rcParams.copy().items() if k != "backend"}

    def reset(cwd):
        ip = get_ipython()
        if "matplotlib.pyplot" in sys.modules:
            sys.modules["matplotlib.pyplot"].close("all")
        ip.reset(new_session=False)
        ip.execution_count = 1
        os.chdir(cwd)
        sys.path[:] = state.path
        os.environ.clear()
        os.environ.update(state.environ)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if state.rc is not None:
                sys.modules["matplotlib"].rcParams.update(copy.deepcopy(state.rc))
            if "pandas" in sys.modules:
                sys.modules["pandas"].reset_option("all")
        warnings.filters[:] = state.filters
        # Forget which warnings were already shown, as a fresh kernel would.
        warnings._filters_mutated()

    state.reset = reset
    sys.modules["_gapstudy_warm_state"] = state

_gapstudy_warmup(PRELOAD)
del _gapstudy_warmup
"""
_RESET_CODE = "__import__('sys').modules['_gapstudy_warm_state'].reset({cwd!r})"

# Kernel process ids appear in the file names of tracebacks and warnings.
_KERNEL_TMP_PATH = re.compile(r"(?:/[^\s:'\"]*)?/ipykernel_\d+/")
_PAPERMILL_VOLATILE = ("start_time", "end_time", "duration")

_lock = threading.Lock()
_warm_managers: dict[tuple[str, str, int], Any] = {}
_kernel_numbers = itertools.count()  # unique socket names, even after kernels are replaced
_cleanup_registered = False


class KernelResetError(RuntimeError):
    """The warm kernel could not be prepared or reset."""


def _client_class() -> type:
    """The nbclient client that resets the kernel before papermill runs the cells."""
    from nbclient.exceptions import CellTimeoutError as NbclientCellTimeout
    from nbclient.util import run_sync
    from papermill.clientwrap import PapermillNotebookClient

    from gapstudy.exceptions import CellTimeoutError

    class WarmNotebookClient(PapermillNotebookClient):
        warm_cwd = ""

        async def async_execute_cell(self, cell: Any, cell_index: int, *args: Any, **kw: Any):
            try:
                return await super().async_execute_cell(cell, cell_index, *args, **kw)
            except NbclientCellTimeout as err:
                timeout = self._get_timeout(cell) or 0
                cell.outputs.append(_timeout_output(cell_index, timeout))
                timed_out = CellTimeoutError(cell_index, cell.source, timeout)
                timed_out.notebook = self.nb  # papermill saves nothing when a run is cut short
                raise timed_out from err
            except Exception as err:
                # A kernel that died, say: the failure report names the cell it happened in.
                err.cell_index, err.source = cell_index, cell.source  # type: ignore[attr-defined]
                err.notebook = self.nb  # type: ignore[attr-defined]
                raise

        execute_cell = run_sync(async_execute_cell)

        def papermill_execute_cells(self) -> None:
            if not getattr(self.km, "gapstudy_is_warm", False):
                self._run_silently(_WARMUP_CODE.replace("PRELOAD", repr(PRELOADED_MODULES)))
                self.km.gapstudy_is_warm = True
            self._run_silently(_RESET_CODE.format(cwd=self.warm_cwd))
            super().papermill_execute_cells()

        def _run_silently(self, code: str) -> None:
            msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
            reply = self.wait_for_reply(msg_id)
            content = (reply or {}).get("content", {})
            if content.get("status") != "ok":
                raise KernelResetError(
                    f"warm kernel setup failed: {content.get('ename')}: {content.get('evalue')}"
                )

    return WarmNotebookClient


def kernel_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` for a new kernel, with numpy's machine-dependent vector paths off
    (:data:`NUMPY_FEATURES_OFF`); a choice of numpy features the user made is left as it is
    (numpy refuses both variables at once)."""
    env = dict(environ)
    if "NPY_ENABLE_CPU_FEATURES" not in env:
        env.setdefault("NPY_DISABLE_CPU_FEATURES", NUMPY_FEATURES_OFF)
    return env


def _kernel_manager(kernel_name: str, cwd: str) -> Any:
    """This process's kernel manager for ``kernel_name`` in ``cwd``; a new one if none is alive."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    global _cleanup_registered
    # One kernel per thread too, so that a thread pool never shares a kernel between runs.
    key = (kernel_name, cwd, threading.get_ident())
    with _lock:
        km = _warm_managers.get(key)
        if km is not None and km.has_kernel and run_sync(km.is_alive)():
            return km
        if km is not None:
            _shutdown(km)
        # Local sockets (IPC) rather than TCP: nothing listens on the network, and the kernel
        # does not warn about unencrypted TCP. They live in the temp folder, not the project.
        sockets = (
            Path(tempfile.gettempdir()) / f"gapstudy-kernel-{os.getpid()}-{len(_warm_managers)}"
        )
        km = AsyncKernelManager(
            kernel_name=kernel_name,
            transport="ipc",
            ip=str(sockets),
            connection_file=f"{sockets}.json",  # beside its sockets: removed with them
        )
        _warm_managers[key] = km
        if not _cleanup_registered:
            _register_cleanup()
            _cleanup_registered = True
        return km


def _register_cleanup() -> None:
    """Shut the warm kernels down when this process ends (worker processes included)."""
    from multiprocessing import util

    atexit.register(shutdown_warm_kernels)
    util.Finalize(None, shutdown_warm_kernels, exitpriority=10)


def _shutdown(km: Any) -> None:
    from jupyter_core.utils import run_sync

    try:
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # noqa: BLE001 - a kernel that is already gone needs no shutdown
        pass


def discard_warm_kernel(km: Any) -> None:
    """Shut down one warm kernel and forget it, so that it is never reused."""
    with _lock:
        for key, value in list(_warm_managers.items()):
            if value is km:
                del _warm_managers[key]
    _shutdown(km)


def _timeout_output(cell_index: int, timeout_s: int) -> Any:
    """An error output recording a timeout in the cell, as a failing cell records its error."""
    from nbformat.v4 import new_output

    return new_output(
        "error",
        ename="CellTimeoutError",
        evalue=f"cell {cell_index} ran longer than {timeout_s} s (cell_timeout_s); "
        "its kernel was stopped",
        traceback=[],
    )


def kill_warm_kernels() -> int:
    """Kill every warm kernel of this process at once (with its own child processes).

    For a process that is about to end abruptly: uses no event loop and takes no lock, so it
    is safe in a signal handler or a watchdog thread. Returns how many kernels were killed.
    """
    with contextlib.suppress(Exception):  # the kernels below are killed whatever happens here
        kill_stray_processes()
    managers = list(_warm_managers.values())
    _warm_managers.clear()
    killed = 0
    for km in managers:
        pid = getattr(getattr(km, "provisioner", None), "pid", None)
        if not pid:
            continue
        try:
            # Kernels are started in their own session, so their process group id is their pid.
            os.killpg(pid, signal.SIGKILL)
            killed += 1
        except OSError:
            pass
    for socket in Path(tempfile.gettempdir()).glob(f"gapstudy-kernel-{os.getpid()}-*"):
        socket.unlink(missing_ok=True)
    return killed


KERNEL_FILE_PREFIX = "gapstudy-kernel-"
PR_SET_CHILD_SUBREAPER = 36  # from <linux/prctl.h>


def become_subreaper(enabled: bool = True) -> bool:
    """Make this process the child subreaper of its descendants (Linux): a process a cell
    starts, even in a new session, is adopted by this process rather than by init when its
    parent ends, so :func:`kill_stray_processes` still finds it. Returns whether it worked.

    ``enabled=False`` gives the role up again. A process that runs builds in-process (a test
    suite, a notebook) must do so when its runs end: while it stays a subreaper, the orphans of
    any build it starts later as a child process are adopted by it rather than by init, and a
    kernel orphaned before its parent poller started waits for init forever."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(PR_SET_CHILD_SUBREAPER, 1 if enabled else 0, 0, 0, 0) == 0


def _kernel_pids() -> set[int]:
    managers = _warm_managers.values()
    pids = (getattr(getattr(km, "provisioner", None), "pid", None) for km in managers)
    return {pid for pid in pids if pid}


def kill_stray_processes() -> int:
    """Kill every process a cell started that is still alive: the descendants of this process's
    kernels, and any process this process adopted (as subreaper) whose environment says a
    kernel of this process started it (``JPY_PARENT_PID``). Kernels themselves are kept.
    Returns how many processes were killed."""
    import psutil

    me = os.getpid()
    kernels = _kernel_pids()
    strays: dict[int, Any] = {}
    for pid in kernels:
        try:
            strays.update((p.pid, p) for p in psutil.Process(pid).children(recursive=True))
        except psutil.Error:
            continue
    for child in psutil.Process(me).children(recursive=True):
        if child.pid in kernels or child.pid in strays:
            continue
        try:
            if child.environ().get("JPY_PARENT_PID") == str(me):
                strays[child.pid] = child
        except psutil.Error:
            continue
    for process in strays.values():
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(list(strays.values()), timeout=2)
    return len(strays)


def _is_gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie not yet reaped has ended too)."""
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True
    except psutil.Error:
        return False


def remove_stale_kernel_files() -> int:
    """Remove kernel socket and connection files left in the temp folder by a process that is
    gone (a worker killed alone), after killing any kernel still started from one of those
    connection files (it would outlive its worker until its parent poller notices, and may
    write its files again); return how many files were removed."""
    import psutil

    stale = []
    for path in Path(tempfile.gettempdir()).glob(f"{KERNEL_FILE_PREFIX}*"):
        pid = path.name.removeprefix(KERNEL_FILE_PREFIX).split("-", 1)[0]
        if pid.isdigit() and _is_gone(int(pid)):
            stale.append(path)
    if not stale:
        return 0
    connection_files = {str(p) for p in stale if p.suffix == ".json"}
    orphans = []
    for process in psutil.process_iter(["cmdline"]):
        if connection_files & set(process.info.get("cmdline") or ()):
            orphans.append(process)
    for process in orphans:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(orphans, timeout=5)
    removed = 0
    for path in stale:
        if path.exists():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def watch_parent(parent_pid: int, *, interval_s: float = 0.5) -> threading.Thread:
    """Start a daemon thread that kills this process's kernels and ends the process as soon
    as its parent ``parent_pid`` is gone (killed with SIGKILL, say, which no handler sees)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval_s)
        kill_warm_kernels()
        os._exit(1)

    thread = threading.Thread(target=watch, name="gapstudy-parent-watch", daemon=True)
    thread.start()
    return thread


def shutdown_warm_kernels() -> int:
    """Shut down every warm kernel this process started; return how many there were."""
    with _lock:
        managers = list(_warm_managers.values())
        _warm_managers.clear()
    for km in managers:
        _shutdown(km)
    return len(managers)


def count_warm_kernels() -> int:
    """How many warm kernels this process holds."""
    return len(_warm_managers)


class WarmKernelEngine:
    """papermill engine running notebooks in this process's warm, reset kernel.

    Accepts the same keyword arguments as papermill's default ``nbclient`` engine.
    """

    @classmethod
    def execute_notebook(
        cls,
        nb: Any,
        kernel_name: str,
        output_path: str | None = None,
        progress_bar: bool = True,
        log_output: bool = False,
        autosave_cell_every: int = 30,
        **kwargs: Any,
    ) -> Any:
        """Run ``nb`` under papermill's execution manager (as papermill's own engines do)."""
        from papermill.engines import NotebookExecutionManager

        nb_man = NotebookExecutionManager(
            nb,
            output_path=output_path,
            progress_bar=progress_bar,
            log_output=log_output,
            autosave_cell_every=autosave_cell_every,
        )
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Execute the cells in the warm kernel, after resetting it."""
        import os

        from papermill.log import logger

        kwargs.pop("input_path", None)
        kwargs.pop("startup_timeout", None)
        timeout = execution_timeout or kwargs.pop("timeout", None)
        cwd = os.getcwd()  # papermill has already moved into the run's ``cwd``
        km = _kernel_manager(kernel_name, cwd)
        client = _client_class()(
            nb_man,
            km=km,
            timeout=timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            **kwargs,
        )
        client.warm_cwd = cwd
        try:
            return client.execute(env=kernel_environment(os.environ))
        except BaseException:
            # A cell error is recorded in the notebook and never reaches here; anything that
            # does (a timeout, an interrupt, a lost kernel) leaves the kernel busy or unknown,
            # so it is stopped and the next run starts a new one.
            discard_warm_kernel(km)
            raise
        finally:
            if client.kc is not None:
                client.kc.stop_channels()

    @classmethod
    def nb_kernel_name(cls, nb: Any, name: str | None = None) -> str:
        from papermill.utils import nb_kernel_name

        return nb_kernel_name(nb, name)

    @classmethod
    def nb_language(cls, nb: Any, language: str | None = None) -> str:
        from papermill.utils import nb_language

        return nb_language(nb, language)


def ensure_engine_registered() -> None:
    """Register the engine with papermill even where the entry point is not installed."""
    from papermill.engines import papermill_engines

    if papermill_engines._engines.get(ENGINE_NAME) is None:
        papermill_engines.register(ENGINE_NAME, WarmKernelEngine)


def _normalise_text(text: Any) -> Any:
    if isinstance(text, list):
        return [_normalise_text(t) for t in text]
    if isinstance(text, str):
        return _KERNEL_TMP_PATH.sub("ipykernel/", text)
    return text


def clean_executed_notebook(
    nb: Any, *, input_path: str | None = None, output_path: str | None = None
) -> Any:
    """Strip run-to-run noise from an executed notebook, in place, and return it.

    Removes papermill's and nbclient's times and durations, gives the injected parameters cell
    a fixed id, replaces papermill's absolute input/output paths by the given project-relative
    ones (or drops them) and removes kernel process ids from outputs. Stream outputs are
    coalesced (see :func:`coalesce_streams`).
    """
    meta = nb.metadata.get("papermill")
    if meta is not None:
        for key in _PAPERMILL_VOLATILE:
            meta.pop(key, None)
        for key, value in (("input_path", input_path), ("output_path", output_path)):
            if value is None:
                meta.pop(key, None)
            else:
                meta[key] = value
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell_meta = cell.metadata.get("papermill")
        if cell_meta is not None:
            for key in _PAPERMILL_VOLATILE:
                cell_meta.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []) and "id" in cell:
            cell["id"] = INJECTED_CELL_ID
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = _normalise_text(output["text"])
            if "traceback" in output:
                output["traceback"] = _normalise_text(output["traceback"])
            if "data" in output and "text/plain" in output["data"]:
                output["data"]["text/plain"] = _normalise_text(output["data"]["text/plain"])
        if "outputs" in cell:
            cell["outputs"] = coalesce_streams(cell["outputs"])
    return nb


def coalesce_streams(outputs: list[Any]) -> list[Any]:
    """One output per stream name, at the place of its first part, stdout before stderr.

    A kernel sends a cell's printed text in as many messages as its buffers were flushed, and
    stdout and stderr travel apart: on a busy machine one ``print`` can arrive as two outputs, or
    after a warning printed later. Joining them as nbclient's ``coalesce_streams`` does keeps the
    executed notebook's bytes independent of the machine's load.
    """
    merged: list[Any] = []
    streams: dict[str, Any] = {}
    for output in outputs:
        if output.get("output_type") != "stream":
            merged.append(output)
        elif output["name"] in streams:
            streams[output["name"]]["text"] += output["text"]
        else:
            streams[output["name"]] = output
            merged.append(output)
    for i in range(len(merged) - 1):
        first, second = merged[i], merged[i + 1]
        if (first.get("output_type"), second.get("output_type")) == ("stream", "stream") and (
            first["name"],
            second["name"],
        ) == ("stderr", "stdout"):
            merged[i], merged[i + 1] = second, first
    return merged
