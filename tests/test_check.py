"""Each validation rule, shown by a small bad annotation that must be refused with its line."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from gapstudy.check import inspect_corpus, run_check, validate
from gapstudy.exceptions import AnnotationError, InputError

SOURCE = "ithome-zheng-2026"

VALID = {
    "source_id": SOURCE,
    "voices": [
        {
            "key": "zheng-jun",
            "name": "Zheng Jun",
            "kind": "person",
            "affiliation": "Huawei",
            "role": "CTO",
            "stance": "optimist",
        },
        {
            "key": "stanford-ai-index",
            "name": "Stanford report",
            "kind": "report",
            "stance": "neutral",
        },
    ],
    "claims": [
        {
            "key": "gap",
            "voice": "zheng-jun",
            "quote": "the overall performance level of Chinese AI models lags behind that of the "
            "United States by only 2.7%",
            "dimension": "benchmark_performance",
            "direction": "narrowing",
            "stance": "optimist",
            "cites": "stanford-ai-index",
            "figures": [
                {
                    "text": "2.7%",
                    "entity": "China",
                    "counterpart": "U.S.",
                    "metric": "performance gap",
                    "period": "2026",
                    "period_precision": "year",
                    "value": 2.7,
                    "unit": "percent",
                },
            ],
        }
    ],
    "exclusions": [
        {
            "text": "2026",
            "context": "At the 2026 Phoenix Bay Area Financial Forum · Financial",
            "reason": "date that only places an event",
        },
    ],
}


def _write(project, doc) -> None:
    for path in project.annotations.glob("*.yaml"):
        if path.stem not in ("facts", "derived"):
            path.unlink()
    project.annotation_file(SOURCE).write_text(
        yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    )
    # The corpus's facts are reported by the files just removed; a fact needs two sources.
    (project.annotations / "facts.yaml").write_text("facts: []\n")


def _line_of(project, fragment: str) -> int:
    lines = project.annotation_file(SOURCE).read_text().splitlines()
    return next(i for i, line in enumerate(lines, start=1) if fragment in line)


def test_a_valid_annotation_passes_and_locates_its_figure(project):
    _write(project, VALID)
    corpus = validate(project, require_complete=False)
    assert corpus.parsed[f"{SOURCE}/gap/1"].value == pytest.approx(2.7)
    statuses = {m.mention.text: m.status for m in corpus.mentions if m.source_id == SOURCE}
    # the figure's words ("2.7%") hold the mention's number; the mention carries its hedge
    assert statuses["by only 2.7%"] == "annotated"


def _mutate(path: str, value):
    def apply(doc):
        target = doc
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value
        return doc

    return apply


_DELETE = object()

BAD = [
    (
        "quote not verbatim",
        "claims.0.quote",
        "lags behind the United States by 2.7%",
        "not found verbatim",
        "quote:",
    ),
    (
        "figure outside its quote",
        "claims.0.figures.0.text",
        "868",
        "not found verbatim",
        "- text: '868'",
    ),
    (
        "unknown unit by hand",
        "claims.0.figures.0.unit",
        "usd",
        "parses to 'percent'",
        "- text: 2.7%",
    ),
    (
        "hand value disagrees",
        "claims.0.figures.0.value",
        27.0,
        "given by hand as 27.0",
        "- text: 2.7%",
    ),
    (
        "unknown dimension",
        "claims.0.dimension",
        "vibes",
        "dimension 'vibes' is not in the vocabulary",
        "dimension: vibes",
    ),
    (
        "unknown stance",
        "claims.0.stance",
        "hopeful",
        "stance 'hopeful' is not in the vocabulary",
        "stance: hopeful",
    ),
    ("unknown direction", "claims.0.direction", "sideways", "direction 'sideways'", "direction:"),
    (
        "unknown entity",
        "claims.0.figures.0.entity",
        "Atlantis",
        "'Atlantis' is not a known entity",
        "- text: 2.7%",
    ),
    (
        "undeclared voice",
        "claims.0.voice",
        "nobody",
        "voice 'nobody' is not declared",
        "- key: gap",
    ),
    (
        "unparseable figure",
        "claims.0.figures.0.text",
        "AI models",
        "cannot parse figure",
        "- text: AI models",
    ),
    (
        "interpretation without reason",
        "claims.0.figures.0.interpretation",
        "percentage points",
        "interpretation without a reason",
        "- text: 2.7%",
    ),
    (
        "unknown fact",
        "claims.0.figures.0.fact",
        "no-such-fact",
        "'no-such-fact' is not in facts.yaml",
        "- text: 2.7%",
    ),
    ("missing metric", "claims.0.figures.0.metric", _DELETE, "lacks 'metric'", "- text: 2.7%"),
    (
        "exclusion context missing",
        "exclusions.0.context",
        "At the 2027 Forum",
        "not found verbatim",
        "context: At the 2027 Forum",
    ),
    (
        "exclusion without reason",
        "exclusions.0.reason",
        _DELETE,
        "lacks 'reason'",
        "- text: '2026'",
    ),
    ("wrong source id", "source_id", "elsewhere", "does not match the file name", None),
    (
        "stance unjustified",
        "voices.0.stance",
        "skeptic",
        "is 'skeptic' but none of its claims",
        "- key: zheng-jun",
    ),
    ("bad voice kind", "voices.0.kind", "robot", "voice kind 'robot'", "- key: zheng-jun"),
]


@pytest.mark.parametrize(
    ("rule", "path", "value", "message", "line_fragment"), BAD, ids=[b[0] for b in BAD]
)
def test_each_rule_names_file_line_and_problem(project, rule, path, value, message, line_fragment):
    doc = _mutate(path, value)(copy.deepcopy(VALID))
    _write(project, doc)
    with pytest.raises(AnnotationError) as err:
        validate(project)
    text = str(err.value)
    assert message in text, text
    assert f"{SOURCE}.yaml" in text
    if line_fragment is not None:
        assert f"{SOURCE}.yaml:{_line_of(project, line_fragment)}:" in text, text


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("- just a list\n", "the file is not a YAML mapping"),
        (f"source_id: {SOURCE}\nclaims: not-a-list\n", "'claims' must be a list"),
        (f"source_id: {SOURCE}\nvoices:\n  - zheng-jun\n", "every entry under 'voices' must be"),
        (f"source_id: {SOURCE}\nclaims:\n  - key: x\n    figures: 2.7%\n", "'figures' must be"),
    ],
)
def test_a_malformed_file_is_reported_not_crashed_on(project, doc, message):
    _write(project, {})
    project.annotation_file(SOURCE).write_text(doc)
    with pytest.raises(AnnotationError) as err:
        validate(project)
    assert message in str(err.value)
    assert f"{SOURCE}.yaml:" in str(err.value)


def test_an_ambiguous_quote_asks_for_an_occurrence(project):
    doc = copy.deepcopy(VALID)
    doc["claims"][0]["quote"] = "AI Model Gap Narrowed to 2.7%"
    doc["claims"][0]["figures"] = []
    _write(project, doc)
    with pytest.raises(AnnotationError, match="ambiguous.*occurrence"):
        validate(project)


def test_a_quote_across_segments_is_refused(project):
    doc = copy.deepcopy(VALID)
    doc["claims"][0]["quote"] = "IT Home | 2026/05/27\nAt the 2026 Phoenix"
    doc["claims"][0]["figures"] = []
    _write(project, doc)
    with pytest.raises(AnnotationError, match="crosses segments"):
        validate(project)


def test_check_exits_non_zero_and_writes_nothing(project, capsys):
    doc = _mutate("claims.0.dimension", "vibes")(copy.deepcopy(VALID))
    _write(project, doc)

    def written() -> list:
        # The scratch folder is the checks' own: they keep per-source results there.
        scratch = project.scratch
        return sorted(p for p in project.root.rglob("*") if scratch not in (p, *p.parents))

    before = written()
    assert run_check(project) == 1
    assert written() == before
    assert "vibes" in capsys.readouterr().out


def test_check_refuses_open_mentions_with_file_and_line(project, capsys):
    _write(project, VALID)
    assert run_check(project) == 1
    out = capsys.readouterr().out
    assert "ithome-zheng-2026.txt:15: open mention '868'" in out
    assert "coverage of numeric mentions in body text" in out
    # each open mention shows what the normaliser makes of it: a reading, a refusal, a year
    report = out[out.index("open mentions") :]
    assert "ithome-zheng-2026.txt:15: '868' -> count 868 count (exact)" in report
    assert "-> excluded: a year, not a quantity" in report
    assert all(" -> " in line for line in report.splitlines()[1:] if line.strip())


@pytest.mark.parametrize(
    ("text", "lead", "rest"),
    [
        ("spend $564 billion", "spend", "$564 billion"),
        ("plans to spend over $5 billion", "plans to spend", "over $5 billion"),
    ],
)
def test_a_figure_quoted_from_a_word_the_normaliser_does_not_read_names_where_to_start(
    project, text, lead, rest
):
    """A new user quoted "spend $564 billion" as the advice to quote a verb suggested: the
    advice names the words that cannot lead a quote and the words that read."""
    doc = copy.deepcopy(VALID)
    doc["claims"][0]["figures"][0]["text"] = text
    _write(project, doc)
    corpus = inspect_corpus(project, require_complete=False)
    (problem,) = [p for p in corpus.problems if "cannot parse figure" in p.message]
    assert f"{lead!r} before the number is not read" in problem.hint, problem.hint
    assert f"quote {rest!r}" in problem.hint, problem.hint


def test_a_figure_with_no_number_to_read_is_told_what_a_quote_may_hold(project):
    doc = copy.deepcopy(VALID)
    doc["claims"][0]["figures"][0]["text"] = "AI models"
    _write(project, doc)
    corpus = inspect_corpus(project, require_complete=False)
    (problem,) = [p for p in corpus.problems if "cannot parse figure" in p.message]
    assert "verb of change or of passing" in problem.hint and "'rose'" in problem.hint
    assert "verb beside the number" not in problem.hint


def test_a_hand_checked_unit_outside_the_vocabulary_lists_the_allowed_values(project):
    doc = copy.deepcopy(VALID)
    doc["claims"][0]["figures"][0]["unit"] = "usd/kwh"
    _write(project, doc)
    corpus = inspect_corpus(project, require_complete=False)
    (problem,) = [p for p in corpus.problems if "allowed values" in p.message]
    assert "figure unit 'usd/kwh' is not one of the allowed values" in problem.message
    assert "usd_per_kwh" in problem.hint and "percentage_point" in problem.hint
    assert problem.line == _line_of(project, "unit: usd/kwh")


@pytest.mark.parametrize(
    ("words", "levels"),
    [
        # hk-agi-next-2026 reports the two levels and quotes them as two figures
        ("from a miniscule 1.2% in late 2024 to as much as nearly 30%", "'as much as nearly 30%'"),
        ("from 1.2% in late 2024 to as much as nearly 30%", "'1.2% in late 2024'"),
    ],
)
def test_a_hand_quoted_change_from_one_level_to_another_asks_for_the_two_levels(
    project, words, levels
):
    """The draft gives "from X to Y" as two levels and leaves the change to derived.yaml; a
    figure quoted by hand as the whole "from X to Y" is refused with the same rule, never
    stored as the change (a number the text does not contain)."""
    path = project.annotation_file("hk-agi-next-2026")
    text = path.read_text(encoding="utf-8")
    old = "      - text: 1.2%\n        entity: China\n        metric: Chinese open models"
    assert old in text
    path.write_text(text.replace(old, old.replace("1.2%", words), 1), encoding="utf-8")
    corpus = inspect_corpus(project, require_complete=False)
    (problem,) = [p for p in corpus.problems if "from X to Y" in p.message]
    assert f"{words!r} is a change 'from X to Y'" in problem.message
    assert levels in problem.message
    assert "two figures" in problem.hint and "derived.yaml" in problem.hint
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].strip() == f"- text: {words}"


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("facts.yaml", "tolerance_pct:", "tolerence_pct:", "did you mean 'tolerance_pct'?"),
        ("derived.yaml", "\n    operation: ratio", "\n    operation: quotient", "quotient"),
        ("derived.yaml", "denominator:", "denominatr:", "did you mean 'denominator'?"),
    ],
)
def test_check_reads_the_cross_source_files_too(project, name, old, new, message):
    path = project.annotations / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(AnnotationError) as err:
        validate(project)
    assert f"{name}:" in str(err.value)
    assert message in str(err.value)


def test_a_misspelt_key_is_refused_not_ignored(project):
    doc = copy.deepcopy(VALID)
    doc["claims"][0]["figures"][0]["counterprt"] = doc["claims"][0]["figures"][0].pop("counterpart")
    _write(project, doc)
    with pytest.raises(AnnotationError) as err:
        validate(project)
    assert "unknown key 'counterprt' (did you mean 'counterpart'?)" in str(err.value)
    assert f"{SOURCE}.yaml:{_line_of(project, 'counterprt:')}:" in str(err.value)


# --- rules for units as meant, restatements, not-claims, inferred affiliations, facts ---------

DATA_RULES = [
    (
        "undeclared reinterpretation",
        "claims.0.figures.0.unit_as_meant",
        "fold",
        "unit_as_meant 'fold' for words read in 'percent' is not a declared reinterpretation",
    ),
    (
        "reinterpretation without reason",
        "claims.0.figures.0.unit_as_meant",
        "percentage_point",
        "unit_as_meant without a reason",
    ),
    (
        "restates a later or unknown figure",
        "claims.0.figures.0.restates",
        "gap/1",
        "restates 'gap/1', which is not an earlier figure",
    ),
    (
        "inferred affiliation without a reason",
        "voices.0.affiliation_inferred",
        "",
        "affiliation_inferred must give the reason",
    ),
    (
        "not-claim overlapping a claim",
        "not_claims",
        [{"quote": "lags behind that of the United States", "reason": "r"}],
        "not-claim overlaps claim 'gap'",
    ),
    (
        "not-claim without reason",
        "not_claims",
        [{"quote": "Surge in Usage Since February", "reason": ""}],
        "not-claim without a reason",
    ),
]


@pytest.mark.parametrize(
    ("rule", "path", "value", "message"), DATA_RULES, ids=[r[0] for r in DATA_RULES]
)
def test_each_data_rule_is_refused_with_its_file(project, rule, path, value, message):
    doc = _mutate(path, value)(copy.deepcopy(VALID))
    _write(project, doc)
    with pytest.raises(AnnotationError) as err:
        validate(project)
    assert message in str(err.value)
    assert f"{SOURCE}.yaml" in str(err.value)


def test_a_declared_reinterpretation_with_its_reason_passes(project):
    doc = copy.deepcopy(VALID)
    doc["claims"][0]["figures"][0]["unit_as_meant"] = "percentage_point"
    doc["claims"][0]["figures"][0]["interpretation_note"] = "a difference of two scores"
    _write(project, doc)
    parsed = validate(project, require_complete=False).parsed
    assert parsed[f"{SOURCE}/gap/1"].unit == "percent"


def test_a_fact_reported_by_one_source_is_refused(project):
    doc = copy.deepcopy(VALID)
    doc["claims"][0]["figures"][0]["fact"] = "lone"
    _write(project, doc)
    (project.annotations / "facts.yaml").write_text(
        "facts:\n  - fact_id: lone\n    description: d\n    unit: percent\n    tolerance_pct: 0\n"
    )
    with pytest.raises(AnnotationError, match="facts.yaml:2: fact 'lone' is reported by 1"):
        validate(project)


def test_a_disagreement_within_one_source_is_refused(project):
    _write(project, VALID)
    (project.annotations / "disagreements.yaml").write_text(
        "disagreements:\n  - disagreement_id: d\n    kind: divergence\n    dimension: policy\n"
        f"    question: q\n    period: p\n    what_differs: w\n    sides:\n"
        f"      - report: {SOURCE}/gap\n"
        f"        position: p\n      - report: {SOURCE}/gap/1\n        position: p\n"
    )
    with pytest.raises(AnnotationError, match="d: sides come from 1 source"):
        validate(project)


def _line_in(path, text: str) -> int:
    return next(n for n, row in enumerate(path.read_text().splitlines(), start=1) if text in row)


def test_a_voice_citing_itself_is_refused_with_its_line(project):
    path = project.annotation_file("bloomberg-repost-2026")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    stance: optimist\n", "    stance: optimist\n    cites: bloomberg\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        validate(project)
    line = _line_in(path, "- key: bloomberg")
    assert (
        f"bloomberg-repost-2026.yaml:{line}: voice 'bloomberg' cites 'bloomberg': citations go "
        "round in a circle" in str(err.value)
    )


def test_two_voices_citing_each_other_are_refused(project):
    path = project.annotation_file("hk-agi-next-2026")
    text = path.read_text(encoding="utf-8")
    key = re.search(r"- key: (\S+)", text).group(1)
    lines = text.splitlines(keepends=True)
    at = _line_in(path, "- key: openrouter")
    lines.insert(at, f"    cites: {key}\n")
    first = _line_in(path, f"- key: {key}")
    lines.insert(first, "    cites: openrouter\n")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match="citations go round in a circle"):
        validate(project)


def test_a_publication_date_in_the_future_is_refused_with_its_line(project):
    text = project.sources_file.read_text()
    project.sources_file.write_text(
        text.replace('published: "2026-05-27"', 'published: "2099-05-27"')
    )
    line = _line_in(project.sources_file, 'published: "2099-05-27"')
    with pytest.raises(
        InputError, match=rf"sources.yaml:{line}: .*published '2099-05-27' is in the future"
    ):
        validate(project)


# ---- a year: excluded, or given as the period of the figure it dates ------------------------

YEAR_EXCLUSION = (
    '  - text: "2024"\n'
    '    context: "narrowed to just 0.3% in 2024"\n'
    "    reason: time of the later MMLU gap; recorded as the period of the 0.3% figure\n"
)
YEAR_PERIOD = '        period: "2024"\n        period_precision: year\n'
DATED = "undated-narrowing/outlet-mmlu-gap/2"


@pytest.mark.parametrize(
    "excluded, period, status, reason",
    [
        # the exclusion, as written: its reason is kept
        (True, '"2024"', "excluded", "time of the later MMLU gap"),
        # no exclusion: the year is the period of the 0.3% figure in the same quote
        (False, '"2024"', "excluded", f"a year, not a quantity: the period of figure {DATED}"),
        (False, "end of 2024", "excluded", f"a year, not a quantity: the period of figure {DATED}"),
        # an exclusion covers it whatever the period says
        (True, "the latest year", "excluded", "time of the later MMLU gap"),
        # neither: the figure's period does not name the year, so the year is open
        (False, "the latest year", "open", None),
        (False, '"2023"', "open", None),
        (False, '"12024"', "open", None),  # another number that holds the year's digits
    ],
)
def test_a_year_is_covered_by_its_exclusion_or_by_the_period_of_the_figure_it_dates(
    project, excluded, period, status, reason
):
    path = project.annotation_file("undated-narrowing")
    text = path.read_text(encoding="utf-8")
    assert text.count(YEAR_EXCLUSION) == 1
    at = text.index("  - text: just 0.3%")
    assert text.index(YEAR_PERIOD, at) < text.index("\n  - key:", at)  # the 0.3% figure's
    new_period = f"        period: {period}\n        period_precision: year\n"
    text = text[:at] + text[at:].replace(YEAR_PERIOD, new_period, 1)
    if not excluded:
        text = text.replace(YEAR_EXCLUSION, "")
    path.write_text(text, encoding="utf-8")
    corpus = inspect_corpus(project)
    raw = corpus.sources["undated-narrowing"].text
    where = raw.index("narrowed to just 0.3% in 2024") + len("narrowed to just 0.3% in ")
    (year,) = [
        m
        for m in corpus.mentions
        if m.source_id == "undated-narrowing" and m.mention.number_span == (where, where + 4)
    ]
    assert year.status == status
    assert (year.exclusion_reason or "").startswith(reason or "")
    assert (year.exclusion_reason is None) == (reason is None)
    opened = [p for p in corpus.problems if "open mention '2024'" in p.message]
    assert len(opened) == (status == "open")
    # an open year says both ways to cover it
    assert all(
        "or quote it in a claim whose figure gives it as its period" in p.hint for p in opened
    )


@pytest.mark.parametrize(
    ("period", "refused"),
    [
        ('"2023"', True),  # 2024 against 2023: refused
        ('"late 2024"', False),  # one year: kept
        ("over the next three years", False),  # cannot be placed: not compared
    ],
)
def test_check_refuses_a_ratio_of_two_entities_in_different_years_as_tables_does(
    project, period, refused
):
    """Only `tables` refused it before (TableError naming the derived.yaml line); `check`
    says the same, through the same function, at the measure's line of derived.yaml."""
    path = project.annotation_file("undated-narrowing")
    text = path.read_text(encoding="utf-8")
    written = '        period: "2024"\n'
    end = text.index(written, text.index("      - text: $9.3 billion\n"))
    text = text[:end] + f"        period: {period}\n" + text[end + len(written) :]
    path.write_text(text, encoding="utf-8")
    corpus = inspect_corpus(project)
    found = [p for p in corpus.problems if "side by side at one time" in p.message]
    if not refused:
        assert found == []
        return
    (problem,) = found
    derived = (project.annotations / "derived.yaml").read_text(encoding="utf-8").splitlines()
    assert derived[problem.line - 1].strip() == "- measure_id: us-china-private-investment-ratio"
    assert str(problem).endswith(
        f"derived.yaml:{problem.line}: measure 'us-china-private-investment-ratio' (derived.yaml"
        f" line {problem.line}): a ratio sets two things side by side at one time, but the"
        " periods are 2024 ('2024') and 2023 ('2023') (use operation: change for one quantity"
        " over time)"
    )


_OPENROUTER = "Chinese open models' share of tokens routed through OpenRouter (peak week)"


@pytest.mark.parametrize(
    ("words", "hand"),
    [
        ("nearly 30%", ""),  # loses "as much as": an upper bound read as about 30
        ("30%", "        unit: percent\n"),  # a hand unit does not cover the bound it loses
        ("30%", "        value: 30.0\n        unit: percent\n"),
    ],
)
def test_a_figure_quoted_with_fewer_words_than_its_sentence_needs_is_refused(project, words, hand):
    """A figure must read as its sentence reads it: "30%" of "as much as nearly 30%" loses
    the bound its words set, whatever hand values agree with the shorter words."""
    path = project.annotation_file("hk-agi-next-2026")
    text = path.read_text(encoding="utf-8")
    old = (
        f"      - text: as much as nearly 30%\n        entity: China\n        metric: {_OPENROUTER}"
        "\n        value: 30.0\n        high: 30.0\n        unit: percent\n"
        "        qualifier: as much as nearly\n"
    )
    assert old in text
    shorter = f"      - text: {words}\n        entity: China\n        metric: {_OPENROUTER}\n"
    path.write_text(text.replace(old, shorter + hand, 1), encoding="utf-8")
    corpus = inspect_corpus(project, require_complete=False)
    (problem,) = [p for p in corpus.problems if "in its sentence" in p.message]
    assert f"{words!r} is read from its own words" in problem.message
    assert "'as much as nearly 30%' reads as" in problem.message
    assert "'as much as nearly 30%' at least" in problem.hint
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line.strip() == f"- text: {words}"


def test_a_figure_the_sentence_refuses_passes_only_with_its_number_given_by_hand(project):
    """A horizon the drafts refuse as a period ("within the next three to five years") is
    annotated as a duration with its ends given by hand: the annotator's reading."""
    corpus = inspect_corpus(project, require_complete=False)
    assert not [p for p in corpus.problems if "in its sentence" in p.message]
    path = project.annotation_file("hk-agi-next-2026")
    text = path.read_text(encoding="utf-8")
    old = "        low: 3.0\n        high: 5.0\n"
    assert old in text
    path.write_text(text.replace(old, "", 1), encoding="utf-8")
    corpus = inspect_corpus(project, require_complete=False)
    (problem,) = [p for p in corpus.problems if "in its sentence" in p.message]
    assert "'three to five years'" in problem.message and "the draft refuses" in problem.message
