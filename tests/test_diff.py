"""Tests for gapstudy.diff: table rows and figure files, a git revision vs the working tree."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from gapstudy.diff import (
    FigureDiff,
    RevisionError,
    RowChange,
    blob_id,
    compare_tables,
    diff_outputs,
    format_diff,
    print_diff,
    read_csv_text,
)
from gapstudy.exceptions import TableError
from gapstudy.paths import ProjectPaths, project_paths
from gapstudy.schema import CLAIMS, TABLES, Column, Table

PAIR = Table(
    name="pair",
    description="A table keyed on two columns.",
    row="one pair",
    primary_key=("a", "b"),
    columns=(Column("a", "string", "A."), Column("b", "string", "B."), Column("v", "number", "V.")),
)


def frame(table: Table, csv_text: str) -> pd.DataFrame:
    return read_csv_text(csv_text.encode(), "inline", table)


@pytest.mark.parametrize(
    ("old_csv", "new_csv", "added", "removed", "changed"),
    [
        ("a,b,v\nx,1,1\n", "a,b,v\nx,1,1\n", [], [], []),
        ("a,b,v\nx,1,1\n", "a,b,v\nx,1,1\nx,2,5\n", [("x", "2")], [], []),
        ("a,b,v\nx,1,1\ny,1,2\n", "a,b,v\ny,1,2\n", [], [("x", "1")], []),
        (
            "a,b,v\nx,1,1\n",
            "a,b,v\nx,1,1.5\n",
            [],
            [],
            [RowChange(("x", "1"), {"v": ("1", "1.5")})],
        ),
        ("a,b,v\nx,1,\n", "a,b,v\nx,1,0\n", [], [], [RowChange(("x", "1"), {"v": ("", "0")})]),
        # Same rows in another order: nothing changed.
        ("a,b,v\nx,1,1\ny,2,2\n", "a,b,v\ny,2,2\nx,1,1\n", [], [], []),
    ],
)
def test_compare_tables_by_composite_key(old_csv, new_csv, added, removed, changed):
    diff = compare_tables(PAIR, frame(PAIR, old_csv), frame(PAIR, new_csv))
    assert (diff.added, diff.removed, diff.changed) == (added, removed, changed)
    assert diff.has_changes == bool(added or removed or changed)


def test_compare_tables_when_one_side_is_missing():
    new = frame(PAIR, "a,b,v\nx,1,1\n")
    created = compare_tables(PAIR, None, new)
    assert (created.added, created.is_missing_before, created.columns_added) == (
        [("x", "1")],
        True,
        [],
    )
    deleted = compare_tables(PAIR, new, None)
    assert (deleted.removed, deleted.is_missing_after) == ([("x", "1")], True)


def test_compare_tables_reports_column_changes():
    diff = compare_tables(PAIR, frame(PAIR, "a,b,v\nx,1,1\n"), frame(PAIR, "a,b,w\nx,1,1\n"))
    assert (diff.columns_added, diff.columns_removed, diff.changed) == (["w"], ["v"], [])


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("a,v\nx,1\n", "key column(s) ['b'] missing"),
        ("a,b,v\nx,1,1\nx,1,2\n", "inline:3: key ('x', '1') of table 'pair' repeats"),
    ],
)
def test_read_csv_text_rejects_bad_keys(csv_text, message):
    with pytest.raises(TableError, match=re.escape(message)):
        frame(PAIR, csv_text)


def test_blob_id_matches_git(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"\x89PNG\r\n\x00 bytes")
    expected = subprocess.run(
        ["git", "hash-object", str(path)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert blob_id(path.read_bytes()) == expected


# --- In a real git repository -------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()


def claims_csv(rows: list[dict[str, str]]) -> str:
    header = ",".join(CLAIMS.column_names)
    body = [",".join(row.get(c, "") for c in CLAIMS.column_names) for row in rows]
    return "\n".join([header, *body]) + "\n"


@pytest.fixture
def repo(tmp_path: Path) -> ProjectPaths:
    """A project with one committed claims table and two committed figure files."""
    paths = project_paths(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "test@example.org")
    git(tmp_path, "config", "user.name", "Test")
    paths.processed.mkdir(parents=True)
    paths.table_file("claims").write_text(
        claims_csv(
            [
                {"claim_id": "a/c1", "quote": "old words", "stance": "narrowing"},
                {"claim_id": "a/c2", "quote": "gone"},
            ]
        )
    )
    run_dir = paths.figures / "viewpoints"
    run_dir.mkdir(parents=True)
    (run_dir / "gap.png").write_bytes(b"png-1")
    (run_dir / "old.svg").write_bytes(b"<svg/>")
    paths.provenance_file.write_text("{}\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    return paths


def test_diff_outputs_against_a_commit(repo: ProjectPaths):
    repo.table_file("claims").write_text(
        claims_csv(
            [
                {"claim_id": "a/c1", "quote": "new words", "stance": "widening"},
                {"claim_id": "a/c3", "quote": "fresh"},
            ]
        )
    )
    run_dir = repo.figures / "viewpoints"
    (run_dir / "gap.png").write_bytes(b"png-2")
    (run_dir / "old.svg").unlink()
    (run_dir / "new.svg").write_bytes(b"<svg/>")
    repo.provenance_file.write_text('{"changed": true}\n')
    repo.table_file("voices").write_text("voice_id,source_id\na/x,a\n")

    report = diff_outputs("HEAD", repo)

    claims = next(t for t in report.tables if t.name == "claims")
    assert claims.added == [("a/c3",)]
    assert claims.removed == [("a/c2",)]
    assert claims.changed == [
        RowChange(
            ("a/c1",),
            {"quote": ("old words", "new words"), "stance": ("narrowing", "widening")},
        )
    ]
    voices = next(t for t in report.tables if t.name == "voices")
    assert (voices.is_missing_before, voices.added) == (True, [("a/x",)])
    unchanged = [t.name for t in report.tables if not t.has_changes]
    assert unchanged == [name for name in TABLES if name not in ("claims", "voices")]
    assert report.figures == FigureDiff(
        added=["figures/viewpoints/new.svg"],
        removed=["figures/viewpoints/old.svg"],
        changed=["figures/viewpoints/gap.png"],
    )
    text = format_diff(report)
    assert "table claims: 1 added, 1 removed, 1 changed (key: claim_id)" in text
    assert "      quote: 'old words' -> 'new words'" in text
    assert "table voices (new table): 1 added" in text
    assert "  ~ figures/viewpoints/gap.png" in text
    assert "provenance" not in text


def test_diff_outputs_without_changes(repo: ProjectPaths, capsys):
    assert not diff_outputs("HEAD", repo).has_changes
    assert print_diff("HEAD", repo) == 0
    assert capsys.readouterr().out.strip() == "No changes to tables or figures since HEAD."


def test_diff_outputs_names_an_unknown_revision(repo: ProjectPaths):
    with pytest.raises(RevisionError, match="no-such-rev"):
        diff_outputs("no-such-rev", repo)


def test_diff_outputs_names_the_file_with_a_repeated_key(repo: ProjectPaths):
    repo.table_file("claims").write_text(claims_csv([{"claim_id": "a/c1"}, {"claim_id": "a/c1"}]))
    with pytest.raises(TableError, match=r"claims\.csv:3: key \('a/c1',\)"):
        diff_outputs("HEAD", repo)


def test_cli_diff(repo: ProjectPaths, capsys):
    from gapstudy.cli import main

    (repo.figures / "viewpoints" / "gap.png").write_bytes(b"png-3")
    assert main(["--root", str(repo.root), "diff", "HEAD"]) == 0
    assert "  ~ figures/viewpoints/gap.png" in capsys.readouterr().out
    assert main(["--root", str(repo.root), "diff", "nope"]) == 1
    assert "nope" in capsys.readouterr().err


@pytest.mark.parametrize("rev", ["no-such-rev", "--output=stolen.txt", "-h"])
def test_diff_refuses_a_revision_with_gits_reason_and_never_reads_it_as_an_option(
    repo: ProjectPaths, rev: str, capsys
) -> None:
    from gapstudy.cli import main

    code = main(["--root", str(repo.root), "diff", "--", rev])
    err = capsys.readouterr().err
    assert code == 1
    assert f"error: {rev!r} is not a commit git knows" in err
    assert "Needed a single revision" in err  # git's own reason, passed through
    assert "Traceback" not in err
    assert not (repo.root / "stolen.txt").exists()
