"""Stage 4: the tidy tables, built from the validated corpus, written to ``data/processed/``
with a Frictionless ``datapackage.json``, and loaded back with their declared dtypes.

Writing is atomic: every file is first written to a scratch folder and moved into place only
when all tables have passed their schemas, so a failed run leaves the last good tables intact.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.errors

from gapstudy import __version__, schema
from gapstudy.check import Corpus, validate
from gapstudy.exceptions import TableError
from gapstudy.facts import derive_measures, load_derived_spec, reconcile_facts
from gapstudy.figures import to_record
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.sources import Source


def _frame(table: schema.Table, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as a frame with ``table``'s columns, order and dtypes, validated by its schema."""
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    frame = frame.astype(table.dtypes)
    try:
        return table.to_pandera().validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        cases = err.failure_cases.head(20).to_string(index=False)
        raise TableError(f"table {table.name!r} fails its schema:\n{cases}") from err


def _sources_rows(corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    for sid, source in corpus.sources.items():
        meta = source.meta
        notes = "; ".join(f"{i['field']}: {i['reason']}" for i in meta["inferences"])
        rows.append(
            {
                "source_id": sid,
                "file": meta["file"],
                "original_name": meta["original_name"],
                "sha256": meta["sha256"],
                "title": meta["title"],
                "outlet": meta["outlet"],
                "is_outlet_inferred": meta["is_outlet_inferred"],
                "original_outlet": meta["original_outlet"],
                "published": meta["published"],
                "date_precision": meta["date_precision"],
                "is_date_inferred": meta["is_date_inferred"],
                "url": meta["url"],
                "inference_note": notes or None,
                "n_lines": source.n_lines,
                "n_chars": len(source.text),
            }
        )
    return rows


def _segments_rows(corpus: Corpus) -> list[dict[str, Any]]:
    return [
        {
            "segment_id": seg.segment_id,
            "source_id": seg.source_id,
            "kind": seg.kind,
            "line_start": seg.line_start,
            "line_end": seg.line_end,
            "char_start": seg.char_start,
            "char_end": seg.char_end,
        }
        for source in corpus.sources.values()
        for seg in source.segments
    ]


def _voices_rows(corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    for sid, notes in corpus.annotations.items():
        for key, voice in notes.voices.items():
            rows.append(
                {
                    "voice_id": f"{sid}/{key}",
                    "source_id": sid,
                    "voice_key": key,
                    "name": voice["name"],
                    "kind": voice["kind"],
                    "affiliation": voice.get("affiliation"),
                    "role": voice.get("role"),
                    "stance": voice["stance"],
                    "cites": voice.get("cites"),
                    "is_reader_comment": voice["kind"] == "commenter",
                }
            )
    return rows


def _span_fields(source: Source, span: tuple[int, int]) -> dict[str, Any]:
    """Where a span lies: its line, offsets and segment, shared by claims and figures."""
    start, end = span
    kind = source.segment_at(start).kind
    return {
        "line": source.line_of(start),
        "char_start": start,
        "char_end": end,
        "segment_kind": kind,
        "is_reader_comment": kind == "comment",
    }


def _claims_rows(corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    for sid, notes in corpus.annotations.items():
        for claim in notes.claims:
            start, end = claim.span
            rows.append(
                {
                    "claim_id": f"{sid}/{claim.key}",
                    "source_id": sid,
                    "voice_id": f"{sid}/{claim.spec['voice']}",
                    "quote": notes.source.text[start:end],
                    **_span_fields(notes.source, claim.span),
                    "dimension": claim.spec["dimension"],
                    "direction": claim.spec["direction"],
                    "stance": claim.spec["stance"],
                    "cites": claim.spec.get("cites"),
                    "fact_id": claim.spec.get("fact"),
                }
            )
    return rows


def _figures_rows(corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    for sid, notes in corpus.annotations.items():
        for claim in notes.claims:
            for fig in claim.figures:
                fid = f"{sid}/{claim.key}/{fig.n}"
                spec = fig.spec
                start, end = fig.span
                counterpart = spec.get("counterpart")
                rows.append(
                    {
                        "figure_id": fid,
                        "claim_id": f"{sid}/{claim.key}",
                        "source_id": sid,
                        "voice_id": f"{sid}/{claim.spec['voice']}",
                        **_span_fields(notes.source, fig.span),
                        # The parse's own fields; its `text` is overwritten by the exact slice.
                        **to_record(corpus.parsed[fid]),
                        "text": notes.source.text[start:end],
                        "entity": corpus.entities.canonical(spec["entity"]),
                        "counterpart": corpus.entities.canonical(counterpart)
                        if counterpart
                        else None,
                        "metric": spec["metric"],
                        "period": spec.get("period"),
                        "period_precision": spec["period_precision"],
                        "dimension": claim.spec["dimension"],
                        "stance": claim.spec["stance"],
                        "cites": claim.spec.get("cites"),
                        "fact_id": spec.get("fact") or claim.spec.get("fact"),
                        "interpretation": spec.get("interpretation"),
                        "interpretation_note": spec.get("interpretation_note"),
                    }
                )
    return rows


def _mentions_rows(corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    counters: dict[str, int] = {}
    for m in corpus.mentions:
        source = corpus.sources[m.source_id]
        counters[m.source_id] = counters.get(m.source_id, 0) + 1
        rows.append(
            {
                "mention_id": f"{m.source_id}/m{counters[m.source_id]:03d}",
                "source_id": m.source_id,
                "text": m.mention.text,
                "line": source.line_of(m.mention.start),
                "char_start": m.mention.start,
                "char_end": m.mention.end,
                "segment_kind": m.segment_kind,
                "status": m.status,
                "figure_id": m.figure_id,
                "exclusion_reason": m.exclusion_reason,
            }
        )
    return rows


_BUILDERS = {
    "sources": _sources_rows,
    "segments": _segments_rows,
    "voices": _voices_rows,
    "claims": _claims_rows,
    "figures": _figures_rows,
    "mentions": _mentions_rows,
}


def build_tables(paths: ProjectPaths | None = None) -> dict[str, pd.DataFrame]:
    """Validate the inputs and return every tidy table, each checked against its schema."""
    paths = paths or project_paths()
    corpus = validate(paths)
    tables = {name: _frame(schema.TABLES[name], build(corpus)) for name, build in _BUILDERS.items()}
    fact_values = reconcile_facts(tables["figures"], tables["claims"], corpus.facts)
    derived = derive_measures(tables["figures"], load_derived_spec(paths))
    tables["fact_values"] = _validated(schema.FACT_VALUES, fact_values)
    tables["derived_measures"] = _validated(schema.DERIVED_MEASURES, derived)
    return tables


def datapackage(tables: dict[str, pd.DataFrame]) -> dict[str, Any]:
    """The Frictionless data package descriptor for ``tables``, from the schema declarations."""
    return {
        "profile": "tabular-data-package",
        "name": "gapstudy",
        "title": "Figures quoted in the US-China AI gap debate",
        "version": __version__,
        "resources": [schema.TABLES[name].to_frictionless() for name in tables],
    }


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n", float_format="%.15g")


def write_tables(paths: ProjectPaths | None = None) -> list[Path]:
    """Write every table and ``datapackage.json`` to ``data/processed/``, atomically."""
    paths = paths or project_paths()
    # Load and process: any error here is raised before a single file is touched.
    tables = build_tables(paths)
    # Save: into a scratch folder first, then moved into place file by file.
    paths.scratch.mkdir(parents=True, exist_ok=True)
    paths.processed.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="tables-", dir=paths.scratch))
    try:
        written = []
        for name, frame in tables.items():
            _write_csv(frame, staging / f"{name}.csv")
            written.append(paths.table_file(name))
        package = json.dumps(datapackage(tables), indent=2, ensure_ascii=False) + "\n"
        (staging / paths.datapackage_file.name).write_text(package, encoding="utf-8")
        written.append(paths.datapackage_file)
        for target in written:
            os.replace(staging / target.name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


def load(name: str, paths: ProjectPaths | None = None) -> pd.DataFrame:
    """Read tidy table ``name`` from ``data/processed/`` with its declared dtypes, validated."""
    paths = paths or project_paths()
    if name not in schema.TABLES:
        raise TableError(f"no table named {name!r}; known tables: {', '.join(schema.TABLES)}")
    path = paths.table_file(name)
    if not path.exists():
        raise TableError(f"{path} is missing: run `gapstudy tables` (or `make build`)")
    table = schema.TABLES[name]
    frame = pd.read_csv(path, dtype=table.dtypes, keep_default_na=False, na_values=[""])
    return _frame(table, frame.to_dict("records")) if frame.empty else _validated(table, frame)


def _validated(table: schema.Table, frame: pd.DataFrame) -> pd.DataFrame:
    try:
        return table.to_pandera().validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        cases = err.failure_cases.head(20).to_string(index=False)
        raise TableError(f"table {table.name!r} read from disk fails its schema:\n{cases}") from err
