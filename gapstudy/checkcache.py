"""The per-source results of the checks, kept between runs, so that an unchanged source is
neither read again nor validated again: ``gapstudy check`` and ``gapstudy tables`` after one edit
redo one source, not the corpus (as the build does for notebook runs).

A source's entry (``.cache/check/<source_id>.pickle``) is keyed by a hash of everything its checks
read: the code of this package, the project root, the source's entry in ``sources.yaml`` (with
its line numbers, which problems name) and the checksum of its raw text, its annotation file's
bytes, and whatever the caller adds for all sources (the entities file, the fact ids). A change
to any of them gives another key, so a stale entry is never used: it is computed again and
replaced. An entry that cannot be read is computed again too. Entries of sources no longer
listed are removed.

The cache lives in the project's scratch folder (``.cache``, git-ignored) and holds only what
this package wrote there. Objects shared by every source (its ``Source``, the entities) are not
stored in an entry but linked back when it is read.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from gapstudy.paths import ProjectPaths
from gapstudy.sources import Source

T = TypeVar("T")
_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's Python files and templates: new code, new keys."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _jsonable(value: Any) -> Any:
    return str(value) if not isinstance(value, (str, int, float, bool, type(None))) else value


def _meta_bytes(meta: Mapping[str, Any]) -> bytes:
    """``meta`` (a ``sources.yaml`` entry: plain YAML values) as bytes for a key.

    Pickled rather than written as sorted JSON (four times faster, which counts once per
    source on every run): pickling is faithful, so two entries that differ never give the same
    bytes and a stale result is never taken; the same entry written with its keys in another
    order gives other bytes, which only means computing that source again."""
    return pickle.dumps(meta, protocol=5)


def source_key(paths: ProjectPaths, source: Source, shared_key: str) -> str:
    """The key of ``source``'s entry: everything its checks read (see the module docstring)."""
    annotation = paths.annotation_file(source.source_id)
    try:
        annotation_bytes = annotation.read_bytes()
    except FileNotFoundError:
        annotation_bytes = None
    digest = hashlib.sha256()
    digest.update(f"{_FORMAT}\0{code_fingerprint()}\0{paths.root}\0{shared_key}\0".encode())
    digest.update(_meta_bytes(source.meta))
    digest.update(hashlib.sha256(source.text.encode("utf-8")).digest())
    digest.update(b"missing" if annotation_bytes is None else b"file\0" + annotation_bytes)
    return digest.hexdigest()


def shared_key(*parts: Any) -> str:
    """A key for inputs every source's checks read (file bytes, sets of ids...)."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            digest.update(part)
        elif isinstance(part, (set, frozenset)):
            digest.update(json.dumps(sorted(map(str, part))).encode())
        else:
            digest.update(json.dumps(part, sort_keys=True, default=_jsonable).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def value_digest(*values: Any) -> str:
    """A hash of ``values`` by what they hold (frames, lists, dicts of plain values...).

    Pickled without the pickler's memo (``fast``), so the bytes follow the values and their
    types, not which objects happen to be shared: two values equal in content give the same
    hash whether computed afresh or read back. Pickling is faithful, so values that differ
    never give the same bytes; at worst equal values pickled differently give two hashes, and
    what they key is computed again."""
    digest = hashlib.sha256()
    for value in values:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True
        pickler.dump(value)
        digest.update(hashlib.sha256(buffer.getvalue()).digest())
    return digest.hexdigest()


def read_stored(path: Path, key: str) -> tuple[bool, Any]:
    """(True, the value) stored at ``path`` under ``key``, or (False, None) when there is none,
    it was stored under another key, or it cannot be read."""
    with collector_paused():
        return _read_entry(path, key, {})


def write_stored(path: Path, key: str, value: Any) -> None:
    """Store ``value`` at ``path`` under ``key`` (atomically: a reader sees the old entry or
    the new one); a folder that cannot be written is left as it is."""
    with contextlib.suppress(OSError):
        _write_entry(path, key, value, {})


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, linked: Mapping[str, object]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._linked = {id(obj): name for name, obj in linked.items()}

    def persistent_id(self, obj: object) -> str | None:
        return self._linked.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, linked: Mapping[str, object]) -> None:
        super().__init__(file)
        self._linked = linked

    def persistent_load(self, pid: str) -> object:
        return self._linked[pid]


def _folder(paths: ProjectPaths) -> Path:
    return paths.scratch / "check"


def _read_entry(path: Path, key: str, linked: Mapping[str, object]) -> tuple[bool, Any]:
    try:
        data = path.read_bytes()
    except OSError:
        return False, None
    try:
        stored_key, payload = pickle.loads(data)  # noqa: S301 - our own scratch folder
        if stored_key != key:
            return False, None
        return True, _Unpickler(io.BytesIO(payload), linked).load()
    except Exception:  # noqa: BLE001 - a damaged or outdated entry is computed again
        return False, None


def _write_entry(path: Path, key: str, value: Any, linked: Mapping[str, object]) -> None:
    buffer = io.BytesIO()
    _Pickler(buffer, linked).dump(value)
    data = pickle.dumps((key, buffer.getvalue()), protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def per_source(
    paths: ProjectPaths,
    sources: Mapping[str, Source],
    shared: str,
    compute: Callable[[Source], T],
    *,
    linked: Mapping[str, object] | None = None,
) -> tuple[dict[str, T], dict[str, int]]:
    """``compute(source)`` for every source, reusing the stored result of each unchanged one.

    ``shared`` is a key of the inputs every source's checks read (:func:`shared_key`);
    ``linked`` names objects the results may refer to that must not be stored (each source's
    own ``Source`` is linked always). Returns the results by source id (in the order of
    ``sources``) and how many were ``reused`` and ``computed``.
    """
    folder = _folder(paths)
    keys, stored = {}, {}
    with collector_paused():
        for sid, source in sources.items():
            keys[sid] = source_key(paths, source, shared)
            found, value = _read_entry(
                folder / f"{sid}.pickle", keys[sid], {**(linked or {}), "source": source}
            )
            if found:
                stored[sid] = value
    results: dict[str, T] = {}
    for sid, source in sources.items():
        if sid in stored:
            results[sid] = stored[sid]
            continue
        results[sid] = compute(source)
        with contextlib.suppress(OSError):  # a read-only checkout still checks
            links = {**(linked or {}), "source": source}
            _write_entry(folder / f"{sid}.pickle", keys[sid], results[sid], links)
    counts = {"reused": len(stored), "computed": len(sources) - len(stored)}
    _remove_unlisted(folder, set(sources))
    _last_counts.clear()
    _last_counts.update(counts)
    return results, counts


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a while (on again after, if it was on).

    Here while the stored results are read back: thousands of entries make objects that all
    live on, and each time the collector ran it walked them again (more than half the time of
    reading 1,000 entries back, measured); nothing is computed meanwhile, so little garbage
    waits for it. ``gapstudy check`` and ``tables`` run whole without it (see the command
    line)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_last_counts: dict[str, int] = {}


def last_counts() -> dict[str, int]:
    """How many sources the last :func:`per_source` call of this process ``reused`` and
    ``computed`` (what ``gapstudy check`` redid after an edit)."""
    return dict(_last_counts)


def _remove_unlisted(folder: Path, listed: set[str]) -> None:
    if not folder.is_dir():
        return
    for path in folder.glob("*.pickle"):
        if path.stem not in listed:
            with contextlib.suppress(OSError):
                path.unlink()
