"""From a parsed document to the record's NLP facets, one stage after another.

Every stage is a function of the parsed document and what earlier stages found; none mutates the
Doc. The order is the dependency order: quantities, quotes and events all ask the entity index
who is mentioned where, and events take their quantities and dates from those stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from newsgraph.events.coder import code_events
from newsgraph.nlp.dates import find_dates
from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.quantities import find_quantities
from newsgraph.nlp.quotes import find_quotes
from newsgraph.record import DateRef, Entity, Event, Quantity, Quote


@dataclass(slots=True)
class Facets:
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def analyze(doc: Doc, published: date | None) -> Facets:
    if not len(doc):
        return Facets()
    # 1. who and where: merged entities, and the index every later stage reads
    entities = find_entities(doc)
    # 2. when: temporal expressions resolved against the publication date
    dates = find_dates(doc, published)
    # 3. how many: counted things with their owners
    quantities = find_quantities(doc, entities)
    # 4. who said what
    quotes = find_quotes(doc, entities)
    # 5. who did what to whom: PLOVER events over the parse and the facets above
    events = code_events(doc, entities, quantities, dates)
    return Facets(entities.entities, quotes, quantities, dates, events)
