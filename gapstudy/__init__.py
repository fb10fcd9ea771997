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


def load(name: str, paths=None):
    """Tidy table ``name`` (e.g. ``"figures"``) from ``data/processed/``, with declared dtypes.

    Imported lazily so that ``import gapstudy`` stays cheap for the command line.
    """
    from gapstudy.tables import load as load_table

    return load_table(name, paths)


__all__ = [
    "BuildError",
    "FigureParseError",
    "GapstudyError",
    "InputError",
    "ParameterError",
    "TableError",
    "__version__",
    "load",
]
