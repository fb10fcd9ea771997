"""Every tidy table and column, declared once.

From these declarations come the pandera schemas that validate tables before they are written
and after they are read, the pandas dtypes that :func:`gapstudy.load` returns, and the
Frictionless Table Schema written to ``data/processed/datapackage.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:  # pandera is imported where a schema is made: a second on every import
    import pandera.pandas as pa

from gapstudy import vocab

# Frictionless field type -> pandas dtype.
_DTYPES: dict[str, str] = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


@dataclass(frozen=True)
class Column:
    """One column: its type, meaning, and constraints."""

    name: str
    type: str
    description: str
    required: bool = True
    unique: bool = False
    enum: tuple[str, ...] | None = None

    @property
    def dtype(self) -> str:
        return _DTYPES[self.type]

    def to_frictionless(self) -> dict[str, Any]:
        spec: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "description": self.description,
        }
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if constraints:
            spec["constraints"] = constraints
        return spec

    def to_pandera(self) -> pa.Column:
        import pandera.pandas as pa

        checks = [pa.Check.isin(list(self.enum))] if self.enum is not None else []
        return pa.Column(
            self.dtype,
            checks=checks,
            nullable=not self.required,
            unique=self.unique,
            coerce=True,
        )


@dataclass(frozen=True)
class Table:
    """A tidy table: its columns in order, its key, and what one row is."""

    name: str
    description: str
    row: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict[str, str]:
        return {c.name: c.dtype for c in self.columns}

    def to_pandera(self) -> pa.DataFrameSchema:
        import pandera.pandas as pa

        return pa.DataFrameSchema(
            {c.name: c.to_pandera() for c in self.columns},
            strict=True,
            ordered=True,
            unique=list(self.primary_key) if len(self.primary_key) > 1 else None,
            name=self.name,
        )

    def to_frictionless(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [c.to_frictionless() for c in self.columns],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": col, "reference": {"resource": table, "fields": ref}}
                for col, table, ref in self.foreign_keys
            ]
        return {
            "name": self.name,
            "path": f"{self.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "encoding": "utf-8",
            "description": f"{self.description} One row: {self.row}.",
            "schema": schema,
        }

    def empty(self) -> pd.DataFrame:
        """A frame with this table's columns and dtypes and no rows."""
        return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in self.columns})


def rows_by_id(
    frame: pd.DataFrame, id_column: str, columns: tuple[str, ...]
) -> dict[Any, dict[str, Any]]:
    """Some ``columns`` of each row of a table, as a dict, by the row's ``id_column``: the
    values ``frame.set_index(id_column).loc[id]`` would give (as Python scalars where that
    may give NumPy ones), found in a dict instead of the frame (a lookup in the frame per row
    was most of the time of the steps that join tables by id). Ids are unique, as the schemas
    declare."""
    values = [frame[c].to_numpy(dtype=object) for c in columns]
    return {
        key: {c: column[i] for c, column in zip(columns, values, strict=True)}
        for i, key in enumerate(frame[id_column])
    }


def _enum(mapping: dict[str, Any]) -> tuple[str, ...]:
    return tuple(mapping)


# Columns shared by several tables are declared once here and reused.
SOURCE_ID = Column("source_id", "string", "Identifier of the source text (file stem in data/raw).")
LINE = Column("line", "integer", "1-based line of the source text where the span starts.")
CHAR_START = Column("char_start", "integer", "0-based offset of the span's first character.")
CHAR_END = Column("char_end", "integer", "0-based offset one past the span's last character.")
SEGMENT_KIND = Column(
    "segment_kind", "string", "Kind of segment the span lies in.", enum=_enum(vocab.SEGMENT_KINDS)
)
IS_READER_COMMENT = Column(
    "is_reader_comment", "boolean", "True when the span lies in a reader comment."
)
STANCE = Column("stance", "string", "Stance on the US-China AI gap.", enum=_enum(vocab.STANCES))
VOICE_ID = Column("voice_id", "string", "Voice identifier: '<source_id>/<voice_key>'.")
CLAIM_ID = Column("claim_id", "string", "Claim identifier: '<source_id>/<claim key>'.")
FIGURE_ID = Column("figure_id", "string", "Figure identifier: '<claim_id>/<n>'.")
CITES = Column(
    "cites",
    "string",
    "voice_key of the primary source the speaker relies on (e.g. a cited report).",
    required=False,
)
VALUE = Column("value", "number", "Point value in the unit, after scale words.", required=False)
LOW = Column("low", "number", "Lower bound in the unit; empty when open below.", required=False)
HIGH = Column("high", "number", "Upper bound in the unit; empty when open above.", required=False)
UNIT = Column("unit", "string", "Unit of value, low and high.", enum=_enum(vocab.UNITS))
UNIT_AS_WRITTEN = Column(
    "unit_as_written",
    "string",
    "Unit the words are written in; differs from unit only for a declared reinterpretation"
    " (vocab.UNIT_REINTERPRETATIONS), explained in interpretation_note.",
    enum=_enum(vocab.UNITS),
)
DIMENSION = Column("dimension", "string", "Dimension of the gap.", enum=_enum(vocab.DIMENSIONS))
DIRECTION = Column(
    "direction", "string", "What the claim says the gap does.", enum=_enum(vocab.DIRECTIONS)
)
FACT_ID = Column(
    "fact_id", "string", "Fact reported, shared across sources (facts.yaml).", required=False
)

SOURCES = Table(
    name="sources",
    description="The article texts under study, with provenance.",
    row="one source text",
    primary_key=("source_id",),
    columns=(
        Column("source_id", "string", SOURCE_ID.description, unique=True),
        Column("file", "string", "File name in data/raw."),
        Column("original_name", "string", "File name as received."),
        Column("sha256", "string", "SHA-256 of the raw bytes, verified on every load."),
        Column("title", "string", "Title as printed, if any.", required=False),
        Column("outlet", "string", "Publishing outlet, if known.", required=False),
        Column("is_outlet_inferred", "boolean", "True when the outlet is not stated."),
        Column("original_outlet", "string", "Outlet of the original, for reposts.", required=False),
        Column(
            "dateline",
            "string",
            "The place the text's dateline prints (names a text with no outlet or title).",
            required=False,
        ),
        Column(
            "is_machine_rendered",
            "boolean",
            "True when the text is a machine translation or summary of the original.",
        ),
        Column("published", "string", "Publication date (ISO, to its precision).", required=False),
        Column(
            "date_precision", "string", "Precision of published.", enum=_enum(vocab.DATE_PRECISIONS)
        ),
        Column("is_date_inferred", "boolean", "True when the date is not printed as such."),
        Column("url", "string", "Address of the original, when known.", required=False),
        Column(
            "kind",
            "string",
            "What kind of text it is, which decides how much it weighs as evidence"
            " (vocab.SOURCE_KINDS: original_report, repost, aggregator, commentary, promotional).",
            enum=_enum(vocab.SOURCE_KINDS),
        ),
        Column(
            "reliability_note",
            "string",
            "What a reader should know about the text's reliability (sells a product, a"
            " machine-written summary inside it, joke names among its comments...).",
            required=False,
        ),
        Column("inference_note", "string", "Why inferred fields are believed.", required=False),
        Column("n_lines", "integer", "Number of lines in the text."),
        Column("n_chars", "integer", "Number of characters in the text."),
    ),
)

SEGMENTS = Table(
    name="segments",
    description="Each source text split into labelled runs of lines.",
    row="one segment of one source",
    primary_key=("segment_id",),
    foreign_keys=(("source_id", "sources", "source_id"),),
    columns=(
        Column("segment_id", "string", "'<source_id>/s<nn>'.", unique=True),
        SOURCE_ID,
        Column("kind", "string", "Kind of segment.", enum=_enum(vocab.SEGMENT_KINDS)),
        Column("line_start", "integer", "First line (1-based)."),
        Column("line_end", "integer", "Last line (1-based, inclusive)."),
        CHAR_START,
        CHAR_END,
    ),
)

SOURCE_EVENTS = Table(
    name="source_events",
    description=(
        "What each source text reports as news (data/sources.yaml, event): texts reporting the"
        " same occasion share its event id, so that they are not counted as independent."
    ),
    row="one event reported by one source",
    primary_key=("source_id", "event_id"),
    foreign_keys=(("source_id", "sources", "source_id"),),
    columns=(
        SOURCE_ID,
        Column("event_id", "string", "Slug of the occasion (a meeting, a talk, a listing...)."),
        Column("n", "integer", "Order of the event in the source's list (1 first)."),
    ),
)

VOICES = Table(
    name="voices",
    description="Who speaks in each source: people, organisations, cited reports, readers.",
    row="one voice in one source",
    primary_key=("voice_id",),
    foreign_keys=(("source_id", "sources", "source_id"),),
    columns=(
        Column("voice_id", "string", VOICE_ID.description, unique=True),
        SOURCE_ID,
        Column("voice_key", "string", "Slug naming the same voice across sources."),
        Column("name", "string", "Name as the source gives it."),
        Column("kind", "string", "Kind of voice.", enum=_enum(vocab.VOICE_KINDS)),
        Column("affiliation", "string", "Organisation the voice speaks for.", required=False),
        Column(
            "is_affiliation_inferred",
            "boolean",
            "True when the text does not state the affiliation (see affiliation_note).",
        ),
        Column(
            "affiliation_note", "string", "Why an inferred affiliation is believed.", required=False
        ),
        Column("role", "string", "Role or title.", required=False),
        STANCE,
        CITES,
        IS_READER_COMMENT,
    ),
)

CLAIMS = Table(
    name="claims",
    description="Verbatim statements about the gap, each attributed to a voice.",
    row="one claim",
    primary_key=("claim_id",),
    foreign_keys=(
        ("source_id", "sources", "source_id"),
        ("voice_id", "voices", "voice_id"),
    ),
    columns=(
        Column("claim_id", "string", CLAIM_ID.description, unique=True),
        SOURCE_ID,
        VOICE_ID,
        Column("quote", "string", "The claim's words exactly as in the source."),
        LINE,
        CHAR_START,
        CHAR_END,
        SEGMENT_KIND,
        IS_READER_COMMENT,
        DIMENSION,
        DIRECTION,
        STANCE,
        CITES,
        FACT_ID,
    ),
)

FIGURES = Table(
    name="figures",
    description="Every annotated number, normalised, with the exact words it came from.",
    row="one figure as written in one claim",
    primary_key=("figure_id",),
    foreign_keys=(
        ("source_id", "sources", "source_id"),
        ("claim_id", "claims", "claim_id"),
        ("voice_id", "voices", "voice_id"),
    ),
    columns=(
        Column("figure_id", "string", FIGURE_ID.description, unique=True),
        CLAIM_ID,
        SOURCE_ID,
        VOICE_ID,
        Column("text", "string", "The figure's words exactly as in the source."),
        LINE,
        CHAR_START,
        CHAR_END,
        SEGMENT_KIND,
        IS_READER_COMMENT,
        Column("kind", "string", "Class of phrase.", enum=_enum(vocab.FIGURE_KINDS)),
        VALUE,
        LOW,
        HIGH,
        Column(
            "bound",
            "string",
            "How value, low and high relate to the words.",
            enum=_enum(vocab.BOUNDS),
        ),
        Column(
            "qualifier",
            "string",
            "Qualifier word, if any.",
            required=False,
            enum=_enum(vocab.QUALIFIERS),
        ),
        UNIT,
        UNIT_AS_WRITTEN,
        Column(
            "scale",
            "string",
            "Scale word applied, if any.",
            required=False,
            enum=_enum(vocab.SCALES),
        ),
        Column("entity", "string", "Canonical entity the figure is about (data/entities.yaml)."),
        Column(
            "counterpart",
            "string",
            "Entity it is compared with, if any.",
            required=False,
        ),
        Column("metric", "string", "What is measured, in a few words."),
        Column("period", "string", "When, as the text puts it.", required=False),
        Column(
            "period_precision",
            "string",
            "Precision of period.",
            enum=_enum(vocab.PERIOD_PRECISIONS),
        ),
        DIMENSION,
        STANCE,
        CITES,
        FACT_ID,
        Column(
            "restates_figure_id",
            "string",
            "Earlier figure of the same source that this one repeats; empty for a first report.",
            required=False,
        ),
        Column("interpretation", "string", "How an ambiguous figure is read.", required=False),
        Column("interpretation_note", "string", "Why it is read that way.", required=False),
    ),
)

MENTIONS = Table(
    name="mentions",
    description="Every numeric expression found in the texts, and what became of it.",
    row="one numeric mention",
    primary_key=("mention_id",),
    foreign_keys=(("source_id", "sources", "source_id"),),
    columns=(
        Column("mention_id", "string", "'<source_id>/m<nnn>'.", unique=True),
        SOURCE_ID,
        Column("text", "string", "The mention exactly as in the source."),
        LINE,
        CHAR_START,
        CHAR_END,
        SEGMENT_KIND,
        Column(
            "status",
            "string",
            "What became of it (see vocab.MENTION_STATUSES).",
            enum=_enum(vocab.MENTION_STATUSES),
        ),
        Column("figure_id", "string", "Figure that covers it.", required=False),
        Column("exclusion_reason", "string", "Why it is not a figure.", required=False),
    ),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (SOURCES, SOURCE_EVENTS, SEGMENTS, VOICES, CLAIMS, FIGURES, MENTIONS)
}


FACT_VALUES = Table(
    name="fact_values",
    description=(
        "Facts reported by several sources (data/annotations/facts.yaml), each report side by"
        " side, with the fact's spread and whether its reports agree."
    ),
    row="one report of one fact: a figure (numeric facts) or a claim (statement facts)",
    primary_key=("fact_id", "report_id"),
    foreign_keys=(
        ("source_id", "sources", "source_id"),
        ("claim_id", "claims", "claim_id"),
        ("voice_id", "voices", "voice_id"),
    ),
    columns=(
        Column("fact_id", "string", "Fact identifier from data/annotations/facts.yaml."),
        Column("report_id", "string", "figure_id of the report, or claim_id for a statement."),
        SOURCE_ID,
        CLAIM_ID,
        Column(
            "figure_id",
            "string",
            "Figure reporting the fact; empty for statements.",
            required=False,
        ),
        VOICE_ID,
        Column("text", "string", "The report's words exactly as in the source."),
        LINE,
        VALUE,
        LOW,
        HIGH,
        Column(
            "bound",
            "string",
            "How value, low and high relate to the words.",
            required=False,
            enum=_enum(vocab.BOUNDS),
        ),
        Column(
            "unit",
            "string",
            "Unit of value, low and high; empty for statements.",
            required=False,
            enum=_enum(vocab.UNITS),
        ),
        Column(
            "metric", "string", "What the figure measures; empty for statements.", required=False
        ),
        Column(
            "period",
            "string",
            "When, or over what horizon, as the report puts it; empty if not said.",
            required=False,
        ),
        Column(
            "counterpart",
            "string",
            "Entity the report compares with, if any (a name of data/entities.yaml).",
            required=False,
        ),
        Column(
            "restates_report_id",
            "string",
            "Earlier report of the same source that this one repeats (not an independent report).",
            required=False,
        ),
        Column("is_independent", "boolean", "False when the report restates an earlier one."),
        Column(
            "direction",
            "string",
            "What the report's claim says the gap does.",
            enum=_enum(vocab.DIRECTIONS),
        ),
        STANCE,
        Column("n_sources", "integer", "Number of sources reporting the fact."),
        Column(
            "n_independent_reports",
            "integer",
            "Number of reports of the fact that restate no earlier report.",
        ),
        Column(
            "differs_in",
            "string",
            "Fields in which the fact's reports differ (metric, period, counterpart, unit),"
            " comma-separated; empty when they differ in none.",
            required=False,
        ),
        Column(
            "spread",
            "number",
            "Largest minus smallest number reported for the fact, in its unit.",
            required=False,
        ),
        Column(
            "spread_pct",
            "number",
            "spread relative to the smallest number reported, in percent.",
            required=False,
        ),
        Column(
            "tolerance_pct",
            "number",
            "The fact's tolerance from facts.yaml, in percent.",
            required=False,
        ),
        Column(
            "is_agreeing",
            "boolean",
            "True when all reports of the fact agree (see gapstudy.facts).",
        ),
        Column("agreement_note", "string", "Why the reports are judged to agree or not."),
    ),
)

DERIVED_MEASURES = Table(
    name="derived_measures",
    description=(
        "Gap measures computed from two figures of one source (data/annotations/derived.yaml):"
        " a ratio (numerator / denominator) or a difference (numerator - denominator)."
    ),
    row="one derived measure",
    primary_key=("measure_id",),
    foreign_keys=(
        ("source_id", "sources", "source_id"),
        ("voice_id", "voices", "voice_id"),
        ("numerator_figure_id", "figures", "figure_id"),
        ("denominator_figure_id", "figures", "figure_id"),
    ),
    columns=(
        Column("measure_id", "string", "Measure identifier from derived.yaml.", unique=True),
        Column("description", "string", "What the measure says, in a few words."),
        Column(
            "operation",
            "string",
            "How the two figures are combined.",
            enum=_enum(vocab.DERIVED_OPERATIONS),
        ),
        Column(
            "dimension", "string", "Dimension of the gap measured.", enum=_enum(vocab.DIMENSIONS)
        ),
        Column("value", "number", "The measure, in unit."),
        Column("unit", "string", "Unit of value: fold for ratios.", enum=_enum(vocab.UNITS)),
        Column(
            "bound",
            "string",
            "exact when both inputs are exact, else approximate.",
            enum=("exact", "approximate"),
        ),
        SOURCE_ID,
        VOICE_ID,
        STANCE,
        Column(
            "numerator_figure_id",
            "string",
            "Figure divided (ratio) or subtracted from (difference).",
        ),
        Column("numerator_text", "string", "The numerator's words exactly as in the source."),
        Column("numerator_value", "number", "The numerator's value in its unit."),
        Column(
            "numerator_entity",
            "string",
            "Entity the numerator is about.",
        ),
        Column(
            "denominator_figure_id",
            "string",
            "Figure divided by (ratio) or subtracted (difference).",
        ),
        Column("denominator_text", "string", "The denominator's words exactly as in the source."),
        Column("denominator_value", "number", "The denominator's value in its unit."),
        Column(
            "denominator_entity",
            "string",
            "Entity the denominator is about.",
        ),
    ),
)

TABLES[FACT_VALUES.name] = FACT_VALUES
TABLES[DERIVED_MEASURES.name] = DERIVED_MEASURES


DISAGREEMENTS = Table(
    name="disagreements",
    description=(
        "Where sources contradict or diverge (data/annotations/disagreements.yaml): each side's"
        " claim, what it says on the point at issue, and what differs."
    ),
    row="one side (a claim, or one figure of it) of one disagreement",
    primary_key=("disagreement_id", "report_id"),
    foreign_keys=(
        ("source_id", "sources", "source_id"),
        ("claim_id", "claims", "claim_id"),
        ("voice_id", "voices", "voice_id"),
    ),
    columns=(
        Column("disagreement_id", "string", "Identifier from disagreements.yaml."),
        Column("kind", "string", "Kind of disagreement.", enum=_enum(vocab.DISAGREEMENT_KINDS)),
        DIMENSION,
        Column("question", "string", "The point at issue, in a few words."),
        Column("period", "string", "The one period every side speaks of."),
        Column("what_differs", "string", "What the sides differ on."),
        Column("report_id", "string", "figure_id of the side when it is a figure, else claim_id."),
        SOURCE_ID,
        CLAIM_ID,
        Column("figure_id", "string", "Figure of the side, if it is a figure.", required=False),
        VOICE_ID,
        Column("quote", "string", "The claim's (or figure's) words exactly as in the source."),
        LINE,
        Column(
            "direction",
            "string",
            "What the side's claim says the gap does.",
            enum=_enum(vocab.DIRECTIONS),
        ),
        STANCE,
        Column("position", "string", "What this side says on the point at issue."),
        Column("n_sources", "integer", "Number of sources on the sides of the disagreement."),
        Column(
            "note",
            "string",
            "Context: dates, editions, how the two might be squared.",
            required=False,
        ),
    ),
)

REFERENCE_CHECKS = Table(
    name="reference_checks",
    description=(
        "Figures a text attributes to a primary source, set beside what the primary source says"
        " (data/annotations/references.yaml)."
    ),
    row="one figure checked against its primary source",
    primary_key=("figure_id",),
    foreign_keys=(
        ("figure_id", "figures", "figure_id"),
        ("source_id", "sources", "source_id"),
    ),
    columns=(
        Column("figure_id", "string", FIGURE_ID.description, unique=True),
        SOURCE_ID,
        Column("text", "string", "The figure's words exactly as in the article."),
        Column("value", "number", "The article's value, in unit.", required=False),
        Column("low", "number", "The article's lower bound, in unit.", required=False),
        Column("high", "number", "The article's upper bound, in unit.", required=False),
        UNIT,
        Column("reference_name", "string", "The primary source, named as it names itself."),
        Column("reference_url", "string", "Address of the primary source.", required=False),
        Column(
            "reference_quote",
            "string",
            "Short quote of the primary source's words.",
            required=False,
        ),
        Column(
            "reference_value", "number", "The primary's value, in reference_unit.", required=False
        ),
        Column("reference_low", "number", "The primary's lower bound.", required=False),
        Column("reference_high", "number", "The primary's upper bound.", required=False),
        Column(
            "reference_unit",
            "string",
            "Unit of the primary's numbers.",
            required=False,
            enum=_enum(vocab.UNITS),
        ),
        Column(
            "status",
            "string",
            "How the article's figure compares.",
            enum=_enum(vocab.REFERENCE_STATUSES),
        ),
        Column("note", "string", "What differs, or why the figure cannot be checked."),
    ),
)

OUT_OF_DATE = Table(
    name="out_of_date",
    description=(
        "Claims contradicted by the record at their own date (data/annotations/out_of_date.yaml):"
        " each beside what the record was then. Not disagreements between texts."
    ),
    row="one out-of-date claim (or figure)",
    primary_key=("claim_id", "quote"),
    foreign_keys=(
        ("source_id", "sources", "source_id"),
        ("claim_id", "claims", "claim_id"),
        ("voice_id", "voices", "voice_id"),
    ),
    columns=(
        CLAIM_ID,
        Column("figure_id", "string", "Figure of the record, if it is a figure.", required=False),
        SOURCE_ID,
        Column("published", "string", "Publication date of the source (ISO).", required=False),
        VOICE_ID,
        Column("quote", "string", "The claim's (or figure's) words exactly as in the source."),
        LINE,
        DIMENSION,
        STANCE,
        Column("record", "string", "What the record was at the source's date."),
        Column(
            "evidence_id",
            "string",
            "Claim or figure of another text that shows the record.",
            required=False,
        ),
        Column("note", "string", "Where the record is documented.", required=False),
    ),
)

TABLES[DISAGREEMENTS.name] = DISAGREEMENTS
TABLES[REFERENCE_CHECKS.name] = REFERENCE_CHECKS
TABLES[OUT_OF_DATE.name] = OUT_OF_DATE

_LEAN = _enum(vocab.LEANS)

ROBUSTNESS = Table(
    name="robustness",
    description=(
        "Each lean of the weighed evidence (gapstudy.weighing; rule in docs/annotations.md,"
        " 'Weighing the evidence') recomputed leaving out one source, or one event (every source"
        " that reports it), in turn; over all sources, readers' comments left out."
    ),
    row="one lean (of a dimension or a layer) with one source or one event left out",
    primary_key=("scope", "subject", "left_out_kind", "left_out"),
    columns=(
        Column("scope", "string", "What the lean is of.", enum=("dimension", "layer")),
        Column("subject", "string", "The dimension, or the layer id of data/layers.yaml."),
        Column("left_out_kind", "string", "What is left out.", enum=("source", "event")),
        Column("left_out", "string", "The source id or event id left out."),
        Column("lean_all", "string", "The lean with every source read.", enum=_LEAN),
        Column("lean", "string", "The lean with it left out.", enum=_LEAN),
        Column("is_changed", "boolean", "True when leaving it out changes the lean."),
    ),
)

TABLES[ROBUSTNESS.name] = ROBUSTNESS
