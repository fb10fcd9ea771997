"""The scale benchmark's budget table: estimates at 10,000 sources, or the measurement there."""

from __future__ import annotations

import pytest

from benchmarks.scale import BUDGET, TARGET_SOURCES, budget


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
