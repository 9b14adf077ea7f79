"""The entity stage on the hard cases: types, span repairs, merging, metonymy, noise, the index.

Every case is a real sentence through the real spaCy pipeline. The sentences are written for
these tests in the styles of several outlets; none is special-cased in the code.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.record import Entity


def run(nlp: Language, text: str) -> EntityIndex:
    return find_entities(nlp(text))


def named(index: EntityIndex, name: str) -> Entity:
    found = index.find(name)
    assert found is not None, f"no entity {name!r} in {[e.name for e in index.entities]}"
    return found


def surfaces(text: str, entity: Entity) -> list[str]:
    return [text[a:b] for a, b in entity.mentions]


# --- types and span repairs ---------------------------------------------------------------

TYPES = [
    # a country the model tags ORG is a place
    ("Belarus is set to hold a constitutional referendum later this month.", "Belarus", "PLACE"),
    # a military base tagged GPE stays a place
    ("An additional 2,000 troops will be deployed from Fort Bragg to Germany.", "Fort Bragg",
     "PLACE"),
    ("Lithuania remained under the Soviet Union’s control until 1990.", "Soviet Union", "PLACE"),
    ("Six jets were dispatched to Estonia, a NATO spokesman said.", "NATO", "ORG"),
    ("A delegation of Lithuanian lawmakers arrived on Monday.", "Lithuanian", "GROUP"),
    ("The Rafah crossing into Egypt stayed closed on Friday.", "Rafah", "PLACE"),
    ("Aid could not pass the only open crossing, Bab al-Hawa, the agency said.", "Bab al-Hawa",
     "PLACE"),
    ("FRANKFURT (Reuters) - Siemens Energy said on Wednesday it would cut 4,100 jobs.",
     "Frankfurt", "PLACE"),
    ("The Pentagon said on Monday that more troops were on alert.", "Pentagon", "ORG"),
]


@pytest.mark.parametrize(("text", "name", "kind"), TYPES)
def test_type_fixes(nlp: Language, text: str, name: str, kind: str) -> None:
    assert named(run(nlp, text), name).type == kind


CLEAN_NAMES = [
    # possessive "’s" is not part of the name
    ("Lithuania remained under the Soviet Union’s control until 1990.", "Soviet Union"),
    ("The protests reflect Hong Kong’s eroding autonomy.", "Hong Kong"),
    # a leading "the" is not either
    ("The United States has rotated troops through Lithuania since 2019.", "United States"),
    # a name inside a bracket pair is its own name
    ("Israel sent teams, while the World Health Organization (WHO) warned of disease.",
     "World Health Organization"),
    # a dateline in capitals is named in title case
    ("SÃO PAULO — Brazil's electoral court on Monday certified the result.", "São Paulo"),
]


@pytest.mark.parametrize(("text", "name"), CLEAN_NAMES)
def test_names_are_clean(nlp: Language, text: str, name: str) -> None:
    index = run(nlp, text)
    assert name in [e.name for e in index.entities]


def test_no_mention_crosses_a_paragraph_break(nlp: Language) -> None:
    text = "Readers wrote to the Conversation\n\nCommenting is closed for this story."
    index = run(nlp, text)
    for e in index.entities:
        assert "\n" not in e.name
        for a, b in e.mentions:
            assert "\n" not in text[a:b]


NOT_ENTITIES = [
    # "Central" alone is not a name: the span is "Central and Eastern European"
    ("Vilnius withdrew from a grouping of Central and Eastern European nations with China.",
     "Central"),
    # a wire agency credit is not an entity of the story
    ("ANTAKYA, Turkey (AP) — Rescue teams pulled a girl alive from the rubble.", "AP"),
    ("FRANKFURT (Reuters) - Siemens Energy said on Wednesday it would cut 4,100 jobs.",
     "Reuters"),
    # "State" in "Secretary of State" is a word of a title
    ("Secretary of State Antony Blinken said the vote had been free and fair.", "State"),
]


@pytest.mark.parametrize(("text", "name"), NOT_ENTITIES)
def test_noise_is_dropped(nlp: Language, text: str, name: str) -> None:
    assert name not in [e.name for e in run(nlp, text).entities]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "12345 !!! ??", "....", "the and of"])
def test_odd_input_gives_no_entities(nlp: Language, text: str) -> None:
    assert run(nlp, text).entities == []


# --- one entity per referent -----------------------------------------------------------------

MERGES = [
    # surname -> full name
    ("“It is a red line,” said Laima Liucija Andrikiene, a lawmaker. Andrikiene added that "
     "Vilnius was ready.", "Laima Liucija Andrikiene", ["Andrikiene"]),
    # family name first
    ("China’s ambassador Liu Xiaming spoke on Monday. Liu said the army could be deployed.",
     "Liu Xiaming", ["Liu"]),
    # a short name inside the full one
    ("Luiz Inácio Lula da Silva won the runoff. Lula, a former union leader, thanked voters.",
     "Luiz Inácio Lula da Silva", ["Lula"]),
    # abbreviations and country variants
    ("The United States said U.S. troops would stay, and US officials agreed.", "United States",
     ["U.S.", "US"]),
    ("Britain said the UK would act, and U.K. officials agreed.", "United Kingdom",
     ["Britain", "UK", "U.K."]),
    ("The European Union filed a case, and EU officials said more would follow.",
     "European Union", ["EU"]),
    ("The United Nations said the U.N. convoys, and UN staff, were blocked.", "United Nations",
     ["U.N.", "UN"]),
    # an acronym from the initials of a long form in the same article
    ("The National Democratic Alliance won the vote. The NDA said it would govern.",
     "National Democratic Alliance", ["NDA"]),
    # "Long Form (LF)" even when the letters come from another language
    ("The Superior Electoral Court (TSE) said the claims were baseless. The TSE met on Monday.",
     "Superior Electoral Court", ["TSE"]),
    # known aliases from data
    ("The Pentagon said on Monday that the Defense Department would send more troops.",
     "U.S. Defense Department", ["Pentagon", "Defense Department"]),
    # a country before an organisation
    ("Lawmakers will meet their counterparts in U.S. Congress. Congress returns on Monday.",
     "U.S. Congress", ["Congress"]),
    # a one-word short form of a company
    ("Vestas Wind Systems reported a profit last week, and Vestas shares rose 3%.",
     "Vestas Wind Systems", ["Vestas"]),
    # the forms of one nationality
    ("Russian forces are massing, and the Russians deny it. Russia says the drills are routine.",
     "Russians", ["Russian"]),
]


@pytest.mark.parametrize(("text", "name", "aliases"), MERGES)
def test_one_entity_per_referent(nlp: Language, text: str, name: str,
                                 aliases: list[str]) -> None:
    index = run(nlp, text)
    e = named(index, name)
    assert e.name == name
    for alias in aliases:
        assert index.find(alias) is e, alias
    assert sum(1 for x in index.entities if x.name == name) == 1


def test_surname_shared_by_two_people_is_not_merged(nlp: Language) -> None:
    text = ("A judge sentenced Daniel Okafor on Thursday. Okafor's wife, Grace Okafor, was "
            "initially charged too. Okafor will appeal, his lawyer said.")
    index = run(nlp, text)
    daniel, grace = named(index, "Daniel Okafor"), named(index, "Grace Okafor")
    assert daniel is not grace
    assert "Okafor" not in daniel.aliases and "Okafor" not in grace.aliases


def test_nationality_links_to_its_country(nlp: Language) -> None:
    index = run(nlp, "Russian forces are massing near Ukraine. Russia says the drills are "
                     "routine.")
    group, russia = named(index, "Russian"), named(index, "Russia")
    assert group.type == "GROUP" and group.country == "RU"
    assert group.affiliation == russia.id


def test_organisation_owned_by_a_named_country(nlp: Language) -> None:
    text = ("“It is a priority,” said Laima Liucija Andrikiene, chair of Lithuania’s Foreign "
            "Affairs Committee.")
    index = run(nlp, text)
    committee, lithuania = named(index, "Foreign Affairs Committee"), named(index, "Lithuania")
    assert "Lithuania’s Foreign Affairs Committee" in committee.aliases
    assert committee.affiliation == lithuania.id and committee.country == "LT"


# --- capitals: government or place ------------------------------------------------------------

METONYMY = [
    ("Moscow is conducting joint military exercises in Belarus this month.", "Moscow", "Russia"),
    ("In May, Vilnius withdrew from the 17+1 bloc.", "Vilnius", "Lithuania"),
    ("Washington imposed new sanctions on Iran on Friday.", "Washington", "United States"),
    ("Beijing has sought to capitalize on the frustration.", "Beijing", "China"),
    ("Lithuania remained under Moscow’s control until 1990.", "Moscow", "Russia"),
    ("Relations between Moscow and Washington have worsened.", "Washington", "United States"),
    ("Tbilisi accused Moscow of provocation on Tuesday.", "Tbilisi", "Georgia"),
    # a capital where something happens stays a place
    ("Taiwan opened a representative office in Vilnius in November.", "Vilnius", "Vilnius"),
    ("She flew to Moscow on Tuesday for talks.", "Moscow", "Moscow"),
    ("The lawmakers are in Washington this week for meetings.", "Washington", "Washington"),
    # a dateline is where the story was filed
    ("JERUSALEM, Oct 12 (Reuters) - Israeli warplanes struck targets overnight.", "JERUSALEM",
     "Jerusalem"),
]


@pytest.mark.parametrize(("text", "capital", "entity"), METONYMY)
def test_capital_resolves_by_its_role(nlp: Language, text: str, capital: str,
                                      entity: str) -> None:
    doc = nlp(text)
    index = find_entities(doc)
    start = text.index(capital)
    found = index.at_char(start, start + len(capital))
    assert found is not None and found.name == entity
    if entity.casefold() != capital.casefold():
        assert capital in found.aliases


# --- the index ----------------------------------------------------------------------------------

def test_every_mention_resolves_to_its_merged_entity(nlp: Language) -> None:
    text = ("The Pentagon said on Tuesday that U.S. troops would deploy. Pentagon spokesperson "
            "John Kirby said the United States would not wait. Kirby spoke in Washington.")
    doc = nlp(text)
    index = find_entities(doc)
    for e in index.entities:
        for a, b in e.mentions:
            span = doc.char_span(a, b)
            assert span is not None
            assert index.at(span) is e
            assert index.at(span[0]) is e
    kirby = named(index, "John Kirby")
    assert index.find("Kirby") is kirby
    assert index.get(kirby.id) is kirby


def test_mentions_do_not_overlap(nlp: Language, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    index = run(nlp, text)
    spans = sorted(m for e in index.entities for m in e.mentions)
    for (_, end), (start, _) in pairwise(spans):
        assert end <= start
    ids = [e.id for e in index.entities]
    assert ids == [f"e{i + 1}" for i in range(len(ids))]
