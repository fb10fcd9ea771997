"""The entities figures are about, read from ``data/entities.yaml``.

Researchers extend that file without touching code: each entity has a canonical name, a kind
and the aliases a text may use. The loader refuses a file in which one spelling (compared
without case) would mean two entities, naming the lines of both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gapstudy.exceptions import AnnotationError, Problem
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.yamlfile import line_of_key, read_yaml

ENTITY_KINDS: dict[str, str] = {
    "country": "a country or territory",
    "company": "a company, lab or other organisation",
    "grouping": "several countries or companies taken together, or the world",
    "other": "anything else a figure is about (a model family, a class of models)",
}
ENTITY_FIELDS = ("name", "kind", "aliases")


@dataclass(frozen=True)
class Entity:
    """One entity: its canonical name, kind and the other spellings that mean it."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Entities:
    """Every entity, with a look-up from any spelling (case-insensitive) to its canonical name."""

    path: Path
    by_name: dict[str, Entity]
    spellings: dict[str, str]

    def canonical(self, spelling: str) -> str | None:
        """The canonical name for ``spelling``; ``None`` if no entity is spelled so."""
        return self.spellings.get(spelling.strip().casefold())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.by_name)


def _check_entry(entry: Any, path: Path) -> list[Problem]:
    if not isinstance(entry, dict):
        return [Problem(path, None, f"entity {entry!r} is not a mapping", "write '- name: ...'")]
    line = entry["__line__"]
    problems = [
        Problem(path, line, f"entity lacks field {name!r}", "add it (aliases: [] if none)")
        for name in ENTITY_FIELDS
        if name not in entry
    ]
    if problems:
        return problems
    unknown = sorted(set(entry) - {*ENTITY_FIELDS, "__line__", "__lines__"})
    if unknown:
        problems.append(
            Problem(path, line, f"entity has unknown field(s) {unknown}", "use name, kind, aliases")
        )
    if not isinstance(entry["name"], str) or not entry["name"].strip():
        problems.append(Problem(path, line, "entity name must be a non-empty text"))
    if entry["kind"] not in ENTITY_KINDS:
        problems.append(
            Problem(
                path,
                line_of_key(entry, "kind"),
                f"entity kind {entry['kind']!r} unknown",
                f"use one of: {', '.join(ENTITY_KINDS)}",
            )
        )
    aliases = entry["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append(
            Problem(
                path,
                line_of_key(entry, "aliases"),
                "aliases must be a list of non-empty texts",
                "write aliases: [U.S., USA] (quote a spelling YAML would read otherwise)",
            )
        )
    return problems


def read_entities(path: Path) -> Entities:
    """Read and validate the entity file at ``path``; raise :class:`AnnotationError` listing
    every problem with its line."""
    doc = read_yaml(path)
    entries = doc.get("entities") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise AnnotationError(
            Problem(path, 1, "no list under 'entities'", "start the file with 'entities:'")
        )
    problems: list[Problem] = []
    by_name: dict[str, Entity] = {}
    spellings: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for entry in entries:
        found = _check_entry(entry, path)
        if found:
            problems.extend(found)
            continue
        entity = Entity(
            entry["name"].strip(), entry["kind"], tuple(entry["aliases"]), entry["__line__"]
        )
        for spelling in (entity.name, *entity.aliases):
            key = spelling.strip().casefold()
            owner = spellings.get(key)
            if owner is None:
                spellings[key] = entity.name
                first_line[key] = entity.line
            elif owner == entity.name:
                problems.append(
                    Problem(path, entity.line, f"entity {entity.name!r} lists {spelling!r} twice")
                )
            else:
                problems.append(
                    Problem(
                        path,
                        entity.line,
                        f"{spelling!r} of entity {entity.name!r} already means {owner!r} "
                        f"(line {first_line[key]})",
                        "a name or alias may mean one entity only: remove one of them",
                    )
                )
        by_name.setdefault(entity.name, entity)
    if problems:
        raise AnnotationError(problems)
    return Entities(path, by_name, spellings)


_CACHE: dict[Path, tuple[bytes, Entities]] = {}


def load_entities(paths: ProjectPaths | None = None) -> Entities:
    """The project's entities (``paths.entities_file``), parsed again only when the file changed."""
    path = (paths or project_paths()).entities_file
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise AnnotationError(
            Problem(path, None, "entity list not found", "restore data/entities.yaml")
        ) from err
    cached = _CACHE.get(path)
    if cached is None or cached[0] != data:
        _CACHE[path] = (data, read_entities(path))
    return _CACHE[path][1]


def canonical_entity(name: str, paths: ProjectPaths | None = None) -> str | None:
    """The canonical name for ``name`` or one of its aliases in ``data/entities.yaml``; ``None``
    if unknown."""
    return load_entities(paths).canonical(name)
