"""Places: ISO codes, coordinates, GeoNames ids, the ambiguity rule, and the gazetteer extract."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.entities.gazetteer import countries, fold, places
from newsgraph.nlp.entities.geo import WORLD_CITY_FACTOR, choose, locate
from newsgraph.record import Entity


def place(nlp: Language, text: str, name: str) -> Entity:
    index = find_entities(nlp(text))
    found = index.find(name)
    assert found is not None and found.type == "PLACE", [e.name for e in index.entities]
    return found


CODES = [
    # countries: code, centroid and GeoNames id
    ("The United States has rotated troops through Lithuania since 2019.", "Lithuania", "LT",
     (56.0, 24.0), 597427),
    ("Britain said on Monday it would send jets.", "United Kingdom", "GB", (54.0, -2.0),
     2635167),
    # cities: their country, their own coordinates
    ("Taiwan opened a representative office in Vilnius in November.", "Vilnius", "LT",
     (54.69, 25.28), 593116),
    ("Troops will be repositioned from Fort Bragg to Germany.", "Fort Bragg", "US",
     (35.14, -79.01), None),
    ("Rescue teams worked through the night in Gaziantep.", "Gaziantep", "TR", (37.06, 37.38),
     None),
    ("Frustration with Brussels has grown across the region.", "Brussels", "BE", (50.85, 4.35),
     None),
    # an exonym the gazetteer spells otherwise
    ("FRANKFURT (Reuters) - Siemens Energy said on Wednesday it would cut jobs.", "Frankfurt",
     "DE", (50.12, 8.68), 2925533),
    # regions from our own data file: approximate centroids, a country where there is one
    ("Some 300,000 people were deported to gulags in Siberia.", "Siberia", "RU", (60.0, 100.0),
     None),
    ("The troops will go to Eastern Europe next week.", "Eastern Europe", None, (50.0, 30.0),
     None),
    ("Migrants came from the Middle East and North Africa.", "North Africa", None, (28.0, 10.0),
     None),
    # a place below a named one: the country of the place it is part of
    ("Cheuk Hau-yip, the commander of Kowloon West district, said the rioters were criminals.",
     "Kowloon West", "HK", (22.32, 114.17), None),
    # a US state
    ("Officials in Texas said the storm had passed.", "Texas", "US", (31.1, -97.0), 4736286),
]


@pytest.mark.parametrize(("text", "name", "country", "latlon", "geonames_id"), CODES)
def test_codes_and_coordinates(nlp: Language, text: str, name: str, country: str | None,
                               latlon: tuple[float, float], geonames_id: int | None) -> None:
    p = place(nlp, text, name)
    assert p.country == country
    assert p.geo is not None
    assert p.geo.lat == pytest.approx(latlon[0], abs=0.1)
    assert p.geo.lon == pytest.approx(latlon[1], abs=0.1)
    if geonames_id is not None:
        assert p.geonames_id == geonames_id


AMBIGUOUS = [
    # the article's country first ...
    ("The factory in Birmingham will close as the United States market slows and United "
     "States demand falls.", "Birmingham", "US"),
    ("The factory in Birmingham will close, Britain's trade minister said.", "Birmingham", "GB"),
    ("Georgia's governor signed the bill as the United States economy slowed and the United "
     "States Senate debated.", "Georgia", "US"),
    ("Georgia's president met European leaders in Tbilisi.", "Georgia", "GE"),
    # ... unless the other candidate is a world city
    ("Prices rose in Paris, officials in the United States said, and the United States "
     "markets fell.", "Paris", "FR"),
    # with no country in the article, the most populous
    ("Prices rose in Paris on Tuesday.", "Paris", "FR"),
]


@pytest.mark.parametrize(("text", "name", "country"), AMBIGUOUS)
def test_ambiguity_rule(nlp: Language, text: str, name: str, country: str) -> None:
    assert place(nlp, text, name).country == country


def test_choose_prefers_the_main_country_then_population() -> None:
    candidates = places("Birmingham")
    assert {p.country for p in candidates} >= {"GB", "US"}
    assert choose(candidates, "US").country == "US"  # type: ignore[union-attr]
    assert choose(candidates, "GB").country == "GB"  # type: ignore[union-attr]
    assert choose(candidates, None).country == "GB"  # type: ignore[union-attr]
    paris = places("Paris")
    small = max((p for p in paris if p.country == "US"), key=lambda p: p.population)
    assert small.population * WORLD_CITY_FACTOR < max(p.population for p in paris)
    assert choose(paris, "US").country == "FR"  # type: ignore[union-attr]
    assert choose((), "US") is None


def test_non_places_stay_out_of_geo() -> None:
    assert locate(None, ["Foreign Service Gets"], "US") is None
    assert locate(None, ["Zzyzxville"], None) is None


def test_gazetteer_extract_ships_and_folds_accents() -> None:
    table = countries()
    assert len(table) > 240
    assert table["LT"].capital == "Vilnius" and table["US"].name == "United States"
    assert all(c.lat is not None for iso, c in table.items() if c.population > 1_000_000)
    assert fold("São Paulo") == fold("Sao Paulo") == "sao paulo"
    assert places("Sao Paulo")[0].country == "BR"
    assert places("the Washington") == places("Washington")


@pytest.mark.parametrize(("name", "full", "country"), [
    ("St. Joseph", "Saint Joseph", "US"),
    ("Ft. Myers", "Fort Myers", "US"),
    ("Mt. Vernon", "Mount Vernon", "US"),
])
def test_abbreviated_first_words_are_looked_up_in_full(name: str, full: str,
                                                       country: str) -> None:
    found = places(name)
    assert found and found[0].name == full and found[0].country == country


def test_an_abbreviation_the_gazetteer_has_is_not_expanded() -> None:
    assert places("St. Louis")[0].name in ("St. Louis", "Saint Louis")
    assert not places("Xy. Nowhere")
