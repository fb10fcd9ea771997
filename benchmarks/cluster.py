"""The notebook runs of one sweep on the default process pool and on a local dask cluster.

Each round, in a fresh scratch copy of the project (the real outputs are never touched) and a
fresh interpreter, forces the runs of the largest sweep of ``notebooks/runs.yaml`` (the
notebook with the most runs) without the tables and report stages, once on the default process
pool (``--jobs`` workers) and once through ``gapstudy.runner.cluster_executor`` on a
``distributed.LocalCluster`` of as many worker processes of one thread each (what
``gapstudy build --scheduler`` does with a real cluster's address). Records wall seconds of the
runs, of starting and stopping the local cluster, and CPU seconds of the interpreter and every
process it started and waited for. The two orders alternate between rounds. Prints a Markdown
table; needs the optional ``distributed`` extra.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import make_scratch_project  # noqa: E402

# Run in the fresh interpreter: argv[1] is "pool" or "cluster", argv[2] the jobs.
BUILD_CODE = """
import json, sys, time
from collections import Counter
from gapstudy.build import run_build
from gapstudy.paths import project_paths
from gapstudy.runlist import read_run_list
paths = project_paths()
runs = read_run_list(paths).runs
notebook = Counter(r.notebook for r in runs).most_common(1)[0][0]
names = [r.name for r in runs if r.notebook == notebook]
options = dict(force=True, only=names, with_tables=False, with_render=False)
kind, jobs = sys.argv[1], int(sys.argv[2])
start = time.perf_counter()
if kind == "pool":
    code = run_build(paths, jobs=jobs, **options)
    runs_s, cluster_s = time.perf_counter() - start, 0.0
else:
    from distributed import LocalCluster
    from gapstudy.runner import cluster_executor
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    started = time.perf_counter()
    with cluster_executor(paths, cluster.scheduler_address) as executor:
        code = run_build(paths, executor=executor, **options)
    runs_s = time.perf_counter() - started
    cluster.close()
    cluster_s = time.perf_counter() - start - runs_s
print(json.dumps({"code": code, "runs": len(names), "runs_s": runs_s, "cluster_s": cluster_s}))
"""


def measure(kind: str, jobs: int) -> dict:
    """One forced sweep of ``kind`` in a fresh scratch copy and a fresh interpreter."""
    root, _ = make_scratch_project(use_real=True)
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        load = os.getloadavg()[0]
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", BUILD_CODE, kind, str(jobs)],
            env={**os.environ, "GAPSTUDY_ROOT": str(root)},
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return {**result, "process_s": wall, "cpu_s": cpu, "load_before": load}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="rounds (median)")
    parser.add_argument("--jobs", type=int, default=2, help="pool workers = cluster workers")
    args = parser.parse_args()
    samples: dict[str, list[dict]] = {"pool": [], "cluster": []}
    for round_number in range(args.repeat):
        order = ["pool", "cluster"] if round_number % 2 == 0 else ["cluster", "pool"]
        for kind in order:
            result = measure(kind, args.jobs)
            samples[kind].append(result)
            print(f"round {round_number + 1} {kind}: {json.dumps(result)}", flush=True)
    print()
    print(
        f"| executor ({args.jobs} workers) | runs | runs wall s (median) | cluster start+stop s "
        "| whole process wall s | CPU s (process tree) | load before |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for kind, rows in samples.items():

        def median(key: str, rows: list[dict] = rows) -> float:
            return statistics.median(r[key] for r in rows)

        print(
            f"| {'default process pool' if kind == 'pool' else 'dask LocalCluster'} | "
            f"{rows[0]['runs']} | {median('runs_s'):.1f} | {median('cluster_s'):.1f} | "
            f"{median('process_s'):.1f} | {median('cpu_s'):.1f} | "
            + ", ".join(f"{r['load_before']:.1f}" for r in rows)
            + " |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
