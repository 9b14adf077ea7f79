"""Quantities, second round: what real copy counts beyond the first lists, and what it does not.

Each table row is a sentence written for these tests (other outlets, other beats) and what a
reader would extract from it: people named by any noun for a person, weapons, vehicles and
aircraft beyond the first lists, counts whose noun is left out or given earlier in the sentence,
and the owner of a fleet; then what is not a count: definite references ("the two leaders"),
capacities ("seats 18,000"), a legal "case", a number inside a singular noun phrase.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.entity_index import name_key
from newsgraph.nlp.quantities import find_quantities
from newsgraph.nlp.quantities.lexicon import lexicon
from newsgraph.record import Quantity


def quantities(nlp: Language, text: str) -> list[Quantity]:
    doc = nlp(text)
    return find_quantities(doc, find_entities(doc))


def the(found: list[Quantity], value: float, text: str) -> Quantity:
    hits = [q for q in found if q.value == pytest.approx(value)]
    assert len(hits) == 1, f"{value} in {text!r}: {[(q.value, q.unit, q.kind) for q in found]}"
    return hits[0]


def check(nlp: Language, text: str, value: float, expected: dict[str, Any]) -> None:
    q = the(quantities(nlp, text), value, text)
    for field, want in expected.items():
        got = getattr(q, field)
        if field == "subject":
            forms = {name_key(w) for w in ((want,) if isinstance(want, str) else want)}
            assert got is not None and name_key(got) in forms, f"subject {got!r} not in {forms}"
        else:
            assert got == want, f"{field}: {got!r} != {want!r} in {text!r}"
    assert text[q.span[0] : q.span[1]] == q.text


# ---- people named by any noun for a person ----------------------------------------------------

PEOPLE = [
    ("A field hospital staffed by six volunteer surgeons opened on Friday.", 6,
     "volunteer surgeons"),
    ("Eleven paramedics and 40 firefighters were sent to the scene.", 11, "paramedics"),
    ("The shelter now houses 212 adult men and 40 unaccompanied minors.", 40,
     "unaccompanied minors"),
    ("The cell held 90 adult males and two boys.", 90, "adult males"),
    ("The open letter was signed by 230 economists.", 230, "economists"),
    ("The port strike was called by 14,000 dockworkers.", 14_000, "dockworkers"),
    ("The ruling party fielded 18 incumbents in the vote.", 18, "incumbents"),
    ("The company laid off 70 engineers and 12 technicians.", 70, "engineers"),
    ("Investigators interviewed 45 passengers and nine flight attendants.", 9,
     "flight attendants"),
    ("Two hundred schoolteachers marched in Nairobi on Wednesday.", 200, "schoolteachers"),
    ("The campaign paid 30 influencers to promote the bill.", 30, "influencers"),  # not in WordNet
    ("Three CEOs resigned this week.", 3, "CEOs"),
    ("The survey questioned 2,000 pensioners in Leeds.", 2000, "pensioners"),
    ("Sixteen jurors heard the evidence.", 16, "jurors"),
]


@pytest.mark.parametrize(("text", "value", "unit"), PEOPLE)
def test_any_noun_for_a_person_counts_people(
    nlp: Language, text: str, value: float, unit: str
) -> None:
    check(nlp, text, value, {"unit": unit, "kind": "people"})


def test_ranks_stay_personnel(nlp: Language) -> None:
    check(nlp, "Two generals and 40 sergeants were dismissed.", 2, {"kind": "personnel"})


# ---- weapons, vehicles, vessels and aircraft beyond the first lists ---------------------------

THINGS = [
    ("The raid netted four pistols, two revolvers and a sawed-off shotgun.", 2, "revolvers",
     "weapons"),
    ("Officers seized 19 handguns in the house.", 19, "handguns", "weapons"),
    ("He kept three rifles and two shotguns in the barn.", 2, "shotguns", "weapons"),
    ("Rebels captured 12 pickup trucks and three motorcycles.", 3, "motorcycles", "vehicles"),
    ("The coast guard intercepted two dhows carrying migrants.", 2, "dhows", "vessels"),
    ("The airline will take delivery of 20 A321neos next year.", 20, "A321neos", "aircraft"),
    ("The carrier retired its remaining eight 787s in March.", 8, "787s", "aircraft"),
    ("Lufthansa has ordered 20 Boeing 777-9 jets.", 20, "Boeing 777-9 jets", "aircraft"),
    ("The cargo airline leases five 777 freighters.", 5, "777 freighters", "aircraft"),
    ("The carrier bought 12 of Boeing's 787-9 Dreamliner jets.", 12, "787-9 Dreamliner jets",
     "aircraft"),
    # an act counts what it moves when a model or a military thing says what that is
    ("The lessor placed 50 jet orders at the show.", 50, "jet orders", "aircraft"),
    ("Airbus logged 14 A220 sales during the show.", 14, "A220 sales", "aircraft"),
    ("Mobile clinics delivered 3,000 vaccine doses to the camps.", 3000, "vaccine doses", "other"),
]


@pytest.mark.parametrize(("text", "value", "unit", "kind"), THINGS)
def test_things_beyond_the_first_lists(
    nlp: Language, text: str, value: float, unit: str, kind: str
) -> None:
    check(nlp, text, value, {"unit": unit, "kind": kind})


# ---- the noun left out or given earlier -------------------------------------------------------

ELLIPSES = [
    # a breakdown after a colon
    ("Airbus booked 12 A350 orders on Tuesday: eight from Qatar Airways and four from a lessor.",
     4, {"unit": "A350 orders", "kind": "aircraft", "text": "four"}),
    ("The charity received 40 donated ambulances: 25 for Gaza and 15 for the West Bank.", 25,
     {"unit": "donated ambulances", "kind": "vehicles"}),
    # a part of the count just given, whatever its noun
    ("The carrier operates a fleet of 180 aircraft, including 14 cargo.", 14,
     {"unit": "cargo", "kind": "aircraft"}),
    ("The blast killed 40 people, including 12 in the market.", 12, {"kind": "people"}),
    # a level after a change: the object, the "of" complement, an estimate, an appended change
    ("The ministry cut its order of Rafale jets by 12 to 24.", 24,
     {"unit": "Rafale jets", "kind": "aircraft"}),
    ("The firm cut jobs by 300 to 4,700.", 4700, {"unit": "jobs", "kind": "other"}),
    ("The agency lowered the number of people at risk from an initial estimate of about 80,000.",
     80_000, {"unit": "people", "kind": "people", "approx": "about"}),
    ("The deal trimmed a prior commitment of 777X jets from the U.S. planemaker, down by 30 "
     "to 126.", 126, {"unit": "777X jets", "kind": "aircraft", "text": "126"}),
    ("The army cut its presence from 5,000 to 3,000 troops.", 5000,
     {"unit": "troops", "kind": "personnel", "text": "5,000"}),
    ("The shelter received 120 unaccompanied minors last week, up from 45 the week before.", 45,
     {"kind": "people"}),
    # after a capacity, the count of what it holds
    ("A camp built for 2,000 refugees now holds 9,000.", 9000,
     {"unit": "refugees", "kind": "people"}),
]


@pytest.mark.parametrize(("text", "value", "expected"), ELLIPSES)
def test_noun_left_out(nlp: Language, text: str, value: float, expected: dict[str, Any]) -> None:
    check(nlp, text, value, expected)


def test_the_change_itself_is_no_count(nlp: Language) -> None:
    found = quantities(nlp, "The airline cut its order of A330 jets, down by 10 to 40.")
    assert [q.value for q in found] == [40]


def test_a_rising_range_after_by_is_still_a_range(nlp: Language) -> None:
    q = the(quantities(nlp, "The firm cut its staff by 200 to 300 workers."), 200, "")
    assert q.approx == "between"


# ---- whose ------------------------------------------------------------------------------------

OWNERS = [
    # the buyer, not the maker or seller
    ("Qatar's national carrier Qatar Airways agreed to buy 25 Boeing 777 freighters.", 25,
     ("Qatar Airways",)),
    ("Lufthansa said it would lease eight of Boeing's 787s.", 8, ("Lufthansa",)),
    ("Norway bought four of Germany's old submarines.", 4, ("Norway",)),
    ("Bahrain's flag carrier Gulf Air finalized a deal to purchase 12 of Airbus's A321neo jets, "
     "executives said.", 12, ("Gulf Air",)),
    # a company named short after its full name is the company, not a place
    ("Abu Dhabi's state carrier Etihad Airways ordered 20 Airbus jets on Monday. Etihad "
     "operates 100 aircraft.", 100, ("Etihad Airways",)),
    ("Kenya Airways has a fleet of 40 planes.", 40, ("Kenya Airways",)),
    # a dateline is no subject
    ("MANAMA, Bahrain — Bahrain's flag carrier Gulf Air finalized a deal to buy 12 Airbus jets.",
     12, ("Gulf Air",)),
]


@pytest.mark.parametrize(("text", "value", "subject"), OWNERS)
def test_fleet_owner(nlp: Language, text: str, value: float, subject: tuple[str, ...]) -> None:
    check(nlp, text, value, {"subject": subject})


@pytest.mark.parametrize(
    ("text", "value", "not_owner"),
    [
        ("The airline agreed to purchase 30 of Boeing's 787 jets.", 30, "Boeing"),
        ("The Polish army received 14 Rheinmetall howitzers last month.", 14, "Rheinmetall"),
        ("The carrier flies 30 Airbus jets.", 30, "Airbus"),
    ],
)
def test_a_maker_is_no_owner(nlp: Language, text: str, value: float, not_owner: str) -> None:
    q = the(quantities(nlp, text), value, text)
    assert q.subject is None or name_key(q.subject) != name_key(not_owner)
    assert not_owner in q.text


def test_a_place_keeps_its_own_name(nlp: Language) -> None:
    check(nlp, "Qatar Airways flies to Doha. Qatar has 12,000 troops.", 12_000,
          {"subject": ("Qatar",)})


# ---- not counts -------------------------------------------------------------------------------

NOT_COUNTS = [
    # definite references: which things, not how many
    ("The two leaders met in Geneva on Monday.", 2),
    ("The three companies later settled the dispute.", 3),
    ("These four men had never met before.", 4),
    ("The only two parties that opposed the bill were fined.", 2),
    ("Talks between the two sides resumed.", 2),
    # legal cases
    ("The court will hear two cases against the ministry next week.", 2),
    ("Three court cases are pending.", 3),
    # capacities
    ("The arena seats 18,000 spectators.", 18_000),
    ("The ferry can carry 1,200 passengers.", 1200),
    ("The jail has a capacity of 800 inmates.", 800),
    ("A cell meant for 30 held dozens of men.", 30),
    ("The new jet, seating 180 to 220 passengers, flies next year.", 180),
    # a number inside a singular noun phrase
    ("She was named a 30 Under 30 honoree.", 30),
    ("The family rents a 3 bedroom house.", 3),
    # sources, one person who speaks, roles that companies fill
    ("Two lawyers said the case was weak.", 2),
    ("One resident told the BBC that the water was rising.", 1),
    ("According to AFP, one user on Weibo posted a video of the ward.", 1),
    ("Its two main trading partners imposed tariffs.", 2),
    ("Four producers objected to the cut.", 4),
    ("Six chipmakers signed the pledge.", 6),
    # a name that WordNet files as a person; a compound with a word of time
    ("12 Alex Bowman finished ahead of 13 Kurt Busch.", 12),
    ("The city is home of five time NBA champion Tim Duncan.", 5),
]


@pytest.mark.parametrize(("text", "value"), NOT_COUNTS)
def test_not_a_count(nlp: Language, text: str, value: float) -> None:
    found = quantities(nlp, text)
    assert value not in [q.value for q in found], [(q.value, q.unit, q.text) for q in found]


KEPT = [
    # the same shapes where the figure is the news
    ("The three deaths of migrant children prompted an inquiry.", 3, "deaths"),
    ("Health officials confirmed 40 new cases on Tuesday.", 40, "cases"),
    ("The ferry carried 1,200 passengers when it sank.", 1200, "passengers"),
    ("Some 300 protesters said they would return.", 300, "protesters"),
    ("11 of the 12 cities with the worst air are in India.", 12, "cities"),
]


@pytest.mark.parametrize(("text", "value", "unit"), KEPT)
def test_still_a_count(nlp: Language, text: str, value: float, unit: str) -> None:
    check(nlp, text, value, {"unit": unit})


# ---- the person-noun data ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("word", "person"),
    [
        ("physician", True), ("surgeon", True), ("dockworker", True), ("vlogger", True),
        ("influencer", True), ("asylee", True),
        ("carrier", False), ("partner", False), ("computer", False), ("supercomputer", False),
        ("chipmaker", False), ("container", False), ("white", False), ("case", False),
    ],
)
def test_person_nouns(word: str, person: bool) -> None:
    assert lexicon().is_person_noun((word,)) is person


def test_the_hand_lists_win_over_wordnet() -> None:
    lex = lexicon()
    assert lex.kinds["general"] == "personnel"
    assert "general" not in lex.person_nouns
    assert "leader" in lex.person_nouns and "carrier" not in lex.person_nouns
