"""Whole-file writes: a file is replaced whole or left as it was; OS errors name the path."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from gapstudy import atomicfile
from gapstudy.atomicfile import replace_file, write_new_file
from gapstudy.exceptions import OutputError
from gapstudy.paths import project_paths
from gapstudy.render import render_report

RENDER_FIXTURE = Path(__file__).parent / "fixtures" / "render" / "project"


def _fail_fsync(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def failing(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomicfile.os, "fsync", failing)


@pytest.mark.parametrize(
    ("code", "advice"),
    [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "make the folder writable")],
)
def test_a_failed_replace_leaves_the_old_file_whole_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, advice: str
) -> None:
    target = tmp_path / "page.html"
    target.write_text("old page", encoding="utf-8")
    _fail_fsync(monkeypatch, code)
    with pytest.raises(OutputError, match=rf"page.html: .*; {advice}"):
        replace_file(target, "new page " * 1000)
    assert target.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # nothing left beside it


def test_replace_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    target.write_text("a", encoding="utf-8")
    os.chmod(target, 0o640)
    replace_file(target, "b")
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text(encoding="utf-8") == "b"


def test_a_new_file_never_overwrites_and_a_folder_in_the_way_is_named(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    write_new_file(target, b"first")
    with pytest.raises(OutputError, match="new.txt: .*exists already"):
        write_new_file(target, b"second")
    assert target.read_bytes() == b"first"
    (tmp_path / "folder").mkdir()
    with pytest.raises(OutputError, match="folder: .*a folder stands where this file belongs"):
        replace_file(tmp_path / "folder", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "new.txt"]


def test_render_failing_midway_leaves_every_page_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A render cut short (here a full disk on the third changed page) leaves each page either
    as it was or as it is now, never truncated."""
    root = tmp_path / "project"
    shutil.copytree(RENDER_FIXTURE, root)
    paths = project_paths(root)
    render_report(paths)
    before = {p: p.read_bytes() for p in paths.html.rglob("*.html")}
    for path in before:
        path.write_bytes(b"<p>an older page</p>")
    calls = []
    real = atomicfile.os.fsync

    def full_disk_on_third(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(atomicfile.os, "fsync", full_disk_on_third)
    with pytest.raises(OutputError, match="No space left on device; the disk is full"):
        render_report(paths)
    for path, data in before.items():
        assert path.read_bytes() in (data, b"<p>an older page</p>"), path
    assert not [p for p in paths.html.rglob("*.new")]
