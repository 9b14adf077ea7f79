"""Events (development placeholder: to be replaced)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.record import DateRef, Event, Quantity


def code_events(
    doc: Doc, entities: EntityIndex, quantities: list[Quantity], dates: list[DateRef]
) -> list[Event]:
    return []
