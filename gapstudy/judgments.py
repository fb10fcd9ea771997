"""Rules over the judgements a reader makes across texts: what kind of evidence each source is,
which claims truly disagree, which facts agree, which claims were out of date when written.

:mod:`gapstudy.check` calls :func:`check_judgments` once; each rule is a function of its own,
documented with its example in ``docs/annotations.md`` ("Sources as evidence", "Facts and
disagreements").
"""

from __future__ import annotations

from pathlib import Path

from gapstudy.exceptions import Problem
from gapstudy.sources import Source
from gapstudy.yamlfile import line_of_key


def check_source_quality(sources: dict[str, Source], path: Path) -> list[Problem]:
    """Every source says what it reports (``event``); ``kind`` left null is asked for by the
    sources table's required column, so it is not asked twice here."""
    problems = []
    for sid, source in sources.items():
        if not source.meta["event"]:
            problems.append(
                Problem(
                    path,
                    line_of_key(source.meta, "event"),
                    f"{sid}: event is empty: which occasion(s) does the text report?",
                    "list their ids, e.g. event: [agi-next-2026]; texts reporting the same "
                    "occasion share its id (docs/annotations.md, Sources as evidence)",
                )
            )
    return problems
