"""The locks: one build at a time, and commands that edit data/ one at a time, with nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from gapstudy.lock import hold_input_lock

ARTICLE = (
    "Chip Gap Holds Steady {n}\n"
    "Example Wire\n"
    "Investment in US AI reached ${n}.5 billion in 2024, said the report, in a long sentence.\n"
)


def _start_add(project, text_file, source_id):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gapstudy.cli",
            "--root",
            str(project.root),
            "add",
            str(text_file),
            "--id",
            source_id,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=text_file.parent,
    )


def test_adds_at_once_all_land_or_say_another_is_running(project, tmp_path):
    """Three `gapstudy add` at once, four times over: every one that says it appended has its
    entry in sources.yaml, and every one that did not says another command is running."""
    for round_ in range(4):
        procs = {}
        for n in range(3):
            source_id = f"race-{round_}-{n}"
            text_file = tmp_path / f"{source_id}.txt"
            text_file.write_text(ARTICLE.format(n=f"{round_}{n}"), encoding="utf-8")
            procs[source_id] = _start_add(project, text_file, source_id)
        listed = None
        for source_id, proc in procs.items():
            out, err = proc.communicate(timeout=120)
            assert "Traceback" not in err
            listed = {
                e["source_id"] for e in yaml.safe_load(project.sources_file.read_text())["sources"]
            }
            if proc.returncode == 0:
                assert f"appended {source_id}" in out
            else:
                assert "another command is editing data/" in err
        for source_id, proc in procs.items():
            landed = source_id in listed
            assert landed == (proc.returncode == 0), (source_id, procs)
            assert landed == (project.raw / f"{source_id}.txt").exists()
            assert landed == project.annotation_file(source_id).exists()


def test_the_input_lock_refuses_a_second_holder_after_its_wait(project):
    with hold_input_lock(project):
        code = (
            "import sys; from gapstudy.lock import hold_input_lock;"
            "from gapstudy.paths import project_paths;"
            "from gapstudy.exceptions import BuildLockError\n"
            "try:\n"
            f"    with hold_input_lock(project_paths({str(project.root)!r}), wait_s=0.2): pass\n"
            "except BuildLockError as err:\n"
            "    print(err); sys.exit(3)\n"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 3
    assert f"another command is editing data/ (pid {os.getpid()})" in done.stdout
