"""A synthetic corpus of N sources made from the real one, for the scale benchmark.

The real corpus (every source in ``data/sources.yaml``) is copy 0 and stays as it is. Copies
1, 2, ... repeat it under new ids: each source ``s`` of copy ``g`` becomes ``s-x<gggg>``, with

- its own raw text: the real text with one line added at the end (a boilerplate line naming the
  copy in letters, so the mentions table gains no numbers), hence its own checksum, and one more
  segment (``boilerplate``) covering the added line;
- its own annotation file: the real one with every id of the copy rewritten (the source's own
  id, and the ids of facts it points at);
- its own entries in every cross-source file (``facts``, ``measures``, ``disagreements``,
  ``references``): the real entries with the ids of the copy (source ids, fact, measure and
  disagreement ids suffixed ``-x<gggg>``), so that a fact is still reported by the sources of one
  copy and ``gapstudy check`` passes.

Voice keys and entity names are left as they are: a voice is the same person in every file, as
the annotation guide asks. N must be a multiple of the number of real sources (so that every
copy is whole and its cross-source entries have all their sides).

Usage (writes into a copy of the project, never into this checkout)::

    python benchmarks/synthetic.py 50 /tmp/corpus-50
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", ".cache", "__pycache__", "*.egg-info")
# The cross-source files under data/annotations/: each is one top-level list, and the key of an
# entry's own id (rewritten per copy).
CROSS_SOURCE_FILES: dict[str, tuple[str, str | None]] = {
    "facts.yaml": ("facts", "fact_id"),
    "derived.yaml": ("measures", "measure_id"),
    "disagreements.yaml": ("disagreements", "disagreement_id"),
    "references.yaml": ("references", None),
}
_ID_CHARS = "A-Za-z0-9_-"
# Keys whose value is the id of a fact, measure or disagreement (declared or pointed at).
ID_REFERENCE_KEYS = ("fact_id", "measure_id", "disagreement_id", "fact")


def copy_suffix(copy: int) -> str:
    return f"-x{copy:04d}"


def copy_letters(copy: int) -> str:
    """The copy number in letters (a, b, ..., ba, ...): the added line carries no digits."""
    letters = ""
    while True:
        copy, rest = divmod(copy, 26)
        letters = chr(ord("a") + rest) + letters
        if copy == 0:
            return letters


def _rewriter(source_ids: list[str], cross_ids: list[str], suffix: str):
    """A function giving a text the ids of one copy: every whole source id (and the voice
    ``author-<source_id>`` of a source without an outlet), and the fact,
    measure and disagreement ids where a key names one (``fact_id:``, ``fact:``, ...; claim
    keys may equal fact ids, so those are not replaced everywhere)."""

    def alternatives(ids: list[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))

    # A source without a known outlet speaks as the voice ``author-<source_id>``.
    sources = re.compile(
        rf"(?<![{_ID_CHARS}])((?:author-)?(?:{alternatives(source_ids)}))(?![{_ID_CHARS}])"
    )
    keys = "|".join(ID_REFERENCE_KEYS)
    cross = re.compile(
        rf"(^[ \t-]*(?:{keys}):[ \t]*[\"']?)({alternatives(cross_ids)})(?![{_ID_CHARS}])",
        flags=re.MULTILINE,
    )

    def rewrite(text: str) -> str:
        text = sources.sub(lambda m: m.group(1) + suffix, text)
        if cross_ids:
            text = cross.sub(lambda m: m.group(1) + m.group(2) + suffix, text)
        return text

    return rewrite


def _cross_source_ids(annotations: Path) -> list[str]:
    """Ids declared by the cross-source files (facts, measures, disagreements)."""
    ids = []
    for name, (top, id_key) in CROSS_SOURCE_FILES.items():
        path = annotations / name
        if id_key is None or not path.exists():
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ids.extend(entry[id_key] for entry in doc.get(top) or [])
    return ids


def _local_keys(annotations: Path, source_ids: list[str]) -> set[str]:
    """Voice and claim keys of the annotation files: they must not collide with rewritten ids."""
    keys: set[str] = set()
    for sid in source_ids:
        doc = yaml.safe_load((annotations / f"{sid}.yaml").read_text(encoding="utf-8")) or {}
        keys.update(v["key"] for v in doc.get("voices") or [])
        keys.update(c["key"] for c in doc.get("claims") or [])
    return keys


def _list_body(text: str, top: str, path: Path) -> tuple[str, str]:
    """(Everything up to and including the line ``<top>:``, the list after it)."""
    match = re.search(rf"^{re.escape(top)}:[ \t]*\n", text, flags=re.MULTILINE)
    if match is None:
        raise SystemExit(f"{path}: no top-level '{top}:' list to replicate")
    body = text[match.end() :]
    if re.search(r"^[A-Za-z_]", body, flags=re.MULTILINE):
        raise SystemExit(f"{path}: more than one top-level key; cannot replicate")
    return text[: match.end()], body


def _copied_text(text: str, copy: int) -> str:
    """The real text with one boilerplate line added (the file's own line ending kept)."""
    line = f"Synthetic copy {copy_letters(copy)} of this text, made for the scale benchmark."
    if text.endswith("\n"):
        return f"{text}{line}\n"
    return f"{text}\n{line}"


def make_corpus(root: Path, n_sources: int) -> dict:
    """Turn the project at ``root`` (a scratch copy) into a corpus of ``n_sources`` sources."""
    data = root / "data"
    sources_doc = yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))
    real = sources_doc["sources"]
    if n_sources < len(real) or n_sources % len(real):
        raise SystemExit(
            f"{n_sources} sources: give a multiple of the {len(real)} real sources "
            f"({len(real)}, {2 * len(real)}, ...)"
        )
    copies = n_sources // len(real)
    source_ids = [meta["source_id"] for meta in real]
    annotations = data / "annotations"
    cross_ids = _cross_source_ids(annotations)
    clash = _local_keys(annotations, source_ids) & set(source_ids)
    if clash:
        raise SystemExit(f"ids that are also voice or claim keys, cannot rewrite: {sorted(clash)}")
    originals = {
        sid: (annotations / f"{sid}.yaml").read_text(encoding="utf-8") for sid in source_ids
    }
    raw_texts = {meta["source_id"]: (data / "raw" / meta["file"]).read_bytes() for meta in real}
    cross = {}
    for name, (top, _) in CROSS_SOURCE_FILES.items():
        path = annotations / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            cross[name] = _list_body(text, top, path)
            if not text.endswith("\n"):
                path.write_text(text + "\n", encoding="utf-8")
    new_sources = list(real)
    for copy in range(1, copies):
        suffix = copy_suffix(copy)
        rewrite = _rewriter(source_ids, cross_ids, suffix)
        for meta in real:
            sid = meta["source_id"]
            new_id = sid + suffix
            text = _copied_text(raw_texts[sid].decode("utf-8"), copy).encode("utf-8")
            file_name = f"{new_id}.txt"
            (data / "raw" / file_name).write_bytes(text)
            n_lines = text.decode("utf-8").rstrip("\n").count("\n") + 1
            segments = [dict(seg) for seg in meta["segments"]]
            segments.append({"kind": "boilerplate", "lines": [n_lines, n_lines]})
            stem, dot, ext = meta["original_name"].rpartition(".")
            new_sources.append(
                {
                    **meta,
                    "source_id": new_id,
                    "file": file_name,
                    "original_name": f"{stem}{suffix}{dot}{ext}",
                    "sha256": hashlib.sha256(text).hexdigest(),
                    "segments": segments,
                }
            )
            (annotations / f"{new_id}.yaml").write_text(rewrite(originals[sid]), encoding="utf-8")
        for name, (_, body) in cross.items():
            with (annotations / name).open("a", encoding="utf-8") as out:
                out.write(rewrite(body if body.endswith("\n") else body + "\n"))
    _write_sources(data / "sources.yaml", new_sources)
    return {"sources": len(new_sources), "copies": copies, "real_sources": len(real)}


def _write_sources(path: Path, sources: list[dict]) -> None:
    """``sources.yaml`` with every source, segments in flow style as in the real file."""

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: object) -> bool:  # the loader refuses anchors
            return True

    def flow_segment(dumper: yaml.SafeDumper, data: dict):
        if set(data) == {"kind", "lines"}:
            return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
        return dumper.represent_mapping("tag:yaml.org,2002:map", data)

    Dumper.add_representer(dict, flow_segment)
    text = yaml.dump(
        {"sources": sources},
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
    )
    path.write_text(
        "# Synthetic corpus for the scale benchmark (benchmarks/synthetic.py).\n" + text
    )


def make_project(n_sources: int, destination: Path, checkout: Path = CHECKOUT) -> dict:
    """Copy the project at ``checkout`` to ``destination`` and grow its corpus to ``n_sources``."""
    shutil.copytree(checkout, destination, ignore=COPY_IGNORE, dirs_exist_ok=True)
    return make_corpus(destination, n_sources)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_sources", type=int)
    parser.add_argument("destination", type=Path)
    args = parser.parse_args()
    if args.destination.resolve() == CHECKOUT:
        raise SystemExit("refusing to grow the corpus of this checkout: give a scratch folder")
    print(make_project(args.n_sources, args.destination))
    return 0


if __name__ == "__main__":
    sys.exit(main())
