"""Entities: who and where the article names, one entity per referent.

The stage runs in five steps over the parsed document, each in its own module:

1. `labels.find_mentions`: the model's spans, repaired and typed with data (PERSON, ORG,
   PLACE for GPE/LOC/FAC, GROUP for NORP, OTHER for named events and laws; numbers, dates,
   products, works of art and languages are dropped, unless an organisation noun names them:
   "the charity X"), plus countries and known organisations the model missed;
2. `metonymy.acts_as_government`: a capital that acts is its state ("Moscow is conducting
   exercises" is Russia), a capital where something happens stays a place;
3. `merge.cluster`: one cluster per referent (aliases, acronyms, surnames, nationality forms);
4. `titles.titles_of`: roles stated around each person's name, and the affiliation they show;
5. `geo.locate`: country code, coordinates and GeoNames id of each place.

The returned `EntityIndex` maps every mention span to its merged entity, which is what later
stages ask (`entities.at(token)`).

Step 1 also repairs what the model gets wrong on short or unfamiliar text: wire datelines
(`datelines.py`); name spans cut or glued wrong (`spans.py`: "Federal Reserve Bank" + "of
Dallas", "U.S. Attorney's Office for" + "the Eastern District", "Parks" + "and Wildlife
Services" when the article writes "PWS", "Orange and Riverside" before "counties" as two
places, a sentence's first word glued onto a known name); names the model left untagged
(`scan.py`: known names, acronyms, described names, large cities, conjuncts of an
organisation, surnames of a tagged person, two countries in "U.S.-Canada"); and types read off
the context with data lists (`evidence.py`: a role noun or a given name makes a person, an
organisation noun, a club's name or an airline's "Air" an organisation, a compass point a
place). News agencies named in a credit line ("LONDON (AP) —") are dropped. Token attributes
that the scans read for every token come from one numpy read (`columns.py`).

Step 3 also joins forms of one name the article uses: initials with "&" or without a company
suffix or a leading place ("PG&E", "PUC" for "California Public Utilities Commission"), the
words after "Department of", a committee's first word and head noun, a party's members
("the Conservatives") with "the Conservative Party" (a people the data knows, "Democrats",
stays a GROUP), and a surname the model typed as an organisation with the person.

Nationalities and their country: a GROUP ("Israeli", "Iraqis", "Philippine") always carries its
country's ISO code in `country`; its `affiliation` is the id of the country's entity only when the
article names that country (directly, or by its capital acting: "Kyiv said"). No country entity
is invented for a nationality alone: later stages read `affiliation` first and fall back on
`country`.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from newsgraph.nlp.entities.gazetteer import fold
from newsgraph.nlp.entities.geo import locate
from newsgraph.nlp.entities.labels import find_mentions
from newsgraph.nlp.entities.merge import Cluster, cluster
from newsgraph.nlp.entities.metonymy import acts_as_government
from newsgraph.nlp.entities.resources import names
from newsgraph.nlp.entities.titles import titles_of
from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.record import Entity, Geo


def find_entities(doc: Doc) -> EntityIndex:
    if not len(doc):
        return EntityIndex([])
    # 1. mentions
    mentions = find_mentions(doc)
    # 2. capitals: the government or the city
    for m in mentions:
        if m.ref is not None and m.ref.kind == "capital" and not acts_as_government(
                doc, m.start, m.end):
            m.ref = None
    # 3. one cluster per referent
    clusters = cluster(mentions)
    entities = [_entity(f"e{i + 1}", c) for i, c in enumerate(clusters)]
    links = _Links(doc, clusters, entities)
    # 4. places, then what everything else belongs to
    main = links.main_country()
    for c, e in zip(clusters, entities, strict=True):
        if e.type == "PLACE":
            links.place(c, e, main)
    for c, e in zip(clusters, entities, strict=True):
        if e.type in ("ORG", "GROUP", "OTHER"):
            links.belonging(c, e)
    for c, e in zip(clusters, entities, strict=True):
        if e.type == "PERSON":
            links.person(c, e)
    return EntityIndex(entities)


def _named_country(name: str) -> str | None:
    """ "Lithuanian Foreign Ministry", "United States Senate", "Central Bank of Nigeria": the
    country an organisation's name starts or ends with."""
    words = fold(name).split()
    refs = names().refs
    for size in (3, 2, 1):
        ref = refs.get(" ".join(words[:size]))
        if ref is not None and ref.kind in ("country", "group") and len(words) > size:
            return ref.country
    for size in (3, 2, 1):
        ref = refs.get(" ".join(words[-size:]))
        if ref is not None and ref.kind == "country" and len(words) > size + 1 \
                and words[-size - 1] == "of":
            return ref.country
    return None


def _entity(eid: str, c: Cluster) -> Entity:
    spans = sorted({(m.start_char, m.end_char) for m in c.mentions})
    return Entity(id=eid, name=c.name, type=c.type, aliases=list(c.aliases), mentions=spans)


class _Links:
    """Cross-entity facts: which entity sits at a token, which is a country, who belongs where."""

    def __init__(self, doc: Doc, clusters: list[Cluster], entities: list[Entity]) -> None:
        self.doc = doc
        self.clusters = clusters
        self.entities = entities
        self.at_token = [-1] * len(doc)
        self.of_mention: dict[int, int] = {}
        self.by_canon: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        for k, c in enumerate(clusters):
            for m in c.mentions:
                self.at_token[m.start:m.end] = [k] * (m.end - m.start)
                self.of_mention[id(m)] = k
            if c.ref is not None:
                self.by_canon.setdefault(c.ref.canon, k)
            for form in (c.name, *c.aliases):
                self.by_key.setdefault(fold(form), k)

    def main_country(self) -> str | None:
        """The country the article is about: its most-mentioned country (first on a tie)."""
        counts: Counter[str] = Counter()
        for c in self.clusters:
            if c.ref is not None and c.ref.kind in ("country", "capital"):
                counts[c.ref.id] += len(c.mentions)
        return counts.most_common(1)[0][0] if counts else None

    def country_entity(self, iso: str | None) -> int | None:
        return self.by_canon.get(f"country:{iso}") if iso else None

    def place(self, c: Cluster, e: Entity, main: str | None) -> None:
        where = locate(c.ref, [c.name, *c.aliases], main)
        if where is None:
            return
        e.country = where.country
        if where.lat is not None and where.lon is not None:
            e.geo = Geo(where.lat, where.lon)
        e.geonames_id = where.geonameid

    def belonging(self, c: Cluster, e: Entity) -> None:
        """An organisation's owner ("Lithuania’s committee", "U.S. Congress"), a nationality's
        country, a known body's state."""
        owner: int | None = None
        for m in c.mentions:
            if m.owner is not None and id(m.owner) in self.of_mention:
                owner = self.of_mention[id(m.owner)]
                break
        ref = c.ref
        if owner is None and ref is not None:
            owner = self.country_entity(ref.country)
            if owner is None and ref.of:
                owner = self.by_key.get(fold(ref.of))
        named = _named_country(e.name) if e.type == "ORG" else None
        if owner is None and named is not None:
            owner = self.country_entity(named)
        if owner is not None and self.entities[owner] is not e:
            e.affiliation = self.entities[owner].id
            e.country = self._country_of(owner)
        e.country = e.country or (ref.country if ref is not None else None) or named

    def _country_of(self, k: int) -> str | None:
        c, e = self.clusters[k], self.entities[k]
        if e.country:
            return e.country
        return c.ref.country if c.ref is not None else None

    def person(self, c: Cluster, e: Entity) -> None:
        def kind(i: int) -> str | None:
            k = self.at_token[i]
            return self.entities[k].type if k >= 0 else None

        for m in sorted(c.mentions, key=lambda m: m.start):
            for title in titles_of(self.doc, m.start, m.end, kind):
                if title.text not in e.titles:
                    e.titles.append(title.text)
                if e.affiliation is None:
                    self._affiliate(e, title.owners)

    def _affiliate(self, e: Entity, tokens: tuple[int, ...]) -> None:
        for i in tokens:
            k = self.at_token[i]
            if k < 0 or self.entities[k] is e or self.entities[k].type == "PERSON":
                continue
            target, c = self.entities[k], self.clusters[k]
            if target.type == "GROUP":  # "Russian President ..." belongs to Russia
                k2 = self.country_entity(c.ref.country if c.ref else None)
                if k2 is None:
                    e.country = e.country or (c.ref.country if c.ref else None)
                    continue
                k, target = k2, self.entities[k2]
            elif target.type == "PLACE" and (c.ref is None or c.ref.kind not in (
                    "country", "capital")):
                continue  # a district or a city is where the person works, not whom for
            e.affiliation = target.id
            e.country = self._country_of(k)
            return

