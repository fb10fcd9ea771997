"""Reading the project's hand-written files: UTF-8 text, and YAML that keeps line numbers.

Every input is decoded as UTF-8; a byte that is not gives an error naming the file, the byte
offset and the line, never a ``UnicodeDecodeError``. YAML is read with a safe loader that

- remembers the line of each mapping (``__line__``) and of each of its keys (``__lines__``);
- refuses a key given twice in one mapping, naming the line of the second;
- refuses anchors, aliases and merge keys (``&a``, ``*a``, ``<<``) when the parser meets them,
  before anything is expanded, so an alias bomb fails at once instead of filling memory.

Speed, for corpora of thousands of files: a text that cannot hold an anchor or alias and has no
character YAML refuses is parsed by libyaml's C parser (about ten times faster; nodes keep their
lines, and the same constructors build the same values); anything else, and every error, goes
through the pure-Python loader, so a refusal reads the same either way. Each file's parsed
value is kept for the process, keyed by its path and checked against its text, so a file read
by several checks is parsed once, and a changed file is parsed again; callers get their own
copy. The kept values are bounded (``CACHE_MAX_CHARS`` characters of YAML text in all).

A long file (``sources.yaml`` and the cross-source files grow with the corpus) read with the
project's scratch folder is parsed once for all processes: its value is kept in
``.cache/yaml/`` under a hash of its text and of this parser, and a file whose text or parser
differs, or an entry that cannot be read, is parsed again. Errors are never kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from collections import OrderedDict
from functools import lru_cache
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
    # Keys interned: the same key in every mapping is one string, which a stored value
    # (pickled) then holds once, so it is read back faster (a sixth less time, measured).
    mapping = {_interned(key): value for key, value in mapping.items()}
    mapping[LINE_KEY] = node.start_mark.line + 1
    mapping[LINES_KEY] = {_interned(key): line for key, line in lines.items()}
    return mapping


def _interned(key: Any) -> Any:
    return sys.intern(key) if type(key) is str else key


def _construct_timestamp(loader: LineLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError) as err:
        raise ConstructorError(
            None, None, f"{node.value!r} is not a valid date ({err})", node.start_mark
        ) from err


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
LineLoader.add_constructor(_TIMESTAMP_TAG, _construct_timestamp)

if getattr(yaml, "__with_libyaml__", False):

    class CLineLoader(yaml.CSafeLoader):
        """libyaml's parser with :class:`LineLoader`'s constructors (lines kept, duplicate and
        merge keys refused). It cannot refuse anchors as it meets them: use it only on texts
        :func:`_may_use_c_parser` lets through."""

    CLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    CLineLoader.add_constructor(_TIMESTAMP_TAG, _construct_timestamp)
else:  # pragma: no cover - PyYAML built without libyaml
    CLineLoader = None

# An anchor or alias starts with & or * followed by a name character, a tag with !; one written
# against a letter or digit ("R&D", "AT&T", "wait!") is part of a scalar, never a token. A text
# with none of these holds no anchor, alias or tag (false alarms only send it to the slower
# loader; libyaml reads a lone "!" otherwise than PyYAML).
# A block scalar header against a comment ("|#") is an error to PyYAML, not to libyaml.
_SLOW_PATH_TOKENS = re.compile(r"(?<![A-Za-z0-9])(?:[&*][^\s,\[\]{}]|!)|[|>][0-9+-]*#")
# The characters PyYAML's reader refuses (yaml.reader.Reader.NON_PRINTABLE).
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


# A line holding only a comment is never part of a flow collection (one left open on an earlier
# line already sent the text to the slower loader), so brackets in comments are not counted.
_FLOW_LINE = re.compile(r"^(?![ ]*#)[^\n]*[\[\]{}][^\n]*$", flags=re.MULTILINE)
_COLON_AGAINST_FLOW = re.compile(r":[\]},]")


def _is_plain_flow_line(line: str) -> bool:
    """A line with brackets that libyaml and PyYAML read alike: every collection closed on the
    line, no ``?`` or backquote, no colon written against a bracket or comma (in such flow
    collections the two parsers differ on what is an error)."""
    return (
        "?" not in line
        and "`" not in line
        and line.count("[") == line.count("]")
        and line.count("{") == line.count("}")
        and _COLON_AGAINST_FLOW.search(line) is None
    )


def _may_use_c_parser(text: str) -> bool:
    """Whether ``text`` can go to libyaml and be read as PyYAML reads it: no anchor, alias or
    tag, no refused character, no tab (libyaml accepts tabs where PyYAML refuses them), and
    only plain flow collections, one to a line. Checked with a randomised comparison of the
    two parsers (tests/test_yamlfile.py)."""
    return (
        CLineLoader is not None
        and "\t" not in text
        and _SLOW_PATH_TOKENS.search(text) is None
        and _NON_PRINTABLE.search(text) is None
        and all(_is_plain_flow_line(line) for line in _FLOW_LINE.findall(text))
    )


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


def invisible_characters(text: str) -> list[str]:
    """Each character of ``text`` that shows as nothing, as 'U+200B (ZERO WIDTH SPACE) at
    character 13'."""
    return [
        f"U+{ord(m.group()):04X} ({unicodedata.name(m.group(), 'unnamed')}) "
        f"at character {m.start() + 1}"
        for m in _INVISIBLE.finditer(text)
    ]


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


def _parse(text: str, path: Path) -> Any:
    """``text`` parsed with line numbers kept; every error names ``path`` and the line."""
    refuse_invisible_characters(text, path)
    if _may_use_c_parser(text):
        try:
            return yaml.load(text, Loader=CLineLoader)  # noqa: S506 - a SafeLoader
        except (yaml.YAMLError, RecursionError):
            pass  # the pure-Python loader below words the error as it always has
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


CACHE_MAX_CHARS = 64 * 2**20
# By path: (the text, its value pickled, its key if taken).
_cache: OrderedDict[Path, tuple[str, bytes, str | None]] = OrderedDict()
_cache_stats = {"parsed": 0, "reused": 0, "stored": 0, "chars": 0}


def _kept(value: Any) -> bytes:
    """A parsed value as the process keeps it: pickled, so that each reader gets its own copy
    by unpickling it (new dicts, lists and scalars), several times faster than copying the
    nested dicts and lists in Python, which every read of a large file paid."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


# A file at least this long, read with a scratch folder, keeps its parsed value there.
STORED_MIN_CHARS = 64 * 2**10
_STORED_FORMAT = 2  # 2: the value stored pickled, as the process keeps it


@lru_cache(maxsize=1)
def _parser_fingerprint() -> bytes:
    """What a stored value depends on besides the text: this module's code, PyYAML's version."""
    code = Path(__file__).read_bytes()
    return f"{_STORED_FORMAT}\0{yaml.__version__}\0".encode() + hashlib.sha256(code).digest()


def _stored_entry(path: Path, text: str, scratch: Path) -> tuple[Path, str]:
    """Where ``path``'s parsed value is stored (one entry per file, replaced when it changes)
    and the key of ``text``: a hash of the text and of the parser."""
    name = hashlib.sha256(str(Path(path).absolute()).encode()).hexdigest()[:32]
    return scratch / "yaml" / f"{name}.pickle", _text_key(text)


def _read_stored(entry: Path, key: str) -> bytes | None:
    """The value stored under ``key`` at ``entry``, pickled; an entry missing, damaged, of
    another text or of another parser is not found (``None``: the text is parsed again)."""
    try:
        stored_key, payload = pickle.loads(entry.read_bytes())  # noqa: S301 - our own scratch
    except Exception:  # noqa: BLE001 - anything unreadable is parsed again
        return None
    return payload if stored_key == key and isinstance(payload, bytes) else None


def _store(entry: Path, key: str, payload: bytes) -> None:
    """Keep the pickled value ``payload`` at ``entry``, written whole or not at all; a folder
    that cannot be written (a read-only checkout) only means parsing again next time."""
    with contextlib.suppress(OSError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump((key, payload), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _parse_or_reuse(
    text: str, path: Path, scratch: Path | None, *, copy: bool = True
) -> tuple[Any, bytes, str | None]:
    """``text`` parsed: (its value; the value pickled; the key of the text, a hash of it and
    of the parser, when one was taken). A long text read with a ``scratch`` folder is parsed
    once for all processes: its value is stored there, pickled, under that key, and reused
    while text and parser are the same; the stored bytes are the process's kept copy as they
    are (not pickled again). A stored value that cannot be unpickled is parsed again. Errors
    are never stored: a refused text is parsed (and refused, naming its line) every time.
    Without ``copy`` a stored value is not unpickled (the value returned is ``None``): the
    process's first copy is then made when a reader asks for it."""
    if scratch is None or len(text) < STORED_MIN_CHARS:
        value = _parse(text, path)
        return value, _kept(value), None
    entry, key = _stored_entry(path, text, scratch)
    payload = _read_stored(entry, key)
    if payload is not None and not copy:
        _cache_stats["stored"] += 1
        return None, payload, key
    if payload is not None:
        try:
            value = pickle.loads(payload)  # noqa: S301 - our own scratch folder
        except Exception:  # noqa: BLE001 - a damaged value is parsed again, never trusted
            payload = None
        else:
            _cache_stats["stored"] += 1
            return value, payload, key
    value = _parse(text, path)
    payload = _kept(value)
    _store(entry, key, payload)
    return value, payload, key


def read_yaml(path: Path, *, scratch: Path | None = None) -> Any:
    """Parse ``path`` with line numbers kept; every error names the file and line.

    The text is read every time; it is parsed again only when it differs from the text last
    parsed for ``path`` in this process. With ``scratch`` (the project's scratch folder), a
    long file's parsed value is also kept there for the next process, keyed by a hash of its
    text (:func:`_parse_or_reuse`). The caller gets its own copy to change as it likes.
    """
    return read_yaml_keyed(path, scratch=scratch)[0]


def read_yaml_keyed(path: Path, *, scratch: Path | None = None) -> tuple[Any, str]:
    """:func:`read_yaml`, and a key of what the value was parsed from: a hash of the text read
    (and of this parser), so that a result about the value can be kept under the key instead
    of a hash of the value (hashing a value of thousands of entries costs more than the text)."""
    text = read_text(path)
    key = Path(path).absolute()
    kept = _cache.get(key)
    if kept is not None and kept[0] == text:
        try:
            value = pickle.loads(kept[1])  # noqa: S301 - pickled by this process or stored
        except Exception:  # noqa: BLE001 - a stored value kept unread (keep_yaml), damaged:
            pass  # the store's entry is found damaged again below, and the text parsed again
        else:
            _cache.move_to_end(key)
            _cache_stats["reused"] += 1
            return value, kept[2] or _text_key(text)
    value, payload, text_key = _parse_or_reuse(text, path, scratch)
    _cache_stats["parsed"] += 1
    _keep(key, text, payload, text_key)
    # The kept copy is pickled: the caller may change this one.
    return value, text_key or _text_key(text)


def keep_yaml(path: Path, *, scratch: Path | None = None) -> str:
    """The key :func:`read_yaml_keyed` gives for ``path``'s text as it is now, with the
    file's parsed value kept for the process (parsed, or found in ``scratch``) but not copied
    out: for a caller that needs the value only when the text is new to it (a long file's
    value costs ~0.15 s to unpickle at 35 MB), while a later reader of the same text gets it
    from the process's copy. A stored value found damaged then is parsed again."""
    text = read_text(path)
    key = Path(path).absolute()
    kept = _cache.get(key)
    if kept is not None and kept[0] == text:
        return kept[2] or _text_key(text)
    _, payload, text_key = _parse_or_reuse(text, path, scratch, copy=False)
    _cache_stats["parsed"] += 1
    _keep(key, text, payload, text_key)
    return text_key or _text_key(text)


def _keep(key: Path, text: str, payload: bytes, text_key: str | None) -> None:
    """Keep ``payload`` (a parsed value, pickled) for the process as ``key``'s, for ``text``;
    the oldest kept values are dropped past ``CACHE_MAX_CHARS``."""
    kept = _cache.get(key)
    if kept is not None:
        _cache_stats["chars"] -= len(kept[0])
    _cache[key] = (text, payload, text_key)
    _cache.move_to_end(key)
    _cache_stats["chars"] += len(text)
    while _cache_stats["chars"] > CACHE_MAX_CHARS and len(_cache) > 1:
        _, (dropped, *_) = _cache.popitem(last=False)
        _cache_stats["chars"] -= len(dropped)


def _text_key(text: str) -> str:
    """The key of ``text`` as :func:`_stored_entry` takes it (the text and this parser)."""
    return hashlib.sha256(_parser_fingerprint() + text.encode("utf-8")).hexdigest()


def parse_counts() -> dict[str, int]:
    """How many YAML texts this process took in (``parsed``: of those, ``stored`` were found
    parsed in a scratch folder), and how many reads reused a value parsed in this process."""
    return {key: _cache_stats[key] for key in ("parsed", "reused", "stored")}
