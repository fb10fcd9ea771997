"""The scale benchmark's budget table: estimates at 10,000 sources, or the measurement there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import INPUT_PARTS, copy_parts

from benchmarks.scale import (
    BUDGET,
    STAGE_TIMED_BUILD,
    STEPS,
    TARGET_SOURCES,
    _stage_seconds,
    analyse,
    budget,
    markdown,
)


def _size(n: int, build_s: float, peak_mib: float, index_bytes: int) -> dict:
    step = {"median_s": build_s, "median_cpu_s": build_s, "peak_mib": peak_mib}
    return {
        "sources": n,
        "steps": {"build --force": step},
        "outputs": {"index_page_bytes": index_bytes},
    }


def _analysis(estimate_s: float | None, peak: float | None) -> dict:
    growth = {"estimate_10000": estimate_s}
    return {"build --force": {"wall": growth, "cpu": growth, "estimate_10000_peak_mib": peak}}


@pytest.mark.parametrize(
    ("by_size", "analysis", "expected"),
    [
        # measured at 10,000: the measurements are the estimates
        (
            [_size(TARGET_SOURCES, 1028.0, 3474.0, 254_762)],
            _analysis(None, None),
            {"cold_build_s": (1028.0, False), "peak_mib": (3474.0, True),
             "index_page_bytes": (254_762, True)},
        ),
        # below 10,000 with one size: nothing to extrapolate the memory or the page from
        (
            [_size(500, 89.0, 945.0, 275_245)],
            _analysis(None, None),
            {"cold_build_s": (None, False), "peak_mib": (None, False),
             "index_page_bytes": (None, False)},
        ),
        # two sizes: the estimates of the analysis, and the page's straight line
        (
            [_size(50, 60.0, 800.0, 250_000), _size(500, 89.0, 945.0, 275_245)],
            _analysis(654.0, 3016.0),
            {"cold_build_s": (654.0, False), "peak_mib": (3016.0, True),
             "index_page_bytes": (pytest.approx(275_245 + 25_245 / 450 * 9_500, rel=1e-6), True)},
        ),
    ],
)  # fmt: skip
def test_the_budget_uses_estimates_below_the_target_and_measurements_at_it(
    by_size, analysis, expected
):
    rows = {BUDGET_KEYS[r["measure"]]: r for r in budget(by_size, analysis)}
    got = {key: (rows[key]["estimate_10000"], rows[key]["within_budget"]) for key in expected}
    assert got == expected


BUDGET_KEYS = {
    "cold build (build --force)": "cold_build_s",
    "peak memory of any step": "peak_mib",
    "index page": "index_page_bytes",
}


def test_every_budget_key_is_declared():
    assert set(BUDGET_KEYS.values()) <= set(BUDGET)


def _measured(n: int, build_s: float) -> dict:
    sample = {
        "seconds": build_s,
        "cpu_seconds": build_s * 1.3,
        "peak_mib": 900.0,
        "exit_code": 0,
        "timed_out": False,
        "load_before": 2.0,
        "load_after": 2.5,
        "run_seconds": {"corpus": build_s / 10},
    }
    step = {"median_s": build_s, "median_cpu_s": build_s * 1.3, "peak_mib": 900.0}
    return {
        "sources": n,
        "steps": {"build --force": {**step, "failed": 0, "samples": [sample]}},
        "outputs": None,
    }


def _report(by_size: list[dict]) -> tuple[str, str]:
    analysis = analyse(by_size)
    results = {
        "commit": "abc1234",
        "machine": "x86_64, 2 cores",
        "note": "",
        "real_sources": 5,
        "repeat": 1,
        "jobs": 2,
        "by_size": by_size,
        "analysis": analysis,
        "budget": budget(by_size, analysis),
    }
    return markdown(results)


@pytest.mark.parametrize(
    ("sizes", "says", "never_says"),
    [
        # one size: what was measured, and no growth "from N to N" or extrapolation from it
        ([10_000], ["### Measured at one size (10000 sources)",
                    "| `build --force` | 1000.00 | 1300.00 | 900 |",
                    "takes the measurement as the estimate"],
         ["Growth from", "sources, extrapolated", "not measured"]),
        ([500], ["### Measured at one size (500 sources)", "has no estimate"],
         ["Growth from", "sources, extrapolated"]),
        # two sizes: the growth between them and the extrapolation
        ([50, 500], ["### Growth from 50 to 500 sources", "### At 10,000 sources, extrapolated"],
         ["one size"]),
    ],
)  # fmt: skip
def test_the_report_says_what_was_measured_at_one_size_or_more(sizes, says, never_says):
    report, section = _report([_measured(n, 1000.0 * n / sizes[-1]) for n in sizes])
    for text in (report, section):
        assert [s for s in says if s not in text] == []
        assert [s for s in never_says if s in text] == []


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("stage tables 12.5 20.25\ncorpus  ok  3.0 s\nstage runs 30 41.5\nstage render 2 1\n",
         {"tables": {"wall": 12.5, "cpu": 20.25}, "runs": {"wall": 30.0, "cpu": 41.5},
          "render": {"wall": 2.0, "cpu": 1.0}}),
        # a stage skipped prints nothing; other lines and unknown stages are not stages
        ("tables    skip   inputs unchanged\nstage runs 1.5 2.5\nstage lunch 1 1\n",
         {"runs": {"wall": 1.5, "cpu": 2.5}}),
        ("stage tables many seconds\n", {}),
    ],
)  # fmt: skip
def test_the_stages_a_build_timed_are_read_from_its_output(output, expected):
    assert _stage_seconds(output) == expected


def test_the_stages_are_tabled_with_what_the_build_spent_outside_them():
    measured = _measured(500, 100.0)
    sample = measured["steps"]["build --force"]["samples"][0]
    sample["stage_seconds"] = {
        "tables": {"wall": 60.0, "cpu": 70.0},
        "runs": {"wall": 30.0, "cpu": 50.0},
        "render": {"wall": 4.0, "cpu": 3.0},
    }
    report, _ = _report([measured])
    for row in (
        "| tables | 60.0 / 70.0 |",
        "| runs | 30.0 / 50.0 |",
        "| render | 4.0 / 3.0 |",
        "| outside the stages | 6.0 / 7.0 |",
    ):  # 100 s wall and 130 CPU s in all
        assert row in report


def test_the_stage_timed_build_builds_and_times_every_stage(tmp_path):
    """The code the benchmark runs as ``build --force``: the command line's build, with the
    tables, the runs and the render each timed (a small project: the real inputs, one run)."""
    root = copy_parts(tmp_path / "project", INPUT_PARTS)
    (root / "notebooks").mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "build" / "state.ipynb", root / "notebooks")
    (root / "notebooks" / "runs.yaml").write_text(
        "runs:\n  - {name: state, notebook: state.ipynb, parameters: {label: hi}}\n",
        encoding="utf-8",
    )
    assert STEPS["build --force"][:2] == ["-c", STAGE_TIMED_BUILD]
    done = subprocess.run(
        [sys.executable, *STEPS["build --force"], "--jobs", "1"],
        env={**os.environ, "GAPSTUDY_ROOT": str(root)},
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    stages = _stage_seconds(done.stdout)
    assert set(stages) == {"tables", "runs", "render"}
    assert all(t["wall"] > 0 and t["cpu"] > 0 for t in stages.values()), stages
    assert (root / "reports" / "notebooks" / "state.ipynb").is_file()
