"""Faults the build must survive: bad run lists and options, interrupts and kills at any moment,
two builds at once, and cells that never finish.

Every test works on a scratch copy of a small project (the real texts and annotations, the
fixture notebooks of tests/fixtures/build) built once per module. The fault tests start real
``gapstudy build`` processes; they are marked ``slow`` but stay in the default run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import psutil
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapstudy import build, lock
from gapstudy.cli import main
from gapstudy.engine import KERNEL_FILE_PREFIX
from gapstudy.exceptions import BuildLockError, GapstudyError, ParameterError
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.runlist import DEFAULT_CELL_TIMEOUT_S, parse_parameter_values, read_run_list

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "build"
RUNS = """\
runs:
  - {name: state, notebook: state.ipynb, parameters: {label: hi}}
  - name: plot-{scale}
    notebook: plot.ipynb
    sweep: {scale: [1.0, 2.0]}
  - {name: sleepy, notebook: sleeps.ipynb, parameters: {seconds: 0.1}}
"""
OUTPUT_FOLDERS = ("data/processed", "figures", "reports")


def make_project(root: Path, runs: str = RUNS) -> ProjectPaths:
    """The real inputs, the fixture notebooks and a run list under ``root``."""
    (root / "data").mkdir(parents=True)
    for name in ("raw", "annotations"):
        shutil.copytree(ROOT / "data" / name, root / "data" / name)
    for name in ("sources.yaml", "entities.yaml", "layers.yaml"):
        shutil.copy(ROOT / "data" / name, root / "data" / name)
    (root / "notebooks").mkdir()
    for notebook in FIXTURES.glob("*.ipynb"):
        shutil.copy(notebook, root / "notebooks" / notebook.name)
    (root / "notebooks" / "runs.yaml").write_text(runs, encoding="utf-8")
    return project_paths(root)


def gapstudy_command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "gapstudy.cli", "--root", str(root), *args]


def output_hashes(root: Path) -> dict[str, str]:
    """sha256 of every committed output file, by project-relative name."""
    hashes = {}
    for folder in OUTPUT_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                hashes[path.relative_to(root).as_posix()] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return hashes


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built project: tables, four runs and the report."""
    root = tmp_path_factory.mktemp("template") / "project"
    make_project(root)
    done = subprocess.run(
        gapstudy_command(root, "build", "--jobs", "2"), capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    shutil.rmtree(root / ".cache")
    return root


@pytest.fixture
def scratch(template: Path, tmp_path: Path) -> ProjectPaths:
    """A fresh copy of the built project."""
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    return project_paths(root)


@pytest.fixture(autouse=True)
def _keep_signal_handlers():
    """The command line installs signal handlers; give the test process its own back."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


# ---------------------------------------------------------------- bad inputs, table-driven


@dataclass(frozen=True)
class Case:
    """One bad input: what to change, the command, and the refusal expected."""

    runs: str | bytes | None = None  # new notebooks/runs.yaml, None to keep it
    files: dict[str, bytes] = field(default_factory=dict)  # more files to write
    setup: Callable[[ProjectPaths, pytest.MonkeyPatch], None] | None = None
    argv: tuple[str, ...] = ("build",)
    code: int = 1
    message: str = ""


def _entry(extra: str) -> str:
    return f"runs:\n  - {{name: state, notebook: state.ipynb{extra}}}\n"


def _symlink_outside(paths: ProjectPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    (paths.notebooks / "link.ipynb").symlink_to(paths.root / "outside.ipynb")


def _cache_is_a_file(paths: ProjectPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.rmtree(paths.scratch, ignore_errors=True)
    paths.scratch.write_text("not a folder")


def _figures_read_only(paths: ProjectPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    # Permissions do not bind root (tests may run as root), so the check's view is simulated.
    real = os.access
    monkeypatch.setattr(
        build.os, "access", lambda p, mode: Path(p).name != "figures" and real(p, mode)
    )


def _provenance_truncated(paths: ProjectPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    text = paths.provenance_file.read_text(encoding="utf-8")
    paths.provenance_file.write_text(text[: len(text) // 2], encoding="utf-8")


STATE_NB = (FIXTURES / "state.ipynb").read_bytes()
CASES = {
    # the run list
    "entry-is-a-number": Case(
        "runs:\n  - 42\n", message=r"notebooks/runs.yaml:2: runs\[0\]: each run is a mapping"
    ),
    "entry-is-a-list": Case(
        "runs:\n  - {name: a, notebook: state.ipynb}\n  - [a, b]\n",
        message=r"runs.yaml:3: runs\[1\]: each run is a mapping .*got list",
    ),
    "notebook-in-parent-folder": Case(
        "runs:\n  - {name: a, notebook: ../outside.ipynb}\n",
        files={"outside.ipynb": STATE_NB},
        message=r"runs.yaml:2: run 'a': notebook '../outside.ipynb' is outside notebooks/",
    ),
    "notebook-etc-passwd": Case(
        "runs:\n  - {name: a, notebook: ../../../../etc/passwd}\n",
        message=r"runs.yaml:2: run 'a': notebook '../../../../etc/passwd' is outside notebooks/",
    ),
    "notebook-absolute-path": Case(
        "runs:\n  - {name: a, notebook: /etc/passwd}\n", message=r"is outside notebooks/"
    ),
    "notebook-symlink-leaving-notebooks": Case(
        "runs:\n  - {name: a, notebook: link.ipynb}\n",
        files={"outside.ipynb": STATE_NB},
        setup=_symlink_outside,
        message=r"notebook 'link.ipynb' is outside notebooks/",
    ),
    "notebook-not-ipynb": Case(
        "runs:\n  - {name: a, notebook: runs.yaml}\n", message=r"'runs.yaml' is not an .ipynb file"
    ),
    "notebook-not-json": Case(
        "runs:\n  - {name: a, notebook: broken.ipynb}\n",
        files={"notebooks/broken.ipynb": b"{not json"},
        message=r"runs.yaml:2: run 'a': broken.ipynb is not a readable notebook",
    ),
    "notebook-without-cells": Case(
        "runs:\n  - {name: a, notebook: empty.ipynb}\n",
        files={"notebooks/empty.ipynb": b"[]"},
        message=r"empty.ipynb has no list of cells",
    ),
    "notebook-missing": Case(
        "runs:\n  - {name: a, notebook: nowhere.ipynb}\n", message=r"'nowhere.ipynb' not found"
    ),
    "yaml-syntax-error": Case(
        "runs:\n  - {name: a, notebook: [\n", message=r"runs.yaml:\d+: YAML syntax error"
    ),
    "yaml-alias": Case(
        "x: &a {name: a, notebook: state.ipynb}\nruns:\n  - *a\n",
        message=r"runs.yaml:1: anchors and aliases \(&name, \*name\) are not accepted",
    ),
    "not-utf8": Case(
        b"runs:\n  - {name: caf\xe9, notebook: state.ipynb}\n",
        message=r"runs.yaml:2: not valid UTF-8: byte\(s\) e9 at byte offset 20",
    ),
    "empty-file": Case("", message=r"runs.yaml: expected a top-level 'runs:' list"),
    "top-level-list": Case("- a\n", message=r"expected a mapping with a top-level 'runs:' list"),
    "unknown-top-level-key": Case(
        "runs: []\ntimeout: 3\n", message=r"unknown top-level key\(s\) \['timeout'\]"
    ),
    "runs-not-a-list": Case("runs: {a: 1}\n", message=r"expected a top-level 'runs:' list"),
    "cell-timeout-zero": Case(
        "cell_timeout_s: 0\nruns: []\n", message=r"cell_timeout_s must be a whole number"
    ),
    "cell-timeout-text": Case(
        "cell_timeout_s: soon\nruns: []\n", message=r"at least 1 \(got 'soon'\)"
    ),
    "unquoted-date": Case(
        _entry(", parameters: {label: 2026-01-31}"),
        message=r"runs.yaml:2: runs\[0\]: parameters 'label': datetime.date.* quote dates",
    ),
    "impossible-date": Case(
        _entry(", parameters: {label: 2026-13-31}"),
        message=r"runs.yaml:2: YAML value not accepted: '2026-13-31' is not a valid date \(month",
    ),
    "binary-value": Case(
        _entry(", parameters: {label: !!binary aGk=}"), message=r"b'hi' is not a plain value"
    ),
    "python-tag": Case(
        _entry(", parameters: {label: !!python/name:os.system ''}"),
        message=r"runs.yaml:2: YAML value not accepted: could not determine a constructor",
    ),
    "nan-value": Case(
        _entry(", parameters: {repeat: .nan}"), message=r"'repeat': nan is not a plain value"
    ),
    "key-not-text": Case(
        "runs:\n  - {1: a, name: a, notebook: state.ipynb}\n", message=r"keys must be texts"
    ),
    "parameters-a-list": Case(
        _entry(", parameters: [1, 2]"), message=r"'parameters' must be a mapping"
    ),
    "sweep-too-large": Case(
        "runs:\n  - name: x-{a}-{b}-{c}\n    notebook: state.ipynb\n    sweep: "
        + "{"
        + ", ".join(f"{k}: {list(range(11))}" for k in "abc")
        + "}\n",
        message=r"runs.yaml:2: runs\[0\]: the sweep makes more than 1000 runs",
    ),
    "sweep-empty": Case(
        "runs:\n  - {name: 'p-{scale}', notebook: plot.ipynb, sweep: {scale: []}}\n",
        message=r"sweep 'scale' must be a non-empty list",
    ),
    "name-format-attribute": Case(
        "runs:\n  - {name: '{scale.x}', notebook: plot.ipynb, sweep: {scale: [1.0]}}\n",
        message=r"runs.yaml:2: runs\[0\]: cannot format name",
    ),
    "name-used-twice": Case(
        "runs:\n  - {name: a, notebook: state.ipynb}\n  - {name: a, notebook: plot.ipynb}\n",
        message=r"runs.yaml:3: run name 'a' is used twice",
    ),
    "figures-dir-given": Case(
        _entry(", parameters: {figures_dir: x}"), message=r"the build sets figures_dir"
    ),
    "unknown-parameter": Case(
        _entry(", parameters: {labl: hi}"),
        message=r"run 'state': state.ipynb has no parameter 'labl'",
    ),
    "parameter-wrong-type": Case(
        _entry(", parameters: {repeat: '3'}"), message=r"parameter 'repeat' .* declared int"
    ),
    # options
    "jobs-zero": Case(argv=("build", "--jobs", "0"), code=2, message=r"--jobs: must be at least 1"),
    "jobs-negative": Case(argv=("build", "--jobs", "-3"), code=2, message=r"at least 1, not -3"),
    "jobs-not-a-number": Case(
        argv=("build", "--jobs", "two"), code=2, message=r"'two' is not a whole number"
    ),
    "cell-timeout-option-zero": Case(
        argv=("build", "--cell-timeout", "0"), code=2, message=r"--cell-timeout: must be at least"
    ),
    "only-unknown-run": Case(argv=("build", "--only", "nope"), message=r"no run named 'nope'"),
    "run-unclosed-list": Case(
        argv=("run", "plot", "-p", "title", "[unclosed"),
        message=r"parameter 'title': cannot read '\[unclosed' as a YAML value",
    ),
    "run-alias": Case(
        argv=("run", "plot", "-p", "title", "&a [*a]"),
        message=r"parameter 'title': YAML aliases are not allowed",
    ),
    "run-date": Case(
        argv=("run", "plot", "-p", "title", "2026-01-31"),
        message=r"parameter 'title': datetime.date.* is not a plain value",
    ),
    "run-unknown-notebook": Case(argv=("run", "nope"), message=r"no notebook notebooks/nope.ipynb"),
    "run-unknown-parameter": Case(
        argv=("run", "plot", "-p", "titel", "x"), message=r"plot.ipynb has no parameter 'titel'"
    ),
    "run-parameter-wrong-type": Case(
        argv=("run", "plot", "-p", "scale", "[1, 2]"), message=r"parameter 'scale' .* float"
    ),
    # output folders and state
    "cache-is-a-file": Case(
        setup=_cache_is_a_file, message=r"\.cache: a file stands where the folder \.cache"
    ),
    "figures-read-only": Case(
        setup=_figures_read_only, message=r"figures: folder is read-only; make it writable"
    ),
    "provenance-truncated": Case(
        setup=_provenance_truncated, message=r"figures/provenance.json:\d+: not valid JSON"
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_is_refused_clearly_and_outputs_stay(
    case: Case,
    scratch: ProjectPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    if case.runs is not None:
        data = case.runs.encode("utf-8") if isinstance(case.runs, str) else case.runs
        scratch.runs_file.write_bytes(data)
    for name, data in case.files.items():
        (scratch.root / name).write_bytes(data)
    if case.setup is not None:
        case.setup(scratch, monkeypatch)
    before = output_hashes(scratch.root)
    capsys.readouterr()
    try:
        code = main(["--root", str(scratch.root), *case.argv])
    except SystemExit as stop:  # argparse refuses an option
        code = stop.code
    captured = capsys.readouterr()
    text = captured.err + captured.out
    assert code == case.code, text
    assert re.search(case.message, text), text
    assert "Traceback" not in text
    assert output_hashes(scratch.root) == before


def test_there_are_many_bad_inputs() -> None:
    assert len(CASES) >= 40


def test_a_lock_left_by_a_dead_build_is_not_in_the_way(
    scratch: ProjectPaths, capsys: pytest.CaptureFixture
) -> None:
    """The lock is an flock, held only while its process lives; a pid in the file means nothing."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    scratch.scratch.mkdir(exist_ok=True)
    (scratch.scratch / lock.LOCK_FILE_NAME).write_text(f"{dead.pid}\n")
    assert main(["--root", str(scratch.root), "build"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert (scratch.scratch / lock.LOCK_FILE_NAME).read_text() == f"{os.getpid()}\n"


def test_the_lock_refuses_a_second_holder_and_lets_a_waiting_one_in(
    scratch: ProjectPaths,
) -> None:
    entered = threading.Event()
    message = rf"another build is running \(pid {os.getpid()}\)"
    with lock.hold_build_lock(scratch):
        with pytest.raises(BuildLockError, match=message), lock.hold_build_lock(scratch):
            pass
        waiter = threading.Thread(target=_enter_waiting, args=(scratch, entered))
        waiter.start()
        assert not entered.wait(0.5), "a waiting build must not enter while the lock is held"
    waiter.join(10)
    assert entered.is_set()


def _enter_waiting(paths: ProjectPaths, entered: threading.Event) -> None:
    with lock.hold_build_lock(paths, wait=True):
        entered.set()


# ---------------------------------------------------------------- fuzzing the run-list loader

PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
NAMES = st.sampled_from(["a", "p-{scale}", "{x}", "{0}", "{scale.real}", "a b", ""]) | st.text(
    max_size=10
)
NOTEBOOKS = st.sampled_from(
    ["state.ipynb", "plot.ipynb", "../x.ipynb", "/etc/passwd", "runs.yaml", "", "."]
)
ENTRIES = st.fixed_dictionaries(
    {},
    optional={
        "name": NAMES | PLAIN,
        "notebook": NOTEBOOKS | PLAIN,
        "parameters": st.dictionaries(st.sampled_from(["label", "repeat", "scale"]), PLAIN) | PLAIN,
        "sweep": st.dictionaries(st.sampled_from(["scale", "x"]), st.lists(PLAIN, max_size=3))
        | PLAIN,
        "typo": PLAIN,
    },
)
DOCUMENTS = (
    st.fixed_dictionaries(
        {"runs": st.lists(ENTRIES | PLAIN, max_size=4)}, optional={"cell_timeout_s": PLAIN}
    )
    | PLAIN
)
YAML_PIECES = st.lists(
    st.sampled_from(
        [
            "runs:",
            "\n",
            "  - ",
            "{",
            "}",
            "[",
            "]",
            ": ",
            ", ",
            "&a ",
            "*a",
            "!!binary ",
            "!!set ",
            "? ",
            "'",
            '"',
            "name",
            "notebook: state.ipynb",
            "2026-13-01",
            "\t",
            "#",
            "%YAML 1.1\n",
            "---\n",
            "...\n",
            "|",
            ">",
            "\xff",
            "é",
        ]  # fmt: skip
    ),
    max_size=30,
).map("".join)


@pytest.fixture(scope="module")
def fuzz_paths(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "notebooks").mkdir()
    for notebook in FIXTURES.glob("*.ipynb"):
        shutil.copy(notebook, root / "notebooks" / notebook.name)
    return project_paths(root)


def _read_or_refuse(paths: ProjectPaths, data: bytes) -> None:
    paths.runs_file.write_bytes(data)
    try:
        read_run_list(paths)
    except GapstudyError as err:
        assert str(err)


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(document=DOCUMENTS)
def test_run_list_loader_refuses_random_structures_with_its_own_errors(
    fuzz_paths: ProjectPaths, document: object
) -> None:
    _read_or_refuse(fuzz_paths, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(data=st.binary(max_size=300))
def test_run_list_loader_refuses_random_bytes_with_its_own_errors(
    fuzz_paths: ProjectPaths, data: bytes
) -> None:
    _read_or_refuse(fuzz_paths, data)


@FUZZ
@given(text=YAML_PIECES)
def test_run_list_loader_refuses_random_yaml_text_with_its_own_errors(
    fuzz_paths: ProjectPaths, text: str
) -> None:
    _read_or_refuse(fuzz_paths, text.encode("utf-8", "surrogateescape"))


@FUZZ
@given(text=YAML_PIECES | st.text(max_size=40))
def test_parameter_values_are_read_or_refused_with_the_parameter_named(text: str) -> None:
    try:
        values = parse_parameter_values({"sources": text})
    except ParameterError as err:
        assert str(err).startswith("parameter 'sources': ")
    else:
        assert set(values) == {"sources"}


# ---------------------------------------------------------------- processes: kills, locks, timeouts


class Descendants:
    """Every process below ``pid``, recorded as they appear, so that orphans can be counted."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.seen: dict[int, psutil.Process] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                for child in self.root.children(recursive=True):
                    self.seen.setdefault(child.pid, child)
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def kernels(self) -> int:
        return sum(1 for p in list(self.seen.values()) if _is_kernel(p))

    def alive(self) -> list[str]:
        alive = []
        for process in self.seen.values():
            try:
                # is_running() compares start times, so a reused pid does not count.
                if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                    alive.append(" ".join(process.cmdline())[-90:])
            except psutil.Error:
                pass
        return alive

    def wait_until_gone(self, timeout_s: float) -> list[str]:
        deadline = time.monotonic() + timeout_s
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.alive()

    def kill_all(self) -> None:
        for process in self.seen.values():
            with contextlib.suppress(psutil.Error):
                process.kill()


def _is_kernel(process: psutil.Process) -> bool:
    try:
        return "ipykernel_launcher" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def start_build(paths: ProjectPaths, log: Path, *args: str) -> subprocess.Popen:
    with log.open("w") as out:
        # A session of its own: signals sent to the test's terminal do not reach it.
        return subprocess.Popen(
            gapstudy_command(paths.root, "build", *args),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _wait_for(condition: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _seed() -> int:
    return int(os.environ.get("GAPSTUDY_FAULT_SEED", random.SystemRandom().randrange(2**32)))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signal_name", "moment", "jobs"),
    [
        ("SIGKILL", "any", 2),
        ("SIGINT", "any", 2),
        ("SIGKILL", "kernels running", 2),
        ("SIGINT", "kernels running", 2),
        # One job: the kernel is a child of the build's own process.
        ("SIGKILL", "kernels running", 1),
        ("SIGINT", "kernels running", 1),
    ],
)
def test_a_build_stopped_at_a_random_moment_leaves_no_process_and_whole_outputs(
    scratch: ProjectPaths, tmp_path: Path, signal_name: str, moment: str, jobs: int
) -> None:
    seed = _seed()
    rng = random.Random(seed)
    before = output_hashes(scratch.root)
    log = tmp_path / "build.log"
    started = time.monotonic()
    process = start_build(scratch, log, "--force", "--jobs", str(jobs))
    tree = Descendants(process.pid)
    try:
        if moment == "kernels running":
            assert _wait_for(lambda: tree.kernels() >= 1, 60), log.read_text()
            time.sleep(rng.uniform(0, 1.5))
        else:
            time.sleep(rng.uniform(0.3, 8))
        stopped_after = time.monotonic() - started
        process.send_signal(getattr(signal, signal_name))
        code = process.wait(timeout=30)
        left = tree.wait_until_gone(15)
        tree.stop()
        context = f"seed {seed}, {signal_name} after {stopped_after:.1f} s, exit {code}: "
        assert left == [], context + f"{len(left)} of {len(tree.seen)} processes left: {left}"
        if signal_name == "SIGINT" and code != 0:
            assert code == 130, context + log.read_text()
            assert "interrupted" in log.read_text()
        # A forced build writes the same bytes, and every move is one step: outputs are whole.
        assert output_hashes(scratch.root) == before, context + log.read_text()
        again = subprocess.run(
            gapstudy_command(scratch.root, "build"), capture_output=True, text=True, check=False
        )
        assert again.returncode == 0, context + again.stdout + again.stderr
        assert output_hashes(scratch.root) == before, context
        json.loads(scratch.provenance_file.read_text(encoding="utf-8"))
    finally:
        tree.stop()
        process.kill()
        tree.kill_all()


@pytest.mark.slow
def test_a_second_build_refuses_with_the_pid_and_a_waiting_one_follows(
    scratch: ProjectPaths, tmp_path: Path
) -> None:
    before = output_hashes(scratch.root)
    first = start_build(scratch, tmp_path / "first.log", "--force", "--jobs", "2")
    held = scratch.scratch / lock.LOCK_FILE_NAME
    waiting = None
    try:
        assert _wait_for(lambda: held.exists() and held.read_text() == f"{first.pid}\n", 60)
        refused = subprocess.run(
            gapstudy_command(scratch.root, "build", "--force"),
            capture_output=True,
            text=True,
            check=False,
        )
        assert refused.returncode == 1
        assert f"another build is running (pid {first.pid})" in refused.stderr
        assert first.poll() is None, "the refused build must not disturb the running one"
        waiting = start_build(scratch, tmp_path / "waiting.log", "--wait")
        assert first.wait(timeout=120) == 0, (tmp_path / "first.log").read_text()
        first_done = time.monotonic()
        assert waiting.wait(timeout=60) == 0, (tmp_path / "waiting.log").read_text()
        waiting_log = (tmp_path / "waiting.log").read_text()
        assert f"waiting for the build running as pid {first.pid} to finish" in waiting_log
        assert "up to date; nothing to execute" in waiting_log
        assert time.monotonic() >= first_done
        assert output_hashes(scratch.root) == before
    finally:
        first.kill()
        if waiting is not None:
            waiting.kill()


@pytest.mark.slow
def test_a_cell_past_its_timeout_fails_its_run_and_keeps_its_last_good_outputs(
    scratch: ProjectPaths, tmp_path: Path
) -> None:
    before = output_hashes(scratch.root)
    scratch.runs_file.write_text(
        "cell_timeout_s: 2\n" + RUNS.replace("seconds: 0.1", "seconds: 60"), encoding="utf-8"
    )
    log = tmp_path / "build.log"
    started = time.monotonic()
    process = start_build(scratch, log, "--jobs", "2")
    tree = Descendants(process.pid)
    try:
        code = process.wait(timeout=120)
        seconds = time.monotonic() - started
        left = tree.wait_until_gone(10)
    finally:
        tree.stop()
        process.kill()
        tree.kill_all()
    text = log.read_text()
    assert code == 1, text
    assert seconds < 50, f"the 60 s cell was not cut short ({seconds:.0f} s)"
    assert left == []
    assert "sleepy" in text and "FAILED" in text
    assert re.search(
        r"sleepy\s+failed\s+cell 4: import time\s+CellTimeoutError: no result after 2 s", text
    )
    assert output_hashes(scratch.root) == before
    kept = nbformat.read(scratch.scratch / "failed" / "sleepy.ipynb", as_version=4)
    printed = [o.get("text", "") for c in kept.cells for o in c.get("outputs", [])]
    errors = [o for c in kept.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert "before the slow cell\n" in printed
    assert [e.ename for e in errors] == ["CellTimeoutError"]


def _kernel_files(folder: Path, pid: int | None = None) -> list[str]:
    """Kernel socket and connection files in ``folder`` (of worker ``pid``, or of any)."""
    pattern = f"{KERNEL_FILE_PREFIX}{pid}-*" if pid is not None else f"{KERNEL_FILE_PREFIX}*"
    return sorted(path.name for path in folder.glob(pattern))


def _worker_with_kernel(tree: Descendants, temp: Path) -> psutil.Process | None:
    """A build worker that has a kernel running and its socket files in ``temp``."""
    for process in list(tree.seen.values()):
        try:
            children = process.children()
        except psutil.Error:
            continue
        if any(_is_kernel(c) for c in children) and _kernel_files(temp, process.pid):
            return process
    return None


@pytest.mark.slow
def test_a_worker_killed_alone_leaves_no_kernel_files_and_no_process(
    scratch: ProjectPaths, tmp_path: Path
) -> None:
    # The build's temp folder is the test's own (short: socket paths are limited to ~100
    # characters), so that the kernel files counted are this build's and nobody else's.
    temp = Path(tempfile.mkdtemp(prefix="gk-", dir="/tmp"))
    before = output_hashes(scratch.root)
    scratch.runs_file.write_text(RUNS.replace("seconds: 0.1", "seconds: 30"), encoding="utf-8")
    log = tmp_path / "build.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            gapstudy_command(scratch.root, "build", "--force", "--jobs", "2"),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "TMPDIR": str(temp)},
        )
    tree = Descendants(process.pid)
    try:
        assert _wait_for(lambda: _worker_with_kernel(tree, temp) is not None, 90), log.read_text()
        worker = _worker_with_kernel(tree, temp)
        kernels = [c for c in worker.children() if _is_kernel(c)]
        had = _kernel_files(temp, worker.pid)
        worker.send_signal(signal.SIGKILL)  # the worker alone: no handler of its own runs
        code = process.wait(timeout=120)
        left = tree.wait_until_gone(15)
    finally:
        tree.stop()
        process.kill()
        tree.kill_all()
    text = log.read_text()
    assert had, "the worker had no kernel files to leave behind"
    assert kernels
    assert code == 1, text
    assert "Traceback" not in text
    assert "FAILED" in text
    assert _kernel_files(temp, worker.pid) == [], f"left by the killed worker: {had}"
    assert _kernel_files(temp) == []
    assert left == [], f"{len(left)} of {len(tree.seen)} processes left: {left}"
    assert not any(k.is_running() and k.status() != psutil.STATUS_ZOMBIE for k in kernels)
    assert output_hashes(scratch.root) == before
    shutil.rmtree(temp, ignore_errors=True)


def test_cell_timeout_is_read_from_the_run_list_with_a_default(tmp_path: Path) -> None:
    paths = make_project(tmp_path / "p")
    assert read_run_list(paths).cell_timeout_s == DEFAULT_CELL_TIMEOUT_S
    paths.runs_file.write_text("cell_timeout_s: 7\n" + RUNS, encoding="utf-8")
    assert read_run_list(paths).cell_timeout_s == 7
