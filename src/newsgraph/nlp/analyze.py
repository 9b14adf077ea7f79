"""From a parsed document to the record's NLP facets, one stage after another.

Every stage is a function of the parsed document and what earlier stages found; none mutates the
Doc. The order is the dependency order: quantities, quotes and events all ask the entity index
who is mentioned where, and events take their quantities and dates from those stages.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from newsgraph.events.coder import code_events
from newsgraph.events.lexicon import Lexicon, load_lexicon
from newsgraph.nlp.dates import find_dates
from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.quantities import find_quantities
from newsgraph.nlp.quotes import find_quotes
from newsgraph.record import DateRef, Entity, Event, Quantity, Quote
from newsgraph.settings import Settings, event_lexicon_paths


@dataclass(slots=True)
class Facets:
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Options:
    """What the stages may be told, taken from the settings once per run."""

    vague_quantities: bool = False
    event_lexicon: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> Options:
        """Options for a run; a bad extra lexicon fails here, before any article is read."""
        options = cls(settings.vague_quantities, event_lexicon_paths(settings))
        if options.event_lexicon:
            _lexicon(options.event_lexicon)
        return options


@functools.cache
def _lexicon(paths: tuple[str, ...]) -> Lexicon:
    return load_lexicon(paths)


def analyze(doc: Doc, published: date | None, options: Options = Options()) -> Facets:
    if not len(doc):
        return Facets()
    # 1. who and where: merged entities, and the index every later stage reads
    entities = find_entities(doc)
    # 2. when: temporal expressions resolved against the publication date
    dates = find_dates(doc, published)
    # 3. how many: counted things with their owners
    quantities = find_quantities(doc, entities, vague=options.vague_quantities)
    # 4. who said what
    quotes = find_quotes(doc, entities)
    # 5. who did what to whom: PLOVER events over the parse and the facets above
    lexicon = _lexicon(options.event_lexicon) if options.event_lexicon else None
    events = code_events(doc, entities, quantities, dates, lexicon=lexicon)
    return Facets(entities.entities, quotes, quantities, dates, events)
