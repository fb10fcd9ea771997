"""The project's own exception types. Every error names the file, line and value at fault."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any


class GapstudyError(Exception):
    """Base class for every error this package raises on purpose."""


class FigureParseError(GapstudyError, ValueError):
    """A figure as written could not be understood by the normaliser."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot parse figure {text!r}: {reason}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can.

    ``about`` names what the problem concerns (e.g. ``"source ithome-zheng-2026"``, ``"number
    ithome-zheng-2026 2.7%"``); ``breaks`` names what a root cause leaves unusable, so that the
    problems about those things are its consequences, counted in ``n_caused`` by
    :func:`fold_consequences` instead of listed.
    """

    path: Path | str
    line: int | None
    message: str
    hint: str = ""
    about: frozenset[str] = frozenset()
    breaks: frozenset[str] = frozenset()
    n_caused: int = 0

    def __str__(self) -> str:
        path = Path(self.path)
        if path.is_absolute() and path.is_relative_to(Path.cwd()):
            path = path.relative_to(Path.cwd())
        where = f"{path}:{self.line}" if self.line else f"{path}"
        text = f"{where}: {self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        if self.n_caused:
            more = "problem" if self.n_caused == 1 else "problems"
            text += f"; and {self.n_caused} more {more} caused by it"
        return text


def source_key(source_id: str) -> str:
    """What a problem about a source, or about anything of it, names in ``about``/``breaks``."""
    return f"source {source_id}"


def report_key(report_id: str) -> str:
    """:func:`source_key` of a claim or figure id ('<source_id>/<claim key>[/<n>]')."""
    return source_key(str(report_id).split("/", 1)[0])


def number_key(source_id: str, number: str) -> str:
    """What a problem about a number of a source's text (as written, e.g. '2.7%') names."""
    return f"number {source_id} {number}"


def fold_consequences(problems: list[Problem]) -> list[Problem]:
    """The problems with every consequence folded into its root cause: a problem whose
    ``about`` meets the ``breaks`` of another problem is counted on that root (the first one,
    in list order) instead of being listed. Roots come first, in their order; then the rest."""
    roots = [p for p in problems if p.breaks]
    if not roots:
        return list(problems)
    counts = [0] * len(roots)
    rest = []
    for problem in problems:
        if problem.breaks:
            continue
        cause = next((i for i, r in enumerate(roots) if r.breaks & problem.about), None)
        if cause is None:
            rest.append(problem)
        else:
            counts[cause] += 1
    folded = [replace(r, n_caused=r.n_caused + n) for r, n in zip(roots, counts, strict=True)]
    return folded + rest


class ProjectNotFoundError(GapstudyError):
    """No project root: not run inside a project, and none given by --root or $GAPSTUDY_ROOT."""


class InputError(GapstudyError):
    """One or more problems in the project's input files (raw texts, metadata, annotations)."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the input files:\n{lines}")


class SourceError(InputError):
    """A raw text or its metadata is missing, altered, or inconsistent."""


class AnnotationError(InputError):
    """An annotation file does not agree with the schema, the vocabularies or its source."""


class UnreadableFileError(SourceError, AnnotationError):
    """An input file is missing, not UTF-8, or YAML the project does not accept (syntax errors,
    duplicate keys, anchors and aliases)."""


class TableError(GapstudyError):
    """A tidy table does not match its declared schema, or is missing."""


class ParameterError(GapstudyError):
    """A notebook run was given a parameter the notebook does not declare, or of the wrong type."""


class OutputError(GapstudyError):
    """An output folder or file cannot be written (read-only, or a file where a folder belongs)."""


class BuildLockError(GapstudyError):
    """Another build holds the project's build lock."""


class CellTimeoutError(GapstudyError):
    """A notebook cell ran longer than the run list's ``cell_timeout_s``; its kernel was stopped."""

    def __init__(self, cell_index: int, source: str, timeout_s: int) -> None:
        self.cell_index = cell_index
        self.source = source
        self.timeout_s = timeout_s
        self.notebook: Any = None  # the notebook as far as it ran, when known
        first = (source.strip().splitlines() or [""])[0]
        super().__init__(f"cell {cell_index} ({first[:60]!r}) ran longer than {timeout_s} s")


class BuildError(GapstudyError):
    """One or more notebook runs failed; the last good outputs were kept."""


class ClusterError(GapstudyError):
    """The cluster named by ``--scheduler`` cannot run this project's notebooks."""


class RenderError(GapstudyError):
    """A notebook or figure record could not be rendered."""


class RevisionError(GapstudyError):
    """A git revision could not be read (unknown revision, or not a git checkout)."""


class PlotRuleError(GapstudyError, ValueError):
    """A chart would break the plotting rule (see :mod:`gapstudy.plots`): two quantities or
    units on one axis, a mark that does not name its entity or period, something other than a
    gap on a chart of gaps, or a chart without a title."""
