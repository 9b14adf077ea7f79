"""Titles as the article states them, and the affiliation they show.

The trimming rule (titles.py): determiners go; a possessor goes when it is a common noun, a
pronoun or a person and stays when it names a place or an organisation; adjectives that judge
the person go; the phrase ends where the head noun's own phrase ends.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.entities.titles import titles_of
from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.record import Entity


def person(index: EntityIndex, name: str) -> Entity:
    found = index.find(name)
    assert found is not None and found.type == "PERSON", [e.name for e in index.entities]
    return found


TITLES = [
    # apposition after the name
    ("“It is a priority,” said Laima Liucija Andrikiene, chair of Lithuania’s Foreign Affairs "
     "Committee, in an interview.", "Laima Liucija Andrikiene",
     "chair of Lithuania’s Foreign Affairs Committee"),
    ("Laurynas Kasciunas, chair of the National Security and Defence Committee, is in "
     "Washington.", "Laurynas Kasciunas", "chair of the National Security and Defence Committee"),
    ("Cheuk Hau-yip, the commander of Kowloon West district, said the rioters were criminals.",
     "Cheuk Hau-yip", "commander of Kowloon West district"),
    ("Chris Tang, Hong Kong’s new police commissioner, said in an interview that police alone "
     "cannot end the violence.", "Chris Tang", "Hong Kong’s new police commissioner"),
    # apposition before the name: a common-noun possessor and a judging adjective go
    ("Three lawmakers came, including the parliament’s deputy speaker, Jonas Jarutis, and two "
     "others.", "Jonas Jarutis", "deputy speaker"),
    ("Although neutrality is written into the constitution, the country’s embattled president, "
     "Aleksandr Lukashenko, has become dependent on Russia.", "Aleksandr Lukashenko",
     "president"),
    ("Okafor's lawyer, Steven Marsh, said his client would appeal.", "Steven Marsh", "lawyer"),
    # pre-modifiers, no comma
    ("Pentagon spokesperson John Kirby said on Tuesday that the deployments were not permanent.",
     "John Kirby", "Pentagon spokesperson"),
    ("On Monday, U.S. ambassador to the United Nations Linda Thomas-Greenfield told the "
     "Security Council that troops had massed.", "Linda Thomas-Greenfield",
     "U.S. ambassador to the United Nations"),
    ("Thousands fled to Lithuania, including the country’s opposition leader Sviatlana "
     "Tsikhanouskaya.", "Sviatlana Tsikhanouskaya", "opposition leader"),
    ("China’s ambassador to Britain Liu Xiaming has said that China has the power to end the "
     "unrest.", "Liu Xiaming", "China’s ambassador to Britain"),
    ("Okafor and an accomplice, Brightwater's former head of sales Peter Lindqvist, told "
     "investors the loans were guaranteed.", "Peter Lindqvist",
     "Brightwater's former head of sales"),
    ("German Economy Minister Robert Habeck said in Berlin that the government was watching.",
     "Robert Habeck", "German Economy Minister"),
    # "who is the Y"
    ("Maria Gonzalez, who is the mayor of the town, said the water supply had failed.",
     "Maria Gonzalez", "mayor of the town"),
    # ages are not part of a role
    ("Luiz Inácio Lula da Silva, a 77-year-old former union leader, won the vote.",
     "Luiz Inácio Lula da Silva", "former union leader"),
]


@pytest.mark.parametrize(("text", "name", "title"), TITLES)
def test_titles(nlp: Language, text: str, name: str, title: str) -> None:
    assert title in person(find_entities(nlp(text)), name).titles


NO_TITLES = [
    # a relative is not a role
    ("His wife, Grace Okafor, attended the hearing.", "Grace Okafor"),
    # "the lawyer of X" makes the lawyer someone else
    ("The judge thanked the lawyer of Daniel Okafor for his patience.", "Daniel Okafor"),
    # a sentence-initial name with nothing around it
    ("Erdogan declared a three-month state of emergency.", "Erdogan"),
]


@pytest.mark.parametrize(("text", "name"), NO_TITLES)
def test_no_title_where_none_is_stated(nlp: Language, text: str, name: str) -> None:
    assert person(find_entities(nlp(text)), name).titles == []


AFFILIATIONS = [
    ("Pentagon spokesperson John Kirby said on Tuesday the troops would move.", "John Kirby",
     "U.S. Defense Department", "US"),
    ("On Monday, U.S. ambassador to the United Nations Linda Thomas-Greenfield told the "
     "council that troops had massed.", "Linda Thomas-Greenfield", "United States", "US"),
    ("“It is a priority,” said Laima Liucija Andrikiene, chair of Lithuania’s Foreign Affairs "
     "Committee.", "Laima Liucija Andrikiene", "Foreign Affairs Committee", "LT"),
    ("China’s ambassador to Britain Liu Xiaming said China would not sit on its hands.",
     "Liu Xiaming", "China", "CN"),
    ("Russian President Vladimir Putin met his Belarusian counterpart as Russia massed troops.",
     "Vladimir Putin", "Russia", "RU"),
]


@pytest.mark.parametrize(("text", "name", "owner", "country"), AFFILIATIONS)
def test_affiliation_from_the_title(nlp: Language, text: str, name: str, owner: str,
                                    country: str) -> None:
    index = find_entities(nlp(text))
    p = person(index, name)
    target = index.get(p.affiliation)
    assert target is not None and target.name == owner
    assert p.country == country


def test_titles_of_reads_the_parse_alone(nlp: Language) -> None:
    doc = nlp("Pentagon spokesperson John Kirby said the deployments were not permanent.")
    start = next(t.i for t in doc if t.text == "John")
    titles = titles_of(doc, start, start + 2)
    assert [t.text for t in titles] == ["Pentagon spokesperson"]
    assert doc[titles[0].head].text == "spokesperson"
