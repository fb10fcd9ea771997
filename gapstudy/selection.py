"""What a run's parameters select, checked before any notebook starts: a selection with nothing
to draw is refused, naming the run and the parameter to change, instead of an empty figure.

Each notebook that draws from a part of the tables names that part here (``NEEDS``): what it
draws and how to tell, from the tables as its parameters filter them, whether there is any of
it. A notebook not listed only needs one source to be read, if it selects sources at all.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from gapstudy import facts, vocab
from gapstudy.exceptions import ParameterError
from gapstudy.paths import ProjectPaths, project_paths

SELECTION_PARAMETERS = ("sources", "as_of", "include_comments")


@dataclass(frozen=True)
class Need:
    """What a notebook draws: the tables it reads, a test that the selection holds some of it,
    and the parameter (besides the source selection) that chooses it, if any."""

    what: str
    tables: tuple[str, ...]
    has_data: Callable[[dict[str, pd.DataFrame], dict[str, Any]], bool]
    parameter: str | None = None


def _has_gaps(tables: dict[str, pd.DataFrame], _: dict[str, Any]) -> bool:
    return not facts.gap_measures(tables["figures"], tables["derived_measures"]).empty


def _has_benchmark_leads(tables: dict[str, pd.DataFrame], _: dict[str, Any]) -> bool:
    return not facts.benchmark_gap_points(tables["figures"], tables["sources"]).empty


def _has_dimension_figures(tables: dict[str, pd.DataFrame], parameters: dict[str, Any]) -> bool:
    dimension = parameters.get("dimension")
    return bool((tables["figures"]["dimension"] == dimension).any())


def _has_stance_claims(tables: dict[str, pd.DataFrame], _: dict[str, Any]) -> bool:
    return bool(tables["claims"]["stance"].isin(["optimist", "skeptic"]).any())


def _has_numeric_facts(tables: dict[str, pd.DataFrame], _: dict[str, Any]) -> bool:
    return bool(tables["figures"]["fact_id"].notna().any())


NEEDS: dict[str, Need] = {
    "02_gap_by_dimension.ipynb": Need(
        "US:China gap figure", ("figures", "derived_measures"), _has_gaps
    ),
    "03_benchmark_gap.ipynb": Need(
        "US:China benchmark lead", ("figures", "derived_measures"), _has_benchmark_leads
    ),
    "04_viewpoints.ipynb": Need("optimist or skeptic claim", ("claims",), _has_stance_claims),
    "05_agreement.ipynb": Need(
        "figure of a fact reported by several sources", ("figures",), _has_numeric_facts
    ),
    "06_dimension.ipynb": Need(
        "figure on the chosen dimension",
        ("figures", "derived_measures"),
        _has_dimension_figures,
        parameter="dimension",
    ),
}


def _load(paths: ProjectPaths, name: str) -> pd.DataFrame:
    """A tidy table, read once per version of its file: a build checks many runs."""
    path = paths.table_file(name)
    stamp = path.stat().st_mtime_ns if path.exists() else None
    return _load_version(paths, name, stamp).copy()


@functools.lru_cache(maxsize=32)
def _load_version(paths: ProjectPaths, name: str, stamp: int | None) -> pd.DataFrame:
    from gapstudy.tables import load

    return load(name, paths)


def _notebook_defaults(notebook: Path) -> dict[str, Any]:
    from papermill import inspect_notebook

    values = {}
    for name, spec in inspect_notebook(str(notebook)).items():
        try:
            values[name] = ast.literal_eval(spec["default"])
        except (ValueError, SyntaxError):
            continue
    return values


def check_selection(
    label: str, notebook: Path, parameters: dict[str, Any], paths: ProjectPaths | None = None
) -> None:
    """Refuse a run whose parameters select nothing to draw, with a :class:`ParameterError`
    naming the run, what is missing and the parameter to change. Reads the tables as written
    by ``gapstudy tables``; call it after :func:`gapstudy.runlist.check_parameters`."""
    from gapstudy.subset import filter_tables, parse_as_of

    defaults = _notebook_defaults(notebook)
    need = NEEDS.get(notebook.name)
    if need is None and not set(SELECTION_PARAMETERS) & set(defaults):
        return
    values = {**defaults, **parameters}
    chosen = {k: values.get(k) for k in SELECTION_PARAMETERS}
    names = list(need.tables) if need else []
    paths = paths or project_paths()
    known = list(_load(paths, "sources")["source_id"])
    unknown = sorted(set(chosen["sources"] or []) - set(known))
    if unknown:
        raise ParameterError(
            f"run {label!r}: parameter 'sources' names unknown source id(s) {unknown};"
            f" known: {', '.join(known)}"
        )
    try:
        parse_as_of(chosen["as_of"])
    except ParameterError as err:
        raise ParameterError(f"run {label!r}: parameter 'as_of': {err}") from err
    tables = filter_tables(
        {name: _load(paths, name) for name in ["sources", *names]},
        sources=chosen["sources"] or None,
        include_comments=bool(chosen["include_comments"]),
        as_of=chosen["as_of"] or None,
    )
    read = list(tables["sources"]["source_id"])
    if not read:
        blame = "as_of" if chosen["as_of"] else "sources"
        raise ParameterError(
            f"run {label!r}: parameter {blame!r} ({chosen[blame]!r}) leaves no source to read"
        )
    dimension = values.get("dimension")
    if need is not None and need.parameter == "dimension" and dimension not in vocab.DIMENSIONS:
        raise ParameterError(
            f"run {label!r}: parameter 'dimension' ({dimension!r}) is not in the vocabulary;"
            f" use one of {', '.join(vocab.DIMENSIONS)}"
        )
    if need is None or need.has_data(tables, values):
        return
    if need.parameter is not None:
        blame = need.parameter
        hint = f"choose another {need.parameter}"
    else:
        blame = "as_of" if chosen["as_of"] else "sources"
        hint = f"read other sources (it reads {', '.join(read)})"
    given = ", ".join(
        f"{k}={values.get(k)!r}" for k in (need.parameter, *SELECTION_PARAMETERS) if k
    )
    raise ParameterError(
        f"run {label!r}: parameter {blame!r} selects no {need.what} ({given}), so "
        f"{notebook.name} would draw an empty figure; {hint}"
    )
