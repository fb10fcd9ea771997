"""Scale benchmark: each step of the pipeline on synthetic corpora of growing size.

For every size N (``--sizes``, multiples of the number of real sources) it makes a scratch copy
of the project whose corpus is the real one replicated to N sources (benchmarks/synthetic.py),
then times, each in a fresh interpreter pointed at the copy by ``GAPSTUDY_ROOT`` (imports paid
every time, as a user pays them):

- ``check``, ``tables``, ``build --force`` (``--jobs`` runs at once; each of its stages, the
  tables, the runs and the render, also timed apart from inside it: ``STAGE_TIMED_BUILD``), a
  no-op ``build``, ``render``, and ``load`` (every tidy table read back with ``gapstudy.load``);
- ``check`` then ``tables`` after one source's annotation file changed (a comment appended),
  timed as ``check (one source changed)`` and ``tables (one source changed)``:
  the edit-and-recheck loop of a researcher.

Each measure records wall time and peak memory: the largest summed resident set size of the
step's process and every process below it (pool workers, kernels), sampled every 50 ms. The
1-minute load average is recorded before and after each step: the machine is shared, and
timings taken under load are noisy. After the build it records what the outputs weigh (the
report folder, its index page, the tallest figure).

From the medians it fits each step's growth exponent ``b`` in ``t ~ N^b`` (least squares in
log-log over all sizes, and between each pair of neighbouring sizes), extrapolates to 10,000
sources from the largest size with the exponent of the last interval, and compares with the
budget; it also gives each step's exponent from the smallest to the largest size and says
whether it is at most ``MAX_EXPONENT`` (1.1). Writes ``benchmarks/scale.json``, ``scale.md`` and
``scale.png``, and replaces the one scale block of ``benchmarks/results.md`` (between markers;
benchmarks/run.py keeps it and the hand-written history after it). With ``--out`` another
folder, results.md is left alone: a trial run (``--sizes 5,10 --out /tmp/x``) changes nothing
committed. The real outputs are never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import make_project  # noqa: E402

TARGET_SOURCES = 10_000
# The linearity target: every step's exponent from the smallest to the largest size at most this.
MAX_EXPONENT = 1.1
# The budget at 10,000 sources (seconds, MiB, bytes).
BUDGET = {
    "edit_recheck_s": 10.0,
    "cold_build_s": 600.0,
    "peak_mib": 4096.0,
    "index_page_bytes": 2_000_000,
}
LOAD_CODE = (
    "import gapstudy; from gapstudy import schema; [gapstudy.load(name) for name in schema.TABLES]"
)
# ``build --force`` as the command line runs it, with each stage of the build (the tables, the
# runs, the render) timed from inside the build's process and printed as a line ``stage <name>
# <wall s> <CPU s>`` (:func:`_stage_seconds`): CPU s of the process and of the children it
# reaped meanwhile (the tables stage's forked child, the pool's workers with their kernels,
# render's forked workers), all reaped before their stage returns.
STAGE_TIMED_BUILD = """
import functools, resource, sys, time
import gapstudy.build as build
def cpu():
    own, reaped = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime
def timed(name, stage):
    @functools.wraps(stage)
    def timed_stage(*args, **kwargs):
        wall, used = time.perf_counter(), cpu()
        try:
            return stage(*args, **kwargs)
        finally:
            print(f"stage {name} {time.perf_counter() - wall:.3f} {cpu() - used:.3f}", flush=True)
    return timed_stage
for name, stage in (("tables", "prepare_tables"), ("runs", "execute_runs"), ("render", "render")):
    setattr(build, stage, timed(name, getattr(build, stage)))
from gapstudy.cli import main
sys.exit(main(sys.argv[1:]))
"""
BUILD_STAGES = ("tables", "runs", "render")
# Step name -> command after the interpreter (None: special, see main loop).
STEPS: dict[str, list[str]] = {
    "check": ["-m", "gapstudy.cli", "check"],
    "tables": ["-m", "gapstudy.cli", "tables"],
    "build --force": ["-c", STAGE_TIMED_BUILD, "build", "--force"],
    "build (no-op)": ["-m", "gapstudy.cli", "build"],
    "render": ["-m", "gapstudy.cli", "render"],
    "load": ["-c", LOAD_CODE],
    "check (one source changed)": ["-m", "gapstudy.cli", "check"],
    "tables (one source changed)": ["-m", "gapstudy.cli", "tables"],
}
RESULTS_BEGIN = "<!-- scale benchmark: {name}, written by benchmarks/scale.py -->"
RESULTS_END = "<!-- end of scale benchmark: {name} -->"


def run_measured(command: list[str], root: Path, timeout_s: float) -> dict:
    """Run ``command`` in a fresh process on the project at ``root``: seconds, peak MiB of its
    process tree, exit code, load averages, and the tail of its output if it failed."""
    # The scratch copy's own package first (PYTHONPATH reaches kernels and workers too): the
    # code measured is the code as it was when the corpus was made, whatever happens to the
    # checkout meanwhile.
    pythonpath = os.pathsep.join(p for p in (str(root), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "GAPSTUDY_ROOT": str(root), "PYTHONPATH": pythonpath}
    load_before = os.getloadavg()[0]
    peak = 0.0
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *command],
        env=env,
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.append(proc.stdout.read()), daemon=True)
    reader.start()
    with contextlib.suppress(psutil.Error):
        tree = psutil.Process(proc.pid)
    timed_out = False
    while proc.poll() is None:
        total = 0
        with contextlib.suppress(psutil.Error):
            for p in [tree, *tree.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
        peak = max(peak, total / 2**20)
        if time.perf_counter() - start > timeout_s:
            timed_out = True
            _stop_tree(proc)
            break
        time.sleep(0.05)
    proc.wait()
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    reader.join()
    text = "".join(output)
    result = {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "peak_mib": round(peak, 1),
        "exit_code": proc.returncode,
        "timed_out": timed_out,
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }
    if proc.returncode != 0 or timed_out:
        result["output_tail"] = text[-1500:]
    runs = _run_seconds(text)
    if runs:
        result["run_seconds"] = runs
    stages = _stage_seconds(text)
    if stages:
        result["stage_seconds"] = stages
    return result


def _stage_seconds(output: str) -> dict[str, dict[str, float]]:
    """The wall and CPU seconds of each stage a stage-timed build printed
    (``stage <name> <wall> <cpu>``, see ``STAGE_TIMED_BUILD``), by stage."""
    stages = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "stage" and parts[1] in BUILD_STAGES:
            with contextlib.suppress(ValueError):
                stages[parts[1]] = {"wall": float(parts[2]), "cpu": float(parts[3])}
    return stages


def _run_seconds(output: str) -> dict[str, float]:
    """The seconds of each notebook run a build printed (``<run> ok <seconds> s``)."""
    runs = {}
    for line in output.splitlines():
        parts = line.rsplit(maxsplit=3)
        if len(parts) == 4 and parts[1] in ("ok", "FAILED") and parts[3] == "s":
            with contextlib.suppress(ValueError):
                runs[parts[0].strip()] = float(parts[2])
    return runs


def _stop_tree(proc: subprocess.Popen) -> None:
    """Stop a step that ran past the time limit, and every process it started."""
    with contextlib.suppress(psutil.Error):
        parent = psutil.Process(proc.pid)
        for child in parent.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                child.kill()
        parent.kill()


def change_one_source(root: Path, round_number: int) -> str:
    """Append a comment to the annotation file of the last source listed; return its id."""
    import yaml

    doc = yaml.safe_load((root / "data" / "sources.yaml").read_text(encoding="utf-8"))
    source_id = doc["sources"][-1]["source_id"]
    path = root / "data" / "annotations" / f"{source_id}.yaml"
    with path.open("a", encoding="utf-8") as out:
        out.write(f"# edited by the scale benchmark, round {round_number}\n")
    return source_id


def output_sizes(root: Path) -> dict:
    """What the built outputs weigh: the report folder, its index page, the tallest figure."""
    from PIL import Image

    html = root / "reports" / "html"
    index = html / "index.html"
    tallest = (0, 0, "")
    for png in sorted((root / "figures").rglob("*.png")):
        with Image.open(png) as image:
            width, height = image.size
        if height > tallest[1]:
            tallest = (width, height, png.relative_to(root / "figures").as_posix())
    return {
        "report_bytes": sum(p.stat().st_size for p in html.rglob("*") if p.is_file()),
        "index_page_bytes": index.stat().st_size if index.exists() else None,
        "tallest_figure_px": tallest[1],
        "tallest_figure_width_px": tallest[0],
        "tallest_figure": tallest[2],
    }


def measure_size(
    n_sources: int, steps: list[str], repeat: int, jobs: int, timeout_s: float, keep: bool
) -> dict:
    """The ``steps`` at one size, ``repeat`` times each; the corpus is made once."""
    root = Path(tempfile.mkdtemp(prefix=f"gapstudy-scale-{n_sources}-"))
    try:
        made = make_project(n_sources, root)
        print(f"size {n_sources}: corpus in {root} ({made})", flush=True)
        samples: dict[str, list[dict]] = {step: [] for step in steps}
        outputs = None
        for round_number in range(repeat):
            for step in steps:
                command = STEPS[step]
                if step == "build --force":
                    command = [*command, "--jobs", str(jobs)]
                if step == "check (one source changed)":
                    change_one_source(root, round_number)
                result = run_measured(command, root, timeout_s)
                samples[step].append(result)
                flag = "" if result["exit_code"] == 0 else f"  FAILED (exit {result['exit_code']})"
                print(
                    f"  {step:<28} {result['seconds']:8.2f} s {result['peak_mib']:7.0f} MiB"
                    f"  load {result['load_before']:.1f}->{result['load_after']:.1f}{flag}",
                    flush=True,
                )
                if step == "build --force" and result["exit_code"] == 0 and outputs is None:
                    outputs = output_sizes(root)
        return {"sources": n_sources, "steps": _summarise(samples), "outputs": outputs}
    finally:
        if keep:
            print(f"  kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def _summarise(samples: dict[str, list[dict]]) -> dict:
    summary = {}
    for step, results in samples.items():
        ok = [r for r in results if r["exit_code"] == 0 and not r["timed_out"]]
        summary[step] = {
            "median_s": round(statistics.median(r["seconds"] for r in ok), 3) if ok else None,
            "median_cpu_s": (
                round(statistics.median(r["cpu_seconds"] for r in ok), 3) if ok else None
            ),
            "peak_mib": round(max(r["peak_mib"] for r in ok), 1) if ok else None,
            "failed": len(results) - len(ok),
            "samples": results,
        }
    return summary


def exponent(sizes: list[int], values: list[float]) -> float | None:
    """Least-squares slope of log(values) against log(sizes)."""
    points = [(math.log(n), math.log(v)) for n, v in zip(sizes, values, strict=True) if v]
    if len(points) < 2:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


def growth(rows: list[tuple[int, float | None]]) -> dict:
    """Exponent of ``value ~ N^b`` over all sizes (fit), each interval, and from the smallest to
    the largest size with a value (span: the measure of the linearity target), and the value at
    10,000 sources extrapolated from the last interval (power law or straight line, the larger)."""
    rows = [(n, v) for n, v in rows if v]
    intervals = [
        {
            "from": a[0],
            "to": b[0],
            "exponent": round(math.log(b[1] / a[1]) / math.log(b[0] / a[0]), 3),
        }
        for a, b in zip(rows, rows[1:], strict=False)
    ]
    fit = exponent([n for n, _ in rows], [v for _, v in rows])
    last = intervals[-1]["exponent"] if intervals else None
    span = None
    if len(rows) >= 2:
        (n_first, v_first), (n_end, v_end) = rows[0], rows[-1]
        span = {
            "from": n_first,
            "to": n_end,
            "exponent": round(math.log(v_end / v_first) / math.log(n_end / n_first), 3),
        }
    estimate = None
    if last is not None:
        # The larger of the power law through the last interval and a straight line through it
        # (a fixed part plus a per-source part): at small sizes the fixed part (imports) hides
        # the per-source growth from the exponent, and the line does not.
        (n0, v0), (n_max, v_max) = rows[-2], rows[-1]
        power = v_max * (TARGET_SOURCES / n_max) ** max(last, 0.0)
        line = v_max + max((v_max - v0) / (n_max - n0), 0.0) * (TARGET_SOURCES - n_max)
        estimate = max(power, line)
    return {
        "exponent_fit": round(fit, 3) if fit is not None else None,
        "exponent_intervals": intervals,
        "exponent_last": last,
        "exponent_span": span,
        "estimate_10000": round(estimate, 1) if estimate is not None else None,
    }


def analyse(by_size: list[dict]) -> dict:
    """Growth of every step's wall time, CPU time and peak memory, and 10,000-source estimates.

    Memory is extrapolated linearly from the last interval (a fixed base plus a per-source
    part), since a power law through a large fixed base understates its growth."""
    analysis = {}
    for step in by_size[0]["steps"]:
        steps = [(m["sources"], m["steps"][step]) for m in by_size]
        peaks = [(n, s["peak_mib"]) for n, s in steps if s["peak_mib"]]
        mem_estimate = None
        if len(peaks) >= 2:
            (n0, p0), (n1, p1) = peaks[-2], peaks[-1]
            mem_estimate = p1 + max((p1 - p0) / (n1 - n0), 0.0) * (TARGET_SOURCES - n1)
        mem_fit = exponent([n for n, _ in peaks], [p for _, p in peaks])
        analysis[step] = {
            "wall": growth([(n, s["median_s"]) for n, s in steps]),
            "cpu": growth([(n, s["median_cpu_s"]) for n, s in steps]),
            "peak_mib_exponent_fit": round(mem_fit, 3) if mem_fit is not None else None,
            "estimate_10000_peak_mib": round(mem_estimate) if mem_estimate is not None else None,
        }
    return analysis


def budget(by_size: list[dict], analysis: dict) -> list[dict]:
    """The budget at 10,000 sources beside the values extrapolated from wall times (on a loaded
    machine these overstate; scale.md also gives the CPU-time exponents). A measure whose steps
    were not timed is left out."""
    largest = by_size[-1]
    rows = []
    recheck = [s for s in analysis if "one source changed" in s]
    if recheck:
        wall = [analysis[s]["wall"]["estimate_10000"] for s in recheck]
        cpu = [analysis[s]["cpu"]["estimate_10000"] for s in recheck]
        rows.append(
            (
                "check + tables after one changed source",
                "edit_recheck_s",
                sum(wall) if None not in wall else None,
                sum(largest["steps"][s]["median_s"] or 0 for s in recheck),
                "s",
                sum(cpu) if None not in cpu else None,
            )
        )
    if "build --force" in analysis:
        rows.append(
            (
                "cold build (build --force)",
                "cold_build_s",
                analysis["build --force"]["wall"]["estimate_10000"],
                largest["steps"]["build --force"]["median_s"],
                "s",
                analysis["build --force"]["cpu"]["estimate_10000"],
            )
        )
    peaks = [a["estimate_10000_peak_mib"] for a in analysis.values()]
    rows.append(
        (
            "peak memory of any step",
            "peak_mib",
            max((p for p in peaks if p is not None), default=None),
            max((s["peak_mib"] or 0) for s in largest["steps"].values()),
            "MiB",
            None,
        )
    )
    index_sizes = [
        (m["sources"], m["outputs"]["index_page_bytes"])
        for m in by_size
        if m["outputs"] and m["outputs"]["index_page_bytes"]
    ]
    if index_sizes:
        index_estimate = None
        if len(index_sizes) >= 2:
            (n0, b0), (n1, b1) = index_sizes[-2], index_sizes[-1]
            index_estimate = b1 + max((b1 - b0) / (n1 - n0), 0.0) * (TARGET_SOURCES - n1)
        rows.append(
            ("index page", "index_page_bytes", index_estimate, index_sizes[-1][1], "bytes", None)
        )
    return [_budget_row(*row, is_at_target=largest["sources"] >= TARGET_SOURCES) for row in rows]


def _budget_row(
    label: str,
    key: str,
    estimate: float | None,
    measured: float | None,
    unit: str,
    cpu: float | None,
    *,
    is_at_target: bool,
) -> dict:
    """One measure of the budget; measured at the target size or above, the measurement is the
    estimate (nothing to extrapolate; a time's CPU estimate is then left to scale.md)."""
    if estimate is None and is_at_target:
        estimate = measured
    return {
        "measure": label,
        "budget": BUDGET[key],
        "unit": unit,
        "at_largest_size": measured,
        "estimate_10000": round(estimate, 1) if estimate is not None else None,
        "estimate_10000_cpu": round(cpu, 1) if cpu is not None else None,
        "within_budget": estimate is not None and estimate <= BUDGET[key],
        "within_budget_cpu": cpu is not None and cpu <= BUDGET[key],
    }


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _cell(step: dict, key: str) -> str:
    if step[key] is None:
        return f"failed ({step['failed']})"
    return f"{step[key]:.2f}"


def _step_table(results: dict, key: str, growth_key: str, with_memory: bool) -> list[str]:
    sizes = [m["sources"] for m in results["by_size"]]
    lines = [
        "| step | " + " | ".join(f"{n}" for n in sizes) + " | exponent (fit) | last interval |",
        "|---|" + "---:|" * (len(sizes) + 2),
    ]
    for step, a in results["analysis"].items():
        cells = []
        for m in results["by_size"]:
            s = m["steps"][step]
            cell = _cell(s, key)
            if with_memory and s["peak_mib"] is not None:
                cell += f" ({s['peak_mib']:.0f})"
            cells.append(cell)
        g = a[growth_key]
        lines.append(
            f"| `{step}` | " + " | ".join(cells) + f" | {_fmt(g['exponent_fit'])} | "
            f"{_fmt(g['exponent_last'])} |"
        )
    return lines


def _stage_table(results: dict) -> list[str]:
    """The wall and CPU seconds of each stage inside ``build --force`` (median over rounds),
    and what the build spent outside them (starting, reading the run list, checking each run's
    parameters and selection, installing outputs), by size."""
    by_size = [
        (m["sources"], (m["steps"].get("build --force") or {}).get("samples") or [])
        for m in results["by_size"]
    ]
    rows: dict[str, dict[int, str]] = {}
    for n, samples in by_size:
        timed = [s for s in samples if s.get("stage_seconds")]
        if not timed:
            continue
        for name in (*BUILD_STAGES, "outside the stages"):
            if name == "outside the stages":
                wall = [
                    s["seconds"] - sum(t["wall"] for t in s["stage_seconds"].values())
                    for s in timed
                ]
                cpu = [
                    s["cpu_seconds"] - sum(t["cpu"] for t in s["stage_seconds"].values())
                    for s in timed
                ]
            else:
                wall = [
                    s["stage_seconds"][name]["wall"] for s in timed if name in s["stage_seconds"]
                ]
                cpu = [s["stage_seconds"][name]["cpu"] for s in timed if name in s["stage_seconds"]]
            if wall:
                rows.setdefault(name, {})[n] = (
                    f"{statistics.median(wall):.1f} / {statistics.median(cpu):.1f}"
                )
    if not rows:
        return []
    sizes = [n for n, _ in by_size]
    return [
        "## Stages inside `build --force` (wall s / CPU s, as the build timed them)",
        "",
        "| stage | " + " | ".join(map(str, sizes)) + " |",
        "|---|" + "---:|" * len(sizes),
        *(
            f"| {name} | " + " | ".join(cells.get(n, "—") for n in sizes) + " |"
            for name, cells in rows.items()
        ),
        "",
    ]


def _run_table(results: dict) -> list[str]:
    """Seconds of each notebook run inside ``build --force`` (as the build printed them; runs
    share the machine with one another), with their growth exponents."""
    by_size = [
        (m["sources"], (m["steps"].get("build --force") or {}).get("samples") or [])
        for m in results["by_size"]
    ]
    per_run: dict[str, list[tuple[int, float]]] = {}
    for n, samples in by_size:
        ok = [s["run_seconds"] for s in samples if s.get("run_seconds")]
        for name in ok[0] if ok else {}:
            per_run.setdefault(name, []).append((n, statistics.median(r[name] for r in ok)))
    if not per_run:
        return []
    sizes = [n for n, _ in by_size]
    lines = [
        "## Notebook runs inside `build --force` (wall seconds as the build printed them)",
        "",
        "| run | " + " | ".join(map(str, sizes)) + " | exponent (fit) | last interval |",
        "|---|" + "---:|" * (len(sizes) + 2),
    ]
    for name, rows in sorted(per_run.items(), key=lambda item: -item[1][-1][1]):
        values = dict(rows)
        g = growth(rows)
        cells = " | ".join(_fmt(values.get(n)) for n in sizes)
        lines.append(
            f"| {name} | {cells} | {_fmt(g['exponent_fit'])} | {_fmt(g['exponent_last'])} |"
        )
    return [*lines, ""]


def markdown(results: dict, name: str = "scale") -> tuple[str, str]:
    """(The whole report for scale.md, the extrapolation section for results.md)."""
    sizes = [m["sources"] for m in results["by_size"]]
    lines = [
        f"# Scale benchmark ({', '.join(map(str, sizes))} sources)",
        "",
        f"Code measured: commit {results['commit']}. Machine: {results['machine']}. "
        f"{results['note']}",
        "",
        f"Synthetic corpora: the {results['real_sources']} real sources replicated under new "
        "ids (benchmarks/synthetic.py). "
        f"Each step in a fresh interpreter; median of {results['repeat']} round(s); "
        f"`build --force` with {results['jobs']} jobs. Peak memory: summed resident set size of "
        "the step's process tree, sampled every 50 ms. CPU time: user + system time of the "
        "step's process and everything it started (less sensitive to other load than wall "
        "time, but blind to the gain of running two jobs at once).",
        "",
        "## Wall seconds (peak MiB)",
        "",
        *_step_table(results, "median_s", "wall", with_memory=True),
        "",
        "## CPU seconds",
        "",
        *_step_table(results, "median_cpu_s", "cpu", with_memory=False),
        "",
        "Load average (1 min) before each step, per size: "
        + "; ".join(
            f"{m['sources']}: "
            + ", ".join(
                f"{r['load_before']:.1f}" for s in m["steps"].values() for r in s["samples"][:1]
            )
            for m in results["by_size"]
        )
        + ".",
        "",
        *_stage_table(results),
        *_run_table(results),
        "## Outputs after `build --force`",
        "",
        "| sources | report folder MiB | index page KB | tallest figure px |",
        "|---:|---:|---:|---:|",
    ]
    for m in results["by_size"]:
        o = m["outputs"]
        if o:
            lines.append(
                f"| {m['sources']} | {o['report_bytes'] / 2**20:.1f} | "
                f"{(o['index_page_bytes'] or 0) / 1000:.0f} | {o['tallest_figure_px']} "
                f"({o['tallest_figure']}) |"
            )
        elif "build --force" in m["steps"]:
            lines.append(f"| {m['sources']} | build failed | | |")
        else:
            lines.append(f"| {m['sources']} | not built | | |")
    section = results_section(results, name)
    growth_from = next(i for i, line in enumerate(section) if line.startswith("### "))
    lines += ["", "## Summary (as in benchmarks/results.md)", "", *section[growth_from:-1], ""]
    return "\n".join(lines), "\n".join(section)


def _span_cells(g: dict, sizes: list[int]) -> tuple[str, bool | None]:
    """The exponent from the smallest to the largest size (sizes named when a step has no value
    at one end), and whether it is within the target (None: not measured)."""
    span = g.get("exponent_span")
    if span is None:
        return "—", None
    cell = _fmt(span["exponent"])
    if (span["from"], span["to"]) != (sizes[0], sizes[-1]):
        cell += f" ({span['from']}→{span['to']} only)"
    return cell, span["exponent"] <= MAX_EXPONENT


def _one_size_lines(results: dict) -> list[str]:
    """What a report made from one size says instead of a growth table: the times measured."""
    (size,) = results["by_size"]
    lines = [
        f"### Measured at one size ({size['sources']} sources)",
        "",
        f"Only {size['sources']} sources were measured: no growth exponent can be taken from "
        "one size (measure two or more sizes for that).",
        "",
        "| step | wall s | CPU s | peak MiB |",
        "|---|---:|---:|---:|",
    ]
    for step, s in size["steps"].items():
        lines.append(
            f"| `{step}` | {_cell(s, 'median_s')} | {_cell(s, 'median_cpu_s')} | "
            f"{_fmt(s['peak_mib'], 0)} |"
        )
    return [*lines, ""]


def _linearity_lines(results: dict) -> list[str]:
    """The growth table from the smallest to the largest size, and the verdict in words (from
    one size, the times measured: :func:`_one_size_lines`)."""
    if len(results["by_size"]) == 1:
        return _one_size_lines(results)
    sizes = [m["sources"] for m in results["by_size"]]
    first, end = results["by_size"][0]["steps"], results["by_size"][-1]["steps"]
    lines = [
        f"### Growth from {sizes[0]} to {sizes[-1]} sources",
        "",
        f"Exponent b of time ∝ N^b between the smallest and the largest size ({sizes[0]} and "
        f"{sizes[-1]} sources), from median wall time and median CPU time; the target is "
        f"b ≤ {MAX_EXPONENT} for every step.",
        "",
        f"| step | wall s at {sizes[0]} | wall s at {sizes[-1]} | wall b | CPU s at {sizes[0]} | "
        f"CPU s at {sizes[-1]} | CPU b | b ≤ {MAX_EXPONENT} |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    over, unmeasured = [], []
    for step, a in results["analysis"].items():
        wall, wall_ok = _span_cells(a["wall"], sizes)
        cpu, cpu_ok = _span_cells(a["cpu"], sizes)
        if wall_ok is None or cpu_ok is None:
            verdict = "not measured"
            unmeasured.append(step)
        elif wall_ok and cpu_ok:
            verdict = "yes"
        else:
            verdict = (
                "no ("
                + ", ".join(k for k, ok in (("wall", wall_ok), ("CPU", cpu_ok)) if not ok)
                + ")"
            )
            over.append(f"`{step}` (wall {wall}, CPU {cpu})")
        lines.append(
            f"| `{step}` | {_cell(first[step], 'median_s')} | {_cell(end[step], 'median_s')} | "
            f"{wall} | {_cell(first[step], 'median_cpu_s')} | {_cell(end[step], 'median_cpu_s')} "
            f"| {cpu} | {verdict} |"
        )
    if over:
        words = f"**Not linear enough**: over {MAX_EXPONENT}: " + "; ".join(over) + "."
    else:
        words = f"Every step measured at both ends grows with b ≤ {MAX_EXPONENT} (wall and CPU)."
    if unmeasured:
        words += " Failed or not timed at some size: " + ", ".join(f"`{s}`" for s in unmeasured)
        words += " (see benchmarks/scale.md)."
    words += (
        " At small sizes a fixed cost (imports, start-up) hides growth: read this with the last "
        "interval's exponent and the estimates at 10,000 sources below."
    )
    return [*lines, "", words, ""]


def results_section(results: dict, name: str) -> list[str]:
    """The block of benchmarks/results.md: what was measured, the growth from the smallest to
    the largest size, the extrapolation to 10,000 sources and the budget."""
    sizes = [m["sources"] for m in results["by_size"]]
    section = [
        RESULTS_BEGIN.format(name=name),
        "",
        f"## Scale benchmark ({', '.join(map(str, sizes))} sources)",
        "",
        f"Measured from {results.get('started_utc', 'an unrecorded time')} on commit "
        f"{results['commit']}; {results['machine']}; median of {results['repeat']} round(s); "
        f"{results['note']} Full tables: benchmarks/scale.md; plot: benchmarks/scale.png; "
        "every measure: benchmarks/scale.json.",
        "",
        *_linearity_lines(results),
        *_extrapolation_lines(results),
        f"### Budget at {TARGET_SOURCES:,} sources",
        "",
        "Estimated from wall time and, where the measure is a time, from CPU time.",
        "",
        f"| budget at {TARGET_SOURCES:,} sources | budget | measured at {sizes[-1]} (wall) | "
        "estimate | within | estimate from CPU time | within |",
        "|---|---:|---:|---:|---|---:|---|",
    ]
    for b in results["budget"]:
        has_cpu = b["estimate_10000_cpu"] is not None
        section.append(
            f"| {b['measure']} | {b['budget']:,.0f} {b['unit']} | "
            f"{_fmt(b['at_largest_size'], 0)} | {_fmt(b['estimate_10000'], 0)} | "
            f"{'yes' if b['within_budget'] else 'no'} | "
            f"{_fmt(b['estimate_10000_cpu'], 0)} | "
            f"{('yes' if b['within_budget_cpu'] else 'no') if has_cpu else '—'} |"
        )
    return [*section, "", RESULTS_END.format(name=name)]


def _extrapolation_lines(results: dict) -> list[str]:
    """The estimates at 10,000 sources from the last interval; from one size, a line saying
    what the budget below takes instead (the measurement, at 10,000 or more; else nothing)."""
    sizes = [m["sources"] for m in results["by_size"]]
    if len(sizes) == 1:
        took = (
            "the budget below takes the measurement as the estimate"
            if sizes[0] >= TARGET_SOURCES
            else "the budget below has no estimate for what was measured below it"
        )
        return [
            f"### At {TARGET_SOURCES:,} sources",
            "",
            f"Nothing is extrapolated from one size ({sizes[0]} sources): {took}.",
            "",
        ]
    section = [
        f"### At {TARGET_SOURCES:,} sources, extrapolated",
        "",
        f"From the largest size measured ({sizes[-1]} sources): for times, the larger of the "
        "power law with the last interval's exponent and the straight line through the last "
        "interval (per-source growth); for memory and the index page, the straight line. "
        "On a shared, loaded machine wall times are inflated and noisy, so the CPU-time "
        "estimate is given beside the wall-time one.",
        "",
        f"| step | wall exponent (fit / last) | wall s at {sizes[-1]} | wall s at "
        f"{TARGET_SOURCES:,} | CPU exponent (fit / last) | CPU s at {TARGET_SOURCES:,} "
        f"| peak MiB at {TARGET_SOURCES:,} |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for step, a in results["analysis"].items():
        s = results["by_size"][-1]["steps"][step]["median_s"]
        w, c = a["wall"], a["cpu"]
        section.append(
            f"| `{step}` | {_fmt(w['exponent_fit'])} / {_fmt(w['exponent_last'])} | {_fmt(s)} | "
            f"{_fmt(w['estimate_10000'], 0)} | {_fmt(c['exponent_fit'])} / "
            f"{_fmt(c['exponent_last'])} | {_fmt(c['estimate_10000'], 0)} | "
            f"{_fmt(a['estimate_10000_peak_mib'], 0)} |"
        )
    return [*section, ""]


def put_into_results(section: str, name: str) -> None:
    """Replace (or add) the section ``name`` of benchmarks/results.md."""
    path = HERE / "results.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    begin, end = RESULTS_BEGIN.format(name=name), RESULTS_END.format(name=name)
    if begin in text and end in text:
        before = text[: text.index(begin)]
        after = text[text.index(end) + len(end) :]
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def plot(results: dict, path: Path) -> None:
    """Log-log plots of each step's median wall time, CPU time and peak memory against sources."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6))
    panels = (
        ("median_s", "wall", "median wall time (s)", "wall time per step (fresh process)"),
        ("median_cpu_s", "cpu", "median CPU time (s)", "CPU time per step (process tree)"),
        ("peak_mib", None, "peak MiB (process tree)", "peak memory per step"),
    )
    sizes = [m["sources"] for m in results["by_size"]]
    for ax, (key, growth_key, ylabel, title) in zip(axes, panels, strict=True):
        for step, a in results["analysis"].items():
            pts = [(m["sources"], m["steps"][step][key]) for m in results["by_size"]]
            pts = [(n, v) for n, v in pts if v]
            if not pts:
                continue
            label = step
            if growth_key:
                label += f" (b={_fmt(a[growth_key]['exponent_fit'])})"
            ax.plot([n for n, _ in pts], [v for _, v in pts], marker="o", label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("sources")
        ax.set_xticks(sizes, [str(n) for n in sizes])
        ax.minorticks_off()
        ax.grid(True, which="both", alpha=0.3)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(fontsize=6, loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)


def _commit() -> str:
    """The checkout's commit, marked when its working tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=CHECKOUT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "gapstudy", "notebooks", "data"],
            cwd=CHECKOUT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head} (with uncommitted changes)" if dirty else head


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="5,20,80", help="comma-separated numbers of sources (default 5,20,80)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="rounds per size (median)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel runs of build --force")
    parser.add_argument(
        "--timeout", type=float, default=1800.0, help="seconds before a step is stopped"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch corpora")
    parser.add_argument(
        "--steps",
        default=",".join(STEPS),
        help=f"comma-separated steps to time (default: all of {', '.join(STEPS)})",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE,
        help="folder for scale.json, scale.md, scale.png (default benchmarks/, which also "
        "updates the scale block of benchmarks/results.md; any other folder, e.g. a scratch "
        "folder for a trial run, leaves results.md alone)",
    )
    parser.add_argument(
        "--from-json",
        type=Path,
        default=None,
        help="measure nothing: analyse the measures of this scale.json again and write the "
        "reports from them",
    )
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
        results["analysis"] = analyse(results["by_size"])  # the analysis of this code
        results["budget"] = budget(results["by_size"], results["analysis"])
        write_reports(results, args.out)
        return 0
    load_start = os.getloadavg()
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    commit = _commit()  # before measuring: the scratch copies hold the code of this moment
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = sorted(set(steps) - set(STEPS))
    if unknown:
        parser.error(f"unknown steps {unknown}; known: {', '.join(STEPS)}")
    by_size = [
        measure_size(n, steps, args.repeat, args.jobs, args.timeout, args.keep) for n in sizes
    ]
    import yaml

    real = yaml.safe_load((CHECKOUT / "data" / "sources.yaml").read_text(encoding="utf-8"))
    analysis = analyse(by_size)
    results = {
        "started_utc": started,
        "commit": commit,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "note": (
            f"1-minute load average {load_start[0]:.2f} when measuring started and "
            f"{os.getloadavg()[0]:.2f} when it ended; the machine is shared with other work, so "
            "timings are noisy (a step's load average is recorded beside it in scale.json)."
        ),
        "real_sources": len(real["sources"]),
        "repeat": args.repeat,
        "jobs": args.jobs,
        "by_size": by_size,
        "analysis": analysis,
    }
    results["budget"] = budget(by_size, analysis)
    write_reports(results, args.out)
    return 0


def write_reports(results: dict, out: Path) -> None:
    """scale.json, scale.md and scale.png in ``out``, all from ``results``; when ``out`` is
    benchmarks/ itself (the default), also the one scale block of benchmarks/results.md. Any other
    folder (a scratch check, an exploratory run) leaves results.md alone."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "scale.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report, section = markdown(results, "scale")
    (out / "scale.md").write_text(report, encoding="utf-8")
    plot(results, out / "scale.png")
    if out.resolve() == HERE:
        put_into_results(section, "scale")
    else:
        print(f"results in {out}/; benchmarks/results.md left as it was")
    print(report)


if __name__ == "__main__":
    sys.exit(main())
