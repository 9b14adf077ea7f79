"""Entities (development baseline: spaCy's entities, one per distinct text; to be replaced)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.record import Entity, EntityType

_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "NORP": "GROUP",
}


def find_entities(doc: Doc) -> EntityIndex:
    by_text: dict[str, Entity] = {}
    for ent in doc.ents:
        kind = _TYPES.get(ent.label_)
        if kind is None:
            continue
        e = by_text.get(ent.text)
        if e is None:
            e = by_text[ent.text] = Entity(id=f"e{len(by_text) + 1}", name=ent.text, type=kind)
        e.mentions.append((ent.start_char, ent.end_char))
    return EntityIndex(by_text.values())
