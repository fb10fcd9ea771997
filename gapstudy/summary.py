"""A reviewable summary of the corpus as annotated, kept as the golden file the tests compare with.

The summary pins, for each source it covers, what a reviewer checks by eye: coverage of numeric
mentions, its own voice, its voices and stances, its counts of claims, figures and exclusions;
the facts as those sources alone report them (reconciled again over just those sources); and the
derived measures computed from their figures. A source added later is not in the golden file and
does not disturb it; regenerating the file adds it, for review in the diff::

    python -m gapstudy.summary --write-golden        # or: make golden
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from gapstudy.check import Corpus, validate
from gapstudy.facts import load_facts_spec, reconcile_facts
from gapstudy.paths import ProjectPaths, project_paths

SIGNIFICANT_DIGITS = 12


def _number(value: Any) -> float | None:
    return None if pd.isna(value) else float(f"{float(value):.{SIGNIFICANT_DIGITS}g}")


def _source_summary(corpus: Corpus, tables: dict[str, pd.DataFrame], sid: str) -> dict[str, Any]:
    voices = tables["voices"][tables["voices"]["source_id"] == sid]
    outlets = voices.loc[voices["kind"] == "outlet", "voice_key"].tolist()
    notes = corpus.annotations.get(sid)
    done, total = corpus.coverage()[sid]
    return {
        "coverage": [done, total],
        "own_voice": outlets[0] if len(outlets) == 1 else outlets,
        "voices": dict(sorted(zip(voices["voice_key"], voices["stance"], strict=True))),
        "n_claims": int((tables["claims"]["source_id"] == sid).sum()),
        "n_figures": int((tables["figures"]["source_id"] == sid).sum()),
        "n_exclusions": len(notes.exclusions) if notes is not None else 0,
    }


def _facts_summary(
    tables: dict[str, pd.DataFrame], facts_spec: list[dict[str, Any]], source_ids: set[str]
) -> dict[str, Any]:
    figures = tables["figures"][tables["figures"]["source_id"].isin(source_ids)]
    claims = tables["claims"][tables["claims"]["source_id"].isin(source_ids)]
    values = reconcile_facts(figures, claims, facts_spec)
    result = {}
    for fact_id, rows in values.groupby("fact_id", sort=True):
        result[fact_id] = {
            "n_sources": int(rows["n_sources"].iloc[0]),
            "is_agreeing": bool(rows["is_agreeing"].iloc[0]),
            "reports": {sid: int(n) for sid, n in rows.groupby("source_id").size().items()},
        }
    return result


def _measures_summary(tables: dict[str, pd.DataFrame], source_ids: set[str]) -> dict[str, Any]:
    derived = tables["derived_measures"]
    derived = derived[derived["source_id"].isin(source_ids)]
    return {
        row.measure_id: {
            "operation": row.operation,
            "value": _number(row.value),
            "unit": row.unit,
            "numerator": row.numerator_figure_id,
            "denominator": row.denominator_figure_id,
        }
        for row in derived.sort_values("measure_id").itertuples(index=False)
    }


def summarise_corpus(
    paths: ProjectPaths | None = None, source_ids: Iterable[str] | None = None
) -> dict[str, Any]:
    """The summary of ``source_ids`` (default: every source), from the inputs as they stand.

    Raises :class:`KeyError` naming a requested source the corpus does not hold.
    """
    from gapstudy.tables import build_tables

    paths = paths or project_paths()
    corpus = validate(paths)
    tables = build_tables(paths)
    wanted = list(corpus.sources) if source_ids is None else list(source_ids)
    missing = sorted(set(wanted) - set(corpus.sources))
    if missing:
        raise KeyError(f"sources not in data/sources.yaml: {', '.join(missing)}")
    chosen = set(wanted)
    return {
        "sources": {sid: _source_summary(corpus, tables, sid) for sid in sorted(chosen)},
        "facts": _facts_summary(tables, load_facts_spec(paths), chosen),
        "measures": _measures_summary(tables, chosen),
    }


def read_golden(paths: ProjectPaths | None = None) -> dict[str, Any]:
    """The committed golden summary."""
    path = (paths or project_paths()).golden_corpus_file
    return json.loads(path.read_text(encoding="utf-8"))


def write_golden(paths: ProjectPaths | None = None) -> Path:
    """Write the summary of every source to the golden file; review the diff before committing."""
    paths = paths or project_paths()
    text = json.dumps(summarise_corpus(paths), indent=2, ensure_ascii=False, sort_keys=True)
    path = paths.golden_corpus_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gapstudy.summary", description=__doc__)
    parser.add_argument("--root", default=None, help="project root (default: this checkout)")
    parser.add_argument(
        "--write-golden", action="store_true", help="write the golden file instead of printing"
    )
    args = parser.parse_args(argv)
    paths = project_paths(args.root)
    if args.write_golden:
        print(f"wrote {write_golden(paths)}")
    else:
        print(json.dumps(summarise_corpus(paths), indent=2, ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
