"""Benchmark of ``gapstudy build`` against a plain papermill loop, in a scratch copy of the project.

Measures, each repeated (``--repeat``, at least 3), every one in a fresh interpreter as a user
runs it (so imports and template loading count every round, not only in the first):

(a) a cold build (``--force``, 2 jobs) and, over the same runs, a sequential loop of
    ``papermill.execute_notebook`` with a fresh kernel per run;
(b) a rebuild with nothing to do (a fresh interpreter running ``gapstudy build``);
(c) a rebuild after one notebook changed, counting the runs redone.

For (a) it also samples memory: the peak of the summed resident set size of this process and
every process below it (pool workers and kernels), every 50 ms.

Uses the project's own notebooks and run list when ``notebooks/runs.yaml`` exists, else the test
fixture notebooks (they import pandas, seaborn and matplotlib and draw and save a figure) in a
run list of comparable size. Writes ``benchmarks/results.json``, ``results.md`` and
``results.png`` (medians). The real outputs are never touched: everything runs in a temporary
copy pointed at by ``GAPSTUDY_ROOT``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent
FIXTURES = CHECKOUT / "tests" / "fixtures" / "build"
FIXTURE_RUNS = """\
runs:
  - name: state
    notebook: state.ipynb
  - name: style
    notebook: style.ipynb
  - name: plot-{scale}
    notebook: plot.ipynb
    sweep:
      scale: [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]
"""
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", ".cache", "__pycache__", "*.egg-info")


def make_scratch_project(use_real: bool) -> tuple[Path, str]:
    """A temporary copy of the project (or of the fixtures) to build in."""
    root = Path(tempfile.mkdtemp(prefix="gapstudy-bench-"))
    if use_real:
        shutil.copytree(CHECKOUT, root, ignore=COPY_IGNORE, dirs_exist_ok=True)
        return root, "project notebooks"
    (root / "notebooks").mkdir()
    for notebook in FIXTURES.glob("*.ipynb"):
        if notebook.stem != "fails":
            shutil.copy(notebook, root / "notebooks" / notebook.name)
    (root / "notebooks" / "runs.yaml").write_text(FIXTURE_RUNS, encoding="utf-8")
    return root, "fixture notebooks (pandas, seaborn, matplotlib, one saved figure each)"


@contextlib.contextmanager
def peak_memory(interval_s: float = 0.05) -> Iterator[dict[str, float]]:
    """Yield a dict whose ``peak_mib`` is, on exit, the largest summed RSS of this process tree."""
    result = {"peak_mib": 0.0}
    done = threading.Event()
    me = psutil.Process()

    def sample() -> None:
        while not done.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            result["peak_mib"] = max(result["peak_mib"], total / 2**20)
            done.wait(interval_s)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield result
    finally:
        done.set()
        thread.join()


def build_in_fresh_interpreter(root: Path, stages: bool, *flags: str) -> tuple[float, str, int]:
    """Seconds, printed output and exit code of one whole ``gapstudy build`` process, as a user
    runs it: imports and template loading are paid every time, as they are after ``make build``.
    (Builds repeated inside one process reuse them, which made the first round look slower.)"""
    if stages:
        command = [sys.executable, "-m", "gapstudy.cli", "build", "--jobs", "2", *flags]
    else:
        options = {"--force": "force=True", "--explain": "explain=True"}
        extra = "".join(f", {options[f]}" for f in flags)
        code = (
            "import sys; from gapstudy.build import run_build; "
            "from gapstudy.paths import project_paths; "
            "sys.exit(run_build(project_paths(), jobs=2, with_tables=False, with_render=False"
            f"{extra}))"
        )
        command = [sys.executable, "-c", code]
    env = {**os.environ, "GAPSTUDY_ROOT": str(root)}
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=CHECKOUT)
    return time.perf_counter() - start, done.stdout + done.stderr, done.returncode


_LOOP = """
import sys, papermill
from gapstudy.build import read_runs
from gapstudy.paths import project_paths
paths = project_paths()
out = paths.scratch / "papermill-loop"
out.mkdir(parents=True, exist_ok=True)
for run in read_runs(paths):
    papermill.execute_notebook(
        str(run.notebook_path(paths)), str(out / f"{run.name}.ipynb"),
        parameters={**run.parameters, "figures_dir": str(out / run.name)},
        cwd=str(paths.notebooks), progress_bar=False,
    )
"""


def sequential_papermill(root: Path) -> float:
    """Seconds for the plain loop in a fresh interpreter: each run of the run list in a fresh
    kernel, one after another."""
    env = {**os.environ, "GAPSTUDY_ROOT": str(root)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _LOOP], env=env, capture_output=True, text=True, cwd=CHECKOUT
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stderr[-2000:])
        raise SystemExit("papermill loop failed")
    return seconds


def noop_in_fresh_interpreter(root: Path, stages: bool) -> tuple[float, int]:
    """Wall time of a whole ``gapstudy build`` process with nothing to do."""
    if stages:
        command = [sys.executable, "-m", "gapstudy.cli", "build"]
    else:
        code = (
            "import sys; from gapstudy.build import run_build; "
            "from gapstudy.paths import project_paths; "
            "sys.exit(run_build(project_paths(), with_tables=False, with_render=False))"
        )
        command = [sys.executable, "-c", code]
    env = {**os.environ, "GAPSTUDY_ROOT": str(root)}
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=CHECKOUT)
    return time.perf_counter() - start, done.returncode


def change_one_notebook(root: Path, round_number: int) -> tuple[str, int]:
    """Append a cell to the first notebook of the run list; return it and how many runs use it."""
    import nbformat

    from gapstudy.build import read_runs
    from gapstudy.paths import project_paths

    paths = project_paths(root)
    runs = read_runs(paths)
    notebook = runs[0].notebook
    path = paths.notebooks / notebook
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(f"benchmark_round = {round_number}"))
    nbformat.write(nb, path)
    return notebook, sum(run.notebook == notebook for run in runs)


def count_redone(explained: str, run_names: set[str]) -> int:
    """Runs the build's ``--explain`` output says it redid (stage lines left out)."""
    return sum(
        1
        for line in explained.splitlines()
        if line.split()[:1] and line.split()[0] in run_names and line.split()[1:2] == ["redo"]
    )


def summarise(samples: list[float]) -> dict:
    return {
        "median_s": round(statistics.median(samples), 3),
        "min_s": round(min(samples), 3),
        "max_s": round(max(samples), 3),
        "samples_s": [round(s, 3) for s in samples],
    }


def summarise_mib(samples: list[float]) -> dict:
    return {
        "median_mib": round(statistics.median(samples), 1),
        "max_mib": round(max(samples), 1),
        "samples_mib": [round(s, 1) for s in samples],
    }


def _scale_section() -> str:
    """Everything of results.md from the scale benchmark's block on (the block benchmarks/scale.py
    writes and the hand-written history of earlier runs after it), kept when this rewrites the
    build benchmark's part above it."""
    path = HERE / "results.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    begin = "<!-- scale benchmark:"
    if begin not in text:
        return ""
    return "\n" + text[text.index(begin) :].rstrip("\n") + "\n"


def write_outputs(results: dict) -> None:
    (HERE / "results.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    m = results["measures"]
    rows = [
        ("sequential papermill loop (fresh kernel per run)", m["sequential_papermill"]),
        ("cold build (--force, 2 jobs, warm kernels)", m["cold_build"]),
        ("no-op rebuild (whole process)", m["noop_rebuild"]),
        ("rebuild after one notebook changed", m["one_notebook_changed"]),
    ]
    lines = [
        f"# Build benchmark ({results['notebooks']}, {results['runs']} runs)",
        "",
        f"Machine: {results['machine']}; {results['note']}.",
        "",
        f"Build times include the tables and render stages: {results['stages_included']}.",
        "",
        "| measure | median s | min s | max s | repeats |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {label} | {r['median_s']:.2f} | {r['min_s']:.2f} | {r['max_s']:.2f} | "
        f"{len(r['samples_s'])} |"
        for label, r in rows
    ]
    t = results["targets"]
    lines += [
        "",
        f"- cold build / sequential loop: **{t['cold_vs_sequential_ratio']:.2f}** (target <= 0.4)",
        f"- no-op rebuild median: **{m['noop_rebuild']['median_s']:.2f} s** (target < 1 s)",
        f"- runs redone after changing `{t['changed_notebook']}`: {t['runs_redone']} "
        f"(runs of that notebook: {t['runs_of_changed_notebook']})",
        "",
        "Peak memory (summed resident set size of the benchmark process, pool workers and kernels,",
        "sampled every 50 ms):",
        "",
        "| measure | median MiB | max MiB |",
        "|---|---:|---:|",
    ]
    mem = results["peak_memory_mib"]
    lines += [
        f"| {label} | {mem[key]['median_mib']:.0f} | {mem[key]['max_mib']:.0f} |"
        for label, key in (
            ("sequential papermill loop", "sequential_papermill"),
            ("cold build (2 jobs, warm kernels)", "cold_build"),
        )
    ]
    lines.append("")
    (HERE / "results.md").write_text("\n".join(lines) + _scale_section())

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax, ax_mem) = plt.subplots(1, 2, figsize=(10, 3.2), gridspec_kw={"width_ratios": [2, 1]})
    labels = [
        "sequential\npapermill",
        "cold build\n(2 jobs)",
        "no-op\nrebuild",
        "one notebook\nchanged",
    ]
    medians = [r["median_s"] for _, r in rows]
    colors = ["#888888", "#1f77b4", "#1f77b4", "#1f77b4"]  # the plain loop in grey
    bars = ax.barh(labels[::-1], medians[::-1], color=colors[::-1])
    ax.bar_label(bars, fmt="%.2f s", padding=3)
    ax.set_xlabel("median wall time (s)")
    ax.set_title(f"gapstudy build, {results['runs']} runs ({results['notebooks'].split(' (')[0]})")
    ax.set_xlim(0, max(medians) * 1.2)
    mem = results["peak_memory_mib"]
    peaks = [mem["cold_build"]["median_mib"], mem["sequential_papermill"]["median_mib"]]
    bars = ax_mem.barh(["cold build\n(2 jobs)", "sequential\npapermill"], peaks,
                       color=["#1f77b4", "#888888"])  # fmt: skip
    ax_mem.bar_label(bars, fmt="%.0f MiB", padding=3)
    ax_mem.set_xlabel("median peak memory (MiB)")
    ax_mem.set_title("memory")
    ax_mem.set_xlim(0, max(peaks) * 1.35)
    fig.tight_layout()
    fig.savefig(HERE / "results.png", dpi=100, metadata={"Software": None})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fixtures", action="store_true", help="use the fixture notebooks")
    args = parser.parse_args()
    repeat = max(args.repeat, 3)
    use_real = not args.fixtures and (CHECKOUT / "notebooks" / "runs.yaml").exists()
    root, kind = make_scratch_project(use_real)
    os.environ["GAPSTUDY_ROOT"] = str(root)
    stages = use_real
    try:
        from gapstudy.build import read_runs
        from gapstudy.paths import project_paths

        n_runs = len(read_runs(project_paths(root)))
        print(f"benchmarking {n_runs} runs of {kind} in {root}", flush=True)
        load_before = os.getloadavg()[0]
        cold, sequential, cold_mib, sequential_mib = [], [], [], []
        for i in range(repeat):
            with peak_memory() as memory:
                seconds, out, code = build_in_fresh_interpreter(root, stages, "--force")
            if code != 0:
                print(out)
                raise SystemExit("cold build failed")
            cold.append(seconds)
            cold_mib.append(memory["peak_mib"])
            with peak_memory() as memory:
                sequential.append(sequential_papermill(root))
            sequential_mib.append(memory["peak_mib"])
            print(
                f"  round {i + 1}: cold build {cold[-1]:.1f} s ({cold_mib[-1]:.0f} MiB), "
                f"loop {sequential[-1]:.1f} s ({sequential_mib[-1]:.0f} MiB)"
            )
        noop = []
        for _ in range(max(repeat, 5)):
            seconds, code = noop_in_fresh_interpreter(root, stages)
            if code != 0:
                raise SystemExit("no-op rebuild failed")
            noop.append(seconds)
        print(f"  no-op: {statistics.median(noop):.2f} s", flush=True)
        changed, redone = [], []
        for i in range(repeat):
            notebook, expected = change_one_notebook(root, i)
            seconds, out, code = build_in_fresh_interpreter(root, stages, "--explain")
            changed.append(seconds)
            redone.append(count_redone(out, {run.name for run in read_runs(project_paths(root))}))
        print(f"  one notebook changed: {statistics.median(changed):.1f} s, redone {redone}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    ratio = statistics.median(cold) / statistics.median(sequential)
    results = {
        "notebooks": kind,
        "runs": n_runs,
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "note": (
            f"1-minute load average {load_before:.2f} when measuring started and "
            f"{os.getloadavg()[0]:.2f} when it ended (the benchmark's own work included)"
        ),
        "stages_included": stages,
        "measures": {
            "cold_build": summarise(cold),
            "sequential_papermill": summarise(sequential),
            "noop_rebuild": summarise(noop),
            "one_notebook_changed": summarise(changed),
        },
        "peak_memory_mib": {
            "cold_build": summarise_mib(cold_mib),
            "sequential_papermill": summarise_mib(sequential_mib),
        },
        "targets": {
            "cold_vs_sequential_ratio": round(ratio, 3),
            "is_cold_within_target": ratio <= 0.4,
            "is_noop_within_target": statistics.median(noop) < 1.0,
            "changed_notebook": notebook,
            "runs_of_changed_notebook": expected,
            "runs_redone": sorted(set(redone)),
            "is_only_changed_redone": set(redone) == {expected},
        },
    }
    write_outputs(results)
    print(json.dumps(results["targets"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
