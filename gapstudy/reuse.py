"""What the corpus already names, for a new text to reuse: metric wordings, event ids and
voices.

Two figures of one quantity written two ways ("lead on the MMLU benchmark", "lead on the MMLU
language understanding benchmark") are plotted as two series, and two keys for one report are
two voices. Nothing here is an error: ``gapstudy check`` prints these notes after its verdict,
each naming the existing wording, its file and line, and ``gapstudy add`` lists the event ids and
voices in use. Wordings are near when the words of one (less the small words below) hold all the
words of the other, two or more, or when they share three quarters of their words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from gapstudy.annotations import SourceAnnotations
from gapstudy.exceptions import Problem
from gapstudy.sources import Source
from gapstudy.yamlfile import line_of_key

# Words that do not tell two wordings apart.
SMALL_WORDS = frozenset(
    re.findall(r"\S+", "a an the of on in for to and by at its their with from as per")
)
NEAR_SHARE = 0.75
# Kinds of voice that speak in several texts, listed by `gapstudy add` for reuse.
REUSABLE_VOICE_KINDS = ("outlet", "organisation", "report")


@lru_cache(maxsize=2**16)
def wording_words(wording: str) -> frozenset[str]:
    """The words of a wording that tell it apart: lower case, small words left out."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", wording.lower()) if w not in SMALL_WORDS)


def is_near(a: str, b: str) -> bool:
    """Whether two different wordings are near (see the module docstring)."""
    words_a, words_b = wording_words(a), wording_words(b)
    if a == b or not words_a or not words_b:
        return False
    if min(len(words_a), len(words_b)) >= 2 and (words_a <= words_b or words_b <= words_a):
        return True
    return len(words_a & words_b) / len(words_a | words_b) >= NEAR_SHARE


@dataclass(frozen=True)
class MetricUse:
    """One figure's metric, where it is written, and what it is compared within."""

    source_id: str
    dimension: str
    entity: str
    metric: str
    path: Path
    line: int


def metric_uses(
    annotations: Mapping[str, SourceAnnotations], canonical: Callable[[str], str | None]
) -> list[MetricUse]:
    """Every figure's metric, in the order of ``annotations`` (that of ``data/sources.yaml``),
    with its claim's dimension and its entity's canonical name."""
    uses = []
    for sid, notes in annotations.items():
        for claim in notes.claims:
            for fig in claim.figures:
                metric, entity = fig.spec.get("metric"), fig.spec.get("entity")
                if not isinstance(metric, str) or not isinstance(entity, str):
                    continue
                uses.append(
                    MetricUse(
                        sid,
                        str(claim.spec.get("dimension")),
                        canonical(entity) or entity,
                        metric,
                        notes.path,
                        line_of_key(fig.spec, "metric") or fig.line,
                    )
                )
    return uses


class _NearIndex:
    """Wordings seen so far, found by their words: a near wording shares a word (see
    :func:`is_near`), so only wordings sharing one are compared, and each pair once."""

    def __init__(self) -> None:
        self._by_word: dict[str, list[str]] = {}
        self._known: set[str] = set()
        # What ``near`` found for each wording since the last new wording was added: a corpus
        # repeats its wordings, and each use would look its wording up again.
        self._found: dict[str, frozenset[str]] = {}

    def add(self, wording: str) -> None:
        if wording in self._known:
            return
        self._known.add(wording)
        self._found.clear()
        for word in wording_words(wording):
            self._by_word.setdefault(word, []).append(wording)

    def near(self, wording: str) -> frozenset[str]:
        """The wordings added so far that are near ``wording``."""
        found = self._found.get(wording)
        if found is None:
            candidates = {c for w in wording_words(wording) for c in self._by_word.get(w, ())}
            found = frozenset(c for c in candidates if _is_near_cached(c, wording))
            self._found[wording] = found
        return found


@lru_cache(maxsize=2**16)
def _is_near_cached(a: str, b: str) -> bool:
    return is_near(a, b)


@dataclass
class _Group:
    """The metrics of one dimension and entity so far: the first use of each wording, and its
    first use in another source than that one (the earliest use another source may cite)."""

    index: _NearIndex = field(default_factory=_NearIndex)
    first: dict[str, tuple[int, MetricUse]] = field(default_factory=dict)
    other: dict[str, tuple[int, MetricUse]] = field(default_factory=dict)

    def earliest(self, metric: str, source_id: str) -> tuple[int, MetricUse] | None:
        found = self.first[metric]
        return found if found[1].source_id != source_id else self.other.get(metric)

    def add(self, n: int, use: MetricUse) -> None:
        self.index.add(use.metric)
        first = self.first.setdefault(use.metric, (n, use))
        if first[1].source_id != use.source_id:
            self.other.setdefault(use.metric, (n, use))


def near_metrics(uses: list[MetricUse]) -> list[Problem]:
    """A note for each metric written near, not the same as, a metric of an earlier source for
    the same dimension and entity, naming the earlier wording (its first use in another source),
    its file and line (one note per pair of wordings, at the later source).

    Uses are indexed by dimension, entity and words, so the time grows with the number of
    uses, not with its square."""
    notes, seen = [], set()
    groups: dict[tuple[str, str], _Group] = {}
    for n, use in enumerate(uses):
        group = groups.setdefault((use.dimension, use.entity), _Group())
        earlier = []
        for metric in group.index.near(use.metric):
            found = group.earliest(metric, use.source_id)
            if found is not None and (metric, use.metric, use.path) not in seen:
                earlier.append(found)
        for _, other in sorted(earlier, key=lambda item: item[0]):
            seen.add((other.metric, use.metric, use.path))
            notes.append(
                Problem(
                    use.path,
                    use.line,
                    f"metric {use.metric!r} ({use.dimension}, {use.entity}) is near "
                    f"{other.metric!r} in {other.path.name}:{other.line}",
                    "if both measure the same thing, write it one way: plots and facts "
                    "group figures by their metric's words",
                )
            )
        group.add(n, use)
    return notes


class Voiced(Protocol):
    """What :func:`near_shared_voices` reads of a source's annotations (or of their summary)."""

    path: Path
    voices: dict[str, dict[str, Any]]


def near_shared_voices(
    annotations: Mapping[str, Voiced], shared: Mapping[str, dict[str, Any]], path: Path
) -> list[Problem]:
    """A note for each voice declared in an annotation file under its own key whose name is
    near, or the same as, the name of a voice declared once in ``voices.yaml`` (``path``)."""
    return [
        note
        for notes_of in annotations.values()
        for note in near_shared_voices_of(notes_of, shared, path)
    ]


def near_shared_voices_of(
    notes_of: Voiced, shared: Mapping[str, dict[str, Any]], path: Path
) -> list[Problem]:
    """:func:`near_shared_voices` of one annotation file (it reads no other): what ``gapstudy
    check`` keeps in each source's summary, made again only when the file or ``voices.yaml``
    changed."""
    notes = []
    for key, voice in notes_of.voices.items():
        name = voice.get("name")
        if key in shared or not isinstance(name, str):
            continue
        for shared_key, declared in shared.items():
            other = declared.get("name")
            if isinstance(other, str) and (name == other or is_near(name, other)):
                notes.append(
                    Problem(
                        notes_of.path,
                        voice["__line__"],
                        f"voice {key!r} ({name!r}) is near {shared_key!r} ({other!r}), "
                        f"declared in {path.name}:{declared['__line__']}",
                        f"if it is the same voice, refer to it by key: "
                        f"{{key: {shared_key}, stance: ...}}",
                    )
                )
                break
    return notes


def near_events(sources: Mapping[str, Source], path: Path) -> list[Problem]:
    """A note for each event id near, not the same as, an event id of an earlier source in
    ``data/sources.yaml`` (``path``), naming it and that source."""
    notes, first_use, order, index = [], {}, {}, _NearIndex()
    for sid, source in sources.items():
        events = source.meta.get("event") or []
        for event in events if isinstance(events, list) else []:
            if not isinstance(event, str):
                continue
            near = [] if event in first_use else sorted(index.near(event), key=order.get)
            near = [e for e in near if first_use[e] != sid]
            if near:
                notes.append(
                    Problem(
                        path,
                        line_of_key(source.meta, "event"),
                        f"{sid}: event {event!r} is near {near[0]!r} of {first_use[near[0]]}",
                        "if the texts report the same occasion, use one id",
                    )
                )
            if event not in first_use:
                first_use[event], order[event] = sid, len(order)
                index.add(event)
    return notes


def in_use(
    sources: Mapping[str, Source],
    voices_by_source: Mapping[str, list[dict[str, Any]]],
    shared: Mapping[str, dict[str, Any]],
) -> dict[str, dict[str, str]]:
    """What a new text may reuse: event ids (with the sources that report them) and voices of
    the kinds that speak in several texts (key: name, and where declared), from the sources,
    the voices each annotation file declares, and ``voices.yaml`` (``shared``)."""
    events: dict[str, list[str]] = {}
    for sid, source in sources.items():
        for event in source.meta.get("event") or []:
            events.setdefault(str(event), []).append(sid)
    voices = {key: f"{v.get('name')} (voices.yaml)" for key, v in shared.items()}
    for sid, declared in voices_by_source.items():
        for voice in declared:
            key = voice.get("key")
            if (
                voice.get("kind") in REUSABLE_VOICE_KINDS
                and key not in voices
                and not str(key).startswith("author-")  # a text's own, unnamed author
            ):
                voices[str(key)] = f"{voice.get('name')} ({sid})"
    return {
        "events": {e: ", ".join(sids) for e, sids in sorted(events.items())},
        "voices": dict(sorted(voices.items())),
    }


def format_in_use(found: dict[str, dict[str, str]], limit: int = 40) -> str:
    """What :func:`in_use` found, a line per entry, at most ``limit`` per list."""
    lines = ["in use, to reuse where the new text speaks of the same (docs/adding-a-source.md):"]
    for name, entries in found.items():
        lines.append(f"  {name}:" + ("" if entries else " none"))
        items = list(entries.items())
        lines += [f"    {key}: {where}" for key, where in items[:limit]]
        if len(items) > limit:
            lines.append(f"    ... and {len(items) - limit} more")
    lines.append("  metrics: `gapstudy check` names any metric written near one already used")
    return "\n".join(lines)
