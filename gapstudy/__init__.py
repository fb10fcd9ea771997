"""gapstudy: the figures quoted in the US-China AI gap debate, as tidy, traceable tables."""

from gapstudy.exceptions import (
    BuildError,
    FigureParseError,
    GapstudyError,
    InputError,
    ParameterError,
    TableError,
)

__version__ = "0.1.0"

__all__ = [
    "BuildError",
    "FigureParseError",
    "GapstudyError",
    "InputError",
    "ParameterError",
    "TableError",
    "__version__",
]
