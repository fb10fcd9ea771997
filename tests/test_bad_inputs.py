"""Bad inputs, one per row: each must make ``gapstudy check`` and ``gapstudy tables`` exit
non-zero with one clear message naming the file, the line or the key, and leave the committed
outputs (``data/processed/``, ``figures/provenance.json``) byte for byte as they were.

Each row edits a scratch copy of the project. Edits find their target by a pattern and fail
loudly when the data no longer holds it, so a row can never pass by editing nothing. Then
hypothesis writes random YAML structures and random bytes to an annotation file: loading and
checking may only ever raise the package's own errors.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapstudy.check import validate
from gapstudy.cli import main
from gapstudy.exceptions import GapstudyError, InputError
from gapstudy.input_schema import ENTRY_KINDS
from gapstudy.paths import ProjectPaths, project_paths

ROOT = Path(__file__).resolve().parent.parent
A = "data/annotations/hk-agi-next-2026.yaml"
U = "data/annotations/undated-narrowing.yaml"
I = "data/annotations/ithome-zheng-2026.yaml"  # noqa: E741 - one letter like its neighbours
S = "data/sources.yaml"
F = "data/annotations/facts.yaml"
D = "data/annotations/derived.yaml"
DIS = "data/annotations/disagreements.yaml"
REF = "data/annotations/references.yaml"
RAW = "data/raw/ithome-zheng-2026.txt"

Edit = Callable[[Path], None]


# --- edits -------------------------------------------------------------------------------------


def sub(file: str, pattern: str, repl: str) -> Edit:
    """Replace the first match of ``pattern`` (multi-line regex) in ``file``."""

    def edit(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        new, n = re.subn(pattern, repl, text, count=1, flags=re.M)
        assert n == 1, f"edit target {pattern!r} not found in {file}"
        path.write_text(new, encoding="utf-8")

    return edit


def append(file: str, data: bytes) -> Edit:
    def edit(root: Path) -> None:
        with (root / file).open("ab") as handle:
            handle.write(data)

    return edit


def write(file: str, data: bytes | str) -> Edit:
    def edit(root: Path) -> None:
        path = root / file
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return edit


def recode(file: str, encoding: str) -> Edit:
    """Save ``file`` in another encoding (characters it lacks become '?')."""

    def edit(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert any(ord(c) > 127 for c in text), f"{file} is plain ASCII: nothing to recode"
        path.write_bytes(text.encode(encoding, errors="replace"))

    return edit


def raw_bytes(file: str, old: bytes, new: bytes) -> Edit:
    """Change a raw text's bytes and record its new checksum, as a careless update would."""

    def edit(root: Path) -> None:
        path = root / file
        data = path.read_bytes()
        assert old in data, f"{old!r} not in {file}"
        old_sum = hashlib.sha256(data).hexdigest()
        data = data.replace(old, new, 1)
        path.write_bytes(data)
        sources = root / S
        text = sources.read_text(encoding="utf-8")
        assert old_sum in text
        sources.write_text(text.replace(old_sum, hashlib.sha256(data).hexdigest()), "utf-8")

    return edit


def both(*edits: Edit) -> Edit:
    def edit(root: Path) -> None:
        for one in edits:
            one(root)

    return edit


def _alias_bomb() -> str:
    """Nine levels of ten-fold aliases, used as an entity: 10^9 strings once expanded."""
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 9):
        refs = ", ".join([f"*l{n - 1}"] * 10)
        lines.append(f"lol{n}: &l{n} [{refs}]")
    return "\n".join(lines) + "\n"


# --- the table of bad inputs -------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A bad input: the edit, the message it must give, and where."""

    id: str
    edit: Edit
    message: str  # regex searched in the output of `gapstudy check`
    at: tuple[str, str] | None = None  # (file, fragment): the message names the fragment's line
    exit_code: int = 1
    n_problems: int | None = None  # how many problems `check` lists (consequences folded)


ANNOTATION_KEYS = [
    Case(
        "misspelt figure key hihg",
        sub(A, r"^(\s+)high: 20\.0$", r"\1hihg: 99.0"),
        r"hk-agi-next-2026\.yaml:\d+: figure 1 of claim '[\w-]+': unknown key 'hihg' "
        r"\(did you mean 'high'\?\)",
        (A, "hihg: 99.0"),
    ),
    Case(
        "misspelt counterpart",
        sub(A, r"^(\s+)counterpart:", r"\1counterprt:"),
        r"unknown key 'counterprt' \(did you mean 'counterpart'\?\)",
        (A, "counterprt:"),
    ),
    Case(
        "unknown claim key",
        sub(A, r"^(\s+)(dimension: .*)$", r"\1\2\n\1confidence: high"),
        r"claim '[\w-]+': unknown key 'confidence'",
        (A, "confidence: high"),
    ),
    Case(
        "misspelt top-level claims",
        sub(A, r"^claims:", "clams:"),
        r"annotation file: unknown key 'clams' \(did you mean 'claims'\?\)",
        (A, "clams:"),
    ),
    Case(
        "misspelt voice stance",
        sub(A, r"^(\s+)stance: (.*)$", r"\1stnace: \2"),
        r"voice '[\w-]+': unknown key 'stnace' \(did you mean 'stance'\?\)",
        (A, "stnace:"),
    ),
    Case(
        "misspelt exclusion reason",
        sub(A, r"^(  - text: .*\n\s+context: .*\n\s+)reason:", r"\1reasn:"),
        r"exclusion '[^']+': unknown key 'reasn' \(did you mean 'reason'\?\)",
        (A, "reasn:"),
    ),
    Case(
        "a number as a key",
        sub(A, r"^(\s+)(direction: .*)$", r"\1\2\n\g<1>2024: elections"),
        r"unknown key 2024",
        (A, "2024: elections"),
    ),
    Case(
        "reserved bookkeeping key",
        sub(A, r"^(\s+)(direction: .*)$", r"\1\2\n\1__line__: 3"),
        r"key '__line__' is reserved",
        (A, "__line__: 3"),
    ),
    Case(
        "duplicate key in a figure",
        sub(A, r"^(\s+)(metric: .*)$", r"\1\2\n\1metric: something else"),
        r"key 'metric' is given twice in one mapping \(first on line \d+\)",
        (A, "metric: something else"),
    ),
    Case(
        "duplicate top-level key",
        append(A, b"source_id: hk-agi-next-2026\n"),
        r"hk-agi-next-2026\.yaml:\d+: key 'source_id' is given twice",
    ),
]

ANNOTATION_TYPES = [
    Case(
        "dimension given as a list",
        sub(A, r"^(\s+)dimension: overall_lead$", r"\1dimension: [overall_lead]"),
        r"'dimension' must be text, not a list \['overall_lead'\]",
        (A, "dimension: [overall_lead]"),
    ),
    Case(
        "text where a number is expected",
        sub(A, r"^(\s+)high: 20\.0$", r'\1high: "twenty"'),
        r"'high' must be a finite number, not text 'twenty'",
        (A, 'high: "twenty"'),
    ),
    Case(
        "1e9 is text in YAML",
        sub(A, r"^(\s+)value: .*$", r"\1value: 1e9"),
        r"'value' must be a finite number, not text '1e9'.*1\.0e\+9",
        (A, "value: 1e9"),
    ),
    Case(
        "not a number",
        sub(A, r"^(\s+)high: 20\.0$", r"\1high: .nan"),
        r"'high' must be a finite number",
        (A, "high: .nan"),
    ),
    Case(
        "a number too large for a float",
        sub(A, r"^(\s+)high: 20\.0$", r"\1high: 1" + "0" * 400),
        r"'high' must be a finite number, not a whole number 1000",
        (A, "high: 1000"),
    ),
    Case(
        "yes read as true",
        sub(A, r"^(\s+)entity: .*$", r"\1entity: yes"),
        r"'entity' must be text, not true/false",
        (A, "entity: yes"),
    ),
    Case(
        "null where required",
        sub(A, r"^(\s+)metric: .*$", r"\1metric: null"),
        r"'metric' is null but must be text",
        (A, "metric: null"),
    ),
    Case(
        "empty quote",
        sub(A, r'^(\s+)quote: ".*"$', r'\1quote: ""'),
        r"claim '[\w-]+': 'quote' is empty",
        (A, 'quote: ""'),
    ),
    Case(
        "missing required key",
        sub(A, r"^\s+period_precision: .*\n", ""),
        r"figure 1 of claim '[\w-]+' lacks 'period_precision'",
    ),
    Case(
        "occurrence in words",
        sub(A, r"^(\s+)occurrence: 2$", r"\1occurrence: second"),
        r"'occurrence' must be a whole number, not text 'second'",
        (A, "occurrence: second"),
    ),
    Case(
        "voice given as a bare name",
        sub(A, r"^voices:\n", "voices:\n  - justin-lin\n"),
        r"every entry under 'voices' must be a mapping of fields, not text 'justin-lin'",
    ),
    Case(
        "figures not a list",
        sub(A, r"^(\s+)figures:\n(\s+- text:)", r"\1figures: 20 percent\n\1other:\n\2"),
        r"'figures' must be a list",
    ),
    Case(
        "file is a list",
        write(A, "- voices\n- claims\n"),
        r"hk-agi-next-2026\.yaml:1: the file is not a YAML mapping",
    ),
    Case("empty file", write(A, ""), r"hk-agi-next-2026\.yaml:\d*:? ?the file is not a YAML"),
    Case(
        "no source_id",
        sub(A, r"^source_id: .*\n", ""),
        r"annotation file lacks 'source_id'",
    ),
]

ANNOTATION_YAML = [
    Case(
        "unclosed bracket",
        sub(A, r"^(\s+)dimension: overall_lead$", r"\1dimension: [overall_lead"),
        r"hk-agi-next-2026\.yaml:\d+: YAML syntax error",
    ),
    Case(
        "tab indentation",
        sub(A, r"^    name: Justin Lin$", "\tname: Justin Lin"),
        r"hk-agi-next-2026\.yaml:\d+: YAML syntax error",
    ),
    Case(
        "a byte that is not UTF-8",
        append(A, b"\xff"),
        r"hk-agi-next-2026\.yaml:\d+: not valid UTF-8: byte\(s\) ff at byte offset \d+",
    ),
    Case(
        "saved as Windows-1252",
        recode(A, "cp1252"),
        r"hk-agi-next-2026\.yaml:\d+: not valid UTF-8: byte\(s\) \w\w at byte offset \d+",
    ),
    Case(
        "saved as UTF-16",
        recode(A, "utf-16"),
        r"hk-agi-next-2026\.yaml:1: not valid UTF-8: byte\(s\) ff at byte offset 0",
    ),
    Case(
        "control character",
        sub(A, r"^(\s+)name: Justin Lin$", "\\1name: Justin\x07Lin"),
        r"hk-agi-next-2026\.yaml:\d+: character '\\x07' is not allowed",
        (A, "Justin\x07Lin"),
    ),
    Case(
        "alias bomb",
        both(
            sub(A, r"^voices:", _alias_bomb() + "voices:"),
            sub(A, r"^(\s+)entity: .*$", r"\1entity: *l8"),
        ),
        r"hk-agi-next-2026\.yaml:\d+: anchors and aliases \(&name, \*name\) are not accepted",
        (A, "lol0: &l0"),
    ),
    Case(
        "one alias",
        both(
            sub(A, r"^(\s+)metric: (.*)$", r"\1metric: &m \2"),
            sub(A, r"^(\s+)metric: (?!&)(.*)$", r"\1metric: *m"),
        ),
        r"anchors and aliases",
        (A, "metric: &m "),
    ),
    Case(
        "merge key",
        sub(A, r"^(\s+)(metric: .*)$", r"\1\2\n\1<<: {unit: percent}"),
        r"merge keys \(<<\) are not accepted",
        (A, "<<: {unit: percent}"),
    ),
    Case(
        "python object tag",
        sub(A, r"^(\s+)metric: .*$", r'\1metric: !!python/object/apply:os.system ["true"]'),
        r"hk-agi-next-2026\.yaml:\d+: YAML value not accepted",
        (A, "!!python/object"),
    ),
    Case(
        "nested too deeply",
        append(A, b"deep: " + b"[" * 5000 + b"]" * 5000 + b"\n"),
        r"hk-agi-next-2026\.yaml: YAML nested too deeply",
    ),
]

ANNOTATION_SPANS = [
    Case(
        "quote starts mid-word",
        sub(A, r'^(\s+quote: ")But that assessment', r"\1ut that assessment"),
        r"quote 'ut that assessment.*' starts inside a word or number "
        r"\(whole words: 'But that assessment",
        (A, '"ut that assessment'),
    ),
    Case(
        "quote ends mid-word",
        sub(A, r'^(\s+quote: "But that assessment.*stagnatin)g\."$', r'\1"'),
        r"quote '.*stagnatin' ends inside a word or number",
        (A, 'stagnatin"'),
    ),
    Case(
        "figure cut out of a larger number",
        both(
            sub(A, r"^(\s+)- text: Below 20 percent$", r"\1- text: 0 percent\n\1  occurrence: 1"),
            sub(A, r"^\s+high: 20\.0\n", ""),
        ),
        r"figure text \(inside its quote\) '0 percent' starts inside a word or number "
        r"\(whole words: '20 percent'\)",
        (A, "text: 0 percent"),
    ),
    Case(
        "figure ends inside a decimal",
        sub(U, r"^(\s+)- text: 17\.5%$", r"\1- text: '17'"),
        r"'17' ends inside a word or number \(whole words: '17\.5%'\)",
        (U, "text: '17'"),
    ),
    Case(
        "figure without its percent sign",
        sub(I, r"^(\s+)- text: 2\.7%$", r"\1- text: '2.7'"),
        r"'2\.7' ends inside a word or number \(whole words: '2\.7%'\)",
        (I, "text: '2.7'"),
    ),
    Case(
        "exclusion cut out of a year",
        sub(I, r"^(\s+)- text: \"2026\"$", r'\1- text: "026"'),
        r"excluded text \(inside its context\) '026' starts inside a word or number",
        (I, 'text: "026"'),
    ),
    Case(
        "quote not verbatim",
        sub(A, r'^(\s+quote: ")But that assessment', r"\1But this assessment"),
        r"quote 'But this assessment.*' not found verbatim",
        (A, "But this assessment"),
    ),
    Case(
        "source_id of another source",
        sub(A, r"^source_id: .*$", "source_id: undated-narrowing"),
        r"source_id 'undated-narrowing' does not match the file name",
    ),
    Case(
        "annotation file of no source",
        write("data/annotations/ghost-2026.yaml", "source_id: ghost-2026\n"),
        r"ghost-2026\.yaml:1: annotation file for unknown source 'ghost-2026'",
    ),
    Case(
        "stance not in the vocabulary",
        sub(A, r"^(\s+)stance: skeptic$", r"\1stance: hopeful"),
        r"stance 'hopeful' is not in the vocabulary",
    ),
]

SOURCES = [
    Case(
        "misspelt sha256",
        sub(S, r"^(\s+)sha256:", r"\1sha265:"),
        r"sources\.yaml:\d+: source '[\w-]+': unknown key 'sha265' \(did you mean 'sha256'\?\)",
        (S, "sha265:"),
    ),
    Case(
        "original_name null",
        sub(S, r"^(\s+)original_name: .*$", r"\1original_name: null"),
        r"'original_name' is null but must be text",
        (S, "original_name: null"),
    ),
    Case(
        "impossible date",
        sub(S, r'^(\s+)published: "[\d-]+"$', r"\1published: 2026-02-30"),
        r"sources\.yaml:\d+: YAML value not accepted: '2026-02-30' is not a valid date",
        (S, "published: 2026-02-30"),
    ),
    Case(
        "date without quotes",
        sub(S, r'^(\s+)published: "([\d-]+)"$', r"\1published: 2026-05-27"),
        r"'published' must be text, not date",
        (S, "published: 2026-05-27"),
    ),
    Case(
        "flag in quotes",
        sub(S, r"^(\s+)is_outlet_inferred: false$", r'\1is_outlet_inferred: "no"'),
        r"'is_outlet_inferred' must be true or false, not text 'no'",
        (S, 'is_outlet_inferred: "no"'),
    ),
    Case(
        "segment lines not a pair",
        sub(S, r"lines: \[(\d+), \d+\]", r"lines: [\1]"),
        r"segment 1 of source '[\w-]+': 'lines' must be a pair of line numbers",
    ),
    Case(
        "segment kind unknown",
        sub(S, r"\{kind: body,", "{kind: bodytext,"),
        r"segment kind 'bodytext' unknown",
    ),
    Case(
        "duplicate key in a source",
        sub(S, r"^(\s+)(title: .*)$", r"\1\2\n\1title: Another title"),
        r"key 'title' is given twice",
        (S, "title: Another title"),
    ),
    Case(
        "raw file outside data/raw",
        sub(S, r"^(\s+)file: ithome-zheng-2026\.txt$", r"\1file: ../annotations/facts.yaml"),
        r"file '\.\./annotations/facts\.yaml' is not a plain file name in data/raw",
        (S, "file: ../annotations"),
    ),
    Case(
        "raw text with no entry",
        write("data/raw/extra-2026.txt", "A text nobody has registered.\n"),
        r"extra-2026\.txt: raw text 'extra-2026\.txt' has no entry in (data/)?sources\.yaml",
    ),
    Case(
        "raw text not UTF-8, checksum updated",
        raw_bytes(RAW, b"2.7%", b"2.7\xa0%"),
        r"ithome-zheng-2026\.txt:\d+: not valid UTF-8: byte\(s\) a0 at byte offset \d+",
    ),
    Case(
        "raw text edited",
        lambda root: (root / RAW).write_bytes((root / RAW).read_bytes() + b"\n"),
        r"ithome-zheng-2026\.txt: checksum mismatch",
    ),
    Case(
        "raw text missing",
        lambda root: (root / RAW).unlink(),
        r"raw text of 'ithome-zheng-2026' is missing",
    ),
    Case(
        "segments by alias",
        both(
            sub(S, r"^(\s+)segments:\n", r"\1segments: &segs\n"),
            sub(S, r"^(\s+)segments:\n(?:\s+- \{.*\}\n)+", r"\1segments: *segs\n"),
        ),
        r"sources\.yaml:\d+: anchors and aliases",
        (S, "segments: &segs"),
    ),
    Case(
        "no segments",
        sub(S, r"^(\s+)segments:\n(\s+- \{.*\}\n)+", r"\1segments: []\n"),
        r"sources\.yaml:\d+: [\w-]+: no segments",
    ),
    Case(
        "misspelt top-level sources",
        sub(S, r"^sources:", "source:"),
        r"sources file: unknown key 'source' \(did you mean 'sources'\?\)",
    ),
    Case(
        "sources.yaml not UTF-8",
        append(S, b"# caf\xe9\n"),
        r"sources\.yaml:\d+: not valid UTF-8: byte\(s\) e9",
    ),
]

CROSS_SOURCE = [
    Case(
        "misspelt tolerance_pct",
        sub(F, r"^(\s+)tolerance_pct:", r"\1tolerence_pct:"),
        r"facts\.yaml:\d+: fact '[\w-]+': unknown key 'tolerence_pct' "
        r"\(did you mean 'tolerance_pct'\?\)",
        (F, "tolerence_pct:"),
    ),
    Case(
        "tolerance with a percent sign",
        sub(F, r"^(\s+)tolerance_pct: 1\.0$", r"\1tolerance_pct: 1%"),
        r"'tolerance_pct' must be a finite number, not text '1%'",
        (F, "tolerance_pct: 1%"),
    ),
    Case(
        "fact unit as a list",
        sub(F, r"^(\s+)unit: usd$", r"\1unit: [usd]"),
        r"facts\.yaml:\d+: fact '[\w-]+': 'unit' must be text, not a list",
        (F, "unit: [usd]"),
    ),
    Case(
        "duplicate key in a fact",
        sub(F, r"^(\s+)(description: .*)$", r"\1\2\n\1description: again"),
        r"facts\.yaml:\d+: key 'description' is given twice",
        (F, "description: again"),
    ),
    Case(
        "fact entry not a mapping",
        sub(F, r"^facts:\n", "facts:\n  - zhipu-ipo-proceeds\n"),
        r"every entry under 'facts' must be a mapping",
    ),
    Case(
        "misspelt denominator",
        sub(D, r"^(\s+)denominator:", r"\1denomintor:"),
        r"derived\.yaml:\d+: measure '[\w-]+': unknown key 'denomintor' "
        r"\(did you mean 'denominator'\?\)",
        (D, "denomintor:"),
    ),
    Case(
        "unknown operation",
        sub(D, r"^(\s+)operation: ratio$", r"\1operation: quotient"),
        r"derived\.yaml:\d+: [\w-]+: operation 'quotient' unknown",
    ),
    Case(
        "derived dimension as a list",
        sub(D, r"^(\s+)dimension: (\w+)$", r"\1dimension: [\2]"),
        r"derived\.yaml:\d+: measure '[\w-]+': 'dimension' must be text",
        (D, "dimension: ["),
    ),
    Case(
        "alias in derived.yaml",
        both(
            sub(D, r"^(\s+)numerator: (.*)$", r"\1numerator: &n \2"),
            sub(D, r"^(\s+)denominator: (.*)$", r"\1denominator: *n"),
        ),
        r"derived\.yaml:\d+: anchors and aliases",
    ),
]

CROSS_SOURCE += [
    Case(
        "misspelt unit_as_meant",
        sub(U, r"^(\s+)unit_as_meant:", r"\1unit_as_ment:"),
        r"undated-narrowing\.yaml:\d+: figure \d+ of claim '[\w-]+': unknown key 'unit_as_ment' "
        r"\(did you mean 'unit_as_meant'\?\)",
        (U, "unit_as_ment:"),
    ),
    Case(
        "reference value in words",
        sub(REF, r"^(\s+)value: 40$", r"\1value: forty"),
        r"references\.yaml:\d+: reference check '[\w/-]+': 'value' must be a finite number",
        (REF, "value: forty"),
    ),
    Case(
        "disagreement sides as text",
        sub(DIS, r"^(\s+)sides:\n", r"\1sides: both\n\1extra:\n"),
        r"disagreements\.yaml:\d+: disagreement '[\w-]+': 'sides' must be a list",
        (DIS, "sides: both"),
    ),
]

# Periods are read (gapstudy.periods), headline numbers are checked against the recorded title,
# and a root cause is listed once with its consequences counted. Each was accepted silently, or
# listed with every consequence, before.
HARDENING = [
    Case(
        "period ends before it starts",
        sub(U, r'^(\s+)period: "2024"$', r"\1period: 2031 to 2026"),
        r"undated-narrowing\.yaml:\d+: figure \d+ of claim '[\w-]+': period '2031 to 2026' starts "
        r"\(2031\) after it ends \(2026\) \(write a year '2024', a quarter '2025-Q1'",
        (U, "period: 2031 to 2026"),
        n_problems=1,
    ),
    Case(
        "period with a fifth quarter",
        sub(U, r'^(\s+)period: "2024"$', r"\1period: 2025-Q5"),
        r"undated-narrowing\.yaml:\d+: .*period '2025-Q5' quarter 5 does not exist",
        (U, "period: 2025-Q5"),
    ),
    Case(
        "period naming a year in no known form",
        sub(U, r'^(\s+)period: "2024"$', r"\1period: the year after 2024"),
        r"undated-narrowing\.yaml:\d+: .*period 'the year after 2024' names a year but is not "
        r"a form the project reads",
        (U, "period: the year after 2024"),
    ),
    Case(
        "period precision that the period contradicts",
        sub(U, r'^(\s+period: "2024"\n\s+period_precision:) year$', r"\1 month"),
        r"undated-narrowing\.yaml:\d+: figure '[\w/-]+': period '2024' is a year period, but "
        r"period_precision is 'month'",
        (U, "period_precision: month"),
    ),
    Case(
        "disagreement period ending before it starts",
        sub(DIS, r"^(\s+)period: January 2026 \(Lin", r"\1period: 2027 to January 2026 (Lin"),
        r"disagreements\.yaml:\d+: disagreement '[\w-]+': period \"2027 to January 2026 .*\" "
        r"starts \(2027\) after it ends \(January 2026\)",
        (DIS, "period: 2027 to January 2026"),
    ),
    Case(
        "headline number changed with its checksum",
        raw_bytes(RAW, b"Narrowed to 2.7%", b"Narrowed to 3.7%"),
        r"data/raw/ithome-zheng-2026\.txt:1: headline number '3\.7%' is not in the title "
        r"recorded for 'ithome-zheng-2026'",
        n_problems=1,
    ),
    Case(
        "headline amount changed with its checksum",
        raw_bytes("data/raw/bloomberg-repost-2026.txt", b"$1 billion IPOs", b"$9 billion IPOs"),
        r"data/raw/bloomberg-repost-2026\.txt:1: headline number '\$9 billion' is not in the "
        r"title recorded for 'bloomberg-repost-2026'",
        n_problems=1,
    ),
    Case(
        "zero-width character in a source id",
        sub(
            S, r"^(\s+- )source_id: ithome-zheng-2026$", r'\1source_id: "ithome-zheng\\u200b-2026"'
        ),
        r"sources\.yaml:\d+: source_id 'ithome-zheng\\u200b-2026' holds invisible character "
        r"U\+200B \(ZERO WIDTH SPACE\) at character 13 \(write it in lower-case letters, digits "
        r"and hyphens, e\.g\. ithome-zheng-2026.*\); and 1\d more problems caused by it",
        (S, "ithome-zheng\\u200b-2026"),
        n_problems=1,
    ),
    Case(
        "misspelt key: the file unread, every number of its source open",
        sub(A, r"^(\s+)stance: (.*)$", r"\1stnace: \2"),
        r"hk-agi-next-2026\.yaml:\d+: voice '[\w-]+': unknown key 'stnace' \(did you mean "
        r"'stance'\?\); and 2\d more problems caused by it",
        (A, "stnace:"),
        n_problems=2,  # the key, and the required 'stance' it leaves missing
    ),
    Case(
        "claim quote misspelt, its number then open",
        sub(I, r"According to data from the latest", "According to figures from the latest"),
        r"ithome-zheng-2026\.yaml:\d+: quote 'According to figures .*' not found verbatim "
        r"\(copy the words exactly from the raw text\); and 1 more problem caused by it",
        (I, "According to figures from the latest"),
        n_problems=1,
    ),
]

CASES = ANNOTATION_KEYS + ANNOTATION_TYPES + ANNOTATION_YAML + ANNOTATION_SPANS
CASES += SOURCES + CROSS_SOURCE + HARDENING

OUTPUTS = ("data/processed", "figures/provenance.json")


@pytest.fixture
def scratch(project: ProjectPaths) -> ProjectPaths:
    """The scratch project with the committed outputs copied in beside its inputs."""
    shutil.copytree(ROOT / "data" / "processed", project.processed)
    project.figures.mkdir()
    shutil.copy(ROOT / "figures" / "provenance.json", project.provenance_file)
    return project


def _outputs_digest(root: Path) -> dict[str, str]:
    files = []
    for name in OUTPUTS:
        path = root / name
        files += sorted(path.rglob("*")) if path.is_dir() else [path]
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
        if path.is_file()
    }


def _run(root: Path, command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--root", str(root), command])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_table_holds_enough_distinct_cases():
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)


def test_the_untouched_scratch_copy_passes(scratch, capsys):
    code, out = _run(scratch.root, "check", capsys)
    assert code == 0, out
    assert out.startswith("ok:")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_bad_input_is_refused_with_its_place_and_outputs_stay(scratch, capsys, case):
    before = _outputs_digest(scratch.root)
    assert before, "the scratch project holds no committed outputs to compare"
    case.edit(scratch.root)
    code, out = _run(scratch.root, "check", capsys)
    assert code == case.exit_code, out
    assert re.search(case.message, out), out
    assert "Traceback" not in out
    if case.at is not None:
        file, fragment = case.at
        lines = (scratch.root / file).read_text(encoding="utf-8").splitlines()
        line = next(n for n, text in enumerate(lines, start=1) if fragment in text)
        assert f"{file}:{line}:" in out, out
    if case.n_problems is not None:
        assert f"{case.n_problems} problem(s) in the input files" in out, out
    code, out = _run(scratch.root, "tables", capsys)
    assert code == case.exit_code, out
    assert _outputs_digest(scratch.root) == before


# --- fuzzing -----------------------------------------------------------------------------------

FUZZ_SOURCE = "ithome-zheng-2026"
_KEYS = sorted({key for kind in ENTRY_KINDS.values() for key in kind})
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["2.7%", "China", "body", "optimist", "overall_lead", "ithome-zheng-2026"])
)
_keys = st.sampled_from(_KEYS) | st.text(max_size=8) | st.integers(-3, 3) | st.none()
_structures = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=5),
    max_leaves=25,
)
_documents = (
    st.fixed_dictionaries(
        {"source_id": st.sampled_from([FUZZ_SOURCE, "other"])},
        optional={
            "voices": st.lists(_structures, max_size=3),
            "claims": st.lists(_structures, max_size=3),
            "exclusions": st.lists(_structures, max_size=3),
        },
    )
    | _structures
)

_FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    """A one-source project: sources.yaml holds only the fuzzed source, so checks are quick."""
    root = tmp_path_factory.mktemp("fuzz")
    paths = project_paths(root)
    paths.raw.mkdir(parents=True)
    paths.annotations.mkdir()
    shutil.copy(ROOT / "data" / "raw" / f"{FUZZ_SOURCE}.txt", paths.raw)
    for name in ("facts.yaml", "derived.yaml"):
        shutil.copy(ROOT / "data" / "annotations" / name, paths.annotations)
    doc = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))
    doc["sources"] = [s for s in doc["sources"] if s["source_id"] == FUZZ_SOURCE]
    paths.sources_file.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return paths


def _check_only_own_errors(paths: ProjectPaths) -> None:
    """Validate; an input error must locate every problem in a file."""
    try:
        validate(paths)
    except InputError as err:
        assert err.problems
        assert all(str(problem.path) for problem in err.problems)
    except GapstudyError:
        pass


@_FUZZ
@given(doc=_documents)
def test_random_yaml_structures_give_only_own_errors(fuzz_project, doc):
    text = yaml.safe_dump(doc, allow_unicode=True)
    fuzz_project.annotation_file(FUZZ_SOURCE).write_text(text, encoding="utf-8")
    _check_only_own_errors(fuzz_project)


@_FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_give_only_own_errors(fuzz_project, data):
    fuzz_project.annotation_file(FUZZ_SOURCE).write_bytes(data)
    _check_only_own_errors(fuzz_project)


@_FUZZ
@given(
    data=st.lists(
        st.sampled_from(
            [
                "source_id: ithome-zheng-2026\n",
                "claims:\n",
                "  - key: k\n",
                "    quote: 2.7%\n",
                "    figures:\n",
                "      - text: 2.7%\n",
                "&a ",
                "*a ",
                "<<: ",
                "[",
                "]",
                "{",
                "}",
                ": ",
                "- ",
                "\t",
                "\xff",
                "\x00",
                "'",
                '"',
                "\n",
                "  ",
                "é",
                "!!binary ",
                "? ",
            ]
        ),
        max_size=25,
    )
)
def test_random_yaml_fragments_give_only_own_errors(fuzz_project, data):
    raw = "".join(data).encode("utf-8", errors="surrogatepass")
    fuzz_project.annotation_file(FUZZ_SOURCE).write_bytes(raw.replace(b"\xc3\xbf", b"\xff"))
    _check_only_own_errors(fuzz_project)
