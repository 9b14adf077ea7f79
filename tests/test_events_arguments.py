"""Arguments the coder reads off the parse: passives, control and raising, coordination,
nominalizations, "with" clauses, relative clauses, pronouns, places, quantities, provenance.

Sentences from the seed article (tests/fixtures/corpus/lithuania-troops.txt) and written for the
tests, run through the whole pipeline.
"""

from __future__ import annotations

import functools

import pytest
from spacy.language import Language

import newsgraph
from newsgraph.events import code_events
from newsgraph.nlp.entities import find_entities
from newsgraph.record import Article, Event


@functools.cache
def extract(text: str) -> Article:
    return newsgraph.extract(text, published="2022-02-03")


def only(events: list[Event], etype: str) -> list[Event]:
    return [e for e in events if e.type == etype]


WITH_CLAUSE = (
    "On Tuesday, the U.S. Defense Department announced the deployment of 3,000 U.S. troops to "
    "Eastern Europe, with 1,000 troops being repositioned from Germany to Romania and an "
    "additional 2,000 to be deployed from Fort Bragg to Germany and Poland."
)


def test_with_clause_adds_one_event_per_movement() -> None:
    events = only(extract(WITH_CLAUSE).events, "MOBILIZE")
    by_value = {e.quantity.value: e for e in events if e.quantity is not None}
    assert sorted(by_value) == [1000, 2000, 3000]
    main, moved, sent = by_value[3000], by_value[1000], by_value[2000]
    assert main.actor == "U.S. Defense Department" and main.status == "announced"
    assert main.destination == "Eastern Europe"
    assert moved.origin == "Germany" and moved.destination == "Romania"
    # coordinated destinations stay one event, the list holds them all
    assert sent.origin == "Fort Bragg" and sent.destinations == ["Germany", "Poland"]
    assert sent.status == "planned"
    for e in (moved, sent):  # the elaborations share the announcing side
        assert e.actor in ("United States", "U.S. Defense Department")


def test_passive_without_agent_keeps_count_and_places() -> None:
    text = ("Six F-15 fighter jets were dispatched to Estonia from their base in the United "
            "Kingdom last week.")
    [e] = extract(text).events
    assert (e.type, e.actor, e.mode) == ("MOBILIZE", None, "weapons")
    assert e.quantity is not None and e.quantity.value == 6
    assert (e.origin, e.destination) == ("United Kingdom", "Estonia")


def test_coordinated_actors_stay_one_event() -> None:
    text = ("In January, the State Department gave the green light for Estonia, Latvia, and "
            "Lithuania to send U.S.-made anti-tank and anti-aircraft missiles to Ukraine.")
    [aid] = only(extract(text).events, "AID")
    assert aid.actors == ["Estonia", "Latvia", "Lithuania"] and aid.actor == "Estonia"
    assert aid.recipient == "Ukraine" and aid.mode == "military"


def test_possessive_nominalization_and_border_phrase() -> None:
    [e] = extract("Russia's military buildup near Ukraine rattled its neighbours.").events
    assert (e.type, e.actor, e.destination) == ("MOBILIZE", "Russia", "Ukraine")
    [e] = extract("Russia has amassed more than 100,000 troops close to its border with "
                  "Ukraine.").events
    assert e.actor == "Russia" and e.destination == "Ukraine"
    assert e.quantity is not None and e.quantity.value == 100000


def test_the_country_refers_back_to_the_last_place_named() -> None:
    text = ("Moscow is conducting military exercises in Belarus this month. Moscow is expected "
            "to amass around 30,000 troops in the country by early February.")
    [e] = [e for e in only(extract(text).events, "MOBILIZE") if e.quantity]
    assert e.actor == "Russia" and e.destination == "Belarus" and e.status == "planned"


def test_relative_clause_subject_is_its_antecedent() -> None:
    text = ("Lawmakers asked for more funding for the Baltic Security Initiative, which "
            "currently provides $150 million a year in military aid to Lithuania, Latvia, and "
            "Estonia.")
    [aid] = only(extract(text).events, "AID")
    assert aid.actor == "Baltic Security Initiative"
    assert aid.recipients == ["Lithuania", "Latvia", "Estonia"]
    assert aid.quantity is not None and aid.quantity.value == 150_000_000


def test_pronoun_subject_and_possessive_resolve_to_the_announcer() -> None:
    text = ("On Saturday, the United Kingdom announced it was considering doubling its "
            "deployment of troops to Estonia.")
    [e] = extract(text).events
    assert (e.type, e.actor, e.destination, e.status) == (
        "MOBILIZE", "United Kingdom", "Estonia", "considered")


def test_agent_of_a_participle_on_a_noun() -> None:
    text = ("Andrikiene said Lithuania was very appreciative of the support expressed by the "
            "United States, Australia, and the EU during the spat.")
    [e] = extract(text).events
    assert e.type == "SUPPORT"
    assert e.actors[:2] == ["United States", "Australia"] and len(e.actors) == 3


def test_a_force_that_is_deployed_acts_for_itself() -> None:
    text = "Liu said that the People's Liberation Army could be deployed in Beijing."
    [e] = extract(text).events
    assert (e.type, e.actor, e.status) == ("MOBILIZE", "People's Liberation Army", "considered")


def test_readiness_and_the_deployment_it_serves_are_one_event() -> None:
    text = ("An additional 8,500 troops in the United States remain on heightened readiness for "
            "a potential deployment to Europe.")
    [e] = extract(text).events
    assert e.type == "MOBILIZE" and e.quantity is not None and e.quantity.value == 8500


def test_control_verb_seek_makes_no_request() -> None:
    assert extract("NATO members have sought to reassure nervous allies.").events == []


def test_accusation_content_is_claimed_and_topics_are_not_events() -> None:
    text = ("Last week, the European Union filed a case with the World Trade Organization, "
            "accusing Beijing of retaliating against the Baltic nation by imposing trade "
            "restrictions on Lithuanian goods.")
    events = extract(text).events
    assert [(e.type, e.actor) for e in events] == [("ACCUSE", "European Union"),
                                                   ("SANCTION", "China")]
    assert events[0].recipient == "China" and events[1].status == "claimed"
    # the reason for sanctions is not an event of its own
    text = "The EU imposed sanctions on Iran over its drone deliveries to Russia."
    assert [e.type for e in extract(text).events] == ["SANCTION"]


def test_provenance_sentence_is_the_text_at_the_span(seed_path: object) -> None:
    article = newsgraph.extract(str(seed_path), published="2022-02-03")
    assert len(article.events) >= 15
    for e in article.events:
        assert article.text[e.span[0]:e.span[1]] == e.sentence
        assert e.sentence.strip() == e.sentence and "\n\n" not in e.sentence
        assert e.trigger and e.trigger in e.sentence


def test_repeated_paragraph_gives_one_event() -> None:
    para = "Russia has amassed more than 100,000 troops close to its border with Ukraine."
    events = extract(f"{para}\n\nAnalysts were worried.\n\n{para}").events
    assert len(only(events, "MOBILIZE")) == 1


@pytest.mark.parametrize("text", ["", " ", "\n\n", "???", "— — —", "١٢٣ ٤٥٦", "a" * 300,
                                  "Troops. Troops troops, deployed? Deployed!"])
def test_odd_input_yields_no_error(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert isinstance(code_events(doc, find_entities(doc), [], []), list)
