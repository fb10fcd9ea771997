"""The repository as committed: no merge-conflict markers, and pre-commit leaves generated
outputs alone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tracked() -> list[str]:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in done.stdout.split("\0") if name and (ROOT / name).is_file()]


def _markers(paths: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """pre-commit-hooks' check, as the hook runs it (also outside a merge)."""
    return subprocess.run(
        [str(BIN / "check-merge-conflict"), "--assume-in-merge", *paths],
        cwd=cwd, capture_output=True, text=True,
    )  # fmt: skip


def test_no_tracked_file_carries_merge_conflict_markers():
    done = _markers(_tracked(), ROOT)
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> wt-other\n", True),
        ("| a |\n>>>>>>> wt-gate2\n", True),
        ("Heading\n========\n\nquoted: a <<< b >>> c; <<<<<<<< eight\n", False),
    ],
)
def test_the_marker_check_finds_markers_and_only_markers(tmp_path: Path, text: str, found: bool):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)  # the tool asks git
    (tmp_path / "README.md").write_text(text)
    done = _markers(["README.md"], tmp_path)
    assert done.returncode == (1 if found else 0), done.stdout + done.stderr
    assert ("Merge conflict string" in done.stdout) is found


@pytest.mark.slow
def test_pre_commit_on_every_file_rewrites_no_generated_output(tmp_path: Path):
    """pre-commit over every tracked file, in a copy of the repository: every hook passes and
    nothing is rewritten (ruff is told to honour the project's excludes)."""
    copy = tmp_path / "repo"
    for name in _tracked():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    (copy / ".venv").symlink_to(Path(sys.prefix))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run([*git, *args], cwd=copy, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    done = subprocess.run(
        [str(BIN / "pre-commit"), "run", "--all-files"],
        cwd=copy, env=env, capture_output=True, text=True,
    )  # fmt: skip
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=copy, capture_output=True, text=True, check=True
    )
    assert status.stdout == "", status.stdout
    assert done.returncode == 0, done.stdout[-3000:]


# ------------------------------------------------------------- licence, citation, changes

CFFCONVERT = ROOT / ".cache" / "tools" / "cffconvert" / "bin" / "cffconvert"


def _cffconvert(path: Path) -> subprocess.CompletedProcess[str]:
    if not CFFCONVERT.exists():
        pytest.fail(f"{CFFCONVERT.relative_to(ROOT)} is missing: run `make setup`")
    return subprocess.run(
        [str(CFFCONVERT), "--validate", "-i", str(path)], capture_output=True, text=True
    )


def test_licence_is_the_one_pyproject_declares():
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    assert declared == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")


def test_citation_is_valid_for_cffconvert_and_names_this_version():
    import yaml

    import gapstudy

    done = _cffconvert(ROOT / "CITATION.cff")
    assert done.returncode == 0, done.stdout + done.stderr
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["version"] == gapstudy.__version__
    assert citation["license"] == "MIT"


def test_cffconvert_refuses_a_citation_without_authors(tmp_path: Path):
    """The check above is real: a citation missing required fields fails it."""
    (tmp_path / "CITATION.cff").write_text("cff-version: 1.2.0\ntitle: gapstudy\n")
    assert _cffconvert(tmp_path / "CITATION.cff").returncode != 0


def test_changelog_keeps_a_changelog_and_has_this_version():
    import re

    import gapstudy

    text = (ROOT / "CHANGELOG.md").read_text()
    assert text.startswith("# Changelog\n")
    assert "https://keepachangelog.com/" in text
    versions = re.findall(r"^## \[([^\]]+)\]", text, flags=re.MULTILINE)
    assert versions[0] == "Unreleased"
    assert gapstudy.__version__ in versions
    kinds = set(re.findall(r"^### (\w+)", text, flags=re.MULTILINE))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def test_rights_statement_leaves_the_texts_to_their_publishers():
    text = " ".join((ROOT / "data" / "RIGHTS.md").read_text().split())
    assert "The rights in each text stay with its publisher" in text
    assert "MIT License does not extend to them" in text
    assert "data/processed/datapackage.json" in text


_CITATION = re.compile(r'docs/annotations\.md,\s*([^")]{0,3}"?[^")]{3,120})')


def _cited_rules(text: str) -> list[str]:
    """The first words of each rule a text cites: the guide's path, a comma, the rule's words."""
    cited = []
    for match in _CITATION.finditer(text):
        words = re.sub(r"\n\s*#?", " ", match.group(1)).replace('"', " ").replace("#", " ")
        cited.append(" ".join(words.split()[:4]).rstrip(".,").lower())
    return [rule for rule in cited if rule]


def test_every_rule_cited_from_code_and_tests_is_in_the_annotation_guide():
    """A cited rule that the guide lost (an edit that drops a section) is found here."""
    guide = " ".join((ROOT / "docs" / "annotations.md").read_text(encoding="utf-8").split())
    files = sorted([*ROOT.glob("gapstudy/**/*.py"), *ROOT.glob("tests/*.py")])
    missing = [
        f"{path.relative_to(ROOT)}: {rule!r}"
        for path in files
        for rule in _cited_rules(path.read_text(encoding="utf-8"))
        if rule not in guide.lower()
    ]
    assert len([p for p in files if _cited_rules(p.read_text(encoding="utf-8"))]) >= 5
    assert not missing, "rules cited but not found in docs/annotations.md:\n" + "\n".join(missing)


def test_a_citation_names_its_rule_by_its_first_words():
    guide = "docs/" + "annotations.md"  # split, so this file cites nothing itself
    text = f'# as the guide says ({guide}, "Every operator word\n    # accounted for")'
    assert _cited_rules(text) == ["every operator word accounted"]


_GUIDE = ROOT / "docs" / "annotations.md"
_INDEX_TITLE = "Index of the reading rules by the words that trigger them"
_READING_PART = ("Vague quantities", "Names and attribution")  # first rule heading, first after
_LINK = re.compile(r"\[([^\]]+)\]\(#([^)\s]+)\)")


def _headings(text: str) -> list[tuple[int, int, str]]:
    """(line, level, title) of each heading, skipping fenced code (its "#" lines are comments)."""
    found, fenced = [], False
    for number, line in enumerate(text.splitlines()):
        fenced = fenced != line.startswith("```")
        if not fenced and (match := re.match(r"(#{1,6}) (.+)", line)):
            found.append((number, len(match.group(1)), match.group(2).strip()))
    return found


def _anchor(title: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


def _guide_index() -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """The index's links (text, anchor), and each heading's anchor -> its section's lines."""
    lines = _GUIDE.read_text(encoding="utf-8").splitlines()
    heads = _headings("\n".join(lines))
    (start,) = [n for n, _, title in heads if title == _INDEX_TITLE]
    end = min(n for n, _, _ in heads if n > start)
    links = [link for line in lines[start:end] for link in _LINK.findall(line)]
    bodies = {}
    for (n, _, title), nxt in zip(heads, [*heads[1:], (len(lines), 0, "")], strict=True):
        bodies.setdefault(_anchor(title), lines[n : nxt[0]])
    return links, bodies


def _reading_part_anchors() -> list[str]:
    heads = _headings(_GUIDE.read_text(encoding="utf-8"))
    first, after = (next(n for n, _, t in heads if t == title) for title in _READING_PART)
    return [_anchor(title) for n, _, title in heads if first <= n < after]


def test_every_index_link_of_the_guide_points_at_a_heading_and_names_a_rule_there():
    """An index entry links to a heading; its words are the heading or a rule's bold label
    in that section, so a reader can find the rule by those words."""
    links, bodies = _guide_index()
    assert len(links) >= 60
    broken = [f"#{anchor}" for _, anchor in links if anchor not in bodies]
    assert not broken, "index links to no heading: " + ", ".join(broken)
    lost = [
        f"{text!r} (#{anchor})"
        for text, anchor in links
        if text != next(iter(bodies[anchor]), "").lstrip("# ")
        and not any(line.lstrip("- ").startswith(f"**{text}") for line in bodies[anchor])
    ]
    assert not lost, "index words that start no rule in their section: " + ", ".join(lost)


def test_every_rule_section_of_the_reading_part_is_reached_by_the_index():
    """A new section of reading rules is noticed here until the index names it."""
    links, _ = _guide_index()
    sections = _reading_part_anchors()
    assert len(sections) >= 15
    linked = {anchor for _, anchor in links}
    missing = [anchor for anchor in sections if anchor not in linked]
    assert not missing, "reading rules the index does not reach: " + ", ".join(missing)


def test_a_heading_anchor_is_the_one_github_writes():
    title = 'A clause of its own, "by X to Y", nouns'
    assert _anchor(title) == "a-clause-of-its-own-by-x-to-y-nouns"
    assert _anchor("Numbers a draft meets (read, exclude or refuse)") == (
        "numbers-a-draft-meets-read-exclude-or-refuse"
    )
    assert [h[2] for h in _headings("# A\n```\n# not a heading\n```\n## B")] == ["A", "B"]
