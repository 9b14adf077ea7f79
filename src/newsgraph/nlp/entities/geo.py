"""Where a place is: ISO country code, coordinates and GeoNames id of a PLACE entity.

Order of evidence: a country the data knows; a region of `data/entities/regions.toml`; a city
or first-level division of the gazetteer extract (`gazetteer.py`); the same after dropping a
descriptor or a compass word ("Kowloon West district" -> "Kowloon", "northern Syria" -> "Syria");
last, a town of 5,000+ people. A name found nowhere gets no geo: a thing the model tagged GPE that
is not a place stays out of the map.

Ambiguous names (several gazetteer places) follow one rule: prefer the country the article is
about (its most-mentioned country), then population; unless the other candidate is a world
city, more than `WORLD_CITY_FACTOR` times as populous ("Paris" in an article about the United
States is still the French capital, "Birmingham" is the one in Alabama).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.nlp.entities.gazetteer import Place, city, countries, fold, places, towns
from newsgraph.nlp.entities.resources import Ref, lexicon, names, region_spec

#: Calibrated on the classic ambiguous pairs: Paris FR (2.1M) beats Paris TX (25k x 50 = 1.2M)
#: in a US article; Birmingham AL (196k x 50 = 9.8M) beats Birmingham UK (1.2M) there.
WORLD_CITY_FACTOR = 50
#: The weight of a first-level division of the article's country whose extract population is 0
#: (US states): "Colorado" in a US article is the state, not Colorado, Paraná (~30k), while
#: a world city of 50M+ would still win.
DIVISION_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class Location:
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


def locate(ref: Ref | None, forms: list[str], main_country: str | None) -> Location | None:
    """The location of a place known by `ref` or named by `forms` (name first)."""
    if ref is not None:
        return _of_ref(ref, forms, main_country)
    if any(f in lexicon().state_abbreviations for f in forms):
        main_country = "US"  # "Denver, Colo.": Colorado is the state
    for form in forms:
        found = _of_name(form, main_country)
        if found is not None:
            return found
    for form in forms:
        found = _of_name(_core(form), main_country)
        if found is not None:
            return found
    for form in forms:
        p = choose(towns(_core(form) or form), main_country)
        if p is not None:
            return _of_place(p)
    return None


def choose(candidates: tuple[Place, ...], main_country: str | None) -> Place | None:
    """The ambiguity rule of the module docstring."""
    if not candidates:
        return None
    best = max(candidates, key=_rank)
    local = [p for p in candidates if p.country == main_country]
    if local:
        best_local = max(local, key=_rank)
        weight = best_local.population or (DIVISION_POPULATION if best_local.kind == "admin1"
                                           else 0)
        if weight * WORLD_CITY_FACTOR >= best.population:
            return best_local
    return best


def _of_ref(ref: Ref, forms: list[str], main_country: str | None) -> Location | None:
    if ref.kind in ("country", "capital"):
        # "Georgia" in an article about the United States is the state.
        if main_country is not None and main_country != ref.id:
            state = [p for f in forms for p in places(f)
                     if p.kind == "admin1" and p.country == main_country]
            if state:
                return _of_place(state[0])
        c = countries().get(ref.id)
        if c is None:
            return Location(ref.id)
        return Location(c.iso, c.lat, c.lon, c.geonameid)
    if ref.kind == "region":
        spec = region_spec(ref.id)
        if "city" in spec:
            p = city(spec["city"])
            return _of_place(p) if p else None
        return Location(spec.get("country"), spec.get("lat"), spec.get("lon"))
    return None


def _rank(p: Place) -> tuple[int, bool]:
    """Population first; on a tie a city beats the division named after it."""
    return p.population, p.kind == "city"


def _of_place(p: Place) -> Location:
    return Location(p.country, p.lat, p.lon, p.geonameid)


def _of_name(name: str, main_country: str | None) -> Location | None:
    if not name:
        return None
    ref = names().refs.get(fold(name))
    if ref is not None and ref.type == "PLACE":
        return _of_ref(ref, [name], main_country)
    capital = names().capitals.get(fold(name))
    p = choose(places(name), main_country or (capital.id if capital else None))
    return _of_place(p) if p else None


def _core(name: str) -> str:
    """The name without a descriptor or compass word: "Kowloon West district" -> "Kowloon"."""
    lex = lexicon()
    words = name.split()
    while len(words) > 1 and words[-1].lower() in lex.place_descriptors | lex.directional:
        words = words[:-1]
    while len(words) > 1 and words[0].lower() in lex.directional:
        words = words[1:]
    core = " ".join(words)
    return core if core != name else ""
