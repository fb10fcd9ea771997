"""Stage 4: the tidy tables, built from the validated corpus, written to ``data/processed/``
with a Frictionless ``datapackage.json``, and loaded back with their declared dtypes.

Writing is all-or-nothing: the whole set is written into a new folder beside
``data/processed`` and put in its place in one step, so a failed run leaves the last good set
whole. Loading checks every row against its schema and every span against its raw text.

What earlier runs found is kept in the scratch folder (``.cache/tables/``, see ``_STORE``), so
after an edit an unchanged table is neither validated nor worked out nor formatted again.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import hashlib
import io
import json
import os
import pickle
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from gapstudy import checkcache, schema
from gapstudy.atomicfile import os_error_message
from gapstudy.check import Corpus, gated_corpus
from gapstudy.disagreements import list_disagreements, load_disagreements_spec
from gapstudy.exceptions import OutputError, TableError
from gapstudy.facts import reconcile_facts
from gapstudy.figures import to_record
from gapstudy.judgments import list_out_of_date, load_out_of_date_spec
from gapstudy.measures import derive_measures, load_derived_spec
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.provenance import exchange_folders
from gapstudy.references import check_references, load_references_spec
from gapstudy.sources import Source
from gapstudy.weighing import load_layers, robustness


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
                "dateline": meta.get("dateline"),
                "is_machine_rendered": bool(meta.get("is_machine_rendered") or False),
                "published": meta["published"],
                "date_precision": meta["date_precision"],
                "is_date_inferred": meta["is_date_inferred"],
                "url": meta["url"],
                "kind": meta["kind"],
                "reliability_note": meta["reliability_note"],
                "inference_note": notes or None,
                "n_lines": source.n_lines,
                "n_chars": len(source.text),
            }
        )
    return rows


def _source_events_rows(corpus: Corpus) -> list[dict[str, Any]]:
    return [
        {"source_id": sid, "event_id": event, "n": n}
        for sid, source in corpus.sources.items()
        for n, event in enumerate(source.meta["event"], start=1)
    ]


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
                    "is_affiliation_inferred": bool(voice.get("affiliation_inferred")),
                    "affiliation_note": voice.get("affiliation_inferred") or None,
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
                parse = to_record(corpus.parsed[fid])
                restates = spec.get("restates")
                rows.append(
                    {
                        "figure_id": fid,
                        "claim_id": f"{sid}/{claim.key}",
                        "source_id": sid,
                        "voice_id": f"{sid}/{claim.spec['voice']}",
                        **_span_fields(notes.source, fig.span),
                        # The parse's own fields; its `text` is overwritten by the exact slice.
                        **parse,
                        "text": notes.source.text[start:end],
                        # The unit as meant; a declared reinterpretation replaces the parse's.
                        "unit": spec.get("unit_as_meant") or parse["unit"],
                        "unit_as_written": parse["unit"],
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
                        "restates_figure_id": f"{sid}/{restates}" if restates else None,
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
    "source_events": _source_events_rows,
    "segments": _segments_rows,
    "voices": _voices_rows,
    "claims": _claims_rows,
    "figures": _figures_rows,
    "mentions": _mentions_rows,
}


def build_tables(paths: ProjectPaths | None = None) -> dict[str, pd.DataFrame]:
    """Validate the inputs and return every tidy table, each checked against its schema."""
    made = _build(paths or project_paths())
    return {name: made.frame(name) for name in schema.TABLES}


# What earlier runs found, kept in the scratch folder (``.cache/tables/``), each entry under a
# key naming everything it was made from:
# - each source's rows of every table made source by source (``_BUILDERS``), as one block
#   (``blocks/<source_id>.pickle``), keyed by the key of the source's stored check results
#   (everything its checks read: its raw text, its entry in sources.yaml, its annotation file,
#   the files every source reads; :func:`checkcache.source_key`) and this package's code. A
#   block holds the source's rows as written (CSV lines, validated when the block was made),
#   a digest of its rows of each table and of what the weighing reads of them, its entry in
#   the data package, and the rows themselves (read only when a table made across sources is
#   made again). Such a table is its header and the blocks of every source, in order: an
#   unchanged source costs a file read, not rows built, validated and formatted again;
# - a table made across sources (facts, measures, disagreements...), keyed by the digests of
#   what it reads (each source's digest of the tables it is made from, in order) and the files
#   it reads besides, holds the validated table, so it is not worked out again while none of
#   its inputs changed;
# - the CSV file of a table made across sources, keyed by the table's key, records the hash
#   and size of the bytes written, so that a file already holding exactly those bytes is
#   copied, not written anew.
# Every key also names the versions of what validates and formats the tables (pandas, pandera,
# NumPy, Python). A key that differs, or an entry that cannot be read, means computing afresh:
# a wrong entry would be worse than a slow run.
_STORE = "tables"
_BLOCKS = "blocks"
_ROWS = "rows"


def _code_key() -> str:
    """This package's code and the versions of the libraries that validate and write tables
    (:func:`checkcache.library_versions`, the one list of them)."""
    return checkcache.value_digest(checkcache.code_fingerprint(), checkcache.library_versions())


def _stored(paths: ProjectPaths, name: str, key: str) -> tuple[bool, Any]:
    return checkcache.read_stored(paths.scratch / _STORE / f"{name}.pickle", key)


def _store(paths: ProjectPaths, name: str, key: str, value: Any) -> None:
    checkcache.write_stored(paths.scratch / _STORE / f"{name}.pickle", key, value)


def _typed(table: schema.Table, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as a frame with ``table``'s columns, order and dtypes (not yet validated)."""
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return frame.astype(table.dtypes)


# Views of the tables made source by source: the columns a table made across sources reads of
# one of them. Such a table is handed a view instead of the whole table (so it cannot read
# another column), and made again only when the view changes: robustness (the weighing) does
# not change with a figure, measures and out-of-date claims read only the sources' dates,
# reference checks and disagreements only the words, lines and numbers of figures and claims.
_VIEWS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "claims:weighed": (
        "claims",
        (
            "claim_id",
            "source_id",
            "voice_id",
            "dimension",
            "direction",
            "stance",
            "is_reader_comment",
        ),
    ),
    "voices:weighed": ("voices", ("voice_id", "source_id", "voice_key", "kind")),
    "sources:kinds": ("sources", ("source_id", "kind")),
    "source_events:pairs": ("source_events", ("source_id", "event_id")),
    "sources:dates": ("sources", ("source_id", "published")),
    "figures:referenced": (
        "figures",
        ("figure_id", "source_id", "text", "value", "low", "high", "unit"),
    ),
    "claims:disputed": (
        "claims",
        ("claim_id", "source_id", "voice_id", "quote", "line", "direction", "stance"),
    ),
    "figures:disputed": ("figures", ("figure_id", "claim_id", "text", "line")),
    # What a measure reads of its figures, and what placing a chained year reads
    # (``facts.period_anchors``, which places none when one of these is missing).
    "figures:measured": (
        "figures",
        (
            "figure_id",
            "source_id",
            "voice_id",
            "stance",
            "text",
            "value",
            "bound",
            "unit",
            "entity",
            "counterpart",
            "period",
            "claim_id",
            "char_start",
        ),
    ),
    # The figures that report a fact (every column): the only ones the facts read.
    "figures:facts": ("figures", None),
}
# Views that hold only the rows with a value in this column.
_VIEW_ROWS_WITH = {"figures:facts": "fact_id"}


def _cross_source_steps(
    corpus: Corpus, paths: ProjectPaths
) -> list[tuple[str, tuple[str, ...], Any, Any]]:
    """The tables made across sources, in order: (name, what it is made from (tables, or
    views of them: ``_VIEWS``), what it reads besides, how to make it from those). Each is
    handed only what it names, as arguments."""
    facts, derived = corpus.facts, load_derived_spec(paths)
    against, references = load_disagreements_spec(paths), load_references_spec(paths)
    out_of_date, layers = load_out_of_date_spec(paths), load_layers(paths)
    return [
        (
            "fact_values",
            ("figures:facts", "claims"),
            facts,
            lambda figures, claims: reconcile_facts(figures, claims, facts),
        ),
        (
            "derived_measures",
            ("figures:measured", "sources:dates"),
            derived,
            lambda fig, src: derive_measures(fig, derived, src),
        ),
        (
            "disagreements",
            ("claims:disputed", "figures:disputed"),
            against,
            lambda claims, figures: list_disagreements(claims, figures, against),
        ),
        (
            "reference_checks",
            ("figures:referenced",),
            references,
            lambda figures: check_references(figures, references),
        ),
        (
            "out_of_date",
            ("claims", "figures", "sources:dates"),
            out_of_date,
            lambda *frames: list_out_of_date(*frames, out_of_date),
        ),
        (
            "robustness",
            ("claims:weighed", "voices:weighed", "sources:kinds", "source_events:pairs"),
            layers,
            lambda *views: robustness(dict(zip(_WEIGHED, views, strict=True)), layers),
        ),
    ]


# The tables the weighing reads, in the order robustness is handed their views.
_WEIGHED = ("claims", "voices", "sources", "source_events")


class _Block(NamedTuple):
    """One source's rows of every table made source by source (see ``_STORE``)."""

    csv: dict[str, bytes]  # by table: its rows as written, without the header
    digests: dict[str, str]  # by table and view (``_VIEWS``): a digest of its rows
    package: dict[str, str]  # its entry in the data package's sources


def _source_blocks(corpus: Corpus, paths: ProjectPaths, code: str) -> _Made:
    """Every source's block, in the order of the sources: stored, when the source's inputs
    and the code are those it was made from, else made (all such sources at once). When
    every source was made, the frames made with them are the tables' frames."""
    folder, rows_folder = paths.scratch / _STORE / _BLOCKS, paths.scratch / _STORE / _ROWS
    check_keys = corpus.keys
    keys = {
        sid: hashlib.sha256(f"{code}\0{check_keys[sid]}".encode()).hexdigest()
        for sid in corpus.sources
        if sid in check_keys
    }
    blocks: dict[str, _Block] = {}
    for sid, key in keys.items():
        found, block = checkcache.read_stored(folder / f"{sid}.pickle", key)
        if found and isinstance(block, _Block):
            blocks[sid] = block
    missing = [sid for sid in corpus.sources if sid not in blocks]
    frames: dict[str, pd.DataFrame] = {}
    rows: dict[str, dict[str, bytes]] = {}
    if missing:
        new, frames, rows = _make_blocks(corpus, missing)
        for sid, block in new.items():
            if sid in keys:
                checkcache.write_stored(folder / f"{sid}.pickle", keys[sid], block)
                checkcache.write_stored(rows_folder / f"{sid}.pickle", keys[sid], rows[sid])
        blocks.update(new)
    for where in (folder, rows_folder):
        for path in where.glob("*.pickle") if where.is_dir() else ():
            if path.stem not in corpus.sources:
                with contextlib.suppress(OSError):
                    path.unlink()
    made = _Made({sid: blocks[sid] for sid in corpus.sources}, corpus, rows_folder, keys)
    made.rows.update(rows)
    if len(missing) == len(corpus.sources):
        for name, frame in frames.items():
            made.made(name, frame)
    return made


def _one_source(corpus: Corpus, sid: str, mentions: list[Any]) -> Corpus:
    """The corpus as the builders see one source of it (its rows are the rows they give for
    that source in the whole corpus: they go source by source, numbering within a source)."""
    notes = corpus.annotations.get(sid)
    return Corpus(
        {sid: corpus.sources[sid]},
        {} if notes is None else {sid: notes},
        corpus.parsed,
        mentions,
        corpus.facts,
        corpus.entities,
    )


def _make_blocks(
    corpus: Corpus, sids: list[str]
) -> tuple[dict[str, _Block], dict[str, pd.DataFrame], dict[str, dict[str, bytes]]]:
    """The blocks of sources ``sids``, the frame of each table of their rows, and each
    source's rows by table (pickled): their rows built, validated and formatted together (one
    frame per table, as a cold run makes the whole table), then cut source by source."""
    corpus = corpus.of_sources(sids)
    wanted = set(sids)
    mentions: dict[str, list[Any]] = {sid: [] for sid in sids}
    for m in corpus.mentions:
        if m.source_id in wanted:
            mentions[m.source_id].append(m)
    rows = {
        sid: {
            name: build(_one_source(corpus, sid, mentions[sid]))
            for name, build in _BUILDERS.items()
        }
        for sid in sids
    }
    csv_parts: dict[str, dict[str, bytes]] = {sid: {} for sid in sids}
    package: dict[str, dict[str, str]] = {}
    frames: dict[str, pd.DataFrame] = {}
    for name in _BUILDERS:
        table = schema.TABLES[name]
        counts = [len(rows[sid][name]) for sid in sids]
        frame = _validated(table, _typed(table, [r for sid in sids for r in rows[sid][name]]))
        frames[name] = frame
        lines = _csv_records(_csv_text(frame, header=False))
        if len(lines) != sum(counts):
            raise TableError(f"table {name!r}: {len(lines)} lines written for {sum(counts)} rows")
        at = 0
        for sid, n in zip(sids, counts, strict=True):
            csv_parts[sid][name] = "".join(lines[at : at + n]).encode("utf-8")
            at += n
        if name == schema.SOURCES.name:
            entries = _package_sources(frame)
            package = dict(zip(frame["source_id"], entries, strict=True))
    for sid in sids:
        _check_ids_are_the_sources(sid, rows[sid])
    blocks = {sid: _Block(csv_parts[sid], _digests(rows[sid]), package[sid]) for sid in sids}
    pickled = {
        sid: {
            name: pickle.dumps(table_rows, protocol=pickle.HIGHEST_PROTOCOL)
            for name, table_rows in rows[sid].items()
        }
        for sid in sids
    }
    return blocks, frames, pickled


def _digests(rows: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """A digest of one source's rows of each table, and of each view (``_VIEWS``)."""
    return {
        **{name: checkcache.value_digest(name, table_rows) for name, table_rows in rows.items()},
        **{
            view: checkcache.value_digest(view, _view_rows(view, rows[name]))
            for view, (name, _) in _VIEWS.items()
        },
    }


def _view_rows(view: str, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """One source's rows of a view: the view's columns of the rows it holds."""
    name, columns = _VIEWS[view]
    names = schema.TABLES[name].column_names if columns is None else columns
    with_value = _VIEW_ROWS_WITH.get(view)
    return [
        tuple(r[c] for c in names) for r in rows if with_value is None or r[with_value] is not None
    ]


def _check_ids_are_the_sources(sid: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Refuse a row whose unique id does not begin with its source's id: the blocks are
    validated source by source, so ids are unique across sources only because each names its
    source (``<source_id>/...``) and source ids are unique."""
    for name, table_rows in rows.items():
        for column in schema.TABLES[name].columns:
            if not column.unique or column.name == "source_id":
                continue
            for row in table_rows:
                if not str(row[column.name]).startswith(f"{sid}/"):
                    raise TableError(
                        f"table {name!r}: {column.name} {row[column.name]!r} does not begin "
                        f"with its source's id {sid!r}/"
                    )


def _csv_text(frame: pd.DataFrame, header: bool = True) -> str:
    """``frame`` as CSV text, exactly as :func:`_write_csv` writes it."""
    return frame.to_csv(index=False, header=header, lineterminator="\n", float_format="%.15g")


def _csv_records(text: str) -> list[str]:
    """CSV text as its records (each with its newline): a newline ends a record unless it is
    inside quotes (a quoted value's own quotes are doubled, so a newline is inside quotes
    exactly when an odd number of quotes come before it in its record)."""
    records: list[str] = []
    pending: list[str] = []
    odd = False
    for part in text.split("\n")[:-1]:
        pending.append(part)
        odd ^= part.count('"') % 2 == 1
        if not odd:
            records.append("\n".join(pending) + "\n")
            pending = []
    if pending:
        raise TableError("a CSV record has no closing quote")
    return records


class _Made:
    """The tables of one run, made or read from the store only when asked for: each table's
    CSV bytes (``csv``, the tables made source by source), its key, its frame (``frame``)."""

    def __init__(
        self, blocks: dict[str, _Block], corpus: Corpus, rows_folder: Path, keys: dict[str, str]
    ) -> None:
        self.blocks, self.corpus = blocks, corpus
        self.rows_folder, self.block_keys = rows_folder, keys
        self.rows: dict[str, dict[str, bytes]] = {}  # each source's rows by table, pickled
        self.keys: dict[str, str] = {}
        self.stored: dict[str, bytes] = {}  # a table made across sources, pickled
        self._frames: dict[str, pd.DataFrame] = {}

    def csv(self, name: str) -> bytes:
        header = io.StringIO()
        csv.writer(header, lineterminator="\n").writerow(schema.TABLES[name].column_names)
        return header.getvalue().encode("utf-8") + b"".join(
            block.csv[name] for block in self.blocks.values()
        )

    def _read_rows(self) -> None:
        """Every source's rows (kept apart from its block, read only when a table made across
        sources is made again); a source whose rows cannot be read has them made again."""
        for sid in self.blocks:
            if sid not in self.rows and sid in self.block_keys:
                path = self.rows_folder / f"{sid}.pickle"
                found, rows = checkcache.read_stored(path, self.block_keys[sid])
                if found and isinstance(rows, dict):
                    self.rows[sid] = rows
        missing = [sid for sid in self.blocks if sid not in self.rows]
        if missing:
            self.rows.update(_make_blocks(self.corpus, missing)[2])

    def frame(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            if name in _BUILDERS:
                self._read_rows()
                rows = [
                    row
                    for sid in self.blocks
                    for row in pickle.loads(self.rows[sid][name])  # noqa: S301 - our scratch folder
                ]
                self._frames[name] = _typed(schema.TABLES[name], rows)
            else:
                self._frames[name] = pickle.loads(self.stored[name])  # noqa: S301 - as above
        return self._frames[name]

    def inputs(self, name: str) -> pd.DataFrame:
        """What a table made across sources is made from: a table, or a view of one."""
        if name not in _VIEWS:
            return self.frame(name)
        table, columns = _VIEWS[name]
        frame = self.frame(table)
        if name in _VIEW_ROWS_WITH:
            frame = frame[frame[_VIEW_ROWS_WITH[name]].notna()]
        return frame if columns is None else frame[list(columns)]

    def made(self, name: str, frame: pd.DataFrame) -> None:
        self._frames[name] = frame


def _build(paths: ProjectPaths) -> _Made:
    """Every table (validated), and the key of each (what it was made from; see ``_STORE``).

    A table made source by source is its sources' blocks (each made again only when its
    source changed); a table made across sources is taken from the store while what it is
    made from and the files it reads are unchanged (its key names their digests)."""
    corpus = gated_corpus(paths)
    code = _code_key()
    made = _source_blocks(corpus, paths, code)
    for name in [*_BUILDERS, *_VIEWS]:
        digest = hashlib.sha256(name.encode())
        for sid, block in made.blocks.items():
            digest.update(f"\0{sid}\0{block.digests[name]}".encode())
        made.keys[name] = digest.hexdigest()
    for name, reads, spec, make in _cross_source_steps(corpus, paths):
        made.keys[name] = checkcache.value_digest(
            code, name, [(t, made.keys[t]) for t in reads], spec
        )
        found, stored = _stored(paths, name, made.keys[name])
        if found and isinstance(stored, bytes):
            made.stored[name] = stored
            continue
        frame = _validated(schema.TABLES[name], make(*(made.inputs(t) for t in reads)))
        made.made(name, frame)
        _store(paths, name, made.keys[name], pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL))
    return made


# Who made the tables and under which terms (LICENSE, data/RIGHTS.md; CITATION.cff names the
# same authors). The words quoted in the tables stay their publishers'.
PACKAGE_CONTRIBUTORS = [{"title": "The gapstudy authors", "role": "author"}]
PACKAGE_LICENSES = [
    {
        "name": "MIT",
        "path": "https://opensource.org/licenses/MIT",
        "title": "MIT License: the tables and annotations, the project's own work",
    },
    {
        "name": "other-closed",
        "title": "Words quoted from the articles (the text columns): quoted for research; the "
        "rights stay with each article's publisher, listed under sources (data/RIGHTS.md)",
    },
]


def _package_sources(sources: pd.DataFrame | None) -> list[dict[str, str]]:
    """One entry per article text, naming its publisher (or saying that the text names none)."""
    entries = []
    for row in [] if sources is None else sources.itertuples(index=False):
        title = row.title if isinstance(row.title, str) else f"untitled text {row.source_id}"
        outlet = row.outlet if isinstance(row.outlet, str) else None
        original = row.original_outlet if isinstance(row.original_outlet, str) else None
        if original:
            publisher = f"{original}, reposted by {outlet or 'an outlet the text does not name'}"
        else:
            publisher = outlet or "publisher not named in the text"
        entry = {"title": f"{title} ({publisher}); data/raw/{row.file}"}
        if isinstance(row.url, str):
            entry["path"] = row.url
        entries.append(entry)
    return entries


def datapackage(
    tables: dict[str, pd.DataFrame], sizes: dict[str, int] | None = None
) -> dict[str, Any]:
    """The Frictionless data package descriptor for ``tables``, from the schema declarations,
    with each file's size in ``bytes`` when ``sizes`` gives it (``load`` tells a table written
    empty from one cut short by it)."""
    return _descriptor(list(tables), _package_sources(tables.get("sources")), sizes or {})


def _descriptor(
    names: list[str], sources: list[dict[str, str]], sizes: dict[str, int]
) -> dict[str, Any]:
    """:func:`datapackage` from the tables' names and the entries of the sources.

    The version is the installed package's (``pyproject.toml``), read here rather than from
    ``gapstudy.__init__``, which no stage imports."""
    from importlib.metadata import version

    return {
        "profile": "tabular-data-package",
        "name": "gapstudy",
        "title": "Figures quoted in the US-China AI gap debate",
        "version": version("gapstudy"),
        "licenses": PACKAGE_LICENSES,
        "contributors": PACKAGE_CONTRIBUTORS,
        "sources": sources,
        "resources": [
            {
                **schema.TABLES[name].to_frictionless(),
                **({"bytes": sizes[name]} if name in sizes else {}),
            }
            for name in names
        ],
    }


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n", float_format="%.15g")


def _write_bytes(data: bytes, path: Path) -> None:
    path.write_bytes(data)


def _write_table(paths: ProjectPaths, name: str, made: _Made, out: Path) -> None:
    """Write table ``name`` to ``out``: a table made source by source from its blocks; one made
    across sources as the bytes of the file in place when the store records that this table
    (its key) gives exactly those (same hash and size), else afresh."""
    if name in _BUILDERS:
        _write_bytes(made.csv(name), out)
        return
    key = made.keys[name]
    found, recorded = _stored(paths, f"{name}.csv", key)
    if found:
        with contextlib.suppress(OSError):
            data = paths.table_file(name).read_bytes()
            if _bytes_record(data) == recorded:
                _write_bytes(data, out)
                return
    _write_csv(made.frame(name), out)
    _store(paths, f"{name}.csv", key, _bytes_record(out.read_bytes()))


def _bytes_record(data: bytes) -> tuple[int, str]:
    """What the store records of a file's bytes: their size and SHA-256."""
    return len(data), hashlib.sha256(data).hexdigest()


def write_tables(paths: ProjectPaths | None = None) -> list[Path]:
    """Write every table and ``datapackage.json`` to ``data/processed/``, as one set.

    The whole set is written into a new folder beside ``data/processed`` and then put in its
    place in one step, so that a failure at any point (a full disk, an unwritable file, an
    interrupt) leaves the previous set whole.
    """
    paths = paths or project_paths()
    # Load and process: any error here is raised before a single file is touched.
    made = _build(paths)
    names = list(schema.TABLES)
    processed = paths.processed
    processed.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(processed)
    written: list[Path] = []
    staging = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING_PREFIX}new-", dir=processed.parent))
        for name in names:
            _write_table(paths, name, made, staging / f"{name}.csv")
            written.append(paths.table_file(name))
        sizes = {name: (staging / f"{name}.csv").stat().st_size for name in names}
        sources = [block.package for block in made.blocks.values()]
        descriptor = _descriptor(names, sources, sizes)
        package = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
        (staging / paths.datapackage_file.name).write_text(package, encoding="utf-8")
        written.append(paths.datapackage_file)
        os.chmod(staging, processed.stat().st_mode & 0o7777 if processed.is_dir() else 0o755)
        _replace_folder(staging, processed)
    except OSError as err:
        # Named as the file it was for: the staging folder is an implementation detail.
        where = processed / Path(err.filename).name if err.filename else processed
        raise OutputError(
            os_error_message(where, err) + "; the previous tables were kept whole"
        ) from None
    finally:
        if staging is not None:
            _remove_tree(staging)
    return written


def _remove_tree(folder: Path) -> None:
    """Remove ``folder`` even when it (the previous set, swapped out) was made read-only."""
    if not folder.exists():
        return
    for sub in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        with contextlib.suppress(OSError):
            os.chmod(sub, 0o700)
    shutil.rmtree(folder, ignore_errors=True)


# Folders beside data/processed while a new table set is put in place.
_STAGING_PREFIX = ".processed-"


def _remove_leftovers(processed: Path) -> None:
    """Remove what an interrupted earlier write left beside ``processed``, restoring the old
    set if it was moved aside and never replaced."""
    for leftover in sorted(processed.parent.glob(f"{_STAGING_PREFIX}*")):
        if leftover.name.startswith(f"{_STAGING_PREFIX}old-") and not processed.exists():
            os.replace(leftover, processed)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _replace_folder(new: Path, target: Path) -> None:
    """Put folder ``new`` where ``target`` is; ``new`` then holds the old content, if any."""
    if not target.exists():
        os.replace(new, target)
        return
    if exchange_folders(new, target):
        return
    # Two renames: an interruption between them is repaired by _remove_leftovers.
    old = target.with_name(f"{_STAGING_PREFIX}old-{os.getpid()}")
    os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    os.replace(old, new)


def load(name: str, paths: ProjectPaths | None = None) -> pd.DataFrame:
    """Read tidy table ``name`` from ``data/processed/`` with its declared dtypes, validated.

    Every value must have its column's type and vocabulary, and every span (``char_start``,
    ``char_end``, ``line``) must give exactly the row's words in its source's raw text;
    otherwise :class:`TableError` names the file, column and row.

    A table whose exact bytes were validated before, by this code, against the raw texts it
    points at as they still are, is neither parsed nor validated again: the frame validated
    then is read back (see :func:`_trusted`). Each notebook run reads every table, and
    parsing and validating the corpus in each of them grows with it.
    """
    paths = paths or project_paths()
    if name not in schema.TABLES:
        raise TableError(f"no table named {name!r}; known tables: {', '.join(schema.TABLES)}")
    path = paths.table_file(name)
    if not path.exists():
        raise TableError(f"{path} is missing: run `gapstudy tables` (or `make build`)")
    if not path.is_file():
        raise TableError(
            f"{path} is not a file (a folder stands where the table belongs): move it away "
            "and run `gapstudy tables`"
        )
    table = schema.TABLES[name]
    try:
        data = path.read_bytes()
    except OSError as err:
        raise TableError(os_error_message(path, err)) from None
    record_path, key = _validated_record(paths, name, data)
    trusted = _trusted(record_path, key, paths)
    if trusted is not None:
        return trusted
    frame = _read_typed(table, path, data)
    if frame.empty:
        _check_written_empty(name, path, paths)
        return _validated(table, _typed(table, []))
    frame = _validated(table, frame, path)
    raw_texts = _check_spans(frame, path, paths)
    _record_validated(record_path, key, paths, raw_texts, frame)
    return frame


# What ``load`` validated: one record per table (``.cache/loaded/<name>.pickle``), keyed by the
# table's bytes, the code and library versions that read and validate it, and (for a table with
# spans) the bytes of the sources table, which names each source's raw file. It holds the frame
# validated and, for each raw text the spans were checked against (named from the project's
# root, so that a copy of the project checks its own texts, and trusts the record once they are
# found to hold the same bytes), its ``stat()`` and hash as :class:`checkcache.FileDigests`
# keeps them (the racy case included).
_LOADED = "loaded"


def _validated_record(paths: ProjectPaths, name: str, data: bytes) -> tuple[Path, str]:
    """Where the record of table ``name`` is, and the key it must carry to be trusted."""
    parts: list[Any] = [_code_key(), name, hashlib.sha256(data).hexdigest()]
    if set(_SPAN_COLUMNS) <= set(schema.TABLES[name].column_names):
        sources = paths.table_file(schema.SOURCES.name)
        with contextlib.suppress(OSError):
            parts.append(hashlib.sha256(sources.read_bytes()).hexdigest())
    return paths.scratch / _LOADED / f"{name}.pickle", checkcache.value_digest(*parts)


def _trusted(record_path: Path, key: str, paths: ProjectPaths) -> pd.DataFrame | None:
    """The frame recorded at ``record_path`` if the record has ``key`` (the same table bytes,
    code, sources table) and every raw text it lists (by its name under ``paths.root``) is
    unchanged: its ``stat()`` as recorded and changed long enough before it was hashed, or
    else its bytes hashed again to the recorded hash; otherwise ``None``."""
    found, record = checkcache.read_stored(record_path, key)
    if not found or not isinstance(record, dict):
        return None
    raw, frame = record.get("raw"), record.get("frame")
    if not isinstance(raw, dict) or not isinstance(frame, pd.DataFrame):
        return None
    here = {os.path.join(paths.root, name): entry for name, entry in raw.items()}
    digests = checkcache.FileDigests(here)
    if all(digests.digest(name) == entry[2] for name, entry in here.items()):
        return frame
    return None


def _record_validated(
    record_path: Path,
    key: str,
    paths: ProjectPaths,
    raw_texts: dict[str, bytes],
    frame: pd.DataFrame,
) -> None:
    """Record that the table keyed ``key`` was validated, giving ``frame``, against
    ``raw_texts`` (raw file name: the bytes its spans were checked against). A raw text
    changed since it was read is not recorded as validated: the next load validates again."""
    digests = checkcache.FileDigests({})
    for file_name, data in raw_texts.items():
        found = digests.digest(paths.raw_file(file_name))
        if found != b"file\0" + hashlib.sha256(data).digest():
            return
    raw = {os.path.relpath(name, paths.root): entry for name, entry in digests.used.items()}
    checkcache.write_stored(record_path, key, {"raw": raw, "frame": frame})


def _check_written_empty(name: str, path: Path, paths: ProjectPaths) -> None:
    """Refuse a table holding only its header unless ``datapackage.json`` records it was
    written so (its recorded size is the file's): a header alone is a table cut short."""
    recorded = None
    with contextlib.suppress(OSError, ValueError, AttributeError, KeyError, StopIteration):
        package = json.loads(paths.datapackage_file.read_text(encoding="utf-8"))
        recorded = next(r.get("bytes") for r in package["resources"] if r.get("name") == name)
    if recorded is None or recorded != path.stat().st_size:
        raise TableError(
            f"{path}:2: the table holds its header and no rows, but it was not written empty "
            f"(datapackage.json records {recorded} bytes); run `gapstudy tables` to write it again"
        )


def _row(index: int) -> str:
    return f"row {index + 1} (line {index + 2})"


def _read_typed(table: schema.Table, path: Path, data: bytes) -> pd.DataFrame:
    """The CSV file (``data``, the bytes read from ``path``) with the table's dtypes; a value of
    the wrong type is named precisely."""
    options: dict[str, Any] = {"keep_default_na": False, "na_values": [""]}
    try:
        header = list(pd.read_csv(io.BytesIO(data), nrows=0).columns)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise TableError(f"{path}: cannot be read as CSV ({err})") from err
    except OSError as err:
        raise TableError(os_error_message(path, err)) from None
    if header != table.column_names:
        missing = [c for c in table.column_names if c not in header]
        extra = [c for c in header if c not in table.column_names]
        raise TableError(
            f"{path}: columns differ from the {table.name!r} schema "
            f"(missing {missing}, unexpected {extra}"
            + (", or out of order)" if not (missing or extra) else ")")
        )
    try:
        return pd.read_csv(io.BytesIO(data), dtype=table.dtypes, **options)
    except (ValueError, TypeError, UnicodeDecodeError, pd.errors.ParserError) as err:
        text = pd.read_csv(io.BytesIO(data), dtype=str, **options)
        raise TableError(_describe_bad_value(table, text, path) or f"{path}: {err}") from err


def _describe_bad_value(table: schema.Table, text: pd.DataFrame, path: Path) -> str | None:
    """Where the first value that cannot have its column's type is."""
    for column in table.columns:
        values = text[column.name]
        if column.type in ("integer", "number"):
            numbers = pd.to_numeric(values, errors="coerce")
            bad = values.notna() & numbers.isna()
            if column.type == "integer":
                bad |= numbers.notna() & (numbers % 1 != 0)
        elif column.type == "boolean":
            bad = values.notna() & ~values.isin(["True", "False", "true", "false"])
        else:
            continue
        if bad.any():
            index = int(bad.to_numpy().nonzero()[0][0])
            return (
                f"{path}: column {column.name!r}, {_row(index)}: {values.iloc[index]!r} "
                f"is not {'an' if column.type == 'integer' else 'a'} {column.type}"
            )
    return None


def _validated(table: schema.Table, frame: pd.DataFrame, path: Path | None = None) -> pd.DataFrame:
    import pandera.errors  # here, not on import: a run that validates nothing does not wait

    try:
        return table.to_pandera().validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        if path is None:
            cases = err.failure_cases.head(20).to_string(index=False)
            raise TableError(f"table {table.name!r} fails its schema:\n{cases}") from err
        lines = []
        for case in err.failure_cases.head(10).itertuples(index=False):
            row = _row(int(case.index)) if pd.notna(case.index) else "all rows"
            lines.append(
                f"  {path}: column {case.column!r}, {row}: {case.failure_case!r} fails {case.check}"
            )
        raise TableError(
            f"table {table.name!r} read from disk fails its schema:\n" + "\n".join(lines)
        ) from err


# Rows listed in one error before the rest are left unchecked: enough to see the pattern.
_MAX_LISTED = 10

# Columns holding a span of a raw text, and the column with the span's words if any.
_SPAN_COLUMNS = ("source_id", "char_start", "char_end")


def _check_spans(frame: pd.DataFrame, path: Path, paths: ProjectPaths) -> dict[str, bytes]:
    """Refuse rows whose span does not give their words (and line) in the raw text. Returns
    the raw texts the spans were checked against (file name: bytes)."""
    if not set(_SPAN_COLUMNS) <= set(frame.columns):
        return {}
    words = next((c for c in ("quote", "text") if c in frame.columns), None)
    line = next((c for c in ("line", "line_start") if c in frame.columns), None)
    texts: dict[str, tuple[str, list[int]] | None] = {}
    files = _raw_file_names(paths)
    problems = []
    columns = [*_SPAN_COLUMNS, *([words] if words else []), *([line] if line else [])]
    for index, values in enumerate(frame[columns].itertuples(index=False, name=None)):
        if len(problems) >= _MAX_LISTED:
            problems.append(f"{path}: (further rows not checked)")
            break
        source_id, start, end = values[:3]
        file_name = files.get(source_id, f"{source_id}.txt")
        if source_id not in texts:
            texts[source_id] = _read_raw(paths, file_name)
        raw = texts[source_id]
        where = f"{path}: {_row(index)}"
        if raw is None:
            problems.append(f"{where}: column 'source_id': no raw text data/raw/{file_name}")
            continue
        text, line_starts = raw
        if not 0 <= start <= end <= len(text):
            problems.append(
                f"{where}: columns 'char_start', 'char_end': [{start}, {end}) lies outside "
                f"data/raw/{file_name} (0 to {len(text)} characters)"
            )
        elif words and text[start:end] != values[3]:
            problems.append(
                f"{where}: column {words!r}: {values[3]!r} is not the raw text at "
                f"[{start}, {end}), which reads {text[start:end]!r}"
            )
        elif line and values[-1] != bisect.bisect_right(line_starts, start):
            expected = bisect.bisect_right(line_starts, start)
            problems.append(f"{where}: column {line!r}: {values[-1]} but the span is on {expected}")
    if problems:
        raise TableError(
            "spans that do not match the raw texts (rebuild with `gapstudy tables`):\n"
            + "\n".join(f"  {p}" for p in problems)
        )
    return {
        files.get(sid, f"{sid}.txt"): raw[0].encode("utf-8")
        for sid, raw in texts.items()
        if raw is not None
    }


def _raw_file_names(paths: ProjectPaths) -> dict[str, str]:
    """Each source's raw file name, as the written sources table records it (``sources.yaml``
    may name a file other than ``<source_id>.txt``)."""
    path = paths.table_file(schema.SOURCES.name)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["source_id"]: row["file"] for row in csv.DictReader(handle)}


# One match per line (not one step per character): the line starts of every raw text are found
# each time a table with spans is loaded.
_NEWLINE = re.compile("\n")


def _read_raw(paths: ProjectPaths, file_name: str) -> tuple[str, list[int]] | None:
    """A raw text as the corpus reads it (bytes decoded, newlines kept) and its line starts."""
    path = paths.raw_file(file_name)
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return text, [0, *(m.end() for m in _NEWLINE.finditer(text))]
