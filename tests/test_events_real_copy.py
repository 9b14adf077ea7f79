"""The event coder on the patterns of real news copy that sentence sets had not shown.

An evaluator annotated eight real articles by hand (tests/fixtures/gold_heldout/) and found the
coder weak there in six ways: criticism and praise carried by what someone calls, describes or
says something to be; events nested under another verb, agentless passives and nominal events;
the wrong actor; wrong triggers; sentences broken by dash parentheticals; and lexicon gaps. The
sentences below are NEW ones, written for these tests (other outlets, topics and names than the
held-out articles), one table per pattern, so that each fix is checked on more than the article
that showed the gap. Rows are (sentence, type, words one of which must name the actor,
recipient words or None, status or None); the event must be among those coded.
"""

from __future__ import annotations

import pytest

from test_events_sentences import Row, extract, mentions, names


def coded(row: Row) -> None:
    """The row's event is among the sentence's events (others may be there too: these
    sentences often carry two)."""
    sentence, etype, actor, recipient, status = row
    article = extract(sentence)
    got = [(e.type, e.actors, e.recipients, e.status) for e in article.events]
    assert any(
        e.type == etype and mentions(actor, names(article, e, "actor"))
        and (recipient is None or mentions(recipient, names(article, e, "recipient")))
        and (status is None or e.status == status)
        for e in article.events), f"{sentence!r}: want {etype} by {actor}, got {got}"

# ---- 1. criticism and praise carried by a judgment, not by a verb of criticism ------------

JUDGMENTS: list[Row] = [
    # call / brand / describe / view X as a condemning word
    ("The Kremlin called the sanctions an act of economic aggression.", "ACCUSE",
     ("Kremlin", "Russia"), None, None),
    ("Seoul branded the launch a grave provocation.", "ACCUSE", ("Seoul", "South Korea"), None,
     None),
    ("Ankara described the Swedish decision as unacceptable.", "ACCUSE", ("Ankara", "Turkey"),
     ("Sweden", "Swedish"), None),
    ("Canada views the tariffs as illegal under trade rules.", "ACCUSE", ("Canada",), None,
     None),
    ("The senator called Omar a terrorist.", "ACCUSE", ("senator",), ("Omar",), None),
    # a verb in a list the parser hung on the noun before it
    ("During the call, the senator asked about the Muslim Brotherhood, called Omar a terrorist "
     "and hung up.", "ACCUSE", ("senator",), ("Omar",), None),
    # what someone says something is
    ("The opposition leader said the election was rigged.", "ACCUSE", ("leader",), None, None),
    ("The foreign ministry said the raid violated international law.", "ACCUSE",
     ("ministry",), None, None),
    ("Ottawa told Beijing that the detentions were arbitrary and unjustified.", "ACCUSE",
     ("Ottawa", "Canada"), None, None),
    # a negated approval condemns
    ("The German chancellor said the strikes were not in line with international law.",
     "ACCUSE", ("Germany", "chancellor"), None, None),
    ("The spokeswoman reiterated the government's position that the blockade is illegal.",
     "ACCUSE", ("spokeswoman",), None, None),
    ("Australia said it regrets Japan's decision to resume whaling.", "ACCUSE",
     ("Australia",), ("Japan",), None),
    ("The union is frustrated with the ministry, saying it ignored safety warnings.", "ACCUSE",
     ("union",), ("ministry",), None),
    ("Brazil's foreign minister is critical of the new trade deal.", "ACCUSE",
     ("Brazil", "minister"), None, None),
    ("The two leaders attacked each other's records during the debate.", "ACCUSE",
     ("leaders",), None, None),
    # praise and defence
    ("The Indian prime minister called the agreement historic.", "SUPPORT",
     ("India", "minister"), None, None),
    ("Kenya described the talks as constructive.", "SUPPORT", ("Kenya",), None, None),
    ("The defence minister defended the army's conduct during the raid.", "SUPPORT",
     ("minister",), None, None),
]

NOT_JUDGMENTS = [
    "The minister said the storm was dangerous.",  # a state of the world, not an act
    "The mayor called the meeting to order.",
    "Analysts described the market as volatile.",
    "The senator said the vote was not illegal.",
    "Police said the weather was terrible.",
]


def test_a_hack_reported_is_no_criticism_by_the_reporter() -> None:
    # "breach" judges as a noun ("a breach of the law"), not as the verb of hacking
    events = extract("Chinese hackers breached the accounts of senior officials, the company "
                     "said.").events
    assert events and not [e for e in events if e.type == "ACCUSE"]

# ---- 2. nested, nominal and agentless events -------------------------------------------------

NESTED: list[Row] = [
    # what one pleads guilty to happened; the plea is a concession
    ("A Texas man pleaded guilty on Friday to threatening to bomb a mosque.", "THREATEN",
     ("Texas man", "man"), None, "occurred"),
    ("A Texas man pleaded guilty on Friday to threatening to bomb a mosque.", "CONCEDE",
     ("Texas man", "man"), None, None),
    # a meeting named in an adjunct of another act, with a partner, is that act's subject's
    ("The Greek prime minister announced the accord during talks in Ankara with President "
     "Erdogan.", "CONSULT", ("Greece", "minister", "Greek"), None, None),
    # a possessed nominal is given inside an embedded question; so is a relative clause
    ("Traders wonder whether Washington's tariffs on $200 billion of Chinese goods will be "
     "lifted.", "SANCTION", ("Washington", "United States"), None, None),
    ("Officials are unsure whether a duty that Brussels had planned to impose on $4 billion of "
     "US goods will take effect.", "SANCTION", ("Brussels", "European Union"), None,
     "planned"),
    # an act listed among someone's acts is theirs
    ("The report lists a series of steps by the junta, including banning two opposition "
     "parties.", "COERCE", ("junta",), None, None),
    ("Environmental advocates are urging the governor to veto the bill.", "REQUEST",
     ("advocates",), ("governor",), None),
    ("The Senate committee holds a hearing on Thursday with executives from three airlines.",
     "CONSULT", ("Senate", "committee"), None, None),
    # a plain refusal of an offer
    ("Hamas did not accept the proposal.", "REJECT", ("Hamas",), None, None),
    ("Nurses and paramedics have protested the new shift rules.", "PROTEST", ("Nurses",),
     None, None),
]


def test_quantity_of_the_goods_a_tariff_hits() -> None:
    [e] = extract("Traders wonder whether Washington's tariffs on $200 billion of Chinese goods "
                  "will be lifted.").events
    assert e.quantity is not None and e.quantity.value == 200e9


def test_agentless_passive_acts_on_someone_named() -> None:
    # the arrest or conviction happened; no one is named for it, so the actor is null
    for sentence, etype in [
        ("She was arrested at the airport in March.", "COERCE"),
        ("Former president Jair Bolsonaro was convicted of plotting a coup.", "SANCTION"),
    ]:
        events = extract(sentence).events
        assert [(e.type, e.actor) for e in events] == [(etype, None)], sentence
    # codebook, "Required entities": no one named, no event; nor a participle describing its
    # noun
    for sentence in ("Three activists were detained.",
                     "Ethiopia freed thousands of detainees held under the state of emergency."):
        assert not [e for e in extract(sentence).events if e.actor is None], sentence


def test_pleading_not_guilty_concedes_nothing() -> None:
    assert extract("The former mayor pleaded not guilty to corruption charges.").events == []


# ---- 3. who acts --------------------------------------------------------------------------

ACTORS: list[Row] = [
    # a province's or a city's body acts as itself
    ("Texas's environmental regulators are demanding answers from the refinery.", "REQUEST",
     ("regulators",), None, None),
    # the name in apposition, not the possessor
    ("Turkey's national carrier Turkish Airlines suspended flights to Iraq.", "SANCTION",
     ("Turkish Airlines",), None, None),
    # a party is no nationality
    ("The Republicans accused the governor of abusing his power.", "ACCUSE",
     ("Republicans",), ("governor",), None),
    # "the two countries" after two named together
    ("Moscow and Tokyo have long disputed the islands. The two countries resumed talks on "
     "Monday.", "CONSULT", ("Russia", "Moscow"), None, None),
    # a definite title is the one person holding it
    ("President Lula arrived in Beijing on Tuesday. The president met Xi Jinping on "
     "Wednesday.", "CONSULT", ("Lula",), None, None),
    # "while X ..., it ...": the subject of the clause before
    ("While Iran wants sanctions relief, it has balked on terms that would limit its missile "
     "program.", "REJECT", ("Iran",), None, None),
]


def test_a_religion_in_a_possessor_is_not_the_actor() -> None:
    [e] = extract("The Jewish state's foreign minister praised the agreement.").events
    assert e.type == "SUPPORT" and e.actor == "foreign minister"


def test_the_two_sides_are_both_named_sides() -> None:
    events = extract("Moscow and Tokyo have long disputed the islands. The two countries "
                     "resumed talks on Monday.").events
    assert [(e.type, sorted(e.actors)) for e in events] == [("CONSULT", ["Japan", "Russia"])]


# ---- 4. what is not an event ----------------------------------------------------------------

NOT_EVENTS = [
    # a warning of what may happen threatens no one
    "Jordan's king warned of dangerous consequences for the region.",
    # what others try to make someone do is a goal
    "Diplomats are trying to force Iran to make concessions.",
    # a condition on the first of two verbs scopes over the second
    "The two sides continue to talk and could sign an accord within days, if parliament "
    "agrees.",
    # an open question
    "Economists are trying to work out how Beijing could boost its imports of American "
    "soybeans.",
    # a rule's gerund has no particular subject
    "Federal rules recommend detaining migrants for no more than three days.",
    # "set goals for talks" does not make the setter a party to them
    "By setting ambitious targets for the climate talks, the host country raised expectations.",
    # who someone is, not what they did
    "Norway was the first country to have recognised the new government.",
    # a possessed nominal under a negating verb is still negated
    "The airline cancelled hundreds of flights because of a pilots' strike.",
    "If Hamas does not accept the proposal, the talks will end.",
]


# ---- 5. dashes --------------------------------------------------------------------------

DASHES: list[Row] = [
    ("The African Union - which suspended Mali after the coup - called for a return to "
     "civilian rule.", "REQUEST", ("African Union",), None, None),
    ("The African Union - which suspended Mali after the coup - called for a return to "
     "civilian rule.", "SANCTION", ("African Union",), ("Mali",), None),
    ("Two Gulf states — Qatar and Oman — offered to mediate between the rivals.", "AGREE",
     ("Qatar", "Oman"), None, None),
    ("The ministry — which oversees the police — condemned the attack on Tuesday.", "ACCUSE",
     ("ministry",), None, None),
]

# ---- 6. lexicon ----------------------------------------------------------------------------

LEXICON: list[Row] = [
    ("Beijing scrapped a planned tariff hike on U.S. soybeans.", "CONCEDE",
     ("Beijing", "China"), None, None),
    ("The council has been reluctant to commit to new talks.", "REJECT", ("council",), None,
     None),
    ("A Paris court ruled that the company must compensate the victims.", "REQUEST",
     ("court",), None, None),
    ("The ministry was denying medicines to detainees, rights groups said.", "COERCE",
     ("ministry",), None, "claimed"),
]

ROWS = JUDGMENTS + NESTED + ACTORS + DASHES + LEXICON


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[1]}-{r[0][:40]}" for r in ROWS])
def test_pattern_is_coded(row: Row) -> None:
    coded(row)


@pytest.mark.parametrize("sentence", NOT_JUDGMENTS + NOT_EVENTS,
                         ids=[s[:40] for s in NOT_JUDGMENTS + NOT_EVENTS])
def test_no_event(sentence: str) -> None:
    got = [(e.type, e.actors, e.trigger) for e in extract(sentence).events]
    assert got == []


def test_a_threat_is_made_against_whom_the_threatened_act_targets() -> None:
    [e] = extract("Gunmen threatened to kill the mayor.").events
    assert e.type == "THREATEN" and e.recipient == "mayor"
