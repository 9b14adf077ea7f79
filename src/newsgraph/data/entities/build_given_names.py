"""Rebuild `given_names_census.txt`: US given names from the 1990 US Census, as packaged by `names`.

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python src/newsgraph/data/entities/build_given_names.py names-0.3.0/names

The census lists (public domain; the `names` package is MIT) rank given names by frequency. We keep
the most frequent (`MALE_TOP`, `FEMALE_TOP`: below those ranks the names are rare and more often
other words) and drop names that are also countries, capitals, nationality words, large cities,
months or weekdays ("Kenya", "Jordan", "Paris", "May"), since a name list is evidence only where
the word is not also a place. Run from the repository root with the package installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.nlp.entities.gazetteer import fold, places
from newsgraph.nlp.entities.resources import names

#: Ranks kept (1990 census; the female list is longer and flatter).
MALE_TOP = 1000
FEMALE_TOP = 1500
#: A given name that is a city of at least this many people is left out ("Houston", "Florence"
#: stay: they are more often people in news than the cities are subjects without a preposition).
CITY_POPULATION = 1_000_000
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday"}


def _read(path: Path, top: int) -> list[str]:
    out = []
    for line in path.read_text(encoding="ascii").splitlines()[:top]:
        out.append(line.split()[0].title())
    return out


def _is_place(name: str) -> bool:
    """A country, capital, known body, region or nationality word (a religion's word such as
    "Christian" stays: as a first name it is a person's)."""
    key = fold(name)
    ref = names().refs.get(key)
    named_group = ref is not None and ref.kind == "group" and len(ref.id) != 2
    if (ref is not None and not named_group) or key in names().capitals or key in CALENDAR:
        return True
    return any(p.population >= CITY_POPULATION for p in places(name))


def main() -> int:
    src = Path(sys.argv[1])
    found = _read(src / "dist.male.first", MALE_TOP) + _read(src / "dist.female.first", FEMALE_TOP)
    kept = sorted({n for n in found if not _is_place(n)})
    out = Path(__file__).with_name("given_names_census.txt")
    header = ("# US given names: the 1990 US Census lists (public domain) as packaged by the\n"
              f"# `names` package 0.3.0 (MIT); male ranks 1-{MALE_TOP}, female ranks "
              f"1-{FEMALE_TOP}, without\n"
              "# countries, capitals, nationality words, cities of 1M+, months and weekdays.\n"
              "# Built by build_given_names.py; do not edit by hand.\n")
    out.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
