"""Quotes (development placeholder: to be replaced)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.record import Quote


def find_quotes(doc: Doc, entities: EntityIndex) -> list[Quote]:
    return []
