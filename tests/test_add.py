"""`gapstudy add` and the corpus gate: a new text enters as a draft that `check` refuses until a
researcher confirms it; whatever a later stage would refuse, `check` refuses first."""

from __future__ import annotations

import hashlib

import nbformat
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gapstudy.add import (
    DRAFT_KEYS,
    DRAFT_READING_FIELDS,
    add_source,
    date_precision_of,
    draft_reading,
    guess_segments,
    redraft,
    replace_drafts,
    sentence_breaks,
)
from gapstudy.check import inspect_corpus, own_voice_key, own_voice_origin, run_check, validate
from gapstudy.cli import main
from gapstudy.exceptions import AnnotationError, InputError, SourceError
from gapstudy.mentions import find_mentions
from gapstudy.sources import Source, load_sources
from gapstudy.vocab import YEAR_REASON

# A blank first line, a headline, a byline, a heading and body text with three numbers.
ARTICLE = (
    "\n"
    "Chip Gap Holds Steady\n"
    "Example Wire | 2026-04-14\n"
    "Investment in US AI reached $109.1 billion in 2024, said the report. China drew 12 deals.\n"
    "Outlook\n"
    "Analysts give China a one-in-five chance of closing the gap.\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "incoming" / "chip-gap.txt"
    path.parent.mkdir()
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def test_add_copies_the_text_and_appends_a_loadable_entry(project, article):
    before = project.sources_file.read_text(encoding="utf-8")
    add_source(
        article, "chip-gap-2026", outlet="Example Wire", published="2026-04-14", paths=project
    )
    assert (project.raw / "chip-gap-2026.txt").read_bytes() == article.read_bytes()
    after = project.sources_file.read_text(encoding="utf-8")
    assert after.startswith(before)  # the other entries are left exactly as they were
    assert "    file: chip-gap-2026.txt\n" in after
    assert '    published: "2026-04-14"\n' in after  # quoted, or YAML would read a date
    source = load_sources(project)["chip-gap-2026"]
    assert source.meta["sha256"] == hashlib.sha256(article.read_bytes()).hexdigest()
    assert source.meta["original_name"] == "chip-gap.txt"
    assert source.meta["date_precision"] == "day"
    assert source.meta["outlet"] == "Example Wire"
    assert [(s.kind, s.line_start, s.line_end) for s in source.segments] == [
        ("headline", 1, 2),
        ("byline", 3, 3),
        ("body", 4, 4),
        ("heading", 5, 5),
        ("body", 6, 6),
    ]


def test_add_drafts_one_entry_per_body_mention_with_reading_or_refusal(project, article):
    added = add_source(article, "chip-gap-2026", paths=project)
    doc = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))
    drafts = {d["text"]: d for d in doc["drafts"]}
    assert set(drafts) == {"$109.1 billion", "2024", "12", "one-in-five"}
    assert all(d["draft"] is True for d in drafts.values())
    assert all(set(d) <= set(DRAFT_KEYS) for d in drafts.values())
    assert set(doc) == {"source_id", "voices", "claims", "exclusions", "drafts"}
    money = drafts["$109.1 billion"]
    assert (money["line"], money["unit"], money["value"]) == (4, "usd", pytest.approx(109.1e9))
    assert (
        money["context"] == "Investment in US AI reached $109.1 billion in 2024, said the report."
    )
    assert drafts["one-in-five"]["unit"] == "percent"
    assert drafts["12"]["context"] == "China drew 12 deals."
    assert doc["voices"] == doc["claims"] == doc["exclusions"] == []
    # the byline date is not body text, so it is not drafted
    assert "2026-04-14" not in drafts


def test_check_refuses_each_draft_with_file_and_line(project, article, capsys):
    add_source(article, "chip-gap-2026", paths=project)
    assert run_check(project) == 1
    out = capsys.readouterr().out
    assert out.count("is not confirmed") == 4
    assert "chip-gap-2026.yaml:" in out
    assert "draft entry '12' (text line 4) is not confirmed" in out
    with pytest.raises(AnnotationError):
        validate(project)


def test_add_drafts_the_source_quality_fields_empty_and_check_asks_for_them(
    project, article, capsys
):
    add_source(article, "chip-gap-2026", paths=project)
    text = project.sources_file.read_text(encoding="utf-8")
    entry = text[text.index("  - source_id: chip-gap-2026") :]
    assert "    kind: null\n    event: []\n    reliability_note: null\n" in entry
    meta = load_sources(project)["chip-gap-2026"].meta
    assert (meta["kind"], meta["event"], meta["reliability_note"]) == (None, [], None)
    rows = text.splitlines()
    # the other entries give both fields, so the drafted entry's lines are the only matches
    kind_line = rows.index("    kind: null") + 1
    event_line = rows.index("    event: []") + 1
    assert run_check(project) == 1
    out = capsys.readouterr().out
    assert f"sources.yaml:{kind_line}: chip-gap-2026: kind is required" in out
    assert f"sources.yaml:{event_line}: chip-gap-2026: event is empty" in out


def _fill_source_quality(project, source_id: str) -> None:
    """Give the fields `gapstudy add` drafts empty, as a researcher would."""
    text = project.sources_file.read_text(encoding="utf-8")
    head, entry = text.split(f"  - source_id: {source_id}\n")
    entry = entry.replace("    kind: null\n", "    kind: original_report\n", 1)
    entry = entry.replace("    event: []\n", "    event: [example-briefing-2026]\n", 1)
    project.sources_file.write_text(f"{head}  - source_id: {source_id}\n{entry}", encoding="utf-8")


def test_confirmed_drafts_pass_the_gate(project, article):
    """Drafts turned into a claim with a figure and into exclusions: the source is complete."""
    added = add_source(article, "chip-gap-2026", outlet="Example Wire", paths=project)
    _fill_source_quality(project, "chip-gap-2026")
    doc = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))
    drafts = {d["text"]: d for d in doc.pop("drafts")}
    money = drafts["$109.1 billion"]
    doc["voices"] = [
        {"key": "example-wire", "name": "Example Wire", "kind": "outlet", "stance": "neutral"}
    ]
    doc["claims"] = [
        {
            "key": "us-investment",
            "voice": "example-wire",
            "quote": money["context"],
            "dimension": "capital_and_investment",
            "direction": "us_ahead",
            "stance": "neutral",
            "figures": [
                {
                    "text": money["text"],
                    "entity": "US",
                    "metric": "private AI investment",
                    "period": "2024",
                    "period_precision": "year",
                    "value": money["value"],
                    "unit": money["unit"],
                }
            ],
        }
    ]
    doc["exclusions"] = [
        {"text": d["text"], "context": d["context"], "reason": "example exclusion"}
        for d in (drafts["2024"], drafts["12"], drafts["one-in-five"])
    ]
    added.annotation_file.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    corpus = validate(project)
    assert corpus.coverage()["chip-gap-2026"] == (4, 4)
    assert corpus.parsed["chip-gap-2026/us-investment/1"].value == pytest.approx(109.1e9)


def test_add_refuses_an_id_in_use_and_a_text_already_in_the_corpus(project, article):
    with pytest.raises(InputError, match="source id 'undated-narrowing' is in use"):
        add_source(article, "undated-narrowing", paths=project)
    copy = article.with_name("same-bytes.txt")
    copy.write_bytes((project.raw / "undated-narrowing.txt").read_bytes())
    with pytest.raises(InputError, match="in the corpus already as 'undated-narrowing'"):
        add_source(copy, "another-id", paths=project)
    with pytest.raises(InputError, match="not a slug"):
        add_source(article, "Not A Slug", paths=project)
    with pytest.raises(InputError, match="not YYYY-MM-DD"):
        add_source(article, "chip-gap-2026", published="14/04/2026", paths=project)
    assert not (project.raw / "another-id.txt").exists()
    assert not (project.raw / "chip-gap-2026.txt").exists()


def test_the_command_line_adds_and_refuses(project, article, capsys):
    args = ["--root", str(project.root), "add", str(article), "--id", "chip-gap-2026"]
    assert main([*args, "--date", "2026-04", "--title", "Chip Gap Holds Steady"]) == 0
    assert "4 numeric mention(s)" in capsys.readouterr().out
    assert load_sources(project)["chip-gap-2026"].meta["date_precision"] == "month"
    assert main(args) == 1
    assert "is in use" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("published", "precision"),
    [(None, "unknown"), ("2026", "year"), ("2026-04", "month"), ("2026-04-14", "day")],
)
def test_date_precision_follows_the_date_as_written(published, precision):
    assert date_precision_of(published) == precision


@pytest.mark.parametrize(
    "text",
    ["\n", "one line", "\n\nTitle\n\nBody text that runs on.\n\n", "a\r\nb\r\n", "x\n\n\n"],
)
def test_guessed_segments_cover_every_line_once(text, tmp_path):
    segments = guess_segments(text)
    lines = [n for s in segments for n in range(s["lines"][0], s["lines"][1] + 1)]
    source = Source("x", tmp_path / "x.txt", {"segments": segments}, text)
    assert lines == list(range(1, source.n_lines + 1))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["", "  ", "Title", "A sentence.", "- item", "x" * 90]), max_size=12)
)
def test_guessed_segments_partition_any_text(lines):
    text = "\n".join(lines) + "\n"
    segments = guess_segments(text)
    covered = [n for s in segments for n in range(s["lines"][0], s["lines"][1] + 1)]
    assert covered == list(range(1, text.count("\n") + 1))
    assert all(a["kind"] != b["kind"] for a, b in zip(segments, segments[1:], strict=False))


def test_add_refuses_an_empty_text(project, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="the text is empty"):
        add_source(empty, "empty-2026", paths=project)


# --- the gate: what a later stage would refuse, check refuses first, with file and line ---------


def test_an_unlisted_raw_file_is_an_error_naming_it(project):
    (project.raw / "stray.txt").write_text("A text nobody listed.\n")
    with pytest.raises(SourceError) as err:
        validate(project)
    assert "stray.txt" in str(err.value)
    assert "gapstudy add" in str(err.value)


def test_a_required_source_field_left_null_is_refused_with_its_line(project):
    text = project.sources_file.read_text()
    project.sources_file.write_text(
        text.replace("original_name: 000_f1bb2a2e65d891ab.txt", "original_name: null")
    )
    line = next(
        n
        for n, row in enumerate(project.sources_file.read_text().splitlines(), start=1)
        if "original_name: null" in row
    )
    with pytest.raises(InputError) as err:
        validate(project)
    message = str(err.value)
    assert f"sources.yaml:{line}:" in message
    assert "'original_name' is null but must be text" in message


def test_a_published_date_that_does_not_match_its_precision_is_refused(project):
    text = project.sources_file.read_text()
    project.sources_file.write_text(text.replace('published: "2026-05-27"', 'published: "2026"'))
    with pytest.raises(AnnotationError, match="does not match date_precision 'day'"):
        validate(project)


def test_a_derived_measure_across_two_sources_is_refused(project):
    path = project.annotations / "derived.yaml"
    doc = yaml.safe_load(path.read_text())
    measure = doc["measures"][0]
    source_id = measure["numerator"].split("/")[0]
    parsed = validate(project).parsed
    other = next(f for f, p in parsed.items() if not f.startswith(source_id) and p.value)
    measure["denominator"] = other
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(AnnotationError, match="come from two sources") as err:
        validate(project)
    assert "derived.yaml:" in str(err.value)


def test_a_voice_key_spelled_two_ways_across_files_is_refused(project):
    path = project.annotation_file("hk-agi-next-2026")
    text = path.read_text()
    assert "name: Justin Lin" in text
    path.write_text(text.replace("name: Justin Lin", "name: Lin Junyang", 1))
    with pytest.raises(AnnotationError) as err:
        validate(project)
    message = str(err.value)
    assert "voice 'justin-lin' has name" in message
    assert "hk-agi-next-2026.yaml:" in message


def test_a_source_with_no_annotations_fails_on_its_open_mentions(project):
    project.annotation_file("ithome-zheng-2026").unlink()
    corpus = inspect_corpus(project)
    done, total = corpus.coverage()["ithome-zheng-2026"]
    assert done == 0 and total > 0
    opened = [p for p in corpus.problems if "open mention" in p.message]
    assert len(opened) == total
    assert all(p.line for p in opened)


def test_a_figure_in_another_unit_than_its_fact_is_refused(project):
    facts = project.annotations / "facts.yaml"
    doc = yaml.safe_load(facts.read_text())
    fact = next(f for f in doc["facts"] if f["fact_id"] == "zhipu-ipo-proceeds")
    fact["unit"] = "percent"
    facts.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(AnnotationError, match="fact 'zhipu-ipo-proceeds' is in 'percent'"):
        validate(project)


def test_a_broken_sources_file_still_names_unlisted_raw_files(project):
    (project.raw / "stray.txt").write_text("x\n")
    (project.raw / "undated-narrowing.txt").unlink()
    with pytest.raises(SourceError) as err:
        validate(project)
    assert "stray.txt" in str(err.value)


@pytest.mark.parametrize(
    "outlet, original, key, field",
    [
        ("IT Home", None, "it-home", "outlet"),
        (None, "Bloomberg", "bloomberg", "original_outlet"),
        # a repost whose reposting site is named speaks in the original's voice, as the guide says
        ("newswire.com.pk", "China Economic Net", "china-economic-net", "original_outlet"),
        (None, None, "author-x-2026", None),
        ("!!!", None, "author-x-2026", None),  # no letters or digits: no slug
    ],
)
def test_own_voice_key_is_the_original_outlet_else_the_outlet(outlet, original, key, field):
    meta = {"source_id": "x-2026", "outlet": outlet, "original_outlet": original}
    assert own_voice_key(meta) == key
    assert own_voice_origin(meta)[:2] == (key, field)


def test_a_source_speaking_under_another_key_is_refused(project):
    path = project.annotation_file("ithome-zheng-2026")
    path.write_text(path.read_text().replace("it-home", "ithome"))
    with pytest.raises(AnnotationError) as err:
        validate(project)
    assert (
        "must be one voice keyed 'it-home' (the slug of original_outlet 'IT Home' in "
        "data/sources.yaml); found 'ithome'" in str(err.value)
    )


def test_a_repost_keyed_by_its_reposting_site_is_refused_naming_the_field(project):
    """A repost on a named site keeps the original's voice: keyed by the reposting site, check
    says which field the key comes from."""
    text = project.sources_file.read_text(encoding="utf-8")
    entry = text.index("source_id: ithome-zheng-2026")
    at = text.index("outlet: null", entry)
    project.sources_file.write_text(
        text[:at] + "outlet: newswire.com.pk" + text[at + len("outlet: null") :], encoding="utf-8"
    )
    validate(project)  # still keyed it-home: passes
    path = project.annotation_file("ithome-zheng-2026")
    path.write_text(path.read_text().replace("it-home", "newswire-com-pk"))
    with pytest.raises(AnnotationError) as err:
        validate(project)
    assert "keyed 'it-home' (the slug of original_outlet 'IT Home'" in str(err.value)
    assert "found 'newswire-com-pk'" in str(err.value)


def test_a_broken_run_list_is_refused_by_check(project, capsys):
    project.notebooks.mkdir()
    project.runs_file.write_text("runs:\n  - {name: x, notebook: missing.ipynb}\n")
    assert run_check(project) == 1
    assert "notebook 'missing.ipynb' not found" in capsys.readouterr().out


def test_a_run_naming_a_source_that_is_gone_is_refused_by_check(project, capsys):
    project.notebooks.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), project.notebooks / "nb.ipynb")
    project.runs_file.write_text(
        "runs:\n  - {name: x, notebook: nb.ipynb, parameters: {sources: [gone-2025]}}\n"
        "  - {name: y, notebook: nb.ipynb, parameters: {as_of: 31/01/2026}}\n"
    )
    assert run_check(project) == 1
    out = capsys.readouterr().out
    assert "run 'x': unknown source id(s) ['gone-2025']" in out
    assert "run 'y': as_of '31/01/2026' is not an ISO date" in out


@pytest.mark.parametrize("name", ["stray.txt", "chip-gap-2026.txt"])
def test_add_takes_in_a_text_left_in_data_raw(project, name, capsys):
    stray = project.raw / name
    stray.write_bytes(ARTICLE.encode("utf-8"))
    assert run_check(project) == 1
    assert f"run `gapstudy add data/raw/{name} --id SOURCE_ID`" in capsys.readouterr().out
    added = add_source(stray, "chip-gap-2026", paths=project)
    assert added.raw_file.read_bytes() == ARTICLE.encode("utf-8")
    assert sorted(p.name for p in project.raw.glob("chip-gap*")) == ["chip-gap-2026.txt"]
    assert not (project.raw / "stray.txt").exists()
    assert load_sources(project)["chip-gap-2026"].meta["original_name"] == name


def test_a_draft_context_holds_its_words_once(project, tmp_path):
    path = tmp_path / "twice.txt"
    path.write_text(
        "Title\nIn 2024 it grew 2 percent, and in 2025 it grew 2 percent again.\n", encoding="utf-8"
    )
    added = add_source(path, "twice-2026", paths=project)
    drafts = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))["drafts"]
    contexts = [(d["text"], d["context"]) for d in drafts]
    assert contexts == [
        ("2024", "In 2024 it grew 2 percent, and in 2025 it grew 2 percent again."),
        ("grew 2 percent", "grew 2 percent, and in 2025"),
        ("2025", "In 2024 it grew 2 percent, and in 2025 it grew 2 percent again."),
        ("grew 2 percent", "and in 2025 it grew 2 percent"),
    ]
    # the years come with their reason, the changes with their reading
    assert [d.get("reason") for d in drafts] == [YEAR_REASON, None, YEAR_REASON, None]
    assert [d.get("kind") for d in drafts] == [None, "change", None, "change"]
    # Each draft becomes an exclusion by keeping its text and context and giving a reason.
    doc = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))
    doc["exclusions"] = [
        {"text": d["text"], "context": d["context"], "reason": "test"}
        | ({"occurrence": d["occurrence"]} if "occurrence" in d else {})
        for d in doc.pop("drafts")
    ]
    added.annotation_file.write_text(yaml.safe_dump(doc), encoding="utf-8")
    corpus = inspect_corpus(project)
    assert corpus.coverage()["twice-2026"] == (4, 4)
    assert [p.message for p in corpus.problems if "twice-2026" in str(p.path)] == []


def _sentences(line: str) -> list[str]:
    cuts = [0] + [n for b in sentence_breaks(line) for n in b] + [len(line)]
    return [line[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2)]


@pytest.mark.parametrize(
    "line, sentences",
    [
        (  # an initialism inside a sentence, before lower case or a bracket
            "Top U.S. and Chinese models are level. The U.S. (40 models) leads Europe (3 models).",
            [
                "Top U.S. and Chinese models are level.",
                "The U.S. (40 models) leads Europe (3 models).",
            ],
        ),
        (  # an initialism before a capitalised name
            "The U.S. Commerce Department listed 140 firms. China protested.",
            ["The U.S. Commerce Department listed 140 firms.", "China protested."],
        ),
        (
            "Dr. Lin put the odds at 20%. Others disagree.",
            ["Dr. Lin put the odds at 20%.", "Others disagree."],
        ),
        (
            "Chips, e.g. the H20, fell 5%. I.e. sales halved. Then they rose.",
            ["Chips, e.g. the H20, fell 5%.", "I.e. sales halved.", "Then they rose."],
        ),
        (
            "China ranks No. 1 in patents. The U.S. is No. 2.",
            ["China ranks No. 1 in patents.", "The U.S. is No. 2."],
        ),
        (  # "no." that is not a number sign
            "The answer was no. 40 firms said yes.",
            ["The answer was no.", "40 firms said yes."],
        ),
        (
            "Costs fell 3.5 percent. Demand rose 2.5%.",
            ["Costs fell 3.5 percent.", "Demand rose 2.5%."],
        ),
        (
            "It raised $1.5 billion. Shares fell 0.3%.",
            ["It raised $1.5 billion.", "Shares fell 0.3%."],
        ),
        (
            "Nvidia Corp. said sales rose 5%. That is all.",
            ["Nvidia Corp. said sales rose 5%.", "That is all."],
        ),
        (
            "Released Jan. 5, the index rose 40%. Next.",
            ["Released Jan. 5, the index rose 40%.", "Next."],
        ),
        (
            "John F. Kennedy set a goal. It took 8 years.",
            ["John F. Kennedy set a goal.", "It took 8 years."],
        ),
        (
            'He said "it fell 5%." Then it rose. Really? Yes!',
            ['He said "it fell 5%."', "Then it rose.", "Really?", "Yes!"],
        ),
        ("Output rose by 2023. China's lead grew.", ["Output rose by 2023.", "China's lead grew."]),
        (  # kept whole by design: "U.K." leads into what follows (a missed break only lengthens)
            "Sales rose in the U.K. Prices fell 2%.",
            ["Sales rose in the U.K. Prices fell 2%."],
        ),
    ],
)
def test_a_draft_context_is_split_into_sentences_at_full_stops_not_abbreviations(line, sentences):
    assert _sentences(line) == sentences


def test_a_draft_context_keeps_its_sentence_whole_across_abbreviations(project, tmp_path):
    path = tmp_path / "models.txt"
    path.write_text(
        "Title\n"
        "Costs reached $100 million for some leading U.S. models. Chinese institutions produced "
        "15 models, second only to the U.S. (40 models).\n",
        encoding="utf-8",
    )
    added = add_source(path, "models-2026", paths=project)
    drafts = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))["drafts"]
    contexts = {d["text"]: d["context"] for d in drafts}
    assert contexts["$100 million"] == "Costs reached $100 million for some leading U.S. models."
    whole = "Chinese institutions produced 15 models, second only to the U.S. (40 models)."
    assert contexts["15"] == whole
    assert contexts["40"] == whole


def test_a_mention_the_normaliser_refuses_is_drafted_with_its_refusal(project, tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("Title\nThe plan needs 12 PFlops, the ministry said.\n", encoding="utf-8")
    added = add_source(path, "dated-2026", paths=project)
    assert added.n_refused == 1
    (draft,) = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))["drafts"]
    assert draft["text"] == "12 PFlops"
    assert "not one of the project's units" in draft["refusal"]
    assert "value" not in draft


def test_a_draft_keeps_a_share_s_whole_and_the_words_its_reading_used(project, tmp_path):
    path = tmp_path / "share.txt"
    path.write_text(
        "Title\nHuawei gained approximately 6% of the Chinese market. "
        "Its stock soaring 239% in 2023 and 171% in 2024, investors are wary.\n",
        encoding="utf-8",
    )
    added = add_source(path, "share-2026", paths=project)
    drafts = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))["drafts"]
    by_text = {d["text"]: d for d in drafts}
    share = by_text["gained approximately 6% of the Chinese market"]
    assert (share["kind"], share["value"], share["whole"]) == ("percent", 6.0, "the Chinese market")
    listed = by_text["171%"]
    assert (listed["kind"], listed["read_with"]) == (
        "change",
        "the change 'soaring 239%' before it",
    )


def test_a_change_from_one_level_to_another_is_drafted_as_its_two_levels(project, tmp_path):
    """ "from 27% in 2019 to 38% in 2022": the text reports two levels, each with its period;
    the change (11 points) is a number it does not contain, left to derived.yaml. Confirmed as
    drafted, the two levels cover the mention and read as drafted."""
    path = tmp_path / "levels.txt"
    path.write_text(
        "Title\nThe share of leading experts grew from 27% in 2019 to 38% in 2022.\n",
        encoding="utf-8",
    )
    added = add_source(path, "levels-2026", paths=project)
    _fill_source_quality(project, "levels-2026")
    doc = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))
    drafts = doc.pop("drafts")
    assert [(d["text"], d["kind"], d["value"], d["unit"], d["period"]) for d in drafts] == [
        ("27%", "percent", 27.0, "percent", "2019"),
        ("38%", "percent", 38.0, "percent", "2022"),
    ]
    assert {d["level_of"] for d in drafts} == {"grew from 27% in 2019 to 38% in 2022"}
    assert all("value" not in d or d["value"] != 11.0 for d in drafts)
    doc["voices"] = [
        {"key": "author-levels-2026", "name": "Outlet", "kind": "outlet", "stance": "neutral"}
    ]
    figures = [
        {
            "text": d["text"],
            "entity": "China",
            "metric": "share of leading experts",
            "period": d["period"],
            "period_precision": "year",
            "value": d["value"],
            "unit": d["unit"],
        }
        for d in drafts
    ]
    doc["claims"] = [
        {
            "key": "experts-share",
            "voice": "author-levels-2026",
            "quote": drafts[0]["context"],
            "dimension": "talent_and_research",
            "direction": "none",
            "stance": "neutral",
            "figures": figures,
        }
    ]
    one_level = {**doc, "claims": [{**doc["claims"][0], "figures": figures[:1]}]}
    added.annotation_file.write_text(yaml.safe_dump(one_level, sort_keys=False), encoding="utf-8")
    redraft("levels-2026", paths=project)  # one level confirmed: only the other is drafted
    again = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))["drafts"]
    assert [d["text"] for d in again] == ["38%"]
    added.annotation_file.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    corpus = validate(project)
    assert corpus.coverage()["levels-2026"] == (1, 1)
    assert corpus.parsed["levels-2026/experts-share/1"].value == 27.0
    assert corpus.parsed["levels-2026/experts-share/2"].value == 38.0


def test_a_draft_reads_each_mention_in_its_sentence():
    # the draft takes the verb of a list from the figure before ("171%" continues "soaring")
    text = "Its stock soaring 239% in 2023 and 171% in 2024, investors are wary."
    mention = next(m for m in find_mentions(text) if m.text == "171%")
    assert draft_reading(text, mention)["kind"] == "change"


# --- segments, redrafting ---------------------------------------------------------------------
LONG_FIRST = (
    "Chinese labs have narrowed the gap with their American rivals, a report said on Monday, "
    "though the leading US models still score about 75% on the hardest tests and China's best "
    "reach more than double what they managed a year ago, with at least three labs close. "
    * 3
    + "\nWhat comes next\nUp to 8.6% of spending may go to chips.\n"
)


def test_a_long_first_paragraph_is_body_text_and_no_headline_is_invented():
    segments = guess_segments(LONG_FIRST)
    assert segments == [
        {"kind": "body", "lines": [1, 1]},
        {"kind": "heading", "lines": [2, 2]},
        {"kind": "body", "lines": [3, 3]},
    ]
    assert guess_segments("Short Title\nA sentence of body text.\n")[0]["kind"] == "headline"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # A column label above the title is no headline; "- By ..." and a bare date under it
        # are the byline, not body text.
        ("Technology\nWashington's New Chip Ban Slams Nvidia, Reshapes Global AI Race\n"
         "- By Jane Roe\n- 04/16/25\nThe rules, issued on Monday, cover 12 chips.\n",
         ["byline", "headline", "byline", "byline", "body"]),
        # Several short labels (a kind of post, an outlet, an age) before the title.
        ("Post\n\nAI CERTs\n\n1 week ago\n\nIndustry Voices Warn China AI Gap Widens\n\n"
         "Executives said the gap grew.\n",
         ["byline"] * 6 + ["headline"] * 2 + ["body"]),
        # A byline without a bullet, and one after the first paragraph.
        ("Chip Makers Count the Cost\nBy John Doe and Ann Lee\nSales fell 5% in May.\n"
         "By Ann Lee\n", ["headline", "byline", "body", "byline"]),
        # A short title with no longer line after it stays the headline.
        ("Short Title\nA sentence of body text.\n", ["headline", "body"]),
        ("China Closes Gap\nBy Jane Roe\nIt did, she said.\n", ["headline", "byline", "body"]),
        # A label before a first paragraph (no title line after it) is taken for the title, as
        # before: nothing tells the two apart.
        ("Technology\nThe rules, issued on Monday, cover 12 chips.\n", ["headline", "body"]),
        # Body sentences that open with "By" are body text.
        ("A Title Here For Us\nBy 2030, output may double.\nBy contrast, exports fell 3%.\n",
         ["headline", "body", "body"]),
        # A bulleted line that is neither byline nor date stays body.
        ("A Title Here For Us\n- Sales rose 5%\n", ["headline", "body"]),
    ],
)  # fmt: skip
def test_the_segment_guess_tells_labels_and_bylines_from_the_headline(text, kinds):
    """A new user's article: its column label ("Technology") was guessed the headline and its
    "- By ..." lines body text."""
    segments = guess_segments(text)
    per_line = [s["kind"] for s in segments for _ in range(s["lines"][0], s["lines"][1] + 1)]
    assert per_line == kinds


def test_add_prints_the_guessed_segments_with_their_first_words(project, tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text(LONG_FIRST, encoding="utf-8")
    assert main(["--root", str(project.root), "add", str(path), "--id", "long-2026"]) == 0
    out = capsys.readouterr().out
    assert "  body        1-1       Chinese labs have narrowed the gap with their …" in out
    assert "  heading     2-2       What comes next" in out
    assert "gapstudy draft long-2026" in out
    drafts = yaml.safe_load(project.annotation_file("long-2026").read_text())["drafts"]
    texts = [d["text"] for d in drafts]
    assert texts[:3] == ["about 75%", "more than double", "at least three"]
    assert "Up to 8.6% of spending" in texts  # a share takes in its whole


# A new user's excerpt: it opens with a section heading, not the article's title.
HEADED = (
    "Two Superpowers, One Digital Battlefield\n"
    "The United States and China are locked in a race, and the weapon is money.\n"
    "China’s Financial Firestorm\n"
    "Over 2,000 Chinese firms work on the program.\n"
)


@pytest.mark.parametrize(
    ("text", "title", "kinds"),
    [
        # a title-like first line that is not the title given is a heading, and there is no
        # headline (the text has none)
        (HEADED, "The Trillion-Dollar AI War", ["heading", "body", "heading", "body"]),
        # the title given, written with other quotes, case and spaces, is the headline
        (HEADED, "two superpowers,  one digital battlefield",
         ["headline", "body", "heading", "body"]),
        ("China’s Chip Push\nSales rose 5%.\n", "China's chip push", ["headline", "body"]),
        # labels above the title given stay byline; the title under them is the headline
        ("Technology\nChip Ban Slams Nvidia, Reshapes AI Race\nThe rules cover 12 chips.\n",
         "Chip Ban Slams Nvidia, Reshapes AI Race", ["byline", "headline", "body"]),
        # labels above a line that is not the title given: the line is a heading, no headline
        ("Technology\nChip Ban Slams Nvidia, Reshapes AI Race\nThe rules cover 12 chips.\n",
         "Another Title", ["byline", "heading", "body"]),
        # no title given: the guess from the form of the line, as before
        (HEADED, None, ["headline", "body", "heading", "body"]),
        # a text that opens with a paragraph has no headline, title given or not
        (LONG_FIRST, "What comes next", ["body", "heading", "body"]),
    ],
)  # fmt: skip
def test_a_first_line_is_the_headline_only_when_it_is_the_title_given(text, title, kinds):
    segments = guess_segments(text, title=title)
    per_line = [s["kind"] for s in segments for _ in range(s["lines"][0], s["lines"][1] + 1)]
    assert per_line == kinds


@pytest.mark.parametrize(
    ("title", "said"),
    [
        (
            "The Trillion-Dollar AI War",
            [
                "headline: none guessed; line 1 'Two Superpowers, One Digital Battlefield' "
                "reads as a title but is not the --title given, so it is guessed a heading",
                "if it is the headline as printed, set its kind to headline in data/sources.yaml",
            ],
        ),
        (
            None,
            [
                "headline: line 1 'Two Superpowers, One Digital Battlefield', guessed from its "
                "form (no --title given)",
                "if it is a section heading, set its kind to heading in data/sources.yaml",
            ],
        ),
        ("Two Superpowers, One Digital Battlefield", ["headline: line 1, the --title given"]),
    ],
)
def test_add_says_which_line_it_guessed_the_headline_and_how_to_correct_it(
    project, tmp_path, capsys, title, said
):
    path = tmp_path / "headed.txt"
    path.write_text(HEADED, encoding="utf-8")
    argv = ["--root", str(project.root), "add", str(path), "--id", "headed-2025"]
    assert main(argv + (["--title", title] if title else [])) == 0
    out = capsys.readouterr().out
    for words in said:
        assert words in out, out
    kinds = [s["kind"] for s in load_sources(project)["headed-2025"].meta["segments"]]
    assert ("headline" in kinds) == (title != "The Trillion-Dollar AI War")


def _set_segments(project, source_id: str, segments: str) -> None:
    text = project.sources_file.read_text(encoding="utf-8")
    head, _, _ = text.rpartition("    segments:\n")
    project.sources_file.write_text(head + "    segments:\n" + segments, encoding="utf-8")


def test_redraft_follows_new_segments_and_keeps_every_confirmed_entry(project, tmp_path, capsys):
    path = tmp_path / "chips.txt"
    path.write_text(
        "Chips and Power\n"
        "China drew 12 deals in 2024 and power cost about $0.05/kWh.\n"
        "Analysts expect 30% more capacity.\n",
        encoding="utf-8",
    )
    add_source(path, "chips-2026", paths=project)
    notes = project.annotation_file("chips-2026")
    # the researcher confirms one exclusion (with a comment) and marks line 3 a caption
    doc = notes.read_text(encoding="utf-8")
    doc = doc.replace(
        "exclusions: []\n",
        "exclusions:\n"
        "# a count of deals, outside the gap\n"
        "- text: '12'\n  context: China drew 12 deals\n  reason: deals, not a measure of the gap\n",
    )
    notes.write_text(doc, encoding="utf-8")
    _set_segments(
        project,
        "chips-2026",
        "      - {kind: headline, lines: [1, 1]}\n"
        "      - {kind: body, lines: [2, 2]}\n"
        "      - {kind: caption, lines: [3, 3]}\n",
    )
    assert main(["--root", str(project.root), "draft", "chips-2026"]) == 0
    out = capsys.readouterr().out
    assert "caption" in out and "1 confirmed figure(s) and exclusion(s) kept" in out
    after = notes.read_text(encoding="utf-8")
    assert "# a count of deals, outside the gap\n" in after  # the file is edited, not rewritten
    parsed = yaml.safe_load(after)
    assert parsed["exclusions"][0]["text"] == "12"
    drafts = {d["text"]: d for d in parsed["drafts"]}
    assert set(drafts) == {"2024", "about $0.05/kWh"}  # "12" is confirmed, line 3 a caption
    assert drafts["2024"]["reason"] == YEAR_REASON
    assert (drafts["about $0.05/kWh"]["kind"], drafts["about $0.05/kWh"]["unit"]) == (
        "price",
        "usd_per_kwh",
    )
    corpus = inspect_corpus(project)
    assert corpus.coverage()["chips-2026"] == (1, 3)
    # a second redraft changes nothing
    redraft("chips-2026", project)
    assert notes.read_text(encoding="utf-8") == after


def test_redraft_leaves_a_year_given_as_the_period_of_the_figure_it_dates(project):
    """With its exclusion gone, "2024" in "narrowed to just 0.3% in 2024" is the period of the
    0.3% figure in the same quote: no draft for it, and a finished file gains no drafts list."""
    path = project.annotation_file("undated-narrowing")
    before = path.read_text(encoding="utf-8")
    exclusion = (
        '  - text: "2024"\n'
        '    context: "narrowed to just 0.3% in 2024"\n'
        "    reason: time of the later MMLU gap; recorded as the period of the 0.3% figure\n"
    )
    assert before.count(exclusion) == 1
    path.write_text(before.replace(exclusion, ""), encoding="utf-8")
    done = redraft("undated-narrowing", project)
    assert done.n_drafts == 0
    assert path.read_text(encoding="utf-8") == before.replace(exclusion, "")
    # the figure dated otherwise: the year is drafted, with its reason
    dated = before.replace(exclusion, "").replace('period: "2024"', "period: the latest year")
    path.write_text(dated, encoding="utf-8")
    redraft("undated-narrowing", project)
    drafts = yaml.safe_load(path.read_text(encoding="utf-8"))["drafts"]
    assert [(d["text"], d["reason"]) for d in drafts] == [("2024", YEAR_REASON)]
    assert "0.3% in 2024" in drafts[0]["context"]


def test_redraft_refuses_an_unknown_source(project):
    with pytest.raises(InputError, match="no source 'nowhere'"):
        redraft("nowhere", project)


def test_replace_drafts_keeps_every_other_line():
    document = "source_id: x\n# voices below\nvoices: []\ndrafts:\n- draft: true\n  text: '5'\n"
    assert replace_drafts(document, []) == "source_id: x\n# voices below\nvoices: []\ndrafts: []\n"
    assert replace_drafts("source_id: x\n", []) == "source_id: x\n"  # no list to add
    assert replace_drafts("source_id: x", [{"text": "5"}]) == "source_id: x\ndrafts:\n- text: '5'\n"


def test_add_refuses_a_text_larger_than_any_article_at_once(project, tmp_path, capsys):
    """A 50 MB text was once waited on for minutes; it is refused before any draft is made."""
    from gapstudy.sources import MAX_TEXT_BYTES

    before = project.sources_file.read_bytes()
    huge = tmp_path / "feed.txt"
    huge.write_bytes(b"Investment reached $109.1 billion in 2024, said the report.\n" * 900_000)
    assert huge.stat().st_size > MAX_TEXT_BYTES
    code = main(["--root", str(project.root), "add", str(huge), "--id", "huge-feed"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"feed.txt: the text is {huge.stat().st_size:,} bytes" in err
    assert "add one article at a time" in err and "Traceback" not in err
    assert project.sources_file.read_bytes() == before
    assert not (project.raw / "huge-feed.txt").exists()


@pytest.mark.parametrize(
    "variant",
    [
        lambda text: text.replace("\n", "\r\n"),
        lambda text: __import__("unicodedata").normalize("NFD", text),
    ],
    ids=["crlf", "nfd"],
)
def test_add_refuses_a_text_in_the_corpus_with_other_line_endings_or_forms(
    project, tmp_path, variant
):
    first = tmp_path / "first.txt"
    text = ARTICLE.replace("Outlook", "Café outlook")
    first.write_bytes(text.encode("utf-8"))
    add_source(first, "cafe-gap", paths=project)
    copy = tmp_path / "again.txt"
    copy.write_bytes(variant(text).encode("utf-8"))
    assert copy.read_bytes() != first.read_bytes()
    before = project.sources_file.read_bytes()
    with pytest.raises(InputError, match="cafe-gap.txt: this text is in data/raw already, with"):
        add_source(copy, "same-again", paths=project)
    assert project.sources_file.read_bytes() == before


def test_add_refuses_a_date_in_the_future(project, article):
    with pytest.raises(InputError, match="date '2099-01-02' is in the future"):
        add_source(article, "from-the-future", published="2099-01-02", paths=project)


# Sentences whose drafts are read with words outside the mention (`read_with`), and one read
# from its own words alone.
READ_WITH_ARTICLE = (
    "Title\n"
    "Its stock soaring 239% in 2023 and 171% in 2024, investors are wary. "
    "Solar increased the country's capacity by more than 430 gigawatts last year. "
    "The lab trained it on 2048 GPUs. "
    "Data-centre power use is set to more than double by 2030. "
    "Chinese labs hold about 75% of the market.\n"
)


def _confirm_as_is(doc: dict, chosen: dict) -> dict:
    """``doc`` with the draft ``chosen`` confirmed as is (its words and its reading kept as
    hand checks) as the one figure of a claim, and every other draft excluded."""
    figure = {"text": chosen["text"], "entity": "China", "metric": "example metric"}
    figure |= {"period": "2024", "period_precision": "year"}
    figure |= {name: chosen[name] for name in DRAFT_READING_FIELDS if name in chosen}
    voice = {"key": "example-wire", "name": "Example Wire", "kind": "outlet", "stance": "neutral"}
    claim = {
        "key": "confirmed",
        "voice": "example-wire",
        "quote": chosen["context"],
        "dimension": "capital_and_investment",
        "direction": "us_ahead",
        "stance": "neutral",
        "figures": [figure],
    }
    exclusions = [
        {"text": d["text"], "context": d["context"], "reason": "example exclusion"}
        for d in doc["drafts"]
        if d is not chosen
    ]
    confirmed = {name: value for name, value in doc.items() if name != "drafts"}
    return confirmed | {"voices": [voice], "claims": [claim], "exclusions": exclusions}


def test_a_draft_confirmed_as_is_gives_its_own_reading_in_the_table_or_a_clear_error(
    project, tmp_path
):
    """The figure a draft says is the figure the tidy table gets when the draft is confirmed
    as is; where the draft was read with words outside the mention (`read_with`), its words
    alone read otherwise, and `check` refuses the hand-checked reading naming the field."""
    path = tmp_path / "read-with.txt"
    path.write_text(READ_WITH_ARTICLE, encoding="utf-8")
    added = add_source(path, "read-with-2026", outlet="Example Wire", paths=project)
    _fill_source_quality(project, "read-with-2026")
    original = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))
    read = [d for d in original["drafts"] if "kind" in d]
    assert {d["text"] for d in read if "read_with" in d} == {
        "171%",
        "by more than 430 gigawatts",
        "2048",
        "more than double",
    }
    outcomes = {}
    for chosen in read:
        doc = _confirm_as_is(original, chosen)
        added.annotation_file.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
        try:
            corpus = validate(project)
        except AnnotationError as err:
            assert "read_with" in chosen, err  # only a reading from outside the words differs
            assert "given by hand as" in str(err) and repr(chosen["text"]) in str(err)
            outcomes[chosen["text"]] = "refused"
            continue
        parsed = corpus.parsed["read-with-2026/confirmed/1"]
        for name in ("kind", "value", "low", "high", "unit"):
            assert getattr(parsed, name) == pytest.approx(chosen.get(name)), (chosen, name)
        outcomes[chosen["text"]] = "same"
    assert outcomes == {
        "soaring 239%": "same",
        "171%": "refused",  # "171%" alone is a level, not a change
        "by more than 430 gigawatts": "refused",  # alone, "by N" is refused
        "2048": "same",  # a figure's words are never a year: "2048" is the count 2048
        "more than double": "refused",  # alone, a multiplier, not a change
        "about 75% of the market": "same",
    }


def test_a_start_that_takes_its_unit_from_the_far_end_is_drafted_refused(project, tmp_path):
    """ "from 4 to 4.6 percent": the start is a refused draft of its own, the far end a level."""
    path = tmp_path / "far-end.txt"
    path.write_text("Title\nThe jobless rate moved from 4 to 4.6 percent.\n", encoding="utf-8")
    added = add_source(path, "far-end-2026", paths=project)
    drafts = yaml.safe_load(added.annotation_file.read_text(encoding="utf-8"))["drafts"]
    assert [d["text"] for d in drafts] == ["4", "4.6 percent"]
    assert "reads otherwise alone" in drafts[0]["refusal"]
    assert (drafts[1]["kind"], drafts[1]["value"], drafts[1]["unit"]) == ("percent", 4.6, "percent")
    assert {d["level_of"] for d in drafts} == {"from 4 to 4.6 percent"}
