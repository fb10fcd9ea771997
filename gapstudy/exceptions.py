"""The project's own exception types. Every error names the file, line and value at fault."""

from __future__ import annotations

from dataclasses import dataclass
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
    """One thing wrong with an input file, located as precisely as we can."""

    path: Path | str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        path = Path(self.path)
        if path.is_absolute() and path.is_relative_to(Path.cwd()):
            path = path.relative_to(Path.cwd())
        where = f"{path}:{self.line}" if self.line else f"{path}"
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


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


class RenderError(GapstudyError):
    """A notebook or figure record could not be rendered."""


class RevisionError(GapstudyError):
    """A git revision could not be read (unknown revision, or not a git checkout)."""
