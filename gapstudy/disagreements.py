"""Disagreements: two statements that cannot both hold, declared in
``data/annotations/disagreements.yaml`` (:func:`load_disagreements_spec`) and laid out side by
side, one row per side, in the ``disagreements`` table (:func:`list_disagreements`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from gapstudy import schema, vocab
from gapstudy.exceptions import AnnotationError, Problem, TableError
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.specfile import check_fields, not_in, read_optional

_DISAGREEMENT_FIELDS = (
    "disagreement_id",
    "kind",
    "dimension",
    "question",
    "period",
    "what_differs",
    "sides",
)


_SIDE_FIELDS = ("report", "position")


def load_disagreements_spec(paths: ProjectPaths | None = None) -> list[dict[str, Any]]:
    """The disagreements declared in ``data/annotations/disagreements.yaml`` (none when the
    file is absent), checked: unique ids, known kind and dimension, at least two sides, each
    naming a report (a claim or figure id) and the position it takes.

    Whether the reports exist and come from two sources is checked against the corpus by
    ``gapstudy check``. Each dict has the file's fields plus ``line``; each side has ``line``.
    """
    path = (paths or project_paths()).annotations / "disagreements.yaml"
    entries = read_optional(path, "disagreements")
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        missing = check_fields(entry, _DISAGREEMENT_FIELDS, path, "disagreement")
        if missing:
            problems.extend(missing)
            continue
        did, line = entry["disagreement_id"], entry["line"]
        if did in seen:
            problems.append(Problem(path, line, f"duplicate disagreement_id {did!r}"))
        seen.add(did)
        problems += not_in(entry["kind"], vocab.DISAGREEMENT_KINDS, path, line, f"{did}: kind")
        problems += not_in(entry["dimension"], vocab.DIMENSIONS, path, line, f"{did}: dimension")
        sides = entry["sides"]
        if not isinstance(sides, list) or len(sides) < 2:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{did}: a disagreement needs at least two sides",
                    "list each under 'sides:'",
                )
            )
            continue
        for side in sides:
            if not isinstance(side, dict):
                problems.append(Problem(path, line, f"{did}: side {side!r} is not a mapping"))
                continue
            side["line"] = side.pop("__line__", line)
            problems += check_fields(side, _SIDE_FIELDS, path, f"{did}: side")
    if problems:
        raise AnnotationError(problems)
    return entries


# What a side reads of its claim.
_CLAIM_FIELDS = ("claim_id", "source_id", "voice_id", "quote", "line", "direction", "stance")


def list_disagreements(
    claims: pd.DataFrame, figures: pd.DataFrame, spec: list[dict[str, Any]]
) -> pd.DataFrame:
    """The ``disagreements`` table: one row per side of each disagreement in ``spec``, with the
    side's claim (or figure), its words, direction and stance, and the position it takes.

    Raises :class:`TableError` for a side naming no claim or figure of the tables.
    """
    table = schema.DISAGREEMENTS
    claim_by_id = schema.rows_by_id(claims, "claim_id", _CLAIM_FIELDS)
    figure_by_id = schema.rows_by_id(figures, "figure_id", ("claim_id", "text", "line"))
    rows = []
    for entry in spec:
        did = entry["disagreement_id"]
        sides = []
        for side in entry["sides"]:
            rid = side["report"]
            if rid in figure_by_id:
                fig = figure_by_id[rid]
                claim = claim_by_id[fig["claim_id"]]
                quote, line, figure_id = fig["text"], fig["line"], rid
            elif rid in claim_by_id:
                claim = claim_by_id[rid]
                quote, line, figure_id = claim["quote"], claim["line"], None
            else:
                raise TableError(
                    f"disagreement {did!r} (disagreements.yaml line {side['line']}): {rid!r} is"
                    " neither a claim nor a figure"
                )
            sides.append(
                {
                    "disagreement_id": did,
                    "kind": entry["kind"],
                    "dimension": entry["dimension"],
                    "question": entry["question"],
                    "period": entry["period"],
                    "what_differs": entry["what_differs"],
                    "report_id": rid,
                    "source_id": claim["source_id"],
                    "claim_id": claim["claim_id"],
                    "figure_id": figure_id,
                    "voice_id": claim["voice_id"],
                    "quote": quote,
                    "line": line,
                    "direction": claim["direction"],
                    "stance": claim["stance"],
                    "position": side["position"],
                    "note": entry.get("note"),
                }
            )
        n_sources = len({side["source_id"] for side in sides})
        rows += [{**side, "n_sources": n_sources} for side in sides]
    frame = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return frame.astype(table.dtypes).reset_index(drop=True)
