"""Every path the project reads or writes, derived in one place from the project root.

Nothing here touches the file system on import. The root is ``$GAPSTUDY_ROOT`` when set (tests
and benchmarks point it at a scratch copy of the project), else the nearest folder, from the
current directory upwards, that holds ``data/sources.yaml``; so an installed copy of the package
works on whichever project it is run in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from gapstudy.exceptions import ProjectNotFoundError

ROOT_ENV_VAR = "GAPSTUDY_ROOT"
# The file that makes a folder a gapstudy project (relative to the project root).
ROOT_MARKER = Path("data") / "sources.yaml"
# A figure drawn again for phones is saved beside the figure under its name plus this suffix.
NARROW_FIGURE_SUFFIX = ".narrow.png"


@dataclass(frozen=True)
class ProjectPaths:
    """The project's folders and files, relative to one root."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def raw(self) -> Path:
        return self.data / "raw"

    @property
    def sources_file(self) -> Path:
        return self.data / "sources.yaml"

    @property
    def entities_file(self) -> Path:
        return self.data / "entities.yaml"

    @property
    def layers_file(self) -> Path:
        return self.data / "layers.yaml"

    @property
    def annotations(self) -> Path:
        return self.data / "annotations"

    @property
    def processed(self) -> Path:
        return self.data / "processed"

    @property
    def datapackage_file(self) -> Path:
        return self.processed / "datapackage.json"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def runs_file(self) -> Path:
        return self.notebooks / "runs.yaml"

    @property
    def executed(self) -> Path:
        return self.root / "reports" / "notebooks"

    @property
    def html(self) -> Path:
        return self.root / "reports" / "html"

    @property
    def citation_file(self) -> Path:
        return self.root / "CITATION.cff"

    @property
    def figures(self) -> Path:
        return self.root / "figures"

    @property
    def provenance_file(self) -> Path:
        return self.figures / "provenance.json"

    @property
    def golden_corpus_file(self) -> Path:
        """The reviewed summary of the corpus the tests compare with (gapstudy.summary)."""
        return self.root / "tests" / "golden" / "corpus.json"

    @property
    def scratch(self) -> Path:
        """Git-ignored working folder: staged outputs, failed runs, caches."""
        return self.root / ".cache"

    def table_file(self, name: str) -> Path:
        return self.processed / f"{name}.csv"

    def raw_file(self, file_name: str) -> Path:
        return self.raw / file_name

    def annotation_file(self, source_id: str) -> Path:
        return self.annotations / f"{source_id}.yaml"

    def annotation_file_name(self, source_id: str) -> str:
        """:meth:`annotation_file` as a string, joined without building a ``Path``: the check
        asks for every source's file on each run, and a ``Path`` cost about a third of each
        source's key at 10,000 sources."""
        return os.path.join(self.annotations, f"{source_id}.yaml")


def find_root(start: Path | str | None = None) -> Path:
    """The project root: ``$GAPSTUDY_ROOT`` if set, else the nearest folder holding
    ``data/sources.yaml``, from ``start`` (default: the current directory) upwards.

    Raises :class:`ProjectNotFoundError`, saying where it looked, when there is none."""
    env = os.environ.get(ROOT_ENV_VAR)
    if env:
        root = Path(env).resolve()
        if not (root / ROOT_MARKER).is_file():
            raise ProjectNotFoundError(
                f"{ROOT_ENV_VAR}={env} is not a gapstudy project: {root / ROOT_MARKER} is "
                f"missing (point {ROOT_ENV_VAR} at the folder holding data/sources.yaml)"
            )
        return root
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ROOT_MARKER).is_file():
            return folder
    raise ProjectNotFoundError(
        f"not inside a gapstudy project: no {ROOT_MARKER.as_posix()} in {here} or any folder "
        f"above it (run from the project's folder, pass --root, or set {ROOT_ENV_VAR})"
    )


def project_paths(root: Path | str | None = None) -> ProjectPaths:
    """Paths for ``root`` (default: :func:`find_root`)."""
    return ProjectPaths(Path(root).resolve() if root is not None else find_root())


def link_leaving_folder(path: Path) -> Path | None:
    """Where ``path`` really is, if a symbolic link takes it out of the folder it is listed in
    (an input must be part of the project, not a file elsewhere on this machine); else ``None``.

    A path that is not itself a link (nor missing) is where it is listed: only a link is
    resolved (one ``lstat`` per file, which counts once per source on every run)."""
    if not os.path.islink(path):
        return None
    resolved = Path(os.path.realpath(path))
    return None if resolved.is_relative_to(Path(os.path.realpath(path.parent))) else resolved
