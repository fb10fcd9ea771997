"""The safe YAML reader: lines kept, duplicates and aliases refused, UTF-8 errors located."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy import yamlfile
from gapstudy.exceptions import GapstudyError, UnreadableFileError
from gapstudy.yamlfile import line_of_key, read_text, read_yaml, user_keys


def _read(tmp_path, text: str | bytes):
    path = tmp_path / "f.yaml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_yaml(path)


def test_mappings_keep_their_line_and_the_line_of_each_key(tmp_path):
    doc = _read(tmp_path, "a: 1\nitems:\n  - x: 1\n    y: 2\n  - x: 3\n")
    assert doc["__line__"] == 1
    assert line_of_key(doc, "items") == 2
    first, second = doc["items"]
    assert (first["__line__"], line_of_key(first, "y")) == (3, 4)
    assert second["__line__"] == 5
    assert line_of_key(first, "missing") == 3
    assert user_keys(first) == ["x", "y"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, "key 'a' is given twice in one mapping (first on line 1)"),
        ("x:\n  - k: 1\n    k: 1\n", 3, "key 'k' is given twice"),
        ("1: a\n1: b\n", 2, "key 1 is given twice"),
        ("a: &x 1\nb: *x\n", 1, "anchors and aliases"),
        ("a: [1, 2]\nb: *x\n", 2, "anchors and aliases"),
        ("a:\n  <<: {b: 1}\n", 2, "merge keys (<<) are not accepted"),
        ("__line__: 4\n", 1, "key '__line__' is reserved"),
        ("a: [1, 2\n", 2, "YAML syntax error"),
        ("a: 2026-02-30\n", 1, "'2026-02-30' is not a valid date"),
        ("a: !!python/name:os.system\n", 1, "YAML value not accepted"),
        ("a: b\x00c\n", 1, "character '\\x00' is not allowed"),
        (b"a: 1\nb: caf\xe9\n", 2, "not valid UTF-8: byte(s) e9 at byte offset 11"),
    ],
)
def test_refusals_name_the_file_and_line(tmp_path, text, line, message):
    with pytest.raises(UnreadableFileError) as err:
        _read(tmp_path, text)
    (problem,) = err.value.problems
    assert problem.path == tmp_path / "f.yaml"
    assert problem.line == line
    assert message in problem.message


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 12)]
    with pytest.raises(UnreadableFileError, match="f.yaml:1: anchors and aliases"):
        _read(tmp_path, "\n".join(lines) + "\n")


def test_deep_nesting_is_an_error_not_a_crash(tmp_path):
    with pytest.raises(UnreadableFileError, match="nested too deeply"):
        _read(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")


def test_missing_files_and_folders_are_named(tmp_path):
    with pytest.raises(UnreadableFileError, match="nothing.yaml: file not found"):
        read_text(tmp_path / "nothing.yaml")
    with pytest.raises(UnreadableFileError, match="is a folder"):
        read_text(tmp_path)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_value_or_a_located_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "f.yaml"
    path.write_bytes(data)
    try:
        read_yaml(path)
    except UnreadableFileError as err:
        assert all(problem.path == path for problem in err.problems)
    except GapstudyError as err:  # pragma: no cover - only UnreadableFileError is expected
        pytest.fail(f"unexpected error type {type(err).__name__}: {err}")


# --- The C parser fast path and the per-process cache ----------------------------------------

ROOT = Path(__file__).resolve().parent.parent
PROJECT_YAML = sorted(
    p.relative_to(ROOT).as_posix()
    for p in [*(ROOT / "data").rglob("*.yaml"), *(ROOT / "notebooks").glob("*.yaml")]
)


@pytest.mark.skipif(yamlfile.CLineLoader is None, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("name", PROJECT_YAML)
def test_the_c_parser_reads_every_project_file_as_the_python_loader_does(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    # The files that grow with the corpus must take the fast path (the run list, whose
    # comments show flow mappings in backquotes, is a false alarm and small).
    if name.startswith("data/"):
        assert yamlfile._may_use_c_parser(text)
    fast = yaml.load(text, Loader=yamlfile.CLineLoader)  # noqa: S506 - a SafeLoader
    slow = yaml.load(text, Loader=yamlfile.LineLoader)  # noqa: S506 - a SafeLoader
    assert fast == slow


@pytest.mark.parametrize(
    ("text", "eligible"),
    [
        ("quote: Tencent's R&D and AT&T\n", True),
        ("a: 3 * 4 & more\n", True),
        ("a: &x 1\n", False),
        ("a: *x\n", False),
        ("a: [*x]\n", False),
        ("- &x\n", False),
        ('a: "*starred*"\n', False),  # a false alarm: the slow loader reads it
        ("a: b\x07c\n", False),
        ("a: 1\t\n", False),
        ("a: !!str 1\n", False),
        ("a: Wait! Really?\n", True),
        ("a: >#\n", False),
        ("a: |-#\n", False),
    ],
)
def test_only_texts_without_anchors_or_refused_characters_go_to_the_c_parser(text, eligible):
    if yamlfile.CLineLoader is None:  # pragma: no cover
        eligible = False
    assert yamlfile._may_use_c_parser(text) is eligible


YAML_CHARS = st.sampled_from(list("ab1 :-[]{},&*!|>'\"#?\n\t.%@`<=") + ["\u2019", "é"])


@settings(max_examples=1000, deadline=None)
@given(st.text(YAML_CHARS, max_size=60))
def test_either_loader_gives_the_same_value_or_the_same_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("either") / "f.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        slow = ("value", yaml.load(text, Loader=yamlfile.LineLoader))  # noqa: S506
    except (yaml.YAMLError, RecursionError) as err:
        slow = ("error", type(err).__name__)
    try:
        got = ("value", read_yaml(path))
    except UnreadableFileError as err:
        got = ("error", err.problems[0].message)
    if slow[0] == "value":
        assert got == slow
    else:
        assert got[0] == "error"


def test_a_file_read_twice_is_parsed_once_and_each_reader_gets_its_own_copy(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("items:\n  - x: 1\n", encoding="utf-8")
    before = yamlfile.parse_counts()
    first = read_yaml(path)
    first["items"][0]["x"] = 99
    first["items"].append({"x": 2})
    second = read_yaml(path)
    after = yamlfile.parse_counts()
    assert (after["parsed"] - before["parsed"], after["reused"] - before["reused"]) == (1, 1)
    assert [item["x"] for item in second["items"]] == [1]
    assert second["items"][0]["__line__"] == 2


def test_a_changed_file_is_parsed_again(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(path)["a"] == 1
    path.write_text("a: 2\n", encoding="utf-8")  # same size, maybe the same mtime
    before = yamlfile.parse_counts()["parsed"]
    assert read_yaml(path)["a"] == 2
    assert yamlfile.parse_counts()["parsed"] == before + 1
    path.write_text("a: [1, 2\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="YAML syntax error"):
        read_yaml(path)


def test_the_kept_values_stay_within_their_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlfile, "CACHE_MAX_CHARS", 100)
    for n in range(20):
        path = tmp_path / f"f{n}.yaml"
        path.write_text(f"key: {'x' * 30}\n", encoding="utf-8")
        read_yaml(path)
    assert sum(len(text) for text, *_ in yamlfile._cache.values()) <= 100
    assert yamlfile._cache_stats["chars"] == sum(len(t) for t, *_ in yamlfile._cache.values())


def test_an_invisible_character_is_named_with_line_and_column(tmp_path):
    from gapstudy.exceptions import UnreadableFileError
    from gapstudy.yamlfile import read_yaml

    path = tmp_path / "notes.yaml"
    path.write_text("source_id: one\nvoices:\n  - key: bloom\u200bberg\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError) as err:
        read_yaml(path)
    message = str(err.value)
    assert "notes.yaml:3: column 15: invisible character U+200B (ZERO WIDTH SPACE)" in message
    assert "1 problem(s)" in message  # the cause alone, not its consequences


def test_an_escaped_invisible_character_in_quotes_is_read(tmp_path):
    from gapstudy.yamlfile import read_yaml

    path = tmp_path / "notes.yaml"
    path.write_text('quote: "a\\u200bb"\n', encoding="utf-8")
    assert read_yaml(path)["quote"] == "a\u200bb"


def _fresh_process(monkeypatch) -> None:
    """Forget what this process parsed, as a new process would."""
    monkeypatch.setattr(yamlfile, "_cache", type(yamlfile._cache)())


def _long_file(path: Path, value: int) -> None:
    lines = [f"  - {{id: e{n}, value: {value}}}" for n in range(yamlfile.STORED_MIN_CHARS // 20)]
    path.write_text("entries:\n" + "\n".join(lines) + "\n", encoding="utf-8")


def test_a_long_file_is_parsed_once_for_all_processes_and_an_edit_is_seen(tmp_path, monkeypatch):
    path, scratch = tmp_path / "long.yaml", tmp_path / "scratch"
    _long_file(path, 1)
    first = read_yaml(path, scratch=scratch)
    _fresh_process(monkeypatch)
    before = yamlfile.parse_counts()["stored"]
    again = read_yaml(path, scratch=scratch)
    assert yamlfile.parse_counts()["stored"] == before + 1
    assert again == first and again["entries"][-1]["__line__"] == len(first["entries"]) + 1
    _long_file(path, 2)  # same length, new values
    _fresh_process(monkeypatch)
    before = yamlfile.parse_counts()["stored"]
    assert {e["value"] for e in read_yaml(path, scratch=scratch)["entries"]} == {2}
    assert yamlfile.parse_counts()["stored"] == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: entry.write_bytes(b"not a pickle"),
        lambda entry: entry.write_bytes(entry.read_bytes()[:100]),
        lambda entry: entry.write_bytes(pickle.dumps(("another key", {"entries": []}))),
        lambda entry: entry.write_bytes(
            pickle.dumps((pickle.loads(entry.read_bytes())[0], b"not a pickled value"))
        ),
        lambda entry: entry.write_bytes(
            pickle.dumps((pickle.loads(entry.read_bytes())[0], {"entries": []}))
        ),
    ],
    ids=[
        "not a pickle",
        "cut short",
        "another text or parser",
        "its key over a damaged value",
        "its key over a value of the old format",
    ],
)
def test_a_damaged_or_outdated_stored_value_is_parsed_again_not_trusted(
    tmp_path, monkeypatch, damage
):
    path, scratch = tmp_path / "long.yaml", tmp_path / "scratch"
    _long_file(path, 1)
    expected = read_yaml(path, scratch=scratch)
    (entry,) = (scratch / "yaml").glob("*.pickle")
    damage(entry)
    _fresh_process(monkeypatch)
    before = yamlfile.parse_counts()["stored"]
    assert read_yaml(path, scratch=scratch) == expected
    assert yamlfile.parse_counts()["stored"] == before
    _fresh_process(monkeypatch)
    assert read_yaml(path, scratch=scratch) == expected  # and stored again, whole
    assert yamlfile.parse_counts()["stored"] == before + 1


def test_a_stored_file_that_turns_bad_is_refused_naming_its_line(tmp_path, monkeypatch):
    path, scratch = tmp_path / "long.yaml", tmp_path / "scratch"
    _long_file(path, 1)
    read_yaml(path, scratch=scratch)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: e7,", "id: e7, id: again,"), encoding="utf-8")
    _fresh_process(monkeypatch)
    with pytest.raises(UnreadableFileError) as err:
        read_yaml(path, scratch=scratch)
    assert err.value.problems[0].path == path and err.value.problems[0].line == 9
    _fresh_process(monkeypatch)
    with pytest.raises(UnreadableFileError):  # the refusal is not stored as a value
        read_yaml(path, scratch=scratch)


def test_a_kept_long_file_is_copied_out_once_and_a_changed_one_read_again(tmp_path, monkeypatch):
    """keep_yaml gives the key read_yaml_keyed gives and keeps the value for the process
    without copying it out: the next reader (without the scratch folder, as the loaders
    read) takes the kept value; an edit is seen by both."""
    path, scratch = tmp_path / "long.yaml", tmp_path / "scratch"
    _long_file(path, 1)
    expected, key = yamlfile.read_yaml_keyed(path, scratch=scratch)
    _fresh_process(monkeypatch)
    before = yamlfile.parse_counts()
    assert yamlfile.keep_yaml(path, scratch=scratch) == key
    assert yamlfile.keep_yaml(path, scratch=scratch) == key  # kept: nothing read again
    assert read_yaml(path) == expected
    after = yamlfile.parse_counts()
    assert {k: after[k] - before[k] for k in after} == {"parsed": 1, "reused": 1, "stored": 1}
    _long_file(path, 2)
    new_key = yamlfile.keep_yaml(path, scratch=scratch)
    assert new_key != key
    assert {e["value"] for e in read_yaml(path)["entries"]} == {2}
    _long_file(path, 3)  # changed after it was kept: the reader reads it again
    assert {e["value"] for e in read_yaml(path)["entries"]} == {3}


def test_a_kept_stored_value_found_damaged_is_parsed_again_and_stored_whole(tmp_path, monkeypatch):
    path, scratch = tmp_path / "long.yaml", tmp_path / "scratch"
    _long_file(path, 1)
    expected, key = yamlfile.read_yaml_keyed(path, scratch=scratch)
    (entry,) = (scratch / "yaml").glob("*.pickle")
    entry.write_bytes(pickle.dumps((pickle.loads(entry.read_bytes())[0], b"not a pickled value")))
    _fresh_process(monkeypatch)
    assert yamlfile.keep_yaml(path, scratch=scratch) == key
    assert yamlfile.read_yaml_keyed(path, scratch=scratch) == (expected, key)
    assert pickle.loads(pickle.loads(entry.read_bytes())[1]) == expected  # stored again
    _fresh_process(monkeypatch)
    assert yamlfile.keep_yaml(path, scratch=scratch) == key
    assert read_yaml(path) == expected
