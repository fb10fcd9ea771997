"""Reading the project's hand-written files: UTF-8 text, and YAML that keeps line numbers.

Every input is decoded as UTF-8; a byte that is not gives an error naming the file, the byte
offset and the line, never a ``UnicodeDecodeError``. YAML is read with a safe loader that

- remembers the line of each mapping (``__line__``) and of each of its keys (``__lines__``);
- refuses a key given twice in one mapping, naming the line of the second;
- refuses anchors, aliases and merge keys (``&a``, ``*a``, ``<<``) when the parser meets them,
  before anything is expanded, so an alias bomb fails at once instead of filling memory.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

from gapstudy.exceptions import Problem, UnreadableFileError
from gapstudy.paths import link_leaving_folder

LINE_KEY = "__line__"
LINES_KEY = "__lines__"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class RefusedYamlError(ComposerError):
    """A YAML feature the project does not accept (alias, anchor, merge key, duplicate key)."""

    def __init__(self, problem: str, mark: yaml.Mark, hint: str) -> None:
        super().__init__(None, None, problem, mark)
        self.hint = hint


class LineLoader(yaml.SafeLoader):
    """A safe YAML loader whose mappings remember the 1-based line they start on (key
    ``__line__``) and the line of each of their keys (``__lines__``); it refuses anchors,
    aliases, merge keys and duplicate keys."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise RefusedYamlError(
                "anchors and aliases (&name, *name) are not accepted",
                event.start_mark,
                "write each value out in full",
            )
        return super().compose_node(parent, index)


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    lines: dict[Any, int] = {}
    for key_node, _ in node.value:
        line = key_node.start_mark.line + 1
        if key_node.tag == _MERGE_TAG:
            raise RefusedYamlError(
                "merge keys (<<) are not accepted", key_node.start_mark, "write each key out"
            )
        key = loader.construct_object(key_node, deep=True)
        try:
            seen = key in lines
        except TypeError:  # an unhashable key: construct_mapping below names it
            continue
        if seen:
            raise RefusedYamlError(
                f"key {key!r} is given twice in one mapping (first on line {lines[key]})",
                key_node.start_mark,
                "keep one of them",
            )
        if key in (LINE_KEY, LINES_KEY):
            raise RefusedYamlError(
                f"key {key!r} is reserved", key_node.start_mark, "rename or remove it"
            )
        lines[key] = line
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    mapping[LINES_KEY] = lines
    return mapping


def _construct_timestamp(loader: LineLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError) as err:
        raise ConstructorError(
            None, None, f"{node.value!r} is not a valid date ({err})", node.start_mark
        ) from err


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
LineLoader.add_constructor(_TIMESTAMP_TAG, _construct_timestamp)


def line_of_key(mapping: dict[str, Any], key: Any) -> int | None:
    """Line of ``key`` in a mapping read by :class:`LineLoader` (else the mapping's own line)."""
    lines = mapping.get(LINES_KEY, {})
    try:
        found = lines.get(key)
    except TypeError:
        found = None
    return found if found is not None else mapping.get(LINE_KEY)


def user_keys(mapping: dict[Any, Any]) -> list[Any]:
    """The keys of a mapping as written in its file (without the line bookkeeping)."""
    return [key for key in mapping if key not in (LINE_KEY, LINES_KEY)]


def without_lines(value: Any) -> Any:
    """``value`` with the line bookkeeping removed from every mapping in it, at any depth: the
    data as written, for a consumer that hands it on (a notebook's parameters)."""
    if isinstance(value, dict):
        return {k: without_lines(v) for k, v in value.items() if k not in (LINE_KEY, LINES_KEY)}
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def read_text(path: Path) -> str:
    """``path`` decoded as UTF-8; a missing file or a byte that is not UTF-8 is named with its
    offset and line."""
    elsewhere = link_leaving_folder(path)
    if elsewhere is not None:
        raise UnreadableFileError(
            Problem(
                path,
                None,
                f"is a symbolic link to {elsewhere}, outside the project's folder",
                "copy the file into the project instead of linking to it",
            )
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise UnreadableFileError(Problem(path, None, "file not found")) from err
    except IsADirectoryError as err:
        raise UnreadableFileError(Problem(path, None, "is a folder, not a file")) from err
    except PermissionError as err:
        problem = Problem(path, None, "cannot be read (permission denied)")
        raise UnreadableFileError(problem) from err
    return decode_utf8(data, path)


def decode_utf8(data: bytes, path: Path, hint: str = "save the file as UTF-8") -> str:
    """``data`` decoded as UTF-8, or an error naming ``path``, the bad byte's offset and line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        bad = data[err.start : err.end].hex(" ")
        raise UnreadableFileError(
            Problem(
                path,
                line,
                f"not valid UTF-8: byte(s) {bad} at byte offset {err.start}",
                hint,
            )
        ) from err


# Characters that show as nothing (zero-width spaces and joiners, the byte-order mark inside a
# text, direction marks and overrides, the soft hyphen): in a key or an id they make two names
# that look the same differ, and every later rule fails on the consequence, not the cause.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def refuse_invisible_characters(text: str, path: Path) -> None:
    """Raise :class:`UnreadableFileError` naming the line and column of the first character
    of ``text`` that shows as nothing (a byte-order mark at the very start is allowed)."""
    match = _INVISIBLE.search(text, 1 if text.startswith("\ufeff") else 0)
    if match is None:
        return
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    char = match.group()
    raise UnreadableFileError(
        Problem(
            path,
            line,
            f"column {column}: invisible character U+{ord(char):04X} "
            f"({unicodedata.name(char, 'unnamed')})",
            f'delete it; if a quoted text really holds it, write it as "\\u{ord(char):04x}" in '
            "double quotes",
        )
    )


def read_yaml(path: Path) -> Any:
    """Parse ``path`` with line numbers kept; every error names the file and line."""
    text = read_text(path)
    refuse_invisible_characters(text, path)
    try:
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
    except RefusedYamlError as err:
        line = err.problem_mark.line + 1
        raise UnreadableFileError(Problem(path, line, err.problem, err.hint)) from err
    except ConstructorError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        raise UnreadableFileError(
            Problem(
                path,
                line,
                f"YAML value not accepted: {err.problem}",
                "write plain values; put quotes around a date or other text",
            )
        ) from err
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        raise UnreadableFileError(
            Problem(path, line, f"YAML syntax error: {err.problem}", "fix the YAML syntax")
        ) from err
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        char = chr(err.character) if isinstance(err.character, int) else err.character
        raise UnreadableFileError(
            Problem(
                path,
                line,
                f"character {char!r} is not allowed in YAML",
                "remove the control character",
            )
        ) from err
    except yaml.YAMLError as err:
        raise UnreadableFileError(Problem(path, None, f"YAML error: {err}")) from err
    except RecursionError as err:
        raise UnreadableFileError(
            Problem(path, None, "YAML nested too deeply", "flatten the structure")
        ) from err
