"""Per-source results kept between runs: reused while nothing a source's checks read changes,
computed again as soon as something does."""

from __future__ import annotations

import hashlib
import os
import pickle
import random
import shutil
import threading
from collections import OrderedDict

import pytest
import yaml

from gapstudy import checkcache, yamlfile
from gapstudy import tables as tables_module
from gapstudy.check import format_coverage, inspect_corpus, reuse_notes
from gapstudy.exceptions import SourceError
from gapstudy.sources import load_sources
from gapstudy.tables import write_tables


def _run(project, shared="s", calls=None):
    sources = load_sources(project)
    calls = [] if calls is None else calls

    def compute(source):
        calls.append(source.source_id)
        return {"id": source.source_id, "n_chars": len(source.text), "source": source}

    results, counts = checkcache.per_source(project, sources, shared, compute)
    return sources, results, counts, calls


def test_a_second_run_reuses_every_source_and_links_the_current_source(project):
    sources, first, counts, calls = _run(project)
    assert counts == {"reused": 0, "computed": len(sources)}
    assert calls == list(sources)
    again, second, counts, calls = _run(project)
    assert counts == {"reused": len(sources), "computed": 0}
    assert calls == []
    for sid, result in second.items():
        assert result["id"] == sid
        assert result["n_chars"] == first[sid]["n_chars"]
        assert result["source"] is again[sid]  # linked back, not a stored copy


def test_a_changed_annotation_file_recomputes_that_source_only(project):
    sources, *_ = _run(project)
    changed = next(iter(sources))
    path = project.annotation_file(changed)
    path.write_text(path.read_text(encoding="utf-8") + "# an edit\n", encoding="utf-8")
    _, _, counts, calls = _run(project)
    assert calls == [changed]
    assert counts == {"reused": len(sources) - 1, "computed": 1}


def test_a_changed_raw_text_or_sources_entry_recomputes_that_source(project):
    sources, *_ = _run(project)
    sid = list(sources)[-1]
    raw = project.raw_file(sources[sid].meta["file"])
    text = raw.read_bytes()  # one line more, whether or not the text ends with a newline
    raw.write_bytes(text + (b"" if text.endswith(b"\n") else b"\n") + b"One more line.")
    doc = project.sources_file.read_text(encoding="utf-8")
    old_sha = sources[sid].meta["sha256"]
    new_sha = hashlib.sha256(raw.read_bytes()).hexdigest()
    last = sources[sid].n_lines
    doc = doc.replace(old_sha, new_sha)
    project.sources_file.write_text(doc, encoding="utf-8")
    # The segments must cover the new line for the sources to load: extend the last one.
    data = yaml.safe_load(doc)
    entry = next(s for s in data["sources"] if s["source_id"] == sid)
    first, end = entry["segments"][-1]["lines"]
    assert end == last
    lines = doc.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if f"source_id: {sid}" in line)
    for i in range(start, len(lines)):
        if f"lines: [{first}, {end}]" in lines[i]:
            lines[i] = lines[i].replace(f"[{first}, {end}]", f"[{first}, {end + 1}]")
            break
    project.sources_file.write_text("".join(lines), encoding="utf-8")
    _, results, _, calls = _run(project)
    assert calls == [sid]
    assert results[sid]["n_chars"] == len(raw.read_text(encoding="utf-8"))


def test_a_changed_shared_input_recomputes_every_source(project):
    sources, *_ = _run(project, shared="facts v1")
    _, _, counts, calls = _run(project, shared="facts v2")
    assert calls == list(sources)
    assert counts["reused"] == 0


def test_a_damaged_entry_is_computed_again_and_unlisted_entries_go(project):
    sources, *_ = _run(project)
    folder = project.scratch / "check"
    damaged = folder / f"{next(iter(sources))}.pickle"
    damaged.write_bytes(b"not a pickle")
    (folder / "gone-source.pickle").write_bytes(b"old")
    _, _, counts, calls = _run(project)
    assert calls == [next(iter(sources))]
    assert counts["computed"] == 1
    assert not (folder / "gone-source.pickle").exists()


def _index_writes(monkeypatch):
    """The paths of the index each later run writes (the index is written only on a change)."""
    written = []
    real = checkcache._write_bytes

    def spy(path, data):
        if path.name == checkcache._INDEX:
            written.append(path)
        real(path, data)

    monkeypatch.setattr(checkcache, "_write_bytes", spy)
    return written


def _long_ago(path, seconds=3600):
    """Give ``path`` a modification time ``seconds`` ago (older than the racy margin)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def test_an_unchanged_annotation_file_is_not_read_again(project, monkeypatch):
    sources, *_ = _run(project)
    for sid in sources:
        _long_ago(project.annotation_file(sid))
    _run(project)  # the times changed: every file is hashed again and the index written
    written = _index_writes(monkeypatch)
    read = []
    real_read_bytes = checkcache.Path.read_bytes
    monkeypatch.setattr(
        checkcache.Path, "read_bytes", lambda self: read.append(self) or real_read_bytes(self)
    )
    _, _, counts, calls = _run(project)
    assert counts == {"reused": len(sources), "computed": 0} and calls == []
    annotation_files = {project.annotation_file(sid) for sid in sources}
    assert all(path.exists() for path in annotation_files)
    assert not annotation_files & set(read)  # none read to find it unchanged
    assert written == []  # nothing hashed again: the index stays as it was
    project.annotation_file(next(iter(sources))).write_text("# replaced\n", encoding="utf-8")
    _run(project)
    assert project.annotation_file(next(iter(sources))) in read  # a changed one is read
    assert written != []


def _coarse_stat(stat):
    """Size and whole seconds only, as a coarse file system shows them."""
    return (stat.st_size, stat.st_mtime_ns // 10**9 * 10**9)


def test_an_edit_within_the_tick_of_its_record_is_not_missed(project, monkeypatch):
    """On a file system whose clock ticks in whole seconds, a file rewritten (same size) in the
    second it was hashed keeps its recorded ``stat()``: the racy rule hashes it again. Without
    the rule (a margin below any time) the edit is missed: the test can fail."""

    monkeypatch.setattr(checkcache, "_stat_record", _coarse_stat)
    outcomes = {}
    for margin in (checkcache.RACY_NS, -(10**18)):
        monkeypatch.setattr(checkcache, "RACY_NS", margin)
        sources, *_ = _run(project)
        sid = next(iter(sources))
        path = project.annotation_file(sid)
        text = path.read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")  # written just now...
        _run(project)  # ...and hashed just after
        before = path.stat()
        edited = text.replace("# ", "#!", 1) if "# " in text else text[:-1] + "#"
        assert len(edited) == len(text) and edited != text
        path.write_text(edited, encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same tick
        _, _, _, calls = _run(project)
        outcomes[margin > 0] = calls
        path.write_text(text, encoding="utf-8")
    assert outcomes[True] == [sid]  # noticed
    assert outcomes[False] == []  # what trusting the record alone would do


def _load_knowing_texts(project):
    """``load_sources`` as the check reads the sources: with the index of files and what the
    last run learnt of the raw texts, both kept after."""
    files = checkcache.file_index(project)
    known = checkcache.KnownTexts(project, files)
    try:
        return load_sources(project, known_texts=known)
    finally:
        known.keep()
        checkcache.keep_index(project, files)


def _raw_reads(monkeypatch, project):
    """The raw files read from now on (``Path.read_bytes`` of a file in data/raw)."""
    read = []
    real = checkcache.Path.read_bytes

    def spy(path):
        if path.parent == project.raw:
            read.append(path)
        return real(path)

    monkeypatch.setattr(checkcache.Path, "read_bytes", spy)
    return read


def test_an_unchanged_raw_text_is_not_read_again_until_its_text_is_asked_for(project, monkeypatch):
    first = _load_knowing_texts(project)
    for source in first.values():
        _long_ago(source.path)
    _load_knowing_texts(project)  # the times changed: every raw text is hashed again
    read = _raw_reads(monkeypatch, project)
    again = _load_knowing_texts(project)
    assert read == []  # segments checked against the recorded number of lines
    assert again == first
    sid = next(iter(again))
    assert again[sid].text == first[sid].text  # read now, checked, decoded
    assert read == [again[sid].path]
    assert [s.n_lines for s in again.values()] == [s.n_lines for s in first.values()]


def test_a_raw_text_changed_after_it_was_found_unchanged_is_refused_when_read(project):
    sources = _load_knowing_texts(project)
    for source in sources.values():
        _long_ago(source.path)
    _load_knowing_texts(project)
    source = next(iter(_load_knowing_texts(project).values()))
    source.path.write_bytes(source.path.read_bytes() + b"more\n")
    with pytest.raises(SourceError) as caught:
        source.text  # noqa: B018 - read on first use
    assert caught.value.problems[0].path == source.path
    assert "checksum mismatch" in caught.value.problems[0].message


def test_a_raw_text_rewritten_within_the_tick_of_its_record_is_read_again(project, monkeypatch):
    """A raw text changed in place (same size) in the second it was hashed, its times put
    back, keeps its recorded ``stat()`` on a coarse file system: the racy rule reads it again
    and its checksum refuses it. Without the rule the change is missed: the test can fail."""

    monkeypatch.setattr(checkcache, "_stat_record", _coarse_stat)
    outcomes = {}
    for margin in (checkcache.RACY_NS, -(10**18)):
        monkeypatch.setattr(checkcache, "RACY_NS", margin)
        shutil.rmtree(project.scratch / "check", ignore_errors=True)  # nothing recorded yet
        source = next(iter(_load_knowing_texts(project).values()))
        data = source.path.read_bytes()
        source.path.write_bytes(data)  # written just now...
        _load_knowing_texts(project)  # ...and hashed just after
        before = source.path.stat()
        edited = data.replace(b"e", b"E", 1)
        assert len(edited) == len(data) and edited != data
        source.path.write_bytes(edited)
        os.utime(source.path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same tick
        try:
            _load_knowing_texts(project)
            outcomes[margin > 0] = "loaded"
        except SourceError as err:
            outcomes[margin > 0] = err.problems[0].message.split(":")[0]
        source.path.write_bytes(data)
    assert outcomes[True] == "checksum mismatch"  # noticed
    assert outcomes[False] == "loaded"  # what trusting the record alone would do


@pytest.mark.parametrize("damage", [b"not a pickle", b"", "other code"])
def test_what_was_learnt_of_raw_texts_is_not_trusted_damaged_or_from_other_code(
    project, monkeypatch, damage
):
    """A record of the texts' lines that cannot be read, or kept by other code, is as good as
    none: every raw text is read again (and its segments checked against it)."""
    first = _load_knowing_texts(project)
    for source in first.values():
        _long_ago(source.path)
    _load_knowing_texts(project)
    record = project.scratch / "check" / checkcache._TEXTS
    if damage == "other code":
        key, payload = pickle.loads(record.read_bytes())
        lines = {sha: n + 1 for sha, n in pickle.loads(payload).items()}  # all wrong
        record.write_bytes(pickle.dumps(("another key", pickle.dumps(lines))))
    else:
        record.write_bytes(damage)
    read = _raw_reads(monkeypatch, project)
    assert _load_knowing_texts(project) == first
    assert sorted(read) == sorted(source.path for source in first.values())


@pytest.mark.parametrize(
    "damage",
    [
        b"not a pickle",
        b"",
        pickle.dumps({"format": -1, "files": {}}),
        pickle.dumps([1, 2]),
        "records of another shape",
    ],
)
def test_a_damaged_index_is_rebuilt_not_trusted(project, damage):
    sources, first, *_ = _run(project)
    index = project.scratch / "check" / checkcache._INDEX
    if damage == "records of another shape":
        names = [str(project.annotation_file(sid)) for sid in sources]
        damage = pickle.dumps(
            {"format": checkcache._INDEX_FORMAT, "files": dict.fromkeys(names, (1, 2))}
        )
    index.write_bytes(damage)
    path = project.annotation_file(next(iter(sources)))
    path.write_text(path.read_text(encoding="utf-8") + "# an edit\n", encoding="utf-8")
    _, _, counts, calls = _run(project)
    assert calls == [next(iter(sources))]  # the edit is found, the others reused
    doc = pickle.loads(index.read_bytes())
    assert doc["format"] == checkcache._INDEX_FORMAT
    assert set(doc["files"]) == {str(project.annotation_file(sid)) for sid in sources}


def test_new_library_versions_give_new_keys(project, monkeypatch):
    sources, *_ = _run(project)
    versions = checkcache.library_versions()
    assert any(v.startswith(yaml.__version__) for v in versions)
    monkeypatch.setattr(checkcache, "library_versions", lambda: (*versions, "pint 99"))
    _, _, counts, calls = _run(project)
    assert calls == list(sources) and counts["reused"] == 0


def test_a_sources_file_checked_before_is_not_checked_again_and_a_broken_one_is_refused(
    project, monkeypatch
):
    from gapstudy import sources as sources_module
    from gapstudy.exceptions import SourceError

    checked = []
    real = sources_module.check_document
    monkeypatch.setattr(
        sources_module, "check_document", lambda doc, *a: checked.append(a) or real(doc, *a)
    )
    inspect_corpus(project)
    assert len(checked) == 1
    inspect_corpus(project)
    assert len(checked) == 1  # the same document passed before: not checked again
    text = project.sources_file.read_text(encoding="utf-8")
    project.sources_file.write_text(text.replace("\n    title: ", "\n    titel: ", 1), "utf-8")
    with pytest.raises(SourceError) as warm:
        inspect_corpus(project)
    shutil.rmtree(project.scratch)
    with pytest.raises(SourceError) as cold:
        inspect_corpus(project)
    assert str(warm.value) == str(cold.value) and "titel" in str(warm.value)
    assert len(checked) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda record: record.write_bytes(b"not a pickle"),
        lambda record: record.write_bytes(pickle.dumps(("another key", pickle.dumps(True)))),
    ],
    ids=["damaged", "of another text"],
)
def test_a_cross_source_file_checked_before_is_known_by_its_text_and_an_edit_is_checked(
    project, monkeypatch, damage
):
    """The files across sources are checked against their schema once per text: the same
    text is not checked again, a damaged record means checking again, and an edit (an
    unknown key in facts.yaml) is refused as a cold run refuses it."""
    from gapstudy import check as check_module
    from gapstudy.exceptions import AnnotationError

    checked = []
    real = check_module.check_document
    monkeypatch.setattr(
        check_module,
        "check_document",
        lambda doc, kind, path: checked.append(path.name) or real(doc, kind, path),
    )
    inspect_corpus(project)
    assert "facts.yaml" in checked
    checked.clear()
    inspect_corpus(project)
    assert checked == []  # the same texts passed before: not checked again
    damage(project.scratch / "check" / "_facts.yaml-checked.pickle")
    inspect_corpus(project)
    assert checked == ["facts.yaml"]  # the record not trusted: checked, and passed again
    facts = project.annotations / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("    unit: usd\n", "    unit: usd\n    unitt: usd\n", 1), "utf-8")
    with pytest.raises(AnnotationError) as warm:
        inspect_corpus(project)
    shutil.rmtree(project.scratch)
    with pytest.raises(AnnotationError) as cold:
        inspect_corpus(project)
    assert str(warm.value) == str(cold.value) and "unitt" in str(warm.value)


def _as_if_single_threaded(monkeypatch):
    """Helpers start only while no other thread runs; a test process may keep an idle one
    (tqdm's monitor, once a build in it has shown progress), so the tests see it as alone."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def test_sources_computed_by_helper_processes_come_back_whole_and_in_order(project, monkeypatch):
    """With helpers allowed, shares of the sources are computed in other processes and read
    back from their entries: the same results, in the order of the sources, each linked to
    its current source; a second run reuses them all."""
    monkeypatch.setattr(checkcache, "_MIN_SOURCES_PER_HELPER", 1)
    _as_if_single_threaded(monkeypatch)
    sources = load_sources(project)

    def compute(source):
        return {"id": source.source_id, "n_chars": len(source.text), "pid": os.getpid()}

    with checkcache.computing_in_parallel(3):
        results, counts = checkcache.per_source(project, sources, "s", compute)
    assert counts == {"reused": 0, "computed": len(sources)}
    assert list(results) == list(sources)
    assert len({r["pid"] for r in results.values()}) == 3  # this process and two helpers
    for sid, result in results.items():
        assert (result["id"], result["n_chars"]) == (sid, len(sources[sid].text))
    again, counts = checkcache.per_source(project, sources, "s", compute)
    assert counts == {"reused": len(sources), "computed": 0}
    assert again == results


def test_an_error_in_a_helpers_share_is_raised_by_the_caller(project, monkeypatch):
    """A source whose check fails in a helper is computed again by the caller, which raises
    the error itself (a helper never hides or replaces one)."""
    monkeypatch.setattr(checkcache, "_MIN_SOURCES_PER_HELPER", 1)
    _as_if_single_threaded(monkeypatch)
    sources = load_sources(project)
    failing = list(sources)[-1]  # in the last helper's share

    def compute(source):
        if source.source_id == failing:
            raise ValueError(f"{source.source_id}: broken")
        return source.source_id

    with checkcache.computing_in_parallel(2), pytest.raises(ValueError, match=f"{failing}: broken"):
        checkcache.per_source(project, sources, "s", compute)


def test_tables_computed_with_helpers_are_the_tables_computed_alone(project, monkeypatch):
    write_tables(project)
    alone = _tables_bytes(project)
    shutil.rmtree(project.scratch / "check")
    monkeypatch.setattr(checkcache, "_MIN_SOURCES_PER_HELPER", 1)
    _as_if_single_threaded(monkeypatch)
    with checkcache.computing_in_parallel(2):
        write_tables(project)
    assert checkcache.last_counts()["reused"] == 0
    assert _tables_bytes(project) == alone


def test_shared_keys_differ_when_any_part_differs():
    base = checkcache.shared_key(b"entities", {"a", "b"})
    assert base == checkcache.shared_key(b"entities", {"b", "a"})
    assert base != checkcache.shared_key(b"entities!", {"a", "b"})
    assert base != checkcache.shared_key(b"entities", {"a"})


# --- Through the checks and the tables -----------------------------------------------------


def _tables_bytes(project):
    return {p.name: p.read_bytes() for p in sorted(project.processed.iterdir())}


def test_check_and_tables_give_the_same_from_stored_results_as_computed_afresh(project):
    cold = inspect_corpus(project)
    n = len(cold.sources)
    assert checkcache.last_counts() == {"reused": 0, "computed": n}
    write_tables(project)
    fresh_tables = _tables_bytes(project)
    warm = inspect_corpus(project)
    assert checkcache.last_counts() == {"reused": n, "computed": 0}
    assert warm.problems == cold.problems
    assert format_coverage(warm) == format_coverage(cold)
    assert warm.parsed == cold.parsed
    assert warm.mentions == cold.mentions
    write_tables(project)
    assert checkcache.last_counts()["reused"] == n
    assert _tables_bytes(project) == fresh_tables


def test_an_edit_that_breaks_one_source_is_found_with_every_other_source_reused(project):
    before = inspect_corpus(project)
    assert before.problems == []
    sid = next(iter(before.sources))
    path = project.annotation_file(sid)
    text = path.read_text(encoding="utf-8")
    quote = before.annotations[sid].claims[0].spec["quote"]
    path.write_text(text.replace(quote, quote + " (not in the text)", 1), encoding="utf-8")
    broken = inspect_corpus(project)
    assert checkcache.last_counts() == {"reused": len(before.sources) - 1, "computed": 1}
    assert any(p.path == path and "not found verbatim" in p.message for p in broken.problems)
    path.write_text(text, encoding="utf-8")
    assert inspect_corpus(project).problems == []


# --- After any single edit, what is reused gives what a cold run gives ----------------------


def _append_comment(project, sid, rng):
    path = project.annotation_file(sid)
    path.write_text(path.read_text(encoding="utf-8") + f"# edit {rng.random()}\n", "utf-8")


def _set_first_voice_name(project, sid, name: str) -> None:
    path = project.annotation_file(sid)
    text = path.read_text(encoding="utf-8")
    start = text.index("\n    name: ") + len("\n    name: ")
    end = text.index("\n", start)
    path.write_text(f"{text[:start]}{name}{text[end:]}", "utf-8")


def _rename_first_voice(project, sid, rng):
    _set_first_voice_name(project, sid, f"Renamed {rng.randrange(1000)}")


def _break_raw_text(project, sid, rng):
    raw = project.raw_file(load_sources(project)[sid].meta["file"])
    raw.write_bytes(raw.read_bytes() + f"\nAn edit {rng.random()}.".encode())


def _retitle(project, sid, rng):
    text = project.sources_file.read_text(encoding="utf-8")
    start = text.index(f"source_id: {sid}\n")
    at = text.index("\n    title: ", start) + len("\n    title: ")
    end = text.index("\n", at)
    project.sources_file.write_text(
        f'{text[:at]}"Retitled {rng.randrange(1000)}"{text[end:]}', "utf-8"
    )


def _rename_entity(project, sid, rng):
    path = project.entities_file
    text = path.read_text(encoding="utf-8")
    assert "  - name: China\n" in text
    name = f"China {rng.randrange(1000)}"
    path.write_text(text.replace("  - name: China\n", f"  - name: {name}\n", 1), "utf-8")


def _damage_entry(project, sid, rng):
    (project.scratch / "check" / f"{sid}.pickle").write_bytes(rng.randbytes(40))


def _rename_shared_voice(project, sid, rng):
    path = project.annotations / "voices.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    name: Tencent\n" in text
    path.write_text(text.replace("    name: Tencent\n", f"    name: Tencent {rng.randrange(99)}\n"))


def _redescribe_measure(project, sid, rng):
    path = project.annotations / "derived.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("\n    description: ") + len("\n    description: ")
    path.write_text(f"{text[:at]}Redescribed {rng.randrange(1000)}: {text[at:]}", "utf-8")


def _damage_table_entries(project, sid, rng):
    entries = sorted((project.scratch / "tables").rglob("*.pickle"))
    # A block for every source; an entry and its file's for every table made across sources.
    assert len(entries) >= len(load_sources(project)) + 12
    for path in rng.sample(entries, len(entries) // 2):
        path.write_bytes(rng.randbytes(40))


def _drop_table_entries(project, sid, rng):
    shutil.rmtree(project.scratch / "tables")


def _edit_table_file(project, sid, rng):
    """A table file changed by hand (same size): written again, not taken as it is."""
    path = rng.choice(sorted(project.processed.glob("*.csv")))
    data = path.read_bytes()
    at = rng.randrange(len(data) // 2, len(data) - 1)
    path.write_bytes(data[:at] + (b"#" if data[at : at + 1] != b"#" else b"%") + data[at + 1 :])


def _retitle_and_damage_csv_entry(project, sid, rng):
    """The record of a file's bytes no longer matching what the table gives."""
    _retitle(project, sid, rng)
    (project.scratch / "tables" / "robustness.csv.pickle").write_bytes(rng.randbytes(40))


def _rename_metric(project, sid, rng):
    """A figure's metric, as an annotator corrects it: the figures table and every table made
    from it change, the weighing does not."""
    paths = [p for p in _annotation_files(project) if "\n        metric: " in p.read_text()]
    path = rng.choice(paths)
    text = path.read_text(encoding="utf-8")
    at = text.index("\n        metric: ") + len("\n        metric: ")
    path.write_text(f"{text[:at]}edited {rng.randrange(1000)} {text[at:]}", "utf-8")


def _annotation_files(project):
    listed = set(load_sources(project))
    return [p for p in sorted(project.annotations.glob("*.yaml")) if p.stem in listed]


def _damage_block(project, sid, rng):
    (project.scratch / "tables" / "blocks" / f"{sid}.pickle").write_bytes(rng.randbytes(60))


def _damage_rows_and_rename_metric(project, sid, rng):
    """A source's kept rows damaged (its block intact) and a figure edited, so that the
    tables made from figures are made again and need every source's rows."""
    (project.scratch / "tables" / "rows" / f"{sid}.pickle").write_bytes(rng.randbytes(60))
    _rename_metric(project, sid, rng)


def _swap_blocks(project, sid, rng):
    """Another source's block put in place of this one's (its key differs)."""
    blocks = project.scratch / "tables" / "blocks"
    other = rng.choice([p for p in sorted(blocks.glob("*.pickle")) if p.stem != sid])
    shutil.copyfile(other, blocks / f"{sid}.pickle")


def _damage_index(project, sid, rng):
    (project.scratch / "check" / checkcache._INDEX).write_bytes(rng.randbytes(40))
    _append_comment(project, sid, rng)


def _same_size_edit_at_once(project, sid, rng):
    """A voice renamed (same length) with the file's times put back: only the change time and
    the racy rule tell it changed."""
    path = project.annotation_file(sid)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    start = text.index("\n    name: ") + len("\n    name: ")
    letter = "X" if text[start] != "X" else "Y"
    path.write_text(f"{text[:start]}{letter}{text[start + 1 :]}", "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _same_size_raw_edit_at_once(project, sid, rng):
    """A raw text changed in place (same size) with the file's times put back: only the
    change time and the racy rule tell it changed, and its checksum refuses it."""
    raw = project.raw_file(load_sources(project)[sid].meta["file"])
    before = raw.stat()
    data = raw.read_bytes()
    at = rng.randrange(len(data))
    raw.write_bytes(data[:at] + (b"#" if data[at : at + 1] != b"#" else b"%") + data[at + 1 :])
    os.utime(raw, ns=(before.st_atime_ns, before.st_mtime_ns))


def _rename_voice_as_shared(project, sid, rng):
    """A voice of one file named as a voice of voices.yaml: a note kept in its summary."""
    _set_first_voice_name(project, sid, "Tencent")


def _damage_texts_record(project, sid, rng):
    (project.scratch / "check" / checkcache._TEXTS).write_bytes(rng.randbytes(60))
    _append_comment(project, sid, rng)


def _rekey_disputed_claim(project, sid, rng):
    """A claim a disagreement names (in another file) given another key: a rule across
    sources, not of the edited file alone, now fails."""
    sides = yaml.safe_load((project.annotations / "disagreements.yaml").read_text("utf-8"))
    report = rng.choice([s["report"] for d in sides["disagreements"] for s in d["sides"]])
    owner, key = report.split("/")[:2]
    path = project.annotation_file(owner)
    text = path.read_text(encoding="utf-8")
    assert f"key: {key}\n" in text
    path.write_text(text.replace(f"key: {key}\n", f"key: {key}-renamed\n", 1), "utf-8")


def _unlink_fact(project, sid, rng):
    """A figure's link to a fact removed: the fact may now have one report only."""
    paths = [p for p in _annotation_files(project) if "\n        fact: " in p.read_text()]
    path = rng.choice(paths)
    text = path.read_text(encoding="utf-8")
    at = text.index("\n        fact: ")
    end = text.index("\n", at + 1)
    path.write_text(text[:at] + text[end:], "utf-8")


def _respell_shared_voice_in_one_file(project, sid, rng):
    """A voice key used in several files spelled otherwise in one of them."""
    written = "\n    name: Justin Lin\n"
    paths = [p for p in _annotation_files(project) if written in p.read_text()]
    assert len(paths) > 1
    path = rng.choice(paths)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(written, "\n    name: Justin Lin Junyang\n"), "utf-8")


def _remove_source(project, sid, rng):
    """A source taken out of sources.yaml with its raw text and annotation file."""
    doc = yaml.safe_load(project.sources_file.read_text(encoding="utf-8"))
    entry = next(e for e in doc["sources"] if e["source_id"] == sid)
    text = project.sources_file.read_text(encoding="utf-8")
    start = text.index(f"  - source_id: {sid}\n")
    end = text.find("\n  - source_id: ", start + 1)
    project.sources_file.write_text(
        text[:start] + (text[end + 1 :] if end != -1 else ""), encoding="utf-8"
    )
    project.raw_file(entry["file"]).unlink()
    project.annotation_file(sid).unlink()


def _damage_summaries(project, sid, rng):
    shards = sorted((project.scratch / "check").glob("_summaries-*.pickle"))
    assert shards
    for path in shards:
        path.write_bytes(rng.randbytes(80))
    _append_comment(project, sid, rng)


def _damage_other_summary_shard(project, sid, rng):
    """The summaries of other sources than the edited one damaged (their file alone)."""
    others = {checkcache.summary_shard(s) for s in load_sources(project)}
    others.discard(checkcache.summary_shard(sid))
    if others:
        shard = rng.choice(sorted(others))
        path = project.scratch / "check" / checkcache._SUMMARIES.format(shard)
        path.write_bytes(path.read_bytes()[:-7])
    _append_comment(project, sid, rng)


def _damage_kept_results(project, sid, rng):
    """The gate's result and the problems kept per measure and disagreement damaged."""
    for name in ("_gate.pickle", "_measures.pickle", "_disagreements.pickle"):
        (project.scratch / "check" / name).write_bytes(rng.randbytes(50))
    _rename_first_voice(project, sid, rng)


EDITS = {
    "annotation comment": _append_comment,
    "annotation voice name": _rename_first_voice,
    "raw text": _break_raw_text,
    "sources.yaml title": _retitle,
    "shared entities file": _rename_entity,
    "damaged stored entry": _damage_entry,
    "shared voices file": _rename_shared_voice,
    "derived measures file": _redescribe_measure,
    "damaged table entries": _damage_table_entries,
    "deleted table entries": _drop_table_entries,
    "table file edited by hand": _edit_table_file,
    "title and damaged file record": _retitle_and_damage_csv_entry,
    "damaged check index": _damage_index,
    "same-size annotation edit, times put back": _same_size_edit_at_once,
    "figure metric": _rename_metric,
    "damaged row block": _damage_block,
    "row block of another source": _swap_blocks,
    "damaged rows and figure metric": _damage_rows_and_rename_metric,
    "claim named by a disagreement rekeyed": _rekey_disputed_claim,
    "figure unlinked from its fact": _unlink_fact,
    "shared voice key spelled otherwise in one file": _respell_shared_voice_in_one_file,
    "source removed": _remove_source,
    "damaged summaries": _damage_summaries,
    "damaged summaries of other sources": _damage_other_summary_shard,
    "damaged gate and kept results": _damage_kept_results,
    "same-size raw text edit, times put back": _same_size_raw_edit_at_once,
    "damaged record of raw texts": _damage_texts_record,
    "voice renamed as a shared voice": _rename_voice_as_shared,
}


def _outcome(project):
    """What ``check`` finds and what ``tables`` writes (or the error that stops it)."""
    from gapstudy.exceptions import InputError

    try:
        corpus = inspect_corpus(project)
    except InputError as err:
        return str(err), None
    problems = [str(p) for p in corpus.problems]
    problems += [f"note: {note}" for note in reuse_notes(corpus, project)]
    try:
        write_tables(project)
    except InputError as err:
        return problems, str(err)
    return problems, _tables_bytes(project)


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("edit", list(EDITS))
def test_after_any_single_edit_the_stored_results_give_what_a_cold_run_gives(
    project, edit, seed, monkeypatch
):
    """Check and tables run warm, one edit (to a source chosen at random), run again reusing
    what is stored: the problems and every table byte equal those of a run with nothing
    stored (scratch folder and in-process YAML values dropped)."""
    rng = random.Random(f"{edit}-{seed}")
    before = _outcome(project)
    sid = rng.choice(list(load_sources(project)))
    EDITS[edit](project, sid, rng)
    warm = _outcome(project)
    shutil.rmtree(project.scratch)
    # Nothing parsed in this process either (put back as it was after the test).
    monkeypatch.setattr(yamlfile, "_cache", OrderedDict())
    monkeypatch.setattr(yamlfile, "_cache_stats", {**yamlfile._cache_stats, "chars": 0})
    cold = _outcome(project)
    assert warm == cold
    changes_output = (
        "annotation voice name",
        "raw text",
        "sources.yaml title",
        "shared voices file",
        "derived measures file",
        "title and damaged file record",
        "same-size annotation edit, times put back",
        "figure metric",
        "damaged rows and figure metric",
        "claim named by a disagreement rekeyed",
        "figure unlinked from its fact",
        "shared voice key spelled otherwise in one file",
        "source removed",
        "damaged gate and kept results",
        "same-size raw text edit, times put back",
        "voice renamed as a shared voice",
    )
    if edit in changes_output:
        assert warm != before  # the edit shows: an entry made before it was not used
    else:
        assert warm[1] == before[1] or edit == "shared entities file"


def test_a_table_is_made_again_when_what_it_is_made_from_changes(project, monkeypatch):
    """Nothing is made again while nothing changed; an edit remakes the tables that read
    it; a change to the package (its code fingerprint) or to pandas uses none of the stored
    tables."""
    write_tables(project)
    written = _tables_bytes(project)
    made = []
    real_validated = tables_module._validated
    monkeypatch.setattr(
        tables_module,
        "_validated",
        lambda table, *a: made.append(table.name) or real_validated(table, *a),
    )
    write_tables(project)
    assert made == []  # nothing made again while nothing changed
    # A voice's role is in the voices table only, and the weighing does not read it: that
    # table is validated again (the rows of one source), no table made across sources is.
    path = next(
        p for p in sorted(project.annotations.glob("*.yaml")) if "\n    role: " in p.read_text()
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n    role: ", "\n    role: edited, ", 1), encoding="utf-8")
    write_tables(project)
    assert made == list(tables_module._BUILDERS)  # one source's rows, each table's
    assert _tables_bytes(project)["robustness.csv"] == written["robustness.csv"]
    assert _tables_bytes(project)["voices.csv"] != written["voices.csv"]
    path.write_text(text, encoding="utf-8")
    made.clear()
    monkeypatch.setattr(checkcache, "code_fingerprint", lambda: "another version of the code")
    write_tables(project)
    assert made == list(tables_module.schema.TABLES)
    assert _tables_bytes(project) == written
    made.clear()
    versions = checkcache.library_versions()
    assert tables_module.pd.__version__ in versions  # one list of versions for both keys
    monkeypatch.setattr(checkcache, "library_versions", lambda: (*versions, "pandas 99"))
    write_tables(project)
    assert made == list(tables_module.schema.TABLES)


# --- One gate result for check and tables; summaries instead of stored checks ---------------


def test_tables_after_check_takes_the_gates_result_and_reads_no_unchanged_source(
    project, monkeypatch
):
    from gapstudy import check

    inspect_corpus(project)
    write_tables(project)
    written = _tables_bytes(project)
    sid = next(iter(load_sources(project)))
    _append_comment(project, sid, random.Random(0))
    inspect_corpus(project)
    read = []
    real = checkcache.stored_results

    def counted(paths, sources, keys, **kwargs):
        read.extend(sources)
        return real(paths, sources, keys, **kwargs)

    def no_rules(*args, **kwargs):
        raise AssertionError("the gate's rules ran again")

    monkeypatch.setattr(check, "_gate_problems", no_rules)
    monkeypatch.setattr(checkcache, "stored_results", counted)
    write_tables(project)
    assert read == [sid]  # its rows are made again; no other source's checks are read
    assert _tables_bytes(project) == written


def test_tables_alone_after_an_edit_refuses_what_check_refuses(project):
    from gapstudy.exceptions import AnnotationError

    inspect_corpus(project)
    write_tables(project)
    _rekey_disputed_claim(project, None, random.Random(3))
    with pytest.raises(AnnotationError) as by_tables:
        write_tables(project)
    found = inspect_corpus(project).problems
    assert found and by_tables.value.problems == found
    assert any("neither a claim nor a figure" in p.message for p in found)


def _named_with(project, sid):
    """The sources named with ``sid`` by a disagreement or a measure, and every source an
    out-of-date record names."""
    files = {
        name: yaml.safe_load((project.annotations / f"{name}.yaml").read_text("utf-8"))
        for name in ("disagreements", "derived", "out_of_date")
    }
    groups = [[s["report"] for s in d["sides"]] for d in files["disagreements"]["disagreements"]]
    groups += [[m["numerator"], m["denominator"]] for m in files["derived"]["measures"]]
    named = {sid}
    for ids in groups:
        owners = {str(i).split("/")[0] for i in ids}
        named |= owners if sid in owners else set()
    for record in files["out_of_date"]["out_of_date"]:
        named |= {str(record[k]).split("/")[0] for k in ("claim", "evidence") if record.get(k)}
    return named


def test_a_check_after_one_edit_reads_the_stored_checks_of_no_other_source(project, monkeypatch):
    cold = inspect_corpus(project)
    sid = next(iter(cold.sources))
    _append_comment(project, sid, random.Random(1))
    read = []
    real = checkcache._read_entry

    def counted(path, key, linked):
        read.append(path.name)
        return real(path, key, linked)

    monkeypatch.setattr(checkcache, "_read_entry", counted)
    warm = inspect_corpus(project)
    # Read back: the edited source, and the sources a rule names beside it (the other sides of
    # its disagreements, the few out-of-date records); no other.
    named = _named_with(project, sid)
    read_sources = {name[: -len(".pickle")] for name in read if not name.startswith("_")}
    assert sid in read_sources
    assert read_sources <= named
    assert len(named) < len(cold.sources)
    assert warm.problems == cold.problems == []
    assert format_coverage(warm) == format_coverage(cold)
    assert dict(warm.annotations).keys() == dict(cold.annotations).keys()


def test_after_one_edit_only_the_edited_sources_summary_file_is_written(project, monkeypatch):
    cold = inspect_corpus(project)
    folder = project.scratch / "check"
    shards = {checkcache.summary_shard(sid) for sid in cold.sources}
    assert sorted(p.name for p in folder.glob("_summaries*")) == sorted(
        checkcache._SUMMARIES.format(n) for n in shards
    )
    sid = next(iter(cold.sources))
    _append_comment(project, sid, random.Random(4))
    written = []
    real = checkcache._write_entry

    def counted(path, key, value, linked):
        written.append(path.name)
        return real(path, key, value, linked)

    monkeypatch.setattr(checkcache, "_write_entry", counted)
    warm = inspect_corpus(project)
    assert [n for n in written if n.startswith("_summaries")] == [
        checkcache._SUMMARIES.format(checkcache.summary_shard(sid))
    ]
    assert warm.problems == cold.problems
    written.clear()
    inspect_corpus(project)
    assert not [n for n in written if n.startswith("_summaries")]  # nothing changed


def test_coverage_lists_every_source_only_when_asked_once_there_are_many(project, monkeypatch):
    from gapstudy import check

    corpus = inspect_corpus(project)
    every = format_coverage(corpus)
    assert all(sid in every for sid in corpus.sources)
    monkeypatch.setattr(check, "COVERAGE_LISTED", 2)
    short = format_coverage(corpus)
    assert not any(sid in short for sid in corpus.sources)  # all fully covered
    n = len(corpus.sources)
    assert f"  {n} sources not listed, {n} of them fully covered (" in short
    assert short.splitlines()[-1] == every.splitlines()[-1]  # the total
    assert format_coverage(corpus, verbose=True) == every


def _asks_counted(monkeypatch, figures) -> list[str]:
    """A new process's view of the unit registry and the lexicon: nothing asked yet, and
    every question that reaches them counted."""
    asked: list[str] = []
    monkeypatch.setattr(figures, "_UNIT_ANSWERS", {})
    for name in ("_ask_convert_unit", "_ask_is_a_word_not_a_unit"):
        real = getattr(figures, f"_real{name}", None) or getattr(figures, name)
        monkeypatch.setattr(figures, f"_real{name}", real, raising=False)
        monkeypatch.setattr(figures, name, lambda word, real=real: asked.append(word) or real(word))
    return asked


@pytest.mark.parametrize(
    "damage",
    [
        lambda record: record.write_bytes(b"not a pickle"),
        lambda record: record.write_bytes(record.read_bytes()[:40]),
        lambda record: checkcache._write_entry(
            record, pickle.loads(record.read_bytes())[0], ["not", "answers"], {}
        ),
    ],
    ids=["not a pickle", "cut short", "its key over another value"],
)
def test_what_the_unit_registry_said_is_kept_for_the_next_run_and_a_damaged_record_rebuilt(
    project, monkeypatch, damage
):
    """A source re-checked after an edit asks the unit registry and the lexicon nothing an
    earlier run asked (their answers kept under the code and the libraries' versions); a
    damaged record, or new library versions, mean asking again, with the same result."""
    from gapstudy import figures

    asked = _asks_counted(monkeypatch, figures)
    cold = inspect_corpus(project)
    assert asked  # the corpus's figures have units to look up
    answers = figures.unit_answers()
    record = project.scratch / "check" / "_units.pickle"
    assert record.exists()
    sid = next(iter(cold.sources))
    asked = _asks_counted(monkeypatch, figures)
    _append_comment(project, sid, random.Random(5))
    warm = inspect_corpus(project)
    assert asked == [] and warm.problems == cold.problems
    damage(record)
    asked = _asks_counted(monkeypatch, figures)
    _append_comment(project, sid, random.Random(6))
    assert inspect_corpus(project).problems == cold.problems
    assert asked  # the record not trusted: asked again
    assert figures.unit_answers().items() <= answers.items()
    asked = _asks_counted(monkeypatch, figures)
    _append_comment(project, sid, random.Random(7))
    inspect_corpus(project)
    assert asked == []  # the record written afresh
    monkeypatch.setattr(checkcache, "library_versions", lambda: ("another pint",))
    asked = _asks_counted(monkeypatch, figures)
    _append_comment(project, sid, random.Random(8))
    inspect_corpus(project)
    assert asked


def test_the_keys_of_all_sources_are_each_sources_key_and_an_edit_changes_its_own(project):
    """Keys made together (the shared start hashed once, the file names joined as strings)
    are the keys made one by one; an edited annotation file changes its source's key only."""
    sources = load_sources(project)
    files = checkcache.file_index(project)
    keys = checkcache.source_keys(project, sources, "s", files)
    assert keys == {
        sid: checkcache.source_key(project, source, "s", checkcache.FileDigests({}))
        for sid, source in sources.items()
    }
    assert len(set(keys.values())) == len(keys)
    assert checkcache.source_keys(project, sources, "t", files).keys() == keys.keys()
    assert not set(checkcache.source_keys(project, sources, "t", files).values()) & set(
        keys.values()
    )
    sid = next(iter(sources))
    _append_comment(project, sid, random.Random(9))
    after = checkcache.source_keys(project, sources, "s", checkcache.file_index(project))
    assert {s for s in keys if after[s] != keys[s]} == {sid}
