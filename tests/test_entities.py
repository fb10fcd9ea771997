"""The entity list in data: canonical names, aliases, and the refusals that keep it unambiguous."""

from __future__ import annotations

import pytest

from gapstudy.check import validate
from gapstudy.entities import ENTITY_KINDS, canonical_entity, load_entities, read_entities
from gapstudy.exceptions import AnnotationError


def test_aliases_map_to_canonical_names_ignoring_case(repo_paths):
    entities = load_entities(repo_paths)
    assert entities.canonical("U.S.") == "United States"
    assert entities.canonical(" z.AI ") == "Zhipu"
    assert entities.canonical("China") == "China"
    assert entities.canonical("Atlantis") is None
    assert canonical_entity("usa", repo_paths) == "United States"


def test_every_entity_has_a_known_kind(repo_paths):
    entities = load_entities(repo_paths)
    assert entities.names
    assert {e.kind for e in entities.by_name.values()} <= set(ENTITY_KINDS)


def test_an_alias_shared_by_two_entities_is_refused_with_both_lines(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text(
        "entities:\n"
        "  - name: China\n    kind: country\n    aliases: [PRC]\n"
        "  - name: Taiwan\n    kind: country\n    aliases: [prc]\n"
    )
    with pytest.raises(AnnotationError) as err:
        read_entities(path)
    message = str(err.value)
    assert "entities.yaml:5:" in message
    assert "'prc' of entity 'Taiwan' already means 'China' (line 2)" in message


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - name: Taiwan\n    kind: island\n    aliases: []\n", "kind 'island' unknown"),
        ("  - name: Taiwan\n    kind: country\n", "lacks field 'aliases'"),
        ("  - name: Taiwan\n    kind: country\n    aliases: ROC\n", "must be a list"),
        ("  - name: Taiwan\n    kind: country\n    aliases: [Taiwan]\n", "lists 'Taiwan' twice"),
    ],
)
def test_a_bad_entry_is_refused_with_its_line(tmp_path, entry, message):
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n" + entry)
    with pytest.raises(AnnotationError, match=message) as err:
        read_entities(path)
    assert "entities.yaml:" in str(err.value)


def test_a_new_entity_is_a_yaml_edit(project):
    """'Taiwan' is unknown until data/entities.yaml lists it; then figures may name it."""
    assert load_entities(project).canonical("Taiwan") is None
    with project.entities_file.open("a", encoding="utf-8") as out:
        out.write("  - name: Taiwan\n    kind: country\n    aliases: [ROC]\n")
    assert load_entities(project).canonical("roc") == "Taiwan"
    corpus = validate(project)
    assert corpus.entities.canonical("Taiwan") == "Taiwan"
