from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy import vocab
from gapstudy.exceptions import SourceError
from gapstudy.paths import project_paths
from gapstudy.sources import Source, load_sources


def test_every_raw_text_matches_its_recorded_checksum(repo_paths):
    sources = load_sources(repo_paths)
    listed = yaml.safe_load(repo_paths.sources_file.read_text(encoding="utf-8"))["sources"]
    assert list(sources) == [entry["source_id"] for entry in listed]
    for source in sources.values():
        digest = hashlib.sha256(source.path.read_bytes()).hexdigest()
        assert digest == source.meta["sha256"]


def test_segments_partition_every_line_with_known_kinds(repo_paths):
    for source in load_sources(repo_paths).values():
        covered = [n for seg in source.segments for n in range(seg.line_start, seg.line_end + 1)]
        assert covered == list(range(1, source.n_lines + 1))
        assert {seg.kind for seg in source.segments} <= set(vocab.SEGMENT_KINDS)
        assert source.segments[0].char_start == 0
        assert source.segments[-1].char_end == len(source.text)


def test_an_edited_raw_text_is_refused_with_file_and_remedy(project):
    path = project.raw / "ithome-zheng-2026.txt"
    path.write_bytes(path.read_bytes().replace(b"2.7%", b"2.8%"))
    with pytest.raises(SourceError) as err:
        load_sources(project)
    message = str(err.value)
    assert "ithome-zheng-2026.txt" in message
    assert "checksum mismatch" in message
    assert "restore" in message


def test_a_missing_raw_text_is_named(project):
    (project.raw / "undated-narrowing.txt").unlink()
    with pytest.raises(SourceError, match="raw text of 'undated-narrowing' is missing"):
        load_sources(project)


def test_segments_with_a_gap_are_refused_with_the_line(project):
    text = project.sources_file.read_text()
    project.sources_file.write_text(
        text.replace("{kind: body, lines: [8, 10]}", "{kind: body, lines: [9, 10]}")
    )
    with pytest.raises(SourceError) as err:
        load_sources(project)
    assert "sources.yaml:" in str(err.value)
    assert "do not continue from line 8" in str(err.value)


def test_yaml_syntax_errors_name_the_line(project):
    project.sources_file.write_text("sources:\n  - source_id: [unclosed\n")
    with pytest.raises(SourceError, match=r"sources.yaml:\d+: YAML syntax error"):
        load_sources(project)


def test_line_of_maps_offsets_to_lines(repo_paths):
    source = load_sources(repo_paths)["ithome-zheng-2026"]
    assert source.line_of(0) == 1
    offset = source.text.index("IT Home | 2026/05/27")
    assert source.line_of(offset) == 4
    assert source.line_of(len(source.text) - 1) == source.n_lines


def test_a_raw_text_without_an_entry_is_refused(project):
    (project.raw / "new-source.txt").write_text("An unregistered text.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="'new-source.txt' has no entry in sources.yaml"):
        load_sources(project)


def test_a_raw_file_name_may_not_leave_data_raw(project):
    text = project.sources_file.read_text(encoding="utf-8")
    project.sources_file.write_text(
        text.replace("file: undated-narrowing.txt", "file: ../sources.yaml"), encoding="utf-8"
    )
    with pytest.raises(SourceError, match="is not a plain file name in data/raw"):
        load_sources(project)


def test_a_raw_text_that_is_not_utf8_names_offset_and_line(project):
    path = project.raw / "ithome-zheng-2026.txt"
    data = path.read_bytes()
    offset = data.index(b"2.7%")
    bad = data[:offset] + b"\xe9" + data[offset:]
    path.write_bytes(bad)
    text = project.sources_file.read_text(encoding="utf-8")
    old, new = hashlib.sha256(data).hexdigest(), hashlib.sha256(bad).hexdigest()
    project.sources_file.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(SourceError) as err:
        load_sources(project)
    line = data[:offset].count(b"\n") + 1
    assert f"ithome-zheng-2026.txt:{line}: not valid UTF-8" in str(err.value)
    assert f"byte offset {offset}" in str(err.value)


def test_a_misspelt_field_is_refused_with_a_suggestion(project):
    text = project.sources_file.read_text(encoding="utf-8")
    project.sources_file.write_text(text.replace("  outlet:", "  outlt:", 1), encoding="utf-8")
    with pytest.raises(SourceError) as err:
        load_sources(project)
    assert "unknown key 'outlt' (did you mean 'outlet'?)" in str(err.value)
    assert "lacks 'outlet'" in str(err.value)


def test_every_source_says_its_kind_and_events(repo_paths):
    sources = load_sources(repo_paths)
    for source in sources.values():
        assert source.meta["kind"] in vocab.SOURCE_KINDS
        assert source.meta["event"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "kind: repost\n    event: [agi-next-2026",
            "kind: news\n    event: [agi-next-2026",
            "bloomberg-repost-2026: kind 'news' unknown",
        ),
        (
            "event: [phoenix-bay-area-forum-2026]",
            "event: [Phoenix Forum]",
            "ithome-zheng-2026: event 'Phoenix Forum' is not a slug",
        ),
        (
            "event: [phoenix-bay-area-forum-2026]",
            "event: [phoenix-bay-area-forum-2026, phoenix-bay-area-forum-2026]",
            "event 'phoenix-bay-area-forum-2026' is given twice",
        ),
        ("event: [phoenix-bay-area-forum-2026]", "event: phoenix", "'event' must be a list"),
    ],
)
def test_a_bad_kind_or_event_is_refused_with_the_line(project, old, new, message):
    text = project.sources_file.read_text(encoding="utf-8")
    assert old in text
    project.sources_file.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(SourceError) as err:
        load_sources(project)
    assert f"sources.yaml:{line}: " in str(err.value)
    assert message in str(err.value)


@settings(max_examples=50, deadline=None)
@given(
    st.binary(max_size=200)
    | st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.sampled_from(["sources", "source_id", "file", "segments"]), inner)
        ),
        max_leaves=15,
    ).map(lambda doc: yaml.safe_dump(doc).encode("utf-8"))
)
def test_any_sources_file_gives_sources_or_a_source_error(tmp_path_factory, data):
    paths = project_paths(tmp_path_factory.mktemp("src"))
    paths.raw.mkdir(parents=True)
    paths.sources_file.write_bytes(data)
    try:
        load_sources(paths)
    except SourceError as err:
        assert all(str(problem.path) for problem in err.problems)


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\nb", "\n\nx\n", "é\n中文\nz"])
def test_line_starts_are_the_offsets_after_each_newline(text):
    source = Source("s", Path("s.txt"), {}, text)
    assert source.line_starts == [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
