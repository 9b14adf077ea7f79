"""Lookup from text positions to the article's merged entities.

The entity stage decides which referent each mention belongs to (surnames to full names, "Moscow"
acting to Russia, "the Pentagon" to the U.S. Defense Department); every later stage (quotes,
quantities, events) asks this index "who is at this token?" instead of re-deciding it.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable

from spacy.tokens import Span, Token

from newsgraph.record import Entity


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparison form of a name: NFKC, case-folded, no punctuation, no leading "the"."""
    s = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    s = re.sub(r"'s\b", "", s).replace(".", "")
    s = re.sub(r"[^\w\s+-]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


class EntityIndex:
    """The article's entities and, for each mention span, the entity it refers to."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: list[Entity] = list(entities)
        self._by_id = {e.id: e for e in self.entities}
        spans = sorted((m[0], m[1], e.id) for e in self.entities for m in e.mentions)
        self._starts = [s[0] for s in spans]
        self._spans = spans
        self._by_name: dict[str, Entity] = {}
        for e in self.entities:
            for n in (e.name, *e.aliases):
                self._by_name.setdefault(name_key(n), e)

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str | None) -> Entity | None:
        return self._by_id.get(entity_id) if entity_id else None

    def at_char(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps [start, end) the most, if any."""
        best: tuple[int, str] | None = None
        i = bisect.bisect_right(self._starts, end) - 1
        while i >= 0:
            s, e, eid = self._spans[i]
            if e > start and s < end:
                overlap = min(e, end) - max(s, start)
                if best is None or overlap > best[0]:
                    best = (overlap, eid)
            if e <= start and s < start - 200:  # mentions are short: stop scanning back
                break
            i -= 1
        return self._by_id[best[1]] if best else None

    def at(self, item: Token | Span) -> Entity | None:
        """The entity mentioned at a token or a span."""
        if isinstance(item, Token):
            return self.at_char(item.idx, item.idx + len(item.text))
        return self.at_char(item.start_char, item.end_char)

    def find(self, name: str) -> Entity | None:
        """An entity by its name or one of its aliases."""
        return self._by_name.get(name_key(name))
