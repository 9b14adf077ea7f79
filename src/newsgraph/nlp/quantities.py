"""Quantities (development placeholder: to be replaced)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.record import Quantity


def find_quantities(doc: Doc, entities: EntityIndex) -> list[Quantity]:
    return []
