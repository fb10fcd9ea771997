from __future__ import annotations

import hashlib

import pytest
import yaml

from gapstudy import vocab
from gapstudy.exceptions import SourceError
from gapstudy.sources import load_sources


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
