"""The per-source results of the checks, kept between runs, so that an unchanged source is
neither read again nor validated again: ``gapstudy check`` and ``gapstudy tables`` after one edit
redo one source, not the corpus (as the build does for notebook runs).

A source's entry (``.cache/check/<source_id>.pickle``) is keyed by a hash of everything its checks
read: the code of this package and the versions of the libraries it reads with (Python, PyYAML,
pint, pandas, the Unicode tables), the project root, the source's entry in ``sources.yaml``
(with its line numbers, which problems name) and the checksum of its raw text, its annotation
file's bytes, and whatever the caller adds for all sources (the entities file, the fact ids). A
change to any of them gives another key, so a stale entry is never used: it is computed again
and replaced. An entry that cannot be read is computed again too. Entries of sources no longer
listed are removed.

An annotation file is not read to find it unchanged: one index (``.cache/check/_index.pickle``,
read once per run) records, for each file, its ``stat()`` (size, modification and change times
in nanoseconds, inode, device) when its bytes were hashed, the time of that hashing and the
hash. A file whose ``stat()`` is the recorded one is taken as holding the recorded bytes, as git
takes its index, with git's care for the "racy" case: a record is trusted only if the file was
last changed more than ``RACY_NS`` (two seconds, more than any file system's clock tick) before
it was hashed, since a file written again within the same tick as its hashing keeps the same
times. Any other file is read and hashed again, and its record replaced. An index that cannot
be read, or of another format, is as good as empty: every file is hashed again and the index
written anew.

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
import time
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from gapstudy.paths import ProjectPaths
from gapstudy.sources import Source

T = TypeVar("T")
_FORMAT = 3
_PACKAGE = Path(__file__).resolve().parent
# Files of the folder that are not a source's entry begin with "_" (a source id never does).
_INDEX = "_index.pickle"
_INDEX_FORMAT = 1
# The number of lines of each raw text decoded before (:class:`KnownTexts`).
_TEXTS = "_texts.pickle"
# A record of a file changed within this long before it was hashed is not trusted (see above).
RACY_NS = 2_000_000_000


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's Python files and templates: new code, new keys.

    The files are read when first asked for, which may be after this process loaded its
    modules: a file changed since the process started (a checkout or a commit landing while it
    runs) may not be the code running. Then the fingerprint is this process's own, which no
    stored entry has and no later run will: nothing is reused, and what this run keeps is never
    taken for the new code's."""
    import psutil

    started_ns = int(psutil.Process().create_time() * 1e9) - RACY_NS
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        if "__pycache__" in path.parts:
            continue
        if path.stat().st_mtime_ns >= started_ns:
            return f"changed-while-running-{os.getpid()}-{time.time_ns()}"
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def library_versions() -> tuple[str, ...]:
    """The versions of Python and of the libraries the checks read with and the tables are
    validated and written with: new versions, new keys (a new PyYAML may read a file
    otherwise, a new pint convert otherwise, a new pandas write a number otherwise).

    Read from the installed packages' metadata, not by importing them: importing pandera and
    pint costs about a second each, and a run that reuses every result needs neither."""
    import sys
    import unicodedata
    from importlib.metadata import version

    return (
        sys.version,
        yaml.__version__,
        str(getattr(yaml, "__with_libyaml__", False)),
        version("pint"),
        version("pandas"),
        unicodedata.unidata_version,
        version("pandera"),
        version("numpy"),
    )


def _jsonable(value: Any) -> Any:
    return str(value) if not isinstance(value, (str, int, float, bool, type(None))) else value


def _meta_bytes(meta: Mapping[str, Any]) -> bytes:
    """``meta`` (a ``sources.yaml`` entry: plain YAML values) as bytes for a key.

    Pickled rather than written as sorted JSON (four times faster, which counts once per
    source on every run): pickling is faithful, so two entries that differ never give the same
    bytes and a stale result is never taken; the same entry written with its keys in another
    order gives other bytes, which only means computing that source again."""
    return pickle.dumps(meta, protocol=5)


def source_key(
    paths: ProjectPaths, source: Source, shared_key: str, files: FileDigests | None = None
) -> str:
    """The key of ``source``'s entry: everything its checks read (see the module docstring).

    ``files`` gives the hash of the annotation file (by default it is read and hashed)."""
    files = files if files is not None else FileDigests({})
    return _source_key(_key_start(paths, shared_key), paths, source, files)


def _key_start(paths: ProjectPaths, shared_key: str) -> Any:
    """The hash of what every source's key starts with (code, libraries, root, shared
    inputs), to be copied for each source rather than hashed again."""
    digest = hashlib.sha256()
    digest.update(f"{_FORMAT}\0{code_fingerprint()}\0{library_versions()}\0".encode())
    digest.update(f"{paths.root}\0{shared_key}\0".encode())
    return digest


def _source_key(start: Any, paths: ProjectPaths, source: Source, files: FileDigests) -> str:
    """:func:`source_key` from the hash of its start."""
    digest = start.copy()
    digest.update(_meta_bytes(source.meta))
    if "sha256" not in source.meta:  # else the entry's checksum, which its text was read to
        digest.update(hashlib.sha256(source.text.encode("utf-8")).digest())
    digest.update(files.digest(paths.annotation_file_name(source.source_id)))
    return digest.hexdigest()


class FileDigests:
    """Hashes of files' bytes, taken from their records while ``stat()`` shows them unchanged
    (see the module docstring for the rule, and for the racy case).

    ``records`` maps a path (as a string) to ``(stat, hashed_ns, digest)``. What this run found,
    read again or not, is in ``used``; ``changed`` tells whether the index must be written."""

    def __init__(self, records: Mapping[str, tuple]) -> None:
        self.records = records
        self.used: dict[str, tuple] = {}
        self.changed = False

    def digest(self, path: Path | str) -> bytes:
        """The hash of ``path``'s bytes (``b"missing"`` for a file that is not there)."""
        name = str(path)
        try:
            stat = _stat_record(os.stat(name))
        except FileNotFoundError:
            self.changed = self.changed or name in self.records
            return b"missing"
        record = self.records.get(name)
        if record is not None and record[0] == stat and stat[1] < record[1] - RACY_NS:
            self.used[name] = record
            return record[2]
        hashed_ns = time.time_ns()  # before the stat that goes with the bytes read after it
        try:
            stat = _stat_record(os.stat(name))
            data = Path(name).read_bytes()
        except FileNotFoundError:
            self.changed = True
            return b"missing"
        value = b"file\0" + hashlib.sha256(data).digest()
        self.used[name] = (stat, hashed_ns, value)
        self.changed = True
        return value


def _stat_record(stat: os.stat_result) -> tuple[int, ...]:
    """What of a file's ``stat()`` tells it unchanged: size, modification time, change time
    (nanoseconds), inode and device. Index 1 is the modification time (the racy rule)."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


def _read_index(folder: Path) -> FileDigests:
    """The records of the last run, or none when the index is missing, damaged or of another
    format (then every file is hashed again)."""
    try:
        data = (folder / _INDEX).read_bytes()
        doc = pickle.loads(data)  # noqa: S301 - our own scratch folder
        if doc["format"] != _INDEX_FORMAT:
            return FileDigests({})
        return FileDigests(
            {name: record for name, record in doc["files"].items() if _is_record(record)}
        )
    except Exception:  # noqa: BLE001 - a damaged index is rebuilt, never trusted
        return FileDigests({})


def _is_record(record: Any) -> bool:
    """``record`` has the shape :class:`FileDigests` writes (else it is not used)."""
    return (
        isinstance(record, tuple)
        and len(record) == 3
        and isinstance(record[0], tuple)
        and isinstance(record[1], int)
        and isinstance(record[2], bytes)
    )


def _write_index(folder: Path, files: FileDigests) -> None:
    """Keep this run's records (only those of files it read), if any differ from the last."""
    if not files.changed and len(files.used) == len(files.records):
        return
    data = pickle.dumps(
        {"format": _INDEX_FORMAT, "files": files.used}, protocol=pickle.HIGHEST_PROTOCOL
    )
    with contextlib.suppress(OSError):  # a read-only checkout still checks
        _write_bytes(folder / _INDEX, data)


class CheckedBefore:
    """Documents that passed their schema, remembered in the scratch folder by the key of the
    text each was parsed from (:func:`gapstudy.yamlfile.read_yaml_keyed`: a hash of the text
    and of the parser), this package's code and the library versions: the same document is
    not checked again (:func:`gapstudy.sources.load_sources`). Anything else (another text,
    new code, a record that cannot be read) is checked. Keyed by the text, not the parsed
    value: hashing a value of thousands of entries cost more than checking it was saving."""

    def __init__(self, paths: ProjectPaths) -> None:
        self._folder = _folder(paths)

    def _key(self, text_key: str) -> str:
        return value_digest(_FORMAT, "text", code_fingerprint(), library_versions(), text_key)

    def passed(self, name: str, text_key: str) -> bool:
        """The document read as ``name`` from the text of key ``text_key`` passed its schema
        before."""
        with collector_paused():
            return _read_entry(self._folder / f"_{name}-checked.pickle", self._key(text_key), {})[0]

    def record(self, name: str, text_key: str) -> None:
        """The document read as ``name`` from the text of key ``text_key`` passed its schema."""
        with contextlib.suppress(OSError):  # a read-only checkout still checks
            _write_entry(self._folder / f"_{name}-checked.pickle", self._key(text_key), True, {})


class KnownTexts:
    """Raw texts read before (:func:`gapstudy.sources.load_sources`): the number of lines of
    each text whose bytes decoded, by their SHA-256 (``_texts.pickle``, kept under this
    package's code and the library versions), given for a raw file while ``files`` (the
    run's index, :func:`file_index`) shows it unchanged since its bytes were hashed to that
    checksum, under the racy rule. Anything else is read again."""

    def __init__(self, paths: ProjectPaths, files: FileDigests) -> None:
        self._path = _folder(paths) / _TEXTS
        self._key = value_digest(_FORMAT, "texts", code_fingerprint(), library_versions())
        self._files = files
        with collector_paused():
            found, lines = _read_entry(self._path, self._key, {})
        self._lines: dict[str, int] = lines if found and isinstance(lines, dict) else {}
        self._added = False

    def lines(self, path: Path, sha256: str) -> int | None:
        """The number of lines of the text at ``path``, if its bytes are known to hash to
        ``sha256`` (by its ``stat()``, else hashed now) and a text of that hash was decoded."""
        n_lines = self._lines.get(sha256)
        if not isinstance(n_lines, int) or not isinstance(sha256, str):
            return None
        try:
            recorded = b"file\0" + bytes.fromhex(sha256)
        except ValueError:
            return None
        return n_lines if self._files.digest(path) == recorded else None

    def record(self, path: Path, sha256: str, n_lines: int) -> None:
        """The text at ``path``, of bytes hashing to ``sha256``, was decoded: ``n_lines``."""
        self._files.digest(path)
        if self._lines.get(sha256) != n_lines:
            self._lines[sha256] = n_lines
            self._added = True

    def keep(self) -> None:
        """Keep what this run learnt (if anything)."""
        if self._added:
            with contextlib.suppress(OSError):  # a read-only checkout still checks
                _write_entry(self._path, self._key, self._lines, {})
            self._added = False


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
        if not linked:
            return True, pickle.loads(payload)  # noqa: S301 - as above
        return True, _Unpickler(io.BytesIO(payload), linked).load()
    except Exception:  # noqa: BLE001 - a damaged or outdated entry is computed again
        return False, None


def _write_entry(path: Path, key: str, value: Any, linked: Mapping[str, object]) -> None:
    """Store ``value`` under ``key``, each of the ``linked`` objects as a name (with none, by
    the plain pickler: asking a Python method about every object pickled costs more than the
    pickling, measured on the summaries of 1,000 sources)."""
    if linked:
        buffer = io.BytesIO()
        _Pickler(buffer, linked).dump(value)
        payload = buffer.getvalue()
    else:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    _write_bytes(path, pickle.dumps((key, payload), protocol=pickle.HIGHEST_PROTOCOL))


def _write_bytes(path: Path, data: bytes) -> None:
    """Write ``path`` atomically: a reader sees the old bytes or the new ones."""
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


def store_path(paths: ProjectPaths, name: str) -> Path:
    """Where a result about the whole corpus named ``name`` is kept, beside the sources'
    entries (a name beginning with ``_``, which no source id does)."""
    return _folder(paths) / name


def file_index(paths: ProjectPaths) -> FileDigests:
    """The records of the files hashed by the last run (see the module docstring), to find
    which files changed since; hand it back to :func:`keep_index` when done."""
    return _read_index(_folder(paths))


def keep_index(paths: ProjectPaths, files: FileDigests) -> None:
    """Keep the records of the files this run hashed or found unchanged (``files``)."""
    _write_index(_folder(paths), files)


def source_keys(
    paths: ProjectPaths, sources: Mapping[str, Source], shared: str, files: FileDigests
) -> dict[str, str]:
    """The key of each source's entry (:func:`source_key`), by source id, without reading the
    entries: an unchanged annotation file costs a ``stat()`` and a look-up in ``files``."""
    start = _key_start(paths, shared)
    return {sid: _source_key(start, paths, s, files) for sid, s in sources.items()}


def stored_results(
    paths: ProjectPaths,
    sources: Mapping[str, Source],
    keys: Mapping[str, str],
    *,
    linked: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """The stored results of ``sources`` under ``keys`` (those found; a source whose entry is
    missing, stale or damaged is left out, for the caller to compute)."""
    folder, found = _folder(paths), {}
    with collector_paused():
        for sid, source in sources.items():
            ok, value = _read_entry(
                folder / f"{sid}.pickle", keys[sid], {**(linked or {}), "source": source}
            )
            if ok:
                found[sid] = value
    return found


def per_source(
    paths: ProjectPaths,
    sources: Mapping[str, Source],
    shared: str,
    compute: Callable[[Source], T],
    *,
    linked: Mapping[str, object] | None = None,
    files: FileDigests | None = None,
    listed: set[str] | None = None,
) -> tuple[dict[str, T], dict[str, int]]:
    """``compute(source)`` for every source, reusing the stored result of each unchanged one.

    ``shared`` is a key of the inputs every source's checks read (:func:`shared_key`);
    ``linked`` names objects the results may refer to that must not be stored (each source's
    own ``Source`` is linked always); ``files`` is the caller's index of files
    (:func:`file_index`), which the caller then keeps (:func:`keep_index`); without it the
    index is read and kept here; ``listed`` (by default the ids of ``sources``) are the
    sources whose entries are kept, the others' removed. Returns the results by source id (in
    the order of ``sources``) and how many were ``reused`` and ``computed``.
    """
    folder = _folder(paths)
    keys, stored = {}, {}
    own_index = files is None
    files = _read_index(folder) if files is None else files
    with collector_paused():
        for sid, source in sources.items():
            keys[sid] = source_key(paths, source, shared, files)
            found, value = _read_entry(
                folder / f"{sid}.pickle", keys[sid], {**(linked or {}), "source": source}
            )
            if found:
                stored[sid] = value
    if own_index:
        _write_index(folder, files)
    missing = [sid for sid in sources if sid not in stored]
    helpers = _start_helpers(missing, sources, keys, folder, compute, linked)
    results: dict[str, T] = {}
    try:
        for sid, source in sources.items():
            if sid in stored:
                results[sid] = stored[sid]
                continue
            if sid in helpers.shares:
                continue  # computed by a helper process, read back below
            results[sid] = compute(source)
            with contextlib.suppress(OSError):  # a read-only checkout still checks
                links = {**(linked or {}), "source": source}
                _write_entry(folder / f"{sid}.pickle", keys[sid], results[sid], links)
    except BaseException:
        helpers.stop()
        raise
    if helpers.shares:
        helpers.wait()
        for sid in helpers.shares:
            links = {**(linked or {}), "source": sources[sid]}
            with collector_paused():
                found, value = _read_entry(folder / f"{sid}.pickle", keys[sid], links)
            # A helper that failed (an error in a source) leaves the rest to this process,
            # which meets the same error and reports it.
            results[sid] = value if found else compute(sources[sid])
        results = {sid: results[sid] for sid in sources}
    counts = {"reused": len(stored), "computed": len(sources) - len(stored)}
    _remove_unlisted(folder, set(sources) if listed is None else listed)
    _last_counts.clear()
    _last_counts.update(counts)
    _last_keys.clear()
    _last_keys.update(keys)
    return results, counts


# The summaries of every source (see :func:`summarised`), spread over a fixed number of files
# by a hash of the source id, so that after one change only that source's file is written.
_SUMMARY_SHARDS = 64
_SUMMARIES = "_summaries-{:02d}.pickle"
_SUMMARIES_KEY = f"{_FORMAT}-{_SUMMARY_SHARDS}"
_SUMMARIES_BEFORE = "_summaries.pickle"  # the single file of earlier code, removed when met


def summary_shard(source_id: str) -> int:
    """The number of the file a source's summary is kept in (the same on every machine)."""
    digest = hashlib.blake2b(source_id.encode("utf-8"), digest_size=2).digest()
    return int.from_bytes(digest, "big") % _SUMMARY_SHARDS


def _read_summaries(folder: Path, shards: Mapping[int, list[str]]) -> dict[int, dict]:
    """The stored summaries of each shard that holds a listed source; a shard that cannot be
    read (missing, damaged, of another format) is as good as empty."""
    stored: dict[int, dict] = {}
    with collector_paused():
        for shard in shards:
            found, store = _read_entry(folder / _SUMMARIES.format(shard), _SUMMARIES_KEY, {})
            stored[shard] = store if found and isinstance(store, dict) else {}
    return stored


def _write_summaries(
    folder: Path,
    shards: Mapping[int, list[str]],
    stored: Mapping[int, dict],
    entries: Mapping[str, tuple[str, Any]],
) -> None:
    """Write each shard whose summaries are not the stored ones (a source made again, added or
    removed); remove the files of shards that hold no listed source."""
    for shard, sids in shards.items():
        store = stored[shard]
        if len(store) == len(sids) and all(store.get(sid) is entries[sid] for sid in sids):
            continue
        value = {sid: entries[sid] for sid in sids}
        with contextlib.suppress(OSError):  # a read-only checkout still checks
            _write_entry(folder / _SUMMARIES.format(shard), _SUMMARIES_KEY, value, {})
    if not folder.is_dir():
        return
    empty = [_SUMMARIES.format(n) for n in range(_SUMMARY_SHARDS) if n not in shards]
    for name in [*empty, _SUMMARIES_BEFORE]:
        with contextlib.suppress(OSError):
            (folder / name).unlink()


def summarised(
    paths: ProjectPaths,
    sources: Mapping[str, Source],
    shared: str,
    compute: Callable[[Source], T],
    summarise: Callable[[str, T], Any],
    *,
    linked: Mapping[str, object] | None = None,
    files: FileDigests,
) -> tuple[dict[str, Any], dict[str, T], dict[str, str]]:
    """The summary of every source (``summarise(source_id, result)``: what the rules across
    sources read of it), and the results of the sources whose summary had to be made.

    The summaries are kept in ``_SUMMARY_SHARDS`` files (``_summaries-NN.pickle``, the file
    chosen by a hash of the source id), each under its source's key (:func:`source_key`): an
    unchanged source costs a ``stat()`` of its annotation file and a look-up, and its entry is
    not read back. The other sources go through :func:`per_source` (their entry read back, or
    computed). Every file is read once; only the files holding a summary made again (or a
    source added or removed) are written. A file that cannot be read is as good as empty: its
    summaries are made again from the entries. Returns the summaries and keys by source id (in
    the order of ``sources``) and those results."""
    folder = _folder(paths)
    keys = source_keys(paths, sources, shared, files)
    shards: dict[int, list[str]] = {}
    for sid in sources:
        shards.setdefault(summary_shard(sid), []).append(sid)
    stored = _read_summaries(folder, shards)
    entries: dict[str, tuple[str, Any]] = {}
    for shard, sids in shards.items():
        store = stored[shard]
        for sid in sids:
            entry = store.get(sid)
            if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == keys[sid]:
                entries[sid] = entry
    rest = {sid: source for sid, source in sources.items() if sid not in entries}
    results, counts = per_source(
        paths, rest, shared, compute, linked=linked, files=files, listed=set(sources)
    )
    for sid in rest:
        entries[sid] = (keys[sid], summarise(sid, results[sid]))
    _write_summaries(folder, shards, stored, entries)
    summaries = {sid: entries[sid][1] for sid in sources}
    _last_counts.clear()
    _last_counts.update(reused=len(sources) - counts["computed"], computed=counts["computed"])
    _last_keys.clear()
    _last_keys.update(keys)
    return summaries, results, keys


# Helper processes a cold run may fork to compute sources at once (``computing_in_parallel``),
# and the fewest sources to compute for which that is worth a process.
_parallel_jobs = 1
_MIN_SOURCES_PER_HELPER = 50
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def can_fork() -> bool:
    """A child process can be forked safely: Linux (the child can be tied to its parent's
    life, :func:`tie_to_parent`) and no other thread running (a fork copies only the caller's
    thread)."""
    import sys
    import threading

    return sys.platform.startswith("linux") and threading.active_count() == 1


def tie_to_parent(parent: int) -> bool:
    """In a forked child: be killed when the process ``parent`` dies; ``False`` if it died
    already (before the tie was made)."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    return os.getppid() == parent


@contextlib.contextmanager
def computing_in_parallel(jobs: int) -> Iterator[None]:
    """Within the block, :func:`per_source` computes the sources it cannot reuse in up to
    ``jobs`` processes: forked helpers compute shares of them and store each result as an
    entry, which this process then reads back (as it reads the entries of unchanged sources).
    Only on Linux and while no other thread runs (a fork copies only the caller's thread);
    elsewhere everything is computed here."""
    global _parallel_jobs
    previous, _parallel_jobs = _parallel_jobs, max(1, jobs)
    try:
        yield
    finally:
        _parallel_jobs = previous


class _Helpers:
    """Forked helper processes and the sources each computes."""

    def __init__(self) -> None:
        self.pids: list[int] = []
        self.shares: set[str] = set()

    def stop(self) -> None:
        """End the helpers now (this process met an error or was interrupted)."""
        end_children(self.pids)
        self.pids = []

    def wait(self) -> None:
        wait_for_children(self.pids)
        self.pids = []


def end_children(pids: list[int]) -> None:
    """End forked children now and reap them (their parent met an error or was interrupted)."""
    import signal

    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    wait_for_children(pids)


def wait_for_children(pids: list[int]) -> None:
    """Wait until each forked child has exited (one already reaped is passed over)."""
    for pid in pids:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def _start_helpers(
    missing: list[str],
    sources: Mapping[str, Source],
    keys: Mapping[str, str],
    folder: Path,
    compute: Callable[[Source], Any],
    linked: Mapping[str, object] | None,
) -> _Helpers:
    """Fork helpers for all but the first share of ``missing`` (that one is this process's)."""
    import sys

    helpers = _Helpers()
    jobs = min(_parallel_jobs, len(missing) // _MIN_SOURCES_PER_HELPER)
    if jobs < 2 or not can_fork():
        return helpers
    size = -(-len(missing) // jobs)
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    for start in range(size, len(missing), size):
        share = missing[start : start + size]
        pid = os.fork()
        if pid == 0:
            _helper(share, sources, keys, folder, compute, linked, parent)
        helpers.pids.append(pid)
        helpers.shares.update(share)
    return helpers


def _helper(
    share: list[str],
    sources: Mapping[str, Source],
    keys: Mapping[str, str],
    folder: Path,
    compute: Callable[[Source], Any],
    linked: Mapping[str, object] | None,
    parent: int,
) -> None:
    """A helper's whole life: compute and store its share, then exit (never returns). It dies
    with the process that forked it; any error ends it, leaving the rest to that process."""
    code = 0
    try:
        if tie_to_parent(parent):
            for sid in share:
                links = {**(linked or {}), "source": sources[sid]}
                _write_entry(folder / f"{sid}.pickle", keys[sid], compute(sources[sid]), links)
    except BaseException:  # noqa: BLE001 - the parent computes what is not stored
        code = 1
    finally:
        os._exit(code)


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


_last_keys: dict[str, str] = {}


def last_keys() -> dict[str, str]:
    """The key of each source's entry in the last :func:`per_source` call of this process
    (everything that source's checks read; see the module docstring), by source id: what the
    tables stage keys each source's rows by."""
    return dict(_last_keys)


def _remove_unlisted(folder: Path, listed: set[str]) -> None:
    if not folder.is_dir():
        return
    for path in folder.glob("*.pickle"):
        if path.stem not in listed and not path.name.startswith("_"):
            with contextlib.suppress(OSError):
                path.unlink()
