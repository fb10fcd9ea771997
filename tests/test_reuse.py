"""What the corpus already names: `check` notes a metric, voice or event id written near one in
use (naming its wording, file and line), and `add` lists the event ids and voices to reuse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy.add import add_source
from gapstudy.check import NOTES_LISTED, format_notes, run_check
from gapstudy.cli import main
from gapstudy.exceptions import Problem
from gapstudy.reuse import MetricUse, is_near, near_events, near_metrics
from gapstudy.sources import Source


@pytest.mark.parametrize(
    "a, b, near",
    [
        ("lead on the MMLU benchmark", "lead on the MMLU language understanding benchmark", True),
        ("lead on the MMLU benchmark", "Lead on the MMLU benchmark", True),  # case only
        ("lead on the MMLU benchmark", "lead on MMLU benchmark", True),  # small words only
        ("lead on the MMLU benchmark", "lead on the MMMU benchmark", False),  # another benchmark
        ("lead on the MATH benchmark", "lead on the MMLU language understanding benchmark", False),
        ("IPO proceeds", "IPO proceeds of Zhipu and MiniMax combined", True),
        ("share of data centre power", "share of data centre power use", True),
        ("private AI investment", "private AI investment", False),  # the same wording
        ("chips", "chips exported", False),  # one word held is not enough
        ("Stanford AI Index", "Stanford AI Index report", True),
    ],
)
def test_is_near(a, b, near):
    assert is_near(a, b) is near
    assert is_near(b, a) is near


def _use(source: str, metric: str, line: int, dimension="benchmark", entity="United States"):
    return MetricUse(source, dimension, entity, metric, Path(f"{source}.yaml"), line)


MMLU = "lead on the MMLU language understanding benchmark"
NEAR = "'lead on the MMLU benchmark' (benchmark, United States) is near"


@pytest.mark.parametrize(
    "uses, expected",
    [
        (  # a near wording in a later source: noted there, naming the earlier wording
            [_use("a", MMLU, 142), _use("b", "lead on the MMLU benchmark", 57)],
            [
                (
                    "b.yaml",
                    57,
                    f"{NEAR} {MMLU!r} in a.yaml:142",
                )
            ],
        ),
        ([_use("a", MMLU, 142), _use("b", MMLU, 57)], []),  # reused as written
        ([_use("a", MMLU, 1), _use("a", "lead on the MMLU benchmark", 2)], []),  # one source
        (  # another dimension, or another entity: not the same quantity
            [_use("a", MMLU, 1), _use("b", "lead on the MMLU benchmark", 2, dimension="other")],
            [],
        ),
        ([_use("a", MMLU, 1), _use("b", "lead on the MMLU benchmark", 2, entity="China")], []),
        (  # one note per pair of wordings and file, however often each is used
            [
                _use("a", MMLU, 1),
                _use("a", MMLU, 5),
                _use("b", "lead on the MMLU benchmark", 2),
                _use("b", "lead on the MMLU benchmark", 9),
            ],
            [
                (
                    "b.yaml",
                    2,
                    f"{NEAR} {MMLU!r} in a.yaml:1",
                )
            ],
        ),
    ],
)
def test_a_metric_near_an_earlier_sources_is_noted_with_its_file_and_line(uses, expected):
    notes = near_metrics(uses)
    assert [
        (Path(n.path).name, n.line, n.message.removeprefix("metric ")) for n in notes
    ] == expected


def _add_mmlu_source(project, tmp_path, metric: str, voice_name: str = "Example Wire") -> Path:
    text = tmp_path / "mmlu.txt"
    text.write_text(
        "MMLU gap\nThe U.S. lead on MMLU shrank to 0.3% at the end of 2024, the report said.\n",
        encoding="utf-8",
    )
    added = add_source(text, "mmlu-2026", outlet="Example Wire", paths=project)
    entry = project.sources_file.read_text(encoding="utf-8")
    entry = entry.replace("    kind: null\n", "    kind: original_report\n")
    entry = entry.replace("    event: []\n", "    event: [stanford-ai-index-report-2025]\n")
    project.sources_file.write_text(entry, encoding="utf-8")
    quote = "The U.S. lead on MMLU shrank to 0.3% at the end of 2024, the report said."
    doc = {
        "source_id": "mmlu-2026",
        "voices": [
            {"key": "example-wire", "name": voice_name, "kind": "outlet", "stance": "optimist"}
        ],
        "claims": [
            {
                "key": "mmlu",
                "voice": "example-wire",
                "quote": quote,
                "dimension": "benchmark_performance",
                "direction": "narrowing",
                "stance": "optimist",
                "figures": [
                    {
                        "text": "0.3%",
                        "entity": "U.S.",
                        "counterpart": "China",
                        "metric": metric,
                        "period": "2024",
                        "period_precision": "year",
                    }
                ],
            }
        ],
        "exclusions": [],
    }
    added.annotation_file.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return added.annotation_file


def test_check_notes_a_new_metric_near_one_in_use_and_still_passes(project, tmp_path, capsys):
    path = _add_mmlu_source(project, tmp_path, "lead on the MMLU benchmark")
    assert run_check(project) == 0  # a note, not an error
    out = capsys.readouterr().out
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(
        n for n, text in enumerate(lines, 1) if "metric: lead on the MMLU benchmark" in text
    )
    assert "note(s), not errors" in out
    assert (
        f"mmlu-2026.yaml:{line}: metric 'lead on the MMLU benchmark' (benchmark_performance, "
        f"United States) is near {MMLU!r} in undated-narrowing.yaml:142" in out
    )
    # the near event id is noted too, naming the one in use and its source
    assert (
        "event 'stanford-ai-index-report-2025' is near 'stanford-ai-index-2025' of "
        "undated-narrowing" in out
    )


def test_check_prints_no_note_when_the_wording_in_use_is_reused(project, tmp_path, capsys):
    _add_mmlu_source(project, tmp_path, MMLU)
    text = project.sources_file.read_text(encoding="utf-8")
    project.sources_file.write_text(
        text.replace("[stanford-ai-index-report-2025]", "[stanford-ai-index-2025]"),
        encoding="utf-8",
    )
    assert run_check(project) == 0
    assert "note(s)" not in capsys.readouterr().out


def test_check_notes_a_voice_declared_again_that_voices_yaml_declares(project, tmp_path, capsys):
    path = _add_mmlu_source(project, tmp_path, MMLU)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["voices"].append(
        {"key": "tencent-holdings", "name": "Tencent", "kind": "organisation", "stance": "neutral"}
    )
    doc["claims"][0]["cites"] = "tencent-holdings"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    run_check(project)
    out = capsys.readouterr().out
    assert (
        "voice 'tencent-holdings' ('Tencent') is near 'tencent' ('Tencent'), declared in "
        "voices.yaml:" in out
    )
    assert "refer to it by key: {key: tencent, stance: ...}" in out


@pytest.mark.parametrize("n", [1, NOTES_LISTED, NOTES_LISTED + 1, 1990])
def test_many_notes_are_counted_in_one_line_and_listed_when_verbose(n):
    notes = [Problem(f"data/annotations/s{i}.yaml", i, f"metric {i} is near") for i in range(n)]
    head = f"{n} note(s), not errors: what the corpus already names, to reuse"
    listed = "\n".join([head, *(f"  {note}" for note in notes)])
    assert format_notes(notes, verbose=True) == listed
    if n <= NOTES_LISTED:
        assert format_notes(notes) == listed
    else:
        assert format_notes(notes) == f"{head} (`gapstudy check --verbose` lists them)"
    assert format_notes([]) == ""


def test_add_lists_the_event_ids_and_voices_in_use(project, tmp_path, capsys):
    text = tmp_path / "new.txt"
    text.write_text("Title\nChina drew 12 deals.\n", encoding="utf-8")
    assert main(["--root", str(project.root), "add", str(text), "--id", "new-2026"]) == 0
    out = capsys.readouterr().out
    listing = out[out.index("in use, to reuse") :]
    assert "    stanford-ai-index-2025: undated-narrowing\n" in listing
    assert "    tencent: Tencent (voices.yaml)\n" in listing
    assert "    bloomberg: Bloomberg (bloomberg-repost-2026)\n" in listing
    assert "author-" not in listing  # a text's own unnamed author is not for reuse


def _near_metrics_pairwise(uses: list[MetricUse]) -> list[tuple]:
    """The rule of near_metrics written as every pair of uses (the reference it is held to)."""
    notes, seen = [], set()
    for n, use in enumerate(uses):
        for earlier in uses[:n]:
            pair = (earlier.metric, use.metric, use.path)
            if (
                earlier.source_id == use.source_id
                or (earlier.dimension, earlier.entity) != (use.dimension, use.entity)
                or earlier.metric == use.metric
                or pair in seen
                or not is_near(earlier.metric, use.metric)
            ):
                continue
            seen.add(pair)
            notes.append((str(use.path), use.line, earlier.metric, earlier.path.name, earlier.line))
    return notes


_WORDINGS = [
    MMLU,
    "lead on the MMLU benchmark",
    "lead on MMLU",
    "MMLU benchmark lead",
    "lead on the MATH benchmark",
    "private AI investment",
    "private AI investment in 2024",
    "AI investment",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("abcd"),
            st.sampled_from(_WORDINGS),
            st.sampled_from(["benchmark", "investment"]),
            st.sampled_from(["United States", "China"]),
        ),
        max_size=30,
    )
)
def test_near_metrics_finds_what_comparing_every_pair_finds(drawn):
    uses = [
        _use(source, metric, line, dimension=dimension, entity=entity)
        for line, (source, metric, dimension, entity) in enumerate(drawn, start=1)
    ]
    found = [
        (str(n.path), n.line, *re.search(r"is near (.*) in (\S+):(\d+)$", n.message).groups())
        for n in near_metrics(uses)
    ]
    expected = [
        (path, line, repr(metric), name, str(at))
        for path, line, metric, name, at in _near_metrics_pairwise(uses)
    ]
    assert found == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["ai-index-2025", "ai-index-report-2025", "index-2025", "r1"])),
        max_size=8,
    )
)
def test_near_events_finds_what_comparing_every_pair_finds(events_by_source):
    sources = {
        f"s{n}": Source(f"s{n}", Path(f"s{n}.txt"), {"event": events, "__lines__": {}}, "")
        for n, events in enumerate(events_by_source)
    }
    expected, first_use = [], {}
    for sid, source in sources.items():
        for event in source.meta["event"]:
            near = [e for e, by in first_use.items() if by != sid and is_near(e, event)]
            if event not in first_use and near:
                expected.append(
                    f"{sid}: event {event!r} is near {near[0]!r} of {first_use[near[0]]}"
                )
            first_use.setdefault(event, sid)
    assert [n.message for n in near_events(sources, Path("sources.yaml"))] == expected
